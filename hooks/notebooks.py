"""MkDocs hook: make mkdocs-jupyter's lab pages light, private and downloadable.

mkdocs-jupyter renders a notebook with JupyterLab's whole stylesheet inlined in every
lab page (about 575 KB), a MathJax configuration, an empty ``<script src="">`` and a
loader that fetches Mermaid from a CDN when a notebook has diagrams. This hook:

* moves the notebook stylesheet to one shared file, ``assets/notebook.css``, keeping
  only the rules whose classes occur in the site's lab pages (so the browser downloads
  a few KB once instead of 575 KB per page);
* removes the MathJax configuration and the empty script (math is rendered at build
  time by ``hooks/katex.py``) and the Mermaid loader (no lab uses diagrams);
* rewrites links to other pages of the book written as ``lesson.md`` (as they work
  in Jupyter next to the Markdown sources) into the built pages' URLs, and warns
  about links to missing pages, as MkDocs does for Markdown pages;
* adds a bar with "Download notebook" and "Open in Colab" links; the Colab link is
  built from ``repo_url`` in ``mkdocs.yml`` (the only place the repository is named).
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mathbook_build.html import link_stylesheet

STYLE_RE = re.compile(r"<style[^>]*>(?P<css>.*?)</style>", re.DOTALL)
DROP_SCRIPTS_RE = re.compile(
    r'<script src="">\s*</script>'
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*const diagrams.*?</script>',
    re.DOTALL,
)
CLASS_RE = re.compile(r'class="([^"]+)"')
CSS_URL = "assets/notebook.css"
LINK_RE = re.compile(r'href="(?P<path>[^"#:?]+\.(?:md|ipynb))(?P<fragment>#[^"]*)?"')

log = logging.getLogger("mkdocs.hooks.notebooks")
_files: Any = None

_css_blocks: dict[str, None] = {}  # ordered set of the notebook style blocks seen
_classes: set[str] = set()  # classes used in notebook pages


def _is_notebook(page: Any) -> bool:
    return bool(page.file.src_uri.endswith(".ipynb"))


def _colab_url(config: Any, page: Any) -> str | None:
    repo = config.repo_url or ""
    parts = urlsplit(repo)
    if parts.netloc != "github.com":
        return None
    branch = "main"
    edit_uri = config.edit_uri or ""
    match = re.match(r"(?:edit|blob)/([^/]+)/(.*)", edit_uri)
    docs_dir = "docs/"
    if match:
        branch, docs_dir = match.group(1), match.group(2)
    path = parts.path.strip("/")
    return f"https://colab.research.google.com/github/{path}/blob/{branch}/{docs_dir}{page.file.src_uri}"


def on_files(files: Any, config: Any) -> Any:
    global _files
    _files = files
    return files


def _rewrite_links(output: str, page: Any) -> str:
    from mkdocs.utils import get_relative_url

    def replace(m: re.Match[str]) -> str:
        if m["path"] == Path(page.file.src_uri).name and m["path"].endswith(".ipynb"):
            return m[0]  # the download link to this very notebook
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), m["path"]))
        file = _files.get_file_from_path(target) if _files is not None else None
        if file is None:
            log.warning(
                f"{page.file.src_uri} links to {m['path']}, which is not a page of the book"
            )
            return m[0]
        return f'href="{get_relative_url(file.url, page.url)}{m["fragment"] or ""}"'

    return LINK_RE.sub(replace, output)


def on_post_page(output: str, page: Any, config: Any) -> str:
    if not _is_notebook(page):
        return output
    from mkdocs.utils import get_relative_url

    output = _rewrite_links(output, page)

    def keep(match: re.Match[str]) -> str:
        css = match["css"]
        if len(css) > 20_000 or ".jupyter-wrapper" in css or ".jp-" in css:
            _css_blocks.setdefault(css, None)
            return ""
        return match[0]

    output = STYLE_RE.sub(keep, output)
    output = DROP_SCRIPTS_RE.sub("", output)
    # code cells scroll sideways: let keyboard users reach them
    output = output.replace(
        '<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb'
    )
    for value in CLASS_RE.findall(output):
        _classes.update(value.split())
    output = link_stylesheet(output, get_relative_url(CSS_URL, page.url))

    name = Path(page.file.src_uri).name
    links = [f'<a class="md-button" href="{html.escape(name)}" download>Download notebook</a>']
    colab = _colab_url(config, page)
    if colab:
        links.append(f'<a class="md-button" href="{html.escape(colab)}">Open in Colab</a>')
    bar = f'<p class="mb-lab-actions">{" ".join(links)}</p>'
    marker = '<div class="jupyter-wrapper">'
    return output.replace(marker, bar + marker, 1)


def _selectors_used(selector_list: str) -> bool:
    """Keep a rule if any of its selectors only names classes that lab pages use."""
    for selector in selector_list.split(","):
        classes = re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selector)
        if all(c in _classes or c == "jupyter-wrapper" for c in classes):
            return True
    return False


def trim_css(css: str) -> str:
    """Drop top-level rules whose selectors name classes no lab page uses."""
    out = []
    position = 0
    rule_re = re.compile(r"([^{}@]+)\{([^{}]*)\}")
    while position < len(css):
        if css[position].isspace():
            position += 1
            continue
        if css.startswith("@", position):
            # at-rules (@media, @keyframes, @font-face …): keep whole, balancing braces
            depth, end = 0, position
            while end < len(css):
                if css[end] == "{":
                    depth += 1
                elif css[end] == "}":
                    depth -= 1
                    if depth == 0:
                        end += 1
                        break
                elif css[end] == ";" and depth == 0:
                    end += 1
                    break
                end += 1
            out.append(css[position:end])
            position = end
            continue
        match = rule_re.match(css, position)
        if not match:
            out.append(css[position:])
            break
        if _selectors_used(match.group(1)):
            out.append(match.group(0))
        position = match.end()
    return "".join(out)


DECLARATION_RE = re.compile(r"(?P<name>--[\w-]+)\s*:[^;{}]*;?")
VAR_RE = re.compile(r"var\(\s*(--[\w-]+)")


def drop_unused_custom_properties(css: str) -> str:
    """Remove ``--name: value`` declarations that nothing refers to with ``var(--name)``."""
    references: dict[str, set[str]] = {}
    for m in DECLARATION_RE.finditer(css):
        references.setdefault(m["name"], set()).update(VAR_RE.findall(m.group(0)))
    used = set(VAR_RE.findall(DECLARATION_RE.sub("", css)))  # used by ordinary properties
    frontier = list(used)
    while frontier:  # …and by the custom properties those refer to, transitively
        for name in references.get(frontier.pop(), ()):
            if name not in used:
                used.add(name)
                frontier.append(name)
    return DECLARATION_RE.sub(lambda m: m.group(0) if m["name"] in used else "", css)


def on_post_build(config: Any) -> None:
    if not _css_blocks:
        return
    css = drop_unused_custom_properties("\n".join(trim_css(block) for block in _css_blocks))
    target = Path(config.site_dir) / CSS_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(css, encoding="utf-8")


def on_pre_build(config: Any) -> None:
    _css_blocks.clear()
    _classes.clear()
