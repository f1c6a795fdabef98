"""Speaker phrases: the words of a cue's sentence that name who speaks through it.

The subject of the cue verb, climbing from a subjectless cue to the clause it shares a subject with; the
object of "according to"; for a quote's tag without a subject, the noun phrase right before it; for an
inverted tag (",” said David Brock, a confidant who ..."), the name after the verb. The phrase is cleaned
of asides about the source and of quote marks; ``speakers.SpeakerResolver`` resolves it to a named mention.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsweave.annotate.reported_speech import cue_kind, cue_lemma
from newsweave.annotate.speech_cues import DIRECT_CUES, SAID_IN_NOUNS

__all__ = ["REFLEXIVES", "speaker_tokens"]


# Links a subjectless cue climbs to find the subject it shares: clauses, conjuncts, participles,
# and the object, adverb or adjective an infinitive hangs on ("Trump has a rare chance to show
# that ...", "Cruz was bold enough to tout ...", "stopped short of fully endorsing ..."). The last
# three: PolNeAR train +6 exact sources for 4 more predictions.
_CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "parataxis", "prep", "advmod", "dobj", "acomp")


def speaker_tokens(verb: Token, phrase_before: bool = True) -> list[Token]:
    """The words naming who speaks through ``verb``: its subject (or the object of "according to").

    Args:
        verb: the cue token (a speech verb, or "according").
        phrase_before: for a verb without a subject, take the noun phrase right before it (a
            quote's tag: "..., Russian Ambassador Antonov said"); off for reported speech, where
            that phrase is mostly an adverbial ("after", "by"), measured on PolNeAR train.

    Returns:
        The speaker's tokens in order, without relative clauses and edge punctuation; empty when
        the clause has no expressed subject.
    """
    if _misparsed_tag_verb(verb):
        return _clean_speaker([t for t in verb.head.subtree if t.i < verb.i])
    if _is_passive(verb):
        # "The magnate was expected to ...", "Asked about it, she said": the subject is what is
        # expected or asked, not who expects or asks; the source is the agent ("by X") or unnamed.
        # PolNeAR train: 86 of 131 passive cues have no source, and most others name the agent.
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        return _clean_speaker(list(pobj.subtree)) if pobj is not None else []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "Syrian hackers backing Assad", "the super PACs supporting him": the noun it modifies
        noun = verb.head
        maker = _object_maker(noun)
        if maker is not None:
            return maker
        return _clean_speaker([t for t in noun.subtree if t.i < verb.i])
    reporter = _reporting_verb_above(verb)
    if reporter is not None:
        verb = reporter
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and _subject_of(verb) is None:
        verb = verb.head.head  # "Ruiz said the plan was sound and says ...": the parse joins "says"
        # to the reported clause, but it shares the reporting verb's subject
    head = verb
    for _ in range(4):
        subj = _subject_of(head)
        if subj is not None and head is not verb and subj.lower_ == "it" and subj.dep_ == "nsubj" \
                and head.lemma_ == "be":
            return []  # "It's easy to criticize ...": an expletive "it" speaks for no one
        if subj is not None:
            # PolNeAR keeps relative clauses and participles in the source ("people who have
            # battled other online threats", "Paradis, who has been active ..."): +1.5 source F1
            # on train against dropping them.
            return _subject_phrase(subj)
        if head.dep_ not in _CLIMB_DEPS or head.head.i == head.i:
            break
        head = head.head
    finite = _finite_ancestor(verb) if verb.dep_ == "conj" and verb.tag_ in _FINITE else None
    if finite is not None:
        return _clean_speaker(_drop_source_asides(list(finite.subtree), finite))
    opening = _name_opening_clause(verb)
    if opening:
        return opening
    if not phrase_before:
        return []
    return _clean_speaker(_phrase_before(verb)) or _inverted_subject(verb)


def _object_maker(noun: Token) -> list[Token] | None:
    """The subject of the verb whose object a participle's noun is ("Carr released a statement
    confirming ...", "the KGB planted articles alleging ...", "Sanders has drawn crowds describing
    ..."): the one who makes, sends or draws what speaks speaks through it. None when the noun is
    no active verb's object. PolNeAR train: +3 exact sources, none lost."""
    gov = noun.head
    if noun.dep_ != "dobj" or gov.pos_ not in ("VERB", "AUX") or _is_passive(gov):
        return None
    subj = _subject_of(gov)
    if subj is None:
        return None
    return _subject_phrase(subj)


def _subject_phrase(subj: Token) -> list[Token]:
    """A subject's phrase as a speaker: its subtree without asides, trailing punctuation and
    spaces ("52%" keeps its sign), cleaned. A subject that is no name, with a name after a comma the
    parse made its conjunct, is that name: "[the reported clause], about 60 km southwest of Arequipa,
    Peru's Geophysical Institute said" (the parse's subject is "southwest")."""
    named = _name_after_comma(subj)
    if named is not None:
        subj = named
    toks = _drop_source_asides(list(subj.subtree), subj)
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text != "%" and not (
            toks[-1].text == ")" and any(t.text == "(" for t in toks)):  # "The financial prosecutor's office (PNF)"
        toks.pop()
    return _clean_speaker(toks)


def _name_after_comma(subj: Token) -> Token | None:
    """The last conjunct of ``subj``'s phrase when that phrase ends the clause before its verb, the
    conjunct follows a comma without "and"/"or", is a name (PERSON or ORG) and ``subj`` is none."""
    if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.pos_ in ("PROPN", "PRON"):
        return None
    conjs = [t for t in subj.subtree if t.dep_ == "conj" and t.ent_type_ in ("PERSON", "ORG")]
    if not conjs:
        return None
    last = conjs[-1]
    before = subj.doc[last.left_edge.i - 1] if last.left_edge.i > 0 else None
    coordinated = any(c.dep_ == "cc" for c in last.head.children)
    if before is None or before.text != "," or coordinated or last.right_edge.i + 1 != subj.head.i:
        return None
    return last


def _misparsed_tag_verb(verb: Token) -> bool:
    """Whether a past-tense speech verb the parser hung on the noun before it as a participle is
    that noun's verb (,” the nominee, Donald Trump, tweeted Sunday; Mitt Romney, the 2012
    nominee, tweeted in response: “...”): the noun heads no clause of its own before the verb (it
    is the sentence's root, or its head comes after the verb) and no agent or auxiliary makes the
    verb a passive. PolNeAR train: +2 exact sources for 3 more predictions."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or cue_lemma(verb) not in DIRECT_CUES:
        return False
    noun = verb.head
    if noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN") or any(
            c.dep_ in ("agent", "auxpass", "aux") for c in verb.children):
        return False
    return noun.dep_ == "ROOT" or noun.head.i > verb.i


def _name_opening_clause(verb: Token) -> list[Token]:
    """The name opening a speech verb's clause when the parser lost the subject in the sentence
    before (“... a solution.” Humphrey, for example, said he's hopeful ...): a run of proper nouns
    right after the clause's boundary, set off by a comma, with the verb after the asides."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return []
    k = verb.i - 1
    while k >= 0 and doc[k].text not in (".", "!", "?", ";") and doc[k].text not in _CLOSING_MARKS \
            and "\n" not in doc[k].text_with_ws:
        k -= 1
    name = []
    for t in doc[k + 1:verb.i]:
        if t.pos_ != "PROPN":
            break
        name.append(t)
    if not name or doc[name[-1].i + 1].text != "," or doc[verb.i - 1].text != ",":
        return []
    if doc[name[-1].i + 2].pos_ in ("DET", "NOUN", "ADJ", "PROPN"):
        return list(doc[name[0].i:verb.i - 1])  # with its apposition, as PolNeAR keeps it
    return name


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _reporting_verb_above(verb: Token) -> Token | None:
    """The verb reporting the clause a participle set off by a comma closes ("a strategist said
    Clinton will have to choose, saying, “...”"): the participle is the reporter's, not the
    reported subject's, though the parser hangs it inside the reported clause."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.left_edge.i == 0 or \
            doc[verb.left_edge.i - 1].text != ",":
        return None
    child = verb.head
    for anc in child.ancestors:
        if child.dep_ == "ccomp" and anc.pos_ == "VERB" and anc.i < child.i and cue_kind(anc) == "speech":
            return anc
        if child.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "aux"):
            return None
        child = anc
    return None


def _finite_ancestor(verb: Token) -> Token | None:
    """The subject of the nearest finite verb above a finite conjunct the parser hung on a
    non-finite one ("Trump went after Clinton for following Obama's refusal to use the term and
    called for her to quit": "called" is coordinated with "went", not with "use")."""
    for anc in verb.ancestors:
        if anc.tag_ in _FINITE:
            return _subject_of(anc)
    return None


def _inverted_subject(verb: Token) -> list[Token]:
    """The name after a verb that opens an inverted tag (,” said Richard Trumka, president of the
    federation.) when the parser hung it elsewhere: the rest of the clause; or the noun phrase
    after it (,” said the woman, who like many ...), up to its noun."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and verb.i > 0 and doc[verb.i - 1].is_punct and doc[verb.i + 1].pos_ == "DET":
        noun = doc[verb.i + 1].head
        if noun.pos_ == "NOUN" and noun.i > verb.i:
            return _clean_speaker(list(doc[verb.i + 1:noun.i + 1]))
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].pos_ != "PROPN" or verb.i == 0 or not doc[verb.i - 1].is_punct:
        return []
    toks = []
    for t in doc[verb.i + 1:verb.sent.end]:
        if t.text in (".", ";", "!", "?") or "\n" in t.text or t.text in _CLOSING_MARKS or t.text in _OPENING:
            break
        toks.append(t)
    return _clean_speaker(toks)


# Where something is said, which a parser may hang on the speaker ("Trump in his speech").
_OCCASIONS = SAID_IN_NOUNS | {"rally", "debate", "remarks", "hearing", "op-ed", "show", "event", "meeting"}


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})


def _drop_source_asides(toks: list[Token], head: Token) -> list[Token]:
    """A source without a participle the writer adds after a comma (", speaking publicly for the
    first time"), a reflexive ("Clinton herself") or a day ("The campaign on Monday"). Relative
    clauses and appositions stay ("Mark Dubowitz, executive director of ..."): PolNeAR train keeps
    a non-restrictive ", who ..." in the source about as often as it drops it (14 to 14), but not one
    whose verb is a cue."""
    cut = len(toks)
    doc = head.doc
    for k, t in enumerate(toks):
        if t.head.i != head.i or k == 0 or t.i < head.i:
            continue
        start = next(j for j, x in enumerate(toks) if x.i == t.left_edge.i)
        after_comma = t.left_edge.i > 0 and doc[t.left_edge.i - 1].text in (",", "—", "–")
        if after_comma and t.dep_ in ("acl", "advcl") and t.tag_ == "VBG":
            cut = min(cut, start - 1)
        elif t.dep_ == "acl" and t.tag_ == "VBG" and t.i == head.i + 1 and not any(
                c.lower_ in REFLEXIVES for c in t.children):
            # "another source speaking to Fox News", "hackers backing Assad"; not a name the source
            # goes by ("a group calling itself ShadowCrane")
            cut = min(cut, start)
        elif after_comma and t.dep_ == "relcl" and cue_kind(t) is not None:
            # "Cruz, who says Trump is attacking him, said ...": the relative clause is an
            # attribution of its own ("who" its source); PolNeAR ends the outer source before it
            # (train: 6 more exact sources; dropping every ", who ..." loses 3)
            cut = min(cut, start - 1)
        elif t.dep_ == "appos" and t.lower_ in REFLEXIVES:
            cut = min(cut, k)
        elif t.dep_ == "prep" and t.lower_ in ("on", "during") and any(
                c.ent_type_ in ("DATE", "TIME") for c in t.children):
            cut = min(cut, start)
        elif t.dep_ == "prep" and t.lower_ in ("in", "during", "at", "on") and any(
                c.dep_ == "pobj" and c.lemma_.lower() in _OCCASIONS for c in t.children):
            cut = min(cut, start)  # "Trump in his speech", "the senator at a rally"
    return toks[:cut]


def _clean_speaker(toks: list[Token]) -> list[Token]:
    """Drop edge punctuation and anything before a line break (a caption or a heading)."""
    straight = [k for k, t in enumerate(toks) if k and t.text == '"']
    paired = set(straight[len(straight) % 2:])  # marks that open and close a name inside the speaker
    breaks = [k for k, t in enumerate(toks) if "\n" in t.text_with_ws or _ends_dateline(toks, k)
              or (t.text in _CLOSING_MARKS and k not in paired and not any(o.text in _OPENING for o in toks[1:k]))]
    if breaks:
        toks = toks[breaks[-1] + 1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and not (
            toks[-1].text == ")" and any(t.text == "(" for t in toks)) and toks[-1].text != "%":
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space or (
            toks[0].lower_ in _FOCUS_WORDS and len(toks) > 1 and not toks[1].like_num)):  # "only 32 percent" stays
        toks.pop(0)
    while len(toks) > 1 and toks[-1].lower_ in ("all", "both", "alike") and toks[-1].dep_ in ("det", "appos", "advmod"):
        toks.pop()
    return toks


# Focus adverbs before a source are the writer's emphasis ("even Obama", "only a few delegates").
_FOCUS_WORDS = frozenset({"even", "only", "just", "also", "especially", "particularly"})


_CLOSING_MARKS = frozenset({"”", "\"", "''", "»"})
# A closing mark after one of these inside the speaker closes a title ("author of “Bitter Pill,”"), as a
# straight mark does after another ("Abdelghani, whom supporters nickname "the Engineer" because of ...").
_OPENING = frozenset({"“", "«", "``"})


def _ends_dateline(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k]`` is the dash after a dateline ("WASHINGTON (AP) —", "RENO, Nev. —")."""
    dash = toks[k].text in ("—", "–", "--") or (toks[k].text == "-" and k > 0 and bool(toks[k - 1].whitespace_)
                                                  and bool(toks[k].whitespace_))
    return dash and any(
        t.is_upper and len(t) >= 3 and t.is_alpha for t in toks[:k])


def _phrase_before(verb: Token) -> list[Token]:
    """The noun phrase right before a subjectless verb ("..., Russian Ambassador Antonov said")."""
    toks: list[Token] = []
    for t in reversed(verb.doc[max(0, verb.i - 10):verb.i]):
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ") or "\n" in t.text_with_ws:
            break
        toks.insert(0, t)
    return toks if any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in toks) else []


def _is_passive(verb: Token) -> bool:
    """Whether a cue verb is passive: "is expected", "was asked", a clause-initial "Asked ...", a
    participle right after the noun it describes ("gunmen believed to belong to ...", which the parse
    may take for a past tense of the clause before)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.tag_ in ("VBD", "VBN") and verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children) \
            and any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                    for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in verb.children)


def _subject_of(tok: Token) -> Token | None:
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        # a gerund the parser made of the object: "according to planning documents seen by CPA" (a made-up
        # Lagos story had given "The project" as the source)
        return next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to is not None else None
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # A heading the parser took for a second subject ("9:30 p.m.\n\nDonald Trump says"):
        # the subject in the verb's own paragraph, nearest the verb.
        doc = tok.doc
        own = [c for c in subjects if not any("\n" in t.text_with_ws
                                              for t in doc[min(c.i, tok.i):max(c.right_edge.i, tok.i)])]
        return max(own or subjects, key=lambda c: (c.i < tok.i, c.i if c.i < tok.i else -c.i))
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None
