"""Performance figures of the book and the library (run with ``make bench``).

Prints, on this machine:

* cold build (empty figure cache), warm rebuild after touching one lesson, and the
  same build with figure drawing off (target: warm ≤ 1.15 × figures-off);
* the full test suite's wall time (skip with ``--no-tests``);
* first-load weight of pages in headless Chromium — every response a page fetches,
  gzip-compressed as a server would send it (target: a lesson ≤ 160 KB, a lab ≤ 250 KB),
  with and without its interactive figure, and the time until math and figures show;
* library kernels against the NumPy/SciPy call doing the same job.

These are measurements, not tests: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `tools` importable

from tools.browser import Traffic, chromium, chromium_path, serve, watch  # noqa: E402

LESSON = "linear-algebra/week-1/two-variables/"
PAGES = {
    "lesson (two variables)": LESSON,
    "lesson (three variables)": "linear-algebra/week-1/three-variables/",
    "lesson (columns)": "linear-algebra/week-1/columns/",
    "lab (week 1)": "linear-algebra/week-1/lab/",
    "lesson (Part 0: functions)": "foundations/week-1/functions/",
    "lesson (Part 0: update rule)": "foundations/week-1/update-rule/",
    "lab (Part 0 week 1)": "foundations/week-1/lab/",
    "lesson (Part 0: least squares)": "foundations/week-2/least-squares/",
    "lab (Part 0 week 2)": "foundations/week-2/lab/",
    "lesson (rank, image slider)": "linear-algebra/week-2/rank/",
    "lab (week 2)": "linear-algebra/week-2/lab/",
    "lesson (transformations)": "linear-algebra/week-3/transformations/",
    "lab (week 3)": "linear-algebra/week-3/lab/",
    "lesson (span slider)": "linear-algebra/week-4/bases-and-span/",
    "lesson (eigen slider)": "linear-algebra/week-4/eigenvectors/",
    "lab (week 4)": "linear-algebra/week-4/lab/",
    "home": "",
}


def build(site: Path, cache: Path, **env: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "MATHBOOK_FIGURE_CACHE": str(cache), "NO_MKDOCS_2_WARNING": "1", **env},
    )
    return time.perf_counter() - start


def best_of(n: int, fn: Callable[[], float]) -> float:
    return min(fn() for _ in range(n))


def builds(work: Path) -> Path:
    cache, site = work / "figures", work / "site"
    cold = build(site, cache)
    lesson = ROOT / "docs" / "linear-algebra" / "week-1" / "two-variables.md"

    def warm() -> float:
        lesson.touch()
        return build(site, cache)

    warm_s = best_of(3, warm)
    off_s = best_of(3, lambda: build(site, cache, MATHBOOK_FIGURES="off"))
    print("\n## Build")
    print(f"cold build (no figure cache)          {cold:6.1f} s")
    print(f"warm rebuild after touching a lesson  {warm_s:6.1f} s")
    print(f"build with figure drawing off         {off_s:6.1f} s")
    print(f"warm / figures-off                    {warm_s / off_s:6.2f}   (target ≤ 1.15)")
    build(site, cache)  # leave a complete site for the page measurements
    return site


def tests() -> None:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rerun-all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "?"
    print("\n## Tests")
    print(f"full suite                            {seconds:6.1f} s   ({summary})")


def page_weights(site: Path) -> None:
    print("\n## Pages (first load, gzip-compressed, headless Chromium)")
    if chromium_path() is None:
        print("chromium not installed: skipped")
        return
    with serve(site) as base, chromium() as browser:
        for label, path in PAGES.items():
            context = browser.new_context()
            page = context.new_page()
            traffic = Traffic()
            watch(page, traffic)
            start = time.perf_counter()
            page.goto(base + path, wait_until="load")
            page.wait_for_function(
                "() => [...document.querySelectorAll("
                "'.mb-figure .mb-frame:not([hidden]) svg, .mb-figure > svg, .katex')]"
                ".every(e => e.getBoundingClientRect().height > 0)"
            )
            visible = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            painted = page.evaluate(
                "() => performance.getEntriesByName('first-contentful-paint')[0].startTime"
            )
            context.close()
            kb = traffic.compressed_bytes / 1024
            print(
                f"{label:28s} {kb:7.1f} KB   first paint {painted:4.0f} ms, "
                f"all math+figures laid out {visible * 1000:4.0f} ms"
            )
            interactive(site, path, kb)
    search = [
        site / "search" / "search_index.json",
        *site.glob("assets/javascripts/workers/search.*.js"),
    ]
    kb = sum(gz(f.read_bytes()) for f in search) / 1024
    print(
        f"{'site search (on first use)':28s} {kb:7.1f} KB   index + worker, fetched when the reader opens search"
    )


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def interactive(site: Path, path: str, page_kb: float) -> None:
    """Bytes the page's slider figures add: their inline default frame, and the frames
    file fetched when the figure comes into view."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    frames = [(site / path / href).resolve() for href in re.findall(r'data-frames="([^"]+)"', html)]
    if not frames:
        return
    without = re.sub(
        r'<div class="mb-figure mb-interactive".*?</details></div>', "", html, flags=re.DOTALL
    )
    inline = (gz(html.encode()) - gz(without.encode())) / 1024
    lazy = sum(gz(f.read_bytes()) for f in frames) / 1024
    print(
        f"{'  without its sliders':28s} {page_kb - inline:7.1f} KB   ({len(frames)} interactive figures inline {inline:.1f} KB)"
    )
    print(
        f"{'  slider frames (lazy)':28s} {lazy:7.1f} KB   fetched when a figure comes into view, {lazy / len(frames):.1f} KB each"
    )


def kernels() -> None:
    import numpy as np
    import scipy.stats

    from mathbook import linalg, stats

    def timeit(fn: Callable[[], object], repeat: int = 5) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    rng = np.random.default_rng(0)
    print("\n## Kernels (best of 5; ratio = mathbook / reference)")
    A = rng.normal(size=(300, 300))
    b = rng.normal(size=300)
    rows = [
        ("linalg.solve n=300", lambda: linalg.solve(A, b), lambda: np.linalg.solve(A, b)),
        ("linalg.det n=300", lambda: linalg.det(A), lambda: np.linalg.det(A)),
        ("linalg.rank n=300", lambda: linalg.rank(A), lambda: np.linalg.matrix_rank(A)),
    ]
    x = rng.normal(size=1_000_000)
    y = rng.normal(0.01, 1.1, size=1_000_000)
    rows.append(
        (
            "stats.ttest_ind n=1e6",
            lambda: stats.ttest_ind(x, y),
            lambda: scipy.stats.ttest_ind(x, y, equal_var=False),
        )
    )
    for name, ours, reference in rows:
        t_ours, t_ref = timeit(ours), timeit(reference)
        print(
            f"{name:28s} {t_ours * 1e3:8.2f} ms vs {t_ref * 1e3:8.2f} ms   ratio {t_ours / t_ref:6.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="skip timing the test suite")
    parser.add_argument(
        "--no-builds", action="store_true", help="only kernels (and pages of site/)"
    )
    args = parser.parse_args()
    print(f"# mathbook benchmarks ({os.cpu_count()} cores, Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as tmp:
        site = ROOT / "site" if args.no_builds else builds(Path(tmp))
        page_weights(site)
        if not args.no_tests:
            tests()
    kernels()


if __name__ == "__main__":
    main()
