"""Quotes that no quote marks or cue verb announce: pull quotes closed by a speaker caption ("... leave.
Anthony Blinken US Secretary") and statements under a name and a colon ("Lynch: No outside influence
on FBI probe"). ``quotes.extract_quotes`` turns what these find into quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newsweave.annotate.nlp import doc_text, tokens_between
from newsweave.annotate.quote_marks import paragraphs, trim_span
from newsweave.annotate.speakers import ORG_WORDS, ROLE_WORDS
from newsweave.model import Mention

__all__ = ["HEADLINE_SPEAKER_WORDS", "caption_name", "card_drafts", "headline_drafts"]


def card_drafts(doc: Doc, mentions: Sequence[Mention]) -> list[tuple[int, int, Mention]]:
    """Pull quotes: a paragraph ending in a speaker caption ("... leave. Anthony Blinken US Secretary")."""
    text, out = doc_text(doc), []
    for p_start, p_end in paragraphs(text):
        para = text[p_start:p_end]
        if para.rstrip()[-1:] in ".!?”\"…:" or len(para.split()) < 8:
            continue
        cands = [m for m in mentions if p_start < m.start < p_end and _caption_person(text, m, p_end)]
        for m in cands:
            caption = text[m.start:p_end]
            before = text[p_start:m.start].rstrip()
            if len(before.split()) < 6 or len(caption.split()) > 16:
                continue
            cap_toks = tokens_between(doc, m.end, p_end)
            if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in cap_toks):
                continue
            tail = text[m.end:p_end]
            if tail and not (tail[0].isupper() or tail[0] == " "):
                continue
            out.append((p_start, m.start, m))
            break
    return out


# A headline or paragraph that opens with a name and a colon: "Elizabeth Warren: Donald Trump Is a
# 'Proven Failure' in Business.", "Lynch: No outside influence on FBI probe". The name is at most
# this many words, all proper nouns (or titles such as "Dr." and "Sen."), none of them a place
# ("WASHINGTON:" is a dateline) or a date; rubrics ("UPDATE:", "Poll:") are not proper nouns.
HEADLINE_SPEAKER_WORDS = 5
_HEADLINE_COLON = re.compile(r"([^\n:]{2,60}?):[ \t]+(?=\S)")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_NOT_SPEAKERS = (*_PLACE_LABELS, "DATE", "TIME")
_NAME_TITLES = frozenset({"dr", "sen", "rep", "gov", "mr", "mrs", "ms", "gen"})
_RUBRICS = frozenset({"correction", "corrections", "update", "updated", "breaking", "exclusive", "bombshell",
                      "watch", "analysis", "opinion", "editorial", "note", "review", "video", "live", "poll",
                      "report", "photos", "listen", "read", "related", "source", "sources", "warning"})


# A statement that names its own source after a comma: ", her lawyer said", ", police said on Tuesday".
_OWN_ATTRIBUTION = re.compile(r",\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|told|added|stated)\b")


def headline_drafts(doc: Doc) -> list[tuple[int, int, int, tuple[int, int]]]:
    """Statements a paragraph opens with under a name and a colon: (colon offset, content start,
    content end, the name's offsets); the content runs to the end of the colon's sentence."""
    text, out = doc_text(doc), []
    named = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
    # names NER calls a place somewhere in the article: "Kireru: missing fall by a third ..." is a headline's
    # place (a made-up dam story), whatever NER calls it there
    places = {e.text.lower() for e in doc.ents if e.label_ in _PLACE_LABELS}
    for p_start, p_end in paragraphs(text):
        m = _HEADLINE_COLON.match(text, p_start, p_end)
        if m is None or len(m.group(1).split()) > HEADLINE_SPEAKER_WORDS:
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if name is None or not len(name):
            continue
        words = [t for t in name if not t.is_punct]
        if not words or any(t.ent_type_ in _NOT_SPEAKERS for t in name) or not all(
                (t.text[:1].isupper() and (t.pos_ == "PROPN" or t.text in named))
                or t.lower_.rstrip(".") in _NAME_TITLES or t.tag_ == "POS" for t in words):
            continue  # a name the tagger missed counts when the article names it elsewhere
        if len(words) == 1 and words[0].lower_ in _RUBRICS:
            continue  # "Correction:", "UPDATE:"; a transcript's "PENCE:" is a speaker
        if name.text.lower() in places:
            continue
        if len(words) > 1 and not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in words):
            continue  # a title-case headline: "Stealth Over Health: ..."
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        hi = min(first[0].sent.end_char, p_end)
        lo, hi = trim_span(text, m.end(), hi)
        if _OWN_ATTRIBUTION.search(text, lo, hi) is not None:
            continue  # "WARSAW: The runner will appeal, her lawyer said": a dateline; the lawyer is the source
        if len(text[lo:hi].split()) >= 3:
            out.append((m.end(1), lo, hi, (name.start_char, name.end_char)))
    return out


_CAPTION_TITLES = ROLE_WORDS | {"official", "us", "united", "former", "head", "chief", "press"}


def _caption_person(text: str, m: Mention, p_end: int) -> bool:
    """Whether a mention can head a caption: a PERSON, or a name the small NER model mislabels
    (it tags Kassym-Jomart Tokayev and Anatoly Antonov ORG) followed by a role title within three
    words ("... Tokayev President of Kazakhstan", "... Antonov Russian Ambassador to Washington")."""
    if m.label == "PERSON":
        return True
    words = m.text.split()
    if m.label not in ("ORG", "GPE", "NORP") or not 2 <= len(words) <= 3:
        return False
    if any(w.lower() in ORG_WORDS for w in words) or not all(w[:1].isupper() for w in words):
        return False
    tail = [w.strip(",.").lower() for w in text[m.end:p_end].split()[:3]]
    return any(w in ROLE_WORDS for w in tail)


def caption_name(text: str, m: Mention) -> Mention:
    """The name of a caption mention that NER ran into the title.

    'Maria ZakharovaOfficial' (printed without a space) -> 'Maria Zakharova';
    'Maria Petrova Official' -> 'Maria Petrova'.
    """
    end = m.start + len(m.text)
    glued = re.search(r"[a-z][A-Z][a-z]+$", m.text)
    if glued:
        end = m.start + glued.start() + 1
    words = text[m.start:end].split()
    while len(words) > 2 and words[-1].lower() in _CAPTION_TITLES:
        words.pop()
        end = text.rfind(words[-1], m.start, end) + len(words[-1])
    return Mention(m.start, end, text[m.start:end], m.label, m.entity)
