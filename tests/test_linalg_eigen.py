"""Tests of mathbook.linalg: eigenvalues, characteristic polynomial, Markov chains, PCA."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathbook import linalg as la

SETTINGS = settings(max_examples=60, deadline=None)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


# ------------------------------------------------------------------------------------
# eig
# ------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(seed=seeds, symmetric=st.booleans())
def test_eig_is_an_eigendecomposition(seed: int, symmetric: bool) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 7))
    A = rng.normal(size=(n, n))
    if symmetric:
        A = A + A.T
    A_before = A.copy()
    w, V = la.eig(A)
    assert w.shape == (n,) and V.shape == (n, n)
    np.testing.assert_allclose(A @ V, V * w, atol=1e-9 * (1 + np.abs(A).max()))
    np.testing.assert_allclose(np.linalg.norm(V, axis=0), 1.0)
    # the same eigenvalues as NumPy, in the documented order
    expected = np.linalg.eigvals(A)
    expected = expected[np.lexsort((-expected.imag, -expected.real))]
    np.testing.assert_allclose(w, expected, atol=1e-9 * (1 + np.abs(A).max()))
    assert np.all(np.diff(w.real) <= 1e-12)
    # real output unless an eigenvalue is complex
    if symmetric:
        assert np.isrealobj(w) and np.isrealobj(V)
    assert np.iscomplexobj(w) == bool(np.any(np.linalg.eigvals(A).imag != 0))
    # the largest entry of each eigenvector is real and positive
    lead = V[np.argmax(np.abs(V) >= np.abs(V).max(axis=0) * (1 - 1e-9), axis=0), np.arange(n)]
    assert np.all(lead.real > 0) and np.allclose(lead.imag, 0)
    np.testing.assert_array_equal(A, A_before)


def test_eig_examples() -> None:
    w, V = la.eig([[2, 1], [1, 2]])  # (1, 1) is stretched by 3, (1, -1) by 1
    np.testing.assert_allclose(w, [3, 1])
    np.testing.assert_allclose(V, np.array([[1, 1], [1, -1]]) / np.sqrt(2))
    w, V = la.eig([[0, -1], [1, 0]])  # a quarter turn: eigenvalues +-i
    np.testing.assert_allclose(w, [1j, -1j])
    assert np.iscomplexobj(V)
    w, _ = la.eig([[2, 1], [0, 2]])  # defective: a repeated eigenvalue
    np.testing.assert_allclose(w, [2, 2])
    w, _ = la.eig([[1, 2], [3, 4]])  # integer input is fine
    np.testing.assert_allclose(sorted(w), sorted(np.linalg.eigvals([[1.0, 2.0], [3.0, 4.0]])))
    with pytest.raises(ValueError, match="A must be square"):
        la.eig([[1, 2, 3]])


# ------------------------------------------------------------------------------------
# characteristic polynomial
# ------------------------------------------------------------------------------------


@SETTINGS
@given(seed=seeds, n=st.sampled_from([2, 3]))
def test_characteristic_polynomial_matches_numpy_poly(seed: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(n, n)) * 5
    coefficients = la.characteristic_polynomial(A)
    assert coefficients.shape == (n + 1,)
    np.testing.assert_allclose(coefficients, np.poly(A), rtol=1e-9, atol=1e-9)
    # its roots are the eigenvalues
    np.testing.assert_allclose(
        np.sort_complex(np.roots(coefficients)),
        np.sort_complex(np.linalg.eigvals(A).astype(complex)),
        atol=1e-5,
    )
    # integers give exact integer coefficients
    B = rng.integers(-9, 10, size=(n, n))
    np.testing.assert_array_equal(la.characteristic_polynomial(B), np.round(np.poly(B)))


def test_characteristic_polynomial_examples_and_errors() -> None:
    # det(l I - A) for A = [[2, 1], [1, 2]]: (l - 2)^2 - 1 = l^2 - 4 l + 3
    np.testing.assert_array_equal(la.characteristic_polynomial([[2, 1], [1, 2]]), [1, -4, 3])
    # a diagonal 3 x 3: (l - 1)(l - 2)(l - 3) = l^3 - 6 l^2 + 11 l - 6
    np.testing.assert_array_equal(
        la.characteristic_polynomial(np.diag([1, 2, 3])), [1, -6, 11, -6]
    )
    with pytest.raises(ValueError, match=r"A must be 2x2 or 3x3.*\(4, 4\)"):
        la.characteristic_polynomial(np.eye(4))
    with pytest.raises(ValueError, match="A must be 2x2 or 3x3"):
        la.characteristic_polynomial([[1]])
    with pytest.raises(ValueError, match="A must be square"):
        la.characteristic_polynomial([[1, 2, 3], [4, 5, 6]])


# ------------------------------------------------------------------------------------
# steady_state
# ------------------------------------------------------------------------------------


def random_stochastic(rng: np.random.Generator, n: int, sparsity: float = 0.0) -> np.ndarray:
    P = rng.uniform(size=(n, n))
    P[rng.uniform(size=(n, n)) < sparsity] = 0.0
    P[np.arange(n), np.arange(n)] += 0.1  # keep every column non-zero (and aperiodic)
    return P / P.sum(axis=0)


@SETTINGS
@given(seed=seeds)
def test_steady_state_is_the_eigenvector_for_one(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 9))
    P = random_stochastic(rng, n, sparsity=float(rng.uniform(0, 0.5)))
    P_before = P.copy()
    w, V = np.linalg.eig(P)
    if np.sum(np.abs(w - 1) < 1e-8) > 1:  # eigenvalue 1 repeated: zeros split the chain
        with pytest.raises(ValueError, match="not unique"):
            la.steady_state(P)
        return
    x = la.steady_state(P)
    assert x.shape == (n,) and np.all(x >= 0)
    assert x.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(P @ x, x, atol=1e-10)
    np.testing.assert_array_equal(P, P_before)
    # compare with NumPy: the eigenvector of the eigenvalue 1, normalised to sum 1
    v = np.real(V[:, np.argmin(np.abs(w - 1))])
    np.testing.assert_allclose(x, v / v.sum(), atol=1e-8)


def test_steady_state_examples() -> None:
    # weather: sunny -> sunny 0.9, rainy -> sunny 0.5. Balance: 0.1 s = 0.5 r, s + r = 1
    np.testing.assert_allclose(la.steady_state([[0.9, 0.5], [0.1, 0.5]]), [5 / 6, 1 / 6])
    # a periodic chain, where power iteration never settles
    np.testing.assert_allclose(la.steady_state([[0, 1], [1, 0]]), [0.5, 0.5])
    # integer input (a deterministic cycle of 3)
    np.testing.assert_allclose(la.steady_state([[0, 0, 1], [1, 0, 0], [0, 1, 0]]), [1 / 3] * 3)
    np.testing.assert_array_equal(la.steady_state([[1]]), [1.0])


def test_steady_state_errors() -> None:
    with pytest.raises(ValueError, match="not unique"):
        la.steady_state(np.eye(2))  # two absorbing states
    with pytest.raises(ValueError, match="not unique"):
        la.steady_state([[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    with pytest.raises(ValueError, match=r"P must be column-stochastic.*column 1 sums to 0\.9"):
        la.steady_state([[0.5, 0.4], [0.5, 0.5]])
    with pytest.raises(ValueError, match=r"P must have non-negative entries.*P\[0, 1\]"):
        la.steady_state([[1.0, -0.5], [0.0, 1.5]])
    with pytest.raises(ValueError, match="P must be square"):
        la.steady_state([[0.5, 0.5, 0.0]])
    with pytest.raises(ValueError, match="P must contain only finite"):
        la.steady_state([[np.nan, 0], [0, 1]])


# ------------------------------------------------------------------------------------
# pca
# ------------------------------------------------------------------------------------


def sign_fixed_rows(W: np.ndarray) -> np.ndarray:
    lead = np.argmax(np.abs(W) >= np.abs(W).max(axis=1, keepdims=True) * (1 - 1e-9), axis=1)
    return W * np.sign(W[np.arange(W.shape[0]), lead])[:, None]


@SETTINGS
@given(seed=seeds)
def test_pca_matches_svd_of_centred_data(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_samples = int(rng.integers(2, 40))
    n_features = int(rng.integers(1, 7))
    # features with clearly different spreads, so the components are well defined
    scales = 2.0 ** -np.arange(n_features, dtype=float) * 4
    X = rng.normal(size=(n_samples, n_features)) * scales + rng.normal(size=n_features) * 10
    k = int(rng.integers(1, min(n_samples, n_features) + 1))
    X_before = X.copy()
    result = la.pca(X, k)
    np.testing.assert_array_equal(X, X_before)

    centred = X - X.mean(axis=0)
    _, s, Vt = np.linalg.svd(centred, full_matrices=False)
    variances = s**2 / (n_samples - 1)
    all_variances = np.concatenate([variances, np.zeros(n_features - variances.size)])
    np.testing.assert_allclose(result.mean_, X.mean(axis=0))
    np.testing.assert_allclose(result.explained_variance_, variances[:k], atol=1e-10)
    total = np.sum(centred**2) / (n_samples - 1)
    np.testing.assert_allclose(result.explained_variance_ratio_, variances[:k] / total, atol=1e-10)
    assert result.components_.shape == (k, n_features)
    np.testing.assert_allclose(result.components_ @ result.components_.T, np.eye(k), atol=1e-10)
    # components match the SVD's where the variance gap makes them unique
    gaps = np.abs(np.diff(np.concatenate([[np.inf], all_variances, [-np.inf]])))
    for i in range(k):
        if min(gaps[i], gaps[i + 1]) > 1e-3 * variances[0]:
            np.testing.assert_allclose(
                result.components_[i], sign_fixed_rows(Vt[i : i + 1])[0], atol=1e-6
            )
    # largest-magnitude entry of each component is positive
    np.testing.assert_array_equal(sign_fixed_rows(result.components_), result.components_)

    Z = result.transform(X)
    assert Z.shape == (n_samples, k)
    np.testing.assert_allclose(Z.var(axis=0, ddof=1), result.explained_variance_, atol=1e-8)
    if k == min(n_samples - 1, n_features) or k == n_features:
        np.testing.assert_allclose(result.inverse_transform(Z), X, atol=1e-8)


def test_pca_hand_example_and_int_input() -> None:
    # points on the line y = 2x: one component along (1, 2)/sqrt(5) explains everything
    X = [[1, 2], [2, 4], [3, 6], [4, 8]]
    result = la.pca(X, 1)
    np.testing.assert_allclose(result.components_, [[1 / np.sqrt(5), 2 / np.sqrt(5)]])
    np.testing.assert_allclose(result.explained_variance_ratio_, [1.0])
    # variance of t * sqrt(5) for t = 1..4 with n - 1: 5 * 5/3
    np.testing.assert_allclose(result.explained_variance_, [25 / 3])
    np.testing.assert_allclose(result.inverse_transform(result.transform(X)), X)
    as_float = la.pca(np.array(X, dtype=float), 1)
    np.testing.assert_array_equal(result.components_, as_float.components_)


def test_pca_errors() -> None:
    X = np.arange(12.0).reshape(4, 3)
    with pytest.raises(ValueError, match="X must have at least 2 samples"):
        la.pca([[1, 2, 3]], 1)
    with pytest.raises(ValueError, match=r"n_components must be at most.* = 3, got 4"):
        la.pca(X, 4)
    with pytest.raises(ValueError, match="n_components must be at least 1"):
        la.pca(X, 0)
    with pytest.raises(ValueError, match="n_components must be an integer"):
        la.pca(X, 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="X must be a 2-D array"):
        la.pca([1, 2, 3], 1)
    result = la.pca(X, 2)
    with pytest.raises(ValueError, match="X must have 3 columns"):
        result.transform(np.ones((2, 2)))
    with pytest.raises(ValueError, match="Z must have 2 columns"):
        result.inverse_transform(np.ones((2, 3)))
