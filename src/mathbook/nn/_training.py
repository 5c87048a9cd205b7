"""Training by full-batch gradient descent, and its result (private; see :mod:`mathbook.nn`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    Seed,
    check_int,
    check_option,
    check_positive,
)

from ._activations import HIDDEN_ACTIVATIONS, HiddenActivation, OutputActivation
from ._network import (
    Loss,
    Params,
    _backward,
    _check_layer_sizes,
    _check_X,
    _check_Y,
    _cost,
    _forward,
    _update,
    cost,
    init_params,
    predict,
    resolve_loss,
)

__all__ = ["TrainResult", "train"]


def _grad_pairs(grads: Params, L: int) -> list[tuple[FloatArray, FloatArray]]:
    return [(grads[f"dW{layer}"], grads[f"db{layer}"]) for layer in range(1, L + 1)]


def _layers_of(params: Params) -> list[tuple[FloatArray, FloatArray]]:
    L = len(params) // 2
    return [(params[f"W{layer}"], params[f"b{layer}"]) for layer in range(1, L + 1)]


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
    hidden_activation: HiddenActivation
    output_activation: OutputActivation
    loss: Loss

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
    seed: Seed = None,
    hidden_activation: HiddenActivation = "tanh",
    output_activation: OutputActivation | None = None,
    loss: Loss | None = None,
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
        Default ``None``: the partner of the loss (``"sigmoid"`` for ``"log"``,
        ``"linear"`` for ``"squared"``), and ``"sigmoid"`` when neither is given.
    loss : {"log", "squared"} or None
        Default ``None``: the partner of the output activation (``"log"`` for
        ``"sigmoid"``, ``"squared"`` for ``"linear"``), and ``"log"`` when neither is given.
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

    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#in-code).
    """
    sizes = _check_layer_sizes(layer_sizes)
    chosen, output = resolve_loss(loss, output_activation)
    hidden = check_option("hidden_activation", hidden_activation, HIDDEN_ACTIVATIONS)
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
