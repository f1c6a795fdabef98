"""Figures: number expressions, their measures, and figure groups across a story's articles."""

from __future__ import annotations

import gzip
import importlib.util
import json
import signal
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures
from newsweave.annotate.nlp import sentences_of
from newsweave.dossier.figure_keys import MeasureKey, normalize_measure, same_measure
from newsweave.dossier.figures import group_figures
from newsweave.dossier.names import PlaceGazetteer
from newsweave.model import Annotations, Article, Figure, FigureGroup

BENCH = Path(__file__).resolve().parents[1] / "bench" / "figures_gold.py"


def _figures(nlp: Language, text: str) -> list[Figure]:
    return extract_figures(nlp(text))


def _find(figures: list[Figure], value: float) -> Figure:
    found = [f for f in figures if f.value == pytest.approx(value)]
    assert found, f"no figure with value {value} in {figures}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "measure", "span"),
    [
        ("Kazakhstan's police have detained 3,811 people over several days of rioting.",
         3811, None, None, "people detained", "3,811"),
        ("At least 13 law enforcement officers have been killed in the clashes.",
         13, None, None, "law enforcement officers killed", "13"),
        ("The cost per liter increased from 60 to 120 tenge.",
         60, 120, "tenge", "cost per liter", "from 60 to 120 tenge"),
        ("The criminals ransacked the offices of five TV channels.",
         5, None, None, "TV channels ransacked", "five"),
        ("Eighteen miners were rescued on Tuesday.", 18, None, None, "miners rescued", "Eighteen"),
        ("The peacekeeping forces will number about 2.5 thousand people.",
         2500, None, None, "peacekeeping forces", "2.5 thousand"),
        ("Residents opposed a two-fold increase in prices for gas.", 2, None, "fold", "prices for gas",
         "two-fold"),
        ("Unemployment rose to 18% last year.", 18, None, "percent", "unemployment", "18%"),
        ("The company agreed to pay $1.5 billion for the stake.", 1.5e9, None, "USD", None, "$1.5 billion"),
        ("Net profit rose to 12.5 mln dlrs from 9.8 mln dlrs.", 12.5e6, None, "USD", "net profit",
         "12.5 mln dlrs"),
        ("Sales were up 3.2 pct in the quarter.", 3.2, None, "percent", "sales", "3.2 pct"),
        ("Quarterly profits jumped 76% to $1.13bn (£600m).", 1.13e9, None, "USD", "quarterly profits",
         "$1.13bn"),
        ("Between 10 and 20 people were injured in the blast.", 10, 20, None, "people injured",
         "Between 10 and 20"),
        ("The bank cut its base rate by 0.5 percentage points.", 0.5, None, "percentage points", None,
         "0.5 percentage points"),
        ("Police arrested a dozen protesters outside the embassy.", 12, None, None, "protesters arrested",
         "a dozen"),
        ("Twenty-five soldiers died in the attack.", 25, None, None, "soldiers died", "Twenty-five"),
    ],
)
def test_figure_value_unit_measure(nlp: Language, text: str, value: float, value_max: float | None,
                                   unit: str | None, measure: str | None, span: str) -> None:
    figure = _find(_figures(nlp, text), value)
    assert figure.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert figure.unit == unit
    assert figure.text == span
    assert text[figure.start:figure.end] == figure.text
    if measure is not None:
        assert figure.measure == measure


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "measure"),
    [
        # a table row under a label, without "vs"
        ("WHEAT ESTIMATES\nEnd Stocks 4.50 4.32 4.19 4.01\n", 4.32, None, None, "end stocks"),
        # a range with a hedge after "between"; "vary" gives the level of its subject
        ("Prices for copper wire vary widely between about 300 and 700 dlrs a ton.", 300, 700, "USD",
         "prices for copper wire"),
        # a change noun with nothing after it counts itself
        ("Officials reported 0.4% growth in the last quarter of the year.", 0.4, None, "percent", "growth"),
        # the verb of an event noun is not what happened to the counted shares
        ("The company completed an offering of 500,000 common shares on Monday.", 500000, None, None,
         "common shares"),
        # a sum paid: the verb, or what it was paid for
        ("The utility asked regulators for permission to refund 12 mln dlrs to customers.", 12e6, None,
         "USD", "refund"),
        ("The brewer spent 40 mln dlrs on a stake in a vineyard.", 40e6, None, "USD", "stake"),
        # a participle that measures its noun
        ("The city sold a plot measuring 40 acres to the developer.", 40, None, "acres", "plot"),
        # "by" attached to the participle still tells how much the price was lowered
        ("The refiner lowered the price for diesel sold in Ohio by two cts a gallon.", 2, None, "US cents",
         "price for diesel"),
        ("Bill rates rose seven basis points in the week.", 7, None, "basis points", None),
        ("The bank raised 500 mln Norwegian crowns in the bond market.", 500e6, None, "NOK", None),
        ("The company cut its price 0.50 cent a gallon.", 0.5, None, "US cents", None),
        # the second conjunct of a comparison takes the first one's measure
        ("The agency put the wheat area at 79,100 acres, vs 76,700 acres estimated last month and 75,900 "
         "acres harvested last year.", 75900, None, "acres", "wheat area"),
        # pounds of weight as symbols (test4), glued or not
        ("The film followed his 25lb weight gain and the health effects.", 25, None, "pounds", "weight gain"),
        ("The mine shipped 4,784,000 lbs of zinc in March.", 4784000, None, "pounds", "zinc shipped"),
        # a verb's bare number object is the quantity its noun names
        ("SBC currently employs 163,000 people while AT&T employs 47,000.", 47000, None, None, "employees"),
        # a hyphenated word stays whole when the parse hangs its hyphen on the head
        ("He said: \"We have had three policy positions in three months and two U-turns.", 2, None, None,
         "u-turns"),
        # what a sum is paid in is not what it counts, unless nothing else tells
        ("The proposed acquisition price is approximately 17.5 mln dlrs in cash, the company said.", 17.5e6,
         None, "USD", "proposed acquisition price"),
        ("The company has 5 mln dlrs in cash.", 5e6, None, "USD", "cash"),
        # "of" an amount after a time phrase: the amount of what the time phrase is about
        ("Reed, a maker of drilling bits, had sales for 1986 of around 76 mln dlrs.", 76e6, None, "USD", "sales"),
        ("The company reported a net loss for the year of 62.1 mln dlrs.", 62.1e6, None, "USD", "net loss"),
        # a class letter taken for an article does not cut the phrase at "class"
        ("Holders convert on the basis of 3.435 class A common shares for each 12 pct convertible preferred "
         "share held.", 3.435, None, None, "common shares"),
        # a bare amount of another thing in the same list takes the first one's unit
        ("Operators asked to export 11,950 tonnes of free market barley and 13,000 of soft wheat flour.", 13000,
         None, "tonnes", "soft wheat flour"),
        # shares written as words
        # the share "imports reach" is the imports' (test2's annotator: "oil imports" first; the tenth round)
        ("The plan sets a tariff when imports reach half of domestic consumption.", 0.5, None, None,
         "imports"),
        ("It laid off about 20,000 miners, two-thirds of the workforce.", 2 / 3, None, None, "workforce"),
        ("The franc lost almost half its value in a year.", 0.5, None, None, "value"),
        # what forecasters expected is the figure told before, not the forecasters
        ("Excluding special items, eBay's profit was 33 cents a share, but analysts had expected 34 cents.", 34,
         None, "US cents", "profit"),
        # a level "up from" another: what the verb before "up" set
        ("The producers agreed to establish a minimum price of 300 dlrs per flask for spot mercury sales, up "
         "from the previous minimum of 240 dlrs.", 240, None, "USD", "minimum price for spot mercury sales"),
        # names used as adjectives share the plural noun of their last conjunct
        ("He said the number of faith schools included about 100 Muslim, 100 Evangelical Christian and 50 "
         "Jewish schools.", 100, None, None, "Muslim schools"),
        ("UK and US co-productions fell from 102 in 2003 to 81 last year.", 81, None, None,
         "UK and US co-productions"),
        # (no event since the twelfth round: the doers of "formed the team", not people formed)
        ("Twenty-two Maori and four 'pakiha' formed the team.", 22, None, None, "Maori"),
        # the noun after a sum's conversion, parsed as an apposition
        ("A Republican senator is set to call for a maximum $3 million (£1.6 million) fine for repeated "
         "violations.", 1.6e6, None, "GBP", "fine"),
        # a share of an owner is a stake
        ("Beryllium said as a 49 pct owner of the venture it would contribute the mine while Cominco, as "
         "operator and 51 pct owner, would conduct drilling.", 51, None, "percent", "stake"),
    ],
)
def test_figure_measures_of_tables_ranges_events_and_sums(nlp: Language, text: str, value: float,
                                                          value_max: float | None, unit: str | None,
                                                          measure: str | None) -> None:
    figure = _find(_figures(nlp, text), value)
    assert figure.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert figure.unit == unit
    if measure is not None:
        assert figure.measure == measure


def test_their_number_resolves_to_previous_sentence(nlp: Language) -> None:
    text = ("It also became known about the security forces killed during the protests in the republic. "
            "Their number increased to 18, two of them were beheaded.")
    assert _find(_figures(nlp, text), 18).measure == "security forces killed"


def test_elided_noun_borrowed_from_coordinated_clause(nlp: Language) -> None:
    text = "At least 13 law enforcement officers have been killed and 353 injured in the mayhem."
    assert _find(_figures(nlp, text), 353).measure == "law enforcement officers injured"


@pytest.mark.parametrize(
    "text",
    [
        "The protests began on January 2, 2022.",
        "In 1993, Azerbaijan, Georgia and Belarus joined the agreement.",
        "This was done in accordance with Article 4 of the Collective Security Treaty.",
        "The statement was published at 20:28 GMT.",
        "Tokayev, 68, said the troops would leave.",
        "A 45-year-old man was questioned.",
        "Il-76 planes with peacekeepers arrived in the republic.",
        "He was the first to finish, ahead of the second runner.",
        "For details call 555-1234 after noon.",
        "The talks lasted three days.",
        "She bought a copy of Windows 95 yesterday.",
        "One lesson from history is that it is hard to leave.",
        "The team won 2-1 on Saturday.",
        # ranks, names and listed durations
        "The single reached number three in the charts.",
        "The band made the top five again.",
        "He played in the Six Nations Championship last year.",
        "Three and six-month deposits were unchanged.",
        # ages after "the age of" and after dying at (test4)
        "The conductor has died in Germany at 50.",
        "The actor has died at the age of 85.",
        # halves and thirds that are not shares
        "Growth will slow in the first half of 2005 and in the second half.",
        "He will not seek a third term after half an hour of talks.",
        "Snow stressed livestock in the eastern half of the United States.",
        # a fraction of a unit is not a share with no unit (review: "quarter of a point" x 18 in the corpora;
        # "a quarter of a percentage point" is 0.25 percentage points: test_figures_round12)
        "The bank raised overnight rates by a quarter of a point.",
        "Prices fell three quarters of a point.",
    ],
)
def test_not_figures(nlp: Language, text: str) -> None:
    assert _figures(nlp, text) == []


def test_reuters_sentences_parse(corpora_dir: Path, nlp: Language) -> None:
    """Common wire-copy figures ("mln dlrs", "pct", "billion") in real Reuters-21578 articles."""
    wanted = {"reuters21578/1459": (8.2e9, "USD"), "reuters21578/80": (195e6, "USD"),
              "reuters21578/40": (15, "percent"), "reuters21578/124": (26108, None)}
    seen: dict[str, dict[str, Any]] = {}
    with gzip.open(corpora_dir / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                seen[record["id"]] = record
            if len(seen) == len(wanted):
                break
    for rid, (value, unit) in wanted.items():
        figures = _figures(nlp, seen[rid]["text"][:800])
        match = [f for f in figures if f.value == pytest.approx(value) and f.unit == unit]
        assert match, f"{rid}: no {value} {unit} in {[(f.text, f.value, f.unit) for f in figures]}"
        assert match[0].measure, f"{rid}: {match[0]} has no measure"


# Sentences written for these tests (issue 5, third round): one per general rule of the measure,
# unit and skip logic, none taken from the gold sets.
@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "measure"),
    [
        # a year is not the low end of a range: "in 2005 to 420m euros"
        ("Revenue fell 3% in 2005 to 420m euros.", 420e6, None, "EUR", "revenue"),
        # time phrases between two figures do not keep them from being compared
        ("The charge was 3.1 mln dlrs in the first quarter and 4.2 mln dlrs in the six months compared "
         "with 900,000 dlrs.", 900000, None, "USD", "charge"),
        # the second column of an earnings line has its own label, and the first column's unit
        ("Net profit 12.1 mln dlrs vs loss 3.4 mln", 3.4e6, None, "USD", "net loss"),
        # a bare number object of a verb that names a quantity; a rate's unit is not lent to a level
        ("In May it sold 12,500, up 4.1 pct from 12,008.", 12008, None, None, "sales"),
        ("The notes yield 7.25 pct.", 7.25, None, "percent", "yield"),
        # a sum per unit: a price when paid, earnings when earned
        ("The group agreed to buy the chain for 14.50 dlrs a share.", 14.5, None, "USD", "price per share"),
        ("The firm earned 1.20 dlrs a share last year.", 1.2, None, "USD", "earnings per share"),
        ("The bonds were priced at 99-1/2.", 99.5, None, None, "price"),
        # "units" and "head" only say that things are counted
        ("Vehicle output totalled 81,200 units in June.", 81200, None, None, "vehicle output"),
        ("Hog numbers were estimated at 331.6 mln head.", 331.6e6, None, None, "hog numbers"),
        # a bid/asked quote is a range
        ("Three-month rates closed at 6.45/40 pct.", 6.40, 6.45, "percent", "rates"),
        # a number coordinated with a figure takes its unit
        ("Bill rates rose three and five basis points.", 3, None, "basis points", "Bill rates"),
        # a crown of the article's country; a dollar named earlier in the sentence
        ("Norway's reserves rose to 80.1 billion crowns in May.", 80.1e9, None, "NOK", "reserves"),
        ("Deposits rose to 17.2 billion N.Z. dlrs from 16.7 billion dlrs.", 16.7e9, None, "NZD", "deposits"),
        # a plan is not an event; what happened to an offer did not happen to its price
        ("The company said 500 terminals are to be supplied next year.", 500, None, None, "terminals"),
        ("The group has withdrawn a six dlr per share buyout offer.", 6, None, "USD", "buyout offer"),
        # "in" after a sum names what it is; "which" stands for the noun it follows
        ("They asked how £3bn in licence fee money is used.", 3e9, None, "GBP", "licence fee money"),
        ("The deficit, which amounted to 5.2 billion dlrs, narrowed.", 5.2e9, None, "USD", "deficit"),
        # a predicate adjective tells of its verb's subject, not of a month after "of"
        ("Imports were unchanged from the 28.1 mln tonnes of March.", 28.1e6, None, "tonnes", "imports"),
        # a change after a figure object is that figure's
        ("The company sold 1.2 mln tonnes of copper, up 5 pct from 1.14 mln tonnes.", 5, None, "percent",
         "copper sold"),
        # a restatement after the first figure's own noun
        ("It holds 1.1 mln of the shares, or 6.2 pct.", 6.2, None, "percent", "shares"),
    ],
)
def test_measure_rules_of_the_third_round(nlp: Language, text: str, value: float, value_max: float | None,
                                          unit: str | None, measure: str) -> None:
    figure = _find(_figures(nlp, text), value)
    assert figure.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert figure.unit == unit
    assert figure.measure == measure


@pytest.mark.parametrize(
    ("text", "measure_head"),
    [
        ("The agency bought one, or perhaps two, cargoes of wheat.", "cargoes"),  # coordinated with two
        ("Holders get one additional share for each share held.", "share"),  # "one additional"
    ],
)
def test_one_is_a_count_when_counted(nlp: Language, text: str, measure_head: str) -> None:
    figure = _find(_figures(nlp, text), 1)
    assert figure.measure is not None and figure.measure.startswith(measure_head)


@pytest.fixture(scope="module")
def seed_items(nlp: Language, seed_texts: dict[str, str], seeds_gold: dict[str, Any]
               ) -> list[tuple[Article, Annotations]]:
    dates = {a["id"]: a["date"] for a in seeds_gold["articles"]}
    items = []
    for aid, text in seed_texts.items():
        published = date.fromisoformat(dates[aid]) if dates.get(aid) else None
        items.append((Article(aid, text, published=published),
                      Annotations(aid, figures=tuple(extract_figures(nlp(text))))))
    return items


def _matches(key: MeasureKey | None, want: MeasureKey) -> bool:
    """The same head noun, and the same event when both name one ("killed" is not "injured")."""
    return key is not None and key.head == want.head and (
        key.event == want.event or None in (key.event, want.event))


@pytest.mark.gold
def test_seed_gold_figure_groups(seed_items: list[tuple[Article, Annotations]],
                                 seeds_gold: dict[str, Any]) -> None:
    groups = group_figures(seed_items)
    for gold in seeds_gold["figures"]:
        want = normalize_measure(gold["measure"])
        assert want is not None
        candidates = [g for g in groups if _matches(normalize_measure(g.measure), want)]
        assert candidates, f"no group for {gold['measure']!r}: {[g.measure for g in groups]}"
        group = max(candidates, key=lambda g: len(g.reports))
        reported = {(r.cite.article, r.text) for r in group.reports}
        for report in gold["reports"]:
            assert any(a == report["article"] and report["value"] in text for a, text in reported), \
                f"{gold['measure']}: missing {report} in {reported}"
        assert group.conflict == gold["conflict"], group


@pytest.mark.gold
def test_seed_killed_conflict_is_an_update(seed_items: list[tuple[Article, Annotations]]) -> None:
    groups = group_figures(seed_items)
    killed = [g for g in groups if {r.value for r in g.reports} >= {18.0, 13.0}]
    assert len(killed) == 1
    group = killed[0]
    assert group.conflict
    assert group.note is not None and "different times" in group.note
    assert "2022-01-08" in group.note and "date unknown" in group.note


def _item(aid: str, text: str, published: str | None, nlp: Language) -> tuple[Article, Annotations]:
    doc = nlp(text)
    return (Article(aid, text, published=date.fromisoformat(published) if published else None),
            Annotations(aid, sentences=sentences_of(doc), figures=tuple(extract_figures(doc))))


def test_same_day_contradiction_and_synonyms(nlp: Language) -> None:
    items = [_item("a", "Police said 40 people were arrested after the march.", "2022-01-05", nlp),
             _item("b", "Police detained 55 people after the march.", "2022-01-05", nlp),
             _item("c", "Twelve police officers were injured.", "2022-01-05", nlp)]
    groups = group_figures(items)
    assert len(groups) == 2
    first = groups[0]
    assert {r.value for r in first.reports} == {40.0, 55.0}
    assert first.conflict and first.note is not None and "contradiction: same day" in first.note
    assert not groups[1].conflict and groups[1].reports[0].published == "2022-01-05"


def test_agreeing_reports_and_bare_numbers(nlp: Language) -> None:
    items = [_item("a", "At least 20 people died in the fire.", "2022-02-01", nlp),
             _item("b", "The fire killed 20 people, officials said. They met 3 times.", None, nlp)]
    groups = group_figures(items)
    assert [len(g.reports) for g in groups] == [2]
    assert not groups[0].conflict and groups[0].note is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("security forces killed", "law enforcement officers killed", True),
        ("law enforcement officers killed", "law enforcement officers injured", False),
        ("people detained", "people arrested", True),
        ("gas prices", "electricity prices", False),
        ("CSTO peacekeepers deployed", "peacekeeping forces deployed", True),
        ("confirmed cases", "cases confirmed", True),
        ("displaced people", "people displaced", True),
        ("estimated cost", "cost", True),  # "estimated" qualifies the figure: no event
        ("confirmed cases", "cases", False),
    ],
)
def test_measure_normalization(a: str, b: str, same: bool) -> None:
    ka, kb = normalize_measure(a), normalize_measure(b)
    assert ka is not None and kb is not None
    assert same_measure(ka, kb, same_values=False) is same


@pytest.mark.parametrize(("first", "second", "conflict"), [
    ("The fraud hit more than 300 investors.", "The fraud hit about 320 investors.", False),
    ("At least 326 people were killed.", "More than 5,000 people were killed.", True),  # a rising toll
    ("At least 12 people were killed.", "The toll rose to 17 people killed.", True),  # the text says it rose
    ("Exactly 300 investors lost money.", "Some 305 investors lost money.", False),
])
def test_hedged_values_that_may_be_one_count_are_no_disagreement(nlp: Language, first: str, second: str,
                                                                   conflict: bool) -> None:
    groups = group_figures([_item("a", first, "2025-06-04", nlp), _item("b", second, "2025-06-05", nlp)])
    assert len(groups) == 1 and groups[0].conflict is conflict


def test_a_figure_named_as_such_counts_what_the_figure_before_it_counts(nlp: Language) -> None:
    items = [_item("a", "Officials put the death toll at 14, higher than the ministry's figure of 11. "
                        "Their figure was 12.", "2026-03-12", nlp),
             _item("b", "Nine people have died, the ministry said.", "2026-03-10", nlp)]
    groups = group_figures(items)
    deaths = next(g for g in groups if any(r.value == 14 for r in g.reports))
    assert {r.value for r in deaths.reports} == {14.0, 11.0, 9.0}
    # in a sentence of its own, a figure noun says nothing of what it counts: no group ("The correct figure is
    # 14.2 per cent" had been flagged against another article's "its 27% figure")
    assert not [g for g in groups if 12.0 in {r.value for r in g.reports}]


@pytest.mark.parametrize("text", ["Up 12.", "Off 3.", "Lower 4.5 on the day.", "Shr up 12 pct"])
def test_a_number_under_a_root_adverb_does_not_hang(nlp: Language, text: str) -> None:
    # "Up 12." once looped forever: spaCy makes a new Token object on each access, so the root's
    # `head is not token` test never ended the climb. An alarm turns a hang into a failure.
    def timeout(signum: int, frame: object) -> None:
        raise TimeoutError(f"extract_figures hung on {text!r}")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(10)
    try:
        figures = extract_figures(nlp(text))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert all(text[f.start:f.end] == f.text for f in figures)


@pytest.mark.parametrize(
    ("text", "value", "unit", "measure"),
    [
        ("The management pays 1/4 pct of the issue.", 0.25, "percent", None),
        ("It lowered the price for lead metal by 1/2 Canadian cts per pound.", 0.5, "CAD cents", None),
        ("The board voted to increase the quarterly dividend 7.1 pct to 60 cts a share.", 60, "US cents",
         "quarterly dividend"),
        ("Qtly div four cts vs four cts prior", 4, "US cents", "qtly div"),
        ("The bank raised paid-up capital to five mln dinars.", 5e6, "dinar", None),
    ],
)
def test_fractions_currencies_and_objects(nlp: Language, text: str, value: float, unit: str | None,
                                          measure: str | None) -> None:
    fig = _find(_figures(nlp, text), value)
    assert fig.unit == unit
    if measure is not None:
        assert fig.measure == measure


def test_conversion_and_comparison_share_measure_and_unit(nlp: Language) -> None:
    figs = _figures(nlp, "The group would have annual sales of $32bn (£16.7bn) next year. "
                         "The embassy puts output at 1.45 mln tonnes, against 1.35 mln in 1986.")
    pounds = _find(figs, 16.7e9)
    assert (pounds.unit, pounds.measure) == ("GBP", _find(figs, 32e9).measure)
    older = _find(figs, 1.35e6)
    assert (older.unit, older.measure) == ("tonnes", "output")


def test_year_naming_an_event_is_not_a_figure(nlp: Language) -> None:
    assert not [f for f in _figures(nlp, "She would not be minister in the run-up to the 2007 elections.")
                if f.value == 2007]


# Sentences written for these tests (issue 5, fourth round, from the kinds of test2's errors): one
# per general rule, none taken from the gold sets.
@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "measure"),
    [
        # currencies of one country as ISO codes; shared ones by the country named before or in the article
        ("The ministry said exports earned 2.5 billion roubles.", 2.5e9, None, "RUB", None),
        ("The group issued a 300 mln Swiss franc bond.", 300e6, None, "CHF", None),
        ("Yugoslavia's central bank set the rate at 40.5 dinars.", 40.5, None, "YUD", None),
        ("The Commission paid 120 European currency units a tonne.", 120, None, "XEU", None),
        ("About 400 gallons of oil were spilled.", 400, None, "gallons", None),
        # a known irregular participle is an event like a regular one; a misparsed past tense is not
        ("Two bridges were built on the river last year.", 2, None, None, "bridges built"),
        # but not of a verb of gaining (since the twelfth round: the test2, test8 and test9 annotators
        # all leave "won", "scored", "attracted" out)
        ("She won two silver medals at the games.", 2, None, None, "silver medals"),
        # "compared to" compares like "compared with"; "a further" adds to the first figure's count
        ("Sales rose to 4.2 mln dlrs compared to 3.9 mln a year earlier.", 3.9e6, None, "USD", "sales"),
        ("The defeat leaves Leeds on 40 points - two points behind Hull and a further three back from Derby.",
         3, None, None, "points"),
        ("Police detained 20 people and a further 15 on Sunday.", 15, None, None, "people detained"),
        # "at" after a passive verb or a session verb is the subject's level
        ("Wheat output was kept unchanged at 1.2 mln tonnes.", 1.2e6, None, "tonnes", "wheat output"),
        ("The dollar opened at 140.50 yen in Tokyo.", 140.5, None, "JPY", "dollar"),
        # "four or five" is one approximate range
        ("The chain expects to open four or five new stores.", 4, 5, None, "stores"),
        # a sum paid is a payment
        ("It agreed to pay 40 mln dlrs to settle the claims.", 40e6, None, "USD", "payment"),
        # "only one" is a count
        ("The survey found only one bank with losses.", 1, None, None, "bank"),
    ],
)
def test_rules_of_the_fourth_round(nlp: Language, text: str, value: float, value_max: float | None,
                                   unit: str | None, measure: str | None) -> None:
    figure = _find(_figures(nlp, text), value)
    assert figure.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert figure.unit == unit
    if measure is not None:
        assert figure.measure == measure


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Finance ministers of the Group of Seven met in Paris.", []),
        # consecutive numbers listed before "or" are one approximate range since the eleventh round
        # (test8's annotator: "three, four or five new players"); the fourth round kept two figures here
        ("He listed one, two or three options.", [1]),
    ],
)
def test_names_and_lists_of_the_fourth_round(nlp: Language, text: str, values: list[float]) -> None:
    assert [f.value for f in _figures(nlp, text)] == values


# Sentences written for these tests (issue 5, fifth round, from the kinds of test3's errors): one per
# general rule of the parse, none taken from the gold sets.
@pytest.mark.parametrize(
    ("text", "value", "unit", "measure"),
    [
        # a predicate adjective's verb holds the subject of the change ("is likely to grow")
        ("Analysts said the region's software market is likely to grow by 12% a year.", 12, "percent",
         "software market"),
        # a number hung on the first noun of a compound chain counts the chain's last noun
        ("Five Lifetime Achievement Awards will be presented in May.", 5, None, "Lifetime Achievement Awards"),
        # the figure's noun keeps its own modifiers, and hyphenated words stay whole
        ("The bank wrote off its 40 mln dlr export credit loan.", 40e6, "USD", "export credit loan"),
        ("It reported a 5.2 mln dlr pre-tax loss.", 5.2e6, "USD", "pre-tax loss"),
        # a sum the parse hangs on an adjective counts the adjective's noun
        ("The company is issuing a 50 mln dlr convertible eurobond.", 50e6, "USD", "convertible eurobond"),
        # counted things that are the new or old level of a change measure what changed: its object,
        # else its subject; a restatement after the first figure's noun shares its measure
        ("Imports fell 12 pct to 4,300 cars from 4,890 cars in March.", 4300, None, "imports"),
        ("Imports fell 12 pct to 4,300 cars from 4,890 cars in March.", 4890, None, "imports"),
        ("The airline cut its fleet to 40 planes from 52.", 40, None, "fleet"),
        ("The fund raised its holding to 250,000 shares from 180,000 shares, or 3.1 pct.", 3.1, "percent",
         "holding"),
        # ... but only when another figure tells the change: a limit is not a level
        ("The offer is limited to the first 5,000 customers.", 5000, None, "customers"),
        # coordinated subjects change together; a conjunct deeper in the subject's phrase does not join
        ("Steers and heifers rose 2.50 dlrs on the day.", 2.5, "USD", "steers and heifers"),
        ("Net sales of 20,000 tonnes of wheat and barley fell 12 pct.", 12, "percent", "net sales"),
        # a change noun that names an amount is the measure when nothing says what changed; one that
        # only names a direction is not
        ("The airline reported a loss of $120m for the year.", 120e6, "USD", "loss"),
        ("The plan offers cuts of up to 40 pct on ticket prices.", 40, "percent", "cuts"),
        ("Deliveries totalled 51,000, an increase of 5,000 units.", 5000, None, None),
        # a level noun that names nothing itself stands for what reaches it: the verb's object, else
        # its subject; not the agent of a verb that is no change ("licensed a total of")
        ("The yen fell to a record low of 152.30 to the dollar.", 152.3, None, "yen"),
        ("Profits have exceeded the previous high of 2.10 dlrs a share.", 2.1, "USD", "profits"),
        ("The new orders bring its fleet to a total of 45.", 45, None, "fleet"),
        ("The regional unemployment total of 2.45 mln was unchanged.", 2.45e6, None, "regional unemployment total"),
        ("The ministry licensed a total of 3.1 mln tonnes.", 3.1e6, "tonnes", "total"),
        # a currency is never the counted noun, even when the parse makes it one
        ("The entry price of £49 (72 euros) is lower than in the US.", 49, "GBP", "entry price"),
        # a participle's share is of the noun it describes, also in a relative clause or before it
        ("Northern Air, which is 30% owned by the state, has been struggling.", 30, "percent", "Northern Air"),
        ("The group sold its 45 pct owned unit last year.", 45, "percent", "unit"),
        # a unit is no subject to borrow: "30% saw orders rise and 27% saw them fall"
        ("Of the companies surveyed, 30% saw orders rise and 27% saw them fall.", 27, "percent", None),
        # a sum that something sells for, with no object, is its price
        ("The painting sold for 2.5 mln dlrs at auction.", 2.5e6, "USD", "price"),
        ("The group bought the stake for 40 mln dlrs.", 40e6, "USD", "stake"),
        # "by" after a verb with an object tells how much the object changed
        ("The company had to restate its earnings by $2bn.", 2e9, "USD", "earnings"),
        # a level hung on the change's unit ("by 4.1 pct to ...") belongs to the change's verb
        ("Machinery orders rose in March by 4.1 pct to 12.3 billion dlrs.", 12.3e9, "USD", "machinery orders"),
    ],
)
def test_measure_phrases_of_the_fifth_round(nlp: Language, text: str, value: float, unit: str | None,
                                            measure: str | None) -> None:
    figure = _find(_figures(nlp, text), value)
    assert (figure.unit, figure.measure) == (unit, measure)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # rials by the country the article names, bolivars as VEB; physical units as plural words
        ("Oman's budget was set at 2.1 billion rials.", 2.1e9, "OMR"),
        ("The contract is worth 300 mln bolivars.", 300e6, "VEB"),
        ("The parcel weighed 12 kg.", 12, "kilograms"),
        ("The pipeline will run for 510 km.", 510, "kilometres"),
        # a level that leaves its unit out takes the other level's of the same change
        ("The gazetted price rose to 213 cents per kilo from February's 207.", 207, "US cents"),
        # a hyphenated unit before a noun is a size, kept as a figure
        ("The rocket is able to carry a 150-kg satellite.", 150, "kilograms"),
        ("It plans a 500-megawatt power plant.", 500, "MW"),
        # square and cubic units
        ("They must build 50,000 square metres of offices.", 50000, "square metres"),
    ],
)
def test_units_of_the_fifth_round(nlp: Language, text: str, value: float, unit: str) -> None:
    assert _find(_figures(nlp, text), value).unit == unit


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # thousands with a glued "m" and no currency are a race's metres, not billions
        ("He scored an impressive 3,000m victory in Boston.", []),
        ("She won 800m and 1,500m gold in Athens.", []),
        ("He won a historic double in the 1500m and 5,000m.", []),
        ("She became the 400m world champion in Paris.", []),
        ("Some 400m people watched the final.", [4e8]),
        ("The bank lost £400m last year.", [4e8]),
        ("The firm lost 1,200m euros last year.", [1.2e9]),
        ("The firm lost £1,200m last year.", [1.2e9]),
        # four bare digits of a modern year before a noun are a year; a count has its comma
        ("The unit had 1986 sales of 24 mln dlrs.", [24e6]),
        ("He was adviser at the 1997 and 2001 elections.", []),
        ("The company employs 1,950 people.", [1950]),
        # a range shares the high end's scale only when the low end is smaller without it
        ("It raised the number of shares on offer from 800,000 to 1.3 mln.", [8e5]),
        ("Between 5 and 10 million people watched.", [5e6]),
    ],
)
def test_race_distances_and_years_are_not_figures(nlp: Language, text: str, values: list[float]) -> None:
    assert [f.value for f in _figures(nlp, text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Prices rose 5 in 1986.", [5]),  # not a share of a year
        ("He won three in five years.", [3]),  # nor of a duration
        ("Analysts had forecast £532m. The firm disagreed.", [532e6]),  # a scale with the full stop
    ],
)
def test_shares_and_scales_need_their_words(nlp: Language, text: str, values: list[float]) -> None:
    assert [f.value for f in _figures(nlp, text)] == values


@pytest.mark.parametrize(
    ("text", "value", "measure", "span"),
    [
        # "N out of M" is a share, of the noun after it
        ("Six out of every 10 planes were late.", 0.6, "planes", "Six out of every 10"),
        ("Three out of four regions reported losses.", 0.75, "regions", "Three out of four"),
        ("One in every four adults smokes.", 0.25, "adults smokes", "One in every four"),
    ],
)
def test_out_of_is_a_share(nlp: Language, text: str, value: float, measure: str, span: str) -> None:
    figures = _figures(nlp, text)
    assert [(f.text, f.measure) for f in figures] == [(span, measure)]
    assert figures[0].value == pytest.approx(value)


# Per split (tests/data/README.md): floors just under what bench/figures_gold.py measured, for
# value / unit / measure / all three. test7 is the blind evaluation set of the eighth round (drawn and
# annotated by a helper that never ran the extractor, its errors unread): the sixth round's extractor
# scored 0.958 / 0.903 / 0.667 / 0.653 on it, the seventh and the eighth rounds' both 0.972 / 0.917 /
# 0.681 / 0.667. test6 was the blind evaluation set of the seventh round (drawn and
# annotated by a helper that never ran the extractor, its errors unread): the sixth round's extractor
# scored 0.972 / 0.972 / 0.775 / 0.746 on it, the seventh round's 0.972 / 0.972 / 0.803 / 0.775; its
# errors were read in the eighth round (1.000 / 1.000 / 0.972 / 0.972), so the other eight are tuning
# sets now. test5 was the blind evaluation set of the sixth round (the fifth and the
# sixth rounds' extractors both scored 0.983 / 0.966 / 0.864 / 0.831 on it); its errors were read in
# the seventh round (1.000 / 1.000 / 0.932 / 0.932). test4 was the blind evaluation set
# of the fifth round, annotated by a helper that never ran the extractor: the fourth round's extractor
# scored 0.987 / 0.949 / 0.772 / 0.759 on it, the fifth round's 0.987 / 0.962 / 0.823 / 0.797; its
# errors were read in the sixth round, which took it to 1.000 / 1.000 / 0.924 / 0.924. test3 was the
# blind evaluation set of the fourth round (0.886 / 0.848 / 0.633 / 0.595, the same before and after
# that round); its errors were read in the fifth round (0.911 / 0.911 / 0.785 / 0.759) and the sixth
# (0.911 / 0.911 / 0.797 / 0.772). The others after the sixth round (before it, where it differs):
# dev 1.000 / 1.000 / 0.882 / 0.882; gold 1.000 / 1.000 / 0.930 / 0.930 (measure 0.907: names sharing
# a noun, "UK and US co-productions"); test 0.990 / 1.000 / 0.918 / 0.907 (0.897 / 0.887: the noun
# after a sum's conversion, "a maximum $3 million (£1.6 million) fine"); test2 0.963 / 1.000 / 0.925 /
# 0.912 (0.950 / 0.988 / 0.900 / 0.887: "half of" as a figure, "a 49 pct owner" as a stake; 0.925 /
# 0.875 / 0.750 / 0.713 while it was blind, third round; 0.912 before irregular participles became
# events in the fourth, since its annotator left "won" out of two measures).
# The ninth round's article context (annotate/figure_context.py: the goods of a bare quantity, the
# headline's goods, a bare noun's earlier compounds, a price per unit of goods or "at" which goods were
# traded, what a partitive's "them" or "these" stands for) took gold to 0.953, test5 to 0.966 and test6 to
# 1.000 (measure and all); the others were unchanged, and so was the blind test7, scored once at the end
# (0.972 / 0.917 / 0.681 / 0.667).
# The tenth round read test7's errors (a tuning set since): units of storage, tons, "U.S. cts", a pence
# sum the NER calls a date; the frames of annotate/figure_frames.py ("worth of", "added to", a share of
# a whole that is a change's level, "pct of par", a sum "for" a quantity); "up from" and "compared with"
# links; market report lines. test7 went from 0.972 / 0.917 / 0.681 / 0.667 to 1.000 / 0.986 / 0.972 /
# 0.972; test2 from 0.963 / 1.000 / 0.925 / 0.912 to 0.963 / 1.000 / 0.938 / 0.925 (a share that a verb
# of a level takes: "imports reach half of domestic consumption"); the other tuning sets were unchanged.
FIGURE_FLOORS = {
    "dev": {"value": 0.99, "unit": 0.99, "measure": 0.95, "all": 0.95},
    "gold": {"value": 0.99, "unit": 0.99, "measure": 0.95, "all": 0.95},
    "test": {"value": 0.98, "unit": 0.99, "measure": 0.91, "all": 0.90},
    "test2": {"value": 0.95, "unit": 0.99, "measure": 0.95, "all": 0.94},  # 0.963 / 1 / 0.963 / 0.950 (round 12)
    "test3": {"value": 0.90, "unit": 0.90, "measure": 0.83, "all": 0.80},
    "test4": {"value": 0.99, "unit": 0.99, "measure": 0.94, "all": 0.94},
    # 0.966 until what people "are thought to have" undergone became their event: its annotator left
    # "identified" out of "a dozen Albanian-born teenagers are thought to have been identified" (0.949)
    "test5": {"value": 0.99, "unit": 0.99, "measure": 0.94, "all": 0.94},
    "test6": {"value": 0.99, "unit": 0.99, "measure": 0.99, "all": 0.99},
    "test7": {"value": 0.99, "unit": 0.98, "measure": 0.97, "all": 0.97},
    # the ninth round's blind set (158 figures), scored without reading its errors: 0.918 / 0.918 /
    # 0.728 / 0.715 (the eighth round's extractor: 0.918 / 0.918 / 0.722 / 0.709; the tenth round's,
    # still blind: 0.930 / 0.930 / 0.728 / 0.715); a tuning set since the eleventh round, which read its
    # errors: 0.994 / 0.987 / 0.905 / 0.899; after the twelfth round 0.994 / 0.987 / 0.911 / 0.905
    "test8": {"value": 0.99, "unit": 0.98, "measure": 0.91, "all": 0.90},
    # the eleventh round's blind set (160 figures), scored once after the round's changes, its errors
    # unread: 0.925 / 0.894 / 0.744 / 0.694 (the tenth round's extractor: 0.912 / 0.881 / 0.725 / 0.675);
    # a tuning set since the twelfth round, which read its errors: 0.963 / 0.931 / 0.850 / 0.831
    "test9": {"value": 0.96, "unit": 0.93, "measure": 0.84, "all": 0.83},
    # the twelfth round's blind set (137 figures), scored once after the round's changes, its errors
    # unread: 0.978 / 0.912 / 0.693 / 0.657 (the eleventh round's extractor: 0.971 / 0.898 / 0.693 /
    # 0.657; the tenth's: 0.964 / 0.891 / 0.686 / 0.650)
    "test10": {"value": 0.97, "unit": 0.91, "measure": 0.69, "all": 0.65},
}


@pytest.mark.parametrize("split", sorted(FIGURE_FLOORS))
def test_figures_gold_set_floor(corpora_dir: Path, nlp: Language, split: str) -> None:
    """The hand-annotated sets of tests/data (see its README): per-field accuracy floors."""
    bench = importlib.util.spec_from_file_location("figures_gold", BENCH)
    assert bench is not None and bench.loader is not None
    module = importlib.util.module_from_spec(bench)
    sys.modules["figures_gold"] = module
    bench.loader.exec_module(module)
    result = module.score(module.load_gold(module.DATA / f"figures_{split}.jsonl"), nlp)
    assert result["n"] >= 55  # each set holds 59 to 97 figures (the issue asks for at least 60 in all)
    for field, floor in FIGURE_FLOORS[split].items():
        assert result[field] >= floor, (field, result)


def _groups_compared_pairwise(items: list[tuple[Article, Annotations]]) -> list[list[tuple[str, int]]]:
    """The grouping rule written the plain quadratic way: a report joins the first group holding a
    report of the same unit and the same measure (same_measure, with equal values as evidence, unless
    the two name different nations' people); a report without modifiers stands for the others only
    while no report of its unit, event and head noun in the group has any."""
    gazetteer = PlaceGazetteer()
    groups: list[list[tuple[MeasureKey, Figure, str, int]]] = []

    def nations(key: MeasureKey) -> set[str]:
        return {w for w in key.modifiers if gazetteer.is_demonym(w)}

    def other_nations(a: MeasureKey, b: MeasureKey) -> bool:
        na, nb = nations(a), nations(b)
        return bool(na) and bool(nb) and not any(x.startswith(y) or y.startswith(x) for x in na for y in nb)

    def joins(g: list[tuple[MeasureKey, Figure, str, int]], key: MeasureKey, figure: Figure) -> bool:
        for k, f, _, _ in g:
            same_values = f.value == figure.value and f.value_max == figure.value_max
            if f.unit != figure.unit or not same_measure(k, key, same_values and not other_nations(k, key)):
                continue
            if key.modifiers and not k.modifiers and any(
                    k2.modifiers for k2, f2, _, _ in g if (f2.unit, k2.event, k2.head) == (f.unit, k.event, k.head)):
                continue  # a bare report opens a group of modified measures to no others
            return True
        return False

    for article, ann in items:
        for figure in ann.figures:
            key = normalize_measure(figure.measure) if figure.measure else None
            if key is None:
                continue
            report = (key, figure, article.id, figure.start)
            target = next((g for g in groups if joins(g, key, figure)), None)
            if target is None:
                groups.append([report])
            else:
                target.append(report)
    return sorted(([(aid, start) for _, _, aid, start in g] for g in groups), key=lambda g: (-len(g), g[0]))


def test_grouping_many_reports_equals_comparing_every_pair() -> None:
    """group_figures indexes groups by unit, event and head noun (linear in the reports); it must put
    every report where comparing it with every earlier report would."""
    import random

    rng = random.Random(5)
    measures = ["people killed", "people died", "protesters detained", "protestors detained",
                "security forces injured", "police officers injured", "gas price per liter", "price of gas",
                "price of electricity", "net profit", "net income", "quarterly net profit", "shares offered",
                "common shares", "Kazakh troops", "Kazakhstani troops", "peacekeeping forces deployed",
                "demonstrators detained", "demonstraters detained"]  # a typo: heads match by ratio
    units = [None, None, "USD", "percent"]
    items = []
    for k in range(60):
        figures = []
        for n in range(rng.randrange(1, 6)):
            value = float(rng.choice([5, 12, 12, 40, 55, 60, 120, 1000]))
            figures.append(Figure(n * 10, n * 10 + 5, "x", value, rng.choice(units), rng.choice(measures)))
        items.append((Article(f"a{k:02d}", "x" * 100, date(2022, 1, 1 + k % 20)),
                      Annotations(f"a{k:02d}", figures=tuple(figures))))
    groups = group_figures(items)
    got = [{(r.cite.article, r.cite.start) for r in g.reports} for g in groups]
    # each pairwise group is one group, or split into the quantities an article's two values tell apart
    pairwise = [set(g) for g in _groups_compared_pairwise(items)]
    assert all(any(g <= p for p in pairwise) for g in got)
    assert all(set().union(*(g for g in got if g <= p)) == p for p in pairwise)
    assert len(got) > len(pairwise)  # the random articles give two values of a measure
    assert len(groups) > 5 and any(g.conflict for g in groups)
    for g in groups:  # a conflict: two articles that share no value
        values: dict[str, set[float]] = {}
        for r in g.reports:
            values.setdefault(r.cite.article, set()).add(r.value)
        ids = sorted(values)
        assert g.conflict == any(not values[a] & values[b] for i, a in enumerate(ids) for b in ids[i + 1:])


@pytest.mark.parametrize(("measure", "head", "event"), [
    ("copies sold", "copy", "sold"),
    ("silver medals won", "medal", "won"),
    ("people hurt", "people", "injured"),  # a synonym of the event
    ("people detained", "people", "detained"),
    ("tax cut", "cut", None),  # a participle that is also a noun stays the head
])
def test_irregular_participles_are_events_when_measures_are_grouped(measure: str, head: str,
                                                                     event: str | None) -> None:
    from newsweave.dossier.figure_keys import normalize_measure

    key = normalize_measure(measure)
    assert key is not None and (key.head, key.event) == (head, event)


def test_a_scale_holding_the_full_stop_leaves_it_out_of_the_figure(nlp: Language) -> None:
    figures = extract_figures(nlp("The club paid £15m."))
    assert [(f.text, f.value, f.unit) for f in figures] == [("£15m", 15_000_000.0, "GBP")]


def test_a_listed_amount_of_another_order_keeps_no_unit(nlp: Language) -> None:
    # "11,950 tonnes of barley and 13,000 of flour" shares the unit; a count 60 times smaller does not
    figures = _figures(nlp, "It bought 25 mln dlrs of bonds and 400,000 of its own shares.")
    assert [(f.value, f.unit) for f in figures] == [(25e6, "USD"), (400000, None)]


def test_a_price_retired_at_is_no_age(nlp: Language) -> None:
    assert [f.value for f in _figures(nlp, "The company retired the bonds at 98.5 last week.")] == [98.5]


def test_forecasters_counted_by_another_verb_are_the_measure(nlp: Language) -> None:
    # "analysts had expected 34 cents" is no measure "analysts"; "investors rose to 12,000" counts them
    figures = _figures(nlp, "Registered investors rose to 12,000 from 10,000 last year.")
    assert figures and figures[0].measure is not None and "investors" in figures[0].measure


def test_a_conversion_in_parentheses_is_one_report(nlp: Language) -> None:
    bonds = "The bank will buy bonds worth 1 trillion rupees ($11.1 billion) this month."
    items = [_item("a", bonds, "2026-12-05", nlp),
             _item("b", "The village is about 35 km (22 miles) from the capital.", "2026-12-05", nlp)]
    reports = [r for g in group_figures(items) for r in g.reports]
    assert [r.text for r in reports if r.cite.article == "a"] == ["1 trillion rupees ($11.1 billion)"]
    assert [r.text for r in reports if r.cite.article == "b"] == ["about 35 km (22 miles)"]


def test_parts_of_a_count_and_people_in_a_state_take_no_side(nlp: Language) -> None:
    items = [_item("a", "The ministry said 22 of the survivors were in hospital.", "2026-12-23", nlp),
             _item("b", "The toll rose to 38, with 29 survivors, 11 of them in serious condition.", "2026-12-24", nlp)]
    groups = group_figures(items)
    assert not [g for g in groups if g.conflict]
    assert "survivors in hospital" in {g.measure for g in groups}


def test_a_disagreements_flag_tells_an_update_from_a_contradiction(nlp: Language) -> None:
    rose = group_figures([_item("a", "Twelve people were killed in the blast.", "2026-03-10", nlp),
                          _item("b", "The toll rose to 17 people killed.", "2026-03-11", nlp)])
    fell = group_figures([_item("a", "Seventeen people were killed in the blast.", "2026-03-10", nlp),
                          _item("b", "Twelve people were killed in the blast.", "2026-03-11", nlp)])
    assert [(g.conflict, g.verdict, g.flag) for g in rose] == [(True, "update", "figure changed")]
    assert [(g.conflict, g.verdict, g.flag) for g in fell] == [(True, "contradiction", "sources disagree")]
    assert FigureGroup.from_dict(fell[0].to_dict()) == fell[0]


def test_one_articles_two_values_are_two_quantities_unless_another_source_restates_it(nlp: Language) -> None:
    trial = group_figures([
        _item("a", "Brain swelling occurred in 14.2% of patients taking the drug. In a rival's trial, brain "
                   "swelling affected 21% of patients.", "2026-06-10", nlp),
        _item("b", "Swelling in the brain occurred in 12.4 percent of the treated patients.", "2026-06-12", nlp)])
    by_values = {frozenset(r.value for r in g.reports): g for g in trial}
    assert set(by_values) == {frozenset({14.2, 12.4}), frozenset({21.0})}
    assert by_values[frozenset({14.2, 12.4})].conflict and not by_values[frozenset({21.0})].conflict
    quake = group_figures([
        _item("a", "A magnitude 7.1 earthquake struck. The U.S. Geological Survey put its magnitude at 6.9.",
              "2026-03-15", nlp),
        _item("b", "The 6.9-magnitude quake destroyed 340 homes.", "2026-03-16", nlp)])
    magnitudes = [g for g in quake if 7.1 in {r.value for r in g.reports}]
    assert len(magnitudes) == 1 and {r.value for r in magnitudes[0].reports} == {7.1, 6.9}


def test_a_rise_and_a_fall_are_two_measures_and_a_share_price_is_a_level(nlp: Language) -> None:
    groups = group_figures([
        _item("a", "Halvorsen shares jumped 22% to $48.10 on Wednesday.", "2026-06-10", nlp),
        _item("b", "Halvorsen shares fell 6% to $43.50 on Thursday.", "2026-06-11", nlp)])
    by_measure = {g.measure: g for g in groups}
    assert {r.value for r in by_measure["rise in Halvorsen shares"].reports} == {22.0}
    assert {r.value for r in by_measure["fall in Halvorsen shares"].reports} == {6.0}
    (price,) = [g for g in groups if g.unit == "USD"]
    assert price.conflict and price.verdict == "level" and "contradiction" not in (price.note or "")


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("The company will pay Rs 25 lakh (about $28,700) to each family.", "Rs 25 lakh", 2.5e6, "INR"),
    ("The firm had revenue of 1,240 crore rupees ($142 million) last year.", "1,240 crore rupees", 1.24e10, "INR")])
def test_lakh_and_crore_scale_a_number(nlp: Language, text: str, span: str, value: float, unit: str) -> None:
    found = [(f.text, f.value, f.unit) for f in _figures(nlp, text)]
    assert (span, value, unit) in found


def test_people_still_in_hospital_and_a_fall_by_a_fraction_are_no_count_of_all(nlp: Language) -> None:
    groups = group_figures([
        _item("a", "Thirty workers were injured in the blast. Sixty people were missing.", "2026-03-11", nlp),
        _item("b", "Twenty injured workers remain in hospital. The number of missing people has fallen by a third "
                   "to 39.", "2026-03-14", nlp)])
    values = {g.measure: sorted(r.value for r in g.reports) for g in groups}
    assert [v for v in values.values() if 30.0 in v] == [[30.0]]
    assert [v for v in values.values() if 39.0 in v] == [[39.0, 60.0]]
    hospital = [g for g in groups if 20.0 in {r.value for r in g.reports}]
    assert len(hospital) == 1 and not hospital[0].conflict


def test_a_death_tolls_count_of_soldiers_counts_soldiers_killed(nlp: Language) -> None:
    groups = group_figures([
        _item("a", "The rebels freed 112 soldiers of the rival force on Sunday.", "2026-03-09", nlp),
        _item("b", "The army said the death toll from rebel shelling had risen to five soldiers.", "2026-03-10", nlp)])
    assert sorted(sorted(r.value for r in g.reports) for g in groups) == [[5.0], [112.0]]
    assert not [g for g in groups if g.conflict]


def test_two_sources_of_one_article_that_differ_are_flagged(nlp: Language) -> None:
    quake = group_figures([_item("a", "A magnitude 7.1 earthquake struck on Saturday. The U.S. Geological Survey put "
                                      "its magnitude at 6.9.", "2026-03-15", nlp)])
    (magnitude,) = [g for g in quake if 7.1 in {r.value for r in g.reports}]
    assert magnitude.conflict and magnitude.verdict == "contradiction" and "two sources" in (magnitude.note or "")
    moved = group_figures([_item("a", "Police said about 2,000 residents had been evacuated. The district magistrate "
                                      "put the number at 3,500.", "2026-03-11", nlp)])
    (evacuated,) = [g for g in moved if 2000.0 in {r.value for r in g.reports}]
    assert {r.value for r in evacuated.reports} == {2000.0, 3500.0} and evacuated.flag == "sources disagree"
    agree = group_figures([_item("a", "About 300 people were evacuated. The mayor put the number at about 320.",
                                 "2026-03-11", nlp)])
    assert not [g for g in agree if g.conflict]


def test_a_years_rise_reported_two_ways_is_a_contradiction_not_a_moving_level(nlp: Language) -> None:
    groups = group_figures([
        _item("a", "Adverse findings rose 12% in 2024, the agency said.", "2025-09-15", nlp),
        _item("b", "Adverse findings rose 11% in 2024, the agency said.", "2025-09-17", nlp)])
    (rise,) = [g for g in groups if 12.0 in {r.value for r in g.reports}]
    assert rise.conflict and rise.verdict != "level"


@pytest.mark.parametrize(("text", "span", "unit", "measure"), [
    ("She was fined 15,000 Swiss francs on Monday.", "15,000 Swiss francs", "CHF", "fine"),
    ("The B-sample contained 2.9 ng/mL, the agency said.", "2.9 ng/mL", "ng/mL", "b-sample"),
    ("It contained 3.2 nanograms per millilitre of the steroid.", "3.2 nanograms per millilitre", "ng/mL", None)])
def test_a_fine_and_a_concentration(nlp: Language, text: str, span: str, unit: str, measure: str | None) -> None:
    found = [(f.text, f.unit, f.measure) for f in _figures(nlp, text)]
    assert (span, unit, measure) in found


def test_a_quantity_found_in_two_parts_is_joined_again(nlp: Language) -> None:
    groups = group_figures([
        _item("a", "The flood in Kireru killed 23 people.", "2026-04-19", nlp),
        _item("b", "The Red Cross said 30 people were killed by the water.", "2026-04-20", nlp),
        _item("c", "The Red Cross said 42 people were killed by the water in Kireru. Heavy rains across the country "
                   "have killed 120 people.", "2026-04-21", nlp)])
    assert sorted(sorted(r.value for r in g.reports) for g in groups) == [[23.0, 30.0, 42.0], [120.0]]


def test_over_after_handed_is_no_bound(nlp: Language) -> None:
    groups = group_figures([_item("a", "The rebels said they had handed over 140 detainees.", "2026-03-09", nlp),
                            _item("b", "The army said it had received 140 detainees.", "2026-03-10", nlp)])
    assert {r.text for g in groups for r in g.reports if r.value == 140.0} == {"140"}


def test_a_sources_revision_is_no_second_source_and_shelters_empty(nlp: Language) -> None:
    column = group_figures([_item("a", "The column rose six kilometres on Thursday, the agency head said. He has "
                                       "since said satellite data put the column at 7.5 kilometres.", "2026-03-14",
                                  nlp)])
    assert not [g for g in column if g.verdict == "contradiction"]
    shelters = group_figures([
        _item("a", "About 8,900 people were in shelters on Friday.", "2026-03-13", nlp),
        _item("b", "Some 3,100 people were still in shelters on Monday, down from a peak of 8,900.", "2026-03-16",
              nlp)])
    (group,) = [g for g in shelters if 3100.0 in {r.value for r in g.reports}]
    assert group.verdict == "update"
    moved = group_figures([_item("a", "About 4,200 people were moved to 31 temporary shelters, while the district "
                                      "agency put the number at 5,100.", "2026-03-12", nlp)])
    (people,) = [g for g in moved if 5100.0 in {r.value for r in g.reports}]
    assert {r.value for r in people.reports} == {4200.0, 5100.0}
    apart = group_figures([_item("a", "About 4,200 people were moved to 31 temporary shelters, the agency said. The "
                                      "district agency put the number at 5,100.", "2026-03-12", nlp)])
    (people,) = [g for g in apart if 5100.0 in {r.value for r in g.reports}]
    assert {r.value for r in people.reports} == {4200.0, 5100.0}


def test_review_cases_of_the_new_figure_rules(nlp: Language) -> None:
    # a figure noun with a word of what it counts is a measure: "The unemployment figure rose to 5.2%"
    jobless = group_figures([_item("a", "The unemployment figure rose to 5.2% in May.", "2026-06-02", nlp),
                             _item("b", "The official unemployment figure was 5.4% in May.", "2026-06-03", nlp)])
    assert [sorted(r.value for r in g.reports) for g in jobless] == [[5.2, 5.4]]
    # a bond issue's size is no moving level: a later lower value contradicts
    bond = group_figures([_item("a", "The city sold a bond issue of $500 million.", "2026-06-02", nlp),
                          _item("b", "The city sold a bond issue of $400 million.", "2026-06-03", nlp)])
    assert [g.verdict for g in bond] == ["contradiction"]
    # a new day's toll is an update, two estimates differ: neither is two sources contradicting
    toll = group_figures([_item("a", "Police said 12 people were killed in the blast on Monday. By Tuesday, "
                                     "officials put the death toll at 14.", "2026-06-03", nlp)])
    assert not [g for g in toll if g.verdict == "contradiction"]
    losses = group_figures([_item("a", "Karst Analytics estimated insured losses at $5 billion. Atlas Re estimated "
                                       "the losses at $6 billion.", "2026-06-03", nlp)])
    assert not [g for g in losses if g.verdict == "contradiction"]
    # "still in hospital" after the killed is no count of people in hospital
    killed = group_figures([_item("a", "The explosion killed 12 workers and left dozens more still in hospital.",
                                  "2026-06-02", nlp),
                            _item("b", "The explosion killed 14 workers.", "2026-06-03", nlp)])
    assert [sorted(r.value for r in g.reports) for g in killed if 12.0 in {r.value for r in g.reports}] == [
        [12.0, 14.0]]
    # "signed over 140 contracts" is more than 140; "The airline lost $300 million" is a loss, no fall
    contracts = group_figures([_item("a", "The ministry signed over 140 contracts.", "2026-06-02", nlp)])
    assert {r.text for g in contracts for r in g.reports} == {"over 140"}
    loss = group_figures([_item("a", "The airline lost $300 million last year.", "2026-06-02", nlp)])
    assert not [g for g in loss if g.measure.startswith("fall in")]


def test_a_share_price_through_the_day_and_a_toll_before_a_relative_clause(nlp: Language) -> None:
    prices = group_figures([_item("a", "Halvorsen shares opened at $48.10 on Monday. By noon Halvorsen shares were at "
                                       "$46.30.", "2026-06-02", nlp),
                            _item("b", "Halvorsen shares closed at $45.90.", "2026-06-03", nlp)])
    assert len([g for g in prices if g.unit == "USD"]) == 1
    kerala = group_figures([_item("a", "The death toll in Kerala, which is home to 35 million people, rose to 40 on "
                                       "Monday.", "2026-06-02", nlp),
                            _item("b", "The floods in Kerala killed 40 people.", "2026-06-03", nlp)])
    (killed,) = [g for g in kerala if 40.0 in {r.value for r in g.reports}]
    assert 35e6 not in {r.value for r in killed.reports}
