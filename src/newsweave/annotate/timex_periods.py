"""Reporting periods of financial news: quarters and halves ("the third quarter", "the fiscal
first half", "the year-ago period"), and what "a year earlier" or "last year" means after one.

Normalizers for the ``quarter``, ``quarter_pair`` and ``year_ago_adj`` patterns of
:mod:`newsweave.annotate.timex_rules`; :mod:`newsweave.annotate.timexes` pairs them with their patterns
and uses :func:`year_before` and :func:`compares_with_period` for "a year ago" and "last year".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsweave.annotate import timex_rules as R
from newsweave.annotate import timex_values as V
from newsweave.annotate.timex_context import MONTHS_AHEAD, Context, sentence_start
from newsweave.model import TimexType

Value = tuple[TimexType, str]
Match = re.Match[str]


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4}


def norm_quarter(m: Match, ctx: Context) -> Value:
    """"the third quarter", "the fiscal first half", "last year's quarter": a ``YYYY-Qn`` or ``YYYY-Hn``
    DATE ("the first two quarters" a DURATION)."""
    rel = (m["rel"] or "").lower().replace("-", "")
    kind = m["q"].lower()
    if m["pl"]:
        return "DURATION", "PXM" if kind != "quarter" else "PXQ"
    if kind == "period" and m["y0"] and not rel and not ctx.period_is_quarter:
        return "DATE", m["y0"]  # "the first nine months ... the 1988 period": the year
    half = kind == "half"
    if half and rel == "last":
        rel = "second"  # "the last half of 1989"
    year_shift = {"last": -1, "this": 0, "next": 1}.get((m["yrel"] or m["ofrel"] or "").lower(), 0)
    if m["shift"]:
        year_shift = -1  # "the year-ago third quarter"
    if m["ago"] or (year_shift == -1 and rel not in _ORDINALS):
        rel = "yearago"  # "the quarter a year ago", "last year's quarter": the reported one, a year back
        year_shift = 0
    year, n_half = _quarter_or_half(m, ctx, rel, half)
    if year is None:
        return "DATE", "XXXX-HX" if half else "XXXX-QX"
    return "DATE", f"{year + year_shift:04d}-{'H' if half else 'Q'}{n_half}"


def _quarter_or_half(m: Match, ctx: Context, rel: str, half: bool) -> tuple[int | None, int]:
    """The year and number of the quarter (or half) ``rel`` names, before any year shift."""
    if ctx.dct is None and not (m["y"] or m["y0"]):
        return None, 0
    dct = ctx.dct or date(int(m["y"] or m["y0"]), 12, 31)
    current = (dct.month - 1) // 6 + 1 if half else V.quarter_of(dct)
    per_year = 2 if half else 4
    given_year = m["y"] or m["y0"]
    if rel in _ORDINALS:
        n = min(_ORDINALS[rel], per_year)
        if (m["ofrel"] or "").lower() == "the":
            # "the first half of the year": of the year the text is about, the one named last
            year = int(ctx.last_value[:4]) if ctx.last_value else dct.year
        elif given_year or m["yrel"] or m["ofrel"]:  # "the 1988 fourth quarter", "next year's first quarter"
            year = int(given_year) if given_year else dct.year
        elif (ended := _quarter_end_named(m, ctx)) is not None:
            # "the first half ended December 31", "the fourth quarter ended January 3": the year
            # most of it lies in (its middle, as for "the quarter ended July 31" below)
            year = (ended - timedelta(days=91 if half else 45)).year
        else:  # a quarter not yet begun is last year's
            year = dct.year - (1 if n > current else 0)
    elif not half and ctx.last_quarter and rel in _SAME_QUARTER_RELS and (not given_year or rel == ""):
        # "the quarter", "the latest period" after "the third quarter": the quarter being reported;
        # "the 1988 period" after it: that quarter in 1988
        year, n = int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1])
        year = int(given_year) if given_year else year
    elif not half and rel == "" and not given_year and (ended := _quarter_end_named(m, ctx)) is not None:
        # "the quarter ended July 31", no quarter named before: the calendar quarter it mostly
        # covers, the one holding the day 45 days before its end (July 31 -> Q2)
        middle = ended - timedelta(days=45)
        year, n = middle.year, V.quarter_of(middle)
    else:
        # "the quarter", "the latest period": financial news reports the last completed quarter
        offset = {"current": 0, "this": 0, "next": 1}.get(rel, -1)
        index = dct.year * per_year + current - 1 + offset
        if rel in ("yearago", "yearearlier"):
            index -= per_year
        year, n = divmod(index, per_year)
        n += 1
        year = int(given_year) if given_year else year
    return year, n


_QUARTER_ENDED = re.compile(
    rf"\s+end(?P<ing>ed|ing)\s+(?P<m>{R.MON})\s+(?P<d>[0-3]?\d)(?!\d)(?:\s*,?\s+(?P<y>{R.YEAR}))?", re.IGNORECASE)


def _quarter_end_named(m: Match, ctx: Context) -> date | None:
    """For "the quarter ended July 31": that day (of the year given, else the latest on or before
    the DCT), else None."""
    after = _QUARTER_ENDED.match(ctx.text, m.end())
    if after is None:
        return None
    month, day = R.MONTHS[after["m"].lower().rstrip(".")], int(after["d"])
    if after["y"]:
        try:
            return date(int(after["y"]), month, day)
        except ValueError:
            return None
    # "the quarter ending April 30" in a March story is the one under way, "ended Jan. 31" one gone
    ahead = MONTHS_AHEAD if after["ing"].lower() == "ing" else 0
    return V.month_day_near(ctx.dct, month, day, ahead, future=False) if ctx.dct else None


# Relations under which "the quarter"/"period" is the quarter the text last named, not one
# computed from the DCT (tune split of timex_dev.jsonl, financial news).
_SAME_QUARTER_RELS = ("", "latest", "this")


def norm_quarter_pair(m: Match, ctx: Context) -> Value:
    """"the first two quarters of 1990", "the last two quarters of next year": the first or second
    half of that year (``1990-H1``), as "the first half of 1990" is."""
    half = 1 if m["side"].lower() == "first" else 2
    if m["y"]:
        return "DATE", f"{m['y']}-H{half}"
    if ctx.dct is None:
        return "DATE", f"XXXX-H{half}"
    shift = {"last": -1, "next": 1}.get(m["ofrel"].lower(), 0)
    return "DATE", f"{ctx.dct.year + shift:04d}-H{half}"


def norm_year_ago_adj(m: Match, ctx: Context) -> Value:
    """"the year-ago quarter", "year-earlier": the period last named, a year back ("1986 profit rose
    from year-earlier 620,000 dlrs": 1985)."""
    return "DATE", year_before(ctx, start=m.start())


# "than" is left out: it compares with a report or a forecast as often as with a period ("lower than
# the 16 cents a share it reported last year")
_COMPARISON_BEFORE = re.compile(
    r"(?i)\b(?:compared\s+(?:with|to)|from|against|versus)\b(?:\s+\S+){0,8}\s+$")


def compares_with_period(ctx: Context, start: int) -> bool:
    """Whether the words before ``start`` compare a figure with the last period the text named,
    when that period is a quarter or a half ("a 13% increase from last year's $1.55 billion")."""
    if not ctx.last_value or not re.fullmatch(r"\d{4}-[QH]\d", ctx.last_value):
        return False
    window = ctx.text[max(sentence_start(ctx.sentence_starts, start), start - 60):start]
    return _COMPARISON_BEFORE.search(window) is not None


def year_before(ctx: Context, ago: bool = False, start: int | None = None) -> str:
    """"a year earlier": the last mentioned finer-than-year value a year back, else the DCT's year - 1
    (also when the last period named was a length of months). For "a year ago" (``ago``), counted
    from the DCT, a day or month still to come is no such value. ``start``, where the expression
    stands, lets a year named before it in its sentence be the one it counts back from."""
    if not ago and start is not None and _year_in_sentence(ctx, start):
        # "rose 2.2 pct in 1986 after a 3.3 pct rise a year earlier": the year before the year the
        # sentence reports, not the DCT's year - 1 (wrong in a 1987 story) -- unless that year is
        # the earlier side of a comparison the clause after it repeats ("fell to 13.83 dlrs from
        # 26.43 dlrs in 1985 and to 1.49 dlrs from 2.18 dlrs a year earlier": 1985)
        year = int(ctx.last_value or 0)
        return f"{year if _parallel_comparison(ctx, start) else year - 1:04d}"
    if ctx.months_last and ctx.dct:
        # "net of $1.2 billion in the nine months, against $1 billion a year earlier": a length of
        # months has no value to shift, so TimeBank gives the year (tune split: 4 of 5 such)
        return f"{ctx.dct.year - 1:04d}"
    if (ctx.last_value and re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d\d(?:-\d\d)?)", ctx.last_value)
            and not (ago and _after_dct(ctx.last_value, ctx.dct))):
        # ("elections scheduled for May 11 ... since she toppled Marcos a year ago": 1986, not
        # 1986-05-11; but "profit in the year ending March 31, 1988, up from a year earlier" compares
        # with the year ended March 31, 1987)
        shifted = V.shift_value(ctx.last_value, -1)
        if shifted:
            return shifted
    return f"{ctx.dct.year - 1:04d}" if ctx.dct else "XXXX"


# A year its sentence names is what "a year earlier" counts back from when a comparison stands between
# them: the figure of that year is compared with the one a year before ("1986 net income fell to 101.9
# mln dlrs from year-ago 199.0 mln dlrs"). A year that only dates an event ("an accounting change
# announced in 1986, which added 30 cts a share to year-ago 1st qtr results") or an index's base year
# ("the index, base 1980, fell to 103.9 from 106.3, and compared with 102.3 a year earlier") is not.
# Measured on all 19,043 Reuters-21578 and 2,225 BBC stories: 83 values change, 81 from wrong
# to right (1987 stories comparing 1986 results with "a year earlier" gave 1986, the DCT's year - 1),
# 2 wrong before and after; on timex_dev.jsonl no value changes (its "a year earlier" follow quarters
# and days, which were shifted already).
_INDEX_BASE_BEFORE = re.compile(r"(?i)\bbase(?:\s+year)?(?:\s+of)?\s+$")
_COMPARISON = re.compile(
    r"(?i)\b(?:from|against|after|than|versus|vs|above|below|compar(?:ed|es?|ing)\s+(?:with|to))\b")


def _year_in_sentence(ctx: Context, start: int) -> bool:
    """Whether the last value named is a year, named in the sentence that holds ``start`` (and not
    as an index's base year), whose figure the words up to ``start`` compare with another."""
    pos = ctx.last_value_pos
    return (ctx.last_value is not None and re.fullmatch(r"\d{4}", ctx.last_value) is not None
            and pos >= sentence_start(ctx.sentence_starts, start)
            and _INDEX_BASE_BEFORE.search(ctx.text, max(0, pos - 20), pos) is None
            and _COMPARISON.search(ctx.text, pos, start) is not None)


# The earlier side of a comparison right before a year ("from 26.43 dlrs in 1985", "after 2.0 pct in
# 1985", "than in 1985"), and a conjunction that opens a second comparison after it.
_COMPARED_BEFORE = re.compile(r"(?i)\b(?:from|after|against|than|versus|compared\s+(?:with|to))\b[^,;]{0,40}$")
_NEXT_CLAUSE = re.compile(r"(?i)\b(?:and|while|whereas|but)\b")


def _parallel_comparison(ctx: Context, start: int) -> bool:
    """Whether the year named last is itself what a figure was compared with, and a second
    comparison ending in the expression at ``start`` follows it: then "a year earlier" is that year."""
    pos = ctx.last_value_pos
    return (_COMPARED_BEFORE.search(ctx.text, max(0, pos - 60), pos) is not None
            and _NEXT_CLAUSE.search(ctx.text, pos, start) is not None)


def _after_dct(value: str, dct: date | None) -> bool:
    """Whether the month or day ``value`` ("1987-05", "1987-05-11") begins after ``dct``."""
    m = re.fullmatch(r"(\d{4})-(\d\d)(?:-(\d\d))?", value)
    if m is None or dct is None:
        return False
    return (int(m[1]), int(m[2]), int(m[3] or 1)) > (dct.year, dct.month, dct.day)
