"""Figures linked to the figure before them (annotate/figure_links.py): the two levels of "from ... to",
and a bare number compared with a scaled one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures
from newsweave.model import Figure


def _figures(nlp: Language, text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [(f.text, f.value, f.unit, f.measure) for f in extract_figures(nlp(text))]


def _only(figures: list[Figure], text: str) -> Figure:
    found = [f for f in figures if f.text == text]
    assert len(found) == 1, (text, figures)
    return found[0]


def test_the_to_level_of_from_to_shares_the_from_level_measure(nlp: Language) -> None:
    # the parse hangs "to 13.90 dlrs" on "cover": the two levels of the drop still measure one price
    text = ("But it was not enough to cover the losses from a drop in the average price from 25.88 dlrs "
            "per barrel in 1985 to 13.90 dlrs last year.")
    figures = extract_figures(nlp(text))
    assert _only(figures, "25.88 dlrs").measure == "average price"
    assert _only(figures, "13.90 dlrs").measure == "average price"


def test_the_to_level_of_from_to_takes_the_unit_it_leaves_out(nlp: Language) -> None:
    text = "Economists said that M-1 would be anywhere from down two billion dlrs to up 1.8 billion."
    figures = extract_figures(nlp(text))
    assert _only(figures, "1.8 billion").unit == "USD"
    assert _only(figures, "two billion dlrs").measure == _only(figures, "1.8 billion").measure is not None


def test_a_verb_between_the_levels_keeps_them_apart(nlp: Language) -> None:
    # "to" after a clause of its own opens another level: not the same measure
    text = "Shipments fell from 5,000 tonnes in Ohio, which raised prices to 30 dlrs a tonne."
    figures = extract_figures(nlp(text))
    assert _only(figures, "30 dlrs").measure != _only(figures, "5,000 tonnes").measure


@pytest.mark.parametrize(("text", "bare", "value"), [
    ("Passengers carried by Cathay Pacific totalled 4.2 mln last year, up from 3.85 in 1985.", "3.85", 3_850_000),
    ("The daily borrowing average more than doubled to 381 mln dlrs from 160 in the prior period.", "160",
     160_000_000),
])
def test_a_bare_number_compared_with_a_scaled_one_takes_its_scale(nlp: Language, text: str, bare: str,
                                                                  value: float) -> None:
    assert _only(extract_figures(nlp(text)), bare).value == pytest.approx(value)


@pytest.mark.parametrize(("text", "bare", "value"), [
    # a number written in full is of its own order
    ("Sales totalled 4.2 mln dlrs last year, up from 3,850,000 dlrs in 1985.", "3,850,000 dlrs", 3_850_000),
    # a per-share sum restating a total keeps its own value
    ("It reported a loss of 63.4 mln dlrs or 6.54 dlrs per share.", "6.54 dlrs", 6.54),
])
def test_numbers_with_their_own_order_keep_their_value(nlp: Language, text: str, bare: str, value: float) -> None:
    assert _only(extract_figures(nlp(text)), bare).value == pytest.approx(value)


def test_a_parallel_phrase_shares_the_measure(nlp: Language) -> None:
    text = "Alcatel has agreed to sell <Marconi Espanola SA>, owned 80 pct by Standard and 20 pct by Alcatel."
    figures = extract_figures(nlp(text))
    assert [f.measure for f in figures] == ["stake", "stake"]

