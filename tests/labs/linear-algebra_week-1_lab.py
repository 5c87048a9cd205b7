"""Reference solutions of docs/linear-algebra/week-1/lab.ipynb (used by tests/test_labs.py).

Each function replaces the notebook's exercise cell that defines the same name.
"""

import numpy as np


def det_2x2(A):
    return A[0][0] * A[1][1] - A[0][1] * A[1][0]


def is_singular(A):
    largest = np.max(np.abs(np.asarray(A, dtype=float)))
    return bool(abs(det_2x2(A)) <= 1e-10 * largest**2)


def solve_2x2(A, b):
    if is_singular(A):
        raise ValueError("A is singular: the system has no unique solution")
    det = det_2x2(A)
    (a11, a12), (a21, a22) = A
    b1, b2 = b
    return np.array([(a22 * b1 - a12 * b2) / det, (a11 * b2 - a21 * b1) / det])


def classify_2x2(A, b):
    if not is_singular(A):
        return "unique"
    if not np.any(A):
        # 0x + 0y = b_i: every (x, y) solves it if b = 0, none does otherwise
        return "infinite" if not np.any(b) else "none"
    A = np.asarray(A, dtype=float)
    # column picture: b is reachable exactly when it is dependent with both columns
    with_b = [np.column_stack([A[:, j], b]) for j in range(2)]
    return "infinite" if all(is_singular(M) for M in with_b) else "none"


def det_3x3(A):
    A = np.asarray(A, dtype=float)
    signs = [1, -1, 1]
    return sum(signs[j] * A[0, j] * det_2x2(np.delete(A[1:], j, axis=1)) for j in range(3))


def det_triangular(U):
    U = np.asarray(U, dtype=float)
    if np.any(np.triu(U, 1)) and np.any(np.tril(U, -1)):
        raise ValueError("U is not triangular")
    return np.prod(np.diag(U))


def is_singular_nxn(A):
    A = np.asarray(A, dtype=float)
    return bool(np.linalg.matrix_rank(A) < A.shape[0])
