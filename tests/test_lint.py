"""Style and types: ruff over the project, ``mypy --strict`` over the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = run(str(BIN / "ruff"), "check", "src", "tests", "hooks", "benchmarks", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_is_mypy_strict_clean() -> None:
    result = run(str(BIN / "mypy"), "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr
