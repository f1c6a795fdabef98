"""Context-free checks on candidate time expressions: drop what the patterns over-generate
(a lower-case "may" is not a month, "a 52-year-old" is an age, "2000 people" is no year).
"""

from __future__ import annotations

import calendar
import re

from newsweave.annotate import timex_rules as R
from newsweave.annotate import timex_values as V

Match = re.Match[str]
_THOUSANDS = re.compile(r"\d,\d{3}")


def _g(m: Match, name: str) -> str | None:
    return m.groupdict().get(name)


_MAY_NOT_MONTH = re.compile(
    r"\s+(?:be|have|not|also|well|still|even|never|need|want|I|we|you|he|she|they|it)\b", re.I)
_YEAR_NOT_YEAR = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|workers|jobs|shares|tons|barrels|cars|units|"
    r"members|employees|points|feet|meters|metres|miles|km|votes|students|acres|homes|dollars|yen|"
    r"hrs|hours|gmt|local\s+time)\b", re.I)  # "reconvenes at 1500 hrs": a clock time
# A newspaper named after its day: "the Sunday Times" (21 times in Reuters-21578 and BBC), "Sunday
# Telegraph" (18), "Sunday Express" (4), ... (case-sensitive: "Sunday times" is no title). Every such
# title in both corpora is a Sunday paper; after another day the word starts a name ("on Monday World
# Cup holders Italy ...").
_NEWSPAPER_AFTER = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|People|Herald|Mail|Post|Tribune|Independent|"
                              r"Business|Sport|World|Star|Standard|Observer)\b")
# A capitalized word right before: "Screen Daily" is a name.
_AFTER_A_NAME = re.compile(r"\b[A-Z][\w'’]*\s+$")
# "average daily volume", "average monthly output": the rate word gives a statistic its unit; the
# gold of the tune split of timex_dev.jsonl annotates none (2 of 2 "average daily" left out, against 7
# of 10 other "daily"); 33 such in Reuters-21578 ("average daily volume", "average weekly earnings")
_AVERAGE_BEFORE = re.compile(r"\baverage\s+$", re.I)
# A word or a comma right before: the position is inside a sentence, where "Noon" is a name.
# A line break ends the stretch: a headline without a period stands before the first sentence
# ("... Surgeon General\nToday, President Barack Obama ...": ECB+ dev).
_MID_SENTENCE = re.compile(r"[\w,][^\S\n]+$")
# "current" in the terms of accounts and economics: "the current account" (balance of payments: 45
# of the 2,200 "current" timexes in every 4th Reuters-21578 story), "current assets", "current
# affairs"; none is annotated in timex_dev.jsonl
_ACCOUNTING_TERM = re.compile(r"[\s-]+(?:accounts?|assets|liabilities|ratio|affairs)\b", re.I)
# A number after "the past": "the past three summers" counts things, it is no PAST_REF
_COUNTED_AFTER = re.compile(rf"\s+(?:\d+|{R.NUM_WORD}|few|several|many)\s+[a-z]+s\b", re.I)
# What follows "the night" when a phrase or a clause after it says which night it is.
_IDENTIFIED_AFTER = re.compile(r"\s+(?:of|the|a|an|when|that|he|she|they|it|we|I|his|her|their)\b")
# "today's youth", "many of today's personal computers", "the leaders of tomorrow": the present or the
# future in general, no day (tune split of timex_dev.jsonl: 3 such, none annotated; "today's editions",
# "tomorrow's vote" are the day and stay)
_GENERIC_NOUN = (r"(?:youth|young|children|kids|generations?|world|society|societies|standards|technology|"
                 r"technologies|economy|consumers|families|students|parents|teenagers|computers|cars|leaders|people|"
                 r"women|men|workers|jobs|cities|homes|schools|companies|businesses)")
_GENERIC_OWNER = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?" + _GENERIC_NOUN + r"\b", re.I)
_GENERIC_OF = re.compile(r"\b" + _GENERIC_NOUN + r"\s+of\s+$", re.I)
# "the March of the Combatant Mothers", "the March for Life": a name, no month
_MARCH_AS_NAME = re.compile(r"\s+(?:of\s+(?:the\s+)?|for\s+)[A-Z]")
_PERIOD_RELS = ("latest", "yearago", "year-ago", "yearearlier", "year-earlier", "same", "comparable", "corresponding",
                "previous", "prior", "current", "first", "second", "third", "fourth", "1st", "2nd", "3rd",
                "4th", "final", "last", "this", "next")


def _capitalized(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def _ok_month_token(m: Match, group: str) -> bool:
    word = _g(m, group)
    return word is None or not word[0].isalpha() or _capitalized(word)


def accept(name: str, m: Match, text: str) -> bool:
    """Context-free checks that drop candidates the patterns over-generate."""
    gd = m.groupdict()
    if gd.get("wd") and not _capitalized(gd["wd"]):
        return False
    if name == "weekday" and m["wd"].lower() == "sunday" and _NEWSPAPER_AFTER.match(text, m.end()):
        return False  # "the Sunday Times", "the Sunday Express": a newspaper
    if not all(_ok_month_token(m, g) for g in ("m", "m1", "m2", "tm")):
        return False
    if name != "holiday" and _quoted_title(m, text):
        return False
    if name == "month":
        word = m["m"]
        if len(word.rstrip(".")) <= 4 and word.lower() not in ("may", "june", "july", "sept."):
            return False
        if word.lower() == "may" and _MAY_NOT_MONTH.match(text, m.end()):
            return False
        if word == "March" and not (m["mod"] or m["rel"]) and _MARCH_AS_NAME.match(text, m.end()):
            return False
    if name in ("month_day", "week_of", "iso_date", "slash_date"):
        return _valid_day(m)
    if name == "year":
        # "over 1500m" is a distance: a year is not written with a letter right after it
        return (not _YEAR_NOT_YEAR.match(text, m.end()) and not (m.start() and text[m.start() - 1] == "-")
                and not text[m.end():m.end() + 1].isalpha())
    if name == "spelled_year":
        # "two thousand" alone is a number; "the year two thousand" a year
        return bool(m["ty"]) or not m["sy"].lower().startswith("two")
    if name == "part_of_day" and m["dw"].lower() == "the" and _IDENTIFIED_AFTER.match(text, m.end()):
        return False  # "the night of Oct. 23", "the night the plane went down": the modifier is the date
    if name == "reference" and m["w"].lower().endswith("past") and _COUNTED_AFTER.match(text, m.end()):
        return False  # "the past three elections", "the past few summers": a count, not the past
    if name == "reference" and m["w"].lower() == "current" and _ACCOUNTING_TERM.match(text, m.end()):
        return False  # "the current account deficit", "current assets": terms, not the present
    if name == "deictic_day" and m["w"].lower() in ("today", "tomorrow") and not (m["rel"] or m["mod"]) and (
            _GENERIC_OWNER.match(text, m.end()) or _GENERIC_OF.search(text[max(0, m.start() - 16):m.start()])):
        return False  # "today's youth", "the leaders of tomorrow": no day
    if name == "deictic_day" and m["w"].istitle() and _MID_SENTENCE.search(text[max(0, m.start() - 8):m.start()]):
        return False  # "This is VOA Today", "USA Today": a capitalized "Today" inside a sentence is a name
    if name == "time" and _capitalized(m["noon"]) and _MID_SENTENCE.search(text[max(0, m.start() - 8):m.start()]):
        return False  # "Jamie Noon", "High Noon": a name
    if name == "time" and m["noon"] and text[max(0, m.start() - 5):m.start()].lower() == "high ":
        return False  # "high noon comes today": the idiom, no clock time
    if name == "holiday":
        return _capitalized(m["h"])
    if name == "season":
        if m["s"].lower() == "fall" and (m["rel"] or "").lower() in ("", "the") and not (m["y"] or m["sy"]):
            # "the fall", "early fall": a season after a preposition of time ("in early fall"), not
            # the drop of "a sharp early fall in bonds" (Reuters)
            return _fall_is_season(m, text)
        # a bare "summer" is rarely annotated; "this summer", "summer 1989", "early summer" are
        return bool(m["rel"] or m["y"] or m["sy"]) or m.start("s") > m.start()
    if name == "decade_short":
        return bool(m["yy"] or m["the"])  # "in his sixties" is an age
    if name == "rel_unit" and m["u"].istitle():
        return False  # "Record Of The Year", "Player of the Year": a title, not a year
    if name == "set" and m["w"] and m["w"].istitle() and _AFTER_A_NAME.search(text[max(0, m.start() - 20):m.start()]):
        return False  # "Screen Daily": a newspaper
    if name == "set" and m["w"] and _AVERAGE_BEFORE.search(text[max(0, m.start() - 9):m.start()]):
        return False  # "the average daily volume": the unit of a statistic, not a recurring time
    if name == "rel_unit" and m["rel"].lower() in ("the", "the full", "the fiscal"):
        # "the end of the month", "the end of the week" name a month, a week; "the month" alone is a
        # duration, rarely annotated
        return m["u"].lower() in ("weekend", "year") or (m["u"].lower() in ("month", "week") and bool(m["mod"]))
    if name == "quarter":
        return _accept_quarter(m, text)
    if name == "duration":
        return _accept_duration(m, text)
    if name == "shift":
        # "157,000 week ago" in a livestock table is a count followed by "week ago": a number with
        # a thousands separator before a singular unit counts something else
        return bool(m["n"] or m["pl"]) and not (m["n"] and not m["pl"] and _THOUSANDS.search(m["n"]))
    return True


# A title in quotes: ABC's "This Week", CBS's ''60 Minutes'' (a capitalized unit word after the first
# word, right after an opening quote mark)
_TITLE_UNIT = re.compile(r"\s(?:Second|Minute|Hour|Day|Week|Weekend|Month|Year|Morning|Night|Evening)s?\b")
_OPENING_QUOTE = re.compile(r"(?:\"|“|``|'')$")


def _quoted_title(m: Match, text: str) -> bool:
    return bool(_TITLE_UNIT.search(m.group(0))) and bool(_OPENING_QUOTE.search(text[max(0, m.start() - 2):m.start()]))


# "the fall in prices", "the fall of the dollar" name a drop; the season is the object of a preposition
# of time ("in the fall", "by the fall") and is not followed by "of", "in", "from"
_TIME_PREPOSITION_BEFORE = re.compile(r"\b(?:in|by|during|until|till|through|over|before|after|since|for)\s+$", re.I)
_DROP_AFTER = re.compile(r"\s+(?:of|in|from)\b", re.I)


def _fall_is_season(m: Match, text: str) -> bool:
    before = text[max(0, m.start() - 12):m.start()]
    return bool(_TIME_PREPOSITION_BEFORE.search(before)) and not _DROP_AFTER.match(text, m.end())


def _valid_day(m: Match) -> bool:
    """A day that its month has ("November 31 1986", a typo in a Reuters story, is no date)."""
    gd = m.groupdict()
    day = int(gd.get("d") or gd.get("d1") or gd.get("d2") or 0)
    word = gd.get("m") or gd.get("m1") or gd.get("m2") or ""
    month = int(word) if word.isdigit() else R.MONTHS.get(word.lower().rstrip("."), 0)
    if not 1 <= month <= 12:
        return 1 <= day <= 31
    y = gd.get("y") or ""
    # as the slash date reads it: "2/29/87" is 1987, which has no Feb 29; no year allows Feb 29
    year = V.full_year(y) if len(y) in (2, 4) else 2000
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _accept_quarter(m: Match, text: str) -> bool:
    rel = (m["rel"] or "").lower()
    kind = m["q"].lower()
    if kind == "half":
        return rel in ("first", "second", "1st", "2nd") or (rel == "last" and bool(m["y"] or m["ofrel"]))
    if kind == "period":
        # "the latest period", "the year-ago period", "the 1988 period"
        return (rel in _PERIOD_RELS or bool(m["y0"])) and bool(m["the"] or m["yrel"]) and not m["pl"]
    if not (m["the"] or rel or m["yrel"] or m["fis"]):
        return False
    if text.startswith("-to-", m.end()):
        return False  # "the quarter-to-quarter change"
    # "a quarter of the vote" is a share; "the third quarter of $226.3 million" a period
    return bool(m["y"]) or not re.match(r"\s+of\s+(?![A-Z]*\$|\d)", text[m.end():])


# "three-quarters of its food" is a share; "the first two quarters of 1990", "of the year" are periods,
# and so are "two quarters of losses" (without the hyphen of a fraction)
_SHARE_OF = re.compile(r"\s+of\s+(?!(?:19|20)\d\d|fiscal|the\s+(?:fiscal\s+)?year|this|next|last)", re.I)


def _accept_duration(m: Match, text: str) -> bool:
    if m["old"]:
        return False  # ages ("a 52-year-old man") are not annotated in TimeBank
    n = m["n"].lower()
    unit = m["u"].lower()
    if m["lo"] and _SHIFT_AFTER.match(text, m.end()):
        return False  # "two or three years ago": the shift pattern reads it, as "three years ago"
    if unit in ("second", "quarter") and not m["pl"]:
        return False  # "a second term", "a quarter of the vote", "the 1988 second quarter"
    if unit == "quarter" and "-" in m["hy"] and _SHARE_OF.match(text, m.end()):
        return False
    if _THOUSANDS.search(n) and not m["pl"]:
        return False  # "129,000 week ago": a table's count, then "week ago"
    if re.fullmatch(R.YEAR, n) and unit == "year" and not m["pl"]:
        return False  # "1986 year loss", "in the 1986 year": the year named (Reuters tables)
    if _CLOCK_HOURS.fullmatch(n) and unit == "hour" and _AT_A_TIME.search(text, max(0, m.start() - 8), m.start()):
        return False  # "set for 1900 hours": a clock time, not 1,900 hours
    return not (n in ("some", "many") and not m["pl"])


# What makes a length a shift, as the shift pattern reads it ("three years ago", "two days later", not
# "30 days after the sale")
_SHIFT_AFTER = re.compile(r"\s+(?:ago|earlier|later|hence|from\s+now|previously|(?:before|after)(?![\s-]*[a-z0-9]))",
                          re.I)
# "at 1900 hours", "by 0600 hours": a 24-hour clock time after a preposition of time
_CLOCK_HOURS = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d|2400")
_AT_A_TIME = re.compile(r"\b(?:at|by|for|until|till|from|before|after)\s+$", re.I)
