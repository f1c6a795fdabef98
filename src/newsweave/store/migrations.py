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

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, inspect, select

from newsweave.errors import StoreError
from newsweave.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]

# Arbitrary 64-bit key for pg_advisory_xact_lock: serializes concurrent migrators on PostgreSQL.
_PG_MIGRATION_LOCK = 0x6E657773_77656176


def _create_initial_tables(conn: Connection) -> None:
    """Migration 1: articles, annotations, stories, dossiers, state, runs and skipped inputs."""
    schema.metadata.create_all(conn, tables=list(schema.INITIAL_TABLES))


MIGRATIONS: list[Migration] = [
    (1, "initial tables", _create_initial_tables),
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
