"""The Spark job: ingest -> annotate -> link -> dossier -> Parquet and the export contract.

Every step writes its result as Parquet under ``OUT/_work`` and the next step reads it back, so a
step's (costly, not bit-for-bit repeatable on retry) work is never recomputed by a later action,
and the per-step row counts come for free. The steps:

1. **ingest**: input rows -> the local engine's line parser (``mapInPandas``); bad rows are kept
   with their reason; an id seen again with another text is skipped, with the same reason as
   ``newsweave run``; an exact copy of an earlier article's text (content hash) is dropped as a
   duplicate of it. "Earlier" is input order, as in the local engine.
2. **annotate**: ``mapInPandas`` batches through ``newsweave.annotate.run.Annotator`` (the spaCy
   model loaded once per executor process) plus each article's story-linking features.
3. **link**: the local ``StoryClusterer`` on the driver over those features (``spark.linking``).
4. **dossier**: ``groupBy(story).applyInPandas`` through ``DossierBuilder``; copied passages are
   found inside each story by the local engine's shingle index (5-gram blocking, no all pairs).
5. **write**: ``articles.parquet``, ``stories.parquet``, ``skipped.parquet``, the export JSONL and
   the clusterer state (see ``spark.io``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from newsweave.ingest.files import DEFAULT_MAX_CHARS
from newsweave.link.stories import StoryConfig
from newsweave.pipeline import RunReport
from newsweave.spark.io import EXPORT_SCHEMA, export_frames, is_local_path, local_path, parsed_inputs, write_lines
from newsweave.spark.linking import FeatureClusterer
from newsweave.spark.stages import (
    ANNOTATED_SCHEMA,
    ARTICLE_COLUMNS,
    STORY_ROWS_SCHEMA,
    annotate_frames,
    build_story,
    published_of,
)

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

__all__ = ["SparkReport", "SparkRunConfig", "run_job"]

STATE_FILE = "stories_state.json"
REPORT_FILE = "report.json"


@dataclass(frozen=True, slots=True)
class SparkRunConfig:
    """How to run the Spark job.

    Attributes:
        model: spaCy pipeline name or path (None: ``$NEWSWEAVE_SPACY_MODEL`` or the default); it must
            be installed on every executor.
        story: story clustering constants (the local engine's defaults).
        max_chars: the longest article text accepted (as ``newsweave run``).
        partitions: annotation tasks; None: two per core Spark reports (``defaultParallelism``).
    """

    model: str | None = None
    story: StoryConfig = StoryConfig()
    max_chars: int = DEFAULT_MAX_CHARS
    partitions: int | None = None


@dataclass(slots=True)
class SparkReport:
    """What the job did, in the local engine's terms (``to_run_report``)."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    annotated: int = 0
    linked: int = 0
    stories: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def to_run_report(self) -> RunReport:
        """The same counts as a ``newsweave.pipeline.RunReport`` (what ``newsweave run`` prints)."""
        return RunReport(read=self.read, added=self.added, already_stored=self.already_stored,
                         duplicates=list(self.duplicates), skipped=list(self.skipped),
                         annotated=self.annotated, linked=self.linked, stories_updated=self.stories,
                         stories_total=self.stories, timings=dict(self.timings))

    def to_dict(self) -> dict[str, object]:
        """JSON-ready counts (written to ``OUT/report.json``)."""
        return self.to_run_report().to_dict()


@contextmanager
def _timed(report: SparkReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.timings[stage] = report.timings.get(stage, 0.0) + time.perf_counter() - start


def _checkpoint(frame: DataFrame, path: str) -> DataFrame:
    """Write ``frame`` as Parquet at ``path`` and read it back (the next step starts from files)."""
    frame.write.mode("overwrite").parquet(path)
    return frame.sparkSession.read.parquet(path)


def run_job(spark: SparkSession, inputs: Sequence[str], out: str,
            config: SparkRunConfig = SparkRunConfig()) -> SparkReport:
    """Run the whole pipeline on Spark and write its outputs to ``out``.

    Args:
        spark: the session (``spark_session``).
        inputs: JSONL and Parquet files, folders or globs, in input order.
        out: the output folder (local, ``hdfs://``, ``s3a://``, ``dbfs:/``, ...); replaced if present.
        config: model, clustering constants, partitions.

    Returns:
        The counts, skipped inputs and timings.
    """
    report = SparkReport()
    work = f"{out.rstrip('/')}/_work"
    with _timed(report, "ingest"):
        articles = _ingest(spark, inputs, config, work, report)
    with _timed(report, "annotate"):
        annotated = _annotate(spark, articles, config, work, report)
    with _timed(report, "link"):
        clusterer, assigned = _link(spark, articles, annotated, config, report)
    with _timed(report, "dossier"):
        story_rows = _checkpoint(_dossier_rows(articles, annotated, assigned), f"{work}/story_rows")
    with _timed(report, "write"):
        report.stories = _write_outputs(articles, annotated, assigned, story_rows, out)
        _write_text(spark, out, STATE_FILE, json.dumps(clusterer.to_state()))
        _write_text(spark, out, REPORT_FILE, json.dumps(report.to_dict(), ensure_ascii=False))
    _delete(spark, work)
    return report


def _ingest(spark: SparkSession, inputs: Sequence[str], config: SparkRunConfig, work: str,
            report: SparkReport) -> DataFrame:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    parsed = _checkpoint(parsed_inputs(spark, inputs, config.max_chars), f"{work}/parsed")
    good = parsed.where(F.col("reason").isNull())
    by_id = Window.partitionBy("id").orderBy("ord")
    good = (good.withColumn("rn_id", F.row_number().over(by_id))
            .withColumn("first_hash", F.first("chash").over(by_id))
            .withColumn("first_where", F.first("where").over(by_id)))
    conflicts = good.where((F.col("rn_id") > 1) & (F.col("chash") != F.col("first_hash"))).select(
        "ord", "where", _conflict_reason().alias("reason"))
    skipped = parsed.where(F.col("reason").isNotNull()).select("ord", "where", "reason").unionByName(conflicts)
    skipped = _checkpoint(skipped, f"{work}/skipped")
    by_hash = Window.partitionBy("chash").orderBy("ord")
    unique = (good.where(F.col("rn_id") == 1).withColumn("rn_hash", F.row_number().over(by_hash))
              .withColumn("kept", F.first("id").over(by_hash)))
    duplicates = unique.where(F.col("rn_hash") > 1).orderBy("ord").select("id", "kept").collect()
    articles = _checkpoint(unique.where(F.col("rn_hash") == 1).select("ord", *ARTICLE_COLUMNS),
                           f"{work}/articles")
    report.skipped = [(r["where"], r["reason"]) for r in skipped.orderBy("ord").collect()]
    report.duplicates = [(r["id"], r["kept"]) for r in duplicates]
    report.added = articles.count()
    report.already_stored = good.where((F.col("rn_id") > 1) & (F.col("chash") == F.col("first_hash"))).count()
    report.read = report.added + report.already_stored + len(report.duplicates)
    return articles


def _conflict_reason() -> Column:
    from pyspark.sql import functions as F

    # The local reader's words (newsweave.ingest.files), for the same input.
    return F.concat(F.lit("duplicate article id '"), F.col("id"), F.lit("': "), F.col("first_where"),
                    F.lit(" has this id with a different text; rename one of the files or change the id"))


def _annotate(spark: SparkSession, articles: DataFrame, config: SparkRunConfig, work: str,
              report: SparkReport) -> DataFrame:
    from pyspark.sql import functions as F

    partitions = config.partitions or 2 * spark.sparkContext.defaultParallelism
    annotate = partial(annotate_frames, model=config.model, config=config.story)
    annotated = _checkpoint(articles.select(*ARTICLE_COLUMNS).repartition(partitions)
                            .mapInPandas(annotate, ANNOTATED_SCHEMA), f"{work}/annotated")
    failures = annotated.where(F.col("failure").isNotNull()).select("id", "failure").orderBy("id").collect()
    report.skipped += [(r["id"], r["failure"]) for r in failures]
    report.annotated = annotated.count() - len(failures)
    return annotated


def _link(spark: SparkSession, articles: DataFrame, annotated: DataFrame, config: SparkRunConfig,
          report: SparkReport) -> tuple[FeatureClusterer, DataFrame]:
    from pyspark.sql import functions as F

    features = (annotated.where(F.col("failure").isNull())
                .select("id", "terms", "weights", "split_terms", "entity_keys")
                .join(articles.select("id", "published"), "id")
                .orderBy(F.col("published").asc_nulls_last(), F.col("id").asc()))
    clusterer = FeatureClusterer(config.story)
    for row in features.toLocalIterator():
        clusterer.add_features(row["id"], published_of(row["published"]), row["terms"], row["weights"],
                               row["entity_keys"], row["split_terms"])
    assignments = clusterer.assignments()
    report.linked = len(assignments)
    rows = sorted(assignments.items())
    assigned = spark.createDataFrame(rows, "id string, story string") if rows else \
        spark.createDataFrame([], "id string, story string")
    return clusterer, assigned


def _dossier_rows(articles: DataFrame, annotated: DataFrame, assigned: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    members = (articles.select(*ARTICLE_COLUMNS)
               .join(annotated.where(F.col("failure").isNull()).select("id", "annotations"), "id")
               .join(assigned, "id"))
    return members.groupBy("story").applyInPandas(build_story, STORY_ROWS_SCHEMA)


def _write_outputs(articles: DataFrame, annotated: DataFrame, assigned: DataFrame, story_rows: DataFrame,
                   out: str) -> int:
    """Write the Parquet tables and the export JSONL; returns the number of stories."""
    from pyspark.sql import functions as F

    base = out.rstrip("/")
    linked = story_rows.where(F.col("kind") == "annotations").select("id", F.col("payload").alias("annotations"))
    table = (articles.join(assigned, "id", "left").join(linked, "id", "left")
             .join(annotated.select("id", "version", "failure"), "id", "left")
             .select("id", "source", F.to_date("published").alias("published"), "title", "url", "text",
                     "story", "version", "annotations", "failure"))
    table.write.mode("overwrite").parquet(f"{base}/articles.parquet")
    dossiers = story_rows.where(F.col("kind") == "dossier").select(
        "id", F.get_json_object("payload", "$.title").alias("title"),
        F.json_array_length(F.get_json_object("payload", "$.articles")).alias("size"),
        F.col("payload").alias("dossier"))
    dossiers.write.mode("overwrite").parquet(f"{base}/stories.parquet")
    skipped_path = f"{base}/_work/skipped"
    articles.sparkSession.read.parquet(skipped_path).orderBy("ord").select("where", "reason") \
        .write.mode("overwrite").parquet(f"{base}/skipped.parquet")
    spark = articles.sparkSession
    article_rows = spark.read.parquet(f"{base}/articles.parquet").select(
        F.lit("article").alias("kind"), *[c for c in ARTICLE_COLUMNS if c != "published"],
        F.date_format("published", "yyyy-MM-dd").alias("published"), "story", "annotations")
    write_lines(article_rows.mapInPandas(export_frames, EXPORT_SCHEMA), out, "articles.jsonl")
    story_table = spark.read.parquet(f"{base}/stories.parquet").select(F.lit("story").alias("kind"), "id", "dossier")
    return write_lines(story_table.mapInPandas(export_frames, EXPORT_SCHEMA), out, "stories.jsonl")


def _write_text(spark: SparkSession, out: str, name: str, text: str) -> None:
    """Write one small text file ``out/name`` (through Hadoop's file system when ``out`` is remote)."""
    if is_local_path(out):
        (local_path(out) / name).write_text(text + "\n", encoding="utf-8")
        return
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    path = jvm.org.apache.hadoop.fs.Path(f"{out.rstrip('/')}/{name}")
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    stream = fs.create(path, True)
    try:
        stream.write(bytearray((text + "\n").encode("utf-8")))
    finally:
        stream.close()


def _delete(spark: SparkSession, path: str) -> None:
    """Remove the working folder (any file system Hadoop knows)."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    target = jvm.org.apache.hadoop.fs.Path(path)
    target.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(target, True)
