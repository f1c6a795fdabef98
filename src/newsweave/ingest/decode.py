"""Bytes to text: byte-order marks, binary sniffing, UTF-8, then charset-normalizer for legacy encodings.

The order of the checks matters:

1. A byte-order mark decides the encoding outright (UTF-32 is tested before UTF-16 because the
   UTF-32-LE mark starts with the UTF-16-LE one). Only these encodings may contain NUL bytes.
2. A known binary signature (PNG, PDF, ZIP, ...) or any NUL byte rejects the input as binary:
   no 8-bit text encoding puts NUL in running text.
3. Strict UTF-8 (the common case, and unambiguous when it succeeds).
4. charset-normalizer guesses a legacy encoding (cp1252, latin-1, koi8-r, ...); when it cannot,
   the input is rejected as undecodable.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newsweave.errors import InputError

# Longest marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of formats people rename or drop into a folder of articles by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding named by a byte-order mark at the start of ``data``.

    Args:
        data: the first bytes of a file (at least 4 to recognise every mark).

    Returns:
        ``(codec name, length of the mark)``, or None when ``data`` starts with no mark.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` looks like, or None when it may be text.

    Args:
        data: raw bytes that carry no byte-order mark.

    Returns:
        A short description ("a PNG image", "binary data (NUL bytes)") or None.
    """
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if b"\x00" in data:
        return "binary data (it contains NUL bytes)"
    return None


def decode_bytes(data: bytes, where: str) -> str:
    """Decode the raw bytes of a text file.

    Args:
        data: the whole file.
        where: the input's location, for the error message.

    Returns:
        The decoded text, without any byte-order mark (not yet normalized).

    Raises:
        InputError: the bytes are binary data or in no encoding that can be recognised.
    """
    marked = bom_encoding(data)
    if marked is not None:
        encoding, skip = marked
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(where, f"invalid {encoding.upper()} data at byte {exc.start + skip} "
                             "although the file starts with its byte-order mark") from None
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(where, f"not a text file: this is {kind}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(where, "cannot tell the text encoding (not UTF-8, and no legacy encoding fits); "
                         "re-save the file as UTF-8")
    return str(best)
