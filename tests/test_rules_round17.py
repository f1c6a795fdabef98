"""Rules of the seventeenth round, each found by a made-up story or a fault the last round left open:
"of that year" after a count that looks like a year; a day in the possessive that names an earlier event."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from newsweave.annotate.timexes import extract_timexes
from newsweave.dossier.figures import group_figures
from newsweave.dossier.timeline import build_timeline
from test_figures import _item as _figure_item
from test_timeline import _item


def test_of_that_year_takes_the_last_date_not_a_count_that_looks_like_a_year() -> None:
    text = "The 2006 quake killed 1900 people on May 27 of that year."
    values = {t.text: t.value for t in extract_timexes(text, date(2026, 3, 10))}
    assert values["May 27"] == "2006-05-27"


def test_a_possessive_day_after_a_preposition_dates_no_event() -> None:
    text = ("Seventeen people died in the crush on Sunday.\n\nThe government has set up a five-member committee of "
            "inquiry into Sunday's crush, the sports minister announced on Tuesday.\n\nThe toll from Sunday's crush "
            "rose to 17, police said.")
    timeline = build_timeline([_item("a", text, date(2026, 6, 10))])
    sunday = [t.text for t in timeline if t.date == "2026-06-07"]
    assert sunday and not [t for t in sunday if "committee" in t or "toll" in t]
    assert [t for t in timeline if t.date == "2026-06-09" and "committee" in t.text]


def test_a_possessive_day_that_opens_the_sentence_dates_its_event() -> None:
    text = "Police gave no update.\n\nSunday's crush at the stadium killed 17 people, the worst in a decade."
    timeline = build_timeline([_item("a", text, date(2026, 6, 10))])
    assert [t for t in timeline if t.date == "2026-06-07" and "crush" in t.text]


def test_a_figure_added_to_a_level_whose_new_total_is_given_is_apart(nlp: Language) -> None:
    groups = group_figures([
        _figure_item("a", "The company said it would cut 5,000 positions overseas.", "2026-05-12", nlp),
        _figure_item("b", "The company would eliminate a further 400 positions in Mexico, bringing total global cuts "
                          "to 8,400.", "2026-05-15", nlp)])
    with_400 = [g for g in groups if 400.0 in {r.value for r in g.reports}]
    assert with_400 and all(not g.conflict for g in with_400)
    assert all(5000.0 not in {r.value for r in g.reports} for g in with_400)


def test_a_further_count_without_a_new_total_keeps_its_measure(nlp: Language) -> None:
    groups = group_figures([
        _figure_item("a", "Three people died and a further 20 were injured.", "2026-05-12", nlp),
        _figure_item("b", "Two people died and 24 were injured.", "2026-05-13", nlp)])
    assert [g for g in groups if {r.value for r in g.reports} == {20.0, 24.0}]
