r"""Forward-mode automatic differentiation with dual numbers.

A dual number $a + b\,\epsilon$ carries a value $a$ and a derivative $b$, with the rule
$\epsilon^2 = 0$. Arithmetic on dual numbers is then exactly the sum, product, quotient
and chain rules:

$$(a + b\epsilon)(c + d\epsilon) = ac + (ad + bc)\,\epsilon, \qquad
  g(a + b\epsilon) = g(a) + g'(a)\, b\,\epsilon.$$

Evaluate $f$ on $x + 1\epsilon$ and the $\epsilon$ part of the answer is $f'(x)$: exact
to round-off, with no step size to choose (compare the numerical derivative, whose
step trades truncation for round-off error).

The elementary functions of this module (:func:`exp`, :func:`log`, :func:`sin`,
:func:`cos`, :func:`tan`, :func:`sqrt`, :func:`tanh`, :func:`sigmoid`) accept a number
or a :class:`Dual`, so one definition of ``f`` serves both. Import the module under a
short name::

    from mathbook.calculus import autodiff as ad
    f = lambda x: ad.sin(x) * ad.exp(x)
    ad.derivative(f, 0.0)      # cos(0) e^0 + sin(0) e^0 = 1.0
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import Any, overload

from mathbook._validate import InputError, as_scalar, check_callable

__all__ = [
    "Dual",
    "cos",
    "derivative",
    "exp",
    "log",
    "sigmoid",
    "sin",
    "sqrt",
    "tan",
    "tanh",
]


class Dual:
    r"""A dual number $\text{value} + \text{derivative}\cdot\epsilon$ with $\epsilon^2 = 0$.

    Supports ``+``, ``-``, ``*``, ``/`` with other duals and with plain numbers, ``**``
    with a plain-number exponent (and a positive number raised to a dual), and unary
    ``-``. Dual numbers are immutable.

    Parameters
    ----------
    value : float
        The value $a$, finite.
    derivative : float, default 0.0
        The derivative part $b$, finite. Use 1.0 for the variable you differentiate by.

    Examples
    --------
    >>> x = Dual(3.0, 1.0)          # the variable x at 3
    >>> y = x * x + 2 * x           # value 15, derivative 2*3 + 2 = 8
    >>> y
    Dual(value=15.0, derivative=8.0)
    >>> (1 / x).derivative == -1 / 9
    True
    """

    __slots__ = ("_derivative", "_value")

    def __init__(self, value: float, derivative: float = 0.0) -> None:
        self._value = as_scalar(value, "value")
        self._derivative = as_scalar(derivative, "derivative")

    @classmethod
    def _raw(cls, value: float, derivative: float) -> Dual:
        """Build a result without validation (intermediate results may overflow to inf)."""
        out = cls.__new__(cls)
        out._value = value
        out._derivative = derivative
        return out

    @property
    def value(self) -> float:
        """The value part $a$."""
        return self._value

    @property
    def derivative(self) -> float:
        """The derivative part $b$ (the coefficient of $\\epsilon$)."""
        return self._derivative

    def __repr__(self) -> str:
        return f"Dual(value={self._value!r}, derivative={self._derivative!r})"

    # -- arithmetic: each operator is one rule of differentiation ---------------------

    def __add__(self, other: Dual | float) -> Dual:
        o = _lift(other)
        if o is None:
            return NotImplemented
        return Dual._raw(self._value + o._value, self._derivative + o._derivative)

    __radd__ = __add__

    def __sub__(self, other: Dual | float) -> Dual:
        o = _lift(other)
        if o is None:
            return NotImplemented
        return Dual._raw(self._value - o._value, self._derivative - o._derivative)

    def __rsub__(self, other: float) -> Dual:
        o = _lift(other)
        if o is None:
            return NotImplemented
        return o - self

    def __mul__(self, other: Dual | float) -> Dual:
        o = _lift(other)
        if o is None:
            return NotImplemented
        # product rule: (uv)' = u'v + uv'
        return Dual._raw(
            self._value * o._value, self._derivative * o._value + self._value * o._derivative
        )

    __rmul__ = __mul__

    def __truediv__(self, other: Dual | float) -> Dual:
        o = _lift(other)
        if o is None:
            return NotImplemented
        # quotient rule: (u/v)' = (u'v - uv') / v^2
        return Dual._raw(
            self._value / o._value,
            (self._derivative * o._value - self._value * o._derivative) / o._value**2,
        )

    def __rtruediv__(self, other: float) -> Dual:
        o = _lift(other)
        if o is None:
            return NotImplemented
        return o / self

    def __pow__(self, exponent: float) -> Dual:
        if isinstance(exponent, Dual) or not _is_real(exponent):
            return NotImplemented
        p = float(exponent)
        if p == 0:
            return Dual._raw(1.0, 0.0)
        if self._value < 0 and not p.is_integer():
            raise ValueError(
                f"x ** p with negative x = {self._value!r} needs an integer p, got p = {p!r}"
            )
        if self._value == 0 and p < 1:
            raise ValueError(f"x ** {p!r} is not differentiable at x = 0")
        # power rule and chain rule: (u^p)' = p u^(p-1) u'
        return Dual._raw(self._value**p, p * self._value ** (p - 1) * self._derivative)

    def __rpow__(self, base: float) -> Dual:
        if not _is_real(base):
            return NotImplemented
        a = float(base)
        if a <= 0:
            raise ValueError(f"a ** x with a dual x needs a positive base a, got {a!r}")
        # (a^u)' = a^u ln(a) u'
        value = a**self._value
        return Dual._raw(value, value * math.log(a) * self._derivative)

    def __neg__(self) -> Dual:
        return Dual._raw(-self._value, -self._derivative)

    def __pos__(self) -> Dual:
        return self


def _is_real(x: object) -> bool:
    return isinstance(x, numbers.Real)


def _lift(x: object) -> Dual | None:
    """A plain number c becomes the constant c + 0 epsilon; other types are not handled."""
    if isinstance(x, Dual):
        return x
    if _is_real(x):
        return Dual._raw(float(x), 0.0)  # type: ignore[arg-type]
    return None


def _apply(
    x: Dual | float, g: Callable[[float], float], g_prime: Callable[[float], float]
) -> Dual | float:
    """g(x) for a number; g(a) + g'(a) b epsilon for a dual a + b epsilon (chain rule)."""
    if isinstance(x, Dual):
        return Dual._raw(g(x.value), g_prime(x.value) * x.derivative)
    return g(as_scalar(x, "x"))


# -- elementary functions -------------------------------------------------------------


@overload
def exp(x: Dual) -> Dual: ...
@overload
def exp(x: float) -> float: ...
def exp(x: Dual | float) -> Dual | float:
    r"""$e^x$; on a dual number, $(e^u)' = e^u u'$.

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Examples
    --------
    >>> exp(Dual(0.0, 1.0))
    Dual(value=1.0, derivative=1.0)
    """
    return _apply(x, math.exp, math.exp)


@overload
def log(x: Dual) -> Dual: ...
@overload
def log(x: float) -> float: ...
def log(x: Dual | float) -> Dual | float:
    r"""Natural logarithm $\ln x$ for $x > 0$; $(\ln u)' = u'/u$.

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Raises
    ------
    ValueError
        If $x \le 0$.

    Examples
    --------
    >>> log(Dual(2.0, 1.0)).derivative
    0.5
    """
    a = x.value if isinstance(x, Dual) else as_scalar(x, "x")
    if a <= 0:
        raise ValueError(f"log(x) needs x > 0, got x = {a!r}")
    return _apply(x, math.log, lambda t: 1.0 / t)


@overload
def sin(x: Dual) -> Dual: ...
@overload
def sin(x: float) -> float: ...
def sin(x: Dual | float) -> Dual | float:
    r"""$\sin x$; $(\sin u)' = \cos(u)\, u'$.

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Examples
    --------
    >>> sin(Dual(0.0, 1.0))
    Dual(value=0.0, derivative=1.0)
    """
    return _apply(x, math.sin, math.cos)


@overload
def cos(x: Dual) -> Dual: ...
@overload
def cos(x: float) -> float: ...
def cos(x: Dual | float) -> Dual | float:
    r"""$\cos x$; $(\cos u)' = -\sin(u)\, u'$.

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Examples
    --------
    >>> import math
    >>> round(cos(Dual(math.pi / 2, 1.0)).derivative, 12)
    -1.0
    """
    return _apply(x, math.cos, lambda t: -math.sin(t))


@overload
def tan(x: Dual) -> Dual: ...
@overload
def tan(x: float) -> float: ...
def tan(x: Dual | float) -> Dual | float:
    r"""$\tan x$; $(\tan u)' = u' / \cos^2 u$.

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Examples
    --------
    >>> tan(Dual(0.0, 1.0))
    Dual(value=0.0, derivative=1.0)
    """
    return _apply(x, math.tan, lambda t: 1.0 / math.cos(t) ** 2)


@overload
def sqrt(x: Dual) -> Dual: ...
@overload
def sqrt(x: float) -> float: ...
def sqrt(x: Dual | float) -> Dual | float:
    r"""$\sqrt{x}$ for $x \ge 0$; $(\sqrt u)' = u' / (2\sqrt u)$, which needs $u > 0$.

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Raises
    ------
    ValueError
        If $x < 0$, or $x = 0$ for a dual number (the slope is infinite there).

    Examples
    --------
    >>> sqrt(Dual(4.0, 1.0))
    Dual(value=2.0, derivative=0.25)
    """
    a = x.value if isinstance(x, Dual) else as_scalar(x, "x")
    if a < 0:
        raise ValueError(f"sqrt(x) needs x >= 0, got x = {a!r}")
    if a == 0 and isinstance(x, Dual):
        raise ValueError("sqrt(x) is not differentiable at x = 0 (vertical tangent)")
    return _apply(x, math.sqrt, lambda t: 0.5 / math.sqrt(t))


@overload
def tanh(x: Dual) -> Dual: ...
@overload
def tanh(x: float) -> float: ...
def tanh(x: Dual | float) -> Dual | float:
    r"""$\tanh x$; $(\tanh u)' = (1 - \tanh^2 u)\, u'$.

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Examples
    --------
    >>> tanh(Dual(0.0, 1.0))
    Dual(value=0.0, derivative=1.0)
    """
    return _apply(x, math.tanh, lambda t: 1.0 - math.tanh(t) ** 2)


def _sigmoid(t: float) -> float:
    """Logistic function without overflow: only ever exponentiates -|t|."""
    e = math.exp(-abs(t))
    return 1.0 / (1.0 + e) if t >= 0 else e / (1.0 + e)


@overload
def sigmoid(x: Dual) -> Dual: ...
@overload
def sigmoid(x: float) -> float: ...
def sigmoid(x: Dual | float) -> Dual | float:
    r"""The logistic sigmoid $\sigma(x) = 1/(1 + e^{-x})$; $\sigma' = \sigma(1 - \sigma)$.

    Stable for large $|x|$ (no overflow).

    Parameters
    ----------
    x : float or Dual
        A plain number, or a dual number carrying a derivative.

    Returns
    -------
    float or Dual
        A float for a float, a dual number for a dual number.

    Examples
    --------
    >>> sigmoid(Dual(0.0, 1.0))
    Dual(value=0.5, derivative=0.25)
    """
    return _apply(x, _sigmoid, lambda t: _sigmoid(t) * (1.0 - _sigmoid(t)))


def derivative(f: Callable[[Any], Any], x: float) -> float:
    r"""Exact derivative $f'(x)$ by forward-mode automatic differentiation.

    Evaluates $f$ on the dual number $x + 1\epsilon$ and returns the $\epsilon$ part:

    $$f(x + \epsilon) = f(x) + f'(x)\,\epsilon.$$

    ``f`` must be built from arithmetic, ``**`` and this module's functions
    (``ad.exp``, not ``math.exp`` or ``np.exp``, which do not know dual numbers).

    Parameters
    ----------
    f : callable
        The function of one variable.
    x : float
        The point, finite.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``f`` is not callable, ``x`` is not a finite number, ``f`` returns something
        other than a number or a dual, ``f`` is undefined at ``x`` (division by zero,
        log of a non-positive number, ...), or the derivative is not finite.

    Examples
    --------
    >>> derivative(lambda t: t**3 + 2 * t, 2.0)     # 3 * 4 + 2
    14.0
    >>> derivative(lambda t: sin(t) * exp(t), 0.0)   # cos 0 + sin 0
    1.0
    """
    check_callable(f, "f")
    x0 = as_scalar(x, "x")
    try:
        out = f(Dual(x0, 1.0))
    except (ZeroDivisionError, OverflowError) as exc:
        raise ValueError(f"f cannot be differentiated at x = {x0!r}: {exc}") from None
    except TypeError as exc:
        raise ValueError(
            f"f raised TypeError on a dual number ({exc}); build f from arithmetic and the "
            "functions of mathbook.calculus.autodiff (ad.exp, not math.exp or np.exp)"
        ) from exc
    if isinstance(out, Dual):
        slope = out.derivative
    elif _is_real(out):
        slope = 0.0  # f ignores its argument: a constant
    else:
        raise InputError(f"f must return a number or a Dual, got {type(out).__name__}")
    if not math.isfinite(slope):
        raise ValueError(f"the derivative of f at x = {x0!r} is not finite ({slope!r})")
    return slope
