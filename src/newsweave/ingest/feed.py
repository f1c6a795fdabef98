"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``) with feedparser: one article per entry.

- Text: the entry's longest ``content`` item, else its ``summary``; HTML is reduced to its visible text
  (``html_to_text``). An entry without text yields an InputError ``FEED#N`` (N counts entries from 1).
- Id: ``<feed file stem>-<first 12 hex digits of sha1(key)>``, where the key is the entry's id (RSS
  ``guid``, Atom ``id``), else its link, else its title, else its text. The same entry read again
  gets the same id, so re-reading an updated feed adds only the new entries.
- Published: the calendar date the entry's own date string states (its local day, which is what
  "on Friday" in the text refers to), else the UTC date feedparser parsed; an unreadable date is
  left empty rather than costing the entry.
- Source: the feed's title. Url: the entry's link.

feedparser reads the raw bytes, so an XML encoding declaration (``encoding="koi8-r"``) is honoured.
An ``.xml`` file that is not a feed yields one InputError for the file.
"""

from __future__ import annotations

import email.utils
import hashlib
import io
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import feedparser

from newsweave.errors import InputError
from newsweave.ingest.decode import binary_kind, bom_encoding
from newsweave.ingest.html import html_to_text
from newsweave.ingest.limits import MARKUP_BYTES_PER_CHAR, read_limited
from newsweave.ingest.normalize import check_text, clean_line
from newsweave.model import Article

ID_HEX_DIGITS = 12  # 48 bits: a collision is unlikely below ~10 million entries of one feed


def read_feed(path: Path, *, max_chars: int) -> Iterator[tuple[str, Article | InputError]]:
    """Read an RSS or Atom feed.

    Args:
        path: the feed file.
        max_chars: the longest entry text accepted.

    Returns:
        ``(where, item)`` pairs: one Article per good entry and one InputError per bad entry
        (``where`` is ``FILE#N``), or a single InputError when the file is not a readable feed.
    """
    where = str(path)
    try:
        data = read_limited(path, where, MARKUP_BYTES_PER_CHAR * (max_chars + 1))
        parsed = parse_feed(data, where)
    except InputError as exc:
        yield where, exc
        return
    source = clean_line(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        entry_where = f"{where}#{number}"
        item: Article | InputError
        try:
            item = article_from_entry(entry, feed_stem=path.stem, source=source, where=entry_where,
                                      max_chars=max_chars)
        except InputError as exc:
            item = exc
        yield entry_where, item


def parse_feed(data: bytes, where: str) -> Any:
    """Parse feed bytes with feedparser and check that they are a feed with entries.

    Args:
        data: the raw file.
        where: the file, for error messages.

    Returns:
        feedparser's result (``.feed``, ``.entries``).

    Raises:
        InputError: the bytes are binary, not a feed, or a feed without entries.
    """
    kind = binary_kind(data) if bom_encoding(data[:4]) is None else None
    if kind is not None:
        raise InputError(where, f"not a feed: this is {kind}")
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        detail = f" ({problem})" if problem else ""
        raise InputError(where, f"not an RSS or Atom feed{detail}: no <rss>, <feed> or <rdf:RDF> root")
    if not parsed.entries:
        raise InputError(where, "the feed has no entries")
    return parsed


def article_from_entry(entry: Mapping[str, Any], *, feed_stem: str, source: str | None, where: str,
                       max_chars: int) -> Article:
    """Build the article of one feed entry.

    Args:
        entry: a feedparser entry.
        feed_stem: the feed file's name without extension, the prefix of the id.
        source: the feed's title.
        where: ``FEED#N``, for error messages.
        max_chars: the longest text accepted.

    Returns:
        The article.

    Raises:
        InputError: the entry has no text, or its text fails the checks of ``check_text``.
    """
    text = entry_text(entry)
    if not text.strip():
        raise InputError(where, "the entry has no text (no content and no summary)")
    text = check_text(text, where, max_chars)
    title_detail = entry.get("title_detail") or {}
    title = entry.get("title")
    if title and "html" in str(title_detail.get("type", "")):
        title = html_to_text(title)
    return Article(id=entry_id(entry, feed_stem, text), text=text, published=entry_date(entry),
                   title=clean_line(title), source=source, url=clean_line(entry.get("link")))


def entry_text(entry: Mapping[str, Any]) -> str:
    """The text of an entry: its longest content item, else its summary, HTML reduced to text.

    Args:
        entry: a feedparser entry.

    Returns:
        The text, possibly empty.
    """
    details: list[Mapping[str, Any]] = list(entry.get("content") or ())
    if not any(str(d.get("value") or "").strip() for d in details):
        details = [entry.get("summary_detail") or {"type": "text/html", "value": entry.get("summary")}]
    best = max(details, key=lambda d: len(str(d.get("value") or "")))
    value = str(best.get("value") or "")
    if "html" in str(best.get("type") or "text/html"):
        return html_to_text(value)
    return value


def entry_id(entry: Mapping[str, Any], feed_stem: str, text: str) -> str:
    """The stable article id of a feed entry: ``<feed stem>-<12 hex of sha1(key)>``.

    Args:
        entry: a feedparser entry.
        feed_stem: the feed file's name without extension.
        text: the entry's text, the key of last resort.

    Returns:
        The id; the key is the entry id, else the link, else the title, else the text.
    """
    key = next((str(entry[k]) for k in ("id", "link", "title") if entry.get(k)), text)
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
    return f"{feed_stem}-{digest[:ID_HEX_DIGITS]}"


def entry_date(entry: Mapping[str, Any]) -> date | None:
    """The publication day of an entry, as its own date string states it.

    Args:
        entry: a feedparser entry.

    Returns:
        The date of ``published`` (else ``updated``) in the entry's own time zone; else the UTC
        date feedparser parsed; None when there is none.
    """
    for field in ("published", "updated"):
        raw = entry.get(field)
        if isinstance(raw, str) and raw.strip():
            local = _local_date(raw.strip())
            if local is not None:
                return local
        parsed = entry.get(f"{field}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _local_date(raw: str) -> date | None:
    """The date of an RFC 822 (RSS) or ISO 8601 (Atom) datetime string, or None."""
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw).date()
    except ValueError:
        return None
