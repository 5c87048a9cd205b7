"""Helpers shared by the statistics modules (private): samples, alternatives, critical values."""

from __future__ import annotations

import math
from typing import Any, Literal, NamedTuple, TypeAlias, get_args

import numpy as np
from numpy.typing import ArrayLike
from scipy import special

from mathbook._validate import (
    FloatArray,
    as_vector,
    check_int,
    check_open_interval,
    check_option,
)

__all__ = [
    "Alternative",
    "ConfidenceInterval",
    "interval_around",
    "ceil_whole",
    "check_alternative",
    "check_count",
    "is_constant",
    "normal_pvalue",
    "sample_vector",
    "sum_of_squares",
    "t_pvalue",
    "t_quantile",
    "z_quantile",
]

Alternative: TypeAlias = Literal["two-sided", "less", "greater"]
"""The alternative hypothesis of a test: ``"two-sided"``, ``"less"`` or ``"greater"``."""

_ALTERNATIVES: tuple[Alternative, ...] = get_args(Alternative)


class ConfidenceInterval(NamedTuple):
    """A confidence interval ``(low, high)``, named as SciPy names it.

    A tuple, so ``low, high = stats.mean_ci(x)`` unpacks it; a one-sided interval has
    an infinite end.
    """

    low: float
    high: float


def interval_around(
    estimate: float,
    standard_error: float,
    confidence_level: float,
    df: float | None = None,
    alternative: Alternative = "two-sided",
) -> ConfidenceInterval:
    r"""$\text{estimate} \pm c\,\text{SE}$, with $c$ a $t_{df}$ quantile (normal if ``df`` is None).

    Two-sided intervals use the $1 - \alpha/2$ quantile; ``"less"`` and ``"greater"``
    give the one-sided bounds $(-\infty, \text{estimate} + c\,\text{SE}]$ and
    $[\text{estimate} - c\,\text{SE}, \infty)$ with the $1 - \alpha$ quantile, as SciPy does.
    """
    level = check_open_interval(confidence_level, "confidence_level")
    tail = (1.0 - level) / (2.0 if alternative == "two-sided" else 1.0)
    critical = z_quantile(1.0 - tail) if df is None else t_quantile(1.0 - tail, df)
    margin = critical * standard_error
    low = -math.inf if alternative == "less" else estimate - margin
    high = math.inf if alternative == "greater" else estimate + margin
    return ConfidenceInterval(low, high)


def check_alternative(alternative: Any) -> Alternative:
    """The validated ``alternative`` string."""
    return check_option("alternative", alternative, _ALTERNATIVES)


def sample_vector(x: ArrayLike, name: str, minimum: int = 1, what: str = "") -> FloatArray:
    """A 1-D finite sample with at least ``minimum`` values (``what`` names the purpose)."""
    arr = as_vector(x, name)
    if arr.size < minimum:
        purpose = f" to compute {what}" if what else ""
        raise ValueError(f"{name} needs at least {minimum} values{purpose}, got {arr.size}")
    return arr


def check_count(
    count: Any, n: Any, count_name: str = "count", n_name: str = "n"
) -> tuple[int, int]:
    """A number of successes ``0 <= count <= n`` out of ``n >= 1`` trials."""
    trials = check_int(n, n_name, minimum=1)
    successes = check_int(count, count_name, minimum=0)
    if successes > trials:
        raise ValueError(f"{count_name} must be between 0 and {n_name}={trials}, got {successes}")
    return successes, trials


def z_quantile(q: float) -> float:
    r"""$\Phi^{-1}(q)$, the standard normal quantile."""
    return float(special.ndtri(q))


def t_quantile(q: float, df: float) -> float:
    """The quantile of Student's t with ``df`` degrees of freedom."""
    return float(special.stdtrit(df, q))


def normal_pvalue(z: float, alternative: Alternative) -> float:
    r"""P-value of a z statistic: $2\Phi(-|z|)$, $\Phi(z)$ or $1 - \Phi(z) = \Phi(-z)$."""
    if alternative == "less":
        return float(special.ndtr(z))
    if alternative == "greater":
        return float(special.ndtr(-z))
    return min(1.0, 2.0 * float(special.ndtr(-abs(z))))


def t_pvalue(t: float, df: float, alternative: Alternative) -> float:
    """P-value of a t statistic with ``df`` degrees of freedom (``stdtr`` is the t CDF)."""
    if alternative == "less":
        return float(special.stdtr(df, t))
    if alternative == "greater":
        return float(special.stdtr(df, -t))
    return min(1.0, 2.0 * float(special.stdtr(df, -abs(t))))


def sum_of_squares(x: FloatArray) -> tuple[float, float]:
    """Mean and sum of squared deviations of ``x`` (one subtraction and one dot product)."""
    centre = float(x.mean())
    deviations = x - centre
    return centre, float(deviations @ deviations)


def is_constant(x: FloatArray, ss: float) -> bool:
    """Whether a sum of squares ``ss`` is zero up to round-off on the scale of ``x``."""
    scale = float(np.max(np.abs(x))) if x.size else 0.0
    return ss <= x.size * (8.0 * float(np.finfo(np.float64).eps) * scale) ** 2


def ceil_whole(value: float) -> int:
    """``ceil(value)`` that ignores round-off just above a whole number (``100.0000000001``)."""
    return max(1, math.ceil(round(value, 9)))
