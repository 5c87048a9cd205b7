r"""Neural networks from scratch: activations, losses, and a small dense network.

Conventions (the ones of the book, Part 2 Week 3):

* **Examples are columns.** A data matrix $\mathbf{X}$ has shape $(n_x, m)$: $n_x$
  features, $m$ examples. Labels $\mathbf{Y}$ have shape $(n_y, m)$, usually $(1, m)$.
* **Layer $l$** computes $\mathbf{Z}^{[l]} = \mathbf{W}^{[l]}\mathbf{A}^{[l-1]} +
  \mathbf{b}^{[l]}$ and $\mathbf{A}^{[l]} = g^{[l]}(\mathbf{Z}^{[l]})$, with
  $\mathbf{A}^{[0]} = \mathbf{X}$, $\mathbf{W}^{[l]}$ of shape $(n_l, n_{l-1})$ and
  $\mathbf{b}^{[l]}$ of shape $(n_l, 1)$ (broadcast over the columns).
* **Parameters** are a dict ``{"W1": ..., "b1": ..., "W2": ..., "b2": ...}``;
  gradients a dict ``{"dW1": ..., "db1": ...}``. Functions never modify them in place.
* **The cost** is the average loss over the $m$ examples,
  $J = \frac{1}{m}\sum_{i=1}^m \ell(\hat{\mathbf{y}}^{(i)}, \mathbf{y}^{(i)})$, with the
  log loss for classification (sigmoid output) or the squared loss
  $\ell = \tfrac12 (\hat y - y)^2$ for regression (linear output).

``layer_sizes=[n_x, 1]`` is a perceptron (logistic regression, or linear regression
with the squared loss); ``[n_x, n_h, 1]`` is a two-layer network.

Examples
--------
>>> import numpy as np
>>> from mathbook import nn
>>> X = np.array([[0.0, 1.0, 2.0, 3.0]])          # 1 feature, 4 examples
>>> Y = np.array([[0.0, 0.0, 1.0, 1.0]])
>>> result = nn.train(X, Y, [1, 1], learning_rate=1.0, num_iterations=500, seed=0)
>>> bool(result.costs[-1] < result.costs[0])
True
>>> result.predict(X).tolist()
[[0.0, 0.0, 1.0, 1.0]]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    as_array,
    as_matrix,
    check_int,
    check_positive,
    check_probability,
)

__all__ = [
    "ForwardCache",
    "TrainResult",
    "backward",
    "cost",
    "forward",
    "init_params",
    "log_loss",
    "log_loss_from_logits",
    "predict",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "squared_loss",
    "tanh",
    "tanh_derivative",
    "train",
    "update",
]

Params = dict[str, FloatArray]

HIDDEN_ACTIVATIONS = ("tanh", "relu", "sigmoid")
OUTPUT_ACTIVATIONS = ("sigmoid", "linear")
LOSSES = ("log", "squared")


# =========================================================================== activations
# The private versions trust their input (used inside the network); the public ones
# validate it and return a float for a number.


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


def _number_or_array(values: FloatArray) -> float | FloatArray:
    return float(values) if values.ndim == 0 else values


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

    See also
    --------
    Part 2 (Calculus), Week 3: the perceptron as a classifier.
    """
    return _number_or_array(_sigmoid(as_array(z, "z")))


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

    See also
    --------
    Part 2 (Calculus), Week 3: $\sigma' = \sigma(1 - \sigma)$.
    """
    return _number_or_array(_sigmoid_derivative(as_array(z, "z")))


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

    See also
    --------
    Part 2 (Calculus), Week 3: activations of the hidden layer.
    """
    return _number_or_array(_relu(as_array(z, "z")))


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

    See also
    --------
    Part 2 (Calculus), Week 1: where derivatives fail (a corner).
    """
    return _number_or_array(_relu_derivative(as_array(z, "z")))


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

    See also
    --------
    Part 2 (Calculus), Week 3: the two-layer network's hidden layer.
    """
    return _number_or_array(_tanh(as_array(z, "z")))


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

    See also
    --------
    Part 2 (Calculus), Week 3: backpropagation through tanh.
    """
    return _number_or_array(_tanh_derivative(as_array(z, "z")))


# =========================================================================== losses


def _same_shape(a: FloatArray, b: FloatArray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape, got {a.shape} and {b.shape}"
        )


def _check_labels(y: FloatArray, name: str) -> None:
    bad = (y != 0) & (y != 1)
    if np.any(bad):
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} must contain only the class labels 0 and 1, got {float(y[where])!r} "
            f"at index {where if len(where) != 1 else where[0]}"
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

    See also
    --------
    Part 0 (Foundations), Week 1 and Part 2 (Calculus), Week 1: the squared loss.
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

    See also
    --------
    Part 2 (Calculus), Week 1: log loss and the coin game; Week 3: gradients of log loss.
    """
    predicted = as_array(y_hat, "y_hat")
    target = as_array(y, "y")
    _same_shape(predicted, target, "y_hat", "y")
    _check_labels(target, "y")
    if np.any((predicted < 0) | (predicted > 1)):
        raise ValueError("y_hat must contain probabilities in [0, 1]")
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

    See also
    --------
    Part 2 (Calculus), Week 3: gradients of log loss.
    """
    logits = as_array(z, "z")
    target = as_array(y, "y")
    _same_shape(logits, target, "z", "y")
    _check_labels(target, "y")
    return float(np.mean(_logistic_loss(logits, target)))


# =========================================================================== validation


def _check_option(value: object, name: str, allowed: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")
    return value


def _output_for(loss: str, output_activation: str | None) -> str:
    """Default output activation for a loss, and a check that the pair makes sense."""
    if output_activation is None:
        return "sigmoid" if loss == "log" else "linear"
    out = _check_option(output_activation, "output_activation", OUTPUT_ACTIVATIONS)
    if loss == "log" and out != "sigmoid":
        raise ValueError(
            "loss='log' needs output_activation='sigmoid' (the log loss compares "
            f"probabilities), got output_activation={out!r}"
        )
    return out


def _check_layer_sizes(layer_sizes: Sequence[int]) -> list[int]:
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Sequence):
        raise ValueError(
            f"layer_sizes must be a list of integers like [2, 4, 1], got {layer_sizes!r}"
        )
    if len(layer_sizes) < 2:
        raise ValueError(
            "layer_sizes must list at least the input and output sizes, e.g. [2, 1], "
            f"got {list(layer_sizes)!r}"
        )
    return [check_int(n, f"layer_sizes[{i}]", minimum=1) for i, n in enumerate(layer_sizes)]


def _check_params(params: Mapping[str, ArrayLike]) -> list[tuple[FloatArray, FloatArray]]:
    """Validated (W, b) pairs, one per layer, with consistent shapes (fresh copies)."""
    if not isinstance(params, Mapping):
        raise ValueError(
            f"params must be a dict like {{'W1': ..., 'b1': ...}}, got {type(params).__name__}"
        )
    n_layers = sum(1 for key in params if isinstance(key, str) and key.startswith("W"))
    expected = {f"{p}{layer}" for layer in range(1, n_layers + 1) for p in ("W", "b")}
    if n_layers == 0 or set(params) != expected:
        missing = sorted(expected - set(params))
        extra = sorted(set(map(str, params)) - expected)
        raise ValueError(
            f"params must hold W1, b1, ..., W{max(n_layers, 1)}, b{max(n_layers, 1)}"
            + (f"; missing {missing}" if missing else "")
            + (f"; unexpected {extra}" if extra else "")
        )
    layers: list[tuple[FloatArray, FloatArray]] = []
    for layer in range(1, n_layers + 1):
        W = as_matrix(params[f"W{layer}"], f"params['W{layer}']")
        b = as_array(params[f"b{layer}"], f"params['b{layer}']")
        if b.shape != (W.shape[0], 1):
            raise ValueError(
                f"params['b{layer}'] must have shape ({W.shape[0]}, 1) to match "
                f"params['W{layer}'] of shape {W.shape}, got {b.shape}"
            )
        if layer > 1 and W.shape[1] != layers[-1][0].shape[0]:
            raise ValueError(
                f"params['W{layer}'] must have {layers[-1][0].shape[0]} columns (one per unit "
                f"of layer {layer - 1}), got shape {W.shape}"
            )
        layers.append((W, b))
    return layers


def _check_X(X: ArrayLike, n_x: int, source: str) -> FloatArray:
    data = as_matrix(X, "X")
    if data.shape[0] != n_x:
        hint = " (examples must be columns: did you mean X.T?)" if data.shape[1] == n_x else ""
        raise ValueError(
            f"X must have shape ({n_x}, m) to match {source}: one example per column, "
            f"{n_x} features; got {data.shape}{hint}"
        )
    return data


def _check_Y(Y: ArrayLike, n_y: int, m: int, loss: str) -> FloatArray:
    target = as_array(Y, "Y")
    if target.shape != (n_y, m):
        raise ValueError(
            f"Y must have shape ({n_y}, {m}) to match X's {m} examples, got {target.shape}"
            + (" (use Y.reshape(1, -1))" if target.ndim == 1 and n_y == 1 else "")
        )
    if loss == "log":
        _check_labels(target, "Y")
    return target


def _rng(seed: int | np.random.Generator | None) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer))):
        raise ValueError(
            f"seed must be an int, a numpy.random.Generator or None, got {seed!r}"
        )
    if seed is not None and seed < 0:
        raise ValueError(f"seed must be non-negative, got {seed}")
    return np.random.default_rng(seed)


# =========================================================================== the network


@dataclass(frozen=True, eq=False, repr=False)
class ForwardCache:
    r"""What the forward pass remembers for the backward pass.

    Index it like a dict: ``cache["A0"]`` is $\mathbf{X}$, ``cache["Z1"]`` and
    ``cache["A1"]`` are layer 1's $\mathbf{Z}^{[1]}$ and $\mathbf{A}^{[1]}$, and so on.

    Attributes
    ----------
    values : dict
        The arrays ``A0, Z1, A1, ..., ZL, AL``.
    hidden_activation, output_activation : str
        The activations used, so :func:`backward` differentiates the right ones.
    """

    values: dict[str, FloatArray]
    hidden_activation: str
    output_activation: str

    @property
    def n_layers(self) -> int:
        """The number $L$ of layers with weights."""
        return (len(self.values) - 1) // 2

    def __getitem__(self, key: str) -> FloatArray:
        return self.values[key]

    def __repr__(self) -> str:
        return (
            f"ForwardCache(keys={list(self.values)}, hidden_activation="
            f"{self.hidden_activation!r}, output_activation={self.output_activation!r})"
        )


def init_params(
    layer_sizes: Sequence[int],
    seed: int | np.random.Generator | None = None,
    scale: float = 0.01,
) -> Params:
    r"""Small random weights and zero biases for a dense network.

    $$\mathbf{W}^{[l]} = \text{scale}\cdot\mathbf{N}, \quad N_{jk} \sim \mathcal N(0, 1),
      \qquad \mathbf{b}^{[l]} = \mathbf{0}$$

    with $\mathbf{W}^{[l]}$ of shape $(n_l, n_{l-1})$ and $\mathbf{b}^{[l]}$ of shape
    $(n_l, 1)$. Random weights break the symmetry between hidden units (with equal
    weights they would all learn the same thing); small ones keep tanh and sigmoid away
    from their flat tails at the start.

    Parameters
    ----------
    layer_sizes : sequence of int
        $[n_x, n_1, \dots, n_L]$: the number of features, then the units of each layer.
        ``[n_x, 1]`` is a perceptron, ``[n_x, n_h, 1]`` a two-layer network.
    seed : int, numpy.random.Generator or None
        Source of randomness.
    scale : float, default 0.01
        Standard deviation of the weights, positive.

    Returns
    -------
    dict
        ``{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}``.

    Raises
    ------
    ValueError
        If ``layer_sizes`` is not a list of at least two positive integers, or ``seed``
        or ``scale`` is invalid.

    Examples
    --------
    >>> params = init_params([2, 4, 1], seed=0)
    >>> {name: value.shape for name, value in params.items()}
    {'W1': (4, 2), 'b1': (4, 1), 'W2': (1, 4), 'b2': (1, 1)}

    See also
    --------
    Part 2 (Calculus), Week 3 lab: initialisation.
    """
    sizes = _check_layer_sizes(layer_sizes)
    std = check_positive(scale, "scale")
    rng = _rng(seed)
    params: Params = {}
    for layer in range(1, len(sizes)):
        params[f"W{layer}"] = std * rng.standard_normal((sizes[layer], sizes[layer - 1]))
        params[f"b{layer}"] = np.zeros((sizes[layer], 1))
    return params


def _forward(
    layers: list[tuple[FloatArray, FloatArray]], X: FloatArray, hidden: str, output: str
) -> ForwardCache:
    values = {"A0": X}
    A = X
    for layer, (W, b) in enumerate(layers, start=1):
        g = _ACTIVATION[output if layer == len(layers) else hidden][0]
        Z = W @ A + b
        A = g(Z)
        values[f"Z{layer}"] = Z
        values[f"A{layer}"] = A
    return ForwardCache(values, hidden, output)


def forward(
    params: Mapping[str, ArrayLike],
    X: ArrayLike,
    hidden_activation: str = "tanh",
    output_activation: str = "sigmoid",
) -> tuple[FloatArray, ForwardCache]:
    r"""Forward pass: from the inputs $\mathbf{X}$ to the output $\mathbf{A}^{[L]}$.

    $$\mathbf{Z}^{[l]} = \mathbf{W}^{[l]}\mathbf{A}^{[l-1]} + \mathbf{b}^{[l]}, \qquad
      \mathbf{A}^{[l]} = g^{[l]}(\mathbf{Z}^{[l]}), \qquad \mathbf{A}^{[0]} = \mathbf{X},$$

    with $g$ the hidden activation for $l < L$ and the output activation for $l = L$.

    Parameters
    ----------
    params : dict
        ``W1, b1, ..., WL, bL`` as from :func:`init_params`.
    X : array_like, shape (n_x, m)
        One example per **column**.
    hidden_activation : {"tanh", "relu", "sigmoid"}
    output_activation : {"sigmoid", "linear"}
        ``"sigmoid"`` for probabilities (classification), ``"linear"`` (no activation)
        for regression.

    Returns
    -------
    output : numpy.ndarray, shape (n_L, m)
        $\mathbf{A}^{[L]}$, the network's predictions.
    cache : ForwardCache
        ``A0, Z1, A1, ..., ZL, AL`` for :func:`backward`.

    Raises
    ------
    ValueError
        If the parameters are malformed, ``X`` does not have shape (n_x, m) for the
        parameters' $n_x$, or an activation name is unknown.

    Examples
    --------
    >>> import numpy as np
    >>> params = {"W1": np.array([[1.0, -1.0]]), "b1": np.array([[0.0]])}
    >>> output, cache = forward(params, np.array([[2.0, 0.0], [2.0, 3.0]]))
    >>> cache["Z1"].tolist()         # w . x + b for each column
    [[0.0, -3.0]]
    >>> np.round(output, 4).tolist()   # sigmoid of that
    [[0.5, 0.0474]]

    See also
    --------
    Part 2 (Calculus), Week 3: the two-layer network and its forward pass.
    """
    hidden = _check_option(hidden_activation, "hidden_activation", HIDDEN_ACTIVATIONS)
    output = _check_option(output_activation, "output_activation", OUTPUT_ACTIVATIONS)
    layers = _check_params(params)
    data = _check_X(X, layers[0][0].shape[1], f"params['W1'] of shape {layers[0][0].shape}")
    cache = _forward(layers, data, hidden, output)
    return cache[f"A{len(layers)}"], cache


def _output_delta(A: FloatArray, Y: FloatArray, loss: str, output: str) -> FloatArray:
    r"""$m \,\partial J / \partial \mathbf{Z}^{[L]}$ for each loss/output pair."""
    if output == "sigmoid" and loss == "squared":
        return (A - Y) * A * (1 - A)  # chain rule through sigma' = sigma (1 - sigma)
    # log loss with sigmoid, and squared loss with a linear output, both give A - Y
    return A - Y


def _backward(
    layers: list[tuple[FloatArray, FloatArray]], cache: ForwardCache, Y: FloatArray, loss: str
) -> Params:
    L = len(layers)
    m = Y.shape[1]
    g_prime = _ACTIVATION[cache.hidden_activation][1]
    grads: Params = {}
    dZ = _output_delta(cache[f"A{L}"], Y, loss, cache.output_activation)
    for layer in range(L, 0, -1):
        grads[f"dW{layer}"] = dZ @ cache[f"A{layer - 1}"].T / m
        grads[f"db{layer}"] = np.sum(dZ, axis=1, keepdims=True) / m
        if layer > 1:
            W = layers[layer - 1][0]
            dZ = (W.T @ dZ) * g_prime(cache[f"Z{layer - 1}"])
    return {key: grads[key] for layer in range(1, L + 1) for key in (f"dW{layer}", f"db{layer}")}


def backward(
    params: Mapping[str, ArrayLike],
    cache: ForwardCache,
    Y: ArrayLike,
    loss: str = "log",
) -> Params:
    r"""Backpropagation: the gradient of the cost with respect to every parameter.

    Starting from the output layer, with $m$ examples,

    $$\mathbf{dZ}^{[L]} = \mathbf{A}^{[L]} - \mathbf{Y} \quad
      \text{(log loss + sigmoid, or squared loss + linear output)},$$

    (for squared loss with a sigmoid output, $\mathbf{dZ}^{[L]} = (\mathbf{A}^{[L]} -
    \mathbf{Y}) \odot \sigma'(\mathbf{Z}^{[L]})$), and then for $l = L, \dots, 1$:

    $$\frac{\partial J}{\partial \mathbf{W}^{[l]}} = \frac1m \mathbf{dZ}^{[l]}
        \mathbf{A}^{[l-1]\top}, \qquad
      \frac{\partial J}{\partial \mathbf{b}^{[l]}} = \frac1m \sum_{\text{columns}}
        \mathbf{dZ}^{[l]}, \qquad
      \mathbf{dZ}^{[l-1]} = \mathbf{W}^{[l]\top}\mathbf{dZ}^{[l]} \odot
        g'(\mathbf{Z}^{[l-1]}).$$

    The cost differentiated is $J = \frac1m\sum_i \ell^{(i)}$ as in :func:`cost`.

    Parameters
    ----------
    params : dict
        The parameters used in the forward pass.
    cache : ForwardCache
        From :func:`forward` on the same ``params``.
    Y : array_like, shape (n_L, m)
        Targets: labels 0/1 for ``loss="log"``, numbers for ``loss="squared"``.
    loss : {"log", "squared"}
        ``"log"`` needs the forward pass to have used ``output_activation="sigmoid"``.

    Returns
    -------
    dict
        ``{"dW1": ..., "db1": ..., ..., "dWL": ..., "dbL": ...}``, each the shape of its
        parameter.

    Raises
    ------
    ValueError
        If ``Y`` has the wrong shape (or labels other than 0/1 for the log loss), the
        cache does not match ``params``, or ``loss`` is unknown or does not fit the output
        activation.

    Examples
    --------
    One sigmoid unit, one example $x = 1$ with label 1 and all parameters 0: then
    $a = 0.5$, $dz = a - y = -0.5$, $dW = dz\,x = -0.5$, $db = dz = -0.5$.

    >>> import numpy as np
    >>> params = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1))}
    >>> _, cache = forward(params, [[1.0]])
    >>> {k: v.tolist() for k, v in backward(params, cache, [[1.0]]).items()}
    {'dW1': [[-0.5]], 'db1': [[-0.5]]}

    See also
    --------
    Part 2 (Calculus), Week 3: backpropagation in matrix form.
    """
    if not isinstance(cache, ForwardCache):
        raise ValueError(
            f"cache must be the ForwardCache from forward(), got {type(cache).__name__}"
        )
    chosen = _check_option(loss, "loss", LOSSES)
    _output_for(chosen, cache.output_activation)
    layers = _check_params(params)
    if cache.n_layers != len(layers) or any(
        cache[f"Z{layer}"].shape[0] != W.shape[0] for layer, (W, _) in enumerate(layers, start=1)
    ) or cache["A0"].shape[0] != layers[0][0].shape[1]:
        raise ValueError("cache does not match params: run forward() with these params first")
    output = cache[f"A{len(layers)}"]
    target = _check_Y(Y, output.shape[0], output.shape[1], chosen)
    return _backward(layers, cache, target, chosen)


def _cost(cache: ForwardCache, Y: FloatArray, loss: str) -> float:
    L = cache.n_layers
    m = Y.shape[1]
    if loss == "log":  # always with a sigmoid output: use the logits, exactly
        Z = cache[f"Z{L}"]
        return float(np.sum(_logistic_loss(Z, Y)) / m)
    A = cache[f"A{L}"]
    return float(np.sum((A - Y) ** 2) / (2 * m))


def cost(
    params: Mapping[str, ArrayLike],
    X: ArrayLike,
    Y: ArrayLike,
    loss: str = "log",
    hidden_activation: str = "tanh",
    output_activation: str | None = None,
) -> float:
    r"""The cost $J$ of the network on data $(\mathbf{X}, \mathbf{Y})$.

    $$J = \frac1m \sum_{i=1}^m \sum_{k=1}^{n_L} \ell\big(a_k^{(i)}, y_k^{(i)}\big),
      \qquad \ell = \begin{cases}
        -y\ln a - (1-y)\ln(1-a) & \text{loss = "log"} \\
        \tfrac12 (a - y)^2 & \text{loss = "squared"}\end{cases}$$

    For one output unit this is exactly :func:`log_loss` or :func:`squared_loss` of the
    output; the log loss is computed from the logits (as :func:`log_loss_from_logits`),
    so it stays exact for saturated outputs.

    Parameters
    ----------
    params : dict
    X : array_like, shape (n_x, m)
    Y : array_like, shape (n_L, m)
    loss : {"log", "squared"}
    hidden_activation : {"tanh", "relu", "sigmoid"}
    output_activation : {"sigmoid", "linear"} or None
        Default: ``"sigmoid"`` for the log loss, ``"linear"`` for the squared loss.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        As :func:`forward` and :func:`backward`.

    Examples
    --------
    With all parameters zero every output is $\sigma(0) = 1/2$, so the cost is $\ln 2$:

    >>> import numpy as np
    >>> params = {"W1": np.zeros((1, 2)), "b1": np.zeros((1, 1))}
    >>> round(cost(params, [[1.0, 2.0], [3.0, 4.0]], [[0, 1]]), 6)
    0.693147

    See also
    --------
    Part 2 (Calculus), Week 3 lab: the cost.
    """
    chosen = _check_option(loss, "loss", LOSSES)
    output = _output_for(chosen, output_activation)
    prediction, cache = forward(params, X, hidden_activation, output)
    target = _check_Y(Y, prediction.shape[0], prediction.shape[1], chosen)
    return _cost(cache, target, chosen)


def update(
    params: Mapping[str, ArrayLike], grads: Mapping[str, ArrayLike], learning_rate: float
) -> Params:
    r"""One gradient-descent step on every parameter, returning **new** parameters.

    $$\mathbf{W}^{[l]} \leftarrow \mathbf{W}^{[l]} - \alpha\,\mathbf{dW}^{[l]}, \qquad
      \mathbf{b}^{[l]} \leftarrow \mathbf{b}^{[l]} - \alpha\,\mathbf{db}^{[l]}$$

    Parameters
    ----------
    params : dict
        ``W1, b1, ...``; not modified.
    grads : dict
        ``dW1, db1, ...`` with the same shapes, as from :func:`backward`.
    learning_rate : float
        $\alpha > 0$.

    Returns
    -------
    dict
        The updated parameters.

    Raises
    ------
    ValueError
        If the parameters are malformed, a gradient is missing or has the wrong shape,
        or ``learning_rate`` is not positive.

    Examples
    --------
    >>> import numpy as np
    >>> params = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]])}
    >>> grads = {"dW1": np.array([[0.5, -1.0]]), "db1": np.array([[1.0]])}
    >>> {k: v.tolist() for k, v in update(params, grads, 0.1).items()}
    {'W1': [[0.95, 2.1]], 'b1': [[0.4]]}

    See also
    --------
    Part 2 (Calculus), Week 3 lab: the update.
    """
    layers = _check_params(params)
    alpha = check_positive(learning_rate, "learning_rate")
    if not isinstance(grads, Mapping):
        raise ValueError(f"grads must be a dict like {{'dW1': ...}}, got {type(grads).__name__}")
    checked = []
    for layer, (W, b) in enumerate(layers, start=1):
        pair = []
        for name, param in ((f"dW{layer}", W), (f"db{layer}", b)):
            if name not in grads:
                raise ValueError(f"grads is missing {name!r}")
            g = as_array(grads[name], f"grads[{name!r}]")
            if g.shape != param.shape:
                raise ValueError(
                    f"grads[{name!r}] must have shape {param.shape} like its parameter, "
                    f"got {g.shape}"
                )
            pair.append(g)
        checked.append((pair[0], pair[1]))
    return _update(layers, checked, alpha)


def _update(
    layers: list[tuple[FloatArray, FloatArray]],
    grads: list[tuple[FloatArray, FloatArray]],
    alpha: float,
) -> Params:
    new: Params = {}
    for layer, ((W, b), (dW, db)) in enumerate(zip(layers, grads, strict=True), start=1):
        new[f"W{layer}"] = W - alpha * dW
        new[f"b{layer}"] = b - alpha * db
    return new


def _grad_pairs(grads: Params, L: int) -> list[tuple[FloatArray, FloatArray]]:
    return [(grads[f"dW{layer}"], grads[f"db{layer}"]) for layer in range(1, L + 1)]


def _layers_of(params: Params) -> list[tuple[FloatArray, FloatArray]]:
    L = len(params) // 2
    return [(params[f"W{layer}"], params[f"b{layer}"]) for layer in range(1, L + 1)]


def _predict(cache: ForwardCache, threshold: float) -> FloatArray:
    A = cache[f"A{cache.n_layers}"]
    if cache.output_activation == "sigmoid":
        return (A > threshold).astype(np.float64)
    return A


def predict(
    params: Mapping[str, ArrayLike],
    X: ArrayLike,
    threshold: float = 0.5,
    hidden_activation: str = "tanh",
    output_activation: str = "sigmoid",
) -> FloatArray:
    r"""Predictions of the network: class labels for a sigmoid output, numbers otherwise.

    $$\hat y = \begin{cases} 1 & \text{if } a^{[L]} > \text{threshold} \\
      0 & \text{otherwise}\end{cases}
      \quad\text{(sigmoid output)}, \qquad \hat y = a^{[L]} \quad\text{(linear output)}.$$

    Parameters
    ----------
    params : dict
    X : array_like, shape (n_x, m)
    threshold : float, default 0.5
        Probability above which an example is labelled 1, in $[0, 1]$; ignored for a
        linear output.
    hidden_activation : {"tanh", "relu", "sigmoid"}
    output_activation : {"sigmoid", "linear"}

    Returns
    -------
    numpy.ndarray, shape (n_L, m)
        0.0/1.0 labels for a sigmoid output, the raw outputs for a linear one.

    Raises
    ------
    ValueError
        As :func:`forward`; also if ``threshold`` is not in $[0, 1]$.

    Examples
    --------
    >>> import numpy as np
    >>> params = {"W1": np.array([[1.0]]), "b1": np.array([[-2.0]])}   # p = sigma(x - 2)
    >>> predict(params, [[0.0, 1.9, 2.1, 5.0]]).tolist()
    [[0.0, 0.0, 1.0, 1.0]]

    See also
    --------
    Part 2 (Calculus), Week 3 lab: predict and the decision boundary.
    """
    cutoff = check_probability(threshold, "threshold")
    _, cache = forward(params, X, hidden_activation, output_activation)
    return _predict(cache, cutoff)


@dataclass(frozen=True, eq=False, repr=False)
class TrainResult:
    """The trained network and its learning curve.

    Attributes
    ----------
    params : dict
        The final parameters ``W1, b1, ...``.
    costs : numpy.ndarray, shape (num_iterations,)
        ``costs[i]`` is the cost *before* update ``i`` (``costs[0]`` is the cost of the
        initial parameters).
    layer_sizes : tuple of int
    hidden_activation, output_activation, loss : str
        The settings used, so :meth:`predict` and :meth:`cost` reuse them.
    """

    params: Params
    costs: FloatArray
    layer_sizes: tuple[int, ...]
    hidden_activation: str
    output_activation: str
    loss: str

    def predict(self, X: ArrayLike, threshold: float = 0.5) -> FloatArray:
        """:func:`predict` with this network's parameters and activations."""
        return predict(self.params, X, threshold, self.hidden_activation, self.output_activation)

    def cost(self, X: ArrayLike, Y: ArrayLike) -> float:
        """:func:`cost` of this network on new data (for example a test set)."""
        return cost(
            self.params, X, Y, self.loss, self.hidden_activation, self.output_activation
        )

    def __repr__(self) -> str:
        return (
            f"TrainResult(layer_sizes={list(self.layer_sizes)}, "
            f"hidden_activation={self.hidden_activation!r}, "
            f"output_activation={self.output_activation!r}, loss={self.loss!r}, "
            f"iterations={self.costs.size}, first_cost={self.costs[0]:.6g}, "
            f"final_cost={self.costs[-1]:.6g})"
        )


def train(
    X: ArrayLike,
    Y: ArrayLike,
    layer_sizes: Sequence[int],
    learning_rate: float,
    num_iterations: int,
    seed: int | np.random.Generator | None = None,
    hidden_activation: str = "tanh",
    output_activation: str | None = None,
    loss: str = "log",
    init_scale: float = 0.01,
) -> TrainResult:
    r"""Train a dense network by full-batch gradient descent.

    Starting from :func:`init_params`, each iteration runs :func:`forward`, records the
    cost $J$, runs :func:`backward` and takes one :func:`update` step
    $\theta \leftarrow \theta - \alpha \nabla_\theta J$.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
        One example per **column**.
    Y : array_like, shape (n_L, m)
        Labels 0/1 (``loss="log"``) or numbers (``loss="squared"``).
    layer_sizes : sequence of int
        ``[n_x, ..., n_L]``: ``[n_x, 1]`` for a perceptron, ``[n_x, n_h, 1]`` for a
        two-layer network. The first must equal ``X.shape[0]``, the last ``Y.shape[0]``.
    learning_rate : float
        $\alpha > 0$.
    num_iterations : int
        Number of gradient steps, at least 1.
    seed : int, numpy.random.Generator or None
        For the initial weights.
    hidden_activation : {"tanh", "relu", "sigmoid"}, default "tanh"
    output_activation : {"sigmoid", "linear"} or None
        Default: ``"sigmoid"`` for the log loss, ``"linear"`` for the squared loss.
    loss : {"log", "squared"}, default "log"
    init_scale : float, default 0.01
        Standard deviation of the initial weights.

    Returns
    -------
    TrainResult
        ``params``, ``costs`` (one per iteration), the settings, and a ``predict``
        method.

    Raises
    ------
    ValueError
        If ``X``/``Y`` have the wrong shapes for ``layer_sizes`` (the message gives the
        expected shape), labels are not 0/1 for the log loss, an option is unknown, a
        number is out of range, or the cost stops being finite (training diverged:
        lower ``learning_rate``).

    Examples
    --------
    A perceptron with the squared loss and a linear output is linear regression:

    >>> import numpy as np
    >>> X = np.array([[0.0, 1.0, 2.0, 3.0]])
    >>> Y = 2 * X + 1
    >>> result = train(X, Y, [1, 1], 0.1, 2000, seed=0, loss="squared")
    >>> round(float(result.params["W1"][0, 0]), 4), round(float(result.params["b1"][0, 0]), 4)
    (2.0, 1.0)

    See also
    --------
    Part 2 (Calculus), Week 3 lab: the training loop.
    """
    sizes = _check_layer_sizes(layer_sizes)
    chosen = _check_option(loss, "loss", LOSSES)
    hidden = _check_option(hidden_activation, "hidden_activation", HIDDEN_ACTIVATIONS)
    output = _output_for(chosen, output_activation)
    alpha = check_positive(learning_rate, "learning_rate")
    budget = check_int(num_iterations, "num_iterations", minimum=1)
    data = _check_X(X, sizes[0], f"layer_sizes[0] = {sizes[0]}")
    target = _check_Y(Y, sizes[-1], data.shape[1], chosen)
    params = init_params(sizes, seed, init_scale)

    costs = np.empty(budget)
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(budget):
            layers = _layers_of(params)
            cache = _forward(layers, data, hidden, output)
            costs[i] = _cost(cache, target, chosen)
            if not np.isfinite(costs[i]):
                raise ValueError(
                    f"training diverged at iteration {i}: the cost is not finite; "
                    f"lower learning_rate (got {alpha!r})"
                )
            grads = _backward(layers, cache, target, chosen)
            params = _update(layers, _grad_pairs(grads, len(layers)), alpha)
    if not all(np.all(np.isfinite(p)) for p in params.values()):
        raise ValueError(
            f"training diverged in the last update; lower learning_rate (got {alpha!r})"
        )
    return TrainResult(params, costs, tuple(sizes), hidden, output, chosen)
