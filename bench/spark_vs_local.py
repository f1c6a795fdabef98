"""The Spark engine against the local engine: agreement on ECB+, and time on Reuters-21578.

Usage:
    python bench/spark_vs_local.py --agreement            # ECB+ dev, 772 articles, both engines
    python bench/spark_vs_local.py --articles 5000        # local vs Spark local[2] and local[1]

Agreement: both engines run the whole pipeline on ``ecbplus_dev.jsonl`` (id and text only, as the
stories bench does); prints B-cubed F1 between their story assignments, each engine's B-cubed F1
against the gold subtopics, how many articles have identical annotations (entities, quotes,
timexes, figures of the export record), and whether the two exports are byte-identical.

Time: each configuration runs in a fresh process on a fresh database (Spark's JVM start and
session included, as a user pays them): ``newsweave run --workers 2`` (the local engine on both
cores), then ``run_spark`` with ``local[2]`` and ``local[1]`` (executor cores). One table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from news_sample import news_rows, write_jsonl
from newsweave.evaluate import b_cubed_f1

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
KEYS = ("entities", "quotes", "timexes", "figures")


# One configuration, run in a child process so each gets a fresh interpreter (and JVM).
_CHILD = """
import json, sys, time
engine, master, source, db, out = sys.argv[1:6]
started = time.perf_counter()
if engine == "local":
    from newsweave import api
    from newsweave.pipeline import RunConfig
    report = api.run([source], db=db, config=RunConfig(workers=2, progress=False))
else:
    from newsweave.spark import run_spark
    report = run_spark([source], db, master=master, out=out,
                       spark_conf={"spark.ui.showConsoleProgress": "false"})
elapsed = time.perf_counter() - started
if out != "-" and engine == "local":
    from newsweave import api
    api.export(out, db=db)
print(json.dumps({"seconds": elapsed, "timings": report.timings, "added": report.added,
                  "stories": report.stories_total}))
"""


def run_engine(engine: str, master: str, source: Path, folder: Path, export: bool) -> dict[str, Any]:
    """Run one engine in a fresh process; returns its seconds, stage timings and counts."""
    tag = engine if engine == "local" else master.replace("[", "").replace("]", "")
    out = str(folder / f"out_{tag}") if export or engine == "spark" else "-"
    cmd = [sys.executable, "-c", _CHILD, engine, master, str(source), str(folder / f"{tag}.db"), out]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{engine} {master} failed:\n{proc.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(engine=engine, master=master, wall=wall, out=out)
    return result


def _export(folder: str) -> dict[str, dict[str, Any]]:
    lines = (Path(folder) / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {d["id"]: d for d in map(json.loads, lines)}


def agreement(corpus: Path) -> None:
    """Both engines on ECB+; print agreement of stories and annotations."""
    records = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    gold = {r["id"]: r["subtopic"] for r in records}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "ecb.jsonl"
        source.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records),
                          encoding="utf-8")
        local = run_engine("local", "-", source, folder, export=True)
        spark = run_engine("spark", "local[2]", source, folder, export=True)
        a, b = _export(local["out"]), _export(spark["out"])
        story_a = {i: d["story"] for i, d in a.items()}
        story_b = {i: d["story"] for i, d in b.items()}
        same = sum(all(a[i][k] == b.get(i, {}).get(k) for k in KEYS) for i in a)
        identical = {n: (Path(local["out"]) / n).read_bytes() == (Path(spark["out"]) / n).read_bytes()
                     for n in ("articles.jsonl", "stories.jsonl")}
    print(f"ECB+ dev: {len(records)} articles; local {local['wall']:.0f} s, Spark local[2] {spark['wall']:.0f} s")
    print(f"B3 F1 between engines' stories:  {b_cubed_f1(story_a, story_b):.4f}")
    print(f"B3 F1 vs gold subtopic:          local {b_cubed_f1(gold, story_a):.4f}, "
          f"Spark {b_cubed_f1(gold, story_b):.4f}")
    print(f"identical annotations:           {same}/{len(a)} articles")
    print("byte-identical export:           " + ", ".join(f"{n} {v}" for n, v in identical.items()))


def timing(n: int, masters: list[str]) -> None:
    """Local engine vs Spark masters on ``n`` Reuters articles; print one table."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "reuters.jsonl"
        write_jsonl(news_rows(n), source)
        rows = [run_engine("local", "-", source, folder, export=False)]
        rows += [run_engine("spark", m, source, folder, export=False) for m in masters]
    base = rows[0]["wall"]
    print(f"{n} Reuters-21578 articles, fresh database each")
    print(f"{'engine':<22}{'seconds':>8}{'art/s':>7}{'x local':>8}{'stories':>8}  stages (s)")
    for r in rows:
        name = "local, 2 workers" if r["engine"] == "local" else f"Spark {r['master']}"
        stages = ", ".join(f"{k} {v:.0f}" for k, v in r["timings"].items())
        print(f"{name:<22}{r['wall']:>8.0f}{n / r['wall']:>7.1f}{r['wall'] / base:>8.2f}{r['stories']:>8}  {stages}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreement", action="store_true", help="ECB+ agreement instead of timing")
    parser.add_argument("--corpus", type=Path, default=CORPORA / "ecbplus_dev.jsonl")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--masters", default="local[2],local[1]", help="Spark masters to time")
    args = parser.parse_args()
    if args.agreement:
        agreement(args.corpus)
    else:
        timing(args.articles, args.masters.split(","))


if __name__ == "__main__":
    main()
