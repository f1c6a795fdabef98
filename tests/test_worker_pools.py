"""Worker processes start from a fork server that loaded the pipeline once, and end with the run
that started them, even when it is killed with SIGKILL."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import forkserver
from pathlib import Path

import pytest

from newsweave.annotate.nlp import model_name_from_env
from newsweave.annotate.run import _init_worker
from newsweave.worker_pools import worker_context

PARENT = """
import concurrent.futures, multiprocessing, os, sys, time
from newsweave.worker_pools import exit_with_parent

if __name__ == "__main__":
    context = multiprocessing.get_context(sys.argv[1])
    initializer = exit_with_parent if sys.argv[2] == "watch" else None
    pool = concurrent.futures.ProcessPoolExecutor(2, mp_context=context, initializer=initializer)
    pids = {pool.submit(os.getpid).result() for _ in range(8)}
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _workers_after_kill(context: str, mode: str) -> list[int]:
    """Start a pool in a child process, kill the child with SIGKILL; the pool's workers still alive 5 s later."""
    parent = subprocess.Popen([sys.executable, "-c", PARENT, context, mode], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    return left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("context", ["spawn", "forkserver"])
def test_workers_exit_when_their_parent_is_killed(context: str) -> None:
    assert _workers_after_kill(context, "watch") == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_without_the_watch_workers_outlive_a_killed_parent() -> None:
    # why exit_with_parent exists: concurrent.futures workers never notice the parent's death
    assert _workers_after_kill("spawn", "none") != []


needs_fork_server = pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                                       reason="no fork server on this platform")

# Run in a worker: the names of the spaCy pipelines its fork server loaded before forking it.
PRELOADED = "sorted(__import__('newsweave.annotate.run', fromlist=['run'])._PRELOADED)"


# Run in an annotation worker: whether its pipeline is the one its fork server loaded.
USES_PRELOADED = ("(lambda run: run._WORKER_NLP['nlp'] is next(iter(run._PRELOADED.values())))"
                  "(__import__('newsweave.annotate.run', fromlist=['run']))")


@needs_fork_server
def test_workers_inherit_the_fork_servers_pipeline() -> None:
    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        assert pool.submit(eval, PRELOADED).result() == [model_name_from_env(None)]
    # an annotation worker takes it rather than loading its own
    with ProcessPoolExecutor(1, mp_context=worker_context(), initializer=_init_worker,
                             initargs=(model_name_from_env(None),)) as pool:
        assert pool.submit(eval, USES_PRELOADED).result() is True


SERVE = f"""
import concurrent.futures, os, sys
from newsweave.worker_pools import worker_context

if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=worker_context(sys.argv[1])) as pool:
        print(pool.submit(os.getpid).result() != os.getpid(), pool.submit(eval, {PRELOADED!r}).result(),
              os.environ.get("NEWSWEAVE_SPACY_MODEL"))
"""


@needs_fork_server
def test_a_pipeline_the_fork_server_cannot_load_leaves_it_serving(tmp_path: Path) -> None:
    # The server preloads the run's model; one that fails to load must not take the server down: each
    # worker then loads it itself, and the failure is reported from there. The caller's environment
    # is left as it was.
    env = {k: v for k, v in os.environ.items() if k != "NEWSWEAVE_SPACY_MODEL"}
    out = subprocess.run([sys.executable, "-c", SERVE, str(tmp_path / "no_such_model")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["True", "[]", "None"], out.stderr


def test_workers_spawn_when_the_fork_server_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise PermissionError("socket refused")

    before = os.environ.get("NEWSWEAVE_SPACY_MODEL")
    monkeypatch.setattr(forkserver, "ensure_running", refuse)
    assert worker_context("any_model").get_start_method() == "spawn"
    assert os.environ.get("NEWSWEAVE_SPACY_MODEL") == before
