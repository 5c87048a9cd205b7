r"""Numerical derivatives: difference quotients for slopes, gradients and Hessians.

Every function here replaces a limit by a small but finite step $h$. The step is chosen
to balance two errors: the *truncation* error of the formula (which shrinks as $h$
shrinks) and the *round-off* error of subtracting two nearly equal numbers (which grows
as $h$ shrinks). The defaults are the textbook optimum for each formula.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, overload

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    InputError,
    as_array,
    as_scalar,
    as_vector,
    check_callable,
    check_positive,
    plain,
)

__all__ = [
    "TangentLine",
    "derivative",
    "gradient",
    "hessian",
    "second_derivative",
    "secant_slope",
    "tangent_line",
]

_EPS = float(np.finfo(np.float64).eps)
_CBRT_EPS = _EPS ** (1 / 3)  # best step for first differences, about 6e-6
_FOURTH_ROOT_EPS = _EPS**0.25  # best step for second differences, about 1.2e-4


# --------------------------------------------------------------------------- helpers


def _steps(x: FloatArray, h: float | None, base: float) -> FloatArray:
    """Step per point: ``h`` if given, else ``base * max(1, |x|)``; made exactly representable.

    ``(x + h) - x`` rounds ``h`` to a number that ``x + h`` represents exactly, so the
    difference quotient divides by the distance actually travelled.
    """
    step = np.full_like(x, h) if h is not None else base * np.maximum(1.0, np.abs(x))
    return (x + step) - x


def _point_text(x: FloatArray, index: tuple[int, ...]) -> str:
    return repr(float(x[index])) if x.ndim else repr(float(x))


def _evaluate(f: Callable[[Any], Any], points: FloatArray, x: FloatArray) -> FloatArray:
    """Call ``f`` once on ``points`` (a float for a scalar point) and check what it returns.

    ``x`` is the caller's point, used only to name the place where ``f`` is not finite.
    """
    scalar = points.ndim == 0
    try:
        with np.errstate(all="ignore"):
            raw = f(float(points)) if scalar else f(points)
    except TypeError as exc:
        if scalar:
            raise
        raise ValueError(
            f"f raised TypeError when called on an array of shape {points.shape} ({exc}); "
            "for array x, f must be vectorised: write it with NumPy functions "
            "(np.sin, not math.sin)"
        ) from exc
    except OverflowError:
        raw = np.full(points.shape, np.inf)
    values = _real_array(raw, "f")
    if values.shape != points.shape:
        if scalar:
            raise ValueError(f"f must return a single number for a number x, got shape "
                             f"{values.shape}")
        raise ValueError(
            f"f must be vectorised: called on an array of shape {points.shape} it returned "
            f"shape {values.shape}; write it with NumPy functions (np.sin, not math.sin)"
        )
    _check_finite(values, x)
    return values


def _real_array(raw: object, name: str) -> FloatArray:
    """Convert the output of a user's function to a float array, or raise naming it."""
    as_given = np.asarray(raw)
    if np.iscomplexobj(as_given):
        raise ValueError(f"{name} must return real numbers, got complex values")
    try:
        return np.asarray(as_given, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(
            f"{name} must return real numbers, got {type(raw).__name__}"
        ) from None


def _check_finite(values: FloatArray, x: FloatArray) -> None:
    bad = ~np.isfinite(values)
    if np.any(bad):
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        at = where[: x.ndim]
        raise ValueError(
            f"f is not finite near x = {_point_text(x, at)}"
            + (f" (x index {at[0] if len(at) == 1 else at})" if x.ndim else "")
            + f": f returned {float(values[where])!r}; the derivative does not exist there"
        )


def _evaluate_rows(f: Callable[[Any], Any], points: FloatArray, x: FloatArray) -> FloatArray:
    """Evaluate ``f: R^n -> R`` at every row of ``points`` (shape (k, n)); return shape (k,)."""
    values = np.empty(points.shape[0])
    for i, row in enumerate(points):
        with np.errstate(all="ignore"):
            try:
                out = _real_array(f(row.copy()), "f")
            except OverflowError:
                out = np.asarray(np.inf)
        if out.ndim != 0:
            raise ValueError(
                f"f must map a vector to a single number (f: R^n -> R), got an output of "
                f"shape {out.shape}"
            )
        values[i] = out
    if not np.all(np.isfinite(values)):
        raise ValueError(
            f"f is not finite near x = {x.tolist()}: the derivative does not exist there"
        )
    return values


def _optional_step(h: float | None) -> float | None:
    return None if h is None else check_positive(h, "h")


# --------------------------------------------------------------------------- 1-D


@overload
def derivative(f: Callable[[Any], Any], x: float, h: float | None = None) -> float: ...
@overload
def derivative(f: Callable[[Any], Any], x: ArrayLike, h: float | None = None) -> FloatArray: ...
def derivative(
    f: Callable[[Any], Any], x: ArrayLike, h: float | None = None
) -> float | FloatArray:
    r"""Numerical derivative $f'(x)$ by the central difference.

    $$f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}$$

    The error of this formula shrinks like $h^2$, until round-off takes over; the default
    step $h = \sqrt[3]{\varepsilon}\,\max(1, |x|) \approx 6 \cdot 10^{-6}\max(1, |x|)$
    ($\varepsilon$ is machine epsilon) balances the two, giving about 10 correct digits
    for a smooth $f$.

    Parameters
    ----------
    f : callable
        The function. For a number ``x`` it is called with Python floats. For an array
        ``x`` it is called **once** on the whole shifted array ``x + h`` (and once on
        ``x - h``), so it must be vectorised (elementwise): write it with NumPy
        functions, ``np.sin`` rather than ``math.sin``.
    x : float or array_like
        Point(s) where the derivative is wanted; must be finite.
    h : float, optional
        Step, positive. Default: $\sqrt[3]{\varepsilon}\max(1, |x|)$ for each point.

    Returns
    -------
    float or numpy.ndarray
        A float for a number ``x``, an array of ``x``'s shape otherwise.

    Raises
    ------
    ValueError
        If ``f`` is not callable, ``x`` is empty or not finite, ``h`` is not positive,
        ``f`` returns the wrong shape, or ``f`` is not finite at $x \pm h$ (the message
        names the point ``x``).

    See Also
    --------
    Taught in [Rates of change and the update rule](../../foundations/week-1/update-rule.md#in-code)
    (the central difference).

    Examples
    --------
    >>> import numpy as np
    >>> round(derivative(lambda t: t**3, 2.0), 6)   # 3 * 2**2
    12.0
    >>> np.round(derivative(np.sin, [0.0, np.pi]), 6).tolist()   # cos(0), cos(pi)
    [1.0, -1.0]
    """
    check_callable(f, "f")
    x_arr = as_array(x, "x")
    step = _steps(x_arr, _optional_step(h), _CBRT_EPS)
    if np.any(step == 0):
        raise ValueError(f"h is too small to move x (x + h == x), got h = {plain(h)}")
    f_plus = _evaluate(f, x_arr + step, x_arr)
    f_minus = _evaluate(f, x_arr - step, x_arr)
    slope = (f_plus - f_minus) / (2 * step)
    return float(slope) if slope.ndim == 0 else slope


@overload
def second_derivative(f: Callable[[Any], Any], x: float, h: float | None = None) -> float: ...
@overload
def second_derivative(
    f: Callable[[Any], Any], x: ArrayLike, h: float | None = None
) -> FloatArray: ...
def second_derivative(
    f: Callable[[Any], Any], x: ArrayLike, h: float | None = None
) -> float | FloatArray:
    r"""Numerical second derivative $f''(x)$ by the central second difference.

    $$f''(x) \approx \frac{f(x + h) - 2 f(x) + f(x - h)}{h^2}$$

    The default step is $h = \sqrt[4]{\varepsilon}\,\max(1, |x|) \approx 1.2 \cdot
    10^{-4}\max(1, |x|)$, which balances the $h^2$ truncation error against round-off
    divided by $h^2$ (about 7–8 correct digits for a smooth $f$).

    Parameters
    ----------
    f : callable
        The function; vectorised (elementwise) if ``x`` is an array, as in
        :func:`derivative`.
    x : float or array_like
        Point(s), finite.
    h : float, optional
        Step, positive. Default as above.

    Returns
    -------
    float or numpy.ndarray
        A float for a number ``x``, an array of ``x``'s shape otherwise.

    Raises
    ------
    ValueError
        As :func:`derivative`.

    Examples
    --------
    >>> round(second_derivative(lambda t: t**3, 2.0), 5)   # 6 * 2
    12.0
    """
    check_callable(f, "f")
    x_arr = as_array(x, "x")
    step = _steps(x_arr, _optional_step(h), _FOURTH_ROOT_EPS)
    if np.any(step == 0):
        raise ValueError(f"h is too small to move x (x + h == x), got h = {plain(h)}")
    f_plus = _evaluate(f, x_arr + step, x_arr)
    f_mid = _evaluate(f, x_arr, x_arr)
    f_minus = _evaluate(f, x_arr - step, x_arr)
    curvature = (f_plus - 2 * f_mid + f_minus) / step**2
    return float(curvature) if curvature.ndim == 0 else curvature


# --------------------------------------------------------------------------- n-D


def gradient(f: Callable[[Any], Any], x: ArrayLike, h: float | None = None) -> FloatArray:
    r"""Numerical gradient $\nabla f(\mathbf{x})$ of $f: \mathbb{R}^n \to \mathbb{R}$.

    Each partial derivative is a central difference along a coordinate axis
    $\mathbf{e}_i$:

    $$\frac{\partial f}{\partial x_i}(\mathbf{x}) \approx
      \frac{f(\mathbf{x} + h_i \mathbf{e}_i) - f(\mathbf{x} - h_i \mathbf{e}_i)}{2 h_i},
      \qquad h_i = \sqrt[3]{\varepsilon}\max(1, |x_i|).$$

    The $2n$ shifted points are the rows of $\mathbf{x} \pm \operatorname{diag}(\mathbf{h})$;
    ``f`` is called once per point.

    Parameters
    ----------
    f : callable
        Maps a 1-D array of length $n$ to one number.
    x : array_like, shape (n,)
        The point, finite.
    h : float, optional
        One positive step for every coordinate. Default as above.

    Returns
    -------
    numpy.ndarray, shape (n,)

    Raises
    ------
    ValueError
        If ``f`` is not callable or does not return one number, ``x`` is not a finite
        1-D vector, ``h`` is not positive, or ``f`` is not finite near ``x``.

    Examples
    --------
    >>> import numpy as np
    >>> f = lambda v: v[0] ** 2 + 3 * v[0] * v[1]      # grad = (2x + 3y, 3x)
    >>> np.round(gradient(f, [1.0, 2.0]), 6).tolist()
    [8.0, 3.0]
    """
    check_callable(f, "f")
    x_vec = as_vector(x, "x")
    step = _steps(x_vec, _optional_step(h), _CBRT_EPS)
    shifts = np.diag(step)  # row i is h_i e_i
    f_plus = _evaluate_rows(f, x_vec + shifts, x_vec)
    f_minus = _evaluate_rows(f, x_vec - shifts, x_vec)
    return (f_plus - f_minus) / (2 * step)


def hessian(f: Callable[[Any], Any], x: ArrayLike, h: float | None = None) -> FloatArray:
    r"""Numerical Hessian $\mathbf{H}_{ij} = \partial^2 f / \partial x_i \partial x_j$.

    Every entry uses the four-point central difference

    $$\mathbf{H}_{ij} \approx \frac{
        f(\mathbf{x} + h_i\mathbf{e}_i + h_j\mathbf{e}_j)
      - f(\mathbf{x} + h_i\mathbf{e}_i - h_j\mathbf{e}_j)
      - f(\mathbf{x} - h_i\mathbf{e}_i + h_j\mathbf{e}_j)
      + f(\mathbf{x} - h_i\mathbf{e}_i - h_j\mathbf{e}_j)}{4 h_i h_j},
      \qquad h_i = \sqrt[4]{\varepsilon}\max(1, |x_i|),$$

    and the result is symmetrised, $(\mathbf{H} + \mathbf{H}^\top)/2$, so round-off never
    makes it asymmetric. That is $4n^2$ calls of ``f``: fine for the small $n$ of a
    lesson, too slow for a network's weights.

    Parameters
    ----------
    f : callable
        Maps a 1-D array of length $n$ to one number.
    x : array_like, shape (n,)
        The point, finite.
    h : float, optional
        One positive step for every coordinate. Default as above.

    Returns
    -------
    numpy.ndarray, shape (n, n)
        Symmetric.

    Raises
    ------
    ValueError
        As :func:`gradient`.

    Examples
    --------
    >>> import numpy as np
    >>> f = lambda v: v[0] ** 2 + 3 * v[0] * v[1] - v[1] ** 2
    >>> np.round(hessian(f, [1.0, 2.0]), 5).tolist()
    [[2.0, 3.0], [3.0, -2.0]]
    """
    check_callable(f, "f")
    x_vec = as_vector(x, "x")
    n = x_vec.size
    step = _steps(x_vec, _optional_step(h), _FOURTH_ROOT_EPS)
    shifts = np.diag(step)
    row_i = shifts[:, None, :]  # h_i e_i, broadcast over j
    col_j = shifts[None, :, :]  # h_j e_j, broadcast over i

    def f_at(points: FloatArray) -> FloatArray:
        """f at x + points[i, j] for all (i, j), as an (n, n) array."""
        return _evaluate_rows(f, (x_vec + points).reshape(n * n, n), x_vec).reshape(n, n)

    H = (
        f_at(row_i + col_j) - f_at(row_i - col_j) - f_at(-row_i + col_j) + f_at(-row_i - col_j)
    ) / (4 * np.outer(step, step))
    return (H + H.T) / 2


# --------------------------------------------------------------------------- secant/tangent


@overload
def secant_slope(f: Callable[[Any], Any], x: float, h: float) -> float: ...
@overload
def secant_slope(f: Callable[[Any], Any], x: ArrayLike, h: ArrayLike) -> FloatArray: ...
def secant_slope(f: Callable[[Any], Any], x: ArrayLike, h: ArrayLike) -> float | FloatArray:
    r"""Slope of the secant through $(x, f(x))$ and $(x + h, f(x + h))$.

    $$m_{\text{sec}} = \frac{f(x + h) - f(x)}{h}$$

    As $h \to 0$ the secant turns into the tangent and $m_{\text{sec}} \to f'(x)$; the
    error of this one-sided quotient shrinks like $h$ (compare :func:`derivative`).

    Parameters
    ----------
    f : callable
        The function; vectorised if ``x`` or ``h`` is an array (called once on arrays).
    x : float or array_like
        Left point(s), finite.
    h : float or array_like
        Step(s), finite and non-zero (negative puts the second point on the left);
        broadcast against ``x``, so one ``x`` and many ``h`` give the shrinking secants.

    Returns
    -------
    float or numpy.ndarray
        A float if ``x`` and ``h`` are numbers, else an array of the broadcast shape.

    Raises
    ------
    ValueError
        If ``f`` is not callable, ``x`` or ``h`` is not finite, ``h`` has a zero (or is
        too small to move ``x``), the shapes do not broadcast, or ``f`` is not finite.

    See Also
    --------
    Taught in
    [Rates of change and the update rule](../../foundations/week-1/update-rule.md#the-derivative-the-slope-where-you-stand).

    Examples
    --------
    >>> secant_slope(lambda t: t**2, 1.0, 0.5)   # ((1.5)^2 - 1) / 0.5
    2.5
    >>> [round(s, 6) for s in secant_slope(lambda t: t**2, 1.0, [1.0, 0.1, 0.001]).tolist()]
    [3.0, 2.1, 2.001]
    """
    check_callable(f, "f")
    x_arr = as_array(x, "x")
    h_arr = as_array(h, "h")
    try:
        x_arr, h_arr = np.broadcast_arrays(x_arr, h_arr)
    except ValueError:
        raise ValueError(
            f"x and h must have broadcastable shapes, got {x_arr.shape} and {h_arr.shape}"
        ) from None
    x_arr, h_arr = x_arr.copy(), h_arr.copy()
    if np.any(h_arr == 0):
        raise ValueError("h must be non-zero: a secant needs two different points")
    x_right = x_arr + h_arr
    run = x_right - x_arr  # the step actually taken after rounding
    if np.any(run == 0):
        raise ValueError("h is too small to move x (x + h == x)")
    rise = _evaluate(f, x_right, x_arr) - _evaluate(f, x_arr, x_arr)
    slope = rise / run
    return float(slope) if slope.ndim == 0 else slope


class TangentLine(NamedTuple):
    """The tangent line $y = \\text{slope} \\cdot x + \\text{intercept}$."""

    slope: float
    intercept: float


def tangent_line(f: Callable[[Any], Any], x: float, h: float | None = None) -> TangentLine:
    r"""Slope and intercept of the tangent to $y = f(x)$ at the point $x_0$.

    $$y = f(x_0) + f'(x_0)(x - x_0)
       = \underbrace{f'(x_0)}_{\text{slope}}\, x
       + \underbrace{f(x_0) - f'(x_0)\, x_0}_{\text{intercept}}$$

    with $f'(x_0)$ from :func:`derivative`.

    Parameters
    ----------
    f : callable
        The function, called with Python floats.
    x : float
        The point of tangency $x_0$, finite.
    h : float, optional
        Step passed to :func:`derivative`.

    Returns
    -------
    TangentLine
        A named tuple ``(slope, intercept)``.

    Raises
    ------
    ValueError
        As :func:`derivative`; ``x`` must be a single number.

    Examples
    --------
    >>> slope, intercept = tangent_line(lambda t: t**2, 3.0)   # y = 6x - 9
    >>> round(slope, 6), round(intercept, 6)
    (6.0, -9.0)
    """
    check_callable(f, "f")
    x0 = as_scalar(x, "x")
    slope = derivative(f, x0, h)
    height = float(_evaluate(f, np.asarray(x0), np.asarray(x0)))
    return TangentLine(slope=slope, intercept=height - slope * x0)
