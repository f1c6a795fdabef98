"""Scoring helpers shared by the quality tests and the benchmarks in bench/."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def b_cubed(gold: Mapping[K, Hashable], pred: Mapping[K, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the ``pred`` clustering against ``gold``.

    Args:
        gold: item -> gold cluster label.
        pred: item -> predicted cluster label; must label every item of ``gold``.

    Returns:
        (precision, recall, F1), each in [0, 1]; all zero for no items.
    """
    gold_sets: dict[Hashable, set[K]] = defaultdict(set)
    pred_sets: dict[Hashable, set[K]] = defaultdict(set)
    for item in gold:
        gold_sets[gold[item]].add(item)
        pred_sets[pred[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        both = len(gold_sets[gold[item]] & pred_sets[pred[item]])
        precision += both / len(pred_sets[pred[item]])
        recall += both / len(gold_sets[gold[item]])
    if not gold:
        return 0.0, 0.0, 0.0
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def b_cubed_f1(gold: Mapping[K, Hashable], pred: Mapping[K, Hashable]) -> float:
    """The F1 of :func:`b_cubed`."""
    return b_cubed(gold, pred)[2]
