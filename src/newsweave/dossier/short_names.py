"""One-word names joined to the full names they are short for.

``attach_single_words`` runs after the full names are joined (``dossier.actors``):

- a one-word name (or a surname with its particles, "de la Vega") joins the one cluster whose last
  word it is, phonetically (a surname: "Lohan";
  "Academy" for "Academy of ...", "Mediterranean" for "Mediterranean Sea"); when several people
  share the surname, each mention goes to the nearest preceding full mention in its article (else
  the nearest following), else to the person named far more often than the others, else nowhere;
- a lone given name joins the one person of that first name ("Katie" for Katie Jenkin);
- a lone word joins the one organization whose full name it starts ("Drexel" for "Drexel Burnham
  Lambert Inc", "Promises" for "Promises Treatment Center").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from newsweave.dossier.actor_forest import Forest, Group
from newsweave.dossier.names import (
    ORG_WORDS,
    PERSON_TITLES,
    SURNAME_PARTICLES,
    first_name,
    has_corp_suffix,
    has_org_word,
    is_given_name,
    phonetic_key,
    untitled_len,
)
from newsweave.dossier.occurrences import MentionKey, Occurrence, best_label

__all__ = ["attach_single_words"]

# A one-word place written this many times more often alone than the organization's name ending in it is no short
# form of that name (``_place_in_name``).
PLACE_IN_NAME_SHARE = 2
# A lone surname whose article names none of the people sharing it goes to the one named this many
# times more often than the next (ECB+ dev, topic 25: Reggie Bush 9 full mentions vs George W. Bush 1).
DOMINANT_SHARE = 3
# A lone first name joins the one person of that first name when written alone at most this many
# times as often as that person's full name (Reuters: "Baker" 52 times, "Baker Lift" once).
FIRST_NAME_SHARE = 3
# A one-word name shorter than this is no organization's short name ("S" of "S and P.").
MIN_SHORT_NAME = 3
# Last words of a body that is part of what its first word names: "House Banking Committee" is no
# "House" (Reuters).
PART_OF_FIRST_WORD = frozenset({"committee", "subcommittee", "caucus"})
# Last words that make the first word the short name: "the Mediterranean" for "Mediterranean Sea".
GEO_HEADS = frozenset({"sea", "ocean", "river", "lake", "mountains", "mountain", "island", "islands",
                       "gulf", "bay", "peninsula", "desert", "valley", "canal", "strait", "channel"})


def attach_single_words(forest: Forest, texts: Mapping[str, str]) -> dict[MentionKey, str]:
    """Join one-word names to the one cluster they are the surname of; resolve shared surnames.

    Returns:
        Per-mention cluster roots for one-word mentions whose surname several people share.
    """
    surname_roots: dict[str, set[str]] = defaultdict(set)
    for group in forest.groups.values():
        if len(group.words) >= 2 and not group.is_place and not _particle_surname(group):
            # "Academy" is short for "Academy of Motion Picture Arts and Sciences"
            of_name = len(group.words) >= 3 and group.words[1] == "of"
            head = group.words[0] if of_name or group.words[-1] in GEO_HEADS else group.words[-1]
            surname_roots[phonetic_key(head)].add(forest.find(group.key))
    full_names = _person_full_names(forest, texts)
    # a first name of the story's people, written alone: "Tomas" of Tomas Varga (no nickname table has it),
    # whose surname the story also writes alone ("Varga"; not "Murdoch" of "Murdoch Publishing")
    first_words = {first_name(g.words) for g in full_names if g.label == "PERSON" and not g.votes["ORG"]
                   and g.words[-1] in forest.groups}
    org_names = _org_full_names(forest)
    override: dict[MentionKey, str] = {}
    ambiguous: list[tuple[Group, set[str]]] = []
    for key, group in sorted(forest.groups.items()):
        if (len(group.words) != 1 and not _particle_surname(group)) or group.is_place:
            continue
        roots = {r for r in surname_roots.get(phonetic_key(group.words[-1]), set())
                 if not _place_in_name(forest, group, r, texts)}
        if len(roots) == 1:
            forest.union(key, next(iter(roots)))  # (not pop: the next name of this surname reads it too)
        elif len(roots) > 1:
            ambiguous.append((group, roots))
        elif group.place is None and (
                (best_label(group.votes) == "PERSON" and is_given_name(group.words[0]))
                or group.words[0] in first_words):
            root = _first_name_root(forest, group, full_names)  # no one's surname: perhaps a first name
            if root is not None:
                forest.union(key, root)
        elif _may_be_short_name(group) and not _placed(group, texts):
            root = _first_word_root(forest, group, org_names)  # perhaps an organization's short name
            if root is not None:
                forest.union(key, root)
        elif group.is_person and (root := _company_root(forest, group, org_names)) is not None:
            forest.union(key, root)
    for group, roots in ambiguous:
        current = {forest.find(r) for r in roots}
        dominant = _dominant_root(forest, current)
        for occ in group.occurrences:
            nearest = _nearest_full_mention(forest, occ, current) or dominant
            if nearest is not None:
                override[occ.key] = nearest
    return override


def _place_in_name(forest: Forest, lone: Group, root: str, texts: Mapping[str, str]) -> bool:
    """Whether a one-word place, written far more often alone than an organization's name that ends in it, is
    that place in the name, not the name's short form: "Mindoro" of "Coast Guard Station Oriental Mindoro" (a
    made-up oil spill story), "Zermatt" of "Air Zermatt"."""
    if lone.label not in ("GPE", "LOC") or lone.votes["ORG"] or not (lone.is_place or _placed(lone, texts)):
        return False  # NER calls it an organization somewhere, or a place no gazetteer knows nor the text writes as
        # one: "Systemhouse" of "SHL Systemhouse Inc" (Reuters)
    members = [g for g in forest.groups.values() if forest.find(g.key) == root]
    if any(g.is_person or g.is_place or g.label in ("GPE", "LOC") for g in members):
        return False  # a person's surname; a place's short form ("Yangtze" of "Yangtze River")
    return len(lone.occurrences) > PLACE_IN_NAME_SHARE * sum(len(g.occurrences) for g in members)


def _particle_surname(group: Group) -> bool:
    """A surname with its particles, written alone ("de la Vega", "van Gogh"): a one-word name here."""
    return len(group.words) >= 2 and all(w in SURNAME_PARTICLES for w in group.words[:-1]) \
        and group.votes["PERSON"] > 0


def _person_full_names(forest: Forest, texts: Mapping[str, str]) -> list[Group]:
    """The groups that are a person's full name as written: two words or more of letters, a first
    name that is no initial, and neither a company form nor an organization word in the text (the
    surface has lost the form: "Ryan Homes Inc" is "Ryan Homes")."""
    out = []
    for group in forest.groups.values():
        aid, start, end = group.occurrences[0].key
        written = texts[aid][start:end]
        if len(group.words) >= 2 and best_label(group.votes) == "PERSON" and len(first_name(group.words)) > 1 \
                and all(w.isalpha() for w in group.words) and not has_org_word(written) \
                and not has_corp_suffix(written):
            out.append(group)
    return out


def _first_name_root(forest: Forest, lone: Group, full_names: Sequence[Group]) -> str | None:
    """The person a lone given name means: "Katie" alone, where Katie Jenkin is the story's only
    Katie. The caller has checked it is a given name of the nickname table (NER calls company words
    persons in Reuters: "Motors", "Electric"); a word written far more often alone than the full
    name is someone else ("Baker" and one "Baker Lift")."""
    key = phonetic_key(lone.words[0])
    return _sole_root(forest, lone, [g for g in full_names if phonetic_key(first_name(g.words)) == key], full_names)


def _sole_root(forest: Forest, lone: Group, candidates: Sequence[Group], counted: Sequence[Group]) -> str | None:
    """The one actor all ``candidates`` belong to, when ``lone`` is written at most
    ``FIRST_NAME_SHARE`` times as often as that actor's names among ``counted``; else None."""
    roots = {forest.find(g.key) for g in candidates}
    if len(roots) != 1:
        return None
    root = roots.pop()
    written_in_full = sum(len(g.occurrences) for g in counted if forest.find(g.key) == root)
    return root if len(lone.occurrences) <= FIRST_NAME_SHARE * written_in_full else None


def _org_full_names(forest: Forest) -> dict[str, list[Group]]:
    """The groups that are an organization's full name as written: two words or more, with a
    company form or an organization word in one of its spellings ("Drexel Burnham Lambert Inc",
    "Promises Treatment Center"; not a channel, a product or a unit: "BBC Sport", "Windows XP",
    "AOL Europe", BBC News dev sample), neither a person, a place nor a nationality ("Gulf Arab");
    capitalized but for short function words
    ("Caisse de Refinancement Hypothecaire"; not "Purolator board", "PAP news agency"); not ending
    in an office ("Bundesbank President") or a committee ("House Banking Committee"). Keyed by the
    phonetic key of their first word."""
    out: dict[str, list[Group]] = defaultdict(list)
    for group in forest.groups.values():
        if len(group.words) < 2 or group.is_person or group.is_place or group.demonym or group.label == "NORP" \
                or group.words[-1] in PART_OF_FIRST_WORD:
            continue
        written = group.occurrences[0].surface.split(" ")
        if all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 for w in written) \
                and untitled_len(written) == len(written) \
                and any(has_corp_suffix(o.surface) or has_org_word(o.surface) for o in group.occurrences):
            out[phonetic_key(group.words[0])].append(group)
    return out


def _may_be_short_name(lone: Group) -> bool:
    """A one-word name that may be short for an organization's full name: no person, place or
    nationality ("Soviet", "Irish"), no company's full name itself ("Xerox Corp", the parent of "Xerox Credit
    Corp"), no organization or title word ("Senate", "Deputy"), three letters or more."""
    word = lone.words[0]
    return not (lone.is_person or lone.demonym or lone.label == "NORP" or len(word) < MIN_SHORT_NAME
                or word in ORG_WORDS or word in PERSON_TITLES
                or any(has_corp_suffix(o.surface) for o in lone.occurrences))


def _placed(lone: Group, texts: Mapping[str, str]) -> bool:
    """Whether a one-word name NER calls a place is written as one: after a preposition of place or before a
    region's noun ("in western Gujarat's Sanvali district", "Gujarat state"). Such a region, which the gazetteer
    does not hold, is no short name of the "Gujarat Pollution Control Board" (a made-up blast story); a
    company NER once calls a place is ("Integrated said ..." for Integrated Genetics Inc)."""
    if lone.label not in ("GPE", "LOC"):
        return False
    for occ in lone.occurrences:
        aid, start, end = occ.key
        text = texts[aid]
        if _PLACE_BEFORE.search(text, max(0, start - 30), start) or _REGION_AFTER.match(text, end):
            return True
    return False


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|across|near|throughout|around|off)\s+(?:(?:the\s+)?(?:north|south|east|"
                           r"west|central|northern|southern|eastern|western|north-?western|north-?eastern|"
                           r"south-?western|south-?eastern)\s+)?$", re.IGNORECASE)
_REGION_AFTER = re.compile(r"(?:'s)?\s+(?:state|province|region|district|county|prefecture|governorate)\b")


def _first_word_root(forest: Forest, lone: Group, org_names: Mapping[str, list[Group]]) -> str | None:
    """The organization a lone name is short for: "Promises" for "Promises Treatment Center",
    "Drexel" for "Drexel Burnham Lambert Inc", where exactly one organization's full name starts
    with it, and the lone name is written at most ``FIRST_NAME_SHARE`` times as often as that
    full name ("Reuters" 7 times and "Reuters Taiwan" twice are two actors)."""
    candidates = org_names.get(phonetic_key(lone.words[0]), [])
    return _sole_root(forest, lone, candidates, candidates)


def _company_root(forest: Forest, lone: Group, org_names: Mapping[str, list[Group]]) -> str | None:
    """The company a lone word NER calls a person is the short name of, however often it is written: the one
    organization whose full name starts with it and carries a company form ("Brückner" 11 times, "Brückner Haus
    & Garten AG" 3 times: a made-up insolvency story; "Hanson" of "Hanson Trust PLC"), when no person's name
    holds the word and it is no given name ("Martin" of "Martin Holdings AG" may be a person). A word NER calls
    an organization keeps the share limit of ``_first_word_root``: "Renault" is no short name of "Renault
    Acceptance BV"."""
    word = lone.words[0]
    if len(word) < MIN_SHORT_NAME or is_given_name(word) or word in ORG_WORDS or word in PERSON_TITLES \
            or lone.demonym:
        return None
    candidates = [g for g in org_names.get(phonetic_key(word), [])
                  if any(has_corp_suffix(o.surface) for o in g.occurrences)]
    roots = {forest.find(g.key) for g in candidates}
    if len(roots) != 1:
        return None
    if any(word in g.words for g in forest.groups.values() if g.is_person and len(g.words) >= 2):
        return None
    return roots.pop()


def _dominant_root(forest: Forest, roots: set[str]) -> str | None:
    """The person a lone surname means when its article names none of them: the one named far
    more often than the others in these articles ("Bush" in a story about Reggie Bush)."""
    sizes: Counter[str] = Counter()
    for group in forest.groups.values():
        root = forest.find(group.key)
        if root in roots and len(group.words) >= 2:
            sizes[root] += len(group.occurrences)
    ranked = sizes.most_common(2)
    if len(ranked) == 2 and ranked[0][1] >= DOMINANT_SHARE * ranked[1][1]:
        return ranked[0][0]
    return None


def _nearest_full_mention(forest: Forest, occ: Occurrence, roots: set[str]) -> str | None:
    aid, start, _ = occ.key
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    for group in forest.groups.values():
        root = forest.find(group.key)
        if root not in roots or len(group.words) < 2:
            continue
        for other in group.occurrences:
            if other.key[0] == aid:
                (before if other.key[1] < start else after).append((other.key[1], root))
    if before:
        return max(before)[1]
    return min(after)[1] if after else None
