"""Rules for the book's reader blocks (the ```` ```python ```` fences pytest-codeblocks runs).

Here at the repository root so that they hold however the blocks are collected
(``make test``, or ``pytest docs/<page>.md`` while writing a lesson):

* each block runs in a fresh temporary working directory, so a block that writes
  ``data.csv`` writes it there and not into the repository;
* a block that leaves a file behind in the repository anyway (an absolute path, a
  ``chdir``) fails, naming the page, the line and the files;
* each block has a time limit (pytest-timeout); a block that runs longer (a ``while
  True``) fails, naming the page and line, instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_codeblocks.plugin import TestBlock

ROOT = Path(__file__).resolve().parent
# A reader block is a few lines a learner copies and runs; none needs this long.
READER_BLOCK_SECONDS = 60
# Folders where tools keep caches and outputs: files appearing there are not a block's.
SCRATCH = {".git", ".venv", "node_modules", ".cache", ".pytest_cache", ".hypothesis",
           ".mypy_cache", ".ruff_cache", "__pycache__", "site", "test-artifacts"}  # fmt: skip


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--rerun-all",
        action="store_true",
        help="run the site and browser tests even if they passed before on the same content "
        "(tests/conftest.py)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if isinstance(item, TestBlock):
            item.add_marker(pytest.mark.timeout(READER_BLOCK_SECONDS))


def repository_files() -> set[Path]:
    """Files in the repository outside the tools' cache and output folders."""
    found: set[Path] = set()
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in SCRATCH and not d.endswith(".egg-info")]
        found.update(Path(folder, name) for name in names)
    return found


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Run a reader block in a temporary working directory; fail it if it leaves a file
    in the repository."""
    if not isinstance(item, TestBlock):
        return (yield)
    before = repository_files()
    with tempfile.TemporaryDirectory(prefix="mathbook-block-") as work, contextlib.chdir(work):
        result = yield
    if left := sorted(p.relative_to(ROOT).as_posix() for p in repository_files() - before):
        pytest.fail(f"{item.nodeid}: the block left files in the repository: {', '.join(left)}")
    return result
