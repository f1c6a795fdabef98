"""Rendered story pages, kept while their dossier is unchanged (an object owned by one app)."""

from __future__ import annotations

import threading
from collections import OrderedDict

# Story pages kept: the seed story page is ~75 KB, so 256 pages hold ~20 MB at most.
MAX_PAGES = 256


class PageCache:
    """A thread-safe LRU of rendered pages, each valid for one dossier stamp."""

    def __init__(self, max_pages: int = MAX_PAGES) -> None:
        self._pages: OrderedDict[str, tuple[str, str]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_pages

    def get(self, key: str, stamp: str) -> str | None:
        """The page rendered for ``key`` at ``stamp``, or None (missing or stale)."""
        with self._lock:
            found = self._pages.get(key)
            if found is None or found[0] != stamp:
                return None
            self._pages.move_to_end(key)
            return found[1]

    def put(self, key: str, stamp: str, page: str) -> None:
        """Keep ``page`` as ``key``'s rendering at ``stamp``; drop the least recently used beyond the bound."""
        with self._lock:
            self._pages[key] = (stamp, page)
            self._pages.move_to_end(key)
            while len(self._pages) > self._max:
                self._pages.popitem(last=False)
