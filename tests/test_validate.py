"""Input validation across the package: the rule of ``mathbook._validate`` holds everywhere.

Wrong *types* (strings, ``None``, bools, non-callables) raise ``InputError``, which is a
``TypeError`` and a ``ValueError``; wrong *values* raise ``ValueError``; messages name
the argument and show plain Python numbers, never ``np.float64(...)``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from mathbook import InputError, calculus, linalg, nn, probability, stats
from mathbook._validate import as_array, check_int, check_option, check_seed

MODULES = (linalg, calculus, nn, probability, stats)


def _one_argument_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Public functions whose only required argument is the first (array-like) one."""
    found = []
    for module in MODULES:
        for name in module.__all__:
            fn = getattr(module, name)
            if not inspect.isfunction(fn):
                continue
            required = [
                p
                for p in inspect.signature(fn).parameters.values()
                if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD
            ]
            if len(required) == 1:
                found.append((f"{module.__name__}.{name}", fn))
    return found


ONE_ARGUMENT = _one_argument_functions()
WRONG_TYPES = ["12", None, True, [["1", "2"], ["3", "4"]], [[True, False], [False, True]]]
# These take a string (an option, or equations as text) as their one argument, so a string
# is a wrong *value*.
TAKES_A_NAME = {"mathbook.linalg.reflection", "mathbook.linalg.parse_system"}


def test_the_sweep_covers_every_module() -> None:
    assert len(ONE_ARGUMENT) > 30
    # calculus functions all take a function and a point, so they are checked below
    assert {name.split(".")[1] for name, _ in ONE_ARGUMENT} == {
        "linalg", "nn", "probability", "stats"
    }


@pytest.mark.parametrize(("name", "fn"), ONE_ARGUMENT, ids=[n for n, _ in ONE_ARGUMENT])
@pytest.mark.parametrize("bad", WRONG_TYPES, ids=repr)
def test_every_public_function_rejects_wrong_types(
    name: str, fn: Callable[..., Any], bad: Any
) -> None:
    if name in TAKES_A_NAME and isinstance(bad, str):
        pytest.skip("a string is this function's own kind of argument")
    with pytest.raises(ValueError) as caught:
        fn(bad)
    message = str(caught.value)
    assert "np." not in message, message
    if not isinstance(caught.value, InputError):
        # only a shape problem found before the type may be a plain ValueError
        assert "must" in message and ("shape" in message or "list" in message), message


@pytest.mark.parametrize(("name", "fn"), ONE_ARGUMENT, ids=[n for n, _ in ONE_ARGUMENT])
def test_every_public_function_rejects_a_huge_integer_clearly(
    name: str, fn: Callable[..., Any]
) -> None:
    with pytest.raises(ValueError, match="too large for a float64|must be|needs"):
        fn(10**400)


# -------------------------------------------------------------- issue 12: linalg.det


@pytest.mark.parametrize(
    ("A", "error", "message"),
    [
        ([["1", "2"], ["3", "4"]], InputError, r"A must contain numbers, got the string '1' at index \(0, 0\)"),
        ([[True, False], [False, True]], InputError, r"got the bool True .* at index \(0, 0\)"),
        (np.eye(2, dtype=bool), InputError, r"A must contain numbers, got the bool True"),
        ([[1.5, True], [0, 1]], InputError, r"got the bool True .* at index \(0, 1\)"),
        (None, InputError, r"A must be a number or an array of numbers, got None"),
        ([[1, None], [0, 1]], InputError, r"A must contain numbers, got None at index \(0, 1\)"),
        ([[10**400, 1], [0, 1]], ValueError, r"integer with 401 digits at index \(0, 0\), too large"),
        ([[1, np.float64("nan")], [0, 1]], ValueError, r"finite numbers, got nan at index \(0, 1\)"),
        ([[1j, 0], [0, 1]], InputError, r"got the complex number 1j"),
        ([[1, 2], [3]], ValueError, r"A must be a number or a rectangular"),
    ],
)
def test_det_rejects_what_is_not_a_matrix_of_numbers(A: Any, error: type, message: str) -> None:
    with pytest.raises(error, match=message) as caught:
        linalg.det(A)
    assert "np.float64" not in str(caught.value)


def test_wrong_types_are_caught_as_type_error_and_as_value_error() -> None:
    for caught in (TypeError, ValueError):
        with pytest.raises(caught):
            linalg.det([["1", "2"], ["3", "4"]])
        with pytest.raises(caught):
            stats.mean(None)
        with pytest.raises(caught):
            calculus.derivative("not a function", 1.0)
        with pytest.raises(caught):
            stats.ttest_ind([1, 2, 3], [2, 3, 5], equal_var="yes")


def test_multi_argument_functions_reject_wrong_types_too() -> None:
    calls: list[Callable[[], Any]] = [
        lambda: linalg.solve([[1, 2], [3, 4]], ["5", "6"]),
        lambda: linalg.eliminate([[1, 2], [3, 4]], pivoting=1),  # type: ignore[arg-type]
        lambda: stats.ttest_1samp([1, 2, 3], popmean="2"),
        lambda: stats.proportion_ci(True, 10),
        lambda: probability.Normal("0", 1),
        lambda: probability.Binomial(10, 0.5).sample(3, seed="1"),
        lambda: calculus.gradient_descent(lambda x: x, None, 0.1),
        lambda: nn.train([[0.0, 1.0]], [[0, 1]], [1, 1], 0.1, 5, hidden_activation=None),
    ]
    for call in calls:
        with pytest.raises(InputError):
            call()


# -------------------------------------------------------------- the helpers themselves


def test_messages_show_plain_numbers() -> None:
    with pytest.raises(InputError, match=r"n must be an integer, got 2\.5$"):
        check_int(np.float64(2.5), "n")
    with pytest.raises(ValueError, match=r"got inf at index 1$"):
        as_array(np.array([1.0, np.inf]), "x")
    with pytest.raises(ValueError, match=r"q must contain probabilities in \[0, 1\], got 1\.5$"):
        stats.quantile([1, 2, 3], np.float64(1.5))
    with pytest.raises(ValueError, match=r"prior must contain .*, got -0\.5 at index 1$"):
        probability.posterior(np.array([0.5, -0.5]), [0.5, 0.5])


def test_check_option_lists_the_choices_and_keeps_the_literal() -> None:
    assert check_option("kind", "b", ("a", "b")) == "b"
    with pytest.raises(ValueError, match="kind must be 'a', 'b' or 'c', got 'd'") as caught:
        check_option("kind", "d", ("a", "b", "c"))
    assert not isinstance(caught.value, TypeError)  # a wrong value, not a wrong type
    with pytest.raises(InputError, match="kind must be 'a' or 'b', got 1"):
        check_option("kind", np.int64(1), ("a", "b"))


def test_check_seed() -> None:
    rng = np.random.default_rng(5)
    assert check_seed(rng) is rng
    assert check_seed(7).integers(1000) == np.random.default_rng(7).integers(1000)
    assert check_seed(np.int64(7)).integers(1000) == np.random.default_rng(7).integers(1000)
    assert isinstance(check_seed(None), np.random.Generator)
    with pytest.raises(ValueError, match="seed must be at least 0, got -1"):
        check_seed(-1)
    for bad in (True, 1.0, "1"):
        with pytest.raises(InputError, match="seed must be a non-negative int"):
            check_seed(bad)
