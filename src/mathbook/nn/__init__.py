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
* **Defaults, one rule.** A loss and an output activation are partners (``"log"`` with
  ``"sigmoid"``, ``"squared"`` with ``"linear"``). Every function that takes either
  one defaults it to ``None``, meaning "the partner of the other"; with neither given,
  the log loss and a sigmoid output.

The code is in four modules — activations, losses, the network (forward and backward
passes) and training — and everything public is imported here.

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

from ._activations import (
    HiddenActivation,
    OutputActivation,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)
from ._losses import log_loss, log_loss_from_logits, squared_loss
from ._network import (
    ForwardCache,
    Loss,
    Params,
    backward,
    cost,
    forward,
    init_params,
    predict,
    update,
)
from ._training import TrainResult, train

__all__ = [
    "ForwardCache",
    "HiddenActivation",
    "Loss",
    "OutputActivation",
    "Params",
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
