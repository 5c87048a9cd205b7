r"""Iterative methods that return their whole path: gradient descent and Newton's method.

All three methods share one loop (:func:`_iterate`): take a step, stop when the step is
tiny (converged), when an iterate stops being finite (diverged), or when the iteration
budget runs out. They return an :class:`OptimizeResult` holding every iterate, so a lesson
can print or plot the path.

The stopping rule is the same everywhere:

$$\lVert \mathbf{x}_{k+1} - \mathbf{x}_k \rVert < \text{tol} \cdot
  \max(1, \lVert \mathbf{x}_{k+1} \rVert),$$

an absolute test for iterates of size up to 1 and a relative one beyond, so that a
minimum at $x = 10^6$ (where floating point cannot resolve steps below about $10^{-10}$)
is still recognised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    InputError,
    as_array,
    as_scalar,
    check_callable,
    check_int,
    check_positive,
)

__all__ = [
    "OptimizeResult",
    "SingularHessianError",
    "gradient_descent",
    "newton",
    "newton_root",
]


class SingularHessianError(ValueError):
    """The Hessian (the second derivative, in 1-D) is singular, so Newton's step is undefined."""


@dataclass(frozen=True, eq=False, repr=False)
class OptimizeResult:
    r"""The outcome of an iterative method, with every iterate it visited.

    Attributes
    ----------
    The field names are SciPy's (``scipy.optimize.OptimizeResult``), plus the book's
    ``path``.

    Attributes
    ----------
    x : float or numpy.ndarray
        The last iterate: a float when the start was a number, an array of shape (n,)
        when it was a vector. For a diverged run, the last *finite* iterate.
    fun : float or None
        The function at ``x``: the objective ``f`` for :func:`gradient_descent` and
        :func:`newton` when it was passed (else ``None``), $f(x)$ for
        :func:`newton_root`.
    success : bool
        True only if the stopping rule on the step size was met (the method converged).
    nit : int
        Number of iterations (steps) taken, ``len(path) - 1``.
    message : str
        Why the method stopped, in words.
    path : numpy.ndarray
        All iterates, ``path[0]`` is the start ``x0``: shape (nit + 1,) for a number,
        (nit + 1, n) for a vector.
    """

    x: float | FloatArray
    fun: float | None
    success: bool
    nit: int
    message: str
    path: FloatArray

    def __repr__(self) -> str:
        if isinstance(self.x, float):
            x_text = repr(self.x)
        elif self.x.size <= 6:
            x_text = repr(self.x.tolist())
        else:
            x_text = f"<array of shape {self.x.shape}>"
        return (
            f"OptimizeResult(x={x_text}, fun={self.fun!r}, success={self.success}, "
            f"nit={self.nit}, message={self.message!r}, "
            f"path=<array of shape {self.path.shape}>)"
        )


# --------------------------------------------------------------------------- helpers


def _as_start(x0: ArrayLike) -> FloatArray:
    start = as_array(x0, "x0")
    if start.ndim > 1:
        raise ValueError(f"x0 must be a number or a 1-D vector, got shape {start.shape}")
    return start


def _shape_text(shape: tuple[int, ...]) -> str:
    return "a single number" if shape == () else f"an array of shape {shape}"


def _call(fn: Callable[[Any], Any], x: FloatArray, name: str, shape: tuple[int, ...]) -> FloatArray:
    """``fn(x)`` as a float array of the expected shape; overflow becomes ``inf``.

    A number ``x`` (0-d) is passed as a Python float, a vector as a fresh copy.
    """
    try:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            raw = fn(float(x)) if x.ndim == 0 else fn(x.copy())
    except OverflowError:
        return np.full(shape, np.inf)
    as_given = np.asarray(raw)
    if np.iscomplexobj(as_given):
        raise ValueError(f"{name} must return real numbers, got complex values")
    try:
        value = np.asarray(as_given, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"{name} must return real numbers, got {type(raw).__name__}") from None
    if value.shape != shape:
        raise ValueError(
            f"{name} must return {_shape_text(shape)} for this x0, got shape {value.shape}"
        )
    return value


def _point(x: FloatArray) -> str:
    return repr(float(x)) if x.ndim == 0 else repr(x.tolist())


def _result(
    path: list[FloatArray], success: bool, message: str, f: Callable[[Any], Any] | None
) -> OptimizeResult:
    last = path[-1]
    return OptimizeResult(
        x=float(last) if last.ndim == 0 else last.copy(),
        fun=None if f is None else float(_call(f, last, "f", ())),
        success=success,
        nit=len(path) - 1,
        message=message,
        path=np.array(path),
    )


def _iterate(
    step_at: Callable[[FloatArray, int], FloatArray],
    x0: FloatArray,
    num_iterations: int,
    tol: float,
    divergence_hint: str,
    f: Callable[[Any], Any] | None,
) -> OptimizeResult:
    """Run ``x <- x - step_at(x, k)`` and record the path; the shared loop of this module."""
    path = [x0]
    x = x0
    step_norm = np.inf
    for k in range(1, num_iterations + 1):
        with np.errstate(over="ignore", invalid="ignore"):
            step = step_at(x, k)
            x_new = x - step
            step_norm = float(np.linalg.norm(step))
            threshold = tol * max(1.0, float(np.linalg.norm(x_new)))
        if not (np.all(np.isfinite(step)) and np.all(np.isfinite(x_new))):
            return _result(
                path,
                False,
                f"diverged: step {k} from x = {_point(x)} is not finite; {divergence_hint}",
                f,
            )
        path.append(x_new)
        x = x_new
        if step_norm < threshold:
            return _result(
                path,
                True,
                f"converged: step {k} has norm {step_norm:.3g} < tol * max(1, |x|) "
                f"= {threshold:.3g}",
                f,
            )
    return _result(
        path,
        False,
        f"stopped after num_iterations={num_iterations} steps without converging "
        f"(last step norm {step_norm:.3g})",
        f,
    )


# --------------------------------------------------------------------------- methods


def gradient_descent(
    grad: Callable[[Any], Any],
    x0: ArrayLike,
    learning_rate: float,
    num_iterations: int = 1000,
    tol: float = 1e-8,
    *,
    f: Callable[[Any], Any] | None = None,
) -> OptimizeResult:
    r"""Minimise $f$ by gradient descent, recording every iterate.

    $$\mathbf{x}_{k+1} = \mathbf{x}_k - \alpha \nabla f(\mathbf{x}_k)$$

    with learning rate $\alpha$. It stops when the step is small,
    $\lVert \alpha \nabla f(\mathbf{x}_k) \rVert < \text{tol}\cdot\max(1,
    \lVert\mathbf{x}_{k+1}\rVert)$ (converged), after ``num_iterations`` steps (not
    converged), or at the first step that is not finite (diverged: the learning rate is
    too large for this $f$). A diverged run is never reported as converged.

    Parameters
    ----------
    grad : callable
        The derivative (for a number ``x0``: called with a float, returns a number) or the
        gradient (for a vector ``x0``: called with an array of shape (n,), returns shape
        (n,)).
    x0 : float or array_like, shape (n,)
        Starting point, finite.
    learning_rate : float
        Step size $\alpha > 0$.
    num_iterations : int, default 1000
        Maximum number of steps, at least 1.
    tol : float, default 1e-8
        Tolerance of the stopping rule, positive.
    f : callable, optional
        The function being minimised, only to report ``fun`` $= f(x)$ at the end.

    Returns
    -------
    OptimizeResult
        ``x`` (last iterate), ``fun``, ``success``, ``nit``, ``message`` and ``path``
        (all iterates from ``x0``).

    Raises
    ------
    ValueError
        If ``grad`` is not callable or returns the wrong shape or non-real values, ``x0``
        is not a finite number or vector, ``learning_rate`` or ``tol`` is not positive, or
        ``num_iterations`` is not an integer of at least 1.

    See Also
    --------
    Taught in [Rates of change and the update rule](../../foundations/week-1/update-rule.md#in-code)
    and [The same fit by gradient descent](../../foundations/week-2/gradient-descent.md#in-code).

    Examples
    --------
    Minimise $f(x) = (x - 3)^2$, whose derivative is $2(x - 3)$:

    >>> result = gradient_descent(lambda x: 2 * (x - 3), x0=0.0, learning_rate=0.25)
    >>> result.path[:4].tolist()    # each step halves the distance to 3
    [0.0, 1.5, 2.25, 2.625]
    >>> round(result.x, 6), result.success
    (3.0, True)
    """
    check_callable(grad, "grad")
    check_callable(f, "f", optional=True)
    start = _as_start(x0)
    alpha = check_positive(learning_rate, "learning_rate")
    budget = check_int(num_iterations, "num_iterations", minimum=1)
    tolerance = check_positive(tol, "tol")

    def step_at(x: FloatArray, k: int) -> FloatArray:
        return alpha * _call(grad, x, "grad", start.shape)

    return _iterate(step_at, start, budget, tolerance, "try a smaller learning_rate", f)


def newton(
    grad: Callable[[Any], Any],
    hess: Callable[[Any], Any],
    x0: ArrayLike,
    num_iterations: int = 100,
    tol: float = 1e-10,
    *,
    f: Callable[[Any], Any] | None = None,
) -> OptimizeResult:
    r"""Newton's method for optimisation: find where the gradient is zero.

    Each step jumps to the stationary point of the local quadratic model:

    $$x_{k+1} = x_k - \frac{f'(x_k)}{f''(x_k)} \quad\text{(1-D)}, \qquad
      \mathbf{x}_{k+1} = \mathbf{x}_k - \mathbf{H}(\mathbf{x}_k)^{-1}\nabla f(\mathbf{x}_k)
      \quad\text{(n-D)},$$

    where the n-D step $\mathbf{s}$ is found by *solving* $\mathbf{H}\mathbf{s} = \nabla f$
    (never by inverting $\mathbf{H}$). Near a minimum with $\mathbf{H}$ positive definite
    the number of correct digits roughly doubles per step. Newton's method looks for any
    point with zero gradient: it can converge to a maximum or a saddle point, so check
    the Hessian there (Part 2, Week 3).

    Stopping rules as in :func:`gradient_descent`.

    Parameters
    ----------
    grad : callable
        $f'$ (number in, number out) or $\nabla f$ (shape (n,) in and out).
    hess : callable
        $f''$ (number in, number out) or the Hessian (shape (n,) in, shape (n, n) out).
    x0 : float or array_like, shape (n,)
        Starting point, finite.
    num_iterations : int, default 100
        Maximum number of steps, at least 1.
    tol : float, default 1e-10
        Tolerance of the stopping rule, positive.
    f : callable, optional
        The function being minimised, only to report ``fun`` $= f(x)$ at the end.

    Returns
    -------
    OptimizeResult

    Raises
    ------
    SingularHessianError
        (a ``ValueError``) if $f''(x_k) = 0$ in 1-D or the Hessian is singular (rank below
        n, with NumPy's ``matrix_rank`` tolerance) in n-D; the message names the iterate.
    ValueError
        If ``grad``/``hess`` is not callable or returns the wrong shape, or ``x0``,
        ``num_iterations`` or ``tol`` is invalid.

    Examples
    --------
    $f(x) = x^4/4 - x$ has $f'(x) = x^3 - 1$, $f''(x) = 3x^2$ and its minimum at $x = 1$:

    >>> result = newton(lambda x: x**3 - 1, lambda x: 3 * x**2, x0=2.0)
    >>> [round(v, 6) for v in result.path[:4].tolist()]
    [2.0, 1.416667, 1.110534, 1.010637]
    >>> round(result.x, 12), result.success
    (1.0, True)
    """
    check_callable(grad, "grad")
    check_callable(hess, "hess")
    check_callable(f, "f", optional=True)
    start = _as_start(x0)
    budget = check_int(num_iterations, "num_iterations", minimum=1)
    tolerance = check_positive(tol, "tol")
    n = start.size
    hess_shape = () if start.ndim == 0 else (n, n)

    def step_at(x: FloatArray, k: int) -> FloatArray:
        g = _call(grad, x, "grad", start.shape)
        H = _call(hess, x, "hess", hess_shape)
        if not (np.all(np.isfinite(g)) and np.all(np.isfinite(H))):
            return np.full(start.shape, np.inf)  # reported as divergence by the loop
        if start.ndim == 0:
            if H == 0:
                raise SingularHessianError(
                    f"the second derivative hess(x) is zero at x = {_point(x)} "
                    f"(iterate {k - 1}), so Newton's step f'(x) / f''(x) is undefined"
                )
            return g / H
        rank = int(np.linalg.matrix_rank(H))
        if rank < n:
            raise SingularHessianError(
                f"the Hessian is singular (rank {rank} < {n}) at x = {_point(x)} "
                f"(iterate {k - 1}), so the Newton step H s = grad has no unique solution"
            )
        return np.asarray(np.linalg.solve(H, g), dtype=np.float64)

    return _iterate(step_at, start, budget, tolerance, "start closer to the minimum", f)


def newton_root(
    f: Callable[[Any], Any],
    fprime: Callable[[Any], Any],
    x0: float,
    num_iterations: int = 100,
    tol: float = 1e-12,
) -> OptimizeResult:
    r"""Newton's method for a root of $f$: where the tangent line crosses zero.

    $$x_{k+1} = x_k - \frac{f(x_k)}{f'(x_k)}$$

    Stopping rules as in :func:`gradient_descent`. Newton for optimisation is this
    method applied to $f'$.

    Parameters
    ----------
    f : callable
        The function, number in, number out.
    fprime : callable
        Its derivative, number in, number out.
    x0 : float
        Starting point, finite.
    num_iterations : int, default 100
        Maximum number of steps, at least 1.
    tol : float, default 1e-12
        Tolerance of the stopping rule, positive.

    Returns
    -------
    OptimizeResult
        ``x`` is a float, ``fun`` is $f(x)$, and ``path`` has shape (nit + 1,).

    Raises
    ------
    ValueError
        If $f'(x_k) = 0$ at an iterate (the tangent is horizontal; the message names the
        iterate), or ``f``/``fprime`` is not callable or does not return a number, or
        ``x0``, ``num_iterations`` or ``tol`` is invalid.

    Examples
    --------
    The positive root of $x^2 - 2$ is $\sqrt 2$:

    >>> result = newton_root(lambda x: x**2 - 2, lambda x: 2 * x, x0=1.0)
    >>> result.path[:3].tolist()     # 1, 3/2, 17/12
    [1.0, 1.5, 1.4166666666666667]
    >>> round(result.x, 12), result.nit
    (1.414213562373, 6)
    """
    check_callable(f, "f")
    check_callable(fprime, "fprime")
    start = np.asarray(as_scalar(x0, "x0"))
    budget = check_int(num_iterations, "num_iterations", minimum=1)
    tolerance = check_positive(tol, "tol")

    def step_at(x: FloatArray, k: int) -> FloatArray:
        value = _call(f, x, "f", ())
        slope = _call(fprime, x, "fprime", ())
        if slope == 0:
            raise ValueError(
                f"fprime(x) is zero at x = {_point(x)} (iterate {k - 1}): the tangent is "
                "horizontal and never crosses zero; try another x0"
            )
        return value / slope

    return _iterate(step_at, start, budget, tolerance, "try an x0 closer to the root", f)
