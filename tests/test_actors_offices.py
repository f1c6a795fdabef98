"""An office written without its holder is no actor (``name_noise.drop_common_words``)."""

from __future__ import annotations

import pytest

from newsweave.dossier.names import PlaceGazetteer
from test_actors import actor_with, resolve


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


@pytest.mark.parametrize("office", ["CEO", "CFO", "COO", "Chief Executive", "Chief Executive Officer",
                                    "Chief Financial Officer", "Managing Director", "Deputy Chief Executive",
                                    "Chairman", "Director"])
def test_a_business_office_alone_is_no_actor(gazetteer: PlaceGazetteer, office: str) -> None:
    text = f"Acme's {office}, Maria Lopez, said the deal would close in May. Lopez declined to comment."
    res = resolve(gazetteer, (text, [(office, "ORG"), ("Acme", "ORG"), ("Maria Lopez", "PERSON"),
                                     ("Lopez", "PERSON")]))
    assert not [e for e in res.entities if office in e.aliases]
    assert actor_with(res, "Maria Lopez").mentions == 2


@pytest.mark.parametrize(("name", "label"), [("Executive", "ORG"), ("Major", "PERSON"), ("Executive Jet", "ORG"),
                                             ("Chief Executive Group", "ORG")])
def test_a_name_made_of_title_words_stays(gazetteer: PlaceGazetteer, name: str, label: str) -> None:
    # "the Executive" of Northern Ireland is a government; "Chief Executive Group" a firm
    text = f"{name} said on Monday it backed the plan. Talks with {name} went on until late."
    res = resolve(gazetteer, (text, [(name, label)]))
    assert actor_with(res, name).mentions == 2
