"""Input validation shared by every public function of :mod:`mathbook`.

Public functions call these helpers first, so that bad input is rejected at the edge
with a message that names the argument and the problem, instead of a NumPy traceback
from deep inside an algorithm. Internal helpers trust their input.

**The rule for errors.** Input of the wrong *type* — a string, ``None`` or a bool
where a number belongs, a list where a dict belongs, an unknown kind of object —
raises :class:`InputError`, which is both a :class:`TypeError` and a
:class:`ValueError`, so ``except TypeError`` (the NumPy and scikit-learn habit) and
``except ValueError`` both catch it. Input of the right type with a wrong *value* —
out of range, not finite, the wrong shape, an unknown option name — raises
:class:`ValueError` (or a subclass such as ``linalg.SingularMatrixError``). Messages
show numbers as plain Python numbers (``0.5``, never ``np.float64(0.5)``).

Every array helper returns a *new* ``float64`` array (or a Python number), so callers
may modify the result without touching the caller's data, and integer input never
truncates in later arithmetic.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any, TypeAlias, TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

FloatOrArray: TypeAlias = float | FloatArray
"""A Python ``float`` for a scalar argument, an array of the argument's shape otherwise."""

Seed: TypeAlias = int | np.random.Generator | None
"""What every random function accepts as ``seed``."""

__all__ = [
    "FloatArray",
    "FloatOrArray",
    "InputError",
    "Seed",
    "as_array",
    "as_binary_labels",
    "as_labels",
    "as_matrix",
    "as_scalar",
    "as_square_matrix",
    "as_vector",
    "check_binary",
    "check_bool",
    "check_callable",
    "check_int",
    "check_open_interval",
    "check_option",
    "check_positive",
    "check_probabilities",
    "check_probability",
    "check_same_length",
    "check_seed",
    "float_or_array",
    "plain",
    "scaled_tol",
]

_Option = TypeVar("_Option", bound=str)


class InputError(TypeError, ValueError):
    """Input of the wrong type: both a ``TypeError`` and a ``ValueError``.

    Raised where a number, an array of numbers, a dict or an option name was expected
    and something of another type was given (a string, ``None``, a bool, ...).

    Examples
    --------
    >>> from mathbook import linalg
    >>> try:
    ...     linalg.det([["1", "2"], ["3", "4"]])
    ... except TypeError as err:          # ``except ValueError`` works as well
    ...     print(err)
    A must contain numbers, got the string '1' at index (0, 0)
    """


def plain(value: Any) -> str:
    """``repr`` of a value for a message, NumPy scalars shown as Python numbers."""
    if isinstance(value, np.generic):
        value = value.item()
    return repr(value)


def _shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(s) for s in shape) + (",)" if len(shape) == 1 else ")")


def _index_text(index: tuple[int, ...]) -> str:
    return str(index[0]) if len(index) == 1 else str(index)


def _type_problem(item: Any) -> str | None:
    """What is wrong with one entry of an array of numbers, or ``None`` if nothing."""
    if item is None:
        return "None"
    if isinstance(item, (str, bytes, np.str_, np.bytes_)):
        return f"the string {plain(item)}"
    if isinstance(item, (bool, np.bool_)):
        return f"the bool {plain(item)} (use 0 and 1 for numbers)"
    if isinstance(item, (complex, np.complexfloating)):
        return f"the complex number {plain(item)} (only real numbers are allowed)"
    if not isinstance(item, (numbers.Real, np.number)):
        return f"a {type(item).__name__}"
    return None


def _check_entry_types(entries: NDArray[Any], name: str) -> None:
    """Raise :class:`InputError` at the first entry that is not a real number."""
    for index, item in np.ndenumerate(entries):
        problem = _type_problem(item)
        if problem is not None:
            where = "" if entries.ndim == 0 else f" at index {_index_text(tuple(index))}"
            raise InputError(f"{name} must contain numbers, got {problem}{where}")


def _too_large(raw: NDArray[Any], name: str) -> ValueError:
    """The error for Python integers beyond the range of a ``float64``."""
    limit = float(np.finfo(np.float64).max)
    for index, item in np.ndenumerate(raw):
        if isinstance(item, numbers.Integral) and abs(int(item)) > limit:
            digits = len(str(abs(int(item))))
            where = "" if raw.ndim == 0 else f" at index {_index_text(tuple(index))}"
            return ValueError(
                f"{name} has an integer with {digits} digits{where}, too large for a "
                "float64 (at most about 1.8e308)"
            )
    return ValueError(f"{name} has a number too large for a float64 (at most about 1.8e308)")


def as_array(x: ArrayLike, name: str, *, allow_empty: bool = False) -> FloatArray:
    """Convert ``x`` to a fresh finite ``float64`` array.

    Raises :class:`InputError` for anything that is not a real number or a
    (nested) list/array of them: ``None``, strings (even of digits), bools,
    complex numbers; :class:`ValueError` for ragged lists, integers too large for a
    ``float64``, an empty array (unless ``allow_empty``) and NaN or infinite entries.
    """
    if x is None:
        raise InputError(f"{name} must be a number or an array of numbers, got None")
    if isinstance(x, (str, bytes)):
        raise InputError(f"{name} must be numeric, got the string {x!r}")
    try:
        raw = np.asarray(x)
    except ValueError as exc:
        raise ValueError(
            f"{name} must be a number or a rectangular (nested) list/array of numbers: {exc}"
        ) from None
    if raw.dtype.kind not in "iuf":
        _check_entry_types(raw, name)
    try:
        arr = np.array(raw, dtype=np.float64, copy=True)
    except OverflowError:
        raise _too_large(raw, name) from None
    if isinstance(x, (list, tuple)) and np.any((arr == 0.0) | (arr == 1.0)):
        entries = np.array(x, dtype=object)  # NumPy silently reads True as 1 in a list
        if any(type(item) is bool for item in entries.flat):
            _check_entry_types(entries, name)
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {_shape_text(arr.shape)}")
    if not np.all(np.isfinite(arr)):
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(arr))[0])
        where = "" if arr.ndim == 0 else f" at index {_index_text(bad)}"
        raise ValueError(f"{name} must contain only finite numbers, got {plain(arr[bad])}{where}")
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


def as_scalar(x: Any, name: str, *, finite: bool = True) -> float:
    """A real number as a Python ``float``: finite unless ``finite=False``."""
    if isinstance(x, np.ndarray) and x.ndim == 0:
        x = x.item()
    problem = _type_problem(x)
    if problem is not None:
        raise InputError(f"{name} must be a real number, got {problem}")
    try:
        value = float(x)
    except OverflowError:
        raise _too_large(np.asarray(x, dtype=object), name) from None
    if finite and not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return value


def check_int(x: Any, name: str, *, minimum: int | None = None) -> int:
    """A Python ``int`` (``bool`` rejected), optionally at least ``minimum``."""
    if isinstance(x, bool) or not isinstance(x, (numbers.Integral, np.integer)):
        raise InputError(f"{name} must be an integer, got {plain(x)}")
    value = int(x)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def check_callable(f: Any, name: str, *, optional: bool = False) -> None:
    """Raise :class:`InputError` unless ``f`` is callable (or ``None`` when ``optional``)."""
    if not (callable(f) or (optional and f is None)):
        also = " or None" if optional else ""
        raise InputError(f"{name} must be a callable function{also}, got {type(f).__name__}")


def check_bool(x: Any, name: str) -> bool:
    """A flag: ``True`` or ``False`` (a NumPy bool too), never a number or a string."""
    if not isinstance(x, (bool, np.bool_)):
        raise InputError(f"{name} must be True or False, got {plain(x)}")
    return bool(x)


def check_seed(seed: Any) -> np.random.Generator:
    """A NumPy ``Generator`` from a seed.

    A non-negative ``int`` seeds a new generator (the same numbers every run), a
    ``Generator`` is used as it is (so several calls can share one stream), and
    ``None`` gives a fresh, unpredictable generator.
    """
    if seed is None or isinstance(seed, np.random.Generator):
        return np.random.default_rng(seed)
    if isinstance(seed, bool) or not isinstance(seed, (numbers.Integral, np.integer)):
        raise InputError(
            f"seed must be a non-negative int, a numpy.random.Generator or None, got {plain(seed)}"
        )
    return np.random.default_rng(check_int(seed, "seed", minimum=0))


def _choices(allowed: Sequence[str]) -> str:
    quoted = [repr(option) for option in allowed]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check_option(name: str, value: Any, allowed: Sequence[_Option]) -> _Option:
    """``value`` if it is one of the strings ``allowed`` (typically a ``Literal``'s arguments)."""
    if not isinstance(value, str):
        raise InputError(f"{name} must be {_choices(allowed)}, got {plain(value)}")
    for option in allowed:
        if value == option:
            return option
    raise ValueError(f"{name} must be {_choices(allowed)}, got {value!r}")


def check_binary(labels: FloatArray, name: str) -> FloatArray:
    """``labels`` itself, after checking that every entry is 0 or 1."""
    bad = (labels != 0.0) & (labels != 1.0)
    if np.any(bad):
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} must contain only 0 and 1, got {plain(labels[where])} "
            f"at index {_index_text(where)}"
        )
    return labels


def as_binary_labels(y: ArrayLike, name: str) -> FloatArray:
    """A 1-D float array of 0/1 labels; an all-bool list or array counts as 0/1."""
    if isinstance(y, (list, tuple, np.ndarray)) and np.asarray(y).dtype == np.bool_:
        y = np.asarray(y, dtype=np.float64)
    return check_binary(as_vector(y, name), name)


def as_labels(y: Any, name: str, length: int | None = None, other: str = "X") -> NDArray[Any]:
    """A non-empty 1-D array of class labels (numbers, strings or bools), copied."""
    if y is None or isinstance(y, (str, bytes)):
        raise InputError(f"{name} must be a 1-D sequence of labels, got {plain(y)}")
    labels = np.array(y, copy=True)
    if labels.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels, got shape {labels.shape}")
    if labels.size == 0:
        raise ValueError(f"{name} must not be empty")
    if labels.dtype.kind == "c":
        raise InputError(f"{name} must not contain complex numbers")
    if labels.dtype.kind == "f" and not np.all(np.isfinite(labels)):
        raise ValueError(f"{name} must not contain NaN or infinite labels")
    if length is not None and labels.size != length:
        raise ValueError(
            f"{other} and {name} must have the same length, got {length} and {labels.size}"
        )
    return labels


def float_or_array(values: FloatArray) -> FloatOrArray:
    """A 0-d result as a Python ``float`` (the package's one scalar type), else the array."""
    return float(values) if values.ndim == 0 else values


def check_probabilities(arr: FloatArray, name: str) -> FloatArray:
    """``arr`` itself, after checking that every entry lies in [0, 1]."""
    outside = (arr < 0.0) | (arr > 1.0)
    if np.any(outside):
        where = tuple(int(i) for i in np.argwhere(outside)[0])
        at = "" if arr.ndim == 0 else f" at index {_index_text(where)}"
        raise ValueError(
            f"{name} must contain probabilities in [0, 1], got {plain(arr[where])}{at}"
        )
    return arr


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
