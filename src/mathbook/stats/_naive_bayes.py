"""Naive Bayes classifiers: Gaussian features and word counts (private; see ``stats``)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from mathbook._validate import FloatArray, as_labels, as_matrix, as_scalar, check_positive

__all__ = ["GaussianNB", "MultinomialNB"]


class _NaiveBayes(ABC):
    """Shared prediction logic: posteriors from joint log-likelihoods by Bayes' rule."""

    classes_: NDArray[Any]
    class_count_: FloatArray
    n_features_: int

    def _fit_labels(self, X: ArrayLike, y: ArrayLike) -> tuple[FloatArray, NDArray[np.int64]]:
        """Validate training data; set ``classes_`` and ``class_count_``; return class codes."""
        data = as_matrix(X, "X")
        labels = as_labels(y, "y", length=data.shape[0])
        classes, codes = np.unique(labels, return_inverse=True)
        if classes.size < 2:
            raise ValueError(f"y must contain at least 2 classes, got {classes.tolist()}")
        self.classes_ = classes
        self.class_count_ = np.bincount(codes).astype(np.float64)
        self.n_features_ = int(data.shape[1])
        return data, codes.astype(np.int64)

    def _check_predict_input(self, X: ArrayLike) -> FloatArray:
        if not hasattr(self, "classes_"):
            raise ValueError(f"this {type(self).__name__} is not fitted yet; call fit(X, y) first")
        data = as_matrix(X, "X")
        if data.shape[1] != self.n_features_:
            raise ValueError(
                f"X must have {self.n_features_} columns (features) as in fit, got {data.shape[1]}"
            )
        return data

    @abstractmethod
    def _joint_log_likelihood(self, X: FloatArray) -> FloatArray: ...

    def predict_joint_log_proba(self, X: ArrayLike) -> FloatArray:
        r"""Joint log-probabilities $\ln P(c) + \ln P(\mathbf{x} \mid c)$ per class.

        Summing logarithms instead of multiplying many small probabilities avoids
        underflow to 0.

        Parameters
        ----------
        X : array_like of shape (m, d)
            Samples to classify.

        Returns
        -------
        ndarray of shape (m, k)
            Column $j$ belongs to ``classes_[j]``.
        """
        return self._joint_log_likelihood(self._check_predict_input(X))

    def predict_log_proba(self, X: ArrayLike) -> FloatArray:
        r"""Log posteriors $\ln P(c \mid \mathbf{x})$, normalised by log-sum-exp.

        $$\ln P(c \mid \mathbf{x}) = \ell_c - \ln \sum_{c'} e^{\ell_{c'}}, \qquad
        \ell_c = \ln P(c) + \ln P(\mathbf{x} \mid c).$$

        Parameters
        ----------
        X : array_like of shape (m, d)
            Samples to classify.

        Returns
        -------
        ndarray of shape (m, k)
            Log posteriors; column $j$ belongs to ``classes_[j]``.
        """
        joint = self.predict_joint_log_proba(X)
        return np.asarray(joint - special.logsumexp(joint, axis=1, keepdims=True), np.float64)

    def predict_proba(self, X: ArrayLike) -> FloatArray:
        r"""Posterior probabilities $P(c \mid \mathbf{x})$; each row sums to 1.

        Parameters
        ----------
        X : array_like of shape (m, d)
            Samples to classify.

        Returns
        -------
        ndarray of shape (m, k)
            Column $j$ belongs to ``classes_[j]``.
        """
        return np.exp(self.predict_log_proba(X))

    def predict(self, X: ArrayLike) -> NDArray[Any]:
        r"""The most probable class $\hat c = \arg\max_c \ln P(c) + \ln P(\mathbf{x} \mid c)$.

        Parameters
        ----------
        X : array_like of shape (m, d)
            Samples to classify.

        Returns
        -------
        ndarray of shape (m,)
            Labels taken from ``classes_``.
        """
        joint = self.predict_joint_log_proba(X)  # checks first that the model is fitted
        best: NDArray[Any] = self.classes_[np.argmax(joint, axis=1)]
        return best


class GaussianNB(_NaiveBayes):
    r"""Naive Bayes with normally distributed features, independent within each class.

    Fitting estimates, for every class $c$ and feature $j$, the prior
    $P(c) = n_c / n$, the mean $\theta_{cj}$ and the (maximum-likelihood, $1/n_c$)
    variance $\sigma^2_{cj}$. Prediction uses

    $$\ln P(c) + \ln P(\mathbf{x} \mid c) = \ln P(c) - \frac12 \sum_{j=1}^{d}
      \left[\ln(2\pi\sigma^2_{cj}) + \frac{(x_j - \theta_{cj})^2}{\sigma^2_{cj}}\right].$$

    To keep variances away from 0, $\varepsilon = \text{var\_smoothing} \cdot
    \max_j \operatorname{Var}(x_j)$ is added to every $\sigma^2_{cj}$, as in
    scikit-learn's ``GaussianNB``.

    Parameters
    ----------
    var_smoothing : float, default 1e-9
        Fraction of the largest feature variance added to all variances, $\ge 0$.

    Attributes
    ----------
    classes_ : ndarray
        The sorted class labels.
    class_count_, class_prior_ : ndarray of shape (k,)
        Training examples per class and their fraction.
    theta_, var_ : ndarray of shape (k, d)
        Per-class feature means and (smoothed) variances.
    epsilon_ : float
        The amount added to the variances.

    Raises
    ------
    ValueError
        If ``var_smoothing`` is negative or not finite; from :meth:`fit` on bad data.

    Examples
    --------
    >>> from mathbook import stats
    >>> X = [[1.0, 2.0], [1.2, 1.8], [0.8, 2.2], [3.0, 4.0], [3.2, 4.2], [2.8, 3.8]]
    >>> y = [0, 0, 0, 1, 1, 1]
    >>> model = stats.GaussianNB().fit(X, y)
    >>> model.predict([[1.1, 2.1], [2.9, 4.1]]).tolist()
    [0, 1]
    >>> model.theta_.round(2).tolist()
    [[1.0, 2.0], [3.0, 4.0]]

    See Also
    --------
    ``sklearn.naive_bayes.GaussianNB``
    """

    class_prior_: FloatArray
    theta_: FloatArray
    var_: FloatArray
    epsilon_: float

    def __init__(self, var_smoothing: float = 1e-9) -> None:
        value = as_scalar(var_smoothing, "var_smoothing")
        if value < 0.0:
            raise ValueError(f"var_smoothing must be non-negative, got {value!r}")
        self.var_smoothing = value

    def __repr__(self) -> str:
        return f"GaussianNB(var_smoothing={self.var_smoothing!r})"

    def fit(self, X: ArrayLike, y: ArrayLike) -> GaussianNB:
        r"""Estimate the class priors, means and variances from training data.

        Parameters
        ----------
        X : array_like of shape (n, d)
            Training features, rows are examples.
        y : array_like of shape (n,)
            Class labels (numbers, strings or booleans), at least 2 distinct.

        Returns
        -------
        GaussianNB
            ``self``, fitted.

        Raises
        ------
        ValueError
            If ``X`` is not a finite 2-D array, ``y`` has the wrong length or fewer than
            2 classes, or a smoothed variance is 0 (every feature constant within a class
            and ``var_smoothing`` too small).
        """
        data, codes = self._fit_labels(X, y)
        k, d = self.classes_.size, data.shape[1]
        theta, var = np.empty((k, d)), np.empty((k, d))
        for c in range(k):  # one pass per class, vectorised over examples and features
            members = data[codes == c]
            theta[c] = members.mean(axis=0)
            var[c] = ((members - theta[c]) ** 2).mean(axis=0)
        self.epsilon_ = self.var_smoothing * float(data.var(axis=0).max())
        var += self.epsilon_
        if np.any(var <= 0.0):
            raise ValueError(
                "a feature has zero variance within a class and var_smoothing adds nothing; "
                "increase var_smoothing or remove constant features"
            )
        self.theta_, self.var_ = theta, var
        self.class_prior_ = self.class_count_ / self.class_count_.sum()
        return self

    def _joint_log_likelihood(self, X: FloatArray) -> FloatArray:
        # Shapes: X[:, None, :] is (m, 1, d); theta_ and var_ are (k, d); the result (m, k).
        log_norm = -0.5 * np.sum(np.log(2.0 * np.pi * self.var_), axis=1)
        squared = ((X[:, None, :] - self.theta_) ** 2 / self.var_).sum(axis=2)
        joint: FloatArray = np.log(self.class_prior_) + log_norm - 0.5 * squared
        return joint


class MultinomialNB(_NaiveBayes):
    r"""Naive Bayes for count features, such as word counts in e-mails (a spam filter).

    Each class $c$ has word probabilities $\theta_{cj}$, estimated with additive
    (Laplace, for $\alpha = 1$) smoothing so that a word never seen in a class does not
    make the whole message impossible:

    $$\hat\theta_{cj} = \frac{N_{cj} + \alpha}{N_c + \alpha d}, \qquad
    \ln P(c) + \ln P(\mathbf{x} \mid c) = \ln P(c) + \sum_{j=1}^{d} x_j \ln\hat\theta_{cj}
    \ (+\ \text{a term that is the same for every class}),$$

    where $N_{cj}$ is the total count of word $j$ in class $c$, $N_c = \sum_j N_{cj}$ and
    $P(c) = n_c / n$.

    Parameters
    ----------
    alpha : float, default 1.0
        Smoothing strength, $> 0$ (1 is Laplace smoothing).

    Attributes
    ----------
    classes_ : ndarray
        The sorted class labels.
    class_count_ : ndarray of shape (k,)
        Training examples per class.
    class_log_prior_ : ndarray of shape (k,)
        $\ln P(c)$.
    feature_count_ : ndarray of shape (k, d)
        $N_{cj}$.
    feature_log_prob_ : ndarray of shape (k, d)
        $\ln\hat\theta_{cj}$.

    Raises
    ------
    ValueError
        If ``alpha`` is not positive; from :meth:`fit` on bad data.

    Examples
    --------
    Columns count the words "free", "money", "meeting":

    >>> from mathbook import stats
    >>> X = [[2, 1, 0], [3, 2, 0], [0, 0, 2], [0, 1, 3]]
    >>> y = ["spam", "spam", "ham", "ham"]
    >>> model = stats.MultinomialNB(alpha=1.0).fit(X, y)
    >>> model.predict([[1, 1, 0], [0, 0, 1]]).tolist()
    ['spam', 'ham']
    >>> model.predict_proba([[1, 1, 0]]).round(3).tolist()
    [[0.111, 0.889]]

    See Also
    --------
    ``sklearn.naive_bayes.MultinomialNB``
    """

    class_log_prior_: FloatArray
    feature_count_: FloatArray
    feature_log_prob_: FloatArray

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = check_positive(alpha, "alpha")

    def __repr__(self) -> str:
        return f"MultinomialNB(alpha={self.alpha!r})"

    def fit(self, X: ArrayLike, y: ArrayLike) -> MultinomialNB:
        r"""Count words per class and estimate smoothed word probabilities and priors.

        Parameters
        ----------
        X : array_like of shape (n, d)
            Non-negative counts (or frequencies), rows are documents.
        y : array_like of shape (n,)
            Class labels, at least 2 distinct.

        Returns
        -------
        MultinomialNB
            ``self``, fitted.

        Raises
        ------
        ValueError
            If ``X`` is not a finite non-negative 2-D array, or ``y`` has the wrong length
            or fewer than 2 classes.
        """
        data, codes = self._fit_labels(X, y)
        _check_counts(data)
        one_hot = (codes[:, None] == np.arange(self.classes_.size)).astype(np.float64)
        self.feature_count_ = one_hot.T @ data
        smoothed = self.feature_count_ + self.alpha
        self.feature_log_prob_ = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
        self.class_log_prior_ = np.log(self.class_count_ / self.class_count_.sum())
        return self

    def _joint_log_likelihood(self, X: FloatArray) -> FloatArray:
        _check_counts(X)
        return X @ self.feature_log_prob_.T + self.class_log_prior_


def _check_counts(X: FloatArray) -> None:
    if np.any(X < 0.0):
        raise ValueError("X must contain non-negative counts")
