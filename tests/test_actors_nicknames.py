"""Actor names written the way news writes nicknames and scores: a blended nickname ("LiLo"), a
quoted nickname after another quoted word, a team's name run into its score."""

from __future__ import annotations

import pytest

from newsweave.dossier.names import PlaceGazetteer, clean_surface, is_name_blend
from test_actors import actor_with, resolve


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


@pytest.mark.parametrize(("word", "first", "last", "blend"), [
    ("LiLo", "Lindsay", "Lohan", True),
    ("J.Lo", "Jennifer", "Lopez", True),
    ("A-Rod", "Alex", "Rodriguez", True),
    ("K-Fed", "Kevin", "Federline", True),
    ("ScarJo", "Scarlett", "Johansson", True),
    ("LeBron", "LeBron", "James", False),  # the first name itself
    ("McCain", "John", "McCain", False),  # the surname itself
    ("LiLo", "Lisa", "Kudrow", False),
    ("Lohan", "Lindsay", "Lohan", False),
])
def test_is_name_blend(word: str, first: str, last: str, blend: bool) -> None:
    assert is_name_blend(word, first, last) is blend


def test_a_blended_nickname_is_the_person_it_is_made_of(gazetteer: PlaceGazetteer) -> None:
    # "LiLo" is also an alternate name of Lille in geonames (ECB+ train topic 1)
    res = resolve(gazetteer,
                  ("Lindsay Lohan has entered rehab in Malibu.", [("Lindsay Lohan", "PERSON"), ("Malibu", "GPE")]),
                  ("LiLo was seen leaving the clinic. Lohan said nothing.", [("LiLo", "GPE"), ("Lohan", "PERSON")]))
    lohan = actor_with(res, "Lindsay Lohan")
    assert set(lohan.aliases) == {"Lindsay Lohan", "LiLo", "Lohan"} and lohan.type == "PERSON"


def test_a_blended_nickname_two_people_fit_stays_apart(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Lisa Lowe met Linda Lopez. LiLo left early.",
                              [("Lisa Lowe", "PERSON"), ("Linda Lopez", "PERSON"), ("LiLo", "PERSON")]))
    assert actor_with(res, "LiLo").aliases == ("LiLo",)


def test_a_quoted_nickname_after_another_quoted_word_is_one_person(gazetteer: PlaceGazetteer) -> None:
    # the first quoted word ("Oddfather") takes "Vincent" as its surname; the name after it still joins
    # (ECB+ train topic 26)
    res = resolve(gazetteer,
                  ("Mafia 'Oddfather,' Vincent 'Chin' Gigante, dies in prison.",
                   [("Vincent 'Chin", "PERSON"), ("Mafia", "ORG")]),
                  ("Vincent Gigante was 77.", [("Vincent Gigante", "PERSON")]))
    vincent = actor_with(res, "Vincent Gigante")
    assert vincent.mentions == 2
    assert {m.text for ms in res.added.values() for m in ms} == {"Vincent 'Chin' Gigante"}


@pytest.mark.parametrize(("raw", "clean"), [
    ("Evansville 51-50", "Evansville"),
    ("Indianapolis (11-4)", "Indianapolis"),
    ("Channel 4", "Channel 4"),  # a lone number may be part of a name
    ("Boeing 747", "Boeing 747"),
    ("Boeing 747-400", "Boeing 747-400"),  # a model's series
])
def test_a_score_run_into_a_name_is_cut(raw: str, clean: str) -> None:
    assert clean_surface(raw) == clean


def test_a_team_run_into_its_score_is_the_team(gazetteer: PlaceGazetteer) -> None:
    # NER takes "Evansville 51-50" for a person or a product (ECB+ train topic 31)
    res = resolve(gazetteer,
                  ("Indiana State defeated Evansville 51-50 on Friday.", [("Evansville 51-50", "PERSON")]),
                  ("Evansville coach Marty Simmons spoke in Evansville.",
                   [("Evansville", "GPE"), ("Marty Simmons", "PERSON")]))
    assert actor_with(res, "Evansville").mentions == 3
