"""Mentions as occurrences of names, made ready to be grouped into actors (see ``dossier.actors``).

``collect`` keeps the actor mentions NER found (never the story's own, see ``Mention.origin``);
``repair_surfaces`` cuts place prefixes, titles and run-on words off their names;
``cut_headline_spans`` gives a title-line name cut back this way the span of the words kept;
``join_quoted_nicknames`` makes one person of a name with a quoted nickname (Vincent "The Chin" Gigante);
``split_run_ons`` splits a span NER ran over several known names ("Lopez and Carrasquillo");
``join_split_names`` joins two mentions NER cut out of one known name ("Telecom" "Egypt");
``find_again`` finds the story's names again where NER missed them (``name_spread``);
``name_noise.drop_common_words`` then drops what is not a name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsweave.annotate.nlp import TITLE_ABBREVIATIONS, dateline_at
from newsweave.dossier.name_spread import (
    head_end,
    person_surnames,
    spread_names,
    starts_sentence,
    title_line,
)
from newsweave.dossier.names import (
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_NOUN_PLURALS,
    PLACE_NOUNS,
    SURNAME_PARTICLES,
    US_STATE_ABBREVIATIONS,
    PlaceGazetteer,
    clean_surface,
    has_corp_suffix,
    has_org_word,
    is_given_name,
    match_key,
    title_prefix_len,
    untitled_len,
    words_of,
)
from newsweave.model import Mention

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MentionKey = tuple[str, int, int]
# A line is a headline when it has at least this many words and this share of them capitalized
# (ECB+ dev: article titles such as "Lindsay Lohan Checks Into Rehab at Betty Ford Center").
HEADLINE_MIN_WORDS = 3
HEADLINE_CAPS_SHARE = 0.7
# Label tie-break order: the more specific actor types first.
_LABEL_ORDER = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP")
# A title word right before the name, possibly as "the President of Kazakhstan, " or "president of ".
_TITLE_BEFORE = re.compile(r"\b([A-Za-z-]+)\.?(?:\s+of(?:\s+the)?(?:\s+(?!the\b)[A-Za-z][\w-]*){1,2})?\s*,?\s+$")
# Titles written with a period ("Dr. Ana Costa"); another title word before a period ends a sentence:
# "... and its finance chief. Telvia said".
TITLE_PERIOD_WORDS = frozenset({"mr", "mrs", "ms", "dr", "pres", "st"}
                                 | {w.rstrip(".").lower() for w in TITLE_ABBREVIATIONS})
_APPOSITION_AFTER = re.compile(r"^\s*,\s+(?:the|a|an|its|his|her)?\s*(?:[\w-]+\s+){0,4}?([\w-]+)\b")
# An apposition that says the name is a person's: "Subhonkul Rakhimov, a passenger, told ..."
_PERSON_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:passenger|resident|witness|survivor|victim|student|farmer|worker|"
    r"mother|father|nurse|doctor|pilot|driver|neighbou?r|shopkeeper|teacher|pensioner|retiree|volunteer|"
    r"protester|activist|employee|fan|veteran)s?\b")
# A name right after the apposition's title words holds the title, not the mention before it:
# "proceedings against Telvia, its chief executive Ana Costa and ..." (not "Ana Costa, its chief
# executive, said"; not "Ana Costa, chief executive of Telvia").
_NAME_AFTER_TITLE = re.compile(r"(?:\s+(?!(?:of|at|for|in|with|to|from|and|or)\b)[a-z-]+)*"
                               r"\s+[A-Z][a-z]+[\s-][A-Z][a-z]")
_NOT_ALNUM = "".join(sorted(set(".,;:!?&'\"’”“()[]-–— ")))
# A one-word name is spread to the rest of the story once NER has found it this many times inside
# sentences: one NER error (a rating "AA", a label "Offering") must not become many.
SPREAD_MIN_SEEN = 2
CALENDAR_WORDS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                       "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
_PLACE_NOUNS = "|".join(PLACE_NOUNS)
_PLACE_NOUNS_PLURAL = "|".join(PLACE_NOUN_PLURALS)
# "the district of Chikwawa", "the suburbs of Dione and Nea Penteli", "Residents of Nea Penteli"
_PLACE_NOUN_BEFORE = re.compile(rf"\b(?:{_PLACE_NOUNS}|{_PLACE_NOUNS_PLURAL}|state|island|port|"
                                r"[Rr]esidents|[Ii]nhabitants)"
                                r"\s+of\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},?\s+(?:and|or)\s+)?$")
# A preposition of place before a name ("near Sfax", "outside Brussels", "across Quintana Roo",
# "authorities in Quintana Roo", "in nearby Linwood", "downtown Ashgrove"); not before a possessor,
# who may be a person ("near Ana Costa's home"). Not "off": also a verb's particle ("sold off Yugansk").
_PLACE_PREPOSITION = re.compile(r"(?<![A-Za-z])(?:near|nearby|outside|across|throughout|downtown"
                                r"|(?:[Aa]uthorities|[Oo]fficials|[Rr]esidents)\s+in)\s+$")
# A state's or a city's office after its name ("Quintana Roo Governor Marisol Tellez", "the Lagos mayor"):
# not a bank's ("Bundesbank Governor", "Fed Governor": short or ending in "bank") nor a firm's.
_PLACE_OFFICE_AFTER = re.compile(r"\s+(?:[Gg]overnor|[Mm]ayor)\b")
_PLACE_NOUN_AFTER = re.compile(rf"\s+(?:{_PLACE_NOUNS})\b")
# A place noun in apposition after the name: "In Stara Łąka, a village of about 1,400 people" (a made-up derailment
# story, whose village NER took for a person).
_PLACE_APPOSITION = re.compile(rf",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_PLACE_NOUNS})\s+(?:of|in|on|near)\b")
# A place's region after it, as a place is written in the middle of a sentence: "in Coningsby,
# Lincolnshire, the Met Office said", "near Sfax, Tunisia." (a lower-case preposition: a sentence's
# opening "In Paris, Macron, who ..." names a person after the place), the region closing the phrase.
_REGION_AFTER_PLACE = re.compile(r"(?<![A-Za-z])(?:in|at|near|outside|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
                                 r",\s+$")
_PHRASE_CLOSES = re.compile(r"[,.;:)]|\s*$")
# Nouns that head a company's apposition ("Telvia, Portugal's second-largest mobile operator, said").
# (Not nouns that are also people's trades: "producer", "broker", "publisher", "broadcaster", "miner".)
FIRM_NOUNS = frozenset({"company", "firm", "operator", "carrier", "airline", "bank", "lender", "insurer",
                        "retailer", "maker", "manufacturer", "conglomerate", "utility", "startup", "start-up",
                        "automaker", "carmaker", "refiner", "subsidiary"})
# An apposition opens with an article or a possessive ("Telvia, Portugal's second-largest mobile operator,";
# not ", with Quincy Jones as producer.", ", who wanted her to dance for his company,").
_FIRM_APPOSITION = re.compile(r"\s*,\s+(?:the|a|an|its|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s?)\s+[^,.;:()\n]{0,60}?"
                              rf"\b(?:{'|'.join(sorted(FIRM_NOUNS))})s?\s*[,.;]")
# A firm noun with its trade right before the name: "media giant Telvia", "brokerage firm Lamb Brothers",
# "chemicals group Veltra" (not "a group Smith founded", "the company Smith runs").
_FIRM_BEFORE = re.compile(r"\b(?!(?:a|an|the|this|that|its|his|her|their|our|whose|which)\b)[a-z]+\s+"
                          r"(?:giant|firm|company|group|conglomerate|carmaker|automaker|airline|retailer|lender|insurer)"
                          r"\s+$")
# Offices held at an organization (or a place), right before its name ...
_EMPLOYER_BEFORE = re.compile(r"\b(?:(?:chief\s+)?(?:executive|financial|operating|technology|information)\s+officer|"
                              r"chief\s+executive|managing\s+director|chairman|chairwoman|board\s+of\s+directors|"
                              r"(?:analyst|economist|strategist|executive|employee|shareholder)s?)\s+"
                              r"(?:of|for|at|with|in)\s+(?:the\s+)?$")
# ... or after it, as its possession: "Telvia's board", "Veltra's shareholders".
_EMPLOYER_AFTER = re.compile(r"['’]s?\s+(?:board|shareholders|subsidiary|chief\s+executive|chairman|chairwoman)\b")
_SHARES_AFTER = re.compile(r"(?:['’]s)?\s+(?:shares|stock)\b")
_SHARES_BEFORE = re.compile(r"\b(?:shares|stock)\s+(?:in|of)\s+$", re.IGNORECASE)
# A pollster or a research house, named by its survey: "A poll by Ifop", "an Ifop survey", "a YouGov poll".
_SURVEY_AFTER = re.compile(r"(?:['’]s)?\s+(?:opinion\s+)?(?:poll|survey)s?\b")
_SURVEY_BEFORE = re.compile(r"\b(?:poll|survey)s?\s+(?:by|from|conducted\s+by|carried\s+out\s+by)\s+$", re.IGNORECASE)
# Offices of a company, written after its name in headlines ("Telvia CEO steps down").
_FIRM_OFFICES = frozenset({"ceo", "cfo", "coo", "chairman", "chairwoman", "boss", "chief"})
_CAMEL_JOIN = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")


@dataclass(slots=True)
class Occurrence:
    key: MentionKey
    surface: str
    label: str
    titled: bool
    headline: bool = False
    placed: bool = False  # a place noun governs it ("the district of Chikwawa", "Chikwawa district")
    firm: bool = False  # written as a company: "Telvia, Portugal's second-largest mobile operator,", "Telvia shares"
    employer: bool = False  # an office is held at it: "chief executive of Telvia", "Telvia's board" (or a place's)


def collect(items: Sequence[tuple[str, str, Sequence[Mention]]]) -> list[Occurrence]:
    """The NER actor mentions as occurrences (never the story's own, see ``Mention.origin``)."""
    found = []
    for aid, text, mentions in items:
        headline = _HeadlineLines(text)
        for m in mentions:
            label = m.found_label  # what NER found, not a label an earlier build repaired
            if label not in ACTOR_LABELS or m.origin != "ner":
                continue  # the story's own mentions are found again, never evidence
            raw = _CAMEL_JOIN.sub(" ", m.text) if label == "PERSON" else m.text
            titled = _has_title(raw) or _title_around(text, m.start, m.end)
            surface = clean_surface(raw)
            if surface in US_STATE_ABBREVIATIONS and text[m.end:m.end + 1] == ".":
                surface += "."  # a state's abbreviation, which NER leaves its full stop out of: "Ashgrove, Mo."
            if match_key(surface):
                found.append(Occurrence((aid, m.start, m.end), surface, label, titled, headline(m.start, m.end),
                                        _place_noun_around(text, m.start, m.end),
                                        written_as_firm(text, m.start, m.end),
                                        written_as_employer(text, m.start, m.end)))
    return found


class _HeadlineLines:
    """``_in_headline`` for one text, each line tested once (an article may hold thousands of names)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[tuple[int, int], bool] = {}

    def __call__(self, start: int, end: int) -> bool:
        key = (self.text.rfind("\n", 0, start), self.text.find("\n", end))
        if key not in self._seen:
            self._seen[key] = _in_headline(self.text, start, end)
        return self._seen[key]


def cut_headline_spans(occurrences: list[Occurrence], texts: Mapping[str, str]) -> set[MentionKey]:
    """Shrink the span of a title name that surface repair cut back ("Colts Beat Chiefs" -> "Colts",
    "Obama To Nominate Regina Benjamin" -> "Regina Benjamin") to the words kept, so that the rest of
    the title can be found. Only in an article's title line: body sentences full of capitalized
    names ("General Electric Co said ...") look like headlines too, and their names are whole.

    Returns:
        The new spans (the NER span keeps no actor, see ``link_annotations``).
    """
    cut = set()
    for occ in occurrences:
        aid, start, end = occ.key
        if not occ.headline:
            continue
        title = title_line(texts[aid])
        if not title[0] <= start < title[1]:
            continue
        words = list(re.finditer(r"\S+", texts[aid][start:end]))
        n = len(occ.surface.split(" "))
        if n >= len(words):
            continue
        head = (start, start + words[n - 1].end())
        tail = (start + words[len(words) - n].start(), end)
        for s, e in (head, tail):
            written = texts[aid][s:e]
            s += len(written) - len(written.lstrip(_NOT_ALNUM))
            e -= len(written) - len(written.rstrip(_NOT_ALNUM))
            if e > s and match_key(texts[aid][s:e]) == match_key(occ.surface):
                occ.key = (aid, s, e)
                cut.add(occ.key)
                break
    return cut


# A name with a nickname in quotes between first name and surname: Vincent "The Chin" Gigante,
# Salvatore "Sammy the Bull" Gravano, Vincent 'Chin' Gigante (ECB+ dev). NER splits these into a
# place, a nationality and a surname.
_QUOTED_NICKNAME = re.compile(
    r"\b(?P<first>[A-Z][a-z]+(?: [A-Z]\.)?) (?P<open>[\"“'‘])"
    r"(?P<nick>(?:[Tt]he )?[A-Z][\w.-]*(?: (?:the|of|[A-Z][\w.-]*)){0,3}),?(?P<close>[\"”'’]) "
    r"(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_CLOSING = {'"': '"', "“": "”", "'": "'’", "‘": "’"}


def _by_article(occurrences: Sequence[Occurrence]) -> dict[str, list[Occurrence]]:
    """The occurrences of each article, in the order given."""
    by_article: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_article[occ.key[0]].append(occ)
    return by_article


def join_quoted_nicknames(occurrences: list[Occurrence], texts: Mapping[str, str]
                          ) -> tuple[list[Occurrence], list[Occurrence]]:
    """One person for a name written with a quoted nickname in the middle (Vincent "The Chin"
    Gigante), where the story names that person or NER found a person among its words after a
    given name. The mentions inside are dropped (their spans keep no actor); the surface is the
    name without the nickname ("Vincent Gigante").

    Args:
        occurrences: the story's occurrences.
        texts: article id -> text.

    Returns:
        The occurrences kept, and the new ones (story mentions: their spans are no NER mention).
    """
    by_article = _by_article(occurrences)
    persons = {match_key(o.surface) for o in occurrences if o.label == "PERSON"}
    out: list[Occurrence] = []
    dropped: set[MentionKey] = set()
    for aid, occs in by_article.items():
        text, joined_to = texts[aid], 0
        for hit in _quoted_nicknames(text):
            if hit["close"] not in _CLOSING[hit["open"]] or hit.start() < joined_to:
                continue
            inside = [o for o in occs if o.key[1] < hit.end() and hit.start() < o.key[2]]
            name = f"{hit['first']} {hit['last']}"
            known = match_key(name) in persons
            if not (known or (is_given_name(hit["first"]) and any(o.label == "PERSON" for o in inside))) \
                    or any(o.key[1] < hit.start() or o.key[2] > hit.end() for o in inside):
                continue  # no person here ('Americanised "Jimmy" Bond'), or a mention runs past the name
            dropped.update(o.key for o in inside)
            joined_to = hit.end()
            out.append(Occurrence((aid, hit.start(), hit.end()), name, "PERSON",
                                  any(o.titled for o in inside), any(o.headline for o in inside)))
    return [o for o in occurrences if o.key not in dropped], out


def _quoted_nicknames(text: str) -> Iterator[re.Match[str]]:
    """Every place ``_QUOTED_NICKNAME`` matches, overlapping ones too: the surname of one match may be
    the first name of the next ("Mafia 'Oddfather,' Vincent 'Chin' Gigante", ECB+ train topic 26)."""
    pos = 0
    while (hit := _QUOTED_NICKNAME.search(text, pos)) is not None:
        yield hit
        pos = hit.start("last")


def join_split_names(occurrences: list[Occurrence], texts: Mapping[str, str]
                     ) -> tuple[list[Occurrence], list[Occurrence]]:
    """Join two mentions NER cut out of one name the story writes whole elsewhere: "Telecom" and
    "Egypt", one space apart, where another mention is "Telecom Egypt".

    Returns:
        The occurrences kept, and the joined names (story mentions: their spans are no NER mention;
        the two NER spans keep no actor).
    """
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for occ in occurrences:
        if " " in occ.surface:
            labels[match_key(occ.surface)][occ.label] += 1
    by_article = _by_article(occurrences)
    joined: list[Occurrence] = []
    dropped: set[MentionKey] = set()
    for aid, occs in by_article.items():
        text = texts[aid]
        occs.sort(key=lambda o: o.key[1])
        for a, b in pairwise(occs):
            if a.key in dropped or text[a.key[2]:b.key[1]] != " ":
                continue
            surface = clean_surface(text[a.key[1]:b.key[2]])  # "Chief Executive Ana" "Ribeiro": "Ana Ribeiro"
            key = match_key(surface)
            if key in labels:
                dropped.update((a.key, b.key))
                joined.append(Occurrence((aid, a.key[1], b.key[2]), surface, best_label(labels[key]), a.titled,
                                         a.headline, _place_noun_around(text, a.key[1], b.key[2]),
                                         written_as_firm(text, a.key[1], b.key[2])))
    return [o for o in occurrences if o.key not in dropped], joined


# A particle and the capitalized words after a name, which a place name may go on with ("Playa del
# Carmen", "Ciudad de la Costa", "PLAYA DEL CARMEN" in a dateline), NER stopping at the particle.
_PLACE_PARTICLE_TAIL = re.compile(r"\s+(?i:del|de|de la|de los|de las|da|do|dos|das|di|du|des|el|al|sur|en)"
                                  r"\s+[A-Z][\w'’-]*((?:\s+[A-Z][\w'’-]*)?)")


def _city_named(gaz: PlaceGazetteer, name: str) -> bool:
    place = gaz.lookup(name)
    return place is not None and place.kind == "city" and place.primary


def join_particle_places(occurrences: list[Occurrence], texts: Mapping[str, str], gaz: PlaceGazetteer
                         ) -> tuple[list[Occurrence], list[Occurrence]]:
    """Extend a mention NER stopped at a particle to the place name the gazetteer knows: "Playa" and
    "Carmen" in "Playa del Carmen" are that city, not Oranjestad (whose other name is "Playa") and
    Ciudad del Carmen.

    Returns:
        The occurrences kept, and the extended names (story mentions: the NER spans inside keep no actor).
    """
    by_article = _by_article(occurrences)
    joined: list[Occurrence] = []
    dropped: set[MentionKey] = set()
    for aid, occs in by_article.items():
        text = texts[aid]
        for occ in sorted(occs, key=lambda o: o.key[1]):
            tail = _PLACE_PARTICLE_TAIL.match(text, occ.key[2]) if occ.key not in dropped else None
            if tail is None:
                continue
            ends = [tail.end(), tail.start(1)] if tail[1] else [tail.end()]  # with or without a last word
            end = next((k for k in ends if _city_named(gaz, text[occ.key[1]:k])), None)
            if end is None:
                continue
            dropped.update(o.key for o in occs if occ.key[1] <= o.key[1] and o.key[2] <= end)
            joined.append(Occurrence((aid, occ.key[1], end), text[occ.key[1]:end], "GPE", False, occ.headline,
                                     True))
    return [o for o in occurrences if o.key not in dropped], joined


# A word that joins two names NER ran into one span ("Lopez and Carrasquillo").
_CONJUNCTIONS = frozenset({"and", "&"})


def split_run_ons(occurrences: list[Occurrence], texts: Mapping[str, str], gaz: PlaceGazetteer
                  ) -> tuple[list[Occurrence], list[Occurrence]]:
    """Split a span NER ran over several names into the names the story knows.

    The names known are those of the story's mentions outside headlines, and the surnames of its
    multi-word persons. Three cases:

    - two known names joined by "and" or "&" ("Lopez and Carrasquillo", "Locke and Salazar",
      "EU & IMF"), never one name twice ("Johnson & Johnson");
    - two known names joined by a hyphen, a dash or a slash ("Acme-Brightline tie-up",
      "Renault/Nissan", "US-China talks"); a name the story never writes apart stays whole
      ("Hewlett-Packard", "Jean-Pierre"), and so do a gazetteer place ("Guinea-Bissau", "Alma-Ata")
      and an organization named after two of the story's persons ("Harley-Davidson");
    - a span in an article's head (its title, date and subtitle lines) that is written nowhere
      outside headlines and holds known names among other words ("Obama Administration Flips Bush
      Endangered Species Ruling", "Negotiations for HUNGER GAMES Sequel"): the known names are
      kept, the rest of the span goes.

    Returns:
        The occurrences kept, and the names split out (story mentions: their spans are no NER
        mention; the NER span they came from keeps no actor).
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for occ in occurrences:
        if not occ.headline:
            votes[match_key(occ.surface)][occ.label] += 1
    known = {key: best_label(v) for key, v in votes.items()}  # a known name -> its label
    for occ in occurrences:
        words = occ.surface.split(" ")
        if occ.label == "PERSON" and not occ.headline and len(words) >= 2 and len(words[-1]) > 2 \
                and words[-1].isalpha() and words[-1][:1].isupper():
            known.setdefault(match_key(words[-1]), "PERSON")  # a surname, unless a mention says otherwise
    kept: list[Occurrence] = []
    split: list[Occurrence] = []
    heads: dict[str, int] = {}  # article id -> where its head ends, computed once
    for occ in occurrences:
        aid, start, end = occ.key
        pieces = _coordinated_names(texts[aid], start, end, known) \
            or _paired_names(texts[aid], start, end, known, occ.label, gaz) \
            or _name_after_comma(texts[aid], start, end, known)
        if not pieces and occ.headline and match_key(occ.surface) not in known:
            if aid not in heads:
                heads[aid] = head_end(texts[aid])
            if end <= heads[aid]:
                pieces = _names_inside(texts[aid], start, end, known)
        if not pieces:
            kept.append(occ)
            continue
        for s, e, key in pieces:
            split.append(Occurrence((aid, s, e), clean_surface(texts[aid][s:e]), known[key],
                                    _title_around(texts[aid], s, e), occ.headline))
    return kept, split


def _written_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the words of ``text[start:end]``, without edge punctuation ("&" is a word)."""
    out = []
    for hit in re.finditer(r"\S+", text[start:end]):
        word = hit.group(0)
        if word == "&":
            out.append((start + hit.start(), start + hit.end()))
            continue
        s = start + hit.start() + len(word) - len(word.lstrip(_NOT_ALNUM))
        e = start + hit.end() - (len(word) - len(word.rstrip(_NOT_ALNUM)))
        if e > s:
            out.append((s, e))
    return out


def _coordinated_names(text: str, start: int, end: int, known: Mapping[str, str]
                       ) -> list[tuple[int, int, str]]:
    """Two different known names joined by one "and" or "&": their spans and keys, else [].
    A span that ends in a company form or an organization word is one name ("Standard and Poor's
    Corp", "Fish and Wildlife Service"), whatever names its words make apart."""
    words = _written_words(text, start, end)
    joins = [i for i, (s, e) in enumerate(words) if text[s:e].lower() in _CONJUNCTIONS]
    if len(joins) != 1 or not 0 < joins[0] < len(words) - 1:
        return []
    whole = text[start:end]
    if has_corp_suffix(whole) or words_of(whole)[-1] in ORG_WORDS:
        return []  # one name: "Goldman, Sachs and Co", "American Savings and Loan Association"
    i = joins[0]
    sides = [(words[0][0], words[i - 1][1]), (words[i + 1][0], words[-1][1])]
    keys = [match_key(clean_surface(text[s:e])) for s, e in sides]
    if keys[0] == keys[1] or not all(len(k) >= 2 and k in known for k in keys):
        return []  # "Johnson & Johnson"; "S and P"
    whole_key = match_key(clean_surface(whole))
    if any(k != whole_key and k.startswith(whole_key) for k in known):
        return []  # "Standard and Poor's" where the story names "Standard and Poor's Corp"
    return [(s, e, k) for (s, e), k in zip(sides, keys, strict=True)]


def _name_after_comma(text: str, start: int, end: int, known: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """A known name after the one comma of a span, each side kept when known ("the title of National
    Hero, Aliyev said": NER's "National Hero, Aliyev" is Aliyev); else []. A company keeps its comma
    ("Goldman, Sachs and Co")."""
    whole = text[start:end]
    if whole.count(", ") != 1 or has_corp_suffix(whole):
        return []
    cut = start + whole.index(", ")
    sides = [(start, cut), (cut + 2, end)]
    keys = [match_key(clean_surface(text[s:e])) for s, e in sides]
    if keys[1] not in known:
        return []
    return [(s, e, k) for (s, e), k in zip(sides, keys, strict=True) if k in known]


# What joins two names into one word: "Acme-Brightline", "Renault/Nissan", "US–China", "U.S.-Japan".
_PAIR_JOINS = re.compile(r"(?<=[\w.])[-/–](?=\w)")


def _paired_names(text: str, start: int, end: int, known: Mapping[str, str], label: str,
                  gaz: PlaceGazetteer) -> list[tuple[int, int, str]]:
    """Two different known names joined by a hyphen, dash or slash into the span: their spans and
    keys, else [] (see ``split_run_ons``)."""
    words = _written_words(text, start, end)
    if not words:
        return []
    s, e = words[0][0], words[-1][1]
    if text[s:e].endswith(("'s", "’s")):
        e -= 2  # "Brightline's" (a trailing apostrophe is edge punctuation already)
    whole = text[s:e]
    if gaz.lookup(whole) is not None or has_corp_suffix(whole) or words_of(whole)[-1] in ORG_WORDS:
        return []  # one place: "Guinea-Bissau", "Alma-Ata"; one firm: "Hughes/Conserdyne Corp"
    for join in _PAIR_JOINS.finditer(text, s, e):
        sides = [(s, join.start()), (join.end(), e)]
        keys = [match_key(clean_surface(text[a:b])) for a, b in sides]
        if keys[0] == keys[1] or not all(len(k) >= 2 and k in known for k in keys):
            continue
        if label == "ORG" and all(known[k] == "PERSON" for k in keys):
            continue  # a firm named after two people of the story: "Harley-Davidson"
        return [(a, b, k) for (a, b), k in zip(sides, keys, strict=True)]
    return []


def _names_inside(text: str, start: int, end: int, known: Mapping[str, str]
                  ) -> list[tuple[int, int, str]]:
    """The known names among the words of a span, longest first from the left; never the whole span."""
    words = _written_words(text, start, end)
    out = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            if (i, j) == (0, len(words)):
                continue
            key = match_key(clean_surface(text[words[i][0]:words[j - 1][1]]))
            if key in known:
                out.append((words[i][0], words[j - 1][1], key))
                i = j
                break
        else:
            i += 1
    return out


def find_again(occurrences: list[Occurrence], texts: Mapping[str, str], lower: Counter[str],
            gaz: PlaceGazetteer) -> list[Occurrence]:
    """The story's names where NER missed them (``spread_names``): each name written as an actor
    outside a headline, with the label most of its mentions have, and the persons' surnames.

    One NER error must not become many, so nationalities are not spread (adjectives: "Swiss
    francs", "Western diplomats"), and a one-word name only when NER found it at least twice
    where no sentence or line starts (table labels "Shr", "Net" start lines), the story never
    writes it in lower case ("Federal funds"), and it is no code or abbreviation: at least three
    letters, no digit ("M-2", "AA"), no month or weekday ("Jan"). A person's surname is spread
    whatever its count.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    inside: Counter[str] = Counter()  # how often each name was seen where no sentence starts
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for occ in occurrences:
        aid, start, end = occ.key
        taken[aid].append((start, end))
        written = re.sub(r"['’]s$", "", texts[aid][start:end])
        if not occ.headline and "\n" not in written and len(written) > 1:
            votes[written][occ.label] += 1
            if not starts_sentence(texts[aid], start):
                inside[written] += 1
    names = {name: label for name, v in votes.items()
             if (label := best_label(v)) != "NORP" and not gaz.is_demonym(name)
             and (" " in name or (inside[name] >= SPREAD_MIN_SEEN and _spreadable_word(name, lower)))}
    names = {**person_surnames((n for n, label in names.items() if label == "PERSON"), names), **names}
    headlines: dict[str, _HeadlineLines] = {}
    out = []
    for found in spread_names(texts, names, taken, lower):
        surface = clean_surface(found.text)
        if match_key(surface):
            text, start, end = texts[found.article_id], found.start, found.end
            headline = headlines.setdefault(found.article_id, _HeadlineLines(text))
            out.append(Occurrence((found.article_id, start, end), surface, found.label,
                                  _title_around(text, start, end), headline(start, end),
                                  _place_noun_around(text, start, end), written_as_firm(text, start, end)))
    return out


def _spreadable_word(word: str, lower: Counter[str]) -> bool:
    """A one-word name that may be spread: a word of letters, three or more, not a month or
    weekday, that the story never writes in lower case."""
    return len(word) >= 3 and not any(c.isdigit() for c in word) and word.lower().strip(".") not in CALENDAR_WORDS \
        and not lower[word.lower()]


def _has_title(raw: str) -> bool:
    words = raw.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return title_prefix_len(words) > 0


def _title_around(text: str, start: int, end: int) -> bool:
    """A person title right before the mention, or a title-headed apposition right after it."""
    before = _TITLE_BEFORE.search(text[max(0, start - 50):start])
    if before and before.group(1).lower() in PERSON_TITLES \
            and ("." not in before.group(0) or before.group(1).lower() in TITLE_PERIOD_WORDS):
        return True
    after = _APPOSITION_AFTER.match(text[end:end + 60])
    return bool(after and after.group(1).lower() in PERSON_TITLES
                and not _NAME_AFTER_TITLE.match(text, end + after.end(1), end + 80)) \
        or bool(_PERSON_APPOSITION.match(text, end))


def _place_noun_around(text: str, start: int, end: int) -> bool:
    """The mention is written as a place: a place noun in lower case governs it ("the district of
    Chikwawa", "Chikwawa district"; a capitalized one is part of a name: "State of Mexico", "Chikwawa
    District"), a preposition of place comes before it ("near Lampedusa", "outside Sfax"), it is the
    region after a place ("in Coningsby, Lincolnshire,"), or it opens a wire dateline ("LAMPEDUSA,
    Italy, July 16 (MedWire) - ")."""
    before = text[max(0, start - 8):start]
    return bool((before.endswith(("of ", "and ", "or ")) and _PLACE_NOUN_BEFORE.search(text, max(0, start - 60), start))
                or (text[end:end + 1] == " " and _PLACE_NOUN_AFTER.match(text, end, end + 20))
                or _PLACE_APPOSITION.match(text, end, end + 60) is not None
                or (_PLACE_PREPOSITION.search(text, max(0, start - 24), start) is not None
                    and text[end:end + 2] not in ("'s", "’s"))
                or _region_after_place(text, start, end)
                or (_PLACE_OFFICE_AFTER.match(text, end) is not None and end - start > 4
                    and not text[start:end].lower().endswith("bank") and not has_org_word(text[start:end]))
                or ((start == 0 or text[start - 1] == "\n") and text[start:end].isupper()
                    and dateline_at(text, start) is not None))


def _region_after_place(text: str, start: int, end: int) -> bool:
    """The mention is the region after a place ("in Coningsby, Lincolnshire, the Met Office said"),
    not a person named after a role's place ("a senator from Kansas, Sam Brownbeck, said")."""
    if text[start - 2:start] != ", " or _PHRASE_CLOSES.match(text, end) is None \
            or _REGION_AFTER_PLACE.search(text, max(0, start - 60), start) is None:
        return False
    words = text[start:end].split()
    return not (len(words) > 1 and is_given_name(words[0]))


def written_as_firm(text: str, start: int, end: int) -> bool:
    """The mention is written as a company: an apposition headed by a firm noun ("Telvia,
    Portugal's second-largest mobile operator,"), a firm noun before it ("media giant Telvia"), its
    shares ("Telvia shares fell", "shares in Telvia") or its polls ("A poll by Ifop", "an Ifop survey")."""
    after = text[end:end + 2]
    return bool(("," in after and _FIRM_APPOSITION.match(text, end, min(len(text), end + 90)))
                or (("s" in text[end:end + 12] or "S" in text[end:end + 12])
                    and _SHARES_AFTER.match(text, end, min(len(text), end + 12)))
                or _SHARES_BEFORE.search(text, max(0, start - 20), start)
                or _FIRM_BEFORE.search(text, max(0, start - 40), start)
                or _SURVEY_AFTER.match(text, end, min(len(text), end + 20))
                or _SURVEY_BEFORE.search(text, max(0, start - 30), start))


def written_as_employer(text: str, start: int, end: int) -> bool:
    """An office is held at the mention, which is then an organization or a place: "chief
    technology officer for Telvia", "an analyst at Veltra", "Telvia's board" (not "a spokesman for
    Ana Costa", "a lawyer for Smith": people have those too)."""
    return bool(_EMPLOYER_BEFORE.search(text, max(0, start - 40), start)
                or (text[end:end + 1] in "'’" and _EMPLOYER_AFTER.match(text, end, min(len(text), end + 24))))


def _in_headline(text: str, start: int, end: int) -> bool:
    """Whether the mention sits in a Title Case line (a headline), where NER runs names on."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    words = re.findall(r"[A-Za-z][\w'-]*", text[line_start:line_end if line_end >= 0 else len(text)])
    capitalized = sum(1 for w in words if w[0].isupper())
    return len(words) >= HEADLINE_MIN_WORDS and capitalized >= HEADLINE_CAPS_SHARE * len(words)


def repair_surfaces(occurrences: list[Occurrence], gaz: PlaceGazetteer) -> list[Occurrence]:
    """Cut place prefixes and trailing junk off names, using the other mentions as evidence."""
    keys = {match_key(o.surface) for o in occurrences}
    persons = {match_key(o.surface) for o in occurrences if o.label == "PERSON" and " " in o.surface}
    body_keys = {match_key(o.surface) for o in occurrences if not o.headline}
    place_keys = {match_key(o.surface) for o in occurrences if o.label in PLACE_LABELS}
    shared = _shared_heads(occurrences, gaz)
    for occ in occurrences:
        words = occ.surface.split(" ")
        for i in range(1, len(words)):
            prefix, rest = " ".join(words[:i]), words[i:]
            place = gaz.lookup(prefix)
            # a city prefix must be a place mention elsewhere: "Antony" is a city in France too
            known = place is not None and place.primary and (
                place.kind != "city" or match_key(prefix) in place_keys)
            if not (known or gaz.is_demonym(prefix)):
                continue
            titles = title_prefix_len(rest)
            name = " ".join(rest[titles:])
            # "Tyler Hansbrough", "Regina M. Benjamin": a first name that is also a city; a city
            # prefix goes only before a title, or before a full name NER did not call a person
            full = (len(rest) - titles >= 2 and occ.label != "PERSON") or (
                place is not None and place.kind != "city")
            generic = all(w.lower() in ORG_WORDS for w in rest[titles:])  # "New York Police", "Washington Post"
            if titles or (full and not generic and match_key(name) in keys and match_key(name) not in shared):
                occ.surface, occ.titled = name, occ.titled or titles > 0
                break
        surface = _trim_title_tail(occ.surface, keys, occ.label)
        occ.titled = occ.titled or surface != occ.surface
        occ.surface = surface
        occ.surface = _trim_run_on(occ, persons, body_keys)
    return occurrences


def _shared_heads(occurrences: list[Occurrence], gaz: PlaceGazetteer) -> set[str]:
    """The one-word names written after two or more different countries or states: "Telecom" of
    "France Telecom" and "Portugal Telecom", "Treasury" of "U.S. Treasury" and "U.K. Treasury".
    Such a word is part of each name, not a name the place was run into."""
    prefixes: dict[str, set[str]] = defaultdict(set)
    for occ in occurrences:
        words = occ.surface.split(" ")
        place = gaz.lookup(" ".join(words[:-1])) if len(words) >= 2 else None
        if place is not None and place.primary and place.kind != "city":
            prefixes[match_key(words[-1])].add(place.name)
    return {word for word, places in prefixes.items() if len(places) >= 2}


def _trim_title_tail(surface: str, keys: set[str], label: str) -> str:
    """Cut the office NER ran a name into ("Kassym-Jomart Tokayev President", from a caption
    "... Tokayev President of Kazakhstan") when the name alone is mentioned elsewhere; an
    organization's name may be cut to one word before a firm's office ("Telvia CEO steps down")."""
    words = surface.split(" ")
    firm_office = label == "ORG" and words[-1].lower().strip(".,") in _FIRM_OFFICES
    k = untitled_len(words, keep=1 if firm_office else 2)
    if k < len(words) and match_key(" ".join(words[:k])) in keys:
        return " ".join(words[:k])
    return surface


def _trim_run_on(occ: Occurrence, persons: set[str], body_keys: set[str]) -> str:
    """Cut a name that NER ran on into the next words back to a name seen elsewhere.

    A person name followed by junk ("Anthony Blinken United") is cut to the shortest person name
    it starts with; a headline name seen nowhere outside headlines ("Colts Beat Chiefs") is cut to
    the longest name it starts with that appears in body text.
    """
    words = occ.surface.split(" ")
    for j in range(2, len(words)):
        if match_key(" ".join(words[:j])) in persons:
            return " ".join(words[:j])
    for j in range(1, len(words) - 1):  # "Forward Tyler Hansbrough", "Hire Maurice Cheeks"
        if _is_initial(words[j]) and (is_given_name(words[j - 1]) or
                                      match_key(" ".join(words[:j] + words[j + 1:])) in persons):
            break  # "Regina M. Benjamin": a first name before a middle initial ("Texan H. Ross Perot" is cut)
        if words[j].lower() not in SURNAME_PARTICLES and match_key(" ".join(words[j:])) in persons:
            # (a rest that opens with a particle is the surname: "Juan Carlos [de la Vega]", "Julio [De Vido]")
            return " ".join(words[j:])
    if occ.headline and match_key(occ.surface) not in body_keys:
        for j in range(len(words) - 1, 0, -1):
            if match_key(" ".join(words[:j])) in body_keys:
                return " ".join(words[:j])
    return occ.surface


def _is_initial(word: str) -> bool:
    """A name's initial: "M." or "M"."""
    return len(word.rstrip(".")) == 1 and word[0].isupper()


def best_label(votes: Mapping[str, float]) -> str:
    """The label with the most votes; a tie goes to the label first in ``_LABEL_ORDER`` (PERSON).

    The place labels vote together first: NER splits a place it does not know between GPE, LOC and
    FAC ("Chikwawa": PERSON 2, GPE 2, FAC 1 is a place), so when they outnumber the votes for every
    other label, the best of them wins.
    """
    best, most = _LABEL_ORDER[0], votes.get(_LABEL_ORDER[0], 0)
    # a plain loop: called ~90 times per story, a max with a key took 0.34 s of a 4.6 s profiled
    # dossier stage (1,000 Reuters articles)
    place, place_most, places = "", 0.0, 0.0
    for label in _LABEL_ORDER[1:]:
        n = votes.get(label, 0)
        if label in PLACE_LABELS:
            places += n
            if n > place_most:
                place, place_most = label, n
        if n > most:
            best, most = label, n
    if best not in PLACE_LABELS and places > most:
        return place
    return best
