"""An extractive summary of a story whose every sentence cites the spans that support it.

Method: the story's sentences are weighed by TF-IDF (fit on the story itself), scored by how central
they are (cosine to the story centroid) and how many *other* articles say the same thing, then picked
greedily with maximal marginal relevance so the summary does not repeat itself. A picked sentence
cites itself and every sentence of another article that says nearly the same (cosine >= SUPPORT_SIM).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsweave.dossier.numbers import counts
from newsweave.dossier.timeline import EDITORS_NOTE
from newsweave.link.words import words
from newsweave.model import Annotations, Article, Cite, CitedText, Reuse, Span


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """Tuned constants of the summarizer."""

    # Sentences in the summary; five reads in under a minute and covered the seed story's main events.
    max_sentences: int = 5
    # Candidate sentences shorter than this many words are headings or fragments ("Shoot to kill").
    min_words: int = 8
    # Longer ones are run-ons that make poor summary lines.
    max_words: int = 60
    # Two sentences of different articles at cosine >= 0.5 (TF-IDF, story-fit) restate the same fact:
    # checked by eye on the seed story and on BBC stories, where 0.4 paired unrelated sentences that
    # share names and 0.6 missed translated copies.
    support_sim: float = 0.5
    # MMR trade-off between relevance and novelty; 0.7 is the usual value (Carbonell & Goldstein 1998).
    mmr_lambda: float = 0.7
    # Weight of cross-article support relative to centrality.
    support_weight: float = 0.15
    # Most candidate sentences weighed (lead sentences of every article first): bounds the
    # pair-similarity matrix (1,500 squared doubles = 18 MB) on stories of thousands of articles.
    max_candidates: int = 1500


_QUOTE_ONLY = re.compile(r'^\W*["“”«]')


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: Article
    span: Span
    index: int  # sentence position in its article


def _candidates(items: Sequence[tuple[Article, Annotations]], config: SummaryConfig) -> list[_Candidate]:
    out = []
    for article, ann in items:
        for i, sent in enumerate(ann.sentences):
            n_words = len(sent.text.split())
            if not config.min_words <= n_words <= config.max_words:
                continue
            if _QUOTE_ONLY.match(sent.text) or sent.text.rstrip()[-1:] not in ".!?\"”" \
                    or EDITORS_NOTE.match(sent.text):
                continue  # a quotation alone, a headline, an editor's note ("Correction: ...")
            out.append(_Candidate(article, sent, i))
    return out


def summarize(items: Sequence[tuple[Article, Annotations]],
              config: SummaryConfig = SummaryConfig(), copies: Sequence[Reuse] = ()) -> tuple[CitedText, ...]:
    """Pick the story's most central, best supported, non-redundant sentences.

    Args:
        items: the story's articles with their annotations (``sentences`` filled).
        config: tuned constants.
        copies: the story's copied passages: a sentence and its copy in another article are one source, not two
            that support each other, and the copy is not cited (a local paper reprinting the wire had put two
            copied paragraphs in the summary of a made-up oil spill story, each cited twice).

    Returns:
        Up to ``config.max_sentences`` sentences, in story order (publication date, then position),
        each citing its own span and the spans of other articles that say nearly the same.
    """
    candidates = _capped(_candidates(items, config), config.max_candidates)
    if not candidates:
        return ()
    texts = [c.span.text for c in candidates]
    vectors = _tfidf(texts)
    if vectors is None:  # only stop words: nothing to weigh
        return ()
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = vectors @ (centroid / norm) if norm else np.zeros(len(texts))
    pair_sim = (vectors @ vectors.T).toarray()
    articles = [c.article.id for c in candidates]
    supporters: list[set[str]] = [set() for _ in candidates]  # the other articles saying the same
    for i, j in zip(*np.nonzero(pair_sim >= config.support_sim), strict=True):
        if articles[j] != articles[i] and not _copy_of(candidates[i], candidates[j], copies):
            supporters[i].add(articles[j])
    support = np.array([len(s) for s in supporters])
    # Lead sentences carry the news: a small bonus that fades over the first five sentences.
    lead = np.array([max(0.0, 0.05 * (5 - c.index)) for c in candidates])
    relevance = centrality + config.support_weight * support + lead
    chosen = _mmr(relevance, pair_sim, config)
    return tuple(_cited(candidates, pair_sim, i, config, copies) for i in _story_order(candidates, chosen))


def _copy_of(x: _Candidate, y: _Candidate, copies: Sequence[Reuse]) -> bool:
    """Whether two sentences lie on the two sides of one copied passage."""
    def inside(c: _Candidate, cite: Cite) -> bool:
        return c.article.id == cite.article and c.span.start < cite.end and cite.start < c.span.end

    return any((inside(x, r.a) and inside(y, r.b)) or (inside(x, r.b) and inside(y, r.a)) for r in copies)


def _mmr(relevance: np.ndarray, pair_sim: np.ndarray, config: SummaryConfig) -> list[int]:
    """Up to ``config.max_sentences`` sentences picked greedily by maximal marginal relevance: the
    best score first (the earliest on a tie), never one at ``support_sim`` or more to a picked one."""
    chosen: list[int] = []
    available = np.ones(len(relevance), dtype=bool)
    while len(chosen) < min(config.max_sentences, len(relevance)):
        # each sentence's highest similarity to a picked one
        redundancy = pair_sim[:, chosen].max(axis=1) if chosen else np.zeros(len(relevance))
        score = config.mmr_lambda * relevance - (1 - config.mmr_lambda) * redundancy
        eligible = available & ~(redundancy >= config.support_sim) & (score > -np.inf)
        if not eligible.any():
            break
        best = int(np.argmax(np.where(eligible, score, -np.inf)))
        chosen.append(best)
        available[best] = False
    return chosen


def _tfidf(texts: Sequence[str]) -> sparse.csr_matrix | None:
    """Rows of L2-normalized TF-IDF (sublinear tf, smoothed idf) fit on ``texts``; None when no
    text has a word that is not a stop word. The weights of ``TfidfVectorizer(stop_words="english",
    sublinear_tf=True)``: scikit-learn's analyzer (``link.words``), and its ``TfidfTransformer``
    formula applied here (tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1, rows of unit length;
    equal to the transformer's output, tested): fitting scikit-learn objects per story took half the summary's
    time on small stories."""
    counts = [Counter(words(t)) for t in texts]
    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*counts)))}
    if not vocabulary:
        return None
    rows = [r for r, c in enumerate(counts) for _ in c]
    cols = [vocabulary[w] for c in counts for w in c]
    data = [n for c in counts for n in c.values()]
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), len(vocabulary)), dtype=np.float64)
    df = np.bincount(matrix.indices, minlength=len(vocabulary))
    idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
    matrix.data = (1.0 + np.log(matrix.data)) * idf[matrix.indices]
    norms = np.sqrt(np.bincount(np.repeat(np.arange(len(texts)), np.diff(matrix.indptr)),
                                weights=matrix.data ** 2, minlength=len(texts)))
    matrix.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(matrix.indptr))
    return matrix


def _capped(candidates: list[_Candidate], limit: int) -> list[_Candidate]:
    """At most ``limit`` candidates, lead sentences of every article first (a story of thousands of
    articles would otherwise make a pair-similarity matrix of millions of cells)."""
    if len(candidates) <= limit:
        return candidates
    keep = set(sorted(range(len(candidates)), key=lambda i: (candidates[i].index, i))[:limit])
    return [c for i, c in enumerate(candidates) if i in keep]


def _story_order(candidates: list[_Candidate], chosen: list[int]) -> list[int]:
    def key(i: int) -> tuple[str, str, int]:
        c = candidates[i]
        published = c.article.published.isoformat() if c.article.published else "9999"
        return (published, c.article.id, c.index)

    return sorted(chosen, key=key)


def _cited(candidates: list[_Candidate], pair_sim: np.ndarray, i: int, config: SummaryConfig,
           copies: Sequence[Reuse] = ()) -> CitedText:
    own = candidates[i]
    cites = [Cite(own.article.id, own.span.start, own.span.end)]
    seen = {own.article.id}
    for j in np.argsort(-pair_sim[i]):
        other = candidates[int(j)]
        if pair_sim[i, j] < config.support_sim:
            break
        if other.article.id in seen or not _same_numbers(own.span.text, other.span.text) \
                or _copy_of(own, other, copies):
            continue
        seen.add(other.article.id)
        cites.append(Cite(other.article.id, other.span.start, other.span.end))
    return CitedText(own.span.text, tuple(cites))


def _same_numbers(a: str, b: str) -> bool:
    """Whether a sentence that supports another gives its numbers, none differently: one that shares
    the words but not the counts ("12 people were arrested and four officers were lightly injured" for "More
    than 40 people have been arrested ... and twelve police officers were injured", a made-up protest) is
    no support, nor one that gives none of them ("Athletes ... have blamed contaminated meat for positive
    tests" for "positive tests for the steroid went up by 30% in 2024", a made-up doping story)."""
    mine, theirs = counts(a), counts(b)
    return not mine or (bool(theirs) and (mine <= theirs or theirs <= mine))
