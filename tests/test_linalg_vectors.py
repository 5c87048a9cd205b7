"""Tests of mathbook.linalg: vectors and transformation matrices."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mathbook import linalg as la

SETTINGS = settings(max_examples=80, deadline=None)

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def vector_pairs(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 8))
    u = draw(hnp.arrays(np.float64, n, elements=finite))
    v = draw(hnp.arrays(np.float64, n, elements=finite))
    return u, v


def nonzero(v: np.ndarray) -> bool:
    return bool(np.linalg.norm(v) > 1e-3)


# ------------------------------------------------------------------------------------
# norms, dot, distance
# ------------------------------------------------------------------------------------


@SETTINGS
@given(pair=vector_pairs())
def test_norm_dot_distance_match_numpy(pair: tuple[np.ndarray, np.ndarray]) -> None:
    u, v = pair
    u_before = u.copy()
    for order, np_order in ((1, 1), (2, 2), (np.inf, np.inf), ("inf", np.inf)):
        assert la.norm(u, ord=order) == pytest.approx(np.linalg.norm(u, ord=np_order))
        assert la.distance(u, v, ord=order) == pytest.approx(
            np.linalg.norm(u - v, ord=np_order)
        )
    scale = 1 + np.abs(u) @ np.abs(v)
    assert la.dot(u, v) == pytest.approx(float(np.dot(u, v)), abs=1e-9 * scale)
    np.testing.assert_array_equal(u, u_before)


def test_norm_examples_and_int_input() -> None:
    assert la.norm([3, -4]) == 5.0
    assert la.norm([3, -4], ord=1) == 7.0
    assert la.norm([3, -4], ord=math.inf) == 4.0
    assert la.norm(np.array([3, -4], dtype=np.int8)) == 5.0  # no integer overflow
    assert la.norm([1e200, 1e200]) == pytest.approx(math.sqrt(2) * 1e200)  # no overflow
    assert la.dot([1, 2, 3], [4, -5, 6]) == 12.0
    assert la.distance([1, 1], [4, 5]) == 5.0


def test_vector_errors() -> None:
    with pytest.raises(ValueError, match="ord must be 1, 2 or inf"):
        la.norm([1, 2], ord=3)
    with pytest.raises(ValueError, match="ord must be 1, 2 or inf"):
        la.norm([1, 2], ord="fro")
    with pytest.raises(ValueError, match="ord must be 1, 2 or inf"):
        la.distance([1, 2], [3, 4], ord=True)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="v must be a 1-D array"):
        la.norm([[1, 2]])
    with pytest.raises(ValueError, match="u and v must have the same length, got 2 and 3"):
        la.dot([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="u must not be empty"):
        la.dot([], [])
    with pytest.raises(ValueError, match="v must contain only finite"):
        la.dot([1, 2], [1, np.nan])
    with pytest.raises(ValueError, match="u must not be the zero vector"):
        la.angle([0, 0], [1, 2])
    with pytest.raises(ValueError, match="v must not be the zero vector"):
        la.cosine_similarity([1, 2], [0, 0])
    with pytest.raises(ValueError, match="onto must not be the zero vector"):
        la.project([1, 2], [0, 0])
    with pytest.raises(ValueError, match="u and onto must have the same length"):
        la.project([1, 2], [1, 2, 3])


# ------------------------------------------------------------------------------------
# angles, cosine similarity, projection
# ------------------------------------------------------------------------------------


@SETTINGS
@given(pair=vector_pairs())
def test_angle_and_cosine_similarity(pair: tuple[np.ndarray, np.ndarray]) -> None:
    u, v = pair
    if not (nonzero(u) and nonzero(v)):
        return
    expected_cos = np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))
    cos = la.cosine_similarity(u, v)
    assert -1.0 <= cos <= 1.0
    assert cos == pytest.approx(expected_cos, abs=1e-9)
    assert la.cosine_similarity(3.5 * u, v) == pytest.approx(cos, abs=1e-12)  # scale-free
    theta = la.angle(u, v)
    assert 0.0 <= theta <= math.pi
    assert math.cos(theta) == pytest.approx(cos, abs=1e-9)
    assert la.angle(u, v, degrees=True) == pytest.approx(math.degrees(theta))
    assert la.angle(u, v) == pytest.approx(la.angle(v, u))


def test_angle_examples() -> None:
    assert la.angle([1, 0], [0, 5]) == pytest.approx(math.pi / 2)
    assert la.angle([1, 0], [1, 1], degrees=True) == pytest.approx(45.0)
    assert la.angle([1, 2], [-2, -4]) == pytest.approx(math.pi)
    assert la.angle([1, 2], [2, 4]) == 0.0  # clipped, not nan from round-off
    assert la.cosine_similarity([1, 1], [2, 2]) == 1.0
    assert la.cosine_similarity([1e200, 1e200], [1e200, 0]) == pytest.approx(1 / math.sqrt(2))


@SETTINGS
@given(pair=vector_pairs())
def test_project_leaves_an_orthogonal_remainder(pair: tuple[np.ndarray, np.ndarray]) -> None:
    u, onto = pair
    if not nonzero(onto):
        return
    p = la.project(u, onto)
    expected = np.dot(u, onto) / np.dot(onto, onto) * onto
    scale = 1 + np.linalg.norm(u)
    np.testing.assert_allclose(p, expected, atol=1e-9 * scale)
    assert abs(np.dot(u - p, onto)) <= 1e-9 * scale * np.linalg.norm(onto)
    np.testing.assert_allclose(la.project(p, onto), p, atol=1e-9 * scale)  # idempotent
    np.testing.assert_allclose(la.projection_matrix(onto) @ u, p, atol=1e-9 * scale)


def test_project_examples() -> None:
    np.testing.assert_array_equal(la.project([2, 3], [1, 0]), [2, 0])
    np.testing.assert_allclose(la.project([1, 2], [1, 1]), [1.5, 1.5])
    np.testing.assert_allclose(la.project([1, 2], [5, 5]), [1.5, 1.5])


# ------------------------------------------------------------------------------------
# transformations
# ------------------------------------------------------------------------------------


@SETTINGS
@given(a=st.floats(-10, 10), b=st.floats(-10, 10))
def test_rotation_properties(a: float, b: float) -> None:
    R = la.rotation(a)
    np.testing.assert_allclose(R.T @ R, np.eye(2), atol=1e-12)
    assert np.linalg.det(R) == pytest.approx(1.0)
    np.testing.assert_allclose(R @ [1, 0], [math.cos(a), math.sin(a)], atol=1e-15)
    np.testing.assert_allclose(la.rotation(a) @ la.rotation(b), la.rotation(a + b), atol=1e-12)
    np.testing.assert_allclose(la.rotation(math.degrees(a), degrees=True), R, atol=1e-12)
    for axis in "xyz":
        R3 = la.rotation(a, axis=axis)
        np.testing.assert_allclose(R3.T @ R3, np.eye(3), atol=1e-12)
        assert np.linalg.det(R3) == pytest.approx(1.0)
        k = "xyz".index(axis)
        np.testing.assert_allclose(R3[:, k], np.eye(3)[k])  # the axis stays put


def test_rotation_examples() -> None:
    np.testing.assert_array_equal(la.rotation(90, degrees=True), [[0, -1], [1, 0]])
    np.testing.assert_array_equal(la.rotation(math.pi), [[-1, 0], [0, -1]])
    quarter = {axis: la.rotation(90, degrees=True, axis=axis) for axis in "xyz"}
    # counter-clockwise about each axis: x -> y about z, y -> z about x, z -> x about y
    np.testing.assert_array_equal(quarter["z"] @ [1, 0, 0], [0, 1, 0])
    np.testing.assert_array_equal(quarter["x"] @ [0, 1, 0], [0, 0, 1])
    np.testing.assert_array_equal(quarter["y"] @ [0, 0, 1], [1, 0, 0])
    with pytest.raises(ValueError, match="axis must be 'x', 'y' or 'z'"):
        la.rotation(1.0, axis="w")
    with pytest.raises(ValueError, match="theta must be finite"):
        la.rotation(math.inf)
    with pytest.raises(ValueError, match="theta must be a real number"):
        la.rotation("90")  # type: ignore[arg-type]


def test_scaling_and_shear() -> None:
    np.testing.assert_array_equal(la.scaling(2, 3), [[2, 0], [0, 3]])
    np.testing.assert_array_equal(la.scaling(2, 3, -1), np.diag([2, 3, -1]))
    np.testing.assert_array_equal(la.shear(kx=1.5), [[1, 1.5], [0, 1]])
    np.testing.assert_array_equal(la.shear(ky=-2), [[1, 0], [-2, 1]])
    # a horizontal shear moves (x, y) to (x + k y, y) and keeps area
    np.testing.assert_array_equal(la.shear(kx=2) @ [1, 3], [7, 3])
    assert np.linalg.det(la.shear(kx=2)) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="sy must be finite"):
        la.scaling(1, np.nan)
    with pytest.raises(ValueError, match="kx must be a real number"):
        la.shear(kx=[1, 2])  # type: ignore[arg-type]


@SETTINGS
@given(direction=hnp.arrays(np.float64, 2, elements=st.floats(-100, 100)))
def test_reflection_across_a_direction(direction: np.ndarray) -> None:
    if not nonzero(direction):
        return
    F = la.reflection(direction)
    np.testing.assert_allclose(F @ F, np.eye(2), atol=1e-12)
    assert np.linalg.det(F) == pytest.approx(-1.0)
    np.testing.assert_allclose(F @ direction, direction, atol=1e-12 * np.abs(direction).max())
    normal = np.array([-direction[1], direction[0]])
    np.testing.assert_allclose(F @ normal, -normal, atol=1e-12 * np.abs(direction).max())


def test_reflection_named_axes() -> None:
    np.testing.assert_array_equal(la.reflection("x") @ [2, 3], [2, -3])
    np.testing.assert_array_equal(la.reflection("y") @ [2, 3], [-2, 3])
    np.testing.assert_array_equal(la.reflection("y=x") @ [2, 3], [3, 2])
    np.testing.assert_array_equal(la.reflection("y = -x") @ [2, 3], [-3, -2])
    np.testing.assert_allclose(la.reflection([1, 1]), la.reflection("y=x"), atol=1e-15)
    np.testing.assert_allclose(la.reflection([5, 0]), la.reflection("x"), atol=1e-15)
    F = la.reflection("x")
    F[0, 0] = 7  # the result is a fresh copy each time
    assert la.reflection("x")[0, 0] == 1
    with pytest.raises(ValueError, match="axis must be one of"):
        la.reflection("z")
    with pytest.raises(ValueError, match="axis must not be the zero vector"):
        la.reflection([0, 0])
    with pytest.raises(ValueError, match="axis must have length 2"):
        la.reflection([1, 2, 3])


@SETTINGS
@given(direction=hnp.arrays(np.float64, st.integers(1, 5), elements=st.floats(-100, 100)))
def test_projection_matrix_properties(direction: np.ndarray) -> None:
    if not nonzero(direction):
        return
    P = la.projection_matrix(direction)
    n = direction.size
    assert P.shape == (n, n)
    np.testing.assert_allclose(P @ P, P, atol=1e-12)
    np.testing.assert_allclose(P, P.T, atol=1e-15)
    np.testing.assert_allclose(P @ direction, direction, atol=1e-12 * np.abs(direction).max())
    assert np.trace(P) == pytest.approx(1.0)  # rank 1
    expected = np.outer(direction, direction) / (direction @ direction)
    np.testing.assert_allclose(P, expected, rtol=1e-9, atol=1e-12)


def test_projection_matrix_examples_and_errors() -> None:
    np.testing.assert_array_equal(la.projection_matrix([1, 1]), [[0.5, 0.5], [0.5, 0.5]])
    np.testing.assert_array_equal(la.projection_matrix([0, 3]), [[0, 0], [0, 1]])
    with pytest.raises(ValueError, match="onto must not be the zero vector"):
        la.projection_matrix([0, 0, 0])
    with pytest.raises(ValueError, match="onto must be a 1-D array"):
        la.projection_matrix([[1, 2]])
