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

Quote marks are found by `annotate.quote_marks`; speakers are resolved to a named mention of the
article by `annotate.speakers.SpeakerResolver`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.annotate.quote_marks import QuotedRegion, find_quoted_regions, paragraphs, trim_span
from newsweave.annotate.speakers import ORG_WORDS, ROLE_WORDS, SpeakerResolver, speaker_tokens
from newsweave.model import Mention, Quote, QuoteForm, Span

__all__ = ["extract_quotes"]

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


def _span(text: str, start: int, end: int) -> Span:
    start, end = trim_span(text, start, end)
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
            cap_toks = _tokens_between(doc, m.end, p_end)
            if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in cap_toks):
                continue
            tail = text[m.end:p_end]
            if tail and not (tail[0].isupper() or tail[0] == " "):
                continue
            out.append((p_start, m.start, m))
            break
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
        lo, hi = trim_span(text, start, end)
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
