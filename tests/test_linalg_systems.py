"""Tests of mathbook.linalg: row operations, elimination, rank, det, solving systems."""

from __future__ import annotations

import re

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook import linalg as la

SETTINGS = settings(max_examples=60, deadline=None)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


# ------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------


def low_rank_integer_matrix(rng: np.random.Generator, m: int, n: int, r: int) -> np.ndarray:
    """An m x n integer matrix of rank at most r, as a product (m x r)(r x n)."""
    return rng.integers(-4, 5, size=(m, r)) @ rng.integers(-4, 5, size=(r, n))


def well_conditioned(rng: np.random.Generator, n: int) -> np.ndarray:
    """A random n x n matrix whose condition number is at most 1e6."""
    while True:
        A = rng.normal(size=(n, n)) * 10.0 ** rng.uniform(-3, 3)
        if np.linalg.cond(A) < 1e6:
            return A


def is_row_echelon(M: np.ndarray) -> bool:
    """Each non-zero row starts strictly right of the row above; zero rows at the bottom."""
    last = -1
    seen_zero_row = False
    for row in M:
        nonzero = np.flatnonzero(row)
        if nonzero.size == 0:
            seen_zero_row = True
            continue
        if seen_zero_row or nonzero[0] <= last:
            return False
        last = nonzero[0]
    return True


def is_rref(M: np.ndarray) -> bool:
    if not is_row_echelon(M):
        return False
    for row in M:
        nonzero = np.flatnonzero(row)
        if nonzero.size == 0:
            continue
        j = nonzero[0]
        if row[j] != 1.0 or np.count_nonzero(M[:, j]) != 1:
            return False
    return True


def numpy_kind(A: np.ndarray, b: np.ndarray) -> str:
    """Rouché–Capelli with NumPy's SVD-based rank."""
    r = np.linalg.matrix_rank(A)
    r_aug = np.linalg.matrix_rank(np.column_stack([A, b]))
    if r < r_aug:
        return "none"
    return "unique" if r == A.shape[1] else "infinite"


# ------------------------------------------------------------------------------------
# row operations
# ------------------------------------------------------------------------------------


@SETTINGS
@given(seed=seeds)
def test_row_operations_match_direct_numpy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    m, n = rng.integers(2, 6, size=2)
    M = rng.integers(-9, 10, size=(m, n))
    original = M.copy()
    i, j = (int(k) for k in rng.choice(m, size=2, replace=False))
    c = float(rng.integers(1, 5)) * rng.choice([-1, 1]) / rng.integers(1, 4)

    swapped = M.astype(float)
    swapped[[i, j]] = swapped[[j, i]]
    np.testing.assert_array_equal(la.swap_rows(M, i, j), swapped)

    scaled = M.astype(float)
    scaled[i] = c * scaled[i]
    np.testing.assert_array_equal(la.scale_row(M, i, c), scaled)

    added = M.astype(float)
    added[i] = added[i] + c * added[j]
    np.testing.assert_array_equal(la.add_row_multiple(M, i, j, c), added)

    np.testing.assert_array_equal(M, original)  # input untouched


def test_row_operations_return_new_float_arrays_and_do_not_mutate() -> None:
    M = np.array([[1.0, 2.0], [3.0, 4.0]])
    for result in (
        la.swap_rows(M, 0, 1),
        la.scale_row(M, 0, 2),
        la.add_row_multiple(M, 1, 0, -3),
    ):
        assert result is not M and result.dtype == np.float64
    np.testing.assert_array_equal(M, [[1.0, 2.0], [3.0, 4.0]])
    # integers are not truncated: 1/3 of a row stays a fraction
    np.testing.assert_allclose(la.scale_row([[3, 1]], 0, 1 / 3), [[1.0, 1 / 3]])


def test_row_operations_reject_bad_input() -> None:
    M = [[1, 2], [3, 4], [5, 6]]
    message = r"i must be a row index from 0 to 2 \(M has 3 rows\), got 3"
    with pytest.raises(ValueError, match=message):
        la.swap_rows(M, 3, 0)
    with pytest.raises(ValueError, match="j must be a row index"):
        la.swap_rows(M, 0, -1)
    with pytest.raises(ValueError, match="i must be an integer"):
        la.scale_row(M, 1.0, 2)
    with pytest.raises(ValueError, match="factor must be non-zero"):
        la.scale_row(M, 0, 0)
    with pytest.raises(ValueError, match="factor must be a real number"):
        la.scale_row(M, 0, "2")
    with pytest.raises(ValueError, match="target and source must be different"):
        la.add_row_multiple(M, 1, 1, 2.0)
    with pytest.raises(ValueError, match="source must be a row index"):
        la.add_row_multiple(M, 1, 7, 2.0)
    with pytest.raises(ValueError, match="M must be a 2-D array"):
        la.swap_rows([1, 2, 3], 0, 1)
    with pytest.raises(ValueError, match="M must contain only finite"):
        la.scale_row([[1, np.nan]], 0, 2)


def test_augment() -> None:
    np.testing.assert_array_equal(la.augment([[1, 2], [3, 4]], [5, 6]), [[1, 2, 5], [3, 4, 6]])
    np.testing.assert_array_equal(
        la.augment([[1, 2], [3, 4]], np.eye(2)), [[1, 2, 1, 0], [3, 4, 0, 1]]
    )
    with pytest.raises(ValueError, match="b must have 2 rows"):
        la.augment([[1, 2], [3, 4]], [1, 2, 3])
    with pytest.raises(ValueError, match="b must be a vector or a matrix"):
        la.augment([[1, 2], [3, 4]], np.ones((2, 1, 1)))
    with pytest.raises(ValueError, match="A must be a 2-D array"):
        la.augment([1, 2], [1, 2])


# ------------------------------------------------------------------------------------
# eliminate: recorded steps
# ------------------------------------------------------------------------------------


def test_eliminate_hand_example_first_pivot() -> None:
    # x + y = 4, 3x - y = 0. By hand: R2 - 3 R1 gives -4y = -12, so y = 3, x = 1.
    E = la.eliminate([[1, 1], [3, -1]], [4, 0], reduced=True, pivoting="first")
    assert [s.text for s in E.steps] == ["R2 <- R2 - 3*R1", "R2 <- -(1/4)*R2", "R1 <- R1 - R2"]
    assert [s.operation for s in E.steps] == ["add", "scale", "add"]
    np.testing.assert_array_equal(E.steps[0].matrix, [[1, 1, 4], [0, -4, -12]])
    np.testing.assert_array_equal(E.matrix, [[1, 0, 1], [0, 1, 3]])
    assert E.kind == "unique" and E.rank == 2 and E.pivots == (0, 1)
    assert E.n_coefficient_columns == 2 and E.augmented_columns == 1
    assert E.steps[0].latex == r"R_{2} \leftarrow R_{2} - 3R_{1}"
    assert E.steps[1].latex == r"R_{2} \leftarrow -\tfrac{1}{4}R_{2}"


@pytest.mark.parametrize(("pivot", "multiplier"), [
    (1e-10, "10^{10}"), (5e-7, r"2 \cdot 10^{6}\,"), (1e-3, "1000"),
])
def test_a_huge_whole_multiplier_is_written_as_a_power_of_ten(pivot: float,
                                                              multiplier: str) -> None:
    E = la.eliminate([[pivot, 1], [1, 1]], [1, 2], pivoting="first")
    assert E.steps[0].latex == rf"R_{{2}} \leftarrow R_{{2}} - {multiplier}R_{{1}}"


@pytest.mark.parametrize(("multiplier", "latex"), [
    (1e-10, "10^{-10}"), (2.5e-10, r"(2.5 \times 10^{-10})\,"),
])
def test_a_tiny_multiplier_is_written_like_a_huge_one(multiplier: float, latex: str) -> None:
    E = la.eliminate([[1, 1], [multiplier, 1]], [1, 2])
    assert E.steps[0].latex == rf"R_{{2}} \leftarrow R_{{2}} - {latex}R_{{1}}"


def test_eliminate_hand_example_partial_pivot() -> None:
    # Partial pivoting: |3| > |1| so swap first; then R2 - (1/3) R1 leaves 2 - 4/3 = 2/3.
    E = la.eliminate([[1, 2], [3, 4]])
    assert [s.text for s in E.steps] == ["R1 <-> R2", "R2 <- R2 - (1/3)*R1"]
    assert E.steps[0].latex == r"R_{1} \leftrightarrow R_{2}"
    assert (E.steps[0].target, E.steps[0].source, E.steps[0].factor) == (0, 1, None)
    assert E.steps[1].factor == pytest.approx(-1 / 3)
    np.testing.assert_allclose(E.matrix, [[3, 4], [0, 2 / 3]])
    assert E.kind is None and E.rank == 2 and E.augmented_rank == 2
    text = E.to_text()
    assert "2/3" in text and "|" not in text


def test_eliminate_inconsistent_system_has_pivot_right_of_bar() -> None:
    # x + 2y = 1, 2x + 4y = 3: R2 - 2 R1 gives 0 = 1.
    E = la.eliminate([[1, 2], [2, 4]], [1, 3], pivoting="first")
    assert [s.text for s in E.steps] == ["R2 <- R2 - 2*R1"]
    np.testing.assert_array_equal(E.matrix, [[1, 2, 1], [0, 0, 1]])
    assert E.pivots == (0, 2) and E.rank == 1 and E.augmented_rank == 2
    assert E.kind == la.SystemKind.NONE
    assert str(E.kind) == "none" and f"{E.kind}" == "none"


def test_eliminate_float_noise_is_zero() -> None:
    E = la.eliminate([[0.1, 0.2], [0.3, 0.6]], [0.3, 0.9])
    assert E.rank == 1 and E.kind == "infinite"
    assert np.all(E.matrix[1] == 0.0)  # exact zeros, not 1e-17
    assert "e-1" not in E.to_text()


@SETTINGS
@given(seed=seeds, reduced=st.booleans(), pivoting=st.sampled_from(["partial", "first"]))
def test_eliminate_steps_replay_and_final_form(seed: int, reduced: bool, pivoting: str) -> None:
    rng = np.random.default_rng(seed)
    m, n = (int(k) for k in rng.integers(1, 6, size=2))
    A = low_rank_integer_matrix(rng, m, n, int(rng.integers(0, min(m, n) + 1)))
    with_b = bool(rng.integers(2))
    b = rng.integers(-5, 6, size=m) if with_b else None
    A_before = A.copy()
    E = la.eliminate(A, b, reduced=reduced, pivoting=pivoting)
    np.testing.assert_array_equal(A, A_before)

    full = A if b is None else np.column_stack([A, b])
    np.testing.assert_array_equal(E.start, full)
    current = E.start
    scale = max(1.0, float(np.max(np.abs(full))))
    for step in E.steps:
        # no step that does nothing
        assert not (step.operation == "add" and step.factor == 0)
        assert not (step.operation == "scale" and step.factor == 1)
        assert not (step.operation == "swap" and step.target == step.source)
        current = step.apply(current)
        np.testing.assert_allclose(current, step.matrix, atol=1e-9 * scale)
        current = step.matrix
    np.testing.assert_array_equal(E.matrix, current)

    assert is_row_echelon(E.matrix)
    if reduced:
        assert is_rref(E.matrix)
        np.testing.assert_allclose(E.matrix, la.rref(full), atol=1e-9)
    assert E.rank == np.linalg.matrix_rank(A) if A.any() else E.rank == 0
    assert E.augmented_rank == len(E.pivots)
    if b is not None:
        assert E.kind == numpy_kind(A, b) == la.classify_system(A, b)


def test_eliminate_text_and_latex_layout() -> None:
    E = la.eliminate([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3], reduced=True)
    text = E.to_text()
    blocks = text.split("\n\n")
    assert len(blocks) == len(E.steps) + 1
    assert blocks[0].startswith("Start\n")
    for block, step in zip(blocks[1:], E.steps, strict=True):
        lines = block.splitlines()
        assert lines[0] == step.text
        assert len(lines) == 4 and len({len(line) for line in lines[1:]}) == 1  # aligned
        assert all(line.count("|") == 1 for line in lines[1:])
    assert str(E) == text
    # the classic example: x = 2, y = 3, z = -1
    np.testing.assert_allclose(E.matrix[:, 3], [2, 3, -1])

    latex = E.to_latex()
    assert latex.startswith("\\begin{aligned}\n") and latex.endswith("\n\\end{aligned}")
    assert latex.count(r"\xrightarrow") == len(E.steps)
    assert latex.count(r"\left[\begin{array}{ccc|c}") == len(E.steps) + 1
    assert latex.count("{") == latex.count("}")
    for step in E.steps:
        assert rf"\xrightarrow{{{step.latex}}}" in latex
    assert re.fullmatch(r"Elimination\(shape=\(3, 4\), rank=3, .*\)", repr(E))


def test_eliminate_with_identity_gives_inverse() -> None:
    A = np.array([[2.0, 1.0], [1.0, 1.0]])
    E = la.eliminate(A, np.eye(2), reduced=True)
    np.testing.assert_allclose(E.matrix[:, 2:], np.linalg.inv(A))
    assert E.kind == "unique" and E.augmented_columns == 2


def test_eliminate_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="pivoting must be 'partial' or 'first'"):
        la.eliminate([[1, 2], [3, 4]], pivoting="sideways")
    with pytest.raises(ValueError, match="reduced must be True or False"):
        la.eliminate([[1, 2], [3, 4]], reduced="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="b must have 2 rows"):
        la.eliminate([[1, 2], [3, 4]], [1, 2, 3])
    with pytest.raises(ValueError, match="A must not be empty"):
        la.eliminate(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="A must contain only finite"):
        la.eliminate([[1, np.inf], [3, 4]])


# ------------------------------------------------------------------------------------
# rank, row echelon form, rref
# ------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(seed=seeds)
def test_rank_matches_numpy_on_low_rank_integer_products(seed: int) -> None:
    rng = np.random.default_rng(seed)
    m, n = (int(k) for k in rng.integers(1, 9, size=2))
    r = int(rng.integers(0, min(m, n) + 1))
    A = low_rank_integer_matrix(rng, m, n, r)
    assert la.rank(A) == np.linalg.matrix_rank(A)
    assert la.rank(A.astype(float) / 7.0) == np.linalg.matrix_rank(A)  # non-integer entries
    assert la.rank(A.T) == la.rank(A)


def test_rank_examples() -> None:
    assert la.rank([[1, 2], [2, 4]]) == 1
    assert la.rank([[0.1, 0.2], [0.3, 0.6]]) == 1
    assert la.rank(np.zeros((3, 2))) == 0
    assert la.rank(np.eye(4)) == 4
    assert la.rank([[1e-300, 0], [0, 1e-300]]) == 2  # the tolerance is relative
    with pytest.raises(ValueError, match="A must be a 2-D array"):
        la.rank([1, 2, 3])


@SETTINGS
@given(seed=seeds, pivoting=st.sampled_from(["partial", "first"]))
def test_row_echelon_and_rref_properties(seed: int, pivoting: str) -> None:
    rng = np.random.default_rng(seed)
    m, n = (int(k) for k in rng.integers(1, 7, size=2))
    A = low_rank_integer_matrix(rng, m, n, int(rng.integers(0, min(m, n) + 1)))
    U = la.row_echelon(A, pivoting=pivoting)
    R = la.rref(A)
    assert is_row_echelon(U)
    assert is_rref(R)
    r = np.linalg.matrix_rank(A)
    assert np.count_nonzero(np.any(U != 0, axis=1)) == r
    # Row operations keep the row space: stacking adds no rank.
    assert np.linalg.matrix_rank(np.vstack([A, R])) == r
    assert np.linalg.matrix_rank(np.vstack([A, U])) == r
    np.testing.assert_allclose(la.rref(R), R, atol=1e-12)  # rref is idempotent
    np.testing.assert_allclose(la.rref(U), R, atol=1e-9)  # and unique


def test_rref_hand_example() -> None:
    # x + 2y + 3z, 2x + 4y + 7z: R2 - 2R1 = (0, 0, 1); then R1 - 3R2 = (1, 2, 0).
    np.testing.assert_array_equal(la.rref([[1, 2, 3], [2, 4, 7]]), [[1, 2, 0], [0, 0, 1]])
    np.testing.assert_array_equal(la.rref(np.eye(3) * 5), np.eye(3))
    with pytest.raises(ValueError, match="pivoting must be 'partial' or 'first'"):
        la.row_echelon([[1, 2]], pivoting="complete")


# ------------------------------------------------------------------------------------
# det
# ------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(seed=seeds)
def test_det_matches_numpy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 8))
    A = rng.normal(size=(n, n)) * 10.0 ** rng.uniform(-3, 3)
    # Hadamard's bound |det A| <= prod of row lengths sets the scale of round-off.
    bound = float(np.prod(np.linalg.norm(A, axis=1)))
    assert la.det(A) == pytest.approx(np.linalg.det(A), abs=1e-10 * bound)


@SETTINGS
@given(seed=seeds)
def test_det_of_integer_matrices(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 6))
    A = rng.integers(-6, 7, size=(n, n))
    assert la.det(A) == pytest.approx(round(np.linalg.det(A)), abs=1e-8)
    assert la.det(A) == la.det(A.astype(float))
    if n > 1:
        assert la.det(la.swap_rows(A, 0, 1)) == pytest.approx(-la.det(A), abs=1e-8)
    low = low_rank_integer_matrix(rng, n, n, max(n - 1, 0))
    assert la.det(low) == 0.0


def test_det_examples() -> None:
    assert la.det([[1, 2], [3, 4]]) == pytest.approx(-2.0)
    assert la.det([[0.1, 0.2], [0.3, 0.6]]) == 0.0
    assert la.det([[1, 2], [2, 4]]) == 0.0
    assert la.det([[2, 5, 7], [0, 3, 1], [0, 0, -4]]) == pytest.approx(-24.0)  # triangular
    assert la.det([[5]]) == 5.0
    with pytest.raises(ValueError, match=r"A must be square, got shape \(2, 3\)"):
        la.det([[1, 2, 3], [4, 5, 6]])
    with pytest.raises(ValueError, match="A must not be empty"):
        la.det(np.zeros((0, 0)))


# ------------------------------------------------------------------------------------
# solve, classify_system, inverse, back substitution
# ------------------------------------------------------------------------------------


@SETTINGS
@given(seed=seeds, k=st.sampled_from([None, 1, 3]))
def test_solve_matches_numpy(seed: int, k: int | None) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 12))
    A = well_conditioned(rng, n)
    b = rng.normal(size=n if k is None else (n, k))
    A_before, b_before = A.copy(), b.copy()
    x = la.solve(A, b)
    assert x.shape == b.shape
    expected = np.linalg.solve(A, b)
    np.testing.assert_allclose(x, expected, rtol=1e-7, atol=1e-7 * float(np.max(np.abs(expected))))
    np.testing.assert_array_equal(A, A_before)
    np.testing.assert_array_equal(b, b_before)


def test_solve_integer_input_equals_float_input() -> None:
    A, b = [[2, 1, 1], [1, 3, 2], [1, 0, 0]], [4, 5, 6]
    np.testing.assert_array_equal(la.solve(A, b), la.solve(np.array(A, float), np.array(b, float)))
    np.testing.assert_allclose(la.solve([[2, 1], [1, 3]], [3, 5]), [0.8, 1.4])


def test_solve_errors() -> None:
    with pytest.raises(la.SingularMatrixError, match=r"A is singular \(rank 1 < 2\)"):
        la.solve([[0.1, 0.2], [0.3, 0.6]], [1, 2])
    with pytest.raises(ValueError, match="no unique solution"):  # a ValueError subclass
        la.solve([[1, 2], [2, 4]], [1, 2])
    with pytest.raises(la.SingularMatrixError, match=r"rank 0 < 3"):
        la.solve(np.zeros((3, 3)), np.ones(3))
    with pytest.raises(ValueError, match="A must be square"):
        la.solve([[1, 2, 3], [4, 5, 6]], [1, 2])
    with pytest.raises(ValueError, match="b must have 2 rows"):
        la.solve([[1, 2], [3, 4]], [1, 2, 3])
    with pytest.raises(ValueError, match="b must be a vector"):
        la.solve([[1, 2], [3, 4]], np.ones((2, 2, 2)))
    with pytest.raises(ValueError, match="b must contain only finite"):
        la.solve([[1, 2], [3, 4]], [1, np.nan])
    with pytest.raises(ValueError, match="A must not be empty"):
        la.solve([[]], [])
    with pytest.raises(ValueError, match="b must not be empty"):
        la.solve([[1]], [])


@settings(max_examples=100, deadline=None)
@given(seed=seeds, consistent=st.booleans())
def test_classify_system_matches_numpy_ranks(seed: int, consistent: bool) -> None:
    rng = np.random.default_rng(seed)
    m, n = (int(k) for k in rng.integers(1, 7, size=2))
    A = low_rank_integer_matrix(rng, m, n, int(rng.integers(0, min(m, n) + 1)))
    b = A @ rng.integers(-3, 4, size=n) if consistent else rng.integers(-5, 6, size=m)
    kind = la.classify_system(A, b)
    assert isinstance(kind, la.SystemKind)
    assert kind == numpy_kind(A, b)
    if consistent:
        assert kind != "none"


def test_classify_system_examples() -> None:
    assert la.classify_system([[1, 1], [1, -1]], [2, 0]) == "unique"
    assert la.classify_system([[1, 1], [2, 2]], [2, 5]) == "none"
    assert la.classify_system([[1, 1], [2, 2]], [2, 4]) == "infinite"
    assert la.classify_system([[1, 1, 1]], [3]) == "infinite"  # 1 equation, 3 unknowns
    assert la.classify_system([[1], [1]], [1, 2]) == "none"  # 2 equations, 1 unknown
    assert la.classify_system([[1], [2]], [1, 2]) == "unique"
    assert str(la.classify_system([[1]], [1])) == "unique"
    with pytest.raises(ValueError, match="b must have 2 rows"):
        la.classify_system([[1, 1], [2, 2]], [1])


@SETTINGS
@given(seed=seeds)
def test_inverse_matches_numpy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 9))
    A = well_conditioned(rng, n)
    A_before = A.copy()
    inv = la.inverse(A)
    expected = np.linalg.inv(A)
    np.testing.assert_allclose(inv, expected, atol=1e-8 * float(np.max(np.abs(expected))))
    np.testing.assert_allclose(A @ inv, np.eye(n), atol=1e-8)
    np.testing.assert_array_equal(A, A_before)


def test_inverse_examples_and_errors() -> None:
    np.testing.assert_allclose(la.inverse([[2, 1], [1, 1]]), [[1, -1], [-1, 2]])
    np.testing.assert_allclose(la.inverse([[4]]), [[0.25]])
    with pytest.raises(la.SingularMatrixError, match=r"A is singular \(rank 1 < 2\)"):
        la.inverse([[1, 2], [2, 4]])
    with pytest.raises(ValueError, match="A must be square"):
        la.inverse([[1, 2]])


@SETTINGS
@given(seed=seeds, k=st.sampled_from([None, 2]))
def test_back_substitution_matches_scipy(seed: int, k: int | None) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 10))
    U = np.triu(rng.normal(size=(n, n)))
    U[np.diag_indices(n)] = rng.uniform(1, 3, size=n) * rng.choice([-1, 1], size=n)
    c = rng.normal(size=n if k is None else (n, k))
    x = la.back_substitution(U, c)
    assert x.shape == c.shape
    np.testing.assert_allclose(x, scipy.linalg.solve_triangular(U, c), rtol=1e-8, atol=1e-10)


def test_back_substitution_hand_example_and_errors() -> None:
    # 2x + y = 4, 4y = 8: y = 2, then x = (4 - 2) / 2 = 1.
    np.testing.assert_array_equal(la.back_substitution([[2, 1], [0, 4]], [4, 8]), [1, 2])
    with pytest.raises(ValueError, match=r"U must be upper triangular, but U\[1, 0\] = 3"):
        la.back_substitution([[2, 1], [3, 4]], [4, 8])
    with pytest.raises(la.SingularMatrixError, match=r"diagonal entry U\[1, 1\] is zero"):
        la.back_substitution([[2, 1], [0, 0]], [4, 8])
    with pytest.raises(ValueError, match="c must have shape"):
        la.back_substitution([[2, 1], [0, 4]], [4, 8, 1])
    with pytest.raises(ValueError, match="U must be square"):
        la.back_substitution([[2, 1, 0], [0, 4, 1]], [4, 8])


# ------------------------------------------------------------------------------------
# parametric solutions and least squares
# ------------------------------------------------------------------------------------


@SETTINGS
@given(seed=seeds)
def test_solve_parametric_describes_every_solution(seed: int) -> None:
    rng = np.random.default_rng(seed)
    m, n = (int(k) for k in rng.integers(1, 7, size=2))
    r = int(rng.integers(0, min(m, n) + 1))
    A = low_rank_integer_matrix(rng, m, n, r)
    b = A @ rng.integers(-3, 4, size=n)
    sol = la.solve_parametric(A, b)
    rank_a = np.linalg.matrix_rank(A)
    f = n - rank_a
    assert sol.directions.shape == (n, f) and len(sol.free_variables) == f
    assert sol.unique == (f == 0)
    if f:
        assert np.linalg.matrix_rank(sol.directions) == f  # a basis of the null space
    scale = max(1.0, float(np.max(np.abs(A))))
    for t in rng.normal(size=(5, f)) * 10:
        x = sol.particular + sol.directions @ t
        np.testing.assert_allclose(A @ x, b, atol=1e-8 * scale * (1 + np.abs(x).max()))
        np.testing.assert_allclose(sol.point(t), x)


def test_solve_parametric_hand_example() -> None:
    # x + y + z = 6, y + 2z = 5: z free; y = 5 - 2z, x = 6 - y - z = 1 + z.
    sol = la.solve_parametric([[1, 1, 1], [0, 1, 2]], [6, 5])
    np.testing.assert_array_equal(sol.particular, [1, 5, 0])
    np.testing.assert_array_equal(sol.directions, [[1], [-2], [1]])
    assert sol.free_variables == (2,)
    assert sol.to_text() == "x1 = 1 + t1\nx2 = 5 - 2*t1\nx3 = t1"
    unique = la.solve_parametric([[2, 1], [1, 3]], [3, 5])
    assert unique.unique and unique.directions.shape == (2, 0)
    np.testing.assert_allclose(unique.particular, [0.8, 1.4])
    np.testing.assert_allclose(unique.point([]), [0.8, 1.4])


def test_solve_parametric_errors() -> None:
    with pytest.raises(ValueError, match="system is inconsistent"):
        la.solve_parametric([[1, 2], [2, 4]], [1, 3])
    with pytest.raises(ValueError, match="b must be a vector of length 2"):
        la.solve_parametric([[1, 2], [2, 4]], [[1], [3]])
    sol = la.solve_parametric([[1, 1]], [2])
    with pytest.raises(ValueError, match="t must have 1 values"):
        sol.point([1, 2])


@SETTINGS
@given(seed=seeds, k=st.sampled_from([None, 2]))
def test_least_squares_matches_lstsq(seed: int, k: int | None) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 6))
    m = n + int(rng.integers(0, 10))
    X = rng.normal(size=(m, n))
    if np.linalg.cond(X) > 1e6:
        X += np.eye(m, n)
    y = rng.normal(size=m if k is None else (m, k))
    X_before = X.copy()
    w = la.least_squares(X, y)
    expected = np.linalg.lstsq(X, y, rcond=None)[0]
    assert w.shape == expected.shape
    np.testing.assert_allclose(w, expected, rtol=1e-7, atol=1e-9)
    np.testing.assert_array_equal(X, X_before)
    # the residual is orthogonal to the columns of X (the normal equations hold)
    np.testing.assert_allclose(X.T @ (y - X @ w), 0, atol=1e-9)


def test_least_squares_examples_and_errors() -> None:
    # the line through (0,1), (1,2), (2,4): normal equations give b = 5/6, a = 3/2
    np.testing.assert_allclose(la.least_squares([[1, 0], [1, 1], [1, 2]], [1, 2, 4]), [5 / 6, 1.5])
    with pytest.raises(ValueError, match=r"X is rank deficient \(rank 1 < 2 columns\)"):
        la.least_squares([[1, 2], [2, 4], [3, 6]], [1, 2, 3])
    with pytest.raises(ValueError, match=r"X is rank deficient \(rank 2 < 3"):
        la.least_squares([[1, 0, 1], [0, 1, 1]], [1, 2])  # more unknowns than equations
    with pytest.raises(ValueError, match="y must have shape"):
        la.least_squares([[1, 0], [0, 1]], [1, 2, 3])
    with pytest.raises(ValueError, match="X must be a 2-D array"):
        la.least_squares([1, 2], [1, 2])


def test_solve_is_vectorised_enough_for_a_300_system() -> None:
    """Not a timing test: checks solve handles n = 300 accurately (the benchmark size)."""
    rng = np.random.default_rng(0)
    A = rng.normal(size=(300, 300))
    b = rng.normal(size=300)
    np.testing.assert_allclose(la.solve(A, b), np.linalg.solve(A, b), rtol=1e-6, atol=1e-8)
