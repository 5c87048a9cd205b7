"""The dense network: parameters, forward and backward passes, cost, update, predict.

Private; the functions are documented in :mod:`mathbook.nn`, which re-exports them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    InputError,
    Seed,
    as_array,
    as_matrix,
    check_binary,
    check_int,
    check_option,
    check_positive,
    check_probability,
    check_seed,
)

from ._activations import (
    _ACTIVATION,
    HIDDEN_ACTIVATIONS,
    OUTPUT_ACTIVATIONS,
    HiddenActivation,
    OutputActivation,
)
from ._losses import _logistic_loss

__all__ = [
    "ForwardCache",
    "Loss",
    "Params",
    "backward",
    "cost",
    "forward",
    "init_params",
    "predict",
    "update",
]

Params: TypeAlias = dict[str, FloatArray]
"""Parameters ``{"W1": ..., "b1": ...}`` or gradients ``{"dW1": ..., "db1": ...}``."""

Loss: TypeAlias = Literal["log", "squared"]
"""The loss: ``"log"`` (classification) or ``"squared"`` (regression)."""

LOSSES: tuple[Loss, ...] = get_args(Loss)

# The one rule for defaults: a loss and an output activation are partners, and whichever
# is not given is the partner of the other (both missing: the log loss with a sigmoid).
_OUTPUT_FOR: dict[Loss, OutputActivation] = {"log": "sigmoid", "squared": "linear"}
_LOSS_FOR: dict[OutputActivation, Loss] = {out: loss for loss, out in _OUTPUT_FOR.items()}


def resolve_loss(
    loss: Loss | None, output_activation: OutputActivation | None
) -> tuple[Loss, OutputActivation]:
    """The checked ``(loss, output_activation)``, each defaulting to the other's partner."""
    chosen = None if loss is None else check_option("loss", loss, LOSSES)
    out = (
        None
        if output_activation is None
        else check_option("output_activation", output_activation, OUTPUT_ACTIVATIONS)
    )
    if chosen is None:
        chosen = _LOSS_FOR[out or "sigmoid"]
    if out is None:
        out = _OUTPUT_FOR[chosen]
    if chosen == "log" and out != "sigmoid":
        raise ValueError(
            "loss='log' needs output_activation='sigmoid' (the log loss compares "
            f"probabilities), got output_activation={out!r}"
        )
    return chosen, out


def _check_layer_sizes(layer_sizes: Sequence[int]) -> list[int]:
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Sequence):
        raise InputError(
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
        raise InputError(
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


def _check_Y(Y: ArrayLike, n_y: int, m: int, loss: Loss) -> FloatArray:
    target = as_array(Y, "Y")
    if target.shape != (n_y, m):
        raise ValueError(
            f"Y must have shape ({n_y}, {m}) to match X's {m} examples, got {target.shape}"
            + (" (use Y.reshape(1, -1))" if target.ndim == 1 and n_y == 1 else "")
        )
    if loss == "log":
        check_binary(target, "Y")
    return target


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
    hidden_activation: HiddenActivation
    output_activation: OutputActivation

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
    seed: Seed = None,
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

    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#in-code).
    """
    sizes = _check_layer_sizes(layer_sizes)
    std = check_positive(scale, "scale")
    rng = check_seed(seed)
    params: Params = {}
    for layer in range(1, len(sizes)):
        params[f"W{layer}"] = std * rng.standard_normal((sizes[layer], sizes[layer - 1]))
        params[f"b{layer}"] = np.zeros((sizes[layer], 1))
    return params


def _forward(
    layers: list[tuple[FloatArray, FloatArray]],
    X: FloatArray,
    hidden: HiddenActivation,
    output: OutputActivation,
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
    hidden_activation: HiddenActivation = "tanh",
    output_activation: OutputActivation | None = None,
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
    output_activation : {"sigmoid", "linear"} or None
        ``"sigmoid"`` for probabilities (classification), ``"linear"`` (no activation)
        for regression; ``None`` means ``"sigmoid"``, the partner of the default loss.

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

    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#in-code).
    """
    hidden = check_option("hidden_activation", hidden_activation, HIDDEN_ACTIVATIONS)
    _, output = resolve_loss(None, output_activation)
    layers = _check_params(params)
    data = _check_X(X, layers[0][0].shape[1], f"params['W1'] of shape {layers[0][0].shape}")
    cache = _forward(layers, data, hidden, output)
    return cache[f"A{len(layers)}"], cache


def _output_delta(A: FloatArray, Y: FloatArray, loss: Loss, output: OutputActivation) -> FloatArray:
    r"""$m \,\partial J / \partial \mathbf{Z}^{[L]}$ for each loss/output pair."""
    if output == "sigmoid" and loss == "squared":
        return (A - Y) * A * (1 - A)  # chain rule through sigma' = sigma (1 - sigma)
    # log loss with sigmoid, and squared loss with a linear output, both give A - Y
    return A - Y


def _backward(
    layers: list[tuple[FloatArray, FloatArray]], cache: ForwardCache, Y: FloatArray, loss: Loss
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
    loss: Loss | None = None,
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
    loss : {"log", "squared"} or None
        ``"log"`` needs the forward pass to have used ``output_activation="sigmoid"``.
        Default ``None``: the partner of the forward pass's output activation (``"log"``
        for ``"sigmoid"``, ``"squared"`` for ``"linear"``), and ``"log"`` when neither is given.

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
    """
    if not isinstance(cache, ForwardCache):
        raise InputError(
            f"cache must be the ForwardCache from forward(), got {type(cache).__name__}"
        )
    chosen, _ = resolve_loss(loss, cache.output_activation)
    layers = _check_params(params)
    if cache.n_layers != len(layers) or any(
        cache[f"Z{layer}"].shape[0] != W.shape[0] for layer, (W, _) in enumerate(layers, start=1)
    ) or cache["A0"].shape[0] != layers[0][0].shape[1]:
        raise ValueError("cache does not match params: run forward() with these params first")
    output = cache[f"A{len(layers)}"]
    target = _check_Y(Y, output.shape[0], output.shape[1], chosen)
    return _backward(layers, cache, target, chosen)


def _cost(cache: ForwardCache, Y: FloatArray, loss: Loss) -> float:
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
    loss: Loss | None = None,
    hidden_activation: HiddenActivation = "tanh",
    output_activation: OutputActivation | None = None,
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
    loss : {"log", "squared"} or None
        Default ``None``: the partner of the output activation (``"log"`` for
        ``"sigmoid"``, ``"squared"`` for ``"linear"``), and ``"log"`` when neither is given.
    hidden_activation : {"tanh", "relu", "sigmoid"}
    output_activation : {"sigmoid", "linear"} or None
        Default ``None``: the partner of the loss (``"sigmoid"`` for ``"log"``,
        ``"linear"`` for ``"squared"``), and ``"sigmoid"`` when neither is given.

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

    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#in-code).
    """
    chosen, output = resolve_loss(loss, output_activation)
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
    """
    layers = _check_params(params)
    alpha = check_positive(learning_rate, "learning_rate")
    if not isinstance(grads, Mapping):
        raise InputError(f"grads must be a dict like {{'dW1': ...}}, got {type(grads).__name__}")
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


def _predict(cache: ForwardCache, threshold: float) -> FloatArray:
    A = cache[f"A{cache.n_layers}"]
    if cache.output_activation == "sigmoid":
        return (A > threshold).astype(np.float64)
    return A


def predict(
    params: Mapping[str, ArrayLike],
    X: ArrayLike,
    threshold: float = 0.5,
    hidden_activation: HiddenActivation = "tanh",
    output_activation: OutputActivation | None = None,
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
    output_activation : {"sigmoid", "linear"} or None
        ``None`` means ``"sigmoid"``, the partner of the default loss.

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
    """
    cutoff = check_probability(threshold, "threshold")
    _, cache = forward(params, X, hidden_activation, output_activation)
    return _predict(cache, cutoff)
