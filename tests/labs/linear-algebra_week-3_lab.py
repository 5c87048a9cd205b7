"""Reference solutions of docs/linear-algebra/week-3/lab.ipynb (used by tests/test_labs.py).

Each function replaces the notebook's exercise cell that defines the same name.
"""

import numpy as np


def transform(A, points):
    points = np.array(points, dtype=float)
    if points.ndim != 2 or points.shape[0] != 2:
        raise ValueError(f"points must have shape (2, n), got {points.shape}")
    return np.array(A, dtype=float) @ points


def matrix_from_images(image_e1, image_e2):
    return np.column_stack([np.array(image_e1, dtype=float), np.array(image_e2, dtype=float)])


def rotation_matrix(theta, degrees=False):
    if degrees:
        theta = np.radians(theta)
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]])


def compose(first, then):
    return np.array(then, dtype=float) @ np.array(first, dtype=float)


def normalise(X):
    X = np.array(X, dtype=float)
    if X.ndim != 2 or X.shape[1] == 0:
        raise ValueError("X must have shape (n_x, m) with at least one example")
    if np.any(np.ptp(X, axis=1) == 0):          # not std == 0, which round-off can miss
        raise ValueError("a feature is constant")
    mean = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    return (X - mean) / std, mean, std


def gradient(W, b, X, Y):
    X, Y = np.array(X, dtype=float), np.array(Y, dtype=float)
    m = X.shape[1]
    error = np.array(W, dtype=float) @ X + np.array(b, dtype=float) - Y
    return error @ X.T / m, error.sum(axis=1, keepdims=True) / m


def train(X, Y, learning_rate, n_steps):
    X = np.array(X, dtype=float)
    W, b = np.zeros((1, X.shape[0])), np.zeros((1, 1))
    for _ in range(n_steps):
        dW, db = gradient(W, b, X, Y)
        W = W - learning_rate * dW
        b = b - learning_rate * db
    return W, b


def predict(W, b, X, x_mean, x_std, y_mean, y_std):
    Z = (np.array(X, dtype=float) - x_mean) / x_std
    Y_hat = np.array(W, dtype=float) @ Z + b
    return y_std * Y_hat + y_mean
