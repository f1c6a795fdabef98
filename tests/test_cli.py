"""The command line as a user meets it: demo, run over mixed inputs, show, export, errors, kill -9."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsweave.cli import build_parser, main
from newsweave.model import content_hash

EXPORT_ARTICLE_KEYS = {"id", "source", "published", "title", "text", "story", "entities", "quotes", "timexes",
                       "figures"}
EXPORT_STORY_KEYS = {"id", "title", "articles", "summary", "actors", "quotes", "timeline", "figures", "reuse"}


def _good_article(i: int) -> str:
    return (f"The city council of Springfield voted on Tuesday to approve a new budget of {i + 3} million "
            f"dollars for road repairs, council member Ann Lee said. \"We waited too long,\" Lee said.")


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "good1.txt").write_text(" date 2024-03-05 " + _good_article(1), encoding="utf-8")
    (folder / "good2.txt").write_text(_good_article(2), encoding="utf-16")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    lines = [
        json.dumps({"id": "j1", "text": _good_article(3), "published": "2024-03-06"}),
        "{not json",
        json.dumps({"id": "j2"}),
        json.dumps({"id": "j3", "text": _good_article(4), "published": "2024-13-45"}),
        json.dumps({"id": "j4", "text": _good_article(5)}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_every_command_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, __import__("argparse")._SubParsersAction))
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, command in sub.choices.items():
        assert command.description, name
        assert f"newsweave {name}" in readme, f"`newsweave {name}` is not in the README"


def test_run_mixed_folder_keeps_good_and_names_bad(mixed_folder: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "n.db"
    assert main(["run", str(mixed_folder), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "4 added" in out
    for where in ("empty.txt", "binary.txt", "batch.jsonl:2", "batch.jsonl:3", "batch.jsonl:4"):
        assert where in out, where
    con = sqlite3.connect(db)
    ids = {row[0] for row in con.execute("select id from articles")}
    assert ids == {"good1", "good2", "j1", "j4"}


def test_show_export_and_stories(mixed_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "n.db")
    main(["run", str(mixed_folder), "--db", db, "--workers", "1", "--quiet"])
    capsys.readouterr()
    assert main(["stories", "--db", db]) == 0
    story_id = capsys.readouterr().out.splitlines()[0].split("\t")[0]
    for fmt in ("md", "json", "html"):
        assert main(["show", story_id, "--db", db, "--format", fmt]) == 0
        shown = capsys.readouterr().out
        assert "Springfield" in shown
    assert main(["export", "--out", str(tmp_path / "out"), "--db", db]) == 0
    articles = [json.loads(x) for x in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    stories = [json.loads(x) for x in (tmp_path / "out" / "stories.jsonl").read_text().splitlines()]
    assert len(articles) == 4 and stories
    assert all(set(a) == EXPORT_ARTICLE_KEYS for a in articles)
    assert all(set(s) == EXPORT_STORY_KEYS for s in stories)
    assert {a["story"] for a in articles} <= {s["id"] for s in stories}


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "newsweave.cli", "show", "nope", "--db", str(tmp_path / "x.db")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "no story 'nope'" in proc.stderr


def test_demo_prints_the_seed_dossier(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--workers", "1", "--quiet"]) == 0
    out = capsys.readouterr().out
    for expected in ("## Summary", "## Who said what", "## Timeline", "Blinken", "Zakharova", "2022-01-07"):
        assert expected in out


def _reuters_jsonl(corpora_dir: Path, path: Path, n: int) -> None:
    with gzip.open(corpora_dir / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as src, \
            path.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            d = json.loads(line)
            out.write(json.dumps({k: d[k] for k in ("id", "text", "published", "title")}) + "\n")


@pytest.mark.slow
def test_kill_9_then_rerun_loses_nothing_and_doubles_nothing(tmp_path: Path, corpora_dir: Path) -> None:
    src = tmp_path / "reuters.jsonl"
    _reuters_jsonl(corpora_dir, src, 300)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "newsweave.cli", "run", str(src), "--db", str(db), "--workers", "1", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    annotated = 0
    while time.time() < deadline and proc.poll() is None:  # kill once annotation is under way
        time.sleep(0.2)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=1)
                annotated = con.execute("select count(*) from annotations").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if annotated >= 40:
                break
    assert proc.poll() is None, "the run finished before it could be killed; give it more work"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    con = sqlite3.connect(db)
    ids = [row[0] for row in con.execute("select id from articles")]
    assert len(ids) == len(set(ids))
    first_of_text: dict[str, str] = {}  # Reuters holds exact duplicates: the first id of each text stays
    for line in src.read_text().splitlines():
        record = json.loads(line)
        first_of_text.setdefault(content_hash(record["text"]), record["id"])
    assert set(ids) == set(first_of_text.values())
    n_annotated = con.execute("select count(*) from annotations").fetchone()[0]
    assert n_annotated == len(ids)
    in_stories = con.execute("select count(distinct article_id) from story_members").fetchone()[0]
    assert in_stories == len(ids)


def test_importing_the_cli_loads_no_heavy_module() -> None:
    """Spawned workers re-import the main module: the CLI must not pull spaCy, SQLAlchemy or sklearn."""
    code = ("import sys, newsweave.cli; "
            "print(sorted(m for m in ('spacy', 'sqlalchemy', 'sklearn', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_default_database_is_the_api_default() -> None:
    from newsweave import api, cli

    assert cli.DEFAULT_DB == api.DEFAULT_DB


def test_inputs_reach_counts_the_files_of_folders_and_paths(tmp_path: Path) -> None:
    # `run` starts the workers' fork server early only for inputs this big (cli.EARLY_WORKERS_BYTES)
    from newsweave.cli import _inputs_reach

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.jsonl").write_bytes(b"x" * 600)
    (tmp_path / "b.txt").write_bytes(b"y" * 500)
    assert _inputs_reach([str(tmp_path)], 1100)
    assert not _inputs_reach([str(tmp_path)], 1101)
    assert _inputs_reach([str(tmp_path / "b.txt"), str(tmp_path / "sub")], 1000)
    assert not _inputs_reach([str(tmp_path / "b.txt")], 501)


def test_inputs_older_than_the_store_do_not_start_the_workers_early(tmp_path: Path) -> None:
    from newsweave.cli import _inputs_reach, _store_written_at

    old, new, db = tmp_path / "old.jsonl", tmp_path / "new.jsonl", tmp_path / "store.db"
    old.write_bytes(b"x" * 600)
    new.write_bytes(b"y" * 500)
    db.write_bytes(b"")
    os.utime(old, (1_000, 1_000))
    os.utime(db, (2_000, 2_000))
    os.utime(new, (3_000, 3_000))
    written = _store_written_at(str(db))
    assert written == 2_000
    assert _inputs_reach([str(tmp_path)], 500, written)
    assert not _inputs_reach([str(tmp_path)], 501, written)  # old.jsonl was there before the store's last write
    assert _inputs_reach([str(tmp_path)], 1100)  # without a store, every file counts
    (tmp_path / "store.db-wal").write_bytes(b"")  # a write-ahead log written later counts
    os.utime(tmp_path / "store.db-wal", (4_000, 4_000))
    assert _store_written_at(str(db)) == 4_000
    assert _store_written_at(str(tmp_path / "none.db")) is None
    assert _store_written_at("postgresql://u:p@127.0.0.1/db") is None

