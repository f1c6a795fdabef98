"""A place written before an institution's name: part of the name, not a run-on (``dossier.actors``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from newsweave.dossier.actors import ActorResolution, resolve_actors
from newsweave.dossier.names import PlaceGazetteer
from newsweave.model import Entity, Mention


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


def resolve(gazetteer: PlaceGazetteer, *articles: tuple[str, Sequence[tuple[str, str]]]) -> ActorResolution:
    items = []
    for i, (text, names) in enumerate(articles):
        taken: list[tuple[int, int]] = []
        mentions = []
        for name, label in sorted(names, key=lambda n: -len(n[0])):
            for m in re.finditer(re.escape(name), text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    taken.append((m.start(), m.end()))
                    mentions.append(Mention(m.start(), m.end(), name, label))
        items.append((f"a{i}", text, sorted(mentions, key=lambda m: m.start)))
    return resolve_actors(items, gazetteer)


def actor_with(res: ActorResolution, alias: str) -> Entity:
    hits = [e for e in res.entities if alias in e.aliases]
    assert len(hits) == 1, f"{alias!r} is in {len(hits)} actors: {res.entities}"
    return hits[0]


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
