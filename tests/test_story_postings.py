"""The candidate index of story clustering against the insertion-ordered dicts it replaced."""

from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.link.story_postings import Postings

_N_FEATURES = 64

# posts: (story number, distinct terms in the order posted)
_POSTS = st.lists(st.tuples(st.integers(0, 12), st.lists(st.integers(0, _N_FEATURES - 1), unique=True,
                                                          max_size=8)), max_size=40)


def _dict_postings(posts: list[tuple[int, list[int]]], cap: int) -> dict[int, dict[int, None]]:
    """What ``StoryClusterer._post`` kept before ``Postings``: term -> story numbers, oldest first."""
    postings: dict[int, dict[int, None]] = {}
    for number, terms in posts:
        for term in terms:
            posting = postings.setdefault(term, {})
            posting.pop(number, None)
            posting[number] = None
            if len(posting) > cap:
                del posting[next(iter(posting))]
    return postings


@settings(max_examples=200, deadline=None)
@given(_POSTS, st.integers(1, 5), st.lists(st.integers(0, _N_FEATURES - 1), unique=True, max_size=10))
def test_postings_keep_the_dicts_order_cap_and_saved_form(posts: list[tuple[int, list[int]]], cap: int,
                                                          lookup: list[int]) -> None:
    postings = Postings(_N_FEATURES, cap)
    for number, terms in posts:
        postings.post(number, np.array(terms, dtype=np.int64))
    expected = _dict_postings(posts, cap)
    state = postings.to_state()
    assert state == {str(t): list(p) for t, p in expected.items()}
    assert list(state) == [str(t) for t in expected]  # terms in the order first posted
    shared = Counter(n for t in lookup for n in expected.get(t, {}))
    numbers, counts = postings.gather(np.array(lookup, dtype=np.int64))
    assert dict(zip(numbers.tolist(), counts.tolist(), strict=True)) == shared
    assert numbers.tolist() == sorted(shared)
    assert Postings.from_state(state, _N_FEATURES, cap).to_state() == state


def test_postings_grow_past_their_first_table() -> None:
    postings = Postings(1 << 12, 2)
    for number in range(3):
        postings.post(number, np.arange(number, 3000, 3, dtype=np.int64))
    state = postings.to_state()
    assert len(state) == 3000
    assert state["0"] == [0] and state["2999"] == [2]
    assert postings.gather(np.array([1, 4, 5], dtype=np.int64))[0].tolist() == [1, 2]
