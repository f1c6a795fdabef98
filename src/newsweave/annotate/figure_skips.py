"""Numbers that are not reported figures: dates, times, ages, years, ranks, numbered items, phone
numbers, list numbers and parts of names ("Windows 95", "the Group of Seven"), and "one" used as
the article "a". ``is_skipped`` is asked about every number expression ``figures`` reads.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsweave.annotate.figure_lexicon import (
    CURRENCY_UNITS,
    MODERN_YEARS,
    MONTHS,
    SCALES,
    TEMPERATURE_UNITS,
    TIME_NOUNS,
    UNIT_WORDS,
    WORD_NUMBERS,
)
from newsweave.annotate.figure_measures import NumberExpr
from newsweave.annotate.nlp import doc_text

# Words that, right before a number, make it part of a name or a numbered item.
NUMBERED_ITEMS = {"article", "section", "chapter", "paragraph", "clause", "resolution", "no", "no.",
                  "number", "room", "flight", "route", "highway", "version", "level", "grade",
                  "channel", "platform", "gate", "page", "vol", "volume", "part", "phase", "stage",
                  "category", "round", "game", "week", "act", "amendment", "protocol", "annex", "item",
                  "step", "figure", "table", "line", "bus", "apollo", "windows", "boeing", "airbus"}
# The count of a story's anonymous sources ("two people familiar with the matter", "three sources
# with knowledge of the talks", "four officials briefed on the plan"): who told the reporter, not a
# reported figure (a made-up merger story showed "people: two" among its figures) when few of them
# tell something in the sentence ("said", "told", "according to"); "employs 300 people familiar with
# the software" stays a figure.
_SOURCES_FORMULA = re.compile(
    r"\s+(?:other\s+|senior\s+|government\s+|industry\s+|u\.s\.\s+)?(?:people|persons|sources|officials|"
    r"executives|diplomats|bankers|insiders)\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|"
    r"briefed\s+on|close\s+to|involved\s+in|aware\s+of|who\s+(?:asked|spoke|declined|requested))",
    re.IGNORECASE)
# Words before a number, in any case, that make it a grade: the USDA meat grades of market reports
# ("choice 2-4 950-1125 lbs": test7's annotator, like "number two SRW wheat").
GRADE_WORDS = {"choice"}
# Words before a number that make it a rank ("top four", "number one in the charts").
RANK_WORDS = {"top", "bottom", "number"}
SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT",
             "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE", "NORP"}
# After "one", words that make it a count rather than the article: "one additional share", "one more".
MORE_ADJS = {"additional", "more", "extra", "further", "other"}
# Before "one", words that make it a count rather than the article: "only one stock" (test2's annotator).
COUNT_ADVERBS = {"only", "just", "merely"}
YEAR_RANGE = (1800, 2100)
# Scale words that make a number a quantity, never part of a date or a name ("m" and "k" may be units,
# "hundred" and "dozen" spell small numbers).
LARGE_SCALES = {k for k, v in SCALES.items() if v >= 1e6 and k != "m"} | {"thousand"}
PHONE_RE = re.compile(r"\+?\(?\d{2,4}\)?[\s-]\d{3,4}[\s-]\d{3,4}")
TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}$")
# Hundredths of a second, the way race times are written ("7.82", "46.46"), and the words of a race.
RACE_TIME_RE = re.compile(r"\d{1,3}\.\d\d")
RACE_WORDS = {"race", "hurdles", "hurdle", "sprint", "sprinter", "clock", "clocked", "clocking", "relay", "lap",
              "marathon", "hurdler", "runner", "sprinting"}


def year_digits(tok: Token) -> bool:
    """A plain four-digit number in the years' range ("2003"), which may be a year."""
    return len(tok.text) == 4 and tok.text.isdigit() and YEAR_RANGE[0] <= int(tok.text) <= YEAR_RANGE[1]





# A quote's unnamed sources are counted up to this many ("two employees said", "three diplomats told").
MAX_SOURCES = 12


def _counts_speakers(doc: Doc, expr: NumberExpr) -> bool:
    """Whether the number counts the subject of a verb of saying: the people a statement is attributed
    to ("Kessler was fired last month, two employees said"), not a count the statement reports."""
    number = doc[expr.core[-1]]
    noun = number.head
    return number.dep_ == "nummod" and expr.value == int(expr.value) and noun.tag_ == "NNS" \
        and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ("say", "tell") \
        and noun.lemma_.lower() not in _FRACTION_NOUNS  # not a survey's share: "two thirds ... said"


_FRACTION_NOUNS = frozenset({"half", "third", "quarter", "fifth", "tenth", "percent"})


def is_skipped(doc: Doc, expr: NumberExpr) -> bool:
    """True for dates, times, ages, years, ordinals, numbered items, phone numbers and name parts."""
    if expr.skip:
        return True
    core = [doc[k] for k in expr.core if doc[k].lower_ not in UNIT_WORDS]
    if not core:
        return True
    # a scale word is never part of a date or a name: "from 3.2 mln a year earlier" (the NER's DATE
    # takes "mln" in), "against yearago two billion", "rose 12.7 pct ot 6.08 billion"
    scaled = any(t.lower_ in LARGE_SCALES for t in core[1:])
    if scaled:
        core = [t for t in core if t.lower_ not in SCALES]
    after = doc[expr.end] if expr.end < len(doc) else None
    # "Between 10 and 20 people": the NER sometimes calls a count of people a DATE
    counted = after is not None and after.tag_ in ("NNS", "NNPS") and after.lemma_.lower() not in TIME_NOUNS
    if expr.unit is None and any(t.ent_type_ in SKIP_ENTS and not (t.ent_type_ == "DATE" and (
            counted or _not_a_date(t, expr))) for t in core):
        return True
    # a sum, a rate or a temperature is never a date, whatever the NER says ("shares up 8.5p", tagged DATE:
    # test7; "35 °C")
    if expr.unit is not None and any(t.ent_type_ in ("DATE", "TIME") for t in core) and \
            expr.unit not in CURRENCY_UNITS and expr.unit != "percent" and expr.unit not in TEMPERATURE_UNITS:
        return True
    if expr.unit is None and expr.value_max is None and expr.value <= MAX_SOURCES and _counts_speakers(doc, expr):
        return True  # "two employees said", "Three officials told Reuters": who spoke, no reported figure
    before = doc[expr.start - 1] if expr.start > 0 else None
    # "157,000 week ago": a count, then when it was counted (but "three weeks ago" is a date)
    ago = expr.end + 1 < len(doc) and doc[expr.end + 1].lower_ == "ago" and after is not None \
        and after.tag_ == "NN" and expr.value > 1
    if after is not None and expr.unit is None and not ago and (
            after.lemma_.lower() in TIME_NOUNS or after.lower_ in TIME_NOUNS
            or (after.text == "-" and not after.whitespace_ and not doc[expr.end - 1].whitespace_
                and doc[expr.end + 1:expr.end + 2].text.lower() != "magnitude")):
        return True  # "three days", "12 mths": durations; "a 12-nation bloc": an adjective (not "6.9-magnitude")
    if expr.unit is None and any(t is not None and t.lower_.rstrip(".") in MONTHS for t in (before, after)):
        return True  # "7 January", "January 7": dates the NER missed
    if expr.unit is None and before is not None and before.lower_ == "in" \
            and doc[expr.core[0]].lower_ in ("two", "three") and expr.value_max is None \
            and (after is None or after.is_punct or after.pos_ in ("CCONJ", "SPACE")):
        return True  # "dividing it in two", "broke in two": an idiom, no quantity reported (test6's annotator)
    if expr.unit is None and after is not None and after.lower_ in ("more", "fewer", "less") \
            and doc[expr.end + 1:expr.end + 2].text.lower() == "than":
        return True  # "Ten vehicles fell, two more than the figure given by DNIT": a difference, no count of its own
    if expr.unit is None and after is not None and not doc[expr.end - 1].whitespace_ and len(after.text) == 1 \
            and after.text.isupper():
        return True  # "3G", "3D": a number glued to a capital letter names a technology or a format
    if expr.unit is None and expr.value <= 12 and _SOURCES_FORMULA.match(doc_text(doc), doc[expr.end - 1].idx
                                                                        + len(doc[expr.end - 1])) \
            and any(t.lemma_ in ("say", "tell") or t.lower_ == "according" for t in doc[expr.end - 1].sent):
        return True  # "two people familiar with the matter said": who told the reporter, no figure
    return (_is_time_or_phone(doc, expr) or _is_age(doc, expr, before, after) or _is_race_time(doc, expr)
            or _is_year(doc, expr, before, after) or (not scaled and _is_numbered_item(doc, expr, before))
            or _is_enumeration(doc, expr, after)
            or (expr.unit is None and expr.value_max is None and expr.value == 1
                and not _coordinated_with_number(doc[expr.core[0]])
                and not (before is not None and before.lower_ in COUNT_ADVERBS)  # "only one stock"
                and not (after is not None and after.lower_ in MORE_ADJS)))  # "one additional share"


def _not_a_date(tok: Token, expr: NumberExpr) -> bool:
    """A number the NER put in a longer DATE that cannot be a day or a year: "fell from 102 in 2003 to 81
    last year", "157,000 week ago" (a DATE of the number alone, as "Tokayev, 68, said", is kept a date)."""
    longer = tok.ent_iob_ == "I" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I")
    return longer and expr.value > 31 and not year_digits(tok) and tok.like_num


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


def _is_time_or_phone(doc: Doc, expr: NumberExpr) -> bool:
    nxt = doc[expr.end].lower_ if expr.end < len(doc) else ""
    if expr.unit is None and nxt in ("gmt", "bst", "est", "utc", "am", "pm", "a.m.", "p.m.", "hours", "hrs"):
        return True  # "0400 GMT", "10 am"
    if any(TIME_RE.match(doc[k].text) and doc[k].ent_type_ == "TIME" for k in expr.core):
        return True
    line_start = max(0, doc[expr.start].idx - 6)
    window = doc_text(doc)[line_start:doc[expr.end - 1].idx + len(doc[expr.end - 1].text) + 10]
    return bool(PHONE_RE.search(window)) or bool(re.search(r"\b\d{3}-\d{4}\b", window))


def _is_age(doc: Doc, expr: NumberExpr, before: Token | None, after: Token | None) -> bool:
    if expr.unit is not None:
        return False
    if before is not None and before.lower_ in ("aged", "age", "ages"):
        return True
    # "at the age of 85"; "has died at 50", "retired at 60": an age (test4's annotator)
    two_before = doc[expr.start - 2] if expr.start >= 2 else None
    if before is not None and two_before is not None and (
            (before.lower_ == "of" and two_before.lower_ in ("age", "ages"))
            or (before.lower_ == "at" and before.head.lemma_.lower() in ("die", "retire")
                and expr.value == int(expr.value) and 1 <= expr.value <= 120  # not "retired the bonds at 98.5"
                and (after is None or after.pos_ not in ("NOUN", "PROPN")))):
        return True
    rest = [t.lower_ for t in doc[expr.end:expr.end + 4]]
    if rest[:3] in (["-", "year", "-"], ["-", "years", "-"]) or rest[:2] == ["years", "old"]:
        return True
    # "Tokayev, 68, said": a bare number in commas after a person's name
    return (before is not None and before.text == "," and after is not None and after.text == ","
            and expr.start >= 2 and doc[expr.start - 2].ent_type_ == "PERSON")


def _is_year(doc: Doc, expr: NumberExpr, before: Token | None, after: Token | None) -> bool:
    if expr.unit is not None or expr.value != int(expr.value) or "," in doc[expr.core[0]].text:
        return False  # "2,000 terminals": a year is never written with a thousands comma
    if not YEAR_RANGE[0] <= expr.value <= YEAR_RANGE[1] or "," in str(before):
        return False
    counted = after is not None and after.tag_ in ("NNS", "NNPS")
    if MODERN_YEARS[0] <= expr.value <= MODERN_YEARS[1] and expr.value_max is None \
            and year_digits(doc[expr.core[0]]):
        # "the 2007 elections", "1986 sales", "1987 results": news writes counts of thousands with a
        # comma, so four bare digits of a modern year are a year (none of the five gold sets has such a
        # count; outside them, 18 of 18 such figures in 750 articles were years)
        return True
    return not counted or (before is not None and before.lower_ in ("in", "since", "by", "until", "of"))


def _is_numbered_item(doc: Doc, expr: NumberExpr, before: Token | None) -> bool:
    if before is None or expr.unit is not None:
        return False
    if before.lower_.rstrip(".") in NUMBERED_ITEMS and before.text[:1].isupper():
        return True
    if before.lower_ in GRADE_WORDS:
        return True
    if before.lower_ in RANK_WORDS:
        return True  # "the top four", "reached number four in the charts": ranks
    first = doc[expr.core[0]]
    after = doc[expr.end] if expr.end < len(doc) else None
    if first.lower_ in WORD_NUMBERS and first.text.istitle() and not first.is_sent_start and (
            before.is_alpha or (after is not None and after.pos_ == "PROPN" and after.text.istitle())):
        return True  # "the 1998 Six Nations", "the Group of Seven", "Channel Four": a number word in a name
    if before.text.endswith("-") and not before.whitespace_ and (before.text[:1].isalnum() or
                                                                  before.text == "-"):
        return True  # "Il-76", "2022-01-10": codes and dates glued by hyphens
    counted = expr.end < len(doc) and doc[expr.end].tag_ in ("NNS", "NNPS")
    # "Windows 95", "Apollo 11": a proper noun mid-sentence right before a bare number
    line_start = doc_text(doc).rfind("\n", 0, before.idx) + 1
    first_on_line = not doc_text(doc)[line_start:before.idx].strip()
    return before.pos_ == "PROPN" and not before.is_sent_start and not first_on_line and not counted


def _is_enumeration(doc: Doc, expr: NumberExpr, after: Token | None) -> bool:
    """"1." or "(2)" at the start of a line: a list item number."""
    first = doc[expr.core[0]]
    line_start = doc_text(doc).rfind("\n", 0, first.idx) + 1
    prefix = doc_text(doc)[line_start:first.idx].strip()
    return prefix in ("", "(") and after is not None and after.text in (".", ")") and expr.unit is None


def _is_race_time(doc: Doc, expr: NumberExpr) -> bool:
    """A race time written without its unit, hundredths of a second in a sentence on a race ("finished
    second in 7.82", "clocking 8.06 in the 60m hurdles", "a season's best of 7.48"): a duration, which
    the guideline does not count (test5's annotator: "won in 6.46secs")."""
    first = doc[expr.core[0]]
    if expr.unit is not None or expr.value_max is not None or len(expr.core) != 1 \
            or not RACE_TIME_RE.fullmatch(first.text):
        return False
    return any(t.lemma_.lower() in RACE_WORDS or t.lower_ in RACE_WORDS for t in first.sent)
