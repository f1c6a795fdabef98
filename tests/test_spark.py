"""The Spark engine (``newsweave.spark``): same results as the local engine, in local mode.

The executor-side functions are tested without Spark. The job itself runs on ``local[2]`` over the
seeds (as JSONL and as Parquet, with bad and duplicate inputs mixed in) and over a slice of ECB+,
and its export is compared byte for byte with ``newsweave run`` + ``newsweave export`` on the same
input. Skipped, with the reason, when PySpark or a Java runtime is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsweave import api
from newsweave.errors import StoreError
from newsweave.evaluate import b_cubed_f1
from newsweave.link.stories import StoryClusterer
from newsweave.pipeline import RunConfig, RunReport
from newsweave.spark.linking import FeatureClusterer
from newsweave.spark.session import java_available
from newsweave.spark.stages import parse_records
from newsweave.store import open_store

# ECB+ topics in the Spark slice: 4 topics, 8 gold stories, ~110 articles (two similar events each).
ECB_TOPICS = {1, 2, 3, 4}


def _has_pyspark() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True


needs_spark = pytest.mark.skipif(
    not _has_pyspark() or not java_available(),
    reason="PySpark or a Java runtime is missing: pip install 'newsweave[spark]' and "
           "apt-get install openjdk-17-jre-headless")



def _ecb_records(corpora_dir: Path) -> list[dict[str, Any]]:
    lines = (corpora_dir / "ecbplus_dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [r for r in map(json.loads, lines) if int(r["topic"]) in ECB_TOPICS]


# -- executor-side functions, no Spark -----------------------------------------------------------------


@pytest.mark.parametrize(("line", "reason_part"), [
    ('{"id": "a", "text": "Some words here."', "malformed JSON"),
    ('{"id": "a"}', "missing field 'text'"),
    ('{"id": "a", "text": "Words.", "published": "2022-13-40"}', "published"),
    ('[1, 2]', "expected a JSON object"),
])
def test_parse_records_skips_bad_lines_with_the_local_reason(line: str, reason_part: str) -> None:
    rows = list(parse_records([(line, 6)], base=100, where="in.jsonl:", max_chars=10_000))
    assert len(rows) == 1
    ord_, where, reason = rows[0][:3]
    assert (ord_, where) == (106, "in.jsonl:7")
    assert reason is not None and reason_part in reason


def test_parse_records_keeps_articles_and_drops_blank_lines() -> None:
    lines = [('{"id": "x", "text": "A  text.\\r\\nMore.", "published": "2022-01-07", "title": "T"}', 0),
             ("   ", 1)]
    rows = list(parse_records(lines, base=0, where="f:", max_chars=10_000))
    assert len(rows) == 1
    _, where, reason, article_id, text, published, title, *_ = rows[0]
    assert (where, reason, article_id, published, title) == ("f:1", None, "x", "2022-01-07", "T")
    assert "\r" not in text  # normalized as the local reader does


def test_feature_clusterer_gives_the_local_clusterers_stories(corpora_dir: Path) -> None:
    records = _ecb_records(corpora_dir)
    local = StoryClusterer()
    expected = local.add_batch([(r["id"], r["text"], None, ()) for r in records])
    vectorizer = StoryClusterer()
    driver = FeatureClusterer()
    for r in sorted(records, key=lambda r: r["id"]):
        terms, weights, split_terms = vectorizer.features(r["text"])
        driver.add_features(r["id"], None, terms.tolist(), weights.tolist(), (), split_terms.tolist())
    assert driver.assignments() == expected
    assert len(set(expected.values())) > 1


# -- the job on local[2] ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if not _has_pyspark() or not java_available():
        pytest.skip("PySpark or a Java runtime is missing: pip install 'newsweave[spark]' and "
                    "apt-get install openjdk-17-jre-headless")
    from newsweave.spark import spark_session

    session = spark_session("local[2]", conf={"spark.ui.showConsoleProgress": "false"})
    yield session
    session.stop()


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _seed_records(seed_texts: dict[str, str]) -> list[dict[str, Any]]:
    return [{"id": sid, "text": text, "published": "2022-01-07" if i % 2 else "2022-01-08",
             "source": f"outlet {i}"} for i, (sid, text) in enumerate(sorted(seed_texts.items()))]


def _local_export(inputs: list[Path], folder: Path) -> tuple[RunReport, Path]:
    report = api.run(inputs, db=folder / "local.db", config=RunConfig(workers=1, progress=False))
    api.export(folder / "local_export", db=folder / "local.db")
    return report, folder / "local_export"


@pytest.fixture(scope="module")
def seeds_run(spark: Any, seed_texts: dict[str, str], tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, Any]:
    """Seeds plus bad input: a malformed line, an id reused with another text, an exact copy."""
    from newsweave.spark import run_job

    folder = tmp_path_factory.mktemp("spark_seeds")
    records = _seed_records(seed_texts)
    good = _write_jsonl(folder / "seeds.jsonl", records)
    bad = folder / "bad.jsonl"
    bad.write_text('{"id": "broken", "text": \n'
                   + json.dumps({"id": records[0]["id"], "text": "Another text under a taken id."}) + "\n"
                   + json.dumps({"id": "copy-of-first", "text": records[1]["text"]}) + "\n", encoding="utf-8")
    local_report, local_out = _local_export([good, bad], folder)
    out = folder / "spark_out"
    report = run_job(spark, [str(good), str(bad)], str(out))
    return {"folder": folder, "out": out, "report": report, "local_report": local_report,
            "local_out": local_out, "records": records, "jsonl": good}


@needs_spark
@pytest.mark.parametrize("name", ["articles.jsonl", "stories.jsonl"])
def test_seeds_export_is_identical_to_the_local_engine(seeds_run: dict[str, Any], name: str) -> None:
    spark_lines = (seeds_run["out"] / name).read_text(encoding="utf-8").splitlines()
    local_lines = (seeds_run["local_out"] / name).read_text(encoding="utf-8").splitlines()
    assert spark_lines == local_lines
    assert len(spark_lines) == (5 if name == "articles.jsonl" else 1)


@needs_spark
def test_skipped_inputs_and_duplicates_are_reported_as_locally(seeds_run: dict[str, Any]) -> None:
    report, local = seeds_run["report"], seeds_run["local_report"]
    assert (report.read, report.added, report.annotated, report.linked) == (6, 5, 5, 5)
    assert report.duplicates == local.duplicates == [("copy-of-first", seeds_run["records"][1]["id"])]
    assert report.skipped == local.skipped
    assert [w.rsplit(":", 1)[1] for w, _ in report.skipped] == ["1", "2"]


@needs_spark
def test_parquet_tables_hold_articles_stories_and_skipped(seeds_run: dict[str, Any]) -> None:
    import pyarrow.parquet as pq

    articles = pq.read_table(seeds_run["out"] / "articles.parquet").to_pylist()
    stories = pq.read_table(seeds_run["out"] / "stories.parquet").to_pylist()
    skipped = pq.read_table(seeds_run["out"] / "skipped.parquet").to_pylist()
    assert sorted(a["id"] for a in articles) == sorted(r["id"] for r in seeds_run["records"])
    assert {a["story"] for a in articles} == {s["id"] for s in stories}
    assert stories[0]["size"] == 5 and json.loads(stories[0]["dossier"])["quotes"]
    assert all(a["annotations"] and a["failure"] is None for a in articles)
    assert len(skipped) == 2


@needs_spark
def test_output_loads_into_a_store_that_the_local_engine_continues(seeds_run: dict[str, Any],
                                                                   tmp_path: Path) -> None:
    from newsweave.spark import load_into_store

    db = tmp_path / "loaded.db"
    with open_store(db) as store:
        load_into_store(seeds_run["out"], store)
        assert store.count_articles() == 5 and store.get_state("stories")
        with pytest.raises(StoreError, match="already holds articles"):
            load_into_store(seeds_run["out"], store)
    api.export(tmp_path / "again", db=db)
    for name in ("articles.jsonl", "stories.jsonl"):
        assert (tmp_path / "again" / name).read_bytes() == (seeds_run["out"] / name).read_bytes()
    follow_up = _write_jsonl(tmp_path / "more.jsonl", [{**seeds_run["records"][2], "id": "late-copy",
                                                         "text": seeds_run["records"][2]["text"] + " Updated."}])
    report = api.run([follow_up], db=db, config=RunConfig(workers=1, progress=False))
    assert report.added == 1 and report.stories_total == 1  # joins the story the Spark run made


@needs_spark
def test_parquet_input_gives_the_same_articles_as_jsonl(spark: Any, seeds_run: dict[str, Any],
                                                        tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsweave.spark import run_job

    records = seeds_run["records"]
    table = pa.table({"id": [r["id"] for r in records], "text": [r["text"] for r in records],
                      "published": pa.array([date.fromisoformat(r["published"]) for r in records], pa.date32()),
                      "source": [r["source"] for r in records]})
    pq.write_table(table, tmp_path / "seeds.parquet")
    run_job(spark, [str(tmp_path / "seeds.parquet")], str(tmp_path / "out"))
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == (seeds_run["out"] / "articles.jsonl").read_bytes()


@needs_spark
@pytest.mark.gold
def test_ecbplus_slice_stories_and_annotations_agree_with_the_local_engine(
        spark: Any, corpora_dir: Path, tmp_path: Path) -> None:
    from newsweave.spark import run_job

    records = _ecb_records(corpora_dir)
    source = _write_jsonl(tmp_path / "ecb.jsonl", [{"id": r["id"], "text": r["text"]} for r in records])
    _, local_out = _local_export([source], tmp_path)
    run_job(spark, [str(source)], str(tmp_path / "spark_out"))

    def load(folder: Path) -> dict[str, dict[str, Any]]:
        lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        return {d["id"]: d for d in map(json.loads, lines)}

    local, distributed = load(local_out), load(tmp_path / "spark_out")
    assert local.keys() == distributed.keys() and len(local) == len(records)
    agreement = b_cubed_f1({i: d["story"] for i, d in local.items()}, {i: d["story"] for i, d in distributed.items()})
    assert agreement >= 0.99
    keys = ("entities", "quotes", "timexes", "figures")
    same = sum(all(local[i][k] == distributed[i][k] for k in keys) for i in local)
    assert same == len(local)


@pytest.mark.parametrize(("name", "readable"), [
    ("a.jsonl", True), ("a.jsonl.gz", True), ("a.ndjson", True), ("a.parquet", True),
    ("a.txt", False), ("a.html", False), ("missing.jsonl", False),
])
def test_only_jsonl_and_parquet_inputs_are_read(tmp_path: Path, name: str, readable: bool) -> None:
    from newsweave.spark.io import _unreadable

    if name != "missing.jsonl":
        (tmp_path / name).write_text("{}", encoding="utf-8")
    reason = _unreadable(str(tmp_path / name))
    assert (reason is None) == readable
    assert _unreadable("hdfs:///news/*.txt") is None  # remote paths are Spark's to read
