"""``link.words`` gives scikit-learn's word analyzer and hashed features without importing it.

Story linking hashes its terms with ``link.words`` and keeps them in its saved state: a state saved
while linking used scikit-learn's ``HashingVectorizer`` must read the same features, so every test
here compares with scikit-learn itself (a test dependency, no longer a run-time one).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer

from newsweave.link import words as words_module
from newsweave.link.stories import StoryClusterer
from newsweave.link.words import ENGLISH_STOP_WORDS, hashed_counts, word_ngrams, words

ODD_TEXTS = [
    "",
    "It is what it is.",
    "Café owners in São Paulo say naïve co-op rules cost R$ 3,811.50 a month; under_score stays.",
    "Токаев заявил, что 2.5 тысячи человек задержаны. 東京 2022 ok",
    "A B c d 1 22 333 x2 2x _a __ 'quoted' «guillemets»\nnew\tline",
]


def _ecbplus_texts(corpora_dir: Path, n: int) -> list[str]:
    path = corpora_dir / "ecbplus_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for _, line in zip(range(n), f, strict=False)]


def test_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as theirs

    assert theirs == ENGLISH_STOP_WORDS


def test_words_are_scikit_learns_analyzer(corpora_dir: Path) -> None:
    analyze = TfidfVectorizer(stop_words="english").build_analyzer()
    for text in ODD_TEXTS + _ecbplus_texts(corpora_dir, 200):
        assert words(text) == analyze(text)


@pytest.mark.parametrize("n_max", [1, 2, 3])
def test_word_ngrams_are_scikit_learns(corpora_dir: Path, n_max: int) -> None:
    analyze = HashingVectorizer(ngram_range=(1, n_max), stop_words="english").build_analyzer()
    for text in ODD_TEXTS + _ecbplus_texts(corpora_dir, 50):
        assert word_ngrams(text, n_max) == analyze(text)


@pytest.mark.parametrize("n_features", [1 << 20, 1000, 7])
def test_hashed_counts_are_a_hashing_vectorizer_row(corpora_dir: Path, n_features: int) -> None:
    vectorizer = HashingVectorizer(n_features=n_features, analyzer=lambda x: x, alternate_sign=False, norm=None)
    for text in ODD_TEXTS + _ecbplus_texts(corpora_dir, 100):
        tokens = word_ngrams(text, 2) + ["n:" + t for t in text.split()]
        row = vectorizer.transform([tokens])
        row.sort_indices()
        indices, counts = hashed_counts(tokens, n_features)
        assert indices.tolist() == row.indices.tolist()
        assert counts.tolist() == row.data.tolist()


def test_a_hash_of_minus_two_to_the_31_takes_scikit_learns_feature(monkeypatch: pytest.MonkeyPatch) -> None:
    # abs(-2**31) overflows an int32; scikit-learn's _hashing_fast.pyx defines the feature as
    # (2147483647 - (n_features - 1)) % n_features
    monkeypatch.setattr(words_module.mmh3, "hash", lambda token, seed, signed: -(2**31))
    assert hashed_counts(["x"], 1000)[0].tolist() == [(2147483647 - 999) % 1000]
    assert hashed_counts(["x"], 1 << 20)[0].tolist() == [0]


def _features_with_scikit_learn(clusterer: StoryClusterer, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What ``StoryClusterer.features`` computed when it hashed with scikit-learn (until ANNOTATOR_VERSION 9)."""
    from newsweave.link.stories import _NAME

    config = clusterer.config
    hashing = HashingVectorizer(n_features=config.n_features, ngram_range=(1, config.ngram_max),
                                stop_words="english", alternate_sign=False, norm=None)
    keys = HashingVectorizer(n_features=config.n_features, analyzer=lambda x: x, alternate_sign=False, norm=None)
    tokens = hashing.build_analyzer()(text)
    names = ["n:" + m.group(1).lower() for m in _NAME.finditer(text)]
    numbers = [w for w in tokens if w.isdigit()]
    rows = keys.transform([tokens, names, names + numbers])
    cut = rows.indptr
    indices, where = np.unique(rows.indices[: cut[2]], return_inverse=True)
    weight = np.ones(cut[2])
    weight[cut[1] :] = config.name_weight
    data = np.bincount(where, weights=rows.data[: cut[2]] * weight)
    tf = np.where(data >= 1.0, 1.0 + np.log(np.maximum(data, 1.0)), data)
    norm = float(np.linalg.norm(tf))
    split = np.unique(rows.indices[cut[2] : cut[3]])
    return indices.astype(np.int64), tf / norm if norm else tf, split.astype(np.int64)


def test_story_features_are_the_ones_saved_states_hold(corpora_dir: Path) -> None:
    clusterer = StoryClusterer()
    for text in ODD_TEXTS + _ecbplus_texts(corpora_dir, 200):
        # a dated article: no dateline year key (the feature scikit-learn's hashing never had)
        ours = clusterer.features(text, date(2009, 3, 4))
        theirs = _features_with_scikit_learn(clusterer, text)
        for a, b in zip(ours, theirs, strict=True):
            assert a.tolist() == b.tolist()  # equal, not close: saved centroids and DF tables stay valid


def test_a_run_does_not_import_scikit_learn() -> None:
    code = ("import sys\n"
            "from newsweave.link.stories import StoryClusterer\n"
            "from newsweave.dossier.summary import summarize\n"
            "import newsweave.pipeline, newsweave.dossier.worker\n"
            "StoryClusterer().features('Tokayev said on Friday.')\n"
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
