"""Figure blocks as written in a page, and the checks on their options.

A lesson writes a figure as a fenced block::

    ```python figure="two-lines" alt="Two lines crossing at (1, 1)"
    from mathbook import plot
    ax = plot.plot_lines([[1, 1], [1, -1]], [2, 0])
    ```

Interactive figures add ``slider="name:start:stop:step"`` and optionally ``value="…"``.
Everything a contributor can get wrong in the fence line is checked here, before any
code runs, and reported with the page and line of the fence.
"""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

FENCE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})python[ \t]+(?P<header>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
OPTION_RE = re.compile(r'(?P<key>[\w-]+)=(?:"(?P<dq>[^"]*)"|\'(?P<sq>[^\']*)\'|(?P<bare>\S+))')
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class FenceError(ValueError):
    """The fence line of a figure block is wrong; the message says how to fix it."""


@dataclass(frozen=True)
class Slider:
    """A checked ``slider="name:start:stop:step"``: the name, every value, the default."""

    name: str
    values: tuple[float, ...]
    start: int  # index of the frame shown without JavaScript (``value="…"``)


def parse_slider(spec: str, value: str | None, max_frames: int) -> Slider:
    """Check a slider spec and its default value.

    ``"a:0:2:0.5"`` gives the values ``0, 0.5, 1, 1.5, 2`` (both ends included). The step
    must divide the range exactly, the count of frames must not exceed ``max_frames``,
    and ``value`` must be one of the values.
    """
    parts = spec.split(":")
    if len(parts) != 4:
        raise FenceError(f'slider="{spec}" must read name:start:stop:step, e.g. "a:0:2:0.5"')
    name, *numbers = parts
    if not name.isidentifier() or keyword.iskeyword(name):
        raise FenceError(f'slider name "{name}" is not a Python variable name')
    try:
        lo, hi, step = (float(n) for n in numbers)
    except ValueError:
        raise FenceError(f'slider="{spec}": start, stop and step must be numbers') from None
    if not all(math.isfinite(x) for x in (lo, hi, step)) or step <= 0 or hi <= lo:
        raise FenceError(f'slider="{spec}" needs start < stop and a step > 0')
    steps = (hi - lo) / step
    count = round(steps)
    if abs(steps - count) > 1e-9 * max(1, count):
        raise FenceError(
            f'slider="{spec}": the step {numbers[2]} does not divide {numbers[0]}..{numbers[1]} '
            f"({steps:.4g} steps); choose a step that does"
        )
    if count + 1 > max_frames:
        raise FenceError(
            f'slider="{spec}" has {count + 1} frames; at most {max_frames} keep the page light'
        )
    values = tuple(round(lo + i * ((hi - lo) / count), 10) + 0.0 for i in range(count + 1))
    return Slider(name, values, _start(spec, values, value))


def _start(spec: str, values: tuple[float, ...], value: str | None) -> int:
    if value is None:
        return 0
    try:
        wanted = float(value)
    except ValueError:
        raise FenceError(f'value="{value}" is not a number') from None
    for index, v in enumerate(values):
        if math.isclose(v, wanted, rel_tol=1e-9, abs_tol=1e-12):
            return index
    raise FenceError(
        f'value="{value}" is not one of the values of slider="{spec}" '
        f"({values[0]:g}, {values[1]:g}, …, {values[-1]:g})"
    )


@dataclass(frozen=True)
class Block:
    """One figure block as written in a page, with its options checked.

    ``problem`` is ``None`` for a block that can be drawn, else what to fix.
    """

    page: str
    line: int
    code: str
    options: dict[str, str]
    slider: Slider | None
    problem: str | None

    @property
    def id(self) -> str:
        return self.options.get("figure", "")

    @property
    def where(self) -> str:
        return f"figure '{self.id}' in {self.page}:{self.line}"


def parse_options(header: str) -> dict[str, str]:
    return {
        m["key"]: next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None)
        for m in OPTION_RE.finditer(header)
    }


def dedent_block(body: str, indent: str) -> str:
    lines = body.split("\n")
    return "\n".join(
        line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in lines
    ).rstrip("\n")


def check_options(options: dict[str, str], max_frames: int) -> Slider | None:
    """The slider of a figure block, after checking its id, alt text and slider."""
    if not ID_RE.match(options.get("figure", "")):
        raise FenceError("figure= needs an id of lowercase letters, digits and dashes")
    if not options.get("alt", "").strip():
        raise FenceError('alt="…" is required: describe what the figure shows')
    if "slider" in options:
        return parse_slider(options["slider"], options.get("value"), max_frames)
    if "value" in options:
        raise FenceError('value="…" needs a slider="…"')
    return None


def python_fences(markdown: str, option: str) -> Iterator[tuple[int, dict[str, str], str]]:
    """``(line, options, code)`` of every Python fence of a page that sets ``option``."""
    for m in FENCE_RE.finditer(markdown):
        options = parse_options(m["header"])
        if option in options:
            line = markdown.count("\n", 0, m.start()) + 1
            yield line, options, dedent_block(m["body"], m["indent"])


def find_blocks(markdown: str, page: str, max_frames: int) -> list[Block]:
    """Every figure block of a page, in order, each checked; a repeated id is a problem."""
    blocks: list[Block] = []
    first_line: dict[str, int] = {}
    for line, options, code in python_fences(markdown, "figure"):
        slider, problem = None, None
        try:
            slider = check_options(options, max_frames)
        except FenceError as exc:
            problem = str(exc)
        block_id = options.get("figure", "")
        if problem is None and block_id in first_line:
            problem = f"the id is used twice on this page (first at line {first_line[block_id]})"
        first_line.setdefault(block_id, line)
        blocks.append(Block(page, line, code, options, slider, problem))
    return blocks
