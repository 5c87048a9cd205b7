"""HTML the glue writes into pages: inline SVG figures, slider markup, stylesheet links."""

from __future__ import annotations

import html
import re

from mathbook_build.figures import Slider

FRAMES_PLACEHOLDER = "@@mathbook-frames:{key}@@"
FRAMES_PLACEHOLDER_RE = re.compile(r"@@mathbook-frames:(\w+)@@")
SVG_RE = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
SVG_SLOT = "<!--mathbook-svg:{index}-->"
SVG_SLOT_RE = re.compile(r"<!--mathbook-svg:(\d+)-->")


def link_stylesheet(page_html: str, href: str) -> str:
    """``page_html`` with a stylesheet link added at the end of its ``<head>``."""
    return page_html.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)


def inline_svg(svg: str, alt: str, prefix: str) -> str:
    """An SVG file made fit to sit inside a page.

    Drops the XML prolog and the fixed size (CSS sizes it), labels it for screen
    readers, and prefixes its element ids so that two SVGs in one page (two figures, or
    two frames of a slider) never share an id: a clip path found in a hidden frame would
    not clip the visible one.
    """
    svg = svg[svg.index("<svg") :]
    head_end = svg.index(">")
    svg = re.sub(r'\s(width|height)="[^"]*"', "", svg[:head_end], count=2) + svg[head_end:]
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m[1]}"', svg)
    svg = re.sub(r'(url\(#|href="#)([^")]+)', lambda m: f"{m[1]}{prefix}{m[2]}", svg)
    label = html.escape(alt, quote=True)
    return svg.replace("<svg", f'<svg role="img" aria-label="{label}" focusable="false"', 1)


def figure_code(code_html: str) -> str:
    return (
        '<details class="mb-figure-code"><summary>Code for this figure</summary>'
        f"{code_html}</details>"
    )


def static_figure(block_id: str, alt: str, svg: str, details: str) -> str:
    body = inline_svg(svg, alt, f"{block_id}-")
    return f'<div class="mb-figure" id="fig-{block_id}">{body}{details}</div>'


def placeholder_figure(block_id: str, details: str) -> str:
    return (
        f'<div class="mb-figure" id="fig-{block_id}"><p><em>[figure {block_id}: drawing off]'
        f"</em></p>{details}</div>"
    )


def failed_figure(block_id: str) -> str:
    return (
        '<div class="admonition failure"><p class="admonition-title">Figure not available</p>'
        f"<p>The figure <code>{html.escape(block_id)}</code> could not be built.</p></div>"
    )


def frame_html(block_id: str, alt: str, index: int, value: float, svg: str, hidden: bool) -> str:
    label = f"{alt} ({value:g})"
    body = inline_svg(svg, label, f"{block_id}-{index}-")
    return f'<div class="mb-frame"{" hidden" if hidden else ""} data-value="{value:g}">{body}</div>'


def all_frames(block_id: str, alt: str, slider: Slider, svgs: list[str]) -> str:
    """Every frame of a slider figure: the file the page's script fetches when needed."""
    return "".join(
        frame_html(block_id, alt, i, v, svg, hidden=i != slider.start)
        for i, (v, svg) in enumerate(zip(slider.values, svgs, strict=True))
    )


def slider_figure(
    block_id: str, alt: str, slider: Slider, svgs: list[str], details: str, key: str
) -> str:
    """The default frame inline, the slider (shown by the script) and the code."""
    start, name = slider.start, html.escape(slider.name)
    first = frame_html(block_id, alt, start, slider.values[start], svgs[start], hidden=False)
    values = ",".join(f"{v:g}" for v in slider.values)
    shown = f"{slider.values[start]:g}"
    return (
        f'<div class="mb-figure mb-interactive" id="fig-{block_id}" '
        f'data-frames="{FRAMES_PLACEHOLDER.format(key=key)}" data-values="{values}">'
        f'<div class="mb-frames">{first}</div>'
        f'<div class="mb-slider" hidden><label for="slider-{block_id}">{name}</label>'
        f'<input type="range" id="slider-{block_id}" min="0" max="{len(svgs) - 1}" step="1" '
        f'value="{start}" aria-valuetext="{name} = {shown}">'
        f'<output for="slider-{block_id}">{shown}</output></div>'
        f"{details}</div>"
    )
