"""The built site as a reader meets it: every page in headless Chromium.

Skipped (with the reason shown) when Debian's ``chromium`` is not installed; CI
(``.ci/run``) installs it. The per-page checks are one test per page, so xdist spreads
them over the workers and a failure names its page. Screenshots of a lesson in the light
and dark schemes are also written to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import DOCS, ROOT, Build
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from tools.browser import Traffic, chromium, chromium_path, serve, watch

from mathbook_build.katex_fonts import FontRules

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        chromium_path() is None, reason="Debian chromium is not installed (CI installs it)"
    ),
]

ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
LESSON = "linear-algebra/week-1/two-variables/"


def url_path(source: Path) -> str:
    """The site path of a page of ``docs/`` ("" for the home page)."""
    relative = source.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        relative = relative.parent
    return "" if relative == Path(".") else relative.as_posix() + "/"


SOURCES = {url_path(s): s for s in sorted([*DOCS.rglob("*.md"), *DOCS.rglob("*.ipynb")])}
PAGES = sorted(SOURCES)
SLIDER_PAGES = [p for p in PAGES if 'slider="' in SOURCES[p].read_text(encoding="utf-8")]


def page_kind(path: str) -> str:
    """What sort of page ``path`` is: pages of one sort share their layout and parts."""
    source = SOURCES[path]
    text = source.read_text(encoding="utf-8")
    checks = [
        ("home", path == ""),
        ("lab", source.suffix == ".ipynb"),
        ("api", bool(re.search(r"^::: ", text, re.MULTILINE))),
        ("quiz", source.stem == "quiz"),
        ("interactive lesson", 'slider="' in text),
        ("lesson", 'figure="' in text),
        ("section", source.name == "index.md"),
    ]
    return next((kind for kind, matches in checks if matches), "prose")


# One page of each kind gets the colour rules of the audit, in the light and dark schemes.
SAMPLE = sorted({page_kind(p): p for p in reversed(PAGES)}.values())


def page_id(path: str) -> str:
    return path or "home"


@pytest.fixture(scope="module")
def site_url(built_site: Build) -> Iterator[str]:
    assert built_site.returncode == 0, built_site.log[-3000:]
    with serve(built_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@dataclass
class Tab:
    """One tab, in the light scheme, that visits page after page: a new tab (a new
    renderer process) costs about a core-second, as much as loading a lesson."""

    page: Any
    traffic: Traffic = field(default_factory=Traffic)
    errors: list[str] = field(default_factory=list)

    def visit(self, url: str) -> None:
        """Load ``url``, with what the last page requested and printed forgotten."""
        self.page.goto("about:blank")
        self.traffic.local.clear()
        self.traffic.blocked.clear()
        self.errors.clear()
        self.page.goto(url, wait_until="load")


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Tab]:
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    tab = Tab(context.new_page())
    watch(tab.page, tab.traffic)
    tab.page.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    tab.page.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    yield tab
    context.close()


def page_paths(site: Path) -> list[str]:
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def open_page(browser: Any, url: str, *, dark: bool = False) -> tuple[Any, Any, Traffic, list[str]]:
    context = browser.new_context(
        color_scheme="dark" if dark else "light", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    traffic = Traffic()
    errors: list[str] = []
    watch(page, traffic)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="load")
    return context, page, traffic, errors


# The text of KaTeX's visual part, grouped by the font Chromium computes for it.
KATEX_GLYPHS = """() => { const out = {};
    for (const root of document.querySelectorAll('.katex-html')) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const s = getComputedStyle(n.parentElement);
            const key = [s.fontFamily.split(',')[0].replace(/["']/g, '').trim(),
                         s.fontWeight, s.fontStyle].join('|');
            out[key] = (out[key] || '') + n.data;
        } }
    return out; }"""


@functools.cache
def _cmap(font: Path) -> frozenset[str]:
    from fontTools.ttLib import TTFont

    return frozenset(map(chr, TTFont(font).getBestCmap() or {}))


def missing_glyphs(site: Path, glyphs: dict[str, str]) -> dict[str, str]:
    """Characters drawn in a KaTeX face that the shipped (cut-down) face lacks, although
    KaTeX's full face has them: the browser would fall back to another font."""
    rules = FontRules.from_katex(KATEX_DIST)
    missing = {}
    for key, text in glyphs.items():
        family, weight, style = key.split("|")
        face = rules.face((family, int(weight) >= 600, style in ("italic", "oblique")))
        if face is None:
            continue
        full = _cmap(KATEX_DIST / "fonts" / f"{face}.woff2")
        cut = _cmap(site / "assets" / "katex" / "fonts" / f"{face}.woff2")
        if lost := (set(text) & full) - cut:
            missing[face] = "".join(sorted(lost))
    return missing


def test_every_built_page_is_checked(built_site: Build) -> None:
    """The per-page tests are collected from ``docs/``; the site must hold no other page."""
    assert set(page_paths(built_site.site)) == set(PAGES)
    assert SLIDER_PAGES, "the book has interactive figures, so the keyboard checks have pages"
    kinds = {page_kind(p) for p in SAMPLE}
    assert {"home", "interactive lesson", "lab", "quiz", "api"} <= kinds, kinds


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_loads_locally_without_errors_and_passes_the_audit(
    built_site: Build, site_url: str, tab: Tab, path: str
) -> None:
    """One visit per page (a visit costs more than the checks), in the worker's one tab:
    what it requests, its console, its math (each character in the cut-down face the
    browser draws it with) and figures, its sliders (moved with the keyboard), and the
    accessibility audit in the light scheme (its colour rules on the sample only, see
    ``audit``)."""
    site = built_site.site
    tab.visit(site_url + path)
    page = tab.page
    # math: KaTeX output present, no TeX delimiters left in what the reader sees
    visible = page.evaluate(
        """() => { const a = document.querySelector('article').cloneNode(true);
                   a.querySelectorAll('code, pre, .katex').forEach(e => e.remove());
                   return a.textContent; }"""
    )
    # figures: every SVG has a size and draws something
    empty = page.evaluate(
        """() => [...document.querySelectorAll('.mb-figure .mb-frame:not([hidden]) svg, .mb-figure > svg')]
            .filter(s => { const r = s.getBoundingClientRect();
                           return r.width < 50 || r.height < 50 || s.querySelectorAll('path').length < 3; })
            .map(s => s.closest('.mb-figure').id)"""
    )
    glyphs = page.evaluate(KATEX_GLYPHS)
    sliders = keyboard_problems(page) if path in SLIDER_PAGES else []
    violations = audit(page, colours=path in SAMPLE)
    found = {
        "math characters missing from the font drawing them": missing_glyphs(site, glyphs),
        "requests to other hosts": tab.traffic.blocked,
        "console errors": tab.errors,
        "raw math": re.findall(r"\\\(|\\\[|\$\$", visible),
        "empty figures": empty,
        "interactive figures that do not answer the keyboard": sliders,
        "serious accessibility violations": violations,
    }
    found = {k: v for k, v in found.items() if v}
    assert not found, found


def test_the_tab_reports_what_each_page_requests_and_prints(site_url: str, tab: Tab) -> None:
    """What the per-page test reads from the worker's tab: a page that asks another host
    for an image and logs an error is caught; the next page starts with nothing reported."""
    tab.visit(
        "data:text/html,<img alt='' src='https://example.org/planted.png'>"
        "<script>console.error('planted error')</script>"
    )
    assert tab.traffic.blocked == ["https://example.org/planted.png"]
    assert "planted error" in tab.errors
    tab.visit(site_url + LESSON)
    assert not tab.traffic.blocked and not tab.errors, (tab.traffic.blocked, tab.errors)


def keyboard_problems(page: Any, *, wait_ms: int = 15_000) -> list[str]:
    """What is wrong with the open page's interactive figures when a reader moves each
    slider one step with the keyboard (nothing: an empty list)."""
    figures = page.locator(".mb-interactive").all()
    if not figures:
        return ["the page's source has a slider, but the page has no interactive figure"]
    problems = []
    for figure in figures:
        name = figure.get_attribute("id") or "an interactive figure"
        figure.scroll_into_view_if_needed()
        slider = figure.locator("input[type=range]")
        if not slider.is_visible():
            problems.append(f"{name}: the slider does not appear once the script runs")
            continue
        if not figure.locator("label").inner_text():
            problems.append(f"{name}: the slider has no label")
        before_value = figure.locator("output").inner_text()
        before_svg = figure.locator(".mb-frame:not([hidden]) svg").inner_html()
        slider.focus()
        page.keyboard.press(
            "ArrowRight" if slider.input_value() != slider.get_attribute("max") else "ArrowLeft"
        )
        try:
            page.wait_for_function(
                "f => f.querySelectorAll('.mb-frame').length > 1",
                arg=figure.element_handle(),
                timeout=wait_ms,
            )
        except PlaywrightTimeout:
            problems.append(f"{name}: no other frame is shown within {wait_ms} ms")
            continue
        if figure.locator("output").inner_text() == before_value:
            problems.append(f"{name}: the shown value does not follow the slider")
        if figure.locator(".mb-frame:not([hidden]) svg").inner_html() == before_svg:
            problems.append(f"{name}: the figure does not change when the slider moves")
        if figure.locator(".mb-frame:not([hidden])").count() != 1:
            problems.append(f"{name}: not exactly one frame is shown")
    return problems


def test_the_keyboard_check_catches_a_slider_that_does_not_answer(
    site_url: str, browser: Any
) -> None:
    """The check every page with a slider gets: it passes on a lesson as built, and
    reports each figure once its slider has lost the script's listeners."""
    context, page, _, _ = open_page(browser, site_url + LESSON)
    assert keyboard_problems(page) == []
    context.close()
    context, page, _, _ = open_page(browser, site_url + LESSON)
    count = page.evaluate(
        """() => { const sliders = document.querySelectorAll('.mb-interactive input[type=range]');
                   sliders.forEach(s => s.replaceWith(s.cloneNode(true)));
                   return sliders.length; }"""
    )
    problems = keyboard_problems(page, wait_ms=3000)
    context.close()
    assert count > 0 and len({p.split(":")[0] for p in problems}) == count, problems


def test_figures_stay_readable_in_the_dark_scheme(site_url: str, browser: Any) -> None:
    context, page, _, _ = open_page(browser, site_url + LESSON, dark=True)
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate"
    ratio = page.evaluate(
        """() => {
            const lum = c => { const v = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(x => {
                x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
                return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
            const text = document.querySelector('.mb-figure svg text');
            const fg = lum(getComputedStyle(text).fill);
            const bg = lum(getComputedStyle(document.body).backgroundColor);
            return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        }"""
    )
    context.close()
    assert ratio >= 4.5, f"figure text contrast in dark mode is {ratio:.1f}:1"


# KaTeX's visual HTML (.katex-html) is aria-hidden: assistive technology reads the MathML
# beside it, which stays audited. Leaving the hidden spans out saves much of axe's time.
AXE_AUDIT = """async colours => (await axe.run({exclude: [['.katex-html']]},
        {resultTypes: ['violations'], rules: Object.fromEntries(
            ['color-contrast', 'link-in-text-block'].map(r => [r, {enabled: colours}]))}))
    .violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"""

# Empties each .katex-html (excluded from the audit anyway) into a box of the size its
# contents took, so that the page keeps its layout; returns what scrolls sideways before
# and after, which must not change.
EMPTY_HIDDEN_MATH = """() => {
    const scrolling = () => [...document.querySelectorAll('body *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
                     && getComputedStyle(e).overflowX !== 'visible')
        .map(e => e.tagName + '.' + e.className);
    const before = scrolling();
    for (const e of document.querySelectorAll('.katex-html')) {
        const range = document.createRange();
        range.selectNodeContents(e);
        const box = range.getBoundingClientRect();
        e.replaceChildren();
        e.style.cssText = `display:inline-block;width:${box.width}px;height:${box.height}px`;
    }
    return [before, scrolling()]; }"""


def audit(page: Any, *, colours: bool) -> list[str]:
    """Serious and critical axe-core violations on the open page.

    The two colour rules (text contrast, links told apart from text) are most of axe's
    time and depend on the theme's colours, which a page of one kind shares with every
    other of its kind: with ``colours=False`` they are left out, and the other rules
    (alt text, names, headings, lists, tables, ARIA, landmarks, scrollable regions, ...)
    still run, on the page with KaTeX's hidden visual part emptied (half a math-heavy
    page's elements: axe walks every element, even excluded ones, so this halves its
    time; what axe checks is the same, and so is what scrolls). The page is left changed."""
    if not colours:
        before, after = page.evaluate(EMPTY_HIDDEN_MATH)
        assert before == after, f"emptying the hidden math changed what scrolls: {before} {after}"
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    violations: list[str] = page.evaluate(AXE_AUDIT, colours)
    return violations


@pytest.mark.parametrize("path", SAMPLE, ids=page_id)
def test_no_serious_accessibility_violations_in_the_dark_scheme(
    site_url: str, browser: Any, path: str
) -> None:
    """A page of each kind in the dark scheme (the light scheme is audited on every page)."""
    context, page, _, _ = open_page(browser, site_url + path, dark=True)
    violations = audit(page, colours=True)
    context.close()
    assert not violations, "\n".join(violations)


def test_the_accessibility_audit_catches_a_planted_violation(site_url: str, browser: Any) -> None:
    """The scoped audit still sees the prose: an image without alt text planted in a lesson
    is reported by every page's audit, and grey-on-grey text by the sample's."""
    context, page, _, _ = open_page(browser, site_url + LESSON)
    page.evaluate(
        """() => document.querySelector('article').insertAdjacentHTML('afterbegin',
            '<img id="planted-image" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
            '<p id="planted-text" style="color:#777;background:#888">hard to read</p>')"""
    )
    sample = "\n".join(audit(page, colours=True))
    every_page = "\n".join(audit(page, colours=False))  # empties the hidden math: second
    context.close()
    assert "image-alt" in every_page and "#planted-image" in every_page, every_page
    assert "color-contrast" not in every_page, every_page
    assert "image-alt" in sample and "#planted-image" in sample, sample
    assert "color-contrast" in sample and "#planted-text" in sample, sample


@pytest.mark.parametrize("reach", ["click", "shortcut"])
def test_search_loads_on_demand_and_finds_determinant(
    site_url: str, browser: Any, reach: str
) -> None:
    context, page, traffic, _ = open_page(browser, site_url + LESSON)
    page.wait_for_load_state("networkidle")
    index_loaded = lambda: any(u.endswith("search/search_index.json") for u in traffic.local)  # noqa: E731
    assert not index_loaded(), "the search index was fetched before the reader asked for search"
    if reach == "click":
        page.locator("input.md-search__input").click()
    else:
        page.keyboard.press("/")
    page.keyboard.type("determinant")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    text = page.locator(".md-search-result").inner_text().lower()
    context.close()
    assert index_loaded()
    assert "determinant" in text


def luminance(png: bytes) -> Any:
    """Relative luminance (0 black … 1 white) of each pixel of a PNG screenshot."""
    import matplotlib.image

    rgb = matplotlib.image.imread(io.BytesIO(png))[..., :3]
    return rgb @ [0.2126, 0.7152, 0.0722]


def test_a_lessons_figure_reads_in_light_and_dark(site_url: str, browser: Any) -> None:
    """What a reader notices: the figure's background follows the scheme (light on light,
    dark on dark), and its lines and labels stand out from that background in both.
    The screenshots are also kept in ``test-artifacts/`` for people to look at."""
    import numpy as np

    ARTIFACTS.mkdir(exist_ok=True)
    for dark in (False, True):
        context, page, _, _ = open_page(browser, site_url + LESSON, dark=dark)
        figure = page.locator(".mb-figure svg").first
        figure.scroll_into_view_if_needed()
        # let the header finish swapping the site name for the page title
        page.locator(".md-header__topic:nth-child(2)").wait_for(state="visible")
        page.wait_for_timeout(500)
        name = "lesson-dark" if dark else "lesson-light"
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
        pixels = luminance(figure.screenshot(path=str(ARTIFACTS / f"{name}-figure.png")))
        context.close()
        background = float(np.median(pixels))
        ink = np.mean(np.abs(pixels - background) > 0.35)
        assert (background < 0.2) if dark else (background > 0.8), f"{name}: {background:.2f}"
        assert ink > 0.01, f"{name}: only {ink:.1%} of the figure stands out from its background"


def test_compacted_figures_look_the_same_as_matplotlib_drew_them(browser: Any) -> None:
    """The build rounds and trims figure SVGs (mathbook_build/worker.py: compact_svg); the
    pixels a reader sees must not change."""
    import base64
    import io

    import matplotlib.image
    import numpy as np

    from mathbook import plot
    from mathbook_build.worker import compact_svg

    with plot.book_style():
        fig, ax = plot.figure()
        plot.plot_lines([[1, 1], [1, -1]], [2, 0], ax=ax)
        fig3, ax3 = plot.figure_3d()
        plot.plot_planes([[1, 0, 2], [0, 1, -1], [1, 1, 0]], [2, 0, 1], ax=ax3)
    page = browser.new_page(viewport={"width": 900, "height": 800}, device_scale_factor=2)
    for figure in (fig, fig3):
        original = plot.to_svg(figure)
        compact = compact_svg(original[original.index("<svg") :])
        assert len(compact) < 0.8 * len(original)
        shots = []
        for svg in (original, compact):
            data = base64.b64encode(svg.encode()).decode()
            page.set_content(f'<img src="data:image/svg+xml;base64,{data}" style="display:block">')
            shots.append(matplotlib.image.imread(io.BytesIO(page.locator("img").screenshot())))
        assert shots[0].shape == shots[1].shape
        difference = np.abs(shots[0] - shots[1])
        assert difference.mean() < 0.001 and np.quantile(difference, 0.999) < 0.1
    page.close()


def test_printing_a_lesson_a_lab_and_a_quiz_keeps_their_math_and_figures(
    built_site: Build, browser: Any
) -> None:
    """The print path of ``make pdf`` on a sample (the whole book is ``make pdf``'s job)."""
    from tools import pdf

    order = pdf.printed_pages(built_site.site)
    assert sorted(pdf.reading_order(built_site.site)) == sorted(built_site.site.rglob("index.html"))
    assert any(p.parent.name == "lab" for p in order) and len(order) > 8
    sample = [
        next(p for p in order if p.parent.name == kind) for kind in ("two-variables", "lab", "quiz")
    ]
    bodies = [m["body"] for p in sample if (m := pdf.ARTICLE_RE.search(p.read_text("utf-8")))]
    # A copy (hard links: instant) so the print page never appears in the shared site.
    with tempfile.TemporaryDirectory(dir=built_site.site.parent) as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(built_site.site, site, copy_function=os.link)
        output = Path(tmp) / "sample.pdf"
        sheets = pdf.render_pdf(
            site, output, browser, [site / p.relative_to(built_site.site) for p in sample]
        )
        printed = (site / "print" / "index.html").read_text(encoding="utf-8")
        assert output.read_bytes().startswith(b"%PDF")
    for marker in ('class="katex"', '<div class="mb-figure', "<h1"):
        expected = sum(body.count(marker) for body in bodies)
        assert expected > 0 and printed.count(marker) == expected, marker
    assert sheets > len(sample)  # every page starts a new sheet, and a lesson takes several
