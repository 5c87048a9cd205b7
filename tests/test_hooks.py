"""The build glue on small throw-away books: figures, their cache, sliders, math errors."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, Build, build_site

sys.path.insert(0, str(ROOT / "hooks"))
import figure_worker  # noqa: E402

FIGURE = """\
```python figure="{id}" alt="A straight line through the origin with slope two"
from mathbook import plot
fig, ax = plot.figure()
ax.plot([0, 1], [0, {slope}])
```
"""


def book(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"""site_name: test
docs_dir: {docs}
hooks:
  - {ROOT / "hooks" / "figures.py"}
  - {ROOT / "hooks" / "katex.py"}
plugins:
  search: {{}}
markdown_extensions:
  - pymdownx.superfences
  - pymdownx.arithmatex:
      generic: true
""",
        encoding="utf-8",
    )
    return config


def build(tmp_path: Path, config: Path) -> Build:
    return build_site(
        tmp_path / "site", config=config, env={"MATHBOOK_FIGURE_CACHE": str(tmp_path / "cache")}
    )


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


def test_drawing_is_byte_for_byte_reproducible() -> None:
    code = FIGURE.format(id="x", slope=3).split("\n", 1)[1].rsplit("```", 1)[0]
    first = figure_worker.draw(code, None, None, "test")
    second = figure_worker.draw(code, None, None, "test")
    assert first == second
    assert "currentColor" in first, "axes and text follow the page's colour scheme"


def test_a_failing_figure_fails_the_strict_build_naming_page_and_line(tmp_path: Path) -> None:
    broken = '```python figure="broken" alt="A figure whose code raises an error"\nraise RuntimeError("boom")\n```\n'
    config = book(tmp_path, {"index.md": "# A\n", "lesson.md": "# L\n\n" + broken})
    result = build(tmp_path, config)
    assert result.returncode != 0
    assert "figure 'broken' in lesson.md:3: RuntimeError: boom" in result.log


def test_a_figure_without_alt_text_is_an_error(tmp_path: Path) -> None:
    config = book(tmp_path, {"index.md": '```python figure="no-alt"\nimport matplotlib\n```\n'})
    result = build(tmp_path, config)
    assert result.returncode != 0
    assert "figure 'no-alt' in index.md:1: alt=" in result.log


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


def test_math_is_rendered_and_bad_tex_names_the_page(tmp_path: Path) -> None:
    good = book(tmp_path, {"index.md": "# A\n\nInline $x^2$ and\n\n$$\n\\frac{a}{b}\n$$\n"})
    result = build(tmp_path, good)
    assert result.returncode == 0, result.log
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="katex"') == 2 and 'class="katex-display"' in html
    assert "<math" in html, "MathML is kept for screen readers"


@pytest.mark.parametrize("tex", [r"\frac{a}{", r"\notacommand"])
def test_bad_tex_fails_the_strict_build(tmp_path: Path, tex: str) -> None:
    config = book(tmp_path, {"index.md": "# A\n\n", "broken.md": f"# B\n\n${tex}$\n"})
    result = build(tmp_path, config)
    assert result.returncode != 0
    assert "math in broken.md: KaTeX cannot render" in result.log
