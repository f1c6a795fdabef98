"""The store: add semantics, round trips (hypothesis), stories, state, runs, migrations, kill -9,
the story list and full-text search.

The contract tests (every test that takes the ``store`` fixture) run against SQLite and against a
real PostgreSQL server named by ``$NEWSWEAVE_TEST_PG_URL`` (``.ci/run`` starts one); without that
variable the PostgreSQL cases are skipped.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Connection, Integer, MetaData, Table, create_engine, inspect

from newsweave.errors import MissingExtraError, NotFoundError, StoreError
from newsweave.model import (
    Annotations,
    Article,
    Cite,
    CitedText,
    Dossier,
    Entity,
    Figure,
    FigureGroup,
    FigureReport,
    Mention,
    Quote,
    QuoteForm,
    QuoteGroup,
    QuoteVariant,
    Reuse,
    Span,
    Story,
    Timex,
    TimexType,
)
from newsweave.store import AddResult, Store, StoryQuery, open_store
from newsweave.store import migrations as mig
from newsweave.store import sql as sql_store

# -- fixtures and helpers ---------------------------------------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "newsweave.db"


PG_URL = os.environ.get("NEWSWEAVE_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="set NEWSWEAVE_TEST_PG_URL to a PostgreSQL database to run these"))]


def empty_postgres(url: str) -> str:
    """Drop everything in the database's public schema (a fresh database for each test)."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()
    return url


def fresh_db(backend: str, db_path: Path) -> str | Path:
    """A new, empty database of ``backend``: a SQLite file under ``db_path`` or the test PostgreSQL."""
    if backend == "postgresql":
        assert PG_URL
        return empty_postgres(PG_URL)
    return db_path


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Store]:
    with open_store(fresh_db(request.param, db_path)) as s:
        yield s


def art(article_id: str, text: str, **meta: Any) -> Article:
    return Article(id=article_id, text=text, **meta)


def dossier(story_id: str, title: str, members: tuple[str, ...]) -> Dossier:
    cite = Cite(members[0], 0, 4) if members else Cite("x", 0, 1)
    return Dossier(story=Story(story_id, title, members),
                   summary=(CitedText("Something happened.", (cite,)),),
                   timeline=(CitedText("On Friday.", (cite,), date="2022-01-07", background=True),))


# -- articles ---------------------------------------------------------------------------------------

A = art("a", "Blinken spoke on Friday.", published=date(2022, 1, 7), title="Blinken", source="x.com")


@pytest.mark.parametrize(
    ("first", "second", "expected", "count"),
    [
        (A, art("b", "Zakharova replied."), AddResult("added", "b"), 2),
        (A, A, AddResult("exists", "a"), 1),
        # same id and text with other metadata: still a no-op, the stored article is kept
        (A, art("a", A.text, title="Another title"), AddResult("exists", "a"), 1),
        (A, art("b", A.text), AddResult("duplicate", "a"), 1),
        # the content hash ignores whitespace differences
        (A, art("b", "  Blinken   spoke\non Friday. "), AddResult("duplicate", "a"), 1),
        (A, art("a", "Blinken spoke on Saturday."), AddResult("conflict", "a"), 1),
        # same id, text differing only in whitespace: not verbatim the same -> conflict
        (A, art("a", A.text + " "), AddResult("conflict", "a"), 1),
    ],
    ids=["added", "exists", "exists-other-meta", "duplicate", "duplicate-whitespace", "conflict",
         "conflict-whitespace"],
)
def test_add_article_semantics(store: Store, first: Article, second: Article, expected: AddResult,
                               count: int) -> None:
    assert store.add_article(first) == AddResult("added", first.id)
    assert store.add_article(second) == expected
    assert store.count_articles() == count
    assert store.get_article("a") == A


def test_add_articles_detects_duplicates_inside_one_call(store: Store) -> None:
    results = store.add_articles([A, art("b", A.text), art("a", "other"), A, art("c", "new")])
    assert [r.status for r in results] == ["added", "duplicate", "conflict", "exists", "added"]
    assert results[1].kept_id == "a"
    assert store.article_ids() == ["a", "c"]


def test_text_is_stored_verbatim(store: Store) -> None:
    text = "  Line one\r\nLine two\t\u00a0“quoted” — ‘Алма-Ата’ 🙂 \u200b\n\n"
    store.add_article(art("v", text))
    assert store.get_article("v").text == text


def test_a_failed_batch_stores_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real_add_batch = sql_store.SQLStore._add_batch

    def add_then_fail(self: sql_store.SQLStore, conn: Connection, batch: list[Article]) -> list[AddResult]:
        real_add_batch(self, conn, batch)
        raise RuntimeError("simulated crash after the insert")

    monkeypatch.setattr(sql_store.SQLStore, "_add_batch", add_then_fail)
    with pytest.raises(RuntimeError):
        store.add_articles([art("a", "one"), art("b", "two")])
    assert store.count_articles() == 0


def test_batches_commit_separately(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql_store, "BATCH_SIZE", 2)
    results = store.add_articles(art(f"id{i}", f"text {i}") for i in range(5))
    assert [r.status for r in results] == ["added"] * 5
    assert store.count_articles() == 5


def test_get_article_missing_raises(store: Store) -> None:
    with pytest.raises(NotFoundError, match="'nope'"):
        store.get_article("nope")


@pytest.mark.parametrize("page_size", [2, 500])
def test_iter_articles_pages_and_order(store: Store, monkeypatch: pytest.MonkeyPatch, page_size: int) -> None:
    monkeypatch.setattr(sql_store, "PAGE_SIZE", page_size)
    articles = [art(f"id{i}", f"text {i}") for i in (3, 1, 4, 0, 2)]
    store.add_articles(articles)
    assert [a.id for a in store.iter_articles()] == ["id0", "id1", "id2", "id3", "id4"]
    assert list(store.iter_articles(["id4", "id0", "id3"])) == [articles[2], articles[3], articles[0]]
    with pytest.raises(NotFoundError, match="'missing'"):
        list(store.iter_articles(["id1", "missing"]))


# -- hypothesis round trips -------------------------------------------------------------------------

# arbitrary unicode but NUL (PostgreSQL text refuses it) and lone surrogates (not encodable)
CHARS = st.characters(exclude_categories=["Cs"], exclude_characters=["\x00"])
TEXT = st.text(CHARS, max_size=60)
OPT_TEXT = st.none() | TEXT
OFFSET = st.integers(0, 10_000)
FLOAT = st.floats(allow_nan=False)
SPAN = st.builds(Span, start=OFFSET, end=OFFSET, text=TEXT)
OPT_SPAN = st.none() | SPAN
CITE = st.builds(Cite, article=TEXT, start=OFFSET, end=OFFSET)

ARTICLE = st.builds(Article, id=TEXT, text=st.text(CHARS, max_size=400),
                    published=st.none() | st.dates(), title=OPT_TEXT, source=OPT_TEXT, url=OPT_TEXT)


@st.composite
def annotated_article(draw: st.DrawFn) -> tuple[Article, Annotations]:
    """An article and annotations whose sentences index its text (they are stored as offsets)."""
    article = draw(ARTICLE)
    n = len(article.text)
    bounds = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    sentences = tuple(Span.of(article.text, s, e) for s, e in draw(st.lists(bounds, max_size=5)))
    quote = st.builds(Quote, content=SPAN, cue=OPT_SPAN, speaker=OPT_SPAN, speaker_entity=OPT_TEXT,
                      form=st.sampled_from(get_args(QuoteForm)),
                      pieces=st.lists(SPAN, max_size=3).map(tuple), speaker_ref=OPT_SPAN)
    ann = Annotations(
        article_id=article.id,
        sentences=sentences,
        mentions=tuple(draw(st.lists(st.builds(Mention, start=OFFSET, end=OFFSET, text=TEXT, label=TEXT,
                                                entity=OPT_TEXT), max_size=4))),
        quotes=tuple(draw(st.lists(quote, max_size=3))),
        timexes=tuple(draw(st.lists(st.builds(Timex, start=OFFSET, end=OFFSET, text=TEXT,
                                              type=st.sampled_from(get_args(TimexType)), value=TEXT),
                                    max_size=3))),
        figures=tuple(draw(st.lists(st.builds(Figure, start=OFFSET, end=OFFSET, text=TEXT, value=FLOAT,
                                              unit=OPT_TEXT, measure=OPT_TEXT,
                                              value_max=st.none() | FLOAT), max_size=3))),
    )
    return article, ann


@st.composite
def cited_text(draw: st.DrawFn) -> CitedText:
    day = draw(OPT_TEXT)
    # to_dict writes ``background`` only for dated entries (timeline), so it is False without a date
    background = draw(st.booleans()) if day is not None else False
    return CitedText(draw(TEXT), tuple(draw(st.lists(CITE, max_size=3))), day, background)


DOSSIER = st.builds(
    Dossier,
    story=st.builds(Story, id=TEXT, title=TEXT, articles=st.lists(TEXT, max_size=4).map(tuple)),
    summary=st.lists(cited_text(), max_size=3).map(tuple),
    actors=st.lists(st.builds(Entity, id=TEXT, name=TEXT, type=TEXT,
                              aliases=st.lists(TEXT, max_size=3).map(tuple),
                              mentions=st.integers(0, 10**6)), max_size=3).map(tuple),
    quotes=st.lists(st.builds(QuoteGroup, speaker_entity=OPT_TEXT, speaker=OPT_TEXT,
                              variants=st.lists(st.builds(QuoteVariant, cite=CITE, text=TEXT),
                                                max_size=3).map(tuple)), max_size=3).map(tuple),
    timeline=st.lists(cited_text(), max_size=3).map(tuple),
    figures=st.lists(st.builds(FigureGroup, measure=TEXT, unit=OPT_TEXT,
                               reports=st.lists(st.builds(FigureReport, cite=CITE, value=FLOAT, text=TEXT,
                                                          published=OPT_TEXT), max_size=3).map(tuple),
                               conflict=st.booleans(), note=OPT_TEXT), max_size=3).map(tuple),
    # to_dict rounds similarity to 4 places, so only such values survive the JSON round trip
    reuse=st.lists(st.builds(Reuse, a=CITE, b=CITE,
                             similarity=st.floats(0, 1).map(lambda x: round(x, 4))), max_size=3).map(tuple),
)

ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(article=ARTICLE)
def test_article_round_trip(article: Article) -> None:
    with open_store("sqlite://") as s:
        assert s.add_article(article) == AddResult("added", article.id)
        assert s.get_article(article.id) == article
        assert list(s.iter_articles()) == [article]
        assert s.add_article(article) == AddResult("exists", article.id)


@ROUND_TRIP
@given(pair=annotated_article(), version=TEXT)
def test_annotations_round_trip(pair: tuple[Article, Annotations], version: str) -> None:
    article, ann = pair
    with open_store("sqlite://") as s:
        s.add_article(article)
        s.put_annotations([(ann, version)])
        assert s.get_annotations(article.id) == ann
        assert list(s.iter_annotations()) == [ann]
        assert s.ids_needing_annotation(version) == []


@ROUND_TRIP
@given(d=DOSSIER)
def test_dossier_round_trip(d: Dossier) -> None:
    with open_store("sqlite://") as s:
        s.put_dossiers([d])
        assert s.get_dossier(d.story.id) == d
        assert list(s.iter_dossiers()) == [d]


# -- annotations ------------------------------------------------------------------------------------


def test_annotations_overwrite_and_versions(store: Store) -> None:
    store.add_articles([art("a", "Blinken spoke. Zakharova replied."), art("b", "Other text.")])
    assert store.get_annotations("a") is None
    assert store.ids_needing_annotation("v1") == ["a", "b"]
    first = Annotations("a", sentences=(Span.of("Blinken spoke.", 0, 14),))
    store.put_annotations([(first, "v1")])
    assert store.get_annotations("a") == first
    assert store.ids_needing_annotation("v1") == ["b"]
    assert store.ids_needing_annotation("v2") == ["a", "b"]
    second = Annotations("a", mentions=(Mention(0, 7, "Blinken", "PERSON", "e1"),))
    store.put_annotations([(second, "v2")])
    assert store.get_annotations("a") == second
    assert store.ids_needing_annotation("v2") == ["b"]
    assert list(store.iter_annotations(["b", "a"])) == [second]


def test_annotations_for_missing_article(store: Store) -> None:
    store.add_article(art("a", "text"))
    with pytest.raises(NotFoundError, match="'ghost'"):
        store.put_annotations([(Annotations("a"), "v1"), (Annotations("ghost"), "v1")])
    assert store.get_annotations("a") is None  # the whole call was rolled back
    with pytest.raises(NotFoundError):
        store.get_annotations("ghost")


# -- stories ----------------------------------------------------------------------------------------


def test_story_assignments_and_titles(store: Store) -> None:
    store.add_articles([art("a", "one", published=date(2022, 1, 8), title="Late"),
                        art("b", "two", published=date(2022, 1, 7), title="Early"),
                        art("c", "three"), art("d", "four")])
    store.set_story_assignments({"a": "s1", "b": "s1", "c": "s2"})
    assert store.story_of("a") == "s1"
    assert store.story_of("d") is None
    # no dossier: the title of the earliest member with a title, else the story id
    assert store.list_stories() == [Story("s1", "Early", ("b", "a")), Story("s2", "s2", ("c",))]
    assert store.count_stories() == 2
    store.put_dossiers([dossier("s1", "Blinken's remark", ("a", "b"))])
    assert store.list_stories()[0] == Story("s1", "Blinken's remark", ("b", "a"))
    store.set_story_assignments({"c": "s1"})
    assert store.list_stories()[0].articles == ("b", "a", "c")
    assert store.count_stories() == len(store.list_stories())
    with pytest.raises(NotFoundError, match="'ghost'"):
        store.set_story_assignments({"d": "s3", "ghost": "s3"})
    assert store.story_of("d") is None


def test_put_dossiers_replaces_and_delete_stories(store: Store) -> None:
    store.add_articles([art("a", "one"), art("b", "two")])
    store.set_story_assignments({"a": "s1", "b": "s2"})
    store.put_dossiers([dossier("s1", "First", ("a",)), dossier("s2", "Second", ("b",))])
    replacement = dossier("s1", "First, revised", ("a",))
    store.put_dossiers([replacement])
    assert store.get_dossier("s1") == replacement
    assert [d.story.id for d in store.iter_dossiers()] == ["s1", "s2"]
    store.delete_stories(["s1", "unknown"])
    with pytest.raises(NotFoundError, match="'s1'"):
        store.get_dossier("s1")
    assert store.story_of("a") is None
    assert [s.id for s in store.list_stories()] == ["s2"]
    assert store.count_articles() == 2
    assert store.count_stories() == 1


# -- state and runs ---------------------------------------------------------------------------------


def test_state(store: Store) -> None:
    assert store.get_state("minhash") is None
    store.put_state("minhash", {"bands": [1, 2], "ünïcode": "ok"})
    store.put_state("minhash", {"bands": [3]})
    assert store.get_state("minhash") == {"bands": [3]}
    with pytest.raises(StoreError, match="JSON"):
        store.put_state("bad", {"x": object()})
    assert store.get_state("bad") is None


def test_runs(store: Store) -> None:
    assert store.last_run() is None
    run = store.start_run()
    store.record_skipped(run, "feed.xml#3", "no text")
    store.record_skipped(run, "in.jsonl:7", "not JSON")
    running = store.last_run()
    assert running is not None
    assert (running["id"], running["finished_at"], running["summary"]) == (run, None, None)
    store.finish_run(run, {"added": 5, "seconds": 1.5})
    done = store.last_run()
    assert done is not None
    assert done["summary"] == {"added": 5, "seconds": 1.5}
    assert done["skipped"] == [{"where": "feed.xml#3", "reason": "no text"},
                               {"where": "in.jsonl:7", "reason": "not JSON"}]
    assert done["finished_at"] >= done["started_at"]
    second = store.start_run()
    assert second > run
    last = store.last_run()
    assert last is not None and last["id"] == second and last["skipped"] == []
    with pytest.raises(NotFoundError):
        store.record_skipped(999, "x", "y")
    with pytest.raises(NotFoundError):
        store.finish_run(999, {})


# -- opening, pragmas, migrations ------------------------------------------------------------------


def test_open_creates_parents_and_uses_wal(db_path: Path) -> None:
    with open_store(db_path) as s:
        s.add_article(A)
        assert isinstance(s, sql_store.SQLStore)
        with s._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    assert sqlite3.connect(db_path).execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with open_store(f"sqlite:///{db_path}") as s:
        assert s.get_article("a") == A


def test_two_stores_on_one_file_see_each_other(db_path: Path) -> None:
    with open_store(db_path) as one, open_store(db_path) as two:
        one.add_article(A)
        assert two.add_article(A) == AddResult("exists", "a")
        two.put_state("k", {"v": 1})
        assert one.get_state("k") == {"v": 1}


@pytest.mark.parametrize("url", ["mysql://u@localhost/db", "postgresql+nosuchdriver://u@localhost/db"])
def test_open_rejects_unusable_urls(url: str) -> None:
    with pytest.raises((StoreError, MissingExtraError)):
        open_store(url)


def test_postgres_without_driver_names_the_extra() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        with pytest.raises(MissingExtraError, match=r"newsweave\[postgres\]"):
            open_store("postgresql://user@localhost/newsweave")
    else:
        pytest.skip("psycopg is installed; the live PostgreSQL tests cover this URL")


def test_open_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        open_store(bad)


def migration_rows(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT number, name, applied_at FROM schema_migrations ORDER BY number").fetchall()


def test_migrations_applied_once_and_recorded(db_path: Path) -> None:
    with open_store(db_path) as s:
        s.add_article(A)
    rows = migration_rows(db_path)
    assert [(n, name) for n, name, _ in rows] == [(n, name) for n, name, _ in mig.MIGRATIONS]
    with open_store(db_path) as s:
        assert s.get_article("a") == A
    assert migration_rows(db_path) == rows  # reopening applied nothing again


def _add_table(name: str) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        Table(name, MetaData(), Column("id", Integer, primary_key=True)).create(conn)
    return apply


def test_new_migrations_apply_in_order_and_failures_roll_back(db_path: Path) -> None:
    with open_store(db_path):
        pass
    engine = sql_store._sqlite_engine(sql_store._resolve_url(db_path))
    try:
        n = len(mig.MIGRATIONS)
        extra = [*mig.MIGRATIONS, (n + 1, "extra table", _add_table("extra"))]
        assert mig.migrate(engine, "test", extra) == [n + 1]
        assert mig.migrate(engine, "test", extra) == []

        def fail(conn: Connection) -> None:
            _add_table("half")(conn)
            raise RuntimeError("migration 3 breaks half-way")

        with pytest.raises(RuntimeError):
            mig.migrate(engine, "test", [*extra, (n + 2, "broken", fail)])
        with engine.connect() as conn:
            assert sorted(mig.applied_migrations(conn)) == list(range(1, n + 2))
            assert not inspect(conn).has_table("half")  # the DDL was rolled back with the record
            assert inspect(conn).has_table("extra")
        with pytest.raises(ValueError, match="1, 2"):
            mig.migrate(engine, "test", [*mig.MIGRATIONS, (n + 3, "gap", fail)])
    finally:
        engine.dispose()


def test_newer_schema_is_refused(db_path: Path) -> None:
    with open_store(db_path) as s:
        s.add_article(A)
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', '2099-01-01')")
    with pytest.raises(StoreError, match="upgrade newsweave"):
        open_store(db_path)


# -- kill -9 ----------------------------------------------------------------------------------------

BLOCK = 5  # articles per block: even blocks one add_article each, odd blocks one add_articles call


def kill_article(i: int) -> Article:
    """The i-th article the killed writer adds (big enough that a kill often lands inside a write)."""
    body = f"Article {i}: “once Russians are in your house” — Алма-Ата, {i * 7} officers.\n"
    return Article(id=f"k{i:05d}", text=body * (200 + i % 37), published=date(2022, 1, 1 + i % 28),
                   title=f"Title {i}", source="kill.test")


WRITER = """
import sys
sys.path.insert(0, {tests!r})
from test_store import BLOCK, kill_article
from newsweave.store import open_store
store = open_store({db!r})
for block in range(2000):
    articles = [kill_article(block * BLOCK + j) for j in range(BLOCK)]
    if block % 2:
        store.add_articles(articles)
    else:
        for a in articles:
            store.add_article(a)
    print(block, flush=True)
"""


@pytest.mark.parametrize("blocks_before_kill", [3, 11])
def test_kill_9_leaves_only_whole_articles(db_path: Path, blocks_before_kill: int) -> None:
    script = WRITER.format(tests=str(Path(__file__).parent), db=str(db_path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    try:
        for _ in range(blocks_before_kill):
            assert proc.stdout.readline(), "the writer stopped before it was killed"
        time.sleep(0.003 * blocks_before_kill)  # land somewhere inside a later write
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    with open_store(db_path) as s:
        stored = list(s.iter_articles())
        n = len(stored)
        assert n >= blocks_before_kill * BLOCK
        # Writes commit in order, so what survived is exactly the first n articles, each whole,
        # and an add_articles batch (odd block) is all there or not at all.
        assert stored == [kill_article(i) for i in range(n)]
        if (n // BLOCK) % 2 == 1:
            assert n % BLOCK == 0
        written = [kill_article(i) for i in range(n + 2 * BLOCK)]
        results = s.add_articles(written)
        assert [r.status for r in results] == ["exists"] * n + ["added"] * (2 * BLOCK)
        assert s.count_articles() == len(written)
        assert {r.status for r in s.add_articles(written)} == {"exists"}


# -- PostgreSQL round trips -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pg_store() -> Iterator[Store]:
    if not PG_URL:
        pytest.skip("set NEWSWEAVE_TEST_PG_URL to a PostgreSQL database to run these")
    with open_store(empty_postgres(PG_URL)) as s:
        yield s


def _truncate(store: Store) -> None:
    assert isinstance(store, sql_store.SQLStore)
    with store._engine.begin() as conn:
        conn.exec_driver_sql("TRUNCATE articles, annotations, stories, story_members, dossiers, story_actors CASCADE")


PG_ROUND_TRIP = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PG_ROUND_TRIP
@given(pair=annotated_article(), d=DOSSIER)
def test_postgres_round_trips(pg_store: Store, pair: tuple[Article, Annotations], d: Dossier) -> None:
    _truncate(pg_store)
    article, ann = pair
    assert pg_store.add_article(article) == AddResult("added", article.id)
    assert pg_store.get_article(article.id) == article
    pg_store.put_annotations([(ann, "v")])
    assert pg_store.get_annotations(article.id) == ann
    pg_store.put_dossiers([d])
    assert pg_store.get_dossier(d.story.id) == d


# -- story list and full-text search ----------------------------------------------------------------


def _browse_fixture(store: Store) -> None:
    store.add_articles([
        art("a1", "Blinken said once Russians are in your house it is hard to get them out.",
            published=date(2022, 1, 7), source="Reuters", title="Blinken warns"),
        art("a2", "Zakharova replied to Blinken's remark about houses.", published=date(2022, 1, 8),
            source="TASS"),
        art("a3", "Tokayev thanked the CSTO peacekeepers in Almaty.", published=date(2022, 1, 10),
            source="Reuters"),
        art("b1", "The central bank raised interest rates by 50 basis points.", published=date(2021, 5, 3),
            source="Bloomberg"),
        art("c1", "An undated note.")])
    store.set_story_assignments({"a1": "s-remark", "a2": "s-remark", "a3": "s-csto", "b1": "s-rates",
                                 "c1": "s-note"})
    remark = Dossier(story=Story("s-remark", "Blinken's remark", ("a1", "a2")),
                     actors=(Entity("e1", "Antony Blinken", "PERSON", ("Anthony Blinken", "Blinken"), 5),
                             Entity("e2", "Maria Zakharova", "PERSON", ("Zakharova",), 3),
                             Entity("e3", "United States", "GPE", (), 1),
                             Entity("e4", "Russia", "GPE", (), 2)))
    csto = Dossier(story=Story("s-csto", "CSTO in Kazakhstan", ("a3",)),
                   actors=(Entity("e5", "Kassym-Jomart Tokayev", "PERSON", ("Kasym-Zhomart Tokayev",), 2),))
    store.put_dossiers([remark, csto])


def ids(store: Store, **query: Any) -> list[str]:
    return [s.id for s in store.query_stories(StoryQuery(**query)).items]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["s-remark", "s-csto", "s-note", "s-rates"]),
        ({"sort": "recent"}, ["s-csto", "s-remark", "s-rates", "s-note"]),
        ({"actor": "zhomart"}, ["s-csto"]),
        ({"actor": "BLINKEN"}, ["s-remark"]),
        ({"actor": "%"}, []),
        ({"outlet": "reuters"}, ["s-remark", "s-csto"]),
        ({"since": date(2022, 1, 8)}, ["s-remark", "s-csto"]),
        ({"since": date(2022, 1, 9), "until": date(2022, 1, 31)}, ["s-csto"]),
        ({"until": date(2021, 12, 31)}, ["s-rates"]),
        ({"text": "houses"}, ["s-remark"]),  # stemmed: "house" and "houses" match
        ({"text": "interest rate"}, ["s-rates"]),
        ({"text": "peacekeepers", "outlet": "TASS"}, []),
        ({"limit": 2, "offset": 1}, ["s-csto", "s-note"]),
    ],
)
@pytest.mark.parametrize("store", BACKENDS, indirect=True)
def test_story_list_filters_and_order(store: Store, query: dict[str, Any], expected: list[str]) -> None:
    _browse_fixture(store)
    assert ids(store, **query) == expected


def test_story_list_rows(store: Store) -> None:
    _browse_fixture(store)
    page = store.query_stories(StoryQuery(limit=1))
    assert page.total == 4
    row = page.items[0]
    assert (row.id, row.title, row.size, row.first, row.last) == (
        "s-remark", "Blinken's remark", 2, date(2022, 1, 7), date(2022, 1, 8))
    assert row.outlets == ("Reuters", "TASS")
    assert row.top_actors == ("Antony Blinken", "Maria Zakharova", "Russia")
    # a replaced dossier replaces the actors; a deleted story leaves no actor behind
    store.put_dossiers([Dossier(story=Story("s-remark", "Revised", ("a1", "a2")))])
    assert store.query_stories(StoryQuery(actor="blinken")).total == 0
    store.delete_stories(["s-csto"])
    assert store.query_stories(StoryQuery(actor="tokayev")).total == 0


def _recomputed_rows(store: Store) -> list[tuple[str, int, date | None, date | None]]:
    """The story list's (id, size, first, last), computed from list_stories and the articles."""
    rows = []
    for story in store.list_stories():
        days = [d for d in (store.get_article(a).published for a in story.articles) if d is not None]
        rows.append((story.id, len(story.articles), min(days, default=None), max(days, default=None)))
    return sorted(rows)


def _listed_rows(store: Store) -> list[tuple[str, int, date | None, date | None]]:
    return sorted((r.id, r.size, r.first, r.last) for r in store.query_stories(StoryQuery(limit=100)).items)


@pytest.mark.parametrize("store", BACKENDS, indirect=True)
def test_story_list_follows_moves_and_deletions(store: Store) -> None:
    _browse_fixture(store)
    assert _listed_rows(store) == _recomputed_rows(store)
    # a3 moves into s-remark (s-csto is left empty); b1 starts a new story; then s-note is deleted
    store.set_story_assignments({"a3": "s-remark", "b1": "s-new"})
    assert ("s-remark", 3, date(2022, 1, 7), date(2022, 1, 10)) in _listed_rows(store)
    assert ("s-csto", 0, None, None) in _listed_rows(store)
    assert _listed_rows(store) == _recomputed_rows(store)
    store.delete_stories(["s-note"])
    assert _listed_rows(store) == _recomputed_rows(store)
    assert ids(store, sort="size")[:2] == ["s-remark", "s-new"]


def test_story_list_statistics_filled_for_an_older_database(db_path: Path) -> None:
    with open_store(db_path) as s:
        _browse_fixture(s)
        expected = _listed_rows(s)
    # the database as migration 2 left it: no statistics table, no record of migration 3
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TABLE story_stats")
        conn.execute("DELETE FROM schema_migrations WHERE number = 3")
    with open_store(db_path) as s:
        assert _listed_rows(s) == expected


def test_search_articles(store: Store) -> None:
    _browse_fixture(store)
    page = store.search_articles("Blinken")
    assert page.total == 2
    assert {h.id for h in page.items} == {"a1", "a2"}
    hit = next(h for h in page.items if h.id == "a1")
    assert (hit.story, hit.source, hit.title) == ("s-remark", "Reuters", "Blinken warns")
    assert hit.snippet is not None and "Blinken" in hit.snippet.text
    assert store.search_articles("warns").total == 1  # titles are searched too
    assert [h.id for h in store.search_articles("Blinken", limit=1, offset=1).items] != \
        [h.id for h in store.search_articles("Blinken", limit=1).items]
    store.add_article(art("a4", "Later news: Blinken met Lavrov."))
    assert store.search_articles("Lavrov").total == 1  # new articles are indexed on insert


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "a OR", "'; DROP TABLE articles; --", "-", "", "  ",
                                   "title:x", "^Blinken", "Blinken AND NOT"])
def test_search_takes_any_text(store: Store, query: str) -> None:
    _browse_fixture(store)
    assert store.search_articles(query).total >= 0
    assert store.query_stories(StoryQuery(text=query)).total >= 0
    assert store.count_articles() == 5


def test_dossier_stamp_changes_on_rewrite(store: Store) -> None:
    assert store.dossier_stamp("s1") is None
    store.put_dossiers([dossier("s1", "First", ())])
    first = store.dossier_stamp("s1")
    assert first is not None
    time.sleep(0.002)
    store.put_dossiers([dossier("s1", "Second", ())])
    assert store.dossier_stamp("s1") not in (None, first)
