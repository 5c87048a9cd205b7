"""Checks on a page's Markdown and HTML that name the line a contributor must fix.

* Math delimiters: an inline ``$…`` without its closing ``$``, or a ``$$`` without its
  closing ``$$``, would reach readers as raw TeX; both are found in the Markdown,
  ignoring code, the way ``pymdownx.arithmatex`` pairs them.
* Empty solution boxes: ``??? success "Answer"`` whose body is not indented under it
  renders an empty ``<details>`` and shows the answer openly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

CODE_FENCE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
CODE_SPAN_RE = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
DISPLAY_RE = re.compile(r"(?<!\\)\$\$")
# arithmatex's inline rule: no space after the opening $ nor before the closing one; one paragraph
INLINE_RE = re.compile(r"(?<![\\$])\$(?![\s$])(?:\\.|[^\\$\n]|\n(?![ \t]*\n))+?(?<![\s\\])\$")
LONE_DOLLAR_RE = re.compile(r"(?<!\\)\$")
EMPTY_DETAILS_RE = re.compile(r"<details\b[^>]*>\s*<summary>(.*?)</summary>\s*</details>", re.DOTALL)
ADMONITION_RE = re.compile(r"^[ \t]*(?:\?\?\?\+?|!!!)[ \t]")


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` turned into spaces (newlines kept)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def math_problems(markdown: str) -> Iterator[tuple[int, str]]:
    """``(line, message)`` for every math delimiter left unpaired in a page."""
    text = markdown
    for pattern in (CODE_FENCE_RE, CODE_SPAN_RE, COMMENT_RE):
        text = _blank(text, pattern)
    displays = [m.start() for m in DISPLAY_RE.finditer(text)]
    if len(displays) % 2:
        last = displays.pop()
        yield line_at(text, last), "a $$ has no closing $$"
        text = text[:last] + "  " + text[last + 2 :]
    for start, end in zip(displays[::2], displays[1::2], strict=True):
        text = text[:start] + re.sub(r"[^\n]", " ", text[start : end + 2]) + text[end + 2 :]
    text = _blank(text, INLINE_RE)
    for m in LONE_DOLLAR_RE.finditer(text):
        line = line_at(text, m.start())
        written = markdown.splitlines()[line - 1].strip()
        yield line, f"a $ has no closing $ in the same paragraph: {written[:120]}"


def line_of(markdown: str, needle: str) -> int | None:
    """The line where ``needle`` first occurs in ``markdown`` (``None`` if absent)."""
    position = markdown.find(needle)
    return None if position < 0 else line_at(markdown, position)


def empty_details(page_html: str, markdown: str) -> Iterator[tuple[int | None, str]]:
    """``(line, title)`` of every collapsible box rendered empty."""
    for m in EMPTY_DETAILS_RE.finditer(page_html):
        title = html.unescape(re.sub(r"<[^>]*>", "", m[1])).strip()
        line = next(
            (
                number
                for number, text in enumerate(markdown.splitlines(), start=1)
                if ADMONITION_RE.match(text) and title in text
            ),
            None,
        )
        yield line, title
