"""The seed story end to end against the hand-made gold dossier (../shared/corpora/seeds_gold.json).

Floors are set just under what the first complete version measured (see the closing note of the
foundation issue); later issues raise them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsweave import api
from newsweave.pipeline import RunConfig

pytestmark = pytest.mark.gold

# Measured with bench/seeds_dossier.py: 21 of 21 gold quotes found, 21 with the right speaker (the
# end-to-end count also needs the speaker linked to the right actor: "the foreign ministry
# spokeswoman" through the story's titles, "the Russian Foreign Ministry" one actor with "Ministry of
# Foreign Affairs"). Floors just under.
QUOTES_FOUND_FLOOR = 21
QUOTES_WITH_RIGHT_SPEAKER_FLOOR = 20


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, corpora_dir: Path) -> dict[str, Any]:
    """Run the seeds from ../shared/corpora through the whole pipeline and export them."""
    root = tmp_path_factory.mktemp("e2e")
    inputs = root / "in"
    shutil.copytree(corpora_dir / "seeds", inputs)
    db = root / "seeds.db"
    report = api.run([inputs], db=db, config=RunConfig(workers=1, progress=False))
    api.export(root / "out", db=db)
    articles = [json.loads(line) for line in (root / "out" / "articles.jsonl").read_text().splitlines()]
    stories = [json.loads(line) for line in (root / "out" / "stories.jsonl").read_text().splitlines()]
    return {"report": report, "articles": {a["id"]: a for a in articles}, "stories": stories, "db": db}


def _story(exported: dict[str, Any]) -> dict[str, Any]:
    return max(exported["stories"], key=lambda s: len(s["articles"]))


def _actor_names(story: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["entity"]: a for a in story["actors"]}


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    return max(0, min(a1, b1) - max(a0, b0)) / max(1, min(a1 - a0, b1 - b0))


def test_all_five_articles_form_one_story(exported: dict[str, Any], seeds_gold: dict[str, Any]) -> None:
    assert exported["report"].added == 5
    assert sorted(_story(exported)["articles"]) == sorted(seeds_gold["story"]["articles"])


def test_export_offsets_slice_the_text(exported: dict[str, Any]) -> None:
    for article in exported["articles"].values():
        text = article["text"]
        for key in ("entities", "timexes", "figures"):
            for item in article[key]:
                assert text[item["start"]:item["end"]] == item["text"]
        for q in article["quotes"]:
            for part in ("content", "cue", "speaker"):
                if q[part]:
                    assert text[q[part]["start"]:q[part]["end"]] == q[part]["text"]


def test_gold_quotes_found_with_right_speaker(exported: dict[str, Any], seeds_gold: dict[str, Any]) -> None:
    story = _story(exported)
    actors = _actor_names(story)
    found = right = 0
    for gold in seeds_gold["quotes"]:
        surname = gold["speaker"].split()[-1].lower()
        hits = [q for q in exported["articles"][gold["article"]]["quotes"]
                if _overlap(q["content"]["start"], q["content"]["end"], gold["start"], gold["end"]) >= 0.5]
        found += bool(hits)
        for q in hits:
            actor = actors.get(q["speaker_entity"] or "")
            names = [actor["name"], *actor["aliases"]] if actor else []
            if any(surname in n.lower() for n in names):
                right += 1
                break
    assert found >= QUOTES_FOUND_FLOOR
    assert right >= QUOTES_WITH_RIGHT_SPEAKER_FLOOR


@pytest.mark.parametrize("cluster", [0, 1])
def test_cross_outlet_quote_groups_are_complete(exported: dict[str, Any], seeds_gold: dict[str, Any],
                                                cluster: int) -> None:
    gold = seeds_gold["quote_clusters"][cluster]
    story = _story(exported)
    texts = exported["articles"]

    def holds(group: dict[str, Any], member: dict[str, str]) -> bool:
        return any(
            v["article"] == member["article"] and member["contains"] in texts[v["article"]]["text"][v["start"]:v["end"]]
            for v in group["variants"]
        )

    assert any(all(holds(g, m) for m in gold["members"]) for g in story["quotes"]), gold["gist"]


@pytest.mark.parametrize("forms", [
    ["Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev", "Kasym-Zhomart Tokayev"],
    ["Anthony Blinken", "Antony Blinken"],
])
def test_spelling_variants_resolve_to_one_actor(exported: dict[str, Any], forms: list[str]) -> None:
    entity_of_form: dict[str, set[str]] = {f: set() for f in forms}
    for article in exported["articles"].values():
        for m in article["entities"]:
            if m["text"] in entity_of_form and m["entity"]:
                entity_of_form[m["text"]].add(m["entity"])
    ids = set().union(*entity_of_form.values())
    assert all(entity_of_form.values()), entity_of_form
    assert len(ids) == 1, entity_of_form


@pytest.mark.parametrize("day", ["2022-01-02", "2022-01-05", "2022-01-06", "2022-01-07", "2022-01-10"])
def test_timeline_has_gold_dates_citing_reporting_articles(exported: dict[str, Any], seeds_gold: dict[str, Any],
                                                           day: str) -> None:
    gold_articles = {a for e in seeds_gold["timeline"] if e["date"] == day for a in e["articles"]}
    entries = [e for e in _story(exported)["timeline"] if e["date"] == day]
    assert entries, day
    assert any(c["article"] in gold_articles for e in entries for c in e["citations"])


def test_killed_officers_disagreement_is_flagged(exported: dict[str, Any]) -> None:
    def has(group: dict[str, Any], article: str, value: float) -> bool:
        return any(r["article"].startswith(article) and r["value"] == value for r in group["reports"])

    groups = _story(exported)["figures"]
    assert any(g["conflict"] and has(g, "000_", 18) and has(g, "003_", 13) for g in groups)


def test_shared_paragraph_and_repeat_are_copied_passages(exported: dict[str, Any]) -> None:
    texts = exported["articles"]
    reuse = _story(exported)["reuse"]
    pairs = {tuple(sorted((r["a"]["article"][:3], r["b"]["article"][:3]))) for r in reuse}
    assert ("001", "004") in pairs
    assert ("003", "003") in pairs
    shared = [r for r in reuse if {r["a"]["article"][:3], r["b"]["article"][:3]} == {"001", "004"}]
    passage = "The cost per liter increased from 60 to 120 tenge"
    assert any(passage in texts[r["a"]["article"]]["text"][r["a"]["start"]:r["a"]["end"]] for r in shared)


def test_every_summary_sentence_cites_spans(exported: dict[str, Any]) -> None:
    summary = _story(exported)["summary"]
    assert len(summary) >= 3
    for sentence in summary:
        assert sentence["citations"]
        first = sentence["citations"][0]
        text = exported["articles"][first["article"]]["text"]
        assert text[first["start"]:first["end"]] == sentence["text"]


def test_second_run_adds_nothing(exported: dict[str, Any], corpora_dir: Path) -> None:
    report = api.run([corpora_dir / "seeds"], db=exported["db"], config=RunConfig(workers=1, progress=False))
    assert (report.added, report.already_stored, report.annotated, report.stories_updated) == (0, 5, 0, 0)
    assert len(api.stories(exported["db"])) == len(exported["stories"])
