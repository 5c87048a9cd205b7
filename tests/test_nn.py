"""Tests of mathbook.nn: activations and losses against SciPy, backprop against finite
differences, and training on toy problems."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import scipy.differentiate
import scipy.special
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mathbook import nn

SETTINGS = settings(max_examples=60, deadline=None)


def arrays(low=-50.0, high=50.0, max_side=6):
    return hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=1, max_dims=2, max_side=max_side),
        elements=st.floats(low, high, allow_nan=False),
    )


def circles(m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Two noisy concentric circles (radius 1 -> label 0, radius 2 -> label 1), columns."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, m)
    radius = 1.0 + labels + 0.15 * rng.standard_normal(m)
    angle = rng.uniform(0, 2 * np.pi, m)
    X = np.vstack([radius * np.cos(angle), radius * np.sin(angle)])
    return X, labels.reshape(1, m).astype(float)


def blobs(m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Two well-separated Gaussian blobs: linearly separable."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, m)
    X = rng.standard_normal((2, m)) * 0.5 + np.where(labels == 1, 2.0, -2.0)
    return X, labels.reshape(1, m).astype(float)


def accuracy(prediction: np.ndarray, Y: np.ndarray) -> float:
    return float(np.mean(prediction == Y))


# =========================================================================== activations


@SETTINGS
@given(z=arrays(-1000, 1000))
def test_sigmoid_matches_scipy_expit_without_warnings(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = nn.sigmoid(z)
        derivative = nn.sigmoid_derivative(z)
    expit = scipy.special.expit(z)
    np.testing.assert_allclose(got, expit, rtol=1e-14, atol=1e-300)
    np.testing.assert_allclose(derivative, expit * (1 - expit), rtol=1e-12, atol=1e-300)


def test_sigmoid_extremes():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nn.sigmoid([-1000.0, 1000.0]).tolist() == [0.0, 1.0]
        assert nn.sigmoid(-745.0) > 0  # e^-745 is the smallest subnormal, not 0
    assert nn.sigmoid(0) == 0.5 and isinstance(nn.sigmoid(0), float)


@SETTINGS
@given(z=arrays(-5, 5))
def test_activation_derivatives_match_numerical_derivatives(z):
    for f, fprime in [
        (nn.sigmoid, nn.sigmoid_derivative),
        (nn.tanh, nn.tanh_derivative),
    ]:
        numeric = scipy.differentiate.derivative(lambda t, f=f: f(t), z).df
        np.testing.assert_allclose(fprime(z), numeric, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(nn.tanh(z), np.tanh(z), rtol=1e-15)


@SETTINGS
@given(z=arrays())
def test_relu_and_its_derivative(z):
    np.testing.assert_array_equal(nn.relu(z), np.maximum(z, 0))
    np.testing.assert_array_equal(nn.relu_derivative(z), np.heaviside(z, 0.0))


def test_scalar_in_float_out_and_int_like_float():
    for f in (nn.sigmoid, nn.sigmoid_derivative, nn.relu, nn.relu_derivative, nn.tanh,
              nn.tanh_derivative):
        assert isinstance(f(1), float)
        assert f(1) == f(1.0)
        np.testing.assert_array_equal(f([1, -2]), f([1.0, -2.0]))


@pytest.mark.parametrize("f", [nn.sigmoid, nn.relu, nn.tanh, nn.tanh_derivative])
def test_activation_errors(f):
    with pytest.raises(ValueError, match="z must contain only finite"):
        f([0.0, np.nan])
    with pytest.raises(ValueError, match="z must not be empty"):
        f([])
    with pytest.raises(ValueError, match="z must be numeric"):
        f("1")


def test_activations_do_not_mutate():
    z = np.array([-1.0, 0.5, 2.0])
    before = z.copy()
    for f in (nn.sigmoid, nn.sigmoid_derivative, nn.relu, nn.relu_derivative, nn.tanh):
        f(z)
    np.testing.assert_array_equal(z, before)


# =========================================================================== losses


@SETTINGS
@given(data=st.data(), shape=hnp.array_shapes(min_dims=1, max_dims=2, max_side=8))
def test_squared_loss_is_half_the_mean_squared_error(data, shape):
    elements = st.floats(-100, 100, allow_nan=False)
    y_hat = data.draw(hnp.arrays(np.float64, shape, elements=elements))
    y = data.draw(hnp.arrays(np.float64, shape, elements=elements))
    expected = np.linalg.norm((y_hat - y).ravel()) ** 2 / (2 * y.size)
    assert nn.squared_loss(y_hat, y) == pytest.approx(expected, rel=1e-12, abs=1e-12)


@SETTINGS
@given(data=st.data(), shape=hnp.array_shapes(min_dims=1, max_dims=2, max_side=8))
def test_log_loss_matches_scipy_xlogy(data, shape):
    p = data.draw(hnp.arrays(np.float64, shape, elements=st.floats(1e-6, 1 - 1e-6)))
    y = data.draw(hnp.arrays(np.float64, shape, elements=st.sampled_from([0.0, 1.0])))
    expected = -np.mean(scipy.special.xlogy(y, p) + scipy.special.xlog1py(1 - y, -p))
    assert nn.log_loss(p, y) == pytest.approx(expected, rel=1e-12)


@SETTINGS
@given(data=st.data(), shape=hnp.array_shapes(min_dims=1, max_dims=2, max_side=8))
def test_log_loss_from_logits_matches_scipy_log_expit(data, shape):
    z = data.draw(hnp.arrays(np.float64, shape, elements=st.floats(-1000, 1000)))
    y = data.draw(hnp.arrays(np.float64, shape, elements=st.sampled_from([0.0, 1.0])))
    expected = -np.mean(
        y * scipy.special.log_expit(z) + (1 - y) * scipy.special.log_expit(-z)
    )
    assert nn.log_loss_from_logits(z, y) == pytest.approx(expected, rel=1e-12, abs=1e-300)
    moderate = np.clip(z, -10, 10)  # where 1 - sigmoid(z) keeps its digits, both agree
    assert nn.log_loss(nn.sigmoid(moderate), y) == pytest.approx(
        nn.log_loss_from_logits(moderate, y), rel=1e-9
    )


def test_log_loss_clips_instead_of_taking_log_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # 0 is clipped to 1e-15 and 1 to 1 - 1e-15 (as rounded in floating point)
        clipped = (-np.log(1e-15) - np.log1p(-(1 - 1e-15))) / 2
        assert nn.log_loss([0.0, 1.0], [1, 0]) == pytest.approx(clipped, rel=1e-14)
        assert nn.log_loss([1.0, 0.0], [1, 0]) == pytest.approx(0.0, abs=1e-14)
        assert nn.log_loss_from_logits([1000.0, -1000.0], [0, 1]) == 1000.0


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: nn.squared_loss([1.0, 2.0], [1.0]), r"same shape, got \(2,\) and \(1,\)"),
        (lambda: nn.squared_loss([], []), "y_hat must not be empty"),
        (lambda: nn.squared_loss([np.inf], [1.0]), "y_hat must contain only finite"),
        (lambda: nn.log_loss([0.5, 0.5], [1, 2]), "y must contain only 0 and 1"),
        (lambda: nn.log_loss([0.5, 0.5], [0.5, 1]), "y must contain only 0 and 1"),
        (lambda: nn.log_loss([1.5, 0.5], [1, 0]), r"y_hat must contain probabilities"),
        (lambda: nn.log_loss([-0.1], [0]), r"y_hat must contain probabilities"),
        (lambda: nn.log_loss([[0.5, 0.5]], [1, 0]), "same shape"),
        (lambda: nn.log_loss([0.5], [1], eps=0), "eps must be positive"),
        (lambda: nn.log_loss([0.5], [1], eps=0.5), r"eps must be in \(0, 0.5\)"),
        (lambda: nn.log_loss_from_logits([0.0], [3]), "y must contain only 0 and 1"),
        (lambda: nn.log_loss_from_logits([0.0, 1.0], [1]), "z and y must have the same shape"),
        (lambda: nn.log_loss_from_logits([np.nan], [1]), "z must contain only finite"),
    ],
)
def test_loss_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_losses_accept_ints_and_do_not_mutate():
    y_hat = np.array([0.2, 0.7])
    y = np.array([0, 1])
    before = (y_hat.copy(), y.copy())
    assert nn.log_loss(y_hat, y) == nn.log_loss(y_hat, y.astype(float))
    assert nn.squared_loss([1, 2], [0, 0]) == nn.squared_loss([1.0, 2.0], [0.0, 0.0])
    np.testing.assert_array_equal(y_hat, before[0])
    np.testing.assert_array_equal(y, before[1])


# =========================================================================== parameters


def test_init_params_shapes_and_reproducibility():
    params = nn.init_params([3, 5, 2], seed=1)
    assert list(params) == ["W1", "b1", "W2", "b2"]
    assert params["W1"].shape == (5, 3) and params["W2"].shape == (2, 5)
    assert params["b1"].shape == (5, 1) and params["b2"].shape == (2, 1)
    assert not params["b1"].any() and not params["b2"].any()
    again = nn.init_params([3, 5, 2], seed=1)
    for key in params:
        np.testing.assert_array_equal(params[key], again[key])
    expected = 0.01 * np.random.default_rng(1).standard_normal((5, 3))
    np.testing.assert_array_equal(params["W1"], expected)
    from_generator = nn.init_params([3, 5, 2], seed=np.random.default_rng(1))
    np.testing.assert_array_equal(from_generator["W1"], params["W1"])
    big = nn.init_params([400, 500], seed=0, scale=0.5)
    assert np.std(big["W1"]) == pytest.approx(0.5, rel=0.02)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"layer_sizes": [3]}, "at least the input and output"),
        ({"layer_sizes": [3, 0]}, r"layer_sizes\[1\] must be at least 1"),
        ({"layer_sizes": [3, 2.5]}, r"layer_sizes\[1\] must be an integer"),
        ({"layer_sizes": "31"}, "layer_sizes must be a list"),
        ({"layer_sizes": 3}, "layer_sizes must be a list"),
        ({"seed": "x"}, "seed must be a non-negative int, a numpy.random.Generator or None"),
        ({"seed": -1}, "seed must be at least 0, got -1"),
        ({"scale": 0}, "scale must be positive"),
    ],
)
def test_init_params_errors(kwargs, match):
    args = {"layer_sizes": [3, 2, 1]} | kwargs
    with pytest.raises(ValueError, match=match):
        nn.init_params(**args)


# =========================================================================== forward


def test_forward_two_layers_matches_direct_formula():
    rng = np.random.default_rng(0)
    params = nn.init_params([3, 4, 1], seed=0, scale=1.0)
    X = rng.standard_normal((3, 10))
    output, cache = nn.forward(params, X)
    hidden = np.tanh(params["W1"] @ X + params["b1"])
    expected = scipy.special.expit(params["W2"] @ hidden + params["b2"])
    np.testing.assert_allclose(output, expected, rtol=1e-14)
    assert output.shape == (1, 10)
    np.testing.assert_array_equal(cache["A0"], X)
    np.testing.assert_allclose(cache["A1"], hidden, rtol=1e-14)
    assert cache.n_layers == 2 and "Z2" in repr(cache)


def test_forward_relu_and_linear_output():
    params = nn.init_params([2, 3, 2], seed=3, scale=1.0)
    X = np.arange(8.0).reshape(2, 4)
    output, _ = nn.forward(params, X, hidden_activation="relu", output_activation="linear")
    expected = params["W2"] @ np.maximum(params["W1"] @ X + params["b1"], 0) + params["b2"]
    np.testing.assert_allclose(output, expected, rtol=1e-14)


def test_forward_does_not_mutate_and_accepts_ints():
    params = nn.init_params([2, 3, 1], seed=0, scale=1.0)
    saved = {k: v.copy() for k, v in params.items()}
    X = np.array([[1, 2, 3], [4, 5, 6]])
    out_int, _ = nn.forward(params, X)
    out_float, _ = nn.forward(params, X.astype(float))
    np.testing.assert_array_equal(out_int, out_float)
    for key in params:
        np.testing.assert_array_equal(params[key], saved[key])


# =========================================================================== backprop


def numerical_gradients(params, X, Y, loss, hidden, output, h=1e-6):
    """Central differences of nn.cost over every entry of every parameter."""
    grads = {}
    for key, value in params.items():
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[key][index] += h
            minus[key][index] -= h
            grad[index] = (
                nn.cost(plus, X, Y, loss, hidden, output)
                - nn.cost(minus, X, Y, loss, hidden, output)
            ) / (2 * h)
        grads["d" + key] = grad
    return grads


LOSS_OUTPUT = [("log", "sigmoid"), ("squared", "linear"), ("squared", "sigmoid")]
BACKPROP_CASES = [
    (sizes, loss, output, hidden)
    for sizes in ([3, 1], [3, 4, 1], [3, 4, 2], [2, 3, 3, 1])
    for loss, output in LOSS_OUTPUT
    # a one-layer network has no hidden activation: test it once per loss
    for hidden in (["tanh"] if len(sizes) == 2 else ["tanh", "sigmoid", "relu"])
]


@pytest.mark.parametrize(("sizes", "loss", "output", "hidden"), BACKPROP_CASES)
def test_backward_matches_numerical_gradients(sizes, loss, output, hidden):
    rng = np.random.default_rng(sum(sizes) + len(hidden) + len(loss + output))
    params = nn.init_params(sizes, seed=rng, scale=0.8)
    params = {k: v + 0.1 * rng.standard_normal(v.shape) for k, v in params.items()}
    m = 7
    X = rng.standard_normal((sizes[0], m))
    if loss == "log":
        Y = rng.integers(0, 2, (sizes[-1], m)).astype(float)
    else:
        Y = rng.standard_normal((sizes[-1], m))
    _, cache = nn.forward(params, X, hidden, output)
    grads = nn.backward(params, cache, Y, loss)
    expected = numerical_gradients(params, X, Y, loss, hidden, output)
    assert list(grads) == [f"d{k}" for k in params]
    for key in grads:
        assert grads[key].shape == expected[key].shape
        np.testing.assert_allclose(grads[key], expected[key], rtol=1e-5, atol=1e-8)


def test_cost_equals_loss_functions_for_one_output():
    rng = np.random.default_rng(5)
    params = nn.init_params([2, 3, 1], seed=5, scale=1.0)
    X = rng.standard_normal((2, 9))
    Y = rng.integers(0, 2, (1, 9))
    output, cache = nn.forward(params, X)
    assert nn.cost(params, X, Y) == pytest.approx(nn.log_loss(output, Y), rel=1e-12)
    assert nn.cost(params, X, Y) == pytest.approx(
        nn.log_loss_from_logits(cache["Z2"], Y), rel=1e-12
    )
    linear, _ = nn.forward(params, X, output_activation="linear")
    assert nn.cost(params, X, Y, loss="squared") == pytest.approx(
        nn.squared_loss(linear, Y), rel=1e-12
    )


def test_update_returns_new_params():
    params = nn.init_params([2, 3, 1], seed=0)
    saved = {k: v.copy() for k, v in params.items()}
    grads = {f"d{k}": np.ones_like(v) for k, v in params.items()}
    new = nn.update(params, grads, 0.5)
    for key in params:
        np.testing.assert_array_equal(new[key], saved[key] - 0.5)
        np.testing.assert_array_equal(params[key], saved[key])
        assert new[key] is not params[key]


# =========================================================================== training


def test_perceptron_training_reduces_cost_on_separable_data():
    X, Y = blobs(200, seed=2)
    result = nn.train(X, Y, [2, 1], learning_rate=0.5, num_iterations=300, seed=0)
    assert result.costs.shape == (300,)
    assert result.costs[-1] < 0.2 * result.costs[0]
    assert np.all(np.diff(result.costs) <= 1e-12)  # convex problem, small steps: monotone
    assert accuracy(result.predict(X), Y) == 1.0
    assert accuracy(nn.predict(result.params, X), Y) == 1.0
    assert "final_cost" in repr(result)


def test_two_layer_network_learns_circles_a_perceptron_cannot():
    X, Y = circles(200, seed=7)
    X_test, Y_test = circles(200, seed=8)
    net = nn.train(X, Y, [2, 8, 1], learning_rate=1.0, num_iterations=1500, seed=0)
    perceptron = nn.train(X, Y, [2, 1], learning_rate=1.0, num_iterations=1500, seed=0)
    assert accuracy(net.predict(X), Y) >= 0.97
    assert accuracy(net.predict(X_test), Y_test) >= 0.95
    assert accuracy(perceptron.predict(X), Y) <= 0.75
    assert net.cost(X_test, Y_test) < perceptron.cost(X_test, Y_test)


def test_linear_perceptron_with_squared_loss_is_least_squares():
    rng = np.random.default_rng(11)
    X = rng.standard_normal((3, 50))
    Y = (np.array([[1.0, -2.0, 0.5]]) @ X + 3.0 + 0.1 * rng.standard_normal((1, 50)))
    result = nn.train(X, Y, [3, 1], 0.3, 2000, seed=0, loss="squared")
    design = np.vstack([X, np.ones(50)]).T
    coef, *_ = np.linalg.lstsq(design, Y.ravel(), rcond=None)
    np.testing.assert_allclose(result.params["W1"].ravel(), coef[:3], atol=1e-6)
    np.testing.assert_allclose(result.params["b1"].ravel(), coef[3:], atol=1e-6)
    prediction = result.predict(X)  # a linear output is returned as is
    np.testing.assert_allclose(prediction, (design @ coef)[None, :], atol=1e-5)


def test_train_is_reproducible_and_does_not_mutate():
    X, Y = blobs(30, seed=1)
    saved = (X.copy(), Y.copy())
    a = nn.train(X, Y, [2, 3, 1], 0.1, 20, seed=4)
    b = nn.train(X, Y, [2, 3, 1], 0.1, 20, seed=4)
    np.testing.assert_array_equal(a.costs, b.costs)
    np.testing.assert_array_equal(X, saved[0])
    np.testing.assert_array_equal(Y, saved[1])
    # costs[0] is the cost of the initial parameters
    initial = nn.init_params([2, 3, 1], seed=4)
    assert a.costs[0] == pytest.approx(nn.cost(initial, X, Y), rel=1e-14)


def test_predict_threshold():
    params = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    X = [[-1.0, 0.5, 3.0]]  # probabilities 0.27, 0.62, 0.95
    assert nn.predict(params, X).tolist() == [[0.0, 1.0, 1.0]]
    assert nn.predict(params, X, threshold=0.9).tolist() == [[0.0, 0.0, 1.0]]
    with pytest.raises(ValueError, match="threshold must be a probability"):
        nn.predict(params, X, threshold=1.5)


# =========================================================================== shape/option errors


def test_y_shape_message_names_expected_shape():
    X, Y = blobs(200, seed=0)
    with pytest.raises(
        ValueError,
        match=r"Y must have shape \(1, 200\) to match X's 200 examples, got \(200,\)",
    ):
        nn.train(X, Y.ravel(), [2, 1], 0.1, 5)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"X": np.zeros((200, 2))}, r"X must have shape \(2, m\).*did you mean X\.T"),
        ({"X": np.zeros(200)}, "X must be a 2-D array"),
        ({"Y": np.full((1, 200), 0.5)}, "Y must contain only 0 and 1"),
        ({"Y": np.zeros((2, 200))}, r"Y must have shape \(1, 200\)"),
        ({"layer_sizes": [3, 1]}, r"X must have shape \(3, m\)"),
        ({"loss": "hinge"}, "loss must be 'log' or 'squared', got 'hinge'"),
        ({"hidden_activation": "elu"}, "hidden_activation must be 'tanh', 'relu' or 'sigmoid'"),
        ({"output_activation": "softmax"}, "output_activation must be 'sigmoid' or 'linear'"),
        ({"output_activation": "linear", "loss": "log"},
         "loss='log' needs output_activation='sigmoid'"),
        ({"learning_rate": 0}, "learning_rate must be positive"),
        ({"num_iterations": 0}, "num_iterations must be at least 1"),
        ({"learning_rate": 1e6, "loss": "squared"}, "diverged.*lower learning_rate"),
    ],
)
def test_train_errors(kwargs, match):
    X, Y = blobs(200, seed=0)
    args = {"X": X, "Y": Y, "layer_sizes": [2, 4, 1], "learning_rate": 0.1,
            "num_iterations": 50} | kwargs
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=match):
            nn.train(**args)


def test_params_validation():
    good = nn.init_params([2, 3, 1], seed=0)
    X = np.zeros((2, 5))
    missing = {k: v for k, v in good.items() if k != "b2"}
    with pytest.raises(ValueError, match=r"params must hold .*missing \['b2'\]"):
        nn.forward(missing, X)
    with pytest.raises(ValueError, match=r"params\['b1'\] must have shape \(3, 1\)"):
        nn.forward(good | {"b1": np.zeros(3)}, X)
    with pytest.raises(ValueError, match=r"params\['W2'\] must have 3 columns"):
        nn.forward(good | {"W2": np.zeros((1, 4))}, X)
    with pytest.raises(ValueError, match=r"params\['W1'\] must contain only finite"):
        nn.forward(good | {"W1": np.full((3, 2), np.nan)}, X)
    with pytest.raises(ValueError, match="params must be a dict"):
        nn.forward([good["W1"]], X)
    with pytest.raises(ValueError, match=r"unexpected \['c1'\]"):
        nn.forward(good | {"c1": 0}, X)


def test_backward_and_update_errors():
    params = nn.init_params([2, 3, 1], seed=0)
    X, Y = blobs(5, seed=0)
    _, cache = nn.forward(params, X)
    _, linear_cache = nn.forward(params, X, output_activation="linear")
    with pytest.raises(ValueError, match=r"Y must have shape \(1, 5\)"):
        nn.backward(params, cache, Y.ravel())
    with pytest.raises(ValueError, match=r"Y must contain only 0 and 1, got 1.5 at index \(0, 0\)"):
        nn.backward(params, cache, Y + 0.5)
    with pytest.raises(ValueError, match="loss='log' needs output_activation='sigmoid'"):
        nn.backward(params, linear_cache, Y, loss="log")
    with pytest.raises(ValueError, match="cache must be the ForwardCache"):
        nn.backward(params, {"A0": X}, Y)
    with pytest.raises(ValueError, match="cache does not match params"):
        nn.backward(nn.init_params([2, 4, 1], seed=0), cache, Y)
    grads = nn.backward(params, cache, Y)
    with pytest.raises(ValueError, match="grads is missing 'db2'"):
        nn.update(params, {k: v for k, v in grads.items() if k != "db2"}, 0.1)
    with pytest.raises(ValueError, match=r"grads\['dW1'\] must have shape \(3, 2\)"):
        nn.update(params, grads | {"dW1": np.zeros((2, 3))}, 0.1)
    with pytest.raises(ValueError, match="learning_rate must be positive"):
        nn.update(params, grads, -0.1)


def test_loss_and_output_activation_default_to_each_others_partner():
    """One rule everywhere: log <-> sigmoid, squared <-> linear; neither given: log + sigmoid."""
    X, Y = blobs(20, seed=1)
    params = nn.init_params([2, 3, 1], seed=0)
    targets = Y * 3.0 - 1.0  # regression targets, not labels
    assert nn.cost(params, X, targets, output_activation="linear") == nn.cost(
        params, X, targets, loss="squared", output_activation="linear"
    )
    assert nn.cost(params, X, targets, loss="squared") == nn.cost(
        params, X, targets, loss="squared", output_activation="linear"
    )
    assert nn.cost(params, X, Y) == nn.cost(params, X, Y, "log", "tanh", "sigmoid")
    out, cache = nn.forward(params, X)
    assert cache.output_activation == "sigmoid"
    _, linear = nn.forward(params, X, output_activation="linear")
    for key, value in nn.backward(params, linear, targets).items():
        np.testing.assert_array_equal(value, nn.backward(params, linear, targets, "squared")[key])
    np.testing.assert_array_equal(nn.predict(params, X), (out > 0.5).astype(float))
    result = nn.train(X, targets, [2, 1], 0.1, 3, seed=0, output_activation="linear")
    assert (result.loss, result.output_activation) == ("squared", "linear")
    result = nn.train(X, targets, [2, 1], 0.1, 3, seed=0, loss="squared")
    assert (result.loss, result.output_activation) == ("squared", "linear")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: nn.init_params([2, 1], seed="0"), "seed must be a non-negative int"),
        (lambda: nn.sigmoid(None), "z must be a number or an array of numbers, got None"),
        (lambda: nn.sigmoid(["1"]), "z must contain numbers, got the string '1' at index 0"),
        (lambda: nn.relu([True, 2.0]), "z must contain numbers, got the bool True"),
        (lambda: nn.train([[0.0]], [[1.0]], "21", 0.1, 1), "layer_sizes must be a list"),
        (lambda: nn.forward([1.0], [[0.0]]), "params must be a dict"),
        (lambda: nn.cost({"W1": [[1.0]], "b1": [[0.0]]}, [[0.0]], [[1]], loss=2), "loss must be"),
    ],
)
def test_wrong_types_raise_an_error_that_is_both_type_and_value_error(call, message):
    for caught in (TypeError, ValueError):
        with pytest.raises(caught, match=message):
            call()
