"""Figures: casualty frames of disaster and conflict news that the measure rules missed ("killing 14
people", "left 30 dead", "leaving 5,000 without power"), found by running the pipeline on a small
made-up story and then on the Reuters and BBC articles with such phrases (17 measures changed, all
right). Every sentence here is written for the test, none is taken from a corpus."""

from __future__ import annotations

import pytest
from spacy.language import Language

from test_figures_round10 import _figure


@pytest.mark.parametrize(("text", "span", "measure"), [
    # the participle of a casualty verb after its clause: the event happened to its object
    ("A quake struck the port on Monday, killing 14 people, officials said.", "14", "people killed"),
    ("Gunmen attacked a convoy near the border, wounding 12 soldiers.", "12", "soldiers wounded"),
    ("Police stormed the square, arresting 40 protesters.", "40", "protesters arrested"),
    # a state a disaster leaves people in, however the parse hangs the number
    ("The riots left 3 dead.", "3", "people killed"),
    ("The fire left 200 families homeless.", "200", "families homeless"),
    ("Floods have left 12,000 homeless in the south.", "12,000", "people homeless"),
    ("The storm hit the coast, leaving 5,000 without power.", "5,000", "people without power"),
    ("The landslide left at least 30 people dead and 100 injured.", "30", "people killed"),
    ("The landslide left at least 30 people dead and 100 injured.", "100", "people injured"),
    ("The cyclone left 900 people dead or missing.", "900", "people killed or missing"),
])
def test_casualty_frames(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _figure(nlp, text, span).measure == measure


def test_other_participles_and_leaves_keep_their_reading(nlp: Language) -> None:
    assert _figure(nlp, "Seeking 40 engineers, the firm opened an office.", "40").measure == "engineers"  # a plan
    left = _figure(nlp, "The company left 5 mln dlrs in its reserve fund.", "5 mln dlrs").measure  # no state
    assert left is None or "people" not in left
