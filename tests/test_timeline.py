"""The story timeline: seed gold dates, merging across outlets, background dates."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsweave.annotate.timexes import extract_timexes
from newsweave.dossier.timeline import build_timeline
from newsweave.model import Annotations, Article, CitedText, Span

_BREAK = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"])")


def split_sentences(text: str) -> tuple[Span, ...]:
    """A simple splitter: lines, then sentence-final punctuation before a capital."""
    out: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for brk in _BREAK.finditer(line.group(0)):
            out.append(Span.of(text, start, line.start() + brk.start()))
            start = line.start() + brk.end()
        out.append(Span.of(text, start, line.end()))
    return tuple(out)


def _item(article_id: str, text: str, published: date | None) -> tuple[Article, Annotations]:
    sentences = split_sentences(text)
    timexes = tuple(extract_timexes(text, published, sentences))
    return Article(article_id, text, published), Annotations(article_id, sentences, timexes=timexes)


@pytest.fixture(scope="module")
def seed_timeline(corpora_dir: Path, seed_texts: dict[str, str]) -> list[CitedText]:
    items = []
    for path in sorted((corpora_dir / "seeds").glob("*.txt")):
        head = path.read_text(encoding="utf-8")[:17]
        published = date.fromisoformat(head[6:16]) if head.startswith(" date ") else None
        items.append(_item(path.stem, seed_texts[path.stem], published))
    return build_timeline(items)


@pytest.mark.gold
@pytest.mark.parametrize("day", ["2022-01-02", "2022-01-05", "2022-01-06", "2022-01-07", "2022-01-10"])
def test_seed_timeline_holds_gold_dates_with_gold_sources(
    day: str, seed_timeline: list[CitedText], seeds_gold: dict[str, Any]
) -> None:
    gold_articles = {a for ev in seeds_gold["timeline"] if ev["date"] == day for a in ev["articles"]}
    entries = [e for e in seed_timeline if e.date == day]
    assert entries, f"no timeline entry on {day}"
    cited = {c.article for e in entries for c in e.citations}
    assert gold_articles <= cited  # every outlet that reports an event of that day is cited
    assert not any(e.background for e in entries)


@pytest.mark.gold
def test_seed_timeline_dates_no_event_wrongly(seed_timeline: list[CitedText], seeds_gold: dict[str, Any]) -> None:
    gold_days = {ev["date"] for ev in seeds_gold["timeline"]}
    story_days = {e.date for e in seed_timeline if not e.background}
    assert story_days == gold_days


@pytest.mark.gold
def test_seed_000_lead_is_dated_friday(seed_timeline: list[CitedText], seed_texts: dict[str, str]) -> None:
    """Published Saturday 8 January; "Earlier that day" and "Earlier on Friday" put the lead on the 7th."""
    lead_cites = [(e.date, c) for e in seed_timeline for c in e.citations
                  if c.article == "000_1f8bb2f17d7b7d0e" and c.start == 0]
    assert [d for d, _ in lead_cites] == ["2022-01-07"]
    assert seed_texts["000_1f8bb2f17d7b7d0e"][:lead_cites[0][1].end].endswith("boorish.")


@pytest.mark.gold
def test_seed_timeline_background_and_order(seed_timeline: list[CitedText], seed_texts: dict[str, str]) -> None:
    background = {e.date for e in seed_timeline if e.background}
    assert {"1992-05-15", "2021-01-06"} <= background
    dates = [e.date for e in seed_timeline]
    assert dates == sorted(dates)  # type: ignore[type-var]
    for e in seed_timeline:
        for c in e.citations:
            assert seed_texts[c.article][c.start:c.end].strip()


@pytest.mark.gold
def test_seed_protest_start_is_one_event_citing_four_outlets(seed_timeline: list[CitedText]) -> None:
    starts = [e for e in seed_timeline if e.date == "2022-01-02"]
    assert len(starts) == 1
    assert len({c.article for c in starts[0].citations}) == 4


def test_same_event_merges_and_order_by_citations() -> None:
    a = _item("a", "Rebels seized the airport of the capital on March 3, officials said. "
                   "The finance minister resigned on March 3 after a vote.", date(2023, 3, 5))
    b = _item("b", "On March 3 rebels seized the capital's airport, witnesses said.", date(2023, 3, 4))
    timeline = build_timeline([a, b])
    march3 = [e for e in timeline if e.date == "2023-03-03"]
    assert len(march3) == 2
    assert {c.article for c in march3[0].citations} == {"a", "b"}  # two outlets first
    assert march3[0].text.startswith("On March 3 rebels")  # the earliest report leads
    assert march3[1].citations[0].article == "a"


def test_far_dates_are_background_and_datelines_skipped() -> None:
    text = ("The war began on June 22, 1941, historians recall.\n5 March 2023.\n"
            "Troops crossed the river on March 2 near the town.")
    timeline = build_timeline([_item("x", text, date(2023, 3, 5))])
    by_date = {e.date: e for e in timeline}
    assert by_date["1941-06-22"].background
    assert not by_date["2023-03-02"].background
    assert "2023-03-05" not in by_date  # the dateline "5 March 2023." is no event


def test_lead_is_dated_by_earlier_that_day() -> None:
    text = ("The ministry called the remark boorish.\n"
            "Earlier that day, the minister said the talks had failed.\n"
            "Earlier on Friday, he met the envoy in Geneva after the vote.")
    timeline = build_timeline([_item("x", text, date(2022, 1, 8))])  # a Saturday
    lead = [e for e in timeline if e.citations[0].start == 0]
    assert [e.date for e in lead] == ["2022-01-07"]
    assert "2022-01-08" not in {e.date for e in timeline}


def test_lead_without_such_words_is_dated_on_publication() -> None:
    text = "The ministry called the remark boorish on its channel.\nThe talks had failed on Friday in Geneva."
    timeline = build_timeline([_item("x", text, date(2022, 1, 8))])
    assert {e.date for e in timeline} == {"2022-01-08", "2022-01-07"}


@pytest.mark.parametrize(
    "text",
    [
        "The president declared a state of emergency until January 19 in the country.",  # a limit
        "Relying on the treaty, today I turned to the heads of the allied states for help.",  # speaker's day
        "Shoot to kill on January 7",  # a headline: no sentence end
        "Hackers stole the data in an attack that ran from January 1 to January 6.",  # a range's end
    ],
)
def test_sentences_whose_date_is_not_their_event_are_skipped(text: str) -> None:
    lead_free = "Officials met in the capital.\n" + text  # the lead is dated on publication
    timeline = build_timeline([_item("x", lead_free, date(2022, 1, 8))])
    assert [e.date for e in timeline] == ["2022-01-08"]


def test_a_day_told_from_another_in_quoted_words_is_no_event() -> None:
    from newsweave.model import Quote
    text = ("Fires burned on January 6 near the town.\n"
            "The next day, crews cleared the roads.\n"
            "\"The next day is decisive,\" the spokesman said.")
    article, ann = _item("x", text, date(2022, 1, 8))
    q_start = text.index("The next day is")
    quote = Quote(Span.of(text, q_start, q_start + len("The next day is decisive")))
    quoted = build_timeline([(article, Annotations("x", ann.sentences, quotes=(quote,), timexes=ann.timexes))])
    assert [e.date for e in quoted if "crews" in e.text] == ["2022-01-07"]  # the narrative's next day stays
    assert not [e for e in quoted if "decisive" in e.text]
    unquoted = build_timeline([(article, ann)])  # without the quotation found, it is dated
    assert [e for e in unquoted if "decisive" in e.text]


def test_a_quoted_tonight_is_the_night_of_the_day_it_was_said() -> None:
    from newsweave.model import Quote
    text = ("Officials met in the capital.\n"
            "\"The vote is tonight and the result is open,\" a party spokesman said on Monday.")
    article, ann = _item("x", text, date(2026, 3, 10))  # a Tuesday paper
    q_start = text.index("The vote is")
    quote = Quote(Span.of(text, q_start, q_start + len("The vote is tonight and the result is open")))
    quoted = build_timeline([(article, Annotations("x", ann.sentences, quotes=(quote,), timexes=ann.timexes))])
    assert {e.date for e in quoted if "vote" in e.text} == {"2026-03-09"}
    unsaid = text.replace(" on Monday", "")  # said with no day: the paper's own night
    article, ann = _item("x", unsaid, date(2026, 3, 10))
    quote = Quote(Span.of(unsaid, q_start, q_start + len("The vote is tonight and the result is open")))
    quoted = build_timeline([(article, Annotations("x", ann.sentences, quotes=(quote,), timexes=ann.timexes))])
    assert {e.date for e in quoted if "vote" in e.text} == {"2026-03-10"}


@pytest.mark.parametrize("note", ["Translated from the Gujarati edition.", "This article was translated from German.",
                                  "Adapted from the Polish original published on Monday."])
def test_a_translations_note_is_no_event(note: str) -> None:
    text = f"{note}\nThe plant exploded on Tuesday, police said."
    events = build_timeline([_item("a", text, date(2025, 3, 13))])
    assert [e.text for e in events] == ["The plant exploded on Tuesday, police said."]


@pytest.mark.parametrize("text", ["Some 8,900 people were in shelters on Friday, up from 4,200 a day earlier.",
                                  "Turnout was 56.4% on Sunday, down from 59% in 2023."])
def test_the_time_of_an_earlier_level_dates_no_event(text: str) -> None:
    events = build_timeline([_item("a", text, date(2026, 3, 16))])
    assert [e.date for e in events] == ["2026-03-13" if "Friday" in text else "2026-03-15"]


def test_a_move_from_a_place_dates_its_event() -> None:
    events = build_timeline([_item("a", "Rebel troops withdrew from 12 towns on Friday, the army said.",
                                   date(2026, 3, 16))])
    assert [e.date for e in events] == ["2026-03-13"]
