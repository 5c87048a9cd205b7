"""Validation of class labels, shared by Naive Bayes and the metrics (private)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook._validate import FloatArray, as_vector

__all__ = ["as_binary_labels", "as_labels"]


def as_labels(y: Any, name: str, length: int | None = None, other: str = "X") -> NDArray[Any]:
    """A non-empty 1-D array of class labels (numbers, strings or booleans), copied."""
    if isinstance(y, (str, bytes)):
        raise ValueError(f"{name} must be a 1-D sequence of labels, got a string {y!r}")
    labels = np.array(y, copy=True)
    if labels.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels, got shape {labels.shape}")
    if labels.size == 0:
        raise ValueError(f"{name} must not be empty")
    if labels.dtype.kind == "c":
        raise ValueError(f"{name} must not contain complex numbers")
    if labels.dtype.kind == "f" and not np.all(np.isfinite(labels)):
        raise ValueError(f"{name} must not contain NaN or infinite labels")
    if length is not None and labels.size != length:
        raise ValueError(
            f"{other} and {name} must have the same length, got {length} and {labels.size}"
        )
    return labels


def as_binary_labels(y: ArrayLike, name: str) -> FloatArray:
    """A 1-D array whose entries are all 0 or 1 (booleans allowed)."""
    labels = as_vector(y, name)
    bad = (labels != 0.0) & (labels != 1.0)
    if bad.any():
        raise ValueError(
            f"{name} must contain binary labels 0 and 1, got {float(labels[bad][0])!r}"
        )
    return labels
