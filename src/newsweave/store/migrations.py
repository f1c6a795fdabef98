"""Numbered schema migrations, applied in order, each in its own transaction, recorded once.

``MIGRATIONS`` is a list of ``(number, name, apply)``; ``apply(connection)`` runs inside the
transaction that also records the migration in ``schema_migrations``, so a migration is either
applied and recorded or neither. Numbers start at 1 and never change once released: a new schema
change is a new entry at the end. A database that records a number this code does not know was
written by a newer newsweave and is refused rather than damaged.

To change a table later: add a migration that alters it (``op``-free: plain Core DDL or
``connection.exec_driver_sql``), and first copy today's definition into ``_create_initial_tables``
so a fresh database still takes the same path as an old one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, func, insert, inspect, select

from newsweave.errors import StoreError
from newsweave.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]

# Arbitrary 64-bit key for pg_advisory_xact_lock: serializes concurrent migrators on PostgreSQL.
_PG_MIGRATION_LOCK = 0x6E657773_77656176
# Characters of title + text that PostgreSQL indexes for full-text search: a tsvector holds at most
# 1 MB, and 200,000 characters of English news (about 30,000 words) stay far below it; longer
# articles are searchable by their first 200,000 characters only.
PG_FTS_CHARS = 200_000


def _create_initial_tables(conn: Connection) -> None:
    """Migration 1: articles, annotations, stories, dossiers, state, runs and skipped inputs."""
    schema.metadata.create_all(conn, tables=list(schema.INITIAL_TABLES))


def actor_rows(story_id: str, dossier: dict[str, object]) -> list[dict[str, object]]:
    """The ``story_actors`` rows of one dossier (its ``to_dict`` form), most mentioned first."""
    actors = [a for a in dossier.get("actors", []) or [] if isinstance(a, dict)]  # type: ignore[attr-defined]
    actors.sort(key=lambda a: (-int(a.get("mentions", 0)), str(a.get("name", ""))))
    rows: list[dict[str, object]] = []
    for position, actor in enumerate(actors):
        names = [str(actor.get("name", "")), *(str(x) for x in actor.get("aliases", []) or [])]
        rows.append({"story_id": story_id, "position": position, "entity": str(actor.get("entity", "")),
                     "name": str(actor.get("name", "")), "names": "|".join(n.lower() for n in names),
                     "mentions": int(actor.get("mentions", 0))})
    return rows


def _search_and_filters(conn: Connection) -> None:
    """Migration 2: full-text search over articles, story actors, indexes for the story list filters.

    SQLite gets an FTS5 index (external content: the text is not stored twice) kept current by
    triggers; PostgreSQL a stored ``tsvector`` column with a GIN index. Both stem English words.
    """
    schema.story_actors.create(conn)
    # Plain DDL, not sqlalchemy.Index: an Index object would attach itself to the shared table
    # metadata, and migration 1 (create_all) would then build it too.
    conn.exec_driver_sql("CREATE INDEX ix_articles_published ON articles (published)")
    conn.exec_driver_sql("CREATE INDEX ix_articles_source ON articles (source)")
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('english'::regconfig, left(coalesce(title, '') || ' ' || text, {PG_FTS_CHARS}))) STORED")
        conn.exec_driver_sql("CREATE INDEX ix_articles_search ON articles USING gin (search)")
    else:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')")
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END")
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END")
        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    rows = conn.execute(select(schema.dossiers.c.story_id, schema.dossiers.c.data)).all()
    actors = [r for row in rows for r in actor_rows(row.story_id, json.loads(row.data))]
    if actors:
        conn.execute(insert(schema.story_actors), actors)


def refresh_story_stats(conn: Connection, story_ids: Iterable[str]) -> None:
    """Recompute the ``story_stats`` rows of these stories from their members (none: no row)."""
    members, arts, stats = schema.story_members, schema.articles, schema.story_stats
    ids = sorted(set(story_ids))
    for start in range(0, len(ids), _STATS_CHUNK):
        chunk = ids[start:start + _STATS_CHUNK]
        conn.execute(delete(stats).where(stats.c.story_id.in_(chunk)))
        conn.execute(insert(stats).from_select(
            ["story_id", "size", "first_published", "last_published", "any_title"],
            select(members.c.story_id, func.count(), func.min(arts.c.published), func.max(arts.c.published),
                   func.min(arts.c.title))
            .join(arts, arts.c.id == members.c.article_id)
            .where(members.c.story_id.in_(chunk)).group_by(members.c.story_id)))


# Story ids per statement of refresh_story_stats (well under SQLite's 32,766 bound parameters).
_STATS_CHUNK = 500


def _story_stats(conn: Connection) -> None:
    """Migration 3: per-story size and dates for the story list (see ``schema.story_stats``)."""
    schema.story_stats.create(conn)
    refresh_story_stats(conn, conn.scalars(select(schema.stories.c.id)).all())


MIGRATIONS: list[Migration] = [
    (1, "initial tables", _create_initial_tables),
    (2, "full-text search, story actors, filter indexes", _search_and_filters),
    (3, "story list statistics", _story_stats),
]


def utc_now() -> str:
    """The current time as an ISO 8601 string in UTC (the store's time format)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def applied_migrations(conn: Connection) -> dict[int, str]:
    """The migrations recorded in the database, number -> name (empty for a new database)."""
    if not inspect(conn).has_table(schema.schema_migrations.name):
        return {}
    rows = conn.execute(select(schema.schema_migrations.c.number, schema.schema_migrations.c.name))
    return {int(row.number): str(row.name) for row in rows}


def _check_known(applied: dict[int, str], migrations: Sequence[Migration], where: str) -> None:
    known = {number for number, _, _ in migrations}
    unknown = sorted(set(applied) - known)
    if unknown:
        raise StoreError(
            f"{where}: the database schema is at migration {max(applied)} "
            f"({applied[max(applied)]!r}) but this newsweave knows only up to {max(known, default=0)}; "
            "upgrade newsweave to open it"
        )


def _validate(migrations: Sequence[Migration]) -> None:
    numbers = [number for number, _, _ in migrations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"migration numbers must run 1, 2, 3, ... in order; got {numbers}")


def migrate(engine: Engine, where: str, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the database up to the newest migration.

    Each pending migration runs in its own transaction with its ``schema_migrations`` row. The list
    of applied migrations is re-read inside each transaction, after the write lock is taken
    (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so two processes opening a new
    database at once apply each migration once.

    Args:
        engine: the database.
        where: the database's location, for messages.
        migrations: the migrations to apply (the default: this version's list).

    Returns:
        The numbers applied now (empty when the database was up to date).

    Raises:
        StoreError: the database records a migration this code does not know.
    """
    _validate(migrations)
    with engine.connect() as conn:
        applied = applied_migrations(conn)
    _check_known(applied, migrations, where)
    pending = [m for m in migrations if m[0] not in applied]
    if not pending:
        return []
    with _locked_transaction(engine) as conn:
        schema.metadata.create_all(conn, tables=[schema.schema_migrations])
    done: list[int] = []
    for number, name, apply in pending:
        with _locked_transaction(engine) as conn:
            applied = applied_migrations(conn)  # again: another process may have got here first
            _check_known(applied, migrations, where)
            if number in applied:
                continue
            apply(conn)
            conn.execute(
                insert(schema.schema_migrations).values(number=number, name=name, applied_at=utc_now())
            )
            done.append(number)
    return done


@contextmanager
def _locked_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction that holds the migration lock: one migrator at a time."""
    with engine.connect() as conn:
        # The SQLite engine turns this option into BEGIN IMMEDIATE (the database write lock).
        conn.execution_options(newsweave_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            yield conn
