"""Quote spans as PolNeAR marks them, speaker resolution, and embedding-based quote groups (issue 3)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsweave.annotate.quote_marks import find_quoted_regions
from newsweave.annotate.quotes import _trim_clause
from newsweave.annotate.speaker_phrases import speaker_tokens
from newsweave.dossier import embed
from newsweave.dossier.build import DossierBuilder
from newsweave.dossier.quote_groups import EMBED_THRESHOLD, embedding_similarity, group_quotes
from newsweave.errors import MissingExtraError
from newsweave.model import Annotations, Article, Quote, Span
from test_quotes import only, quotes_of


def test_doubled_apostrophes_are_quote_marks() -> None:
    text = "''It is too much business,'' he said. ''Go home.''"
    assert [text[r.start:r.end] for r in find_quoted_regions(text)] == ["It is too much business,", "Go home."]


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_quote_resumed_after_its_attribution_sentence_is_one_content(nlp: Language, gap: str) -> None:
    text = (f"“Trump heads into the election with a head start,” she said in a recent interview.{gap}"
            "“And no matter how you slice it, they are playing catch up.”")
    q = only(quotes_of(nlp, text), "head start")
    assert q.content.text.startswith("Trump heads") and q.content.text.endswith("catch up.")
    assert len(q.pieces) == 2
    assert q.speaker is not None and q.speaker.text == "she"


def test_new_sentence_after_a_full_stop_is_not_the_quote_tag(nlp: Language) -> None:
    text = "Baker said the probe is “ongoing.” He said the FBI has not commented on the scope of the probe."
    quotes = quotes_of(nlp, text)
    mixed = only(quotes, "ongoing")
    assert mixed.form == "mixed" and mixed.content.text.startswith("the probe is")
    indirect = only(quotes, "FBI has not")
    assert indirect.content.text == "the FBI has not commented on the scope of the probe"


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Otherwise, she said, countries may simply steal growth from one another.",
     "Otherwise, she said, countries may simply steal growth from one another", "said", "she"),
    ("But HarperCollins declined to renew the offer, according to a publishing executive.",
     "HarperCollins declined to renew the offer", "according to", "a publishing executive"),
    ("Clinton has also said that she supports a higher minimum wage.",
     "that she supports a higher minimum wage", "has also said", "Clinton"),
    ("Sanders has called for a ban on fracking in every state.", "a ban on fracking in every state",
     "has called for", "Sanders"),
    ("A new poll shows that Republicans are unifying at a faster pace.",
     "that Republicans are unifying at a faster pace", "shows", "A new poll"),
    # the parse hangs the that-clause on the modifier's noun; it is still the cue's content
    ("Marta Lopez said earlier on Friday during a news conference that she may wait until March to decide.",
     "that she may wait until March to decide", "said", "Marta Lopez"),
    # a speech verb conjoined to the content's clause is a cue of its own: the content ends before it
    ("Ruiz said the plan was sound and says she wrote a bill to fund it.",
     "the plan was sound", "said", "Ruiz"),
])
def test_polnear_span_conventions(nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text, content", [
    # an infinitive going straight on from the object is what the object is proposed to do
    ("Lopez defended his call to raise the state minimum wage to $18 an hour.",
     "his call to raise the state minimum wage to $18 an hour"),
    # an "as" predicate after the object is what is said of it
    ("The governor mentioned Ohio as one state where the plan could work.",
     "Ohio as one state where the plan could work"),
    # a condition opening the sentence before the speaker is part of what is said
    ("If the river keeps rising, officials say the bridge will close by Friday.",
     "If the river keeps rising, officials say the bridge will close by Friday"),
    ("Unless the council acts soon, residents said the park would be sold.",
     "Unless the council acts soon, residents said the park would be sold"),
])
def test_content_goes_on_past_what_the_parser_hung_on_the_cue(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content


def test_object_reading_of_a_belief_verb_is_not_a_quote(nlp: Language) -> None:
    assert quotes_of(nlp, "The museum will show a film about the war on Friday.") == []


def test_nested_cue_inside_reported_speech_is_one_quote(nlp: Language) -> None:
    quotes = quotes_of(nlp, "He says he wants to create an economy that works for everyone.")
    assert [q.cue.text for q in quotes if q.cue] == ["says"]


def test_pronoun_gender_is_learned_from_the_article(nlp: Language) -> None:
    text = ("Maria Zakharova wrote on her channel that the remark was rude. Anton Petrov met reporters. "
            "“We will not leave,” she said.")
    q = only(quotes_of(nlp, text), "not leave")
    assert q.speaker_ref is not None and q.speaker_ref.text == "Maria Zakharova"


@pytest.mark.parametrize("role, expected", [
    ("the head of American diplomacy", "Anthony Blinken"),
    ("the Russian diplomat", "Anatoly Antonov"),
])
def test_role_periphrasis_and_nationality(nlp: Language, role: str, expected: str) -> None:
    text = ("Russian Ambassador Anatoly Antonov and US Secretary of State Anthony Blinken spoke on Friday.\n"
            f"“Troops will stay only a few days,” {role} said.")
    q = only(quotes_of(nlp, text), "few days")
    assert q.speaker_ref is not None and q.speaker_ref.text == expected


def _q(text: str, start: int = 0) -> Quote:
    return Quote(content=Span(start, start + len(text), text))


class _FakeModel:
    """Encodes a text as a fixed vector per topic word: stands in for MiniLM in fast tests."""

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str], **_: Any) -> np.ndarray:
        self.calls += 1
        rows = [[1.0, 0.1] if "house" in t or "home" in t else [0.0, 1.0] for t in texts]
        return np.asarray(rows) / np.linalg.norm(rows, axis=1, keepdims=True)


PARAPHRASES = ("Russian troops in your house will stay for long",
               "once Russian troops arrive at a house, leaving is hard",
               "the talks on gas prices ended without a deal")


def test_embedding_similarity_groups_paraphrases_lexical_misses() -> None:
    model = _FakeModel()
    embedder = embed.SentenceEmbedder(model)
    items = [(aid, _q(t), None) for aid, t in zip("xyz", PARAPHRASES, strict=True)]
    assert len(group_quotes(items)) == 3  # lexical similarity alone keeps them apart
    groups = group_quotes(items, embedding_similarity(embedder))
    assert sorted(len(g.variants) for g in groups) == [1, 2]
    # Only the pair sharing three content stems (russi, troop, house) was encoded, not the third.
    assert "the talks on gas prices ended without a deal" not in embedder._cache
    assert 0.0 < EMBED_THRESHOLD < 1.0


def test_dossier_builder_uses_the_embedder() -> None:
    model = _FakeModel()
    builder = DossierBuilder(embedder=embed.SentenceEmbedder(model))
    texts = [f"They said {PARAPHRASES[0]}.", f"He said {PARAPHRASES[1]}."]
    arts = [Article(aid, t) for aid, t in zip("ab", texts, strict=True)]
    anns = [Annotations(a.id, quotes=(Quote(Span.of(a.text, a.text.index(p), a.text.index(p) + len(p))),))
            for a, p in zip(arts, PARAPHRASES, strict=False)]
    dossier, _ = builder.build("s", list(zip(arts, anns, strict=True)))
    assert [len(g.variants) for g in dossier.quotes] == [2]
    assert DossierBuilder().build("s", list(zip(arts, anns, strict=True)))[0].quotes != dossier.quotes


def test_missing_extra_fails_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "embedder_available", lambda: False)
    assert embed.load_embedder() is None
    with pytest.raises(MissingExtraError, match=r"pip install 'newsweave\[embeddings\]'"):
        embed.load_embedder(required=True)


@pytest.mark.skipif(not embed.embedder_available(), reason="the embeddings extra is not installed")
def test_minilm_separates_the_seed_translations_from_other_statements() -> None:
    embedder = embed.load_embedder(required=True)
    assert embedder is not None
    same = embedder.similarity(
        "when Russians are in your house, it can be difficult to get them to leave.",
        "once Russians are in your house, it's sometimes very difficult to get them to leave.")
    other = embedder.similarity(
        "when Russians are in your house, it can be difficult to get them to leave.",
        "Thousands of jihadists and marauders tried to undermine the constitutional order.")
    assert same >= EMBED_THRESHOLD > other


@pytest.mark.parametrize("text, content", [
    # a quotation that opens with a capital after ", X said," is a sentence of its own
    ("Asked about the budget, the mayor said, “We will cut nothing this year.”", "We will cut nothing this year."),
    ("When she first saw the plans in May, she said, “This is a bridge to nowhere.”",
     "This is a bridge to nowhere."),
])
def test_words_before_a_parenthetical_cue_stay_out_of_a_full_quotation(nlp: Language, text: str,
                                                                         content: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[1])
    assert q.content.text == content
    assert q.form == "direct"


@pytest.mark.parametrize("text, content", [
    ("The senator said the bill would lower prices for families, a claim that economists dispute.",
     "the bill would lower prices for families"),
    ("The mayor said the new tax would fall mostly on hotel owners, noting that tourism has doubled.",
     "the new tax would fall mostly on hotel owners"),
    ("The union said the strike would end on Friday, though members have not voted on the offer yet.",
     "the strike would end on Friday"),
])
def test_reported_content_ends_before_the_writers_aside(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content


@pytest.mark.parametrize("text, content", [
    ("Still, the council will review the plan next month, the mayor said.",
     "the council will review the plan next month"),
    ("In contrast, younger voters have moved toward the challenger, the survey found.",
     "younger voters have moved toward the challenger"),
])
def test_a_sentence_connective_is_the_writers_link(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[1])
    assert q.content.text == content


def test_a_parenthetical_cue_keeps_the_connective_in_its_content(nlp: Language) -> None:
    q = only(quotes_of(nlp, "Otherwise, she said, the town may lose the grant."), "grant")
    assert q.content.text == "Otherwise, she said, the town may lose the grant"


def test_a_second_that_clause_is_reported_too(nlp: Language) -> None:
    text = "The driver claims he was the only one fined for speeding on the road, and that his dismissal was unfair."
    q = only(quotes_of(nlp, text), "speeding")
    assert q.content.text == "he was the only one fined for speeding on the road, and that his dismissal was unfair"


def test_a_conjoined_clause_without_a_complementizer_is_the_writers(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The minister said the port was closed, and the ships waited outside."), "port")
    assert q.content.text == "the port was closed"


def test_trailing_past_participle_clause_stays_in_the_content(nlp: Language) -> None:
    text = "Ruiz said she was wasting her time on the council, distracted from the real work of helping the town."
    q = only(quotes_of(nlp, text), "wasting")
    assert q.content.text == ("she was wasting her time on the council, "
                              "distracted from the real work of helping the town")


def test_quoted_words_after_a_comma_stay_in_the_content(nlp: Language) -> None:
    text = "The minister said the plan was “a failure, a complete waste of money.”"
    q = only(quotes_of(nlp, text), "failure")
    assert q.content.text.endswith("waste of money.”")  # the quotation it opens closed


def test_passive_cue_has_no_source(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The governor is expected to sign the bill on Friday."), "sign the bill")
    assert q.speaker is None


def test_speech_verb_joined_to_a_reported_clause_shares_the_reporters_subject(nlp: Language) -> None:
    q = only(quotes_of(nlp, "Ruiz said the plan was sound and says she wrote a bill to fund it."), "fund it")
    assert q.content.text == "she wrote a bill to fund it"
    assert q.cue is not None and q.cue.text == "says"
    assert q.speaker is not None and q.speaker.text == "Ruiz"


@pytest.mark.parametrize("text, speaker", [
    ("The campaign on Monday said that the rally would go ahead as planned.", "The campaign"),
    ("Garcia herself said that the plan needed more work.", "Garcia"),
    ("The base commander, speaking publicly for the first time, said the order never came.",
     "The base commander"),
    ("Senator Ana Ruiz, who says the mayor is attacking her, said the budget was a mess.", "Senator Ana Ruiz"),
])
def test_source_leaves_out_days_reflexives_and_participles(nlp: Language, text: str, speaker: str) -> None:
    quotes = [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == "said"]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize("text, content, cue", [
    ("Many farmers see the new rule as a betrayal of rural voters.", "the new rule as a betrayal of rural voters",
     "see"),
    ("The governor dismissed the report as a partisan stunt.", "the report as a partisan stunt", "dismissed"),
    ("The mayor praised the firefighters for their quick response to the blaze.",
     "the firefighters for their quick response to the blaze", "praised"),
    ("A new survey shows the incumbent well ahead of her rival.", "the incumbent well ahead of her rival", "shows"),
])
def test_evaluation_and_evidence_cues_with_an_object(nlp: Language, text: str, content: str, cue: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize("text", [
    "They saw the film twice last summer.",
    "The gallery will show new paintings by local artists.",
])
def test_perception_and_display_readings_are_not_quotes(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize("text, content", [
    # a title's full stop does not end the sentence the quote opens in
    ('Texas Gov. Ana Ruiz would "veto any bill that raises the sales tax," her spokesman said.',
     'Texas Gov. Ana Ruiz would "veto any bill that raises the sales tax,'),
    # the quoted clause's subject before a comma and the mark belongs to the content
    ("The new ferry, built in Norway last year, “will cut the crossing time in half,” the mayor said.",
     "The new ferry, built in Norway last year, “will cut the crossing time in half,"),
    # a quote that opens right after a full stop starts a sentence: the one before stays out
    ("The mayor seemed pleased with the vote. “It will cut the crossing time in half,” she said later.",
     "It will cut the crossing time in half,"),
])
def test_mid_sentence_quote_takes_in_its_sentence_start(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), "half" if "half" in text else "veto")
    assert q.content.text == content


def test_doubled_apostrophe_quote_resumed_after_its_tag_is_one_content(nlp: Language) -> None:
    text = ("''We expected a long night,'' Ana Ruiz, the county clerk, said in a statement. "
            "''The count went faster than planned.''")
    q = only(quotes_of(nlp, text), "long night")
    assert q.content.text.startswith("We expected") and q.content.text.endswith("than planned.")
    assert len(q.pieces) == 2


def test_conjecture_verb_with_a_that_clause_is_a_cue(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The treasurer suspects that the audit will find more errors."), "audit")
    assert q.content.text == "that the audit will find more errors"
    assert q.cue is not None and q.cue.text == "suspects"


def test_memory_verb_with_an_infinitive_is_not_a_cue(nlp: Language) -> None:
    assert quotes_of(nlp, "She remembered to lock the door.") == []


@pytest.mark.parametrize("text, content", [
    # a phrase set off in the middle: both sides are the content, as one span
    ("About 10 p.m., according to a police timeline, the guards left for the compound.",
     "About 10 p.m., according to a police timeline, the guards left for the compound"),
    # a linking adverb opening the sentence stays out
    ("Nevertheless, the vote did not upset the owner, according to two people close to him.",
     "the vote did not upset the owner"),
])
def test_according_to_content(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text.lower() == "according to"


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The governor's claim that the budget is balanced was false.", "that the budget is balanced", "claim",
     "The governor's"),
    ("Allegations that the contract was rigged have spread quickly.", "that the contract was rigged",
     "Allegations", None),
    ("His attacks on the central bank have grown louder.", "the central bank", "attacks", "His"),
])
def test_nominal_cues(nlp: Language, text: str, content: str, cue: str, speaker: str | None) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue
    assert (q.speaker.text if q.speaker else None) == speaker


@pytest.mark.parametrize("text", [
    "The fact that he lost the race is clear.",
    "The idea that taxes will fall is popular.",
    "The attack on the convoy killed three soldiers.",
])
def test_nouns_without_a_source_or_outside_the_family_are_not_cues(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize("text, content", [
    # a cue set off by commas after an opening adverbial: the sentence around it is the content
    ("Sooner or later, the coach told reporters, “the young players will catch up.”",
     "Sooner or later, the coach told reporters, “the young players will catch up.”"),
    # doubled apostrophes after a parenthetical cue
    ("Even after the recount, she said, ''the result will not change.''",
     "Even after the recount, she said, ''the result will not change."),
    # unless the quotation is a capitalized sentence of its own
    ("Later that day, the coach told reporters, “The young players will catch up.”",
     "The young players will catch up."),
])
def test_cue_set_off_by_commas_inside_its_content(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), "change" if "change" in text else "catch up")
    assert q.content.text == content


def test_cue_found_where_the_lemmatizer_misses_it(nlp: Language) -> None:
    # the small model lemmatizes "hopes" as "hop"
    q = only(quotes_of(nlp, "Bivens hopes Clinton and other Democrats do not make the same mistake."), "mistake")
    assert q.cue is not None and q.cue.text == "hopes"
    assert q.content.text == "Clinton and other Democrats do not make the same mistake"


def test_heading_before_the_paragraph_is_not_the_speaker(nlp: Language) -> None:
    text = "The rally ended early.\n\n9:30 p.m.\n\nDonald Trump says he may move to the South if he loses."
    q = only(quotes_of(nlp, text), "South")
    assert q.speaker is not None and q.speaker.text == "Donald Trump"


def test_programme_name_in_the_tag_is_not_a_quote(nlp: Language) -> None:
    text = "“The plan is dead,” the senator said on “Face the Nation.” “We will start again in the fall.”"
    quotes = quotes_of(nlp, text)
    assert not any(q.content.text.startswith("Face the Nation") for q in quotes)
    q = only(quotes, "plan is dead")
    assert q.content.text.endswith("start again in the fall.")
    assert len(q.pieces) == 2


def test_title_inside_the_speaker_phrase_stays_in_it(nlp: Language) -> None:
    text = "“Costs keep rising,” said Ann Lee, author of “The Price of Care,” a history of hospitals."
    q = only(quotes_of(nlp, text), "Costs keep rising")
    assert q.speaker is not None and q.speaker.text.startswith("Ann Lee")


@pytest.mark.parametrize("text, content, cue", [
    ("The union voted against the final version of the contract.", "the final version of the contract",
     "voted against"),
    ("The mayor has called for the council to approve the budget.", "the council to approve the budget",
     "has called for"),
])
def test_two_word_cues(nlp: Language, text: str, content: str, cue: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize("text, cue, speaker", [
    ("BOSTON - Mayor Ana Ruiz tweeted that the storm had passed.", "tweeted", "Mayor Ana Ruiz"),
    ("The senator ended the speech by warning that the deficit would grow.", "warning", "The senator"),
    ("Activists backing the measure say it will pass.", "backing", "Activists"),
    ("Some 47% say the economy is improving.", "say", "Some 47%"),
    ("The well-known front-runner said that she would debate.", "said", "The well-known front-runner"),
])
def test_source_spans(nlp: Language, text: str, cue: str, speaker: str) -> None:
    quotes = [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == cue]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


def test_person_named_alone_is_a_stance_content(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The governor endorsed Ayotte on Friday."), "Ayotte")
    assert q.content.text == "Ayotte"
    assert q.speaker is not None and q.speaker.text == "The governor"


@pytest.mark.parametrize("text", ["He told him.", "The senator said so."])
def test_pronoun_alone_is_no_content(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_what_they_call_runs_from_what_to_the_name(nlp: Language) -> None:
    quotes = quotes_of(nlp, "He railed against what he calls the Washington cartel.")
    q = next(q for q in quotes if q.cue is not None and q.cue.text == "calls")
    assert q.content.text == "what he calls the Washington cartel"
    assert q.speaker is not None and q.speaker.text == "he"


@pytest.mark.parametrize("text", [
    "“We take every one of those threats seriously,” said Rita Trumka, president of the federation.",
    "''That is a battle for the ages,'' said Dana Brock, a longtime ally who heads the group Correct the Record.",
])
def test_inverted_tag_is_never_a_content(nlp: Language, text: str) -> None:
    quotes = quotes_of(nlp, text)
    assert not any(q.content.text.startswith(("Rita", "Dana")) for q in quotes)
    assert any(q.speaker is not None and q.speaker.text.startswith(("Rita", "Dana")) for q in quotes)


@pytest.mark.parametrize("text, content, cue", [
    ("The senator expressed concern that the deal would collapse.", "that the deal would collapse", "expressed"),
    ("The governor denounced the new tariffs on steel.", "the new tariffs on steel", "denounced"),
    ("Most voters favor a higher minimum wage.", "a higher minimum wage", "favor"),
])
def test_voicing_and_stance_verbs(nlp: Language, text: str, content: str, cue: str) -> None:
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].content.text == content
    assert quotes[0].cue is not None and quotes[0].cue.text == cue


@pytest.mark.parametrize("text, content, cue", [
    ("Officials have made clear they will not wait.", "they will not wait", "have made clear"),
    ("She made it clear that the plan was dead.", "that the plan was dead", "made it clear"),
    ("They made the case that taxes should fall.", "that taxes should fall", "made the case"),
])
def test_made_clear(nlp: Language, text: str, content: str, cue: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue


def test_make_without_a_clause_is_not_a_cue(nlp: Language) -> None:
    assert quotes_of(nlp, "The company made a profit last year.") == []


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The group is confident that the mayor will win.", "that the mayor will win", "is confident", "The group"),
    ("Party leaders are wary of moving too far left.", "moving too far left", "are wary of", "Party leaders"),
])
def test_attitude_adjectives(nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


def test_raising_adjective_is_not_an_attitude(nlp: Language) -> None:
    assert quotes_of(nlp, "The soup is sure to please.") == []


def test_tag_with_a_long_apposition_attributes_the_quote(nlp: Language) -> None:
    text = ("“We will not strike this winter,” Tom Hale, the president of the regional firefighters union "
            "in the state, said on Monday.")
    q = only(quotes_of(nlp, text), "strike")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.text.startswith("Tom Hale, the president")


@pytest.mark.parametrize("text, speaker", [
    ("Even the mayor said that the plan was flawed.", "the mayor"),
    ("Only 32 percent of residents say the city is safe.", "Only 32 percent of residents"),
    ("They all said that the vote was fair.", "They"),
])
def test_source_without_focus_words(nlp: Language, text: str, speaker: str) -> None:
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


def test_addressee_of_ask_is_not_a_content(nlp: Language) -> None:
    assert quotes_of(nlp, "The host asked Trump on Wednesday.") == []
    q = only(quotes_of(nlp, "The host asked Trump about the wall on Wednesday."), "wall")
    assert q.content.text == "the wall"


def test_clause_ending_in_a_colon_attributes_the_quote(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The governor resisted: “We will not raise taxes this year.”"), "taxes")
    assert q.form == "direct"
    assert q.speaker is not None and q.speaker.text == "The governor"
    assert q.cue is not None and q.cue.text == "resisted"


def test_passive_evaluation_with_as(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The mayor is widely seen as the favorite in the race."), "favorite")
    assert q.content.text == "The mayor is widely seen as the favorite in the race"
    assert q.speaker is None


def test_name_introduced_by_known_as_is_not_a_quote(nlp: Language) -> None:
    assert quotes_of(nlp, "The plan, known as Project Blue, failed.") == []


def test_participle_holding_a_quotation_ends_the_outer_content(nlp: Language) -> None:
    text = ("The mayor said she saw no reason to change the plan, telling reporters that "
            "“we keep our promises” and that the budget would hold.")
    quotes = quotes_of(nlp, text)
    outer = only(quotes, "no reason")
    assert outer.content.text == "she saw no reason to change the plan"
    assert outer.speaker is not None and outer.speaker.text == "The mayor"
    assert any("we keep our promises" in q.content.text for q in quotes if q is not outer)


@pytest.mark.parametrize("text, content, speaker", [
    ("The firm hired the workers the managers thought were the best fit.",
     "the workers the managers thought were the best fit", "the managers"),
    ("Voters named the senator who they think is the strongest candidate in the field.",
     "who they think is the strongest candidate in the field", "they"),
])
def test_cue_in_a_relative_clause_with_a_gap_reports_the_noun_phrase(
        nlp: Language, text: str, content: str, speaker: str) -> None:
    q = next(q for q in quotes_of(nlp, text) if q.speaker is not None and q.speaker.text == speaker)
    assert q.content.text == content


def test_cue_in_a_relative_clause_about_its_subject_reports_its_complement(nlp: Language) -> None:
    q = only(quotes_of(nlp, "Democrats who want to keep the White House are nervous."), "White House")
    assert q.content.text == "to keep the White House"


def test_finite_conjunct_hung_on_an_infinitive_takes_the_main_subject(nlp: Language) -> None:
    text = ("Likewise, the governor went after the mayor for following the council’s refusal to use "
            "the term and called for her to quit her job.")
    q = only(quotes_of(nlp, text), "quit her job")
    assert q.speaker is not None and q.speaker.text == "the governor"


def test_participle_after_a_reported_clause_is_the_reporters(nlp: Language) -> None:
    text = ("Even a veteran strategist said the mayor will have to choose a side, saying, "
            "“At some point, she’s going to have to come out.”")
    q = only(quotes_of(nlp, text), "come out")
    assert q.speaker is not None and q.speaker.text == "a veteran strategist"


@pytest.mark.parametrize("text, content", [
    ("The base has long been considered a top contender.", "The base has long been considered a top contender"),
    ("After the search, no documents were deemed relevant.", "no documents were deemed relevant"),
    ("Russia has long been known for engaging in such propaganda.",
     "Russia has long been known for engaging in such propaganda"),
])
def test_passive_evaluation_without_as(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.speaker is None


def test_writers_relative_with_a_passive_evaluation_is_not_a_quote(nlp: Language) -> None:
    assert quotes_of(nlp, "They fought jobs that are considered inherently governmental.") == []


@pytest.mark.parametrize("text, content", [
    ("He lost. And the first step, his allies say, will be to win back the donors.",
     "the first step, his allies say, will be to win back the donors"),
    ("He lost. So it makes sense, strategists said, for the party to move on.",
     "it makes sense, strategists said, for the party to move on"),
])
def test_content_without_a_sentence_initial_link(nlp: Language, text: str, content: str) -> None:
    assert only(quotes_of(nlp, text), content.split()[-1]).content.text == content


@pytest.mark.parametrize("text, content, cue", [
    ("The senator declined to comment on the reaction to the verdict.", "the reaction to the verdict",
     "declined to comment on"),
    ("She refused to say that the city should be the capital.", "that the city should be the capital",
     "refused to say"),
])
def test_cue_with_a_cue_infinitive_reports_its_complement(nlp: Language, text: str, content: str, cue: str) -> None:
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].content.text == content
    assert quotes[0].cue is not None and quotes[0].cue.text == cue


def test_passive_cue_with_an_infinitive_reports_its_clause(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The leaders were expected to discuss the battle against the militants."), "militants")
    assert q.content.text == "The leaders were expected to discuss the battle against the militants"


@pytest.mark.parametrize("text, speaker", [
    ("The governor in his speech said the budget would pass.", "The governor"),
    ("Another source speaking to reporters said the talks had failed.", "Another source"),
])
def test_source_without_occasion_or_participle(nlp: Language, text: str, speaker: str) -> None:
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize("text, content", [
    ("Trump complained that the contest had been rigged against him, a charge that party leaders strongly denied.",
     "that the contest had been rigged against him"),
    ("He said that Clinton was not qualified for the presidency, before reversing himself.",
     "that Clinton was not qualified for the presidency"),
])
def test_trailing_comment_of_the_writer_ends_the_content(nlp: Language, text: str, content: str) -> None:
    assert only(quotes_of(nlp, text), content.split()[-1]).content.text == content


def test_quoted_fragment_inside_a_reported_clause_is_part_of_it(nlp: Language) -> None:
    text = 'Nor, he said, did he say anything that could be "interpreted as an order" to stand down.'
    quotes = quotes_of(nlp, text)
    clause = 'Nor, he said, did he say anything that could be "interpreted as an order" to stand down'
    assert any(q.content.text == clause for q in quotes)
    assert not any(q.content.text == "interpreted as an order" for q in quotes)


def test_whether_clause_of_a_question_noun(nlp: Language) -> None:
    q = only(quotes_of(nlp, "They raised the question of whether the mayor was being managed at all."), "managed")
    assert q.content.text == "whether the mayor was being managed at all"


def test_said_yes_is_a_content(nlp: Language) -> None:
    q = only(quotes_of(nlp, "Asked whether he would run again, Smith said yes."), "yes")
    assert q.content.text == "yes"
    assert q.speaker is not None and q.speaker.text == "Smith"


# Parses as the small model gives them after a quotation: the name hangs in a clause on the left
# of "said", which is left without a subject.
@pytest.mark.parametrize("words, pos, heads, deps, speaker", [
    (["Humphrey", ",", "for", "example", ",", "said", "he", "is", "hopeful", "."],
     ["PROPN", "PUNCT", "ADP", "NOUN", "PUNCT", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
     [3, 3, 3, 5, 5, 5, 7, 5, 7, 5],
     ["nsubj", "punct", "prep", "ccomp", "punct", "ROOT", "nsubj", "ccomp", "acomp", "punct"], "Humphrey"),
    (["Jeffrey", "Salkin", ",", "a", "rabbi", ",", "said", "he", "is", "alarmed", "."],
     ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
     [1, 4, 4, 4, 6, 6, 6, 8, 6, 8, 6],
     ["compound", "nsubj", "punct", "det", "ccomp", "punct", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
     "Jeffrey Salkin , a rabbi"),
])
def test_name_opening_the_clause_when_the_parse_loses_the_subject(
        nlp: Language, words: list[str], pos: list[str], heads: list[int], deps: list[str], speaker: str) -> None:
    doc = Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps)
    said = doc[words.index("said")]
    assert " ".join(t.text for t in speaker_tokens(said, phrase_before=False)) == speaker


@pytest.mark.parametrize("text, kept", [
    ("that the vote was set for Friday, and", "that the vote was set for Friday"),
    ("new support from teachers who lost their jobs and", "new support from teachers who lost their jobs"),
    ("there may be as many as three, but", "there may be as many as three"),
    ("whether to stay or go", "whether to stay or go"),
])
def test_content_cut_before_a_conjoined_verb_drops_the_dangling_conjunction(text: str, kept: str) -> None:
    lo, hi = _trim_clause(text, 0, len(text))
    assert text[lo:hi] == kept


def test_unattributed_quotation_after_a_reported_clause_goes_on_with_it(nlp: Language) -> None:
    text = ('Ana Ruiz, a nurse from Ohio, says people should be free to choose their own doctor. '
            '"It is their health, and the state should focus on what actually matters."')
    q = only(quotes_of(nlp, text), "their own doctor")
    assert q.content.text.startswith("people should be free") and q.content.text.endswith('actually matters."')
    assert q.cue is not None and q.cue.text == "says"
    assert len([x for x in quotes_of(nlp, text) if "actually matters" in x.content.text]) == 1


def test_quote_split_by_a_tag_with_a_topic_phrase_is_one_content(nlp: Language) -> None:
    text = "“You have to be willing to listen,” she said of the new mayor, “whether you agree with people or not.”"
    q = only(quotes_of(nlp, text), "listen")
    assert q.content.text.endswith("or not.") and len(q.pieces) == 2
    assert q.speaker is not None and q.speaker.text == "she"


def test_participle_on_the_reported_main_verb_stays_in_the_content(nlp: Language) -> None:
    text = ("In the long run, several economists say, the levy could spread through the whole market, "
            "helping to keep prices from rising too fast.")
    q = only(quotes_of(nlp, text), "levy")
    assert q.content.text.endswith("helping to keep prices from rising too fast")


def test_clause_before_a_colon_the_parser_hangs_on_the_quote(nlp: Language) -> None:
    text = ("The senator has since apologized for what happened: “Yes, I should have used two accounts. "
            "Not doing so was a mistake.”")
    q = only(quotes_of(nlp, text), "two accounts")
    assert q.speaker is not None and q.speaker.text == "The senator"
    assert q.cue is not None and q.cue.text == "has since apologized"


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("The governor touted his victories in Florida and Ohio.", "his victories in Florida and Ohio", "touted"),
    ("The mayor called on the council to approve the budget.", "the council to approve the budget", "called on"),
    ("The candidate lashed out at the press.", "the press", "lashed out at"),
])
def test_promotion_appeal_and_attack_cues(nlp: Language, text: str, content: str, cue: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue


def test_inverted_tag_with_a_common_noun_names_the_speaker(nlp: Language) -> None:
    text = ("“One guy came in and said we should leave,” said the woman, who like many in the town "
            "did not want to be quoted by name.")
    q = only(quotes_of(nlp, text), "should leave")
    assert q.speaker is not None and q.speaker.text == "the woman"
    assert not any(x.content.text.startswith("the woman") for x in quotes_of(nlp, text))


def test_tag_name_the_parser_lost_is_the_speaker(nlp: Language) -> None:
    text = ("“Just saw the tweet. I'm impressed by his ability to insult every kind of human being,” "
            "screenwriter Cole Haddon wrote on Twitter.")
    q = only(quotes_of(nlp, text), "human being")
    assert q.speaker is not None and q.speaker.text in ("screenwriter Cole Haddon", "Cole Haddon")


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("The senator refuted the report on Monday.", "the report", "refuted"),
    ("The senator chastised the agency for its delays.", "the agency for its delays", "chastised"),
    ("The governor congratulated the winners of the race.", "the winners of the race", "congratulated"),
    ("The governor campaigned against the new tax.", "the new tax", "campaigned against"),
    ("He bragged about his poll numbers.", "his poll numbers", "bragged about"),
])
def test_rebuttal_rebuke_praise_and_campaign_cues(nlp: Language, text: str, content: str, cue: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue


def test_belief_noun_reports_its_that_clause(nlp: Language) -> None:
    q = only(quotes_of(nlp, "His notion that taxes will fall next year is wrong."), "taxes")
    assert q.content.text == "that taxes will fall next year"
    assert q.speaker is not None and q.speaker.text == "His"


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: \"Important distinction: "
     "our presidents kill terrorists and enemy combatants.\"", "our presidents kill", "tweeted",
     "Mitt Romney, the 2012 Republican presidential nominee"),
    ("According to the Trump campaign, “The speech will be delivered at the college on Monday night.”",
     "The speech will be delivered", "According to", "the Trump campaign"),
    ("“In writing her beautiful speech, her team of writers took notes on her life,” read the statement.",
     "her team of writers", "read", "the statement"),
])
def test_tags_the_parser_misreads(nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), content)
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("Their fear is that the party could lose the Senate.", "that the party could lose the Senate", "fear", "Their"),
    ("The idea is that donors can still give to the group.", "that donors can still give to the group", "idea",
     None),
    ("She accepted the nomination on Thursday.", "the nomination", "accepted", "She"),
    ("He persuaded the senators to back the bill.", "the senators to back the bill", "persuaded", "He"),
])
def test_copula_nouns_and_acceptance_and_persuasion_cues(nlp: Language, text: str, content: str, cue: str,
                                                         speaker: str | None) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue
    assert (q.speaker.text if q.speaker is not None else None) == speaker


@pytest.mark.parametrize(("text", "content"), [
    ("The senator blamed the violence on a disturbed person.", "the violence on a disturbed person"),
    ("Sanders named five people to the committee.", "five people to the committee"),
])
def test_stance_object_runs_through_on_and_to(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content


def test_hyphen_inside_a_word_sets_no_aside_off(nlp: Language) -> None:
    text = "Cruz will be re-evaluating how he approaches his colleagues, a source close to him said."
    q = only(quotes_of(nlp, text), "evaluating")
    assert q.content.text.endswith("re-evaluating how he approaches his colleagues")


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("The senator warned of a recession next year.", "a recession next year", "warned of"),
    ("The mayor spoke of a new era for the city.", "a new era for the city", "spoke of"),
    ("Many voters hate the new tax.", "the new tax", "hate"),
])
def test_of_cues_and_aversion_verbs(nlp: Language, text: str, content: str, cue: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("“You know, it happens, right?” Trump went on, as if he did not hear her. “But you have to get over it.”",
     "get over it", "went on", "Trump"),
    ("“Keep the carbon tax in place at the current level over the decade,” the panel recommended.",
     "carbon tax", "recommended", "the panel"),
])
def test_went_on_and_recommended_tag_a_quote(nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), content)
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


def test_went_on_a_programme_is_no_quote(nlp: Language) -> None:
    assert quotes_of(nlp, "Trump went on Fox News on Monday.") == []


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Chris Carr, the political director, released a statement confirming it will double its staff.",
     "it will double its staff", "Chris Carr, the political director"),
    ("In the 1980s, the KGB planted newspaper articles alleging that the U.S. had invented the virus.",
     "that the U.S. had invented the virus", "the KGB"),
])
def test_participle_on_an_object_speaks_for_the_subject(nlp: Language, text: str, content: str,
                                                        speaker: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


def test_expletive_it_is_no_speaker(nlp: Language) -> None:
    text = "It's easy to criticize the length of American campaigns."
    assert all(q.speaker is None for q in quotes_of(nlp, text))


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Trump has a rare chance to show that he can deliver a serious speech.", "he can deliver a serious speech",
     "Trump"),
    ("Cruz was bold enough to tout his position during a summit.", "his position", "Cruz"),
])
def test_infinitive_on_an_object_or_adjective_shares_the_subject(nlp: Language, text: str, content: str,
                                                                 speaker: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert content in q.content.text
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The move was hotly criticized by left-leaning economists.", "The move", "left-leaning economists"),
    ("Tinder's ban of Ms. Gedrich was first reported by BuzzFeed.", "Tinder's ban of Ms. Gedrich", "BuzzFeed"),
])
def test_passive_stance_with_an_agent_reports_its_subject(nlp: Language, text: str, content: str,
                                                          speaker: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


def test_passive_addressee_is_no_content(nlp: Language) -> None:
    assert all(q.content.text != "The senator" for q in quotes_of(nlp, "The senator was told by aides to stop."))


def test_tag_after_a_fragment_of_the_quoted_sentence(nlp: Language) -> None:
    text = ("\"Let me take this opportunity to thank the thousands of volunteers who worked so hard\" for the "
            "victory, Sanders said.")
    q = only(quotes_of(nlp, text), "volunteers")
    assert q.speaker is not None and q.speaker.text == "Sanders"


@pytest.mark.parametrize(("text", "start"), [
    ("Billy Bush is joining the \"Today\" show as an anchor, the network said.", "Billy Bush"),
    ("Trump's own book, \"Crippled America,\" has sold 235,000 copies, the publisher said.", "Trump's own book"),
])
def test_title_marks_before_a_clause_take_no_tag(nlp: Language, text: str, start: str) -> None:
    q = only(quotes_of(nlp, text), "sold" if "sold" in text else "anchor")
    assert q.content.text.startswith(start)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Americans overwhelmingly oppose cutting off federal funds for the group, a new poll finds.",
     "Americans overwhelmingly oppose cutting off federal funds for the group", "a new poll"),
    ("The economy will slow next year, most economists believe.", "The economy will slow next year",
     "most economists"),
])
def test_belief_cue_after_its_clause(nlp: Language, text: str, content: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("This view has drawn criticism from economists inside the Fed.", "This view", "economists inside the Fed"),
    ("The House bill has drawn criticism from some conservatives.", "The House bill", "some conservatives"),
])
def test_stance_drawn_from_others(nlp: Language, text: str, content: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), content.split()[-1])
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


def test_listed_as_is_an_evaluation(nlp: Language) -> None:
    q = only(quotes_of(nlp, "On its website, the FBI lists public corruption as its top criminal priority."),
             "corruption")
    assert q.content.text == "public corruption as its top criminal priority"
    assert q.speaker is not None and q.speaker.text == "the FBI"


def test_an_attribution_set_inside_a_reported_clause_splits_it_into_pieces(nlp: Language) -> None:
    q = only(quotes_of(nlp, "Otherwise, she said, countries may leave the union."), "union")
    assert q.content.text == "Otherwise, she said, countries may leave the union"  # PolNeAR's span
    assert [p.text for p in q.pieces] == ["Otherwise", "countries may leave the union"]
    assert q.words == "Otherwise … countries may leave the union"
    plain = only(quotes_of(nlp, "Prices rose 5 percent in March, the agency said."), "Prices")
    assert plain.pieces == ()


def test_participle_on_a_reported_clause_before_its_tag_stays_and_a_dateline_is_cut(nlp: Language) -> None:
    text = ("Wildfire near Athens\n\nATHENS, Aug 10 (Wire) - A wildfire tore through villages north of Athens on "
            "Monday, forcing thousands of residents to flee and burning 4,000 hectares, the fire brigade said.")
    q = only(quotes_of(nlp, text), "wildfire tore")
    assert q.content.text.startswith("A wildfire") and q.content.text.endswith("burning 4,000 hectares")


def test_an_organization_named_by_its_kind_is_its_name(nlp: Language) -> None:
    text = "The fire has burned about 10,000 hectares, according to the EU's Copernicus emergency service."
    q = only(quotes_of(nlp, text), "10,000 hectares")
    assert q.speaker_ref is not None and q.speaker_ref.text == "Copernicus"


def test_a_headline_noun_before_a_colon_is_no_content(nlp: Language) -> None:
    text = "Aktau crash: survivors describe explosions before plane came down\n\nBy Leyla Mammadova"
    assert not [q for q in quotes_of(nlp, text) if q.content.text == "Aktau crash"]


def test_a_colon_a_line_above_introduces_the_quotation(nlp: Language) -> None:
    text = 'Trump responded.\n\nHe said:\n\n"We have a situation where our cities are in trouble. We must stop it."'
    q = only(quotes_of(nlp, text), "We have a situation")
    assert q.speaker is not None and q.speaker.text == "He"


def test_a_mixed_content_closes_the_quotation_it_opens(nlp: Language) -> None:
    text = 'Its personnel chief, Anja Lorenz, called the strike "completely excessive" and urged talks.'
    q = only(quotes_of(nlp, text), "completely excessive")
    assert q.content.text == 'the strike "completely excessive"'


def test_a_negated_speech_verb_conjoined_to_the_content_is_the_writers(nlp: Language) -> None:
    text = ("Transport Minister Rashad Nabiyev said the aircraft had been hit while approaching Grozny, "
            "but did not say by what.")
    q = only(quotes_of(nlp, text), "aircraft")
    assert q.content.text == "the aircraft had been hit while approaching Grozny"
