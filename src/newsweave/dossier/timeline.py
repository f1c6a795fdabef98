"""The story timeline: dated events, each cited by every outlet that reports it.

An event is the sentence that carries a day-precision date (a DATE or TIME timex whose value starts
with ``YYYY-MM-DD``). A sentence is no event of its date when the date only bounds it ("until
January 19"), when the date is a deictic word in first-person speech ("today I turned to the CSTO":
the speaker's today) or a day told from another inside quoted words ("The next day is
decisive," a spokesman said), when it dates the saying of a sentence that dates its event earlier
("struck late on Saturday, officials said on Sunday"), when it restates a time in another zone ("11:42 p.m.
local time (0442 GMT on Sunday)"), or when it is a headline, caption or dateline (no sentence end).
An article's lead sentence, when it carries no date of its own, is dated on the publication day (news
leads report the news of the day), unless "Earlier that day" or "Earlier on Friday" right after it
puts it on that day. Entries on the same date whose sentences share enough content words are one
event, citing all their reports. Dates far from the story's own days (the 1992 treaty in a January
2022 story) are kept, marked ``background``. A deictic word in quoted words is told from the day the
sentence says they were said: '"The vote is tonight," a spokesman said on Monday' is Monday night in
Tuesday's paper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsweave.annotate.timex_rules import EARLIER_LEVEL_BEFORE, SAID_BEFORE
from newsweave.model import Annotations, Article, Cite, CitedText, Span, Timex

# The story's own days run from BACKGROUND_BEFORE days before its earliest publication to
# BACKGROUND_AFTER days after its latest. A week back covers the recap of how the story began (the
# seed protests began 4 days before the first seed article) while leaving out anniversaries and
# precedents (the 2021 Capitol riot, Christmas); three months ahead keep announced next steps (a
# made-up recall story: "Dealers will begin notifying owners on Nov. 15", six weeks on; a cup final, a
# court hearing, a vote), which the past has no counterpart of.
BACKGROUND_BEFORE = timedelta(days=7)
BACKGROUND_AFTER = timedelta(days=92)
# Two reports on one date are one event when they share at least MERGE_MIN_SHARED content words
# and at least MERGE_MIN_OVERLAP of the shorter one's content words. Set by reading the seed story's
# same-date pairs (the CSTO appeal of 5 January worded by four outlets shares 4-7 content words,
# 0.4-0.6 of the shorter); there is no gold timeline corpus beyond the seeds to tune on.
MERGE_MIN_SHARED = 3
MERGE_MIN_OVERLAP = 0.35
# A sentence with fewer words than this outside its timexes is a dateline, not an event.
MIN_EVENT_WORDS = 4
MAX_EVENT_CHARS = 400  # longer sentences are cut to the clause around the date

# "Earlier that day" may date the lead when it comes within this many sentences after it (the
# seed 000 lead is followed at once by "Earlier that day, ..."; 2 allows one sentence between).
LEAD_REACH = 2

# A note of the editors about the article, no event of the story: a translation's or a correction's note, a
# photo's caption ("Photo: Protesters wave Czech flags ... on Saturday."), the reporting credits (made-up mine,
# loan and protest stories: "This article was translated from Arabic.", "Correction: An earlier version of this
# article, published on May 18, said ...").
EDITORS_NOTE = re.compile(
    r"\s*[\[(]?(?:This\s+(?:article|story|report|piece|version)\s+(?:was|has\s+been|is)\s+(?:translated|updated|"
    r"corrected|amended|first|originally)|(?:Additional\s+)?[Rr]eporting\s+by|Writing\s+by|Editing\s+by|"
    r"(?:Translated|Adapted)\s+from\s+(?:the\s+)?[A-Z]|"
    r"(?:Correction|CORRECTION|Clarification|CLARIFICATION)\s*(?:[:(]|,[^:\n]{0,30}:)|"
    r"(?:Editor'?s\s+[Nn]ote|Photo|PHOTO|Picture|Caption|CAPTION|Image)\s*:|"
    r"An\s+earlier\s+version\s+(?:of\s+this|said|stated|reported|gave|misspelled|incorrectly))")
_SENTENCE_END = re.compile(r"[.!?…;:][\"'”’»)\]]*\s*$")
_DEICTIC = re.compile(r"(?i)^(?:today|tonight|tomorrow|yesterday|now|(?:this|last)\s+"
                      r"(?:morning|afternoon|evening|night))$")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s)\b")
# A date told from a day the text has named: "the next day", "that morning", "the day before".
_ANAPHOR = re.compile(r"(?i)\b(?:(?:next|following|previous|preceding|same|that)\s+(?:day|morning|afternoon|evening|"
                      r"night)|day\s+(?:before|after))\b")
# A date after one of these words bounds the event instead of dating it ("a state of emergency
# until January 19" was declared on 5 January), as does the end of a range ("an attack that ran
# from Sept. 1 to Sept. 9", said on 15 September).
_LIMIT = re.compile(r"(?i)\b(?:until|till|through|since|before|after|from|(?:from|between)\s+[\w.,]+(?:\s+[\w.,]+)"
                    r"{0,3}?\s+(?:to|and))\s+(?:the\s+)?$")
# A time that opens a relative clause set off by commas dates what the clause tells of someone, not the sentence's
# event: "Prosecutor Huamán Salazar, who on Tuesday told reporters that ..., read out parts of the statement" at
# Thursday's hearing (a made-up bribery story had dated the reading Tuesday).
_RELATIVE_OPENS = re.compile(r"(?i),\s+(?:who|which)\s+(?:had\s+|has\s+)?(?:on|last|earlier\s+on)\s+$")
# A day inside a relative clause, when a day outside the clause dates the sentence: "Governor Bakare, who visited the
# site late yesterday, this morning ordered the suspension of all work" (a made-up building collapse story had dated
# the order the day before too); "Estonia on Monday declared two Russian diplomats persona non grata, accusing them
# of recruiting an Estonian citizen who was sentenced ... on Friday" (a made-up Estonian story).
_RELATIVE_BEFORE = re.compile(r"(?i)(?:(,)|\b([a-z]+))\s+(?:who|which)\b[^,;()\"“”]*$")
# Words after which "who" or "which" asks, opening no relative clause: "trying to establish who started the fire
# on Friday, the fire chief said on Sunday".
_ASKING_WORDS = frozenset({"establish", "determine", "know", "knew", "known", "unclear", "clear", "sure", "ask",
                           "asked", "asking", "wonder", "wondered", "explain", "investigate", "investigating",
                           "decide", "discover", "find", "learn", "see", "say", "said", "tell", "told", "about",
                           "on", "of", "over", "to", "as", "and", "or", "but", "identify", "show", "reveal"})
_CLAUSE_CLOSES = re.compile(r"[^,;()\"“”]*(?:,|$)")
# Two times side by side name one time, the second restating the first: "Two days later, on Tuesday, the MPF filed
# a lawsuit" (a made-up bridge story had dated it two days after the Monday named before, too); the relative one
# yields.
_RESTATING = re.compile(r"\s*,\s*(?:on\s+|in\s+|at\s+)?")
_RELATIVE_TIME = re.compile(r"(?i)\b(?:later|earlier|before|after|ago|next|following|previous|preceding)\b")
# What lies between a time and its restatement in another zone: " (0442 GMT on ", " (2211 GMT) on ".
_CONVERSION = re.compile(r"\s*\(\s*(?:[\d:.]+\s*)?(?:GMT|UTC|[A-Z]{2,4}T)?\s*(?:on\s+)?")
# A day in the possessive names an earlier event the sentence tells something of ("a committee of inquiry into
# Sunday's crush ... announced on Tuesday", a made-up stadium crush story had dated the committee Sunday): it dates
# no event after a preposition of what the sentence is about, nor beside another day, unless it tells when the event
# was ("at Sunday's hearing, the judge said"; "an injury he suffered in Saturday's defeat, the club said on
# Monday"). The paper's own day stays: what a sentence tells of "today's meeting" is mostly of that day too
# ("Bankers declined to comment on today's meeting", Reuters).
_POSSESSIVE = re.compile(r"['’]s\b")
_TODAY = re.compile(r"(?i)^(?:today|tonight|this\s+(?:morning|afternoon|evening))$")
_ABOUT_BEFORE = re.compile(r"(?i)\b(?:of|into|from|over|about|following|for|on|against|behind|by|despite)\s+$")
_DURING_BEFORE = re.compile(r"(?i)\b(?:in|at|during)\s+$")
_SAME_DAY = re.compile(r"(?i)^(?:earlier|later)\s+(?:that|the\s+same)\s+day$")
_EARLIER_ON = re.compile(r"(?i)\b(?:earlier|later)\s+(?:on\s+)?$")
_STOPWORD_TEXT = (
    "a an the and or but of in on at to for from by with about as into over after before than that "
    "this these those it its is are was were be been being has have had do did does not no he she "
    "they them his her their we our you your i me my who whom which what when where why how also "
    "said says say will would could should may might can there here then so such some any all more "
    "most other one two three first last earlier later day days week year")
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


@dataclass
class _Event:
    day: date
    text: str
    cites: list[Cite]
    words: set[str]
    published: date | None


def _content_words(text: str) -> set[str]:
    return {w[:6] for w in (t.lower() for t in _WORD.findall(text)) if w not in _STOPWORDS}


def _day_of(value: str) -> date | None:
    m = _DAY_VALUE.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _containing(sentences: Sequence[Span], start: int, end: int) -> Span | None:
    for s in sentences:
        if s.start <= start and end <= s.end:
            return s
    return None


def _trim(article: Article, sent: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence without edge spaces; cut to the clause around ``start:end`` when too long."""
    text = article.text
    a, b = sent.start, sent.end
    if b - a > MAX_EVENT_CHARS:
        cuts = [m.end() for m in re.finditer(r"[;:]\s+", text[a:b])]
        before = [c for c in cuts if a + c <= start]
        after = [c for c in cuts if a + c >= end]
        a, b = (a + before[-1] if before else a), (a + after[0] if after else b)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def in_editors_note(text: str, sentences: Sequence[Span], pos: int) -> bool:
    """Whether position ``pos`` of an article lies in a sentence that is an editor's note (``EDITORS_NOTE``):
    a correction's retracted figure and its words are no report of the story."""
    sent = _containing(sentences, pos, pos)
    return sent is not None and EDITORS_NOTE.match(text, sent.start) is not None


def _is_caption(text: str) -> bool:
    """A headline, caption or dateline: no sentence-final punctuation ("Shoot to kill",
    "7 January 2022, 20:28 GMT")."""
    return not _SENTENCE_END.search(text)


def _speaker_time(article: Article, sent: Span, tx: Timex) -> bool:
    """Whether ``tx`` is a deictic word ("today") inside first-person speech, whose "now" is the
    speaker's, not the publication's ("today I turned to the CSTO", said on 5 January). In a quotation
    without "I" or "we" it stays: wire copy quotes the day's statements ('"Mr. Soros has told the company
    today that ..."')."""
    return bool(_DEICTIC.match(tx.text)) and _FIRST_PERSON.search(article.text[sent.start:sent.end]) is not None


def _quoted(ann: Annotations, tx: Timex) -> bool:
    return any(q.form == "direct" and q.content.start <= tx.start and tx.end <= q.content.end for q in ann.quotes)


def _converted(text: str, before: Timex, tx: Timex) -> bool:
    """Whether ``tx`` restates the time before it in another zone, in parentheses: "at 11:42 p.m. local
    time (0442 GMT on Sunday)"."""
    return before.type == "TIME" and _CONVERSION.fullmatch(text, before.end, tx.start) is not None


def _from_saying_day(article: Article, ann: Annotations, others: Sequence[tuple[Timex, date]], sent: Span,
                     tx: Timex, day: date) -> date:
    """The day of a deictic word inside quoted words, told from the day the sentence says they were
    said: '"The vote is tonight," a spokesman said on Monday' in Tuesday's paper is Monday night, not
    Tuesday's. ``day`` itself when the sentence dates no saying, or the article no publication. ``others``: the
    sentence's other dated times."""
    if article.published is None or not _DEICTIC.match(tx.text) or not _quoted(ann, tx):
        return day
    said = next((d for t, d in others if not _quoted(ann, t) and _dates_saying(article.text, sent, t)), None)
    return day if said is None else said + (day - article.published)


def _dates_saying(text: str, sent: Span, tx: Timex) -> bool:
    """Whether ``tx`` follows a speech verb (``timex_rules.SAID_BEFORE``): it dates the saying, not an
    earlier day the sentence gives its event ("struck late on Saturday, ..., officials said on Sunday";
    but "announced today the options will begin trading on May 29" is dated both days)."""
    return SAID_BEFORE.search(text, max(sent.start, tx.start - 40), tx.start) is not None


def _names_earlier_event(text: str, others: Sequence[tuple[Timex, date]], sent: Span, tx: Timex) -> bool:
    """Whether ``tx`` is a day in the possessive ("Sunday's crush") that dates no event of its sentence: after a
    preposition ("an inquiry into Sunday's crush") or beside a day that is not possessive, unless "in", "at" or
    "during" makes it the time of an event ("suffered in Saturday's defeat")."""
    if not _POSSESSIVE.match(text, tx.end) or _TODAY.match(tx.text):
        return False
    if _ABOUT_BEFORE.search(text, max(sent.start, tx.start - 20), tx.start):
        return True
    if _DURING_BEFORE.search(text, max(sent.start, tx.start - 20), tx.start):
        return False  # "an injury he suffered in Saturday's defeat, the club said on Monday": Saturday's
    return any(not _POSSESSIVE.match(text, t.end) for t, _ in others)


def _in_relative_clause(text: str, others: Sequence[tuple[Timex, date]], sent: Span, tx: Timex) -> bool:
    """Whether ``tx`` lies inside a relative clause (", who visited the site late yesterday,", "who was sentenced
    ... on Friday.") while another day of the sentence, outside the clause, dates its event."""
    opens = _RELATIVE_BEFORE.search(text, sent.start, tx.start)
    closes = _CLAUSE_CLOSES.match(text, tx.end, sent.end)
    if opens is None or closes is None or (opens[1] is None and opens[2].lower() in _ASKING_WORDS):
        return False
    return any(not opens.start() <= t.start < closes.end() for t, _ in others)


def _restated_after(text: str, days: Sequence[tuple[Timex, date | None]], k: int) -> bool:
    """Whether the time ``days[k]``, a relative one ("two days later"), is restated by the one right after it ("...,
    on Tuesday"), which dates the event instead."""
    tx = days[k][0]
    if k + 1 >= len(days) or days[k + 1][1] is None or not _RELATIVE_TIME.search(tx.text):
        return False
    after = days[k + 1][0]
    return _RESTATING.fullmatch(text, tx.end, after.start) is not None and not _RELATIVE_TIME.search(after.text)


def _quoted_anaphor(ann: Annotations, tx: Timex) -> bool:
    """Whether ``tx`` dates itself by the narrative ("the next day", "that morning") inside a
    speaker's quoted words, where the day it follows is the speaker's, not the article's ("The next day
    is decisive," said the fire service's spokesman)."""
    return bool(_ANAPHOR.search(tx.text)) and _quoted(ann, tx)


def _lead_index(article: Article, ann: Annotations) -> int | None:
    """The position of the article's lead: its first sentence that is no headline, dateline or editor's
    note ("This article was translated from Spanish.")."""
    return next((i for i, s in enumerate(ann.sentences) if not _is_caption(article.text[s.start:s.end])
                 and not EDITORS_NOTE.match(article.text, s.start) and not _is_title(article, s)), None)


def _is_title(article: Article, sent: Span) -> bool:
    """Whether a sentence is the article's headline, which a question mark ends ("Prague's pension revolt: how
    big was the crowd, really?") as a full stop ends a sentence."""
    text = article.text[sent.start:sent.end].strip()
    title = (article.title or "").strip()
    # a headline the sentence splitter cut at an abbreviation: "Hoshikawa to shed 8,000 jobs, incl." of "..., incl.
    # 3,000 in Japan" (a made-up story of a Japanese company)
    return bool(title) and bool(text) and (text == title or (sent.start < len(title) + 2 and title.startswith(text)))


def _lead_day(article: Article, ann: Annotations, lead: int) -> date | None:
    """The day of the article's lead event (its sentence ``lead``).

    News leads report the news of the publication day, unless the text soon says the lead happened
    on another day: "Earlier that day, ..." or "Earlier on Friday, ..." right after the lead puts
    the lead on that day (a Saturday paper reporting Friday's exchange).
    """
    if not ann.timexes:
        return article.published
    first = ann.timexes[0]  # only the text's first time expression can move the lead
    before = article.text[max(0, first.start - 12):first.start]
    same_day = _SAME_DAY.match(first.text) or _EARLIER_ON.search(before)
    sent_index = next((i for i, s in enumerate(ann.sentences) if s.start <= first.start < s.end), None)
    day = _day_of(first.value)
    if same_day and day and sent_index is not None and sent_index - lead <= LEAD_REACH:
        return day
    return article.published


def _event(article: Article, day: date, sent: Span, start: int, end: int) -> _Event:
    a, b = _trim(article, sent, start, end)
    return _Event(day, article.text[a:b], [Cite(article.id, a, b)], _content_words(article.text[a:b]),
                  article.published)


def _events_of(article: Article, ann: Annotations) -> list[_Event]:
    events: dict[tuple[date, int, int], _Event] = {}
    dated_sentences: set[int] = set()
    days = [(tx, _day_of(tx.value) if tx.type in ("DATE", "TIME") else None) for tx in ann.timexes]
    sents = [_containing(ann.sentences, tx.start, tx.end) for tx in ann.timexes]
    # each time's sentence's other dated times, and the possessive days that date no event ("Sunday's crush"),
    # found once per article
    others = [[(t, d) for j, (t, d) in enumerate(days) if j != k and d is not None and s.start <= t.start < s.end]
              if s is not None else [] for k, s in enumerate(sents)]
    no_event = {id(tx) for (tx, _), s, near in zip(days, sents, others, strict=True)
                if s is not None and _names_earlier_event(article.text, near, s, tx)}
    # (a background day, "in the year ended March 31", does not make "announced on 12 May" a saying's day)
    recent = article.published - BACKGROUND_BEFORE if article.published else None
    for k, ((tx, day), sent) in enumerate(zip(days, sents, strict=True)):
        if day is None or sent is None:
            continue
        dated_sentences.add(sent.start)
        day = _from_saying_day(article, ann, others[k], sent, tx, day)
        outside = (article.text[sent.start:tx.start] + article.text[tx.end:sent.end]).split()
        earlier = [d for t, d in others[k] if d < day and (recent is None or d >= recent) and id(t) not in no_event]
        if (len(outside) < MIN_EVENT_WORDS or _is_caption(article.text[sent.start:sent.end])
                or EDITORS_NOTE.match(article.text, sent.start)
                or _speaker_time(article, sent, tx) or _quoted_anaphor(ann, tx)
                or _LIMIT.search(article.text, sent.start, tx.start)
                or EARLIER_LEVEL_BEFORE.search(article.text, max(sent.start, tx.start - 60), tx.start)
                or _RELATIVE_OPENS.search(article.text, max(sent.start, tx.start - 30), tx.start)
                or id(tx) in no_event
                or (earlier and _dates_saying(article.text, sent, tx))
                or (k and _converted(article.text, days[k - 1][0], tx))
                or _in_relative_clause(article.text, others[k], sent, tx)
                or _restated_after(article.text, days, k)):
            continue
        ev = _event(article, day, sent, tx.start, tx.end)
        events.setdefault((day, ev.cites[0].start, ev.cites[0].end), ev)
    lead_index = _lead_index(article, ann)
    if lead_index is None or ann.sentences[lead_index].start in dated_sentences:
        return list(events.values())
    lead_day, lead = _lead_day(article, ann, lead_index), ann.sentences[lead_index]
    if lead_day:
        ev = _event(article, lead_day, lead, lead.start, lead.start)
        if len(ev.text.split()) >= MIN_EVENT_WORDS and not _is_caption(ev.text):
            events.setdefault((lead_day, ev.cites[0].start, ev.cites[0].end), ev)
    return list(events.values())


def _same_event(x: _Event, y: _Event) -> bool:
    shared = len(x.words & y.words)
    smaller = max(1, min(len(x.words), len(y.words)))
    return shared >= MERGE_MIN_SHARED and shared / smaller >= MERGE_MIN_OVERLAP


def _merge(events: list[_Event]) -> list[_Event]:
    """Group same-date events with similar wording; the earliest (then longest) report leads."""
    def rank(e: _Event) -> tuple[date, int]:
        return (e.published or date.max, -len(e.text))

    merged: list[_Event] = []
    for ev in sorted(events, key=rank):
        for group in merged:
            same_article = any(c.article == ev.cites[0].article for c in group.cites)
            if group.day == ev.day and not same_article and _same_event(group, ev):
                group.cites.extend(ev.cites)
                group.words |= ev.words
                break
        else:
            merged.append(_Event(ev.day, ev.text, list(ev.cites), set(ev.words), ev.published))
    return merged


def _story_window(items: Sequence[tuple[Article, Annotations]],
                  events: list[_Event]) -> tuple[date, date] | None:
    published = [a.published for a, _ in items if a.published]
    if not published and events:
        # no publication dates: the most reported day stands in for the story's day
        counts: dict[date, int] = {}
        for e in events:
            counts[e.day] = counts.get(e.day, 0) + len(e.cites)
        published = [max(counts, key=lambda d: (counts[d], d))]
    if not published:
        return None
    return min(published) - BACKGROUND_BEFORE, max(published) + BACKGROUND_AFTER


def build_timeline(items: Sequence[tuple[Article, Annotations]]) -> list[CitedText]:
    """The dated events of one story, merged across outlets, oldest first.

    Args:
        items: the story's articles with their annotations (``sentences`` and ``timexes`` filled;
            timex values normalized against each article's publication date).

    Returns:
        One ``CitedText`` per event: ``date`` is the ISO day, ``text`` the event sentence from the
        earliest (then longest) report, ``citations`` every report of it (article, start, end).
        Ordered by date, then by number of citations (most first). Events outside the story's own
        days (see ``BACKGROUND_BEFORE``) have ``background=True``.
    """
    events = [ev for article, ann in items for ev in _events_of(article, ann)]
    merged = _merge(events)
    window = _story_window(items, merged)
    merged.sort(key=lambda e: (e.day, -len(e.cites), e.published or date.max, e.text))
    return [
        CitedText(text=e.text, citations=tuple(e.cites), date=e.day.isoformat(),
                  background=window is not None and not (window[0] <= e.day <= window[1]))
        for e in merged
    ]
