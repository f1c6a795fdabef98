"""The seed dossier scored part by part against ../shared/corpora/seeds_gold.json; prints one table.

    python bench/seeds_dossier.py

Runs the five seed articles through the whole pipeline (a temporary SQLite store), exports them, and
counts for each dossier part how much of the hand-made gold dossier it holds.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from newsweave import api
from newsweave.pipeline import RunConfig

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    return max(0, min(a1, b1) - max(a0, b0)) / max(1, min(a1 - a0, b1 - b0))


def run_seeds(tmp: Path) -> tuple[dict[str, Any], list[dict[str, Any]], float]:
    """Run and export the seeds; returns articles by id, stories, and the run's seconds."""
    start = time.perf_counter()
    api.run([CORPORA / "seeds"], db=tmp / "seeds.db", config=RunConfig(workers=1, progress=False))
    elapsed = time.perf_counter() - start
    api.export(tmp / "out", db=tmp / "seeds.db")
    articles = {a["id"]: a for a in map(json.loads, (tmp / "out" / "articles.jsonl").read_text().splitlines())}
    stories = [json.loads(x) for x in (tmp / "out" / "stories.jsonl").read_text().splitlines()]
    return articles, stories, elapsed


def score(articles: dict[str, Any], story: dict[str, Any], gold: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(part, found, gold total) for each dossier part."""
    actors = {a["entity"]: a for a in story["actors"]}
    rows: list[tuple[str, int, int]] = []
    found = right = 0
    for g in gold["quotes"]:
        surname = g["speaker"].split()[-1].lower()
        hits = [q for q in articles[g["article"]]["quotes"]
                if _overlap(q["content"]["start"], q["content"]["end"], g["start"], g["end"]) >= 0.5]
        found += bool(hits)
        names = [n.lower() for q in hits if q["speaker_entity"] in actors
                 for n in [actors[q["speaker_entity"]]["name"], *actors[q["speaker_entity"]]["aliases"]]]
        right += any(surname in n for n in names)
    rows += [("quotes found", found, len(gold["quotes"])), ("quotes with right speaker", right, len(gold["quotes"]))]

    complete = 0
    for cluster in gold["quote_clusters"]:
        complete += any(all(any(v["article"] == m["article"] and m["contains"] in
                                articles[v["article"]]["text"][v["start"]:v["end"]] for v in g["variants"])
                            for m in cluster["members"]) for g in story["quotes"])
    rows.append(("quote groups complete", complete, len(gold["quote_clusters"])))

    forms_of: dict[str, set[str]] = {}
    for a in articles.values():
        for m in a["entities"]:
            if m["entity"]:
                forms_of.setdefault(m["text"], set()).add(m["entity"])
    resolved = 0
    for e in gold["entities"]:
        ids = set().union(*(forms_of.get(f, set()) for f in e["surface_forms"]))
        resolved += len(ids) == 1 and all(f in forms_of for f in e["surface_forms"])
    rows.append(("entities: every form found, one actor", resolved, len(gold["entities"])))

    timeline = 0
    for e in gold["timeline"]:
        timeline += any(t["date"] == e["date"] and any(c["article"] in e["articles"] for c in t["citations"])
                        for t in story["timeline"])
    rows.append(("timeline events: date cited by a reporting article", timeline, len(gold["timeline"])))

    figures = 0
    for g in gold["figures"]:
        wanted = {r["article"]: re.search(r"[\d.,]+|[a-z]+", r["value"]).group(0) for r in g["reports"]}  # type: ignore[union-attr]
        figures += any(fg["conflict"] == g["conflict"] and
                       all(any(r["article"] == aid and number in r["text"] for r in fg["reports"])
                           for aid, number in wanted.items())
                       for fg in story["figures"])
    rows.append(("figure groups: every report, conflict right", figures, len(gold["figures"])))

    reuse = 0
    for g in gold["reuse"]:
        pair = sorted(g["articles"])
        reuse += any(sorted([r["a"]["article"], r["b"]["article"]]) == pair
                     and g["text"][:40] in articles[r["a"]["article"]]["text"][r["a"]["start"]:r["a"]["end"]]
                     for r in story["reuse"])
    rows.append(("copied passages", reuse, len(gold["reuse"])))

    cited = sum(1 for s in story["summary"] if s["citations"] and
                articles[s["citations"][0]["article"]]["text"][s["citations"][0]["start"]:s["citations"][0]["end"]]
                == s["text"])
    rows.append(("summary sentences citing their span", cited, len(story["summary"])))
    return rows


def main() -> None:
    gold = json.loads((CORPORA / "seeds_gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        articles, stories, elapsed = run_seeds(Path(tmp))
    story = max(stories, key=lambda s: len(s["articles"]))
    rows = [("articles in the largest story", len(story["articles"]), len(gold["story"]["articles"]))]
    rows += score(articles, story, gold)
    width = max(len(r[0]) for r in rows)
    print(f"{'part':<{width}}  found  gold")
    for part, found, total in rows:
        print(f"{part:<{width}}  {found:>5}  {total:>4}")
    print(f"{'seconds (run, incl. model load)':<{width}}  {elapsed:>5.1f}")


if __name__ == "__main__":
    main()
