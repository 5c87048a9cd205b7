"""Descriptive statistics: centre, spread, shape, quantiles, covariance (private; see ``stats``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    FloatOrArray,
    as_array,
    as_matrix,
    check_bool,
    check_int,
    check_probabilities,
    check_same_length,
    float_or_array,
)

from ._common import is_constant, sample_vector, sum_of_squares

__all__ = [
    "Summary",
    "correlation",
    "covariance",
    "covariance_matrix",
    "describe",
    "iqr",
    "kurtosis",
    "mean",
    "median",
    "mode",
    "quantile",
    "skewness",
    "Standardized",
    "standardize",
    "standardize_columns",
    "std",
    "variance",
]


def mean(x: ArrayLike) -> float:
    r"""Sample mean $\bar x = \frac{1}{n}\sum_{i=1}^{n} x_i$.

    Parameters
    ----------
    x : array_like
        1-D sample, at least one value.

    Returns
    -------
    float
        The arithmetic mean.

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D or not finite.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.mean([2, 4, 9])
    5.0

    See Also
    --------
    ``numpy.mean``
    """
    values = sample_vector(x, "x")
    return float(values.sum() / values.size)


def median(x: ArrayLike) -> float:
    r"""Sample median: the middle value of the sorted sample.

    $$\operatorname{median} = \begin{cases} x_{((n+1)/2)} & n \text{ odd} \\
    \tfrac12\big(x_{(n/2)} + x_{(n/2+1)}\big) & n \text{ even,} \end{cases}$$

    where $x_{(1)} \le \dots \le x_{(n)}$ is the sorted sample.

    Parameters
    ----------
    x : array_like
        1-D sample, at least one value.

    Returns
    -------
    float
        The median.

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D or not finite.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.median([7, 1, 3]), stats.median([4, 1, 3, 2])
    (3.0, 2.5)

    See Also
    --------
    ``numpy.median``
    """
    values = np.sort(sample_vector(x, "x"))
    n = values.size
    middle = n // 2
    if n % 2 == 1:
        return float(values[middle])
    return float((values[middle - 1] + values[middle]) / 2.0)


def mode(x: ArrayLike) -> float:
    r"""The most frequent value of a sample; the **smallest** one if several tie.

    $$\operatorname{mode} = \min\,\{v : \#\{i : x_i = v\} \text{ is maximal}\}.$$

    The tie rule matches ``scipy.stats.mode``. For continuous data every value is usually
    unique, so the "mode" is just the minimum — use a histogram or a kernel density
    estimate there instead.

    Parameters
    ----------
    x : array_like
        1-D sample, at least one value.

    Returns
    -------
    float
        The modal value.

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D or not finite.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.mode([3, 1, 3, 2, 1])
    1.0

    See Also
    --------
    ``scipy.stats.mode``
    """
    values, counts = np.unique(sample_vector(x, "x"), return_counts=True)
    # np.unique sorts, and argmax returns the first maximum: the smallest tied value.
    return float(values[np.argmax(counts)])


def _check_ddof(ddof: int, x: FloatArray, name: str, what: str) -> int:
    dd = check_int(ddof, "ddof", minimum=0)
    if x.size <= dd:
        raise ValueError(f"{name} needs more than ddof={dd} values to compute {what}, got {x.size}")
    return dd


def variance(x: ArrayLike, ddof: int = 1) -> float:
    r"""Sample variance, by default the unbiased one (divide by $n - 1$).

    $$s^2 = \frac{1}{n - \text{ddof}} \sum_{i=1}^{n} (x_i - \bar x)^2.$$

    With ``ddof=1`` (the default, Bessel's correction) $E[s^2] = \sigma^2$; ``ddof=0``
    gives the maximum-likelihood (population-style) variance. Note that ``numpy.var``
    defaults to ``ddof=0``.

    Parameters
    ----------
    x : array_like
        1-D sample with more than ``ddof`` values.
    ddof : int, default 1
        "Delta degrees of freedom" subtracted from $n$.

    Returns
    -------
    float
        The variance.

    Raises
    ------
    ValueError
        If ``x`` is not a finite 1-D sample with more than ``ddof`` values, or ``ddof`` is
        a negative or non-integer number.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.variance([1, 2, 3, 4]), stats.variance([1, 2, 3, 4], ddof=0)
    (1.6666666666666667, 1.25)

    See Also
    --------
    ``numpy.var``
    """
    values = sample_vector(x, "x")
    dd = _check_ddof(ddof, values, "x", "the variance")
    return sum_of_squares(values)[1] / (values.size - dd)


def std(x: ArrayLike, ddof: int = 1) -> float:
    r"""Sample standard deviation $s = \sqrt{s^2}$ (see :func:`variance`).

    $$s = \sqrt{\frac{1}{n - \text{ddof}} \sum_{i=1}^{n} (x_i - \bar x)^2}.$$

    Parameters
    ----------
    x : array_like
        1-D sample with more than ``ddof`` values.
    ddof : int, default 1
        Delta degrees of freedom.

    Returns
    -------
    float
        The standard deviation.

    Raises
    ------
    ValueError
        As for :func:`variance`.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.std([2, 4, 4, 4, 5, 5, 7, 9], ddof=0)
    2.0

    See Also
    --------
    ``numpy.std``
    """
    return float(np.sqrt(variance(x, ddof=ddof)))


def _central_moments(x: ArrayLike, what: str) -> tuple[float, FloatArray]:
    """``m2`` and the deviations ``x - mean`` of a sample with non-zero spread."""
    values = sample_vector(x, "x", minimum=2, what=what)
    centre, ss = sum_of_squares(values)
    if is_constant(values, ss):
        raise ValueError(f"x has zero variance (all values equal), so its {what} is undefined")
    return ss / values.size, values - centre


def skewness(x: ArrayLike) -> float:
    r"""Sample skewness $g_1$: how lopsided the distribution is.

    $$g_1 = \frac{m_3}{m_2^{3/2}}, \qquad m_k = \frac{1}{n}\sum_{i=1}^{n} (x_i - \bar x)^k.$$

    This is the plain moment estimator, identical to ``scipy.stats.skew(x)`` (whose
    default is ``bias=True``). Positive: a long right tail.

    Parameters
    ----------
    x : array_like
        1-D sample with at least 2 values that are not all equal.

    Returns
    -------
    float
        The skewness.

    Raises
    ------
    ValueError
        If ``x`` has fewer than 2 values or zero variance (skewness undefined).

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.skewness([1, 2, 3]), round(stats.skewness([0, 0, 0, 1]), 4)
    (0.0, 1.1547)

    See Also
    --------
    ``scipy.stats.skew``
    """
    m2, deviations = _central_moments(x, "skewness")
    m3 = float(np.mean(deviations**3))
    return float(m3 / m2**1.5)


def kurtosis(x: ArrayLike, excess: bool = True) -> float:
    r"""Sample kurtosis: how heavy the tails are compared with the centre.

    $$g_2 = \frac{m_4}{m_2^{2}} - 3 \ (\text{excess, the default}), \qquad
    \frac{m_4}{m_2^2} \ (\text{if } \texttt{excess=False}),$$

    with the central moments $m_k$ of :func:`skewness`. The excess kurtosis of a normal
    distribution is 0. Identical to ``scipy.stats.kurtosis(x, fisher=excess)`` (default
    ``bias=True``).

    Parameters
    ----------
    x : array_like
        1-D sample with at least 2 values that are not all equal.
    excess : bool, default True
        Subtract 3 (Fisher's definition) or not (Pearson's).

    Returns
    -------
    float
        The kurtosis.

    Raises
    ------
    ValueError
        If ``x`` has fewer than 2 values or zero variance (kurtosis undefined).

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.kurtosis([1, 2, 3, 4]), stats.kurtosis([1, 2, 3, 4], excess=False)
    (-1.36, 1.64)

    See Also
    --------
    ``scipy.stats.kurtosis``
    """
    check_bool(excess, "excess")
    m2, deviations = _central_moments(x, "kurtosis")
    m4 = float(np.mean(deviations**4))
    return m4 / m2**2 - (3.0 if excess else 0.0)


def quantile(x: ArrayLike, q: ArrayLike) -> FloatOrArray:
    r"""Sample quantile(s) by linear interpolation between order statistics.

    Sort the sample, $x_{(0)} \le \dots \le x_{(n-1)}$, put $h = (n - 1)q$ and

    $$Q(q) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)\,
       \big(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)}\big).$$

    This is NumPy's default ``method="linear"`` (type 7 of Hyndman and Fan).

    Parameters
    ----------
    x : array_like
        1-D sample, at least one value.
    q : float or array_like
        Probability level(s) in $[0, 1]$.

    Returns
    -------
    float or numpy.ndarray
        The quantile(s), with the shape of ``q``.

    Raises
    ------
    ValueError
        If ``x`` is not a finite 1-D sample or ``q`` has an entry outside $[0, 1]$.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.quantile([1, 2, 3, 4], [0.25, 0.5]).tolist()
    [1.75, 2.5]

    See Also
    --------
    ``numpy.quantile``
    """
    values = np.sort(sample_vector(x, "x"))
    levels = check_probabilities(as_array(q, "q"), "q")
    h = (values.size - 1) * levels
    below = np.floor(h).astype(np.int64)
    above = np.minimum(below + 1, values.size - 1)
    result = values[below] + (h - below) * (values[above] - values[below])
    return float_or_array(result)


def iqr(x: ArrayLike) -> float:
    r"""Interquartile range $\operatorname{IQR} = Q(0.75) - Q(0.25)$ (see :func:`quantile`).

    Parameters
    ----------
    x : array_like
        1-D sample, at least one value.

    Returns
    -------
    float
        The IQR, the width of the box in a box plot.

    Raises
    ------
    ValueError
        If ``x`` is not a finite 1-D sample.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.iqr([1, 2, 3, 4, 5, 6, 7, 8, 9])
    4.0

    See Also
    --------
    ``scipy.stats.iqr``
    """
    q1, q3 = np.asarray(quantile(x, [0.25, 0.75]))
    return float(q3 - q1)


def _paired(x: ArrayLike, y: ArrayLike) -> tuple[FloatArray, FloatArray]:
    xs, ys = sample_vector(x, "x"), sample_vector(y, "y")
    check_same_length(xs, ys, "x", "y")
    return xs, ys


def covariance(x: ArrayLike, y: ArrayLike, ddof: int = 1) -> float:
    r"""Sample covariance of paired observations $(x_i, y_i)$.

    $$s_{xy} = \frac{1}{n - \text{ddof}} \sum_{i=1}^{n} (x_i - \bar x)(y_i - \bar y).$$

    Parameters
    ----------
    x, y : array_like
        1-D samples of equal length, more than ``ddof`` values.
    ddof : int, default 1
        Delta degrees of freedom.

    Returns
    -------
    float
        The covariance.

    Raises
    ------
    ValueError
        If the samples differ in length, are not finite 1-D arrays, or are too short.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.covariance([1, 2, 3], [2, 4, 7])
    2.5

    See Also
    --------
    ``numpy.cov``
    """
    xs, ys = _paired(x, y)
    dd = _check_ddof(ddof, xs, "x", "the covariance")
    return float((xs - xs.mean()) @ (ys - ys.mean())) / (xs.size - dd)


def correlation(x: ArrayLike, y: ArrayLike) -> float:
    r"""Pearson correlation coefficient, the covariance of the standardised variables.

    $$r = \frac{\sum (x_i - \bar x)(y_i - \bar y)}
    {\sqrt{\sum (x_i - \bar x)^2}\,\sqrt{\sum (y_i - \bar y)^2}} \in [-1, 1].$$

    Parameters
    ----------
    x, y : array_like
        1-D samples of equal length, at least 2 values, neither constant.

    Returns
    -------
    float
        $r$, clipped to $[-1, 1]$ against round-off.

    Raises
    ------
    ValueError
        If the samples differ in length, have fewer than 2 values, or one is constant
        (then $r$ is undefined).

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.correlation([1, 2, 3], [2, 4, 6]), stats.correlation([1, 2, 3], [3, 1, 2])
    (1.0, -0.5)

    See Also
    --------
    ``scipy.stats.pearsonr``
    """
    xs, ys = _paired(x, y)
    if xs.size < 2:
        raise ValueError(f"x needs at least 2 values to compute a correlation, got {xs.size}")
    dx, dy = xs - xs.mean(), ys - ys.mean()
    sxx, syy = float(dx @ dx), float(dy @ dy)
    for name, values, ss in (("x", xs, sxx), ("y", ys, syy)):
        if is_constant(values, ss):
            raise ValueError(f"{name} is constant, so the correlation is undefined")
    r = float(dx @ dy) / np.sqrt(sxx * syy)
    return float(np.clip(r, -1.0, 1.0))


def covariance_matrix(X: ArrayLike, ddof: int = 1) -> FloatArray:
    r"""Sample covariance matrix of a data matrix whose **rows are observations**.

    With the column means $\bar{\mathbf{x}}$ and the centred data
    $\mathbf{X}_c = \mathbf{X} - \mathbf{1}\bar{\mathbf{x}}^\top$,

    $$\mathbf{S} = \frac{1}{n - \text{ddof}}\, \mathbf{X}_c^\top \mathbf{X}_c, \qquad
    S_{jk} = s_{x_j x_k}.$$

    Equal to ``numpy.cov(X, rowvar=False)`` (NumPy's own default treats *rows as
    variables*).

    Parameters
    ----------
    X : array_like
        2-D array of shape ``(n, p)``: $n$ observations of $p$ variables, with $n$ greater than ``ddof``.
    ddof : int, default 1
        Delta degrees of freedom.

    Returns
    -------
    ndarray of shape (p, p)
        The symmetric covariance matrix.

    Raises
    ------
    ValueError
        If ``X`` is not a finite 2-D array or has too few rows.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.covariance_matrix([[1, 2], [2, 4], [3, 7]]).tolist()
    [[1.0, 2.5], [2.5, 6.333333333333333]]
    """
    data = as_matrix(X, "X")
    dd = check_int(ddof, "ddof", minimum=0)
    n = data.shape[0]
    if n <= dd:
        raise ValueError(
            f"X needs more than ddof={dd} rows (observations) to compute a covariance "
            f"matrix, got {n}"
        )
    centred = data - data.mean(axis=0)
    S = centred.T @ centred / (n - dd)
    symmetric: FloatArray = (S + S.T) / 2.0  # exactly symmetric despite round-off
    return symmetric


def standardize(x: ArrayLike, ddof: int = 0) -> FloatArray:
    r"""Standardise a sample to mean 0 and standard deviation 1: z-scores.

    $$z_i = \frac{x_i - \bar x}{s}, \qquad
    s = \sqrt{\tfrac{1}{n - \text{ddof}} \textstyle\sum (x_i - \bar x)^2}.$$

    The default ``ddof=0`` matches ``scipy.stats.zscore`` (and scikit-learn's
    ``StandardScaler``); pass ``ddof=1`` to divide by the sample standard deviation.

    Parameters
    ----------
    x : array_like
        1-D sample with more than ``ddof`` values, not constant.
    ddof : int, default 0
        Delta degrees of freedom of the standard deviation.

    Returns
    -------
    ndarray of float64
        The z-scores, same length as ``x``.

    Raises
    ------
    ValueError
        If ``x`` is too short or constant (nothing to divide by).

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.standardize([2, 4, 6]).round(4).tolist()
    [-1.2247, 0.0, 1.2247]

    See Also
    --------
    ``scipy.stats.zscore``
    """
    values = sample_vector(x, "x")
    dd = _check_ddof(ddof, values, "x", "z-scores")
    centre, ss = sum_of_squares(values)
    if is_constant(values, ss):
        raise ValueError("x is constant (zero standard deviation), so it cannot be standardised")
    z: FloatArray = (values - centre) / np.sqrt(ss / (values.size - dd))
    return z


class Standardized(NamedTuple):
    """Standardised feature columns with the means and standard deviations used.

    Returned by :func:`standardize_columns`; unpacks as ``Z, mean, std = ...``.
    """

    z: FloatArray
    mean: FloatArray
    std: FloatArray


def standardize_columns(features: ArrayLike, ddof: int = 0) -> Standardized:
    r"""Standardise each feature column: $z^{(i)}_j = (x^{(i)}_j - \mu_j) / \sigma_j$.

    $\mu_j$ is the mean of column $j$ over the $m$ rows (examples) and
    $\sigma_j = \sqrt{\tfrac{1}{m - \text{ddof}} \sum_i (x^{(i)}_j - \mu_j)^2}$ its
    standard deviation. The default ``ddof=0`` (the population standard deviation) is
    what scikit-learn's ``StandardScaler`` uses. Keep ``mean`` and ``std``: new data is
    standardised with them, and :func:`unstandardize_weights` needs them to bring
    weights fitted on ``z`` back to the original units. Pass the features only, never
    a column of ones (it is constant).

    Parameters
    ----------
    features : array_like, shape (m, n)
        One example per row, one feature per column; no constant column.
    ddof : int, default 0
        Delta degrees of freedom of the standard deviation.

    Returns
    -------
    Standardized
        ``z`` (shape (m, n), every column with mean 0 and standard deviation 1),
        ``mean`` and ``std`` (shape (n,)).

    Raises
    ------
    ValueError
        If ``features`` is not a finite 2-D array with more than ``ddof`` rows, or a
        column is constant (its standard deviation is zero: nothing to divide by).

    See Also
    --------
    standardize : one sample.
    unstandardize_weights : the weights in the original units.
    ``sklearn.preprocessing.StandardScaler``

    Taught in [The same fit by gradient descent](../../foundations/week-2/gradient-descent.md#standardise-the-features).

    Examples
    --------
    >>> from mathbook import stats
    >>> Z, mean, std = stats.standardize_columns([[1, 10], [2, 30], [3, 20]])
    >>> Z.round(4).tolist()
    [[-1.2247, -1.2247], [0.0, 1.2247], [1.2247, 0.0]]
    >>> mean.tolist(), std.round(4).tolist()
    ([2.0, 20.0], [0.8165, 8.165])
    """
    data = as_matrix(features, "features")
    dd = check_int(ddof, "ddof", minimum=0)
    m = data.shape[0]
    if m <= dd:
        raise ValueError(f"features needs more than ddof={dd} rows (examples), got {m}")
    centre = data.mean(axis=0)
    deviations = data - centre
    ss = np.einsum("ij,ij->j", deviations, deviations)
    for j in range(data.shape[1]):
        if is_constant(data[:, j], float(ss[j])):
            raise ValueError(
                f"feature column {j} is constant (zero standard deviation), so it cannot be "
                "standardised; drop it (the intercept already models a constant)"
            )
    spread = np.sqrt(ss / (m - dd))
    return Standardized(deviations / spread, centre, spread)


@dataclass(frozen=True)
class Summary:
    """The five-number summary plus size, mean and standard deviation of a sample."""

    n: int
    mean: float
    std: float
    min: float
    q1: float
    median: float
    q3: float
    max: float


def describe(x: ArrayLike) -> Summary:
    r"""Summarise a sample: size, mean, standard deviation ($n - 1$) and five-number summary.

    $$\big(n,\ \bar x,\ s,\ \min,\ Q(0.25),\ Q(0.5),\ Q(0.75),\ \max\big),$$

    with $s$ from :func:`std` (``ddof=1``) and $Q$ from :func:`quantile`.

    Parameters
    ----------
    x : array_like
        1-D sample with at least 2 values.

    Returns
    -------
    Summary
        Frozen dataclass with fields ``n, mean, std, min, q1, median, q3, max``.

    Raises
    ------
    ValueError
        If ``x`` is not a finite 1-D sample of at least 2 values.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.describe([1, 2, 3, 4, 5])
    Summary(n=5, mean=3.0, std=1.5811388300841898, min=1.0, q1=2.0, median=3.0, q3=4.0, max=5.0)

    See Also
    --------
    ``scipy.stats.describe``
    """
    values = sample_vector(x, "x", minimum=2, what="a summary with a standard deviation")
    q1, q2, q3 = np.asarray(quantile(values, [0.25, 0.5, 0.75])).tolist()
    return Summary(
        n=int(values.size),
        mean=mean(values),
        std=std(values),
        min=float(values.min()),
        q1=q1,
        median=q2,
        q3=q3,
        max=float(values.max()),
    )
