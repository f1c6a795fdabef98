"""The store contract: what the pipeline, the API and the web layer may ask of a database.

A store holds the ingested articles (immutable), their annotations (derived, overwritable, tagged
with the version of the stages that made them), the story each article belongs to, one dossier per
story, opaque state blobs that the link stage keeps between runs, and a log of runs with the inputs
each one skipped. Every write happens in one transaction, so a process killed at any point leaves
either all of a write or none of it.

Implementations: :class:`newsweave.store.sql.SQLStore` (SQLite by default, PostgreSQL by URL).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal, Self

from newsweave.model import Annotations, Article, Dossier, Story
from newsweave.store.query import ArticleHit, Page, StoryQuery, StorySummary

AddStatus = Literal["added", "exists", "duplicate", "conflict"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add_article` did with one article.

    Attributes:
        status: ``"added"`` (stored now); ``"exists"`` (the same id with the same text was already
            stored: a no-op); ``"duplicate"`` (another id holds the same content hash: not stored);
            ``"conflict"`` (the same id is stored with a different text: not stored, bad input).
        kept_id: the id of the stored article this one resolves to (the article's own id except for
            ``"duplicate"``, where it names the article that was kept).
    """

    status: AddStatus
    kept_id: str


class Store(ABC):
    """A newsweave database. Use as a context manager, or call :meth:`close` when done."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None:
        """Release the connections. The store must not be used afterwards."""

    def worker_url(self) -> str | None:
        """What another process passes to ``open_store`` to open this same database (credentials
        included), or None when it cannot (an in-memory database): worker processes then cannot
        share it."""
        return None

    # -- articles -------------------------------------------------------------------------------

    def add_article(self, article: Article) -> AddResult:
        """Store one article in its own transaction.

        Args:
            article: the article; its text is stored verbatim.

        Returns:
            What happened, see :class:`AddResult`.
        """
        return self.add_articles([article])[0]

    @abstractmethod
    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store many articles, in batches; each batch is one all-or-nothing transaction.

        Duplicates and conflicts are detected against the store and against earlier articles of the
        same call. An existing article is never changed (same id and text with other metadata is
        ``"exists"``).

        Args:
            articles: the articles, in order.

        Returns:
            One :class:`AddResult` per article, in the same order.
        """

    @abstractmethod
    def get_article(self, article_id: str) -> Article:
        """The stored article.

        Raises:
            NotFoundError: no article has this id.
        """

    @abstractmethod
    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stream articles, read in pages so no transaction stays open between pages.

        Args:
            ids: the articles to read, yielded in this order; None for all of them, by id.

        Raises:
            NotFoundError: one of ``ids`` is not stored.
        """

    @abstractmethod
    def count_articles(self) -> int:
        """How many articles are stored."""

    @abstractmethod
    def article_ids(self) -> list[str]:
        """Every stored article id, sorted."""

    # -- annotations ----------------------------------------------------------------------------

    @abstractmethod
    def put_annotations(self, items: Iterable[tuple[Annotations, str]]) -> None:
        """Store (or overwrite) annotations, all in one transaction.

        Args:
            items: pairs of annotations and the version tag of the stages that made them.

        Raises:
            NotFoundError: an annotation names an article that is not stored (nothing is written).
        """

    @abstractmethod
    def get_annotations(self, article_id: str) -> Annotations | None:
        """The article's annotations, or None when it has not been annotated yet.

        Raises:
            NotFoundError: no article has this id.
        """

    @abstractmethod
    def iter_annotations(self, ids: Iterable[str] | None = None) -> Iterator[Annotations]:
        """Stream stored annotations; articles without annotations are left out.

        Args:
            ids: the articles whose annotations to read, in this order; None for all, by id.
        """

    @abstractmethod
    def ids_needing_annotation(self, version: str) -> list[str]:
        """Ids of articles with no annotations, or with annotations of another version, sorted.

        Args:
            version: the version tag the current stages write.
        """

    # -- stories --------------------------------------------------------------------------------

    @abstractmethod
    def set_story_assignments(self, assignments: Mapping[str, str]) -> None:
        """Assign articles to stories (one transaction); other articles keep their story.

        Args:
            assignments: article id -> story id. Stories are created as needed.

        Raises:
            NotFoundError: an article id is not stored (nothing is written).
        """

    @abstractmethod
    def story_of(self, article_id: str) -> str | None:
        """The story the article is assigned to, or None when it has none yet."""

    @abstractmethod
    def count_stories(self) -> int:
        """How many stories are stored."""

    @abstractmethod
    def list_stories(self) -> list[Story]:
        """Every story, by id, with its member ids (ordered by published date, then id).

        The title is the dossier's when the story has one, else the first member title, else the id.
        """

    @abstractmethod
    def put_dossiers(self, dossiers: Iterable[Dossier]) -> None:
        """Replace the dossiers of these stories, in one transaction (stories are created as needed).

        Args:
            dossiers: the new dossiers; ``dossier.story.id`` names the story.
        """

    @abstractmethod
    def delete_stories(self, story_ids: Iterable[str]) -> None:
        """Delete stories with their dossiers; their articles are left without a story. One transaction.

        Args:
            story_ids: the stories to delete; unknown ids are ignored.
        """

    @abstractmethod
    def get_dossier(self, story_id: str) -> Dossier:
        """The story's dossier.

        Raises:
            NotFoundError: the story has no dossier.
        """

    @abstractmethod
    def dossier_stamp(self, story_id: str) -> str | None:
        """When the story's dossier was last written (changes on every rewrite), or None without one.

        Readers that cache what they made of a dossier compare this stamp instead of reading it again.
        """

    @abstractmethod
    def iter_dossiers(self) -> Iterator[Dossier]:
        """Every stored dossier, by story id."""

    # -- browsing: story list and full-text search ---------------------------------------------------

    @abstractmethod
    def query_stories(self, query: StoryQuery) -> Page[StorySummary]:
        """One page of the story list, filtered and sorted (for the web UI and the HTTP API).

        Args:
            query: full-text, actor, outlet and date filters; ``"size"`` or ``"recent"`` order; page.

        Returns:
            The stories on the page, each with its size, first and last publication day, outlets and
            top actors, and the total number of stories that match.
        """

    @abstractmethod
    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> Page[ArticleHit]:
        """Full-text search over article titles and texts (English stemming), best match first.

        Args:
            text: the user's words; any text is accepted (no query syntax errors).
            limit: hits per page.
            offset: hits to skip.

        Returns:
            The hits with a snippet around the first matching word, and the total number of matches.
        """

    # -- linker state ---------------------------------------------------------------------------

    @abstractmethod
    def get_state(self, key: str) -> dict[str, Any] | None:
        """The JSON object saved under ``key``, or None when nothing was saved."""

    @abstractmethod
    def put_state(self, key: str, value: dict[str, Any]) -> None:
        """Save (or replace) a JSON-serializable object under ``key``.

        Raises:
            StoreError: ``value`` cannot be written as JSON.
        """

    # -- runs -----------------------------------------------------------------------------------

    @abstractmethod
    def start_run(self) -> int:
        """Record the start of a pipeline run.

        Returns:
            The run id, for :meth:`record_skipped` and :meth:`finish_run`.
        """

    @abstractmethod
    def record_skipped(self, run_id: int, where: str, reason: str) -> None:
        """Record one input that the run skipped.

        Args:
            run_id: from :meth:`start_run`.
            where: the input (file, ``file:line``, ``file#entry``, or an article id).
            reason: why it was skipped, in words a user can act on.

        Raises:
            NotFoundError: no run has this id.
        """

    @abstractmethod
    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Record the end of a run with its counts and timings.

        Raises:
            NotFoundError: no run has this id.
        """

    @abstractmethod
    def last_run(self) -> dict[str, Any] | None:
        """The most recent run, or None before the first.

        Returns:
            ``{"id", "started_at", "finished_at" (None while running), "summary" (None while
            running), "skipped": [{"where", "reason"}]}``; times are ISO 8601 in UTC.
        """
