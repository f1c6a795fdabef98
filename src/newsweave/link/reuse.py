"""Copied passages: text that one article shares with another, verbatim or lightly edited.

Two steps, never comparing all pairs of articles:

1. **Candidates.** Every article is cut into word 5-gram shingles, hashed to 64 bits. A compact
   index (sorted numpy arrays of shingle hash -> article number, merged in log-structured runs)
   answers "which earlier articles share shingles with this one" in one vectorized lookup.
2. **Alignment.** For each candidate pair the shared shingles are the seeds; seeds that follow each
   other on both sides (allowing a few edited, inserted or dropped words) are chained into maximal
   passages, trimmed to word boundaries (plus identical punctuation at the edges) and scored with
   ``rapidfuzz``'s normalized edit similarity.

Repeats inside one article (a paragraph printed twice) are found the same way against the
article itself. Texts are not kept in the index state: alignment asks a ``get_text`` callback for
the earlier article's text (by default the index remembers texts added in this process only).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from newsweave.annotate.quote_marks import QuotedRegion, find_quoted_regions
from newsweave.errors import NotFoundError, StoreError
from newsweave.model import Cite, Reuse

__all__ = ["ReuseIndex", "find_reuse"]

# Word 5-grams: a 50-character passage (the default minimum, ~8 words) still yields ~4 shingles,
# while 5 words are rare enough that chance matches between unrelated news texts are few (on
# ECB+ dev, unrelated topics share almost no 5-grams except boilerplate).
SHINGLE_WORDS = 5
# A passage of fewer words is a phrase two outlets may write alike, not copied text: "collapse of a 21-storey building
# under construction" (7 words), "Naturatins, the Tocantins state environmental agency," (6; made-up building and
# bridge collapse stories). The seeds' shortest copied passage has 12 words; ECB+ dev's copied pairs are longer.
MIN_PASSAGE_WORDS = 9
# A pair becomes a candidate when it shares this many distinct shingles: 2 keeps every verbatim
# passage of >= 6 words (shorter ones fail MIN_PASSAGE_WORDS anyway) and drops single chance collisions.
MIN_SHARED_SHINGLES = 2
# Chaining: two seeds belong to one passage when the next seed starts at most this many word
# positions after the previous one on both sides. One substituted word breaks SHINGLE_WORDS
# consecutive shingles, so SHINGLE_WORDS + 3 bridges up to ~3 edited words in a row.
MAX_SEED_GAP = SHINGLE_WORDS + 3
# ... and the two sides may drift by at most this many words (inserted or dropped words).
MAX_DRIFT = 3
# Shingles found in more earlier articles than this are boilerplate ("contributed to this
# report"): they never create candidates alone, which bounds the work per article.
MAX_POSTINGS = 200
# Positions kept per shingle hash inside one text when aligning (bounds seeds on repetitive text).
MAX_POSITIONS = 8
# Recent articles' shingles wait in a hash table (cheap to add to and to look up) and are merged
# into the main sorted run when they pass this many entries (or a quarter of the main run):
# amortized O(log n) merges. Re-sorting the pending run on every article instead made each add
# cost O(pending): 83 ms per article at 1,000 Reuters articles.
PENDING_MERGE = 1 << 16
# Articles whose split words an index keeps (about 10 KB each): a story, or the recent wire copies
# a new article is most often aligned with. Older ones are split again when needed.
RECENT_WORDS = 256

# A passage this much inside quotation marks in both articles is the quoted speaker's, not copied text (a made-up
# stadium story listed four outlets' identical quotes of the police spokeswoman as copies).
QUOTED_SHARE = 0.8
_WORD = re.compile(r"\w+")
_EDGE_PUNCT = frozenset(".,;:!?\"'’”“)(»«-")
_U64 = np.uint64
_MULT = _U64(0x100000001B3)
_HashArray = npt.NDArray[np.uint64]
_IdArray = npt.NDArray[np.uint32]


@dataclass(slots=True)
class _Words:
    """A text's words: the shingle hash starting at each word; their character offsets and where
    each shingle occurs are computed on first use (most texts of a story are never aligned)."""

    text: str
    shingles: _HashArray  # shingles[i] hashes words i .. i+SHINGLE_WORDS-1
    spans: list[tuple[int, int]] | None = None  # (start, end) of each word, built on first use
    table: dict[int, list[int]] | None = None  # shingle hash -> positions, built on first use
    quotations: list[QuotedRegion] | None = None  # the text's quotations, found on first use

    def offsets(self) -> list[tuple[int, int]]:
        """Each word's (start, end) character offsets, computed once per text."""
        if self.spans is None:
            self.spans = [m.span() for m in _WORD.finditer(self.text)]
        return self.spans

    def quoted(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies QUOTED_SHARE or more inside the text's quotation marks."""
        if self.quotations is None:
            self.quotations = find_quoted_regions(self.text)
        inside = sum(max(0, min(end, r.end) - max(start, r.start)) for r in self.quotations)
        return inside >= QUOTED_SHARE * (end - start)

    def positions(self) -> dict[int, list[int]]:
        """Where each shingle hash occurs (at most MAX_POSITIONS places), computed once per text."""
        if self.table is None:
            self.table = _positions(self.shingles)
        return self.table


@lru_cache(maxsize=1 << 16)  # news reuses its words: most lookups hit
def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def _words(text: str) -> _Words:
    """Split ``text`` into words and hash every window of SHINGLE_WORDS lowercased words."""
    words = _WORD.findall(text)
    n = len(words) - SHINGLE_WORDS + 1
    if n <= 0:
        return _Words(text, np.zeros(0, dtype=_U64))
    tokens = np.fromiter(map(_token_hash, map(str.lower, words)), dtype=_U64, count=len(words))
    acc = np.zeros(n, dtype=_U64)
    for j in range(SHINGLE_WORDS):  # polynomial rolling hash, wrapping mod 2**64
        acc = acc * _MULT + tokens[j : j + n]
    return _Words(text, acc)


def _positions(shingles: _HashArray) -> dict[int, list[int]]:
    table: dict[int, list[int]] = {}
    for pos, h in enumerate(shingles.tolist()):
        lst = table.setdefault(h, [])
        if len(lst) < MAX_POSITIONS:
            lst.append(pos)
    return table


def _seeds(a: _Words, b: _Words, same: bool) -> list[tuple[int, int]]:
    """Shingle positions (in a, in b) with equal hashes, sorted by b then a."""
    table = a.positions()
    seeds = []
    for pb, h in enumerate(b.shingles.tolist()):
        for pa in table.get(h, ()):
            if not same or pa < pb:
                seeds.append((pa, pb))
    return seeds


def _chains(seeds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Greedily chain seeds that advance together on both sides (small gaps and drift allowed)."""
    chains: list[list[tuple[int, int]]] = []
    active: list[list[tuple[int, int]]] = []
    for pa, pb in seeds:
        active = [c for c in active if pb - c[-1][1] <= MAX_SEED_GAP]
        best: list[tuple[int, int]] | None = None
        best_cost = 0
        for chain in active:
            la, lb = chain[-1]
            da, db = pa - la, pb - lb
            if 0 < da <= MAX_SEED_GAP and 0 < db <= MAX_SEED_GAP and abs(da - db) <= MAX_DRIFT:
                cost = abs(da - db) * 4 + da + db
                if best is None or cost < best_cost:
                    best, best_cost = chain, cost
        if best is None:
            best = []
            chains.append(best)
            active.append(best)
        best.append((pa, pb))
    return chains


def _widen(text_a: str, sa: int, ea: int, text_b: str, sb: int, eb: int) -> tuple[int, int, int, int]:
    """Take in punctuation that is identical on both sides right before or after the passage."""
    while sa > 0 and sb > 0 and text_a[sa - 1] == text_b[sb - 1] and text_a[sa - 1] in _EDGE_PUNCT:
        sa, sb = sa - 1, sb - 1
    while (ea < len(text_a) and eb < len(text_b) and text_a[ea] == text_b[eb]
           and text_a[ea] in _EDGE_PUNCT):
        ea, eb = ea + 1, eb + 1
    return sa, ea, sb, eb


# A shared stretch in which at least half the words are capitalized is an institution's or a
# person's name with its articles ("of the Collective Security Treaty Organization (CSTO)", 53
# characters), not a copied passage: on the seed story every such match was a name, while each
# copied sentence (001/004, 000/003) stays well under this share.
NAME_PHRASE_CAPITALIZED = 0.5


def _is_name_phrase(passage: str) -> bool:
    words = passage.split()
    capitalized = sum(1 for w in words if w.lstrip("(\"'“‘[").istitle() or w.strip("()[],.").isupper())
    return capitalized >= NAME_PHRASE_CAPITALIZED * len(words)


def align(id_a: str, text_a: str, id_b: str, text_b: str, min_chars: int = 50,
          words_a: _Words | None = None, words_b: _Words | None = None) -> list[Reuse]:
    """Every passage of at least ``min_chars`` characters that ``text_a`` shares with ``text_b``.

    Args:
        id_a: id of the first (earlier) article; ``a`` of each result cites it.
        text_a: its text.
        id_b: id of the second article; equal to ``id_a`` to find repeats inside one text.
        text_b: its text.
        min_chars: shortest passage reported (on both sides).
        words_a: ``_words(text_a)`` when the caller has it already.
        words_b: ``_words(text_b)`` likewise.

    Returns:
        One ``Reuse`` per maximal passage, ordered by position in ``text_b``.
    """
    same = id_a == id_b
    wa = words_a if words_a is not None else _words(text_a)
    wb = wa if same else (words_b if words_b is not None else _words(text_b))
    found: list[Reuse] = []
    for chain in _chains(_seeds(wa, wb, same)):
        (fa, fb), (la, lb) = chain[0], chain[-1]
        last = SHINGLE_WORDS - 1
        spans_a, spans_b = wa.offsets(), wb.offsets()
        sa, ea, sb, eb = _widen(text_a, spans_a[fa][0], spans_a[la + last][1],
                                text_b, spans_b[fb][0], spans_b[lb + last][1])
        if min(ea - sa, eb - sb) < min_chars or (same and ea > sb) or _is_name_phrase(text_a[sa:ea]) \
                or la + SHINGLE_WORDS - fa < MIN_PASSAGE_WORDS:
            continue
        if not same and wa.quoted(sa, ea) and wb.quoted(sb, eb):
            continue  # one speaker's words, quoted alike by two outlets: no copy of the other's text
        sim = fuzz.ratio(text_a[sa:ea], text_b[sb:eb]) / 100.0
        found.append(Reuse(Cite(id_a, sa, ea), Cite(id_b, sb, eb), sim))
    found.sort(key=lambda r: (r.b.start, r.a.start))
    return found


def _merge(h1: _HashArray, o1: _IdArray, h2: _HashArray, o2: _IdArray) -> tuple[_HashArray, _IdArray]:
    hashes = np.concatenate([h1, h2])
    owners = np.concatenate([o1, o2])
    order = np.lexsort((owners, hashes))
    return hashes[order], owners[order]


def _encode(array: npt.NDArray[Any]) -> str:
    return base64.b64encode(array.astype(array.dtype.newbyteorder("<")).tobytes()).decode()


def _decode(data: str, dtype: type[np.generic]) -> npt.NDArray[Any]:
    return np.frombuffer(base64.b64decode(data), dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype)


class ReuseIndex:
    """An incremental index of shingles that finds copied passages as articles arrive.

    Memory: 12 bytes per distinct shingle per article (64-bit hash + 32-bit article number), e.g.
    about 60 MB for 20,000 articles of 250 words; texts are not kept in the state.
    """

    def __init__(self, min_chars: int = 50, get_text: Callable[[str], str] | None = None) -> None:
        """Args:
        min_chars: shortest passage reported, in characters (on both sides).
        get_text: returns an earlier article's text by id; without it the index remembers the
            texts added in this process (not part of the state).
        """
        self.min_chars = min_chars
        self.get_text = get_text
        self._ids: list[str] = []
        self._number: dict[str, int] = {}
        self._texts: dict[str, str] = {}
        # the word offsets and shingles of the last articles added, so that aligning a new article
        # with a recent one (a story's articles, a wire copy) does not split the older text again
        self._recent_words: OrderedDict[str, _Words] = OrderedDict()
        empty_h, empty_o = np.zeros(0, dtype=_U64), np.zeros(0, dtype=np.uint32)
        self._main: tuple[_HashArray, _IdArray] = (empty_h, empty_o)
        self._pending: dict[int, list[int]] = {}  # shingle hash -> article numbers, not yet merged
        self._pending_size = 0

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._number

    def add(self, article_id: str, text: str) -> list[Reuse]:
        """Index one article and return the passages it shares with earlier ones.

        Args:
            article_id: the article's id; adding an id already indexed is a no-op.
            text: the article's text (offsets of the results index it).

        Returns:
            Passages shared with articles added before (``a`` = the earlier one, ``b`` = this one),
            then this article's internal repeats (``a`` = first copy), each at most once.

        Raises:
            NotFoundError: a candidate's text is unavailable (give the index a ``get_text``).
        """
        if article_id in self._number:
            return []
        words = _words(text)
        found: list[Reuse] = []
        for other in self._candidates(words.shingles):
            other_id = self._ids[other]
            found.extend(align(other_id, self._text(other_id), article_id, text, self.min_chars,
                               words_a=self._recent_words.get(other_id), words_b=words))
        found.extend(align(article_id, text, article_id, text, self.min_chars, words_a=words, words_b=words))
        self._insert(article_id, text, words.shingles)
        self._recent_words[article_id] = words
        if len(self._recent_words) > RECENT_WORDS:
            self._recent_words.popitem(last=False)
        return found

    def _text(self, article_id: str) -> str:
        if self.get_text is not None:
            return self.get_text(article_id)
        if article_id not in self._texts:
            raise NotFoundError(
                f"ReuseIndex needs the text of earlier article {article_id!r} to align a copied "
                "passage: pass get_text= (a lookup in the store) when restoring the index")
        return self._texts[article_id]

    def _candidates(self, shingles: _HashArray) -> list[int]:
        query = np.unique(shingles)
        if query.size == 0 or not self._ids:
            return []
        hashes, owners = self._main
        left = np.searchsorted(hashes, query, side="left")
        right = np.searchsorted(hashes, query, side="right")
        recent = [self._pending.get(h, []) for h in query.tolist()]
        total = (right - left) + np.fromiter((len(r) for r in recent), dtype=np.int64, count=len(recent))
        keep = np.flatnonzero((total > 0) & (total <= MAX_POSTINGS))
        hits = [owners[left[i] : right[i]] for i in keep.tolist() if right[i] > left[i]]
        hits += [np.asarray(recent[i], dtype=np.uint32) for i in keep.tolist() if recent[i]]
        if not hits:
            return []
        numbers, counts = np.unique(np.concatenate(hits), return_counts=True)
        return [int(n) for n in numbers[counts >= MIN_SHARED_SHINGLES]]

    def _insert(self, article_id: str, text: str, shingles: _HashArray) -> None:
        number = len(self._ids)
        self._ids.append(article_id)
        self._number[article_id] = number
        if self.get_text is None:
            self._texts[article_id] = text
        for h in np.unique(shingles).tolist():
            self._pending.setdefault(h, []).append(number)
            self._pending_size += 1
        if self._pending_size > max(PENDING_MERGE, self._main[0].size // 4):
            self._main = _merge(*self._main, *self._pending_arrays())
            self._pending, self._pending_size = {}, 0

    def _pending_arrays(self) -> tuple[_HashArray, _IdArray]:
        hashes = np.fromiter((h for h, owners in self._pending.items() for _ in owners), dtype=_U64,
                             count=self._pending_size)
        owners = np.fromiter((o for lst in self._pending.values() for o in lst), dtype=np.uint32,
                             count=self._pending_size)
        return hashes, owners

    def to_state(self) -> dict[str, Any]:
        """A JSON-serializable snapshot (ids and shingle hashes, no texts)."""
        hashes, owners = _merge(*self._main, *self._pending_arrays())
        return {"version": 1, "min_chars": self.min_chars, "shingle_words": SHINGLE_WORDS,
                "ids": list(self._ids), "hashes": _encode(hashes), "owners": _encode(owners)}

    @classmethod
    def from_state(cls, state: dict[str, Any],
                   get_text: Callable[[str], str] | None = None) -> ReuseIndex:
        """Rebuild an index from ``to_state`` output.

        Args:
            state: the snapshot.
            get_text: how to read earlier articles' texts (required to align against them).

        Returns:
            An index that continues exactly where the snapshot left off.
        """
        if state.get("shingle_words") != SHINGLE_WORDS:
            raise StoreError(f"ReuseIndex state was built with {state.get('shingle_words')}-word "
                             f"shingles, this version uses {SHINGLE_WORDS}: rebuild the index")
        index = cls(int(state["min_chars"]), get_text)
        index._ids = [str(i) for i in state["ids"]]
        index._number = {a: n for n, a in enumerate(index._ids)}
        index._main = (_decode(state["hashes"], np.uint64), _decode(state["owners"], np.uint32))
        return index


def find_reuse(articles: Sequence[tuple[str, str]], min_chars: int = 50) -> list[Reuse]:
    """Every copied or repeated passage among ``articles`` (what a ``ReuseIndex`` would find).

    Args:
        articles: ``(article_id, text)`` pairs, earliest published first (``a`` of each result is
            the earlier article of the pair).
        min_chars: shortest passage reported.

    Returns:
        All passages, in the order the articles were given.
    """
    if len(articles) > MAX_POSTINGS:  # the index's posting cap then decides what is a candidate
        index = ReuseIndex(min_chars)
        return [reuse for article_id, text in articles for reuse in index.add(article_id, text)]
    # A story's few articles: each earlier one sharing MIN_SHARED_SHINGLES distinct shingles is a
    # candidate, as in the index, without building one (most stories have one article).
    found: list[Reuse] = []
    earlier: dict[str, tuple[str, _Words, set[int]]] = {}
    for article_id, text in articles:
        if article_id in earlier:
            continue
        words = _words(text)
        shingles = set(words.shingles.tolist())
        for other_id, (other_text, other_words, other_shingles) in earlier.items():
            if len(shingles & other_shingles) >= MIN_SHARED_SHINGLES:
                found.extend(align(other_id, other_text, article_id, text, min_chars,
                                   words_a=other_words, words_b=words))
        if len(shingles) < words.shingles.size:  # some shingle occurs twice: a passage may repeat
            found.extend(align(article_id, text, article_id, text, min_chars, words_a=words, words_b=words))
        earlier[article_id] = (text, words, shingles)
    return found
