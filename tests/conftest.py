"""Shared fixtures: where the gold corpora live, the seed articles, one loaded spaCy pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"


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
