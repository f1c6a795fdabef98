"""How a story splits: the cuts of its recent members that ``link.stories`` tries in turn.

After the average-link dendrogram's own groups (``StoryConfig.split_distance``), a story's members
are cut at the dendrogram's top merge of two big groups (``balanced_cut``), then in two by the
Fiedler vector of their similarity graph (``spectral_cut``). Each takes the members' pairwise
distances (at most a story's ``split_window`` of them) and returns the group that leaves, as point
positions, or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import to_tree
from threadpoolctl import ThreadpoolController, threadpool_limits

from newsweave.link.story_config import StoryConfig
from newsweave.link.story_state import Floats

__all__ = ["balanced_cut", "spectral_cut", "spread"]

_REFINE_ROUNDS = 20  # moves of the spectral cut's points between its sides (it settles in a few)


def spread(distance: Floats, points: Sequence[int]) -> float:
    """The mean distance between two of ``points``: how loose a group is inside (0 for one point)."""
    n = len(points)
    if n < 2:  # a side of one point (``split_min_part`` 1) is as tight as can be
        return 0.0
    inside = distance[np.ix_(points, points)]
    return float(inside.sum()) / (n * (n - 1))


def balanced_cut(tree: Floats, distance: Floats, config: StoryConfig) -> list[list[int]]:
    """The group (as point positions) that leaves at the top merge of two big groups, if far.

    From the root down, a merge whose smaller side has fewer than ``split_min_part`` points
    adds outliers: the walk goes on into its bigger side. The first merge of two big sides
    splits when its height reaches ``balanced_split_distance`` and each side is tight inside
    (``balanced_split_tightness``: a window of loosely related articles, wire briefs of one
    market, is otherwise cut between two loose halves as far apart as their own members are);
    the side whose oldest point is the later one leaves (the story keeps its id with the older
    articles, also when the oldest point of all is one of the outliers).
    """
    node = to_tree(tree)
    while not node.is_leaf():
        left, right = node.get_left(), node.get_right()
        small, big = sorted((left, right), key=lambda n: n.get_count())
        if small.get_count() >= config.split_min_part:
            if node.dist < config.balanced_split_distance:
                return []
            sides = (left.pre_order(), right.pre_order())
            if config.balanced_split_tightness and max(spread(distance, side) for side in sides) > (
                    config.balanced_split_tightness * node.dist):
                return []
            leaving = max(sides, key=min)
            return [sorted(leaving)]
        node = big
    return []


def spectral_cut(distance: Floats, config: StoryConfig, blas: ThreadpoolController | None = None
                 ) -> list[list[int]]:
    """The group (as point positions) that leaves at the best cut of the points in two, if far.

    The cut starts from the sign of the Fiedler vector of the similarity graph (1 - distance,
    normalized Laplacian) about its median, then moves each point to the side it is nearer on
    average (mean distance to the side's other points) until no point moves. The side whose
    oldest point is the later one leaves when both sides have ``spectral_split_min_part`` points,
    the mean distance between the sides reaches ``spectral_split_distance`` and each side's mean
    inside distance is at most ``spectral_split_tightness`` of it. The points are at most a
    story's ``split_window``, so one cut costs a bounded eigendecomposition. ``blas`` is the
    caller's controller of the BLAS thread pools, kept from one cut to the next (finding the pools
    anew, as ``threadpool_limits`` does without one, costs 0.34 ms of CPU a cut; limiting a
    controller's, 0.008 ms).
    """
    n = len(distance)
    if n < 2 * config.spectral_split_min_part:
        return []
    similarity = 1.0 - distance
    np.fill_diagonal(similarity, 0.0)
    scale = 1.0 / np.sqrt(np.maximum(similarity.sum(axis=1), 1e-12))
    laplacian = np.eye(n) - scale[:, None] * similarity * scale[None, :]
    # on one BLAS thread: on OpenBLAS's own pool, whose idle threads spin waiting for work, linking
    # 20,000 Reuters and BBC articles took 14.6 s of CPU instead of 11.8 (the pipeline's parallelism
    # is its processes)
    one_thread = (threadpool_limits(limits=1, user_api="blas") if blas is None
                  else blas.limit(limits=1, user_api="blas"))
    with one_thread:
        fiedler = np.linalg.eigh(laplacian)[1][:, 1]
    side = fiedler > np.median(fiedler)
    for _ in range(_REFINE_ROUNDS):
        size = int(side.sum())
        if min(size, n - size) < 2:
            return []
        to_side = distance[:, side].sum(axis=1) / (size - side)  # a point's own zero left out
        to_rest = distance[:, ~side].sum(axis=1) / (n - size - ~side)
        moved = to_side < to_rest
        if (moved == side).all():
            break
        side = moved
    first, second = np.flatnonzero(side).tolist(), np.flatnonzero(~side).tolist()
    if min(len(first), len(second)) < config.spectral_split_min_part:
        return []
    between = float(distance[np.ix_(first, second)].mean())
    if between < config.spectral_split_distance:
        return []
    if config.spectral_split_tightness and max(spread(distance, first), spread(distance, second)) > (
            config.spectral_split_tightness * between):
        return []
    return [max((first, second), key=min)]
