"""Discrete distributions: Bernoulli, binomial and Poisson (private; see ``probability``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import special

from mathbook._validate import FloatArray, check_int, check_positive, check_probability

from ._base import DiscreteDistribution

__all__ = ["Bernoulli", "Binomial", "Poisson"]


@dataclass(frozen=True)
class Bernoulli(DiscreteDistribution):
    r"""One trial that succeeds ($X = 1$) with probability $p$ and fails ($X = 0$) otherwise.

    $$P(X = k) = p^k (1 - p)^{1 - k}, \quad k \in \{0, 1\}, \qquad
    E[X] = p, \quad \operatorname{Var}(X) = p(1 - p).$$

    Parameters
    ----------
    p : float
        Success probability in $[0, 1]$.

    Raises
    ------
    ValueError
        If ``p`` is not a probability.

    Examples
    --------
    >>> from mathbook.probability import Bernoulli
    >>> coin = Bernoulli(0.3)
    >>> float(coin.pmf(1)), float(coin.cdf(0)), coin.mean(), round(coin.var(), 2)
    (0.3, 0.7, 0.3, 0.21)

    See Also
    --------
    ``scipy.stats.bernoulli``
    """

    p: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "p", check_probability(self.p, "p"))

    def mean(self) -> float:
        """$E[X] = p$."""
        return self.p

    def var(self) -> float:
        r"""$\operatorname{Var}(X) = p(1 - p)$."""
        return self.p * (1.0 - self.p)

    def _support(self) -> tuple[float, float]:
        return 0.0, 1.0

    def _pmf(self, k: FloatArray) -> FloatArray:
        return np.where(k == 1.0, self.p, 1.0 - self.p)

    def _cdf(self, x: FloatArray) -> FloatArray:
        return np.where(x < 0.0, 0.0, np.where(x < 1.0, 1.0 - self.p, 1.0))

    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]:
        # A uniform number below p is a success: P(U < p) = p.
        return (rng.random(shape) < self.p).astype(np.int64)


@dataclass(frozen=True)
class Binomial(DiscreteDistribution):
    r"""The number of successes in $n$ independent trials with success probability $p$.

    $$P(X = k) = \binom{n}{k} p^k (1 - p)^{n - k}, \quad k = 0, \dots, n, \qquad
    E[X] = np, \quad \operatorname{Var}(X) = np(1 - p).$$

    The PMF is computed in log space with $\ln \binom{n}{k} = \ln\Gamma(n + 1) -
    \ln\Gamma(k + 1) - \ln\Gamma(n - k + 1)$, so large $n$ does not overflow. The CDF uses
    the identity $P(X \le k) = I_{1-p}(n - k, k + 1)$ with the regularised incomplete beta
    function $I$ (``scipy.special.betainc``) instead of summing the PMF.

    Parameters
    ----------
    n : int
        Number of trials, $n \ge 0$.
    p : float
        Success probability in $[0, 1]$.

    Raises
    ------
    ValueError
        If ``n`` is not a non-negative integer or ``p`` is not a probability.

    Examples
    --------
    >>> from mathbook.probability import Binomial
    >>> X = Binomial(n=10, p=0.5)
    >>> round(float(X.pmf(5)), 4), round(float(X.cdf(5)), 4), int(X.ppf(0.5))
    (0.2461, 0.623, 5)
    >>> X.mean(), X.var()
    (5.0, 2.5)

    See Also
    --------
    ``scipy.stats.binom``
    """

    n: int
    p: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "n", check_int(self.n, "n", minimum=0))
        object.__setattr__(self, "p", check_probability(self.p, "p"))

    def mean(self) -> float:
        """$E[X] = np$."""
        return self.n * self.p

    def var(self) -> float:
        r"""$\operatorname{Var}(X) = np(1 - p)$."""
        return self.n * self.p * (1.0 - self.p)

    def _support(self) -> tuple[float, float]:
        return 0.0, float(self.n)

    def _pmf(self, k: FloatArray) -> FloatArray:
        n, p = self.n, self.p
        log_choose = (
            special.gammaln(n + 1.0) - special.gammaln(k + 1.0) - special.gammaln(n - k + 1.0)
        )
        # xlogy / xlog1py give 0 * log(0) = 0, so p = 0 and p = 1 need no special case.
        log_pmf = log_choose + special.xlogy(k, p) + special.xlog1py(n - k, -p)
        return np.asarray(np.exp(log_pmf), dtype=np.float64)

    def _cdf(self, x: FloatArray) -> FloatArray:
        k = np.floor(x)
        if self.n == 0:
            return np.where(k >= 0.0, 1.0, 0.0)
        inner = np.clip(k, 0.0, self.n - 1.0)
        tail = special.betainc(self.n - inner, inner + 1.0, 1.0 - self.p)
        return np.where(k < 0.0, 0.0, np.where(k >= self.n, 1.0, tail))

    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]:
        return rng.binomial(self.n, self.p, size=shape).astype(np.int64)


@dataclass(frozen=True)
class Poisson(DiscreteDistribution):
    r"""The number of events in a fixed interval when events occur at rate $\lambda$.

    $$P(X = k) = \frac{\lambda^k e^{-\lambda}}{k!}, \quad k = 0, 1, 2, \dots, \qquad
    E[X] = \operatorname{Var}(X) = \lambda.$$

    The PMF is computed in log space ($k \ln\lambda - \lambda - \ln\Gamma(k + 1)$); the CDF
    is $P(X \le k) = Q(k + 1, \lambda)$, the regularised upper incomplete gamma function
    (``scipy.special.gammaincc``).

    Parameters
    ----------
    lam : float
        Rate $\lambda > 0$.

    Raises
    ------
    ValueError
        If ``lam`` is not a positive number.

    Examples
    --------
    >>> from mathbook.probability import Poisson
    >>> X = Poisson(lam=2.0)
    >>> round(float(X.pmf(0)), 4), round(float(X.cdf(2)), 4), X.mean(), X.var()
    (0.1353, 0.6767, 2.0, 2.0)
    >>> float(X.ppf(1.0))
    inf

    See Also
    --------
    ``scipy.stats.poisson``
    """

    lam: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "lam", check_positive(self.lam, "lam"))

    def mean(self) -> float:
        r"""$E[X] = \lambda$."""
        return self.lam

    def var(self) -> float:
        r"""$\operatorname{Var}(X) = \lambda$."""
        return self.lam

    def _support(self) -> tuple[float, float]:
        return 0.0, float("inf")

    def _pmf(self, k: FloatArray) -> FloatArray:
        log_pmf = special.xlogy(k, self.lam) - self.lam - special.gammaln(k + 1.0)
        return np.asarray(np.exp(log_pmf), dtype=np.float64)

    def _cdf(self, x: FloatArray) -> FloatArray:
        k = np.floor(x)
        upper_gamma = special.gammaincc(np.maximum(k, 0.0) + 1.0, self.lam)
        return np.where(k < 0.0, 0.0, upper_gamma)

    def _upper_bracket(self, q: FloatArray) -> FloatArray:
        # Start well above the mean, then double until every F(hi) reaches its q.
        hi = np.full(q.shape, np.ceil(self.lam + 10.0 * np.sqrt(self.lam) + 10.0))
        short = self._cdf(hi) < q
        while np.any(short):
            hi = np.where(short, 2.0 * hi, hi)
            short = self._cdf(hi) < q
        return hi

    def _draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> NDArray[Any]:
        return rng.poisson(self.lam, size=shape).astype(np.int64)
