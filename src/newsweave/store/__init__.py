"""The store: articles, annotations, stories, dossiers, linker state and runs in one database.

``open_store(path_or_url)`` opens SQLite (a file path or ``sqlite:///``) or PostgreSQL
(``postgresql://``, with ``pip install 'newsweave[postgres]'``), applying pending migrations.
"""

from newsweave.store.base import AddResult, AddStatus, Store
from newsweave.store.sql import SQLStore, open_store

__all__ = ["AddResult", "AddStatus", "SQLStore", "Store", "open_store"]
