r"""Calculus for machine learning: derivatives, gradients, and the methods that use them.

* **Numerical derivatives** — :func:`derivative`, :func:`second_derivative`,
  :func:`gradient`, :func:`hessian` (central differences), and :func:`secant_slope`,
  :func:`tangent_line` for the secant-to-tangent lesson.
* **Optimisation that shows its path** — :func:`gradient_descent`, :func:`newton`
  (1-D and multivariate) and :func:`newton_root` return an :class:`OptimizeResult`
  whose ``path`` holds every iterate.
* **Automatic differentiation** — the dual numbers of :mod:`mathbook.calculus.autodiff`
  (:class:`Dual` and the functions ``autodiff.exp``, ``autodiff.log``, ...), and
  :func:`autodiff_derivative`.

Examples
--------
>>> from mathbook import calculus
>>> round(calculus.derivative(lambda x: x**2, 3.0), 6)
6.0
>>> calculus.autodiff_derivative(lambda x: x**2, 3.0)
6.0
>>> result = calculus.gradient_descent(lambda x: 2 * x, x0=4.0, learning_rate=0.25)
>>> result.path[:3].tolist(), result.success
([4.0, 2.0, 1.0], True)
"""

from __future__ import annotations

from mathbook.calculus import autodiff
from mathbook.calculus._differentiate import (
    TangentLine,
    derivative,
    gradient,
    hessian,
    secant_slope,
    second_derivative,
    tangent_line,
)
from mathbook.calculus._optimize import (
    OptimizeResult,
    SingularHessianError,
    gradient_descent,
    newton,
    newton_root,
)
from mathbook.calculus.autodiff import Dual
from mathbook.calculus.autodiff import derivative as autodiff_derivative

__all__ = [
    "Dual",
    "OptimizeResult",
    "SingularHessianError",
    "TangentLine",
    "autodiff",
    "autodiff_derivative",
    "derivative",
    "gradient",
    "gradient_descent",
    "hessian",
    "newton",
    "newton_root",
    "secant_slope",
    "second_derivative",
    "tangent_line",
]
