"""Reference solutions of docs/linear-algebra/week-4/lab.ipynb (used by tests/test_labs.py).

Each function replaces the notebook's exercise cell that defines the same name.
"""

import numpy as np


def transition_matrix(adjacency):
    A = np.array(adjacency, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"adjacency must be square, got shape {A.shape}")
    if np.any(A < 0):
        raise ValueError("adjacency must not have negative entries")
    n = len(A)
    links = A.sum(axis=1)                  # the links ON each page
    P = A.T.copy()                         # P[i, j] = A[j, i]: from j to i
    for j in range(n):
        if links[j] == 0:
            P[:, j] = 1 / n                # a dangling page: jump anywhere
        else:
            P[:, j] = P[:, j] / links[j]
    return P


def steady_state(P):
    values, vectors = np.linalg.eig(np.array(P, dtype=float))
    k = np.argmin(np.abs(values - 1))
    v = vectors[:, k].real
    return v / v.sum()


def power_iteration(P, x0, tol=1e-10, max_steps=1000):
    P, x = np.array(P, dtype=float), np.array(x0, dtype=float)
    for steps in range(1, max_steps + 1):
        x_new = P @ x
        if np.abs(x_new - x).sum() < tol:
            return x_new, steps
        x = x_new
    raise ValueError(f"no convergence in {max_steps} steps")


def covariance_matrix(X):
    X = np.array(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError(f"X must have shape (m, n) with m >= 2, got {X.shape}")
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / (X.shape[0] - 1)


def principal_axes(C):
    values, vectors = np.linalg.eigh(np.array(C, dtype=float))
    return values[::-1], vectors[:, ::-1]


def project(X, mean, V_k):
    return (np.array(X, dtype=float) - mean) @ np.array(V_k, dtype=float)


def reconstruct(Z, mean, V_k):
    return np.array(Z, dtype=float) @ np.array(V_k, dtype=float).T + mean


def cumulative_explained_variance(eigenvalues):
    values = np.clip(np.array(eigenvalues, dtype=float), 0, None)
    if values.ndim != 1 or values.size == 0 or values.sum() == 0:
        raise ValueError("need at least one eigenvalue and a positive total")
    return np.cumsum(values) / values.sum()
