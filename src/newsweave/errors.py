"""newsweave's exceptions: one tree, each message says what was wrong, where, and what to do.

    NewsweaveError
    ├── InputError            one input (file, JSONL line, feed entry) cannot be read as an article;
    │                         the pipeline reports it and skips it
    ├── StoreError            the database cannot be opened, migrated or written
    ├── ModelError            a spaCy pipeline or another model is missing or broken
    ├── MissingExtraError     an optional dependency is not installed (message: the pip command)
    └── NotFoundError         a story or article id that the store does not hold
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """One input cannot be read as an article.

    Args:
        where: the file, with ``:line`` for JSONL, or ``file#entry`` for feeds.
        reason: what was wrong, in a few words a user can act on.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class StoreError(NewsweaveError):
    """The store cannot be opened, migrated or written."""


class ModelError(NewsweaveError):
    """A model (a spaCy pipeline) cannot be loaded."""


class MissingExtraError(NewsweaveError):
    """An optional dependency is missing; the message carries the install command."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"the optional dependency {module!r} is not installed; "
            f"install it with: pip install 'newsweave[{extra}]'"
        )
        self.module = module
        self.extra = extra


class NotFoundError(NewsweaveError):
    """A story or article id that the store does not hold."""
