"""mathbook agrees with the libraries a practitioner uses: scikit-learn and statsmodels.

The book's rule is "mathbook to learn how, the library you will use at work to check".
These tests are that check, run on random inputs (hypothesis) and on the book's real
data sets: where ``mathbook`` and scikit-learn or statsmodels compute the same thing,
they must give the same numbers.

Every ``mathbook`` call goes through the few adapters below (``interval``,
``CONFIDENCE``), so a renamed argument or a new return type changes one line here.
"""

from __future__ import annotations

import io
import math
from contextlib import redirect_stdout
from typing import Any

import numpy as np
import pytest
from conftest import ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pytest_codeblocks import extract_from_buffer

from mathbook import datasets, linalg, stats

sklearn = pytest.importorskip("sklearn")
statsmodels = pytest.importorskip("statsmodels")

from sklearn.decomposition import PCA  # noqa: E402
from sklearn.linear_model import LinearRegression  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    accuracy_score,
    confusion_matrix,
    precision_score,
    recall_score,
)
from sklearn.naive_bayes import GaussianNB, MultinomialNB  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from statsmodels.api import OLS, add_constant  # noqa: E402
from statsmodels.stats.oneway import anova_oneway  # noqa: E402
from statsmodels.stats.power import TTestIndPower  # noqa: E402
from statsmodels.stats.proportion import (  # noqa: E402
    power_proportions_2indep,
    proportion_confint,
    proportions_ztest,
    samplesize_confint_proportion,
)
from statsmodels.stats.weightstats import DescrStatsW  # noqa: E402
from statsmodels.stats.weightstats import ttest_ind as sm_ttest_ind  # noqa: E402

SETTINGS = settings(max_examples=40, deadline=None)
CONFIDENCE = 0.95  # passed positionally: the same call works if the keyword is renamed
# statsmodels names one-sided alternatives "larger"/"smaller", mathbook "greater"/"less"
SM_ALTERNATIVE = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}
alternatives = st.sampled_from(sorted(SM_ALTERNATIVE))


def interval(ci: Any) -> tuple[float, float]:
    """``(low, high)`` from a mathbook interval: a tuple or an object with low/high."""
    if hasattr(ci, "low"):
        return float(ci.low), float(ci.high)
    low, high = ci
    return float(low), float(high)


def matrices(min_rows: int, max_rows: int, min_cols: int, max_cols: int) -> Any:
    """Finite float matrices with entries of moderate size (whole hundredths)."""
    return st.tuples(st.integers(min_rows, max_rows), st.integers(min_cols, max_cols)).flatmap(
        lambda shape: arrays(np.float64, shape,
                             elements=st.integers(-1000, 1000).map(lambda k: k / 100))
    )


def well_conditioned(A: np.ndarray, limit: float = 1e6) -> bool:
    return bool(np.linalg.matrix_rank(A) == A.shape[1] and np.linalg.cond(A) < limit)


# ---------------------------------------------------------------------------
# PCA: mathbook.linalg.pca and sklearn.decomposition.PCA
# ---------------------------------------------------------------------------


def align_signs(reference: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Flip rows of ``other`` to point the same way as the rows of ``reference``.

    An eigenvector is only defined up to its sign; scikit-learn picks one rule
    (``svd_flip``), mathbook another. The subspaces must agree, the signs need not.
    """
    signs = np.sign(np.sum(reference * other, axis=1))
    signs[signs == 0] = 1.0
    return other * signs[:, None]


def assert_pca_agrees(X: np.ndarray, k: int) -> None:
    ours = linalg.pca(X, k)
    theirs = PCA(n_components=k, svd_solver="full").fit(X)
    scale = max(1.0, float(np.abs(X).max()))
    np.testing.assert_allclose(ours.mean_, theirs.mean_, atol=1e-12 * scale)
    np.testing.assert_allclose(ours.explained_variance_, theirs.explained_variance_,
                               rtol=1e-7, atol=1e-9 * scale**2)
    np.testing.assert_allclose(ours.explained_variance_ratio_,
                               theirs.explained_variance_ratio_, rtol=1e-7, atol=1e-10)
    components = align_signs(ours.components_, theirs.components_)
    np.testing.assert_allclose(ours.components_, components, atol=1e-6)
    scores = align_signs(ours.transform(X).T, theirs.transform(X).T).T
    np.testing.assert_allclose(ours.transform(X), scores, atol=1e-6 * scale)


@SETTINGS
@given(X=matrices(4, 25, 2, 6), data=st.data())
def test_pca_agrees_with_sklearn(X: np.ndarray, data: st.DataObject) -> None:
    k = data.draw(st.integers(1, min(X.shape)), label="n_components")
    values = np.linalg.eigvalsh(np.cov(X, rowvar=False))[::-1]
    # the kept directions must be well defined: distinct, non-zero variances
    assume(values[0] > 1e-6)
    gaps = -np.diff(values[: min(k + 1, len(values))])
    assume(np.all(gaps > 1e-4 * values[0]))
    assume(k <= int(np.sum(values > 1e-6 * values[0])))
    assert_pca_agrees(X, k)


def test_pca_agrees_with_sklearn_on_real_digits() -> None:
    assert_pca_agrees(datasets.digits().data, 10)


# ---------------------------------------------------------------------------
# Least squares and regression: LinearRegression and statsmodels' OLS
# ---------------------------------------------------------------------------


def regression_problems() -> Any:
    """(X, y) with more rows than columns + 2 and a non-constant y."""
    return matrices(5, 30, 1, 4).flatmap(
        lambda X: st.tuples(
            st.just(X),
            arrays(np.float64, X.shape[0],
                   elements=st.integers(-1000, 1000).map(lambda k: k / 100)),
        )
    ).filter(lambda Xy: Xy[0].shape[0] >= Xy[0].shape[1] + 3)


def assert_regression_agrees(X: np.ndarray, y: np.ndarray) -> None:
    ours = stats.linear_regression(X, y)
    sk = LinearRegression().fit(X, y)
    np.testing.assert_allclose(ours.coef, np.r_[sk.intercept_, sk.coef_], rtol=1e-6, atol=1e-8)
    ols = OLS(y, add_constant(X, has_constant="add")).fit()
    np.testing.assert_allclose(ours.coef, ols.params, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.stderr, ols.bse, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(ours.conf_int(CONFIDENCE), ols.conf_int(alpha=1 - CONFIDENCE),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.tvalues, ols.tvalues, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.pvalues, ols.pvalues, rtol=1e-5, atol=1e-12)
    assert ours.r_squared == pytest.approx(ols.rsquared, rel=1e-7, abs=1e-10)
    assert ours.df_resid == ols.df_resid
    assert ours.sigma2 == pytest.approx(ols.scale, rel=1e-7)
    # intervals for the mean response and for a new observation at the first rows
    x_new = X[:3]
    frame = ols.get_prediction(add_constant(x_new, has_constant="add")).summary_frame(
        alpha=1 - CONFIDENCE)
    np.testing.assert_allclose(ours.predict(x_new), frame["mean"], rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.confidence_interval_mean(x_new, CONFIDENCE),
                               frame[["mean_ci_lower", "mean_ci_upper"]], rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.prediction_interval(x_new, CONFIDENCE),
                               frame[["obs_ci_lower", "obs_ci_upper"]], rtol=1e-6, atol=1e-8)


@SETTINGS
@given(problem=regression_problems())
def test_linear_regression_agrees_with_sklearn_and_statsmodels(
        problem: tuple[np.ndarray, np.ndarray]) -> None:
    X, y = problem
    assume(well_conditioned(np.column_stack([np.ones(len(y)), X])))
    assume(np.ptp(y) > 1e-2)
    residual = y - LinearRegression().fit(X, y).predict(X)
    assume(np.linalg.norm(residual) > 1e-6 * np.linalg.norm(y))  # not a perfect fit
    assert_regression_agrees(X, y)


@SETTINGS
@given(problem=regression_problems())
def test_least_squares_agrees_with_sklearn_without_intercept(
        problem: tuple[np.ndarray, np.ndarray]) -> None:
    X, y = problem
    assume(well_conditioned(X))
    ours = linalg.least_squares(X, y)
    theirs = LinearRegression(fit_intercept=False).fit(X, y).coef_
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-8)


def test_regression_agrees_on_real_diabetes_data() -> None:
    ds = datasets.diabetes()
    assert ds.target is not None
    assert_regression_agrees(ds.data, ds.target)


def test_regression_to_the_mean_agrees_on_galtons_heights() -> None:
    ds = datasets.galton_heights()
    assert ds.target is not None
    assert_regression_agrees(ds.data, ds.target)


# ---------------------------------------------------------------------------
# Standardisation: StandardScaler
# ---------------------------------------------------------------------------


@SETTINGS
@given(X=matrices(2, 30, 1, 5))
def test_standardize_agrees_with_standard_scaler(X: np.ndarray) -> None:
    assume(np.all(np.ptp(X, axis=0) > 0))
    ours = np.column_stack([stats.standardize(column) for column in X.T])
    np.testing.assert_allclose(ours, StandardScaler().fit_transform(X), atol=1e-9)


def test_standardize_agrees_on_real_wine_data() -> None:
    X = datasets.wine().data
    ours = np.column_stack([stats.standardize(column) for column in X.T])
    np.testing.assert_allclose(ours, StandardScaler().fit_transform(X), atol=1e-12)


@SETTINGS
@given(X=matrices(2, 30, 1, 5))
def test_standardize_columns_agrees_with_standard_scaler(X: np.ndarray) -> None:
    assume(np.all(np.ptp(X, axis=0) > 1e-6))
    Z, mean, std = stats.standardize_columns(X)
    scaler = StandardScaler().fit(X)
    np.testing.assert_allclose(Z, scaler.transform(X), atol=1e-9)
    np.testing.assert_allclose(mean, scaler.mean_, atol=1e-12)
    np.testing.assert_allclose(std, scaler.scale_, rtol=1e-12)


def test_unstandardized_weights_agree_with_linear_regression_on_diabetes() -> None:
    ds = datasets.diabetes()
    features = ds.data[:, [ds.feature_names.index(n) for n in ("bmi", "bp", "s5")]]
    Z, mean, std = stats.standardize_columns(features)
    on_z = LinearRegression().fit(Z, ds.target)
    w = stats.unstandardize_weights(np.r_[on_z.intercept_, on_z.coef_], mean, std)
    raw = LinearRegression().fit(features, ds.target)
    np.testing.assert_allclose(w, np.r_[raw.intercept_, raw.coef_], rtol=1e-9)


# ---------------------------------------------------------------------------
# Naive Bayes: MultinomialNB and GaussianNB
# ---------------------------------------------------------------------------


@st.composite
def labelled_counts(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    n, d, k = draw(st.integers(4, 20)), draw(st.integers(2, 6)), draw(st.integers(2, 3))
    X = draw(arrays(np.int64, (n, d), elements=st.integers(0, 6)))
    y = draw(arrays(np.int64, n, elements=st.integers(0, k - 1)))
    y[:k] = np.arange(k)  # every class occurs
    return X, y


@SETTINGS
@given(problem=labelled_counts(), alpha=st.floats(0.1, 3.0))
def test_multinomial_nb_agrees_with_sklearn(problem: tuple[np.ndarray, np.ndarray],
                                            alpha: float) -> None:
    X, y = problem
    ours = stats.MultinomialNB(alpha=alpha).fit(X, y)
    theirs = MultinomialNB(alpha=alpha).fit(X, y)
    np.testing.assert_array_equal(ours.classes_, theirs.classes_)
    np.testing.assert_allclose(ours.class_log_prior_, theirs.class_log_prior_, rtol=1e-12)
    np.testing.assert_allclose(ours.feature_log_prob_, theirs.feature_log_prob_, rtol=1e-12)
    np.testing.assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-10)
    probabilities = theirs.predict_proba(X)
    clear = np.sort(probabilities, axis=1)[:, -1] - np.sort(probabilities, axis=1)[:, -2] > 1e-9
    np.testing.assert_array_equal(ours.predict(X)[clear], theirs.predict(X)[clear])


def test_multinomial_nb_agrees_on_the_messages() -> None:
    ds = datasets.messages()
    assert ds.target is not None
    texts = [datasets.tokenize(text) for text in ds.data]
    vocabulary = {word: j for j, word in enumerate(sorted({w for t in texts for w in t}))}
    X = np.zeros((len(texts), len(vocabulary)), dtype=np.int64)
    for i, words in enumerate(texts):
        for word in words:
            X[i, vocabulary[word]] += 1
    split = int(0.7 * len(texts))
    ours = stats.MultinomialNB().fit(X[:split], ds.target[:split])
    theirs = MultinomialNB().fit(X[:split], ds.target[:split])
    np.testing.assert_allclose(ours.predict_proba(X[split:]), theirs.predict_proba(X[split:]),
                               atol=1e-10)
    np.testing.assert_array_equal(ours.predict(X[split:]), theirs.predict(X[split:]))


@SETTINGS
@given(X=matrices(6, 25, 1, 4), data=st.data())
def test_gaussian_nb_agrees_with_sklearn(X: np.ndarray, data: st.DataObject) -> None:
    y = data.draw(arrays(np.int64, X.shape[0], elements=st.integers(0, 1)), label="y")
    y[:4] = [0, 0, 1, 1]  # at least two examples of each class
    for k in (0, 1):  # every class has some spread in every feature
        assume(np.all(np.ptp(X[y == k], axis=0) > 0.1))
    ours = stats.GaussianNB().fit(X, y)
    theirs = GaussianNB().fit(X, y)
    np.testing.assert_allclose(ours.theta_, theirs.theta_, atol=1e-12)
    np.testing.assert_allclose(ours.var_, theirs.var_, rtol=1e-9)
    np.testing.assert_allclose(ours.class_prior_, theirs.class_prior_)
    np.testing.assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-8)


def test_gaussian_nb_agrees_on_real_iris_data() -> None:
    ds = datasets.iris()
    ours = stats.GaussianNB().fit(ds.data, ds.target)
    theirs = GaussianNB().fit(ds.data, ds.target)
    np.testing.assert_allclose(ours.predict_proba(ds.data), theirs.predict_proba(ds.data),
                               atol=1e-10)


# ---------------------------------------------------------------------------
# Metrics: precision_score, recall_score, confusion_matrix, accuracy_score
# ---------------------------------------------------------------------------


@SETTINGS
@given(labels=st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1)), min_size=1,
                       max_size=40))
def test_metrics_agree_with_sklearn(labels: list[tuple[int, int]]) -> None:
    y_true, y_pred = (np.array(column) for column in zip(*labels, strict=True))
    assert stats.precision(y_true, y_pred) == pytest.approx(
        precision_score(y_true, y_pred, zero_division=0))
    assert stats.recall(y_true, y_pred) == pytest.approx(
        recall_score(y_true, y_pred, zero_division=0))
    np.testing.assert_array_equal(stats.confusion_matrix(y_true, y_pred),
                                  confusion_matrix(y_true, y_pred, labels=[0, 1]))
    assert stats.accuracy(y_true, y_pred) == pytest.approx(accuracy_score(y_true, y_pred))


# ---------------------------------------------------------------------------
# Proportions: statsmodels.stats.proportion
# ---------------------------------------------------------------------------


@SETTINGS
@given(n1=st.integers(5, 2000), n2=st.integers(5, 2000), data=st.data(), alternative=alternatives)
def test_two_proportion_z_test_agrees_with_statsmodels(n1: int, n2: int, data: st.DataObject,
                                                       alternative: str) -> None:
    c1 = data.draw(st.integers(0, n1), label="count1")
    c2 = data.draw(st.integers(0, n2), label="count2")
    assume(0 < c1 + c2 < n1 + n2)  # the pooled proportion is strictly between 0 and 1
    ours = stats.ztest_proportions(c1, n1, c2, n2, alternative=alternative)  # type: ignore[arg-type]
    z, p = proportions_ztest([c1, c2], [n1, n2], alternative=SM_ALTERNATIVE[alternative])
    assert ours.statistic == pytest.approx(z, rel=1e-9, abs=1e-12)
    assert ours.pvalue == pytest.approx(p, rel=1e-7, abs=1e-14)


@SETTINGS
@given(n=st.integers(1, 2000), data=st.data(), p0=st.floats(0.01, 0.99),
       alternative=alternatives)
def test_one_proportion_z_test_agrees_with_statsmodels(n: int, data: st.DataObject, p0: float,
                                                       alternative: str) -> None:
    count = data.draw(st.integers(0, n), label="count")
    ours = stats.ztest_proportion(count, n, p0, alternative=alternative)  # type: ignore[arg-type]
    # mathbook's z uses the standard error under H0, sqrt(p0 (1 - p0) / n): prop_var=p0
    z, p = proportions_ztest(count, n, value=p0, prop_var=p0,
                             alternative=SM_ALTERNATIVE[alternative])
    assert ours.statistic == pytest.approx(z, rel=1e-9, abs=1e-12)
    assert ours.pvalue == pytest.approx(p, rel=1e-7, abs=1e-14)


@SETTINGS
@given(n=st.integers(1, 5000), data=st.data(), confidence=st.floats(0.5, 0.999))
def test_proportion_interval_agrees_with_statsmodels(n: int, data: st.DataObject,
                                                     confidence: float) -> None:
    count = data.draw(st.integers(0, n), label="count")
    low, high = interval(stats.proportion_ci(count, n, confidence))
    sm_low, sm_high = proportion_confint(count, n, alpha=1 - confidence, method="normal")
    assert low == pytest.approx(sm_low, abs=1e-12)
    assert high == pytest.approx(sm_high, abs=1e-12)


@SETTINGS
@given(margin=st.floats(0.005, 0.3), p=st.floats(0.01, 0.99), confidence=st.floats(0.5, 0.999))
def test_sample_size_for_a_proportion_agrees_with_statsmodels(margin: float, p: float,
                                                               confidence: float) -> None:
    exact = samplesize_confint_proportion(p, margin, alpha=1 - confidence)
    assume(abs(exact - round(exact)) > 1e-6)  # away from a whole number, ceil is stable
    assert stats.sample_size_proportion(margin, p, confidence) == max(1, math.ceil(exact))


# ---------------------------------------------------------------------------
# Power and sample size: statsmodels.stats.power and power_proportions_2indep
# ---------------------------------------------------------------------------


@SETTINGS
@given(effect=st.floats(0.05, 2.0), n=st.integers(2, 500), alpha=st.floats(0.01, 0.1),
       alternative=alternatives)
def test_t_test_power_agrees_with_statsmodels(effect: float, n: int, alpha: float,
                                              alternative: str) -> None:
    # statsmodels' noncentral t returns nan when the power is within ~1e-8 of 1:
    # keep the noncentrality d * sqrt(n / 2) where the power is still informative
    assume(effect * math.sqrt(n / 2) < 6)
    if alternative == "less":
        effect = -effect  # a one-sided test looks for an effect in its direction
    ours = stats.power_ttest_ind(effect, n, alpha, alternative=alternative)  # type: ignore[arg-type]
    theirs = TTestIndPower().power(effect_size=effect, nobs1=n, alpha=alpha, ratio=1.0,
                                   alternative=SM_ALTERNATIVE[alternative])
    # statsmodels adds the far tail of a two-sided test: at most alpha / 2
    tolerance = alpha / 2 if alternative == "two-sided" else 1e-6
    assert ours == pytest.approx(theirs, abs=tolerance)
    assert ours <= theirs + 1e-6


@SETTINGS
@given(effect=st.floats(0.1, 1.5), power=st.floats(0.5, 0.99), alpha=st.floats(0.01, 0.1),
       alternative=st.sampled_from(["two-sided", "greater"]))
def test_t_test_sample_size_reaches_the_power_in_statsmodels(
        effect: float, power: float, alpha: float, alternative: str) -> None:
    n = stats.sample_size_ttest_ind(effect, alpha, power, alternative=alternative)  # type: ignore[arg-type]
    analysis = TTestIndPower()
    sm_alternative = SM_ALTERNATIVE[alternative]
    assert analysis.power(effect, nobs1=n, alpha=alpha, alternative=sm_alternative) >= power
    if n > 2:  # the smallest such n: one fewer falls short (up to the far tail)
        short = analysis.power(effect, nobs1=n - 1, alpha=alpha, alternative=sm_alternative)
        assert short < power + 1e-4


@SETTINGS
@given(base=st.floats(0.02, 0.9), lift=st.floats(0.01, 0.09), power=st.floats(0.5, 0.99),
       alternative=st.sampled_from(["two-sided", "greater"]))
def test_two_proportion_sample_size_reaches_the_power_in_statsmodels(
        base: float, lift: float, power: float, alternative: str) -> None:
    p1, p2 = base + lift, base  # "greater" means p1 > p2 in both libraries
    n = stats.sample_size_proportions(p1, p2, 0.05, power,
                                      alternative=alternative)  # type: ignore[arg-type]

    def power_at(m: int) -> float:
        result = power_proportions_2indep(p1 - p2, p2, m, alpha=0.05,
                                          alternative=SM_ALTERNATIVE[alternative],
                                          return_results=True)
        return float(result.power)

    assert power_at(n) >= power - 1e-9
    assert power_at(n - 1) < power + 1e-4  # the far tail of a two-sided test is tiny here


# ---------------------------------------------------------------------------
# t-tests, intervals and ANOVA: statsmodels' weightstats and oneway
# ---------------------------------------------------------------------------


def samples(min_size: int = 2) -> Any:
    return st.lists(st.integers(-500, 500).map(lambda k: k / 10), min_size=min_size,
                    max_size=30).map(np.array)


@SETTINGS
@given(x=samples(), y=samples(), alternative=alternatives)
def test_welch_t_test_agrees_with_statsmodels(x: np.ndarray, y: np.ndarray,
                                              alternative: str) -> None:
    assume(np.ptp(x) > 0 and np.ptp(y) > 0)
    ours = stats.ttest_ind(x, y, alternative=alternative)  # type: ignore[arg-type]
    t, p, df = sm_ttest_ind(x, y, alternative=SM_ALTERNATIVE[alternative], usevar="unequal")
    assert ours.statistic == pytest.approx(t, rel=1e-9, abs=1e-12)
    assert ours.pvalue == pytest.approx(p, rel=1e-7, abs=1e-14)
    assert ours.df == pytest.approx(df, rel=1e-9)


@SETTINGS
@given(x=samples(3), confidence=st.floats(0.5, 0.999))
def test_mean_interval_agrees_with_statsmodels(x: np.ndarray, confidence: float) -> None:
    assume(np.ptp(x) > 0)
    low, high = interval(stats.mean_ci(x, confidence))
    sm_low, sm_high = DescrStatsW(x).tconfint_mean(alpha=1 - confidence)
    assert low == pytest.approx(sm_low, rel=1e-9, abs=1e-9)
    assert high == pytest.approx(sm_high, rel=1e-9, abs=1e-9)


def test_paired_t_test_agrees_with_statsmodels_on_students_sleep_data() -> None:
    ds = datasets.student_sleep()
    drug_1, drug_2 = ds.data.T
    ours = stats.ttest_rel(drug_2, drug_1)
    t, p, df = DescrStatsW(drug_2 - drug_1).ttest_mean(0.0)
    assert ours.statistic == pytest.approx(t, rel=1e-10)
    assert ours.pvalue == pytest.approx(p, rel=1e-8)
    assert ours.df == df == 9


@SETTINGS
@given(groups=st.lists(samples(2), min_size=2, max_size=5))
def test_anova_agrees_with_statsmodels(groups: list[np.ndarray]) -> None:
    assume(any(np.ptp(g) > 0 for g in groups))
    ours = stats.anova_oneway(*groups)
    theirs = anova_oneway(groups, use_var="equal")
    assert ours.statistic == pytest.approx(theirs.statistic, rel=1e-7, abs=1e-10)
    assert ours.pvalue == pytest.approx(theirs.pvalue, rel=1e-6, abs=1e-14)
    assert ours.df == (len(groups) - 1, sum(len(g) for g in groups) - len(groups))


def test_anova_agrees_with_a_statsmodels_linear_model_on_iris() -> None:
    pandas = pytest.importorskip("pandas")
    from statsmodels.formula.api import ols
    from statsmodels.stats.anova import anova_lm

    ds = datasets.iris()
    assert ds.target is not None
    frame = pandas.DataFrame({"petal_length": ds.data[:, 2],
                              "species": np.array(ds.target_names)[ds.target]})
    table = anova_lm(ols("petal_length ~ C(species)", data=frame).fit())
    ours = stats.anova_oneway(*(ds.data[ds.target == k, 2] for k in range(3)))
    assert ours.statistic == pytest.approx(table.loc["C(species)", "F"], rel=1e-9)
    assert ours.pvalue == pytest.approx(table.loc["C(species)", "PR(>F)"], rel=1e-6, abs=1e-300)


# ---------------------------------------------------------------------------
# The rule as CONTRIBUTING.md states it: its example runs and prints what it shows
# ---------------------------------------------------------------------------


def test_the_example_in_contributing_runs_and_prints_what_it_shows() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start = text.index("### `mathbook` to learn how, the library you will use at work")
    section = text[start:text.index("\n#", start + 1)]
    blocks = [b for b in extract_from_buffer(io.StringIO(section)) if b.syntax == "python"]
    assert len(blocks) == 1 and blocks[0].expected_output is not None
    printed = io.StringIO()
    with redirect_stdout(printed):
        exec(compile(blocks[0].code, "CONTRIBUTING.md", "exec"), {})
    assert printed.getvalue() == blocks[0].expected_output
