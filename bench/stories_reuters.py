"""Story clustering on real wire news: the first Reuters-21578 articles, clusterer only.

Usage:
    python bench/stories_reuters.py [--n 5000]

One online pass of a fresh ``StoryClusterer`` over the first ``n`` Reuters articles with a text,
in file order, with their publication dates (as ``bench/news_sample.py`` reads them). Reuters has
no story labels; its topic labels are a loose check that a story does not mix subjects: the B-cubed
precision of the stories against each article's first topic label, over the articles that have one.
Prints the story count, singletons, that precision and the clusterer's CPU time per article.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from datetime import date
from itertools import islice

from news_sample import REUTERS
from newsweave.evaluate import b_cubed
from newsweave.link.stories import StoryClusterer, StoryConfig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    with gzip.open(REUTERS, "rt", encoding="utf-8") as f:
        rows = list(islice((d for line in f if (d := json.loads(line)).get("text")), args.n))
    clusterer = StoryClusterer(StoryConfig())
    started = time.process_time()
    for d in rows:
        published = date.fromisoformat(d["published"]) if d.get("published") else None
        clusterer.add(d["id"], d["text"], published)
    cpu = time.process_time() - started
    pred = clusterer.assignments()
    sizes: dict[str, int] = {}
    for sid in pred.values():
        sizes[sid] = sizes.get(sid, 0) + 1
    labelled = {d["id"]: d["topics"][0] for d in rows if d.get("topics")}
    precision = b_cubed(labelled, {aid: pred[aid] for aid in labelled})[0]
    print(f"{len(rows)} Reuters articles: {len(sizes)} stories, {sum(1 for n in sizes.values() if n == 1)} "
          f"singletons; B3 precision against the first topic label ({len(labelled)} labelled) "
          f"{precision:.4f}; clusterer CPU {cpu / len(rows) * 1000:.2f} ms an article")


if __name__ == "__main__":
    main()
