"""JSON Lines (``.jsonl``, ``.ndjson``, ``.jsonl.gz``): one article per line.

Each line is an object ``{"id", "text", "published"?, "title"?, "source"?, "url"?}``; the given id is
kept, extra fields are ignored, blank lines are skipped. A bad line (malformed JSON, a missing or
mistyped field, an invalid date, a text that fails the checks of ``normalize``) yields an InputError
``FILE:LINE`` and the next line goes on.

Encoding: JSON Lines is UTF-8 (an optional UTF-8 BOM is dropped). A file that starts with a UTF-16 or
UTF-32 BOM is read in that encoding. A line that is not valid UTF-8 is decoded on its own by
charset-normalizer, so a file written in cp1252 or koi8-r by a legacy tool still reads, line by line.

The file is streamed: memory holds one line at a time, and a line longer than any text of
``max_chars`` characters can be is skipped without being held whole.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, AnyStr, cast

from charset_normalizer import from_bytes

from newsweave.errors import InputError
from newsweave.ingest.decode import bom_encoding
from newsweave.ingest.limits import JSON_BYTES_PER_CHAR, JSON_LINE_OVERHEAD
from newsweave.ingest.normalize import check_text, clean_line, parse_date
from newsweave.model import Article

_OPTIONAL_STRINGS = ("title", "source", "url")
_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number",
               bool: "a boolean", type(None): "null"}


def read_jsonl(path: Path, *, max_chars: int) -> Iterator[tuple[str, Article | InputError]]:
    """Read a JSON Lines file (gzip-compressed when its name ends in ``.gz``).

    Args:
        path: the file.
        max_chars: the longest article text accepted.

    Returns:
        ``(where, item)`` pairs in file order: one Article per good line, one InputError per bad line;
        ``where`` is ``FILE:LINE``.
    """
    where = str(path)
    try:
        with gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb") as fh:
            yield from iter_jsonl(cast(IO[bytes], fh), where=where, max_chars=max_chars)
    except OSError as exc:  # opening failed; read errors are reported by iter_jsonl
        yield where, InputError(where, f"cannot read the file: {exc.strerror or exc}")


def iter_jsonl(stream: IO[bytes], *, where: str, max_chars: int) -> Iterator[tuple[str, Article | InputError]]:
    """Read JSON Lines from a seekable binary stream.

    Args:
        stream: the stream, positioned at its start.
        where: the file, for error locations (``where:LINE``).
        max_chars: the longest article text accepted.

    Returns:
        ``(where, item)`` pairs: one Article per good line, one InputError per bad line.
    """
    limit = JSON_BYTES_PER_CHAR * max_chars + JSON_LINE_OVERHEAD
    seen_any = False
    try:
        for lineno, line in _lines(stream, limit):
            where_line = f"{where}:{lineno}"
            if line is None:
                reason = (f"line too long: more than {limit:,} bytes, longer than any text within "
                          "max_chars; split it or raise max_chars")
                yield where_line, InputError(where_line, reason)
                seen_any = True
                continue
            item = parse_line(line, where_line, max_chars)
            if item is not None:
                seen_any = True
                yield where_line, item
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:
        # A truncated gzip stream or invalid UTF-16 data: the rest of the file cannot be read.
        yield where, InputError(where, f"cannot read the rest of the file: {exc}")
        return
    if not seen_any:
        yield where, InputError(where, "no articles: the file is empty or has only blank lines")


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, str | bytes | None]]:
    """Yield ``(line number, line)``; the line is None when it is longer than ``limit``."""
    marked = bom_encoding(stream.read(4))
    stream.seek(0)
    if marked is not None and not marked[0].startswith("utf-8"):
        codec = marked[0][:6]  # "utf-16" / "utf-32": the codec reads and drops the BOM itself
        text_reader = io.TextIOWrapper(stream, encoding=codec, newline="")
        yield from enumerate(_bounded_lines(text_reader.readline, limit, "\n"), start=1)
        return
    for lineno, line in enumerate(_bounded_lines(stream.readline, limit, b"\n"), start=1):
        if lineno == 1 and line is not None and marked is not None:
            line = line[marked[1]:]
        yield lineno, line


def _bounded_lines(readline: Callable[[int], AnyStr], limit: int, newline: AnyStr) -> Iterator[AnyStr | None]:
    """The lines ``readline`` returns, with None for a line longer than ``limit`` (never held whole)."""
    while True:
        line = readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        while line and not line.endswith(newline):
            line = readline(limit)
        yield None


def parse_line(line: str | bytes, where: str, max_chars: int) -> Article | InputError | None:
    """One line's Article, its InputError, or None for a blank line."""
    try:
        text = _decode_line(line, where) if isinstance(line, bytes) else line
        if not text.strip():
            return None
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"malformed JSON: {exc.msg} at column {exc.colno}") from None
        except RecursionError:
            raise InputError(where, "malformed JSON: nested too deeply") from None
        return article_from_record(record, where, max_chars)
    except InputError as exc:
        return exc


def _decode_line(line: bytes, where: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in line:
        raise InputError(where, "not text: the line contains NUL bytes (binary data)")
    best = from_bytes(line).best()
    if best is None:
        raise InputError(where, "the line is not valid UTF-8 and its encoding cannot be told; "
                         "re-save the file as UTF-8")
    return str(best)


def article_from_record(record: Any, where: str, max_chars: int) -> Article:
    """Validate one decoded JSON record and build its Article.

    Args:
        record: the value ``json.loads`` returned for the line.
        where: ``FILE:LINE``, for error messages.
        max_chars: the longest article text accepted.

    Returns:
        The article.

    Raises:
        InputError: a field is missing or mistyped, the date is invalid, or the text fails the checks.
    """
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {_type_name(record)}")
    article_id = _required_string(record, "id", where)
    if not article_id.strip() or not article_id.isprintable():
        raise InputError(where, f"field 'id' must be printable and not blank, got {article_id[:40]!r}")
    try:
        text = check_text(_required_string(record, "text", where), where, max_chars)
    except InputError as exc:
        raise InputError(where, f"article {article_id!r}: {exc.reason}") from None
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError(where, f"field 'published' must be a YYYY-MM-DD string or null, "
                         f"got {_type_name(published)}")
    optional: dict[str, str | None] = {}
    for field in _OPTIONAL_STRINGS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"field {field!r} must be a string or null, got {_type_name(value)}")
        optional[field] = clean_line(value)
    return Article(id=article_id, text=text,
                   published=parse_date(published, where) if published is not None else None,
                   title=optional["title"], source=optional["source"], url=optional["url"])


def _required_string(record: dict[str, Any], field: str, where: str) -> str:
    if field not in record:
        raise InputError(where, f"missing field {field!r}")
    value = record[field]
    if not isinstance(value, str):
        raise InputError(where, f"field {field!r} must be a string, got {_type_name(value)}")
    return value


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)
