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
    e, f = b  # the system ax + by = e, cx + dy = f, as in the lessons
    (a, b), (c, d) = A
    return np.array([(d * e - b * f) / det, (a * f - c * e) / det])


def classify_2x2(A, b):
    if not is_singular(A):
        return "unique"
    if not np.any(A):
        # 0x + 0y = b_i: every (x, y) solves it if b = 0, none does otherwise
        return "infinite" if not np.any(b) else "none"
    with_b_first = [[b[0], A[0][1]], [b[1], A[1][1]]]
    with_b_second = [[A[0][0], b[0]], [A[1][0], b[1]]]
    if is_singular(with_b_first) and is_singular(with_b_second):
        return "infinite"
    return "none"
