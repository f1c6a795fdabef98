"""Shared fixtures: where the gold corpora live, the seed articles, one loaded spaCy pipeline."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests keep the place table in a folder of their own, not the user's cache."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("NEWSWEAVE_CACHE_DIR")
    os.environ["NEWSWEAVE_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["NEWSWEAVE_CACHE_DIR"]
    else:
        os.environ["NEWSWEAVE_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    """``../shared/corpora`` beside the repository; gold tests skip when it is absent."""
    if not CORPORA.is_dir():
        pytest.skip(f"gold corpora not found at {CORPORA}")
    return CORPORA


@pytest.fixture(scope="session")
def seeds_gold(corpora_dir: Path) -> dict[str, Any]:
    return json.loads((corpora_dir / "seeds_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_texts(corpora_dir: Path) -> dict[str, str]:
    """Seed article id -> text (without the ' date YYYY-MM-DD ' header), as the gold offsets index it."""
    texts = {}
    for path in sorted((corpora_dir / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if raw.startswith(" date "):
            raw = raw[len(" date 2022-01-01 "):]
        texts[path.stem] = raw
    return texts


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The default spaCy pipeline as newsweave loads it, once for every test module that parses text."""
    pytest.importorskip("spacy")
    from newsweave.annotate.nlp import load_pipeline

    return load_pipeline()
