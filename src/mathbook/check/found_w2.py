r"""Graders for the lab of Part 0, Week 2: multiple regression three ways.

The lab fits the model $\hat{\mathbf{y}} = \mathbf{X}\mathbf{w}$ to $m$ examples with $n$
features, where the design matrix $\mathbf{X}$ has a first column of ones (for the
intercept $w_0$) and then the $n$ feature columns. It asks for eight functions:

* `design_matrix(features)` must return $\mathbf{X}$, shape ``(m, n + 1)``: a column of
  ones **first**, then the features (``features`` of shape ``(m, n)``, or ``(m,)`` for one
  feature);
* `predict(X, w)` must return $\hat{\mathbf{y}} = \mathbf{X}\mathbf{w}$, shape ``(m,)``;
* `mse(X, y, w)` must return the mean squared error
  $L(\mathbf{w}) = \frac{1}{m}\lVert \mathbf{y} - \mathbf{X}\mathbf{w} \rVert^2$, and raise
  `ValueError` when there are no examples;
* `normal_equations_fit(X, y)` must return $\hat{\mathbf{w}}$ solving the normal equations
  $\mathbf{X}^\top\mathbf{X}\,\mathbf{w} = \mathbf{X}^\top\mathbf{y}$ with a solver
  (``np.linalg.solve``), and raise `ValueError` when the columns of $\mathbf{X}$ are
  dependent (then no single $\hat{\mathbf{w}}$ is best). It is graded by how well your
  $\mathbf{w}$ satisfies the normal equations: the residual
  $\lVert \mathbf{X}^\top\mathbf{X}\mathbf{w} - \mathbf{X}^\top\mathbf{y} \rVert$ must be
  at most $10^{-13}$ times $\lVert \mathbf{X}^\top\mathbf{X} \rVert\,\lVert \mathbf{w}
  \rVert + \lVert \mathbf{X}^\top\mathbf{y} \rVert$ (round-off), which a solver meets and,
  on nearly dependent columns, multiplying by the inverse ``np.linalg.inv(X.T @ X)``
  does not;
* `standardise(features)` must return ``(Z, mean, std)``: each feature column
  $z_j = (x_j - \mu_j)/\sigma_j$ with its mean and its **population** standard deviation
  (``ddof=0``), and raise `ValueError` for a constant column;
* `unstandardise(v, mean, std)` must return the weights in the original units,
  $w_j = v_j/\sigma_j$ ($j \ge 1$) and $w_0 = v_0 - \sum_{j \ge 1} v_j \mu_j/\sigma_j$;
* `gradient(X, y, w)` must return
  $\nabla L(\mathbf{w}) = \frac{2}{m}\mathbf{X}^\top(\mathbf{X}\mathbf{w} - \mathbf{y})$,
  shape ``(n + 1,)``;
* `gradient_descent_fit(features, y, alpha, tol=1e-8, max_steps=10_000)` must standardise
  the features, build the design matrix of $\mathbf{Z}$, descend from $\mathbf{v} = \mathbf{0}$
  and return ``(w, steps, status)`` with ``w`` **un-standardised**: ``"converged"`` as soon
  as a step $\lVert \alpha \nabla L \rVert$ is below ``tol``; ``"diverged"``, before
  taking it, when a step is not finite or is longer than the step before;
  ``"not converged"`` after ``max_steps`` steps. ``steps`` counts the updates taken (one
  either way is accepted).

The graders have the same names: `check.found_w2.gradient(gradient)` grades your
`gradient`. When a failure looks like a well-known mistake (no column of ones or the ones
last, a sum instead of a mean, a half, missing or doubled 2, the inverse instead of a solver, no
check for dependent columns, the sample standard deviation, weights left on the
standardised scale, a transposed gradient, a divergent run reported as converged), the
message ends with a hint.

Inputs may arrive as lists or NumPy arrays, of integers or floats; your functions must
not change them. The cases include one feature and several, exactly as many examples as
weights ($m = n + 1$), a constant feature (dependent on the ones column), two identical
features, nearly dependent features, badly scaled features (near 1000 and near 0.001),
a single example and no examples.

See Also
--------
The lessons: [the design matrix](../../foundations/week-2/design-matrix.md#in-code),
[the normal equations](../../foundations/week-2/least-squares.md#the-normal-equations),
[solve, do not invert](../../foundations/week-2/least-squares.md#solve-do-not-invert),
[standardising](../../foundations/week-2/gradient-descent.md#standardise-the-features) and
[back to the original units](../../foundations/week-2/gradient-descent.md#back-to-the-original-units).

Examples
--------
>>> from mathbook import check
>>> import numpy as np
>>> def predict(X, w):
...     return np.asarray(X, dtype=float) @ np.asarray(w, dtype=float)
>>> check.found_w2.predict(predict).passed
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
from mathbook.check._core import _show_value as _show
from mathbook.check._core import per_case as _per_case
from mathbook.check._hints import NO_ANSWER as _NO_ANSWER
from mathbook.check._hints import Detector
from mathbook.check._hints import Hinted as _Hinted
from mathbook.check._hints import answer as _answer

__all__ = [
    "design_matrix",
    "gradient",
    "gradient_descent_fit",
    "mse",
    "normal_equations_fit",
    "predict",
    "standardise",
    "unstandardise",
]

FloatArray = NDArray[np.float64]

NORMAL_EQUATIONS_RTOL = 1e-13
r"""Largest accepted $\lVert A w - b \rVert / (\lVert A \rVert_2 \lVert w \rVert + \lVert b \rVert)$
for $A = X^\top X$, $b = X^\top y$. On the graded family of nearly dependent columns,
``np.linalg.solve`` and ``np.linalg.lstsq`` stay below 1e-14 and ``inv(A) @ b`` above 1e-13
(checked on 900 draws in the tests)."""

_STATUSES = ("converged", "diverged", "not converged")


# ---------------------------------------------------------------------------
# Reference solutions (hidden from learners' messages)
# ---------------------------------------------------------------------------


def _floats(value: ArrayLike) -> FloatArray:
    return np.asarray(value, dtype=np.float64)


def _design(features: ArrayLike) -> FloatArray:
    data = _floats(features)
    if data.ndim == 1:
        data = data[:, None]
    return np.column_stack([np.ones(data.shape[0]), data])


def _loss(X: ArrayLike, y: ArrayLike, w: ArrayLike) -> float:
    targets = _floats(y)
    if targets.size == 0:
        raise ValueError("no examples: the mean squared error of nothing is undefined")
    residual = targets - _floats(X) @ _floats(w)
    return float(residual @ residual) / targets.size


def _solve(X: ArrayLike, y: ArrayLike) -> FloatArray:
    design, targets = _floats(X), _floats(y)
    if np.linalg.matrix_rank(design) < design.shape[1]:
        raise ValueError("the columns of X are dependent: X^T X is singular")
    return _floats(np.linalg.solve(design.T @ design, design.T @ targets))


def _standardise(features: ArrayLike, ddof: int = 0) -> tuple[FloatArray, FloatArray, FloatArray]:
    data = _floats(features)
    if np.any(np.ptp(data, axis=0) == 0):                 # not std == 0: round-off
        raise ValueError("a constant feature has standard deviation 0")
    mean, std = data.mean(axis=0), data.std(axis=0, ddof=ddof)
    return (data - mean) / std, mean, std


def _unstandardise(v: ArrayLike, mean: ArrayLike, std: ArrayLike) -> FloatArray:
    weights = _floats(v)
    slopes = weights[1:] / _floats(std)
    return np.concatenate(([weights[0] - slopes @ _floats(mean)], slopes))


def _gradient(X: ArrayLike, y: ArrayLike, w: ArrayLike) -> FloatArray:
    design, targets = _floats(X), _floats(y)
    with np.errstate(over="ignore", invalid="ignore"):
        grad: FloatArray = 2 / targets.size * design.T @ (design @ _floats(w) - targets)
    return grad


def _descend(features: ArrayLike, y: ArrayLike, alpha: float, tol: float = 1e-8,
             max_steps: int = 10_000, *, on_gradient: bool = False,
             standardised: bool = True, ddof: int = 0) -> tuple[FloatArray, int, str]:
    """The reference run (or, for the hints, a variant with one switch flipped)."""
    if standardised:
        Z, mean, std = _standardise(features, ddof)
    else:
        Z = _floats(features)
        mean, std = np.zeros(Z.shape[1]), np.ones(Z.shape[1])
    X = _design(Z)
    v, previous = np.zeros(X.shape[1]), math.inf
    for taken in range(max_steps):
        grad = _gradient(X, y, v)
        step = alpha * grad
        size = float(np.linalg.norm(step))
        if not math.isfinite(size) or size > previous:
            return _unstandardise(v, mean, std), taken, "diverged"
        v = v - step
        if (float(np.linalg.norm(grad)) if on_gradient else size) < tol:
            return _unstandardise(v, mean, std), taken + 1, "converged"
        previous = size
    return _unstandardise(v, mean, std), max_steps, "not converged"


# The reference functions carry the learner-facing parameter names, which appear in
# messages such as "mse(X=[[1, 2], [1, 3]], y=[1, 2], w=[0.0, 1.0]) …".
def _predict(X: Any, w: Any) -> FloatArray:
    predictions: FloatArray = _floats(X) @ _floats(w)
    return predictions


def _gradient_descent_fit(features: Any, y: Any, alpha: Any, tol: float = 1e-8,
                          max_steps: int = 10_000) -> tuple[FloatArray, int, str]:
    return _descend(features, y, float(alpha), tol, max_steps)


# ---------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------


def _array(value: Any) -> FloatArray | None:
    """``value`` as a float array, or ``None`` if it is not numbers."""
    if value is _NO_ANSWER or isinstance(value, (str, bool, np.bool_)):
        return None
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None


def _within(expected: FloatArray, got: Any, tolerance: FloatArray | float) -> bool | str:
    """Same shape and every entry within ``tolerance`` (entrywise) of ``expected``."""
    array = _array(got)
    if array is None:
        return f"expected an array like {_show(expected)} got {type(got).__name__} {_show(got)}"
    if array.shape != expected.shape:
        return (f"expected shape {expected.shape} got shape {array.shape}: "
                f"expected {_show(expected)} got {_show(array)}")
    with np.errstate(invalid="ignore"):
        close = np.abs(array - expected) <= tolerance
    if bool(np.all(close)):
        return True
    return f"expected {_show(expected)} got {_show(array)}"


def _scaled(rtol: float, scale: FloatArray | float) -> FloatArray | float:
    return rtol * np.asarray(scale) + 1e-12


def _predict_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    X, w = _floats(case[0]), _floats(case[1])
    return lambda expected, got: _within(expected, got, _scaled(1e-9, np.abs(X) @ np.abs(w)))


def _mse_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    X, y, w = _floats(case[0]), _floats(case[1]), _floats(case[2])
    size = np.abs(X) @ np.abs(w) + np.abs(y)
    scale = float(np.mean(size**2)) if y.size else 0.0

    def compare(expected: float, got: Any) -> bool | str:
        result = _within(np.asarray(expected), got, _scaled(1e-9, scale))
        return f"expected {_show(expected)} got {_show(got)}" if isinstance(result, str) else True

    return compare


def _gradient_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    X, y, w = _floats(case[0]), _floats(case[1]), _floats(case[2])
    scale = 2 / y.size * np.abs(X).T @ (np.abs(X) @ np.abs(w) + np.abs(y))
    return lambda expected, got: _within(expected, got, _scaled(1e-9, scale))


def normal_equations_residual(X: ArrayLike, y: ArrayLike, w: ArrayLike) -> float:
    r"""How far ``w`` is from solving the normal equations, relative to round-off's scale.

    $$\rho = \frac{\lVert \mathbf{A}\mathbf{w} - \mathbf{b} \rVert}
    {\lVert \mathbf{A} \rVert_2 \lVert \mathbf{w} \rVert + \lVert \mathbf{b} \rVert},
    \qquad \mathbf{A} = \mathbf{X}^\top\mathbf{X},\ \mathbf{b} = \mathbf{X}^\top\mathbf{y}.$$

    A backward-stable solver gives $\rho$ of a few times $10^{-16}$.
    """
    design, targets, weights = _floats(X), _floats(y), _floats(w)
    A, b = design.T @ design, design.T @ targets
    with np.errstate(all="ignore"):
        size = float(np.linalg.norm(A, 2) * np.linalg.norm(weights) + np.linalg.norm(b))
        residual = float(np.linalg.norm(A @ weights - b))
    if size == 0.0:
        return 0.0 if residual == 0.0 else math.inf
    return residual / size if math.isfinite(residual) else math.inf


def _fit_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    X, y = case

    def compare(expected: FloatArray, got: Any) -> bool | str:
        array = _array(got)
        if array is None or array.shape != expected.shape:
            return _within(expected, got, 0.0)
        if normal_equations_residual(X, y, array) <= NORMAL_EQUATIONS_RTOL:
            return True
        rho = normal_equations_residual(X, y, array)
        return (f"expected {_show(expected)} got {_show(array)}: it solves X^T X w = X^T y "
                f"only to a relative {rho:.1e}, where a solver reaches about 1e-16")

    return compare


def _on_z_scale(w: FloatArray, mean: FloatArray, std: FloatArray) -> FloatArray:
    """Weights in the original units as weights on the standardised features."""
    return np.concatenate(([w[0] + w[1:] @ mean], w[1:] * std))


def _descent_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    features = case[0]
    _, mean, std = _standardise(features)

    def compare(expected: tuple[FloatArray, int, str], got: Any) -> bool | str:
        if not (isinstance(got, (tuple, list)) and len(got) == 3):
            return f"expected a tuple (w, steps, status) like {_show(expected)} got {_show(got)}"
        w, steps, status = got
        if status not in _STATUSES:
            return f"expected status {_show(expected[2])} got {_show(status)}"
        if status != expected[2]:
            return f"expected {_show(expected)} got {_show(tuple(got))}"
        number = _array(steps)
        if number is None or number.ndim != 0 or abs(float(number) - expected[1]) > 1:
            return f"expected {expected[1]} steps (one either way is fine) got {_show(steps)}"
        array = _array(w)
        if array is None or array.shape != expected[0].shape:
            return _within(expected[0], w, 0.0)
        v_expected, v_got = _on_z_scale(expected[0], mean, std), _on_z_scale(array, mean, std)
        if np.all(np.abs(v_got - v_expected) <= 1e-6 * (1 + np.abs(v_expected))):
            return True
        return (f"expected w = {_show(expected[0])} ({status}, {expected[1]} step{'' if expected[1] == 1 else 's'} taken) "
                f"got {_show(array)}")

    return compare


# ---------------------------------------------------------------------------
# Cases: hand-picked ones first (they give the clearest messages), then random ones
# ---------------------------------------------------------------------------

_ONE = [1.0, 2.0, 4.0, 7.0, 11.0]                                 # one feature, shape (m,)
_SEVERAL = np.array([[1.0, 3.0], [2.0, 1.0], [4.0, 6.0], [5.0, 2.0], [7.0, 5.0]])
_SQUARE = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 4.0]])         # m = n + 1 = 3
_CONSTANT = np.column_stack([_ONE, np.full(5, 0.1)])              # a constant feature
_CONSTANT_7 = np.column_stack([np.arange(7.0), np.full(7, 0.1)])  # its std is not exactly 0
_TWICE = np.column_stack([_ONE, _ONE])                            # two identical features
_SCALED = np.array([[1000.0, 0.0012], [1250.0, 0.0031], [1500.0, 0.0018],
                    [2000.0, 0.0040], [1750.0, 0.0025]])          # near 1e3 and near 1e-3
_INTEGERS = np.array([[2, 7], [4, 1], [6, 3], [9, 8]])
_SINGLE = np.array([[2.0, 3.0]])                                  # one example
_ONE_COLUMN = np.array(_ONE)[:, None]                             # one feature, shape (m, 1)

_Y5 = [3.0, 5.5, 8.0, 15.5, 22.0]
_Y_SQUARE = [4.0, 1.0, 7.5]
_Y_SCALED = [5.1, 7.9, 6.4, 11.2, 9.0]
_Y_INTEGERS = np.array([10, 3, 8, 20])


def _nearly_dependent(seed: int, wobble: float) -> tuple[FloatArray, FloatArray]:
    """X = [1, x, x + wobble * noise]: two features that nearly coincide, and y."""
    rng = np.random.default_rng(seed)
    m = int(rng.integers(6, 20))
    x = np.round(rng.uniform(0, 10, m), 2)
    X = np.column_stack([np.ones(m), x, x + wobble * rng.normal(size=m)])
    return X, np.round(1 + 2 * x + rng.normal(0, 1, m), 2)


_NEARLY = tuple(_nearly_dependent(seed, wobble) for seed, wobble in
                ((1, 1e-4), (2, 1e-4), (3, 1e-5), (4, 1e-6)))

# (features, y): one feature, several, m = n + 1, badly scaled, integers, a list
_FIT_DATA: tuple[tuple[Any, Any], ...] = (
    (_ONE, _Y5),
    (_SEVERAL, _Y5),
    (_SQUARE, _Y_SQUARE),
    (_SCALED, _Y_SCALED),
    (_INTEGERS, _Y_INTEGERS),
    (_SEVERAL.tolist(), _Y5),
)


def _random_features(rng: np.random.Generator) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Features of random scales, y near a random linear model, and a random w."""
    m, n = int(rng.integers(2, 9)), int(rng.integers(1, 4))
    scales = _floats(10.0 ** rng.integers(-2, 3, size=n))
    features = _floats(np.round(rng.uniform(-5, 5, size=(m, n)) * scales, 3))
    w = np.round(rng.uniform(-3, 3, size=n + 1) / np.r_[1.0, scales], 4)
    y = _floats(np.round(_design(features) @ w + rng.normal(0, 1, m), 3))
    return features, y, _floats(np.round(w + rng.uniform(-1, 1, n + 1) / np.r_[1.0, scales], 4))


def _design_cases() -> tuple[Case, ...]:
    hand: list[Case] = [(np.array(_ONE),), (np.array([3, 1, 2]),), (_ONE,), (_SEVERAL,),
                        (_SQUARE,), (_CONSTANT,), (_SCALED,), (_INTEGERS,), (_SINGLE,), ([5.0],),
                        (_SEVERAL.tolist(),)]
    return tuple(hand + random_cases(lambda rng: (_random_features(rng)[0],), 10, seed=51))


@functools.cache
def _model_cases(seed: int) -> tuple[tuple[Any, ...], ...]:
    """(X, y, w): design matrices of the hand data and of random data, with weights."""
    hand = [
        (_design(_ONE), _Y5, [0.5, 2.0]),
        (_design(_SEVERAL), _Y5, [1.0, 2.0, 0.5]),
        (_design(_SQUARE), _Y_SQUARE, [0.0, 1.0, -1.0]),
        (_design(_CONSTANT), _Y5, [1.0, 2.0, 3.0]),
        (_design(_SCALED), _Y_SCALED, [2.0, 0.003, 1500.0]),
        (_design(_INTEGERS).astype(int), _Y_INTEGERS, np.array([1, 2, -1])),
        (_design(_SINGLE), [4.0], [1.0, 0.5, 0.25]),
        (_design(_SEVERAL).tolist(), _Y5, [1.0, 2.0, 0.5]),
        (_design(_ONE), _Y5, [0.0, 0.0]),
    ]
    random = (_random_features(np.random.default_rng(seed + k)) for k in range(15))
    return tuple(hand + [(_design(features), y, w) for features, y, w in random])


def _predict_cases() -> tuple[tuple[Any, ...], ...]:
    return tuple((X, w) for X, _, w in _model_cases(61))


def _mse_cases() -> tuple[tuple[Any, ...], ...]:
    return (*_model_cases(62), (np.zeros((0, 2)), [], [1.0, 2.0]))        # no examples


def _gradient_cases() -> tuple[tuple[Any, ...], ...]:
    return _model_cases(63)


def _fit_cases() -> tuple[tuple[Any, ...], ...]:
    solvable = [(_design(features), y) for features, y in _FIT_DATA]
    dependent = [(_design(_CONSTANT), _Y5), (_design(_TWICE), _Y5),
                 (_design(np.column_stack([_ONE, 0.1 * np.array(_ONE)])), _Y5),
                 (_design(_SINGLE), [4.0])]                                # ValueError
    random = [(_design(f), y) for f, y, _ in
              (_random_features(np.random.default_rng(70 + k)) for k in range(12))
              if f.shape[0] > f.shape[1]]
    return tuple(solvable + list(_NEARLY) + dependent + random)


def _standardise_cases() -> tuple[Case, ...]:
    hand: list[Case] = [(_SEVERAL,), (_ONE_COLUMN,), (_SCALED,), (_INTEGERS,), (_TWICE,),
                        (_SQUARE.tolist(),), (_CONSTANT,), (_CONSTANT_7,),
                        (_SINGLE,)]                                 # the last three: ValueError

    def random_features(rng: np.random.Generator) -> Case:
        if rng.random() < 0.5:
            return (_random_features(rng)[0],)
        scales = [1000.0, 1.0, 0.001]                                   # badly scaled columns
        return (np.round(rng.normal(size=(int(rng.integers(2, 9)), 3)) * scales, 6),)

    return tuple(hand + [case for case in random_cases(random_features, 12, seed=81)
                         if isinstance(case, tuple) and np.all(np.ptp(case[0], axis=0) > 0)])


def _unstandardise_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        ([5.0, 2.0], [10.0], [4.0]),
        ([152.0, 28.7, 12.5, 25.9], [26.4, 94.6, 4.64], [4.41, 13.8, 0.522]),
        (np.array([1, 2, 3]), np.array([2, 5]), np.array([1, 2])),            # integers
        ([0.5, -1.0, 2.0], [1500.0, 0.0025], [350.0, 0.0009]),               # badly scaled
    ]

    def random_weights(rng: np.random.Generator) -> Case:
        n = int(rng.integers(1, 5))
        return (np.round(rng.uniform(-10, 10, n + 1), 3), np.round(rng.uniform(-50, 50, n), 2),
                np.round(rng.uniform(0.1, 20, n), 2))

    return tuple(hand + random_cases(random_weights, 15, seed=91))


_DESCENT_CASES: tuple[tuple[Any, ...], ...] = (
    # (features, y, alpha[, tol, max_steps])
    (_ONE_COLUMN, _Y5, 0.1),                                           # converges
    (_SEVERAL, _Y5, 0.3),
    (_SCALED, _Y_SCALED, 0.2),                                         # badly scaled: fine
    (_INTEGERS, _Y_INTEGERS, 0.25),
    (_TWICE, _Y5, 0.1),                                                # identical features
    (_SEVERAL.tolist(), _Y5, 0.05, 1e-6),                              # a coarse tolerance
    (_SEVERAL, _Y5, 1.2),                                              # alpha too large
    (_SCALED, _Y_SCALED, 1.5),
    (_SEVERAL, _Y5, 0.001, 1e-8, 50),                                  # too small: runs out
)


# ---------------------------------------------------------------------------
# Hints: after a failure, probe the learner's function for well-known mistakes
# ---------------------------------------------------------------------------


def _same(got: Any, expected: ArrayLike, rtol: float = 1e-6) -> bool:
    """``got`` has the shape of ``expected`` and equals it up to ``rtol``."""
    array, target = _array(got), np.asarray(expected, dtype=np.float64)
    return (array is not None and array.shape == target.shape
            and bool(np.allclose(array, target, rtol=rtol, atol=1e-12)))


_F = _SEVERAL                                                  # the plain probe: m = 5, n = 2
_X = _design(_F)
_W = np.array([1.0, 2.0, 0.5])
_Y = np.array(_Y5)


def _hint_list(name: str) -> str:
    return (f"the inputs may arrive as Python lists, and lists do not know @, .T or arithmetic. "
            f"Convert each one first: {name} = np.asarray({name}, dtype=float).")


_HINT_EMPTY = ("with no examples the mean is 0/0, which NumPy turns into nan with a warning. "
               "Check first: if len(y) == 0: raise ValueError(\"no examples\").")


def _list_trouble(fn: Callable[..., Any], *args: Any) -> bool:
    """Works on arrays but fails (or answers differently) on the same data as lists."""
    as_arrays = _answer(fn, *args)
    as_lists = _answer(fn, *(np.asarray(a).tolist() for a in args))
    if _array(as_arrays) is None:
        return False
    return not _same(as_lists, as_arrays, rtol=1e-12)


def _design_hints() -> tuple[tuple[Detector, str], ...]:
    ones_last = np.column_stack([_F, np.ones(len(_F))])
    return (
        (lambda fn: _same(_answer(fn, _F), _F),
         "there is no column of ones: the intercept w0 needs one. Put it first: "
         "np.column_stack([np.ones(m), features])."),
        (lambda fn: _same(_answer(fn, _F), ones_last),
         "the column of ones comes first in this book (w0, the intercept, is the first "
         "weight): np.column_stack([np.ones(m), features])."),
        (lambda fn: _same(_answer(fn, _F), _X.T),
         "one row per example: X has shape (m, n + 1). np.vstack stacks the columns as rows; "
         "use np.column_stack."),
        (lambda fn: _same(_answer(fn, _F), _X) and _array(_answer(fn, np.array(_ONE))) is None,
         "one feature may arrive as a 1-D array of shape (m,): turn it into a column first, "
         "features = features.reshape(len(features), -1)."),
        (lambda fn: _list_trouble(fn, _F), _hint_list("features")),
    )


def _predict_hints() -> tuple[tuple[Detector, str], ...]:
    return (
        (lambda fn: _same(_answer(fn, _X, _W), _X * _W),
         "X * w multiplies entry by entry and gives a matrix; the model is the matrix-vector "
         "product X @ w, one prediction per row (example)."),
        (lambda fn: _same(_answer(fn, _X, _W), np.sum(_X @ _W)),
         "return one prediction per example (an array of shape (m,)), not their sum."),
        (lambda fn: _list_trouble(fn, _X, _W), _hint_list("X")),
    )


def _mse_hints() -> tuple[tuple[Detector, str], ...]:
    residual = _Y - _X @ _W
    total = float(residual @ residual)
    m, columns = len(_Y), _X.shape[1]
    return (
        (lambda fn: _same(_answer(fn, _X, _Y, _W), total),
         "this is the sum of the squared errors, m times too large: L(w) is their mean, "
         "(1/m) * ||y - X w||^2, np.mean(r**2)."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), total / (2 * m)),
         "this is half the mean squared error: some books halve it so that the 2 of the "
         "gradient cancels. Here L(w) is the plain mean, np.mean(r**2)."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), total / columns),
         "this divides by the number of columns of X; divide by m, the number of examples "
         "(rows), len(y)."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), math.sqrt(total / m)),
         "this is the square root of the mean squared error; leave out np.sqrt."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), math.sqrt(total) / m),
         "this is the length of the residual over m; the loss uses its squared length, "
         "np.linalg.norm(r)**2 / m, that is r @ r / m."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), float(np.mean(np.abs(residual)))),
         "this is the mean absolute error: square each residual."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), total / m)
         and _answer(fn, np.zeros((0, 2)), [], [1.0, 2.0]) is not _NO_ANSWER, _HINT_EMPTY),
        (lambda fn: _list_trouble(fn, _X, _Y, _W), _hint_list("X")),
    )


def _residual(fn: Callable[..., Any], X: FloatArray, y: FloatArray) -> float:
    got = _array(_answer(fn, X, y))
    if got is None or got.shape != (X.shape[1],):
        return math.inf
    return normal_equations_residual(X, y, got)


def _fit_hints() -> tuple[tuple[Detector, str], ...]:
    X_nearly, y_nearly = _NEARLY[0]
    dependent = (_design(_CONSTANT), _Y5)
    return (
        (lambda fn: _residual(fn, _X, _Y) <= NORMAL_EQUATIONS_RTOL
         and NORMAL_EQUATIONS_RTOL < _residual(fn, X_nearly, y_nearly) < 1e-4,
         "on nearly dependent columns your w solves X^T X w = X^T y only roughly. That is "
         "what multiplying by the inverse, np.linalg.inv(X.T @ X) @ (X.T @ y), does: it "
         "loses digits a solver keeps. Solve instead: np.linalg.solve(X.T @ X, X.T @ y)."),
        (lambda fn: _residual(fn, _X, _Y) <= NORMAL_EQUATIONS_RTOL
         and _answer(fn, *dependent) is not _NO_ANSWER,
         "when two columns of X are dependent (here a constant feature, a multiple of the "
         "ones column), X^T X is singular and many w are equally good, yet round-off may let "
         "np.linalg.solve return one of them silently. Check first: if "
         "np.linalg.matrix_rank(X) < X.shape[1]: raise ValueError(\"dependent columns\")."),
        (lambda fn: _same(_answer(fn, _X, _Y), np.linalg.lstsq(_X[:, 1:], _Y, rcond=None)[0]),
         "this fits without the intercept: X already holds the column of ones, use all of it."),
        (lambda fn: _list_trouble(fn, _X, _Y), _hint_list("X")),
    )


def _standardise_hints() -> tuple[tuple[Detector, str], ...]:
    mean, std = _F.mean(axis=0), _F.std(axis=0)
    sample = _F.std(axis=0, ddof=1)

    def parts(fn: Callable[..., Any]) -> tuple[Any, ...]:
        got = _answer(fn, _F)
        return tuple(got) if isinstance(got, (tuple, list)) and len(got) == 3 else ()

    return (
        (lambda fn: _same(_answer(fn, _F), (_F - mean) / std),
         "return three things, the tuple (Z, mean, std): the weights need mean and std to "
         "go back to the original units."),
        (lambda fn: len(parts(fn)) == 3 and _same(parts(fn)[2], sample),
         "this is the sample standard deviation (dividing by m - 1). Standardise with the "
         "population one, dividing by m: features.std(axis=0), whose ddof is 0 (as "
         "scikit-learn's StandardScaler does)."),
        (lambda fn: len(parts(fn)) == 3 and np.ndim(parts(fn)[1]) == 0,
         "one mean and one standard deviation per feature column: use axis=0, "
         "features.mean(axis=0) and features.std(axis=0)."),
        (lambda fn: len(parts(fn)) == 3 and _same(parts(fn)[2], std ** 2),
         "divide by the standard deviation, not the variance: std = features.std(axis=0)."),
        (lambda fn: len(parts(fn)) == 3 and _same(parts(fn)[0], _F / std),
         "subtract the mean first: Z = (features - mean) / std."),
        (lambda fn: len(parts(fn)) == 3
         and (_answer(fn, _CONSTANT) is not _NO_ANSWER
              or _answer(fn, _CONSTANT_7) is not _NO_ANSWER),
         "a constant feature has standard deviation 0 and cannot be standardised, but "
         "round-off can leave its computed std a hair above 0 (np.full(7, 0.1).std() is "
         f"{np.full(7, 0.1).std():.1e}), so test the values, not std == 0: "
         "if np.any(np.ptp(features, axis=0) == 0): raise ValueError(\"constant feature\")."),
        (lambda fn: _list_trouble(fn, _F), _hint_list("features")),
    )


def _tail(got: Any) -> FloatArray | None:
    """The entries after the first (the slopes) of a 1-D answer, else ``None``."""
    array = _array(got)
    return array[1:] if array is not None and array.ndim == 1 else None


def _unstandardise_hints() -> tuple[tuple[Detector, str], ...]:
    v, mean, std = np.array([5.0, 2.0, -3.0]), np.array([10.0, 4.0]), np.array([4.0, 0.5])
    slopes = v[1:] / std
    return (
        (lambda fn: _same(_answer(fn, v, mean, std), np.r_[v[0], slopes]),
         "the intercept changes too: w0 = v0 - sum over j of v_j * mean_j / std_j, because "
         "the standardised features were shifted by their means."),
        (lambda fn: _same(_answer(fn, v, mean, std), np.r_[v[0] + slopes @ mean, slopes]),
         "the sign of the correction: w0 = v0 - sum over j of v_j * mean_j / std_j."),
        (lambda fn: _same(_answer(fn, v, mean, std), np.r_[v[0] - v[1:] @ mean, slopes]),
         "in w0, divide each v_j * mean_j by std_j too: w0 = v0 - sum of (v_j / std_j) * mean_j."),
        (lambda fn: _same(_tail(_answer(fn, v, mean, std)), v[1:] * std),
         "divide by the standard deviation, do not multiply: w_j = v_j / std_j (a feature "
         "measured in larger units gets a smaller weight)."),
    )


def _flattened_matches(got: Any, expected: FloatArray) -> bool:
    """A 2-D answer (a row or a column) whose entries are the expected vector's."""
    array = _array(got)
    return array is not None and array.ndim == 2 and _same(array.ravel(), expected)


def _gradient_hints() -> tuple[tuple[Detector, str], ...]:
    exact = _gradient(_X, _Y, _W)
    m = len(_Y)
    return (
        (lambda fn: _same(_answer(fn, _X, _Y, _W), exact / 2),
         "half the gradient: the derivative of r**2 brings down a 2, "
         "grad = (2/m) * X.T @ (X @ w - y)."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), m * exact),
         "m times too large: the gradient of a mean is the mean of the gradients, "
         "(2/m) * X.T @ (X @ w - y)."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), m * exact / 2),
         "the 2 and the 1/m are both missing: (2/m) * X.T @ (X @ w - y)."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), m * exact / _X.shape[1]),
         "this divides by the number of columns of X; divide by m, the number of examples "
         "(rows), len(y): (2/m) * X.T @ (X @ w - y)."),
        (lambda fn: _same(_answer(fn, _X, _Y, _W), -exact),
         "the sign is flipped: with the residual written X @ w - y the gradient is "
         "(2/m) * X.T @ (X @ w - y); with y - X @ w it needs a minus sign."),
        (lambda fn: _flattened_matches(_answer(fn, _X, _Y, _W), exact),
         "the numbers are right but the shape is not: return a flat vector of shape "
         "(n + 1,), like w (a column y or w of shape (m, 1) turns the result into a "
         "matrix; keep y and w 1-D)."),
        (lambda fn: _list_trouble(fn, _X, _Y, _W), _hint_list("X")),
    )


def _descent_parts(fn: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
    got = _answer(fn, *args)
    return tuple(got) if isinstance(got, (tuple, list)) and len(got) == 3 else ()


def _converges_plainly(fn: Callable[..., Any]) -> bool:
    got = _descent_parts(fn, _F, _Y, 0.3)
    return len(got) == 3 and got[2] == "converged"


def _same_run(got: tuple[Any, ...], expected: tuple[FloatArray, int, str]) -> bool:
    return (len(got) == 3 and got[2] == expected[2] and _array(got[1]) is not None
            and abs(float(np.asarray(got[1])) - expected[1]) <= 1
            and _same(got[0], expected[0], rtol=1e-6))


def _broken_plain_run(fn: Callable[..., Any]) -> bool:
    """A plain run raises, returns weights that are not numbers, or stops before step 1."""
    got = _descent_parts(fn, _F, _Y, 0.3)
    array = _array(got[0]) if len(got) == 3 else None
    if array is None or not bool(np.all(np.isfinite(array))):
        return True
    return got[2] == "diverged" and _array(got[1]) is not None and float(np.asarray(got[1])) == 0


def _after_refused_step(features: Any, y: Any, alpha: float) -> tuple[FloatArray, int, str]:
    """The reference's diverged run, but with the refused step taken."""
    w, steps, status = _descend(features, y, alpha)
    Z, mean, std = _standardise(features)
    v = _on_z_scale(w, mean, std)
    v = v - alpha * _gradient(_design(Z), y, v)
    return _unstandardise(v, mean, std), steps, status


def _descent_hints() -> tuple[tuple[Detector, str], ...]:
    _, mean, std = _standardise(_F)
    v_plain = _on_z_scale(_descend(_F, _Y, 0.3)[0], mean, std)
    divergent, scaled = (_F, _Y, 1.2), (_SCALED, _Y_SCALED, 0.2)
    refused = _after_refused_step(*divergent)
    return (
        (lambda fn: (len(_descent_parts(fn, _F, _Y, 0.3)) == 3
                     and _same(_descent_parts(fn, _F, _Y, 0.3)[0], v_plain, rtol=1e-5)),
         "these are the weights on the standardised scale. Bring them back to the units of "
         "the features with your unstandardise(v, mean, std)."),
        (_broken_plain_run,
         "a plain run fails, returns weights that are not numbers or stops at once. Did you "
         "standardise the "
         "column of ones? Its standard deviation is 0. Standardise the features first, then "
         "build the design matrix of Z."),
        (lambda fn: _same_run(_descent_parts(fn, _F, _Y, 0.3), _descend(_F, _Y, 0.15)),
         "your steps are half as long as they should be: is the 2 of the gradient missing? "
         "grad = (2/m) * X.T @ (X @ w - y)."),
        (lambda fn: _same_run(_descent_parts(fn, _F, _Y, 0.3), _descend(_F, _Y, 0.6)),
         "your steps are twice as long as they should be: is the gradient doubled (an extra "
         "2, or the 2 of the square counted twice)? grad = (2/m) * X.T @ (X @ w - y)."),
        (lambda fn: _same_run(_descent_parts(fn, _F, _Y, 0.3), _descend(_F, _Y, 0.3, ddof=1)),
         "this standardises with the sample standard deviation (dividing by m - 1); use "
         "the population one, features.std(axis=0) (ddof 0), as your standardise does."),
        (lambda fn: _same_run(_descent_parts(fn, _F, _Y, 0.3), _descend(_F, _Y, 0.3))
         and _descent_parts(fn, *divergent)[2:] == ("converged",),
         "with alpha = 1.2 every step on this data overshoots and is longer than the one "
         "before: the run has diverged, never converged. Stop with \"diverged\" as soon as "
         "np.linalg.norm(step) > the previous length, or is not finite."),
        (lambda fn: _converges_plainly(fn)
         and _descent_parts(fn, *divergent)[2:] == ("not converged",),
         "a run whose steps grow has diverged: compare each step's length with the one "
         "before and stop with \"diverged\" when it is longer (or not finite)."),
        (lambda fn: _same_run(_descent_parts(fn, _F, _Y, 0.3),
                              _descend(_F, _Y, 0.3, standardised=False))
         or (_converges_plainly(fn)
             and _descent_parts(fn, *scaled)[2:] in (("diverged",), ("not converged",))),
         "this descends on the features as they are: standardise the features first (on "
         "features near 1000 and near 0.001 no alpha works well without it), and "
         "un-standardise the weights at the end."),
        (lambda fn: _converges_plainly(fn)
         and _same_run(_descent_parts(fn, _F, _Y, 0.3), _descend(_F, _Y, 0.3, on_gradient=True)),
         "the tolerance is on the step alpha * gradient, not on the gradient: stop when "
         "np.linalg.norm(step) < tol."),
        (lambda fn: _descent_parts(fn, _F, _Y, 0.001, 1e-8, 50)[2:] == ("converged",),
         "with a tiny alpha the run needs more than max_steps steps: when the loop ends "
         "without a short step, the status is \"not converged\"."),
        (lambda fn: _converges_plainly(fn)
         and _same_run(_descent_parts(fn, *divergent), refused),
         "stop *without* taking the step that is longer than the one before: return the "
         "weights as they were before it (un-standardised)."),
    )


# ---------------------------------------------------------------------------
# Building the graders
# ---------------------------------------------------------------------------


def _hinted(reference: Callable[..., Any], cases: tuple[Case, ...], name: str,
            hints: tuple[tuple[Detector, str], ...]) -> _Hinted:
    return _Hinted(grader(reference, cases, name=name), hints)


def _hinted_per_case(reference: Callable[..., Any], cases: tuple[tuple[Any, ...], ...],
                     name: str, compare_for: Callable[[Any], Callable[[Any, Any], bool | str]],
                     hints: tuple[tuple[Detector, str], ...]) -> _Hinted:
    return _Hinted(_per_case(reference, cases, name=name, compare_for=compare_for), hints)


@functools.cache
def _graders() -> dict[str, Callable[[Any], CheckResult]]:
    """Built on first use, so importing ``mathbook.check`` stays cheap."""
    return {
        "design_matrix": _hinted(_design, _design_cases(), "design_matrix", _design_hints()),
        "predict": _hinted_per_case(_predict, _predict_cases(), "predict", _predict_compare,
                                    _predict_hints()),
        "mse": _hinted_per_case(_loss, _mse_cases(), "mse", _mse_compare, _mse_hints()),
        "normal_equations_fit": _hinted_per_case(_solve, _fit_cases(), "normal_equations_fit",
                                                 _fit_compare, _fit_hints()),
        "standardise": _hinted(_standardise, _standardise_cases(), "standardise",
                               _standardise_hints()),
        "unstandardise": _hinted(_unstandardise, _unstandardise_cases(), "unstandardise",
                                 _unstandardise_hints()),
        "gradient": _hinted_per_case(_gradient, _gradient_cases(), "gradient",
                                     _gradient_compare, _gradient_hints()),
        "gradient_descent_fit": _hinted_per_case(_gradient_descent_fit, _DESCENT_CASES,
                                                 "gradient_descent_fit", _descent_compare,
                                                 _descent_hints()),
    }


# ---------------------------------------------------------------------------
# The graders a learner calls
# ---------------------------------------------------------------------------


def design_matrix(fn: Any) -> CheckResult:
    r"""Check your ``design_matrix(features)``: the design matrix $\mathbf{X}$, ones first.

    $\mathbf{X}$ has shape ``(m, n + 1)``: a column of ones, then the $n$ feature columns.
    ``features`` has shape ``(m, n)``, or ``(m,)`` for a single feature.

    Parameters
    ----------
    fn : callable
        Your function ``design_matrix(features)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [The design matrix and the model](../../foundations/week-2/design-matrix.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def design_matrix(features):                 # the ones last
    ...     features = np.asarray(features, dtype=float).reshape(len(features), -1)
    ...     return np.column_stack([features, np.ones(len(features))])
    >>> from mathbook.check import found_w2
    >>> print(found_w2.design_matrix(design_matrix))  # doctest: +ELLIPSIS
    failed: design_matrix(features=array([1.0, 2.0, 4.0, 7.0, 11.0])) expected ...
    hint: the column of ones comes first in this book ...
    """
    return _graders()["design_matrix"](fn)


def predict(fn: Any) -> CheckResult:
    r"""Check your ``predict(X, w)``: the predictions $\hat{\mathbf{y}} = \mathbf{X}\mathbf{w}$, shape ``(m,)``.

    Parameters
    ----------
    fn : callable
        Your function ``predict(X, w)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [The design matrix and the model](../../foundations/week-2/design-matrix.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def predict(X, w):                            # entry by entry
    ...     return np.asarray(X, dtype=float) * np.asarray(w, dtype=float)
    >>> from mathbook.check import found_w2
    >>> print(found_w2.predict(predict))  # doctest: +ELLIPSIS
    failed: predict(X=array(...), w=[0.5, 2.0]) expected shape (5,) got shape (5, 2): ...
    hint: X * w multiplies entry by entry and gives a matrix; ...
    """
    return _graders()["predict"](fn)


def mse(fn: Any) -> CheckResult:
    r"""Check your ``mse(X, y, w)``: the mean squared error $L(\mathbf{w})$.

    $$L(\mathbf{w}) = \frac{1}{m}\lVert \mathbf{y} - \mathbf{X}\mathbf{w} \rVert^2
    = \frac{1}{m}\sum_{i=1}^{m} \bigl(y^{(i)} - \hat y^{(i)}\bigr)^2 .$$

    With no examples (``y`` empty), raise ``ValueError``.

    Parameters
    ----------
    fn : callable
        Your function ``mse(X, y, w)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [The design matrix and the model](../../foundations/week-2/design-matrix.md#the-loss-as-a-squared-norm).

    Examples
    --------
    >>> import numpy as np
    >>> def mse(X, y, w):                             # the sum, not the mean
    ...     r = np.asarray(y, dtype=float) - np.asarray(X, dtype=float) @ np.asarray(w)
    ...     return r @ r
    >>> from mathbook.check import found_w2
    >>> print(found_w2.mse(mse))  # doctest: +ELLIPSIS
    failed: mse(...) expected ... got ...
    hint: this is the sum of the squared errors, m times too large: ...
    """
    return _graders()["mse"](fn)


def normal_equations_fit(fn: Any) -> CheckResult:
    r"""Check your ``normal_equations_fit(X, y)``: $\hat{\mathbf{w}}$ from the normal equations, solved.

    $$\mathbf{X}^\top\mathbf{X}\,\hat{\mathbf{w}} = \mathbf{X}^\top\mathbf{y}.$$

    Solve them with ``np.linalg.solve``; do not multiply by ``np.linalg.inv(X.T @ X)``.
    Your $\mathbf{w}$ passes when it satisfies the normal equations up to round-off:
    $\lVert \mathbf{X}^\top\mathbf{X}\mathbf{w} - \mathbf{X}^\top\mathbf{y} \rVert \le
    10^{-13}\,(\lVert \mathbf{X}^\top\mathbf{X} \rVert\,\lVert \mathbf{w} \rVert +
    \lVert \mathbf{X}^\top\mathbf{y} \rVert)$ (so ``np.linalg.lstsq`` passes too). When the
    columns of $\mathbf{X}$ are dependent, raise ``ValueError``: check
    ``np.linalg.matrix_rank(X) < X.shape[1]`` first.

    Parameters
    ----------
    fn : callable
        Your function ``normal_equations_fit(X, y)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [Least squares as a projection](../../foundations/week-2/least-squares.md#the-normal-equations) and
    [solve, do not invert](../../foundations/week-2/least-squares.md#solve-do-not-invert).

    Examples
    --------
    >>> import numpy as np
    >>> def normal_equations_fit(X, y):               # solves, but never checks the rank
    ...     X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    ...     return np.linalg.solve(X.T @ X, X.T @ y)
    >>> from mathbook.check import found_w2
    >>> print(found_w2.normal_equations_fit(normal_equations_fit))  # doctest: +ELLIPSIS
    failed: normal_equations_fit(...) expected ValueError ...
    hint: when two columns of X are dependent ...
    """
    return _graders()["normal_equations_fit"](fn)


def standardise(fn: Any) -> CheckResult:
    r"""Check your ``standardise(features)``: ``(Z, mean, std)``, each feature column standardised.

    $$z^{(i)}_j = \frac{x^{(i)}_j - \mu_j}{\sigma_j}, \qquad
    \sigma_j = \sqrt{\tfrac{1}{m}\textstyle\sum_{i=1}^{m} (x^{(i)}_j - \mu_j)^2}$$

    with the population standard deviation (``features.std(axis=0)``, ``ddof=0``, as
    scikit-learn's ``StandardScaler``). ``features`` has shape ``(m, n)``; ``mean`` and
    ``std`` have shape ``(n,)``. A constant column (``std`` 0) raises ``ValueError``.

    Parameters
    ----------
    fn : callable
        Your function ``standardise(features)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [The same fit by gradient descent](../../foundations/week-2/gradient-descent.md#standardise-the-features).

    Examples
    --------
    >>> import numpy as np
    >>> def standardise(features):                    # the sample standard deviation
    ...     features = np.asarray(features, dtype=float)
    ...     mean, std = features.mean(axis=0), features.std(axis=0, ddof=1)
    ...     return (features - mean) / std, mean, std
    >>> from mathbook.check import found_w2
    >>> print(found_w2.standardise(standardise))  # doctest: +ELLIPSIS
    failed: standardise(features=array(...)) item 0: expected ...
    hint: this is the sample standard deviation (dividing by m - 1). ...
    """
    return _graders()["standardise"](fn)


def unstandardise(fn: Any) -> CheckResult:
    r"""Check your ``unstandardise(v, mean, std)``: weights on the standardised scale, back in the original units.

    $$w_j = \frac{v_j}{\sigma_j}\ (j \ge 1), \qquad
    w_0 = v_0 - \sum_{j=1}^{n} \frac{v_j \mu_j}{\sigma_j}.$$

    ``v`` has shape ``(n + 1,)``, intercept first; ``mean`` and ``std`` shape ``(n,)``.

    Parameters
    ----------
    fn : callable
        Your function ``unstandardise(v, mean, std)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [The same fit by gradient descent](../../foundations/week-2/gradient-descent.md#back-to-the-original-units).

    Examples
    --------
    >>> import numpy as np
    >>> def unstandardise(v, mean, std):              # forgets the intercept's shift
    ...     v = np.asarray(v, dtype=float)
    ...     return np.concatenate([[v[0]], v[1:] / np.asarray(std)])
    >>> from mathbook.check import found_w2
    >>> print(found_w2.unstandardise(unstandardise))  # doctest: +ELLIPSIS
    failed: unstandardise(v=[5.0, 2.0], mean=[10.0], std=[4.0]) expected ...
    hint: the intercept changes too: ...
    """
    return _graders()["unstandardise"](fn)


def gradient(fn: Any) -> CheckResult:
    r"""Check your ``gradient(X, y, w)``: the gradient of the loss, shape ``(n + 1,)``.

    $$\nabla L(\mathbf{w}) = \frac{2}{m}\mathbf{X}^\top(\mathbf{X}\mathbf{w} - \mathbf{y}).$$

    Parameters
    ----------
    fn : callable
        Your function ``gradient(X, y, w)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [The same fit by gradient descent](../../foundations/week-2/gradient-descent.md#the-gradient-of-the-loss).

    Examples
    --------
    >>> import numpy as np
    >>> def gradient(X, y, w):                        # the 2 is missing
    ...     X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    ...     return X.T @ (X @ np.asarray(w, dtype=float) - y) / len(y)
    >>> from mathbook.check import found_w2
    >>> print(found_w2.gradient(gradient))  # doctest: +ELLIPSIS
    failed: gradient(...) expected ...
    hint: half the gradient: ...
    """
    return _graders()["gradient"](fn)


def gradient_descent_fit(fn: Any) -> CheckResult:
    r"""Check your ``gradient_descent_fit``: the weights by descent on standardised features.

    The signature is ``gradient_descent_fit(features, y, alpha, tol=1e-8, max_steps=10_000)``.

    Standardise the features, build the design matrix of $\mathbf{Z}$, start from
    $\mathbf{v} = \mathbf{0}$ and repeat $\mathbf{v} \leftarrow \mathbf{v} - \alpha
    \nabla L(\mathbf{v})$. Return ``(w, steps, status)`` with ``w`` un-standardised:
    ``"converged"`` as soon as a step's length $\lVert \alpha \nabla L \rVert$ is below
    ``tol``; ``"diverged"``, without taking it, when a step is not finite or is longer
    than the one before; ``"not converged"`` after ``max_steps`` steps. ``steps`` counts
    the steps taken (one either way is accepted); ``w`` is compared on the standardised
    scale to about $10^{-6}$.

    Parameters
    ----------
    fn : callable
        Your function ``gradient_descent_fit(features, y, alpha, tol=1e-8, max_steps=10_000)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case and perhaps a
        hint) or ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [The same fit by gradient descent](../../foundations/week-2/gradient-descent.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def gradient_descent_fit(features, y, alpha, tol=1e-8, max_steps=10_000):
    ...     raise NotImplementedError
    >>> from mathbook.check import found_w2
    >>> print(found_w2.gradient_descent_fit(gradient_descent_fit))
    not done yet: gradient_descent_fit raises NotImplementedError
    """
    return _graders()["gradient_descent_fit"](fn)
