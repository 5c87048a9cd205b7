"""Solving linear systems: unique, none or infinitely many solutions, and least squares."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import FloatArray, as_array, as_matrix, as_square_matrix
from mathbook.linalg._elimination import (
    SAFETY,
    SingularMatrixError,
    SystemKind,
    _kind,
    _reduce,
    _right_hand_side,
    rank,
)
from mathbook.linalg._format import format_number

__all__ = [
    "ParametricSolution",
    "back_substitution",
    "classify_system",
    "inverse",
    "least_squares",
    "solve",
    "solve_parametric",
]


def _square_rhs(b: ArrayLike, n: int) -> FloatArray:
    """Right-hand side of a square system: shape (n,) or (n, k), returned as given."""
    arr = as_array(b, "b")
    if arr.ndim not in (1, 2):
        raise ValueError(f"b must be a vector (n,) or a matrix (n, k), got {arr.ndim} dimensions")
    if arr.shape[0] != n:
        raise ValueError(f"b must have {n} rows to match A ({n}x{n}), got {arr.shape[0]}")
    return arr


def _back_substitute(U: FloatArray, C: FloatArray) -> FloatArray:
    """Solve U X = C for upper-triangular U with a non-zero diagonal, last row first."""
    n = U.shape[0]
    X = np.zeros_like(C)
    for i in range(n - 1, -1, -1):
        X[i] = (C[i] - U[i, i + 1 :] @ X[i + 1 :]) / U[i, i]
    return X


def _singular(rank_a: int, n: int) -> SingularMatrixError:
    return SingularMatrixError(
        f"A is singular (rank {rank_a} < {n}): the system has no unique solution"
    )


def solve(A: ArrayLike, b: ArrayLike) -> FloatArray:
    r"""Solve the square system $\mathbf{A}\mathbf{x} = \mathbf{b}$ by Gaussian elimination.

    Forward elimination with partial pivoting turns $[\mathbf{A} \mid \mathbf{b}]$ into
    $[\mathbf{U} \mid \mathbf{c}]$ with $\mathbf{U}$ upper triangular; back substitution
    then gives, from the last row up,

    $$x_i = \frac{c_i - \sum_{j > i} u_{ij} x_j}{u_{ii}}.$$

    Each pivot column is cleared by one array operation on all the rows below it.

    Parameters
    ----------
    A : array_like, shape (n, n)
    b : array_like, shape (n,) or (n, k)
        One right-hand side, or ``k`` of them as columns.

    Returns
    -------
    ndarray, same shape as ``b``

    Raises
    ------
    SingularMatrixError
        If ``A`` is singular (its rank, computed with the tolerance of :func:`rank`, is
        below ``n``): then the system has no solution or infinitely many; use
        :func:`classify_system` or :func:`solve_parametric`.
    ValueError
        If ``A`` is not a finite non-empty square matrix or ``b`` does not have ``n``
        rows.

    Examples
    --------
    >>> solve([[2, 1], [1, 3]], [3, 5]).tolist()
    [0.8, 1.4]
    >>> solve([[1, 2], [2, 4]], [1, 2])
    Traceback (most recent call last):
    ...
    mathbook.linalg.SingularMatrixError: A is singular (rank 1 < 2): the system has no unique solution

    See Also
    --------
    ``numpy.linalg.solve`` does the same with LAPACK.
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#in-code)
    and [Three equations, three unknowns](../../linear-algebra/week-1/three-variables.md#in-code).
    The algorithm: [Gaussian elimination with back substitution](../../linear-algebra/week-2/gaussian-elimination.md#in-code).
    """  # noqa: E501
    coefficients = as_square_matrix(A, "A")
    n = coefficients.shape[0]
    rhs = _square_rhs(b, n)
    M = np.hstack([coefficients, rhs.reshape(n, -1)])
    result = _reduce(M, n, pivot_columns=n)
    if len(result.pivots) < n:
        raise _singular(len(result.pivots), n)
    X = _back_substitute(M[:, :n], M[:, n:])
    return X.reshape(rhs.shape)


def classify_system(A: ArrayLike, b: ArrayLike) -> SystemKind:
    r"""How many solutions $\mathbf{A}\mathbf{x} = \mathbf{b}$ has: none, one or infinitely many.

    With $n$ unknowns (columns of $\mathbf{A}$), compare ranks (Rouché–Capelli):

    * $\operatorname{rank}\mathbf{A} < \operatorname{rank}[\mathbf{A} \mid \mathbf{b}]$:
      ``"none"`` (elimination produces a row $0 = c \ne 0$);
    * equal ranks, $= n$: ``"unique"``;
    * equal ranks, $< n$: ``"infinite"`` ($n - \operatorname{rank}$ free variables).

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any coefficient matrix, square or not.
    b : array_like, shape (m,) or (m, k)
        Right-hand side (with ``k`` columns: the system $\mathbf{A}\mathbf{X} = \mathbf{B}$).

    Returns
    -------
    SystemKind
        A string enum: compares equal to ``"unique"``, ``"none"`` or ``"infinite"``.

    Raises
    ------
    ValueError
        If ``A`` is not a finite non-empty matrix or ``b`` does not have ``m`` rows.

    Examples
    --------
    >>> print(classify_system([[1, 1], [1, -1]], [2, 0]))
    unique
    >>> print(classify_system([[1, 1], [2, 2]], [2, 5]), classify_system([[1, 1], [2, 2]], [2, 4]))
    none infinite

    See Also
    --------
    Taught in [Two equations, two unknowns](../../linear-algebra/week-1/two-variables.md#in-code)
    and [Three equations, three unknowns](../../linear-algebra/week-1/three-variables.md#in-code).
    In full in [Rank: how much information a system
    carries](../../linear-algebra/week-2/rank.md#rank-and-the-number-of-solutions).
    """
    coefficients = as_matrix(A, "A")
    n = coefficients.shape[1]
    M = np.hstack([coefficients, _right_hand_side(b, coefficients.shape[0])])
    pivots = _reduce(M, n, pivot_columns=M.shape[1]).pivot_columns
    return _kind(sum(1 for col in pivots if col < n), len(pivots), n)


def inverse(A: ArrayLike) -> FloatArray:
    r"""The inverse of a square matrix by Gauss–Jordan elimination on $[\mathbf{A} \mid \mathbf{I}]$.

    Row operations that turn $\mathbf{A}$ into $\mathbf{I}$ turn $\mathbf{I}$ into
    $\mathbf{A}^{-1}$: $[\mathbf{A} \mid \mathbf{I}] \to [\mathbf{I} \mid \mathbf{A}^{-1}]$.
    To solve a system, prefer :func:`solve`: it is cheaper and more accurate.

    Parameters
    ----------
    A : array_like, shape (n, n)

    Returns
    -------
    ndarray, shape (n, n)

    Raises
    ------
    SingularMatrixError
        If ``A`` is singular (rank below ``n``).
    ValueError
        If ``A`` is not a finite non-empty square matrix.

    Examples
    --------
    >>> inverse([[2, 1], [1, 1]]).tolist()
    [[1.0, -1.0], [-1.0, 2.0]]

    See Also
    --------
    ``numpy.linalg.inv``
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#identity-and-inverse).
    """  # noqa: E501
    coefficients = as_square_matrix(A, "A")
    n = coefficients.shape[0]
    M = np.hstack([coefficients, np.eye(n)])
    result = _reduce(M, n, pivot_columns=n, reduced=True)
    if len(result.pivots) < n:
        raise SingularMatrixError(f"A is singular (rank {len(result.pivots)} < {n}): no inverse")
    return M[:, n:].copy()


def back_substitution(U: ArrayLike, c: ArrayLike) -> FloatArray:
    r"""Solve $\mathbf{U}\mathbf{x} = \mathbf{c}$ for an upper-triangular $\mathbf{U}$.

    From the last equation up:

    $$x_i = \frac{c_i - \sum_{j > i} u_{ij} x_j}{u_{ii}}, \qquad i = n, n-1, \dots, 1.$$

    Parameters
    ----------
    U : array_like, shape (n, n)
        Upper triangular: entries below the diagonal are zero (within the tolerance of
        :func:`rank`).
    c : array_like, shape (n,) or (n, k)

    Returns
    -------
    ndarray, same shape as ``c``

    Raises
    ------
    SingularMatrixError
        If a diagonal entry of ``U`` is zero (within the tolerance).
    ValueError
        If ``U`` is not square and upper triangular, or ``c`` does not have ``n`` rows.

    Examples
    --------
    >>> back_substitution([[2, 1], [0, 4]], [4, 8]).tolist()
    [1.0, 2.0]

    See Also
    --------
    ``scipy.linalg.solve_triangular``
    Taught in [Gaussian elimination with back substitution](../../linear-algebra/week-2/gaussian-elimination.md#the-algorithm).
    """
    upper = as_square_matrix(U, "U")
    n = upper.shape[0]
    arr = as_array(c, "c")
    if arr.ndim not in (1, 2) or arr.shape[0] != n:
        raise ValueError(f"c must have shape ({n},) or ({n}, k) to match U, got {arr.shape}")
    tol = SAFETY * float(np.finfo(np.float64).eps) * n * float(np.max(np.abs(upper)))
    below = np.abs(np.tril(upper, -1)) > tol
    if below.any():
        i, j = (int(k) for k in np.argwhere(below)[0])
        raise ValueError(
            f"U must be upper triangular, but U[{i}, {j}] = {format_number(upper[i, j])} "
            "is below the diagonal"
        )
    diagonal = np.abs(np.diag(upper))
    if np.any(diagonal <= tol):
        i = int(np.argmax(diagonal <= tol))
        raise SingularMatrixError(
            f"U is singular: its diagonal entry U[{i}, {i}] is zero, so x_{i} is not determined"
        )
    X = _back_substitute(np.triu(upper), arr.reshape(n, -1))
    return X.reshape(arr.shape)


@dataclass(frozen=True, eq=False)
class ParametricSolution:
    r"""Every solution of a consistent system: $\mathbf{x} = \mathbf{p} + \mathbf{D}\mathbf{t}$.

    Attributes
    ----------
    particular : ndarray, shape (n,)
        One solution $\mathbf{p}$ (free variables set to 0).
    directions : ndarray, shape (n, f)
        Columns form a basis of the null space of $\mathbf{A}$, one per free variable
        (that variable 1, the other free variables 0); ``f = 0`` if the solution is unique.
    free_variables : tuple of int
        0-based indices of the free variables (columns without a pivot).
    """

    particular: FloatArray
    directions: FloatArray = field(repr=True)
    free_variables: tuple[int, ...]

    @property
    def unique(self) -> bool:
        """True if there are no free variables."""
        return not self.free_variables

    def point(self, t: ArrayLike) -> FloatArray:
        """The solution for parameter values ``t`` (one per free variable)."""
        values = as_array(t, "t", allow_empty=True).reshape(-1)
        if values.shape[0] != len(self.free_variables):
            raise ValueError(
                f"t must have {len(self.free_variables)} values (one per free variable), "
                f"got {values.shape[0]}"
            )
        return self.particular + self.directions @ values

    def to_text(self) -> str:
        """One line per unknown, e.g. ``x1 = 2 - 3*t1``, with ``t1, t2, ...`` the free parameters.

        Examples
        --------
        >>> print(solve_parametric([[1, 2, 1], [2, 4, 0]], [3, 2]).to_text())
        x1 = 1 - 2*t1
        x2 = t1
        x3 = 2
        """
        lines = []
        for i in range(self.particular.shape[0]):
            terms = []
            if self.particular[i] != 0.0:
                terms.append(format_number(self.particular[i]))
            for k, coefficient in enumerate(self.directions[i]):
                if coefficient == 0.0:
                    continue
                magnitude = format_number(abs(coefficient))
                term = f"t{k + 1}" if magnitude == "1" else f"{magnitude}*t{k + 1}"
                sign = "-" if coefficient < 0 else "+"
                terms.append(f"{sign} {term}" if terms else ("-" if sign == "-" else "") + term)
            lines.append(f"x{i + 1} = " + (" ".join(terms) if terms else "0"))
        return "\n".join(lines)


def solve_parametric(A: ArrayLike, b: ArrayLike) -> ParametricSolution:
    r"""All solutions of a consistent system $\mathbf{A}\mathbf{x} = \mathbf{b}$ in parametric form.

    Reduce $[\mathbf{A} \mid \mathbf{b}]$ to reduced row echelon form. Columns without a
    pivot are free variables $t_1, t_2, \dots$; each pivot variable equals its row's
    right-hand side minus that row's entries in the free columns times the $t$'s:

    $$\mathbf{x} = \mathbf{p} + t_1 \mathbf{d}_1 + \dots + t_f \mathbf{d}_f .$$

    Parameters
    ----------
    A : array_like, shape (m, n)
    b : array_like, shape (m,)

    Returns
    -------
    ParametricSolution
        ``particular``, ``directions`` (n x f) and ``free_variables``.

    Raises
    ------
    ValueError
        If the system is inconsistent (no solution), ``A`` is not a finite non-empty
        matrix, or ``b`` is not a vector with one entry per row of ``A``.

    Examples
    --------
    >>> sol = solve_parametric([[1, 1, 1], [0, 1, 2]], [6, 5])
    >>> sol.particular.tolist(), sol.directions.tolist(), sol.free_variables
    ([1.0, 5.0, 0.0], [[1.0], [-2.0], [1.0]], (2,))

    See Also
    --------
    Taught in [Three equations, three unknowns](../../linear-algebra/week-1/three-variables.md#in-code).
    In full in [Row echelon form, pivots and free variables](../../linear-algebra/week-2/echelon-form.md#the-general-solution).
    """
    coefficients = as_matrix(A, "A")
    m, n = coefficients.shape
    rhs = as_array(b, "b")
    if rhs.ndim != 1 or rhs.shape[0] != m:
        raise ValueError(f"b must be a vector of length {m} (one per row of A), got {rhs.shape}")
    M = np.hstack([coefficients, rhs[:, np.newaxis]])
    result = _reduce(M, n, pivot_columns=n + 1, reduced=True)
    pivots = result.pivot_columns
    if n in pivots:
        rank_a = len(pivots) - 1
        raise ValueError(
            f"system is inconsistent: rank(A) = {rank_a} < rank([A | b]) = {len(pivots)}, "
            "so there is no solution"
        )
    R = result.cleaned()
    r = len(pivots)
    pivot_cols = np.array(pivots, dtype=int)
    free = np.array([j for j in range(n) if j not in pivots], dtype=int)
    particular = np.zeros(n)
    particular[pivot_cols] = R[:r, n]
    directions = np.zeros((n, free.size))
    directions[free, np.arange(free.size)] = 1.0
    directions[pivot_cols, :] = -R[:r, free]
    directions += 0.0  # turn -0.0 into 0.0 for printing
    return ParametricSolution(particular, directions, tuple(int(j) for j in free))


def least_squares(X: ArrayLike, y: ArrayLike) -> FloatArray:
    r"""The least-squares solution $\hat{\mathbf{w}} = \arg\min_{\mathbf{w}} \lVert \mathbf{X}\mathbf{w} - \mathbf{y} \rVert^2$.

    The normal equations $\mathbf{X}^\top\mathbf{X}\,\mathbf{w} = \mathbf{X}^\top\mathbf{y}$
    are not formed (that squares the condition number). Instead, with the QR
    factorisation $\mathbf{X} = \mathbf{Q}\mathbf{R}$ ($\mathbf{Q}$ with orthonormal
    columns, $\mathbf{R}$ upper triangular) they become
    $\mathbf{R}\mathbf{w} = \mathbf{Q}^\top\mathbf{y}$, solved by back substitution.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix of full column rank ($\operatorname{rank} = n \le m$).
    y : array_like, shape (m,) or (m, k)
        Targets.

    Returns
    -------
    ndarray, shape (n,) or (n, k)

    Raises
    ------
    ValueError
        If ``X`` is rank deficient (the minimiser is not unique), or the inputs are not
        finite arrays of matching lengths.

    Examples
    --------
    >>> X = [[1, 0], [1, 1], [1, 2]]   # intercept column and x = 0, 1, 2
    >>> np.round(least_squares(X, [1, 2, 4]), 4).tolist()
    [0.8333, 1.5]

    See Also
    --------
    ``numpy.linalg.lstsq``

    Taught in [Least squares as a projection](../../foundations/week-2/least-squares.md#solve-do-not-invert).
    """  # noqa: E501
    design = as_matrix(X, "X")
    m, n = design.shape
    targets = as_array(y, "y")
    if targets.ndim not in (1, 2) or targets.shape[0] != m:
        raise ValueError(
            f"y must have shape ({m},) or ({m}, k) (one row per row of X), got {targets.shape}"
        )
    r = rank(design)
    if r < n:
        raise ValueError(
            f"X is rank deficient (rank {r} < {n} columns): the least-squares solution is "
            "not unique; remove redundant columns"
        )
    Q, R = np.linalg.qr(design)
    return _back_substitute(R, Q.T @ targets.reshape(m, -1)).reshape(
        (n,) + targets.shape[1:]
    )
