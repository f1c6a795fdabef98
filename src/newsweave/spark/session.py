"""Starting (or joining) a Spark session for newsweave, and checking that PySpark and Java are there."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.errors import MissingExtraError, NewsweaveError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["is_local_master", "java_available", "owned_session", "require_pyspark", "spark_session"]

# Settings every newsweave session gets. Arrow moves pandas batches between the JVM and the Python
# workers (mapInPandas, applyInPandas, createDataFrame from pandas); UTC keeps dates as written.
BASE_CONF: Mapping[str, str] = {
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.session.timeZone": "UTC",
    # Rows per pandas batch handed to annotate: 256 articles keep a batch's spaCy work to seconds and its
    # memory small, while the per-batch Arrow overhead stays negligible next to parsing.
    "spark.sql.execution.arrow.maxRecordsPerBatch": "256",
}


def require_pyspark() -> None:
    """Fail with the install command when PySpark is missing.

    Raises:
        MissingExtraError: ``pyspark`` cannot be imported (``pip install 'newsweave[spark]'``).
    """
    if importlib.util.find_spec("pyspark") is None:
        raise MissingExtraError("pyspark", "spark")


def java_available() -> bool:
    """Whether a Java runtime is visible (``$JAVA_HOME/bin/java`` or ``java`` on ``PATH``)."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return True
    return shutil.which("java") is not None


def is_local_master(master: str | None) -> bool:
    """Whether ``master`` runs executors on this machine (``local``, ``local[N]``, ``local[*]``)."""
    return master is not None and master.startswith("local")


def spark_session(master: str | None = None, app_name: str = "newsweave",
                  conf: Mapping[str, str] | None = None) -> SparkSession:
    """A Spark session with newsweave's settings.

    Args:
        master: ``local[2]``, ``yarn``, ``k8s://...``, ``spark://...``; None leaves it to
            ``spark-submit`` (or an already running session, as on Databricks).
        app_name: the application name shown by the cluster manager.
        conf: further Spark settings (``spark.executor.memory``, ...), applied after newsweave's.

    Returns:
        The session (an existing one is reused, as ``getOrCreate`` does).

    Raises:
        MissingExtraError: PySpark is not installed.
        NewsweaveError: a local master is asked for and no Java runtime is found.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    if is_local_master(master):
        if not java_available():
            raise NewsweaveError("Spark needs a Java 17 runtime: install it (Debian: "
                                 "apt-get install openjdk-17-jre-headless) or set JAVA_HOME")
        # Local executors are child processes of this machine: run them with this interpreter, which
        # has newsweave and the spaCy model (the default `python3` on PATH may not). A cluster sets
        # PYSPARK_PYTHON itself (see docs/spark.md).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if is_local_master(master):
        # One machine: no web UI to bind, and few shuffle partitions (the default 200 means 200 tiny
        # Python tasks per join on a laptop; 8 keeps both cores of a local[2] busy with few tasks).
        builder = builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
    for key, value in {**BASE_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


@contextmanager
def owned_session(master: str | None = None, conf: Mapping[str, str] | None = None) -> Iterator[SparkSession]:
    """A session that is stopped afterwards if this call started it (a running one is left running).

    Args:
        master: as for ``spark_session``.
        conf: as for ``spark_session``.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    already = SparkSession.getActiveSession()
    spark = spark_session(master, conf=conf)
    try:
        yield spark
    finally:
        if already is None:
            spark.stop()
