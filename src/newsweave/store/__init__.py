"""The store: articles, annotations, stories, dossiers, linker state and runs in one database.

``open_store(path_or_url)`` opens SQLite (a file path or ``sqlite:///``) or PostgreSQL
(``postgresql://``, with ``pip install 'newsweave[postgres]'``), applying pending migrations.
"""

from newsweave.store.base import AddResult, AddStatus, Store
from newsweave.store.query import ArticleHit, Page, StoryQuery, StorySummary
from newsweave.store.sql import SQLStore, open_store

__all__ = ["AddResult", "AddStatus", "ArticleHit", "Page", "SQLStore", "Store", "StoryQuery", "StorySummary",
           "open_store"]
