"""Where story clustering loses B-cubed on ECB+ dev: per topic, precision vs recall, merged and split stories.

Usage:
    python bench/stories_errors.py [--corpus PATH] [--topics all|tune|check] [--shuffles N] [--stories]

One online pass of a fresh ``StoryClusterer`` over the chosen topics (``tune`` = 1-20, ``check`` =
21-35, as ``bench/stories_ecbplus.py``), in file order and in ``N`` shuffled orders (seeds 1..N).
Each article's B-cubed precision and recall shortfall (1 - P_i, 1 - R_i) is summed per topic and
divided by the number of articles, so a topic's two columns add up (over topics) to the overall
1 - P and 1 - R. The table lists the topics losing the most; ``--stories`` also prints, for each of
them in file order, every predicted story that holds its articles with its gold subtopic counts.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsweave.link.stories import StoryClusterer, StoryConfig

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus_dev.jsonl"
TOPICS = {"all": range(1, 36), "tune": range(1, 21), "check": range(21, 36)}


def assign(records: Sequence[dict[str, Any]], config: StoryConfig) -> dict[str, str]:
    """Story of each record after one online pass in the given order (no dates, no entity keys)."""
    clusterer = StoryClusterer(config)
    for r in records:
        clusterer.add(r["id"], r["text"], None)
    return clusterer.assignments()


def topic_losses(records: Sequence[dict[str, Any]], pred: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Topic -> (precision loss, recall loss), each article's shortfall over the number of articles."""
    gold = {r["id"]: r["subtopic"] for r in records}
    topic = {r["id"]: r["topic"] for r in records}
    gold_sets: dict[str, set[str]] = defaultdict(set)
    pred_sets: dict[str, set[str]] = defaultdict(set)
    for aid in gold:
        gold_sets[gold[aid]].add(aid)
        pred_sets[pred[aid]].add(aid)
    loss: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for aid in gold:
        both = len(gold_sets[gold[aid]] & pred_sets[pred[aid]])
        loss[topic[aid]][0] += (1 - both / len(pred_sets[pred[aid]])) / len(gold)
        loss[topic[aid]][1] += (1 - both / len(gold_sets[gold[aid]])) / len(gold)
    return {t: (p, r) for t, (p, r) in loss.items()}


def story_table(records: Sequence[dict[str, Any]], pred: dict[str, str], topic: str) -> list[str]:
    """One line per predicted story holding articles of ``topic``: its gold subtopic counts."""
    by_story: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        by_story[pred[r["id"]]][r["subtopic"]] += 1
    lines = []
    for sid, counts in by_story.items():
        if any(s.split("_")[0] == topic for s in counts):
            lines.append(f"    {sid}: " + ", ".join(f"{s} {n}" for s, n in counts.most_common()))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--topics", choices=sorted(TOPICS), default="all")
    parser.add_argument("--shuffles", type=int, default=8)
    parser.add_argument("--top", type=int, default=12, help="topics listed (most loss first)")
    parser.add_argument("--stories", action="store_true", help="print the stories of the listed topics")
    args = parser.parse_args()
    records = [r for line in args.corpus.open(encoding="utf-8")
               if int((r := json.loads(line))["topic"]) in TOPICS[args.topics]]
    config = StoryConfig()
    pred = assign(records, config)
    file_loss = topic_losses(records, pred)
    shuffled: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for seed in range(1, args.shuffles + 1):
        order = list(records)
        random.Random(seed).shuffle(order)
        for t, (p, r) in topic_losses(records, assign(order, config)).items():
            shuffled[t][0] += p / args.shuffles
            shuffled[t][1] += r / args.shuffles
    print(f"{args.topics} topics, {len(records)} articles; B3 loss x1000 (precision, recall): "
          f"file order, mean of {args.shuffles} shuffles")
    print(f"{'topic':>6}{'file P':>8}{'file R':>8}{'shuf P':>8}{'shuf R':>8}")
    worst = sorted(file_loss, key=lambda t: -(sum(file_loss[t]) + sum(shuffled[t])))[: args.top]
    for t in worst:
        fp, fr = file_loss[t]
        sp, sr = shuffled[t]
        print(f"{t:>6}{fp * 1000:8.1f}{fr * 1000:8.1f}{sp * 1000:8.1f}{sr * 1000:8.1f}")
        if args.stories:
            print("\n".join(story_table(records, pred, t)))
    fp, fr = (sum(v[k] for v in file_loss.values()) for k in (0, 1))
    sp, sr = (sum(v[k] for v in shuffled.values()) for k in (0, 1))
    print(f"{'total':>6}{fp * 1000:8.1f}{fr * 1000:8.1f}{sp * 1000:8.1f}{sr * 1000:8.1f}")


if __name__ == "__main__":
    main()
