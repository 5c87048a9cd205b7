"""The build glue (``src/mathbook_build`` and ``hooks/``) on small throw-away books.

Each fault a contributor can make is planted in a page, and the strict build must fail
naming the Markdown page and line (and ``mkdocs serve`` survives it: the glue reports
faults as warnings instead of raising).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from conftest import ROOT, Build, build_site

from mathbook_build import worker

FIGURE = """\
```python figure="{id}" alt="A straight line through the origin with slope two"
from mathbook import plot
fig, ax = plot.figure()
ax.plot([0, 1], [0, {slope}])
```
"""


def book(tmp_path: Path, pages: dict[str, str], **settings: object) -> Path:
    """A book of ``pages`` built with the plugin (its cache in ``tmp_path``) and KaTeX."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    options = {"cache_dir": str(tmp_path / "cache"), **settings}
    lines = "".join(f"      {k}: {v}\n" for k, v in options.items() if v is not None)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"""site_name: test
docs_dir: {docs}
hooks:
  - {ROOT / "hooks" / "katex.py"}
plugins:
  - search
  - markdown-exec:
      languages: [python]
  - mathbook-build:
{lines}markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.arithmatex:
      generic: true
""",
        encoding="utf-8",
    )
    return config


def build(tmp_path: Path, config: Path, **env: str) -> Build:
    return build_site(tmp_path / "site", config=config, env=env)


def fails_naming(result: Build, where: str, message: str = "") -> None:
    """The build failed, and one line of its log names ``where`` and says ``message``."""
    assert result.returncode != 0, result.log[-2000:]
    lines = [line for line in result.log.splitlines() if where in line and message in line]
    assert lines, result.log[-3000:]


# --------------------------------------------------------------------------- figures


def test_a_figure_is_drawn_once_then_served_from_the_cache(tmp_path: Path) -> None:
    config = book(tmp_path, {"index.md": "# A\n\n" + FIGURE.format(id="line", slope=2)})
    first = build(tmp_path, config)
    assert first.returncode == 0, first.log
    assert "figures: drawing 1 of 1" in first.log
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="fig-line"' in html and "<svg" in html and "Code for this figure" in html
    assert 'aria-label="A straight line through the origin with slope two"' in html
    second = build(tmp_path, config)
    assert "figures: all 1 figures cached" in second.log
    again = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    build_date = re.compile(r"<!--.*?Build Date UTC.*?-->", re.DOTALL)
    assert build_date.sub("", again) == build_date.sub("", html)


def test_the_cache_defaults_to_the_users_cache_folder(tmp_path: Path) -> None:
    config = book(
        tmp_path, {"index.md": FIGURE.format(id="line", slope=2)}, cache_dir=None, figures=True
    )
    result = build(tmp_path, config, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert result.returncode == 0, result.log
    assert len(list((tmp_path / "xdg" / "mathbook" / "figures").glob("*.svg"))) == 1


def test_stale_cache_entries_are_pruned_after_a_build(tmp_path: Path) -> None:
    config = book(tmp_path, {"index.md": FIGURE.format(id="line", slope=2)}, cache_days=30)
    cache = tmp_path / "cache"
    cache.mkdir()
    old, recent = cache / f"{'0' * 24}.svg", cache / f"{'1' * 24}.svg"
    for path in (old, recent):
        path.write_text("<svg/>", encoding="utf-8")
    sixty_days_ago = time.time() - 60 * 86_400
    os.utime(old, (sixty_days_ago, sixty_days_ago))
    result = build(tmp_path, config)
    assert result.returncode == 0, result.log
    assert not old.exists(), "unused for 60 days: deleted"
    assert recent.exists(), "another clone may use it: kept"
    assert len(list(cache.glob("*.svg"))) == 2, "the figure just drawn is kept"


def test_an_unusable_cache_folder_stops_the_build_with_a_plugin_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    config = book(tmp_path, {"index.md": "# A\n"}, cache_dir=str(blocker / "figures"))
    result = build(tmp_path, config)
    assert result.returncode != 0
    assert f"mathbook-build: figure cache {blocker / 'figures'}" in result.log, result.log


def test_drawing_is_byte_for_byte_reproducible() -> None:
    code = FIGURE.format(id="x", slope=3).split("\n", 1)[1].rsplit("```", 1)[0]
    first = worker.draw(code, None, None, "test")
    second = worker.draw(code, None, None, "test")
    assert first == second
    assert "currentColor" in first, "axes and text follow the page's colour scheme"


def test_a_failing_figure_fails_the_strict_build_naming_page_and_line(tmp_path: Path) -> None:
    broken = '```python figure="broken" alt="A figure whose code raises an error"\nraise RuntimeError("boom")\n```\n'
    config = book(tmp_path, {"index.md": "# A\n", "lesson.md": "# L\n\n" + broken})
    fails_naming(build(tmp_path, config), "figure 'broken' in lesson.md:3: RuntimeError: boom")


def test_a_figure_without_alt_text_is_an_error(tmp_path: Path) -> None:
    config = book(tmp_path, {"index.md": '```python figure="no-alt"\nimport matplotlib\n```\n'})
    fails_naming(build(tmp_path, config), "figure 'no-alt' in index.md:1: alt=")


def test_a_slider_figure_has_one_inline_frame_and_a_frames_file(tmp_path: Path) -> None:
    slider = FIGURE.format(id="slope", slope="s").replace(
        'alt="', 'slider="s:0:2:0.5" value="1" alt="'
    )
    config = book(tmp_path, {"index.md": "# A\n\n" + slider})
    result = build(tmp_path, config)
    assert result.returncode == 0, result.log
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="mb-frame"') == 1 and 'data-value="1"' in html
    assert 'data-values="0,0.5,1,1.5,2"' in html
    frames = list((tmp_path / "site" / "assets" / "figures").glob("*.html"))
    assert len(frames) == 1
    assert frames[0].read_text(encoding="utf-8").count('class="mb-frame"') == 5


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ('slider="a:0:1"', 'slider="a:0:1" must read name:start:stop:step'),
        ('slider="a:0:1:0"', "needs start < stop and a step > 0"),
        ('slider="a:1:0:0.1"', "needs start < stop and a step > 0"),
        ('slider="a:0:10000:1"', "has 10001 frames; at most 41"),
        ('slider="a b:0:1:0.1"', 'slider name "a b" is not a Python variable name'),
        ('slider="a:0:2:0.3"', "the step 0.3 does not divide 0..2"),
        ('slider="a:0:1:0.4"', "the step 0.4 does not divide 0..1"),
        ('slider="a:0:1:0.5" value="7"', 'value="7" is not one of the values'),
        ('value="1"', 'value="…" needs a slider'),
    ],
)
def test_a_wrong_slider_names_page_and_line(tmp_path: Path, options: str, message: str) -> None:
    block = FIGURE.format(id="s", slope=1).replace('alt="', f'{options} alt="')
    config = book(tmp_path, {"index.md": "# A\n\nText.\n\n" + block})
    fails_naming(build(tmp_path, config), "figure 's' in index.md:5: ", message)


def test_a_failing_slider_frame_names_the_value(tmp_path: Path) -> None:
    block = (
        '```python figure="inverse" alt="One over a, drawn for a from -1 to 1" slider="a:-1:1:1"\n'
        "from mathbook import plot\nfig, ax = plot.figure()\nax.plot([0, 1], [0, 1 / (a + 1)])\n```\n"
    )
    config = book(tmp_path, {"index.md": "# A\n\n" + block})
    fails_naming(
        build(tmp_path, config), "figure 'inverse' in index.md:3: at a = -1: ZeroDivisionError"
    )


def test_the_same_figure_id_twice_on_a_page_is_an_error(tmp_path: Path) -> None:
    page = "# A\n\n" + FIGURE.format(id="line", slope=1) + "\n" + FIGURE.format(id="line", slope=2)
    config = book(tmp_path, {"index.md": page})
    fails_naming(
        build(tmp_path, config),
        "figure 'line' in index.md:9: the id is used twice on this page (first at line 3)",
    )


def test_a_figure_that_never_ends_is_stopped_naming_page_and_line(tmp_path: Path) -> None:
    block = '```python figure="forever" alt="A figure whose code never ends"\nwhile True:\n    pass\n```\n'
    config = book(tmp_path, {"index.md": "# A\n\n" + block}, timeout=2)
    fails_naming(build(tmp_path, config), "figure 'forever' in index.md:3: BlockTimeout")


def test_figures_too_heavy_for_a_page_are_errors_naming_the_figure(tmp_path: Path) -> None:
    page = "# A\n\n" + FIGURE.format(id="line", slope=2)
    heavy = book(tmp_path, {"index.md": page}, max_figure_kb=5)
    fails_naming(build(tmp_path, heavy), "figure 'line' in index.md:3: its SVG is")
    crowded = book(tmp_path, {"index.md": page}, max_page_figures_kb=5)
    fails_naming(build(tmp_path, crowded), "figures in index.md: ")
    assert "(largest: 'line'" in build(tmp_path, crowded).log


# --------------------------------------------------------------------------- exec blocks


def test_a_failing_exec_block_names_page_and_line(tmp_path: Path) -> None:
    page = '# A\n\nText.\n\n```python exec="on"\nprint(1 / 0)\n```\n'
    config = book(tmp_path, {"index.md": "# I\n", "lesson.md": page})
    result = build(tmp_path, config)
    fails_naming(result, "exec block in lesson.md:5: ", "exited with errors")
    assert "ZeroDivisionError" in result.log


def test_an_exec_block_that_never_ends_is_stopped_naming_page_and_line(tmp_path: Path) -> None:
    page = '# A\n\n```python exec="on"\nwhile True:\n    pass\n```\n'
    config = book(tmp_path, {"index.md": page}, timeout=2)
    result = build(tmp_path, config)
    fails_naming(result, "exec block in index.md:3: ")
    assert "BlockTimeout: the block ran longer than 2 s" in result.log


def test_blocks_write_files_in_a_scratch_folder_not_the_book(tmp_path: Path) -> None:
    writes = 'open("leak.txt", "w").write("x")'
    page = (
        f'# A\n\n```python exec="on"\n{writes}\nprint("written")\n```\n\n'
        + FIGURE.format(id="line", slope=2).replace("from mathbook", f"{writes}\nfrom mathbook")
    )
    config = book(tmp_path, {"index.md": page})
    result = build(tmp_path, config)
    assert result.returncode == 0, result.log
    assert "written" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert not list(tmp_path.rglob("leak.txt")), "a block wrote into the book's folder"


# --------------------------------------------------------------------------- math and boxes


def test_math_is_rendered(tmp_path: Path) -> None:
    good = book(tmp_path, {"index.md": "# A\n\nInline $x^2$ and\n\n$$\n\\frac{a}{b}\n$$\n"})
    result = build(tmp_path, good)
    assert result.returncode == 0, result.log
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="katex"') == 2 and 'class="katex-display"' in html
    assert "<math" in html, "MathML is kept for screen readers"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Text $x^2$ and $\\frac{1}{2 more.", "math in broken.md:3: a $ has no closing $"),
        ("$$\n\\frac{a}{b}\n", "math in broken.md:3: a $$ has no closing $$"),
        ("Text\n$\\frac{a}{$ and more", "math in broken.md:4: KaTeX cannot render \\frac{a}{"),
        ("$\\notacommand$", "math in broken.md:3: KaTeX cannot render \\notacommand"),
    ],
)
def test_bad_math_names_the_page_line_and_formula(tmp_path: Path, text: str, message: str) -> None:
    config = book(tmp_path, {"index.md": "# A\n\n", "broken.md": f"# B\n\n{text}\n"})
    fails_naming(build(tmp_path, config), message)


def test_a_solution_not_indented_under_its_box_is_an_error(tmp_path: Path) -> None:
    page = '# Quiz\n\n1. **Q.** Which?\n\n    ??? success "Answer"\n    (b), because.\n'
    config = book(tmp_path, {"index.md": page})
    fails_naming(build(tmp_path, config), "index.md:5: the box 'Answer' is empty")
