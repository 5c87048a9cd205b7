r"""Read a system of linear equations typed as text into $\mathbf{A}$, $\mathbf{b}$ and the names.

The text is checked here, character by character and token by token, before SymPy reads
it: SymPy's parser evaluates Python, so it only ever sees one side of one equation made
of numbers, plain names, ``+ - * /`` and brackets.
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
import unicodedata
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from mathbook._validate import FloatArray, InputError

__all__ = ["ParsedSystem", "parse_system"]

_ALLOWED = re.compile(r"[A-Za-z0-9_+\-*/.()= \t]")
_SEPARATOR = re.compile(r"[;\r\n]")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_NUMBER = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_ALLOWED_TEXT = "letters, digits, spaces and + - * / . ( ) = _"


class ParsedSystem(NamedTuple):
    r"""A system $\mathbf{A}\mathbf{x} = \mathbf{b}$ read from text; unpacks as ``A, b, names``.

    Attributes
    ----------
    A : ndarray, shape (m, n)
        Coefficients: row ``i`` is equation ``i``, column ``j`` the unknown ``names[j]``.
    b : ndarray, shape (m,)
        Right-hand sides.
    names : tuple of str
        The unknowns, in the order of the columns of ``A``.
    """

    A: FloatArray
    b: FloatArray
    names: tuple[str, ...]


def _equations(text: str) -> list[str]:
    """The non-empty pieces of ``text`` between newlines and semicolons."""
    return [piece.strip() for piece in _SEPARATOR.split(text) if piece.strip()]


def _check_characters(equation: str, where: str) -> None:
    for char in equation:
        if not _ALLOWED.fullmatch(char):
            described = repr(char) if char.isprintable() else f"U+{ord(char):04X}"
            label = unicodedata.name(char, "")
            named = f" ({label.lower()})" if label and not char.isascii() else ""
            raise ValueError(
                f"{where} contains {described}{named}, which is not allowed: use only "
                f"{_ALLOWED_TEXT}"
            )


def _tokens(side: str, where: str) -> list[tokenize.TokenInfo]:
    """The Python tokens of one side (names, numbers, operators), as SymPy will read them."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(side).readline))
    except (tokenize.TokenError, SyntaxError) as exc:
        problem = "unbalanced brackets" if "(" in side or ")" in side else str(exc)
        raise ValueError(f"{where} could not be read: {problem}") from None
    skip = {tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT}
    return [token for token in tokens if token.type not in skip]


def _check_tokens(tokens: list[tokenize.TokenInfo], where: str) -> list[str]:
    """Refuse what is not a number, a plain name, + - * / or a bracket; return the names."""
    names = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        text = token.string
        if token.type == tokenize.NAME:
            if not _NAME.fullmatch(text) or keyword.iskeyword(text):
                reason = "a Python keyword" if keyword.iskeyword(text) else "not a plain name"
                raise ValueError(
                    f"{where}: {text!r} is {reason}; an unknown is a letter followed by "
                    "letters, digits or _"
                )
            if following is not None and following.string == "(":
                raise ValueError(
                    f"{where}: {text}( reads as a function call; write {text}*( for a product"
                )
            names.append(text)
        elif token.type == tokenize.OP:
            if text == "**":
                raise ValueError(f"{where} is not linear: it has a power (**)")
            if text not in {"+", "-", "*", "/", "(", ")"}:
                problem = "is only allowed as a decimal point" if text == "." else "is not allowed"
                raise ValueError(f"{where}: {text!r} {problem}")
        elif token.type == tokenize.NUMBER and following is not None \
                and following.type == tokenize.NUMBER:
            raise ValueError(
                f"{where}: two numbers side by side ({text!r} and {following.string!r}); put an "
                "operator between them (and write 1, not 01)"
            )
        elif token.type != tokenize.NUMBER:
            raise ValueError(f"{where} could not be read at {text!r}")
        elif not _NUMBER.fullmatch(text):
            raise ValueError(
                f"{where}: Python reads {text!r} as a number (hexadecimal, binary, octal, "
                "imaginary or with _); put * between a number and an unknown, as in 0*x1 or 3*j"
            )
    return names


def _parse_side(side: str, symbols: dict[str, Any], where: str) -> Any:
    from sympy.parsing.sympy_parser import (
        implicit_multiplication,
        parse_expr,
        rationalize,
        standard_transformations,
    )

    transformations = (*standard_transformations, implicit_multiplication, rationalize)
    try:
        return parse_expr(side, local_dict=dict(symbols), transformations=transformations)
    except Exception as exc:  # SymPy reports bad syntax with several exception types
        raise ValueError(f"{where} could not be read as a formula: {exc}") from None


def _check_linear(expr: Any, symbols: list[Any], where: str) -> None:
    """Every term of the expanded ``left - right`` is a finite number, or one times an unknown."""
    import sympy

    for term in sympy.Add.make_args(sympy.expand(expr)):
        if not term.free_symbols:  # a number: 0 = 0 when everything cancels
            coefficient, rest = term, sympy.S.One
        else:
            coefficient, rest = term.as_independent(*symbols, as_Add=False)
        if rest != 1 and rest not in symbols:
            raise ValueError(
                f"{where} is not linear: it contains the term {term} (each term must be a "
                "number or a number times one unknown)"
            )
        if not coefficient.is_finite:
            raise ValueError(f"{where} divides by zero")


def _as_float(entry: Any) -> float:
    try:
        return float(entry)
    except OverflowError:
        return np.inf


def _check_unknowns(unknowns: Sequence[str]) -> tuple[str, ...]:
    if isinstance(unknowns, str) or not isinstance(unknowns, Sequence):
        raise InputError(
            f"unknowns must be a sequence of names such as ('x', 'y'), got {unknowns!r}"
        )
    for name in unknowns:
        if not isinstance(name, str):
            raise InputError(f"unknowns must be names (strings), got {name!r}")
        if not _NAME.fullmatch(name) or keyword.iskeyword(name):
            raise ValueError(f"unknowns must be plain names, got {name!r}")
    if len(set(unknowns)) != len(unknowns) or not unknowns:
        raise ValueError(f"unknowns must be distinct and at least one, got {tuple(unknowns)}")
    return tuple(unknowns)


def parse_system(text: str, unknowns: Sequence[str] | None = None) -> ParsedSystem:
    r"""Read linear equations typed as text into $\mathbf{A}$, $\mathbf{b}$ and the unknowns' names.

    Each equation $a_{i1}x_1 + \dots + a_{in}x_n = b_i$ becomes row $i$ of
    $\mathbf{A}$ and entry $i$ of $\mathbf{b}$. Terms may stand on either side of
    the ``=``: the equation is read as ``left - right = 0``.

    Grammar:

    * equations are separated by newlines or ``;`` (blank pieces are skipped);
    * an equation is ``side = side``;
    * a side is built from numbers (``3``, ``2.5``, ``.5``, ``1e-3``), unknowns,
      ``+ - * /`` and brackets; a number or a bracket written before an unknown or a
      bracket multiplies it: ``3x``, ``2.5 y``, ``2(x + y)``, ``(x - y)/3``;
    * an unknown is a plain name: a letter, then letters, digits or ``_`` (``x``,
      ``x1``, ``x_2``, ``price``). ``xy`` is one name, not ``x*y``. Every name is an
      unknown, including ``E``, ``I`` or ``pi``.

    The unknowns are ordered by their first appearance (left to right, top to
    bottom), or as ``unknowns`` lists them. Fractions are exact while reading
    (``0.1x + 0.2x`` is ``0.3x``) and become floats at the end. The text is parsed by
    SymPy (``parse_expr``, then ``linear_eq_to_matrix``) after it has been checked
    here, so SymPy only sees numbers, names, ``+ - * /`` and brackets.

    Parameters
    ----------
    text : str
        The equations.
    unknowns : sequence of str, optional
        The order of the columns. Every name used in ``text`` must be listed; a listed
        name that does not appear gets a column of zeros.

    Returns
    -------
    ParsedSystem
        ``A`` (float, shape ``(m, n)``), ``b`` (float, shape ``(m,)``) and ``names``;
        unpack it as ``A, b, names = parse_system(text)``.

    Raises
    ------
    InputError
        If ``text`` is not a string or ``unknowns`` not a sequence of strings (a
        ``ValueError`` and a ``TypeError``).
    ValueError
        Naming the equation and the problem: ``text`` empty; a
        character other than letters, digits, spaces, ``+ - * / . ( ) = _``; no ``=``
        or more than one; an empty side; a ``.`` that is not a decimal point; two
        numbers side by side (``3 4``, ``01``); a number
        that Python reads as something else (``0x1`` is hexadecimal, ``3j`` imaginary:
        write ``0*x1``, ``3*j``); a name
        that is a Python keyword or starts with ``_``; a name followed by ``(`` (a
        function call); a power ``**``; a term that is not linear (``x*y``, ``1/x``),
        named in the message; an equation without unknowns (``3 = 3``); a division by
        zero or a number too large for a float; a name missing from ``unknowns``.

    Examples
    --------
    >>> A, b, names = parse_system("3x + 6y - z = 1\nx - y = 0; 2z = y/2 + 4")
    >>> names
    ('x', 'y', 'z')
    >>> A.tolist(), b.tolist()
    ([[3.0, 6.0, -1.0], [1.0, -1.0, 0.0], [0.0, -0.5, 2.0]], [1.0, 0.0, 4.0])
    >>> parse_system("x*y = 1")
    Traceback (most recent call last):
    ...
    ValueError: equation 1 ('x*y = 1') is not linear: it contains the term x*y (each term must be a number or a number times one unknown)

    See Also
    --------
    ``sympy.linear_eq_to_matrix`` does the last step. Used in the
    [lab: a Gaussian-elimination solver](../../linear-algebra/week-2/lab.ipynb).
    """  # noqa: E501
    if not isinstance(text, str):
        raise InputError(f"text must be a string of equations, got {type(text).__name__}")
    equations = _equations(text)
    if not equations:
        raise ValueError("text has no equations: write one equation per line, such as x + y = 2")
    order = None if unknowns is None else _check_unknowns(unknowns)

    sides: list[tuple[str, str, str]] = []
    names: list[str] = []
    for number, equation in enumerate(equations, start=1):
        where = f"equation {number} ({equation!r})"
        _check_characters(equation, where)
        parts = equation.split("=")
        if len(parts) != 2:
            problem = "has no '='" if len(parts) == 1 else f"has {len(parts) - 1} '=' signs"
            raise ValueError(
                f"{where} {problem}: write each equation as left = right, one per line or "
                "separated by ';'"
            )
        left, right = (part.strip() for part in parts)
        if not left or not right:
            raise ValueError(f"{where} has nothing on the {'left' if not left else 'right'} of '='")
        found = _check_tokens(_tokens(left, where), where) + _check_tokens(
            _tokens(right, where), where)
        if not found:
            raise ValueError(f"{where} has no unknown: it is only numbers")
        for name in found:
            if name not in names:
                names.append(name)
        sides.append((left, right, where))

    if order is not None:
        missing = [name for name in names if name not in order]
        if missing:
            raise ValueError(f"{missing[0]!r} appears in the text but not in unknowns {order}")
        names = list(order)
    return _to_matrices(sides, tuple(names))


def _to_matrices(sides: list[tuple[str, str, str]], names: tuple[str, ...]) -> ParsedSystem:
    import sympy

    symbols = {name: sympy.Symbol(name) for name in names}
    unknowns = list(symbols.values())
    expressions = []
    for left, right, where in sides:
        expr = _parse_side(left, symbols, where) - _parse_side(right, symbols, where)
        _check_linear(expr, unknowns, where)
        expressions.append(expr)
    A, b = sympy.linear_eq_to_matrix(expressions, unknowns)
    augmented = np.array([[_as_float(entry) for entry in row] for row in A.row_join(b).tolist()])
    for (_, _, where), row in zip(sides, augmented, strict=True):
        if not np.all(np.isfinite(row)):
            raise ValueError(f"{where} has a number too large for a float")
    return ParsedSystem(augmented[:, :-1], augmented[:, -1], names)
