"""Statistics: describing data, estimating, interval estimates, tests, power, classifiers.

The companion code of Part 3, Weeks 2–4 of the book. Every function validates its input
and is checked against SciPy (or against the textbook formula) in the test suite.

>>> from mathbook import stats
>>> stats.mean([2, 4, 9]), stats.median([2, 4, 9])
(5.0, 4.0)
"""

from __future__ import annotations

from ._common import Alternative, ConfidenceInterval
from ._descriptive import (
    Standardized,
    Summary,
    correlation,
    covariance,
    covariance_matrix,
    describe,
    iqr,
    kurtosis,
    mean,
    median,
    mode,
    quantile,
    skewness,
    standardize,
    standardize_columns,
    std,
    variance,
)
from ._estimation import map_bernoulli, mle_bernoulli, mle_normal, posterior_beta
from ._intervals import mean_ci, proportion_ci, sample_size_mean, sample_size_proportion
from ._metrics import accuracy, confusion_matrix, precision, recall
from ._naive_bayes import GaussianNB, MultinomialNB
from ._power import power_ttest_ind, sample_size_proportions, sample_size_ttest_ind
from ._regression import LinearRegressionResult, linear_regression, unstandardize_weights
from ._testing import (
    TestResult,
    TtestResult,
    anova_oneway,
    ttest_1samp,
    ttest_ind,
    ttest_rel,
    ztest_1samp,
    ztest_proportion,
    ztest_proportions,
)

__all__ = [
    "Alternative",
    "ConfidenceInterval",
    "GaussianNB",
    "LinearRegressionResult",
    "MultinomialNB",
    "Standardized",
    "Summary",
    "TestResult",
    "TtestResult",
    "accuracy",
    "anova_oneway",
    "confusion_matrix",
    "correlation",
    "covariance",
    "covariance_matrix",
    "describe",
    "iqr",
    "kurtosis",
    "linear_regression",
    "map_bernoulli",
    "mean",
    "mean_ci",
    "median",
    "mle_bernoulli",
    "mle_normal",
    "mode",
    "posterior_beta",
    "power_ttest_ind",
    "precision",
    "proportion_ci",
    "quantile",
    "recall",
    "sample_size_mean",
    "sample_size_proportion",
    "sample_size_proportions",
    "sample_size_ttest_ind",
    "skewness",
    "standardize",
    "standardize_columns",
    "std",
    "ttest_1samp",
    "ttest_ind",
    "ttest_rel",
    "unstandardize_weights",
    "variance",
    "ztest_1samp",
    "ztest_proportion",
    "ztest_proportions",
]
