"""A place named for its sports team: "Indianapolis" for the Indianapolis Colts.

Sports reports name a team by its city or state as often as by its full name: "Indianapolis (11-4)
made ...", "a 31-24 win over Jacksonville", "New Orleans have decided to rest him". When a story
names exactly one team "<place> <Nickname>s" of a city or a state (``_team_place``), a bare mention
of that place is the team where it is written the way teams are (a per-mention choice, as for shared
surnames in ``short_names``: the same story also writes the place as a place, "in Jacksonville"):

- after a word that takes an opponent: "win over Jacksonville", "against Evansville", "beat Drake";
- before a score or a win-loss record: "Indianapolis (11-4)", "Evansville 91-73", "Creighton 65,";
- before a plural verb, as British English writes a team: "New Orleans have decided".

A team is a name of two words or more that the story never writes with a company form or an
organization word ("Houston Industries Inc", "Kansas City Police") nor as a person ("Marion
Jones"), whose longest leading place name, a city or a state, is followed by capitalized words
ending in a plural ("Colts", "76ers", "Tar Heels", "Sharks"). A place with two teams in the story
("Los Angeles Lakers" and "Los Angeles Clippers") stays a place. The mention-level cues are what
keeps the rule out of business news, where "<place> <plural>" is often a company ("Delta Air
Lines", "Texas Instruments", "Rosemount Estates": BBC business and Reuters), and out of a sports
story's other uses of the place ("the Athens test", "Newcastle director of rugby").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from newsweave.dossier.actor_forest import Forest, Group
from newsweave.dossier.names import PERSON_TITLES, PlaceGazetteer, has_corp_suffix, has_org_word
from newsweave.dossier.occurrences import MentionKey, Occurrence

__all__ = ["attach_team_places"]

# Words before a bare place name that make it a team: the words that take an opponent.
OPPONENT_WORDS = frozenset({
    "over", "against", "vs", "v", "versus", "beat", "beats", "beating", "defeat", "defeats", "defeated",
    "defeating", "visiting", "host", "hosts", "hosted", "hosting", "face", "faces", "faced", "facing",
    "play", "plays", "played", "playing", "edge", "edged", "overcame", "overcome", "outlasted", "routed",
    "thrashed", "trounced", "downed", "downs", "past",
})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[\s\"'“‘(]*$")
# A score or a win-loss record after the place: "(11-4)", "91-73", "65," (Creighton 65, Drake 53);
# or a plural verb: British English makes a team plural ("New Orleans have"), never a city.
_TEAM_AFTER = re.compile(r"\s*(?:\(\d{1,3}-\d{1,3}(?:-\d{1,3})?\)|\d{1,3}-\d{1,3}\b|\d{1,3},)|\s+(?:have|are|were)\b")
# The nickname's last word: a plural ("Colts", "76ers", "Heels"), at least three characters.
_PLURAL = re.compile(r"[A-Za-z0-9]*[a-z]s")
# The places that name teams; countries name national sides, which have no nickname in their name.
_TEAM_PLACE_KINDS = frozenset({"city", "state"})


def attach_team_places(forest: Forest, texts: Mapping[str, str], gaz: PlaceGazetteer) -> dict[MentionKey, str]:
    """The team each bare place mention stands for, where the story names one team of that place.

    Args:
        forest: the story's groups, joined into actors.
        texts: article id -> text.
        gaz: the place-name lookup.

    Returns:
        Mention key -> the root of the team's actor, for the bare place mentions that are the team.
    """
    teams: dict[str, set[str]] = defaultdict(set)
    for group in forest.groups.values():
        place = _team_place(group, gaz)
        if place is not None:
            teams[place].add(forest.find(group.key))
    override: dict[MentionKey, str] = {}
    for group in forest.groups.values():
        roots = teams.get(group.place or "", set())
        if not group.is_place or len(roots) != 1:
            continue
        root = next(iter(roots))
        for occ in group.occurrences:
            if _written_as_team(occ, texts[occ.key[0]]):
                override[occ.key] = root
    return override


def _team_place(group: Group, gaz: PlaceGazetteer) -> str | None:
    """The canonical place of a team's name ("Indianapolis" for "Indianapolis Colts", "Kansas City"
    for "Kansas City Chiefs": the longest leading place name), or None when the name is no team's."""
    if len(group.words) < 2 or group.is_person or group.is_place or group.votes["PERSON"]:
        return None
    if any(has_corp_suffix(o.surface) or has_org_word(o.surface) for o in group.occurrences):
        return None
    for written in sorted({o.surface for o in group.occurrences}):
        place = _place_of_nickname(written.split(), gaz)
        if place is not None:
            return place
    return None


def _place_of_nickname(written: list[str], gaz: PlaceGazetteer) -> str | None:
    for k in range(len(written) - 1, 0, -1):
        place = gaz.lookup(" ".join(written[:k]))
        if place is None:
            continue
        if place.kind not in _TEAM_PLACE_KINDS:
            return None
        nickname = written[k:]
        if all(w[:1].isupper() or w[:1].isdigit() for w in nickname) and _PLURAL.fullmatch(nickname[-1]) \
                and not any(w.lower() in PERSON_TITLES for w in nickname):
            return place.name
        return None
    return None


def _written_as_team(occ: Occurrence, text: str) -> bool:
    """The place is written the way a team is: after a word that takes an opponent, or before a
    score, a record or a plural verb."""
    _, start, end = occ.key
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group(1).lower() in OPPONENT_WORDS:
        return True
    return _TEAM_AFTER.match(text, end) is not None
