"""What a figure measures when its sentence does not say it all: the article's own words for it.

``figure_measures`` reads a figure's measure from its sentence. A wire story often names what it
counts once, in its headline and first sentences, and then writes bare quantities and bare nouns:
"Egypt bought 200,000 tonnes of U.S. wheat ... The ministry bought 20,000 tonnes at 120 dlrs" (the
20,000 tonnes are wheat, not the ministry), "Japan's crude steel output fell 3.2 pct. Output totalled
8.1 mln tonnes" (the output is crude steel output). ``ArticleContext`` reads the article once, and
``extract_figures`` passes it each figure in text order:

* a sum paid per unit of goods ("33 dlrs a barrel", "52.5 cents a lb") whose sentence tells no more is
  a price;
* a sum "at" which the quantity of goods before it was traded ("bought 20,000 tonnes at 120 dlrs") is
  its price;
* a quantity of goods (tonnes, barrels, bushels, ounces...) whose sentence names no thing (no measure,
  a name, or who bought or sold it) measures what the article's last quantity in that unit measured,
  else the goods the headline names ("PAKISTAN BUYS FROZEN BEEF": a later "5,000 tonnes of frozen
  boneless beef");
* a count with no measure "of them" or "of these" counts the plural noun they stand for ("Officials
  counted 52 fishing boats. Nine of them were damaged");
* a bare noun ("output", "exports") takes the compound nouns of the article's nearest earlier mention
  of the same noun ("crude steel output"), so that it says which output. Only compounds, which name a
  kind of thing; an adjective before a noun mostly describes the one mention ("big races", "a massive
  plunge"), unless the headline has it too ("convertible bonds" under "... IN CONVERTIBLE BONDS").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsweave.annotate.figure_cues import (
    AGENT_NOUNS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    CLASSIFIER_NOUNS,
    GENERIC_COUNTED,
    PRICING_VERBS,
    VERB_MEASURES,
)
from newsweave.annotate.figure_lexicon import CURRENCY_UNITS, STATE_PATTERN, TIME_NOUNS, UNIT_WORDS, is_participle
from newsweave.annotate.figure_phrases import (
    NAME_ENTS,
    NOUN_POS,
    QUANTIFIER_ADJS,
    is_unit_token,
    noun_phrase,
    render,
)
from newsweave.annotate.nlp import doc_text
from newsweave.model import Figure

__all__ = ["GOODS_UNITS", "ArticleContext"]

# Units of an amount of goods, whose figures count a commodity ("200,000 tonnes of wheat", "120,000 tons
# of ore"); not lengths, areas or money, whose bare figures are of many things in one article.
GOODS_UNITS = frozenset({"tonnes", "tons", "barrels", "barrels per day", "bushels", "ounces", "kilograms",
                         "pounds", "gallons", "liters"})
# How many sentences back a bare noun looks for a fuller mention of itself: the story's lead and the
# paragraphs around (wire stories name their subject in the first two or three sentences).
MAX_SENTENCES_BACK = 6
# The nouns a verb's bare number object is read as ("sold 96,649" -> "sales": ``VERB_MEASURES``).
_VERB_NOUNS = frozenset(VERB_MEASURES.values())
# Entities that do not say which kind of thing a noun is: one company's or person's ("Newmont gold"), a
# time or a number.
_NOT_KINDS = frozenset({"ORG", "PERSON", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                        "ORDINAL"})
# Verbs whose subject holds the quantity they take, not who trades it: "shipments will include 15,000
# tonnes", "the cargo comprised 6,000 tonnes".
_HOLDING_VERBS = frozenset({"include", "comprise", "consist", "contain", "represent", "cover", "involve", "mean",
                            "account"})
_HEDGES = frozenset({"about", "around", "approximately", "roughly", "some", "nearly", "almost", "over", "under"})
_SAYING_VERBS = frozenset({"say", "tell", "add", "report", "note", "estimate", "expect"})
# Where a partitive's people are, said right after it: "of them were in a serious condition", "of them remain
# in hospital".
_STATE_AFTER = re.compile(r"\s+of\s+(?:them|these|those)\s+(?:(?:were|was|are|is|remain|remained|remains)\s+)?"
                          rf"(?:still\s+)?({STATE_PATTERN})\b",
                          re.IGNORECASE)
# Where a measure's place or state begins: "injured | in Wolbrzyn hospital".
_PLACE_TAIL = re.compile(r"\s+(?:in|at|on|inside)\s+")
# Adjectives that name people as a plural noun after "the" ("the injured had been taken to hospitals").
_PEOPLE_ADJECTIVES = frozenset({"injured", "wounded", "dead", "missing", "displaced", "evacuated", "rescued",
                                "detained", "sick", "elderly"})
# A place's population, told as its people: "a village of about 1,400 people" (a made-up derailment story, where
# it was flagged against 16 people in hospital).
_PLACE_OF = re.compile(r"\b(village|town|city|island|country|nation|community|district|region|municipality|"
                       r"province|state|hamlet|settlement|suburb|neighbou?rhood)\s+of\s+(?:about\s+|around\s+|some\s+|"
                       r"nearly\s+|almost\s+|roughly\s+|more\s+than\s+|over\s+|just\s+(?:over|under)\s+)?$",
                       re.IGNORECASE)
_POPULATION_NOUNS = frozenset({"people", "residents", "inhabitants", "souls", "persons"})
_HEDGE_WORDS = frozenset({"about", "around", "some", "nearly", "almost", "roughly", "over", "than", "more", "just",
                          "under"})
_PREPOSITIONS = frozenset({"of", "for", "in", "per", "on", "at", "from", "by", "to", "with"})
# A headline's quantity of goods: "EGYPT BOUGHT 20,000 TONNES OF FROZEN BEEF AT TENDER" -> "frozen beef".
_HEADLINE_GOODS_RE = re.compile(r"\b(tonnes|tons|barrels|bushels|ounces|kilos|gallons|litres) of "
                                r"((?:[a-z.-]+ ){0,3}?[a-z.-]+)(?= (?:(?:at|in|for|from|to|by|on|with)\b|-)| ?$)")
_WORD_RE = re.compile(r"[a-z][a-z-]+")


class ArticleContext:
    """What an article names and has measured so far, read by ``extract_figures`` figure by figure.

    Args:
        doc: the parsed article text.
        title: its headline, when known (Reuters writes it in capitals, so it is read as words only).
    """

    def __init__(self, doc: Doc, title: str | None = None) -> None:
        self.doc = doc
        self._title = set(_WORD_RE.findall(title.lower())) if title else set()
        self._goods: dict[str, str] = {}  # goods unit -> the thing its last figure measured
        self._sentences: list[Span] = list(doc.sents)
        self._sentence_of = {tok.i: k for k, sent in enumerate(self._sentences) for tok in sent}
        self._word_positions: dict[int, dict[str, list[int]]] = {}  # sentence -> lower word -> token indices
        self._headline_goods = self._goods_in_headline(title)

    def _place_before(self, first: int) -> str | None:
        """The place whose possessive the number at token ``first`` follows ("Estonia's 1.37 million people"), in
        lower case; else None."""
        k = first - 1
        while k >= 0 and self.doc[k].lower_ in _HEDGE_WORDS:
            k -= 1
        if k < 1 or self.doc[k].tag_ != "POS" or self.doc[k - 1].ent_type_ != "GPE":
            return None
        place = self.doc[k - 1]
        start = place.i
        while start > 0 and self.doc[start].ent_iob_ == "I":
            start -= 1
        return self.doc[start:place.i + 1].text.lower()

    def complete(self, fig: Figure, first: int, end: int, from_table: bool, before: Figure | None = None) -> Figure:
        """``fig`` (tokens ``[first, end)``) with its measure completed from the article, and
        remembered for the figures after it.

        Args:
            fig: the figure as its sentence gives it.
            first: its first token.
            end: the token after its last.
            from_table: its measure is a table line's label, which is never completed.
            before: the figure before it in the article, if any.

        Returns:
            The figure, with the article's measure where its own names no thing or only a bare noun.
        """
        if from_table:
            return fig
        measure = fig.measure
        if measure in _POPULATION_NOUNS and (place := _PLACE_OF.search(doc_text(self.doc), max(0, fig.start - 40),
                                                                        fig.start)) is not None:
            return Figure(fig.start, fig.end, fig.text, fig.value, fig.unit, f"{place[1].lower()} population",
                          fig.value_max)
        if measure in _POPULATION_NOUNS and (place_name := self._place_before(first)) is not None:
            # "Roughly a quarter of Estonia's 1.37 million people" (a made-up Estonian story had flagged it
            # against the two diplomats expelled, "these two individuals")
            return Figure(fig.start, fig.end, fig.text, fig.value, fig.unit, f"{place_name} population", fig.value_max)
        per = self._goods_unit_after(end) if fig.unit in CURRENCY_UNITS else None
        if per is not None and measure is None:
            measure = f"price per {per}"  # "Thirty-three dlrs a barrel is not unreasonable"
        elif fig.unit in CURRENCY_UNITS and self._priced_goods(before, first) \
                and not self._names_thing(measure, first, end):
            measure = "price"  # "... 15,000 bpd at 15.79 dlrs and 2,200 bpd at 15.19 dlrs"
        elif fig.unit in GOODS_UNITS and (not self._names_thing(measure, first, end) or (
                before is not None and measure == before.measure and before.unit in CURRENCY_UNITS)):
            # (a price lent by the sum before: "5,000 tonne cargoes at 210 dlrs and 4,000 tonnes")
            measure = self._same_sentence(before, first) or self._goods.get(fig.unit) \
                or self._headline_goods.get(fig.unit) or measure
        elif measure is None:
            measure = self._of_these(first, end)
        else:
            measure = self._fuller(measure, first, end, fig.unit in GOODS_UNITS) or measure
            if fig.unit in GOODS_UNITS and self._counts_goods(fig.measure or measure, first, end):
                self._goods[fig.unit] = _without_event(measure)
        state = _STATE_AFTER.match(doc_text(self.doc), self.doc[end - 1].idx + len(self.doc[end - 1])) \
            if measure is not None else None
        if measure is not None and state is not None and state[1].split()[-1] not in measure.split():
            # "Eight of them were in a serious condition": the injured in that state; "Fourteen of the injured are
            # still in the Wolbrzyn hospital, three of them in a serious condition": not the injured in hospital
            measure = f"{_PLACE_TAIL.split(measure)[0]} {' '.join(state[1].split())}"
        if measure == fig.measure:
            return fig
        return Figure(fig.start, fig.end, fig.text, fig.value, fig.unit, measure, fig.value_max)

    def _of_these(self, first: int, end: int) -> str | None:
        """What a partitive's "these" or "them" stands for: the last counted plural noun before it in its
        sentence ("Four people, two of them"), else in the previous sentence, else the previous sentence's
        last plural noun ("Many families in the valley own a car. Almost 40,000 of these ...")."""
        root = self.doc[first:end].root
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pron = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        here = self._sentence_of.get(first, 0)
        if pron is None or pron.lower_ not in ("these", "them", "those") \
                or any(c.dep_ in ("relcl", "prep", "acl") for c in pron.children):
            return None  # not "a quarter of those with broadband"
        sent = self._sentences[here]
        for span in (self.doc[sent.start:first], self._sentences[here - 1] if here else sent[:0]):
            plurals = [t for t in span if t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in TIME_NOUNS
                       and not is_unit_token(t) and t.ent_type_ not in NAME_ENTS
                       and not (t.dep_ == "nsubj" and t.head.lemma_.lower() in _SAYING_VERBS)]  # "sources said"
            counted = [t for t in plurals if any(c.dep_ == "nummod" for c in t.children) or (
                t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.like_num)]
            if counted:  # "Four of Japan's six major ... companies reported current deficits ... and five of
                # them", "Ninety-seven of the grounded planes have undergone inspections and 91 of those"
                return noun_phrase(counted[-1], set())
            if plurals and span.start < sent.start:  # the previous sentence's: "Many families ..."
                # its subject first: "the injured had been taken to hospitals in Wolbrzyn ... Eight of them were
                # in a serious condition" (a made-up derailment story) counts the injured, not hospitals
                subject = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.i > 0
                                and t.lower_ in _PEOPLE_ADJECTIVES and self.doc[t.i - 1].lower_ == "the"), None)
                return subject.lower_ if subject is not None else noun_phrase(plurals[-1], set())
            if plurals:
                return None  # a plural of its own sentence may be meant: "DS owners ... only one of them"
        return None

    def _priced_goods(self, before: Figure | None, first: int) -> bool:
        """Whether a sum is the price "at" which the quantity of goods right before it in its sentence
        was traded: "bought 20,000 tonnes at 120 dlrs", "2,200 bpd at 15.19 dlrs", "cargoes of 2,400
        tonnes sold at 123.50 stg"."""
        k = first - 1
        while k >= 0 and self.doc[k].lower_ in _HEDGES:
            k -= 1
        if before is None or before.unit not in GOODS_UNITS or k < 0 or self.doc[k].lower_ != "at":
            return False
        span = self.doc.char_span(before.start, before.end, alignment_mode="expand")
        if span is None or self._sentence_of.get(span.start) != self._sentence_of.get(first):
            return False
        between = self.doc[span.end:k]
        # a verb between is the trade's ("cargoes of 2,400 tonnes sold at 123.50"), not a valuation
        # ("71,070 tonnes of produce estimated at about 250 mln pesos")
        return len(between) <= 8 and not any(t.like_num or t.text in (";", ":") or (
            t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in PRICING_VERBS
            and not (t.i == span.end and t.tag_ == "VBZ")) for t in between)  # "6,000 tonne cargoes" as a verb

    def _goods_unit_after(self, end: int) -> str | None:
        """The unit of goods a sum is paid for, right after it: "a barrel", "per tonne", "a lb"."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in ("a", "per", "an"):
            return None
        word = doc[end + 1].lower_
        after = doc[end + 2] if end + 2 < len(doc) else None
        if after is not None and (after.pos_ in (*NOUN_POS, "ADJ") or after.text == "-"):
            return None  # the sum names a noun after it: "a five dlr a barrel import fee"
        return word if UNIT_WORDS.get(word) in GOODS_UNITS else None

    def _same_sentence(self, before: Figure | None, first: int) -> str | None:
        """The measure of the change right before in the same sentence, whose new level is a quantity of
        goods that names nothing: "tea exports rose 9.7 pct to 8,474 tonnes" (not the price before "per
        flask (34.5 kilos)", nor the quantity before in a list: "beef imports to 58,400 tonnes, oranges
        to 126,000 tonnes")."""
        if before is None or not before.measure or not before.measure.split() or before.unit != "percent" \
                or before.measure.split()[-1].lower() in CHANGE_NOUNS:
            return None  # not "a 93.7 pct increase on 1986 when U.S. Imports totalled 150,000 tonnes"
        span = self.doc.char_span(before.start, before.end, alignment_mode="expand")
        if span is None or self._sentence_of.get(span.start) != self._sentence_of.get(first):
            return None
        return _without_event(before.measure) if self._names_thing(before.measure, span.start, span.end) else None

    def _goods_in_headline(self, title: str | None) -> dict[str, str]:
        """Per goods unit, the goods the headline counts in it ("EGYPT BOUGHT 20,000 TONNES OF FROZEN BEEF"),
        written as the article writes that noun ("frozen boneless beef"), else the first goods the article
        counts in it whose noun the headline names ("5,000 tonnes of frozen boneless beef" under "PAKISTAN
        BUYS FROZEN BEEF"): what the story is about."""
        found: dict[str, str] = {}
        for m in _HEADLINE_GOODS_RE.finditer(title.lower() if title else ""):
            unit = UNIT_WORDS.get(m.group(1))
            noun = next((t for t in self.doc if t.lower_ == m.group(2).split()[-1] and t.pos_ in NOUN_POS
                         and t.ent_type_ not in NAME_ENTS), None)
            if unit in GOODS_UNITS and unit not in found and noun is not None:
                found[unit] = noun_phrase(noun, set())
        for tok in self.doc if self._title else ():
            unit = UNIT_WORDS.get(tok.lower_)
            if unit not in GOODS_UNITS or unit in found:
                continue
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            noun = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS), None) if of else None
            if noun is not None and noun.lower_ in self._title and not is_unit_token(noun) \
                    and noun.lemma_.lower() not in TIME_NOUNS and noun.ent_type_ not in NAME_ENTS:
                found[unit] = noun_phrase(noun, set())
        return found

    def _token_of(self, word: str, first: int, end: int) -> Token | None:
        """The token of the figure's sentence that ``word`` was written from, nearest the figure."""
        here = self._sentence_of.get(first, 0)
        if here not in self._word_positions:  # indexed once per sentence, not scanned per figure
            positions: dict[str, list[int]] = {}
            for t in self._sentences[here]:
                positions.setdefault(t.lower_, []).append(t.i)
            self._word_positions[here] = positions
        best: int | None = None
        for i in self._word_positions[here].get(word.lower(), ()):
            if not first <= i < end and (best is None or abs(i - first) < abs(best - first)):
                best = i  # the nearest; the earlier of two as near
        return self.doc[best] if best is not None else None

    def _head_of(self, measure: str, first: int, end: int) -> Token | None:
        """The token of the figure's sentence that a measure's head noun was written from: its last word
        before a preposition, without the event ("overall OPEC production for April" -> "production")."""
        words = _without_event(measure).split()
        if not words:
            return None
        cut = next((k for k, w in enumerate(words) if k and w.lower() in _PREPOSITIONS), len(words))
        return self._token_of(words[cut - 1], first, end)

    def _of_goods(self, tok: Token, first: int, end: int) -> bool:
        """Whether a token is the noun (or a noun of the name) that the figure's unit is "of": "600,000
        tonnes of alumina", "1,500 tonnes of number two hard amber durum wheat"; not a phrase
        hung on it ("tonnes of wheat for April delivery")."""
        while tok.dep_ in ("compound", "nmod", "amod", "appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.lower_ == "of" and first <= tok.head.head.i < end

    def _names_thing(self, measure: str | None, first: int, end: int) -> bool:
        """Whether a measure names a thing, not who traded it: not a name ("Bunge", "Rotterdam"),
        an agent ("the ministry bought 20,000 tonnes"), a grade or nothing at all."""
        if measure is None or not measure.split():
            return False
        tok = self._head_of(measure, first, end)
        if tok is None:
            return measure.split()[-1].lower() not in AGENT_NOUNS
        if any(c.like_num and c.i > tok.i for c in tok.children) or is_unit_token(tok):
            return False  # a grade or a label: "5,000 tonnes number two sorghum"; a unit
        if self._of_goods(tok, first, end):
            return True  # "600,000 tonnes of alumina", whatever its tag
        if tok.lower_ in AGENT_NOUNS or tok.ent_type_ in NAME_ENTS or tok.pos_ == "PROPN":
            return False
        root = self.doc[first:end].root
        # the subject of the verb the figure is the object of, when the verb trades it ("the ministry
        # bought 20,000 tonnes"), not when it tells its level ("output totalled 8.1 mln tonnes")
        verb = root.head.head if root.head.dep_ == "xcomp" else root.head  # "traders sought to buy 90,000 tonnes"
        return not (tok.dep_ in ("nsubj", "nsubjpass") and verb.i == tok.head.i and root.dep_ in ("dobj", "obj")
                    and not {verb.lemma_.lower(), root.head.lemma_.lower()} & (CHANGE_VERBS | _HOLDING_VERBS))

    def _counts_goods(self, measure: str, first: int, end: int) -> bool:
        """Whether the sentence says plainly which goods a quantity counts, for the quantities after it
        to take: what its unit is "of" ("45,000 tonnes of feed barley"), or what reached it ("output
        totalled 8.1 mln tonnes"); not a noun the parse hung it on in a list or a table line."""
        tok = self._head_of(measure, first, end)
        if tok is None:
            return False
        if self._of_goods(tok, first, end):
            return True
        if tok.pos_ != "NOUN" or tok.lower_ in AGENT_NOUNS:
            return False
        root = self.doc[first:end].root
        verb = root.head if root.dep_ in ("dobj", "obj") else None
        # the noun a participle gives the size of ("cargoes of soybean oil totalling 18,000 tonnes"),
        # what reached the figure ("output totalled 8.1 mln tonnes"); not the noun the figure is a size
        # of ("the 15.8 mln bpd quota", "a 160,000 barrel-per-day refinery")
        if verb is not None and verb.lemma_.lower() in CHANGE_VERBS and verb.dep_ == "acl" and verb.head.i == tok.i:
            return True
        return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in CHANGE_VERBS \
            and any(first <= t.i < end for t in tok.head.subtree)

    def _fuller(self, measure: str, first: int, end: int, goods: bool) -> str | None:
        """A bare noun measure with the compounds of the article's nearest earlier mention of the same
        noun ("output" -> "crude steel output"), or None."""
        low = measure.lower()
        if " " in measure.strip() or low in GENERIC_COUNTED or low in CLASSIFIER_NOUNS or low in AGENT_NOUNS \
                or low in ("nil", "none", "zero"):
            return None
        tok = self._token_of(measure, first, end)
        if tok is None and low in _VERB_NOUNS:
            wanted, by_lemma = low, False  # a verb's noun: "it exported 20,000 tonnes" -> "exports"
        elif tok is None or tok.pos_ != "NOUN" or any(c.dep_ in ("compound", "amod", "poss") or _complement(c)
                                                      for c in tok.children):
            return None  # its own sentence says which: "imports of sugar", "Cuba's exports", "net profit"
        elif goods and self._of_goods(tok, first, end):
            return None  # the goods a quantity is of: "120,000 tonnes of cocoa" (but "1.6 billion dollars of
            # debt" says less than the "hard currency debt" before)
        else:
            wanted, by_lemma = tok.lemma_.lower(), True
        here = self._sentence_of.get(first, 0)
        for k in range(here - 1, max(-1, here - 1 - MAX_SENTENCES_BACK), -1):
            for cand in reversed(self._sentences[k]):
                if cand.pos_ == "NOUN" and (cand.lemma_.lower() if by_lemma else cand.lower_) == wanted:
                    mods = self._naming_modifiers(cand)
                    if mods:
                        return f"{render(mods)} {measure}"
        return None

    def _naming_modifiers(self, noun: Token) -> list[Token]:
        """The words before a noun that name a kind of it: its compounds with their own modifiers
        ("crude oil", "budget"), and adjectives the headline has too."""
        mods: list[Token] = []
        for child in noun.lefts:
            if child.dep_ not in ("compound", "amod") or not _descriptive(child):
                continue
            if (child.dep_ == "compound" and child.pos_ not in NOUN_POS) or (child.dep_ == "amod" and (
                    child.lower_ not in self._title or child.lower_ in QUANTIFIER_ADJS)):
                continue  # not "Male MPs"; not "new" though the headline has it
            mods += [*(t for t in child.subtree if t.i < child.i and _descriptive(t)), child]
        return mods


def _descriptive(tok: Token) -> bool:
    """A word that says which thing is meant ("crude", "steel"), not a time, a number or a quantity."""
    return tok.pos_ in (*NOUN_POS, "ADJ") and tok.tag_ not in ("JJR", "JJS") and not is_unit_token(tok) \
        and tok.lemma_.lower() not in TIME_NOUNS and tok.ent_type_ not in _NOT_KINDS


def _complement(prep: Token) -> bool:
    """A preposition that tells which thing a noun is ("imports of sugar", "sales in Japan"), not when."""
    return prep.dep_ == "prep" and any(c.dep_ == "pobj" and c.lemma_.lower() not in TIME_NOUNS
                                       and c.ent_type_ not in ("DATE", "TIME") for c in prep.children)


def _without_event(measure: str) -> str:
    """A measure without what happened to it: "U.S. wheat bought" -> "U.S. wheat"."""
    words = measure.split()
    if len(words) > 1 and is_participle(words[-1]):
        return " ".join(words[:-1])
    return measure
