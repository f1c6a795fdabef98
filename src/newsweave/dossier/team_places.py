"""A place named for its sports team: "Indianapolis" for the Indianapolis Colts.

Sports reports name a team by its city, state or school as often as by its full name:
"Indianapolis (11-4) made ...", "a 31-24 win over Jacksonville", "New Orleans have decided to rest
him". When a story writes exactly one team "<place> <Nickname>s" of a place (``_team_of``), the
place's bare mentions are that team (a per-mention choice, as for shared surnames in
``short_names``) where they are written the way teams are (``_written_as_team``):

- after a word that takes an opponent or after a rank: "win over Jacksonville", "against
  Evansville", "No. 1 Creighton", "top-ranked North Carolina";
- before a score, a win-loss record or a result: "Indianapolis (11-4)", "Evansville 91-73",
  "Creighton defeats Drake";
- before a plural verb, as British English writes a team: "New Orleans have decided".

When the story writes the place that way at least as often as it writes it as a location
(``_written_as_location``: "in Jacksonville", "Jacksonville, Fla.", a dateline), the place is the
team throughout the story ("one sense per discourse"), except where written as a location;
otherwise only the mentions written as a team are.

A team is a name the story never writes as a person nor with a company form or an organization
word ("Houston Industries Inc", "Kansas City Police"): its longest leading place (a city or a
state of the gazetteer, or a name NER calls a place: "Creighton"), then capitalized words ending in
a plural that is no person's surname in the story and no word it writes in lower case as often as
capitalized ("Colts",
"76ers", "Tar Heels"; not "Mo Cheeks", whom the story also calls Maurice Cheeks, nor "Wales
Students" or "London Interbank Offered Rates": BBC sport, Reuters). A place with two teams in the
story ("Los Angeles Lakers" and "Los Angeles Clippers") stays a place. The mention cues keep the rule out of
business news, where "<place> <plural>" is often a company ("Delta Air Lines", "Texas Instruments",
"Rosemount Estates": BBC business and Reuters).

Measured: ECB+ entities dev B-cubed F1 0.855 -> 0.861 (topics 21-35: 0.843 -> 0.852, most of the
gain in sports topics 25, 29 and 31; topics 1-20: 0.880 both, their sports teams, the 76ers and the
Red Sox, are "Philly" and "Boston" without a cue). On 1,900 BBC sport, politics and business articles
and 1,500 Reuters articles, taken as stories of one, five and ten articles, one mention changes:
"when Sale lost all three Zurich Premiership matches" becomes Sale Sharks.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from newsweave.dossier.actor_forest import Forest, Group
from newsweave.dossier.names import (
    PERSON_TITLES,
    PlaceGazetteer,
    clean_surface,
    has_corp_suffix,
    has_org_word,
    match_key,
)
from newsweave.dossier.occurrences import MentionKey, Occurrence

__all__ = ["attach_team_places"]

# Words before a bare place name that make it a team: the words that take an opponent.
OPPONENT_WORDS = frozenset({
    "over", "against", "vs", "v", "versus", "beat", "beats", "beating", "defeat", "defeats", "defeated",
    "defeating", "visiting", "host", "hosts", "hosted", "hosting", "face", "faces", "faced", "facing",
    "play", "plays", "played", "playing", "edge", "edged", "overcame", "overcome", "outlasted", "routed",
    "thrashed", "trounced", "downed", "downs", "past",
})
# Words before a place that make it a location ("in Boston", "outside Jacksonville"); "to" is one:
# "moved to Boston" is far more common in news than "lost to Boston".
LOCATIVE_WORDS = frozenset({
    "in", "at", "near", "from", "to", "into", "outside", "inside", "of", "across", "around",
    "throughout", "through", "toward", "towards", "via", "downtown", "within", "between",
})
# A comma and one word after the place: a state or a country, or a state's abbreviation ("Jacksonville,
# Fla.", "Chapel Hill, N.C."; not "Creighton, Wichita St. move on").
_COMMA_WORD_AFTER = re.compile(r"\s*,\s*([A-Z][A-Za-z.]*)(?![\w.])")
_STATE_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2}")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# Verbs after a bare place name that make it a team: its results ("Creighton defeats Drake").
RESULT_VERBS = frozenset({
    "beat", "beats", "defeated", "defeats", "edged", "edges", "routed", "routs", "downed", "downs",
    "won", "wins", "lost", "loses", "trailed", "trails", "rallied", "rallies", "clinched", "clinches",
    "outlasted", "outscored", "thrashed", "trounced", "overcame", "past", "over",
})
_WORD_BEFORE = re.compile(r"([A-Za-z-]+)\.?[\s\"'“‘(]*$")
# A rank before the place: "No. 1 Creighton", "top-ranked North Carolina", "third-seeded Evansville".
_RANK_BEFORE = re.compile(r"(?:\bNo\.\s*\d{1,2}|\w-(?:ranked|seeded))\s+$", re.IGNORECASE)
# A score or a win-loss record after the place: "(11-4)", "91-73", "65," (Creighton 65, Drake 53);
# not a number with a thousands comma ("Houston 2,000 fans"); or a plural verb: British English
# makes a team plural ("New Orleans have"), never a city.
_TEAM_AFTER = re.compile(r"\s*(?:\(\d{1,3}-\d{1,3}(?:-\d{1,3})?\)|\d{1,3}-\d{1,3}\b|\d{1,3},(?!\d))"
                         r"|\s+(?:have|are|were)\b")
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
# A new record after the place: "Creighton improved to 25-7".
_RECORD_AFTER = re.compile(r"\s+(?:improved|improves|moved|moves|fell|falls|dropped|drops)\s+to\s+\d{1,3}-\d{1,3}\b")
# The nickname's last word: a plural ("Colts", "76ers", "Heels"), at least three characters.
_PLURAL = re.compile(r"[A-Za-z0-9]*[a-z]s")
_CAPITALIZED_WORD = re.compile(r"\b[A-Z][a-z'-]+\b")  # the capitalized form of names.lower_case_words' words
# Plurals that end the names of events, not teams ("Scotland Six Nations", "Athens Olympics", "Milan
# Indoors", "Scotland Six Nations": BBC sport).
EVENT_PLURALS = frozenset({"nations", "games", "olympics", "championships", "series", "awards", "finals",
                           "playoffs", "masters", "classics", "indoors", "marathons", "trials", "paralympics"})
# The word a British or European club's name ends in after its town: "Leeds United", "Ipswich Town",
# "Castleton Rovers" (a made-up football story); a name the gazetteer knows whole is a place ("Kansas City",
# "Cape Town").
CLUB_WORDS = frozenset({"united", "city", "town", "rovers", "wanderers", "athletic", "albion", "county",
                        "rangers", "hotspur", "villa", "argyle", "orient", "fc", "afc"})
# The places that name teams; countries name national sides, which have no nickname in their name.
_TEAM_PLACE_KINDS = frozenset({"city", "state"})


def attach_team_places(forest: Forest, texts: Mapping[str, str], gaz: PlaceGazetteer,
                       lower: Counter[str]) -> dict[MentionKey, str]:
    """The team each bare place mention stands for, where the story names one team of that place.

    Args:
        forest: the story's groups, joined into actors.
        texts: article id -> text.
        gaz: the place-name lookup.
        lower: how often each word is written in lower case in these texts.

    Returns:
        Mention key -> the root of the team's actor, for the bare place mentions that are the team.
    """
    places = {key: place for key, g in forest.groups.items() if (place := _place_key(g)) is not None}
    places |= _club_towns(forest, gaz)
    # no nickname ends in a surname of the story's people or a word it writes in lower case at least
    # as often as capitalized ("Students" of "Wales Students"; not "Jets" for one "fighter jets")
    capitalized = Counter(w.lower() for text in texts.values() for w in _CAPITALIZED_WORD.findall(text))
    not_nicknames = {w for w, n in lower.items() if n >= capitalized[w]} \
        | {g.words[-1] for g in forest.groups.values() if g.label == "PERSON" and len(g.words) >= 2}
    teams: dict[str, set[str]] = defaultdict(set)
    override: dict[MentionKey, str] = {}
    for key, group in forest.groups.items():
        if group.label == "PERSON" or group.is_place \
                or any(_company_like(texts[o.key[0]][o.key[1]:o.key[2]]) for o in group.occurrences):
            continue
        for occ in group.occurrences:
            found = _team_of(texts[occ.key[0]][occ.key[1]:occ.key[2]], key, forest, places, gaz, not_nicknames)
            if found is not None:
                teams[found[0]].add(found[1])
                if key in places:  # a team's name cut back to its place ("Creighton Bluejays" in a title)
                    override[occ.key] = found[1]
    for key, place_key in places.items():
        roots = teams.get(place_key, set())
        if len(roots) != 1:
            continue
        root = next(iter(roots))
        occs = [o for o in forest.groups[key].occurrences if o.key not in override]
        # a location wins over a team cue: "victory in Cardiff over the champions" (BBC sport)
        as_place = {o.key for o in occs if _written_as_location(o, texts[o.key[0]], gaz)}
        as_team = {o.key for o in occs if o.key not in as_place and _written_as_team(o, texts[o.key[0]])}
        throughout = len(as_team) >= max(1, len(as_place))
        for occ in occs:
            if occ.key in as_team or (throughout and occ.key not in as_place):
                override[occ.key] = root
    return override


def _place_key(group: Group) -> str | None:
    """What a place group is matched to a team's place by: its gazetteer name (a city or a state,
    so "Philly" is Philadelphia), else its own name when NER calls it a place ("Creighton")."""
    if group.label == "PERSON":
        return None
    if group.is_place:
        return group.place
    if group.place is None and group.label in ("GPE", "LOC"):
        return group.key
    return None


def _club_towns(forest: Forest, gaz: PlaceGazetteer) -> dict[str, str]:
    """The bare town of each club the story names ("Castleton" of "Castleton Rovers"), when the town is
    a name of its own in the story that is no person's, whatever NER calls it (ORG, mostly): its key
    stands for the place."""
    towns = {}
    for key, group in forest.groups.items():
        words = group.words
        if len(words) < 2 or words[-1] not in CLUB_WORDS or gaz.lookup(key) is not None:
            continue
        town = " ".join(words[:-1])
        if town in forest.groups and forest.groups[town].label != "PERSON" and not forest.groups[town].is_place:
            towns[town] = town
    return towns


def _company_like(written: str) -> bool:
    return has_corp_suffix(written) or has_org_word(written)


def _team_of(written: str, key: str, forest: Forest, places: Mapping[str, str], gaz: PlaceGazetteer,
             not_nicknames: set[str]) -> tuple[str, str] | None:
    """The place key and the actor root of the team a mention writes in full, or None.

    ``written`` is the mention's text: its surface may have lost the place ("North Carolina Tar
    Heels" is grouped as "Tar Heels") or the nickname ("Creighton Bluejays" cut back to
    "Creighton" in a title line); the team is then the group of what is left.
    """
    words = clean_surface(written).split()
    for k in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:k])
        place = gaz.lookup(prefix)
        if place is not None and place.kind not in _TEAM_PLACE_KINDS:
            return None
        if words[-1].lower() in CLUB_WORDS and gaz.lookup(" ".join(words)) is not None:
            return None  # "Kansas City", "Cape Town": a place
        place_key = place.name if place is not None else places.get(match_key(prefix))
        if place_key is None:
            continue
        if not _is_nickname(words[k:]) or match_key(words[-1]) in not_nicknames:
            return None
        nickname = match_key(" ".join(words[k:]))
        if place is None and nickname not in forest.groups and nickname not in CLUB_WORDS:
            # a place only NER knows needs the nickname written alone too ("Creighton" and
            # "Bluejays"): national sides are named so, and "Wales Students" is not Wales (BBC sport)
            return None
        if key not in places:
            return place_key, forest.find(key)
        # a club word alone ("City", "United") may be any club of the story: it names none
        return (place_key, forest.find(nickname)) if nickname in forest.groups and nickname not in CLUB_WORDS \
            else None
    return None


def _is_nickname(words: list[str]) -> bool:
    """Capitalized words ending in a plural that ends no event's name, no title among them: "Colts",
    "76ers", "Tar Heels" (not "Six Nations", "Olympics")."""
    return all(w[:1].isupper() or w[:1].isdigit() for w in words) and (
        (_PLURAL.fullmatch(words[-1]) is not None and words[-1].lower() not in EVENT_PLURALS)
        or (len(words) == 1 and words[0].lower() in CLUB_WORDS)) \
        and not any(w.lower() in PERSON_TITLES for w in words)


def _written_as_team(occ: Occurrence, text: str) -> bool:
    """The place is written the way a team is: after a word that takes an opponent or after a rank,
    or before a score, a record, a result ("beat", "won") or a plural verb."""
    _, start, end = occ.key
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group(1).lower() in OPPONENT_WORDS:
        return True
    if _RANK_BEFORE.search(text, max(0, start - 30), start):
        return True
    after = _WORD_AFTER.match(text, end)
    return _TEAM_AFTER.match(text, end) is not None or _RECORD_AFTER.match(text, end) is not None \
        or (after is not None and after.group(1) in RESULT_VERBS)


def _written_as_location(occ: Occurrence, text: str, gaz: PlaceGazetteer) -> bool:
    """The place is written as a location: after a locative preposition (not as a possessive: "of
    Creighton's first points"), before a comma and a state or a country ("Jacksonville, Fla."), or as
    a dateline (a line that starts "HOUSTON,")."""
    _, start, end = occ.key
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group(1).lower() in LOCATIVE_WORDS \
            and not _POSSESSIVE_AFTER.match(text, end):
        return True
    after = _COMMA_WORD_AFTER.match(text, end)
    if after is not None:
        word = after.group(1)
        place = gaz.lookup(word)
        if _STATE_ABBREVIATION.fullmatch(word) or (place is not None and place.kind in ("state", "country")):
            return True
    line_start = text.rfind("\n", 0, start) + 1
    written = text[start:end]
    return not text[line_start:start].strip() and written.isupper() and text[end:end + 1] == ","
