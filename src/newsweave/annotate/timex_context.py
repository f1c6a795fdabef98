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


@dataclass(slots=True)
class Context:
    """What normalization needs: the text, the publication date and the narrative time so far."""

    text: str
    dct: date | None
    sentence_starts: list[int]
    ref_day: date | None = None  # the last day the text mentioned (narrative time)
    last_value: str | None = None  # the last DATE value with a digit year (for "a year earlier")
    last_quarter: str | None = None  # the latest quarter the text named ("the third quarter")
    text_day: date | None = None  # without a DCT: the first full date the text gives (its dateline)
    explicit_days: list[tuple[int, date]] | None = None  # days named outright, by position

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

    def future(self, start: int) -> bool:
        """Whether the words just before ``start`` (same sentence) point to the future."""
        sent = sentence_start(self.sentence_starts, start)
        window = self.text[max(sent, start - FUTURE_LOOKBACK):start]
        if R.PAST_RIGHT_BEFORE.search(window):
            return False  # "predicted Wednesday", "had been scheduled to expire Friday"
        return re.search(R.FUTURE_CUES, window, re.IGNORECASE) is not None


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


_YEAR_SHIFTED = re.compile(r"(?i)year[\s-]+(?:ago|earlier)")


def update_narrative(ctx: Context, rule: str, kind: TimexType, value: str, text: str = "") -> None:
    """Move the narrative time after a timex of ``rule`` normalized to ``kind``/``value``.

    Args:
        ctx: the context to update.
        rule: the name of the pattern that matched.
        kind: the TIMEX3 type given.
        value: the value given.
        text: the timex's words; "the year-ago quarter" is no reference for the next "year-ago".
    """
    if kind not in ("DATE", "TIME"):
        return
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        ctx.ref_day = date(int(m[1]), int(m[2]), int(m[3]))
    # a year-shifted value is not a new reference for the next "a year earlier"
    if (kind == "DATE" and re.match(r"\d{4}", value) and rule not in ("shift", "year_ago_adj")
            and not _YEAR_SHIFTED.search(text)):
        ctx.last_value = value
        if re.fullmatch(r"\d{4}-Q\d", value) and (ctx.last_quarter or "") < value <= completed_quarter(ctx.dct):
            ctx.last_quarter = value  # the latest quarter named: the one being reported
