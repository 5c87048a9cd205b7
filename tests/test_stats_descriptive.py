"""Tests of mathbook.stats descriptive statistics against NumPy/SciPy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats as st
from hypothesis import assume, given, settings
from hypothesis import strategies as hs

from mathbook import stats

SETTINGS = settings(max_examples=50, deadline=None)
finite = hs.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


def samples(min_size: int = 1, max_size: int = 40) -> hs.SearchStrategy[list[float]]:
    return hs.lists(finite, min_size=min_size, max_size=max_size)


def _spread_ok(x: np.ndarray) -> bool:
    """Not (nearly) constant relative to its own scale, so shape statistics are stable."""
    return bool(np.std(x) > 1e-6 * (1.0 + np.max(np.abs(x))))


@SETTINGS
@given(x=samples())
def test_centre_matches_numpy(x: list[float]) -> None:
    assert stats.mean(x) == pytest.approx(np.mean(x), rel=1e-12, abs=1e-9)
    assert stats.median(x) == pytest.approx(np.median(x), rel=1e-12, abs=1e-12)


@SETTINGS
@given(x=hs.lists(hs.integers(-5, 5), min_size=1, max_size=30))
def test_mode_matches_scipy_smallest_tie(x: list[int]) -> None:
    assert stats.mode(x) == float(st.mode(x).mode)
    values, counts = np.unique(x, return_counts=True)
    assert stats.mode(x) == values[counts == counts.max()].min()


@SETTINGS
@given(x=samples(min_size=3), ddof=hs.integers(0, 2))
def test_spread_matches_numpy(x: list[float], ddof: int) -> None:
    assert stats.variance(x, ddof) == pytest.approx(np.var(x, ddof=ddof), rel=1e-9, abs=1e-9)
    assert stats.std(x, ddof) == pytest.approx(np.std(x, ddof=ddof), rel=1e-9, abs=1e-9)


@SETTINGS
@given(x=samples(min_size=2))
def test_shape_matches_scipy_bias_true(x: list[float]) -> None:
    arr = np.array(x)
    assume(_spread_ok(arr))
    assert stats.skewness(x) == pytest.approx(st.skew(arr), rel=1e-7, abs=1e-7)
    assert stats.kurtosis(x) == pytest.approx(st.kurtosis(arr), rel=1e-7, abs=1e-7)
    assert stats.kurtosis(x, excess=False) == pytest.approx(
        st.kurtosis(arr, fisher=False), rel=1e-7, abs=1e-7
    )


@SETTINGS
@given(x=samples(), q=hs.lists(hs.floats(0.0, 1.0), min_size=1, max_size=10))
def test_quantile_and_iqr_match_numpy(x: list[float], q: list[float]) -> None:
    np.testing.assert_allclose(stats.quantile(x, q), np.quantile(x, q), rtol=1e-12, atol=1e-9)
    single = stats.quantile(x, q[0])
    assert type(single) is float  # the package's one scalar type, not np.float64
    assert single == pytest.approx(np.quantile(x, q[0]), rel=1e-12, abs=1e-9)
    assert stats.iqr(x) == pytest.approx(st.iqr(x), rel=1e-12, abs=1e-9)


@SETTINGS
@given(data=hs.data(), n=hs.integers(3, 30), ddof=hs.integers(0, 2))
def test_covariance_and_correlation_match_numpy(data: hs.DataObject, n: int, ddof: int) -> None:
    x = np.array(data.draw(hs.lists(finite, min_size=n, max_size=n)))
    y = np.array(data.draw(hs.lists(finite, min_size=n, max_size=n)))
    assert stats.covariance(x, y, ddof) == pytest.approx(
        np.cov(x, y, ddof=ddof)[0, 1], rel=1e-9, abs=1e-7
    )
    assume(_spread_ok(x) and _spread_ok(y))
    assert stats.correlation(x, y) == pytest.approx(st.pearsonr(x, y).statistic, abs=1e-9)


@SETTINGS
@given(data=hs.data(), n=hs.integers(2, 20), p=hs.integers(1, 5), ddof=hs.integers(0, 1))
def test_covariance_matrix_rows_are_observations(
    data: hs.DataObject, n: int, p: int, ddof: int
) -> None:
    X = np.array(
        data.draw(hs.lists(hs.lists(finite, min_size=p, max_size=p), min_size=n, max_size=n))
    )
    S = stats.covariance_matrix(X, ddof=ddof)
    assert S.shape == (p, p)
    np.testing.assert_allclose(
        S, np.cov(X, rowvar=False, ddof=ddof).reshape(p, p), rtol=1e-9, atol=1e-7
    )
    np.testing.assert_array_equal(S, S.T)


@SETTINGS
@given(x=samples(min_size=2), ddof=hs.integers(0, 1))
def test_standardize_matches_scipy_zscore(x: list[float], ddof: int) -> None:
    arr = np.array(x)
    assume(_spread_ok(arr))
    z = stats.standardize(arr, ddof=ddof)
    np.testing.assert_allclose(z, st.zscore(arr, ddof=ddof), rtol=1e-7, atol=1e-7)
    assert np.mean(z) == pytest.approx(0.0, abs=1e-9)


@SETTINGS
@given(x=samples(min_size=2))
def test_describe_fields(x: list[float]) -> None:
    s = stats.describe(x)
    q1, q2, q3 = np.quantile(x, [0.25, 0.5, 0.75])
    assert s.n == len(x)
    expected = [np.mean(x), np.std(x, ddof=1), np.min(x), q1, q2, q3, np.max(x)]
    got = [s.mean, s.std, s.min, s.q1, s.median, s.q3, s.max]
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9)
    assert all(type(v) is float for v in got)


def test_describe_repr_is_readable_and_frozen() -> None:
    s = stats.describe([1, 2, 3, 4])
    assert repr(s).startswith("Summary(n=4, mean=2.5, std=")
    with pytest.raises(AttributeError):
        s.n = 3  # type: ignore[misc]


def test_hand_examples() -> None:
    # Worked by hand: mean 5, deviations (-3, -1, 4), squares sum 26, / 2 = 13.
    assert stats.variance([2, 4, 9]) == 13.0
    assert stats.mode([4, 4, 1, 1, 7]) == 1.0  # two modes, the smaller is returned
    # Sorted (1, 2, 3, 4), h = 3 * 0.25 = 0.75: 1 + 0.75 * (2 - 1) = 1.75.
    assert float(stats.quantile([4, 1, 3, 2], 0.25)) == 1.75
    # Symmetric data have zero skewness.
    assert stats.skewness([1, 2, 3, 4, 5]) == pytest.approx(0.0, abs=1e-15)


def test_integer_input_equals_float_input_and_is_not_mutated() -> None:
    xi = np.array([3, 1, 4, 1, 5, 9, 2, 6])
    yi = np.array([2, 7, 1, 8, 2, 8, 1, 8])
    xf, before = xi.astype(float), xi.copy()
    for fn in (stats.mean, stats.median, stats.variance, stats.skewness, stats.kurtosis, stats.iqr):
        assert fn(xi) == fn(xf)
    assert stats.correlation(xi, yi) == stats.correlation(xf, yi.astype(float))
    np.testing.assert_array_equal(stats.standardize(xi), stats.standardize(xf))
    np.testing.assert_array_equal(xi, before)
    X = np.array([[1, 2], [3, 5], [4, 4]])
    np.testing.assert_array_equal(stats.covariance_matrix(X), stats.covariance_matrix(X * 1.0))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: stats.mean([]), "x must not be empty"),
        (lambda: stats.median([[1, 2], [3, 4]]), "x must be a 1-D array"),
        (lambda: stats.mode([1, math.nan]), "x must contain only finite"),
        (lambda: stats.variance([3.0]), r"x needs more than ddof=1 values .* got 1"),
        (lambda: stats.std([1, 2], ddof=2), r"x needs more than ddof=2 values .* got 2"),
        (lambda: stats.variance([1, 2], ddof=-1), "ddof must be at least 0"),
        (lambda: stats.variance([1, 2], ddof=0.5), "ddof must be an integer"),
        (lambda: stats.skewness([2, 2, 2]), "x has zero variance"),
        (lambda: stats.kurtosis([1.0]), "x needs at least 2 values"),
        (lambda: stats.kurtosis([1, 2], excess="yes"), "excess must be True or False"),
        (lambda: stats.quantile([1, 2], 1.5), "q must contain probabilities"),
        (lambda: stats.covariance([1, 2, 3], [1, 2]), "x and y must have the same length"),
        (lambda: stats.correlation([1, 1, 1], [1, 2, 3]), "x is constant"),
        (lambda: stats.correlation([1], [2]), "x needs at least 2 values"),
        (lambda: stats.covariance_matrix([1, 2, 3]), "X must be a 2-D array"),
        (lambda: stats.covariance_matrix([[1, 2]]), r"X needs more than ddof=1 rows .* got 1"),
        (lambda: stats.standardize([5, 5]), "x is constant"),
        (lambda: stats.describe([1.0]), "x needs at least 2 values"),
        (lambda: stats.mean("123"), "x must be numeric"),
    ],
)
def test_errors_name_the_argument(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]
