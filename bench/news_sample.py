"""The news articles the speed benches feed newsweave: Reuters-21578 in file order, then BBC News.

One reader for every bench script that needs "the first N articles" (``python bench/x.py`` puts this
folder on ``sys.path``, so the scripts import it as ``news_sample``).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
REUTERS = CORPORA / "reuters21578.jsonl.gz"
BBC = CORPORA / "bbc.jsonl.gz"
SOURCES = ((REUTERS, "Reuters"), (BBC, "BBC"))


def news_rows(n: int, skip: int = 0) -> Iterator[dict[str, Any]]:
    """Articles ``skip`` to ``skip + n`` of Reuters followed by BBC, as newsweave JSONL records
    (id, text, published, title, source); records without a text are left out."""
    def every() -> Iterator[dict[str, Any]]:
        for corpus, source in SOURCES:
            with gzip.open(corpus, "rt", encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    if d.get("text"):
                        yield {"id": d["id"], "text": d["text"], "published": d.get("published"),
                               "title": d.get("title"), "source": source}

    yield from islice(every(), skip, skip + n)


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> None:
    """Write records as newsweave JSONL input."""
    with path.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows)
