"""What runs on the executors: the local engine's stage functions applied to pandas batches.

Nothing here re-implements a stage. Each function turns Spark's rows into the data model, calls the
same code the local engine calls, and turns the results back into rows:

- ``parse_records``    ingest: ``newsweave.ingest.jsonl``'s line parser (validation, normalization);
- ``annotate_frames``  annotate: ``newsweave.annotate.run.Annotator`` (``annotate_doc`` per article),
                       plus each article's story-linking features (``StoryClusterer``'s own term
                       vector, and the entity keys the local pipeline links with);
- ``build_story``      dossier: ``newsweave.dossier.build.DossierBuilder`` over one story's articles.

These functions import no pyspark, so they are tested without a JVM too.

Executor caches. The spaCy pipeline (~1 s and ~200 MB to load) and the dossier builder's place-name
table must be built once per executor Python process, not once per batch. Spark pickles the function
it ships, so an object made on the driver would be re-created per task; instead ``ExecutorCache``
holds them, and the module keeps one instance, ``EXECUTOR_CACHE``. It is filled only when a batch
runs, i.e. inside a Spark Python worker (which Spark reuses across tasks: ``spark.python.worker.reuse``
is true by default), never on the driver, so the driver keeps no global state. Each cached object is
immutable configuration plus a model; nothing flows from one batch's results to the next.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from newsweave.annotate.run import AnnotationFailure, Annotator
from newsweave.dossier.build import DossierBuilder
from newsweave.errors import InputError
from newsweave.ingest.jsonl import parse_line
from newsweave.link.stories import StoryClusterer, StoryConfig
from newsweave.model import Annotations, Article
from newsweave.pipeline import entity_keys

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ANNOTATED_SCHEMA",
    "ARTICLE_COLUMNS",
    "EXECUTOR_CACHE",
    "PARSED_SCHEMA",
    "STORY_ROWS_SCHEMA",
    "ExecutorCache",
    "annotate_frames",
    "article_of_row",
    "build_story",
    "parse_records",
]

ARTICLE_COLUMNS = ("id", "text", "published", "title", "source", "url")

# Spark DDL schemas of what the functions below yield (``published`` stays an ISO string until the
# Parquet output, so pandas and Arrow never convert dates).
PARSED_SCHEMA = ("ord long, where string, reason string, id string, text string, published string, "
                 "title string, source string, url string, chash string")
ANNOTATED_SCHEMA = ("id string, version string, annotations string, failure string, "
                    "terms array<long>, weights array<double>, split_terms array<long>, "
                    "entity_keys array<string>")
STORY_ROWS_SCHEMA = "story string, kind string, id string, payload string"


@dataclass(slots=True)
class ExecutorCache:
    """The costly objects of one executor process: annotators by model, one clusterer, one builder.

    Attributes:
        annotators: one loaded spaCy pipeline per model name.
        clusterers: a ``StoryClusterer`` per config, used only for its term vectorizer (stateless).
        builder: the dossier builder with its place-name table, built on first use.
    """

    annotators: dict[str | None, Annotator] = field(default_factory=dict)
    clusterers: dict[StoryConfig, StoryClusterer] = field(default_factory=dict)
    builder: DossierBuilder | None = None

    def annotator(self, model: str | None) -> Annotator:
        """The annotator for ``model``, loading the pipeline on first use in this process."""
        if model not in self.annotators:
            self.annotators[model] = Annotator(model, workers=1)
        return self.annotators[model]

    def clusterer(self, config: StoryConfig) -> StoryClusterer:
        """A clusterer whose term vectorizer matches ``config``."""
        if config not in self.clusterers:
            self.clusterers[config] = StoryClusterer(config)
        return self.clusterers[config]

    def dossier_builder(self) -> DossierBuilder:
        """The dossier builder of this process."""
        if self.builder is None:
            self.builder = DossierBuilder()
        return self.builder


# The one cache of an executor process (see the module docstring): empty on the driver.
EXECUTOR_CACHE = ExecutorCache()


def parse_records(records: Iterable[tuple[str, int]], base: int, where: str,
                  max_chars: int) -> Iterator[tuple[Any, ...]]:
    """Ingest: parse input lines as the local JSONL reader does (one partition of an RDD).

    Args:
        records: ``(line, index)`` pairs of one input, as ``RDD.zipWithIndex`` gives them.
        base: the input's first position in the overall input order.
        where: the input's name followed by ``:`` (JSONL) or ``#`` (Parquet rows); the 1-based line
            or row number is appended.
        max_chars: the longest article text accepted.

    Returns:
        Tuples in ``PARSED_SCHEMA``: an article (``reason`` None) or a skipped input (``reason`` set);
        blank lines are dropped.
    """
    for line, index in records:
        located = f"{where}{index + 1}"
        # textFile strips the newline that the local reader keeps; JSON error columns depend on it.
        item = parse_line(line + "\n", located, max_chars)
        if item is None:
            continue
        if isinstance(item, InputError):
            yield base + index, located, item.reason, None, None, None, None, None, None, None
            continue
        row = _article_row(item)
        yield (base + index, located, None, *(row[c] for c in ARTICLE_COLUMNS), item.content_hash)


def _article_row(article: Article) -> dict[str, Any]:
    d = article.to_dict()
    return {k: d[k] for k in ARTICLE_COLUMNS}


def article_of_row(row: Any) -> Article:
    """The Article of a row with ``ARTICLE_COLUMNS`` (a pandas row or a dict)."""
    return Article.from_dict({k: _none_if_missing(row[k]) for k in ARTICLE_COLUMNS})


def _none_if_missing(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and value != value) else value


def annotate_frames(frames: Iterable[pd.DataFrame], model: str | None,
                    config: StoryConfig) -> Iterator[pd.DataFrame]:
    """Annotate: every per-article stage, and the story-linking features, for each batch.

    Args:
        frames: batches with ``ARTICLE_COLUMNS``.
        model: the spaCy pipeline (None: the configured default), loaded once per executor process.
        config: the story clustering constants (the term vectorizer depends on them).

    Returns:
        Batches in ``ANNOTATED_SCHEMA``: the annotations as JSON (``Annotations.to_dict``), or the
        failure reason; the article's hashed term vector and its entity keys.
    """
    import pandas as pd

    annotator = EXECUTOR_CACHE.annotator(model)
    clusterer = EXECUTOR_CACHE.clusterer(config)
    for frame in frames:
        articles = [article_of_row(row) for row in frame.to_dict("records")]
        by_id = {a.id: a for a in articles}
        rows = []
        for results in annotator.annotate(articles, workers=1):
            for result in results:
                rows.append(_annotated_row(result, by_id, annotator.version, clusterer))
        yield pd.DataFrame(rows, columns=[c.split()[0] for c in ANNOTATED_SCHEMA.split(", ")])


def _annotated_row(result: Annotations | AnnotationFailure, by_id: dict[str, Article], version: str,
                   clusterer: StoryClusterer) -> dict[str, Any]:
    if isinstance(result, AnnotationFailure):
        return {"id": result.article_id, "version": version, "annotations": None, "failure": result.reason,
                "terms": [], "weights": [], "split_terms": [], "entity_keys": []}
    # The clusterer's own vectorizer: the driver's clusterer then sees exactly the local engine's vector.
    article = by_id[result.article_id]
    terms, weights, split_terms = clusterer.features(article.text, article.published)
    return {"id": result.article_id, "version": version, "annotations": json.dumps(result.to_dict()),
            "failure": None, "terms": terms.tolist(), "weights": weights.tolist(),
            "split_terms": split_terms.tolist(), "entity_keys": entity_keys(result)}


def build_story(frame: pd.DataFrame) -> pd.DataFrame:
    """Dossier: build one story's dossier from its articles (one ``applyInPandas`` group).

    Args:
        frame: the story's rows: ``story``, ``ARTICLE_COLUMNS`` and ``annotations`` (JSON).

    Returns:
        Rows in ``STORY_ROWS_SCHEMA``: one ``kind="dossier"`` row (``Dossier.to_dict`` JSON) and one
        ``kind="annotations"`` row per article (its annotations with entity ids set).
    """
    import pandas as pd

    story_id = str(frame["story"].iloc[0])
    items = []
    for row in frame.to_dict("records"):
        article = article_of_row(row)
        items.append((article, Annotations.from_dict(json.loads(row["annotations"]), article.text)))
    dossier, linked = EXECUTOR_CACHE.dossier_builder().build(story_id, items)
    rows = [{"story": story_id, "kind": "dossier", "id": story_id, "payload": json.dumps(dossier.to_dict())}]
    rows += [{"story": story_id, "kind": "annotations", "id": ann.article_id,
              "payload": json.dumps(ann.to_dict())} for ann in linked]
    return pd.DataFrame(rows, columns=["story", "kind", "id", "payload"])


def published_of(value: str | None) -> date | None:
    """An ISO date string (or None) as a date."""
    return date.fromisoformat(value) if value else None
