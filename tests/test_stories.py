"""Online story clustering: seeds, separation, ECB+ B-cubed floor, order tolerance, state."""

from __future__ import annotations

import base64
import json
import random
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.cluster.hierarchy import linkage

from newsweave.errors import StoreError
from newsweave.evaluate import b_cubed_f1
from newsweave.link.stories import StoryClusterer, StoryConfig, _story_id
from newsweave.link.story_splits import balanced_cut, spectral_cut

# Measured with the default StoryConfig on ECB+ dev topics 21-35 (359 articles, the held-out part
# of bench/stories_ecbplus.py): B3 F1 0.968 in file order (0.956 and 0.972 for the two shuffles
# below; 0.964 ± 0.008 over 16); before the fixed split step: 0.955 in file order, 0.962 mean over 3
# shuffled orders (0.956 and 0.972; 0.962 ± 0.008 over 8); before the spectral cut: 0.955 / 0.950
# (0.947, 0.953; 0.949 ± 0.005 over 8); before dated-year keys: 0.898 / 0.913
# (0.925, 0.906; 0.912 ± 0.021 over 8); before merges of small stories: 0.893 /
# 0.912 (0.911, 0.917); before balanced splits: 0.876 / 0.898; before splits: 0.846 / 0.868; before
# name features: 0.816 / 0.873. Floors sit just under; the tolerance is the allowed gap between two
# orders.
ECB_HELDOUT_F1_FLOOR = 0.96
ECB_HELDOUT_SHUFFLED_F1_FLOOR = 0.95
ORDER_TOLERANCE = 0.06
# All 35 topics (772 articles) in one file-order pass: 0.962 with split distances weighing names by
# the IDF of the last 400 articles; 0.959 with the IDF of every article so far (the held-out topics
# clustered at up to twice the corpus size the split thresholds were tuned at).
ECB_ALL_F1_FLOOR = 0.96



@pytest.fixture(scope="module")
def ecb_heldout(corpora_dir: Path) -> list[dict[str, Any]]:
    with (corpora_dir / "ecbplus_dev.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return [r for r in records if 21 <= int(r["topic"]) <= 35]


def _run(records: list[dict[str, Any]], config: StoryConfig = StoryConfig()) -> dict[str, str]:
    clusterer = StoryClusterer(config)
    for r in records:
        clusterer.add(r["id"], r["text"], None)
    return clusterer.assignments()


@pytest.fixture(scope="module")
def ecb_two_events(ecb_heldout: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two similar events (subtopics 25_ecb, 25_ecbplus) that share one story until it splits."""
    return [r for r in ecb_heldout if r["topic"] == "25"]


def _seed_items(seed_texts: dict[str, str], seeds_gold: dict[str, Any]
                ) -> list[tuple[str, str, date | None, tuple[str, ...]]]:
    dates = {a["id"]: a["date"] for a in seeds_gold["articles"]}
    return [(aid, text, date.fromisoformat(dates[aid]) if dates[aid] else None, ())
            for aid, text in sorted(seed_texts.items())]


def test_seeds_form_one_story(seed_texts: dict[str, str], seeds_gold: dict[str, Any]) -> None:
    clusterer = StoryClusterer()
    result = clusterer.add_batch(_seed_items(seed_texts, seeds_gold))
    assert len(result) == 5
    assert len(set(result.values())) == 1
    assert clusterer.assignments() == result


def test_seeds_one_by_one_any_order(seed_texts: dict[str, str], seeds_gold: dict[str, Any]) -> None:
    items = _seed_items(seed_texts, seeds_gold)
    random.Random(7).shuffle(items)
    clusterer = StoryClusterer()
    ids = {clusterer.add(aid, text, published, keys) for aid, text, published, keys in items}
    assert len(ids) == 1
    assert ids == {clusterer.assignments()[items[0][0]]}  # the story keeps its first id


def _ecb_pair(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_topic[r["topic"]].append(r)
    topics = sorted(by_topic, key=int)
    return by_topic[topics[0]][:4], by_topic[topics[-1]][:4]


def test_different_stories_stay_apart(ecb_heldout: list[dict[str, Any]]) -> None:
    first, second = _ecb_pair(ecb_heldout)
    assigned = _run(first + second)
    assert not {assigned[r["id"]] for r in first} & {assigned[r["id"]] for r in second}


def test_same_event_months_apart_is_a_new_story(seed_texts: dict[str, str]) -> None:
    text = seed_texts["001_09578d3995b00afc"]
    clusterer = StoryClusterer()
    now = clusterer.add("now", text, date(2022, 1, 7))
    assert clusterer.add("copy", text, date(2022, 1, 8)) == now
    assert clusterer.add("later", text + " Update.", date(2022, 6, 1)) != now


def test_entity_keys_raise_the_score() -> None:
    config = StoryConfig(join_threshold=0.3)
    base = "Rescue workers searched the rubble after the storm damaged homes across the region."
    other = "Volunteers handed out water as storm damage left homes without power in the town."
    keys = ("gpe:florida", "org:fema")
    plain = StoryClusterer(config)
    first = plain.add("a", base, None, ())
    assert plain.add("b", other, None, ()) != first
    with_keys = StoryClusterer(config)
    first = with_keys.add("a", base, None, keys)
    assert with_keys.add("b", other, None, keys) == first


def test_ecbplus_b3_floor(ecb_heldout: list[dict[str, Any]]) -> None:
    gold = {r["id"]: r["subtopic"] for r in ecb_heldout}
    assert b_cubed_f1(gold, _run(ecb_heldout)) >= ECB_HELDOUT_F1_FLOOR


def test_ecbplus_all_topics_in_one_pass_b3_floor(corpora_dir: Path) -> None:
    with (corpora_dir / "ecbplus_dev.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    gold = {r["id"]: r["subtopic"] for r in records}
    assert b_cubed_f1(gold, _run(records)) >= ECB_ALL_F1_FLOOR


def test_order_robustness(ecb_heldout: list[dict[str, Any]]) -> None:
    gold = {r["id"]: r["subtopic"] for r in ecb_heldout}
    scores = []
    for seed in (1, 2):  # the first two shuffles of the bench
        shuffled = ecb_heldout[:]
        random.Random(seed).shuffle(shuffled)
        scores.append(b_cubed_f1(gold, _run(shuffled)))
    assert min(scores) >= ECB_HELDOUT_SHUFFLED_F1_FLOOR
    assert max(scores) - min(scores) <= ORDER_TOLERANCE


def test_batch_order_does_not_matter(ecb_heldout: list[dict[str, Any]]) -> None:
    items = [(r["id"], r["text"], None, ()) for r in ecb_heldout[:60]]
    reversed_items = list(reversed(items))
    assert StoryClusterer().add_batch(items) == StoryClusterer().add_batch(reversed_items)


@pytest.mark.parametrize("split", [10, 45])
def test_state_round_trip_continues_identically(ecb_heldout: list[dict[str, Any]], split: int) -> None:
    records = ecb_heldout[:80]
    whole = StoryClusterer()
    for r in records:
        whole.add(r["id"], r["text"], None)
    first = StoryClusterer()
    for r in records[:split]:
        first.add(r["id"], r["text"], None)
    resumed = StoryClusterer.from_state(json.loads(json.dumps(first.to_state())))
    assert resumed.assignments() == first.assignments()
    for r in records[split:]:
        resumed.add(r["id"], r["text"], None)
    assert resumed.assignments() == whole.assignments()


def test_state_saved_after_a_merge_continues_identically(ecb_heldout: list[dict[str, Any]]) -> None:
    records = ecb_heldout[:120]
    whole = StoryClusterer()
    first = StoryClusterer()
    split = None
    for k, r in enumerate(records):
        whole.add(r["id"], r["text"], None)
        if split is None:
            first.add(r["id"], r["text"], None)
            if any(s["members"] == 0 for s in first.to_state()["stories"]):
                split = k + 1  # the first state holding a story emptied by a merge
    assert split is not None
    resumed = StoryClusterer.from_state(json.loads(json.dumps(first.to_state())))
    for r in records[split:]:
        resumed.add(r["id"], r["text"], None)
    assert resumed.assignments() == whole.assignments()


def test_readding_keeps_the_story(seed_texts: dict[str, str]) -> None:
    clusterer = StoryClusterer()
    aid, text = next(iter(sorted(seed_texts.items())))
    story = clusterer.add(aid, text, None)
    assert clusterer.add(aid, "something else entirely", None) == story
    assert len(clusterer.assignments()) == 1


def test_candidate_index_stays_bounded(ecb_heldout: list[dict[str, Any]]) -> None:
    config = StoryConfig(postings_cap=4, centroid_terms=50)
    clusterer = StoryClusterer(config)
    for r in ecb_heldout[:120]:
        clusterer.add(r["id"], r["text"], None)
    state = clusterer.to_state()
    assert max(len(p) for p in state["postings"].values()) <= 4
    assert all(len(base64.b64decode(s["indices"])) <= 50 * 8 for s in state["stories"])  # int64 terms


def test_capitalized_names_separate_similar_events() -> None:
    first = "Tara Reid entered the Promises rehab center in Malibu, her representative said on Monday."
    second = "Lindsay Lohan entered a rehab center in Palm Springs, her representative said on Monday."
    stories = []
    for name_weight in (0.0, 1.0):
        clusterer = StoryClusterer(StoryConfig(join_threshold=0.5, name_weight=name_weight))
        stories.append({clusterer.add("a", first, None), clusterer.add("b", second, None)})
    assert [len(s) for s in stories] == [1, 2]  # the names tell the two rehab stays apart


def test_a_story_holding_two_events_splits(ecb_two_events: list[dict[str, Any]]) -> None:
    gold = {r["id"]: r["subtopic"] for r in ecb_two_events}
    merged = _run(ecb_two_events, StoryConfig(split_distance=0))
    assert len(set(merged.values())) == 1  # without splits the two events stay one story
    assigned = _run(ecb_two_events)
    stories_of = defaultdict(set)
    for aid, sid in assigned.items():
        stories_of[gold[aid]].add(sid)
    assert not stories_of["25_ecb"] & stories_of["25_ecbplus"]  # no story mixes the two events
    assert b_cubed_f1(gold, assigned) >= 0.9
    first = ecb_two_events[0]["id"]
    assert assigned[first] == _story_id(first)  # the story keeps the id it started with


def test_exact_copies_follow_their_original_when_a_story_splits(ecb_two_events: list[dict[str, Any]]) -> None:
    records = list(ecb_two_events)
    late = next(i for i, r in enumerate(records) if r["subtopic"] != records[0]["subtopic"])
    copy = {**records[late], "id": "copy-of-" + records[late]["id"]}
    records.insert(late + 1, copy)
    assigned = _run(records)
    assert assigned[copy["id"]] == assigned[records[late]["id"]]
    assert len(set(assigned.values())) >= 2


@pytest.mark.parametrize("split", [5, 15])
def test_state_round_trip_across_splits(ecb_two_events: list[dict[str, Any]], split: int) -> None:
    whole = _run(ecb_two_events)
    first = StoryClusterer()
    for r in ecb_two_events[:split]:
        first.add(r["id"], r["text"], None)
    resumed = StoryClusterer.from_state(json.loads(json.dumps(first.to_state())))
    for r in ecb_two_events[split:]:
        resumed.add(r["id"], r["text"], None)
    assert resumed.assignments() == whole
    assert len(set(whole.values())) >= 2


def test_split_distances_weigh_names_by_the_last_split_df_window_articles(
        ecb_heldout: list[dict[str, Any]]) -> None:
    """Past ``split_df_window`` articles, a stream's split distances are those of a stream of only its
    latest articles: counted over all its past, the IDF of every rare name grows with the log of the
    stream's length, and two events' distance shrinks under the thresholds tuned on short passes."""
    config = StoryConfig(split_df_window=40)
    long, short = StoryClusterer(config), StoryClusterer(config)
    for r in ecb_heldout[:120]:
        long.add(r["id"], r["text"], None)
    for r in ecb_heldout[80:120]:
        short.add(r["id"], r["text"], None)
    unbounded = StoryClusterer(replace(config, split_df_window=0))
    for r in ecb_heldout[:120]:
        unbounded.add(r["id"], r["text"], None)
    later = ecb_heldout[120:140]
    for r in later:  # the same member records in each, counted in no window
        indices, tf, split_terms = long.features(r["text"])
        record = long._member(None, (), indices, tf, True, split_terms)
        long._members[r["id"]] = short._members[r["id"]] = unbounded._members[r["id"]] = record
    points = [r["id"] for r in later]
    distance = long._average_link(points)[1]
    assert np.allclose(distance, short._average_link(points)[1])
    assert unbounded._average_link(points)[1].mean() < distance.mean()


def test_split_distances_keep_their_scale_when_the_members_left_the_split_window(
        ecb_two_events: list[dict[str, Any]]) -> None:
    """A story whose members came spread among other stories' articles has only some of them in the
    split window: the names all its members share must not weigh as rare names there (each name's DF
    is at least the number of the clustered members naming it), or its two events draw together."""
    config = StoryConfig(split_df_window=len(ecb_two_events))
    inside, outside = StoryClusterer(config), StoryClusterer(config)
    for clusterer in (inside, outside):
        for r in ecb_two_events:
            clusterer.add(r["id"], r["text"], None)
    for k in range(len(ecb_two_events)):  # articles naming none of the story's names push it out
        outside.add(f"glacier-{k}", f"Glacier melting goes on in Greenland, scientists in Nuuk say{' again' * k}.",
                    None)
    points = [r["id"] for r in ecb_two_events if inside._members[r["id"]].split_indices is not None]
    assert len(inside._split_window) == len(outside._split_window)
    assert np.allclose(inside._split_distances(points), outside._split_distances(points))


_CAIRNS = ("Divers near Cairns say coral bleaching spreads along the outer reef off Queensland as warm water "
           "lingers over shallow lagoons and fish leave")
_CAIRNS_HOTELS = ("Tourism operators of Queensland count fewer visitors to Cairns hotels this season while "
                  "airlines cut flights and restaurants close early")


@pytest.mark.parametrize(("rejoin_distance", "stories"), [(0.7, 1), (0.0, 2)])
def test_two_pieces_of_one_event_rejoin(rejoin_distance: float, stories: int) -> None:
    """Two stories of more than ``merge_max_members`` that name the same names (one event told two
    ways) merge when an article joins both; two stories of different names do not (see
    ``test_two_stories_bigger_than_merge_max_members_stay_apart``)."""
    clusterer = StoryClusterer(StoryConfig(rejoin_distance=rejoin_distance))
    for name, text in (("reef", _CAIRNS), ("hotels", _CAIRNS_HOTELS)):
        for k in range(4):
            clusterer.add(f"{name}-{k}", f"{text}{' again' * k}.", None)
    assert len(set(clusterer.assignments().values())) == 2
    clusterer.add("both", f"{_CAIRNS}. {_CAIRNS_HOTELS}.", None)
    assert len(set(clusterer.assignments().values())) == stories


def test_state_round_trip_across_the_split_window(ecb_two_events: list[dict[str, Any]]) -> None:
    config = StoryConfig(split_df_window=5)
    whole = _run(ecb_two_events, config)
    first = StoryClusterer(config)
    for r in ecb_two_events[:12]:
        first.add(r["id"], r["text"], None)
    resumed = StoryClusterer.from_state(json.loads(json.dumps(first.to_state())))
    assert np.array_equal(resumed._split_df, first._split_df)
    for r in ecb_two_events[12:]:
        resumed.add(r["id"], r["text"], None)
    assert resumed.assignments() == whole


def test_a_version_1_state_still_loads_and_continues(ecb_two_events: list[dict[str, Any]]) -> None:
    old = StoryClusterer()
    for r in ecb_two_events[:6]:
        old.add(r["id"], r["text"], None)
    state = json.loads(json.dumps(old.to_state()))
    # what the clusterer saved before splits existed: no member records, copies point at stories
    state["version"] = 1
    del state["members"]
    state["copies"] = {fp: state["assigned"][aid] for fp, aid in state["copies"].items()}
    for story in state["stories"]:
        for key in ("member_ids", "tracked", "checked"):
            del story[key]
    resumed = StoryClusterer.from_state(state)
    assert resumed.assignments() == old.assignments()
    first = ecb_two_events[0]
    assert resumed.add("copy", first["text"], None) == resumed.assignments()[first["id"]]
    for r in ecb_two_events[6:]:
        resumed.add(r["id"], r["text"], None)
    assert set(resumed.assignments()) == {r["id"] for r in ecb_two_events} | {"copy"}
    assert resumed.to_state()["version"] == 9


def test_a_version_2_state_takes_the_new_settings_and_unknown_settings_are_refused(
        ecb_two_events: list[dict[str, Any]]) -> None:
    old = StoryClusterer()
    for r in ecb_two_events[:6]:
        old.add(r["id"], r["text"], None)
    state = json.loads(json.dumps(old.to_state()))
    state["version"] = 2  # saved before the balanced cut had settings
    for key in ("balanced_split_distance", "split_min_part", "balanced_split_tightness", "merge_max_members"):
        del state["config"][key]
    assert StoryClusterer.from_state(state).assignments() == old.assignments()
    state["config"]["a_later_setting"] = 1  # saved by a newer version
    with pytest.raises(StoreError, match="a_later_setting"):
        StoryClusterer.from_state(state)


def test_a_version_3_state_takes_the_new_defaults(ecb_two_events: list[dict[str, Any]]) -> None:
    old = StoryClusterer()
    for r in ecb_two_events[:6]:
        old.add(r["id"], r["text"], None)
    state = json.loads(json.dumps(old.to_state()))
    state["version"] = 3  # saved before the balanced cut's tightness test and before merges
    for key in ("balanced_split_tightness", "merge_max_members"):
        del state["config"][key]
    resumed = StoryClusterer.from_state(state)
    assert resumed.config == StoryConfig()
    assert resumed.assignments() == old.assignments()
    for r in ecb_two_events[6:]:
        resumed.add(r["id"], r["text"], None)
    assert resumed.assignments() == _run(ecb_two_events)


@pytest.mark.parametrize(("version", "added"), [
    (5, ("spectral_split_distance", "spectral_split_min_part", "spectral_split_tightness")),  # the spectral cut
    (6, ("split_step", "split_step_below")),  # the fixed split step
    (7, ("split_df_window",)),  # the split window
    (8, ("rejoin_distance", "rejoin_max_members")),  # rejoins
])
def test_an_older_state_takes_the_defaults_of_what_came_after_it(
        ecb_two_events: list[dict[str, Any]], version: int, added: tuple[str, ...]) -> None:
    old = StoryClusterer()
    for r in ecb_two_events[:6]:
        old.add(r["id"], r["text"], None)
    state = json.loads(json.dumps(old.to_state()))
    state["version"] = version  # saved before the settings ``added``
    for key in added:
        del state["config"][key]
    for key in ("split_window_terms", "split_window_sizes"):  # before version 8, no split window was saved
        if version < 8:
            del state[key]
    resumed = StoryClusterer.from_state(state)
    assert resumed.config == StoryConfig()
    for r in ecb_two_events[6:]:
        resumed.add(r["id"], r["text"], None)
    assert resumed.assignments() == _run(ecb_two_events)
    assert resumed.to_state()["version"] == 9


@pytest.mark.parametrize(("split_step", "checks"), [(4, [4, 5, 7, 9, 12, 15, 19, 23]), (0, [4, 5, 7, 9, 12, 15, 19])])
def test_a_mid_size_story_is_checked_every_split_step_members(split_step: int, checks: list[int]) -> None:
    """Growth by a quarter checks at 19 members, then at 24: a story that stops growing at 23 would
    keep its last four members unchecked; a step of 4 checks it at 23."""
    clusterer = StoryClusterer(StoryConfig(split_step=split_step))
    seen: list[int] = []
    for k, text in enumerate(_variants(_REEF, 23)):
        clusterer.add(f"reef-{k}", text, None)
        checked = clusterer._story_of(f"reef-{k}").checked
        if checked and checked not in seen:
            seen.append(checked)
    assert len(set(clusterer.assignments().values())) == 1
    assert seen == checks


_GLACIER = "Glacier melting accelerates across the Greenland ice sheet, researchers in Nuuk report."
_REEF = "Coral bleaching spreads along the reef off Queensland, divers in Cairns report."


def _variants(text: str, n: int) -> list[str]:
    return [f"{text} Update {k}: {'more ' * k}details." for k in range(n)]


@pytest.mark.parametrize(("merge_max_members", "stories"), [(2, 1), (0, 2)])
def test_an_article_joining_two_stories_merges_the_smaller(merge_max_members: int, stories: int) -> None:
    clusterer = StoryClusterer(StoryConfig(merge_max_members=merge_max_members, rejoin_distance=0))
    glacier = clusterer.add("glacier", _GLACIER, None)
    for k, text in enumerate(_variants(_REEF, 3)):
        clusterer.add(f"reef-{k}", text, None)
    assert len(set(clusterer.assignments().values())) == 2
    clusterer.add("both", _GLACIER + " " + _REEF, None)  # as close to either story as a join needs
    assigned = clusterer.assignments()
    assert len(set(assigned.values())) == stories
    if stories == 1:  # the bigger story (the reef, three members) takes the glacier's, id and all
        assert assigned["glacier"] == assigned["reef-0"] == _story_id("reef-0") != glacier


@pytest.mark.parametrize(("merge_max_members", "stories"), [(2, 2), (3, 1)])
def test_two_stories_bigger_than_merge_max_members_stay_apart(merge_max_members: int, stories: int) -> None:
    # without splits, which would cut the two merged topics apart again
    clusterer = StoryClusterer(StoryConfig(merge_max_members=merge_max_members, split_distance=0))
    for name, text in (("glacier", _GLACIER), ("reef", _REEF)):
        for k, variant in enumerate(_variants(text, 3)):
            clusterer.add(f"{name}-{k}", variant, None)
    clusterer.add("both", _GLACIER + " " + _REEF, None)
    assert len(set(clusterer.assignments().values())) == stories


def test_a_story_emptied_by_a_merge_takes_no_candidate_slot() -> None:
    clusterer = StoryClusterer(StoryConfig(merge_max_members=2))
    glacier = clusterer.add("glacier", _GLACIER, None)  # the older story, merged away below
    for k, text in enumerate(_variants(_REEF, 3)):
        clusterer.add(f"reef-{k}", text, None)
    merged = clusterer.add("both", _GLACIER + " " + _REEF, None)
    assert merged != glacier
    # one candidate per article: the emptied story shares as many lookup terms as the merged one
    # and is older, so it would take the only slot and the article would start a story of its own
    clusterer.config = replace(clusterer.config, max_candidates=1)
    again = "Glacier melting accelerates across the Greenland ice sheet, scientists in Nuuk say."
    assert clusterer.add("glacier-again", again, None) == merged


def _two_groups_and_an_outlier(between: float, inside: float = 0.3) -> tuple[Any, Any]:
    """The average-link tree and distance matrix of two groups (points 1-4 and 5-9, each ``inside``
    apart inside, the groups ``between`` apart) and an outlier (point 0, the oldest, 0.95 from all)."""
    distance = np.full((10, 10), 0.95)
    distance[1:5, 5:] = distance[5:, 1:5] = between
    distance[1:5, 1:5] = distance[5:, 5:] = inside
    np.fill_diagonal(distance, 0.0)
    return linkage(distance[np.triu_indices(10, 1)], method="average"), distance


@pytest.mark.parametrize(("between", "leaving"), [(0.8, [[5, 6, 7, 8, 9]]), (0.6, [])])
def test_balanced_cut_looks_past_outliers(between: float, leaving: list[list[int]]) -> None:
    # the top merge only adds the outlier; the two groups beneath split when far enough apart, and
    # the group of the later articles leaves (the story keeps its id with the older ones, 1-4, also
    # when the oldest point of all is the outlier)
    config = StoryConfig(balanced_split_distance=0.75, split_min_part=4)
    cut = balanced_cut(*_two_groups_and_an_outlier(between), config)
    assert cut == leaving


@pytest.mark.parametrize(("inside", "tightness", "leaving"), [
    (0.3, 0.87, [[5, 6, 7, 8, 9]]),  # tight sides: 0.3 inside, 0.8 between
    (0.72, 0.87, []),  # loose halves: 0.72 inside is 0.9 of the 0.8 between, no split
    (0.72, 0.0, [[5, 6, 7, 8, 9]]),  # the test turned off cuts them
])
def test_balanced_cut_needs_tight_sides(inside: float, tightness: float, leaving: list[list[int]]) -> None:
    config = StoryConfig(balanced_split_distance=0.75, split_min_part=4, balanced_split_tightness=tightness)
    assert balanced_cut(*_two_groups_and_an_outlier(0.8, inside), config) == leaving


def _two_groups(between: float, inside: float, sizes: tuple[int, int], interleaved: bool = False) -> Any:
    """The distance matrix of two groups of ``sizes`` points, ``inside`` apart inside and ``between``
    apart across; the first group holds the first points, or every other point when ``interleaved``."""
    n = sum(sizes)
    order = list(range(n))
    if interleaved:  # 0, 2, 4, ... in the first group while it lasts
        evens, odds = order[::2], order[1::2]
        first = (evens + odds)[: sizes[0]]
    else:
        first = order[: sizes[0]]
    in_first = np.isin(np.arange(n), first)
    distance = np.where(in_first[:, None] == in_first[None, :], inside, between)
    np.fill_diagonal(distance, 0.0)
    return distance


_SPECTRAL = StoryConfig(spectral_split_distance=0.74, spectral_split_min_part=6, spectral_split_tightness=0.92)


@pytest.mark.parametrize(("distance", "config", "leaving"), [
    (_two_groups(0.8, 0.6, (6, 7)), _SPECTRAL, [list(range(6, 13))]),  # the later group leaves
    (_two_groups(0.8, 0.6, (7, 6), interleaved=True), _SPECTRAL, [[1, 3, 5, 7, 9, 11]]),
    (_two_groups(0.7, 0.6, (6, 7)), _SPECTRAL, []),  # not far enough apart
    (_two_groups(0.8, 0.6, (5, 8)), _SPECTRAL, []),  # a side smaller than the min part
    (_two_groups(0.8, 0.76, (6, 7)), _SPECTRAL, []),  # loose sides: 0.76 is 0.95 of 0.8
    (_two_groups(0.8, 0.76, (6, 7)), replace(_SPECTRAL, spectral_split_tightness=0.0), [list(range(6, 13))]),
    (np.full((13, 13), 0.8) - 0.8 * np.eye(13), _SPECTRAL, []),  # all equally far: no two sides
])
def test_spectral_cut(distance: Any, config: StoryConfig, leaving: list[list[int]]) -> None:
    assert spectral_cut(distance, config) == leaving


@pytest.mark.parametrize("own_controller", [False, True])
def test_the_spectral_cut_runs_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch, own_controller: bool) -> None:
    # OpenBLAS's idle threads spin: on its own pool the cut cost linking 20k articles 25% more CPU
    from threadpoolctl import ThreadpoolController, threadpool_info

    seen: list[set[int]] = []
    eigh = np.linalg.eigh

    def watched(matrix: Any) -> Any:
        seen.append({pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"})
        return eigh(matrix)

    monkeypatch.setattr(np.linalg, "eigh", watched)
    blas = ThreadpoolController() if own_controller else None
    assert spectral_cut(_two_groups(0.8, 0.6, (6, 7)), _SPECTRAL, blas) == [list(range(6, 13))]
    assert seen == [{1}]


def test_the_spectral_cut_splits_two_events_the_dendrogram_mixed(corpora_dir: Path) -> None:
    """ECB+ tune topics 1-20 in file order: the Angels' and the Red Sox's offers to Mark Teixeira
    (topic 10) stay one story under the dendrogram's cuts and split with the spectral one."""
    with (corpora_dir / "ecbplus_dev.jsonl").open(encoding="utf-8") as f:
        records = [r for line in f if int((r := json.loads(line))["topic"]) <= 20]
    for config, mixed in ((replace(StoryConfig(), spectral_split_distance=0.0), True), (StoryConfig(), False)):
        assigned = _run(records, config)
        stories = defaultdict(set)
        for r in records:
            if r["topic"] == "10":
                stories[r["subtopic"]].add(assigned[r["id"]])
        assert bool(stories["10_ecb"] & stories["10_ecbplus"]) == mixed


def test_split_terms_are_the_names_and_numbers_of_the_term_vector() -> None:
    clusterer = StoryClusterer()
    text = "Tara Reid, 33, entered the Promises rehab center in Malibu on Monday."
    indices, _, split_terms = clusterer.features(text)
    split = set(split_terms.tolist())
    assert split <= set(indices.tolist())
    assert len(split) == 5  # Reid, Promises, Malibu, Monday (not "Tara", which opens the sentence) and 33
    rehab = clusterer.term_frequencies("rehab")[0].tolist()
    assert rehab and not split & set(rehab)


def test_the_dated_year_is_a_key_of_the_term_vector_and_the_split_terms() -> None:
    body = "the actress Tara Reid entered the Promises rehab center in Malibu."
    clusterer = StoryClusterer()
    plain, _, plain_split = clusterer.features(body)
    dated, weights, dated_split = clusterer.features("March 4, 2009\n" + body)
    other, _, _ = clusterer.features("March 4, 2013\n" + body)
    key = set(dated.tolist()) - set(plain.tolist()) - set(clusterer.term_frequencies("March 2009")[0].tolist())
    assert len(key) == 1  # y:2009 besides the words March, 4 and 2009
    assert key <= set(dated_split.tolist()) and not key & set(other.tolist())
    assert abs(float(np.linalg.norm(weights)) - 1.0) < 1e-9
    assert set(plain_split.tolist()) < set(dated_split.tolist())
    off = StoryClusterer(StoryConfig(date_year_weight=0.0))
    assert not key & set(off.features("March 4, 2009\n" + body)[0].tolist())
    assert StoryClusterer().features("in 2009, " + body)[0].size == plain.size + 1  # a bare year: a word only
    published = clusterer.features("March 4, 2009\n" + body, date(2009, 3, 4))[0]  # the date is known
    assert not key & set(published.tolist()) and published.size == dated.size - 1


@pytest.mark.parametrize("weight", [StoryConfig().date_year_weight, 0.0])
def test_articles_dated_in_one_year_gather(ecb_heldout: list[dict[str, Any]], weight: float) -> None:
    """ECB+ topic 30 alone: the dated articles of 30_ecbplus (one event, 2013) form one story of their
    own with their dated-year key; without it four of them join the story of 30_ecb."""
    topic = [r for r in ecb_heldout if r["topic"] == "30"]
    assigned = _run(topic, StoryConfig(date_year_weight=weight))
    stories = defaultdict(set)
    for r in topic:
        stories[r["subtopic"]].add(assigned[r["id"]])
    gathered = len(stories["30_ecbplus"]) == 1 and not stories["30_ecbplus"] & stories["30_ecb"]
    assert gathered == bool(weight)


def test_balanced_cut_of_one_point_sides_does_not_divide_by_zero() -> None:
    # split_min_part=1 takes the root merge, the outlier (point 0) against the rest: a side of one
    # point has no spread (tight), so the tightness test compares the rest's spread
    config = StoryConfig(balanced_split_distance=0.75, split_min_part=1)
    assert balanced_cut(*_two_groups_and_an_outlier(0.8), config) == [list(range(1, 10))]


@pytest.mark.parametrize("seed", [0, 1])
def test_merges_and_splits_keep_each_article_in_exactly_one_story(ecb_heldout: list[dict[str, Any]],
                                                                  seed: int) -> None:
    records = ecb_heldout[:]
    random.Random(seed).shuffle(records)
    clusterer = StoryClusterer()
    for n, r in enumerate(records, 1):
        clusterer.add(r["id"], r["text"], None)
        if n % 40 and n != len(records):
            continue
        state = clusterer.to_state()
        held = [aid for s in state["stories"] for aid in s["member_ids"]]
        assert sorted(held) == sorted(state["assigned"])  # none lost, none twice
        assert all(s["members"] == len(s["member_ids"]) for s in state["stories"])
        assert all(state["assigned"][aid] == s["id"] for s in state["stories"] for aid in s["member_ids"])
    assert any(s["members"] == 0 for s in clusterer.to_state()["stories"])  # a merge happened


def test_saved_members_are_decoded_only_when_used_and_saved_back_as_read(ecb_two_events: list[dict[str, Any]]) -> None:
    from newsweave.link.story_state import MemberRecord, MemberTable

    clusterer = StoryClusterer()
    for r in ecb_two_events:
        clusterer.add(r["id"], r["text"], None)
    state = json.loads(json.dumps(clusterer.to_state()))
    table = MemberTable(state["members"])
    first = next(iter(state["members"]))
    state["members"][first]["k"] = ["edited after loading"]  # a row never used is saved as it was read
    assert table.to_state()[first]["k"] == ["edited after loading"]
    record = table[first]
    assert isinstance(record, MemberRecord) and record.keys == ("edited after loading",)
    assert len(table) == len(state["members"])
    restored = StoryClusterer.from_state(state)
    assert json.dumps(restored.to_state()) == json.dumps(state)  # unchanged rows round-trip byte for byte
