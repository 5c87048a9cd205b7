"""Row operations and Gaussian elimination with every step recorded.

One engine, :func:`_reduce`, does all the elimination in this package: it brings a matrix
to row echelon form (the *forward phase*) and, if asked, on to reduced row echelon form
(the *backward phase*). It can run in two modes that do the same floating-point
arithmetic:

* fast: one array operation per pivot column updates every row below (or above) the
  pivot at once — used by :func:`solve`, :func:`det`, :func:`rank`, :func:`inverse`;
* recorded: the same updates applied one row at a time, each kept as a :class:`Step`
  with a snapshot of the matrix — used by :func:`eliminate` to print worked solutions.

Deciding that a number is zero
------------------------------
Floating-point elimination rarely produces an exact ``0``: ``0.6 - 3 * 0.2`` is
``1.1e-16``. An entry counts as zero when its magnitude is at most
``SAFETY * max(m, n) * eps * max|a_ij|`` (:data:`SAFETY` = 10), with ``max|a_ij|`` taken
over the coefficient columns, and separately over the right-hand-side columns of an
augmented matrix (row operations never mix columns, so each block keeps its own scale).

Two refinements keep that rule honest:

* after a small pivot ``p`` the round-off grows: each multiplier ``l = a / p`` is
  uncertain by ``tol / |p|`` and multiplies a whole row, so the threshold is raised to
  that size (it is never raised by compounding, so well-scaled matrices are unaffected);
* in the backward phase rows are divided by their pivots, so the engine carries a
  per-entry threshold along with the row operations (divided when a row is divided,
  accumulated when a multiple of a row is added) and uses it to print exact zeros.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal, get_args

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import (
    FloatArray,
    as_array,
    as_matrix,
    as_scalar,
    as_square_matrix,
    check_bool,
    check_int,
    check_option,
    scaled_tol,
)
from mathbook.linalg._format import _latex_table, _text_table, format_number

__all__ = [
    "SAFETY",
    "Elimination",
    "SingularMatrixError",
    "Step",
    "SystemKind",
    "add_row_multiple",
    "augment",
    "det",
    "eliminate",
    "rank",
    "rref",
    "row_echelon",
    "scale_row",
    "swap_rows",
]

#: Safety factor on NumPy's ``max(m, n) * eps * max|a_ij|`` rank tolerance: elimination
#: accumulates a little more round-off than the SVD that ``numpy.linalg.matrix_rank`` uses.
SAFETY = 10.0

Pivoting = Literal["partial", "first"]
_PIVOTING: tuple[Pivoting, ...] = get_args(Pivoting)


class SingularMatrixError(ValueError):
    """A square matrix has no inverse, so a square system has no unique solution."""


class SystemKind(enum.StrEnum):
    """How many solutions a linear system has: ``"unique"``, ``"none"`` or ``"infinite"``.

    The members are strings, so ``classify_system(A, b) == "unique"`` works, and
    ``print(kind)`` prints the plain value.
    """

    UNIQUE = "unique"
    NONE = "none"
    INFINITE = "infinite"

    def __str__(self) -> str:
        return str(self.value)


# --------------------------------------------------------------------------------------
# Describing steps
# --------------------------------------------------------------------------------------


def _row_text(i: int) -> str:
    return f"R{i + 1}"


def _row_latex(i: int) -> str:
    return f"R_{{{i + 1}}}"


def _coefficient(magnitude: float, latex: bool) -> str:
    """How a positive multiplier is written in front of a row (``''`` for 1)."""
    text = format_number(magnitude, latex=latex)
    if text == "1":
        return ""
    if latex:
        if text.startswith(r"1 \times "):         # 1 \times 10^{-10} reads as 10^{-10}
            return text.removeprefix(r"1 \times ")
        if r"\times" in text:
            return rf"({text})\,"
        zeros = len(text) - len(text.rstrip("0"))
        if text.isdigit() and zeros >= 6:           # 10000000000 reads badly: 10^{10}
            head = text.rstrip("0")
            return rf"10^{{{zeros}}}" if head == "1" else rf"{head} \cdot 10^{{{zeros}}}\,"
        return text if text.isdigit() or text.startswith(r"\tfrac") else text + r"\,"
    return f"({text})*" if "/" in text else f"{text}*"


def _describe_swap(i: int, j: int) -> tuple[str, str]:
    return (
        f"{_row_text(i)} <-> {_row_text(j)}",
        rf"{_row_latex(i)} \leftrightarrow {_row_latex(j)}",
    )


def _describe_scale(i: int, factor: float) -> tuple[str, str]:
    sign = "-" if factor < 0 else ""
    text = f"{_row_text(i)} <- {sign}{_coefficient(abs(factor), False)}{_row_text(i)}"
    latex = (
        rf"{_row_latex(i)} \leftarrow {sign}{_coefficient(abs(factor), True)}{_row_latex(i)}"
    )
    return text, latex


def _describe_add(target: int, source: int, factor: float) -> tuple[str, str]:
    sign = "-" if factor < 0 else "+"
    text = (
        f"{_row_text(target)} <- {_row_text(target)} {sign} "
        f"{_coefficient(abs(factor), False)}{_row_text(source)}"
    )
    latex = (
        rf"{_row_latex(target)} \leftarrow {_row_latex(target)} {sign} "
        rf"{_coefficient(abs(factor), True)}{_row_latex(source)}"
    )
    return text, latex


@dataclass(frozen=True, eq=False, repr=False)
class Step:
    r"""One row operation of an elimination and the matrix it produced.

    Attributes
    ----------
    operation : {"swap", "scale", "add"}
        ``"swap"``: exchange rows ``target`` and ``source``; ``"scale"``: multiply row
        ``target`` by ``factor``; ``"add"``: add ``factor`` times row ``source`` to row
        ``target``. Row indices are 0-based; the text and LaTeX number rows from 1.
    target, source : int, int or None
        Rows involved (``source`` is ``None`` for a scaling).
    factor : float or None
        The multiplier (``None`` for a swap).
    text, latex : str
        The operation written out, e.g. ``"R2 <- R2 - 3*R1"`` and
        ``R_{2} \leftarrow R_{2} - 3R_{1}``.
    matrix : ndarray
        The matrix after the step (entries that count as zero are printed as exact 0).
    """

    operation: Literal["swap", "scale", "add"]
    target: int
    source: int | None
    factor: float | None
    text: str
    latex: str
    matrix: FloatArray = field(repr=False)

    def apply(self, M: ArrayLike) -> FloatArray:
        """Apply this row operation to ``M`` and return the new matrix.

        Examples
        --------
        >>> step = eliminate([[1, 2], [3, 4]], pivoting="first").steps[0]
        >>> print(step.text, step.apply([[1, 2], [3, 4]]).tolist())
        R2 <- R2 - 3*R1 [[1.0, 2.0], [0.0, -2.0]]
        """
        if self.operation == "swap":
            assert self.source is not None
            return swap_rows(M, self.target, self.source)
        assert self.factor is not None
        if self.operation == "scale":
            return scale_row(M, self.target, self.factor)
        assert self.source is not None
        return add_row_multiple(M, self.target, self.source, self.factor)

    def __repr__(self) -> str:
        return (
            f"Step(operation={self.operation!r}, target={self.target}, source={self.source}, "
            f"factor={self.factor!r}, text={self.text!r})"
        )


def _kind(rank_a: int, rank_augmented: int, n_unknowns: int) -> SystemKind:
    """Rouché–Capelli: compare rank(A), rank([A | b]) and the number of unknowns."""
    if rank_a < rank_augmented:
        return SystemKind.NONE
    if rank_a == n_unknowns:
        return SystemKind.UNIQUE
    return SystemKind.INFINITE


@dataclass(frozen=True, eq=False, repr=False)
class Elimination:
    r"""A recorded Gaussian elimination, printable as a worked solution.

    Attributes
    ----------
    steps : tuple of Step
        The row operations in order (operations that change nothing are not recorded).
    matrix : ndarray
        The final matrix: row echelon form, or reduced row echelon form if ``reduced``.
    pivots : tuple of int
        Column index of each pivot, top row first. For an augmented matrix a pivot may sit
        in a right-hand-side column: that row reads $0 = 1$ and the system has no solution.
    rank : int
        Rank of the coefficient matrix $\mathbf{A}$ (pivots left of the bar).
    n_coefficient_columns : int
        Number of columns of $\mathbf{A}$; the bar of $[\mathbf{A} \mid \mathbf{b}]$ sits
        after them.
    kind : SystemKind or None
        ``"unique"``, ``"none"`` or ``"infinite"`` when a right-hand side was given.
    start : ndarray
        The matrix before the first step.
    augmented_rank : int
        Rank of the whole matrix, $[\mathbf{A} \mid \mathbf{b}]$ if a right-hand side was
        given (``len(pivots)``); equal to ``rank`` otherwise.
    reduced : bool
        Whether the elimination went on to reduced row echelon form.
    """

    steps: tuple[Step, ...]
    matrix: FloatArray
    pivots: tuple[int, ...]
    rank: int
    n_coefficient_columns: int
    kind: SystemKind | None
    start: FloatArray
    augmented_rank: int
    reduced: bool

    @property
    def augmented_columns(self) -> int:
        """Number of columns right of the bar (0 without a right-hand side)."""
        return int(self.matrix.shape[1]) - self.n_coefficient_columns

    def to_text(self) -> str:
        """The worked solution as plain text: the start, then each operation and matrix.

        Examples
        --------
        >>> print(eliminate([[2, 1], [4, 5]], [3, 6], pivoting="first").to_text())
        Start
        [ 2  1 | 3 ]
        [ 4  5 | 6 ]
        <BLANKLINE>
        R2 <- R2 - 2*R1
        [ 2  1 | 3 ]
        [ 0  3 | 0 ]
        """
        k = self.augmented_columns
        blocks = ["Start\n" + _text_table(self.start, k)]
        blocks += [f"{step.text}\n{_text_table(step.matrix, k)}" for step in self.steps]
        return "\n\n".join(blocks)

    def to_latex(self) -> str:
        r"""The worked solution as one LaTeX ``aligned`` block, for use inside ``$$ $$``.

        Each line is ``\xrightarrow{operation}`` followed by the matrix it produces.

        Examples
        --------
        >>> print(eliminate([[2, 1], [4, 5]], [3, 6], pivoting="first").to_latex())
        \begin{aligned}
        & \left[\begin{array}{cc|c} 2 & 1 & 3 \\ 4 & 5 & 6 \end{array}\right] \\
        \xrightarrow{R_{2} \leftarrow R_{2} - 2R_{1}} \quad & \left[\begin{array}{cc|c} 2 & 1 & 3 \\ 0 & 3 & 0 \end{array}\right]
        \end{aligned}
        """  # noqa: E501
        k = self.augmented_columns
        lines = ["& " + _latex_table(self.start, k)]
        lines += [
            rf"\xrightarrow{{{step.latex}}} \quad & {_latex_table(step.matrix, k)}"
            for step in self.steps
        ]
        return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        kind = "" if self.kind is None else f", kind={self.kind.value!r}"
        return (
            f"Elimination(shape={self.matrix.shape}, rank={self.rank}, "
            f"pivots={self.pivots}{kind}, steps={len(self.steps)}, reduced={self.reduced})"
        )


# --------------------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------------------


@dataclass
class _Reduction:
    """What :func:`_reduce` leaves behind (internal, mutable)."""

    matrix: FloatArray  # the working matrix, round-off not yet cleaned
    zero_tol: FloatArray  # per-entry threshold below which |entry| counts as zero
    pivots: list[tuple[int, int]]  # (row, column) of each pivot
    swaps: int
    steps: list[Step]

    def cleaned(self) -> FloatArray:
        return _cleaned(self.matrix, self.zero_tol)

    @property
    def pivot_columns(self) -> tuple[int, ...]:
        return tuple(col for _, col in self.pivots)


def _cleaned(M: FloatArray, zero_tol: FloatArray) -> FloatArray:
    out = M.copy()
    out[np.abs(out) <= zero_tol] = 0.0
    return out


def _relative_tolerance(M: FloatArray, n_coefficient_columns: int) -> float:
    """``SAFETY * max(m, n) * eps``: multiplied by a block's scale it gives the zero threshold."""
    rows = int(M.shape[0])
    return SAFETY * max(rows, n_coefficient_columns) * float(np.finfo(np.float64).eps)


def _column_tolerances(M: FloatArray, n_coefficient_columns: int) -> FloatArray:
    """Zero threshold of each column: coefficient block and right-hand block scaled apart."""
    n = n_coefficient_columns
    rtol = _relative_tolerance(M, n)
    tol = np.empty(M.shape[1])
    tol[:n] = scaled_tol(M[:, :n], rtol)
    if M.shape[1] > n:
        tol[n:] = scaled_tol(M[:, n:], rtol)
    return tol


def _reduce(
    M: FloatArray,
    n_coefficient_columns: int,
    *,
    pivot_columns: int,
    pivoting: Pivoting = "partial",
    reduced: bool = False,
    record: bool = False,
) -> _Reduction:
    """Gaussian (and, if ``reduced``, Gauss–Jordan) elimination of ``M`` in place.

    Pivots are looked for in the first ``pivot_columns`` columns only (``n`` to solve a
    square system, all columns to classify one).
    """
    m, n = M.shape[0], n_coefficient_columns
    rtol = _relative_tolerance(M, n)
    tol_start = _column_tolerances(M, n)
    tol = tol_start.copy()  # widened after small pivots, see widen_tolerance
    zero_tol = np.broadcast_to(tol, M.shape)  # per entry; a writable copy in the backward phase
    out = _Reduction(M, zero_tol, [], 0, [])

    def snapshot() -> FloatArray:
        return _cleaned(M, zero_tol)

    def widen_tolerance(r: int, j: int, factors: FloatArray) -> None:
        """Raise the zero threshold to the round-off that ``R_i <- R_i - l_i R_r`` can leave.

        Two sources, each proportional to the entries of the pivot row R_r: rounding the
        products l_i * R_r (eps * |l_i|), and the doubt in l_i = a_ij / p itself, since
        a_ij is only known to within the column's threshold (tol_j / |p|). Both are large
        after a small pivot; with well-scaled pivots they change nothing.
        """
        biggest = float(np.abs(factors).max()) if factors.size else 0.0
        row = np.abs(M[r, j + 1 :])
        if biggest == 0.0 or not row.size:
            return
        growth = max(rtol * biggest, tol_start[j] / abs(float(M[r, j])))
        k = n - j - 1  # coefficient columns right of the pivot; the rest of `row` is the rhs
        if k > 0:
            tol[:n] = max(tol[0], growth * float(row[:k].max()))
        if row.size > k:
            tol[n:] = max(tol[n], growth * float(row[k:].max()))

    def subtract_multiples(rows: slice, r: int, j: int, factors: FloatArray) -> None:
        """rows <- rows - factors * (row r), clearing column j; one step per row if recorded."""
        if not record:
            M[rows, j + 1 :] -= factors[:, np.newaxis] * M[r, j + 1 :]
            M[rows, j] = 0.0
            return
        first = rows.start or 0
        for offset in np.flatnonzero(factors):
            i, f = first + int(offset), float(factors[offset])
            M[i, j + 1 :] -= f * M[r, j + 1 :]
            M[i, j] = 0.0
            text, latex = _describe_add(i, r, -f)
            out.steps.append(Step("add", i, r, -f, text, latex, snapshot()))

    # Forward phase: row echelon form.
    r = 0
    for j in range(pivot_columns):
        if r == m:
            break
        column = M[r:, j]  # a view: changing it changes M
        magnitudes = np.abs(column)
        significant = magnitudes > tol[j]
        column *= significant  # entries that count as zero become exactly 0
        if not significant.any():
            continue  # no pivot in this column: a free variable
        if pivoting == "partial":
            p = r + int(np.argmax(magnitudes))
        else:
            p = r + int(np.argmax(significant))
        if p != r:
            # Left of column j both rows are already zero, so swap from column j on.
            pivot_row = M[p, j:].copy()
            M[p, j:] = M[r, j:]
            M[r, j:] = pivot_row
            out.swaps += 1
            if record:
                text, latex = _describe_swap(r, p)
                out.steps.append(Step("swap", r, p, None, text, latex, snapshot()))
        factors = M[r + 1 :, j] / M[r, j]
        widen_tolerance(r, j, factors)
        subtract_multiples(slice(r + 1, m), r, j, factors)
        out.pivots.append((r, j))
        r += 1

    zero_tol = out.zero_tol = np.tile(tol, (m, 1))
    if not reduced:
        return out

    # Backward phase: from the last pivot up, make each pivot 1 and clear above it.
    for r, j in reversed(out.pivots):
        pivot = float(M[r, j])
        if pivot != 1.0:
            M[r, j:] /= pivot
            M[r, j] = 1.0
            zero_tol[r] /= abs(pivot)
            if record:
                text, latex = _describe_scale(r, 1.0 / pivot)
                out.steps.append(Step("scale", r, None, 1.0 / pivot, text, latex, snapshot()))
        above = M[:r, j]
        above[np.abs(above) <= zero_tol[:r, j]] = 0.0
        factors = above.copy()
        zero_tol[:r] += np.abs(factors)[:, np.newaxis] * zero_tol[r]
        subtract_multiples(slice(0, r), r, j, factors)
    return out


# --------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------


def _right_hand_side(b: ArrayLike, m: int, name: str = "b") -> FloatArray:
    """``b`` as an (m, k) matrix: a vector of length m or a matrix with m rows."""
    arr = as_array(b, name)
    if arr.ndim not in (1, 2):
        raise ValueError(
            f"{name} must be a vector or a matrix of right-hand sides, got {arr.ndim} dimensions"
        )
    if arr.shape[0] != m:
        raise ValueError(
            f"{name} must have {m} rows (one per row of A), got {arr.shape[0]}"
        )
    return arr.reshape(m, -1)


def _check_row(i: object, name: str, m: int) -> int:
    index = check_int(i, name)
    if not 0 <= index < m:
        raise ValueError(
            f"{name} must be a row index from 0 to {m - 1} (M has {m} rows), got {index}"
        )
    return index


# --------------------------------------------------------------------------------------
# Public: row operations
# --------------------------------------------------------------------------------------


def swap_rows(M: ArrayLike, i: int, j: int) -> FloatArray:
    r"""Exchange rows ``i`` and ``j`` (0-based): $R_i \leftrightarrow R_j$.

    Parameters
    ----------
    M : array_like, shape (m, n)
    i, j : int
        Row indices, ``0 <= i, j < m``.

    Returns
    -------
    ndarray
        A new float matrix; ``M`` is not modified.

    Raises
    ------
    ValueError
        If ``M`` is not a finite matrix or an index is not a valid row index.

    Examples
    --------
    >>> swap_rows([[1, 2], [3, 4]], 0, 1).tolist()
    [[3.0, 4.0], [1.0, 2.0]]

    See Also
    --------
    Taught in [Elimination and the three row operations](../../linear-algebra/week-2/row-operations.md#in-code).
    """
    A = as_matrix(M, "M")
    i = _check_row(i, "i", A.shape[0])
    j = _check_row(j, "j", A.shape[0])
    A[[i, j]] = A[[j, i]]
    return A


def scale_row(M: ArrayLike, i: int, factor: float) -> FloatArray:
    r"""Multiply row ``i`` by a non-zero number: $R_i \leftarrow c\,R_i$.

    Parameters
    ----------
    M : array_like, shape (m, n)
    i : int
        Row index, ``0 <= i < m``.
    factor : float
        The multiplier $c \neq 0$ (scaling by 0 would lose an equation).

    Returns
    -------
    ndarray
        A new float matrix; ``M`` is not modified.

    Raises
    ------
    ValueError
        If ``M`` is not a finite matrix, ``i`` is not a row index or ``factor`` is 0.

    Examples
    --------
    >>> scale_row([[2, 4], [3, 5]], 0, 0.5).tolist()
    [[1.0, 2.0], [3.0, 5.0]]

    See Also
    --------
    Taught in [Elimination and the three row operations](../../linear-algebra/week-2/row-operations.md#in-code).
    """
    A = as_matrix(M, "M")
    i = _check_row(i, "i", A.shape[0])
    c = as_scalar(factor, "factor")
    if c == 0.0:
        raise ValueError("factor must be non-zero: scaling a row by 0 loses an equation")
    A[i] *= c
    return A


def add_row_multiple(M: ArrayLike, target: int, source: int, factor: float) -> FloatArray:
    r"""Add a multiple of one row to another: $R_t \leftarrow R_t + c\,R_s$.

    Parameters
    ----------
    M : array_like, shape (m, n)
    target : int
        The row that changes.
    source : int
        The row whose multiple is added; must differ from ``target``.
    factor : float
        The multiplier $c$ (use a negative number to subtract).

    Returns
    -------
    ndarray
        A new float matrix; ``M`` is not modified.

    Raises
    ------
    ValueError
        If ``M`` is not a finite matrix, an index is not a row index, or
        ``target == source``.

    Examples
    --------
    >>> add_row_multiple([[1, 2], [3, 4]], 1, 0, -3).tolist()
    [[1.0, 2.0], [0.0, -2.0]]

    See Also
    --------
    Taught in [Elimination and the three row operations](../../linear-algebra/week-2/row-operations.md#in-code).
    """
    A = as_matrix(M, "M")
    t = _check_row(target, "target", A.shape[0])
    s = _check_row(source, "source", A.shape[0])
    if t == s:
        raise ValueError(
            f"target and source must be different rows, got {t} for both "
            "(use scale_row to multiply a row by a number)"
        )
    c = as_scalar(factor, "factor")
    A[t] += c * A[s]
    return A


def augment(A: ArrayLike, b: ArrayLike) -> FloatArray:
    r"""The augmented matrix $[\mathbf{A} \mid \mathbf{b}]$.

    Parameters
    ----------
    A : array_like, shape (m, n)
    b : array_like, shape (m,) or (m, k)
        One right-hand side, or ``k`` of them as columns.

    Returns
    -------
    ndarray, shape (m, n + 1) or (m, n + k)

    Raises
    ------
    ValueError
        If ``A`` is not a finite matrix or ``b`` does not have ``m`` rows.

    Examples
    --------
    >>> augment([[1, 2], [3, 4]], [5, 6]).tolist()
    [[1.0, 2.0, 5.0], [3.0, 4.0, 6.0]]

    See Also
    --------
    Taught in [A NumPy primer](../../getting-started/numpy-primer.md#from-a-system-to-arrays).
    """
    coefficients = as_matrix(A, "A")
    rhs = _right_hand_side(b, coefficients.shape[0])
    return np.hstack([coefficients, rhs])


# --------------------------------------------------------------------------------------
# Public: elimination
# --------------------------------------------------------------------------------------


def eliminate(
    A: ArrayLike,
    b: ArrayLike | None = None,
    *,
    reduced: bool = False,
    pivoting: Pivoting = "partial",
) -> Elimination:
    r"""Gaussian elimination of $\mathbf{A}$ or $[\mathbf{A} \mid \mathbf{b}]$, every step kept.

    For each column from the left: choose a pivot among the rows not yet used, swap it
    up, and subtract multiples $\ell_i = a_{ij} / a_{rj}$ of the pivot row from the rows
    below, $R_i \leftarrow R_i - \ell_i R_r$, so that the column below the pivot is zero.
    The result is a row echelon form. With ``reduced=True`` the backward phase follows:
    from the last pivot upwards, scale the pivot row so the pivot is 1 and clear the
    entries above it, giving the reduced row echelon form.

    With a right-hand side every column, including those of $\mathbf{b}$, may hold a
    pivot; a pivot right of the bar is a row $0 = c \neq 0$, so there is no solution.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Coefficient matrix (any shape).
    b : array_like, shape (m,) or (m, k), optional
        Right-hand side(s).
    reduced : bool, default False
        Continue to reduced row echelon form.
    pivoting : {"partial", "first"}, default "partial"
        ``"partial"`` takes the entry of largest magnitude as pivot (what numerical
        libraries do: it keeps the multipliers at most 1 in size); ``"first"`` takes the
        first non-zero entry, swapping only when the diagonal entry is zero (the method
        done by hand).

    Returns
    -------
    Elimination
        ``steps``, final ``matrix``, ``pivots``, ``rank``, ``kind`` (with ``b``), and
        ``to_text()`` / ``to_latex()`` to print the worked solution.

    Raises
    ------
    ValueError
        If ``A`` is not a finite non-empty matrix, ``b`` does not have one row per row of
        ``A``, or ``pivoting`` is not one of the two options.

    Examples
    --------
    >>> E = eliminate([[1, 1], [3, -1]], [4, 0], reduced=True, pivoting="first")
    >>> print(E.kind, E.rank, E.pivots)
    unique 2 (0, 1)
    >>> for step in E.steps:
    ...     print(step.text)
    R2 <- R2 - 3*R1
    R2 <- -(1/4)*R2
    R1 <- R1 - R2
    >>> print(E.to_text().splitlines()[-2:])
    ['[ 1  0 | 1 ]', '[ 0  1 | 3 ]']

    See Also
    --------
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#in-code)
    and [Three equations, three unknowns](../../linear-algebra/week-1/three-variables.md#worked-example).
    Also in [Elimination and the three row operations](../../linear-algebra/week-2/row-operations.md#worked-example),
    [Row echelon form, pivots and free variables](../../linear-algebra/week-2/echelon-form.md#in-code) and
    [Gaussian elimination with back substitution](../../linear-algebra/week-2/gaussian-elimination.md#why-pivoting).
    """
    coefficients = as_matrix(A, "A")
    n = coefficients.shape[1]
    if b is None:
        M = coefficients
    else:
        M = np.hstack([coefficients, _right_hand_side(b, coefficients.shape[0])])
    check_bool(reduced, "reduced")
    method = check_option("pivoting", pivoting, _PIVOTING)

    start = _cleaned(M, np.tile(_column_tolerances(M, n), (M.shape[0], 1)))
    result = _reduce(
        M, n, pivot_columns=M.shape[1], pivoting=method, reduced=bool(reduced), record=True
    )
    pivots = result.pivot_columns
    rank_a = sum(1 for col in pivots if col < n)
    return Elimination(
        steps=tuple(result.steps),
        matrix=result.cleaned(),
        pivots=pivots,
        rank=rank_a,
        n_coefficient_columns=n,
        kind=None if b is None else _kind(rank_a, len(pivots), n),
        start=start,
        augmented_rank=len(pivots),
        reduced=bool(reduced),
    )


def row_echelon(A: ArrayLike, *, pivoting: Pivoting = "partial") -> FloatArray:
    r"""A row echelon form of $\mathbf{A}$ by Gaussian elimination.

    Each row's first non-zero entry (its pivot) is to the right of the pivot above it,
    and zero rows are at the bottom. The form is not unique: it depends on the
    ``pivoting`` rule (see :func:`eliminate`).

    Parameters
    ----------
    A : array_like, shape (m, n)
    pivoting : {"partial", "first"}, default "partial"

    Returns
    -------
    ndarray, shape (m, n)
        Entries that count as zero (see :func:`rank`) are exactly 0.

    Raises
    ------
    ValueError
        If ``A`` is not a finite non-empty matrix or ``pivoting`` is unknown.

    Examples
    --------
    >>> row_echelon([[1, 2], [3, 4]], pivoting="first").tolist()
    [[1.0, 2.0], [0.0, -2.0]]

    See Also
    --------
    ``scipy.linalg.lu`` returns the same $\mathbf{U}$ with partial pivoting.
    Taught in [Row echelon form, pivots and
    free variables](../../linear-algebra/week-2/echelon-form.md#row-echelon-form-and-reduced-row-echelon-form).
    """
    M = as_matrix(A, "A")
    method = check_option("pivoting", pivoting, _PIVOTING)
    return _reduce(M, M.shape[1], pivot_columns=M.shape[1], pivoting=method).cleaned()


def rref(A: ArrayLike) -> FloatArray:
    r"""The reduced row echelon form of $\mathbf{A}$ (Gauss–Jordan elimination).

    A row echelon form in which every pivot is 1 and is the only non-zero entry of its
    column. Unlike a row echelon form it is unique.

    Parameters
    ----------
    A : array_like, shape (m, n)

    Returns
    -------
    ndarray, shape (m, n)
        Pivots are exactly 1; entries that count as zero are exactly 0.

    Raises
    ------
    ValueError
        If ``A`` is not a finite non-empty matrix.

    Examples
    --------
    >>> rref([[1, 2, 3], [2, 4, 7]]).tolist()
    [[1.0, 2.0, 0.0], [0.0, 0.0, 1.0]]

    See Also
    --------
    Taught in [Row echelon form, pivots and
    free variables](../../linear-algebra/week-2/echelon-form.md#row-echelon-form-and-reduced-row-echelon-form).
    """
    M = as_matrix(A, "A")
    return _reduce(M, M.shape[1], pivot_columns=M.shape[1], reduced=True).cleaned()


def rank(A: ArrayLike) -> int:
    r"""The rank of $\mathbf{A}$: the number of pivots in its row echelon form.

    An entry counts as zero when $|x| \le 10 \cdot \max(m, n)\,\varepsilon \max_{ij}
    |a_{ij}|$ (raised after a small pivot, which magnifies round-off), so round-off such
    as ``0.6 - 3 * 0.2`` does not create a pivot. On integer matrices this agrees with
    ``numpy.linalg.matrix_rank``; for matrices so ill-conditioned that the answer depends
    on the tolerance (condition number above about $10^{12}$) the two can differ.

    Parameters
    ----------
    A : array_like, shape (m, n)

    Returns
    -------
    int
        $0 \le \operatorname{rank}\mathbf{A} \le \min(m, n)$.

    Raises
    ------
    ValueError
        If ``A`` is not a finite non-empty matrix.

    Examples
    --------
    >>> rank([[1, 2], [2, 4]]), rank([[0.1, 0.2], [0.3, 0.6]]), rank([[1, 2], [3, 4]])
    (1, 1, 2)

    See Also
    --------
    ``numpy.linalg.matrix_rank`` computes it from the singular values instead.
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#in-code).
    In full in [Rank: how much information a system carries](../../linear-algebra/week-2/rank.md#in-code);
    as the dimension of the image in [Determinants: area, volume and singular transformations](../../linear-algebra/week-4/determinants.md#the-image-a-plane-a-line-or-a-point)
    and the test for independence in [Span, linear independence and bases](../../linear-algebra/week-4/bases-and-span.md#linear-independence).
    """  # noqa: E501
    M = as_matrix(A, "A")
    return len(_reduce(M, M.shape[1], pivot_columns=M.shape[1]).pivots)


def det(A: ArrayLike) -> float:
    r"""The determinant of a square matrix, by elimination.

    Row swaps flip the sign and adding a multiple of a row changes nothing, so after
    elimination with $s$ swaps to an upper-triangular $\mathbf{U}$,

    $$\det \mathbf{A} = (-1)^s \prod_i u_{ii}.$$

    A matrix that is singular within the rank tolerance (see :func:`rank`) has
    determinant exactly ``0.0``.

    Parameters
    ----------
    A : array_like, shape (n, n)

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``A`` is not a finite non-empty square matrix.

    Examples
    --------
    >>> det([[1, 2], [3, 4]]), det([[1, 2], [2, 4]]), det([[0.1, 0.2], [0.3, 0.6]])
    (-2.0, 0.0, 0.0)

    See Also
    --------
    ``numpy.linalg.det``
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#in-code)
    and [Three equations, three unknowns](../../linear-algebra/week-1/three-variables.md#in-code);
    as a signed area in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#the-determinant-as-a-signed-area);
    in depth (volume, product and inverse rules, pivots) in [Determinants: area, volume and singular transformations](../../linear-algebra/week-4/determinants.md#computing-a-determinant-by-elimination).
    """  # noqa: E501
    M = as_square_matrix(A, "A")
    n = M.shape[0]
    result = _reduce(M, n, pivot_columns=n)
    if len(result.pivots) < n:
        return 0.0
    sign = -1.0 if result.swaps % 2 else 1.0
    return sign * float(np.prod(np.diag(result.matrix)))
