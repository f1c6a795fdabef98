"""Ingest: files, folders, JSON Lines, HTML pages and feeds to ``Article`` values.

The pipeline calls ``iter_inputs``; every bad input comes out as an ``InputError`` value (never
raised) with ``where`` and a ``reason``, and never stops the rest. One module per concern:

- ``decode``     bytes to text: byte-order marks, binary sniffing, UTF-8, legacy encodings
- ``normalize``  text normalization and validation, dates, one-line fields
- ``limits``     size limits checked before reading
- ``txt``, ``jsonl``, ``html``, ``feed``   one reader per format
- ``files``      suffix dispatch, the folder walk, duplicate-id check, ``iter_inputs``
"""

from __future__ import annotations

from newsweave.ingest.files import DEFAULT_MAX_CHARS, SUPPORTED_SUFFIXES, iter_inputs, read_file
from newsweave.ingest.html import html_to_text
from newsweave.ingest.normalize import normalize_text

__all__ = [
    "DEFAULT_MAX_CHARS",
    "SUPPORTED_SUFFIXES",
    "html_to_text",
    "iter_inputs",
    "normalize_text",
    "read_file",
]
