"""Every lesson as a notebook: it runs in a fresh kernel and prints what the page shows.

``hooks/lesson_notebooks.py`` turns each lesson page into a notebook at build time. Here
each lesson's notebook is executed top to bottom with nbclient (a new kernel, started in
an empty folder, importing the installed ``mathbook``), and the printed output of every
code cell is compared with the expected output the page shows under the same block, as
read independently by pytest-codeblocks. The built site must offer each notebook on its
lesson page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from conftest import DOCS, ROOT, Build
from nbclient import NotebookClient
from pytest_codeblocks import extract_from_file

sys.path.insert(0, str(ROOT / "hooks"))
import lesson_notebooks  # noqa: E402
from lesson_notebooks import is_lesson, lesson_notebook  # noqa: E402

INSTALL = "git+https://github.com/mathbook-org/mathbook"


def reader_blocks(page: Path) -> list[object]:
    """The blocks pytest-codeblocks runs and expects to pass on a page, in order."""
    return [block for block in extract_from_file(page)
            if block.syntax == "python"
            and not any("skip" in mark or "xfail" in mark for mark in block.marks)]


LESSONS = sorted(
    page for page in DOCS.rglob("*.md")
    if is_lesson(page.relative_to(DOCS).as_posix()) and reader_blocks(page)
)


def page_id(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


def code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in nb.cells
            if cell.cell_type == "code" and "setup" not in cell.metadata.get("tags", [])]


def stdout_of(cell: nbformat.NotebookNode) -> str:
    return "".join(out.get("text", "") for out in cell.get("outputs", [])
                   if out.get("output_type") == "stream" and out.get("name") == "stdout")


def without_blank_lines(code: str) -> list[str]:
    return [line.rstrip() for line in code.splitlines() if line.strip()]


# ---------------------------------------------------------------------------
# Which pages are lessons
# ---------------------------------------------------------------------------


def test_lessons_are_the_week_pages_with_reader_blocks() -> None:
    assert is_lesson("linear-algebra/week-1/two-variables.md")
    assert is_lesson("probability/week-12/bayes.md")
    for other in ("linear-algebra/week-1/index.md", "linear-algebra/week-1/quiz.md",
                  "linear-algebra/index.md", "getting-started/numpy-primer.md",
                  "linear-algebra/week-1/lab.ipynb", "reference/api/linalg.md"):
        assert not is_lesson(other), other
    # the Week 1 chapter has two lessons with code, and there may be more
    assert {page_id(p) for p in LESSONS} >= {"linear-algebra/week-1/two-variables.md",
                                            "linear-algebra/week-1/three-variables.md"}


# ---------------------------------------------------------------------------
# The conversion, on a small page that has every kind of block
# ---------------------------------------------------------------------------

SAMPLE = '''\
# A sample lesson

Intro with math $\\mathbf{A}\\mathbf{x} = \\mathbf{b}$ and a [link](../other.md#here).

!!! abstract "Definition"
    A **thing** is $a_{ij}$.

$$
\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}
$$

```python figure="fig-one" alt="Two lines that cross once."
from mathbook import plot
```

/// caption
The caption.
///

```python exec="on" session="s"
print("built at build time")
```

```python
x = 2
```

<!--pytest-codeblocks:cont-->

```python
print(x + 1)
```

<!--pytest-codeblocks:expected-output-->

```
3
```

<!--pytest.mark.skip(reason="needs a file the reader does not have")-->

```python
open("missing.csv")
```

<!--pytest-codeblocks:importorskip(numpy)-->

```python
import numpy
```

<!--pytest.mark.xfail-->

```python
1 / 0
```

1. Exercise.

    ??? success "Solution"
        Indented prose.

        ```python
        print("solution")
        ```

        <!--pytest-codeblocks:expected-output-->

        ```
        solution
        ```

        More prose after the code.

```console
$ make test
```
'''


def convert(markdown: str = SAMPLE) -> nbformat.NotebookNode:
    return lesson_notebook(markdown, page_url="https://example.org/lesson/",
                           link=lambda path, fragment: f"URL({path}){fragment}",
                           install=INSTALL)


def test_reader_blocks_become_code_cells_in_order() -> None:
    cells = code_cells(convert())
    assert [c.source for c in cells] == ['x = 2\nprint(x + 1)', 'import numpy', 'print("solution")']
    nbformat.validate(convert())


def test_build_time_blocks_and_outputs_are_not_cells() -> None:
    nb = convert()
    text = "\n".join(cell.source for cell in nb.cells)
    assert "built at build time" not in text  # exec block: a pointer to the page instead
    assert "worked example" in text
    assert "from mathbook import plot" not in text  # figure block: its alt text instead
    assert "*Figure on the lesson page: Two lines that cross once.*" in text
    assert "The caption." in text and "///" not in text
    assert "pytest" not in text  # no markers
    # the skipped block is shown, not run
    shown = [c for c in nb.cells if c.cell_type == "markdown" and "missing.csv" in c.source]
    assert shown and '```python\nopen("missing.csv")\n```' in shown[0].source
    assert "```console\n$ make test\n```" in text
    assert "```python\n1 / 0\n```" in text  # expected to fail: shown, not run


def test_prose_math_and_admonitions_survive() -> None:
    prose = "\n".join(c.source for c in convert().cells if c.cell_type == "markdown")
    assert "$\\mathbf{A}\\mathbf{x} = \\mathbf{b}$" in prose
    assert "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}" in prose
    assert "**Definition**\n\nA **thing** is $a_{ij}$." in prose  # dedented: not code
    assert "**Solution**" in prose
    assert "\nMore prose after the code." in "\n" + prose  # not left indented alone
    assert "[link](URL(../other.md)#here)" in prose


def test_nested_admonitions_and_tabs_are_flattened() -> None:
    nested = (
        '# T\n\n!!! note "Outer"\n    Outer text.\n\n    === "Tab A"\n        In tab A.\n\n'
        '        ```python\n        print(1)\n        ```\n\n    Back in outer.\n\nAfter all.\n'
    )
    nb = lesson_notebook(nested)
    assert [c.source for c in code_cells(nb)] == ["print(1)"]
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "**Outer**\n\nOuter text.\n\n**Tab A**\n\nIn tab A." in prose
    assert "\nBack in outer.\n\nAfter all." in prose


def test_first_cells_are_title_introduction_and_install() -> None:
    nb = convert()
    assert nb.cells[0].cell_type == "markdown"
    assert nb.cells[0].source.startswith("# A sample lesson\n")
    assert "https://example.org/lesson/" in nb.cells[0].source
    setup = nb.cells[1]
    assert setup.cell_type == "code" and setup.metadata["tags"] == ["setup"]
    assert INSTALL in setup.source and 'find_spec("mathbook") is None' in setup.source
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_conversion_is_deterministic() -> None:
    assert nbformat.writes(convert()) == nbformat.writes(convert())
    assert not any(cell.get("outputs") for cell in convert().cells)


# ---------------------------------------------------------------------------
# Every lesson: run the notebook, compare with the page
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", LESSONS, ids=page_id)
def test_lesson_notebook_runs_and_prints_what_the_page_shows(page: Path,
                                                            tmp_path: Path) -> None:
    nb = lesson_notebook(page.read_text(encoding="utf-8"), install=INSTALL)
    blocks = reader_blocks(page)
    cells = code_cells(nb)
    assert [without_blank_lines(c.source) for c in cells] == [
        without_blank_lines(b.code) for b in blocks  # type: ignore[attr-defined]
    ], "the notebook's code cells are the page's reader blocks, in order"
    # a fresh kernel in an empty folder: only the installed mathbook can be imported
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cell, block in zip(cells, blocks, strict=True):
        expected = block.expected_output  # type: ignore[attr-defined]
        if expected is None:
            continue
        got = stdout_of(cell)
        if block.expected_output_ignore_whitespace:  # type: ignore[attr-defined]
            got, expected = "".join(got.split()), "".join(expected.split())
        assert got == expected, f"{page_id(page)}:{block.lineno}"  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------
# The built site offers each notebook on its page
# ---------------------------------------------------------------------------


@pytest.mark.site
def test_built_lesson_pages_link_to_their_notebooks(built_site: Build) -> None:
    assert built_site.returncode == 0, built_site.log[-2000:]
    for page in LESSONS:
        relative = page.relative_to(DOCS).with_suffix("")
        html = (built_site.site / relative / "index.html").read_text(encoding="utf-8")
        name = page.with_suffix(".ipynb").name
        assert f'href="{name}" download>Download this lesson as a notebook</a>' in html
        colab = ("https://colab.research.google.com/github/mathbook-org/mathbook/blob/"
                 f"{lesson_notebooks.PUBLISHED_BRANCH}/{relative.as_posix()}/{name}")
        assert f'href="{colab}">Open in Colab</a>' in html
        published = nbformat.read(built_site.site / relative / name, as_version=4)
        nbformat.validate(published)
        expected = lesson_notebook(page.read_text(encoding="utf-8"), install=INSTALL)
        assert [c.source for c in code_cells(published)] == [
            c.source for c in code_cells(expected)]
        # links in the prose point at built pages, not at Markdown sources
        prose = "\n".join(c.source for c in published.cells if c.cell_type == "markdown")
        assert ".md)" not in prose and ".md#" not in prose


@pytest.mark.site
def test_pages_that_are_not_lessons_have_no_notebook_links(built_site: Build) -> None:
    for path in built_site.site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        source = path.parent.relative_to(built_site.site).as_posix() + ".md"
        if "Download this lesson as a notebook" in html:
            assert is_lesson(source), source
