"""Actor canonicalization: one actor per person, organization and place, however outlets spell it.

``resolve_actors`` takes the NER mentions of a story's articles and returns canonical
:class:`~newsweave.model.Entity` actors, the actor of each mention and a repaired label.

How mentions become actors (steps 1 and 2 are in :mod:`newsweave.dossier.occurrences`, the rest below):

1. **Surface repair** (``repair_surfaces``): ``clean_surface`` drops "the", "'s", leading titles and a
   score NER ran a team into ("Evansville 51-50");
   then a leading place or demonym is dropped when a title follows it or the rest is itself a
   mention elsewhere ("Kazakh President Kassym-Zhomart Tokayev", "Washington Anatoly Antonov"; not
   before organization words alone: "New York Police", "Washington Post"); a
   person name glued to a following word is cut back to the person ("Anthony Blinken United",
   "Maria ZakharovaOfficial"); a name in a Title Case headline that appears nowhere in body text
   is cut back to the longest body-text name it starts with ("Colts Beat Chiefs" -> "Colts").
   A title-line name cut back this way gives up the rest of its span ("Chiefs" can be found there).
   A span NER ran over two names the story knows, joined by "and" ("Lopez and Carrasquillo") or
   by a hyphen or slash ("Acme-Brightline"; not a place, "Guinea-Bissau", nor a name the story
   never writes apart, "Hewlett-Packard"), or over known names among other words of the
   article's head ("... Flips Bush Endangered Species Ruling"), is split into those names
   (``split_run_ons``); two mentions one space apart that make a name the story writes whole
   elsewhere are joined ("Telecom" "Egypt", ``join_split_names``).
2. **Names found again** (``find_again``, ``name_spread.spread_names``): every other place where the
   articles write a name the story already uses as an actor (outside headlines), or a person's
   surname, becomes a mention too, with the label most of that name's mentions have ("Colts" tagged
   as a noun, "Ellen DeGeneres" called a work of art); a one-word name only once NER found it twice
   inside sentences and never in lower case. ``ActorResolution.added`` lists these mentions
   (``origin`` "story"). Then what is not a name goes: common words, offices ("Prime Minister",
   "CEO", "Chief Executive", "Managing Director"), portfolios, time zones, headline phrases.
3. **Groups**: mentions with the same folded text ("U.S." = "US") form one group; a company form
   is no part of it, abbreviated or spelled out ("Acme Corp" = "Acme Corporation" = "Acme"; Inc,
   Co, Ltd, LLC, plc ...; not "Group", see ``names._COMPANY_FORMS``).
4. **Label evidence** per group (``_group_votes``): each NER label is one vote (a GPE label on a name
   the gazetteer does not know half a vote: NER calls unknown companies places); a title right before
   the name ("President", "Mr", "Colonel-General", ...) or an apposition after it (", a spokesman
   for") is 3 PERSON votes; a word only organizations carry ("Ministry", "Council") is 3 ORG votes
   per mention, as is a name written as a company ("Telvia, Portugal's second-largest mobile
   operator,", "Telvia shares"); a gazetteer place with no title, or a name a lower-case place noun
   governs ("the district of Chikwawa", "Chikwawa district"), is 2 GPE votes per mention.
5. **Merges** (union-find over groups), never joining a gazetteer place with a PERSON group:
   places with the same geonames name ("Alma-Ata" -> Almaty); acronyms from "(CSTO)" appositions
   and from initials when exactly one name fits (a capital "The" before the name may count: "The
   Hollywood Reporter" is THR; a place is no initialism of a name it is written in: "US Senate");
   an organization's name with and without a generic head noun ("Staunton Police (Department)");
   multi-word names with the same phonetic surname and a compatible first name (same phonetic key,
   an initial, a short form such as Fred / Frederick, a nickname in the ``nicknames`` package's
   table: Katie / Kathryn, Bill / William, or rapidfuzz ratio >= 80: Anthony / Antony, Karin /
   Karine), a long given name's end that is no given name itself (Seun / Oluwaseun), or the same first name
   and a surname at ratio >= 85 (Rait / Raite) or one letter off in five or more (Mwale / Mwali),
   every first name of a person fitting every other; a nickname blended from the starts of one
   person's first name and surname ("LiLo" for Lindsay Lohan, "A-Rod", "J.Lo"; ``names.is_name_blend``);
   then one-word names onto the full names they are short for (``short_names``: a surname, a
   lone given name, an organization's first word). A rare one-word place name the gazetteer does
   not know joins the one frequent story place it misspells ("Kahastan" -> Kazakhstan). A one-word
   city name that is a person's surname in the same articles is not a place ("Bush"). Written variants
   the spelling keys miss are joined by ``name_variants``: spaces or hyphens ("BlackVesper"), family name
   first ("Tanaka Hiroshi"), a Spanish name's two surnames alone ("Huamán Salazar"), a building's shorter
   name ("Jubilee Stadium"). The groups and the union-find are in ``actor_forest``. A bare city or
   state written as a sports team ("a win over Jacksonville", "Indianapolis (11-4)") is the story's one
   team of that place (``team_places``).
6. **Label repair**: the actor's label is the one with most votes over all its mentions, plus 2
   PERSON votes when it is used both as "First Last" and as "Last" alone (not an acronym, "MSF");
   the place labels (GPE, LOC, FAC) pool their votes against the others (``best_label``).
7. **Canonical name**: the gazetteer name for places (its current geonames name: Alma-Ata ->
   Almaty, Nur-Sultan -> Astana); else, for a person, a form that opens with a given name ("Carmen
   Huamán", not "Huamán Salazar") and holds no digit; then the most frequent multi-word form (any form
   when none has two words), the one with most words (a hyphenated surname's parts counted), the
   surname the articles write most, the longest, the one with its accents, the alphabetically first.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from newsweave.dossier.actor_forest import Forest, Group
from newsweave.dossier.name_noise import drop_common_words
from newsweave.dossier.name_variants import (
    merge_double_surnames,
    merge_hyphen_spellings,
    merge_name_tails,
    merge_reversed_names,
    merge_spacing_variants,
)
from newsweave.dossier.names import (
    SURNAME_PARTICLES,
    PlaceGazetteer,
    acronym_of,
    first_name,
    given_name_gender,
    has_org_word,
    institution_key,
    is_acronym,
    is_given_name,
    is_name_blend,
    lower_case_words,
    match_key,
    nicknamer,
    phonetic_key,
    phonetic_name,
    words_of,
)
from newsweave.dossier.occurrences import (
    ACTOR_LABELS,
    PLACE_LABELS,
    MentionKey,
    Occurrence,
    best_label,
    collect,
    cut_headline_spans,
    find_again,
    join_particle_places,
    join_quoted_nicknames,
    join_split_names,
    repair_surfaces,
    split_run_ons,
)
from newsweave.dossier.short_names import attach_single_words
from newsweave.dossier.team_places import attach_team_places
from newsweave.model import STORY, Entity, Mention

__all__ = ["ACTOR_LABELS", "PLACE_LABELS", "ActorResolution", "entity_id", "resolve_actors", "warm_up"]


# Vote weights of label evidence. A title is near-certain evidence of a person, so it outweighs
# the two or three wrong ORG labels en_core_web_sm gives "Tokayev" in the seeds; org words and
# gazetteer hits are strong but not certain ("Washington" the person), so they weigh a bit less.
TITLE_VOTES = 3
ORG_WORD_VOTES = 3
PLACE_VOTES = 2
SURNAME_USE_VOTES = 2
UNKNOWN_PLACE_VOTE = 0.5
# First names of one surname count as the same person from this rapidfuzz ratio on their phonetic
# keys: Karin/Karine = 91, Jon/Jonathan = 55, Jon/Jane = 57 (seeds and ECB+ dev topics).
FIRST_NAME_RATIO = 80
# A first name this long that starts another is its short form (Fred/Frederick; "Al" is too short).
NICKNAME_PREFIX = 3
# A given name this long that ends another SUFFIX_FORM_EXTRA letters longer or more is its short form (Seun /
# Oluwaseun), unless a given name itself.
SUFFIX_FORM_LETTERS = 4
SUFFIX_FORM_EXTRA = 3
# Surnames of one first name count as the same person from this rapidfuzz ratio on their phonetic
# keys: Rait/Raite = 89 (ECB+ topic 23), Jenkin/Jenkins = 92, Smith/Smyth = 100 after folding.
SURNAME_RATIO = 85
# ... or when they are one edit apart and this long: a typo in a short surname ("Chisomo Mwali" in an
# article that also writes "Mwale"; a ratio of 80). Shorter ones are too easily other names (Ali/Ari).
SURNAME_ONE_EDIT_LETTERS = 5
# A one-word name NER calls a place, which the gazetteer does not know, is a misspelling of a
# place the story names at least MISSPELLED_PLACE_SUPPORT times as often, when it starts with the
# same letter and is within this share of the longer name's letters in edits (OSA distance):
# "Kahastan"/"Kazakhstan" = 3 of 10 (seed 000), "Afganistan"/"Afghanistan" = 1 of 11. A real place
# is never joined so: "Austria"/"Australia" and "Slovakia"/"Slovenia" are both gazetteer places.
MISSPELLED_PLACE_EDITS = 0.3
MISSPELLED_PLACE_SUPPORT = 3
MISSPELLED_PLACE_MIN_LETTERS = 6

# Head nouns an organization's name is written with or without ("Staunton Police (Department)"); not
# "center": buildings are named after companies ("Time Warner Center").
GENERIC_HEADS = frozenset({"department", "dept", "service", "office", "agency", "company", "group",
                           "society"})  # "Kenya Red Cross" = "Kenya Red Cross Society" (a made-up dam story)
# Nouns that describe a medium after its name, once the story writes them in lower case ("People
# magazine", "IRNA news agency", ECB+ train topics 1 and 20); always capitalized, they are part of
# the name ("PC Magazine").
MEDIUM_HEADS = frozenset({"magazine", "newspaper", "news", "agency", "website", "tabloid", "channel"})
_ACRONYM_APPOSITION = re.compile(r"^\s*\(\s*([A-Z][A-Za-z.]{1,9})\s*\)")


@dataclass(frozen=True, slots=True)
class ActorResolution:
    """The actors of a set of articles and the actor and repaired label of each mention."""

    entities: tuple[Entity, ...]
    entity_of: Mapping[MentionKey, str]
    label_of: Mapping[MentionKey, str]
    # mentions the NER missed, found by ``spread_names``: article id -> mentions with their actor
    added: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict)


def entity_id(type_: str, canonical: str) -> str:
    """The stable, corpus-wide id of an actor.

    Args:
        type_: the actor's label (PERSON, ORG, GPE, LOC, NORP, FAC).
        canonical: its canonical name.

    Returns:
        ``"<type>:<phonetic slug>"`` ("person:antoni-blinken"), so transliteration variants of the
        canonical name give the same id; names whose slug is empty or longer than 60 characters
        get a 16-hex-digit hash of the slug instead.
    """
    slug = phonetic_name(canonical)
    if not slug or len(slug) > 60:
        slug = hashlib.sha1(f"{slug}|{canonical}".encode()).hexdigest()[:16]
    return f"{type_.lower()}:{slug}"


def resolve_actors(
    items: Sequence[tuple[str, str, Sequence[Mention]]],
    gazetteer: PlaceGazetteer | None = None,
    outlets: Mapping[str, str] | None = None,
) -> ActorResolution:
    """Canonical actors for the NER mentions of a set of articles (a story, a topic).

    Args:
        items: ``(article_id, article text, NER mentions of that article)``; only mentions
            labelled PERSON, ORG, GPE, LOC, NORP or FAC become actors.
        gazetteer: the place-name lookup; pass one object to share its (lazily built) table
            across calls. A new one is made when None.
        outlets: each article's outlet (``Article.source``), whose name in its own article is no actor.

    Returns:
        The actors (sorted by id), the actor id of each actor mention keyed by
        ``(article_id, start, end)``, and the repaired label of each such mention.
    """
    gaz = gazetteer if gazetteer is not None else PlaceGazetteer()
    texts = {aid: text for aid, text, _ in items}
    lower = lower_case_words(texts.values())
    occurrences, joined = join_split_names(collect(items), texts)
    occurrences, extended = join_particle_places(occurrences, texts, gaz)
    joined += extended
    occurrences = repair_surfaces(occurrences + joined, gaz)
    cut = cut_headline_spans(occurrences, texts)
    occurrences, nicknamed = join_quoted_nicknames(occurrences, texts)
    occurrences, split = split_run_ons(occurrences + nicknamed, texts, gaz)
    occurrences += split
    found = find_again(occurrences, texts, lower, gaz)
    occurrences = drop_common_words(occurrences + found, texts, lower, gaz, outlets)
    groups = _make_groups(occurrences, gaz, lower)
    forest = Forest(groups)
    _merge_places(forest)
    _merge_misspelled_places(forest, gaz)
    _merge_acronyms(forest, texts, gaz)
    _merge_stated_aliases(forest, texts)
    _merge_institution_forms(forest)
    _merge_generic_heads(forest)
    merge_hyphen_spellings(forest)
    merge_spacing_variants(forest)
    merge_name_tails(forest)
    _merge_person_names(forest)
    merge_reversed_names(forest)
    merge_double_surnames(forest)
    _merge_name_blends(forest)
    override = attach_single_words(forest, texts)
    teams = attach_team_places(forest, texts, gaz, lower)
    return _build(forest, override | teams, set(teams),
                  cut | {o.key for o in nicknamed + split + joined + found}, texts)


def _make_groups(occurrences: list[Occurrence], gaz: PlaceGazetteer, lower: Counter[str]) -> dict[str, Group]:
    groups: dict[str, Group] = {}
    for occ in occurrences:
        key = match_key(occ.surface)
        group = groups.setdefault(key, Group(key))
        group.occurrences.append(occ)
    persons = [g for g in groups.values() if len(g.words) >= 2 and any(o.label == "PERSON" for o in g.occurrences)]
    surnames = {phonetic_key(g.words[-1]) for g in persons}
    org_starts = {g.words[0] for g in groups.values() if len(g.words) >= 2 and any(o.label == "ORG"
                                                                                for o in g.occurrences)}
    for group in groups.values():
        place = gaz.lookup(group.occurrences[0].surface)
        group.place = place.name if place else None
        group.demonym = gaz.is_demonym(group.occurrences[0].surface)
        if place and place.kind == "city" and len(group.words) == 1 \
                and (phonetic_key(group.key) in surnames or _blend_of(group, persons)):
            # The surname of a person named in the same articles beats a city of that name
            # ("Bush", "Luck", "Lopez" are also cities in geonames), as does the person's blended
            # nickname ("LiLo" is an alternate name of Lille).
            group.place = None
        elif place and place.kind == "state" and not place.primary and len(group.words) == 1 and not any(
                o.label in PLACE_LABELS or o.placed for o in group.occurrences):
            # a one-word state or province (ISO 3166-2) that NER never calls a place nor the text writes as one:
            # "Doc Rivers" is no Rivers State, the company Unity no state of South Sudan
            group.place = None
        elif place and not place.primary and len(group.words) == 1 and group.key in org_starts:
            # the first word of an organization of the story: "Bayshore" of Bayshore Tankers Inc is no alternate
            # name of Bay Shore, New York (a made-up oil spill story)
            group.place = None
        elif place and not place.primary and len(group.words) == 1 and (lower[group.key] or (
                len(group.key) <= 3 and not match_key(place.name).startswith(group.key + " "))):
            # a word the story writes in lower case: "Dam bursts" is no alternate name of Dome; nor is a word of three
            # letters ("the gang's Tor leak site" is no Slovyansk, a made-up ransomware story; Reuters/BBC: "Sam" is
            # no Damascus, "Ray" no Raytown, "BAT" no Bath), unless it starts the name ("Rio" of Rio de Janeiro)
            group.place = None
        elif place and place.kind == "city" and len(group.words) == 1 \
                and all(o.surface.isupper() and not o.placed for o in group.occurrences) \
                and anyascii(place.name).upper() == group.occurrences[0].surface and place.name.upper() != place.name \
                and not place.name.isascii():
            # a word only ever in capitals, never where a dateline's city stands, that is a city's name only once
            # its accents are dropped: "KUMASI, June 8 (PAPA) - ... told PAPA" is a wire, not Pápa
            group.place = None
        group.votes = _group_votes(group)
    return groups


def _blend_of(group: Group, persons: Sequence[Group]) -> list[Group]:
    """The persons' full names of which a one-word name is a blended nickname ("LiLo" of Lindsay Lohan)."""
    if len(group.words) != 1:
        return []
    written = {o.surface for o in group.occurrences}
    return [p for p in persons if any(is_name_blend(w, first_name(p.words), p.words[-1]) for w in written)]


def _merge_name_blends(forest: Forest) -> None:
    """Join a blended nickname to the one person whose first name and surname it starts with ("LiLo",
    "A-Rod"); a nickname two people's names fit stays apart."""
    persons = [g for _, g in sorted(forest.groups.items()) if len(g.words) >= 2 and g.label == "PERSON"]
    for key, group in sorted(forest.groups.items()):
        if group.is_place:
            continue
        roots = {forest.find(p.key) for p in _blend_of(group, persons)}
        if len(roots) == 1:
            forest.union(key, roots.pop())


def _group_votes(group: Group) -> defaultdict[str, float]:
    votes: defaultdict[str, float] = defaultdict(float)
    org_word = has_org_word(group.occurrences[0].surface)
    for occ in group.occurrences:
        # NER's GPE label on a name no gazetteer knows is half a vote (it calls unknown firms GPE)
        votes[occ.label] += UNKNOWN_PLACE_VOTE if occ.label == "GPE" and group.place is None else 1
        # "German shares" are no firm's; "chief executive of Telvia" is said of places too ("of France")
        firm = org_word or ((occ.firm or (occ.employer and group.place is None)) and not group.demonym)
        if occ.titled and not org_word:
            if not firm:  # a title and a firm's words cancel: "media giant Telvia, its boss and ...", "Ana
                votes["PERSON"] += TITLE_VOTES  # Costa, a spokeswoman for the Lisbon-based bank,"
        elif firm:
            votes["ORG"] += ORG_WORD_VOTES
        elif group.place is not None or occ.placed:
            # written as a place, a region no gazetteer lists stays one ("across the Sahel")
            votes["LOC" if occ.label == "LOC" and group.place is None else "GPE"] += PLACE_VOTES
        elif group.demonym:
            votes["NORP"] += PLACE_VOTES
    return votes


def _merge_places(forest: Forest) -> None:
    by_place: dict[str, str] = {}
    for key, group in sorted(forest.groups.items()):
        if group.is_place and group.place is not None:
            forest.union(by_place.setdefault(group.place, key), key)


def _merge_misspelled_places(forest: Forest, gaz: PlaceGazetteer) -> None:
    """Join a rare unknown one-word place name to the one frequent story place it misspells
    (see ``MISSPELLED_PLACE_EDITS``)."""
    places = [g for _, g in sorted(forest.groups.items()) if g.is_place]
    for key, group in sorted(forest.groups.items()):
        name = group.occurrences[0].surface
        if group.place is not None or group.label not in PLACE_LABELS or len(group.words) != 1 \
                or len(name) < MISSPELLED_PLACE_MIN_LETTERS or not name.isalpha() or gaz.is_demonym(name):
            continue
        fits = {forest.find(g.key) for g in places
                if len(g.occurrences) >= MISSPELLED_PLACE_SUPPORT * len(group.occurrences)
                and g.key[:1] == group.key[:1]
                and OSA.distance(g.key, group.key) <= MISSPELLED_PLACE_EDITS * max(len(g.key), len(group.key))}
        if len(fits) == 1:
            forest.union(fits.pop(), key)


# The words that give a name's other form right after it: "Ansar al-Sahil, also spelled Ansarul Sahel", "Velvet
# Lobster, sometimes called VLSTR", "Alma-Ata (also known as Almaty)" (made-up kidnapping and ransomware stories).
_ALIAS_AFTER = re.compile(r"\s*[,(]\s*(?:(?:also|sometimes|formerly)\s+(?:spelled|spelt|written|called|known\s+as)|"
                          r"a\.k\.a\.?|aka)\s+[\"“']?")
# An organization's name in another language after its own, set off by commas: "the Internal Security Service, or
# Kaitsepolitsei, ..." (a made-up Estonian story); a name of two words or more, the other form one word.
_OR_AFTER = re.compile(r"\s*,\s+or\s+")
_OR_CLOSES = re.compile(r"\s*[,)]")


_AND_BEFORE = re.compile(r"\band\s+$")
# A person's name the text says is a known form of the name: "Kasia Wrzesniewska, as she is known to fans" (a
# made-up doping story; the full name is Katarzyna).
_KNOWN_FORM_AFTER = re.compile(r"\s*,\s*as\s+(?:he|she|they)\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:known|called)\b",
                               re.IGNORECASE)


def _merge_stated_aliases(forest: Forest, texts: Mapping[str, str]) -> None:
    """Join a name and the other form the text gives it ("Ansar al-Sahil, also spelled Ansarul Sahel"; an
    organization's "the Internal Security Service, or Kaitsepolitsei,"), and a person's name the text calls a known
    form ("Kasia Wrzesniewska, as she is known to fans") to the one
    other person of that surname (Katarzyna Wrzesniewska)."""
    starts = {(o.key[0], o.key[1]): key for key, g in forest.groups.items() for o in g.occurrences}
    ends = {(o.key[0], o.key[1]): o.key[2] for g in forest.groups.values() for o in g.occurrences}
    for key, group in sorted(forest.groups.items()):
        for occ in group.occurrences:
            aid, _, end = occ.key
            hit = _ALIAS_AFTER.match(texts[aid], end)
            other = starts.get((aid, hit.end())) if hit is not None else None
            if other is None and len(group.words) >= 2 and group.label == "ORG" \
                    and (hit := _OR_AFTER.match(texts[aid], end)) is not None:
                other = starts.get((aid, hit.end()))
                if other is not None and (len(forest.groups[other].words) != 1 or forest.groups[other].is_place
                                          or not _OR_CLOSES.match(texts[aid], ends[(aid, hit.end())])):
                    other = None  # one word that names no known place ("the European Union, or Russia, ...")
            # one name, not a pair ("X and Y, also known as A and B") or a nationality
            if other is not None and other != key and not _AND_BEFORE.search(texts[aid], 0, occ.key[1]) \
                    and "NORP" not in (group.label, forest.groups[other].label):
                forest.union(key, other)
            if len(group.words) >= 2 and group.is_person and _KNOWN_FORM_AFTER.match(texts[aid], end):
                surname = phonetic_key(group.words[-1])
                namesakes = {forest.find(k) for k, g in forest.groups.items() if k != key and len(g.words) >= 2
                             and g.is_person and phonetic_key(g.words[-1]) == surname}
                if len(namesakes) == 1:
                    forest.union(key, namesakes.pop())


def _merge_acronyms(forest: Forest, texts: Mapping[str, str], gaz: PlaceGazetteer) -> None:
    """Join "Name (ACR)" appositions, then acronyms whose initials fit exactly one name."""
    acronym_groups = {k for k, g in forest.groups.items() if is_acronym(g.occurrences[0].surface)}
    for key, group in sorted(forest.groups.items()):
        for occ in group.occurrences:
            aid, _, end = occ.key
            hit = _ACRONYM_APPOSITION.match(texts[aid][end:end + 14])
            # a place is no initialism: "Sigma Mines (Quebec) Ltd", "Goldman Sachs (Japan)"
            acr = match_key(hit.group(1)) if hit and gaz.lookup(hit.group(1)) is None else ""
            if hit and acr and (group.is_place or group.label in ("GPE", "LOC")) \
                    and hit.group(1).lower() not in {a.lower() for a in acronym_of(group.key)}:
                # initials that are not the place's own: "Porto Franco (MA)" gives its state (Maranhão), "... sa
                # Mindoro (SAMAMI)" a group whose name NER cut to its last word (a made-up oil spill story)
                continue
            if acr in forest.groups and acr != key:
                forest.union(key, acr)
    expansions: dict[str, set[str]] = defaultdict(set)
    for key, group in forest.groups.items():
        if group.is_person:
            continue  # "RB", "LB" are positions, not Reggie Bush or Ladell Betts (ECB+ topic 25)
        surface = group.occurrences[0].surface
        forms = [surface, f"The {surface}"] if any(_written_with_the(o, texts) for o in group.occurrences) \
            else [surface]
        written = {match_key(w) for w in surface.split()}
        for acr in {a for form in forms for a in acronym_of(form)}:
            # a place written in the name is no initialism of it: "US" of "US Senate", "U.S. Steel"
            # (BBC business, Reuters); an organization's is its short name: "LG" of "LG Group"
            place = acr.lower() in forest.groups and forest.groups[acr.lower()].is_place
            if not (place and match_key(acr) in written):
                expansions[acr.lower()].add(key)
    for acr in sorted(acronym_groups):
        known = gaz.lookup(forest.groups[acr].occurrences[0].surface) if forest.groups[acr].is_place else None
        if known is not None and known.kind != "city":
            continue  # "US" is no "Universal Studio" (a city may be: "GOES", a satellite, is also Goes)
        roots = {forest.find(k) for k in expansions.get(acr, ())}
        if len(roots) == 1:
            forest.union(acr, roots.pop())


def _written_with_the(occ: Occurrence, texts: Mapping[str, str]) -> bool:
    """The name is written after a capital "The", which may be part of it: "The Hollywood
    Reporter", initials THR (a sentence-initial "The" only adds initials no other name has)."""
    aid, start, _ = occ.key
    return texts[aid][max(0, start - 4):start] == "The " or texts[aid][start:start + 4] == "The "


def _merge_institution_forms(forest: Forest) -> None:
    """Join "Ministry of Foreign Affairs" to "Foreign Ministry" when the story names both."""
    for key, group in sorted(forest.groups.items()):
        if group.is_person:
            continue
        other = institution_key(group.occurrences[0].surface)
        if other is not None and other in forest.groups and not forest.groups[other].is_person:
            forest.union(key, other)


def _merge_generic_heads(forest: Forest) -> None:
    """Join an organization's name to the same name with a generic head noun after it ("Staunton
    Police" = "Staunton Police Department", "U.S. Marshals" = "U.S. Marshals Service"); a one-word
    name too when the head is a medium's, written in lower case ("People magazine" = "People", "IRNA
    news agency" = "IRNA"): a description after the name, not part of it."""
    for key, group in sorted(forest.groups.items()):
        if len(group.words) < 2 or group.is_place:
            continue
        cut = _described_len(group)
        if cut and group.label != "PERSON":
            # NER calls a medium a person now and then ("PEOPLE"): the label, not any person vote
            other = forest.groups.get(" ".join(group.words[:cut]))
            if other is not None and other.label != "PERSON" and not other.is_place:
                forest.union(key, other.key)
        elif group.words[-1] in GENERIC_HEADS and not group.is_person:
            other = forest.groups.get(" ".join(group.words[:-1]))
            if other is not None and len(other.words) >= 2 and not other.is_person and not other.is_place:
                forest.union(key, other.key)


def _described_len(group: Group) -> int:
    """How many words of the name remain once the medium's nouns ending it are cut, each written in
    lower case somewhere ("People magazine" -> 1, "IRNA news agency" -> 1); 0 when none end it."""
    written = [o.surface.split(" ") for o in group.occurrences]
    if any(len(w) != len(group.words) for w in written):
        return 0  # a form was folded away ("Acme News Corp"): the words do not line up
    k = len(group.words)
    while k > 1 and group.words[k - 1] in MEDIUM_HEADS and any(w[k - 1].islower() for w in written):
        k -= 1
    return k if k < len(group.words) else 0


def _merge_person_names(forest: Forest) -> None:
    """Join multi-word names with the same phonetic surname and compatible first names.

    Every first name of the joined person must fit every other (complete link): "Harry Smith" fits
    both "Harold Smith" and "Henry Smith", "J. Smith" both "John" and "James Smith", and neither
    makes the two one person.
    """
    by_surname: dict[str, list[Group]] = defaultdict(list)
    for group in forest.groups.values():
        if len(group.words) >= 2 and not group.is_place and not has_org_word(group.key):
            by_surname[phonetic_key(group.words[-1])].append(group)
    first_names: dict[str, set[str]] = defaultdict(set)
    for groups in by_surname.values():
        for g in groups:
            first_names[forest.find(g.key)].add(first_name(g.words))

    def join(a: Group, b: Group) -> None:
        ra, rb = forest.find(a.key), forest.find(b.key)
        if ra == rb or not all(_first_names_match(x, y) for x in first_names[ra] for y in first_names[rb]):
            return
        if forest.union(ra, rb):
            root = forest.find(ra)
            first_names[root] = first_names.pop(ra, set()) | first_names.pop(rb, set())

    for same in by_surname.values():
        same.sort(key=lambda g: g.key)
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                if _first_names_match(first_name(a.words), first_name(b.words)):
                    join(a, b)
    by_first: dict[str, list[Group]] = defaultdict(list)  # only names of one first name are compared
    for g in sorted((g for gs in by_surname.values() for g in gs), key=lambda g: g.key):
        by_first[phonetic_key(first_name(g.words))].append(g)
    for names in by_first.values():
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if _surnames_match(phonetic_key(a.words[-1]), phonetic_key(b.words[-1])):
                    join(a, b)


def _surnames_match(a: str, b: str) -> bool:
    """Two phonetic surname keys of one first name spell one person's surname: near spellings
    (:data:`SURNAME_RATIO`), or one edit apart in a surname of :data:`SURNAME_ONE_EDIT_LETTERS` or more
    letters (Mwale/Mwali: a ratio of 80)."""
    if fuzz.ratio(a, b) >= SURNAME_RATIO:
        return True
    return min(len(a), len(b)) >= SURNAME_ONE_EDIT_LETTERS and OSA.distance(a, b) <= 1


def _first_names_match(a: str, b: str) -> bool:
    """Same person's first name: equal phonetically, an initial, a short form, or a near spelling."""
    pa, pb = phonetic_key(a), phonetic_key(b)
    if pa == pb:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = sorted((pa, pb), key=len)
    if len(short) >= NICKNAME_PREFIX and long_.startswith(short):
        return True  # Fred / Frederick, Alex / Alexander
    if _nickname_of(a, b) or _nickname_of(b, a):
        return True  # Katie / Kathryn, Bill / William
    return fuzz.ratio(pa, pb) >= FIRST_NAME_RATIO or _short_form(*sorted((a.lower(), b.lower()), key=len))


def _short_form(short: str, full: str) -> bool:
    """A short form the nickname table lacks: the end of a long given name (Seun / Oluwaseun, Emeka / Chukwuemeka, a
    made-up Lagos story), when the end is no given name of its own (Anna is not Susanna, Rose not Ambrose)."""
    return len(short) >= SUFFIX_FORM_LETTERS and len(full) >= len(short) + SUFFIX_FORM_EXTRA \
        and full.endswith(short) and not is_given_name(short)


def _nickname_of(short: str, full: str) -> bool:
    """``short`` is a nickname of ``full`` in the ``nicknames`` table and shorter than it: the table
    also pairs names of one length across languages ("Jean" / "Jane", "Ivan" / "John"), which are
    often different people."""
    return len(short) < len(full) and short.lower() in nicknamer().nicknames_of(full)


def warm_up() -> None:
    """Load the nickname table now rather than on first use (the dossier workers' fork server)."""
    nicknamer()


def _build(forest: Forest, override: Mapping[MentionKey, str], borrowed: set[MentionKey],
           spread: set[MentionKey], texts: Mapping[str, str]) -> ActorResolution:
    root_of: dict[MentionKey, str] = {}
    for key, group in forest.groups.items():
        for occ in group.occurrences:
            root_of[occ.key] = override.get(occ.key, forest.find(key))
    occurrences = {occ.key: occ for g in forest.groups.values() for occ in g.occurrences}
    by_root: dict[str, list[Occurrence]] = defaultdict(list)
    for mkey, root in sorted(root_of.items()):
        by_root[root].append(occurrences[mkey])
    merged: dict[str, tuple[str, str, list[Occurrence]]] = {}
    for occs in by_root.values():
        # a place standing for its team gives the team no place votes nor the place's name
        label, name = _label_and_name(forest, [o for o in occs if o.key not in borrowed] or occs)
        eid = entity_id(label, name)
        if eid in merged:
            occs = merged[eid][2] + occs
        merged[eid] = (label, name, occs)
    entities = []
    entity_of: dict[MentionKey, str] = {}
    label_of: dict[MentionKey, str] = {}
    added: dict[str, list[Mention]] = defaultdict(list)
    for eid, (label, name, occs) in sorted(merged.items()):
        aliases = tuple(sorted({o.surface for o in occs}))
        entities.append(Entity(eid, name, label, aliases, len(occs)))
        for occ in occs:
            entity_of[occ.key], label_of[occ.key] = eid, label
            if occ.key in spread:
                aid, start, end = occ.key
                added[aid].append(Mention(start, end, texts[aid][start:end], label, eid, STORY))
    return ActorResolution(tuple(entities), entity_of, label_of,
                           {aid: tuple(sorted(ms, key=lambda m: m.start)) for aid, ms in added.items()})


def _surname_alone(words: list[str]) -> bool:
    """A surname with its particles ("de vido", "de la vega"): no full name to call a person by."""
    return all(w in SURNAME_PARTICLES for w in words[:-1])


def _label_and_name(forest: Forest, occs: list[Occurrence]) -> tuple[str, str]:
    """Repair the label by the actor's votes; pick the canonical name (see module docstring)."""
    groups = {match_key(o.surface): forest.groups[match_key(o.surface)] for o in occs}
    votes: dict[str, float] = defaultdict(float)
    for group in groups.values():
        share = sum(1 for o in occs if match_key(o.surface) == group.key) / len(group.occurrences)
        for label, n in group.votes.items():
            votes[label] += n * share
    last_words = {g.words[-1] for g in groups.values() if len(g.words) > 1}
    if any(len(g.words) == 1 and g.key in last_words for g in groups.values()) \
            and not any(g.is_place for g in groups.values()):
        votes["PERSON"] += SURNAME_USE_VOTES  # a surname alone (not an acronym: "MSF")
    label = best_label(votes)
    places = sorted({g.place for g in groups.values() if g.is_place and g.place})
    counts = Counter(o.surface for o in occs)
    if label in PLACE_LABELS and len(places) == 1:
        return label, places[0]
    # a hyphenated surname written without its hyphen is a surname alone ("Asante Boateng")
    hyphened = {" ".join(w[-1].split("-")) for s in counts if len(w := words_of(s)) > 1 and "-" in w[-1]}
    full = [s for s in counts if len(words_of(s)) > 1 and not _surname_alone(words_of(s))
            and " ".join(words_of(s)) not in hyphened] or list(counts)
    if label == "PERSON":  # not "Natalie Appleton,31", an age NER ran into
        full = [s for s in full if not any(c.isdigit() for c in s)] or full
    # of a person's forms written equally often, the one whose surname the articles write most: "Daniel Otieno
    # Owuor" (Owuor three times), not the one-off "Daniel Otieno Owour" (a made-up dam story); a company keeps its
    # longest form ("Ford Motor Credit Co", though "Credit" is written alone)
    last_uses = Counter(w[-1] for o in occs if (w := o.surface.split())) if label == "PERSON" else Counter()
    # ... and a form that opens with a given name before the two surnames alone ("Carmen Huamán", not "Huamán
    # Salazar"; a made-up bribery story)
    unnamed = {s: label == "PERSON" and given_name_gender(s.split()[0]) is None for s in full}
    # ... and of two spellings the one with its accents ("Łukasz Wróblewski", not "Lukasz Wroblewski")
    name = min(full, key=lambda s: (unnamed[s], -counts[s], -len(words_of(s.replace("-", " "))),
                                    -last_uses[s.split()[-1]], -len(s), s.isascii(), s))
    return label, name
