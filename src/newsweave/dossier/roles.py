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

An organization named by a common noun ("according to the ministry") is resolved the same way
(``resolve_org_speakers``): to the one organization of the story with those words in a name, and
a firm's noun ("the company said") to the one organization the story writes as a company.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from newsweave.annotate.speakers import ROLE_WORDS
from newsweave.dossier.names import ORG_WORDS, PERSON_TITLES
from newsweave.dossier.occurrences import FIRM_NOUNS, written_as_firm
from newsweave.model import STORY, Annotations, Article, Entity, Mention

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
# "the ministry", "the health ministry", "The Agency": a definite description of one or two words.
_ORG_DESCRIPTION = re.compile(r"^[Tt]he\s+([A-Za-z]+(?:\s+[A-Za-z]+)?)$")
# A description right after a name and a comma is its apposition ("Taft, the company's chairman").
_APPOSED = re.compile(r"\s*,[^,.;:!?()\n]*$")
# ... and one right before a name, set off by a comma ("the minister at the Presidency, Quevedo"),
# or a title glued to it ("the US Secretary of State Antony Blinken").
_NAME_FOLLOWS = re.compile(r"\s*$|[^,.;:!?()\n]*,\s*$")
# Small words inside a title ("Minister of Foreign Affairs", "Ambassador to US").
_TITLE_LINKS = frozenset({"of", "the", "for", "and", "to"})
# How far a title reaches: words before the name in its sentence, characters of an apposition.
_TITLE_WORDS = 12
_APPOSITION_CHARS = 120
_SENTENCE_BREAK = re.compile(r"[.!?\n\"“”]")
# Title words that qualify a role or abbreviate one but never head a description ("the strike
# continued foreign ...", "the press").
_QUALIFIERS = frozenset({"vice", "prime", "foreign", "defense", "defence", "press", "deputy", "st",
                         "saint", "father", "star", "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord",
                         "lt", "capt", "sgt", "sen", "rep", "gov", "pres", "prof", "rev", "senior", "top"})
# Nouns that make a role word before them a modifier ("general manager", "executive editor").
_COMPOUND_HEADS = frozenset({"manager", "editor", "counsel", "member", "members", "staff", "officials",
                             "candidate", "nominee", "aide", "aides", "office", "post", "job", "seat",
                             "partner", "partners"})
_NEXT_WORD = re.compile(r" +([A-Za-z]+)\b")
Titles = dict[str, list[set[str]]]
# The label of a mention that names a person by office alone (see ``resolve_role_mentions``).
ROLE_LABEL = "ROLE"
# "the", up to four words (no "of", "the", "and"...), a role noun, and an optional "of [the] Name
# Name": a description. The last role noun of the words is the head ("the press secretary").
_DESCRIPTION = re.compile(
    r"\b[Tt]he +((?:(?!(?:of|the|and|or|in|on|at|to|for|with|by|from|as)\b)"
    r"(?:[\w'’-]+(?:\.[\w'’-]+)+\.?|[\w'’-]+) +){0,4})((?i:"
    + "|".join(sorted(ROLE_NOUNS - _QUALIFIERS, key=len, reverse=True))
    + r"))\b(?: +of +(?:the +)?([A-Z][\w-]*(?: +[A-Z][\w-]*){0,2}))?")


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
        words = set(_words(" ".join(_title_run(before))))
        after = text[m.end:m.end + _APPOSITION_CHARS]
        if after.startswith(","):
            words |= set(_words(re.split(r"[,.;:!?\n\"“”()]", after[1:], maxsplit=1)[0]))
        if words:
            out.append((m.entity, words))
    return out


def _title_run(before: str) -> list[str]:
    """The title written right before a name: the words back to the first one that cannot be part
    of a title ("said", "a"), at most ``_TITLE_WORDS``. "The senior bank official said Federal
    Reserve chairman Paul Volcker" gives Volcker "Federal Reserve chairman", not the official's
    words."""
    run: list[str] = []
    for token in reversed(before.split()):
        word = _words(token)
        if len(run) == _TITLE_WORDS or not word or not (
                token[:1].isupper() or word[-1] in _TITLE_LINKS or word[-1] in ROLE_NOUNS
                or word[-1] in ORG_WORDS):
            break
        run.append(token)
    return run[::-1]


def _matches(role: str, modifiers: frozenset[str], title: set[str]) -> bool:
    return bool(_ROLE_WORDS.get(role, frozenset({role})) & title) and modifiers <= title


def resolve_role_speakers(linked: Sequence[tuple[Article, Annotations]], titles: Titles
                          ) -> list[tuple[Article, Annotations]]:
    """Set the speaker actor of quotes attributed to a role description, from the titles the story's
    articles give its people; a quote keeps no actor when no title or several actors match.

    Args:
        linked: the story's articles with annotations whose mentions carry actor ids.
        titles: ``story_titles(linked)``.

    Returns:
        The same articles with ``Quote.speaker_entity`` filled where a role resolved.
    """
    if not titles:
        return list(linked)

    def actor(speaker: str) -> str | None:
        described = role_description(speaker)
        if described is None or not described[1]:
            return None  # a bare "the counselor" may be any outlet's counselor: never guessed
        return _only_actor(titles, *described)

    return _fill_speakers(linked, actor)


def _fill_speakers(linked: Sequence[tuple[Article, Annotations]], actor: Callable[[str], str | None]
                   ) -> list[tuple[Article, Annotations]]:
    """The articles with ``speaker_entity`` set to ``actor(speaker words)`` on each quote whose
    speaker is written but unresolved, where that gives an actor."""
    out: list[tuple[Article, Annotations]] = []
    for article, ann in linked:
        quotes = list(ann.quotes)
        changed = False
        for k, q in enumerate(quotes):
            if q.speaker_entity is None and q.speaker is not None and (found := actor(q.speaker.text)) is not None:
                quotes[k] = dataclasses.replace(q, speaker_entity=found)
                changed = True
        out.append((article, dataclasses.replace(ann, quotes=tuple(quotes)) if changed else ann))
    return out


def resolve_org_speakers(linked: Sequence[tuple[Article, Annotations]], entities: Mapping[str, Entity]
                         ) -> list[tuple[Article, Annotations]]:
    """Set the speaker actor of quotes attributed to an organization by a common noun ("according to
    the ministry", "the agency said") when exactly one organization of the story has every word of
    the description in one of its names ("the ministry" -> "Ministry of Health"; "the health
    ministry" too). Not when two fit ("the ministry" in a story of two ministries). A firm's noun
    ("the company", "the operator", "the firm") goes to the one organization the story writes as a
    company ("Telvia, Portugal's second-largest mobile operator,", "Telvia shares"; see
    ``occurrences.written_as_firm``), when there is exactly one.

    Args:
        linked: the story's articles with annotations whose mentions carry actor ids.
        entities: the story's actors by id.

    Returns:
        The same articles with ``Quote.speaker_entity`` filled where a description resolved.
    """
    names = [(e.id, [set(_WORD.findall(a.lower())) for a in (e.name, *e.aliases)])
             for e in entities.values() if e.type == "ORG"]
    if not names:
        return list(linked)
    firms: set[str] | None = None  # found on the first "the company" (most stories have none)

    def actor(speaker: str) -> str | None:
        nonlocal firms
        m = _ORG_DESCRIPTION.match(speaker)
        if m is None:
            return None
        words = set(m[1].lower().split())
        fits = {eid for eid, aliases in names if any(words <= a for a in aliases)}
        if not fits and m[1].lower() in FIRM_NOUNS:
            if firms is None:
                firms = {e for a, ann in linked for e in _firm_actors(a, ann, entities)}
            fits = firms
        return next(iter(fits)) if len(fits) == 1 else None

    return _fill_speakers(linked, actor)


def _firm_actors(article: Article, ann: Annotations, entities: Mapping[str, Entity]) -> set[str]:
    """The organizations an article writes as companies (``occurrences.written_as_firm``)."""
    return {m.entity for m in ann.mentions if m.entity is not None and m.entity in entities
            and entities[m.entity].type == "ORG" and written_as_firm(article.text, m.start, m.end)}


def resolve_role_mentions(linked: Sequence[tuple[Article, Annotations]], titles: Titles
                          ) -> tuple[list[tuple[Article, Annotations]], dict[str, list[str]]]:
    """Mentions of the story's people by their office alone ("the Kazakh president", "the US
    Secretary of State"), each added to its article as a ``ROLE_LABEL`` mention of the one actor
    whose titles match it, as quote speakers are resolved above: a description must say more
    than the role, and a description that fits several people, or none, is left alone. One right
    before a person's name ("the US Secretary of State Antony Blinken") is that name's title.

    Args:
        linked: the story's articles with annotations whose mentions carry actor ids; role
            mentions of an earlier build are dropped by ``link_annotations``.
        titles: ``story_titles(linked)``.

    Returns:
        The articles with the role mentions added, and per actor id the descriptions as written.
    """
    found: dict[str, list[str]] = defaultdict(list)
    if not titles:
        return list(linked), found
    out: list[tuple[Article, Annotations]] = []
    for article, ann in linked:
        added = []
        for hit in _DESCRIPTION.finditer(article.text):
            start, end = hit.start(), hit.end()
            if _modifies_next_word(article.text, end):
                continue  # "the team's general manager", "the Prime Minister's Office"
            if _beside_name(article.text, ann, start, end):
                continue
            described = role_description(hit.group(0).split(" of ")[0] if hit.group(3) else hit.group(0))
            if described is None:
                continue
            role, modifiers = described
            modifiers = modifiers | frozenset(w for w in _words(hit.group(3) or "") if w not in _STOP)
            actor = _only_actor(titles, role, modifiers) if modifiers else None
            if actor is not None:
                text = article.text[start:end]
                added.append(Mention(start, end, text, ROLE_LABEL, actor, STORY))
                found[actor].append(re.sub(r"^[Tt]he\s+", "", text))
        mentions = tuple(sorted((*ann.mentions, *added), key=lambda m: (m.start, m.end)))
        out.append((article, dataclasses.replace(ann, mentions=mentions) if added else ann))
    return out, found


def story_titles(linked: Sequence[tuple[Article, Annotations]]) -> Titles:
    """Per actor id, the words of each title the story's articles give that person (computed once
    per story: quote speakers and role mentions both read them)."""
    titles: Titles = defaultdict(list)
    for article, ann in linked:
        for entity, words in _titles(article, ann):
            titles[entity].append(words)
    return titles


def _only_actor(titles: Titles, role: str, modifiers: frozenset[str]) -> str | None:
    """The one actor with a title that fits the role and its modifiers, else None."""
    actors = {e for e, ts in titles.items() if any(_matches(role, modifiers, t) for t in ts)}
    return actors.pop() if len(actors) == 1 else None


def _beside_name(text: str, ann: Annotations, start: int, end: int) -> bool:
    """The description belongs to a name written beside it: its title ("the US Secretary of State
    Antony Blinken"), an apposition after the name ("Taft, the company's chairman", "Sachs, the
    grandson of the firm's founder") or before it ("the minister at the Presidency, Patricio
    Quevedo"), or words of a name ("the Foreign Minister Lavrov")."""
    for m in ann.mentions:
        if m.label == "PERSON" and end <= m.start <= end + _APPOSITION_CHARS \
                and _NAME_FOLLOWS.match(text[end:m.start]):
            return True
        if m.label == "PERSON" and start - _APPOSITION_CHARS <= m.end <= start \
                and _APPOSED.match(text[m.end:start]):
            return True
        if m.label in ("PERSON", "ORG") and m.start < end and start < m.end and m.end > end - 2:
            return True
    return False


def _modifies_next_word(text: str, end: int) -> bool:
    """The role word modifies what follows it: a possessive ("the Prime Minister's Office"), a
    capitalized word ("the EC's executive Commission"), or a noun that heads such compounds
    ("the team's general manager", "the general partner")."""
    if text.startswith(("'s", "’s"), end):
        return True
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return word[:1].isupper() or word in ROLE_NOUNS or word in ORG_WORDS or word in _COMPOUND_HEADS
