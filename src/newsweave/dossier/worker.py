"""The dossier stage's unit of work, in the parent process or in a worker process.

A batch of stories is read from the store, built, and written back by whoever builds it: with
several processes, each worker opens the store itself (``Store.worker_url``) and the parent sends
only story and article ids. Passing the articles and annotations through the parent cost it more
CPU (reading, pickling, restoring and writing every batch: ~4.5 s on 5,000 Reuters articles) than
building the dossiers left it, so the second worker bought little.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.dossier.actors import warm_up
from newsweave.dossier.build import DossierBuilder
from newsweave.store import Store, open_store

# (story id, the ids of its articles) per story of a batch
Job = Sequence[tuple[str, Sequence[str]]]

_BUILDER: dict[bool, DossierBuilder] = {}  # one builder per process (and per embeddings flag)
_STORES: dict[str, Store] = {}  # the store a worker process opened, by URL


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
    warm_up()


def build_batch(store: Store, job: Job, version: str, embeddings: bool) -> int:
    """Read a batch's stories, build their dossiers, and write the dossiers and the linked
    annotations (each in one transaction); returns the number of dossiers written.

    Args:
        store: the open store.
        job: the stories, each with the ids of its articles.
        version: the annotator version the annotations are written with.
        embeddings: group quotes with sentence embeddings too.
    """
    ids = [aid for _, members in job for aid in members]
    articles = {a.id: a for a in store.iter_articles(ids)}
    annotations = {ann.article_id: ann for ann in store.iter_annotations(ids)}
    built = [builder(embeddings).build(sid, [(articles[i], annotations[i]) for i in members
                                             if i in articles and i in annotations])
             for sid, members in job]
    store.put_annotations([(ann, version) for _, linked in built for ann in linked])
    store.put_dossiers([dossier for dossier, _ in built])
    return len(built)


def build_stored_batch(url: str, job: Job, version: str, embeddings: bool) -> int:
    """``build_batch`` in a worker process, on the store at ``url`` (opened once per process)."""
    if url not in _STORES:
        _STORES[url] = open_store(url)
    return build_batch(_STORES[url], job, version, embeddings)
