"""A bare place that stands for its sports team (``dossier.team_places``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from newsweave.dossier.actors import ActorResolution
from newsweave.dossier.names import PlaceGazetteer
from test_actors import resolve as resolve_articles


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


def resolve(gazetteer: PlaceGazetteer, text: str, names: Sequence[tuple[str, str]]) -> ActorResolution:
    return resolve_articles(gazetteer, (text, names))


def actor_at(res: ActorResolution, text: str, needle: str) -> str:
    """The actor id of the mention that starts where ``needle`` (whose first name is the mention) is."""
    start = text.index(needle) + (len(needle) - len(needle.lstrip("^")))
    ids = {eid for (_, s, _), eid in res.entity_of.items() if s == start}
    assert len(ids) == 1, (needle, ids)
    return ids.pop()



def bare_place_actors(res: ActorResolution, text: str, bare: str) -> list[tuple[int, set[str]]]:
    """Each mention of the place ``bare`` written alone (no capitalized word after it): its start and actor ids."""
    return [(m.start(), {eid for (_, s, _), eid in res.entity_of.items() if s == m.start()})
            for m in re.finditer(re.escape(bare) + r"(?! [A-Z])", text)]

TEAM_STORY = ("The Indianapolis Colts beat the Jacksonville Jaguars 31-24 on Thursday in Jacksonville. "
              "Indianapolis (11-4) clinched a playoff spot with the win over Jacksonville. "
              "Fans in Indianapolis celebrated.")
TEAM_NAMES = [("Indianapolis Colts", "ORG"), ("Jacksonville Jaguars", "ORG"),
              ("Indianapolis", "GPE"), ("Jacksonville", "GPE")]


def test_a_place_before_a_record_or_after_over_is_its_team(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, TEAM_STORY, TEAM_NAMES)
    colts = actor_at(res, TEAM_STORY, "Indianapolis Colts")
    jaguars = actor_at(res, TEAM_STORY, "Jacksonville Jaguars")
    assert colts != jaguars
    assert actor_at(res, TEAM_STORY, "Indianapolis (11-4)") == colts
    assert actor_at(res, TEAM_STORY, "Jacksonville. Fans") == jaguars
    # the teams keep their organization label and name, however often the place stands for them
    assert colts.startswith("org:") and jaguars.startswith("org:")


def test_a_place_written_as_a_location_stays_a_place(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, TEAM_STORY, TEAM_NAMES)
    colts = actor_at(res, TEAM_STORY, "Indianapolis Colts")
    jaguars = actor_at(res, TEAM_STORY, "Jacksonville Jaguars")
    city = actor_at(res, TEAM_STORY, "Indianapolis celebrated")
    assert city not in (colts, jaguars)
    assert city.startswith("gpe:")
    assert actor_at(res, TEAM_STORY, "Jacksonville. Indianapolis") not in (colts, jaguars)


def test_a_british_plural_verb_makes_the_place_a_team(gazetteer: PlaceGazetteer) -> None:
    text = "The New Orleans Saints lost. New Orleans have decided to rest him. He lives in New Orleans."
    res = resolve(gazetteer, text, [("New Orleans Saints", "ORG"), ("New Orleans", "GPE")])
    saints = actor_at(res, text, "New Orleans Saints")
    assert actor_at(res, text, "New Orleans have") == saints
    assert actor_at(res, text, "New Orleans.") != saints


@pytest.mark.parametrize(("text", "names", "bare"), [
    # a company named "<place> <plural>" is no team (Reuters: Texas Instruments, Houston Industries)
    ("Texas Instruments Inc said profits rose. Against Texas rules, it sold 20-30 units.",
     [("Texas Instruments Inc", "ORG"), ("Texas", "GPE")], "Texas"),
    # a person named "<place> <plural>" is no team (BBC sport: Marion Jones)
    ("Marion Jones sued. The case against Marion (Ohio) was closed. Marion have no comment.",
     [("Marion Jones", "PERSON"), ("Marion", "GPE")], "Marion"),
    # two teams of one place: the place alone is neither
    ("The Los Angeles Lakers and the Los Angeles Clippers met. The win over Los Angeles was easy.",
     [("Los Angeles Lakers", "ORG"), ("Los Angeles Clippers", "ORG"), ("Los Angeles", "GPE")], "Los Angeles"),
    # a country: national sides are rarely "<country> <Nickname>s" (BBC sport: "USA Eagles", "the US")
    ("The USA Eagles lost to Wales. The match against USA was close. USA have no coach.",
     [("USA Eagles", "ORG"), ("USA", "GPE"), ("Wales", "GPE")], "USA"),
])
def test_no_team_no_override(gazetteer: PlaceGazetteer, text: str, names: Sequence[tuple[str, str]],
                             bare: str) -> None:
    res = resolve(gazetteer, text, names)
    teams = {actor_at(res, text, name) for name, label in names if label != "GPE"}
    for start, ids in bare_place_actors(res, text, bare):
        assert ids and not ids & teams, (bare, start, ids)


def test_a_place_mostly_written_as_the_team_is_the_team_throughout(gazetteer: PlaceGazetteer) -> None:
    # three team cues against one location: the cue-less "Evansville's lead" is the team too
    text = ("The Evansville Aces beat Drake 65-53. Evansville (25-7) will play Bradley. "
            "No. 1 Evansville defeated Drake again. Evansville's lead grew. Fans in Evansville cheered.")
    res = resolve(gazetteer, text, [("Evansville Aces", "ORG"), ("Evansville", "GPE"), ("Drake", "ORG"),
                                    ("Bradley", "ORG")])
    aces = actor_at(res, text, "Evansville Aces")
    assert actor_at(res, text, "Evansville's lead") == aces
    assert actor_at(res, text, "Evansville cheered") != aces
    # one cue against two locations: only the cue is the team
    text = ("The Evansville Aces won. Evansville (25-7) lost. He lives in Evansville. "
            "Evansville's mayor is at Evansville.")
    res = resolve(gazetteer, text, [("Evansville Aces", "ORG"), ("Evansville", "GPE")])
    aces = actor_at(res, text, "Evansville Aces")
    assert actor_at(res, text, "Evansville (25-7)") == aces
    assert actor_at(res, text, "Evansville's mayor") != aces


def test_a_location_beats_a_team_cue(gazetteer: PlaceGazetteer) -> None:
    # BBC sport: "their first victory in Cardiff over the world champions"
    text = "The Cardiff Blues lost. Wales seek a first victory in Cardiff over the champions."
    res = resolve(gazetteer, text, [("Cardiff Blues", "ORG"), ("Cardiff", "GPE"), ("Wales", "GPE")])
    assert actor_at(res, text, "Cardiff over") != actor_at(res, text, "Cardiff Blues")


def test_a_team_name_whose_surface_lost_its_place_still_names_the_team(gazetteer: PlaceGazetteer) -> None:
    # NER's "North Carolina Tar Heels" is grouped as "Tar Heels" once the known place is cut off
    text = ("The North Carolina Tar Heels won 91-73. The Tar Heels are unbeaten. "
            "Top-ranked North Carolina beat Evansville. North Carolina (10-0) is next.")
    res = resolve(gazetteer, text, [("North Carolina Tar Heels", "ORG"), ("Tar Heels", "ORG"),
                                    ("North Carolina", "GPE"), ("Evansville", "GPE")])
    heels = actor_at(res, text, "Tar Heels are")
    assert actor_at(res, text, "North Carolina beat") == heels
    assert actor_at(res, text, "North Carolina (10-0)") == heels


@pytest.mark.parametrize(("text", "names", "bare"), [
    # a surname of the story's people is no nickname: "Mo" is a city of the gazetteer (ECB+ dev topic 5)
    ("Maurice Cheeks was hired. Mo Cheeks said the players beat Mo (12-3) rivals.",
     [("Maurice Cheeks", "PERSON"), ("Mo Cheeks", "ORG"), ("Mo", "GPE")], "Mo"),
    # an event is no team (BBC sport: "Athens Olympics", "Milan Indoors", "Scotland Six Nations")
    ("The Athens Olympics ended. Rome won 16-9 against Athens. Athens (0-2) have lost the bid.",
     [("Athens Olympics", "ORG"), ("Athens", "GPE"), ("Rome", "GPE")], "Athens"),
    ("The Glasgow Six Nations squad met. Rome won 16-9 against Glasgow. Glasgow (0-2) have lost.",
     [("Glasgow Six Nations", "ORG"), ("Glasgow", "GPE"), ("Rome", "GPE")], "Glasgow"),
])
def test_no_nickname_no_team(gazetteer: PlaceGazetteer, text: str, names: Sequence[tuple[str, str]],
                             bare: str) -> None:
    res = resolve(gazetteer, text, names)
    other = actor_at(res, text, names[1][0])
    for start, ids in bare_place_actors(res, text, bare):
        assert ids and other not in ids, (bare, start, ids)


def test_a_place_only_ner_knows_names_a_team_whose_nickname_is_written_alone(gazetteer: PlaceGazetteer) -> None:
    # ECB+ dev topic 31: "Creighton" is no gazetteer place; "Bluejays" is written alone too
    text = ("No. 1 Creighton Bluejays 65, Drake 53. The Bluejays won. Creighton (25-7) will play "
            "Indiana State. Creighton defeats Drake.")
    res = resolve(gazetteer, text, [("Creighton Bluejays", "ORG"), ("Bluejays", "ORG"),
                                    ("Creighton", "GPE"), ("Drake", "ORG")])
    bluejays = actor_at(res, text, "Bluejays won")
    assert actor_at(res, text, "Creighton (25-7)") == bluejays
    # BBC sport: the national side "Wales" is no "Wales Students", whose nickname is never alone
    text = "The Wales Students lost. England play against Wales next. Wales (2-0) have won twice."
    res = resolve(gazetteer, text, [("Wales Students", "ORG"), ("Wales", "GPE"), ("England", "GPE")])
    students = actor_at(res, text, "Wales Students")
    assert actor_at(res, text, "Wales next") != students
    assert actor_at(res, text, "Wales (2-0)") != students


def test_a_nickname_is_no_word_the_story_writes_in_lower_case(gazetteer: PlaceGazetteer) -> None:
    # Reuters: "a spread over London interbank offered Rates" is no team of London
    text = ("Loans carry a spread over London Interbank Offered Rates. Banks pay rates over London "
            "(3-1) terms.")
    res = resolve(gazetteer, text, [("London Interbank Offered Rates", "ORG"), ("London", "GPE")])
    libor = actor_at(res, text, "London Interbank")
    assert actor_at(res, text, "London (3-1)") != libor


def test_a_number_with_a_thousands_comma_is_no_score() -> None:
    from newsweave.dossier.team_places import _TEAM_AFTER

    assert _TEAM_AFTER.match(" 65, Drake 53")
    assert not _TEAM_AFTER.match(" 2,000 fans")


def test_a_nickname_the_story_once_writes_in_lower_case_is_still_a_team(gazetteer: PlaceGazetteer) -> None:
    # "fighter jets" once in lower case against three capitalized "Jets": the nickname stands
    text = ("The New York Jets beat Miami 24-17. New York (9-6) leads the division. The Jets flew home "
            "after a flyover by fighter jets. Jets coach Rex Ryan was pleased.")
    res = resolve(gazetteer, text, [("New York Jets", "ORG"), ("New York", "GPE"), ("Miami", "GPE"),
                                    ("Jets", "ORG"), ("Rex Ryan", "PERSON")])
    assert actor_at(res, text, "New York (9-6)") == actor_at(res, text, "New York Jets")


def test_a_word_the_story_writes_mostly_in_lower_case_is_no_nickname(gazetteer: PlaceGazetteer) -> None:
    # as "Wales Students" (BBC sport): "students" in lower case as often as capitalized
    text = ("The Leeds Students side lost to York 20-10. Leeds (2-3) play Hull next. "
            "The students train in Leeds.")
    res = resolve(gazetteer, text, [("Leeds Students", "ORG"), ("Leeds", "GPE"), ("York", "GPE"),
                                    ("Hull", "GPE")])
    assert actor_at(res, text, "Leeds (2-3)") != actor_at(res, text, "Leeds Students")


def test_a_clubs_town_is_the_club_and_a_city_named_city_stays_a_place(gazetteer: PlaceGazetteer) -> None:
    # British clubs: a town and a club word ("United", "Rovers"), the town written bare for the club
    text = ("Leeds United beat Castleton Rovers 2-1 on Saturday. Castleton have lost three games in a row, "
            "and Leeds are top. Fans in Leeds celebrated the win over Castleton.")
    names = [("Leeds United", "ORG"), ("Castleton Rovers", "ORG"), ("Leeds", "GPE"), ("Castleton", "ORG")]
    res = resolve(gazetteer, text, names)
    leeds, rovers = actor_at(res, text, "Leeds United"), actor_at(res, text, "Castleton Rovers")
    assert actor_at(res, text, "Leeds are") == leeds and actor_at(res, text, "Castleton have") == rovers
    assert actor_at(res, text, "Leeds celebrated") not in (leeds, rovers)  # "in Leeds": the city
    # a name the gazetteer knows whole is a city: "Kansas City" is no team of Kansas
    text = "Kansas beat Missouri 70-61 on Saturday. Kansas City hosted the game."
    res = resolve(gazetteer, text, [("Kansas", "GPE"), ("Missouri", "GPE"), ("Kansas City", "GPE")])
    assert actor_at(res, text, "Kansas beat") != actor_at(res, text, "Kansas City")
