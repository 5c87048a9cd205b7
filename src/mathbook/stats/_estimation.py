"""Point estimation: maximum likelihood and Bayesian (beta-binomial) estimates (private)."""

from __future__ import annotations

from numpy.typing import ArrayLike

from mathbook._validate import as_binary_labels, check_int, check_positive

from ._common import sample_vector, sum_of_squares

__all__ = ["map_bernoulli", "mle_bernoulli", "mle_normal", "posterior_beta"]


def mle_normal(x: ArrayLike) -> tuple[float, float]:
    r"""Maximum-likelihood estimates of a normal distribution's mean and variance.

    Maximising $\ell(\mu, \sigma^2) = -\frac{n}{2}\ln(2\pi\sigma^2)
    - \frac{1}{2\sigma^2}\sum_i (x_i - \mu)^2$ gives

    $$\hat\mu = \bar x, \qquad \hat\sigma^2 = \frac{1}{n}\sum_{i=1}^{n} (x_i - \bar x)^2.$$

    Note the $1/n$: the MLE of the variance is biased ($E[\hat\sigma^2] =
    \frac{n-1}{n}\sigma^2$), unlike the sample variance with $1/(n - 1)$.

    Parameters
    ----------
    x : array_like
        1-D sample, at least one value.

    Returns
    -------
    (float, float)
        ``(mu_hat, sigma2_hat)`` — a variance, not a standard deviation.

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D or not finite.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.mle_normal([1, 2, 3, 4])
    (2.5, 1.25)
    """
    values = sample_vector(x, "x")
    centre, ss = sum_of_squares(values)
    return centre, ss / values.size


def mle_bernoulli(x: ArrayLike) -> float:
    r"""Maximum-likelihood estimate of a coin's success probability from 0/1 outcomes.

    $\ell(p) = k\ln p + (n - k)\ln(1 - p)$ with $k = \sum_i x_i$; setting
    $\ell'(p) = k/p - (n - k)/(1 - p) = 0$ gives

    $$\hat p = \frac{k}{n} = \bar x.$$

    Parameters
    ----------
    x : array_like
        1-D sample of 0/1 (or ``False``/``True``) outcomes.

    Returns
    -------
    float
        $\hat p$.

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D, or contains values other than 0 and 1.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.mle_bernoulli([1, 0, 1, 1, 0, 1, 1, 1])
    0.75
    """
    return float(as_binary_labels(x, "x").mean())


def _check_beta_prior(a: float, b: float) -> tuple[float, float]:
    return check_positive(a, "a"), check_positive(b, "b")


def posterior_beta(successes: int, n: int, a: float, b: float) -> tuple[float, float]:
    r"""Posterior of a success probability: Beta prior, binomial data (conjugate update).

    With prior $p \sim \operatorname{Beta}(a, b)$ and $k$ successes in $n$ trials,

    $$\pi(p \mid k) \propto p^{k}(1 - p)^{n-k} \cdot p^{a-1}(1 - p)^{b-1}
      \ \Longrightarrow\ p \mid k \sim \operatorname{Beta}(a + k,\ b + n - k).$$

    The prior acts like $a$ earlier successes and $b$ earlier failures.

    Parameters
    ----------
    successes : int
        $k$, with $0 \le k \le n$.
    n : int
        Number of trials, $n \ge 0$ ($n = 0$ returns the prior).
    a, b : float
        Prior parameters, both $> 0$.

    Returns
    -------
    (float, float)
        ``(a + k, b + n - k)``.

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is not positive or the counts are not whole numbers in range.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.posterior_beta(successes=7, n=10, a=2, b=2)
    (9.0, 5.0)
    """
    alpha, beta = _check_beta_prior(a, b)
    k, trials = _check_counts(successes, n)
    return alpha + k, beta + trials - k


def _check_counts(successes: int, n: int) -> tuple[int, int]:
    """Whole numbers ``0 <= successes <= n`` (``n = 0``, no data yet, is allowed)."""
    trials = check_int(n, "n", minimum=0)
    k = check_int(successes, "successes", minimum=0)
    if k > trials:
        raise ValueError(f"successes must be between 0 and n={trials}, got {k}")
    return k, trials


def map_bernoulli(successes: int, n: int, a: float, b: float) -> float:
    r"""MAP estimate of a success probability: the mode of the Beta posterior.

    The posterior is $\operatorname{Beta}(a', b')$ with $a' = a + k$, $b' = b + n - k$
    (see :func:`posterior_beta`). Its mode is

    $$\hat p_{\text{MAP}} = \frac{a' - 1}{a' + b' - 2} = \frac{k + a - 1}{n + a + b - 2}
      \qquad (a' > 1,\ b' > 1),$$

    the MLE $k/n$ pulled towards the prior, like adding $a - 1$ successes and $b - 1$
    failures (MAP as regularised MLE).

    Edge cases, when $a' = a + k \le 1$ or $b' \le 1$, the density has no interior
    maximum:

    * $a' \le 1 < b'$ or $a' < 1 = b'$: the density decreases, the mode is **0**;
    * $b' \le 1 < a'$ or $b' < 1 = a'$: the density increases, the mode is **1**;
    * $a' < 1$ and $b' < 1$ (U-shaped, two modes) or $a' = b' = 1$ (flat): there is no
      unique mode and ``ValueError`` is raised.

    Parameters
    ----------
    successes : int
        $k$, with $0 \le k \le n$.
    n : int
        Number of trials, $n \ge 0$.
    a, b : float
        Prior parameters, both $> 0$.

    Returns
    -------
    float
        The MAP estimate in $[0, 1]$.

    Raises
    ------
    ValueError
        If an argument is invalid or the posterior has no unique mode.

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.map_bernoulli(successes=7, n=10, a=2, b=2)
    0.6666666666666666
    >>> stats.map_bernoulli(successes=0, n=3, a=1, b=1)
    0.0
    """
    a_post, b_post = posterior_beta(successes, n, a, b)
    if a_post > 1.0 and b_post > 1.0:
        return (a_post - 1.0) / (a_post + b_post - 2.0)
    if (a_post <= 1.0 < b_post) or (a_post < 1.0 == b_post):
        return 0.0
    if (b_post <= 1.0 < a_post) or (b_post < 1.0 == a_post):
        return 1.0
    raise ValueError(
        f"the posterior Beta({a_post:g}, {b_post:g}) has no unique mode "
        "(a + successes and b + n - successes are both at most 1), so the MAP estimate "
        "is undefined"
    )
