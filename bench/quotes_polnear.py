"""Quality and speed of quote extraction: PolNeAR attributions and the seed quotes.

Usage:
    python bench/quotes_polnear.py [--split dev|train|all] [--limit N] [--embed]

``--embed`` also times the sentence embeddings of every extracted quote (the optional
``embeddings`` extra, as quote grouping uses them), per article.

Prints one table. Spans are compared after trimming spaces, quote marks and edge punctuation.
"Exact" needs equal trimmed offsets. "Overlap" is asymmetric, as in partial-match attribution
scoring: a prediction is correct when at least half of *its* characters lie in one gold span
(precision), a gold span is found when at least half of *its* characters lie in one prediction
(recall). Sources and cues are scored as the sets of spans of an article. Seeds: a gold quote is
found when half of it is covered by one predicted content; its speaker is right when the
surname of the gold canonical name (or, for an organization, all capitalized words of the
predicted name) appears in the predicted ``speaker_ref`` or ``speaker``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from newsweave.annotate.nlp import load_pipeline
from newsweave.annotate.quotes import extract_quotes
from newsweave.model import Mention, Quote

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
_EDGES = " \t\n\u00a0\"“”«»„‘’'.,;:!?—–-…()[]"
Pair = tuple[int, int]


def trim(text: str, start: int, end: int) -> Pair:
    """``start:end`` without edge spaces, quote marks and punctuation."""
    while start < end and text[start] in _EDGES:
        start += 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1
    return start, end


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covered(x: Pair, others: Iterable[Pair]) -> bool:
    size = max(1, x[1] - x[0])
    return any(_overlap(x, o) / size >= 0.5 for o in others)


class Counts:
    """True positives, predictions and gold items for exact and overlap matching."""

    def __init__(self) -> None:
        self.exact_tp = self.pred = self.gold = self.ov_p = self.ov_r = 0

    def add(self, preds: set[Pair], golds: set[Pair]) -> None:
        self.pred += len(preds)
        self.gold += len(golds)
        self.exact_tp += len(preds & golds)
        self.ov_p += sum(_covered(p, golds) for p in preds)
        self.ov_r += sum(_covered(g, preds) for g in golds)

    def f1(self, overlap: bool = False) -> float:
        """F1 in percent, exact or overlap."""
        p = (self.ov_p if overlap else self.exact_tp) / self.pred if self.pred else 0.0
        r = (self.ov_r if overlap else self.exact_tp) / self.gold if self.gold else 0.0
        return 100 * 2 * p * r / (p + r) if p + r else 0.0


def mentions_of(doc: Any) -> list[Mention]:
    """The NER mentions of a parsed document, as newsweave mentions."""
    return [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]


def _spans(text: str, spans: Iterable[Any]) -> set[Pair]:
    out = set()
    for s in spans:
        if s is not None:
            t = trim(text, s["start"], s["end"]) if isinstance(s, dict) else trim(text, s.start, s.end)
            if t[1] > t[0]:
                out.add(t)
    return out


def score_polnear(nlp: Language, records: Sequence[dict[str, Any]], embedder: Any = None) -> dict[str, Any]:
    """Content, source and cue counts over PolNeAR records, with timings (and embedding time)."""
    content, source, cue = Counts(), Counts(), Counts()
    t_parse = t_quotes = t_embed = 0.0
    for rec in records:
        text = rec["text"]
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        quotes = extract_quotes(doc, mentions_of(doc))
        t_quotes += time.perf_counter() - t1
        t_parse += t1 - t0
        if embedder is not None:
            t2 = time.perf_counter()
            embedder.embed([q.content.text for q in quotes])
            t_embed += time.perf_counter() - t2
        gold = rec["attributions"]
        content.add(_spans(text, [q.content for q in quotes]), _spans(text, [a["content"] for a in gold]))
        source.add(_spans(text, [q.speaker for q in quotes]), _spans(text, [a["source"] for a in gold]))
        cue.add(_spans(text, [q.cue for q in quotes]), _spans(text, [a["cue"] for a in gold]))
    return {"content": content, "source": source, "cue": cue, "n": len(records),
            "t_parse": t_parse, "t_quotes": t_quotes, "t_embed": t_embed}


def speaker_matches(canonical: str, quote: Quote) -> bool:
    """Whether a predicted quote names the gold speaker (by surname; organizations by words)."""
    names = [s.text for s in (quote.speaker_ref, quote.speaker) if s is not None]
    surname = canonical.split()[-1].lower()
    gold_words = {w.lower() for w in canonical.split()}
    for name in names:
        words = [w.strip(".,’'s").lower() for w in name.replace("’s", "").split()]
        if surname in words:
            return True
        caps = {w.lower() for w in name.split() if w[:1].isupper() and w.lower() != "the"}
        if len(caps) >= 2 and caps <= gold_words:
            return True
    return False


def score_seeds(nlp: Language, gold: dict[str, Any], texts: dict[str, str]) -> tuple[int, int, int]:
    """(gold quotes, found, found with the right speaker) on the seed articles."""
    found = right = 0
    preds = {aid: extract_quotes(doc, mentions_of(doc))
             for aid, doc in ((a, nlp(t)) for a, t in texts.items())}
    for g in gold["quotes"]:
        g_pair = (g["start"], g["end"])
        size = g["end"] - g["start"]
        hits = [q for q in preds[g["article"]]
                if _overlap(g_pair, (q.content.start, q.content.end)) / size >= 0.5]
        if hits:
            found += 1
            right += any(speaker_matches(g["speaker"], q) for q in hits)
    return len(gold["quotes"]), found, right


def load_seed_texts(corpora: Path) -> dict[str, str]:
    """Seed id -> text without the date header (as the gold offsets index it)."""
    texts = {}
    for path in sorted((corpora / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        texts[path.stem] = raw[len(" date 2022-01-01 "):] if raw.startswith(" date ") else raw
    return texts


def load_polnear(corpora: Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    """PolNeAR records of one split ("all" for both), the first ``limit`` of them."""
    with (corpora / "quotes_dev.jsonl").open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    recs = [r for r in recs if split == "all" or r["split"] == split]
    return recs[:limit] if limit else recs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--embed", action="store_true", help="also time the quotes' sentence embeddings")
    args = ap.parse_args()
    nlp = load_pipeline()
    embedder = None
    if args.embed:
        from newsweave.dossier.embed import load_embedder

        embedder = load_embedder(required=True)
        embedder.embed(["warm up"])  # the model loads once per process: not per-article time
    res = score_polnear(nlp, load_polnear(CORPORA, args.split, args.limit), embedder)
    n_gold, found, right = score_seeds(
        nlp, json.loads((CORPORA / "seeds_gold.json").read_text(encoding="utf-8")), load_seed_texts(CORPORA))
    c, s, q = res["content"], res["source"], res["cue"]
    rows = [
        (f"PolNeAR {args.split} ({res['n']} articles, {c.gold} gold)", ""),
        ("content F1 exact", f"{c.f1():.1f}"),
        ("content F1 overlap>=0.5", f"{c.f1(True):.1f}"),
        ("source F1 exact", f"{s.f1():.1f}"),
        ("source F1 overlap>=0.5", f"{s.f1(True):.1f}"),
        ("cue F1 exact", f"{q.f1():.1f}"),
        ("cue F1 overlap>=0.5", f"{q.f1(True):.1f}"),
        ("seed quotes found (overlap>=0.5)", f"{found}/{n_gold}"),
        ("seed quotes with right speaker", f"{right}/{n_gold}"),
        ("articles/s (extract_quotes only)", f"{res['n'] / max(res['t_quotes'], 1e-9):.1f}"),
        ("articles/s (with spaCy parse)", f"{res['n'] / max(res['t_parse'] + res['t_quotes'], 1e-9):.1f}"),
        ("quotes' share of parse + quotes time", f"{100 * res['t_quotes'] / (res['t_parse'] + res['t_quotes']):.1f}%"),
    ]
    if embedder is not None:
        total = res["t_parse"] + res["t_quotes"] + res["t_embed"]
        rows.append(("ms/article embedding quotes", f"{1000 * res['t_embed'] / res['n']:.1f}"))
        rows.append(("quotes + embeddings' share", f"{100 * (res['t_quotes'] + res['t_embed']) / total:.1f}%"))
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v:>8}")


if __name__ == "__main__":
    main()
