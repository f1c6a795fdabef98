"""Figures: units and measures read from the words around a number (annotate/figures.py,
annotate/figure_measures.py), rules of the seventh round."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures


@pytest.mark.parametrize(("text", "span", "unit"), [
    ("Union Pacific owns a 160,000 barrel-per-day Corpus Christi oil refinery.", "160,000 barrel-per-day",
     "barrels per day"),
    ("Output rose to 300,000 barrels a day in May.", "300,000 barrels a day", "barrels per day"),
    ("Qatar has an output ceiling of 285,000 barrels per day.", "285,000 barrels per day", "barrels per day"),
    # barrels of a day's work are no rate: only "per day" / "a day" right after the unit
    ("It bought 5 mln barrels of oil a day after the cut.", "5 mln barrels", "barrels"),
])
def test_barrels_a_day_are_a_rate(nlp: Language, text: str, span: str, unit: str) -> None:
    figures = extract_figures(nlp(text))
    assert [(f.text, f.unit) for f in figures][:1] == [(span, unit)]


@pytest.mark.parametrize("text", [
    "Union Pacific said it will enter a 50-50 partnership with Petroles de Venezuela.",
    "England were criticised for the 0-0 draw against Holland.",
    "There was at least a 50-50 chance that a protection bill would pass.",
])
def test_equal_pairs_are_splits_or_draws_not_ranges(nlp: Language, text: str) -> None:
    assert extract_figures(nlp(text)) == []



@pytest.mark.parametrize(("text", "span"), [
    ("Pacific Telesis and Merrill Lynch and Co. Inc. jointly hold 13 pct.", "13 pct"),
    ("He said Alcatel also has agreed to sell <Marconi Espanola SA>, owned 80 pct by Standard.", "80 pct"),
    ("Mr Glazer owns 28.1%.", "28.1%"),
])
def test_a_percent_held_of_nothing_named_is_a_stake(nlp: Language, text: str, span: str) -> None:
    figures = [f for f in extract_figures(nlp(text)) if f.text == span]
    assert [f.measure for f in figures] == ["stake"]


def test_a_percent_held_of_something_counts_it(nlp: Language) -> None:
    text = "Existing common shareholders will hold about 15 pct of the company's shares."
    assert [f.measure for f in extract_figures(nlp(text))] == ["shares"]


@pytest.mark.parametrize(("text", "span", "measure"), [
    # the parse takes "US light crude" for an apposition of the name, and "fell" has no subject (and a
    # sum per barrel that goods fall to is their price: eleventh round)
    ("Following the comments by acting Opec secretary general Adnan Shihab-Eldin, US light crude fell 32 "
     "cents to $51.43 a barrel.", "$51.43", "price of US light crude"),
    ("During the same period imports of agricultural products dropped 13.1 pct to 31.2 billion guilders.",
     "31.2 billion guilders", "imports"),
    # "stocks" taken for the object of "said", a time phrase between it and "were"
    ("It said wheat stocks at the end of 1986 were 390,000 tonnes, up from 223,000 at end-1985.",
     "390,000 tonnes", "wheat stocks"),
])
def test_the_noun_before_a_verb_without_subject_is_its_subject(nlp: Language, text: str, span: str,
                                                               measure: str) -> None:
    figures = [f for f in extract_figures(nlp(text)) if f.text == span]
    assert [f.measure for f in figures] == [measure]


def test_levels_after_anywhere_from_measure_the_subject(nlp: Language) -> None:
    text = ("Economists polled by Reuters said that M-1 should be anywhere from down four billion dlrs to up "
            "2.3 billion dlrs.")
    assert [f.measure for f in extract_figures(nlp(text))] == ["M-1", "M-1"]


@pytest.mark.parametrize(("text", "measure"), [
    ("Qwest said on Wednesday that MCI had rejected a deal worth $8bn.", "deal"),
    ("The first vouchers, worth £250, will be distributed from January.", "vouchers"),
    # the parse hangs "worth" on "firms": the noun right before it is what the sum values
    ("The tax cuts target firms and individuals, offering income tax cuts worth 6.8bn rand.", "income tax cuts"),
    ("Nestle plans to buy back shares worth 1bn Swiss francs.", "shares"),
    ("The contract is worth 5 mln dlrs.", "contract"),
])
def test_a_sum_after_worth_values_the_noun_before(nlp: Language, text: str, measure: str) -> None:
    assert [f.measure for f in extract_figures(nlp(text))][:1] == [measure]


@pytest.mark.parametrize(("text", "measure"), [
    ("The US firm agreed to pay $2bn to exit an agreement.", "payment"),
    ("Grain traders sought to buy about 340,000 tonnes.", None),
    ("The company - which controls half of the South Korean's market - aims to grow.", None),
])
def test_an_agent_subject_is_not_what_its_object_measures(nlp: Language, text: str, measure: str | None) -> None:
    assert [f.measure for f in extract_figures(nlp(text))] == [measure]


def test_a_subject_that_is_no_agent_still_measures_the_object(nlp: Language) -> None:
    figures = extract_figures(nlp("The selling concession is 1-1/4 pct while management pays 1/2 pct."))
    assert [f.measure for f in figures] == ["selling concession", "management"]


@pytest.mark.parametrize(("text", "measures"), [
    # "payout" tagged as an adjective
    ("It blamed an $850m payout to settle a price-rigging lawsuit.", ["payout"]),
    # a gerund subject
    ("Spending on health and education will rise by 9.4% and 8.1% respectively.", ["spending", "spending"]),
    # the parse hangs the noun on the last conversion: the first sum shares it
    ("It said Fiat was set to restructure its business after reaching a $2bn (1.53bn euros; £1.05bn) "
     "settlement with GM.", ["settlement", "settlement", "settlement"]),
])
def test_nouns_the_tagger_missed_and_conversions(nlp: Language, text: str, measures: list[str]) -> None:
    assert [f.measure for f in extract_figures(nlp(text))] == measures


def test_the_other_sum_of_a_conversion_is_no_measure(nlp: Language) -> None:
    figures = extract_figures(nlp("The deficit is projected to peak at $427bn (£230bn) this year."))
    assert [f.text for f in figures] == ["$427bn", "£230bn"]
    assert not any(f.measure and any(ch.isdigit() for ch in f.measure) for f in figures)


@pytest.mark.parametrize(("text", "measure"), [
    ("Young, which yesterday withdrew its 23 dlr a share takeover proposal, said it sold shares.",
     "takeover proposal"),
    ("It received 3,424,729 shares in response to its 31.60 dlr per share tender offer.", "tender offer"),
])
def test_a_per_share_sum_measures_the_noun_after_a_share(nlp: Language, text: str, measure: str) -> None:
    figures = [f for f in extract_figures(nlp(text)) if f.unit == "USD"]
    assert [f.measure for f in figures] == [measure]


def test_a_per_share_sum_paid_in_cash_keeps_its_measure(nlp: Language) -> None:
    text = "It offered to acquire all shares of Rospatch Corp for 22 dlrs a share cash."
    assert [f.measure for f in extract_figures(nlp(text))] == ["price per share"]


def test_a_range_split_by_the_parse_keeps_its_preposition(nlp: Language) -> None:
    # "at 17-1/2" hangs on "sold", "19 dlrs" is taken for its object: the range is a price
    text = "SDI Partners sold 18,300 Sorg common shares between June 16 and 18 at 17-1/2 to 19 dlrs each."
    figures = [f for f in extract_figures(nlp(text)) if f.unit == "USD"]
    assert [(f.value, f.value_max, f.measure) for f in figures] == [(17.5, 19.0, "price")]


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a sum does not count the name after it; a seller's tender line "at" a sum is a price
    ("Cargill sold 10,000 tonnes of wheat, Bunge 5,000 tonnes at 120.88 dlrs FOB Gulf.", "120.88 dlrs", "price"),
    ("June/July butter went at 4,400 dlrs, Aug/Sept at 4,351 to 4,450 dlrs.", "4,351 to 4,450 dlrs", "price"),
    # (and a sum shares fall to is their price: eleventh round)
    ("Shares fell 1% to 510.75 pence in London, and dropped by 1.2% to 50.50 euros in Amsterdam.", "50.50 euros",
     "share price"),
    # a common noun "at" a sum keeps its own measure
    ("The deficit with China, up 30.5% at $162bn, was the largest ever recorded.", "$162bn", "deficit"),
])
def test_names_after_a_sum_and_sums_at_a_name(nlp: Language, text: str, span: str, measure: str) -> None:
    assert [f.measure for f in extract_figures(nlp(text)) if f.text == span] == [measure]


@pytest.mark.parametrize(("text", "figures"), [
    ("In early trade on Thursday, its shares were down 10% at 119 pence.",
     [("10%", 10.0, "percent"), ("119 pence", 119.0, "GBP pence")]),
    ("However, BP's share price rose 4p or nearly 1% in morning trading to 548p.",
     [("4p", 4.0, "GBP pence"), ("1%", 1.0, "percent"), ("548p", 548.0, "GBP pence")]),
])
def test_pence_are_british_cents(nlp: Language, text: str, figures: list[tuple[str, float, str]]) -> None:
    assert [(f.text, f.value, f.unit) for f in extract_figures(nlp(text))] == figures


@pytest.mark.parametrize(("text", "figures"), [
    ("Net profit hit a record 38.3 billion won in 1986.", [("38.3 billion won", "KRW")]),
    ("The new aircraft has a designed range of 12,500 kms.", [("12,500 kms", "kilometres")]),
    ("It received a defense contract for 3.69 mln yards of tropical cloth.", [("3.69 mln yards", "yards")]),
    # the verb after a count is no currency
    ("Of the 12 candidates, nine won seats in the assembly.", [("12", None), ("nine", None)]),
])
def test_korean_won_kilometres_and_yards(nlp: Language, text: str, figures: list[tuple[str, str | None]]) -> None:
    assert [(f.text, f.unit) for f in extract_figures(nlp(text))] == figures


def test_a_hedge_before_a_sum_is_no_preposition_of_its_own(nlp: Language) -> None:
    text = "This year, the top 12 films grossed around $91m (£48.3m), compared to 2004's Super Bowl weekend."
    assert [f.measure for f in extract_figures(nlp(text))] == ["top films", "top films"]


def test_a_conversion_does_not_lend_a_currency_word_as_measure(nlp: Language) -> None:
    text = "Despite starring in five films in 2004, Depardieu made 3.35m Euros (£2.31m) putting him third."
    assert [f.measure for f in extract_figures(nlp(text)) if f.unit == "EUR"] == [None]


@pytest.mark.parametrize(("text", "figures"), [
    ("He claimed the men's shot put title with a throw of 17.64m, below the qualifying mark.",
     [("17.64m", 17.64, "metres")]),
    ("She cleared 4.88m at the Norwich Union meeting to win the pole vault.", [("4.88m", 4.88, "metres")]),
    # millions where no jump or throw is told, and a currency after
    ("Viewers rose to 8.25m last week.", [("8.25m", 8_250_000.0, None)]),
    ("Jugnot made 5.45m Euros (£3.77m) last year.", [("5.45m Euros", 5_450_000.0, "EUR"),
                                                     ("£3.77m", 3_770_000.0, "GBP")]),
    # race distances before the race's plural noun are no figures
    ("White failed a drugs test after winning the 100m and 200m titles.", []),
    ("She clocked 8.47secs in the heats of the 60m hurdles.", []),
])
def test_field_marks_are_metres_and_races_no_figures(nlp: Language, text: str,
                                                     figures: list[tuple[str, float, str | None]]) -> None:
    assert [(f.text, f.value, f.unit) for f in extract_figures(nlp(text))] == figures


@pytest.mark.parametrize(("text", "figures"), [
    # race times are durations, with or without their unit
    ("Germany's Alexander Kosenkow won the race in 21.07 secs.", []),
    ("Derval O'Rourke broke her own Irish 60m hurdles record by clocking 8.06 which left her third.", []),
    # a price of hundredths with no race told stays a figure
    ("Barrows and gilts rose 1.75 dlr to 51.75 in active trade.", [("1.75 dlr", 1.75, "USD"), ("51.75", 51.75, None)]),
    ("That leap - 37cm short of the winner's effort - was good enough to qualify.", [("37cm", 37.0, "centimetres")]),
])
def test_race_times_and_centimetres(nlp: Language, text: str, figures: list[tuple[str, float, str | None]]) -> None:
    assert [(f.text, f.value, f.unit) for f in extract_figures(nlp(text))] == figures


@pytest.mark.parametrize(("text", "measure"), [
    ("The first Pirates of the Caribbean film took $305m (£162m) at the box office in the US alone.", "takings"),
    ("The Aviator has taken $75m (£40m) so far.", "takings"),
    # not a participle, not a quantity of goods
    ("ExxonMobil will be taking some 15 million tonnes each year under the deal.", None),
])
def test_sums_a_film_takes_are_takings(nlp: Language, text: str, measure: str | None) -> None:
    assert [f.measure for f in extract_figures(nlp(text))][:1] == [measure]


@pytest.mark.parametrize(("text", "figures"), [
    ("Competition to get people using 3G mobiles will grow in the next year.", []),
    ("Vodafone had pinned its hopes on the launch of its 3G phones in November.", []),
    ("Many BT customers will now have download speeds of 2 Mbps.", [("2 Mbps", "Mbps")]),
])
def test_numbers_glued_to_a_capital_letter_are_names(nlp: Language, text: str,
                                                     figures: list[tuple[str, str]]) -> None:
    assert [(f.text, f.unit) for f in extract_figures(nlp(text))] == figures


def test_estimated_says_how_many_not_what(nlp: Language) -> None:
    text = "An estimated 12 million Britons now use the net as a way of managing their financial affairs."
    assert [f.measure for f in extract_figures(nlp(text))] == ["Britons"]


def test_the_noun_of_with_is_the_subject_of_its_gerund(nlp: Language) -> None:
    text = ("With total orders, excluding the volatile defense sector, falling a record 9.9 pct, economists agreed "
            "that the report painted a bleak picture.")
    assert [f.measure for f in extract_figures(nlp(text))] == ["orders"]


@pytest.mark.parametrize(("text", "span", "measure"), [
    ("A wildfire tore through forests, burning an estimated 4,000 hectares.", "4,000 hectares", "area burned"),
    ("The Dixie fire has scorched more than 460,000 acres.", "460,000 acres", "area burned"),
    ("It burned an area of 10,500 hectares, he said.", "10,500 hectares", "area burned"),
    ("The company bought 5,000 hectares of farmland.", "5,000 hectares", "farmland bought"),
    # a part of a whole counts what happened to the whole, a number's part what happened to it
    ("Five people, including two firefighters, were treated in hospital.", "two", "firefighters treated"),
    ("Five of the six members of the committee voted for the cut.", "Five", "members voted"),
    ("Five of the six members of the committee voted for the cut.", "six", "members"),
    ("Charvis has missed all three of Wales' victories.", "three", "victories"),
    # what a forecaster expects is a forecast
    ("The RBI now expects inflation of 2% this fiscal year.", "2%", "inflation forecast"),
])
def test_areas_parts_and_forecasts(nlp: Language, text: str, span: str, measure: str) -> None:
    figures = {f.text: f.measure for f in extract_figures(nlp(text))}
    assert figures[span] == measure


def test_a_currency_word_hyphened_to_the_next_is_no_unit_after_a_sign(nlp: Language) -> None:
    figures = extract_figures(nlp("It set up a $5 billion dollar-rupee swap."))
    assert [(f.text, f.unit) for f in figures] == [("$5 billion", "USD")]
