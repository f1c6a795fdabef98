"""The story clusterer's candidate index: each term lists the stories most recently posted under it.

One ``int32`` table holds every term's list as a row of ``cap`` story numbers, oldest at the left and
empty slots (-1) left of all, and a dense array maps a term to its row. Posting a story under an
article's lookup terms and gathering the stories of a new article's lookup terms are a few array
operations over those rows, whatever the number of terms or stories.

It replaced a dict of insertion-ordered dicts (term -> story numbers), whose reads grew slower as
the corpus grew: the story numbers were Python ints scattered over the heap, and gathering an
article's ~400 posted numbers at 20,000 articles touched as many cache lines. On the clusterer's
state after 1,000 and after 18,000 Reuters-21578 articles, 400 probe articles (CPU, best of 3):
gathering their lookup terms' stories took 30 and 58-86 µs with the dicts, 17 and 22 µs here;
posting under them 9-10 and 16-17 µs with the dicts, 19 and 19 µs here. The order of each list,
the cap and the saved form are those of the dicts (the same states, byte for byte).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from newsweave.link.story_state import Ints

Rows = npt.NDArray[np.int32]

__all__ = ["Postings"]


class Postings:
    """Term -> the numbers of the last ``cap`` stories posted under it (the oldest drop out)."""

    def __init__(self, n_features: int, cap: int) -> None:
        """Args:
        n_features: the number of hashed term features (terms are below it).
        cap: stories kept per term.
        """
        self._cap = cap
        self._row_of = np.full(n_features, -1, dtype=np.int32)  # term -> row of _table
        self._table = np.full((1024, cap), -1, dtype=np.int32)  # rows in use: the first _rows
        self._term_of = np.zeros(1024, dtype=np.int64)  # row -> term
        self._rows = 0
        self._shifted = np.arange(cap - 1)  # the slots that take a shifted story

    def post(self, number: int, terms: Ints) -> None:
        """List story ``number`` as the most recent under each of ``terms`` (distinct).

        Args:
            number: the story's number.
            terms: the terms, distinct; a term without a list gets one, in the order given.
        """
        if not self._cap:
            return
        rows = self._rows_for(terms)
        block = self._table[rows]
        # the story's slot, or the leftmost (empty, or the oldest of a full list) when it is not listed,
        # drops out: the later slots shift left by one and the story takes the last
        drop = (block == number).argmax(axis=1)
        source = self._shifted + (self._shifted >= drop[:, None])
        self._table[rows, :-1] = np.take_along_axis(block, source, axis=1)
        self._table[rows, -1] = number

    def gather(self, terms: Ints) -> tuple[Ints, Ints]:
        """The stories listed under any of ``terms`` and under how many of them each is.

        Returns:
            The story numbers in increasing order and, for each, the number of ``terms`` listing it.
        """
        rows = self._row_of[terms]
        entries = self._table[rows[rows >= 0]].ravel()
        numbers, shared = np.unique(entries[entries >= 0], return_counts=True)
        return numbers.astype(np.int64), shared.astype(np.int64)

    def to_state(self) -> dict[str, list[int]]:
        """Term (as a string) -> its story numbers, oldest first; terms in the order first posted."""
        table = self._table[: self._rows]
        return {str(term): [n for n in row if n >= 0]
                for term, row in zip(self._term_of[: self._rows].tolist(), table.tolist(), strict=True)}

    @classmethod
    def from_state(cls, state: dict[str, list[int]], n_features: int, cap: int) -> Postings:
        """Rebuild the index from ``to_state`` output (lists longer than ``cap`` keep their newest)."""
        postings = cls(n_features, cap)
        terms = np.fromiter((int(t) for t in state), dtype=np.int64, count=len(state))
        rows = postings._rows_for(terms)
        for row, numbers in zip(rows.tolist(), state.values(), strict=True):
            kept = [int(n) for n in numbers][-cap:] if cap else []
            postings._table[row, cap - len(kept):] = kept
        return postings

    def _rows_for(self, terms: Ints) -> Rows:
        """The rows of ``terms`` (distinct), new rows made for the terms without one."""
        rows = self._row_of[terms]
        if rows.min(initial=0) >= 0:
            return rows
        new = np.flatnonzero(rows < 0)
        start, end = self._rows, self._rows + new.size
        if end > self._table.shape[0]:  # double the table
            size = max(end, 2 * self._table.shape[0])
            table = np.full((size, self._cap), -1, dtype=np.int32)
            table[:start] = self._table[:start]
            term_of = np.zeros(size, dtype=np.int64)
            term_of[:start] = self._term_of[:start]
            self._table, self._term_of = table, term_of
        rows[new] = np.arange(start, end, dtype=np.int32)
        self._row_of[terms[new]] = rows[new]
        self._term_of[start:end] = terms[new]
        self._rows = end
        return rows
