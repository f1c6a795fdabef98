"""The names of a story found again where NER missed them.

en_core_web_sm labels a name in one sentence and misses it in the next: it tags "Colts" or
"Chargers" as common nouns, calls "Ellen DeGeneres" a work of art and "Wladimir Klitschko" an
amount of money, and reads all-caps headlines ("TEIXEIRA") as ordinary words. A name the story's
articles already use as an actor is, written again in the same story, the same name: this is the
"one sense per discourse" assumption, used by document-level NER since Krishnan and Manning
(2006). ``spread_names`` finds those other occurrences.

A written name matches when it is the same string, starts a word and ends one (a possessive "'s"
may follow), and overlaps no actor mention already found. It is also found in capitals ("COLTS"),
but only on a line written in capitals, where a name cannot be told from other words by case.
Outside the article's head (title, date and subtitle lines), a match right after or before
another capitalized word is part of a longer name ("New York Corp" in "Republic New York Corp",
"Apple" in "Apple Bank"), unless the word before is a title ("Mr. Luck") or the article "A" that
opens a sentence ("A Waitrose store was ..."). A one-word name is
skipped at the start of a sentence when the story also writes that word in lower case ("Luck",
"Court", "People"). The surnames of
the story's persons ("Teixeira" from "Mark Teixeira") are names too; which names the story
offers is decided by the caller (``dossier.actors``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsweave.dossier.names import PERSON_TITLES, POST_NOMINALS

# A word that starts with a letter other than a lower-case ASCII one: where a name may start (with
# a capital, checked after). Most words of a text start lower case: the pattern leaves them out.
_WORD_NOT_LOWER = re.compile(r"(?<![\w'’])(?=[^\W\d_a-z])\w+")
_WORD = re.compile(r"\w+")
# What ends a sentence before a word that starts the next one (quotes and brackets may follow).
_SENTENCE_END = re.compile(r"(?:^|[.!?:\n]['\"”’)\]]*)\s*['\"“‘(\[]*$")
# The capitalized word right before a match, separated by spaces only; and right after it.
_CAPITAL_BEFORE = re.compile(r"([^\W\d_][\w'’.&-]*) +$")
_CAPITAL_AFTER = re.compile(r" +([^\W\d_][\w'’-]*)")
# A line counts as written in capitals when this share of its letters are capitals (the
# headlines of ECB+ dev and the Reuters tables: "COLTS TOP CHIEFS").
CAPS_LINE_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class Found:
    """One more occurrence of a known name: article, character span, the text, its label."""

    article_id: str
    start: int
    end: int
    text: str
    label: str


def spread_names(texts: Mapping[str, str], names: Mapping[str, str],
                 taken: Mapping[str, Sequence[tuple[int, int]]], lower: Counter[str]) -> list[Found]:
    """Every occurrence of the story's names that no actor mention covers.

    Args:
        texts: article id -> text.
        names: a name as written (``"Indianapolis Colts"``, ``"Colts"``, ``"Teixeira"``) -> the
            label to give its new occurrences.
        taken: article id -> the character spans of the mentions already found there.
        lower: how often each word is written in lower case in these texts.

    Returns:
        The new occurrences, longest name first where two could start at one place, in article
        and text order.
    """
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        first = _WORD.match(name)
        if first is not None and name[:1].isupper():
            by_first[first.group(0).lower()].append(name)
    for candidates in by_first.values():
        candidates.sort(key=lambda n: (-len(n), n))
    found: list[Found] = []
    for aid, text in texts.items():
        spans = sorted(taken.get(aid, ()))
        lines = _Lines(text)
        for start, end, name in _matches(text, by_first, lines):
            if _overlaps(spans, start, end):
                continue
            if " " not in name and lower[name.lower()] and starts_sentence(text, start):
                continue
            if not lines.in_head(start) and not lines.in_capitals(start) \
                    and _inside_longer_name(text, start, end, lower):
                continue
            found.append(Found(aid, start, end, text[start:end], names[name]))
    return found


def person_surnames(persons: Iterable[str], names: Mapping[str, str]) -> dict[str, str]:
    """The last words of the multi-word person names, as names labelled PERSON (a name the story
    also uses as something else keeps that label)."""
    out: dict[str, str] = {}
    for person in persons:
        words = person.split()
        if len(words) >= 2 and len(words[-1]) > 2 and words[-1][:1].isupper() and words[-1].isalpha():
            out[words[-1]] = names.get(words[-1], "PERSON")
    return out


def title_line(text: str) -> tuple[int, int]:
    """The span of an article's title: its first non-empty line, when that line does not end a
    sentence; ``(0, 0)`` when it does (the article starts with body text)."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    line = text[first:end if end >= 0 else len(text)]
    return (0, 0) if line.rstrip().endswith((".", "!", "?")) else (first, first + len(line))


# How many lines an article's head may have before its first sentence: a title, a date line, a
# subtitle (ECB+ dev: "April 27, 2009\nBiologists Call on Obama Administration to Overturn ...").
HEAD_LINES = 3


def head_end(text: str) -> int:
    """Where an article's head ends: the offset after its first lines (at most ``HEAD_LINES``
    non-empty ones) that end no sentence (a closing quote may follow the period); 0 when the
    first line ends a sentence."""
    end = 0
    lines = 0
    for line in re.finditer(r"[^\n]+", text):
        if not line.group(0).strip():
            continue
        if line.group(0).rstrip().rstrip("\"'”’)]").endswith((".", "!", "?")) or lines == HEAD_LINES:
            break
        end = line.end()
        lines += 1
    return end


class _Lines:
    """Per-line facts of one text, each computed once: written in capitals, the article's head."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._caps: dict[int, bool] = {}
        self._head = head_end(text)

    def in_head(self, pos: int) -> bool:
        """``pos`` is in the article's head (``head_end``): its title, date and subtitle lines."""
        return pos < self._head

    def in_capitals(self, pos: int) -> bool:
        """The line around ``pos`` is written in capitals (a headline such as "COLTS TOP CHIEFS")."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if line_start not in self._caps:
            line_end = self.text.find("\n", pos)
            letters = [c for c in self.text[line_start:line_end if line_end >= 0 else len(self.text)]
                       if c.isalpha()]
            self._caps[line_start] = bool(letters) and sum(c.isupper() for c in letters) >= \
                CAPS_LINE_SHARE * len(letters)
        return self._caps[line_start]


def _matches(text: str, by_first: Mapping[str, list[str]], lines: _Lines) -> Iterable[tuple[int, int, str]]:
    """Where a name is written in ``text``: (start, end, the name as known)."""
    resume = 0
    for word in _WORD_NOT_LOWER.finditer(text):
        start = word.start()
        if start < resume or not text[start].isupper():
            continue
        for name in by_first.get(word.group(0).lower(), ()):
            end = start + len(name)
            written = text[start:end]
            if written != name and not (written == name.upper() and lines.in_capitals(start)):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                continue
            resume = end
            yield start, end, name
            break


def _inside_longer_name(text: str, start: int, end: int, lower: Counter[str]) -> bool:
    """A capitalized word right before or right after the match: "New York Corp" in "Republic New
    York Corp", "Apple" in "Apple Bank". The word before may be a title ("Mr. Luck") or a word the
    story writes in lower case, capitalized at a sentence start ("The Internet"); the word after
    may be a post-nominal ("W. Mark Felt Sr.")."""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 40), start)
    word = before.group(1) if before else ""
    if word[:1].isupper() and not word.endswith((".", ":")) and word.lower() not in PERSON_TITLES \
            and not lower[word.lower()] and not (before is not None and _opening_article(text, before.start(1))):
        return True
    after = _CAPITAL_AFTER.match(text, end)
    return after is not None and after.group(1)[0].isupper() and after.group(1).lower() not in POST_NOMINALS


def _opening_article(text: str, start: int) -> bool:
    """The word at ``start`` is the article "A" opening a sentence ("A Waitrose store was ..."): no
    part of the name after it. ``lower`` cannot say so, it counts words of two letters or more."""
    return text.startswith("A ", start) and starts_sentence(text, start)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def starts_sentence(text: str, start: int) -> bool:
    """A sentence or a line starts at ``start`` (after ".", "!", "?", ":" or a line break)."""
    return _SENTENCE_END.search(text[max(0, start - 12):start]) is not None
