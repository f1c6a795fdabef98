"""Throughput and peak memory of `newsweave run` on the first N Reuters-21578 articles.

Runs the real command in a fresh database per size, samples the resident memory of the whole process
tree (the command and its annotation workers) every 50 ms, and prints one table.

    python bench/run_throughput.py                     # 2,000 articles, 2 workers
    python bench/run_throughput.py --sizes 1000,2000,5000 --workers 1,2
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578.jsonl.gz"


def write_sample(n: int, path: Path) -> None:
    """The first ``n`` Reuters articles as newsweave JSONL input."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            d = json.loads(line)
            out.write(json.dumps({"id": d["id"], "text": d["text"], "published": d["published"],
                                  "title": d["title"], "source": "Reuters"}) + "\n")


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_mb(p)
        todo.extend(_children(p))
    return total


def measure(n: int, workers: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        write_sample(n, sample)
        cmd = [sys.executable, "-m", "newsweave.cli", "run", str(sample), "--db", str(Path(tmp) / "b.db"),
               "--workers", str(workers), "--quiet"]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = 0.0
        done = threading.Event()

        def sample_memory() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss_mb(proc.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        elapsed = time.perf_counter() - start
        done.set()
        sampler.join()
        if proc.returncode != 0:
            raise SystemExit(f"newsweave run failed:\n{err}")
        added = int(re.search(r"(\d+) added", out).group(1))  # type: ignore[union-attr]
        timings = re.search(r"time:\s+(.*)", out)
        return {"articles": n, "added": added, "workers": workers, "seconds": elapsed,
                "per_s": n / elapsed, "peak_mb": peak, "stages": timings.group(1) if timings else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000", help="comma-separated article counts")
    parser.add_argument("--workers", default="2", help="comma-separated worker counts")
    args = parser.parse_args()
    rows = [measure(int(n), int(w)) for n in args.sizes.split(",") for w in args.workers.split(",")]
    print(f"{'articles':>8} {'added':>6} {'workers':>7} {'seconds':>8} {'art/s':>7} {'peak MB':>8}  stages")
    for r in rows:
        print(f"{r['articles']:>8} {r['added']:>6} {r['workers']:>7} {r['seconds']:>8.1f} {r['per_s']:>7.1f} "
              f"{r['peak_mb']:>8.0f}  {r['stages']}")


if __name__ == "__main__":
    main()
