"""Tests of mathbook.check.found_w1: the graders of the Part 0, Week 1 lab.

The lab's reference solution passes every grader, unfinished stubs are "not done yet",
and each well-known wrong solution fails with the hint written for it.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from conftest import lab_reference

from mathbook.check import found_w1

REF = lab_reference("foundations_week-1_lab.py")
GRADERS = found_w1.__all__


def _arrays(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


@pytest.mark.parametrize("name", GRADERS)
def test_reference_solution_passes(name: str) -> None:
    with np.errstate(over="ignore", invalid="ignore"):
        result = getattr(found_w1, name)(getattr(REF, name))
    assert result.passed, result.message
    assert result.message.startswith(f"passed: {name} matched the reference on")


@pytest.mark.parametrize("name", GRADERS)
def test_stub_is_not_done_yet(name: str) -> None:
    def stub(*args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    result = getattr(found_w1, name)(stub)
    assert not result.passed
    assert result.message == f"not done yet: {name} raises NotImplementedError"


# ---------------------------------------------------------------------------
# Known wrong solutions: each fails, with its own hint
# ---------------------------------------------------------------------------


def predict_on_lists(x: Any, a: float) -> Any:
    return a * x


def loss_sum(x: Any, y: Any, a: float) -> float:
    x, y = _arrays(x, y)
    return float(np.sum((a * x - y) ** 2))


def loss_absolute(x: Any, y: Any, a: float) -> float:
    x, y = _arrays(x, y)
    return float(np.mean(np.abs(a * x - y)))


def loss_root(x: Any, y: Any, a: float) -> float:
    x, y = _arrays(x, y)
    return float(np.sqrt(np.mean((a * x - y) ** 2)))


def loss_half(x: Any, y: Any, a: float) -> float:
    x, y = _arrays(x, y)
    return float(np.mean((a * x - y) ** 2) / 2)


def loss_no_empty_check(x: Any, y: Any, a: float) -> float:
    x, y = _arrays(x, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the mean of nothing: nan and a RuntimeWarning
        return float(np.mean((a * x - y) ** 2))


def slope_without_2(x: Any, y: Any, a: float, h: float = 1e-5) -> float:
    x, y = _arrays(x, y)
    return float(np.mean(x * (a * x - y)))


def slope_sum(x: Any, y: Any, a: float, h: float = 1e-5) -> float:
    x, y = _arrays(x, y)
    return float(2 * np.sum(x * (a * x - y)))


def slope_flipped(x: Any, y: Any, a: float, h: float = 1e-5) -> float:
    return float((REF.squared_loss(x, y, a - h) - REF.squared_loss(x, y, a + h)) / (2 * h))


def slope_forward(x: Any, y: Any, a: float, h: float = 1e-5) -> float:
    return float((REF.squared_loss(x, y, a + h) - REF.squared_loss(x, y, a)) / h)


def slope_formula_no_empty_check(x: Any, y: Any, a: float, h: float = 1e-5) -> float:
    x, y = _arrays(x, y)
    if len(x) == 0:
        return math.nan
    return float(2 * np.mean(x * (a * x - y)))


def grid_position(x: Any, y: Any, grid: Any) -> int:
    return int(np.argmin([REF.squared_loss(x, y, a) for a in grid]))


def grid_smallest_loss(x: Any, y: Any, grid: Any) -> float:
    return float(min(REF.squared_loss(x, y, a) for a in grid))


def grid_largest(x: Any, y: Any, grid: Any) -> float:
    return float(grid[int(np.argmax([REF.squared_loss(x, y, a) for a in grid]))])


def step_uphill(x: Any, y: Any, a: float, alpha: float) -> float:
    return float(a + alpha * REF.loss_slope(x, y, a))


def step_only(x: Any, y: Any, a: float, alpha: float) -> float:
    return float(alpha * REF.loss_slope(x, y, a))


def step_without_alpha(x: Any, y: Any, a: float, alpha: float) -> float:
    return float(a - REF.loss_slope(x, y, a))


def _fit_loop(x: Any, y: Any, a0: float, alpha: float, tol: float, max_steps: int,
              on_growth: str | None, stops: bool) -> tuple[float, int, str]:
    """A fit with a configurable mistake: what it says when steps grow, whether it stops."""
    a, previous = a0, math.inf
    with np.errstate(over="ignore", invalid="ignore"):
        for steps in range(max_steps):
            step = alpha * 2 * np.mean(np.asarray(x) * (a * np.asarray(x) - np.asarray(y)))
            if on_growth is not None and (not math.isfinite(step) or abs(step) > abs(previous)):
                return a, steps, on_growth
            a = a - step
            if stops and not abs(step) >= tol:  # also true for nan: "converged" by accident
                return a, steps + 1, "converged"
            previous = step
    return a, max_steps, "not converged"


def fit_divergent_is_converged(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                               max_steps: int = 10_000) -> tuple[float, int, str]:
    return _fit_loop(x, y, a0, alpha, tol, max_steps, on_growth=None, stops=True)


def fit_no_divergence_check(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                            max_steps: int = 10_000) -> tuple[float, int, str]:
    a, steps, status = _fit_loop(x, y, a0, alpha, tol, max_steps, on_growth=None, stops=True)
    return (a, steps, "not converged") if not math.isfinite(a) else (a, steps, status)


def fit_never_stops(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                    max_steps: int = 10_000) -> tuple[float, int, str]:
    return _fit_loop(x, y, a0, alpha, tol, max_steps, on_growth="diverged", stops=False)


def fit_diverged_late(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                      max_steps: int = 10_000) -> tuple[float, int, str]:
    # the lesson's first version: diverged only once a is huge or not finite
    a, steps, status = _fit_loop(x, y, a0, alpha, tol, max_steps, on_growth=None, stops=True)
    return (a, steps, "diverged") if not abs(a) < 1e6 else (a, steps, status)


def fit_always_converged(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                         max_steps: int = 10_000) -> tuple[float, int, str]:
    a, steps, status = REF.fit(x, y, alpha, a0, tol, max_steps)
    return a, steps, "converged" if status == "not converged" else status


def _fit_variant(x: Any, y: Any, alpha: float, a0: float, tol: float, max_steps: int, *,
                 sign: float = 1.0, signed: bool = False, on_slope: bool = False,
                 take_refused: bool = False) -> tuple[float, int, str]:
    """The lab's fit with one mistake switched on."""
    x, y = _arrays(x, y)
    a, previous = a0, math.inf
    with np.errstate(over="ignore", invalid="ignore"):
        for steps in range(max_steps):
            slope = 2 * np.mean(x * (a * x - y))
            step = alpha * slope
            grew = step > previous if signed else abs(step) > abs(previous)
            if not math.isfinite(step) or grew:
                return (a - sign * step if take_refused else a), steps, "diverged"
            a = a - sign * step
            if abs(slope if on_slope else step) < tol:
                return a, steps + 1, "converged"
            previous = step
    return a, max_steps, "not converged"


def fit_sign_error(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                   max_steps: int = 10_000) -> tuple[float, int, str]:
    return _fit_variant(x, y, alpha, a0, tol, max_steps, sign=-1.0)


def fit_signed_comparison(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                          max_steps: int = 10_000) -> tuple[float, int, str]:
    return _fit_variant(x, y, alpha, a0, tol, max_steps, signed=True)


def fit_tolerance_on_slope(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                           max_steps: int = 10_000) -> tuple[float, int, str]:
    return _fit_variant(x, y, alpha, a0, tol, max_steps, on_slope=True)


def fit_takes_refused_step(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                           max_steps: int = 10_000) -> tuple[float, int, str]:
    return _fit_variant(x, y, alpha, a0, tol, max_steps, take_refused=True)


WRONG: list[tuple[str, Callable[..., Any], str]] = [
    ("predict", predict_on_lists, "x = np.asarray(x, dtype=float)"),
    ("squared_loss", loss_sum, "m times too large"),
    ("squared_loss", loss_absolute, "mean absolute error"),
    ("squared_loss", loss_root, "square root"),
    ("squared_loss", loss_half, "half the mean squared error"),
    ("squared_loss", loss_no_empty_check, "raise ValueError"),
    ("loss_slope", slope_without_2, "factor 2"),
    ("loss_slope", slope_sum, "m times too large"),
    ("loss_slope", slope_flipped, "sign is flipped"),
    ("loss_slope", slope_forward, "forward difference"),
    ("loss_slope", slope_formula_no_empty_check, "raise ValueError"),
    ("grid_search", grid_position, "position"),
    ("grid_search", grid_smallest_loss, "smallest loss"),
    ("grid_search", grid_largest, "largest loss"),
    ("update_step", step_uphill, "goes uphill"),
    ("update_step", step_only, "return the new value"),
    ("update_step", step_without_alpha, "learning rate is missing"),
    ("fit", fit_divergent_is_converged, "diverged, never converged"),
    ("fit", fit_no_divergence_check, "steps grow has diverged"),
    ("fit", fit_never_stops, "does not stop"),
    ("fit", fit_diverged_late, "as soon as a step is larger"),
    ("fit", fit_always_converged, "needs more than max_steps"),
    ("fit", fit_sign_error, "check the sign of the update"),
    ("fit", fit_signed_comparison, "Compare sizes"),
    ("fit", fit_tolerance_on_slope, "not on the slope"),
    ("fit", fit_takes_refused_step, "without* taking the step"),
]


@pytest.mark.parametrize(("name", "wrong", "hint"), WRONG,
                         ids=[wrong.__name__ for _, wrong, _ in WRONG])
def test_known_mistake_fails_with_its_hint(name: str, wrong: Callable[..., Any],
                                           hint: str) -> None:
    with np.errstate(all="ignore"):
        result = getattr(found_w1, name)(wrong)
    assert not result.passed
    assert result.message.startswith("failed: ")
    assert "\nhint: " in result.message and hint in result.message.split("\nhint: ")[1], (
        result.message
    )


def test_unrecognised_mistake_gets_no_hint() -> None:
    def loss_cubed(x: Any, y: Any, a: float) -> float:
        x, y = _arrays(x, y)
        return float(np.mean(np.abs(a * x - y) ** 3))

    result = found_w1.squared_loss(loss_cubed)
    assert not result.passed and "hint" not in result.message


def test_hints_about_edges_need_a_function_right_on_plain_cases() -> None:
    # wrong everywhere (returns 0) and silent on empty data: not the empty-data hint
    def loss_zero(x: Any, y: Any, a: float) -> float:
        return 0.0

    result = found_w1.squared_loss(loss_zero)
    assert not result.passed and "hint" not in result.message

    # a fit that never converges on a plain run gets no divergence hint
    def fit_gives_up(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
                     max_steps: int = 10_000) -> tuple[float, int, str]:
        return a0, 0, "diverged"

    result = found_w1.fit(fit_gives_up)
    assert not result.passed and "hint" not in result.message


# ---------------------------------------------------------------------------
# What the graders accept, and edge cases
# ---------------------------------------------------------------------------


def test_exact_slope_formula_passes_as_well_as_the_central_difference() -> None:
    def loss_slope(x: Any, y: Any, a: float, h: float = 1e-5) -> float:
        x, y = _arrays(x, y)
        if len(x) == 0:
            raise ValueError("no data points")
        return float(2 * np.mean(x * (a * x - y)))

    assert found_w1.loss_slope(loss_slope).passed


@pytest.mark.parametrize("h", [1e-3, 1e-4, 1e-5, 1e-6])
def test_central_difference_passes_for_any_reasonable_h(h: float) -> None:
    def loss_slope(x: Any, y: Any, a: float) -> float:
        return float(REF.loss_slope(x, y, a, h))

    result = found_w1.loss_slope(loss_slope)
    assert result.passed, result.message


@pytest.mark.parametrize("h", [1e-4, 1e-6, 1e-8, 1e-9])
def test_forward_difference_fails_for_every_h(h: float) -> None:
    # too large an h: error about h * mean(x**2); too small: round-off, about 1e-16 * L / h
    def loss_slope(x: Any, y: Any, a: float) -> float:
        return slope_forward(x, y, a, h)

    result = found_w1.loss_slope(loss_slope)
    assert not result.passed and "forward difference" in result.message


def test_fit_accepts_a_step_count_one_off() -> None:
    def fit(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
            max_steps: int = 10_000) -> tuple[float, int, str]:
        a, steps, status = REF.fit(x, y, alpha, a0, tol, max_steps)
        return a, steps + 1 if status == "converged" else steps, status

    assert found_w1.fit(fit).passed


def test_fit_rejects_a_converged_a_that_is_not_near_the_minimum() -> None:
    def fit(x: Any, y: Any, alpha: float, a0: float = 0.0, tol: float = 1e-8,
            max_steps: int = 10_000) -> tuple[float, int, str]:
        a, steps, status = REF.fit(x, y, alpha, a0, tol, max_steps)
        return (a + 0.01 if status == "converged" else a), steps, status

    result = found_w1.fit(fit)
    assert not result.passed and "expected a ≈" in result.message


def test_every_fit_status_is_exercised() -> None:
    statuses = {found_w1._fit_reference(*case)[2] for case in found_w1._FIT_CASES}
    assert statuses == {"converged", "diverged", "not converged"}


def test_graders_use_the_documented_edge_cases() -> None:
    xs = [np.asarray(case[0], dtype=float) for case in found_w1._loss_cases(22)()]
    assert any(x.size == 0 for x in xs)                          # no data
    assert any(x.size == 1 for x in xs)                          # a single point
    assert any(x.size > 0 and not x.any() for x in xs)           # all-zero x
    assert any(x.size > 0 and x.min() >= 1000 for x in xs)       # badly scaled, large
    assert any(x.size > 0 and x.max() <= 0.01 for x in xs)       # badly scaled, small
    slopes = [float(np.asarray(x, dtype=float) @ np.asarray(y, dtype=float))
              for x, y, _ in found_w1._loss_cases(22)() if len(x)]
    assert min(slopes) < 0                                       # a negative slope


def test_reference_slope_agrees_with_numpy_gradient_and_least_squares() -> None:
    rng = np.random.default_rng(5)
    x = rng.uniform(-3, 3, 9)
    y = 1.7 * x + rng.normal(0, 0.3, 9)
    grid = np.linspace(-1, 4, 5001)
    losses = np.array([found_w1._loss(x, y, a) for a in grid])
    numeric = np.gradient(losses, grid)
    exact = np.array([found_w1._slope(x, y, a) for a in grid])
    assert np.allclose(numeric[1:-1], exact[1:-1], atol=1e-6)
    a_star = np.linalg.lstsq(x[:, None], y, rcond=None)[0][0]
    assert abs(found_w1._fit(x, y, 0.05, 0.0)[0] - a_star) < 1e-6
    assert abs(found_w1._grid(x, y, grid) - a_star) <= 0.0005 + 1e-12
