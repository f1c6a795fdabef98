"""What a figure measures, read from the frame it stands in: the words around a sum or a rate that say
what it is of, for or added to.

``figure_measures`` finds a figure's counted noun and verb; these readers answer for the frames the
parse alone does not tell: "800 billion yen worth of financing bills" (the goods), "will add five pct
to the company's revenues" (the total), "rise to 56.2 pct of overall debt" (what rose), "at 105.95
pct of 1,000 dlr face amount" (a price), "512mb of storage for $99" (a price), "a deal worth $8bn"
(what is valued), "spent A$584m on buying a stake" (what is bought), "33 dlrs a barrel" (per unit),
"shares closed at 12 dlrs" (a price), "left 30 people dead" (people killed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsweave.annotate.figure_cues import (
    ADDING_VERBS,
    CASUALTY_STATES,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    LEVEL_NOUNS,
    LEVEL_PREPS,
    PRICE_HEADS,
)
from newsweave.annotate.figure_lexicon import CASED_UNITS, TIME_NOUNS, UNIT_WORDS
from newsweave.annotate.figure_phrases import NOUN_POS, is_unit_token, left_modifiers, nominal, noun_phrase, pobj
from newsweave.annotate.figure_subjects import subject_of, subject_phrase, verb_object

if TYPE_CHECKING:
    from newsweave.annotate.figure_measures import NumberExpr

__all__ = ["added_to", "bought", "changed_with", "is_quantity", "left_in_state", "level_owner", "magnitude",
           "noun_up_to", "of_par", "per_unit", "points_moved", "priced_level", "purpose", "share_level", "valued",
           "worth_of"]

# The words of a bond's nominal amount, a share of which is its price ("at 103 pct of par").
PAR_WORDS = frozenset({"par", "face", "principal", "nominal"})
# Verbs whose object is the level their subject reaches or holds: "imports reach half of consumption".
SHARE_LEVEL_VERBS = frozenset({"reach", "hit", "top", "exceed", "be", "become", "remain", "represent", "equal"})
# Units of a rate or a ratio, which are not quantities of goods.
RATE_WORDS = frozenset({"percent", "times", "fold"})


def is_quantity(tok: Token | None) -> bool:
    """A physical unit with its number ("512mb", "20,000 tonnes"), which a sum "for" or "at" prices."""
    unit = None if tok is None else CASED_UNITS.get(tok.text) or UNIT_WORDS.get(tok.lower_)
    return tok is not None and unit is not None and unit not in RATE_WORDS and any(c.like_num for c in tok.children)


def of_par(whole: Token, inside: set[int]) -> bool:
    """A bond's par, face or principal amount, "at" a share of which it is bought or redeemed: "at 103
    pct of par", "at 105.95 pct of 1,000 dlr face amount" (13 such in Reuters-21578)."""
    share = whole.head
    if whole.dep_ != "pobj" or share.lower_ != "of" or share.head.i not in inside:
        return False
    rate = share.head
    if rate.dep_ != "pobj" or rate.head.lower_ != "at":
        return False
    return any(t.lower_ in PAR_WORDS for t in (*left_modifiers(whole, inside), whole))


def changed_with(doc: Doc, change: Token, inside: set[int]) -> str | None:
    """What changed by a change noun "with" which a clause goes on: "netback values were mostly lower,
    with declines of seven to 14 cts" (test7) -> the clause's subject."""
    verb = change.head.head
    if change.dep_ != "pobj" or change.head.lower_ != "with" or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(verb)
    return subject_phrase(doc, subj, inside) if subj is not None and subj.pos_ == "NOUN" else None


def noun_up_to(doc: Doc, expr: NumberExpr, inside: set[int]) -> str | None:
    """The noun right before "up to" (or "of up to") a figure the parse hangs on a verb: "works over a
    range up to 10 metres" is the range."""
    k = expr.start
    if k < 3 or doc[k - 2].lower_ != "up" or doc[k - 1].lower_ != "to":
        return None
    noun = doc[k - 4] if doc[k - 3].lower_ == "of" and k >= 4 else doc[k - 3]
    if noun.pos_ != "NOUN" or is_unit_token(noun) or noun.lemma_.lower() in TIME_NOUNS or noun.ent_type_:
        return None
    return noun_phrase(noun, inside)


def worth_of(doc: Doc, expr: NumberExpr) -> Token | None:
    """The goods a sum is "worth of": "a total of 800 billion yen worth of financing bills" (test7),
    "$2m worth of drugs", however the parse hangs "worth"."""
    k = expr.end
    if k + 1 >= len(doc) or doc[k].lower_ != "worth" or doc[k + 1].lower_ != "of":
        return None
    noun = next((c for c in doc[k + 1].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ not in NOUN_POS or is_unit_token(noun) or noun.lemma_.lower() in TIME_NOUNS:
        return None
    return noun


def added_to(doc: Doc, top: Token, inside: set[int]) -> str | None:
    """What a figure is added to: "the microchip will add about five pct to the company's revenues"
    (test7), "contributed 40 mln dlrs to earnings": the noun of "to", hung on the figure or on the verb
    whose object it is, when the figure counts nothing itself."""
    if top.dep_ not in ("dobj", "obj") or top.head.lemma_.lower() not in ADDING_VERBS:
        return None
    for holder in (top, top.head):
        to = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        noun = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if noun is not None and noun.pos_ == "NOUN" and noun.i not in inside and not is_unit_token(noun) \
                and noun.lemma_.lower() not in TIME_NOUNS and noun.ent_type_ not in ("DATE", "TIME"):
            return noun_phrase(noun, inside)
    return None


def share_level(doc: Doc, whole: Token, inside: set[int]) -> str | None:
    """What a share "of" a whole is the new or old level of: "dollar borrowing should rise to 56.2 pct
    of overall debt" (test7) measures the dollar borrowing, not the debt; the object of the change
    verb when it has one ("raised its stake to 25 pct of the company"), else its subject. A share that
    a verb of a level takes as its object is its subject's too: "when imports reach half of domestic
    consumption" (test2), "exports were 20 pct of output" (not "cut 20 pct of its workforce")."""
    share = whole.head
    if whole.dep_ != "pobj" or share.lower_ != "of" or share.head.i not in inside:
        return None
    rate = share.head
    prep = rate.head
    if rate.dep_ == "pobj" and prep.lower_ in ("to", "from") and prep.head.pos_ in ("VERB", "AUX") \
            and prep.head.lemma_.lower() in CHANGE_VERBS:
        verb = prep.head
        obj = verb_object(verb, inside)
        if obj is not None:
            return noun_phrase(obj, inside)
    elif rate.dep_ in ("dobj", "attr") and rate.head.lemma_.lower() in SHARE_LEVEL_VERBS and rate.head.tag_ != "VBG":
        # not a participle's, whose subject the parse does not give: "pay banks 37 mln dlrs a year,
        # representing four pct of a loan", "the governors representing three-quarters of the votes"
        verb = rate.head
    else:
        return None
    subj = subject_of(verb)
    held = verb.i == rate.head.i  # the share is the level verb's object
    if subj is None or subj.pos_ not in NOUN_POS or (held and subj.pos_ != "NOUN"):
        return None  # a name there is who acts, not what holds the share: "TNT aims to reach 35% of"
    return subject_phrase(doc, subj, inside)


def valued(worth: Token, inside: set[int]) -> Token | None:
    """What "worth" a sum gives the value of: the noun right before it, however the parse hangs "worth"
    ("a deal worth $8bn", "the first vouchers, worth £250", "offering income tax cuts worth 6.8bn rand"),
    else its verb's subject ("the contract is worth 5 mln dlrs")."""
    doc = worth.doc
    k = worth.i - 1 if worth.i > 0 and doc[worth.i - 1].text != "," else worth.i - 2
    before = doc[k] if k >= 0 else None
    if before is not None and before.pos_ in NOUN_POS and before.i not in inside and not is_unit_token(before) \
            and before.lemma_.lower() not in TIME_NOUNS and before.ent_type_ not in ("DATE", "TIME", "MONEY"):
        return before
    head = worth.head
    if worth.dep_ != "acomp" or head.pos_ not in ("VERB", "AUX"):
        return None
    found = subject_of(head)
    if found is None or found.pos_ not in NOUN_POS or found.i in inside or is_unit_token(found):
        return None
    return found


def level_owner(level: Token, inside: set[int]) -> str | None:
    """What a level noun ("high", "total") is the level of, when it names nothing itself (not "the
    unemployment total of 2.45 mln"): the object of the verb that brings something to it ("bring
    purchases to a total of 34"), else the subject of the verb that reaches it ("output fell to an
    average of 3.5 mln bpd", "earnings have exceeded the previous all-time high of 4.42 dlrs")."""
    if any(c.pos_ == "NOUN" and c.lemma_.lower() not in TIME_NOUNS for c in left_modifiers(level, inside)) \
            or pobj(level, ("for", "in"), inside) is not None:
        return None
    verb = level.head
    if level.dep_ == "pobj" and verb.lower_ in LEVEL_PREPS:
        verb = verb.head
        if verb.lower_ in ("up", "down") and verb.dep_ == "advmod":
            verb = verb.head  # "establish a minimum price of 300 dlrs, up from the previous minimum of 240"
    elif not (level.dep_ in ("dobj", "attr") and verb.lemma_.lower() in CHANGE_VERBS):
        return None  # not "licensed a total of 4.22 mln tonnes": the subject licensed them
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    obj = verb_object(verb, inside)
    if obj is not None and obj.i != level.i:
        return noun_phrase(obj, inside)
    subj = subject_of(verb)
    if subj is None or subj.pos_ != "NOUN" or subj.i in inside:
        return None
    return subject_phrase(subj.doc, subj, inside)


def per_unit(doc: Doc, expr: NumberExpr) -> str | None:
    """What a sum is paid or earned for, after it: "a share", "per tonne" -> the noun; "each" -> "";
    None when the sum is not per unit ("an hour" and "a year" are rates in time, not prices)."""
    k = expr.end
    if k < len(doc) and doc[k].lower_ == "each":
        return ""
    if k + 1 < len(doc) and doc[k].lower_ in ("a", "an", "per"):
        noun = doc[k + 1]
        if noun.pos_ in NOUN_POS and noun.is_alpha and noun.lemma_.lower() not in TIME_NOUNS:
            return noun.lower_
    return None


def purpose(money: Token, inside: set[int]) -> Token | None:
    """The noun of "for" that the parse hangs on a sum itself: "allocated 500 mln stg for home loans"
    (test6); not "earned 1.3 mln dlrs on revenues of 55.8 mln", "fined 11m euros for having violated"."""
    prep = next((c for c in money.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if noun is None or noun.pos_ != "NOUN" or noun.i in inside or is_unit_token(noun) \
            or noun.lemma_.lower() in TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME"):
        return None
    return noun


def bought(verb: Token, inside: set[int]) -> Token | None:
    """What a sum was paid for: the object of "on" or "for" ("spent A$584m on (buying) a stake")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "for"):
            continue
        for child in prep.children:
            if child.dep_ == "pobj" and nominal(child) and child.i not in inside and not is_unit_token(child) \
                    and child.lemma_.lower() not in TIME_NOUNS and child.ent_type_ not in ("DATE", "TIME"):
                return child
            if child.dep_ == "pcomp" and child.pos_ == "VERB":
                return verb_object(child, inside)
    return None


def priced_level(subject: Token, phrase: str, per: str | None) -> str:
    """What a sum that is the level of ``subject`` (written ``phrase``) measures, ``per`` unit of goods
    or not: a price, unless the subject is a sum itself ("PRICE_HEADS"). "West Coast shipments ranged
    from 79.41 to 81.02 dlrs per tonne" (test8), "gold could rise to 500 dlrs per ounce": the price of
    the goods; "the market fell to 98.10 cents a lb": the market price; "Pantera's stock closed at 9.50
    dlrs" (test8), "shares fell 1% to 510.75 pence": the share price. Other subjects keep their phrase."""
    low = subject.lower_
    if per and per not in ("share", "shr") and subject.pos_ == "NOUN" and low not in PRICE_HEADS \
            and subject.lemma_.lower() not in CHANGE_NOUNS | LEVEL_NOUNS:
        return "market price" if phrase == "market" else f"price of {phrase}"
    if low in ("stock", "shares"):
        if not phrase.lower().endswith(low):
            return f"price of {phrase}"  # "shares of Crazy Eddie"
        return f"{phrase[:-len(low)]}{'stock' if low == 'stock' else 'share'} price"
    return phrase


_SCALE_NAMES = ("richter", "mercalli")


def magnitude(doc: Doc, expr: NumberExpr) -> str | None:
    """The measure of a number that is a quake's magnitude: "earthquake magnitude", or "aftershock
    magnitude" when the sentence spoke of aftershocks before it; None for other numbers.

    A magnitude is a reading "on the (open-ended) Richter scale" (17 in the Reuters and BBC corpora,
    measuring, registering or measured), or a number by the word "magnitude": "a magnitude 7.1
    earthquake", "the 6.9-magnitude quake", "the strongest of magnitude 5.4", "put its magnitude at 6.9"."""
    if expr.unit is not None or not (_richter(doc, expr) or _by_magnitude_word(doc, expr)):
        return None
    before = doc[doc[expr.start].sent.start:expr.start]
    return "aftershock magnitude" if any(t.lower_.startswith("aftershock") for t in before) else "earthquake magnitude"


def _by_magnitude_word(doc: Doc, expr: NumberExpr) -> bool:
    after = [t.lower_ for t in doc[expr.end:expr.end + 2]]
    if after[:1] == ["magnitude"] or after[:2] == ["-", "magnitude"]:
        return True  # "the 6.9-magnitude quake"
    near = [t.lower_ for t in doc[max(0, expr.start - 3):expr.start]]
    return near[-1:] == ["magnitude"] or near[-2:] in (["magnitude", "of"], ["magnitude", "at"], ["magnitude", "-"]) \
        or (len(near) == 3 and near[0] == "magnitude" and near[2] == "at")  # "put its magnitude [provisionally] at"


def _richter(doc: Doc, expr: NumberExpr) -> bool:
    if expr.end + 3 >= len(doc) or doc[expr.end].lower_ != "on" or doc[expr.end + 1].lower_ != "the":
        return False
    words = [doc[k].lower_ for k in range(expr.end, min(expr.end + 7, len(doc)))]
    rest = words[3:] if len(words) > 2 and words[2] == "open" else words[2:]
    rest = [w for w in rest if w not in ("-", "ended")]
    return len(rest) >= 1 and rest[0] in _SCALE_NAMES


def points_moved(doc: Doc, counted: Token, inside: set[int]) -> str | None:
    """What moved by a number of points: "the FTSE 100 index had lost a further 233.2 points" (test9), "the
    Dow Jones Industrial Average fell more than 10 points": the index, not the points."""
    verb = counted.head
    if counted.lower_ not in ("points", "point") or counted.dep_ not in ("dobj", "obj", "npadvmod") \
            or verb.pos_ != "VERB" or verb.lemma_.lower() not in CHANGE_VERBS | {"shed", "add"}:
        return None
    subj = subject_of(verb)
    return subject_phrase(doc, subj, inside) if subj is not None and subj.pos_ in NOUN_POS else None


# Words between "left" and its number: "left at least 30 dead", "leaving an estimated 5,000 ...".
_BEFORE_LEFT_NUMBER = frozenset({"at", "least", "more", "than", "some", "about", "nearly", "almost", "over",
                                 "around", "up", "to", "an", "estimated", "roughly", "approximately", "another"})


def left_in_state(doc: Doc, expr: NumberExpr) -> str | None:
    """Who a number counts in "left N (people) dead / homeless / without power" (a casualty frame the
    parse hangs many ways: "3" on "dead", "dead" on "people", "5,000" as the object): the plural noun
    or "people", with the state ("people killed", "people without power"); else None.

    Args:
        doc: the parsed article.
        expr: the number expression.

    Returns:
        The measure, or None when the number does not follow a form of "leave" in this frame.
    """
    k = expr.start - 1
    while k >= 0 and doc[k].lower_ in _BEFORE_LEFT_NUMBER:
        k -= 1
    if k < 0 or expr.unit is not None:
        return None
    # the second of two: "left 30 people dead and 100 injured", its verb earlier in the sentence
    second = doc[k].lower_ in ("and", ",") and any(
        t.lemma_.lower() == "leave" and t.pos_ == "VERB" for t in doc[doc[k].sent.start:k])
    if not second and (doc[k].lemma_.lower() != "leave" or doc[k].pos_ != "VERB"):
        return None
    at, noun = expr.end, None
    if at < len(doc) and doc[at].tag_ == "NNS" and not is_unit_token(doc[at]) \
            and doc[at].lemma_.lower() not in TIME_NOUNS:
        noun, at = doc[at].lower_, at + 1
    if at >= len(doc):
        return None
    word = doc[at].lower_
    if word in CASUALTY_STATES:
        state = CASUALTY_STATES[word]
        if at + 2 < len(doc) and doc[at + 1].lower_ == "or" and doc[at + 2].lower_ in CASUALTY_STATES:
            state = f"{state} or {CASUALTY_STATES[doc[at + 2].lower_]}"  # "left 1,000 people dead or missing"
        return f"{noun or 'people'} {state}"
    lacking = doc[at + 1] if word == "without" and at + 1 < len(doc) and doc[at + 1].pos_ == "NOUN" else None
    return f"{noun or 'people'} without {lacking.lower_}" if lacking is not None else None
