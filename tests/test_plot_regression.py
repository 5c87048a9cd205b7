"""The figure helpers of Part 0 Week 2: vectors as arrows, residuals as segments."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathbook import plot

_finite = st.floats(-50, 50, allow_nan=False)


def _arrow_ends(ax: object) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """(start, tip) of every arrow drawn by ``plot_vectors``."""
    return [
        (tuple(map(float, a.xyann)), tuple(map(float, a.xy)))  # type: ignore[attr-defined]
        for a in ax.texts  # type: ignore[attr-defined]
    ]


def test_tip_to_tail_sum() -> None:
    ax = plot.plot_vectors([[2, 1], [1, 3], [3, 4]], origins=[[0, 0], [2, 1], [0, 0]],
                           labels=["u", "v", "u + v"])
    ends = _arrow_ends(ax)
    assert ends == [((0.0, 0.0), (2.0, 1.0)), ((2.0, 1.0), (3.0, 4.0)), ((0.0, 0.0), (3.0, 4.0))]
    assert ax.get_legend_handles_labels()[1] == ["u", "v", "u + v"]
    assert ax.get_aspect() == 1.0
    plt.close("all")


@settings(max_examples=25, deadline=None)
@given(vectors=arrays(float, (3, 2), elements=_finite), origins=arrays(float, (3, 2), elements=_finite))
def test_every_arrow_runs_from_its_origin_to_origin_plus_vector_and_is_in_view(
    vectors: np.ndarray, origins: np.ndarray
) -> None:
    ax = plot.plot_vectors(vectors, origins=origins)
    for (start, tip), v, o in zip(_arrow_ends(ax), vectors, origins, strict=True):
        np.testing.assert_allclose(start, o)
        np.testing.assert_allclose(tip, o + v)
        for point in (start, tip):
            assert ax.get_xlim()[0] < point[0] < ax.get_xlim()[1]
            assert ax.get_ylim()[0] < point[1] < ax.get_ylim()[1]
    plt.close("all")


def test_residual_segments_are_observed_minus_predicted() -> None:
    x, y, y_hat = np.array([3.0, 1.0, 2.0]), np.array([7.0, 2.0, 3.0]), np.array([6.0, 2.0, 4.0])
    ax = plot.plot_residuals(x, y, y_hat)
    segments = ax.collections[0].get_segments()
    for (bottom, top), xi, yi, pi in zip(segments, x, y, y_hat, strict=True):
        assert bottom[0] == top[0] == xi
        assert (bottom[1], top[1]) == (pi, yi)
    line = ax.get_lines()[1]
    assert list(line.get_xdata()) == [1.0, 2.0, 3.0]  # the prediction is drawn in order of x
    assert ax.get_legend_handles_labels()[1][2] == "residuals, $\\|\\mathbf{r}\\|^2 = 2$"
    plt.close("all")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: plot.plot_vectors([[1, 2, 3]]), "shape \\(k, 2\\)"),
        (lambda: plot.plot_vectors([[1, 2]], origins=[[0, 0], [1, 1]]), "origins must have"),
        (lambda: plot.plot_vectors([[1, 2]], labels=["a", "b"]), "labels must have 1"),
        (lambda: plot.plot_vectors([[1, float("nan")]]), "vectors"),
        (lambda: plot.plot_residuals([1, 2], [1, 2, 3], [1, 2]), "y"),
        (lambda: plot.plot_residuals([1, 2], [1, 2], [1, float("inf")]), "y_hat"),
        (lambda: plot.plot_residuals([], [], []), "x"),
    ],
)
def test_bad_input_raises_value_error_naming_the_problem(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]
    plt.close("all")
