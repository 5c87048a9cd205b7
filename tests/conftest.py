"""Shared fixtures: the strictly built site, shared by the site and browser tests."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


def build_site(
    target: Path, *, config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None
) -> Build:
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


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, testrun_uid: str) -> Build:
    """The book, built once per test run with ``--strict``, shared by xdist workers."""
    shared = tmp_path_factory.getbasetemp().parent / f"mathbook-site-{testrun_uid}"
    shared.mkdir(parents=True, exist_ok=True)
    record = shared / "build.json"
    with _locked(shared / "lock"):
        if record.exists():
            saved = json.loads(record.read_text(encoding="utf-8"))
            return Build(Path(saved["site"]), saved["returncode"], saved["log"])
        build = build_site(shared / "site")
        record.write_text(
            json.dumps({"site": str(build.site), "returncode": build.returncode, "log": build.log}),
            encoding="utf-8",
        )
        return build
