"""Rules of the seventeenth round, each found by a made-up story (an oil spill off Mindoro, a building collapse in
Lagos, a bridge collapse in Brazil, an expulsion of diplomats from Estonia) or a fault the last round left open:
"of that year" after a count that looks like a year; a day in the possessive, in a relative clause or restated;
a figure added to a level, a difference, the unaccounted for; quotes that give other counts; short given names,
titles cut at their period, sums written with a letter, the outlet in its own article; an organization's noun
as a speaker."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures
from newsweave.annotate.nlp import mentions_of
from newsweave.annotate.quotes import extract_quotes
from newsweave.annotate.timexes import extract_timexes
from newsweave.dossier.actors import resolve_actors
from newsweave.dossier.build import story_title
from newsweave.dossier.figures import group_figures
from newsweave.dossier.names import PlaceGazetteer
from newsweave.dossier.numbers import counts
from newsweave.dossier.quote_groups import group_quotes
from newsweave.dossier.render import to_html, to_markdown
from newsweave.dossier.summary import SummaryConfig, summarize
from newsweave.dossier.timeline import build_timeline
from newsweave.link.reuse import find_reuse
from newsweave.model import Annotations, Article, Dossier, Mention, Span, Story
from test_actors import actor_with, resolve
from test_figures import _item as _figure_item
from test_quote_groups import _quote
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


def test_two_statements_that_give_different_counts_are_not_one_group() -> None:
    a, b, c = (_quote(f"{n} people are still missing in the river") for n in ("Eleven", "Eight", "11"))
    groups = group_quotes([("a", a, "org:brigade"), ("b", b, "org:brigade"), ("c", c, "org:brigade")])
    assert sorted(len(g.variants) for g in groups) == [1, 2]


def test_a_difference_is_no_count_and_the_unaccounted_for_are_missing(nlp: Language) -> None:
    text = ("Ten vehicles fell into the river, two more than the figure given by DNIT. At least seven workers are "
            "still unaccounted for.")
    measures = {f.text: f.measure for f in extract_figures(nlp(text), None)}
    assert "two" not in measures and measures["seven"] == "workers unaccounted for"
    groups = group_figures([
        _figure_item("a", "About 50 workers were on site when the building fell.", "2026-03-10", nlp),
        _figure_item("b", "Nine workers are still missing.", "2026-03-11", nlp),
        _figure_item("c", "Relatives say at least seven workers are still unaccounted for.", "2026-03-13", nlp)])
    assert [g for g in groups if {r.value for r in g.reports} == {9.0, 7.0}]
    assert not [g for g in groups if {50.0, 7.0} <= {r.value for r in g.reports}]


def test_a_day_inside_a_relative_clause_yields_to_the_sentences_own_day() -> None:
    text = ("Rescue teams worked through the night.\n\nGovernor Seun Bakare, who visited the site late yesterday, "
            "this morning ordered the suspension of all work on high-rise sites in Ikoyi.")
    dates = {t.date for t in build_timeline([_item("a", text, date(2026, 3, 11))]) if "suspension" in t.text}
    assert dates == {"2026-03-11"}


def test_a_relative_time_restated_by_the_day_after_it_yields() -> None:
    text = ("The bridge collapsed on Sunday.\n\nThe governor spoke at a news conference on Monday.\n\nTwo days later, "
            "on Tuesday, federal prosecutors filed a lawsuit against the agency.")
    dates = {t.date for t in build_timeline([_item("a", text, date(2026, 3, 18))]) if "lawsuit" in t.text}
    assert dates == {"2026-03-17"}


@pytest.fixture(scope="module")
def gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer()


def test_a_long_given_names_end_is_the_same_person_unless_a_given_name(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Governor Oluwaseun Bakare visited the site. Martin Dupont and Susanna Jones spoke.",
                   [("Oluwaseun Bakare", "PERSON"), ("Martin Dupont", "PERSON"), ("Susanna Jones", "PERSON")]),
                  ("Governor Seun Bakare set up a panel. Marie Dupont and Anna Jones disagreed.",
                   [("Seun Bakare", "PERSON"), ("Marie Dupont", "PERSON"), ("Anna Jones", "PERSON")]))
    assert "Seun Bakare" in actor_with(res, "Oluwaseun Bakare").aliases
    assert "Marie Dupont" not in actor_with(res, "Martin Dupont").aliases
    assert "Anna Jones" not in actor_with(res, "Susanna Jones").aliases


def test_titles_cut_at_their_period_and_sums_written_with_a_letter_are_no_actors(nlp: Language,
                                                                                gazetteer: PlaceGazetteer) -> None:
    text = ("Lt. Cmdr. Antonio dela Cruz urged volunteers to wear gloves. The agency's head, Arc. Funmilayo Adesanya, "
            "spoke. The developer paid N5m to each family, and Bayshore gave P5,000 in cash.")
    doc = nlp(text)
    assert len(list(doc.sents)) == 3  # "Cmdr." and "Arc." end no sentence
    res = resolve_actors([("a", text, [*mentions_of(doc), *_mentions(text, ("Lt", "ORG"), ("Cmdr", "PERSON"),
                                                                     ("N5", "GPE"), ("P5,000", "ORG"))])], gazetteer)
    names = {e.name for e in res.entities}
    assert not names & {"Lt", "Cmdr", "N5", "P5,000", "Arc"}


def test_the_outlet_in_its_own_article_is_no_actor(gazetteer: PlaceGazetteer) -> None:
    text = "Kask's lawyer told the Herald that he would appeal. The Lagos court heard the case."
    items = [("hh-1", text, _mentions(text, ("Herald", "PERSON"), ("Kask", "PERSON"), ("Lagos", "GPE")))]
    names = {e.name for e in resolve_actors(items, gazetteer, {"hh-1": "Lagos Herald"}).entities}
    assert "Herald" not in names and "Lagos" in names
    assert "Herald" in {e.name for e in resolve_actors(items, gazetteer, {"hh-1": "Daily Post"}).entities}


def test_an_organization_named_by_its_kind_is_not_its_spokesman(nlp: Language) -> None:
    text = ("The slick grew, coast guard spokesman Rear Admiral Ernesto Dimaculangan told reporters. The tanker had "
            "left the port of Limay on Friday, according to the coast guard.")
    doc = nlp(text)
    quote = next(q for q in extract_quotes(doc, list(mentions_of(doc))) if "Limay" in q.content.text)
    assert quote.speaker is not None and quote.speaker.text == "the coast guard" and quote.speaker_ref is None


def _mentions(text: str, *names: tuple[str, str]) -> list[Mention]:
    out = []
    for name, label in names:
        at = text.index(name)
        out.append(Mention(at, at + len(name), name, label))
    return out


def test_a_state_is_no_citys_alternate_name(gazetteer: PlaceGazetteer) -> None:
    maranhao = gazetteer.lookup("Maranhão")
    assert maranhao is not None and maranhao.name == "Maranhão" and maranhao.kind == "state"
    res = resolve(gazetteer,
                  ("The ship's owner, Bayshore Tankers Inc., said Bayshore would pay.",
                   [("Bayshore Tankers Inc.", "ORG"), ("Bayshore", "GPE")]))
    assert "Bayshore" in actor_with(res, "Bayshore Tankers Inc.").aliases


def test_a_place_written_mostly_alone_is_no_short_form_of_a_name_ending_in_it(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Antonio dela Cruz, commander of Coast Guard Station Oriental Mindoro, spoke. The spill hit "
                   "Mindoro. Mindoro is an island. Fishers in Mindoro are angry.",
                   [("Antonio dela Cruz", "PERSON"), ("Coast Guard Station Oriental Mindoro", "ORG"),
                    ("Mindoro", "GPE"), ("Mindoro", "GPE"), ("Mindoro", "GPE")]))
    assert "Coast Guard Station Oriental Mindoro" not in actor_with(res, "Mindoro").aliases


def test_initials_apposed_to_a_place_that_are_not_its_own_are_no_alias(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Trucks fell near Porto Franco (MA). The Samahan ng Maliliit na Mangingisda sa Mindoro (SAMAMI) "
                   "spoke. SAMAMI said so. MA officials came.",
                   [("Porto Franco", "GPE"), ("MA", "GPE"), ("Mindoro", "GPE"), ("SAMAMI", "ORG"), ("SAMAMI", "ORG"),
                    ("MA", "GPE")]))
    assert "MA" not in actor_with(res, "Porto Franco").aliases
    assert "SAMAMI" not in actor_with(res, "Mindoro").aliases


def test_a_countrys_people_are_its_population(nlp: Language) -> None:
    text = "Roughly a quarter of Estonia's 1.37 million people are ethnic Russians. These two individuals left."
    measures = {f.text: f.measure for f in extract_figures(nlp(text), None)}
    assert measures["1.37 million"] == "estonia population" and measures["two"] == "individuals"


def test_a_bare_report_and_one_value_do_not_bridge_two_countries_diplomats(nlp: Language) -> None:
    groups = group_figures([
        _figure_item("a", "Estonia on Monday declared two Russian diplomats persona non grata.", "2026-03-09", nlp),
        _figure_item("b", "Moscow told her that the two diplomats must leave within three days. Moscow answered on "
                          "Tuesday by expelling two Estonian diplomats.", "2026-03-10", nlp),
        _figure_item("c", "Russia's foreign ministry said a third Estonian diplomat had been declared persona non "
                          "grata, bringing the number of Estonian diplomats expelled this week to three.",
                     "2026-03-12", nlp)])
    russian = [g for g in groups if any(r.cite.article == "a" for r in g.reports)]
    assert len(russian) == 1 and 3.0 not in {r.value for r in russian[0].reports}


def test_a_day_inside_a_restrictive_relative_clause_at_the_sentence_end_yields() -> None:
    text = ("Kask was convicted last week.\n\nEstonia on Monday declared two Russian diplomats persona non grata, "
            "accusing them of recruiting an Estonian citizen who was sentenced to six years in prison on Friday.")
    dates = {t.date for t in build_timeline([_item("a", text, date(2026, 3, 9))]) if "persona" in t.text}
    assert dates == {"2026-03-09"}


@pytest.mark.parametrize("text, content, speaker", [
    ("The project was valued at 18 billion naira, according to planning documents seen by CPA.",
     "The project was valued at 18 billion naira", "planning documents seen by CPA"),
    ("According to Naturatins, the Tocantins state environmental agency, water samples taken yesterday showed "
     "acidity within normal limits downstream.",
     "water samples taken yesterday showed acidity within normal limits downstream", "Naturatins"),
    ('"This provocation by Tallinn will not remain without an answer," the ministry\'s spokeswoman, Alina '
     "Zakharova, had said the day before, hours after Estonia announced its decision.",
     "This provocation by Tallinn will not remain without an answer", "the ministry's spokeswoman, Alina Zakharova"),
    ('Governor Gleisson Barreto said that his government had warned DNIT "more than once" about the condition of '
     "the bridge.", 'that his government had warned DNIT "more than once" about the condition of the bridge',
     "Governor Gleisson Barreto"),
])
def test_according_to_time_clauses_and_nested_mixed_quotes(nlp: Language, text: str, content: str,
                                                            speaker: str) -> None:
    doc = nlp(text)
    quote = next(q for q in extract_quotes(doc, list(mentions_of(doc))) if q.content.text.strip(' ".,') ==
                 content.strip(' ".,'))
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "Russia's chargé d'affaires, Lev Arhipov, was called in to receive the decision.",
    "Emergency agencies have called off the search-and-rescue operation at the site of the collapsed building.",
])
def test_calling_in_or_off_is_no_saying(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert extract_quotes(doc, list(mentions_of(doc))) == []


def test_a_copied_passage_says_who_copied_whom_and_a_short_phrase_is_no_copy() -> None:
    wire = ("Estonia will not tolerate the abuse of diplomatic status to recruit our citizens, the minister told "
            "reporters in Tallinn on Monday. The collapse of a 21-storey building under construction shocked Lagos.")
    paper = ("Later that week the paper ran: Estonia will not tolerate the abuse of diplomatic status to recruit our "
             "citizens, the minister told reporters in Tallinn on Monday. Residents recalled the collapse of a "
             "21-storey building under construction in 2021.")
    articles = {"w": Article("w", wire, date(2026, 3, 9), source="Continental Press"),
                "p": Article("p", paper, date(2026, 3, 11), source="Harju Herald")}
    reuse = tuple(find_reuse([("w", wire), ("p", paper)]))
    assert len(reuse) == 1 and "tolerate" in wire[reuse[0].a.start:reuse[0].a.end]
    dossier = Dossier(story=Story("s-1", "t", ("w", "p")), reuse=reuse)
    assert "Harju Herald (2026-03-11) repeats Continental Press (2026-03-09)" in to_markdown(dossier, articles)
    assert "Harju Herald (2026-03-11) repeats Continental Press (2026-03-09)" in to_html(dossier, articles)


def test_the_story_title_is_the_latest_headline() -> None:
    first = Article("a", "Four dead.", date(2026, 3, 10), title="Building collapses, killing at least four")
    last = Article("b", "Toll at 22.", date(2026, 3, 13), title="Rescue ends as death toll reaches 22")
    items = [(first, Annotations("a")), (last, Annotations("b"))]
    assert story_title(items) == "Rescue ends as death toll reaches 22"


def test_a_clause_a_semicolon_ends_is_no_saying_of_the_verb_after_it(nlp: Language) -> None:
    doc = nlp("Mindoro oil slick doubles; DENR calls spill 'ecological emergency'\n\nThe slick has doubled.")
    assert not [q for q in extract_quotes(doc, list(mentions_of(doc))) if "doubles" in q.content.text]


def test_a_copied_sentence_is_no_support_in_the_summary() -> None:
    copied = ("The tanker left the port of Limay in Bataan on Friday and was bound for Iloilo City, the coast guard "
              "said.")
    own = {"w": "Oil from the sunken tanker spread along the coast of Mindoro, killing fish, officials said.",
           "p": "Fishers in Naujan counted their losses on Wednesday as the fishing ban dragged on."}
    items = []
    for aid, first in own.items():
        text = f"{first} {copied}"
        article = Article(aid, text, date(2026, 3, 2 if aid == "w" else 4))
        items.append((article, Annotations(aid, sentences=(Span.of(text, 0, len(first)),
                                                           Span.of(text, len(first) + 1, len(text))))))
    reuse = tuple(find_reuse([(a.id, a.text) for a, _ in items]))
    assert reuse
    config = SummaryConfig(max_sentences=1)
    assert [c.article for c in summarize(items, config)[0].citations] == ["w", "p"]
    assert [c.article for c in summarize(items, config, copies=reuse)[0].citations] == ["w"]


# Guards a review of this round's rules found wanting: each case had changed for the worse.
@pytest.mark.parametrize("text, day, value", [
    ("The year 2019 was hard. The plant closed on March 3 of that year.", "March 3", "2019-03-03"),
    ("In 2015 sales rose. The plant closed on March 3 of that year.", "March 3", "2015-03-03"),
])
def test_of_that_year_after_a_year_and_a_verb(text: str, day: str, value: str) -> None:
    assert {t.text: t.value for t in extract_timexes(text, date(2026, 3, 10))}[day] == value


def test_what_a_review_found_stays_as_it_was(nlp: Language, gazetteer: PlaceGazetteer) -> None:
    doc = nlp("According to police, the driver, a 45-year-old man from Leeds, fled the scene.")
    (quote,) = extract_quotes(doc, list(mentions_of(doc)))
    assert quote.content.text.startswith("the driver")
    doc = nlp("Security guard John Obi was on duty that night. The guard said the doors had been locked.")
    (quote,) = extract_quotes(doc, list(mentions_of(doc)))
    assert quote.speaker_ref is not None and quote.speaker_ref.text == "John Obi"
    text = "Amartya Sen won the prize. Sen said the economy would recover."
    res = resolve(gazetteer, (text, [("Amartya Sen", "PERSON"), ("Sen", "PERSON")]))
    assert "Sen" in actor_with(res, "Amartya Sen").aliases
    text = "Michael Bloomberg spoke on Monday. Bloomberg said he would run."
    items = [("b", text, _mentions(text, ("Michael Bloomberg", "PERSON"), ("Bloomberg said", "PERSON")))]
    items[0][2][1] = Mention(items[0][2][1].start, items[0][2][1].start + 9, "Bloomberg", "PERSON")
    assert "Bloomberg" in actor_with(resolve_actors(items, gazetteer, {"b": "Bloomberg"}), "Michael Bloomberg").aliases
    text = "Investigators were trying to establish who started the fire on Friday, the fire chief said on Sunday."
    assert {t.date for t in build_timeline([_item("a", text, date(2024, 3, 4))])} == {"2024-03-01"}
    a, b = (_quote(f"{n} people are still missing in the river") for n in ("Twenty-one", "21"))
    assert len(group_quotes([("a", a, "org:x"), ("b", b, "org:x")])) == 1


def test_an_organizations_name_in_another_language_after_or(gazetteer: PlaceGazetteer) -> None:
    res = resolve(gazetteer,
                  ("Kask was detained by the Internal Security Service, or Kaitsepolitsei, on 14 March. Whether the "
                   "European Union, or Russia, would act was unclear.",
                   [("Internal Security Service", "ORG"), ("Kaitsepolitsei", "GPE"), ("European Union", "ORG"),
                    ("Russia", "GPE")]))
    assert "Kaitsepolitsei" in actor_with(res, "Internal Security Service").aliases
    assert "Russia" not in actor_with(res, "European Union").aliases


def test_numbers_are_compared_as_values() -> None:
    assert counts("twelve police officers were injured") == counts("12 police officers were injured") == {12.0}
    assert counts("1.5 million people") == counts("1,500,000 people") and counts("no one was hurt") == frozenset()
