"""Figures: rules of the tenth round, from test7's errors (units of storage, tons, U.S. cents, pence;
the frames of ``annotate/figure_frames.py``; links of "up from" and "compared with"; market report
lines). Every sentence here is written for the test, none is taken from a corpus."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures
from newsweave.model import Figure


def _figures(nlp: Language, text: str) -> dict[str, Figure]:
    return {f.text: f for f in extract_figures(nlp(text))}


def _figure(nlp: Language, text: str, span: str) -> Figure:
    figures = _figures(nlp, text)
    assert span in figures, (span, list(figures))
    return figures[span]


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("The financial rand rose two cts to 33 U.S. cts on Friday.", "33 U.S. cts", 33, "US cents"),
    ("The cruise line bought a 30,000 ton liner from a Norwegian owner.", "30,000 ton", 30000, "tons"),
    ("The cheapest player holds 256mb of music and sells well.", "256mb", 256, "megabytes"),
    ("The dearer one has one gigabyte of memory and a colour screen.", "one gigabyte", 1, "gigabytes"),
    # the NER calls "3.5p" a DATE here: a sum is never a date
    ("The news sent shares in Acme up 3.5p, or 2.1%, to 170p.", "3.5p", 3.5, "GBP pence"),
])
def test_units_of_the_tenth_round(nlp: Language, text: str, span: str, value: float, unit: str) -> None:
    fig = _figure(nlp, text, span)
    assert (fig.value, fig.unit) == (value, unit)


def test_megabits_are_not_megabytes(nlp: Language) -> None:
    """"2Mb" is a line's speed in megabits, not storage."""
    assert all(f.unit != "megabytes" for f in extract_figures(nlp("Most homes now get a 2Mb broadband line.")))


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a size is not what happened to the thing it describes
    ("The cruise line bought a 30,000 ton liner from a Norwegian owner.", "30,000 ton", "liner"),
    # the amount "of" a time phrase is the amount of what the phrase is about
    ("The firm reported a loss for the year ended March 31 of 2.3 mln dlrs.", "2.3 mln dlrs", "loss"),
    ("Ford reported truck sales in Canada during March of 12,400, down from 14,100 in March last year.",
     "12,400", "truck sales"),
    # "up from" and "compared with" link a figure to the level before it
    ("It reported a profit of 2.1 mln dlrs on revenues of 40.2 mln dlrs, up from 35.6 mln dlrs.",
     "35.6 mln dlrs", "revenues"),
    ("Imports should rise to 30.5 pct of the total by 1990, compared to 22.1 pct now.", "22.1 pct", "imports"),
    # a share of a whole that is the level of a change measures what changed
    ("Imports should rise to 30.5 pct of the total by 1990, compared to 22.1 pct now.", "30.5 pct", "imports"),
    # ... and of a verb of a level, a fraction word too; the whole may stand between two such shares
    ("The tariff would start when imports reach half of domestic demand.", "half", "imports"),
    ("The dividend represented 31.2 pct of group net profit, against 29.5 pct last year.", "29.5 pct",
     "dividend"),
    # the goods a sum is worth; the total a figure is added to
    ("Police seized 3 mln dlrs worth of heroin at the port.", "3 mln dlrs", "heroin"),
    ("The new plant will add about 3 pct to the group's output.", "3 pct", "output"),
    # prices: a sum each after "be at", a sum for a quantity, a share of a bond's principal
    ("The offering of 2,000,000 shares is underway at 12.50 dlrs each.", "12.50 dlrs", "price"),
    ("The new model offers 20 gigabytes of storage for $299 in the US.", "$299", "price"),
    ("The company will redeem the notes at 102.5 pct of the principal amount.", "102.5 pct", "price"),
    # a change noun "with" which a clause goes on; the noun before "up to"
    ("Gasoline prices were mostly lower, with declines of two to five cts.", "two to five cts",
     "gasoline prices"),
    ("The radio works over a distance up to 50 metres.", "50 metres", "distance"),
    # a market report line under a plural label
    ("steers - choice 2-4 1100-1300 lbs 64.00-65.50.\n", "64.00-65.50", "steers"),
])
def test_measures_of_the_tenth_round(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


def test_a_grade_is_no_figure(nlp: Language) -> None:
    """"choice 2-4" names the grade priced (test7's annotator), not a range of anything."""
    assert "2-4" not in _figures(nlp, "steers - choice 2-4 1100-1300 lbs 64.00-65.50.\n")


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a figure that counts goods itself is not what it is added to
    ("China has added 20,000 tonnes of U.S. wheat to its earlier purchases.", "20,000 tonnes",
     "U.S. wheat added"),
    # a share taken, not the level of a change, stays the share of the whole
    ("GM took only 37 pct of all car sales in February.", "37 pct", "car sales"),
    # a participle's share keeps its whole: the parse does not give the participle's subject
    ("Manila will pay the banks 40 mln dlrs a year, representing five pct of a 900 mln dlr loan.",
     "five pct", "loan"),
    # a name that reaches a share acts: the share stays of its whole
    ("Acme aims to reach 35% of the country's homes by June.", "35%", "homes"),
    # "from" a figure after a noun keeps its own measure
    ("Sales rose to 5.1 mln dlrs from 4.2 mln dlrs.", "4.2 mln dlrs", "sales"),
])
def test_tenth_round_rules_leave_these_alone(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure
