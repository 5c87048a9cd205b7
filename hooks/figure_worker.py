"""Runs one figure block and writes its SVG (imported by hooks/figures.py and its workers).

Kept apart from the hook because worker processes must import the function they run,
and MkDocs loads hook files without making them importable.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

FRAME_SEPARATOR = "\n<!-- frame -->\n"


GEOMETRY_RE = re.compile(r'\s(d|points|transform|x|y|x1|y1|x2|y2|cx|cy|r|rx|ry)="([^"]*)"')
LONG_DECIMAL_RE = re.compile(r"-?\d+\.\d{3,}")


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


def draw(code: str, name: str | None, frames: list[float] | None, label: str) -> str:
    """Run a figure block, once per slider value, and return its SVG frames."""
    import matplotlib.pyplot as plt

    from mathbook import plot

    svgs = []
    for value in frames or [None]:
        namespace: dict[str, Any] = {"__name__": "__figure__"}
        if name is not None:
            namespace[name] = value
        plt.close("all")
        with plot.book_style():
            exec(compile(code, f"<figure {label}>", "exec"), namespace)  # noqa: S102
        fig = namespace.get("fig") or (plt.gcf() if plt.get_fignums() else None)
        if fig is None:
            raise ValueError("the block made no figure (assign it to `fig` or draw with pyplot)")
        svgs.append(compact_svg(plot.to_svg(fig, theme_aware=True)))
    return FRAME_SEPARATOR.join(svgs)


def draw_to_file(
    code: str, name: str | None, frames: list[float] | None, label: str, path: str
) -> float:
    """Draw a block into ``path`` (atomically) and return the seconds it took."""
    start = time.perf_counter()
    svg = draw(code, name, frames, label)
    target = Path(path)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")  # two builds may draw the same figure
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(target)
    return time.perf_counter() - start
