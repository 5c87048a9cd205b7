r"""The grading engine behind :mod:`mathbook.check`.

A grader runs a learner's function and a hidden reference function on the same
cases and reports the first case where they disagree. Everything here is generic;
the exercise-specific graders live in one module per lab (``linalg_w1`` and so on).

The engine never raises because of something the *learner's* function did: a wrong
answer, a wrong shape, an exception, a missing ``return`` or an input changed in
place all become a failed :class:`CheckResult` with a message. It does raise
:class:`ValueError` for mistakes of the *exercise author* (no cases, a reference
that is not callable, a malformed case), because those must be fixed before the
lab ships.
"""

from __future__ import annotations

import copy
import inspect
import numbers
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import numpy as np

from mathbook._validate import InputError, as_scalar, check_callable, check_int, check_seed

__all__ = [
    "Case",
    "CheckResult",
    "Compare",
    "Grader",
    "check_function",
    "grader",
    "random_cases",
]

Case = tuple[Any, ...] | Mapping[str, Any]
"""One test case: a tuple of positional arguments or a dict of keyword arguments."""

Compare = Callable[[Any, Any], "bool | str"]
"""A custom comparison ``compare(expected, got)``: ``True`` when ``got`` is right,
``False`` or a string explaining the difference when it is wrong."""

_MAX_SHOWN = 300  # characters of a value shown in a message before it is shortened


@dataclass(frozen=True, repr=False)
class CheckResult:
    r"""The outcome of grading one function.

    Its ``repr`` is the message, so a notebook cell that ends with a grader call
    shows ``passed: …`` or ``failed: …`` and nothing else. ``bool(result)`` is
    ``result.passed``, so ``assert check.linalg_w1.det_2x2(det_2x2)`` also works.

    Attributes
    ----------
    passed : bool
        ``True`` when the function matched the reference on every case.
    n_cases : int
        How many cases were run: all of them on success, or up to and including
        the first failing case.
    message : str
        ``"passed: …"``, ``"failed: …"`` (showing the first failing call, the expected
        and the actual result) or ``"not done yet: …"`` for an unfinished stub.

    Examples
    --------
    >>> text = "passed: f matched the reference on 3 cases"
    >>> result = CheckResult(passed=True, n_cases=3, message=text)
    >>> result
    passed: f matched the reference on 3 cases
    >>> bool(result), result.n_cases
    (True, 3)
    """

    passed: bool
    n_cases: int
    message: str

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.passed


# ---------------------------------------------------------------------------
# Showing values in messages
# ---------------------------------------------------------------------------


def _shorten(text: str, limit: int = _MAX_SHOWN) -> str:
    text = " ".join(text.split())  # one line, single spaces
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show_arg(value: Any) -> str:
    """An argument as the learner could type it: arrays as ``array([...])``."""
    if isinstance(value, np.ndarray):
        return _shorten(f"array({value.tolist()!r})")
    return _shorten(repr(value))


def _show_value(value: Any, depth: int = 0) -> str:
    """A result as NumPy prints it (``[-4.   4.5]``), other values by ``repr``.

    Never raises: a value whose ``repr`` fails is shown by its type.
    """
    try:
        if isinstance(value, np.ndarray):
            return _shorten(np.array2string(value, max_line_width=10**6, threshold=60))
        if isinstance(value, np.str_):
            return _shorten(repr(str(value)))
        if isinstance(value, np.generic):
            return _shorten(str(value.item()))
        if isinstance(value, (list, tuple)) and depth < 3 and len(value) <= 20:
            inner = ", ".join(_show_value(v, depth + 1) for v in value)
            if isinstance(value, tuple):
                return _shorten(f"({inner},)" if len(value) == 1 else f"({inner})")
            return _shorten(f"[{inner}]")
        return _shorten(repr(value))
    except Exception:
        return f"<{_type_name(value)} object>"


def _show_exception(exc: BaseException) -> str:
    try:
        text = _shorten(str(exc), 160)
    except Exception:
        text = ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _type_name(value: Any) -> str:
    return type(value).__name__


# ---------------------------------------------------------------------------
# Comparing an expected result with the learner's result
# ---------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return not isinstance(value, (bool, np.bool_)) and isinstance(
        value, (numbers.Real, np.integer, np.floating)
    )


def _mismatch(expected: Any, got: Any, rtol: float, atol: float) -> str | None:
    """``None`` when ``got`` matches ``expected``, otherwise what is wrong, in words."""
    if got is None and expected is not None:
        return f"expected {_show_value(expected)} got None"
    if isinstance(expected, (bool, np.bool_)):
        if not isinstance(got, (bool, np.bool_)):
            return f"expected a bool ({bool(expected)}) got {_type_name(got)} {_show_value(got)}"
        return None if bool(got) == bool(expected) else f"expected {bool(expected)} got {bool(got)}"
    if isinstance(expected, (str, Enum)):
        return None if _plain_equal(expected, got) else (
            f"expected {_show_value(expected)} got {_show_value(got)}"
        )
    if _is_number(expected):
        return _number_mismatch(expected, got, rtol, atol)
    if isinstance(expected, np.ndarray):
        return _array_mismatch(expected, got, rtol, atol)
    if isinstance(expected, (tuple, list)):
        return _sequence_mismatch(expected, got, rtol, atol)
    if isinstance(expected, Mapping):
        return _mapping_mismatch(expected, got, rtol, atol)
    if expected is None:
        return None if got is None else f"expected None got {_show_value(got)}"
    return None if _plain_equal(expected, got) else (
        f"expected {_show_value(expected)} got {_show_value(got)}"
    )


def _plain_equal(expected: Any, got: Any) -> bool:
    """``expected == got`` that is never an array and never raises."""
    try:
        equal = expected == got
    except Exception:
        return False
    return isinstance(equal, (bool, np.bool_)) and bool(equal)


def _number_mismatch(expected: Any, got: Any, rtol: float, atol: float) -> str | None:
    if isinstance(got, np.ndarray) and got.ndim == 0:
        got = got[()]
    if isinstance(got, (np.ndarray, list, tuple)):
        shape = np.shape(got) if not isinstance(got, np.ndarray) else got.shape
        return (
            f"expected a single number ({_show_value(expected)}) got "
            f"{_type_name(got)} of shape {shape}"
        )
    if not _is_number(got):
        shown = f"{_type_name(got)} {_show_value(got)}"
        return f"expected a number ({_show_value(expected)}) got {shown}"
    g, e = float(got), float(expected)
    if (g == e) or (np.isnan(g) and np.isnan(e)) or abs(g - e) <= atol + rtol * abs(e):
        return None
    return f"expected {_show_value(expected)} got {_show_value(got)}"


def _array_mismatch(expected: np.ndarray, got: Any, rtol: float, atol: float) -> str | None:
    numeric = expected.dtype.kind in "biuf"
    try:
        got_array = np.asarray(got)
    except Exception:  # ragged lists and other things NumPy cannot turn into an array
        return f"expected an array of shape {expected.shape} got {_show_value(got)}"
    if numeric and got_array.dtype.kind not in "biuf":
        return f"expected an array of numbers got {_type_name(got)} {_show_value(got)}"
    if got_array.shape != expected.shape:
        return f"expected shape {expected.shape} got shape {got_array.shape}"
    if expected.dtype.kind in "iuf" and got_array.dtype.kind in "iuf":
        same = bool(np.allclose(got_array, expected, rtol=rtol, atol=atol, equal_nan=True))
    else:
        same = bool(np.array_equal(got_array, expected))
    return None if same else f"expected {_show_value(expected)} got {_show_value(got_array)}"


def _sequence_mismatch(expected: tuple[Any, ...] | list[Any], got: Any, rtol: float,
                       atol: float) -> str | None:
    kind = "tuple" if isinstance(expected, tuple) else "list"
    if not isinstance(got, (tuple, list)):
        return (
            f"expected a {kind} of {len(expected)} values got {_type_name(got)} "
            f"{_show_value(got)}"
        )
    if len(got) != len(expected):
        return f"expected {len(expected)} values got {len(got)}: {_show_value(got)}"
    for i, (e, g) in enumerate(zip(expected, got, strict=True)):
        problem = _mismatch(e, g, rtol, atol)
        if problem is not None:
            return f"item {i}: {problem}"
    return None


def _mapping_mismatch(expected: Mapping[Any, Any], got: Any, rtol: float,
                      atol: float) -> str | None:
    if not isinstance(got, Mapping):
        return f"expected a dict got {_type_name(got)} {_show_value(got)}"
    if set(got) != set(expected):
        return f"expected keys {sorted(map(repr, expected))} got {sorted(map(repr, got))}"
    for key, e in expected.items():
        problem = _mismatch(e, got[key], rtol, atol)
        if problem is not None:
            return f"at key {key!r}: {problem}"
    return None


def _identical(a: Any, b: Any) -> bool:
    """Exact structural equality, used to detect an input changed in place."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return False
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, (list, tuple)):
        return (
            type(a) is type(b)
            and len(a) == len(b)
            and all(_identical(x, y) for x, y in zip(a, b, strict=True))
        )
    if isinstance(a, Mapping):
        return (
            isinstance(b, Mapping)
            and set(a) == set(b)
            and all(_identical(a[k], b[k]) for k in a)
        )
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True  # both NaN
    return _plain_equal(a, b)


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------


def _split_case(case: Any, index: int) -> tuple[tuple[Any, ...], dict[str, Any]]:
    if isinstance(case, tuple):
        return case, {}
    if isinstance(case, Mapping):
        if not all(isinstance(k, str) for k in case):
            raise ValueError(f"cases[{index}] must have string keys (argument names)")
        return (), dict(case)
    raise InputError(
        f"cases[{index}] must be a tuple of positional arguments or a dict of keyword "
        f"arguments, got {_type_name(case)}; wrap a single argument as (value,)"
    )


def _normalise_cases(cases: Any) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    if isinstance(cases, (str, bytes, Mapping)) or not isinstance(cases, Iterable):
        raise InputError(
            f"cases must be an iterable of argument tuples or dicts, got {_type_name(cases)}"
        )
    split = [_split_case(case, i) for i, case in enumerate(cases)]
    if not split:
        raise ValueError("cases must contain at least one case, got none")
    return split


def _signature(fn: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):  # some built-ins have no signature
        return None


def _labelled_arguments(signature: inspect.Signature | None, args: tuple[Any, ...],
                        kwargs: dict[str, Any]) -> list[tuple[str | None, Any]]:
    """``(name, value)`` pairs, named after the reference's parameters when possible.

    Positional-only and ``*args`` values get no name, since they cannot be passed by
    keyword; so the call is shown as the learner could type it.
    """
    unnamed: list[tuple[str | None, Any]] = [(None, a) for a in args]
    if signature is None:
        return unnamed + list(kwargs.items())
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:
        return unnamed + list(kwargs.items())
    labelled: list[tuple[str | None, Any]] = []
    for name, value in bound.arguments.items():
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.POSITIONAL_ONLY:
            labelled.append((None, value))
        elif kind is inspect.Parameter.VAR_POSITIONAL:
            labelled.extend((None, v) for v in value)
        elif kind is inspect.Parameter.VAR_KEYWORD:
            labelled.extend(value.items())
        else:
            labelled.append((name, value))
    return labelled


def _call_text(name: str, labelled: list[tuple[str | None, Any]]) -> str:
    shown = ", ".join(
        _show_arg(value) if label is None else f"{label}={_show_arg(value)}"
        for label, value in labelled
    )
    return f"{name}({shown})"


def _learner_name(learner_fn: Any) -> str:
    name = getattr(learner_fn, "__name__", "")
    return name if isinstance(name, str) and name.isidentifier() else "f"


# ---------------------------------------------------------------------------
# Running functions
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    value: Any = None
    error: Exception | None = None


def _run(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Outcome:
    """Call ``fn`` quietly (no warnings printed) and capture its result or exception."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return _Outcome(value=fn(*args, **kwargs))
        except Exception as exc:  # the learner's bug is reported, never re-raised
            return _Outcome(error=exc)


def _judge(expected: _Outcome, got: _Outcome, rtol: float, atol: float,
           compare: Compare | None) -> str | None:
    """What is wrong with ``got`` (in words), or ``None`` if it is right."""
    if expected.error is not None:
        wanted = type(expected.error).__name__
        if got.error is not None:
            if isinstance(got.error, type(expected.error)):
                return None
            return f"expected {wanted} to be raised, got {_show_exception(got.error)}"
        return f"expected {wanted} to be raised, got {_show_value(got.value)}"
    if got.error is not None:
        return f"raised {_show_exception(got.error)} (expected a result)"
    if got.value is None and expected.value is not None:
        return "returned None — did you forget `return`?"
    try:
        if compare is None:
            return _mismatch(expected.value, got.value, rtol, atol)
        verdict = compare(expected.value, got.value)
    except Exception as exc:
        return (
            f"got {_show_value(got.value)}, which could not be compared with the expected "
            f"{_show_value(expected.value)} ({_show_exception(exc)})"
        )
    if isinstance(verdict, str):
        return verdict
    if verdict:
        return None
    return f"expected {_show_value(expected.value)} got {_show_value(got.value)}"


def _changed_argument(before: list[tuple[str | None, Any]],
                      after: list[tuple[str | None, Any]]) -> str | None:
    """Describe the first argument the learner changed in place, if any."""
    for position, ((label, old), (_, new)) in enumerate(zip(before, after, strict=True)):
        if not _identical(old, new):
            if label is None:
                return f"changed argument {position + 1} in place; work on a copy instead"
            return (
                f"changed its input {label} in place; work on a copy instead "
                f"(for example `{label} = np.array({label}, dtype=float)`)"
            )
    return None


def _check_tolerance(value: Any, name: str) -> float:
    tol = as_scalar(value, name)
    if tol < 0:
        raise ValueError(f"{name} must be non-negative, got {tol!r}")
    return tol


def check_function(
    learner_fn: Any,
    reference_fn: Callable[..., Any],
    cases: Iterable[Case],
    *,
    name: str | None = None,
    rtol: float = 1e-7,
    atol: float = 1e-9,
    compare: Compare | None = None,
    allow_mutation: bool = False,
) -> CheckResult:
    r"""Compare a learner's function with a reference function on every case.

    For each case both functions are called on their own deep copy of the
    arguments. Results agree when they are numbers with
    $|\text{got} - \text{expected}| \le \text{atol} + \text{rtol}\,|\text{expected}|$,
    arrays of the same shape whose entries agree that way, sequences and dicts whose
    items agree, or other values (strings, bools, enums) that are equal. When the
    reference raises an exception, the learner must raise the same type or a
    subclass (so "raise ``ValueError`` for a singular matrix" can be graded).
    The learner must also leave its inputs unchanged unless ``allow_mutation``.

    Grading stops at the first failing case, whose call, expected and actual
    result the message shows. The reference's code and name are never shown.

    Parameters
    ----------
    learner_fn : callable
        The function written by the learner. Anything else gives a failed result
        (not an exception), since passing ``f(x)`` instead of ``f`` is a common slip.
    reference_fn : callable
        The correct implementation.
    cases : iterable of tuple or dict
        Each case is a tuple of positional arguments or a dict of keyword arguments.
    name : str, optional
        The exercise name used in messages; defaults to ``learner_fn.__name__``.
    rtol, atol : float, optional
        Relative and absolute tolerances for numbers (default ``1e-7`` and ``1e-9``).
    compare : callable, optional
        ``compare(expected, got)`` replacing the built-in comparison of results; it
        returns ``True`` for a match, or ``False`` or a string describing the
        difference. Not used when the reference raises.
    allow_mutation : bool, optional
        If ``False`` (default) a learner function that changes its inputs in place fails.

    Returns
    -------
    CheckResult
        ``passed``, the number of cases run and a message for the learner.

    Raises
    ------
    ValueError
        If the *exercise* is malformed: ``reference_fn`` or ``compare`` not callable,
        ``cases`` empty or containing something other than a tuple or dict, a
        negative or non-finite tolerance, or an empty ``name``.

    See Also
    --------
    grader : build a reusable grader for one exercise.
    random_cases : reproducible random cases.

    Examples
    --------
    >>> def reference(x, y):
    ...     return x * y
    >>> def mine(x, y):
    ...     return x * y
    >>> check_function(mine, reference, [(2, 3), (1.5, -4)], name="times")
    passed: times matched the reference on 2 cases
    >>> def wrong(x, y):
    ...     return x + y
    >>> result = check_function(wrong, reference, [(2, 2), (2, 3)], name="times")
    >>> result
    failed: times(x=2, y=3) expected 6 got 5
    >>> result.passed, result.n_cases
    (False, 2)
    """
    check_callable(reference_fn, "reference_fn")
    check_callable(compare, "compare", optional=True)
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ValueError(f"name must be a non-empty string or None, got {name!r}")
    rtol = _check_tolerance(rtol, "rtol")
    atol = _check_tolerance(atol, "atol")
    split = _normalise_cases(cases)
    label = name if name is not None else _learner_name(learner_fn)
    signature = _signature(reference_fn)

    if not callable(learner_fn):
        return CheckResult(
            False,
            0,
            f"failed: expected a function for {label}, got {_type_name(learner_fn)} "
            f"{_show_value(learner_fn)} — pass the function itself ({label}), "
            f"not the result of calling it",
        )

    for number, (args, kwargs) in enumerate(split, start=1):
        expected = _run(reference_fn, *copy.deepcopy((args, kwargs)))
        learner_args, learner_kwargs = copy.deepcopy((args, kwargs))
        got = _run(learner_fn, learner_args, learner_kwargs)
        before = _labelled_arguments(signature, args, kwargs)

        if isinstance(got.error, NotImplementedError) and not isinstance(
            expected.error, NotImplementedError
        ):
            return CheckResult(False, number, f"not done yet: {label} raises NotImplementedError")
        problem = _judge(expected, got, rtol, atol, compare)
        if problem is None and not allow_mutation:
            after = _labelled_arguments(signature, learner_args, learner_kwargs)
            try:
                problem = _changed_argument(before, after)
            except Exception:  # an argument the learner turned into something odd
                problem = "changed its inputs in place; work on a copy instead"
        if problem is not None:
            return CheckResult(False, number, f"failed: {_call_text(label, before)} {problem}")

    n = len(split)
    return CheckResult(
        True, n, f"passed: {label} matched the reference on {n} case{'s' if n != 1 else ''}"
    )


# ---------------------------------------------------------------------------
# Building graders
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Grader:
    r"""A reusable grader for one exercise: call it with the learner's function.

    Build it with :func:`grader`. Its ``repr`` shows only the exercise name, never the
    reference function.

    Examples
    --------
    >>> g = grader(lambda x: 2 * x, [(1,), (2.5,)], name="double")
    >>> g
    Grader(name='double')
    >>> def double(x):
    ...     return x + x
    >>> g(double)
    passed: double matched the reference on 2 cases
    """

    name: str
    reference_fn: Callable[..., Any] = field(repr=False)
    cases: tuple[Case, ...] | Callable[[], Iterable[Case]] = field(repr=False)
    rtol: float = field(default=1e-7, repr=False)
    atol: float = field(default=1e-9, repr=False)
    compare: Compare | None = field(default=None, repr=False)
    allow_mutation: bool = field(default=False, repr=False)

    def __call__(self, learner_fn: Any) -> CheckResult:
        cases = self.cases() if callable(self.cases) else self.cases
        return check_function(
            learner_fn,
            self.reference_fn,
            cases,
            name=self.name,
            rtol=self.rtol,
            atol=self.atol,
            compare=self.compare,
            allow_mutation=self.allow_mutation,
        )


def grader(
    reference_fn: Callable[..., Any],
    cases: Iterable[Case] | Callable[[], Iterable[Case]],
    *,
    name: str,
    rtol: float = 1e-7,
    atol: float = 1e-9,
    compare: Compare | None = None,
    allow_mutation: bool = False,
) -> Grader:
    r"""Build the grader of one exercise from its reference and its cases.

    Parameters
    ----------
    reference_fn : callable
        The correct implementation (kept hidden from the learner's messages).
    cases : iterable of tuple or dict, or a callable returning one
        The cases (see :func:`check_function`). A callable with no arguments is
        called at each grading, so cases can be built lazily; an iterable is stored
        as a tuple at once, so a generator is not used up by the first grading.
    name : str
        The exercise name, as the learner's function is called in the lab.
    rtol, atol, compare, allow_mutation
        As in :func:`check_function`.

    Returns
    -------
    Grader
        A callable ``grade(learner_fn) -> CheckResult``.

    Raises
    ------
    ValueError
        If ``reference_fn`` or ``compare`` is not callable, ``name`` is empty, a
        tolerance is negative, or ``cases`` (when given as an iterable) is empty or
        malformed.

    See Also
    --------
    check_function, random_cases

    Examples
    --------
    >>> def reference(values):
    ...     return sum(values) / len(values)
    >>> mean = grader(reference, [([1, 2, 3],), ([4.0],)], name="mean")
    >>> def my_mean(values):
    ...     return sum(values) / (len(values) - 1)
    >>> mean(my_mean)
    failed: mean(values=[1, 2, 3]) expected 2.0 got 3.0
    """
    check_callable(reference_fn, "reference_fn")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"name must be a non-empty string, got {name!r}")
    check_callable(compare, "compare", optional=True)
    rtol = _check_tolerance(rtol, "rtol")
    atol = _check_tolerance(atol, "atol")
    stored: tuple[Case, ...] | Callable[[], Iterable[Case]]
    if callable(cases):
        stored = cases
    elif isinstance(cases, Iterable) and not isinstance(cases, (str, bytes, Mapping)):
        stored = tuple(cases)  # a generator must not be used up by the validation below
        _normalise_cases(stored)
    else:
        raise InputError(
            "cases must be an iterable of argument tuples or dicts, or a function "
            f"returning one, got {_type_name(cases)}"
        )
    return Grader(name, reference_fn, stored, rtol, atol, compare, bool(allow_mutation))


def random_cases(
    generator_fn: Callable[[np.random.Generator], Case],
    n: int,
    seed: int | np.random.Generator | None = 0,
) -> list[Case]:
    r"""Reproducible random cases: ``n`` calls of ``generator_fn(rng)``.

    The same ``seed`` gives the same cases on every machine, so a learner's failing
    case can be reproduced and discussed.

    Parameters
    ----------
    generator_fn : callable
        Takes a :class:`numpy.random.Generator` and returns one case (a tuple of
        positional arguments or a dict of keyword arguments).
    n : int
        Number of cases, at least 1.
    seed : int, numpy.random.Generator or None, optional
        Seed of the random generator (default 0).

    Returns
    -------
    list of tuple or dict
        The cases.

    Raises
    ------
    ValueError
        If ``generator_fn`` is not callable, ``n`` is not a positive integer, ``seed``
        is not a valid seed, or ``generator_fn`` returns something other than a tuple
        or dict.

    See Also
    --------
    grader

    Examples
    --------
    >>> cases = random_cases(lambda rng: (int(rng.integers(0, 10)),), n=3, seed=1)
    >>> cases == random_cases(lambda rng: (int(rng.integers(0, 10)),), n=3, seed=1)
    True
    >>> len(cases), type(cases[0]).__name__
    (3, 'tuple')
    """
    check_callable(generator_fn, "generator_fn")
    n = check_int(n, "n", minimum=1)
    rng = check_seed(seed)
    cases = [generator_fn(rng) for _ in range(n)]
    for i, case in enumerate(cases):
        _split_case(case, i)
    return cases




def per_case(
    reference_fn: Callable[..., Any],
    cases: Iterable[Case],
    *,
    name: str,
    compare_for: Callable[[Any], Compare],
) -> Callable[[Any], CheckResult]:
    r"""A grader whose comparison depends on the case: one :func:`grader` per case.

    ``compare_for(case)`` returns the ``compare`` for that case (say, a tolerance set by
    the size of its numbers). The cases run in order and grading stops at the first
    failure, as with :func:`grader`, whose message it returns with the case's number.

    Parameters
    ----------
    reference_fn : callable
        The correct implementation.
    cases : iterable of tuple or dict
        The cases, as for :func:`grader`.
    name : str
        The exercise name.
    compare_for : callable
        Takes one case and returns its ``compare(expected, got)``.

    Returns
    -------
    callable
        ``grade(learner_fn) -> CheckResult``.

    Examples
    --------
    >>> def within_a_tenth_of_x(case):
    ...     return lambda expected, got: abs(got - expected) <= 0.1 * abs(case[0])
    >>> grade = per_case(lambda x: 2 * x, [(1.0,), (100.0,)], name="double",
    ...                  compare_for=within_a_tenth_of_x)
    >>> grade(lambda x: 2 * x + 5)
    failed: double(x=1.0) expected 2.0 got 7.0
    """
    graders = [grader(reference_fn, [case], name=name, compare=compare_for(case))
               for case in cases]

    def grade(fn: Any) -> CheckResult:
        for number, one in enumerate(graders, start=1):
            result = one(fn)
            if not result.passed:
                return CheckResult(False, number, result.message)
        n = len(graders)
        return CheckResult(True, n, f"passed: {name} matched the reference on {n} cases")

    return grade
