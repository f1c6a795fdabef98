"""Table lines of wire copy: earnings lines ("Revs 136.4 mln vs 133.3 mln") and rows of numbers under a
label ("End Stocks 4.50 4.32 4.19 4.01"), whose figures measure what the line's label names."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsweave.annotate.figure_lexicon import WORD_NUMBERS
from newsweave.annotate.nlp import doc_text

__all__ = ["VS_LABEL_RE", "table_label"]

# The leading label of an earnings-table line, before its first number in digits or words.
_NUMBER_WORDS_RE = "|".join(WORD_NUMBERS)
_TABLE_LABEL_RE = re.compile(rf"^\s*([A-Za-z][A-Za-z -]{{0,30}}?)\s+(?:[$\d]|(?:{_NUMBER_WORDS_RE})\b)",
                             re.IGNORECASE)
# The label of the second column of an earnings line: "Net profit 57.1 mln dlrs vs loss 69.1 mln".
VS_LABEL_RE = re.compile(r"^\s*vs\.?\s+([A-Za-z][A-Za-z -]{0,30}?)\s*$", re.IGNORECASE)
# The rest of a table row after its label: two or more numbers and nothing else.
_TABLE_ROW_RE = re.compile(r"(?:\s+\(?-?\d[\d,./-]*\)?){2,}\s*")


# A market report's line under a lower-case plural label and a spaced dash: "heifers - load choice 3 near
# 1225 lbs 66.50. choice 2-4 950-1125 lbs 64.00-66.00." (test7), "sows - scarce. us 1-3 over 550 lbs
# 47.00-48.00" (24 USDA livestock reports in Reuters-21578): the label is what the line prices.
_DASH_LABEL_RE = re.compile(r"^\s*([a-z]+s(?: and [a-z]+s)?) - \S")


def _line_of(doc: Doc, k: int) -> str:
    idx = doc[k].idx
    text = doc_text(doc)
    return text[text.rfind("\n", 0, idx) + 1:text.find("\n", idx) % (len(text) + 1)]


def table_label(doc: Doc, k: int) -> str | None:
    """Table lines: earnings ("Revs 136.4 mln vs 133.3 mln"), rows of numbers under a label
    ("End Stocks 4.50 4.32 4.19 4.01") and market report lines ("heifers - choice 2-4 ... 64.00-66.00"):
    the leading label of the line of token ``k``, or None when
    that line is no table line."""
    line = _line_of(doc, k)
    dashed = _DASH_LABEL_RE.match(line)
    if dashed is not None:
        return dashed.group(1)
    m = _TABLE_LABEL_RE.match(line)
    if m is None or len(m.group(1).split()) > 4:
        return None
    if " vs " not in f" {line} " and not _TABLE_ROW_RE.fullmatch(line[m.end(1):]):
        return None
    text, idx = doc_text(doc), doc[k].idx
    vs = text.rfind(" vs ", text.rfind("\n", 0, idx) + 1, idx)
    second = VS_LABEL_RE.match(text[vs:idx]) if vs >= 0 else None
    label = m.group(1).lower()
    if second is None or second.group(1).lower() in label.split():
        return label  # "Shr loss 61 cts vs loss 1.19 dlrs"
    # the other column's label takes the place of the row's head: "Net profit 57.1 mln dlrs vs loss
    # 69.1 mln" -> "net loss"; "Shr 5 cts vs loss 3 cts" -> "shr loss"
    words = label.split()
    return " ".join([*(words[:-1] if len(words) > 1 else words), second.group(1).lower()])
