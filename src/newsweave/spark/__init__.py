"""The newsweave pipeline on Apache Spark (``pip install 'newsweave[spark]'``).

The same stages as the local engine, run by PySpark: JSONL or Parquet in; Parquet and the export
JSONL contract out, loadable into the SQLite or PostgreSQL store. See ``docs/spark.md``.

- ``run_spark(paths, db, master)``  what ``newsweave run --engine spark`` calls: the job, then the store
- ``run_job(spark, inputs, out)``   the job alone (``spark-submit .../newsweave/spark/submit.py``)
- ``load_into_store(out, store)``   a job's output into a store

Importing this package does not import PySpark; the functions that need it raise
``MissingExtraError`` with the install command when it is missing.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from newsweave.pipeline import RunReport
from newsweave.spark.job import SparkReport, SparkRunConfig, run_job
from newsweave.spark.load import load_into_store, require_empty
from newsweave.spark.session import java_available, owned_session, require_pyspark, spark_session
from newsweave.store import Store, open_store

__all__ = ["DEFAULT_MASTER", "SparkReport", "SparkRunConfig", "java_available", "load_into_store",
           "owned_session", "require_pyspark", "run_job", "run_spark", "spark_session"]

# The master `newsweave run --engine spark` uses when none is given: every core of this machine.
DEFAULT_MASTER = "local[*]"


def run_spark(paths: Iterable[str | Path], db: str | Path | Store, master: str | None = DEFAULT_MASTER,
              out: str | Path | None = None, config: SparkRunConfig | None = None,
              spark_conf: Mapping[str, str] | None = None) -> RunReport:
    """Run the pipeline on Spark and load the result into the store ``db``.

    Args:
        paths: JSONL and Parquet inputs (files, folders, globs; local or cluster paths).
        db: a SQLite path, a ``sqlite:///`` or ``postgresql://`` URL, or an open store; it must hold
            no articles yet.
        master: the Spark master (``local[2]``, ``yarn``, ``k8s://...``, ``spark://...``); None
            joins the session ``spark-submit`` or the platform started.
        out: where the job writes its Parquet and JSONL output (kept); None uses a temporary
            folder removed afterwards. Must be a local folder, since the store is loaded from it.
        config: model, clustering constants, partitions (None: the defaults).
        spark_conf: further Spark settings.

    Returns:
        The run's counts, skipped inputs and timings, as ``newsweave run`` prints them.

    Raises:
        MissingExtraError: PySpark is not installed.
        StoreError: the store already holds articles.
    """
    require_pyspark()
    with tempfile.TemporaryDirectory(prefix="newsweave-spark-") as tmp:
        target = Path(out) if out is not None else Path(tmp) / "out"
        store = db if isinstance(db, Store) else open_store(db)
        try:
            require_empty(store)  # fail before the (long) job, not after it
            with owned_session(master, spark_conf) as spark:
                report = run_job(spark, [str(p) for p in paths], str(target.resolve()), config or SparkRunConfig())
            started = time.perf_counter()
            load_into_store(target, store)
            report.timings["load store"] = time.perf_counter() - started
            return report.to_run_report()
        finally:
            if not isinstance(db, Store):
                store.close()
