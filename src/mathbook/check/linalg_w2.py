r"""Graders for the lab of Part 1, Week 2: a Gaussian-elimination solver, piece by piece.

The lab asks you to write eight functions. Each returns a *new* array (or number) and
leaves its inputs unchanged; inputs may be nested lists (possibly of integers) or NumPy
arrays (possibly of integer dtype), and results must be computed in floats. Rows are
numbered from 0 in code ($R_1$ is row ``0``).

* `swap_rows(M, i, j)`: $R_i \leftrightarrow R_j$;
* `scale_row(M, i, c)`: $R_i \leftarrow c\,R_i$, and ``ValueError`` when $c = 0$;
* `add_row_multiple(M, target, source, c)`: $R_t \leftarrow R_t + c\,R_s$, and
  ``ValueError`` when ``target == source``.

  All three raise ``ValueError`` for a row index outside ``0 .. m-1`` (negative ones too).
* `row_echelon(M)`: *a* row echelon form of ``M``. Any one passes: the grader checks that
  zero rows are at the bottom, each pivot is right of the pivot above, and the rows span
  the same space as those of ``M``, and that you pivot: for
  ``[[1e-7, 1], [1, 1]]`` the first row must not stay a multiple of ``[1e-7, 1]`` (a pivot
  of $10^{-7}$ is above every allowed tolerance, so only partial pivoting swaps it away).
* `rref(M)`: *the* reduced row echelon form (every pivot 1, the only non-zero entry of its
  column); it is unique, so it is compared entry by entry.
* `rank(M)`: the number of pivots, an ``int``.
* `back_substitution(U, c)`: the solution of $\mathbf{U}\mathbf{x} = \mathbf{c}$ for a
  square upper-triangular $\mathbf{U}$, and ``ValueError`` when a diagonal entry is 0.
* `solve_any(A, b)`: ``(kind, solution)`` for a system of any shape, with
  ``("unique", x)``, ``("none", None)`` or ``("infinite", (p, D))``: ``p`` of shape
  ``(n,)`` with $\mathbf{A}\mathbf{p} = \mathbf{b}$ and ``D`` of shape ``(n, f)`` whose
  $f = n - \operatorname{rank}\mathbf{A}$ columns are independent solutions of
  $\mathbf{A}\mathbf{d} = \mathbf{0}$. Any such ``p`` and ``D`` pass. A unique solution
  must match to 7 significant digits, and to 12 for ``A = [[1e-7, 1], [1, 1]]``,
  ``b = [1, 2]`` (without pivoting about 7 digits are lost there). An empty ``A`` (no
  equations or no unknowns) raises ``ValueError``.

Deciding that a number is zero: treat $|a| \le \text{tol} \cdot \max_{ij}|m_{ij}|$ as
zero, with any tol from $10^{-13}$ to $10^{-8}$ (the cases are chosen so that all of them,
and ``np.linalg.matrix_rank``, agree). The tolerance must be relative: a fixed $10^{-10}$
fails on matrices whose entries are about $10^{8}$ or $10^{-12}$. An exact ``== 0`` fails: elimination of
``[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]`` leaves about $10^{-16}$, not 0.

The cases include zero rows and zero columns in every position, wide and tall matrices,
a zero in a pivot position (a swap is needed), a pivot of $10^{-14}$ next to 1 (below the
tolerance: it counts as zero), a pivot of $10^{-7}$ next to 1 (above it: only partial
pivoting swaps it away), integer input and random matrices of every rank. When a failure
looks like a well-known mistake (changing the input, integer truncation, a wrong sign, no
swap at a zero pivot, no partial pivoting, no tolerance) the message ends with a hint.

Examples
--------
>>> from mathbook import check
>>> import numpy as np
>>> def swap_rows(M, i, j):
...     M = np.array(M, dtype=float)
...     if not (0 <= i < len(M) and 0 <= j < len(M)):
...         raise ValueError("row index out of range")
...     M[[i, j]] = M[[j, i]]
...     return M
>>> check.linalg_w2.swap_rows(swap_rows).passed
True

See Also
--------
The lessons: [row operations](../../linear-algebra/week-2/row-operations.md#in-code),
[echelon forms](../../linear-algebra/week-2/echelon-form.md#in-code),
[rank](../../linear-algebra/week-2/rank.md#in-code) and
[Gaussian elimination](../../linear-algebra/week-2/gaussian-elimination.md#in-code).
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook import linalg
from mathbook.check._core import Case, CheckResult, _show_value, grader
from mathbook.check._hints import NO_ANSWER, Detector
from mathbook.check._hints import Hinted as _Hinted
from mathbook.check._hints import answer as _answer
from mathbook.check._hints import document_returns as _document_returns
from mathbook.check.linalg_w1 import _cases, _close, _single

__all__ = [
    "add_row_multiple",
    "back_substitution",
    "rank",
    "row_echelon",
    "rref",
    "scale_row",
    "solve_any",
    "swap_rows",
]

_ZERO_RTOL = 1e-8
"""Entries at most 1e-8 × the largest entry count as zero when judging a result."""


# ---------------------------------------------------------------------------
# Reference solutions: the library's, under the learner-facing parameter names
# ---------------------------------------------------------------------------


def _swap(M: ArrayLike, i: int, j: int) -> NDArray[np.float64]:
    return linalg.swap_rows(M, i, j)


def _scale(M: ArrayLike, i: int, c: float) -> NDArray[np.float64]:
    return linalg.scale_row(M, i, c)


def _add(M: ArrayLike, target: int, source: int, c: float) -> NDArray[np.float64]:
    return linalg.add_row_multiple(M, target, source, c)


def _echelon(M: ArrayLike) -> NDArray[np.float64]:
    return linalg.row_echelon(M)


def _rref(M: ArrayLike) -> NDArray[np.float64]:
    return linalg.rref(M)


def _rank(M: ArrayLike) -> int:
    return linalg.rank(M)


def _back(U: ArrayLike, c: ArrayLike) -> NDArray[np.float64]:
    try:
        return linalg.back_substitution(U, c)
    except linalg.SingularMatrixError as exc:  # the learner raises a plain ValueError
        raise ValueError(str(exc)) from None


@dataclass(frozen=True, eq=False)
class _Solved:
    """The reference's answer, with the system, so any valid parametrisation can be judged."""

    kind: str
    solution: Any
    A: NDArray[np.float64]
    b: NDArray[np.float64]


def _solve_any(A: ArrayLike, b: ArrayLike) -> _Solved:
    coefficients, rhs = np.array(A, dtype=float), np.array(b, dtype=float)
    kind = str(linalg.classify_system(coefficients, rhs))
    if kind == "none":
        return _Solved(kind, None, coefficients, rhs)
    general = linalg.solve_parametric(coefficients, rhs)
    solution = general.particular if kind == "unique" else (general.particular,
                                                            general.directions)
    return _Solved(kind, solution, coefficients, rhs)


# ---------------------------------------------------------------------------
# Comparing answers that are not unique
# ---------------------------------------------------------------------------


def _floats(value: Any) -> NDArray[np.float64] | None:
    """``value`` as a float array, or None if it is not numbers."""
    if value is None or isinstance(value, (str, bytes, dict)):
        return None
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array if np.all(np.isfinite(array)) else None


def _svd_rank(M: NDArray[np.float64]) -> int:
    if M.size == 0:
        return 0
    s = np.linalg.svd(M, compute_uv=False)
    return 0 if s[0] == 0 else int(np.sum(s > _ZERO_RTOL * s[0]))


def _unit_rows(M: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each non-zero row divided by its length, so that the scale of a row does not matter."""
    lengths = np.linalg.norm(M, axis=1, keepdims=True)
    out: NDArray[np.float64] = np.divide(M, lengths, out=np.zeros_like(M), where=lengths > 0)
    return out


def _leading_columns(M: NDArray[np.float64], tol: float) -> list[int | None]:
    """Column of each row's first entry larger than tol (None for a zero row)."""
    leads: list[int | None] = []
    for row in M:
        big = np.flatnonzero(np.abs(row) > tol)
        leads.append(int(big[0]) if big.size else None)
    return leads


def _echelon_problem(M: NDArray[np.float64], tol: float) -> str | None:
    """Why ``M`` is not in row echelon form (zero within ``tol``), or None if it is."""
    leads = _leading_columns(M, tol)
    for r in range(1, len(leads)):
        above, here = leads[r - 1], leads[r]
        if here is None:
            continue
        if above is None:
            return f"row {r - 1} is zero but row {r} below it is not (zero rows go at the bottom)"
        if here <= above:
            return (f"row {r} starts in column {here}, not to the right of row {r - 1}'s "
                    f"pivot in column {above}")
    return None


def _compare_echelon(expected: NDArray[np.float64], got: Any) -> bool | str:
    values = _floats(got)
    if values is None or values.shape != expected.shape:
        shape = "" if values is None else f" of shape {values.shape}"
        return (f"expected a float array of shape {expected.shape}, got "
                f"{_show_value(got)}{shape}")
    if np.array_equal(expected, _SMALL_PIVOT_ECHELON) and _parallel(values[0], _SMALL_PIVOT[0]):
        return (f"got {_show_value(values)}: row 0 is still a multiple of [1e-07, 1], so "
                "the pivot 1e-07 was used although the 1 below it is larger; the lab asks "
                "for partial pivoting")
    tol = _ZERO_RTOL * float(np.abs(values).max())
    problem = _echelon_problem(values, tol)
    if problem is not None:
        return f"got {_show_value(values)}, which is not in row echelon form: {problem}"
    mine, theirs = _unit_rows(np.where(np.abs(values) > tol, values, 0.0)), _unit_rows(expected)
    r = _svd_rank(theirs)
    if _svd_rank(mine) != r or _svd_rank(np.vstack([mine, theirs])) != r:
        return (f"got {_show_value(values)}: in row echelon form, but its rows do not span "
                f"the same space as the rows of M (for example {_show_value(expected)}); "
                "only the three row operations keep it")
    return True


def _parallel(u: ArrayLike, v: ArrayLike) -> bool:
    """Whether the non-zero vectors ``u`` and ``v`` point along the same line."""
    a, b = _unit_rows(np.array([u, v], dtype=float))
    return bool(abs(float(a @ b)) > 1.0 - 1e-12)


def _compare_solution(expected: _Solved, got: Any) -> bool | str:
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return f"expected a pair (kind, solution), got {_show_value(got)}"
    kind, solution = got
    if not isinstance(kind, str) or kind != expected.kind:
        return f"expected kind {expected.kind!r} got {_show_value(kind)}"
    A, b = expected.A, expected.b
    n = A.shape[1]
    if kind == "none":
        return True if solution is None else (
            f"kind 'none' is right, but the solution must be None, got {_show_value(solution)}")
    if kind == "unique":
        x = _floats(solution)
        if x is None or x.shape != (n,) or not np.allclose(x, expected.solution, rtol=1e-7,
                                                            atol=1e-9):
            return f"expected ('unique', {_show_value(expected.solution)}) got {_show_value(got)}"
        if np.array_equal(A, _SMALL_PIVOT):
            error = float(np.max(np.abs(x - expected.solution) / np.abs(expected.solution)))
            if error > _PIVOTED_RTOL:
                return (f"expected ('unique', {expected.solution.tolist()}) got "
                        f"{x.tolist()}: a relative error of {error:.0e}, where this "
                        f"well-conditioned system allows {_PIVOTED_RTOL:.0e}")
        return True
    return _infinite_problem(A, b, expected.solution[1].shape[1], solution) or True


def _infinite_problem(A: NDArray[np.float64], b: NDArray[np.float64], f: int,
                      solution: Any) -> str | None:
    """Why ``solution`` is not a valid ``(p, D)`` for the consistent system, or None."""
    n = A.shape[1]
    if not isinstance(solution, (tuple, list)) or len(solution) != 2:
        return f"for 'infinite' the solution must be a pair (p, D), got {_show_value(solution)}"
    p, D = _floats(solution[0]), _floats(solution[1])
    if p is None or p.shape != (n,):
        return f"p must be an array of shape ({n},), got {_show_value(solution[0])}"
    if D is None or D.shape != (n, f):
        return (f"D must have shape ({n}, {f}): one column per free variable "
                f"(n - rank A = {f}), got {_show_value(solution[1])}")
    scale = float(np.abs(A).max()) * max(1.0, float(np.abs(p).max()), float(np.abs(D).max()))
    residual = A @ p - b
    if not np.allclose(residual, 0.0, atol=1e-8 * max(scale, float(np.abs(b).max()), 1e-300)):
        return (f"p = {_show_value(p)} does not solve A p = b: A p - b = "
                f"{_show_value(residual)}")
    nullity = A @ D
    if not np.allclose(nullity, 0.0, atol=1e-8 * max(scale, 1e-300)):
        k = int(np.argmax(np.abs(nullity).max(axis=0)))
        return (f"column {k} of D is not a solution of A d = 0: A @ D[:, {k}] = "
                f"{_show_value(nullity[:, k])}")
    if _svd_rank(D) != f:
        return f"the {f} columns of D = {_show_value(D)} are not independent"
    return None


# ---------------------------------------------------------------------------
# Cases: hand-picked ones first (they give the clearest messages), then random ones
# ---------------------------------------------------------------------------

_ROUND_OFF = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]
"""Rank 2 on paper (row 2 is the mean of rows 1 and 3); elimination leaves about 1e-16."""

_NEAR_ZERO = [[1e-14, 1.0], [1.0, 1.0]]
"""A pivot of 1e-14 next to 1: below every allowed tolerance, so it counts as zero."""

_SMALL_PIVOT = [[1e-7, 1.0], [1.0, 1.0]]
"""A pivot of 1e-7 next to 1: above every allowed tolerance, so only partial pivoting
avoids it; without a swap the multiplier is 1e7 and about 7 digits are lost."""

_BIG_ROUND_OFF = 1e8 * np.array(_ROUND_OFF)
"""Rank 2; its round-off (about 1e-8) is far above an absolute tolerance of 1e-10."""

_TINY = 1e-12 * np.array([[1.0, 2.0], [2.0, 4.5]])
"""Rank 2, though every entry is below an absolute tolerance of 1e-10."""

_SMALL_PIVOT_ECHELON = linalg.row_echelon(_SMALL_PIVOT)
_PIVOTED_RTOL = 1e-12
"""How closely the solution of the well-conditioned _SMALL_PIVOT system must match."""

_HAND_MATRICES: tuple[Any, ...] = (
    [[1, 2], [3, 4]],
    [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]],
    [[0, 1], [1, 0]],                               # zero in the first pivot position
    [[0, 2, 1], [1, 1, 1], [2, 1, 3]],
    [[1, 2, 3], [2, 4, 7], [1, 1, 1]],              # zero pivot appears after a step
    _NEAR_ZERO,
    _SMALL_PIVOT,                                   # partial pivoting needed
    [[0, 1, 2], [0, 3, 4], [0, 5, 7]],              # zero first column
    [[1, 0, 2], [2, 0, 5], [3, 0, 1]],              # zero middle column
    [[1, 2, 0], [3, 4, 0]],                         # zero last column, wide
    [[0, 0, 0], [1, 2, 3], [4, 5, 6]],              # zero first row
    [[1, 2, 3], [0, 0, 0], [4, 5, 7]],              # zero middle row
    [[1, 2], [3, 4], [0, 0]],                       # zero last row, tall
    [[1, 2, 3], [2, 4, 7]],                         # the second pivot skips a column
    [[1, 2, 1, 0], [2, 4, 0, 2], [3, 6, 1, 2]],     # wide, rank 2
    [[1, 2], [2, 4], [3, 6], [1, 1]],               # tall, rank 2
    [[1, 2], [2, 4], [3, 6]],                       # tall, rank 1
    np.array([[2, 1], [3, 4]]),                     # integer array, fractions appear
    np.array([[4, 2, 2], [2, 3, 1], [6, 1, 5]]),
    _ROUND_OFF,
    [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9], [0.2, 0.1, 0.3]],
    np.array([[1e8, 2e8], [3e8, 4e8]]),
    [[1e-8, 2e-8], [3e-8, 4e-8]],
    _BIG_ROUND_OFF,                                 # the tolerance must be relative
    _TINY,
    np.zeros((2, 3)),
    [[5]],
    [[0]],
    [[1, 2, 3]],
    [[0], [0], [2]],
)

_RESCALED_SYSTEMS: tuple[tuple[Any, Any], ...] = (
    (_BIG_ROUND_OFF, 1e8 * np.array([0.6, 1.5, 2.5])),             # none, relative tol
    (_TINY, 1e-12 * np.array([1.0, 2.0])),                         # unique, relative tol
)

_HAND_SYSTEMS: tuple[tuple[Any, Any], ...] = (
    ([[2, 1], [1, 3]], [3, 5]),                                    # unique
    ([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3]),         # unique (2, 3, -1)
    ([[0, 1], [1, 0]], [2, 3]),                                    # zero pivot: swap
    ([[0, 2, 1], [1, 1, 1], [2, 1, 3]], [3, 3, 6]),
    (_NEAR_ZERO, [1, 2]),                                          # tiny pivot
    (_SMALL_PIVOT, [1, 2]),                                        # partial pivoting
    ([[1e-20, 1.0], [1.0, 1.0]], [1, 2]),
    (np.array([[4, 2], [1, 3]]), np.array([6, 5])),                # integers, x = (0.8, 1.4)
    ([[1, 2], [2, 4]], [3, 7]),                                    # none
    ([[1, 2], [2, 4]], [3, 6]),                                    # infinite
    ([[1, 2, 1, 0], [2, 4, 0, 2], [3, 6, 1, 2]], [4, 6, 10]),      # wide 3×4, infinite
    ([[1, 2, 1, 0], [2, 4, 0, 2], [3, 6, 1, 2]], [4, 6, 11]),      # wide 3×4, none
    ([[1, 1, 1, 1], [2, 2, 2, 2]], [1, 3]),                        # wide, none
    ([[1, 1, 1]], [3]),                                            # one equation
    ([[1, 0], [0, 1], [1, 1]], [1, 2, 3]),                         # tall, unique
    ([[1, 0], [0, 1], [1, 1]], [1, 2, 4]),                         # tall, none
    ([[1, 2], [2, 4], [3, 6]], [1, 2, 3]),                         # tall, infinite
    ([[0, 1, 2], [0, 3, 4], [0, 5, 7]], [1, 1, 2]),                # zero first column
    ([[1, 0, 2], [2, 0, 5]], [1, 1]),                              # zero middle column
    ([[1, 2], [0, 0]], [3, 0]),                                    # zero row, 0 = 0
    ([[1, 2], [0, 0]], [3, 1]),                                    # zero row, 0 = 1
    ([[0, 0], [1, 2]], [0, 3]),
    (np.zeros((2, 2)), [0, 0]),                                    # every x solves it
    (np.zeros((2, 3)), [1, 0]),                                    # nothing does
    (_ROUND_OFF, [0.6, 1.5, 2.4]),                                 # infinite, round-off
    (_ROUND_OFF, [0.6, 1.5, 2.5]),                                 # none, round-off
    *_RESCALED_SYSTEMS,
    ([[], []], [1, 2]),                                            # no unknowns: ValueError
    (np.zeros((0, 3)), []),                                        # no equations: ValueError
)

_UNSCALED_MATRICES = tuple((M,) for M in _HAND_MATRICES
                           if M is not _BIG_ROUND_OFF and M is not _TINY)
"""The hand cases a learner with an absolute tolerance gets right."""
_UNSCALED_SYSTEMS = tuple((A, b) for A, b in _HAND_SYSTEMS
                          if np.size(A) and not any(A is S for S, _ in _RESCALED_SYSTEMS))

_HAND_TRIANGULAR: tuple[tuple[Any, Any], ...] = (
    ([[2, 1], [0, 4]], [4, 8]),
    ([[2, 1], [0, 4]], [3, 3]),                     # fractions from integers
    (np.array([[3, 1, -2], [0, 2, 1], [0, 0, 4]]), np.array([1, 2, 3])),
    ([[1, 2, 3], [0, 1, 4], [0, 0, 1]], [6, 5, 1]),
    ([[5]], [10]),
    ([[-0.5, 2.0, 1.0], [0.0, 1e-3, 1.0], [0.0, 0.0, 8.0]], [1.0, 2.0, 3.0]),
    (np.array([[2.0, 0.0, 1.0, 3.0], [0.0, -1.0, 2.0, 0.5], [0.0, 0.0, 0.25, 1.0],
               [0.0, 0.0, 0.0, 4.0]]), np.array([1.0, 0.0, -1.0, 2.0])),
    ([[1, 2], [0, 0]], [1, 1]),                     # a zero on the diagonal: ValueError
    ([[0, 1], [0, 1]], [1, 1]),
    ([[1, 2, 3], [0, 0, 4], [0, 0, 5]], [1, 2, 3]),
)

_HAND_SWAPS: tuple[Case, ...] = (
    ([[1, 2], [3, 4]], 0, 1),
    (np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), 0, 2),
    (np.array([[0.5, 1.5, 2.5, 3.5], [1.0, 2.0, 3.0, 4.0], [9.0, 8.0, 7.0, 6.0]]), 2, 1),
    (np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]), 3, 0),
    ([[0, 0, 0], [1, 2, 3]], 0, 1),
    ([[1, 2], [3, 4]], 1, 1),                       # the same row: a copy
    ([[1, 2, 3]], 0, 0),
    ([[1, 2], [3, 4]], 0, 2),                       # out of range: ValueError
    ([[1, 2], [3, 4]], -1, 0),                      # negative: ValueError
    (np.array([[1.0, 2.0], [3.0, 4.0]]), 1, 5),
)

_HAND_SCALES: tuple[Case, ...] = (
    ([[2, 4], [3, 5]], 0, 0.5),
    (np.array([[2, 4], [3, 5]]), 1, 1 / 3),         # integer array: fractions
    (np.array([[1.0, -2.0, 3.0], [0.5, 0.0, 1.0], [2.0, 2.0, 2.0]]), 2, -2.0),
    ([[1, 2], [3, 4], [5, 6]], 2, 1e-14),           # tiny but not zero
    ([[0, 0], [1, 1]], 0, 7),
    ([[1, 2], [3, 4]], 0, 0),                       # scaling by 0: ValueError
    (np.array([[1.0, 2.0], [3.0, 4.0]]), 1, 0.0),
    ([[1, 2], [3, 4]], 2, 3.0),                     # out of range: ValueError
    ([[1, 2], [3, 4]], -1, 3.0),
)

_HAND_ADDS: tuple[Case, ...] = (
    ([[1, 2], [3, 4]], 1, 0, -3),
    (np.array([[2, 4, 6], [1, 1, 1]]), 1, 0, -0.25),  # integer array: fractions
    (np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]]), 0, 2, 2.5),
    ([[0, 0], [1, 2], [3, 4]], 0, 2, 1),
    ([[1, 2], [3, 4]], 0, 1, 0),                    # adding 0 times a row changes nothing
    ([[1, 2], [3, 4]], 1, 1, 2),                    # the same row: ValueError
    ([[1, 2], [3, 4]], 2, 0, 1),                    # out of range: ValueError
    ([[1, 2], [3, 4]], 0, -1, 1),
)


def _given(M: NDArray[np.float64], rng: np.random.Generator) -> Any:
    """Hand the array over as a list, a float array or (if whole) an integer array."""
    choice = rng.random()
    if choice < 0.4:
        return M.tolist()
    if choice < 0.7 and np.all(M == np.round(M)):
        return M.astype(np.int64)
    return M


def _random_rank(rng: np.random.Generator) -> NDArray[np.float64]:
    """An m×n matrix of a random rank: a product of integer factors, maybe zero row/column."""
    m, n = (int(k) for k in rng.integers(1, 6, size=2))
    r = int(rng.integers(0, min(m, n) + 1))
    M = rng.integers(-3, 4, size=(m, r)) @ rng.integers(-3, 4, size=(r, n))
    M = M.astype(float)
    if rng.random() < 0.3:
        M[:, rng.integers(0, n)] = 0.0
    if rng.random() < 0.3:
        M[rng.integers(0, m)] = 0.0
    return M / float(rng.choice([1.0, 1.0, 4.0, 10.0]))


def _random_matrix_case(rng: np.random.Generator) -> Case:
    return (_given(_random_rank(rng), rng),)


def _random_rows(rng: np.random.Generator) -> tuple[Any, int]:
    m, n = (int(k) for k in rng.integers(1, 6, size=2))
    M = np.round(rng.uniform(-9, 9, size=(m, n)), int(rng.integers(0, 2)))
    return _given(M, rng), m


def _index(rng: np.random.Generator, m: int) -> int:
    """A row index, out of range one time in ten."""
    return int(rng.integers(0, m)) if rng.random() < 0.9 else int(rng.choice([m, -1]))


def _random_swap(rng: np.random.Generator) -> Case:
    M, m = _random_rows(rng)
    return (M, _index(rng, m), _index(rng, m))


def _random_scale(rng: np.random.Generator) -> Case:
    M, m = _random_rows(rng)
    c = float(rng.choice([0.5, -2.0, 0.25, 3.0, -1.5, 0.1]))
    return (M, _index(rng, m), c)


def _random_add(rng: np.random.Generator) -> Case:
    M, m = _random_rows(rng)
    target, source = _index(rng, m), _index(rng, m)
    return (M, target, source, float(rng.choice([-3.0, -0.5, 0.25, 2.0, 1.5, -1.0])))


def _random_triangular(rng: np.random.Generator) -> Case:
    n = int(rng.integers(1, 7))
    U = np.triu(np.round(rng.uniform(-5, 5, size=(n, n)), 1))
    diagonal = rng.choice([-1.0, 1.0], size=n) * np.round(rng.uniform(0.5, 5, size=n), 1)
    U[np.diag_indices(n)] = diagonal
    return (_given(U, rng), _given(np.round(rng.uniform(-9, 9, size=n), 1), rng))


def _random_system(rng: np.random.Generator) -> Case:
    A = _random_rank(rng)
    m, n = A.shape
    if rng.random() < 0.6:
        b = A @ rng.integers(-3, 4, size=n)         # consistent
    else:
        b = rng.integers(-5, 6, size=m).astype(float)
    return (_given(A, rng), _given(b, rng))


# ---------------------------------------------------------------------------
# Hints: after a failure, probe the learner's function for well-known mistakes
# ---------------------------------------------------------------------------


def _returns(fn: Callable[..., Any], *args: Any) -> bool:
    """The function returns a value (of any kind) instead of raising."""
    return _answer(fn, *args) is not NO_ANSWER


def _raises_value_error(fn: Callable[..., Any], *args: Any) -> bool:
    try:
        _answer_or_raise(fn, *args)
    except ValueError:
        return True
    except Exception:
        return False
    return False


def _answer_or_raise(fn: Callable[..., Any], *args: Any) -> Any:
    """The learner's result on a fresh copy of ``args``, quietly; exceptions pass through."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return fn(*copy.deepcopy(args))


def _changes_float_input(fn: Callable[..., Any], *args: Any) -> bool:
    """Called on float arrays, the function changes one (np.asarray makes no copy).

    The first argument and every other array argument are handed over as float arrays.
    """
    given = [np.array(a, dtype=float) if k == 0 or isinstance(a, np.ndarray)
             else copy.deepcopy(a) for k, a in enumerate(args)]
    before = [a.copy() if isinstance(a, np.ndarray) else None for a in given]
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            fn(*given)
        except Exception:
            return False
    return any(old is not None and not np.array_equal(new, old)
               for new, old in zip(given, before, strict=True))


def _truncates(fn: Callable[..., Any], args: tuple[Any, ...], expected: Any) -> bool:
    """Right on float input, wrong on the same integer input: integer arithmetic.

    The array arguments are handed over as floats, then as integers; the others as they are.
    """
    def typed(dtype: type) -> list[Any]:
        return [a.astype(dtype) if isinstance(a, np.ndarray) else a for a in args]

    as_floats = _answer(fn, *typed(float))
    as_integers = _answer(fn, *typed(np.int64))
    return _close(as_floats, expected) and not _close(as_integers, expected)


_HINT_COPY = (
    "np.asarray(M, dtype=float) makes no copy when M already is a float array, so your "
    "function changed the caller's array. Start with M = np.array(M, dtype=float), "
    "which always copies."
)
_HINT_TRUNCATION = (
    "your code works in integers: np.array([[2, 4], [3, 5]]) has an integer dtype, and "
    "storing a fraction into it cuts the fraction off. Convert first: "
    "M = np.array(M, dtype=float)."
)
_HINT_INDEX = (
    "check every row index: 0 <= i < m, and raise ValueError otherwise. NumPy reads -1 "
    "as the last row and raises IndexError (not ValueError) past the end."
)
_HINT_ZERO_COLUMN = (
    "when a column has no non-zero entry at or below the current row, move on to the next "
    "column but stay on the same row: the pivot row and the pivot column are two "
    "counters, not one (lesson: Row echelon form, pivots and free variables)."
)
_HINT_SWAP = (
    "when the pivot position holds 0, swap the row with a lower one whose entry in that "
    "column is not 0 before eliminating (better still, always swap up the entry of "
    "largest size: partial pivoting)."
)
_HINT_PIVOTING = (
    "a pivot of 1e-7 next to 1 is not zero, but dividing by it makes the multiplier 1e7 "
    "and about 7 digits are lost to round-off. Use partial pivoting: in each column swap "
    "up the entry of largest absolute value, even when the pivot is not zero (lesson: "
    "Gaussian elimination, why pivoting)."
)
_HINT_ROUND_OFF = (
    "elimination in floating point leaves round-off such as 1e-16 where there should be "
    "0, so an == 0 test finds a pivot that is not there. Count an entry as zero when "
    "abs(entry) <= 1e-10 * (largest |entry| of M)."
)
_HINT_RELATIVE = (
    "the tolerance must be relative: 1e-10 * (largest |entry| of M). A fixed 1e-10 "
    "counts every entry of a matrix of size 1e-12 as zero, and takes the round-off "
    "(about 1e-8) of a matrix of size 1e8 for a pivot."
)
_HINT_RAISES_ON_NONE = (
    "your function raised on a system with no solution: a pivot in the b column "
    "(column n) is a row 0 = 1; return (\"none\", None) before reading off x."
)


def _fine(fn: Callable[..., Any], reference: Callable[..., Any],
          cases: tuple[tuple[Any, ...], ...],
          compare: Callable[[Any, Any], bool | str] | None = None) -> bool:
    """Right on these plain cases (so a failure elsewhere is about one mistake)."""
    for args in cases:
        got, expected = _answer(fn, *args), reference(*args)
        if compare is None:
            if not _close(got, expected):
                return False
        elif compare(expected, got) is not True:
            return False
    return True


def _row_op_hints(reference: Callable[..., Any], plain: tuple[Any, ...],
                  integer: tuple[Any, ...], bad_index: tuple[Any, ...]
                  ) -> list[tuple[Detector, str]]:
    """Hints shared by the three row operations."""
    return [
        (lambda fn: _changes_float_input(fn, *plain), _HINT_COPY),
        (lambda fn: _truncates(fn, integer, reference(*integer)), _HINT_TRUNCATION),
        (lambda fn: _fine(fn, reference, (plain,)) and not _raises_value_error(fn, *bad_index),
         _HINT_INDEX),
    ]


def _swap_hints() -> tuple[tuple[Detector, str], ...]:
    M = np.array([[1.0, 2.0], [3.0, 4.0]])
    return (
        (lambda fn: _close(_answer(fn, M, 0, 1), [[3.0, 4.0], [3.0, 4.0]])
         or _close(_answer(fn, M, 0, 1), [[1.0, 2.0], [1.0, 2.0]]),
         "both rows hold the same values: in NumPy M[i] is a view, so "
         "M[i], M[j] = M[j], M[i] copies row j into row i before row i is read. Swap with "
         "fancy indexing, M[[i, j]] = M[[j, i]]."),
        *_row_op_hints(_swap, (M, 0, 1), (M, 0, 1), ([[1, 2], [3, 4]], 0, 2)),
    )


def _scale_hints() -> tuple[tuple[Detector, str], ...]:
    plain = (np.array([[2.0, 4.0], [3.0, 5.0]]), 0, 0.5)
    return (
        (lambda fn: _fine(fn, _scale, (plain,)) and not _raises_value_error(
            fn, [[1, 2], [3, 4]], 0, 0),
         "scaling a row by 0 wipes out an equation, and no row operation brings it back, "
         "so it is not a row operation: raise ValueError when c == 0."),
        *_row_op_hints(_scale, plain, (plain[0], 1, 0.5), ([[1, 2], [3, 4]], 2, 3.0)),
    )


def _add_hints() -> tuple[tuple[Detector, str], ...]:
    M = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])
    plain = (M, 1, 0, -3.0)
    wrong_sign = _add(M, 1, 0, 3.0)
    wrong_row = _add(M, 0, 1, -3.0)
    return (
        (lambda fn: _close(_answer(fn, *plain), wrong_sign),
         "the sign is flipped: add_row_multiple(M, target, source, c) ADDS c times the "
         "source row, R_target <- R_target + c R_source. To subtract 3 R_1, the caller "
         "passes c = -3."),
        (lambda fn: _close(_answer(fn, *plain), wrong_row),
         "the wrong row changed: the target row changes, R_target <- R_target + "
         "c R_source, and the source row stays as it is."),
        (lambda fn: _fine(fn, _add, (plain,)) and not _raises_value_error(
            fn, [[1, 2], [3, 4]], 1, 1, 2),
         "R_i <- R_i + c R_i is scaling by 1 + c (and c = -1 wipes the row out): raise "
         "ValueError when target == source."),
        *_row_op_hints(_add, plain, (np.array([[2.0, 4.0, 6.0], [1.0, 1.0, 1.0]]), 1, 0, -0.25),
                       ([[1, 2], [3, 4]], 2, 0, 1)),
    )


_PLAIN_MATRICES = (([[1.0, 2.0], [3.0, 4.0]],), ([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0],
                                                  [-2.0, 1.0, 2.0]],))
_ZERO_COLUMN = ([[0.0, 1.0, 2.0], [0.0, 3.0, 4.0], [0.0, 5.0, 7.0]],)
_SKIPS_A_COLUMN = ([[1.0, 2.0, 3.0], [2.0, 4.0, 7.0]],)
_ZERO_PIVOT = ([[0.0, 2.0, 1.0], [1.0, 1.0, 1.0], [2.0, 1.0, 3.0]],)
_TALL_ROUND_OFF = ([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9], [0.2, 0.4, 0.6]],)
_INTEGER_MATRIX = (np.array([[1, 2], [3, 4]]),)  # 2 - (1/3) 4 truncates to 0: rank 1


def _elimination_hints(reference: Callable[..., Any],
                       compare: Callable[[Any, Any], bool | str] | None
                       ) -> list[tuple[Detector, str]]:
    """Hints shared by row_echelon, rref and rank."""

    def fine(fn: Callable[..., Any]) -> bool:
        return _fine(fn, reference, _PLAIN_MATRICES, compare)

    def wrong(fn: Callable[..., Any], case: tuple[Any, ...]) -> bool:
        return not _fine(fn, reference, (case,), compare)

    def wrong_value(fn: Callable[..., Any], case: tuple[Any, ...]) -> bool:
        """Returns a wrong value on ``case`` (an exception is another mistake)."""
        return _returns(fn, *case) and wrong(fn, case)

    def staircase_wrong(fn: Callable[..., Any], case: tuple[Any, ...]) -> bool:
        """Wrong on ``case``; for an echelon form, because the staircase is broken."""
        if compare is None:
            return wrong_value(fn, case)
        verdict = compare(reference(*case), _answer(fn, *case))
        return isinstance(verdict, str) and "not in row echelon form" in verdict

    hints: list[tuple[Detector, str]] = [
        (lambda fn: _changes_float_input(fn, *_PLAIN_MATRICES[1]), _HINT_COPY),
        (lambda fn: fine(fn) and wrong(fn, _ZERO_PIVOT), _HINT_SWAP),
        (lambda fn: fine(fn) and (wrong_value(fn, (_NEAR_ZERO,))
                                  or wrong_value(fn, (_SMALL_PIVOT,))), _HINT_PIVOTING),
        (lambda fn: fine(fn) and (wrong_value(fn, (_ROUND_OFF,))
                                  or wrong_value(fn, _TALL_ROUND_OFF)), _HINT_ROUND_OFF),
        (lambda fn: fine(fn) and (wrong_value(fn, (_BIG_ROUND_OFF,)) or wrong_value(fn, (_TINY,)))
         and _fine(fn, reference, _UNSCALED_MATRICES, compare), _HINT_RELATIVE),
        (lambda fn: fine(fn) and (staircase_wrong(fn, _ZERO_COLUMN)
                                  or staircase_wrong(fn, _SKIPS_A_COLUMN)), _HINT_ZERO_COLUMN),
        (lambda fn: fine(fn) and wrong(fn, (_INTEGER_MATRIX[0].astype(np.int64),))
         and not wrong(fn, (_INTEGER_MATRIX[0].astype(float),)), _HINT_TRUNCATION),
    ]
    return hints


def _echelon_hints() -> tuple[tuple[Detector, str], ...]:
    return tuple(_elimination_hints(_echelon, _compare_echelon))


def _rref_hints() -> tuple[tuple[Detector, str], ...]:
    M = [[2.0, 4.0], [1.0, 3.0]]

    def looks(fn: Callable[..., Any], test: Callable[[NDArray[np.float64]], bool]) -> bool:
        got = _floats(_answer(fn, M))
        return got is not None and got.shape == (2, 2) and test(got)

    return (
        (lambda fn: looks(fn, lambda R: bool(np.allclose([R[0, 0], R[1, 1]], 1)
                                             and np.isclose(R[1, 0], 0) and abs(R[0, 1]) > 1e-9)),
         "clear the entries above each pivot too: going from the last pivot up, subtract "
         "multiples of the pivot row from the rows above it."),
        (lambda fn: looks(fn, lambda R: bool(np.allclose([R[0, 1], R[1, 0]], 0)
                                             and np.all(np.abs(np.diag(R)) > 1e-9)
                                             and not np.allclose(np.diag(R), 1))),
         "scale each pivot row so that its pivot is 1 (divide the row by its pivot)."),
        *_elimination_hints(_rref, None),
    )


def _rank_hints() -> tuple[tuple[Detector, str], ...]:
    return (
        (lambda fn: _answer(fn, [[1.0, 2.0], [2.0, 4.0]]) == 2
         and _answer(fn, [[1.0, 2.0], [3.0, 4.0]]) == 2,
         "the rank is the number of pivots after elimination, not the number of rows or "
         "columns: [[1, 2], [2, 4]] has rank 1."),
        *_elimination_hints(_rank, None),
    )


def _back_hints() -> tuple[tuple[Detector, str], ...]:
    U, c = np.array([[2.0, 1.0], [0.0, 4.0]]), np.array([4.0, 8.0])
    unit = np.array([c[0] - U[0, 1] * c[1], c[1]])     # as if the diagonal were 1s

    def fine(fn: Callable[..., Any]) -> bool:
        return _close(_answer(fn, U, c), _back(U, c))

    return (
        (lambda fn: _close(_answer(fn, U, c), unit),
         "divide by the diagonal entry: x_i = (c_i - sum of u_ij x_j for j > i) / u_ii. "
         "Only after scaling the pivots to 1 can you skip that division."),
        (lambda fn: fine(fn) and not _raises_value_error(fn, [[1.0, 2.0], [0.0, 0.0]],
                                                         [1.0, 1.0]),
         "a 0 on the diagonal means the unknown x_i is not determined: check the diagonal "
         "first and raise ValueError (NumPy's division by 0 gives inf or nan, not an error)."),
        (lambda fn: _truncates(fn, (np.array([[2, 1], [0, 4]]), np.array([3, 3])),
                               _back([[2, 1], [0, 4]], [3, 3])),
         _HINT_TRUNCATION),
        (lambda fn: _changes_float_input(fn, U, c), _HINT_COPY),
    )


def _says_kind(fn: Callable[..., Any], A: Any, b: Any, kind: str) -> bool:
    got = _answer(fn, A, b)
    return (isinstance(got, (tuple, list)) and len(got) == 2 and isinstance(got[0], str)
            and got[0] == kind)


_UNIQUE = ([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0])
_INFINITE = ([[1.0, 1.0, 1.0], [0.0, 1.0, 2.0]], [6.0, 5.0])
_NONE = ([[1.0, 2.0], [2.0, 4.0]], [3.0, 7.0])
_TALL_NONE = ([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [1.0, 2.0, 4.0])


def _solve_hints() -> tuple[tuple[Detector, str], ...]:
    def fine(fn: Callable[..., Any]) -> bool:
        return _fine(fn, _solve_any, (_UNIQUE,), _compare_solution)

    def kinds_right(fn: Callable[..., Any]) -> bool:
        return fine(fn) and _says_kind(fn, *_INFINITE, "infinite")

    def infinite_problem(fn: Callable[..., Any], words: str) -> bool:
        got = _answer(fn, *_INFINITE)
        if not _says_kind(fn, *_INFINITE, "infinite"):
            return False
        A, b = (np.array(v) for v in _INFINITE)
        problem = _infinite_problem(A, b, 1, got[1])
        return problem is not None and words in problem

    def wrong(fn: Callable[..., Any], A: Any, b: Any) -> bool:
        return not _fine(fn, _solve_any, ((A, b),), _compare_solution)

    def wrong_value(fn: Callable[..., Any], A: Any, b: Any) -> bool:
        """Returns a wrong answer for ``A x = b`` (an exception is another mistake)."""
        return _returns(fn, A, b) and wrong(fn, A, b)

    return (
        (lambda fn: kinds_right(fn) and _says_kind(fn, *_NONE, "infinite"),
         "rank A < n alone does not mean infinitely many solutions: compare rank A with "
         "rank [A | b]. A pivot in the b column is a row 0 = c with c != 0: no solution "
         "(lesson: Rank: how much information a system carries)."),
        (lambda fn: fine(fn) and _says_kind(fn, *_TALL_NONE, "unique"),
         "rank A = n does not mean a solution exists: compare rank A with rank [A | b]. "
         "A tall system with independent columns can still contradict itself, and a "
         "least-squares answer is then not a solution."),
        (lambda fn: infinite_problem(fn, "does not solve A p = b"),
         "the particular solution sets every free variable to 0; then each pivot variable "
         "is the last entry (the b column) of its row in the reduced row echelon form."),
        (lambda fn: infinite_problem(fn, "is not a solution of A d = 0"),
         "a direction sets one free variable to 1 and the other free variables to 0; each "
         "pivot variable is then MINUS its row's entry in that free column of the reduced "
         "row echelon form (the b column plays no part)."),
        (lambda fn: fine(fn) and not wrong(fn, [[4.0, 2.0], [1.0, 3.0]], [6.0, 5.0])
         and _says_kind(fn, np.array([[4, 2], [1, 3]]), np.array([6, 5]), "unique")
         and wrong(fn, np.array([[4, 2], [1, 3]]), np.array([6, 5])), _HINT_TRUNCATION),
        (lambda fn: fine(fn) and not (_returns(fn, *_NONE) and _returns(fn, *_TALL_NONE)),
         _HINT_RAISES_ON_NONE),
        (lambda fn: fine(fn) and wrong(fn, [[0.0, 1.0], [1.0, 0.0]], [2.0, 3.0]), _HINT_SWAP),
        (lambda fn: fine(fn) and (wrong_value(fn, [[1e-20, 1.0], [1.0, 1.0]], [1.0, 2.0])
                                  or wrong_value(fn, _SMALL_PIVOT, [1.0, 2.0])),
         _HINT_PIVOTING),
        (lambda fn: fine(fn) and (wrong_value(fn, _ROUND_OFF, [0.6, 1.5, 2.4])
                                  or wrong_value(fn, _ROUND_OFF, [0.6, 1.5, 2.5])),
         _HINT_ROUND_OFF),
        (lambda fn: fine(fn) and any(wrong_value(fn, *case) for case in _RESCALED_SYSTEMS)
         and _fine(fn, _solve_any, _UNSCALED_SYSTEMS, _compare_solution), _HINT_RELATIVE),
        (lambda fn: fine(fn) and (
            wrong_value(fn, [[0.0, 1.0, 2.0], [0.0, 3.0, 4.0], [0.0, 5.0, 7.0]], [1.0, 1.0, 2.0])
            or wrong_value(fn, [[1.0, 0.0, 2.0], [2.0, 0.0, 5.0]], [1.0, 1.0])),
         _HINT_ZERO_COLUMN),
        (lambda fn: _changes_float_input(fn, np.array(_UNIQUE[0]), np.array(_UNIQUE[1])),
         _HINT_COPY),
    )


def _hinted(reference: Callable[..., Any], cases: Callable[[], tuple[Case, ...]], name: str,
            hints: tuple[tuple[Detector, str], ...],
            compare: Callable[[Any, Any], bool | str] | None = None) -> _Hinted:
    return _Hinted(grader(reference, cases, name=name, compare=compare), hints)


_swap_grader = _hinted(_swap, _cases(_HAND_SWAPS, _random_swap, 21), "swap_rows", _swap_hints())
_scale_grader = _hinted(_scale, _cases(_HAND_SCALES, _random_scale, 22), "scale_row",
                        _scale_hints())
_add_grader = _hinted(_add, _cases(_HAND_ADDS, _random_add, 23), "add_row_multiple",
                      _add_hints())
_echelon_grader = _hinted(_echelon, _cases(_single(_HAND_MATRICES), _random_matrix_case, 24),
                          "row_echelon", _echelon_hints(), _compare_echelon)
_rref_grader = _hinted(_rref, _cases(_single(_HAND_MATRICES), _random_matrix_case, 25),
                       "rref", _rref_hints())
_rank_grader = _hinted(_rank, _cases(_single(_HAND_MATRICES), _random_matrix_case, 26),
                       "rank", _rank_hints())
_back_grader = _hinted(_back, _cases(_HAND_TRIANGULAR, _random_triangular, 27),
                       "back_substitution", _back_hints())
_solve_grader = _hinted(_solve_any, _cases(_HAND_SYSTEMS, _random_system, 28), "solve_any",
                        _solve_hints(), _compare_solution)


# ---------------------------------------------------------------------------
# The graders a learner calls
# ---------------------------------------------------------------------------

def swap_rows(fn: Any) -> CheckResult:
    r"""Check your ``swap_rows(M, i, j)``: a copy of ``M`` with rows ``i`` and ``j`` exchanged.

    $R_i \leftrightarrow R_j$, rows numbered from 0. Raise ``ValueError`` when ``i`` or
    ``j`` is not in ``0 .. m-1``; ``i == j`` is allowed (a copy comes back).

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Elimination and the three row operations](../../linear-algebra/week-2/row-operations.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def swap_rows(M, i, j):               # NumPy rows are views
    ...     M = np.array(M, dtype=float)
    ...     if not (0 <= i < len(M) and 0 <= j < len(M)):
    ...         raise ValueError("no such row")
    ...     M[i], M[j] = M[j], M[i]
    ...     return M
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.swap_rows(swap_rows))  # doctest: +NORMALIZE_WHITESPACE
    failed: swap_rows(M=[[1, 2], [3, 4]], i=0, j=1) expected [[3. 4.] [1. 2.]] got [[3. 4.]
    [3. 4.]]
    hint: both rows hold the same values: in NumPy M[i] is a view, so M[i], M[j] = M[j],
    M[i] copies row j into row i before row i is read. Swap with fancy indexing, M[[i, j]] =
    M[[j, i]].
    """
    return _swap_grader(fn)


def scale_row(fn: Any) -> CheckResult:
    r"""Check your ``scale_row(M, i, c)``: a copy of ``M`` with row ``i`` multiplied by ``c``.

    $R_i \leftarrow c\,R_i$. Raise ``ValueError`` when $c = 0$ (that loses an equation)
    or ``i`` is not a row index.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Elimination and the three row operations](../../linear-algebra/week-2/row-operations.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def scale_row(M, i, c):               # integer input stays integer
    ...     M = np.array(M)
    ...     if c == 0 or not 0 <= i < len(M):
    ...         raise ValueError("not a row operation")
    ...     M[i] = c * M[i]
    ...     return M
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.scale_row(scale_row))  # doctest: +NORMALIZE_WHITESPACE
    failed: scale_row(M=array([[2, 4], [3, 5]]), i=1, c=0.3333333333333333) expected [[2. 4.
    ] [1. 1.66666667]] got [[2 4] [1 1]]
    hint: your code works in integers: np.array([[2, 4], [3, 5]]) has an integer dtype, and
    storing a fraction into it cuts the fraction off. Convert first: M = np.array(M,
    dtype=float).
    """
    return _scale_grader(fn)


def add_row_multiple(fn: Any) -> CheckResult:
    r"""Check your ``add_row_multiple(M, target, source, c)``: $R_t \leftarrow R_t + c\,R_s$.

    Only row ``target`` changes. Raise ``ValueError`` when ``target == source`` or an
    index is not a row index.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Elimination and the three row operations](../../linear-algebra/week-2/row-operations.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def add_row_multiple(M, target, source, c):     # subtracts instead
    ...     M = np.array(M, dtype=float)
    ...     if target == source or not (0 <= target < len(M) and 0 <= source < len(M)):
    ...         raise ValueError("not a row operation")
    ...     M[target] = M[target] - c * M[source]
    ...     return M
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.add_row_multiple(add_row_multiple))  # doctest: +NORMALIZE_WHITESPACE
    failed: add_row_multiple(M=[[1, 2], [3, 4]], target=1, source=0, c=-3) expected [[ 1.
    2.] [ 0. -2.]] got [[ 1. 2.] [ 6. 10.]]
    hint: the sign is flipped: add_row_multiple(M, target, source, c) ADDS c times the
    source row, R_target <- R_target + c R_source. To subtract 3 R_1, the caller passes c =
    -3.
    """
    return _add_grader(fn)


def row_echelon(fn: Any) -> CheckResult:
    r"""Check your ``row_echelon(M)``: a row echelon form of ``M``, same shape.

    Any row echelon form passes: zero rows at the bottom, each pivot to the right of the
    one above, and rows spanning the same space as the rows of ``M`` (the grader checks
    these, counting entries at most $10^{-8}$ times the largest one as zero). Use partial
    pivoting: for ``[[1e-7, 1], [1, 1]]`` the first row must not stay a multiple of
    ``[1e-7, 1]``.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Row echelon form, pivots and free variables](../../linear-algebra/week-2/echelon-form.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def row_echelon(M):                   # pivot row = pivot column: no skipping
    ...     M = np.array(M, dtype=float)
    ...     for j in range(min(M.shape)):
    ...         p = j + np.argmax(np.abs(M[j:, j]))
    ...         if abs(M[p, j]) <= 1e-10 * np.abs(M).max():
    ...             continue
    ...         M[[j, p]] = M[[p, j]]
    ...         M[j + 1:] -= np.outer(M[j + 1:, j] / M[j, j], M[j])
    ...     return M
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.row_echelon(row_echelon))  # doctest: +NORMALIZE_WHITESPACE
    failed: row_echelon(M=[[0, 1, 2], [0, 3, 4], [0, 5, 7]]) got [[ 0. 1. 2. ] [ 0. 5. 7. ]
    [ 0. 0. -0.2]], which is not in row echelon form: row 1 starts in column 1, not to the
    right of row 0's pivot in column 1
    hint: when a column has no non-zero entry at or below the current row, move on to the
    next column but stay on the same row: the pivot row and the pivot column are two
    counters, not one (lesson: Row echelon form, pivots and free variables).
    """
    return _echelon_grader(fn)


def rref(fn: Any) -> CheckResult:
    r"""Check your ``rref(M)``: the reduced row echelon form of ``M``.

    A row echelon form whose pivots are 1 and are the only non-zero entries of their
    columns. It is unique, so it is compared entry by entry.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Row echelon form, pivots and free variables](../../linear-algebra/week-2/echelon-form.md#in-code).

    Examples
    --------
    >>> from mathbook import linalg
    >>> def rref(M):                          # pivots never scaled to 1
    ...     return linalg.rref(M) * 2
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.rref(rref))  # doctest: +NORMALIZE_WHITESPACE
    failed: rref(M=[[1, 2], [3, 4]]) expected [[1. 0.] [0. 1.]] got [[2. 0.] [0. 2.]]
    hint: scale each pivot row so that its pivot is 1 (divide the row by its pivot).
    """
    return _rref_grader(fn)


def rank(fn: Any) -> CheckResult:
    r"""Check your ``rank(M)``: the number of pivots of a row echelon form of ``M``, an int.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Rank: how much information a system carries](../../linear-algebra/week-2/rank.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def rank(M):                          # an exact == 0 test
    ...     M, r = np.array(M, dtype=float), 0
    ...     for j in range(M.shape[1]):
    ...         nonzero = np.flatnonzero(M[r:, j] != 0)
    ...         if nonzero.size == 0:
    ...             continue
    ...         M[[r, r + nonzero[0]]] = M[[r + nonzero[0], r]]
    ...         M[r + 1:] -= np.outer(M[r + 1:, j] / M[r, j], M[r])
    ...         r += 1
    ...     return r
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.rank(rank))  # doctest: +NORMALIZE_WHITESPACE
    failed: rank(M=[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]) expected 2 got 3
    hint: elimination in floating point leaves round-off such as 1e-16 where there should be
    0, so an == 0 test finds a pivot that is not there. Count an entry as zero when
    abs(entry) <= 1e-10 * (largest |entry| of M).
    """
    return _rank_grader(fn)


def back_substitution(fn: Any) -> CheckResult:
    r"""Check your ``back_substitution(U, c)``: $\mathbf{x}$ with $\mathbf{U}\mathbf{x} = \mathbf{c}$.

    For a square upper-triangular $\mathbf{U}$, from the last row up:
    $x_i = \bigl(c_i - \sum_{j > i} u_{ij} x_j\bigr) / u_{ii}$. Return an array of shape
    ``(n,)``; raise ``ValueError`` when a diagonal entry is 0.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Gaussian elimination with back substitution](../../linear-algebra/week-2/gaussian-elimination.md#in-code).

    Examples
    --------
    >>> import numpy as np
    >>> def back_substitution(U, c):          # as if every u_ii were 1
    ...     U, x = np.array(U, dtype=float), np.array(c, dtype=float)
    ...     if np.any(np.diag(U) == 0):
    ...         raise ValueError("zero on the diagonal")
    ...     for i in reversed(range(len(x))):
    ...         x[i] = x[i] - U[i, i + 1:] @ x[i + 1:]
    ...     return x
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.back_substitution(back_substitution))  # doctest: +NORMALIZE_WHITESPACE
    failed: back_substitution(U=[[2, 1], [0, 4]], c=[4, 8]) expected [1. 2.] got [-4. 8.]
    hint: divide by the diagonal entry: x_i = (c_i - sum of u_ij x_j for j > i) / u_ii. Only
    after scaling the pivots to 1 can you skip that division.
    """  # noqa: E501
    return _back_grader(fn)


def solve_any(fn: Any) -> CheckResult:
    r"""Check your ``solve_any(A, b)``: how many solutions, and all of them.

    Return ``("unique", x)``, ``("none", None)`` or ``("infinite", (p, D))`` with
    $\mathbf{A}\mathbf{p} = \mathbf{b}$ and the $f = n - \operatorname{rank}\mathbf{A}$
    columns of ``D`` (shape ``(n, f)``) independent solutions of
    $\mathbf{A}\mathbf{d} = \mathbf{0}$: every solution is $\mathbf{p} + \mathbf{D}\mathbf{t}$.
    Any valid ``p`` and ``D`` pass. Compare $\operatorname{rank}\mathbf{A}$,
    $\operatorname{rank}[\mathbf{A} \mid \mathbf{b}]$ and $n$ to classify. Raise
    ``ValueError`` for an empty ``A``. Use partial pivoting: the solution of
    ``[[1e-7, 1], [1, 1]] x = [1, 2]`` must be right to 12 significant digits.

    Parameters
    ----------
    fn : callable
        Your function; ``A`` may have any shape (wide, tall, square).
    {returns}
    See Also
    --------
    Taught in [Row echelon form, pivots and free variables](../../linear-algebra/week-2/echelon-form.md#the-general-solution)
    and [Rank](../../linear-algebra/week-2/rank.md#rank-and-the-number-of-solutions).

    Examples
    --------
    >>> import numpy as np
    >>> def solve_any(A, b):                  # only rank A is compared with n
    ...     A, b = np.array(A, dtype=float), np.array(b, dtype=float)
    ...     if np.linalg.matrix_rank(A) == A.shape[1]:
    ...         return "unique", np.linalg.lstsq(A, b, rcond=None)[0]
    ...     return "infinite", None
    >>> from mathbook.check import linalg_w2
    >>> print(linalg_w2.solve_any(solve_any))  # doctest: +NORMALIZE_WHITESPACE
    failed: solve_any(A=[[1, 2], [2, 4]], b=[3, 7]) expected kind 'none' got 'infinite'
    hint: rank A < n alone does not mean infinitely many solutions: compare rank A with rank
    [A | b]. A pivot in the b column is a row 0 = c with c != 0: no solution (lesson: Rank:
    how much information a system carries).
    """  # noqa: E501
    return _solve_grader(fn)


_document_returns(swap_rows, scale_row, add_row_multiple, row_echelon, rref, rank,
                  back_substitution, solve_any)
