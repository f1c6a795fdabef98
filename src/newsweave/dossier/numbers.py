"""The numbers a text gives, as values: what the summary and the quote groups compare when they ask whether two
sentences or two quotes give the same counts."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from newsweave.annotate.figure_lexicon import WORD_NUMBERS

__all__ = ["counts"]

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)*")
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9,
           "trillion": 1e12}


@lru_cache(maxsize=4096)
def counts(text: str) -> frozenset[float]:
    """The numbers ``text`` gives, in digits or words, with their scale ("Eleven people", "twenty-one", "12" and
    "twelve" alike, "1.5 million" = "1,500,000"); not "one", which is mostly no count ("no one", "one of the")."""
    found = set()
    words = _NUMBER.findall(anyascii(text).lower())
    for k, w in enumerate(words):
        parts = w.split("-")
        if w[0].isdigit():
            value: float | None = float(w.replace(",", ""))
        elif w != "one" and all(p in WORD_NUMBERS for p in parts):
            value = float(sum(WORD_NUMBERS[p] for p in parts))
        else:
            value = None
        if value is not None:
            found.add(value * _SCALES.get(words[k + 1], 1.0) if k + 1 < len(words) else value)
    return frozenset(found)
