"""Cues that are no verb: nouns of saying ("her claim that ..."), "according to X", and attitude
adjectives after a copula ("is confident that ..."), with the span each reports, drawn as PARC-style
attribution annotation (PolNeAR) draws it. The lexicons are hand-written families, not lists taken
from the corpus. Verb cues are in ``reported_speech``, the lexicons they share in ``speech_cues``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsweave.annotate.reported_speech import subtree_span
from newsweave.annotate.speakers import ORG_WORDS, ROLE_WORDS
from newsweave.annotate.speech_cues import ADJECTIVE_CUES

__all__ = ["THAT_NOUN_CUES", "according_content", "adjective_cue_content", "noun_cue_content", "one_word_content"]


# Nouns of saying and believing whose that-clause is what was said or believed ("Sanders's claim
# that he still has a path", "allegations that hackers broke in"). A general family written by
# hand, as PARC annotates nominal cues; "fact", "idea" and "news" are left out (no source).
THAT_NOUN_CUES = frozenset({
    "claim", "allegation", "assertion", "contention", "argument", "complaint", "criticism", "insistence",
    "belief", "view", "warning", "promise", "pledge", "statement", "suggestion", "accusation", "charge",
    "fear", "hope", "concern", "denial", "admission", "announcement", "prediction", "rumor", "speculation",
    "assurance", "reminder", "conviction", "message", "comment", "remark", "assessment", "conclusion",
    "finding", "estimate", "expectation", "worry", "doubt", "threat", "vow", "demand", "proposal",
    "recommendation", "insinuation", "boast", "guarantee", "acknowledgment", "acknowledgement",
    # issue 3, the family of belief and impression nouns ("the notion that", "a sense that", "the
    # agreement that"). PolNeAR train: +4 exact contents for 3 more predictions.
    "notion", "sense", "assumption", "impression", "perception", "feeling", "thought", "understanding",
    "agreement", "suspicion",
})
# Nouns that report a that-clause only as the subject of a copula ("The idea is that X", "A common
# refrain is that X"). PolNeAR train, with the nouns above in that frame: +4 exact contents for 3
# more predictions.
_COPULA_NOUNS = frozenset({"idea", "refrain", "goal"})
# Stance nouns whose prepositional object is the content when a possessor names the source ("her
# criticism of the deal", "his attacks on donors", "their support for the ban").
_STANCE_NOUN_PREPS = {
    "criticism": "of", "attack": "on", "support": "for", "opposition": "to", "praise": "for",
    "endorsement": "of", "defense": "of", "rejection": "of", "condemnation": "of", "call": "for",
    "comment": "about", "remark": "about", "question": "about", "complaint": "about", "view": "of",
}


def noun_cue_content(noun: Token) -> tuple[tuple[int, int] | None, list[Token]]:
    """What a nominal cue reports, and its source (the possessor, or nobody).

    Args:
        noun: a noun token of a parsed document.

    Returns:
        ((start, end) of the content, source tokens) for "X's claim that ..." and "her criticism
        of ..."; (None, []) for any other noun.
    """
    lemma = noun.lemma_.lower()
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = list(poss.subtree) if poss is not None else []
    if lemma in THAT_NOUN_CUES:
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is not None:
            return subtree_span([clause]), source
    if (lemma in THAT_NOUN_CUES or lemma in _COPULA_NOUNS) and noun.dep_ == "nsubj" and \
            noun.head.lemma_ == "be":
        # "Their fear is that X", "The idea is that X": the clause after the copula
        clause = next((c for c in noun.head.children if c.i > noun.head.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is not None:
            return subtree_span([clause]), source
    if lemma in _WHETHER_NOUNS:  # "the question of whether X", "doubts whether X"
        start = next((t for t in noun.subtree if t.i > noun.i and t.lower_ in ("whether", "if")
                      and t.i - noun.i <= 2 and t.dep_ == "mark"), None)
        if start is not None:
            return (start.idx, subtree_span([noun])[1]), source
    received = _received_stance(noun)
    if received is not None:
        return received
    prep = _STANCE_NOUN_PREPS.get(lemma)
    if prep is not None and poss is not None:
        p = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == prep and c.i > noun.i), None)
        pobj = next((c for c in p.children if c.dep_ in ("pobj", "pcomp")), None) if p is not None else None
        if pobj is not None:
            return subtree_span([pobj]), source
    return None, []


# Stance nouns a subject draws from others ("The bill has drawn criticism from conservatives",
# "Clinton has the support of women"), the verbs of drawing them, and the prepositions naming
# who gives them. A general family written by hand, as PARC annotates these nominal cues.
_RECEIVED_NOUNS = frozenset({"criticism", "praise", "support", "backing", "opposition", "condemnation",
                             "endorsement", "applause", "scorn", "ridicule", "rebuke"})
_RECEIVING_VERBS = frozenset({"draw", "face", "receive", "get", "win", "earn", "attract", "garner", "have"})


def _received_stance(noun: Token) -> tuple[tuple[int, int], list[Token]] | None:
    """A stance the subject receives: its subject is the content and the "from" object the source
    ("This view has drawn criticism from economists"); None for any other noun. PolNeAR train:
    +5 exact contents for 5 more predictions, +3 exact sources."""
    verb = noun.head
    if noun.lemma_.lower() not in _RECEIVED_NOUNS or noun.dep_ != "dobj" or \
            verb.lemma_.lower() not in _RECEIVING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    giver = next((g for p in (*noun.children, *verb.children) if p.dep_ == "prep" and p.i > noun.i
                  and p.lower_ in ("from", "of", "among") for g in p.children if g.dep_ == "pobj"), None)
    if subj is None or giver is None or subj.tag_ in ("WDT", "WP", "PRP"):
        return None
    return subtree_span([subj]), list(giver.subtree)


# Nouns of asking and doubting whose "whether" clause is the content ("the question of whether
# Trump was being managed at all"); the clause is reported, though often by nobody.
_WHETHER_NOUNS = frozenset({"question", "doubt", "doubts", "debate", "uncertainty"})


def one_word_content(doc: Doc, lo: int, hi: int) -> bool:
    """Whether a one-word content is still one: a name ("endorsed Ayotte") or an answer ("said
    yes"), not a pronoun or a filler ("said so", "told him")."""
    span = doc.char_span(lo, hi, alignment_mode="contract")
    if span is None or len(span) != 1:
        return False
    return span[0].ent_type_ == "PERSON" or span[0].lower_ in ("yes", "no")


def according_content(tok: Token) -> tuple[int, int] | None:
    """What "according to X" reports: its sentence around the phrase (PolNeAR draws both sides of
    a phrase set in the middle as one content: "About 10 p.m., according to a timeline, the
    contractors left"), without a leading conjunction or discourse adverb ("But", "Nevertheless",
    "Now")."""
    phrase = list(tok.subtree)
    if len(phrase) < 3:
        return None
    phrase += _apposition_after(phrase[-1])
    sent = tok.sent
    before = [t for t in sent if t.i < phrase[0].i and not t.is_punct and not t.is_space]
    after = [t for t in sent if t.i > phrase[-1].i and not t.is_punct and not t.is_space]
    doc = tok.doc
    set_off = phrase[0].i > 0 and doc[phrase[0].i - 1].text == "," and phrase[-1].i + 1 < len(doc) \
        and doc[phrase[-1].i + 1].text == ","
    side = before + after if set_off and len(before) >= 2 and len(after) >= 2 else (
        before if len(before) >= len(after) else after)
    while side and (side[0].dep_ == "cc" or side[0].lower_ in _DISCOURSE_ADVERBS):
        side = side[1:]
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1])


def _apposition_after(last: Token) -> list[Token]:
    """The apposition the parser left out of "according to X": ", the Tocantins state environmental agency," after
    "According to Naturatins" (a made-up bridge story had it in the content): a noun phrase set off by commas after
    a name, ending in a noun of an organization or an office. Not the subject after "According to police, the
    driver, a 45-year-old man, fled" nor "According to the ministry, the death toll, now 40, ...". """
    doc = last.doc
    k = last.i + 1
    if last.pos_ != "PROPN" or k + 1 >= len(doc) or doc[k].text != "," \
            or doc[k + 1].lower_ not in ("the", "a", "an", "its", "their"):
        return []
    stop = min(last.sent.end, k + 1 + _APPOSITION_TOKENS)
    end = next((j for j in range(k + 1, stop) if doc[j].text == ","), None)
    if end is None or any(t.pos_ in ("VERB", "AUX") for t in doc[k + 1:end]) \
            or doc[end - 1].lower_ not in _DESCRIBING_NOUNS:
        return []
    return list(doc[k:end + 1])


# The head nouns of an apposition that says what a source is: an organization's kind or a person's office.
_DESCRIBING_NOUNS = ORG_WORDS | ROLE_WORDS | frozenset({
    "organization", "organisation", "institute", "group", "body", "regulator", "watchdog", "firm", "company",
    "spokesman", "spokeswoman", "spokesperson", "official", "expert", "analyst", "researcher", "newspaper"})


_APPOSITION_TOKENS = 10  # the longest apposition after "according to X" that ``_apposition_after`` takes


# Sentence adverbs that link to the previous sentence and stay out of a content.
_DISCOURSE_ADVERBS = frozenset({"nevertheless", "now", "so", "still", "however", "meanwhile", "also",
                                "moreover", "furthermore", "yet", "instead", "indeed", "thus"})


# Adjectives whose infinitive is an intention ("eager to run"); "sure to please" is not a belief.
_WILLING = frozenset({"eager", "willing", "determined", "afraid", "adamant"})
_COPULAS = frozenset({"be", "remain", "seem", "appear", "sound", "become", "grow", "feel"})


def adjective_cue_content(adj: Token) -> tuple[int, int] | None:
    """What an attitude adjective after a copula reports ("is confident [that Clinton will win]",
    "are wary [of steering the party left]"), or None.

    Args:
        adj: an adjective token of a parsed document.

    Returns:
        The span of its clause, infinitive or prepositional object; None when it has none or is
        no attitude adjective predicated of a subject.
    """
    preps = ADJECTIVE_CUES.get(adj.lemma_.lower())
    if preps is None or adj.dep_ != "acomp" or adj.head.lemma_.lower() not in _COPULAS:
        return None
    clause = next((c for c in adj.children if c.i > adj.i and (
        c.dep_ == "ccomp" or (c.dep_ == "xcomp" and adj.lemma_.lower() in _WILLING))), None)
    if clause is not None:
        return subtree_span([clause])
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in preps and c.i > adj.i), None)
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    return subtree_span(objs) if objs else None
