"""What a reported figure counts: its measure normalized for comparison, and one report of it.

``normalize_measure`` maps a measure phrase ("law enforcement officers killed") to a key: synonyms mapped to
one term (``SYNONYMS``), plurals singularized, the head noun, the event ("killed", "detained") and the other
terms. ``same_measure`` tells whether two keys count the same thing: head, event and unit agree and the
remaining modifiers are compatible (rapidfuzz token-set ratio) unless the values are the same. ``Report`` is
one article's report of a figure as the grouping reads it (``newsweave.dossier.figures``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from newsweave.annotate.figure_lexicon import (
    CENT_COUNTRIES,
    CROWN_COUNTRIES,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    POUND_COUNTRIES,
    SHARED_CURRENCIES,
    STATE_PATTERN,
    UNIT_WORDS,
    is_participle,
)
from newsweave.model import Article, Figure

if TYPE_CHECKING:
    from newsweave.dossier.figures import Sentences

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
    "unaccounted for": "missing",  # a made-up building collapse: "seven workers are still unaccounted for"
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

_EVENTS = {"killed", "injured", "detained", "deployed", "evacuated", "displaced", "rescued", "missing"}
# Words that qualify a figure without saying what it counts: "the correct figure", "the ministry's own figure".
_FIGURE_QUALIFIERS = frozenset({"correct", "official", "latest", "new", "revised", "own", "earlier", "initial",
                                "previous", "final", "s", "its", "their", "his", "her", "ministry", "government",
                                "police", "security_forces", "company", "agency", "army", "union", "organiser",
                                "organizer", "organisers", "organizers"})
# Nouns that name a figure, not what it counts (singular, as normalize_measure writes heads).
FIGURE_NOUNS = frozenset({"figure", "number", "tally", "estimate", "count", "total"})
# Where people are, a state that counts a part of them: "22 of the survivors were in hospital", "11 in
# serious condition", "67 people on board".
_STATE = re.compile(rf"\b(?:{STATE_PATTERN}|on\s+board|aboard)\b")

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
    words = [singular(w) for w in text.split() if w not in _STOP_WORDS]
    cut = next((k for k, w in enumerate(words) if w in _SPLIT_WORDS), len(words))
    left, right = words[:cut], [w for w in words[cut:] if w not in _SPLIT_WORDS]
    event = None
    if state is not None:
        # "in a serious condition" = "in serious condition"
        event = "on board" if state.group(0) == "aboard" else " ".join(w for w in state.group(0).split() if w != "a")
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


def money_alone(figure: Figure) -> bool:
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


def singular(word: str) -> str:
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
class Report:
    article: Article
    figure: Figure
    key: MeasureKey
    order: int
    end: int  # where the report's words end: the figure's end, or a conversion's in parentheses
    value: tuple[str, str | None]  # value_key(figure), computed once
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
    # sentence (Sentences.context), read only for a group that is split (``quantities``)
    sentences: Sentences | None = None
    context: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    # another source's value for the quantity the text just gave ("put its magnitude at 6.9", _RESTATED)
    restates: bool = False
    # the report gives the measure's value now and takes a side in a disagreement (``figure_verdicts.is_current``,
    # decided once when the report is made)
    current: bool = True


def names_the_figure(key: MeasureKey) -> bool:
    """A measure that only names a figure ("its tally", "the ministry's figure", "the correct figure"): it counts
    what the figure before it in the sentence counts. A "sales total" or an "earnings estimate" counts sales
    and earnings."""
    return key.head in FIGURE_NOUNS and key.event is None and (
        not key.modifiers or (key.head == "figure" and set(key.modifiers) <= _FIGURE_QUALIFIERS))


def value_key(f: Figure) -> tuple[str, str | None]:
    """A figure's value and range bound as written by the extractor (12 significant digits), so that
    equal values compare equal in a set (the extractor writes every value at that precision)."""
    return f"{f.value:.12g}", None if f.value_max is None else f"{f.value_max:.12g}"


def names_head(measure: str, head: str) -> bool:
    """Whether a measure's words, synonyms mapped, hold its key's head noun ("wage increase" holds "rise",
    a headline's "flee" does not hold "people")."""
    text = _SYNONYM_RE.sub(lambda m: SYNONYMS[m.group(1)], measure.lower())
    return head in {singular(w) for w in text.split()}
