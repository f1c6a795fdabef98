"""Assembling one story's dossier from its articles and their annotations.

The dossier stage links each mention to a corpus-wide actor, then builds every part from the same
linked annotations: actors, quote groups, timeline, figure groups, copied passages and the summary.
It returns the annotations with entity ids filled so the store keeps mentions and dossier in step.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from newsweave.dossier.actors import ActorResolution, resolve_actors
from newsweave.dossier.embed import SentenceEmbedder
from newsweave.dossier.figures import group_figures
from newsweave.dossier.names import PlaceGazetteer
from newsweave.dossier.quote_groups import embedding_similarity, group_quotes, is_statement, lexical_similarity
from newsweave.dossier.roles import (
    resolve_org_speakers,
    resolve_role_mentions,
    resolve_role_speakers,
    story_titles,
)
from newsweave.dossier.summary import summarize
from newsweave.dossier.timeline import build_timeline, in_editors_note
from newsweave.link.reuse import find_reuse
from newsweave.model import STORY, Annotations, Article, Dossier, Entity, Mention, Quote, QuoteGroup, Span, Story

# Longest story title, in characters, cut at a word boundary.
_TITLE_CHARS = 120


def publication_order(items: Sequence[tuple[Article, Annotations]]) -> list[tuple[Article, Annotations]]:
    """Articles by publication date (undated last), then id: who published first comes first."""
    return sorted(items, key=lambda it: (it[0].published or date.max, it[0].id))


class DossierBuilder:
    """Builds dossiers; holds what is costly to build once and reuse (the place-name table).

    Args:
        gazetteer: the place-name lookup shared by every dossier (built lazily on first use).
        embedder: sentence embeddings for quote groups (``dossier.embed.load_embedder()``); None
            groups quotes by their words alone.
    """

    def __init__(self, gazetteer: PlaceGazetteer | None = None,
                 embedder: SentenceEmbedder | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else PlaceGazetteer()
        self.embedder = embedder

    def build(self, story_id: str, items: Sequence[tuple[Article, Annotations]]
              ) -> tuple[Dossier, list[Annotations]]:
        """Build the dossier of one story.

        Args:
            story_id: the story's id.
            items: the story's articles with their annotations.

        Returns:
            The dossier, and the articles' annotations with ``Mention.entity`` and
            ``Quote.speaker_entity`` set to corpus-wide actor ids.
        """
        items = publication_order(items)
        resolution = resolve_actors([(a.id, a.text, ann.mentions) for a, ann in items], self.gazetteer,
                                    {a.id: a.source for a, _ in items if a.source})
        linked = [(article, link_annotations(article.id, ann, resolution)) for article, ann in items]
        titles = story_titles(linked)
        linked, roles = resolve_role_mentions(resolve_role_speakers(linked, titles), titles)
        entities = {e.id: _with_roles(e, roles.get(e.id, ())) for e in resolution.entities}
        linked = resolve_org_speakers(linked, entities)
        # who said what: statements; a stance ("opposed the rise in prices"), a source's request for
        # anonymity, what a source did not say ("declined to comment on") and an editor's note
        # ("Correction: ...") stay in the article's annotations and export, but are no quote of the dossier
        quote_items = [(a.id, q, q.speaker_entity) for a, ann in linked for q in ann.quotes
                       if is_statement(q) and not in_editors_note(a.text, ann.sentences, q.content.start)
                       and not _denied(a.text, q)]
        similarity: Callable[[str, str], float] = lexical_similarity
        if self.embedder is not None:
            # encodes, in one batch, only the quotes of pairs the words leave open
            similarity = embedding_similarity(self.embedder, [q.words for _, q, _ in quote_items])
        quotes = _name_speakers(group_quotes(quote_items, similarity), entities)
        reuse = tuple(find_reuse([(a.id, a.text) for a, _ in linked]))
        dossier = Dossier(
            story=Story(story_id, story_title(linked), tuple(a.id for a, _ in linked)),
            summary=summarize(linked, copies=reuse),
            actors=tuple(sorted(entities.values(), key=lambda e: (-e.mentions, e.name))),
            quotes=quotes,
            timeline=tuple(build_timeline(linked)),
            figures=tuple(group_figures(linked, self.gazetteer)),
            reuse=reuse,
        )
        return dossier, [ann for _, ann in linked]


def link_annotations(article_id: str, ann: Annotations, resolution: ActorResolution) -> Annotations:
    """Set each mention's entity and each quote's speaker entity from the actor resolution.

    The mentions the resolution added from the whole story (``origin`` "story": names NER missed,
    headline names cut out of a longer NER span) join the article's NER mentions; the story
    mentions of an earlier build go, as every build finds them again. A NER span that was cut keeps
    no actor: the names cut out of it carry them.
    """
    kept = [_relabelled(m, resolution.entity_of.get((article_id, m.start, m.end)),
                        resolution.label_of.get((article_id, m.start, m.end), m.found_label))
            for m in ann.mentions if m.origin != STORY]
    mentions = tuple(sorted([*kept, *resolution.added.get(article_id, ())], key=lambda m: (m.start, m.end)))
    quotes = tuple(_with_speaker(q, _speaker_entity(q, mentions)) for q in ann.quotes)
    return dataclasses.replace(ann, mentions=mentions, quotes=quotes)


# A speech verb that says nothing was said: "The company did not say what caused the collapse", "declined to
# give details", "would not comment on" (a made-up mine story, where the company's silence had been a quote),
# "The athlete did not ask for the ban to be suspended" (a made-up doping story, shown as if she had asked).
# Not a denied belief: "I don't think Joss was a worthy winner" says what its speaker thinks.
_DECLINED = re.compile(r"\b(?:declined|refused)(?:\s+to\s+\w+)?\s*$", re.IGNORECASE)
_NOT_SAID = re.compile(r"(?:\bnot|\bnever|n't)\s+(?:say|said|comment|commented|disclose|disclosed|reveal|revealed|"
                       r"confirm|confirmed|specify|specified|elaborate|identify|identified|give|gave|ask|asked|"
                       r"request|requested|demand|demanded|call|called|claim|claimed)(?:\s+for)?\s*$",
                       re.IGNORECASE)


def _denied(text: str, quote: Quote) -> bool:
    """Whether a quote's cue says its source did not say it: "did not say", "declined to give", "would not
    comment"."""
    if quote.cue is None:
        return False
    around = text[max(0, quote.cue.start - 25):quote.cue.end]  # the cue and the words right before it
    return _NOT_SAID.search(around) is not None or _DECLINED.search(around) is not None


def _with_speaker(quote: Quote, entity: str | None) -> Quote:
    """``quote`` with its speaker's actor; itself when a rebuild links it the same way."""
    return quote if quote.speaker_entity == entity else dataclasses.replace(quote, speaker_entity=entity)


def _relabelled(m: Mention, entity: str | None, label: str) -> Mention:
    """``m`` with its actor and the actor's label; the annotate stage's label stays in ``ner_label``
    when they differ, as the evidence of the next build. A rebuild mostly links a stored mention as
    it was: the mention itself then (copying them all was half the linking's time on 5,000 stored
    Reuters/BBC articles)."""
    found = m.found_label
    ner_label = None if label == found else found
    if (m.entity, m.label, m.ner_label) == (entity, label, ner_label):
        return m
    return dataclasses.replace(m, entity=entity, label=label, ner_label=ner_label)


def _with_roles(entity: Entity, descriptions: Sequence[str]) -> Entity:
    """The actor with its mentions by office ("Kazakh president") counted and listed as aliases."""
    if not descriptions:
        return entity
    return dataclasses.replace(entity, aliases=tuple(sorted({*entity.aliases, *descriptions})),
                               mentions=entity.mentions + len(descriptions))


def _speaker_entity(quote: Quote, mentions: Sequence[Mention]) -> str | None:
    """The actor of the mention the quote's speaker refers to. A "he" or "she" the annotate stage
    gave to a name the story finds to be no person (NER's PERSON on "Grozny") goes to the nearest
    person named before it instead, within ``PRONOUN_REACH`` characters, else to no one. A place inside a
    longer name ("Garuda Indonesia said") is no one's: the speaker stays as written, with no actor."""
    ref = quote.speaker_ref
    if ref is None:
        return None
    best: Mention | None = None
    best_overlap = 0
    for m in mentions:
        overlap = min(m.end, ref.end) - max(m.start, ref.start)
        if overlap > best_overlap and m.entity is not None:
            best, best_overlap = m, overlap
    if best is not None and best.label in ("GPE", "LOC", "NORP") and best_overlap < len(ref.text.strip()) \
            and any(w[:1].isupper() for w in _outside(ref, best)):
        return None  # "Garuda Indonesia said": a company named after a country, not the country
    speaker = quote.speaker
    if best is None or best.label == "PERSON" or speaker is None or speaker.text.lower() not in _PERSONAL:
        return best.entity if best else None
    before = [m for m in mentions if m.label == "PERSON" and m.entity is not None
              and speaker.start - PRONOUN_REACH <= m.start and m.end <= speaker.start]
    return before[-1].entity if before else None


def _outside(ref: Span, m: Mention) -> list[str]:
    """The words of a speaker's name outside a mention inside it."""
    return (ref.text[:max(0, m.start - ref.start)] + " " + ref.text[max(0, m.end - ref.start):]).split()


# A personal pronoun speaker, and how far before it a person it may stand for is looked for once the
# name the annotate stage chose proves no person's (about one paragraph).
_PERSONAL = frozenset({"he", "she"})
PRONOUN_REACH = 400


def _name_speakers(groups: Sequence[QuoteGroup], entities: Mapping[str, Entity]) -> tuple[QuoteGroup, ...]:
    """Name each group's speaker by its actor's canonical name."""
    out = []
    for g in groups:
        entity = entities.get(g.speaker_entity) if g.speaker_entity else None
        out.append(dataclasses.replace(g, speaker=entity.name) if entity else g)
    return tuple(out)


def story_title(items: Sequence[tuple[Article, Annotations]]) -> str:
    """A title: the latest dated article's headline, which tells where the story stands (the first wire's "killing at
    least four" stayed the title of made-up collapse stories whose toll had reached 22), else the earliest article's
    title or first sentence, cut to a readable length. ``items`` are in publication order."""
    dated = [(a.published, a.title.strip()) for a, _ in items
             if a.published is not None and a.title and a.title.strip()]
    if dated:
        return _cut(max(dated, key=lambda d: d[0])[1])
    for article, _ in items:
        if article.title and article.title.strip():
            return _cut(article.title.strip())
    for _, ann in items:
        if ann.sentences:
            return _cut(ann.sentences[0].text)
    return items[0][0].text[:_TITLE_CHARS] if items else ""


def _cut(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _TITLE_CHARS:
        return text
    return text[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


__all__ = ["DossierBuilder", "link_annotations", "publication_order", "story_title"]
