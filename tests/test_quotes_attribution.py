"""Attribution of quoted regions: quotes that open inside their cue's complement, and quotations
signed by a caption instead of a cue verb."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.annotate.quote_bylines import caption_after
from newsweave.annotate.quote_marks import find_quoted_regions
from test_quotes import only, quotes_of


@pytest.mark.parametrize("text, content, cue, speaker", [
    # the cue's object before the mark is part of what is reported
    ("The mayor called the plan “a reckless gamble with public money.”",
     "the plan “a reckless gamble with public money.”", "called", "The mayor"),
    # so is the start of its clause, also before a comma
    ("The governor said her office would review the bill, “because the numbers simply do not add up.”",
     "her office would review the bill, “because the numbers simply do not add up.”", "said", "The governor"),
    # a clause before the cue that the parser hangs on it is no lead-in
    ("Even people who backed the plan sounded unsure: The senator called it “the least costly option on the "
     "table.”", "it “the least costly option on the table.”", "called", "The senator"),
    # a quotation no verb attributes, opening inside a reported clause, ends that clause
    ("In March the union found that “most of its members would walk out on Monday if the talks with the "
     "company failed again.”",
     "that “most of its members would walk out on Monday if the talks with the company failed again.”",
     "found", "the union"),
])
def test_quote_opening_inside_its_cues_complement_is_one_mixed_content(
        nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    q = only(quotes_of(nlp, text), "“")
    assert q.form == "mixed"
    assert q.content.text == content  # with the closing mark of the quotation it opens
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


def test_addressee_before_a_comma_is_no_lead_in(nlp: Language) -> None:
    text = "He told reporters, “We will win this race in November and then we will govern well.”"
    q = only(quotes_of(nlp, text), "win this race")
    assert q.form == "direct"
    assert q.content.text == "We will win this race in November and then we will govern well."
    assert q.speaker is not None and q.speaker.text == "He"


def test_quotation_signed_after_a_dash(nlp: Language) -> None:
    text = ("Readers wrote in.\n\n“The debate changed nothing for me and I will vote the way I always have.”"
            " ― Tom Reyes\n“I was surprised by how calm both of them stayed for the whole ninety minutes.”"
            "— Anna Berg\n")
    quotes = quotes_of(nlp, text)
    first, second = only(quotes, "debate changed"), only(quotes, "surprised")
    assert first.speaker is not None and first.speaker.text == "Tom Reyes"
    assert first.cue is not None and first.cue.text == "―"
    assert second.speaker is not None and second.speaker.text == "Anna Berg"


def test_quotation_signed_on_the_line_under_it(nlp: Language) -> None:
    text = ("Economists were divided.\n\n\"The deficit will matter again once rates rise and the bills come due.\n"
            "Maria Lopez, Institute for Fiscal Studies.\"\n\nOthers disagreed.")
    q = only(quotes_of(nlp, text), "deficit")
    assert q.content.text == "The deficit will matter again once rates rise and the bills come due."
    assert q.speaker is not None and q.speaker.text == "Maria Lopez, Institute for Fiscal Studies"
    assert q.cue is None


@pytest.mark.parametrize("after", [
    " — and then the whole crowd left the hall in silence.",  # a sentence goes on after the dash
    "\n\nThe hearing resumed on Tuesday.",  # the next paragraph is no caption
])
def test_no_caption_after_the_quotation(nlp: Language, after: str) -> None:
    text = "“The hall was so loud that nobody could hear the candidates answer a single question.”" + after
    doc = nlp(text)
    region = find_quoted_regions(text)[0]
    assert caption_after(doc, text, region) is None


@pytest.mark.parametrize("text, content, cue, speaker", [
    # desire and preference verbs with a plain object are stance cues
    ("Most young voters prefer the senator from Vermont.", "the senator from Vermont", "prefer",
     "Most young voters"),
    ("The unions want a higher minimum wage for all workers.", "a higher minimum wage for all workers", "want",
     "The unions"),
    # with an infinitive they stay clause cues
    ("She wants to run for the Senate next year.", "to run for the Senate next year", "wants", "She"),
    # feelings about a cause, and uncertainty
    ("The governor was pleased with the outcome of the vote.", "the outcome of the vote", "was pleased with",
     "The governor"),
    ("Investors are nervous about the new tariffs on steel.", "the new tariffs on steel", "are nervous about",
     "Investors"),
    ("Several senators remain unsure of the nominee.", "the nominee", "remain unsure of", "Several senators"),
])
def test_desire_objects_and_attitude_adjectives(nlp: Language, text: str, content: str, cue: str,
                                                speaker: str) -> None:
    q = only(quotes_of(nlp, text), content)
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


def test_long_tag_joins_the_quotation_and_keeps_its_own_attribution(nlp: Language) -> None:
    text = ("“We will keep fighting for every single vote,” the candidate said at a rally in Ohio on Monday night, "
            "two hours after the networks declared her the winner of the primary. “And we will win in November.”")
    quotes = quotes_of(nlp, text)
    joined = only(quotes, "every single vote")
    assert joined.content.text.endswith("we will win in November.")
    assert len(joined.pieces) == 2
    assert joined.speaker is not None and joined.speaker.text == "the candidate"
    inner = next(q for q in quotes if q.form == "indirect")
    assert inner.content.text == "her the winner of the primary"
    assert inner.speaker is not None and inner.speaker.text == "the networks"


@pytest.mark.parametrize("text, content", [
    # the quoted sentence goes on after the mark, then the tag
    ("“We could not have done it without every volunteer who worked so hard” for this result, the senator said.",
     "We could not have done it without every volunteer who worked so hard” for this result"),
    # the tag right after the mark
    ("“We could not have done it without every volunteer who worked so hard,” the senator said.",
     "We could not have done it without every volunteer who worked so hard,"),
])
def test_fragment_between_mark_and_tag_is_part_of_the_content(nlp: Language, text: str, content: str) -> None:
    q = only(quotes_of(nlp, text), "volunteer")
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == "the senator"


def test_long_sentence_start_before_a_lower_case_quotation_is_part_of_it(nlp: Language) -> None:
    text = ("The mayor plans to rebuild the old harbour district within five years by fostering a climate of "
            "\"private investment and public patience,\" her spokesman said on Friday.")
    q = only(quotes_of(nlp, text), "private investment")
    assert q.content.text.startswith("The mayor plans to rebuild")
    assert q.speaker is not None and q.speaker.text == "her spokesman"


def test_first_token_from_matches_a_scan(nlp: Language) -> None:
    from newsweave.annotate.nlp import first_token_from

    doc = nlp("“We will not stop,” the minister said.  Then he left.\nNothing more.")
    for char in range(len(doc.text) + 2):
        scan = next((t.i for t in doc if t.idx >= char), len(doc))
        assert first_token_from(doc, char) == scan, char


def test_a_long_paragraph_of_quotes_gives_every_quote(nlp: Language) -> None:
    # one paragraph, no line breaks: the fragment and lead-in checks read only the text near each
    # quote (they used to rescan the paragraph per quote: 35 s for 7,500 tokens, now 0.2 s)
    one = "“We will not stop until the port is open,” the minister said on Monday, adding that Mr. Smith agreed. "
    quotes = quotes_of(nlp, one * 60)
    direct = [q for q in quotes if q.form == "direct"]
    assert len(direct) == 60
    assert all(q.speaker is not None and q.speaker.text == "the minister" for q in direct)


@pytest.mark.parametrize("text", ["The museum is open to the public.",
                                  "The offer remains open to all shareholders until May."])
def test_open_to_is_no_attitude_cue(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_it_said_is_the_organization_quoted_just_before(nlp: Language) -> None:
    text = ("The International Monetary Fund said growth would slow next year. "
            "Demand in Asia would stay strong, it said.")
    q = only(quotes_of(nlp, text), "Demand in Asia")
    assert q.speaker_ref is not None and q.speaker_ref.text == "The International Monetary Fund"


@pytest.mark.parametrize("between", [
    " The World Bank was more upbeat. ",  # another organization named since
    "\n\n",  # another paragraph
    " Analysts were surprised. Markets fell. Bonds rallied. ",  # too far back
])
def test_it_said_stays_unresolved_when_unsure(nlp: Language, between: str) -> None:
    text = ("The International Monetary Fund said growth would slow next year." + between
            + "Demand in Asia would stay strong, it said.")
    assert only(quotes_of(nlp, text), "Demand in Asia").speaker_ref is None


@pytest.mark.parametrize(("text", "content"), [
    ("The two had been seized near the town by gunmen believed to belong to a local affiliate of the group.",
     "to belong"),
    ("Police arrested a man believed to be the leader of the gang.", "to be"),
])
def test_a_participle_after_the_noun_it_describes_has_no_speaker(nlp: Language, text: str, content: str) -> None:
    # "gunmen believed to belong to ...": believed by someone unnamed, not by the sentence's subject
    assert only(quotes_of(nlp, text), content).speaker is None
