"""Time expressions anchored on the narrative: shifts ("two days later", "three years ago") and
anaphors ("that day", "the next morning", "the year before").

Normalizers for the ``shift`` and ``anaphor_*`` patterns of :mod:`newsweave.annotate.timex_rules`. The
narrative time is the last day the text named (:class:`newsweave.annotate.timex_context.Context`); a
shift by years or months counts from the year or month named last, "a year earlier" from the period
being reported (:func:`newsweave.annotate.timex_periods.year_before`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsweave.annotate import timex_periods as P
from newsweave.annotate import timex_rules as R
from newsweave.annotate import timex_values as V
from newsweave.annotate.timex_context import Context
from newsweave.model import TimexType

Value = tuple[TimexType, str]
Match = re.Match[str]


def norm_shift(m: Match, ctx: Context) -> Value:
    """"two days later", "three years ago", "a year earlier": a DATE that far from the narrative time
    (the DCT for "ago" and "from now"), or from the year or month the text named last."""
    unit = m["u"].lower()
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
    n = V.number(m["n"]) if m["n"] else None
    if unit in ("second", "minute", "hour"):
        # "a few hours later": same day as the narrative time (the clock time is rarely known);
        # "48 hours later" is two days on, and "36 hours later" a length whose day the clock decides
        days, part = divmod(n if unit == "hour" and n else 0, 24)
        if days and part:
            return "DURATION", V.duration_value(n, unit)
        day = ctx.narrative() if direction not in ("ago", "from now", "hence") else ctx.dct
        return "DATE", V.day_value(day + timedelta(days=sign * days)) if day else "XXXX-XX-XX"
    deictic = direction in ("ago", "from now", "hence")
    if n is None:
        if deictic:  # "several years ago": some time before the DCT
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        # "a few days later" counts from the narrative time, not from the DCT: no reference to the
        # present or the future, only the length is known (TimeBank: "A few days" DURATION PXD)
        return "DURATION", V.duration_value(None, unit)
    if unit == "year" and sign < 0 and n == 1:
        return "DATE", P.year_before(ctx, ago=direction == "ago", start=m.start())
    anchor = ctx.dct if deictic else ctx.narrative()
    if not deictic and (coarse := _coarse_date(ctx.previous_value, unit)) is not None:
        anchor = coarse  # "He fled in 1959. Two years later, ...": 1961, not two years after the DCT
    if anchor is None:
        return "DATE", V.UNKNOWN_VALUES.get(unit, "XXXX-XX-XX")
    if sign > 0 and unit in ("day", "week") and not deictic:
        anchor = _past_anchor(m, ctx, anchor, unit, n)
    return "DATE", V.granular(V.shift_date(anchor, unit, sign * n), unit)


def _past_anchor(m: Match, ctx: Context, anchor: date, unit: str, n: float) -> date:
    """The day "two days later" counts from when the narrative day would put a past event after the publication
    date: the last day named before it that does not. "The driver was taken to hospital after the crash and, two
    days later, was questioned" in Tuesday's paper after "on Tuesday" (a made-up derailment story) counts from
    Saturday's crash, named before, not from Tuesday."""
    later = V.shift_date(anchor, unit, n)
    if ctx.dct is None or later is None or later <= ctx.dct \
            or not R.PAST_VERB.search(ctx.text, m.end(), min(len(ctx.text), m.end() + _PAST_REACH)):
        return anchor
    earlier = [d for pos, d in ctx.explicit_days or () if pos < m.start()
               and (shifted := V.shift_date(d, unit, n)) is not None and shifted <= ctx.dct]
    return earlier[-1] if earlier else anchor


# How far after "two days later", in characters, a past-tense verb tells a past event ("two days later, was
# questioned by prosecutors").
_PAST_REACH = 24


def anaphor(ctx: Context, unit: str, offset: int) -> Value:
    """The ``unit`` (day, week, month, year, or a part of the day) ``offset`` units from the narrative
    time: "that day" (0), "the next morning" (1), "the previous year" (-1)."""
    unit = unit.lower()
    day = ctx.narrative()
    if unit in R.PARTS_OF_DAY:
        if offset and day:  # "the next morning": TimeBank gives the day
            return "DATE", V.day_value(day + timedelta(days=offset))
        return "TIME", f"{V.day_value(day) if day else 'XXXX-XX-XX'}T{R.PARTS_OF_DAY[unit]}"
    if unit == "day" and not offset and ctx.last_value and re.fullmatch(r"\d{4}-\d\d", ctx.last_value):
        # "last October when he was shot ... that same day": a day of the month named last
        return "DATE", f"{ctx.last_value}-XX"
    coarse = _last_coarse(ctx, unit)
    if coarse is not None:
        day = coarse
    if day is None:
        return "DATE", V.UNKNOWN_VALUES.get(unit, "XXXX-XX-XX")
    return "DATE", V.granular(V.shift_date(day, unit, offset), unit)


def _last_coarse(ctx: Context, unit: str) -> date | None:
    """For "that year" / "the following month": the last year or month the text named, when it
    was named after the last day ("in 1988 ... that year"), else None (the narrative day rules)."""
    return _coarse_date(ctx.last_value, unit)


def _coarse_date(value: str | None, unit: str) -> date | None:
    """The first day of the year or month ``value`` names ("1988", "1988-03", "1988-03-05"), for a
    shift by years or months; None for other units and other values."""
    if unit not in ("year", "month") or not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-\d\d)?", value)
    if not m or (unit == "month" and not m[2]):
        return None
    return date(int(m[1]), int(m[2] or 1), 1)


def norm_anaphor_that(m: Match, ctx: Context) -> Value:
    """"that day", "the same week": the narrative day, week ..."""
    if ctx.ref_day is None and m["u"].lower() == "day":
        ahead = ctx.cataphora(m.start())
        if ahead is not None:
            return "DATE", V.day_value(ahead)
    return anaphor(ctx, m["u"], 0)


def norm_anaphor_rel(m: Match, ctx: Context) -> Value:
    """"the next day", "the previous week"."""
    return anaphor(ctx, m["u"], 1 if m["rel"].lower() in ("next", "following") else -1)


def norm_anaphor_in_the(m: Match, ctx: Context) -> Value:
    """"earlier in the day", "later in the week"."""
    return anaphor(ctx, m["u"], 0)


def norm_anaphor_before(m: Match, ctx: Context) -> Value:
    """"the day before", "the week after"."""
    return anaphor(ctx, m["u"], -1 if m["dir"].lower() in ("before", "earlier") else 1)
