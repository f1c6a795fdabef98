"""The state that normalizing time expressions carries through a text: the publication date, the
narrative time (the last day the text named) and the other values later expressions refer back to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsweave.annotate import timex_rules as R
from newsweave.annotate import timex_values as V
from newsweave.model import TimexType

# "Earlier that day" before the text names any day refers forward to the story's day: the first day
# named outright within this many sentences (seed 000, a Saturday paper reporting Friday's exchange,
# names Friday 5 sentences on). It changed no value on timex_dev.jsonl, where every "that day" has
# an antecedent.
CATAPHORA_SENTENCES = 6
# How far back (characters, within the sentence) a future cue ("will", "scheduled") is looked for.
# Value F1 on the tune split of timex_dev.jsonl: 81.4 at 60 and 80, 81.5 at 100, 81.4 at 140.
FUTURE_LOOKBACK = 100
# A month (or month-day) without a year at most this many months after the anchor month is read as
# the coming one ("closing is expected in December" in a November article), any other as the latest
# past one. Value F1 on the tune split of timex_dev.jsonl: 79.5 at 0 (always the past one), 81.0
# at 1, 81.5 at 2, 81.4 at 3 and 4.
MONTHS_AHEAD = 2
# How many months ahead a future cue ("will", "effective") may carry a month without a year; the
# months before the anchor's are the ones just gone, which a text means ("sales are expected to have
# risen in February" in a March story). As timex_values._FUTURE_REACH (300 days) for month-days.
FUTURE_MONTHS = 9


@dataclass(slots=True)
class Context:
    """What normalization needs: the text, the publication date and the narrative time so far."""

    text: str
    dct: date | None
    sentence_starts: list[int]
    ref_day: date | None = None  # the last day the text mentioned (narrative time)
    ref_pos: int = -1  # where the text named that day
    last_value: str | None = None  # the last DATE value with a digit year (for "a year earlier")
    last_value_pos: int = -1  # where the text named that value
    last_quarter: str | None = None  # the latest quarter the text named ("the third quarter")
    text_day: date | None = None  # without a DCT: the first full date the text gives (its dateline)
    explicit_days: list[tuple[int, date]] | None = None  # days named outright, by position
    period_is_quarter: bool = False  # the last reporting period named was a quarter, not "nine months"
    months_last: bool = False  # the last period named was a length of months ("the first nine months")
    previous_value: str | None = None  # the value of the last DATE timex that is no shift of another

    def week_anchor(self) -> date | None:
        """The day weekday names are read from: the DCT, else the text's own first full date."""
        return self.dct or self.text_day

    def cataphora(self, start: int) -> date | None:
        """For "earlier that day" before any day was named: the first day named outright in the
        next CATAPHORA_SENTENCES sentences (the day the story is about), else None."""
        later = [s for s in self.sentence_starts if s > start]
        limit = later[CATAPHORA_SENTENCES - 1] if len(later) >= CATAPHORA_SENTENCES else len(self.text)
        return next((d for pos, d in self.explicit_days or () if start < pos < limit), None)

    def narrative(self) -> date | None:
        """The day anaphoric expressions refer back to: the last mentioned day, else the DCT."""
        return self.ref_day or self.dct

    def fixed_anchor(self) -> date | None:
        """The anchor for a month-day without year: the DCT, else a day the text fixed earlier."""
        return self.dct or self.ref_day

    def since(self, start: int) -> bool:
        """Whether "since" stands right before ``start``: "since April" counts from a time gone."""
        return R.SINCE_BEFORE.search(self.text, max(0, start - 8), start) is not None

    def future(self, start: int, end: int | None = None) -> bool:
        """Whether the words just before ``start`` (same sentence) point to the future; or, for a
        timex that opens its sentence ("On Tuesday, the league plans to ..."), the clause after
        ``end`` does, before any past-tense verb.
        """
        sent = sentence_start(self.sentence_starts, start)
        window = self.text[max(sent, start - FUTURE_LOOKBACK):start]
        # A quotation closed before the timex has its own tense ('"No one will be left alone," he
        # told reporters on Tuesday'); an opening mark keeps the quoted words the timex is in.
        window = window[max(window.rfind(mark) for mark in _QUOTE_MARKS) + 1:]
        if end is not None and _FRONTED.fullmatch(window):
            after = self.text[end:end + FUTURE_LOOKBACK]
            after = after[:m.start()] if (m := _SENTENCE_END.search(after)) else after
            cue = re.search(R.FUTURE_CUES, after, re.IGNORECASE)
            past = R.PAST_VERB.search(after)
            return cue is not None and (past is None or cue.start() < past.start())
        if _SCHEDULED_FOR.search(window) or _AIMED_BY.search(window):
            return True  # "in a vote scheduled for Thursday" after "had expected"; "hoped to restore it by Monday"
        if R.PAST_RIGHT_BEFORE.search(window):
            return False  # "predicted Wednesday", "had been scheduled to expire Friday"
        if R.PRESENT_RIGHT_BEFORE.search(window):
            return True  # "the vote is Monday", "talks resume Monday"
        # a relative clause in the past that holds the timex has its own tense: "will miss six weeks with
        # an injury he suffered in Saturday's defeat"
        return re.search(R.FUTURE_CUES, window, re.IGNORECASE) is not None and _PAST_CLAUSE.search(window) is None


# A relative clause in the past that ends right before the timex: "an injury he suffered in [Saturday's]".
_PAST_CLAUSE = re.compile(
    r"\b(?:he|she|it|they|we|I|who|which|that)\s+(?:\w+ly\s+)?(?:\w{3,}ed|said|told|met|left|went|came|gave|took|"
    r"began|made|held|saw|won|lost|fled|sent|spoke|wrote|rose|fell|hit|got|broke)\s+(?:in|on|at|during)\s+$",
    re.IGNORECASE)
_QUOTE_MARKS = ('"', "“", "”", "«", "»")
# A participle that schedules the event right before its day, with no "was" of a schedule already past: "in a
# vote scheduled for Thursday" (a made-up protest story: a past perfect earlier in the sentence had dated it back).
_SCHEDULED_FOR = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bhad\s)\b"
                            r"(?:(?:scheduled|slated|planned|set)\s+for\s+"
                            # what is announced to begin on a day: "announced three days of national mourning
                            # beginning on Tuesday" (a made-up stadium story, dated the Tuesday before)
                            r"|(?:announced|declared|ordered|proclaimed)\s+[^.;:]{0,60}?\b(?:beginning|starting|"
                            r"commencing)\s+(?:on\s+|from\s+)?)$", re.IGNORECASE)
# A wish, an aim or a possibility and then "by" right before the day, in one clause: "the hospital still hoped to
# restore its main systems by Monday" (a made-up ransomware story), "aims to finish by Friday", "the borehole
# could reach the chamber by Wednesday evening" (a made-up mine story, dated the Wednesday before); not "could
# have".
_AIMED_BY = re.compile(r"\b(?:(?:hope[sd]?|aim(?:s|ed)?|intend(?:s|ed)?|expect(?:s|ed)?|plan(?:s|ned)?|want(?:s|ed)?)"
                       r"\s+to\s+|(?:could|may|might)\s+(?!have\b)"
                       # a demand with its deadline: "She called for a meeting with the custodian by Friday" (a
                       # made-up insolvency story, dated the Friday before)
                       r"|(?:call(?:s|ed)?|ask(?:s|ed)?)\s+for\s+|(?:demand(?:s|ed)?|urge[sd]?)\s+)[^.;,:]{0,60}?\bby\s+$",
                       re.IGNORECASE)
# What may stand before a timex that opens its sentence: a preposition, a conjunction, a quote mark.
_FRONTED = re.compile(r"""\s*[`'"“]*\s*(?:(?:and|but|so|then|on|by|from|until|after|before)\s+)?""", re.I)
_SENTENCE_END = re.compile(r"[.!?;]\s")


# Without sentence spans, a sentence ends at a line break or at ". " before a capital, unless the
# word before the period is a title or an abbreviation ("Mr. Schwarz will succeed ... Feb. 1").
GUESSED_BREAK = re.compile(
    r"\n|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    r"(?<!\bCo)(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bU\.S)(?<![A-Z])[.!?]\s+(?=[\"'`“A-Z])")


def sentence_start(starts: list[int], pos: int) -> int:
    """The start of the sentence holding ``pos`` (``starts`` sorted)."""
    best = 0
    for s in starts:
        if s > pos:
            break
        best = s
    return best


def completed_quarter(dct: date | None) -> str:
    """The last quarter completed before ``dct`` (``9999-Q4`` when there is no DCT)."""
    if dct is None:
        return "9999-Q4"
    index = dct.year * 4 + V.quarter_of(dct) - 2
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def current_quarter(dct: date | None) -> str:
    """The quarter ``dct`` falls in (``9999-Q4`` when there is no DCT)."""
    if dct is None:
        return "9999-Q4"
    return f"{dct.year:04d}-Q{V.quarter_of(dct)}"


_YEAR_SHIFTED = re.compile(r"(?i)year[\s-]+(?:ago|earlier)")
# "the quarter ended Sept. 30": the day names the end of a reporting period that has a DATE value of
# its own, which stays what a later "a year earlier" compares with. "The six months ended Aug. 12"
# and "the year ended Aug. 31" are DURATIONs (TimeBank): there the day is the reference.
_ENDS_PERIOD = re.compile(r"(?i)\b(?:quarter|period|half)\s+end(?:ed|ing)\s+(?:on\s+)?$")
_ENDED_AFTER = re.compile(r"(?i)\s+end(?:ed|ing)\s")
# "the current quarter", "next year's first quarter": a quarter to come, not one being reported
_NOT_REPORTED = re.compile(r"(?i)\b(?:current|this|next|coming)\b")


def update_narrative(ctx: Context, rule: str, kind: TimexType, value: str, start: int, end: int) -> None:
    """Move the narrative time after a timex of ``rule`` normalized to ``kind``/``value``.

    Args:
        ctx: the context to update.
        rule: the name of the pattern that matched.
        kind: the TIMEX3 type given.
        value: the value given.
        start: where the timex's match starts in ``ctx.text``.
        end: where it ends; "the year-ago quarter" is no reference for the next "year-ago", and
            the words around tell a period's end day ("the quarter ended Sept. 30") and a fiscal
            quarter ("the fiscal first quarter", "the fourth quarter ended Aug. 26").
    """
    months = re.fullmatch(r"P(\d+)M", value) if kind == "DURATION" else None
    if months and int(months[1]) <= 12 and "-" not in ctx.text[start:end]:
        # "in the first nine months": the period a later "the 1988 period" means; not a "six-month
        # contract" (an adjective) or "the same 1985 month" misread as 1985 months
        ctx.period_is_quarter = False
        ctx.months_last = True
    if kind not in ("DATE", "TIME"):
        return
    text = ctx.text[start:end]
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    since = ctx.since(start)
    told = m is not None and ctx.ref_pos >= sentence_start(ctx.sentence_starts, start) \
        and R.SAID_BEFORE.search(ctx.text, max(0, start - 40), start) is not None
    # nor the day an earlier level was given: "85,000 patients, up from the 30,000 it cited on Tuesday. The same
    # day, the gang wrote ..." (a made-up ransomware story in Wednesday's paper: Wednesday)
    earlier = R.EARLIER_LEVEL_BEFORE.search(ctx.text, max(0, start - 60), start) is not None
    if m and not since and not told and not earlier:  # "the lowest since January 27": no day the story moves to
        # nor the day a sentence that named its event's day was said: "struck late on Saturday, ...,
        # officials said on Sunday. The quake hit at 11:42 p.m." (Saturday's)
        ctx.ref_day = date(int(m[1]), int(m[2]), int(m[3]))
        ctx.ref_pos = start
    # a year-shifted value ("two years ago", "the year-ago quarter", "last year" read as the quarter
    # a year back, "the 1988 period" after the 1989 one) is not a new reference for "a year earlier"
    # nor is the point a comparison reaches back to ("the lowest since December 1977": "a month earlier"
    # after it is a month before the story's month, not November 1977)
    shifted = (rule in ("shift", "year_ago_adj") or _YEAR_SHIFTED.search(text) is not None
               or (rule == "rel_unit" and value[4:6] in ("-Q", "-H"))
               or (ctx.last_quarter is not None and value == V.shift_value(ctx.last_quarter, -1))
               or since)
    if kind == "DATE" and not shifted:
        ctx.previous_value = value
    if kind != "DATE" or not re.match(r"\d{4}", value) or shifted:
        return
    if not (m and _ENDS_PERIOD.search(ctx.text, max(0, start - 40), start)):
        ctx.last_value = value
        ctx.last_value_pos = start
        ctx.months_last = False
    if not re.fullmatch(r"\d{4}-Q\d", value):
        return
    ctx.period_is_quarter = True
    current = current_quarter(ctx.dct)
    in_progress = value == current
    if in_progress and ctx.last_quarter is None and not _NOT_REPORTED.search(text):
        # the calendar quarter the DCT falls in has not ended: a quarter named by its ordinal
        # before any other is a company's fiscal quarter being reported ("Ralston Purina reported
        # a 47% decline in fourth-quarter earnings" on November 2: "the latest period" after it
        # is that quarter; tune split of timex_dev.jsonl, 2 values). It holds until a completed
        # quarter is named.
        ctx.last_quarter = value
    elif value <= completed_quarter(ctx.dct):
        fiscal = "fiscal" in text.lower() or _ENDED_AFTER.match(ctx.text, end) is not None
        provisional = ctx.last_quarter == current
        if fiscal or provisional or (ctx.last_quarter or "") < value:
            # the latest quarter named is the one being reported; a fiscal quarter is a company's
            # own reporting period, named after any calendar quarter the text gave before
            ctx.last_quarter = value
