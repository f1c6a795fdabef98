"""What NER takes for a name and is none (``drop_common_words``): common words, offices, portfolios, time zones,
sums, a title cut from its name, a byline's or a dateline's credit, a wire table's labels, the outlet reporting in
its own article and headline phrases. Split from ``occurrences``, whose occurrences it filters."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import cache, lru_cache

from newsweave.annotate.figure_lexicon import CURRENCY_SIGNS, CURRENCY_UNITS, CURRENCY_WORDS
from newsweave.dossier.name_spread import starts_sentence
from newsweave.dossier.names import TIME_ZONES, PlaceGazetteer, is_acronym, is_given_name, is_office, match_key
from newsweave.dossier.occurrences import CALENDAR_WORDS, TITLE_PERIOD_WORDS, Occurrence
from newsweave.dossier.timeline import EDITORS_NOTE

__all__ = ["drop_common_words", "names_outlet"]

_DAY_NUMBER = re.compile(r"\.?\s+\d{1,2}\b")
_NUMBER_BEFORE = re.compile(r"\d\s+$")
_NUMBER_AFTER = re.compile(r"\s+\d")
_SUM_NAME = re.compile(r"^(?:[A-Z]{1,3}\s?)?[₵$€£¥₦₹₱₩₴₽]\s?\d")
# A sum in naira or pesos written with a letter for its sign, as Nigerian and Philippine papers do: "N5m", "N18bn",
# "P5,000" (made-up Lagos and Manila stories had actors "N5" and "P5,000"); not "P5" or "G7".
_LETTER_SUM = re.compile(r"[NP]\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|[NP]\d+(?:\.\d+)?(?:m|bn|b|k|tn)\b")
_NAME_AFTER_PERIOD = re.compile(r"\.\s+[A-Z]")
_SUM_BEFORE = re.compile(r"(?:\d|\b(?:mln|bln|million|billion|trillion))\s+$", re.IGNORECASE)
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z'-]+\b")
# A portfolio right after an office ("Secretary of State", "Minister of Defence") names no actor;
# a place there ("Prime Minister of Kazakhstan") is kept by the gazetteer check before it.
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Secretary|Minister|Ministry|Committee|Commissioner)\s+(?:of|for|on)\s+(?:the\s+)?$|\bAgent\s+in\s+$",
    re.IGNORECASE)  # "Charge" of "Special Agent in Charge"
# A byline or credit line: "By Tiyamike Phiri", "Reporting by Ann Lee; Editing by Tom Hogue" (short:
# a sentence that starts with "By" is longer).
_CREDIT_LINE = re.compile(r"\s*[(\[]?(?:[Bb]y|BY|(?:(?:[Aa]dditional\s+)?[Rr]eporting|[Ww]riting|[Ee]diting)\s+by|"
                          r"(?:[Ff]rom\s+)?(?:[Oo]ur\s+)?(?:[Cc]orrespondent|[Ss]taff\s+[Rr]eporter))\s+[A-Z]")
CREDIT_LINE_MAX_WORDS = 16
_DATELINE_WIRE_END = re.compile(r"\)\s*[-–—]")


def names_outlet(word: str, outlet: str, before: str) -> bool:
    """Whether ``word``, written after ``before``, is the outlet ``outlet`` reporting: its name or initials after
    words of reporting to it ("told Reuters", "seen by CPA" of Continental Press Agency), or its name without its
    first words after "the" ("the Chronicle has learned", "told the Herald" of the Harju Herald). "The BBC said" in
    a BBC article is the BBC as an actor of its story. A note in parentheses after the outlet is left out
    ("Wiener Tagblatt (translated from German)")."""
    words = _outlet_words(outlet)
    name = tuple(w for w in match_key(word).split() if w != "the")
    if not words or not name:
        return False
    whole = name == words or (len(words) >= 2 and word.isupper() and word.lower() == "".join(w[0] for w in words))
    if whole:
        return _REPORTED_TO.search(before) is not None
    return before.lower().endswith("the ") and len(name) < len(words) and words[len(words) - len(name):] == name


@lru_cache(maxsize=1024)
def _outlet_words(outlet: str) -> tuple[str, ...]:
    """An outlet's name as match words, once per outlet (it is asked of every name in its articles)."""
    return tuple(w for w in match_key(_PARENTHESES.sub("", outlet)).split() if w != "the")


_PARENTHESES = re.compile(r"\([^)]*\)")
# Words before an outlet's name that make it the outlet reporting: "told Reuters", "said in an interview with the
# Herald", "seen by CPA", "contacted by".
_REPORTED_TO = re.compile(r"(?i)\b(?:told|to|by|with|for|contacted|interviewed)\s+(?:the\s+)?$")


def drop_common_words(occurrences: list[Occurrence], texts: Mapping[str, str], lower: Counter[str],
                       gaz: PlaceGazetteer, outlets: Mapping[str, str] | None = None) -> list[Occurrence]:
    """Drop NER noise: words and phrases that are not names.

    - A lone capitalized word the same articles write more often in lower case: "Protests" tagged
      NORP is a word the story also uses as an ordinary word ("protests"); a real one-word name
      ("Tokayev", "Kazakhstan", "NATO") is not written in lower case.
    - A phrase without a capital ("civil defence institute"), an office without a name ("President",
      "Prime Minister", "Kazakh Foreign Minister", "CEO", "Chief Executive"), a portfolio cut from a title
      ("State" of "Secretary of State", "CIS Affairs" of "Committee on CIS Affairs"), a time zone ("GMT"),
      a currency by its sum ("7.15 billion N.Z. Dlrs").
    - A byline or credit line's name, a dateline's wire ("(Reuters) -"); the outlet reporting in its own article
      ("told the Herald", "told Reuters"; ``outlets`` gives each article's source), unless a place ("Lagos" of the
      Lagos Ledger) or a person or nationality NER saw, not written after "the" ("Bloomberg" the man).
    - The label of a wire table's line ("Shr 34 cts vs 1.19 dlrs", "Pay March 31", a "Year" header) in an
      article with an earnings or dividend table, unless an acronym or a place; a note's label ("Note: ...").
    - A one-word "person" that opens a sentence, is no given name, and is written in lower case but
      never capitalized mid-sentence elsewhere ("Turnout was 56.4%").
    - A phrase seen only in headlines whose words the story also writes in lower case ("Key Role",
      "Social Unrest" in "... Played Key Role in Social Unrest in Kazakhstan").
    """
    # capitalized mid-sentence only: a sentence-initial capital says nothing about the word
    mid = Counter(w for text in texts.values() for w in _MID_SENTENCE_CAPITAL.findall(text))
    in_body = {o.surface for o in occurrences if not o.headline}
    @cache
    def written_cased(aid: str) -> bool:
        """The article writes names with capitals (some wire copy is all lower case: "the world bank said")."""
        return len(_CAPITAL.findall(texts[aid], 0, 2000)) >= 10

    @cache
    def has_table(aid: str) -> bool:
        return _has_table(texts[aid])

    def common(word: str) -> bool:
        w = word.lower()
        return bool(lower[w] or lower[w + "s"] or (w.endswith("s") and lower[w[:-1]]))

    def noise(occ: Occurrence) -> bool:
        word = occ.surface
        words = word.split(" ")
        aid, start, end = occ.key
        if word.upper() in TIME_ZONES or (word.islower() and written_cased(aid) and gaz.lookup(word) is None):
            return True  # a time zone; a description NER took for a name ("the civil defence institute INDECI")
        if word.lower().strip(".") in CALENDAR_WORDS and _DAY_NUMBER.match(texts[aid], end):
            return True  # a month before its day: "HANOI, Aug 7 (Reuters)"
        text = texts[aid]
        currency = word in CURRENCY_UNITS or word.lower().rstrip(".") in CURRENCY_SIGNS
        if currency and (_NUMBER_AFTER.match(text, end) or _NUMBER_BEFORE.search(text, max(0, start - 8), start)):
            return True  # a currency code or sign by its sum: "a net profit of NOK 421 million", "Rs 25 lakh"
        if _SUM_NAME.match(word) or _LETTER_SUM.match(text, start):
            return True  # a sum NER took for a name, its currency sign in it: "GH₵500,000" (a made-up stadium story)
        if len(words) > 1 and words[-1].lower() in CURRENCY_WORDS and _SUM_BEFORE.search(text, max(0, start - 12),
                                                                                          start):
            return True  # a currency named by its country: "7.15 billion N.Z. Dlrs", "6.28 billion U.S. Dlrs"
        if is_office(words, gaz):
            return True  # "President", "Prime Minister", "Kazakh Foreign Minister": an office
        if (all(w.lower().rstrip(".") in TITLE_PERIOD_WORDS or w.lower() == "rear" for w in words)
                and _NAME_AFTER_PERIOD.match(text, end)) or word.lower() == "rear admiral":
            # a title cut from its name at its period: "Lt", "Cmdr" of "Lt. Cmdr. Antonio dela Cruz" (not the
            # surname in "Amartya Sen said")
            return True
        if words[0] in _LOWER_FIRST or word in _MEASURE_ACRONYMS:
            return True  # "of Finance" cut from "The Minister of Finance"; "6.6% of GDP" (a made-up budget)
        if words[0] in _GRADE_WORDS and ((len(words) == 2 and words[1].isdigit())
                                         or (len(words) == 1 and _NUMBER_AFTER.match(text, end) is not None)):
            return True  # a grade: "a Category 4 storm", "Category 5", "Level 3" (a made-up hurricane)
        if _credit(text, start, end):
            return True  # the article's author or wire, not an actor of the story
        outlet = outlets.get(aid) if outlets else None
        before = text[max(0, start - 20):start]
        if outlet and (before.lower().endswith("the ") or occ.label not in ("PERSON", "NORP")) \
                and gaz.lookup(word) is None and names_outlet(word, outlet, before):
            return True  # the outlet reporting in its own article: "told the Herald" (a made-up Estonian story)
        if _table_label(text, start, end, has_table(aid)) and not (is_acronym(word) or gaz.lookup(word) is not None
                                                   or gaz.is_demonym(word)):
            return True  # "Shr 34 cts vs 1.19 dlrs", "Pay March 31": a wire table's line label ("IMF", a place stay)
        if occ.label == "PERSON" and len(words) == 1 and starts_sentence(text, start) and lower[word.lower()] \
                and not mid[word] and not is_given_name(word):
            return True  # a sentence's first word NER took for a name, written in lower case elsewhere ("Turnout")
        if occ.label == "PERSON" or is_acronym(word) or gaz.lookup(word) is not None or gaz.is_demonym(word):
            return False
        if _PORTFOLIO_BEFORE.search(texts[aid][max(0, start - 30):start]):
            return True  # "State" of "Secretary of State", "CIS Affairs" of "Committee on CIS Affairs"
        if " " in word:
            return word not in in_body and all(common(w) for w in words)
        # more often written in lower case than capitalized: a common word ("Internet" is not)
        return lower[word.lower()] > mid[word]

    return [o for o in occurrences if not noise(o)]


# Lower-case words no name starts with: a span NER cut from a longer phrase ("of Finance").
_LOWER_FIRST = frozenset({"of", "and", "for", "to", "in", "on", "at", "by", "with"})
# Acronyms of economic measures, which are no actors.
_MEASURE_ACRONYMS = frozenset({"GDP", "GNP", "GNI", "CPI", "PPI", "PMI", "VAT", "EPS"})
# Capitalized words that, before a number, name a grade on a scale, not an actor.
_GRADE_WORDS = frozenset({"Category", "Level", "Phase", "Stage", "Tier"})
# A wire table's line: "Shr 34 cts vs 1.19 dlrs", "Qtly div 25 cts vs 25 cts prior" (Reuters earnings
# and dividend reports); an article with one has tables, and the labels of its lines are no names.
_TABLE_VS_LINE = re.compile(r"^[ \t]*[A-Za-z][^\n.]{0,40}?[\d)][^\n]{0,50}?\s[Vv][Ss]\.?\s[^\n]{0,40}$", re.MULTILINE)
# What may follow a table line's label on its line: a header's lower-case words ("Year", "Nine mths"),
# numbers ("Revs 25.2 mln vs 19.5 mln", "Shr loss 22 cts"), a date ("Pay March 31", "Record March nine").
_TABLE_LABEL_REST = re.compile(
    r"(?:\s+[a-z]+){0,3}(?:\s+[$(\d][^\n]*)?\s*"
    r"|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2}|[a-z]+)\s*")
# The label of a note under a table: "Note: 4th qtr not available", "NOTE: Results include" (a correction's or a
# caption's label is an editor's note, ``timeline.EDITORS_NOTE``).
_NOTE_LABEL = re.compile(r"note\s*(?::|-\s)", re.IGNORECASE)
# A table line without "vs": "Shr loss 11 cts", "Revs 11,754,251" (two such lines make a table).
_TABLE_FIGURE_LINE = re.compile(
    r"^[ \t]*[A-Z][a-z]{1,12}(?: [a-z]{1,12}){0,3} [$(]?\d[\d,.]*\)?(?: [a-z.]{1,8}){0,3}[ \t]*$", re.MULTILINE)
_TABLE_LINE_MAX = 90
_CAPITAL = re.compile(r"[A-Z]")
_VS = re.compile(r"\s[Vv][Ss]\.?\s")


def _has_table(text: str) -> bool:
    """Whether an article has a wire table: a line with "vs" or two lines of a label and a figure."""
    if _TABLE_VS_LINE.search(text) is not None:
        return True
    lines = _TABLE_FIGURE_LINE.finditer(text)
    return next(lines, None) is not None and next(lines, None) is not None


def _table_label(text: str, start: int, end: int, table: bool) -> bool:
    """Whether a name is the label that opens a line of a wire table ("Shr", "Revs", "Avg", "Year",
    "Pay", "Record" in an earnings or dividend report; ``table``: the article has one, ``_has_table``)
    or of a note ("Note:")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if _NOTE_LABEL.match(text, start) or EDITORS_NOTE.match(text, start):  # "Note:", "Correction, Nov. 9:", "Photo:"
        return True
    line = text[line_start:line_end]
    if len(line) > _TABLE_LINE_MAX or line.rstrip().endswith(".") or not table:
        return False
    return _VS.search(line) is not None or _TABLE_LABEL_REST.fullmatch(text, end, line_end) is not None


def _credit(text: str, start: int, end: int) -> bool:
    """Whether a name credits the article: a byline or credit line ("By Tiyamike Phiri",
    "Reporting by Ann Lee; Editing by Tom Hogue") or the wire of a dateline ("HANOI, Aug 7 (Reuters) -")."""
    if text[start - 1:start] == "(" and _DATELINE_WIRE_END.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if EDITORS_NOTE.match(line) and "(" in text[line_start:start] and ")" not in text[text.rfind("(", 0, start):start]:
        return True  # a caption's credit: "Caption: ... (Courier photo/Mike Tran)"
    return bool(_CREDIT_LINE.match(line)) and len(line.split()) <= CREDIT_LINE_MAX_WORDS
