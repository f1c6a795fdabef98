"""Quote groups never join the statements of two different speakers."""

from __future__ import annotations

from newsweave.dossier.quote_groups import group_quotes, lexical_similarity, statement_units
from newsweave.model import Quote, Span


def _quote(text: str) -> Quote:
    return Quote(Span(0, len(text), text))


def test_an_unknown_speaker_does_not_bridge_two_known_ones() -> None:
    a = "the peacekeeping forces will stay in the republic until the situation is stable again"
    bridge = "the peacekeeping forces will stay in the republic until the situation is calm"
    b = "the peacekeeping forces will stay in the republic for a limited time only"
    items = [("a1", _quote(a), "person:x"), ("a2", _quote(bridge), None), ("a3", _quote(b), "person:y")]

    def similarity(s: str, t: str) -> float:  # a ~ bridge ~ b, but a is not like b
        return 0.0 if {s, t} == {a, b} else 1.0

    groups = group_quotes(items, similarity)
    assert sorted(len(g.variants) for g in groups) == [1, 2]
    for g in groups:
        speakers = {k for aid, _, k in items for v in g.variants if v.cite.article == aid and k is not None}
        assert len(speakers) <= 1, g


def test_quotes_of_one_speaker_and_unknown_ones_still_group() -> None:
    text = "when Russians are in your house, it can be difficult to get them to leave"
    items = [("a1", _quote(text), "person:x"), ("a2", _quote(text), None), ("a3", _quote(text), "person:x")]
    groups = group_quotes(items, lexical_similarity)
    assert len(groups) == 1 and groups[0].speaker_entity == "person:x"


def test_an_unresolved_newcomer_joins_no_known_speaker() -> None:
    claim = "it had taken 4.5 million records, including bank details, from the operator"
    denial = "no bank details had been taken from the operator's records, 4.5 million or not"
    speaker = Span(0, 35, "A group calling itself ShadowCrane")
    items = [("a1", _quote(denial), "org:telvia"), ("a2", Quote(Span(0, len(claim), claim), speaker=speaker), None)]
    assert len(group_quotes(items, lambda s, t: 1.0)) == 2
    unknown = Quote(Span(0, len(claim), claim), speaker=Span(0, 2, "he"))  # a pronoun left open may still join
    assert len(group_quotes([items[0], ("a2", unknown, None)], lambda s, t: 1.0)) == 1


def test_a_split_quote_groups_by_its_words_and_each_sentence() -> None:
    text = ('"The next two weeks are critical," said Dr. Neema Rusibamayila, the WHO representative. '
            '"If we can get clean water to these communities, we can stop this."')
    first, second = text.index("The next"), text.index("If we")
    pieces = (Span(first, first + 32, text[first:first + 32]), Span(second, len(text) - 1, text[second:-1]))
    split = Quote(Span(first, len(text) - 1, text[first:-1]), pieces=pieces)
    assert split.words == "The next two weeks are critical, … If we can get clean water to these communities, " \
                          "we can stop this."
    assert statement_units(split)[1:] == ("If we can get clean water to these communities, we can stop this.",)
    paraphrase = _quote('the outbreak could still be stopped "if clean water reaches these communities.')
    groups = group_quotes([("a1", split, "person:r"), ("a2", paraphrase, "person:r")])
    assert len(groups) == 1 and "said Dr." not in groups[0].variants[0].text
    # a short sentence is no unit of its own: "It is over." would match too much
    assert statement_units(_quote("It is over. The talks failed and nobody knows what comes next.")) == \
        ("It is over. The talks failed and nobody knows what comes next.",
         "The talks failed and nobody knows what comes next.")


def test_counted_and_bare_plural_sources_are_newcomers() -> None:
    claim = "five of the six members of the committee voted for the cut"
    known = ("a1", _quote("all six members of the committee voted for the cut"), "person:governor")
    for words in ("two people familiar with the meeting", "Officials", "several diplomats",
                  "Indian government figures", "Economists at Bank of Baroda"):  # a plural head noun
        newcomer = Quote(Span(0, len(claim), claim), speaker=Span(0, len(words), words))
        assert len(group_quotes([known, ("a2", newcomer, None)], lambda s, t: 1.0)) == 2, words
    for words in ("his lawyer", "this official", "the ministry's figures"):  # definite: may be someone known
        unknown = Quote(Span(0, len(claim), claim), speaker=Span(0, len(words), words))
        assert len(group_quotes([known, ("a2", unknown, None)], lambda s, t: 1.0)) == 1, words
