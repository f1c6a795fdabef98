"""Text normalization and validation: what every reader does to a text before it becomes an Article.

``Article.text`` is immutable after ingest and every annotation indexes it, so normalization is
kept small and predictable:

- CRLF and lone CR become LF (the only step besides NFC that changes the length);
- Unicode NFC, so that "é" typed two ways is one string for matching and hashing;
- control characters other than ``\\n`` and ``\\t`` (C0, DEL, C1) become a space, one for one:
  a stray form feed or a mis-decoded C1 byte should not cost the article, and a space keeps every
  later offset where it was;
- leading and trailing whitespace is stripped. The seed articles have none after their date header,
  so their gold offsets still slice the text exactly (``tests/test_ingest.py`` checks it).

It rejects (raises ``InputError``): NUL characters (binary data), unpaired surrogates (a JSON
``\\ud800`` escape: not text, and not storable as UTF-8), texts where control characters are more
than ``MAX_CONTROL_SHARE`` of the characters and more than ``MIN_CONTROLS_FOR_BINARY`` (binary data
decoded as a legacy 8-bit encoding),
empty or whitespace-only texts, and texts longer than ``max_chars``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from newsweave.errors import InputError

_NEWLINES = re.compile(r"\r\n?")
# C0 controls except \t and \n, DEL, and the C1 block.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].+)?")

# The dev corpora (quotes_dev, timex_dev, ecbplus_dev, reuters21578, bbc: ~23,000 texts) have at most
# one control character per 8,000 characters (a mis-decoded byte in one PolNeAR article); arbitrary
# bytes decoded as latin-1 have about 25% (65 of 256 byte values). 1% lies far from both.
MAX_CONTROL_SHARE = 0.01
# A few stray controls (a form feed between pages, one mis-decoded byte) are tolerated in a short text.
MIN_CONTROLS_FOR_BINARY = 8


def normalize_text(text: str) -> str:
    """Normalize an article text: newlines to LF, NFC, control characters to spaces, strip.

    Args:
        text: decoded text.

    Returns:
        The normalized text (possibly empty).
    """
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub(" ", text)
    return text.strip()


def check_text(text: str, where: str, max_chars: int) -> str:
    """Validate and normalize an article text.

    Args:
        text: decoded, not yet normalized text.
        where: the input's location, for the error message.
        max_chars: the longest text accepted, counted after normalization.

    Returns:
        The normalized text.

    Raises:
        InputError: the text is binary data, empty, or too long.
    """
    if "\x00" in text:
        raise InputError(where, "not text: it contains NUL characters (binary data)")
    if _SURROGATE.search(text):
        raise InputError(where, "the text contains an unpaired surrogate (a \\ud800-\\udfff escape); "
                         "fix the encoding of that text")
    controls = len(_CONTROLS.findall(text)) - text.count("\r")
    if controls > max(MIN_CONTROLS_FOR_BINARY, MAX_CONTROL_SHARE * len(text)):
        raise InputError(where, f"not text: {controls} of {len(text)} characters are control characters "
                         "(binary data?)")
    text = normalize_text(text)
    if not text:
        raise InputError(where, "no text: it is empty or only whitespace")
    if len(text) > max_chars:
        raise InputError(where, f"text too long: {len(text):,} characters, the limit is {max_chars:,}; "
                         "split it or raise max_chars")
    return text


def clean_line(value: str | None) -> str | None:
    """Normalize a one-line field (title, source, url): NFC, whitespace runs to one space, strip.

    Args:
        value: the raw field, or None.

    Returns:
        The cleaned value, or None when it is absent or blank.
    """
    if value is None:
        return None
    value = _CONTROLS.sub(" ", unicodedata.normalize("NFC", _SURROGATE.sub("", value)))
    value = _SPACES.sub(" ", value).strip()
    return value or None


def parse_date(value: str, where: str, field: str = "published") -> date:
    """Parse ``YYYY-MM-DD``, or a full ISO 8601 datetime of which the date is kept.

    Args:
        value: the date as written.
        where: the input's location, for the error message.
        field: the field name, for the error message.

    Returns:
        The calendar date (a datetime keeps its own local date, not the UTC one).

    Raises:
        InputError: the value is not such a date.
    """
    text = value.strip()
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(where, f"invalid {field} date {value[:40]!r}: expected YYYY-MM-DD "
                         "or an ISO 8601 datetime") from None
