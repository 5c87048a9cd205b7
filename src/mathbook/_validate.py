"""Input validation shared by every public function of :mod:`mathbook`.

Public functions call these helpers first, so that bad input is rejected at the edge
with a :class:`ValueError` whose message names the argument and the problem, instead
of a NumPy traceback from deep inside an algorithm. Internal helpers trust their input.

Every helper returns a *new* ``float64`` array (or a Python number), so callers may
modify the result without touching the caller's data, and integer input never
truncates in later arithmetic.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

__all__ = [
    "FloatArray",
    "as_array",
    "as_matrix",
    "as_square_matrix",
    "as_vector",
    "as_scalar",
    "check_probability",
    "check_open_interval",
    "check_positive",
    "check_int",
    "check_same_length",
    "scaled_tol",
]


def _shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(s) for s in shape) + (",)" if len(shape) == 1 else ")")


def as_array(x: ArrayLike, name: str, *, allow_empty: bool = False) -> FloatArray:
    """Convert ``x`` to a fresh finite ``float64`` array or raise ``ValueError``."""
    if isinstance(x, (str, bytes)):
        raise ValueError(f"{name} must be numeric, got a string {x!r}")
    try:
        arr = np.array(x, dtype=np.float64, copy=True)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"{name} must be a number or a (nested) list/array of numbers: {exc}"
        ) from None
    if np.iscomplexobj(np.asarray(x)):
        raise ValueError(f"{name} must be real, got complex values")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {_shape_text(arr.shape)}")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = tuple(int(i) for i in bad)
        raise ValueError(
            f"{name} must contain only finite numbers, got {arr[where]!r} at index "
            f"{where if len(where) != 1 else where[0]}"
        )
    return arr


def as_vector(x: ArrayLike, name: str, *, size: int | None = None) -> FloatArray:
    """A 1-D finite float array, optionally of a given length."""
    arr = as_array(x, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array (vector), got shape {_shape_text(arr.shape)}")
    if size is not None and arr.shape[0] != size:
        raise ValueError(f"{name} must have length {size}, got length {arr.shape[0]}")
    return arr


def as_matrix(x: ArrayLike, name: str) -> FloatArray:
    """A 2-D finite float array."""
    arr = as_array(x, name)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array (matrix), got shape {_shape_text(arr.shape)}")
    return arr


def as_square_matrix(x: ArrayLike, name: str) -> FloatArray:
    """A square 2-D finite float array."""
    arr = as_matrix(x, name)
    rows, cols = arr.shape
    if rows != cols:
        raise ValueError(f"{name} must be square, got shape {_shape_text(arr.shape)}")
    return arr


def as_scalar(x: Any, name: str) -> float:
    """A finite real number as a Python ``float``."""
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, np.floating, np.integer)):
        if isinstance(x, np.ndarray) and x.ndim == 0 and np.isrealobj(x):
            x = x.item()
        else:
            raise ValueError(f"{name} must be a real number, got {type(x).__name__}")
    value = float(x)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return value


def check_int(x: Any, name: str, *, minimum: int | None = None) -> int:
    """A Python ``int`` (``bool`` rejected), optionally at least ``minimum``."""
    if isinstance(x, bool) or not isinstance(x, (numbers.Integral, np.integer)):
        raise ValueError(f"{name} must be an integer, got {x!r}")
    value = int(x)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def check_probability(p: Any, name: str) -> float:
    """A probability: a finite number in the closed interval [0, 1]."""
    value = as_scalar(p, name)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a probability in [0, 1], got {value!r}")
    return value


def check_open_interval(x: Any, name: str, low: float = 0.0, high: float = 1.0) -> float:
    """A number strictly between ``low`` and ``high`` (e.g. a confidence level)."""
    value = as_scalar(x, name)
    if not low < value < high:
        raise ValueError(f"{name} must be in the open interval ({low}, {high}), got {value!r}")
    return value


def check_positive(x: Any, name: str) -> float:
    """A finite number greater than zero."""
    value = as_scalar(x, name)
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value!r}")
    return value


def check_same_length(a: FloatArray, b: FloatArray, name_a: str, name_b: str) -> None:
    """Raise if two arrays differ in their first dimension."""
    if a.shape[0] != b.shape[0]:
        raise ValueError(
            f"{name_a} and {name_b} must have the same length, got {a.shape[0]} and {b.shape[0]}"
        )


def scaled_tol(A: FloatArray, rtol: float | None = None) -> float:
    """Tolerance below which an entry of ``A`` counts as zero.

    ``max(m, n) * eps * max|a_ij|`` — the rule NumPy's ``matrix_rank`` uses, so
    round-off of a size comparable to the matrix's own entries is treated as zero.
    """
    if rtol is None:
        rtol = max(A.shape) * float(np.finfo(np.float64).eps)
    scale = float(np.max(np.abs(A))) if A.size else 0.0
    return rtol * scale
