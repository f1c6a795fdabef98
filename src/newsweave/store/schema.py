"""The tables, in SQLAlchemy Core, with types that SQLite and PostgreSQL both hold.

JSON documents (annotations, dossiers, state, run summaries) are kept as ``Text`` written by
:func:`json.dumps`: the bytes read back are the bytes written on every dialect, and non-finite floats
(which PostgreSQL's JSON types refuse) survive. Times are ISO 8601 strings in UTC, so SQLite's lack
of a time zone type does not change them.

The tables describe the newest schema; :mod:`newsweave.store.migrations` builds it step by step.
"""


from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Constraint names follow one pattern, so a later migration can drop or alter them by name.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Ids are free text (a JSONL input keeps its given id), so they are Text, not a bounded String.
schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),
    # sha256 hex of the whitespace-normalized text (model.content_hash): one row per content.
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("published", Date, nullable=True),
    Column("title", Text, nullable=True),
    Column("source", Text, nullable=True),
    Column("url", Text, nullable=True),
    Column("added_at", String(40), nullable=False),
)

annotations = Table(
    "annotations",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("created_at", String(40), nullable=False),
)

story_members = Table(
    "story_members",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Index(None, "story_id"),
)

dossiers = Table(
    "dossiers",
    metadata,
    Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("title", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

state = Table(
    "state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(40), nullable=False),
    Column("finished_at", String(40), nullable=True),
    Column("summary", Text, nullable=True),
)

skipped_inputs = Table(
    "skipped_inputs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("location", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("recorded_at", String(40), nullable=False),
    Index(None, "run_id"),
)

# One row per actor of a story's dossier (rewritten with the dossier), so the story list can filter
# by actor and show the top actors without reading every dossier. ``names`` is the lower-cased name
# and aliases joined by "|", matched with LIKE.
story_actors = Table(
    "story_actors",
    metadata,
    Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("entity", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("names", Text, nullable=False),
    Column("mentions", Integer, nullable=False),
)

# One row per story with members: its size, first and last publication date and the smallest member
# title, kept current by every write of story_members (articles never change once stored), so the
# story list sorts and pages with indexes instead of grouping every membership on each request.
story_stats = Table(
    "story_stats",
    metadata,
    Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("first_published", Date, nullable=True),
    Column("last_published", Date, nullable=True),
    Column("any_title", Text, nullable=True),
    Index("ix_story_stats_size", "size", "story_id"),
    Index("ix_story_stats_last", "last_published", "size", "story_id"),
)

# The tables the first migration creates (every table but the bookkeeping one).
INITIAL_TABLES = (articles, annotations, stories, story_members, dossiers, state, runs, skipped_inputs)
