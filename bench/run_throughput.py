"""Throughput and peak memory of `newsweave run` on the first N articles, beside a bare spaCy pass.

The sample is the first N Reuters-21578 articles, then BBC News when N passes Reuters' 19,043 (the
20k size). Per size it runs, on the same sample file, the bare spaCy pass of ``bench/bare_ner.py``
(same model and worker count, nothing else) and then the real ``newsweave run`` in a fresh
database; it samples the resident memory of each whole process tree every 50 ms, and prints one
table with the ratio of the two times.

    python bench/run_throughput.py                          # 2,000 articles, 2 workers
    python bench/run_throughput.py --sizes 1000,5000,20000 --bare-sizes 1000,5000
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from news_sample import news_rows, write_jsonl

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
BARE = Path(__file__).resolve().parent / "bare_ner.py"


def write_sample(n: int, path: Path) -> None:
    """The first ``n`` articles (Reuters, then BBC) as newsweave JSONL input."""
    write_jsonl(news_rows(n), path)


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


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; its wall time in seconds, the peak RSS of its process tree in MB, its stdout."""
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
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return elapsed, peak, out


def measure(n: int, workers: int, bare: bool) -> dict[str, object]:
    """Bare spaCy pass (when ``bare``) and ``newsweave run`` on the first ``n`` articles."""
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        write_sample(n, sample)
        bare_s = bare_mb = float("nan")
        if bare:
            bare_s, bare_mb, _ = timed([sys.executable, str(BARE), str(sample), "--workers", str(workers)])
        cmd = [sys.executable, "-m", "newsweave.cli", "run", str(sample), "--db", str(Path(tmp) / "b.db"),
               "--workers", str(workers), "--quiet"]
        elapsed, peak, out = timed(cmd)
        added = int(re.search(r"(\d+) added", out).group(1))  # type: ignore[union-attr]
        timings = re.search(r"time:\s+(.*)", out)
        return {"articles": n, "added": added, "workers": workers, "seconds": elapsed,
                "per_s": n / elapsed, "peak_mb": peak, "stages": timings.group(1) if timings else "",
                "bare_s": bare_s, "bare_mb": bare_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000", help="comma-separated article counts")
    parser.add_argument("--workers", default="2", help="comma-separated worker counts")
    parser.add_argument("--bare-sizes", default=None,
                        help="sizes that also get the bare spaCy pass (default: every size)")
    args = parser.parse_args()
    bare_sizes = set((args.bare_sizes or args.sizes).split(","))
    print(f"{'articles':>8} {'added':>6} {'workers':>7} {'seconds':>8} {'art/s':>7} {'peak MB':>8} "
          f"{'bare s':>7} {'bare MB':>8} {'ratio':>6}  stages", flush=True)
    for n in args.sizes.split(","):
        for w in args.workers.split(","):
            r = measure(int(n), int(w), n in bare_sizes)
            ratio = float(r["seconds"]) / float(r["bare_s"])  # type: ignore[arg-type]
            print(f"{r['articles']:>8} {r['added']:>6} {r['workers']:>7} {r['seconds']:>8.1f} "
                  f"{r['per_s']:>7.1f} {r['peak_mb']:>8.0f} {r['bare_s']:>7.1f} {r['bare_mb']:>8.0f} "
                  f"{ratio:>6.2f}  {r['stages']}", flush=True)


if __name__ == "__main__":
    main()
