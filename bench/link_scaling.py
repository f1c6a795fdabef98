"""How the link step's cost grows with the corpus: story clustering and the copied-passage index.

Feeds the first N articles (Reuters-21578 in date order, then BBC News past Reuters' 19,043) to a
fresh ``StoryClusterer`` and ``ReuseIndex`` one by one, as the pipeline's link step does, and
prints per size: seconds, milliseconds per article, the cost relative to the smallest size,
stories, copied passages and the process's peak resident memory (sizes run in increasing order,
so each peak is that of the largest size so far).

    python bench/link_scaling.py --sizes 1000,5000,20000
    python bench/link_scaling.py --sizes 1000,20000 --stories-only   # the clusterer alone (as the pipeline's link step)

The pipeline's link step runs the clusterer alone (copied passages are found per story, in the
dossier stage). Interleaved with the corpus-wide index, the clusterer's own time grows more with the
corpus: 20,000 articles, 15.5 s beside the index, 12.3 s alone (not investigated further).

The sizes are timed on a shared machine: compare old and new code in turn, several runs each, and prefer
CPU time (``time.process_time``) to these wall times. Where the clusterer's cost per article still grows
from 1,000 to 20,000 (see the README's speed notes): longer texts at the end of the sample, candidate
centroids twice the size, bigger split windows, joins into full centroids.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from news_sample import news_rows
from newsweave.link.reuse import ReuseIndex
from newsweave.link.stories import StoryClusterer

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def articles(n: int) -> Iterator[tuple[str, str, date | None]]:
    """The first ``n`` articles as ``(id, text, published)``."""
    for d in news_rows(n):
        yield d["id"], d["text"], date.fromisoformat(d["published"]) if d["published"] else None


def measure(n: int, reuse: bool = True) -> dict[str, float]:
    """Link the first ``n`` articles; time, stories, passages and peak heap (``reuse``: also index
    copied passages corpus-wide)."""
    items = list(articles(n))
    clusterer, index = StoryClusterer(), ReuseIndex()
    stories_s = reuse_s = 0.0
    passages = 0
    for aid, text, published in items:
        t0 = time.perf_counter()
        clusterer.add(aid, text, published)
        t1 = time.perf_counter()
        passages += len(index.add(aid, text)) if reuse else 0
        stories_s += t1 - t0
        reuse_s += time.perf_counter() - t1
    t0 = time.perf_counter()
    state_mb = len(json.dumps(clusterer.to_state())) / 1e6 + len(json.dumps(index.to_state())) / 1e6
    state_s = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"n": n, "stories_s": stories_s, "reuse_s": reuse_s, "state_s": state_s, "state_mb": state_mb,
            "stories": len(set(clusterer.assignments().values())), "passages": passages, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--stories-only", action="store_true", help="no corpus-wide copied-passage index")
    args = parser.parse_args()
    print(f"{'articles':>8} {'stories s':>9} {'reuse s':>8} {'ms/art':>7} {'x 1st':>6} {'stories':>8} "
          f"{'passages':>8} {'state MB':>8} {'state s':>7} {'peak MB':>8}", flush=True)
    first = None
    for n in (int(s) for s in args.sizes.split(",")):
        r = measure(n, reuse=not args.stories_only)
        total = r["stories_s"] + r["reuse_s"]
        first = first or total / n
        print(f"{n:>8} {r['stories_s']:>9.1f} {r['reuse_s']:>8.1f} {1000 * total / n:>7.2f} "
              f"{total / n / first:>6.2f} {r['stories']:>8.0f} {r['passages']:>8.0f} {r['state_mb']:>8.1f} "
              f"{r['state_s']:>7.1f} {r['peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
