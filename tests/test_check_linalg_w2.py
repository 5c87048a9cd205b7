"""The Week 2 graders against the reference solution and against known-wrong solutions.

Most wrong solutions are the lab's reference solution (tests/labs/) with one line changed
into a mistake learners make; the grader must fail each, and its message must end with
the hint that names that mistake. Solutions that are right in another way (another
tolerance, another valid echelon form or parametrisation, NumPy's rank) must pass.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook import linalg
from mathbook.check import CheckResult, linalg_w2

REFERENCE = Path(__file__).parent / "labs" / "linear-algebra_week-2_lab.py"
GRADERS = {name: getattr(linalg_w2, name) for name in linalg_w2.__all__}


def solutions(*changes: tuple[str, str, str]) -> dict[str, Any]:
    """The reference solutions, with ``old`` replaced by ``new`` inside function ``name``."""
    source = REFERENCE.read_text(encoding="utf-8")
    for name, old, new in changes:
        node = next(n for n in ast.parse(source).body
                    if isinstance(n, ast.FunctionDef) and n.name == name)
        segment = ast.get_source_segment(source, node)
        assert segment is not None and old in segment, f"{old!r} is not in {name}"
        source = source.replace(segment, segment.replace(old, new))
    namespace: dict[str, Any] = {}
    exec(compile(source, str(REFERENCE), "exec"), namespace)
    return namespace


def failed_with(result: CheckResult, *fragments: str, hint: str | None = None) -> None:
    """The grader failed, showing every fragment, and (if given) ends with this hint."""
    assert isinstance(result, CheckResult)
    assert result.passed is False, result.message
    for fragment in fragments:
        assert fragment in result.message, result.message
    if hint is None:
        assert "\nhint: " not in result.message, result.message
    else:
        assert "\nhint: " in result.message, result.message
        assert hint in result.message.split("\nhint: ", 1)[1], result.message


# ---------------------------------------------------------------------------
# Right solutions pass
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GRADERS))
def test_reference_solution_passes(name: str) -> None:
    result = GRADERS[name](solutions()[name])
    assert result.passed, result.message
    assert result.n_cases >= 25


@pytest.mark.parametrize("tol", ["1e-13", "1e-8"])
@pytest.mark.parametrize("name", ["row_echelon", "rref", "rank", "solve_any"])
def test_any_tolerance_the_contract_allows_passes(name: str, tol: str) -> None:
    learner = solutions(*[(fn, "tol = 1e-10", f"tol = {tol}")
                          for fn in ("row_echelon", "rref", "rank", "solve_any")])[name]
    result = GRADERS[name](learner)
    assert result.passed, result.message


def test_numpy_rank_passes() -> None:
    assert linalg_w2.rank(lambda M: int(np.linalg.matrix_rank(np.asarray(M, float)))).passed


@pytest.mark.parametrize("form", [
    lambda M: linalg.row_echelon(M) * 2.0,           # rows scaled: still an echelon form
    lambda M: -linalg.row_echelon(M),
    linalg.rref,                                      # a reduced one is an echelon form too
])
def test_any_row_echelon_form_passes(form: Any) -> None:
    result = linalg_w2.row_echelon(form)
    assert result.passed, result.message


def test_elimination_without_row_swaps_for_size_fails_only_on_the_small_pivots() -> None:
    def row_echelon(M: Any) -> Any:                  # swaps only at an exact zero
        return linalg.row_echelon(M, pivoting="first")

    failed_with(linalg_w2.row_echelon(row_echelon), "row_echelon(M=[[1e-14, 1.0], [1.0, 1.0]])",
                hint="partial pivoting")
    small = ([[1e-14, 1.0], [1.0, 1.0]], [[1e-7, 1.0], [1.0, 1.0]])
    assert linalg_w2.row_echelon(
        lambda M: linalg.row_echelon(M) if any(np.array_equal(M, s) for s in small)
        else row_echelon(M)).passed


def test_solve_any_without_pivoting_loses_digits_on_the_small_pivot() -> None:
    reference = solutions()["solve_any"]

    def solve_any(A: Any, b: Any) -> Any:            # no swap at the pivot 1e-7 only
        if not np.array_equal(A, [[1e-7, 1.0], [1.0, 1.0]]):
            return reference(A, b)
        E = linalg.eliminate(A, b, pivoting="first")
        return "unique", linalg.back_substitution(E.matrix[:, :2], E.matrix[:, 2])

    failed_with(linalg_w2.solve_any(solve_any), "solve_any(A=[[1e-07, 1.0], [1.0, 1.0]], b=[1, 2])",
                "a relative error of 5e-10", hint="partial pivoting")


def test_solve_any_answering_unique_for_a_contradictory_tall_system() -> None:
    reference = solutions()["solve_any"]

    def solve_any(A: Any, b: Any) -> Any:            # full column rank taken as "unique"
        A, b = np.array(A, dtype=float), np.array(b, dtype=float)
        if A.size and np.linalg.matrix_rank(A) == A.shape[1]:
            return "unique", np.linalg.lstsq(A, b, rcond=None)[0]
        return reference(A, b)

    failed_with(linalg_w2.solve_any(solve_any), "expected kind 'none' got 'unique'",
                hint="rank A = n does not mean a solution exists")


def test_solve_any_must_reject_an_empty_system() -> None:
    reference = solutions()["solve_any"]

    def solve_any(A: Any, b: Any) -> Any:            # no unknowns: says "none"
        return ("none", None) if np.size(A) == 0 else reference(A, b)

    failed_with(linalg_w2.solve_any(solve_any), "solve_any(A=[[], []], b=[1, 2]) expected "
                "ValueError")


def test_solve_any_must_reject_a_system_of_no_equations() -> None:
    reference = solutions()["solve_any"]

    def solve_any(A: Any, b: Any) -> Any:            # no equations: says "none"
        return ("none", None) if len(A) == 0 else reference(A, b)

    failed_with(linalg_w2.solve_any(solve_any), "b=[]) expected ValueError")


def test_back_substitution_that_overwrites_c_gets_the_copy_hint() -> None:
    def back_substitution(U: Any, c: Any) -> Any:   # x is stored in c itself
        U, x = np.array(U, dtype=float), np.asarray(c, dtype=float)
        if np.any(np.diag(U) == 0):
            raise ValueError("a diagonal entry of U is 0")
        for i in reversed(range(len(x))):
            x[i] = (x[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
        return x

    failed_with(linalg_w2.back_substitution(back_substitution), "in place", hint="makes no copy")


def test_any_parametrisation_of_the_solutions_passes() -> None:
    reference = solutions()["solve_any"]

    def solve_any(A: Any, b: Any) -> Any:
        kind, solution = reference(A, b)
        if kind != "infinite":
            return kind, solution
        p, D = solution
        mix = np.triu(np.ones((D.shape[1], D.shape[1]))) * 3.0   # another basis
        return kind, (p + D.sum(axis=1), D @ mix)                # another particular

    result = linalg_w2.solve_any(solve_any)
    assert result.passed, result.message


def test_library_functions_pass_where_they_fit_the_contract() -> None:
    assert linalg_w2.rref(linalg.rref).passed
    assert linalg_w2.rank(linalg.rank).passed
    assert linalg_w2.row_echelon(linalg.row_echelon).passed


# ---------------------------------------------------------------------------
# Stubs and nonsense
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GRADERS))
def test_an_unfinished_stub_is_not_done(name: str) -> None:
    def stub(*args: Any) -> Any:
        raise NotImplementedError

    assert GRADERS[name](stub).message == f"not done yet: {name} raises NotImplementedError"


_NONSENSE = [None, 0, 1.5, "unique", ("unique",), [[1, 2], [3]], {"x": 1}, object(),
             np.full((2, 2), np.nan), ("infinite", (None, None)), ("none", 0)]


@pytest.mark.parametrize(
    "value", _NONSENSE, ids=lambda v: "object()" if type(v) is object else repr(v)
)
@pytest.mark.parametrize("name", sorted(GRADERS))
def test_a_constant_answer_fails_without_leaking_the_reference(name: str, value: Any) -> None:
    result = GRADERS[name](lambda *args: value)
    assert result.passed is False
    assert result.message.startswith(f"failed: {name}(")
    for secret in ("_swap", "_scale", "_echelon", "_solve_any", "_Solved", "linalg_w2",
                   "reference", "def "):
        assert re.search(r"(?<![A-Za-z])" + re.escape(secret), result.message) is None


@settings(max_examples=30, deadline=None)
@given(value=st.one_of(st.none(), st.integers(), st.floats(allow_nan=True),
                       st.text(max_size=3), st.lists(st.floats(), max_size=3)))
def test_no_constant_passes_any_grader(value: Any) -> None:
    for grade in GRADERS.values():
        assert not grade(lambda *args, _v=value: _v).passed


# ---------------------------------------------------------------------------
# Each known mistake fails, with its hint
# ---------------------------------------------------------------------------

_ASARRAY = ("M = np.array(M, dtype=float)", "M = np.asarray(M, dtype=float)")
_NO_INDEX_CHECK = ("if not 0 <= k < M.shape[0]:", "if False:")
_INTEGERS = ("M = np.array(M, dtype=float)", "M = np.array(M)")
_NO_TOLERANCE = ("tol = 1e-10 * np.abs(M).max()", "tol = 0.0")
_FIRST_NON_ZERO = ("p = r + np.argmax(np.abs(M[r:, j]))", "p = r + np.argmax(M[r:, j] != 0)")
_ABSOLUTE_TOLERANCE = [("row_echelon", "tol = 1e-10 * np.abs(M).max()", "tol = 1e-10")] + [
    (name, "tol = 1e-10 * np.abs(R).max()", "tol = 1e-10") for name in ("rref", "rank", "solve_any")]
_FIRST_ABOVE_TOL = ("p = r + np.argmax(np.abs(M[r:, j]))",
                    "p = r + np.argmax(np.abs(M[r:, j]) > tol)")

MISTAKES = [
    # (grader, changes to the reference, fragment of the failure, fragment of the hint)
    ("swap_rows", [("swap_rows", "M[[i, j]] = M[[j, i]]", "M[i], M[j] = M[j], M[i]")],
     "expected [[3. 4.] [1. 2.]] got [[3. 4.] [3. 4.]]", "M[i] is a view"),
    ("swap_rows", [("swap_rows", *_ASARRAY)], "changed its input M in place",
     "makes no copy"),
    ("swap_rows", [("swap_rows", *_NO_INDEX_CHECK)], "i=0, j=2) expected ValueError",
     "check every row index"),
    ("scale_row", [("scale_row", *_INTEGERS)], "expected [[2. 4. ] [1. 1.66666667]]",
     "integer dtype"),
    ("scale_row", [("scale_row", "if c == 0:", "if False:")],
     "i=0, c=0) expected ValueError", "scaling a row by 0"),
    ("scale_row", [("scale_row", "if not 0 <= i < M.shape[0]:", "if False:")],
     "i=2, c=3.0) expected ValueError", "check every row index"),
    ("add_row_multiple", [("add_row_multiple", "M[target] + c * M[source]",
                           "M[target] - c * M[source]")],
     "got [[ 1. 2.] [ 6. 10.]]", "the sign is flipped"),
    ("add_row_multiple", [("add_row_multiple", "M[target] = M[target] + c * M[source]",
                           "M[source] = M[source] + c * M[target]")],
     "target=1, source=0, c=-3", "the wrong row changed"),
    ("add_row_multiple", [("add_row_multiple", "if target == source:", "if False:")],
     "target=1, source=1, c=2) expected ValueError", "scaling by 1 + c"),
    ("add_row_multiple", [("add_row_multiple", *_INTEGERS)], "c=-0.25)", "integer dtype"),
    ("add_row_multiple", [("add_row_multiple", *_ASARRAY)], "changed its input M in place",
     "makes no copy"),
    ("row_echelon", [("row_echelon", "p = r + np.argmax(np.abs(M[r:, j]))", "p = r")],
     "row_echelon(M=[[0, 1], [1, 0]])", "swap the row with a lower one"),
    ("row_echelon", [("row_echelon", *_NO_TOLERANCE), ("row_echelon", *_FIRST_NON_ZERO)],
     "row_echelon(M=[[1e-14, 1.0], [1.0, 1.0]])", "partial pivoting"),
    ("row_echelon", [("row_echelon", *_FIRST_ABOVE_TOL)],
     "row_echelon(M=[[1e-07, 1.0], [1.0, 1.0]]) got", "partial pivoting"),
    ("rref", [("row_echelon", *_FIRST_ABOVE_TOL)],
     "rref(M=[[1e-07, 1.0], [1.0, 1.0]]) expected", "partial pivoting"),
    ("rref", [("rref", "for i in range(r):", "for i in range(0):")],
     "rref(M=[[1, 2], [3, 4]]) expected [[1. 0.] [0. 1.]]", "clear the entries above"),
    ("rref", [("rref", "R = scale_row(R, r, 1 / R[r, j])", "R = R")],
     "rref(M=[[1, 2], [3, 4]]) expected [[1. 0.] [0. 1.]]", "scale each pivot row"),
    ("rank", [("row_echelon", *_NO_TOLERANCE), ("rank", "tol = 1e-10 * np.abs(R).max()",
                                                 "tol = 0.0")],
     "expected 2 got 3", "an == 0 test"),
    ("rank", [("rank", "R = row_echelon(M)", "R = np.asarray(M, dtype=float)")],
     "rank(M=[[0, 1, 2], [0, 3, 4], [0, 5, 7]]) expected 2 got 3", "number of pivots"),
    ("back_substitution", [("back_substitution", ") / U[i, i]", ")")],
     "expected [1. 2.] got [-4. 8.]", "divide by the diagonal entry"),
    ("back_substitution", [("back_substitution", "if np.any(np.diag(U) == 0):", "if False:")],
     "c=[1, 1]) expected ValueError", "a 0 on the diagonal"),
    ("back_substitution", [("back_substitution", "np.array(c, dtype=float)", "np.array(c)"),
                           ("back_substitution", "x = np.zeros(n)", "x = np.zeros_like(c)")],
     "expected [1.125 0.75 ] got [1 0]", "integer dtype"),
    ("solve_any", [("solve_any", "p[j] = R[r, n]", "p[j] = -R[r, n]")],
     "expected ('unique'", "the particular solution sets every free variable to 0"),
    ("solve_any", [("solve_any", "D[j, k] = -R[r, f]", "D[j, k] = R[r, f]")],
     "is not a solution of A d = 0", "MINUS its row's entry"),
    ("solve_any", [("row_echelon", *_NO_TOLERANCE), ("row_echelon", *_FIRST_NON_ZERO)],
     "solve_any(A=[[1e-14, 1.0], [1.0, 1.0]], b=[1, 2])", "partial pivoting"),
    ("solve_any", [("row_echelon", *_FIRST_ABOVE_TOL)],
     "solve_any(A=[[1e-07, 1.0], [1.0, 1.0]], b=[1, 2])", "partial pivoting"),
    ("solve_any", [("row_echelon", "p = r + np.argmax(np.abs(M[r:, j]))", "p = r")],
     "solve_any(A=[[0, 1], [1, 0]], b=[2, 3])", "swap the row with a lower one"),
    ("solve_any", [("row_echelon", *_NO_TOLERANCE), ("solve_any", "tol = 1e-10 * np.abs(R).max()",
                                                      "tol = 0.0")],
     "D must have shape (4, 2)", "an == 0 test"),
    ("solve_any", [("solve_any", "if n in pivots:", "if False:")],
     "solve_any(A=[[1, 2], [2, 4]], b=[3, 7]) raised IndexError",
     "raised on a system with no solution"),
    ("row_echelon", _ABSOLUTE_TOLERANCE, "row_echelon(M=array([[1e-12", "must be relative"),
    ("rref", _ABSOLUTE_TOLERANCE, "rref(M=array([[10000000.", "must be relative"),
    ("rank", _ABSOLUTE_TOLERANCE, "expected 2 got 3", "must be relative"),
    ("solve_any", _ABSOLUTE_TOLERANCE, "solve_any(A=array([[10000000.", "must be relative"),
]


@pytest.mark.parametrize(("name", "changes", "failure", "hint"), MISTAKES,
                         ids=[f"{m[0]}-{m[3][:24]}" for m in MISTAKES])
def test_a_known_mistake_fails_with_its_hint(name: str, changes: list[tuple[str, str, str]],
                                             failure: str, hint: str) -> None:
    failed_with(GRADERS[name](solutions(*changes)[name]), f"failed: {name}(", failure,
                hint=hint)


def integer_row_echelon(M: Any) -> Any:
    """Elimination in place in the input's dtype: integers truncate the fractions."""
    M = np.array(M)
    m, n = M.shape
    r = 0
    for j in range(n):
        if r == m:
            break
        p = r + np.argmax(np.abs(M[r:, j]))
        if abs(M[p, j]) <= 1e-10 * np.abs(M).max():
            continue
        M[[r, p]] = M[[p, r]]
        M[r + 1:] = M[r + 1:] - np.outer(M[r + 1:, j] / M[r, j], M[r])
        r += 1
    return M


def test_echelon_form_in_integers() -> None:
    failed_with(linalg_w2.row_echelon(integer_row_echelon), "row_echelon(M=[[1, 2], [3, 4]])",
                hint="integer dtype")


def test_solve_any_in_integers() -> None:
    learner = solutions(("solve_any", "np.array(A, dtype=float), np.array(b, dtype=float)",
                         "np.array(A), np.array(b)"))
    learner["row_echelon"] = integer_row_echelon      # solve_any -> rref -> row_echelon
    failed_with(linalg_w2.solve_any(learner["solve_any"]),
                "solve_any(A=[[2, 1], [1, 3]], b=[3, 5])", hint="integer dtype")


def test_solve_any_comparing_only_rank_a() -> None:
    def solve_any(A: Any, b: Any) -> Any:
        A, b = np.array(A, dtype=float), np.array(b, dtype=float)
        if np.linalg.matrix_rank(A) == A.shape[1]:
            return "unique", np.linalg.lstsq(A, b, rcond=None)[0]
        return "infinite", None

    failed_with(linalg_w2.solve_any(solve_any),
                "solve_any(A=[[1, 2], [2, 4]], b=[3, 7]) expected kind 'none' got 'infinite'",
                hint="compare rank A with rank [A | b]")


def test_echelon_form_that_does_not_skip_a_zero_column() -> None:
    def row_echelon(M: Any) -> Any:                 # pivot row = pivot column
        M = np.array(M, dtype=float)
        for j in range(min(M.shape)):
            p = j + np.argmax(np.abs(M[j:, j]))
            if abs(M[p, j]) <= 1e-10 * np.abs(M).max():
                continue
            M[[j, p]] = M[[p, j]]
            M[j + 1:] -= np.outer(M[j + 1:, j] / M[j, j], M[j])
        return M

    failed_with(linalg_w2.row_echelon(row_echelon),
                "row_echelon(M=[[0, 1, 2], [0, 3, 4], [0, 5, 7]])", "not in row echelon form",
                hint="the pivot row and the pivot column are two counters")


def test_echelon_form_that_changes_its_input() -> None:
    def row_echelon(M: Any) -> Any:
        M = np.asarray(M, dtype=float)              # no copy for a float array
        M[:] = linalg.row_echelon(M)                # so this changes the caller's matrix
        return M

    failed_with(linalg_w2.row_echelon(row_echelon), "failed: row_echelon(", hint="makes no copy")


def test_an_echelon_form_with_other_rows_is_caught() -> None:
    def row_echelon(M: Any) -> Any:
        U = linalg.row_echelon(M)
        U[0] = U[0] != 0                            # same staircase, another first row
        return U

    failed_with(linalg_w2.row_echelon(row_echelon), "do not span the same space")


def test_solutions_with_too_few_directions_are_caught() -> None:
    reference = solutions()["solve_any"]

    def solve_any(A: Any, b: Any) -> Any:
        kind, solution = reference(A, b)
        if kind == "infinite":
            p, D = solution
            return kind, (p, D[:, :1] @ np.ones((1, D.shape[1])))   # dependent columns
        return kind, solution

    failed_with(linalg_w2.solve_any(solve_any), "are not independent")


# ---------------------------------------------------------------------------
# A hint is only given when the mistake is the one it names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "learner"),
    [
        ("swap_rows", lambda M, i, j: np.zeros((2, 2))),
        ("scale_row", lambda M, i, c: np.asarray(M, dtype=float)),
        ("add_row_multiple", lambda M, t, s, c: np.asarray(M, dtype=float)),
        ("row_echelon", lambda M: np.zeros_like(np.asarray(M, dtype=float))),
        ("rref", lambda M: np.zeros(np.shape(M))),
        ("rank", lambda M: 1),
        ("back_substitution", lambda U, c: np.ones(len(c))),
        ("solve_any", lambda A, b: ("unique", np.zeros(np.shape(A)[1]))),
    ],
)
def test_no_hint_for_an_unrelated_failure(name: str, learner: Any) -> None:
    failed_with(GRADERS[name](learner), f"failed: {name}(")
