"""How the pipeline's worker processes start, and what each of them runs first.

Annotation and dossier workers are forked from one server process (``worker_context``) that has
imported both stages, loaded the spaCy pipeline and built the place table once; a worker then starts
in milliseconds. Spawned workers each paid ~2.5 s for the same, on every core at once.

``concurrent.futures`` workers wait for work on a pipe whose write end each of them also holds, so
they never see the parent go: after ``kill -9`` of a run, its annotation workers (a spaCy model
each) and its dossier workers (with their fork server, which they keep alive) stayed forever.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing import forkserver
from multiprocessing.connection import wait

from newsweave.annotate.nlp import MODEL_ENV

__all__ = ["exit_with_parent", "worker_context"]

# What the workers' fork server imports before it forks any: the annotation stages with the default
# spaCy pipeline loaded, then the dossier stage with its place table.
_PRELOAD = ["newsweave.annotate.preload", "newsweave.dossier.preload"]


def worker_context(model: str | None = None) -> multiprocessing.context.BaseContext:
    """How the pipeline's workers start; the first call starts their fork server and returns at once.

    Where the platform has it, workers are forked from one server process that loads what both
    stages' workers need (``_PRELOAD``) in the background, while this process goes on; forking then
    waits until the server is ready. Elsewhere, or when the server cannot start, workers are spawned
    and each loads its own.

    Args:
        model: the spaCy pipeline a server started by this call preloads (default: the configured
            one, ``$NEWSWEAVE_SPACY_MODEL`` or en_core_web_sm); workers of another model load theirs.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Only these modules: the default would also re-import the main module (the whole CLI). Once the
    # server runs, the list no longer matters; workers then import what they lack.
    context.set_forkserver_preload(_PRELOAD)
    saved = os.environ.get(MODEL_ENV)
    if model:  # the server reads the environment it starts with, once
        os.environ[MODEL_ENV] = model
    try:
        forkserver.ensure_running()
    except OSError:  # no server where Unix sockets or pipes are refused: workers spawn and load their own
        return multiprocessing.get_context("spawn")
    finally:
        if saved is None:
            os.environ.pop(MODEL_ENV, None)
        else:
            os.environ[MODEL_ENV] = saved
    return context


def exit_with_parent() -> None:
    """Make this worker process exit as soon as the process that started it is gone.

    A daemon thread waits on the parent's sentinel (a pipe the parent holds open while it lives) and
    ends the process at once when it closes. Work in progress is lost, never half-written: the
    store's writes are transactions, and the next run redoes what the killed one left pending.
    """
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
