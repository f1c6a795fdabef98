"""Which reader reads which file, the folder walk, and the one loop the pipeline calls.

Rules (the user must never lose a supported file silently):

- A path named directly is always read; an unsupported suffix yields InputError "unsupported file type",
  a missing path "no such file or directory".
- A folder is walked recursively, entries sorted by name (files and subfolders in one order), so the
  order is the same on every machine. Hidden entries (name starting with ".") are skipped, as are
  symlinked subfolders (they can loop). Files with an unsupported suffix inside a folder are skipped
  silently: folders hold READMEs, images and the like; every supported file in them is read, and an
  ``.xml`` file that turns out not to be a feed is reported, not skipped.
- A file reached twice (named twice, or named and inside a named folder) is read once.
- Two different texts under one article id (``a/x.txt`` and ``b/x.txt``, or a repeated JSONL id)
  yield an InputError for the second, naming the first. The same id with the same text (an exact
  re-read) is yielded again: the store collapses exact duplicates.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from newsweave.errors import InputError
from newsweave.ingest.feed import read_feed
from newsweave.ingest.html import read_html
from newsweave.ingest.jsonl import read_jsonl
from newsweave.ingest.txt import read_txt
from newsweave.model import Article


class Reader(Protocol):
    """A format's reader: ``(where, Article | InputError)`` pairs for one file."""

    def __call__(self, path: Path, *, max_chars: int) -> Iterator[tuple[str, Article | InputError]]: ...


# Longest suffixes first, so ".jsonl.gz" wins over ".gz".
_READERS: tuple[tuple[str, Reader], ...] = (
    (".jsonl.gz", read_jsonl),
    (".ndjson.gz", read_jsonl),
    (".jsonl", read_jsonl),
    (".ndjson", read_jsonl),
    (".html", read_html),
    (".atom", read_feed),
    (".htm", read_html),
    (".txt", read_txt),
    (".xml", read_feed),
    (".rss", read_feed),
)

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(suffix for suffix, _ in _READERS))
"""File name endings ingest reads (lower case; matching ignores case)."""

DEFAULT_MAX_CHARS = 1_000_000


def supported_suffix(path: Path) -> str | None:
    """The supported suffix ``path`` ends with (case-insensitive), or None."""
    name = path.name.lower()
    return next((suffix for suffix, _ in _READERS if name.endswith(suffix) and name != suffix), None)


def read_file(path: str | Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputError]:
    """Read one file of any supported format.

    Args:
        path: the file.
        max_chars: the longest article text accepted.

    Returns:
        An iterator over one Article per good article and one InputError per bad input, in file order.
    """
    for _, item in _read_located(Path(path), max_chars):
        yield item


def iter_inputs(paths: Iterable[str | Path], *,
                max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputError]:
    """Read files and folders into articles; bad inputs are yielded as InputError, never raised.

    Args:
        paths: files and folders, read in the given order; folders are walked recursively, sorted.
        max_chars: the longest article text accepted (after normalization); larger inputs are
            rejected before they are read whole.

    Returns:
        An iterator over one Article per good article and one InputError (``where`` = file, ``FILE:LINE``
        or ``FILE#ENTRY``) per bad input, in a deterministic order.

    Raises:
        ValueError: ``max_chars`` is not positive.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    read: set[Path] = set()
    ids: dict[str, tuple[str, str]] = {}  # article id -> (content hash, where it was read)
    for raw in paths:
        for file in _files(Path(raw)):
            if isinstance(file, InputError):
                yield file
                continue
            key = file.resolve()
            if key in read:
                continue
            read.add(key)
            for where, item in _read_located(file, max_chars):
                yield _check_unique(item, where, ids)


def _read_located(path: Path, max_chars: int) -> Iterator[tuple[str, Article | InputError]]:
    where = str(path)
    suffix = supported_suffix(path)
    if suffix is None:
        yield where, InputError(where, f"unsupported file type {path.suffix or '(no suffix)'!r}; "
                                f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
    elif not path.exists():
        yield where, InputError(where, "no such file or directory")
    elif not path.is_file():
        yield where, InputError(where, "not a regular file")
    else:
        reader = dict(_READERS)[suffix]
        yield from reader(path, max_chars=max_chars)


def _files(path: Path) -> Iterator[Path | InputError]:
    """The files to read for one path the user named."""
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink():
        yield path
    else:
        yield InputError(str(path), "no such file or directory")


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Supported files under ``folder``, recursively, sorted by name; hidden entries skipped."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot list the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif supported_suffix(path) is not None and not entry.is_dir():
            yield path


def _check_unique(item: Article | InputError, where: str,
                  ids: dict[str, tuple[str, str]]) -> Article | InputError:
    """The article, or an InputError when its id was already read with a different text."""
    if isinstance(item, InputError):
        return item
    digest = item.content_hash
    first = ids.setdefault(item.id, (digest, where))
    if first[0] != digest:
        return InputError(where, f"duplicate article id {item.id!r}: {first[1]} has this id with a "
                          "different text; rename one of the files or change the id")
    return item
