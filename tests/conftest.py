"""Shared fixtures and rules of the suite.

* ``built_site``: the book built once with ``--strict`` and shared by the site and browser
  tests. The build is kept in ``.cache/site/`` under a hash of everything it is made from
  (the book, the glue, the library, the pinned packages, the git commit), so a re-run with
  nothing changed reuses it; any change to those inputs builds anew.
* Markers: tests that build a book are marked ``site``, the browser tests ``browser``;
  ``make test-fast`` runs everything else.

The rules for the book's reader blocks (temporary working directory, time limit, no
files left behind) are in the repository's root ``conftest.py``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MKDOCS = Path(sys.executable).with_name("mkdocs")
SITE_CACHE = ROOT / ".cache" / "site"
# Repository paths the build does not read: changing them does not invalidate the site.
NOT_BUILD_INPUTS = ("tests/", "benchmarks/", "tools/", ".ci/", ".github/")


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


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def build_inputs_key() -> str | None:
    """A hash of everything the built site depends on, or None outside a git checkout.

    Every file git tracks or would track (new files included, ignored ones not) except
    the tests, benchmarks and tools; the commit (pages show their last-updated date from
    git history); the Python version and the build's environment variables.
    """
    try:
        files = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
        head = _git("rev-parse", "HEAD").strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    digest = hashlib.sha256(f"{head}\n{sys.version}\n".encode())
    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("MATHBOOK_"))
    digest.update(repr(settings).encode())
    for name in sorted(f for f in files if f and not f.startswith(NOT_BUILD_INPUTS)):
        path = ROOT / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _load(record: Path) -> dict[str, object] | None:
    return json.loads(record.read_text(encoding="utf-8")) if record.exists() else None


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, testrun_uid: str) -> Build:
    """The book, built once with ``--strict`` and shared by xdist workers; reused by later
    runs while its inputs are unchanged (a failed build is never reused by a later run).
    Tests must treat the site as read-only (copy it to change it)."""
    key = build_inputs_key()
    if key is None:  # not a git checkout: a fresh build for this run only
        folder = tmp_path_factory.getbasetemp().parent / f"mathbook-site-{testrun_uid}"
    else:
        folder = SITE_CACHE / key
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / "build.json"
    with _locked(folder.parent / f"{folder.name}.lock"):
        saved = _load(record)
        if saved and (saved["returncode"] == 0 or saved["run"] == testrun_uid):
            return Build(Path(str(saved["site"])), int(str(saved["returncode"])), str(saved["log"]))
        shutil.rmtree(folder / "site", ignore_errors=True)
        build = build_site(folder / "site")
        record.write_text(
            json.dumps(
                {"site": str(build.site), "returncode": build.returncode, "log": build.log,
                 "run": testrun_uid}  # fmt: skip
            ),
            encoding="utf-8",
        )
    if key is not None:  # keep only the newest build
        for old in SITE_CACHE.iterdir():
            if old.is_dir() and old.name != key:
                shutil.rmtree(old, ignore_errors=True)
                old.with_name(f"{old.name}.lock").unlink(missing_ok=True)
    return build


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()) or item.path.name == "test_hooks.py":
            item.add_marker(pytest.mark.site)
