"""Background processing after an HTTP ingest: annotate, link and rebuild dossiers, one run at a time."""

from __future__ import annotations

import logging
import threading

from newsweave.pipeline import RunConfig, RunReport, update
from newsweave.store import Store

log = logging.getLogger("newsweave.web")


class Processor:
    """Runs the pipeline's update over the store in one background thread.

    ``kick()`` after a write: if a run is going, another one follows it (so articles stored during
    a run are processed too); otherwise one starts now. Runs never overlap.
    """

    def __init__(self, store: Store, config: RunConfig = RunConfig(workers=1, progress=False)) -> None:
        self._store = store
        self._config = config
        self._lock = threading.Lock()
        self._again = False
        self._thread: threading.Thread | None = None
        self.runs = 0
        self.last_error: str | None = None

    @property
    def busy(self) -> bool:
        """Whether a run is going or queued."""
        with self._lock:
            return self._thread is not None

    def kick(self) -> None:
        """Ask for a run; returns at once."""
        with self._lock:
            if self._thread is not None:
                self._again = True
                return
            self._thread = threading.Thread(target=self._loop, name="newsweave-update", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Block until no run is going or queued (for tests and orderly shutdown)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _loop(self) -> None:
        while True:
            try:
                update(self._store, RunReport(), self._config)
                self.runs += 1
                self.last_error = None
            except Exception as err:
                self.last_error = f"{type(err).__name__}: {err}"
                log.exception("background update failed")
            with self._lock:
                if not self._again:
                    self._thread = None
                    return
                self._again = False
