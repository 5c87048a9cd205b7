"""Tests of mathbook.probability against SciPy, exact enumeration and simulation."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import scipy.stats as st
from hypothesis import assume, given, settings
from hypothesis import strategies as hs

from mathbook import probability as pr

SETTINGS = settings(max_examples=50, deadline=None)
probabilities = hs.floats(0.0, 1.0)
# SciPy's own binomial PMF overflows for subnormal p, so compare on ends or ordinary values.
scipy_safe_p = hs.sampled_from([0.0, 1.0]) | hs.floats(1e-12, 1.0 - 1e-12)
open_probs = hs.floats(1e-6, 1.0 - 1e-6)
locs = hs.floats(-1e3, 1e3)
scales = hs.floats(1e-2, 1e2)


def _close(a: object, b: object, rtol: float = 1e-9, atol: float = 1e-12) -> None:
    np.testing.assert_allclose(np.asarray(a, float), np.asarray(b, float), rtol=rtol, atol=atol)


def _check_discrete_ppf(dist: pr.DiscreteDistribution, frozen: object, q: np.ndarray) -> None:
    """ppf(q) is the smallest k with F(k) >= q: equal to SciPy's except at near-ties."""
    ours = np.asarray(dist.ppf(q))
    theirs = frozen.ppf(q)  # type: ignore[attr-defined]
    differ = ours != theirs
    if np.any(differ):
        # A disagreement is only acceptable when q sits within round-off of a CDF step.
        low = np.minimum(ours, theirs)[differ]
        gap = np.abs(frozen.cdf(low) - q[differ])  # type: ignore[attr-defined]
        assert np.all(gap < 1e-10), (ours[differ], theirs[differ], q[differ])


# --------------------------------------------------------------------------- distributions


@SETTINGS
@given(p=scipy_safe_p, q=hs.lists(open_probs, min_size=1, max_size=20))
def test_bernoulli_matches_scipy(p: float, q: list[float]) -> None:
    d, ref = pr.Bernoulli(p), st.bernoulli(p)
    k = np.array([-1.0, 0.0, 0.5, 1.0, 2.0])
    _close(d.pmf(k), ref.pmf(k))
    _close(d.cdf(k), ref.cdf(k))
    _check_discrete_ppf(d, ref, np.array(q))
    _close([d.mean(), d.var(), d.std()], [ref.mean(), ref.var(), ref.std()])


@SETTINGS
@given(n=hs.integers(0, 400), p=scipy_safe_p, q=hs.lists(open_probs, min_size=1, max_size=20))
def test_binomial_matches_scipy(n: int, p: float, q: list[float]) -> None:
    d, ref = pr.Binomial(n, p), st.binom(n, p)
    k = np.arange(-2, n + 3, dtype=float)
    _close(d.pmf(k), ref.pmf(k), rtol=1e-8, atol=1e-13)
    _close(d.cdf(k + 0.5), ref.cdf(k + 0.5), rtol=1e-8, atol=1e-13)
    assert np.all(np.asarray(d.pmf(k + 0.5)) == 0.0)
    _check_discrete_ppf(d, ref, np.array(q))
    # SciPy loses digits in var() for p within 1e-12 of 1, so compare loosely there and
    # exactly against the formula n p (1 - p) evaluated in rational arithmetic.
    _close([d.mean(), d.var(), d.std()], [ref.mean(), ref.var(), ref.std()], atol=1e-9)
    exact = n * Fraction(p) * (1 - Fraction(p))
    assert d.var() == pytest.approx(float(exact), rel=1e-12, abs=1e-300)


@SETTINGS
@given(lam=hs.floats(1e-3, 500.0), q=hs.lists(open_probs, min_size=1, max_size=20))
def test_poisson_matches_scipy(lam: float, q: list[float]) -> None:
    d, ref = pr.Poisson(lam), st.poisson(lam)
    k = np.arange(-2, int(lam + 12 * math.sqrt(lam) + 20), dtype=float)
    _close(d.pmf(k), ref.pmf(k), rtol=1e-8, atol=1e-13)
    _close(d.cdf(k), ref.cdf(k), rtol=1e-8, atol=1e-13)
    _check_discrete_ppf(d, ref, np.array(q))
    _close([d.mean(), d.var(), d.std()], [ref.mean(), ref.var(), ref.std()])


def test_discrete_ppf_ends_of_support() -> None:
    assert float(pr.Binomial(7, 0.3).ppf(0.0)) == 0.0
    assert float(pr.Binomial(7, 1e-5).ppf(1.0)) == 7.0  # F(6) rounds to 1, ppf(1) is still n
    assert float(pr.Poisson(3.0).ppf(1.0)) == math.inf
    assert np.asarray(pr.Bernoulli(0.4).ppf([0.0, 0.6, 0.61, 1.0])).tolist() == [0, 0, 1, 1]


@SETTINGS
@given(low=locs, width=scales, q=hs.lists(probabilities, min_size=1, max_size=20))
def test_uniform_matches_scipy(low: float, width: float, q: list[float]) -> None:
    d, ref = pr.Uniform(low, low + width), st.uniform(low, width)
    x = np.linspace(low - width, low + 2 * width, 30)  # steps avoid the two ends exactly
    _close(d.pdf(x), ref.pdf(x))
    _close(d.pdf([d.low, d.high]), [1 / (d.high - d.low)] * 2)
    _close(d.cdf(x), ref.cdf(x))
    _close(d.ppf(q), ref.ppf(q), atol=1e-9)
    _close([d.mean(), d.var(), d.std()], [ref.mean(), ref.var(), ref.std()])


@SETTINGS
@given(mu=locs, sigma=scales, q=hs.lists(probabilities, min_size=1, max_size=20))
def test_normal_matches_scipy(mu: float, sigma: float, q: list[float]) -> None:
    d, ref = pr.Normal(mu, sigma), st.norm(mu, sigma)
    x = mu + sigma * np.linspace(-8, 8, 41)
    _close(d.pdf(x), ref.pdf(x), atol=1e-300)
    _close(d.cdf(x), ref.cdf(x), atol=1e-300)
    _close(d.ppf(q), ref.ppf(q), atol=1e-9)
    _close([d.mean(), d.var(), d.std()], [ref.mean(), ref.var(), ref.std()])


@SETTINGS
@given(df=hs.floats(0.1, 200.0), q=hs.lists(probabilities, min_size=1, max_size=20))
def test_chi_squared_matches_scipy(df: float, q: list[float]) -> None:
    d, ref = pr.ChiSquared(df), st.chi2(df)
    x = np.concatenate([[-1.0, 0.0], np.linspace(1e-3, df + 10 * math.sqrt(2 * df) + 5, 40)])
    _close(d.pdf(x), ref.pdf(x), rtol=1e-8, atol=1e-300)
    _close(d.cdf(x), ref.cdf(x), rtol=1e-8, atol=1e-300)
    _close(d.ppf(q), ref.ppf(q), rtol=1e-8)
    _close([d.mean(), d.var(), d.std()], [ref.mean(), ref.var(), ref.std()])


def test_chi_squared_density_at_zero() -> None:
    assert float(pr.ChiSquared(1).pdf(0.0)) == math.inf
    assert float(pr.ChiSquared(2).pdf(0.0)) == 0.5
    assert float(pr.ChiSquared(3).pdf(0.0)) == 0.0


@SETTINGS
@given(loc=locs, scale=scales, q=hs.lists(probabilities, min_size=1, max_size=20))
def test_cauchy_matches_scipy(loc: float, scale: float, q: list[float]) -> None:
    d, ref = pr.Cauchy(loc, scale), st.cauchy(loc, scale)
    x = loc + scale * np.linspace(-50, 50, 41)
    _close(d.pdf(x), ref.pdf(x))
    _close(d.cdf(x), ref.cdf(x))
    q_arr = np.array(q)
    inner = (q_arr > 1e-6) & (q_arr < 1 - 1e-6)  # tan() is ill-conditioned at the ends
    _close(np.asarray(d.ppf(q_arr))[inner], ref.ppf(q_arr[inner]), rtol=1e-7, atol=1e-7 * scale)
    assert float(d.ppf(0.0)) == -math.inf and float(d.ppf(1.0)) == math.inf


@pytest.mark.parametrize("method", ["mean", "var", "std"])
def test_cauchy_moments_are_undefined(method: str) -> None:
    with pytest.raises(ValueError, match="undefined"):
        getattr(pr.Cauchy(), method)()


ALL = [
    pr.Bernoulli(0.3),
    pr.Binomial(12, 0.4),
    pr.Poisson(3.5),
    pr.Uniform(-1, 2),
    pr.Normal(1, 2),
    pr.ChiSquared(4),
    pr.Cauchy(0, 1),
]


@pytest.mark.parametrize("dist", ALL, ids=lambda d: type(d).__name__)
def test_vectorised_shapes_and_scalar_output(dist: pr.Distribution) -> None:
    x = np.array([[0.0, 1.0, 2.5], [3.0, -1.0, 0.5]])
    q = np.array([[0.1, 0.5], [0.9, 0.99]])
    density = dist.pmf if isinstance(dist, pr.DiscreteDistribution) else dist.pdf  # type: ignore[attr-defined]
    for fn, arg in [(density, x), (dist.cdf, x), (dist.ppf, q)]:
        out = fn(arg)
        assert isinstance(out, np.ndarray) and out.shape == arg.shape
        scalar = fn(arg.flat[0])
        assert type(scalar) is float and scalar == out.flat[0]  # a float, not np.float64
    # Integer input gives the same answer as float input, and inputs are not mutated.
    ints = np.array([0, 1, 2])
    before = ints.copy()
    _close(dist.cdf(ints), dist.cdf(ints.astype(float)))
    np.testing.assert_array_equal(ints, before)


@pytest.mark.parametrize("dist", ALL, ids=lambda d: type(d).__name__)
def test_sample_shape_reproducibility_and_fit(dist: pr.Distribution) -> None:
    a = dist.sample(size=(3, 4), seed=5)
    b = dist.sample(size=(3, 4), seed=np.random.default_rng(5))
    assert a.shape == (3, 4)
    np.testing.assert_array_equal(a, b)
    x = dist.sample(size=4000, seed=11)
    if isinstance(dist, pr.DiscreteDistribution):
        assert x.dtype == np.int64
        # Chi-squared goodness of fit over the support values that occur.
        values, counts = np.unique(x, return_counts=True)
        expected = np.asarray(dist.pmf(values)) * x.size
        rest = x.size - expected.sum()
        observed = np.append(counts, 0)
        expected = np.append(expected, rest)
        keep = expected > 0
        assert (
            st.chisquare(
                observed[keep],
                expected[keep] * observed.sum() / expected[keep].sum(),
            ).pvalue
            > 1e-4
        )
    else:
        assert x.dtype == np.float64
        assert st.kstest(x, dist.cdf).pvalue > 1e-4


@pytest.mark.parametrize(
    ("factory", "match"),
    [
        (lambda: pr.Bernoulli(1.5), "p must be a probability"),
        (lambda: pr.Bernoulli(math.nan), "p must be finite"),
        (lambda: pr.Binomial(-1, 0.5), "n must be at least 0"),
        (lambda: pr.Binomial(2.5, 0.5), "n must be an integer"),
        (lambda: pr.Binomial(3, -0.1), "p must be a probability"),
        (lambda: pr.Poisson(0.0), "lam must be positive"),
        (lambda: pr.Uniform(2.0, 2.0), "low must be less than high"),
        (lambda: pr.Uniform(0.0, math.inf), "high must be finite"),
        (lambda: pr.Normal(0.0, 0.0), "sigma must be positive"),
        (lambda: pr.Normal("a", 1.0), "mu must be a real number"),
        (lambda: pr.ChiSquared(0.0), "df must be positive"),
        (lambda: pr.Cauchy(0.0, -1.0), "scale must be positive"),
    ],
)
def test_invalid_parameters(factory: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        factory()  # type: ignore[operator]


def test_invalid_method_arguments() -> None:
    d = pr.Normal()
    with pytest.raises(ValueError, match="q must contain probabilities"):
        d.ppf([0.5, 1.2])
    with pytest.raises(ValueError, match="q must contain probabilities"):
        pr.Binomial(3, 0.5).ppf(-0.1)
    with pytest.raises(ValueError, match="x must contain only finite"):
        d.cdf([0.0, math.inf])
    with pytest.raises(ValueError, match="k must contain only finite"):
        pr.Poisson(2.0).pmf(math.nan)
    with pytest.raises(ValueError, match="x must be numeric"):
        d.pdf("1.0")
    with pytest.raises(ValueError, match="size must be at least 1"):
        d.sample(0)
    with pytest.raises(ValueError, match="size must be an integer"):
        d.sample((2, 1.5))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="seed must be"):
        d.sample(3, seed="x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="seed must be at least 0, got -1"):
        d.sample(3, seed=-1)


def test_distributions_are_frozen_values() -> None:
    d = pr.Binomial(10, 0.5)
    assert d == pr.Binomial(10, 0.5) and repr(d) == "Binomial(n=10, p=0.5)"
    with pytest.raises(AttributeError):
        d.p = 0.2  # type: ignore[misc]


# --------------------------------------------------------------------------- inverse CDF


@pytest.mark.parametrize(
    ("ppf", "ref_cdf"),
    [
        (pr.Normal(2.0, 3.0).ppf, st.norm(2.0, 3.0).cdf),
        (lambda q: -np.log1p(-q) / 1.5, st.expon(scale=1 / 1.5).cdf),
        (pr.Cauchy(0.0, 2.0).ppf, st.cauchy(0.0, 2.0).cdf),
    ],
)
def test_inverse_cdf_sample_passes_ks_test(ppf: object, ref_cdf: object) -> None:
    x = pr.inverse_cdf_sample(ppf, size=5000, seed=123)  # type: ignore[arg-type]
    assert x.shape == (5000,) and np.all(np.isfinite(x))
    assert st.kstest(x, ref_cdf).pvalue > 1e-3  # type: ignore[arg-type]
    np.testing.assert_array_equal(x, pr.inverse_cdf_sample(ppf, 5000, seed=123))  # type: ignore[arg-type]


def test_inverse_cdf_sample_of_a_discrete_ppf_has_the_right_frequencies() -> None:
    x = pr.inverse_cdf_sample(pr.Binomial(5, 0.3).ppf, size=20_000, seed=3)
    counts = np.bincount(x.astype(int), minlength=6)
    assert st.chisquare(counts, st.binom(5, 0.3).pmf(np.arange(6)) * x.size).pvalue > 1e-3


def test_inverse_cdf_sample_errors() -> None:
    with pytest.raises(ValueError, match="ppf must be a callable"):
        pr.inverse_cdf_sample(3.0, 10)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ppf must return an array of the same shape"):
        pr.inverse_cdf_sample(lambda q: q.sum(), 10)
    with pytest.raises(ValueError, match="ppf must return numbers"):
        pr.inverse_cdf_sample(lambda q: ["a"] * q.size, 3)
    with pytest.raises(ValueError, match="size must be at least 1"):
        pr.inverse_cdf_sample(np.sqrt, -2)


# --------------------------------------------------------------------------- birthdays


def _birthday_exact(n: int, days: int) -> Fraction:
    all_different = Fraction(1)
    for i in range(n):
        all_different *= Fraction(days - i, days)
    return 1 - all_different


@SETTINGS
@given(n=hs.integers(0, 60), days=hs.integers(1, 400))
def test_birthday_probability_matches_exact_product(n: int, days: int) -> None:
    exact = float(_birthday_exact(n, days)) if n <= days else 1.0
    _close(pr.birthday_probability(n, days), exact, rtol=1e-11, atol=1e-15)


def test_birthday_probability_vectorised_large_and_classic() -> None:
    ns = np.array([0, 1, 22, 23, 366, 1000])
    got = np.asarray(pr.birthday_probability(ns))
    assert got[0] == 0.0 and got[1] == 0.0 and got[4] == 1.0 and got[5] == 1.0
    assert got[2] < 0.5 < got[3]  # 23 is the classic threshold
    # No overflow for a huge calendar: compare with the product computed in log space by NumPy.
    d, n = 10**7, 5000
    ref = -np.expm1(np.sum(np.log1p(-np.arange(n) / d)))
    _close(pr.birthday_probability(n, d), ref, rtol=1e-9)
    _close(pr.birthday_probability(2, d), 1 / d, rtol=1e-12)  # tiny answers keep precision
    _close(pr.birthday_probability([3.0]), pr.birthday_probability(np.array([3])))


@SETTINGS
@given(n=hs.integers(0, 3000), days=hs.integers(1, 1000))
def test_birthday_same_as_you_matches_exact(n: int, days: int) -> None:
    exact = 1 - Fraction(days - 1, days) ** n
    _close(pr.birthday_same_as_you(n, days), float(exact), rtol=1e-10, atol=1e-15)


def test_simulate_birthday_agrees_with_exact() -> None:
    trials = 20_000
    for n in (10, 23, 40):
        p = float(pr.birthday_probability(n))
        est = pr.simulate_birthday(n, trials, seed=n)
        assert abs(est - p) < 4.5 * math.sqrt(p * (1 - p) / trials)
    assert pr.simulate_birthday(0, 10, seed=0) == 0.0
    assert pr.simulate_birthday(3, 50, days=2, seed=0) == 1.0


def test_birthday_errors() -> None:
    with pytest.raises(ValueError, match="n must contain whole numbers"):
        pr.birthday_probability(2.5)
    with pytest.raises(ValueError, match="n must be at least 0"):
        pr.birthday_same_as_you([3, -1])
    with pytest.raises(ValueError, match="days must be at least 1"):
        pr.birthday_probability(3, days=0)
    with pytest.raises(ValueError, match="trials must be at least 1"):
        pr.simulate_birthday(3, 0)
    with pytest.raises(ValueError, match="n must be an integer"):
        pr.simulate_birthday(3.5, 10)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- Monty Hall


def _monty_hall_by_enumeration(n: int, switch: bool) -> Fraction:
    """Sum the probability of every (car, pick, opened, final) path that wins."""
    win = Fraction(0)
    for car, pick in itertools.product(range(n), repeat=2):
        p_start = Fraction(1, n * n)
        can_open = [d for d in range(n) if d not in (car, pick)]
        for opened in can_open:
            p_open = p_start / len(can_open)
            if not switch:
                win += p_open * (pick == car)
                continue
            can_move = [d for d in range(n) if d not in (pick, opened)]
            win += p_open * Fraction(sum(d == car for d in can_move), len(can_move))
    return win


@pytest.mark.parametrize("n", [3, 4, 5, 7])
@pytest.mark.parametrize("switch", [True, False])
def test_monty_hall_exact_matches_enumeration(n: int, switch: bool) -> None:
    assert pr.monty_hall_win_probability(n, switch) == pytest.approx(
        float(_monty_hall_by_enumeration(n, switch)), rel=1e-15
    )


@pytest.mark.parametrize("n", [3, 4, 10])
@pytest.mark.parametrize("switch", [True, False])
def test_simulate_monty_hall_agrees_with_exact(n: int, switch: bool) -> None:
    trials = 40_000
    p = pr.monty_hall_win_probability(n, switch)
    est = pr.simulate_monty_hall(n, switch, trials=trials, seed=n + 10 * switch)
    assert abs(est - p) < 4.5 * math.sqrt(p * (1 - p) / trials)


def test_monty_hall_host_never_opens_pick_or_car() -> None:
    from mathbook.probability._simulations import _uniform_door_avoiding

    rng = np.random.default_rng(0)
    n = 5
    a = rng.integers(0, n, 50_000)
    b = rng.integers(0, n, 50_000)
    door = _uniform_door_avoiding(rng, n, a, b)
    assert np.all((door != a) & (door != b) & (door >= 0) & (door < n))
    # Uniform over the allowed doors: with a == b == 0, doors 1..4 equally often.
    same = (a == 0) & (b == 0)
    counts = np.bincount(door[same], minlength=n)[1:]
    assert st.chisquare(counts).pvalue > 1e-3


def test_monty_hall_errors() -> None:
    with pytest.raises(ValueError, match="n_doors must be at least 3"):
        pr.monty_hall_win_probability(2)
    with pytest.raises(ValueError, match="switch must be True or False"):
        pr.simulate_monty_hall(3, switch="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="trials must be at least 1"):
        pr.simulate_monty_hall(3, trials=0)


# --------------------------------------------------------------------------- dice


@SETTINGS
@given(
    n_dice=hs.integers(1, 3),
    sides=hs.integers(2, 6),
    data=hs.data(),
)
def test_dice_sum_matches_enumeration(n_dice: int, sides: int, data: hs.DataObject) -> None:
    weights = data.draw(hs.none() | hs.lists(hs.integers(0, 5), min_size=sides, max_size=sides))
    assume(weights is None or sum(weights) > 0)
    face = np.full(sides, 1 / sides) if weights is None else np.array(weights) / sum(weights)
    expected = np.zeros(n_dice * sides + 1)
    for faces in itertools.product(range(sides), repeat=n_dice):
        expected[sum(faces) + n_dice] += np.prod(face[list(faces)])
    values, probs = pr.dice_sum_distribution(n_dice, sides, weights)
    assert values.tolist() == list(range(n_dice, n_dice * sides + 1))
    _close(probs, expected[n_dice:], atol=1e-15)
    assert probs.sum() == pytest.approx(1.0)


def test_simulate_dice_fits_exact_distribution() -> None:
    weights = [1, 1, 1, 1, 1, 3]  # a die loaded towards six
    values, freq = pr.simulate_dice(3, trials=30_000, weights=weights, seed=7)
    exact_values, probs = pr.dice_sum_distribution(3, weights=weights)
    np.testing.assert_array_equal(values, exact_values)
    assert freq.sum() == pytest.approx(1.0)
    assert st.chisquare(freq * 30_000, probs * 30_000).pvalue > 1e-3


def test_dice_errors() -> None:
    with pytest.raises(ValueError, match="weights must have length 6"):
        pr.dice_sum_distribution(2, weights=[1, 2])
    with pytest.raises(ValueError, match="weights must be non-negative"):
        pr.dice_sum_distribution(2, sides=2, weights=[1, -1])
    with pytest.raises(ValueError, match="weights must not all be zero"):
        pr.simulate_dice(2, 10, sides=2, weights=[0, 0])
    with pytest.raises(ValueError, match="n_dice must be at least 1"):
        pr.dice_sum_distribution(0)
    with pytest.raises(ValueError, match="sides must be at least 2"):
        pr.simulate_dice(1, 10, sides=1)


# --------------------------------------------------------------------------- Bayes


def test_bayes_rule_rare_disease_by_natural_frequencies() -> None:
    # Of 1 000 000 people, 100 are ill; 99 of them test positive, and so do 1% of the
    # 999 900 healthy ones (9 999). P(ill | positive) = 99 / (99 + 9 999).
    expected = Fraction(99, 99 + 9999)
    assert bayes_rule_value() == pytest.approx(float(expected), rel=1e-12)


def bayes_rule_value() -> float:
    return pr.bayes_rule(prior=1e-4, sensitivity=0.99, false_positive_rate=0.01)


@SETTINGS
@given(prior=open_probs, sens=probabilities, fpr=probabilities)
def test_bayes_rule_is_a_two_hypothesis_posterior(prior: float, sens: float, fpr: float) -> None:
    assume(sens * prior + fpr * (1 - prior) > 1e-300)
    got = pr.bayes_rule(prior, sens, fpr)
    # Odds form of Bayes' theorem: posterior odds = prior odds * likelihood ratio.
    if sens > 0:
        # Odds form: posterior odds = prior odds * likelihood ratio sens / fpr.
        assert got == pytest.approx(1 / (1 + (1 - prior) / prior * fpr / sens), rel=1e-9)
    _close(pr.posterior([prior, 1 - prior], [sens, fpr])[0], got)


@SETTINGS
@given(data=hs.data(), m=hs.integers(1, 8))
def test_posterior_is_proportional_to_prior_times_likelihood(data: hs.DataObject, m: int) -> None:
    weights = np.array(data.draw(hs.lists(hs.floats(0.01, 1), min_size=m, max_size=m)))
    prior = weights / weights.sum()
    lik = np.array(data.draw(hs.lists(hs.floats(0.01, 5), min_size=m, max_size=m)))
    before = lik.copy()
    post = pr.posterior(prior, lik)
    assert post.sum() == pytest.approx(1.0)
    _close(post / post[0], (prior * lik) / (prior[0] * lik[0]), rtol=1e-10)
    np.testing.assert_array_equal(lik, before)


def test_bayes_errors() -> None:
    with pytest.raises(ValueError, match="sensitivity must be a probability"):
        pr.bayes_rule(0.1, 1.2, 0.1)
    with pytest.raises(ValueError, match="evidence"):
        pr.bayes_rule(0.0, 0.9, 0.0)
    with pytest.raises(ValueError, match="prior must sum to 1"):
        pr.posterior([0.5, 0.6], [0.1, 0.2])
    with pytest.raises(ValueError, match="prior must contain probabilities"):
        pr.posterior([1.5, -0.5], [0.1, 0.2])
    with pytest.raises(ValueError, match="likelihoods must be non-negative"):
        pr.posterior([0.5, 0.5], [0.1, -0.2])
    with pytest.raises(ValueError, match="same length"):
        pr.posterior([0.5, 0.5], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="evidence"):
        pr.posterior([1.0, 0.0], [0.0, 0.3])


# --------------------------------------------------------------------------- frequency


def test_empirical_frequency_converges_and_matches_cumulative_mean() -> None:
    outcomes = pr.Bernoulli(0.3).sample(50_000, seed=2)
    freq = pr.empirical_frequency(outcomes)
    _close(freq, np.cumsum(outcomes) / np.arange(1, outcomes.size + 1))
    assert abs(freq[-1] - 0.3) < 4.5 * math.sqrt(0.3 * 0.7 / outcomes.size)
    _close(pr.empirical_frequency([True, False]), pr.empirical_frequency([1.0, 0.0]))


def test_empirical_frequency_errors() -> None:
    with pytest.raises(ValueError, match="outcomes must contain only 0 and 1"):
        pr.empirical_frequency([0, 1, 2])
    with pytest.raises(ValueError, match="outcomes must not be empty"):
        pr.empirical_frequency([])
    with pytest.raises(ValueError, match="outcomes must be a 1-D array"):
        pr.empirical_frequency([[0, 1]])
