"""Load bench: concurrent readers of the web UI while `newsweave run` ingests articles.

For each database (SQLite file; PostgreSQL when --pg-url or $NEWSWEAVE_TEST_PG_URL is given): store
the seed story through the pipeline; optionally pre-load --preload Reuters (then BBC) articles, stored
with empty annotations and put in stories of 5 directly, to make the tables large without a long run
first; start `newsweave serve` in its own process, then run --clients reader threads (story page, story
list, article page, in turn) against it while `newsweave run` ingests --articles Reuters-21578 articles
in another process. Reports p50/p99 latency per page, errors, and whether every ingested article was
stored (no lost writes).

    python bench/load_stories.py --articles 2000 --clients 20 [--server-workers 2]
    python bench/load_stories.py --articles 2000 --clients 20 --preload 20000
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from news_sample import news_rows
from newsweave import api
from newsweave.annotate.run import Annotator
from newsweave.ingest.normalize import normalize_text
from newsweave.model import Annotations, Article, content_hash
from newsweave.pipeline import RunConfig
from newsweave.store import open_store

NEWSWEAVE = [sys.executable, "-m", "newsweave.cli"]


def preload(db: str, n: int, skip: int) -> None:
    """Store n articles the ingest run will not send (Reuters after the first `skip`, then BBC) in stories of 5."""
    rows = list(news_rows(n, skip))
    articles = [Article(id=f"pre/{r['id']}", text=str(r["text"]), title=r.get("title"),  # type: ignore[arg-type]
                        source=r["source"]) for r in rows]
    with open_store(db) as store:
        stored = [r.kept_id for r in store.add_articles(articles) if r.status == "added"]
        store.set_story_assignments({a: f"s-pre{i // 5:05d}" for i, a in enumerate(stored)})
        # empty annotations of the current version: the timed run must not annotate the preload
        version = Annotator().version
        store.put_annotations((Annotations(article_id=a), version) for a in stored)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def reader(base: str, paths: list[str], stop: threading.Event, lat: dict[str, list[float]],
           errors: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        i = 0
        while not stop.is_set():
            name, path = paths[i % len(paths)].split(" ", 1)
            i += 1
            t0 = time.perf_counter()
            try:
                r = client.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError as err:
                ok, r = False, None
                errors.append(f"{path}: {err}")
            lat[name].append(time.perf_counter() - t0)
            if not ok and r is not None:
                errors.append(f"{path}: HTTP {r.status_code}")


def bench(db: str, label: str, args: argparse.Namespace, work: Path) -> dict[str, object]:
    api.run(api.seed_paths(), db=db, config=RunConfig(workers=1, progress=False))
    if args.preload:
        preload(db, args.preload, args.articles)
    with open_store(db) as store:
        before = store.count_articles()
        seed = max(store.list_stories(), key=lambda s: len(s.articles) if not s.id.startswith("s-pre") else 0)
    batch = work / f"{label}.jsonl"
    rows = list(news_rows(args.articles))
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NEWSWEAVE_TOKEN": ""}
    server = subprocess.Popen([*NEWSWEAVE, "serve", "--db", db, "--port", str(port), "--no-process",
                               "--workers", str(args.server_workers)], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/api/stories", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        paths = [f"story /stories/{seed.id}", "list /", f"article /articles/{seed.articles[0]}"]
        lat: dict[str, list[float]] = {"story": [], "list": [], "article": []}
        errors: list[str] = []
        stop = threading.Event()
        threads = [threading.Thread(target=reader, args=(base, paths[i % 3:] + paths[:i % 3], stop, lat, errors))
                   for i in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        run = subprocess.run([*NEWSWEAVE, "run", "--db", db, "--workers", str(args.workers), "--quiet", str(batch)],
                             capture_output=True, text=True)
        run_s = time.perf_counter() - t0
        stop.set()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(10)
    with open_store(db) as store:
        stored_hashes = {a.content_hash for a in store.iter_articles()}
    # a lost write: an ingested text the store does not hold under any id (exact duplicates, of each
    # other or of a preloaded article, collapse to one article by design)
    lost = len({content_hash(normalize_text(str(r["text"]))) for r in rows} - stored_hashes)
    return {"db": label, "stored_before": before, "run_s": run_s, "run_rc": run.returncode,
            "run_err": run.stderr[-2000:] if run.returncode else "",
            "lost": lost, "errors": len(errors), "error_sample": errors[:3],
            **{f"{k}_n": len(v) for k, v in lat.items()},
            **{f"{k}_p50": statistics.median(v) * 1000 for k, v in lat.items() if v},
            **{f"{k}_p99": statistics.quantiles(v, n=100)[98] * 1000 for k, v in lat.items() if len(v) > 1}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1, help="annotation processes of the ingesting run")
    parser.add_argument("--preload", type=int, default=0)
    parser.add_argument("--server-workers", type=int, default=2, help="`newsweave serve --workers`")
    parser.add_argument("--pg-url", default=os.environ.get("NEWSWEAVE_TEST_PG_URL"))
    parser.add_argument("--only", choices=["sqlite", "postgresql"], default=None)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.only in (None, "sqlite"):
            results.append(bench(str(work / "load.db"), "sqlite", args, work))
        if args.pg_url and args.only in (None, "postgresql"):
            from sqlalchemy import create_engine

            engine = create_engine(args.pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
            with engine.begin() as conn:
                conn.exec_driver_sql("DROP SCHEMA public CASCADE")
                conn.exec_driver_sql("CREATE SCHEMA public")
            engine.dispose()
            results.append(bench(args.pg_url, "postgresql", args, work))
    print(f"{args.clients} readers of a server with {args.server_workers} process(es) while `newsweave run` "
          f"ingests {args.articles} articles (preloaded {args.preload}); latency in ms")
    print("| db | stored before | run s | lost writes | errors | story p50 | story p99 | list p50 | list p99 "
          "| article p50 | article p99 | requests |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        n = sum(int(r[f"{k}_n"]) for k in ("story", "list", "article"))  # type: ignore[call-overload]
        print(f"| {r['db']} | {r['stored_before']} | {r['run_s']:.0f} | {r['lost']} | {r['errors']} "
              f"| {r.get('story_p50', 0):.0f} | {r.get('story_p99', 0):.0f} | {r.get('list_p50', 0):.0f} "
              f"| {r.get('list_p99', 0):.0f} | {r.get('article_p50', 0):.0f} | {r.get('article_p99', 0):.0f} | {n} |")
        if r["error_sample"] or r["run_rc"]:
            print("  errors:", r["error_sample"], "run exit status:", r["run_rc"], r["run_err"])


if __name__ == "__main__":
    main()
