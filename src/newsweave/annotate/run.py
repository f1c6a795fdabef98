"""Running the per-article stages over one article or many, in one process or several."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsweave.annotate.actor_mentions import add_missed_names
from newsweave.annotate.figures import extract_figures
from newsweave.annotate.nlp import load_pipeline, mentions_of, model_name_from_env, pipeline_info, sentences_of
from newsweave.annotate.quotes import extract_quotes
from newsweave.annotate.timexes import extract_timexes
from newsweave.model import Annotations, Article
from newsweave.worker_pools import exit_with_parent, worker_context

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Bumped whenever a stage's output changes, so stored annotations are recomputed on the next run.
ANNOTATOR_VERSION = "31"


def annotate_doc(article: Article, doc: Doc) -> Annotations:
    """Run every per-article stage on one article whose text ``doc`` holds.

    Args:
        article: the article; ``published`` anchors relative dates.
        doc: the spaCy Doc of ``article.text``.

    Returns:
        The article's annotations, every span indexing ``article.text``.
    """
    sentences = sentences_of(doc)
    mentions = mentions_of(doc)
    quotes = tuple(extract_quotes(doc, mentions))  # speakers from the NER mentions alone
    return Annotations(
        article_id=article.id,
        sentences=sentences,
        mentions=tuple(add_missed_names(doc, list(mentions))),
        quotes=quotes,
        timexes=tuple(extract_timexes(article.text, article.published, sentences)),
        figures=tuple(extract_figures(doc, article.title)),
    )


@dataclass(frozen=True, slots=True)
class AnnotationFailure:
    """One article a stage could not annotate; the run reports it and goes on."""

    article_id: str
    reason: str


# spaCy batch size inside one process: 16 was as fast as 64 on the Reuters sample and keeps memory low.
_PIPE_BATCH = 16


# Longest the rule-based stages may spend on one article after parsing. The slowest Reuters and
# BBC articles take well under a second; a minute only ever means a bug (an endless loop), which is
# then reported as that article's failure instead of stalling the run.
ARTICLE_SECONDS = 60


class _ArticleTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Raise ``_ArticleTimeout`` after ``seconds`` (main thread only; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _annotate_batch(nlp: Language, articles: Sequence[Article]) -> list[Annotations | AnnotationFailure]:
    out: list[Annotations | AnnotationFailure] = []
    docs = nlp.pipe((a.text for a in articles), batch_size=_PIPE_BATCH)
    for article, doc in zip(articles, docs, strict=True):
        try:
            with _time_limit(ARTICLE_SECONDS):
                out.append(annotate_doc(article, doc))
        except _ArticleTimeout:
            out.append(AnnotationFailure(article.id, f"annotation took over {ARTICLE_SECONDS} s and was "
                                                     "stopped; please report this article as a bug"))
        except Exception as exc:  # one article's failure must not stop the batch
            out.append(AnnotationFailure(article.id, f"annotation failed: {type(exc).__name__}: {exc}"))
    return out


_WORKER_NLP: dict[str, Any] = {}  # one pipeline per worker process, set by the pool initializer
_PRELOADED: dict[str, Language] = {}  # the fork server's pipeline, by model name, that workers inherit


def preload_pipeline() -> None:
    """Load the default pipeline in this process (the workers' fork server) for every worker it forks.

    A pipeline that fails to load is left out: each worker then loads its own, and the run reports
    the error from there.
    """
    name = model_name_from_env(None)
    try:
        _PRELOADED[name] = load_pipeline(name)
    except Exception:  # the workers load it again and report why it fails
        _PRELOADED.clear()


def _init_worker(model: str) -> None:
    exit_with_parent()
    _WORKER_NLP["nlp"] = _PRELOADED.get(model) or load_pipeline(model)


def _worker_batch(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    results = _annotate_batch(_WORKER_NLP["nlp"], [Article.from_dict(a) for a in articles])
    return [
        {"failure": r.article_id, "reason": r.reason} if isinstance(r, AnnotationFailure) else r.to_dict()
        for r in results
    ]


class Annotator:
    """Annotates articles with one loaded spaCy pipeline, or a pool of worker processes.

    Args:
        model: spaCy pipeline name or path (None: ``$NEWSWEAVE_SPACY_MODEL`` or the default).
        workers: processes to use; 1 runs in this process.
    """

    def __init__(self, model: str | None = None, workers: int = 1) -> None:
        self.model = model_name_from_env(model)
        self.workers = max(1, workers)
        self._nlp: Language | None = None  # loaded on first use in this process
        info = pipeline_info(self.model)
        self.version = f"{ANNOTATOR_VERSION}/{info.name}-{info.version}"

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline of this process, loaded on first use (workers load their own)."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def annotate(self, articles: Iterable[Article], chunk: int = 32, workers: int | None = None
                 ) -> Iterator[list[Annotations | AnnotationFailure]]:
        """Annotate ``articles``; yields one list of results per chunk, in input order.

        Args:
            articles: the articles to annotate.
            chunk: articles per batch handed to one process.
            workers: processes for this call (default: the annotator's ``workers``).
        """
        workers = self.workers if workers is None else max(1, workers)
        batches = _chunks(articles, chunk)
        if workers == 1:
            for batch in batches:
                yield _annotate_batch(self.nlp, batch)
            return
        with ProcessPoolExecutor(workers, mp_context=worker_context(self.model), initializer=_init_worker,
                                 initargs=(self.model,)) as pool:
            pending: list[tuple[list[Article], Future[list[dict[str, Any]]]]] = []
            for batch in batches:
                pending.append((batch, pool.submit(_worker_batch, [a.to_dict() for a in batch])))
                # Keep a bounded number of batches in flight so memory stays flat on big inputs.
                while len(pending) >= 2 * workers:
                    yield _collect(*pending.pop(0))
            while pending:
                yield _collect(*pending.pop(0))


def _collect(batch: list[Article], future: Future[list[dict[str, Any]]]
             ) -> list[Annotations | AnnotationFailure]:
    texts = {a.id: a.text for a in batch}
    out: list[Annotations | AnnotationFailure] = []
    for d in future.result():
        if "failure" in d:
            out.append(AnnotationFailure(d["failure"], d["reason"]))
        else:
            out.append(Annotations.from_dict(d, texts[d["article_id"]]))
    return out


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
