"""Time expressions in news, issue 4, seventh pass: halves of a year named by their quarters, and the
other rules of that pass (the earlier passes are in test_timexes.py and test_timex_news.py)."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timexes import extract_timexes

DCT = date(1989, 10, 26)  # a Thursday, as the Wall Street Journal stories of TimeBank


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Brokers see slack demand for at least the first two quarters of 1990.",
         "at least the first two quarters of 1990", "1990-H1"),
        ("Orders should recover in the last two quarters of next year.",
         "the last two quarters of next year", "1990-H2"),
        ("The chain lost money in the second two quarters of fiscal 1988.",
         "the second two quarters of fiscal 1988", "1988-H2"),
    ],
)
def test_two_quarters_of_a_year_are_a_half_of_it(text: str, span: str, value: str) -> None:
    found = extract_timexes(text, DCT)
    assert [(t.text, t.type, t.value) for t in found] == [(span, "DATE", value)]


def test_two_quarters_without_a_year_stay_a_length() -> None:
    found = extract_timexes("The retailer lost money in the first two quarters.", DCT)
    assert [(t.text, t.type, t.value) for t in found] == [("the first two quarters", "DURATION", "P6M")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a modal of the clause does not carry the day of a ruling ahead: the ruling is news once made
        ("The growers said they would try to overturn Tuesday's ruling by the state board.", "1989-10-24"),
        ("Traders will look for a rebound from Wednesday's sharp plunge.", "1989-10-25"),
        # a price set when the day's trading ended (a made-up merger story put it a week ahead)
        ("Holders will receive $38 a share, a premium of 27% to Wednesday's closing price.", "1989-10-25"),
        # an event that is scheduled keeps the future reading
        ("The mayor will speak before Monday's vote on the budget.", "1989-10-30"),
    ],
)
def test_a_weekday_owning_a_past_event_is_a_day_gone(text: str, value: str) -> None:
    assert [t.value for t in extract_timexes(text, DCT)] == [value]
