"""Hints for graders: after a failure, probe the learner's function for known mistakes.

A lab's grader module wraps a plain :class:`~mathbook.check.Grader` in :class:`Hinted`
with a list of ``(detector, hint)`` pairs. A detector calls the learner's function on a
small probe (through :func:`answer`, which never raises) and says whether the result
shows one well-known mistake: a sum where a mean belongs, a sign error, an absolute
tolerance. Only a failed grading is probed, so a right answer never gets a hint.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from mathbook.check._core import CheckResult

NO_ANSWER = object()
"""What :func:`answer` returns when the learner's function raised."""

Detector = Callable[[Callable[..., Any]], bool]
"""Takes the learner's function and says whether it shows one known mistake."""


def answer(fn: Callable[..., Any], *args: Any) -> Any:
    """The learner's result on a fresh copy of ``args``, quietly; never raises."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return fn(*copy.deepcopy(args))
        except Exception:
            return NO_ANSWER


def raises(fn: Callable[..., Any], *args: Any) -> bool:
    """The learner's function raised on ``args`` (any exception)."""
    return answer(fn, *args) is NO_ANSWER


def same(got: Any, expected: Any) -> bool:
    """``got`` equals ``expected`` up to round-off: the same shape and numbers within
    ``|got - expected| <= 1e-12 + 1e-9 |expected|``. A tuple matches a tuple (or list)
    of the same length, item by item; a string, ``None``, a boolean scalar, an array of
    strings, objects or complex numbers, or :data:`NO_ANSWER` never matches.

    >>> same([1, 2], np.array([1.0, 2.0])), same(["1", "2"], np.array([1.0, 2.0]))
    (True, False)
    """
    if isinstance(expected, tuple):
        return (isinstance(got, (tuple, list)) and len(got) == len(expected)
                and all(same(g, e) for g, e in zip(got, expected, strict=True)))
    if got is NO_ANSWER or got is None or isinstance(got, (str, bool, np.bool_)):
        return False
    try:
        values, wanted = np.asarray(got), np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if values.dtype.kind not in "biuf":
        return False
    return values.shape == wanted.shape and bool(
        np.allclose(values.astype(np.float64), wanted, rtol=1e-9, atol=1e-12, equal_nan=True))


def gives(fn: Callable[..., Any], args: tuple[Any, ...], expected: Any) -> bool:
    """The learner's function returns ``expected`` (see :func:`same`) on ``args``."""
    return same(answer(fn, *args), expected)


def right_on(fn: Callable[..., Any], reference: Callable[..., Any],
             *cases: tuple[Any, ...]) -> bool:
    """The function is right on these plain cases: a hint about an edge is then safe."""
    return all(gives(fn, case, reference(*case)) for case in cases)


RETURNS_DOC = """
    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case, and a hint
        when the mistake is a common one) or ``not done yet: …``. Never raises because
        of your function.
"""
"""The Returns section of every grader a learner calls (its ``{returns}`` placeholder)."""


def document_returns(*graders: Callable[..., Any]) -> None:
    """Put :data:`RETURNS_DOC` in place of each grader's ``{returns}`` docstring line."""
    for grader_fn in graders:
        grader_fn.__doc__ = (grader_fn.__doc__ or "").replace("    {returns}\n", RETURNS_DOC)


@dataclass(frozen=True)
class Hinted:
    """A grader that, when the learner fails, adds the hint of the first mistake seen."""

    grade: Callable[[Any], CheckResult]
    hints: tuple[tuple[Detector, str], ...]

    def __call__(self, fn: Any) -> CheckResult:
        result = self.grade(fn)
        if result.passed or not callable(fn) or not result.message.startswith("failed"):
            return result
        for detect, hint in self.hints:
            try:
                seen = detect(fn)
            except Exception:  # a detector must never turn a failure into a crash
                seen = False
            if seen:
                return CheckResult(False, result.n_cases, f"{result.message}\nhint: {hint}")
        return result
