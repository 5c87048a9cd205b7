"""Shared fixtures: the strictly built site, shared by the site and browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MKDOCS = Path(sys.executable).with_name("mkdocs")


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    log: str


def build_site(target: Path, *, config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None) -> Build:
    """Run ``mkdocs build --strict`` into ``target`` and capture its log."""
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--config-file", str(config), "--site-dir", str(target)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=900,
    )
    return Build(target, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The book, built once per test session with ``--strict``."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Tests that use the built site run on one xdist worker, so the site is built once.
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("site"))
