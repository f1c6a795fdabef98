"""Figure groups of a story: every outlet's report of one measure, and whether they disagree.

Reports of the same measure are found by comparing normalized measures: synonyms mapped to one term
(``SYNONYMS``), plurals singularized, then the head noun, the event ("killed", "detained") and the unit
must agree, and the remaining modifiers must be compatible (rapidfuzz token-set ratio) unless the
values are the same. The text around a figure refines its event: a level's move ("shares fell 6%" is a
fall, "jumped 22%" a rise), a death toll's count ("the death toll had risen to five soldiers"), people still
in hospital. When one article gives two values of a measure that no update or part explains, the measure's
words are too loose ("14.2% of patients taking the drug", "21% of patients" in a rival's trial): the group is
split into the quantities it holds by the words around each figure (``_slots``).

A group whose sources give different values is a conflict; its verdict and note tell a probable update
(the higher value published later, or introduced by "increased to", "rose to", "now") from a contradiction,
and also tell two articles of one day that differ beside an update; a level that rises and falls (winds in
km/h, a temperature, a share price, a move) published lower later is the level changing, never a
contradiction (``_level``). A report of another time is grouped apart from the story's present level, its
measure marked: a figure dated well before its article ("killed, 2001"), a level a plan aims at ("trade
target"), a running total since the year began ("people died so far this year"). A forecast ("power
could be cut to as many as 1.5 million customers") stays in its measure's group, told in the note and never
compared with the counts.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from newsweave.annotate.figure_lexicon import (
    CENT_COUNTRIES,
    CROWN_COUNTRIES,
    CURRENCY_UNITS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    POUND_COUNTRIES,
    SHARED_CURRENCIES,
    UNIT_WORDS,
    is_participle,
)
from newsweave.annotate.figure_links import RATE_UNITS
from newsweave.annotate.timex_rules import SINCE_BEFORE
from newsweave.dossier.timeline import EDITORS_NOTE
from newsweave.model import Annotations, Article, Cite, Figure, FigureGroup, FigureReport, Timex, Verdict

# Phrase -> canonical term. Written by hand from the seed story's variants (security forces / law
# enforcement officers, peacekeepers / peacekeeping forces, cost / price) and the wordings for the
# same event seen while reading Reuters-21578 and BBC News samples (killed / dead / died, detained /
# arrested, revs / revenues, net income / net profit). Longer phrases are replaced first.
SYNONYMS: dict[str, str] = {
    "law enforcement officers": "security_forces", "law enforcement officer": "security_forces",
    "law enforcement": "security_forces", "security forces": "security_forces",
    "security force": "security_forces", "security officers": "security_forces",
    "security personnel": "security_forces", "police officers": "security_forces",
    "police officer": "security_forces", "policemen": "security_forces", "policeman": "security_forces",
    "officers": "security_forces", "officer": "security_forces",  # "Nine officers have been injured" (a protest)
    "police": "security_forces",
    "peacekeeping forces": "peacekeepers", "peacekeeping force": "peacekeepers",
    "peacekeeping troops": "peacekeepers", "peacekeeping contingent": "peacekeepers",
    "peacekeepers": "peacekeepers", "peacemakers": "peacekeepers",
    "soldiers": "troops", "servicemen": "troops", "troops": "troops",
    "death toll": "people killed", "deaths": "people killed", "fatalities": "people killed",
    # a made-up flood story: "the flood toll rose to 17" beside "17 people killed", "2,300 homes
    # damaged" beside "2,500 houses damaged"
    "toll": "people killed", "houses": "homes", "house": "homes", "dwellings": "homes",
    "dead": "killed", "died": "killed", "slain": "killed", "perished": "killed",
    "drowned": "killed",  # a made-up shipwreck: "At least 41 people drowned", then "the death toll rose to 52"
    "wounded": "injured", "hurt": "injured",
    "survivors": "people survived",  # a made-up plane crash: "Twenty-nine people survived", "29 survivors"
    # a made-up rail strike: "union demands 12% raise", "a 12% pay rise over 18 months"
    "raise": "pay rise", "pay raise": "pay rise", "pay increase": "pay rise", "wage increase": "pay rise",
    "wage rise": "pay rise", "salary increase": "pay rise",
    # a made-up hurricane: the headline's "150,000 flee", then "200,000 people had been evacuated"
    "flee": "evacuated", "fled": "evacuated", "fleeing": "evacuated", "evacuees": "people evacuated",
    "arrested": "detained", "jailed": "detained", "held": "detained", "arrests": "people detained",
    "persons": "people", "person": "people", "individuals": "people",
    "costs": "price", "cost": "price", "prices": "price",
    "litre": "liter", "litres": "liter", "liters": "liter",
    # a made-up football story: "a crowd of 41,212", "The attendance ... was 41,200"; "12 matches left",
    # "12 games to play"
    "crowd": "attendance", "games": "matches", "game": "matches", "match": "matches",
    "net income": "net profit", "net earnings": "net profit", "revs": "revenue", "revenues": "revenue",
    "shr": "earnings per share",
}
# "The (total) number of X" counts X (a made-up protest story: "the number of injured officers" beside "officers
# injured").
_NUMBER_OF = re.compile(r"^\s*(?:the\s+)?(?:total\s+)?(?:number|count|tally)\s+of\s+(?=\S)")
_SYNONYM_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(SYNONYMS, key=len, reverse=True))
                         + r")\b")
_SPLIT_WORDS = {"of", "per", "for", "in", "whose", "who", "which", "that", "on", "at", "from", "by"}
_STOP_WORDS = {"the", "a", "an", "and", "its", "their", "were", "was", "been", "have", "has",
               # verbs that only say a count was taken: "27 aftershocks were recorded", "more than 40 aftershocks"
               "recorded", "registered", "logged"}
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
# The words of an estimate right before its figure: "estimated insured losses at", "put the damage at", "an
# estimate of", "estimates ... of".
_ESTIMATE_BEFORE = re.compile(r"\b(?:(?:estimated?|put|pegged|valued)\s+(?:[\w'-]+\s+){0,5}?at|estimates?\s+"
                              r"(?:[\w'-]+\s+){0,3}?(?:of|at))\s+[$£€]?$", re.IGNORECASE)
_CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
# Counts that fall as a disaster's news goes on (the missing are found, the trapped freed): a later
# lower value is no contradiction.
_CAN_FALL = frozenset({"missing", "trapped", "stranded"})
# ... and those that fall as people go home: "3,100 people were still in shelters on Monday, down from a peak of
# 8,900" (a made-up eruption story).
_CAN_EMPTY = frozenset({"shelter", "shelters", "camp", "camps", "centre", "centres", "center", "centers"})
_EVENTS = {"killed", "injured", "detained", "deployed", "evacuated", "displaced", "rescued", "missing"}
# Words that qualify a figure without saying what it counts: "the correct figure", "the ministry's own figure".
_FIGURE_QUALIFIERS = frozenset({"correct", "official", "latest", "new", "revised", "own", "earlier", "initial",
                                "previous", "final", "s", "its", "their", "his", "her", "ministry", "government",
                                "police", "security_forces", "company", "agency", "army", "union", "organiser",
                                "organizer", "organisers", "organizers"})
# Nouns that name a figure, not what it counts (singular, as normalize_measure writes heads).
_FIGURE_NOUNS = frozenset({"figure", "number", "tally", "estimate", "count", "total"})
# Where people are, a state that counts a part of them: "22 of the survivors were in hospital", "11 in
# serious condition", "67 people on board".
_STATE = re.compile(r"\b(?:in\s+hospital|in\s+(?:\w+\s+)?condition|on\s+board|aboard)\b")
_OPEN_PAREN = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*\(\s*(?:about\s+|around\s+|some\s+)?")  # "50 million soles ($13.5"
# Where a clause ends inside a sentence: a comma, a semicolon, a dash, or a word that sets one figure against another.
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s|\b(?:compared\s+with|versus|vs\.?|against|while|whereas|but)\b",
                           re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]|\n")
# Events written before the head noun as well as after it ("confirmed cases" = "cases confirmed"); not
# every participle: "increased revenues" are revenues, "estimated cost" a cost (the figures gold sets).
_PRENOMINAL_EVENTS = frozenset(_EVENTS | {"confirmed", "infected", "suspected"})
# Modifier sets whose token-set ratio is at least this are the same ("liquefied gas" / "gas",
# "Kazakh" / "Kazakhstani"); measured on the seed measures and hand-made pairs: spelling variants
# and subsets score 80-100, different modifiers ("gas" / "electricity") under 50.
MIN_MODIFIER_SIMILARITY = 80
# Two head nouns not in SYNONYMS still match at this plain ratio: spelling variants
# ("protesters" / "protestors" 90) but not different words of one stem length.
MIN_HEAD_SIMILARITY = 90
_UPDATE_CUE = re.compile(r"\b(increased|rose|risen|climbed|grew|grown|jumped|reached|now|"
                         r"has\s+reached|updated|latest|new\s+toll)\b", re.IGNORECASE)
# How far before a figure, in characters, an update cue ("Their number increased to 18") is looked for.
_CUE_WINDOW = 60


@dataclass(frozen=True, slots=True)
class MeasureKey:
    """A measure normalized for comparison: head noun, event, and the other terms."""

    head: str
    event: str | None
    modifiers: tuple[str, ...]


def normalize_measure(measure: str) -> MeasureKey | None:
    """Normalize a measure phrase for grouping.

    Args:
        measure: a measure as ``extract_figures`` writes it ("law enforcement officers killed").

    Returns:
        Its key (canonical head noun, event, modifier terms), or None when it has no noun.
    """
    text = _SYNONYM_RE.sub(lambda m: SYNONYMS[m.group(1)], re.sub(r"[^\w\s-]", " ", measure.lower()))
    text = _NUMBER_OF.sub("", text)  # "the number of injured officers" counts injured officers
    state = _STATE.search(text)
    if state is not None:  # "survivors in hospital" are not all the survivors; "aboard" is "on board"
        text = text[:state.start()] + text[state.end():]
    words = [_singular(w) for w in text.split() if w not in _STOP_WORDS]
    cut = next((k for k, w in enumerate(words) if w in _SPLIT_WORDS), len(words))
    left, right = words[:cut], [w for w in words[cut:] if w not in _SPLIT_WORDS]
    event = None
    if state is not None:
        event = "on board" if state.group(0) == "aboard" else " ".join(state.group(0).split())
        if len(left) >= 2 and _is_event(left[-1]):
            left.pop()  # "people survived in hospital" are people in hospital
    elif len(left) >= 2 and _is_event(left[-1]):
        event = left.pop()
    elif not left and right and _is_event(right[-1]):
        event = right.pop()
    elif len(left) >= 2 and left[-2] in _PRENOMINAL_EVENTS:
        event = left.pop(-2)  # "confirmed cases" = "cases confirmed", "displaced people" = "people displaced"
    if len(left) == 1 and not right and event is None and left[0] in _EVENTS - {"deployed"}:
        left, event = ["people"], left[0]  # a headline's bare event counts people: "150,000 flee", "Seven killed"
    if not left:
        return None
    return MeasureKey(left[-1], event, tuple(sorted(set(left[:-1] + right))))


# Country words that name a currency before its word ("Egyptian pounds", "Swiss francs", "Canadian dollars").
_CURRENCY_COUNTRIES = frozenset({*POUND_COUNTRIES, *CROWN_COUNTRIES, *DOLLAR_COUNTRIES, *CENT_COUNTRIES,
                                 *(w for names in SHARED_CURRENCIES.values() for w in names)})


def _money_alone(figure: Figure) -> bool:
    """Whether a figure's measure is only its own currency or unit, perhaps with its country, which the parse
    took for the counted noun ("42 billion koruna", "154 billion Egyptian pounds", "715,000 dlrs"): it counts
    nothing, and unrelated sums would be one measure (made-up protest and loan stories). A currency measured
    in another unit stays: "the dollar at 1.7675 marks" is the dollar's rate."""
    words = (figure.measure or "").lower().split()
    if not words or not all(w in _CURRENCY_COUNTRIES for w in words[:-1]):
        return False
    last = words[-1]
    own = CURRENCY_WORDS.get(last) or UNIT_WORDS.get(last)
    return (own is not None or last in ("pound", "pounds")) and figure.unit in (None, own)


def _is_event(word: str) -> bool:
    return word in _EVENTS or is_participle(word)


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "_forces")) or word in ("people", "news", "sales"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def same_measure(a: MeasureKey, b: MeasureKey, same_values: bool) -> bool:
    """Whether two normalized measures count the same thing.

    Args:
        a: one measure key.
        b: the other.
        same_values: the two reports give the same value, which is evidence enough for modifiers
            that differ in wording ("cost per liter" / "gas prices for cars", both 60 to 120 tenge).

    Returns:
        True when heads and events agree and the modifiers are compatible.
    """
    if a.event != b.event:
        return False
    if a.head != b.head and (min(len(a.head), len(b.head)) < 5
                             or fuzz.ratio(a.head, b.head) < MIN_HEAD_SIMILARITY):
        return False
    if same_values or not a.modifiers or not b.modifiers:
        return True
    return fuzz.token_set_ratio(" ".join(a.modifiers), " ".join(b.modifiers)) >= MIN_MODIFIER_SIMILARITY


@dataclass(frozen=True, slots=True)
class _Report:
    article: Article
    figure: Figure
    key: MeasureKey
    order: int
    end: int  # where the report's words end: the figure's end, or a conversion's in parentheses
    value: tuple[str, str | None]  # _value_key(figure), computed once
    hedge: re.Match[str] | None  # the hedge before the number (_hedge), found once
    part: bool = False  # a part of the figure before it ("29 survivors, 11 of them in serious condition")
    # what sets the report apart from the story's present level, grouped on its own: the year of a figure
    # dated well before its article ("The last major earthquake, in June 2001, killed 145": 2001's dead),
    # "target" for a goal ("agreed to raise trade ... to $30 billion"), or "so far this year" for a running
    # total ("1,200 people had died crossing the Mediterranean so far this year")
    apart: str | None = None
    # what may happen, not what did ("power could be cut to as many as 1.5 million customers"): shown with the
    # group's counts, never compared with them
    forecast: bool = False
    # the article's sentence index, and the content words of the figure's own clause and of the rest of its
    # sentence (_Sentences.context), read only for a group that is split (``_slots``)
    sentences: _Sentences | None = None
    context: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    # another source's value for the quantity the text just gave ("put its magnitude at 6.9", _RESTATED)
    restates: bool = False


def group_figures(items: Sequence[tuple[Article, Annotations]]) -> list[FigureGroup]:
    """Group a story's reported figures by measure and flag disagreements.

    Args:
        items: the story's articles with their annotations (``Annotations.figures`` filled).

    Returns:
        One group per measure that has a noun, most reported first (then first reported first),
        each with every report, ``conflict`` when two sources give different values, and a note
        telling a probable update from a contradiction.
    """
    grouper = _Grouper()
    order = 0
    keys: dict[str, MeasureKey | None] = {}  # each measure normalized once: a story repeats its measures
    for article, ann in items:
        previous: tuple[Figure, MeasureKey] | None = None
        recent: list[tuple[Figure, MeasureKey]] = []  # the article's last figures, for "put the number at"
        conversions = _conversions(article.text, ann.figures)
        sentences = _Sentences(article, ann)
        for k, figure in enumerate(ann.figures):
            if figure.measure and figure.measure not in keys:
                keys[figure.measure] = normalize_measure(figure.measure)
            key = keys[figure.measure] if figure.measure and not _money_alone(figure) else None
            if key is None or k - 1 in conversions or sentences.editors_note(figure):
                continue  # no noun; a conversion; a correction's retracted figure
            if (move := _move(article.text, figure)) is not None:  # "shares fell 6%" is no rise of 22%
                key = MeasureKey(key.head, move, tuple(sorted({*key.modifiers, *([key.event] if key.event else [])})))
            elif key.event is None and key.head not in _FIGURE_NOUNS \
                    and _TOLL_BEFORE.search(article.text, max(0, figure.start - 120), figure.start):
                key = MeasureKey(key.head, "killed", key.modifiers)  # "the death toll ... had risen to five soldiers"
            elif key.event in (None, "injured") and _STILL_IN_HOSPITAL.match(article.text, figure.end) is not None:
                key = MeasureKey(key.head, "in hospital", key.modifiers)  # "Twenty injured workers remain in hospital"
            same_sentence = previous is not None and _one_sentence(article.text, previous[0].end, figure.start)
            restates = _RESTATED.search(article.text, max(0, figure.start - 80), figure.start) is not None
            if restates and _names_the_figure(key) and (named := _restated_key(figure, recent)) is not None:
                # "4,200 people had been moved to 31 temporary shelters, while the district agency put the number
                # at 5,100": the people, the figure nearest in size (a made-up eruption story)
                key = named
            elif previous is not None and same_sentence and _names_the_figure(key) and previous[0].unit == figure.unit:
                key = previous[1]  # "put the death toll at 14, higher than the ministry's figure of 11"
            elif _names_the_figure(key):
                continue  # "The correct figure is 14.2 per cent": what it counts is told elsewhere
            part = previous is not None and same_sentence and previous[1] == key and previous[0].value > figure.value \
                and (_PART_OF.match(article.text, figure.end) is not None
                     or _INCLUDING.search(article.text, max(0, figure.start - 30), figure.start) is not None)
            apart = sentences.dated_past(figure) or ("target" if sentences.goal(figure) else None) \
                or ("so far this year" if sentences.running_total(figure) else None)
            grouped = key if apart is None else MeasureKey(f"{key.head} {apart}", key.event, key.modifiers)
            grouper.add(_Report(article, figure, grouped, order, conversions.get(k, figure.end),
                                _value_key(figure), _hedge(article.text, figure), part, apart,
                                sentences.forecast(figure), sentences, restates=restates))
            previous = (figure, key)
            recent = [*recent[-(_RESTATED_REACH - 1):], (figure, key)]
            order += 1
    groups = sorted((slot for g in grouper.groups for slot in _slots(g)), key=lambda g: (-len(g), g[0].order))
    return [_figure_group(g) for g in groups]


# Words before a figure that make it a move of a level, up or down ("shares fell 6%", "closed up 18 per cent",
# "had climbed by more than 20 percent", "before losing 6 percent"): a rise and a fall are two measures. Only
# for rates and sums ("lost 300 jobs" counts jobs lost).
_MOVE_BEFORE = re.compile(
    r"\b(?:(?P<rise>rose|risen|rises|rising|up|gained|gains|gaining|jumped|jumps|climbed|climbs|soared|surged|"
    r"increased|advanced)|(?P<fall>fell|fallen|falls|falling|down|lost|loses|losing|dropped|drops|declined|"
    r"declines|slid|slipped|tumbled|plunged|plummeted|decreased|shed|eased))\s+(?:by\s+)?"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over|roughly)\s+)?[$£€]?$", re.IGNORECASE)


_MOVE_WORD = re.compile(r"\b(?:rise|fall|gain|loss|drop|decline|increase|decrease|growth|jump)s?\b", re.IGNORECASE)


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


def _slots(reports: list[_Report]) -> list[list[_Report]]:
    """A group's reports split into the quantities it holds when one article gives two current values of
    its measure that no update, part or other source explains ("brain swelling ... in 14.2% of patients",
    "In Corlan's trial, brain swelling affected 21% of patients"): the measure's words are too loose to tell
    them, so each report joins the quantity whose reports share its value, or else the most words of its
    context (``_Sentences.context``), never one its own article gives another value; with no shared word it
    starts a quantity of its own. A value another source puts on the quantity the text just gave ("The U.S.
    Geological Survey put its magnitude at 6.9", ``_RESTATED``) joins that quantity. Reports that take no side
    (``_current``) join the quantity nearest in words. A group whose every article gives one value stays
    whole (the seeds' 18 and 13 officers killed), and so does a level that changes within a day (a storm's
    winds at landfall, then "weakened ... with winds of 165 km/h"; a share price that opened at $48.10 and
    closed at $46.30)."""
    current = [r for r in reports if _current(r)]
    if all(len(v) < 2 for v in _article_values(current).values()) or len(reports) > MAX_SLOTTED_REPORTS \
            or _level(reports):
        return [reports]
    reports = [replace(r, context=r.sentences.context(r.figure)) if r.sentences else r for r in reports]
    current = [r for r in reports if _current(r)]
    measure_words = {w for r in reports for w in (r.key.head, r.key.event or "")}  # what every report counts
    slots: list[list[_Report]] = []
    slot_of: dict[int, int] = {}  # id of a report -> its slot
    previous: dict[str, _Report] = {}  # each article's last current report placed
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
        if not _current(r):
            best = max(range(len(slots)), key=lambda k: (max(_shared_words(r, o, measure_words)
                                                             for o in slots[k]), -k), default=None)
            if best is None:
                slots.append([r])
            else:
                slots[best].append(r)
    return [sorted(slot, key=lambda r: r.order) for slot in slots]


def _merged_slots(slots: list[list[_Report]], measure_words: set[str]) -> list[list[_Report]]:
    """The quantities ``_slots`` found one report at a time, joined where no article gives two values across
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


def _joinable(a: list[_Report], b: list[_Report], measure_words: set[str]) -> bool:
    if any(len(v) > 1 for v in _article_values(a + b).values()):
        return False
    return any(x.value == y.value or _shared_words(x, y, measure_words) >= 1 for x in a for y in b)


def _article_values(reports: list[_Report]) -> dict[str, set[tuple[str, str | None]]]:
    """The values each article gives, not counting another source's restatement ("put its magnitude at 6.9")."""
    values: dict[str, set[tuple[str, str | None]]] = {}
    for r in reports:
        if not r.restates:
            values.setdefault(r.article.id, set()).add(r.value)
    return values


# More quantities than this in one group are not joined again (each pair of quantities is compared).
MAX_MERGED_SLOTS = 40


def _slot_score(r: _Report, slot: list[_Report], measure_words: set[str]) -> int:
    """How well a current report fits a quantity: -1 when its own article gives the quantity another value
    (not as another source's restatement), _SAME_VALUE_SCORE when a report of the quantity gives its value,
    else the most words it shares with a report."""
    if any(o.article.id == r.article.id and o.value != r.value and not o.restates for o in slot):
        return -1
    if any(o.value == r.value for o in slot):
        return _SAME_VALUE_SCORE
    return max(_shared_words(r, o, measure_words) for o in slot)


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


# Groups larger than this stay whole: a wire story's group of thousands of reports (slotting compares each
# report with every quantity's reports).
MAX_SLOTTED_REPORTS = 400
# A report that gives the value another article gives a quantity joins it before one that only shares words.
_SAME_VALUE_SCORE = 100
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words that say a figure was reported, not what it counts.
_REPORTING_WORDS = frozenset({"said", "says", "told", "according", "reported", "percent", "cent", "pct", "figure",
                              "statement", "added"})


def _context_words(text: str) -> set[str]:
    """The content words of a text, lower-cased and singular (no stop, reporting or number word)."""
    words = (w.lower().rstrip("'’") for w in _WORD.findall(text))
    return {_singular(w) for w in words if len(w) > 2 and w not in STOP_WORDS and w not in _REPORTING_WORDS}


def _shared_words(a: _Report, b: _Report, measure_words: set[str]) -> int:
    """How many words two reports' contexts share beside the words of what they count (the group's head
    nouns and events, and the words both measures hold: two earnings tables' "oper net loss" lines share
    nothing else): the words of the figure's own clause count twice, the rest of its sentence's once."""
    (a_near, a_sentence), (b_near, b_sentence) = a.context, b.context
    counted = measure_words | (_measure_words(a.figure.measure) & _measure_words(b.figure.measure))
    return 2 * len((a_near & b_near) - counted) + len((a_sentence & b_sentence) - counted)


@functools.lru_cache(maxsize=4096)
def _measure_words(measure: str | None) -> frozenset[str]:
    return frozenset(_context_words(measure or ""))


class _Sentences:
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
        near = _context_words(text[start if left is None else left:figure.start]
                              + " " + text[figure.end:end if right is None else right])
        return frozenset(near), frozenset(_context_words(text[start:end]) - near)

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
        dated = [t for t in self.dates[k] if (t.end <= figure.start or figure.end <= t.start) and own(t)
                 and not SINCE_BEFORE.search(text, max(0, t.start - 8), t.start)]
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


def _names_the_figure(key: MeasureKey) -> bool:
    """A measure that only names a figure ("its tally", "the ministry's figure", "the correct figure"): it counts
    what the figure before it in the sentence counts. A "sales total" or an "earnings estimate" counts sales
    and earnings."""
    return key.head in _FIGURE_NOUNS and key.event is None and (
        not key.modifiers or (key.head == "figure" and set(key.modifiers) <= _FIGURE_QUALIFIERS))


def _one_sentence(text: str, start: int, end: int) -> bool:
    return not _SENTENCE_BREAK.search(text, start, end)


def _value_key(f: Figure) -> tuple[str, str | None]:
    """A figure's value and range bound as written by the extractor (12 significant digits), so that
    equal values compare equal in a set (the extractor writes every value at that precision)."""
    return f"{f.value:.12g}", None if f.value_max is None else f"{f.value_max:.12g}"


@dataclass(slots=True)
class _Bucket:
    """What ``same_measure`` needs of a group's reports that share unit, event and head noun."""

    bare: bool = False  # a report without modifiers: it matches any report of the same head
    values: set[tuple[str, str | None]] = field(default_factory=set)
    modifiers: set[tuple[str, ...]] = field(default_factory=set)


class _Grouper:
    """Puts each report in the first group (in creation order) that holds a report of the same measure
    (``same_measure``) and unit, as comparing it with every report would, but only looks at the
    groups that share its unit, event and a matching head noun: linear in the reports of a story
    instead of quadratic (a wire story of 1,700 articles has tens of thousands of figures)."""

    def __init__(self) -> None:
        self.groups: list[list[_Report]] = []
        self._buckets: dict[tuple[str | None, str | None, str], dict[int, _Bucket]] = {}
        self._heads: dict[tuple[str | None, str | None], set[str]] = {}
        self._head_match: dict[tuple[str, str], bool] = {}
        self._modifier_match: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}

    def add(self, report: _Report) -> None:
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

    def _heads_match(self, a: str, b: str) -> bool:
        if a == b:
            return True
        pair = (a, b) if a < b else (b, a)
        if pair not in self._head_match:
            self._head_match[pair] = min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= MIN_HEAD_SIMILARITY
        return self._head_match[pair]

    def _joins(self, bucket: _Bucket | None, report: _Report) -> bool:
        if bucket is None:
            return False
        mods = report.key.modifiers
        if not mods or bucket.bare or report.value in bucket.values:
            return True
        return any(self._modifiers_match(m, mods) for m in bucket.modifiers)

    def _modifiers_match(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        pair = (a, b) if a < b else (b, a)
        if pair not in self._modifier_match:
            self._modifier_match[pair] = fuzz.token_set_ratio(" ".join(a), " ".join(b)) >= MIN_MODIFIER_SIMILARITY
        return self._modifier_match[pair]


def _figure_group(reports: list[_Report]) -> FigureGroup:
    counts = Counter(r.figure.measure for r in reports)
    head = reports[0].key.head.split()[0]
    # the most used wording; of equally used ones the first that names what is counted ("people evacuated",
    # not a headline's "flee")
    measure = max(counts, key=lambda m: (counts[m], _names_head(m or "", head))) or ""
    move = reports[0].key.event if reports[0].key.event in ("rise", "fall") else None
    if move is not None and not _MOVE_WORD.search(measure):
        measure = f"{move} in {measure}"  # "rise in Halvorsen shares" (the figures gold sets' wording)
    apart = reports[0].apart
    if apart is not None:  # "killed, 2001" (the region's last quake), "trade target", "people died so far this year"
        measure = f"{measure}, {apart}" if apart.isdigit() else f"{measure} {apart}"
    current = [r for r in reports if _current(r)]
    pair = _disagreeing_pair(current)
    if pair is not None and _may_agree(*pair):
        pair = None  # "more than 300" and "about 320": one count, worded two ways
    verdict: Verdict | None = None
    note = None
    if pair is not None:
        level = _level(reports)
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


def _restated_pair(reports: list[_Report]) -> tuple[_Report, _Report] | None:
    """The first value another source puts on a quantity its article gave just before, when the two differ and
    their hedges do not allow one count: (the article's value, the other source's). Not a revision: "He has
    since said satellite data put the column at 7.5 kilometres" (a made-up eruption story)."""
    last: dict[str, _Report] = {}
    for r in reports:
        before = last.get(r.article.id)
        if r.restates and before is not None and before.value != r.value and not (_estimate(before) and _estimate(r)) \
                and not _REVISED.search(r.article.text, max(0, r.figure.start - 120), r.figure.start):
            high, low = (before, r) if before.figure.value >= r.figure.value else (r, before)
            if not _may_agree(high, low):
                return before, r
        last[r.article.id] = r
    return None


def _names_head(measure: str, head: str) -> bool:
    """Whether a measure's words, synonyms mapped, hold its key's head noun ("wage increase" holds "rise",
    a headline's "flee" does not hold "people")."""
    text = _SYNONYM_RE.sub(lambda m: SYNONYMS[m.group(1)], measure.lower())
    return head in {_singular(w) for w in text.split()}


def _figure_report(r: _Report) -> FigureReport:
    published = r.article.published.isoformat() if r.article.published else None
    return FigureReport(Cite(r.article.id, _hedge_start(r), r.end), r.figure.value, _said(r), published)


def _hedge(text: str, figure: Figure) -> re.Match[str] | None:
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


def _hedge_start(r: _Report) -> int:
    """Where a report's words start with the hedge before its number ("more than 300", "about 320"),
    so that the dossier quotes the bound the source gave, not a bare number."""
    return r.hedge.start() if r.hedge is not None else r.figure.start


def _said(r: _Report) -> str:
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
                            r"(?:[\w'’-]+\s+){0,2}?(?:of\s+)?(?:about\s+|around\s+|some\s+)?[$£€]?$", re.I)
# ... nor does a figure the article sets its own against ("15 people had died, lower than the figure of 17
# given by state media"; "put the toll at 14, higher than the ministry's figure of 11").
_COMPARED_FIGURE = re.compile(r"\bthan\s+(?:(?:[\w'’-]+\s+){0,4}(?:figure|number|tally|estimate|count|total|toll)"
                              r"\s+of\s+(?:about\s+|around\s+|some\s+)?|the\s+)[$£€]?$", re.I)
_WHOLE_OF = re.compile(r"\d[\d,.]*%?\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?$")


# ... nor does a part of the figure before it, of the same measure ("29 survivors, 11 of them in serious
# condition"; not "won 30 of the 81 seats", where 81 is the whole).
# ... or the part a whole before it includes: "about 1.2 million vehicles worldwide, including 410,000 in
# the United States" (a made-up recall story).
_INCLUDING = re.compile(r"\bincluding\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?[$£€]?$", re.I)
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:them|those|whom|which|these|the|its|their)\b")


def _current(r: _Report) -> bool:
    """Whether a report gives the measure's value now, not an earlier level, a whole, a part or another
    source's figure it is compared with."""
    before = r.article.text[max(0, r.figure.start - 60):r.figure.start]
    return not (r.part or r.forecast or _EARLIER_LEVEL.search(before) or _WHOLE_OF.search(before)
                or _COMPARED_FIGURE.search(before))


def _bounds(r: _Report) -> tuple[float, float]:
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


def _may_agree(high: _Report, low: _Report) -> bool:
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


def _disagreeing_pair(reports: list[_Report]) -> tuple[_Report, _Report] | None:
    """The highest and lowest reports of two articles whose values differ, or None when every pair
    of articles shares a value (one article giving "from 9.8 to 12.5" is not a conflict). The caller
    passes only current reports: earlier levels and wholes (``_current``) take no side."""
    by_article: dict[str, list[_Report]] = {}
    for r in reports:
        by_article.setdefault(r.article.id, []).append(r)
    ids = list(by_article)
    values = [{r.value for r in by_article[a]} for a in ids]
    highs = [max(by_article[a], key=lambda r: (r.figure.value, -r.order)) for a in ids]
    lows = [min(by_article[a], key=lambda r: (r.figure.value, r.order)) for a in ids]
    best: tuple[_Report, _Report] | None = None
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


def _level(reports: list[_Report]) -> bool:
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


def _later_lower_note(reports: list[_Report], pair: tuple[_Report, _Report], level: bool) -> str:
    """What the note of the highest and lowest reports leaves out: a dated report lower than an
    earlier dated report of another article ("12 killed" on the 7th, "17" on the 8th, "15" on the
    9th: 12 -> 17 is an update, 15 after 17 a contradiction); empty when there is none, or when it is
    the pair the note already tells of. One pass over the days (a wire story's group may hold
    thousands of reports)."""
    if level:
        return ""
    by_day: dict[date, list[_Report]] = {}
    for r in reports:
        if r.article.published is not None:
            by_day.setdefault(r.article.published, []).append(r)
    values: dict[str, set[float]] = {}
    for r in reports:
        values.setdefault(r.article.id, set()).add(r.figure.value)
    worst: tuple[_Report, _Report] | None = None
    highest: _Report | None = None  # the highest report of the days before
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


def _same_day_note(reports: list[_Report], pair: tuple[_Report, _Report]) -> str:
    """What the note of the highest and lowest reports leaves out: two articles of one day that give
    different values ("five killed", police; "six killed", a council member; both on the 13th, and
    "seven" on the 14th); empty when there are none, when their hedges allow one count, or when it is
    the pair the note already tells of."""
    by_day: dict[date, dict[str, _Report]] = {}
    for r in reports:
        if r.article.published is not None:
            day = by_day.setdefault(r.article.published, {})
            if r.article.id not in day or r.figure.value > day[r.article.id].figure.value:
                day[r.article.id] = r  # each article's highest report of the day
    worst: tuple[_Report, _Report] | None = None
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


def _estimate(r: _Report) -> bool:
    """Whether a report is an estimate ("estimated insured losses at $3 billion to $5 billion", "put losses at
    $6 billion", "an estimate of"), which another estimate neither updates nor contradicts."""
    return _ESTIMATE_BEFORE.search(r.article.text, max(0, r.figure.start - 80), _hedge_start(r)) is not None


def _conflict_note(high: _Report, low: _Report, level: bool) -> tuple[Verdict, str]:
    """Say whether two differing values look like an update or a contradiction: the verdict and its note."""
    def cite(r: _Report) -> str:
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
        if dh < dl and low.key.event == "in hospital":
            return "update", f"{head}; reported at different times, likely an update (this number falls as patients " \
                "leave hospital)"
        if dh == dl:
            if cue:
                return "update", f"{head}; same day, but the text reports a change: likely an update"
            return "contradiction", f"{head}; contradiction: same day"
        return "contradiction", f"{head}; contradiction: the later report gives the lower value"
    if cue:
        return "update", f"{head}; reported at different times, likely an update (the text says the figure changed)"
    return "unknown", f"{head}; contradiction or update: a publication date is unknown"
