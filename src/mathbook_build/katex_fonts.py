"""Which of KaTeX's fonts draws each character of the book's formulas.

KaTeX ships twenty font faces (``KaTeX_Main-Regular``, ``KaTeX_Math-Italic``,
``KaTeX_Main-Bold``, ...) and chooses one for each character through the classes of the
span around it (``mathnormal``, ``mathbf``, ``delimsizing size1``) and the rules of its
stylesheet. A face that keeps only the characters it draws is far smaller than one that
keeps every character of the book: bold, for example, draws a dozen letters. This module
applies KaTeX's own stylesheet rules to a rendering (the cascade and inheritance of
``font-family``, ``font-weight`` and ``font-style``, for the simple selectors KaTeX uses)
and collects the characters per face; the build then cuts each face down to its own set.
The browser tests check the result against the face Chromium actually picks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["FontRules", "characters_by_face"]

_RULE_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_FONT_PROPERTY_RE = re.compile(r"^\s*(font|font-family|font-weight|font-style)\s*:\s*(.+?)\s*$")
_FACE_RE = re.compile(r"^(KaTeX_[A-Za-z0-9]+)-(Regular|Bold|Italic|BoldItalic)$")

# (family, bold, italic): the computed font of an element.
Font = tuple[str, bool, bool]


@dataclass(frozen=True)
class _Compound:
    tag: str | None
    classes: frozenset[str]

    def matches(self, tag: str, classes: frozenset[str]) -> bool:
        return (self.tag is None or self.tag == tag) and self.classes <= classes


@dataclass(frozen=True)
class _Rule:
    # compounds from left to right and the combinator before each (" " or ">")
    compounds: tuple[_Compound, ...]
    combinators: tuple[str, ...]
    specificity: tuple[int, int, int]  # (classes, tags, source order)
    family: str | None
    bold: bool | None
    italic: bool | None

    def matches(self, chain: list[tuple[str, frozenset[str]]]) -> bool:
        """Whether the last element of ``chain`` (root first) is selected."""
        return _match(self.compounds, self.combinators, chain)


def _match(
    compounds: tuple[_Compound, ...],
    combinators: tuple[str, ...],
    chain: list[tuple[str, frozenset[str]]],
) -> bool:
    if not chain or not compounds[-1].matches(*chain[-1]):
        return False
    if len(compounds) == 1:
        return True
    head, combinator = compounds[:-1], combinators[-1]
    if combinator == ">":
        return _match(head, combinators[:-1], chain[:-1])
    return any(_match(head, combinators[:-1], chain[:end]) for end in range(len(chain) - 1, 0, -1))


def _parse_selector(selector: str) -> tuple[tuple[_Compound, ...], tuple[str, ...]] | None:
    tokens = re.findall(r">|[^\s>]+", selector.strip())
    compounds: list[_Compound] = []
    combinators: list[str] = []
    pending = " "
    for token in tokens:
        if token == ">":
            pending = ">"
            continue
        m = re.fullmatch(r"([a-z]+)?((?:\.[\w-]+)*)", token)
        if m is None:  # pseudo-classes, attributes, ids: KaTeX's font rules use none
            return None
        if compounds:
            combinators.append(pending)
        compounds.append(_Compound(m[1], frozenset(c for c in m[2].split(".") if c)))
        pending = " "
    return (tuple(compounds), tuple(combinators)) if compounds else None


def _declarations(body: str) -> tuple[str | None, bool | None, bool | None] | None:
    family: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    found = False
    for declaration in body.split(";"):
        m = _FONT_PROPERTY_RE.match(declaration)
        if m is None:
            continue
        found = True
        name, value = m[1], m[2]
        if name == "font":  # the shorthand resets style and weight
            words = value.split(",")[0].split()
            family, bold = words[-1].strip("\"'"), "bold" in words or "700" in words
            italic = "italic" in words
        elif name == "font-family":
            family = value.split(",")[0].strip().strip("\"'")
        elif name == "font-weight":
            bold = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
        else:
            italic = value in ("italic", "oblique")
    return (family, bold, italic) if found else None


class FontRules:
    """The font rules of KaTeX's stylesheet and the faces its font folder holds."""

    def __init__(self, css: str, faces: list[str]) -> None:
        css = re.sub(r"@font-face\s*\{[^}]*\}", "", css)
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
        self.rules: list[_Rule] = []
        for order, (selectors, body) in enumerate(_RULE_RE.findall(css)):
            declared = _declarations(body)
            if declared is None:
                continue
            for selector in selectors.split(","):
                parsed = _parse_selector(selector)
                if parsed is None:
                    continue
                compounds, combinators = parsed
                classes = sum(len(c.classes) for c in compounds)
                tags = sum(c.tag is not None for c in compounds)
                self.rules.append(_Rule(compounds, combinators, (classes, tags, order), *declared))
        self.rules.sort(key=lambda rule: rule.specificity)
        # A formula's elements repeat a few ancestor chains over and over: match each once.
        self._computed: dict[tuple[tuple[tuple[str, frozenset[str]], ...], Font], Font] = {}
        self.faces: dict[str, list[tuple[bool, bool, str]]] = {}
        for face in faces:
            m = _FACE_RE.match(face)
            if m is not None:
                style = m[2]
                self.faces.setdefault(m[1], []).append(("Bold" in style, "Italic" in style, face))

    @classmethod
    def from_katex(cls, dist: Path) -> FontRules:
        """The rules of ``katex.min.css`` in KaTeX's ``dist`` folder and its WOFF2 faces."""
        css = (dist / "katex.min.css").read_text(encoding="utf-8")
        return cls(css, sorted(p.stem for p in (dist / "fonts").glob("*.woff2")))

    def computed(self, chain: list[tuple[str, frozenset[str]]], parent: Font) -> Font:
        """The font of the last element of ``chain``, inheriting from ``parent``."""
        key = (tuple(chain), parent)
        known = self._computed.get(key)
        if known is None:
            known = self._computed[key] = self._match(chain, parent)
        return known

    def _match(self, chain: list[tuple[str, frozenset[str]]], parent: Font) -> Font:
        family, bold, italic = parent
        for rule in self.rules:  # sorted by specificity, then source order: last wins
            if rule.matches(chain):
                family = rule.family if rule.family is not None else family
                bold = rule.bold if rule.bold is not None else bold
                italic = rule.italic if rule.italic is not None else italic
        return family, bold, italic

    def face(self, font: Font) -> str | None:
        """The face a browser uses for ``font``: the family's face nearest in style, then
        in weight (as CSS font matching does). ``None`` for a family KaTeX does not ship."""
        family, bold, italic = font
        candidates = self.faces.get(family)
        if not candidates:
            return None
        return min(candidates, key=lambda c: (c[1] != italic, c[0] != bold))[2]


class _Collector(HTMLParser):
    """Walks a KaTeX rendering, computing the font of each element of its visual part."""

    def __init__(self, rules: FontRules) -> None:
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.chain: list[tuple[str, frozenset[str]]] = []
        self.fonts: list[Font] = []
        self.hidden: list[bool] = []  # inside the MathML part (not drawn with KaTeX fonts)
        self.found: dict[str, set[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = frozenset((dict(attrs).get("class") or "").split())
        self.chain.append((tag, classes))
        parent: Font = self.fonts[-1] if self.fonts else ("", False, False)
        self.fonts.append(self.rules.computed(self.chain, parent))
        self.hidden.append((bool(self.hidden) and self.hidden[-1]) or "katex-mathml" in classes)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <path/>, <line/>: no text inside

    def handle_endtag(self, tag: str) -> None:
        while self.chain:
            open_tag, _ = self.chain.pop()
            self.fonts.pop()
            self.hidden.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.chain or self.hidden[-1] or not data:
            return
        face = self.rules.face(self.fonts[-1])
        if face is not None:
            self.found.setdefault(face, set()).update(data)


def characters_by_face(rendered: str, rules: FontRules) -> dict[str, set[str]]:
    """The characters each KaTeX face draws in one rendering (``<span class="katex">``).

    Examples
    --------
    >>> from mathbook_build.katex_fonts import FontRules, characters_by_face
    >>> rules = FontRules(
    ...     ".katex{font:normal 1.21em KaTeX_Main,serif}"
    ...     ".katex .mathnormal{font-family:KaTeX_Math;font-style:italic}",
    ...     ["KaTeX_Main-Regular", "KaTeX_Math-Italic"])
    >>> html = ('<span class="katex"><span class="katex-html"><span class="mord mathnormal">'
    ...         'x</span><span class="mrel">=</span><span class="mord">2</span></span></span>')
    >>> sorted((face, "".join(sorted(chars))) for face, chars in characters_by_face(html, rules).items())
    [('KaTeX_Main-Regular', '2='), ('KaTeX_Math-Italic', 'x')]
    """
    collector = _Collector(rules)
    collector.feed(rendered)
    collector.close()
    return collector.found
