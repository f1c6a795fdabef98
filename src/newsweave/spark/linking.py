"""Story linking for the Spark engine: the local ``StoryClusterer`` on the driver, fed by executors.

The local engine's story clustering is online: an article joins the best story among those formed
by the articles before it, so the result depends on the order, and any split of the stream would
change it. To give the same stories as the local engine, the Spark engine runs that very clusterer,
once, on the driver, in the local engine's order (publication date, undated last, then id), and
moves the per-article work out to the executors: tokenizing and hashing each text into the
clusterer's term vector and the indices of its names and numbers (``StoryClusterer.features``,
called there; the names and numbers are what story splits compare), and collecting its entity
keys. The driver then streams ``(id, published, term vector, split terms, entity keys)`` in order
with ``toLocalIterator`` (one partition in memory at a time) and only does the centroid lookups, which
use an inverted index of top terms: candidate stories come from shared terms, never all pairs.

What the driver holds is the clusterer's state (the document-frequency table, story centroids and
postings), as in the local engine: it grows with the number of stories, not of articles' texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy.typing as npt

from newsweave.link.stories import StoryClusterer, StoryConfig

__all__ = ["FeatureClusterer"]

# Prefix of the stand-in text handed to ``StoryClusterer.add``; no article text starts with NUL.
_KEY_PREFIX = "\x00newsweave-spark-features:"


class FeatureClusterer(StoryClusterer):
    """A ``StoryClusterer`` that takes term vectors computed elsewhere instead of texts.

    Everything else (scoring, thresholds, dates, entity keys, state) is the base class's.
    Exact copies never reach it: like the local store, the Spark job drops articles whose content
    hash repeats an earlier one's before linking, so the base class's copy shortcut (a hash of the
    text) is not needed.
    """

    def __init__(self, config: StoryConfig = StoryConfig()) -> None:
        """Args:
        config: the tuned constants (the same as the local engine's).
        """
        super().__init__(config)
        self._given: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.int64]]] = {}

    def add_features(self, article_id: str, published: date | None, terms: Sequence[int],
                     weights: Sequence[float], entity_keys: Sequence[str] = (),
                     split_terms: Sequence[int] = ()) -> str:
        """Assign one article from its term vector.

        Args:
            article_id: the article's id; an id already added keeps its story.
            published: its publication date, or None.
            terms: the sorted hashed term indices, as ``StoryClusterer.term_frequencies`` returns them.
            weights: their normalized term frequencies.
            entity_keys: normalized keys of the entities it mentions.
            split_terms: the indices of its names and numbers (``StoryClusterer.features``).

        Returns:
            The id of the story the article joined or started.
        """
        key = _KEY_PREFIX + article_id
        self._given[key] = (np.asarray(terms, dtype=np.int64), np.asarray(weights, dtype=np.float64),
                            np.asarray(split_terms, dtype=np.int64))
        try:
            return self.add(article_id, key, published, entity_keys)
        finally:
            self._given.pop(key, None)

    def features(self, text: str, published: date | None = None
                 ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        given = self._given.get(text)
        return given if given is not None else super().features(text, published)
