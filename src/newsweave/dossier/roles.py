"""Speakers named only by their role, resolved across the story's articles.

An article may attribute a quote to "the foreign ministry spokeswoman" and never name her, while
another article of the same story writes "Official representative of the Russian Foreign Ministry
Maria Zakharova". The quote stage resolves speakers inside one article; this stage runs in the dossier,
where the whole story is known:

1. every person mention linked to an actor gives a *title*: the words before it in its sentence
   ("official representative of the Russian Foreign Ministry") and an apposition after it
   (", the foreign ministry spokeswoman,");
2. a speaker that is a role description ("the foreign ministry spokeswoman", "the ministry
   spokesman") matches an actor when one of its titles holds the role noun, or a word of the same
   role ("spokesperson", "representative"; never "spokesman" for "spokeswoman"), and every other
   content word of the description ("foreign", "ministry");
3. the speaker is set only when the description says more than the role ("the counselor" alone is
   left empty: in a wire story it is one outlet's counselor or another's) and exactly one actor
   matches: an ambiguous role is left empty, never guessed.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.annotate.speakers import ROLE_WORDS
from newsweave.dossier.names import PERSON_TITLES
from newsweave.model import Annotations, Article

# Words of one role: a description's head noun matches a title holding any word of its set.
_ROLE_WORDS: dict[str, frozenset[str]] = {
    "spokeswoman": frozenset({"spokeswoman", "spokesperson", "representative"}),
    "spokesman": frozenset({"spokesman", "spokesperson", "representative"}),
    "spokesperson": frozenset({"spokeswoman", "spokesman", "spokesperson", "representative"}),
    "representative": frozenset({"spokeswoman", "spokesman", "spokesperson", "representative"}),
}
# Head nouns that describe a person by office or role (a description must end with one): the titles
# actor resolution and the quote stage know, and roles news names people by.
ROLE_NOUNS = PERSON_TITLES | ROLE_WORDS | {"official", "executive", "analyst", "economist", "lawyer"}
_STOP = frozenset({"the", "a", "an", "of", "for", "s", "his", "her", "its", "their", "former", "then",
                   "top", "senior", "deputy"})
_WORD = re.compile(r"[a-z]+")
# How far a title reaches: words before the name in its sentence, characters of an apposition.
_TITLE_WORDS = 12
_APPOSITION_CHARS = 120
_SENTENCE_BREAK = re.compile(r"[.!?\n\"“”]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'").replace("'s", ""))


def role_description(speaker: str) -> tuple[str, frozenset[str]] | None:
    """The role noun and the other content words of a speaker description, or None when the speaker
    is not a role description ("the foreign ministry spokeswoman" -> ("spokeswoman", {"foreign",
    "ministry"})). A description opens with an article and ends with a role noun: names ("Maria
    Zakharova"), pronouns and organizations ("the ministry") are not descriptions."""
    words = _words(speaker)
    if not words or words[-1] not in ROLE_NOUNS or words[0] not in ("the", "a", "an"):
        return None
    return words[-1], frozenset(w for w in words[:-1] if w not in _STOP)


def _titles(article: Article, ann: Annotations) -> list[tuple[str, set[str]]]:
    """(actor id, words of a title) for each person mention of one article that has an actor."""
    text = article.text
    out: list[tuple[str, set[str]]] = []
    for m in ann.mentions:
        if m.entity is None or m.label != "PERSON":
            continue
        before = text[max(0, m.start - 200):m.start]
        breaks = list(_SENTENCE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end():]
        words = set(_words(before)[-_TITLE_WORDS:])
        after = text[m.end:m.end + _APPOSITION_CHARS]
        if after.startswith(","):
            words |= set(_words(re.split(r"[,.;:!?\n\"“”()]", after[1:], maxsplit=1)[0]))
        if words:
            out.append((m.entity, words))
    return out


def _matches(role: str, modifiers: frozenset[str], title: set[str]) -> bool:
    return bool(_ROLE_WORDS.get(role, frozenset({role})) & title) and modifiers <= title


def resolve_role_speakers(linked: Sequence[tuple[Article, Annotations]]
                          ) -> list[tuple[Article, Annotations]]:
    """Set the speaker actor of quotes attributed to a role description, from the titles the story's
    articles give its people; a quote keeps no actor when no title or several actors match.

    Args:
        linked: the story's articles with annotations whose mentions carry actor ids.

    Returns:
        The same articles with ``Quote.speaker_entity`` filled where a role resolved.
    """
    titles: dict[str, list[set[str]]] = defaultdict(list)
    for article, ann in linked:
        for entity, words in _titles(article, ann):
            titles[entity].append(words)
    if not titles:
        return list(linked)
    out: list[tuple[Article, Annotations]] = []
    for article, ann in linked:
        quotes = list(ann.quotes)
        changed = False
        for k, q in enumerate(quotes):
            if q.speaker_entity is not None or q.speaker is None:
                continue
            described = role_description(q.speaker.text)
            if described is None or not described[1]:
                continue  # a bare "the counselor" may be any outlet's counselor: never guessed
            role, modifiers = described
            actors = {e for e, ts in titles.items() if any(_matches(role, modifiers, t) for t in ts)}
            if len(actors) == 1:
                quotes[k] = dataclasses.replace(q, speaker_entity=actors.pop())
                changed = True
        out.append((article, dataclasses.replace(ann, quotes=tuple(quotes)) if changed else ann))
    return out
