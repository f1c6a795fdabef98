"""Figures: measure rules of the eighth round (annotate/figure_measures.py): the noun a figure
modifies when the parse loses it, debts' rates, sums of a possessed noun, "save" and "cost"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures


def _measure(nlp: Language, text: str, span: str) -> str | None:
    figures = {f.text: f for f in extract_figures(nlp(text))}
    assert span in figures, (span, list(figures))
    return figures[span].measure


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a singular unit makes the figure an adjective of the noun after it, past a term and adjectives
    ("The company has launched a 200 mln Swiss franc, 12-year bond with a 4-3/4 pct coupon.",
     "200 mln Swiss franc", "bond"),
    ("The bank is receiving a 150 mln dlr, seven-year revolving loan, Merrill said.", "150 mln dlr",
     "revolving loan"),
    # a plural noun tagged as a verb after "N tonne", and the number before such a figure
    ("The business comprised three 6,000 tonne cargoes at 346 dlrs.", "6,000 tonne", "cargoes"),
    ("The business comprised three 6,000 tonne cargoes at 346 dlrs.", "three", "cargoes"),
    # a percent on a debt is its interest rate; a share of the debt is not
    ("It will redeem 4.0 mln dlrs of its 8.70 pct debentures due 1999.", "8.70 pct", "coupon"),
    ("A sinking fund starts in 1998 to retire 76 pct of the debentures by maturity.", "76 pct",
     "debentures"),
    # a sum on a possessor is the possessed noun's
    ("The move cost him his £71,433 minister's salary.", "£71,433", "salary"),
    # what "save" and "cost" say of a sum
    ("The merger should help the airline save about $94m a year.", "$94m", "savings"),
    ("He said a new mill would cost 400-500 mln dlrs.", "400-500 mln dlrs", "cost of mill"),
    # a word split at its hyphen stays whole; a bare plural coordinated with the counted noun joins it
    ("The firm also insulted four co-stars.", "four", "co-stars insulted"),
    ("The drug will be tested in at least 154 men and women.", "154", "men and women"),
    ("Microsoft has indexed 5 billion webpages and claims to update its index.", "5 billion", "webpages indexed"),
    # "preferred" names a stock, not what happened to the shares
    ("It will pay 2,400 shares of 1,000 dlrs par value preferred.", "2,400", "shares"),
    # "for" on the sum itself
    ("The company said it has allocated another 30-40 mln dlrs for capital expenditures.",
     "30-40 mln dlrs", "capital expenditures"),
])
def test_measure_rules_of_the_eighth_round(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _measure(nlp, text, span) == measure


@pytest.mark.parametrize(("text", "span"), [
    ("One below 50 pct implies a declining economy.", "50 pct"),  # a percent's verb is a verb
    ("It earned 1.3 mln dlrs on revenues of 55.8 mln dlrs.", "1.3 mln dlrs"),  # "on" is no purpose
])
def test_eighth_round_rules_leave_these_alone(nlp: Language, text: str, span: str) -> None:
    assert _measure(nlp, text, span) in (None, "earnings")


@pytest.mark.parametrize(("text", "spans"), [
    # "X to Y" ends a range only when Y is at most 20 times X; else a change and the new level
    ("The number of people out of work rose 32,000 to 1.41 million in the quarter.", ["32,000", "1.41 million"]),
    ("The new system is designed to serve 800 to 10,000 users.", ["800 to 10,000"]),
    ("Sales are seen at 5 to 10 million units.", ["5 to 10 million"]),
])
def test_far_apart_numbers_around_to_are_a_change_and_a_level(nlp: Language, text: str, spans: list[str]) -> None:
    assert [f.text for f in extract_figures(nlp(text))] == spans


@pytest.mark.parametrize(("text", "span", "unit"), [
    ("Banks' excess reserves averaged 1.03 billion dlrs a day, down from 1.50 billion in the previous one.",
     "1.50 billion", "USD"),
    ("Liabilities were unchanged at 22.8 billion marks, giving a rise in reserves of 400 mln to 87.0 billion.",
     "87.0 billion", "DEM"),
    ("Losses are estimated at 3.1 billion yen against a 6.99 billion loss a year earlier.", "6.99 billion", "JPY"),
    ("Its earnings were 77m euros (£53m; $100m), up from 38m in the same period of 2003.", "38m", "EUR"),
    # a count of a plural noun keeps no unit
    ("It extended 25 billion dlrs in credit to more than two mln preferred customers.", "two mln", None),
])
def test_a_bare_scaled_number_takes_the_currency_of_the_sum_before(nlp: Language, text: str, span: str,
                                                                   unit: str | None) -> None:
    figures = {f.text: f for f in extract_figures(nlp(text))}
    assert figures[span].unit == unit


@pytest.mark.parametrize("text", [
    "I thought both the 60m races were disappointing in different ways.",
    "He was disappointing in the individual 100m and 200m events in Athens.",
])
def test_races_and_events_name_a_race_distance(nlp: Language, text: str) -> None:
    assert extract_figures(nlp(text)) == []


@pytest.mark.parametrize(("text", "values"), [
    ("The plan would mean dividing it in two.", []),
    ("The mast snapped in two, and the boat sank.", []),
    ("The shares rose in two of the five sessions.", [2.0, 5.0]),
])
def test_in_two_is_an_idiom(nlp: Language, text: str, values: list[float]) -> None:
    assert [f.value for f in extract_figures(nlp(text))] == values
