"""The Week 1 graders against learner solutions that are known to be wrong.

Each wrong solution below is one a learner really writes (issue 8 collected them by
running 30 learner-style labs through the graders). The grader must fail it, and where
the mistake is a known one, its message must end with the hint that names it. The lab's
reference solutions (tests/labs/) must pass every grader.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from conftest import lab_reference
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook.check import CheckResult, linalg_w1

GRADERS = {name: getattr(linalg_w1, name) for name in linalg_w1.__all__}
NEW_GRADERS = [linalg_w1.det_3x3, linalg_w1.det_triangular, linalg_w1.is_singular_nxn]


def reference_solutions() -> Any:
    return lab_reference("linear-algebra_week-1_lab.py")


def relative_singular(A: Any) -> bool:
    M = np.asarray(A, dtype=float)
    return bool(abs(M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]) <= 1e-10 * np.max(np.abs(M)) ** 2)


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
# The reference solution passes every grader
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GRADERS))
def test_reference_solution_passes(name: str) -> None:
    result = GRADERS[name](getattr(reference_solutions(), name))
    assert result.passed, result.message
    assert result.n_cases >= 25


# ---------------------------------------------------------------------------
# is_singular: no absolute tolerance passes (1e-4 * I and 1e8 * singular)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("tol", [1e-15, 1e-12, 1e-9, 1e-6, 1e-4])
def test_is_singular_with_an_absolute_tolerance_fails(tol: float) -> None:
    def is_singular(A: Any) -> bool:
        return bool(abs(A[0][0] * A[1][1] - A[0][1] * A[1][0]) <= tol)

    failed_with(linalg_w1.is_singular(is_singular), "is_singular(A=",
                hint="your tolerance looks absolute")


def test_is_singular_without_tolerance_gets_the_round_off_hint() -> None:
    def is_singular(A: Any) -> bool:
        return bool(np.linalg.det(np.asarray(A, dtype=float)) == 0)

    failed_with(linalg_w1.is_singular(is_singular), "expected True got False",
                hint="Compare with a tolerance, never with == 0")


def test_is_singular_with_strict_inequality_misses_the_zero_matrix() -> None:
    def is_singular(A: Any) -> bool:
        M = np.asarray(A, dtype=float)
        return bool(abs(M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]) < 1e-10 * np.abs(M).max() ** 2)

    failed_with(linalg_w1.is_singular(is_singular), "is_singular(A=[[0, 0], [0, 0]])",
                hint="use <=, not <")


# ---------------------------------------------------------------------------
# det_2x2: sign error, integer truncation
# ---------------------------------------------------------------------------


def test_det_with_a_plus_sign() -> None:
    def det_2x2(A: Any) -> Any:
        return A[0][0] * A[1][1] + A[0][1] * A[1][0]

    failed_with(linalg_w1.det_2x2(det_2x2), "expected -2.0 got 10",
                hint="the products are added")


def test_det_that_truncates_decimals() -> None:
    def det_2x2(A: Any) -> Any:
        M = np.asarray(A).astype(int)
        return M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]

    failed_with(linalg_w1.det_2x2(det_2x2), "det_2x2(A=", hint="the decimals were cut off")


# ---------------------------------------------------------------------------
# solve_2x2: np.linalg.solve on a singular matrix, integer arrays, transpose, signs
# ---------------------------------------------------------------------------


def test_solve_trusting_numpy_to_refuse() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        return np.linalg.solve(A, b)

    failed_with(linalg_w1.solve_2x2(solve_2x2), "expected ValueError to be raised, got [",
                hint="np.linalg.solve only raises when it meets an exactly zero pivot")


def test_solve_by_elimination_in_an_integer_array() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        if relative_singular(A):
            raise ValueError("singular")
        M = np.column_stack([A, b])                # integer dtype for integer input
        if M[0, 0] == 0:
            M = M[::-1].copy()
        M[1] = M[1] - M[1, 0] / M[0, 0] * M[0]     # the fractions are truncated
        y = M[1, 2] / M[1, 1]
        x = (M[0, 2] - M[0, 1] * y) / M[0, 0]
        return np.array([x, y])

    failed_with(linalg_w1.solve_2x2(solve_2x2),
                "solve_2x2(A=[[2, 1], [1, 3]], b=[3, 5]) expected [0.8 1.4] got [0.75 1.5 ]",
                hint="integer dtype")


def test_solve_with_the_transposed_matrix() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        if relative_singular(A):
            raise ValueError("singular")
        return np.linalg.solve(np.transpose(np.asarray(A, dtype=float)), b)

    failed_with(linalg_w1.solve_2x2(solve_2x2), "solve_2x2(A=[[1, 2], [3, 4]]",
                hint="transposed matrix")


def test_solve_with_a_sign_error() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        if relative_singular(A):
            raise ValueError("singular")
        (a11, a12), (a21, a22) = A
        det = a11 * a22 - a12 * a21
        return np.array([(a22 * b[0] - a12 * b[1]) / det, (a21 * b[0] - a11 * b[1]) / det])

    failed_with(linalg_w1.solve_2x2(solve_2x2), "expected [-4. 4.5] got [-4. -4.5]",
                hint="a sign is flipped")


def test_solve_with_swapped_outputs() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        if relative_singular(A):
            raise ValueError("singular")
        return np.linalg.solve(np.asarray(A, dtype=float), b)[::-1]

    failed_with(linalg_w1.solve_2x2(solve_2x2), "got [ 4.5 -4. ]", hint="x and y are swapped")


# ---------------------------------------------------------------------------
# classify_2x2: one determinant only, no tolerance, the zero matrix
# ---------------------------------------------------------------------------


def test_classify_checking_only_the_first_column_against_b() -> None:
    # passed all 43 cases of the old grader (issue 8)
    def classify_2x2(A: Any, b: Any) -> str:
        M = np.asarray(A, dtype=float)
        if not relative_singular(M):
            return "unique"
        if not np.any(M):
            return "infinite" if not np.any(b) else "none"
        first = M[0, 0] * b[1] - M[1, 0] * b[0]    # 0 = a11 b2 - a21 b1, from elimination
        scale = max(np.abs(M).max(), np.abs(b).max())
        return "infinite" if abs(first) <= 1e-10 * scale**2 else "none"

    failed_with(linalg_w1.classify_2x2(classify_2x2),
                "classify_2x2(A=[[0, 1], [0, 2]], b=[1, 3]) expected 'none' got 'infinite'",
                hint="one determinant is not enough")


def test_classify_checking_only_the_second_column_against_b() -> None:
    def classify_2x2(A: Any, b: Any) -> str:
        M = np.asarray(A, dtype=float)
        if not relative_singular(M):
            return "unique"
        if not np.any(M):
            return "infinite" if not np.any(b) else "none"
        second = M[0, 1] * b[1] - M[1, 1] * b[0]
        scale = max(np.abs(M).max(), np.abs(b).max())
        return "infinite" if abs(second) <= 1e-10 * scale**2 else "none"

    failed_with(linalg_w1.classify_2x2(classify_2x2),
                "classify_2x2(A=[[1, 0], [2, 0]], b=[1, 3]) expected 'none' got 'infinite'",
                hint="one determinant is not enough")


def test_classify_without_tolerance() -> None:
    def classify_2x2(A: Any, b: Any) -> str:
        M = np.asarray(A, dtype=float)
        if M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0] != 0:
            return "unique"
        augmented = np.column_stack([M, b])
        same = np.linalg.matrix_rank(M) == np.linalg.matrix_rank(augmented)
        return "infinite" if same else "none"

    failed_with(linalg_w1.classify_2x2(classify_2x2), "expected 'infinite' got 'unique'",
                hint="Compare with a tolerance")


def test_classify_forgetting_the_zero_matrix() -> None:
    def classify_2x2(A: Any, b: Any) -> str:
        if not relative_singular(A):
            return "unique"
        M = np.asarray(A, dtype=float)
        same = all(relative_singular(np.column_stack([M[:, j], b])) for j in range(2))
        return "infinite" if same else "none"

    failed_with(linalg_w1.classify_2x2(classify_2x2),
                "classify_2x2(A=[[0, 0], [0, 0]], b=[1, 0]) expected 'none' got 'infinite'",
                hint="for the zero matrix")


# ---------------------------------------------------------------------------
# The 3×3 determinant, the triangular determinant, singularity of any size
# ---------------------------------------------------------------------------


def test_det_3x3_with_the_wrong_middle_sign() -> None:
    def det_3x3(A: Any) -> Any:
        (a11, a12, a13), (a21, a22, a23), (a31, a32, a33) = A
        return (a11 * (a22 * a33 - a23 * a32) + a12 * (a21 * a33 - a23 * a31)
                + a13 * (a21 * a32 - a22 * a31))

    failed_with(linalg_w1.det_3x3(det_3x3), "det_3x3(A=[[2, 1, 0], [1, 3, 1], [0, 1, 2]])",
                hint="+, -, +")


def test_det_3x3_adding_all_six_diagonal_products() -> None:
    def det_3x3(A: Any) -> Any:
        M = np.asarray(A, dtype=float)
        down = sum(np.prod([M[i, (i + s) % 3] for i in range(3)]) for s in range(3))
        up = sum(np.prod([M[i, (s - i) % 3] for i in range(3)]) for s in range(3))
        return down + up

    failed_with(linalg_w1.det_3x3(det_3x3), "det_3x3(A=", hint="subtracted, not added")


def test_det_3x3_with_numpy_passes() -> None:
    def det_3x3(A: Any) -> float:
        return float(np.linalg.det(np.asarray(A, dtype=float)))

    assert linalg_w1.det_3x3(det_3x3).passed


def test_det_triangular_without_the_check() -> None:
    def det_triangular(U: Any) -> Any:
        return np.prod(np.diag(U))

    failed_with(linalg_w1.det_triangular(det_triangular),
                "det_triangular(U=[[1, 2], [3, 4]]) expected ValueError to be raised, got 4",
                hint="raise ValueError otherwise")


def test_det_triangular_adding_the_diagonal() -> None:
    def det_triangular(U: Any) -> Any:
        M = np.asarray(U, dtype=float)
        if np.any(np.triu(M, 1)) and np.any(np.tril(M, -1)):
            raise ValueError("not triangular")
        return np.trace(M)

    failed_with(linalg_w1.det_triangular(det_triangular), "expected -24.0 got 1.0",
                hint="np.prod")


def test_det_triangular_refusing_lower_triangular_matrices() -> None:
    def det_triangular(U: Any) -> Any:
        M = np.asarray(U, dtype=float)
        if np.any(np.tril(M, -1)):
            raise ValueError("not upper triangular")
        return np.prod(np.diag(M))

    failed_with(linalg_w1.det_triangular(det_triangular),
                "det_triangular(U=[[3, 0, 0], [1, 2, 0], [4, 5, 6]]) raised ValueError",
                hint="lower-triangular matrices count too")


def test_is_singular_nxn_catching_linalg_error() -> None:
    def is_singular_nxn(A: Any) -> bool:
        try:
            np.linalg.solve(A, np.ones(len(A)))
        except np.linalg.LinAlgError:
            return True
        return False

    failed_with(linalg_w1.is_singular_nxn(is_singular_nxn),
                "is_singular_nxn(A=[[0.1, 0.3], [0.3, 0.9]]) expected True got False",
                hint="np.linalg.matrix_rank(A) < len(A)")


def test_is_singular_nxn_with_an_absolute_det_tolerance() -> None:
    def is_singular_nxn(A: Any) -> bool:
        return bool(abs(np.linalg.det(np.asarray(A, dtype=float))) < 1e-12)

    failed_with(linalg_w1.is_singular_nxn(is_singular_nxn), "expected False got True",
                hint="a tiny determinant is not a zero one")


@pytest.mark.parametrize("compare", [lambda rank, n: rank < n - 1, lambda rank, n: rank == n - 1])
def test_is_singular_nxn_with_the_wrong_cut_off_on_the_rank(compare: Any) -> None:
    def is_singular_nxn(A: Any) -> bool:
        M = np.asarray(A, dtype=float)
        return bool(compare(np.linalg.matrix_rank(M), len(M)))

    failed_with(linalg_w1.is_singular_nxn(is_singular_nxn), "expected True got False",
                hint="whether the rank is n - 1 or 0")


def test_det_3x3_on_an_integer_array_truncates() -> None:
    def det_3x3(A: Any) -> Any:
        M = np.array(A).astype(int)
        return round(np.linalg.det(M))

    failed_with(linalg_w1.det_3x3(det_3x3), "expected 15.8125 got",
                hint="the decimals were cut off")


# ---------------------------------------------------------------------------
# The new graders are as robust as the old ones
# ---------------------------------------------------------------------------

_WRONG_LEARNERS = [
    lambda A: None,
    lambda A: 1 / 0,
    lambda A: [[1, 2], [3]],
    lambda A: {"x": 1},
    lambda A: np.full((2, 2), np.nan),
    lambda A: 1 + 2j,
    lambda A: object(),
    lambda A: "unique",
]


@pytest.mark.parametrize("learner", _WRONG_LEARNERS)
@pytest.mark.parametrize("grade", NEW_GRADERS)
def test_wrong_learners_never_raise_or_leak(grade: Any, learner: Any) -> None:
    result = grade(learner)
    assert result.passed is False
    assert result.message.startswith(f"failed: {grade.__name__}(")
    for secret in ("_det3", "_triangular_det", "_singular_nxn", "reference", "linalg_w1",
                   "def "):
        assert re.search(r"(?<![A-Za-z])" + re.escape(secret), result.message) is None


@pytest.mark.parametrize("grade", NEW_GRADERS)
def test_new_graders_report_an_unfinished_stub(grade: Any) -> None:
    def stub(A: Any) -> Any:
        raise NotImplementedError

    assert grade(stub).message == f"not done yet: {grade.__name__} raises NotImplementedError"


@settings(max_examples=40, deadline=None)
@given(value=st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                       st.text(max_size=3), st.lists(st.floats(), max_size=3)))
def test_a_constant_answer_never_passes_a_new_grader(value: Any) -> None:
    for grade in NEW_GRADERS:
        result = grade(lambda A, _v=value: _v)
        assert isinstance(result, CheckResult)
        assert not result.passed


# ---------------------------------------------------------------------------
# A hint is only given when the mistake is the one it names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "learner"),
    [
        (linalg_w1.is_singular, lambda A: True),
        (linalg_w1.is_singular, lambda A: False),
        (linalg_w1.solve_2x2, lambda A, b: None),
        (linalg_w1.classify_2x2, lambda A, b: "infinite"),
        (linalg_w1.classify_2x2, lambda A, b: "none"),
        (linalg_w1.det_triangular, lambda U: None),
        (linalg_w1.is_singular_nxn, lambda A: True),
        (linalg_w1.is_singular_nxn, lambda A: False),
    ],
)
def test_no_hint_for_an_unrelated_failure(grade: Any, learner: Any) -> None:
    failed_with(grade(learner), f"failed: {grade.__name__}(")
