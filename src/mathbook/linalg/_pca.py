"""Principal component analysis from the eigenvectors of the covariance matrix."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import FloatArray, as_matrix, check_int
from mathbook.linalg._eigen import _fix_signs

__all__ = ["PCAResult", "pca"]


@dataclass(frozen=True, eq=False)
class PCAResult:
    r"""A fitted principal component analysis (attribute names as in scikit-learn).

    Attributes
    ----------
    components_ : ndarray, shape (n_components, n_features)
        The principal directions as unit rows, by decreasing variance; each row's
        largest-magnitude entry is positive.
    explained_variance_ : ndarray, shape (n_components,)
        Variance of the data along each component (the covariance eigenvalues,
        denominator $n - 1$).
    explained_variance_ratio_ : ndarray, shape (n_components,)
        Each component's share of the total variance.
    mean_ : ndarray, shape (n_features,)
        Column means subtracted before projecting.
    """

    components_: FloatArray = field(repr=False)
    explained_variance_: FloatArray
    explained_variance_ratio_: FloatArray
    mean_: FloatArray = field(repr=False)

    @property
    def n_components(self) -> int:
        return int(self.components_.shape[0])

    def transform(self, X: ArrayLike) -> FloatArray:
        r"""Coordinates of samples along the components: $Z = (X - \bar{\mathbf{x}})\,W^\top$.

        Parameters
        ----------
        X : array_like, shape (n_samples, n_features)

        Returns
        -------
        ndarray, shape (n_samples, n_components)

        Raises
        ------
        ValueError
            If ``X`` is not a finite matrix with ``n_features`` columns.
        """
        data = as_matrix(X, "X")
        n_features = self.components_.shape[1]
        if data.shape[1] != n_features:
            raise ValueError(
                f"X must have {n_features} columns (features), got {data.shape[1]}"
            )
        return (data - self.mean_) @ self.components_.T

    def inverse_transform(self, Z: ArrayLike) -> FloatArray:
        r"""Reconstruct samples from their coordinates: $\hat{X} = Z\,W + \bar{\mathbf{x}}$.

        Parameters
        ----------
        Z : array_like, shape (n_samples, n_components)

        Returns
        -------
        ndarray, shape (n_samples, n_features)

        Raises
        ------
        ValueError
            If ``Z`` is not a finite matrix with ``n_components`` columns.
        """
        scores = as_matrix(Z, "Z")
        if scores.shape[1] != self.n_components:
            raise ValueError(
                f"Z must have {self.n_components} columns (components), got {scores.shape[1]}"
            )
        return scores @ self.components_ + self.mean_


def pca(X: ArrayLike, n_components: int) -> PCAResult:
    r"""Principal component analysis of a data matrix (rows are samples).

    1. Centre the data: $X_c = X - \bar{\mathbf{x}}$.
    2. Covariance matrix: $C = \dfrac{1}{n - 1} X_c^\top X_c$.
    3. Its eigenvectors (``numpy.linalg.eigh``, since $C$ is symmetric) are the principal
       directions; its eigenvalues are the variances along them. Keep the
       ``n_components`` largest.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        At least 2 samples.
    n_components : int
        How many components to keep, ``1 <= n_components <= min(n_samples, n_features)``.

    Returns
    -------
    PCAResult
        ``components_``, ``explained_variance_``, ``explained_variance_ratio_``, ``mean_``
        and the methods ``transform`` and ``inverse_transform``.

    Raises
    ------
    ValueError
        If ``X`` is not a finite matrix with at least 2 rows, or ``n_components`` is not
        an integer in range.

    Examples
    --------
    >>> X = [[1, 2], [2, 4], [3, 6], [4, 8]]          # points on the line y = 2x
    >>> result = pca(X, 1)
    >>> np.round(result.components_, 4).tolist(), np.round(result.explained_variance_ratio_, 6).tolist()
    ([[0.4472, 0.8944]], [1.0])
    >>> np.round(result.inverse_transform(result.transform(X)), 6).tolist() == np.array(X, float).tolist()
    True

    See Also
    --------
    ``sklearn.decomposition.PCA``. Taught in
    [Principal component analysis](../../linear-algebra/week-4/pca.md#pca-in-scikit-learn).
    """  # noqa: E501
    data = as_matrix(X, "X")
    n_samples, n_features = data.shape
    if n_samples < 2:
        raise ValueError(f"X must have at least 2 samples (rows), got {n_samples}")
    k = check_int(n_components, "n_components", minimum=1)
    if k > min(n_samples, n_features):
        raise ValueError(
            f"n_components must be at most min(n_samples, n_features) = "
            f"{min(n_samples, n_features)}, got {k}"
        )
    mean = data.mean(axis=0)
    centred = data - mean
    covariance = centred.T @ centred / (n_samples - 1)
    variances, directions = np.linalg.eigh(covariance)  # ascending order
    variances = np.clip(variances[::-1], 0.0, None)  # round-off can give -1e-17
    directions = directions[:, ::-1]
    total = float(variances.sum())
    ratio = variances[:k] / total if total > 0 else np.zeros(k)
    return PCAResult(
        components_=_fix_signs(directions[:, :k]).T.copy(),
        explained_variance_=variances[:k].copy(),
        explained_variance_ratio_=ratio,
        mean_=mean,
    )
