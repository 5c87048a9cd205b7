"""Tests of mathbook.linalg: printing numbers and matrices as text and LaTeX."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mathbook import linalg as la

SETTINGS = settings(max_examples=100, deadline=None)


def test_format_number_examples() -> None:
    assert la.format_number(2) == "2"
    assert la.format_number(2.0) == "2"
    assert la.format_number(-0.0) == "0"
    assert la.format_number(np.float64(-7.0)) == "-7"
    assert la.format_number(np.int64(12)) == "12"
    assert la.format_number(1.5) == "3/2"
    assert la.format_number(1.5, latex=True) == r"\tfrac{3}{2}"
    assert la.format_number(-0.25, latex=True) == r"-\tfrac{1}{4}"
    assert la.format_number(0.1 + 0.2) == "3/10"  # round-off hidden
    assert la.format_number(2 / 3) == "2/3"
    assert la.format_number(1 / 101) == "0.009901"  # denominator above 100
    assert la.format_number(np.pi) == "3.142"
    assert la.format_number(123456.7) == "1.235e+05"
    assert la.format_number(1234.5) == "1234"  # 4 significant digits, not 2469/2
    assert la.format_number(999.5) == "1999/2"
    assert la.format_number(1.2345e-5, latex=True) == r"1.234 \times 10^{-5}"
    assert la.format_number(1e-12) == "1e-12"  # small is not zero
    assert la.format_number(3e20) == "3e+20"
    assert la.format_number(float("inf")) == "inf"
    assert la.format_number(float("-inf"), latex=True) == r"-\infty"
    with pytest.raises(ValueError, match="x must be a real number"):
        la.format_number("1")
    with pytest.raises(ValueError, match="x must be a real number"):
        la.format_number(1 + 2j)


@SETTINGS
@given(p=st.integers(-10_000, 10_000), q=st.integers(1, 100))
def test_format_number_prints_simple_fractions(p: int, q: int) -> None:
    exact = Fraction(p, q)
    value = p / q
    text = la.format_number(value)
    if exact.denominator == 1:
        assert text == str(exact.numerator)
    elif abs(exact) >= 1000:  # large numbers print as decimals, not as 12345/11
        assert text == f"{value:.4g}"
        return
    else:
        assert text == f"{exact.numerator}/{exact.denominator}"
        sign = "-" if exact < 0 else ""
        assert la.format_number(value, latex=True) == (
            rf"{sign}\tfrac{{{abs(exact.numerator)}}}{{{exact.denominator}}}"
        )
    # a round-off error does not change an integer or a fraction
    assert la.format_number(value * (1 + 4e-16)) == text


@SETTINGS
@given(x=st.floats(-1e12, 1e12, allow_nan=False) | st.floats(-1000, 1000, allow_nan=False))
@example(x=0.33334)  # 2e-5 from 1/3: must not be shown as "1/3"
@example(x=-2.50001)
def test_format_number_is_accurate(x: float) -> None:
    text = la.format_number(x)
    if "/" in text:
        # a fraction is shown only when it is exact up to a relative 1e-9
        p, q = text.split("/")
        assert int(q) <= 100
        assert int(p) / int(q) == pytest.approx(x, rel=1e-9, abs=0)
    else:
        # an integer, or 4 significant digits: off by at most half a unit in the 4th digit
        assert float(text) == pytest.approx(x, rel=5e-4, abs=0)


@SETTINGS
@given(
    p=st.integers(-99_999, 99_999),
    q=st.integers(1, 100),
    wobble=st.floats(-1e-10, 1e-10),
)
def test_integers_and_fractions_are_shown_exactly(p: int, q: int, wobble: float) -> None:
    x = p / q * (1 + wobble)
    text = la.format_number(x)
    exact = Fraction(p, q)
    if abs(exact) >= 1000 and exact.denominator != 1:
        return  # large non-integers print with 4 significant digits
    if exact.denominator == 1:
        assert text == str(exact.numerator)
    else:
        assert Fraction(text) == exact  # "p/q" in lowest terms, exactly the fraction


def test_matrix_to_text_layout() -> None:
    text = la.matrix_to_text([[1, -2.5, 3], [10, 0, 1 / 3]], augmented_columns=1)
    assert text == "[  1  -5/2 |   3 ]\n[ 10     0 | 1/3 ]"
    plain = la.matrix_to_text(np.eye(2))
    assert plain == "[ 1  0 ]\n[ 0  1 ]"
    assert la.matrix_to_text([1, 2]) == "[ 1 ]\n[ 2 ]"  # a vector is a column


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(0, 2))
def test_matrix_to_text_rows_align(seed: int, k: int) -> None:
    rng = np.random.default_rng(seed)
    m, n = int(rng.integers(1, 5)), int(rng.integers(k + 1, 6))
    M = rng.integers(-50, 50, size=(m, n)) / rng.integers(1, 8, size=(m, n))
    lines = la.matrix_to_text(M, augmented_columns=k).splitlines()
    assert len(lines) == m
    assert len({len(line) for line in lines}) == 1
    assert len({line.find("|") for line in lines}) == 1
    assert all(line.count("|") == (1 if k else 0) for line in lines)


def test_matrix_to_latex() -> None:
    assert la.matrix_to_latex([[1, 0.5], [0, -1]]) == (
        r"\begin{bmatrix} 1 & \tfrac{1}{2} \\ 0 & -1 \end{bmatrix}"
    )
    assert la.matrix_to_latex([[1, 2, 3], [4, 5, 6]], augmented_columns=1) == (
        r"\left[\begin{array}{cc|c} 1 & 2 & 3 \\ 4 & 5 & 6 \end{array}\right]"
    )
    assert la.matrix_to_latex([[1, 2, 3, 4]], augmented_columns=2).startswith(
        r"\left[\begin{array}{cc|cc}"
    )


def test_matrix_printing_errors() -> None:
    with pytest.raises(ValueError, match="augmented_columns must be smaller"):
        la.matrix_to_text([[1, 2]], augmented_columns=2)
    with pytest.raises(ValueError, match="augmented_columns must be at least 0"):
        la.matrix_to_latex([[1, 2]], augmented_columns=-1)
    with pytest.raises(ValueError, match="M must be a vector or a matrix"):
        la.matrix_to_text(np.ones((2, 2, 2)))
    with pytest.raises(ValueError, match="M must contain only finite"):
        la.matrix_to_latex([[np.nan]])
