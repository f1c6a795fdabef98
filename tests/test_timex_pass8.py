"""Time expressions in news, issue 4, eighth pass: "a year earlier" after a year its sentence names
(the earlier passes are in test_timexes.py, test_timex_news.py and test_timex_pass7.py)."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timexes import extract_timexes

DCT = date(1987, 3, 5)  # a Reuters-21578 story: annual results of 1986 reported in 1987


def _values(text: str) -> list[str]:
    return [t.value for t in extract_timexes(text, DCT)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # the year before the year the sentence reports, not the DCT's year - 1
        ("Thai coffee exports rose to 22,068 tonnes in 1986 from 20,430 a year earlier.", ["1986", "1985"]),
        ("It reported 1986 net income of 124.1 mln dlrs against 412.4 mln dlrs a year before.", ["1986", "1985"]),
        ("Output rose 2.2 pct in 1985 after a 3.3 pct rise a year earlier.", ["1985", "1984"]),
        # a year that is the earlier side of a comparison, repeated by a second one: that year
        ("The price fell to 13.83 dlrs from 26.43 dlrs in 1985 and to 1.49 dlrs from 2.18 dlrs a year earlier.",
         ["1985", "1985"]),
    ],
)
def test_a_year_earlier_counts_back_from_the_year_its_sentence_names(text: str, values: list[str]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # an index's base year is no period the sentence reports
        ("The index for manufacturing, base 1980, fell to 103.9 and compared with 102.3 a year earlier.",
         ["1980", "1986"]),
        # "ago" counts from the DCT, whatever the sentence names
        ("Exports rose to 22,068 tonnes in 1985 from 20,430 a year ago.", ["1985", "1986"]),
        # a year named in an earlier sentence is not the one compared with
        ("The plant opened in 1984. Output rose 5 pct from a year earlier.", ["1984", "1986"]),
    ],
)
def test_a_year_earlier_keeps_the_dct_otherwise(text: str, values: list[str]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("It said 1986 net income fell to 101.9 mln dlrs from year-ago 199.0 mln dlrs.", ["1986", "1985"]),
        ("Its share of truck sales rose to 29.7 pct in 1986 from year-earlier 29.2 pct.", ["1986", "1985"]),
        # a year that dates an event, with no comparison after it: the DCT's year - 1
        ("Net is before an accounting change announced in 1986, which added 30 cts a share to year-ago results.",
         ["1986", "1986"]),
    ],
)
def test_year_ago_as_an_adjective_counts_back_from_the_year_compared(text: str, values: list[str]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(("text", "value"), [
    # a deadline of what may happen lies ahead (a Tuesday paper: not the Wednesday before)
    ("The company said the borehole could reach the chamber by Wednesday evening.", "2026-03-11"),
    # a past deadline stays behind
    ("By Wednesday evening, rescuers had reached the chamber.", "2026-03-04"),
])
def test_a_deadline_of_what_may_happen_lies_ahead(text: str, value: str) -> None:
    (timex,) = extract_timexes(text, date(2026, 3, 10))
    assert timex.value.startswith(value)


@pytest.mark.parametrize(("text", "published", "value"), [
    # a participle that schedules the day, after a past perfect earlier in the sentence (a Sunday paper)
    ("The party had expected the bill to pass comfortably in a vote scheduled for Thursday.", date(2026, 3, 15),
     "2026-03-19"),
    # a schedule told as past stays behind
    ("The vote was scheduled for Thursday.", date(2026, 3, 15), "2026-03-12"),
    # a wish with a deadline lies ahead (a Thursday paper)
    ("Whitfield said the hospital still hoped to restore its main systems by Monday.", date(2026, 10, 8),
     "2026-10-12"),
])
def test_a_scheduled_day_and_a_wished_deadline_lie_ahead(text: str, published: date, value: str) -> None:
    (timex,) = extract_timexes(text, published)
    assert timex.value == value
