"""Tests of mathbook.check.linalg_w3: the graders of the Part 1, Week 3 lab.

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

from mathbook import datasets, linalg, nn
from mathbook.check import linalg_w3

REF = lab_reference("linear-algebra_week-3_lab.py")
GRADERS = linalg_w3.__all__


def _f(value: Any) -> np.ndarray:
    return np.array(value, dtype=float)


@pytest.mark.parametrize("name", GRADERS)
def test_reference_solution_passes(name: str) -> None:
    result = getattr(linalg_w3, name)(getattr(REF, name))
    assert result.passed, result.message
    assert result.message.startswith(f"passed: {name} matched the reference on")


@pytest.mark.parametrize("name", GRADERS)
def test_stub_is_not_done_yet(name: str) -> None:
    def stub(*args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    result = getattr(linalg_w3, name)(stub)
    assert not result.passed
    assert result.message == f"not done yet: {name} raises NotImplementedError"


# ---------------------------------------------------------------------------
# Known wrong solutions: each plants one mistake in the reference
# ---------------------------------------------------------------------------


def _cloud(points: Any) -> np.ndarray:
    P = _f(points)
    if P.ndim != 2 or P.shape[0] != 2:
        raise ValueError("not a (2, n) cloud")
    return P


def transform_row_vectors(A: Any, points: Any) -> np.ndarray:
    return (_cloud(points).T @ _f(A)).T                       # x @ A: A.T applied


def transform_returns_rows(A: Any, points: Any) -> np.ndarray:
    return _cloud(points).T @ _f(A).T                         # (n, 2) result


def transform_points_as_rows(A: Any, points: Any) -> np.ndarray:
    return _f(points) @ _f(A).T                               # expects (n, 2)


def transform_turns_round(A: Any, points: Any) -> np.ndarray:
    P = _f(points)
    if P.ndim == 2 and P.shape[1] == 2 and P.shape[0] != 2:
        P = P.T                                               # "helpfully" accepts (n, 2)
    return _f(A) @ P


def transform_accepts_flat(A: Any, points: Any) -> np.ndarray:
    P = _f(points)
    if P.shape[0] != 2:                                       # a flat [x, y] gets through
        raise ValueError("not a (2, n) cloud")
    return _f(A) @ P


def transform_into_input(A: Any, points: Any) -> np.ndarray:
    P = np.asarray(points)
    if P.ndim != 2 or P.shape[0] != 2:
        raise ValueError("not a (2, n) cloud")
    out = np.empty_like(P)                                    # keeps an integer dtype
    out[...] = _f(A) @ P
    return out


def transform_in_place(A: Any, points: Any) -> np.ndarray:
    P = np.asarray(points, dtype=float)                       # no copy of a float array
    if P.ndim != 2 or P.shape[0] != 2:
        raise ValueError("not a (2, n) cloud")
    P[...] = _f(A) @ P
    return P


def images_as_rows(image_e1: Any, image_e2: Any) -> np.ndarray:
    return np.array([image_e1, image_e2], dtype=float)


def rotation_always_radians(theta: float, degrees: bool = False) -> np.ndarray:
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]])


def rotation_np_degrees(theta: float, degrees: bool = False) -> np.ndarray:
    return REF.rotation_matrix(np.degrees(theta) if degrees else theta)


def rotation_always_converts(theta: float, degrees: bool = False) -> np.ndarray:
    return REF.rotation_matrix(theta, degrees=True)


def rotation_degrees_by_default(theta: float, degrees: bool = True) -> np.ndarray:
    return REF.rotation_matrix(theta, degrees)


def rotation_clockwise(theta: float, degrees: bool = False) -> np.ndarray:
    return REF.rotation_matrix(theta, degrees).T


def compose_reading_order(first: Any, then: Any) -> np.ndarray:
    return _f(first) @ _f(then)


def compose_entrywise(first: Any, then: Any) -> np.ndarray:
    return _f(then) * _f(first)


def normalise_sample_std(X: Any) -> tuple[np.ndarray, ...]:
    Z, mean, _ = REF.normalise(X)
    std = _f(X).std(axis=1, ddof=1, keepdims=True)
    return (_f(X) - mean) / std, mean, std


def normalise_by_example(X: Any) -> tuple[np.ndarray, ...]:
    X = _f(X)
    mean, std = X.mean(axis=0, keepdims=True), X.std(axis=0, keepdims=True)
    return (X - mean) / std, mean, std


def normalise_whole_array(X: Any) -> tuple[Any, ...]:
    X = _f(X)
    return (X - X.mean()) / X.std(), X.mean(), X.std()


def normalise_flat_statistics(X: Any) -> tuple[np.ndarray, ...]:
    Z, mean, std = REF.normalise(X)
    return Z, mean.ravel(), std.ravel()


def normalise_std_is_zero(X: Any) -> tuple[np.ndarray, ...]:
    X = _f(X)
    if X.shape[1] == 0:
        raise ValueError("no examples")
    mean, std = X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True)
    if np.any(std == 0):
        raise ValueError("constant feature")
    return (X - mean) / std, mean, std


def normalise_no_constant_check(X: Any) -> tuple[np.ndarray, ...]:
    X = _f(X)
    if X.shape[1] == 0:
        raise ValueError("no examples")
    mean, std = X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True)
    with np.errstate(all="ignore"):
        return (X - mean) / std, mean, std


def normalise_no_empty_check(X: Any) -> tuple[np.ndarray, ...]:
    X = _f(X)
    if X.shape[1] and np.any(np.ptp(X, axis=1) == 0):
        raise ValueError("constant feature")
    with np.errstate(all="ignore"), np.testing.suppress_warnings() as sup:
        sup.filter(RuntimeWarning)
        mean, std = X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True)
        return (X - mean) / std, mean, std


def normalise_in_place(X: Any) -> tuple[np.ndarray, ...]:
    X = np.asarray(X)
    _, mean, std = REF.normalise(X)
    X -= mean.astype(X.dtype) if X.dtype.kind == "f" else mean   # int: UFuncTypeError
    X /= std
    return X, mean, std


def gradient_flipped(W: Any, b: Any, X: Any, Y: Any) -> tuple[np.ndarray, ...]:
    dW, db = REF.gradient(W, b, X, Y)
    return -dW, -db


def gradient_doubled(W: Any, b: Any, X: Any, Y: Any) -> tuple[np.ndarray, ...]:
    dW, db = REF.gradient(W, b, X, Y)
    return 2 * dW, 2 * db


def gradient_sum(W: Any, b: Any, X: Any, Y: Any) -> tuple[np.ndarray, ...]:
    m = _f(X).shape[1]
    dW, db = REF.gradient(W, b, X, Y)
    return m * dW, m * db


def gradient_by_features(W: Any, b: Any, X: Any, Y: Any) -> tuple[np.ndarray, ...]:
    n_x, m = _f(X).shape
    dW, db = REF.gradient(W, b, X, Y)
    return m / n_x * dW, m / n_x * db


def gradient_transposed(W: Any, b: Any, X: Any, Y: Any) -> tuple[np.ndarray, ...]:
    dW, db = REF.gradient(W, b, X, Y)
    return dW.T, db


def gradient_scalar_db(W: Any, b: Any, X: Any, Y: Any) -> tuple[Any, ...]:
    dW, db = REF.gradient(W, b, X, Y)
    return dW, float(db[0, 0])


def train_random_start(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    rng = np.random.default_rng(0)
    W, b = rng.normal(size=(1, _f(X).shape[0])), np.zeros((1, 1))
    for _ in range(n_steps):
        dW, db = REF.gradient(W, b, X, Y)
        W, b = W - learning_rate * dW, b - learning_rate * db
    return W, b


def train_one_more(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    return REF.train(X, Y, learning_rate, n_steps + 1)


def train_ascends(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    return REF.train(X, Y, -learning_rate, n_steps)


def train_doubled_gradient(X: Any, Y: Any, learning_rate: float,
                           n_steps: int) -> tuple[Any, ...]:
    return REF.train(X, Y, 2 * learning_rate, n_steps)


def train_b_after_w(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    W, b = np.zeros((1, _f(X).shape[0])), np.zeros((1, 1))
    for _ in range(n_steps):
        W = W - learning_rate * REF.gradient(W, b, X, Y)[0]
        b = b - learning_rate * REF.gradient(W, b, X, Y)[1]
    return W, b


def train_normalises(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    return REF.train(REF.normalise(X)[0], Y, learning_rate, n_steps)


def train_flat(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    W, b = REF.train(X, Y, learning_rate, n_steps)
    return W.ravel(), b.ravel()


def train_scalar_b(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    W, b = REF.train(X, Y, learning_rate, n_steps)
    return W, float(b[0, 0])


def train_flat_w(X: Any, Y: Any, learning_rate: float, n_steps: int) -> tuple[Any, ...]:
    W, b = REF.train(X, Y, learning_rate, n_steps)
    return W.ravel(), b


def predict_normalised(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
                       y_std: Any) -> np.ndarray:
    return REF.predict(W, b, X, x_mean, x_std, 0.0, 1.0)


def predict_shift_then_scale(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
                             y_std: Any) -> np.ndarray:
    return (REF.predict(W, b, X, x_mean, x_std, 0.0, 1.0) + y_mean) * y_std


def predict_forgets_std(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
                        y_std: Any) -> np.ndarray:
    return REF.predict(W, b, X, x_mean, x_std, 0.0, 1.0) + y_mean


def predict_divides_by_std(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
                           y_std: Any) -> np.ndarray:
    return REF.predict(W, b, X, x_mean, x_std, 0.0, 1.0) / y_std + y_mean


def predict_normalises_again(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
                             y_std: Any) -> np.ndarray:
    return (REF.predict(W, b, X, x_mean, x_std, 0.0, 1.0) - y_mean) / y_std


def predict_own_statistics(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
                           y_std: Any) -> np.ndarray:
    X = _f(X)
    with np.errstate(all="ignore"), np.testing.suppress_warnings() as sup:
        sup.filter(RuntimeWarning)
        own_mean, own_std = X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True)
        return REF.predict(W, b, X, own_mean, own_std, y_mean, y_std)


def predict_raw_features(W: Any, b: Any, X: Any, x_mean: Any, x_std: Any, y_mean: Any,
                         y_std: Any) -> np.ndarray:
    return REF.predict(W, b, X, 0.0, 1.0, y_mean, y_std)


WRONG: list[tuple[str, Callable[..., Any], str]] = [
    ("transform", transform_row_vectors, "applies the transpose of A"),
    ("transform", transform_returns_rows, "return one point per column"),
    ("transform", transform_points_as_rows, "reads points as rows"),
    ("transform", transform_turns_round, "must raise ValueError"),
    ("transform", transform_accepts_flat, "a flat [x, y]"),
    ("transform", transform_into_input, "lost its fractions"),
    ("matrix_from_images", images_as_rows, "its COLUMNS"),
    ("rotation_matrix", rotation_always_radians, "np.cos and np.sin take radians"),
    ("rotation_matrix", rotation_np_degrees, "np.degrees turns radians into degrees"),
    ("rotation_matrix", rotation_always_converts, "convert it only when degrees is true"),
    ("rotation_matrix", rotation_clockwise, "turns clockwise"),
    ("rotation_matrix", rotation_degrees_by_default, "the default must be degrees=False"),
    ("compose", compose_reading_order, "the order is reversed"),
    ("compose", compose_entrywise, "entry by entry"),
    ("normalise", normalise_sample_std, "sample standard deviation"),
    ("normalise", normalise_by_example, "a feature is a ROW"),
    ("normalise", normalise_whole_array, "one mean and one std for the whole array"),
    ("normalise", normalise_flat_statistics, "columns of shape (n_x, 1)"),
    ("normalise", normalise_std_is_zero, "not std == 0"),
    ("normalise", normalise_no_constant_check, "raise ValueError when a row is constant"),
    ("normalise", normalise_no_empty_check, "with no examples"),
    ("normalise", normalise_in_place, "integer input fails"),
    ("gradient", gradient_flipped, "the sign is flipped"),
    ("gradient", gradient_doubled, "twice the gradient"),
    ("gradient", gradient_sum, "m times too large"),
    ("gradient", gradient_by_features, "divided by the number of features"),
    ("gradient", gradient_transposed, "dW has the shape of W"),
    ("gradient", gradient_scalar_db, "db must have the shape of b"),
    ("train", train_random_start, "initialise with"),
    ("train", train_one_more, "one step too many or too few"),
    ("train", train_ascends, "descend"),
    ("train", train_doubled_gradient, "is your gradient right"),
    ("train", train_b_after_w, "computed after W had already moved"),
    ("train", train_normalises, "train normalises its input"),
    ("train", train_flat, "W must have shape (1, n_x)"),
    ("train", train_scalar_b, "W must have shape (1, n_x)"),
    ("train", train_flat_w, "W must have shape (1, n_x)"),
    ("predict", predict_normalised, "still on the normalised scale"),
    ("predict", predict_shift_then_scale, "reverse order"),
    ("predict", predict_own_statistics, "TRAINING mean and std"),
    ("predict", predict_forgets_std, "forgot to multiply by y_std"),
    ("predict", predict_divides_by_std, "you divided by y_std"),
    ("predict", predict_normalises_again, "normalised a second time"),
    ("predict", predict_raw_features, "normalise X first"),
]


@pytest.mark.parametrize(("name", "wrong", "hint"), WRONG,
                         ids=[f"{name}-{wrong.__name__}" for name, wrong, _ in WRONG])
def test_known_mistake_fails_with_its_hint(name: str, wrong: Callable[..., Any],
                                           hint: str) -> None:
    with np.errstate(all="ignore"):
        result = getattr(linalg_w3, name)(wrong)
    assert not result.passed
    assert result.message.startswith("failed: ")
    assert "\nhint: " in result.message and hint in result.message.split("\nhint: ")[1], (
        result.message
    )


def test_changing_the_input_in_place_fails() -> None:
    result = linalg_w3.transform(transform_in_place)
    assert not result.passed and "changed" in result.message and "in place" in result.message


def test_unrecognised_mistake_gets_no_hint() -> None:
    def compose_sum(first: Any, then: Any) -> np.ndarray:
        return _f(first) + _f(then)

    result = linalg_w3.compose(compose_sum)
    assert not result.passed and "hint" not in result.message


def test_hints_about_edges_need_a_function_right_on_plain_cases() -> None:
    # wrong everywhere and silent on a constant row: not the constant-row hint
    def normalise_zeros(X: Any) -> tuple[np.ndarray, ...]:
        X = _f(X)
        return np.zeros_like(X), np.zeros((len(X), 1)), np.ones((len(X), 1))

    result = linalg_w3.normalise(normalise_zeros)
    assert not result.passed and "hint" not in result.message

    # (n, 2) accepted but wrong on (2, n) as well: not the "must raise" hint
    def transform_doubles(A: Any, points: Any) -> np.ndarray:
        return 2 * _f(points)

    result = linalg_w3.transform(transform_doubles)
    assert not result.passed and "hint" not in result.message


# ---------------------------------------------------------------------------
# What the graders accept, the cases they use, and the lab's claims
# ---------------------------------------------------------------------------


def test_other_correct_solutions_pass() -> None:
    def transform(A: Any, points: Any) -> np.ndarray:          # via row vectors, done right
        P = _cloud(points)
        return (P.T @ _f(A).T).T

    def rotation_matrix(theta: float, degrees: bool = False) -> np.ndarray:
        return linalg.rotation(theta, degrees=degrees)

    def gradient(W: Any, b: Any, X: Any, Y: Any) -> tuple[np.ndarray, ...]:   # a loop
        W, b, X, Y = _f(W), _f(b), _f(X), _f(Y)
        dW, db = np.zeros_like(W), np.zeros_like(b)
        for i in range(X.shape[1]):
            error = float(W[0] @ X[:, i] + b[0, 0] - Y[0, i])
            dW += error * X[:, i] / X.shape[1]
            db += error / X.shape[1]
        return dW, db

    for name, fn in (("transform", transform), ("rotation_matrix", rotation_matrix),
                     ("gradient", gradient)):
        result = getattr(linalg_w3, name)(fn)
        assert result.passed, result.message


def test_graders_use_the_documented_edge_cases() -> None:
    clouds = [np.asarray(case[1]) for case in linalg_w3._transform_cases()]
    assert any(c.shape == (2, 2) for c in clouds)                      # ambiguous shape
    assert any(c.shape == (2, 0) for c in clouds)                      # no points
    assert any(c.ndim == 2 and c.shape[1] == 2 and c.shape[0] != 2 for c in clouds)
    assert any(c.dtype.kind == "i" for c in clouds)
    rotations = linalg_w3._rotation_cases()
    assert any(len(c) == 2 and c[1] for c in rotations)                # degrees
    assert any(len(c) == 1 or not c[1] for c in rotations)             # radians
    pairs = [(np.asarray(a), np.asarray(b)) for a, b in linalg_w3._compose_cases()]
    assert any(a.shape[0] != a.shape[1] for a, _ in pairs)             # not square
    assert any(not np.allclose(b @ a, a @ b) for a, b in pairs if a.shape == b.shape)
    data = [np.asarray(case[0], dtype=float) for case in linalg_w3._normalise_cases()]
    assert any(x.shape[1] == 0 for x in data)                          # no examples
    assert any(x.size and np.ptp(x, axis=1).min() == 0 for x in data)  # a constant row
    assert any(x.shape[0] > x.shape[1] > 0 for x in data)              # n_x > m
    X_new = [np.asarray(case[2]) for case in linalg_w3._predict_cases()]
    assert any(x.shape[1] == 1 for x in X_new) and any(x.shape[1] == 0 for x in X_new)


def _diabetes() -> tuple[np.ndarray, np.ndarray]:
    ds = datasets.diabetes()
    columns = [ds.feature_names.index(name) for name in ("bmi", "s5")]
    return ds.data[:, columns].T, ds.target[None, :]


def test_the_perceptron_of_the_lab_matches_least_squares_and_scikit_learn() -> None:
    # the lab's run: 350 training patients, normalise, train, de-normalise the weights
    sklearn = pytest.importorskip("sklearn.linear_model")
    X, Y = _diabetes()
    X_train, Y_train = X[:, :350], Y[:, :350]
    Z, x_mean, x_std = REF.normalise(X_train)
    Y_n, y_mean, y_std = REF.normalise(Y_train)
    W, b = REF.train(Z, Y_n, 0.5, 200)
    assert nn.squared_loss(W @ Z + b, Y_n) < nn.squared_loss(np.zeros_like(Y_n), Y_n)
    w = (y_std * W / x_std.T).ravel()
    w0 = float(y_mean[0, 0] + y_std[0, 0] * b[0, 0] - w @ x_mean.ravel())
    design = np.column_stack([np.ones(350), X_train.T])
    closed = np.linalg.lstsq(design, Y_train.ravel(), rcond=None)[0]
    model = sklearn.LinearRegression().fit(X_train.T, Y_train.ravel())
    np.testing.assert_allclose(np.r_[w0, w], closed, rtol=1e-6)
    np.testing.assert_allclose(closed, np.r_[model.intercept_, model.coef_], rtol=1e-9)
    Y_test = REF.predict(W, b, X[:, 350:], x_mean, x_std, y_mean, y_std)
    np.testing.assert_allclose(Y_test.ravel(), model.predict(X[:, 350:].T), rtol=1e-6)


def test_reference_transformations_agree_with_the_library() -> None:
    house = datasets.point_cloud_picture().data
    theta = math.radians(30)
    np.testing.assert_allclose(REF.rotation_matrix(30, degrees=True), linalg.rotation(theta),
                               atol=1e-15)
    shear = REF.matrix_from_images([1, 0], [1.5, 1])
    np.testing.assert_array_equal(shear, linalg.shear(kx=1.5))
    both = REF.compose(shear, linalg.rotation(theta))
    np.testing.assert_allclose(REF.transform(both, house),
                               linalg.rotation(theta) @ (linalg.shear(kx=1.5) @ house))
