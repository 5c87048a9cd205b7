"""Tests of mathbook.check: the generic grading engine and the Part 1 Week 1 graders."""

from __future__ import annotations

import dataclasses
import inspect
import re
import subprocess
import sys
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook.check import CheckResult, check_function, grader, linalg_w1, random_cases
from mathbook.check import _core as core

# ---------------------------------------------------------------------------
# Learner solutions for the Week 1 lab: correct ones written independently of the
# graders' references (NumPy, elimination), and typical wrong ones.
# ---------------------------------------------------------------------------


def det_ok(A: Any) -> float:
    return float(np.linalg.det(np.array(A, dtype=float)))


def singular_ok(A: Any) -> bool:
    M = np.array(A, dtype=float)
    return bool(abs(M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]) <= 1e-9 * np.max(np.abs(M)) ** 2)


def solve_ok(A: Any, b: Any) -> np.ndarray:
    """Gaussian elimination with a row swap, as a learner would write it."""
    M = np.array(A, dtype=float)
    v = np.array(b, dtype=float)
    if singular_ok(M):
        raise ValueError("A is singular")
    if abs(M[0, 0]) < abs(M[1, 0]):
        M, v = M[::-1].copy(), v[::-1].copy()
    factor = M[1, 0] / M[0, 0]
    M[1] -= factor * M[0]
    v[1] -= factor * v[0]
    y = v[1] / M[1, 1]
    x = (v[0] - M[0, 1] * y) / M[0, 0]
    return np.array([x, y])


def classify_ok(A: Any, b: Any) -> str:
    if not singular_ok(A):
        return "unique"
    M = np.array(A, dtype=float)
    augmented = np.column_stack([M, np.array(b, dtype=float)])
    same = np.linalg.matrix_rank(M) == np.linalg.matrix_rank(augmented)
    return "infinite" if same else "none"


def assert_failed(result: CheckResult, *fragments: str) -> None:
    assert isinstance(result, CheckResult)
    assert result.passed is False
    assert not result
    for fragment in fragments:
        assert fragment in result.message, result.message


# Names and code of the hidden references must never reach a learner.
_REFERENCE_SOURCES = [
    inspect.getsource(fn)
    for fn in (linalg_w1._det, linalg_w1._singular, linalg_w1._solve, linalg_w1._classify,
               linalg_w1._rank, linalg_w1._entries)
]
_REFERENCE_LINES = {
    line.strip()
    for source in _REFERENCE_SOURCES
    for line in source.splitlines()[1:]  # skip the def line (it holds only the name)
    if len(line.strip()) > 12 and not line.strip().startswith(('"', "#"))
}


def assert_no_leak(message: str) -> None:
    for secret in ("_det", "_singular", "_solve", "_classify", "_rank", "_entries",
                   "reference", "linalg_w1", "_SINGULAR_RTOL", "def "):
        # "_singular" may appear inside the exercise name "is_singular", not on its own
        assert re.search(r"(?<![A-Za-z])" + re.escape(secret), message) is None, (secret, message)
    for line in _REFERENCE_LINES:
        assert line not in message, (line, message)


# ---------------------------------------------------------------------------
# Week 1 graders: correct learners pass
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "learner", "name"),
    [
        (linalg_w1.det_2x2, det_ok, "det_2x2"),
        (linalg_w1.is_singular, singular_ok, "is_singular"),
        (linalg_w1.solve_2x2, solve_ok, "solve_2x2"),
        (linalg_w1.classify_2x2, classify_ok, "classify_2x2"),
    ],
)
def test_correct_learner_passes(grade: Any, learner: Any, name: str) -> None:
    result = grade(learner)
    assert result.passed, result.message
    assert bool(result)
    assert result.n_cases >= 30  # hand-picked cases plus 20 random ones
    assert result.message == f"passed: {name} matched the reference on {result.n_cases} cases"
    assert repr(result) == str(result) == result.message


def test_plain_formula_det_passes_on_lists_and_arrays() -> None:
    def det_2x2(A: Any) -> Any:
        return A[0][0] * A[1][1] - A[0][1] * A[1][0]

    assert linalg_w1.det_2x2(det_2x2).passed


@pytest.mark.parametrize("tol", [1e-12, 1e-10, 1e-8, 1e-6])
def test_is_singular_accepts_any_reasonable_relative_tolerance(tol: float) -> None:
    # absolute tolerances fail: tests/test_check_linalg_w1.py
    def relative(A: Any) -> bool:
        M = np.array(A, dtype=float)
        return bool(abs(det_ok(M)) <= tol * np.max(np.abs(M)) ** 2)

    assert linalg_w1.is_singular(relative).passed


def _fresh_python(code: str) -> str:
    """Run ``code`` in a new interpreter (no module or cache shared with this one)."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_graders_are_reachable_from_the_package() -> None:
    # In a fresh interpreter `import mathbook.check` alone must expose the graders (here,
    # the test module's own `from mathbook.check import linalg_w1` would mask a missing
    # import in check/__init__.py).
    expected = ["classify_2x2", "det_2x2", "det_3x3", "det_triangular", "is_singular",
                "is_singular_nxn", "solve_2x2"]
    out = _fresh_python(
        "import mathbook.check as c; print(sorted(c.linalg_w1.__all__), c.linalg_w1.solve_2x2)"
    )
    assert out.startswith(str(expected)), out
    assert sorted(linalg_w1.__all__) == expected


_RECORD_CASES = """
import numpy as np
from mathbook import linalg
from mathbook.check import linalg_w1
seen = []
def solve_2x2(A, b):
    seen.append((np.asarray(A, dtype=float).tolist(), np.asarray(b, dtype=float).tolist()))
    return linalg.solve(A, b)  # a correct solution sees every case
print(linalg_w1.solve_2x2(solve_2x2))
print(len(seen), seen)
"""


def test_grading_is_reproducible() -> None:
    # Every interpreter must grade on the same cases. Within one interpreter the cases
    # are memoised, so two gradings there would agree even with an unseeded generator:
    # compare the cases two fresh interpreters hand to a learner's function instead.
    first, second = _fresh_python(_RECORD_CASES), _fresh_python(_RECORD_CASES)
    assert first.startswith("passed: solve_2x2 matched the reference on "), first
    assert len(first.splitlines()[1]) > 1000  # the hand cases and 20 random ones
    assert first == second


# ---------------------------------------------------------------------------
# Week 1 graders: specific wrong learners fail with the right message
# ---------------------------------------------------------------------------


def test_wrong_sign_det() -> None:
    def det_2x2(A: Any) -> Any:
        return A[0][1] * A[1][0] - A[0][0] * A[1][1]

    result = linalg_w1.det_2x2(det_2x2)
    # det [[1, 2], [3, 4]] = 1*4 - 2*3 = -2, the flipped formula gives +2
    assert result.message.startswith(
        "failed: det_2x2(A=[[1, 2], [3, 4]]) expected -2.0 got 2\nhint: the sign is flipped"
    )
    assert result.n_cases == 1


def test_swapped_outputs() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        return solve_ok(A, b)[::-1]

    result = linalg_w1.solve_2x2(solve_2x2)
    # x + 2y = 5, 3x + 4y = 6 has x = -4, y = 4.5
    assert_failed(result, "failed: solve_2x2(A=[[1, 2], [3, 4]], b=[5, 6]) expected [-4.",
                  "4.5] got [ 4.5 -4. ]")
    assert_no_leak(result.message)


def test_forgot_return() -> None:
    def solve_2x2(A: Any, b: Any) -> None:
        solve_ok(A, b)

    result = linalg_w1.solve_2x2(solve_2x2)
    assert result.message == (
        "failed: solve_2x2(A=[[1, 2], [3, 4]], b=[5, 6]) returned None — did you forget `return`?"
    )


def test_mutating_the_input_fails_and_does_not_break_the_reference() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        x = solve_ok(A, b)
        A[0][0] = 1000  # scribbles on the caller's matrix
        return x

    result = linalg_w1.solve_2x2(solve_2x2)
    assert_failed(result, "solve_2x2(A=[[1, 2], [3, 4]], b=[5, 6]) changed its input A in place")
    assert result.n_cases == 1


def test_in_place_elimination_on_arrays_is_caught() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        M = A if isinstance(A, np.ndarray) else np.array(A, dtype=float)
        if singular_ok(M):
            raise ValueError("singular")
        x = np.linalg.solve(M, np.array(b, dtype=float))
        M[1] = M[1] - M[1, 0] / M[0, 0] * M[0]  # in place on the learner's input
        return x

    result = linalg_w1.solve_2x2(solve_2x2)
    assert_failed(result, "A=array([[3, -2], [5, 7]])", "changed its input A in place")


def test_wrong_shape() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        return solve_ok(A, b).reshape(2, 1)

    result = linalg_w1.solve_2x2(solve_2x2)
    assert result.message.endswith("expected shape (2,) got shape (2, 1)")


def test_wrong_exception_for_singular_matrix() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        if singular_ok(A):
            raise RuntimeError("no unique solution")
        return solve_ok(A, b)

    result = linalg_w1.solve_2x2(solve_2x2)
    assert result.message == (
        "failed: solve_2x2(A=[[1, 2], [2, 4]], b=[3, 7]) expected ValueError to be raised, "
        "got RuntimeError: no unique solution"
    )


def test_no_exception_for_singular_matrix() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:  # Cramer's rule with a tolerance-free guard
        M = np.array(A, dtype=float)
        det = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]
        if det == 0:
            raise ValueError("singular")
        return np.array([b[0] * M[1, 1] - M[0, 1] * b[1], M[0, 0] * b[1] - M[1, 0] * b[0]]) / det

    result = linalg_w1.solve_2x2(solve_2x2)
    # [[0.1, 0.3], [0.3, 0.9]] is singular, but its determinant is 1.4e-17 in floats
    assert_failed(result, "solve_2x2(A=[[0.1, 0.3], [0.3, 0.9]]",
                  "expected ValueError to be raised, got [")


def test_linalg_error_counts_as_value_error() -> None:
    def solve_2x2(A: Any, b: Any) -> Any:
        M = np.array(A, dtype=float)
        if singular_ok(M):
            raise np.linalg.LinAlgError("Singular matrix")  # a subclass of ValueError
        return np.linalg.solve(M, np.array(b, dtype=float))

    assert linalg_w1.solve_2x2(solve_2x2).passed


def test_crashing_learner() -> None:
    def det_2x2(A: Any) -> Any:
        return A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]  # fails on nested lists

    result = linalg_w1.det_2x2(det_2x2)
    assert_failed(result, "det_2x2(A=[[1, 2], [3, 4]]) raised TypeError:", "(expected a result)")


@pytest.mark.parametrize(
    "grade", [linalg_w1.det_2x2, linalg_w1.is_singular, linalg_w1.solve_2x2,
              linalg_w1.classify_2x2]
)
def test_not_implemented_stub(grade: Any) -> None:
    def stub(*args: Any) -> Any:
        raise NotImplementedError("write your code here")

    name = grade.__name__
    stub.__name__ = name
    result = grade(stub)
    assert result == CheckResult(False, 1, f"not done yet: {name} raises NotImplementedError")


def test_is_singular_without_tolerance_fails() -> None:
    def is_singular(A: Any) -> bool:
        return bool(A[0][0] * A[1][1] - A[0][1] * A[1][0] == 0)

    result = linalg_w1.is_singular(is_singular)
    assert result.message.startswith(
        "failed: is_singular(A=[[0.1, 0.3], [0.3, 0.9]]) expected True got False\nhint: "
    )


def test_is_singular_with_a_huge_tolerance_fails() -> None:
    def is_singular(A: Any) -> bool:
        return bool(abs(det_ok(A)) < 0.01)

    result = linalg_w1.is_singular(is_singular)
    assert result.message.startswith(
        "failed: is_singular(A=[[1, 2], [2, 4.001]]) expected False got True\nhint: "
    )


def test_is_singular_must_return_a_bool() -> None:
    def is_singular(A: Any) -> int:
        return int(singular_ok(A))

    result = linalg_w1.is_singular(is_singular)
    assert result.message == (
        "failed: is_singular(A=[[1, 2], [3, 4]]) expected a bool (False) got int 0"
    )


def test_numpy_bool_is_a_bool() -> None:
    def is_singular(A: Any) -> Any:
        return np.abs(det_ok(A)) <= 1e-9 * np.max(np.abs(A)) ** 2  # numpy.bool_

    assert linalg_w1.is_singular(is_singular).passed


def test_classify_forgetting_the_infinite_case() -> None:
    def classify_2x2(A: Any, b: Any) -> str:
        return "unique" if not singular_ok(A) else "none"

    result = linalg_w1.classify_2x2(classify_2x2)
    assert result.message == (
        "failed: classify_2x2(A=[[1, 2], [2, 4]], b=[3, 6]) expected 'infinite' got 'none'"
    )


def test_classify_wrong_spelling() -> None:
    def classify_2x2(A: Any, b: Any) -> str:
        return classify_ok(A, b).capitalize()

    assert linalg_w1.classify_2x2(classify_2x2).message.endswith("expected 'unique' got 'Unique'")


def test_passing_a_result_instead_of_a_function() -> None:
    result = linalg_w1.det_2x2(det_ok([[1, 2], [3, 4]]))
    assert_failed(result, "expected a function for det_2x2, got float",
                  "pass the function itself")
    assert result.n_cases == 0


_WRONG_LEARNERS = [
    lambda A, *rest: None,
    lambda A, *rest: 1 / 0,
    lambda A, *rest: "unique" if rest else 0.0,
    lambda A, *rest: [[1, 2], [3]],
    lambda A, *rest: {"x": 1},
    lambda A, *rest: (x for x in range(2)),
    lambda A, *rest: np.full((2, 2), np.nan),
    lambda A, *rest: 1 + 2j,
    lambda A, *rest: object(),
    lambda A, *rest: [],
]


@pytest.mark.parametrize("learner", _WRONG_LEARNERS)
@pytest.mark.parametrize(
    "grade", [linalg_w1.det_2x2, linalg_w1.is_singular, linalg_w1.solve_2x2,
              linalg_w1.classify_2x2]
)
def test_wrong_learners_never_raise_and_never_leak(grade: Any, learner: Any) -> None:
    result = grade(learner)
    assert_failed(result, "failed: ")
    assert result.message.startswith(f"failed: {grade.__name__}(")
    assert_no_leak(result.message)


returned_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5),
    st.complex_numbers(), st.lists(st.floats(allow_nan=True), max_size=3),
    st.tuples(st.integers(), st.text(max_size=3)),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.sampled_from(["unique", "none", "infinite"]),
)


@settings(max_examples=60, deadline=None)
@given(value=returned_values)
def test_a_constant_answer_never_passes_or_raises(value: Any) -> None:
    for grade in (linalg_w1.det_2x2, linalg_w1.is_singular, linalg_w1.solve_2x2,
                  linalg_w1.classify_2x2):
        result = grade(lambda *args, _v=value: _v)
        assert isinstance(result, CheckResult)
        assert not result.passed
        assert_no_leak(result.message)


def test_learner_warnings_are_silenced() -> None:
    def det_2x2(A: Any) -> Any:
        return np.float64(1.0) / np.float64(0.0)  # RuntimeWarning: divide by zero

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = linalg_w1.det_2x2(det_2x2)
    assert result.message.endswith("expected -2.0 got inf")


# ---------------------------------------------------------------------------
# The generic engine
# ---------------------------------------------------------------------------


def product(x: Any, y: Any) -> Any:
    return x * y


def test_check_function_default_name_and_singular_plural() -> None:
    def times(x: Any, y: Any) -> Any:
        return y * x

    assert str(check_function(times, product, [(2, 3)])) == (
        "passed: times matched the reference on 1 case"
    )
    lam = check_function(lambda x, y: x + y, product, [(2, 2), (2, 3)])
    assert lam.message == "failed: f(x=2, y=3) expected 6 got 5"
    assert lam.n_cases == 2


def test_keyword_cases() -> None:
    result = check_function(lambda x, y: x - y, lambda x, y: x - y,
                            [{"x": 1, "y": 2}, {"y": 5, "x": 1}], name="minus")
    assert result.passed
    wrong = check_function(lambda x, y: y - x, lambda x, y: x - y, [{"y": 5, "x": 1}],
                           name="minus")
    assert wrong.message == "failed: minus(x=1, y=5) expected -4 got 4"


def test_positional_display_without_a_signature() -> None:
    result = check_function(lambda *a: 0, max, [(3, 4)], name="biggest")
    assert result.message == "failed: biggest(3, 4) expected 4 got 0"


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=6),
    scale=st.floats(0.0, 1.0),
)
def test_tolerances_follow_isclose(values: list[float], scale: float) -> None:
    expected = np.array(values)
    rtol, atol = 1e-6, 1e-9
    bump = scale * 4 * (atol + rtol * np.abs(expected))  # up to 4× the allowed error
    got = expected + bump
    should_pass = bool(np.allclose(got, expected, rtol=rtol, atol=atol))
    result = check_function(lambda v: got, lambda v: expected, [(0,)], name="g",
                            rtol=rtol, atol=atol)
    assert result.passed is should_pass
    if not should_pass:
        assert result.message.startswith("failed: g(v=0) expected [")


@settings(max_examples=60, deadline=None)
@given(x=st.floats(-1e3, 1e3), delta=st.floats(-1e-3, 1e-3))
def test_numbers_compare_with_tolerance(x: float, delta: float) -> None:
    result = check_function(lambda: x + delta, lambda: x, [()], name="g", rtol=0.0, atol=1e-6)
    assert result.passed is bool(abs((x + delta) - x) <= 1e-6)


def test_nested_results() -> None:
    def reference(x: Any) -> Any:
        return (np.array([x, 2 * x]), "ok", {"n": 3})

    def learner(x: Any) -> Any:
        return [[x, 2 * x], "ok", {"n": 4}]

    result = check_function(learner, reference, [(1.0,)], name="stats")
    assert result.message == "failed: stats(x=1.0) item 2: at key 'n': expected 3 got 4"
    short = check_function(lambda x: (1, 2), reference, [(1.0,)], name="stats")
    assert short.message.endswith("expected 3 values got 2: (1, 2)")


def test_nan_matches_nan() -> None:
    assert check_function(lambda: float("nan"), lambda: np.nan, [()], name="g").passed
    assert check_function(lambda: np.array([np.nan, 1.0]), lambda: np.array([np.nan, 1.0]),
                          [()], name="g").passed


def test_exception_must_be_same_type_or_subclass() -> None:
    def reference(x: float) -> float:
        if x < 0:
            raise ValueError("negative")
        return float(np.sqrt(x))

    def raises_subclass(x: float) -> float:
        if x < 0:
            raise np.linalg.LinAlgError("negative")
        return float(np.sqrt(x))

    def raises_parent(x: float) -> float:
        if x < 0:
            raise Exception("negative")
        return float(np.sqrt(x))

    cases = [(4.0,), (-1.0,)]
    assert check_function(raises_subclass, reference, cases, name="root").passed
    assert check_function(raises_parent, reference, cases, name="root").message == (
        "failed: root(x=-1.0) expected ValueError to be raised, got Exception: negative"
    )
    returned = check_function(lambda x: 0.0, reference, [(-1.0,)], name="root")
    assert returned.message == "failed: root(x=-1.0) expected ValueError to be raised, got 0.0"


def test_each_function_gets_its_own_deep_copy() -> None:
    seen: list[list[int]] = []

    def reference(values: list[list[int]]) -> int:
        total = sum(values[0])
        values[0].clear()  # a careless reference must not break the learner's case
        return total

    def learner(values: list[list[int]]) -> int:
        seen.append(list(values[0]))
        return sum(values[0])

    original = [[1, 2, 3]]
    result = check_function(learner, reference, [(original,)], name="total",
                            allow_mutation=True)
    assert result.passed
    assert seen == [[1, 2, 3]]
    assert original == [[1, 2, 3]]


def test_allow_mutation() -> None:
    def learner(values: list[int]) -> int:
        values.append(0)
        return len(values) - 1

    strict = check_function(learner, len, [([1, 2],)], name="count")
    assert strict.message == (
        "failed: count([1, 2]) changed argument 1 in place; work on a copy instead"
    )
    assert check_function(learner, len, [([1, 2],)], name="count", allow_mutation=True).passed


def test_custom_compare() -> None:
    def same_set(expected: Any, got: Any) -> bool | str:
        if not isinstance(got, list):
            return "expected a list"
        return sorted(expected) == sorted(got)

    def reference(n: int) -> list[int]:
        return list(range(n))

    assert check_function(lambda n: list(range(n))[::-1], reference, [(3,)], name="g",
                          compare=same_set).passed
    assert check_function(lambda n: (0, 1, 2), reference, [(3,)], name="g",
                          compare=same_set).message == "failed: g(n=3) expected a list"
    assert check_function(lambda n: [0], reference, [(3,)], name="g",
                          compare=same_set).message == "failed: g(n=3) expected [0, 1, 2] got [0]"

    def crashing(expected: Any, got: Any) -> bool:
        raise TypeError("cannot compare")

    result = check_function(lambda n: 1, reference, [(3,)], name="g", compare=crashing)
    assert_failed(result, "could not be compared", "TypeError: cannot compare")


def test_reference_returning_none() -> None:
    assert check_function(lambda x: None, lambda x: None, [(1,)], name="g").passed
    assert check_function(lambda x: 1, lambda x: None, [(1,)], name="g").message == (
        "failed: g(x=1) expected None got 1"
    )


def test_learner_raising_not_implemented_when_reference_does_too() -> None:
    def reference() -> None:
        raise NotImplementedError

    assert check_function(reference, reference, [()], name="g").passed


def test_long_values_are_shortened() -> None:
    result = check_function(lambda v: "x" * 5000, lambda v: "y", [("z" * 5000,)], name="g")
    assert len(result.message) < 800
    assert "…" in result.message


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"reference_fn": 3}, "reference_fn must be a callable function"),
        ({"cases": []}, "cases must contain at least one case"),
        ({"cases": [[1, 2]]}, r"cases\[0\] must be a tuple"),
        ({"cases": [(1,), 5]}, r"cases\[1\] must be a tuple"),
        ({"cases": 5}, "cases must be an iterable"),
        ({"cases": "ab"}, "cases must be an iterable"),
        ({"cases": [{1: 2}]}, r"cases\[0\] must have string keys"),
        ({"rtol": -1.0}, "rtol must be non-negative"),
        ({"atol": float("nan")}, "atol must be finite"),
        ({"atol": "small"}, "atol must be a real number"),
        ({"compare": "yes"}, "compare must be a callable function"),
        ({"name": ""}, "name must be a non-empty string"),
    ],
)
def test_check_function_rejects_malformed_exercises(kwargs: dict[str, Any], match: str) -> None:
    arguments: dict[str, Any] = {"reference_fn": abs, "cases": [(1,)]}
    arguments.update(kwargs)
    reference = arguments.pop("reference_fn")
    cases = arguments.pop("cases")
    with pytest.raises(ValueError, match=match):
        check_function(abs, reference, cases, **arguments)


# ---------------------------------------------------------------------------
# grader, random_cases, CheckResult
# ---------------------------------------------------------------------------


def test_grader_keeps_generator_cases() -> None:
    g = grader(lambda x: x + 1, ((i,) for i in range(5)), name="inc")
    assert g(lambda x: 1 + x).n_cases == 5
    assert g(lambda x: 1 + x).n_cases == 5  # the generator was stored, not used up


def test_grader_with_lazy_cases_and_hidden_reference() -> None:
    calls: list[int] = []

    def cases() -> list[tuple[int]]:
        calls.append(1)
        return [(1,), (2,)]

    def secret_reference(x: int) -> int:
        return x * 10

    g = grader(secret_reference, cases, name="tenfold")
    assert calls == []
    assert g(lambda x: 10 * x).passed
    assert calls == [1]
    assert repr(g) == "Grader(name='tenfold')"
    assert "secret" not in g(lambda x: x).message


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        ((None, [(1,)]), {"name": "g"}, "reference_fn must be a callable function"),
        ((abs, [(1,)]), {"name": " "}, "name must be a non-empty string"),
        ((abs, []), {"name": "g"}, "cases must contain at least one case"),
        ((abs, 7), {"name": "g"}, "cases must be an iterable"),
        ((abs, [(1,)]), {"name": "g", "rtol": -1}, "rtol must be non-negative"),
        ((abs, [(1,)]), {"name": "g", "compare": 1}, "compare must be a callable function"),
    ],
)
def test_grader_rejects_malformed_exercises(args: tuple[Any, ...], kwargs: dict[str, Any],
                                            match: str) -> None:
    with pytest.raises(ValueError, match=match):
        grader(*args, **kwargs)


def test_random_cases_are_reproducible() -> None:
    def one(rng: np.random.Generator) -> tuple[float]:
        return (float(rng.normal()),)

    assert random_cases(one, 5, seed=3) == random_cases(one, 5, seed=3)
    assert random_cases(one, 5, seed=3) != random_cases(one, 5, seed=4)
    rng = np.random.default_rng(0)
    assert len(random_cases(one, 2, seed=rng)) == 2
    assert len(random_cases(one, 2, seed=None)) == 2


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((3, 2), "generator_fn must be a callable function"),
        ((lambda rng: (1,), 0), "n must be at least 1"),
        ((lambda rng: (1,), 2.5), "n must be an integer"),
        ((lambda rng: (1,), 2, -1), "seed must be at least 0"),
        ((lambda rng: (1,), 2, "abc"), "seed must be a non-negative int"),
        ((lambda rng: 1, 2), r"cases\[0\] must be a tuple"),
    ],
)
def test_random_cases_rejects_bad_input(args: tuple[Any, ...], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        random_cases(*args)


def test_check_result_is_a_frozen_value() -> None:
    result = CheckResult(False, 2, "failed: g(1) expected 1 got 2")
    assert repr(result) == str(result) == "failed: g(1) expected 1 got 2"
    assert not result
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.passed = True  # type: ignore[misc]


def test_show_value_formats() -> None:
    assert core._show_value(np.float64(2.5)) == "2.5"
    assert core._show_value(np.array([1.0, 2.0])) == "[1. 2.]"
    assert core._show_value((1,)) == "(1,)"
    assert core._show_arg(np.array([[1, 2]])) == "array([[1, 2]])"


def test_hostile_return_values_do_not_crash_the_grader() -> None:
    class BadRepr:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

        def __eq__(self, other: object) -> bool:
            raise RuntimeError("no eq")

    class BadMessage(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no str")

    looped: list[Any] = []
    looped.append(looped)

    def raises_bad(A: Any) -> Any:
        raise BadMessage

    for learner in (lambda A: BadRepr(), lambda A: looped, lambda A: [looped, BadRepr()],
                    raises_bad):
        for grade in (linalg_w1.det_2x2, linalg_w1.is_singular):
            result = grade(learner)
            assert not result.passed
            assert result.message.startswith(f"failed: {grade.__name__}(A=[[1, 2], [3, 4]])")
    assert linalg_w1.det_2x2(lambda A: BadRepr()).message.endswith("got BadRepr <BadRepr object>")
    assert linalg_w1.det_2x2(raises_bad).message.endswith("raised BadMessage (expected a result)")
