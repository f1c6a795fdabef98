"""A place written before an institution's name: part of the name, not a run-on (``dossier.actors``)."""

from __future__ import annotations

import pytest

from newsweave.dossier.names import PlaceGazetteer
from test_actors import actor_with, resolve


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


def test_a_place_before_organization_words_alone_is_part_of_the_name(gazetteer: PlaceGazetteer) -> None:
    # ECB+ dev topic 21: "New York Police" was cut to "Police" and joined "Bloomington Police";
    # ECB+ topic 28: "Washington Post" was cut to "Post"
    res = resolve(
        gazetteer,
        ("Bloomington Police arrested him. Police said he was drunk.",
         [("Bloomington Police", "ORG"), ("Police", "ORG"), ("Bloomington", "GPE")]),
        ("A woman died in Queens, New York Police said. Police are searching.",
         [("New York Police", "ORG"), ("Police", "ORG"), ("Queens", "GPE")]),
        ("The Washington Post reported it. The Post said so. Washington denied it.",
         [("Washington Post", "ORG"), ("Post", "ORG"), ("Washington", "GPE")]),
    )
    assert actor_with(res, "New York Police") != actor_with(res, "Bloomington Police")
    assert actor_with(res, "Washington Post").name == "Washington Post"


def test_a_place_written_in_a_name_is_no_initialism_of_it(gazetteer: PlaceGazetteer) -> None:
    # BBC business: "US" joined "US Senate" as its initials; an organization's first word still is
    # its short name ("LG" of "LG Group")
    res = resolve(
        gazetteer,
        ("Members of the US Senate are affected. US federal employees lost data. LG Group and LG "
         "creditors met.",
         [("US Senate", "ORG"), ("US", "GPE"), ("LG Group", "ORG"), ("LG", "ORG")]),
    )
    assert actor_with(res, "US") != actor_with(res, "US Senate")
    assert actor_with(res, "US").type == "GPE"
    assert actor_with(res, "LG") == actor_with(res, "LG Group")
