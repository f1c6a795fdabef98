"""The dossier stage's worker processes: what runs in them and what they send back.

A worker builds the dossiers of a batch of stories. It imports only the dossier modules (not the
pipeline's annotation and store modules), and it sends back each dossier with only what linking
changed in its articles' annotations: each mention's actor and label and each quote's speaker
actor (``Links``), not the annotations themselves, which the parent process already holds. On
5,000 Reuters articles the full annotations were 23 MB of pickles each way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsweave.dossier.build import DossierBuilder
from newsweave.model import Annotations, Article, Dossier, Mention

Job = list[tuple[str, list[tuple[Article, Annotations]]]]
Built = list[tuple[Dossier, list[Annotations]]]
# (article id, (entity, label) per mention, speaker entity per quote)
Links = tuple[str, tuple[tuple[str | None, str], ...], tuple[str | None, ...]]

_BUILDER: dict[bool, DossierBuilder] = {}  # one builder per worker process (and per embeddings flag)


def builder(embeddings: bool) -> DossierBuilder:
    """This process's dossier builder (the embedder, when asked for, is loaded once)."""
    if embeddings not in _BUILDER:
        from newsweave.dossier.embed import load_embedder

        _BUILDER[embeddings] = DossierBuilder(embedder=load_embedder(required=True) if embeddings else None)
    return _BUILDER[embeddings]


def prepare() -> None:
    """Build this process's dossier builder and its place table now rather than on first use.

    The dossier stage's fork server calls it (through ``dossier.preload``) so that every worker
    forked from the server starts with them.
    """
    builder(False).gazetteer.lookup("Almaty")


def build_job(job: Job, embeddings: bool) -> list[tuple[Dossier, list[Links]]]:
    """Build a batch's dossiers in a worker; return each with its articles' links."""
    out = []
    for sid, items in job:
        dossier, linked = builder(embeddings).build(sid, items)
        out.append((dossier, [links_of(ann) for ann in linked]))
    return out


def links_of(ann: Annotations) -> Links:
    """What the dossier stage sets in one article's annotations."""
    return (ann.article_id, tuple((m.entity, m.label) for m in ann.mentions),
            tuple(q.speaker_entity for q in ann.quotes))


def with_links(ann: Annotations, links: Links) -> Annotations:
    """``ann`` with the mentions' actors and labels and the quotes' speakers of ``links``."""
    _, mention_links, speakers = links
    mentions = tuple(Mention(start=m.start, end=m.end, text=m.text, label=label, entity=entity)
                     for m, (entity, label) in zip(ann.mentions, mention_links, strict=True))
    quotes = tuple(q if q.speaker_entity == s else dataclasses.replace(q, speaker_entity=s)
                   for q, s in zip(ann.quotes, speakers, strict=True))
    return dataclasses.replace(ann, mentions=mentions, quotes=quotes)


def apply_links(job: Job, built: Sequence[tuple[Dossier, list[Links]]]) -> Built:
    """The parent's side: the job's annotations with what the worker linked."""
    anns = {ann.article_id: ann for _, items in job for _, ann in items}
    return [(dossier, [with_links(anns[links[0]], links) for links in linked]) for dossier, linked in built]
