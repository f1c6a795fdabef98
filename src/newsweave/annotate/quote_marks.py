"""Quote marks: the stretches of an article between matching quotation marks.

Tolerant of what outlets really print: curly, straight and angle marks, a closing mark padded
with a space, mismatched marks, and quotes that run over paragraphs (an opening mark on each
paragraph, a closing one only at the end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuotedRegion", "find_quoted_regions", "paragraphs", "trim_span"]

_OPEN_TO_CLOSE = {"“": "”“\"", "«": "»", "„": "“”\"", "\"": "\"”", "”": "”\""}
_CLOSERS = frozenset("”\"»“")
_PUNCT_EDGES = " \t\n\u00a0\"“”«»„‘’'.,;:!?—–-"


@dataclass(frozen=True, slots=True)
class QuotedRegion:
    """Text between quote marks: ``start``/``end`` exclude the marks; ``pieces`` per paragraph."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in re.finditer(r"\n\s*", text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _is_opening(text: str, i: int) -> bool:
    """Whether the mark at ``i`` can open a quote: followed by a word, not glued to a word before."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if not (nxt.isalnum() or nxt in "‘'[(….$-"):
        return False
    if ch in "«„“":
        return True
    prev = text[i - 1] if i > 0 else " "
    return not prev.isalnum() and prev not in ".,;!?"


def _fold_doubled_apostrophes(text: str) -> str:
    """``text`` with each doubled apostrophe (``''``, the NYT wire's quote mark) as one ``"``.

    The copy keeps every offset: an opening ``''Word`` becomes `` "Word``, a closing ``word,''``
    becomes ``word," ``, so the regions found in the copy index the original text.
    """
    def fold(m: re.Match[str]) -> str:
        after = text[m.end():m.end() + 1]
        return ' "' if after.isalnum() else '" '
    return re.sub(r"''", fold, text) if "''" in text else text


def _scan_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Quoted stretches of one paragraph as ``(start, end, closed)``, marks excluded."""
    out: list[tuple[int, int, bool]] = []
    i, opener = start, -1
    while i < end:
        ch = text[i]
        if opener < 0:
            if ch in _OPEN_TO_CLOSE and _is_opening(text, i):
                opener = i
        elif ch in _OPEN_TO_CLOSE[text[opener]] or ch in _CLOSERS:
            if re.search(r"\w", text[opener + 1:i]):
                out.append((opener + 1, i, True))
            opener = -1
        i += 1
    if opener >= 0 and re.search(r"\w", text[opener + 1:end]):
        out.append((opener + 1, end, False))
    return out


def find_quoted_regions(text: str) -> list[QuotedRegion]:
    """Regions of ``text`` inside quote marks, in order.

    Args:
        text: the article text.

    Returns:
        One region per quotation; a quotation left open at a paragraph end continues into the
        next paragraph when that one opens with a quote mark, and ends at the paragraph end
        otherwise.
    """
    regions: list[QuotedRegion] = []
    carry: list[tuple[int, int]] = []
    text = _fold_doubled_apostrophes(text)
    for p_start, p_end in paragraphs(text):
        stretches = _scan_paragraph(text, p_start, p_end)
        if carry and not (stretches and stretches[0][0] == p_start + 1):
            regions.append(_region(carry))
            carry = []
        for s, e, closed in stretches:
            carry.append((s, e))
            if closed:
                regions.append(_region(carry))
                carry = []
    if carry:
        regions.append(_region(carry))
    return regions


def _region(pieces: list[tuple[int, int]]) -> QuotedRegion:
    return QuotedRegion(pieces[0][0], pieces[-1][1], tuple(pieces))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces; a span never ends inside leading space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
