"""Tests of mathbook.check.linalg_w4: the graders of the Part 1, Week 4 lab.

The lab's reference solution passes every grader, unfinished stubs are "not done yet",
each well-known wrong solution fails with the hint written for it, and the graders use
the edge cases their docstrings promise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from conftest import lab_reference

from mathbook import datasets, linalg
from mathbook.check import linalg_w4

REF = lab_reference("linear-algebra_week-4_lab.py")
GRADERS = linalg_w4.__all__


def _f(value: Any) -> np.ndarray:
    return np.array(value, dtype=float)


@pytest.mark.parametrize("name", GRADERS)
def test_reference_solution_passes(name: str) -> None:
    result = getattr(linalg_w4, name)(getattr(REF, name))
    assert result.passed, result.message
    assert result.message.startswith(f"passed: {name} matched the reference on")


@pytest.mark.parametrize("name", GRADERS)
def test_stub_is_not_done_yet(name: str) -> None:
    def stub(*args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    result = getattr(linalg_w4, name)(stub)
    assert not result.passed
    assert result.message == f"not done yet: {name} raises NotImplementedError"


def test_eight_graders() -> None:
    assert len(GRADERS) == 8


# ---------------------------------------------------------------------------
# Known wrong solutions: each plants one mistake in the reference
# ---------------------------------------------------------------------------


def transition_row_stochastic(adjacency: Any) -> np.ndarray:
    return REF.transition_matrix(adjacency).T


def transition_by_in_links(adjacency: Any) -> np.ndarray:
    A = _f(adjacency)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or np.any(A < 0):
        raise ValueError("bad adjacency")
    inbound = A.sum(axis=0)
    return A.T / np.where(inbound == 0, 1, inbound)


def transition_dangling_zero(adjacency: Any) -> np.ndarray:
    A = _f(adjacency)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or np.any(A < 0):
        raise ValueError("bad adjacency")
    links = A.sum(axis=1)
    return A.T / np.where(links == 0, 1, links)


def transition_nan(adjacency: Any) -> np.ndarray:
    A = _f(adjacency)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or np.any(A < 0):
        raise ValueError("bad adjacency")
    with np.errstate(all="ignore"):
        return A.T / A.sum(axis=1)


def transition_integer_division(adjacency: Any) -> np.ndarray:
    A = np.asarray(adjacency)
    P = REF.transition_matrix(A)
    if A.dtype.kind in "iu" or isinstance(adjacency, list):
        links = A.sum(axis=1)
        out = np.zeros_like(A.T)
        for j in range(len(A)):
            out[:, j] = A[j] // links[j] if links[j] else 1 // len(A)
        return out
    return P


def transition_no_checks(adjacency: Any) -> np.ndarray:
    A = np.abs(_f(adjacency))
    n = min(A.shape)
    return REF.transition_matrix(A[:n, :n])


def steady_of_transpose(P: Any) -> np.ndarray:
    return REF.steady_state(_f(P).T)


def steady_unit_length(P: Any) -> np.ndarray:
    values, vectors = np.linalg.eig(_f(P))
    return vectors[:, np.argmin(np.abs(values - 1))].real


def steady_by_abs_sum(P: Any) -> np.ndarray:
    values, vectors = np.linalg.eig(_f(P))
    v = vectors[:, np.argmin(np.abs(values - 1))].real
    return v / np.abs(v).sum()                         # keeps the sign eig chose


def steady_first_eigenvalue(P: Any) -> np.ndarray:
    values, vectors = np.linalg.eig(_f(P))
    v = vectors[:, 0].real
    return v / v.sum()


def steady_complex(P: Any) -> np.ndarray:
    values, vectors = np.linalg.eig(_f(P))
    v = vectors[:, np.argmin(np.abs(values - 1))]
    return v / v.sum()


def steady_rows(P: Any) -> np.ndarray:
    values, vectors = np.linalg.eig(_f(P))
    v = vectors[np.argmin(np.abs(values - 1))].real       # a row, not an eigenvector
    return v / v.sum()


def steady_largest_modulus(P: Any) -> np.ndarray:
    values, vectors = np.linalg.eig(_f(P))
    v = vectors[:, np.argmax(np.abs(values))].real        # "the largest |lambda| wins"
    with np.errstate(all="ignore"):
        return v / v.sum()


def steady_fixed_power(P: Any) -> np.ndarray:
    P = _f(P)
    if P.ndim != 2 or P.shape[0] != P.shape[1]:
        raise ValueError("P must be square")
    x = np.full(len(P), 1 / len(P))
    for _ in range(50):
        x = P @ x
    return x


def transition_dangling_to_itself(adjacency: Any) -> np.ndarray:
    A = _f(adjacency)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or np.any(A < 0):
        raise ValueError("bad adjacency")
    links = A.sum(axis=1)
    A[links == 0, links == 0] = 1.0                      # stay on the dangling page
    return A.T / A.sum(axis=1)


def transition_no_self_links(adjacency: Any) -> np.ndarray:
    A = _f(adjacency)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or np.any(A < 0):
        raise ValueError("bad adjacency")
    return REF.transition_matrix(A - np.diag(np.diag(A)))


def power_one_step_too_many(P: Any, x0: Any, tol: float = 1e-10,
                            max_steps: int = 1000) -> tuple[np.ndarray, int]:
    P, x = _f(P), _f(x0)
    for steps in range(1, max_steps + 2):
        x_new = P @ x
        if np.abs(x_new - x).sum() < tol:
            return x_new, steps
        x = x_new
    raise ValueError("no convergence")


def power_row_convention(P: Any, x0: Any, tol: float = 1e-10,
                         max_steps: int = 1000) -> tuple[np.ndarray, int]:
    return REF.power_iteration(_f(P).T, x0, tol, max_steps)


def power_off_by_one(P: Any, x0: Any, tol: float = 1e-10,
                     max_steps: int = 1000) -> tuple[np.ndarray, int]:
    x, steps = REF.power_iteration(P, x0, tol, max_steps)
    return x, steps - 1


def power_returns_previous(P: Any, x0: Any, tol: float = 1e-10,
                           max_steps: int = 1000) -> tuple[np.ndarray, int]:
    P, x = _f(P), _f(x0)
    for steps in range(1, max_steps + 1):
        x_new = P @ x
        if np.abs(x_new - x).sum() < tol:
            return x, steps                               # the old x
        x = x_new
    raise ValueError("no convergence")


def power_never_stops(P: Any, x0: Any, tol: float = 1e-10,
                      max_steps: int = 1000) -> tuple[np.ndarray, int]:
    P, x = _f(P), _f(x0)
    for _ in range(max_steps):
        x = P @ x
    return x, max_steps


def power_max_norm(P: Any, x0: Any, tol: float = 1e-10,
                   max_steps: int = 1000) -> tuple[np.ndarray, int]:
    P, x = _f(P), _f(x0)
    for steps in range(1, max_steps + 1):
        x_new = P @ x
        if np.abs(x_new - x).max() < tol:
            return x_new, steps
        x = x_new
    raise ValueError("no convergence")


def power_normalises_start(P: Any, x0: Any, tol: float = 1e-10,
                           max_steps: int = 1000) -> tuple[np.ndarray, int]:
    x0 = _f(x0)
    return REF.power_iteration(P, x0 / x0.sum(), tol, max_steps)


def power_never_raises(P: Any, x0: Any, tol: float = 1e-10,
                       max_steps: int = 1000) -> tuple[np.ndarray, int]:
    try:
        return REF.power_iteration(P, x0, tol, max_steps)
    except ValueError:
        return _f(x0), max_steps


def transition_by_columns(adjacency: Any) -> np.ndarray:
    A = _f(adjacency)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or np.any(A < 0):
        raise ValueError("bad adjacency")
    out = A.sum(axis=0)                                   # column j read as page j's links
    return np.where(out == 0, 1 / len(A), A / np.where(out == 0, 1, out))


def steady_with_eigh(P: Any) -> np.ndarray:
    values, vectors = np.linalg.eigh(_f(P))               # reads one triangle only
    v = vectors[:, np.argmin(np.abs(values - 1))]
    return v / v.sum()


def power_ignores_start(P: Any, x0: Any, tol: float = 1e-10,
                        max_steps: int = 1000) -> tuple[np.ndarray, int]:
    n = len(_f(x0))
    return REF.power_iteration(P, np.full(n, 1 / n), tol, max_steps)


def power_relative_tol(P: Any, x0: Any, tol: float = 1e-10,
                       max_steps: int = 1000) -> tuple[np.ndarray, int]:
    P, x = _f(P), _f(x0)
    for steps in range(1, max_steps + 1):
        x_new = P @ x
        if np.abs(x_new - x).sum() / np.abs(x).sum() < tol:
            return x_new, steps
        x = x_new
    raise ValueError("no convergence")


def covariance_correlation(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad X")
    return np.atleast_2d(np.corrcoef(X, rowvar=False))


def covariance_not_centred(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad X")
    return X.T @ X / (len(X) - 1)


def covariance_one_mean(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad X")
    Xc = X - X.mean()
    return Xc.T @ Xc / (len(X) - 1)


def covariance_by_m(X: Any) -> np.ndarray:
    return REF.covariance_matrix(X) * (len(X) - 1) / len(X)


def covariance_examples(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad X")
    Xc = X - X.mean(axis=0)
    return Xc @ Xc.T / (len(X) - 1)


def covariance_rows_as_variables(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad X")
    return np.cov(X)                                      # each ROW a variable


def covariance_row_means(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad X")
    Xc = X - X.mean(axis=1, keepdims=True)
    return Xc.T @ Xc / (len(X) - 1)


def covariance_one_row(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2:
        raise ValueError("bad X")
    Xc = X - X.mean(axis=0)
    with np.errstate(all="ignore"):
        return Xc.T @ Xc / (len(X) - 1)


def covariance_flat(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim == 1:
        X = X[:, None]
    return REF.covariance_matrix(X)


def axes_ascending(C: Any) -> tuple[np.ndarray, np.ndarray]:
    return np.linalg.eigh(_f(C))


def axes_vectors_not_reordered(C: Any) -> tuple[np.ndarray, np.ndarray]:
    values, vectors = np.linalg.eigh(_f(C))
    return values[::-1], vectors


def axes_as_rows(C: Any) -> tuple[np.ndarray, np.ndarray]:
    values, vectors = REF.principal_axes(C)
    return values, vectors.T


def axes_rows_reversed(C: Any) -> tuple[np.ndarray, np.ndarray]:
    values, vectors = np.linalg.eigh(_f(C))
    return values[::-1], vectors[::-1]                    # rows, not columns


def axes_with_eig(C: Any) -> tuple[np.ndarray, np.ndarray]:
    return np.linalg.eig(_f(C))


def axes_eig_sorted(C: Any) -> tuple[np.ndarray, np.ndarray]:
    values, vectors = np.linalg.eig(_f(C))                # sorted, but not orthonormal
    order = np.argsort(values)[::-1]
    return values[order].real, vectors[:, order].real


def covariance_np_cov(X: Any) -> np.ndarray:
    X = _f(X)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("bad X")
    return np.cov(X, rowvar=False)                        # a 0-d array for one feature


def axes_flipped_signs(C: Any) -> tuple[np.ndarray, np.ndarray]:   # right: signs are free
    values, vectors = REF.principal_axes(C)
    return values, -vectors


def project_not_centred(X: Any, mean: Any, V_k: Any) -> np.ndarray:
    return _f(X) @ _f(V_k)


def project_own_mean(X: Any, mean: Any, V_k: Any) -> np.ndarray:
    X = _f(X)
    return (X - X.mean(axis=0)) @ _f(V_k)


def project_transposed(X: Any, mean: Any, V_k: Any) -> np.ndarray:
    return _f(V_k).T @ (_f(X) - mean).T


def project_with_transpose(X: Any, mean: Any, V_k: Any) -> np.ndarray:
    return (_f(X) - mean) @ _f(V_k).T


def reconstruct_no_mean(Z: Any, mean: Any, V_k: Any) -> np.ndarray:
    return _f(Z) @ _f(V_k).T


def reconstruct_minus_mean(Z: Any, mean: Any, V_k: Any) -> np.ndarray:
    return _f(Z) @ _f(V_k).T - mean


def reconstruct_transposed(Z: Any, mean: Any, V_k: Any) -> np.ndarray:
    return REF.reconstruct(Z, mean, V_k).T


def cumulative_not_cumulative(eigenvalues: Any) -> np.ndarray:
    values = _f(eigenvalues)
    return values / values.sum()


def cumulative_not_divided(eigenvalues: Any) -> np.ndarray:
    return np.cumsum(_f(eigenvalues))


def cumulative_by_largest(eigenvalues: Any) -> np.ndarray:
    values = _f(eigenvalues)
    return np.cumsum(values) / values[0]


def cumulative_negative_kept(eigenvalues: Any) -> np.ndarray:
    values = _f(eigenvalues)
    if values.size == 0 or values.sum() == 0:
        raise ValueError("no variance")
    return np.cumsum(values) / values.sum()


def cumulative_ascending(eigenvalues: Any) -> np.ndarray:
    values = np.clip(_f(eigenvalues), 0, None)
    if values.size == 0 or values.sum() == 0:
        raise ValueError("no variance")
    return np.cumsum(np.sort(values)) / values.sum()


def cumulative_no_checks(eigenvalues: Any) -> np.ndarray:
    values = np.clip(_f(eigenvalues), 0, None)
    with np.errstate(all="ignore"):
        return np.cumsum(values) / values.sum()


WRONG: list[tuple[str, Callable[..., Any], str]] = [
    ("transition_matrix", transition_row_stochastic, "row-stochastic"),
    ("transition_matrix", transition_by_in_links, "links INTO a page"),
    ("transition_matrix", transition_dangling_zero, "1/n"),
    ("transition_matrix", transition_nan, "NaN: 0/0"),
    ("transition_matrix", transition_integer_division, "lost their fractions"),
    ("transition_matrix", transition_no_checks, "not square"),
    ("transition_matrix", transition_dangling_to_itself, "keeps the surfer on itself"),
    ("transition_matrix", transition_no_self_links, "self-link"),
    ("transition_matrix", transition_by_columns, "the other way round"),
    ("steady_state", steady_of_transpose, "eigenvector of P.T"),
    ("steady_state", steady_unit_length, "has length 1"),
    ("steady_state", steady_by_abs_sum, "your vector is negative"),
    ("steady_state", steady_first_eigenvalue, "the eigenvalue nearest 1"),
    ("steady_state", steady_complex, "complex"),
    ("steady_state", steady_rows, "vectors[k] is a ROW"),
    ("steady_state", steady_largest_modulus, "largest |lambda| is not always 1's"),
    ("steady_state", steady_fixed_power, "fixed number of steps"),
    ("steady_state", steady_with_eigh, "only for symmetric matrices"),
    ("power_iteration", power_row_convention, "x @ P"),
    ("power_iteration", power_off_by_one, "off by one"),
    ("power_iteration", power_never_stops, "never stops early"),
    ("power_iteration", power_returns_previous, "return x_new"),
    ("power_iteration", power_max_norm, "1-norm"),
    ("power_iteration", power_normalises_start, "without normalising it"),
    ("power_iteration", power_never_raises, "periodic"),
    ("power_iteration", power_one_step_too_many, "one multiplication more than max_steps"),
    ("power_iteration", power_ignores_start, "not from the uniform vector"),
    ("power_iteration", power_relative_tol, "not the change relative"),
    ("covariance_matrix", covariance_not_centred, "X is not centred"),
    ("covariance_matrix", covariance_by_m, "divided by m"),
    ("covariance_matrix", covariance_correlation, "correlation matrix"),
    ("covariance_matrix", covariance_one_mean, "one mean for the whole array"),
    ("covariance_matrix", covariance_examples, "m x m"),
    ("covariance_matrix", covariance_rows_as_variables, "m x m"),
    ("covariance_matrix", covariance_row_means, "each example's own mean"),
    ("covariance_matrix", covariance_one_row, "fewer than 2 rows"),
    ("covariance_matrix", covariance_np_cov, "np.atleast_2d"),
    ("covariance_matrix", covariance_flat, "X must be 2-D"),
    ("principal_axes", axes_ascending, "smallest to largest"),
    ("principal_axes", axes_vectors_not_reordered, "the vectors are not"),
    ("principal_axes", axes_as_rows, "ROWS of V"),
    ("principal_axes", axes_rows_reversed, "reversed the ROWS"),
    ("principal_axes", axes_with_eig, "returns eigenvalues in no particular order"),
    ("principal_axes", axes_eig_sorted, "not perpendicular"),
    ("project", project_not_centred, "X is not centred"),
    ("project", project_own_mean, "use the mean argument"),
    ("project", project_transposed, "shape (k, m)"),
    ("project", project_with_transpose, "this uses V_k.T"),
    ("reconstruct", reconstruct_no_mean, "the mean is not added back"),
    ("reconstruct", reconstruct_minus_mean, "the mean is subtracted"),
    ("reconstruct", reconstruct_transposed, "shape (n, m)"),
    ("cumulative_explained_variance", cumulative_not_cumulative, "not the running total"),
    ("cumulative_explained_variance", cumulative_not_divided, "divide by the total"),
    ("cumulative_explained_variance", cumulative_by_largest, "largest eigenvalue"),
    ("cumulative_explained_variance", cumulative_ascending, "starts from the smallest"),
    ("cumulative_explained_variance", cumulative_negative_kept, "goes down at the end"),
    ("cumulative_explained_variance", cumulative_no_checks, "raise ValueError"),
]


@pytest.mark.parametrize(("name", "wrong", "hint"), WRONG,
                         ids=[f"{name}-{wrong.__name__}" for name, wrong, _ in WRONG])
def test_known_mistake_fails_with_its_hint(name: str, wrong: Callable[..., Any],
                                           hint: str) -> None:
    with np.errstate(all="ignore"):
        result = getattr(linalg_w4, name)(wrong)
    assert not result.passed
    assert result.message.startswith("failed: ")
    assert "\nhint: " in result.message and hint in result.message.split("\nhint: ")[1], (
        result.message
    )


def test_every_hint_has_a_wrong_solution() -> None:
    hints = {
        "transition_matrix": linalg_w4._transition_hints(),
        "steady_state": linalg_w4._steady_hints(),
        "power_iteration": linalg_w4._power_hints(),
        "covariance_matrix": linalg_w4._covariance_hints(),
        "principal_axes": linalg_w4._axes_hints(),
        "project": linalg_w4._projection_hints(),
        "reconstruct": linalg_w4._reconstruction_hints(),
        "cumulative_explained_variance": linalg_w4._cumulative_hints(),
    }
    for name, pairs in hints.items():
        expected = [text for grader, _, text in WRONG if grader == name]
        for _, hint in pairs:
            assert any(text in hint for text in expected), (name, hint)


def test_changing_the_input_in_place_fails() -> None:
    def covariance_in_place(X: Any) -> np.ndarray:
        X = np.asarray(X, dtype=float)                 # no copy of a float array
        if X.ndim != 2 or len(X) < 2:
            raise ValueError("bad X")
        X -= X.mean(axis=0)
        return X.T @ X / (len(X) - 1)

    result = linalg_w4.covariance_matrix(covariance_in_place)
    assert not result.passed and "in place" in result.message


def test_unrecognised_mistake_gets_no_hint() -> None:
    def project_doubled(X: Any, mean: Any, V_k: Any) -> np.ndarray:
        return 2 * REF.project(X, mean, V_k)

    result = linalg_w4.project(project_doubled)
    assert not result.passed and "hint" not in result.message


def test_hints_about_edges_need_a_function_right_on_plain_cases() -> None:
    def power_zeros(P: Any, x0: Any, tol: float = 1e-10,
                    max_steps: int = 1000) -> tuple[np.ndarray, int]:
        return np.zeros(len(_f(x0))), 1                # never raises, wrong everywhere

    result = linalg_w4.power_iteration(power_zeros)
    assert not result.passed and "hint" not in result.message


# ---------------------------------------------------------------------------
# What the graders accept, the cases they use, and the lab's claims
# ---------------------------------------------------------------------------


def test_other_correct_solutions_pass() -> None:
    def steady_state(P: Any) -> np.ndarray:            # the library's linear solve
        P = _f(P)
        if P.ndim != 2 or P.shape[0] != P.shape[1]:
            raise ValueError("P must be square")
        return linalg.steady_state(P)

    def covariance_matrix(X: Any) -> np.ndarray:
        X = _f(X)
        if X.ndim != 2 or len(X) < 2:
            raise ValueError("bad X")
        return np.atleast_2d(np.cov(X, rowvar=False))

    def principal_axes(C: Any) -> tuple[np.ndarray, np.ndarray]:   # other signs
        if _f(C).ndim != 2 or _f(C).shape[0] != _f(C).shape[1]:
            raise ValueError("C must be square")              # a plain ValueError
        values, vectors = REF.principal_axes(C)
        signs = np.where(np.arange(len(values)) % 2 == 0, -1.0, 1.0)
        return values, vectors * signs

    def cumulative_explained_variance(eigenvalues: Any) -> np.ndarray:   # a loop
        values = [max(float(v), 0.0) for v in np.ravel(eigenvalues)]
        if not values or sum(values) == 0:
            raise ValueError("no variance")
        out, total = [], 0.0
        for v in values:
            total += v
            out.append(total / sum(values))
        return np.array(out)

    for name, fn in (("steady_state", steady_state), ("covariance_matrix", covariance_matrix),
                     ("principal_axes", principal_axes),
                     ("principal_axes", axes_flipped_signs),
                     ("cumulative_explained_variance", cumulative_explained_variance)):
        result = getattr(linalg_w4, name)(fn)
        assert result.passed, result.message


def test_a_repeated_eigenvalue_accepts_any_basis_of_its_eigenspace() -> None:
    C = linalg_w4._rotated([5.0, 1.0, 1.0], seed=45)
    values, V = linalg_w4._principal_axes(C)
    turn = np.array([[np.cos(0.7), -np.sin(0.7)], [np.sin(0.7), np.cos(0.7)]])
    other = V.copy()
    other[:, 1:] = V[:, 1:] @ turn                      # another basis of the plane
    assert linalg_w4._compare_axes((values, V), (values, other)) is True
    wrong = V.copy()
    wrong[:, 1] = V[:, 0]
    assert isinstance(linalg_w4._compare_axes((values, V), (values, wrong)), str)


def test_graders_use_the_documented_edge_cases() -> None:
    adjacency = [np.asarray(c[0]) for c in linalg_w4._transition_cases()]
    assert any(a.ndim == 2 and a.shape[0] == a.shape[1] and (a.sum(axis=1) == 0).any()
               and a.any() for a in adjacency)                       # a dangling page
    assert any(a.ndim == 2 and np.trace(a) > 0 for a in adjacency)   # a self-link
    assert any(a.dtype.kind == "i" for a in adjacency)
    assert any(a.ndim == 2 and a.shape[0] != a.shape[1] for a in adjacency)
    assert any((a < 0).any() for a in adjacency)
    chains = [_f(c[0]) for c in linalg_w4._steady_cases()]
    first_not_one = [P for P in chains if P.shape[0] == P.shape[1]
                     and abs(np.linalg.eig(P)[0][0] - 1) > 0.1]
    assert len(first_not_one) >= 2
    negative = [P for P in first_not_one
                if np.all(np.linalg.eig(P)[1][:, np.argmin(abs(np.linalg.eig(P)[0] - 1))].real
                          < 0)]
    assert negative
    assert any(np.iscomplexobj(np.linalg.eig(P)[0]) for P in first_not_one)
    # periodic chains where "the largest |lambda|" is not the eigenvalue 1 that eig lists
    square = [P for P in chains if P.shape[0] == P.shape[1]]
    largest_not_one = [P for P in square if abs(np.linalg.eig(P)[0][
        np.argmax(np.abs(np.linalg.eig(P)[0]))] - 1) > 0.1]
    assert len(largest_not_one) >= 2
    # a chain mixing so slowly that 50 steps of power iteration from uniform are far off
    assert any(np.abs(np.linalg.matrix_power(P, 50) @ np.full(len(P), 1 / len(P))
                      - linalg.steady_state(P)).sum() > 1e-3 for P in square)
    power = linalg_w4._power_cases()
    periodic = [c for c in power if np.array_equal(_f(c[0]), [[0, 1], [1, 0]])]
    assert any(not np.allclose(_f(c[1]), 0.5) for c in periodic)
    assert any(abs(_f(c[1]).sum() - 1) > 0.5 for c in power)         # not normalised
    # max_steps one short of enough (must raise) and exactly enough (must return)
    limits = {c[3] for c in power if len(c) > 3 and np.array_equal(_f(c[0]), REF.transition_matrix(
        linalg_w4._WEB)) and np.allclose(_f(c[1]), 1 / 6)}
    needed = REF.power_iteration(REF.transition_matrix(linalg_w4._WEB), np.full(6, 1 / 6))[1]
    assert {needed - 1, needed} <= limits
    data = [np.asarray(c[0]) for c in linalg_w4._covariance_cases()]
    assert any(x.ndim == 2 and x.shape[1] == 1 and len(x) >= 2 for x in data)   # one feature
    assert any(x.ndim == 2 and len(x) >= 2 and (np.ptp(x, axis=0) == 0).any() for x in data)
    assert any(x.dtype.kind == "i" for x in data)
    assert any(x.ndim == 1 for x in data) and any(x.ndim == 2 and len(x) < 2 for x in data)
    spectra = [np.linalg.eigvalsh(_f(c[0])) for c in linalg_w4._axes_cases()
               if _f(c[0]).shape[0] == _f(c[0]).shape[1]]
    assert any(np.isclose(s, 0, atol=1e-12).any() for s in spectra)  # constant feature
    assert any(np.isclose(np.diff(s), 0, atol=1e-9).any() for s in spectra)   # repeated
    values = [_f(c[0]) for c in linalg_w4._cumulative_cases()]
    assert any((v < 0).any() for v in values)


def test_power_iteration_cases_stop_far_from_the_threshold() -> None:
    # a learner's sum in another order must not stop one step earlier or later
    for case in linalg_w4._power_cases():
        P, x = _f(case[0]), _f(case[1])
        tol = case[2] if len(case) > 2 else 1e-10
        max_steps = case[3] if len(case) > 3 else 1000
        for _ in range(max_steps):
            x_new = P @ x
            change = np.abs(x_new - x).sum()
            assert change == 0 or abs(change / tol - 1) > 1e-6, (case, change)
            if change < tol:
                break
            x = x_new


def test_reference_chain_is_the_web_and_agrees_with_the_library() -> None:
    web = datasets.web_links()
    A = linalg_w4._WEB
    assert linalg_w4._PAGES == web.feature_names
    P = REF.transition_matrix(A)
    np.testing.assert_allclose(P, web.data, atol=1e-15)
    p = REF.steady_state(P)
    np.testing.assert_allclose(p, linalg.steady_state(P), atol=1e-12)
    x, steps = REF.power_iteration(P, np.full(6, 1 / 6))
    np.testing.assert_allclose(x, p, atol=1e-9)
    assert 1 < steps < 1000


def test_reference_pca_of_digits_agrees_with_scikit_learn() -> None:
    decomposition = pytest.importorskip("sklearn.decomposition")
    X = datasets.digits().data
    C = REF.covariance_matrix(X)
    np.testing.assert_allclose(C, np.cov(X, rowvar=False), atol=1e-10)
    values, V = REF.principal_axes(C)
    model = decomposition.PCA().fit(X)
    np.testing.assert_allclose(values[:40], model.explained_variance_[:40], rtol=1e-8)
    ratio = REF.cumulative_explained_variance(values)
    np.testing.assert_allclose(ratio, np.cumsum(model.explained_variance_ratio_), atol=1e-10)
    k = 10
    dots = np.abs(np.sum(V[:, :k] * model.components_[:k].T, axis=0))
    np.testing.assert_allclose(dots, 1.0, atol=1e-8)          # equal up to sign
    mean = X.mean(axis=0)
    Z = REF.project(X, mean, V[:, :k])
    np.testing.assert_allclose(np.abs(Z), np.abs(model.transform(X)[:, :k]), atol=1e-7)
    full = REF.reconstruct(REF.project(X, mean, V), mean, V)
    np.testing.assert_allclose(full, X, atol=1e-9)
    assert 0.9 < ratio[-1] <= 1 + 1e-12 and np.all(np.diff(ratio) >= 0)


def test_scikit_learn_uses_the_covariance_eigenvectors_on_the_digits() -> None:
    # the lab says: many more examples than features, so "auto" picks the eigenvectors of C
    decomposition = pytest.importorskip("sklearn.decomposition")
    model = decomposition.PCA(n_components=10).fit(datasets.digits().data)
    assert getattr(model, "_fit_svd_solver", "covariance_eigh") == "covariance_eigh"
