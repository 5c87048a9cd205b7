"""Confidence intervals and the sample sizes that give a target margin (private)."""

from __future__ import annotations

import math

from numpy.typing import ArrayLike

from mathbook._validate import check_open_interval, check_positive, check_probability

from ._common import (
    ConfidenceInterval,
    ceil_whole,
    check_count,
    interval_around,
    sample_vector,
    sum_of_squares,
    z_quantile,
)

__all__ = ["mean_ci", "proportion_ci", "sample_size_mean", "sample_size_proportion"]


def mean_ci(
    x: ArrayLike, confidence_level: float = 0.95, sigma: float | None = None
) -> ConfidenceInterval:
    r"""Confidence interval for a population mean: $z$ if $\sigma$ is known, else $t$.

    $$\bar x \pm z_{1-\alpha/2}\,\frac{\sigma}{\sqrt n} \ (\sigma \text{ known}), \qquad
    \bar x \pm t_{1-\alpha/2,\,n-1}\,\frac{s}{\sqrt n} \ (\sigma \text{ unknown}),$$

    where $\alpha = 1 - \text{confidence level}$ and $s$ is the sample standard deviation. The
    $t$ interval assumes (roughly) normal data or a large $n$.

    Parameters
    ----------
    x : array_like
        1-D sample; at least 1 value with ``sigma``, at least 2 without.
    confidence_level : float, default 0.95
        Confidence level in $(0, 1)$.
    sigma : float, optional
        Known population standard deviation ($> 0$).

    Returns
    -------
    ConfidenceInterval
        The interval ``(low, high)``, a named tuple.

    Raises
    ------
    ValueError
        If ``x`` is too short or not finite, ``confidence_level`` is outside $(0, 1)$, or
        ``sigma`` is not positive.

    Examples
    --------
    >>> from mathbook import stats
    >>> low, high = stats.mean_ci([9, 10, 11, 12, 13], confidence_level=0.95)
    >>> round(low, 3), round(high, 3)
    (9.037, 12.963)
    >>> [round(v, 3) for v in stats.mean_ci([9, 10, 11, 12, 13], sigma=1.5)]
    [9.685, 12.315]

    See Also
    --------
    ``scipy.stats.t.interval``
    """
    check_open_interval(confidence_level, "confidence_level")
    df: float | None
    if sigma is not None:
        values = sample_vector(x, "x")
        spread = check_positive(sigma, "sigma")
        centre, df = float(values.mean()), None
    else:
        values = sample_vector(x, "x", minimum=2, what="a t interval (or pass sigma)")
        centre, ss = sum_of_squares(values)
        spread, df = math.sqrt(ss / (values.size - 1)), values.size - 1
    return interval_around(centre, spread / math.sqrt(values.size), confidence_level, df)


def proportion_ci(count: int, n: int, confidence_level: float = 0.95) -> ConfidenceInterval:
    r"""Wald (normal-approximation) confidence interval for a proportion.

    $$\hat p \pm z_{1-\alpha/2} \sqrt{\frac{\hat p (1 - \hat p)}{n}}, \qquad
    \hat p = \frac{\text{count}}{n},$$

    clipped to $[0, 1]$. The approximation needs roughly $n\hat p \ge 10$ and
    $n(1 - \hat p) \ge 10$; for $\hat p = 0$ or $1$ the interval collapses to a point,
    which is a known weakness (Wilson's interval is better there).

    Parameters
    ----------
    count : int
        Number of successes, $0 \le \text{count} \le n$.
    n : int
        Number of trials, $n \ge 1$.
    confidence_level : float, default 0.95
        Confidence level in $(0, 1)$.

    Returns
    -------
    ConfidenceInterval
        The interval ``(low, high)``, a named tuple.

    Raises
    ------
    ValueError
        If ``count`` or ``n`` is not a whole number in range, or ``confidence_level`` is
        outside $(0, 1)$.

    Examples
    --------
    >>> from mathbook import stats
    >>> [round(v, 4) for v in stats.proportion_ci(40, 100)]
    [0.304, 0.496]
    """
    successes, trials = check_count(count, n)
    p_hat = successes / trials
    low, high = interval_around(p_hat, math.sqrt(p_hat * (1.0 - p_hat) / trials), confidence_level)
    return ConfidenceInterval(max(0.0, low), min(1.0, high))


def sample_size_mean(margin: float, sigma: float, confidence_level: float = 0.95) -> int:
    r"""Smallest $n$ whose $z$ interval for a mean has half-width at most ``margin``.

    From $z_{1-\alpha/2}\,\sigma/\sqrt n \le E$:

    $$n = \left\lceil \left(\frac{z_{1-\alpha/2}\,\sigma}{E}\right)^2 \right\rceil.$$

    Parameters
    ----------
    margin : float
        Target margin of error $E > 0$.
    sigma : float
        (Planning value of the) population standard deviation, $> 0$.
    confidence_level : float, default 0.95
        Confidence level in $(0, 1)$.

    Returns
    -------
    int
        The sample size (at least 1).

    Raises
    ------
    ValueError
        If ``margin`` or ``sigma`` is not positive or ``confidence_level`` is outside $(0, 1)$.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.sample_size_mean(margin=2, sigma=15, confidence_level=0.95)
    217
    """
    e = check_positive(margin, "margin")
    s = check_positive(sigma, "sigma")
    level = check_open_interval(confidence_level, "confidence_level")
    z = z_quantile(1.0 - (1.0 - level) / 2.0)
    return ceil_whole((z * s / e) ** 2)


def sample_size_proportion(margin: float, p: float = 0.5, confidence_level: float = 0.95) -> int:
    r"""Smallest $n$ whose Wald interval for a proportion has half-width at most ``margin``.

    From $z_{1-\alpha/2}\sqrt{p(1-p)/n} \le E$:

    $$n = \left\lceil \frac{z_{1-\alpha/2}^2\, p(1 - p)}{E^2} \right\rceil.$$

    With no idea of $p$, the default $p = 0.5$ maximises $p(1 - p)$ and so is the safe,
    conservative choice.

    Parameters
    ----------
    margin : float
        Target margin of error $E$ in $(0, 1)$.
    p : float, default 0.5
        Planning value of the proportion in $[0, 1]$.
    confidence_level : float, default 0.95
        Confidence level in $(0, 1)$.

    Returns
    -------
    int
        The sample size (at least 1).

    Raises
    ------
    ValueError
        If ``margin`` is outside $(0, 1)$, ``p`` is not a probability, or ``confidence_level``
        is outside $(0, 1)$.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.sample_size_proportion(margin=0.03)
    1068
    """
    e = check_open_interval(margin, "margin")
    prop = check_probability(p, "p")
    level = check_open_interval(confidence_level, "confidence_level")
    z = z_quantile(1.0 - (1.0 - level) / 2.0)
    return ceil_whole(z**2 * prop * (1.0 - prop) / e**2)
