"""The whole book as one PDF (``make pdf``): a print page rendered by headless Chromium.

The script builds the site (strict), follows the "next page" links from the home page
to get the reading order, stitches every page's article into ``site/print/index.html``
(figures are inline SVG and math is KaTeX HTML, so both survive as they are), and
prints that page to ``mathbook.pdf`` with Debian's Chromium.

On paper there is nothing to click, so collapsed blocks (solutions, quiz answers) are
printed open, and the online-only parts are left out: figure code, sliders, edit and
download links, last-updated dates, and the API reference (generated from the
docstrings; as long as the rest of the book, and better searched online).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

ARTICLE_RE = re.compile(
    r'<article class="md-content__inner md-typeset">(?P<body>.*?)</article>', re.DOTALL
)
NEXT_RE = re.compile(r'<link rel="next" href="(?P<href>[^"]+)"')
HEAD_RE = re.compile(r"<head>.*?</head>", re.DOTALL)
DROP_RE = re.compile(
    r'<a href="[^"]*" title="[^"]*" class="md-content__button md-icon"[^>]*>.*?</a>'
    r'|<details class="mb-figure-code">.*?</details>'
    r'|<div class="mb-slider" hidden>.*?</div>'
    r'|<p class="mb-lab-actions">.*?</p>'
    r'|<aside class="md-source-file">.*?</aside>',
    re.DOTALL,
)
URL_RE = re.compile(r'(?P<attr>href|src)="(?P<url>[^"#:][^"]*)"')


def reading_order(site: Path) -> list[Path]:
    """Pages in navigation order, following each page's rel="next" link."""
    pages = [site / "index.html"]
    while True:
        match = NEXT_RE.search(pages[-1].read_text(encoding="utf-8"))
        if not match:
            return pages
        target = (pages[-1].parent / match["href"]).resolve()
        target = target / "index.html" if target.is_dir() else target
        if target in pages:
            return pages
        pages.append(target)


def _rebase(body: str, page: Path, print_dir: Path) -> str:
    """Make the page's relative URLs relative to the print page instead."""

    def fix(m: re.Match[str]) -> str:
        absolute = (page.parent / m["url"]).resolve()
        try:
            relative = Path(absolute).relative_to(print_dir.parent)
        except ValueError:
            return m[0]
        return f'{m["attr"]}="../{relative.as_posix()}"'

    return URL_RE.sub(fix, body)


def printed_pages(site: Path) -> list[Path]:
    """The pages that go into the PDF, in reading order (all but the API reference)."""
    api = site / "reference" / "api"
    return [page for page in reading_order(site) if not page.is_relative_to(api)]


def print_page(site: Path, pages: list[Path] | None = None) -> Path:
    """Write ``site/print/index.html``: the articles of ``pages`` (default: every printed
    page of the book), in order."""
    print_dir = site / "print"
    print_dir.mkdir(exist_ok=True)
    sections = []
    for page in printed_pages(site) if pages is None else pages:
        html = page.read_text(encoding="utf-8")
        match = ARTICLE_RE.search(html)
        if not match:
            continue
        body = DROP_RE.sub("", match["body"]).replace("<details", "<details open")
        sections.append(
            f'<section class="mb-print-page">{_rebase(body, page, print_dir)}</section>'
        )
    home = (site / "index.html").read_text(encoding="utf-8")
    head = _rebase(HEAD_RE.search(home).group(0), site / "index.html", print_dir)  # type: ignore[union-attr]
    if "katex.min.css" not in head:
        head = head.replace(
            "</head>", '<link rel="stylesheet" href="../assets/katex/katex.min.css"></head>'
        )
    head = head.replace(
        "</head>",
        "<style>.mb-print-page{break-before:page}.mb-print-page:first-child{break-before:auto}"
        ".mb-frame[hidden]{display:none}</style></head>",
    )
    document = (
        f'<!doctype html><html lang="en" dir="ltr">{head}<body data-md-color-scheme="default">'
        f'<main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">'
        f"{''.join(sections)}</article></div></main></body></html>"
    )
    target = print_dir / "index.html"
    target.write_text(document, encoding="utf-8")
    return target


def render_pdf(
    site: Path, output: Path, browser: Any = None, pages: list[Path] | None = None
) -> int:
    """Print the print page of ``pages`` (default: the whole book) with headless Chromium
    (``browser``, or one started here); returns the number of sheets."""
    from tools.browser import chromium, serve

    print_page(site, pages)
    with ExitStack() as stack:
        base = stack.enter_context(serve(site))
        if browser is None:
            browser = stack.enter_context(chromium())
        page = browser.new_page()
        page.goto(base + "print/", wait_until="load")
        page.pdf(
            path=str(output),
            format="A4",
            print_background=True,
            margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        )
        page.close()
    return len(re.findall(rb"/Type\s*/Page[^s]", output.read_bytes()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "mathbook.pdf")
    parser.add_argument("--no-build", action="store_true", help="use the existing site/")
    args = parser.parse_args()
    site = ROOT / "site"
    if not args.no_build:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    pages = render_pdf(site, args.output)
    print(f"wrote {args.output} ({pages} pages, {args.output.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
