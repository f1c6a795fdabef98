"""Online story clustering: each arriving article joins the most similar story or starts one.

No number of stories is given. An article is compared with the stories that share its most
weighted terms (an inverted index, so the cost does not grow with the number of stories):

- **text**: cosine between the article's TF-IDF vector (word unigrams, optionally bigrams, hashed as
  scikit-learn's ``HashingVectorizer`` hashes them (``link.words``), sublinear tf; capitalized words
  inside a sentence, mostly names, count again as features of their own; without a publication date,
  so does the year of the first date the text writes in full, its dateline mostly, as one weighted
  key) and the story centroid. The document
  frequencies are a running table, and IDF is applied when comparing, so a centroid built early
  profits from the IDF learned later.
- **entities** (optional): the share of the article's normalized entity keys the story already has.
- **time**: a story only takes articles published near its own dates (the same kind of event
  months later is a new story), with a penalty growing with the distance in days.

The cost per article is bounded whatever the corpus size: each term lists only its most recent
stories, only the stories sharing the most lookup terms are scored, and a centroid keeps only
its heaviest terms.

The best story scoring at least ``StoryConfig.join_threshold`` takes the article; otherwise the
article starts a story. An exact or near copy of what a story already holds (one outlet's text
republished) joins it without adding weight to its centroid: copies count as one voice.

**Splits.** A centroid cannot tell one story from two similar events that happened to share it
(two rehab stays, two earthquakes). Each story keeps its members' term vectors; whenever it has
grown by a quarter since it was last checked (or, under ``StoryConfig.split_step_below`` members,
by ``StoryConfig.split_step``), its most recent members are clustered by average
link on the TF-IDF cosine of what tells such events apart, their names and numbers (the term
vector's capitalized-word features, digit tokens and dated year; their IDF counted over the most
recent ``StoryConfig.split_df_window`` articles, so that the distances keep the scale the split
thresholds were tuned at however long the stream grows, and each name's DF at least the number of
the clustered members naming it, so that they keep it too when the story's members came spread
among other stories' and only some are still in that window), and every group of two or more
that stands apart (distance above ``StoryConfig.split_distance``) from the group of the oldest checked member
leaves as a story of its own. When none does, because average link's top merges only add
outliers, the dendrogram is walked down past them to the first merge of two groups of at least
``StoryConfig.split_min_part`` members, and the group without the oldest checked member leaves when
that merge is above ``StoryConfig.balanced_split_distance`` and each of its two sides is tighter
inside than the merge between them (``StoryConfig.balanced_split_tightness``): two loose halves of
a window of loosely related articles stay together. When neither finds a group, because the greedy
dendrogram mixed two events under its merges, the members are cut in two by the Fiedler vector of
their similarity graph, refined by moving each to the side it is nearer on average, and the later
side leaves when both sides are big (``StoryConfig.spectral_split_min_part``), far apart on average
(``StoryConfig.spectral_split_distance``) and each tighter inside than that
(``StoryConfig.spectral_split_tightness``). The old story keeps its id; a new one takes the
id its first article would have started. Exact copies follow the article they copy.

**Merges.** A story's first articles may start stories of their own before its centroid could take
them. When an article scores at least ``StoryConfig.join_threshold`` with more than one story, the
smaller of two such stories merges into the bigger if it has at most
``StoryConfig.merge_max_members`` members (the bigger keeps its id; a split check follows), or if
both have at most ``StoryConfig.rejoin_max_members`` and their members are on average nearer than
``StoryConfig.rejoin_distance`` (by the split distances): one event cut in pieces while it was
small, as shuffled and interleaved streams often do, grows back together.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from threadpoolctl import ThreadpoolController

from newsweave.annotate.timexes import first_full_date_year
from newsweave.errors import StoreError
from newsweave.link.story_config import StoryConfig
from newsweave.link.story_postings import Postings
from newsweave.link.story_splits import balanced_cut, spectral_cut
from newsweave.link.story_state import Floats, Ints, MemberRecord, MemberTable, StoryRecord, decode_array, encode_array
from newsweave.link.words import hashed_counts, word_ngrams
from newsweave.model import content_hash

__all__ = ["StoryClusterer", "StoryConfig"]

StoryItem = tuple[str, str, date | None, Sequence[str]]



_NAME = re.compile(r"(?<![.!?\n\"] )(?<!^)\b([A-Z][A-Za-z'-]+)")


def _story_id(article_id: str) -> str:
    return "s-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


def _date_gap(published: date | None, story: StoryRecord) -> int:
    """Days between ``published`` and the story's date range (0 inside it or when unknown)."""
    if published is None or story.first is None or story.last is None:
        return 0
    if published < story.first:
        return (story.first - published).days
    return max(0, (published - story.last).days)


def _sparse_sum(indices: Ints, values: Floats, other: Ints, other_values: Floats) -> tuple[Ints, Floats]:
    """The sum of two sparse vectors, each given by its sorted distinct indices and their values.

    One stable sort of both index lists (a term of both has the first vector's value first, so
    the sum is ``values + other_values`` as ``np.union1d`` and two scattered adds gave it): on a
    400-term centroid and an article's 80 terms, 10 µs instead of their 36 (numpy 2.4).
    """
    if not other.size:
        return indices, values
    if not indices.size:
        return other.copy(), other_values.astype(np.float64)
    terms = np.concatenate([indices, other])
    order = np.argsort(terms, kind="stable")
    terms, summed = terms[order], np.concatenate([values, other_values])[order]
    first = np.empty(terms.size, dtype=bool)
    first[0] = True
    np.not_equal(terms[1:], terms[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return terms[starts], np.add.reduceat(summed, starts)


class StoryClusterer:
    """Assigns articles to stories one at a time; its state lets a later run continue."""

    def __init__(self, config: StoryConfig = StoryConfig()) -> None:
        """Args:
        config: the tuned constants.
        """
        self.config = config
        self._df = np.zeros(config.n_features, dtype=np.int64)
        self._log_df = np.zeros(config.n_features, dtype=np.float64)  # log(1 + df), kept in step
        self._query = np.zeros(config.n_features, dtype=np.float64)  # scratch for _cosines
        self._n_docs = 0
        self._split_df = np.zeros(config.n_features, dtype=np.int32)  # the DF of the split window
        self._split_window: deque[Ints] = deque()  # the terms of its articles, oldest first
        self._stories: list[StoryRecord] = []
        self._story_number: dict[str, int] = {}
        self._postings = Postings(config.n_features, config.postings_cap)
        self._assigned: dict[str, str] = {}
        self._copies: dict[str, str] = {}  # content hash (16 hex) -> the first article with it
        self._members = MemberTable()
        self._blas: ThreadpoolController | None = None  # made at the first spectral cut

    def assignments(self) -> dict[str, str]:
        """Article id -> story id, for every article added so far."""
        return dict(self._assigned)

    def add(self, article_id: str, text: str, published: date | None,
            entity_keys: Sequence[str] = ()) -> str:
        """Assign one article to a story.

        Args:
            article_id: the article's id; an id already added keeps its story (no-op).
            text: the article's text.
            published: its publication date, or None when unknown.
            entity_keys: normalized keys of the entities it mentions (optional).

        Returns:
            The id of the story the article joined or started.
        """
        if article_id in self._assigned:
            return self._assigned[article_id]
        fingerprint = content_hash(text)[:16]
        if fingerprint in self._copies:  # an exact copy: one voice, no new weight
            original = self._copies[fingerprint]
            story = self._story_of(original)
            self._join(story, article_id, published, entity_keys, None)
            self._members[article_id] = MemberRecord(published, tuple(entity_keys), voice=False, copy_of=original)
            self._maybe_split(story)
            return self._assigned[article_id]
        indices, tf, split_terms = self.features(text, published)
        self._df[indices] += 1
        self._log_df[indices] = np.log1p(self._df[indices])
        self._n_docs += 1
        self._count_in_split_window(indices)
        weights = self._tfidf(indices, tf)
        best, score, text_sim, others = self._best_story(indices, weights, published, entity_keys)
        if best is None or score < self.config.join_threshold:
            best = self._new_story(article_id)
            text_sim = 0.0
            others = []
        vector = None if text_sim >= self.config.copy_threshold else (indices, tf)
        self._join(best, article_id, published, entity_keys, vector)
        self._post(best, indices, weights)
        self._copies[fingerprint] = article_id
        self._members[article_id] = self._member(published, entity_keys, indices, tf, vector is not None,
                                                 split_terms)
        for other in others:  # the article joins these too: the smaller of two merges if small
            best = self._maybe_merge(best, other)
        self._maybe_split(best)
        return self._assigned[article_id]

    def add_batch(self, items: Sequence[StoryItem]) -> dict[str, str]:
        """Assign a batch; sorted by date (unknown last) then id, so its order does not matter.

        Args:
            items: ``(article_id, text, published, entity_keys)`` tuples.

        Returns:
            Article id -> story id for the batch's articles.
        """
        ordered = sorted(items, key=lambda it: (it[2] is None, it[2] or date.min, it[0]))
        for aid, text, published, keys in ordered:
            self.add(aid, text, published, keys)
        return {aid: self._assigned[aid] for aid, _, _, _ in ordered}  # after any later split

    def term_frequencies(self, text: str) -> tuple[Ints, Floats]:
        """Hashed word n-gram features of ``text`` with sublinear, L2-normalized tf (and its dated year)."""
        indices, tf, _ = self.features(text)
        return indices, tf

    def features(self, text: str, published: date | None = None) -> tuple[Ints, Floats, Ints]:
        """What linking reads of a text, tokenized once: the term vector of ``term_frequencies``
        and the indices of that vector that are names or numbers (what splits compare).

        When ``published`` is unknown, the year of the text's first date written in full (its
        dateline, mostly) stands in for it as a key of both (``StoryConfig.date_year_weight``); a
        known publication date is better evidence of when the story happened (see the config)."""
        config = self.config
        words = word_ngrams(text, config.ngram_max)
        names = ["n:" + m.group(1).lower() for m in _NAME.finditer(text)] if config.name_weight else []
        numbers = [w for w in words if w.isdigit()]
        word_features, word_counts = hashed_counts(words, config.n_features)
        name_features, name_counts = hashed_counts(names, config.n_features)
        indices, where = np.unique(np.concatenate([word_features, name_features]), return_inverse=True)
        data = np.bincount(where, weights=np.concatenate([word_counts, name_counts * config.name_weight]))
        tf = np.where(data >= 1.0, 1.0 + np.log(np.maximum(data, 1.0)), data)
        norm = float(np.linalg.norm(tf))
        tf = tf / norm if norm else tf
        split = hashed_counts(names + numbers, config.n_features)[0]
        year = first_full_date_year(text) if config.date_year_weight and published is None else None
        if year is not None:  # the year key: a weight beside the unit-length words, then unit length again
            key = hashed_counts([f"y:{year}"], config.n_features)[0][0]
            at = int(np.searchsorted(indices, key))
            if at < indices.size and indices[at] == key:  # a hash collision with a word: add to it
                tf[at] += config.date_year_weight
            else:
                indices, tf = np.insert(indices, at, key), np.insert(tf, at, config.date_year_weight)
            tf /= float(np.linalg.norm(tf))
            split = np.union1d(split, [key])
        return indices, tf, split

    def _idf(self, indices: Ints) -> Floats:
        result: Floats = (math.log(1.0 + self.config.prior_documents + self._n_docs) + 1.0) - self._log_df[indices]
        return result

    def _count_in_split_window(self, indices: Ints) -> None:
        """Count an article's terms in the split window's DF; past ``split_df_window`` articles, the
        oldest one's leave it. (All its terms, not only its names and numbers: a hashed name can share
        its index with a word, and the window then counts as the whole table does.)"""
        if not self.config.split_df_window:
            return
        self._split_df[indices] += 1
        self._split_window.append(indices)
        if len(self._split_window) > self.config.split_df_window:
            self._split_df[self._split_window.popleft()] -= 1

    def _split_idf(self, indices: Ints, story_df: Ints) -> Floats:
        """The IDF split distances weigh names and numbers by: that of the split window, each term's
        DF at least ``story_df``, the number of the story's clustered members naming it (of every
        article so far when ``split_df_window`` is 0, which counts those members already).

        A story whose members arrived spread over more than the window (its topic interleaved with
        others) has only some of them in it: the names all its members share would weigh as rare
        names, and its two events drew closer than when its members came together."""
        if not self.config.split_df_window:
            return self._idf(indices)
        documents = len(self._split_window)
        result: Floats = (math.log(1.0 + self.config.prior_documents + documents) + 1.0) - np.log1p(
            np.maximum(self._split_df[indices], story_df))
        return result

    def _tfidf(self, indices: Ints, tf: Floats) -> Floats:
        weights = tf * self._idf(indices)
        norm = float(np.linalg.norm(weights))
        return weights / norm if norm else weights

    def _top_terms(self, indices: Ints, weights: Floats) -> Ints:
        """The ``lookup_terms`` terms of highest weight, heaviest first."""
        top: Ints = indices[np.argsort(-weights, kind="stable")[: self.config.lookup_terms]]
        return top

    def _best_story(self, indices: Ints, weights: Floats, published: date | None, entity_keys: Sequence[str]
                    ) -> tuple[StoryRecord | None, float, float, list[StoryRecord]]:
        """The best candidate story, its combined score and its text cosine, and the other
        candidates the article could join too (scoring at least ``join_threshold``), best first."""
        numbers, shared = self._postings.gather(self._top_terms(indices, weights))
        if not numbers.size:
            return None, -1.0, -1.0, []
        # the stories sharing the most lookup terms, the oldest first among equals; a story left
        # empty by a merge keeps its postings (they age out) but is no candidate
        ranked = []
        by_shared = numbers[np.argsort(-shared, kind="stable")]  # numbers ascend: the oldest first among equals
        for number in map(int, by_shared):  # converted only as far as read
            if self._stories[number].members:
                ranked.append(number)
                if len(ranked) == self.config.max_candidates:
                    break
        candidates = []
        for number in sorted(ranked):
            story = self._stories[number]
            gap = _date_gap(published, story)
            if gap <= self.config.max_gap_days:
                candidates.append((story, gap))
        best: StoryRecord | None = None
        best_score = best_text = -1.0
        sims = self._cosines(indices, weights, [story for story, _ in candidates])
        matches: list[tuple[float, StoryRecord]] = []
        for (story, gap), text_sim in zip(candidates, sims, strict=True):
            score = self._combine(text_sim, entity_keys, story) * math.exp(
                -gap / self.config.date_decay_days)
            if score > best_score:
                best, best_score, best_text = story, score, text_sim
            if score >= self.config.join_threshold:
                matches.append((score, story))
        others = [story for _, story in sorted(matches, key=lambda m: -m[0]) if story is not best]
        return best, best_score, best_text, others

    def _cosines(self, indices: Ints, weights: Floats, stories: Sequence[StoryRecord]) -> list[float]:
        """The TF-IDF cosine of a query vector with each story's centroid, in one gather."""
        for story in stories:
            if story.norm_docs < 0 or self._n_docs > story.norm_docs * (1.0 + self.config.norm_refresh):
                story.norm = float(np.linalg.norm(story.values * self._idf(story.indices)))
                story.norm_docs = self._n_docs
        live = [k for k, story in enumerate(stories) if story.norm and story.indices.size]
        sims = [0.0] * len(stories)
        if not live:
            return sims
        terms = np.concatenate([stories[k].indices for k in live])
        values = np.concatenate([stories[k].values for k in live])
        starts = np.cumsum([0] + [stories[k].indices.size for k in live[:-1]])
        # the query as a dense vector, cleared below; the centroids' IDF goes on the query's side (the
        # same product, gathered for the article's terms instead of every candidate's centroid)
        self._query[indices] = weights * self._idf(indices)
        try:
            dots = np.add.reduceat(self._query[terms] * values, starts)
        finally:
            self._query[indices] = 0.0
        for k, dot in zip(live, dots.tolist(), strict=True):
            sims[k] = dot / stories[k].norm
        return sims

    def _combine(self, text_sim: float, entity_keys: Sequence[str], story: StoryRecord) -> float:
        keys = set(entity_keys)
        if not keys or not story.entities or not self.config.entity_weight:
            return text_sim
        shared = sum(1 for k in keys if k in story.entities) / len(keys)
        w = self.config.entity_weight
        return (1.0 - w) * text_sim + w * shared

    def _new_story(self, article_id: str) -> StoryRecord:
        story_id = _story_id(article_id)
        while story_id in self._story_number:  # a hash collision: derive another id
            story_id = _story_id(story_id)
        story = StoryRecord(story_id)
        self._story_number[story_id] = len(self._stories)
        self._stories.append(story)
        return story

    def _join(self, story: StoryRecord, article_id: str, published: date | None,
              entity_keys: Sequence[str], vector: tuple[Ints, Floats] | None) -> None:
        story.members += 1
        if vector is not None:
            story.voices += 1
            merged, values = _sparse_sum(story.indices, story.values, *vector)
            story.indices, story.values = self._heaviest(merged, values, self.config.centroid_terms)
            story.norm_docs = -1
        if published is not None:
            story.first = min(story.first or published, published)
            story.last = max(story.last or published, published)
        story.entities.update(set(entity_keys))
        story.member_ids.append(article_id)
        self._assigned[article_id] = story.id

    def _heaviest(self, indices: Ints, values: Floats, k: int) -> tuple[Ints, Floats]:
        """The ``k`` terms of highest TF-IDF mass (all when there are no more), in index order."""
        if indices.size <= k:
            return indices, values
        keep = np.sort(np.argsort(-(values * self._idf(indices)), kind="stable")[:k])
        return indices[keep], values[keep]

    def _story_of(self, article_id: str) -> StoryRecord:
        return self._stories[self._story_number[self._assigned[article_id]]]

    def _member(self, published: date | None, entity_keys: Sequence[str], indices: Ints, tf: Floats,
                voice: bool, split_terms: Ints) -> MemberRecord:
        """The member record of an article: its ``member_terms`` heaviest terms, its names and numbers."""
        in_split = np.isin(indices, split_terms, assume_unique=True)
        split_indices, split_tf = indices[in_split], tf[in_split]
        indices, tf = self._heaviest(indices, tf, self.config.member_terms)
        return MemberRecord(published, tuple(entity_keys), indices, tf, voice, None, split_indices, split_tf)

    def _maybe_merge(self, story: StoryRecord, other: StoryRecord) -> StoryRecord:
        """Merge the smaller of two stories an article joins into the bigger (the older of two
        equals keeps its id) when it has at most ``merge_max_members``, or when both have at most
        ``rejoin_max_members`` and are near enough (``_close_enough_to_rejoin``); returns the story left."""
        small, big = sorted((story, other), key=lambda s: (s.members, -self._story_number[s.id]))
        if not small.members or not small.tracked:
            return story
        if small.members > self.config.merge_max_members and not (
                big.tracked and self._close_enough_to_rejoin(small, big)):
            return story
        moved = list(small.member_ids)
        for aid in moved:
            m = self._members[aid]
            vector = (m.indices, m.tf) if m.voice and m.indices is not None and m.tf is not None else None
            self._join(big, aid, m.published, m.keys, vector)
        self._post_members(big, moved)
        self._rebuild(small, [])  # left empty: its postings score nothing
        small.checked = 0
        return big

    def _close_enough_to_rejoin(self, small: StoryRecord, big: StoryRecord) -> bool:
        """Whether two stories of at most ``rejoin_max_members`` are on average nearer than
        ``rejoin_distance`` by the distances splits cut at: one event cut in pieces."""
        if not self.config.rejoin_distance or big.members > self.config.rejoin_max_members:
            return False
        points = [[aid for aid in story.member_ids if self._members[aid].split_indices is not None]
                  for story in (small, big)]
        if not all(points):
            return False
        data, column, indptr, n_terms = self._split_vectors(points[0] + points[1])
        # the mean cosine between the two groups is the dot product of the sums of their unit vectors
        first = int(indptr[len(points[0])])
        sums = (np.bincount(column[:first], data[:first], n_terms),
                np.bincount(column[first:], data[first:], n_terms))
        between = 1.0 - float(sums[0].dot(sums[1])) / (len(points[0]) * len(points[1]))
        return between < self.config.rejoin_distance

    def _maybe_split(self, story: StoryRecord) -> None:
        """Split off the groups of ``story``'s recent members that stand apart (see module notes)."""
        config = self.config
        n = len(story.member_ids)
        due = n >= story.checked * config.split_growth or bool(
            config.split_step and story.checked < config.split_step_below and n >= story.checked + config.split_step)
        if not config.split_distance or not story.tracked or n < config.split_min_members or not due:
            return
        story.checked = n
        points = [aid for aid in story.member_ids[-config.split_window:]
                  if self._members[aid].split_indices is not None]  # exact copies follow their original
        if len(points) < config.split_min_members:
            return
        tree, distance = self._average_link(points)
        labels = fcluster(tree, t=config.split_distance, criterion="distance")
        groups: dict[int, list[str]] = {}
        for aid, label in zip(points, labels, strict=True):
            groups.setdefault(int(label), []).append(aid)
        parts = [g for label, g in groups.items() if label != labels[0] and len(g) >= 2]
        if not parts and config.balanced_split_distance:
            parts = [[points[k] for k in part] for part in balanced_cut(tree, distance, config)]
        if not parts and config.spectral_split_distance:
            if self._blas is None:
                self._blas = ThreadpoolController()
            parts = [[points[k] for k in part] for part in spectral_cut(distance, config, self._blas)]
        if not parts:
            return
        part_of = {aid: k for k, part in enumerate(parts) for aid in part}
        staying: list[str] = []
        leaving: list[list[str]] = [[] for _ in parts]
        for aid in story.member_ids:
            copy_of = self._members[aid].copy_of
            k = part_of.get(copy_of if copy_of is not None else aid)
            (staying if k is None else leaving[k]).append(aid)
        self._rebuild(story, staying)
        for ids in leaving:
            new = self._new_story(ids[0])
            self._rebuild(new, ids)
            new.checked = len(ids)
            self._post_members(new, ids)

    def _post_members(self, story: StoryRecord, ids: Sequence[str]) -> None:
        """Index ``story`` under the lookup terms of each of its members ``ids``: posted once under
        all of them, in the order the members' posts would have listed them, it ends as posted one
        member at a time (last under each term, the same stories dropped out)."""
        tops = [self._top_terms(m.indices, self._tfidf(m.indices, m.tf)) for aid in ids
                if (m := self._members[aid]).indices is not None and m.tf is not None]
        if tops:
            terms, first = np.unique(np.concatenate(tops), return_index=True)
            self._postings.post(self._story_number[story.id], terms[np.argsort(first)])

    def _average_link(self, points: Sequence[str]) -> tuple[Floats, Floats]:
        """The average-link dendrogram (scipy's linkage matrix) of members by ``_split_distances``,
        and the distance matrix."""
        distance = self._split_distances(points)
        tree: Floats = linkage(distance[np.triu_indices(len(points), 1)], method="average")
        return tree, distance

    def _split_distances(self, points: Sequence[str]) -> Floats:
        """The cosine distances between members by the TF-IDF of their names and numbers (a member
        without any is far from all)."""
        data, column, indptr, n_terms = self._split_vectors(points)
        matrix = csr_matrix((data, column, indptr), shape=(len(points), max(1, n_terms)))
        distance: Floats = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, None)
        np.fill_diagonal(distance, 0.0)
        return distance

    def _split_vectors(self, points: Sequence[str]) -> tuple[Floats, Ints, Ints, int]:
        """The unit TF-IDF vectors of members' names and numbers (IDF as ``_split_idf`` counts it for
        these members) as the data, column indices and row pointers of a CSR matrix, one row each, over
        the given number of columns (the terms they name)."""
        columns: list[Ints] = []
        tfs: list[Floats] = []
        for aid in points:
            m = self._members[aid]
            assert m.split_indices is not None and m.split_tf is not None
            columns.append(m.split_indices)
            tfs.append(m.split_tf)
        indptr = np.cumsum([0] + [c.size for c in columns])
        flat = np.concatenate(columns)
        terms, column = np.unique(flat, return_inverse=True)  # compact columns
        story_df = np.bincount(column, minlength=terms.size)[column]  # a member's terms are distinct
        # each point's ``_tfidf``, in one pass (the norms of a python loop over the rows took about 40%
        # of a rejoin's time)
        data = np.concatenate(tfs) * self._split_idf(flat, story_df)
        rows = np.repeat(np.arange(len(points)), np.diff(indptr))
        norms = np.sqrt(np.bincount(rows, data * data, len(points)))
        data /= np.where(norms > 0.0, norms, 1.0)[rows]
        return data, column, indptr, int(terms.size)

    def _rebuild(self, story: StoryRecord, member_ids: Sequence[str]) -> None:
        """Recompute a story's members, dates, entities and centroid from its member records."""
        story.member_ids = list(member_ids)
        story.members = len(member_ids)
        story.first = story.last = None
        story.entities = Counter()
        indices: list[Ints] = []
        values: list[Floats] = []
        for aid in member_ids:
            m = self._members[aid]
            self._assigned[aid] = story.id
            if m.published is not None:
                story.first = min(story.first or m.published, m.published)
                story.last = max(story.last or m.published, m.published)
            story.entities.update(set(m.keys))
            if m.voice and m.indices is not None and m.tf is not None:
                indices.append(m.indices)
                values.append(m.tf)
        story.voices = len(indices)
        if indices:
            merged, inverse = np.unique(np.concatenate(indices), return_inverse=True)
            summed = np.bincount(inverse, weights=np.concatenate(values))
            story.indices, story.values = self._heaviest(merged.astype(np.int64), summed.astype(np.float64),
                                                          self.config.centroid_terms)
        else:
            story.indices, story.values = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        story.norm_docs = -1

    def _post(self, story: StoryRecord, indices: Ints, weights: Floats) -> None:
        self._postings.post(self._story_number[story.id], self._top_terms(indices, weights))

    def to_state(self) -> dict[str, Any]:
        """A JSON-serializable snapshot: DF table, split window, story centroids, postings, assignments."""
        nonzero = np.flatnonzero(self._df)
        window = list(self._split_window)
        return {"version": 9, "config": asdict(self.config), "n_docs": self._n_docs,
                "df_indices": encode_array(nonzero.astype(np.int64)),
                "df_values": encode_array(self._df[nonzero]),
                "split_window_terms": encode_array(np.concatenate(window).astype(np.int32) if window
                                                   else np.zeros(0, dtype=np.int32)),
                "split_window_sizes": encode_array(np.array([w.size for w in window], dtype=np.int32)),
                "stories": [s.to_state() for s in self._stories],
                "postings": self._postings.to_state(),
                "assigned": dict(self._assigned), "copies": dict(self._copies),
                "members": self._members.to_state()}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> StoryClusterer:
        """Rebuild a clusterer from ``to_state`` output; it continues as if never stopped.

        Args:
            state: the snapshot.

        Returns:
            The restored clusterer.

        A version-1 snapshot (before splits) loads too: its stories keep no member vectors, so they
        are never split; stories started after it are. A version-2 snapshot (before the balanced
        cut) takes that cut's default settings and goes on with it, and a version-3 snapshot (before
        the cut's tightness test) that test's default; a version-4 snapshot (before dated-year keys)
        takes ``date_year_weight``'s default, its members keeping the vectors they had, and a version-5
        snapshot (before the spectral cut) that cut's default settings, and a version-6 snapshot (before
        the fixed split step) that step's, and a version-8 snapshot (before rejoins) the rejoin settings'
        defaults. (Versions 3 to 7 and 9 only mark new settings, so that code older than them refuses
        the snapshot with a clear error.) A snapshot before version 8 saved no split
        window: it fills again from the articles added after it (until it holds some hundreds, splits
        weigh names by the IDF of those few, as a new stream's first splits do).

        Raises:
            StoreError: the snapshot is of an unknown version, or has settings this code lacks.
        """
        if state.get("version") not in (1, 2, 3, 4, 5, 6, 7, 8, 9):
            raise StoreError(f"unknown StoryClusterer state version {state.get('version')!r}: "
                             "rebuild the stories from the articles")
        unknown = set(state["config"]) - {f.name for f in fields(StoryConfig)}
        if unknown:
            raise StoreError(f"StoryClusterer state has settings this version lacks: {sorted(unknown)}")
        clusterer = cls(StoryConfig(**state["config"]))
        clusterer._n_docs = int(state["n_docs"])
        clusterer._df[decode_array(state["df_indices"], np.int64)] = decode_array(state["df_values"], np.int64)
        clusterer._log_df = np.log1p(clusterer._df)
        if "split_window_terms" in state:
            terms = decode_array(state["split_window_terms"], np.int32).astype(np.int64)
            sizes = decode_array(state["split_window_sizes"], np.int32)
            for indices in np.split(terms, np.cumsum(sizes)[:-1]) if sizes.size else []:
                clusterer._count_in_split_window(indices)
        clusterer._stories = [StoryRecord.from_state(s) for s in state["stories"]]
        clusterer._story_number = {s.id: n for n, s in enumerate(clusterer._stories)}
        clusterer._postings = Postings.from_state(state["postings"], clusterer.config.n_features,
                                                  clusterer.config.postings_cap)
        clusterer._assigned = {str(k): str(v) for k, v in state["assigned"].items()}
        clusterer._copies = {str(k): str(v) for k, v in state["copies"].items()}
        clusterer._members = MemberTable(state.get("members"))
        if state["version"] == 1:  # copies pointed at stories: point them at an article of it
            first_of: dict[str, str] = {}
            for aid, sid in clusterer._assigned.items():
                first_of.setdefault(sid, aid)
            clusterer._copies = {fp: first_of[sid] for fp, sid in clusterer._copies.items() if sid in first_of}
        return clusterer
