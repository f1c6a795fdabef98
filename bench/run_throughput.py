"""Throughput and peak memory of `newsweave run` on the first N articles, beside a bare spaCy pass.

The sample is the first N Reuters-21578 articles, then BBC News when N passes Reuters' 19,043 (the
20k size). Per size it runs, on the same sample file, the bare spaCy pass of ``bench/bare_ner.py``
(same model and worker count, nothing else) and then the real ``newsweave run`` in a fresh
database; it samples the memory of each whole process tree (the resident set every 50 ms, and every
second the proportional set size, which counts a page that forked workers share once), and prints
one table with the ratio of the two times.

    python bench/run_throughput.py                          # 2,000 articles, 2 workers
    python bench/run_throughput.py --sizes 1000,5000,20000 --bare-sizes 1000,5000
    python bench/run_throughput.py --sizes 5000 --repeat 3   # three runs and their medians

Besides wall time it reports each process tree's CPU seconds (user + system, all workers): on a
busy or noisy machine the CPU ratio moves less than the wall ratio. The "ratio" is wall time over
the bare pass's, "cpu r" CPU time over the bare pass's.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

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


def _field_mb(path: str, field: str) -> float:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_memory_mb(pid: int, pss: bool, cpu: dict[int, int] | None = None) -> tuple[float, float]:
    """Resident memory (RSS) and, when ``pss``, proportional set size (PSS) of ``pid`` and all its
    descendants, in MB. RSS counts a page shared by several processes (a forked worker's inherited
    pages) once per process; PSS splits it between them, so the PSS sum is the memory the tree
    really uses. PSS costs the kernel a walk of every page table: sample it less often. ``cpu``
    (pid -> CPU clock ticks) gets each process's latest count."""
    rss_mb = pss_mb = 0.0
    todo = [pid]
    while todo:
        p = todo.pop()
        rss_mb += _field_mb(f"/proc/{p}/status", "VmRSS:")
        if pss:
            pss_mb += _field_mb(f"/proc/{p}/smaps_rollup", "Pss:")
        if cpu is not None:
            cpu[p] = max(cpu.get(p, 0), _cpu_ticks(p))
        todo.extend(_children(p))
    return rss_mb, pss_mb


def _cpu_ticks(pid: int) -> int:
    """User + system CPU clock ticks ``pid`` has used itself (not its children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def timed(cmd: list[str]) -> tuple[float, float, float, float, str]:
    """Run ``cmd``; its wall time in seconds, the CPU seconds of its whole process tree (user and
    system, every worker included, each process as last sampled: a process's last 50 ms, or one that
    lives less, is missed), the peak RSS and peak PSS of its process tree in MB, its stdout. The tree
    is walked through /proc, as the workers a fork server starts are no children of ``cmd``."""
    cpu: dict[int, int] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = peak_pss = 0.0
    done = threading.Event()

    def sample_memory() -> None:
        nonlocal peak, peak_pss
        tick = 0
        while not done.is_set():
            rss, pss = tree_memory_mb(proc.pid, pss=tick % 20 == 0, cpu=cpu)  # PSS once a second
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            tick += 1
            time.sleep(0.05)

    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return elapsed, sum(cpu.values()) / os.sysconf("SC_CLK_TCK"), peak, peak_pss, out


def measure(n: int, workers: int, bare: bool) -> dict[str, object]:
    """Bare spaCy pass (when ``bare``) and ``newsweave run`` on the first ``n`` articles."""
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        write_sample(n, sample)
        bare_s = bare_cpu = bare_mb = float("nan")
        if bare:
            bare_s, bare_cpu, bare_mb, _, _ = timed(
                [sys.executable, str(BARE), str(sample), "--workers", str(workers)])
        cmd = [sys.executable, "-m", "newsweave.cli", "run", str(sample), "--db", str(Path(tmp) / "b.db"),
               "--workers", str(workers), "--quiet"]
        elapsed, cpu, peak, peak_pss, out = timed(cmd)
        added = int(re.search(r"(\d+) added", out).group(1))  # type: ignore[union-attr]
        timings = re.search(r"time:\s+(.*)", out)
        return {"articles": n, "added": added, "workers": workers, "seconds": elapsed, "cpu": cpu,
                "per_s": n / elapsed, "peak_mb": peak, "peak_pss_mb": peak_pss,
                "stages": timings.group(1) if timings else "",
                "bare_s": bare_s, "bare_cpu": bare_cpu, "bare_mb": bare_mb}


def _row(label: str, r: dict[str, Any]) -> str:
    ratio = r["seconds"] / r["bare_s"]
    cpu_ratio = r["cpu"] / r["bare_cpu"]
    return (f"{label:>6} {r['articles']:>8} {r['added']:>6} {r['workers']:>7} {r['seconds']:>8.1f} "
            f"{r['per_s']:>7.1f} {r['cpu']:>7.1f} {r['peak_mb']:>8.0f} {r['peak_pss_mb']:>7.0f} "
            f"{r['bare_s']:>7.1f} {r['bare_cpu']:>7.1f} {r['bare_mb']:>8.0f} {ratio:>6.2f} {cpu_ratio:>6.2f}  "
            f"{r['stages']}")


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each number's median over the runs (the ratio is then the ratio of the medians)."""
    out = dict(runs[0])
    for key in ("seconds", "cpu", "per_s", "peak_mb", "peak_pss_mb", "bare_s", "bare_cpu", "bare_mb"):
        out[key] = statistics.median(float(r[key]) for r in runs)
    ratios = sorted(float(r["seconds"]) / float(r["bare_s"]) for r in runs)
    out["stages"] = f"wall ratio of each run: {', '.join(f'{x:.2f}' for x in ratios)}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000", help="comma-separated article counts")
    parser.add_argument("--workers", default="2", help="comma-separated worker counts")
    parser.add_argument("--bare-sizes", default=None,
                        help="sizes that also get the bare spaCy pass (default: every size)")
    parser.add_argument("--repeat", type=int, default=1, choices=range(1, 100), metavar="N",
                        help="runs per size (bare and full in turn); a median row follows the runs")
    args = parser.parse_args()
    bare_sizes = set((args.bare_sizes or args.sizes).split(","))
    print(f"{'run':>6} {'articles':>8} {'added':>6} {'workers':>7} {'seconds':>8} {'art/s':>7} {'cpu s':>7} "
          f"{'peak MB':>8} {'PSS MB':>7} {'bare s':>7} {'bare cpu':>7} {'bare MB':>8} {'ratio':>6} {'cpu r':>6}  "
          "stages", flush=True)
    for n in args.sizes.split(","):
        for w in args.workers.split(","):
            runs = []
            for k in range(args.repeat):
                runs.append(measure(int(n), int(w), n in bare_sizes))
                print(_row(str(k + 1), runs[-1]), flush=True)
            if len(runs) > 1:
                print(_row("median", _median(runs)), flush=True)


if __name__ == "__main__":
    main()
