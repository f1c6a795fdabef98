"""Running the stages: ingest -> annotate -> link -> dossier, incrementally, with a closing report.

Each step reads what it needs from the store and writes its results in transactions of its own, so a
run that is killed at any point loses nothing that was committed, and the next run picks up where it
stopped: articles without current annotations are annotated, articles without a story are linked,
and stories marked as pending get their dossiers rebuilt. Re-adding an article is a no-op.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tqdm import tqdm

from newsweave.annotate.run import AnnotationFailure, Annotator
from newsweave.dossier import worker as dossier_worker
from newsweave.errors import InputError
from newsweave.ingest import iter_inputs
from newsweave.link.stories import StoryClusterer
from newsweave.model import Annotations, Article
from newsweave.store import Store
from newsweave.worker_pools import exit_with_parent, worker_context

STORIES_STATE = "stories"
PENDING_STATE = "pending_dossiers"
# Articles written to the store per transaction during ingest: large enough to amortize commits,
# small enough that a killed run redoes little.
_INGEST_BATCH = 200
# Stories whose dossiers are built between two writes to the store (see build_dossiers).
_DOSSIER_BATCH = 64
# Stories to rebuild from which the dossier stage runs on ``workers`` processes: their fork server
# costs ~1.8 s (imports, place table), worth it only when the stage is long (510 stories of 1,000
# Reuters articles took ~7 s on one process).
_PARALLEL_DOSSIERS = 256
# Labels whose mention texts feed story clustering as shared-actor evidence.
_CLUSTER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class RunConfig:
    """How to run the pipeline.

    Attributes:
        model: spaCy pipeline name or path (None: the configured default).
        workers: annotation processes (default: one per core). Below 64 articles one process is
            used, since starting a worker costs a model load.
        progress: show progress bars on stderr.
        embeddings: group quotes across translations with MiniLM sentence embeddings (the
            ``[embeddings]`` extra) on top of the lexical method.
    """

    model: str | None = None
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    progress: bool = True
    embeddings: bool = False


@dataclass(slots=True)
class RunReport:
    """What a run did: counts per stage, what it skipped and why, and how long each stage took."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, id of the stored copy)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    annotated: int = 0
    linked: int = 0
    stories_updated: int = 0
    stories_total: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "read": self.read, "added": self.added, "already_stored": self.already_stored,
            "duplicates": [list(d) for d in self.duplicates], "skipped": [list(s) for s in self.skipped],
            "annotated": self.annotated, "linked": self.linked, "stories_updated": self.stories_updated,
            "stories_total": self.stories_total, "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }

    def format(self) -> str:
        """A few human-readable lines for the end of ``newsweave run``."""
        lines = [
            f"ingest:   {self.read} read, {self.added} added, {self.already_stored} already stored, "
            f"{len(self.duplicates)} exact duplicates, {len(self.skipped)} skipped",
            f"annotate: {self.annotated} articles",
            f"link:     {self.linked} articles placed; {self.stories_updated} stories updated, "
            f"{self.stories_total} in all",
            "time:     " + ", ".join(f"{k} {v:.1f}s" for k, v in self.timings.items()),
        ]
        for article_id, kept in self.duplicates[:20]:
            lines.append(f"  duplicate: {article_id} has the same text as {kept}; kept {kept}")
        if len(self.duplicates) > 20:
            lines.append(f"  ... and {len(self.duplicates) - 20} more duplicates")
        for where, reason in self.skipped:
            lines.append(f"  skipped: {where}: {reason}")
        return "\n".join(lines)


@contextmanager
def _timed(report: RunReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.timings[stage] = report.timings.get(stage, 0.0) + time.perf_counter() - start


def _bar(config: RunConfig, total: int | None, desc: str) -> tqdm:
    return tqdm(total=total, desc=desc, unit="art", disable=not config.progress or not sys.stderr.isatty(),
                file=sys.stderr, leave=False)


def run(paths: Iterable[str | Path], store: Store, config: RunConfig = RunConfig()) -> RunReport:
    """Ingest ``paths`` into ``store``, then annotate, link and build dossiers for what changed.

    Args:
        paths: files and folders (``.txt``, ``.jsonl``, ``.html``, feeds); folders are walked.
        store: an open store.
        config: model, workers, progress bars.

    Returns:
        The run's report; it is also recorded in the store.
    """
    report = RunReport()
    run_id = store.start_run()
    with _timed(report, "ingest"):
        ingest(paths, store, run_id, report, config)
    update(store, report, config)
    store.finish_run(run_id, report.to_dict())
    return report


def ingest(paths: Iterable[str | Path], store: Store, run_id: int, report: RunReport,
           config: RunConfig) -> None:
    """Read inputs and store new articles; bad inputs are recorded with their reason and skipped."""
    batch: list[Article] = []
    with _bar(config, None, "ingest") as bar:
        for item in iter_inputs(paths):
            if isinstance(item, InputError):
                report.skipped.append((item.where, item.reason))
                store.record_skipped(run_id, item.where, item.reason)
                continue
            report.read += 1
            batch.append(item)
            bar.update()
            if len(batch) >= _INGEST_BATCH:
                _store_batch(batch, store, run_id, report)
                batch = []
        _store_batch(batch, store, run_id, report)


def _store_batch(batch: Sequence[Article], store: Store, run_id: int, report: RunReport) -> None:
    for article, result in zip(batch, store.add_articles(batch), strict=True):
        if result.status == "added":
            report.added += 1
        elif result.status == "exists":
            report.already_stored += 1
        elif result.status == "duplicate":
            report.duplicates.append((article.id, result.kept_id))
        else:
            reason = "id already stored with a different text; give this article another id"
            report.skipped.append((article.id, reason))
            store.record_skipped(run_id, article.id, reason)


def update(store: Store, report: RunReport, config: RunConfig = RunConfig()) -> None:
    """Annotate, link and rebuild dossiers for whatever the store holds that is not current."""
    with _timed(report, "load model"):
        annotator = Annotator(config.model, workers=1)
    todo = store.ids_needing_annotation(annotator.version)
    if todo:
        _mark_stories_pending(store, todo)
        with _timed(report, "annotate"):
            annotate(todo, store, annotator, report, config)
    if config.workers > 1 and report.annotated >= _PARALLEL_DOSSIERS and store.worker_url() is not None:
        # Likely enough stories for dossier workers: their server loads while linking uses one core.
        worker_context(config.model)
    with _timed(report, "link"):
        touched = link(store, report)
    with _timed(report, "dossier"):
        build_dossiers(touched, store, annotator.version, report, config)
    report.stories_total = store.count_stories()


def _mark_stories_pending(store: Store, article_ids: Sequence[str]) -> None:
    """Mark the stories of ``article_ids`` (articles annotated again, by a new annotator version)
    for a new dossier: their dossiers were built from the old annotations, and the new ones lack
    the actor ids a dossier writes into them. Marked before annotating, so that a stopped run
    still rebuilds them."""
    placed = {aid: s.id for s in store.list_stories() for aid in s.articles}
    stale = {placed[aid] for aid in article_ids if aid in placed}
    if stale:
        pending = set((store.get_state(PENDING_STATE) or {}).get("stories", []))
        store.put_state(PENDING_STATE, {"stories": sorted(pending | stale)})


def annotate(ids: Sequence[str], store: Store, annotator: Annotator, report: RunReport,
             config: RunConfig) -> None:
    """Annotate the articles ``ids``, on ``config.workers`` processes when there is enough work."""
    # Starting a worker process costs a model load (~1 s); below this many articles one process wins.
    workers = config.workers if len(ids) >= 64 else 1
    with _bar(config, len(ids), "annotate") as bar:
        for results in annotator.annotate(store.iter_articles(ids), workers=workers):
            done = [(r, annotator.version) for r in results if isinstance(r, Annotations)]
            store.put_annotations(done)
            report.annotated += len(done)
            for r in results:
                if isinstance(r, AnnotationFailure):
                    report.skipped.append((r.article_id, r.reason))
            bar.update(len(results))


def entity_keys(ann: Annotations) -> list[str]:
    """The normalized actor names of an article that story clustering uses as shared-actor evidence."""
    return sorted({m.text.lower() for m in ann.mentions if m.label in _CLUSTER_LABELS})


def link(store: Store, report: RunReport) -> set[str]:
    """Place every annotated article without a story; returns the ids of stories that changed (and
    of those a stopped run left without their dossier)."""
    stored = {aid: s.id for s in store.list_stories() for aid in s.articles}
    unplaced = list(store.iter_annotations([aid for aid in store.article_ids() if aid not in stored]))
    if not unplaced:  # nothing to place: the clusterer's state (tens of MB at 20k articles) stays unread
        return set((store.get_state(PENDING_STATE) or {}).get("stories", []))
    state = store.get_state(STORIES_STATE)
    clusterer = StoryClusterer.from_state(state) if state else StoryClusterer()
    known = clusterer.assignments()
    # every article the clusterer does not know is placed, also one with a stored story (a state
    # lost or left behind by a stopped load is rebuilt); one it placed before a stop, whose story
    # was not stored yet, is not new: its assignment is written below as a change
    lost = [aid for aid in stored if aid not in known]
    new = [ann for ann in unplaced if ann.article_id not in known] + list(store.iter_annotations(lost))
    if new:
        articles = {a.id: a for a in store.iter_articles([ann.article_id for ann in new])}
        items = sorted(
            ((articles[ann.article_id], ann) for ann in new),
            key=lambda it: (it[0].published or date.max, it[0].id),
        )
        clusterer.add_batch([(a.id, a.text, a.published, entity_keys(ann)) for a, ann in items])
        report.linked += len(items)
    after = clusterer.assignments()
    changed = {aid: sid for aid, sid in after.items() if stored.get(aid) != sid}
    touched = set(changed.values()) | {stored[aid] for aid in changed if aid in stored}
    pending = set((store.get_state(PENDING_STATE) or {}).get("stories", [])) | touched
    # Order matters for crash safety: pending stories first, then the clusterer, then assignments.
    store.put_state(PENDING_STATE, {"stories": sorted(pending)})
    store.put_state(STORIES_STATE, clusterer.to_state())
    if changed:
        store.set_story_assignments(changed)
    return pending


def _story_batches(todo: Sequence[str], members: dict[str, list[str]]) -> Iterator[dossier_worker.Job]:
    """The stories ``todo`` with the ids of their articles, ``_DOSSIER_BATCH`` stories at a time."""
    for start in range(0, len(todo), _DOSSIER_BATCH):
        yield [(sid, members[sid]) for sid in todo[start : start + _DOSSIER_BATCH]]


def _build_batches(jobs: Iterator[dossier_worker.Job], store: Store, version: str, workers: int,
                   embeddings: bool) -> Iterator[int]:
    """Build and store each batch's dossiers; yields the number built per batch. On ``workers``
    processes, each reading and writing the store itself, when more than one and the store can be
    opened by another process."""
    url = store.worker_url() if workers > 1 else None
    if url is None:
        for job in jobs:
            yield dossier_worker.build_batch(store, job, version, embeddings)
        return
    with ProcessPoolExecutor(workers, mp_context=worker_context(), initializer=exit_with_parent) as pool:
        pending: list[Future[int]] = []
        for job in jobs:
            pending.append(pool.submit(dossier_worker.build_stored_batch, url, job, version, embeddings))
            while len(pending) >= 2 * workers:  # bounded in flight: the parent stays a step ahead
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()


def build_dossiers(story_ids: Iterable[str], store: Store, version: str, report: RunReport,
                   config: RunConfig) -> None:
    """Rebuild the dossiers of ``story_ids`` (deleting stories that lost every article)."""
    story_ids = sorted(story_ids)
    if not story_ids:  # nothing pending: the stories' members need not be read
        return
    members: dict[str, list[str]] = {}
    for story in store.list_stories():
        members[story.id] = list(story.articles)
    empty = [sid for sid in story_ids if not members.get(sid)]
    if empty:
        store.delete_stories(empty)
    todo = [sid for sid in story_ids if members.get(sid)]
    workers = config.workers if len(todo) >= _PARALLEL_DOSSIERS else 1
    # One read and two writes per batch of stories instead of per story: profiled on 1,000 Reuters
    # articles (510 stories), per-story writes took 6.6 s of a 50 s dossier stage.
    with _bar(config, len(todo), "dossiers") as bar:
        for n in _build_batches(_story_batches(todo, members), store, version, workers, config.embeddings):
            report.stories_updated += n
            bar.update(n)
    store.put_state(PENDING_STATE, {"stories": []})
