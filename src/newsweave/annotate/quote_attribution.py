"""Who attributes a quoted region: a speech verb right after it (``,” Zas said``), one before it
that governs it or sits just before the mark (``Trump told the Post, “``), "according to X," a
name or a clause before a colon, or a caption that signs it (``“…” ― Ana Ruiz``).

:func:`attach` returns the :class:`Attribution` of one region; ``quotes`` builds the drafts of
direct and mixed quotes from it. :func:`head_lead_in` draws the content of a quote that opens
inside its cue's own complement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsweave.annotate.nlp import doc_text, first_token_from, tokens_between
from newsweave.annotate.quote_bylines import caption_after
from newsweave.annotate.quote_marks import QuotedRegion
from newsweave.annotate.reported_speech import cue_lemma, inverted_tag
from newsweave.annotate.speaker_phrases import speaker_tokens
from newsweave.annotate.speech_cues import DIRECT_CUES, OPENING_MARKS, opens_according_to

__all__ = ["ATTRIBUTION_WINDOW", "COLON_SPEAKER_WORDS", "SCARE_MAX_WORDS", "TAIL_ATTRIBUTION_WINDOW", "Attribution",
           "attach", "head_lead_in", "is_speech_verb", "tail_fragment_end"]


# A quoted region of at most this many words, attributed only by a verb before it and not ending
# in punctuation, is a scare quote ("clan", "restraint", "several days or several weeks"). Set by
# hand from the seeds' scare quotes (1-5 words); not yet swept on PolNeAR train.
SCARE_MAX_WORDS = 6
# The longest name before a colon that attributes a quote ("Dean Baker, Center for Economic
# and Policy Research: “...”" has 8); longer runs are sentences ending in a colon.
COLON_SPEAKER_WORDS = 9
# How many tokens after a closing mark (or before an opening one) the cue may sit: ",” the
# foreign ministry spokeswoman said" needs 5, Russian titles up to 9. Set by hand.
ATTRIBUTION_WINDOW = 10
# After a closing mark the tag may hold a name with a long apposition (,'' Thomas Hanify, the
# president of the Indiana state firefighters union, said); only the speaker and fillers may
# come before the cue. PolNeAR train: 20 gains 0.2 source F1 over 10, content unchanged.
TAIL_ATTRIBUTION_WINDOW = 20


def is_speech_verb(tok: Token) -> bool:
    """Whether ``tok`` can attribute a direct quote: a speech verb ("said", "told", "wrote"), or
    "went on" (“...,” Trump went on, as if he didn't hear her. PolNeAR train: +2 exact contents,
    +1 source)."""
    if tok.pos_ == "VERB" and tok.lemma_ == "go":
        return any(c.lower_ == "on" and c.dep_ in ("prt", "advmod") for c in tok.children)
    return tok.pos_ in ("VERB", "AUX") and cue_lemma(tok) in DIRECT_CUES


@dataclass(frozen=True, slots=True)
class Attribution:
    """The cue of a quote (a verb, "according", a colon, a caption's dash or line break) and the
    words naming its speaker."""

    cue: Token
    speaker: list[Token]
    side: str  # "tail": after the quote; "head": before it


def _opens_quote(tok: Token) -> bool:
    """Whether ``tok`` is, or follows, an opening quote mark (the second part of a split quote)."""
    doc = tok.doc
    return tok.text in OPENING_MARKS or (tok.i > 0 and doc[tok.i - 1].text in OPENING_MARKS)


def _attribute_tail(doc: Doc, region: QuotedRegion, stop: int) -> Attribution | None:
    """A speech verb just after the closing mark (“…,” Zas said / “…,” said Zas)."""
    toks = [t for t in tokens_between(doc, region.end, stop) if t.idx > region.end]
    window: list[Token] = []
    for t in toks[: TAIL_ATTRIBUTION_WINDOW + 1]:
        if t.text in ("“", "«", "„") or "\n" in t.text_with_ws.strip(" ") or (
                window and t.text in ".!?" and not t.text_with_ws.endswith(("”", "\""))):
            break
        window.append(t)
    first_word = next((t for t in window if t.is_alpha), None)
    if first_word is None:
        return None
    inside = tokens_between(doc, region.start, region.end)
    if inside and inside[-1].text == "." and first_word.text[:1].isupper() and first_word.pos_ != "VERB":
        return None  # “... ongoing.” He said the FBI ...: a new sentence, not this quote's tag
    for t in window:
        if is_speech_verb(t) and not inverted_tag(t) and any(
                c.dep_ == "ccomp" and c.i > t.i and not _opens_quote(c.left_edge) for c in t.children):
            return None  # the verb reports a clause of its own
        if is_speech_verb(t) or opens_according_to(t):
            att = Attribution(t, speaker_tokens(t), "tail")
            between = window[:window.index(t)]
            if _only_attribution(between, att) or (
                    region.words(doc_text(doc)) > SCARE_MAX_WORDS and _fragment_then_tag(between, att)):
                return att
            name = _bare_tag_name(between, t)
            return Attribution(t, name, "tail") if name else None
    return None


# The most words a tag's name may have when the parser lost it (,” screenwriter Cole Haddon wrote).
# PolNeAR train: 3 to 10 all score within 0.02 F1 of 6.
_TAG_NAME_WORDS = 6


def _bare_tag_name(between: list[Token], cue: Token) -> list[Token]:
    """The words between a closing mark and a subjectless cue as its speaker, when they are a
    short run with a proper noun and no punctuation (,” screenwriter Cole Haddon wrote on
    Twitter, where the parser took "screenwriter" for a verb); else empty."""
    words = [t for t in between if not (t.is_punct or t.is_space)]
    if not words or len(words) > _TAG_NAME_WORDS or words[0].pos_ == "PRON" or \
            not any(t.pos_ == "PROPN" for t in words) or \
            any(t.is_punct for t in between[between.index(words[0]):]) or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return []
    return words


# The most tokens of a fragment between a closing mark and its tag (“...” for the victory, Sanders
# said). PolNeAR train: 8 and 12 tie (+3 exact contents, +5 sources), 4 finds fewer. Only after a
# quotation longer than a scare quote: a title's marks (the ''Today'' show, “Made in the U.S.A.,”
# even if ..., say) are followed by the sentence's own words.
_TAG_FRAGMENT_WORDS = 8


def _fragment_then_tag(between: list[Token], att: Attribution) -> bool:
    """Whether the words between a closing mark and the cue are a fragment of the quoted sentence
    closed by a comma, then only the speaker and fillers (“... worked so hard” for the victory,
    Sanders said): the tag still attributes the quote."""
    comma = max((k for k, t in enumerate(between) if t.text == ","), default=None)
    if comma is None or comma == 0 or comma > _TAG_FRAGMENT_WORDS or not att.speaker or any(
            t.text in ".;:!?" or t.text in OPENING_MARKS for t in between[:comma]):
        return False
    return _only_attribution(between[comma + 1:], att)


def tail_fragment_end(doc: Doc, region: QuotedRegion, att: Attribution) -> int:
    """Where a quote ends whose sentence goes on after the closing mark before its tag (“... worked
    so hard” for the victory, Sanders said): after that fragment, which PolNeAR marks as part of
    the content (train: +4 exact contents, dev +1); ``region.end`` when the tag follows the mark."""
    if att.side != "tail":
        return region.end
    tag_start = min([att.cue.i, *(t.i for t in att.speaker)])
    between = list(doc[first_token_from(doc, region.end):tag_start])  # idx >= region.end, before the tag
    while between and between[0].text in _CLOSING:
        between = between[1:]
    if not between or between[0].is_punct or not _fragment_then_tag(between, att):
        return region.end
    comma = max(k for k, t in enumerate(between) if t.text == ",")
    last = between[comma - 1]
    return last.idx + len(last)


_CLOSING = frozenset({"”", "\"", "''", "’", "'", "»"})


def _only_attribution(between: list[Token], att: Attribution) -> bool:
    """Whether the words between a closing mark and the cue are only the speaker and fillers."""
    speaker = {t.i for t in att.speaker}
    return all(t.i in speaker or t.is_punct or t.is_space or t.dep_ in ("advmod", "aux", "neg")
               for t in between)


def _attribute_head(doc: Doc, text: str, region: QuotedRegion, start: int) -> Attribution | None:
    """A speech verb before the opening mark that governs the quote, or sits just before it."""
    return _governing_verb(doc, region) or _adjacent_head_verb(doc, text, region, start)


def _governing_verb(doc: Doc, region: QuotedRegion) -> Attribution | None:
    """The nearest speech verb above the quote in the parse, before it in the same sentence."""
    inside = tokens_between(doc, region.start, region.end)
    roots = [t for t in inside if not region.start <= t.head.idx < region.end]
    for root in roots[:3]:
        node, steps = root, 0
        while steps < 5 and node.head.i != node.i:
            steps += node.dep_ != "conj"  # a list ("Koreans, ..., Syrians and “...”") is one step
            node = node.head
            if region.start <= node.idx < region.end:
                continue
            if node.idx < region.start and is_speech_verb(node):
                return Attribution(node, speaker_tokens(node), "head")
    return None


def _adjacent_head_verb(doc: Doc, text: str, region: QuotedRegion, start: int) -> Attribution | None:
    """A speech verb a few words before the opening mark (Zas said: “…” / told the Post, “…”)."""
    toks = [t for t in tokens_between(doc, start, region.start - 1)]
    window = toks[-ATTRIBUTION_WINDOW:]
    before = text[start:region.start - 1].rstrip().rstrip("'").rstrip()  # and the first half of ''So
    if not window or not re.search(r"(?:[,:—]|\bthat|\bas saying|\w)$", before):
        return None
    for t in reversed(window):
        if t.sent.start != window[-1].sent.start:
            break
        if is_speech_verb(t):
            return Attribution(t, speaker_tokens(t), "head")
    if before.endswith(","):
        return _according_head(window)
    if not before.endswith(":"):
        return None
    return _colon_attribution(window) or _colon_clause_attribution(window[-1])


def _according_head(window: list[Token]) -> Attribution | None:
    """"According to X," right before the opening mark (According to the campaign, “...”)."""
    for t in window:
        if opens_according_to(t):
            phrase = {x.i for x in t.subtree}
            if all(x.i in phrase or x.is_punct or x.is_space for x in window if x.i > t.i):
                return Attribution(t, speaker_tokens(t), "head")
    return None


def _colon_clause_attribution(colon: Token) -> Attribution | None:
    """A clause ending in a colon before the quote, whose verb is no speech verb ("Trump issued
    the following statement: “...”", "Kasich resisted: “...”"): PolNeAR attributes the quote to
    the clause's subject through its verb.

    The clause is what stands before the colon in its paragraph, and its verb the one verb there
    that no other word of it governs: the parser often hangs such a clause on the quote's own
    verb ("Clinton has since apologized for what happened: “Yes, I should have ...”").
    """
    doc = colon.doc
    first = colon.sent.start
    for t in doc[first:colon.i]:
        if "\n" in t.text_with_ws:
            first = t.i + 1
    tops = [t for t in doc[first:colon.i] if t.head.i == t.i or not first <= t.head.i < colon.i]
    verbs = [t for t in tops if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1:
        return None
    root = verbs[0]
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    return Attribution(root, speaker_tokens(root), "head")


def _colon_attribution(window: list[Token]) -> Attribution | None:
    """A name and a colon before the quote, with no verb ("Philip Bump: “...”", "From the
    report: “...”"): PolNeAR's cue is the colon, the source the name."""
    colon = window[-1]
    name: list[Token] = []
    for t in reversed(window[:-1]):
        if t.text in ("-", "—", "–", ".", "!", "?") or "\n" in t.text_with_ws or t.pos_ in ("VERB", "AUX"):
            break
        name.insert(0, t)
    while name and (name[0].pos_ == "ADP" or name[0].is_punct):
        name = name[1:]
    if not name or len(name) > COLON_SPEAKER_WORDS or not any(t.pos_ == "PROPN" or t.lower_ == "report"
                                                               for t in name):
        return None
    return Attribution(colon, name, "head")


# Complements of a cue verb that make the words between it and an opening mark part of what is
# reported ("called it “the least bad option”", "said he rarely asks them, “except ...”").
_CLAUSE_LEAD_DEPS = ("ccomp", "xcomp")
_PHRASE_LEAD_DEPS = ("dobj", "attr", "oprd", "acomp")


def head_lead_in(doc: Doc, text: str, att: Attribution, reg: QuotedRegion) -> tuple[int, int] | None:
    """For a quote that ends its sentence and opens after its cue's complement has begun ("He
    called it “the least bad option.”", "The senator said he rarely asks surrogates, “except for
    friends.”"): the span from the complement's first word to the quote's end, which PolNeAR
    marks as one content. A bare noun phrase before a comma or a colon is the addressee or the
    topic ("told reporters, “...”"), not a lead-in."""
    cue = att.cue
    if att.side != "head" or not is_speech_verb(cue) or cue.idx >= reg.start or \
            not _ends_sentence(text, reg):
        return None
    between = list(doc[cue.i + 1:max(cue.i + 1, first_token_from(doc, reg.start - 1))])  # idx < reg.start - 1
    if not between or any("\n" in t.text_with_ws or t.sent.start != cue.sent.start or
                          (t.i != cue.i and is_speech_verb(t)) for t in between):
        return None
    lead = [c for c in cue.children if c.dep_ in _CLAUSE_LEAD_DEPS and c.i > cue.i and c.left_edge.idx < reg.start]
    if not lead:
        lead = [c for c in cue.children if c.dep_ in _PHRASE_LEAD_DEPS and cue.i < c.i and c.idx < reg.start]
        if not lead or text[:reg.start].rstrip("\"'“‘«„ ")[-1:] in ",:":
            return None
    first = min(t.left_edge for t in lead)
    if first.i <= cue.i or any(t.i in (x.i for x in att.speaker) for t in doc[first.i:first.i + 1]):
        return None
    return first.idx, reg.end


def _ends_sentence(text: str, reg: QuotedRegion) -> bool:
    """Whether the quotation closes its sentence: a full stop inside or right after the marks."""
    return text[reg.start:reg.end].rstrip()[-1:] in (".", "!", "?") or \
        bool(re.match(r"[”\"'’»]*\s*(?:[.!?]|\n|$)", text[reg.end:reg.end + 4]))


def attach(doc: Doc, text: str, region: QuotedRegion, prev_end: int, next_start: int) -> Attribution | None:
    """The attribution of a quoted region: a speech verb after it or before it, else a caption
    that signs it; None when nothing attributes it.

    Args:
        doc: the parsed article.
        text: its text.
        region: the quoted region.
        prev_end: where the region before it ends (the head attribution starts after it).
        next_start: where the next region starts (the tail attribution ends before it).
    """
    sent = doc.char_span(region.start, region.end, alignment_mode="expand")
    sent_start = sent[0].sent.start_char if sent is not None and len(sent) else prev_end
    if sent is not None and len(sent) and not text[sent_start:region.start].strip(" \n\u00a0\"“«„'‘"):
        colon_line = _introduced_by_colon(doc, sent[0].sent.start)
        sent_start = sent_start if colon_line is None else colon_line
    return _attribute_tail(doc, region, next_start) or \
        _attribute_head(doc, text, region, max(prev_end, sent_start)) or _caption_attribution(doc, text, region)


def _introduced_by_colon(doc: Doc, first: int) -> int | None:
    """Where the sentence before token ``first`` starts when it ends in a colon that introduces the
    quotation opening at ``first``, a line below ("He said:\n\n“We have a situation ...”"); else None.
    A line break ends a sentence (``nlp``), so the head attribution is looked for there."""
    k = first - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k].sent.start_char if k >= 0 and doc[k].text == ":" else None


def _caption_attribution(doc: Doc, text: str, reg: QuotedRegion) -> Attribution | None:
    """A caption that signs the quotation ("“…” ― Ana Ruiz"); its cue is the dash, or the line
    break before a caption printed on the next line (no cue word)."""
    caption = caption_after(doc, text, reg)
    if caption is None:
        return None
    dash, name = caption
    cue = dash if dash is not None else doc[name[0].i - 1]
    return Attribution(cue, name, "tail")
