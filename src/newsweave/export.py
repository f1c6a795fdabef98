"""The export contract (DESIGN.md): ``articles.jsonl`` and ``stories.jsonl``, exactly these keys.

Records are projected from the model's richer dictionaries so that outside tools see only the
contract's keys, whatever the store keeps besides.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from newsweave.model import Annotations, Article, Dossier, Quote


def _span(d: dict[str, Any] | None) -> dict[str, Any] | None:
    return {"start": d["start"], "end": d["end"], "text": d["text"]} if d else None


def quote_record(quote: Quote) -> dict[str, Any]:
    """A quote as the contract has it; ``pieces`` only for quotes interrupted by their attribution."""
    d = quote.to_dict()
    out = {"content": _span(d["content"]), "cue": _span(d["cue"]), "speaker": _span(d["speaker"]),
           "speaker_entity": d["speaker_entity"], "form": d["form"]}
    if quote.pieces:
        out["pieces"] = [_span(p) for p in d["pieces"]]
    return out


def article_record(article: Article, ann: Annotations | None, story: str | None) -> dict[str, Any]:
    """One line of ``articles.jsonl``."""
    return {
        "id": article.id,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "text": article.text,
        "story": story,
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity": m.entity}
            for m in (ann.mentions if ann else ())
        ],
        "quotes": [quote_record(q) for q in (ann.quotes if ann else ())],
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in (ann.timexes if ann else ())
        ],
        "figures": [
            {"start": f.start, "end": f.end, "text": f.text, "value": f.value, "unit": f.unit,
             "measure": f.measure}
            for f in (ann.figures if ann else ())
        ],
    }


def _cite(d: dict[str, Any]) -> dict[str, Any]:
    return {"article": d["article"], "start": d["start"], "end": d["end"]}


def story_record(dossier: Dossier) -> dict[str, Any]:
    """One line of ``stories.jsonl``."""
    d = dossier.to_dict()
    return {
        "id": d["id"],
        "title": d["title"],
        "articles": d["articles"],
        "summary": [{"text": s["text"], "citations": [_cite(c) for c in s["citations"]]} for s in d["summary"]],
        "actors": [{k: a[k] for k in ("entity", "name", "type", "aliases", "mentions")} for a in d["actors"]],
        "quotes": [
            {"speaker_entity": q["speaker_entity"], "speaker": q["speaker"],
             "variants": [{**_cite(v), "text": v["text"], "cue": v.get("cue")} for v in q["variants"]]}
            for q in d["quotes"]
        ],
        "timeline": [
            {"date": t.get("date"), "text": t["text"], "citations": [_cite(c) for c in t["citations"]]}
            for t in d["timeline"]
        ],
        "figures": [
            {"measure": f["measure"],
             "reports": [{**_cite(r), "value": r["value"], "text": r["text"]} for r in f["reports"]],
             "conflict": f["conflict"], "verdict": f.get("verdict")}
            for f in d["figures"]
        ],
        "reuse": [{"a": _cite(r["a"]), "b": _cite(r["b"]), "similarity": r["similarity"]} for r in d["reuse"]],
    }


class JsonlWriter:
    """Writes JSONL to ``path`` through a temporary file renamed at the end: no half-written export."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self.handle = self.tmp.open("w", encoding="utf-8")
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        self.handle.close()
        os.replace(self.tmp, self.path)
