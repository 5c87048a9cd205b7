"""linalg.parse_system: text round trips against hand-built A, b, and every rejection named."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy.parsing.sympy_parser
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook import InputError, linalg

NAMES = ("x", "y", "z", "w1", "x_2", "price", "E", "I", "pi")


def term(coefficient: int, name: str, first: bool, style: int) -> str:
    """``coefficient * name`` written as a learner might: 3x, 3 x, 3*x, -x, + 2y."""
    magnitude = abs(coefficient)
    if magnitude == 0:
        return f"0*{name}"
    body = name if magnitude == 1 else [f"{magnitude}{name}", f"{magnitude} {name}",
                                        f"{magnitude}*{name}"][style % 3]
    if first:
        return ("-" if coefficient < 0 else "") + body
    return (" - " if coefficient < 0 else " + ") + body


def side(terms: list[tuple[int, str]], style: int) -> str:
    if not terms:
        return "0"
    return "".join(term(c, n, k == 0, style + k) for k, (c, n) in enumerate(terms))


@st.composite
def systems(draw: Any) -> tuple[str, np.ndarray, np.ndarray, tuple[str, ...], list[str]]:
    """A random system, its text (terms on either side, any separator), its A, b, and the
    names in the order they are written."""
    m = draw(st.integers(1, 5))
    names = tuple(draw(st.permutations(NAMES))[: draw(st.integers(1, 5))])
    n = len(names)
    A = np.array(draw(st.lists(st.lists(st.integers(-9, 9), min_size=n, max_size=n),
                               min_size=m, max_size=m)), dtype=float)
    b = np.array(draw(st.lists(st.integers(-20, 20), min_size=m, max_size=m)), dtype=float)
    lines, written = [], []
    for i in range(m):
        left: list[tuple[int, str]] = []
        right: list[tuple[int, str]] = []
        for j in range(n):
            if A[i, j] != 0:
                if draw(st.booleans()):
                    left.append((int(A[i, j]), names[j]))
                else:
                    right.append((-int(A[i, j]), names[j]))
        if not left and not right:
            left.append((0, names[0]))          # 0x: a row with no unknown still names one
        written += [name for _, name in left + right if name not in written]
        constant = int(b[i])
        style = draw(st.integers(0, 2))
        if draw(st.booleans()):                 # the constant on the right, or moved left
            right_text = side(right, style) + f" + {constant}" if right else f"{constant}"
            left_text = side(left, style)
        else:
            left_text = side(left, style) + f" + {-constant}" if left else f"{-constant}"
            right_text = side(right, style)
        lines.append(f"{left_text} = {right_text}".replace("+ -", "- "))
    separator = draw(st.sampled_from(["\n", ";", "; ", "\n\n", " ;\n"]))
    return separator.join(lines), A, b, names, written


@settings(max_examples=150, deadline=None)
@given(system=systems())
def test_round_trip_against_the_hand_built_system(system: Any) -> None:
    text, A, b, names, _ = system
    parsed = linalg.parse_system(text, unknowns=names)
    assert parsed.names == names
    np.testing.assert_array_equal(parsed.A, A, err_msg=text)
    np.testing.assert_array_equal(parsed.b, b, err_msg=text)
    assert parsed.A.dtype == np.float64 and parsed.b.dtype == np.float64


@settings(max_examples=50, deadline=None)
@given(system=systems())
def test_without_unknowns_the_columns_follow_first_appearance(system: Any) -> None:
    text, A, b, names, written = system
    parsed = linalg.parse_system(text)
    assert list(parsed.names) == written
    columns = [names.index(name) for name in written]
    np.testing.assert_array_equal(parsed.A, A[:, columns])
    np.testing.assert_array_equal(parsed.b, b)
    left_out = [j for j in range(len(names)) if names[j] not in written]
    assert not np.any(A[:, left_out])          # only all-zero columns can be missing


def test_fractions_are_exact_until_the_end() -> None:
    A, b, names = linalg.parse_system("0.1x + 0.2x = 0.3\n(3/4)y + x/3 = 1/7; 2(x - y) = y")
    assert names == ("x", "y")
    expected_A = [[Fraction(3, 10), 0], [Fraction(1, 3), Fraction(3, 4)], [2, -3]]
    np.testing.assert_array_equal(A, np.array(expected_A, dtype=float))
    np.testing.assert_array_equal(b, [0.3, 1 / 7, 0.0])


def test_a_parsed_system_solves_like_numpy() -> None:
    A, b, _ = linalg.parse_system("2x + y - z = 8\n-3x - y + 2z = -11\n-2x + y + 2z = -3")
    np.testing.assert_allclose(linalg.solve(A, b), np.linalg.solve(A, b))
    np.testing.assert_allclose(np.linalg.solve(A, b), [2.0, 3.0, -1.0])


def test_listed_unknowns_that_do_not_appear_get_a_zero_column() -> None:
    A, b, names = linalg.parse_system("y = 1", unknowns=["x", "y", "z"])
    assert names == ("x", "y", "z")
    np.testing.assert_array_equal(A, [[0.0, 1.0, 0.0]])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "text has no equations"),
        ("  \n ; \n", "text has no equations"),
        ("x + y", "equation 1 ('x + y') has no '='"),
        ("x = 1\nx + y = 2 = 3", "equation 2 ('x + y = 2 = 3') has 2 '=' signs"),
        ("x + y =", "has nothing on the right of '='"),
        ("= 4", "has nothing on the left of '='"),
        ("x^2 = 1", "contains '^', which is not allowed"),
        ("x − y = 1", "contains '−' (minus sign)"),
        ("x = 'a'", "contains \"'\""),
        ("x.y = 1", "'.' is only allowed as a decimal point"),
        ("x.__class__ = 1", "'.' is only allowed as a decimal point"),
        ("_x = 1", "'_x' is not a plain name"),
        ("lambda + x = 1", "'lambda' is a Python keyword"),
        ("f(x) = 1", "f( reads as a function call"),
        ("x**2 + y = 1", "is not linear: it has a power (**)"),
        ("x*y = 1", "is not linear: it contains the term x*y"),
        ("x y = 1", "is not linear: it contains the term x*y"),
        ("1/x = 2", "is not linear: it contains the term 1/x"),
        ("x/y = 2", "is not linear: it contains the term x/y"),
        ("(x + 1)(x - 1) = 0", "is not linear: it contains the term x**2"),
        ("x // 2 = 1", "'//' is not allowed"),
        ("3 = 3", "equation 1 ('3 = 3') has no unknown"),
        ("x = 1; 2 + 2 = 4", "equation 2 ('2 + 2 = 4') has no unknown"),
        ("x/0 = 1", "divides by zero"),
        ("x = 1/0", "divides by zero"),
        ("1e400x = 1", "has a number too large for a float"),
        ("(x + 1 = 2", "unbalanced brackets"),
        ("x + * y = 1", "could not be read as a formula"),
        ("0x1 + x2 = 3", "Python reads '0x1' as a number (hexadecimal"),
        ("x = 01", "two numbers side by side ('0' and '1')"),
        ("3 4x = 1", "two numbers side by side ('3' and '4')"),
        ("2i + 3j = 1", "Python reads '3j' as a number"),
        ("1_000x = 1", "Python reads '1_000' as a number"),
    ],
)
def test_every_rejection_names_its_problem(text: str, problem: str) -> None:
    with pytest.raises(ValueError) as error:
        linalg.parse_system(text)
    assert problem in str(error.value)


@pytest.mark.parametrize(
    ("unknowns", "problem"),
    [
        ("xy", "unknowns must be a sequence of names"),
        (["x", "x"], "must be distinct"),
        ([], "at least one"),
        (["x", "2y"], "unknowns must be plain names"),
        (["x", 3], "unknowns must be names (strings)"),
        (["y"], "'x' appears in the text but not in unknowns"),
    ],
)
def test_bad_unknowns_are_named(unknowns: Any, problem: str) -> None:
    with pytest.raises(ValueError) as error:
        linalg.parse_system("x + y = 1", unknowns=unknowns)
    assert problem in str(error.value)


def test_python_names_are_plain_unknowns() -> None:
    parsed = linalg.parse_system("exec + eval - print = 1\nE + I + pi = 0")
    assert parsed.names == ("exec", "eval", "print", "E", "I", "pi")
    np.testing.assert_array_equal(parsed.A, [[1, 1, -1, 0, 0, 0], [0, 0, 0, 1, 1, 1]])


def test_text_must_be_a_string() -> None:
    with pytest.raises(InputError, match="text must be a string of equations, got list"):
        linalg.parse_system(["x = 1"])  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["__import__('os').system('true') = 1", "x.__class__ = 1",
                                  "_x = 1", "x = f(1)", "x**9**9**9 = 1", "x = 'a'", "0x1 = y"])
def test_sympy_never_sees_text_that_failed_the_checks(text: str, monkeypatch: Any) -> None:
    seen: list[str] = []
    real = sympy.parsing.sympy_parser.parse_expr
    monkeypatch.setattr(sympy.parsing.sympy_parser, "parse_expr",
                        lambda side, **kwargs: seen.append(side) or real(side, **kwargs))
    with pytest.raises(ValueError):
        linalg.parse_system(text)
    assert seen == []
