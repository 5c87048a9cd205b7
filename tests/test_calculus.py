"""Tests of mathbook.calculus against analytic derivatives and SciPy."""

from __future__ import annotations

import dataclasses
import math
import warnings

import numpy as np
import pytest
import scipy.differentiate
import scipy.optimize
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook import calculus
from mathbook.calculus import autodiff as ad

SETTINGS = settings(max_examples=60, deadline=None)
floats = st.floats(-5, 5, allow_nan=False)


def symmetric_matrix(rng: np.random.Generator, n: int) -> np.ndarray:
    M = rng.uniform(-5, 5, (n, n))
    return (M + M.T) / 2


def spd_matrix(rng: np.random.Generator, n: int, low: float = 1.0, high: float = 10.0):
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return Q @ np.diag(rng.uniform(low, high, n)) @ Q.T


# =========================================================================== derivative

SMOOTH = [
    (np.sin, np.cos, lambda x: -np.sin(x)),
    (np.exp, np.exp, np.exp),
    (lambda x: x**3 - 2 * x, lambda x: 3 * x**2 - 2, lambda x: 6 * x),
    (lambda x: np.log1p(x**2), lambda x: 2 * x / (1 + x**2),
     lambda x: 2 * (1 - x**2) / (1 + x**2) ** 2),
]


@SETTINGS
@given(x=floats, which=st.integers(0, len(SMOOTH) - 1))
def test_derivative_matches_analytic(x, which):
    f, fprime, _ = SMOOTH[which]
    got = calculus.derivative(f, x)
    assert isinstance(got, float)
    scale = max(1.0, abs(f(x)), abs(fprime(x)))
    assert abs(got - fprime(x)) <= 1e-8 * scale


@SETTINGS
@given(x=floats, which=st.integers(0, len(SMOOTH) - 1))
def test_second_derivative_matches_analytic(x, which):
    f, _, f2 = SMOOTH[which]
    got = calculus.second_derivative(f, x)
    scale = max(1.0, abs(f(x)), abs(f2(x)))
    assert abs(got - f2(x)) <= 1e-5 * scale


@SETTINGS
@given(xs=st.lists(floats, min_size=1, max_size=20), which=st.integers(0, len(SMOOTH) - 1))
def test_derivative_of_array_matches_scipy(xs, which):
    f = SMOOTH[which][0]
    x = np.array(xs)
    got = calculus.derivative(f, x)
    reference = scipy.differentiate.derivative(f, x).df
    assert got.shape == x.shape
    np.testing.assert_allclose(got, reference, rtol=1e-7, atol=1e-7)


def test_derivative_keeps_shape_of_2d_input_and_does_not_mutate():
    x = np.array([[0.0, 1.0], [2.0, 3.0]])
    before = x.copy()
    got = calculus.derivative(np.sin, x)
    assert got.shape == (2, 2)
    np.testing.assert_allclose(got, np.cos(x), rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(x, before)
    np.testing.assert_allclose(calculus.second_derivative(np.sin, x), -np.sin(x), atol=1e-6)
    np.testing.assert_array_equal(x, before)


def test_integer_input_gives_the_same_answer_as_float():
    assert calculus.derivative(lambda t: t**2, 3) == calculus.derivative(lambda t: t**2, 3.0)
    np.testing.assert_array_equal(
        calculus.derivative(np.exp, [1, 2]), calculus.derivative(np.exp, [1.0, 2.0])
    )
    np.testing.assert_array_equal(
        calculus.gradient(np.sum, [1, 2]), calculus.gradient(np.sum, [1.0, 2.0])
    )


def test_derivative_with_explicit_step():
    # the central difference of x^3 is exactly 3x^2 + h^2 (derived by expanding)
    x, h = 2.0, 0.5
    assert calculus.derivative(lambda t: t**3, x, h=h) == pytest.approx(3 * x**2 + h**2)
    # the second difference of x^4 is 12x^2 + 2h^2
    assert calculus.second_derivative(lambda t: t**4, x, h=h) == pytest.approx(
        12 * x**2 + 2 * h**2
    )


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: calculus.derivative("sin", 1.0), "f must be a callable"),
        (lambda: calculus.derivative(np.sin, float("nan")), "x must contain only finite"),
        (lambda: calculus.derivative(np.sin, []), "x must not be empty"),
        (lambda: calculus.derivative(np.sin, "1"), "x must be numeric"),
        (lambda: calculus.derivative(np.sin, 1.0, h=0.0), "h must be positive"),
        (lambda: calculus.derivative(np.sin, 1.0, h=-1e-3), "h must be positive"),
        (lambda: calculus.derivative(np.sin, 1.0, h=float("inf")), "h must be finite"),
        (lambda: calculus.derivative(np.sin, 1e20, h=1e-10), "h is too small"),
        (lambda: calculus.derivative(math.sin, [1.0, 2.0]), "vectorised"),
        (lambda: calculus.derivative(lambda t: 1.0, [1.0, 2.0]), "vectorised"),
        (lambda: calculus.derivative(lambda t: [t, t], 1.0), "single number"),
        (lambda: calculus.derivative(lambda t: 1j * t, 1.0), "real numbers"),
        (lambda: calculus.derivative(lambda t: "a", 1.0), "f must return real"),
        (lambda: calculus.derivative(np.log, 0.0), r"not finite near x = 0\.0"),
        (lambda: calculus.derivative(np.log, [1.0, -2.0]), r"x = -2\.0 \(x index 1\)"),
        (lambda: calculus.second_derivative(np.sqrt, -1.0), "not finite near x = -1.0"),
        (lambda: calculus.second_derivative(np.sin, 1.0, h=0), "h must be positive"),
    ],
)
def test_derivative_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_non_finite_f_raises_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="x = "):
            calculus.derivative(np.log, np.array([-1.0]))


# =========================================================================== gradient, Hessian


@SETTINGS
@given(n=st.integers(1, 5), seed=st.integers(0, 2**32 - 1))
def test_gradient_and_hessian_of_random_quadratic(n, seed):
    rng = np.random.default_rng(seed)
    A = symmetric_matrix(rng, n)
    b = rng.uniform(-5, 5, n)
    c = rng.uniform(-5, 5)
    x = rng.uniform(-3, 3, n)

    def f(v):
        return 0.5 * v @ A @ v + b @ v + c

    scale = 1 + np.abs(A).sum() * 9 + np.abs(b).sum() * 3 + abs(c)  # bounds |f| near x
    np.testing.assert_allclose(calculus.gradient(f, x), A @ x + b, rtol=0, atol=1e-9 * scale)
    H = calculus.hessian(f, x)
    assert H.shape == (n, n)
    np.testing.assert_array_equal(H, H.T)
    np.testing.assert_allclose(H, A, rtol=0, atol=1e-6 * scale)


@SETTINGS
@given(n=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def test_gradient_and_hessian_of_smooth_function(n, seed):
    rng = np.random.default_rng(seed)
    a = rng.uniform(-0.5, 0.5, n)
    x = rng.uniform(-2, 2, n)

    def f(v):
        return np.exp(a @ v) + np.sum(np.sin(v))

    expected_grad = np.exp(a @ x) * a + np.cos(x)
    expected_hess = np.exp(a @ x) * np.outer(a, a) - np.diag(np.sin(x))
    np.testing.assert_allclose(calculus.gradient(f, x), expected_grad, rtol=1e-8, atol=1e-8)
    np.testing.assert_allclose(calculus.hessian(f, x), expected_hess, rtol=1e-5, atol=1e-5)


@SETTINGS
@given(x=st.lists(st.floats(-2, 2), min_size=2, max_size=2))
def test_gradient_and_hessian_match_scipy(x):
    def f(v):  # works on shape (2,) and on SciPy's batched shape (2, ...)
        return np.sin(v[0]) * np.exp(v[1]) + v[0] ** 2 * v[1]

    point = np.array(x)
    np.testing.assert_allclose(
        calculus.gradient(f, point), scipy.differentiate.jacobian(f, point).df,
        rtol=1e-7, atol=1e-7,
    )
    np.testing.assert_allclose(
        calculus.hessian(f, point), scipy.differentiate.hessian(f, point).ddf,
        rtol=1e-5, atol=1e-5,
    )


def test_gradient_does_not_mutate_x():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    calculus.gradient(np.sum, x)
    calculus.hessian(np.sum, x)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: calculus.gradient(None, [1.0]), "f must be a callable"),
        (lambda: calculus.gradient(np.sum, [[1.0, 2.0]]), "x must be a 1-D"),
        (lambda: calculus.gradient(np.sum, 1.0), "x must be a 1-D"),
        (lambda: calculus.gradient(np.sum, [1.0, np.inf]), "x must contain only finite"),
        (lambda: calculus.gradient(lambda v: v, [1.0, 2.0]), "single number"),
        (lambda: calculus.gradient(lambda v: np.log(v).sum(), [1.0, -1.0]), "not finite near x"),
        (lambda: calculus.gradient(np.sum, [1.0], h=0), "h must be positive"),
        (lambda: calculus.hessian(lambda v: v, [1.0, 2.0]), "single number"),
        (lambda: calculus.hessian(np.sum, [[1.0]]), "x must be a 1-D"),
        (lambda: calculus.hessian(lambda v: np.log(v[0]), [0.0]), "not finite near x"),
    ],
)
def test_gradient_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# =========================================================================== secant, tangent


@SETTINGS
@given(x=floats, h=st.floats(0.01, 3) | st.floats(-3, -0.01))
def test_secant_slope_of_parabola(x, h):
    # ((x + h)^2 - x^2) / h = 2x + h
    got = calculus.secant_slope(lambda t: t**2, x, h)
    assert isinstance(got, float)
    assert got == pytest.approx(2 * x + h, rel=1e-9, abs=1e-9)


def test_secant_slopes_approach_the_derivative():
    hs = np.array([1.0, 0.1, 0.01, 0.001])
    slopes = calculus.secant_slope(np.exp, 0.0, hs)
    errors = np.abs(slopes - 1.0)
    assert slopes.shape == (4,)
    assert np.all(np.diff(errors) < 0)  # each smaller h is closer
    np.testing.assert_allclose(slopes, np.expm1(hs) / hs, rtol=1e-9)


@SETTINGS
@given(x0=floats)
def test_tangent_line_of_sine(x0):
    slope, intercept = calculus.tangent_line(math.sin, x0)
    assert slope == pytest.approx(math.cos(x0), abs=1e-9)
    assert intercept == pytest.approx(math.sin(x0) - x0 * math.cos(x0), abs=1e-8)


def test_tangent_line_is_a_named_tuple():
    line = calculus.tangent_line(lambda t: t**2, 3.0)
    assert line.slope == pytest.approx(6.0)
    assert line.intercept == pytest.approx(-9.0)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: calculus.secant_slope(np.sin, 1.0, 0.0), "h must be non-zero"),
        (lambda: calculus.secant_slope(np.sin, 1.0, [0.1, 0.0]), "h must be non-zero"),
        (lambda: calculus.secant_slope(np.sin, [1.0, 2.0], [0.1, 0.2, 0.3]), "broadcastable"),
        (lambda: calculus.secant_slope(np.sin, 1e20, 1e-10), "too small"),
        (lambda: calculus.secant_slope(np.sin, 1.0, np.nan), "h must contain only finite"),
        (lambda: calculus.secant_slope(1, 1.0, 0.1), "f must be a callable"),
        (lambda: calculus.tangent_line(np.sin, [1.0, 2.0]), "x must be a real number"),
        (lambda: calculus.tangent_line(np.log, -1.0), "not finite near x = -1.0"),
    ],
)
def test_secant_and_tangent_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# =========================================================================== gradient descent


@SETTINGS
@given(
    a=st.floats(0.1, 5), c=floats, x0=floats, ratio=st.floats(-0.9, 0.9),
)
def test_gradient_descent_1d_follows_the_closed_form(a, c, x0, ratio):
    # f(x) = a (x - c)^2: x_k - c = (1 - 2 a alpha)^k (x0 - c); choose alpha for that ratio
    alpha = (1 - ratio) / (2 * a)
    result = calculus.gradient_descent(lambda x: 2 * a * (x - c), x0, alpha, 5000)
    k = np.arange(result.path.size)
    expected = c + (1 - 2 * a * alpha) ** k * (x0 - c)
    np.testing.assert_allclose(result.path, expected, rtol=1e-9, atol=1e-9)
    assert result.success
    assert isinstance(result.x, float)
    assert result.x == result.path[-1]
    assert result.nit == result.path.size - 1
    assert result.x == pytest.approx(c, abs=1e-6)
    # it stopped at the first step below tol * max(1, |x|)
    steps = np.abs(alpha * (2 * a * (result.path[:-1] - c)))  # the steps it took
    thresholds = 1e-8 * np.maximum(1, np.abs(result.path[1:]))
    assert steps[-1] < thresholds[-1]
    assert np.all(steps[:-1] >= thresholds[:-1])


@SETTINGS
@given(n=st.integers(1, 5), seed=st.integers(0, 2**32 - 1))
def test_gradient_descent_nd_reaches_the_least_squares_solution(n, seed):
    rng = np.random.default_rng(seed)
    A = spd_matrix(rng, n)
    b = rng.uniform(-5, 5, n)
    alpha = 1 / np.linalg.eigvalsh(A).max()
    x0 = rng.uniform(-5, 5, n)
    result = calculus.gradient_descent(lambda x: A @ x - b, x0, alpha, 10_000, tol=1e-12)
    assert result.success
    assert result.path.shape == (result.nit + 1, n)
    np.testing.assert_array_equal(result.path[0], x0)
    np.testing.assert_allclose(result.x, np.linalg.solve(A, b), atol=1e-9)


def test_gradient_descent_divergence_is_reported_not_converged():
    # f(x) = x^2 with alpha = 1.5: x_k = (-2)^k, which overflows after about 1024 steps
    result = calculus.gradient_descent(lambda x: 2 * x, 1.0, 1.5, num_iterations=5000)
    assert not result.success
    assert "diverged" in result.message
    assert np.all(np.isfinite(result.path))
    assert result.nit == result.path.size - 1 < 5000
    np.testing.assert_array_equal(result.path[:5], [1.0, -2.0, 4.0, -8.0, 16.0])


def test_gradient_descent_divergence_by_overflow_in_grad():
    result = calculus.gradient_descent(lambda x: 4 * x**3, 10.0, 1.0, 100)
    assert not result.success and "diverged" in result.message


def test_gradient_descent_stops_after_num_iterations():
    result = calculus.gradient_descent(lambda x: 2 * x, [1.0, 2.0], 1e-4, num_iterations=7)
    assert not result.success
    assert result.nit == 7
    assert result.path.shape == (8, 2)
    assert "num_iterations=7" in result.message


def test_gradient_descent_does_not_mutate_and_accepts_ints():
    x0 = np.array([3, 4])
    before = x0.copy()

    def grad(x):
        g = 2 * x
        x[...] = 0  # even a grad that overwrites its argument cannot change the path
        return g

    r_int = calculus.gradient_descent(grad, x0, 0.25)
    r_float = calculus.gradient_descent(grad, x0.astype(float), 0.25)
    np.testing.assert_array_equal(x0, before)
    np.testing.assert_array_equal(r_int.path, r_float.path)


def test_optimize_result_is_frozen_with_a_short_repr():
    result = calculus.gradient_descent(lambda x: 2 * x, np.ones(50), 0.25)
    text = repr(result)
    assert "path=<array of shape" in text and "x=<array of shape (50,)>" in text
    assert len(text) < 400
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.success = False  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"grad": 3}, "grad must be a callable"),
        ({"learning_rate": 0}, "learning_rate must be positive"),
        ({"learning_rate": -0.1}, "learning_rate must be positive"),
        ({"learning_rate": float("nan")}, "learning_rate must be finite"),
        ({"num_iterations": 0}, "num_iterations must be at least 1"),
        ({"num_iterations": 2.5}, "num_iterations must be an integer"),
        ({"num_iterations": True}, "num_iterations must be an integer"),
        ({"tol": 0}, "tol must be positive"),
        ({"x0": [[1.0]]}, "x0 must be a number or a 1-D vector"),
        ({"x0": [1.0, np.nan]}, "x0 must contain only finite"),
        ({"grad": lambda x: 2.0}, r"grad must return an array of shape \(2,\)"),
        ({"grad": lambda x: np.ones(3)}, r"grad must return an array of shape \(2,\)"),
        ({"grad": lambda x: x * 1j}, "grad must return real"),
        ({"grad": lambda x: "up"}, "grad must return real"),
    ],
)
def test_gradient_descent_errors(kwargs, match):
    args = {"grad": lambda x: 2 * x, "x0": [1.0, 2.0], "learning_rate": 0.1} | kwargs
    with pytest.raises(ValueError, match=match):
        calculus.gradient_descent(**args)


def test_gradient_descent_scalar_grad_must_return_a_number():
    with pytest.raises(ValueError, match="grad must return a single number"):
        calculus.gradient_descent(lambda x: [x, x], 1.0, 0.1)


# =========================================================================== Newton


@SETTINGS
@given(b=st.floats(0.5, 5), x0=st.floats(-2, 2))
def test_newton_1d_minimises_exp_minus_linear(b, x0):
    # f(x) = e^x - b x: f' = e^x - b, f'' = e^x, minimum at ln b
    result = calculus.newton(lambda x: math.exp(x) - b, math.exp, x0)
    assert result.success
    assert result.x == pytest.approx(math.log(b), abs=1e-12)
    assert result.path.shape == (result.nit + 1,)


@SETTINGS
@given(n=st.integers(1, 5), seed=st.integers(0, 2**32 - 1))
def test_newton_solves_a_quadratic_in_one_step(n, seed):
    rng = np.random.default_rng(seed)
    A = spd_matrix(rng, n)
    b = rng.uniform(-5, 5, n)
    x0 = rng.uniform(-5, 5, n)
    result = calculus.newton(lambda x: A @ x - b, lambda x: A, x0)
    assert result.success and result.nit <= 3
    np.testing.assert_allclose(result.path[1], np.linalg.solve(A, b), atol=1e-9)


@SETTINGS
@given(n=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def test_newton_matches_scipy_minimize(n, seed):
    # f(x) = sum(exp(x)) + x^T A x / 2 - b^T x is strictly convex
    rng = np.random.default_rng(seed)
    A = spd_matrix(rng, n, 0.5, 3)
    b = rng.uniform(-3, 3, n)

    def f(x):
        return np.sum(np.exp(x)) + 0.5 * x @ A @ x - b @ x

    def grad(x):
        return np.exp(x) + A @ x - b

    def hess(x):
        return np.diag(np.exp(x)) + A

    result = calculus.newton(grad, hess, np.zeros(n))
    reference = scipy.optimize.minimize(
        f, np.zeros(n), jac=grad, hess=hess, method="trust-exact", options={"gtol": 1e-12}
    )
    assert result.success
    np.testing.assert_allclose(result.x, reference.x, atol=1e-8)
    assert np.linalg.norm(grad(result.x)) < 1e-9


def test_newton_on_rosenbrock_from_scipy():
    result = calculus.newton(scipy.optimize.rosen_der, scipy.optimize.rosen_hess, [-1.2, 1.0])
    assert result.success
    np.testing.assert_allclose(result.x, [1.0, 1.0], atol=1e-10)
    # Newton needs far fewer steps than gradient descent on the same valley
    gd = calculus.gradient_descent(scipy.optimize.rosen_der, [-1.2, 1.0], 1e-3, 2000)
    assert not gd.success and result.nit < 20


def test_newton_zero_second_derivative_raises_singular_hessian_error():
    # f(x) = x^3: f'' = 6x is 0 at x = 0
    with pytest.raises(calculus.SingularHessianError, match=r"x = 0\.0 \(iterate 0\)"):
        calculus.newton(lambda x: 3 * x**2, lambda x: 6 * x, 0.0)
    assert issubclass(calculus.SingularHessianError, ValueError)


def test_newton_singular_hessian_nd():
    # f(x, y) = (x + y)^2: H = [[2, 2], [2, 2]] has rank 1
    H = np.array([[2.0, 2.0], [2.0, 2.0]])
    with pytest.raises(calculus.SingularHessianError, match=r"rank 1 < 2.*x = \[1\.0, 2\.0\]"):
        calculus.newton(lambda v: H @ v, lambda v: H, [1.0, 2.0])


def test_newton_divergence_is_reported():
    # f(x) = 3/4 |x|^(4/3): f' = cbrt(x), f'' = 1 / (3 cbrt(x)^2), so x <- x - 3x = -2x
    result = calculus.newton(np.cbrt, lambda x: 1 / (3 * np.cbrt(x) ** 2), 1.0, 5000)
    assert not result.success and "diverged" in result.message
    np.testing.assert_allclose(result.path[:4], [1.0, -2.0, 4.0, -8.0])
    assert np.all(np.isfinite(result.path)) and result.nit < 5000


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"hess": "H"}, "hess must be a callable"),
        ({"hess": lambda x: np.eye(3)}, r"hess must return an array of shape \(2, 2\)"),
        ({"hess": lambda x: 1.0}, r"hess must return an array of shape \(2, 2\)"),
        ({"grad": lambda x: 0.0}, r"grad must return an array of shape \(2,\)"),
        ({"num_iterations": -1}, "num_iterations must be at least 1"),
        ({"tol": -1e-3}, "tol must be positive"),
        ({"x0": "0"}, "x0 must be numeric"),
    ],
)
def test_newton_errors(kwargs, match):
    args = {"grad": lambda x: x, "hess": lambda x: np.eye(2), "x0": [1.0, 2.0]} | kwargs
    with pytest.raises(ValueError, match=match):
        calculus.newton(**args)


# =========================================================================== Newton roots


@SETTINGS
@given(a=st.floats(0.1, 5), c=st.floats(0.1, 20))
def test_newton_root_of_cubic_matches_brentq(a, c):
    # x^3 + a x - c is increasing with one real root in (0, c / a]
    def f(x):
        return x**3 + a * x - c

    def fprime(x):
        return 3 * x**2 + a

    result = calculus.newton_root(f, fprime, max(1.0, c))
    reference = scipy.optimize.brentq(f, 0.0, c / a, xtol=1e-15)
    assert result.success
    assert result.x == pytest.approx(reference, abs=1e-11)
    same = scipy.optimize.newton(f, max(1.0, c), fprime, tol=1e-14)
    assert result.x == pytest.approx(same, abs=1e-11)


def test_newton_root_relative_stopping_rule_handles_large_roots():
    result = calculus.newton_root(lambda x: x * x - 1e12, lambda x: 2 * x, 2e6)
    assert result.success
    assert result.x == pytest.approx(1e6, rel=1e-15)


def test_newton_root_cycle_does_not_converge():
    # x^3 - 2x + 2 from 0: the iterates cycle 0, 1, 0, 1, ...
    result = calculus.newton_root(lambda x: x**3 - 2 * x + 2, lambda x: 3 * x**2 - 2, 0.0, 10)
    assert not result.success
    assert result.nit == 10
    np.testing.assert_array_equal(result.path[:4], [0.0, 1.0, 0.0, 1.0])


def test_newton_root_divergence_on_cube_root():
    # f = cbrt(x): the Newton step is x <- x - 3x = -2x, away from the root 0
    result = calculus.newton_root(np.cbrt, lambda x: 1 / (3 * np.cbrt(x) ** 2), 1.0, 5000)
    assert not result.success and "diverged" in result.message
    np.testing.assert_allclose(result.path[:4], [1.0, -2.0, 4.0, -8.0])


def test_newton_root_zero_derivative():
    with pytest.raises(ValueError, match=r"fprime\(x\) is zero at x = 0\.0"):
        calculus.newton_root(lambda x: x**2 + 1, lambda x: 2 * x, 0.0)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"f": None}, "f must be a callable"),
        ({"fprime": None}, "fprime must be a callable"),
        ({"x0": [1.0, 2.0]}, "x0 must be a real number"),
        ({"x0": float("inf")}, "x0 must be finite"),
        ({"fprime": lambda x: [1.0, 1.0]}, "fprime must return a single number"),
        ({"num_iterations": 0}, "num_iterations must be at least 1"),
    ],
)
def test_newton_root_errors(kwargs, match):
    args = {"f": lambda x: x - 1, "fprime": lambda x: 1.0, "x0": 0.0} | kwargs
    with pytest.raises(ValueError, match=match):
        calculus.newton_root(**args)


# =========================================================================== autodiff

AUTODIFF_CASES = [
    (lambda x: x**3 - 2 * x + 1, lambda x: 3 * x**2 - 2),
    (lambda x: ad.exp(ad.sin(x)), lambda x: math.cos(x) * math.exp(math.sin(x))),
    (lambda x: ad.log(1 + x**2), lambda x: 2 * x / (1 + x**2)),
    (lambda x: ad.sqrt(1 + x**2), lambda x: x / math.sqrt(1 + x**2)),
    (lambda x: (x**2 + 1) ** 0.5, lambda x: x / math.sqrt(1 + x**2)),
    (lambda x: ad.sigmoid(2 * x), lambda x: 2 / (4 * math.cosh(x) ** 2)),
    (lambda x: x / (1 + x**2), lambda x: (1 - x**2) / (1 + x**2) ** 2),
    (lambda x: ad.cos(x) * ad.exp(-x / 2),
     lambda x: -math.exp(-x / 2) * (math.sin(x) + math.cos(x) / 2)),
    (lambda x: 2**x, lambda x: 2**x * math.log(2)),
    (lambda x: 1 / (2 + ad.cos(x)), lambda x: math.sin(x) / (2 + math.cos(x)) ** 2),
    (lambda x: 3 * ad.tanh(x) - x, lambda x: 3 / math.cosh(x) ** 2 - 1),
    (lambda x: 5 - x, lambda x: -1.0),
    (lambda x: -(x**2) + ad.tan(x / 4), lambda x: -2 * x + 0.25 / math.cos(x / 4) ** 2),
    (lambda x: 7.0, lambda x: 0.0),
]


@SETTINGS
@given(x=floats, which=st.integers(0, len(AUTODIFF_CASES) - 1))
def test_autodiff_matches_analytic_derivative(x, which):
    f, fprime = AUTODIFF_CASES[which]
    got = calculus.autodiff_derivative(f, x)
    assert isinstance(got, float)
    assert got == pytest.approx(fprime(x), rel=1e-12, abs=1e-12)


@SETTINGS
@given(x=floats, which=st.integers(0, len(AUTODIFF_CASES) - 2))
def test_dual_value_equals_float_evaluation_and_numeric_derivative(x, which):
    f, _ = AUTODIFF_CASES[which]
    dual = f(ad.Dual(x, 1.0))
    assert dual.value == pytest.approx(f(x), rel=1e-14, abs=1e-14)
    assert dual.derivative == pytest.approx(calculus.derivative(f, x), rel=1e-7, abs=1e-7)


@SETTINGS
@given(a=floats, b=floats, c=floats.filter(lambda v: abs(v) > 0.1), d=floats)
def test_dual_arithmetic_is_the_differentiation_rules(a, b, c, d):
    u, v = ad.Dual(a, b), ad.Dual(c, d)
    assert (u * v).derivative == pytest.approx(a * d + b * c)
    assert (u / v).derivative == pytest.approx((b * c - a * d) / c**2)
    assert (u - v).value == a - c and (u + v).derivative == b + d
    assert (-u).derivative == -b
    assert (u * 2).derivative == (2 * u).derivative == 2 * b
    assert (1 / v).derivative == pytest.approx(-d / c**2)


def test_dual_is_immutable_and_validated():
    x = calculus.Dual(1.0, 2.0)
    with pytest.raises(AttributeError):
        x.value = 3.0  # type: ignore[misc]
    assert repr(x) == "Dual(value=1.0, derivative=2.0)"
    with pytest.raises(ValueError, match="value must be a real number"):
        calculus.Dual("1")
    with pytest.raises(ValueError, match="derivative must be finite"):
        calculus.Dual(1.0, float("nan"))


def test_elementary_functions_accept_plain_numbers():
    assert ad.exp(1) == math.e
    assert ad.sigmoid(0.0) == 0.5
    assert ad.sigmoid(-1000.0) == 0.0 and ad.sigmoid(1000.0) == 1.0
    assert ad.sqrt(0.0) == 0.0
    with pytest.raises(ValueError, match="x must be a real number"):
        ad.sin("0")


@pytest.mark.parametrize(
    ("f", "x", "match"),
    [
        (ad.log, -1.0, "log.*x > 0"),
        (ad.log, 0.0, "log.*x > 0"),
        (ad.sqrt, 0.0, "not differentiable at x = 0"),
        (ad.sqrt, -4.0, "sqrt.*x >= 0"),
        (lambda x: 1 / x, 0.0, "cannot be differentiated at x = 0.0"),
        (lambda x: x**0.5, -1.0, "negative x"),
        (lambda x: x**0.5, 0.0, "not differentiable at x = 0"),
        (lambda x: (-2.0) ** x, 1.0, "positive base"),
        (math.exp, 1.0, "ad.exp, not math.exp"),
        (np.exp, 1.0, "ad.exp, not math.exp"),
        (lambda x: "one", 1.0, "f must return a number or a Dual"),
        ("f", 1.0, "f must be a callable"),
    ],
)
def test_autodiff_errors(f, x, match):
    with pytest.raises(ValueError, match=match):
        calculus.autodiff_derivative(f, x)


def test_autodiff_rejects_bad_x():
    with pytest.raises(ValueError, match="x must be a real number"):
        calculus.autodiff_derivative(ad.sin, [1.0])


def test_optimize_result_uses_scipys_field_names() -> None:
    import dataclasses

    import scipy.optimize

    ours = {f.name for f in dataclasses.fields(calculus.OptimizeResult)}
    assert ours == {"x", "fun", "success", "nit", "message", "path"}
    theirs = scipy.optimize.minimize(lambda v: (v[0] - 3) ** 2, [0.0])
    assert ours - {"path"} <= set(theirs.keys())
    # fun is f(x) when the objective is given, and None when only the gradient is
    result = calculus.gradient_descent(lambda x: 2 * (x - 3), 0.0, 0.25, f=lambda x: (x - 3) ** 2)
    assert result.success and result.fun == (result.x - 3) ** 2 and result.nit == result.path.size - 1
    assert calculus.gradient_descent(lambda x: 2 * (x - 3), 0.0, 0.25).fun is None
    newton = calculus.newton(lambda v: 2 * v, lambda v: 2 * np.eye(2), [1.0, 2.0], f=lambda v: v @ v)
    assert newton.fun == 0.0 and type(newton.fun) is float
    root = calculus.newton_root(lambda x: x**2 - 2, lambda x: 2 * x, 1.0)
    assert root.fun == pytest.approx(0.0, abs=1e-12) and root.fun == root.x**2 - 2
    with pytest.raises(TypeError, match="f must be a callable function or None, got int"):
        calculus.gradient_descent(lambda x: x, 0.0, 0.1, f=3)  # type: ignore[arg-type]
