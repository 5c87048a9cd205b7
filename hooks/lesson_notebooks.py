"""MkDocs hook: every lesson as a notebook, to download or open in Colab.

A **lesson** is a Markdown page in a week folder (``<part>/week-<n>/<name>.md``) other
than the week's ``index.md`` and ``quiz.md``, with at least one reader block (a fence
labelled exactly ``python``). At build time this hook turns each lesson into a Jupyter
notebook and writes it next to the built page, as ``<name>.ipynb``:

* every reader block becomes a code cell, in page order; a block continued with
  ``<!--pytest-codeblocks:cont-->`` joins the cell before it, and a block the tests skip
  (or expect to fail) is shown as code in a Markdown cell;
* the headings and prose around them become Markdown cells, with the math untouched;
  admonitions, collapsible blocks and tabs become a bold title and their text, and
  links to other pages point at the built pages;
* figure blocks become their alt text and exec blocks (worked examples computed at
  build time) a pointer to the page; the expected-output blocks are left out, since
  running a cell prints them;
* a first code cell installs ``mathbook`` when it is missing (as in Colab).

The page gets a "Download this lesson as a notebook" link and, when ``repo_url`` is a
GitHub repository, an "Open in Colab" link to the notebook on the branch the built site
is published to (``PUBLISHED_BRANCH``). The conversion is a pure function,
:func:`lesson_notebook`, so the tests can run the notebooks without building the site.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import nbformat
from nbformat import NotebookNode

# nbformat's functions carry no annotations; these are their types as used here.
_markdown_cell = cast(Callable[[str], NotebookNode], nbformat.v4.new_markdown_cell)
_code_cell = cast(Callable[[str], NotebookNode], nbformat.v4.new_code_cell)
_new_notebook = cast(Callable[..., NotebookNode], nbformat.v4.new_notebook)
_writes = cast(Callable[[NotebookNode], str], nbformat.writes)

log = logging.getLogger("mkdocs.hooks.lesson_notebooks")

LESSON_RE = re.compile(r"^[^/]+/week-\d+/(?!index\.md$|quiz\.md$)[^/]+\.md$")
# the Colab link opens the notebook from this branch of repo_url, which must hold the
# built site (as `mkdocs gh-deploy` leaves it)
PUBLISHED_BRANCH = "gh-pages"

FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)$")
MARKER_RE = re.compile(r"^[ \t]*<!--[-\s]*(?P<marker>pytest[.-][^>]*?)\s*-->[ \t]*$")
CONTAINER_RE = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?|===)[ \t]*(?P<kind>[\w-]*)[ \t]*(?:"(?P<title>[^"]*)")?[ \t]*$'
)
# blocks the tests do not run (or expect to fail): shown in the notebook, not run
NOT_RUN_RE = re.compile(
    r"^pytest(?:\.mark\.(?:skip|skipif|xfail)|-codeblocks:(?:skip|skipif|expect-exception"
    r"|expect-error))\b"
)
CAPTION_RE = re.compile(r"^[ \t]*///[ \t]*(?:caption)?[ \t]*$")
ALT_RE = re.compile(r'\balt="(?P<alt>[^"]*)"')
LINK_RE = re.compile(r"\]\((?P<path>[^)\s#:]+\.(?:md|ipynb))(?P<fragment>#[^)\s]*)?\)")
FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)

_files: Any = None


def is_lesson(src_uri: str) -> bool:
    """Whether a page (by its path under ``docs/``) is a lesson page."""
    return bool(LESSON_RE.match(src_uri))


# --------------------------------------------------------------------------- Markdown


def _flatten_containers(lines: list[str]) -> list[str]:
    """Admonitions, details and tabs as a bold title followed by their dedented body.

    Jupyter's Markdown has no admonitions: their four-space-indented body would show as
    a code block. The title (or the kind, ``note`` → ``Note``) becomes a bold line.
    """
    out: list[str] = []
    open_indents: list[int] = []  # the indent of each open container's header
    for line in lines:
        if line.strip():
            width = len(line) - len(line.lstrip())
            while open_indents and width < open_indents[-1] + 4:
                open_indents.pop()
            shift = 4 * len(open_indents)
            line = line[shift:] if line[:shift].strip() == "" else line.lstrip()
        match = CONTAINER_RE.match(line)
        if match:
            title = match["title"] if match["title"] is not None else match["kind"].capitalize()
            out.append(f"{match['indent']}**{title}**" if title else "")
            out.append("")
            open_indents.append(len(match["indent"]) + 4 * len(open_indents))
            continue
        out.append(line)
    return out


def _dedent_leading(text: str) -> str:
    """Dedent the lines a cell starts with, up to the first line indented less.

    Prose that follows a code cell inside a list item (an exercise's solution) is still
    indented; alone in a cell, Markdown would show it as a code block.
    """
    lines = text.split("\n")
    indent = len(lines[0]) - len(lines[0].lstrip())
    for k, line in enumerate(lines):
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            break
        lines[k] = line[indent:]
    return "\n".join(lines)


def _rewrite_links(text: str, link: Any) -> str:
    return LINK_RE.sub(lambda m: f"]({link(m['path'], m['fragment'] or '')})", text)


@dataclass
class _Builder:
    """Collects the cells of a notebook while the Markdown is read line by line."""

    page_url: str
    link: Any
    cells: list[NotebookNode] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)

    def flush(self) -> None:
        text = _dedent_leading("\n".join(self.prose).strip("\n"))
        if text.strip():
            source = _rewrite_links(re.sub(r"\n{3,}", "\n\n", text), self.link)
            self.cells.append(_markdown_cell(source))
        self.prose = []

    def code(self, source: str, *, join_previous: bool) -> None:
        if join_previous and self.cells and self.cells[-1].cell_type == "code":
            self.cells[-1].source += "\n" + source
            return
        self.flush()
        self.cells.append(_code_cell(source))


def _read_fence(lines: list[str], start: int) -> tuple[int, str, str, str]:
    """The fence opening at ``start``: (index after it, indent, info string, dedented body)."""
    match = FENCE_RE.match(lines[start])
    assert match is not None
    indent, fence = match["indent"], match["fence"]
    body = []
    end = start + 1
    while end < len(lines) and not lines[end].lstrip().startswith(fence):
        line = lines[end]
        body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
        end += 1
    return end + 1, indent, match["info"].strip(), "\n".join(body).rstrip("\n")


def lesson_notebook(markdown: str, *, page_url: str = "", link: Any = None,
                    install: str | None = None) -> NotebookNode:
    """The notebook of one lesson page, from its Markdown source.

    Parameters
    ----------
    markdown : str
        The page's Markdown (front matter allowed).
    page_url : str
        Where the lesson is read on the web: named in the notebook's introduction.
    link : callable, optional
        ``link(path, fragment)`` turns a link to another page of the book
        (``../glossary.md``, ``#anchor``) into a URL that works from the notebook;
        by default links are left as written.
    install : str, optional
        What ``pip install`` installs when ``mathbook`` is missing (e.g.
        ``git+https://github.com/owner/repo``); no install cell when ``None``.
    """
    link = link or (lambda path, fragment: path + fragment)
    lines = _flatten_containers(FRONT_MATTER_RE.sub("", markdown).split("\n"))
    builder = _Builder(page_url, link)
    markers: list[str] = []
    introduced = False
    i = 0
    while i < len(lines):
        line = lines[i]
        marker = MARKER_RE.match(line)
        if marker:
            markers.append(marker["marker"])
            i += 1
            continue
        if not FENCE_RE.match(line):
            if CAPTION_RE.match(line):  # the /// caption markers around a caption
                i += 1
                continue
            builder.prose.append(line)
            if line.startswith("# ") and not introduced:
                builder.prose += ["", _introduction(page_url)]
                builder.flush()
                if install:
                    builder.cells.append(_install_cell(install))
                introduced = True
            i += 1
            continue
        i, indent, info, body = _read_fence(lines, i)
        if any("expected-output" in m for m in markers):
            pass  # printed by running the cell before it
        elif info == "python" and any(NOT_RUN_RE.match(m) for m in markers):
            builder.prose += [f"{indent}```python", *(indent + b for b in body.split("\n")),
                              f"{indent}```"]
        elif info == "python":
            builder.code(body, join_previous=any(m.endswith("cont") for m in markers))
        elif "figure=" in info:
            alt = ALT_RE.search(info)
            text = alt["alt"] if alt else "a figure"
            builder.prose.append(f"{indent}*Figure on the lesson page: {text}*")
        elif 'exec="on"' in info:
            builder.prose.append(f"{indent}*(A worked example, computed by the book, is shown "
                                 "here on the lesson page.)*")
        else:
            builder.prose += [f"{indent}```{info}", *(indent + b for b in body.split("\n")),
                              f"{indent}```"]
        markers = []
    builder.flush()
    nb = _new_notebook(
        cells=builder.cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    for k, cell in enumerate(nb.cells):  # stable ids: the same page gives the same bytes
        cell.id = f"cell-{k}"
    return nb


def _introduction(page_url: str) -> str:
    where = f"the [lesson page]({page_url})" if page_url else "the lesson page"
    return (
        f"*This notebook is made from {where}: its code cells are the page's code "
        "blocks, in order, and print what the page shows. Run them from top to bottom. "
        "Figures and worked examples are on the page.*"
    )


def _install_cell(install: str) -> NotebookNode:
    source = (
        "# Colab and other fresh environments: install the book's package if it is missing.\n"
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        'if importlib.util.find_spec("mathbook") is None:\n'
        f'    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", {install!r}],\n'
        "                   check=True)"
    )
    cell = _code_cell(source)
    cell.metadata["tags"] = ["setup"]
    return cell


# --------------------------------------------------------------------------- MkDocs


def _github(config: Any) -> str | None:
    """``owner/repo`` when ``repo_url`` is a GitHub repository."""
    parts = urlsplit(config.repo_url or "")
    return parts.path.strip("/") if parts.netloc == "github.com" else None


def notebook_name(page: Any) -> str:
    return str(Path(page.file.src_uri).with_suffix(".ipynb").name)


def notebook_dir(page: Any) -> str:
    """The built page's folder, where its notebook is written (relative to the site)."""
    return posixpath.dirname(str(page.file.dest_uri))


def _page_link(page: Any, config: Any) -> Any:
    from mkdocs.utils import get_relative_url

    site_url = (config.site_url or "").rstrip("/")

    def link(path: str, fragment: str) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
        file = _files.get_file_from_path(target) if _files is not None else None
        if file is None:
            log.warning(f"{page.file.src_uri} links to {path}, which is not a page of the book")
            return path + fragment
        if site_url:
            return f"{site_url}/{file.url}{fragment}"
        return get_relative_url(file.url, page.url) + fragment

    return link


def on_files(files: Any, config: Any) -> Any:
    global _files
    _files = files
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    if not is_lesson(page.file.src_uri):
        return output
    github = _github(config)
    site_url = (config.site_url or "").rstrip("/")
    nb = lesson_notebook(
        page.file.content_string,
        page_url=f"{site_url}/{page.url}" if site_url else "",
        link=_page_link(page, config),
        install=f"git+https://github.com/{github}" if github else None,
    )
    if not any(cell.cell_type == "code" and "setup" not in cell.metadata.get("tags", [])
               for cell in nb.cells):
        return output  # no reader blocks: nothing to run
    name = notebook_name(page)
    target = Path(config.site_dir) / notebook_dir(page) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_writes(nb) + "\n", encoding="utf-8")

    links = [f'<a class="md-button" href="{html.escape(name)}" download>'
             "Download this lesson as a notebook</a>"]
    if github:
        colab = (f"https://colab.research.google.com/github/{github}/blob/{PUBLISHED_BRANCH}/"
                 f"{notebook_dir(page)}/{name}")
        links.append(f'<a class="md-button" href="{html.escape(colab)}">Open in Colab</a>')
    bar = f'<p class="mb-lab-actions mb-lesson-notebook">{" ".join(links)}</p>'
    head, h1, rest = output.partition("</h1>")
    if not h1:
        log.warning(f"{page.file.src_uri}: no title (h1) to put the notebook links under")
        return output
    return head + h1 + bar + rest
