"""The built site as a reader meets it: every page in headless Chromium.

Skipped (with the reason shown) when Debian's ``chromium`` is not installed; CI
(``.ci/run``) installs it. Screenshots of a lesson in the light and dark schemes are
written to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import Traffic, chromium, chromium_path, serve, watch
from conftest import ROOT, Build

pytestmark = pytest.mark.skipif(
    chromium_path() is None, reason="Debian chromium is not installed (CI installs it)"
)

ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LESSON = "linear-algebra/week-1/two-variables/"


@pytest.fixture(scope="module")
def site_url(built_site: Build) -> Iterator[str]:
    assert built_site.returncode == 0, built_site.log[-3000:]
    with serve(built_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


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


def test_every_page_loads_locally_without_errors(
    built_site: Build, site_url: str, browser: Any
) -> None:
    problems = {}
    for path in page_paths(built_site.site):
        context, page, traffic, errors = open_page(browser, site_url + path)
        # math: KaTeX output present, no TeX delimiters left in what the reader sees
        visible = page.evaluate(
            """() => { const a = document.querySelector('article').cloneNode(true);
                       a.querySelectorAll('code, pre, .katex').forEach(e => e.remove());
                       return a.textContent; }"""
        )
        raw_math = re.findall(r"\\\(|\\\[|\$\$", visible)
        # figures: every SVG has a size and draws something
        empty = page.evaluate(
            """() => [...document.querySelectorAll('.mb-figure .mb-frame:not([hidden]) svg, .mb-figure > svg')]
                .filter(s => { const r = s.getBoundingClientRect();
                               return r.width < 50 || r.height < 50 || s.querySelectorAll('path').length < 3; })
                .map(s => s.closest('.mb-figure').id)"""
        )
        context.close()
        found = {
            "requests to other hosts": traffic.blocked,
            "console errors": errors,
            "raw math": raw_math,
            "empty figures": empty,
        }
        found = {k: v for k, v in found.items() if v}
        if found:
            problems[path or "/"] = found
    assert not problems, problems


def test_interactive_figures_respond_to_the_keyboard(
    built_site: Build, site_url: str, browser: Any
) -> None:
    checked = 0
    for path in page_paths(built_site.site):
        html = (built_site.site / path / "index.html").read_text(encoding="utf-8")
        if "mb-interactive" not in html:
            continue
        context, page, _, errors = open_page(browser, site_url + path)
        for figure in page.locator(".mb-interactive").all():
            figure.scroll_into_view_if_needed()
            slider = figure.locator("input[type=range]")
            assert slider.is_visible(), "the slider appears once the script runs"
            label = figure.locator("label").inner_text()
            assert label, "the slider is labelled"
            before_value = figure.locator("output").inner_text()
            before_svg = figure.locator(".mb-frame:not([hidden]) svg").inner_html()
            slider.focus()
            page.keyboard.press(
                "ArrowRight" if slider.input_value() != slider.get_attribute("max") else "ArrowLeft"
            )
            page.wait_for_function(
                "f => f.querySelectorAll('.mb-frame').length > 1", arg=figure.element_handle()
            )
            after_value = figure.locator("output").inner_text()
            after_svg = figure.locator(".mb-frame:not([hidden]) svg").inner_html()
            assert after_value != before_value, "the shown value follows the slider"
            assert after_svg != before_svg, "the figure changes when the slider moves"
            assert figure.locator(".mb-frame:not([hidden])").count() == 1
            checked += 1
        context.close()
        assert not errors, errors
    assert checked >= 1


def test_figures_stay_readable_in_the_dark_scheme(
    built_site: Build, site_url: str, browser: Any
) -> None:
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


def _pages_and_schemes() -> list[tuple[str, bool]]:
    """Every page of the book in the light scheme, and in the dark one too."""
    docs = ROOT / "docs"
    pages = []
    for source in sorted(list(docs.rglob("*.md")) + list(docs.rglob("*.ipynb"))):
        relative = source.relative_to(docs).with_suffix("")
        path = (
            ""
            if relative.name == "index" and relative.parent == Path(".")
            else (
                (relative.parent.as_posix() + "/")
                if relative.name == "index"
                else relative.as_posix() + "/"
            )
        )
        pages += [(path, False), (path, True)]
    return pages


@pytest.mark.parametrize(
    ("path", "dark"),
    _pages_and_schemes(),
    ids=lambda v: ("dark" if v else "light") if isinstance(v, bool) else (v or "home"),
)
def test_no_serious_accessibility_violations(
    site_url: str, browser: Any, path: str, dark: bool
) -> None:
    context, page, _, _ = open_page(browser, site_url + path, dark=dark)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"""
    )
    context.close()
    assert not violations, "\n".join(violations)


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


def test_screenshots_of_a_lesson_in_light_and_dark(site_url: str, browser: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for dark in (False, True):
        context, page, _, _ = open_page(browser, site_url + LESSON, dark=dark)
        figure = page.locator(".mb-figure").first
        figure.scroll_into_view_if_needed()
        # let the header finish swapping the site name for the page title
        page.locator(".md-header__topic:nth-child(2)").wait_for(state="visible")
        page.wait_for_timeout(500)
        name = "lesson-dark" if dark else "lesson-light"
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
        figure.screenshot(path=str(ARTIFACTS / f"{name}-figure.png"))
        context.close()
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


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


def test_the_whole_book_prints_to_one_pdf_with_its_math_and_figures(
    built_site: Build, browser: Any, tmp_path: Path
) -> None:
    import shutil

    from tools import pdf

    site = tmp_path / "site"  # a copy: the print page must not appear in the shared site
    shutil.copytree(built_site.site, site)
    assert sorted(pdf.reading_order(site)) == sorted(site.rglob("index.html"))
    order = pdf.printed_pages(site)
    assert any(p.parent.name == "lab" for p in order) and len(order) > 8
    bodies = [m["body"] for p in order if (m := pdf.ARTICLE_RE.search(p.read_text("utf-8")))]
    output = tmp_path / "book.pdf"
    sheets = pdf.render_pdf(site, output, browser)
    printed = (site / "print" / "index.html").read_text(encoding="utf-8")
    for marker in ('class="katex"', '<div class="mb-figure', "<h1"):
        expected = sum(body.count(marker) for body in bodies)
        assert expected > 0 and printed.count(marker) == expected, marker
    assert output.read_bytes().startswith(b"%PDF")
    assert sheets > len(order)  # every page of the site starts a new sheet
