"""Figures linked to the figure before them: a restatement, a comparison, the other level of a change.

``extract_figures`` reads figures in text order; ``link_to_previous`` fills what a figure leaves out
from the one it restates or is compared with ("fell 8.2 billion dlrs, or 4.0 pct" shares the
measure; "1.45 mln tonnes, against 1.35 mln" shares measure and unit), and ``unit_of_other_level``
gives a level that leaves its unit out the unit of the other level of the same change.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsweave.annotate.figure_cues import EXPECTING_VERBS, PRICE_HEADS
from newsweave.annotate.figure_lexicon import CURRENCY_UNITS, CURRENCY_WORDS, SCALES, TIME_NOUNS, UNIT_WORDS
from newsweave.annotate.figure_measures import NumberExpr
from newsweave.annotate.figure_tables import VS_LABEL_RE
from newsweave.annotate.nlp import doc_text
from newsweave.model import Figure

__all__ = ["RATE_UNITS", "currency_of_bare_sum", "level_before_change", "link_to_previous", "unit_of_other_level"]

# The text between two figures that makes the second one a restatement or a sibling of the first.
# "and a further five", "and another 20": the second figure adds to the first's count
# "on sales of 3.66 mln dlrs, up from 2.81 mln dlrs": the other level of the sum before (test7)
_LINKED_RE = re.compile(r"^[\s,()]*(or|and|out(?: of)?|(?:(?:up|down) )?from|vs\.?|versus|against|compared (?:with|to))"
                        r"[\s,]*(a|an)?"
                        r"\s*(?:further|another|additional)?\s*$")
RATE_UNITS = {"percent", "percentage points", "basis points"}
# Units of one dimension, one of which restates the other in parentheses: "215 km/h (134 mph)", "310 km
# (190 miles)", "400 mm (16 inches)" (a made-up hurricane story, where the second had measured "h").
_DIMENSIONS = ({"kilometres", "miles", "metres", "feet", "yards", "centimetres", "millimetres", "inches"},
               {"km/h", "mph", "knots"}, {"kilograms", "tonnes", "tons", "ounces", "pounds"},
               {"hectares", "acres"}, {"liters", "gallons"})
# The whole a first figure is a share of, which may stand before the second: "represented 27.6 pct of
# group net profit, against 28.2 pct last year" (a noun phrase: at most five words before the comma).
_OF_WHOLE_RE = re.compile(r"^\s*of\s+((?:[^\s,;()]+\s+){0,4}[^\s,;()]+)\s*(?=,)")
_RESTATING_WORDS = {"of", "its", "their", "the", "his", "her"}
# A figure restated in another currency right after the first: "$32bn (£16.7bn; 24.1bn euros)".
_CONVERSION_RE = re.compile(r"^\s*[(;,/]\s*$")
# A comparison that elides the unit: "1.45 mln tonnes, against 1.35 mln"; "79,100 acres, vs 76,700".
_YEAR_PHRASE = re.compile(r"\s*\b(?:in|for)\s+(?:19|20)\d\d\b")
_COMPARED_RE = re.compile(r"^[\s,()]*(?:[a-z]+\s+){0,3}?(vs\.?|versus|against|compared (?:with|to)|from)\s*$")
# Words that may stand before either level of "from ... to": "anywhere from down two billion dlrs to up
# 1.8 billion", "from about 20 to nearly 30 pct".
# "trading at 48-1/8, down 3/8": a move right after a price is the price's move (test9)
_MOVE_AFTER_RE = re.compile(r"^[\s,]*(?:up|down|off)\s*$", re.IGNORECASE)
# "34 pct down on 5.70 mln", "21.1 pct down on a previous 5.64 mln", "up 5 pct from 3.05 mln": the rate
# of a change, then the level it is measured from
_CHANGE_FROM_RE = re.compile(r"^\s*(?:down|up|higher|lower)\s+(?:on|from)(?:\s+[a-z'-]+){0,2}\s*$", re.IGNORECASE)
_LEVEL_HEDGES = {"up", "down", "about", "around", "approximately", "roughly", "nearly", "almost", "some",
                 "just", "only", "over", "under", "above", "below", "a", "an", "the"}
# At most this many words between the first level and "to" ("from 25.88 dlrs per barrel in 1985 to
# 13.90 dlrs": "per barrel", the time phrase left out): longer, the "to" may open another phrase.
MAX_FROM_TO_GAP = 4
# A scale written beside a number ("4.2 mln", "$400m", "1.13bn"), which a number compared with it
# may leave out ("totalled 4.2 mln last year, up from 3.85 in 1985": 3.85 mln).
_SCALE_RE = re.compile(r"(?<=\d)(bn|mln|mn|bln|m|k)\b|\b(thousand|million|mln|mn|bn|billion|bln|trillion)\b",
                       re.IGNORECASE)


def _level_verb(doc: Doc, expr_start: int, expr_end: int) -> tuple[int, str] | None:
    """The verb and the preposition ("to", "from") whose object a number expression is."""
    for k in range(expr_start, expr_end):
        tok = doc[k]
        if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "from") and not expr_start <= tok.head.i < expr_end \
                and tok.head.head.pos_ in ("VERB", "AUX"):
            return tok.head.head.i, tok.head.lower_
    return None


def unit_of_other_level(doc: Doc, figures: list[Figure], fig: Figure, expr: NumberExpr) -> Figure:
    """A level that leaves its unit out takes the unit of the other level of the same change: "increase
    the budget to 1,546 trillion rials ($175.6bn) from the previous year's 1,070 trillion"."""
    mine = _level_verb(doc, expr.start, expr.end)
    if mine is None:
        return fig
    sentence_start = doc[mine[0]].sent.start
    for other in reversed(figures):
        span = doc.char_span(other.start, other.end, alignment_mode="expand")
        if span is None or span.start < sentence_start:
            break
        theirs = _level_verb(doc, span.start, span.end)
        if theirs is not None and theirs[0] == mine[0] and theirs[1] != mine[1] and other.unit is not None \
                and other.value > 0 and 0.01 <= fig.value / other.value <= 100:
            return replace(fig, unit=other.unit)
    return fig


def currency_of_bare_sum(doc: Doc, figures: list[Figure], fig: Figure, expr: NumberExpr) -> Figure:
    """A scaled number with no unit after a sum in the same sentence is in that sum's currency: "unchanged
    at 22.8 billion marks, giving a rise in net currency reserves of 400 mln to 87.0 billion" (test6's
    annotator: both DEM), "644 mln dlrs a day, down from 1.34 billion", "a 6.99 billion loss"; not a
    count of a plural noun ("25 billion dlrs in credit to more than two mln preferred customers"). In
    500 Reuters and 250 BBC articles outside the sets, 31 of 32 such numbers were sums in that currency.
    """
    if fig.unit is not None or not figures or _scale_of(fig.text) < 1e6:
        return fig
    k = len(figures) - 1
    while k > 0 and figures[k - 1].unit in CURRENCY_UNITS \
            and _CONVERSION_RE.match(doc_text(doc)[figures[k - 1].end:figures[k].start]) is not None:
        k -= 1  # past the conversions: "77m euros (£53m; $100m), up from 38m" is in euros
    prev = figures[k]
    if prev.unit not in CURRENCY_UNITS or prev.value <= 0 or not 1e-3 <= fig.value / prev.value <= 1e3:
        return fig
    gap = doc_text(doc)[figures[-1].end:fig.start]
    if "\n" in gap or ". " in gap or ";" in gap:
        return fig
    after = doc[expr.end] if expr.end < len(doc) else None
    if after is not None and after.tag_ in ("NNS", "NNPS") and any(doc[k].head.i >= expr.end for k in expr.core):
        return fig  # "two mln preferred customers": a count
    if any(doc[k].head.i >= expr.end and doc[k].head.tag_ in ("NNS", "NNPS") for k in expr.core):
        return fig
    return replace(fig, unit=prev.unit)


def level_before_change(doc: Doc, figures: list[Figure], fig: Figure) -> Figure:
    """A bare level that a change's rate is measured from takes the unit (and the measure, when it has
    none) of the level before the rate: "exports totalled 3.76 mln tonnes, 34 pct down on 5.70 mln"
    (test9's annotator: 5.70 mln tonnes), when both levels have the same scale word and order."""
    if fig.unit is not None or fig.value_max is not None or len(figures) < 2:
        return fig
    rate, level = figures[-1], figures[-2]
    if rate.unit not in RATE_UNITS or level.unit is None or level.unit in RATE_UNITS or level.value <= 0 \
            or _CHANGE_FROM_RE.match(_untimed_text(doc, rate.end, fig.start)) is None \
            or _scale_of(level.text) == 1 or _scale_of(level.text) != _scale_of(fig.text) \
            or not 0.1 <= fig.value / level.value <= 10 or not _same_sentence(doc, level, fig):
        return fig
    return replace(fig, unit=level.unit, measure=fig.measure or level.measure)


def _measured_again(between: str, unit: str | None, prev_unit: str | None) -> bool:
    """Whether a figure restates the one before in another unit of the same dimension, in parentheses."""
    return between.strip() == "(" and unit != prev_unit \
        and any(unit in d and prev_unit in d for d in _DIMENSIONS)


def link_to_previous(doc: Doc, figures: list[Figure], fig: Figure) -> Figure:
    """Fill what a figure leaves out from the figure it restates or is compared with.

    "fell 8.2 billion dlrs, or 4.0 pct" and "$32bn (£16.7bn)" share a measure; "1.45 mln tonnes,
    against 1.35 mln" shares measure and unit (a number of the same scale with no unit of its own).
    """
    if not figures:
        return fig
    prev = figures[-1]
    if "\n" in doc_text(doc)[prev.end:fig.start] or _counts_other_noun(doc, prev, fig):
        return fig
    between = _YEAR_PHRASE.sub("", _untimed_text(doc, prev.end, fig.start))  # "1.35 mln in 1986 and 1.208 mln"
    measure, unit = fig.measure, fig.unit
    # "2,890,000 of its ordinary shares or 2.2 pct of those": the first figure's own noun may stand
    # between the two
    own = set(prev.measure.lower().split()) | _RESTATING_WORDS if prev.measure else set(_RESTATING_WORDS)
    whole = _OF_WHOLE_RE.match(between)
    if whole is not None:
        own = own | set(whole.group(1).lower().split())  # "27.6 pct of group net profit, against 28.2 pct"
    after = doc.char_span(prev.end, fig.start, alignment_mode="expand")
    if after is not None and len(after) and after[0].pos_ == "NOUN" \
            and any(c.dep_ == "nummod" and c.idx < prev.end for c in after[0].children):
        own = own | {after[0].lower_}  # "to 412,000 shares, or 6.5 pct": the noun the first one counts
    linked = _LINKED_RE.match(between) is not None or (
        measure is None and _LINKED_RE.match(" ".join(w for w in between.split() if w.lower() not in own)) is not None)
    compared = _COMPARED_RE.match(between) is not None
    converted_sum = _CONVERSION_RE.match(between) is not None and unit in CURRENCY_UNITS \
        and prev.unit in CURRENCY_UNITS
    converted = converted_sum or _measured_again(between, prev.unit, unit)
    same_kind = unit is None or unit == prev.unit
    from_to = same_kind and _from_to(doc, prev, fig)
    if from_to:
        # "a drop in the average price from 25.88 dlrs per barrel in 1985 to 13.90 dlrs", which the
        # parse hangs on another verb: the two levels of one change measure the same thing
        if prev.measure is not None:
            measure = prev.measure
        elif measure is not None:
            figures[-1] = replace(prev, measure=measure)
        if unit is None and prev.unit is not None and prev.value > 0 and 0.01 <= fig.value / prev.value <= 100:
            unit = prev.unit  # "from down two billion dlrs to up 1.8 billion"
    if prev.measure is not None and measure is None and unit is not None and unit == prev.unit \
            and _parallel(doc, prev, fig):
        measure = prev.measure  # "owned 80 pct by Standard and 20 pct by Alcatel"
    if prev.measure is not None and measure is None and same_kind and (
            _conjunct_of(doc, fig, prev) or (unit is not None and _conjunct_of_time(doc, prev, fig))):
        measure = prev.measure  # "76,700 acres estimated last month and 75,900 acres harvested"
    if prev.measure is not None and (converted or (linked and (measure is None or compared))
                                     or (compared and measure is None and same_kind)):
        measure = prev.measure  # "60 cts a share from 56 cts": a short phrase before "from" is allowed
    # a rate is not elided before a level: "up 6.3 pct from 90,945" (but "381 mln dlrs from 160" is)
    similar = prev.unit not in RATE_UNITS or (prev.value > 0 and 0.01 <= fig.value / prev.value <= 100)
    converted_before = between.lstrip().startswith(")")  # "4.3bn rupees ($98m; £52m), against 2.7bn"
    if unit is None and similar and not converted_before and (((linked or compared) and measure == prev.measure)
                                                              or VS_LABEL_RE.match(between) is not None):
        unit = prev.unit  # elided when nothing else is counted, or in a table ("57.1 mln dlrs vs loss 69.1 mln")
    if prev.measure is None and measure is not None and converted_sum \
            and measure.split()[-1].lower() not in CURRENCY_WORDS and measure.split()[-1].lower() not in UNIT_WORDS:
        # "a $2bn (1.53bn euros; £1.05bn) settlement": the parse hangs the noun on the conversion
        figures[-1] = replace(prev, measure=measure)
    if prev.measure is None and measure is not None and fig.unit == prev.unit and linked:
        figures[-1] = replace(prev, measure=measure)  # "80 pct by Standard and 20 pct by Alcatel": both
    # "11,950 tonnes of free market barley and 13,000 of soft wheat flour": a bare amount of another
    # thing in the same list leaves the first one's unit out (test4's annotator: 13,000 tonnes)
    listed = _LINKED_RE.match(" ".join(w for w in between.split() if w.lower() not in own)) is not None
    if unit is None and prev.unit is not None and prev.unit not in RATE_UNITS and listed and prev.value > 0 \
            and 0.1 <= fig.value / prev.value <= 10 \
            and fig.value_max is None and doc_text(doc)[fig.end:fig.end + 4] == " of " \
            and doc_text(doc)[prev.end:prev.end + 4] == " of ":
        unit = prev.unit
    if measure is None and prev.measure is not None and unit is not None and unit == prev.unit \
            and _compared_with(doc, fig) and _same_sentence(doc, prev, fig):
        measure = prev.measure  # "rise to 56.2 pct of overall debt in the same period, compared to 15.7 pct now"
    if measure is None and prev.measure is not None and unit is not None and unit == prev.unit \
            and _expected_object(doc, fig) and doc[_token_at(doc, prev.start)].sent.start \
            == doc[_token_at(doc, fig.start)].sent.start:
        measure = prev.measure  # "profit was 33 cents a share, but analysts had expected 34 cents"
    if prev.measure is not None and prev.measure.split()[-1].lower() in PRICE_HEADS and fig.unit in (None, prev.unit) \
            and _MOVE_AFTER_RE.match(between) is not None:
        measure = prev.measure  # "was trading at 48-1/8, down 3/8": the move of that price
    if measure is None and unit is None and prev.unit is None and prev.measure is not None \
            and _same_sentence(doc, prev, fig) and _elided_count(doc, prev, fig):
        measure = prev.measure  # "80 workers at its headquarters, with 17 at its offices" (test9)
    value, value_max = fig.value, fig.value_max
    if (compared or from_to) and fig.unit is None and unit == prev.unit and measure == prev.measure:
        value, value_max = _scaled_like(prev, fig)  # a bare number compared with a scaled one
    if (value, value_max, measure, unit) == (fig.value, fig.value_max, fig.measure, fig.unit):
        return fig
    return replace(fig, value=value, unit=unit, measure=measure, value_max=value_max)


def _counts_other_noun(doc: Doc, prev: Figure, fig: Figure) -> bool:
    """A bare number that counts a plural noun of its own, which the figure before does not measure, is
    compared with nothing: "flowed 6.5 mln cubic feet a day from three zones" (test8)."""
    if fig.unit is not None:
        return False
    k = _token_at(doc, fig.end - 1) + 1
    if k >= len(doc) or doc[k].tag_ != "NNS" or doc[k - 1].head.i != k:
        return False
    return prev.measure is None or doc[k].lower_ not in prev.measure.lower().split()


def _elided_count(doc: Doc, prev: Figure, fig: Figure) -> bool:
    """Whether a bare count leaves out the plural noun the figure before counts, written in the same
    frame: the same preposition after both ("80 workers at its headquarters, with 17 at its offices",
    "five killed in Gaza and three in the West Bank") or the same scale word ("more than 4.1 million
    viewers, but that had dropped to 2.7 million")."""
    k, n = _token_at(doc, prev.end - 1) + 1, _token_at(doc, fig.end - 1) + 1
    if k >= len(doc) or n >= len(doc) or prev.measure is None:
        return False
    if doc[k].tag_ != "NNS" or doc[k].lower_ not in prev.measure.lower().split():
        # the count before left its noun out too ("with 17 at its offices, and 22 at its base")
        return doc[k].tag_ == "IN" and doc[k].lower_ == doc[n].lower_ and prev.value_max is None
    same_prep = doc[n].tag_ == "IN" and k + 1 < len(doc) and doc[k + 1].lower_ == doc[n].lower_
    scale = _scale_of(prev.text)
    return same_prep or (scale > 1 and scale == _scale_of(fig.text))


def _scale_of(text: str) -> float:
    """The scale written in a figure's text: 1e6 for "4.2 mln" and "$400m", 1 for "3.85"."""
    scale = 1.0
    for m in _SCALE_RE.finditer(text):
        scale *= SCALES[(m.group(1) or m.group(2)).lower()]
    return scale


def _scaled_like(prev: Figure, fig: Figure) -> tuple[float, float | None]:
    """The value of a number compared with a scaled one that leaves the scale out: "totalled 4.2 mln
    last year, up from 3.85 in 1985" is 3.85 mln (test5's annotator, like test3's "orders under 800"
    after "850 mln dlrs"), when the scaled value is of the same order and the bare one a thousand
    times smaller."""
    scale = _scale_of(prev.text)
    if scale < 1e3 or _scale_of(fig.text) != 1 or prev.value <= 0 or fig.value_max is not None \
            or not fig.value * 1e3 < prev.value or not 0.1 <= fig.value * scale / prev.value <= 10:
        return fig.value, fig.value_max
    return float(f"{fig.value * scale:.12g}"), None


def _from_to(doc: Doc, prev: Figure, fig: Figure) -> bool:
    """Whether ``prev`` is the level after "from" and ``fig`` the level after "to" of one change, with
    a few words and no verb, number or other preposition of a level between ("from 25.88 dlrs per
    barrel in 1985 to 13.90 dlrs"; not "from 5 pct in Ohio, raising output to 3 mln")."""
    k = _token_at(doc, prev.start) - 1
    while k >= 0 and doc[k].lower_ in _LEVEL_HEDGES:
        k -= 1
    if k < 0 or doc[k].lower_ != "from":
        return False
    span = doc.char_span(prev.end, fig.start, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not _is_temporal(t) and not (
        t.tag_ == "IN" and t.i + 1 < len(doc) and _is_temporal(doc[t.i + 1]))]
    while words and words[-1].lower_ in _LEVEL_HEDGES:
        words.pop()
    if not words or words[-1].lower_ != "to":
        return False
    gap = words[:-1]
    return len(gap) <= MAX_FROM_TO_GAP and not any(
        t.pos_ in ("VERB", "AUX") or t.like_num or t.lower_ in ("from", "to", "and", "or", ";") for t in gap)


def _token_at(doc: Doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _compared_with(doc: Doc, fig: Figure) -> bool:
    """Whether a figure is what "compared with" or "compared to" right before it compares with."""
    k = _token_at(doc, fig.start)
    while k > 0 and doc[k - 1].lower_ in _LEVEL_HEDGES:
        k -= 1
    return k >= 2 and doc[k - 1].lower_ in ("with", "to") and doc[k - 2].lower_ == "compared"


def _same_sentence(doc: Doc, prev: Figure, fig: Figure) -> bool:
    return doc[_token_at(doc, prev.start)].sent.start == doc[_token_at(doc, fig.start)].sent.start


def _expected_object(doc: Doc, fig: Figure) -> bool:
    """Whether a figure is the object of a verb of expecting ("had expected 34 cents")."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in EXPECTING_VERBS


def _untimed_text(doc: Doc, start: int, end: int) -> str:
    """The text between two offsets without its time phrases ("in the quarter", "a week ago", "in
    last year's second half"), which do not keep two figures from being compared."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return doc_text(doc)[start:end]
    # a preposition is dropped with the time phrase it opens (the parse of "1.35 mln in 1986 and
    # 1.208 mln" often hangs the year elsewhere)
    kept = [t for t in span if not _is_temporal(t) and not (
        t.tag_ == "IN" and t.i + 1 < span.end and _is_temporal(doc[t.i + 1]))]
    return " " + " ".join(t.text for t in kept) + " "


def _is_temporal(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in TIME_NOUNS or tok.lower_ == "ago"


def _conjunct_of(doc: Doc, fig: Figure, prev: Figure) -> bool:
    """Whether the parse joins ``fig`` to ``prev`` with a conjunction: a conj of a token of prev, or
    of the word prev counts, by the number or the word it modifies ("four points behind Arsenal and a
    further five back": "back" is a conj of "points")."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    before = doc.char_span(prev.start, prev.end, alignment_mode="expand")
    if span is None or before is None:
        return False
    anchors = {t.i for t in before} | {t.head.i for t in before if t.dep_ == "nummod"}
    return any(c.dep_ == "conj" and c.head.i in anchors for t in span
               for c in ((t, t.head) if t.dep_ == "nummod" else (t,)))


def _conjunct_of_time(doc: Doc, prev: Figure, fig: Figure) -> bool:
    """Whether the parse joins ``fig`` to the time phrase after ``prev``: "includes 180,000 tonnes for
    delivery during the 1986/87 season and 120,000 tonnes during the 1987/88 season" (test9), where the
    second amount is a conj of "season": it stands beside the first one."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or not _same_sentence(doc, prev, fig):
        return False
    return any(t.dep_ == "conj" and _is_temporal(t.head) and prev.end <= t.head.idx < fig.start for t in span)


def _parallel(doc: Doc, prev: Figure, fig: Figure) -> bool:
    """Whether ``fig`` follows ``prev`` in a coordination of parallel phrases, a figure and a short
    prepositional phrase each ("80 pct by Standard and 20 pct by Alcatel", "5 pct in Japan and 3 pct
    in Germany"): only a preposition, at most three words and "and"/"or" stand between."""
    span = doc.char_span(prev.end, fig.start, alignment_mode="expand")
    if span is None or len(span) < 3 or span[0].dep_ not in ("prep", "agent") or span[-1].lower_ not in ("and", "or"):
        return False
    words = span[1:-1]
    return len(words) <= 3 and not any(t.pos_ in ("VERB", "AUX", "PUNCT") or t.like_num for t in words)
