"""Figures: rules of the eleventh round, from test8's errors (scaled numbers that the NER or a name
rule took for dates and names; bare counts of casualties and of a part of a larger count; counts and
sizes written as compound adjectives; a list of numbers as a range; share prices; spending). Every
sentence here is written for the test, none is taken from a corpus."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.annotate.figure_phrases import plural
from newsweave.annotate.figures import extract_figures
from newsweave.dossier.figure_keys import normalize_measure, same_measure
from test_figures_round10 import _figure


@pytest.mark.parametrize(("text", "span", "value"), [
    # the NER takes "mln" into a DATE with "a year earlier": a scale word is never part of a date
    ("Car output rose 3.2 pct to 1.8 mln from 1.7 mln a year ago.", "1.7 mln", 1.7e6),
    # a proper noun (or a typo tagged as one) before a scaled number does not make it a name's number
    ("The deficit was 1.2 billion against Yearago 900 mln.", "900 mln", 9e8),
])
def test_scaled_numbers_are_never_dates_or_names(nlp: Language, text: str, span: str, value: float) -> None:
    assert _figure(nlp, text, span).value == pytest.approx(value)


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a bare object of a verb of casualties counts people
    ("The bomb, which killed seven, went off near the market.", "seven", "people killed"),
    # or the noun of the verb it is coordinated with
    ("The storm killed 40 villagers and injured 300 in the north.", "300", "villagers injured"),
    # a bare subject is a part of the larger count before it in its sentence
    ("Of the 20 branches it opened, 12 were later sold.", "12", "branches sold"),
    # unless the coordinated verb's subject is counted itself
    ("Police detained 30 protesters on Monday and 12 were later released.", "12", "protesters released"),
    # a relative pronoun raised to the object of the verb above stands for its noun
    ("The fund lowered its view of Brazil's industrial growth, which it forecast to be around 3.5% next year.",
     "3.5%", "industrial growth"),
    # a superlative used as a noun
    ("The 26-year-old set a personal best of 6.71m in the long jump.", "6.71m", "personal best"),
    # a quantity the parse hangs on a time preposition is the verb's object
    ("The country was exporting about 90,000 bpd before the strike.", "90,000 bpd", "exports"),
    # "of" hangs on the unit of a range the parse splits
    ("Traders expect the bank to add funds indirectly via 1.5 to two billion dlrs of system repurchases.",
     "1.5 to two billion dlrs", "system repurchases"),
])
def test_measures_of_the_eleventh_round(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


@pytest.mark.parametrize(("text", "span", "value", "unit", "measure"), [
    # counts written as compound adjectives count the plural of their noun
    ("The nine-nation group met in Geneva on Tuesday.", "nine-nation", 9, None, "nations"),
    ("The firm said its 14-store chain would be sold.", "14-store", 14, None, "stores"),
    ("A three-man team was sent to the talks.", "three-man", 3, None, "men"),
    # sizes written so, with "square" or "cubic" inside
    ("The group will build a 120,000-square-foot warehouse near the port.", "120,000-square-foot", 120000,
     "square feet", "warehouse"),
    # a gas flow a day
    ("The well tested at 4.2 mln cubic feet a day of gas.", "4.2 mln cubic feet a day", 4.2e6,
     "cubic feet per day", None),
])
def test_compound_counts_and_sizes(nlp: Language, text: str, span: str, value: float, unit: str | None,
                                   measure: str | None) -> None:
    fig = _figure(nlp, text, span)
    assert (fig.value, fig.unit) == (pytest.approx(value), unit)
    if measure is not None:
        assert fig.measure == measure


@pytest.mark.parametrize("text", [
    "The two-way trade grew fast.",  # a kind, not a count
    "The plan sets up a two-tier system.",
    "He was given a seven-match ban.",  # a ban's length
    "They stayed in a five-star hotel.",
])
def test_compound_kinds_are_not_counts(nlp: Language, text: str) -> None:
    assert extract_figures(nlp(text)) == []


def test_a_bare_count_of_its_own_noun_is_not_compared_with_the_figure_before(nlp: Language) -> None:
    fig = _figure(nlp, "The field produced 9,000 barrels a day from four wells last month.", "four")
    assert (fig.value, fig.unit, fig.measure) == (4, None, "wells")


def test_a_list_of_consecutive_numbers_is_one_range(nlp: Language) -> None:
    figures = extract_figures(nlp("The coach wants two, three or four new defenders this summer."))
    assert [(f.text, f.value, f.value_max) for f in figures] == [("two, three or four", 2, 4)]


def test_a_list_of_other_numbers_stays_apart(nlp: Language) -> None:
    values = [f.value for f in extract_figures(nlp("The plants employ 200, 450 or 900 people each."))]
    assert values == [200, 450, 900]


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a sum a stock closes at or moves by is its price
    ("Acme's stock closed at 14.25 dlrs on Friday.", "14.25 dlrs", "stock price"),
    ("Shares in Bolton Foods rose 12p to 240p.", "240p", "share price"),
    # "on sale for" a sum is a price
    ("The album is on sale for $9.99 in most stores.", "$9.99", "price"),
    ("The new album went on sale for $9.99 on Monday.", "$9.99", "price"),
    # what a sum is spent on is spending; a thing bought with it is what it buys
    ("Tourists spent £2.1bn on hotels last year.", "£2.1bn", "spending on hotels"),
    # a sum donated is a donation
    ("The bank is donating $2m to the appeal.", "$2m", "donation"),
])
def test_prices_and_spending(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a sum per unit of goods that goods reach is their price
    ("Brent crude rose to 19.80 dlrs a barrel on Monday.", "19.80 dlrs", "price of brent crude"),
    ("The market fell to 92.50 cents a lb in thin trade.", "92.50 cents", "market price"),
    # a noun that is a sum per unit itself keeps its own name
    ("The export levy was cut to 22 dlrs per tonne.", "22 dlrs", "export levy"),
    # a sum received is a payment, a sum paid back a repayment
    ("The club said it received 4.5 mln dlrs in cash.", "4.5 mln dlrs", "payment"),
    ("The minister has since paid the £300 back.", "£300", "repayment"),
])
def test_prices_per_unit_and_payments(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a phrasal verb's participle alone is another event: no event
    ("More than 30,000 voters signed up on the first day.", "30,000", "voters"),
    ("The team picked up three awards at the ceremony.", "three", "awards"),
    # a plain participle keeps its event
    ("Troops detained 40 suspects overnight.", "40", "suspects detained"),
])
def test_phrasal_verbs_tell_no_event(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


@pytest.mark.parametrize(("noun", "plural_form"), [("ship", "ships"), ("country", "countries"),
                                                     ("man", "men"), ("bus", "buses"), ("day", "days")])
def test_plural(noun: str, plural_form: str) -> None:
    assert plural(noun) == plural_form


def test_one_person_groups_with_people() -> None:
    a, b = normalize_measure("person killed"), normalize_measure("people killed")
    assert a is not None and b is not None and same_measure(a, b, False)
