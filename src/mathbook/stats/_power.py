"""Power and sample-size planning for two-group comparisons (private; see ``stats``)."""

from __future__ import annotations

import math

from scipy import stats as sps

from mathbook._validate import as_scalar, check_int, check_open_interval

from ._common import Alternative, ceil_whole, check_alternative, t_quantile, z_quantile

__all__ = ["power_ttest_ind", "sample_size_proportions", "sample_size_ttest_ind"]


def _check_direction(difference: float, alternative: Alternative, name: str) -> None:
    """A one-sided plan needs the planned difference on the side of the alternative."""
    if difference == 0.0:
        raise ValueError(f"{name} must be non-zero: there is no effect to detect")
    if alternative == "greater" and difference < 0.0:
        raise ValueError(f"with alternative='greater' the planned {name} must be positive")
    if alternative == "less" and difference > 0.0:
        raise ValueError(f"with alternative='less' the planned {name} must be negative")


def sample_size_proportions(
    p1: float,
    p2: float,
    alpha: float = 0.05,
    power: float = 0.8,
    alternative: Alternative = "two-sided",
) -> int:
    r"""Sample size per group for a two-proportion $z$-test (normal approximation).

    To detect $p_1 \ne p_2$ at level $\alpha$ with the given power $1 - \beta$:

    $$n = \left\lceil \frac{\left(z_{1-\alpha^*}\sqrt{2\bar p\,\bar q}
      + z_{1-\beta}\sqrt{p_1 q_1 + p_2 q_2}\right)^2}{(p_1 - p_2)^2} \right\rceil,$$

    with $q = 1 - p$, $\bar p = (p_1 + p_2)/2$, $\bar q = 1 - \bar p$, and
    $\alpha^* = \alpha/2$ for a two-sided test, $\alpha$ for a one-sided one. The first
    term is the critical value under $H_0$ (pooled standard error), the second moves it to
    the alternative (unpooled standard error). No continuity correction.

    Parameters
    ----------
    p1, p2 : float
        Planned proportions in $(0, 1)$, e.g. the baseline and the hoped-for conversion
        rate; they must differ.
    alpha : float, default 0.05
        Significance level in $(0, 1)$.
    power : float, default 0.8
        Target power $1 - \beta$ in $(0, 1)$.
    alternative : {"two-sided", "less", "greater"}
        $H_1$ of the planned test; ``"greater"`` needs $p_1 > p_2$, ``"less"``
        $p_1 < p_2$.

    Returns
    -------
    int
        Observations needed in **each** group.

    Raises
    ------
    ValueError
        If a proportion is outside $(0, 1)$, $p_1 = p_2$, the difference points the wrong
        way for a one-sided test, or ``alpha``/``power`` is outside $(0, 1)$.

    Examples
    --------
    Detect a lift from a 10% to a 12% conversion rate:

    >>> from mathbook import stats
    >>> stats.sample_size_proportions(0.10, 0.12)
    3841
    """
    a = check_open_interval(p1, "p1")
    b = check_open_interval(p2, "p2")
    level = check_open_interval(alpha, "alpha")
    target = check_open_interval(power, "power")
    alt = check_alternative(alternative)
    _check_direction(a - b, alt, "difference p1 - p2")
    z_alpha = z_quantile(1.0 - level / 2.0 if alt == "two-sided" else 1.0 - level)
    z_beta = z_quantile(target)
    p_bar = (a + b) / 2.0
    numerator = z_alpha * math.sqrt(2.0 * p_bar * (1.0 - p_bar)) + z_beta * math.sqrt(
        a * (1.0 - a) + b * (1.0 - b)
    )
    return ceil_whole(numerator**2 / (a - b) ** 2)


def _upper_tail(x: float, df: float, nc: float) -> float:
    r"""$P(T > x)$ for $T \sim t_{df}(nc)$, asking SciPy only for upper tails at $x \ge 0$.

    SciPy's noncentral-t CDF returns NaN far in the left tail (negative $x$ with a large
    positive $nc$), so use the reflection $-T \sim t_{df}(-nc)$ instead:
    $P(T > x) = 1 - P(-T \ge -x)$ when $x < 0$.
    """
    if x >= 0.0:
        return float(sps.nct.sf(x, df, nc))
    return 1.0 - float(sps.nct.sf(-x, df, -nc))


def _power_t(d: float, n: int, alpha: float, alternative: Alternative) -> float:
    r"""Power of the pooled two-sample t-test (inputs already validated).

    Lower tails are written as upper tails of the reflected statistic:
    $P(T < -c \mid \delta) = P(T > c \mid -\delta)$.
    """
    df = 2.0 * n - 2.0
    nc = d * math.sqrt(n / 2.0)
    if alternative == "two-sided":
        crit = t_quantile(1.0 - alpha / 2.0, df)
        return _upper_tail(crit, df, nc) + _upper_tail(crit, df, -nc)
    crit = t_quantile(1.0 - alpha, df)
    if alternative == "greater":
        return _upper_tail(crit, df, nc)
    return _upper_tail(crit, df, -nc)


def power_ttest_ind(
    effect_size: float,
    n_per_group: int,
    alpha: float = 0.05,
    alternative: Alternative = "two-sided",
) -> float:
    r"""Power of the pooled two-sample $t$-test for a standardised effect size.

    With Cohen's $d = (\mu_x - \mu_y)/\sigma$ and $n$ observations per group, the statistic
    follows a *noncentral* $t$ distribution with $\text{df} = 2n - 2$ and noncentrality
    $\delta = d\sqrt{n/2}$. The power is the probability of landing beyond the critical
    value $c$ of the central $t_{\text{df}}$:

    $$\text{two-sided: } P(T > c_{1-\alpha/2}) + P(T < -c_{1-\alpha/2}), \qquad
    \text{greater: } P(T > c_{1-\alpha}), \qquad \text{less: } P(T < -c_{1-\alpha}),$$

    with $T \sim t_{\text{df}}(\delta)$ (``scipy.stats.nct``). At $d = 0$ the power equals
    $\alpha$.

    Parameters
    ----------
    effect_size : float
        Cohen's $d$ (any real number; its sign matters for one-sided tests).
    n_per_group : int
        Observations in each of the two groups, at least 2.
    alpha : float, default 0.05
        Significance level in $(0, 1)$.
    alternative : {"two-sided", "less", "greater"}
        The alternative hypothesis of the planned test.

    Returns
    -------
    float
        The power in $[0, 1]$.

    Raises
    ------
    ValueError
        If an argument is out of range.

    Examples
    --------
    >>> from mathbook import stats
    >>> round(stats.power_ttest_ind(0.5, 64), 3)
    0.801

    See Also
    --------
    sample_size_ttest_ind
    """
    d = as_scalar(effect_size, "effect_size")
    n = check_int(n_per_group, "n_per_group", minimum=2)
    level = check_open_interval(alpha, "alpha")
    alt = check_alternative(alternative)
    return min(1.0, max(0.0, _power_t(d, n, level, alt)))


def sample_size_ttest_ind(
    effect_size: float,
    alpha: float = 0.05,
    power: float = 0.8,
    alternative: Alternative = "two-sided",
) -> int:
    r"""Smallest $n$ per group whose pooled two-sample $t$-test reaches the target power.

    $$n^* = \min\{n \ge 2 : \text{power}(d, n, \alpha) \ge 1 - \beta\},$$

    found by doubling $n$ until the power is reached and then bisecting (the power of
    :func:`power_ttest_ind` increases with $n$). The normal approximation
    $n \approx 2\,(z_{1-\alpha/2} + z_{1-\beta})^2 / d^2$ is a little smaller, because it
    ignores the extra uncertainty of estimating $\sigma$.

    Parameters
    ----------
    effect_size : float
        Cohen's $d \ne 0$ (positive for ``"greater"``, negative for ``"less"``).
    alpha : float, default 0.05
        Significance level in $(0, 1)$.
    power : float, default 0.8
        Target power in $(0, 1)$.
    alternative : {"two-sided", "less", "greater"}
        The alternative hypothesis of the planned test.

    Returns
    -------
    int
        Observations needed in **each** group.

    Raises
    ------
    ValueError
        If $d = 0$, its sign contradicts a one-sided alternative, or ``alpha``/``power``
        is outside $(0, 1)$.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.sample_size_ttest_ind(0.5), stats.sample_size_ttest_ind(0.5, alternative="greater")
    (64, 51)
    """
    d = as_scalar(effect_size, "effect_size")
    level = check_open_interval(alpha, "alpha")
    target = check_open_interval(power, "power")
    alt = check_alternative(alternative)
    _check_direction(d, alt, "effect_size")
    low, high = 1, 2  # n = 1 is not a valid design: low starts as a sentinel below it
    while _power_t(d, high, level, alt) < target:
        low, high = high, 2 * high
    # Invariant: power(high) >= target and (low == 1 or power(low) < target).
    while high - low > 1:
        middle = (low + high) // 2
        if _power_t(d, middle, level, alt) >= target:
            high = middle
        else:
            low = middle
    return high
