"""Inverse-CDF sampling and running frequencies (private; see ``probability``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import FloatArray, Seed, as_binary_labels, check_callable, check_seed

from ._base import Size, check_size

__all__ = ["empirical_frequency", "inverse_cdf_sample"]


def inverse_cdf_sample(
    ppf: Callable[[FloatArray], Any], size: Size = 1, seed: Seed = None
) -> FloatArray:
    r"""Sample any distribution from uniform numbers through its inverse CDF.

    If $U \sim \operatorname{Uniform}(0, 1)$ and $F$ is a CDF with generalised inverse
    $F^{-1}(q) = \min\{x : F(x) \ge q\}$, then $X = F^{-1}(U)$ has CDF $F$, because

    $$P(X \le x) = P\big(F^{-1}(U) \le x\big) = P\big(U \le F(x)\big) = F(x).$$

    The uniform numbers are drawn from the open interval $(0, 1)$, so a ``ppf`` that is
    infinite at 0 or 1 (the normal one, say) never returns an infinite value.

    Parameters
    ----------
    ppf : callable
        The inverse CDF; called once with a float array of shape ``size`` and must return an
        array of the same shape (any vectorised function, e.g. ``Normal(0, 1).ppf``).
    size : int or tuple of int, default 1
        Shape of the sample.
    seed : int, numpy.random.Generator or None
        Seed (or generator) for reproducible draws.

    Returns
    -------
    ndarray of float64
        The sample $F^{-1}(U_1), F^{-1}(U_2), \dots$

    Raises
    ------
    ValueError
        If ``ppf`` is not callable, returns the wrong shape or non-numeric values, or
        ``size``/``seed`` is invalid.

    Examples
    --------
    Exponential draws with rate 2 from $F^{-1}(q) = -\ln(1 - q) / 2$:

    >>> import numpy as np
    >>> from mathbook.probability import inverse_cdf_sample
    >>> x = inverse_cdf_sample(lambda q: -np.log1p(-q) / 2.0, size=100_000, seed=0)
    >>> round(float(x.mean()), 2)
    0.5
    """
    check_callable(ppf, "ppf")
    shape = check_size(size)
    rng = check_seed(seed)
    u = rng.uniform(np.finfo(np.float64).tiny, 1.0, size=shape)
    try:
        values = np.asarray(ppf(u), dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"ppf must return numbers for an array of probabilities: {exc}") from None
    if values.shape != shape:
        raise ValueError(
            f"ppf must return an array of the same shape as its input {shape}, "
            f"got shape {values.shape}"
        )
    return values


def empirical_frequency(outcomes: ArrayLike) -> FloatArray:
    r"""Running relative frequency of success after each of $n$ repeated trials.

    $$\hat p_m = \frac{1}{m} \sum_{i=1}^{m} x_i, \qquad m = 1, \dots, n,$$

    for outcomes $x_i \in \{0, 1\}$ (or booleans). By the law of large numbers
    $\hat p_m \to p$ as $m$ grows — the curve drawn in the "repeated experiments
    converge" figure.

    Parameters
    ----------
    outcomes : array_like
        1-D sequence of 0/1 (or ``False``/``True``) outcomes.

    Returns
    -------
    ndarray of float64
        $\hat p_1, \dots, \hat p_n$ (same length as ``outcomes``).

    Raises
    ------
    ValueError
        If ``outcomes`` is empty, not 1-D, or contains a value other than 0 and 1.

    Examples
    --------
    >>> from mathbook.probability import empirical_frequency
    >>> empirical_frequency([1, 0, 1, 1]).tolist()
    [1.0, 0.5, 0.6666666666666666, 0.75]
    """
    x = as_binary_labels(outcomes, "outcomes")
    return np.cumsum(x) / np.arange(1, x.size + 1)
