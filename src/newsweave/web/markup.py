"""Article text cut into marked segments, and word-level differences between quote versions.

Nothing here builds HTML: the templates print every piece of text through Jinja2's autoescaping, so
untrusted article text can never become markup.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsweave.model import Annotations

_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Mark:
    """An annotation to show: ``kind`` is a CSS class (ent, quote, timex, figure), ``note`` a tooltip."""

    start: int
    end: int
    kind: str
    note: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text with every mark that covers it; ``highlight`` when inside the cited passage."""

    text: str
    kinds: tuple[str, ...]
    notes: tuple[str, ...]
    highlight: bool
    anchor: bool


def marks_of(ann: Annotations | None) -> list[Mark]:
    """The marks to draw for an article's annotations (entities, quotes, dates, figures)."""
    if ann is None:
        return []
    linked = [m for m in ann.mentions if m.entity is not None]
    # a NER span the dossier stage replaced keeps no actor: the actor's own mention is shown instead
    # ("Vincent" and "Chin" inside Vincent "The Chin" Gigante; "Colts Beat Chiefs" around "Colts")
    shown = [m for m in ann.mentions if m.entity is not None
             or not any(o.start < m.end and m.start < o.end for o in linked)]
    marks = [Mark(m.start, m.end, "ent", f"{m.label}" + (f" · {m.entity}" if m.entity else "")) for m in shown]
    for q in ann.quotes:
        who = q.speaker.text if q.speaker else "unknown speaker"
        marks.append(Mark(q.content.start, q.content.end, "quote", f"quote ({q.form}) by {who}"))
    marks += [Mark(t.start, t.end, "timex", f"{t.type} {t.value}") for t in ann.timexes]
    marks += [Mark(f.start, f.end, "figure", f"{f.value:g} {f.unit or ''} {f.measure or ''}".strip())
              for f in ann.figures]
    return marks


def segments(text: str, marks: Iterable[Mark], highlight: tuple[int, int] | None = None) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece knows the marks that cover it.

    Args:
        text: the article text.
        marks: spans to mark; out-of-range offsets are clipped, empty spans ignored.
        highlight: a cited passage ``(start, end)``; its pieces get ``highlight`` and the first one
            ``anchor`` (the page scrolls to it).

    Returns:
        Consecutive segments whose texts join to ``text``.
    """
    n = len(text)
    spans = [(max(0, m.start), min(n, m.end), m) for m in marks]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = {0, n}
    for start, end, _ in spans:
        cuts.update((start, end))
    hl = None
    if highlight is not None:
        hl = (max(0, min(n, highlight[0])), max(0, min(n, highlight[1])))
        cuts.update(hl)
    bounds = sorted(cuts)
    spans.sort(key=lambda s: s[0])
    out: list[Segment] = []
    anchored = False
    for a, b in itertools.pairwise(bounds):
        covering = [m for start, end, m in spans if start <= a and b <= end]
        lit = hl is not None and hl[0] <= a and b <= hl[1] and hl[0] < hl[1]
        out.append(Segment(text[a:b], tuple(sorted({m.kind for m in covering})),
                           tuple(m.note for m in covering), lit, lit and not anchored))
        anchored = anchored or lit
    return out


@dataclass(frozen=True, slots=True)
class DiffToken:
    """A word or gap of one quote version; ``changed`` when the reference version lacks it."""

    text: str
    changed: bool


def word_diff(reference: str, version: str) -> list[DiffToken]:
    """Mark the words of ``version`` that ``reference`` does not have (case-insensitive).

    Args:
        reference: the version compared against (the first outlet's).
        version: the version to mark.

    Returns:
        The tokens of ``version`` in order; joined they give ``version``.
    """
    ref = [t.lower() for t in _TOKEN.findall(reference) if not t.isspace()]
    toks = _TOKEN.findall(version)
    words = [(i, t.lower()) for i, t in enumerate(toks) if not t.isspace()]
    matcher = difflib.SequenceMatcher(a=ref, b=[w for _, w in words], autojunk=False)
    same: set[int] = set()
    for block in matcher.get_matching_blocks():
        same.update(words[j][0] for j in range(block.b, block.b + block.size))
    return [DiffToken(t, not t.isspace() and i not in same) for i, t in enumerate(toks)]


def diff_versions(texts: Sequence[str]) -> list[list[DiffToken]]:
    """Each version marked against the first one (the first against the second)."""
    if not texts:
        return []
    if len(texts) == 1:
        return [[DiffToken(texts[0], False)]]
    return [word_diff(texts[1] if i == 0 else texts[0], t) for i, t in enumerate(texts)]
