"""The store on SQLAlchemy Core: SQLite (the default, a local file) and PostgreSQL (by URL).

The SQL here is portable; the only dialect-specific parts are guarded by ``dialect.name``: SQLite's
pragmas and its ``BEGIN IMMEDIATE`` for write transactions, and ``INSERT ... ON CONFLICT`` (which
both dialects spell the same way through their own ``insert``).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    URL,
    Connection,
    Engine,
    Table,
    create_engine,
    delete,
    event,
    exc,
    func,
    insert,
    make_url,
    select,
    update,
)
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from newsweave.errors import MissingExtraError, NotFoundError, StoreError
from newsweave.model import Annotations, Article, Dossier, Story
from newsweave.store import schema
from newsweave.store.base import AddResult, Store
from newsweave.store.migrations import actor_rows, migrate, refresh_story_stats, utc_now
from newsweave.store.query import ArticleHit, Page, StoryQuery, StorySummary, query_stories, search_articles

T = TypeVar("T")

# Articles per add_articles transaction. 500 seed-sized articles (~5 KB each) commit in well under a
# second on SQLite, and a failed batch costs at most 500 re-adds.
BATCH_SIZE = 500
# Rows per page when streaming, and ids per IN (...) list: SQLite builds before 3.32 allow at most
# 999 bound parameters in one statement.
PAGE_SIZE = 500
# Seconds a SQLite writer waits for another process's write lock before failing with "locked".
BUSY_TIMEOUT_S = 30.0
# Connections kept open per store. The web server runs sync endpoints on up to 40 threads; with
# SQLAlchemy's default (5 kept, 10 more opened and closed per use) a busy server spent ~7% of its time
# opening SQLite connections and setting their pragmas. Twenty kept cover the load bench's 20 readers;
# beyond 40 at once a request waits for a free connection.
POOL_SIZE = 20
POOL_OVERFLOW = 20

_PG_DRIVERS = {"psycopg": "psycopg", "psycopg2": "psycopg2", "pg8000": "pg8000"}


def open_store(db: str | Path) -> SQLStore:
    """Open (creating and migrating as needed) a newsweave store.

    Args:
        db: a file path (SQLite; missing parent folders are created), a ``sqlite:///PATH`` URL
            (``sqlite://`` alone is an in-memory database), or a ``postgresql://`` URL.

    Returns:
        The open store.

    Raises:
        MissingExtraError: a PostgreSQL URL without the driver installed (``newsweave[postgres]``).
        StoreError: the database cannot be opened or migrated, or the URL names another database.
    """
    url = _resolve_url(db)
    where = url.render_as_string(hide_password=True)
    is_sqlite = url.get_backend_name() == "sqlite"
    engine = (_sqlite_engine(url) if is_sqlite
              else create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW))
    try:
        migrate(engine, where)
    except exc.DBAPIError as err:
        engine.dispose()
        raise StoreError(f"cannot open the store {where}: {err.orig}") from err
    except BaseException:
        engine.dispose()
        raise
    return SQLStore(engine, where)


def _resolve_url(db: str | Path) -> URL:
    text = str(db)
    if isinstance(db, Path) or ("://" not in text and not text.startswith("sqlite:")):
        path = Path(text).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return URL.create("sqlite", database=str(path))
    try:
        url = make_url(text)
    except exc.ArgumentError as err:
        raise StoreError(f"{text!r} is neither a file path nor a database URL: {err}") from err
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return url
    if backend == "postgresql":
        driver = url.get_driver_name() if "+" in url.drivername else "psycopg"
        module = _PG_DRIVERS.get(driver, driver)
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(module, "postgres")
        return url.set(drivername=f"postgresql+{driver}")
    raise StoreError(f"{url.render_as_string(hide_password=True)}: unsupported database "
                     f"{backend!r}; use a file path, a sqlite:/// URL or a postgresql:// URL")


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    pool: dict[str, Any] = {} if in_memory else {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S}, **pool)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_conn: DBAPIConnection, record: ConnectionPoolEntry) -> None:
    # sqlite3's own transaction handling skips BEGIN before SELECT and DDL; SQLAlchemy emits BEGIN
    # itself instead (see _sqlite_on_begin), so reads are consistent and migrations transactional.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    # WAL: readers never block the writer. synchronous=NORMAL in WAL mode loses no committed
    # transaction when the process dies (only on power loss), and never corrupts the file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    # A write transaction takes the write lock up front: a deferred one that reads first and then
    # writes can fail with "database is locked" at once instead of waiting for the busy timeout.
    mode = "IMMEDIATE" if conn.get_execution_options().get("newsweave_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _dumps(value: Any, what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as err:
        raise StoreError(f"{what} cannot be stored as JSON: {err}") from err


def _article_from_row(row: Any) -> Article:
    return Article(id=row.id, text=row.text, published=row.published, title=row.title,
                   source=row.source, url=row.url)


class SQLStore(Store):
    """A :class:`~newsweave.store.base.Store` over a SQLAlchemy engine (SQLite or PostgreSQL).

    Use :func:`open_store` to make one: it migrates the database first.
    """

    def __init__(self, engine: Engine, where: str) -> None:
        self._engine = engine
        self._where = where

    def __repr__(self) -> str:
        return f"SQLStore({self._where!r})"

    def close(self) -> None:
        """Release every pooled connection."""
        self._engine.dispose()

    def worker_url(self) -> str | None:
        """This database's URL for another process; None for an in-memory SQLite database."""
        url = self._engine.url
        if url.get_backend_name() == "sqlite" and (url.database in (None, "", ":memory:")
                                                   or url.query.get("mode") == "memory"):
            return None
        return url.render_as_string(hide_password=False)

    @contextmanager
    def _tx(self, write: bool = False, raw_integrity: bool = False) -> Iterator[Connection]:
        """One transaction; database errors become :class:`StoreError` saying where."""
        try:
            with self._engine.connect() as conn:
                if write:
                    conn.execution_options(newsweave_write=True)
                with conn.begin():
                    yield conn
        except exc.DBAPIError as err:
            if raw_integrity and isinstance(err, exc.IntegrityError):
                raise
            raise StoreError(f"{self._where}: {err.orig}") from err

    def _upsert(self, conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
                keys: Sequence[str]) -> None:
        """Insert rows, replacing the non-key columns of rows whose keys are already stored."""
        if not rows:
            return
        dialect_insert = pg_dialect.insert if conn.dialect.name == "postgresql" else sqlite_dialect.insert
        stmt = dialect_insert(table)
        changes = {name: stmt.excluded[name] for name in rows[0] if name not in keys}
        conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=changes), list(rows))

    def _ensure_stories(self, conn: Connection, story_ids: Iterable[str]) -> None:
        dialect_insert = pg_dialect.insert if conn.dialect.name == "postgresql" else sqlite_dialect.insert
        rows = [{"id": sid, "created_at": utc_now()} for sid in sorted(set(story_ids))]
        if rows:
            conn.execute(dialect_insert(schema.stories).on_conflict_do_nothing(), rows)

    def _require_articles(self, conn: Connection, ids: Iterable[str], what: str) -> None:
        wanted = set(ids)
        found: set[str] = set()
        for chunk in _chunks(sorted(wanted), PAGE_SIZE):
            found.update(conn.scalars(select(schema.articles.c.id).where(schema.articles.c.id.in_(chunk))))
        missing = sorted(wanted - found)
        if missing:
            raise NotFoundError(f"{self._where}: {what} names {len(missing)} article(s) that are not "
                                f"stored, e.g. {missing[:3]}; add the articles first")

    # -- articles -------------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store many articles, ``BATCH_SIZE`` per all-or-nothing transaction; see :class:`Store`."""
        results: list[AddResult] = []
        for batch in _chunks(articles, BATCH_SIZE):
            try:
                with self._tx(write=True, raw_integrity=True) as conn:
                    batch_results = self._add_batch(conn, batch)
            except exc.IntegrityError:
                # Another writer (PostgreSQL, read committed) stored one of these ids or hashes after
                # we looked: the batch was rolled back; look again now that its rows are visible.
                try:
                    with self._tx(write=True, raw_integrity=True) as conn:
                        batch_results = self._add_batch(conn, batch)
                except exc.IntegrityError as err:
                    raise StoreError(f"{self._where}: cannot add articles: {err.orig}") from err
            results.extend(batch_results)
        return results

    def _add_batch(self, conn: Connection, batch: list[Article]) -> list[AddResult]:
        table = schema.articles
        text_by_id: dict[str, str] = {}
        id_by_hash: dict[str, str] = {}
        for chunk in _chunks(sorted({a.id for a in batch}), PAGE_SIZE):
            rows = conn.execute(select(table.c.id, table.c.text).where(table.c.id.in_(chunk)))
            text_by_id.update((row.id, row.text) for row in rows)
        for hashes in _chunks(sorted({a.content_hash for a in batch}), PAGE_SIZE):
            rows = conn.execute(select(table.c.content_hash, table.c.id).where(table.c.content_hash.in_(hashes)))
            id_by_hash.update((row.content_hash, row.id) for row in rows)
        results: list[AddResult] = []
        new_rows: list[dict[str, Any]] = []
        now = utc_now()
        for article in batch:
            digest = article.content_hash
            if article.id in text_by_id:
                same = text_by_id[article.id] == article.text
                results.append(AddResult("exists" if same else "conflict", article.id))
            elif digest in id_by_hash:
                results.append(AddResult("duplicate", id_by_hash[digest]))
            else:
                text_by_id[article.id] = article.text
                id_by_hash[digest] = article.id
                new_rows.append({"id": article.id, "content_hash": digest, "text": article.text,
                                 "published": article.published, "title": article.title,
                                 "source": article.source, "url": article.url, "added_at": now})
                results.append(AddResult("added", article.id))
        if new_rows:
            conn.execute(insert(table), new_rows)
        return results

    def get_article(self, article_id: str) -> Article:
        """The stored article; raises :class:`NotFoundError` when missing."""
        with self._tx() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).first()
        if row is None:
            raise NotFoundError(f"{self._where}: no article with id {article_id!r}")
        return _article_from_row(row)

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stream articles page by page; see :class:`Store`."""
        table = schema.articles
        if ids is None:
            last: str | None = None
            while True:
                query = select(table).order_by(table.c.id).limit(PAGE_SIZE)
                if last is not None:
                    query = query.where(table.c.id > last)
                with self._tx() as conn:
                    page = [_article_from_row(row) for row in conn.execute(query)]
                yield from page
                if len(page) < PAGE_SIZE:
                    return
                last = page[-1].id
        for chunk in _chunks(ids, PAGE_SIZE):
            with self._tx() as conn:
                rows = conn.execute(select(table).where(table.c.id.in_(set(chunk))))
                found = {row.id: _article_from_row(row) for row in rows}
            for article_id in chunk:
                if article_id not in found:
                    raise NotFoundError(f"{self._where}: no article with id {article_id!r}")
                yield found[article_id]

    def count_articles(self) -> int:
        """How many articles are stored."""
        with self._tx() as conn:
            return int(conn.scalar(select(func.count()).select_from(schema.articles)) or 0)

    def article_ids(self) -> list[str]:
        """Every stored article id, sorted."""
        with self._tx() as conn:
            return list(conn.scalars(select(schema.articles.c.id).order_by(schema.articles.c.id)))

    # -- annotations ----------------------------------------------------------------------------

    def put_annotations(self, items: Iterable[tuple[Annotations, str]]) -> None:
        """Store or overwrite annotations in one transaction; see :class:`Store`."""
        now = utc_now()
        rows = {ann.article_id: {"article_id": ann.article_id, "version": version,
                                 "data": _dumps(ann.to_dict(), f"annotations of {ann.article_id!r}"),
                                 "updated_at": now}
                for ann, version in items}
        with self._tx(write=True) as conn:
            self._require_articles(conn, rows, "put_annotations")
            for chunk in _chunks(rows.values(), PAGE_SIZE):
                self._upsert(conn, schema.annotations, chunk, ["article_id"])

    def get_annotations(self, article_id: str) -> Annotations | None:
        """The article's annotations or None; :class:`NotFoundError` when the article is missing."""
        arts, anns = schema.articles, schema.annotations
        query = (select(arts.c.text, anns.c.data)
                 .select_from(arts.outerjoin(anns, anns.c.article_id == arts.c.id))
                 .where(arts.c.id == article_id))
        with self._tx() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFoundError(f"{self._where}: no article with id {article_id!r}")
        return None if row.data is None else Annotations.from_dict(json.loads(row.data), row.text)

    def iter_annotations(self, ids: Iterable[str] | None = None) -> Iterator[Annotations]:
        """Stream stored annotations; see :class:`Store`."""
        arts, anns = schema.articles, schema.annotations
        base = select(anns.c.article_id, anns.c.data, arts.c.text).join(
            arts, arts.c.id == anns.c.article_id)
        if ids is None:
            last: str | None = None
            while True:
                query = base.order_by(anns.c.article_id).limit(PAGE_SIZE)
                if last is not None:
                    query = query.where(anns.c.article_id > last)
                with self._tx() as conn:
                    rows = conn.execute(query).all()
                yield from (Annotations.from_dict(json.loads(r.data), r.text) for r in rows)
                if len(rows) < PAGE_SIZE:
                    return
                last = rows[-1].article_id
        for chunk in _chunks(ids, PAGE_SIZE):
            with self._tx() as conn:
                found = {r.article_id: r for r in conn.execute(base.where(anns.c.article_id.in_(set(chunk))))}
            for article_id in chunk:
                if article_id in found:
                    row = found[article_id]
                    yield Annotations.from_dict(json.loads(row.data), row.text)

    def ids_needing_annotation(self, version: str) -> list[str]:
        """Articles without annotations of ``version``, sorted by id."""
        arts, anns = schema.articles, schema.annotations
        query = (select(arts.c.id)
                 .select_from(arts.outerjoin(anns, anns.c.article_id == arts.c.id))
                 .where((anns.c.article_id.is_(None)) | (anns.c.version != version))
                 .order_by(arts.c.id))
        with self._tx() as conn:
            return list(conn.scalars(query))

    # -- stories --------------------------------------------------------------------------------

    def set_story_assignments(self, assignments: Mapping[str, str]) -> None:
        """Assign articles to stories in one transaction; see :class:`Store`."""
        rows = [{"article_id": aid, "story_id": sid} for aid, sid in sorted(assignments.items())]
        if not rows:
            return
        members = schema.story_members
        with self._tx(write=True) as conn:
            self._require_articles(conn, assignments, "set_story_assignments")
            self._ensure_stories(conn, assignments.values())
            touched = set(assignments.values())  # the new stories and the ones articles leave
            for ids in _chunks(sorted(assignments), PAGE_SIZE):
                touched.update(conn.scalars(select(members.c.story_id).where(members.c.article_id.in_(ids))))
            for chunk in _chunks(rows, PAGE_SIZE):
                self._upsert(conn, members, chunk, ["article_id"])
            refresh_story_stats(conn, touched)

    def story_of(self, article_id: str) -> str | None:
        """The article's story id, or None."""
        members = schema.story_members
        with self._tx() as conn:
            return conn.scalar(select(members.c.story_id).where(members.c.article_id == article_id))

    def count_stories(self) -> int:
        """How many stories are stored."""
        with self._tx() as conn:
            return int(conn.scalar(select(func.count()).select_from(schema.stories)) or 0)

    def list_stories(self) -> list[Story]:
        """Every story with its members; see :class:`Store`."""
        stories, dossiers = schema.stories, schema.dossiers
        members, arts = schema.story_members, schema.articles
        with self._tx() as conn:
            heads = conn.execute(
                select(stories.c.id, dossiers.c.title)
                .select_from(stories.outerjoin(dossiers, dossiers.c.story_id == stories.c.id))
                .order_by(stories.c.id)).all()
            member_rows = conn.execute(
                select(members.c.story_id, arts.c.id, arts.c.published, arts.c.title)
                .join(arts, arts.c.id == members.c.article_id)).all()
        by_story: dict[str, list[Any]] = {}
        for row in member_rows:
            by_story.setdefault(row.story_id, []).append(row)
        result = []
        for head in heads:
            story_id: str = head.id
            rows = sorted(by_story.get(story_id, []),
                          key=lambda r: (r.published is None, r.published or 0, r.id))
            title: str = head.title or next((r.title for r in rows if r.title), story_id)
            result.append(Story(story_id, title, tuple(r.id for r in rows)))
        return result

    def put_dossiers(self, dossiers: Iterable[Dossier]) -> None:
        """Replace these stories' dossiers in one transaction; see :class:`Store`."""
        now = utc_now()
        # the last dossier of a story wins, as in the upsert below
        dossiers_list = list({d.story.id: d for d in dossiers}.values())
        rows = {d.story.id: {"story_id": d.story.id, "title": d.story.title,
                             "data": _dumps(d.to_dict(), f"the dossier of story {d.story.id!r}"),
                             "updated_at": now}
                for d in dossiers_list}
        if not rows:
            return
        actors = [r for d in dossiers_list for r in actor_rows(d.story.id, d.to_dict())]
        with self._tx(write=True) as conn:
            self._ensure_stories(conn, rows)
            for chunk in _chunks(rows.values(), PAGE_SIZE):
                self._upsert(conn, schema.dossiers, chunk, ["story_id"])
            for ids in _chunks(sorted(rows), PAGE_SIZE):
                conn.execute(delete(schema.story_actors).where(schema.story_actors.c.story_id.in_(ids)))
            for actor_chunk in _chunks(actors, PAGE_SIZE):
                conn.execute(insert(schema.story_actors), actor_chunk)

    def delete_stories(self, story_ids: Iterable[str]) -> None:
        """Delete stories, their dossiers and their assignments in one transaction."""
        ids = sorted(set(story_ids))
        with self._tx(write=True) as conn:
            for chunk in _chunks(ids, PAGE_SIZE):
                conn.execute(delete(schema.story_members).where(schema.story_members.c.story_id.in_(chunk)))
                conn.execute(delete(schema.story_stats).where(schema.story_stats.c.story_id.in_(chunk)))
                conn.execute(delete(schema.story_actors).where(schema.story_actors.c.story_id.in_(chunk)))
                conn.execute(delete(schema.dossiers).where(schema.dossiers.c.story_id.in_(chunk)))
                conn.execute(delete(schema.stories).where(schema.stories.c.id.in_(chunk)))

    def get_dossier(self, story_id: str) -> Dossier:
        """The story's dossier; :class:`NotFoundError` when it has none."""
        table = schema.dossiers
        with self._tx() as conn:
            data = conn.scalar(select(table.c.data).where(table.c.story_id == story_id))
        if data is None:
            raise NotFoundError(f"{self._where}: no dossier for story {story_id!r}")
        return Dossier.from_dict(json.loads(data))

    def dossier_stamp(self, story_id: str) -> str | None:
        """The dossier's ``updated_at``, or None; see :class:`Store`."""
        table = schema.dossiers
        with self._tx() as conn:
            row = conn.execute(select(table.c.updated_at, func.length(table.c.data))
                               .where(table.c.story_id == story_id)).first()
        # the time has millisecond resolution: the length tells apart two rewrites in one millisecond
        return None if row is None else f"{row[0]}/{row[1]}"

    def iter_dossiers(self) -> Iterator[Dossier]:
        """Every dossier, by story id, read page by page."""
        table = schema.dossiers
        last: str | None = None
        while True:
            query = select(table.c.story_id, table.c.data).order_by(table.c.story_id).limit(PAGE_SIZE)
            if last is not None:
                query = query.where(table.c.story_id > last)
            with self._tx() as conn:
                rows = conn.execute(query).all()
            yield from (Dossier.from_dict(json.loads(r.data)) for r in rows)
            if len(rows) < PAGE_SIZE:
                return
            last = rows[-1].story_id

    # -- browsing: story list and full-text search ---------------------------------------------------

    def query_stories(self, query: StoryQuery) -> Page[StorySummary]:
        """One page of stories, filtered and sorted; see :class:`Store`."""
        with self._tx() as conn:
            return query_stories(conn, query)

    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> Page[ArticleHit]:
        """Articles matching a full-text query, best first; see :class:`Store`."""
        with self._tx() as conn:
            return search_articles(conn, text, limit, offset)

    # -- linker state ---------------------------------------------------------------------------

    def get_state(self, key: str) -> dict[str, Any] | None:
        """The object saved under ``key``, or None."""
        with self._tx() as conn:
            data = conn.scalar(select(schema.state.c.value).where(schema.state.c.key == key))
        if data is None:
            return None
        value: dict[str, Any] = json.loads(data)
        return value

    def put_state(self, key: str, value: dict[str, Any]) -> None:
        """Save or replace the object under ``key``."""
        if not isinstance(value, dict):
            raise StoreError(f"state {key!r} must be a dict, got {type(value).__name__}")
        row = {"key": key, "value": _dumps(value, f"state {key!r}"), "updated_at": utc_now()}
        with self._tx(write=True) as conn:
            self._upsert(conn, schema.state, [row], ["key"])

    # -- runs -----------------------------------------------------------------------------------

    def start_run(self) -> int:
        """Record a run's start; returns its id."""
        with self._tx(write=True) as conn:
            result = conn.execute(insert(schema.runs).values(started_at=utc_now()))
            key = result.inserted_primary_key
            if key is None:
                raise StoreError(f"{self._where}: the database did not return the new run's id")
            return int(key[0])

    def _require_run(self, conn: Connection, run_id: int) -> None:
        if conn.scalar(select(schema.runs.c.id).where(schema.runs.c.id == run_id)) is None:
            raise NotFoundError(f"{self._where}: no run with id {run_id}; call start_run first")

    def record_skipped(self, run_id: int, where: str, reason: str) -> None:
        """Record one skipped input of run ``run_id``."""
        with self._tx(write=True) as conn:
            self._require_run(conn, run_id)
            conn.execute(insert(schema.skipped_inputs).values(
                run_id=run_id, location=where, reason=reason, recorded_at=utc_now()))

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Record run ``run_id``'s end and summary."""
        data = _dumps(summary, f"the summary of run {run_id}")
        with self._tx(write=True) as conn:
            self._require_run(conn, run_id)
            conn.execute(update(schema.runs).where(schema.runs.c.id == run_id)
                         .values(finished_at=utc_now(), summary=data))

    def last_run(self) -> dict[str, Any] | None:
        """The most recent run with its skipped inputs; see :class:`Store`."""
        runs, skipped = schema.runs, schema.skipped_inputs
        with self._tx() as conn:
            run = conn.execute(select(runs).order_by(runs.c.id.desc()).limit(1)).first()
            if run is None:
                return None
            skips = conn.execute(select(skipped.c.location, skipped.c.reason)
                                 .where(skipped.c.run_id == run.id).order_by(skipped.c.id)).all()
        return {"id": run.id, "started_at": run.started_at, "finished_at": run.finished_at,
                "summary": json.loads(run.summary) if run.summary is not None else None,
                "skipped": [{"where": s.location, "reason": s.reason} for s in skips]}
