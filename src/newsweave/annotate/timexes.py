"""Time expressions: find TIMEX3 spans and normalize them to ISO values against the article's date.

The grammar is a table of regular expressions (:mod:`newsweave.annotate.timex_rules`), each paired
with a normalizer below (those of quarters and halves, the reporting periods of financial
news, in :mod:`newsweave.annotate.timex_periods`; those of shifts and anaphors, anchored on the
narrative, in :mod:`newsweave.annotate.timex_anaphora`; those of lengths, rates and vague references in
:mod:`newsweave.annotate.timex_lengths`). Extraction runs in three steps:

1. every pattern proposes candidate spans, and a context-free check drops impossible ones
   (a lower-case "may" is not a month);
2. overlaps are resolved, the longest candidate winning ("two days later" over "two days");
3. the kept candidates are normalized in text order. Deictic expressions ("yesterday", "Friday",
   "last week") are anchored on the publication date; anaphoric ones ("the day before", "earlier
   that day", "two days later") on the narrative time, the last day the text mentioned
   (:mod:`newsweave.annotate.timex_context`). "Earlier that day" before any day was named refers
   forward, to the first day the text names within a few sentences.

Without a publication date, only values the text fixes are given; the rest keep ``X`` parts
(``XXXX-WXX-5`` for "Friday"), except that weekdays are read from the text's own first full date
(its dateline) when it has one. Values follow TimeML: ``2022-01-07``, ``2022-W01``, ``1989-Q3``,
``P3D``, ``PT2H``, ``PXW``, ``PRESENT_REF``, ``2022-01-06TMO``.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from newsweave.annotate import timex_anaphora as A
from newsweave.annotate import timex_lengths as L
from newsweave.annotate import timex_periods as P
from newsweave.annotate import timex_rules as R
from newsweave.annotate import timex_values as V
from newsweave.annotate.timex_accept import accept
from newsweave.annotate.timex_context import (
    FUTURE_MONTHS,
    GUESSED_BREAK,
    MONTHS_AHEAD,
    Context,
    update_narrative,
)
from newsweave.model import Span, Timex, TimexType

Value = tuple[TimexType, str]

# ---------------------------------------------------------------------------------------------
# normalizers: one per pattern name in timex_rules.PATTERNS

Match = re.Match[str]


def _norm_iso_date(m: Match, ctx: Context) -> Value:
    return "DATE", f"{m['y']}-{m['m']}-{m['d']}"


def _norm_slash_date(m: Match, ctx: Context) -> Value:
    return "DATE", f"{V.full_year(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"


def _norm_month_day(m: Match, ctx: Context) -> Value:
    month = R.MONTHS[(m["m1"] or m["m2"]).lower().rstrip(".")]
    day = int(m["d1"] or m["d2"])
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{month:02d}-{day:02d}"
    if _OF_THAT_YEAR.match(ctx.text, m.end()) and (year := _year_named_last(ctx, m.start())):
        return "DATE", f"{year}-{month:02d}-{day:02d}"  # "The 2010 eruption, which began on Oct. 26 of that year"
    anchor = ctx.fixed_anchor()
    rel = (m["mdrel"] or "").lower()
    if anchor is not None and rel:  # "last Nov. 25", "next March 3"
        if rel == "this":  # "this Feb. 29" in a year without one has no year
            real = day <= calendar.monthrange(anchor.year, month)[1]
            return "DATE", f"{anchor.year:04d}-{month:02d}-{day:02d}" if real else f"XXXX-{month:02d}-{day:02d}"
        step = timedelta(days=1 if rel == "next" else -1)
        found = V.month_day_near(anchor + step, month, day, 0, future=rel == "next", reach=None)
        return "DATE", V.day_value(found) if found else f"XXXX-{month:02d}-{day:02d}"
    future = ctx.future(m.start(), m.end())
    ahead = 0 if ctx.since(m.start()) else MONTHS_AHEAD  # "since March 10": one gone
    found = V.month_day_near(anchor, month, day, ahead, future) if anchor else None
    return "DATE", V.day_value(found) if found else f"XXXX-{month:02d}-{day:02d}"


# "of that year" after a day: the year the text wrote last.
_OF_THAT_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?that\s+(?:same\s+)?year\b", re.IGNORECASE)
_WRITTEN_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _year_named_last(ctx: Context, start: int) -> str | None:
    """The last year the text wrote before ``start``, not a count that looks like one: "killed 1900 people"
    (a count before a plural noun, unless "the", "in", "of" ... make it a year: "the 2010 elections")."""
    years = [m for m in _WRITTEN_YEAR.finditer(ctx.text, 0, start)
             if not (_COUNTED_AFTER.match(ctx.text, m.end())
                     and not _YEAR_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()))]
    return years[-1].group(1) if years else None


# People counted after a number that looks like a year ("killed 1900 people"), unless a word before makes it one
# ("the 1900 people's games" is rare; "in 1900 people ..." rarer).
_COUNTED_AFTER = re.compile(r"\s+(?:people|persons|men|women|children|residents|victims|workers|soldiers)\b",
                            re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:the|in|of|since|by|from|until|to|early|late|mid|its|their)[\s-]+$", re.IGNORECASE)


def _year_of(m: Match) -> int:
    """The year a match gives in digits (group ``y``) or in words (group ``sy``)."""
    return int(m["y"]) if m["y"] else V.spelled_year(m["sy"])


def _norm_week_of(m: Match, ctx: Context) -> Value:
    """"the week of March 6": the ISO week holding that day."""
    _, value = _norm_month_day(m, ctx)
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    return "DATE", V.week_value(date(int(day[1]), int(day[2]), int(day[3]))) if day else "XXXX-WXX"


def _norm_month_year(m: Match, ctx: Context) -> Value:
    return "DATE", f"{_year_of(m):04d}-{R.MONTHS[m['m'].lower().rstrip('.')]:02d}"


def _norm_month(m: Match, ctx: Context) -> Value:
    month = R.MONTHS[m["m"].lower().rstrip(".")]
    anchor = ctx.fixed_anchor()
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    rel = (m["rel"] or "").lower()
    if rel == "this":
        year = anchor.year
    elif rel in ("last", "past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif ctx.future(m.start(), m.end()) and rel != "next" and month == anchor.month:
        year = anchor.year  # "is to expire at the end of November" in a November article
    elif not rel and ctx.since(m.start()):
        # "has not been ahead in this poll since April" in a March story: the April gone
        year = anchor.year if month <= anchor.month else anchor.year - 1
    elif (rel == "next" or 0 < (month - anchor.month) % 12 <= MONTHS_AHEAD
          or (ctx.future(m.start(), m.end()) and (month - anchor.month) % 12 <= FUTURE_MONTHS)):
        # a future cue carries a month up to FUTURE_MONTHS ahead: "effective February" in a March
        # story is the February just gone, not one eleven months on
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        # a bare month in news looks back: the latest such month on or before the anchor
        # (on the tune split this beat "nearest month": TimeBank gives "January" in a
        # November 1989 article as 1989-01)
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return "DATE", f"{year:04d}-{month:02d}"


def _norm_month_rel_year(m: Match, ctx: Context) -> Value:
    month = R.MONTHS[m["m"].lower().rstrip(".")]
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return "DATE", f"{ctx.dct.year + shift:04d}-{month:02d}"


def _norm_spelled_year(m: Match, ctx: Context) -> Value:
    return "DATE", f"{V.spelled_year(m['sy']):04d}"


def _norm_century(m: Match, ctx: Context) -> Value:
    return "DATE", f"{int(m['n']) - 1:02d}"


def _norm_decade(m: Match, ctx: Context) -> Value:
    return "DATE", m["y"][:3]


def _norm_decade_short(m: Match, ctx: Context) -> Value:
    """"the nineties", "the '80s": the latest such decade that began by the DCT's year (1900s without DCT)."""
    tens = R.DECADE_WORDS[m["w"].lower()] if m["w"] else int(m["yy"])
    century = ctx.dct.year // 100 if ctx.dct else 19
    if ctx.dct and century * 100 + tens * 10 > ctx.dct.year:
        century -= 1
    return "DATE", f"{century:02d}{tens}"


def _norm_year(m: Match, ctx: Context) -> Value:
    return "DATE", m["y"]


def _day_word(word: str | None, ctx: Context, start: int) -> date | None:
    """The day a weekday or today/yesterday/tomorrow names; the narrative day when absent."""
    if not word:
        return ctx.narrative()
    w = word.lower()
    if w in R.WEEKDAYS:
        anchor = ctx.week_anchor()
        return V.weekday_near(anchor, R.WEEKDAYS[w], ctx.future(start)) if anchor else None
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0}
    if w in offsets:
        return ctx.dct + timedelta(days=offsets[w]) if ctx.dct else None
    return ctx.narrative()


_HALF_OF_DAY = {"morning": "am", "afternoon": "pm", "evening": "pm"}
# The parts of the day that keep their TIME value after a weekday ("Thursday evening" 2022-01-06TEV), as
# after "this" or "yesterday". Counted in the gold of the tune split of timex_dev.jsonl (issue 4, sixth
# pass): "<weekday> evening" is TEV 2 of 2 times; "<weekday> night" is the day's DATE 9 times (4 of them
# with the span on the weekday alone), TNI 3, TEV 2; "<weekday> morning" the DATE 3 times, TMO 3 times.
_POD_OF_A_WEEKDAY = frozenset({"EV"})


def _norm_time(m: Match, ctx: Context) -> Value:
    if m["tm"]:  # "5 p.m. EST, Nov. 6"
        anchor = ctx.fixed_anchor()
        month, dom = R.MONTHS[m["tm"].lower().rstrip(".")], int(m["td"])
        day = V.month_day_near(anchor, month, dom, MONTHS_AHEAD, ctx.future(m.start())) if anchor else None
    else:
        day = _day_word(m["day"], ctx, m.start())
    prefix = V.day_value(day) if day else "XXXX-XX-XX"
    if m["noon"]:
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["noon"].lower()]
    else:
        hour = int(m["h"] or m["h2"] or m["h3"])
        minute = int(m["mi"] or m["mi2"] or 0)
        # "4 in the morning" is 4 a.m., "8 in the evening" 8 p.m.
        ap = (m["ap"] or _HALF_OF_DAY.get((m["ip"] or "").lower(), "")).lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    return "TIME", f"{prefix}T{clock}"


def _norm_part_of_day(m: Match, ctx: Context) -> Value:
    dw = m["dw"].lower()
    pod = R.PARTS_OF_DAY[m["pod"].lower()]
    if dw == "last":  # "last night": the night before the DCT
        day = ctx.dct - timedelta(days=1) if ctx.dct and pod == "NI" else ctx.dct
    elif dw in ("that", "the"):
        day = ctx.narrative()
    else:
        day = _day_word(dw, ctx, m.start())
        if dw in R.WEEKDAYS and pod not in _POD_OF_A_WEEKDAY:
            # TimeBank gives "Friday night" the day's DATE value (tune split: 7 of 17 such
            # timexes, against 3 TNI, 4 TEV, 3 TMO)
            return "DATE", V.day_value(day) if day else f"XXXX-WXX-{R.WEEKDAYS[dw]}"
    return "TIME", f"{V.day_value(day) if day else 'XXXX-XX-XX'}T{pod}"


def _norm_tonight(m: Match, ctx: Context) -> Value:
    day = ctx.dct if m["pod"].lower() == "tonight" else ctx.narrative()
    return "TIME", f"{V.day_value(day) if day else 'XXXX-XX-XX'}TNI"


def _norm_deictic_day(m: Match, ctx: Context) -> Value:
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
    offset += {"before": -1, "after": 1, None: 0}[(m["rel"] or "").lower() or None]
    return "DATE", V.day_value(ctx.dct + timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"


def _norm_weekday(m: Match, ctx: Context) -> Value:
    wd = R.WEEKDAYS[m["wd"].lower()]
    if m["pl"]:
        return "SET", f"XXXX-WXX-{wd}"
    anchor = ctx.week_anchor()
    if anchor is None:
        return "DATE", f"XXXX-WXX-{wd}"
    rel = (m["rel"] or "").lower()
    if rel in ("last", "past", "previous"):
        day = V.weekday_near(anchor - timedelta(days=1), wd, future=False)
    elif rel in ("next", "coming"):
        day = V.weekday_near(anchor + timedelta(days=1), wd, future=True)
    elif rel == "this":
        day = anchor + timedelta(days=wd - anchor.isoweekday())
    else:
        future = ctx.future(m.start(), m.end()) and not R.PAST_EVENT_AFTER.match(ctx.text, m.end())
        day = V.weekday_near(anchor, wd, future)
    return "DATE", V.day_value(day)


def _norm_day_next_to(m: Match, ctx: Context) -> Value:
    kind, value = _norm_weekday(m, ctx)
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    if kind != "DATE" or not day:
        return "DATE", "XXXX-XX-XX"
    shift = timedelta(days=-1 if m["side"].lower() == "before" else 1)
    return "DATE", V.day_value(date(int(day[1]), int(day[2]), int(day[3])) + shift)


def _norm_weekday_of_week(m: Match, ctx: Context) -> Value:
    """"Wednesday last week", "Monday of next week": that weekday of the week named, counted from the
    anchor's week (ISO weeks, Monday first)."""
    wd = R.WEEKDAYS[m["wd"].lower()]
    anchor = ctx.week_anchor()
    if anchor is None:
        return "DATE", f"XXXX-WXX-{wd}"
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return "DATE", V.day_value(anchor + timedelta(days=7 * shift + wd - anchor.isoweekday()))


_DIRECTION = {"this": 0, "current": 0, "the current": 0, "the same": 0, "last": -1, "previous": -1,
              "the previous": -1, "the preceding": -1, "the prior": -1, "the latest": -1, "next": 1,
              "coming": 1, "the coming": 1, "the following": 1}
_NARRATIVE_RELS = ("the same", "the previous", "the preceding", "the prior", "the following")


def _norm_rel_unit(m: Match, ctx: Context) -> Value:
    rel = " ".join(m["rel"].lower().split())
    unit = m["u"].lower()
    if rel == "the" and unit == "weekend" and ctx.dct and not ctx.future(m.start()):
        # "over the weekend" in a weekday article: the weekend just past (tune split: 3 of 3)
        saturday = V.weekday_near(ctx.dct, 6, future=False)
        return "DATE", V.week_value(saturday) + "-WE"
    if rel in ("the", "the full", "the fiscal"):
        if unit == "weekend" or m["mod"] or rel == "the full":
            rel = "this"  # "the weekend", "the end of the year", "the end of the month", "the full year"
        else:
            return "DURATION", "P1Y"  # "the year", "the fiscal year"
    if rel == "the past" and unit == "year":
        rel = "last"  # TimeBank: "the past year" is last year (2 of 2 on timex_dev)
    if rel == "this past" or (unit == "weekend" and rel in ("past", "the past")):
        rel = "last"  # "this past week", "the past weekend": the one just gone, not a length
    if rel == "last" and unit == "year" and ctx.dct and P.compares_with_period(ctx, m.start()):
        # "earnings of $24 million, compared with a loss of $3 million last year": the quarter
        # being reported, a year back (as "a year earlier") -- if it falls in last year: "the
        # fourth quarter" of 1986 in a March 1987 story is no "last year" to compare with
        back = P.year_before(ctx)
        if back.startswith(f"{ctx.dct.year - 1:04d}-"):
            return "DATE", back
    if rel in ("past", "the past", "the last", "the next"):
        return "DURATION", V.duration_value(1, "week" if unit == "weekend" else unit)
    if rel in _NARRATIVE_RELS:
        # "the following month" after "In March": a month after the last month named
        return A.anaphor(ctx, unit, _DIRECTION[rel])
    anchor = ctx.dct
    if anchor is None:
        return "DATE", V.UNKNOWN_VALUES.get(unit, "XXXX")
    return "DATE", V.granular(V.shift_date(anchor, unit, _DIRECTION.get(rel, 0)), unit)


def _norm_year_end(m: Match, ctx: Context) -> Value:
    if m["y"]:
        return "DATE", m["y"]
    return "DATE", f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"


def _norm_season(m: Match, ctx: Context) -> Value:
    code = R.SEASONS[m["s"].lower()]
    if m["y"] or m["sy"]:
        return "DATE", f"{_year_of(m):04d}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    # a season without a year is the DCT's: unlike a bare month it mostly looks ahead ("by the fall",
    # "perhaps in the autumn" in March stories of Reuters 1987), where the cues for the future
    # ("could", "would") are too weak to tell it from a past one
    shift = {"last": -1, "past": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return "DATE", f"{ctx.dct.year + shift:04d}-{code}"


def _norm_holiday(m: Match, ctx: Context) -> Value:
    name = " ".join(m["h"].lower().replace("’", "'").split())
    as_value = V.week_value if m["wk"] else V.day_value  # "Easter week": the week holding Easter
    if m["y"]:  # "Christmas Day 1950"
        return "DATE", as_value(_holiday_in(name, int(m["y"])))
    anchor = ctx.fixed_anchor()
    if anchor is None:
        fixed = R.HOLIDAYS.get(name)
        if m["wk"]:
            return "DATE", "XXXX-WXX"
        return "DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
    cands = [_holiday_in(name, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    rel = (m["hrel"] or "").lower()
    if rel in ("last", "past"):  # "last Thanksgiving": the latest one before the anchor
        return "DATE", as_value(max(c for c in cands if c < anchor))
    if rel in ("next", "coming"):
        return "DATE", as_value(min(c for c in cands if c > anchor))
    if rel == "this":
        return "DATE", as_value(cands[1])
    return "DATE", as_value(min(cands, key=lambda c: abs((c - anchor).days)))


def _holiday_in(name: str, year: int) -> date:
    """The day of the holiday ``name`` (a key of the holiday tables in timex_rules) in ``year``."""
    if name in R.EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=R.EASTER_HOLIDAYS[name])
    if name in R.WEEKDAY_HOLIDAYS:
        month, day, weekday = R.WEEKDAY_HOLIDAYS[name]
        return V.weekday_near(date(year, month, day), weekday, future=True)
    month, day = R.HOLIDAYS[name]
    return date(year, month, day)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    normalize: Callable[[Match, Context], Value]
    needs: tuple[str, ...] = ()  # words (lower case) one of which every match holds


def _compile_rules() -> tuple[_Rule, ...]:
    normalizers: dict[str, Callable[[Match, Context], Value]] = {
        "iso_date": _norm_iso_date, "slash_date": _norm_slash_date, "month_day": _norm_month_day,
        "week_of": _norm_week_of, "month_year": _norm_month_year, "month": _norm_month,
        "month_rel_year": _norm_month_rel_year, "spelled_year": _norm_spelled_year, "century": _norm_century,
        "decade": _norm_decade, "decade_short": _norm_decade_short, "year": _norm_year, "time": _norm_time,
        "part_of_day": _norm_part_of_day, "pod_first": _norm_part_of_day,
        "tonight": _norm_tonight, "deictic_day": _norm_deictic_day, "weekday": _norm_weekday,
        "day_next_to": _norm_day_next_to, "weekday_of_week": _norm_weekday_of_week, "rel_unit": _norm_rel_unit,
        "season": _norm_season,
        "year_end": _norm_year_end, "quarter": P.norm_quarter, "year_ago_adj": P.norm_year_ago_adj,
        "quarter_pair": P.norm_quarter_pair,
        "shift": A.norm_shift, "anaphor_that": A.norm_anaphor_that, "anaphor_rel": A.norm_anaphor_rel,
        "anaphor_before": A.norm_anaphor_before, "anaphor_in_the": A.norm_anaphor_in_the, "duration": L.norm_duration,
        "long_adj": L.norm_long_adj, "vague_plural": L.norm_vague_plural, "duration_bare": L.norm_duration_bare,
        "duration_prep": L.norm_duration_bare, "set": L.norm_set,
        "reference": L.norm_reference, "holiday": _norm_holiday,
    }
    return tuple(
        _Rule(name, re.compile(r"(?<![\w-])" + pattern, re.IGNORECASE), normalizers[name], R.NEEDS.get(name, ()))
        for name, pattern in R.PATTERNS.items()
    )


_RULES = _compile_rules()


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: _Rule
    match: Match


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    lowered = text.lower()
    for rule in _RULES:
        matches = _matches_near(rule, text, lowered) if rule.needs else rule.pattern.finditer(text)
        for m in matches:
            start, end = _span_of(rule.name, m)
            if end > start and accept(rule.name, m, text):
                found.append(_Candidate(start, end, rule, m))
    return found


# The longest text a rule matches, in characters, with room to spare: the longest seen on
# TimeBank/AQUAINT and 8,000 Reuters and BBC articles is 39 ("the first and second quarters of 1990").
# A search near a word looks this far back and twice as far on.
_MATCH_REACH = 80


def _matches_near(rule: _Rule, text: str, lowered: str) -> list[Match]:
    """``rule.pattern.finditer(text)``, searched only where a match can be: before one of the words
    every match holds (``rule.needs``). The same matches, in order, for a fraction of the time: a
    pattern with optional words before its head is tried at every position of the text otherwise."""
    hits = sorted(k for word in rule.needs for k in _occurrences(lowered, word))
    out: list[Match] = []
    pos = 0
    k = 0
    while k < len(hits):
        lo, hi = hits[k] - _MATCH_REACH, hits[k]
        while k + 1 < len(hits) and hits[k + 1] - _MATCH_REACH <= hi:
            k += 1
            hi = hits[k]
        pos = max(pos, lo, 0)
        while (m := rule.pattern.search(text, pos, hi + 2 * _MATCH_REACH)) is not None and m.start() <= hi:
            out.append(m)
            pos = m.end() if m.end() > m.start() else m.start() + 1
        k += 1
    return out


def _occurrences(lowered: str, word: str) -> Iterator[int]:
    at = lowered.find(word)
    while at >= 0:
        yield at
        at = lowered.find(word, at + 1)


def _span_of(name: str, m: Match) -> tuple[int, int]:
    """The timex span of a match: TimeBank leaves the article out of adjectival forms."""
    if "span" in m.re.groupindex:
        return m.span("span")
    gd = m.groupdict()
    if name == "duration" and "-" in (gd["hy"] or "") and not gd["rel"] and not gd["approx"]:
        return m.start("n"), m.end()  # "the eight-year (plan)" -> "eight-year"
    if (name == "quarter" and gd["rel"] and m.group(0)[m.end("rel") - m.start()] == "-"
            and not (gd["y0"] or gd["yrel"] or gd["ofrel"] or gd["shift"])):
        # "the third-quarter (profit)" -> "third-quarter"; "the fiscal second-quarter" -> "fiscal ..."
        return m.start("fis") if gd["fis"] else m.start("rel"), m.end()
    if name == "weekday" and (gd["mod"] or "").lower() in ("earlier", "later"):
        # "Earlier Friday, lawyers filed ...": "earlier" orders the event, it does not modify the day
        # (gold of the tune split of timex_dev.jsonl: the weekday alone 4 times, with the adverb once;
        # "early Tuesday", "late Monday" keep their modifier, as TimeML's mod)
        return m.start("wd"), m.end()
    if name == "year_ago_adj" and not gd["u"]:
        # "the year-ago results" -> "year-ago": the article is the noun's ("the year-ago quarter" keeps it)
        return m.start() + m.group(0).lower().index("year-"), m.end()
    return m.span()


def _resolve_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates, longest first (earlier rules win ties), in text order."""
    order = {rule.name: i for i, rule in enumerate(_RULES)}
    kept: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, order[c.rule.name], c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# Rules whose day value never depends on the narrative time: dates named outright.
_EXPLICIT_DAY_RULES = ("iso_date", "slash_date", "month_day", "weekday", "deictic_day", "part_of_day")


def _explicit_days(kept: list[_Candidate], ctx: Context) -> list[tuple[int, date]]:
    """The days the text names outright, in text order (a dry run that leaves ``ctx`` as it was).

    Without a DCT only full dates count ("7 January 2022"): a weekday or "yesterday" has no day.
    """
    probe = Context(ctx.text, ctx.dct, ctx.sentence_starts)
    days: list[tuple[int, date]] = []
    for c in kept:
        if c.rule.name not in _EXPLICIT_DAY_RULES:
            continue
        kind, value = _normalized(c, probe)
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
        if kind == "DATE" and m:
            try:
                days.append((c.start, date(int(m[1]), int(m[2]), int(m[3]))))
            except ValueError:
                continue  # no such day ("2/29/87")
    return days


def _normalized(c: _Candidate, ctx: Context) -> Value:
    """The candidate's type and value; a day out of the calendar's range (a DCT in year 9999 moved
    ahead) gives the value unknown rather than losing the article's other timexes."""
    try:
        return c.rule.normalize(c.match, ctx)
    except (ValueError, OverflowError):
        return "DATE", "XXXX-XX-XX"


# Rules that write a calendar day with its year: "March 3, 2009", "3/3/09", "2009-03-03".
_FULL_DATE_RULES = tuple(rule for rule in _RULES if rule.name in ("iso_date", "slash_date", "month_day"))
# What every full date of those rules holds: a day's digit, then (a month and) a year; or a slash or
# dash between digits. A text without it skips the patterns (most news names no full date: Reuters
# 5,000 articles, 0.12 -> 0.04 ms an article).
_FULL_DATE_HINT = re.compile(r"\d(?:st|nd|rd|th)?\.?,?\s+(?:of\s+)?(?:[A-Za-z]+\.?,?\s+)?(?:1[5-9]|20)\d\d|\d[/-]\d")


def first_full_date_year(text: str) -> int | None:
    """The year of the first calendar date ``text`` writes in full, with day, month and year.

    That is mostly a dateline ("WEDNESDAY, MARCH 4, 2009") or the first day the report names, so
    the year of the events it reports; a bare year ("the 2001 title fight") is more often history.
    Story clustering uses it where publication dates are unknown (``newsweave.link.stories``).
    It runs only the three full-date patterns of the grammar, not the whole extraction.

    Args:
        text: the article text.

    Returns:
        The year (a two-digit slash-date year read as ``timex_values.full_year`` reads it), or None
        when no date is written in full.
    """
    if not _FULL_DATE_HINT.search(text):
        return None
    first: tuple[int, int] | None = None  # (start, year)
    for rule in _FULL_DATE_RULES:
        for m in rule.pattern.finditer(text):
            if first is not None and m.start() >= first[0]:
                break
            if m["y"] and accept(rule.name, m, text):
                first = (m.start(), V.full_year(m["y"]))
                break
    return first[1] if first else None


def extract_timexes(text: str, published: date | None, sentences: Sequence[Span] = ()) -> list[Timex]:
    """Find the time expressions of ``text`` and normalize them to TIMEX3 values.

    Args:
        text: the article text.
        published: the publication date (the document creation time); deictic expressions
            ("yesterday", "Friday", "last week") are anchored on it. Without it they keep ``X``
            parts, and only values the text itself fixes are given.
        sentences: sentence spans of ``text``, if known; they bound the look-back for future-tense
            cues ("will meet Friday"). Without them, sentences are guessed from punctuation.

    Returns:
        The timexes in text order, non-overlapping, each a span of ``text`` with its type
        (DATE, TIME, DURATION, SET) and ISO value.
    """
    starts = [s.start for s in sentences] or [0] + [m.end() for m in GUESSED_BREAK.finditer(text)]
    ctx = Context(text, published, sorted(starts))
    kept = _resolve_overlaps(_candidates(text))
    ctx.explicit_days = _explicit_days(kept, ctx)
    if published is None:
        ctx.text_day = next((d for _, d in ctx.explicit_days), None)
    out: list[Timex] = []
    for i, c in enumerate(kept):
        kind, value = _normalized(c, ctx)
        update_narrative(ctx, c.rule.name, kind, value, c.match.start(), c.match.end())
        end = c.end
        tail = R.OPEN_END.match(text, end) if kind in ("DATE", "DURATION") else None
        if tail and (i + 1 == len(kept) or kept[i + 1].start >= tail.end()):
            end = tail.end()  # "1994 or later", "the next two years or so": TimeML keeps the modifier
        out.append(Timex(c.start, end, text[c.start:end], kind, value))
    return _timed_on_their_day(text, out)


# A clock time's day named right after it: "at 2 a.m. on Thursday".
_ON_DAY = re.compile(r"\s*,?\s+(?:on\s+)?")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _timed_on_their_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """The timexes, a clock time followed by the day it falls on ("2 a.m. on Thursday") dated that
    day instead of the publication day it was anchored on."""
    out = list(timexes)
    for k in range(len(out) - 1):
        time, day = out[k], out[k + 1]
        if time.type == "TIME" and "T" in time.value and day.type == "DATE" \
                and _DAY_VALUE.fullmatch(day.value) and _ON_DAY.fullmatch(text, time.end, day.start):
            out[k] = dataclasses.replace(time, value=day.value + time.value[time.value.index("T"):])
    return out
