"""Words and hashed word n-grams: what story linking and summaries read of a text.

The same tokens and features as scikit-learn's word analyzer (lower case, words of two or more
word characters, ``stop_words="english"``) and its ``HashingVectorizer(alternate_sign=False,
norm=None)``: MurmurHash3 (32-bit, seed 0, signed) of each token's UTF-8 bytes, absolute value
modulo the number of features. Computed here with ``mmh3`` because importing scikit-learn costs
~0.7 s of CPU in every process that does (it imports scipy.stats, and pandas when installed), and
a run paid it three times (the main process for linking, each dossier worker for summaries) for
these few lines. The output is equal to scikit-learn's, feature for feature (tested against it),
so a clusterer state saved before stays valid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import mmh3
import numpy as np
import numpy.typing as npt

__all__ = ["ENGLISH_STOP_WORDS", "hashed_counts", "word_ngrams", "words"]

# scikit-learn's English stop words (``sklearn.feature_extraction.text.ENGLISH_STOP_WORDS``, from
# the Glasgow Information Retrieval Group's list; BSD-3-Clause), copied so that the features stay
# the ones the clusterer was tuned and its states were saved with.
_STOP_WORD_TEXT = """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst amoungst amount an and another any anyhow anyone anything
    anyway anywhere are around as at back be became because become becomes becoming been before
    beforehand behind being below beside besides between beyond bill both bottom but by call can
    cannot cant co con could couldnt cry de describe detail do done down due during each eg
    eight either eleven else elsewhere empty enough etc even ever every everyone everything
    everywhere except few fifteen fifty fill find fire first five for former formerly forty
    found four from front full further get give go had has hasnt have he hence her here
    hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in
    inc indeed interest into is it its itself keep last latter latterly least less ltd made many
    may me meanwhile might mill mine more moreover most mostly move much must my myself name
    namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere
    of off often on once one only onto or other others otherwise our ours ourselves out over own
    part per perhaps please put rather re same see seem seemed seeming seems serious several she
    should show side since sincere six sixty so some somehow someone something sometime
    sometimes somewhere still such system take ten than that the their them themselves then
    thence there thereafter thereby therefore therein thereupon these they thick thin third this
    those though three through throughout thru thus to together too top toward towards twelve
    twenty two un under until up upon us very via was we well were what whatever when whence
    whenever where whereafter whereas whereby wherein whereupon wherever whether which while
    whither who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves
"""
ENGLISH_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_INT32_MIN = -(2**31)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (two or more word characters), stop words removed."""
    return [w for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def word_ngrams(text: str, n_max: int) -> list[str]:
    """``words(text)``, then every run of 2 to ``n_max`` consecutive ones joined by a space."""
    tokens = words(text)
    grams = list(tokens)
    for n in range(2, min(n_max, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _feature(token: str, n_features: int) -> int:
    h = mmh3.hash(token, 0, signed=True)
    # abs(-2**31) overflows an int32: scikit-learn defines that feature as (2**31 - 1 - (n - 1)) % n
    return (2**31 - n_features) % n_features if h == _INT32_MIN else abs(h) % n_features


def hashed_counts(tokens: Sequence[str], n_features: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """The sorted distinct features of ``tokens`` and how often each occurs: one row of
    ``HashingVectorizer(n_features=n_features, analyzer=lambda x: x, alternate_sign=False,
    norm=None).transform([tokens])``."""
    hashed = np.fromiter((_feature(t, n_features) for t in tokens), dtype=np.int64, count=len(tokens))
    indices, counts = np.unique(hashed, return_counts=True)
    return indices, counts.astype(np.float64)
