"""The book at full size: a synthetic thirteen-week book, built and tested (``make bench-scale``).

Copies the project (the files git tracks or would track: no ``.git``, ``.venv`` or caches)
into a temporary folder and fills the book up to N weeks in all with copies of Part 1
Week 1 (lessons, lab, quiz, week page, nav entries, the lab's reference solution),
numbered after the last real week of Part 1, with a comment added to each copy's figure
code so that every figure is drawn anew. ``docs/`` itself is never touched.
Then measures, with caches private to the copy:

* cold build (empty figure and font caches) and warm rebuild after a prose edit;
* what a writer waits for: ``make serve``'s reload after a prose edit (``--dirty``: the
  edited page is rebuilt), from saving the file to the server telling browsers to reload;
* the whole suite as on a fresh clone (CI: empty caches, so it builds the book too);
* the whole suite again with nothing changed (``make test`` run twice);

and prints a table, with the goals of issue 10 beside the figures. Several sizes
(``--weeks 6 13``: the real book, then filled up to 13) give the cost of one more week. These are measurements, not tests:
the machine's other work moves them, so compare ratios taken in one run.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEEK_1 = "linear-algebra/week-1"
FIGURE_FENCE = re.compile(
    r'^(?P<indent>[ \t]*)```python[^\n]*\bfigure="[^"]+"[^\n]*\n', re.MULTILINE
)
GOALS = {
    "cold build": "≤ 90 s",
    "`make serve` reload after a prose edit": "≤ 3 s",
    "suite, fresh clone (CI)": "≤ 8 min, ≤ 15 s a week",
    "suite, nothing changed": "≤ 2 min",
}


def copy_project(target: Path) -> None:
    """The working tree as a fresh clone sees it, committed (pages date themselves from git)."""
    names = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\0")  # fmt: skip
    for name in filter(None, names):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")


def commit(book: Path, message: str) -> None:
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run(["git", "init", "-q"], cwd=book, check=True)
    subprocess.run([*git, "add", "-A"], cwd=book, check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], cwd=book, check=True)


def real_weeks(docs: Path) -> list[Path]:
    """The week folders the book has now, in every part."""
    return sorted(p for p in docs.glob("*/week-*") if p.is_dir())


def add_week(book: Path, week: int) -> None:
    """Part 1 week ``week`` as a copy of Week 1 whose figures differ by a comment."""
    name = WEEK_1.replace("week-1", f"week-{week}")
    shutil.copytree(book / "docs" / WEEK_1, book / "docs" / name)
    for page in (book / "docs" / name).glob("*.md"):
        text = FIGURE_FENCE.sub(
            lambda m: m[0] + f"{m['indent']}# drawn for the copy in week {week}\n",
            page.read_text(encoding="utf-8"),
        )
        page.write_text(text, encoding="utf-8")
    labs = book / "tests" / "labs"
    solution = labs / (WEEK_1.replace("/", "_") + "_lab.py")
    shutil.copy2(solution, labs / (name.replace("/", "_") + "_lab.py"))


def add_nav(book: Path, numbers: list[int]) -> None:
    """Nav entries for the copied weeks, after Part 1 Week 1's."""
    config = book / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    blocks = re.finditer(r'^( *)- "Week 1:.*?\n(?:\1 .*\n)+', text, re.MULTILINE)
    block = next((b for b in blocks if f"{WEEK_1}/" in b[0]), None)
    assert block, f"the nav entry of {WEEK_1} not found in mkdocs.yml"
    copies = "".join(
        block[0].replace("week-1/", f"week-{n}/").replace('"Week 1:', f'"Week {n}:')
        for n in numbers
    )
    config.write_text(text.replace(block[0], block[0] + copies), encoding="utf-8")


def make_book(parent: Path, weeks: int) -> Path:
    """The project with copies of Part 1 Week 1 added until the book has ``weeks`` weeks."""
    book = parent / f"book-{weeks}"
    copy_project(book)
    have = real_weeks(book / "docs")
    if weeks < len(have):
        sys.exit(f"the book already has {len(have)} weeks; ask for at least that many")
    part = (book / "docs" / WEEK_1).parent
    last = max(int(p.name.split("-")[1]) for p in have if p.parent == part)
    numbers = list(range(last + 1, last + 1 + weeks - len(have)))
    for week in numbers:
        add_week(book, week)
    add_nav(book, numbers)
    commit(book, f"synthetic book of {weeks} weeks ({len(have)} real)")
    return book


def timed(
    command: list[str], book: Path, env: dict[str, str], check: bool = True
) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=book, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if check and result.returncode != 0:
        sys.exit(
            f"{' '.join(command)} failed in {book}:\n{(result.stdout + result.stderr)[-6000:]}"
        )
    return seconds, result.stdout


def serve_reload(book: Path, env: dict[str, str], lesson: Path) -> float:
    """Seconds from saving a prose edit to ``make serve`` (``mkdocs serve --dirty``)
    telling the browsers to reload, the best of three edits."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
               "--dev-addr", "127.0.0.1:0"]  # fmt: skip
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    server = subprocess.Popen(command, cwd=book, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    assert server.stdout is not None
    output = server.stdout
    threading.Thread(
        target=lambda: [lines.put((time.perf_counter(), line)) for line in output], daemon=True
    ).start()

    def wait_for(text: str) -> float:
        while True:
            at, line = lines.get(timeout=900)
            if text in line:
                return at

    original = lesson.read_text(encoding="utf-8")
    seconds = []
    try:
        wait_for("Serving on")
        for edit in range(3):
            time.sleep(3)  # let the watcher settle; then drop what it said meanwhile
            while not lines.empty():
                lines.get()
            saved = time.perf_counter()
            lesson.write_text(original + f"\nOne more sentence of prose ({edit}).\n", "utf-8")
            seconds.append(wait_for("Reloading browsers") - saved)
    finally:
        lesson.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()
    return min(seconds)


def clear_caches(book: Path, env: dict[str, str]) -> None:
    for folder in (
        book / ".cache",
        Path(env["XDG_CACHE_HOME"]),
        Path(env["MATHBOOK_FIGURE_CACHE"]),
    ):
        shutil.rmtree(folder, ignore_errors=True)


def measure(book: Path, tests: bool) -> dict[str, float | str]:
    caches = book.parent / f"{book.name}-caches"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        # figure caches private to this book, wherever the glue keeps them
        "MATHBOOK_FIGURE_CACHE": str(caches / "figures"),
        "XDG_CACHE_HOME": str(caches / "xdg"),
    }
    # no -q: it would hide the warnings that --strict turns into a failed build
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(book / "site")]
    clear_caches(book, env)
    figures: dict[str, float | str] = {"cold build": timed(mkdocs, book, env)[0]}
    lesson = book / "docs" / WEEK_1 / "two-variables.md"
    original = lesson.read_text(encoding="utf-8")
    lesson.write_text(original + "\nOne more sentence of prose.\n", encoding="utf-8")
    figures["warm rebuild after a prose edit"] = timed(mkdocs, book, env)[0]
    lesson.write_text(original, encoding="utf-8")
    figures["`make serve` reload after a prose edit"] = serve_reload(book, env, lesson)
    if tests:
        pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=8"]
        clear_caches(book, env)
        seconds, out = timed(pytest, book, env, check=False)
        figures["suite, fresh clone (CI)"] = seconds
        figures["outcome (fresh)"] = summary(out)
        figures["slowest tests (fresh)"] = slowest(out)
        seconds, out = timed(pytest, book, env, check=False)
        figures["suite, nothing changed"] = seconds
        figures["outcome (nothing changed)"] = summary(out)
        (book.parent / f"{book.name}-pytest.log").write_text(out, encoding="utf-8")
    return figures


def summary(pytest_output: str) -> str:
    lines = pytest_output.strip().splitlines()
    return lines[-1].strip("= ") if lines else "no output"


def slowest(pytest_output: str) -> str:
    lines = re.findall(r"^([\d.]+)s (?:call|setup)\s+(\S+)", pytest_output, re.MULTILINE)
    return "; ".join(f"{name.split('::')[-1]} {float(s):.0f} s" for s, name in lines[:8])


def report(results: dict[int, dict[str, float | str]]) -> None:
    sizes = sorted(results)
    print(
        f"\n| figure ({os.cpu_count()} cores) | "
        + " | ".join(f"{n} weeks" for n in sizes)
        + " | goal |"
    )
    print("| --- |" + " --- |" * (len(sizes) + 1))
    for key in results[sizes[0]]:
        cells = []
        for n in sizes:
            value = results[n].get(key, "")
            cells.append(f"{value:.0f} s" if isinstance(value, float) else str(value))
        print(f"| {key} | " + " | ".join(cells) + f" | {GOALS.get(key, '')} |")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        for key, values in ((k, [results[n][k] for n in (first, last)]) for k in GOALS):
            if all(isinstance(v, float) for v in values):
                extra = (float(values[1]) - float(values[0])) / (last - first)
                print(f"each added week: {key} +{extra:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, nargs="+", default=[13], help="book sizes (weeks)")
    parser.add_argument("--no-tests", action="store_true", help="only the builds")
    parser.add_argument("--keep", type=Path, help="build the books here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mathbook-scale-") as tmp:
        parent = args.keep or Path(tmp)
        parent.mkdir(parents=True, exist_ok=True)
        results = {}
        for weeks in args.weeks:
            book = make_book(parent, weeks)
            print(
                f"# {weeks} weeks: {sum(1 for _ in (book / 'docs').rglob('*.md'))} pages in {book}"
            )
            results[weeks] = measure(book, tests=not args.no_tests)
        report(results)


if __name__ == "__main__":
    main()
