"""Size limits checked before reading, so a huge file is rejected without reading it into memory."""

from __future__ import annotations

from pathlib import Path

from newsweave.errors import InputError

# A character takes at most 4 bytes in UTF-8 and UTF-32 (plus a 4-byte BOM): a plain-text file larger
# than 4 * max_chars + 4 bytes cannot hold a text of max_chars characters, so it is rejected unread.
TEXT_BYTES_PER_CHAR = 4

# HTML pages and feeds carry markup, scripts and styles around the text. Not measured on a corpus
# (none is at hand); a bound against pathological inputs only: 16 bytes of file per character of
# max_chars (16 MB at the default 1,000,000) is above any news page or feed we have seen.
MARKUP_BYTES_PER_CHAR = 16

# JSON escapes a character as at most 6 bytes (\uXXXX); the other fields of a line get 64 KiB more.
JSON_BYTES_PER_CHAR = 6
JSON_LINE_OVERHEAD = 64 * 1024


def read_limited(path: Path, where: str, limit: int) -> bytes:
    """Read a whole file after checking that it holds between 1 and ``limit`` bytes.

    Args:
        path: the file.
        where: the input's location, for the error message.
        limit: the largest size accepted, in bytes.

    Returns:
        The file's bytes.

    Raises:
        InputError: the file is empty, too large, or cannot be read.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            raise InputError(where, "empty file")
        if size > limit:
            raise InputError(where, _too_large(size, limit))
        with path.open("rb") as fh:
            # read(n) allocates n bytes up front: ask for the size stat() gave, not for the limit
            data = fh.read(size)
    except OSError as exc:
        raise InputError(where, f"cannot read the file: {exc.strerror or exc}") from None
    if not data:
        raise InputError(where, "empty file")
    return data


def _too_large(size: int, limit: int) -> str:
    return (f"file too large: {size:,} bytes, more than the {limit:,} bytes a text within max_chars "
            "can take; split it or raise max_chars")
