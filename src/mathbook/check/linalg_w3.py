r"""Graders for the lab of Part 1, Week 3: transformations of a picture, then a perceptron.

The lab keeps **one point (or one example) per column** throughout, as
``datasets.point_cloud_picture()`` and :mod:`mathbook.nn` do: a point cloud has shape
``(2, n)``, a data matrix $\mathbf{X}$ has shape ``(n_x, m)`` and the targets
$\mathbf{Y}$ shape ``(1, m)``. Every function returns new float arrays and leaves its
inputs unchanged; inputs may be nested lists or NumPy arrays, of integers or floats.

Transformations of the plane:

* `transform(A, points)`: $\mathbf{A}\mathbf{P}$, every column of ``points`` (shape
  ``(2, n)``) moved by the 2 × 2 matrix ``A``; raise ``ValueError`` when ``points`` does
  not have two rows (an ``(n, 2)`` cloud is refused). An empty cloud ``(2, 0)`` gives
  ``(2, 0)``.
* `matrix_from_images(image_e1, image_e2)`: the 2 × 2 matrix whose **columns** are the
  images of $\mathbf{e}_1$ and $\mathbf{e}_2$.
* `rotation_matrix(theta, degrees=False)`: the counter-clockwise rotation
  $\begin{bmatrix}\cos\theta & -\sin\theta\\ \sin\theta & \cos\theta\end{bmatrix}$,
  ``theta`` in radians unless ``degrees`` is true.
* `compose(first, then)`: the matrix of "apply ``first``, then ``then``", which is the
  product ``then @ first`` (the matrix applied first stands next to $\mathbf{x}$).

A single perceptron for regression, $\hat{\mathbf{Y}} = \mathbf{W}\mathbf{X} + b$ with
$\mathbf{W}$ of shape ``(1, n_x)`` and $b$ of shape ``(1, 1)``, and the cost
$L = \frac{1}{2m}\sum_{i=1}^m (\hat y^{(i)} - y^{(i)})^2$ (``nn.squared_loss``):

* `normalise(X)`: ``(Z, mean, std)``, each **row** (feature) centred and divided by its
  population standard deviation (``ddof=0``); ``mean`` and ``std`` have shape
  ``(n_x, 1)``. Raise ``ValueError`` for a constant row or when there are no examples.
* `gradient(W, b, X, Y)`: ``(dW, db)`` with
  $\mathrm{d}\mathbf{W} = \frac{1}{m}(\hat{\mathbf{Y}} - \mathbf{Y})\mathbf{X}^\top$, shape
  ``(1, n_x)``, and $\mathrm{d}b = \frac{1}{m}\sum_i (\hat y^{(i)} - y^{(i)})$, shape
  ``(1, 1)``.
* `train(X, Y, learning_rate, n_steps)`: ``(W, b)`` after ``n_steps`` gradient-descent
  updates from $\mathbf{W} = \mathbf{0}$, $b = 0$, on the data as given (normalise
  before calling it).
* `predict(W, b, X, x_mean, x_std, y_mean, y_std)`: predictions in the original units,
  shape ``(1, m)``: normalise ``X`` with the *training* statistics passed in, apply the
  perceptron, then de-normalise, $\sigma_y\hat{\mathbf{Y}} + \mu_y$.

The cases include clouds of shape ``(2, 2)`` (where rows and columns cannot be told apart
by the shape), ``(n, 2)`` clouds to refuse, empty clouds, angles in degrees and in
radians, non-square matrices to compose, a constant feature, a single example, integer
input and random cases. When a failure looks like a well-known mistake (``x @ A`` instead
of ``A @ x``, points as rows, degrees taken for radians or the reverse, degrees by
default, a rotation turning clockwise, composition in the wrong order, a matrix built by
rows, the sample standard deviation, statistics per example, a flipped or doubled
gradient, a gradient divided by n_x, b updated from the already-updated W, parameters
returned flat, predictions left on the normalised scale, divided by the std, shifted but
not scaled back, or normalised twice, new data normalised with its own statistics) the
message ends with a hint.

See Also
--------
The lessons: [matrix products](../../linear-algebra/week-3/matrix-products.md#the-order-matters),
[transformations](../../linear-algebra/week-3/transformations.md#in-code),
[composition](../../linear-algebra/week-3/transformations.md#composition) and
[training a perceptron](../../linear-algebra/week-3/perceptron.md#training-a-perceptron).

Examples
--------
>>> from mathbook import check
>>> import numpy as np
>>> def compose(first, then):
...     return np.asarray(then, dtype=float) @ np.asarray(first, dtype=float)
>>> check.linalg_w3.compose(compose).passed
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook.check._core import Case, CheckResult, grader, random_cases
from mathbook.check._hints import NO_ANSWER as _NO_ANSWER
from mathbook.check._hints import Detector
from mathbook.check._hints import Hinted as _Hinted
from mathbook.check._hints import answer as _answer
from mathbook.check._hints import document_returns as _document_returns
from mathbook.check._hints import gives as _gives
from mathbook.check._hints import raises as _raises
from mathbook.check._hints import right_on as _right_on
from mathbook.check._hints import same as _same

__all__ = [
    "compose",
    "gradient",
    "matrix_from_images",
    "normalise",
    "predict",
    "rotation_matrix",
    "train",
    "transform",
]

FloatArray = NDArray[np.float64]


def _floats(value: ArrayLike) -> FloatArray:
    return np.array(value, dtype=np.float64)


# ---------------------------------------------------------------------------
# Reference solutions, under the learner-facing parameter names
# ---------------------------------------------------------------------------


def _transform(A: Any, points: Any) -> FloatArray:
    cloud = _floats(points)
    if cloud.ndim != 2 or cloud.shape[0] != 2:
        raise ValueError(f"points must have shape (2, n), one point per column, got {cloud.shape}")
    moved: FloatArray = _floats(A) @ cloud
    return moved


def _matrix_from_images(image_e1: Any, image_e2: Any) -> FloatArray:
    return np.column_stack([_floats(image_e1), _floats(image_e2)])


def _rotation(theta: Any, degrees: bool = False) -> FloatArray:
    angle = math.radians(theta) if degrees else float(theta)
    c, s = math.cos(angle), math.sin(angle)
    return np.array([[c, -s], [s, c]])


def _compose(first: Any, then: Any) -> FloatArray:
    product: FloatArray = _floats(then) @ _floats(first)
    return product


def _normalise(X: Any, ddof: int = 0) -> tuple[FloatArray, FloatArray, FloatArray]:
    data = _floats(X)
    if data.ndim != 2 or data.shape[1] == 0:
        raise ValueError(f"X must have shape (n_x, m) with m >= 1 examples, got {data.shape}")
    if np.any(np.ptp(data, axis=1) == 0):                 # not std == 0: round-off
        raise ValueError("a constant feature has standard deviation 0")
    mean = data.mean(axis=1, keepdims=True)
    std = data.std(axis=1, ddof=ddof, keepdims=True)
    return (data - mean) / std, mean, std


def _gradient(W: Any, b: Any, X: Any, Y: Any) -> tuple[FloatArray, FloatArray]:
    data, targets = _floats(X), _floats(Y)
    error = _floats(W) @ data + _floats(b) - targets
    m = targets.shape[1]
    return error @ data.T / m, error.sum(axis=1, keepdims=True) / m


def _train(X: Any, Y: Any, learning_rate: Any, n_steps: Any) -> tuple[FloatArray, FloatArray]:
    data = _floats(X)
    W, b = np.zeros((1, data.shape[0])), np.zeros((1, 1))
    for _ in range(int(n_steps)):
        dW, db = _gradient(W, b, data, Y)
        W, b = W - learning_rate * dW, b - learning_rate * db
    return W, b


def _predict(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
             y_std: Any) -> FloatArray:
    Z = (_floats(X) - _floats(x_mean)) / _floats(x_std)
    Y_hat = _floats(W) @ Z + _floats(b)
    return _floats(y_std) * Y_hat + _floats(y_mean)


# ---------------------------------------------------------------------------
# Cases: hand-picked ones first (they give the clearest messages), then random ones
# ---------------------------------------------------------------------------

_A = [[2.0, 1.0], [0.5, 3.0]]                       # not symmetric: A and A.T differ
_CLOUD = [[0.0, 1.0, 2.0, -1.0, 0.5], [1.0, 0.0, 2.0, 1.0, -2.0]]
_SHEAR = [[1.0, 1.5], [0.0, 1.0]]


def _random_transform(rng: np.random.Generator) -> Case:
    n = int(rng.integers(1, 9))
    return rng.normal(size=(2, 2)).round(3), rng.normal(size=(2, n)).round(3)


def _transform_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_A, _CLOUD),
        (np.array(_SHEAR), np.array(_CLOUD)),
        ([[0.0, -1.0], [1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]),   # (2, 2): e1 and e2
        (_A, [[1.0, -2.0], [3.0, 0.5]]),                         # (2, 2): rows or columns?
        (np.array([[1, 2], [3, 4]]), np.array([[1, 0, -1], [2, 5, 3]])),   # integers
        ([[0.5, 0.0], [0.0, 0.5]], [[1, 2, 3], [4, 5, 6]]),      # integers times halves
        (_A, [[3.0], [-1.0]]),                                   # one point
        (_A, np.zeros((2, 0))),                                  # no points
        (_A, np.array(_CLOUD).T),                                # (5, 2): refused
        (_A, [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]),              # (3, 2): refused
        (_A, [1.0, 2.0]),                                        # one flat point: refused
    ]
    return tuple(hand + random_cases(_random_transform, 15, seed=31))


def _random_images(rng: np.random.Generator) -> Case:
    return tuple(rng.normal(size=2).round(2) for _ in range(2))


def _images_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        ([1.0, 0.0], [1.5, 1.0]),          # a horizontal shear
        ([3.0, 0.0], [0.0, 0.5]),          # a stretch
        ([1.0, 0.0], [0.0, -1.0]),         # a reflection in the x-axis
        ([0.0, 1.0], [1.0, 0.0]),          # a reflection in the line y = x
        (np.array([1, 2]), np.array([3, 4])),
        ([0.6, 0.8], [-0.8, 0.6]),         # a rotation
    ]
    return tuple(hand + random_cases(_random_images, 10, seed=32))


def _random_angle(rng: np.random.Generator) -> Case:
    if rng.random() < 0.5:
        return (float(rng.uniform(-2 * math.pi, 2 * math.pi)),)
    return (int(rng.integers(-360, 361)), True)


def _rotation_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (math.pi / 6,), (30, True), (90, True), (math.pi / 2, False), (1.0,), (-45.0, True),
        (0,), (0, True), (180, True), (math.pi,), (2.5, False), (1, True),
    ]
    return tuple(hand + random_cases(_random_angle, 12, seed=33))


def _random_pair(rng: np.random.Generator) -> Case:
    n = int(rng.choice([2, 3]))
    return rng.normal(size=(n, n)).round(2), rng.normal(size=(n, n)).round(2)


def _compose_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_SHEAR, [[0.0, -1.0], [1.0, 0.0]]),          # shear, then a quarter turn
        ([[2.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, -1.0]]),   # these two commute
        ([[0.0, -1.0], [1.0, 0.0]], [[1.0, 0.0], [0.0, -1.0]]),  # turn, then reflect
        (np.array([[1, 2], [3, 4]]), np.array([[0, 1], [1, 0]])),
        ([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [[1.0, 2.0, 0.0], [0.0, 1.0, -1.0]]),  # 3x2, 2x3
        ([[1.0, 2.0, 3.0]], [[2.0], [-1.0]]),          # R^3 -> R -> R^2
    ]
    return tuple(hand + random_cases(_random_pair, 12, seed=34))


_X2 = [[1.0, 2.0, 4.0, 7.0, 11.0], [3.0, 1.0, 6.0, 2.0, 5.0]]     # 2 features, 5 examples


def _random_data(rng: np.random.Generator) -> Case:
    n, m = int(rng.integers(1, 4)), int(rng.integers(2, 9))
    return (rng.normal(size=(n, 1)) * 10 + rng.normal(size=(n, m)) * rng.uniform(0.5, 5)).round(3),


def _normalise_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_X2,),
        (np.array([[150.0, 160.0, 170.0, 190.0]]),),                # one feature
        (np.array([[1, 2, 3, 4, 10], [2, 2, 1, 0, 5]]),),           # integers
        (_floats(_X2).T.copy(),),                                   # 5 features, 2 examples
        ([[1.0, 2.0, 3.0], [5.0, 5.0, 5.0]],),                      # a constant feature
        ([[0.1, 0.1, 0.1], [1.0, 2.0, 3.0]],),                      # constant, with round-off
        ([[1.0, 3.0]],),                                            # two examples
        (np.zeros((2, 0)),),                                        # no examples
    ]
    return tuple(hand + random_cases(_random_data, 12, seed=35))


def _random_gradient(rng: np.random.Generator) -> Case:
    n, m = int(rng.integers(1, 4)), int(rng.integers(1, 8))
    return (rng.normal(size=(1, n)).round(2), rng.normal(size=(1, 1)).round(2),
            rng.normal(size=(n, m)).round(2), rng.normal(size=(1, m)).round(2))


_W2, _B = [[0.5, -1.0]], [[0.25]]
_Y5 = [[2.0, 0.0, 3.0, 5.0, 4.0]]


def _gradient_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_W2, _B, _X2, _Y5),
        (np.zeros((1, 2)), np.zeros((1, 1)), _X2, _Y5),
        (np.array([[2]]), np.array([[1]]), np.array([[1, 2, 3]]), np.array([[3, 5, 8]])),
        ([[1.0, 1.0, 1.0]], [[0.0]], [[1.0], [2.0], [3.0]], [[4.0]]),   # one example
    ]
    return tuple(hand + random_cases(_random_gradient, 12, seed=36))


def _random_training(rng: np.random.Generator) -> Case:
    n, m = int(rng.integers(1, 4)), int(rng.integers(3, 10))
    X = rng.normal(size=(n, m)).round(2)
    Y = (rng.normal(size=(1, n)) @ X + rng.normal() + 0.1 * rng.normal(size=(1, m))).round(2)
    return X, Y, float(rng.choice([0.05, 0.1, 0.3])), int(rng.integers(1, 60))


_ZN = [[-1.5, -0.5, 0.5, 1.5], [1.0, -1.0, 1.0, -1.0]]      # centred features
_Y4 = [[1.0, 2.0, 4.0, 6.0]]


def _train_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_ZN, _Y4, 0.1, 1),
        (_ZN, _Y4, 0.1, 0),                                 # no steps: the initial values
        (_ZN, _Y4, 0.1, 50),
        (np.array([[-1, 0, 1]]), np.array([[1, 3, 5]]), 0.5, 20),   # integers
        (_X2, _Y5, 0.01, 30),                               # not normalised: train as given
    ]
    return tuple(hand + random_cases(_random_training, 10, seed=37))


def _random_prediction(rng: np.random.Generator) -> Case:
    n, m = int(rng.integers(1, 4)), int(rng.integers(1, 7))
    return (rng.normal(size=(1, n)).round(2), rng.normal(size=(1, 1)).round(2),
            (rng.normal(size=(n, m)) * 5 + 20).round(1), (rng.normal(size=(n, 1)) + 20).round(2),
            rng.uniform(1, 6, size=(n, 1)).round(2), rng.normal(size=(1, 1)).round(2) * 50,
            rng.uniform(5, 40, size=(1, 1)).round(2))


_STATS = ([[5.0], [3.0]], [[3.5], [1.8]], [[150.0]], [[70.0]])   # x_mean, x_std, y_mean, y_std


def _predict_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_W2, _B, _X2, *_STATS),
        (_W2, _B, [[6.0], [2.0]], *_STATS),                  # one new example
        ([[0.8]], [[0.1]], np.array([[60, 65, 70, 75]]), [[68]], [[2]], [[68]], [[3]]),
        (_W2, _B, np.zeros((2, 0)), *_STATS),                # no examples
    ]
    return tuple(hand + random_cases(_random_prediction, 10, seed=38))


# ---------------------------------------------------------------------------
# Hints: after a failure, probe the learner's function for well-known mistakes
# ---------------------------------------------------------------------------


def _rounds_integers(fn: Callable[..., Any], reference: Callable[..., Any],
                     case: tuple[Any, ...]) -> bool:
    """The result is the reference's with the fractions cut off (an integer array)."""
    got, expected = _answer(fn, *case), reference(*case)
    return not _same(got, expected) and _same(got, np.trunc(expected))


_HINT_COPY_FLOAT = ("start with np.array(..., dtype=float): it makes a float copy, so "
                    "integer input keeps its fractions and the caller's arrays stay unchanged.")


def _transform_hints() -> tuple[tuple[Detector, str], ...]:
    A, P = _floats(_A), _floats(_CLOUD)
    square = _floats([[1.0, -2.0], [3.0, 0.5]])
    return (
        (lambda fn: _gives(fn, (A, P), A.T @ P) or _gives(fn, (A, square), A.T @ square),
         "this is A.T @ points: writing x @ A (or points.T @ A) treats each point as a row "
         "and so applies the transpose of A. With one point per column it is A @ points "
         "(lesson: Matrices as transformations of the plane)."),
        (lambda fn: _gives(fn, (A, P), (A @ P).T),
         "the result has one point per row, shape (n, 2): return one point per column, "
         "shape (2, n), as the picture has, A @ points."),
        (lambda fn: _gives(fn, (A, P.T), (A @ P).T) or _gives(fn, (A, square), (A @ square.T).T),
         "your function reads points as rows (points @ A.T): here each COLUMN is a point, "
         "row 0 the x-coordinates and row 1 the y-coordinates, so use A @ points."),
        (lambda fn: _right_on(fn, _transform, (A, P))
         and not (_raises(fn, A, P.T) and _raises(fn, A, [1.0, 2.0])),
         "points of any shape other than (2, n), such as an (n, 2) cloud or a flat [x, y], "
         "must raise ValueError, not be turned round or used: check points.ndim == 2 and "
         "points.shape[0] == 2 first (a single point is the column [[x], [y]])."),
        (lambda fn: _rounds_integers(fn, _transform, ([[0.5, 0.0], [0.0, 0.5]],
                                                      np.array([[1, 2, 3], [4, 5, 6]]))),
         "your result lost its fractions: writing A @ points into an integer array cuts "
         "them off. " + _HINT_COPY_FLOAT),
    )


def _images_hints() -> tuple[tuple[Detector, str], ...]:
    e1, e2 = [1.0, 0.0], [1.5, 1.0]
    return (
        (lambda fn: _gives(fn, (e1, e2), _matrix_from_images(e1, e2).T),
         "the matrix is transposed: the images of e1 and e2 are its COLUMNS (A @ [1, 0] is "
         "the first column), so use np.column_stack([image_e1, image_e2]), not "
         "np.array([image_e1, image_e2]) (lesson: Matrices as transformations of the plane)."),
    )


def _rotation_hints() -> tuple[tuple[Detector, str], ...]:
    return (
        (lambda fn: _gives(fn, (90, True), _rotation(90)),
         "with degrees=True, theta is in degrees but np.cos and np.sin take radians: "
         "convert first with np.radians(theta) (or theta * np.pi / 180)."),
        (lambda fn: _gives(fn, (90, True), _rotation(math.degrees(90))),
         "np.degrees turns radians into degrees; to turn degrees into radians use "
         "np.radians(theta)."),
        (lambda fn: _gives(fn, (math.pi / 6, False), _rotation(math.pi / 6, degrees=True)),
         "theta is in radians unless degrees=True: convert it only when degrees is true."),
        (lambda fn: _gives(fn, (math.pi / 6, False), _rotation(math.pi / 6))
         and _gives(fn, (math.pi / 6,), _rotation(math.pi / 6, degrees=True)),
         "the default must be degrees=False: rotation_matrix(theta) takes theta in radians, "
         "as linalg.rotation and np.cos do; write def rotation_matrix(theta, degrees=False)."),
        (lambda fn: _gives(fn, (math.pi / 6,), _rotation(math.pi / 6).T)
         or _gives(fn, (30, True), _rotation(30, degrees=True).T),
         "this rotation turns clockwise (it is the transpose): the image of e1 is "
         "(cos θ, sin θ), the first column, so the minus sign goes in the top-right entry, "
         "[[cos, -sin], [sin, cos]]."),
    )


def _compose_hints() -> tuple[tuple[Detector, str], ...]:
    first, then = _floats(_SHEAR), _floats([[0.0, -1.0], [1.0, 0.0]])
    return (
        (lambda fn: _gives(fn, (first, then), first @ then),
         "the order is reversed: to apply `first` and then `then` to x you compute "
         "then @ (first @ x) = (then @ first) @ x; the matrix applied first stands on the "
         "right, next to x (lesson: Matrices as transformations of the plane)."),
        (lambda fn: _gives(fn, (first, then), first * then) or _gives(fn, (first, then),
                                                                     then * first),
         "* multiplies entry by entry; the composition is the matrix product, then @ first."),
    )


def _normalise_hints() -> tuple[tuple[Detector, str], ...]:
    X = _floats(_X2)
    by_column = (X - X.mean(axis=0)) / X.std(axis=0)
    flat_mean, flat_std = X.mean(axis=1), X.std(axis=1)
    return (
        (lambda fn: _gives(fn, (X,), _normalise(X, ddof=1)),
         "this is the sample standard deviation (dividing by m - 1): use the population "
         "one, X.std(axis=1, keepdims=True) with the default ddof=0, as scikit-learn's "
         "StandardScaler does."),
        (lambda fn: _same(_first(_answer(fn, X)), by_column),
         "each column was normalised: here a feature is a ROW (one example per column), "
         "so take the mean and std along axis=1, with keepdims=True."),
        (lambda fn: _same(_first(_answer(fn, X)), (X - X.mean()) / X.std()),
         "one mean and one std for the whole array: each feature (row) needs its own, "
         "X.mean(axis=1, keepdims=True)."),
        (lambda fn: _same(_answer(fn, X), (_normalise(X)[0], flat_mean, flat_std)),
         "return mean and std as columns of shape (n_x, 1) (keepdims=True), so that "
         "X - mean and (X - mean) / std work on every example at once, here and in predict."),
        (lambda fn: _right_on(fn, _normalise, (X,)) and not _raises(fn, [[0.1, 0.1, 0.1],
                                                                         [1.0, 2.0, 3.0]])
         and _raises(fn, [[5.0, 5.0, 5.0], [1.0, 2.0, 3.0]]),
         "the mean of [0.1, 0.1, 0.1] is not exactly 0.1 in floating point, so its std is "
         "about 1e-17, not 0: test for a constant row with np.ptp(X, axis=1) == 0 "
         "(largest minus smallest), not std == 0."),
        (lambda fn: _right_on(fn, _normalise, (X,)) and not _raises(fn, [[1.0, 2.0, 3.0],
                                                                         [5.0, 5.0, 5.0]]),
         "a constant feature has standard deviation 0 and dividing by it gives nan: raise "
         "ValueError when a row is constant (np.ptp(X, axis=1) == 0)."),
        (lambda fn: _right_on(fn, _normalise, (X,)) and not _raises(fn, np.zeros((2, 0))),
         "with no examples (X of shape (n_x, 0)) there is no mean to take: raise ValueError."),
        (lambda fn: _right_on(fn, _normalise, (X,)) and _raises(fn, np.array(_X2).astype(int)),
         "integer input fails: an in-place X -= mean cannot store floats in an integer "
         "array. " + _HINT_COPY_FLOAT),
    )


def _first(value: Any) -> Any:
    """The first item of a returned tuple (Z of normalise), or the value itself."""
    return value[0] if isinstance(value, (tuple, list)) and len(value) == 3 else value


def _gradient_hints() -> tuple[tuple[Detector, str], ...]:
    case = (_floats(_W2), _floats(_B), _floats(_X2), _floats(_Y5))
    dW, db = _gradient(*case)
    m, n_x = len(_Y5[0]), len(_X2)
    return (
        (lambda fn: _gives(fn, case, (-dW, -db)),
         "the sign is flipped: the error is Y_hat - Y (prediction minus target), so "
         "dW = (Y_hat - Y) @ X.T / m."),
        (lambda fn: _gives(fn, case, (2 * dW, 2 * db)),
         "twice the gradient: the cost L = (1/(2m)) sum (Y_hat - Y)^2 has a 1/2 that "
         "cancels the 2 of the square."),
        (lambda fn: _gives(fn, case, (m / n_x * dW, m / n_x * db)),
         "divided by the number of features n_x = X.shape[0]: the cost is a mean over the "
         "m = X.shape[1] examples (one per column), so divide by m."),
        (lambda fn: _gives(fn, case, (m * dW, m * db)),
         "m times too large: divide by the number of examples m = X.shape[1] (the cost is "
         "a mean)."),
        (lambda fn: _gives(fn, case, (dW.T, db)),
         "dW has the shape of W, (1, n_x): (Y_hat - Y) @ X.T, not X @ (Y_hat - Y).T."),
        (lambda fn: _same(_first_of_pair(_answer(fn, *case)), dW),
         "db must have the shape of b, (1, 1): sum with axis=1 and keepdims=True (or "
         "np.sum(...).reshape(1, 1))."),
    )


def _first_of_pair(value: Any) -> Any:
    return value[0] if isinstance(value, (tuple, list)) and len(value) == 2 else _NO_ANSWER


def _starts_elsewhere(fn: Callable[..., Any], X: Any, Y: Any) -> bool:
    """After no steps at all the function returns parameters, but not zeros."""
    got = _answer(fn, X, Y, 0.1, 0)
    if not (isinstance(got, (tuple, list)) and len(got) == 2):
        return False
    try:
        values = np.concatenate([np.ravel(np.asarray(p, dtype=np.float64)) for p in got])
    except (TypeError, ValueError):
        return False
    return bool(np.any(values != 0))


def _same_values_other_shape(got: Any, expected: tuple[FloatArray, ...]) -> bool:
    """A pair with the right numbers in other shapes (a float b, a 1-D W)."""
    if not (isinstance(got, (tuple, list)) and len(got) == len(expected)) or _same(got, expected):
        return False
    try:
        flat = tuple(np.ravel(np.asarray(g, dtype=np.float64)) for g in got)
    except (TypeError, ValueError):
        return False
    return _same(flat, tuple(np.ravel(e) for e in expected))


def _train_sequential(X: Any, Y: Any, learning_rate: float,
                      n_steps: int) -> tuple[FloatArray, FloatArray]:
    """Descent that takes db from the already-updated W (a known mistake)."""
    data = _floats(X)
    W, b = np.zeros((1, data.shape[0])), np.zeros((1, 1))
    for _ in range(n_steps):
        W = W - learning_rate * _gradient(W, b, data, Y)[0]
        b = b - learning_rate * _gradient(W, b, data, Y)[1]
    return W, b


def _train_hints() -> tuple[tuple[Detector, str], ...]:
    case = (_ZN, _Y4, 0.1, 5)
    Z = _normalise(_X2)[0]
    return (
        (lambda fn: _gives(fn, case, _train(_ZN, _Y4, 0.1, 4))
         or _gives(fn, case, _train(_ZN, _Y4, 0.1, 6)),
         "one step too many or too few: take exactly n_steps updates, for _ in range(n_steps)."),
        (lambda fn: _starts_elsewhere(fn, _ZN, _Y4),
         "with n_steps = 0 the result must be the starting point: initialise with "
         "W = np.zeros((1, n_x)) and b = np.zeros((1, 1)), not at random."),
        (lambda fn: _gives(fn, case, _train(_ZN, _Y4, -0.1, 5)),
         "the parameters climb the cost: descend, W = W - learning_rate * dW (and the same "
         "for b)."),
        (lambda fn: _gives(fn, case, _train(_ZN, _Y4, 0.2, 5))
         or _gives(fn, case, _train(_ZN, _Y4, 0.1 * len(_Y4[0]), 5)),
         "the steps are too long: is your gradient right? Check it with "
         "check.linalg_w3.gradient first (a 2 or the 1/m may be off)."),
        (lambda fn: _gives(fn, (_X2, _Y5, 0.01, 30), _train_sequential(_X2, _Y5, 0.01, 30)),
         "b was updated with a gradient computed after W had already moved: compute dW and "
         "db together from the same W and b, then update both."),
        (lambda fn: _gives(fn, (_X2, _Y5, 0.01, 30), _train(Z, _Y5, 0.01, 30)),
         "train normalises its input: it must train on X as given (the lab normalises "
         "before calling it, and predict needs the statistics that normalise returns)."),
        (lambda fn: _same_values_other_shape(_answer(fn, *case), _train(*case)),
         "W must have shape (1, n_x) and b shape (1, 1), as in Y_hat = W @ X + b: keep "
         "them as 2-D arrays (no float(b), no W.ravel())."),
    )


def _predict_hints() -> tuple[tuple[Detector, str], ...]:
    W, b, X = _floats(_W2), _floats(_B), _floats(_X2)
    x_mean, x_std, y_mean, y_std = (_floats(s) for s in _STATS)
    case = (W, b, X, x_mean, x_std, y_mean, y_std)
    Y_hat = W @ ((X - x_mean) / x_std) + b
    own = W @ ((X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)) + b
    return (
        (lambda fn: _gives(fn, case, Y_hat),
         "these are still on the normalised scale: de-normalise the output, "
         "y_std * Y_hat + y_mean, to get the target's units."),
        (lambda fn: _gives(fn, case, (Y_hat + y_mean) * y_std)
         or _gives(fn, case, (Y_hat - y_mean) * y_std) or _gives(fn, case, Y_hat * y_std),
         "undo the normalisation in the reverse order: it subtracted the mean and then "
         "divided by the std, so multiply by y_std and then add y_mean."),
        (lambda fn: _gives(fn, case, Y_hat / y_std + y_mean),
         "you divided by y_std: normalising divided by the std, so undoing it multiplies, "
         "y_std * Y_hat + y_mean."),
        (lambda fn: _gives(fn, case, Y_hat + y_mean),
         "you added y_mean but forgot to multiply by y_std: the perceptron's output is in "
         "standard deviations, so de-normalise with y_std * Y_hat + y_mean."),
        (lambda fn: _gives(fn, case, (Y_hat - y_mean) / y_std),
         "the output is normalised a second time, (Y_hat - y_mean) / y_std: it is already "
         "on the normalised scale; undo that instead, y_std * Y_hat + y_mean."),
        (lambda fn: _gives(fn, case, y_std * own + y_mean),
         "new data is normalised with the TRAINING mean and std (x_mean, x_std), never "
         "with its own: the model learned on that scale, and a single new example has no "
         "spread at all."),
        (lambda fn: _gives(fn, case, y_std * (W @ X + b) + y_mean),
         "normalise X first, (X - x_mean) / x_std: W and b were trained on normalised "
         "features."),
    )


# ---------------------------------------------------------------------------
# Building the graders
# ---------------------------------------------------------------------------


def _hinted(reference: Callable[..., Any], cases: tuple[Case, ...], name: str,
            hints: tuple[tuple[Detector, str], ...]) -> _Hinted:
    return _Hinted(grader(reference, cases, name=name), hints)


@functools.cache
def _graders() -> dict[str, Callable[[Any], CheckResult]]:
    """Built on first use, so importing ``mathbook.check`` stays cheap."""
    return {
        "transform": _hinted(_transform, _transform_cases(), "transform", _transform_hints()),
        "matrix_from_images": _hinted(_matrix_from_images, _images_cases(),
                                      "matrix_from_images", _images_hints()),
        "rotation_matrix": _hinted(_rotation, _rotation_cases(), "rotation_matrix",
                                   _rotation_hints()),
        "compose": _hinted(_compose, _compose_cases(), "compose", _compose_hints()),
        "normalise": _hinted(_normalise_reference, _normalise_cases(), "normalise",
                             _normalise_hints()),
        "gradient": _hinted(_gradient, _gradient_cases(), "gradient", _gradient_hints()),
        "train": _hinted(_train, _train_cases(), "train", _train_hints()),
        "predict": _hinted(_predict, _predict_cases(), "predict", _predict_hints()),
    }


def _normalise_reference(X: Any) -> tuple[FloatArray, FloatArray, FloatArray]:
    return _normalise(X)


# ---------------------------------------------------------------------------
# The graders a learner calls
# ---------------------------------------------------------------------------

def transform(fn: Any) -> CheckResult:
    r"""Check your ``transform(A, points)``: every point of a ``(2, n)`` cloud moved by ``A``.

    $\mathbf{A}\mathbf{P}$, shape ``(2, n)``: column $j$ of the result is
    $\mathbf{A}\mathbf{p}_j$. Raise ``ValueError`` when ``points`` does not have two rows
    (an ``(n, 2)`` cloud, one point per row, is refused); an empty ``(2, 0)`` cloud gives
    an empty ``(2, 0)`` result.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def transform(A, points):                 # each point as a row vector
    ...     points = np.array(points, dtype=float)
    ...     return (points.T @ np.asarray(A, dtype=float)).T
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.transform(transform))  # doctest: +ELLIPSIS
    failed: transform(A=[[2.0, 1.0], [0.5, 3.0]], points=...) expected ...
    hint: this is A.T @ points: writing x @ A (or points.T @ A) treats each point as a row ...
    """
    return _graders()["transform"](fn)


def matrix_from_images(fn: Any) -> CheckResult:
    r"""Check your ``matrix_from_images(image_e1, image_e2)``: the 2 × 2 matrix with these columns.

    $\mathbf{A} = \begin{bmatrix} \mathbf{A}\mathbf{e}_1 & \mathbf{A}\mathbf{e}_2
    \end{bmatrix}$: since $\mathbf{A}\mathbf{e}_1$ is the first column of $\mathbf{A}$,
    the images of the two basis vectors are its columns.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#the-matrix-from-the-images-of-e1-and-e2).

    Examples
    --------
    >>> import numpy as np
    >>> def matrix_from_images(image_e1, image_e2):   # the images as rows
    ...     return np.array([image_e1, image_e2], dtype=float)
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.matrix_from_images(matrix_from_images))  # doctest: +ELLIPSIS
    failed: matrix_from_images(image_e1=[1.0, 0.0], image_e2=[1.5, 1.0]) expected ...
    hint: the matrix is transposed: the images of e1 and e2 are its COLUMNS ...
    """  # noqa: E501
    return _graders()["matrix_from_images"](fn)


def rotation_matrix(fn: Any) -> CheckResult:
    r"""Check your ``rotation_matrix(theta, degrees=False)``: a counter-clockwise rotation.

    $$R_\theta = \begin{bmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta
    \end{bmatrix},$$

    with ``theta`` in radians, or in degrees when ``degrees`` is true (as
    ``linalg.rotation``).

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#the-matrix-from-the-images-of-e1-and-e2).

    Examples
    --------
    >>> import numpy as np
    >>> def rotation_matrix(theta, degrees=False):   # forgets to convert degrees
    ...     c, s = np.cos(theta), np.sin(theta)
    ...     return np.array([[c, -s], [s, c]])
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.rotation_matrix(rotation_matrix))  # doctest: +ELLIPSIS
    failed: rotation_matrix(theta=30, degrees=True) expected ...
    hint: with degrees=True, theta is in degrees but np.cos and np.sin take radians: ...
    """  # noqa: E501
    return _graders()["rotation_matrix"](fn)


def compose(fn: Any) -> CheckResult:
    r"""Check your ``compose(first, then)``: the matrix of "apply ``first``, then ``then``".

    First $\mathbf{B}$, then $\mathbf{A}$:
    $\mathbf{A}(\mathbf{B}\mathbf{x}) = (\mathbf{A}\mathbf{B})\,\mathbf{x}$, so the answer
    is ``then @ first``. The matrices need not be square: ``first`` of shape
    ``(b, a)`` and ``then`` of shape ``(c, b)`` give shape ``(c, a)``.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#composition)
    and [Matrix–vector and matrix–matrix products](../../linear-algebra/week-3/matrix-products.md#the-order-matters).

    Examples
    --------
    >>> import numpy as np
    >>> def compose(first, then):                 # in reading order
    ...     return np.asarray(first, dtype=float) @ np.asarray(then, dtype=float)
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.compose(compose))  # doctest: +ELLIPSIS
    failed: compose(first=[[1.0, 1.5], [0.0, 1.0]], then=[[0.0, -1.0], [1.0, 0.0]]) expected ...
    hint: the order is reversed: ...
    """  # noqa: E501
    return _graders()["compose"](fn)


def normalise(fn: Any) -> CheckResult:
    r"""Check your ``normalise(X)``: ``(Z, mean, std)``, every feature (row) normalised.

    $$z^{(i)}_j = \frac{x^{(i)}_j - \mu_j}{\sigma_j}, \qquad
    \sigma_j = \sqrt{\tfrac{1}{m}\textstyle\sum_{i=1}^{m} (x^{(i)}_j - \mu_j)^2},$$

    for ``X`` of shape ``(n_x, m)`` (one example per column); ``mean`` and ``std`` have
    shape ``(n_x, 1)``: ``X.mean(axis=1, keepdims=True)`` and
    ``X.std(axis=1, keepdims=True)`` (population, ``ddof=0``). Raise ``ValueError`` for a
    constant row (``np.ptp(X, axis=1) == 0``) or for no examples (``m = 0``).

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#training-a-perceptron).

    Examples
    --------
    >>> import numpy as np
    >>> def normalise(X):                         # statistics of each example (column)
    ...     X = np.array(X, dtype=float)
    ...     mean, std = X.mean(axis=0, keepdims=True), X.std(axis=0, keepdims=True)
    ...     return (X - mean) / std, mean, std
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.normalise(normalise))  # doctest: +ELLIPSIS
    failed: normalise(X=[[1.0, 2.0, 4.0, 7.0, 11.0], [3.0, 1.0, 6.0, 2.0, 5.0]]) item 0: ...
    hint: each column was normalised: here a feature is a ROW ...
    """
    return _graders()["normalise"](fn)


def gradient(fn: Any) -> CheckResult:
    r"""Check your ``gradient(W, b, X, Y)``: ``(dW, db)``, the gradient of the cost.

    With $\hat{\mathbf{Y}} = \mathbf{W}\mathbf{X} + b$ and
    $L = \frac{1}{2m}\sum_i (\hat y^{(i)} - y^{(i)})^2$,

    $$\frac{\partial L}{\partial \mathbf{W}} = \frac{1}{m}(\hat{\mathbf{Y}} -
    \mathbf{Y})\mathbf{X}^\top, \qquad \frac{\partial L}{\partial b} = \frac{1}{m}
    \sum_{i=1}^{m}(\hat y^{(i)} - y^{(i)}),$$

    of shapes ``(1, n_x)`` (as ``W``) and ``(1, 1)`` (as ``b``).

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#training-a-perceptron).

    Examples
    --------
    >>> import numpy as np
    >>> def gradient(W, b, X, Y):                 # target minus prediction
    ...     W, b, X, Y = (np.array(a, dtype=float) for a in (W, b, X, Y))
    ...     error = Y - (W @ X + b)
    ...     return error @ X.T / X.shape[1], error.sum(axis=1, keepdims=True) / X.shape[1]
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.gradient(gradient))  # doctest: +ELLIPSIS
    failed: gradient(W=[[0.5, -1.0]], b=[[0.25]], X=..., Y=...) item 0: expected ...
    hint: the sign is flipped: ...
    """
    return _graders()["gradient"](fn)


def train(fn: Any) -> CheckResult:
    r"""Check your ``train(X, Y, learning_rate, n_steps)``: ``(W, b)`` after gradient descent.

    Start from $\mathbf{W} = \mathbf{0}$ (shape ``(1, n_x)``) and $b = 0$ (shape
    ``(1, 1)``) and repeat ``n_steps`` times

    $$\mathbf{W} \leftarrow \mathbf{W} - \alpha\,\frac{\partial L}{\partial \mathbf{W}},
    \qquad b \leftarrow b - \alpha\,\frac{\partial L}{\partial b},$$

    with $\alpha$ the ``learning_rate``, on ``X`` and ``Y`` as given (normalise them
    before calling ``train``).

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#training-a-perceptron).

    Examples
    --------
    >>> import numpy as np
    >>> def train(X, Y, learning_rate, n_steps):     # one step short
    ...     X, Y = np.array(X, dtype=float), np.array(Y, dtype=float)
    ...     W, b = np.zeros((1, X.shape[0])), np.zeros((1, 1))
    ...     for _ in range(n_steps - 1):
    ...         error = W @ X + b - Y
    ...         W = W - learning_rate * error @ X.T / X.shape[1]
    ...         b = b - learning_rate * error.mean(axis=1, keepdims=True)
    ...     return W, b
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.train(train))  # doctest: +ELLIPSIS
    failed: train(...) ...
    hint: one step too many or too few: ...
    """
    return _graders()["train"](fn)


def predict(fn: Any) -> CheckResult:
    r"""Check your ``predict(W, b, X, x_mean, x_std, y_mean, y_std)``: predictions in the original units.

    $$\hat{\mathbf{Y}} = \sigma_y\bigl(\mathbf{W}\,\tfrac{\mathbf{X} - \boldsymbol{\mu}_x}
    {\boldsymbol{\sigma}_x} + b\bigr) + \mu_y,$$

    shape ``(1, m)``, with the statistics of the *training* data passed in (never those of
    ``X``): ``x_mean`` and ``x_std`` of shape ``(n_x, 1)``, ``y_mean`` and ``y_std`` of
    shape ``(1, 1)``. No examples (``X`` of shape ``(n_x, 0)``) gives shape ``(1, 0)``.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [A perceptron as a matrix product](../../linear-algebra/week-3/perceptron.md#training-a-perceptron).

    Examples
    --------
    >>> import numpy as np
    >>> def predict(W, b, X, x_mean, x_std, y_mean, y_std):   # never de-normalised
    ...     Z = (np.array(X, dtype=float) - x_mean) / x_std
    ...     return np.asarray(W) @ Z + b
    >>> from mathbook.check import linalg_w3
    >>> print(linalg_w3.predict(predict))  # doctest: +ELLIPSIS
    failed: predict(...) expected ...
    hint: these are still on the normalised scale: ...
    """  # noqa: E501
    return _graders()["predict"](fn)


_document_returns(transform, matrix_from_images, rotation_matrix, compose, normalise,
                  gradient, train, predict)
