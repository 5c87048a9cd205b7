"""Runs one figure block and writes its SVG frames (in a worker process of the plugin).

Kept apart from the plugin so that a worker process imports only this small module,
matplotlib and the library; its source is part of the figure cache key.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

from mathbook_build.guard import time_limit

FRAME_SEPARATOR = "\n<!-- frame -->\n"

GEOMETRY_RE = re.compile(r'\s(d|points|transform|x|y|x1|y1|x2|y2|cx|cy|r|rx|ry)="([^"]*)"')
LONG_DECIMAL_RE = re.compile(r"-?\d+\.\d{3,}")


class FigureError(Exception):
    """A figure block raised, made no figure, or ran too long; the message says which
    slider value failed."""


def compact_svg(svg: str) -> str:
    """Matplotlib's SVG with the same drawing in fewer bytes.

    Drops the RDF metadata block, the indentation between tags and the ids nothing
    refers to, and rounds coordinates from six decimals to two (a hundredth of a pixel
    at the figure's own scale, invisible at any zoom a reader uses).
    """

    def rounded(m: re.Match[str]) -> str:
        text = f"{float(m[0]):.2f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text

    def geometry(m: re.Match[str]) -> str:
        value = " ".join(LONG_DECIMAL_RE.sub(rounded, m[2]).split())
        return f' {m[1]}="{value}"'

    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
    svg = GEOMETRY_RE.sub(geometry, svg)
    used = set(re.findall(r'(?:url\(#|href="#)([^")]+)', svg))
    svg = re.sub(r'\sid="([^"]+)"', lambda m: m[0] if m[1] in used else "", svg)
    return re.sub(r">\s+<", "><", svg)


def _summary(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]


def draw_frame(code: str, namespace: dict[str, Any], label: str) -> str:
    """Run the block once in ``namespace`` and return the figure it leaves as SVG."""
    import matplotlib.pyplot as plt

    from mathbook import plot

    plt.close("all")
    with plot.book_style():
        exec(compile(code, f"<figure {label}>", "exec"), namespace)  # noqa: S102
    fig = namespace.get("fig") or (plt.gcf() if plt.get_fignums() else None)
    if fig is None:
        raise FigureError("the block made no figure (assign it to `fig` or draw with pyplot)")
    return compact_svg(plot.to_svg(fig, theme_aware=True))


def draw(
    code: str, name: str | None, frames: list[float] | None, label: str, timeout: float = 0
) -> str:
    """Run a figure block, once per slider value, and return its SVG frames.

    Each run may take at most ``timeout`` seconds (0: no limit). A failure raises
    :class:`FigureError` naming the slider value, e.g. ``at a = -1: ZeroDivisionError``.
    """
    svgs = []
    values: list[float | None] = list(frames) if frames else [None]
    for value in values:
        namespace: dict[str, Any] = {"__name__": "__figure__"}
        where = ""
        if name is not None:
            namespace[name] = value
            where = f"at {name} = {value:g}: "
        try:
            with time_limit(timeout):
                svgs.append(draw_frame(code, namespace, label))
        except FigureError as exc:
            raise FigureError(f"{where}{exc}") from None
        except Exception as exc:
            raise FigureError(f"{where}{_summary(exc)}") from exc
    return FRAME_SEPARATOR.join(svgs)


def start_worker(folder: str) -> None:
    """Worker initialiser: run blocks inside the build's scratch folder, so a block that
    writes a file never writes into the repository; import the drawing libraries now, so
    that a block's time limit counts the block only."""
    os.chdir(folder)
    import matplotlib.pyplot  # noqa: F401

    import mathbook.plot  # noqa: F401


def draw_to_file(
    code: str,
    name: str | None,
    frames: list[float] | None,
    label: str,
    path: str,
    timeout: float = 0,
) -> float:
    """Draw a block into ``path`` (atomically) and return the seconds it took."""
    start = time.perf_counter()
    svg = draw(code, name, frames, label, timeout)
    target = Path(path)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")  # two builds may draw the same figure
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(target)
    return time.perf_counter() - start
