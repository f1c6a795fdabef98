"""Figure groups of a story: every outlet's report of one measure, and whether they disagree.

``group_figures`` reads each article's figures in order and makes a report of each that has a noun
(``figure_keys``): the text around a figure refines its measure, so that a level's move ("shares fell 6%"
is a fall, "jumped 22%" a rise), a death toll's count ("the death toll had risen to five soldiers") and people
still in hospital are measures of their own, and "put the number at 5,100" takes the measure of the figure it
restates. A report of another time is grouped apart from the story's present level, its measure marked: a
figure dated well before its article ("killed, 2001"), a level a plan aims at ("trade target"), a running total
since the year began ("people died so far this year"). A forecast ("power could be cut to as many as 1.5 million
customers") stays in its measure's group, told in the note and never compared with the counts.

Reports of the same measure and unit are grouped (``_Grouper``); a group whose measure's words are too loose is
split into the quantities it holds (``figure_slots``); each group's verdict and note tell an update from a
contradiction (``figure_verdicts``).
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from newsweave.annotate.figure_lexicon import CURRENCY_UNITS
from newsweave.annotate.figure_links import RATE_UNITS
from newsweave.annotate.timex_rules import SINCE_BEFORE
from newsweave.dossier.figure_keys import (
    FIGURE_NOUNS,
    MIN_HEAD_SIMILARITY,
    MIN_MODIFIER_SIMILARITY,
    MeasureKey,
    Report,
    money_alone,
    names_the_figure,
    normalize_measure,
    value_key,
)
from newsweave.dossier.figure_slots import context_words, quantities
from newsweave.dossier.figure_verdicts import figure_group, find_hedge, is_current
from newsweave.dossier.names import PlaceGazetteer
from newsweave.dossier.timeline import EDITORS_NOTE
from newsweave.model import Annotations, Article, Figure, FigureGroup, Timex

# A figure whose nearest date in its sentence ends this long before its article was published counts
# something earlier (the region's last earthquake in 2001, a turnout of 2023): it is no current report.
# Half a year: monthly and quarterly statistics come out weeks after their period ("Retail inflation
# eased to 0.25% in October", published in December, is the story's current figure).
PAST_MARGIN = timedelta(days=183)
# A goal's verbs before the level it aims at: "agreed (on Tuesday) to double bilateral trade to", "plans to
# raise output to", "pledged to cut emissions by" (a made-up summit story).
_GOAL_BEFORE = re.compile(
    r"\b(?:agree[sd]?|plan(?:s|ned)?|aim(?:s|ed)?|seek(?:s)?|sought|want(?:s|ed)?|pledge[sd]?|promise[sd]?|"
    r"vow(?:s|ed)?|target(?:s|ed)?|hope[sd]?|intend(?:s|ed)?)\s+(?:\w+\s+){0,3}?to\s+(?:double|triple|raise|"
    r"increase|boost|lift|cut|reduce|lower|bring|grow|expand|halve)\b[^.;]{0,120}?\b(?:to|by)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+)?[$£€]?$", re.IGNORECASE)
# The words of a running total since the year began: "so far this year", "since the start of the year".
_RUNNING_TOTAL = re.compile(r"\b(?:so\s+far\s+(?:this|in)\s+(?:year|\d{4})|(?:since|from)\s+the\s+"
                            r"(?:start|beginning)\s+of\s+(?:the|this)\s+year|this\s+year\s+so\s+far|year\s+to\s+date)\b",
                            re.IGNORECASE)
# A figure added to an earlier level, whose new total the sentence gives: "would eliminate a further 400 positions
# in Mexico, bringing total global cuts to 8,400" (a made-up story of job cuts, where the 400 was flagged against
# 5,000 overseas cuts). Without the total, "a further" and "another" are no increment: "Three people died and a
# further 20 were injured", "Another 9 people were missing".
_INCREMENT_BEFORE = re.compile(r"\b(?:a\s+further|an\s+additional|another|an\s+extra)\s+(?:about\s+|around\s+|some\s+)?"
                               r"[$£€]?$", re.IGNORECASE)
_INCREMENT_MORE = re.compile(r"\s+(?:more|additional|extra)\b", re.IGNORECASE)
_NEW_TOTAL_AFTER = re.compile(r"[^.;]{0,120}?\b(?:bringing|taking|raising|lifting|pushing)\s+"
                              r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?to\s+(?:about\s+|around\s+|some\s+|nearly\s+)?[$£€]?\d",
                              re.IGNORECASE)
# A figure a forecast gives, not a count of what happened: a possibility before it in its clause ("power could
# be cut to as many as 1.5 million customers", "losses are expected to reach") or after it ("Up to 400 mm of
# rain could fall"). Not "may have", "could have": an uncertain count of what happened ("as many as 300
# people may have died").
_FORECAST_BEFORE = re.compile(
    r"\b(?:could|may|might|(?:is|are|was|were)\s+(?:expected|forecast|projected|predicted|likely)\s+to)"
    r"\s+(?!have\b)(?:[\w'-]+\s+){0,4}?"
    r"(?:as\s+many\s+as\s+|as\s+much\s+as\s+|up\s+to\s+|about\s+|around\s+|some\s+|more\s+than\s+)?[$£€]?$",
    re.IGNORECASE)
_FORECAST_AFTER = re.compile(r"[^.;,:]{0,40}?\b(?:could|may|might)\s+(?!have\b)\w", re.IGNORECASE)

_WHEN_AFTER = re.compile(r",?\s+when\b")
_CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")

_OPEN_PAREN = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*\(\s*(?:about\s+|around\s+|some\s+)?")  # "50 million soles ($13.5"
# Where a clause ends inside a sentence: a comma, a semicolon, a dash, or a word that sets one figure against another.
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s|\b(?:compared\s+with|versus|vs\.?|against|while|whereas|but)\b",
                           re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]|\n")
# A part of the figure before it, of the same measure, takes no side of a disagreement ("29 survivors, 11 of
# them in serious condition"; not "won 30 of the 81 seats", where 81 is the whole); nor does the part a whole
# before it includes: "about 1.2 million vehicles worldwide, including 410,000 in
# the United States" (a made-up recall story).
_INCLUDING = re.compile(r"\bincluding\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?[$£€]?$", re.I)
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:them|those|whom|which|these|the|its|their)\b")

def group_figures(items: Sequence[tuple[Article, Annotations]],
                  gazetteer: PlaceGazetteer | None = None) -> list[FigureGroup]:
    """Group a story's reported figures by measure and flag disagreements.

    Args:
        items: the story's articles with their annotations (``Annotations.figures`` filled).
        gazetteer: tells a nationality among a measure's words ("two Russian diplomats" are not "two Estonian
            diplomats"); one shared table is loaded when None.

    Returns:
        One group per measure that has a noun, most reported first (then first reported first),
        each with every report, ``conflict`` when two sources give different values, and a note
        telling a probable update from a contradiction.
    """
    grouper = _Grouper((gazetteer or _shared_gazetteer()).is_demonym)
    order = 0
    keys: dict[str, MeasureKey | None] = {}  # each measure normalized once: a story repeats its measures
    for article, ann in items:
        previous: tuple[Figure, MeasureKey] | None = None
        recent: list[tuple[Figure, MeasureKey]] = []  # the article's last figures, for "put the number at"
        conversions = _conversions(article.text, ann.figures)
        sentences = Sentences(article, ann)
        for k, figure in enumerate(ann.figures):
            if figure.measure and figure.measure not in keys:
                keys[figure.measure] = normalize_measure(figure.measure)
            key = keys[figure.measure] if figure.measure and not money_alone(figure) else None
            if key is None or k - 1 in conversions or sentences.editors_note(figure):
                continue  # no noun; a conversion; a correction's retracted figure
            if (move := _move(article.text, figure)) is not None:  # "shares fell 6%" is no rise of 22%
                key = MeasureKey(key.head, move, tuple(sorted({*key.modifiers, *([key.event] if key.event else [])})))
            elif key.event is None and key.head not in FIGURE_NOUNS \
                    and _TOLL_BEFORE.search(article.text, max(0, figure.start - 120), figure.start):
                key = MeasureKey(key.head, "killed", key.modifiers)  # "the death toll ... had risen to five soldiers"
            elif key.event in (None, "injured") and _STILL_IN_HOSPITAL.match(article.text, figure.end) is not None:
                key = MeasureKey(key.head, "in hospital", key.modifiers)  # "Twenty injured workers remain in hospital"
            same_sentence = previous is not None and _one_sentence(article.text, previous[0].end, figure.start)
            restates = _RESTATED.search(article.text, max(0, figure.start - 80), figure.start) is not None
            if restates and names_the_figure(key) and (named := _restated_key(figure, recent)) is not None:
                # "4,200 people had been moved to 31 temporary shelters, while the district agency put the number
                # at 5,100": the people, the figure nearest in size (a made-up eruption story)
                key = named
            elif previous is not None and same_sentence and names_the_figure(key) and previous[0].unit == figure.unit:
                key = previous[1]  # "put the death toll at 14, higher than the ministry's figure of 11"
            elif names_the_figure(key):
                continue  # "The correct figure is 14.2 per cent": what it counts is told elsewhere
            part = previous is not None and same_sentence and previous[1] == key and previous[0].value > figure.value \
                and (_PART_OF.match(article.text, figure.end) is not None
                     or _INCLUDING.search(article.text, max(0, figure.start - 30), figure.start) is not None)
            apart = sentences.dated_past(figure) or ("target" if sentences.goal(figure) else None) \
                or ("so far this year" if sentences.running_total(figure) else None) \
                or ("added" if sentences.increment(figure) else None)
            grouped = key if apart is None else MeasureKey(f"{key.head} {apart}", key.event, key.modifiers)
            forecast = sentences.forecast(figure)
            grouper.add(Report(article, figure, grouped, order, conversions.get(k, figure.end),
                                value_key(figure), find_hedge(article.text, figure), part, apart,
                                forecast, sentences, restates=restates,
                                current=is_current(article.text, figure, part, forecast)))
            previous = (figure, key)
            recent = [*recent[-(_RESTATED_REACH - 1):], (figure, key)]
            order += 1
    groups = sorted((slot for g in grouper.groups for slot in quantities(g)), key=lambda g: (-len(g), g[0].order))
    return [figure_group(g) for g in groups]


# Words before a figure that make it a move of a level, up or down ("shares fell 6%", "closed up 18 per cent",
# "had climbed by more than 20 percent", "before losing 6 percent"): a rise and a fall are two measures. Only
# for rates and sums ("lost 300 jobs" counts jobs lost).
_MOVE_BEFORE = re.compile(
    r"\b(?:(?P<rise>rose|risen|rises|rising|up|gained|gains|gaining|jumped|jumps|climbed|climbs|soared|surged|"
    r"increased|advanced)|(?P<fall>fell|fallen|falls|falling|down|lost|loses|losing|dropped|drops|declined|"
    r"declines|slid|slipped|tumbled|plunged|plummeted|decreased|shed|eased))\s+(?:by\s+)?"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over|roughly)\s+)?[$£€]?$", re.IGNORECASE)


def _move(text: str, figure: Figure) -> str | None:
    """"rise" or "fall" when a rate, a sum or a fraction is written as a level's move ("fell 6%", "has fallen by
    a third to 39": the third is no count of the missing), else None."""
    if figure.value_max is not None:
        return None  # "increased from 60 to 120 tenge" tells the two levels, not a move
    fraction = figure.unit is None and 0 < figure.value < 1
    if not fraction and figure.unit not in RATE_UNITS and figure.unit not in CURRENCY_UNITS:
        return None
    m = _MOVE_BEFORE.search(text, max(0, figure.start - 40), figure.start)
    if m is None or (fraction and not re.search(r"\bby\s", m[0], re.IGNORECASE)):
        return None
    if figure.unit in CURRENCY_UNITS and re.match(r"los(?:t|es|ing)\b", m[0], re.IGNORECASE):
        return None  # "The airline lost $300 million": a loss, not a level's fall
    return "rise" if m["rise"] else "fall"


# A death toll's words before its count, in one clause: "the death toll from rebel shelling ... had risen to five
# soldiers" (a made-up truce story: "soldiers" alone had joined the soldiers freed).
_TOLL_BEFORE = re.compile(r"\b(?:death\s+)?toll\b[^.;:,\d]{0,80}?\b(?:to|at|of|reached|hit|was|is|stood\s+at)\s+"
                          r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|at\s+least\s+)?$",
                          re.IGNORECASE)
# A count of people still in hospital, said after it: "Twenty injured workers remain in hospital" (a made-up
# blast story) counts the injured still there, not all the injured.
_STILL_IN_HOSPITAL = re.compile(r"[^.;:,\d]{0,40}?\b(?:remain(?:s|ed)?|(?:are|were)\s+still|still)\s+(?:in\s+hospital|"
                                r"hospitali[sz]ed)\b", re.IGNORECASE)


def _restated_key(figure: Figure, recent: list[tuple[Figure, MeasureKey]]) -> MeasureKey | None:
    """The measure of the figure "put the number at 3,500" restates: of the article's last figures in its unit,
    the one nearest in size, at most RESTATED_RATIO apart ("about 2,000 residents", not "31 temporary
    shelters"); None when there is none."""
    best: tuple[float, MeasureKey] | None = None
    for other, key in recent:
        if other.unit != figure.unit or other.value <= 0 or figure.value <= 0:
            continue
        ratio = max(other.value, figure.value) / min(other.value, figure.value)
        if ratio <= RESTATED_RATIO and (best is None or ratio < best[0]):
            best = (ratio, key)
    return best[1] if best is not None else None


# How many of an article's last figures "put the number at" may restate, and how far apart in size.
_RESTATED_REACH = 4
RESTATED_RATIO = 5.0


# Another source's value for the quantity the text just gave, named by a pronoun or "the": "The U.S.
# Geological Survey put its magnitude at 6.9", "Peru's Geophysical Institute measured it at 7.1", "The district
# magistrate put the number at 3,500" (made-up quake and blast stories).
_RESTATED = re.compile(r"\b(?:put|puts|putting|measured|measures|estimated|estimates|pegged|pegs|placed|places|"
                       r"gave|gives)\s+(?:it|its|the|their|his|her)\b(?:\s+[\w'’-]+){0,3}?\s+(?:at|as)\s+"
                       r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|at\s+least\s+)?[$£€]?$",
                       re.IGNORECASE)


class Sentences:
    """An article's sentences with their figures and dates, to tell what a figure's own sentence says of
    its time: a date well before the article, a goal."""

    def __init__(self, article: Article, ann: Annotations) -> None:
        self.article = article
        self.starts = [s.start for s in ann.sentences]
        self.spans = list(ann.sentences)
        self.figures: dict[int, list[Figure]] = {}
        self.dates: dict[int, list[Timex]] = {}
        for f in ann.figures:
            self.figures.setdefault(self._index(f.start), []).append(f)
        for t in ann.timexes:
            if t.type == "DATE":
                self.dates.setdefault(self._index(t.start), []).append(t)

    def _index(self, pos: int) -> int:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k if k >= 0 and pos < self.spans[k].end else -1

    def _sentence(self, figure: Figure) -> tuple[int, int, int]:
        """The index of a figure's sentence (-1 when the annotations have no sentences) and its bounds
        (then the whole text's)."""
        k = self._index(figure.start)
        return (k, self.spans[k].start, self.spans[k].end) if k >= 0 else (k, 0, len(self.article.text))

    def goal(self, figure: Figure) -> bool:
        """Whether a figure is the level an agreement, a plan or a pledge aims at: "agreed to raise trade
        between the two countries to $30 billion within four years", "plans to cut costs to 2 billion"."""
        _, start, _ = self._sentence(figure)
        return _GOAL_BEFORE.search(self.article.text, max(start, figure.start - 200), figure.start) is not None

    def context(self, figure: Figure) -> tuple[frozenset[str], frozenset[str]]:
        """The content words near a figure and those of the rest of its sentence. Near is its clause: the words
        from the figure before it in the sentence (or the sentence's start) to the one after it (or the
        sentence's end); where another figure bounds it, only up to the clause break nearest the figure ("in
        14.2% of patients taking rezalumab, compared with 2.1% of those on placebo": "patients taking
        rezalumab" is 14.2%'s, "placebo" 2.1%'s)."""
        k, start, end = self._sentence(figure)
        text = self.article.text
        others = [f for f in self.figures.get(k, ()) if f is not figure]
        left = max((f.end for f in others if f.end <= figure.start), default=None)
        right = min((f.start for f in others if f.start >= figure.end), default=None)
        if left is not None:
            breaks = list(_CLAUSE_BREAK.finditer(text, left, figure.start))
            left = breaks[-1].end() if breaks else left
        if right is not None:
            first = _CLAUSE_BREAK.search(text, figure.end, right)
            right = first.start() if first is not None else right
        near = context_words(text[start if left is None else left:figure.start]
                              + " " + text[figure.end:end if right is None else right])
        return frozenset(near), frozenset(context_words(text[start:end]) - near)

    def editors_note(self, figure: Figure) -> bool:
        """Whether a figure's sentence is an editor's note ("Correction: ... was worth $1.2 billion"): a
        retracted figure is no report of the story."""
        k, start, _ = self._sentence(figure)
        return k >= 0 and EDITORS_NOTE.match(self.article.text, start) is not None

    def forecast(self, figure: Figure) -> bool:
        """Whether a figure is what may happen, not what did: "power could be cut to as many as 1.5 million
        customers", "Up to 400 mm of rain could fall" (a forecast beside the count of what happened is no
        contradiction)."""
        k, start, end = self._sentence(figure)
        text = self.article.text
        others = [f.start for f in self.figures.get(k, ())  # not its own conversion: "400 mm (16 inches)"
                  if f is not figure and text[figure.end:f.start].strip() != "("]
        before = _FORECAST_BEFORE.search(text, max(start, figure.start - 120), figure.start)
        if before is not None and not any(before.start() <= b < figure.start for b in others):
            return True
        after = _FORECAST_AFTER.match(text, figure.end, end)
        return after is not None and not any(figure.end <= b < after.end() for b in others)

    def increment(self, figure: Figure) -> bool:
        """Whether a figure is what was added to an earlier level, the sentence giving the new total after it: "a
        further 400 positions ..., bringing total global cuts to 8,400", "400 more jobs, taking the total to"."""
        _, start, end = self._sentence(figure)
        text = self.article.text
        added = _INCREMENT_BEFORE.search(text, max(start, figure.start - 30), figure.start) is not None \
            or _INCREMENT_MORE.match(text, figure.end) is not None
        return added and _NEW_TOTAL_AFTER.match(text, figure.end, end) is not None

    def running_total(self, figure: Figure) -> bool:
        """Whether a figure counts everything since the year began: "more than 1,200 people had died
        crossing the Mediterranean so far this year", "So far this year, 1,200 have died" (a total of
        many events, not the story's own count). Not "since March": a cholera outbreak's "154 cases confirmed
        since February" is the story's own count (a made-up outbreak story)."""
        k, start, end = self._sentence(figure)
        text = self.article.text
        others = [f for f in self.figures.get(k, ()) if f is not figure]
        after = _RUNNING_TOTAL.search(text, figure.end, min(end, figure.end + 120))
        if after is not None and not any(figure.end <= f.start < after.start() for f in others):
            return True
        before = _RUNNING_TOTAL.search(text, start, figure.start)
        return before is not None and not any(before.end() <= f.start < figure.start for f in others)

    def dated_past(self, figure: Figure) -> str | None:
        """The year of the date nearest a figure in its sentence, with no other figure between them, when
        that date ends more than PAST_MARGIN before the article was published: the figure counts an
        earlier event or period ("The last major earthquake in the region, in June 2001, killed 145
        people"), not the story's present. None otherwise."""
        k = self._index(figure.start)
        if self.article.published is None or k < 0 or k not in self.dates:
            return None
        between = [f.start for f in self.figures.get(k, ()) if f is not figure]

        def own(t: Timex) -> bool:  # no other figure between: "Turnout was 56.4%, down from 59% in 2023" (59%'s)
            low, high = (t.end, figure.start) if t.end <= figure.start else (figure.end, t.start)
            return not any(low <= b < high for b in between)

        text = self.article.text
        # not "killed since 2001" (a count since then), but "since May 2001, when 126 people died" (a made-up stadium
        # story: that year's dead)
        dated = [t for t in self.dates[k] if (t.end <= figure.start or figure.end <= t.start) and own(t)
                 and (not SINCE_BEFORE.search(text, max(0, t.start - 8), t.start)
                      or _WHEN_AFTER.match(text, t.end, figure.start) is not None)]
        if not dated:
            return None
        nearest = min(dated, key=lambda t: min(abs(t.start - figure.end), abs(figure.start - t.end)))
        last = _last_day(nearest)
        return str(last.year) if last is not None and last < self.article.published - PAST_MARGIN else None


def _last_day(timex: Timex) -> date | None:
    """The last day of a year, month or day value ("2001", "2001-06", "2001-06-23"), else None."""
    m = _CALENDAR_VALUE.fullmatch(timex.value)
    if m is None:
        return None
    year = int(m.group(1))
    month = int(m.group(2) or 12)
    if not 1 <= month <= 12:
        return None
    day = int(m.group(3) or calendar.monthrange(year, month)[1])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _conversions(text: str, figures: Sequence[Figure]) -> dict[int, int]:
    """The figures followed by the same amount in another unit in parentheses ("1 trillion rupees
    ($11.1 billion)", "35 km (22 miles)"), each with where its conversion's parenthesis closes: one
    report, whose words take the conversion in."""
    out = {}
    for k in range(len(figures) - 1):
        first, other = figures[k], figures[k + 1]
        if other.unit != first.unit and _OPEN_PAREN.fullmatch(text, first.end, other.start) \
                and text.startswith(")", other.end):
            out[k] = other.end + 1
    return out


def _one_sentence(text: str, start: int, end: int) -> bool:
    return not _SENTENCE_BREAK.search(text, start, end)


@dataclass(slots=True)
class _Bucket:
    """What ``same_measure`` needs of a group's reports that share unit, event and head noun."""

    bare: bool = False  # a report without modifiers: it matches any report of the same head
    values: set[tuple[str, str | None]] = field(default_factory=set)
    modifiers: set[tuple[str, ...]] = field(default_factory=set)


@lru_cache(maxsize=1)
def _shared_gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


class _Grouper:
    """Puts each report in the first group (in creation order) that holds a report of the same measure
    (``same_measure``) and unit, as comparing it with every report would, but only looks at the
    groups that share its unit, event and a matching head noun: linear in the reports of a story
    instead of quadratic (a wire story of 1,700 articles has tens of thousands of figures)."""

    def __init__(self, is_demonym: Callable[[str], bool]) -> None:
        self.is_demonym = is_demonym
        self.groups: list[list[Report]] = []
        self._buckets: dict[tuple[str | None, str | None, str], dict[int, _Bucket]] = {}
        self._heads: dict[tuple[str | None, str | None], set[str]] = {}
        self._head_match: dict[tuple[str, str], bool] = {}
        self._modifier_match: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}

    def add(self, report: Report) -> None:
        unit, key = report.figure.unit, report.key
        heads = self._heads.setdefault((unit, key.event), set())
        sigs = [(unit, key.event, h) for h in sorted(heads) if self._heads_match(h, key.head)]
        candidates = sorted({g for sig in sigs for g in self._buckets[sig]})
        target = next((g for g in candidates
                       if any(self._joins(self._buckets[sig].get(g), report) for sig in sigs)), None)
        if target is None:
            target = len(self.groups)
            self.groups.append([])
        self.groups[target].append(report)
        heads.add(key.head)
        bucket = self._buckets.setdefault((unit, key.event, key.head), {}).setdefault(target, _Bucket())
        bucket.bare = bucket.bare or not key.modifiers
        bucket.values.add(report.value)
        if key.modifiers:
            bucket.modifiers.add(key.modifiers)

    def _other_nations(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """Whether two measures' modifiers name people of different countries: "russian" and "estonian" diplomats."""
        na = {w for w in a if self.is_demonym(w)}
        nb = {w for w in b if self.is_demonym(w)}
        # one nation's two words: "kazakh" and "kazakhstani" troops
        return bool(na) and bool(nb) and not any(x.startswith(y) or y.startswith(x) for x in na for y in nb)

    def _heads_match(self, a: str, b: str) -> bool:
        if a == b:
            return True
        pair = (a, b) if a < b else (b, a)
        if pair not in self._head_match:
            self._head_match[pair] = min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= MIN_HEAD_SIMILARITY
        return self._head_match[pair]

    def _joins(self, bucket: _Bucket | None, report: Report) -> bool:
        if bucket is None:
            return False
        mods = report.key.modifiers
        # a bare report ("the two diplomats must leave") joined a group of modifiers: it opens the group to no other
        # modifiers ("expelled Estonian diplomats" to "Russian diplomats", a made-up Estonian story)
        if not mods or (bucket.bare and not bucket.modifiers):
            return True
        if report.value in bucket.values and not any(self._other_nations(m, mods) for m in bucket.modifiers):
            return True  # the same value; but not of another country's people ("two Estonian diplomats")
        return any(self._modifiers_match(m, mods) for m in bucket.modifiers)

    def _modifiers_match(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        pair = (a, b) if a < b else (b, a)
        if pair not in self._modifier_match:
            self._modifier_match[pair] = fuzz.token_set_ratio(" ".join(a), " ".join(b)) >= MIN_MODIFIER_SIMILARITY
        return self._modifier_match[pair]
