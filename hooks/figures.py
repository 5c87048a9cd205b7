"""MkDocs hook: figures are code in the page, run at build time, cached by content hash.

A lesson writes a figure as a fenced block::

    ```python figure="two-lines" alt="Two lines crossing at (1, 1)"
    from mathbook import plot
    ax = plot.plot_lines([[1, 1], [1, -1]], [2, 0])
    ```

The block must leave a matplotlib figure behind (``fig``, or the current figure).
It is rendered to an inline, theme-aware SVG by ``mathbook.plot.to_svg`` and placed in
the page with its code in a collapsed "Code for this figure" box. A caption, if
wanted, follows as a ``/// caption`` block (``pymdownx.blocks.caption``).

Interactive figures add ``slider="name:start:stop:step"`` (and optionally
``value="..."``): the block is then run once per slider value with ``name`` bound, the
frames are stacked in the page and ``assets/javascripts/book.js`` shows one
at a time. Without JavaScript the reader sees the frame at ``value``.

How it stays fast and honest:

* ``on_files`` scans every page for figure blocks before any page is rendered and
  draws the missing ones in parallel worker processes (one per core), logging
  progress. Results are cached in ``.cache/figures/`` under a hash of the block's
  code, its slider, the ``mathbook`` source tree and the matplotlib version, so an
  unchanged figure is never drawn twice, across builds and ``mkdocs serve`` reloads.
* A figure that raises is reported as a warning naming the page, the line and the
  figure id, so ``mkdocs build --strict`` fails; the page shows a short notice, never
  a traceback with local paths.
* ``alt`` is required: a figure without it is a warning too.
* ``MATHBOOK_FIGURES=off`` skips drawing (placeholders instead) for quick prose edits
  and for the benchmark.

This module holds no mathematics: it runs code and stores text.
"""

from __future__ import annotations

import hashlib
import html
import logging
import multiprocessing
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger("mkdocs.hooks.figures")

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("MATHBOOK_FIGURE_CACHE", ROOT / ".cache" / "figures"))
LIBRARY_DIR = ROOT / "src" / "mathbook"

FENCE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})python[ \t]+(?P<header>[^\n]*\bfigure=[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
OPTION_RE = re.compile(r'(?P<key>[\w-]+)=(?:"(?P<dq>[^"]*)"|\'(?P<sq>[^\']*)\'|(?P<bare>\S+))')
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Block:
    """One figure block as written in a page."""

    page: str
    line: int
    code: str
    options: dict[str, str]

    @property
    def id(self) -> str:
        return self.options.get("figure", "")

    @property
    def frames(self) -> list[float] | None:
        spec = self.options.get("slider")
        return None if spec is None else slider_values(spec)

    @property
    def key(self) -> str:
        return cache_key(self.code, self.options.get("slider"))


def slider_values(spec: str) -> list[float]:
    """``"a:0:2:0.5"`` → ``[0.0, 0.5, 1.0, 1.5, 2.0]`` (both ends included)."""
    try:
        _, start, stop, step = spec.split(":")
        lo, hi, dx = float(start), float(stop), float(step)
    except ValueError:
        raise ValueError(f"slider must read name:start:stop:step, got {spec!r}") from None
    if dx <= 0 or hi <= lo:
        raise ValueError(f"slider needs start < stop and step > 0, got {spec!r}")
    count = int(round((hi - lo) / dx)) + 1
    if count > 61:
        raise ValueError(f"slider {spec!r} has {count} frames; at most 61 keep the page light")
    return [float(v) for v in np.round(np.linspace(lo, hi, count), 10)]


def slider_name(spec: str) -> str:
    name = spec.split(":", 1)[0]
    if not name.isidentifier():
        raise ValueError(f"slider name {name!r} is not a Python identifier")
    return name


def parse_options(header: str) -> dict[str, str]:
    return {
        m["key"]: next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None)
        for m in OPTION_RE.finditer(header)
    }


def dedent_block(body: str, indent: str) -> str:
    lines = body.split("\n")
    return "\n".join(
        line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in lines
    ).rstrip("\n")


def find_blocks(markdown: str, page: str) -> list[Block]:
    blocks = []
    for m in FENCE_RE.finditer(markdown):
        line = markdown.count("\n", 0, m.start()) + 1
        blocks.append(
            Block(page, line, dedent_block(m["body"], m["indent"]), parse_options(m["header"]))
        )
    return blocks


# --------------------------------------------------------------------------- cache


def _library_digest() -> str:
    """Hash of what draws a figure: the library, the worker (which compacts the SVG)
    and matplotlib's version."""
    digest = hashlib.sha256()
    for path in sorted(LIBRARY_DIR.rglob("*.py")):
        digest.update(path.relative_to(LIBRARY_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(Path(figure_worker.__file__).read_bytes())
    import matplotlib

    digest.update(matplotlib.__version__.encode())
    return digest.hexdigest()


_LIBRARY_DIGEST = ""


def cache_key(code: str, slider: str | None) -> str:
    payload = f"{_LIBRARY_DIGEST}\0{slider or ''}\0{code}".encode()
    return hashlib.sha256(payload).hexdigest()[:24]


def cache_path(key: str) -> Path:
    return CACHE_DIR / f"{key}.svg"


# --------------------------------------------------------------------------- drawing

# Worker processes import the drawing code by module name, so it lives in an
# importable module beside this hook. MkDocs restores sys.path after loading hooks;
# `_importable_hooks_dir` puts this folder back before workers (which copy the
# parent's sys.path) are spawned.
HOOKS_DIR = str(Path(__file__).parent)
sys.path.append(HOOKS_DIR)
import figure_worker  # noqa: E402


def _importable_hooks_dir() -> None:
    if HOOKS_DIR not in sys.path:
        sys.path.append(HOOKS_DIR)


FRAME_SEPARATOR = figure_worker.FRAME_SEPARATOR


def _draw_args(
    block_id: str, page: str, code: str, slider: str | None, key: str
) -> tuple[Any, ...]:
    name = slider_name(slider) if slider else None
    frames = slider_values(slider) if slider else None
    return (code, name, frames, f"{block_id} in {page}", str(cache_path(key)))


def _error_summary(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]


# --------------------------------------------------------------------------- hook state

ENABLED = os.environ.get("MATHBOOK_FIGURES", "on").lower() not in {"off", "0", "false", "no"}
_errors: dict[str, str] = {}  # cache key -> error summary of blocks that failed this build
_current_page = "?"
_current_lines: dict[str, int] = {}  # figure id -> line of its fence, in that page


def on_config(config: Any) -> Any:
    global _LIBRARY_DIGEST
    _LIBRARY_DIGEST = _library_digest()
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(f.get("format") is format_figure for f in fences):
        # superfences tries custom fences last-to-first: appending gives figures priority
        fences.append(
            {"name": "python", "class": "python", "validator": validate, "format": format_figure}
        )
    return config


def on_files(files: Any, config: Any) -> Any:
    """Draw every missing figure of the site, in parallel, before pages are rendered."""
    global _LIBRARY_DIGEST
    _LIBRARY_DIGEST = _library_digest()  # the library may have changed during `serve`
    _errors.clear()
    _frame_files.clear()
    if not ENABLED:
        log.info("figures: drawing is off (MATHBOOK_FIGURES=off)")
        return files
    blocks: dict[str, Block] = {}
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        for block in find_blocks(text, file.src_uri):
            blocks.setdefault(block.key, block)
    missing = [b for b in blocks.values() if not cache_path(b.key).exists()]
    if not missing:
        log.info(f"figures: all {len(blocks)} figures cached")
        return files
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    workers = min(len(missing), os.cpu_count() or 1)
    log.info(
        f"figures: drawing {len(missing)} of {len(blocks)} figures "
        f"({len(blocks) - len(missing)} cached) with {workers} worker(s)"
    )
    start = time.perf_counter()
    _importable_hooks_dir()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
    ) as pool:
        futures = {
            pool.submit(
                figure_worker.draw_to_file,
                *_draw_args(b.id, b.page, b.code, b.options.get("slider"), b.key),
            ): b
            for b in missing
        }
        for done, future in enumerate(as_completed(futures), start=1):
            block = futures[future]
            try:
                seconds = future.result()
                log.info(
                    f"figures: [{done}/{len(missing)}] {block.page}#{block.id} ({seconds:.1f} s)"
                )
            except Exception as exc:  # also reported per page by format_figure
                _errors[block.key] = _error_summary(exc)
                log.info(f"figures: [{done}/{len(missing)}] {block.page}#{block.id} failed")
    log.info(f"figures: drew {len(missing)} in {time.perf_counter() - start:.1f} s")
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    global _current_page, _current_lines
    _current_page = page.file.src_uri
    _current_lines = {block.id: block.line for block in find_blocks(markdown, _current_page)}
    return markdown


# --------------------------------------------------------------------------- the fence


def validate(
    language: str, inputs: dict[str, str], options: dict[str, str], attrs: dict[str, str], md: Any
) -> bool:
    if "figure" not in inputs:
        return False
    options.update(inputs)
    return True


def _problem(block_id: str, message: str) -> str:
    line = _current_lines.get(block_id)
    where = f"{_current_page}:{line}" if line else _current_page
    log.warning(f"figure '{block_id}' in {where}: {message}")
    return (
        '<div class="admonition failure"><p class="admonition-title">Figure not available</p>'
        f"<p>The figure <code>{html.escape(block_id)}</code> could not be built.</p></div>"
    )


def format_figure(
    src: str, language: str, css_class: str, options: dict[str, str], md: Any, **_: Any
) -> str:
    """Superfences formatter: never raises (superfences would drop the block silently)."""
    try:
        return _format_figure(src, options, md)
    except Exception as exc:
        return _problem(options.get("figure", "?"), _error_summary(exc))


def _format_figure(src: str, options: dict[str, str], md: Any) -> str:
    block_id = options.get("figure", "")
    if not ID_RE.match(block_id):
        return _problem(block_id, "figure= needs an id of lowercase letters, digits and dashes")
    alt = options.get("alt", "").strip()
    if not alt:
        return _problem(block_id, 'alt="…" is required: describe what the figure shows')
    slider = options.get("slider")
    try:
        frames = slider_values(slider) if slider else None
        if slider:
            slider_name(slider)
    except ValueError as exc:
        return _problem(block_id, str(exc))
    code_html = md.preprocessors["fenced_code_block"].highlight(
        src=src, language="python", options={}, md=md, classes=[], id_value="", attrs={}
    )
    details = (
        '<details class="mb-figure-code"><summary>Code for this figure</summary>'
        f"{code_html}</details>"
    )
    if not ENABLED:
        return f'<div class="mb-figure" id="fig-{block_id}"><p><em>[figure {block_id}: drawing off]</em></p>{details}</div>'
    key = cache_key(src, slider)
    if key in _errors:
        return _problem(block_id, _errors[key])
    path = cache_path(key)
    if not path.exists():  # not seen by the pre-pass (e.g. a block built by a macro)
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            figure_worker.draw_to_file(*_draw_args(block_id, _current_page, src, slider, key))
        except Exception as exc:
            _errors[key] = _error_summary(exc)
            return _problem(block_id, _errors[key])
    svgs = path.read_text(encoding="utf-8").split(FRAME_SEPARATOR)
    if frames is None:
        body = _inline_svg(svgs[0], alt, f"{block_id}-")
        return f'<div class="mb-figure" id="fig-{block_id}">{body}{details}</div>'
    return _slider_figure(
        block_id, alt, slider or "", frames, svgs, options.get("value"), details, key
    )


def _inline_svg(svg: str, alt: str, prefix: str) -> str:
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


FRAMES_URL = "assets/figures/{key}.html"
_frame_files: dict[str, str] = {}  # key -> HTML of all frames of a slider figure, for on_post_build


def _frame_html(block_id: str, alt: str, index: int, value: float, svg: str, hidden: bool) -> str:
    label = f"{alt} ({value:g})"
    body = _inline_svg(svg, label, f"{block_id}-{index}-")
    return f'<div class="mb-frame"{" hidden" if hidden else ""} data-value="{value:g}">{body}</div>'


def _slider_figure(
    block_id: str,
    alt: str,
    spec: str,
    frames: list[float],
    svgs: list[str],
    value: str | None,
    details: str,
    key: str,
) -> str:
    """The default frame inline; all frames in a file the script fetches when needed."""
    name = slider_name(spec)
    start = 0
    if value is not None:
        start = int(np.argmin(np.abs(np.asarray(frames) - float(value))))
    _frame_files[key] = "".join(
        _frame_html(block_id, alt, i, v, svg, hidden=i != start)
        for i, (v, svg) in enumerate(zip(frames, svgs, strict=True))
    )
    first = _frame_html(block_id, alt, start, frames[start], svgs[start], hidden=False)
    values = ",".join(f"{v:g}" for v in frames)
    return (
        f'<div class="mb-figure mb-interactive" id="fig-{block_id}" '
        f'data-frames="{FRAMES_PLACEHOLDER.format(key=key)}" data-values="{values}">'
        f'<div class="mb-frames">{first}</div>'
        f'<div class="mb-slider" hidden><label for="slider-{block_id}">{html.escape(name)}</label>'
        f'<input type="range" id="slider-{block_id}" min="0" max="{len(frames) - 1}" step="1" '
        f'value="{start}" aria-valuetext="{html.escape(name)} = {frames[start]:g}">'
        f'<output for="slider-{block_id}">{frames[start]:g}</output></div>'
        f"{details}</div>"
    )


FRAMES_PLACEHOLDER = "@@mathbook-frames:{key}@@"
FRAMES_PLACEHOLDER_RE = re.compile(r"@@mathbook-frames:(\w+)@@")


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Point each slider figure at its frames file, relative to the page."""
    from mkdocs.utils import get_relative_url

    return FRAMES_PLACEHOLDER_RE.sub(
        lambda m: get_relative_url(FRAMES_URL.format(key=m[1]), page.url), output
    )


def on_post_build(config: Any) -> None:
    target = Path(config.site_dir) / "assets" / "figures"
    target.mkdir(parents=True, exist_ok=True)
    for key, frames in _frame_files.items():
        (target / f"{key}.html").write_text(frames, encoding="utf-8")
