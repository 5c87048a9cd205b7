"""Hypothesis tests for means, proportions and several groups (private; see ``stats``)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from numpy.typing import ArrayLike
from scipy import special

from mathbook._validate import (
    FloatArray,
    as_scalar,
    check_bool,
    check_open_interval,
    check_positive,
    check_same_length,
)

from ._common import (
    Alternative,
    ConfidenceInterval,
    check_alternative,
    check_count,
    interval_around,
    is_constant,
    normal_pvalue,
    sample_vector,
    sum_of_squares,
    t_pvalue,
)

__all__ = [
    "TestResult",
    "TtestResult",
    "anova_oneway",
    "ttest_1samp",
    "ttest_ind",
    "ttest_rel",
    "ztest_1samp",
    "ztest_proportion",
    "ztest_proportions",
]


@dataclass(frozen=True)
class TestResult:
    """The outcome of a hypothesis test.

    Attributes
    ----------
    statistic : float
        The test statistic ($t$, $z$ or $F$).
    pvalue : float
        The probability, under the null hypothesis, of a statistic at least as extreme.
    df : float, tuple of int, or None
        Degrees of freedom: a number for $t$ tests (fractional for Welch), a pair
        ``(between, within)`` for ANOVA, ``None`` for $z$ tests.
    """

    __test__: ClassVar[bool] = False  # not a pytest test class, despite its name

    statistic: float
    pvalue: float
    df: float | tuple[int, int] | None = None


@dataclass(frozen=True)
class TtestResult(TestResult):
    r"""The outcome of a $t$-test, which can also give a confidence interval.

    Attributes
    ----------
    statistic, pvalue : float
        As in :class:`TestResult`.
    df : float
        Degrees of freedom.
    estimate : float
        What the test is about: the mean (one sample), the difference of the means
        $\bar x - \bar y$ (two samples) or the mean difference (paired).
    standard_error : float
        The standard error of ``estimate``; ``statistic`` is
        ``(estimate - hypothesised value) / standard_error``.
    alternative : {"two-sided", "less", "greater"}
        The alternative of the test, which also decides the interval's shape.
    """

    df: float = math.nan
    estimate: float = math.nan
    standard_error: float = math.nan
    alternative: Alternative = "two-sided"

    def confidence_interval(self, confidence_level: float = 0.95) -> ConfidenceInterval:
        r"""The confidence interval that matches the test, as SciPy's ``TtestResult`` gives.

        $$\text{estimate} \pm t_{1-\alpha/2,\,\text{df}}\;\text{SE}$$

        for a two-sided test; a one-sided test gives a one-sided interval (an infinite
        end) with the $1 - \alpha$ quantile.

        Parameters
        ----------
        confidence_level : float, default 0.95
            In $(0, 1)$.

        Returns
        -------
        ConfidenceInterval

        Raises
        ------
        ValueError
            If ``confidence_level`` is outside $(0, 1)$.

        Examples
        --------
        >>> from mathbook import stats
        >>> r = stats.ttest_1samp([9, 10, 11, 12, 13], popmean=10)
        >>> [round(v, 3) for v in r.confidence_interval(0.95)]
        [9.037, 12.963]
        """
        return interval_around(
            self.estimate, self.standard_error, confidence_level, self.df, self.alternative
        )


def _t_sample(x: ArrayLike, name: str) -> FloatArray:
    return sample_vector(x, name, minimum=2, what="a t statistic")


def ttest_1samp(
    x: ArrayLike, popmean: float, alternative: Alternative = "two-sided"
) -> TtestResult:
    r"""One-sample $t$-test of $H_0: \mu = \mu_0$ with unknown $\sigma$.

    $$t = \frac{\bar x - \mu_0}{s / \sqrt n}, \qquad \text{df} = n - 1,$$

    and the p-value is a tail area of Student's $t_{n-1}$ (both tails for
    ``"two-sided"``, the left one for ``"less"`` ($H_1: \mu < \mu_0$), the right one for
    ``"greater"``).

    Parameters
    ----------
    x : array_like
        1-D sample, at least 2 values, not all equal.
    popmean : float
        The hypothesised mean $\mu_0$.
    alternative : {"two-sided", "less", "greater"}
        The alternative hypothesis.

    Returns
    -------
    TtestResult
        ``statistic`` $t$, ``pvalue``, ``df`` $= n - 1$, and
        ``confidence_interval()`` for the mean.

    Raises
    ------
    ValueError
        If ``x`` has fewer than 2 values or zero variance, or an argument is invalid.

    Examples
    --------
    >>> from mathbook import stats
    >>> r = stats.ttest_1samp([5.1, 4.9, 5.6, 5.8, 6.0, 5.4], popmean=5.0)
    >>> round(r.statistic, 4), round(r.pvalue, 4), r.df
    (2.7351, 0.041, 5.0)

    See Also
    --------
    ``scipy.stats.ttest_1samp``
    """
    values = _t_sample(x, "x")
    mu0 = as_scalar(popmean, "popmean")
    alt = check_alternative(alternative)
    centre, ss = sum_of_squares(values)
    if is_constant(values, ss):
        raise ValueError("x has zero variance, so the t statistic is undefined")
    n = values.size
    se = math.sqrt(ss / (n - 1) / n)
    t = (centre - mu0) / se
    df = float(n - 1)
    return TtestResult(t, t_pvalue(t, df, alt), df, centre, se, alt)


def ttest_ind(
    x: ArrayLike,
    y: ArrayLike,
    equal_var: bool = False,
    alternative: Alternative = "two-sided",
) -> TtestResult:
    r"""Two-sample $t$-test of $H_0: \mu_x = \mu_y$: Welch's (default) or pooled.

    Welch (``equal_var=False``), no assumption of equal variances:

    $$t = \frac{\bar x - \bar y}{\sqrt{s_x^2/n_x + s_y^2/n_y}}, \qquad
    \text{df} = \frac{\left(s_x^2/n_x + s_y^2/n_y\right)^2}
    {\frac{(s_x^2/n_x)^2}{n_x - 1} + \frac{(s_y^2/n_y)^2}{n_y - 1}}.$$

    Pooled (``equal_var=True``):

    $$s_p^2 = \frac{(n_x - 1)s_x^2 + (n_y - 1)s_y^2}{n_x + n_y - 2}, \qquad
    t = \frac{\bar x - \bar y}{s_p\sqrt{1/n_x + 1/n_y}}, \qquad \text{df} = n_x + n_y - 2.$$

    Welch's test is the safer default: it loses almost nothing when the variances are
    equal and stays valid when they are not.

    Parameters
    ----------
    x, y : array_like
        The two independent 1-D samples, at least 2 values each.
    equal_var : bool, default False
        Use the pooled test.
    alternative : {"two-sided", "less", "greater"}
        $H_1: \mu_x \ne \mu_y$, $\mu_x < \mu_y$ or $\mu_x > \mu_y$.

    Returns
    -------
    TtestResult
        ``statistic`` $t$, ``pvalue``, ``df`` (fractional for Welch), and
        ``confidence_interval()`` for $\mu_x - \mu_y$.

    Raises
    ------
    ValueError
        If a sample has fewer than 2 values, both samples are constant, or an argument
        is invalid.

    Examples
    --------
    >>> from mathbook import stats
    >>> a, b = [20.1, 22.3, 19.8, 21.5, 23.0], [18.2, 19.1, 17.5, 20.0, 18.8, 19.4]
    >>> r = stats.ttest_ind(a, b)
    >>> round(r.statistic, 3), round(r.pvalue, 4), round(r.df, 2)
    (3.504, 0.0109, 6.6)

    See Also
    --------
    ``scipy.stats.ttest_ind``
    """
    xs, ys = _t_sample(x, "x"), _t_sample(y, "y")
    check_bool(equal_var, "equal_var")
    alt = check_alternative(alternative)
    nx, ny = xs.size, ys.size
    mx, ssx = sum_of_squares(xs)
    my, ssy = sum_of_squares(ys)
    if is_constant(xs, ssx) and is_constant(ys, ssy):
        raise ValueError("x and y both have zero variance, so the t statistic is undefined")
    vx, vy = ssx / (nx - 1), ssy / (ny - 1)
    df: float
    if equal_var:
        df = float(nx + ny - 2)
        pooled = (ssx + ssy) / df
        se = math.sqrt(pooled * (1.0 / nx + 1.0 / ny))
    else:
        ax, ay = vx / nx, vy / ny
        se = math.sqrt(ax + ay)
        df = (ax + ay) ** 2 / (ax**2 / (nx - 1) + ay**2 / (ny - 1))
    t = (mx - my) / se
    return TtestResult(t, t_pvalue(t, df, alt), df, mx - my, se, alt)


def ttest_rel(x: ArrayLike, y: ArrayLike, alternative: Alternative = "two-sided") -> TtestResult:
    r"""Paired $t$-test: a one-sample $t$-test on the differences $d_i = x_i - y_i$.

    $$t = \frac{\bar d}{s_d / \sqrt n}, \qquad \text{df} = n - 1.$$

    Use it when each $x_i$ and $y_i$ belong together (the same user before and after).

    Parameters
    ----------
    x, y : array_like
        Paired 1-D samples of equal length, at least 2 pairs.
    alternative : {"two-sided", "less", "greater"}
        $H_1: \mu_d \ne 0$, $\mu_d < 0$ or $\mu_d > 0$.

    Returns
    -------
    TtestResult
        ``statistic`` $t$, ``pvalue``, ``df`` $= n - 1$, and
        ``confidence_interval()`` for the mean difference.

    Raises
    ------
    ValueError
        If the lengths differ, there are fewer than 2 pairs, the differences are all
        equal, or an argument is invalid.

    Examples
    --------
    >>> from mathbook import stats
    >>> r = stats.ttest_rel([72, 80, 65, 90, 77], [70, 75, 66, 84, 73])
    >>> round(r.statistic, 4), round(r.pvalue, 4), r.df
    (2.5786, 0.0614, 4.0)

    See Also
    --------
    ``scipy.stats.ttest_rel``
    """
    xs, ys = _t_sample(x, "x"), _t_sample(y, "y")
    check_same_length(xs, ys, "x", "y")
    alt = check_alternative(alternative)
    d = xs - ys
    centre, ss = sum_of_squares(d)
    if is_constant(d, ss):
        raise ValueError("the differences x - y are all equal, so the t statistic is undefined")
    n = d.size
    se = math.sqrt(ss / (n - 1) / n)
    t = centre / se
    df = float(n - 1)
    return TtestResult(t, t_pvalue(t, df, alt), df, centre, se, alt)


def ztest_1samp(
    x: ArrayLike, popmean: float, sigma: float, alternative: Alternative = "two-sided"
) -> TestResult:
    r"""One-sample $z$-test of $H_0: \mu = \mu_0$ when $\sigma$ is known.

    $$z = \frac{\bar x - \mu_0}{\sigma / \sqrt n}, \qquad
    p = 2\Phi(-|z|),\ \Phi(z) \text{ or } \Phi(-z)$$

    for ``"two-sided"``, ``"less"`` and ``"greater"``.

    Parameters
    ----------
    x : array_like
        1-D sample, at least 1 value.
    popmean : float
        The hypothesised mean $\mu_0$.
    sigma : float
        The known population standard deviation, $> 0$.
    alternative : {"two-sided", "less", "greater"}
        The alternative hypothesis.

    Returns
    -------
    TestResult
        ``statistic`` $z$, ``pvalue``, ``df=None``.

    Raises
    ------
    ValueError
        If ``x`` is empty or not finite, ``sigma`` is not positive, or an argument is
        invalid.

    Examples
    --------
    >>> from mathbook import stats
    >>> r = stats.ztest_1samp([103, 98, 110, 105], popmean=100, sigma=6)
    >>> round(r.statistic, 4), round(r.pvalue, 4)
    (1.3333, 0.1824)
    """
    values = sample_vector(x, "x")
    mu0 = as_scalar(popmean, "popmean")
    s = check_positive(sigma, "sigma")
    alt = check_alternative(alternative)
    z = (float(values.mean()) - mu0) / (s / math.sqrt(values.size))
    return TestResult(z, normal_pvalue(z, alt))


def ztest_proportion(
    count: int, n: int, p0: float, alternative: Alternative = "two-sided"
) -> TestResult:
    r"""One-sample $z$-test for a proportion, $H_0: p = p_0$ (normal approximation).

    $$z = \frac{\hat p - p_0}{\sqrt{p_0(1 - p_0)/n}}, \qquad \hat p = \frac{\text{count}}{n}.$$

    The standard error uses $p_0$, the value under $H_0$. The approximation needs roughly
    $np_0 \ge 10$ and $n(1 - p_0) \ge 10$.

    Parameters
    ----------
    count : int
        Number of successes, $0 \le \text{count} \le n$.
    n : int
        Number of trials, $n \ge 1$.
    p0 : float
        Hypothesised proportion in $(0, 1)$.
    alternative : {"two-sided", "less", "greater"}
        The alternative hypothesis.

    Returns
    -------
    TestResult
        ``statistic`` $z$, ``pvalue``, ``df=None``.

    Raises
    ------
    ValueError
        If ``count``/``n`` are not whole numbers in range, ``p0`` is outside $(0, 1)$, or
        ``alternative`` is invalid.

    Examples
    --------
    >>> from mathbook import stats
    >>> r = stats.ztest_proportion(60, 100, p0=0.5, alternative="greater")
    >>> round(r.statistic, 4), round(r.pvalue, 4)
    (2.0, 0.0228)
    """
    successes, trials = check_count(count, n)
    null = check_open_interval(p0, "p0")
    alt = check_alternative(alternative)
    z = (successes / trials - null) / math.sqrt(null * (1.0 - null) / trials)
    return TestResult(z, normal_pvalue(z, alt))


def ztest_proportions(
    count1: int, n1: int, count2: int, n2: int, alternative: Alternative = "two-sided"
) -> TestResult:
    r"""Two-proportion $z$-test of $H_0: p_1 = p_2$ with the pooled proportion.

    $$\hat p = \frac{c_1 + c_2}{n_1 + n_2}, \qquad
    z = \frac{\hat p_1 - \hat p_2}{\sqrt{\hat p (1 - \hat p)\left(\frac{1}{n_1} +
    \frac{1}{n_2}\right)}}.$$

    Under $H_0$ both groups share one proportion, estimated by pooling them — the test
    of an A/B experiment on a conversion rate.

    Parameters
    ----------
    count1, n1 : int
        Successes and trials in group 1.
    count2, n2 : int
        Successes and trials in group 2.
    alternative : {"two-sided", "less", "greater"}
        $H_1: p_1 \ne p_2$, $p_1 < p_2$ or $p_1 > p_2$.

    Returns
    -------
    TestResult
        ``statistic`` $z$, ``pvalue``, ``df=None``.

    Raises
    ------
    ValueError
        If a count is out of range, or the pooled proportion is 0 or 1 (no successes
        or no failures at all: the standard error is 0).

    Examples
    --------
    >>> from mathbook import stats
    >>> r = stats.ztest_proportions(120, 1000, 90, 1000)
    >>> round(r.statistic, 4), round(r.pvalue, 4)
    (2.1883, 0.0287)
    """
    c1, t1 = check_count(count1, n1, "count1", "n1")
    c2, t2 = check_count(count2, n2, "count2", "n2")
    alt = check_alternative(alternative)
    pooled = (c1 + c2) / (t1 + t2)
    if pooled in (0.0, 1.0):
        raise ValueError(
            f"the pooled proportion is {pooled}: with no successes or no failures at all "
            "the standard error is 0 and the z statistic is undefined"
        )
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / t1 + 1.0 / t2))
    z = (c1 / t1 - c2 / t2) / se
    return TestResult(z, normal_pvalue(z, alt))


def anova_oneway(*groups: ArrayLike) -> TestResult:
    r"""One-way ANOVA: do $k$ groups share one mean? $H_0: \mu_1 = \dots = \mu_k$.

    With group sizes $n_j$, group means $\bar x_j$, grand mean $\bar x$ and $N = \sum n_j$:

    $$\text{SSB} = \sum_j n_j (\bar x_j - \bar x)^2, \qquad
    \text{SSW} = \sum_j \sum_i (x_{ij} - \bar x_j)^2,$$

    $$F = \frac{\text{SSB}/(k - 1)}{\text{SSW}/(N - k)} \sim F_{k-1,\,N-k}
    \text{ under } H_0,$$

    and the p-value is the right tail $P(F_{k-1, N-k} \ge F)$.

    Parameters
    ----------
    *groups : array_like
        Two or more 1-D samples (at least 1 value each, more values than groups in total).

    Returns
    -------
    TestResult
        ``statistic`` $F$, ``pvalue``, ``df = (k - 1, N - k)``.

    Raises
    ------
    ValueError
        If there are fewer than 2 groups, a group is empty or not finite,
        $N \le k$, or every group is constant (SSW = 0).

    Examples
    --------
    >>> from mathbook import stats
    >>> r = stats.anova_oneway([4, 5, 6], [6, 7, 8], [9, 10, 11])
    >>> round(r.statistic, 2), round(r.pvalue, 5), r.df
    (19.0, 0.00254, (2, 6))

    See Also
    --------
    ``scipy.stats.f_oneway``
    """
    if len(groups) < 2:
        raise ValueError(f"groups: anova_oneway needs at least 2 groups, got {len(groups)}")
    samples = [sample_vector(g, f"groups[{j}]") for j, g in enumerate(groups)]
    k = len(samples)
    total = sum(s.size for s in samples)
    if total <= k:
        raise ValueError(
            f"groups: need more values ({total}) than groups ({k}) for the within-group variance"
        )
    grand = sum(float(s.sum()) for s in samples) / total
    within = [sum_of_squares(s) for s in samples]
    ssb = sum(s.size * (m - grand) ** 2 for s, (m, _) in zip(samples, within, strict=True))
    ssw = sum(ss for _, ss in within)
    if all(is_constant(s, ss) for s, (_, ss) in zip(samples, within, strict=True)):
        raise ValueError("groups: every group is constant (SSW = 0), so F is undefined")
    df_between, df_within = k - 1, total - k
    f = (ssb / df_between) / (ssw / df_within)
    pvalue = float(special.fdtrc(df_between, df_within, f))
    return TestResult(f, pvalue, (df_between, df_within))
