"""Docstring links to lessons point at pages and headings that exist.

The API reference renders each docstring inside ``docs/reference/api/<module>.md``, so a
link such as ``[Two variables](../../linear-algebra/week-1/two-variables.md#in-code)``
is relative to that folder. The strict build checks these links too (slowly, and only
as warnings it turns into errors); this test checks them in a second, and names the
function whose link is broken.
"""

from __future__ import annotations

import importlib
import inspect
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
API_PAGES = DOCS / "reference" / "api"
MODULES = [
    "linalg", "calculus", "nn", "probability", "stats", "plot", "datasets", "check",
    "check.linalg_w1", "check.linalg_w2", "check.linalg_w3", "check.linalg_w4",
    "check.found_w1", "check.found_w2",
]
# Files another helper is rewriting at the time of writing; each mark is strict, so it
# fails (and must be removed) as soon as the file keeps the rule.
OTHER_HANDS = {
}

LINK = re.compile(r"\[[^\]]+\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{([^}]*)\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def slugify(title: str) -> str:
    """The anchor Python-Markdown's ``toc`` gives a heading (its default slugify)."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors(page: Path) -> set[str]:
    """The ids of the headings of a Markdown page (code fences skipped)."""
    found: set[str] = set()
    in_fence = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if match:
            title, attrs = match.groups()
            custom = re.search(r"#([\w-]+)", attrs or "")
            found.add(custom.group(1) if custom else slugify(title))
    return found


def documented_objects(modules: list[str] = MODULES) -> list[tuple[str, str, str]]:
    """``(api page, qualified name, docstring)`` of every public object and its methods."""
    objects = []
    for module_name in modules:
        module = importlib.import_module(f"mathbook.{module_name}")
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            members = [(name, obj)]
            if inspect.isclass(obj):
                members += [(f"{name}.{m}", v) for m, v in vars(obj).items() if callable(v)]
            for qualname, member in members:
                doc = inspect.getdoc(member)
                if doc:
                    page = module_name.split(".")[0]
                    objects.append((page, f"mathbook.{module_name}.{qualname}", doc))
        if module.__doc__:
            objects.append((module_name.split(".")[0], f"mathbook.{module_name}", module.__doc__))
    return objects


def lesson_links() -> list[tuple[str, str]]:
    """``(object, link target)`` of every relative ``.md`` link in a docstring."""
    links = []
    for page, qualname, doc in documented_objects():
        for target in LINK.findall(doc):
            if not re.match(r"^[a-z]+://", target):
                links.append((qualname, f"{page}|{target}"))
    return links


LINKS = lesson_links()


def test_the_lessons_written_so_far_are_linked() -> None:
    linked = {qualname for qualname, _ in LINKS}
    assert {"mathbook.linalg.solve", "mathbook.linalg.det", "mathbook.linalg.eliminate"} <= linked


@pytest.mark.parametrize(("qualname", "link"), LINKS, ids=[q for q, _ in LINKS])
def test_docstring_link_targets_exist(qualname: str, link: str) -> None:
    page_name, target = link.split("|", 1)
    path, _, anchor = target.partition("#")
    page = (API_PAGES / path).resolve()
    assert page.is_file(), f"{qualname} links to {target}, but {page} does not exist"
    assert page.is_relative_to(DOCS), f"{qualname} links outside docs/: {target}"
    if anchor:
        assert anchor in anchors(page), (
            f"{qualname} links to {target}, but {page.relative_to(ROOT)} has no heading "
            f"with the anchor #{anchor}"
        )


def test_one_spelling_of_see_also() -> None:
    wrong = [q for _, q, doc in documented_objects() if re.search(r"^See also$", doc, re.M)]
    assert not wrong, f"use the numpydoc heading 'See Also' in {wrong}"


def see_also(doc: str) -> str:
    """The body of a docstring's See Also section ('' if it has none)."""
    match = re.search(r"^See Also\n-+\n(.*?)(?:\n\n|\Z)", doc, re.M | re.S)
    return match.group(1) if match else ""


@pytest.mark.parametrize(
    "module",
    [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=OTHER_HANDS[m]))
        if m in OTHER_HANDS
        else m
        for m in MODULES
    ],
)
def test_no_promises_of_unwritten_lessons(module: str) -> None:
    # "Part 2 (Calculus), Week 3: ..." in a See Also section names a lesson by prose;
    # a written lesson gets a link instead, an unwritten one is not mentioned.
    promising = [
        q
        for _, q, doc in documented_objects([module])
        if re.search(r"\bPart \d|\bWeeks? \d", see_also(doc))
    ]
    assert not promising, promising


def test_slugify_matches_the_built_site_for_a_known_heading() -> None:
    assert slugify("Say it precisely") == "say-it-precisely"
    assert slugify("The determinant of a 3×3 matrix") == "the-determinant-of-a-33-matrix"
    assert slugify("Data types: why integer arrays matter") == "data-types-why-integer-arrays-matter"
