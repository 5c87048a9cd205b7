"""Loss functions: squared loss and log loss (private; see :mod:`mathbook.nn`)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    as_array,
    check_binary,
    check_positive,
    check_probabilities,
)

__all__ = ["log_loss", "log_loss_from_logits", "squared_loss"]


def _same_shape(a: FloatArray, b: FloatArray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape, got {a.shape} and {b.shape}"
        )


def _logistic_loss(z: FloatArray, y: FloatArray) -> FloatArray:
    """Per-entry log loss from logits: ln(1 + e^z) - y z, computed stably."""
    return np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))


def squared_loss(y_hat: ArrayLike, y: ArrayLike) -> float:
    r"""Mean squared loss with the factor one half.

    $$L = \frac{1}{m}\sum_{i=1}^{m} \tfrac12\left(\hat y_i - y_i\right)^2$$

    averaged over every entry. The $\tfrac12$ makes the derivative clean,
    $\partial L / \partial \hat y_i = (\hat y_i - y_i)/m$; it does not move the minimum.
    (Scikit-learn's ``mean_squared_error`` has no $\tfrac12$: it is twice this.)

    Parameters
    ----------
    y_hat : array_like
        Predictions.
    y : array_like
        Targets, same shape as ``y_hat``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If either is empty or not finite, or the shapes differ.

    Examples
    --------
    >>> squared_loss([1.0, 2.0], [1.0, 4.0])    # (0 + 4/2) / 2
    1.0
    """
    predicted = as_array(y_hat, "y_hat")
    target = as_array(y, "y")
    _same_shape(predicted, target, "y_hat", "y")
    return float(np.mean((predicted - target) ** 2) / 2)


def log_loss(y_hat: ArrayLike, y: ArrayLike, eps: float = 1e-15) -> float:
    r"""Binary cross-entropy (log loss) of predicted probabilities.

    $$L = -\frac{1}{m}\sum_{i=1}^{m}\Big[y_i \ln \hat y_i + (1 - y_i)\ln(1 - \hat y_i)\Big]$$

    averaged over every entry. ``y_hat`` is first clipped to $[\varepsilon,
    1 - \varepsilon]$, so a confident wrong prediction costs a large but finite
    $-\ln\varepsilon \approx 34.5$ instead of $\ln 0$. When you have the logits $z$
    (with $\hat y = \sigma(z)$), :func:`log_loss_from_logits` is exact and stable.

    Parameters
    ----------
    y_hat : array_like
        Predicted probabilities of class 1, in $[0, 1]$.
    y : array_like
        True labels, each 0 or 1, same shape as ``y_hat``.
    eps : float, default 1e-15
        Clipping margin, in $(0, 0.5)$.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y`` has a value other than 0 or 1, ``y_hat`` a value outside $[0, 1]$, the
        shapes differ, either is empty or not finite, or ``eps`` is out of range.

    Examples
    --------
    >>> import math
    >>> math.isclose(log_loss([0.9, 0.2], [1, 0]), -(math.log(0.9) + math.log(0.8)) / 2)
    True
    """
    predicted = as_array(y_hat, "y_hat")
    target = as_array(y, "y")
    _same_shape(predicted, target, "y_hat", "y")
    check_binary(target, "y")
    check_probabilities(predicted, "y_hat")
    margin = check_positive(eps, "eps")
    if margin >= 0.5:
        raise ValueError(f"eps must be in (0, 0.5), got {margin!r}")
    p = np.clip(predicted, margin, 1 - margin)
    return float(-np.mean(target * np.log(p) + (1 - target) * np.log1p(-p)))


def log_loss_from_logits(z: ArrayLike, y: ArrayLike) -> float:
    r"""Log loss computed from the logits $z$ (the input of the sigmoid), stably.

    With $\hat y = \sigma(z)$, $\ln\sigma(z) = -\ln(1 + e^{-z})$ and
    $\ln(1 - \sigma(z)) = -\ln(1 + e^{z})$, the log loss simplifies to

    $$L = \frac{1}{m}\sum_{i=1}^m \Big[\ln\left(1 + e^{z_i}\right) - y_i z_i\Big]
       = \frac{1}{m}\sum_{i=1}^m \Big[\max(z_i, 0) - y_i z_i
         + \ln\left(1 + e^{-|z_i|}\right)\Big].$$

    The second form (the same as ``np.logaddexp(0, z) - y * z``, with the large terms
    cancelled exactly by hand) never overflows and keeps full relative accuracy even
    when the loss is tiny. No clipping is needed: the result is exact for $|z| = 1000$.

    Parameters
    ----------
    z : array_like
        Logits, finite.
    y : array_like
        True labels, 0 or 1, same shape as ``z``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y`` has a value other than 0 or 1, the shapes differ, or either is empty or
        not finite.

    Examples
    --------
    >>> log_loss_from_logits([0.0], [1])       # ln 2
    0.6931471805599453
    >>> log_loss_from_logits([-1000.0], [1])   # a confident mistake: exactly 1000
    1000.0
    """
    logits = as_array(z, "z")
    target = as_array(y, "y")
    _same_shape(logits, target, "z", "y")
    check_binary(target, "y")
    return float(np.mean(_logistic_loss(logits, target)))
