"""Activation functions and their derivatives (private; see :mod:`mathbook.nn`).

The private versions trust their input (used inside the network); the public ones
validate it and return a float for a number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeAlias, get_args, overload

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import FloatArray, as_array, float_or_array

__all__ = [
    "HiddenActivation",
    "OutputActivation",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
]

HiddenActivation: TypeAlias = Literal["tanh", "relu", "sigmoid"]
"""The activation of the hidden layers."""

OutputActivation: TypeAlias = Literal["sigmoid", "linear"]
"""The activation of the output layer: probabilities or plain numbers."""

HIDDEN_ACTIVATIONS: tuple[HiddenActivation, ...] = get_args(HiddenActivation)
OUTPUT_ACTIVATIONS: tuple[OutputActivation, ...] = get_args(OutputActivation)


def _sigmoid(z: FloatArray) -> FloatArray:
    e = np.exp(-np.abs(z))  # never overflows: the exponent is <= 0
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_derivative(z: FloatArray) -> FloatArray:
    s = _sigmoid(z)
    return s * (1.0 - s)


def _relu(z: FloatArray) -> FloatArray:
    return np.maximum(z, 0.0)


def _relu_derivative(z: FloatArray) -> FloatArray:
    return (z > 0).astype(np.float64)


def _tanh(z: FloatArray) -> FloatArray:
    return np.tanh(z)


def _tanh_derivative(z: FloatArray) -> FloatArray:
    return 1.0 - np.tanh(z) ** 2


def _identity(z: FloatArray) -> FloatArray:
    return z


def _one(z: FloatArray) -> FloatArray:
    return np.ones_like(z)


_ACTIVATION: dict[str, tuple[Callable[[FloatArray], FloatArray], ...]] = {
    "sigmoid": (_sigmoid, _sigmoid_derivative),
    "tanh": (_tanh, _tanh_derivative),
    "relu": (_relu, _relu_derivative),
    "linear": (_identity, _one),
}


@overload
def sigmoid(z: float) -> float: ...
@overload
def sigmoid(z: ArrayLike) -> FloatArray: ...
def sigmoid(z: ArrayLike) -> float | FloatArray:
    r"""The logistic sigmoid, elementwise.

    $$\sigma(z) = \frac{1}{1 + e^{-z}} = \frac{e^{z}}{1 + e^{z}}$$

    Computed without overflow: for $z \ge 0$ the first form, for $z < 0$ the second,
    so $e$ is only ever raised to $-|z| \le 0$.

    Parameters
    ----------
    z : float or array_like
        Finite numbers.

    Returns
    -------
    float or numpy.ndarray
        Values in $[0, 1]$ (in $(0, 1)$ up to rounding), same shape as ``z``.

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-1000.0, 1000.0]).tolist()    # no overflow warning
    [0.0, 1.0]
    """
    return float_or_array(_sigmoid(as_array(z, "z")))


@overload
def sigmoid_derivative(z: float) -> float: ...
@overload
def sigmoid_derivative(z: ArrayLike) -> FloatArray: ...
def sigmoid_derivative(z: ArrayLike) -> float | FloatArray:
    r"""Derivative of the sigmoid, elementwise: $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$.

    Parameters
    ----------
    z : float or array_like
        Finite numbers.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, else an array of ``z``'s shape.

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite.

    Examples
    --------
    >>> sigmoid_derivative(0.0)
    0.25
    """
    return float_or_array(_sigmoid_derivative(as_array(z, "z")))


@overload
def relu(z: float) -> float: ...
@overload
def relu(z: ArrayLike) -> FloatArray: ...
def relu(z: ArrayLike) -> float | FloatArray:
    r"""Rectified linear unit, elementwise: $\operatorname{relu}(z) = \max(0, z)$.

    Parameters
    ----------
    z : float or array_like
        Finite numbers.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, else an array of ``z``'s shape.

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 3.0]
    """
    return float_or_array(_relu(as_array(z, "z")))


@overload
def relu_derivative(z: float) -> float: ...
@overload
def relu_derivative(z: ArrayLike) -> FloatArray: ...
def relu_derivative(z: ArrayLike) -> float | FloatArray:
    r"""Derivative of relu, elementwise: 1 for $z > 0$, 0 for $z \le 0$.

    At $z = 0$ the derivative does not exist (a corner); 0 is used there, as in most
    libraries.

    Parameters
    ----------
    z : float or array_like
        Finite numbers.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, else an array of ``z``'s shape.

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite.

    Examples
    --------
    >>> relu_derivative([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 1.0]
    """
    return float_or_array(_relu_derivative(as_array(z, "z")))


@overload
def tanh(z: float) -> float: ...
@overload
def tanh(z: ArrayLike) -> FloatArray: ...
def tanh(z: ArrayLike) -> float | FloatArray:
    r"""Hyperbolic tangent, elementwise: $\tanh z = \dfrac{e^z - e^{-z}}{e^z + e^{-z}}$.

    Parameters
    ----------
    z : float or array_like
        Finite numbers.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, else an array of ``z``'s shape.

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite.

    Examples
    --------
    >>> tanh(0.0)
    0.0
    """
    return float_or_array(_tanh(as_array(z, "z")))


@overload
def tanh_derivative(z: float) -> float: ...
@overload
def tanh_derivative(z: ArrayLike) -> FloatArray: ...
def tanh_derivative(z: ArrayLike) -> float | FloatArray:
    r"""Derivative of tanh, elementwise: $\tanh'(z) = 1 - \tanh^2 z$.

    Parameters
    ----------
    z : float or array_like
        Finite numbers.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, else an array of ``z``'s shape.

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite.

    Examples
    --------
    >>> tanh_derivative(0.0)
    1.0
    """
    return float_or_array(_tanh_derivative(as_array(z, "z")))
