"""Eigenvalues and eigenvectors, the characteristic polynomial, Markov steady states."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook._validate import FloatArray, as_square_matrix
from mathbook.linalg._elimination import SingularMatrixError
from mathbook.linalg._systems import solve

__all__ = ["characteristic_polynomial", "eig", "steady_state"]

#: How far from 1 a column sum of a Markov matrix may be (round-off in typed-in data).
_STOCHASTIC_ATOL = 1e-8


def _fix_signs(vectors: NDArray[Any]) -> NDArray[Any]:
    """Scale each column by a unit number so its largest-magnitude entry is real and positive.

    Among entries tied for largest (within a relative 1e-9) the first one is used, so the
    choice does not flip with round-off. Columns stay unit eigenvectors.
    """
    magnitudes = np.abs(vectors)
    near_max = magnitudes >= magnitudes.max(axis=0) * (1 - 1e-9)
    lead = np.argmax(near_max, axis=0)  # first row that is (almost) the largest
    entries = vectors[lead, np.arange(vectors.shape[1])]
    phases = entries / np.abs(entries)
    fixed: NDArray[Any] = vectors * (phases if np.isrealobj(vectors) else np.conj(phases))
    return fixed


def eig(A: ArrayLike) -> tuple[NDArray[Any], NDArray[Any]]:
    r"""Eigenvalues and unit eigenvectors of a square matrix: $\mathbf{A}\mathbf{v} = \lambda\mathbf{v}$.

    Like ``numpy.linalg.eig`` (it calls it), made easier to read: eigenvalues sorted by
    decreasing real part, then decreasing imaginary part; each eigenvector column of
    length 1 with its largest entry positive (real). The arrays are real unless some
    eigenvalue is complex.

    Parameters
    ----------
    A : array_like, shape (n, n)

    Returns
    -------
    eigenvalues : ndarray, shape (n,)
    eigenvectors : ndarray, shape (n, n)
        Column ``i`` is an eigenvector for ``eigenvalues[i]``: ``A @ V == V * w``.
        For a defective matrix (too few independent eigenvectors) some columns are
        (nearly) parallel.

    Raises
    ------
    ValueError
        If ``A`` is not a finite non-empty square matrix.

    See Also
    --------
    Taught in [Eigenvalues and eigenvectors](../../linear-algebra/week-4/eigenvectors.md#in-code).

    Examples
    --------
    >>> w, V = eig([[2, 1], [1, 2]])
    >>> np.round(w, 6).tolist(), np.round(V, 4).tolist()
    ([3.0, 1.0], [[0.7071, 0.7071], [0.7071, -0.7071]])
    >>> w, V = eig([[0, -1], [1, 0]])   # a quarter turn: no real eigenvector
    >>> w.tolist()
    [1j, -1j]
    """  # noqa: E501
    M = as_square_matrix(A, "A")
    values, vectors = np.linalg.eig(M)
    order = np.lexsort((-values.imag, -values.real))  # last key sorts first
    return values[order], _fix_signs(vectors[:, order])


def characteristic_polynomial(A: ArrayLike) -> FloatArray:
    r"""Coefficients of $\det(\lambda I - \mathbf{A})$, highest power first.

    For a 2 x 2 matrix $\lambda^2 - (\operatorname{tr}\mathbf{A})\lambda + \det\mathbf{A}$;
    for a 3 x 3 matrix

    $$\lambda^3 - (\operatorname{tr}\mathbf{A})\lambda^2 + (M_{11} + M_{22} + M_{33})\lambda
      - \det\mathbf{A},$$

    where $M_{ii}$ is the minor left after deleting row and column $i$. Its roots are the
    eigenvalues. Same convention as ``numpy.poly``.

    Parameters
    ----------
    A : array_like, shape (2, 2) or (3, 3)

    Returns
    -------
    ndarray, shape (3,) or (4,)

    Raises
    ------
    ValueError
        If ``A`` is not a finite 2 x 2 or 3 x 3 matrix.

    See Also
    --------
    Taught in [Eigenvalues and
    eigenvectors](../../linear-algebra/week-4/eigenvectors.md#the-characteristic-polynomial).

    Examples
    --------
    >>> characteristic_polynomial([[2, 1], [1, 2]]).tolist()   # (l - 3)(l - 1)
    [1.0, -4.0, 3.0]
    """
    M = as_square_matrix(A, "A")
    n = M.shape[0]
    if n == 2:
        (a, b), (c, d) = M.tolist()
        return np.array([1.0, -(a + d), a * d - b * c])
    if n == 3:
        trace = float(np.trace(M))
        minors = sum(
            M[j, j] * M[k, k] - M[j, k] * M[k, j] for j, k in ((1, 2), (0, 2), (0, 1))
        )
        (a, b, c), (d, e, f), (g, h, i) = M.tolist()
        determinant = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
        return np.array([1.0, -trace, float(minors), -determinant])
    raise ValueError(
        f"A must be 2x2 or 3x3 for characteristic_polynomial, got shape {M.shape}; "
        "use numpy.poly for larger matrices"
    )


def steady_state(P: ArrayLike) -> FloatArray:
    r"""The steady state of a Markov chain: the probability vector with $P\mathbf{x} = \mathbf{x}$.

    ``P`` is column-stochastic: $p_{ij}$ is the probability of moving from state $j$ to
    state $i$, so each column sums to 1. The steady state solves the null-space problem
    $(P - I)\mathbf{x} = \mathbf{0}$ together with $\sum_i x_i = 1$. The rows of
    $P - I$ add up to zero, so one of them is redundant: replace it by the normalisation
    and solve the square system

    $$\begin{bmatrix} (P - I)_{1:n-1} \\ \mathbf{1}^\top \end{bmatrix}\mathbf{x}
      = \begin{bmatrix} \mathbf{0} \\ 1 \end{bmatrix}.$$

    That system is singular exactly when the steady state is not unique. Unlike power
    iteration it also works for periodic chains.

    Parameters
    ----------
    P : array_like, shape (n, n)
        Non-negative, each column summing to 1 (within $10^{-8}$).

    Returns
    -------
    ndarray, shape (n,)
        Non-negative, summing to 1.

    Raises
    ------
    ValueError
        If ``P`` is not a finite square matrix, has a negative entry or a column not
        summing to 1, or the chain has more than one steady state.

    See Also
    --------
    Taught in [Eigenvalues and eigenvectors](../../linear-algebra/week-4/eigenvectors.md#markov-chains-and-the-steady-state).

    Examples
    --------
    >>> P = [[0.9, 0.5], [0.1, 0.5]]   # sunny/rainy weather
    >>> np.round(steady_state(P), 6).tolist()
    [0.833333, 0.166667]
    """  # noqa: E501
    M = as_square_matrix(P, "P")
    n = M.shape[0]
    if np.any(M < 0):
        i, j = (int(k) for k in np.argwhere(M < 0)[0])
        raise ValueError(
            f"P must have non-negative entries (probabilities), got P[{i}, {j}] = {M[i, j]}"
        )
    sums = M.sum(axis=0)
    off = np.abs(sums - 1.0) > _STOCHASTIC_ATOL
    if np.any(off):
        j = int(np.argmax(off))
        raise ValueError(
            f"P must be column-stochastic (each column sums to 1), but column {j} sums to "
            f"{sums[j]:.10g}"
        )
    system = M - np.eye(n)
    system[-1] = 1.0
    rhs = np.zeros(n)
    rhs[-1] = 1.0
    try:
        x = solve(system, rhs)
    except SingularMatrixError:
        raise ValueError(
            "P has more than one steady state (the chain splits into separate closed "
            "classes), so the steady state is not unique"
        ) from None
    x = np.clip(x, 0.0, None)  # remove round-off below 0
    distribution: FloatArray = x / x.sum()
    return distribution
