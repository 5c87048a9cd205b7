"""The ``mathbook-build`` MkDocs plugin: figures drawn at build time, guarded exec blocks,
and checks that name the Markdown page and line of a contributor's mistake.

Figures. ``on_files`` scans every page for figure blocks (see
:mod:`mathbook_build.figures`) before any page is rendered, checks their fence lines,
and draws the figures missing from the cache in parallel worker processes (one per
core). The page then shows each figure as an inline, theme-aware SVG with its code in
a collapsed box; a slider figure shows its default frame, and ``book.js`` fetches the
other frames from ``assets/figures/<key>.html``. A figure that cannot be drawn, or whose
fence is wrong, is a warning naming ``page:line`` (``--strict`` fails; ``mkdocs serve``
keeps serving and shows a short notice in the page).

Exec blocks (markdown-exec). Each block runs with a time limit, inside the build's
scratch folder, and markdown-exec's error report is prefixed with ``page:line``.

Settings (``mkdocs.yml``, ``plugins: - mathbook-build: …``) are the class
:class:`MathbookBuildConfig`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mathbook_build import html, page_checks, worker
from mathbook_build.cache import FigureCache, library_digest, user_cache
from mathbook_build.figures import Block, find_blocks, python_fences
from mathbook_build.guard import BlockTimeout, time_limit

log = logging.getLogger("mkdocs.plugins.mathbook_build")

FRAMES_URL = "assets/figures/{key}.html"
Formatter = Callable[..., str]


class MathbookBuildConfig(base.Config):  # type: ignore[no-untyped-call]
    """Settings of the plugin."""

    figures = c.Type(bool, default=True)
    """Draw figures; ``false`` shows placeholders (quick prose edits, benchmarks)."""
    cache_dir = c.Optional(c.Type(str))
    """Figure cache; default ``$XDG_CACHE_HOME/mathbook/figures`` or ``~/.cache/…``."""
    cache_days = c.Type(int, default=30)
    """Cached figures no build has used for this many days are deleted after a build."""
    max_frames = c.Type(int, default=41)
    """Most frames a slider figure may have."""
    max_figure_kb = c.Type(int, default=200)
    """Largest SVG of one figure (one frame of a slider), in KB."""
    max_page_figures_kb = c.Type(int, default=600)
    """Largest total of the figures a page inlines, in KB."""
    timeout = c.Type(int, default=60)
    """Seconds a figure frame or an exec block may run (0: no limit)."""


class MathbookBuildPlugin(BasePlugin[MathbookBuildConfig]):  # type: ignore[no-untyped-call]
    """Figures, exec-block guards and source checks for the book (see the module docs)."""

    def __init__(self) -> None:
        self.cache = FigureCache(Path(), "")
        self.scratch = ""
        self.blocks: dict[str, list[Block]] = {}  # page -> its figure blocks, in order
        self.errors: dict[str, str] = {}  # cache key -> why that figure failed this build
        self.frame_files: dict[str, str] = {}  # cache key -> all frames of a slider figure
        self.page = "?"
        self.page_markdown = ""
        self.figures_seen: list[str] = []  # ids formatted so far in the current page
        self.page_figure_bytes: dict[str, int] = {}  # figure id -> inline SVG bytes
        self.exec_lines: list[tuple[int, str]] = []  # exec fences of the page not yet run
        self.where: str | None = None  # page:line of the exec block running now
        self.svgs: list[str] = []  # inline SVGs held back from the search indexer

    # ------------------------------------------------------------------ build events

    @event_priority(-100)  # after markdown-exec has added its fences
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
        fences: list[dict[str, Any]] = superfences.setdefault("custom_fences", [])
        for fence in fences:
            formatter = fence.get("format")
            if callable(formatter) and formatter.__module__.startswith("markdown_exec"):
                fence["format"] = self._guarded(formatter)
        # superfences tries custom fences last-to-first: appending gives figures priority
        fences.append(
            {"name": "python", "class": "python", "validator": _figure_validator,
             "format": self._format_figure}
        )
        _prefix_markdown_exec_logs(self)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        folder = Path(self.config.cache_dir or user_cache("figures")).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.cache = FigureCache(folder, library_digest())
        except (OSError, RuntimeError) as exc:
            raise PluginError(f"mathbook-build: figure cache {folder}: {exc}") from exc
        self.scratch = tempfile.mkdtemp(prefix="mathbook-build-")
        self.errors.clear()
        self.frame_files.clear()
        self.svgs.clear()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every figure block of the site and draw the missing ones, in parallel."""
        self.blocks = {
            file.src_uri: find_blocks(
                Path(file.abs_src_path).read_text(encoding="utf-8"),
                file.src_uri,
                self.config.max_frames,
            )
            for file in files.documentation_pages()
            if file.abs_src_path and file.src_uri.endswith(".md")
        }
        if not self.config.figures:
            log.info("figures: drawing is off (figures: false)")
            return files
        unique: dict[str, Block] = {}
        for block in (b for blocks in self.blocks.values() for b in blocks):
            if block.problem is None:
                unique.setdefault(self._key(block), block)
        missing = {key: b for key, b in unique.items() if not self.cache.has(key)}
        if missing:
            self._draw(missing, len(unique))
        else:
            log.info(f"figures: all {len(unique)} figures cached")
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self.page = page.file.src_uri
        self.page_markdown = markdown
        self.figures_seen = []
        self.page_figure_bytes = {}
        self.exec_lines = [(line, code) for line, _, code in python_fences(markdown, "exec")]
        if self.page.endswith(".md"):  # a notebook's "markdown" is its JSON
            for line, message in page_checks.math_problems(markdown):
                log.warning(f"math in {self.page}:{line}: {message}")
        return markdown

    def on_page_content(
        self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        for line, title in page_checks.empty_details(html_text, self.page_markdown):
            where = f"{self.page}:{line}" if line else self.page
            log.warning(
                f"{where}: the box '{title}' is empty: indent its content four spaces "
                "more than the ??? line"
            )
        total = sum(self.page_figure_bytes.values())
        if total > self.config.max_page_figures_kb * 1000:
            largest = max(self.page_figure_bytes, key=self.page_figure_bytes.__getitem__)
            log.warning(
                f"figures in {self.page}: {total // 1000} KB inline, more than "
                f"max_page_figures_kb = {self.config.max_page_figures_kb} "
                f"(largest: '{largest}', {self.page_figure_bytes[largest] // 1000} KB)"
            )
        return html_text

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Put the SVGs back, and point each slider figure at its frames file."""
        output = html.SVG_SLOT_RE.sub(lambda m: self.svgs[int(m[1])], output)
        return html.FRAMES_PLACEHOLDER_RE.sub(
            lambda m: get_relative_url(FRAMES_URL.format(key=m[1]), page.url), output
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        target = Path(config.site_dir) / "assets" / "figures"
        target.mkdir(parents=True, exist_ok=True)
        for key, frames in self.frame_files.items():
            (target / f"{key}.html").write_text(frames, encoding="utf-8")
        shutil.rmtree(self.scratch, ignore_errors=True)
        if self.config.figures:  # on_files looked up every figure, so `used` is complete
            pruned = self.cache.prune(self.config.cache_days)
            if pruned:
                log.info(f"figures: deleted {pruned} cached figures unused for "
                         f"{self.config.cache_days} days")

    # ------------------------------------------------------------------ figures

    def _key(self, block: Block) -> str:
        return self.cache.key(block.code, block.options.get("slider"))

    def _draw_args(self, block: Block, key: str) -> tuple[Any, ...]:
        slider = block.slider
        return (
            block.code,
            slider.name if slider else None,
            list(slider.values) if slider else None,
            f"{block.id} in {block.page}",
            str(self.cache.path(key)),
            self.config.timeout,
        )

    def _draw(self, missing: dict[str, Block], total: int) -> None:
        workers = min(len(missing), os.cpu_count() or 1)
        log.info(
            f"figures: drawing {len(missing)} of {total} figures "
            f"({total - len(missing)} cached) with {workers} worker(s)"
        )
        start = time.perf_counter()
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=worker.start_worker,
            initargs=(self.scratch,),
        ) as pool:
            futures: dict[Future[float], tuple[str, Block]] = {
                pool.submit(worker.draw_to_file, *self._draw_args(b, key)): (key, b)
                for key, b in missing.items()
            }
            for done, future in enumerate(as_completed(futures), start=1):
                key, block = futures[future]
                progress = f"figures: [{done}/{len(missing)}] {block.page}#{block.id}"
                try:
                    log.info(f"{progress} ({future.result():.1f} s)")
                    self.cache.used.add(key)
                except worker.FigureError as exc:  # reported per page by the formatter
                    self.errors[key] = str(exc)
                    log.info(f"{progress} failed")
                except Exception as exc:  # a worker died: not the block's fault
                    raise PluginError(f"mathbook-build: drawing {block.where}: {exc}") from exc
        log.info(f"figures: drew {len(missing)} in {time.perf_counter() - start:.1f} s")

    def _block(self, block_id: str) -> Block | None:
        """The block being formatted: the next one with this id in the current page."""
        occurrence = self.figures_seen.count(block_id)
        self.figures_seen.append(block_id)
        same = [b for b in self.blocks.get(self.page, []) if b.id == block_id]
        return same[occurrence] if occurrence < len(same) else None

    def _problem(self, where: str, block_id: str, message: str) -> str:
        log.warning(f"{where}: {message}")
        return html.failed_figure(block_id)

    def _format_figure(
        self, src: str, language: str, css_class: str, options: dict[str, str], md: Any,
        **_: Any,
    ) -> str:
        """Superfences formatter; reports instead of raising (superfences would drop the
        block silently)."""
        block_id = options.get("figure", "")
        block = self._block(block_id)
        if block is None:
            where = f"figure '{block_id}' in {self.page}"
            return self._problem(where, block_id, "not found by the scan of the page's source")
        if block.problem is not None:
            return self._problem(block.where, block_id, block.problem)
        code_html = md.preprocessors["fenced_code_block"].highlight(
            src=src, language="python", options={}, md=md, classes=[], id_value="", attrs={}
        )
        details = html.figure_code(code_html)
        if not self.config.figures:
            return html.placeholder_figure(block_id, details)
        key = self._key(block)
        if key in self.errors:
            return self._problem(block.where, block_id, self.errors[key])
        svgs = self.cache.path(key).read_text(encoding="utf-8").split(worker.FRAME_SEPARATOR)
        largest = max(len(svg.encode()) for svg in svgs)
        if largest > self.config.max_figure_kb * 1000:
            message = (f"its SVG is {largest // 1000} KB, more than max_figure_kb = "
                       f"{self.config.max_figure_kb}: draw fewer points or a coarser grid")
            return self._problem(block.where, block_id, message)
        alt = block.options["alt"].strip()
        if block.slider is None:
            figure = html.static_figure(block_id, alt, svgs[0], details)
        else:
            self.frame_files[key] = html.all_frames(block_id, alt, block.slider, svgs)
            figure = html.slider_figure(block_id, alt, block.slider, svgs, details, key)
        self.page_figure_bytes[block_id] = len(figure.encode())
        return html.SVG_RE.sub(self._hold_back, figure)

    def _hold_back(self, svg: re.Match[str]) -> str:
        """A slot for an SVG, filled in ``on_post_page``: the search plugin parses every
        page's content, and tens of KB of SVG paths per figure (which hold no words) made
        it the slowest step of a rebuild."""
        self.svgs.append(svg[0])
        return html.SVG_SLOT.format(index=len(self.svgs) - 1)

    # ------------------------------------------------------------------ exec blocks

    def _exec_line(self, src: str) -> str:
        """``page:line`` of the exec block with this code (the first not run yet)."""
        for index, (line, code) in enumerate(self.exec_lines):
            if code.strip() == src.strip():
                del self.exec_lines[index]
                return f"{self.page}:{line}"
        return self.page

    def _guarded(self, formatter: Formatter) -> Formatter:
        """markdown-exec's formatter, run with a time limit in the scratch folder."""

        def guarded(src: str, language: str, css_class: str, options: dict[str, Any],
                    md: Any, **kwargs: Any) -> str:
            options = {**options, "workdir": options.get("workdir") or self.scratch}
            with self._located(self._exec_line(src)) as where:
                try:
                    with time_limit(self.config.timeout):
                        return formatter(src, language, css_class, options, md, **kwargs)
                except BlockTimeout as exc:
                    log.warning(f"{where}: exec block: {exc}")
                    return ""

        return guarded

    @contextmanager
    def _located(self, where: str) -> Iterator[str]:
        self.where = where
        try:
            yield where
        finally:
            self.where = None


class _Prefix(logging.Filter):
    """Prefix markdown-exec's reports with the page:line of the block that failed."""

    def __init__(self, plugin: MathbookBuildPlugin) -> None:
        super().__init__()
        self.plugin = plugin

    def filter(self, record: logging.LogRecord) -> bool:
        if self.plugin.where is not None and record.levelno >= logging.WARNING:
            record.msg = f"exec block in {self.plugin.where}: {record.msg}"
        return True


def _prefix_markdown_exec_logs(plugin: MathbookBuildPlugin) -> None:
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if name.startswith("mkdocs.plugins.markdown_exec") and isinstance(logger, logging.Logger):
            for old in [f for f in logger.filters if isinstance(f, _Prefix)]:
                logger.removeFilter(old)
            logger.addFilter(_Prefix(plugin))


def _figure_validator(
    language: str, inputs: dict[str, str], options: dict[str, str], attrs: dict[str, str],
    md: Any,
) -> bool:
    if "figure" not in inputs:
        return False
    options.update(inputs)
    return True
