"""Tests of mathbook.datasets: shapes, determinism, documented properties, no network."""

from __future__ import annotations

import ast
import inspect
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mathbook.check
from mathbook import datasets
from mathbook.datasets import Dataset


def _loaders() -> dict[str, Callable[..., Dataset]]:
    """Every loader in ``datasets.__all__``: a new one cannot skip the contract tests."""
    helpers = {"Dataset", "tokenize"}
    return {name: getattr(datasets, name) for name in datasets.__all__ if name not in helpers}


ALL = _loaders()
SEEDED = {name: f for name, f in ALL.items() if "seed" in inspect.signature(f).parameters}
FIXED = {name: f for name, f in ALL.items() if name not in SEEDED}
REAL = ("student_sleep", "galton_heights", "stopping_distances", "digits", "diabetes", "iris",
        "wine")
VIA_SKLEARN = ("digits", "diabetes", "iris", "wine")


# ---------------------------------------------------------------------------
# Every loader
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_loader_documents_itself(name: str) -> None:
    ds = ALL[name]()
    assert isinstance(ds, Dataset)
    assert ds.name == name
    doc = inspect.getdoc(ALL[name]) or ""
    for section in ("Source:", "Licence:", "Returns", "Examples"):
        assert section in doc, (name, section)
    assert "Source:" in ds.description and "Licence:" in ds.description
    if name in REAL:  # measured data: whoever measured it is cited, licence stated
        assert "Citation:" in doc and "Citation:" in ds.description
        assert "Licence: MIT" not in ds.description
    else:  # generated or made by hand: mathbook's own, under its licence
        assert "Licence: MIT" in doc and "Licence: MIT" in ds.description
    if name in SEEDED:  # generated data must say why real data would not do
        assert "Why generated:" in doc, name
    assert repr(ds).startswith(f"Dataset(name={name!r}, data={ds.data.shape}")
    if ds.feature_names and ds.data.ndim == 2 and name not in ("web_links",):
        width = ds.data.shape[0] if ds.data.shape[0] == len(ds.feature_names) else ds.data.shape[1]
        assert width == len(ds.feature_names)


@pytest.mark.parametrize("name", sorted(ALL))
def test_each_call_returns_fresh_arrays(name: str) -> None:
    first = ALL[name]()
    first.data[...] = 0 if first.data.dtype.kind != "U" else ""
    second = ALL[name]()
    assert not np.array_equal(first.data, second.data)


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_same_seed_same_data_different_seed_different_data(name: str) -> None:
    loader = SEEDED[name]
    a, b, c = loader(seed=1), loader(seed=1), loader(seed=2)
    assert np.array_equal(a.data, b.data)
    assert not np.array_equal(a.data, c.data)
    if a.target is not None and name not in ("same_stats_different_shapes",):
        assert b.target is not None
        assert np.array_equal(a.target, b.target)
    # the default is the book's fixed data set, and a Generator is accepted too
    assert np.array_equal(loader().data, loader(seed=0).data)
    g1, g2 = np.random.default_rng(5), np.random.default_rng(5)
    assert np.array_equal(loader(seed=g1).data, loader(seed=g2).data)
    assert loader(seed=None).data.shape == a.data.shape


@pytest.mark.parametrize("name", sorted(FIXED))
def test_fixed_data_sets_are_identical_on_every_call(name: str) -> None:
    a, b = FIXED[name](), FIXED[name]()
    assert np.array_equal(a.data, b.data)
    if a.target is not None:
        assert b.target is not None
        assert np.array_equal(a.target, b.target)


@pytest.mark.parametrize("name", sorted(SEEDED))
@pytest.mark.parametrize(
    ("seed", "match"),
    [(-1, "seed must be at least 0"), (1.5, "seed must be"), ("0", "seed must be"),
     (True, "seed must be")],
)
def test_bad_seed(name: str, seed: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        SEEDED[name](seed=seed)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: datasets.small_images(n=0), "n must be at least 1"),
        (lambda: datasets.small_images(n=2.0),  # type: ignore[arg-type]
         "n must be an integer"),
        (lambda: datasets.small_images(size=4), "size must be at least 8"),
        (lambda: datasets.price_series(n_days=1), "n_days must be at least 2"),
        (lambda: datasets.advertising(n=1), "n must be at least 2"),
        (lambda: datasets.advertising(n=True), "n must be an integer"),
        (lambda: datasets.house_prices(n=4), "n must be at least 5"),
        (lambda: datasets.two_circles(n=1), "n must be at least 2"),
        (lambda: datasets.two_circles(noise=-0.1), "noise must be non-negative"),
        (lambda: datasets.two_circles(noise=float("nan")), "noise must be finite"),
        (lambda: datasets.two_circles(noise="lots"),  # type: ignore[arg-type]
         "noise must be a real number"),
        (lambda: datasets.two_circles(factor=1.0), r"factor must be in the open interval"),
        (lambda: datasets.two_circles(factor=0), r"factor must be in the open interval"),
        (lambda: datasets.moons(n=0), "n must be at least 2"),
        (lambda: datasets.moons(noise=-1), "noise must be non-negative"),
        (lambda: datasets.same_stats_different_shapes(n=9), "n must be at least 10"),
        (lambda: datasets.tokenize(42),  # type: ignore[arg-type]
         "text must be a string"),
        (lambda: datasets.tokenize(b"bytes"),  # type: ignore[arg-type]
         "text must be a string"),
    ],
)
def test_bad_arguments_raise_value_error_naming_them(call: Callable[[], Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


def test_no_network_modules_are_imported() -> None:
    forbidden = {"urllib", "requests", "http", "socket", "ftplib", "httpx", "aiohttp"}
    sources = [Path(datasets.__file__)] + sorted(Path(mathbook.check.__file__).parent.glob("*.py"))
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for module in names:
                assert module.split(".")[0] not in forbidden, (path.name, module)


def test_loaders_work_with_the_network_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a data set tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for loader in ALL.values():
        assert loader().data.size > 0


# ---------------------------------------------------------------------------
# point_cloud_picture
# ---------------------------------------------------------------------------


def test_point_cloud_picture() -> None:
    ds = datasets.point_cloud_picture()
    assert ds.data.shape[0] == 2 and ds.data.shape[1] > 100
    assert ds.data.dtype == np.float64
    assert ds.target is not None and ds.target.shape == (ds.data.shape[1],)
    assert set(ds.target.tolist()) == set(range(len(ds.target_names)))
    assert np.allclose(ds.data.min(axis=1), [-1.2, -1.0])
    assert np.allclose(ds.data.max(axis=1), [1.2, 1.6])
    # not symmetric: the mirror image in the y-axis is a different set of points
    mirrored = np.array([[-1.0, 0.0], [0.0, 1.0]]) @ ds.data
    distances = np.linalg.norm(mirrored[:, :, None] - ds.data[:, None, :], axis=0).min(axis=1)
    assert distances.max() > 0.2
    # consecutive points of each stroke are about 0.05 apart: a picture, not a cloud
    gaps = np.linalg.norm(np.diff(ds.data[:, ds.target == 0], axis=1), axis=0)
    assert np.allclose(gaps, 0.05, atol=0.01)


# ---------------------------------------------------------------------------
# small_images
# ---------------------------------------------------------------------------


def explained_variance_ratio(X: np.ndarray) -> np.ndarray:
    centred = X - X.mean(axis=0)
    eigenvalues: np.ndarray = np.linalg.eigvalsh(np.cov(centred, rowvar=False))[::-1]
    return eigenvalues / eigenvalues.sum()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_small_images_have_three_strong_components(seed: int) -> None:
    ds = datasets.small_images(n=200, seed=seed)
    assert ds.data.shape == (200, 256)
    assert ds.image_shape == (16, 16)
    ratio = explained_variance_ratio(ds.data)
    assert ratio[:3].sum() > 0.9
    assert ratio[2] > 5 * ratio[3]  # a clear gap after the third component
    assert -0.3 < ds.data.min() and ds.data.max() < 1.3
    assert ds.target is not None and set(ds.target.tolist()) == {0, 1}
    assert len(ds.feature_names) == 256


def test_small_images_other_sizes() -> None:
    ds = datasets.small_images(n=3, size=10)
    assert ds.data.shape == (3, 100)
    assert ds.data[0].reshape(ds.image_shape or ()).shape == (10, 10)


def test_smiling_faces_are_separated_by_the_expression_component() -> None:
    ds = datasets.small_images(n=300, seed=4)
    centred = ds.data - ds.data.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    scores = centred @ vt[:3].T
    assert ds.target is not None
    # the three leading components hold the expression: a line in their space tells
    # smiling from frowning faces, while a line in two pixels' space cannot
    assert linear_classifier_accuracy(scores.T, ds.target) > 0.95
    assert linear_classifier_accuracy(ds.data[:, [0, 255]].T, ds.target) < 0.7


# ---------------------------------------------------------------------------
# web_links
# ---------------------------------------------------------------------------


def test_web_links_is_a_regular_markov_matrix() -> None:
    ds = datasets.web_links()
    P = ds.data
    n = len(ds.feature_names)
    assert P.shape == (n, n) and 5 <= n <= 8
    assert np.all(P >= 0)
    assert np.allclose(P.sum(axis=0), 1.0)
    assert np.all(np.diag(P) == 0)  # no page links to itself
    # regular: some power has all entries positive, so the steady state is unique
    assert np.all(np.linalg.matrix_power(P, 6) > 0)
    values, vectors = np.linalg.eig(P)
    at_one = np.isclose(values, 1.0)
    assert at_one.sum() == 1
    steady = np.real(vectors[:, at_one][:, 0])
    steady /= steady.sum()
    x = np.full(n, 1.0 / n)
    for _ in range(200):
        x = P @ x
    assert np.allclose(x, steady, atol=1e-10)
    assert ds.feature_names[int(np.argmax(steady))] == "home"


# ---------------------------------------------------------------------------
# price_series, advertising, house_prices
# ---------------------------------------------------------------------------


def test_price_series() -> None:
    ds = datasets.price_series()
    prices = ds.data
    assert prices.shape == (250, 2)
    assert ds.feature_names == ("asset_a", "asset_b")
    assert np.array_equal(prices[0], [100.0, 60.0])
    assert np.all(prices > 0)
    assert np.array_equal(prices, np.round(prices, 2))
    returns = np.diff(np.log(prices), axis=0)
    r = np.corrcoef(returns, rowvar=False)[0, 1]
    assert abs(r - 0.35) < 0.2  # about 3.5 standard errors for 249 returns
    assert np.allclose(returns.std(axis=0, ddof=1), [0.012, 0.018], rtol=0.25)
    # the minimum-variance weight of asset A is strictly between 0 and 1
    weights = np.linspace(0, 1, 1001)
    variances = [np.var(w * returns[:, 0] + (1 - w) * returns[:, 1]) for w in weights]
    best = weights[int(np.argmin(variances))]
    assert 0.5 < best < 0.95
    cov = np.cov(returns, rowvar=False)
    formula = (cov[1, 1] - cov[0, 1]) / (cov[0, 0] + cov[1, 1] - 2 * cov[0, 1])
    assert abs(best - formula) < 1e-3


def ols_with_standard_errors(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    design = np.column_stack([np.ones(len(y)), X])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    residuals = y - design @ coef
    sigma2 = residuals @ residuals / (len(y) - design.shape[1])
    se = np.sqrt(np.diag(sigma2 * np.linalg.inv(design.T @ design)))
    return coef, se


@pytest.mark.parametrize("seed", [0, 1])
def test_advertising_recovers_the_model_line(seed: int) -> None:
    ds = datasets.advertising(seed=seed)
    assert ds.data.shape == (200, 1) and ds.target is not None and ds.target.shape == (200,)
    assert ds.feature_names == ("tv_budget",) and ds.target_name == "sales"
    assert 0 <= ds.data.min() and ds.data.max() <= 300
    coef, se = ols_with_standard_errors(ds.data, ds.target)
    assert np.all(np.abs(coef - [7.0, 0.048]) < 4 * se)
    assert np.corrcoef(ds.data[:, 0], ds.target)[0, 1] > 0.8


@pytest.mark.parametrize("seed", [0, 1])
def test_house_prices_recover_the_model_coefficients(seed: int) -> None:
    ds = datasets.house_prices(seed=seed)
    assert ds.data.shape == (200, 3) and ds.target is not None and ds.target.shape == (200,)
    size, bedrooms, age = ds.data.T
    assert np.all((35 <= size) & (size <= 220)) and np.array_equal(size, np.round(size))
    assert set(np.unique(bedrooms)) <= {1.0, 2.0, 3.0, 4.0, 5.0, 6.0}
    assert np.all((0 <= age) & (age <= 80))
    assert np.corrcoef(size, bedrooms)[0, 1] > 0.5  # correlated features
    coef, se = ols_with_standard_errors(ds.data, ds.target)
    assert np.all(np.abs(coef - [40.0, 2.2, 12.0, -0.9]) < 4 * se)


# ---------------------------------------------------------------------------
# two_circles, moons
# ---------------------------------------------------------------------------


def linear_classifier_accuracy(X: np.ndarray, y: np.ndarray) -> float:
    """Accuracy of the least-squares linear classifier (the best a line does, roughly)."""
    design = np.vstack([np.ones(X.shape[1]), X]).T
    w, *_ = np.linalg.lstsq(design, 2.0 * y - 1.0, rcond=None)
    return float(np.mean((design @ w > 0) == (y == 1)))


@pytest.mark.parametrize("loader", [datasets.two_circles, datasets.moons])
def test_classes_in_columns_and_not_linearly_separable(loader: Callable[..., Dataset]) -> None:
    ds = loader(n=301)
    assert ds.data.shape == (2, 301)
    assert ds.target is not None and ds.target.shape == (1, 301)
    assert ds.target.dtype == np.int64
    assert Counter(ds.target[0].tolist()) == {0: 150, 1: 151}
    assert linear_classifier_accuracy(ds.data, ds.target[0]) < 0.9
    # a nearest-neighbour rule, which can bend, gets almost every point right
    distances = np.linalg.norm(ds.data[:, :, None] - ds.data[:, None, :], axis=0)
    np.fill_diagonal(distances, np.inf)
    nearest = ds.target[0][np.argmin(distances, axis=1)]
    assert np.mean(nearest == ds.target[0]) > 0.9
    # classes are shuffled, not stored as two blocks
    assert np.sum(np.diff(ds.target[0]) != 0) > 50


@settings(max_examples=30, deadline=None)
@given(factor=st.floats(0.05, 0.95), n=st.integers(2, 60))
def test_two_circles_without_noise_lie_on_the_circles(factor: float, n: int) -> None:
    ds = datasets.two_circles(n=n, noise=0.0, factor=factor, seed=1)
    assert ds.target is not None
    radius = np.hypot(ds.data[0], ds.data[1])
    expected = np.where(ds.target[0] == 1, factor, 1.0)
    assert np.allclose(radius, expected)


def test_moons_without_noise_lie_on_the_half_circles() -> None:
    ds = datasets.moons(n=100, noise=0.0)
    assert ds.target is not None
    x, y = ds.data
    upper = ds.target[0] == 0
    assert np.allclose(np.hypot(x[upper], y[upper]), 1.0) and np.all(y[upper] >= -1e-12)
    lower = ~upper
    assert np.allclose(np.hypot(x[lower] - 1.0, y[lower] - 0.5), 1.0)
    assert np.all(y[lower] <= 0.5 + 1e-12)


# ---------------------------------------------------------------------------
# messages and tokenize
# ---------------------------------------------------------------------------


def test_messages() -> None:
    ds = datasets.messages()
    assert ds.target is not None
    assert ds.data.shape == ds.target.shape == (145,)
    assert all(isinstance(t, str) and 0 < len(t) < 200 for t in ds.data)
    assert len(set(ds.data.tolist())) == len(ds.data)  # no duplicates
    assert set(ds.target.tolist()) == {0, 1}
    assert int(ds.target.sum()) == 45  # unbalanced: under a third is spam
    assert ds.target_names == ("ham", "spam")
    # shuffled: both classes appear in the first and in the last 30 %
    assert 0 < ds.target[:43].sum() < 43 and 0 < ds.target[-43:].sum() < 43


def test_naive_bayes_on_messages_beats_the_majority_rule() -> None:
    ds = datasets.messages()
    assert ds.target is not None
    texts, labels = ds.data.tolist(), ds.target
    split = int(0.7 * len(texts))
    vocabulary = sorted({w for t in texts[:split] for w in datasets.tokenize(t)})
    index = {w: i for i, w in enumerate(vocabulary)}

    def counts(text: str) -> np.ndarray:
        row = np.zeros(len(vocabulary))
        for word in datasets.tokenize(text):
            if word in index:
                row[index[word]] += 1
        return row

    X_train = np.array([counts(t) for t in texts[:split]])
    y_train = labels[:split]
    log_prior = np.log([np.mean(y_train == k) for k in (0, 1)])
    word_counts = np.array([X_train[y_train == k].sum(axis=0) + 1 for k in (0, 1)])
    log_likelihood = np.log(word_counts / word_counts.sum(axis=1, keepdims=True))
    X_test = np.array([counts(t) for t in texts[split:]])
    predicted = np.argmax(X_test @ log_likelihood.T + log_prior, axis=1)
    accuracy = np.mean(predicted == labels[split:])
    majority = np.mean(labels[split:] == 0)
    assert accuracy > 0.85
    assert accuracy > majority + 0.1


def test_tokenize_examples() -> None:
    assert datasets.tokenize("Hello, World!") == ["hello", "world"]
    assert datasets.tokenize("Don't WAIT: call 0800 now!!") == ["don't", "wait", "call", "0800",
                                                                  "now"]
    assert datasets.tokenize("") == []
    assert datasets.tokenize("  ...  ") == []


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60))
def test_tokenize_properties(text: str) -> None:
    words = datasets.tokenize(text)
    assert all(w and w == w.lower() for w in words)
    assert all(w.replace("'", "").isalnum() and w.isascii() for w in words)
    assert datasets.tokenize(text.upper()) == words
    assert "".join(words) == "".join(datasets.tokenize(" ".join(words)))
    assert all(w in text.lower() for w in words)


# ---------------------------------------------------------------------------
# same_stats_different_shapes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 3])
def test_same_stats_really_share_their_statistics(seed: int) -> None:
    ds = datasets.same_stats_different_shapes(n=60, seed=seed)
    assert ds.target is not None
    assert ds.data.shape == (5 * 60, 2)
    assert len(ds.target_names) == 5
    for k in range(len(ds.target_names)):
        xy = ds.data[ds.target == k]
        assert xy.shape == (60, 2)
        assert np.round(xy.mean(axis=0), 2).tolist() == [10.0, 6.0]
        assert np.round(xy.var(axis=0, ddof=1), 2).tolist() == [9.0, 4.0]
        assert round(float(np.corrcoef(xy, rowvar=False)[0, 1]), 2) == 0.6
        slope, intercept = np.polyfit(xy[:, 0], xy[:, 1], deg=1)
        assert round(float(slope), 2) == 0.4 and round(float(intercept), 2) == 2.0


def test_same_stats_have_different_shapes() -> None:
    ds = datasets.same_stats_different_shapes()
    assert ds.target is not None
    names = ds.target_names
    # standardised distance of each point from the centre: its distribution is the shape
    cov_inverse = np.linalg.inv(np.array([[9.0, 3.6], [3.6, 4.0]]))
    radii = {}
    for k, name in enumerate(names):
        centred = ds.data[ds.target == k] - [10.0, 6.0]
        radii[name] = np.sqrt(np.einsum("ij,jk,ik->i", centred, cov_inverse, centred))
    # the ring: every point at the same distance
    assert radii["ring"].std() < 0.01
    # the line and outlier: one point much farther out than all others
    sorted_radii = np.sort(radii["line_and_outlier"])
    assert sorted_radii[-1] > 3 * sorted_radii[-2]
    # the line and outlier: all but one point exactly on a straight line
    xy = ds.data[ds.target == names.index("line_and_outlier")]
    on_line = xy[np.argsort(radii["line_and_outlier"])[:-1]]
    assert np.linalg.svd(on_line - on_line.mean(axis=0), compute_uv=False)[1] < 1e-9
    # two clusters: a gap in the middle, nothing near the centre
    assert radii["two_clusters"].min() > 0.5
    # all pairs differ as distributions of radii
    for a in names:
        for b in names:
            if a < b:
                assert np.abs(np.sort(radii[a]) - np.sort(radii[b])).max() > 0.3, (a, b)


def test_dataset_is_frozen() -> None:
    ds = datasets.web_links()
    with pytest.raises(AttributeError):
        ds.name = "other"  # type: ignore[misc]


# ---------------------------------------------------------------------------
# Real data: the catalogue, the shipped CSV files, the scikit-learn copies
# ---------------------------------------------------------------------------


def test_every_loader_is_in_the_table_with_its_kind() -> None:
    doc = datasets.__doc__ or ""
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip()
            for line in doc.splitlines() if line.startswith("| `")}
    listed = {name.strip(" `") for key in rows for name in key.split(",")}
    assert listed == set(ALL) | {"tokenize"}
    for key, kind in rows.items():
        real = any(name.strip(" `") in REAL for name in key.split(","))
        assert kind.startswith("real") == real, (key, kind)


def test_real_loaders_are_not_generated() -> None:
    for name in REAL:
        assert "seed" not in inspect.signature(ALL[name]).parameters
        assert "generated" not in (inspect.getdoc(ALL[name]) or "").split("Source:")[1][:200]


def test_student_sleep_matches_students_published_figures() -> None:
    ds = datasets.student_sleep()
    assert ds.data.shape == (10, 2) and ds.target is None
    # Student (1908) printed the means 0.75 and 2.33 and the mean difference 1.58
    assert np.round(ds.data.mean(axis=0), 2).tolist() == [0.75, 2.33]
    d = ds.data[:, 1] - ds.data[:, 0]
    assert round(float(d.mean()), 2) == 1.58
    assert np.all(d >= 0)  # drug 2 never gave less sleep than drug 1
    # one decimal place, as measured
    assert np.array_equal(ds.data, np.round(ds.data, 1))


def test_stopping_distances_fit_a_line_through_the_origin() -> None:
    ds = datasets.stopping_distances()
    assert ds.target is not None
    assert ds.data.shape == (50, 1) and ds.target.shape == (50,)
    speed, distance = ds.data[:, 0], ds.target
    # whole mph and whole feet, as recorded; R's summary(cars): means 15.4 and 42.98
    assert np.array_equal(speed, np.round(speed)) and np.array_equal(distance, np.round(distance))
    assert (speed.min(), speed.max(), distance.min(), distance.max()) == (4, 25, 2, 120)
    assert round(float(speed.mean()), 2) == 15.4 and round(float(distance.mean()), 2) == 42.98
    # the hand formula for y = a x agrees with least squares without an intercept
    a_star = speed @ distance / (speed @ speed)
    lstsq = np.linalg.lstsq(ds.data, distance, rcond=None)[0]
    assert np.isclose(a_star, lstsq[0])


def test_galton_heights_show_regression_to_the_mean() -> None:
    ds = datasets.galton_heights()
    assert ds.target is not None
    assert ds.data.shape == (928, 1) and ds.target.shape == (928,)
    parent, child = ds.data[:, 0], ds.target
    assert 64.0 <= parent.min() and parent.max() <= 73.0
    assert 61.7 <= child.min() and child.max() <= 73.7
    # class centres: every value is one of the documented class codes
    assert set(np.round(child % 1, 1)) <= {0.2, 0.7}
    assert set(np.round(parent % 1, 1)) <= {0.0, 0.5}
    slope = np.polyfit(parent, child, deg=1)[0]
    assert 0.5 < slope < 0.8  # Galton's "about two thirds"
    assert abs(parent.mean() - child.mean()) < 0.5  # the same population, the same mean
    assert 0.4 < np.corrcoef(parent, child)[0, 1] < 0.5


def test_shipped_csv_files_say_where_they_come_from() -> None:
    folder = Path(datasets.__file__).parent / "data"
    for path in sorted(folder.glob("*.csv")):
        notes = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line.startswith("#")]
        text = " ".join(notes)
        assert "Licence" in text or "Public domain" in text, path.name
        assert f"mathbook.datasets.{path.stem}()" in text, path.name


@pytest.mark.parametrize("name", VIA_SKLEARN)
def test_sklearn_loaders_return_sklearns_data_unchanged(name: str) -> None:
    sklearn_datasets = pytest.importorskip("sklearn.datasets")
    calls = {"digits": lambda: sklearn_datasets.load_digits(),
             "diabetes": lambda: sklearn_datasets.load_diabetes(scaled=False),
             "iris": lambda: sklearn_datasets.load_iris(),
             "wine": lambda: sklearn_datasets.load_wine()}
    bunch, ds = calls[name](), ALL[name]()
    assert np.array_equal(ds.data, bunch.data)
    assert ds.target is not None and np.array_equal(ds.target, bunch.target)
    assert len(ds.feature_names) == ds.data.shape[1]
    assert ds.data.dtype == np.float64


@pytest.mark.parametrize("name", VIA_SKLEARN)
def test_sklearn_loaders_name_the_missing_package(name: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sklearn", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    with pytest.raises(ModuleNotFoundError, match=rf"{name}\(\).*pip install scikit-learn"):
        ALL[name]()


def test_mathbook_does_not_import_sklearn_on_import() -> None:
    code = "import sys, mathbook.datasets; print('sklearn' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_digits_pca_curve_is_gradual_unlike_the_planted_faces() -> None:
    real = explained_variance_ratio(datasets.digits().data)
    planted = explained_variance_ratio(datasets.small_images().data)
    assert real[:3].sum() < 0.5 < planted[:3].sum()
    assert 15 < int(np.searchsorted(np.cumsum(real), 0.9)) + 1 < 30
    assert real[2] < 2 * real[3]  # no gap after the third component


def test_iris_species_differ_in_petal_length() -> None:
    from scipy import stats as scipy_stats

    ds = datasets.iris()
    assert ds.target is not None
    assert np.bincount(ds.target).tolist() == [50, 50, 50]
    groups = [ds.data[ds.target == k, 2] for k in range(3)]
    assert scipy_stats.f_oneway(*groups).pvalue < 1e-10


def test_wine_scales_differ_so_standardising_matters() -> None:
    ds = datasets.wine()
    sd = ds.data.std(axis=0)
    assert sd.max() / sd.min() > 1000
    centred = ds.data - ds.data.mean(axis=0)
    first = np.linalg.svd(centred, full_matrices=False)[2][0]
    assert ds.feature_names[int(np.argmax(np.abs(first)))] == "proline"
    standardised = centred / sd
    first_std = np.linalg.svd(standardised, full_matrices=False)[2][0]
    assert np.abs(first_std).max() < 0.5  # after standardising, no column dominates
