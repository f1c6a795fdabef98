"""The ``newsweave`` command: a thin layer over ``newsweave.api``.

Every command takes ``--db`` (a SQLite path, default ./newsweave.db, or a postgresql:// URL). Errors
print one line saying what was wrong and what to do, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.errors import NewsweaveError

if TYPE_CHECKING:
    from newsweave.pipeline import RunConfig

# The commands import what they run (spaCy, SQLAlchemy, SciPy) when they run, not when this
# module loads: a worker process started with "spawn" imports the main module again, and this
# module's whole tree cost each annotation worker ~1.5 s and ~160 MB.

# Inputs of at least this many bytes (a hundred articles or more) are likely annotated on several
# processes: `run` then starts their fork server before importing the pipeline, which it overlaps.
EARLY_WORKERS_BYTES = 128 * 1024
EPILOG = "Run `newsweave COMMAND --help` for a command's options. Docs: README.md."
DEFAULT_DB = "newsweave.db"  # the same as api.DEFAULT_DB (tested)


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("NEWSWEAVE_DB", DEFAULT_DB),
                   help="SQLite file or postgresql:// URL (default: ./newsweave.db, or $NEWSWEAVE_DB)")


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=None,
                   help="spaCy pipeline name or path (default: $NEWSWEAVE_SPACY_MODEL or en_core_web_sm)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="annotation processes (default: one per core)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument("--embeddings", action="store_true",
                   help="also group quotes across translations with MiniLM sentence embeddings "
                        "(needs: pip install 'newsweave[embeddings]')")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one sub-command per action."""
    parser = argparse.ArgumentParser(
        prog="newsweave", epilog=EPILOG,
        description="Turn news articles into cross-checked stories with cited dossiers. Runs offline.")
    parser.add_argument("--version", action="version", version=f"newsweave {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="ingest files and folders, then annotate, link and build dossiers",
                       description="Ingest .txt, .jsonl, .html and RSS/Atom files (folders are walked), then "
                                   "annotate, link and build dossiers for what changed. Bad inputs are "
                                   "reported and skipped. Running again adds only what is new.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to ingest")
    p.add_argument("--engine", choices=["local", "spark"], default="local",
                   help="execution engine: local, or spark (pip install 'newsweave[spark]'; JSONL/Parquet "
                        "input into a new store; see docs/spark.md)")
    p.add_argument("--spark-master", default=None, metavar="URL",
                   help="Spark master for --engine spark: local[N], yarn, k8s://..., spark://... "
                        "(default local[*])")
    p.add_argument("--spark-out", default=None, metavar="DIR",
                   help="with --engine spark: keep the job's Parquet and JSONL output in DIR")
    _add_db(p)
    _add_run_options(p)

    p = sub.add_parser("stories", help="list the stories, largest first",
                       description="List the stories: id, number of articles, title.")
    _add_db(p)

    p = sub.add_parser("show", help="print one story's dossier",
                       description="Print one story's dossier as Markdown, JSON or a standalone HTML page.")
    p.add_argument("story", metavar="STORY", help="story id, or a unique prefix of one")
    p.add_argument("--format", choices=["md", "json", "html"], default="md", help="output format (default md)")
    _add_db(p)

    p = sub.add_parser("export", help="write articles.jsonl and stories.jsonl",
                       description="Write DIR/articles.jsonl and DIR/stories.jsonl (the contract in the README).")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    _add_db(p)

    p = sub.add_parser("demo", help="run the bundled seed articles end to end and print the dossier",
                       description="Run the five bundled seed articles (one story, five outlets) end to end "
                                   "and print the dossier. Uses a temporary database unless --db is given.")
    p.add_argument("--db", default=None, help="keep the demo database at this path")
    p.add_argument("--format", choices=["md", "json", "html"], default="md", help="output format (default md)")
    _add_run_options(p)

    p = sub.add_parser("serve", help="serve the web UI and the HTTP API",
                       description="Serve the web UI (/, /stories/ID, /articles/ID, each with a .json twin) "
                                   "and the JSON API (/api/..., spec at /openapi.json). Ingest "
                                   "(POST /api/articles) is enabled only when $NEWSWEAVE_TOKEN is set, and "
                                   "every write must send it as 'Authorization: Bearer TOKEN'.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--no-process", action="store_true",
                   help="store ingested articles without annotating them (run `newsweave run` later)")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes (default 1); more keep pages fast while other work shares the CPU; "
                        "above 1 needs --no-process")
    _add_db(p)
    return parser


def _version() -> str:
    from newsweave import __version__

    return __version__


def _config(args: argparse.Namespace) -> RunConfig:
    from newsweave.pipeline import RunConfig

    return RunConfig(model=args.model, workers=max(1, args.workers), progress=not args.quiet,
                     embeddings=args.embeddings)


def _inputs_reach(paths: Sequence[str], limit: int, since: float | None = None) -> bool:
    """Whether the files of ``paths`` (folders walked) hold at least ``limit`` bytes together,
    counting only files modified after ``since`` (a timestamp) when it is given."""
    total = 0
    for p in paths:
        path = Path(p)
        for f in path.rglob("*") if path.is_dir() else (path,):
            try:
                st = f.stat()
            except OSError:
                continue
            if f.is_file() and (since is None or st.st_mtime > since):
                total += st.st_size
            if total >= limit:
                return True
    return False


def _store_written_at(db: str) -> float | None:
    """When a SQLite store was last written (its file or its write-ahead log), or None (no file yet,
    or a server database, whose state a file date cannot tell)."""
    if "://" in db:
        return None
    times = [Path(name).stat().st_mtime for name in (db, db + "-wal") if Path(name).is_file()]
    return max(times) if times else None


def _cmd_run(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        print(f"newsweave: {p}: no such file or folder; skipped", file=sys.stderr)
    paths = [p for p in args.paths if p not in missing]
    # inputs older than the store's last write were most likely processed by an earlier run: no
    # early start then (a wrong guess only moves the server's start to when work is found)
    if args.engine != "spark" and args.workers > 1 and _inputs_reach(paths, EARLY_WORKERS_BYTES,
                                                                      _store_written_at(args.db)):
        from newsweave.worker_pools import worker_context

        worker_context(args.model)  # the workers' fork server loads spaCy while this process imports the rest
    from newsweave import api

    if args.engine == "spark":
        from newsweave.spark import DEFAULT_MASTER, SparkRunConfig, run_spark

        report = run_spark(paths, args.db, master=args.spark_master or DEFAULT_MASTER, out=args.spark_out,
                           config=SparkRunConfig(model=args.model))
    else:
        report = api.run(paths, db=args.db, config=_config(args))
    print(report.format())
    return 0


def _cmd_stories(args: argparse.Namespace) -> int:
    from newsweave import api

    found = api.stories(args.db)
    if not found:
        print("no stories yet; add articles with `newsweave run PATH`")
    for s in found:
        print(f"{s.id}\t{len(s.articles)}\t{s.title}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from newsweave import api

    print(api.render(args.story, args.format, db=args.db))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from newsweave import api

    n_articles, n_stories = api.export(args.out, db=args.db)
    print(f"wrote {n_articles} articles and {n_stories} stories to {args.out}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from newsweave import api
    from newsweave.dossier.render import to_html, to_json, to_markdown

    report, dossiers, articles = api.demo(args.db, _config(args))
    for d in dossiers:
        if args.format == "json":
            print(to_json(d))
        elif args.format == "html":
            print(to_html(d, articles))
        else:
            print(to_markdown(d, articles))
    print(report.format(), file=sys.stderr)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from newsweave import api
    from newsweave.web import create_app, require_server_extra

    require_server_extra()
    import uvicorn

    token = os.environ.get("NEWSWEAVE_TOKEN") or None
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"newsweave: warning: serving on {args.host}: other machines can reach this server",
              file=sys.stderr)
    print(f"newsweave: serving {args.db} on http://{args.host}:{args.port}/ "
          f"(ingest {'enabled' if token else 'disabled: set NEWSWEAVE_TOKEN to enable'})", file=sys.stderr)
    if args.workers > 1:
        if not args.no_process:
            print("newsweave: error: --workers above 1 needs --no-process: ingested articles must be "
                  "processed by one process (run `newsweave run` on the same --db to process them)",
                  file=sys.stderr)
            return 2
        from newsweave.web import SERVE_DB_ENV

        os.environ[SERVE_DB_ENV] = str(args.db)
        api.open_store(args.db).close()  # create or migrate the database once, and fail here if it cannot
        uvicorn.run("newsweave.web:app_from_env", factory=True, workers=args.workers, host=args.host,
                    port=args.port, log_level="warning")
        return 0
    app = create_app(args.db, token, process=not args.no_process)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


_COMMANDS = {"run": _cmd_run, "serve": _cmd_serve, "stories": _cmd_stories, "show": _cmd_show,
             "export": _cmd_export,
             "demo": _cmd_demo}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsweave`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except NewsweaveError as exc:
        print(f"newsweave: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsweave: interrupted; run the same command again to continue where it stopped",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
