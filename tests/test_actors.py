"""Actor canonicalization: spelling variants, surnames, acronyms, places, label repair, gold floors."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newsweave.annotate.actor_mentions import add_missed_names
from newsweave.annotate.nlp import mentions_of as ner_mentions
from newsweave.dossier.actors import ActorResolution, entity_id, resolve_actors
from newsweave.dossier.names import PlaceGazetteer, clean_surface, phonetic_key, words_of
from newsweave.model import Entity, Mention

BENCH = Path(__file__).resolve().parents[1] / "bench" / "actors_ecbplus.py"
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


@pytest.fixture(scope="session")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


def mentions_of(text: str, names: Sequence[tuple[str, str]]) -> list[Mention]:
    """Every occurrence of each (name, label) in text as a Mention (longest names first)."""
    taken: list[tuple[int, int]] = []
    found = []
    for name, label in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(re.escape(name), text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
                found.append(Mention(m.start(), m.end(), name, label))
    return sorted(found, key=lambda m: m.start)


def resolve(gazetteer: PlaceGazetteer, *articles: tuple[str, Sequence[tuple[str, str]]]) -> ActorResolution:
    items = [(f"a{i}", text, mentions_of(text, names)) for i, (text, names) in enumerate(articles)]
    return resolve_actors(items, gazetteer)


def actor_with(res: ActorResolution, alias: str) -> Entity:
    hits = [e for e in res.entities if alias in e.aliases]
    assert len(hits) == 1, f"{alias!r} is in {len(hits)} actors: {res.entities}"
    return hits[0]


def test_transliteration_variants_are_one_person(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("President Kassym-Jomart Tokayev spoke.", [("Kassym-Jomart Tokayev", "ORG")]),
        ("Kassym-Zhomart Tokayev said so. Tokayev left.",
         [("Kassym-Zhomart Tokayev", "ORG"), ("Tokayev", "PERSON")]),
        ("Mr Kasym-Zhomart Tokayev agreed.", [("Kasym-Zhomart Tokayev", "ORG")]),
    )
    tokayev = actor_with(res, "Tokayev")
    assert set(tokayev.aliases) == {"Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev",
                                    "Kasym-Zhomart Tokayev", "Tokayev"}
    assert tokayev.type == "PERSON"  # repaired from NER's ORG by the titles
    assert tokayev.mentions == 4
    assert set(res.label_of.values()) == {"PERSON"}


@pytest.mark.parametrize(("a", "b"), [("Kassym-Jomart", "Kassym-Zhomart"), ("Kasym", "Kassym"),
                                      ("Anthony", "Antony"), ("Mukhtar", "Muhtar")])
def test_phonetic_key_folds_variants(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


def test_first_name_variants_and_surname_only(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Secretary of State Anthony Blinken said. Blinken added.",
         [("Anthony Blinken", "PERSON"), ("Blinken", "GPE")]),
        ("Antony Blinken spoke to Blinken's staff.", [("Antony Blinken", "PERSON"), ("Blinken", "PERSON")]),
    )
    blinken = actor_with(res, "Blinken")
    assert set(blinken.aliases) == {"Anthony Blinken", "Antony Blinken", "Blinken"}
    assert blinken.type == "PERSON"
    assert len(res.entities) == 1


def test_a_first_name_alone_is_the_storys_one_person_of_that_name(gazetteer: PlaceGazetteer) -> None:
    # "Tomas" is in no nickname table; the story writes it as Tomas Varga's first name
    res = resolve(gazetteer, ("Tomas Varga scored the winner. \"Tomas has shown why we brought him here,\" "
                              "Sofia Lindqvist said. Varga smiled.",
                              [("Tomas Varga", "PERSON"), ("Tomas", "PERSON"), ("Sofia Lindqvist", "PERSON"),
                               ("Varga", "PERSON")]))
    assert set(actor_with(res, "Tomas Varga").aliases) == {"Tomas Varga", "Tomas", "Varga"}


def test_shared_surname_never_merges_different_people(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("George Bush met Reggie Bush. Later Bush scored.",
         [("George Bush", "PERSON"), ("Reggie Bush", "PERSON"), ("Bush", "PERSON")]),
        ("George Bush spoke first. Bush said no.", [("George Bush", "PERSON"), ("Bush", "PERSON")]),
    )
    george, reggie = actor_with(res, "George Bush"), actor_with(res, "Reggie Bush")
    assert george.id != reggie.id
    # the surname-only mention goes to the most recent full mention in its own article
    text0 = "George Bush met Reggie Bush. Later Bush scored."
    later = text0.index("Bush scored")
    assert res.entity_of[("a0", later, later + 4)] == reggie.id
    text1 = "George Bush spoke first. Bush said no."
    said = text1.index("Bush said")
    assert res.entity_of[("a1", said, said + 4)] == george.id


@pytest.mark.parametrize(("text", "count"), [
    ("The Collective Security Treaty Organization (CSTO) met. The CSTO sent troops.", 3),
    ("The Collective Security Treaty Organization met. Later the CSTO sent troops.", 2),
])
def test_acronyms_join_their_expansion(gazetteer: PlaceGazetteer, text: str, count: int) -> None:
    res = resolve(gazetteer, (text, [("Collective Security Treaty Organization", "ORG"), ("CSTO", "ORG")]))
    csto = actor_with(res, "CSTO")
    assert csto.name == "Collective Security Treaty Organization"
    assert csto.mentions == count


def test_acronym_with_two_possible_expansions_stays_apart(gazetteer: PlaceGazetteer) -> None:
    text = "The Central Intelligence Agency and the Criminal Investigation Agency: the CIA said."
    res = resolve(gazetteer, (text, [("Central Intelligence Agency", "ORG"),
                                     ("Criminal Investigation Agency", "ORG"), ("CIA", "ORG")]))
    assert len(res.entities) == 3


def test_ministry_of_x_is_the_x_ministry(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("The Foreign Ministry said talks would resume. The Finance Ministry disagreed.",
                   [("Foreign Ministry", "ORG"), ("Finance Ministry", "ORG")]),
                  ("A statement of the Ministry of Foreign Affairs of Russia followed. The Ministry of "
                   "Defence was silent.", [("Ministry of Foreign Affairs", "ORG"), ("Ministry of Defence", "ORG")]))
    foreign = actor_with(res, "Ministry of Foreign Affairs")
    assert "Foreign Ministry" in foreign.aliases and foreign.mentions == 2
    assert actor_with(res, "Finance Ministry").id != foreign.id
    assert actor_with(res, "Ministry of Defence").id not in (foreign.id, actor_with(res, "Finance Ministry").id)


def test_university_of_x_is_x_university(gazetteer: PlaceGazetteer) -> None:
    # a made-up study story: "Researchers at the University of Bristol", "The Bristol University researchers"
    res = resolve(gazetteer, ("Researchers at the University of Bristol followed them.",
                              [("University of Bristol", "ORG")]),
                  ("The Bristol University researchers and Oxford University disagreed.",
                   [("Bristol University", "ORG"), ("Oxford University", "ORG")]))
    bristol = actor_with(res, "University of Bristol")
    assert "Bristol University" in bristol.aliases and actor_with(res, "Oxford University").id != bristol.id


def test_former_place_name_and_city_named_like_a_person(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Protests in Alma-Ata and Almaty spread to Nur-Sultan, named after Nursultan Nazarbayev.",
         [("Alma-Ata", "ORG"), ("Almaty", "GPE"), ("Nur-Sultan", "GPE"), ("Nursultan Nazarbayev", "PERSON")]),
    )
    almaty = actor_with(res, "Alma-Ata")
    assert almaty.name == "Almaty" and almaty.type == "GPE" and almaty.mentions == 2
    city, person = actor_with(res, "Nur-Sultan"), actor_with(res, "Nursultan Nazarbayev")
    assert city.id != person.id
    assert city.type == "GPE" and person.type == "PERSON"


def test_a_wire_datelines_city_in_capitals_is_the_place_and_its_month_no_actor(gazetteer: PlaceGazetteer) -> None:
    text = "HANOI, Aug 7 (Reuters) - Floods hit the north. Rescuers left Hanoi at dawn."
    res = resolve(gazetteer, (text, [("HANOI", "ORG"), ("Aug", "ORG"), ("Reuters", "ORG"), ("Hanoi", "GPE")]))
    hanoi = actor_with(res, "HANOI")
    assert hanoi.name == "Hanoi" and hanoi.type == "GPE" and hanoi.mentions == 2
    assert not [e for e in res.entities if "Aug" in e.aliases]
    assert gazetteer.lookup("IE") is None and gazetteer.lookup("MAN") is None  # initialisms stay apart


def test_country_variants(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("The U.S. and the United States and the US.",
                              [("U.S.", "GPE"), ("United States", "GPE"), ("US", "GPE")]))
    assert len(res.entities) == 1 and res.entities[0].name == "United States"


def test_typo_in_first_name_same_surname(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Karin Jean-Pierre spoke.", [("Karin Jean-Pierre", "PERSON")]),
                  ("Karine Jean-Pierre spoke.", [("Karine Jean-Pierre", "PERSON")]))
    assert len(res.entities) == 1


def test_one_letter_off_in_a_surname_of_five_letters_is_a_typo(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Chisomo Mwale spoke. Later Mwale left.",
                              [("Chisomo Mwale", "PERSON"), ("Mwale", "PERSON")]),
                  ("Chisomo Mwali said so.", [("Chisomo Mwali", "PERSON")]))
    assert len(res.entities) == 1
    short = resolve(gazetteer, ("Omar Ali spoke. Omar Ari spoke.", [("Omar Ali", "PERSON"), ("Omar Ari", "PERSON")]))
    assert len(short.entities) == 2  # three letters: one letter off is another name


def test_a_surname_with_particles_names_no_one_before_the_full_name(gazetteer: PlaceGazetteer) -> None:
    text = "Julio De Vido spoke. De Vido said more. Later De Vido left, and De Vido returned."
    res = resolve(gazetteer, (text, [("Julio De Vido", "PERSON"), ("De Vido", "PERSON")]))
    assert len(res.entities) == 1 and res.entities[0].name == "Julio De Vido"


def test_misspelled_place_joins_the_place_the_story_names(gazetteer: PlaceGazetteer) -> None:
    text = ("Troops flew to Kazakhstan. Kazakhstan asked for help. Kazakhstan thanked them. "
            "Peacekeepers went into Kahastan. Austria and Australia sent notes; Australia twice.")
    res = resolve(gazetteer, (text, [("Kazakhstan", "GPE"), ("Kahastan", "GPE"), ("Austria", "GPE"),
                                     ("Australia", "GPE")]))
    kazakhstan = actor_with(res, "Kahastan")
    assert kazakhstan.name == "Kazakhstan" and kazakhstan.mentions == 4
    assert actor_with(res, "Austria").id != actor_with(res, "Australia").id  # both real places


def test_unknown_place_as_frequent_as_the_near_one_stays_apart(gazetteer: PlaceGazetteer) -> None:
    text = "Kazakhstan and Kahastan. Kahastan again, and Kazakhstan."
    res = resolve(gazetteer, (text, [("Kazakhstan", "GPE"), ("Kahastan", "GPE")]))
    assert actor_with(res, "Kahastan").id != actor_with(res, "Kazakhstan").id


@pytest.mark.parametrize(("text", "mention", "label", "expected"), [
    ("Kazakh President Tokayev Kazakh spoke.", "Tokayev Kazakh", "ORG", "PERSON"),
    ("The spokesman Ned Price said.", "Ned Price", "ORG", "PERSON"),
    ("Colonel-General Andrei Serdyukov arrived.", "Andrei Serdyukov", "GPE", "PERSON"),
    ("Ivan Petrov, a spokesman for the ministry, said.", "Ivan Petrov", "ORG", "PERSON"),
    ("The Russian Foreign Ministry said.", "Russian Foreign Ministry", "PERSON", "ORG"),
    ("They flew to Kazakhstan.", "Kazakhstan", "PERSON", "GPE"),
    ("Cases rose in the district of Chikwawa.", "Chikwawa", "PERSON", "GPE"),
    ("Cases rose in Chikwawa district.", "Chikwawa", "PERSON", "GPE"),
    ("Telvia, Portugal's second-largest mobile operator, said so.", "Telvia", "GPE", "ORG"),
    ("Telvia shares fell 6%.", "Telvia", "GPE", "ORG"),
])
def test_label_repair_with_evidence(gazetteer: PlaceGazetteer, text: str, mention: str, label: str,
                                    expected: str) -> None:
    res = resolve(gazetteer, (text, [(mention, label)]))
    assert res.entities[0].type == expected
    assert set(res.label_of.values()) == {expected}


def test_majority_label_wins(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Zakharova said. Zakharova wrote. Zakharova added. Maria Zakharova ended.",
                              [("Maria Zakharova", "PERSON"), ("Zakharova", "ORG")]))
    assert len(res.entities) == 1
    # 3 ORG votes vs 1 PERSON + 2 for "First Last" used with "Last" alone: a tie, PERSON first
    assert res.entities[0].type == "PERSON"


def test_place_labels_pool_their_votes_and_an_acronym_is_no_surname(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Ngabu is far. Ngabu flooded. Ngabu, again. Ngabu now. Ngabu last.",
                              [("Ngabu", "PERSON")]))
    assert res.entities[0].type == "PERSON"
    text = "Ngabu is far. Ngabu flooded. Ngabu, again. Ngabu now."
    mixed = [Mention(0, 5, "Ngabu", "PERSON"), Mention(14, 19, "Ngabu", "GPE"), Mention(29, 34, "Ngabu", "FAC"),
             Mention(43, 48, "Ngabu", "GPE")]
    pooled = resolve_actors([("a0", text, mixed)], gazetteer)
    # PERSON 1 against GPE 2 and FAC 1 (half votes each: no gazetteer place), a tie without pooling
    assert pooled.entities[0].type == "GPE"
    msf = resolve(gazetteer, ("Medecins Sans Frontieres (MSF) said. MSF added.",
                              [("Medecins Sans Frontieres", "ORG"), ("MSF", "ORG")]))
    assert len(msf.entities) == 1 and msf.entities[0].type == "ORG"


@pytest.mark.parametrize(("text", "credit"), [
    ("Floods hit the south\n\nBy Tiyamike Phiri\n\nThe Ministry of Health said cases rose.", "Tiyamike Phiri"),
    ("HANOI, Aug 7 (Wire) - The floods killed 12, Nguyen Van Hung said.", "Wire"),
    ("The floods killed 12, Nguyen Van Hung said.\nReporting by Ann Lee; Editing by Tom Hogue", "Ann Lee"),
])
def test_the_articles_author_and_wire_are_no_actors(gazetteer: PlaceGazetteer, text: str, credit: str) -> None:
    names = [(credit, "PERSON" if " " in credit else "ORG"), ("Nguyen Van Hung", "PERSON"),
             ("Ministry of Health", "ORG")]
    res = resolve(gazetteer, (text, [n for n in names if n[0] in text]))
    assert credit not in {a for e in res.entities for a in e.aliases}
    assert res.entities  # the story's own actor stays


_EARNINGS = ("Cobanco Inc said its fourth quarter results were hurt by loan losses.\n\n"
             "Shr 34 cts vs 1.19 dlrs\n\nRevs 25.2 mln vs 19.5 mln\n\nYear\n\nAvg shrs 2,332,397 vs 1,428,000\n\n"
             "Japan 1.2 mln vs 1.1 mln\n\nPay March 31\n\nRecord March 13\n\nNote: 4th qtr not available.")


def test_the_labels_of_a_wire_tables_lines_are_no_actors(gazetteer: PlaceGazetteer) -> None:
    labels = [("Shr", "ORG"), ("Revs", "PERSON"), ("Year", "ORG"), ("Avg", "PERSON"), ("Pay", "ORG"),
              ("Record", "ORG"), ("Note", "ORG")]
    res = resolve(gazetteer, (_EARNINGS, [*labels, ("Cobanco Inc", "ORG"), ("Japan", "GPE")]))
    aliases = {a for e in res.entities for a in e.aliases}
    assert aliases == {"Cobanco Inc", "Japan"}  # the company and a place in a row stay
    # the same words open lines of prose, in an article without a table: names again
    prose = "Record Holdings said it would buy Pay Inc.\n\nPay Inc shares rose 5 pct on the news."
    res = resolve(gazetteer, (prose, [("Record Holdings", "ORG"), ("Pay Inc", "ORG")]))
    assert {a for e in res.entities for a in e.aliases} == {"Record Holdings", "Pay Inc"}


@pytest.mark.parametrize(("raw", "clean"), [
    ("the Russian Foreign Ministry", "Russian Foreign Ministry"),
    ("Blinken's", "Blinken"),
    ("President Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
    ("Mr. Zas", "Zas"),
    # a title word that starts a company's name is no title
    ("General Electric Co", "General Electric Co"),
    ("General Motors", "General Motors"),
    ("General Dynamics Corp", "General Dynamics Corp"),
    ("General Andrei Serdyukov", "Andrei Serdyukov"),
    ("Attorney General Holder", "Holder"),
    ("PM Spajic", "Spajic"),  # a headline's abbreviated title
    ("Chief Executive Officer Tim Cook", "Tim Cook"),  # an office of several words
    # a bracket NER ran into, a writer's bracket in a name
    ("International Coffee Organization (ICO", "International Coffee Organization"),
    ("International Monetary) Fund", "International Monetary Fund"),
    ("General Data Protection Regulation", "General Data Protection Regulation"),  # a law's name
    ("Kazakhstan\n\n", "Kazakhstan"),
    ("the", ""),
])
def test_clean_surface(raw: str, clean: str) -> None:
    assert clean_surface(raw) == clean


def test_entity_ids_are_stable_across_runs_and_spellings(gazetteer: PlaceGazetteer) -> None:
    assert entity_id("PERSON", "Kassym-Zhomart Tokayev") == entity_id("PERSON", "Kassym-Jomart Tokayev")
    assert entity_id("PERSON", "Antony Blinken") == entity_id("PERSON", "Anthony Blinken")
    assert entity_id("GPE", "Nur-Sultan") != entity_id("PERSON", "Nursultan")
    story = ("Antony Blinken said.", [("Antony Blinken", "PERSON")])
    other = ("Anthony Blinken and Jen Psaki said.", [("Anthony Blinken", "PERSON"), ("Jen Psaki", "PERSON")])
    ids_a = {e.name: e.id for e in resolve(gazetteer, story).entities}
    ids_b = {e.name: e.id for e in resolve(gazetteer, other, story).entities}
    assert ids_a["Antony Blinken"] == ids_b["Anthony Blinken"]


def test_canonical_name_is_most_frequent_full_form(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Anthony Blinken. Anthony Blinken. Antony Blinken. Blinken. Blinken. Blinken.",
                   [("Anthony Blinken", "PERSON"), ("Antony Blinken", "PERSON"), ("Blinken", "PERSON")]))
    assert res.entities[0].name == "Anthony Blinken"
    assert res.entities[0].mentions == 6


def test_non_actor_labels_are_ignored(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("On Friday, 18 people", [("Friday", "DATE"), ("18", "CARDINAL")]))
    assert res.entities == () and not res.entity_of


def seed_items(nlp: Any, seed_texts: dict[str, str], missed_names: bool = False,
               gazetteer: PlaceGazetteer | None = None) -> list[tuple[str, str, list[Mention]]]:
    items = []
    for aid, text in sorted(seed_texts.items()):
        doc = nlp(text)
        mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents
                    if e.label_ in ACTOR_LABELS]
        if missed_names:
            mentions = add_missed_names(doc, mentions, gazetteer)
        items.append((aid, text, mentions))
    return items


@pytest.mark.gold
@pytest.mark.parametrize("missed_names", [False, True])
def test_seed_entities_resolve_to_one_actor_each(nlp: Any, seed_texts: dict[str, str],
                                                 seeds_gold: dict[str, Any],
                                                 gazetteer: PlaceGazetteer, missed_names: bool) -> None:
    res = resolve_actors(seed_items(nlp, seed_texts, missed_names, gazetteer), gazetteer)
    all_aliases = {a for e in res.entities for a in e.aliases}
    missed = []
    for gold in seeds_gold["entities"]:
        found = [f for f in gold["surface_forms"] if f in all_aliases]
        missed += [f for f in gold["surface_forms"] if f not in all_aliases]
        assert found, f"NER found no form of {gold['canonical']}"
        actors = {e.id for e in res.entities for f in found if f in e.aliases}
        assert len(actors) == 1, f"{gold['canonical']}: forms {found} spread over {actors}"
        actor = next(e for e in res.entities if e.id in actors)
        assert actor.type == gold["type"], f"{gold['canonical']}: {actor}"
    # Measured: after surface repair every listed form is found ("Kazakh President Kassym-Zhomart
    # Tokayev" and "Washington Anatoly Antonov" are NER spans cut back to the name).
    assert missed == [], missed


def load_bench() -> Any:
    spec = importlib.util.spec_from_file_location("actors_ecbplus", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["actors_ecbplus"] = module
    spec.loader.exec_module(module)
    return module


# Fourteen ECB+ topics (about a third of the dev articles, two of them sports stories whose teams are
# named by their places: 29 and 31) keep this test near 25 s; the full dev run is bench/actors_ecbplus.py.
FLOOR_TOPICS = ("1", "3", "5", "8", "12", "16", "18", "22", "24", "26", "29", "30", "31", "34")
# B-cubed F1 measured on these topics: 0.833 from NER mentions, 0.842 from the mentions the pipeline
# stores (NER plus the names add_missed_names recovers); both with a place written as its sports team
# joined to the team (team_places; before: 0.823 and 0.831), the story's names found again where NER
# missed them, run-on spans split and organizations' short names joined (on the twelve topics
# without 29 and 31: 0.812 and 0.819; before finding names again: 0.779 and 0.794).
FLOOR_NER = 0.83
FLOOR_MISSED = 0.84


@pytest.mark.gold
@pytest.mark.slow
def test_ecbplus_bcubed_floor(corpora_dir: Path, nlp: Any) -> None:
    bench = load_bench()
    rows = bench.load_articles(corpora_dir / "ecbplus_entities_dev.jsonl", FLOOR_TOPICS)
    gold = bench.gold_mentions(rows)
    chains = {k: m["chain"] for k, m in gold.items()}
    docs = list(nlp.pipe(r["text"] for r in rows))
    _, _, f1 = bench.bcubed(chains, bench.predict(rows, docs, "ner"))
    _, _, f1_missed = bench.bcubed(chains, bench.predict(rows, docs, "pipeline"))
    _, _, lastword = bench.bcubed(chains, {k: bench.BASELINES["same last word within a topic"](m)
                                           for k, m in gold.items()})
    # last-word baseline on gold spans: 0.811 on these topics
    assert f1 >= FLOOR_NER, (f1, lastword)
    assert f1_missed >= FLOOR_MISSED, (f1_missed, lastword)
    assert f1_missed > lastword


def test_first_name_that_is_a_city_is_kept(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Tyler Hansbrough scored 20. His father Gene Hansbrough watched. Hansbrough smiled.",
         [("Tyler Hansbrough", "PERSON"), ("Gene Hansbrough", "PERSON"), ("Hansbrough", "PERSON")]),
        ("A storm hit Tyler, Texas. Tyler Hansbrough was safe.",
         [("Tyler", "GPE"), ("Texas", "GPE"), ("Tyler Hansbrough", "PERSON")]),
    )
    tyler = actor_with(res, "Tyler Hansbrough")
    assert "Gene Hansbrough" not in tyler.aliases
    assert tyler.mentions == 2


def test_a_first_name_before_a_middle_initial_is_not_cut_off(gazetteer: PlaceGazetteer) -> None:
    # "M. Benjamin" is a person name of the story too: "Regina M. Benjamin" keeps its first name
    res = resolve(
        gazetteer,
        ("Obama named Regina M. Benjamin. The nominee, M. Benjamin, runs a clinic.",
         [("Regina M. Benjamin", "PERSON"), ("M. Benjamin", "PERSON")]),
        ("Regina Benjamin is the nominee.", [("Regina Benjamin", "PERSON")]),
    )
    regina = actor_with(res, "Regina M. Benjamin")
    assert "Regina Benjamin" in regina.aliases
    perot = resolve(gazetteer, ("Texan H. Ross Perot spoke. H. Ross Perot left.",
                                [("Texan H. Ross Perot", "PERSON"), ("H. Ross Perot", "PERSON")]))
    assert actor_with(perot, "H. Ross Perot").mentions == 2  # "Texan" is no first name


def test_a_quoted_nickname_inside_a_name_is_one_person(gazetteer: PlaceGazetteer) -> None:
    # NER splits the name into a place, a nationality and a surname (ECB+ dev, topic 26)
    res = resolve(
        gazetteer,
        ("Vincent 'The Chin' Gigante dies in prison. Vincent Gigante was 77.",
         [("Vincent", "GPE"), ("Chin", "NORP"), ("Gigante", "PERSON"), ("Vincent Gigante", "PERSON")]),
        ('Mob boss Vincent "Chin" Gigante died. His brother, Louis Gigante, spoke.',
         [("Vincent", "GPE"), ("Chin", "NORP"), ("Gigante", "PERSON"), ("Louis Gigante", "PERSON")]),
        ("Toys \"R\" Us opened a store.", [("Toys", "ORG"), ("Us", "ORG")]),
        ('An Americanised "Jimmy" Bond was planned.', [("Jimmy", "PERSON"), ("Bond", "PERSON")]),
    )
    vincent = actor_with(res, "Vincent Gigante")
    assert vincent.mentions == 3 and vincent.type == "PERSON"
    assert not any(e.name in {"Vincent", "Chin"} for e in res.entities)
    added = {m.text for ms in res.added.values() for m in ms}
    assert added == {"Vincent 'The Chin' Gigante", 'Vincent "Chin" Gigante'}
    assert "Louis Gigante" not in vincent.aliases
    assert not any("Americanised" in e.name for e in res.entities)  # no given name before the nickname


@pytest.mark.parametrize(
    ("text", "noise", "label"),
    [("Secretary of State Antony Blinken spoke. State media said the state of emergency in the state"
      " goes on.", "State", "ORG"),
     ("Protests spread. The protests were put down; protests went on.", "Protests", "NORP")],
)
def test_capitalized_common_words_are_not_actors(gazetteer: PlaceGazetteer, text: str, noise: str,
                                                 label: str) -> None:
    res = resolve(gazetteer, (text, [(noise, label)]))
    assert not [e for e in res.entities if noise in e.aliases]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [("The Colts beat the Kansas City Chiefs on Sunday.", "Colts", "ORG"),
     ("Critics of the Obama administration spoke on Monday.", "Obama administration", "ORG"),
     ("The flaw in Internet Explorer lets attackers in, said the company.", "Internet Explorer", None)],
)
def test_missed_names_are_recovered(nlp: Any, gazetteer: PlaceGazetteer, text: str, name: str,
                                    label: str | None) -> None:
    doc = nlp(text)
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    found = {m.text: m.label for m in add_missed_names(doc, mentions, gazetteer)}
    assert name in found, found
    if label is not None:
        assert found[name] == label


def test_missed_names_skip_sentence_initial_common_words(nlp: Any, gazetteer: PlaceGazetteer) -> None:
    doc = nlp("Police said the police station was closed.")
    assert not [m for m in add_missed_names(doc, [], gazetteer) if m.text == "Police"]


def test_offices_and_portfolios_are_not_actors(gazetteer: PlaceGazetteer) -> None:
    text = ("US Secretary of State Anthony Blinken met the Minister of Defence. The President spoke later. "
            "The Prime Minister of Kazakhstan agreed.")
    res = resolve(gazetteer, (text, [("State", "ORG"), ("Anthony Blinken", "PERSON"), ("Defence", "ORG"),
                                     ("President", "ORG"), ("Kazakhstan", "GPE")]))
    names = {e.name for e in res.entities}
    assert names == {"Anthony Blinken", "Kazakhstan"}


def test_office_run_into_a_caption_name_is_cut(gazetteer: PlaceGazetteer) -> None:
    caption = "Peace will return soon, we are sure of it. Kassym-Jomart Tokayev President of Kazakhstan"
    body = "Kassym-Jomart Tokayev said on Friday that order was restored."
    res = resolve(gazetteer, (caption, [("Kassym-Jomart Tokayev President", "ORG"), ("Kazakhstan", "GPE")]),
                  (body, [("Kassym-Jomart Tokayev", "PERSON")]))
    tokayev = actor_with(res, "Kassym-Jomart Tokayev")
    assert tokayev.mentions == 2 and tokayev.type == "PERSON"
    assert not any("President" in a for e in res.entities for a in e.aliases)


def test_hyphenated_name_split_by_the_tokenizer_is_one_mention(nlp: Any) -> None:
    from newsweave.annotate.actor_mentions import add_missed_names
    from newsweave.annotate.nlp import mentions_of

    doc = nlp("The police called the events in Alma-Ata looting and mass riots.")
    names = [m.text for m in add_missed_names(doc, list(mentions_of(doc)))]
    assert "Alma-Ata" in names and "Ata" not in names


def test_iso_codes_match_only_in_capitals(gazetteer: PlaceGazetteer) -> None:
    kaz = gazetteer.lookup("KAZ")
    assert kaz is not None and kaz.name == "Kazakhstan"
    assert gazetteer.lookup("Ata") is None  # not ATA, Antarctica


def test_a_lone_first_name_is_the_one_person_of_that_first_name(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Katie Jenkin, 18, died in the fire. Her sister Sarah Jenkin escaped. Katie was asleep.",
         [("Katie Jenkin", "PERSON"), ("Sarah Jenkin", "PERSON"), ("Katie", "PERSON")]),
        ("Neighbours said Katie loved music. The Christian Democrats won; Christian voters stayed home.",
         [("Katie", "PERSON"), ("Christian Democrats", "NORP"), ("Christian", "PERSON")]),
    )
    katie = actor_with(res, "Katie Jenkin")
    assert "Katie" in katie.aliases and katie.mentions == 3
    assert "Christian" not in actor_with(res, "Christian Democrats").aliases
    companies = resolve(
        gazetteer,
        ("Ryan Homes Inc said Ryan would grow.", [("Ryan Homes Inc", "PERSON"), ("Ryan", "PERSON")]),
        ("Motors Acceptance said Motors rose.", [("Motors Acceptance", "PERSON"), ("Motors", "PERSON")]),
    )
    assert "Ryan" not in actor_with(companies, "Ryan Homes").aliases  # a company form
    assert "Motors" not in actor_with(companies, "Motors Acceptance").aliases  # no given name
    often = resolve(gazetteer, (" ".join(["Will spoke."] * 4) + " Will Carling agreed.",
                                [("Will", "PERSON"), ("Will Carling", "PERSON")]))
    assert "Will" not in actor_with(often, "Will Carling").aliases  # far more often alone


def test_the_place_table_is_kept_for_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from newsweave.dossier.names import place_table_path

    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    stale, recent = tmp_path / "places-0000000000000000.json", tmp_path / "places-1111111111111111.json"
    stale.write_text("{}")
    recent.write_text("{}")
    os.utime(stale, (0, 0))  # another version's table, unused for decades
    built = PlaceGazetteer()
    assert built.lookup("Alma-Ata") is not None
    path = place_table_path()
    assert path.parent == tmp_path and path.exists()
    assert sorted(p.name for p in tmp_path.glob("places-*")) == sorted([path.name, recent.name])

    def no_build() -> None:
        raise AssertionError("built again")

    with monkeypatch.context() as m:
        m.setattr(PlaceGazetteer, "_build", staticmethod(no_build))
        assert PlaceGazetteer()._loaded() == built._loaded()  # read back, not built
    for damaged in ('{"places": [["Paris"', '{"count": 0, "places": [], "keys": {}}'):
        path.write_text(damaged, encoding="utf-8")  # cut short, or emptied: built again
        assert PlaceGazetteer()._loaded() == built._loaded()
        assert json.loads(path.read_text(encoding="utf-8"))["count"] == len(built._loaded())
    assert not list(tmp_path.glob("*.tmp"))


def test_a_post_nominal_is_no_company_form(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Ken Griffey Jr. signed. Ken smiled.",
                              [("Ken Griffey Jr.", "PERSON"), ("Ken", "PERSON")]))
    assert "Ken" in actor_with(res, "Ken Griffey").aliases


def test_short_alternate_city_names_are_not_places(gazetteer: PlaceGazetteer) -> None:
    # geonames lists airport codes as cities' alternate names: "SOX" is Sogamoso's, "JAN" Jackson's
    for word in ("Sox", "MPs", "Jan", "Dxb"):
        assert gazetteer.lookup(word) is None, word
    for word in ("Elysee", "Élysée", "Louvre"):  # names of Paris districts ("Paris 08 Élysée"): a palace, a museum
        assert gazetteer.lookup(word) is None, word
    for name, place in (("Ufa", "Ufa"), ("Alma-Ata", "Almaty"), ("Kiev", "Kyiv"), ("Rio", "Rio de Janeiro")):
        found = gazetteer.lookup(name)
        assert found is not None and found.name == place, (name, found)


def test_title_before_a_person_is_not_an_actor_but_its_organization_is(nlp: Any) -> None:
    from newsweave.annotate.actor_mentions import add_missed_names
    from newsweave.annotate.nlp import mentions_of

    doc = nlp("A plane arrived in Alma-Ata. CSTO Secretary General Stanislav Zas said that the troops came.")
    names = [m.text for m in add_missed_names(doc, list(mentions_of(doc)))]
    assert "CSTO" in names and "Stanislav Zas" in names
    assert not any("Secretary" in n for n in names)


def occurrences(text: str, name: str, label: str, nth: Sequence[int]) -> list[Mention]:
    """Mentions of the ``nth`` occurrences (0-based) of ``name`` in ``text``: the ones NER found."""
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    return [Mention(starts[i], starts[i] + len(name), name, label) for i in nth]


def entity_at(res: ActorResolution, aid: str, text: str, written: str, nth: int = 0) -> str | None:
    """The actor of the ``nth`` occurrence of ``written`` in article ``aid``, None when no actor
    mention starts there."""
    start = [m.start() for m in re.finditer(re.escape(written), text)][nth]
    return res.entity_of.get((aid, start, start + len(written)))


def test_names_ner_missed_are_found_again_in_the_story(gazetteer: PlaceGazetteer) -> None:
    first = "Wladimir Klitschko kept his title. Klitschko said he was ready."
    second = "Fans in Bern cheered Wladimir Klitschko as the Klitschko camp celebrated."
    res = resolve_actors([("a0", first, occurrences(first, "Wladimir Klitschko", "PERSON", [0])),
                          ("a1", second, [])], gazetteer)
    person = actor_with(res, "Wladimir Klitschko")
    assert entity_at(res, "a1", second, "Wladimir Klitschko") == person.id
    assert entity_at(res, "a0", first, "Klitschko", 1) == person.id  # the surname alone
    assert person.mentions == 4
    added = {(aid, m.text, m.entity) for aid, ms in res.added.items() for m in ms}
    assert ("a1", "Wladimir Klitschko", person.id) in added
    assert ("a0", "Klitschko", person.id) in added


def test_names_in_capitals_are_found_only_on_lines_in_capitals(gazetteer: PlaceGazetteer) -> None:
    text = "TEIXEIRA SIGNS WITH YANKEES\nMark Teixeira signed on Tuesday. A TEIXEIRA jersey sold out."
    res = resolve_actors([("a0", text, occurrences(text, "Mark Teixeira", "PERSON", [0]))], gazetteer)
    person = actor_with(res, "Mark Teixeira")
    assert entity_at(res, "a0", text, "TEIXEIRA", 0) == person.id  # the headline
    assert entity_at(res, "a0", text, "TEIXEIRA", 1) is None  # capitals in a sentence: not told apart


def test_one_word_names_are_not_found_where_the_word_starts_a_sentence(gazetteer: PlaceGazetteer) -> None:
    text = ("Andrew Luck threw three touchdowns. Luck was on their side, he said; with luck they win. "
            "Coaches praised Luck on Monday.")
    res = resolve_actors([("a0", text, occurrences(text, "Andrew Luck", "PERSON", [0]))], gazetteer)
    person = actor_with(res, "Andrew Luck")
    assert entity_at(res, "a0", text, "Luck", 1) is None  # "Luck was ...": maybe the word
    assert entity_at(res, "a0", text, "Luck", 2) == person.id


def test_headline_run_on_gives_up_the_names_it_swallowed(gazetteer: PlaceGazetteer) -> None:
    text = ("Colts Beat Chiefs To Clinch Title\nThe Colts beat the Kansas City Chiefs 31-24. "
            "The Chiefs lost again, and the Chiefs' coach left.")
    mentions = [*occurrences(text, "Colts Beat Chiefs To Clinch Title", "PERSON", [0]),
                *occurrences(text, "Colts", "ORG", [1]), *occurrences(text, "Kansas City Chiefs", "ORG", [0]),
                *occurrences(text, "Chiefs", "ORG", [2, 3])]
    res = resolve_actors([("a0", text, mentions)], gazetteer)
    colts, chiefs = actor_with(res, "Colts"), actor_with(res, "Kansas City Chiefs")
    assert colts.id != chiefs.id
    assert entity_at(res, "a0", text, "Colts", 0) == colts.id  # the headline span cut to "Colts"
    assert entity_at(res, "a0", text, "Chiefs", 0) == chiefs.id  # and "Chiefs" found in it


@pytest.mark.parametrize(("a", "b"), [("Kathryn Jenkin", "Katie Jenkin"), ("William Clinton", "Bill Clinton")])
def test_nicknames_are_the_same_first_name(gazetteer: PlaceGazetteer, a: str, b: str) -> None:
    res = resolve(gazetteer, (f"{a} spoke.", [(a, "PERSON")]), (f"{b} left.", [(b, "PERSON")]))
    assert len(res.entities) == 1


def test_linked_annotations_take_the_added_mentions(gazetteer: PlaceGazetteer) -> None:
    from newsweave.dossier.build import link_annotations
    from newsweave.model import STORY, Annotations

    text = "Colts Beat Chiefs\nThe Colts beat the Chiefs. The Colts and the Chiefs met again. Colts fans cheered."
    mentions = (*occurrences(text, "Colts Beat Chiefs", "PERSON", [0]), *occurrences(text, "Colts", "ORG", [1, 2]),
                *occurrences(text, "Chiefs", "ORG", [1, 2]))
    res = resolve_actors([("a0", text, mentions)], gazetteer)
    linked = link_annotations("a0", Annotations("a0", mentions=mentions), res)
    written = [(m.text, m.entity is not None, m.origin) for m in linked.mentions]
    assert written == [("Colts", True, STORY), ("Colts Beat Chiefs", False, "ner"), ("Chiefs", True, STORY),
                       ("Colts", True, "ner"), ("Chiefs", True, "ner"), ("Colts", True, "ner"),
                       ("Chiefs", True, "ner"), ("Colts", True, STORY)]
    # the NER span that was cut keeps no actor; the story's mentions are never evidence
    relinked = link_annotations("a0", linked, resolve_actors([("a0", text, linked.mentions)], gazetteer))
    assert relinked.mentions == linked.mentions  # a fixpoint: rebuilding a story changes nothing


def test_a_repaired_label_is_no_evidence_for_the_next_build(gazetteer: PlaceGazetteer) -> None:
    # the build makes the ORG NER found a PERSON; the stored mention keeps NER's label as the next
    # build's evidence (read back as evidence, a repaired label could change what that build joins)
    from newsweave.dossier.build import link_annotations
    from newsweave.model import Annotations

    text = "President Kassym-Jomart Tokayev spoke. Tokayev left. Tokayev said so."
    mentions = [*occurrences(text, "Kassym-Jomart Tokayev", "ORG", [0]),
                *occurrences(text, "Tokayev", "PERSON", [1, 2])]
    linked = link_annotations("a0", Annotations("a0", mentions=mentions),
                              resolve_actors([("a0", text, mentions)], gazetteer))
    repaired = next(m for m in linked.mentions if m.text == "Kassym-Jomart Tokayev")
    assert (repaired.label, repaired.ner_label, repaired.found_label) == ("PERSON", "ORG", "ORG")
    assert Mention.from_dict(repaired.to_dict()) == repaired
    relinked = link_annotations("a0", linked, resolve_actors([("a0", text, linked.mentions)], gazetteer))
    assert relinked.mentions == linked.mentions


def test_cuts_only_in_the_title_line(gazetteer: PlaceGazetteer) -> None:
    body = "The deal was announced on Monday.\nGeneral Electric Co Said Prince Edward Island Would Buy Power\nIt did."
    mentions = [*occurrences(body, "General Electric Co Said Prince Edward Island Would Buy Power", "ORG", [0])]
    res = resolve_actors([("a0", body, mentions)], gazetteer)
    assert not res.added  # a line of names inside the body is not the article's title


def test_names_inside_longer_names_are_not_found_again(gazetteer: PlaceGazetteer) -> None:
    text = ("New York Corp said on Monday that New York Corp would sell the unit. Republic New York Corp "
            "declined to comment, and New York Corp shares rose.")
    res = resolve_actors([("a0", text, occurrences(text, "New York Corp", "ORG", [0, 1]))], gazetteer)
    corp = actor_with(res, "New York Corp")
    assert entity_at(res, "a0", text, "New York Corp", 2) is None  # inside "Republic New York Corp"
    assert entity_at(res, "a0", text, "New York Corp", 3) == corp.id


def test_one_ner_error_does_not_become_many(gazetteer: PlaceGazetteer) -> None:
    text = ("The AA rating was confirmed. Moody's gave it AA in Jan and AA again. Federal funds rose, "
            "the Federal Reserve said, and federal officials agreed. Federal funds fell.")
    mentions = [*occurrences(text, "AA", "ORG", [0, 1]), *occurrences(text, "Jan", "GPE", [0]),
                *occurrences(text, "Federal", "GPE", [0, 1])]
    res = resolve_actors([("a0", text, mentions)], gazetteer)
    assert not res.added  # a two-letter code, a month, a word the story writes in lower case


def test_table_labels_and_nationalities_are_not_found_again(gazetteer: PlaceGazetteer) -> None:
    text = ("Shr loss nine cts vs profit 11 cts\nShr loss three cts\nFrench officials said the Paris bank "
            "issued a bond in French francs in Paris. Paris said so.")
    mentions = [*occurrences(text, "Shr", "ORG", [0]), *occurrences(text, "French", "NORP", [0]),
                *occurrences(text, "Paris", "GPE", [0, 1])]
    res = resolve_actors([("a0", text, mentions)], gazetteer)
    assert entity_at(res, "a0", text, "Shr", 1) is None  # NER saw it only where a line starts
    assert entity_at(res, "a0", text, "French", 1) is None  # an adjective as often as an actor
    assert entity_at(res, "a0", text, "Paris", 2) is not None


@pytest.mark.parametrize(("text", "noise", "label"), [
    ("Kazakh Foreign Minister Mukhtar Tleuberdi spoke. The Kazakh Foreign Minister left.", "Kazakh Foreign Minister",
     "ORG"),
    ("The Prime Minister spoke on Monday.", "Prime Minister", "PERSON"),
    ("The plane landed at 20:28 GMT on Friday.", "GMT", "ORG"),
    ("The head of the State Duma Committee on CIS Affairs spoke.", "CIS Affairs", "ORG"),
    ("US Played Key Role in Unrest, Expert Says\nThe expert said the key question was the role of the US.",
     "Key Role", "ORG"),
])
def test_offices_time_zones_portfolios_and_headline_phrases_are_not_actors(
        gazetteer: PlaceGazetteer, text: str, noise: str, label: str) -> None:
    res = resolve(gazetteer, (text, [(noise, label)]))
    assert not [e for e in res.entities if noise in e.aliases]


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Singer Co said on Monday that Singer would sell its unit.", "Singer", "ORG"),
    ("Prime Minister John Major spoke. Major said the vote would go ahead.", "Major", "PERSON"),
    ("Security Council Meets on Crisis\nThe council met on Monday.", "Security Council", "ORG"),
])
def test_names_made_of_title_words_stay_actors(gazetteer: PlaceGazetteer, text: str, name: str, label: str) -> None:
    res = resolve(gazetteer, (text, [(name, label)]))
    assert [e for e in res.entities if name in e.aliases]


def test_a_numbered_team_nickname_is_part_of_the_name(nlp: Any, gazetteer: PlaceGazetteer) -> None:
    doc = nlp("Maurice Cheeks was fired as coach of the Philadelphia 76ers on Saturday.")
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    found = {m.text: m.label for m in add_missed_names(doc, mentions, gazetteer)}
    assert found.get("Philadelphia 76ers") == "ORG", found  # NER: "Philadelphia" GPE, "76ers" a number
    assert "Philadelphia" not in found


def test_a_team_after_a_title_of_is_no_person(gazetteer: PlaceGazetteer) -> None:
    text = "Cheeks was the head coach of the Philadelphia Sixers. The Philadelphia Sixers lost."
    res = resolve(gazetteer, (text, [("Philadelphia Sixers", "ORG"), ("Cheeks", "PERSON")]))
    assert actor_with(res, "Philadelphia Sixers").type == "ORG"  # "coach of the" titles no one here


@pytest.mark.parametrize(
    ("written", "names"),
    [("Lopez and Carrasquillo", ["Andrew Lopez", "Jonathan Carrasquillo"]),
     ("EU & IMF", ["EU", "IMF"])],
)
def test_two_names_ner_ran_together_are_split(gazetteer: PlaceGazetteer, written: str, names: list[str]) -> None:
    text = f"{names[0]} spoke first. Then {names[1]} spoke. Later {written} met again."
    res = resolve(gazetteer, (text, [(written, "ORG"), *((n, "PERSON" if " " in n else "ORG") for n in names)]))
    first, second = actor_with(res, names[0]), actor_with(res, names[1])
    assert first.id != second.id
    assert not [e for e in res.entities if written in e.aliases]
    left, _, right = re.split(r" (and|&) ", written)
    assert entity_at(res, "a0", text, left, 0 if " " not in names[0] else 1) == first.id
    assert entity_at(res, "a0", text, right, 0 if " " not in names[1] else 1) == second.id


@pytest.mark.parametrize(
    "written",
    ["Goldman, Sachs and Co", "Standard and Poor", "American Savings and Loan Association", "Johnson and Johnson"],
)
def test_one_name_with_and_is_not_split(gazetteer: PlaceGazetteer, written: str) -> None:
    text = (f"{written} said on Monday. Goldman and Sachs, Standard and Poor's Corp, American Savings, "
            "Loan Association and Magic Johnson were named too.")
    names = [("Goldman", "ORG"), ("Sachs", "ORG"), ("Co", "ORG"), ("Standard", "ORG"),
             ("Standard and Poor's Corp", "ORG"), ("Poor", "ORG"), ("American Savings", "ORG"),
             ("Loan Association", "ORG"), ("Magic Johnson", "PERSON")]
    res = resolve(gazetteer, (text, [(written, "ORG"), *names]))
    assert entity_at(res, "a0", text, written, 0) is not None


def test_known_names_inside_a_headline_run_on_are_kept(gazetteer: PlaceGazetteer) -> None:
    text = ("April 27, 2009\nObama Administration Flips Bush Endangered Species Ruling\n"
            "President Barack Obama reversed a rule George W. Bush made under the Endangered Species Act. "
            "Bush had signed it in December.")
    mentions = [*occurrences(text, "Obama Administration", "ORG", [0]),
                *occurrences(text, "Flips Bush Endangered Species Ruling", "PERSON", [0]),
                *occurrences(text, "Barack Obama", "PERSON", [0]), *occurrences(text, "George W. Bush", "PERSON", [0]),
                *occurrences(text, "Endangered Species Act", "ORG", [0])]
    res = resolve_actors([("a0", text, mentions)], gazetteer)
    bush = actor_with(res, "George W. Bush")
    assert entity_at(res, "a0", text, "Bush", 0) == bush.id  # cut out of the headline span
    assert not [e for e in res.entities if "Ruling" in e.name]


def test_a_lone_word_is_short_for_the_one_organization_it_starts(gazetteer: PlaceGazetteer) -> None:
    text = ("Lindsay Lohan entered Promises Treatment Center in Malibu on Monday. A spokesman for Promises "
            "declined to comment. Drexel Burnham Lambert Inc managed the offering; Drexel said demand was strong.")
    res = resolve(gazetteer, (text, [("Promises Treatment Center", "ORG"), ("Promises", "ORG"), ("Malibu", "GPE"),
                                     ("Lindsay Lohan", "PERSON"), ("Drexel Burnham Lambert Inc", "ORG"),
                                     ("Drexel", "ORG")]))
    assert actor_with(res, "Promises").id == actor_with(res, "Promises Treatment Center").id
    assert actor_with(res, "Drexel").id == actor_with(res, "Drexel Burnham Lambert Inc").id


@pytest.mark.parametrize(
    ("lone", "full", "names"),
    [("Reuters", "Reuters Taiwan", [("Reuters", 7), ("Reuters Taiwan", 2)]),  # far more often alone
     ("Xerox Corp", "Xerox Credit Corp", [("Xerox Corp", 1), ("Xerox Credit Corp", 1)]),  # a parent company
     ("Soviet", "Soviet Union", [("Soviet", 1), ("Soviet Union", 1)]),  # a nationality
     ("Senate", "Senate Judiciary Committee", [("Senate", 1), ("Senate Judiciary Committee", 1)]),
     ("House", "House Banking Committee", [("House", 1), ("House Banking Committee", 1)]),  # a part of it
     ("Gulf", "Gulf Arab", [("Gulf", 1), ("Gulf Arab", 1)]),  # a nationality
     ("BBC", "BBC Sport", [("BBC", 1), ("BBC Sport", 1)]),  # no organization's full name: a unit
     ("Windows", "Windows XP", [("Windows", 1), ("Windows XP", 1)]),  # a product
     ("Apple", "Apple Bank", [("Apple", 1), ("Apple Bank", 1), ("Apple Computer Inc", 1)])],  # two fit
)
def test_a_lone_word_that_is_no_short_name_stays_apart(gazetteer: PlaceGazetteer, lone: str, full: str,
                                                        names: list[tuple[str, int]]) -> None:
    text = " ".join(f"{name} reported results on day {i}." for name, n in names for i in range(n))
    labels = {"Soviet": "NORP", "Gulf Arab": "NORP"}
    res = resolve(gazetteer, (text, [(name, labels.get(name, "ORG")) for name, _ in names]))
    assert actor_with(res, lone).id != actor_with(res, full).id


@pytest.mark.parametrize(
    ("text", "end"),
    [("8/2/13 at 1:30 PM\nWhy the Academy Picked Ellen DeGeneres\nShe will host. More text.", 56),
     ("Obama Wins\nHe won. He spoke.", 10),
     ('He said "we won."\nMore.', 0),
     ("One\nTwo\nThree\nFour\nFive.", 13)],
)
def test_the_head_is_the_lines_before_the_first_sentence(text: str, end: int) -> None:
    from newsweave.dossier.name_spread import head_end

    assert head_end(text) == end


def test_names_are_found_again_in_a_subtitle_after_a_capitalized_word(gazetteer: PlaceGazetteer) -> None:
    text = ("8/2/13 at 1:30 PM\n5 Thoughts on Why the Academy Picked Ellen DeGeneres As Oscar Host\n"
            "We've got an Oscar host! Ellen DeGeneres will host the show. Apple Picked Ellen DeGeneres too.")
    res = resolve_actors([("a0", text, occurrences(text, "Ellen DeGeneres", "PERSON", [1]))], gazetteer)
    person = actor_with(res, "Ellen DeGeneres")
    assert entity_at(res, "a0", text, "Ellen DeGeneres", 0) == person.id  # in the head: every word is capitalized
    assert entity_at(res, "a0", text, "Ellen DeGeneres", 2) is None  # in a sentence: part of a longer name


def test_an_abbreviated_mount_is_the_mountain(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Climbers died on Mt Cook. Mount Cook is the highest peak.",
                              [("Mt Cook", "LOC"), ("Mount Cook", "LOC")]))
    assert len(res.entities) == 1


@pytest.mark.parametrize(("name", "words"), [("Mt Cook", ["mount", "cook"]), ("Ft. Worth", ["fort", "worth"]),
                                             ("FT", ["ft"]), ("Mt", ["mt"])])
def test_a_place_abbreviation_is_folded_before_another_word_only(name: str, words: list[str]) -> None:
    # "the FT said" is the Financial Times, no fort
    assert words_of(name) == words


def test_initials_may_count_a_leading_the(gazetteer: PlaceGazetteer) -> None:
    text = "The director told The Hollywood Reporter he would stay. THR said talks went on."
    res = resolve(gazetteer, (text, [("Hollywood Reporter", "ORG"), ("THR", "ORG")]))
    assert actor_with(res, "THR").id == actor_with(res, "Hollywood Reporter").id
    text = "The director told the Hollywood Reporter he would stay. THR said talks went on."
    res = resolve(gazetteer, (text, [("Hollywood Reporter", "ORG"), ("THR", "ORG")]))
    assert actor_with(res, "THR").id != actor_with(res, "Hollywood Reporter").id


def test_a_name_before_a_post_nominal_is_found_again(gazetteer: PlaceGazetteer) -> None:
    text = ("W. Mark Felt was the source known as Deep Throat. W. Mark Felt Sr., the associate director of "
            "the bureau, died on Thursday. The W. Mark Felt Foundation gave money to the family.")
    res = resolve_actors([("a0", text, occurrences(text, "W. Mark Felt", "PERSON", [0]))], gazetteer)
    person = actor_with(res, "W. Mark Felt")
    assert entity_at(res, "a0", text, "W. Mark Felt", 1) == person.id  # "Sr." makes no longer name
    assert entity_at(res, "a0", text, "W. Mark Felt", 2) is None  # "Foundation" does


def test_an_organization_with_and_without_its_generic_head(gazetteer: PlaceGazetteer) -> None:
    text = ("The Staunton Police Department said the suspect fled. Staunton Police found her later. "
            "The Federal Reserve Bank of New York and the Federal Reserve Bank disagreed with the Federal Reserve.")
    res = resolve(gazetteer, (text, [("Staunton Police Department", "ORG"), ("Staunton Police", "ORG"),
                                     ("Federal Reserve Bank of New York", "ORG"), ("Federal Reserve Bank", "ORG"),
                                     ("Federal Reserve", "ORG")]))
    assert actor_with(res, "Staunton Police").id == actor_with(res, "Staunton Police Department").id
    assert actor_with(res, "Federal Reserve").id != actor_with(res, "Federal Reserve Bank").id  # one of twelve
    red_cross = "The Kenya Red Cross Society said 51 had died. The Kenya Red Cross sent trucks."
    res = resolve(gazetteer, (red_cross, [("Kenya Red Cross Society", "ORG"), ("Kenya Red Cross", "ORG")]))
    assert len(res.entities) == 1


def test_a_building_named_after_a_company_stays_apart(gazetteer: PlaceGazetteer) -> None:
    text = "Time Warner said profits rose. Protesters gathered outside the Time Warner Center on Monday."
    res = resolve(gazetteer, (text, [("Time Warner", "ORG"), ("Time Warner Center", "ORG")]))
    assert actor_with(res, "Time Warner").id != actor_with(res, "Time Warner Center").id  # no generic head


def test_two_mentions_cut_out_of_one_known_name_are_joined(gazetteer: PlaceGazetteer) -> None:
    text = ("Telecom Egypt said the cable was cut. A Telecom Egypt line near Alexandria failed. "
            "France Telecom sent a boat to Egypt.")
    mentions = [*occurrences(text, "Telecom Egypt", "ORG", [0]), *occurrences(text, "Telecom", "GPE", [1]),
                *occurrences(text, "Egypt", "GPE", [1, 2]), *occurrences(text, "France Telecom", "ORG", [0]),
                *occurrences(text, "Alexandria", "GPE", [0])]
    res = resolve_actors([("a0", text, mentions)], gazetteer)
    company = actor_with(res, "Telecom Egypt")
    assert entity_at(res, "a0", text, "Telecom Egypt", 1) == company.id
    assert entity_at(res, "a0", text, "Telecom", 1) is None  # the NER span keeps no actor
    assert entity_at(res, "a0", text, "Egypt", 2) == actor_with(res, "Egypt").id  # "to Egypt": no name before it
    assert actor_with(res, "France Telecom").id != company.id


def test_a_word_after_two_countries_is_part_of_each_name(gazetteer: PlaceGazetteer) -> None:
    text = "France Telecom and Portugal Telecom lost traffic. Telecom said repairs would take weeks."
    res = resolve(gazetteer, (text, [("France Telecom", "ORG"), ("Portugal Telecom", "ORG"), ("Telecom", "ORG")]))
    assert actor_with(res, "France Telecom").id != actor_with(res, "Portugal Telecom").id


def test_a_place_in_parentheses_is_no_initialism(gazetteer: PlaceGazetteer) -> None:
    text = ("Sigma Mines (Quebec) Ltd said reserves rose. Mines in Quebec are old. The Collective Security Treaty "
            "Organization (CSTO) met.")
    res = resolve(gazetteer, (text, [("Sigma Mines", "ORG"), ("Quebec", "GPE"), ("CSTO", "ORG"),
                                     ("Collective Security Treaty Organization", "ORG")]))
    assert actor_with(res, "Sigma Mines").id != actor_with(res, "Quebec").id
    assert actor_with(res, "CSTO").id == actor_with(res, "Collective Security Treaty Organization").id


@pytest.mark.parametrize(("text", "kept", "gone"), [
    # a flight number's "Flight" is no part of the airline's name
    ("Survivors of the crash of Caspian Air Flight 8243 said they heard bangs.", "Caspian Air", "Caspian Air Flight"),
    # a minister's portfolio is no organization
    ("Civil Protection Minister Vassilis Kikilias said the government would ask for help.", "Vassilis Kikilias",
     "Civil Protection"),
    ("Transport Secretary Alistair Darling said the line would reopen.", "Alistair Darling", "Transport"),
    # an office of two words is cut whole from the institution it serves
    ("International Monetary Fund Managing Director Michel Camdessus met him.", "International Monetary Fund",
     "Managing"),
])
def test_flights_and_portfolios_are_cut_from_names(nlp: Any, gazetteer: PlaceGazetteer, text: str, kept: str,
                                                   gone: str) -> None:
    doc = nlp(text)
    names = {m.text for m in add_missed_names(doc, list(ner_mentions(doc)), gazetteer)}
    assert kept in names and not [n for n in names if gone in n and n != kept]


def test_a_place_noun_is_cut_from_a_name_ner_ran_into_it(nlp: Any) -> None:
    doc = nlp("The jet crashed near the Kazakh city of Aktau on Wednesday.")
    assert "Kazakh city" not in {m.text for m in ner_mentions(doc)}


def test_a_firms_and_co_is_its_name_and_an_opening_participle_no_place(nlp: Any) -> None:
    doc = nlp("Merrill Lynch and Co is issuing a 100 mln Ecu eurobond due March 30, 1990.")
    assert "Merrill Lynch and Co" in {m.text for m in ner_mentions(doc)}
    doc = nlp("Quoting negotiation documents to be presented to the country's 12 banks, he said the plan failed.")
    assert [e.text for e in doc.ents if e.text == "Quoting"]  # NER's GPE
    assert "Quoting" not in {m.text for m in ner_mentions(doc)}


def test_a_currency_named_by_its_country_is_no_actor(gazetteer: PlaceGazetteer) -> None:
    text = "New Zealand's reserves fell to 7.15 billion N.Z. Dlrs in January, the Reserve Bank said."
    res = resolve(gazetteer, (text, [("New Zealand", "GPE"), ("N.Z. Dlrs", "PERSON"), ("Reserve Bank", "ORG")]))
    assert {a for e in res.entities for a in e.aliases} == {"New Zealand", "Reserve Bank"}


def _found_again_at(text: str, ner: Sequence[tuple[str, int]], name: str, at: int) -> bool:
    """Whether the ``name`` written at ``at`` (NER missed it) is an actor mention once ``ner``
    ((name, occurrence index) pairs, all ORG) are resolved."""
    starts = {n: [m.start() for m in re.finditer(re.escape(n), text)] for n, _ in ner}
    mentions = [Mention(starts[n][i], starts[n][i] + len(n), n, "ORG") for n, i in ner]
    res = resolve_actors([("a0", text, mentions)], PlaceGazetteer())
    return ("a0", at, at + len(name)) in res.entity_of


def test_a_name_after_a_sentence_opening_a_is_found_again() -> None:
    text = "Staff said Dunmore would rebuild. Staff praised Dunmore.\nA Dunmore shop burned down on Sunday."
    assert _found_again_at(text, [("Dunmore", 0), ("Dunmore", 1)], "Dunmore", text.index("A Dunmore") + 2)


def test_a_capital_a_inside_a_sentence_still_makes_a_longer_name() -> None:
    text = "Staff said Dunmore would rebuild. Staff praised Dunmore. Its Class A Dunmore shares fell."
    assert not _found_again_at(text, [("Dunmore", 0), ("Dunmore", 1)], "Dunmore", text.index("A Dunmore") + 2)


def test_a_first_name_ner_calls_a_place_is_its_person(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Zorbeth Quinlan, 10, was hit by a stray bullet. Quinlan died in hospital.",
         [("Zorbeth Quinlan", "PERSON"), ("Quinlan", "PERSON")]),
        ("Neighbours remembered Zorbeth as a cheerful girl.", [("Zorbeth", "GPE")]),
    )
    assert actor_with(res, "Zorbeth") == actor_with(res, "Zorbeth Quinlan")
    assert actor_with(res, "Zorbeth").type == "PERSON"


def test_a_first_name_that_is_a_known_place_stays_the_place(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Sydney Quinlan, 10, was hit by a stray bullet. Quinlan died in hospital.",
         [("Sydney Quinlan", "PERSON"), ("Quinlan", "PERSON")]),
        ("Flights from Sydney were delayed.", [("Sydney", "GPE")]),
    )
    assert actor_with(res, "Sydney") != actor_with(res, "Sydney Quinlan")


@pytest.mark.parametrize(("site", "name"), [("Glimmer.com", "Glimmer"), ("Glimmer. com", "Glimmer"),
                                            ("Glimmer.net", "Glimmer"), ("Glimmer.com Inc.", "Glimmer")])
def test_a_web_address_is_its_publisher(site: str, name: str) -> None:
    assert words_of(site) == words_of(name)


def test_a_dot_inside_a_word_is_no_web_address() -> None:
    assert words_of("Dotcom") == ["dotcom"]
    assert words_of("U.S. Comstock") == ["us", "comstock"]


def test_a_medium_named_with_a_lower_case_description_is_the_medium(gazetteer: PlaceGazetteer) -> None:
    res = resolve(
        gazetteer,
        ("Glimmer magazine first reported the split.", [("Glimmer magazine", "ORG")]),
        ("GLIMMER said the couple had parted. Glimmer asked for comment. Glimmer ran a photo.",
         [("GLIMMER", "PERSON"), ("Glimmer", "ORG")]),
        ("The Tolvan news agency confirmed it, Tolvan said.", [("Tolvan news agency", "ORG"), ("Tolvan", "ORG")]),
    )
    assert actor_with(res, "Glimmer magazine") == actor_with(res, "Glimmer")
    assert actor_with(res, "Tolvan news agency") == actor_with(res, "Tolvan")


def test_a_dateline_place_and_a_place_after_near_outvote_ner_person_labels(gazetteer: PlaceGazetteer) -> None:
    # a made-up shipwreck story: an island no gazetteer lists, which NER mostly calls a person
    text = ("QUORVELLA, Italy, July 16 (Wire) - A boat sank near Quorvella on Wednesday. Quorvella has "
            "a small port. Rescuers took survivors to Quorvella.")
    starts = [m.start() for m in re.finditer("(?i)quorvella", text)]
    labels = ["ORG", "PERSON", "PERSON", "PERSON"]
    mentions = [Mention(s, s + 9, text[s:s + 9], label) for s, label in zip(starts, labels, strict=True)]
    assert actor_with(resolve_actors([("a0", text, mentions)], gazetteer), "Quorvella").type == "GPE"


def test_a_person_near_whose_home_something_happened_stays_a_person(gazetteer: PlaceGazetteer) -> None:
    text = "A bomb went off near Orlen Tusk's home. Tusk said he was unhurt. Orlen Tusk thanked police."
    res = resolve(gazetteer, (text, [("Orlen Tusk", "PERSON"), ("Tusk", "PERSON")]))
    assert actor_with(res, "Orlen Tusk").type == "PERSON"


def test_a_region_after_a_place_is_a_place(gazetteer: PlaceGazetteer) -> None:
    # a made-up county no gazetteer lists, which NER calls an organization
    text = "The temperature reached 40.3C in Coningsby, Marlowshire, the Met Office said."
    res = resolve(gazetteer, (text, [("Marlowshire", "ORG")]))
    assert actor_with(res, "Marlowshire").type == "GPE"


def test_a_person_named_after_a_roles_place_stays_a_person(gazetteer: PlaceGazetteer) -> None:
    text = "A Republican senator from Kansas, Sam Brownbeck, is set to call for a fine."
    res = resolve(gazetteer, (text, [("Sam Brownbeck", "PERSON")]))
    assert actor_with(res, "Sam Brownbeck").type == "PERSON"


def test_a_small_territorys_code_is_an_agencys_initials(gazetteer: PlaceGazetteer) -> None:
    assert gazetteer.lookup("ATF") is None  # not the French Southern Territories
    assert gazetteer.lookup("ALA") is None  # not the Aland Islands
    assert gazetteer.lookup("KAZ") is not None and gazetteer.lookup("KAZ").name == "Kazakhstan"
    res = resolve(gazetteer, ("The ATF said on Monday that the weapon had been bought legally.", [("ATF", "ORG")]))
    assert actor_with(res, "ATF").type == "ORG"


def test_a_states_abbreviation_after_a_town_is_the_state(gazetteer: PlaceGazetteer) -> None:
    text = "ASHGROVE, Mo., Sept 13 (Wire) - A gunman opened fire. Mo Farah was not there."
    res = resolve(gazetteer, (text, [("Mo", "GPE"), ("Mo Farah", "PERSON")]))
    assert actor_with(res, "Mo.").name == "Missouri"
    assert actor_with(res, "Mo Farah").type == "PERSON"


def test_a_state_written_as_a_place_outvotes_ner_person_labels(gazetteer: PlaceGazetteer) -> None:
    # a made-up state no gazetteer lists, which NER mostly calls a person
    text = ("Authorities in Quorva Bay ordered people to leave. Quorva Bay Governor Ana Lima urged calm. "
            "Shelters opened across Quorva Bay. Quorva Bay was hit hard.")
    starts = [m.start() for m in re.finditer("Quorva Bay", text)]
    mentions = [Mention(s, s + 10, "Quorva Bay", "PERSON") for s in starts]
    assert actor_with(resolve_actors([("a0", text, mentions)], gazetteer), "Quorva Bay").type == "GPE"


def test_a_banks_governor_makes_no_place(gazetteer: PlaceGazetteer) -> None:
    text = "Bundesbank Governor Karl Otto said rates would rise. The Bundesbank declined to comment."
    res = resolve(gazetteer, (text, [("Bundesbank", "ORG")]))
    assert actor_with(res, "Bundesbank").type == "ORG"


def test_a_place_name_ner_cut_at_its_particle_is_the_whole_place(gazetteer: PlaceGazetteer) -> None:
    text = ("PLAYA DEL CARMEN, Mexico, Oct 21 (Wire) - Winds hit the coast. Hotels between Tulum and "
            "Playa del Carmen were shut.")
    res = resolve(gazetteer, (text, [("PLAYA", "GPE"), ("Tulum", "GPE"), ("Playa", "GPE"), ("Carmen", "GPE")]))
    names = {e.name for e in res.entities}
    assert "Playa del Carmen" in names and not names & {"Oranjestad", "Ciudad del Carmen"}
    assert {"PLAYA DEL CARMEN", "Playa del Carmen"} <= set(actor_with(res, "Playa del Carmen").aliases)


def test_an_office_before_a_name_and_a_regions_name_before_a_board(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("District Magistrate Ananya Bharadwaj visited the site in western Gujarat. The Gujarat Pollution "
                   "Control Board sealed the plant. Gujarat ordered an inquiry.",
                   [("District Magistrate Ananya Bharadwaj", "PERSON"),
                    ("Gujarat Pollution Control Board", "ORG"), ("Gujarat", "GPE")]),
                  ("Ananya Bharadwaj said the air was safe. Gujarat has 30 such plants.",
                   [("Ananya Bharadwaj", "PERSON"), ("Gujarat", "GPE")]))
    magistrate = actor_with(res, "Ananya Bharadwaj")
    assert magistrate.name == "Ananya Bharadwaj" and magistrate.type == "PERSON"
    assert "Gujarat" not in actor_with(res, "Gujarat Pollution Control Board").aliases
    assert actor_with(res, "Gujarat").type == "GPE"


def test_a_name_the_text_calls_a_known_form_is_the_namesakes(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Katarzyna Wrzesniewska was banned for four years.", [("Katarzyna Wrzesniewska", "PERSON")]),
                  ("Kasia Wrzesniewska, as she is known to fans, will appeal.", [("Kasia Wrzesniewska", "PERSON")]))
    assert len(res.entities) == 1
    apart = resolve(gazetteer,
                    ("Katarzyna Wrzesniewska was banned.", [("Katarzyna Wrzesniewska", "PERSON")]),
                    ("Kasia Wrzesniewska will appeal.", [("Kasia Wrzesniewska", "PERSON")]))
    assert len(apart.entities) == 2  # without the text's word, two people may share a surname
    company = resolve(gazetteer, ("Integrated Genetics Inc said the trials were approved. Integrated said they "
                                  "would begin at once.", [("Integrated Genetics Inc", "ORG"), ("Integrated", "GPE")]))
    assert len(company.entities) == 1  # NER's place, never written as one, is the company's short name


def test_a_word_the_story_writes_in_lower_case_is_no_alternate_place_name(gazetteer: PlaceGazetteer) -> None:
    text = "Dam bursts in central Kenya\n\nThe dam burst on Sunday after heavy rain, police in Kenya said."
    res = resolve(gazetteer, (text, [("Dam", "GPE"), ("Kenya", "GPE")]))
    assert "Dome" not in {e.name for e in res.entities}  # geonames: "Dam" is an alternate name of Dome
    assert "Kenya" in {e.name for e in res.entities}


def test_a_companys_short_name_written_more_often_than_its_legal_name(gazetteer: PlaceGazetteer) -> None:
    text = ("Brückner Haus & Garten AG filed for insolvency on Monday. Brückner said sales fell. Brückner will close "
            "47 stores. Brückner shares fell 68%. Brückner blamed the weather.")
    res = resolve(gazetteer, (text, [("Brückner Haus & Garten AG", "ORG"), ("Brückner", "PERSON")]))
    assert len(res.entities) == 1 and res.entities[0].type == "ORG"
    given = ("Martin Holdings AG cut jobs. Martin said sales fell. Martin left. Martin stayed. Martin wrote.")
    res = resolve(gazetteer, (given, [("Martin Holdings AG", "ORG"), ("Martin", "PERSON")]))
    assert len(res.entities) == 2  # a given name alone may be a person's


def test_of_two_spellings_written_once_the_name_takes_the_surname_written_most(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("Daniel Otieno Owour warned in 2024.", [("Daniel Otieno Owour", "PERSON")]),
                  ("Daniel Otieno Owuor said the dam was weak. Owuor said so again. Owuor left.",
                   [("Daniel Otieno Owuor", "PERSON"), ("Owuor", "PERSON")]))
    assert [e.name for e in res.entities] == ["Daniel Otieno Owuor"]
