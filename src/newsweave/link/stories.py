"""Online story clustering: each arriving article joins the most similar story or starts one.

No number of stories is given. An article is compared with the stories that share its most
weighted terms (an inverted index, so the cost does not grow with the number of stories):

- **text**: cosine between the article's TF-IDF vector (word unigrams, optionally bigrams, hashed with
  scikit-learn's ``HashingVectorizer``, sublinear tf; capitalized words inside a sentence, mostly
  names, count again as features of their own) and the story centroid. The document
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
grown by a quarter since it was last checked, its most recent members are clustered by average
link on the TF-IDF cosine of what tells such events apart, their names and numbers (the term
vector's capitalized-word features and digit tokens), and every group of two or more that stands
apart (distance above ``StoryConfig.split_distance``) from the group of the oldest checked member
leaves as a story of its own. When none does, because average link's top merges only add
outliers, the dendrogram is walked down past them to the first merge of two groups of at least
``StoryConfig.split_min_part`` members, and the group without the oldest checked member leaves when
that merge is above ``StoryConfig.balanced_split_distance`` and each of its two sides is tighter
inside than the merge between them (``StoryConfig.balanced_split_tightness``): two loose halves of
a window of loosely related articles stay together. The old story keeps its id; a new
one takes the id its first article would have started. Exact copies follow the article they copy.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from itertools import chain
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage, to_tree
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import HashingVectorizer

from newsweave.errors import StoreError
from newsweave.link.story_state import Floats, Ints, MemberRecord, StoryRecord, decode_array, encode_array
from newsweave.model import content_hash

__all__ = ["StoryClusterer", "StoryConfig"]

StoryItem = tuple[str, str, date | None, Sequence[str]]


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """Tuned constants of story clustering. Measured with ``bench/stories_ecbplus.py``."""

    # Cosine to a story centroid needed to join it. Swept 0.12-0.40 on ECB+ dev topics 1-20
    # (bench/stories_ecbplus.py --sweep: file order and 3 shuffles). With prior_documents=30:
    # 0.18 -> B3 F1 0.842 file order / 0.843 shuffled, 0.22 -> 0.842 / 0.868, 0.24 -> 0.833 /
    # 0.870, 0.26 -> 0.824 / 0.862; 0.22 is best on 1-20. Held-out topics 21-35 at 0.22: 0.816 /
    # 0.873. Lower merges the two similar events of a topic, higher splits stories.
    join_threshold: float = 0.22
    # Largest word n-gram: on ECB+ dev 1-20, unigrams alone (best F1 0.842 file order / 0.869
    # shuffled) matched unigrams+bigrams (0.830 / 0.868) and did better on held-out topics 21-35
    # (0.840 vs 0.802 file order), at a smaller centroid and a faster pass.
    ngram_max: int = 1
    # 2**20 hashed features: collisions are negligible for news vocabularies (even with bigrams,
    # ECB+ dev has far fewer distinct n-grams) while the DF table stays an 8 MB array.
    n_features: int = 1 << 20
    # Terms of an article used to look up candidate stories, and terms of each member posted to
    # its story. On ECB+ dev 1-20 and 21-35, 30 gives the same B3 F1 as looking up every term.
    lookup_terms: int = 30
    # Documents assumed seen before the first one (with none of its terms) when computing IDF.
    # Without it, the first articles of a stream share terms that a tiny corpus calls common:
    # with 0, 40 of the 120 orders of the five seeds split them into two stories; with 30 or 100,
    # none does. On ECB+ dev 1-20 at threshold 0.22, 30 costs 0.008 B3 F1 shuffled (0.876 ->
    # 0.868) and 100 costs 0.022, so 30.
    prior_documents: int = 30
    # Weight of shared entity keys in the score when the article has any (0 = text only). Not
    # tuned yet: the ECB+ bench passes no entity keys. 0.25 leaves text the main signal.
    entity_weight: float = 0.25
    # A story takes no article published more than this many days outside its date range: the
    # same kind of event weeks later is a new story. Not measurable on ECB+ (no dates): chosen so
    # that follow-ups of one event (trial, verdict within a month) can still join.
    max_gap_days: int = 30
    # Score multiplier decays as exp(-gap / date_decay_days) for gaps inside max_gap_days.
    date_decay_days: float = 14.0
    # Text cosine at or above which an article is a near copy of its story: joins, adds no weight.
    copy_threshold: float = 0.9
    # Weight of capitalized words not at a sentence start (names, mostly) as extra features
    # beside the plain words. On ECB+ dev (772 articles): 0 -> B3 F1 0.832 file order / 0.871
    # shuffled, 1.0 -> 0.847 / 0.875, 2.0 -> 0.841 / 0.869.
    name_weight: float = 1.0
    # Stories kept per term in the candidate index (the most recently joined). Without a cap the
    # candidates per article grow with the corpus (Reuters, 1k -> 5k articles: 8 s -> 49 s per
    # 1,000 linked); with it the cost per article is flat.
    postings_cap: int = 32
    # Candidate stories scored per article: those sharing the most lookup terms with it. Bounds
    # the work per article; on ECB+ dev, 16 gives the same B3 F1 as scoring every candidate.
    max_candidates: int = 16
    # Terms kept in a story centroid (highest TF-IDF mass). Bounds the cost of comparing with a big
    # story and its memory; on ECB+ dev 400 scores as the untruncated centroid (see module notes).
    centroid_terms: int = 400
    # The centroid norm (under the drifting IDF) is recomputed when the document count grew by
    # more than this share since it was cached, or when the story changed.
    norm_refresh: float = 0.05
    # Average-link cosine distance (over names and numbers) above which a group of a story's
    # members splits off (0 turns splitting off). Online, ECB+ topics 1-20, B3 F1 in file order /
    # mean of 8 shuffled orders: none 0.848 / 0.870, 0.75 -> 0.909 / 0.889, 0.8 -> 0.909 / 0.894,
    # 0.85 -> 0.863 / 0.874. Held-out topics 21-35 at 0.8: 0.876 / 0.892 (none: 0.846 / 0.866).
    # Comparing whole term vectors instead of names and numbers: 0.895 / 0.883, held out 0.870 / 0.886.
    split_distance: float = 0.8
    # A story is checked for a split once it has this many members, then each time it has grown
    # by ``split_growth`` (so the checks cost a bounded multiple of one check of its final size).
    # On topics 1-20 (file / shuffled): 3 members 0.909 / 0.893, 6 -> 0.904 / 0.895; growth 1.5 ->
    # 0.908 / 0.895.
    split_min_members: int = 4
    split_growth: float = 1.25
    # When no group stands apart by ``split_distance``, the first merge of the dendrogram's top
    # that joins two groups of at least ``split_min_part`` members each (merges that only add a few
    # outliers are passed through) splits when it is at least this far. Average link's top merges
    # are mostly such outliers, which hid the two events beneath them (pirates seized in the Gulf
    # of Aden by two navies, two Iran earthquakes). Online, ECB+ topics 1-20 (file order / mean of
    # 3 shuffles): off 0.909 / 0.891, 0.72 -> 0.901 / 0.894, 0.74 -> 0.929 / 0.910, 0.75 -> 0.929 /
    # 0.918, 0.76 -> 0.929 / 0.917, 0.77 -> 0.913 / 0.908, 0.78 -> 0.912 / 0.905 (0 turns it off).
    # Held-out topics 21-35 at 0.75: 0.893 / 0.909 (off: 0.876 / 0.898).
    balanced_split_distance: float = 0.75
    # At 0.76 on topics 1-20: 3 -> 0.930 / 0.912, 4 -> 0.929 / 0.917, 5 -> 0.926 / 0.918.
    split_min_part: int = 4
    # A balanced cut also needs each side to be tight inside: the mean distance between two members
    # of one side, on each side, at most this share of the cut height (0 turns the test off). On
    # ECB+ topics 1-20 the cuts between two events had sides at most 0.88 of the cut height, the
    # cuts of one event into halves at 0.90-0.91. Online, topics 1-20, B3 F1 file order / mean ± sd
    # of 8 shuffles: off 0.929 / 0.908 ± 0.013, 0.75 -> 0.909 / 0.900, 0.80 -> 0.926 / 0.911,
    # 0.83 -> 0.926 / 0.910, 0.85-0.89 -> 0.929 / 0.910 ± 0.013, 0.91 -> 0.929 / 0.909, 0.93 ->
    # 0.929 / 0.908. Held-out topics 21-35 at 0.87: 0.893 / 0.903 ± 0.020 (off: 0.893 / 0.902).
    # On 4,897 Reuters-21578 articles (Feb-Mar 1987) it keeps 17 stories whole that were cut in
    # two or more, all loose groups of one market's wire briefs (quarterly results, stock splits, U.K.
    # money market help, OPEC output, coffee quota talks): 2,273 -> 2,265 stories.
    balanced_split_tightness: float = 0.87
    # Members clustered per check (the most recent): bounds one check's cost on a huge story.
    split_window: int = 256
    # Terms kept of each member's vector (its heaviest): what a split rebuilds centroids from.
    member_terms: int = 100


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


def _spread(distance: Floats, points: Sequence[int]) -> float:
    """The mean distance between two of ``points`` (at least two): how loose a group is inside."""
    inside = distance[np.ix_(points, points)]
    n = len(points)
    return float(inside.sum()) / (n * (n - 1))


class StoryClusterer:
    """Assigns articles to stories one at a time; its state lets a later run continue."""

    def __init__(self, config: StoryConfig = StoryConfig()) -> None:
        """Args:
        config: the tuned constants.
        """
        self.config = config
        self._vectorizer = HashingVectorizer(
            n_features=config.n_features, ngram_range=(1, config.ngram_max), stop_words="english",
            alternate_sign=False, norm=None)
        self._key_vectorizer = HashingVectorizer(
            n_features=config.n_features, analyzer=lambda x: x, alternate_sign=False, norm=None)
        self._words = self._vectorizer.build_analyzer()
        self._df = np.zeros(config.n_features, dtype=np.int64)
        self._log_df = np.zeros(config.n_features, dtype=np.float64)  # log(1 + df), kept in step
        self._query = np.zeros(config.n_features, dtype=np.float64)  # scratch for _cosines
        self._n_docs = 0
        self._stories: list[StoryRecord] = []
        self._story_number: dict[str, int] = {}
        self._postings: dict[int, list[int]] = {}
        self._assigned: dict[str, str] = {}
        self._copies: dict[str, str] = {}  # content hash (16 hex) -> the first article with it
        self._members: dict[str, MemberRecord] = {}

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
        indices, tf, split_terms = self.features(text)
        self._df[indices] += 1
        self._log_df[indices] = np.log1p(self._df[indices])
        self._n_docs += 1
        weights = self._tfidf(indices, tf)
        best, score, text_sim = self._best_story(indices, weights, published, entity_keys)
        if best is None or score < self.config.join_threshold:
            best = self._new_story(article_id)
            text_sim = 0.0
        vector = None if text_sim >= self.config.copy_threshold else (indices, tf)
        self._join(best, article_id, published, entity_keys, vector)
        self._post(best, indices, weights)
        self._copies[fingerprint] = article_id
        self._members[article_id] = self._member(published, entity_keys, indices, tf, vector is not None,
                                                 split_terms)
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
        """Hashed word n-gram features of ``text`` with sublinear, L2-normalized tf."""
        indices, tf, _ = self.features(text)
        return indices, tf

    def features(self, text: str) -> tuple[Ints, Floats, Ints]:
        """What linking reads of a text, tokenized once: the term vector of ``term_frequencies``
        and the indices of that vector that are names or numbers (what splits compare)."""
        words = self._words(text)
        names = ["n:" + m.group(1).lower() for m in _NAME.finditer(text)] if self.config.name_weight else []
        numbers = [w for w in words if w.isdigit()]
        # hashing tokens with an identity analyzer gives the word vectorizer's own features
        rows = self._key_vectorizer.transform([words, names, names + numbers])
        cut = rows.indptr
        indices, where = np.unique(rows.indices[: cut[2]], return_inverse=True)
        weight = np.ones(cut[2])
        weight[cut[1] :] = self.config.name_weight
        data = np.bincount(where, weights=rows.data[: cut[2]] * weight)
        indices = indices.astype(np.int64)
        tf = np.where(data >= 1.0, 1.0 + np.log(np.maximum(data, 1.0)), data)
        norm = float(np.linalg.norm(tf))
        split = np.unique(rows.indices[cut[2] : cut[3]]).astype(np.int64)
        return indices, tf / norm if norm else tf, split

    def _idf(self, indices: Ints) -> Floats:
        result: Floats = (math.log(1.0 + self.config.prior_documents + self._n_docs) + 1.0) - self._log_df[indices]
        return result

    def _tfidf(self, indices: Ints, tf: Floats) -> Floats:
        weights = tf * self._idf(indices)
        norm = float(np.linalg.norm(weights))
        return weights / norm if norm else weights

    def _top_terms(self, indices: Ints, weights: Floats) -> list[int]:
        k = min(self.config.lookup_terms, indices.size)
        top = np.argsort(-weights, kind="stable")[:k]
        return [int(i) for i in indices[top]]

    def _best_story(self, indices: Ints, weights: Floats, published: date | None,
                    entity_keys: Sequence[str]) -> tuple[StoryRecord | None, float, float]:
        """The best candidate story, its combined score and its text cosine."""
        posted = [p for t in self._top_terms(indices, weights) if (p := self._postings.get(t))]
        if not posted:
            return None, -1.0, -1.0
        numbers, shared = np.unique(np.fromiter(chain.from_iterable(posted), dtype=np.int64),
                                    return_counts=True)
        # the stories sharing the most lookup terms, the oldest first among equals
        ranked = np.lexsort((numbers, -shared))[: self.config.max_candidates]
        candidates = []
        for number in np.sort(numbers[ranked]).tolist():
            story = self._stories[number]
            gap = _date_gap(published, story)
            if gap <= self.config.max_gap_days:
                candidates.append((story, gap))
        best: StoryRecord | None = None
        best_score = best_text = -1.0
        sims = self._cosines(indices, weights, [story for story, _ in candidates])
        for (story, gap), text_sim in zip(candidates, sims, strict=True):
            score = self._combine(text_sim, entity_keys, story) * math.exp(
                -gap / self.config.date_decay_days)
            if score > best_score:
                best, best_score, best_text = story, score, text_sim
        return best, best_score, best_text

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
        self._query[indices] = weights  # the query as a dense vector, cleared below
        try:
            dots = np.add.reduceat(self._query[terms] * values * self._idf(terms), starts)
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
            merged = np.union1d(story.indices, vector[0])
            values = np.zeros(merged.size, dtype=np.float64)
            values[np.searchsorted(merged, story.indices)] += story.values
            values[np.searchsorted(merged, vector[0])] += vector[1]
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

    def _maybe_split(self, story: StoryRecord) -> None:
        """Split off the groups of ``story``'s recent members that stand apart (see module notes)."""
        config = self.config
        n = len(story.member_ids)
        if (not config.split_distance or not story.tracked or n < config.split_min_members
                or n < story.checked * config.split_growth):
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
            parts = [[points[k] for k in part] for part in self._balanced_cut(tree, distance)]
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
            for aid in ids:
                m = self._members[aid]
                if m.indices is not None and m.tf is not None:
                    self._post(new, m.indices, self._tfidf(m.indices, m.tf))

    def _average_link(self, points: Sequence[str]) -> tuple[Floats, Floats]:
        """The average-link dendrogram (scipy's linkage matrix) of members by the TF-IDF cosine of
        their names and numbers (a member without any is far from all), and the distance matrix."""
        data: list[Floats] = []
        columns: list[Ints] = []
        for aid in points:
            m = self._members[aid]
            assert m.split_indices is not None and m.split_tf is not None
            data.append(self._tfidf(m.split_indices, m.split_tf))
            columns.append(m.split_indices)
        indptr = np.cumsum([0] + [c.size for c in columns])
        terms, column = np.unique(np.concatenate(columns), return_inverse=True)  # compact columns
        matrix = csr_matrix((np.concatenate(data), column, indptr), shape=(len(points), max(1, terms.size)))
        distance = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree: Floats = linkage(distance[np.triu_indices(len(points), 1)], method="average")
        return tree, distance

    def _balanced_cut(self, tree: Floats, distance: Floats) -> list[list[int]]:
        """The group (as point positions) that leaves at the top merge of two big groups, if far.

        From the root down, a merge whose smaller side has fewer than ``split_min_part`` points
        adds outliers: the walk goes on into its bigger side. The first merge of two big sides
        splits when its height reaches ``balanced_split_distance`` and each side is tight inside
        (``balanced_split_tightness``: a window of loosely related articles, wire briefs of one
        market, is otherwise cut between two loose halves as far apart as their own members are);
        the side whose oldest point is the later one leaves (the story keeps its id with the older
        articles, also when the oldest point of all is one of the outliers).
        """
        config = self.config
        node = to_tree(tree)
        while not node.is_leaf():
            left, right = node.get_left(), node.get_right()
            small, big = sorted((left, right), key=lambda n: n.get_count())
            if small.get_count() >= config.split_min_part:
                if node.dist < config.balanced_split_distance:
                    return []
                sides = (left.pre_order(), right.pre_order())
                if config.balanced_split_tightness and max(_spread(distance, side) for side in sides) > (
                        config.balanced_split_tightness * node.dist):
                    return []
                leaving = max(sides, key=min)
                return [sorted(leaving)]
            node = big
        return []

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
        number = self._story_number[story.id]
        for term in self._top_terms(indices, weights):
            posting = self._postings.setdefault(term, [])
            if number in posting:
                posting.remove(number)
            posting.append(number)  # most recent last; the oldest beyond the cap drop out
            if len(posting) > self.config.postings_cap:
                del posting[0]

    def to_state(self) -> dict[str, Any]:
        """A JSON-serializable snapshot: DF table, story centroids, postings, assignments."""
        nonzero = np.flatnonzero(self._df)
        return {"version": 4, "config": asdict(self.config), "n_docs": self._n_docs,
                "df_indices": encode_array(nonzero.astype(np.int64)),
                "df_values": encode_array(self._df[nonzero]),
                "stories": [s.to_state() for s in self._stories],
                "postings": {str(t): p for t, p in self._postings.items()},
                "assigned": dict(self._assigned), "copies": dict(self._copies),
                "members": {aid: m.to_state() for aid, m in self._members.items()}}

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
        the cut's tightness test) that test's default. (Versions 3 and 4 only mark new settings, so
        that code older than them refuses the snapshot with a clear error.)

        Raises:
            StoreError: the snapshot is of an unknown version, or has settings this code lacks.
        """
        if state.get("version") not in (1, 2, 3, 4):
            raise StoreError(f"unknown StoryClusterer state version {state.get('version')!r}: "
                             "rebuild the stories from the articles")
        unknown = set(state["config"]) - {f.name for f in fields(StoryConfig)}
        if unknown:
            raise StoreError(f"StoryClusterer state has settings this version lacks: {sorted(unknown)}")
        clusterer = cls(StoryConfig(**state["config"]))
        clusterer._n_docs = int(state["n_docs"])
        clusterer._df[decode_array(state["df_indices"], np.int64)] = decode_array(state["df_values"], np.int64)
        clusterer._log_df = np.log1p(clusterer._df)
        clusterer._stories = [StoryRecord.from_state(s) for s in state["stories"]]
        clusterer._story_number = {s.id: n for n, s in enumerate(clusterer._stories)}
        clusterer._postings = {int(t): [int(n) for n in p] for t, p in state["postings"].items()}
        clusterer._assigned = {str(k): str(v) for k, v in state["assigned"].items()}
        clusterer._copies = {str(k): str(v) for k, v in state["copies"].items()}
        clusterer._members = {str(k): MemberRecord.from_state(v) for k, v in state.get("members", {}).items()}
        if state["version"] == 1:  # copies pointed at stories: point them at an article of it
            first_of: dict[str, str] = {}
            for aid, sid in clusterer._assigned.items():
                first_of.setdefault(sid, aid)
            clusterer._copies = {fp: first_of[sid] for fp, sid in clusterer._copies.items() if sid in first_of}
        return clusterer
