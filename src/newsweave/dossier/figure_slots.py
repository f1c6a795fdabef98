"""A figure group split into the quantities it holds, when its measure's words are too loose to tell them.

"brain swelling ... in 14.2% of patients" and "In Corlan's trial, brain swelling affected 21% of patients"
share a measure but count two things. When one article gives two current values of a group's measure that
no update, part or other source explains, ``quantities`` places each report by the value it shares with a
quantity's reports, or else by the words of its context (``Sentences.context`` in
``newsweave.dossier.figures``): the words of its own clause count twice, the rest of its sentence's once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from newsweave.dossier.figure_keys import Report, singular
from newsweave.dossier.figure_verdicts import is_level


def quantities(reports: list[Report]) -> list[list[Report]]:
    """A group's reports split into the quantities it holds when one article gives two current values of
    its measure that no update, part or other source explains ("brain swelling ... in 14.2% of patients",
    "In Corlan's trial, brain swelling affected 21% of patients"): the measure's words are too loose to tell
    them, so each report joins the quantity whose reports share its value, or else the most words of its
    context (``Sentences.context``), never one its own article gives another value; with no shared word it
    starts a quantity of its own. A value another source puts on the quantity the text just gave ("The U.S.
    Geological Survey put its magnitude at 6.9", ``_RESTATED``) joins that quantity. Reports that take no side
    (``Report.current``) join the quantity nearest in words. A group whose every article gives one value stays
    whole (the seeds' 18 and 13 officers killed), and so does a level that changes within a day (a storm's
    winds at landfall, then "weakened ... with winds of 165 km/h"; a share price that opened at $48.10 and
    closed at $46.30)."""
    current = [r for r in reports if r.current]
    if all(len(v) < 2 for v in _article_values(current).values()) or len(reports) > MAX_SLOTTED_REPORTS \
            or is_level(reports):
        return [reports]
    reports = [replace(r, context=r.sentences.context(r.figure)) if r.sentences else r for r in reports]
    current = [r for r in reports if r.current]
    measure_words = {w for r in reports for w in (r.key.head, r.key.event or "")}  # what every report counts
    slots: list[list[Report]] = []
    slot_of: dict[int, int] = {}  # id of a report -> its slot
    previous: dict[str, Report] = {}  # each article's last current report placed
    for r in current:
        if r.restates and r.article.id in previous:
            best: int | None = slot_of[id(previous[r.article.id])]
        else:
            scores = [_slot_score(r, slot, measure_words) for slot in slots]
            best = max(range(len(slots)), key=lambda k: (scores[k], -k), default=None)
            if best is not None and scores[best] < 1:
                best = None
        if best is None:
            best = len(slots)
            slots.append([])
        slots[best].append(r)
        slot_of[id(r)] = best
        previous[r.article.id] = r
    slots = _merged_slots(slots, measure_words)
    for r in reports:
        if not r.current:
            best = max(range(len(slots)), key=lambda k: (max(_shared_words(r, o, measure_words)
                                                             for o in slots[k]), -k), default=None)
            if best is None:
                slots.append([r])
            else:
                slots[best].append(r)
    return [sorted(slot, key=lambda r: r.order) for slot in slots]


def _merged_slots(slots: list[list[Report]], measure_words: set[str]) -> list[list[Report]]:
    """The quantities ``quantities`` found one report at a time, joined where no article gives two values across
    them and two of their reports share a value or a word: a toll's report that came before the one it shares
    words with ("the death toll had risen to 47", then "the official death toll rose to 49") joins it. Many
    quantities (more than MAX_MERGED_SLOTS) are left as they are."""
    if len(slots) > MAX_MERGED_SLOTS:
        return slots
    merged = [list(slot) for slot in slots]
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            for j in range(i + 1, len(merged)):
                if _joinable(merged[i], merged[j], measure_words):
                    merged[i] += merged.pop(j)
                    changed = True
                    break
            if changed:
                break
    return merged


def _joinable(a: list[Report], b: list[Report], measure_words: set[str]) -> bool:
    if any(len(v) > 1 for v in _article_values(a + b).values()):
        return False
    return any(x.value == y.value or _shared_words(x, y, measure_words) >= 1 for x in a for y in b)


def _article_values(reports: list[Report]) -> dict[str, set[tuple[str, str | None]]]:
    """The values each article gives, not counting another source's restatement ("put its magnitude at 6.9")."""
    values: dict[str, set[tuple[str, str | None]]] = {}
    for r in reports:
        if not r.restates:
            values.setdefault(r.article.id, set()).add(r.value)
    return values


# More quantities than this in one group are not joined again (each pair of quantities is compared).
MAX_MERGED_SLOTS = 40


def _slot_score(r: Report, slot: list[Report], measure_words: set[str]) -> int:
    """How well a current report fits a quantity: -1 when its own article gives the quantity another value
    (not as another source's restatement), _SAME_VALUE_SCORE when a report of the quantity gives its value,
    else the most words it shares with a report."""
    if any(o.article.id == r.article.id and o.value != r.value and not o.restates for o in slot):
        return -1
    if any(o.value == r.value for o in slot):
        return _SAME_VALUE_SCORE
    return max(_shared_words(r, o, measure_words) for o in slot)


# Groups larger than this stay whole: a wire story's group of thousands of reports (slotting compares each
# report with every quantity's reports).
MAX_SLOTTED_REPORTS = 400
# A report that gives the value another article gives a quantity joins it before one that only shares words.
_SAME_VALUE_SCORE = 100
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words that say a figure was reported, not what it counts.
_REPORTING_WORDS = frozenset({"said", "says", "told", "according", "reported", "percent", "cent", "pct", "figure",
                              "statement", "added"})


def context_words(text: str) -> set[str]:
    """The content words of a text, lower-cased and singular (no stop, reporting or number word)."""
    words = (w.lower().rstrip("'’") for w in _WORD.findall(text))
    return {singular(w) for w in words if len(w) > 2 and w not in STOP_WORDS and w not in _REPORTING_WORDS}


def _shared_words(a: Report, b: Report, measure_words: set[str]) -> int:
    """How many words two reports' contexts share beside the words of what they count (the group's head
    nouns and events, and the words both measures hold: two earnings tables' "oper net loss" lines share
    nothing else): the words of the figure's own clause count twice, the rest of its sentence's once."""
    (a_near, a_sentence), (b_near, b_sentence) = a.context, b.context
    counted = measure_words | (_measure_words(a.figure.measure) & _measure_words(b.figure.measure))
    return 2 * len((a_near & b_near) - counted) + len((a_sentence & b_sentence) - counted)


@functools.lru_cache(maxsize=4096)
def _measure_words(measure: str | None) -> frozenset[str]:
    return frozenset(context_words(measure or ""))
