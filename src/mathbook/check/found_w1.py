r"""Graders for the lab of Part 0, Week 1: fitting $\hat y = a x$ by the update rule.

The lab fits the one-parameter model $\hat y = a x$ (a line through the origin) to data
points $(x^{(i)}, y^{(i)})$, $i = 1, \dots, m$, by trying a grid of values and by the update rule.
It asks for six functions:

* `predict(x, a)` must return the predictions $a x^{(i)}$ as an array;
* `squared_loss(x, y, a)` must return the mean squared error
  $L(a) = \frac{1}{m}\sum_{i=1}^{m} (a x^{(i)} - y^{(i)})^2$, and raise `ValueError` when there
  are no data points (a mean of nothing is not a number);
* `loss_slope(x, y, a, h=1e-5)` must return the slope $dL/da$, estimated by the central
  difference $\bigl(L(a + h) - L(a - h)\bigr) / (2h)$; it is graded against the exact
  slope $\frac{2}{m}\sum_{i=1}^{m} x^{(i)} (a x^{(i)} - y^{(i)})$, so the formula passes too;
* `grid_search(x, y, grid)` must return the value of the grid with the smallest loss
  (the first one if several tie);
* `update_step(x, y, a, alpha)` must return the new value $a - \alpha \, dL/da$;
* `fit(x, y, alpha, a0=0.0, tol=1e-8, max_steps=10_000)` must repeat the update from
  ``a0`` and return ``(a, steps, status)``: ``"converged"`` as soon as a step
  $|\alpha\, dL/da|$ is below ``tol``; ``"diverged"``, before taking it, when a step is
  not finite or is larger in size than the step before (on this loss that happens
  exactly when $\alpha$ is too large); ``"not converged"`` after ``max_steps`` steps.
  ``steps`` counts the updates taken (one either way is accepted).

The graders have the same names: `check.found_w1.fit(fit)` grades your `fit`. When a
failure looks like a well-known mistake (a sum instead of a mean, a missing factor 2, a
forward difference, a sign error in the update, a divergent run reported as converged,
a stopping rule that never stops), the message ends with a hint.

``x`` and ``y`` may arrive as lists or NumPy arrays, of integers or floats; your
functions must not change them. The cases include all-zero ``x`` (every ``a`` is
equally good), a single point, negative slopes, badly scaled data (``x`` near 1000 or
near 0.001) and no data at all.

Examples
--------
>>> from mathbook import check
>>> import numpy as np
>>> def predict(x, a):
...     return a * np.asarray(x, dtype=float)
>>> check.found_w1.predict(predict).passed
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook.check._core import Case, CheckResult, Grader, grader, random_cases
from mathbook.check._core import per_case as _per_case
from mathbook.check._hints import NO_ANSWER as _NO_ANSWER
from mathbook.check._hints import Detector
from mathbook.check._hints import Hinted as _Hinted
from mathbook.check._hints import answer as _answer

__all__ = ["fit", "grid_search", "loss_slope", "predict", "squared_loss", "update_step"]

_SLOPE_RTOL = 1e-7
"""Slopes agree when they differ by at most 1e-7 times the size of the terms summed."""

_STATUSES = ("converged", "diverged", "not converged")


# ---------------------------------------------------------------------------
# Reference solutions (hidden from learners' messages)
# ---------------------------------------------------------------------------


def _data(x: ArrayLike, y: ArrayLike | None = None) -> tuple[NDArray[np.float64], ...]:
    xs = np.asarray(x, dtype=np.float64)
    return (xs,) if y is None else (xs, np.asarray(y, dtype=np.float64))


def _loss(x: ArrayLike, y: ArrayLike, a: float) -> float:
    xs, ys = _data(x, y)
    if xs.size == 0:
        raise ValueError("no data points: the mean squared error of nothing is undefined")
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.mean((a * xs - ys) ** 2))


def _slope(x: ArrayLike, y: ArrayLike, a: float) -> float:
    xs, ys = _data(x, y)
    if xs.size == 0:
        raise ValueError("no data points: the slope of the loss is undefined")
    with np.errstate(over="ignore", invalid="ignore"):
        return float(2 * np.mean(xs * (a * xs - ys)))


def _slope_scale(x: ArrayLike, y: ArrayLike, a: float) -> float:
    """The size of the terms whose mean is the slope: round-off is relative to it."""
    xs, ys = _data(x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        return float(2 * np.mean(np.abs(xs) * (np.abs(a * xs) + np.abs(ys))))


def _grid(x: ArrayLike, y: ArrayLike, grid: ArrayLike) -> float:
    values = np.asarray(grid, dtype=np.float64)
    if values.size == 0:
        raise ValueError("the grid is empty: there is no value to choose")
    losses = [_loss(x, y, float(a)) for a in values]
    return float(values[int(np.argmin(losses))])


def _step(x: ArrayLike, y: ArrayLike, a: float, alpha: float) -> float:
    return float(a - alpha * _slope(x, y, a))


def _fit(x: ArrayLike, y: ArrayLike, alpha: float, a0: float, tol: float = 1e-8,
         max_steps: int = 10_000) -> tuple[float, int, str]:
    a, previous = float(a0), math.inf
    for taken in range(max_steps):
        step = alpha * _slope(x, y, a)
        if not math.isfinite(step) or abs(step) > abs(previous):
            return a, taken, "diverged"
        a -= step
        if abs(step) < tol:
            return a, taken + 1, "converged"
        previous = step
    return a, max_steps, "not converged"


# The reference functions carry the learner-facing parameter names, which appear in
# messages such as "squared_loss(x=[1, 2, 3], y=[2, 4, 7], a=2.0) …".
def _predict(x: Any, a: Any) -> NDArray[np.float64]:
    return float(a) * _data(x)[0]


def _squared_loss(x: Any, y: Any, a: Any) -> float:
    return _loss(x, y, float(a))


def _loss_slope(x: Any, y: Any, a: Any) -> float:
    return _slope(x, y, float(a))


def _grid_search(x: Any, y: Any, grid: Any) -> float:
    return _grid(x, y, grid)


def _update_step(x: Any, y: Any, a: Any, alpha: Any) -> float:
    return _step(x, y, float(a), float(alpha))


def _fit_reference(x: Any, y: Any, alpha: Any, a0: Any = 0.0, tol: float = 1e-8,
                   max_steps: int = 10_000) -> tuple[float, int, str]:
    return _fit(x, y, float(alpha), float(a0), tol, max_steps)


# ---------------------------------------------------------------------------
# Comparisons that allow for a finite difference's round-off
# ---------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    """``value`` as a float if it is one number (not a bool), else ``None``."""
    if isinstance(value, (bool, np.bool_, str)):
        return None
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return float(array) if array.ndim == 0 else None


def _near(expected: float, got: Any, tolerance: float) -> bool | str:
    number = _number(got)
    if number is None:
        return f"expected a single number ({expected!r}) got {type(got).__name__} {got!r}"
    if abs(number - expected) <= tolerance or (math.isnan(number) and math.isnan(expected)):
        return True
    return f"expected {expected!r} got {number!r}"


def _slope_tolerance(x: Any, y: Any, a: float) -> float:
    return _SLOPE_RTOL * _slope_scale(x, y, a) + 1e-12


# ---------------------------------------------------------------------------
# Cases: hand-picked ones first (they give the clearest messages), then random ones
# ---------------------------------------------------------------------------

_THOUSANDS = [1000.0, 1250.0, 1500.0, 2000.0]                # badly scaled: x near 1000
_THOUSANDTHS = [0.001, 0.002, 0.0035, 0.004]                 # badly scaled: x near 0.001

# (x, y): the running example, integers, negative slopes, zeros, one point, scaling
_HAND_DATA: tuple[tuple[Any, Any], ...] = (
    ([1, 2, 3], [2, 4, 7]),
    (np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.5, 3.5, 7.0, 8.0])),
    ([0.5, 1.5, -2.0, 3.0], [-1.0, -3.5, 4.5, -6.5]),      # a negative slope
    (np.array([2, 4, 6]), np.array([1, 3, 2])),               # integer arrays
    ([0.0, 0.0, 0.0], [1.0, -2.0, 3.0]),                      # all-zero x
    ([3.0], [6.5]),                                           # a single point
    ([-2.0], [5.0]),
    (_THOUSANDS, [2100.0, 2480.0, 3050.0, 4010.0]),
    (_THOUSANDTHS, [2.1, 3.9, 7.2, 8.1]),
)
_HAND_AS: tuple[float, ...] = (2.0, 0.0, -1.5, 0.25)


def _random_data(rng: np.random.Generator) -> tuple[Any, Any, float]:
    """Data near a random line through the origin, as lists or arrays, and a random a."""
    n = int(rng.integers(1, 9))
    scale = float(10.0 ** rng.integers(-1, 3))
    true_a = float(np.round(rng.uniform(-4, 4), 2))
    x = np.round(rng.uniform(-5, 5, size=n) * scale, 2)
    y = np.round(true_a * x + rng.normal(0, scale, size=n), 2)
    a = float(np.round(true_a + rng.uniform(-2, 2), 2))
    if rng.random() < 0.5:
        return x.tolist(), y.tolist(), a
    return x, y, a


def _tuples(cases: list[Case]) -> list[tuple[Any, ...]]:
    """The cases, typed as the argument tuples that this module's generators make."""
    return [case for case in cases if isinstance(case, tuple)]


def _data_cases(with_a: bool, seed: int) -> Callable[[], tuple[tuple[Any, ...], ...]]:
    @functools.cache
    def build() -> tuple[tuple[Any, ...], ...]:
        hand = [(x, y, a) for x, y in _HAND_DATA for a in _HAND_AS]
        random = _tuples(random_cases(_random_data, 20, seed))
        if not with_a:
            pairs = [(x, a) for x, _, a in hand] + [(x, a) for x, _, a in random]
            return (*pairs, ([], 2.0))                            # no data: no predictions
        return tuple(hand + random)

    return build


def _loss_cases(seed: int) -> Callable[[], tuple[tuple[Any, ...], ...]]:
    @functools.cache
    def build() -> tuple[tuple[Any, ...], ...]:
        return _data_cases(True, seed)() + (([], [], 1.0),)      # no data: ValueError

    return build


def _grid_cases() -> tuple[Case, ...]:
    grid = np.linspace(-5, 5, 101).round(1)
    cases: list[Case] = [([1, 2, 3], [2, 4, 7], [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0])]
    cases += [(x, y, grid) for x, y in _HAND_DATA]
    cases += [
        ([1, 2, 3], [2, 4, 7], [3.0, 1.0, 2.0, 2.5]),            # an unsorted grid
        ([1, 2, 3], [2, 4, 7], [7.0]),                            # a grid of one value
        (_THOUSANDTHS, [2.1, 3.9, 7.2, 8.1], np.linspace(0, 4000, 81)),
        ([1, 2, 3], [2, 4, 7], []),                               # an empty grid: ValueError
    ]
    def random_grid(rng: np.random.Generator) -> Case:
        x, y, _ = _random_data(rng)
        return x, y, np.round(np.sort(rng.uniform(-6, 6, size=25)), 3)

    return tuple(cases + random_cases(random_grid, 12, seed=41))


def _step_cases() -> tuple[tuple[Any, ...], ...]:
    alphas = (0.1, 0.01, 1e-7, 1.0)
    cases: list[tuple[Any, ...]] = [(x, y, a, alpha) for (x, y), a, alpha in
                         zip(_HAND_DATA, (2.0, 0.0, -1.5, 0.25, 1.0, 0.5, 3.0, 2.0, 100.0),
                             (0.1, 0.05, 0.1, 0.01, 0.1, 0.01, 0.2, 1e-7, 1000.0), strict=True)]
    def random_step(rng: np.random.Generator) -> Case:
        return (*_random_data(rng), float(rng.choice(alphas)))

    return tuple(cases + _tuples(random_cases(random_step, 15, seed=42)))


_FIT_CASES: tuple[tuple[Any, ...], ...] = (
    # (x, y, alpha, a0[, tol, max_steps])
    ([1, 2, 3], [2, 4, 7], 0.05, 0.0),                                  # converges
    (np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.5, 3.5, 7.0, 8.0]), 0.01, 0.0),
    ([0.5, 1.5, -2.0, 3.0], [-1.0, -3.5, 4.5, -6.5], 0.1, 5.0),         # a negative slope
    ([1, 2, 3], [2, 4, 7], 0.25, 0.0),                                  # alpha too large
    ([1, 2, 3], [2, 4, 7], 0.001, 0.0, 1e-8, 200),                      # too small: runs out
    ([0.0, 0.0, 0.0], [1.0, -2.0, 3.0], 0.1, 1.5),                      # all-zero x
    ([3.0], [6.5], 0.05, 0.0),                                          # a single point
    (_THOUSANDS, [2100.0, 2480.0, 3050.0, 4010.0], 0.01, 0.0),          # badly scaled: diverges
    (_THOUSANDS, [2100.0, 2480.0, 3050.0, 4010.0], 1e-7, 0.0),          # … a tiny alpha works
    (_THOUSANDTHS, [2.1, 3.9, 7.2, 8.1], 0.5, 0.0, 1e-8, 300),          # too slow to finish
    ([1e155, 2e155], [1.0, 2.0], 0.1, 1.0),                             # overflow: not finite
    ([2, 4, 6], [1, 3, 2], 0.01, -3.0, 1e-3, 10_000),                   # a coarse tolerance
)


def _fit_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    x, y, alpha = case[:3]
    tol = case[4] if len(case) > 4 else 1e-8

    def compare(expected: tuple[float, int, str], got: Any) -> bool | str:
        if not (isinstance(got, (tuple, list)) and len(got) == 3):
            return f"expected a tuple (a, steps, status) like {expected!r} got {got!r}"
        a, steps, status = got
        if status not in _STATUSES:
            return f"expected status {expected[2]!r} got {status!r}"
        if status != expected[2]:
            return f"expected {expected!r} got {tuple(got)!r}"
        if _number(steps) is None or abs(float(np.asarray(steps)) - expected[1]) > 1:
            return f"expected {expected[1]} steps (one either way is fine) got {steps!r}"
        if status == "converged":  # a is good when the next step would be below tol too
            number = _number(a)
            if number is None or not abs(alpha * _slope(x, y, number)) <= 1.01 * tol:
                return f"expected a ≈ {expected[0]!r} got {a!r}"
            return True
        if status == "not converged":
            return _near(expected[0], a, 1e-6 * (1 + abs(expected[0])))
        near = _near(expected[0], a, 1e-9 * (1 + abs(expected[0])))
        if near is not True:   # diverged: a as it was before the refused step
            return f"expected {expected!r} (a before the step that was refused) got {tuple(got)!r}"
        return True

    return compare


# ---------------------------------------------------------------------------
# Hints: after a failure, probe the learner's function for well-known mistakes
# ---------------------------------------------------------------------------

def _is(got: Any, expected: float, rtol: float = 1e-6) -> bool:
    """``got`` is one number equal to ``expected`` up to ``rtol``."""
    number = _number(got) if got is not _NO_ANSWER else None
    return number is not None and abs(number - expected) <= rtol * abs(expected) + 1e-12


_X, _Y = [1.0, 2.0, 3.0], [2.0, 4.0, 7.0]                     # the plain probe data, m = 3
_HINT_LIST = (
    "x may arrive as a Python list, and a * [1, 2, 3] is not arithmetic on numbers. "
    "Convert first: x = np.asarray(x, dtype=float)."
)
_HINT_EMPTY = (
    "with no data points the mean is 0/0, which NumPy turns into nan with a warning. "
    "Check first: if len(x) == 0: raise ValueError(\"no data points\")."
)


def _list_trouble(fn: Callable[..., Any], *rest: Any) -> bool:
    """Works on an array but fails (or answers differently) on the same data as a list."""
    as_array = _answer(fn, np.array(_X), *rest)
    as_list = _answer(fn, list(_X), *rest)
    if as_array is _NO_ANSWER:
        return False
    if as_list is _NO_ANSWER:
        return True
    try:
        return not np.allclose(np.asarray(as_list, dtype=float), np.asarray(as_array, dtype=float))
    except (TypeError, ValueError):
        return True


def _predict_hints() -> tuple[tuple[Detector, str], ...]:
    return (
        (lambda fn: _list_trouble(fn, 2.0), _HINT_LIST),
        (lambda fn: _is(_answer(fn, np.array(_X), 2.0), float(np.sum(2.0 * np.array(_X)))),
         "return one prediction per data point (an array), not their sum."),
    )


def _loss_hints() -> tuple[tuple[Detector, str], ...]:
    a = 1.5
    mean = _loss(_X, _Y, a)
    residuals = a * np.array(_X) - np.array(_Y)
    return (
        (lambda fn: _is(_answer(fn, _X, _Y, a), len(_X) * mean),
         "this is the sum of the squared errors, m times too large: L(a) is their mean, "
         "(1/m) * sum of (a*x[i] - y[i])**2, np.mean(...)."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), mean / 2),
         "this is half the mean squared error, 1/(2m) * sum of squared errors: some books "
         "halve it so that the 2 of the slope cancels. Here L(a) is the plain mean, "
         "np.mean((a*x - y)**2)."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), float(np.mean(np.abs(residuals)))),
         "this is the mean absolute error: square each error, (a*x[i] - y[i])**2."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), math.sqrt(mean)),
         "this is the square root of the mean squared error; leave out np.sqrt."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), float(np.mean(residuals)) ** 2),
         "square each error first, then take the mean: np.mean((a*x - y)**2)."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), mean)
         and _answer(fn, [], [], 1.0) is not _NO_ANSWER, _HINT_EMPTY),
    )


def _slope_hints() -> tuple[tuple[Detector, str], ...]:
    a = 1.5
    exact = _slope(_X, _Y, a)
    return (
        (lambda fn: _is(_answer(fn, _X, _Y, a), exact / 2),
         "half the slope: the derivative of (a*x - y)**2 is 2*x*(a*x - y); the factor 2 "
         "is missing."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), len(_X) * exact),
         "m times too large: the slope of the mean is the mean of the slopes, "
         "(2/m) * sum of x[i]*(a*x[i] - y[i])."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), -exact),
         "the sign is flipped: with the error written a*x - y, the slope is "
         "(2/m) * sum of x[i]*(a*x[i] - y[i]). A difference quotient subtracts "
         "L(a - h) from L(a + h), not the other way round."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), exact, rtol=1e-2)
         and not _is(_answer(fn, _X, _Y, a), exact, rtol=1e-9),
         "close, but not accurate enough. A forward difference (L(a + h) - L(a)) / h is off "
         "by about h * mean(x**2); the central difference (L(a + h) - L(a - h)) / (2*h) is "
         "exact for this parabola up to round-off. Keep h near 1e-5: a much smaller h "
         "lets round-off take over."),
        (lambda fn: _is(_answer(fn, _X, _Y, a), exact)
         and _answer(fn, [], [], 1.0) is not _NO_ANSWER, _HINT_EMPTY),
    )


def _grid_hints() -> tuple[tuple[Detector, str], ...]:
    grid = [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
    losses = [_loss(_X, _Y, a) for a in grid]
    best = int(np.argmin(losses))
    return (
        (lambda fn: _is(_answer(fn, _X, _Y, grid), float(best)) and grid[best] != best,
         "this is the position of the best value in the grid; return the value itself, "
         "grid[i]."),
        (lambda fn: _is(_answer(fn, _X, _Y, grid), losses[best]),
         "this is the smallest loss; return the value of a that gives it."),
        (lambda fn: _is(_answer(fn, _X, _Y, grid), grid[int(np.argmax(losses))]),
         "this a gives the largest loss: the best a makes the loss smallest (np.argmin)."),
    )


def _step_hints() -> tuple[tuple[Detector, str], ...]:
    a, alpha = 1.5, 0.05
    slope = _slope(_X, _Y, a)
    return (
        (lambda fn: _is(_answer(fn, _X, _Y, a, alpha), a + alpha * slope),
         "the step goes uphill: a + alpha * slope climbs the loss. Step against the slope, "
         "a - alpha * slope."),
        (lambda fn: _is(_answer(fn, _X, _Y, a, alpha), alpha * slope),
         "this is the step alpha * slope; return the new value a - alpha * slope."),
        (lambda fn: _is(_answer(fn, _X, _Y, a, alpha), a - slope),
         "the learning rate is missing: a - alpha * slope."),
    )


def _sane_fit(fn: Callable[..., Any]) -> bool:
    """Converges on a plain run, so a wrong answer elsewhere is about stopping."""
    got = _answer(fn, _X, _Y, 0.05, 0.0)
    return isinstance(got, (tuple, list)) and len(got) == 3 and got[2] == "converged"


def _fit_status(fn: Callable[..., Any], *args: Any) -> Any:
    got = _answer(fn, *args)
    return got[2] if isinstance(got, (tuple, list)) and len(got) == 3 else _NO_ANSWER


def _never_stops(fn: Callable[..., Any]) -> bool:
    """On a plain run that converges, goes on past the step where it should stop."""
    got = _answer(fn, _X, _Y, 0.05, 0.0)
    if not (isinstance(got, (tuple, list)) and len(got) == 3) or got[2] == "converged":
        return False
    steps = _number(got[1])
    return steps is not None and steps > _fit(_X, _Y, 0.05, 0.0)[1] + 1


def _late_divergence(fn: Callable[..., Any], divergent: tuple[Any, ...]) -> bool:
    """Says "diverged" on a divergent run, but many steps later than the rule would."""
    got = _answer(fn, *divergent)
    if not (isinstance(got, (tuple, list)) and len(got) == 3) or got[2] != "diverged":
        return False
    steps = _number(got[1])
    return steps is not None and steps > _fit(*divergent)[1] + 1


def _variant_fit(x: ArrayLike, y: ArrayLike, alpha: float, a0: float, *, on_slope: bool = False,
                 tol: float = 1e-8, max_steps: int = 10_000) -> tuple[float, int, str]:
    """The reference fit, but with the tolerance tested on the slope instead of the step."""
    a, previous = float(a0), math.inf
    for taken in range(max_steps):
        slope = _slope(x, y, a)
        step = alpha * slope
        if not math.isfinite(step) or abs(step) > abs(previous):
            return a, taken, "diverged"
        a -= step
        if abs(slope if on_slope else step) < tol:
            return a, taken + 1, "converged"
        previous = step
    return a, max_steps, "not converged"


def _same_fit(got: Any, expected: tuple[float, int, str]) -> bool:
    return (isinstance(got, (tuple, list)) and len(got) == 3 and got[2] == expected[2]
            and _number(got[1]) == expected[1] and _is(got[0], expected[0], rtol=1e-9))


def _plain_divergence(fn: Callable[..., Any]) -> str:
    """On a plain run that converges: "uphill"/"downhill" if it says diverged, by its last step."""
    got = _answer(fn, _X, _Y, 0.05, 0.0)
    if not (isinstance(got, (tuple, list)) and len(got) == 3) or got[2] != "diverged":
        return ""
    a = _number(got[0])
    if a is None or not math.isfinite(a):
        return ""
    before, after = _loss(_X, _Y, 0.0), _loss(_X, _Y, a)
    return "uphill" if after > before else "downhill" if after < before else ""


def _took_refused_step(fn: Callable[..., Any], divergent: tuple[Any, ...]) -> bool:
    """Says "diverged" at about the right step, but returns a after the refused step."""
    got = _answer(fn, *divergent)
    if not (isinstance(got, (tuple, list)) and len(got) == 3) or got[2] != "diverged":
        return False
    expected = _fit(*divergent)
    steps = _number(got[1])
    return (steps is not None and abs(steps - expected[1]) <= 1
            and not _is(got[0], expected[0], rtol=1e-9))


def _fit_hints() -> tuple[tuple[Detector, str], ...]:
    divergent = (_X, _Y, 0.25, 0.0)                    # alpha * d2L/da2 = 0.25 * 28/3 > 2
    return (
        (lambda fn: _plain_divergence(fn) == "uphill",
         "a plain run with a small alpha reports \"diverged\" at once, after a step "
         "that raised the loss: check the sign of the update, a = a - step with "
         "step = alpha * slope (a + step climbs the loss)."),
        (lambda fn: _plain_divergence(fn) == "downhill",
         "a plain run with a small alpha reports \"diverged\" although its steps shrink. "
         "Here every step is negative, and a step of -0.1 after -1 is smaller, although "
         "-0.1 > -1. Compare sizes: abs(step) > abs(previous)."),
        (lambda fn: _sane_fit(fn) and _same_fit(_answer(fn, _X, _Y, 0.05, 0.0),
                                                _variant_fit(_X, _Y, 0.05, 0.0, on_slope=True)),
         "the tolerance is on the step alpha * dL/da, not on the slope dL/da: stop when "
         "abs(step) < tol."),
        (lambda fn: _sane_fit(fn) and _fit_status(fn, *divergent) == "converged",
         "on x = [1, 2, 3], y = [2, 4, 7], alpha = 0.25 is too large: every step overshoots and is larger "
         "than the one before, and a runs off to infinity. Such a run has diverged, never "
         "converged: stop with \"diverged\" as soon as abs(step) > abs(previous step) or "
         "the step is not finite (math.isfinite)."),
        (lambda fn: _sane_fit(fn) and _fit_status(fn, *divergent) == "not converged",
         "a run whose steps grow has diverged: compare each step with the one before and "
         "stop with \"diverged\" when it is larger in size (or not finite)."),
        (lambda fn: _sane_fit(fn) and _late_divergence(fn, divergent),
         "this run diverges from its first steps, and the rule says so at once: stop "
         "with \"diverged\" as soon as a step is larger in size than the step before, "
         "rather than waiting for a to become huge or not finite."),
        (_never_stops,
         "the run does not stop although the steps shrink: after each update, stop with "
         "\"converged\" as soon as abs(step) < tol. (Run on and the steps shrink to "
         "round-off noise, where one of them may grow.)"),
        (lambda fn: _fit_status(fn, _X, _Y, 0.001, 0.0, 1e-8, 200) == "converged",
         "with a tiny alpha the run needs more than max_steps steps: when the loop ends "
         "without a small step, the status is \"not converged\"."),
        (lambda fn: _sane_fit(fn) and _took_refused_step(fn, divergent),
         "stop *without* taking the step that is larger than the one before: return a as "
         "it was before that step."),
    )


def _hinted(reference: Callable[..., Any], cases: Callable[[], Any] | tuple[Case, ...],
            name: str, hints: tuple[tuple[Detector, str], ...]) -> _Hinted:
    grade: Grader = grader(reference, cases, name=name)
    return _Hinted(grade, hints)


def _slope_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    x, y, a = case[:3]
    return lambda expected, got: _near(expected, got, _slope_tolerance(x, y, float(a)))


def _step_compare(case: tuple[Any, ...]) -> Callable[[Any, Any], bool | str]:
    x, y, a, alpha = case[:4]
    tolerance = 1e-12 * abs(float(a)) + float(alpha) * _slope_tolerance(x, y, float(a))
    return lambda expected, got: _near(expected, got, tolerance)


_predict_grader = _hinted(_predict, _data_cases(False, 21), "predict", _predict_hints())
_loss_grader = _hinted(_squared_loss, _loss_cases(22), "squared_loss", _loss_hints())
_slope_grader = _Hinted(_per_case(_loss_slope, _loss_cases(23)(), name="loss_slope",
                                  compare_for=_slope_compare), _slope_hints())
_grid_grader = _hinted(_grid_search, _grid_cases(), "grid_search", _grid_hints())
_step_grader = _Hinted(_per_case(_update_step, _step_cases(), name="update_step",
                                 compare_for=_step_compare), _step_hints())
_fit_grader = _Hinted(_per_case(_fit_reference, _FIT_CASES, name="fit", compare_for=_fit_compare),
                      _fit_hints())


# ---------------------------------------------------------------------------
# The graders a learner calls
# ---------------------------------------------------------------------------


def predict(fn: Any) -> CheckResult:
    r"""Check your ``predict(x, a)``: the predictions $\hat y^{(i)} = a x^{(i)}$ of the model.

    Parameters
    ----------
    fn : callable
        Your function; it takes ``x`` (a list or array of numbers) and ``a`` (a number)
        and returns an array with one prediction per entry of ``x``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case) or
        ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Taught in [Loss: how wrong is the model?](../../foundations/week-1/loss.md#the-error-of-one-example).

    Examples
    --------
    >>> def predict(x, a):
    ...     return a * x                       # fails when x is a list
    >>> from mathbook.check import found_w1
    >>> print(found_w1.predict(predict))  # doctest: +NORMALIZE_WHITESPACE
    failed: predict(x=[1, 2, 3], a=2.0) raised TypeError: can't multiply sequence
    by non-int of type 'float' (expected a result)
    hint: x may arrive as a Python list, and a * [1, 2, 3] is not arithmetic on
    numbers. Convert first: x = np.asarray(x, dtype=float).
    """
    return _predict_grader(fn)


def squared_loss(fn: Any) -> CheckResult:
    r"""Check your ``squared_loss(x, y, a)``: the mean squared error of $\hat y = a x$.

    $$L(a) = \frac{1}{m}\sum_{i=1}^{m} (a x^{(i)} - y^{(i)})^2 .$$

    With no data points, raise ``ValueError``: the mean of nothing is not a number.

    Parameters
    ----------
    fn : callable
        Your function ``squared_loss(x, y, a)``; it returns one number.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Taught in [Loss: how wrong is the model?](../../foundations/week-1/loss.md#the-loss-the-mean-over-the-data-set).

    Examples
    --------
    >>> import numpy as np
    >>> def squared_loss(x, y, a):                  # the sum, not the mean
    ...     x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ...     return np.sum((a * x - y) ** 2)
    >>> from mathbook.check import found_w1
    >>> print(found_w1.squared_loss(squared_loss))  # doctest: +NORMALIZE_WHITESPACE
    failed: squared_loss(x=[1, 2, 3], y=[2, 4, 7], a=2.0) expected 0.3333333333333333
    got 1.0
    hint: this is the sum of the squared errors, m times too large: L(a) is their
    mean, (1/m) * sum of (a*x[i] - y[i])**2, np.mean(...).
    """
    return _loss_grader(fn)


def loss_slope(fn: Any) -> CheckResult:
    r"""Check your ``loss_slope(x, y, a, h=1e-5)``: the slope $dL/da$ of the loss at ``a``.

    Estimate it by the central difference

    $$\frac{dL}{da} \approx \frac{L(a + h) - L(a - h)}{2h},$$

    which for this parabola equals the exact slope
    $\frac{2}{m}\sum_{i=1}^{m} x^{(i)} (a x^{(i)} - y^{(i)})$ up to round-off; the exact formula
    passes too. Answers must agree to about $10^{-7}$ of the size of the terms summed,
    which a forward difference $(L(a + h) - L(a))/h$ with ``h = 1e-5`` does not.

    Parameters
    ----------
    fn : callable
        Your function ``loss_slope(x, y, a, h=1e-5)``; it is called with ``x``, ``y``
        and ``a`` only, so ``h`` keeps your default.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Taught in [Rates of change and the update rule](../../foundations/week-1/update-rule.md#the-slope-of-the-loss)
    and its [In code](../../foundations/week-1/update-rule.md#in-code) section (the central difference).

    Examples
    --------
    >>> import numpy as np
    >>> def loss_slope(x, y, a, h=1e-5):            # the formula without its factor 2
    ...     x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ...     return np.mean(x * (a * x - y))
    >>> from mathbook.check import found_w1
    >>> print(found_w1.loss_slope(loss_slope))  # doctest: +NORMALIZE_WHITESPACE
    failed: loss_slope(x=[1, 2, 3], y=[2, 4, 7], a=2.0) expected -2.0 got -1.0
    hint: half the slope: the derivative of (a*x - y)**2 is 2*x*(a*x - y); the
    factor 2 is missing.
    """
    return _slope_grader(fn)


def grid_search(fn: Any) -> CheckResult:
    r"""Check your ``grid_search(x, y, grid)``: the grid value with the smallest loss.

    Compute $L(a)$ for every ``a`` in ``grid`` and return the ``a`` (not its position,
    not its loss) whose loss is smallest; if several tie, the first of them. An empty
    grid has no best value: raise ``ValueError`` (``np.argmin`` and ``min`` do).

    Parameters
    ----------
    fn : callable
        Your function ``grid_search(x, y, grid)``; it returns one number.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Taught in [Rates of change and the update rule](../../foundations/week-1/update-rule.md#the-same-fit-by-a-grid).

    Examples
    --------
    >>> import numpy as np
    >>> def grid_search(x, y, grid):                # returns the position
    ...     x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ...     return int(np.argmin([np.mean((a * x - y) ** 2) for a in grid]))
    >>> from mathbook.check import found_w1
    >>> print(found_w1.grid_search(grid_search))  # doctest: +NORMALIZE_WHITESPACE
    failed: grid_search(x=[1, 2, 3], y=[2, 4, 7], grid=[0.0, 0.5, 1.0, 1.5, 2.0, 2.5,
    3.0]) expected 2.0 got 4
    hint: this is the position of the best value in the grid; return the value
    itself, grid[i].
    """
    return _grid_grader(fn)


def update_step(fn: Any) -> CheckResult:
    r"""Check your ``update_step(x, y, a, alpha)``: one step of the update rule.

    $$a \leftarrow a - \alpha \frac{dL}{da}.$$

    Parameters
    ----------
    fn : callable
        Your function ``update_step(x, y, a, alpha)``; it returns the new ``a``. It may
        call your ``loss_slope``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Taught in [Rates of change and the update rule](../../foundations/week-1/update-rule.md#the-update-rule).

    Examples
    --------
    >>> import numpy as np
    >>> def update_step(x, y, a, alpha):            # a sign error: climbs the loss
    ...     x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ...     return a + alpha * 2 * np.mean(x * (a * x - y))
    >>> from mathbook.check import found_w1
    >>> print(found_w1.update_step(update_step))  # doctest: +NORMALIZE_WHITESPACE
    failed: update_step(x=[1, 2, 3], y=[2, 4, 7], a=2.0, alpha=0.1) expected 2.2 got 1.8
    hint: the step goes uphill: a + alpha * slope climbs the loss. Step against the
    slope, a - alpha * slope.
    """
    return _step_grader(fn)


def fit(fn: Any) -> CheckResult:
    r"""Check your ``fit(x, y, alpha, a0=0.0, tol=1e-8, max_steps=10_000)``: the update rule until it stops.

    Start at ``a = a0`` and repeat: compute the step $\alpha \, dL/da$; if it is not
    finite or is larger in size than the step before, stop *without* taking it and
    return ``(a, steps, "diverged")``; otherwise take it, $a \leftarrow a - \text{step}$,
    and if $|\text{step}| <$ ``tol`` return ``(a, steps, "converged")``. After
    ``max_steps`` steps return ``(a, max_steps, "not converged")``. ``steps`` counts
    the steps taken; one more or one fewer than the reference is accepted.

    A converged ``a`` passes when the next step from it would also be below ``tol``; a
    diverged ``a`` must be the value before the refused step.

    Parameters
    ----------
    fn : callable
        Your function; it returns a tuple ``(a, steps, status)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Taught in [Rates of change and the update rule](../../foundations/week-1/update-rule.md#the-update-rule)
    (the stopping rule).

    Examples
    --------
    >>> import numpy as np
    >>> def fit(x, y, alpha, a0=0.0, tol=1e-8, max_steps=10_000):   # no divergence check
    ...     x, y, a = np.asarray(x, dtype=float), np.asarray(y, dtype=float), a0
    ...     for steps in range(1, max_steps + 1):
    ...         step = alpha * 2 * np.mean(x * (a * x - y))
    ...         a = a - step
    ...         if not abs(step) >= tol:                # also true for nan
    ...             return a, steps, "converged"
    ...     return a, max_steps, "not converged"
    >>> from mathbook.check import found_w1
    >>> print(found_w1.fit(fit))  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    failed: fit(x=[1, 2, 3], y=[2, 4, 7], alpha=0.25, a0=0.0) expected
    (5.166666666666667, 1, 'diverged') got (...nan..., 2459, 'converged')
    hint: on x = [1, 2, 3], y = [2, 4, 7], alpha = 0.25 is too large: ...
    """
    return _fit_grader(fn)
