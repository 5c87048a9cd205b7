"""Tests of mathbook.check.found_w2: the graders of the Part 0, Week 2 lab.

The lab's reference solution passes every grader, unfinished stubs are "not done yet",
and each well-known wrong solution fails with the hint written for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from conftest import lab_reference

from mathbook import datasets, stats
from mathbook.check import found_w2

REF = lab_reference("foundations_week-2_lab.py")
GRADERS = found_w2.__all__


def _f(value: Any) -> np.ndarray:
    return np.asarray(value, dtype=float)


@pytest.mark.parametrize("name", GRADERS)
def test_reference_solution_passes(name: str) -> None:
    result = getattr(found_w2, name)(getattr(REF, name))
    assert result.passed, result.message
    assert result.message.startswith(f"passed: {name} matched the reference on")


@pytest.mark.parametrize("name", GRADERS)
def test_stub_is_not_done_yet(name: str) -> None:
    def stub(*args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    result = getattr(found_w2, name)(stub)
    assert not result.passed
    assert result.message == f"not done yet: {name} raises NotImplementedError"


# ---------------------------------------------------------------------------
# Known wrong solutions: each fails, with its own hint
# ---------------------------------------------------------------------------


def _columns(features: Any) -> np.ndarray:
    data = _f(features)
    return data.reshape(len(data), -1)


def design_no_ones(features: Any) -> np.ndarray:
    return _columns(features)


def design_ones_last(features: Any) -> np.ndarray:
    data = _columns(features)
    return np.column_stack([data, np.ones(len(data))])


def design_rows(features: Any) -> np.ndarray:
    data = _columns(features)
    return np.vstack([np.ones(len(data)), data.T])


def design_two_d_only(features: Any) -> np.ndarray:
    data = _f(features)
    return np.hstack([np.ones((data.shape[0], 1)), data])      # fails on shape (m,)


def design_on_lists(features: Any) -> np.ndarray:
    return np.column_stack([np.ones(features.shape[0]), features])


def predict_entrywise(X: Any, w: Any) -> np.ndarray:
    return _f(X) * _f(w)


def predict_sum(X: Any, w: Any) -> float:
    return float(np.sum(_f(X) @ _f(w)))


def predict_on_lists(X: Any, w: Any) -> Any:
    return X @ w


def _residual(X: Any, y: Any, w: Any) -> np.ndarray:
    return _f(y) - _f(X) @ _f(w)


def mse_sum(X: Any, y: Any, w: Any) -> float:
    r = _residual(X, y, w)
    return float(r @ r)


def mse_half(X: Any, y: Any, w: Any) -> float:
    r = _residual(X, y, w)
    return float(r @ r) / (2 * len(r))


def mse_by_columns(X: Any, y: Any, w: Any) -> float:
    r = _residual(X, y, w)
    return float(r @ r) / _f(X).shape[1]


def mse_root(X: Any, y: Any, w: Any) -> float:
    r = _residual(X, y, w)
    return math.sqrt(float(r @ r) / len(r))


def mse_norm_not_squared(X: Any, y: Any, w: Any) -> float:
    r = _residual(X, y, w)
    return float(np.linalg.norm(r)) / len(r)


def mse_absolute(X: Any, y: Any, w: Any) -> float:
    return float(np.mean(np.abs(_residual(X, y, w))))


def mse_no_empty_check(X: Any, y: Any, w: Any) -> float:
    with np.errstate(invalid="ignore"):
        r = _residual(X, y, w)
        return float(r @ r) / len(r) if len(r) else math.nan


def fit_inverse(X: Any, y: Any) -> np.ndarray:
    X, y = _f(X), _f(y)
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise ValueError("dependent columns")
    return np.linalg.inv(X.T @ X) @ (X.T @ y)


def fit_no_rank_check(X: Any, y: Any) -> np.ndarray:
    X, y = _f(X), _f(y)
    return np.linalg.solve(X.T @ X, X.T @ y)


def fit_drops_the_ones(X: Any, y: Any) -> np.ndarray:
    return np.linalg.lstsq(_f(X)[:, 1:], _f(y), rcond=None)[0]


def _plain_standardise(features: Any, ddof: int = 0) -> tuple[np.ndarray, ...]:
    data = _f(features)
    mean, std = data.mean(axis=0), data.std(axis=0, ddof=ddof)
    if np.any(std == 0):
        raise ValueError("constant feature")
    return (data - mean) / std, mean, std


def standardise_only_z(features: Any) -> np.ndarray:
    return _plain_standardise(features)[0]


def standardise_sample_std(features: Any) -> tuple[np.ndarray, ...]:
    return _plain_standardise(features, ddof=1)


def standardise_whole_array(features: Any) -> tuple[Any, ...]:
    data = _f(features)
    return (data - data.mean()) / data.std(), data.mean(), data.std()


def standardise_by_variance(features: Any) -> tuple[np.ndarray, ...]:
    data = _f(features)
    mean, var = data.mean(axis=0), data.var(axis=0)
    return (data - mean) / var, mean, var


def standardise_not_centred(features: Any) -> tuple[np.ndarray, ...]:
    Z, mean, std = _plain_standardise(features)
    return _f(features) / std, mean, std


def standardise_no_constant_check(features: Any) -> tuple[np.ndarray, ...]:
    data = _f(features)
    mean, std = data.mean(axis=0), data.std(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (data - mean) / std, mean, std


def unstandardise_intercept_unchanged(v: Any, mean: Any, std: Any) -> np.ndarray:
    v = _f(v)
    return np.r_[v[0], v[1:] / _f(std)]


def unstandardise_wrong_sign(v: Any, mean: Any, std: Any) -> np.ndarray:
    v = _f(v)
    slopes = v[1:] / _f(std)
    return np.r_[v[0] + slopes @ _f(mean), slopes]


def unstandardise_mean_not_scaled(v: Any, mean: Any, std: Any) -> np.ndarray:
    v = _f(v)
    return np.r_[v[0] - v[1:] @ _f(mean), v[1:] / _f(std)]


def unstandardise_multiplies(v: Any, mean: Any, std: Any) -> np.ndarray:
    v = _f(v)
    slopes = v[1:] * _f(std)
    return np.r_[v[0] - slopes @ _f(mean), slopes]


def _exact_gradient(X: Any, y: Any, w: Any) -> np.ndarray:
    X, y = _f(X), _f(y)
    return 2 / len(y) * X.T @ (X @ _f(w) - y)


def gradient_without_2(X: Any, y: Any, w: Any) -> np.ndarray:
    return _exact_gradient(X, y, w) / 2


def gradient_sum(X: Any, y: Any, w: Any) -> np.ndarray:
    return _exact_gradient(X, y, w) * len(_f(y))


def gradient_sum_without_2(X: Any, y: Any, w: Any) -> np.ndarray:
    return _exact_gradient(X, y, w) * len(_f(y)) / 2


def gradient_by_columns(X: Any, y: Any, w: Any) -> np.ndarray:
    X, y = _f(X), _f(y)
    return 2 / X.shape[1] * X.T @ (X @ _f(w) - y)


def gradient_flipped(X: Any, y: Any, w: Any) -> np.ndarray:
    return -_exact_gradient(X, y, w)


def gradient_column(X: Any, y: Any, w: Any) -> np.ndarray:
    X, y = _f(X), _f(y).reshape(-1, 1)                         # y as a column
    return 2 / len(y) * X.T @ (X @ _f(w).reshape(-1, 1) - y)


def gradient_on_lists(X: Any, y: Any, w: Any) -> np.ndarray:
    return 2 / len(y) * X.T @ (np.dot(X, w) - y)


def _descent(features: Any, y: Any, alpha: float, tol: float, max_steps: int, *,
             back: bool = True, standardise: bool = True, ones_too: bool = False,
             on_growth: str | None = "diverged", on_gradient: bool = False,
             take_refused: bool = False, no_2: bool = False, doubled: bool = False,
             ddof: int = 0) -> tuple[np.ndarray, int, str]:
    """The lab's run with one mistake switched on."""
    if standardise:
        Z, mean, std = _plain_standardise(features, ddof)
    else:
        Z = _f(features)
        mean, std = np.zeros(Z.shape[1]), np.ones(Z.shape[1])
    X = np.column_stack([np.ones(len(Z)), Z])
    if ones_too:                                                 # standardises all of X
        with np.errstate(invalid="ignore", divide="ignore"):
            X = (X - X.mean(axis=0)) / X.std(axis=0)

    def result(v: np.ndarray) -> np.ndarray:
        return REF.unstandardise(v, mean, std) if back else v

    v, previous = np.zeros(X.shape[1]), math.inf
    with np.errstate(all="ignore"):
        for steps in range(max_steps):
            grad = _exact_gradient(X, y, v) / (2 if no_2 else 1) * (2 if doubled else 1)
            step = alpha * grad
            size = float(np.linalg.norm(step))
            if on_growth is not None and (not math.isfinite(size) or size > previous):
                return result(v - step if take_refused else v), steps, on_growth
            v = v - step
            if not (np.linalg.norm(grad) if on_gradient else size) >= tol:
                return result(v), steps + 1, "converged"        # nan counts, by accident
            previous = size
    return result(v), max_steps, "not converged"


def _descent_variant(**mistake: Any) -> Callable[..., tuple[np.ndarray, int, str]]:
    def gradient_descent_fit(features: Any, y: Any, alpha: float, tol: float = 1e-8,
                             max_steps: int = 10_000) -> tuple[np.ndarray, int, str]:
        return _descent(features, y, alpha, tol, max_steps, **mistake)

    return gradient_descent_fit


def descent_always_converged(features: Any, y: Any, alpha: float, tol: float = 1e-8,
                             max_steps: int = 10_000) -> tuple[np.ndarray, int, str]:
    w, steps, status = REF.gradient_descent_fit(features, y, alpha, tol, max_steps)
    return w, steps, "converged" if status == "not converged" else status


WRONG: list[tuple[str, Callable[..., Any], str]] = [
    ("design_matrix", design_no_ones, "there is no column of ones"),
    ("design_matrix", design_ones_last, "the column of ones comes first"),
    ("design_matrix", design_rows, "one row per example"),
    ("design_matrix", design_two_d_only, "turn it into a column first"),
    ("design_matrix", design_on_lists, "Convert each one first"),
    ("predict", predict_entrywise, "X * w multiplies entry by entry"),
    ("predict", predict_sum, "not their sum"),
    ("predict", predict_on_lists, "Convert each one first"),
    ("mse", mse_sum, "m times too large"),
    ("mse", mse_half, "half the mean squared error"),
    ("mse", mse_by_columns, "number of columns of X"),
    ("mse", mse_root, "square root"),
    ("mse", mse_norm_not_squared, "squared length"),
    ("mse", mse_absolute, "mean absolute error"),
    ("mse", mse_no_empty_check, "raise ValueError"),
    ("normal_equations_fit", fit_inverse, "np.linalg.solve(X.T @ X, X.T @ y)"),
    ("normal_equations_fit", fit_no_rank_check, "np.linalg.matrix_rank(X) < X.shape[1]"),
    ("normal_equations_fit", fit_drops_the_ones, "without the intercept"),
    ("standardise", standardise_only_z, "the tuple (Z, mean, std)"),
    ("standardise", standardise_sample_std, "sample standard deviation"),
    ("standardise", standardise_whole_array, "use axis=0"),
    ("standardise", standardise_by_variance, "not the variance"),
    ("standardise", standardise_not_centred, "subtract the mean first"),
    ("standardise", standardise_no_constant_check, "standard deviation 0"),
    ("standardise", _plain_standardise, "np.any(np.ptp(features, axis=0) == 0)"),
    ("unstandardise", unstandardise_intercept_unchanged, "the intercept changes too"),
    ("unstandardise", unstandardise_wrong_sign, "the sign of the correction"),
    ("unstandardise", unstandardise_mean_not_scaled, "divide each v_j * mean_j by std_j"),
    ("unstandardise", unstandardise_multiplies, "do not multiply"),
    ("gradient", gradient_without_2, "half the gradient"),
    ("gradient", gradient_sum, "m times too large"),
    ("gradient", gradient_sum_without_2, "the 2 and the 1/m are both missing"),
    ("gradient", gradient_by_columns, "number of columns of X"),
    ("gradient", gradient_flipped, "the sign is flipped"),
    ("gradient", gradient_column, "flat vector of shape (n + 1,)"),
    ("gradient", gradient_on_lists, "Convert each one first"),
    ("gradient_descent_fit", _descent_variant(back=False), "on the standardised scale"),
    ("gradient_descent_fit", _descent_variant(ones_too=True), "standardise the column of ones"),
    ("gradient_descent_fit", _descent_variant(no_2=True), "is the 2 of the gradient missing"),
    ("gradient_descent_fit", _descent_variant(doubled=True), "is the gradient doubled"),
    ("gradient_descent_fit", _descent_variant(ddof=1), "sample standard deviation"),
    ("gradient_descent_fit", _descent_variant(on_growth=None), "diverged, never converged"),
    ("gradient_descent_fit", _descent_variant(on_growth="not converged"),
     "steps grow has diverged"),
    ("gradient_descent_fit", _descent_variant(standardise=False), "standardise the features"),
    ("gradient_descent_fit", _descent_variant(on_gradient=True), "not on the gradient"),
    ("gradient_descent_fit", descent_always_converged, "needs more than max_steps"),
    ("gradient_descent_fit", _descent_variant(take_refused=True), "without* taking the step"),
]


@pytest.mark.parametrize(("name", "wrong", "hint"), WRONG,
                         ids=[f"{name}-{hint[:30]}" for name, _, hint in WRONG])
def test_known_mistake_fails_with_its_hint(name: str, wrong: Callable[..., Any],
                                           hint: str) -> None:
    with np.errstate(all="ignore"):
        result = getattr(found_w2, name)(wrong)
    assert not result.passed
    assert result.message.startswith("failed: ")
    assert "\nhint: " in result.message and hint in result.message.split("\nhint: ")[1], (
        result.message
    )


def test_unrecognised_mistake_gets_no_hint() -> None:
    def mse_cubed(X: Any, y: Any, w: Any) -> float:
        return float(np.mean(np.abs(_residual(X, y, w)) ** 3))

    result = found_w2.mse(mse_cubed)
    assert not result.passed and "hint" not in result.message


def test_hints_about_edges_need_a_function_right_on_plain_cases() -> None:
    # wrong everywhere (returns zeros) and silent on dependent columns: not the rank hint
    def fit_zeros(X: Any, y: Any) -> np.ndarray:
        return np.zeros(_f(X).shape[1])

    result = found_w2.normal_equations_fit(fit_zeros)
    assert not result.passed and "hint" not in result.message

    # a descent that never converges on a plain run gets no divergence hint
    def descent_gives_up(features: Any, y: Any, alpha: float, tol: float = 1e-8,
                         max_steps: int = 10_000) -> tuple[np.ndarray, int, str]:
        return np.zeros(_f(features).shape[1] + 1), 0, "not converged"

    result = found_w2.gradient_descent_fit(descent_gives_up)
    assert not result.passed and "hint" not in result.message


# ---------------------------------------------------------------------------
# What the graders accept, and edge cases
# ---------------------------------------------------------------------------


def test_other_honest_solvers_pass_normal_equations_fit() -> None:
    def lstsq(X: Any, y: Any) -> np.ndarray:
        X = _f(X)
        if np.linalg.matrix_rank(X) < X.shape[1]:
            raise ValueError("dependent columns")
        return np.linalg.lstsq(X, _f(y), rcond=None)[0]

    def cholesky(X: Any, y: Any) -> np.ndarray:
        X = _f(X)
        if np.linalg.matrix_rank(X) < X.shape[1]:
            raise ValueError("dependent columns")
        L = np.linalg.cholesky(X.T @ X)
        return np.linalg.solve(L.T, np.linalg.solve(L, X.T @ _f(y)))

    for fit in (lstsq, cholesky):
        result = found_w2.normal_equations_fit(fit)
        assert result.passed, result.message


@pytest.mark.parametrize("wobble", [1e-4, 1e-5, 1e-6])
def test_the_residual_test_separates_solve_from_inverse_over_many_seeds(wobble: float) -> None:
    # the detector behind "solve, do not invert": checked on 300 draws per wobble
    worst_solver, best_inverse = 0.0, math.inf
    for seed in range(300):
        X, y = found_w2._nearly_dependent(seed, wobble)
        A, b = X.T @ X, X.T @ y
        for w in (np.linalg.solve(A, b), np.linalg.lstsq(X, y, rcond=None)[0]):
            worst_solver = max(worst_solver, found_w2.normal_equations_residual(X, y, w))
        inverse = np.linalg.inv(A) @ b
        best_inverse = min(best_inverse, found_w2.normal_equations_residual(X, y, inverse))
    assert worst_solver < found_w2.NORMAL_EQUATIONS_RTOL / 10
    assert best_inverse > found_w2.NORMAL_EQUATIONS_RTOL


def test_descent_accepts_a_step_count_one_off() -> None:
    def gradient_descent_fit(features: Any, y: Any, alpha: float, tol: float = 1e-8,
                             max_steps: int = 10_000) -> tuple[np.ndarray, int, str]:
        w, steps, status = REF.gradient_descent_fit(features, y, alpha, tol, max_steps)
        return w, steps + 1 if status == "converged" else steps, status

    assert found_w2.gradient_descent_fit(gradient_descent_fit).passed


def test_descent_rejects_converged_weights_that_are_off() -> None:
    def gradient_descent_fit(features: Any, y: Any, alpha: float, tol: float = 1e-8,
                             max_steps: int = 10_000) -> tuple[np.ndarray, int, str]:
        w, steps, status = REF.gradient_descent_fit(features, y, alpha, tol, max_steps)
        return w + 1e-3, steps, status

    result = found_w2.gradient_descent_fit(gradient_descent_fit)
    assert not result.passed and "expected w =" in result.message


def test_every_descent_status_is_exercised() -> None:
    statuses = {found_w2._gradient_descent_fit(*case)[2] for case in found_w2._DESCENT_CASES}
    assert statuses == {"converged", "diverged", "not converged"}


def test_graders_use_the_documented_edge_cases() -> None:
    designs = [_f(case[0]) for case in found_w2._fit_cases()]
    shapes = {X.shape for X in designs}
    assert any(m == n for m, n in shapes)                                # m = n + 1 weights
    assert any(m == 1 for m, _ in shapes)                                # a single example
    assert any(n == 2 for _, n in shapes) and any(n >= 3 for _, n in shapes)
    assert any(np.ptp(X[:, 1:], axis=0).min() == 0 for X in designs)     # a constant feature
    assert any(X.shape[1] > 2 and np.array_equal(X[:, 1], X[:, 2]) for X in designs)
    assert any(np.abs(X).max() >= 1000 and np.abs(X[:, -1]).max() < 0.01 for X in designs)
    assert any(np.linalg.cond(X) > 1e5 for X in designs if X.shape[0] > X.shape[1])
    inputs = [case[0] for case in found_w2._fit_cases()] + [c[0] for c in found_w2._DESCENT_CASES]
    assert any(np.asarray(x).dtype.kind == "i" for x in inputs)          # integer arrays
    assert any(isinstance(x, list) for x in inputs)                      # lists
    assert any(len(case[1]) == 0 for case in found_w2._mse_cases())      # no examples


def test_reference_matches_numpy_and_scikit_learn_on_the_lab_data() -> None:
    sklearn = pytest.importorskip("sklearn")
    ds = datasets.diabetes()
    features = ds.data[:, [ds.feature_names.index(n) for n in ("bmi", "bp", "s5")]]
    X = REF.design_matrix(features)
    w_normal = REF.normal_equations_fit(X, ds.target)
    w_descent, _, status = REF.gradient_descent_fit(features, ds.target, 0.3)
    model = sklearn.linear_model.LinearRegression().fit(features, ds.target)
    w_sklearn = np.r_[model.intercept_, model.coef_]
    assert status == "converged"
    np.testing.assert_allclose(w_normal, np.linalg.lstsq(X, ds.target, rcond=None)[0], rtol=1e-9)
    np.testing.assert_allclose(w_normal, w_sklearn, rtol=1e-9)
    np.testing.assert_allclose(w_descent, w_sklearn, rtol=1e-6)
    Z, mean, std = REF.standardise(features)
    ours = stats.standardize_columns(features)
    np.testing.assert_allclose(Z, ours.z, atol=1e-12)
    np.testing.assert_allclose(std, ours.std, rtol=1e-12)


def test_the_labs_claims_about_its_features_hold() -> None:
    # the lab says: bmi and s5 go with y most strongly of the ten measurements; blood
    # pressure is in the tens to hundreds and varies by more than ten units; s5 sits
    # between 3 and 7 and varies by about half a unit
    ds = datasets.diabetes()
    strength = {name: abs(np.corrcoef(column, ds.target)[0, 1])
                for name, column in zip(ds.feature_names, ds.data.T, strict=True)}
    assert sorted(strength, key=strength.__getitem__)[-2:] == ["s5", "bmi"]
    bp, s5 = (ds.data[:, ds.feature_names.index(name)] for name in ("bp", "s5"))
    assert 10 <= bp.min() and bp.max() < 1000 and bp.std() > 10
    assert 3 < s5.min() and s5.max() < 7 and 0.45 < s5.std() < 0.55


def _standardise_by_sums(features: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    data = _f(features)
    mean = data.sum(axis=0) / len(data)
    std = np.sqrt(((data - mean) ** 2).sum(axis=0) / len(data))
    if np.any(np.isclose(std, 0)):
        raise ValueError("constant feature")
    return (data - mean) / std, mean, std


def _gradient_as_mean_of_examples(X: Any, y: Any, w: Any) -> np.ndarray:
    X = _f(X)
    r = X @ _f(w) - _f(y)
    return np.mean(2 * r[:, None] * X, axis=0)


def test_other_correct_arithmetic_passes() -> None:
    # sums instead of np.mean/np.std, the gradient as a mean of per-example gradients:
    # different round-off, same answers within the graders' tolerances
    def gradient_descent_fit(features: Any, y: Any, alpha: float, tol: float = 1e-8,
                             max_steps: int = 10_000) -> tuple[np.ndarray, int, str]:
        Z, mean, std = _standardise_by_sums(features)
        X = np.c_[np.ones(len(Z)), Z]
        v, previous = np.zeros(X.shape[1]), math.inf
        for steps in range(max_steps):
            step = alpha * _gradient_as_mean_of_examples(X, y, v)
            size = math.sqrt(float(step @ step))
            if not math.isfinite(size) or size > previous:
                return REF.unstandardise(v, mean, std), steps, "diverged"
            v = v - step
            if size < tol:
                return REF.unstandardise(v, mean, std), steps + 1, "converged"
            previous = size
        return REF.unstandardise(v, mean, std), max_steps, "not converged"

    for name, fn in (("standardise", _standardise_by_sums),
                     ("gradient", _gradient_as_mean_of_examples),
                     ("gradient_descent_fit", gradient_descent_fit)):
        with np.errstate(all="ignore"):
            result = getattr(found_w2, name)(fn)
        assert result.passed, result.message
