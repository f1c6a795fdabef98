"""The public Python API; the CLI (and later the web UI) are thin layers over these functions.

    >>> import newsweave
    >>> report = newsweave.run(["articles/"], db="news.db")
    >>> for story in newsweave.stories("news.db"):
    ...     print(story.id, story.title)
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from newsweave.dossier.render import to_html, to_json, to_markdown
from newsweave.errors import NotFoundError
from newsweave.export import JsonlWriter, story_record
from newsweave.export import article_record as article_record_of
from newsweave.ingest.jsonl import article_from_record
from newsweave.model import Article, Dossier, Story
from newsweave.pipeline import RunConfig, RunReport
from newsweave.pipeline import run as run_pipeline
from newsweave.pipeline import update as update_pipeline
from newsweave.store import AddResult, ArticleHit, Page, Store, StoryQuery, StorySummary, open_store

__all__ = ["DEFAULT_DB", "Format", "article_from_record", "article_record", "demo", "dossier", "export",
           "ingest", "open_store", "render", "resolve_story_id", "run", "search", "seed_paths", "stories",
           "story_page", "update", "version"]

DEFAULT_DB = "newsweave.db"
Format = Literal["md", "json", "html"]


@contextlib.contextmanager
def _opened(db: str | Path | Store) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


def run(paths: Iterable[str | Path], db: str | Path | Store = DEFAULT_DB,
        config: RunConfig = RunConfig()) -> RunReport:
    """Ingest ``paths`` into the store ``db`` and bring stories and dossiers up to date.

    Args:
        paths: files and folders of articles (``.txt``, ``.jsonl``, ``.html``, RSS/Atom feeds).
        db: a SQLite path, a ``sqlite:///`` or ``postgresql://`` URL, or an open ``Store``.
        config: model, worker processes, progress bars.

    Returns:
        What the run did, per stage, with every skipped input and its reason.
    """
    with _opened(db) as store:
        return run_pipeline(paths, store, config)


def stories(db: str | Path | Store = DEFAULT_DB) -> list[Story]:
    """Every story, largest first."""
    with _opened(db) as store:
        return sorted(store.list_stories(), key=lambda s: (-len(s.articles), s.id))


def resolve_story_id(store: Store, story: str) -> str:
    """The story id ``story`` names: an exact id or a unique prefix of one.

    Raises:
        NotFoundError: no story, or several, match.
    """
    ids = [s.id for s in store.list_stories()]
    if story in ids:
        return story
    matches = [i for i in ids if i.startswith(story)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"no story {story!r}; `newsweave stories` lists them")
    raise NotFoundError(f"{story!r} matches {len(matches)} stories; give more of the id")


def dossier(story: str, db: str | Path | Store = DEFAULT_DB) -> Dossier:
    """The dossier of one story (an id or a unique prefix)."""
    with _opened(db) as store:
        return store.get_dossier(resolve_story_id(store, story))


def render(story: str, fmt: Format = "md", db: str | Path | Store = DEFAULT_DB) -> str:
    """One story's dossier as Markdown, JSON (the export record) or a standalone HTML page."""
    with _opened(db) as store:
        d = store.get_dossier(resolve_story_id(store, story))
        if fmt == "json":
            return to_json(d)
        articles = {a.id: a for a in store.iter_articles(d.story.articles)}
        return to_html(d, articles) if fmt == "html" else to_markdown(d, articles)


def export(out_dir: str | Path, db: str | Path | Store = DEFAULT_DB) -> tuple[int, int]:
    """Write ``articles.jsonl`` and ``stories.jsonl`` (the contract in DESIGN.md) into ``out_dir``.

    Returns:
        The number of articles and of stories written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with _opened(db) as store:
        story_of = {aid: s.id for s in store.list_stories() for aid in s.articles}
        articles = JsonlWriter(out / "articles.jsonl")
        for article in store.iter_articles():
            articles.write(article_record_of(article, store.get_annotations(article.id), story_of.get(article.id)))
        articles.close()
        stories_out = JsonlWriter(out / "stories.jsonl")
        for d in store.iter_dossiers():
            stories_out.write(story_record(d))
        stories_out.close()
    return articles.count, stories_out.count


def seed_paths() -> list[Path]:
    """The five bundled seed articles (one story, five outlets, January 2022)."""
    folder = resources.files("newsweave") / "data" / "seeds"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def demo(db: str | Path | None = None, config: RunConfig = RunConfig()) -> tuple[RunReport, list[Dossier],
                                                                                  dict[str, Article]]:
    """Run the bundled seed articles end to end.

    Args:
        db: where to store them; None uses a temporary database removed afterwards.

    Returns:
        The run report, the dossiers (largest story first) and the articles by id.
    """
    with contextlib.ExitStack() as stack:
        if db is None:
            db = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "demo.db"
        store = stack.enter_context(_opened(db))
        report = run_pipeline(seed_paths(), store, config)
        ordered = sorted(store.list_stories(), key=lambda s: (-len(s.articles), s.id))
        dossiers = [store.get_dossier(s.id) for s in ordered]
        articles = {a.id: a for a in store.iter_articles()}
        return report, dossiers, articles


def version() -> str:
    """The installed newsweave version."""
    from newsweave import __version__

    return __version__


def article_record(article_id: str, db: str | Path | Store = DEFAULT_DB) -> dict[str, Any]:
    """One article with its annotations and story (the ``articles.jsonl`` record, plus ``url``).

    Raises:
        NotFoundError: no article has this id.
    """
    with _opened(db) as store:
        article = store.get_article(article_id)
        record = article_record_of(article, store.get_annotations(article_id), store.story_of(article_id))
    return {**record, "url": article.url}


def story_page(query: StoryQuery | None = None, db: str | Path | Store = DEFAULT_DB) -> Page[StorySummary]:
    """One page of the story list: filtered by text, actor, outlet and dates, sorted by size or recency."""
    with _opened(db) as store:
        return store.query_stories(query or StoryQuery())


def search(text: str, db: str | Path | Store = DEFAULT_DB, limit: int = 20, offset: int = 0) -> Page[ArticleHit]:
    """Full-text search over the stored articles, best match first."""
    with _opened(db) as store:
        return store.search_articles(text, limit, offset)


def ingest(articles: Iterable[Article], db: str | Path | Store = DEFAULT_DB) -> list[AddResult]:
    """Store articles without processing them (``update`` annotates, links and builds dossiers)."""
    with _opened(db) as store:
        return store.add_articles(articles)


def update(db: str | Path | Store = DEFAULT_DB, config: RunConfig = RunConfig()) -> RunReport:
    """Annotate, link and rebuild dossiers for whatever the store holds that is not current."""
    with _opened(db) as store:
        report = RunReport()
        update_pipeline(store, report, config)
        return report
