"""Company names: spelled-out company forms, and two names written as one hyphenated word (``dossier.actors``)."""

from __future__ import annotations

import re

import pytest

from newsweave.dossier.actors import ActorResolution, resolve_actors
from newsweave.dossier.names import PlaceGazetteer, has_corp_suffix, has_org_word, match_key
from newsweave.model import Mention
from test_actors import actor_with, entity_at, occurrences, resolve


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


@pytest.mark.parametrize(("short", "long"), [("Acme Corp", "Acme Corporation"),
                                             ("Brightline Inc", "Brightline Incorporated"),
                                             ("Widget Co.", "Widget Company"), ("Northwind Ltd", "Northwind Limited")])
def test_a_company_form_spelled_out_has_the_key_of_its_abbreviation(short: str, long: str) -> None:
    assert match_key(long) == match_key(short) == match_key(short.split(" ")[0])
    assert has_corp_suffix(long) and has_org_word(long)


def test_a_company_form_alone_or_inside_a_name_is_kept() -> None:
    assert match_key("Limited") == "limited"  # "The Limited", a retailer: a name, not a form
    assert match_key("Company of Heroes") == "company of heroes"
    assert match_key("Acme Group") == "acme group"  # a group may be another firm than its namesake


def test_a_company_is_one_actor_however_its_form_is_written(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Acme Corp agreed to buy Brightline Inc. Acme will pay cash.",
         [("Acme Corp", "ORG"), ("Brightline Inc", "ORG"), ("Acme", "ORG")]),
        ("Acme Corporation, based in Ohio, has made several purchases. Brightline Incorporated agreed.",
         [("Acme Corporation", "ORG"), ("Ohio", "GPE"), ("Brightline Incorporated", "ORG")]),
    )
    acme = actor_with(res, "Acme Corporation")
    assert set(acme.aliases) == {"Acme", "Acme Corp", "Acme Corporation"} and acme.type == "ORG"
    assert actor_with(res, "Brightline Inc").id == actor_with(res, "Brightline Incorporated").id


def test_a_group_stays_apart_from_the_company_of_its_name(gazetteer: PlaceGazetteer) -> None:
    text = ("Acme Group, the holding company, sold shares. Acme Corporation, its carmaker, said sales rose. "
            "Acme Group owns half of Acme Corporation.")
    res = resolve(gazetteer, (text, [("Acme Group", "ORG"), ("Acme Corporation", "ORG")]))
    assert actor_with(res, "Acme Group").id != actor_with(res, "Acme Corporation").id


def test_one_word_and_a_company_form_is_no_initialism(gazetteer: PlaceGazetteer) -> None:
    # found on Reuters once "Corp"/"Co" made an organization word: "Electric Co" joined the EC
    text = ("Sales in the EC rose. Members of the EC met. Electric Co said it would cut jobs. "
            "The British Broadcasting Corporation reported it; the BBC said so.")
    res = resolve(gazetteer, (text, [("EC", "ORG"), ("Electric Co", "ORG"), ("BBC", "ORG"),
                                     ("British Broadcasting Corporation", "ORG")]))
    assert actor_with(res, "EC").id != actor_with(res, "Electric Co").id
    assert actor_with(res, "BBC").id == actor_with(res, "British Broadcasting Corporation").id


def _pair_story(gazetteer: PlaceGazetteer, pair: str, first: tuple[str, str], second: tuple[str, str]
                ) -> tuple[str, ActorResolution]:
    text = (f"Regulators to review {pair} tie-up\n\n{first[0]} said on Monday it had talks with "
            f"{second[0]}. Officials met {first[0]} and {second[0]} in March.")
    body = [m for name, label in (first, second)  # NER found the names in the body sentences
            for m in occurrences(text, name, label, [-2, -1])]
    return text, resolve_actors([("a0", text, [*occurrences(text, pair, "ORG", [0]), *body])], gazetteer)


@pytest.mark.parametrize(("pair", "first", "second"),
                         [("Acme-Brightline", "Acme", "Brightline"), ("Renault/Nissan", "Renault", "Nissan"),
                          ("US-China", "US", "China"), ("U.S.-Japan", "U.S.", "Japan")])
def test_two_known_names_joined_by_a_hyphen_are_a_mention_of_each(gazetteer: PlaceGazetteer, pair: str,
                                                                  first: str, second: str) -> None:
    labels = {"US": "GPE", "China": "GPE", "U.S.": "GPE", "Japan": "GPE"}
    text, res = _pair_story(gazetteer, pair, (first, labels.get(first, "ORG")), (second, labels.get(second, "ORG")))
    assert not [e for e in res.entities if pair in e.aliases]
    assert entity_at(res, "a0", text, first, 0) == actor_with(res, first).id
    assert entity_at(res, "a0", text, second, 0) == actor_with(res, second).id
    assert actor_with(res, first).mentions == actor_with(res, second).mentions == 3


@pytest.mark.parametrize(("pair", "first", "second"),
                         [("Hewlett-Packard", ("Compaq", "ORG"), ("Dell", "ORG")),  # never written apart
                          ("Rolls-Royce", ("Royce", "ORG"), ("Airbus", "ORG")),  # one side only
                          ("Guinea-Bissau", ("Guinea", "GPE"), ("Bissau", "GPE")),  # a country
                          ("Harley-Davidson", ("William Harley", "PERSON"), ("Arthur Davidson", "PERSON")),
                          ("Hughes/Conserdyne Corp", ("Hughes", "ORG"), ("Conserdyne", "ORG"))])  # a company form
def test_a_hyphenated_name_stays_whole(gazetteer: PlaceGazetteer, pair: str, first: tuple[str, str],
                                       second: tuple[str, str]) -> None:
    text, res = _pair_story(gazetteer, pair, first, second)
    assert entity_at(res, "a0", text, pair) == actor_with(res, pair).id  # the span is not split


@pytest.mark.parametrize("text", [
    "Regulators fined media giant Corvane over the bond sale. Corvane said it would appeal. Corvane shares "
    "were flat.",
    "Orlen Tusk, chief technology officer for Corvane, said Corvane would back the format. Corvane declined "
    "to comment further.",
    "The bid was rejected by Corvane's board. Corvane said the offer was too low. Corvane will meet again.",
])
def test_a_firm_noun_before_or_an_office_at_the_name_outvotes_ner_person_labels(
        gazetteer: PlaceGazetteer, text: str) -> None:
    # NER calls the unknown name a person twice out of three: the company's words outvote it
    labels = ["PERSON", "PERSON", "ORG"]
    starts = [m.start() for m in re.finditer("Corvane", text)]
    mentions = [Mention(s, s + 7, "Corvane", label) for s, label in zip(starts, labels, strict=True)]
    res = resolve_actors([("a0", text, mentions)], gazetteer)
    assert actor_with(res, "Corvane").type == "ORG"


def test_a_title_that_heads_the_next_name_is_not_the_firms(gazetteer: PlaceGazetteer) -> None:
    # "Corvane, its chief executive Orlen Tusk and ..." lists three: the title is Tusk's
    text = ("Regulators began proceedings against Corvane, its chief executive Orlen Tusk and its finance chief. "
            "Corvane said the claims had no basis. Corvane will appeal.")
    starts = [m.start() for m in re.finditer("Corvane", text)]
    mentions = [Mention(s, s + 7, "Corvane", label) for s, label in zip(starts, ["ORG", "PERSON", "ORG"], strict=True)]
    tusk = text.index("Orlen Tusk")
    mentions.append(Mention(tusk, tusk + 10, "Orlen Tusk", "PERSON"))
    res = resolve_actors([("a0", text, sorted(mentions, key=lambda m: m.start))], gazetteer)
    assert actor_with(res, "Corvane").type == "ORG"
    assert actor_with(res, "Orlen Tusk").type == "PERSON"


@pytest.mark.parametrize(("text", "label"), [
    ("Ana Corvane, a spokeswoman for the Lisbon-based bank, said so. Corvane would not say more.", "PERSON"),
    ("Ana Corvane, its chief executive, said so. Corvane would not say more.", "PERSON"),
    ("Ana Corvane, chief executive of Veltra, said so. Corvane would not say more.", "PERSON"),
    ("A group Ana Corvane founded sued. Corvane would not say more.", "PERSON"),
])
def test_a_persons_title_or_employer_is_no_company_evidence(gazetteer: PlaceGazetteer, text: str,
                                                             label: str) -> None:
    res = resolve(gazetteer, (text, [("Ana Corvane", "PERSON"), ("Corvane", "PERSON"), ("Veltra", "ORG")]))
    assert actor_with(res, "Ana Corvane").type == label


def test_a_countrys_code_expands_to_no_company(gazetteer: PlaceGazetteer) -> None:
    text = "US regulators backed the deal. Ulrich Sanders of Union Steel said US rules were clear."
    res = resolve(gazetteer, (text, [("US", "GPE"), ("Union Steel", "ORG"), ("Ulrich Sanders", "PERSON")]))
    assert actor_with(res, "US").id != actor_with(res, "Union Steel").id
