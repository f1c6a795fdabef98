"""Time expressions: spans and values against a fixed anchor, narrative time, no DCT, TimeBank gold."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsweave.annotate.timexes import extract_timexes, first_full_date_year
from newsweave.model import Timex

ANCHOR = date(2022, 1, 8)  # a Saturday, the publication date of seed 000


def _only(text: str, published: date | None = ANCHOR) -> Timex:
    found = extract_timexes(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("He spoke last week about it.", "last week", "DATE", "2021-W52"),
        ("Talks go on this week in Geneva.", "this week", "DATE", "2022-W01"),
        ("It happened on January 5 in Almaty.", "January 5", "DATE", "2022-01-05"),
        ("Protests began on Sunday, January 2, in the west.", "Sunday, January 2", "DATE", "2022-01-02"),
        ("Blinken spoke on Friday in Washington.", "Friday", "DATE", "2022-01-07"),
        ("He left the country this morning.", "this morning", "TIME", "2022-01-08TMO"),
        ("The state of emergency lasts until January 19.", "January 19", "DATE", "2022-01-19"),
        ("The treaty was signed in 1992 by six states.", "1992", "DATE", "1992"),
        ("The treaty was signed on May 15, 1992, by six states.", "May 15, 1992", "DATE", "1992-05-15"),
        ("The talks lasted three days and ended.", "three days", "DURATION", "P3D"),
        ("The mission may last several weeks, he said.", "several weeks", "DURATION", "PXW"),
        ("The paper is published daily in Moscow.", "daily", "SET", "P1D"),
        ("Posted 7 January 2022 by staff.", "7 January 2022", "DATE", "2022-01-07"),
        ("The meeting lasted two hours in all.", "two hours", "DURATION", "PT2H"),
        ("The market is now open again.", "now", "DATE", "PRESENT_REF"),
        ("Prices rose sharply yesterday in Almaty.", "yesterday", "DATE", "2022-01-07"),
        ("The vote is due tomorrow in parliament.", "tomorrow", "DATE", "2022-01-09"),
        ("Sales fell last year by a fifth.", "last year", "DATE", "2021"),
        ("Sales fell last month by a fifth.", "last month", "DATE", "2021-12"),
        ("In the third quarter, profit rose.", "the third quarter", "DATE", "2021-Q3"),
        ("The plan covers the past two months only.", "the past two months", "DURATION", "P2M"),
        ("Officials will meet next Tuesday in Geneva.", "next Tuesday", "DATE", "2022-01-11"),
        ("Officials will meet on Tuesday in Geneva.", "Tuesday", "DATE", "2022-01-11"),
        ("He signed a two-year contract.", "two-year", "DURATION", "P2Y"),
        ("Troops arrived in December, officials said.", "December", "DATE", "2021-12"),
        ("The riots of the 1990s are remembered.", "the 1990s", "DATE", "199"),
        ("Unrest has grown in recent years across the region.", "recent years", "DURATION", "PXY"),
        ("It has been nearly forty years since then.", "nearly forty years", "DURATION", "P40Y"),
        ("They met every week in secret.", "every week", "SET", "P1W"),
        ("He was released last night without charge.", "last night", "TIME", "2022-01-07TNI"),
        ("The firm was founded in March 2004 in Ohio.", "March 2004", "DATE", "2004-03"),
        ("The deadline is 2022-01-31 for all.", "2022-01-31", "DATE", "2022-01-31"),
        ("The count ended at 5 p.m. Friday with no result.", "5 p.m. Friday", "TIME", "2022-01-07T17:00"),
        # TimeBank gives a weekday's part of day the day's DATE value
        ("The rally began Friday night in the square.", "Friday night", "DATE", "2022-01-07"),
        # "the weekend" in a past-tense report is the weekend just past (the anchor is a Saturday)
        ("Talks collapsed over the weekend, aides said.", "the weekend", "DATE", "2022-W01-WE"),
        # a month up to two months ahead is the coming one, any other the latest past one (TimeBank
        # reads "agreed to buy ... in February" in an October article as the coming February)
        ("The closing is expected in February.", "February", "DATE", "2022-02"),
        ("Sales rose sharply in August.", "August", "DATE", "2021-08"),
        ("The pact took effect on Oct. 23 after a vote.", "Oct. 23", "DATE", "2021-10-23"),
        ("The summit opens on Feb. 3 in Vienna.", "Feb. 3", "DATE", "2022-02-03"),
        # a future cue further back points ahead; a past verb right before overrides it
        ("Officials said they are set to resume talks Monday in Geneva.", "Monday", "DATE", "2022-01-10"),
        ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "TIME",
         "2022-01-07T24:00"),
        ("He will argue that the court ruled Wednesday.", "Wednesday", "DATE", "2022-01-05"),
        # a participle after "be" is passive, not past: the future cue holds
        ("The vote will be held Tuesday in parliament.", "Tuesday", "DATE", "2022-01-11"),
    ],
)
def test_span_type_and_value_with_fixed_anchor(text: str, span: str, kind: str, value: str) -> None:
    tx = _only(text)
    assert (tx.text, tx.type, tx.value) == (span, kind, value)
    assert text[tx.start:tx.end] == tx.text


@pytest.mark.parametrize(
    "text",
    [
        "You may also like this story.",  # the modal verb "may" is not a month
        "A 52-year-old man was detained.",  # ages are not annotated in TimeBank
        "The party won a second term in office.",
        "More than 2000 people were detained by the police.",
        "She will march to the square.",
        "Iraq imports about three-quarters of its food.",  # a share, not nine months
        # the present or the future in general, no day
        "The campaign speaks to today's youth.",
        "Many of today's personal computers use the chip.",
        "The school wants to train the leaders of tomorrow.",
        "For the rebels, high noon has come.",  # an idiom, no clock time
        "Thousands joined the March of the Silent Fathers.",  # a name, no month
        "The March for Clean Rivers drew a crowd.",
    ],
)
def test_no_timex_in_look_alikes(text: str) -> None:
    assert extract_timexes(text, ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The board canceled today's meeting.", "today", "2022-01-08"),
        ("Analysts expect tomorrow's vote to be close.", "tomorrow", "2022-01-09"),
        ("The shop stays open until the end of today.", "today", "2022-01-08"),
        ("The truce began at noon in the capital.", "noon", "2022-01-08T12:00"),
        ("The plant will reopen in March for the first time.", "March", "2022-03"),
    ],
)
def test_days_and_months_next_to_their_generic_look_alikes(text: str, span: str, value: str) -> None:
    tx = _only(text)
    assert (tx.text, tx.value) == (span, value)


def test_narrative_time_moves_with_the_text() -> None:
    text = ("Earlier on Friday, Blinken said the United States did not understand the request. "
            "The day before, the White House also doubted its legality. "
            "On January 2 protests began. Two days later, the government resigned. "
            "Earlier that day, the police had been deployed.")
    values = {t.text: t.value for t in extract_timexes(text, ANCHOR)}
    assert values["Friday"] == "2022-01-07"
    assert values["The day before"] == "2022-01-06"
    assert values["January 2"] == "2022-01-02"
    assert values["Two days later"] == "2022-01-04"
    assert values["Earlier that day"] == "2022-01-04"


def test_the_day_a_sentence_was_said_is_no_narrative_time_after_its_events_day() -> None:
    text = ("A quake struck southern Peru late on Saturday, killing 14 people, officials said on Sunday. "
            "It hit at 11:42 p.m. local time. On Monday rescuers pulled two survivors out, officials said on "
            "Tuesday. The day before, the army arrived.")
    values = {t.text: t.value for t in extract_timexes(text, date(2022, 1, 9))}  # a Sunday
    assert values["11:42 p.m. local time"] == "2022-01-08T23:42"  # Saturday's, not Sunday's
    assert values["The day before"] == "2022-01-02"  # before Monday (the 3rd), not before Tuesday
    said = {t.text: t.value for t in extract_timexes("Officials said on Sunday the quake hit at 11:42 p.m.",
                                                     date(2022, 1, 9))}
    assert said["11:42 p.m."] == "2022-01-09T23:42"  # the only day named moves the narrative


def test_a_past_clause_after_a_future_cue_keeps_its_day_in_the_past() -> None:
    text = "Okafor will miss six weeks with an injury he suffered in Saturday's defeat, the club said."
    values = {t.text: t.value for t in extract_timexes(text, date(2026, 2, 16))}  # a Monday
    assert values["Saturday"] == "2026-02-14"
    values = {t.text: t.value for t in extract_timexes("The plant will close on Friday.", date(2026, 2, 16))}
    assert values["Friday"] == "2026-02-20"
    values = {t.text: t.value for t in extract_timexes("The president is due in Dhaka on Thursday.",
                                                       date(2026, 6, 10))}
    assert values["Thursday"] == "2026-06-11"  # "is due in" points ahead as "is due to" does


def test_seed_000_the_day_before_is_january_6(seed_texts: dict[str, str]) -> None:
    text = seed_texts["000_1f8bb2f17d7b7d0e"]
    found = {t.text: t.value for t in extract_timexes(text, date(2022, 1, 8))}
    assert found["Earlier that day"] == "2022-01-07"  # the Friday the text names further on
    assert found["Friday"] == "2022-01-07"
    assert found["The day before"] == "2022-01-06"
    assert found["January 2"] == "2022-01-02"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # no antecedent yet: "that day" is the day the story goes on to name
        ("She called the remark boorish. Earlier that day, he spoke. Earlier on Friday, he met them.",
         "2022-01-07"),
        # an antecedent: the narrative day
        ("On January 4 the talks began. Earlier that day, he spoke.", "2022-01-04"),
        # nothing named within reach: the publication day
        ("She called the remark boorish. Earlier that day, he spoke.", "2022-01-08"),
    ],
)
def test_earlier_that_day_refers_back_or_forward(text: str, value: str) -> None:
    found = {t.text: t.value for t in extract_timexes(text, ANCHOR)}
    assert found["Earlier that day"] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Imports totaled $37 million in 1988, a small share of imports that year.", "that year", "1988"),
        ("He fled in June 1998 and returned later that year.", "later that year", "1998"),
        ("He was arrested on March 3 and appeared in court the next morning.", "the next morning",
         "2022-03-04"),
        ("He was arrested on March 3 and charged that same day.", "that same day", "2022-03-03"),
        # a day whose antecedent is a month: some day of that month
        ("He was shot last October, and his page was taken down that same day.", "that same day", "2022-10-XX"),
    ],
)
def test_narrative_anaphors_take_the_last_named_time(text: str, span: str, value: str) -> None:
    found = {t.text: t.value for t in extract_timexes(text, date(2022, 11, 8))}
    assert found[span] == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "the quarter" after "the third quarter": the quarter being reported, not one from the DCT
        ("Net rose in the fiscal first quarter. Sun shipped 28,000 systems in the quarter.",
         ["1989-Q1", "1989-Q1"]),
        # without a named quarter: the last completed one
        ("Sun shipped 28,000 systems in the quarter.", ["1989-Q3"]),
        # a year-shifted quarter is no reference for the next "year-ago"
        ("Coast earned $10 million in the third quarter and $8 million in the year-ago quarter. "
         "The year-ago results were restated.", ["1989-Q3", "1988-Q3", "1988-Q3"]),
    ],
)
def test_financial_quarters(text: str, values: list[str]) -> None:
    assert [t.value for t in extract_timexes(text, date(1989, 10, 26))] == values


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a year in a quarter's name, or a year shift, belongs to the quarter's span
        ("It could be effective as early as next year's first quarter.", "next year's first quarter", "1990-Q1"),
        ("U.K. sales for last year's quarter were $3 million.", "last year's quarter", "1988-Q3"),
        ("The unit in the year-ago third quarter earned $22.5 million.", "the year-ago third quarter", "1988-Q3"),
        ("For the quarter a year ago, the bank reported earnings.", "the quarter a year ago", "1988-Q3"),
        ("Earnings for the last half of 1989 will be lower.", "the last half of 1989", "1989-H2"),
        ("Net income for the fiscal second-quarter was $8.6 million.", "fiscal second-quarter", "1989-Q2"),
        # "of" before an amount does not make the quarter a share ("a quarter of the vote")
        ("It announced a loss for the third quarter of $226.3 million.", "the third quarter", "1989-Q3"),
        # "the quarter ended July 31": the calendar quarter the fiscal one mostly covers
        ("In the quarter ended July 31, revenue rose.", "the quarter", "1989-Q2"),
        ("Sales in the current fiscal year will rise.", "the current fiscal year", "1989"),
        ("Food made up 27% of sales in the latest fiscal year.", "the latest fiscal year", "1988"),
    ],
)
def test_financial_periods_with_years(text: str, span: str, value: str) -> None:
    tx = extract_timexes(text, date(1989, 10, 26))[0]
    assert (tx.text, tx.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        # years said in words, as broadcast transcripts write them
        ("The price was last seen in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
         "DATE", "1994-WI"),
        ("January nineteen ninety-seven. A bomb went off.", "January nineteen ninety-seven", "DATE", "1997-01"),
        ("The approach of the year two thousand worries them.", "the year two thousand", "DATE", "2000"),
        ("But a minute and a half later, a pilot called in.", "a minute and a half", "DURATION", "PT1M30S"),
        ("The deal is expected to close around year end.", "around year end", "DATE", "1989"),
        ("Staff will be cut by year's end.", "year's end", "DATE", "1989"),
        ("Troops will be in place by the end of the month.", "the end of the month", "DATE", "1989-10"),
        # the month of the article, with a future cue, is this year's month, not next year's
        ("The offer is scheduled to expire at the end of October.", "the end of October", "DATE", "1989-10"),
        # after a modal, "one day" is some day ahead, not a duration
        ("Islam will one day be the second largest religion.", "one day", "DATE", "FUTURE_REF"),
        ("A hearing will be held the week of March 6.", "the week of March 6", "DATE", "1990-W10"),
        ("He will leave at 4 in the morning.", "4 in the morning", "TIME", "1989-10-26T04:00"),
        ("The day before last Tuesday, he went home.", "The day before last Tuesday", "DATE", "1989-10-23"),
    ],
)
def test_compound_expressions(text: str, span: str, kind: str, value: str) -> None:
    tx = _only(text, date(1989, 10, 26))
    assert (tx.text, tx.type, tx.value) == (span, kind, value)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("He paid two thousand dollars for it.", []),  # a number, not the year 2000
        ("He scored 3 in the afternoon session.", ["the afternoon"]),  # a count, not 3 p.m.
        ("Sales of year-end goods rose.", []),  # an adjective, not a date
    ],
)
def test_no_timex_in_compound_look_alikes(text: str, spans: list[str]) -> None:
    assert [t.text for t in extract_timexes(text, date(1989, 10, 26))] == spans


def test_the_following_month_follows_the_month_named() -> None:
    text = "In March, the company got an offer. The following month, it put itself up for sale."
    found = {t.text: t.value for t in extract_timexes(text, date(1989, 10, 27))}
    assert found["The following month"] == "1989-04"


def test_without_publication_date_weekdays_read_from_the_text_dateline() -> None:
    text = "On late Friday, Blinken spoke.\n7 January 2022, 20:28 GMT\nProtests began earlier."
    assert extract_timexes(text, None)[0].value == "2022-01-07"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He spoke on Friday.", "XXXX-WXX-5"),
        ("He spoke yesterday.", "XXXX-XX-XX"),
        ("He spoke last week.", "XXXX-WXX"),
        ("It began on January 5.", "XXXX-01-05"),
        ("It began on January 5, 2022.", "2022-01-05"),
        ("It was signed in 1992.", "1992"),
        ("It lasted three days.", "P3D"),
    ],
)
def test_without_publication_date_only_fixed_values(text: str, value: str) -> None:
    assert _only(text, None).value == value


def test_without_publication_date_the_text_fixes_later_days() -> None:
    text = "7 January 2022, 20:28 GMT. The emergency lasts until January 19. The day before, troops left."
    values = [t.value for t in extract_timexes(text, None)]
    assert values == ["2022-01-07", "2022-01-07T20:28", "2022-01-19", "2022-01-18"]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        # decades without their century: the latest such decade begun by the publication year
        ("Rents doubled in the nineties, tenants say.", "the nineties", "DATE", "199"),
        ("The band toured widely in the '60s.", "the '60s", "DATE", "196"),
        ("Prices have climbed since the start of the twenties.", "the twenties", "DATE", "202"),
        # a year with "pre-"/"post-", a hyphenated modifier, a season with an article and a modifier
        ("The post-1991 reforms stalled in parliament.", "post-1991", "DATE", "1991"),
        ("The late-November storms flooded the valley.", "late-November", "DATE", "2021-11"),
        # "future"/"past" before a plural unit: a vague time ahead or back, not a length
        ("Losses should narrow in future quarters, the bank said.", "future quarters", "DATE", "FUTURE_REF"),
        ("As in past years, the fair drew crowds.", "past years", "DATE", "PAST_REF"),
        # a clock time followed by the day it falls on
        ("The tender offer runs until 5 p.m. EST, Feb. 2, the firm said.", "5 p.m. EST, Feb. 2", "TIME",
         "2022-02-02T17:00"),
        # a weekday that opens its sentence looks at the clause after it
        ("On Tuesday, the union plans to walk out.", "Tuesday", "DATE", "2022-01-11"),
        ("On Tuesday, the union walked out.", "Tuesday", "DATE", "2022-01-04"),
        ("Tuesday, the union said it will walk out.", "Tuesday", "DATE", "2022-01-04"),
    ],
)
def test_decades_prefixes_seasons_and_fronted_weekdays(text: str, span: str, kind: str, value: str) -> None:
    tx = _only(text)
    assert (tx.text, tx.type, tx.value) == (span, kind, value)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        # a rate after an amount is a SET, also after "million" or "thousand ..."
        ("The cuts should save $400 million a year in costs.", "a year", "SET", "P1Y"),
        ("Shops sell ten thousand copies a week.", "a week", "SET", "P1W"),
        # holidays on a weekday or around Easter
        ("Polls close at 8 on Election Day.", "Election Day", "DATE", "2022-11-08"),
        ("Traffic peaks over Labor Day.", "Labor Day", "DATE", "2022-09-05"),
        ("Services will be held on Good Friday.", "Good Friday", "DATE", "2023-04-07"),
        # a plural unit after a preposition, with or without "the"
        ("Over the years, the club has grown.", "the years", "DURATION", "PXY"),
        # quarters counted vaguely are months, as counted exactly ("three quarters" -> P9M)
        ("Margins have thinned in recent quarters.", "recent quarters", "DURATION", "PXM"),
        ("Profit fell for several quarters in a row.", "several quarters", "DURATION", "PXM"),
        ("The firm had three quarters of losses in a row.", "three quarters", "DURATION", "P9M"),
        # length adjectives
        ("Talks ended after a day-long session.", "day-long", "DURATION", "P1D"),
        ("The decades-long feud is over.", "decades-long", "DURATION", "PXDE"),
        ("Unions began a two-week-long strike.", "two-week-long", "DURATION", "P2W"),
    ],
)
def test_rates_holidays_and_length_adjectives(text: str, span: str, kind: str, value: str) -> None:
    tx = _only(text, date(2022, 10, 20))
    assert (tx.text, tx.type, tx.value) == (span, kind, value)


def test_a_programme_title_in_quotes_is_not_a_timex() -> None:
    text = 'The minister, speaking on NBC\'s "Next Week," said talks on "Sixty Minutes" were over this week.'
    assert [t.text for t in extract_timexes(text, ANCHOR)] == ["this week"]


def test_a_year_before_after_an_amount_is_no_rate_and_named_years_are_no_duration() -> None:
    text = ("Miles rose to 1.9 billion from 1.6 billion a year before and seats rose. "
            "Aid for the years 1981 to 1985 fell.")
    found = [(t.text, t.type) for t in extract_timexes(text, date(1987, 3, 12))]
    assert ("a year", "SET") not in found and ("the years", "DURATION") not in found
    assert ("1981", "DATE") in found


def test_noon_as_a_name_is_not_a_timex() -> None:
    text = "Centre Jamie Noon scored twice, and the poster from High Noon hung at noon. Noon came."
    assert [t.text for t in extract_timexes(text, ANCHOR)] == ["noon", "Noon"]


def test_the_night_identified_by_what_follows_is_not_a_timex() -> None:
    found = [t.text for t in extract_timexes("He was shot on the night of Oct. 23 at home. Tapes from the night "
                                            "the plane went down were released.", ANCHOR)]
    assert found == ["Oct. 23"]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        # "this past" week or weekend, and "the past weekend": the one just gone (the anchor is a Monday)
        ("Sales rose this past weekend.", "this past weekend", "DATE", "2022-W01-WE"),
        ("Sales rose over the past weekend.", "the past weekend", "DATE", "2022-W01-WE"),
        ("Sales rose this past week.", "this past week", "DATE", "2022-W01"),
        ("Sales rose over the past week.", "the past week", "DURATION", "P1W"),
        # a year's possessive names the quarter's year
        ("Profit rose in fiscal 2020's third quarter.", "fiscal 2020's third quarter", "DATE", "2020-Q3"),
        # "the fall" is a season after a preposition of time, not the drop of something
        ("Output will rise in the fall to a record.", "the fall", "DATE", "2022-FA"),
        ("Output will rise in early fall.", "early fall", "DATE", "2022-FA"),
    ],
)
def test_weeks_just_gone_possessive_years_and_seasons(text: str, span: str, kind: str, value: str) -> None:
    tx = _only(text, date(2022, 1, 10))
    assert (tx.text, tx.type, tx.value) == (span, kind, value)


@pytest.mark.parametrize(
    "text",
    ["The fall in prices was steep.", "Analysts blamed the fall of the dollar.", "He attributed the fall to oil.",
     "Despite a sharp early fall in Texaco bonds, the market held."],
)
def test_the_fall_of_something_is_no_season(text: str) -> None:
    assert extract_timexes(text, ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present tense right before a weekday or a date schedules it (the anchor is a Wednesday)
        ("The vote is Monday, officials said.", "2022-01-17"),
        ("Talks resume Monday in Vienna.", "2022-01-17"),
        ("The two leaders meet separately Monday with the envoy.", "2022-01-17"),
        ("The market is closed Monday for the holiday.", "2022-01-17"),
        ("The offer expires Feb. 14.", "2022-02-14"),
        # ... a past tense does not, nor "ends" heading a results table, nor "end" as a noun
        ("The market was closed Monday for the holiday.", "2022-01-10"),
        ("Qtr ends Dec 31.", "2021-12-31"),
        ("Reserves were $5 billion at end December.", "2021-12"),
    ],
)
def test_a_present_tense_points_ahead(text: str, value: str) -> None:
    assert _only(text, date(2022, 1, 12)).value == value


def test_higher_than_expected_is_no_cue_for_the_future() -> None:
    """"expected" schedules a month ahead ("is expected in December"), but "than expected" compares
    with a forecast: the month is the latest past one (a Reuters story of June 1987)."""
    found = extract_timexes("Higher than expected results for the year to March showed progress.", date(1987, 6, 18))
    assert {t.text: t.value for t in found}["March"] == "1987-03"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales should recover in the first quarter of next year.", "the first quarter of next year", "2023-Q1"),
        ("It fell in the second half of last year.", "the second half of last year", "2021-H2"),
        ("It fell in the last half of last year.", "the last half of last year", "2021-H2"),
        ("A cut is predicted in the second half of the year.", "the second half of the year", "2022-H2"),
    ],
)
def test_a_quarter_or_half_of_a_year_named_relative_to_now(text: str, span: str, value: str) -> None:
    tx = _only(text)
    assert (tx.text, tx.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Planes hit the field last November 25.", "last November 25", "1986-11-25"),
        ("The vote is next March 3.", "next March 3", "1988-03-03"),
    ],
)
def test_last_or_next_before_a_month_day(text: str, span: str, value: str) -> None:
    tx = _only(text, date(1987, 3, 25))
    assert (tx.text, tx.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("He arrived on Wednesday last week.", "Wednesday last week", "2021-12-29"),
        ("They meet Monday of next week.", "Monday of next week", "2022-01-10"),
        ("Talks began Tuesday this week.", "Tuesday this week", "2022-01-04"),
    ],
)
def test_a_weekday_of_a_named_week(text: str, span: str, value: str) -> None:
    tx = _only(text)
    assert (tx.text, tx.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("They meet every two weeks.", "every two weeks", "P2W"),
        ("The census runs every 10 years.", "every 10 years", "P10Y"),
        ("The board meets every other week.", "every other week", "P2W"),
        ("Prices are reset every few months.", "every few months", "PXM"),
    ],
)
def test_every_so_many_units_is_a_set_of_that_length(text: str, span: str, value: str) -> None:
    tx = _only(text)
    assert (tx.text, tx.type, tx.value) == (span, "SET", value)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Trading was halted for half an hour.", "half an hour", "DURATION", "PT30M"),
        ("He spent half a year there.", "half a year", "DURATION", "P6M"),
        ("The work week rose 0.2 hours.", "0.2 hours", "DURATION", "PT12M"),
        ("He was born on Christmas Day 1950.", "Christmas Day 1950", "DATE", "1950-12-25"),
        ("The offer expires at midnight tonight.", "midnight tonight", "TIME", "2022-01-08T24:00"),
    ],
)
def test_halves_of_units_holidays_of_a_year_and_clock_times_tonight(
        text: str, span: str, kind: str, value: str) -> None:
    tx = _only(text)
    assert (tx.text, tx.type, tx.value) == (span, kind, value)


def test_the_end_of_the_week_is_this_week() -> None:
    tx = _only("The Senate will vote by the end of the week.", date(1998, 8, 20))
    assert (tx.text, tx.value) == ("the end of the week", "1998-W34")


def test_the_quarter_of_the_year_is_of_the_year_named_last() -> None:
    found = extract_timexes("In 1988 profits fell. Sales rose in the first quarter of the year.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("1988", "1988"), ("the first quarter of the year", "1988-Q1")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The field pumps close to a million barrels of oil a day.", "SET"),
        ("It offered 120,000 barrels of fuel oil a month to China.", "SET"),
        ("Spending rose 0.2% in September, the smallest gain in a year.", "DURATION"),
        ("Flights depart five days a week.", "SET"),
        ("The plants run 24 hours a day.", "SET"),
    ],
)
def test_a_count_of_things_a_day_is_a_rate(text: str, kind: str) -> None:
    found = [t for t in extract_timexes(text, ANCHOR) if t.text.startswith("a ")]
    assert [t.type for t in found] == [kind]


@pytest.mark.parametrize(
    "text", ["It was voted Record Of The Year on ITV1.", "Screen Daily has said the film will open."])
def test_titles_and_names_are_no_timex(text: str) -> None:
    assert extract_timexes(text, ANCHOR) == []


@pytest.mark.parametrize(
    "text", ["Holmes will compete over 1500m in Glasgow.", "The council reconvenes at 1500 hrs.",
             "Trading closes at 2000 GMT."])
def test_a_distance_or_a_clock_time_is_no_year(text: str) -> None:
    assert extract_timexes(text, ANCHOR) == []


def test_a_quarter_to_quarter_change_is_no_quarter() -> None:
    assert extract_timexes("The quarter-to-quarter change was small.", ANCHOR) == []


def test_a_dividend_is_paid_ahead() -> None:
    text = "The dividend is payable August 14 to holders of record July 31."
    found = {t.text: t.value for t in extract_timexes(text, date(1987, 6, 1))}
    assert found == {"August 14": "1987-08-14", "July 31": "1987-07-31"}


def test_a_future_cue_does_not_carry_a_day_a_year_ahead() -> None:
    """"of record Feb. 20" in a March story is the February just past, not next year's."""
    text = "The dividend goes to shareholders of record February 20."
    assert _only(text, date(1987, 3, 3)).value == "1987-02-20"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a shift by years or months counts from the year or month the text named last ...
        ("He fled Cuba in 1959. Two years later, he returned.", "Two years later", "1961"),
        ("He fled in March 1959. A month later he returned.", "A month later", "1959-04"),
        ("Prices fell in February from a month earlier.", "a month earlier", "1987-01"),
        # ... not from another shift: each "a year before" compares with the period reported
        ("February sales fell 5 pct from a year before, and revenues rose from a year before.",
         "a year before", "1986-02"),
    ],
)
def test_a_shift_counts_from_the_period_named_last(text: str, span: str, value: str) -> None:
    found = [t for t in extract_timexes(text, date(1987, 3, 12)) if t.text == span]
    assert found and all(t.value == value for t in found)


def test_a_future_cue_does_not_carry_a_month_eleven_months_ahead() -> None:
    text = "The inflation rate is expected to show a substantial improvement in February."
    assert _only(text, date(1987, 3, 2)).value == "1987-02"


def test_since_points_back_whatever_the_tense() -> None:
    text = "Zambia will keep its auction system despite the suspension of auctions since January 24."
    found = {t.text: t.value for t in extract_timexes(text, date(1987, 3, 1))}
    assert found["January 24"] == "1987-01-24"


def test_a_season_with_an_article_and_a_modifier() -> None:
    tx = _only("Orders recovered from the lows of the early summer.", date(1989, 10, 26))
    assert (tx.text, tx.type, tx.value) == ("the early summer", "DATE", "1989-SU")


def test_an_age_in_decades_is_no_timex() -> None:
    assert extract_timexes("The mayor, in his sixties, retired.", ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # the day that ends a quarter describes the quarter: "a year earlier" is that quarter back
        ("Net rose in the fiscal first quarter ended Sept. 30. A year earlier, it lost money.",
         ["1989-Q1", "1989-09-30", "1988-Q1"]),
        # "the six months ended" is a duration: the day is what "a year earlier" goes back from
        ("Net rose for the six months ended Aug. 12, against a loss a year earlier.",
         ["P6M", "1989-08-12", "1988-08-12"]),
        # a fiscal quarter named after a calendar one is the period being reported
        ("Steelmakers lost money in the third quarter. Acme earned $8 million in the fiscal second quarter. "
         "Sales in the latest period rose.", ["1989-Q3", "1989-Q2", "1989-Q2"]),
        # an ordinal quarter or half "ended" on a day is of the year most of it lies in
        ("Net rose in the first half ended December 31. A year earlier it fell.",
         ["1988-H1", "1988-12-31", "1987-H1"]),
        ("It lost money in the fourth quarter ended January 3.", ["1988-Q4", "1989-01-03"]),
        ("Revenue for the first quarter ended January 24, 1985, rose.", ["1984-Q1", "1985-01-24"]),
        # "the 1988 period": the period last named, in 1988 -- a quarter, or else the year
        ("Sun earned $5 million in the fiscal first quarter. In the 1988 period, it earned $20 million.",
         ["1989-Q1", "1988-Q1"]),
        ("In the first nine months, net was $306 million, against $195 million in the 1988 period.",
         ["P9M", "1988"]),
        # a length of months has no value to go back from: "a year earlier" is the year
        ("In the nine months, net was $306 million, against $195 million a year earlier.", ["P9M", "1988"]),
        # "last year" as the term of comparison of a quarterly figure is that quarter a year back ...
        ("Net was $5 million in the third quarter, compared with $3 million last year.", ["1989-Q3", "1988-Q3"]),
        ("Third-quarter sales rose 13% from last year's $1.5 billion.", ["1989-Q3", "1988-Q3"]),
        # ... and the year itself without a quarter, or outside a comparison
        ("Sales rose to $5 million from $3 million last year.", ["1988"]),
        ("In the third quarter, net fell. Last year the plant was closed.", ["1989-Q3", "1988"]),
        # a quarter not yet over by the calendar, named first, is the fiscal quarter being reported
        ("Ralston reported a 47% decline in fourth-quarter earnings. Sales in the latest period rose 13% "
         "from last year's $1.55 billion.", ["1989-Q4", "1989-Q4", "1988-Q4"]),
        # ... until a completed quarter is named; "the current quarter" is no reported one
        ("Acme expects fourth-quarter net to fall. In the third quarter, net rose. Sales in the latest "
         "period fell.", ["1989-Q4", "1989-Q3", "1989-Q3"]),
        ("Acme said the current quarter began well. The latest period was weak.", ["1989-Q4", "1989-Q3"]),
    ],
)
def test_reported_periods_and_comparisons(text: str, values: list[str]) -> None:
    assert [t.value for t in extract_timexes(text, date(1989, 10, 26))] == values


@pytest.mark.gold
def test_tempeval3_scores_on_timex_dev(corpora_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from timex_tempeval import Scores, score_document

    scores = Scores()
    for line in (corpora_dir / "timex_dev.jsonl").read_text(encoding="utf-8").splitlines():
        doc: dict[str, Any] = json.loads(line)
        pred = extract_timexes(doc["text"], date.fromisoformat(doc["dct"][:10]))
        score_document(pred, doc["timexes"], scores)
    strict_f1, relaxed_f1, type_f1, value_f1 = (scores.row()[i] for i in (2, 5, 6, 7))
    # measured (all 256 documents, eighth pass: "today's youth", "the leaders of tomorrow", "high noon",
    # "the March of the ..." are no timexes): strict F1 89.54, relaxed F1 95.04, type F1 91.46, value F1
    # 83.87 (held-out quarter 87.3 / 93.3 / 88.1 / 78.6) (seventh pass: "the first two quarters of 1990"
    # 1990-H1, "get around Wednesday's ruling" a day gone): strict F1 89.4, relaxed F1 94.8, type F1 91.3,
    # value F1 83.7; a third rule (a Sunday paper's "last week" is the Sunday's own ISO week) rested on one tune
    # case and was left out (sixth pass: "Thursday evening" TEV, "Earlier Friday" ->
    # "Friday", "a few days later" PXD, no SET after "average"): strict F1 89.33, relaxed F1 94.84, type F1
    # 91.21, value F1 83.58 (fifth pass: "at a later date", "1994 or later", "two to
    # three weeks", "the corresponding period last year", "will be retired in 25 years", "the year-ago
    # results" -> "year-ago", "last Thanksgiving"): strict F1 89.15, relaxed F1 94.82, type F1 91.09,
    # value F1 83.35 (fourth pass: 88.58 / 94.76 / 90.98 / 83.19; third pass: 88.37 / 94.77 / 90.87 /
    # 82.87; second pass: 88.4 / 94.7 / 90.8 / 82.7; first pass: 87.7 / 94.1 / 90.1 / 81.5; before: 86.2 /
    # 93.8 / 89.7 / 80.4; issue 2: 86.2 / 93.8 / 88.7 / 78.3)
    assert strict_f1 >= 89.5
    assert relaxed_f1 >= 95.0
    assert type_f1 >= 91.4
    assert value_f1 >= 83.8


def test_counts_in_tables_and_huge_shifts_do_not_break_an_article() -> None:
    """Reuters livestock tables ("129,000 week ago") once overflowed the date arithmetic and cost the
    whole article its annotations; a count is not a shift, and a shift past the calendar is unknown."""
    text = ("Cattle 129,000 week ago, 125,000 a year ago. The site was settled 316,000 years ago. "
            "Prices rose 40,000 days later.")
    found = {t.text: t.value for t in extract_timexes(text, date(1987, 3, 6))}
    assert found.get("a year ago") == "1986"
    assert not any("129,000" in t for t in found)
    assert found.get("316,000 years ago") == "XXXX"


def test_a_day_its_month_does_not_have_is_no_date() -> None:
    """"November 31 1986" (a typo in a Reuters story) once raised inside the extractor."""
    found = {t.text: t.value for t in extract_timexes("The offer ends November 31 1986, not Feb 29, 1988 "
                                                       "or 02/30/87.", date(1987, 3, 6))}
    assert "1986-11-31" not in found.values() and not any("02/30" in t for t in found)
    assert found.get("Feb 29, 1988") == "1988-02-29"


@pytest.mark.parametrize("text, value", [
    ("Earnings for the 1987 fourth quarter fell.", "1987-Q4"),
    ("Net profit in the fiscal 1988 first quarter rose.", "1988-Q1"),
    ("The 1986 second half was weak.", "1986-H2"),
])
def test_a_year_before_a_quarter_is_enough_without_a_publication_date(text: str, value: str) -> None:
    # an undated article with "the 1987 fourth quarter" raised TypeError and lost all its annotations
    assert value in [t.value for t in extract_timexes(text, None)]


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The vote is this Feb. 29. It fell on Monday.", date(1987, 3, 3),
     [("this Feb. 29", "XXXX-02-29"), ("Monday", "1987-03-02")]),
    ("It closed 2/29/87. Shares rose Tuesday.", date(1987, 3, 3), [("Tuesday", "1987-03-03")]),
    ("He left yesterday and returns next Monday.", date(9999, 12, 31),
     [("yesterday", "9999-12-30"), ("next Monday", "XXXX-XX-XX")]),
])
def test_a_day_the_calendar_lacks_loses_no_other_timex(text: str, dct: date, expected: list[tuple[str, str]]) -> None:
    # "this Feb. 29" in 1987 and "2/29/87" raised ValueError, and a DCT in year 9999 OverflowError,
    # which lost every annotation of the article
    assert [(t.text, t.value) for t in extract_timexes(text, dct)] == expected


def test_a_length_of_months_as_an_adjective_is_no_reporting_period() -> None:
    # "a six-month contract" had made the next "a year earlier" a year instead of the quarter
    text = ("Net profit in the fourth quarter rose. The company signed a six-month supply contract. "
            "A year earlier, profit was lower.")
    assert [(t.text, t.value) for t in extract_timexes(text, date(1986, 2, 10))][-1] == ("A year earlier", "1984-Q4")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("WEDNESDAY, MARCH 4, 2009\nThe quake struck on Tuesday.", 2009),
        ("Lohan checks into rehab\n12:52 p.m. EDT May 2, 2013\nShe checked in today.", 2013),  # after a time
        ("Posted 04/28/09. The team fired its coach.", 2009),  # a two-digit slash-date year
        ("Filed 2009-03-03: markets fell.", 2009),
        ("Tuesday 28 April 2009 - The earthquake killed 294.", 2009),
        ("He was first jailed on June 2, 2005. On March 3, 2009, he was freed.", 2005),  # the first one
        ("Klitschko beat Rahman, who won the title in 2001, on Saturday.", None),  # a bare year: history
        ("The ceremony takes place on February 22 in Los Angeles.", None),  # no year written
        ("The Academy said in May 2005 that it would move.", None),  # no day
    ],
)
def test_first_full_date_year(text: str, year: int | None) -> None:
    assert first_full_date_year(text) == year


def test_a_closed_quotation_before_a_day_lends_it_no_future() -> None:
    said = '"No one will be left alone," he told reporters on Tuesday, promising aid.'
    assert _only(said, date(2026, 8, 12)).value == "2026-08-11"  # a Wednesday paper
    inside = '"We will meet on Tuesday," he said.'
    assert _only(inside, date(2026, 8, 12)).value == "2026-08-18"  # the quoted words' own future


def test_searching_near_the_needed_words_finds_every_match(corpora_dir: Path) -> None:
    from newsweave.annotate.timexes import _RULES, _matches_near

    path = corpora_dir / "timex_dev.jsonl"
    if not path.exists():
        pytest.skip("timex_dev.jsonl not present")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:60]
    texts.append("On Tuesday, Sept. 5, about 20 minutes before 3 p.m., the mid-1990s plan ran for the past 12 years.")
    for text in texts:
        lowered = text.lower()
        for rule in _RULES:
            if rule.needs:
                assert [m.span() for m in _matches_near(rule, text, lowered)] == \
                    [m.span() for m in rule.pattern.finditer(text)], rule.name


def test_a_clock_time_takes_the_day_after_it_and_due_to_points_ahead() -> None:
    found = extract_timexes("The strike is due to end at 2 a.m. on Thursday.", date(2027, 3, 1))
    assert [(t.text, t.value) for t in found] == [("2 a.m.", "2027-03-04T02:00"), ("Thursday", "2027-03-04")]
    # "due to" before a noun gives a cause, not a schedule
    assert _only("Delays are due to the snow on Thursday.", date(2027, 3, 1)).value == "2027-02-25"
