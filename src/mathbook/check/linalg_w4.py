r"""Graders for the lab of Part 1, Week 4: a web-surfing Markov chain, then eigen-digits.

Every function returns new float arrays and leaves its inputs unchanged; inputs may be
nested lists or NumPy arrays, of integers or floats.

A Markov chain on $n$ web pages. The transition matrix $\mathbf{P}$ is
**column-stochastic**: $p_{ij}$ is the probability of moving from page $j$ to page $i$,
each column sums to 1 and a distribution moves by $\mathbf{x}_{k+1} = \mathbf{P}\mathbf{x}_k$
(as ``linalg.steady_state`` and ``datasets.web_links()``):

* `transition_matrix(adjacency)`: ``adjacency[i, j] = 1`` when page ``i`` links to page
  ``j`` (a row lists the links *on* a page). ``P[i, j] = adjacency[j, i] / d_j`` with
  $d_j$ the number of links on page $j$; a page with no links (dangling) sends the
  surfer to any of the $n$ pages, so its column is $1/n$. Raise ``ValueError`` for a
  matrix that is not square or has a negative entry.
* `steady_state(P)`: the eigenvector of ``P`` for the eigenvalue nearest 1 (from
  ``np.linalg.eig``), as real numbers, scaled to sum 1 (so non-negative).
* `power_iteration(P, x0, tol=1e-10, max_steps=1000)`: ``(x, steps)``. Start from
  ``x = x0`` as given (not normalised: ``P`` keeps the sum) and repeat
  ``x_new = P @ x``; stop as soon as $\lVert\mathbf{x}_{new} - \mathbf{x}\rVert_1 <$
  ``tol`` and return ``x_new`` and ``steps``, the number of multiplications done,
  counting the last one. Raise ``ValueError`` when ``max_steps`` multiplications do not
  get there (a periodic chain started away from its steady state never does).

Principal component analysis of a data matrix $\mathbf{X}$ of shape ``(m, n)``, **one
example per row**:

* `covariance_matrix(X)`: $\mathbf{C} = \frac{1}{m-1}\mathbf{X}_c^\top\mathbf{X}_c$,
  shape ``(n, n)``, centring inside (as ``np.cov(X, rowvar=False)``). Raise
  ``ValueError`` when ``X`` is not 2-D or has fewer than 2 rows.
* `principal_axes(C)`: ``(eigenvalues, V)`` of the symmetric ``C`` from
  ``np.linalg.eigh``, the eigenvalues sorted from largest to smallest and the unit
  eigenvectors as the **columns** of ``V`` in the same order. Graded up to sign: a column
  times −1 is still a unit eigenvector; for a repeated eigenvalue, any orthonormal basis
  of its eigenspace is accepted.
* `project(X, mean, V_k)`: the scores $\mathbf{Z} = (\mathbf{X} - \bar{\mathbf{x}})\mathbf{V}_k$,
  shape ``(m, k)``.
* `reconstruct(Z, mean, V_k)`: $\hat{\mathbf{X}} = \mathbf{Z}\mathbf{V}_k^\top + \bar{\mathbf{x}}$,
  shape ``(m, n)``.
* `cumulative_explained_variance(eigenvalues)`: for eigenvalues in descending order, the
  running total divided by the grand total, so entry $k - 1$ is the share of the variance
  the first $k$ components keep. Negative eigenvalues are round-off of a 0 and count as 0
  (``np.clip(eigenvalues, 0, None)``), so the curve never goes down and ends at 1. Raise
  ``ValueError`` when there is no eigenvalue or the total is 0.

The cases include a dangling page, a page linking to itself, a website with no links at
all, periodic chains (where another eigenvalue has $|\lambda| = 1$), a chain that mixes
slowly, chains where ``np.linalg.eig`` does not return the eigenvalue 1 first and where
its eigenvector comes out negative, a ``max_steps`` one short of enough, one feature, a constant feature (a
zero eigenvalue), a repeated eigenvalue, integer input and random cases. When a failure
looks like a well-known mistake (a row-stochastic matrix, dividing by in-links, a
dangling column left at 0, NaN or sent back to itself, a self-link dropped, integer
division, the eigenvector of Pᵀ or a row of the eigenvector matrix, unit length instead
of sum 1, a negative or complex vector, the first eigenvalue or the largest $|\lambda|$
instead of the one nearest 1, a fixed number of power steps, ``x @ P``, a step count off
by one, one multiplication more than ``max_steps``, no stopping, another norm, not
centring or centring the rows, dividing by m, X Xᵀ or ``np.cov(X)``, ``np.cov``'s bare
number for one feature, ascending eigenvalues, vectors not reordered, as rows or with
their rows reversed, unsorted ``np.linalg.eig`` output or its eigenvectors not
perpendicular for a repeated eigenvalue, the mean not added back, a curve not
cumulative, ascending or not divided by the total) the message ends with a hint.

See Also
--------
The lessons: [the steady state of a Markov chain](../../linear-algebra/week-4/eigenvectors.md#markov-chains-and-the-steady-state),
[the covariance matrix](../../linear-algebra/week-4/pca.md#the-covariance-matrix),
[principal directions](../../linear-algebra/week-4/pca.md#principal-directions-are-eigenvectors),
[projection and reconstruction](../../linear-algebra/week-4/pca.md#projection-and-reconstruction)
and [choosing k](../../linear-algebra/week-4/pca.md#explained-variance-and-choosing-k).

Examples
--------
>>> from mathbook import check
>>> import numpy as np
>>> def reconstruct(Z, mean, V_k):
...     return np.asarray(Z, dtype=float) @ np.asarray(V_k, dtype=float).T + mean
>>> check.linalg_w4.reconstruct(reconstruct).passed
True
"""  # noqa: E501

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathbook.check._core import Case, CheckResult, _show_value, grader, random_cases
from mathbook.check._hints import NO_ANSWER as _NO_ANSWER
from mathbook.check._hints import Detector
from mathbook.check._hints import Hinted as _Hinted
from mathbook.check._hints import answer as _answer
from mathbook.check._hints import document_returns as _document_returns
from mathbook.check._hints import gives as _gives
from mathbook.check._hints import raises as _raises
from mathbook.check._hints import right_on as _right_on
from mathbook.check._hints import same as _same

__all__ = [
    "covariance_matrix",
    "cumulative_explained_variance",
    "power_iteration",
    "principal_axes",
    "project",
    "reconstruct",
    "steady_state",
    "transition_matrix",
]

FloatArray = NDArray[np.float64]


def _floats(value: ArrayLike) -> FloatArray:
    return np.array(value, dtype=np.float64)


# ---------------------------------------------------------------------------
# Reference solutions, under the learner-facing parameter names
# ---------------------------------------------------------------------------


def _transition_matrix(adjacency: Any) -> FloatArray:
    A = _floats(adjacency)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError(f"adjacency must be a square (n, n) matrix, got shape {A.shape}")
    if np.any(A < 0):
        raise ValueError("adjacency must not have negative entries")
    n = A.shape[0]
    links = A.sum(axis=1)                        # links on each page (row sums)
    P = A.T.copy()                               # P[i, j] = A[j, i]
    dangling = links == 0
    P[:, dangling] = 1.0 / n
    P[:, ~dangling] /= links[~dangling]
    return P


def _square(M: Any, name: str) -> FloatArray:
    """A float copy of a square matrix; ``ValueError`` (not only ``LinAlgError``) if not."""
    matrix = _floats(M)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"{name} must be a square matrix, got shape {matrix.shape}")
    return matrix


def _steady_state(P: Any) -> FloatArray:
    values, vectors = np.linalg.eig(_square(P, "P"))
    k = int(np.argmin(np.abs(values - 1.0)))
    v = vectors[:, k].real
    result: FloatArray = v / v.sum()
    return result


def _power_iteration(P: Any, x0: Any, tol: float = 1e-10,
                     max_steps: int = 1000) -> tuple[FloatArray, int]:
    M, x = _floats(P), _floats(x0)
    for step in range(1, max_steps + 1):
        x_new = M @ x
        if np.abs(x_new - x).sum() < tol:
            return x_new, step
        x = x_new
    raise ValueError(f"power iteration did not converge in {max_steps} steps")


def _covariance(X: Any, ddof: int = 1) -> FloatArray:
    data = _floats(X)
    if data.ndim != 2 or data.shape[0] < 2:
        raise ValueError(f"X must have shape (m, n) with m >= 2 rows, got {data.shape}")
    centred = data - data.mean(axis=0)
    C: FloatArray = centred.T @ centred / (data.shape[0] - ddof)
    return C


def _covariance_matrix(X: Any) -> FloatArray:
    return _covariance(X)


def _principal_axes(C: Any) -> tuple[FloatArray, FloatArray]:
    values, vectors = np.linalg.eigh(_square(C, "C"))
    return values[::-1].copy(), vectors[:, ::-1].copy()


def _project(X: Any, mean: Any, V_k: Any) -> FloatArray:
    Z: FloatArray = (_floats(X) - _floats(mean)) @ _floats(V_k)
    return Z


def _reconstruct(Z: Any, mean: Any, V_k: Any) -> FloatArray:
    X_hat: FloatArray = _floats(Z) @ _floats(V_k).T + _floats(mean)
    return X_hat


def _cumulative(eigenvalues: Any) -> FloatArray:
    values = _floats(eigenvalues)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"eigenvalues must be a non-empty 1-D array, got shape {values.shape}")
    values = np.clip(values, 0.0, None)          # round-off below 0 is a 0
    total = values.sum()
    if total == 0:
        raise ValueError("the eigenvalues add up to 0: there is no variance to explain")
    result: FloatArray = np.cumsum(values) / total
    return result


# ---------------------------------------------------------------------------
# Cases: hand-picked ones first (they give the clearest messages), then random ones
# ---------------------------------------------------------------------------

_PAGES = ("home", "news", "shop", "blog", "about", "contact")
_LINKS = {"home": ("news", "shop", "blog", "about"), "news": ("home", "blog"),
          "shop": ("home", "contact"), "blog": ("home", "news", "about"),
          "about": ("home", "contact"), "contact": ("home",)}


def _adjacency(links: dict[str, tuple[str, ...]], pages: tuple[str, ...]) -> FloatArray:
    A = np.zeros((len(pages), len(pages)))
    for page, targets in links.items():
        for target in targets:
            A[pages.index(page), pages.index(target)] = 1.0
    return A


_WEB = _adjacency(_LINKS, _PAGES)
# page 2 has no links (dangling); page 0 links to itself; 4 pages, not symmetric
_DANGLING = np.array([[1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0],
                      [1.0, 0.0, 0.0, 0.0]])


def _random_adjacency(rng: np.random.Generator) -> Case:
    n = int(rng.integers(2, 7))
    return ((rng.random((n, n)) < 0.4).astype(float),)


def _transition_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_WEB,),
        (_DANGLING,),                                         # a dangling page
        (_DANGLING.astype(int).tolist(),),                    # nested integer lists
        (np.array([[0, 1, 1], [1, 0, 0], [0, 1, 0]]),),       # integer array
        (np.zeros((3, 3)),),                                  # no links at all
        ([[0.0]],),                                           # one page, no links
        ([[0.0, 1.0], [1.0, 0.0]],),                          # two pages, a 2-cycle
        (np.ones((2, 3)),),                                   # not square: refused
        ([[0.0, 1.0], [-1.0, 0.0]],),                         # negative: refused
    ]
    return tuple(hand + random_cases(_random_adjacency, 12, seed=41))


# np.linalg.eig returns these eigenvalues in the order (0.2, 0.53, 1) and
# (0.62 ± 0.14i, 1), with an eigenvector for 1 that has negative entries
_LAST = np.array([[0.59, 0.09, 0.14], [0.0, 0.68, 0.4], [0.41, 0.23, 0.46]])
_COMPLEX = np.array([[0.78, 0.15, 0.0], [0.0, 0.76, 0.3], [0.22, 0.09, 0.7]])
_WEATHER = np.array([[0.9, 0.5], [0.1, 0.5]])
_CYCLE = np.array([[0.0, 1.0], [1.0, 0.0]])
# periodic chains where np.linalg.eig lists another eigenvalue with |lambda| = 1 before 1
# (the 3-cycle: -0.5 +- 0.87i; the bipartite chain: -1), so "largest |lambda|" is wrong
_CYCLE3 = np.roll(np.eye(3), 1, axis=0)
_BIPARTITE = np.array([[0.0, 0.5, 0.0], [1.0, 0.0, 1.0], [0.0, 0.5, 0.0]])
# mixes slowly (|lambda_2| = 0.97): 50 steps of power iteration are still far off
_SLOW = np.array([[0.99, 0.02], [0.01, 0.98]])


def _random_chain(rng: np.random.Generator) -> FloatArray:
    n = int(rng.integers(2, 6))
    M = rng.random((n, n)) + 0.05
    chain: FloatArray = M / M.sum(axis=0)
    return chain


def _steady_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_LAST,),                                   # eig gives 1 last, the vector negative
        (_COMPLEX,),                                # complex eigenvalues come first
        (_WEATHER.tolist(),),
        (_transition_matrix(_WEB),),
        (_transition_matrix(_DANGLING),),
        (_CYCLE.astype(int),),                      # periodic, integers
        (_CYCLE3,),                                 # periodic: eig gives 1 last
        (_BIPARTITE,),                              # periodic: eig gives -1 first
        (_SLOW,),                                   # mixes slowly
        ([[1.0]],),
        (np.ones((2, 3)) / 2,),                     # not square: refused
    ]
    return tuple(hand + random_cases(lambda rng: (_random_chain(rng),), 10, seed=42))


def _random_power(rng: np.random.Generator) -> Case:
    P = _random_chain(rng)
    x0 = np.round(rng.random(P.shape[0]), 2) + 0.01
    return P, x0, float(rng.choice([1e-6, 1e-8, 1e-10])), 1000


def _power_cases() -> tuple[Case, ...]:
    web = _transition_matrix(_WEB)
    hand: list[Case] = [
        (web, np.full(6, 1 / 6)),                           # defaults
        (_WEATHER, [1, 0]),                                 # integer start
        (_LAST, [2.0, 0.0, 0.0], 1e-8, 500),                # sum 2: not normalised
        (_transition_matrix(_DANGLING), np.full(4, 0.25), 1e-12, 1000),
        (_COMPLEX, [0.0, 0.0, 1.0], 1e-6),
        (_CYCLE, [0.5, 0.5]),                               # already steady: one step
        (_CYCLE, [1.0, 0.0]),                               # periodic: never converges
        (web, np.full(6, 1 / 6), 1e-10, 5),                 # too few steps allowed
        (web, np.full(6, 1 / 6), 1e-10, 37),                # one step short: raises
        (web, np.full(6, 1 / 6), 1e-10, 38),                # exactly enough
    ]
    return tuple(hand + random_cases(_random_power, 10, seed=43))


_X5 = np.array([[2.0, 1.0, 0.5], [4.0, 3.0, 0.0], [1.0, 2.0, 1.5], [5.0, 4.5, 1.0],
                [3.0, 1.5, 2.0]])                           # 5 examples, 3 features


def _random_data(rng: np.random.Generator) -> Case:
    m, n = int(rng.integers(2, 12)), int(rng.integers(1, 6))
    return ((rng.normal(size=(m, n)) * rng.uniform(0.5, 4, size=n) + rng.normal(size=n) * 5)
            .round(2),)


def _covariance_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_X5,),
        (_X5[:, :1],),                                      # one feature: (m, 1)
        (np.column_stack([_X5[:, :2], np.full(5, 7.0)]),),  # a constant feature
        (np.array([[1, 2], [3, 5], [4, 4], [0, 1]]),),      # integers
        (_X5.T.copy(),),                                    # 3 examples, 5 features
        ([[1.0, 2.0], [3.0, 1.0]],),                        # two examples
        ([[1.0, 2.0, 3.0]],),                               # one example: refused
        ([1.0, 2.0, 4.0],),                                 # flat: refused
    ]
    return tuple(hand + random_cases(_random_data, 12, seed=44))


def _random_covariance(rng: np.random.Generator) -> Case:
    return (_covariance(rng.normal(size=(int(rng.integers(6, 15)), int(rng.integers(2, 6))))),)


_C2 = np.array([[2.0, 1.0], [1.0, 2.0]])                    # eigenvalues 3 and 1


def _rotated(values: list[float], seed: int) -> FloatArray:
    Q = np.linalg.qr(np.random.default_rng(seed).normal(size=(len(values), len(values))))[0]
    C: FloatArray = Q @ np.diag(values) @ Q.T
    return (C + C.T) / 2


def _axes_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        (_C2,),
        (_covariance(_X5),),
        (_covariance(np.column_stack([_X5[:, :2], np.full(5, 7.0)])),),   # eigenvalue 0
        (np.array([[4, 2], [2, 3]]),),                                     # integers
        (np.diag([1.0, 3.0, 2.0]),),                                       # already diagonal
        (_rotated([5.0, 1.0, 1.0], seed=45),),                             # repeated 1
        ([[5.0]],),
        (np.ones((2, 3)),),                                                # not square
    ]
    return tuple(hand + random_cases(_random_covariance, 8, seed=46))


def _pca_parts(X: FloatArray, k: int) -> tuple[FloatArray, FloatArray]:
    mean = X.mean(axis=0)
    return mean, _principal_axes(_covariance(X))[1][:, :k]


def _random_projection(rng: np.random.Generator) -> Case:
    X = rng.normal(size=(int(rng.integers(2, 10)), int(rng.integers(2, 6)))) * 3 + 10
    k = int(rng.integers(1, X.shape[1] + 1))
    return (X.round(2), *_pca_parts(X.round(2), k))


def _projection_cases() -> tuple[Case, ...]:
    mean, V = _pca_parts(_X5, 3)
    integers = np.array([[1, 2], [3, 5], [4, 4], [0, 1]])
    hand: list[Case] = [
        (_X5, mean, V[:, :2]),
        (_X5, mean, V[:, :1]),
        (_X5, mean, V),                                     # all components
        (_X5[:2], mean, V[:, :2]),                          # new examples, the old mean
        (integers, *_pca_parts(integers.astype(float), 1)),
        (_X5, mean.tolist(), V[:, :2].tolist()),            # lists
    ]
    return tuple(hand + random_cases(_random_projection, 10, seed=47))


def _random_scores(rng: np.random.Generator) -> Case:
    X, mean, V_k = _random_projection(rng)
    return _project(X, mean, V_k).round(3), mean, V_k


def _reconstruction_cases() -> tuple[Case, ...]:
    mean, V = _pca_parts(_X5, 3)
    hand: list[Case] = [
        (_project(_X5, mean, V[:, :2]), mean, V[:, :2]),
        (_project(_X5, mean, V[:, :1]), mean, V[:, :1]),
        (_project(_X5, mean, V), mean, V),                  # all: X comes back
        (np.array([[1, -1], [0, 2]]), mean, V[:, :2]),      # integer scores
        (np.zeros((3, 1)), mean.tolist(), V[:, :1].tolist()),   # zero scores: the mean
    ]
    return tuple(hand + random_cases(_random_scores, 10, seed=48))


def _random_eigenvalues(rng: np.random.Generator) -> Case:
    n = int(rng.integers(1, 12))
    return (np.sort(rng.exponential(size=n) * 10)[::-1].round(4) + 0.001,)


def _cumulative_cases() -> tuple[Case, ...]:
    hand: list[Case] = [
        ([4.0, 2.0, 1.0, 1.0],),
        (np.array([5.0]),),
        (np.array([6, 3, 1]),),                             # integers
        (np.array([3.0, 1.0, 0.0]),),                       # a zero eigenvalue
        (np.array([2.0, 1.0, -1e-15]),),                    # round-off below 0
        (np.array([1e-3, 5e-4, 2.5e-4]),),                  # small numbers
        (np.array([]),),                                    # nothing: refused
        (np.zeros(3),),                                     # no variance: refused
    ]
    return tuple(hand + random_cases(_random_eigenvalues, 10, seed=49))


# ---------------------------------------------------------------------------
# Comparisons that allow a choice
# ---------------------------------------------------------------------------


def _compare_axes(expected: tuple[FloatArray, FloatArray], got: Any) -> bool | str:
    """Eigenvalues entry by entry; eigenvectors up to sign (or basis, when repeated)."""
    values, vectors = expected
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return f"expected a pair (eigenvalues, V) got {_show_value(got)}"
    try:
        got_values, got_vectors = np.asarray(got[0]), np.asarray(got[1])
    except Exception:
        return f"expected a pair of arrays got {_show_value(got)}"
    if got_values.dtype.kind not in "iuf" or got_vectors.dtype.kind not in "iuf":
        return (f"expected real arrays got dtypes {got_values.dtype} and "
                f"{got_vectors.dtype}: {_show_value(got)}")
    if got_values.shape != values.shape or not np.allclose(got_values, values, rtol=1e-7,
                                                            atol=1e-9):
        return f"item 0: expected {_show_value(values)} got {_show_value(got_values)}"
    if got_vectors.shape != vectors.shape:
        return f"item 1: expected shape {vectors.shape} got shape {got_vectors.shape}"
    scale = max(1.0, float(np.abs(values).max(initial=0.0)))
    start = 0
    while start < len(values):
        stop = start + 1
        while stop < len(values) and abs(values[stop] - values[start]) <= 1e-8 * scale:
            stop += 1
        want, have = vectors[:, start:stop], got_vectors[:, start:stop].astype(float)
        if not np.allclose(have @ have.T, want @ want.T, atol=1e-6):
            if stop == start + 1:
                return (f"item 1: column {start} of V should be a unit eigenvector for the "
                        f"eigenvalue {values[start]:.6g} (either sign), such as "
                        f"{_show_value(want[:, 0])}, got {_show_value(have[:, 0])}")
            return (f"item 1: the eigenvalue {values[start]:.6g} is repeated, so columns "
                    f"{start} to {stop - 1} of V should be an orthonormal basis of its "
                    f"eigenspace (any one), such as {_show_value(want.T)} (as rows), got "
                    f"{_show_value(have.T)}")
        start = stop
    return True


def _compare_cumulative(expected: FloatArray, got: Any) -> bool | str:
    try:
        values = np.asarray(got)
    except Exception:
        return f"expected an array of shape {expected.shape} got {_show_value(got)}"
    if values.dtype.kind not in "iuf" or values.shape != expected.shape:
        return f"expected {_show_value(expected)} got {_show_value(got)}"
    if not np.allclose(values, expected, rtol=1e-7, atol=1e-9):
        return f"expected {_show_value(expected)} got {_show_value(values)}"
    if np.any(np.diff(values) < 0):
        return (f"got {_show_value(values)}, which goes down somewhere: a cumulative "
                "share of variance never decreases")
    if abs(float(values[-1]) - 1.0) > 1e-12:
        return f"got {_show_value(values)}, which ends at {values[-1]!r}, not at 1"
    return True


# ---------------------------------------------------------------------------
# Hints: after a failure, probe the learner's function for well-known mistakes
# ---------------------------------------------------------------------------


def _quietly(fn: Callable[..., Any], *args: Any) -> Any:
    with np.errstate(all="ignore"):
        return fn(*args)


_LESSON_MARKOV = " (lesson: Eigenvalues and eigenvectors, Markov chains and the steady state)"
_LESSON_PCA = " (lesson: Principal component analysis)"


def _transition_hints() -> tuple[tuple[Detector, str], ...]:
    A, n = _DANGLING, len(_DANGLING)
    P = _transition_matrix(A)
    links = A.sum(axis=1)
    row = _quietly(lambda: np.where(links[:, None] == 0, 1.0 / n, A / np.where(
        links == 0, 1, links)[:, None]))
    zero_column = P.copy()
    zero_column[:, links == 0] = 0.0
    nan_column = P.copy()
    nan_column[:, links == 0] = np.nan
    web, web_in = _WEB, _WEB.sum(axis=0)
    by_in = [web.T / web_in, web.T / web_in[:, None]]
    integer = np.array([[0, 1, 1], [1, 0, 0], [0, 1, 0]])
    to_itself = P.copy()
    to_itself[:, links == 0] = np.eye(n)[:, links == 0]
    no_self = _transition_matrix(A - np.diag(np.diag(A)))
    web_out = _WEB.sum(axis=0)
    by_columns = _WEB / np.where(web_out == 0, 1, web_out)
    return (
        (lambda fn: _gives(fn, (A,), row) or _gives(fn, (_WEB,), _transition_matrix(_WEB).T),
         "your rows sum to 1: this is the row-stochastic matrix, P[i, j] = probability of "
         "moving from i to j. Here P is column-stochastic, P[i, j] = probability of moving "
         "from page j TO page i, so transpose the adjacency first (P[i, j] = "
         "adjacency[j, i] / links on page j); every COLUMN sums to 1" + _LESSON_MARKOV + "."),
        (lambda fn: any(_gives(fn, (web,), wrong) for wrong in by_in),
         "you divided by the links INTO a page (the column sums of adjacency): the surfer "
         "on page j picks one of the links ON page j, so divide by the row sums, "
         "adjacency.sum(axis=1)."),
        (lambda fn: _gives(fn, (web,), by_columns),
         "you read adjacency the other way round (column j as the links on page j): "
         "adjacency[i, j] = 1 means page i links TO page j, so the links on page j are "
         "ROW j and P[:, j] = adjacency[j] / adjacency[j].sum() (P = adjacency.T divided "
         "by the row sums)."),
        (lambda fn: _gives(fn, (A,), zero_column),
         "the column of a page with no links is all 0, so that column does not sum to 1 "
         "and probability leaks away: a surfer on a dangling page jumps to any of the n "
         "pages, so that column is 1/n."),
        (lambda fn: _gives(fn, (A,), to_itself),
         "a page with no links keeps the surfer on itself in your matrix (a 1 on the "
         "diagonal): the surfer on a dangling page jumps to any of the n pages, so its "
         "whole column is 1/n."),
        (lambda fn: _gives(fn, (A,), no_self),
         "you dropped the link from a page to itself: a self-link is a link like any "
         "other, so it counts in d_j and P[j, j] = adjacency[j, j] / d_j. Keep the "
         "diagonal of adjacency."),
        (lambda fn: _gives(fn, (A,), nan_column)
         or bool(np.isnan(np.asarray(_answer(fn, A), dtype=float)).any()
                 if _answer(fn, A) is not _NO_ANSWER else False),
         "your matrix has NaN: 0/0 for a page with no links. Give a dangling page the "
         "column 1/n before dividing (divide only the columns whose page has links)."),
        (lambda fn: _gives(fn, (integer,), np.floor(_transition_matrix(integer)))
         or _gives(fn, (A.astype(int),), np.floor(P)),
         "your probabilities lost their fractions: // (integer division) or storing them "
         "in an integer array turns 1/2 into 0. Start with np.array(adjacency, "
         "dtype=float)."),
        (lambda fn: _right_on(fn, _transition_matrix, (_WEB,), (A,))
         and not (_raises(fn, np.ones((2, 3))) and _raises(fn, [[0.0, 1.0], [-1.0, 0.0]])),
         "raise ValueError when adjacency is not square (shape[0] != shape[1]) or has a "
         "negative entry: a page cannot have -1 links."),
    )


def _steady_hints() -> tuple[tuple[Detector, str], ...]:
    P = _LAST
    p = _steady_state(P)
    values, vectors = np.linalg.eig(P)
    first = vectors[:, 0].real / vectors[:, 0].real.sum()
    first_complex = np.linalg.eig(_COMPLEX)[1][:, 0]
    first_complex = (first_complex / first_complex.sum()).real
    transposed = _steady_state(P.T)
    unit = p / np.linalg.norm(p)
    raw = vectors[:, int(np.argmin(np.abs(values - 1)))].real
    row = vectors[int(np.argmin(np.abs(values - 1)))].real
    sym_values, sym_vectors = np.linalg.eigh(P)
    sym = sym_vectors[:, int(np.argmin(np.abs(sym_values - 1)))]
    uniform = np.full(2, 0.5)
    slow_powers = [uniform]
    for _ in range(3000):
        slow_powers.append(_SLOW @ slow_powers[-1])
    slow_powers_array = np.array(slow_powers)

    def largest_modulus(M: FloatArray) -> FloatArray:
        w, V = np.linalg.eig(M)
        v = V[:, int(np.argmax(np.abs(w)))].real
        picked: FloatArray = _quietly(lambda: v / v.sum())
        return picked

    def garbage(got: Any) -> bool:
        try:
            values_got = np.asarray(got, dtype=np.float64)
        except (TypeError, ValueError):
            return False
        return bool(not np.all(np.isfinite(values_got)) or np.abs(values_got).max() > 1.5)

    def fixed_powers(got: Any) -> bool:
        try:
            values_got = np.asarray(got, dtype=np.float64)
        except (TypeError, ValueError):
            return False
        if values_got.shape != (2,) or np.allclose(values_got, _steady_state(_SLOW), atol=1e-6):
            return False
        return bool(np.any(np.all(np.isclose(slow_powers_array, values_got, rtol=1e-9,
                                              atol=1e-12), axis=1)))

    return (
        (lambda fn: _gives(fn, (P,), sym / sym.sum()),
         "np.linalg.eigh is only for symmetric matrices (it reads one triangle of P and "
         "ignores the other): a transition matrix is not symmetric, so use np.linalg.eig"
         + _LESSON_MARKOV + "."),
        (lambda fn: _gives(fn, (P,), transposed) or _gives(fn, (P,), np.full(3, 1 / 3)),
         "this is an eigenvector of P.T, not of P: for a column-stochastic P, P.T has the "
         "eigenvector [1, 1, ..., 1] for the eigenvalue 1, so you get the uniform "
         "distribution. Use np.linalg.eig(P), and vectors[:, k] is the eigenvector: a "
         "COLUMN, not a row" + _LESSON_MARKOV + "."),
        (lambda fn: _gives(fn, (P,), row / row.sum()),
         "vectors[k] is a ROW of the matrix np.linalg.eig returns, not an eigenvector: the "
         "eigenvector for values[k] is the column vectors[:, k]."),
        (lambda fn: _gives(fn, (P,), unit) or _gives(fn, (P,), -unit) or _gives(fn, (P,), raw),
         "your vector has length 1 (that is how np.linalg.eig scales it), but a "
         "probability distribution sums to 1: divide by v.sum() instead, which also fixes "
         "the sign."),
        (lambda fn: _gives(fn, (P,), -p),
         "your vector is negative: an eigenvector times -1 is still an eigenvector, and "
         "np.linalg.eig may return either sign. Divide by v.sum(), which makes every entry "
         "non-negative."),
        (lambda fn: _gives(fn, (P,), first) or _gives(fn, (_COMPLEX,), first_complex),
         "you took the first eigenvalue np.linalg.eig returned, but it returns them in no "
         "particular order: pick k = np.argmin(np.abs(values - 1)), the eigenvalue nearest 1."),
        (lambda fn: _gives(fn, (_BIPARTITE,), largest_modulus(_BIPARTITE))
         or (_right_on(fn, _steady_state, (P,), (_COMPLEX,))
             and garbage(_answer(fn, _BIPARTITE))),
         "the largest |lambda| is not always 1's: a periodic chain (one that cycles, like "
         "[[0, 0.5, 0], [1, 0, 1], [0, 0.5, 0]]) has other eigenvalues with |lambda| = 1, "
         "such as -1. Pick the eigenvalue nearest 1, k = np.argmin(np.abs(values - 1))."),
        (lambda fn: _right_on(fn, _steady_state, (P,)) and fixed_powers(_answer(fn, _SLOW)),
         "this looks like a fixed number of steps of power iteration: on a chain that mixes "
         "slowly, such as [[0.99, 0.02], [0.01, 0.98]] (|lambda_2| = 0.97), it is still far "
         "from the steady state. Take the eigenvector of P for the eigenvalue 1 instead."),
        (lambda fn: (lambda got: got is not _NO_ANSWER and np.iscomplexobj(got) and bool(
            np.allclose(np.asarray(got).real, _steady_state(_COMPLEX))))(_answer(fn, _COMPLEX)),
         "your answer is complex (dtype complex128): np.linalg.eig returns complex arrays "
         "when some eigenvalues are complex. The steady state itself is real: take "
         "vectors[:, k].real."),
    )


def _power_hints() -> tuple[tuple[Detector, str], ...]:
    web = _transition_matrix(_WEB)
    start = np.full(6, 1 / 6)
    case = (web, start)
    x, steps = _power_iteration(*case)

    def variant(M: FloatArray, x0: FloatArray, step: Callable[[FloatArray], FloatArray],
                distance: Callable[[FloatArray], float]) -> tuple[FloatArray, int] | None:
        y = x0.copy()
        for count in range(1, 3001):
            y_new = step(y)
            if distance(y_new - y) < 1e-10:
                return y_new, count
            y = y_new
        return None

    def l1(d: FloatArray) -> float:
        return float(np.abs(d).sum())

    row = variant(web, start, lambda y: y @ web, l1)
    # a lazy walk round a ring of 20 pages mixes slowly: other norms stop many steps off
    ring = 0.5 * np.eye(20) + 0.5 * np.roll(np.eye(20), 1, axis=0)
    ring_start = np.eye(20)[0]
    ring_case = (ring, ring_start, 1e-10, 3000)
    ring_steps = _power_iteration(*ring_case)[1]
    other_norms = [variant(ring, ring_start, lambda y: ring @ y, lambda d: float(np.linalg.norm(d))),
                   variant(ring, ring_start, lambda y: ring @ y, lambda d: float(np.abs(d).max()))]
    lasting = np.linalg.matrix_power(web, 1000) @ start
    loose = (_COMPLEX, np.array([0.0, 0.0, 1.0]), 1e-6)
    loose_x, loose_steps = _power_iteration(*loose)
    previous = np.linalg.matrix_power(_COMPLEX, loose_steps - 1) @ loose[1]
    doubled = (_LAST, [2.0, 0.0, 0.0], 1e-8, 500)
    relative = None                                      # tol relative to the 1-norm of x
    y = np.array([2.0, 0.0, 0.0])
    for count in range(1, 501):
        y_new = _LAST @ y
        if l1(y_new - y) / l1(y) < 1e-8:
            relative = (y_new, count)
            break
        y = y_new
    weather = (_WEATHER, [1, 0])
    from_uniform = _power_iteration(_WEATHER, [0.5, 0.5])
    return (
        (lambda fn: row is not None and _gives(fn, case, row),
         "this is x @ P, the row-vector convention: with a column-stochastic P the "
         "distribution moves by x_new = P @ x" + _LESSON_MARKOV + "."),
        (lambda fn: any(v is not None and abs(v[1] - ring_steps) > 1
                        and _gives(fn, ring_case, v) for v in other_norms),
         "the change is measured with the 1-norm, np.abs(x_new - x).sum(), not the "
         "Euclidean length or the largest entry: with another norm you stop at another step."),
        (lambda fn: _gives(fn, case, (x, steps - 1)) or _gives(fn, case, (x, steps + 1))
         or _gives(fn, case, (web @ x, steps + 1)),
         "the step count is off by one: steps is the number of multiplications P @ x done, "
         "counting the one that gave a change below tol (so an x0 that is already steady "
         "gives steps = 1)."),
        (lambda fn: _right_on(fn, _power_iteration, case)
         and _gives(fn, (web, start, 1e-10, steps - 1), (x, steps)),
         "you allow one multiplication more than max_steps: with max_steps = "
         f"{steps - 1} this case needs {steps} and must raise ValueError. Loop over "
         "range(1, max_steps + 1)."),
        (lambda fn: _gives(fn, loose, (previous, loose_steps)),
         "you returned x from before the last multiplication: return x_new, the newest "
         "vector (with a loose tol such as 1e-6 the two still differ)."),
        (lambda fn: _gives(fn, case, (lasting, 1000)) or _gives(fn, case, (x, 1000)),
         "your loop never stops early: stop as soon as np.abs(x_new - x).sum() < tol and "
         "return (x_new, steps)."),
        (lambda fn: _gives(fn, weather, from_uniform),
         "start from x0 as it is given, not from the uniform vector: the number of steps "
         "depends on where you start."),
        (lambda fn: _right_on(fn, _power_iteration, case) and relative is not None
         and _gives(fn, doubled, relative),
         "tol bounds the 1-norm of the change itself, np.abs(x_new - x).sum() < tol, not "
         "the change relative to the size of x."),
        (lambda fn: _right_on(fn, _power_iteration, case)
         and _gives(fn, (_LAST, [1.0, 0.0, 0.0], 1e-8, 500),
                    _power_iteration(_LAST, [1.0, 0.0, 0.0], 1e-8, 500))
         and not _gives(fn, doubled, _power_iteration(*doubled))
         and (lambda got: isinstance(got, (tuple, list)) and len(got) == 2
              and _same(np.sum(np.asarray(got[0], dtype=float)), 1.0))(_answer(fn, *doubled)),
         "use x0 as it is given, without normalising it: P keeps the sum of x (every "
         "column sums to 1), so a start summing to 2 ends on twice the steady state."),
        (lambda fn: _right_on(fn, _power_iteration, case, weather)
         and not (_raises(fn, _CYCLE, [1.0, 0.0]) and _raises(fn, web, start, 1e-10, 5)),
         "raise ValueError when max_steps multiplications are not enough: a periodic "
         "chain such as [[0, 1], [1, 0]] started at [1, 0] swaps back and forth for ever "
         "and never converges."),
    )


def _covariance_hints() -> tuple[tuple[Detector, str], ...]:
    X = _X5
    m = len(X)
    by_rows = X - X.mean(axis=1, keepdims=True)
    correlation = np.corrcoef(X, rowvar=False)
    return (
        (lambda fn: _gives(fn, (X,), X.T @ X / (m - 1)) or _gives(fn, (X,), X.T @ X / m),
         "X is not centred: subtract the mean of each feature (column) first, "
         "Xc = X - X.mean(axis=0), then Xc.T @ Xc / (m - 1)" + _LESSON_PCA + "."),
        (lambda fn: _gives(fn, (X,), (X - X.mean()).T @ (X - X.mean()) / (m - 1)),
         "one mean for the whole array: each feature (column) needs its own, "
         "X.mean(axis=0)."),
        (lambda fn: _gives(fn, (X,), correlation),
         "this is the correlation matrix (you divided by the standard deviations, or "
         "standardised X): the covariance only centres, Xc.T @ Xc / (m - 1)."),
        (lambda fn: _gives(fn, (X,), _covariance(X, ddof=0)),
         "you divided by m: the sample covariance divides by m - 1, as np.cov does."),
        (lambda fn: _gives(fn, (X,), by_rows.T @ by_rows / (m - 1)),
         "you subtracted each example's own mean (the row means, axis=1): centre each "
         "feature (column) with X.mean(axis=0)."),
        (lambda fn: np.shape(_answer(fn, X)) == (m, m),
         "your matrix is m x m (one row and column per example): Xc @ Xc.T, or np.cov(X), "
         "which treats each ROW as a variable, compares examples. The covariance compares "
         "features: Xc.T @ Xc / (m - 1), or np.cov(X, rowvar=False), shape (n, n)."),
        (lambda fn: _right_on(fn, _covariance_matrix, (X,))
         and np.ndim(_answer(fn, X[:, :1])) < 2 and _answer(fn, X[:, :1]) is not _NO_ANSWER,
         "with one feature the covariance is a 1 x 1 matrix: np.cov returns a bare number "
         "then, so wrap it, np.atleast_2d(np.cov(X, rowvar=False)), or compute "
         "Xc.T @ Xc / (m - 1)."),
        (lambda fn: _right_on(fn, _covariance_matrix, (X,))
         and not _raises(fn, [[1.0, 2.0, 3.0]]),
         "with one example there is no spread to measure (and m - 1 = 0): raise "
         "ValueError when X has fewer than 2 rows."),
        (lambda fn: _right_on(fn, _covariance_matrix, (X,)) and not _raises(fn, [1.0, 2.0, 4.0]),
         "X must be 2-D, shape (m, n): raise ValueError for a flat array (one feature is "
         "X of shape (m, 1), X.reshape(-1, 1))."),
    )


def _axes_hints() -> tuple[tuple[Detector, str], ...]:
    C = _covariance(_X5)
    values, vectors = _principal_axes(C)
    ascending = np.linalg.eigh(C)

    def sign_free(got: Any, want_values: FloatArray, want_vectors: FloatArray) -> bool:
        return _compare_axes((want_values, want_vectors), got) is True

    def eig_unsorted(got: Any) -> bool:
        if got is _NO_ANSWER or not isinstance(got, (tuple, list)) or len(got) != 2:
            return False
        try:
            v = np.asarray(got[0])
        except Exception:
            return False
        if v.shape != values.shape:
            return False
        sorted_v = np.sort(v.real)[::-1]
        return (np.iscomplexobj(v) or not np.allclose(v, sorted_v)) and bool(
            np.allclose(sorted_v, values))

    repeated = _rotated([5.0, 1.0, 1.0], seed=45)

    def not_perpendicular(got: Any) -> bool:
        """Eigenvectors, sorted, each of length 1, but not perpendicular."""
        if got is _NO_ANSWER or not isinstance(got, (tuple, list)) or len(got) != 2:
            return False
        try:
            got_values, V = np.asarray(got[0], dtype=float), np.asarray(got[1], dtype=float)
        except (TypeError, ValueError):
            return False
        if V.shape != repeated.shape or got_values.shape != (3,):
            return False
        return bool(np.allclose(got_values, [5.0, 1.0, 1.0])
                    and np.allclose(repeated @ V, V * got_values, atol=1e-8)
                    and np.allclose(np.linalg.norm(V, axis=0), 1.0)
                    and not np.allclose(V.T @ V, np.eye(3), atol=1e-6))

    return (
        (lambda fn: sign_free(_answer(fn, C), ascending[0], ascending[1]),
         "your eigenvalues go from smallest to largest, as np.linalg.eigh returns them: "
         "reverse both, values[::-1] and vectors[:, ::-1], so the first column is the "
         "direction of largest variance" + _LESSON_PCA + "."),
        (lambda fn: sign_free(_answer(fn, C), values, ascending[1]),
         "the eigenvalues are sorted but the vectors are not: reorder the columns with the "
         "same order, vectors[:, ::-1] (or vectors[:, order] with order = "
         "np.argsort(values)[::-1])."),
        (lambda fn: sign_free(_answer(fn, C), values, vectors.T.copy())
         or sign_free(_answer(fn, C), values, ascending[1][:, ::-1].T.copy()),
         "your eigenvectors are the ROWS of V: NumPy returns them as columns, vectors[:, k] "
         "is the k-th one. Keep them as columns."),
        (lambda fn: sign_free(_answer(fn, C), values, ascending[1][::-1].copy()),
         "you reversed the ROWS of V (vectors[::-1]): the eigenvectors are its columns, so "
         "reverse the columns, vectors[:, ::-1]."),
        (lambda fn: eig_unsorted(_answer(fn, C)),
         "np.linalg.eig returns eigenvalues in no particular order (and may return complex "
         "numbers): for a symmetric matrix use np.linalg.eigh, then sort from largest to "
         "smallest."),
        (lambda fn: not_perpendicular(_answer(fn, repeated)),
         "for a repeated eigenvalue np.linalg.eig (and linalg.eig, which calls it) may "
         "return eigenvectors that are not "
         "perpendicular; PCA needs orthonormal directions, and np.linalg.eigh (made for "
         "symmetric matrices) always returns them."),
    )


def _projection_hints() -> tuple[tuple[Detector, str], ...]:
    mean, V = _pca_parts(_X5, 3)
    case = (_X5, mean, V[:, :2])
    Z = _project(*case)
    return (
        (lambda fn: _gives(fn, case, _X5 @ V[:, :2]),
         "X is not centred: subtract the mean first, (X - mean) @ V_k; PCA's directions "
         "pass through the mean of the data" + _LESSON_PCA + "."),
        (lambda fn: _gives(fn, (_X5[:2], mean, V[:, :2]),
                           _project(_X5[:2], _X5[:2].mean(axis=0), V[:, :2])),
         "you centred with the mean of the X passed in: use the mean argument, the mean of "
         "the data PCA was fitted on, so that new examples land in the same coordinates."),
        (lambda fn: _gives(fn, case, Z.T),
         "your scores have shape (k, m): one example per ROW, so Z = (X - mean) @ V_k has "
         "shape (m, k), not V_k.T @ (X - mean).T."),
        (lambda fn: _gives(fn, (_X5, mean, V), (_X5 - mean) @ V.T),
         "this uses V_k.T: V_k has the directions as columns (shape (n, k)), so the "
         "scores are (X - mean) @ V_k."),
    )


def _reconstruction_hints() -> tuple[tuple[Detector, str], ...]:
    mean, V = _pca_parts(_X5, 3)
    Z = _project(_X5, mean, V[:, :2])
    case = (Z, mean, V[:, :2])
    X_hat = _reconstruct(*case)
    return (
        (lambda fn: _gives(fn, case, X_hat - mean),
         "the mean is not added back: Z @ V_k.T is the centred reconstruction; add the "
         "mean, Z @ V_k.T + mean" + _LESSON_PCA + "."),
        (lambda fn: _gives(fn, case, X_hat - 2 * mean),
         "the mean is subtracted: add it back, Z @ V_k.T + mean."),
        (lambda fn: _gives(fn, case, X_hat.T),
         "your result has shape (n, m): one example per ROW, so X_hat = Z @ V_k.T + mean "
         "has shape (m, n)."),
    )


def _goes_down(got: Any) -> bool:
    try:
        values = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return values.ndim == 1 and bool(np.any(np.diff(values) < 0))


def _cumulative_hints() -> tuple[tuple[Detector, str], ...]:
    values = np.array([4.0, 2.0, 1.0, 1.0])
    tiny = np.array([2.0, 1.0, -1e-15])
    return (
        (lambda fn: _gives(fn, (values,), values / values.sum()),
         "this is each eigenvalue's own share, not the running total: use "
         "np.cumsum(values) / values.sum(), so entry k - 1 is what the first k components "
         "keep" + _LESSON_PCA + "."),
        (lambda fn: _gives(fn, (values,), np.cumsum(values)),
         "divide by the total, values.sum(): the curve is a share of the variance and "
         "ends at 1."),
        (lambda fn: _gives(fn, (values,), np.cumsum(np.sort(values)) / values.sum()),
         "your curve starts from the smallest eigenvalue (ascending, as np.linalg.eigh "
         "returns them): the curve must start from the largest, so entry k - 1 is what "
         "the first k components keep. Do not sort the eigenvalues in increasing order."),
        (lambda fn: _gives(fn, (values,), np.cumsum(values) / values[0]),
         "you divided by the largest eigenvalue: divide by the total, values.sum(), so the "
         "curve ends at 1."),
        (lambda fn: _right_on(fn, _cumulative, (values,)) and _goes_down(_answer(fn, tiny)),
         "the curve goes down at the end: a tiny negative eigenvalue (-1e-15) is "
         "round-off of a 0 and must count as 0. Clip first, np.clip(values, 0, None)."),
        (lambda fn: _right_on(fn, _cumulative, (values,))
         and not (_raises(fn, np.zeros(3)) and _raises(fn, np.array([]))),
         "with no eigenvalues, or all of them 0, there is no variance to share out: raise "
         "ValueError instead of dividing by 0."),
    )


# ---------------------------------------------------------------------------
# Building the graders
# ---------------------------------------------------------------------------


@functools.cache
def _graders() -> dict[str, Callable[[Any], CheckResult]]:
    """Built on first use, so importing ``mathbook.check`` stays cheap."""
    return {
        "transition_matrix": _Hinted(grader(_transition_matrix, _transition_cases(),
                                            name="transition_matrix"), _transition_hints()),
        "steady_state": _Hinted(grader(_steady_state, _steady_cases(), name="steady_state"),
                                _steady_hints()),
        "power_iteration": _Hinted(grader(_power_iteration, _power_cases(),
                                          name="power_iteration"), _power_hints()),
        "covariance_matrix": _Hinted(grader(_covariance_matrix, _covariance_cases(),
                                            name="covariance_matrix"), _covariance_hints()),
        "principal_axes": _Hinted(grader(_principal_axes, _axes_cases(), name="principal_axes",
                                         compare=_compare_axes), _axes_hints()),
        "project": _Hinted(grader(_project, _projection_cases(), name="project"),
                           _projection_hints()),
        "reconstruct": _Hinted(grader(_reconstruct, _reconstruction_cases(),
                                      name="reconstruct"), _reconstruction_hints()),
        "cumulative_explained_variance": _Hinted(
            grader(_cumulative, _cumulative_cases(), name="cumulative_explained_variance",
                   compare=_compare_cumulative), _cumulative_hints()),
    }


# ---------------------------------------------------------------------------
# The graders a learner calls
# ---------------------------------------------------------------------------

def transition_matrix(fn: Any) -> CheckResult:
    r"""Check your ``transition_matrix(adjacency)``: the column-stochastic matrix of a website.

    ``adjacency[i, j] = 1`` when page ``i`` links to page ``j``, so row ``j`` lists the
    links on page ``j`` and $d_j$ = ``adjacency[j].sum()`` counts them. Then

    $$p_{ij} = \frac{a_{ji}}{d_j}\ \text{ if } d_j > 0, \qquad p_{ij} = \frac{1}{n}\
    \text{ if page } j \text{ has no links},$$

    the probability of moving from page $j$ to page $i$: every column sums to 1. Raise
    ``ValueError`` when ``adjacency`` is not square or has a negative entry.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Eigenvalues and eigenvectors](../../linear-algebra/week-4/eigenvectors.md#markov-chains-and-the-steady-state).

    Examples
    --------
    >>> import numpy as np
    >>> def transition_matrix(adjacency):          # rows sum to 1
    ...     A = np.array(adjacency, dtype=float)
    ...     links = A.sum(axis=1, keepdims=True)
    ...     return np.where(links == 0, 1 / len(A), A / np.where(links == 0, 1, links))
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.transition_matrix(transition_matrix))  # doctest: +ELLIPSIS
    failed: transition_matrix(adjacency=...) expected ...
    hint: your rows sum to 1: this is the row-stochastic matrix, ...
    """  # noqa: E501
    return _graders()["transition_matrix"](fn)


def steady_state(fn: Any) -> CheckResult:
    r"""Check your ``steady_state(P)``: the eigenvector of ``P`` for the eigenvalue 1, summing to 1.

    With ``values, vectors = np.linalg.eig(P)``, take the eigenvalue nearest 1,
    ``k = np.argmin(np.abs(values - 1))``, its eigenvector ``vectors[:, k]`` (a column)
    as real numbers, and divide it by its sum: $\mathbf{P}\mathbf{p} = \mathbf{p}$ with
    entries $\ge 0$ summing to 1, as ``linalg.steady_state`` returns. ``np.linalg.eig``
    returns the eigenvalues in no fixed order and each eigenvector with either sign; the
    cases include chains where 1 is not the first eigenvalue and where the eigenvector
    comes out negative. A matrix that is not square must raise ``ValueError`` (NumPy's
    ``LinAlgError`` is a kind of ``ValueError``, so letting ``np.linalg.eig`` raise is
    fine).

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Eigenvalues and eigenvectors](../../linear-algebra/week-4/eigenvectors.md#markov-chains-and-the-steady-state).

    Examples
    --------
    >>> import numpy as np
    >>> def steady_state(P):                      # the first eigenvector returned
    ...     values, vectors = np.linalg.eig(np.array(P, dtype=float))
    ...     v = vectors[:, 0].real
    ...     return v / v.sum()
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.steady_state(steady_state))  # doctest: +ELLIPSIS
    failed: steady_state(P=array([[0.59, 0.09, 0.14], ...])) expected ...
    hint: you took the first eigenvalue np.linalg.eig returned, ...
    """  # noqa: E501
    return _graders()["steady_state"](fn)


def power_iteration(fn: Any) -> CheckResult:
    r"""Check your ``power_iteration(P, x0, tol=1e-10, max_steps=1000)``: ``(x, steps)``.

    Start from ``x = x0`` as given (``P`` keeps its sum, so do not normalise it) and
    repeat: ``x_new = P @ x``; if ``np.abs(x_new - x).sum() < tol``, return
    ``(x_new, steps)``, where ``steps`` counts the multiplications done, this last one
    included; otherwise ``x = x_new``. Raise ``ValueError`` when ``max_steps``
    multiplications are done without that happening. So a start that is already steady
    gives ``steps == 1``, and a periodic chain started elsewhere raises.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Eigenvalues and eigenvectors](../../linear-algebra/week-4/eigenvectors.md#markov-chains-and-the-steady-state).

    Examples
    --------
    >>> import numpy as np
    >>> def power_iteration(P, x0, tol=1e-10, max_steps=1000):   # x @ P
    ...     P, x = np.array(P, dtype=float), np.array(x0, dtype=float)
    ...     for steps in range(1, max_steps + 1):
    ...         x_new = x @ P
    ...         if np.abs(x_new - x).sum() < tol:
    ...             return x_new, steps
    ...         x = x_new
    ...     raise ValueError("did not converge")
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.power_iteration(power_iteration))  # doctest: +ELLIPSIS
    failed: power_iteration(P=..., x0=...) ...
    hint: this is x @ P, the row-vector convention: ...
    """
    return _graders()["power_iteration"](fn)


def covariance_matrix(fn: Any) -> CheckResult:
    r"""Check your ``covariance_matrix(X)``: the ``(n, n)`` covariance of the columns of ``X``.

    $$\mathbf{C} = \frac{1}{m-1}\mathbf{X}_c^\top\mathbf{X}_c, \qquad
    \mathbf{X}_c = \mathbf{X} - \mathbf{1}\bar{\mathbf{x}}^\top,$$

    for ``X`` of shape ``(m, n)``, one example per row (``np.cov(X, rowvar=False)``).
    Raise ``ValueError`` when ``X`` is not 2-D or has fewer than 2 rows. A constant
    feature gives a row and column of zeros.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Principal component analysis](../../linear-algebra/week-4/pca.md#the-covariance-matrix).

    Examples
    --------
    >>> import numpy as np
    >>> def covariance_matrix(X):                 # not centred
    ...     X = np.array(X, dtype=float)
    ...     if X.ndim != 2 or len(X) < 2:
    ...         raise ValueError("X must have shape (m, n) with m >= 2")
    ...     return X.T @ X / (len(X) - 1)
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.covariance_matrix(covariance_matrix))  # doctest: +ELLIPSIS
    failed: covariance_matrix(X=...) expected ...
    hint: X is not centred: ...
    """
    return _graders()["covariance_matrix"](fn)


def principal_axes(fn: Any) -> CheckResult:
    r"""Check your ``principal_axes(C)``: eigenvalues from largest to smallest, unit eigenvectors as columns.

    For a symmetric ``C`` (a covariance matrix), return ``(eigenvalues, V)`` with
    $\lambda_1 \ge \dots \ge \lambda_n$ and $\mathbf{C}\mathbf{v}_j = \lambda_j\mathbf{v}_j$
    for column ``V[:, j]``: ``np.linalg.eigh`` gives them from smallest to largest, so
    reverse both. A column may come with either sign (−**v** is as good as **v**); for a
    repeated eigenvalue any orthonormal basis of its eigenspace is accepted. A matrix
    that is not square must raise ``ValueError`` (NumPy's ``LinAlgError`` is a kind of
    ``ValueError``, so letting ``np.linalg.eigh`` raise is fine).

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Principal component analysis](../../linear-algebra/week-4/pca.md#principal-directions-are-eigenvectors).

    Examples
    --------
    >>> import numpy as np
    >>> def principal_axes(C):                    # eigh's order: smallest first
    ...     return np.linalg.eigh(np.array(C, dtype=float))
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.principal_axes(principal_axes))  # doctest: +ELLIPSIS
    failed: principal_axes(C=array([[2.0, 1.0], [1.0, 2.0]])) item 0: expected [3. 1.] got [1. 3.]
    hint: your eigenvalues go from smallest to largest, ...
    """  # noqa: E501
    return _graders()["principal_axes"](fn)


def project(fn: Any) -> CheckResult:
    r"""Check your ``project(X, mean, V_k)``: the scores $\mathbf{Z} = (\mathbf{X} - \bar{\mathbf{x}})\mathbf{V}_k$.

    ``X`` has shape ``(m, n)`` (one example per row), ``mean`` shape ``(n,)`` (the mean
    of the data PCA was fitted on, which new examples keep) and ``V_k`` shape ``(n, k)``
    (the first ``k`` principal directions as columns); the scores have shape ``(m, k)``.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Principal component analysis](../../linear-algebra/week-4/pca.md#projection-and-reconstruction).

    Examples
    --------
    >>> import numpy as np
    >>> def project(X, mean, V_k):                # not centred
    ...     return np.array(X, dtype=float) @ np.array(V_k, dtype=float)
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.project(project))  # doctest: +ELLIPSIS
    failed: project(X=..., mean=..., V_k=...) expected ...
    hint: X is not centred: ...
    """  # noqa: E501
    return _graders()["project"](fn)


def reconstruct(fn: Any) -> CheckResult:
    r"""Check your ``reconstruct(Z, mean, V_k)``: back to the data's space, $\mathbf{Z}\mathbf{V}_k^\top + \bar{\mathbf{x}}$.

    ``Z`` has shape ``(m, k)``, ``mean`` shape ``(n,)`` and ``V_k`` shape ``(n, k)``;
    the result has shape ``(m, n)``. With all ``n`` components it gives ``X`` back.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Principal component analysis](../../linear-algebra/week-4/pca.md#projection-and-reconstruction).

    Examples
    --------
    >>> import numpy as np
    >>> def reconstruct(Z, mean, V_k):            # the mean never added back
    ...     return np.array(Z, dtype=float) @ np.array(V_k, dtype=float).T
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.reconstruct(reconstruct))  # doctest: +ELLIPSIS
    failed: reconstruct(Z=..., mean=..., V_k=...) expected ...
    hint: the mean is not added back: ...
    """  # noqa: E501
    return _graders()["reconstruct"](fn)


def cumulative_explained_variance(fn: Any) -> CheckResult:
    r"""Check your ``cumulative_explained_variance(eigenvalues)``: the share kept by the first k components.

    For eigenvalues $\lambda_1 \ge \dots \ge \lambda_n$, entry $k - 1$ of the result is

    $$\frac{\lambda_1 + \dots + \lambda_k}{\lambda_1 + \dots + \lambda_n},$$

    so the curve never goes down and its last entry is 1. A negative eigenvalue is
    round-off of a 0 (a covariance matrix has none below 0): count it as 0, with
    ``np.clip(eigenvalues, 0, None)``. Raise ``ValueError`` for no eigenvalues or a total
    of 0.

    Parameters
    ----------
    fn : callable
        Your function.
    {returns}
    See Also
    --------
    Taught in [Principal component analysis](../../linear-algebra/week-4/pca.md#explained-variance-and-choosing-k).

    Examples
    --------
    >>> import numpy as np
    >>> def cumulative_explained_variance(eigenvalues):   # each one's share
    ...     values = np.array(eigenvalues, dtype=float)
    ...     return values / values.sum()
    >>> from mathbook.check import linalg_w4
    >>> print(linalg_w4.cumulative_explained_variance(cumulative_explained_variance))
    ... # doctest: +ELLIPSIS
    failed: cumulative_explained_variance(eigenvalues=[4.0, 2.0, 1.0, 1.0]) expected ...
    hint: this is each eigenvalue's own share, not the running total: ...
    """  # noqa: E501
    return _graders()["cumulative_explained_variance"](fn)


_document_returns(transition_matrix, steady_state, power_iteration, covariance_matrix,
                  principal_axes, project, reconstruct, cumulative_explained_variance)
