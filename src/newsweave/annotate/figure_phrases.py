"""The noun phrase a figure's measure is written as: a noun with its modifiers and complement.

``figure_measures`` finds the token a number counts or describes; this module renders it as the
short lower-case phrase the guideline asks for: the noun with its compounds and adjectives, the
last noun of a compound chain ("Three 50th Anniversary Special Awards" -> "Special Awards"), the
"per/of/for" complement of a relational head ("cost per liter"), hyphenated words kept whole
("pre-tax profits"), and the figure's own words (numbers, units, currencies) left out.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsweave.annotate.figure_lexicon import CURRENCY_WORDS, MONTHS, SCALES, TIME_NOUNS, UNIT_WORDS

__all__ = ["NAME_ENTS", "NOUN_POS", "is_unit_token", "left_modifiers", "nominal", "noun_phrase", "phrase_head",
           "pobj", "render"]

# Head nouns that need their "of/for/per" complement to say what they measure ("cost per liter").
RELATIONAL_HEADS = {"price", "cost", "rate", "value", "share", "level", "number", "amount", "volume",
                    "total", "index", "stake", "output", "production", "sales", "supply", "demand"}
# Words before a noun that say how many or which, not what: "several", "other", "additional".
QUANTIFIER_ADJS = {"several", "many", "other", "more", "few", "additional", "least", "total", "some",
                   "such", "same", "further", "extra", "only", "first", "last", "about", "own", "new",
                   "estimated"}  # "an estimated 12 million Britons"
NOUN_POS = ("NOUN", "PROPN")
# Entities a counted noun's phrase does not end in: names and dates.
NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "LAW"}
NOMINAL_DEPS = ("dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr", "conj", "appos")


def phrase_head(noun: Token) -> Token:
    """The head of the noun phrase a number's noun opens: the parse often hangs a number on the first
    of a chain of compounds ("Three 50th Anniversary Special Awards": "Three" on "Anniversary"), but
    what is counted is the last noun ("Awards")."""
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in NOUN_POS \
            and not is_unit_token(noun) and not is_unit_token(noun.head) \
            and noun.head.lemma_.lower() not in TIME_NOUNS and noun.head.ent_type_ not in NAME_ENTS:
        noun = noun.head  # not into a name: "10,000 metres champion Derartu Tulu" counts champions
    letter = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if noun.lower_ in ("class", "series") and letter is not None and len(letter.text) == 1 \
            and letter.text.isupper() and letter.head.i > letter.i and letter.head.pos_ in NOUN_POS:
        return letter.head  # "3.435 class A common shares" parsed with "A" as the article of "shares"
    return noun


def nominal(tok: Token) -> bool:
    """A noun, or a word the tagger took for a verb or an adjective in a noun's place ("a 0.3 point cut
    in the coupon", "dlrs of Series B notes", "blamed an $850m payout"): numbers modify and "of"
    introduces nouns only."""
    return tok.pos_ in NOUN_POS or (tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS) or (
        tok.pos_ == "ADJ" and tok.tag_ == "JJ" and tok.dep_ in ("dobj", "obj", "pobj", "nsubj", "nsubjpass")
        and any(c.dep_ == "det" for c in tok.children))  # "an $850m payout"; not "four more", "much less"


def pobj(noun: Token, preps: tuple[str, ...], inside: set[int] | None = None) -> Token | None:
    """The noun object of ``noun``'s first preposition in ``preps`` that is not a number or a date."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in NOUN_POS and obj.i not in (inside or set()) \
                        and obj.lower_ not in MONTHS and obj.lemma_.lower() not in TIME_NOUNS \
                        and obj.lower_ not in UNIT_WORDS and obj.ent_type_ not in ("DATE", "TIME"):
                    return obj
    return None


def is_unit_token(tok: Token) -> bool:
    """A word that spells part of a figure: a number, a unit, a currency or a scale."""
    low = tok.lower_
    return tok.like_num or low in UNIT_WORDS or low in CURRENCY_WORDS or low in SCALES


def noun_phrase(noun: Token, inside: set[int]) -> str:
    """The noun with its compounds and adjectives, and the "per/of/for" complement that tells what
    a relational head measures ("cost per liter", "forces of the CSTO")."""
    words = [*left_modifiers(noun, inside), noun]
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and not noun.whitespace_ \
            and not doc[noun.i + 1].whitespace_ and doc[noun.i + 2].is_alpha and noun.i + 2 not in inside:
        words += [doc[noun.i + 1], doc[noun.i + 2]]  # a word the tokenizer split at its hyphen: "co-manager"
    shared = _shared_noun(noun)
    if shared is not None:
        between = noun.doc[noun.i + 1:shared.i]
        if any(t.like_num for t in between):  # "100 Muslim, 100 Evangelical Christian and 50 Jewish schools"
            return _render([*words, shared])
        return _render([*words, *between, shared])  # "UK and US co-productions"
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in ("per", "of", "for"):
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS), None)
        if obj is None or obj.i in inside or obj.like_num or any(c.like_num for c in obj.children):
            continue  # not "the December rate of (4.06 mln units)", "a fixed rate of (24.53 dinars)"
        named = obj.pos_ == "PROPN" or (obj.text.isupper() and len(obj.text) > 1)
        if child.lower_ == "per" or noun.lemma_.lower() in RELATIONAL_HEADS or named:
            words += [child, *left_modifiers(obj, inside), obj]
            break
    return _render(sorted(words, key=lambda t: t.i))


def _shared_noun(name: Token) -> Token | None:
    """The plural noun that a name used as an adjective shares with its conjuncts ("UK and US
    co-productions", "100 Muslim, 100 Evangelical Christian and 50 Jewish schools"), which the parse
    takes for a list of nouns: the last conjunct, when it is a plural common noun."""
    if name.pos_ != "PROPN" or name.ent_type_ == "PERSON":
        return None
    last, chain = None, [c for c in name.children if c.dep_ == "conj"]
    while chain:
        last = max(chain, key=lambda c: c.i)
        chain = [c for c in last.children if c.dep_ == "conj"]
    if last is None or last.tag_ != "NNS" or last.pos_ != "NOUN" or last.i - name.i > 8 or is_unit_token(last):
        return None
    between = name.doc[name.i + 1:last.i]
    if not any(t.lower_ in ("and", "or") for t in between):
        return None  # an apposition: "1,600 Special Drawing Rights, SDRs"
    if any(t.like_num for t in between) and not any(
            c.dep_ in ("amod", "compound") and not c.like_num for c in last.lefts):
        return None  # the last conjunct is a noun of its own: "Twenty-two Maori and four 'pakiha'"
    return last


def left_modifiers(tok: Token, inside: set[int]) -> list[Token]:
    """The compounds and adjectives before a noun, with their own modifiers, that are not the figure's
    words (the tokens in ``inside``, units, other numbers) nor quantifiers."""
    mods: list[Token] = []
    for child in tok.lefts:
        if child.dep_ not in ("compound", "amod", "nmod") or child.i in inside or child.like_num:
            continue
        if child.lower_ in QUANTIFIER_ADJS or child.pos_ in ("NUM", "DET", "PRON", "PUNCT", "ADV") \
                or (child.dep_ == "compound" and child.lemma_.lower() in TIME_NOUNS and child.i > 0
                    and child.doc[child.i - 1].lower_ in ("same", "this", "that")):
            continue  # "during the same period imports rose": a time phrase the parse took for a compound
        if child.pos_ == "VERB" and any(t.i in inside for t in child.subtree):
            continue  # the participle that carries the figure: "its 50 pct owned unit"
        if is_unit_token(child) or (child.is_punct and child.text != "-") or any(
                (c.dep_ == "nummod" or c.like_num) and c.i not in inside for c in child.children):
            continue  # the figure's own words ("dlr") and other numbers' ("10-year"); a modifier of
            # the figure's noun keeps its own modifiers: "68 billion dlr foreign bank debt"
        mods += [*left_modifiers(child, inside), child]
    return mods


def render(words: list[Token]) -> str:
    """Tokens as a measure phrase: in text order, names in their case, hyphenated words kept whole."""
    return _render(sorted(words, key=lambda t: t.i))


def _render(words: list[Token]) -> str:
    """Tokens in text order, hyphenated words kept whole ("pre-tax profits", also when the parse hangs
    the hyphen on the head: "two U-turns"); a hyphen whose word was left out goes too."""
    out = ""
    for k, tok in enumerate(words):
        glued = k > 0 and words[k - 1].i == tok.i - 1 and not words[k - 1].whitespace_
        if tok.text == "-" and not (glued and k + 1 < len(words) and words[k + 1].i == tok.i + 1):
            continue
        hyphen = tok.doc[tok.i - 1] if tok.i > 0 else None
        if k > 0 and words[k - 1].i == tok.i - 2 and hyphen is not None and hyphen.text == "-" \
                and not words[k - 1].whitespace_ and not hyphen.whitespace_:
            out += "-" + _surface(tok)  # the hyphen between two words of the phrase
            continue
        out += ("" if glued or not out else " ") + _surface(tok)
    return out


def _surface(tok: Token) -> str:
    keep_case = tok.pos_ == "PROPN" or (tok.text.isupper() and len(tok.text) > 1)
    return tok.text if keep_case else tok.lower_


def plural(noun: str) -> str:
    """The plural of a singular common noun ("ship" -> "ships", "country" -> "countries", "man" -> "men")."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"
