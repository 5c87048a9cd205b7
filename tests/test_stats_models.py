"""Tests of mathbook.stats estimation, regression, Naive Bayes and classification metrics."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats as st
from hypothesis import assume, given, settings
from hypothesis import strategies as hs
from scipy import optimize

from mathbook import stats

SETTINGS = settings(max_examples=50, deadline=None)
values = hs.floats(-100, 100, allow_nan=False)


# --------------------------------------------------------------------------- estimation


@SETTINGS
@given(x=hs.lists(values, min_size=1, max_size=40))
def test_mle_normal_is_mean_and_biased_variance(x: list[float]) -> None:
    mu, s2 = stats.mle_normal(x)
    assert mu == pytest.approx(np.mean(x), rel=1e-12, abs=1e-9)
    assert s2 == pytest.approx(np.var(x), rel=1e-9, abs=1e-9)


def test_mle_normal_maximises_the_likelihood() -> None:
    x = np.random.default_rng(1).normal(3.0, 2.0, size=50)
    mu, s2 = stats.mle_normal(x)

    def loglik(m: float, v: float) -> float:
        return float(st.norm.logpdf(x, m, math.sqrt(v)).sum())

    best = loglik(mu, s2)
    for dm, dv in [(0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01), (0.05, 0.05)]:
        assert loglik(mu + dm, s2 + dv) < best


@SETTINGS
@given(x=hs.lists(hs.integers(0, 1), min_size=1, max_size=50))
def test_mle_bernoulli_is_the_success_fraction(x: list[int]) -> None:
    assert stats.mle_bernoulli(x) == sum(x) / len(x)
    assert stats.mle_bernoulli(np.array(x, dtype=bool)) == sum(x) / len(x)


@SETTINGS
@given(n=hs.integers(0, 200), data=hs.data(), a=hs.floats(0.1, 20), b=hs.floats(0.1, 20))
def test_map_bernoulli_is_the_mode_of_the_beta_posterior(
    n: int, data: hs.DataObject, a: float, b: float
) -> None:
    k = data.draw(hs.integers(0, n))
    a_post, b_post = stats.posterior_beta(k, n, a, b)
    assert (a_post, b_post) == (a + k, b + n - k)
    if a_post < 1 and b_post < 1:
        with pytest.raises(ValueError, match="no unique mode"):
            stats.map_bernoulli(k, n, a, b)
        return
    assume(not (a_post == 1 and b_post == 1))
    mode = stats.map_bernoulli(k, n, a, b)
    if a_post > 1 and b_post > 1:
        # Maximise the log density numerically, independently of the closed form.
        res = optimize.minimize_scalar(
            lambda p: -st.beta.logpdf(p, a_post, b_post),
            bounds=(1e-12, 1 - 1e-12),
            method="bounded",
            options={"xatol": 1e-10},
        )
        assert mode == pytest.approx(res.x, abs=1e-5)
    else:
        # A boundary mode: the density at the chosen end beats every interior point.
        grid = np.linspace(0.01, 0.99, 99)
        end = 1e-9 if mode == 0.0 else 1 - 1e-9
        assert mode in (0.0, 1.0)
        assert np.all(st.beta.pdf(end, a_post, b_post) >= st.beta.pdf(grid, a_post, b_post))


def test_map_bernoulli_hand_examples() -> None:
    # Beta(2, 2) prior, 7 of 10: posterior Beta(9, 5), mode 8 / 12.
    assert stats.map_bernoulli(7, 10, 2, 2) == pytest.approx(8 / 12, rel=1e-15)
    # A flat prior gives the MLE.
    assert stats.map_bernoulli(3, 8, 1, 1) == pytest.approx(3 / 8, rel=1e-15)
    # a + k <= 1: the posterior density decreases, the mode is 0.
    assert stats.map_bernoulli(0, 5, 0.5, 2) == 0.0
    assert stats.map_bernoulli(5, 5, 2, 1) == 1.0
    with pytest.raises(ValueError, match="no unique mode"):
        stats.map_bernoulli(0, 0, 1, 1)  # flat posterior


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: stats.mle_normal([]), "x must not be empty"),
        (lambda: stats.mle_bernoulli([0, 1, 2]), "x must contain only 0 and 1"),
        (lambda: stats.posterior_beta(3, 2, 1, 1), "successes must be between 0 and n=2"),
        (lambda: stats.posterior_beta(1, 2, 0, 1), "a must be positive"),
        (lambda: stats.map_bernoulli(1, 2, 1, -1), "b must be positive"),
        (lambda: stats.map_bernoulli(1, -2, 1, 1), "n must be at least 0"),
    ],
)
def test_estimation_errors(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


# --------------------------------------------------------------------------- regression


@SETTINGS
@given(n=hs.integers(3, 40), seed=hs.integers(0, 2**32 - 1), confidence=hs.floats(0.5, 0.99))
def test_simple_regression_matches_linregress_and_textbook(
    n: int, seed: int, confidence: float
) -> None:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-10, 10, n)
    y = 1.5 - 0.7 * x + rng.normal(0, 2, n)
    fit = stats.linear_regression(x, y)
    ref = st.linregress(x, y)
    np.testing.assert_allclose(fit.coef, [ref.intercept, ref.slope], rtol=1e-9, atol=1e-10)
    np.testing.assert_allclose(fit.stderr, [ref.intercept_stderr, ref.stderr], rtol=1e-8)
    assert fit.r_squared == pytest.approx(ref.rvalue**2, rel=1e-9)
    assert fit.pvalues[1] == pytest.approx(ref.pvalue, rel=1e-6, abs=1e-300)
    # Textbook simple-regression formulas with S_xx.
    t = st.t.ppf((1 + confidence) / 2, n - 2)
    sxx = np.sum((x - x.mean()) ** 2)
    s = math.sqrt(np.sum((y - ref.intercept - ref.slope * x) ** 2) / (n - 2))
    x0 = np.array([-12.0, 0.0, x.mean(), 7.5])
    y0 = ref.intercept + ref.slope * x0
    half_mean = t * s * np.sqrt(1 / n + (x0 - x.mean()) ** 2 / sxx)
    half_new = t * s * np.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / sxx)
    np.testing.assert_allclose(fit.predict(x0), y0, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(
        fit.confidence_interval_mean(x0, confidence),
        np.column_stack([y0 - half_mean, y0 + half_mean]),
        rtol=1e-8,
        atol=1e-8,
    )
    np.testing.assert_allclose(
        fit.prediction_interval(x0, confidence),
        np.column_stack([y0 - half_new, y0 + half_new]),
        rtol=1e-8,
        atol=1e-8,
    )
    np.testing.assert_allclose(
        fit.conf_int(confidence)[1],
        [ref.slope - t * ref.stderr, ref.slope + t * ref.stderr],
        rtol=1e-8,
        atol=1e-10,
    )


@SETTINGS
@given(n=hs.integers(6, 40), p=hs.integers(2, 4), seed=hs.integers(0, 2**32 - 1))
def test_multiple_regression_matches_normal_equations(n: int, p: int, seed: int) -> None:
    assume(n > p + 1)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p))
    y = X @ rng.normal(size=p) + 2.0 + rng.normal(size=n)
    fit = stats.linear_regression(X, y)
    A = np.column_stack([np.ones(n), X])
    xtx_inv = np.linalg.inv(A.T @ A)
    beta = xtx_inv @ A.T @ y
    resid = y - A @ beta
    s2 = resid @ resid / (n - p - 1)
    np.testing.assert_allclose(fit.coef, beta, rtol=1e-8, atol=1e-9)
    np.testing.assert_allclose(fit.stderr, np.sqrt(s2 * np.diag(xtx_inv)), rtol=1e-7)
    assert fit.sigma2 == pytest.approx(s2, rel=1e-8) and fit.df_resid == n - p - 1
    t = st.t.ppf(0.975, n - p - 1)
    np.testing.assert_allclose(
        fit.conf_int()[:, 0], beta - t * np.sqrt(s2 * np.diag(xtx_inv)), rtol=1e-7, atol=1e-8
    )
    X0 = rng.normal(size=(3, p))
    A0 = np.column_stack([np.ones(3), X0])
    lev = np.array([a @ xtx_inv @ a for a in A0])
    y0 = A0 @ beta
    np.testing.assert_allclose(fit.predict(X0), y0, rtol=1e-8, atol=1e-8)
    np.testing.assert_allclose(
        fit.prediction_interval(X0)[:, 1], y0 + t * np.sqrt(s2 * (1 + lev)), rtol=1e-7, atol=1e-8
    )
    np.testing.assert_allclose(
        fit.confidence_interval_mean(X0)[:, 0], y0 - t * np.sqrt(s2 * lev), rtol=1e-7, atol=1e-8
    )
    np.testing.assert_allclose(fit.predict(X0[0]), y0[:1], rtol=1e-8, atol=1e-8)  # one point


def test_regression_result_is_read_only_and_integer_input_works() -> None:
    xi, yi = np.array([1, 2, 3, 4, 5]), np.array([2, 4, 5, 4, 5])
    before = xi.copy()
    fit = stats.linear_regression(xi, yi)
    np.testing.assert_array_equal(fit.coef, stats.linear_regression(xi * 1.0, yi * 1.0).coef)
    np.testing.assert_array_equal(xi, before)
    with pytest.raises(ValueError):
        fit.coef[0] = 1.0
    assert "coef=array(" in repr(fit) and "_xtx_inv" not in repr(fit)
    # Hand example: x_bar = 3, y_bar = 4, S_xy = 6, S_xx = 10: slope 0.6, intercept 2.2.
    np.testing.assert_allclose(fit.coef, [2.2, 0.6], rtol=1e-12)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: stats.linear_regression([1, 2, 3], [1, 2]), "X and y must have the same length"),
        (lambda: stats.linear_regression([1, 2], [1, 3]), "need more than p \\+ 1 = 2"),
        (
            lambda: stats.linear_regression([[1, 2], [2, 4], [3, 6], [4, 8]], [1, 2, 3, 5]),
            "linearly dependent",
        ),
        (lambda: stats.linear_regression([3, 3, 3, 3], [1, 2, 3, 5]), "linearly dependent"),
        (lambda: stats.linear_regression([1, 2, 3, 4], [2, 2, 2, 2]), "y is constant"),
        (lambda: stats.linear_regression(np.ones((2, 2, 2)), [1, 2]), "X must be a 1-D or 2-D"),
        (lambda: stats.linear_regression([1, 2, math.nan, 4], [1, 2, 3, 4]), "X must contain"),
    ],
)
def test_regression_errors(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


def test_regression_method_errors() -> None:
    fit = stats.linear_regression([[1, 0], [2, 1], [3, 5], [4, 2], [5, 3]], [1, 2, 4, 3, 6])
    with pytest.raises(ValueError, match="x_new must have 2 column"):
        fit.predict([1, 2, 3])
    with pytest.raises(ValueError, match="confidence_level must be in the open interval"):
        fit.conf_int(1.5)
    with pytest.raises(ValueError, match="x_new must contain only finite"):
        fit.prediction_interval([[1, math.inf]])


# --------------------------------------------------------------------------- Naive Bayes


def _gaussian_posterior_by_hand(
    X: np.ndarray, y: np.ndarray, Xq: np.ndarray, smoothing: float
) -> tuple[np.ndarray, np.ndarray]:
    classes = np.unique(y)
    eps = smoothing * X.var(axis=0).max()
    logs = []
    for c in classes:
        Xc = X[y == c]
        prior = len(Xc) / len(X)
        logpdf = st.norm.logpdf(Xq, Xc.mean(axis=0), np.sqrt(Xc.var(axis=0) + eps)).sum(axis=1)
        logs.append(math.log(prior) + logpdf)
    joint = np.column_stack(logs)
    post = np.exp(joint - joint.max(axis=1, keepdims=True))
    return classes, post / post.sum(axis=1, keepdims=True)


@SETTINGS
@given(
    seed=hs.integers(0, 2**32 - 1),
    k=hs.integers(2, 4),
    d=hs.integers(1, 4),
    smoothing=hs.sampled_from([1e-9, 1e-3, 0.1]),
)
def test_gaussian_nb_matches_hand_computed_posteriors(
    seed: int, k: int, d: int, smoothing: float
) -> None:
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(k), rng.integers(2, 8, size=k))
    X = rng.normal(size=(y.size, d)) + y[:, None] * 0.8
    Xq = rng.normal(size=(7, d)) * 2
    model = stats.GaussianNB(var_smoothing=smoothing).fit(X, y)
    classes, expected = _gaussian_posterior_by_hand(X, y, Xq, smoothing)
    np.testing.assert_array_equal(model.classes_, classes)
    np.testing.assert_allclose(model.predict_proba(Xq), expected, rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(np.exp(model.predict_log_proba(Xq)).sum(axis=1), 1.0)
    np.testing.assert_array_equal(model.predict(Xq), classes[np.argmax(expected, axis=1)])
    assert model.epsilon_ == pytest.approx(smoothing * X.var(axis=0).max())


def test_gaussian_nb_with_string_labels_and_a_separable_problem() -> None:
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (30, 2)), rng.normal(6, 1, (30, 2))])
    y = np.array(["cat"] * 30 + ["dog"] * 30)
    model = stats.GaussianNB().fit(X, y)
    assert stats.accuracy(y, model.predict(X)) == 1.0
    assert model.predict([[6.0, 6.0]]).tolist() == ["dog"]
    assert repr(model) == "GaussianNB(var_smoothing=1e-09)"


def _multinomial_log_posterior_by_hand(
    X: np.ndarray, y: np.ndarray, Xq: np.ndarray, alpha: float
) -> np.ndarray:
    classes = np.unique(y)
    d = X.shape[1]
    rows = []
    for x in Xq:
        scores = []
        for c in classes:
            counts = X[y == c].sum(axis=0)
            theta = (counts + alpha) / (counts.sum() + alpha * d)  # Laplace-smoothed
            prior = np.mean(y == c)
            scores.append(math.log(prior) + sum(x[j] * math.log(theta[j]) for j in range(d)))
        scores_arr = np.array(scores)
        rows.append(
            scores_arr - np.log(np.sum(np.exp(scores_arr - scores_arr.max()))) - scores_arr.max()
        )
    return np.array(rows)


@SETTINGS
@given(
    seed=hs.integers(0, 2**32 - 1),
    k=hs.integers(2, 3),
    d=hs.integers(1, 6),
    alpha=hs.sampled_from([0.1, 0.5, 1.0, 2.0]),
)
def test_multinomial_nb_matches_hand_computed_posteriors(
    seed: int, k: int, d: int, alpha: float
) -> None:
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(k), rng.integers(1, 6, size=k))
    X = rng.poisson(2.0, size=(y.size, d))
    Xq = rng.poisson(2.0, size=(5, d))
    model = stats.MultinomialNB(alpha=alpha).fit(X, y)
    expected = _multinomial_log_posterior_by_hand(X, y, Xq, alpha)
    np.testing.assert_allclose(model.predict_log_proba(Xq), expected, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(model.feature_count_.sum(), X.sum())


def test_multinomial_nb_smoothing_keeps_unseen_words_possible() -> None:
    # "prize" (column 2) never occurs in ham; without smoothing one "prize" would make
    # a ham message impossible. With alpha = 1 the posterior stays strictly inside (0, 1).
    X = np.array([[3, 0, 1], [2, 0, 2], [0, 3, 0], [0, 2, 0]])
    y = np.array([1, 1, 0, 0])  # 1 = spam
    model = stats.MultinomialNB(alpha=1.0).fit(X, y)
    proba = model.predict_proba([[0, 5, 1]])
    assert 0.0 < proba[0, 1] < 1.0 and model.predict([[0, 5, 1]]).tolist() == [0]
    # theta(ham, word 0) = (0 + 1) / (5 + 3) by hand.
    assert math.exp(model.feature_log_prob_[0, 0]) == pytest.approx(1 / 8)


@pytest.mark.parametrize("model_cls", [stats.GaussianNB, stats.MultinomialNB])
def test_naive_bayes_errors(model_cls: type) -> None:
    X, y = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 4.0]]), np.array([0, 1, 1])
    with pytest.raises(ValueError, match="not fitted yet"):
        model_cls().predict(X)
    with pytest.raises(ValueError, match="X and y must have the same length"):
        model_cls().fit(X, [0, 1])
    with pytest.raises(ValueError, match="y must contain at least 2 classes"):
        model_cls().fit(X, [1, 1, 1])
    with pytest.raises(ValueError, match="y must be a 1-D array of labels"):
        model_cls().fit(X, [[0], [1], [1]])
    with pytest.raises(ValueError, match="X must be a 2-D array"):
        model_cls().fit([1, 2, 3], y)
    model = model_cls().fit(X, y)
    with pytest.raises(ValueError, match="X must have 2 columns"):
        model.predict([[1.0, 2.0, 3.0]])
    before = X.copy()
    model.predict_proba(X)
    np.testing.assert_array_equal(X, before)


def test_naive_bayes_parameter_errors() -> None:
    with pytest.raises(ValueError, match="var_smoothing must be non-negative"):
        stats.GaussianNB(var_smoothing=-1.0)
    with pytest.raises(ValueError, match="alpha must be positive"):
        stats.MultinomialNB(alpha=0.0)
    with pytest.raises(ValueError, match="X must contain non-negative counts"):
        stats.MultinomialNB().fit([[1, -1], [0, 2]], [0, 1])
    with pytest.raises(ValueError, match="zero variance within a class"):
        stats.GaussianNB(var_smoothing=0.0).fit([[1.0], [1.0], [1.0]], [0, 1, 1])


# --------------------------------------------------------------------------- metrics


@SETTINGS
@given(pairs=hs.lists(hs.tuples(hs.integers(0, 1), hs.integers(0, 1)), min_size=1, max_size=60))
def test_metrics_match_counting(pairs: list[tuple[int, int]]) -> None:
    t = [a for a, _ in pairs]
    p = [b for _, b in pairs]
    tp = sum(a == 1 and b == 1 for a, b in pairs)
    tn = sum(a == 0 and b == 0 for a, b in pairs)
    fp = sum(a == 0 and b == 1 for a, b in pairs)
    fn = sum(a == 1 and b == 0 for a, b in pairs)
    assert stats.confusion_matrix(t, p).tolist() == [[tn, fp], [fn, tp]]
    assert stats.accuracy(t, p) == pytest.approx((tp + tn) / len(pairs))
    assert stats.precision(t, p) == (tp / (tp + fp) if tp + fp else 0.0)
    assert stats.recall(t, p) == (tp / (tp + fn) if tp + fn else 0.0)


def test_metrics_on_unbalanced_data_and_zero_division() -> None:
    y_true = np.array([1] * 2 + [0] * 98)
    never = np.zeros(100, dtype=int)
    assert stats.accuracy(y_true, never) == 0.98  # high accuracy, useless classifier
    assert stats.recall(y_true, never) == 0.0
    assert stats.precision(y_true, never) == 0.0
    assert math.isnan(stats.precision(y_true, never, zero_division=math.nan))
    assert stats.precision(y_true, never, zero_division=1.0) == 1.0
    assert stats.confusion_matrix(y_true.astype(bool), never).tolist() == [[98, 0], [2, 0]]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: stats.confusion_matrix([0, 1, 2], [0, 1, 1]), "y_true must contain only 0 and 1, got 2.0 at index 2"),
        (lambda: stats.precision([0, 1], [0, 1, 1]), "y_true and y_pred must have the same"),
        (lambda: stats.recall([0, 1], [0.5, 1]), "y_pred must contain only 0 and 1, got 0.5 at index 0"),
        (lambda: stats.accuracy([], []), "y_true must not be empty"),
        (lambda: stats.accuracy([1, 2], [1]), "y_true and y_pred must have the same length"),
        (lambda: stats.accuracy("ab", "ab"), "y_true must be a 1-D sequence"),
        (lambda: stats.precision([0, 1], [0, 1], zero_division=2), "zero_division must be"),
    ],
)
def test_metric_errors(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]
