"""Figures: rules of the twelfth round, from test9's errors (a fall between two levels; price moves in
eighths; events of doers and of verbs of gaining; bare counts that leave out the noun of the count
before them; the level a change's rate is measured from; a sum that holds the sentence's full stop;
costs, the dead, debts described after a comma; degrees and earthquake readings). Every sentence here
is written for the test, none is taken from a corpus."""

from __future__ import annotations

import pytest
from spacy.language import Language

from test_figures_round10 import _figure, _figures


def test_a_fall_from_one_level_to_another_is_two_figures(nlp: Language) -> None:
    figures = _figures(nlp, "The central bank will lower its growth estimate from 3.4% to 2.9%.")
    assert "from 3.4% to 2.9%" not in figures, list(figures)
    assert (figures["3.4%"].value, figures["3.4%"].value_max) == (3.4, None)
    assert (figures["2.9%"].value, figures["2.9%"].value_max) == (2.9, None)
    assert figures["3.4%"].measure == figures["2.9%"].measure == "growth estimate"


def test_a_rise_from_one_level_to_another_stays_a_range(nlp: Language) -> None:
    figure = _figure(nlp, "The fare per ticket increased from 40 to 55 roubles.", "from 40 to 55 roubles")
    assert (figure.value, figure.value_max) == (40, 55)


@pytest.mark.parametrize(("text", "span", "value"), [
    # a bare fraction in eighths after a word of a move is a price move
    ("Shares of the chemicals group closed at 31-3/4, down 5/8.", "5/8", 0.625),
    ("Acme Corp fell 3/8 to 22-1/2 in active trading.", "3/8", 0.375),
    # a whole number and a fraction in eighths, apart, as futures tables write them
    ("The May oats contract settled at 162 1/4, up 1 1/4.", "162 1/4", 162.25),
    ("The May oats contract settled at 162 1/4, up 1 1/4.", "1 1/4", 1.25),
])
def test_price_moves_in_eighths(nlp: Language, text: str, span: str, value: float) -> None:
    figure = _figure(nlp, text, span)
    assert (figure.value, figure.value_max) == (pytest.approx(value), None)


def test_a_bare_fraction_elsewhere_is_no_figure(nlp: Language) -> None:
    assert "3/8" not in _figures(nlp, "The meeting on 3/8 was postponed.")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The group cut its payroll by almost a third in two years.", "a third", 1 / 3),
    ("Imports of steel fell by nearly two thirds, the ministry said.", "two thirds", 2 / 3),
])
def test_a_fraction_after_by_is_the_extent_of_a_change(nlp: Language, text: str, span: str, value: float) -> None:
    assert _figure(nlp, text, span).value == pytest.approx(value)


def test_a_fraction_of_a_unit_after_by_is_no_share(nlp: Language) -> None:
    assert "a quarter" not in _figures(nlp, "The bank raised rates by a quarter of a percentage point.")


@pytest.mark.parametrize(("text", "span", "measure"), [
    ("Of the money raised, only £12m has been spent so far.", "£12m", "spending"),
    ("About $3bn was invested last year, the report said.", "$3bn", "investment"),
])
def test_a_sum_spent_or_invested(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


def test_a_move_after_a_price_measures_that_price(nlp: Language) -> None:
    assert _figure(nlp, "The stock was trading at 27-1/4, up 1/2.", "1/2").measure == "price"


@pytest.mark.parametrize(("text", "span", "measure"), [
    # the counted doer of an active verb with an object gets no event
    ("The three banks signed an accord on Friday.", "three", "banks"),
    # verbs of gaining give their object no event
    ("The film won four awards at the festival.", "four", "awards"),
    ("The new show attracted 3.2 million viewers on its first night.", "3.2 million", "viewers"),
    # a passive participle keeps its event
    ("Four protesters were detained by police.", "Four", "protesters detained"),
])
def test_events_of_doers_and_of_gains(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a bare count in the frame of the count before it: the same preposition after both
    ("The firm has 120 engineers in Leeds, with 35 in Bristol and 12 in York.", "35", "engineers"),
    ("The firm has 120 engineers in Leeds, with 35 in Bristol and 12 in York.", "12", "engineers"),
    # or the same scale word
    ("The opening match drew 2.4 million viewers, but that fell to 1.9 million for the final.", "1.9 million",
     "viewers"),
    # the whole "out of" which a count is taken counts the same noun
    ("The poll found 48 teachers out of 120 questioned backed the plan.", "120", "teachers"),
    # a bare number that died counts people killed
    ("The ferry capsized in a storm in which 63 died.", "63", "people killed"),
    # a range object of "cost"
    ("A strike would have cost the airline between 10 mln and 20 mln dlrs, he said.",
     "between 10 mln and 20 mln dlrs", "cost of strike"),
    # a participle after a comma, hung by the parse on the main verb, describes the noun before it
    ("The government said it would freeze payments on its external debt, estimated at about 4 billion dlrs.",
     "4 billion dlrs", "external debt"),
    # "worth" with a preposition before the sum
    ("Every customer will get a rebate worth on average £35.", "£35", "rebate"),
    # what moved by a number of points
    ("The Nikkei average shed 312.5 points in early trading.", "312.5", "Nikkei average"),
    # an earthquake's reading
    ("A quake measuring 5.8 on the Richter scale shook the coast.", "5.8", "earthquake magnitude"),
    # a number by the word "magnitude" (a made-up earthquake story)
    ("A magnitude 7.1 earthquake struck southern Peru late on Saturday.", "7.1", "earthquake magnitude"),
    ("The 6.9-magnitude quake injured 243 people.", "6.9", "earthquake magnitude"),
    ("The U.S. Geological Survey put its magnitude at 6.9.", "6.9", "earthquake magnitude"),
    ("At least 27 aftershocks were recorded, the strongest of magnitude 5.4.", "5.4", "aftershock magnitude"),
])
def test_measures_of_the_twelfth_round(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


def test_an_amount_the_parse_joins_to_a_time_phrase_stands_beside_the_amount_before(nlp: Language) -> None:
    figures = _figures(nlp, "The wheat sales to Egypt include 50,000 tonnes for shipment during the 1987/88 "
                            "season and 40,000 tonnes during the 1988/89 season, the agency said.")
    assert figures["40,000 tonnes"].measure == figures["50,000 tonnes"].measure is not None


def test_the_level_a_rate_is_measured_from_takes_the_unit_of_the_level_before(nlp: Language) -> None:
    figures = _figures(nlp, "Sugar exports totalled 2.15 mln tonnes, 12 pct down on 2.44 mln.")
    assert (figures["2.44 mln"].value, figures["2.44 mln"].unit) == (2.44e6, "tonnes")


def test_a_scale_that_holds_the_full_stop_ends_the_figure(nlp: Language) -> None:
    figures = _figures(nlp, "The club sold its stadium for about £45m. Supporters were angry about the sale.")
    assert "£45m" in figures, list(figures)
    assert figures["£45m"].measure != "Supporters"


@pytest.mark.parametrize(("text", "span"), [
    ("Temperatures fell to minus 12 degrees overnight.", "minus 12 degrees"),
    ("The grade, at 31 degrees API gravity, was raised 50 cts.", "31 degrees"),
])
def test_degrees_are_a_unit(nlp: Language, text: str, span: str) -> None:
    assert _figure(nlp, text, span).unit == "degrees"


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("Almost a quarter of a million consumers complained in 2004.", "a quarter of a million", 250_000, None),
    ("Half a million people marched in Lisbon on Sunday.", "Half a million", 500_000, None),
    ("Three quarters of a million jobs were lost.", "Three quarters of a million", 750_000, None),
    ("Some one and a half million people voted.", "one and a half million", 1_500_000, None),
    ("The deficit reached half a trillion dollars.", "half a trillion dollars", 5e11, "USD"),
    ("The bank cut rates by a quarter of a percentage point on Thursday.", "a quarter of a percentage point",
     0.25, "percentage points"),
    ("The bank cut rates by half a percentage point to 4.5%.", "half a percentage point", 0.5, "percentage points"),
])
def test_a_share_of_a_scale_is_that_share_of_it(nlp: Language, text: str, span: str, value: float,
                                                 unit: str | None) -> None:
    figure = _figure(nlp, text, span)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


def test_the_share_of_a_percentage_point_measures_what_moved(nlp: Language) -> None:
    figure = _figure(nlp, "The bank cut rates by a quarter of a percentage point on Thursday.",
                     "a quarter of a percentage point")
    assert figure.measure == "rates"


@pytest.mark.parametrize("text", ["Half the plants closed in March.", "It took half an hour to load.",
                                  "Half a dozen riders fell."])
def test_half_before_no_scale_or_before_a_dozen_keeps_its_reading(nlp: Language, text: str) -> None:
    figures = _figures(nlp, text)
    assert not any("million" in t for t in figures)
    if "dozen" in text:
        assert _figure(nlp, text, "Half a dozen").value == 6


@pytest.mark.parametrize(("text", "span", "value", "unit", "measure"), [
    ("The temperature reached 40.3C (104.5F) in Coningsby on Tuesday.", "40.3C", 40.3, "°C", "temperature"),
    ("The temperature reached 40.3C (104.5F) in Coningsby on Tuesday.", "104.5F", 104.5, "°F", None),
    ("Temperatures will fall to 25C on Thursday.", "25C", 25, "°C", "temperatures"),
    ("It was 35°C in Madrid.", "35°C", 35, "°C", "temperature"),
    ("It was 35 °C in Madrid.", "35 °C", 35, "°C", "temperature"),
    ("Temperatures hit 40 degrees Celsius on Tuesday.", "40 degrees Celsius", 40, "°C", "temperatures"),
    ("It beat the old record by 1.6C.", "1.6C", 1.6, "°C", "old record"),  # not the full stop
])
def test_temperatures(nlp: Language, text: str, span: str, value: float, unit: str, measure: str | None) -> None:
    figure = _figure(nlp, text, span)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)
    if measure is not None:
        assert figure.measure == measure


@pytest.mark.parametrize(("text", "span", "value", "value_max", "unit"), [
    ("Temperatures fell to minus 20C overnight in Moscow.", "minus 20C", -20, None, "°C"),
    ("Temperatures fell to -20C overnight.", "-20C", -20, None, "°C"),
    ("It was minus 5 degrees Celsius in Oslo.", "minus 5 degrees Celsius", -5, None, "°C"),
    ("The thermometer read -12°C on Tuesday.", "-12°C", -12, None, "°C"),
    ("It fell as low as minus 30 centigrade in Minsk.", "minus 30 centigrade", -30, None, "°C"),
    ("The wind chill took it to 25 degrees below zero.", "25 degrees below zero", -25, None, "degrees"),
    ("Lows will be minus 10 to 0 degrees F tonight.", "minus 10 to 0 degrees F", -10, 0, "°F"),
])
def test_temperatures_below_zero(nlp: Language, text: str, span: str, value: float, value_max: float | None,
                                 unit: str) -> None:
    figure = _figure(nlp, text, span)
    assert (figure.value, figure.value_max, figure.unit) == (value, value_max, unit)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Assets fell 23 mln dlrs to minus 1.92 billion dlrs.", "1.92 billion dlrs", 1.92e9),
    ("Allocations were last year's minus 15 pct.", "15 pct", 15),
])
def test_minus_before_anything_but_a_temperature_changes_nothing(nlp: Language, text: str, span: str,
                                                                 value: float) -> None:
    assert _figure(nlp, text, span).value == value
    assert "zero" not in _figures(nlp, text)


@pytest.mark.parametrize("text", ["Class 3C pupils won the prize.", "The 4C sedan sold well.",
                                  "The Navy ordered P-3C Orion planes.", "Insat 1C's launch was delayed."])
def test_a_label_with_a_number_and_a_capital_is_no_temperature(nlp: Language, text: str) -> None:
    assert not [f for f in _figures(nlp, text).values() if f.unit in ("°C", "°F")]


@pytest.mark.parametrize(("text", "span", "measure"), [
    ("At least 13 people are believed to have drowned in rivers.", "13", "people drowned"),
    ("More than 2,000 people are thought to have died.", "2,000", "people died"),
    ("Some 30 people are thought to have been killed.", "30", "people killed"),
    ("Up to 300 people were feared dead after the quake.", "300", "people killed"),
    ("Some 150,000 people are feared to be dead.", "150,000", "people killed"),
    ("About 40 people were believed to be inside.", "40", "people"),  # what is said of them is no event
    ("According to the ministry, 154 cases have been confirmed.", "154", "cases confirmed"),  # an event
    ("Ryanair will have taken delivery of about 100 new planes.", "100", "planes"),
])
def test_what_people_are_said_to_have_undergone_is_the_event(nlp: Language, text: str, span: str,
                                                              measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


@pytest.mark.parametrize(("text", "span", "unit"), [
    ("Winds reached 215 km/h on Monday.", "215 km/h", "km/h"),
    ("Snow whipped by 48 kph winds kept falling.", "48 kph", "km/h"),
    ("The train ran at 300 km per hour.", "300 km per hour", "km/h"),
    ("He drove at 120 miles an hour.", "120 miles an hour", "mph"),
    ("Winds gusting to 45 mph caused damage.", "45 mph", "mph"),
    ("It lies 300 km from the coast.", "300 km", "kilometres"),
])
def test_a_distance_per_hour_is_a_speed(nlp: Language, text: str, span: str, unit: str) -> None:
    assert _figure(nlp, text, span).unit == unit


def test_a_datelines_place_is_no_subject(nlp: Language) -> None:
    text = ("Toll rises.\n\nASHGROVE, Missouri - The death toll from the shooting at an Ashgrove bar rose to seven "
            "on Monday, police said.")
    assert _figure(nlp, text, "seven").measure == "death toll"


@pytest.mark.parametrize(("text", "span", "measure"), [
    ("Six people were killed and at least eight wounded when a gunman opened fire.", "eight", "people wounded"),
    ("Two were killed and 14 injured in the blast.", "Two", "people killed"),
    ("Two were killed and 14 injured in the blast.", "14", "people injured"),
    ("13 officers were killed and 353 injured.", "353", "officers injured"),
])
def test_a_bare_count_of_casualties_counts_people(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


@pytest.mark.parametrize("text", ["Kessler had been fired last month, two employees said.",
                                  "But two top German officials told reporters Bonn saw no need for action."])
def test_the_count_of_a_statements_sources_is_no_figure(nlp: Language, text: str) -> None:
    assert not _figures(nlp, text)


def test_a_surveys_share_that_said_stays_a_figure(nlp: Language) -> None:
    assert _figure(nlp, "Nearly three out of four girls said they used make-up.", "three out of four").value == 0.75
