"""Reported speech from the dependency parse: what a cue verb reports.

A cue is a verb ("said", "believes", "endorsed", "called for"); :func:`indirect_content` returns
the span it reports, drawn as PARC-style attribution annotation (PolNeAR) draws it (nouns,
"according to" and adjectives are in ``nominal_cues``). The span conventions measured on PolNeAR
train are stated where they are applied; the cue lexicons (hand-written families of English cue
verbs and nouns, not lists taken from the corpus) are in ``speech_cues``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsweave.annotate.speech_cues import (
    ADJECTIVE_CUES,
    ALL_CUE_LEMMAS,
    AS_CUES,
    CLAUSE_CUES,
    CUE_ADVERBS,
    DESIRE_CUES,
    EVIDENCE_CUES,
    EVIDENCE_NOUNS,
    OBJECT_CUES,
    OPENING_MARKS,
    PREP_CUES,
    REASON_PREPS,
    SAID_IN_NOUNS,
    SPEECH_VERBS,
    THAT_CLAUSE_CUES,
)
from newsweave.model import Span

__all__ = [
    "INDIRECT_MIN_WORDS", "cue_kind", "cue_lemma", "cue_span", "indirect_content", "inverted_tag", "subtree_span",
]

_CLAUSE_DEPS = ("ccomp", "xcomp")
_CORE_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "attr", "acomp")
# Fewer words than this is no content (a pronoun object, "said so"). PolNeAR train: 2-word
# contents ("said yes" is one) are rare and mostly wrong for us.
INDIRECT_MIN_WORDS = 2


def cue_lemma(tok: Token) -> str:
    """The lemma of a cue verb, mending the lemmatizer's misses on cue words ("hopes" -> "hop",
    "hoped" -> "hop"): when the lemma is in no cue lexicon, the word less its inflection is tried.

    Args:
        tok: a token of a parsed document.

    Returns:
        The lower-case lemma, or the repaired base form when only that is a known cue.
    """
    lemma = tok.lemma_.lower()
    if lemma in ALL_CUE_LEMMAS:
        return lemma
    word = tok.lower_
    for base in (word[:-1] if word.endswith("s") else "", word[:-1] if word.endswith("ed") else "",
                 word[:-3] + "e" if word.endswith("ing") else ""):
        if base in ALL_CUE_LEMMAS:
            return base
    return lemma


# Particles that make a cue verb no saying: "call in" (summon), "call off" (cancel).
_NOT_SPOKEN_PARTICLES = {"call": frozenset({"in", "off", "up", "back"})}


def cue_kind(tok: Token) -> str | None:
    """Which lexicon ``tok`` is in: "speech", "clause", "that", "object", or None."""
    lemma = cue_lemma(tok)
    if lemma in _NOT_SPOKEN_PARTICLES and any(c.dep_ == "prt" and c.lower_ in _NOT_SPOKEN_PARTICLES[lemma]
                                              for c in tok.children):
        return None  # "was called in to receive the decision", "called off the search" (made-up stories)
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in CLAUSE_CUES:
        if lemma in DESIRE_CUES and not any(c.dep_ in _CLAUSE_DEPS for c in tok.children):
            return "object"  # "Millennials prefer Sanders"
        return "clause"
    if lemma in THAT_CLAUSE_CUES:
        return "that"
    if lemma in OBJECT_CUES:
        return "object"
    return None


def subtree_span(toks: Sequence[Token]) -> tuple[int, int]:
    lo = min(t.left_edge.idx for t in toks)
    last = max((t.right_edge for t in toks), key=lambda t: t.i)
    return lo, last.idx + len(last)


def indirect_content(verb: Token) -> tuple[int, int] | None:
    """The character span a cue verb reports, from the dependency parse, or None.

    A cue whose infinitive is itself a cue ("declined to comment on X", "refused to say that X")
    reports what the infinitive reports, and the infinitive reports nothing of its own.

    Args:
        verb: a verb token of a parsed document.

    Returns:
        The span, as ``_own_content`` describes it; None when ``verb`` reports nothing.
    """
    if verb.dep_ == "xcomp" and getattr(reported_through(verb.head), "i", None) == verb.i:
        return None
    inner = reported_through(verb)
    span = _own_content(inner) if inner is not None else _own_content(verb)
    return _before_conjoined_cue(verb, span) if span is not None else None


# Subordinators of a clause that tells when or why, not what was said.
_TIME_MARKS = frozenset({"after", "before", "when", "while", "until", "once", "since", "because"})


def _time_clause(clause: Token) -> bool:
    """Whether the parser took a clause of time for the cue's complement: '"... without an answer," Zakharova had
    said the day before, hours after Estonia announced its decision' (a made-up Estonian story had given the
    time clause as what she said)."""
    return clause.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS and c.i < clause.i
                                          for c in clause.children)


def _before_conjoined_cue(verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` ended before a speech verb conjoined to its clause ("said the plan was sound and
    says she wrote a bill"): the second verb is a cue of its own with its own content, and
    PolNeAR ends the first content before the conjunction. So does a negated one, the writer's
    word on what the source left out ("said the aircraft had been hit ..., but did not say by what")."""
    doc = verb.doc
    for tok in doc.char_span(*span, alignment_mode="expand") or ():
        if tok.dep_ == "conj" and tok.head.i != verb.i and tok.head.idx >= span[0] and \
                cue_kind(tok) == "speech" and \
                (_own_content(tok) is not None or any(c.dep_ == "neg" for c in tok.children)) and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            k = tok.left_edge.i - 1
            while k > 0 and (doc[k].dep_ == "cc" or doc[k].is_punct):
                k -= 1
            return span[0], max(span[0], doc[k].idx + len(doc[k]))
    return span


def reported_through(verb: Token) -> Token | None:
    """The infinitive of a cue that is itself a cue with a content of its own ("declined [to
    comment] on the reaction", "refused [to say] that ..."), which PolNeAR joins to the cue
    ("declined to comment") and whose complement is the content; else None."""
    if cue_kind(verb) is None or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "were expected to discuss ...": a passive reports its whole clause
    inf = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and 0 < c.i - verb.i <= 3
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if inf is None or (cue_kind(inf) is None and cue_lemma(inf) not in PREP_CUES):
        return None
    return inf if _own_content(inf) is not None else None


def _clauses_before(verb: Token) -> list[Token]:
    """The clauses a cue reports before it: ccomp children left of it that hold a verb (a headline's
    "Aktau crash: survivors describe ..." hangs a noun there, which is no clause)."""
    doc = verb.doc
    return [c for c in verb.children if c.i < verb.i and c.dep_ == "ccomp"
            and any(t.pos_ in ("VERB", "AUX") for t in c.subtree)
            # a semicolon ends the clause's own sentence: "Mindoro oil slick doubles; DENR calls spill 'ecological
            # emergency'" (a made-up headline) is no saying of DENR's
            and not (c.right_edge.i + 1 < verb.i and doc[c.right_edge.i + 1].text == ";")]


def _own_content(verb: Token) -> tuple[int, int] | None:
    """The character span a cue verb reports by itself, from the dependency parse, or None.

    Args:
        verb: a verb token of a parsed document.

    Returns:
        For a cue with a clause or object after it, the span of its core complements (from the
        first to the last, leaving out time and place modifiers); for a cue with a clause before it
        ("..., Barrow told reporters"), that clause; for a parenthetical cue ("Otherwise, she
        said, countries may ..."), the whole clause around it; else None.
    """
    kind = cue_kind(verb)
    if verb.lemma_.lower() == "make":
        return _made_clear(verb)
    if kind is None and cue_lemma(verb) not in PREP_CUES and cue_lemma(verb) not in AS_CUES \
            and cue_lemma(verb) not in EVIDENCE_CUES and verb.lemma_.lower() != "know":
        return None
    prep = PREP_CUES.get(cue_lemma(verb))
    if prep is not None:
        p = next((c for c in verb.children if c.lower_ in prep and c.i > verb.i), None)
        if p is not None and cue_lemma(verb) == "call" and any(
                c.dep_ in ("dobj", "oprd") and c.i < p.i for c in verb.children):
            p = None  # "called the vote a dark day for democracy": a naming with "for" in it, not "called for"
        objs = [c for c in p.children if c.i > p.i] if p is not None else []
        if any(c.dep_ in ("pobj", "pcomp") for c in objs):
            # with what follows the object ("called for her to quit"), also when the parser hangs
            # the infinitive on the verb ("called on [Sanders] [to do the same]")
            objs += [c for c in verb.children if c.dep_ == "xcomp" and p is not None and c.i > p.i]
            return subtree_span([*objs, *_continuing_complements(verb, objs)])
        mark = _prep_as_mark(verb, prep)
        if mark is not None:  # "called for the president to resign", parsed as a clause
            return mark.doc[mark.i + 1].idx, subtree_span([mark.head])[1]
    as_phrase = _as_content(verb) or _what_they_call(verb)
    if as_phrase is not None:
        return as_phrase
    agented = _agented_passive_content(verb)
    if agented is not None:
        return agented
    if kind is None and _evidence_subject(verb):
        kind = "clause"
    if kind is None:
        return None
    if kind == "speech" and inverted_tag(verb):
        return None  # ,” said David Brock, a confidant who ...: a tag, its words are the speaker
    answer = next((c for c in verb.children if c.i == verb.i + 1 and c.dep_ == "intj"
                   and c.lower_ in ("yes", "no")), None)
    if kind == "speech" and answer is not None:
        return answer.idx, answer.idx + len(answer)  # "Smith said yes."
    right = [c for c in verb.children if c.i > verb.i and c.dep_ in _CORE_DEPS and not _time_clause(c)]
    gapped = _gapped_relative(verb, right)
    if gapped is not None:
        return gapped
    if kind == "clause" and _evidence_subject(verb) and any(c.dep_ == "dobj" for c in right):
        kind = "object"  # "Several polls show Sanders within two points": the object and what follows
        right += [c for c in verb.children if c.i > max(r.i for r in right)
                  and c.dep_ in ("prep", "advmod", "oprd", "acomp", "advcl", "npadvmod")]
    if cue_lemma(verb) in ("express", "voice", "echo", "raise", "share"):
        feeling = _that_clause_of_object(verb)
        if feeling is not None:
            return feeling  # "expressed concern that ...": the feeling's clause is the content
    if kind == "object" and any(c.dep_ == "dobj" for c in right):
        right += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS
                  and c.i > max(r.i for r in right) and not _is_time_phrase(c)]
    if kind == "that":
        right = [c for c in right if c.dep_ != "xcomp"]
        kind = "clause"
    clauses = [c for c in right if c.dep_ in _CLAUSE_DEPS]
    if not clauses and kind in ("speech", "clause"):
        stray = _stray_that_clause(verb)
        if stray is not None:
            return subtree_span([stray])
    if kind == "clause" and not clauses:
        # a belief or evidence cue after its clause and a comma ("Americans oppose the cuts, a new
        # poll finds"), as speech verbs below: PolNeAR train +2 exact contents and sources for 3
        # more predictions
        left = _clauses_before(verb)
        if left and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.doc[left[-1].right_edge.i + 1].text == ",":
            return subtree_span(left)
        return None
    if kind == "speech" and clauses and clauses[0].dep_ == "ccomp":
        right = [c for c in right if c.i >= clauses[0].i]
        lead = _parenthetical_lead(verb, clauses[0])
        if lead is not None:
            return lead.idx, subtree_span(right)[1]
        condition = _fronted_condition(verb)
        if condition is not None:
            return condition.left_edge.idx, subtree_span(right)[1]
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if kind == "clause" and clauses and subj is not None:
        return subtree_span([subj, *right])  # "The magnate was expected to cruise past ..."
    left = _clauses_before(verb)
    if kind == "speech" and left and not clauses:
        return subtree_span(left)  # "The bill will pass, Barrow told reporters."
    if not clauses and cue_lemma(verb) in ("ask", "tell") and all(
            c.dep_ == "dobj" and (c.pos_ in ("PRON", "PROPN") or c.ent_type_ == "PERSON") for c in right):
        return None  # "asked Trump on Wednesday", "told him": the addressee, not what was said
    if right and (kind != "object" or clauses or any(c.dep_ == "dobj" for c in right)):
        extra = _continuing_complements(verb, right)
        if clauses:
            extra += _conjoined_complement_clauses(verb, [*right, *extra])
        return subtree_span([*right, *extra])
    if kind != "speech":
        return None
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return _parenthetical_content(verb)
    return None


# Complementizers that open a second reported clause conjoined to the first ("and that ...").
_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})


def _conjoined_complement_clauses(verb: Token, right: Sequence[Token]) -> list[Token]:
    """The second reported clause the parser hung on the cue rather than on the first ("said he
    was punished unfairly, and that his firing was improper"): a conjunct of the cue right after
    what it reports, opened by a complementizer, with a subject of its own. The complementizer
    makes it a clause the cue reports, not the writer's next statement (", and the bill passed").
    PolNeAR train +1 exact content, none lost; dev unchanged. Empty when there is none."""
    doc = verb.doc
    last = max(r.right_edge.i for r in right)
    out = []
    for c in verb.children:
        between = doc[last + 1:c.left_edge.i]
        if c.dep_ == "conj" and c.i > last and any(t.dep_ == "cc" for t in between) and \
                all(t.dep_ == "cc" or t.text == "," for t in between) and \
                any(g.dep_ == "mark" and g.lower_ in _COMPLEMENTIZERS for g in c.children) and \
                any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            out.append(c)
            last = c.right_edge.i
    return out


def _continuing_complements(verb: Token, right: Sequence[Token]) -> list[Token]:
    """What the parser hung on the cue but goes straight on from its object, with no comma
    between: an infinitive ("urged the former secretary of state [to release the transcripts]",
    "defended his call [to raise the minimum wage]"), what the object is asked or proposed to do;
    or an "as" predicate ("mentioned New Hampshire [as one place where he could be useful]",
    "referring to the US [as the Great Satan]"), what is said of it. Both are part of the content.
    A purpose set off by a comma (", to ...") stays out, and so does an infinitive that is a cue
    of its own ("called an emergency meeting [to discuss] the test": its content is its own).
    PolNeAR train, with the adjective after "as" in ``_as_content``: +7 exact contents, +1 exact
    source; dev +3 and +2. Empty when there is none."""
    last = max(r.right_edge.i for r in right)
    return [c for c in verb.children if c.left_edge.i == last + 1 and (
        (c.dep_ == "advcl" and c.left_edge.lower_ == "to" and c.tag_ == "VB" and cue_kind(c) is None)
        or (c.dep_ == "prep" and c.lower_ == "as" and any(g.i > c.i for g in c.children)))]


# Subordinators of a condition or a time that a speaker states with the claim it frames.
_CONDITION_MARKS = frozenset({"if", "unless", "once"})


def _fronted_condition(verb: Token) -> Token | None:
    """A condition opening the sentence before the speaker and the speech verb ("If it doesn't
    slow down, forecasters say health spending will cripple the economy"), which the parser
    hangs on the speech verb: it belongs to what is said, not to the saying, so the content
    starts with it; a clause, not an idiom ("If anything, experts say ..."). PolNeAR train +2
    exact contents, dev unchanged. None when the sentence opens otherwise."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None:
        return None
    cond = next((c for c in verb.children if c.dep_ == "advcl" and c.i < subj.i
                 and c.left_edge.lower_ in _CONDITION_MARKS and c.left_edge.is_sent_start
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
    if cond is None or verb.doc[subj.left_edge.i - 1].text != ",":
        return None
    return cond


def _is_time_phrase(prep: Token) -> bool:
    """Whether a prepositional phrase only dates the act ("on Friday", "on Monday night")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


# What a statement is made in, whose clause the parse may take for the noun's own ("said in a statement
# that it was deeply saddened": "saddened" an ``acl`` of "statement"; a made-up stadium story).
_MEDIUM_NOUNS = SAID_IN_NOUNS | {"release", "message", "e-mail", "note", "video", "filing", "blog", "communique",
                                 "communiqué", "posting"}


def _stray_that_clause(verb: Token) -> Token | None:
    """The that-clause of a cue that the parse hangs on the noun of a modifier between them ("said
    on Friday during a news conference that she may wait"): a relative clause opened by "that"
    as a complementizer (dep ``mark``: a relative "that" is the clause's subject or object) with
    a subject of its own, or a clause the parse hangs on what the cue was said in (``_MEDIUM_NOUNS``).
    PolNeAR marks the clause as the cue's content."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for rel in (c for c in noun.children if c.i > noun.i and (c.dep_ == "relcl" or (
                    c.dep_ == "acl" and noun.lemma_.lower() in _MEDIUM_NOUNS))):
                first = rel.doc[rel.left_edge.i]
                if first.lower_ == "that" and first.dep_ == "mark" and \
                        any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in rel.children):
                    return rel
    return None


def _gapped_relative(verb: Token, right: Sequence[Token]) -> tuple[int, int] | None:
    """The noun phrase a cue in a relative clause reports when the noun fills a gap in what it
    reports ("the proposals she would not want to defend", "employees they thought were the best
    fit"): from the noun's first word to the clause's end, as PARC-style annotation draws "what
    he calls X". None when the noun is the cue's subject ("Democrats who want to ...") or the
    clause reports something of its own (an object: "the way they say huge turnout ...")."""
    if verb.dep_ != "relcl" or not any(c.dep_ in _CLAUSE_DEPS for c in right) or any(
            c.dep_ in ("dobj", "attr", "oprd") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ in ("WDT", "WP", "WP$") or subj.lower_ == "that" or any(
            c.tag_ == "WRB" for c in verb.children):
        return None
    noun = verb.head
    between = verb.doc[noun.i + 1:verb.i]
    if any(t.text in (":", ";", "—", "–") or (t.dep_ == "pobj" and t.tag_ in ("WDT", "WP")) for t in between):
        return None  # "a meeting in which ...", "a divide: a majority support ..."
    # "a candidate who they think is the strongest": from the relative word, as PolNeAR draws it
    rel = next((t for t in between if t.tag_ in ("WDT", "WP") or (t.lower_ == "that" and t.head.i != noun.i)), None)
    return subtree_span([rel if rel is not None else noun.left_edge, verb])


# Naming verbs of "what X calls Y", whose content PARC-style annotation draws from "what" to the
# name, the source and cue inside ("what he calls the Washington cartel").
_NAMING_CUES = frozenset({"call", "term", "dub", "label", "brand", "describe", "characterize", "deem"})


def _what_they_call(verb: Token) -> tuple[int, int] | None:
    """The span of "what X calls Y" for a naming verb whose object is "what", or None."""
    if cue_lemma(verb) not in _NAMING_CUES:
        return None
    what = next((c for c in verb.children if c.lower_ == "what" and c.i < verb.i
                 and c.dep_ in ("dobj", "nsubjpass", "nsubj")), None)
    name = [c for c in verb.children if c.i > verb.i and c.dep_ in ("oprd", "attr", "dobj", "xcomp", "ccomp")]
    if what is None or not name:
        return None
    return what.idx, subtree_span(name)[1]


def _made_clear(verb: Token) -> tuple[int, int] | None:
    """What "made (it) clear / plain / known that ..." and "made the case that ..." report: the
    clause after the adjective or the noun, however the parser attached it."""
    word = next((c for c in verb.children if c.i > verb.i and (
        c.lower_ in ("clear", "plain", "known") or (c.dep_ == "dobj" and c.lower_ == "case"))), None)
    if word is None:
        return None
    clause = next((c for c in (*word.children, *verb.children) if c.i > word.i
                   and c.dep_ in ("ccomp", "advcl", "acl") and c.pos_ in ("VERB", "AUX")), None)
    return subtree_span([clause]) if clause is not None else None


def _that_clause_of_object(verb: Token) -> tuple[int, int] | None:
    """The that-clause of a verb's object noun ("expressed concern [that the deal will fail]")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None) if obj is not None else None
    return subtree_span([clause]) if clause is not None else None


def inverted_tag(verb: Token) -> bool:
    """Whether a speech verb opens an inverted tag after a quotation (,” said Richard Trumka, ...):
    right after a closing mark and its comma, with a name right after it and no subject before,
    or a finite verb with a noun phrase after it (,” said the woman, who ...): a participle there
    reports a clause of its own (,” saying the city embodied ...)."""
    doc = verb.doc
    if verb.i < 2 or verb.i + 1 >= len(doc) or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                                                   for c in verb.children):
        return False
    nxt = doc[verb.i + 1]
    return doc[verb.i - 1].text in _CLOSING_QUOTES and (nxt.pos_ == "PROPN" or (
        verb.tag_ in ("VBD", "VBZ", "VBP") and _opens_noun_phrase(nxt)))


def _opens_noun_phrase(tok: Token) -> bool:
    """Whether ``tok`` is the determiner of a common noun after it ("the woman")."""
    return tok.pos_ == "DET" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i


_CLOSING_QUOTES = frozenset({"”", "\"", "''", "»", "’"})


def _prep_as_mark(verb: Token, prep: frozenset[str]) -> Token | None:
    """The preposition of a two-word cue right after the verb when the parser made it the marker
    of a clause ("called [for the president to resign]"), or None."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.lower_ not in prep or nxt.dep_ != "mark" or nxt.head.head.i != verb.i:
        return None
    return nxt if nxt.head.dep_ == "advcl" and nxt.i + 1 < len(verb.doc) else None


def _as_content(verb: Token) -> tuple[int, int] | None:
    """An evaluation verb's object with its "as" predicate ("see the deal as a betrayal"), or None."""
    if cue_lemma(verb) not in AS_CUES and verb.lemma_.lower() != "know":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return _passive_as_content(verb)
    as_prep = next((c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "as"
                    and c.i > obj.i), None)
    if as_prep is None or not any(c.dep_ in ("pobj", "pcomp") or (c.pos_ == "ADJ" and c.i > as_prep.i)
                                  for c in as_prep.children):
        return None  # "as a betrayal", "as saying ...", "as “all very good”" (an adjective the parser hangs on "as")
    return subtree_span([obj, as_prep])


def _passive_as_content(verb: Token) -> tuple[int, int] | None:
    """A passive evaluation with "as" ("Rubio is seen as the strongest candidate"): the subject
    through the predicate, the cue inside. A reduced relative ("a system known as SMART") is a
    name, not an evaluation."""
    as_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _PASSIVE_PREPS.get(
        verb.lemma_.lower(), ("as",)) and c.i > verb.i), None)
    if as_prep is not None and not any(c.dep_ in ("pobj", "pcomp") for c in as_prep.children):
        as_prep = None
    if as_prep is None and verb.lemma_.lower() in _PASSIVE_BARE:
        # "is nonetheless considered an effective tool", "no documents were deemed relevant"
        as_prep = next((c for c in verb.children if c.dep_ in ("oprd", "attr", "acomp") and c.i > verb.i), None)
    if as_prep is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is None or subj.tag_ in ("WDT", "WP") or subj.lower_ == "that":
        return None  # "jobs that are considered inherently governmental": the writer's relative
    return subtree_span([subj, as_prep])


def _agented_passive_content(verb: Token) -> tuple[int, int] | None:
    """A stance verb in the passive with its agent ("The move was hotly criticized by economists",
    "those views are not widely shared by conservatives"): what is criticized or shared, the
    passive subject, is the content; the agent is the source. None without an agent. PolNeAR
    train: +8 exact contents for 7 more predictions, +5 exact sources. A reduced relative ("the
    country described by the president": the noun) was tried: +2 contents for 9 predictions."""
    if cue_kind(verb) not in _AGENTED_KINDS or cue_lemma(verb) in _ADDRESSEE_CUES:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
    if subj is None or agent is None or not any(c.dep_ == "pobj" for c in agent.children):
        return None
    return subtree_span([subj])


# Stance and speech cues only: "was believed by" and the like are rare.
_AGENTED_KINDS = ("object", "speech")
# Speech verbs whose passive subject is the one addressed, not what is said ("was told by X").
_ADDRESSEE_CUES = frozenset({"tell", "ask", "urge", "assure", "call", "press", "pressure", "thank", "name"})


# Passive evaluations that need no "as" ("is considered a contender", "were deemed relevant"),
# and the prepositions other than "as" that carry one ("has long been known for X"), written
# from PolNeAR train's passive cues.
_PASSIVE_BARE = frozenset({"consider", "deem"})
_PASSIVE_PREPS = {"know": ("as", "for")}


def _evidence_subject(verb: Token) -> bool:
    """Whether a belief verb's subject is a document or measurement ("polls", "the survey")."""
    if cue_lemma(verb) not in EVIDENCE_CUES:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in EVIDENCE_NOUNS


def _parenthetical_content(verb: Token) -> tuple[int, int]:
    """What a parenthetical cue reports: the clause around it ("Otherwise, she said, countries may
    ..."), or, when a quotation opens after the cue with a capital ("When he first described the
    wall, he said, “We're going to ..."), only what follows the cue: the quotation is a sentence
    of its own and the words before the cue are the writer's. On PolNeAR train the first reading
    holds for a lower-case continuation (17 of 21), the second for a capitalized quotation (7 of 7)."""
    head, doc = verb.head, verb.doc
    while head.head.i != head.i and head.left_edge.i >= verb.left_edge.i:
        # the parser hung the cue on a clause after it that starts with the cue's own words ("The
        # doses arrived on Thursday, the ministry said, four days earlier than [planned]"): the
        # clause that holds both is what the cue reports
        head = head.head
    lo, hi = subtree_span([head])
    if head.i < verb.i:
        return lo, hi
    k = verb.i + 1  # past the cue's own phrase (", he said, “"), to the first word
    while k < len(doc) and k <= verb.right_edge.i + 1 and (doc[k].is_punct or doc[k].i in _descendants(verb)):
        k += 1
    if k < len(doc) and doc[k - 1].text in OPENING_MARKS and doc[k].text[:1].isupper():
        lo = max(lo, doc[k - 1].idx)
    return lo, hi


def _parenthetical_lead(verb: Token, clause: Token) -> Token | None:
    """The first word of a sentence whose speech cue is set off by commas after an opening
    adverbial ("Sooner or later, the governor told reporters, “it starts to pay off”"): as for a
    parenthetical cue, the content is the sentence around the cue; None for any other cue, and
    when a capitalized quotation follows (a sentence of its own)."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text != ",":
        return None
    lead = [c for c in verb.children if c.i < subj.left_edge.i and c.dep_ in ("advmod", "prep", "advcl", "npadvmod")]
    first = clause.left_edge
    while first.i < clause.i and first.is_punct:
        first = doc[first.i + 1]
    k = first.i
    while k > verb.i and doc[k - 1].text in OPENING_MARKS:
        k -= 1
    if not lead or doc[k - 1].text != ",":
        return None
    if k < first.i and first.text[:1].isupper():
        return None
    return min(lead, key=lambda c: c.left_edge.i).left_edge


def _descendants(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}



def cue_span(doc: Doc, text: str, verb: Token) -> Span:
    """The cue as PolNeAR cuts it: the verb with its auxiliaries, particles and the adverbs
    between them ("has also said", "pointed out"), and the preposition of a two-word cue
    ("called for"). +3.6 cue F1 on PolNeAR train against the bare verb with its auxiliaries."""
    if verb.pos_ == "ADJ" and verb.head.i < verb.i:  # "have been critical of": copula to adjective
        head = verb.head
        lo = min([head.i, *(c.i for c in head.children if c.dep_ in ("aux", "neg") and c.i < head.i)])
        hi = verb.i
        adj_prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1
                         and c.lower_ in ADJECTIVE_CUES.get(verb.lemma_.lower(), ())), None)
        hi = adj_prep.i if adj_prep is not None else hi
        return Span.of(text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
    inner = reported_through(verb)
    if inner is not None:  # "declined to comment on": from the cue to the infinitive's end
        return Span.of(text, _single_cue_span(doc, text, verb).start, _single_cue_span(doc, text, inner).end)
    return _single_cue_span(doc, text, verb)


def _single_cue_span(doc: Doc, text: str, verb: Token) -> Span:
    lo = hi = verb.i
    while lo > 0 and doc[lo - 1].head.i == verb.i and doc[lo - 1].dep_ in ("aux", "neg", "advmod", "auxpass") \
            and verb.i - lo < 3:
        lo -= 1
    while doc[lo].dep_ == "advmod" and lo < verb.i and not any(
            doc[k].dep_ in ("aux", "auxpass") for k in range(lo + 1, verb.i)) and doc[lo].lower_ not in CUE_ADVERBS:
        lo += 1
    for c in verb.children:
        two_word = c.dep_ == "prep" and c.lower_ in PREP_CUES.get(cue_lemma(verb), ())
        if c.i > verb.i and (c.dep_ == "prt" or two_word or (cue_lemma(verb) == "accord" and c.lower_ == "to")) \
                and c.i - hi <= 2:
            hi = c.i
    prep = PREP_CUES.get(cue_lemma(verb))
    if prep is not None and _prep_as_mark(verb, prep) is not None:
        hi = verb.i + 1
    if verb.lemma_.lower() == "make":  # "made clear", "made it clear", "made the case"
        word = next((c for c in verb.children if c.i > verb.i and c.i - verb.i <= 3 and (
            c.lower_ in ("clear", "plain", "known") or (c.dep_ == "dobj" and c.lower_ == "case"))), None)
        hi = word.i if word is not None else hi
    return Span.of(text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
