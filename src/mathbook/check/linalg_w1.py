r"""Graders for the lab of Part 1, Week 1: systems of linear equations.

The lab asks you to write seven functions. Four are for a 2×2 system
$\mathbf{A}\mathbf{x} = \mathbf{b}$, with

$$\mathbf{A} = \begin{bmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{bmatrix}:$$

* `det_2x2(A)` must return $a_{11}a_{22} - a_{12}a_{21}$;
* `is_singular(A)` must return `True` exactly when $\det \mathbf{A} = 0$, allowing
  for round-off with a tolerance *relative to the entries*,
  $|\det \mathbf{A}| \le \text{tol} \cdot \max_{ij} |a_{ij}|^2$ (any tol from
  $10^{-12}$ to $10^{-6}$ passes; no absolute tolerance does);
* `solve_2x2(A, b)` must return the solution as an array of shape `(2,)`, and raise
  `ValueError` when $\mathbf{A}$ is singular;
* `classify_2x2(A, b)` must return `"unique"`, `"none"` or `"infinite"`: how many
  solutions the system has.

Three go beyond 2×2:

* `det_3x3(A)` must return the determinant of a 3×3 matrix;
* `det_triangular(U)` must return the product of the diagonal of a square triangular
  matrix (upper or lower), and raise `ValueError` when `U` is not triangular;
* `is_singular_nxn(A)` must say whether a square matrix of any size is singular, as
  `np.linalg.matrix_rank` does.

The graders have the same names: `check.linalg_w1.solve_2x2(solve_2x2)` grades your
`solve_2x2`. When a failure looks like a well-known mistake (an absolute tolerance, a
flipped sign, a transposed matrix, an integer array that truncates fractions, trusting
`np.linalg.solve` to notice a singular matrix), the message ends with a hint.

``A`` may arrive as a nested list (``[[1, 2], [3, 4]]``, possibly of integers) or as a
NumPy array, and ``b`` as a list or a 1-D array; your function must not change them.
The cases include singular systems with parallel lines (no solution) and coincident
lines (infinitely many), a zero matrix, zero rows and zero columns in each position, a
matrix whose first entry is zero, tiny and huge matrices, and matrices such as
``[[0.1, 0.3], [0.3, 0.9]]`` that are singular on paper but whose determinant
computed in floating point is $1.4 \times 10^{-17}$, not $0$.

Examples
--------
>>> from mathbook import check
>>> def det_2x2(A):
...     return A[0][0] * A[1][1] - A[0][1] * A[1][0]
>>> check.linalg_w1.det_2x2(det_2x2).passed
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook.check._core import Case, CheckResult, grader, random_cases
from mathbook.check._hints import NO_ANSWER as _NO_ANSWER
from mathbook.check._hints import Detector
from mathbook.check._hints import Hinted as _Hinted
from mathbook.check._hints import answer as _answer
from mathbook.check._hints import document_returns as _document_returns
from mathbook.check._hints import raises as _raises

__all__ = [
    "classify_2x2",
    "det_2x2",
    "det_3x3",
    "det_triangular",
    "is_singular",
    "is_singular_nxn",
    "solve_2x2",
]

_SINGULAR_RTOL = 1e-10
"""A counts as singular when |det A| <= 1e-10 * (largest |entry|)**2."""


# ---------------------------------------------------------------------------
# Reference solutions (hidden from learners' messages). Their parameter names are
# the learner-facing ones, which messages show: "solve_2x2(A=[[1, 2], [3, 4]], b=…)".
# ---------------------------------------------------------------------------


def _entries(A: ArrayLike) -> tuple[float, float, float, float]:
    M = np.asarray(A, dtype=np.float64)
    return float(M[0, 0]), float(M[0, 1]), float(M[1, 0]), float(M[1, 1])


def _det(A: ArrayLike) -> float:
    a11, a12, a21, a22 = _entries(A)
    return a11 * a22 - a12 * a21


def _singular(A: ArrayLike) -> bool:
    scale = float(np.max(np.abs(np.asarray(A, dtype=np.float64))))
    return bool(abs(_det(A)) <= _SINGULAR_RTOL * scale**2)


def _solve(A: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    if _singular(A):
        raise ValueError("A is singular: the system has no unique solution")
    a11, a12, a21, a22 = _entries(A)
    b1, b2 = (float(v) for v in np.asarray(b, dtype=np.float64))
    det = a11 * a22 - a12 * a21
    return np.array([(a22 * b1 - a12 * b2) / det, (a11 * b2 - a21 * b1) / det])


def _rank(M: ArrayLike) -> int:
    s = np.linalg.svd(np.asarray(M, dtype=np.float64), compute_uv=False)
    return 0 if s[0] == 0 else int(np.sum(s > _SINGULAR_RTOL * s[0]))


def _classify(A: ArrayLike, b: ArrayLike) -> str:
    if not _singular(A):
        return "unique"
    augmented = np.column_stack([np.asarray(A, dtype=np.float64), np.asarray(b, dtype=float)])
    return "infinite" if _rank(A) == _rank(augmented) else "none"


def _det3(A: ArrayLike) -> float:
    M = np.asarray(A, dtype=np.float64)
    signs = (1.0, -1.0, 1.0)
    return sum(signs[j] * float(M[0, j]) * _det(np.delete(M[1:], j, axis=1)) for j in range(3))


def _triangular_det(U: ArrayLike) -> float:
    M = np.asarray(U, dtype=np.float64)
    if np.any(np.triu(M, 1)) and np.any(np.tril(M, -1)):
        raise ValueError("U is not triangular: its determinant is not the diagonal product")
    return float(np.prod(np.diag(M)))


def _singular_nxn(A: ArrayLike) -> bool:
    M = np.asarray(A, dtype=np.float64)
    return bool(np.linalg.matrix_rank(M) < M.shape[0])


# ---------------------------------------------------------------------------
# Cases: hand-picked ones first (they give the clearest messages), then random ones
# ---------------------------------------------------------------------------

_TINY = [[1e-4, 0.0], [0.0, 1e-4]]
"""1e-4 · I: det = 1e-8, yet perfectly non-singular."""

_HUGE_SINGULAR = (1e8 * np.array([[1.1, 2.3], [3.3, 6.9]])).tolist()
"""1e8 · (a singular matrix): round-off alone makes a11 a22 - a12 a21 = 32."""

_ROUND_OFF = [[0.1, 0.3], [0.3, 0.9]]
"""Singular on paper (row 2 = 3 × row 1); its determinant is 1.4e-17 in floats."""

_HAND_MATRICES: tuple[Any, ...] = (
    [[1, 2], [3, 4]],                       # integers, the running example
    [[2, 1], [1, 3]],
    [[1, 0], [0, 1]],                       # identity
    [[0, 1], [1, 0]],                       # zero first pivot: elimination must swap rows
    [[0, 2], [3, 1]],
    [[-1.5, 2.0], [4.0, -0.5]],
    np.array([[3, -2], [5, 7]]),            # integer NumPy array
    np.array([[0.25, 1.5], [-2.0, 0.75]]),
    [[1, 2], [2, 4]],                       # singular: second row = 2 × first
    [[0.1, 0.2], [0.3, 0.6]],               # singular on paper
    _ROUND_OFF,
    np.array([[0.2, 0.7], [1.4, 4.9]]),     # singular on paper, det = 2.2e-16 in floats
    [[1, 2], [0, 0]],                       # a zero second row
    [[0, 0], [1, 2]],                       # a zero first row
    [[1, 0], [2, 0]],                       # a zero second column
    [[0, 1], [0, 2]],                       # a zero first column
    [[0, 0], [0, 0]],                       # the zero matrix
    [[1, 2], [2, 4.001]],                   # nearly singular but NOT singular
    _TINY,                                  # tiny entries: an absolute tolerance fails here
)

# Huge entries: an absolute tolerance fails here (or on _TINY). Not a case for det_2x2,
# whose exact answer 0 no floating-point formula reproduces at this scale.
_SINGULARITY_MATRICES = (*_HAND_MATRICES, _HUGE_SINGULAR)

# For the systems: (A, b) with unique, no and infinitely many solutions.
_HAND_SYSTEMS: tuple[tuple[Any, Any], ...] = (
    ([[1, 2], [3, 4]], [5, 6]),
    ([[2, 1], [1, 3]], [3, 5]),
    ([[1, 0], [0, 1]], [7, -2]),
    ([[0, 1], [1, 0]], [2, 3]),
    ([[0, 2], [3, 1]], [4, 5]),
    ([[-1.5, 2.0], [4.0, -0.5]], [0.5, 1.25]),
    (np.array([[3, -2], [5, 7]]), np.array([1, 2])),
    (np.array([[0.25, 1.5], [-2.0, 0.75]]), np.array([0.0, 0.0])),
    ([[4, 2], [1, 3]], [6, 5]),                     # integer input, fractional steps
    ([[1, 2], [2, 4.001]], [3, 6]),
    (_TINY, [1e-4, 2e-4]),
    ([[1, 2], [2, 4]], [3, 7]),                     # parallel lines: no solution
    ([[1, 2], [2, 4]], [3, 6]),                     # coincident lines: infinitely many
    ([[1, 2], [2, 4]], [0, 0]),
    ([[0.1, 0.2], [0.3, 0.6]], [0.3, 0.9]),         # coincident, with decimals
    ([[0.1, 0.2], [0.3, 0.6]], [0.3, 1.0]),         # parallel, with decimals
    (_ROUND_OFF, [0.2, 0.6]),                       # coincident, det != 0 in floats
    (_ROUND_OFF, [0.2, 0.5]),                       # parallel, det != 0 in floats
    (np.array([[0.2, 0.7], [1.4, 4.9]]), np.array([1.0, 7.0])),
    (_HUGE_SINGULAR, [1.1, 3.3]),                   # coincident, huge entries
    ([[1, 2], [0, 0]], [3, 0]),                     # 0 = 0: infinitely many
    ([[1, 2], [0, 0]], [3, 1]),                     # 0 = 1: none
    ([[0, 0], [1, 2]], [0, 3]),                     # zero first row, 0 = 0
    ([[0, 0], [1, 2]], [1, 3]),                     # zero first row, 0 = 1
    ([[1, 0], [2, 0]], [1, 2]),                     # zero second column
    ([[1, 0], [2, 0]], [1, 3]),
    ([[0, 1], [0, 2]], [1, 2]),                     # zero first column: y = 1, 2y = 2
    ([[0, 1], [0, 2]], [1, 3]),                     # zero first column: y = 1, 2y = 3
    ([[0, 0], [0, 0]], [0, 0]),                     # every x solves it
    ([[0, 0], [0, 0]], [1, 0]),                     # nothing solves it
)

_HAND_3X3: tuple[Any, ...] = (
    [[2, 1, 0], [1, 3, 1], [0, 1, 2]],
    [[1, 2, 1], [2, 4, 3], [3, 7, 4]],              # the lesson's worked example
    [[1, 0, 2], [0, 1, -1], [1, 1, 1]],             # singular: row 3 = row 1 + row 2
    [[0, 1, 2], [3, 4, 5], [6, 7, 9]],              # zero first entry
    [[0, 0, 0], [1, 2, 3], [4, 5, 6]],              # zero first row
    [[1, 2, 3], [0, 0, 0], [4, 5, 7]],              # zero middle row
    [[0, 1, 2], [0, 3, 4], [0, 5, 6]],              # zero first column
    [[2, 5, -1], [0, 3, 7], [0, 0, -4]],            # upper triangular
    np.array([[0.5, -1.5, 2.0], [1.0, 0.25, -3.0], [2.0, 2.0, 0.5]]),
    np.eye(3),
    [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]],
)

_HAND_TRIANGULAR: tuple[Any, ...] = (
    [[2, 5, -1], [0, 3, 7], [0, 0, -4]],            # upper
    [[3, 0, 0], [1, 2, 0], [4, 5, 6]],              # lower
    [[2, 0], [0, 5]],                               # diagonal
    [[7]],
    [[1, 2, 3], [0, 0, 4], [0, 0, 5]],              # a zero pivot: singular
    np.array([[1.5, 2.0, 0.0, 1.0], [0.0, -2.0, 4.0, 0.5], [0.0, 0.0, 0.5, 3.0],
              [0.0, 0.0, 0.0, 4.0]]),
    [[1, 2], [3, 4]],                               # not triangular
    [[1, 2, 0], [0, 1, 0], [1, 0, 1]],              # not triangular
)

_HAND_SQUARE: tuple[Any, ...] = (
    [[5]],
    [[0]],
    [[1, 2], [3, 4]],
    [[1, 2], [2, 4]],
    _ROUND_OFF,
    [[1, 0, 2], [0, 1, -1], [1, 1, 1]],
    [[1, 2, 1], [2, 4, 3], [3, 7, 4]],
    [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]],
    np.array([[2.0, 1, 0, 3], [1, 1, 1, 1], [3, 2, 1, 4], [0, 1, 2, 0]]),  # row 3 = 1 + 2
    (1e-4 * np.eye(4)).tolist(),                    # det = 1e-16, rank 4
    _HUGE_SINGULAR,
    np.zeros((3, 3)),
    np.eye(5),
)

_MULTIPLIERS = (0.1, 0.3, 0.7, -0.2, 1.5, 3.0, -2.5, 1.1)


def _as_given(M: NDArray[np.float64], rng: np.random.Generator) -> Any:
    """Hand the array over as a NumPy array or as a nested list, at random."""
    return M if rng.random() < 0.5 else M.tolist()


def _random_regular(rng: np.random.Generator) -> NDArray[np.float64]:
    """A random 2×2 matrix, entries with one decimal, safely far from singular."""
    while True:
        M = np.round(rng.uniform(-9, 9, size=(2, 2)), 1)
        if abs(_det(M)) >= 0.5:
            return M


def _random_singular(rng: np.random.Generator) -> tuple[NDArray[np.float64], float]:
    """A rank-1 matrix: second row = k × first row (round-off makes det ≈ 1e-16)."""
    row = np.round(rng.uniform(-9, 9, size=2), 1)
    while np.all(row == 0):
        row = np.round(rng.uniform(-9, 9, size=2), 1)
    k = float(rng.choice(_MULTIPLIERS))
    return np.vstack([row, k * row]), k


def _random_matrix_case(rng: np.random.Generator) -> Case:
    M = _random_singular(rng)[0] if rng.random() < 0.3 else _random_regular(rng)
    return (_as_given(M, rng),)


def _random_system_case(rng: np.random.Generator) -> Case:
    if rng.random() < 0.65:
        A = _random_regular(rng)
        b = np.round(rng.uniform(-9, 9, size=2), 1)
    else:
        A, k = _random_singular(rng)
        b1 = float(np.round(rng.uniform(-9, 9), 1))
        shift = 0.0 if rng.random() < 0.5 else float(rng.choice([-3.0, -1.0, 1.0, 2.0]))
        b = np.array([b1, k * b1 + shift])  # consistent exactly when shift == 0
    return (_as_given(A, rng), _as_given(b, rng))


def _random_3x3_case(rng: np.random.Generator) -> Case:
    """Integers or one-decimal entries; a third of them singular (row 3 = α r1 + β r2)."""
    M = np.round(rng.uniform(-9, 9, size=(3, 3)), int(rng.integers(0, 2)))
    if rng.random() < 1 / 3:
        alpha, beta = rng.integers(-3, 4, size=2)
        M[2] = alpha * M[0] + beta * M[1]
    return (_as_given(M, rng),)


def _random_triangular_case(rng: np.random.Generator) -> Case:
    n = int(rng.integers(2, 6))
    M = np.round(rng.uniform(-5, 5, size=(n, n)), 1)
    shape = rng.choice(["upper", "lower", "neither"], p=[0.4, 0.4, 0.2])
    if shape == "upper":
        M = np.triu(M)
    elif shape == "lower":
        M = np.tril(M)
    return (_as_given(M, rng),)


def _random_square_case(rng: np.random.Generator) -> Case:
    """An n×n matrix of rank n or less, built as a product of random factors."""
    n = int(rng.integers(2, 6))
    rank = n if rng.random() < 0.5 else int(rng.integers(0, n))
    left = rng.integers(-4, 5, size=(n, rank)).astype(float)
    right = rng.integers(-4, 5, size=(rank, n)).astype(float)
    M = left @ right if rank > 0 else np.zeros((n, n))
    while rank == n and np.linalg.matrix_rank(M) < n:
        M = M + np.eye(n)
    return (_as_given(M, rng),)


def _cases(hand: Sequence[Case], generator: Callable[[np.random.Generator], Case],
           seed: int) -> Callable[[], tuple[Case, ...]]:
    """Hand-picked cases, then 20 seeded random ones, built at the first grading."""

    @functools.cache
    def build() -> tuple[Case, ...]:
        return tuple(list(hand) + random_cases(generator, 20, seed))

    return build


def _single(matrices: Sequence[Any]) -> list[Case]:
    return [(M,) for M in matrices]


# ---------------------------------------------------------------------------
# Hints: after a failure, probe the learner's function for well-known mistakes
# ---------------------------------------------------------------------------

def _close(got: Any, expected: ArrayLike) -> bool:
    """``got`` is a number or array equal to ``expected`` up to round-off."""
    if got is _NO_ANSWER or got is None or isinstance(got, (str, bool, np.bool_)):
        return False
    try:
        values = np.asarray(got, dtype=np.float64)
        wanted = np.asarray(expected, dtype=np.float64)
        return values.shape == wanted.shape and bool(np.allclose(values, wanted, rtol=1e-9))
    except (TypeError, ValueError):
        return False


def _is_pair(value: Any) -> bool:
    """``value`` is two numbers (the shape of a 2×2 solution), however wrong."""
    try:
        return value is not _NO_ANSWER and np.asarray(value, dtype=np.float64).shape == (2,)
    except (TypeError, ValueError):
        return False


def _says(value: Any, expected: bool | str) -> bool:
    """``value`` is exactly the bool or string ``expected`` (never an array comparison)."""
    if isinstance(expected, str):
        return isinstance(value, str) and value == expected
    return isinstance(value, (bool, np.bool_)) and bool(value) == expected


_DECIMALS = [[2.5, 1.5], [0.5, 3.5]]
_DECIMALS_3X3 = [[2.5, 1.5, 0.5], [0.5, 3.5, 1.5], [1.5, 0.5, 2.5]]
_SYSTEM = ([[2, 3], [4, -1]], [8, 2])                     # x = (1, 2)
_SYSTEM_SOLUTION = np.array([1.0, 2.0])
_INTEGER_SYSTEM = ([[4, 2], [1, 3]], [6, 5])              # x = (0.8, 1.4)
_INTEGER_SOLUTION = np.array([0.8, 1.4])
_SIGN_FLIPS = (np.array([-1.0, 1.0]), np.array([1.0, -1.0]), np.array([-1.0, -1.0]))

_HINT_ROUND_OFF = (
    "a matrix that is singular on paper, such as [[0.1, 0.3], [0.3, 0.9]], has a tiny "
    "non-zero determinant in floating point (about 1e-17). Compare with a tolerance, "
    "never with == 0."
)
_HINT_DECIMALS = (
    "the decimals were cut off: converting entries with int() or an integer array "
    "truncates them. Work with floats."
)
_HINT_TRUNCATION = (
    "your code seems to work in integers: np.array([[4, 2], [1, 3]]) has an integer "
    "dtype, and storing a fraction into it truncates it. Convert first, "
    "A = np.array(A, dtype=float)."
)


def _det_hints() -> tuple[tuple[Detector, str], ...]:
    A = [[1, 2], [3, 4]]
    return (
        (lambda fn: _close(_answer(fn, A), -_det(A)),
         "the sign is flipped: the determinant is a11*a22 - a12*a21, the main diagonal "
         "first."),
        (lambda fn: _close(_answer(fn, A), 1 * 4 + 2 * 3),
         "the products are added: the determinant subtracts the second one, "
         "a11*a22 - a12*a21."),
        (lambda fn: _close(_answer(fn, _DECIMALS), _det(np.trunc(_DECIMALS))), _HINT_DECIMALS),
    )


def _sane_singular(fn: Callable[..., Any]) -> bool:
    """Right on two plain matrices, so a wrong answer elsewhere is about tolerance."""
    return _says(_answer(fn, [[1, 2], [3, 4]]), False) and _says(_answer(fn, [[1, 2], [2, 4]]), True)


def _singular_hints() -> tuple[tuple[Detector, str], ...]:
    return (
        (lambda fn: _sane_singular(fn) and _says(_answer(fn, _ROUND_OFF), False),
         _HINT_ROUND_OFF),
        (lambda fn: _sane_singular(fn) and (_says(_answer(fn, _TINY), True)
                                            or _says(_answer(fn, _HUGE_SINGULAR), False)),
         "your tolerance looks absolute. A fixed cut-off of 1e-8 or more calls 1e-4 * I "
         "(det 1e-8, invertible) singular; a smaller one misses 1e8 * (a singular "
         "matrix), whose round-off determinant is larger than 1. Scale it by the "
         "entries: abs(det) <= 1e-10 * (largest |entry|)**2."),
        (lambda fn: _sane_singular(fn) and _says(_answer(fn, [[0, 0], [0, 0]]), False),
         "the zero matrix is singular, but with a relative tolerance its right-hand side "
         "is 0 too: use <=, not <."),
        (lambda fn: _sane_singular(fn) and _says(_answer(fn, [[1, 2], [2, 4.001]]), True),
         "your tolerance is too large: [[1, 2], [2, 4.001]] has determinant 0.001, which "
         "is not round-off. Use something like 1e-10 * (largest |entry|)**2."),
    )


def _truncates(fn: Callable[..., Any]) -> bool:
    """Right on float input, wrong on the same integer system: integer arithmetic."""
    A, b = _INTEGER_SYSTEM
    as_floats = _answer(fn, np.array(A, dtype=float), np.array(b, dtype=float))
    as_integers = (_answer(fn, A, b), _answer(fn, np.array(A), np.array(b)))
    return _close(as_floats, _INTEGER_SOLUTION) and not all(
        _close(x, _INTEGER_SOLUTION) for x in as_integers)


def _solve_hints() -> tuple[tuple[Detector, str], ...]:
    A, b = _SYSTEM
    transposed_solution = np.linalg.solve(np.transpose(A), b)
    return (
        (lambda fn: _is_pair(_answer(fn, _ROUND_OFF, [0.2, 0.5])),
         "np.linalg.solve only raises when it meets an exactly zero pivot. Round-off "
         "makes [[0.1, 0.3], [0.3, 0.9]] look non-singular, so it returns meaningless "
         "numbers. Test is_singular (with its tolerance) first and raise ValueError "
         "yourself."),
        (_truncates, _HINT_TRUNCATION),
        (lambda fn: _close(_answer(fn, A, b), transposed_solution),
         "you solved the system of the transposed matrix: row i of A holds the "
         "coefficients of equation i, so equation 1 is A[0][0]*x + A[0][1]*y = b[0]."),
        (lambda fn: any(_close(_answer(fn, A, b), flip * _SYSTEM_SOLUTION)
                        for flip in _SIGN_FLIPS),
         "a sign is flipped: check the minus signs, x = (a22*b1 - a12*b2)/det and "
         "y = (a11*b2 - a21*b1)/det."),
        (lambda fn: _close(_answer(fn, A, b), _SYSTEM_SOLUTION[::-1]),
         "x and y are swapped: return them in the order of the columns of A, [x, y]."),
    )


def _sane_classify(fn: Callable[..., Any]) -> bool:
    """Right on the three plain cases: one crossing, parallel and coincident lines."""
    A = [[1, 2], [2, 4]]
    return (_says(_answer(fn, [[1, 2], [3, 4]], [5, 6]), "unique")
            and _says(_answer(fn, A, [3, 7]), "none") and _says(_answer(fn, A, [3, 6]), "infinite"))


def _classify_hints() -> tuple[tuple[Detector, str], ...]:
    return (
        (lambda fn: _sane_classify(fn)
         and (_says(_answer(fn, [[0, 1], [0, 2]], [1, 3]), "infinite")
              or _says(_answer(fn, [[1, 0], [2, 0]], [1, 3]), "infinite")),
         "one determinant is not enough. With a zero column, the 2×2 matrix made of that "
         "column and b has determinant 0 for every b. Check b against both columns "
         "(lesson: Reading a system by columns)."),
        (lambda fn: _sane_classify(fn) and _says(_answer(fn, _ROUND_OFF, [0.2, 0.6]), "unique"),
         _HINT_ROUND_OFF),
        (lambda fn: _sane_classify(fn) and _says(_answer(fn, [[0, 0], [0, 0]], [1, 0]), "infinite"),
         "for the zero matrix the equations read 0 = b1 and 0 = b2: infinitely many "
         "solutions only when b is zero."),
    )


def _det3_hints() -> tuple[tuple[Detector, str], ...]:
    A = np.array([[2.0, 1, 3], [1, 3, 1], [4, 1, 2]])
    minors = [_det(np.delete(A[1:], j, axis=1)) for j in range(3)]
    all_plus = sum(float(A[0, j]) * minors[j] for j in range(3))
    six_products = sum(float(np.prod([A[i, (i + s) % 3] for i in range(3)])) +
                       float(np.prod([A[i, (s - i) % 3] for i in range(3)])) for s in range(3))
    return (
        (lambda fn: _close(_answer(fn, A.tolist()), all_plus),
         "the cofactor signs along the first row are +, -, +: subtract the middle term."),
        (lambda fn: _close(_answer(fn, A.tolist()), six_products),
         "with the diagonal rule, the three products running up to the right are "
         "subtracted, not added."),
        (lambda fn: _close(_answer(fn, _DECIMALS_3X3), _det3(np.trunc(_DECIMALS_3X3))),
         _HINT_DECIMALS),
    )


def _triangular_hints() -> tuple[tuple[Detector, str], ...]:
    upper = [[2, 5, -1], [0, 3, 7], [0, 0, -4]]
    lower = np.transpose(upper).tolist()
    return (
        (lambda fn: _close(_answer(fn, upper), float(np.trace(upper))),
         "multiply the diagonal entries (np.prod), do not add them."),
        (lambda fn: _close(_answer(fn, [[1, 2], [3, 4]]), 4.0),
         "for a matrix that is not triangular, the product of the diagonal is not the "
         "determinant: check first (np.triu(U, 1) or np.tril(U, -1) all zero) and "
         "raise ValueError otherwise."),
        (lambda fn: _raises(fn, lower),
         "lower-triangular matrices count too: their determinant is also the product "
         "of the diagonal."),
    )


def _off_by_one(fn: Callable[..., Any]) -> bool:
    """Says singular for one of rank n - 1 and rank 0 but not the other: a wrong cut-off."""
    rank_one, zero = _answer(fn, [[1, 2], [2, 4]]), _answer(fn, np.zeros((2, 2)).tolist())
    return (_says(rank_one, True) and _says(zero, False)) or (
        _says(rank_one, False) and _says(zero, True))


def _nxn_hints() -> tuple[tuple[Detector, str], ...]:
    return (
        (_off_by_one,
         "an n×n matrix is singular exactly when its rank is less than n, whether the "
         "rank is n - 1 or 0: np.linalg.matrix_rank(A) < len(A)."),
        (lambda fn: _says(_answer(fn, [[1, 2], [2, 4]]), True)
         and _says(_answer(fn, _ROUND_OFF), False),
         "np.linalg.det and np.linalg.solve only notice an exactly singular matrix: "
         "round-off hides [[0.1, 0.3], [0.3, 0.9]]. Count independent rows instead, "
         "np.linalg.matrix_rank(A) < len(A)."),
        (lambda fn: _says(_answer(fn, np.eye(3).tolist()), False)
         and _says(_answer(fn, (1e-4 * np.eye(4)).tolist()), True),
         "a tiny determinant is not a zero one: 1e-4 * I has determinant 1e-16 but rank "
         "4. Use np.linalg.matrix_rank(A) < len(A)."),
    )


def _hinted(reference: Callable[..., Any], cases: Callable[[], tuple[Case, ...]], name: str,
            hints: tuple[tuple[Detector, str], ...], rtol: float = 1e-7) -> _Hinted:
    return _Hinted(grader(reference, cases, name=name, rtol=rtol), hints)


_det_grader = _hinted(_det, _cases(_single(_HAND_MATRICES), _random_matrix_case, 11),
                      "det_2x2", _det_hints())
_singular_grader = _hinted(_singular,
                           _cases(_single(_SINGULARITY_MATRICES), _random_matrix_case, 12),
                           "is_singular", _singular_hints())
_solve_grader = _hinted(_solve, _cases(_HAND_SYSTEMS, _random_system_case, 13), "solve_2x2",
                        _solve_hints(), rtol=1e-6)
_classify_grader = _hinted(_classify, _cases(_HAND_SYSTEMS, _random_system_case, 14),
                           "classify_2x2", _classify_hints())
_det3_grader = _hinted(_det3, _cases(_single(_HAND_3X3), _random_3x3_case, 15), "det_3x3",
                       _det3_hints())
_triangular_grader = _hinted(
    _triangular_det, _cases(_single(_HAND_TRIANGULAR), _random_triangular_case, 16),
    "det_triangular", _triangular_hints())
_nxn_grader = _hinted(_singular_nxn, _cases(_single(_HAND_SQUARE), _random_square_case, 17),
                      "is_singular_nxn", _nxn_hints())


# ---------------------------------------------------------------------------
# The graders a learner calls
# ---------------------------------------------------------------------------


def det_2x2(fn: Any) -> CheckResult:
    r"""Check your ``det_2x2(A)``: the determinant $a_{11}a_{22} - a_{12}a_{21}$.

    Parameters
    ----------
    fn : callable
        Your function; it takes ``A`` (a 2×2 nested list or NumPy array) and returns
        a number.

    {returns}

    See Also
    --------
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#the-determinant).

    Examples
    --------
    >>> def det_2x2(A):
    ...     return A[0][1] * A[1][0] - A[0][0] * A[1][1]    # sign flipped
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.det_2x2(det_2x2))
    failed: det_2x2(A=[[1, 2], [3, 4]]) expected -2.0 got 2
    hint: the sign is flipped: the determinant is a11*a22 - a12*a21, the main diagonal first.
    """
    return _det_grader(fn)


def is_singular(fn: Any) -> CheckResult:
    r"""Check your ``is_singular(A)``: ``True`` exactly when the 2×2 matrix is singular.

    A matrix is singular when $\det \mathbf{A} = a_{11}a_{22} - a_{12}a_{21} = 0$. In
    floating point the determinant of a singular matrix such as
    ``[[0.1, 0.3], [0.3, 0.9]]`` comes out as about $10^{-17}$, so compare with a
    tolerance *relative to the entries*:
    $|\det \mathbf{A}| \le \text{tol} \cdot \max_{ij} |a_{ij}|^2$, with any tol from
    $10^{-12}$ to $10^{-6}$. No absolute tolerance passes: the cases contain
    $10^{-4}\,\mathbf{I}$ (determinant $10^{-8}$, not singular) and
    ``1e8 * np.array([[1.1, 2.3], [3.3, 6.9]])`` (singular, but its determinant in
    floats is 32), as well as ``[[1, 2], [2, 4.001]]`` (determinant $0.001$, not singular). Use
    ``<=``, so that the zero matrix counts as singular.

    Parameters
    ----------
    fn : callable
        Your function; it takes ``A`` and returns ``True`` or ``False``.

    {returns}

    See Also
    --------
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#singular-and-non-singular-systems).

    Examples
    --------
    >>> def is_singular(A):
    ...     return abs(A[0][0] * A[1][1] - A[0][1] * A[1][0]) < 1e-9   # absolute
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.is_singular(is_singular))  # doctest: +NORMALIZE_WHITESPACE
    failed: is_singular(A=[[110000000.00000001, 229999999.99999997], [330000000.0,
    690000000.0]]) expected True got False
    hint: your tolerance looks absolute. A fixed cut-off of 1e-8 or more calls 1e-4 * I
    (det 1e-8, invertible) singular; a smaller one misses 1e8 * (a singular matrix),
    whose round-off determinant is larger than 1. Scale it by the entries:
    abs(det) <= 1e-10 * (largest |entry|)**2.
    """
    return _singular_grader(fn)


def solve_2x2(fn: Any) -> CheckResult:
    r"""Check your ``solve_2x2(A, b)``: the solution of $\mathbf{A}\mathbf{x} = \mathbf{b}$.

    For a non-singular $\mathbf{A}$, eliminating one unknown at a time gives

    $$x = \frac{a_{22}b_1 - a_{12}b_2}{\det \mathbf{A}}, \qquad
    y = \frac{a_{11}b_2 - a_{21}b_1}{\det \mathbf{A}}.$$

    Your function must return a NumPy array of shape ``(2,)`` (a list of two numbers
    is accepted too) and raise ``ValueError`` when $\mathbf{A}$ is singular (see
    :func:`is_singular` for the tolerance). It must not change ``A`` or ``b``.

    Parameters
    ----------
    fn : callable
        Your function ``solve_2x2(A, b)``.

    {returns}

    See Also
    --------
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#elimination).

    Examples
    --------
    >>> import numpy as np
    >>> def solve_2x2(A, b):                  # trusts np.linalg.solve to refuse
    ...     return np.linalg.solve(A, b)
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.solve_2x2(solve_2x2))  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    failed: solve_2x2(A=[[0.1, 0.3], [0.3, 0.9]], b=[0.2, 0.6]) expected ValueError to
    be raised, got [...]
    hint: np.linalg.solve only raises when it meets an exactly zero pivot. Round-off
    makes [[0.1, 0.3], [0.3, 0.9]] look non-singular, so it returns meaningless
    numbers. Test is_singular (with its tolerance) first and raise ValueError yourself.
    """
    return _solve_grader(fn)


def classify_2x2(fn: Any) -> CheckResult:
    r"""Check your ``classify_2x2(A, b)``: ``"unique"``, ``"none"`` or ``"infinite"``.

    A non-singular system has a unique solution. A singular one has none when its
    equations contradict each other (parallel lines, or a row ``0 = 1``) and
    infinitely many when they agree (coincident lines, or ``0 = 0``). In the column
    picture: infinitely many exactly when $\mathbf{b}$ is a combination of the columns.

    Parameters
    ----------
    fn : callable
        Your function ``classify_2x2(A, b)`` returning one of the three strings.

    {returns}

    See Also
    --------
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#zero-one-or-infinitely-many).

    Examples
    --------
    >>> import numpy as np
    >>> def classify_2x2(A, b):               # only the first column against b
    ...     (a11, a12), (a21, a22) = A
    ...     if abs(a11 * a22 - a12 * a21) > 1e-10 * np.max(np.abs(A)) ** 2:
    ...         return "unique"
    ...     if not np.any(A):
    ...         return "infinite" if not np.any(b) else "none"
    ...     first = a11 * b[1] - a21 * b[0]
    ...     return "infinite" if abs(first) <= 1e-10 * np.max(np.abs(b)) ** 2 else "none"
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.classify_2x2(classify_2x2))  # doctest: +NORMALIZE_WHITESPACE
    failed: classify_2x2(A=[[0, 1], [0, 2]], b=[1, 3]) expected 'none' got 'infinite'
    hint: one determinant is not enough. With a zero column, the 2×2 matrix made of
    that column and b has determinant 0 for every b. Check b against both columns
    (lesson: Reading a system by columns).
    """
    return _classify_grader(fn)


def det_3x3(fn: Any) -> CheckResult:
    r"""Check your ``det_3x3(A)``: the determinant of a 3×3 matrix.

    By cofactor expansion along the first row,
    $\det \mathbf{A} = a_{11} M_{11} - a_{12} M_{12} + a_{13} M_{13}$, where $M_{1j}$ is
    the determinant of the 2×2 matrix left when row 1 and column $j$ are crossed out.

    Parameters
    ----------
    fn : callable
        Your function; it takes a 3×3 ``A`` and returns a number.

    {returns}

    See Also
    --------
    Taught in [Three equations, three unknowns](../../linear-algebra/week-1/three-variables.md#the-determinant-of-a-33-matrix).

    Examples
    --------
    >>> def det_3x3(A):                       # signs +, +, + instead of +, -, +
    ...     (a11, a12, a13), (a21, a22, a23), (a31, a32, a33) = A
    ...     return (a11 * (a22 * a33 - a23 * a32)
    ...             + a12 * (a21 * a33 - a23 * a31)
    ...             + a13 * (a21 * a32 - a22 * a31))
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.det_3x3(det_3x3))
    failed: det_3x3(A=[[2, 1, 0], [1, 3, 1], [0, 1, 2]]) expected 8.0 got 12
    hint: the cofactor signs along the first row are +, -, +: subtract the middle term.
    """
    return _det3_grader(fn)


def det_triangular(fn: Any) -> CheckResult:
    r"""Check your ``det_triangular(U)``: the determinant of a triangular matrix.

    For an upper- or lower-triangular $\mathbf{U}$,
    $\det \mathbf{U} = u_{11} u_{22} \cdots u_{nn}$, the product of the diagonal. For a
    matrix that is neither, your function must raise ``ValueError``.

    Parameters
    ----------
    fn : callable
        Your function; it takes a square ``U`` of any size and returns a number.

    {returns}

    See Also
    --------
    Taught in [Three equations, three unknowns](../../linear-algebra/week-1/three-variables.md#triangular-matrices-pivots-and-the-determinant).

    Examples
    --------
    >>> import numpy as np
    >>> def det_triangular(U):                # never checks the shape
    ...     return np.prod(np.diag(U))
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.det_triangular(det_triangular))  # doctest: +NORMALIZE_WHITESPACE
    failed: det_triangular(U=[[1, 2], [3, 4]]) expected ValueError to be raised, got 4
    hint: for a matrix that is not triangular, the product of the diagonal is not the
    determinant: check first (np.triu(U, 1) or np.tril(U, -1) all zero) and raise
    ValueError otherwise.
    """  # noqa: E501
    return _triangular_grader(fn)


def is_singular_nxn(fn: Any) -> CheckResult:
    r"""Check your ``is_singular_nxn(A)``: is a square matrix of any size singular?

    An $n \times n$ matrix is singular when its rank is less than $n$; NumPy's
    ``np.linalg.matrix_rank`` computes the rank with a tolerance for round-off. The
    cases include matrices that are singular on paper but not in floating point, and
    $10^{-4}\,\mathbf{I}$, whose determinant $10^{-16}$ is tiny but not zero.

    Parameters
    ----------
    fn : callable
        Your function; it takes a square ``A`` and returns ``True`` or ``False``.

    {returns}

    See Also
    --------
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#round-off-can-hide-a-singular-matrix).

    Examples
    --------
    >>> import numpy as np
    >>> def is_singular_nxn(A):               # waits for NumPy to complain
    ...     try:
    ...         np.linalg.inv(A)
    ...     except np.linalg.LinAlgError:
    ...         return True
    ...     return False
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.is_singular_nxn(is_singular_nxn))  # doctest: +NORMALIZE_WHITESPACE
    failed: is_singular_nxn(A=[[0.1, 0.3], [0.3, 0.9]]) expected True got False
    hint: np.linalg.det and np.linalg.solve only notice an exactly singular matrix:
    round-off hides [[0.1, 0.3], [0.3, 0.9]]. Count independent rows instead,
    np.linalg.matrix_rank(A) < len(A).
    """
    return _nxn_grader(fn)


_document_returns(det_2x2, is_singular, solve_2x2, classify_2x2, det_3x3, det_triangular,
                  is_singular_nxn)
