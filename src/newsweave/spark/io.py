"""Spark inputs and outputs: JSONL or Parquet in; Parquet and the export JSONL contract out.

Inputs. A path ending in ``.parquet`` (a file or a folder of parts) is Parquet with at least the
columns ``id`` and ``text`` (``published``, ``title``, ``source``, ``url`` optional); any other path is
JSON Lines (``.jsonl``, ``.ndjson``, ``.jsonl.gz``, or a glob). A local folder is walked for those
suffixes. Every row, from either format, goes through the local engine's JSONL line parser, so the
checks, the text normalization and the reasons for skipping are the same as ``newsweave run``'s.
Unlike the local reader, Spark decodes JSONL as UTF-8 only (invalid bytes become U+FFFD).

Outputs, in ``OUT``:

- ``articles.parquet``  id, source, published (date), title, url, text, story, version, annotations
                        (``Annotations.to_dict`` JSON, entity ids set), failure (why annotation failed)
- ``stories.parquet``   id, title, size, dossier (``Dossier.to_dict`` JSON)
- ``skipped.parquet``   where, reason
- ``articles.jsonl``, ``stories.jsonl``  the export contract (DESIGN.md), byte for byte what
                        ``newsweave export`` writes for the same store; on a non-local ``OUT`` they
                        are folders of part files whose concatenation is the contract
- ``stories_state.json`` the story clusterer's state, so the local engine can continue the stories
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from newsweave.export import article_record, story_record
from newsweave.model import Annotations, Dossier
from newsweave.spark.stages import ARTICLE_COLUMNS, PARSED_SCHEMA, article_of_row, parse_records

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["EXPORT_SCHEMA", "export_frames", "is_local_path", "local_path", "parsed_inputs", "write_lines"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIX = ".parquet"
# Input order: (path number << ORD_SHIFT) + line number. 2**40 lines per file is beyond any input.
ORD_SHIFT = 40
EXPORT_SCHEMA = "kind string, id string, record string"


def is_local_path(path: str) -> bool:
    """Whether ``path`` is on this machine's file system (no scheme, or ``file:``)."""
    return urlparse(path).scheme in ("", "file")


def local_path(path: str) -> Path:
    """The file-system path of a local ``path`` (``file:`` prefix removed)."""
    return Path(urlparse(path).path) if path.startswith("file:") else Path(path)


def _expand(paths: Iterable[str]) -> list[str]:
    """Input paths with local folders replaced by the JSONL and Parquet inputs inside them."""
    out: list[str] = []
    for path in paths:
        p = local_path(path) if is_local_path(path) else None
        if p is not None and p.is_dir() and not p.name.endswith(PARQUET_SUFFIX):
            found = sorted(f for f in p.rglob("*") if f.name.endswith((*JSONL_SUFFIXES, PARQUET_SUFFIX))
                           and (f.is_file() or f.name.endswith(PARQUET_SUFFIX)))
            out += [str(f) for f in found if not any(parent.name.endswith(PARQUET_SUFFIX)
                                                      for parent in f.relative_to(p).parents)]
        else:
            out.append(path)
    return out


def parsed_inputs(spark: SparkSession, paths: Sequence[str], max_chars: int) -> DataFrame:
    """Every input record parsed: one row per article or skipped input, in ``PARSED_SCHEMA``.

    Args:
        spark: the session.
        paths: JSONL and Parquet files, folders or globs (local, ``hdfs://``, ``s3a://``, ...).
        max_chars: the longest article text accepted.

    Returns:
        The rows, with ``ord`` (input order) and ``where`` (``FILE:LINE``, or ``FILE#ROW`` for Parquet).
    """
    rdds = []
    for number, path in enumerate(_expand(paths)):
        unreadable = _unreadable(path)
        if unreadable is not None:
            row = (number << ORD_SHIFT, path, unreadable, *([None] * (len(ARTICLE_COLUMNS) + 1)))
            rdds.append(spark.sparkContext.parallelize([row], 1))
            continue
        if path.rstrip("/").endswith(PARQUET_SUFFIX):
            records = _parquet_as_json(spark, path).rdd.map(lambda row: str(row[0]))
            where = path + "#"
        else:
            records = spark.sparkContext.textFile(path)
            where = path + ":"
        rdds.append(records.zipWithIndex().mapPartitions(
            partial(parse_records, base=number << ORD_SHIFT, where=where, max_chars=max_chars)))
    if not rdds:
        return spark.createDataFrame([], PARSED_SCHEMA)
    return spark.createDataFrame(spark.sparkContext.union(rdds), PARSED_SCHEMA)


def _unreadable(path: str) -> str | None:
    """Why the Spark engine cannot read the local ``path``, or None (remote paths are left to Spark)."""
    if not is_local_path(path) or any(c in path for c in "*?["):
        return None
    p = local_path(path)
    if not p.exists():
        return "no such file or folder"
    if p.name.endswith((*JSONL_SUFFIXES, PARQUET_SUFFIX)):
        return None
    return ("not JSONL or Parquet: the Spark engine reads .jsonl, .jsonl.gz, .ndjson and .parquet; "
            "use --engine local for .txt, HTML and feeds")


def _parquet_as_json(spark: SparkSession, path: str) -> DataFrame:
    from pyspark.sql import functions as F
    from pyspark.sql.types import DateType, TimestampType

    frame = spark.read.parquet(path)
    columns = []
    for field in frame.schema.fields:
        if field.name == "published" and isinstance(field.dataType, DateType | TimestampType):
            columns.append(F.date_format(F.col(field.name), "yyyy-MM-dd").alias(field.name))
        else:
            columns.append(F.col(field.name))
    return frame.select(F.to_json(F.struct(*columns)).alias("line"))


def export_frames(frames: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Render export records (``articles.jsonl`` and ``stories.jsonl`` lines) on the executors.

    Args:
        frames: rows of ``articles.parquet`` (``kind="article"``) and ``stories.parquet``
            (``kind="story"``), with ``kind``, ``id`` and the columns of their table.

    Returns:
        Batches in ``EXPORT_SCHEMA``: the JSON line of each record, as ``newsweave export`` writes it.
    """
    import pandas as pd

    for frame in frames:
        rows = []
        for row in frame.to_dict("records"):
            if row["kind"] == "story":
                record = story_record(Dossier.from_dict(json.loads(row["dossier"])))
            else:
                article = article_of_row(row)
                ann = row.get("annotations")
                annotations = Annotations.from_dict(json.loads(ann), article.text) if ann else None
                record = article_record(article, annotations, row.get("story") or None)
            rows.append({"kind": row["kind"], "id": row["id"], "record": json.dumps(record, ensure_ascii=False)})
        yield pd.DataFrame(rows, columns=["kind", "id", "record"])


def write_lines(frame: DataFrame, out: str, name: str) -> int:
    """Write the ``record`` column of ``frame`` (ordered by ``id``) as the JSONL file ``out/name``.

    A local ``out`` gets one file, written under a temporary name and renamed (no half-written
    export); elsewhere Spark writes a folder of ordered part files.

    Returns:
        The number of lines written.
    """
    ordered = frame.orderBy("id").select("record")
    if not is_local_path(out):
        ordered.write.mode("overwrite").text(f"{out.rstrip('/')}/{name}")
        return int(ordered.count())
    target = local_path(out) / name
    tmp = target.with_name(target.name + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8") as handle:
        for row in ordered.toLocalIterator():
            handle.write(row[0] + "\n")
            count += 1
    tmp.replace(target)
    return count
