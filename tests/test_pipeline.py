"""The pipeline's promises: a failing or stuck article is reported and skipped, the rest goes on;
a run only recomputes what changed."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsweave import api, pipeline
from newsweave.annotate import run as annotate_run
from newsweave.errors import NotFoundError
from newsweave.link.stories import StoryClusterer
from newsweave.model import Article
from newsweave.pipeline import RunConfig
from test_store import BACKENDS, fresh_db

CONFIG = RunConfig(workers=1, progress=False)


def _write(folder: Path, articles: dict[str, str]) -> Path:
    path = folder / "batch.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for aid, text in articles.items():
            out.write(json.dumps({"id": aid, "text": text, "published": "2024-02-01"}) + "\n")
    return path


ARTICLES = {
    "ok1": "The port of Rotterdam reopened on Monday after a storm closed it for two days, officials said.",
    "bad": "The port of Antwerp stayed shut on Monday after the storm damaged 14 cranes, the operator said.",
    "ok2": "Shipping lines said on Tuesday that delays at Rotterdam would last until the end of the week.",
}


def _failing_on(article_id: str, failure: Any) -> Any:
    original = annotate_run.extract_figures

    def stage(doc: Any, title: str | None = None) -> Any:
        if "Antwerp" in doc.text:
            return failure()
        return original(doc, title)

    return stage


def test_a_failing_article_is_reported_and_the_rest_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> None:
        raise RuntimeError("stage broke")

    monkeypatch.setattr(annotate_run, "extract_figures", _failing_on("bad", boom))
    report = api.run([_write(tmp_path, ARTICLES)], db=tmp_path / "p.db", config=CONFIG)
    assert report.annotated == 2
    assert [where for where, _ in report.skipped] == ["bad"]
    assert "RuntimeError: stage broke" in report.skipped[0][1]
    placed = {aid for story in api.stories(tmp_path / "p.db") for aid in story.articles}
    assert placed == {"ok1", "ok2"}


def test_a_stuck_article_is_stopped_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(annotate_run, "ARTICLE_SECONDS", 1)
    monkeypatch.setattr(annotate_run, "extract_figures", _failing_on("bad", lambda: time.sleep(30)))
    start = time.perf_counter()
    report = api.run([_write(tmp_path, ARTICLES)], db=tmp_path / "p.db", config=CONFIG)
    assert time.perf_counter() - start < 25
    assert report.annotated == 2
    assert report.skipped and report.skipped[0][0] == "bad" and "stopped" in report.skipped[0][1]


def test_adding_an_article_rebuilds_only_its_story(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    first = api.run([_write(tmp_path, ARTICLES)], db=db, config=CONFIG)
    assert first.annotated == 3
    other = tmp_path / "other"
    other.mkdir()
    later = {"new": "Astronomers in Chile reported on Tuesday the discovery of a comet that will pass Earth in May."}
    second = api.run([_write(other, later)], db=db, config=CONFIG)
    assert (second.added, second.annotated, second.linked) == (1, 1, 1)
    assert second.stories_updated == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_dossiers_built_on_workers_match_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     backend: str) -> None:
    # The workers open the store themselves (a SQLite file, or PostgreSQL) and write what they build.
    articles = {**ARTICLES, "comet": "Astronomers in Chile reported on Tuesday the discovery of a comet.",
                "vote": "Lawmakers in Lisbon approved the budget on Wednesday by 120 votes to 96."}
    path = _write(tmp_path, articles)
    api.run([path], db=tmp_path / "one.db", config=CONFIG)
    monkeypatch.setattr(pipeline, "_PARALLEL_DOSSIERS", 1)
    monkeypatch.setattr(pipeline, "_DOSSIER_BATCH", 1)
    db = fresh_db(backend, tmp_path / "two.db")
    report = api.run([path], db=db, config=RunConfig(workers=2, progress=False))
    one = {s.id: api.dossier(s.id, db=tmp_path / "one.db").to_dict() for s in api.stories(tmp_path / "one.db")}
    two = {s.id: api.dossier(s.id, db=db).to_dict() for s in api.stories(db)}
    assert len(one) >= 2 and one == two and report.stories_updated == len(two)
    with api.open_store(tmp_path / "one.db") as a, api.open_store(db) as b:  # the linked annotations too
        assert {x.article_id: x for x in a.iter_annotations()} == {x.article_id: x for x in b.iter_annotations()}


def test_a_story_split_moves_stored_articles_and_rebuilds_their_dossiers(tmp_path: Path, corpora_dir: Path) -> None:
    # ECB+ topic 25 in file order (ids numbered to keep it): the 15 articles of one event, then 11
    # of a similar one. After the first 18, one story holds both events; the second run's articles
    # split it, moving the three stored articles of the second event to a new story.
    with (corpora_dir / "ecbplus_dev.jsonl").open(encoding="utf-8") as f:
        records = [r for r in map(json.loads, f) if r["topic"] == "25"]
    db = tmp_path / "p.db"
    for n, part in enumerate((records[:18], records[18:])):
        folder = tmp_path / f"batch{n}"
        folder.mkdir()
        first = 0 if n == 0 else 18
        lines = [json.dumps({"id": f"{first + i:02d}-{r['id']}", "text": r["text"]}) + "\n"
                 for i, r in enumerate(part)]
        (folder / "batch.jsonl").write_text("".join(lines), encoding="utf-8")
        api.run([folder / "batch.jsonl"], db=db, config=CONFIG)
        if n == 0:
            before = {aid: s.id for s in api.stories(db) for aid in s.articles}
    after = {aid: s.id for s in api.stories(db) for aid in s.articles}
    assert any(after[aid] != sid for aid, sid in before.items())  # the second run moved stored articles
    with api.open_store(db) as store:
        state = store.get_state(pipeline.STORIES_STATE)
    assert state is not None and StoryClusterer.from_state(state).assignments() == after
    for story in api.stories(db):
        assert set(api.dossier(story.id, db=db).story.articles) == set(story.articles)


def test_worker_url_reopens_a_file_store_and_not_an_in_memory_one(tmp_path: Path) -> None:
    with api.open_store(tmp_path / "w.db") as store:
        url = store.worker_url()
        assert url is not None
        store.put_state("probe", {"n": 1})
    with api.open_store(url) as other:  # what a dossier worker process opens
        assert other.get_state("probe") == {"n": 1}
    with api.open_store("sqlite://") as memory:
        assert memory.worker_url() is None


def test_dossiers_of_an_in_memory_store_are_built_in_process(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # Worker processes cannot open an in-memory database: the stage runs in this process instead.
    path = _write(tmp_path, ARTICLES)
    monkeypatch.setattr(pipeline, "_PARALLEL_DOSSIERS", 1)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a dossier pool was started for an in-memory store")

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", no_pool)
    with api.open_store("sqlite://") as store:
        report = api.run([path], db=store, config=RunConfig(workers=2, progress=False))
        assert report.stories_updated == len(store.list_stories()) >= 1
        assert all(store.get_dossier(s.id) is not None for s in store.list_stories())


def test_annotations_on_worker_processes_match_one_process() -> None:
    # The workers are forked from a server that loaded the default pipeline once; what they produce
    # must be what this process produces.
    articles = [Article(id=aid, text=text, published=date(2024, 2, 1)) for aid, text in ARTICLES.items()]
    one = [r for batch in annotate_run.Annotator().annotate(articles, chunk=1) for r in batch]
    two = [r for batch in annotate_run.Annotator(workers=2).annotate(articles, chunk=1) for r in batch]
    assert [a.article_id for a in one] == list(ARTICLES) and one == two


def test_a_story_merged_away_loses_its_dossier_and_the_bigger_one_is_rebuilt(tmp_path: Path) -> None:
    # A later article close to both a one-article story and a three-article one merges the small
    # story into the big (StoryConfig.merge_max_members): the small story's dossier goes, the big
    # one's is rebuilt with the moved article.
    glacier = "Glacier melting accelerates across the Greenland ice sheet, researchers in Nuuk report."
    reef = "Coral bleaching spreads along the reef off Queensland, divers in Cairns report."
    db = tmp_path / "p.db"
    first = {"glacier": glacier} | {f"reef-{k}": f"{reef} Update {k}: {'more ' * k}details." for k in range(3)}
    for n, batch in enumerate((first, {"both": f"{glacier} {reef}"})):
        folder = tmp_path / f"batch{n}"
        folder.mkdir()
        api.run([_write(folder, batch)], db=db, config=CONFIG)
        if n == 0:
            before = {aid: s.id for s in api.stories(db) for aid in s.articles}
            assert len(set(before.values())) == 2
    stories = api.stories(db)
    assert [sorted(s.articles) for s in stories] == [["both", "glacier", "reef-0", "reef-1", "reef-2"]]
    assert stories[0].id == before["reef-0"]
    assert set(api.dossier(stories[0].id, db=db).story.articles) == set(stories[0].articles)
    with api.open_store(db) as store, pytest.raises(NotFoundError):
        store.get_dossier(before["glacier"])


def test_a_run_with_nothing_to_place_leaves_the_story_state_unread(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "p.db"
    api.run([_write(tmp_path, ARTICLES)], db=db, config=CONFIG)
    with api.open_store(db) as store:
        saved = store.get_state(pipeline.STORIES_STATE)
        original = type(store).get_state

    def get_state(self: Any, key: str) -> Any:
        assert key != pipeline.STORIES_STATE, "the clusterer's state was read with nothing to place"
        return original(self, key)

    monkeypatch.setattr(type(store), "get_state", get_state)
    again = api.run([_write(tmp_path, ARTICLES)], db=db, config=CONFIG)
    assert (again.added, again.linked) == (0, 0)
    monkeypatch.undo()
    with api.open_store(db) as store:
        assert store.get_state(pipeline.STORIES_STATE) == saved


def test_an_article_placed_before_a_stop_gets_its_story_stored(tmp_path: Path) -> None:
    # the clusterer's state is saved before the assignments: a run stopped between the two leaves
    # an article placed in the state but without a stored story; the next run stores it, once
    db = tmp_path / "p.db"
    api.run([_write(tmp_path, ARTICLES)], db=db, config=CONFIG)
    with api.open_store(db) as store:
        placed = {aid: s.id for s in store.list_stories() for aid in s.articles}
        clusterer = StoryClusterer.from_state(store.get_state(pipeline.STORIES_STATE))
        clusterer.add("late", "Rotterdam's port said on Wednesday that the storm backlog had been cleared.",
                      date(2024, 2, 1))
        store.add_articles([Article("late", "Rotterdam's port said on Wednesday that the storm backlog had been "
                                            "cleared.", published=date(2024, 2, 1))])
        store.put_state(pipeline.STORIES_STATE, clusterer.to_state())  # the stop: no assignment stored
    again = api.run([], db=db, config=CONFIG)
    assert (again.annotated, again.linked) == (1, 0)  # annotated now, already placed by the clusterer
    stories = {aid: s.id for s in api.stories(db) for aid in s.articles}
    assert stories == clusterer.assignments()  # "late", and any story its placing merged or split
    assert set(stories) == set(placed) | {"late"}


def test_a_lost_story_state_is_rebuilt_by_the_next_run_that_places_articles(tmp_path: Path) -> None:
    # e.g. a Spark load stopped before it wrote the state: stories are stored, the clusterer knows none
    db = tmp_path / "p.db"
    api.run([_write(tmp_path, ARTICLES)], db=db, config=CONFIG)
    with api.open_store(db) as store:
        store.put_state(pipeline.STORIES_STATE, {})
    other = tmp_path / "other"
    other.mkdir()
    later = {"new": "Rotterdam's port said on Wednesday that the storm backlog had been cleared."}
    api.run([_write(other, later)], db=db, config=CONFIG)
    with api.open_store(db) as store:
        clusterer = StoryClusterer.from_state(store.get_state(pipeline.STORIES_STATE))
        stored = {aid: s.id for s in store.list_stories() for aid in s.articles}
    assert set(clusterer.assignments()) == set(ARTICLES) | {"new"}
    assert stored == clusterer.assignments()


def test_a_new_annotator_version_rebuilds_the_dossiers_of_stored_stories(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "p.db"
    api.run([_write(tmp_path, ARTICLES)], db=db, config=CONFIG)
    monkeypatch.setattr(annotate_run, "ANNOTATOR_VERSION", annotate_run.ANNOTATOR_VERSION + "-next")
    again = api.run([], db=db, config=CONFIG)
    assert again.annotated == 3
    assert again.stories_updated == len(api.stories(db))  # every story's dossier, from the new annotations
    with api.open_store(db) as store:
        mentions = [m for ann in store.iter_annotations() for m in ann.mentions]
        assert mentions and all(m.entity is not None for m in mentions)  # actor ids written again
