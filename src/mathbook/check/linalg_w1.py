r"""Graders for the lab of Part 1, Week 1: systems of linear equations.

The lab asks you to write four functions for a 2×2 system
$\mathbf{A}\mathbf{x} = \mathbf{b}$, with

$$\mathbf{A} = \begin{bmatrix} a & b \\ c & d \end{bmatrix}.$$

* `det_2x2(A)` must return $ad - bc$;
* `is_singular(A)` must return `True` exactly when $\det \mathbf{A} = 0$, allowing
  for round-off (any tolerance from $10^{-12}$ to $10^{-6}$, absolute or relative to
  the entries, passes);
* `solve_2x2(A, b)` must return the solution as an array of shape `(2,)`, and raise
  `ValueError` when $\mathbf{A}$ is singular;
* `classify_2x2(A, b)` must return `"unique"`, `"none"` or `"infinite"`: how many
  solutions the system has.

The graders have the same names: `check.linalg_w1.solve_2x2(solve_2x2)` grades your
`solve_2x2`.

``A`` may arrive as a nested list (``[[1, 2], [3, 4]]``, possibly of integers) or as a
NumPy array, and ``b`` as a list or a 1-D array; your function must not change them.
The cases include singular systems with parallel lines (no solution) and coincident
lines (infinitely many), a zero matrix, a matrix whose first entry is zero, and
matrices such as ``[[0.1, 0.3], [0.3, 0.9]]`` that are singular on paper but whose
determinant computed in floating point is $1.4 \times 10^{-17}$, not $0$: compare
with a tolerance, not with ``== 0``.

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
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook.check._core import Case, CheckResult, grader, random_cases

__all__ = ["classify_2x2", "det_2x2", "is_singular", "solve_2x2"]

_SINGULAR_RTOL = 1e-10
"""A counts as singular when |det A| <= 1e-10 * (largest |entry|)**2."""


# ---------------------------------------------------------------------------
# Reference solutions (hidden from learners' messages)
# ---------------------------------------------------------------------------


def _entries(A: ArrayLike) -> tuple[float, float, float, float]:
    M = np.asarray(A, dtype=np.float64)
    return float(M[0, 0]), float(M[0, 1]), float(M[1, 0]), float(M[1, 1])


def _det(A: ArrayLike) -> float:
    a, b, c, d = _entries(A)
    return a * d - b * c


def _singular(A: ArrayLike) -> bool:
    scale = float(np.max(np.abs(np.asarray(A, dtype=np.float64))))
    return bool(abs(_det(A)) <= _SINGULAR_RTOL * scale**2)


def _solve(A: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    if _singular(A):
        raise ValueError("A is singular: the system has no unique solution")
    a, b12, c, d = _entries(A)
    b1, b2 = (float(v) for v in np.asarray(b, dtype=np.float64))
    det = a * d - b12 * c
    return np.array([(b1 * d - b12 * b2) / det, (a * b2 - c * b1) / det])


def _rank(M: ArrayLike) -> int:
    s = np.linalg.svd(np.asarray(M, dtype=np.float64), compute_uv=False)
    return 0 if s[0] == 0 else int(np.sum(s > _SINGULAR_RTOL * s[0]))


def _classify(A: ArrayLike, b: ArrayLike) -> str:
    if not _singular(A):
        return "unique"
    augmented = np.column_stack([np.asarray(A, dtype=np.float64), np.asarray(b, dtype=float)])
    return "infinite" if _rank(A) == _rank(augmented) else "none"


# ---------------------------------------------------------------------------
# Cases: hand-picked ones first (they give the clearest messages), then random ones
# ---------------------------------------------------------------------------

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
    [[0.1, 0.3], [0.3, 0.9]],               # singular on paper, det = 1.4e-17 in floats
    np.array([[0.2, 0.7], [1.4, 4.9]]),     # singular on paper, det = 2.2e-16 in floats
    [[1, 2], [0, 0]],                       # a zero row
    [[1, 0], [2, 0]],                       # a zero column
    [[0, 0], [0, 0]],                       # the zero matrix
    [[1, 2], [2, 4.001]],                   # nearly singular but NOT singular
)

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
    ([[1, 2], [2, 4.001]], [3, 6]),
    ([[1, 2], [2, 4]], [3, 7]),                     # parallel lines: no solution
    ([[1, 2], [2, 4]], [3, 6]),                     # coincident lines: infinitely many
    ([[1, 2], [2, 4]], [0, 0]),
    ([[0.1, 0.2], [0.3, 0.6]], [0.3, 0.9]),         # coincident, with decimals
    ([[0.1, 0.2], [0.3, 0.6]], [0.3, 1.0]),         # parallel, with decimals
    ([[0.1, 0.3], [0.3, 0.9]], [0.2, 0.6]),         # coincident, det != 0 in floats
    ([[0.1, 0.3], [0.3, 0.9]], [0.2, 0.5]),         # parallel, det != 0 in floats
    (np.array([[0.2, 0.7], [1.4, 4.9]]), np.array([1.0, 7.0])),
    ([[1, 2], [0, 0]], [3, 0]),                     # 0 = 0: infinitely many
    ([[1, 2], [0, 0]], [3, 1]),                     # 0 = 1: none
    ([[1, 0], [2, 0]], [1, 2]),
    ([[1, 0], [2, 0]], [1, 3]),
    ([[0, 0], [0, 0]], [0, 0]),                     # every x solves it
    ([[0, 0], [0, 0]], [1, 0]),                     # nothing solves it
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


def _matrix_cases(seed: int) -> Callable[[], tuple[Case, ...]]:
    @functools.cache
    def build() -> tuple[Case, ...]:  # built at the first grading, then reused
        hand: list[Case] = [(M,) for M in _HAND_MATRICES]
        return tuple(hand + random_cases(_random_matrix_case, 20, seed))

    return build


def _system_cases(seed: int) -> Callable[[], tuple[Case, ...]]:
    @functools.cache
    def build() -> tuple[Case, ...]:
        return tuple(list(_HAND_SYSTEMS) + random_cases(_random_system_case, 20, seed))

    return build


# The reference functions carry the learner-facing parameter names (A, b), which
# appear in messages such as "solve_2x2(A=[[1, 2], [3, 4]], b=[5, 6]) …".
def _det_2x2(A: Any) -> float:
    return _det(A)


def _is_singular(A: Any) -> bool:
    return _singular(A)


def _solve_2x2(A: Any, b: Any) -> NDArray[np.float64]:
    return _solve(A, b)


def _classify_2x2(A: Any, b: Any) -> str:
    return _classify(A, b)


_det_grader = grader(_det_2x2, _matrix_cases(seed=11), name="det_2x2")
_singular_grader = grader(_is_singular, _matrix_cases(seed=12), name="is_singular")
_solve_grader = grader(_solve_2x2, _system_cases(seed=13), name="solve_2x2", rtol=1e-6)
_classify_grader = grader(_classify_2x2, _system_cases(seed=14), name="classify_2x2")


# ---------------------------------------------------------------------------
# The graders a learner calls
# ---------------------------------------------------------------------------


def det_2x2(fn: Any) -> CheckResult:
    r"""Check your ``det_2x2(A)``: the determinant $ad - bc$ of a 2×2 matrix.

    Parameters
    ----------
    fn : callable
        Your function; it takes ``A`` (a 2×2 nested list or NumPy array) and returns
        a number.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case) or
        ``not done yet: …``. Never raises because of your function.

    See Also
    --------
    Part 1 (Linear algebra), Week 1: the determinant of a 2×2 matrix.

    Examples
    --------
    >>> def det_2x2(A):
    ...     return A[0][1] * A[1][0] - A[0][0] * A[1][1]    # sign flipped
    >>> from mathbook.check import linalg_w1
    >>> linalg_w1.det_2x2(det_2x2)
    failed: det_2x2(A=[[1, 2], [3, 4]]) expected -2.0 got 2
    """
    return _det_grader(fn)


def is_singular(fn: Any) -> CheckResult:
    r"""Check your ``is_singular(A)``: ``True`` exactly when the 2×2 matrix is singular.

    A matrix is singular when $\det \mathbf{A} = ad - bc = 0$. In floating point the
    determinant of a singular matrix such as ``[[0.1, 0.3], [0.3, 0.9]]`` comes out as
    about $10^{-17}$, so compare ``abs(det) < tol`` with a small tolerance: any value
    from $10^{-12}$ to $10^{-6}$ passes (the cases contain ``[[1, 2], [2, 4.001]]``,
    with determinant $0.001$, which is *not* singular). With a relative tolerance use
    ``<=``, so that the zero matrix counts as singular.

    Parameters
    ----------
    fn : callable
        Your function; it takes ``A`` and returns ``True`` or ``False``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Part 1 (Linear algebra), Week 1: singular and non-singular matrices.

    Examples
    --------
    >>> def is_singular(A):
    ...     return A[0][0] * A[1][1] - A[0][1] * A[1][0] == 0     # no tolerance
    >>> from mathbook.check import linalg_w1
    >>> linalg_w1.is_singular(is_singular)
    failed: is_singular(A=[[0.1, 0.3], [0.3, 0.9]]) expected True got False
    """
    return _singular_grader(fn)


def solve_2x2(fn: Any) -> CheckResult:
    r"""Check your ``solve_2x2(A, b)``: the solution of $\mathbf{A}\mathbf{x} = \mathbf{b}$.

    For a non-singular $\mathbf{A}$, Cramer's rule gives

    $$x_1 = \frac{b_1 d - b\,b_2}{ad - bc}, \qquad x_2 = \frac{a\,b_2 - c\,b_1}{ad - bc}.$$

    Your function must return a NumPy array of shape ``(2,)`` (a list of two numbers
    is accepted too) and raise ``ValueError`` when $\mathbf{A}$ is singular (see
    :func:`is_singular` for the tolerance). It must not change ``A`` or ``b``.

    Parameters
    ----------
    fn : callable
        Your function ``solve_2x2(A, b)``.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Part 1 (Linear algebra), Week 1: solving a 2×2 system.

    Examples
    --------
    >>> def solve_2x2(A, b):                  # Cramer's rule, no singular check
    ...     det = A[0][0] * A[1][1] - A[0][1] * A[1][0]
    ...     x1 = (b[0] * A[1][1] - A[0][1] * b[1]) / det
    ...     x2 = (A[0][0] * b[1] - A[1][0] * b[0]) / det
    ...     return [x1, x2]
    >>> from mathbook.check import linalg_w1
    >>> print(linalg_w1.solve_2x2(solve_2x2))  # doctest: +NORMALIZE_WHITESPACE
    failed: solve_2x2(A=[[1, 2], [2, 4]], b=[3, 7]) expected ValueError to be raised,
    got ZeroDivisionError: division by zero
    """
    return _solve_grader(fn)


def classify_2x2(fn: Any) -> CheckResult:
    r"""Check your ``classify_2x2(A, b)``: ``"unique"``, ``"none"`` or ``"infinite"``.

    A non-singular system has a unique solution. A singular one has none when its
    equations contradict each other (parallel lines, or a row ``0 = 1``) and
    infinitely many when they agree (coincident lines, or ``0 = 0``).

    Parameters
    ----------
    fn : callable
        Your function ``classify_2x2(A, b)`` returning one of the three strings.

    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` or ``not done yet: …``.

    See Also
    --------
    Part 1 (Linear algebra), Week 1: zero, one or infinitely many solutions.

    Examples
    --------
    >>> def classify_2x2(A, b):
    ...     det = A[0][0] * A[1][1] - A[0][1] * A[1][0]
    ...     return "unique" if det != 0 else "none"     # forgets the infinite case
    >>> from mathbook.check import linalg_w1
    >>> linalg_w1.classify_2x2(classify_2x2)
    failed: classify_2x2(A=[[1, 2], [2, 4]], b=[3, 6]) expected 'infinite' got 'none'
    """
    return _classify_grader(fn)
