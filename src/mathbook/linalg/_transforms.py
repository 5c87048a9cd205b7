"""Matrices of the classic linear transformations of the plane (and of space)."""

from __future__ import annotations

import math
from typing import Literal, TypeAlias, get_args

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import FloatArray, as_scalar, as_vector, check_option

__all__ = ["projection_matrix", "reflection", "rotation", "scaling", "shear"]

# cos and sin closer than this to 0 are set to 0, so that a quarter turn is exact.
Axis: TypeAlias = Literal["x", "y", "z"]
_AXES: tuple[Axis, ...] = get_args(Axis)

_TRIG_SNAP = 1e-15


def _snap(x: float) -> float:
    return 0.0 if abs(x) < _TRIG_SNAP else x


def rotation(theta: float, degrees: bool = False, axis: Axis | None = None) -> FloatArray:
    r"""The matrix of a counter-clockwise rotation by the angle $\theta$.

    In the plane the columns are the images of $\mathbf{e}_1$ and $\mathbf{e}_2$:

    $$R_\theta = \begin{bmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta
    \end{bmatrix}.$$

    In space (``axis`` given) the same block acts on the two coordinates other than
    ``axis``, counter-clockwise when looking down the axis towards the origin.
    Values of $\cos\theta$ and $\sin\theta$ within $10^{-15}$ of 0 are set to exactly 0,
    so a quarter turn is exact.

    Parameters
    ----------
    theta : float
        The angle, in radians unless ``degrees``.
    degrees : bool, default False
    axis : {None, "x", "y", "z"}, default None
        ``None`` for a 2 x 2 rotation of the plane, otherwise a 3 x 3 rotation about
        that coordinate axis.

    Returns
    -------
    ndarray, shape (2, 2) or (3, 3)

    Raises
    ------
    ValueError
        If ``theta`` is not a finite number or ``axis`` is not None, "x", "y" or "z".

    Examples
    --------
    >>> rotation(90, degrees=True).tolist()
    [[0.0, -1.0], [1.0, 0.0]]
    >>> rotation(90, degrees=True, axis="z").tolist()
    [[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]

    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#in-code).
    """
    angle = as_scalar(theta, "theta")
    if degrees:
        angle = math.radians(angle)
    c, s = _snap(math.cos(angle)), _snap(math.sin(angle))
    plane = np.array([[c, -s], [s, c]])
    if axis is None:
        return plane
    # Rotate the cyclically next pair of coordinates: x -> (y, z), y -> (z, x), z -> (x, y).
    k = _AXES.index(check_option("axis", axis, _AXES))
    i, j = (k + 1) % 3, (k + 2) % 3
    R = np.eye(3)
    R[np.ix_([i, j], [i, j])] = plane
    return R


def scaling(sx: float, sy: float, sz: float | None = None) -> FloatArray:
    r"""The matrix that stretches each axis by its own factor: $\operatorname{diag}(s_x, s_y)$.

    Parameters
    ----------
    sx, sy : float
        Factors along $x$ and $y$ (negative flips, 0 flattens the plane onto a line).
    sz : float, optional
        Factor along $z$; if given, the result is 3 x 3.

    Returns
    -------
    ndarray, shape (2, 2) or (3, 3)

    Raises
    ------
    ValueError
        If a factor is not a finite number.

    Examples
    --------
    >>> scaling(2, 0.5).tolist()
    [[2.0, 0.0], [0.0, 0.5]]

    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#in-code).
    """
    factors = [as_scalar(sx, "sx"), as_scalar(sy, "sy")]
    if sz is not None:
        factors.append(as_scalar(sz, "sz"))
    return np.diag(factors)


def shear(kx: float = 0.0, ky: float = 0.0) -> FloatArray:
    r"""The matrix of a shear of the plane: $(x, y) \mapsto (x + k_x y,\; y + k_y x)$.

    $$\begin{bmatrix} 1 & k_x \\ k_y & 1 \end{bmatrix}$$

    With only ``kx`` it is a horizontal shear: each point slides sideways in proportion
    to its height, and areas are unchanged.

    Parameters
    ----------
    kx : float, default 0
        Horizontal shear factor.
    ky : float, default 0
        Vertical shear factor.

    Returns
    -------
    ndarray, shape (2, 2)

    Raises
    ------
    ValueError
        If a factor is not a finite number.

    Examples
    --------
    >>> shear(kx=1).tolist()
    [[1.0, 1.0], [0.0, 1.0]]

    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#in-code).
    """
    return np.array([[1.0, as_scalar(kx, "kx")], [as_scalar(ky, "ky"), 1.0]])


def projection_matrix(onto: ArrayLike) -> FloatArray:
    r"""The matrix of the orthogonal projection onto the line through 0 along ``onto``.

    $$P = \frac{\mathbf{v}\mathbf{v}^\top}{\mathbf{v}^\top\mathbf{v}}$$

    so that $P\mathbf{u}$ is the projection of $\mathbf{u}$ onto $\mathbf{v}$; $P^2 = P$.

    Parameters
    ----------
    onto : array_like, shape (n,)
        A non-zero direction vector.

    Returns
    -------
    ndarray, shape (n, n)

    Raises
    ------
    ValueError
        If ``onto`` is the zero vector or not a finite non-empty vector.

    Examples
    --------
    >>> projection_matrix([1, 1]).tolist()
    [[0.5, 0.5], [0.5, 0.5]]

    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#in-code).
    """
    direction = as_vector(onto, "onto")
    biggest = float(np.max(np.abs(direction)))
    if biggest == 0.0:
        raise ValueError("onto must not be the zero vector: there is no line to project onto")
    d = direction / biggest  # same line; avoids overflow in d d^T
    return np.outer(d, d) / (d @ d)


_AXIS_REFLECTIONS = {
    "x": np.array([[1.0, 0.0], [0.0, -1.0]]),
    "y": np.array([[-1.0, 0.0], [0.0, 1.0]]),
    "y=x": np.array([[0.0, 1.0], [1.0, 0.0]]),
    "y=-x": np.array([[0.0, -1.0], [-1.0, 0.0]]),
}


def reflection(axis: str | ArrayLike) -> FloatArray:
    r"""The matrix of the reflection of the plane across a line through the origin.

    Across the line along a direction $\mathbf{v}$ it is $2P - I$ with $P$ the projection
    onto that line: a point's component along the line stays, the rest flips sign.

    Parameters
    ----------
    axis : {"x", "y", "y=x", "y=-x"} or array_like of shape (2,)
        The mirror line: the $x$-axis, the $y$-axis, a diagonal, or the line along a
        non-zero direction vector.

    Returns
    -------
    ndarray, shape (2, 2)

    Raises
    ------
    ValueError
        If ``axis`` is an unknown name, the zero vector, or not a vector of length 2.

    Examples
    --------
    >>> reflection("x").tolist(), reflection("y=x").tolist()
    ([[1.0, 0.0], [0.0, -1.0]], [[0.0, 1.0], [1.0, 0.0]])
    >>> np.round(reflection([1, 1]), 12).tolist()
    [[0.0, 1.0], [1.0, 0.0]]

    See Also
    --------
    Taught in [Matrices as transformations of the plane](../../linear-algebra/week-3/transformations.md#in-code).
    """
    if isinstance(axis, str):
        key = axis.replace(" ", "").lower()
        if key not in _AXIS_REFLECTIONS:
            raise ValueError(
                f"axis must be one of {sorted(_AXIS_REFLECTIONS)} or a direction vector, "
                f"got {axis!r}"
            )
        return _AXIS_REFLECTIONS[key].copy()
    direction = as_vector(axis, "axis", size=2)
    if not np.any(direction):
        raise ValueError("axis must not be the zero vector: it gives no line to reflect across")
    return 2.0 * projection_matrix(direction) - np.eye(2)
