"""Vectors: norms, dot products, angles, projections and distances."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from mathbook._validate import FloatArray, as_vector, check_same_length

__all__ = ["angle", "cosine_similarity", "distance", "dot", "norm", "project"]


def _check_ord(ord: Any) -> float:
    """The norm order as 1.0, 2.0 or inf; anything else is an error."""
    if isinstance(ord, str):
        if ord.lower() == "inf":
            return math.inf
    elif not isinstance(ord, bool) and isinstance(ord, (int, float, np.integer, np.floating)):
        if float(ord) in (1.0, 2.0, math.inf):
            return float(ord)
    raise ValueError(f"ord must be 1, 2 or inf (numpy.inf or 'inf'), got {ord!r}")


def _pair(u: ArrayLike, v: ArrayLike, name_u: str, name_v: str) -> tuple[FloatArray, FloatArray]:
    a = as_vector(u, name_u)
    b = as_vector(v, name_v)
    check_same_length(a, b, name_u, name_v)
    return a, b


def _length(v: FloatArray) -> float:
    """The Euclidean length, computed as max|v_i| * ||v / max|v_i||| so squares cannot overflow."""
    biggest = float(np.max(np.abs(v)))
    if biggest == 0.0:
        return 0.0
    scaled = v / biggest
    return biggest * float(np.sqrt(scaled @ scaled))


def _nonzero_norm(v: FloatArray, name: str, purpose: str) -> float:
    length = _length(v)
    if length == 0.0:
        raise ValueError(f"{name} must not be the zero vector: {purpose}")
    return length


def _norm(v: FloatArray, order: float) -> float:
    if order == 1.0:
        return float(np.sum(np.abs(v)))
    if order == math.inf:
        return float(np.max(np.abs(v)))
    return _length(v)


def norm(v: ArrayLike, ord: float | str = 2) -> float:
    r"""The length of a vector in the L1, L2 or max norm.

    $$\lVert\mathbf{v}\rVert_1 = \sum_i |v_i|, \qquad
    \lVert\mathbf{v}\rVert_2 = \sqrt{\textstyle\sum_i v_i^2}, \qquad
    \lVert\mathbf{v}\rVert_\infty = \max_i |v_i|.$$

    Parameters
    ----------
    v : array_like, shape (n,)
    ord : {1, 2, inf}, default 2
        ``numpy.inf`` or the string ``"inf"`` for the max norm.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``v`` is not a finite non-empty vector or ``ord`` is not 1, 2 or inf.

    Examples
    --------
    >>> norm([3, -4]), norm([3, -4], ord=1), norm([3, -4], ord="inf")
    (5.0, 7.0, 4.0)

    See Also
    --------
    ``numpy.linalg.norm``

    Taught in [Data as vectors](../../foundations/week-2/vectors.md#in-code).

    Taught in
    [Vectors, norms and the dot product](../../linear-algebra/week-3/vectors-and-norms.md#norms-three-ways-to-measure-size).
    """
    return _norm(as_vector(v, "v"), _check_ord(ord))


def dot(u: ArrayLike, v: ArrayLike) -> float:
    r"""The dot product $\mathbf{u} \cdot \mathbf{v} = \sum_i u_i v_i$.

    Parameters
    ----------
    u, v : array_like, shape (n,)

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``u`` or ``v`` is not a finite non-empty vector, or their lengths differ.

    Examples
    --------
    >>> dot([1, 2, 3], [4, -5, 6])
    12.0

    See Also
    --------
    ``numpy.dot``

    Taught in [Vectors, norms and the dot product](../../linear-algebra/week-3/vectors-and-norms.md#the-dot-product).
    """
    a, b = _pair(u, v, "u", "v")
    return float(a @ b)


def cosine_similarity(u: ArrayLike, v: ArrayLike) -> float:
    r"""The cosine of the angle between two vectors, $\dfrac{\mathbf{u}\cdot\mathbf{v}}{\lVert\mathbf{u}\rVert\,\lVert\mathbf{v}\rVert}$.

    1 for the same direction, 0 for orthogonal vectors, -1 for opposite directions.

    Parameters
    ----------
    u, v : array_like, shape (n,)
        Non-zero vectors of the same length.

    Returns
    -------
    float
        In $[-1, 1]$ (clipped against round-off).

    Raises
    ------
    ValueError
        If either vector is zero, not a finite non-empty vector, or the lengths differ.

    Examples
    --------
    >>> cosine_similarity([1, 0], [0, 2]), cosine_similarity([1, 1], [2, 2])
    (0.0, 1.0)

    See Also
    --------
    Taught in [Vectors, norms and the dot product](../../linear-algebra/week-3/vectors-and-norms.md#cosine-similarity).
    """  # noqa: E501
    a, b = _pair(u, v, "u", "v")
    _nonzero_norm(a, "u", "its direction is undefined")
    _nonzero_norm(b, "v", "its direction is undefined")
    # Rescaling a vector does not change its direction; it keeps the squares from overflowing.
    a = a / np.max(np.abs(a))
    b = b / np.max(np.abs(b))
    return float(np.clip((a @ b) / np.sqrt((a @ a) * (b @ b)), -1.0, 1.0))


def angle(u: ArrayLike, v: ArrayLike, degrees: bool = False) -> float:
    r"""The angle between two non-zero vectors, $\theta = \arccos \dfrac{\mathbf{u}\cdot\mathbf{v}}{\lVert\mathbf{u}\rVert\,\lVert\mathbf{v}\rVert}$.

    Parameters
    ----------
    u, v : array_like, shape (n,)
        Non-zero vectors of the same length.
    degrees : bool, default False
        Return degrees instead of radians.

    Returns
    -------
    float
        In $[0, \pi]$ (or $[0, 180]$ degrees).

    Raises
    ------
    ValueError
        If either vector is zero (it has no direction), not a finite non-empty vector,
        or the lengths differ.

    Examples
    --------
    >>> round(angle([1, 0], [1, 1], degrees=True), 6), round(angle([1, 0], [-1, 0]), 6)
    (45.0, 3.141593)

    See Also
    --------
    Taught in [Vectors, norms and the dot product](../../linear-algebra/week-3/vectors-and-norms.md#angle-and-orthogonality).
    """  # noqa: E501
    theta = math.acos(cosine_similarity(u, v))
    return math.degrees(theta) if degrees else theta


def project(u: ArrayLike, onto: ArrayLike) -> FloatArray:
    r"""The vector projection of $\mathbf{u}$ onto the line spanned by $\mathbf{v}$ = ``onto``.

    $$\operatorname{proj}_{\mathbf{v}} \mathbf{u}
      = \frac{\mathbf{u}\cdot\mathbf{v}}{\mathbf{v}\cdot\mathbf{v}}\,\mathbf{v}.$$

    The remainder $\mathbf{u} - \operatorname{proj}_{\mathbf{v}}\mathbf{u}$ is orthogonal
    to $\mathbf{v}$.

    Parameters
    ----------
    u : array_like, shape (n,)
    onto : array_like, shape (n,)
        A non-zero direction.

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        If ``onto`` is the zero vector, or the inputs are not finite vectors of one length.

    Examples
    --------
    >>> project([2, 3], [1, 0]).tolist(), project([1, 2], [1, 1]).tolist()
    ([2.0, 0.0], [1.5, 1.5])

    See Also
    --------
    Taught in [Vectors, norms and the dot product](../../linear-algebra/week-3/vectors-and-norms.md#projection).
    """
    a, direction = _pair(u, onto, "u", "onto")
    _nonzero_norm(direction, "onto", "there is no line to project onto")
    d = direction / np.max(np.abs(direction))  # same line; avoids overflow in d . d
    projection: FloatArray = (a @ d) / (d @ d) * d
    return projection


def distance(u: ArrayLike, v: ArrayLike, ord: float | str = 2) -> float:
    r"""The distance $\lVert \mathbf{u} - \mathbf{v} \rVert$ between two points.

    Parameters
    ----------
    u, v : array_like, shape (n,)
    ord : {1, 2, inf}, default 2
        Which norm (see :func:`norm`): 1 is the Manhattan distance, 2 the Euclidean.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the inputs are not finite vectors of one length or ``ord`` is not 1, 2 or inf.

    Examples
    --------
    >>> distance([1, 1], [4, 5]), distance([1, 1], [4, 5], ord=1)
    (5.0, 7.0)

    See Also
    --------
    Taught in [Data as vectors](../../foundations/week-2/vectors.md#in-code).

    Taught in
    [Vectors, norms and the dot product](../../linear-algebra/week-3/vectors-and-norms.md#norms-three-ways-to-measure-size).
    """
    a, b = _pair(u, v, "u", "v")
    return _norm(a - b, _check_ord(ord))
