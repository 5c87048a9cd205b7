"""Printing numbers and matrices the way a textbook writes them.

The worked examples of the book are printed by the code, so the numbers must look like
the ones a person would write by hand: ``2`` rather than ``2.0``, ``3/2`` rather than
``1.5000000000000002``, and a bar before the right-hand side of an augmented matrix.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import FloatArray, as_array, as_scalar, check_int

__all__ = ["format_number", "matrix_to_latex", "matrix_to_text"]

#: Largest denominator printed as a fraction.
_MAX_DENOMINATOR = 100
#: Relative distance below which a float is taken to *be* an integer or a fraction.
_SNAP_RTOL = 1e-9
#: Integers at least this large are printed in scientific notation.
_BIG_INTEGER = 1e15
#: Only numbers smaller than this in magnitude are printed as fractions (not 1234567/10).
_BIG_FRACTION = 1000.0


def _scientific_latex(text: str) -> str:
    """Turn ``'1.235e-05'`` into ``'1.235 \\times 10^{-5}'``."""
    mantissa, exponent = text.split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def format_number(x: Any, latex: bool = False) -> str:
    r"""Format a number the way a textbook prints it.

    The rules, in order:

    * $-0$ prints as ``0``;
    * a value within a relative $10^{-9}$ of an integer prints as that integer;
    * a value below 1000 in magnitude within a relative $10^{-9}$ of a fraction $p/q$
      with $q \le 100$ prints as the fraction: ``3/2`` in text, ``\tfrac{3}{2}`` in
      LaTeX, the sign in front;
    * anything else prints with 4 significant digits (``0.1235``, ``1.235e-05``, in
      LaTeX ``1.235 \times 10^{-5}``).

    Parameters
    ----------
    x : float
        A real number (Python or NumPy scalar).
    latex : bool, default False
        Return LaTeX instead of plain text.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``x`` is not a real number.

    Examples
    --------
    >>> format_number(2.0), format_number(-0.0), format_number(1.5000000000000002)
    ('2', '0', '3/2')
    >>> format_number(-1 / 3, latex=True)
    '-\\tfrac{1}{3}'
    >>> format_number(3.14159265), format_number(0.000012345, latex=True)
    ('3.142', '1.234 \\times 10^{-5}')
    """
    value = as_scalar(x, "x", finite=False)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        sign = "-" if value < 0 else ""
        return sign + (r"\infty" if latex else "inf")
    nearest = round(value)
    if abs(value - nearest) <= _SNAP_RTOL * abs(value):
        if abs(nearest) < _BIG_INTEGER:
            return str(int(nearest))  # int() also turns -0.0 into 0
    elif abs(value) < _BIG_FRACTION:
        fraction = Fraction(value).limit_denominator(_MAX_DENOMINATOR)
        if abs(value - float(fraction)) <= _SNAP_RTOL * abs(value):
            sign = "-" if fraction < 0 else ""
            p, q = abs(fraction.numerator), fraction.denominator
            return sign + (rf"\tfrac{{{p}}}{{{q}}}" if latex else f"{p}/{q}")
    text = f"{value:.4g}"
    if latex and "e" in text:
        return _scientific_latex(text)
    return text


def _as_display_matrix(M: ArrayLike, augmented_columns: int) -> tuple[FloatArray, int]:
    """Validate a matrix to print (a 1-D array is a column) and the size of its right part."""
    arr = as_array(M, "M")
    if arr.ndim == 1:
        arr = arr[:, np.newaxis]
    if arr.ndim != 2:
        raise ValueError(f"M must be a vector or a matrix, got {arr.ndim} dimensions")
    k = check_int(augmented_columns, "augmented_columns", minimum=0)
    if k >= arr.shape[1] and k > 0:
        raise ValueError(
            f"augmented_columns must be smaller than the number of columns of M "
            f"({arr.shape[1]}), got {k}"
        )
    return arr, k


def _text_table(M: FloatArray, augmented_columns: int) -> str:
    """Right-aligned columns, ``|`` before the last ``augmented_columns`` columns."""
    cells = [[format_number(v) for v in row] for row in M.tolist()]
    widths = [max(len(row[j]) for row in cells) for j in range(M.shape[1])]
    bar = M.shape[1] - augmented_columns
    lines = []
    for row in cells:
        parts = [cell.rjust(width) for cell, width in zip(row, widths, strict=True)]
        left = "  ".join(parts[:bar])
        if augmented_columns:
            left += " | " + "  ".join(parts[bar:])
        lines.append(f"[ {left} ]")
    return "\n".join(lines)


def _latex_table(M: FloatArray, augmented_columns: int) -> str:
    body = r" \\ ".join(
        " & ".join(format_number(v, latex=True) for v in row) for row in M.tolist()
    )
    if not augmented_columns:
        return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"
    bar = M.shape[1] - augmented_columns
    spec = "c" * bar + "|" + "c" * augmented_columns
    return rf"\left[\begin{{array}}{{{spec}}} {body} \end{{array}}\right]"


def matrix_to_text(M: ArrayLike, augmented_columns: int = 0) -> str:
    r"""A matrix as aligned plain text, one bracketed row per line.

    Entries are formatted by :func:`format_number`; a ``|`` separates the last
    ``augmented_columns`` columns (the right-hand side of $[\mathbf{A} \mid \mathbf{b}]$).

    Parameters
    ----------
    M : array_like
        A matrix, or a vector (printed as a column).
    augmented_columns : int, default 0
        How many columns on the right form the augmented part.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``M`` is not a finite vector or matrix, or ``augmented_columns`` is not an
        integer in ``0 .. M.shape[1] - 1``.

    Examples
    --------
    >>> print(matrix_to_text([[1, 2, 3], [0, -0.5, 10]], augmented_columns=1))
    [ 1     2 |  3 ]
    [ 0  -1/2 | 10 ]
    """
    arr, k = _as_display_matrix(M, augmented_columns)
    return _text_table(arr, k)


def matrix_to_latex(M: ArrayLike, augmented_columns: int = 0) -> str:
    r"""A matrix as LaTeX: a ``bmatrix``, or a bracketed ``array`` with a bar.

    Parameters
    ----------
    M : array_like
        A matrix, or a vector (printed as a column).
    augmented_columns : int, default 0
        How many columns on the right form the augmented part; if positive the result is
        ``\left[\begin{array}{cc|c} ... \end{array}\right]``.

    Returns
    -------
    str
        LaTeX for use inside ``$...$`` or ``$$...$$``.

    Raises
    ------
    ValueError
        As for :func:`matrix_to_text`.

    Examples
    --------
    >>> print(matrix_to_latex([[1, 0.5], [0, 1]]))
    \begin{bmatrix} 1 & \tfrac{1}{2} \\ 0 & 1 \end{bmatrix}
    >>> print(matrix_to_latex([[1, 2, 3], [4, 5, 6]], augmented_columns=1))
    \left[\begin{array}{cc|c} 1 & 2 & 3 \\ 4 & 5 & 6 \end{array}\right]
    """
    arr, k = _as_display_matrix(M, augmented_columns)
    return _latex_table(arr, k)
