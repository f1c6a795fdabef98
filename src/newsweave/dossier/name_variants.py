"""Joins of a name's written variants that spelling rules do not catch: the same letters spaced or hyphenated
otherwise ("BlackVesper", "Black Vesper"; "Asante Boateng", "Asante-Boateng"), a name written family name first
("Tanaka Hiroshi"), the two surnames of a Spanish name alone or a given name with the first surname ("Huamán
Salazar", "Luis Paredes"), and a building's name without the word before it ("Jubilee Stadium"). Each was found
by a made-up story whose outlets wrote one actor in several ways; ``resolve_actors`` runs them on its forest.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsweave.dossier.actor_forest import Forest, Group
from newsweave.dossier.names import given_name_gender, has_org_word, is_given_name, phonetic_key

_RUN_ON = re.compile(r"[/&]|\s(?:and|to|of the)\s")


def merge_name_tails(forest: Forest) -> None:
    """Join a building's or a site's name of two or more words to the one longer such name it ends ("Jubilee
    Stadium" = "Prempeh Jubilee Stadium"; a made-up stadium story; Reuters/BBC: "Berlin Film Festival" = "55th
    Berlin Film Festival"): the longer name adds a place, a founder or an edition. Only names labelled FAC: an
    organization's or a place's shorter name is often another actor ("Northern Ireland", "BBC Northern Ireland";
    "Leicester Square", "Odeon Leicester Square"). Not when two longer names end so, nor a run of names NER joined
    ("Columbia/Sony Pictures")."""
    tails: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key, group in forest.groups.items():
        if len(group.words) >= 3 and group.label == "FAC" and given_name_gender(group.words[0]) is None \
                and not _RUN_ON.search(group.occurrences[0].surface):
            for k in range(1, len(group.words) - 1):
                tails[tuple(group.words[k:])].add(key)
    for key, group in sorted(forest.groups.items()):
        if len(group.words) < 2 or group.label != "FAC":
            continue
        roots = {forest.find(k) for k in tails.get(tuple(group.words), ())}
        if len(roots) == 1:
            forest.union(key, roots.pop())


def merge_spacing_variants(forest: Forest) -> None:
    """Join names that differ only in their spaces or hyphens: "BlackVesper" = "Black Vesper" (a made-up ransomware
    story), "Mercier-Dubois" = "Mercier Dubois". Places are left to the gazetteer."""
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, group in sorted(forest.groups.items()):
        if not group.is_place and len(key) >= 6:
            by_letters[key.replace(" ", "").replace("-", "")].append(key)
    for keys in by_letters.values():
        for other in keys[1:]:
            forest.union(keys[0], other)


def merge_hyphen_spellings(forest: Forest) -> None:
    """Join a surname written without its hyphen to the hyphenated surname and the full name it ends: "Asante
    Boateng" = "Asante-Boateng" = "Kwame Asante-Boateng" (a made-up stadium story). Only a person's and only onto
    one full name: two people of that surname leave it alone. A full name written without its hyphen ("Kwame
    Asante Boateng") is ``merge_spacing_variants``'s."""
    spelled: dict[str, set[str]] = defaultdict(set)
    for key, group in forest.groups.items():
        if group.is_person and group.words and "-" in group.words[-1]:
            spelled[" ".join(group.words[-1].split("-"))].add(key)
    for key, group in sorted(forest.groups.items()):
        targets = spelled.get(key, set())
        full = {forest.find(k) for k in targets if len(forest.groups[k].words) > 1}
        if len(group.words) >= 2 and "-" not in key and group.is_person and targets and len(full) <= 1:
            for target in sorted(targets):  # the surname alone and the one full name it is short for
                forest.union(key, target)


def merge_reversed_names(forest: Forest) -> None:
    """Join a person's name written family name first to the same name written given name first: "Tanaka Hiroshi" =
    "Hiroshi Tanaka" (a made-up story of a Japanese company: the Japanese paper wrote the family name first)."""
    for key, group in sorted(forest.groups.items()):
        words = group.words
        if len(words) == 2 and group.is_person and words[0] != words[1]:
            other = forest.groups.get(f"{words[1]} {words[0]}")
            if other is not None and other.is_person:
                forest.union(key, other.key)


def merge_double_surnames(forest: Forest) -> None:
    """Join the forms of a name with two surnames, as Spanish and Portuguese names have (a made-up bribery story
    in Peru wrote each person two or three ways):

    - the two surnames alone, "Huamán Salazar", join the one person named by a given name and the first of them
      ("Carmen Huamán"), unless a longer name ends with both ("William Kennedy Smith" for "Kennedy Smith");
    - a given name and the first surname, "Luis Paredes", join the full "Luis Fernando Paredes Cárdenas".
    """
    def _given(word: str) -> bool:  # a given name by the census's or the nickname table's lists
        return given_name_gender(word) is not None or is_given_name(word)

    persons = sorted((g for g in forest.groups.values() if g.is_person and len(g.words) >= 2 and not g.is_place
                      and not has_org_word(g.key)), key=lambda g: g.key)
    by_last: dict[str, list[Group]] = defaultdict(list)
    for g in persons:
        by_last[phonetic_key(g.words[-1])].append(g)
    for g in persons:
        words = g.words
        if len(words) == 2 and not _given(words[0]) and not _given(words[1]):
            enders = {forest.find(o.key) for o in persons if len(o.words) > 2 and o.words[-2:] == words}
            named = {forest.find(o.key) for o in by_last.get(phonetic_key(words[0]), [])
                     if o.key != g.key and _given(o.words[0])}
            roots = enders or named
            if len(roots) == 1:
                forest.union(g.key, roots.pop())
        elif len(words) >= 3 and _given(words[0]):
            short = forest.groups.get(f"{words[0]} {words[-2]}")
            if short is not None and short.is_person:
                forest.union(g.key, short.key)
