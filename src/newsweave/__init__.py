"""newsweave: news articles in, cross-checked story dossiers out.

The public API: ``run``, ``stories``, ``dossier``, ``render``, ``export``, ``demo``, ``RunConfig``,
plus the data model (``newsweave.model``) and the exception tree (``newsweave.errors``). Names load on
first use, so ``import newsweave.model`` stays light (no spaCy, no database driver).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "newsweave.api": ("demo", "dossier", "export", "render", "run", "stories"),
    "newsweave.pipeline": ("RunConfig", "RunReport"),
    "newsweave.errors": ("InputError", "MissingExtraError", "ModelError", "NewsweaveError",
                         "NotFoundError", "StoreError"),
    "newsweave.model": ("Annotations", "Article", "Cite", "Dossier", "Entity", "Figure", "Mention",
                        "Quote", "Reuse", "Span", "Story", "Timex"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "Annotations", "Article", "Cite", "Dossier", "Entity", "Figure", "InputError", "Mention",
    "MissingExtraError", "ModelError", "NewsweaveError", "NotFoundError", "Quote", "Reuse", "RunConfig",
    "RunReport", "Span", "StoreError", "Story", "Timex", "__version__", "demo", "dossier", "export",
    "render", "run", "stories",
]

if TYPE_CHECKING:
    from newsweave.api import demo, dossier, export, render, run, stories
    from newsweave.errors import (
        InputError,
        MissingExtraError,
        ModelError,
        NewsweaveError,
        NotFoundError,
        StoreError,
    )
    from newsweave.model import (
        Annotations,
        Article,
        Cite,
        Dossier,
        Entity,
        Figure,
        Mention,
        Quote,
        Reuse,
        Span,
        Story,
        Timex,
    )
    from newsweave.pipeline import RunConfig, RunReport


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
