"""The figure helpers of Part 0 Week 1: a function with its tangent."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook import plot


def _tangent_data(ax: object) -> tuple[np.ndarray, np.ndarray]:
    line = ax.get_lines()[1]  # type: ignore[attr-defined]
    return np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)


@settings(max_examples=25, deadline=None)
@given(
    a=st.floats(-3, 3),
    b=st.floats(-3, 3),
    c=st.floats(-3, 3),
    x0=st.floats(-2, 2),
)
def test_tangent_of_a_quadratic_matches_the_exact_derivative(
    a: float, b: float, c: float, x0: float
) -> None:
    ax = plot.plot_tangent(lambda x: a * x**2 + b * x + c, x0, xlim=(-2.0, 2.0))
    xs, ys = _tangent_data(ax)
    slope = (ys[1] - ys[0]) / (xs[1] - xs[0])
    assert slope == pytest.approx(2 * a * x0 + b, abs=1e-5)
    # the tangent passes through the point of tangency
    assert ys[0] + slope * (x0 - xs[0]) == pytest.approx(a * x0**2 + b * x0 + c, abs=1e-5)
    plt.close("all")


def test_curve_point_and_legend() -> None:
    ax = plot.plot_tangent(np.exp, 0.0, xlim=(-1.0, 1.0), label="$e^x$", num=11)
    curve, _, point = ax.get_lines()
    np.testing.assert_allclose(np.asarray(curve.get_ydata(), float), np.exp(np.linspace(-1, 1, 11)))
    assert (np.asarray(point.get_xdata())[0], np.asarray(point.get_ydata())[0]) == (0.0, 1.0)
    assert ax.get_legend_handles_labels()[1] == ["$e^x$", "tangent, slope 1", "$x_0 = 0$"]
    plt.close("all")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"f": 3, "x0": 0.0, "xlim": (-1, 1)}, "f must be a callable"),
        ({"f": np.exp, "x0": float("nan"), "xlim": (-1, 1)}, "x0 must be finite"),
        ({"f": np.exp, "x0": 2.0, "xlim": (-1, 1)}, "inside xlim"),
        ({"f": np.exp, "x0": 0.0, "xlim": (1, -1)}, "increasing"),
        ({"f": np.exp, "x0": 0.0, "xlim": (-1, 1, 2)}, "xlim"),
        ({"f": np.exp, "x0": 0.0, "xlim": (-1, 1), "num": 1}, "num"),
        ({"f": lambda x: np.inf if x < 0 else x, "x0": 0.5, "xlim": (-1, 1)}, "not finite"),
    ],
)
def test_bad_input_raises_value_error_naming_the_problem(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        plot.plot_tangent(**kwargs)  # type: ignore[arg-type]
