"""The common interface of the distribution classes, and small shared helpers (private).

Every distribution is a frozen dataclass that inherits from :class:`DiscreteDistribution`
or :class:`ContinuousDistribution`. The public methods validate their argument and then
call a private method (``_pmf``, ``_pdf``, ``_cdf``, ``_ppf``, ``_draw``) that trusts it.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook._validate import (
    FloatArray,
    FloatOrArray,
    Seed,
    as_array,
    check_int,
    check_probabilities,
    check_seed,
    float_or_array,
)

__all__ = [
    "ContinuousDistribution",
    "DiscreteDistribution",
    "Distribution",
    "FloatOrArray",
    "Seed",
    "Size",
]

Size: TypeAlias = int | tuple[int, ...]
"""The shape of a sample: an ``int`` (a vector) or a tuple of ``int``."""


def check_size(size: Any, name: str = "size") -> tuple[int, ...]:
    """A sample shape: a positive ``int`` or a tuple of positive ``int``."""
    if isinstance(size, tuple):
        if not size:
            raise ValueError(f"{name} must be a positive int or a non-empty tuple of them")
        return tuple(check_int(s, name, minimum=1) for s in size)
    return (check_int(size, name, minimum=1),)


def as_int_array(x: ArrayLike, name: str, *, minimum: int | None = None) -> FloatArray:
    """A finite float array of whole numbers (at least ``minimum`` if given)."""
    arr = as_array(x, name)
    if np.any(arr != np.floor(arr)):
        bad = float(arr[arr != np.floor(arr)][0])
        raise ValueError(f"{name} must contain whole numbers, got {bad!r}")
    if minimum is not None and np.any(arr < minimum):
        raise ValueError(f"{name} must be at least {minimum}, got {float(arr.min())!r}")
    return arr


class Distribution(ABC):
    """What every distribution offers: CDF, inverse CDF, moments and sampling."""

    def cdf(self, x: ArrayLike) -> FloatOrArray:
        r"""Cumulative distribution function $F(x) = P(X \le x)$, element-wise.

        Parameters
        ----------
        x : array_like
            Finite point(s) at which to evaluate $F$.

        Returns
        -------
        float or numpy.ndarray
            $F(x)$, a scalar for a scalar ``x``, else an array of the shape of ``x``.

        Raises
        ------
        ValueError
            If ``x`` is not numeric or contains non-finite values.

        Examples
        --------
        >>> from mathbook.probability import Normal
        >>> round(float(Normal(0, 1).cdf(1.96)), 4)
        0.975
        """
        return float_or_array(self._cdf(as_array(x, "x")))

    def ppf(self, q: ArrayLike) -> FloatOrArray:
        r"""Inverse CDF (percent-point function): the smallest $x$ with $F(x) \ge q$.

        $$F^{-1}(q) = \min\{x : F(x) \ge q\}, \qquad 0 \le q \le 1.$$

        For a continuous distribution with a strictly increasing CDF this is the ordinary
        inverse function. ``ppf(0)`` and ``ppf(1)`` are the ends of the support (possibly
        infinite).

        Parameters
        ----------
        q : array_like
            Probabilities in $[0, 1]$.

        Returns
        -------
        float or numpy.ndarray
            The quantile(s), with the shape of ``q``.

        Raises
        ------
        ValueError
            If ``q`` has an entry outside $[0, 1]$ or a non-finite entry.

        Examples
        --------
        >>> from mathbook.probability import Normal
        >>> round(float(Normal(0, 1).ppf(0.975)), 4)
        1.96
        """
        return float_or_array(self._ppf(check_probabilities(as_array(q, "q"), "q")))

    def std(self) -> float:
        r"""Standard deviation $\sigma = \sqrt{\operatorname{Var}(X)}$.

        Examples
        --------
        >>> from mathbook.probability import Uniform
        >>> round(Uniform(0, 12).std(), 4)
        3.4641
        """
        return math.sqrt(self.var())

    def sample(self, size: Size = 1, seed: Seed = None) -> NDArray[Any]:
        """Draw independent values of $X$.

        Parameters
        ----------
        size : int or tuple of int, default 1
            Shape of the sample.
        seed : int, numpy.random.Generator or None
            Seed (or generator) for reproducible draws.

        Returns
        -------
        ndarray
            ``int64`` values for a discrete distribution, ``float64`` for a continuous one.

        Raises
        ------
        ValueError
            If ``size`` is not a positive integer (or tuple of them) or ``seed`` is invalid.

        Examples
        --------
        >>> from mathbook.probability import Binomial
        >>> x = Binomial(10, 0.5).sample(5, seed=0)
        >>> x.shape, bool(((x >= 0) & (x <= 10)).all())
        ((5,), True)
        """
        shape = check_size(size)
        return self._draw(check_seed(seed), shape)

    @abstractmethod
    def mean(self) -> float:
        """Expected value $E[X]$."""

    @abstractmethod
    def var(self) -> float:
        r"""Variance $\operatorname{Var}(X) = E[(X - E[X])^2]$."""

    @abstractmethod
    def _cdf(self, x: FloatArray) -> FloatArray: ...

    @abstractmethod
    def _ppf(self, q: FloatArray) -> FloatArray: ...

    @abstractmethod
    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]: ...


class DiscreteDistribution(Distribution):
    """A distribution on whole numbers, described by its probability mass function."""

    def pmf(self, k: ArrayLike) -> FloatOrArray:
        r"""Probability mass function $p(k) = P(X = k)$, element-wise.

        Non-integer ``k`` and ``k`` outside the support have probability 0 (as in SciPy).

        Parameters
        ----------
        k : array_like
            Finite value(s).

        Returns
        -------
        float or numpy.ndarray
            $P(X = k)$ with the shape of ``k``.

        Raises
        ------
        ValueError
            If ``k`` is not numeric or contains non-finite values.

        Examples
        --------
        >>> from mathbook.probability import Binomial
        >>> round(float(Binomial(2, 0.5).pmf(1)), 4)
        0.5
        """
        k = as_array(k, "k")
        whole = k == np.floor(k)
        lower, upper = self._support()
        inside = whole & (k >= lower) & (k <= upper)
        result = np.zeros_like(k)
        result[inside] = self._pmf(k[inside])
        return float_or_array(result)

    def _ppf(self, q: FloatArray) -> FloatArray:
        r"""Invert the step-function CDF by bisection over the integers, for all ``q`` at once.

        Keep ``lo`` with $F(lo) < q$ and ``hi`` with $F(hi) \ge q$ and halve the gap until
        they are neighbours; then ``hi`` is the answer.
        """
        lower, upper = self._support()
        result = np.where(q <= 0.0, lower, upper)
        todo = (q > 0.0) & (q < 1.0)
        qs = q[todo]
        lo = np.full(qs.shape, lower - 1.0)
        hi = self._upper_bracket(qs)
        while np.any(hi - lo > 1.0):
            mid = np.floor((lo + hi) / 2.0)
            enough = self._cdf(mid) >= qs
            hi = np.where(enough, mid, hi)
            lo = np.where(enough, lo, mid)
        result[todo] = hi
        return result

    def _upper_bracket(self, q: FloatArray) -> FloatArray:
        r"""Whole numbers ``hi`` with $F(hi) \ge q$ (the top of a finite support)."""
        return np.full(q.shape, self._support()[1])

    @abstractmethod
    def _support(self) -> tuple[float, float]:
        """Smallest and largest possible value (the largest may be ``inf``)."""

    @abstractmethod
    def _pmf(self, k: FloatArray) -> FloatArray:
        """The PMF at whole numbers ``k`` inside the support."""


class ContinuousDistribution(Distribution):
    """A distribution on the real line, described by its probability density function."""

    def pdf(self, x: ArrayLike) -> FloatOrArray:
        r"""Probability density function $f(x) = F'(x)$, element-wise.

        Parameters
        ----------
        x : array_like
            Finite point(s).

        Returns
        -------
        float or numpy.ndarray
            $f(x)$ with the shape of ``x``.

        Raises
        ------
        ValueError
            If ``x`` is not numeric or contains non-finite values.

        Examples
        --------
        >>> from mathbook.probability import Uniform
        >>> float(Uniform(0, 4).pdf(1.0))
        0.25
        """
        return float_or_array(self._pdf(as_array(x, "x")))

    @abstractmethod
    def _pdf(self, x: FloatArray) -> FloatArray: ...
