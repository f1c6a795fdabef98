"""Plain-text articles (``.txt``): one article per file, id = the file name without extension.

A file may start with the header `` date YYYY-MM-DD `` (a space, the word ``date``, a space, the date):
it sets ``published`` and is not part of the text. The gold offsets of the seed articles index the file
read as UTF-8 without that header, and the reader keeps exactly that text for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsweave.errors import InputError
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.limits import TEXT_BYTES_PER_CHAR, read_limited
from newsweave.ingest.normalize import check_text, parse_date
from newsweave.model import Article

_DATE_HEADER = re.compile(r" date (\d{4}-\d{2}-\d{2})(?=\s|$)")


def article_from_txt(data: bytes, *, article_id: str, where: str, max_chars: int) -> Article:
    """Build the article of one text file from its bytes.

    Args:
        data: the file's bytes.
        article_id: the article id (the file name without extension).
        where: the input's location, for error messages.
        max_chars: the longest text accepted.

    Returns:
        The article, with ``published`` from the date header when there is one.

    Raises:
        InputError: the bytes are not text, the header's date is invalid, or the text is empty or too long.
    """
    text = decode_bytes(data, where)
    published = None
    header = _DATE_HEADER.match(text)
    if header is not None:
        published = parse_date(header.group(1), where, field="header")
        text = text[header.end():]
    text = check_text(text, where, max_chars)
    return Article(id=article_id, text=text, published=published)


def read_txt(path: Path, *, max_chars: int) -> Iterator[tuple[str, Article | InputError]]:
    """Read one ``.txt`` article.

    Args:
        path: the file.
        max_chars: the longest text accepted; a larger file is rejected before it is read.

    Returns:
        One ``(where, item)`` pair: the Article, or the InputError saying why the file was skipped.
    """
    where = str(path)
    item: Article | InputError
    try:
        data = read_limited(path, where, TEXT_BYTES_PER_CHAR * (max_chars + 1))
        item = article_from_txt(data, article_id=path.stem, where=where, max_chars=max_chars)
    except InputError as exc:
        item = exc
    yield where, item
