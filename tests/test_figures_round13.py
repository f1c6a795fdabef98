"""Figures: rules of the thirteenth round, from the faults a made-up hurricane story showed (an estimate's
range, a conversion in parentheses, a forecast beside the count of what happened, two firms' estimates, a
headline's bare event). Every sentence here is written for the test, none is taken from a corpus."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsweave.dossier.figure_keys import normalize_measure
from newsweave.dossier.figures import group_figures
from newsweave.model import Annotations, Article, Figure
from test_figures import _item
from test_figures_round10 import _figure, _figures


@pytest.mark.parametrize(("text", "span", "low", "high"), [
    ("The firm estimated insured losses at $3 billion to $5 billion.", "$3 billion to $5 billion", 3e9, 5e9),
    ("Officials put the damage at $1.3 to $1.5bn.", "$1.3 to $1.5bn", 1.3e9, 1.5e9),
])
def test_an_estimate_at_x_to_y_is_a_range(nlp: Language, text: str, span: str, low: float, high: float) -> None:
    figure = _figure(nlp, text, span)
    assert (figure.value, figure.value_max, figure.unit) == (low, high, "USD")


def test_a_change_to_a_level_stays_two_figures(nlp: Language) -> None:
    figures = _figures(nlp, "Profit rose $3 billion to $50 billion.")
    assert "$3 billion to $50 billion" not in figures, list(figures)


@pytest.mark.parametrize(("text", "first", "second", "measure"), [
    ("Up to 400 mm (16 inches) of rain fell over the peninsula.", "400 mm", "16 inches", "rain"),
    ("It had maximum sustained winds of 215 km/h (134 mph) at midday.", "215 km/h", "134 mph",
     "maximum sustained winds"),
])
def test_a_conversion_in_parentheses_measures_what_the_figure_before_it_does(
        nlp: Language, text: str, first: str, second: str, measure: str) -> None:
    figures = _figures(nlp, text)
    assert figures[first].measure == figures[second].measure == measure


def test_a_forecast_is_told_and_never_compared_with_what_happened(nlp: Language) -> None:
    items = [_item("a", "The utility said power could be cut to as many as 1.5 million customers.", "2026-10-20", nlp),
             _item("b", "The utility said 1.4 million customers had lost power.", "2026-10-22", nlp)]
    (group,) = group_figures(items)
    assert [r.value for r in group.reports] == [1.5e6, 1.4e6] and not group.conflict
    assert group.note == "a forecast, not compared with the counts: 1.5 million (a)"


def test_an_uncertain_count_of_what_happened_is_no_forecast(nlp: Language) -> None:
    items = [_item("a", "The utility said power may have been cut to 1.5 million customers.", "2026-10-20", nlp),
             _item("b", "The utility said 1.4 million customers had lost power.", "2026-10-22", nlp)]
    (group,) = group_figures(items)
    assert group.conflict and "forecast" not in (group.note or "")


def test_two_estimates_that_differ_are_neither_an_update_nor_a_contradiction(nlp: Language) -> None:
    items = [_item("a", "Karst Analytics estimated insured losses at $5 billion.", "2026-10-21", nlp),
             _item("b", "Atlas Re put insured losses at $6 billion.", "2026-10-22", nlp)]
    (group,) = group_figures(items)
    assert group.conflict and group.note is not None and group.note.endswith("estimates differ")


def test_a_headlines_bare_event_counts_people() -> None:
    assert normalize_measure("flee") == normalize_measure("people evacuated")
    assert normalize_measure("killed") == normalize_measure("people killed")


def test_a_countrys_pounds_are_its_currency_and_a_bare_pounds_follows_it(nlp: Language) -> None:
    figures = _figures(nlp, "Interest payments will absorb about 3.1 trillion Egyptian pounds. Fuel subsidies in "
                            "the draft budget amount to 154 billion pounds.")
    assert figures["3.1 trillion Egyptian pounds"].unit == figures["154 billion pounds"].unit == "EGP"
    assert figures["154 billion pounds"].measure == "fuel subsidies"
    # an article that names no country's pounds: weight (or sterling) stays as it was
    assert _figures(nlp, "The truck carried 10,000 pounds of beef.")["10,000"].unit is None


def test_an_octane_grade_is_no_count(nlp: Language) -> None:
    assert "92-octane" not in _figures(nlp, "A litre of 92-octane gasoline costs 17.25 pounds.")


def test_a_bare_pounds_in_an_article_on_egypt_is_egyptian(nlp: Language) -> None:
    figures = _figures(nlp, "Egypt's fuel subsidies amount to 154 billion pounds. "
                            "The truck carried 500 pounds of rice.")
    assert figures["154 billion pounds"].unit == "EGP" and figures["500"].unit is None


def test_people_a_firm_employs_are_no_count_of_what_happened_and_a_size_before_its_noun_has_its_unit(
        nlp: Language) -> None:
    figures = _figures(nlp, "Minera, which employs about 1,100 people, said 36 people were working below ground "
                            "on the 420-meter level.")
    assert figures["1,100"].measure == "people employed"
    assert figures["420-meter"].unit == "metres"


@pytest.mark.parametrize(("text", "span", "unit"), [
    ("The ministry expects savings of 42 billion koruna a year.", "42 billion koruna", "CZK"),
    ("The hackers demanded 40 bitcoin.", "40 bitcoin", "BTC"),
    ("Losses reached 2 billion hryvnias.", "2 billion hryvnias", "UAH"),
    ("The bank lent 20 billion Kenyan shillings.", "20 billion Kenyan shillings", "KES"),
])
def test_more_currencies_by_their_words(nlp: Language, text: str, span: str, unit: str) -> None:
    assert _figure(nlp, text, span).unit == unit


def test_a_currency_alone_measures_nothing_but_a_currencys_rate_does(nlp: Language) -> None:
    # two unrelated sums whose parse left only their currency word as the measure are no one measure
    def sum_of(aid: str, text: str, published: str, span: str) -> tuple[Article, Annotations]:
        start = text.index(span)
        figure = Figure(start, start + len(span), span, float(span.split()[0]) * 1e9, None, "leva")
        return Article(aid, text, published=date.fromisoformat(published)), Annotations(aid, figures=(figure,))

    items = [sum_of("a", "The ministry will save 42 billion leva.", "2026-03-14", "42 billion"),
             sum_of("b", "Shops lost 18 billion leva in sales.", "2026-03-16", "18 billion")]
    assert group_figures(items) == []  # a measure that is only the sum's own currency word
    items = [_item("a", "The dollar closed at 1.7675 marks.", "1987-03-14", nlp),
             _item("b", "The dollar closed at 1.8320 marks.", "1987-03-16", nlp)]
    (rate,) = group_figures(items)
    assert rate.unit == "DEM" and len(rate.reports) == 2


def test_an_earlier_level_the_text_names_as_such_takes_no_side(nlp: Language) -> None:
    items = [_item("a", "The hackers have raised their demand to 50 bitcoin.", "2026-10-07", nlp),
             _item("b", "The hackers demanded 50 bitcoin after raising their initial demand of 40 bitcoin.",
                   "2026-10-08", nlp)]
    assert not any(g.conflict for g in group_figures(items))
