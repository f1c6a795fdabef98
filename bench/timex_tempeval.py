"""Quality and speed of time-expression extraction, scored as TempEval-3 (task A) on TimeBank + AQUAINT.

Usage:
    python bench/timex_tempeval.py [--corpus PATH] [--errors N]

Reads ``shared/corpora/timex_dev.jsonl`` (256 documents, 1,822 TIMEX3) and anchors every document on
its ``dct``. Prints one table, one row per split:

- ``tune``: documents at positions 0, 1, 2 of every 4 (file order) -- the rules were tuned on
  these (192 documents);
- ``check``: positions 3, 7, 11, ... (64 documents), kept for checking; the rules were not
  adjusted on their errors (once, in issue 4, the check split's month errors were read: that is
  why "through" is not among the month cues that point ahead; report both rows);
- ``all``: the whole file.

Metrics (TempEval-3): strict span P/R/F1 (equal offsets), relaxed span P/R/F1 (overlap: a
prediction is correct when it overlaps a gold timex, a gold timex is found when a prediction
overlaps it); type F1 and value F1 = attribute accuracy over the relaxed matches times relaxed F1
(matches are one-to-one, largest overlap first). Documents/s is the CPU time of one thread over
the whole file, extraction only (CPU time, not wall time, because the machine is shared).
``--errors N`` prints N value/span errors of the tune split after the table, then the count of
every error kind (FP, FN, and value errors by what differs from the gold value: granularity,
anchor, the week a weekday falls in, DURATION for DATE, financial periods, ..., and gold that
leaves unknown a part the text gives, as "1989-WXX" for "last week").
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newsweave.annotate.timexes import extract_timexes
from newsweave.model import Timex

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CHECK_EVERY = 4  # every 4th document (position % 4 == 3) is held out from tuning


@dataclass
class Scores:
    """Counts for one split; the properties give the TempEval-3 metrics in percent."""

    pred: int = 0
    gold: int = 0
    strict: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    matched: int = 0
    type_ok: int = 0
    value_ok: int = 0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> list[float]:
        sp = self.strict / max(1, self.pred)
        sr = self.strict / max(1, self.gold)
        rp = self.relaxed_p / max(1, self.pred)
        rr = self.relaxed_r / max(1, self.gold)
        rf = self._f1(rp, rr)
        type_f = rf * self.type_ok / max(1, self.matched)
        value_f = rf * self.value_ok / max(1, self.matched)
        return [100 * x for x in (sp, sr, self._f1(sp, sr), rp, rr, rf, type_f, value_f)]


def _overlap(a: Timex | dict[str, Any], b: dict[str, Any]) -> int:
    a_start, a_end = (a.start, a.end) if isinstance(a, Timex) else (int(a["start"]), int(a["end"]))
    return max(0, min(a_end, int(b["end"])) - max(a_start, int(b["start"])))


def score_document(pred: Sequence[Timex], gold: Sequence[dict[str, Any]], scores: Scores,
                   errors: list[str] | None = None) -> None:
    """Add one document's counts to ``scores`` (and its mistakes to ``errors``)."""
    scores.pred += len(pred)
    scores.gold += len(gold)
    gold_spans = {(g["start"], g["end"]) for g in gold}
    scores.strict += sum((p.start, p.end) in gold_spans for p in pred)
    scores.relaxed_p += sum(any(_overlap(p, g) for g in gold) for p in pred)
    scores.relaxed_r += sum(any(_overlap(p, g) for p in pred) for g in gold)
    pairs = sorted(((_overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
                   reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for ov, i, j in pairs:
        if ov == 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = pred[i], gold[j]
        scores.matched += 1
        scores.type_ok += p.type == g["type"]
        scores.value_ok += p.value == g["value"]
        if errors is not None and (p.value != g["value"] or (p.start, p.end) != (g["start"], g["end"])):
            errors.append(f"VAL  {p.text!r} {p.type} {p.value}  gold {g['text']!r} {g['type']} {g['value']}")
    if errors is not None:
        errors.extend(f"FP   {p.text!r} {p.type} {p.value}" for i, p in enumerate(pred) if i not in used_p)
        errors.extend(f"FN   {g['text']!r} {g['type']} {g['value']}" for j, g in enumerate(gold)
                      if j not in used_g)


_VALUE_ERROR = re.compile(r"VAL  (.*) (DATE|TIME|DURATION|SET) (\S+)  gold (.*) (DATE|TIME|DURATION|SET) (\S+)$")
_WEEKDAY = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_PERIOD = re.compile(r"(?i)quarter|period|half|year.(?:ago|earlier)")


def value_error_kind(gold_text: str, pred_type: str, pred_value: str, gold_type: str, gold_value: str) -> str:
    """The kind of a wrong value: what differs between the predicted and the gold value.

    The first test that holds names the kind, so gold that leaves a part unknown ("1989-WXX" for
    "last week", "1949-XX" for "1949") or writes a known value its own way ("2000-W6",
    "T17" for 5 p.m.) is counted apart from the errors a rule could fix.
    """
    if {pred_type, gold_type} == {"DATE", "DURATION"} and pred_value.startswith("P") != gold_value.startswith("P"):
        return "DURATION for DATE or DATE for DURATION"
    if re.sub(r"W0(\d)", r"W\1", pred_value) == gold_value or re.sub(r":00$", "", pred_value) == gold_value:
        return "gold writes the value its own way (W6, T17)"
    if "X" in gold_value and "X" not in pred_value:
        return "gold leaves unknown what the text gives (1989-WXX, 1949-XX)"
    if "_REF" in gold_value + pred_value:
        return "PAST_REF/PRESENT_REF/FUTURE_REF"
    if "SET" in (gold_type, pred_type):
        return "SET"
    if re.search(r"-[QH]\d", gold_value + pred_value) or _PERIOD.search(gold_text):
        return "financial period (quarter, half, a year ago)"
    if _WEEKDAY.search(gold_text):
        if _DAY.fullmatch(pred_value) and _DAY.fullmatch(gold_value):
            return "weekday: another week (tense direction, or a wrong DCT)"
        return "weekday: a part of the day (TNI, TMO) or not"
    if pred_value.startswith("P") and gold_value.startswith("P"):
        return "duration: length or unit"
    if re.match(r"\d{4}", pred_value) and re.match(r"\d{4}", gold_value):
        if len(pred_value) != len(gold_value) or pred_value[4:5] != gold_value[4:5]:
            return "granularity (year, month, week, day)"
        if pred_value[:4] != gold_value[:4] and pred_value[4:] == gold_value[4:]:
            return "year of a month or day (direction)"
        return "anchor (DCT or narrative time)"
    return f"other {gold_type}"


def error_kind(line: str) -> str:
    """The kind of one error line of ``score_document`` (for the summary under ``--errors``)."""
    m = _VALUE_ERROR.match(line)
    if not m:
        return "FP (spurious timex)" if line.startswith("FP") else "FN (missed timex)"
    pred_text, pred_type, pred_value, gold_text, gold_type, gold_value = m.groups()
    if pred_value == gold_value:
        return "span only (value right)"
    kind = value_error_kind(gold_text.strip("'\""), pred_type, pred_value, gold_type, gold_value)
    return kind + (" (span differs)" if pred_text != gold_text else "")


def run(corpus: Path, n_errors: int) -> None:
    """Score every document, print the table (and errors of the tune split)."""
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = {"tune": Scores(), "check": Scores(), "all": Scores()}
    errors: list[str] = []
    elapsed = 0.0
    for pos, doc in enumerate(docs):
        dct = date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
        t0 = time.process_time()
        pred = extract_timexes(doc["text"], dct)
        elapsed += time.process_time() - t0
        split = "check" if pos % CHECK_EVERY == CHECK_EVERY - 1 else "tune"
        score_document(pred, doc["timexes"], splits[split], errors if split == "tune" else None)
        score_document(pred, doc["timexes"], splits["all"])
    header = ("split", "docs", "timexes", "strict P", "strict R", "strict F1", "relax P", "relax R",
              "relax F1", "type F1", "value F1", "docs/s")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    n_check = sum(1 for pos in range(len(docs)) if pos % CHECK_EVERY == CHECK_EVERY - 1)
    sizes = {"tune": len(docs) - n_check, "check": n_check, "all": len(docs)}
    for name, s in splits.items():
        cells = [name, str(sizes[name]), str(s.gold), *(f"{x:.1f}" for x in s.row())]
        cells.append(f"{len(docs) / elapsed:.0f}" if name == "all" else "")
        print("| " + " | ".join(cells) + " |")
    print("| HeidelTime (TempEval-3 test) | | | | | 81.8 | | | 90.7 | | 78.1 | |")
    for line in errors[:n_errors]:
        print(line)
    if n_errors:
        print()
        for kind, count in Counter(error_kind(line) for line in errors).most_common():
            print(f"{count:4d}  {kind}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPORA / "timex_dev.jsonl")
    parser.add_argument("--errors", type=int, default=0, help="print N errors of the tune split")
    args = parser.parse_args()
    run(args.corpus, args.errors)


if __name__ == "__main__":
    main()
