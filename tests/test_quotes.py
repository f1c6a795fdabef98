"""Quote extraction and attribution (annotate/quotes.py) and quote groups (dossier/quote_groups.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from spacy.language import Language

from newsweave.annotate.quote_marks import find_quoted_regions
from newsweave.annotate.quotes import extract_quotes
from newsweave.dossier.quote_groups import group_quotes, lexical_similarity
from newsweave.model import Mention, Quote, Span

BENCH = Path(__file__).resolve().parents[1] / "bench" / "quotes_polnear.py"


@pytest.fixture(scope="session")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_polnear", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents])


def only(quotes: list[Quote], containing: str) -> Quote:
    hits = [q for q in quotes if containing in q.content.text]
    assert len(hits) == 1, [q.content.text for q in quotes]
    return hits[0]


@pytest.mark.parametrize("text, content", [
    ("“The talks went well,” Smith said.", "The talks went well,"),
    ("\"The talks went well,\" Smith said.", "The talks went well,"),
    ("«The talks went well», Smith said.", "The talks went well"),
    ("„The talks went well“, Smith said.", "The talks went well"),
    ("Smith said: “The talks went well and we will meet again.”", "The talks went well and we will meet again."),
])
def test_direct_quote_in_any_marks(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), "talks")
    assert q.form == "direct"
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == "Smith"
    assert q.cue is not None and q.cue.text == "said"
    assert text[q.content.start:q.content.end] == q.content.text


def test_split_quote_is_one_quote_with_pieces(nlp: Language) -> None:
    text = "“We expect,” Zas said, “that it will be short.”"
    q = only(quotes_of(nlp, text), "We expect")
    assert q.content.text == "We expect,” Zas said, “that it will be short."
    assert [p.text for p in q.pieces] == ["We expect,", "that it will be short."]
    assert q.speaker is not None and q.speaker.text == "Zas"


def test_multi_paragraph_quote_and_odd_marks() -> None:
    text = "“First part of it.\n\n“Second part,” he said.\n\nThey said “it is over ”Lee said."
    regions = find_quoted_regions(text)
    assert [text[r.start:r.end] for r in regions][:1] == ["First part of it.\n\n“Second part,"]
    assert len(regions[0].pieces) == 2
    assert text[regions[1].start:regions[1].end] == "it is over "


def test_scare_quotes_are_not_speech(nlp: Language) -> None:
    text = "The protesters demanded the lustration of people from the “clan” of the former president."
    assert not any(q.form == "direct" for q in quotes_of(nlp, text))


def test_pull_quote_with_caption(nlp: Language) -> None:
    text = ("The talks ended late.\n\nOur side has done everything it could to keep the peace in the region. "
            "Maria Petrova Official representative of the ministry\n\nThe talks resume on Monday.")
    q = only(quotes_of(nlp, text), "keep the peace")
    assert q.form == "direct"
    assert q.content.text == "Our side has done everything it could to keep the peace in the region."
    assert q.speaker_ref is not None and q.speaker_ref.text == "Maria Petrova"


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Senator John Barrow said that the bill would pass next week.", "that the bill would pass next week",
     "said", "Senator John Barrow"),
    ("According to Barrow, the bill will pass next week.", "the bill will pass next week",
     "According to", "Barrow"),
    ("The bill will pass next week, Barrow told reporters.", "The bill will pass next week", "told", "Barrow"),
])
def test_indirect_speech(nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), "next week")
    assert q.form == "indirect"
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text, content", [
    ("Farmers in the valley opposed the new tax on diesel fuel.", "the new tax on diesel fuel"),
    ("The governor declared a state of emergency in three counties.", "a state of emergency"),
    ("The senator commented on the budget proposal of the committee.", "the budget proposal of the committee"),
])
def test_stance_on_a_thing_is_no_statement(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content)
    assert q.form == "stance"


def test_a_stance_no_one_holds_is_left_out(nlp: Language) -> None:
    # a stance on a thing with no one holding it is no attribution; one with its holder stays
    assert quotes_of(nlp, "It is easy to criticize the length of the election campaign.") == []
    q = only(quotes_of(nlp, "The mayor spent the week campaigning, backing the new stadium plan."), "stadium")
    assert q.form == "stance"
    assert q.speaker is not None and q.speaker.text == "The mayor"


def test_what_a_noun_is_reported_to_be_is_no_statement(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The striker joined last month for a fee reported to be 20 million pounds."),
             "20 million")
    assert q.form == "stance"


def test_giving_a_person_a_post_is_no_statement(nlp: Language) -> None:
    # an appointment (a made-up resignation story); naming someone as something said stays a statement
    q = only(quotes_of(nlp, "Prime Minister Luc Girard named Deputy Minister Paul Arnaud as interim minister."),
              "Paul Arnaud")
    assert q.form == "stance"
    said = quotes_of(nlp, "Critics named Paul Arnaud as the worst choice for the job.")
    assert [q.form for q in said if "Paul Arnaud" in q.content.text] in ([], ["indirect"])


@pytest.mark.parametrize("text, content", [
    ("The mayor added that the engineers had found cracks in the dam.", "that the engineers"),
    ("The mayor urged residents to leave the valley before dark.", "residents to leave the valley"),
    ("The union described the offer as an insult to the workers.", "the offer as an insult"),
    ("Critics called the plan a waste of money.", "the plan a waste of money"),
    ("A resident of Tartu, in a talk with a newspaper, called the events in Narva looting and massacre, and "
     "not a peaceful protest.", "the events in Narva"),
])
def test_statements_stay_indirect(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content)
    assert q.form == "indirect"


def test_dossier_says_who_said_what_without_stances(nlp: Language) -> None:
    from newsweave.annotate.run import annotate_doc
    from newsweave.dossier.build import DossierBuilder
    from newsweave.model import Article

    text = ("Farmers in the valley opposed the new tax on diesel fuel. The governor said that the tax "
            "would pay for new roads.")
    article = Article("a", text)
    ann = annotate_doc(article, nlp(text))
    assert sorted(q.form for q in ann.quotes) == ["indirect", "stance"]
    dossier, _ = DossierBuilder(gazetteer=None).build("s", [(article, ann)])
    said = [v.text for group in dossier.quotes for v in group.variants]
    assert said == ["that the tax would pay for new roads"]


@pytest.mark.parametrize("text, content", [
    ("Acme said on Tuesday it had agreed to buy the mill for $40 million.", "it had agreed to buy the mill"),
    ("On Friday, the minister said, the talks would resume.", "On Friday, the minister said, the talks"),
    # a wire dateline is not what the source said either
    ("HANOI, Aug 7 (Reuters) - Floods killed 12 people in the north, the disaster agency said.", "Floods killed"),
    ("RENO, Nev. (AP) — The dam held through the night, officials said.", "The dam held"),
    ("JERUSALEM - The talks will resume next week, the ministry said.", "The talks will"),
    ("WARSAW: The runner will take her ban to the court, her lawyer said on Tuesday.", "The runner will"),
])
def test_the_day_of_the_report_is_not_what_was_said(nlp: Language, text: str, content: str) -> None:
    contents = [q.content.text for q in quotes_of(nlp, text)]
    assert len(contents) == 1 and contents[0].startswith(content), contents


def test_mixed_quote(nlp: Language) -> None:
    text = "The ministry said that the envoy had “made a joke in a boorish manner” about the unrest."
    q = only(quotes_of(nlp, text), "joke")
    assert q.form == "mixed"
    assert q.content.text.startswith("that the envoy")


def test_pronoun_speaker_resolves_to_the_person_named_before(nlp: Language) -> None:
    text = ("Foreign Minister Ivan Petrov met the delegation on Monday. "
            "“We will not give up our position,” he said.")
    q = only(quotes_of(nlp, text), "give up")
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.speaker_ref is not None and q.speaker_ref.text == "Ivan Petrov"


def test_whom_a_source_told_is_no_later_she(nlp: Language) -> None:
    text = ("District Collector Ananya Bhardwaj told Lokvani the situation was under control. "
            "She said 5,200 people had been evacuated.")
    q = only(quotes_of(nlp, text), "5,200 people")
    assert q.speaker_ref is not None and q.speaker_ref.text.endswith("Ananya Bhardwaj")


def test_a_name_ner_calls_an_organization_after_a_local_office_is_a_person(nlp: Language) -> None:
    text = ("Sleman district head Dwi Santoso Hadi said ash would be cleared from roads in the coming days. "
            "\"We ask residents to wear masks,\" he said.")
    q = only(quotes_of(nlp, text), "wear masks")
    assert q.speaker_ref is not None and q.speaker_ref.text == "Dwi Santoso Hadi"


def test_pronoun_after_a_person_quoted_unnamed_stays_unresolved(nlp: Language) -> None:
    text = ("Chief executive Anna Berg said on Monday that the plant would close. "
            "A worker at the plant said morale had collapsed. “Nobody knows who is staying,” she said.")
    q = only(quotes_of(nlp, text), "Nobody knows")
    assert q.speaker is not None and q.speaker.text == "she"
    assert q.speaker_ref is None  # the worker or Berg: never guessed
    # without the unnamed worker, "she" is Berg
    q = only(quotes_of(nlp, "Chief executive Anna Berg said on Monday that the plant would close. "
                            "“Nobody knows who is staying,” she said."), "Nobody knows")
    assert q.speaker_ref is not None and q.speaker_ref.text == "Anna Berg"


def test_a_relative_pronoun_speaker_is_who_the_clause_is_of(nlp: Language) -> None:
    text = ("Prime Minister Ivan Petrov spoke to parliament on Monday. The prime minister, who has defended the "
            "measures as necessary for stability, said the curfew would end soon.")
    q = only(quotes_of(nlp, text), "necessary for stability")
    assert q.speaker is not None and q.speaker.text == "who"  # PolNeAR's source: the pronoun
    assert q.speaker_ref is not None and q.speaker_ref.text == "Ivan Petrov"


def test_naming_with_for_inside_is_no_call_for(nlp: Language) -> None:
    q = only(quotes_of(nlp, 'Opposition leader Anna Berg called the vote "a dark day for our democracy".'),
             "dark day")
    assert q.content.text.startswith("the vote")


def test_a_sources_request_for_anonymity_is_no_statement() -> None:
    from newsweave.dossier.quote_groups import is_statement

    assert not is_statement(_q("not to be named"))
    assert not is_statement(_q("to be identified because he was not authorized to speak"))
    assert not is_statement(Quote(content=Span(0, 14, "the new tariff"), form="stance"))
    assert is_statement(_q("the talks would be named after the city"))


def test_role_noun_speaker_resolves_through_the_title(nlp: Language) -> None:
    text = ("Russian Ambassador to the US Anatoly Antonov spoke on Friday.\n"
            "\"We will assist efforts to restore normal life,\" the Russian diplomat told the outlet.")
    q = only(quotes_of(nlp, text), "normal life")
    assert q.speaker is not None and q.speaker.text == "the Russian diplomat"
    assert q.speaker_ref is not None and "Antonov" in q.speaker_ref.text


@pytest.mark.parametrize("speaker", ["two employees", "employees", "former employees"])
def test_several_people_are_no_one_named_person_of_their_role(nlp: Language, speaker: str) -> None:
    text = ("Police identified the suspect as Daniel Kessler, a former employee of the bar. Kessler had been "
            f"fired last month after an argument with a manager, {speaker} said.")
    q = only(quotes_of(nlp, text), "argument with a manager")
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.speaker_ref is None


def test_unknown_role_stays_unresolved(nlp: Language) -> None:
    text = "The weather was cold. “We will return tomorrow with more people,” the official said."
    q = only(quotes_of(nlp, text), "return tomorrow")
    assert q.speaker_ref is None


# Measured 2026-11-26 (python bench/quotes_polnear.py, issue 3): 21 seed quotes, 21 found, 20 with
# the right speaker (the one left: "the foreign ministry spokeswoman" in an article that never
# names her). Floors at what was measured.
SEED_FOUND_FLOOR = 21
SEED_SPEAKER_FLOOR = 20


def test_seed_quotes_found_with_speakers(nlp: Language, bench: ModuleType, seeds_gold: dict[str, Any],
                                         seed_texts: dict[str, str]) -> None:
    total, found, right = bench.score_seeds(nlp, seeds_gold, seed_texts)
    assert total == 21
    assert found >= SEED_FOUND_FLOOR
    assert right >= SEED_SPEAKER_FLOOR


# PolNeAR dev, first 30 articles (the full 84 take about a minute on the shared machine); measured
# 2026-11-27 after the span-convention and cue-family round of issue 3 with
# bench/quotes_polnear.py --split dev --limit 30: content exact 56.1, overlap 74.6, source exact
# 68.6, overlap 70.8 (before that round: 51.0 / 71.0 / 64.4 / 66.3); after the second pass
# (relative-clause gaps, cue infinitives, fragments inside reported clauses, reporter participles):
# 56.2 / 74.9 / 69.1 / 71.3; after the boundary pass (sentence starts before a quote, conjoined
# cues, dangling conjunctions, participles, sources before a cue's relative clause):
# 56.8 / 75.1 / 69.4 / 71.4; after the source and cue-family round (colon clauses, inverted and
# misparsed tags, rebuttal/rebuke/campaign cue families, copula nouns, "on"/"to" after a stance
# object, "of" cues, aversion verbs): 57.6 / 75.9 / 70.6 / 72.6; after the speaker and
# construction round (object participles, infinitives on objects and adjectives, agented
# passives, tags after a fragment, belief cues after their clause, stances drawn from others,
# "list as"): 58.1 / 76.3 / 71.1 / 73.2; after the lead-in and caption round (quotes opening
# inside their cue's complement, quotations signed by a caption after a dash or on the next line,
# desire verbs with an object, feeling and uncertainty adjectives, quotations resumed after a long
# tag, fragments between a closing mark and its tag, longer sentence starts before a lower-case
# quotation): 58.9 / 77.0 / 73.1 / 75.1 (without the dash captions, which were first seen in dev
# errors: 58.6 / 76.8 / 71.2 / 73.3 before the last rule); after the content-edge pass (an
# infinitive or an "as" predicate going on from a cue's object, a fronted condition before a speech
# verb): 59.0 / 77.0 / 73.1 / 75.1; measured again 2026-11-28 before the next rule: 58.9 / 77.2 / 73.1 / 75.1;
# after leaving out stances on a thing that no one holds: 59.1 / 77.2 / 73.1 / 75.1. Floors just under.
POLNEAR_FLOORS = {"content_exact": 59.0, "content_overlap": 77.1, "source_exact": 73.0, "source_overlap": 75.0}


def test_polnear_dev_floors(nlp: Language, bench: ModuleType, corpora_dir: Path) -> None:
    res = bench.score_polnear(nlp, bench.load_polnear(corpora_dir, "dev", 30))
    assert res["content"].f1() >= POLNEAR_FLOORS["content_exact"]
    assert res["content"].f1(True) >= POLNEAR_FLOORS["content_overlap"]
    assert res["source"].f1() >= POLNEAR_FLOORS["source_exact"]
    assert res["source"].f1(True) >= POLNEAR_FLOORS["source_overlap"]


def _q(text: str, start: int = 0) -> Quote:
    return Quote(content=Span(start, start + len(text), text))


BLINKEN = [
    ("a", "when Russians are in your house, it can be difficult to get them to leave."),
    ("b", "However, one of the lessons that recent history has taught us is that when Russia comes to your "
          "home, it can sometimes be difficult to get her to leave."),
    ("c", "one lesson in recent history is that once Russians are in your house, it's sometimes very "
          "difficult to get them to leave."),
]


def test_translations_of_one_statement_form_one_group() -> None:
    items = [(aid, _q(t), "blinken") for aid, t in BLINKEN]
    items.append(("c", _q("Thousands of jihadists and marauders tried to undermine the order", 500), "antonov"))
    groups = group_quotes(items)
    assert len(groups) == 2
    assert [v.cite.article for v in groups[0].variants] == ["a", "b", "c"]
    assert groups[0].speaker_entity == "blinken"
    assert len(groups[1].variants) == 1


def test_known_different_speakers_never_share_a_group() -> None:
    items = [("a", _q(BLINKEN[0][1]), "blinken"), ("b", _q(BLINKEN[2][1]), "zakharova")]
    assert len(group_quotes(items)) == 2
    items = [("a", _q(BLINKEN[0][1]), "blinken"), ("b", _q(BLINKEN[2][1]), None)]
    assert len(group_quotes(items)) == 1


def test_a_sentence_an_article_prints_twice_is_one_version() -> None:
    said = "once Americans are in your house, it's sometimes difficult to remain alive"
    other = "when Americans are in your house, it can be difficult to stay alive"
    groups = group_quotes([("b", _q(said, 10), None), ("b", _q(said, 200), None), ("a", _q(other, 5), None)])
    assert len(groups) == 1
    assert [(v.cite.article, v.cite.start) for v in groups[0].variants] == [("a", 5), ("b", 10)]


def test_grouping_is_deterministic_and_similarity_pluggable() -> None:
    items = [(aid, _q(t), None) for aid, t in BLINKEN]
    assert group_quotes(items) == group_quotes(list(reversed(items)))
    assert len(group_quotes(items, similarity=lambda a, b: 0.0)) == 3
    assert lexical_similarity("Kazakhstan", "Kazakhstan") == 0.0


def _all_pairs_partition(items: list[tuple[str, Quote, str | None]]) -> set[frozenset[int]]:
    """Groups over every pair, in the order group_quotes visits pairs (what it did before pruning):
    pairs of similar quotes join unless their groups have two different known speakers."""
    parent = list(range(len(items)))
    speaker = [k for _, _, k in items]
    order = sorted(range(len(items)), key=lambda k: (items[k][0], items[k][1].content.start))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for x, i in enumerate(order):
        for j in order[x + 1:]:
            ri, rj = find(i), find(j)
            if ri == rj or (speaker[ri] is not None and speaker[rj] is not None and speaker[ri] != speaker[rj]):
                continue
            if lexical_similarity(items[i][1].content.text, items[j][1].content.text) >= 0.6:
                parent[rj] = ri
                speaker[ri] = speaker[ri] if speaker[ri] is not None else speaker[rj]
    comps: dict[int, set[int]] = {}
    for i in range(len(items)):
        comps.setdefault(find(i), set()).add(i)
    return {frozenset(c) for c in comps.values()}


def test_pruned_pairs_give_the_all_pairs_groups() -> None:
    # sentences of the seed articles, cut into overlapping pieces: many pairs share a few stems
    extra = ("Thousands of jihadists and marauders tried to undermine the order in Kazakhstan the "
             "peacekeepers will leave when the president asks them to leave the country")
    words = [*" ".join(t for _, t in BLINKEN).split(), *extra.split()]
    texts = [" ".join(words[k:k + n]) for n in (6, 9, 14) for k in range(0, len(words) - n, 3)]
    speakers = ["blinken", None, "zakharova"]
    items = [(f"a{k % 4}", _q(t, k), speakers[k % 3]) for k, t in enumerate(texts)]
    key = {(aid, q.content.start): k for k, (aid, q, _) in enumerate(items)}
    got = {frozenset(key[(v.cite.article, v.cite.start)] for v in g.variants) for g in group_quotes(items)}
    assert got == _all_pairs_partition(items)
    assert any(len(g) > 1 for g in got) and any(len(g) == 1 for g in got)


@pytest.mark.parametrize("text, content, speaker", [
    ("Elizabeth Warren: The bank's chief executive should be investigated.\n\nThe senator spoke on Tuesday.",
     "The bank's chief executive should be investigated.", "Elizabeth Warren"),
    # the tagger reads a headline's "Sanders" as a noun; the body names Bernie Sanders
    ("Sanders: Clinton needs to get away from personal attacks.\n\nBernie Sanders spoke in Iowa.",
     "Clinton needs to get away from personal attacks.", "Sanders"),
])
def test_headline_name_and_colon_attributes_the_statement(nlp: Language, text: str, content: str,
                                                          speaker: str) -> None:
    q = only(quotes_of(nlp, text), content)
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == ":"


@pytest.mark.parametrize("text", [
    "WASHINGTON: The Senate voted on Tuesday to extend the program for two more years.",
    "Correction: An earlier version of this article gave the wrong date for the vote.",
    "Stealth Over Health: Hospital Visits Were Kept From The Press For Days.",
    "WARSAW: The runner will take her ban to the court, her lawyer said on Tuesday.",
])
def test_datelines_rubrics_and_headlines_are_not_speakers(nlp: Language, text: str) -> None:
    assert not [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == ":"]


def test_what_a_source_did_not_ask_for_is_no_quote(nlp: Language) -> None:
    from newsweave.annotate.run import annotate_doc
    from newsweave.dossier.build import DossierBuilder
    from newsweave.model import Article

    text = ("The athlete did not ask for the ban to be suspended while the appeal is heard. Her lawyer said "
            "the ruling would be overturned.")
    article = Article("a", text)
    ann = annotate_doc(article, nlp(text))
    assert [q for q in ann.quotes if "suspended" in q.content.text]  # found, then left out of the dossier
    dossier, _ = DossierBuilder(gazetteer=None).build("s", [(article, ann)])
    said = [v.text for group in dossier.quotes for v in group.variants]
    assert said == ["the ruling would be overturned"]


def test_a_company_named_after_a_country_is_not_the_country(nlp: Language) -> None:
    from newsweave.annotate.run import annotate_doc
    from newsweave.dossier.build import DossierBuilder
    from newsweave.model import Article

    text = ("Flights to Yogyakarta were cancelled on Friday across Indonesia. Garuda Indonesia said it was rerouting "
            "passengers through Solo.")
    article = Article("a", text)
    dossier, _ = DossierBuilder(gazetteer=None).build("s", [(article, annotate_doc(article, nlp(text)))])
    (group,) = [g for g in dossier.quotes if "rerouting" in g.variants[0].text]
    assert group.speaker == "Garuda Indonesia" and group.speaker_entity is None


def test_a_name_and_a_colon_deep_in_an_article_is_no_dateline() -> None:
    from newsweave.annotate.nlp import dateline_at

    text = "Title\n\nSANVALI: The toll rose to 11.\n\nMore text here.\n\nSMITH: We will fight this ruling."
    assert dateline_at(text, text.index("SANVALI")) is not None
    assert dateline_at(text, text.index("SMITH")) is None
