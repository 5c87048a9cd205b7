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


RETURNS_DOC = """
    Returns
    -------
    CheckResult
        Shown as ``passed: …``, ``failed: …`` (with the first failing case, and a hint
        when the mistake is a common one) or ``not done yet: …``. Never raises because
        of your function.
"""
"""The Returns section of every grader a learner calls (its ``{returns}`` placeholder)."""


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
