"""Copied passages: seeds gold, offsets, unrelated texts, incremental state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import NotFoundError
from newsweave.link.reuse import ReuseIndex, find_reuse
from newsweave.model import Reuse


def _covers(reuse: Reuse, texts: dict[str, str], article_a: str, article_b: str, passage: str) -> bool:
    """True when ``reuse`` cites ``passage`` in both articles (its first and, if self, last copy)."""
    if (reuse.a.article, reuse.b.article) != (article_a, article_b):
        return False
    start_a = texts[article_a].find(passage)
    start_b = texts[article_b].rfind(passage)
    return (reuse.a.start <= start_a and start_a + len(passage) <= reuse.a.end
            and reuse.b.start <= start_b and start_b + len(passage) <= reuse.b.end)


def test_seed_reuse_gold_found(seed_texts: dict[str, str], seeds_gold: dict[str, Any]) -> None:
    found = find_reuse(sorted(seed_texts.items()))
    for gold in seeds_gold["reuse"]:
        a, b = gold["articles"]
        assert any(_covers(r, seed_texts, a, b, gold["text"]) for r in found), gold["text"]


def test_seed_shared_paragraph_exact_offsets(seed_texts: dict[str, str]) -> None:
    """001 and 004 share one paragraph, from 'Protests in Kazakhstan' to 'Nazarbayev.'."""
    a, b = "001_09578d3995b00afc", "004_561c2f95d8e5c520"
    index = ReuseIndex()
    index.add(a, seed_texts[a])
    found = index.add(b, seed_texts[b])
    paragraph = [r for r in found if r.a.article == a and r.a.end - r.a.start > 300]
    assert len(paragraph) == 1
    start = "Protests in Kazakhstan began"
    end = "former President Nursultan Nazarbayev."
    reuse = paragraph[0]
    for cite in (reuse.a, reuse.b):
        text = seed_texts[cite.article]
        assert cite.start == text.index(start)
        assert cite.end == text.index(end) + len(end)
    assert reuse.similarity == 1.0


def test_seed_internal_repeat(seed_texts: dict[str, str]) -> None:
    article = "003_8d7aa5de727e8d40"
    text = seed_texts[article]
    line = next(x for x in text.splitlines() if x.startswith('"If Antony Blinken'))
    found = ReuseIndex().add(article, text)
    first, second = text.index(line), text.rindex(line)
    assert first != second
    assert any((r.a.start, r.a.end, r.b.start, r.b.end) == (first, first + len(line), second,
                                                            second + len(line)) for r in found)


def test_offsets_slice_texts_on_word_boundaries(seed_texts: dict[str, str]) -> None:
    found = find_reuse(sorted(seed_texts.items()))
    assert found
    for reuse in found:
        for cite in (reuse.a, reuse.b):
            text = seed_texts[cite.article]
            assert 0 <= cite.start < cite.end <= len(text)
            assert cite.end - cite.start >= 50
            assert cite.start == 0 or not (text[cite.start - 1].isalnum() and text[cite.start].isalnum())
            assert cite.end == len(text) or not (text[cite.end - 1].isalnum() and text[cite.end].isalnum())
        assert 0.0 <= reuse.similarity <= 1.0
        if reuse.a.article == reuse.b.article:
            assert reuse.a.end <= reuse.b.start


UNRELATED = [
    ("quake", "A strong earthquake struck off the coast of northern Chile on Tuesday, shaking buildings "
              "in Santiago and prompting a tsunami warning for towns along the Pacific shore."),
    ("rehab", "The actress checked into a treatment center in Malibu last week, her publicist said, "
              "asking the public to respect the family's privacy during this difficult time."),
    ("chips", "The company reported record quarterly revenue as demand for its server processors "
              "grew, and its shares rose six percent in after-hours trading on Wall Street."),
]


def test_no_reuse_between_unrelated_texts() -> None:
    assert find_reuse(UNRELATED) == []


def test_lightly_edited_passage_is_found_with_similarity_below_one() -> None:
    original = ("Officials said the bridge would remain closed to all traffic until engineers had "
                "inspected every support beam for damage caused by the flood waters.")
    edited = ("Officials said the bridge will remain closed to all traffic until the engineers had "
              "inspected every support beam for damage caused by flood waters.")
    found = find_reuse([("x", "Intro text here. " + original), ("y", edited + " Other words follow.")])
    assert len(found) == 1
    assert 0.85 < found[0].similarity < 1.0
    assert found[0].b.end - found[0].b.start > 100


def test_readding_an_article_is_a_noop(seed_texts: dict[str, str]) -> None:
    index = ReuseIndex()
    article = "003_8d7aa5de727e8d40"
    assert index.add(article, seed_texts[article])
    assert index.add(article, seed_texts[article]) == []
    assert len(index) == 1


@pytest.mark.parametrize("split", [1, 3])
def test_state_round_trip_gives_same_results(seed_texts: dict[str, str], split: int) -> None:
    items = sorted(seed_texts.items())
    whole = ReuseIndex()
    expected = [r for aid, text in items for r in whole.add(aid, text)]
    first = ReuseIndex()
    got = [r for aid, text in items[:split] for r in first.add(aid, text)]
    state = json.loads(json.dumps(first.to_state()))
    resumed = ReuseIndex.from_state(state, get_text=seed_texts.__getitem__)
    got += [r for aid, text in items[split:] for r in resumed.add(aid, text)]
    assert got == expected


def test_restored_index_without_texts_says_what_to_do(seed_texts: dict[str, str]) -> None:
    a, b = "001_09578d3995b00afc", "004_561c2f95d8e5c520"
    index = ReuseIndex()
    index.add(a, seed_texts[a])
    resumed = ReuseIndex.from_state(index.to_state())
    with pytest.raises(NotFoundError, match="get_text"):
        resumed.add(b, seed_texts[b])


FEW_WORDS = ("the", "cat", "sat", "on", "a", "mat", "while", "dogs", "ran", "far", "away")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FEW_WORDS), max_size=60),
       st.integers(min_value=0, max_value=30))
def test_offsets_always_slice_both_texts(words: list[str], cut: int) -> None:
    text_a = " ".join(words)
    text_b = "Preface. " + " ".join(words[cut:]) + " " + text_a
    for reuse in find_reuse([("a", text_a), ("b", text_b)], min_chars=20):
        texts = {"a": text_a, "b": text_b}
        sa = texts[reuse.a.article][reuse.a.start : reuse.a.end]
        sb = texts[reuse.b.article][reuse.b.start : reuse.b.end]
        assert sa.strip() == sa and sb.strip() == sb and len(sa) >= 20 and len(sb) >= 20


def test_a_shared_institution_name_is_not_a_copied_passage() -> None:
    a = ("Leaders met on Monday to discuss the role of the Collective Security Treaty Organization (CSTO) "
         "in the region.")
    b = ("Critics questioned whether troops of the Collective Security Treaty Organization (CSTO) should "
         "stay for long.")
    assert find_reuse([("a", a), ("b", b)]) == []


def test_find_reuse_finds_what_the_index_finds(corpora_dir: Path) -> None:
    """find_reuse compares a story's articles directly, without an index: same passages, same order."""
    rows = [json.loads(line) for line in (corpora_dir / "ecbplus_dev.jsonl").open(encoding="utf-8")]
    topics: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        topics.setdefault(str(row["topic"]), []).append((row["id"], row["text"]))
    total = 0
    for articles in topics.values():
        index = ReuseIndex()
        expected = [reuse for aid, text in articles for reuse in index.add(aid, text)]
        assert find_reuse(articles + articles[:1]) == expected  # a repeated id adds nothing
        total += len(expected)
    assert total > 100  # ECB+ topics hold wire copies: the comparison is not of empty lists
