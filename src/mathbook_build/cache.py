"""The figure cache: one SVG file per figure, shared by every clone of the book.

The key of a figure hashes exactly what can change its drawing: the block's code and
slider, the ``mathbook`` package's sources, the worker that runs and compacts it, and
the versions of matplotlib and NumPy. So a cache outside the clone
(``~/.cache/mathbook/figures`` by default) is safe to share between clones and branches.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import time
from importlib.metadata import version
from pathlib import Path

from mathbook_build import worker

DAY = 86_400.0


def user_cache(name: str) -> Path:
    """``$XDG_CACHE_HOME/mathbook/<name>``, or ``~/.cache/mathbook/<name>``: outside the
    clone, shared by every clone of the book."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mathbook" / name


def library_digest() -> str:
    """Hash of what draws a figure besides its own code (computed once per build)."""
    spec = importlib.util.find_spec("mathbook")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the mathbook package is not installed: run `make env`")
    library = Path(next(iter(spec.submodule_search_locations)))
    digest = hashlib.sha256()
    for path in sorted(library.rglob("*.py")):
        digest.update(path.relative_to(library).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(Path(worker.__file__).read_bytes())
    for package in ("matplotlib", "numpy"):
        digest.update(f"{package} {version(package)}".encode())
    return digest.hexdigest()


class FigureCache:
    """SVG files named by key in ``folder``; entries used by a build are kept fresh."""

    def __init__(self, folder: Path, digest: str) -> None:
        self.folder = folder
        self.digest = digest
        self.used: set[str] = set()

    def key(self, code: str, slider: str | None) -> str:
        payload = f"{self.digest}\0{slider or ''}\0{code}".encode()
        return hashlib.sha256(payload).hexdigest()[:24]

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.svg"

    def has(self, key: str) -> bool:
        """Whether the figure is cached; marks it used (and touches it) if so."""
        path = self.path(key)
        if not path.exists():
            return False
        self.used.add(key)
        os.utime(path)
        return True

    def prune(self, older_than_days: float) -> int:
        """Delete the entries this build did not use that no build has used for
        ``older_than_days`` days (other clones share the folder), and stray temporary
        files; return how many were deleted."""
        cutoff = time.time() - older_than_days * DAY
        deleted = 0
        for path in self.folder.glob("*"):
            stale = path.suffix == ".svg" and path.stem not in self.used
            stray = path.suffix == ".tmp"
            if (stale or stray) and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                deleted += 1
        return deleted
