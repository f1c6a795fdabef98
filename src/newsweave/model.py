"""The typed data model: one immutable article text, and annotations as spans into it.

Every annotation points into ``Article.text`` by character offsets (``start`` inclusive, ``end``
exclusive), so anything a dossier says can be cited as ``(article, start, end)`` and checked.

All classes are frozen, slotted dataclasses. Each has ``to_dict`` and ``from_dict`` for JSON
(the store and the export use these); ``from_dict(x.to_dict()) == x`` for every value.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

QuoteForm = Literal["direct", "indirect", "mixed", "stance"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Verdict = Literal["contradiction", "update", "level", "estimates", "unknown"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation: the stretch ``start:end`` of article ``article``."""

    article: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Cite:
        return cls(str(d["article"]), int(d["start"]), int(d["end"]))


def content_hash(text: str) -> str:
    """The hash that identifies an article's text for exact-duplicate detection."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested. ``text`` never changes after ingest."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "url": self.url,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        published = d.get("published")
        return cls(
            id=str(d["id"]),
            text=str(d["text"]),
            published=date.fromisoformat(published) if published else None,
            title=d.get("title"),
            source=d.get("source"),
            url=d.get("url"),
        )


# ``Mention.origin`` of the mentions the dossier stage adds from the whole story.
STORY = "story"


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention. ``entity`` is the corpus-wide actor id, set by linking.

    ``origin`` says who found it: ``"ner"`` (the annotate stage: NER and the names the tagger shows
    it missed) or ``"story"`` (the dossier stage, from the whole story: a name found again where
    NER missed it, a headline name cut out of a longer span, a person named by office alone).
    Story mentions are found again on every build of the story and are never its evidence.

    ``label`` is the label the dossier stage settled on for the mention's actor; when that differs
    from what the annotate stage found, ``ner_label`` keeps the annotate stage's, which is the
    evidence every later build reads (so rebuilding a story from its stored annotations changes
    nothing).
    """

    start: int
    end: int
    text: str
    label: str
    entity: str | None = None
    origin: str = "ner"
    ner_label: str | None = None

    @property
    def found_label(self) -> str:
        """The label the annotate stage gave (the evidence), before the dossier stage repaired it."""
        return self.ner_label if self.ner_label is not None else self.label

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                             "entity": self.entity}
        if self.origin != "ner":
            d["origin"] = self.origin
        if self.ner_label is not None:
            d["ner_label"] = self.ner_label
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        ner_label = d.get("ner_label")
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), str(d["label"]), d.get("entity"),
                   str(d.get("origin", "ner")), None if ner_label is None else str(ner_label))


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: what was said (``content``), the verb or marker (``cue``), who said it.

    ``pieces`` lists the parts of a quote interrupted by its own attribution; ``content`` then runs
    from the first quoted word to the last. ``speaker`` is the attribution's words ("he", "the Russian
    diplomat", "Zakharova"); ``speaker_ref`` is the named mention in the same article that it refers to
    (the speaker itself when it is a name), or None when unresolved. ``speaker_entity`` is the
    corpus-wide actor id, set by linking. ``form``: "direct" (in quote marks), "indirect" (a
    paraphrased statement), "mixed" (a paraphrase with quoted words), or "stance" (an attribution
    whose content is a noun phrase, what someone opposed, backed or commented on: "opposed [the
    rise in gas prices]"; the dossier's who-said-what leaves these out).
    """

    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    form: QuoteForm = "direct"
    pieces: tuple[Span, ...] = ()
    speaker_ref: Span | None = None

    @property
    def words(self) -> str:
        """What was said: the content, or for a quote split by its attribution its pieces joined
        by " … " (``content`` then also spans the attribution between them)."""
        return " … ".join(p.text for p in self.pieces) if self.pieces else self.content.text

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_entity": self.speaker_entity,
            "form": self.form,
        }
        if self.pieces:
            d["pieces"] = [p.to_dict() for p in self.pieces]
        if self.speaker_ref:
            d["speaker_ref"] = self.speaker_ref.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            content=Span.from_dict(d["content"]),
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            speaker=Span.from_dict(d["speaker"]) if d.get("speaker") else None,
            speaker_entity=d.get("speaker_entity"),
            form=d.get("form", "direct"),
            pieces=tuple(Span.from_dict(p) for p in d.get("pieces", ())),
            speaker_ref=Span.from_dict(d["speaker_ref"]) if d.get("speaker_ref") else None,
        )


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression with its TIMEX3 type and ISO value (``XXXX-XX-XX`` parts when unknown)."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Timex:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d["type"], str(d["value"]))


@dataclass(frozen=True, slots=True)
class Figure:
    """A reported number: its value, unit or currency, and the measure it counts.

    ``value`` is a number; a range keeps its upper bound in ``value_max``.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    measure: str | None = None
    value_max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                             "value": self.value, "unit": self.unit, "measure": self.measure}
        if self.value_max is not None:
            d["value_max"] = self.value_max
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        vmax = d.get("value_max")
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), float(d["value"]),
                   d.get("unit"), d.get("measure"), float(vmax) if vmax is not None else None)


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything the per-article stages found in one article."""

    article_id: str
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    figures: tuple[Figure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentences": [[s.start, s.end] for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "timexes": [t.to_dict() for t in self.timexes],
            "figures": [f.to_dict() for f in self.figures],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str) -> Annotations:
        """Rebuild from ``to_dict`` output; ``text`` is the article text the spans index."""
        return cls(
            article_id=str(d["article_id"]),
            sentences=tuple(Span.of(text, s, e) for s, e in d.get("sentences", ())),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            timexes=tuple(Timex.from_dict(t) for t in d.get("timexes", ())),
            figures=tuple(Figure.from_dict(f) for f in d.get("figures", ())),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor: one person, organization or place however its name is spelled."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.id, "name": self.name, "type": self.type,
                "aliases": list(self.aliases), "mentions": self.mentions}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(str(d["entity"]), str(d["name"]), str(d["type"]), tuple(d.get("aliases", ())),
                   int(d.get("mentions", 0)))


@dataclass(frozen=True, slots=True)
class Reuse:
    """A passage shared by two articles (or repeated inside one): ``a`` and ``b`` cite both copies."""

    a: Cite
    b: Cite
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "similarity": round(self.similarity, 4)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reuse:
        return cls(Cite.from_dict(d["a"]), Cite.from_dict(d["b"]), float(d["similarity"]))


@dataclass(frozen=True, slots=True)
class CitedText:
    """A sentence of the dossier (summary or timeline entry) with the spans that support it."""

    text: str
    citations: tuple[Cite, ...]
    date: str | None = None
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "citations": [c.to_dict() for c in self.citations]}
        if self.date is not None:
            d = {"date": self.date, **d}
            if self.background:
                d["background"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CitedText:
        return cls(str(d["text"]), tuple(Cite.from_dict(c) for c in d["citations"]), d.get("date"),
                   bool(d.get("background", False)))


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One outlet's version of a statement; ``cue`` is the verb or marker that reports it ("said",
    "denied", "according to"), None when the quote has none."""

    cite: Cite
    text: str
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.cite.to_dict(), "text": self.text, "cue": self.cue}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QuoteVariant:
        cue = d.get("cue")
        return cls(Cite.from_dict(d), str(d["text"]), None if cue is None else str(cue))


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same statement as reported by one or more outlets."""

    speaker_entity: str | None
    speaker: str | None
    variants: tuple[QuoteVariant, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"speaker_entity": self.speaker_entity, "speaker": self.speaker,
                "variants": [v.to_dict() for v in self.variants]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QuoteGroup:
        return cls(d.get("speaker_entity"), d.get("speaker"),
                   tuple(QuoteVariant.from_dict(v) for v in d["variants"]))


@dataclass(frozen=True, slots=True)
class FigureReport:
    """One source's report of a measure."""

    cite: Cite
    value: float
    text: str
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.cite.to_dict(), "value": self.value, "text": self.text,
                "published": self.published}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FigureReport:
        return cls(Cite.from_dict(d), float(d["value"]), str(d["text"]), d.get("published"))


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Every report of one measure; ``conflict`` when sources give different values, ``verdict`` what the
    difference most likely is: "contradiction", "update" (a later report gives a new count), "level" (a
    reading that rises and falls: winds, a share price), "estimates" (two estimates differ) or "unknown" (a
    publication date is missing); None without a conflict."""

    measure: str
    unit: str | None
    reports: tuple[FigureReport, ...]
    conflict: bool
    note: str | None = None
    verdict: Verdict | None = None

    @property
    def disagrees(self) -> bool:
        """Whether the sources contradict each other, or may (a difference whose time is unknown): not an
        update, a moving level or two estimates."""
        return self.conflict and self.verdict not in ("update", "level", "estimates")

    @property
    def flag(self) -> str | None:
        """What a reader is told beside the measure: "sources disagree" when they do (``disagrees``), "figure
        changed" for an update or a moving level, "estimates differ"."""
        if not self.conflict:
            return None
        return "sources disagree" if self.disagrees else "estimates differ" if self.verdict == "estimates" \
            else "figure changed"

    def to_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "unit": self.unit,
                "reports": [r.to_dict() for r in self.reports], "conflict": self.conflict,
                "note": self.note, "verdict": self.verdict}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FigureGroup:
        return cls(str(d["measure"]), d.get("unit"),
                   tuple(FigureReport.from_dict(r) for r in d["reports"]), bool(d["conflict"]),
                   d.get("note"), d.get("verdict"))


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one real-world event."""

    id: str
    title: str
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "articles": list(self.articles)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        return cls(str(d["id"]), str(d["title"]), tuple(d["articles"]))


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything newsweave says about one story, each statement citing its spans."""

    story: Story
    summary: tuple[CitedText, ...] = ()
    actors: tuple[Entity, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    timeline: tuple[CitedText, ...] = ()
    figures: tuple[FigureGroup, ...] = ()
    reuse: tuple[Reuse, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The ``stories.jsonl`` record of the export contract."""
        return {
            **self.story.to_dict(),
            "summary": [s.to_dict() for s in self.summary],
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "timeline": [t.to_dict() for t in self.timeline],
            "figures": [f.to_dict() for f in self.figures],
            "reuse": [r.to_dict() for r in self.reuse],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Dossier:
        return cls(
            story=Story.from_dict(d),
            summary=tuple(CitedText.from_dict(s) for s in d.get("summary", ())),
            actors=tuple(Entity.from_dict(a) for a in d.get("actors", ())),
            quotes=tuple(QuoteGroup.from_dict(q) for q in d.get("quotes", ())),
            timeline=tuple(CitedText.from_dict(t) for t in d.get("timeline", ())),
            figures=tuple(FigureGroup.from_dict(f) for f in d.get("figures", ())),
            reuse=tuple(Reuse.from_dict(r) for r in d.get("reuse", ())),
        )
