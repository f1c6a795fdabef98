"""Whether a figure group's reports disagree, and how: its verdict and note, and the group as the dossier shows it.

Reports that take no side are left out first (``is_current``: an earlier level, a whole, a part, a figure the
text compares its own with, a forecast). Of the rest, the highest and lowest values of two articles that
share no value are a conflict unless their hedges allow one count ("more than 300", "about 320"). The note
tells a probable update (the higher value published later, or introduced by "increased to", "rose to", "now")
from a contradiction, and also tells two articles of one day that differ beside an update; a level that rises
and falls (winds in km/h, a temperature, a share price, a move) published lower later is the level changing,
never a contradiction (``is_level``). Another source's value in the same article ("The U.S. Geological Survey
put its magnitude at 6.9") is a contradiction unless the text says it was revised.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date

from newsweave.annotate.figure_lexicon import CURRENCY_UNITS
from newsweave.dossier.figure_keys import Report, names_head
from newsweave.model import Cite, Figure, FigureGroup, FigureReport, Verdict

# The words of an estimate right before its figure: "estimated insured losses at", "put the damage at", "an
# estimate of", "estimates ... of".
_ESTIMATE_BEFORE = re.compile(r"\b(?:(?:estimated?|put|pegged|valued)\s+(?:[\w'-]+\s+){0,5}?at|estimates?\s+"
                              r"(?:[\w'-]+\s+){0,3}?(?:of|at))\s+[$£€]?$", re.IGNORECASE)

# Counts that fall as a disaster's news goes on (the missing are found, the trapped freed): a later
# lower value is no contradiction.
_CAN_FALL = frozenset({"missing", "trapped", "stranded"})
# ... and those that fall as people go home: "3,100 people were still in shelters on Monday, down from a peak of
# 8,900" (a made-up eruption story).
_CAN_EMPTY = frozenset({"shelter", "shelters", "camp", "camps", "centre", "centres", "center", "centers"})

_UPDATE_CUE = re.compile(r"\b(increased|increases|rose|rises|risen|climbed|climbs|grew|grows|grown|jumped|jumps|"
                         r"reached|reaches|now|"
                         r"has\s+reached|updated|latest|new\s+toll)\b", re.IGNORECASE)
# How far before a figure, in characters, an update cue ("Their number increased to 18") is looked for.
_CUE_WINDOW = 60

_MOVE_WORD = re.compile(r"\b(?:rise|fall|gain|loss|drop|decline|increase|decrease|growth|jump)s?\b", re.IGNORECASE)

def figure_group(reports: list[Report]) -> FigureGroup:
    counts = Counter(r.figure.measure for r in reports)
    head = reports[0].key.head.split()[0]
    # the most used wording; of equally used ones the first that names what is counted ("people evacuated",
    # not a headline's "flee")
    measure = max(counts, key=lambda m: (counts[m], names_head(m or "", head))) or ""
    move = reports[0].key.event if reports[0].key.event in ("rise", "fall") else None
    if move is not None and not _MOVE_WORD.search(measure):
        measure = f"{move} in {measure}"  # "rise in Halvorsen shares" (the figures gold sets' wording)
    apart = reports[0].apart
    if apart is not None:  # "killed, 2001" (the region's last quake), "trade target", "people died so far this year"
        measure = f"{measure}, {apart}" if apart.isdigit() else f"{measure} {apart}"
    current = [r for r in reports if r.current]
    pair = _disagreeing_pair(current)
    if pair is not None and _may_agree(*pair):
        pair = None  # "more than 300" and "about 320": one count, worded two ways
    verdict: Verdict | None = None
    note = None
    if pair is not None:
        level = is_level(reports)
        verdict, note = _conflict_note(*pair, level)
        more = _later_lower_note(current, pair, level) + _same_day_note(current, pair)
        if more:  # "then 15 is lower than the earlier 17: a contradiction"
            verdict, note = "contradiction", note + more
    inner = _restated_pair(current)
    if inner is not None:  # "A magnitude 7.1 earthquake ... The U.S. Geological Survey put its magnitude at 6.9."
        first, other = inner
        told = (f"in {first.article.id} {_said(first)} and {_said(other)} differ: two sources, one article "
                "(a contradiction)")
        verdict, note = "contradiction", f"{note}; {told}" if note else f"values differ: {told}"
    forecasts = [r for r in reports if r.forecast]
    if forecasts and len(forecasts) < len(reports):
        told = ", ".join(f"{_said(r)} ({r.article.id})" for r in forecasts)
        note = f"{note}; " if note else ""
        note += f"{'a forecast' if len(forecasts) == 1 else 'forecasts'}, not compared with the counts: {told}"
    return FigureGroup(
        measure=measure,
        unit=reports[0].figure.unit,
        reports=tuple(_figure_report(r) for r in reports),
        conflict=pair is not None or inner is not None,
        note=note,
        verdict=verdict,
    )


def _restated_pair(reports: list[Report]) -> tuple[Report, Report] | None:
    """The first value another source puts on a quantity its article gave just before, when the two differ and
    their hedges do not allow one count: (the article's value, the other source's). Not a revision: "He has
    since said satellite data put the column at 7.5 kilometres" (a made-up eruption story)."""
    last: dict[str, Report] = {}
    for r in reports:
        before = last.get(r.article.id)
        if r.restates and before is not None and before.value != r.value and not (_estimate(before) and _estimate(r)) \
                and not _REVISED.search(r.article.text, max(0, r.figure.start - 120), r.figure.start):
            high, low = (before, r) if before.figure.value >= r.figure.value else (r, before)
            if not _may_agree(high, low):
                return before, r
        last[r.article.id] = r
    return None


def _figure_report(r: Report) -> FigureReport:
    published = r.article.published.isoformat() if r.article.published else None
    return FigureReport(Cite(r.article.id, _hedge_start(r), r.end), r.figure.value, _said(r), published)


def find_hedge(text: str, figure: Figure) -> re.Match[str] | None:
    """The hedge right before a figure's number ("more than", "about"), if any; not the particle of a phrasal
    verb ("had handed over 140 detainees": 140, no bound)."""
    m = _HEDGE.search(text, max(0, figure.start - 24), figure.start)
    if m is not None and m[1].lower() == "over" and _OVER_PARTICLE.search(text, max(0, m.start() - 12), m.start()):
        return None
    return m


# Words that tell a value replaces an earlier one of the same source.
_REVISED = re.compile(r"\b(?:since|later|revised|updated|corrected|raised|lowered|now|by\s+(?:Monday|Tuesday|"
                      r"Wednesday|Thursday|Friday|Saturday|Sunday|then|evening|nightfall|morning)|yesterday|today)\b"
                      r"[^.;]*$", re.IGNORECASE)
# Verbs whose "over" is a particle, not a bound: "handed over", "turned over" (not "signed over 140 contracts").
_OVER_PARTICLE = re.compile(r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?)\s+$", re.IGNORECASE)


def _hedge_start(r: Report) -> int:
    """Where a report's words start with the hedge before its number ("more than 300", "about 320"),
    so that the dossier quotes the bound the source gave, not a bare number."""
    return r.hedge.start() if r.hedge is not None else r.figure.start


def _said(r: Report) -> str:
    text = r.article.text
    return text[_hedge_start(r):r.figure.start] + r.figure.text + text[r.figure.end:r.end]


# Words before a figure that make it a bound or an approximation; an approximate value allows this share
# either side ("about 320" and "more than 300"; "roughly $50 million" and "$48 million").
_AT_LEAST = frozenset({"more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
                       "no less than", "above"})
_AT_MOST = frozenset({"fewer than", "less than", "under", "up to", "at most", "no more than", "nearly",
                      "almost", "below"})
_APPROXIMATE = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
                          "close to"})
APPROXIMATE_SHARE = 0.1
# Two values at most this share apart, one the other rounded, may be one count ("41,212" and "41,200").
ROUNDING_SHARE = 0.005
# ... and two hedged values this far apart or more are two counts, whatever their bounds allow: news
# writes "at least" of a toll that is still rising.
MAY_AGREE_RATIO = 1 + 2 * APPROXIMATE_SHARE
_HEDGE = re.compile(r"\b(" + "|".join(sorted((w.replace(" ", r"\s+") for w in _AT_LEAST | _AT_MOST | _APPROXIMATE),
                                             key=len, reverse=True)) + r")\s+[$£€]?$", re.I)
# A value given as the level before ("turnout was 56.4%, down from 59% in 2023", "rose to 18 from
# 13") or as the whole a part is of ("30 of the 81 seats"): no report of the story's current value,
# so no side of a disagreement (a made-up election story flagged 59% against 56.2%, 81 against 17).
_EARLIER_LEVEL = re.compile(r"\b(?:from|compared\s+with|against)\s+(?:a\s+(?:peak|high|record)\s+of\s+)?"
                            r"(?:about\s+|around\s+|some\s+)?[$£€]?$"
                            # an earlier level the text names as such: "after raising their initial demand of 40
                            # bitcoin", "originally demanded 40 bitcoin" (a made-up ransomware story)
                            r"|\b(?:initial|original|originally|initially|first|previous|previously|earlier)\s+"
                            r"(?:[\w'’-]+\s+){0,2}?(?:of\s+)?(?:about\s+|around\s+|some\s+)?[$£€]?$"
                            # a source's earlier figure: "Police had earlier put the toll at 12" (a made-up stadium
                            # story, where it was flagged against the 17 of the same article)
                            r"|\b(?:earlier|previously|initially|originally|first)\s+(?:put|gave|given|estimated|"
                            r"reported|placed|pegged|said|set)\b[^.;:\d]{0,40}?\b(?:at|as|to|was)\s+"
                            r"(?:about\s+|around\s+|some\s+)?[$£€]?$", re.I)
# ... nor does a figure the article sets its own against ("15 people had died, lower than the figure of 17
# given by state media"; "put the toll at 14, higher than the ministry's figure of 11").
_COMPARED_FIGURE = re.compile(r"\bthan\s+(?:(?:[\w'’-]+\s+){0,4}(?:figure|number|tally|estimate|count|total|toll)"
                              r"\s+of\s+(?:about\s+|around\s+|some\s+)?|the\s+)[$£€]?$", re.I)
_WHOLE_OF = re.compile(r"\d[\d,.]*%?\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?$")


def is_current(text: str, figure: Figure, part: bool, forecast: bool) -> bool:
    """Whether a figure of ``text`` gives the measure's value now, not an earlier level, a whole, a part, a
    forecast or another source's figure it is compared with (``Report.current``)."""
    before = text[max(0, figure.start - 60):figure.start]
    return not (part or forecast or _EARLIER_LEVEL.search(before) or _WHOLE_OF.search(before)
                or _COMPARED_FIGURE.search(before))


def _bounds(r: Report) -> tuple[float, float]:
    """The values a report allows, from the words before it: "more than 300" (300, inf), "about 320"
    (288, 352), "up to 40" (-inf, 40), "9" (9, 9). A range is its own bounds."""
    low, high = r.figure.value, r.figure.value if r.figure.value_max is None else r.figure.value_max
    m = r.hedge
    if m is None:
        return low, high
    word = " ".join(m[1].lower().split())
    if word in _AT_LEAST:
        return low, math.inf
    if word in _AT_MOST:
        return -math.inf, high
    spread = APPROXIMATE_SHARE * max(abs(low), abs(high))
    return low - spread, high + spread


def _may_agree(high: Report, low: Report) -> bool:
    """Whether two differing values may be the same count by their hedges ("more than 300" and "about
    320" may; "at least 12" then "rose to 17" is an update the text tells, and "at least 326" and
    "more than 5,000" are too far apart, so they do not)."""
    if _UPDATE_CUE.search(high.article.text, max(0, high.figure.start - _CUE_WINDOW), high.figure.start):
        return False
    if high.figure.value > low.figure.value * MAY_AGREE_RATIO:
        return False  # "at least 326" and "more than 5,000" allow one count, but tell two
    if _rounded_to(high.figure.value, low.figure.value) or _rounded_to(low.figure.value, high.figure.value):
        return True  # "a crowd of 41,212" and "The attendance ... was 41,200"
    (a_lo, a_hi), (b_lo, b_hi) = _bounds(high), _bounds(low)
    return a_lo <= b_hi and b_lo <= a_hi


def _rounded_to(exact: float, round_value: float) -> bool:
    """Whether ``round_value`` is ``exact`` rounded to its own trailing zeros, and within
    ROUNDING_SHARE of it: 41,200 for 41,212 (not 20 million for 18 million, nor 3 for 2)."""
    if round_value != int(round_value) or round_value == 0 or abs(exact - round_value) > ROUNDING_SHARE * round_value:
        return False
    zeros = len(str(int(round_value))) - len(str(int(round_value)).rstrip("0"))
    return zeros > 0 and round(exact, -zeros) == round_value


def _disagreeing_pair(reports: list[Report]) -> tuple[Report, Report] | None:
    """The highest and lowest reports of two articles whose values differ, or None when every pair
    of articles shares a value (one article giving "from 9.8 to 12.5" is not a conflict). The caller
    passes only current reports: earlier levels and wholes (``is_current``) take no side."""
    by_article: dict[str, list[Report]] = {}
    for r in reports:
        by_article.setdefault(r.article.id, []).append(r)
    ids = list(by_article)
    values = [{r.value for r in by_article[a]} for a in ids]
    highs = [max(by_article[a], key=lambda r: (r.figure.value, -r.order)) for a in ids]
    lows = [min(by_article[a], key=lambda r: (r.figure.value, r.order)) for a in ids]
    best: tuple[Report, Report] | None = None
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            if not values[i].isdisjoint(values[j]):
                continue  # the two articles share a value
            # the higher of the two articles' highest reports, and the other article's lowest
            high, low = (highs[i], lows[j]) if (highs[i].figure.value, -highs[i].order) > \
                (highs[j].figure.value, -highs[j].order) else (highs[j], lows[i])
            if best is None or high.figure.value - low.figure.value > best[0].figure.value - best[1].figure.value:
                best = (high, low)
    return best


# Units of a reading that rises and falls (a storm's winds, a temperature): a later lower reading is
# the level changing, not a count that contradicts an earlier one.
LEVEL_UNITS = frozenset({"km/h", "mph", "knots", "°C", "°F", "degrees"})


def is_level(reports: list[Report]) -> bool:
    """Whether a group's reports read a level that rises and falls, which a later lower report changes and
    does not contradict: a storm's winds or a temperature (``LEVEL_UNITS``), a share price ("were trading at
    $48.10", "closed at $46.30") and its moves ("rose 22%", "closed up 18 per cent": each day moves its own
    way). A year's rise in a count ("adverse findings rose 12% in 2024"), a price index's or a bond issue's size
    is one figure."""
    unit, key = reports[0].figure.unit, reports[0].key
    if unit in LEVEL_UNITS:
        return True
    traded = any(_TRADED & {r.key.head, *r.key.modifiers} for r in reports)
    return traded and (unit in CURRENCY_UNITS or key.event in ("rise", "fall"))


# What is traded at a price that moves every day.
_TRADED = frozenset({"share", "stock"})


def _later_lower_note(reports: list[Report], pair: tuple[Report, Report], level: bool) -> str:
    """What the note of the highest and lowest reports leaves out: a dated report lower than an
    earlier dated report of another article ("12 killed" on the 7th, "17" on the 8th, "15" on the
    9th: 12 -> 17 is an update, 15 after 17 a contradiction); empty when there is none, or when it is
    the pair the note already tells of. One pass over the days (a wire story's group may hold
    thousands of reports)."""
    if level:
        return ""
    by_day: dict[date, list[Report]] = {}
    for r in reports:
        if r.article.published is not None:
            by_day.setdefault(r.article.published, []).append(r)
    values: dict[str, set[float]] = {}
    for r in reports:
        values.setdefault(r.article.id, set()).add(r.figure.value)
    worst: tuple[Report, Report] | None = None
    highest: Report | None = None  # the highest report of the days before
    for day in sorted(by_day):
        if highest is not None:
            for late in by_day[day]:
                drop = highest.figure.value - late.figure.value
                if drop > 0 and highest.figure.value not in values[late.article.id] and (
                        worst is None or drop > worst[0].figure.value - worst[1].figure.value):
                    worst = (highest, late)
        top = max(by_day[day], key=lambda r: (r.figure.value, -r.order))
        if highest is None or top.figure.value > highest.figure.value:
            highest = top
    if worst is None or {id(worst[0]), id(worst[1])} == {id(pair[0]), id(pair[1])}:
        return ""
    early, late = worst
    return (f"; then {_said(late)} ({late.article.id}, {late.article.published}) is lower than the earlier "
            f"{_said(early)} ({early.article.id}, {early.article.published}): a contradiction")


def _same_day_note(reports: list[Report], pair: tuple[Report, Report]) -> str:
    """What the note of the highest and lowest reports leaves out: two articles of one day that give
    different values ("five killed", police; "six killed", a council member; both on the 13th, and
    "seven" on the 14th); empty when there are none, when their hedges allow one count, or when it is
    the pair the note already tells of."""
    by_day: dict[date, dict[str, Report]] = {}
    for r in reports:
        if r.article.published is not None:
            day = by_day.setdefault(r.article.published, {})
            if r.article.id not in day or r.figure.value > day[r.article.id].figure.value:
                day[r.article.id] = r  # each article's highest report of the day
    worst: tuple[Report, Report] | None = None
    for day in by_day.values():
        tops = sorted(day.values(), key=lambda r: (r.figure.value, -r.order))
        high, low = tops[-1], tops[0]
        if high.figure.value > low.figure.value and not _may_agree(high, low) and (
                worst is None or high.figure.value - low.figure.value > worst[0].figure.value - worst[1].figure.value):
            worst = (high, low)
    if worst is None or {id(worst[0]), id(worst[1])} == {id(pair[0]), id(pair[1])}:
        return ""
    high, low = worst
    return (f"; on {high.article.published} {_said(high)} ({high.article.id}) and {_said(low)} ({low.article.id}) "
            f"differ: a contradiction")


def _estimate(r: Report) -> bool:
    """Whether a report is an estimate ("estimated insured losses at $3 billion to $5 billion", "put losses at
    $6 billion", "an estimate of"), which another estimate neither updates nor contradicts."""
    return _ESTIMATE_BEFORE.search(r.article.text, max(0, r.figure.start - 80), _hedge_start(r)) is not None


def _conflict_note(high: Report, low: Report, level: bool) -> tuple[Verdict, str]:
    """Say whether two differing values look like an update or a contradiction: the verdict and its note."""
    def cite(r: Report) -> str:
        when = r.article.published.isoformat() if r.article.published else "date unknown"
        return f"{_said(r)} ({r.article.id}, {when})"

    head = f"values differ: {cite(high)} vs {cite(low)}"
    before = high.article.text[max(0, high.figure.start - _CUE_WINDOW):high.figure.start]
    cue = _UPDATE_CUE.search(before) is not None
    dh, dl = high.article.published, low.article.published
    if dh is not None and dl is not None and dh != dl and level:
        return "level", f"{head}; reported at different times: the level changed"  # a storm's winds
    if _estimate(high) and _estimate(low):
        return "estimates", f"{head}; estimates differ"  # two firms' estimates of insured losses
    if dh is not None and dl is not None:
        if dh > dl:
            return "update", f"{head}; reported at different times, likely an update"
        if dh < dl and any(w in (low.figure.measure or "").split() for w in _CAN_FALL):
            return "update", f"{head}; reported at different times, likely an update (this number falls as people " \
                "are found)"
        if dh < dl and any(w in (low.figure.measure or "").lower().split() for w in _CAN_EMPTY):
            return "update", f"{head}; reported at different times, likely an update (this number falls as people " \
                "go home)"
        if dh < dl and low.key.event is not None and low.key.event.startswith("in "):
            # in hospital, in a serious condition, in intensive care (a made-up derailment story: 8, then 3)
            return "update", f"{head}; reported at different times, likely an update (this number falls as patients " \
                "recover and leave hospital)"
        if dh == dl:
            if cue:
                return "update", f"{head}; same day, but the text reports a change: likely an update"
            return "contradiction", f"{head}; contradiction: same day"
        return "contradiction", f"{head}; contradiction: the later report gives the lower value"
    if cue:
        return "update", f"{head}; reported at different times, likely an update (the text says the figure changed)"
    return "unknown", f"{head}; contradiction or update: a publication date is unknown"
