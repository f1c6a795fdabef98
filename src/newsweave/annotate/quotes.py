"""Quote extraction and attribution: who said what, in which words, with which verb.

One entry point, :func:`extract_quotes`, over a parsed spaCy ``Doc`` and its NER mentions. Four
passes, each pure over the document:

1. quote marks (:func:`find_quoted_regions`): regions between matching marks, tolerant of the
   mismatched and space-padded marks real outlets print, joined across paragraphs when a quote
   runs on (opening mark on every paragraph, closing mark only at the end);
2. direct and mixed quotes: each region is attributed by a speech verb right after it
   (``,” Zas said``) or right before it (``Trump told the Post, “``); a quote split by its own
   attribution becomes one quote with ``pieces``; short unattributed regions are scare quotes;
3. pull quotes printed without marks and followed by a caption (``... leave. Anthony Blinken US
   Secretary of State``);
4. indirect speech from the dependency parse: a speech verb with a clausal complement, or
   ``according to X``.

Speakers are resolved to a named mention of the article by :class:`SpeakerResolver`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.model import Mention, Quote, QuoteForm, Span

__all__ = ["QuotedRegion", "SpeakerResolver", "extract_quotes", "find_quoted_regions"]

# Lemmas of verbs that report speech or writing. Seeded from the most frequent PolNeAR train+dev
# cues (said, says, told, added, wrote, noted, asked, explained, ...) plus the seeds' translated
# register (stressed, emphasized, assured, specified, shared). Belief and evidence cues that
# PolNeAR also annotates (think, want, shows, found) are left out: they are not speech. Not yet
# tuned list-by-list on PolNeAR train (the later issue).
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "write", "note", "stress", "explain", "state", "announce", "report",
    "claim", "argue", "warn", "insist", "emphasize", "emphasise", "assure", "suggest", "acknowledge",
    "declare", "reply", "respond", "answer", "recall", "continue", "comment", "ask", "urge",
    "confirm", "deny", "admit", "predict", "promise", "reiterate", "specify", "tweet", "post",
    "complain", "concede", "contend", "maintain", "observe", "remark", "share", "quip", "joke",
    "testify", "mention", "allege", "charge", "counter", "vow", "boast", "lament", "caution",
    "point", "describe", "call", "agree", "assert", "yell", "shout",
})
# Verbs that only count when they govern a clause (they also have non-speech senses).
_CLAUSE_ONLY = frozenset({"continue", "point", "describe", "call", "agree", "share", "post", "add"})

_OPEN_TO_CLOSE = {"“": "”“\"", "«": "»", "„": "“”\"", "\"": "\"”", "”": "”\""}
_CLOSERS = frozenset("”\"»“")
_PUNCT_EDGES = " \t\n\u00a0\"“”«»„‘’'.,;:!?—–-"
# A quoted region of at most this many words, attributed only by a verb before it and not ending
# in punctuation, is a scare quote ("clan", "restraint", "several days or several weeks"). Set by
# hand from the seeds' scare quotes (1-5 words); not yet swept on PolNeAR train.
SCARE_MAX_WORDS = 6
# Unattributed regions at least this long are still emitted (speaker None): a quotation that
# runs on after the paragraph that attributed it. Set by hand; not yet swept on PolNeAR train.
UNATTRIBUTED_MIN_WORDS = 12
# How many tokens after a closing mark (or before an opening one) the cue may sit: ",” the
# foreign ministry spokeswoman said" needs 5, Russian titles up to 9. Set by hand.
ATTRIBUTION_WINDOW = 10


@dataclass(frozen=True, slots=True)
class QuotedRegion:
    """Text between quote marks: ``start``/``end`` exclude the marks; ``pieces`` per paragraph."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in re.finditer(r"\n\s*", text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _is_opening(text: str, i: int) -> bool:
    """Whether the mark at ``i`` can open a quote: followed by a word, not glued to a word before."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if not (nxt.isalnum() or nxt in "‘'[(….$-"):
        return False
    if ch in "«„“":
        return True
    prev = text[i - 1] if i > 0 else " "
    return not prev.isalnum() and prev not in ".,;!?"


def _scan_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Quoted stretches of one paragraph as ``(start, end, closed)``, marks excluded."""
    out: list[tuple[int, int, bool]] = []
    i, opener = start, -1
    while i < end:
        ch = text[i]
        if opener < 0:
            if ch in _OPEN_TO_CLOSE and _is_opening(text, i):
                opener = i
        elif ch in _OPEN_TO_CLOSE[text[opener]] or ch in _CLOSERS:
            if re.search(r"\w", text[opener + 1:i]):
                out.append((opener + 1, i, True))
            opener = -1
        i += 1
    if opener >= 0 and re.search(r"\w", text[opener + 1:end]):
        out.append((opener + 1, end, False))
    return out


def find_quoted_regions(text: str) -> list[QuotedRegion]:
    """Regions of ``text`` inside quote marks, in order.

    Args:
        text: the article text.

    Returns:
        One region per quotation; a quotation left open at a paragraph end continues into the
        next paragraph when that one opens with a quote mark, and ends at the paragraph end
        otherwise.
    """
    regions: list[QuotedRegion] = []
    carry: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        stretches = _scan_paragraph(text, p_start, p_end)
        if carry and not (stretches and stretches[0][0] == p_start + 1):
            regions.append(_region(carry))
            carry = []
        for s, e, closed in stretches:
            carry.append((s, e))
            if closed:
                regions.append(_region(carry))
                carry = []
    if carry:
        regions.append(_region(carry))
    return regions


def _region(pieces: list[tuple[int, int]]) -> QuotedRegion:
    return QuotedRegion(pieces[0][0], pieces[-1][1], tuple(pieces))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces; a span never ends inside leading space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _span(text: str, start: int, end: int) -> Span:
    start, end = _trim(text, start, end)
    return Span.of(text, start, end)


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if t.idx >= start and t.idx + len(t) <= end]


def _is_speech_verb(tok: Token) -> bool:
    if tok.lemma_.lower() not in SPEECH_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lemma_.lower() in _CLAUSE_ONLY:
        return any(c.dep_ in ("ccomp", "xcomp", "advcl", "parataxis") for c in tok.children) or \
            tok.dep_ in ("ROOT", "parataxis", "conj")
    return True


_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Role nouns that name a person by office, and the title words they may stand for. Written from
# the seeds' and PolNeAR train's role-noun sources ("the diplomat", "the spokeswoman", "the
# deputy", "the secretary general"); a role noun whose head is missing here must match the title
# word itself ("the president" -> "President of Kazakhstan, Kassym-Jomart Tokayev").
ROLE_TITLES: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"ambassador", "diplomat", "envoy", "minister", "spokeswoman",
                           "spokesman", "representative", "consul"}),
    "spokeswoman": frozenset({"spokeswoman", "spokesperson", "spokesman", "representative", "secretary"}),
    "spokesman": frozenset({"spokeswoman", "spokesperson", "spokesman", "representative", "secretary"}),
    "deputy": frozenset({"deputy", "chairman", "lawmaker", "duma", "mp", "senator", "congressman"}),
    "lawmaker": frozenset({"deputy", "chairman", "lawmaker", "mp", "senator", "congressman",
                           "congresswoman", "representative", "rep."}),
    "envoy": frozenset({"ambassador", "envoy", "diplomat"}),
    "candidate": frozenset({"candidate", "nominee"}),
    "nominee": frozenset({"candidate", "nominee"}),
}
_ROLE_WORDS = frozenset({"president", "minister", "ambassador", "secretary", "spokesman",
                         "spokeswoman", "representative", "chairman", "senator", "governor",
                         "general", "leader", "diplomat", "deputy", "director", "envoy", "mayor"})
_ORG_WORDS = frozenset({"ministry", "committee", "council", "department", "house", "organization",
                        "party", "union", "agency", "office", "forces", "bank", "court", "news",
                        "times", "post", "channel", "government", "administration", "service"})
_FEMALE_CUES = frozenset({"spokeswoman", "ms.", "mrs.", "ms", "mrs", "woman", "congresswoman", "she"})


def speaker_tokens(verb: Token) -> list[Token]:
    """The words naming who speaks through ``verb``: its subject (or the object of "according to").

    Args:
        verb: the cue token (a speech verb, or "according").

    Returns:
        The speaker's tokens in order, without relative clauses and edge punctuation; empty when
        the clause has no expressed subject.
    """
    head = verb
    for _ in range(4):
        subj = _subject_of(head)
        if subj is not None:
            drop = {t.i for c in subj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
            toks = [t for t in subj.subtree if t.i not in drop]
            while toks and (toks[-1].is_punct or toks[-1].is_space):
                toks.pop()
            return _clean_speaker(toks)
        if head.dep_ not in ("advcl", "xcomp", "conj", "pcomp", "acl", "parataxis") or head.head.i == head.i:
            break
        head = head.head
    return _clean_speaker(_phrase_before(verb))


def _clean_speaker(toks: list[Token]) -> list[Token]:
    """Drop edge punctuation and anything before a line break (a caption or a heading)."""
    breaks = [k for k, t in enumerate(toks) if "\n" in t.text_with_ws]
    if breaks:
        toks = toks[breaks[-1] + 1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    return toks


def _phrase_before(verb: Token) -> list[Token]:
    """The noun phrase right before a subjectless verb ("..., Russian Ambassador Antonov said")."""
    toks: list[Token] = []
    for t in reversed(verb.doc[max(0, verb.i - 10):verb.i]):
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ") or "\n" in t.text_with_ws:
            break
        toks.insert(0, t)
    return toks if any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in toks) else []


def _subject_of(tok: Token) -> Token | None:
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


class SpeakerResolver:
    """Resolves a speaker phrase to the named mention of the article it refers to.

    Holds the article's person-like mentions (outside quotations) and the title words printed
    next to each ("Russian Ambassador to US Anatoly Antonov"), computed once per article.
    """

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        quoted = find_quoted_regions(doc.text)
        self.named = [m for m in mentions if m.label in ("PERSON", "ORG")]
        self.titles = {(m.start, m.end): self._title_words(m) for m in self.named}
        self.persons = [m for m in self.named if self._person_like(m)
                        and not any(r.start <= m.start < r.end for r in quoted)]
        self.female: set[str] = set()

    def _person_like(self, m: Mention) -> bool:
        """PERSON, or an ORG that the small model mislabels but a role title precedes."""
        if m.label == "PERSON":
            return True
        words = m.text.split()
        before = self.doc.text[max(0, m.start - 30):m.start].lower().split()[-3:]
        if words and words[0].lower() == "the":
            words = words[1:]
        return (len(words) >= 2 and not any(w.lower() in _ORG_WORDS for w in words)
                and all(w[:1].isupper() for w in words)
                and bool(set(before) & _ROLE_WORDS))

    def remember(self, ref: Span, pronoun: str | None) -> None:
        """Record a resolved speaker as an antecedent for later pronouns and role nouns."""
        m = Mention(ref.start, ref.end, ref.text, "PERSON")
        if (m.start, m.end) not in self.titles:
            self.titles[(m.start, m.end)] = self._title_words(m)
            self.persons = sorted([*self.persons, m], key=lambda x: x.start)
        if pronoun in ("she", "her"):
            self.female.add(ref.text.split()[-1])

    def _title_words(self, m: Mention) -> set[str]:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return set()
        sent, words = span[0].sent, set[str]()
        for t in reversed(self.doc[sent.start:span.start]):
            if t.pos_ in ("VERB", "AUX") or len(words) > 10:
                break
            words.add(t.lower_)
        after = self.doc[span.end:sent.end]
        if len(after) and after[0].text == ",":
            for t in after[1:12]:
                if t.text == "," or t.pos_ in ("VERB", "AUX"):
                    break
                words.add(t.lower_)
        return words

    def resolve(self, speaker: SpacySpan) -> Span | None:
        """The named mention ``speaker`` refers to, or None when it cannot be told safely.

        Args:
            speaker: the speaker phrase in the parsed article.

        Returns:
            A name inside the phrase; for a pronoun, the nearest person named before it; for a
            role noun, the nearest person printed with that role; for a bare proper name, the
            phrase itself; else None.
        """
        text, lo, hi = self.doc.text, speaker.start_char, speaker.end_char
        root = speaker.root
        inside = [m for m in self.named if lo <= m.start and m.end <= hi]
        best = next((m for m in inside if m.start <= root.idx < m.end), None) or \
            next((m for m in inside if self._person_like(m)), None)
        if best is not None:
            return Span.of(text, best.start, best.end)
        if root.lower_ in _PRONOUNS:
            return self._pronoun(root.lower_, lo)
        if root.pos_ == "PROPN":
            name = [t for t in speaker if t.pos_ == "PROPN" and t.i <= root.i]
            k = len(name) - 1
            while k > 0 and name[k - 1].i == name[k].i - 1:
                k -= 1
            return Span.of(text, name[k].idx, root.idx + len(root))
        if root.pos_ == "NOUN":
            return self._role(root.lemma_.lower(), lo)
        return None

    def _before(self, pos: int) -> list[Mention]:
        """Persons named before ``pos``, leaving out modifiers ("the Kazakh authorities")."""
        out = []
        for m in self.persons:
            if m.end > pos:
                break
            last = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if last is not None and len(last) and last[-1].dep_ in ("amod", "compound") \
                    and last[-1].head.i >= last.end:
                continue
            out.append(m)
        return out

    def _pronoun(self, pronoun: str, pos: int) -> Span | None:
        female = _PRONOUNS[pronoun] == "f"
        cands = list(reversed(self._before(pos)))
        if female:
            # "she" skips a nearer man only when a woman was named just before him.
            cands = [m for m in cands[:3] if self._is_female(m)] + cands
        for m in cands:
            if not female and self._is_female(m):
                continue
            return Span.of(self.doc.text, m.start, m.end)
        return None

    def _is_female(self, m: Mention) -> bool:
        return bool(self.titles[(m.start, m.end)] & _FEMALE_CUES) or m.text.split()[-1] in self.female

    def _role(self, head: str, pos: int) -> Span | None:
        wanted = ROLE_TITLES.get(head, frozenset({head}))
        for m in reversed(self._before(pos)):
            if self.titles[(m.start, m.end)] & wanted:
                return Span.of(self.doc.text, m.start, m.end)
        return None


@dataclass(frozen=True, slots=True)
class _Attribution:
    cue: Token
    speaker: list[Token]
    side: str  # "tail": after the quote; "head": before it


def _cue_span(doc: Doc, verb: Token) -> Span:
    """The verb with its particles and auxiliaries ("has said", "pointed out")."""
    toks = [verb, *[c for c in verb.children if c.dep_ in ("prt", "aux", "neg") and c.i > verb.i - 3]]
    if verb.lemma_.lower() == "accord":
        toks += [c for c in verb.children if c.lower_ == "to"]
    lo, hi = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
    return Span.of(doc.text, lo, hi)


def _attribute_tail(doc: Doc, region: QuotedRegion, stop: int) -> _Attribution | None:
    """A speech verb just after the closing mark (“…,” Zas said / “…,” said Zas)."""
    toks = [t for t in _tokens_between(doc, region.end, stop) if t.idx > region.end]
    window: list[Token] = []
    for t in toks[: ATTRIBUTION_WINDOW + 1]:
        if t.text in ("“", "«", "„") or "\n" in t.text_with_ws.strip(" ") or (
                window and t.text in ".!?" and not t.text_with_ws.endswith(("”", "\""))):
            break
        window.append(t)
    first_word = next((t for t in window if t.is_alpha), None)
    if first_word is None:
        return None
    for t in window:
        if _is_speech_verb(t) or (
                t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"):
            att = _Attribution(t, speaker_tokens(t), "tail")
            return att if _only_attribution(window[:window.index(t)], att) else None
    return None


_FILLER_DEPS = frozenset({"punct", "advmod", "aux", "neg", "cc", "prep", "pobj", "det"})


def _only_attribution(between: list[Token], att: _Attribution) -> bool:
    """Whether the words between a closing mark and the cue are only the speaker and fillers."""
    speaker = {t.i for t in att.speaker}
    return all(t.i in speaker or t.is_punct or t.is_space or t.dep_ in ("advmod", "aux", "neg")
               for t in between)


def _attribute_head(doc: Doc, region: QuotedRegion, start: int) -> _Attribution | None:
    """A speech verb before the opening mark that governs the quote, or sits just before it."""
    return _governing_verb(doc, region) or _adjacent_head_verb(doc, region, start)


def _governing_verb(doc: Doc, region: QuotedRegion) -> _Attribution | None:
    """The nearest speech verb above the quote in the parse, before it in the same sentence."""
    inside = _tokens_between(doc, region.start, region.end)
    roots = [t for t in inside if not region.start <= t.head.idx < region.end]
    for root in roots[:3]:
        node = root
        for _ in range(5):
            if node.head.i == node.i:
                break
            node = node.head
            if region.start <= node.idx < region.end:
                continue
            if node.idx < region.start and _is_speech_verb(node):
                return _Attribution(node, speaker_tokens(node), "head")
    return None


def _adjacent_head_verb(doc: Doc, region: QuotedRegion, start: int) -> _Attribution | None:
    """A speech verb a few words before the opening mark (Zas said: “…” / told the Post, “…”)."""
    toks = [t for t in _tokens_between(doc, start, region.start - 1)]
    window = toks[-ATTRIBUTION_WINDOW:]
    before = doc.text[start:region.start - 1].rstrip()
    if not window or not re.search(r"(?:[,:—]|\bthat|\bas saying|\w)$", before):
        return None
    for t in reversed(window):
        if t.sent.start != window[-1].sent.start:
            break
        if _is_speech_verb(t):
            return _Attribution(t, speaker_tokens(t), "head")
    return None


def _mixed_content(doc: Doc, att: _Attribution, region: QuotedRegion) -> tuple[int, int] | None:
    """For “X said the plan was “encouraging””: the clause span when it holds more than the quote."""
    if att.side != "head":
        return None
    words_between = [t for t in _tokens_between(doc, att.cue.idx + len(att.cue), region.start - 1)
                     if t.is_alpha and t.dep_ != "mark" and t.head.i != att.cue.i]
    comps = [c for c in att.cue.children if c.dep_ in ("ccomp", "xcomp") and c.idx < region.end]
    if not words_between or not comps:
        return None
    sub = list(comps[-1].subtree)
    lo, hi = min(t.idx for t in sub), max(t.idx + len(t) for t in sub)
    if not lo < region.start < hi:
        return None
    return lo, max(hi, region.end)


def _attach(doc: Doc, region: QuotedRegion, prev_end: int, next_start: int) -> _Attribution | None:
    sent = doc.char_span(region.start, region.end, alignment_mode="expand")
    sent_start = sent[0].sent.start_char if sent is not None and len(sent) else prev_end
    return _attribute_tail(doc, region, next_start) or \
        _attribute_head(doc, region, max(prev_end, sent_start))


@dataclass
class _Draft:
    content: tuple[int, int]
    pieces: list[tuple[int, int]]
    att: _Attribution | None
    form: QuoteForm


def _direct_drafts(doc: Doc, regions: list[QuotedRegion]) -> list[_Draft]:
    """Attribute each quoted region; join the pieces of a quote split by its attribution."""
    text, drafts = doc.text, list[_Draft]()
    for k, reg in enumerate(regions):
        prev_end = regions[k - 1].end + 1 if k else 0
        next_start = regions[k + 1].start - 1 if k + 1 < len(regions) else len(text)
        att = _attach(doc, reg, prev_end, next_start)
        if drafts and _continues(text, drafts[-1], reg, att):
            drafts[-1].pieces.extend(reg.pieces)
            drafts[-1].content = (drafts[-1].content[0], reg.end)
            continue
        words = reg.words(text)
        if att is None and words < UNATTRIBUTED_MIN_WORDS:
            continue
        if att is not None and words <= SCARE_MAX_WORDS and att.side == "head" and \
                _mixed_content(doc, att, reg) is None and text[reg.start:reg.end].rstrip()[-1:] not in ".,!?":
            continue
        mixed = _mixed_content(doc, att, reg) if att else None
        if mixed and any(mixed[0] < d.content[1] for d in drafts):
            continue
        if mixed:
            drafts.append(_Draft(mixed, [], att, "mixed"))
        else:
            drafts.append(_Draft((reg.start, reg.end), list(reg.pieces), att, "direct"))
    return drafts


def _continues(text: str, last: _Draft, reg: QuotedRegion, att: _Attribution | None) -> bool:
    """Whether ``reg`` goes on with ``last``: only its attribution lies between them."""
    if last.form != "direct" or last.att is None or last.att.side != "tail":
        return False
    gap = text[last.content[1]:reg.start]
    if "\n" in gap or last.att.cue.idx > reg.start:
        return False
    cue = last.att.cue
    extra = {cue.i, *(c.i for c in cue.children if c.dep_ in ("prt", "aux", "neg", "advmod"))}
    allowed = extra | {t.i for t in last.att.speaker}
    for t in _tokens_between(cue.doc, last.content[1], reg.start - 1):
        if t.i not in allowed and not (t.is_punct or t.is_space):
            return False
    return att is None or att.cue.i == last.att.cue.i


def _card_drafts(doc: Doc, mentions: Sequence[Mention]) -> list[tuple[int, int, Mention]]:
    """Pull quotes: a paragraph ending in a speaker caption ("... leave. Anthony Blinken US Secretary")."""
    text, out = doc.text, []
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        if para.rstrip()[-1:] in ".!?”\"…:" or len(para.split()) < 8:
            continue
        cands = [m for m in mentions if p_start < m.start < p_end and _caption_person(text, m, p_end)]
        for m in cands:
            caption = text[m.start:p_end]
            before = text[p_start:m.start].rstrip()
            if len(before.split()) < 6 or len(caption.split()) > 16:
                continue
            cap_toks = _tokens_between(doc, m.end, p_end)
            if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in cap_toks):
                continue
            tail = text[m.end:p_end]
            if tail and not (tail[0].isupper() or tail[0] == " "):
                continue
            out.append((p_start, m.start, m))
            break
    return out


_CAPTION_TITLES = _ROLE_WORDS | {"official", "us", "united", "former", "head", "chief", "press"}


def _caption_person(text: str, m: Mention, p_end: int) -> bool:
    """Whether a mention can head a caption: a PERSON, or a name the small NER model mislabels
    (it tags Kassym-Jomart Tokayev and Anatoly Antonov ORG) followed by a role title within three
    words ("... Tokayev President of Kazakhstan", "... Antonov Russian Ambassador to Washington")."""
    if m.label == "PERSON":
        return True
    words = m.text.split()
    if m.label not in ("ORG", "GPE", "NORP") or not 2 <= len(words) <= 3:
        return False
    if any(w.lower() in _ORG_WORDS for w in words) or not all(w[:1].isupper() for w in words):
        return False
    tail = [w.strip(",.").lower() for w in text[m.end:p_end].split()[:3]]
    return any(w in _ROLE_WORDS for w in tail)


def _caption_name(text: str, m: Mention) -> Mention:
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


def _indirect_drafts(doc: Doc, taken: list[tuple[int, int]], cues: set[int],
                     regions: list[QuotedRegion]) -> list[_Draft]:
    """Speech verbs with a clausal complement, and "according to X": reported speech."""
    drafts = []
    for tok in doc:
        if tok.i in cues:
            continue
        content: tuple[int, int] | None = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            content = _according_content(tok)
        elif _is_speech_verb(tok):
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                sub = list(comps[0].subtree)
                content = (sub[0].idx, sub[-1].idx + len(sub[-1]))
        if content is None:
            continue
        lo, hi = _within_paragraph(doc.text, tok.idx, *content)
        lo, hi = _trim_clause(doc.text, lo, hi)
        if len(doc.text[lo:hi].split()) < 3 or any(lo < e and s < hi for s, e in taken):
            continue
        quoted = any(lo <= r.start and r.end <= hi for r in regions)
        att = _Attribution(tok, speaker_tokens(tok), "head" if tok.idx < lo else "tail")
        drafts.append(_Draft((lo, hi), [], att, "mixed" if quoted else "indirect"))
    return drafts


def _according_content(tok: Token) -> tuple[int, int] | None:
    head = tok.head
    if head.i == tok.i:
        return None
    phrase = {t.i for t in tok.subtree}
    rest = [t for t in head.subtree if t.i not in phrase and not t.is_punct]
    if not rest:
        return None
    return rest[0].idx, rest[-1].idx + len(rest[-1])


def _within_paragraph(text: str, anchor: int, lo: int, hi: int) -> tuple[int, int]:
    """Cut ``lo:hi`` to the paragraph that holds ``anchor`` (the parser joins across breaks)."""
    p_lo = text.rfind("\n", 0, anchor) + 1
    p_hi = text.find("\n", anchor)
    return max(lo, p_lo), min(hi, p_hi if p_hi >= 0 else len(text))


def _trim_clause(text: str, lo: int, hi: int) -> tuple[int, int]:
    while hi > lo and text[hi - 1] in " \n\u00a0,;:—-.":
        hi -= 1
    while lo < hi and text[lo] in " \n\u00a0,;:—-":
        lo += 1
    return lo, hi


def extract_quotes(doc: Doc, mentions: Sequence[Mention]) -> list[Quote]:
    """Direct, mixed, pull and indirect quotes of one article, with cue and speaker.

    Args:
        doc: the parsed article (tagger, parser, NER); offsets index ``doc.text``.
        mentions: the article's NER mentions (offsets into ``doc.text``).

    Returns:
        The quotes in text order. ``content`` runs from the first quoted word to the last (quote
        marks excluded); ``pieces`` lists the parts of a quote split by its attribution;
        ``speaker_ref`` is the named mention the speaker refers to, or None when unresolved.
        ``speaker_entity`` is left None (linking sets it).
    """
    text = doc.text
    resolver = SpeakerResolver(doc, mentions)
    regions = find_quoted_regions(text)
    drafts = _direct_drafts(doc, regions)
    quotes: list[Quote] = []
    for start, end, m in _card_drafts(doc, mentions):
        name = _caption_name(text, m)
        lo, hi = _trim(text, start, end)
        if not any(lo < d.content[1] and d.content[0] < hi for d in drafts):
            quotes.append(Quote(content=Span.of(text, lo, hi), speaker=Span.of(text, name.start, name.end),
                                form="direct", speaker_ref=Span.of(text, name.start, name.end)))
    taken = [d.content for d in drafts] + [(q.content.start, q.content.end) for q in quotes]
    cues = {d.att.cue.i for d in drafts if d.att}
    drafts += _indirect_drafts(doc, taken, cues, regions)
    for d in sorted(drafts, key=lambda d: d.att.cue.idx if d.att else d.content[0]):
        quotes.append(_to_quote(doc, d, resolver))
    quotes.sort(key=lambda q: (q.content.start, q.content.end))
    return quotes


def _to_quote(doc: Doc, d: _Draft, resolver: SpeakerResolver) -> Quote:
    text = doc.text
    speaker = ref = cue = None
    if d.att is not None:
        cue = _cue_span(doc, d.att.cue)
        if d.att.speaker:
            toks = d.att.speaker
            speaker = Span.of(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
            ref = resolver.resolve(SpacySpan(doc, toks[0].i, toks[-1].i + 1))
            if ref is not None:
                resolver.remember(ref, toks[0].lower_ if len(toks) == 1 else None)
    pieces = tuple(_span(text, s, e) for s, e in d.pieces) if len(d.pieces) > 1 else ()
    return Quote(content=_span(text, *d.content), cue=cue, speaker=speaker, form=d.form,
                 pieces=pieces, speaker_ref=ref)
