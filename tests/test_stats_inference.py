"""Tests of mathbook.stats intervals, hypothesis tests and power against SciPy and formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats as st
from hypothesis import assume, example, given, settings
from hypothesis import strategies as hs
from scipy import integrate, special

from mathbook import stats
from mathbook.stats import Alternative

SETTINGS = settings(max_examples=50, deadline=None)
ALTERNATIVES = ["two-sided", "less", "greater"]
values = hs.floats(-100, 100, allow_nan=False)
alternatives = hs.sampled_from(ALTERNATIVES)
confidences = hs.floats(0.5, 0.999)


def sample(min_size: int = 2, max_size: int = 30) -> hs.SearchStrategy[list[float]]:
    return hs.lists(values, min_size=min_size, max_size=max_size)


def _varied(x: list[float] | np.ndarray) -> bool:
    return bool(np.std(x) > 1e-6 * (1.0 + np.max(np.abs(x))))


def _same(ours: stats.TestResult, theirs: object, df: object = None) -> None:
    assert ours.statistic == pytest.approx(theirs.statistic, rel=1e-9, abs=1e-12)  # type: ignore[attr-defined]
    assert ours.pvalue == pytest.approx(theirs.pvalue, rel=1e-7, abs=1e-14)  # type: ignore[attr-defined]
    if df is not None:
        assert ours.df == pytest.approx(df, rel=1e-9)
    assert type(ours.statistic) is float and type(ours.pvalue) is float


def _normal_p(z: float, alternative: str) -> float:
    """Independent p-value of a z statistic from scipy.stats.norm."""
    if alternative == "less":
        return float(st.norm.cdf(z))
    if alternative == "greater":
        return float(st.norm.sf(z))
    return float(2 * st.norm.sf(abs(z)))


# --------------------------------------------------------------------------- t tests, ANOVA


@SETTINGS
@given(x=sample(), popmean=values, alternative=alternatives)
def test_ttest_1samp_matches_scipy(x: list[float], popmean: float, alternative: str) -> None:
    assume(_varied(x))
    ref = st.ttest_1samp(x, popmean, alternative=alternative)
    _same(stats.ttest_1samp(x, popmean, alternative), ref, ref.df)  # type: ignore[arg-type]


@SETTINGS
@given(x=sample(), y=sample(), equal_var=hs.booleans(), alternative=alternatives)
def test_ttest_ind_matches_scipy(
    x: list[float], y: list[float], equal_var: bool, alternative: str
) -> None:
    assume(_varied(x) and _varied(y))
    ref = st.ttest_ind(x, y, equal_var=equal_var, alternative=alternative)
    ours = stats.ttest_ind(x, y, equal_var=equal_var, alternative=alternative)  # type: ignore[arg-type]
    _same(ours, ref, ref.df)


@SETTINGS
@given(data=hs.data(), n=hs.integers(2, 30), alternative=alternatives)
def test_ttest_rel_matches_scipy(data: hs.DataObject, n: int, alternative: str) -> None:
    x = data.draw(hs.lists(values, min_size=n, max_size=n))
    y = data.draw(hs.lists(values, min_size=n, max_size=n))
    assume(_varied(np.subtract(x, y)))
    ref = st.ttest_rel(x, y, alternative=alternative)
    _same(stats.ttest_rel(x, y, alternative), ref, ref.df)  # type: ignore[arg-type]


@SETTINGS
@given(groups=hs.lists(sample(min_size=1, max_size=15), min_size=2, max_size=5))
@example(groups=[[74.0], [0.0, 0.0, 0.015625]])  # ill-conditioned: SciPy is off by 2e-9
def test_anova_matches_scipy_f_oneway(groups: list[list[float]]) -> None:
    k, n = len(groups), sum(len(g) for g in groups)
    assume(n > k and any(len(g) > 1 and _varied(g) for g in groups))
    ours = stats.anova_oneway(*groups)
    assert ours.df == (k - 1, n - k)
    ref = st.f_oneway(*groups)
    if np.isnan(ref.pvalue):  # equal group means: SciPy's F rounds below 0, ours is F = 0
        assert ours.statistic == pytest.approx(0.0, abs=1e-12) and ours.pvalue == 1.0
        return
    # With a tiny within-group spread F is ill-conditioned and SciPy's float sums drift
    # (e.g. groups [74], [0, 0, 1/64]: exact F = 50459712.25, SciPy 50459712.156), so
    # the statistic is checked against exact rational arithmetic on the same floats,
    # and the p-value against SciPy's F distribution at that exact statistic.
    exact = _exact_f(groups)
    assert ours.statistic == pytest.approx(exact, rel=1e-9, abs=1e-12)
    assert ours.pvalue == pytest.approx(st.f.sf(exact, k - 1, n - k), rel=1e-7, abs=1e-14)
    assert ours.statistic == pytest.approx(ref.statistic, rel=1e-6, abs=1e-9)


def _exact_f(groups: list[list[float]]) -> float:
    from fractions import Fraction

    exact = [[Fraction(x) for x in g] for g in groups]
    n = sum(len(g) for g in exact)
    grand = sum(sum(g) for g in exact) / n
    means = [sum(g) / len(g) for g in exact]
    ssb = sum(len(g) * (m - grand) ** 2 for g, m in zip(exact, means, strict=True))
    ssw = sum(sum((x - m) ** 2 for x in g) for g, m in zip(exact, means, strict=True))
    return float((ssb / (len(exact) - 1)) / (ssw / (n - len(exact))))


def test_t_tests_on_a_hand_example() -> None:
    # x = (1, 2, 3, 4, 5): mean 3, s^2 = 2.5, se = sqrt(2.5 / 5); t = (3 - 2) / se.
    r = stats.ttest_1samp([1, 2, 3, 4, 5], 2.0, alternative="greater")
    assert r.statistic == pytest.approx(1 / math.sqrt(0.5), rel=1e-14) and r.df == 4.0
    assert "TtestResult(statistic=" in repr(r) and "df=4.0" in repr(r)
    # Paired test = one-sample test on the differences.
    x, y = [5.0, 7.0, 6.5, 8.0], [4.0, 6.5, 6.0, 6.0]
    paired = stats.ttest_rel(x, y)
    one = stats.ttest_1samp(np.subtract(x, y), 0.0)
    assert (paired.statistic, paired.pvalue, paired.df) == (one.statistic, one.pvalue, one.df)


# --------------------------------------------------------------------------- z tests


@SETTINGS
@given(x=sample(min_size=1), popmean=values, sigma=hs.floats(0.1, 50), alternative=alternatives)
def test_ztest_1samp_matches_formula(
    x: list[float], popmean: float, sigma: float, alternative: str
) -> None:
    z = (np.mean(x) - popmean) / (sigma / math.sqrt(len(x)))
    r = stats.ztest_1samp(x, popmean, sigma, alternative)  # type: ignore[arg-type]
    assert r.statistic == pytest.approx(z, rel=1e-9, abs=1e-12)
    assert r.pvalue == pytest.approx(_normal_p(z, alternative), rel=1e-7, abs=1e-300)
    assert r.df is None


@SETTINGS
@given(n=hs.integers(1, 10_000), data=hs.data(), p0=hs.floats(0.01, 0.99), alternative=alternatives)
def test_ztest_proportion_matches_formula(
    n: int, data: hs.DataObject, p0: float, alternative: str
) -> None:
    count = data.draw(hs.integers(0, n))
    z = (count / n - p0) / math.sqrt(p0 * (1 - p0) / n)
    r = stats.ztest_proportion(count, n, p0, alternative)  # type: ignore[arg-type]
    assert r.statistic == pytest.approx(z, rel=1e-9, abs=1e-12)
    assert r.pvalue == pytest.approx(_normal_p(z, alternative), rel=1e-7, abs=1e-300)


@SETTINGS
@given(n1=hs.integers(1, 5000), n2=hs.integers(1, 5000), data=hs.data(), alternative=alternatives)
def test_ztest_proportions_matches_pooled_formula(
    n1: int, n2: int, data: hs.DataObject, alternative: str
) -> None:
    c1, c2 = data.draw(hs.integers(0, n1)), data.draw(hs.integers(0, n2))
    pooled = (c1 + c2) / (n1 + n2)
    assume(0 < pooled < 1)
    z = (c1 / n1 - c2 / n2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    r = stats.ztest_proportions(c1, n1, c2, n2, alternative)  # type: ignore[arg-type]
    assert r.statistic == pytest.approx(z, rel=1e-9, abs=1e-12)
    assert r.pvalue == pytest.approx(_normal_p(z, alternative), rel=1e-7, abs=1e-300)
    # With two groups the two-sided z test equals the chi-squared test without correction.
    if alternative == "two-sided":
        table = np.array([[c1, n1 - c1], [c2, n2 - c2]])
        if (st.contingency.expected_freq(table) > 0).all():
            chi2 = st.chi2_contingency(table, correction=False)
            assert r.statistic**2 == pytest.approx(chi2.statistic, rel=1e-8)


# --------------------------------------------------------------------------- intervals


@SETTINGS
@given(x=sample(), confidence=confidences)
def test_mean_ci_t_matches_scipy(x: list[float], confidence: float) -> None:
    assume(_varied(x))
    low, high = stats.mean_ci(x, confidence)
    ref = st.t.interval(confidence, len(x) - 1, loc=np.mean(x), scale=st.sem(x))
    np.testing.assert_allclose([low, high], ref, rtol=1e-9, atol=1e-9)


@SETTINGS
@given(x=sample(min_size=1), confidence=confidences, sigma=hs.floats(0.1, 50))
def test_mean_ci_z_matches_scipy(x: list[float], confidence: float, sigma: float) -> None:
    low, high = stats.mean_ci(x, confidence, sigma=sigma)
    ref = st.norm.interval(confidence, loc=np.mean(x), scale=sigma / math.sqrt(len(x)))
    np.testing.assert_allclose([low, high], ref, rtol=1e-9, atol=1e-9)


@SETTINGS
@given(
    x=sample(), y=sample(), level=confidences, equal_var=hs.booleans(),
    alternative=hs.sampled_from(["two-sided", "less", "greater"]),
)
def test_t_test_confidence_intervals_match_scipy(
    x: list[float], y: list[float], level: float, equal_var: bool, alternative: Alternative
) -> None:
    assume(_varied(x) and _varied(y))
    pairs = [
        (stats.ttest_1samp(x, 1.0, alternative), st.ttest_1samp(x, 1.0, alternative=alternative)),
        (
            stats.ttest_ind(x, y, equal_var, alternative),
            st.ttest_ind(x, y, equal_var=equal_var, alternative=alternative),
        ),
    ]
    if len(x) == len(y) and _varied(np.subtract(x, y).tolist()):
        pairs.append((stats.ttest_rel(x, y, alternative), st.ttest_rel(x, y, alternative=alternative)))
    for ours, theirs in pairs:
        interval = ours.confidence_interval(confidence_level=level)
        assert isinstance(interval, stats.ConfidenceInterval)
        assert type(interval.low) is float and type(interval.high) is float
        ref = theirs.confidence_interval(confidence_level=level)
        np.testing.assert_allclose(interval, (ref.low, ref.high), rtol=1e-8, atol=1e-8)


def test_intervals_are_named_tuples_like_scipys() -> None:
    interval = stats.mean_ci([9, 10, 11, 12, 13], confidence_level=0.9)
    low, high = interval  # unpacking keeps working
    assert (interval.low, interval.high) == (low, high) and low < 11 < high
    assert stats.ttest_1samp([9, 10, 11, 12, 13], 10).confidence_interval(0.9) == interval
    assert stats.proportion_ci(40, 100)._fields == ("low", "high")


def test_mean_ci_covers_the_true_mean_about_95_percent_of_the_time() -> None:
    rng = np.random.default_rng(2024)
    draws = rng.exponential(scale=2.0, size=(2000, 40))  # skewed, but n = 40
    covered = [lo <= 2.0 <= hi for lo, hi in (stats.mean_ci(row) for row in draws)]
    rate = float(np.mean(covered))
    assert abs(rate - 0.95) < 0.03, rate


@SETTINGS
@given(n=hs.integers(1, 10_000), data=hs.data(), confidence=confidences)
def test_proportion_ci_matches_wald_formula(n: int, data: hs.DataObject, confidence: float) -> None:
    count = data.draw(hs.integers(0, n))
    p = count / n
    margin = st.norm.ppf((1 + confidence) / 2) * math.sqrt(p * (1 - p) / n)
    low, high = stats.proportion_ci(count, n, confidence)
    assert low == pytest.approx(max(0.0, p - margin), abs=1e-12)
    assert high == pytest.approx(min(1.0, p + margin), abs=1e-12)


@SETTINGS
@given(margin=hs.floats(0.01, 10), sigma=hs.floats(0.1, 50), confidence=confidences)
def test_sample_size_mean_is_the_smallest_reaching_the_margin(
    margin: float, sigma: float, confidence: float
) -> None:
    n = stats.sample_size_mean(margin, sigma, confidence)
    z = st.norm.ppf((1 + confidence) / 2)
    assert z * sigma / math.sqrt(n) <= margin * (1 + 1e-9)
    if n > 1:
        assert z * sigma / math.sqrt(n - 1) > margin


@SETTINGS
@given(margin=hs.floats(0.005, 0.5), p=hs.floats(0.0, 1.0), confidence=confidences)
def test_sample_size_proportion_is_the_smallest_reaching_the_margin(
    margin: float, p: float, confidence: float
) -> None:
    n = stats.sample_size_proportion(margin, p, confidence)
    z = st.norm.ppf((1 + confidence) / 2)
    assert z * math.sqrt(p * (1 - p) / n) <= margin * (1 + 1e-9)
    if n > 1:
        assert z * math.sqrt(p * (1 - p) / (n - 1)) > margin


def test_sample_sizes_hand_example() -> None:
    # z = 1.959964, (1.959964 * 15 / 2)^2 = 216.08 -> 217.
    assert stats.sample_size_mean(2, 15) == 217
    # 1.959964^2 * 0.25 / 0.03^2 = 1067.07 -> 1068 (the classic "about 1000" poll).
    assert stats.sample_size_proportion(0.03) == 1068


# --------------------------------------------------------------------------- power


def _power_by_integration(d: float, n: int, alpha: float, alternative: str) -> float:
    """Power from T = (Z + delta) / sqrt(V / df), V ~ chi2(df), integrated over V."""
    df, delta = 2 * n - 2, d * math.sqrt(n / 2)
    c = st.t.ppf(1 - alpha / 2 if alternative == "two-sided" else 1 - alpha, df)
    log_norm = -(df / 2) * math.log(2) - special.gammaln(df / 2)

    def chi2_pdf(v: float) -> float:
        return math.exp(special.xlogy(df / 2 - 1, v) - v / 2 + log_norm)

    def upper(v: float) -> float:  # P(T > c | V = v) * density of V
        return float(special.ndtr(delta - c * math.sqrt(v / df))) * chi2_pdf(v)

    def lower(v: float) -> float:  # P(T < -c | V = v) * density of V
        return float(special.ndtr(-c * math.sqrt(v / df) - delta)) * chi2_pdf(v)

    # V lives (up to 1e-13 of its mass) between these quantiles; integrate there.
    a, b = st.chi2.ppf(1e-13, df), st.chi2.isf(1e-13, df)
    parts = {"greater": [upper], "less": [lower], "two-sided": [upper, lower]}[alternative]
    return sum(integrate.quad(f, a, b, points=[df], limit=200)[0] for f in parts)


@pytest.mark.filterwarnings("ignore::scipy.integrate.IntegrationWarning")
@settings(max_examples=20, deadline=None)
@given(
    d=hs.floats(-3.0, 3.0),
    n=hs.integers(2, 500),
    alpha=hs.floats(0.001, 0.9),
    alternative=alternatives,
)
def test_power_ttest_matches_numerical_integration(
    d: float, n: int, alpha: float, alternative: str
) -> None:
    ours = stats.power_ttest_ind(d, n, alpha, alternative)  # type: ignore[arg-type]
    assert ours == pytest.approx(_power_by_integration(d, n, alpha, alternative), abs=1e-6)


def test_power_ttest_properties() -> None:
    for alt in ALTERNATIVES:
        assert stats.power_ttest_ind(0.0, 30, 0.05, alt) == pytest.approx(0.05, abs=1e-12)  # type: ignore[arg-type]
    assert stats.power_ttest_ind(0.4, 30, alternative="less") == pytest.approx(
        stats.power_ttest_ind(-0.4, 30, alternative="greater"), rel=1e-12
    )
    powers = [stats.power_ttest_ind(0.3, n) for n in (10, 20, 40, 80, 160)]
    assert powers == sorted(powers)
    # Far tails, where SciPy's noncentral-t CDF alone returns NaN: the power is ~1 or ~0.
    assert stats.power_ttest_ind(1.5, 119, alpha=0.125) == pytest.approx(1.0, abs=1e-12)
    assert stats.power_ttest_ind(-3.0, 200, alternative="greater") == pytest.approx(0, abs=1e-12)
    # Cohen's table: d = 0.5, 64 per group, two-sided alpha = 0.05 gives power 0.80.
    assert stats.power_ttest_ind(0.5, 64) == pytest.approx(0.80, abs=0.005)


def test_power_ttest_agrees_with_simulation() -> None:
    rng = np.random.default_rng(99)
    n, d, reps = 20, 0.8, 4000
    x = rng.normal(d, 1.0, size=(reps, n))
    y = rng.normal(0.0, 1.0, size=(reps, n))
    rejected = st.ttest_ind(x, y, axis=1).pvalue < 0.05
    power = stats.power_ttest_ind(d, n)
    assert abs(rejected.mean() - power) < 4.5 * math.sqrt(power * (1 - power) / reps)


@SETTINGS
@given(
    d=hs.floats(0.1, 2.0),
    alpha=hs.floats(0.01, 0.1),
    power=hs.floats(0.5, 0.95),
    alternative=hs.sampled_from(["two-sided", "greater"]),
    flip=hs.booleans(),
)
def test_sample_size_ttest_is_the_smallest_reaching_the_power(
    d: float, alpha: float, power: float, alternative: str, flip: bool
) -> None:
    if flip:  # the mirror image: a negative effect with alternative "less"
        d, alternative = -d, ("less" if alternative == "greater" else alternative)
    n = stats.sample_size_ttest_ind(d, alpha, power, alternative)  # type: ignore[arg-type]
    assert stats.power_ttest_ind(d, n, alpha, alternative) >= power  # type: ignore[arg-type]
    if n > 2:
        assert stats.power_ttest_ind(d, n - 1, alpha, alternative) < power  # type: ignore[arg-type]
    # Known sigma would need fewer: the normal approximation is a lower bound.
    z_a = st.norm.ppf(1 - alpha / 2 if alternative == "two-sided" else 1 - alpha)
    assert n >= math.floor(2 * (z_a + st.norm.ppf(power)) ** 2 / d**2)


@SETTINGS
@given(
    p1=hs.floats(0.01, 0.99),
    p2=hs.floats(0.01, 0.99),
    alpha=hs.floats(0.01, 0.1),
    power=hs.floats(0.5, 0.95),
    alternative=alternatives,
)
def test_sample_size_proportions_inverts_the_normal_power(
    p1: float, p2: float, alpha: float, power: float, alternative: str
) -> None:
    assume(abs(p1 - p2) > 0.01)
    if alternative == "greater":
        p1, p2 = max(p1, p2), min(p1, p2)
    elif alternative == "less":
        p1, p2 = min(p1, p2), max(p1, p2)
    n = stats.sample_size_proportions(p1, p2, alpha, power, alternative)  # type: ignore[arg-type]
    z_a = st.norm.ppf(1 - alpha / 2 if alternative == "two-sided" else 1 - alpha)
    p_bar = (p1 + p2) / 2

    def approx_power(m: int) -> float:
        # Normal approximation: reject when |p1_hat - p2_hat| > z_a * pooled se under H0.
        se0 = math.sqrt(2 * p_bar * (1 - p_bar) / m)
        se1 = math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / m)
        return float(st.norm.cdf((abs(p1 - p2) - z_a * se0) / se1))

    assert approx_power(n) >= power - 1e-9
    if n > 1:
        assert approx_power(n - 1) < power


def test_sample_size_proportions_hand_example() -> None:
    # p1 = 0.10, p2 = 0.12: p_bar = 0.11;
    # (1.959964 * sqrt(2 * 0.11 * 0.89) + 0.841621 * sqrt(0.09 + 0.1056))^2 / 0.02^2
    # = (0.867283 + 0.372083)^2 / 0.0004 = 3840.3 -> 3841 per group.
    assert stats.sample_size_proportions(0.10, 0.12) == 3841


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: stats.ttest_1samp([1, 2, 3], 0, alternative="sideways"), "alternative must be"),
        (lambda: stats.ttest_1samp([1.0], 0), "x needs at least 2 values"),
        (lambda: stats.ttest_1samp([2, 2, 2], 0), "x has zero variance"),
        (lambda: stats.ttest_1samp([1, 2], math.inf), "popmean must be finite"),
        (lambda: stats.ttest_ind([1, 2], [3.0]), "y needs at least 2 values"),
        (lambda: stats.ttest_ind([1, 1], [3, 3]), "both have zero variance"),
        (lambda: stats.ttest_ind([1, 2], [3, 4], equal_var="no"), "equal_var must be"),
        (lambda: stats.ttest_rel([1, 2, 3], [1, 2]), "x and y must have the same length"),
        (lambda: stats.ttest_rel([1, 2, 3], [0, 1, 2]), "differences x - y are all equal"),
        (lambda: stats.ztest_1samp([1, 2], 0, sigma=0), "sigma must be positive"),
        (lambda: stats.ztest_proportion(11, 10, 0.5), "count must be between 0 and n=10"),
        (lambda: stats.ztest_proportion(3, 10, 1.0), "p0 must be in the open interval"),
        (lambda: stats.ztest_proportion(3.5, 10, 0.5), "count must be an integer"),
        (lambda: stats.ztest_proportions(0, 10, 0, 20), "pooled proportion is 0.0"),
        (lambda: stats.ztest_proportions(1, 0, 1, 5), "n1 must be at least 1"),
        (lambda: stats.ztest_proportions(1, 5, -1, 5), "count2 must be at least 0"),
        (lambda: stats.anova_oneway([1, 2, 3]), "at least 2 groups"),
        (lambda: stats.anova_oneway([1, 2], []), r"groups\[1\] must not be empty"),
        (lambda: stats.anova_oneway([1], [2]), "need more values"),
        (lambda: stats.anova_oneway([1, 1], [2, 2]), "every group is constant"),
        (lambda: stats.mean_ci([1, 2, 3], confidence_level=1.0), "confidence_level must be in the open"),
        (lambda: stats.mean_ci([1.0]), "x needs at least 2 values"),
        (lambda: stats.mean_ci([1, 2], sigma=-1), "sigma must be positive"),
        (lambda: stats.proportion_ci(5, 4), "count must be between 0 and n=4"),
        (lambda: stats.sample_size_mean(0, 1), "margin must be positive"),
        (lambda: stats.sample_size_proportion(0.05, p=1.2), "p must be a probability"),
        (lambda: stats.sample_size_proportions(0.1, 0.1), "must be non-zero"),
        (
            lambda: stats.sample_size_proportions(0.1, 0.2, alternative="greater"),
            "must be positive",
        ),
        (lambda: stats.sample_size_proportions(0.0, 0.2), "p1 must be in the open interval"),
        (lambda: stats.power_ttest_ind(0.5, 1), "n_per_group must be at least 2"),
        (lambda: stats.power_ttest_ind(0.5, 10, alpha=0), "alpha must be in the open"),
        (lambda: stats.sample_size_ttest_ind(0.0), "effect_size must be non-zero"),
        (lambda: stats.sample_size_ttest_ind(0.5, alternative="less"), "must be negative"),
        (lambda: stats.sample_size_ttest_ind(0.5, power=1.0), "power must be in the open"),
    ],
)
def test_errors_name_the_argument(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


def test_inputs_not_mutated_and_integers_equal_floats() -> None:
    xi, yi = np.array([3, 5, 4, 6, 8]), np.array([1, 2, 2, 4, 3])
    before = xi.copy()
    a = stats.ttest_ind(xi, yi)
    b = stats.ttest_ind(xi.astype(float), yi.astype(float))
    assert (a.statistic, a.pvalue, a.df) == (b.statistic, b.pvalue, b.df)
    assert stats.mean_ci(xi) == stats.mean_ci(xi.astype(float))
    np.testing.assert_array_equal(xi, before)
    assert stats.TestResult(1.0, 0.5) == stats.TestResult(1.0, 0.5, None)
