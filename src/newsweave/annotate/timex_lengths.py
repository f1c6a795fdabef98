"""Lengths, rates and vague references: the normalizers of the ``duration``, ``long_adj``,
``vague_plural``, ``duration_bare``, ``duration_prep``, ``set`` and ``reference`` patterns of
:mod:`newsweave.annotate.timex_rules` ("three days", "$50,000 a year", "every other week", "now"),
which :mod:`newsweave.annotate.timexes` pairs with their patterns.
"""

from __future__ import annotations

import re

from newsweave.annotate import timex_rules as R
from newsweave.annotate import timex_values as V
from newsweave.annotate.timex_context import Context, sentence_start
from newsweave.model import TimexType

Value = tuple[TimexType, str]
Match = re.Match[str]


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall)\s+$", re.I)
# What comes before "a year" in a rate: "$50,000 a year", "twice a day", "$400 million a year",
# "ten thousand copies a week"
# ("five days a week", "24 hours a day", "one month a year": a count of units per unit)
_SET_CONTEXT = re.compile(r"(?:\d|times|twice|once|per|cents?|dollars?|percent|%|\$\S+|(?:day|hour|night|week|month)s?"
                          r"|(?:hundred|thousand|million|billion|trillion)(?:\s+\w+)?)\s*$", re.I)


# ... or a counted noun phrase: "a million barrels of oil a day", "fifty thousand CDs a year" (not "rose
# 5% in a year": a preposition before the unit makes it a length)
_COUNT_BEFORE = re.compile(r"(?:\d|hundred|thousand|million|billion|trillion|mln|bn)\S*"
                           r"(?:\s+(?!(?:in|within|for|over|than|after|about|under|to|by|at|of\s+a)\b)[a-z-]+){1,4}\s+$",
                           re.I)


# "from 1.66 billion a year before and ...": a shift, not a rate
_RATE_SHIFT_AFTER = re.compile(r"\s+(?:ago|earlier|before|later|after)\b", re.I)


def norm_duration(m: Match, ctx: Context) -> Value:
    """"three days", "the past two months": a DURATION; "$50,000 a year" a SET, "will one day" and "in five
    years" after a future cue a DATE."""
    unit = m["u"].lower()
    if m["lo"]:
        return "DURATION", V.duration_value(None, unit)  # "two to three weeks": a length not known exactly
    n = V.number(m["n"])
    if m["n"].lower() == "one" and unit == "day" and not m["pl"] and _MODAL_BEFORE.search(
            ctx.text[max(0, m.start() - 12):m.start()]):
        return "DATE", "FUTURE_REF"  # "Islam will one day be ...": some day ahead, not 24 hours
    if m["half"] and n is not None:
        n += 0.5  # "a minute and a half"
    elif (m["n"].lower() in ("a", "an") and not m["the"] and not _RATE_SHIFT_AFTER.match(ctx.text, m.end())
          and (_SET_CONTEXT.search(ctx.text[max(0, m.start() - 20):m.start()])
               or _COUNT_BEFORE.search(ctx.text[max(sentence_start(ctx.sentence_starts, m.start()),
                                                    m.start() - 50):m.start()]))):
        return "SET", V.duration_value(1, unit)  # "$50,000 a year", "twice a day"
    if (ctx.dct is not None and n is not None and n == int(n) and unit in _DATE_UNITS and not (m["the"] or m["approx"])
            and "-" not in m["hy"] and _IN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
            and not _NOT_A_POINT_AFTER.match(ctx.text, m.end()) and ctx.future(m.start())):
        # "the stock would be redeemed in five years": a point that far ahead of the publication date
        return "DATE", V.granular(V.shift_date(ctx.dct, unit, n), unit)
    return "DURATION", V.duration_value(n, unit)


_DATE_UNITS = ("day", "week", "month", "year", "decade")
_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
# "in two years' time" is that point too; "in five years of talks", "the first time in two years" (a
# length: no future cue) are not
_NOT_A_POINT_AFTER = re.compile(r"\s*(?:of|old|ago|earlier|later|before|after)\b", re.I)


def norm_vague_plural(m: Match, ctx: Context) -> Value:
    """"future quarters", "past years": a vague time ahead or gone."""
    return "DATE", "FUTURE_REF" if m["w"].lower() == "future" else "PAST_REF"


def norm_long_adj(m: Match, ctx: Context) -> Value:
    """"a two-week-long strike", "a decades-long battle": the length."""
    n = V.number(m["n"]) if m["n"] else (None if m["pl"] else 1)
    return "DURATION", V.duration_value(n, m["u"])


def norm_duration_bare(m: Match, ctx: Context) -> Value:
    """"for years", "recent months": a length of unknown count."""
    return "DURATION", V.duration_value(None, m["u"])


def norm_set(m: Match, ctx: Context) -> Value:
    """"daily", "every other week", "each July", "every three years": a SET."""
    if m["w"]:
        return "SET", R.SET_WORDS[m["w"].lower()]
    if m["sn"]:  # "every three years"
        return "SET", V.duration_value(None if m["sn"].lower() == "few" else V.number(m["sn"]), m["su"])
    unit = m["u"].lower().rstrip(".")
    if unit in R.WEEKDAYS:
        return "SET", f"XXXX-WXX-{R.WEEKDAYS[unit]}"
    if unit in R.MONTHS:
        return "SET", f"XXXX-{R.MONTHS[unit]:02d}"
    if unit in R.SEASONS:
        return "SET", f"XXXX-{R.SEASONS[unit]}"
    if unit in R.PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{R.PARTS_OF_DAY[unit]}"
    return "SET", V.duration_value(2 if m["other"] else 1, unit)


def norm_reference(m: Match, ctx: Context) -> Value:
    """"now", "recently", "the future": PRESENT_REF, PAST_REF, FUTURE_REF."""
    return "DATE", R.REFERENCE_WORDS[" ".join(m["w"].lower().split())]
