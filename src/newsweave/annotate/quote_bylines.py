"""Quotations signed by a caption instead of a cue verb: the speaker's name printed right after the
closing mark behind a dash ("“…” ― Ana Ruiz", as vox pops and epigraphs print them), or on the
line under the quotation, inside its marks ("“…\\nDean Baker, Center for Economic Research.”", as
lists of expert comments print them). PARC-style annotation (PolNeAR) takes the caption as the
source; the dash, when there is one, is the cue.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsweave.annotate.nlp import tokens_between
from newsweave.annotate.quote_marks import QuotedRegion

__all__ = ["CAPTION_MAX_WORDS", "caption_after"]


# The longest caption taken for a speaker: a name with a title and an affiliation ("Dean Baker,
# Center for Economic and Policy Research" has 8 words). Set by hand; longer lines are sentences.
CAPTION_MAX_WORDS = 10
# Closing marks, a dash, then the caption, up to the end of the line.
_DASH_CAPTION = re.compile(r"[”\"'’»]*[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*([^\n]+)")
# A single line break, the caption, then the quotation's closing mark ending the line. The caption
# is bounded (a line of CAPTION_MAX_WORDS words is far shorter): the lazy scan is quadratic in a
# long line of spaces or marks.
_LINE_CAPTION = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*([^\n]{1,200}?)[.,]?[ \t\u00a0]*[”\"'’»]+[ \t\u00a0]*(?=\n|$)")


def caption_after(doc: Doc, text: str, region: QuotedRegion) -> tuple[Token | None, list[Token]] | None:
    """The caption that signs a quotation, as (the dash before it or None, the caption's tokens).

    Args:
        doc: the parsed article.
        text: its text.
        region: a quoted region that no cue verb attributes.

    Returns:
        None when no caption follows the quotation: the line after it is not a short name (a
        capitalized phrase with a proper noun and no verb), or a sentence goes on after the mark.
    """
    dash = _DASH_CAPTION.match(text, region.end)
    if dash is not None:
        toks = _caption_tokens(doc, dash.start(2), dash.end(2))
        marks = tokens_between(doc, dash.start(1), dash.end(1))
        return (marks[0], toks) if toks and marks else None
    line = _LINE_CAPTION.match(text, region.end)
    if line is not None:
        toks = _caption_tokens(doc, line.start(1), line.end(1))
        return (None, toks) if toks else None
    return None


def _caption_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    toks = [t for t in tokens_between(doc, start, end) if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    words = [t for t in toks if not t.is_punct]
    if not words or len(words) > CAPTION_MAX_WORDS or not words[0].text[:1].isupper():
        return []
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in words):
        return []
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "acl") for t in words):
        return []  # "— and then he left the stage": a sentence, not a caption
    return toks
