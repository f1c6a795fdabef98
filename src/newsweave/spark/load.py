"""Loading a Spark job's output into a newsweave store (SQLite or PostgreSQL).

Reads ``articles.parquet``, ``stories.parquet`` and ``stories_state.json`` with pyarrow (no Spark
needed, so a laptop can load what a cluster computed, after copying the folder), and writes them
through the ordinary store interface. The store then holds what ``newsweave run`` would have
written for the same input: articles, annotations with their version, story assignments, dossiers
and the story clusterer's state, so later ``newsweave run --engine local`` calls continue the same
stories incrementally.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsweave.errors import StoreError
from newsweave.model import Annotations, Article, Dossier
from newsweave.pipeline import PENDING_STATE, STORIES_STATE
from newsweave.spark.job import REPORT_FILE, STATE_FILE
from newsweave.spark.stages import article_of_row
from newsweave.store import Store

__all__ = ["load_into_store", "require_empty"]

# Rows per store transaction: the store's own batch size for articles.
_BATCH = 500


def _rows(path: Path, columns: list[str]) -> Iterator[dict[str, Any]]:
    import pyarrow.dataset as ds

    dataset = ds.dataset(str(path), format="parquet")
    for batch in dataset.to_batches(columns=columns, batch_size=_BATCH):
        yield from batch.to_pylist()


def load_into_store(out: str | Path, store: Store) -> dict[str, Any]:
    """Write a Spark job's output folder into ``store``.

    Args:
        out: the job's local output folder.
        store: an open store; it must hold no articles yet (the Spark engine builds a store whole).

    Returns:
        The job's report (``report.json``), as recorded for the run in the store.

    Raises:
        StoreError: the store already holds articles, or ``out`` is not a complete job output.
    """
    out = Path(out)
    missing = [n for n in ("articles.parquet", "stories.parquet", STATE_FILE, REPORT_FILE) if not (out / n).exists()]
    if missing:
        raise StoreError(f"{out} is not a complete newsweave Spark output (missing {', '.join(missing)}): "
                         "run the job again")
    require_empty(store)
    report = json.loads((out / REPORT_FILE).read_text(encoding="utf-8"))
    run_id = store.start_run()
    for where, reason in report.get("skipped", []):
        store.record_skipped(run_id, where, reason)
    columns = ["id", "text", "published", "title", "source", "url", "story", "version", "annotations"]
    assignments: dict[str, str] = {}
    batch: list[dict[str, Any]] = []
    for row in _rows(out / "articles.parquet", columns):
        row["published"] = row["published"].isoformat() if row["published"] else None
        batch.append(row)
        if len(batch) >= _BATCH:
            _put_articles(store, batch, assignments)
            batch = []
    _put_articles(store, batch, assignments)
    # as the local link step orders its writes: a load stopped from here on leaves every story
    # pending (the next local run builds their dossiers) and the clusterer's state before the
    # assignments (the next run that places articles goes on from it)
    store.put_state(PENDING_STATE, {"stories": sorted(set(assignments.values()))})
    store.put_state(STORIES_STATE, json.loads((out / STATE_FILE).read_text(encoding="utf-8")))
    store.set_story_assignments(assignments)
    dossiers: list[Dossier] = []
    for row in _rows(out / "stories.parquet", ["dossier"]):
        dossiers.append(Dossier.from_dict(json.loads(row["dossier"])))
        if len(dossiers) >= _BATCH:
            store.put_dossiers(dossiers)
            dossiers = []
    store.put_dossiers(dossiers)
    store.put_state(PENDING_STATE, {"stories": []})
    store.finish_run(run_id, report)
    return dict(report)


def require_empty(store: Store) -> None:
    """Fail unless ``store`` holds no articles (the Spark engine builds a store whole).

    Raises:
        StoreError: the store already holds articles; the message says what to do instead.
    """
    if store.count_articles():
        raise StoreError("the Spark engine builds a store from scratch and this one already holds articles: "
                         "give a new --db, or add articles to this one with --engine local")


def _put_articles(store: Store, rows: list[dict[str, Any]], assignments: dict[str, str]) -> None:
    articles: list[Article] = [article_of_row(r) for r in rows]
    results = store.add_articles(articles)
    bad = [(a.id, r.status) for a, r in zip(articles, results, strict=True) if r.status != "added"]
    if bad:
        raise StoreError(f"article {bad[0][0]!r} was not added to the store ({bad[0][1]}); "
                         "load the Spark output into a new store")
    texts = {a.id: a.text for a in articles}
    store.put_annotations([(Annotations.from_dict(json.loads(r["annotations"]), texts[r["id"]]), r["version"])
                           for r in rows if r["annotations"]])
    assignments.update({r["id"]: r["story"] for r in rows if r["story"]})
