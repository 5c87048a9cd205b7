"""Reference solutions of docs/foundations/week-2/lab.ipynb (used by tests/test_labs.py).

Each function replaces the notebook's exercise cell that defines the same name.
"""

import math

import numpy as np


def design_matrix(features):
    features = np.asarray(features, dtype=float)
    if features.ndim == 1:
        features = features[:, None]
    return np.column_stack([np.ones(len(features)), features])


def predict(X, w):
    return np.asarray(X, dtype=float) @ np.asarray(w, dtype=float)


def mse(X, y, w):
    y = np.asarray(y, dtype=float)
    if len(y) == 0:
        raise ValueError("no examples")
    r = y - predict(X, w)
    return (r @ r) / len(y)


def normal_equations_fit(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise ValueError("the columns of X are dependent")
    return np.linalg.solve(X.T @ X, X.T @ y)


def standardise(features):
    features = np.asarray(features, dtype=float)
    if np.any(np.ptp(features, axis=0) == 0):      # not std == 0, which round-off can miss
        raise ValueError("a feature is constant")
    mean = features.mean(axis=0)
    std = features.std(axis=0)
    return (features - mean) / std, mean, std


def unstandardise(v, mean, std):
    v = np.asarray(v, dtype=float)
    slopes = v[1:] / std
    return np.concatenate([[v[0] - slopes @ mean], slopes])


def gradient(X, y, w):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return 2 / len(y) * X.T @ (predict(X, w) - y)


def gradient_descent_fit(features, y, alpha, tol=1e-8, max_steps=10_000):
    Z, mean, std = standardise(features)
    X = design_matrix(Z)
    v, previous = np.zeros(X.shape[1]), math.inf
    for steps in range(max_steps):
        step = alpha * gradient(X, y, v)
        size = np.linalg.norm(step)
        if not math.isfinite(size) or size > previous:
            return unstandardise(v, mean, std), steps, "diverged"
        v = v - step
        if size < tol:
            return unstandardise(v, mean, std), steps + 1, "converged"
        previous = size
    return unstandardise(v, mean, std), max_steps, "not converged"
