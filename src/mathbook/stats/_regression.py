"""Least-squares linear regression with inference: standard errors and intervals (private)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike
from scipy import linalg as sla
from scipy import special

from mathbook._validate import (
    FloatArray,
    as_array,
    as_vector,
    check_open_interval,
    check_same_length,
)

from ._common import is_constant, sum_of_squares, t_quantile

__all__ = ["LinearRegressionResult", "linear_regression", "unstandardize_weights"]


def _frozen(a: FloatArray) -> FloatArray:
    a.setflags(write=False)
    return a


@dataclass(frozen=True, eq=False)
class LinearRegressionResult:
    r"""A fitted linear model $y = \beta_0 + \beta_1 x_1 + \dots + \beta_p x_p + \varepsilon$.

    Returned by :func:`linear_regression`. Arrays are read-only.

    Attributes
    ----------
    coef : ndarray of shape (p + 1,)
        Estimates $\hat\beta_0, \dots, \hat\beta_p$, **intercept first**.
    stderr : ndarray of shape (p + 1,)
        Standard errors $\operatorname{se}(\hat\beta_j) = \sqrt{s^2 [(\mathbf{A}^\top
        \mathbf{A})^{-1}]_{jj}}$.
    sigma2 : float
        Residual variance $s^2 = \text{RSS}/(n - p - 1)$.
    df_resid : int
        Residual degrees of freedom $n - p - 1$.
    r_squared : float
        $R^2 = 1 - \text{RSS}/\text{TSS}$.
    n_obs : int
        Number of observations $n$.
    """

    coef: FloatArray
    stderr: FloatArray
    sigma2: float
    df_resid: int
    r_squared: float
    n_obs: int
    _xtx_inv: FloatArray = field(repr=False)

    @property
    def n_features(self) -> int:
        """Number of predictors $p$ (the intercept not counted)."""
        return int(self.coef.size - 1)

    @property
    def tvalues(self) -> FloatArray:
        r"""$t_j = \hat\beta_j / \operatorname{se}(\hat\beta_j)$, for $H_0: \beta_j = 0$."""
        return self.coef / self.stderr

    @property
    def pvalues(self) -> FloatArray:
        r"""Two-sided p-values $2\,P(T_{n-p-1} > |t_j|)$ of the $t_j$."""
        two_tails = 2.0 * special.stdtr(self.df_resid, -np.abs(self.tvalues))
        return np.asarray(np.minimum(1.0, two_tails), dtype=np.float64)

    def conf_int(self, confidence_level: float = 0.95) -> FloatArray:
        r"""Confidence intervals for the coefficients.

        $$\hat\beta_j \pm t_{1-\alpha/2,\; n-p-1}\; \operatorname{se}(\hat\beta_j).$$

        Parameters
        ----------
        confidence_level : float, default 0.95
            Confidence level in $(0, 1)$.

        Returns
        -------
        ndarray of shape (p + 1, 2)
            Row $j$ is ``(low, high)`` for $\beta_j$ (intercept first).

        Raises
        ------
        ValueError
            If ``confidence_level`` is outside $(0, 1)$.

        Examples
        --------
        >>> from mathbook import stats
        >>> fit = stats.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
        >>> fit.conf_int(0.95).round(3).tolist()
        [[-0.58, 0.68], [1.8, 2.18]]
        """
        t = self._critical(confidence_level)
        return np.column_stack([self.coef - t * self.stderr, self.coef + t * self.stderr])

    def predict(self, x_new: ArrayLike) -> FloatArray:
        r"""Fitted values $\hat y_0 = \mathbf{a}_0^\top \hat{\boldsymbol\beta}$ at new points.

        Here $\mathbf{a}_0 = (1, x_{01}, \dots, x_{0p})$.

        Parameters
        ----------
        x_new : array_like
            With one predictor: a number or a 1-D array of $m$ values. With $p > 1$
            predictors: a 2-D array of shape ``(m, p)``, or one point of length $p$.

        Returns
        -------
        ndarray of shape (m,)
            The predictions.

        Raises
        ------
        ValueError
            If ``x_new`` has the wrong shape or non-finite values.

        Examples
        --------
        >>> from mathbook import stats
        >>> fit = stats.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
        >>> fit.predict([6, 7]).round(2).tolist()
        [11.99, 13.98]
        """
        return self._design(x_new) @ self.coef

    def confidence_interval_mean(self, x_new: ArrayLike, confidence_level: float = 0.95) -> FloatArray:
        r"""Confidence interval for the *mean* response $E[y \mid \mathbf{x}_0]$.

        $$\hat y_0 \pm t_{1-\alpha/2,\; n-p-1}\; s\sqrt{\mathbf{a}_0^\top
        (\mathbf{A}^\top\mathbf{A})^{-1}\mathbf{a}_0},$$

        which for one predictor is $\hat y_0 \pm t\, s\sqrt{1/n + (x_0 - \bar x)^2 / S_{xx}}$.

        Parameters
        ----------
        x_new : array_like
            New points, as for :meth:`predict`.
        confidence_level : float, default 0.95
            Confidence level in $(0, 1)$.

        Returns
        -------
        ndarray of shape (m, 2)
            Row $i$ is ``(low, high)``.

        Raises
        ------
        ValueError
            If ``x_new`` has the wrong shape or ``confidence_level`` is outside $(0, 1)$.

        Examples
        --------
        >>> from mathbook import stats
        >>> fit = stats.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
        >>> fit.confidence_interval_mean(3).round(3).tolist()
        [[5.751, 6.289]]
        """
        return self._interval(x_new, confidence_level, new_observation=False)

    def prediction_interval(self, x_new: ArrayLike, confidence_level: float = 0.95) -> FloatArray:
        r"""Prediction interval for a *new observation* $y_0$ at $\mathbf{x}_0$.

        $$\hat y_0 \pm t_{1-\alpha/2,\; n-p-1}\; s\sqrt{1 + \mathbf{a}_0^\top
        (\mathbf{A}^\top\mathbf{A})^{-1}\mathbf{a}_0}.$$

        The extra $1$ is the noise of the new observation itself, so a prediction interval
        is always wider than the interval for the mean and does not shrink to zero as
        $n \to \infty$.

        Parameters
        ----------
        x_new : array_like
            New points, as for :meth:`predict`.
        confidence_level : float, default 0.95
            Confidence level in $(0, 1)$.

        Returns
        -------
        ndarray of shape (m, 2)
            Row $i$ is ``(low, high)``.

        Raises
        ------
        ValueError
            If ``x_new`` has the wrong shape or ``confidence_level`` is outside $(0, 1)$.

        Examples
        --------
        >>> from mathbook import stats
        >>> fit = stats.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
        >>> fit.prediction_interval(3).round(3).tolist()
        [[5.362, 6.678]]
        """
        return self._interval(x_new, confidence_level, new_observation=True)

    def _critical(self, confidence_level: float) -> float:
        level = check_open_interval(confidence_level, "confidence_level")
        return t_quantile(1.0 - (1.0 - level) / 2.0, self.df_resid)

    def _design(self, x_new: ArrayLike) -> FloatArray:
        r"""Rows $(1, x_1, \dots, x_p)$ for the new points."""
        x = as_array(x_new, "x_new")
        p = self.n_features
        if p == 1 and x.ndim <= 1:
            x = x.reshape(-1, 1)
        elif x.ndim == 1 and x.size == p:
            x = x.reshape(1, p)
        if x.ndim != 2 or x.shape[1] != p:
            raise ValueError(
                f"x_new must have {p} column(s), one per predictor, got shape {x.shape}"
            )
        return np.column_stack([np.ones(x.shape[0]), x])

    def _interval(self, x_new: ArrayLike, confidence_level: float, new_observation: bool) -> FloatArray:
        t = self._critical(confidence_level)
        A0 = self._design(x_new)
        leverage = np.einsum("ij,jk,ik->i", A0, self._xtx_inv, A0)
        se = np.sqrt(self.sigma2 * (leverage + (1.0 if new_observation else 0.0)))
        fitted = A0 @ self.coef
        return np.column_stack([fitted - t * se, fitted + t * se])


def linear_regression(X: ArrayLike, y: ArrayLike) -> LinearRegressionResult:
    r"""Fit a linear model by least squares, with standard errors and intervals.

    The model is $y = \beta_0 + \mathbf{x}^\top\boldsymbol\beta + \varepsilon$. With the design
    matrix $\mathbf{A} = [\mathbf{1}\ \mathbf{X}]$ (a column of ones for
    the intercept, added here), the least-squares estimate and its covariance are

    $$\hat{\boldsymbol\beta} = (\mathbf{A}^\top\mathbf{A})^{-1}\mathbf{A}^\top\mathbf{y},
    \qquad \widehat{\operatorname{Cov}}(\hat{\boldsymbol\beta})
      = s^2 (\mathbf{A}^\top\mathbf{A})^{-1}, \qquad
    s^2 = \frac{\lVert\mathbf{y} - \mathbf{A}\hat{\boldsymbol\beta}\rVert^2}{n - p - 1}.$$

    Numerically it uses the QR factorisation $\mathbf{A} = \mathbf{QR}$:
    $\hat{\boldsymbol\beta} = \mathbf{R}^{-1}\mathbf{Q}^\top\mathbf{y}$ and
    $(\mathbf{A}^\top\mathbf{A})^{-1} = \mathbf{R}^{-1}\mathbf{R}^{-\top}$, which avoids
    forming $\mathbf{A}^\top\mathbf{A}$. Under Gaussian noise this is also the maximum-
    likelihood fit, and the intervals of the result use $t_{n-p-1}$.

    Parameters
    ----------
    X : array_like
        Predictors: a 1-D array of $n$ values (simple regression) or a 2-D array of shape
        ``(n, p)``, rows are observations. Do **not** include a column of ones.
    y : array_like
        1-D response of length $n$, not constant; $n > p + 1$.

    Returns
    -------
    LinearRegressionResult
        ``coef`` (intercept first), ``stderr``, ``sigma2``, ``df_resid``, ``r_squared``,
        and the methods ``conf_int``, ``predict``, ``confidence_interval_mean`` and
        ``prediction_interval``.

    Raises
    ------
    ValueError
        If shapes do not match, there are too few observations ($n \le p + 1$), the
        columns of $\mathbf{A}$ are linearly dependent (e.g. a constant or duplicated
        predictor), ``y`` is constant, or a value is not finite.

    Examples
    --------
    >>> from mathbook import stats
    >>> fit = stats.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
    >>> fit.coef.round(3).tolist(), fit.stderr.round(3).tolist(), fit.df_resid
    ([0.05, 1.99], [0.198, 0.06], 3)
    >>> round(fit.r_squared, 4)
    0.9973

    See Also
    --------
    ``scipy.stats.linregress``

    Taught in [Least squares as a projection](../../foundations/week-2/least-squares.md#in-code).
    """
    response = as_vector(y, "y")
    predictors = as_array(X, "X")
    if predictors.ndim == 1:
        predictors = predictors.reshape(-1, 1)
    if predictors.ndim != 2:
        raise ValueError(f"X must be a 1-D or 2-D array, got shape {predictors.shape}")
    check_same_length(predictors, response, "X", "y")
    n, p = predictors.shape
    df_resid = n - p - 1
    if df_resid < 1:
        raise ValueError(
            f"X and y need more than p + 1 = {p + 1} observations to estimate the noise, got {n}"
        )
    y_mean, tss = sum_of_squares(response)
    if is_constant(response, tss):
        raise ValueError("y is constant, so there is no variation for the model to explain")
    A = np.column_stack([np.ones(n), predictors])
    Q, R = np.linalg.qr(A)
    diagonal = np.abs(np.diag(R))
    if np.any(diagonal <= max(n, p + 1) * np.finfo(np.float64).eps * diagonal.max()):
        raise ValueError(
            "X has linearly dependent columns (a constant column duplicates the intercept), "
            "so the coefficients are not unique"
        )
    coef = sla.solve_triangular(R, Q.T @ response)
    residuals = response - A @ coef
    rss = float(residuals @ residuals)
    sigma2 = rss / df_resid
    R_inv = sla.solve_triangular(R, np.eye(p + 1))
    xtx_inv = R_inv @ R_inv.T
    stderr = np.sqrt(sigma2 * np.diag(xtx_inv))
    return LinearRegressionResult(
        coef=_frozen(np.asarray(coef, dtype=np.float64)),
        stderr=_frozen(stderr),
        sigma2=sigma2,
        df_resid=df_resid,
        r_squared=1.0 - rss / tss,
        n_obs=n,
        _xtx_inv=_frozen(xtx_inv),
    )


def unstandardize_weights(v: ArrayLike, mean: ArrayLike, std: ArrayLike) -> FloatArray:
    r"""Weights fitted on standardised features, brought back to the original units.

    A model $\hat y = v_0 + \sum_{j=1}^{n} v_j z_j$ on standardised features
    $z_j = (x_j - \mu_j)/\sigma_j$ is the same model as
    $\hat y = w_0 + \sum_{j=1}^{n} w_j x_j$ on the original ones, with

    $$w_j = \frac{v_j}{\sigma_j} \quad (j \ge 1), \qquad
    w_0 = v_0 - \sum_{j=1}^{n} \frac{v_j \mu_j}{\sigma_j}.$$

    Parameters
    ----------
    v : array_like, shape (n + 1,)
        Weights on the standardised scale, **intercept first**.
    mean, std : array_like, shape (n,)
        The means $\mu_j$ and standard deviations $\sigma_j$ used to standardise
        (as returned by :func:`standardize_columns`); ``std`` positive.

    Returns
    -------
    ndarray, shape (n + 1,)
        The weights $\mathbf{w}$ in the original units, intercept first.

    Raises
    ------
    ValueError
        If the lengths do not match (``v`` has one more entry than ``mean`` and
        ``std``), an entry is not finite, or a standard deviation is not positive.

    See Also
    --------
    standardize_columns

    Taught in [The same fit by gradient descent](../../foundations/week-2/gradient-descent.md#back-to-the-original-units).

    Examples
    --------
    >>> from mathbook import stats
    >>> stats.unstandardize_weights([5.0, 2.0], mean=[10.0], std=[4.0]).tolist()
    [0.0, 0.5]
    """
    weights = as_vector(v, "v")
    centre = as_vector(mean, "mean", size=weights.size - 1)
    spread = as_vector(std, "std", size=weights.size - 1)
    if np.any(spread <= 0):
        raise ValueError(
            f"std must be positive (a standard deviation to divide by), got {spread.tolist()}"
        )
    slopes = weights[1:] / spread
    return np.concatenate(([weights[0] - slopes @ centre], slopes))
