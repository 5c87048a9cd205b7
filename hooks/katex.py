"""MkDocs hook: render all math to HTML at build time with KaTeX; no math script ships.

``pymdownx.arithmatex`` (generic mode) leaves ``\\(...\\)`` and ``\\[...\\]`` inside
``<span class="arithmatex">`` / ``<div class="arithmatex">``; lab pages from
mkdocs-jupyter keep ``$...$`` / ``$$...$$`` in their Markdown cells. After each page
is rendered, this hook sends every formula to one long-lived ``node`` process running
KaTeX (installed from npm, pinned in ``package.json``) and puts the HTML (with MathML
for screen readers) in its place. The site then only needs KaTeX's stylesheet and
the WOFF2 fonts it references; pages without math do not link them. ``on_post_build``
writes each font face cut down to the characters the book's formulas draw *in that face*
(``mathbook_build.katex_fonts`` applies KaTeX's stylesheet to each rendering to know which
face draws what; bold, for example, keeps a dozen letters), with fontTools, cached per
user in ``~/.cache/mathbook/katex-fonts`` by face and characters, so a rebuild that adds
no new symbol reuses them.

A formula KaTeX cannot parse is a warning naming the page and line, with the formula as
written (``--strict`` fails).
Rendered formulas are memoised for the life of the process (``mkdocs serve``).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from fontTools import subset
from mkdocs.utils import get_relative_url

from mathbook_build.cache import user_cache
from mathbook_build.html import link_stylesheet
from mathbook_build.katex_fonts import FontRules, characters_by_face
from mathbook_build.page_checks import line_of

log = logging.getLogger("mkdocs.hooks.katex")

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
KATEX_DIST = NODE_MODULES / "katex" / "dist"
SCRIPT = Path(__file__).with_name("katex-render.cjs")
CSS_URL = "assets/katex/katex.min.css"

ARITHMATEX_RE = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])</(?P=tag)>',
    re.DOTALL,
)
# Notebook Markdown cells: $$...$$ first, then $...$ (not $ followed by a digit-space price)
NOTEBOOK_CELL_RE = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL
)
DISPLAY_DOLLARS_RE = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
INLINE_DOLLARS_RE = re.compile(r"(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![\w$])")
SKIP_RE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL)


class KatexRenderer:
    """A KaTeX process that renders one formula per request."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._memo: dict[tuple[str, bool], tuple[str | None, str | None]] = {}

    def _start(self) -> subprocess.Popen[str]:
        node = Path(sys.executable).with_name("node")
        executable = str(node) if node.exists() else shutil.which("node")
        if executable is None or not (NODE_MODULES / "katex").is_dir():
            raise RuntimeError(
                "KaTeX is not installed: run `make env` (installs node and node_modules)"
            )
        return subprocess.Popen(
            [executable, str(SCRIPT), str(NODE_MODULES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )

    def render(self, tex: str, display: bool) -> tuple[str | None, str | None]:
        """Return ``(html, None)`` or ``(None, error message)``."""
        key = (tex, display)
        if key not in self._memo:
            if self._process is None or self._process.poll() is not None:
                self._process = self._start()
            assert self._process.stdin and self._process.stdout
            self._process.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
            self._process.stdin.flush()
            reply = json.loads(self._process.stdout.readline())
            self._memo[key] = (reply.get("html"), reply.get("error"))
        return self._memo[key]

    def close(self) -> None:
        if self._process is not None:
            self._process.stdin.close()  # type: ignore[union-attr]
            self._process.wait(timeout=10)
            self._process = None


_renderer = KatexRenderer()
_font_rules = FontRules.from_katex(KATEX_DIST)
# Characters drawn by the formulas rendered in this process, per font face. Only grows:
# under `mkdocs serve --dirty` a rebuild renders some pages only, and the fonts must
# still cover the others.
_used: dict[str, set[str]] = {}


@functools.cache
def _faces(rendered: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The characters each face draws in one rendering (the same formula recurs often)."""
    found = characters_by_face(rendered, _font_rules)
    return tuple((face, frozenset(characters)) for face, characters in found.items())


def _render(tex: str, display: bool, page: Any) -> str | None:
    rendered, error = _renderer.render(tex, display)
    if error is not None or rendered is None:
        line = line_of(page.markdown or "", tex.strip().splitlines()[0]) if tex.strip() else None
        where = f"{page.file.src_uri}:{line}" if line else page.file.src_uri
        log.warning(f"math in {where}: KaTeX cannot render {tex.strip()}\n  {error}")
        return None
    for face, characters in _faces(rendered):
        _used.setdefault(face, set()).update(characters)
    return rendered


def render_arithmatex(page_html: str, page: Any) -> tuple[str, int]:
    count = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal count
        display = m["open"] == "\\["
        rendered = _render(html.unescape(m["tex"]), display, page)
        if rendered is None:
            return m[0]
        count += 1
        return rendered

    return ARITHMATEX_RE.sub(replace, page_html), count


def render_notebook_math(page_html: str, page: Any) -> tuple[str, int]:
    count = 0

    def render_text(segment: str) -> str:
        nonlocal count

        def repl(display: bool) -> Any:
            def inner(m: re.Match[str]) -> str:
                nonlocal count
                rendered = _render(html.unescape(m[1]), display, page)
                if rendered is None:
                    return m[0]
                count += 1
                return rendered

            return inner

        segment = DISPLAY_DOLLARS_RE.sub(repl(True), segment)
        return INLINE_DOLLARS_RE.sub(repl(False), segment)

    def cell(m: re.Match[str]) -> str:
        parts = SKIP_RE.split(m[2])
        body = "".join(p if SKIP_RE.fullmatch(p) else render_text(p) for p in parts)
        return m[1] + body + m[3]

    return NOTEBOOK_CELL_RE.sub(cell, page_html), count


def on_post_page(output: str, page: Any, config: Any) -> str:
    output, count = render_arithmatex(output, page)
    if page.file.src_uri.endswith(".ipynb"):
        output, more = render_notebook_math(output, page)
        count += more
    if count:
        output = link_stylesheet(output, get_relative_url(CSS_URL, page.url))
    return output


def on_post_build(config: Any) -> None:
    target = Path(config.site_dir) / "assets" / "katex"
    (target / "fonts").mkdir(parents=True, exist_ok=True)
    css = (KATEX_DIST / "katex.min.css").read_text(encoding="utf-8")
    # every current browser takes WOFF2: drop the WOFF/TTF fallbacks and their files
    css = re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    (target / "katex.min.css").write_text(css, encoding="utf-8")
    for font in subset_fonts(_used):
        shutil.copyfile(font, target / "fonts" / font.name)


def subset_fonts(characters: dict[str, set[str]]) -> list[Path]:
    """KaTeX's WOFF2 faces, each keeping only its own ``characters[face]`` (a face that
    draws nothing keeps none), from the cache or made now."""
    version = json.loads((NODE_MODULES / "katex" / "package.json").read_text())["version"]
    fonts = []
    for source in sorted((KATEX_DIST / "fonts").glob("*.woff2")):
        text = "".join(sorted(characters.get(source.stem, set())))
        key = f"{version}\n{subset.__name__}\n{source.name}\n{text}"
        folder = user_cache("katex-fonts") / hashlib.sha256(key.encode()).hexdigest()[:16]
        fonts.append(folder / source.name)
        if fonts[-1].exists():
            continue
        log.info(f"katex: cutting {source.name} down to {len(text)} characters")
        folder.mkdir(parents=True, exist_ok=True)
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # keep KaTeX's kerning and ligatures
        font = subset.load_font(str(source), options)
        cutter = subset.Subsetter(options)
        cutter.populate(text=text)
        cutter.subset(font)
        partial = folder / f"{source.name}.{os.getpid()}.part"  # builds may run at once
        subset.save_font(font, str(partial), options)
        partial.replace(fonts[-1])
    return fonts


def on_shutdown() -> None:
    _renderer.close()
