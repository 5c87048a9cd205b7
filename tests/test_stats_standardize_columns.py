"""Tests of stats.standardize_columns and stats.unstandardize_weights (Part 0, Week 2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathbook import stats

SETTINGS = settings(max_examples=40, deadline=None)


def feature_matrices() -> Any:
    """(m, n) matrices of whole hundredths, each column with a clear spread."""
    shapes = st.tuples(st.integers(2, 20), st.integers(1, 4))
    return shapes.flatmap(
        lambda shape: arrays(np.float64, shape,
                             elements=st.integers(-10_000, 10_000).map(lambda k: k / 100))
    ).filter(lambda X: bool(np.all(np.ptp(X, axis=0) > 0.5)))


@SETTINGS
@given(X=feature_matrices(), ddof=st.integers(0, 1))
def test_each_column_matches_standardize(X: np.ndarray, ddof: int) -> None:
    Z, mean, std = stats.standardize_columns(X, ddof=ddof)
    for j in range(X.shape[1]):
        np.testing.assert_allclose(Z[:, j], stats.standardize(X[:, j], ddof=ddof), atol=1e-12)
    np.testing.assert_allclose(mean, X.mean(axis=0), atol=1e-12)
    np.testing.assert_allclose(std, X.std(axis=0, ddof=ddof), rtol=1e-12)


@SETTINGS
@given(X=feature_matrices(), data=st.data())
def test_unstandardized_weights_give_the_same_predictions(X: np.ndarray,
                                                          data: st.DataObject) -> None:
    v = data.draw(arrays(np.float64, X.shape[1] + 1, elements=st.floats(-100, 100)), label="v")
    Z, mean, std = stats.standardize_columns(X)
    w = stats.unstandardize_weights(v, mean, std)
    on_z = v[0] + Z @ v[1:]
    on_x = w[0] + X @ w[1:]
    scale = 1 + np.abs(v[0]) + np.abs(Z) @ np.abs(v[1:])
    np.testing.assert_array_less(np.abs(on_z - on_x), 1e-9 * scale)


def test_integer_input_and_inputs_left_unchanged() -> None:
    X = np.array([[1, 10], [2, 30], [3, 20]])
    before = X.copy()
    Z, mean, std = stats.standardize_columns(X)
    np.testing.assert_array_equal(X, before)
    assert Z.dtype == np.float64
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-15)
    np.testing.assert_allclose(Z.std(axis=0), 1, rtol=1e-15)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: stats.standardize_columns([1.0, 2.0, 3.0]), "features must be a 2-D array"),
        (lambda: stats.standardize_columns([[1.0, 5.0], [2.0, 5.0]]), "feature column 1 is constant"),
        (lambda: stats.standardize_columns([[1.0, 2.0]]), "feature column 0 is constant"),
        (lambda: stats.standardize_columns([[1.0], [2.0]], ddof=2), "more than ddof=2 rows"),
        (lambda: stats.standardize_columns([[1.0], [np.nan]]), "finite"),
        (lambda: stats.unstandardize_weights([1.0, 2.0], [0.0, 1.0], [1.0, 1.0]),
         "mean must have length 1"),
        (lambda: stats.unstandardize_weights([1.0, 2.0], [0.0], [0.0]), "std must be positive"),
        (lambda: stats.unstandardize_weights([1.0, 2.0], [0.0], [-1.0]), "std must be positive"),
    ],
)
def test_bad_input_raises_a_named_value_error(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()
