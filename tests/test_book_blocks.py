"""Every Python block of the book runs: none is skipped by accident.

pytest-codeblocks (run by ``make test`` over ``docs/``) executes fences labelled exactly
``python``; the build executes ``exec=`` and ``figure=`` fences. Any other Python fence
(```` ```py ````, ```` ```python title="…" ````) would be skipped silently by both, so
this test fails on it, and on a skip marker without a reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DOCS
from pytest_codeblocks import extract_from_file

PAGES = sorted(DOCS.rglob("*.md"))
PYTHON_INFO = re.compile(r"^(?:py|python|python3|pycon|ipython)\b", re.IGNORECASE)
BUILD_TIME = re.compile(r'\b(exec="on"|figure="[^"]+")')


def page_id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_python_block_is_run_by_the_tests_or_the_build(page: Path) -> None:
    for block in extract_from_file(page):
        info = (block.syntax or "").strip()
        if not PYTHON_INFO.match(info) or info == "python":
            continue
        assert BUILD_TIME.search(info), (
            f"{page_id(page)}:{block.lineno}: ```{info} is run by neither the tests nor the "
            'build; use ```python (tested) or ```python exec="on" / figure="…" (built)'
        )


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_skips_give_a_reason_and_printed_output_is_checked(page: Path) -> None:
    for block in extract_from_file(page):
        if block.syntax != "python":
            continue
        where = f"{page_id(page)}:{block.lineno}"
        for mark in block.marks:
            if "skip" in mark:
                assert re.search(r"reason\s*=\s*['\"].{10,}['\"]", mark), (
                    f"{where}: skip needs a reason"
                )
        machine_dependent = [m for m in block.marks if "machine_dependent" in m]
        for mark in machine_dependent:
            assert re.search(r"reason\s*=\s*['\"].{10,}['\"]", mark), (
                f"{where}: machine_dependent needs a reason"
            )
            assert block.expected_output is None, f"{where}: machine-dependent output is not shown"
        if "print(" in block.code and not any(
            "skip" in m or "machine_dependent" in m for m in block.marks
        ):
            assert block.expected_output is not None, (
                f"{where}: the block prints, so the page must show its output "
                "(<!--pytest-codeblocks:expected-output--> and a plain ``` block)"
            )


def test_reader_blocks_are_counted() -> None:
    reader = sum(
        1 for page in PAGES for block in extract_from_file(page) if block.syntax == "python"
    )
    built = sum(
        1
        for page in PAGES
        for block in extract_from_file(page)
        if block.syntax and BUILD_TIME.search(block.syntax)
    )
    # The Week 1 chapter alone has dozens of blocks; a sudden drop means a parsing problem.
    assert reader >= 20, reader
    assert built >= 5, built
