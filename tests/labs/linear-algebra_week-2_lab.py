"""Reference solutions of docs/linear-algebra/week-2/lab.ipynb (used by tests/test_labs.py).

Each function replaces the notebook's exercise cell that defines the same name; later ones
call earlier ones, as a learner's would. An entry counts as zero when it is at most
1e-10 times the largest entry (tests/test_check_linalg_w2.py reruns them with other
tolerances).
"""

import numpy as np


def swap_rows(M, i, j):
    M = np.array(M, dtype=float)
    for k in (i, j):
        if not 0 <= k < M.shape[0]:
            raise ValueError(f"row {k} does not exist: M has rows 0 to {M.shape[0] - 1}")
    M[[i, j]] = M[[j, i]]
    return M


def scale_row(M, i, c):
    M = np.array(M, dtype=float)
    if not 0 <= i < M.shape[0]:
        raise ValueError(f"row {i} does not exist: M has rows 0 to {M.shape[0] - 1}")
    if c == 0:
        raise ValueError("scaling a row by 0 is not a row operation")
    M[i] = c * M[i]
    return M


def add_row_multiple(M, target, source, c):
    M = np.array(M, dtype=float)
    for k in (target, source):
        if not 0 <= k < M.shape[0]:
            raise ValueError(f"row {k} does not exist: M has rows 0 to {M.shape[0] - 1}")
    if target == source:
        raise ValueError("target and source must be different rows")
    M[target] = M[target] + c * M[source]
    return M


def row_echelon(M):
    M = np.array(M, dtype=float)
    m, n = M.shape
    tol = 1e-10 * np.abs(M).max()
    r = 0                                       # the row where the next pivot goes
    for j in range(n):
        if r == m:
            break
        p = r + np.argmax(np.abs(M[r:, j]))     # partial pivoting: the largest entry
        if abs(M[p, j]) <= tol:                 # no pivot in this column: a free column
            M[r:, j] = 0.0
            continue
        if p != r:
            M = swap_rows(M, r, p)
        for i in range(r + 1, m):
            M = add_row_multiple(M, i, r, -M[i, j] / M[r, j])
            M[i, j] = 0.0                       # exactly, not round-off
        r += 1
    return M


def rref(M):
    R = row_echelon(M)
    tol = 1e-10 * np.abs(R).max()
    for r in reversed(range(R.shape[0])):
        big = np.flatnonzero(np.abs(R[r]) > tol)
        if big.size == 0:
            continue                            # a zero row
        j = big[0]                              # the pivot column of row r
        R = scale_row(R, r, 1 / R[r, j])
        for i in range(r):
            R = add_row_multiple(R, i, r, -R[i, j] / R[r, j])
            R[i, j] = 0.0
    return R


def rank(M):
    R = row_echelon(M)
    tol = 1e-10 * np.abs(R).max()
    return int(np.sum(np.abs(R).max(axis=1) > tol))


def back_substitution(U, c):
    U, c = np.array(U, dtype=float), np.array(c, dtype=float)
    if np.any(np.diag(U) == 0):
        raise ValueError("a diagonal entry of U is 0: U is singular")
    n = len(c)
    x = np.zeros(n)
    for i in reversed(range(n)):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x


def solve_any(A, b):
    A, b = np.array(A, dtype=float), np.array(b, dtype=float)
    if A.size == 0:
        raise ValueError(f"A is empty (shape {A.shape}): no equations or no unknowns")
    n = A.shape[1]
    R = rref(np.column_stack([A, b]))
    tol = 1e-10 * np.abs(R).max()
    pivots = [int(np.argmax(np.abs(row) > tol)) for row in R if np.any(np.abs(row) > tol)]
    if n in pivots:                             # a row 0 = c with c != 0
        return "none", None
    free = [j for j in range(n) if j not in pivots]
    p = np.zeros(n)                             # free variables 0
    for r, j in enumerate(pivots):
        p[j] = R[r, n]
    if not free:
        return "unique", p
    D = np.zeros((n, len(free)))
    for k, f in enumerate(free):
        D[f, k] = 1.0                           # this free variable 1, the others 0
        for r, j in enumerate(pivots):
            D[j, k] = -R[r, f]
    return "infinite", (p, D)
