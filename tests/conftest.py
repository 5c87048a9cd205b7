"""Shared fixtures and rules of the suite.

* ``built_site``: the book built once with ``--strict`` and shared by the site and browser
  tests. The build is kept in ``.cache/site/`` under a hash of everything it is made from
  (the book, the glue, the library, the pinned packages, the git commit), so a re-run with
  nothing changed reuses it; any change to those inputs builds anew.
* Markers: tests that build a book are marked ``site``, the browser tests ``browser``;
  ``make test-fast`` runs everything else.
* Results keyed by content: a ``reusable`` test (site, browser, reader block, lab) that
  passed is recorded in ``.cache/results/`` under a hash of every file of the
  repository, the installed packages and the Chromium binary; while none of these
  changes, a later run skips it (saying so). Any change, anywhere, runs them all again;
  so does ``--rerun-all``. Package and docstring tests always run (Hypothesis explores
  new examples on every local run).

The rules for the book's reader blocks (temporary working directory, time limit, no
files left behind) are in the repository's root ``conftest.py``.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from pytest_codeblocks.plugin import TestBlock

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MKDOCS = Path(sys.executable).with_name("mkdocs")
SITE_CACHE = ROOT / ".cache" / "site"
RESULTS = ROOT / ".cache" / "results"
# Repository paths the build does not read: changing them does not invalidate the site.
NOT_BUILD_INPUTS = (
    "tests/",
    "benchmarks/",
    "tools/",
    ".ci/",
    ".github/",
    "conftest.py",
    "Makefile",
)


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    log: str


_RUNNING: set[subprocess.Popen[str]] = set()  # builds to stop if the session ends first


def lab_reference(filename: str) -> ModuleType:
    """A lab's reference solution, ``tests/labs/<filename>``, loaded as a module."""
    path = Path(__file__).parent / "labs" / filename
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_site(
    target: Path, *, config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None
) -> Build:
    """Run ``mkdocs build --strict`` into ``target`` and capture its log."""
    command = [str(MKDOCS), "build", "--strict", "--config-file", str(config)]
    with subprocess.Popen(
        [*command, "--site-dir", str(target)],
        cwd=config.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    ) as process:
        _RUNNING.add(process)
        try:
            log, _ = process.communicate(timeout=900)
        except subprocess.TimeoutExpired:
            process.kill()
            log = process.communicate()[0] + "\nthe build took more than 900 s and was stopped"
        finally:
            _RUNNING.discard(process)
    return Build(target, process.returncode, log)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


@functools.cache
def content_key(skip: tuple[str, ...] = ()) -> str | None:
    """A hash of the repository's content, or None outside a git checkout.

    Every file git tracks or would track (new files included, ignored ones not) except
    those under ``skip``; the commit (pages show their last-updated date from git
    history); the Python version, the installed packages and ``MATHBOOK_*`` settings.
    """
    try:
        files = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
        head = _git("rev-parse", "HEAD").strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    # The environment's own site-packages, not sys.path: sys.path may hold relative
    # entries ('' or '.') that name another folder whenever a test changes directory.
    where = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions(path=where)
    )
    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("MATHBOOK_"))
    digest = hashlib.sha256(repr((head, sys.version, packages, settings)).encode())
    for name in sorted(f for f in files if f and not f.startswith(skip)):
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


def run_id(config: pytest.Config) -> str:
    """This test run's id, the same in the xdist controller and every worker."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput:
        return str(workerinput["testrunuid"])
    return str(getattr(config.option, "testrunuid", None) or _RUN_ID)


_RUN_ID = uuid.uuid4().hex


def _run_key(run: str) -> str | None:
    """The content key of the book for this run, computed once and read by every worker,
    so that all of a run's workers use (and keep) the same build."""
    SITE_CACHE.mkdir(parents=True, exist_ok=True)
    record = SITE_CACHE / f"run-{run}.key"
    with _locked(SITE_CACHE / "run-keys.lock"):
        if record.exists():
            return record.read_text(encoding="utf-8") or None
        key = content_key(NOT_BUILD_INPUTS)
        for old in SITE_CACHE.glob("run-*.key"):
            old.unlink(missing_ok=True)
        record.write_text(key or "", encoding="utf-8")
        return key


def shared_build(run: str) -> Build:
    """The book, built once per content and shared by the workers of a run and by later
    runs (a failed build only within its own run)."""
    key = _run_key(run)
    if key is None:  # not a git checkout: a fresh build for this run only
        folder = Path(tempfile.gettempdir()) / f"mathbook-site-{run}"
    else:
        folder = SITE_CACHE / key
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / "build.json"
    with _locked(folder.parent / f"{folder.name}.lock"):
        saved = _load(record)
        if saved and (saved["returncode"] == 0 or saved["run"] == run):
            return Build(Path(str(saved["site"])), int(str(saved["returncode"])), str(saved["log"]))
        shutil.rmtree(folder / "site", ignore_errors=True)
        build = build_site(folder / "site")
        if build.returncode < 0:  # stopped, not failed: nothing to share
            return build
        saved = {"site": str(build.site), "returncode": build.returncode, "log": build.log}
        record.write_text(json.dumps({**saved, "run": run}), encoding="utf-8")
    if key is not None:  # keep only the newest build
        for old in SITE_CACHE.iterdir():
            if old.is_dir() and old.name != key:  # builds of earlier content
                shutil.rmtree(old, ignore_errors=True)
                old.with_name(f"{old.name}.lock").unlink(missing_ok=True)
    return build


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Build:
    """The book built with ``--strict`` (see ``shared_build``). Tests must treat the site
    as read-only (copy it to change it)."""
    return shared_build(run_id(request.config))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the book in the background as soon as a test that needs it is
    collected: the package tests (ordered first) run meanwhile, and ``built_site`` waits
    for the build to finish instead of starting it."""
    if any(
        "built_site" in getattr(i, "fixturenames", ()) and not i.get_closest_marker("skip")
        for i in session.items
    ):
        run = run_id(session.config)
        threading.Thread(target=shared_build, args=(run,), daemon=True).start()


def pytest_unconfigure() -> None:
    for process in list(_RUNNING):
        process.kill()


@functools.cache
def results_key() -> str | None:
    """What a site or browser test's result depends on: every file of the repository
    (tests included), the installed packages, and the Chromium binary."""
    key = content_key()
    chromium = shutil.which("chromium")
    if key is None or chromium is None:
        return key
    stat = Path(chromium).resolve().stat()
    return hashlib.sha256(f"{key} {stat.st_size} {stat.st_mtime_ns}".encode()).hexdigest()[:20]


def _passed(key: str) -> set[str]:
    record = RESULTS / f"{key}.json"
    return set(json.loads(record.read_text(encoding="utf-8"))) if record.exists() else set()


# How much lower the xdist workers' CPU priority is than the controller's: a book built
# by the controller (see ``pytest_sessionstart``) gets the cores it asks for, and the
# tests take what is left. Children (Chromium, kernels, the small books of
# test_hooks.py) inherit it.
WORKER_NICENESS = 10


def _controller(config: pytest.Config) -> bool:
    """Whether this process hands tests to xdist workers."""
    return not hasattr(config, "workerinput") and getattr(config.option, "dist", "no") != "no"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "reusable: the result follows from the content; reused while nothing changed"
    )
    if hasattr(config, "workerinput"):
        os.nice(WORKER_NICENESS)
    elif _controller(config) and getattr(config.option, "testrunuid", None) is None:
        config.option.testrunuid = _RUN_ID  # the workers' run id is then the controller's


def reusable(item: pytest.Item) -> bool:
    """Whether the item's result follows from the repository's content alone: the site
    and browser tests, the book's reader blocks and the labs (not the package tests,
    where Hypothesis draws new examples on every local run)."""
    marked = item.get_closest_marker("site") or item.get_closest_marker("browser")
    return bool(marked) or isinstance(item, TestBlock) or item.path.name == "test_labs.py"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that build books (``site``). Order last the tests that need the
    shared build, and the browser tests (one Chromium per worker): the book builds in the
    background on one core while the others, the small books of ``test_hooks.py``
    among them, keep the other core busy. Skip the reusable tests that passed in an
    earlier run on exactly the same content (``make test`` run twice)."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()) or item.path.name == "test_hooks.py":
            item.add_marker(pytest.mark.site)
        if reusable(item):
            item.add_marker(pytest.mark.reusable)
    items.sort(
        key=lambda i: "built_site" in getattr(i, "fixturenames", ())
        or bool(i.get_closest_marker("browser"))
    )
    key = results_key()
    if key is None or config.getoption("--rerun-all"):
        return
    passed = _passed(key)
    reason = "passed in an earlier run on the same content (rerun: --rerun-all or make clean)"
    for item in items:
        if item.nodeid in passed:
            item.add_marker(pytest.mark.skip(reason=reason))


_PASSED_NOW: set[str] = set()


def pytest_sessionstart(session: pytest.Session) -> None:
    """Note the content as the run starts, before any test writes a file. On ``make
    test`` (every test path, nothing deselected) under xdist, start the book's build
    here, in the controller, while the workers are still collecting (about 15 s), at the
    controller's higher priority; unless an earlier run on the same content passed,
    when the workers decide (``pytest_collection_finish``) once they know what is
    skipped."""
    key = results_key()
    config = session.config
    whole_suite = (
        config.args_source == pytest.Config.ArgsSource.TESTPATHS
        and not config.option.keyword
        and not config.option.markexpr
        and not config.option.collectonly
    )
    if _controller(config) and whole_suite and not (key and _passed(key)):
        threading.Thread(target=shared_build, args=(run_id(config),), daemon=True).start()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed and "reusable" in report.keywords:
        _PASSED_NOW.add(report.nodeid)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Remember which site and browser tests passed, under the content they passed on
    (the main process only: under xdist it sees every worker's reports)."""
    key = results_key()
    if key is None or hasattr(session.config, "workerinput") or not _PASSED_NOW:
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    passed = sorted(_passed(key) | _PASSED_NOW)
    for old in RESULTS.glob("*.json"):
        old.unlink()
    (RESULTS / f"{key}.json").write_text(json.dumps(passed, indent=0), encoding="utf-8")
