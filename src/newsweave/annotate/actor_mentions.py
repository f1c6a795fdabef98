"""Names the small NER model misses or cuts short, recovered from the part-of-speech tags.

en_core_web_sm finds most names but misses some that are not in its training data (sports teams
such as "Colts" or "Chargers", products such as "Internet Explorer") and cuts others short
("Indianapolis" GPE in "Indianapolis Colts"). ``add_missed_names`` adds, for one parsed article:

1. **extensions**: an entity directly followed by proper nouns that no entity covers grows over them
   ("Indianapolis" + "Colts" -> "Indianapolis Colts"; also a numbered nickname NER takes for a
   number: "Philadelphia" + "76ers"), and over a following "administration",
   "government", "team" or "campaign" ("Obama administration"); a place that grows becomes an
   organization (a place name followed by another name is a team, a company or a venue), and so
   does a person followed by one of those nouns;
2. **proper-noun runs** that no entity overlaps ("Colts", "Internet Explorer", "Alma-Ata" across
   the hyphen the tokenizer splits), labelled by the
   NER label the same text has elsewhere in the article, else as a place when the gazetteer knows
   it, else as an organization. A run that starts a sentence and is one word the article also
   writes in lower case is skipped ("Police said ...").

``annotate_doc`` stores these mentions (the quote stage keeps reading the NER mentions alone: the
recovered runs added false speakers on the seeds). It runs without the place gazetteer, which costs
~10 s and ~85 MB to build in every annotation process: a recovered run is labelled by the NER label
the same text has elsewhere in the article, else ORG; the actor resolution, which has the gazetteer,
still merges a place's spellings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsweave.annotate.nlp import doc_text
from newsweave.dossier.names import PERSON_TITLES, given_name_gender, has_org_word, lower_case_words, untitled_len
from newsweave.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsweave.dossier.names import PlaceGazetteer

# Proper nouns that are not actors: days, months and words the tagger often marks PROPN.
_NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp", "ltd",
})
# Nouns that make a person or place name before them an organization ("Obama administration",
# "Bush team"); ECB+ annotates these apart from the person.
_BODY_NOUNS = frozenset({"administration", "government", "team", "campaign", "camp"})
# A team nickname that starts with a number: "76ers", "49ers" (en_core_web_sm calls it a number,
# and "Philadelphia 76ers" became the city: ECB+ dev topic 5).
_NUMBERED_NICKNAME = re.compile(r"\d+ers")
# NER labels the recovered mentions may carry (others are not actors).
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def add_missed_names(doc: Doc, mentions: list[Mention],
                     gazetteer: PlaceGazetteer | None = None) -> list[Mention]:
    """The article's NER mentions, extended over adjacent proper nouns, plus proper-noun runs no
    entity covers.

    Args:
        doc: the article parsed with tagger and NER (the mentions came from ``doc.ents``).
        mentions: its NER mentions (character offsets into ``doc.text``).
        gazetteer: the place-name lookup, to label a recovered place name GPE (else ORG); pass
            the one the actor resolution uses, its table is built once per object.

    Returns:
        The mentions, some grown, and the recovered ones, in text order.
    """
    covered = {t.i for e in doc.ents if not _NUMBERED_NICKNAME.fullmatch(e.text.lower()) for t in e}
    grown = {(m.start, m.end): m for m in mentions}
    persons_at = {e.start for e in doc.ents if e.label_ == "PERSON"}
    for ent in doc.ents:
        key = (ent.start_char, ent.end_char)
        if key not in grown or ent.label_ not in _NAME_LABELS:
            continue
        start = ent.start - 1 if ent.label_ == "PERSON" and _given_name_before(doc, ent.start, covered) else ent.start
        end = ent.end
        while end < len(doc) and _name_token(doc[end]) and end not in covered:
            end += 1
        if end > ent.end and end in persons_at:  # "Civil Protection [Minister] Vasilis Kikilias"
            end = ent.start + untitled_len([t.text for t in doc[ent.start:end]], keep=len(ent))
        if end < len(doc) and doc[end].lower_ in _BODY_NOUNS and end not in covered:
            end += 1  # "the Obama administration" is not Obama
        if end > ent.end or start < ent.start:
            body = doc[end - 1].lower_ in _BODY_NOUNS
            label = "ORG" if ent.label_ in ("GPE", "LOC", "NORP") or body else ent.label_
            span = doc[start:end]
            grown[key] = Mention(span.start_char, span.end_char, span.text, label)
            covered.update(range(start, end))
    labels = {m.text: m.label for m in grown.values()}
    lowered = lower_case_words([doc_text(doc)])
    found = list(grown.values())
    for run in _proper_noun_runs(doc, covered):
        if run.start == run.sent.start and len(run) == 1 and lowered[run.text.lower()]:
            continue
        if run.end in persons_at:  # "CSTO Secretary General Stanislav Zas": a title, then the person
            end = untitled_len([t.text for t in run])
            if end == 0:
                continue
            run = run[:end]  # the office's organization is an actor: "CSTO"
        place = gazetteer.lookup(run.text) if gazetteer is not None else None
        label = labels.get(run.text) or ("GPE" if place is not None else "ORG")
        found.append(Mention(run.start_char, run.end_char, run.text, label))
    text = doc_text(doc)
    found = [m for m in found if not (m.label == "ORG" and _PORTFOLIO_AFTER.match(text, m.end)
                                      and not m.text.isupper() and not has_org_word(m.text))]
    return sorted(found, key=lambda m: (m.start, m.end))


# A portfolio written before its office is no organization: "Civil Protection Minister Vasilis
# Kikilias", "Transport Secretary", "Supreme Leader"; an acronym or an institution is one ("EU
# Ministers", "the U.S. Treasury Secretary", "Senate Majority Leader" is the Senate's: ORG_WORDS).
_PORTFOLIO_AFTER = re.compile(r"\s+(?:Minister|Secretary|Chancellor|Leader)\b")


def _given_name_before(doc: Doc, start: int, covered: set[int]) -> bool:
    """Whether the word before a person NER found is a given name it left out, glued by a space: "Héctor"
    of "Héctor Saavedra, president of ...", which NER cut to "Saavedra" (a made-up mine story)."""
    if start == 0 or start - 1 in covered:
        return False
    tok = doc[start - 1]
    return _name_token(tok) and tok.is_alpha and tok.lower_ not in PERSON_TITLES \
        and given_name_gender(tok.text) is not None


def _name_token(tok: Token) -> bool:
    if _NUMBERED_NICKNAME.fullmatch(tok.lower_):
        return True
    if tok.lower_ == "flight" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].like_num:
        return False  # "Caspian Air Flight 8243" is the airline's flight, not a name of its own
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_.rstrip(".") not in _NOT_NAMES


def _glued_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen at token ``j`` with no space on either side, between two tokens."""
    return 0 < j < len(doc) - 1 and doc[j].text == "-" and not doc[j - 1].whitespace_ \
        and not doc[j].whitespace_


def _proper_noun_runs(doc: Doc, covered: set[int]) -> list[Span]:
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        if i in covered or not _name_token(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and _name_token(doc[j]):
            j += 1
            if _glued_hyphen(doc, j) and j + 1 not in covered and _name_token(doc[j + 1]):
                j += 1  # "Alma-Ata", which the tokenizer splits at the hyphen
        runs.append(doc[i:j])
        i = j
    return runs
