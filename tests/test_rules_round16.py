"""Rules of the sixteenth round, each found by a made-up story (a stadium crush, a minister's arrest for
bribery, a train derailment, a ransomware attack, job cuts at a Japanese company): speakers through a relative
"which", a surname written alone and a nearer name inside a noun's modifier; a statement's clause the parse
hangs on "statement"; a partitive's people and state, a place's population, a year's dead "since"; currency
signs; days that lie ahead, count from the crash, or date an earlier level; a quote printed alike is no copy;
names without their hyphen or spaces, in family-name order, with two surnames; titles, apposed places and
alternate names."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures
from newsweave.annotate.timexes import extract_timexes
from newsweave.dossier.figures import group_figures
from newsweave.dossier.names import PlaceGazetteer
from newsweave.dossier.timeline import build_timeline
from newsweave.link.reuse import find_reuse
from newsweave.model import Annotations, Article
from test_actors import actor_with, resolve
from test_quotes import only, quotes_of
from test_timeline import _item


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


def _speaker(nlp: Language, text: str, content: str) -> str | None:
    q = only(quotes_of(nlp, text), content)
    return q.speaker_ref.text if q.speaker_ref is not None else None


def test_which_of_a_name_is_its_speaker_not_which_of_a_thing(nlp: Language) -> None:
    text = ("The arrest was requested by the National Anti-Corruption Office (FNA), which accuses Quispe of "
            "receiving 4.3 million soles from a construction company.")
    assert (_speaker(nlp, text, "Quispe of receiving") or "").endswith("National Anti-Corruption Office")
    text = ("Hollywood star Tom Hanks was in London for the premiere. \"This is Leicester Square like you've never "
            "seen it before,\" said Hanks. The film is based on a children's book which tells the story of a boy. "
            "The actor crossed a bridge built in the square, which he said was \"almost impossible to get across\".")
    assert _speaker(nlp, text, "almost impossible") == "Hanks"  # the book is no unnamed person before "he"


def test_a_surname_alone_as_subject_is_the_next_he(nlp: Language) -> None:
    text = ("José Antonio Quispe was arrested on Tuesday. His lawyer, César Nakamura, told the court that the "
            "case rested on one witness.\n\nQuispe, who appeared by video link from the police station, spoke "
            "only briefly. \"I have never received a single sol from anyone,\" he said.")
    assert _speaker(nlp, text, "single sol") == "Quispe"


def test_a_name_inside_a_nouns_modifier_is_not_the_next_he(nlp: Language) -> None:
    text = ("Kofi, 23, a trader from Suame who was in the northern stand, said he was carried down the stairs. "
            "\u201cMy feet did not touch the ground for maybe a minute,\u201d he said.")
    assert _speaker(nlp, text, "My feet") == "Kofi"


def test_said_in_a_statement_that_has_the_subject_as_speaker(nlp: Language) -> None:
    text = ("The Ghana Football Association (GFA) said in a statement that it was \u201cdeeply saddened\u201d and "
            "postponed all league matches.")
    q = only(quotes_of(nlp, text), "saddened")
    assert q.speaker is not None and q.speaker.text == "The Ghana Football Association (GFA)"
    # a noun that is no statement's medium keeps its clause: "adding to concern that ..." has no speaker
    text = "Consumer prices rose faster than in 2004, adding to concern that producer prices could stoke inflation."
    assert not [q for q in quotes_of(nlp, text) if q.speaker is not None and q.speaker.text.startswith("Consumer")]


def test_a_partitives_people_in_a_state_and_a_villages_people(nlp: Language) -> None:
    text = ("The governor said the injured had been taken to hospitals in Wolbrzyn, Katowice and Krakow. Eight of "
            "them were in a serious condition, she said. In Stara Laka, a village of about 1,400 people, residents "
            "laid candles.")
    measures = {f.text: f.measure for f in extract_figures(nlp(text), None)}
    assert measures["Eight"] == "injured in a serious condition"
    assert measures["1,400"] == "village population"


def test_a_day_an_announcement_says_something_begins_lies_ahead() -> None:
    text = "The minister announced three days of national mourning beginning on Tuesday."
    (tuesday,) = [t for t in extract_timexes(text, date(2026, 6, 8)) if t.text == "Tuesday"]
    assert tuesday.value == "2026-06-09"  # published on Monday 8 June


def test_the_day_an_earlier_level_was_given_dates_no_event() -> None:
    text = ("Prosecutors filed their request on Thursday.\n\nIn the written request, the office now puts the total "
            "at 5.2 million soles, up from the 4.3 million soles announced on Tuesday.")
    timeline = build_timeline([_item("a", text, date(2026, 5, 8))])
    assert not [t for t in timeline if "5.2 million" in t.text and t.date == "2026-05-05"]


def test_a_name_written_without_its_hyphen_is_the_hyphenated_person(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Kwame Asante-Boateng rejected the figure. Mr Asante-Boateng said 28,000 came.",
                   [("Kwame Asante-Boateng", "PERSON"), ("Asante-Boateng", "PERSON")]),
                  ("Kwame Asante Boateng, chairman of the committee, said again that 28,000 came. Asante Boateng "
                   "added that the records were clear.", [("Kwame Asante Boateng", "PERSON"),
                                                          ("Asante Boateng", "PERSON")]))
    person = actor_with(res, "Kwame Asante-Boateng")
    assert person.name == "Kwame Asante-Boateng" and {"Asante Boateng", "Asante-Boateng"} <= set(person.aliases)
    assert set(res.entity_of.values()) == {person.id}  # "Kwame Asante Boateng" too
    # two people of the surname: the form without the hyphen is left alone
    res = resolve(gazetteer,
                  ("Kwame Asante-Boateng and Ama Asante-Boateng spoke.",
                   [("Kwame Asante-Boateng", "PERSON"), ("Ama Asante-Boateng", "PERSON")]),
                  ("Asante Boateng said so.", [("Asante Boateng", "PERSON")]))
    assert "Asante Boateng" not in actor_with(res, "Kwame Asante-Boateng").aliases


def test_two_surnames_alone_and_a_given_name_with_the_first(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Prosecutor Carmen Huamán said the case was strong. Luis Fernando Paredes Cárdenas testified.",
                   [("Carmen Huamán", "PERSON"), ("Luis Fernando Paredes Cárdenas", "PERSON")]),
                  ("Huamán Salazar told reporters that Luis Paredes had signed an agreement.",
                   [("Huamán Salazar", "PERSON"), ("Luis Paredes", "PERSON")]))
    prosecutor = actor_with(res, "Huamán Salazar")
    assert prosecutor.name == "Carmen Huamán"  # the form with a given name, with its accent
    assert "Luis Paredes" in actor_with(res, "Luis Fernando Paredes Cárdenas").aliases
    # a longer name that ends with both words is the one they are short for, not the person of the first
    res = resolve(gazetteer,
                  ("John Kennedy spoke. William Kennedy Smith was acquitted.",
                   [("John Kennedy", "PERSON"), ("William Kennedy Smith", "PERSON")]),
                  ("Kennedy Smith left the court.", [("Kennedy Smith", "PERSON")]))
    assert actor_with(res, "John Kennedy").mentions == 1


def test_a_buildings_short_name_a_titled_lawyer_and_a_sum(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("The crush happened at the Prempeh Jubilee Stadium. His lawyer, Ewa Marczak, said he was innocent. "
                   "Supt Osei-Mensah said the club gave GH₵500,000 to families.",
                   [("Prempeh Jubilee Stadium", "FAC"), ("Ewa Marczak", "ORG"), ("Supt Osei-Mensah", "ORG"),
                    ("GH₵500,000", "ORG")]),
                  ("Fans left the Jubilee Stadium. Abena Osei-Mensah spoke.",
                   [("Jubilee Stadium", "FAC"), ("Abena Osei-Mensah", "PERSON")]))
    assert "Jubilee Stadium" in actor_with(res, "Prempeh Jubilee Stadium").aliases
    assert actor_with(res, "Ewa Marczak").type == "PERSON"
    assert "Osei-Mensah" in actor_with(res, "Abena Osei-Mensah").aliases  # "Supt" is a title
    assert not [e for e in res.entities if "500,000" in e.name]


def test_a_wire_in_capitals_and_a_village_in_apposition(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("KUMASI, June 8 (PAPA) - A teacher who had travelled from Obuasi died. An official told PAPA that "
                   "the stadium was full. In Stara Laka, a village of about 1,400 people, residents laid flowers.",
                   [("KUMASI", "GPE"), ("PAPA", "ORG"), ("Obuasi", "GPE"), ("Stara Laka", "PERSON")]))
    assert actor_with(res, "PAPA").type == "ORG"  # not the Hungarian town of Pápa
    assert actor_with(res, "Stara Laka").type == "GPE"  # "..., a village of"


def test_days_later_in_the_past_count_from_a_day_before_the_paper() -> None:
    text = ("The train derailed near Stara Laka on Saturday night.\n\nThe death toll rose to 12 on Tuesday. The "
            "driver was taken to hospital after the crash and, two days later, was questioned by prosecutors.")
    values = {t.text: t.value for t in extract_timexes(text, date(2026, 3, 17))}
    assert values["two days later"] == "2026-03-16"  # not two days after Tuesday, the paper's own day
    text = "The toll rose to 12 on Tuesday. Two days later, the inquiry will open."
    assert {t.text: t.value for t in extract_timexes(text, date(2026, 3, 17))}["Two days later"] == "2026-03-19"


def test_a_day_that_opens_a_relative_clause_dates_no_event() -> None:
    text = ("The hearing was held on Thursday.\n\nProsecutor Carmen Huamán, who on Tuesday told reporters that no one "
            "was above the law, read out parts of the witness's statement.")
    timeline = build_timeline([_item("a", text, date(2026, 5, 8))])
    assert not [t for t in timeline if "read out" in t.text and t.date == "2026-05-05"]


def test_a_partitives_state_after_a_place_names_its_own_quantity(nlp: Language) -> None:
    text = "Fourteen of the injured are still in the Wolbrzyn hospital, three of them in a serious condition."
    measures = {f.text: f.measure for f in extract_figures(nlp(text), None)}
    assert measures["three"] == "injured in a serious condition"


def test_a_figure_of_the_day_since_which_is_of_that_day(nlp: Language) -> None:
    text = ("Seventeen people were killed on Sunday. It was the worst stadium disaster in Ghana since May 2001, when "
            "126 people died in a crush at the Accra Sports Stadium.")
    published = date(2026, 6, 8)
    doc = nlp(text)
    ann = Annotations("a", tuple(_item("a", text, published)[1].sentences),
                      timexes=tuple(extract_timexes(text, published)), figures=tuple(extract_figures(doc, None)))
    groups = group_figures([(Article("a", text, published), ann)])
    assert [g.measure for g in groups if 126.0 in {r.value for r in g.reports}] == ["people died, 2001"]


def test_currency_signs_of_the_sol_naira_and_rupee(nlp: Language) -> None:
    text = "He is accused of receiving S/ 4.3 million, and 5.2 million soles in all. It cost ₦2.5 billion."
    units = {f.text: f.unit for f in extract_figures(nlp(text), None)}
    assert units == {"S/ 4.3 million": "PEN", "5.2 million soles": "PEN", "₦2.5 billion": "NGN"}


def test_a_quote_two_outlets_print_alike_is_no_copied_passage() -> None:
    words = "\u201cThe gate was opened from the outside while the stairway was already full,\u201d"
    a = f"Police spoke on Monday. {words} said Superintendent Abena Osei-Mensah. Fans waited outside."
    b = f"Relatives gathered at the hospital. {words} the police spokeswoman told reporters."
    assert find_reuse([("a", a), ("b", b)]) == []
    copied = "The crush happened late on Sunday at the stadium in Kumasi as fans surged through an exit gate."
    assert len(find_reuse([("a", f"{copied} Police spoke."), ("b", f"Fans wept. {copied}")])) == 1


def test_a_name_written_family_name_first_and_one_without_spaces(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("President Tanaka Hiroshi apologised. The BlackVesper gang claimed the attack.",
                   [("Tanaka Hiroshi", "PERSON"), ("BlackVesper", "ORG")]),
                  ("Hiroshi Tanaka said the cuts were painful. The Black Vesper group posted files.",
                   [("Hiroshi Tanaka", "PERSON"), ("Black Vesper", "ORG")]))
    assert "Tanaka Hiroshi" in actor_with(res, "Hiroshi Tanaka").aliases
    assert "Black Vesper" in actor_with(res, "BlackVesper").aliases


def test_a_new_level_from_the_one_announced_and_a_cut_headline() -> None:
    title = "Hoshikawa to shed 8,000 jobs, incl. 3,000 in Japan"
    text = (f"{title}\n\nAt a briefing on Thursday, the finance chief said the company would cut 400 more jobs, "
            "bringing total cuts to 8,400 from the 8,000 announced on Tuesday.")
    _, ann = _item("a", text, date(2026, 5, 15))
    article = Article("a", text, date(2026, 5, 15), title=title)
    timeline = build_timeline([(article, ann)])
    assert {t.date for t in timeline} == {"2026-05-14"}  # not Tuesday's, nor the headline's piece on the 15th


def test_a_three_letter_alternate_name_is_no_city_unless_it_starts_the_name(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer, ("The carnival in Rio drew crowds. The gang's Tor site was down.",
                              [("Rio", "GPE"), ("Tor", "ORG")]))
    assert actor_with(res, "Rio").name == "Rio de Janeiro"
    assert actor_with(res, "Tor").name == "Tor"  # no Slovyansk


def test_the_day_an_earlier_level_was_given_does_not_move_the_story() -> None:
    text = ("In a statement on Wednesday morning, the group said 85,000 records had been stolen, up from the 30,000 "
            "it cited on Tuesday. The same day, the gang wrote on its leak site that it held 450,000.")
    values = {t.text: t.value for t in extract_timexes(text, date(2026, 3, 4))}
    assert values["The same day"] == "2026-03-04"
