"""TIMEX3 value arithmetic: ISO days, weeks, quarters, durations and shifts (no parsing here)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from newsweave.annotate import timex_rules as R


def full_year(digits: str) -> int:
    """A year written with four digits, or two as slash dates write it: over 30 is 19xx, else 20xx."""
    year = int(digits)
    if len(digits) == 4:
        return year
    return 1900 + year if year > 30 else 2000 + year


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


# How far ahead a future cue may carry a month-day without a year: a day a few weeks past ("holders of
# record Feb. 20" in a March 3 story) is no day eleven months ahead, which the text would give a year.
# With "payable"/"of record" as cues, 8,000 Reuters (1987) stories read 40 dividend dates differently:
# 37 right, and 3 wrong ("record Feb. 20" in a March story as next year's) without a limit, none wrong
# at 300 days. Value F1 on timex_dev.jsonl is the same at 240 to 365 days and with no limit (200: -0.1).
_FUTURE_REACH = timedelta(days=300)


_LEAP_SPAN = 8  # the most years between two Feb 29s


def month_day_near(anchor: date, month: int, day: int, months_ahead: int, future: bool,
                   reach: timedelta | None = _FUTURE_REACH) -> date | None:
    """The date ``month-day`` read from ``anchor``: the coming one when it falls within
    ``months_ahead`` months after ``anchor`` (or ``future``), else the latest one on or before it.

    Args:
        anchor: the day the text is read from (the publication date).
        month: 1-12.
        day: 1-31; an impossible day (30 February) gives None.
        months_ahead: how far ahead a date may lie and still be read as the coming one.
        future: the context points ahead ("will", "scheduled"): take the coming one, if it lies
            within ``reach`` (None: however far; "next March 3").

    Returns:
        The date, or None when no year has that day.
    """
    # Feb 29 comes once in four years (eight around 1900 and 2100): the years searched span that
    for year in range(anchor.year, anchor.year + _LEAP_SPAN + 1):
        try:
            ahead = date(year, month, day)
        except ValueError:
            continue
        if ahead >= anchor:
            break
    else:
        return None
    limit = anchor + relativedelta(months=months_ahead)
    if ahead == anchor or ahead <= limit:
        return ahead
    if future and (reach is None or ahead - anchor <= reach):
        return ahead
    for year in range(ahead.year - 1, ahead.year - _LEAP_SPAN - 1, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def weekday_near(anchor: date, weekday: int, future: bool) -> date:
    """The ``weekday`` (1=Monday) on or before ``anchor``, or on or after it when ``future``."""
    delta = (anchor.isoweekday() - weekday) % 7
    if future:
        return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor - timedelta(days=delta)


def number(word: str | None) -> float | None:
    """The number a quantity word or numeral stands for; None when vague ("several")."""
    if word is None:
        return None
    w = " ".join(word.lower().replace("-", " ").split())
    half = 0.5 if w.endswith("and a half") or w.endswith(" 1/2") else 0.0
    w = w.removesuffix(" and a half").removesuffix(" 1/2")
    if w in R.VAGUE_NUMBERS and w not in R.NUMBER_WORDS:
        return None
    if w in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[w] + half
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", w):
        return float(w.replace(",", "")) + half
    total = 0.0
    for part in w.split():
        if part not in R.NUMBER_WORDS:
            return None
        total = total * 100 if part == "hundred" and total else total + R.NUMBER_WORDS[part]
    return total + half


def spelled_year(words: str) -> int:
    """The year a spelled-out year names: "nineteen ninety-four" -> 1994, "two thousand one" -> 2001.

    Args:
        words: a match of :data:`timex_rules.SPELLED_YEAR`.

    Returns:
        The year.
    """
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("and", "thousand")]
    century = 1900 if parts[0] == "nineteen" else 2000
    return century + int(sum(R.NUMBER_WORDS[w] for w in parts[1:]))


# A fraction of a unit, in the next smaller one ("half a year" is P6M, "0.2 hours" PT12M; ISO 8601
# would allow P0.5Y): unit -> (letter, how many in the unit, is a time unit after the "T").
_SMALLER_UNIT = {"year": ("M", 12, False), "week": ("D", 7, False), "day": ("H", 24, True),
                 "hour": ("M", 60, True), "minute": ("S", 60, True)}


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration: ``P3D``, ``PT2H``, ``PXW``; quarters become months."""
    unit = unit.lower().removesuffix("s")
    letter, mult, is_time = R.UNITS[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        return prefix + "X" + R.UNKNOWN_MULTIPLE_UNIT.get(unit, letter)
    if letter == "Q":
        letter, mult = "M", 3
    amount = n * mult
    if 0 < amount < 1 and unit in _SMALLER_UNIT:
        small, per, small_is_time = _SMALLER_UNIT[unit]
        if amount * per == int(amount * per):  # "half an hour": PT30M, not PT0H30M
            return f"{'PT' if small_is_time else 'P'}{int(amount * per)}{small}"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    # the fraction in the next smaller unit: "2.5 years" P2Y6M, "1.25 hours" PT1H15M, "23.28 years" P23Y3M
    smaller = {"Y": (12, "M"), "H": (60, "M"), "M": (60, "S")}.get(letter) if letter != "M" or is_time else None
    if smaller is not None:
        whole, part = int(amount), round((amount - int(amount)) * smaller[0])
        if part == smaller[0]:
            return f"{prefix}{whole + 1}{letter}"
        return f"{prefix}{whole}{letter}" + (f"{part}{smaller[1]}" if part else "")
    return f"{prefix}{amount:g}{letter}"


def granular(d: date | None, unit: str) -> str:
    """``d`` at the granularity of ``unit`` (an unknown value of that granularity for None)."""
    unit = unit.lower()
    if d is None:
        return UNKNOWN_VALUES.get(unit.removesuffix("s"), "XXXX-XX-XX")
    if unit == "week":
        return week_value(d)
    if unit == "weekend":
        return week_value(d) + "-WE"
    if unit == "month":
        return month_value(d)
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit in ("century", "centurie"):
        return f"{d.year // 100:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    return day_value(d)


UNKNOWN_VALUES = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
            "decade": "XXX", "century": "XX", "quarter": "XXXX-QX"}


# The shift of ``k`` units of each unit a date moves by.
_STEPS: dict[str, Callable[[int], relativedelta]] = {
    "day": lambda k: relativedelta(days=k), "week": lambda k: relativedelta(weeks=k),
    "weekend": lambda k: relativedelta(weeks=k), "month": lambda k: relativedelta(months=k),
    "quarter": lambda k: relativedelta(months=3 * k), "year": lambda k: relativedelta(years=k),
    "decade": lambda k: relativedelta(years=10 * k), "century": lambda k: relativedelta(years=100 * k),
    "centurie": lambda k: relativedelta(years=100 * k)}


def shift_date(d: date, unit: str, n: float) -> date | None:
    """``d`` moved by ``n`` units (day, week, month, quarter, year, decade, century); None when the
    result falls outside the calendar Python can hold ("316,000 years ago" from a livestock table)."""
    step = _STEPS.get(unit.lower().removesuffix("s"))
    if step is None:
        return d
    try:
        shifted: date = d + step(int(n))
    except (OverflowError, ValueError):
        return None
    return shifted


def shift_value(value: str, years: int) -> str | None:
    """Shift a DATE value with a digit year by whole years, keeping its granularity (Feb 29 into a
    common year becomes Feb 28); None for a week or for a year out of ``date``'s range."""
    m = re.fullmatch(r"(\d{4})(-.*)?", value)
    if not m:
        return None
    rest = m.group(2) or ""
    if rest.startswith("-W"):
        return None
    year = int(m.group(1)) + years
    if not date.min.year <= year <= date.max.year:
        return None
    if rest.startswith("-02-29") and not calendar.isleap(year):
        rest = "-02-28" + rest[6:]  # a year before Feb 29 has no Feb 29: its last day of February
    return f"{year:04d}{rest}"
