"""The ``spark-submit`` entry point: the newsweave job on whatever cluster ``spark-submit`` targets.

    spark-submit --master yarn "$(python -c 'import newsweave.spark.submit as m; print(m.__file__)')" \\
        hdfs:///news/2024/*.jsonl.gz --out hdfs:///newsweave/2024

writes Parquet and the export JSONL to ``--out``; with ``--db`` (a local ``--out`` only) it also loads
the result into a SQLite or PostgreSQL store. The same file runs locally with ``--master local[2]``
(given here or to ``spark-submit``). See ``docs/spark.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsweave.errors import NewsweaveError
from newsweave.spark.io import is_local_path
from newsweave.spark.job import SparkRunConfig, run_job
from newsweave.spark.load import load_into_store
from newsweave.spark.session import owned_session
from newsweave.store import open_store


def build_parser() -> argparse.ArgumentParser:
    """The job's command line."""
    p = argparse.ArgumentParser(prog="newsweave-spark", description=__doc__.splitlines()[0])
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL or Parquet files, folders or globs")
    p.add_argument("--out", required=True, help="output folder (local, hdfs://, s3a://, abfss://, dbfs:/)")
    p.add_argument("--db", default=None, help="also load the output into this new store (local --out only)")
    p.add_argument("--master", default=None, help="Spark master (default: the one spark-submit sets)")
    p.add_argument("--model", default=None, help="spaCy pipeline installed on the executors")
    p.add_argument("--partitions", type=int, default=None, help="annotation tasks (default: 2 per core)")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job; returns the exit status (1 with a one-line message on a newsweave error)."""
    args = build_parser().parse_args(argv)
    conf = dict(item.split("=", 1) for item in args.conf)
    config = SparkRunConfig(model=args.model, partitions=args.partitions)
    try:
        if args.db is not None and not is_local_path(args.out):
            raise NewsweaveError("--db needs a local --out: copy the output folder here and load it with "
                                 "newsweave.spark.load_into_store")
        with owned_session(args.master, conf) as spark:
            report = run_job(spark, args.inputs, args.out, config)
        print(report.to_run_report().format())
        if args.db is not None:
            with open_store(args.db) as store:
                load_into_store(args.out, store)
            print(f"loaded into {args.db}")
    except NewsweaveError as exc:
        print(f"newsweave: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
