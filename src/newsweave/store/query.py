"""Browsing queries: the story list (filtered, sorted, paged) and full-text search over articles.

Full-text search uses SQLite FTS5 (``articles_fts``) or PostgreSQL's ``tsvector`` column
(``articles.search``), both made by migration 2. A user's query is never passed to either engine as
query syntax: on SQLite its words become quoted FTS5 terms (all must match), on PostgreSQL it goes
through ``websearch_to_tsquery``, which accepts any text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, and_, func, literal_column, select, text

from newsweave.model import Span
from newsweave.store import schema

T = TypeVar("T")
StorySort = Literal["size", "recent"]

# The most rows one page may ask for: a bound on the work a single request can cause.
MAX_PAGE = 200
# Actors shown per story in the list; enough to recognize a story at a glance.
TOP_ACTORS = 3
# Characters of context either side of the first hit in a search snippet (about one line of text).
SNIPPET_CONTEXT = 90
# Words kept from a search query (a bound on the size of the FTS5 expression).
MAX_QUERY_WORDS = 16

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """What the story list shows: filters, order and page.

    Attributes:
        text: full-text query; a story matches when one of its articles does.
        actor: part of an actor's name or alias (case-insensitive).
        outlet: an article source, exactly (case-insensitive).
        since: the story has an article published on or after this day.
        until: the story has an article published on or before this day.
        sort: ``"size"`` (most articles first) or ``"recent"`` (latest article first).
        limit: stories per page (1 to :data:`MAX_PAGE`).
        offset: stories to skip.
    """

    text: str | None = None
    actor: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    sort: StorySort = "size"
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One row of the story list."""

    id: str
    title: str
    size: int
    first: date | None
    last: date | None
    outlets: tuple[str, ...] = ()
    top_actors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "size": self.size,
                "first": self.first.isoformat() if self.first else None,
                "last": self.last.isoformat() if self.last else None,
                "outlets": list(self.outlets), "top_actors": list(self.top_actors)}


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """One full-text search result; ``snippet`` is a span of the article around the first hit."""

    id: str
    title: str | None
    source: str | None
    published: date | None
    story: str | None
    snippet: Span | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "source": self.source,
                "published": self.published.isoformat() if self.published else None,
                "story": self.story, "snippet": self.snippet.to_dict() if self.snippet else None}


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """A page of results: ``total`` counts every match, ``items`` the ones on this page."""

    total: int
    limit: int
    offset: int
    items: tuple[T, ...] = field(default=())


def _clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_PAGE)), max(0, int(offset))


def query_words(text: str) -> list[str]:
    """The words of a search query, lower-cased, at most :data:`MAX_QUERY_WORDS`."""
    return [w.lower() for w in _WORD.findall(text)][:MAX_QUERY_WORDS]


def matching_article_ids(conn: Connection, query: str) -> Select[Any] | None:
    """A select of the ids of articles matching ``query``, or None when it has no words."""
    words = query_words(query)
    if not words:
        return None
    if conn.dialect.name == "postgresql":
        return select(schema.articles.c.id).where(
            literal_column("articles.search").op("@@")(func.websearch_to_tsquery("english", query)))
    expression = " ".join(f'"{w}"' for w in words)  # \w+ words hold no quote: each is one quoted term
    return (select(schema.articles.c.id)
            .select_from(schema.articles.join(text("articles_fts"), text("articles_fts.rowid = articles.rowid")))
            .where(text("articles_fts MATCH :fts").bindparams(fts=expression)))


def _story_filters(conn: Connection, query: StoryQuery) -> list[ColumnElement[bool]] | None:
    members, arts, actors = schema.story_members, schema.articles, schema.story_actors
    story_id = schema.stories.c.id
    filters: list[ColumnElement[bool]] = []
    if query.text and query.text.strip():
        ids = matching_article_ids(conn, query.text)
        if ids is None:
            return None
        filters.append(story_id.in_(select(members.c.story_id).where(members.c.article_id.in_(ids))))
    if query.outlet and query.outlet.strip():
        filters.append(story_id.in_(select(members.c.story_id).join(arts, arts.c.id == members.c.article_id)
                                    .where(func.lower(arts.c.source) == query.outlet.strip().lower())))
    if query.actor and query.actor.strip():
        pattern = "%" + _escape_like(query.actor.strip().lower()) + "%"
        filters.append(story_id.in_(select(actors.c.story_id).where(actors.c.names.like(pattern, escape="\\"))))
    dated: list[ColumnElement[bool]] = [arts.c.published.is_not(None)]
    if query.since:
        dated.append(arts.c.published >= query.since)
    if query.until:
        dated.append(arts.c.published <= query.until)
    if query.since or query.until:
        filters.append(story_id.in_(select(members.c.story_id).join(arts, arts.c.id == members.c.article_id)
                                    .where(and_(*dated))))
    return filters


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def query_stories(conn: Connection, query: StoryQuery) -> Page[StorySummary]:
    """One page of the story list.

    Args:
        conn: a connection inside a transaction.
        query: filters, order and page.

    Returns:
        The page, with the total number of matching stories.
    """
    limit, offset = _clamp(query.limit, query.offset)
    filters = _story_filters(conn, query)
    if filters is None:
        return Page(0, limit, offset)
    stories, dossiers, stats = schema.stories, schema.dossiers, schema.story_stats
    size = func.coalesce(stats.c.size, 0)
    base = (select(stories.c.id, size.label("size"), stats.c.first_published.label("first"),
                   stats.c.last_published.label("last"),
                   func.coalesce(dossiers.c.title, stats.c.any_title, stories.c.id).label("title"))
            .select_from(stories.outerjoin(stats, stats.c.story_id == stories.c.id)
                         .outerjoin(dossiers, dossiers.c.story_id == stories.c.id))
            .where(*filters))
    total = int(conn.scalar(select(func.count()).select_from(base.subquery())) or 0)
    order = ([size.desc(), stories.c.id] if query.sort == "size"
             else [stats.c.last_published.desc().nulls_last(), size.desc(), stories.c.id])
    rows = conn.execute(base.order_by(*order).limit(limit).offset(offset)).all()
    ids = [r.id for r in rows]
    outlets = _outlets(conn, ids)
    top = _top_actors(conn, ids)
    items = tuple(StorySummary(r.id, r.title, int(r.size), r.first, r.last, outlets.get(r.id, ()),
                               top.get(r.id, ())) for r in rows)
    return Page(total, limit, offset, items)


def _outlets(conn: Connection, story_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    if not story_ids:
        return {}
    members, arts = schema.story_members, schema.articles
    rows = conn.execute(select(members.c.story_id, arts.c.source).distinct()
                        .join(arts, arts.c.id == members.c.article_id)
                        .where(members.c.story_id.in_(story_ids), arts.c.source.is_not(None))).all()
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row.story_id, []).append(row.source)
    return {sid: tuple(sorted(names, key=str.lower)) for sid, names in found.items()}


def _top_actors(conn: Connection, story_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    if not story_ids:
        return {}
    actors = schema.story_actors
    rows = conn.execute(select(actors.c.story_id, actors.c.name)
                        .where(actors.c.story_id.in_(story_ids), actors.c.position < TOP_ACTORS)
                        .order_by(actors.c.story_id, actors.c.position)).all()
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row.story_id, []).append(row.name)
    return {sid: tuple(names) for sid, names in found.items()}


def search_articles(conn: Connection, query: str, limit: int = 20, offset: int = 0) -> Page[ArticleHit]:
    """Articles matching a full-text query, best match first (then by id).

    Args:
        conn: a connection inside a transaction.
        query: the user's words (any text; no query syntax is interpreted on SQLite).
        limit: hits per page (1 to :data:`MAX_PAGE`).
        offset: hits to skip.

    Returns:
        The page of hits with the total number of matching articles.
    """
    limit, offset = _clamp(limit, offset)
    ids = matching_article_ids(conn, query)
    if ids is None:
        return Page(0, limit, offset)
    arts, members = schema.articles, schema.story_members
    total = int(conn.scalar(select(func.count()).select_from(ids.subquery())) or 0)
    if conn.dialect.name == "postgresql":
        rank: ColumnElement[Any] = func.ts_rank(literal_column("articles.search"),
                                                func.websearch_to_tsquery("english", query)).desc()
    else:
        rank = literal_column("bm25(articles_fts)")  # lower is better in FTS5
    ranked = (ids.add_columns(arts.c.title, arts.c.source, arts.c.published, arts.c.text, members.c.story_id)
              .outerjoin(members, members.c.article_id == arts.c.id)
              .order_by(rank, arts.c.id).limit(limit).offset(offset))
    words = query_words(query)
    items = tuple(ArticleHit(r.id, r.title, r.source, r.published, r.story_id, snippet(r.text, words))
                  for r in conn.execute(ranked))
    return Page(total, limit, offset, items)


def snippet(text_: str, words: Sequence[str]) -> Span | None:
    """The stretch of ``text_`` around the first occurrence of one of ``words`` (or its start).

    Args:
        text_: the article text.
        words: lower-cased query words; a word also matches as a prefix (stemmed forms).

    Returns:
        A span of at most about ``2 * SNIPPET_CONTEXT`` characters, or None for an empty text.
    """
    if not text_:
        return None
    lowered = text_.lower()
    hits = [i for i in (lowered.find(w[: max(4, len(w) - 2)]) for w in words) if i >= 0]
    centre = min(hits) if hits else 0
    start = max(0, centre - SNIPPET_CONTEXT)
    end = min(len(text_), centre + SNIPPET_CONTEXT)
    return Span.of(text_, start, end)
