r"""The book's one visual style and the figure helpers its lessons use.

Every figure in the book is drawn by code that calls this module, so the same roles
get the same colours everywhere and every figure reads well on the site's light and
dark schemes:

* the background is transparent;
* axes, ticks, labels and grid are drawn in :data:`FOREGROUND`, which
  :func:`to_svg` can turn into the CSS keyword ``currentColor`` so an inline SVG
  takes the page's text colour (dark on the light scheme, light on the dark one);
* data series use :data:`PALETTE`, mid-tone colours with a contrast of at least 3:1
  against both white and Material's dark slate background.

Examples
--------
>>> from mathbook import plot
>>> fig, ax = plot.figure()
>>> _ = ax.plot([0, 1], [0, 1])
>>> svg = plot.to_svg(fig)
>>> svg.lstrip().startswith("<?xml")
True
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib

matplotlib.use("Agg")  # figures are files, never windows; must precede pyplot

import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from mathbook._validate import (
    InputError,
    as_matrix,
    as_scalar,
    as_vector,
    check_callable,
    check_int,
)

__all__ = [
    "FOREGROUND",
    "PALETTE",
    "STYLE",
    "book_style",
    "figure",
    "figure_3d",
    "line_through",
    "plot_lines",
    "plot_planes",
    "plot_residuals",
    "plot_tangent",
    "plot_vectors",
    "to_svg",
]

FOREGROUND = "#303132"
"""Colour of axes, ticks, text and grid; :func:`to_svg` can map it to ``currentColor``."""

PALETTE: tuple[str, ...] = (
    "#3b82f6",  # blue   — first series, first equation
    "#d97706",  # amber  — second series
    "#059669",  # green  — third series
    "#dc2626",  # red    — highlights: solutions, errors, the point to notice
    "#a855f7",  # purple
    "#0891b2",  # teal
)
"""Series colours, in the order a figure uses them."""

HIGHLIGHT = PALETTE[3]

STYLE: dict[str, Any] = {
    "figure.figsize": (6.0, 4.0),
    "figure.dpi": 100,
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "savefig.bbox": "tight",
    "axes.facecolor": "none",
    "axes.edgecolor": FOREGROUND,
    "axes.labelcolor": FOREGROUND,
    "axes.titlecolor": FOREGROUND,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "grid.color": FOREGROUND,
    "grid.alpha": 0.15,
    "grid.linewidth": 0.8,
    "xtick.color": FOREGROUND,
    "ytick.color": FOREGROUND,
    "xtick.labelcolor": FOREGROUND,
    "ytick.labelcolor": FOREGROUND,
    "text.color": FOREGROUND,
    "legend.frameon": False,
    "legend.fontsize": 10,
    "lines.linewidth": 2.2,
    "lines.markersize": 7,
    "font.size": 11,
    "font.family": "sans-serif",
    "mathtext.fontset": "dejavusans",
    "svg.fonttype": "none",  # text stays text: smaller, selectable, takes the page font
    "svg.hashsalt": "mathbook",  # element ids are stable from build to build
    "svg.image_inline": True,
}
"""The rcParams of the book style (applied by :func:`book_style`)."""


@contextmanager
def book_style() -> Iterator[None]:
    """Context manager: draw with the book's style, restoring the previous one after.

    Examples
    --------
    >>> from mathbook import plot
    >>> with plot.book_style():
    ...     fig, ax = plot.figure()
    """
    style: Any = STYLE  # matplotlib types rc keys as literals; ours are checked at import
    with matplotlib.rc_context(style):
        yield


def figure(
    width: float = 6.0, height: float = 4.0, *, nrows: int = 1, ncols: int = 1
) -> tuple[Figure, Any]:
    """A new figure in the book style, and its axes (an array of axes if a grid).

    Examples
    --------
    >>> from mathbook import plot
    >>> fig, axes = plot.figure(8, 3, ncols=2)
    >>> len(axes)
    2
    """
    nrows = check_int(nrows, "nrows", minimum=1)
    ncols = check_int(ncols, "ncols", minimum=1)
    with book_style():
        fig, ax = plt.subplots(nrows, ncols, figsize=(width, height))
    return fig, ax


def figure_3d(width: float = 6.0, height: float = 5.0) -> tuple[Figure, Any]:
    """A new figure with one 3-D axes, styled for light and dark pages."""
    with book_style():
        fig = plt.figure(figsize=(width, height))
        ax = fig.add_subplot(projection="3d")
        for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
            axis.set_pane_color((0.0, 0.0, 0.0, 0.0))
            axis.line.set_color(FOREGROUND)
            axis._axinfo["grid"]["color"] = (0.19, 0.19, 0.2, 0.15)
    return fig, ax


def to_svg(fig: Figure, *, theme_aware: bool = False, close: bool = True) -> str:
    r"""Serialise a figure to SVG text whose bytes do not change from run to run.

    The date metadata is dropped and element ids come from a fixed salt (see
    :data:`STYLE`), so the same figure code gives the same file every time.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to save.
    theme_aware : bool
        Replace :data:`FOREGROUND` with ``currentColor``, so that an SVG placed inline
        in a web page draws its axes and text in the page's text colour.
    close : bool
        Close the figure after saving (frees its memory).

    Examples
    --------
    >>> from mathbook import plot
    >>> fig, ax = plot.figure()
    >>> _ = ax.set_xlabel("x")
    >>> "currentColor" in plot.to_svg(fig, theme_aware=True)
    True
    """
    if not isinstance(fig, Figure):
        raise InputError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    buffer = io.StringIO()
    with book_style():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    if close:
        plt.close(fig)
    svg = buffer.getvalue()
    if theme_aware:
        svg = re.sub(re.escape(FOREGROUND), "currentColor", svg, flags=re.IGNORECASE)
    return svg


def line_through(
    a: float, b: float, c: float, xlim: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray]:
    r"""Two end points of the line $a x + b y = c$ inside the window ``xlim``.

    A vertical line ($b = 0$) is returned as two points with the same $x$.
    Raises ``ValueError`` if $a = b = 0$ (the equation does not describe a line).
    """
    if a == 0 and b == 0:
        raise ValueError("the equation 0x + 0y = c does not describe a line (a = b = 0)")
    if b == 0:
        x = np.array([c / a, c / a])
        y = np.array([xlim[0], xlim[1]]) * 10.0
        return x, y
    x = np.array([xlim[0], xlim[1]], dtype=float) * 10.0
    return x, (c - a * x) / b


def _fmt_coef(value: float) -> str:
    return f"{value:g}"


def _equation_label(row: np.ndarray, rhs: float, names: Sequence[str]) -> str:
    terms = []
    for coef, name in zip(row, names, strict=True):
        if coef == 0:
            continue
        sign = "-" if coef < 0 else "+"
        magnitude = abs(coef)
        body = name if magnitude == 1 else f"{_fmt_coef(magnitude)}{name}"
        terms.append((sign, body))
    if not terms:
        return f"0 = {_fmt_coef(rhs)}"
    first_sign, first_body = terms[0]
    text = ("-" if first_sign == "-" else "") + first_body
    for sign, body in terms[1:]:
        text += f" {sign} {body}"
    return f"${text} = {_fmt_coef(rhs)}$"


def plot_lines(
    A: ArrayLike,
    b: ArrayLike,
    *,
    ax: Axes | None = None,
    xlim: tuple[float, float] = (-5.0, 5.0),
    ylim: tuple[float, float] = (-5.0, 5.0),
    solution: ArrayLike | None = None,
    labels: Sequence[str] | None = None,
) -> Axes:
    r"""Draw each equation $a_{i1} x + a_{i2} y = b_i$ of a 2-variable system as a line.

    Parameters
    ----------
    A : array_like, shape (m, 2)
        Coefficients, one row per equation.
    b : array_like, shape (m,)
        Right-hand sides.
    ax : Axes, optional
        Where to draw; a new book-style figure if omitted.
    xlim, ylim : tuple of float
        The window shown.
    solution : array_like, shape (2,), optional
        A point to mark (the unique solution, if there is one).
    labels : sequence of str, optional
        Legend labels; by default each equation written out.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from mathbook import plot
    >>> ax = plot.plot_lines([[1, 1], [1, -1]], [2, 0], solution=[1, 1])
    >>> ax.get_legend_handles_labels()[1]
    ['$x + y = 2$', '$x - y = 0$', 'solution']
    """
    A_ = as_matrix(A, "A")
    if A_.shape[1] != 2:
        raise ValueError(f"A must have 2 columns (x and y), got shape {A_.shape}")
    b_ = as_vector(b, "b", size=A_.shape[0])
    if labels is not None and len(labels) != A_.shape[0]:
        raise ValueError(f"labels must have one entry per equation ({A_.shape[0]})")
    if ax is None:
        _, ax = figure()
    with book_style():
        for i, (row, rhs) in enumerate(zip(A_, b_, strict=True)):
            label = labels[i] if labels is not None else _equation_label(row, rhs, ("x", "y"))
            x, y = line_through(row[0], row[1], rhs, xlim)
            # coincident lines: dash the later ones so both stay visible
            style = "-" if i == 0 else (0, (6, 4))
            ax.plot(x, y, linestyle=style, color=PALETTE[i % len(PALETTE)], label=label)
        if solution is not None:
            point = as_vector(solution, "solution", size=2)
            ax.plot(*point, "o", color=HIGHLIGHT, zorder=5, label="solution")
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_aspect("equal")
        ax.axhline(0, color=FOREGROUND, linewidth=0.8, alpha=0.5)
        ax.axvline(0, color=FOREGROUND, linewidth=0.8, alpha=0.5)
        ax.set_xlabel("$x$")
        ax.set_ylabel("$y$")
        ax.legend(loc="upper left", fontsize=9)
    return ax


def plot_planes(
    A: ArrayLike,
    b: ArrayLike,
    *,
    ax: Any = None,
    lim: float = 4.0,
    solution: ArrayLike | None = None,
    resolution: int = 2,
) -> Any:
    r"""Draw each equation $a_{i1} x + a_{i2} y + a_{i3} z = b_i$ as a plane in 3-D.

    Each plane is drawn over the square $[-\text{lim}, \text{lim}]^2$ of the two
    coordinates it can be solved for (its largest coefficient's variable is computed
    from the other two), so vertical planes are drawn too.

    Returns
    -------
    mpl_toolkits.mplot3d.Axes3D

    Examples
    --------
    >>> from mathbook import plot
    >>> ax = plot.plot_planes([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, 2, 3])
    >>> len(ax.collections)
    3
    """
    A_ = as_matrix(A, "A")
    if A_.shape[1] != 3:
        raise ValueError(f"A must have 3 columns (x, y and z), got shape {A_.shape}")
    b_ = as_vector(b, "b", size=A_.shape[0])
    resolution = check_int(resolution, "resolution", minimum=2)
    if np.any(np.all(A_ == 0, axis=1)):
        raise ValueError("A has a zero row: that equation does not describe a plane")
    if ax is None:
        _, ax = figure_3d()
    grid = np.linspace(-lim, lim, resolution)
    u, v = np.meshgrid(grid, grid)
    with book_style():
        for i, (row, rhs) in enumerate(zip(A_, b_, strict=True)):
            k = int(np.argmax(np.abs(row)))  # solve for the variable with the largest coefficient
            others = [j for j in range(3) if j != k]
            coords: list[np.ndarray] = [np.empty_like(u)] * 3
            coords[others[0]], coords[others[1]] = u, v
            coords[k] = (rhs - row[others[0]] * u - row[others[1]] * v) / row[k]
            ax.plot_surface(
                *coords,
                color=PALETTE[i % len(PALETTE)],
                alpha=0.45,
                edgecolor=PALETTE[i % len(PALETTE)],
                linewidth=0.6,
                shade=False,
                label=_equation_label(row, rhs, ("x", "y", "z")),
            )
        if solution is not None:
            point = as_vector(solution, "solution", size=3)
            ax.scatter(*point, color=HIGHLIGHT, s=50, depthshade=False, zorder=10)
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_zlim(-lim, lim)
        ax.set_xlabel("$x$")
        ax.set_ylabel("$y$")
        ax.set_zlabel("$z$")
        ax.legend(loc="upper left", fontsize=9)
    return ax


def plot_tangent(
    f: Callable[[float], float],
    x0: float,
    *,
    xlim: tuple[float, float],
    ax: Axes | None = None,
    label: str = "$f(x)$",
    num: int = 200,
) -> Axes:
    r"""Draw $y = f(x)$ over ``xlim`` with its tangent at $x_0$ and the point of tangency.

    The tangent is $y = f(x_0) + f'(x_0)(x - x_0)$, with the slope $f'(x_0)$ from
    :func:`mathbook.calculus.tangent_line` (a central difference); the legend prints the
    slope.

    Parameters
    ----------
    f : callable
        The function, called with one float at a time.
    x0 : float
        The point of tangency, finite and inside ``xlim``.
    xlim : tuple of float
        The window $(x_{\min}, x_{\max})$ drawn, with $x_{\min} < x_{\max}$.
    ax : Axes, optional
        Where to draw; a new book-style figure if omitted.
    label : str
        Legend label of the curve.
    num : int
        Number of points on the curve, at least 2.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``f`` is not callable or not finite on the window, ``x0`` is not finite or lies
        outside ``xlim``, ``xlim`` is not increasing, or ``num`` is below 2.

    See Also
    --------
    Taught in
    [Rates of change and the update rule](../../foundations/week-1/update-rule.md#the-derivative-the-slope-where-you-stand).

    Examples
    --------
    The tangent to $x^2$ at $x_0 = 1$ has slope $2$:

    >>> from mathbook import plot
    >>> ax = plot.plot_tangent(lambda x: x**2, 1.0, xlim=(-2.0, 2.0))
    >>> ax.get_legend_handles_labels()[1]
    ['$f(x)$', 'tangent, slope 2', '$x_0 = 1$']
    """
    from mathbook.calculus import tangent_line  # plot stays importable without calculus

    check_callable(f, "f")
    point = as_scalar(x0, "x0")
    window = as_vector(xlim, "xlim", size=2)
    if not window[0] < window[1]:
        raise InputError(f"xlim must be increasing (low < high), got {tuple(window.tolist())}")
    if not window[0] <= point <= window[1]:
        raise InputError(f"x0 = {point:g} must lie inside xlim = {tuple(window.tolist())}")
    num = check_int(num, "num", minimum=2)
    xs = np.linspace(window[0], window[1], num)
    ys = np.array([float(f(float(x))) for x in xs])
    if not np.all(np.isfinite(ys)):
        raise InputError("f is not finite everywhere on xlim; choose a narrower window")
    tangent = tangent_line(f, point)
    if ax is None:
        _, ax = figure()
    with book_style():
        ax.plot(xs, ys, color=PALETTE[0], label=label)
        ax.plot(
            window,
            tangent.slope * window + tangent.intercept,
            color=PALETTE[1],
            linestyle=(0, (6, 4)),
            label=f"tangent, slope {tangent.slope:.3g}",
        )
        ax.plot(point, float(f(point)), "o", color=HIGHLIGHT, zorder=5, label=f"$x_0 = {point:g}$")
        ax.set_xlim(window[0], window[1])
        pad = 0.1 * float(ys.max() - ys.min() or 1.0)
        ax.set_ylim(float(ys.min()) - pad, float(ys.max()) + pad)
        ax.legend(loc="upper center", fontsize=9)
    return ax


def plot_vectors(
    vectors: ArrayLike,
    *,
    origins: ArrayLike | None = None,
    labels: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Draw 2-D vectors as arrows, each from its origin (default $\mathbf{0}$) to its tip.

    Arrow $k$ runs from $\mathbf{o}_k$ to $\mathbf{o}_k + \mathbf{v}_k$, so tip-to-tail
    addition $\mathbf{u} + \mathbf{v}$ is drawn by starting $\mathbf{v}$ at $\mathbf{u}$.
    The axes have equal scales (a length on the page is a length in the plane) and
    include the origin and every tip.

    Parameters
    ----------
    vectors : array_like, shape (k, 2)
        One vector per row, finite.
    origins : array_like, shape (k, 2), optional
        Where each arrow starts; the origin if omitted.
    labels : sequence of str, optional
        One legend label per vector.
    ax : Axes, optional
        Where to draw; a new book-style figure if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``vectors`` is not a finite array of shape (k, 2), ``origins`` does not have
        its shape, or ``labels`` does not have one label per vector.

    See Also
    --------
    Taught in [Data as vectors](../../foundations/week-2/vectors.md#addition-and-subtraction).

    Examples
    --------
    The sum $(2, 1) + (1, 3) = (3, 4)$, drawn tip to tail:

    >>> from mathbook import plot
    >>> ax = plot.plot_vectors([[2, 1], [1, 3], [3, 4]], origins=[[0, 0], [2, 1], [0, 0]])
    >>> len(ax.texts)
    3
    """
    arrows = as_matrix(vectors, "vectors")
    if arrows.shape[1] != 2:
        raise InputError(f"vectors must have shape (k, 2), got {arrows.shape}")
    starts = np.zeros_like(arrows) if origins is None else as_matrix(origins, "origins")
    if starts.shape != arrows.shape:
        raise InputError(
            f"origins must have the shape of vectors, {arrows.shape}, got {starts.shape}"
        )
    if labels is not None and len(labels) != len(arrows):
        raise InputError(f"labels must have {len(arrows)} entries (one per vector), got {len(labels)}")
    if ax is None:
        _, ax = figure(5, 5)
    tips = starts + arrows
    with book_style():
        for k, (start, tip) in enumerate(zip(starts, tips, strict=True)):
            colour = PALETTE[k % len(PALETTE)]
            ax.annotate(
                "", xy=tuple(tip), xytext=tuple(start),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.2, "mutation_scale": 16},
            )
            if labels is not None:
                ax.plot([], [], color=colour, label=labels[k])
        corners = np.vstack([np.zeros((1, 2)), starts, tips])
        low, high = corners.min(axis=0) - 0.5, corners.max(axis=0) + 0.5
        ax.set_xlim(low[0], high[0])
        ax.set_ylim(low[1], high[1])
        ax.set_aspect("equal")
        ax.axhline(0, color=FOREGROUND, linewidth=0.8)
        ax.axvline(0, color=FOREGROUND, linewidth=0.8)
        if labels is not None:
            ax.legend(loc="upper left", fontsize=9)
    return ax


def plot_residuals(
    x: ArrayLike,
    y: ArrayLike,
    y_hat: ArrayLike,
    *,
    ax: Axes | None = None,
) -> Axes:
    r"""Draw data, a fitted line and each residual $r_i = y_i - \hat{y}_i$ as a vertical segment.

    The points $(x_i, y_i)$, the predictions $(x_i, \hat{y}_i)$ joined in order of $x$,
    and a segment from each prediction to its point: its signed height is the
    residual, and the legend prints the squared length
    $\lVert \mathbf{r} \rVert^2 = \sum_i r_i^2$.

    Parameters
    ----------
    x, y, y_hat : array_like, shape (m,)
        One feature, the targets and the predictions, finite and of one length.
    ax : Axes, optional
        Where to draw; a new book-style figure if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If the inputs are not finite vectors of one length.

    See Also
    --------
    Taught in [Data as vectors](../../foundations/week-2/vectors.md#the-residual-vector).

    Examples
    --------
    >>> from mathbook import plot
    >>> ax = plot.plot_residuals([1, 2, 3], [2, 3, 7], [2, 4, 6])
    >>> ax.get_legend_handles_labels()[1]
    ['data $y$', 'prediction $\\hat{y}$', 'residuals, $\\|\\mathbf{r}\\|^2 = 2$']
    """
    xs = as_vector(x, "x")
    ys = as_vector(y, "y", size=len(xs))
    preds = as_vector(y_hat, "y_hat", size=len(xs))
    if ax is None:
        _, ax = figure(5, 4)
    order = np.argsort(xs)
    squared = float(np.sum((ys - preds) ** 2))
    with book_style():
        ax.plot(xs, ys, "o", color=PALETTE[0], zorder=5, label="data $y$")
        ax.plot(xs[order], preds[order], color=PALETTE[1], label="prediction $\\hat{y}$")
        ax.vlines(xs, preds, ys, color=HIGHLIGHT, linewidth=2,
                  label=f"residuals, $\\|\\mathbf{{r}}\\|^2 = {squared:.4g}$")
        ax.legend(loc="upper left", fontsize=9)
    return ax
