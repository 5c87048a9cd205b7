"""The built site: strict build, rendered math and figures, links, no third-party requests."""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import DOCS, ROOT, Build

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf"}
ALLOWED_IMAGES = {"assets/logo.svg", "assets/favicon.png", "assets/favicon.svg"}
# elements whose URL attribute makes the browser fetch something
FETCHING = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("frame", "src"),
    ("source", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("input", "src"),
    ("object", "data"),
    ("image", "href"),
    ("image", "xlink:href"),
    ("use", "href"),
    ("use", "xlink:href"),
}
SRCSET = {("img", "srcset"), ("source", "srcset")}
# <link> relations that only name a page; every other <link href> is fetched (stylesheet,
# icon, preload, preconnect, dns-prefetch, manifest, …)
NAMING_LINK_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>.*?)\1\s*\)|@import\s+(['"])(?P<imported>.*?)\3""")


def css_urls(css: str) -> list[str]:
    """The URLs a stylesheet (a file, a ``<style>`` element or a ``style`` attribute) fetches."""
    return [m["url"] if m["url"] is not None else m["imported"] for m in CSS_URL.finditer(css)]


class Page(HTMLParser):
    """Ids, links and fetched resources of one built HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.fetches: list[str] = []
        self.text: list[str] = []
        self._skip = 0
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        for attribute, value in values.items():
            if (tag, attribute) in FETCHING:
                self.fetches.append(value)
            elif (tag, attribute) in SRCSET:
                self.fetches += [c.split()[0] for c in value.split(",") if c.strip()]
            elif attribute == "style":
                self.fetches += css_urls(value)
        if tag == "link" and not set(values.get("rel", "").lower().split()) <= NAMING_LINK_RELS:
            self.fetches.append(values.get("href", ""))
        self._style = tag == "style"
        if tag in {"script", "style", "code", "pre", "svg", "annotation"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        self._style = False
        if tag in {"script", "style", "code", "pre", "svg", "annotation"}:
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if self._style:
            self.fetches += css_urls(data)
        if not self._skip:
            self.text.append(data)


@cache
def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme in {"http", "https"} or url.startswith("//"))


def test_strict_build_has_no_warnings(built_site: Build) -> None:
    assert built_site.returncode == 0, built_site.log[-4000:]
    warnings = [line for line in built_site.log.splitlines() if line.startswith("WARNING")]
    assert not warnings, "\n".join(warnings)


def test_no_images_committed_under_docs() -> None:
    images = [
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*")
        if p.suffix.lower() in IMAGE_SUFFIXES
    ]
    assert not [p for p in images if p not in ALLOWED_IMAGES], "figures must be code, not files"


def test_pages_fetch_nothing_from_other_hosts(built_site: Build) -> None:
    offenders = {
        path.relative_to(built_site.site).as_posix(): [
            u for u in parse(path).fetches if is_external(u)
        ]
        for path in html_pages(built_site.site)
    }
    for css in built_site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        offenders[css.relative_to(built_site.site).as_posix()] = [
            u for u in css_urls(text) if is_external(u)
        ]
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, offenders


def test_the_third_party_check_sees_every_way_a_page_fetches() -> None:
    planted = [
        '<script src="https://a.example/1.js"></script>',
        '<img src="x.png" srcset="x2.png 2x, https://a.example/2.png 3x" alt="x">',
        '<picture><source srcset="//a.example/3.webp"></picture>',
        '<div style="background-image:url(https://a.example/4.png)"></div>',
        "<style>@import 'https://a.example/5.css'; p { background: url(\"//a.example/6.png\") }</style>",
        '<link rel="preconnect" href="https://a.example/7">',
        '<link rel="stylesheet" href="https://a.example/8.css">',
        '<link rel="icon" href="https://a.example/9.ico">',
        '<svg><image href="https://a.example/10.png"/><use xlink:href="https://a.example/11.svg#a"/></svg>',
        '<video poster="https://a.example/12.jpg"></video>',
        '<link rel="canonical" href="https://book.example/">',  # names a page, fetches nothing
    ]
    page = Page()
    page.feed("".join(planted))
    external = sorted(u for u in page.fetches if is_external(u))
    assert len(external) == 12, external
    assert not any("book.example" in u for u in external)
    assert css_urls("@import url('https://a.example/x.css');") == ["https://a.example/x.css"]


def test_internal_links_and_anchors_resolve(built_site: Build) -> None:
    site = built_site.site
    broken = []
    for path in html_pages(site):
        for href in parse(path).links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("//", "mailto:", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in parse(target).ids:
                    broken.append(f"{path.relative_to(site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_math_is_rendered_on_every_page(built_site: Build) -> None:
    leftovers = {}
    for path in html_pages(built_site.site):
        html = path.read_text(encoding="utf-8")
        text = "".join(parse(path).text)
        raw = re.findall(r"\\\(|\\\[|\$\$", text) + re.findall(r'class="arithmatex"', html)
        if raw:
            leftovers[path.relative_to(built_site.site).as_posix()] = raw[:3]
        if 'class="katex' in html:
            assert "assets/katex/katex.min.css" in html, path
    assert not leftovers, leftovers
    fonts = list((built_site.site / "assets" / "katex" / "fonts").glob("*.woff2"))
    assert fonts, "KaTeX fonts are served by the site"


class KatexText(HTMLParser):
    """The characters inside KaTeX's visible output (``.katex-html``), page after page."""

    VOID = {"br", "img", "meta", "link", "input", "hr", "path", "line", "rect", "use", "col"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.inside: int | None = None
        self.characters: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        self.depth += 1
        if self.inside is None and "katex-html" in (dict(attrs).get("class") or "").split():
            self.inside = self.depth

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if self.inside == self.depth:
            self.inside = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.inside is not None:
            self.characters.update(data)


def test_katex_fonts_are_cut_down_face_by_face(built_site: Build) -> None:
    """Each face keeps only what it draws, so bold (a few letters) keeps a small part of
    its face; every character drawn is in some face. That each character is in the face
    the browser draws it with is checked page by page in ``test_browser.py``."""
    from fontTools.ttLib import TTFont

    drawn = KatexText()
    for path in html_pages(built_site.site):
        drawn.feed(path.read_text(encoding="utf-8"))
    assert {"x", "=", "+"} <= drawn.characters
    shipped = built_site.site / "assets" / "katex" / "fonts"
    original = ROOT / "node_modules" / "katex" / "dist" / "fonts"
    kept: set[str] = set()
    offered: set[str] = set()
    for source in sorted(original.glob("*.woff2")):
        offered |= set(map(chr, TTFont(source).getBestCmap()))
        kept |= set(map(chr, TTFont(shipped / source.name).getBestCmap() or {}))
    assert not (drawn.characters & offered) - kept
    size = {f.name: f.stat().st_size for f in shipped.glob("*.woff2")}
    full = {f.name: f.stat().st_size for f in original.glob("*.woff2")}
    assert size["KaTeX_Main-Regular.woff2"] < 0.75 * full["KaTeX_Main-Regular.woff2"]
    # bold draws only the book's vectors and matrices: cut to all the book's characters, as
    # before faces were cut one by one, it kept about half of the full face
    assert size["KaTeX_Main-Bold.woff2"] < 0.35 * full["KaTeX_Main-Bold.woff2"], size


def site_page(source: Path) -> str:
    """The built page of a Markdown page of ``docs/``, relative to the site."""
    relative = source.relative_to(DOCS).with_suffix("")
    folder = relative.parent if relative.name == "index" else relative
    return (folder / "index.html").as_posix()


def test_api_stylesheet_only_on_api_pages(built_site: Build) -> None:
    """mkdocstrings' CSS on exactly the pages whose source asks for API documentation
    (a ``::: module`` line)."""
    site = built_site.site
    api_pages = {
        site_page(source)
        for source in DOCS.rglob("*.md")
        if re.search(r"^::: ", source.read_text(encoding="utf-8"), re.MULTILINE)
    }
    linked = {
        path.relative_to(site).as_posix()
        for path in html_pages(site)
        if "assets/_mkdocstrings.css" in path.read_text(encoding="utf-8")
    }
    assert len(api_pages) >= 8 and linked == api_pages, linked ^ api_pages


def test_every_figure_is_an_inline_svg_with_alt_text(built_site: Build) -> None:
    figures = 0
    for path in html_pages(built_site.site):
        html = path.read_text(encoding="utf-8")
        assert "Figure not available" not in html, path
        for block in re.findall(r'<div class="mb-figure[ "].*?</details></div>', html, re.DOTALL):
            figures += 1
            svgs = re.findall(r"<svg[^>]*>", block)
            assert svgs, f"figure without an SVG in {path}"
            for svg in svgs:
                label = re.search(r'aria-label="([^"]+)"', svg)
                assert label and len(label.group(1)) > 10, f"figure without alt text in {path}"
    assert figures >= 1


def test_labs_are_downloadable(built_site: Build) -> None:
    for notebook in DOCS.rglob("*.ipynb"):
        relative = notebook.relative_to(DOCS).with_suffix("")
        page = built_site.site / relative / "index.html"
        assert page.exists(), page
        copy = page.parent / notebook.name
        assert copy.exists(), f"{notebook.name} is not published next to its page"
        assert f'href="{notebook.name}"' in page.read_text(encoding="utf-8"), "download link"


def test_search_finds_determinant(built_site: Build) -> None:
    index = json.loads(
        (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    hits = [doc["location"] for doc in index["docs"] if "determinant" in doc["text"].lower()]
    assert any("week-1" in hit for hit in hits), hits[:5]


@pytest.mark.parametrize("name", ["sitemap.xml", "404.html", "assets/stylesheets/book.css"])
def test_site_files_exist(built_site: Build, name: str) -> None:
    assert (built_site.site / name).exists()


WEEK_PAGES = sorted(DOCS.glob("*/week-*/index.md"))


@pytest.mark.parametrize("week", WEEK_PAGES, ids=lambda p: p.parent.relative_to(DOCS).as_posix())
def test_every_page_of_a_week_is_listed_on_its_week_page(week: Path) -> None:
    text = week.read_text(encoding="utf-8")
    pages = [p for p in sorted(week.parent.iterdir()) if p.suffix in {".md", ".ipynb"}]
    unlisted = [
        p.name
        for p in pages
        if p != week and not re.search(rf"\]\(\s*<?{re.escape(p.name)}(#[^)]*)?>?\s*\)", text)
    ]
    assert len(pages) > 1, "a week has lessons"
    assert not unlisted, f"{week.relative_to(DOCS)} links no lesson for {', '.join(unlisted)}"
