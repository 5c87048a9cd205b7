"""Continuous distributions: uniform, normal, chi-squared, Cauchy (private; see ``probability``)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import special

from mathbook._validate import FloatArray, as_scalar, check_positive

from ._base import ContinuousDistribution

__all__ = ["Cauchy", "ChiSquared", "Normal", "Uniform"]


@dataclass(frozen=True)
class Uniform(ContinuousDistribution):
    r"""Every value in $[a, b]$ (``low``, ``high``) equally likely.

    $$f(x) = \frac{1}{b - a} \text{ on } [a, b], \quad
    F(x) = \frac{x - a}{b - a} \text{ (clipped to } [0, 1]), \quad
    F^{-1}(q) = a + q(b - a),$$

    $$E[X] = \frac{a + b}{2}, \qquad \operatorname{Var}(X) = \frac{(b - a)^2}{12}.$$

    Parameters
    ----------
    low, high : float
        The ends $a < b$ of the interval.

    Raises
    ------
    ValueError
        If either end is not finite or ``low >= high``.

    Examples
    --------
    >>> from mathbook.probability import Uniform
    >>> U = Uniform(0.0, 2.0)
    >>> float(U.pdf(1.5)), float(U.cdf(1.5)), float(U.ppf(0.25)), U.mean(), round(U.var(), 4)
    (0.5, 0.75, 0.5, 1.0, 0.3333)

    See Also
    --------
    ``scipy.stats.uniform``
    """

    low: float = 0.0
    high: float = 1.0

    def __post_init__(self) -> None:
        low, high = as_scalar(self.low, "low"), as_scalar(self.high, "high")
        if not low < high:
            raise ValueError(f"low must be less than high, got low={low!r}, high={high!r}")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    def mean(self) -> float:
        r"""$E[X] = (a + b) / 2$."""
        return (self.low + self.high) / 2.0

    def var(self) -> float:
        r"""$\operatorname{Var}(X) = (b - a)^2 / 12$."""
        return (self.high - self.low) ** 2 / 12.0

    def _pdf(self, x: FloatArray) -> FloatArray:
        inside = (x >= self.low) & (x <= self.high)
        return np.where(inside, 1.0 / (self.high - self.low), 0.0)

    def _cdf(self, x: FloatArray) -> FloatArray:
        return np.clip((x - self.low) / (self.high - self.low), 0.0, 1.0)

    def _ppf(self, q: FloatArray) -> FloatArray:
        return self.low + q * (self.high - self.low)

    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]:
        return self.low + (self.high - self.low) * rng.random(shape)


@dataclass(frozen=True)
class Normal(ContinuousDistribution):
    r"""The Gaussian distribution $\mathcal{N}(\mu, \sigma^2)$.

    $$f(x) = \frac{1}{\sigma\sqrt{2\pi}} e^{-z^2 / 2}, \quad z = \frac{x - \mu}{\sigma},
    \qquad F(x) = \Phi(z), \qquad F^{-1}(q) = \mu + \sigma\, \Phi^{-1}(q),$$

    where $\Phi$ is the standard normal CDF (``scipy.special.ndtr``) and $\Phi^{-1}$ its
    inverse (``scipy.special.ndtri``).

    Parameters
    ----------
    mu : float, default 0
        Mean $\mu$.
    sigma : float, default 1
        Standard deviation $\sigma > 0$ (not the variance).

    Raises
    ------
    ValueError
        If ``mu`` is not finite or ``sigma`` is not positive.

    Examples
    --------
    >>> from mathbook.probability import Normal
    >>> Z = Normal(0.0, 1.0)
    >>> round(float(Z.pdf(0.0)), 4), float(Z.cdf(0.0)), round(float(Z.ppf(0.975)), 3)
    (0.3989, 0.5, 1.96)
    >>> Normal(mu=10, sigma=2).var()
    4.0

    See Also
    --------
    ``scipy.stats.norm``
    """

    mu: float = 0.0
    sigma: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "mu", as_scalar(self.mu, "mu"))
        object.__setattr__(self, "sigma", check_positive(self.sigma, "sigma"))

    def mean(self) -> float:
        r"""$E[X] = \mu$."""
        return self.mu

    def var(self) -> float:
        r"""$\operatorname{Var}(X) = \sigma^2$."""
        return self.sigma**2

    def _pdf(self, x: FloatArray) -> FloatArray:
        z = (x - self.mu) / self.sigma
        return np.exp(-0.5 * z**2) / (self.sigma * math.sqrt(2.0 * math.pi))

    def _cdf(self, x: FloatArray) -> FloatArray:
        return np.asarray(special.ndtr((x - self.mu) / self.sigma), dtype=np.float64)

    def _ppf(self, q: FloatArray) -> FloatArray:
        return np.asarray(self.mu + self.sigma * special.ndtri(q), dtype=np.float64)

    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]:
        return self.mu + self.sigma * rng.standard_normal(shape)


@dataclass(frozen=True)
class ChiSquared(ContinuousDistribution):
    r"""The sum of squares of $k$ independent standard normals, $\chi^2_k$.

    $$f(x) = \frac{x^{k/2 - 1} e^{-x/2}}{2^{k/2}\,\Gamma(k/2)} \text{ for } x > 0, \qquad
    F(x) = P\!\left(\tfrac{k}{2}, \tfrac{x}{2}\right), \qquad
    E[X] = k, \quad \operatorname{Var}(X) = 2k,$$

    where $P$ is the regularised lower incomplete gamma function
    (``scipy.special.gammainc``); the inverse CDF is $2\,P^{-1}(k/2, q)$
    (``scipy.special.gammaincinv``). The density is evaluated in log space. At $x = 0$ it is
    $+\infty$ for $k < 2$, $1/2$ for $k = 2$ and $0$ for $k > 2$.

    Parameters
    ----------
    df : float
        Degrees of freedom $k > 0$ (need not be a whole number).

    Raises
    ------
    ValueError
        If ``df`` is not positive.

    Examples
    --------
    >>> from mathbook.probability import ChiSquared
    >>> X = ChiSquared(df=2)
    >>> round(float(X.cdf(2.0)), 4), round(float(X.ppf(0.95)), 4), X.mean(), X.var()
    (0.6321, 5.9915, 2.0, 4.0)

    See Also
    --------
    ``scipy.stats.chi2``
    """

    df: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "df", check_positive(self.df, "df"))

    def mean(self) -> float:
        """$E[X] = k$."""
        return self.df

    def var(self) -> float:
        r"""$\operatorname{Var}(X) = 2k$."""
        return 2.0 * self.df

    def _pdf(self, x: FloatArray) -> FloatArray:
        half = self.df / 2.0
        xp = np.maximum(x, 0.0)
        log_pdf = (
            special.xlogy(half - 1.0, xp) - xp / 2.0 - half * math.log(2.0) - special.gammaln(half)
        )
        return np.where(x < 0.0, 0.0, np.exp(log_pdf))

    def _cdf(self, x: FloatArray) -> FloatArray:
        return np.asarray(special.gammainc(self.df / 2.0, np.maximum(x, 0.0) / 2.0), np.float64)

    def _ppf(self, q: FloatArray) -> FloatArray:
        return np.asarray(2.0 * special.gammaincinv(self.df / 2.0, q), dtype=np.float64)

    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]:
        return rng.chisquare(self.df, size=shape)


@dataclass(frozen=True)
class Cauchy(ContinuousDistribution):
    r"""The Cauchy distribution: bell-shaped, but with tails so heavy it has no mean.

    $$f(x) = \frac{1}{\pi s \left(1 + z^2\right)}, \quad z = \frac{x - x_0}{s}, \qquad
    F(x) = \frac{1}{2} + \frac{\arctan z}{\pi}, \qquad
    F^{-1}(q) = x_0 + s \tan\!\left(\pi\left(q - \tfrac{1}{2}\right)\right).$$

    $E[|X|] = \int |x| f(x)\,dx$ diverges, so the mean, variance and standard deviation are
    *undefined*: :meth:`mean`, :meth:`var` and :meth:`std` raise ``ValueError``. It is the
    book's counter-example to the law of large numbers and the central limit theorem:
    the average of $n$ Cauchy draws is again Cauchy with the same spread.

    Parameters
    ----------
    loc : float, default 0
        Location $x_0$ (the median).
    scale : float, default 1
        Scale $s > 0$ (half the interquartile range).

    Raises
    ------
    ValueError
        If ``loc`` is not finite or ``scale`` is not positive.

    Examples
    --------
    >>> from mathbook.probability import Cauchy
    >>> C = Cauchy(0.0, 1.0)
    >>> float(C.cdf(1.0)), round(float(C.ppf(0.75)), 12)
    (0.75, 1.0)
    >>> C.mean()
    Traceback (most recent call last):
    ...
    ValueError: the mean of a Cauchy distribution is undefined (E|X| diverges)

    See Also
    --------
    ``scipy.stats.cauchy``
    """

    loc: float = 0.0
    scale: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "loc", as_scalar(self.loc, "loc"))
        object.__setattr__(self, "scale", check_positive(self.scale, "scale"))

    def mean(self) -> float:
        """Undefined: always raises ``ValueError``."""
        raise ValueError("the mean of a Cauchy distribution is undefined (E|X| diverges)")

    def var(self) -> float:
        """Undefined: always raises ``ValueError``."""
        raise ValueError("the variance of a Cauchy distribution is undefined (E|X| diverges)")

    def std(self) -> float:
        """Undefined: always raises ``ValueError``."""
        raise ValueError(
            "the standard deviation of a Cauchy distribution is undefined (E|X| diverges)"
        )

    def _pdf(self, x: FloatArray) -> FloatArray:
        z = (x - self.loc) / self.scale
        return 1.0 / (math.pi * self.scale * (1.0 + z**2))

    def _cdf(self, x: FloatArray) -> FloatArray:
        return 0.5 + np.arctan((x - self.loc) / self.scale) / math.pi

    def _ppf(self, q: FloatArray) -> FloatArray:
        # tan(pi/2) is not exactly infinite in floating point, so pin the ends of the support.
        inner = self.loc + self.scale * np.tan(math.pi * (q - 0.5))
        return np.where(q <= 0.0, -np.inf, np.where(q >= 1.0, np.inf, inner))

    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]:
        return self.loc + self.scale * rng.standard_cauchy(shape)
