"""What every worker process of the pipeline's process pools runs first.

``concurrent.futures`` workers wait for work on a pipe whose write end each of them also holds, so
they never see the parent go: after ``kill -9`` of a run, its annotation workers (a spaCy model
each) and its dossier workers (with their fork server, which they keep alive) stayed forever.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.connection import wait

__all__ = ["exit_with_parent"]


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
