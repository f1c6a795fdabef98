"""What a reported figure measures: the counted noun, the verb, the table label.

``find_measure`` reads the dependency parse around a number expression that ``figures`` has read
(a ``NumberExpr``): an earnings-table line gives its label ("Qtly div", "Shr loss"); a counted noun
gives itself with the verb that governs it ("police have detained 3,811 people" -> "people
detained"); a number that is the new level of something ("the cost per liter increased from 60 to
120 tenge") gives what changed, with "their number" resolved to the noun phrase it stands for; a
number that is a verb's object gives the quantity the verb names ("sold 96,649" -> "sales").
The token found is written as a noun phrase by ``figure_phrases``; subjects, objects and events are
read by ``figure_subjects``, the frames around a sum or a rate ("worth of", "added to", "pct of par",
"a share") by ``figure_frames``, and the verbs and nouns it reads are in ``figure_cues``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsweave.annotate.figure_cues import (
    AGENT_NOUNS,
    AMOUNT_CHANGE_NOUNS,
    BOX_OFFICE_VERBS,
    CASUALTY_VERBS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    CLASSIFIER_NOUNS,
    DEBT_NOUNS,
    EXPECTING_VERBS,
    GENERIC_COUNTED,
    LEVEL_NOUNS,
    LIGHT_VERBS,
    MEASURING_VERBS,
    OWNER_NOUNS,
    PAYMENT_MEDIA,
    PRICING_VERBS,
    SESSION_VERBS,
    SINGULAR_UNITS,
    STAKE_VERBS,
    VERB_MEASURES,
)
from newsweave.annotate.figure_frames import (
    added_to,
    bought,
    changed_with,
    is_quantity,
    left_in_state,
    level_owner,
    magnitude,
    noun_up_to,
    of_par,
    per_unit,
    points_moved,
    priced_level,
    purpose,
    share_level,
    valued,
    worth_of,
)
from newsweave.annotate.figure_lexicon import (
    AREA_UNITS,
    AREA_VERBS,
    CURRENCY_UNITS,
    CURRENCY_WORDS,
    MODERN_YEARS,
    MONTHS,
    SCALES,
    TEMPERATURE_UNITS,
    TIME_NOUNS,
    UNIT_WORDS,
)
from newsweave.annotate.figure_phrases import (
    NOUN_POS,
    is_unit_token,
    left_modifiers,
    nominal,
    noun_phrase,
    phrase_head,
    plural,
    pobj,
)
from newsweave.annotate.figure_subjects import (
    casualties,
    elided_whole,
    governing_verb,
    is_forecaster,
    subject_of,
    subject_phrase,
    verb_object,
    with_event,
)
from newsweave.annotate.figure_tables import table_label

__all__ = ["NumberExpr", "find_measure", "stop_on_scale"]



# Prepositions of time that a quantity before them may be parsed as measuring ("140,000 bpd before the
# earthquake" like "two years before"): the quantity is the verb's object.
TIME_PREPS = {"before", "after", "since", "until", "during"}


@dataclass(frozen=True, slots=True)
class NumberExpr:
    """A number expression over tokens ``[start, end)`` of the doc."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    core: tuple[int, ...]  # indices of the tokens that spell the number(s)
    skip: bool = False


def find_measure(doc: Doc, expr: NumberExpr) -> str | None:
    """The measure a number counts, as a short lowercase phrase, or None when the parse is silent."""
    label = table_label(doc, expr.start)
    if label:
        return label
    quake = magnitude(doc, expr)
    if quake is not None:
        return quake  # "registering 7.0 on the open-ended Richter scale" (test9), "a magnitude 7.1 earthquake"
    left = left_in_state(doc, expr)
    if left is not None:
        return left  # "left 30 people dead", "leaving 5,000 without power"
    if expr.unit is None and expr.end < len(doc) and (doc[expr.end].lower_ == "aboard" or (
            doc[expr.end].lower_ == "on" and expr.end + 1 < len(doc) and doc[expr.end + 1].lower_ == "board")):
        return "people on board"  # "Plane with 67 aboard crashes"
    inside = set(range(expr.start, expr.end))
    if expr.unit is None and expr.end - 1 not in expr.core and expr.end - expr.start >= 3 \
            and doc[expr.end - 2].text == "-":
        return plural(doc[expr.end - 1].lower_)  # a count written as a compound adjective: "seven-ship"
    priced = _priced_per_share(doc, expr)
    if priced is not None:  # the words after "a share", which the parse hangs on "share"
        return " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in doc[expr.end + 2:priced.i + 1])
    tops = [doc[k] for k in range(expr.start, expr.end) if doc[k].head.i not in inside or doc[k].dep_ == "ROOT"]
    if not tops:
        return None
    # the last token that leaves the expression tells what it counts when it is a noun or a number
    # on a noun ("one in every four adults"), else the first
    # ("8.60 pct" in "a 300 mln franc 8.60 pct ten-year loan": "pct" hangs on the loan, "8.60" on "franc")
    top = tops[-1] if tops[-1].pos_ in NOUN_POS or tops[-1].dep_ == "nummod" or (
        tops[-1].dep_ == "amod" and is_unit_token(tops[-1]) and tops[-1].head.i > tops[-1].i) else tops[0]
    if tops[0].dep_ == "pobj" and tops[0].head.i == expr.start - 1 and tops[0].head.lower_ in ("at", "for"):
        top = tops[0]  # the preposition before a range the parse splits: "sold shares at 17-1/2 to 19 dlrs each"
    counted = worth_of(doc, expr) or _counted_noun(doc, top, inside)
    stop = stop_on_scale(doc, expr)
    if stop and counted is not None and counted.i >= expr.end:
        counted = None  # "for about $230m. Rumours about a takeover": the next sentence's noun (test9)
    last = doc[expr.end - 1]
    if counted is None and last.i != top.i and last.head.i in inside and is_unit_token(last):
        # a range the parse split, its unit inside it: "via 1.5 to two billion dlrs of customer
        # repurchase agreements" (test8), where "of" hangs on "dlrs"
        counted = _counted_noun(doc, last, inside)
    if counted is not None and counted.lower_ in CLASSIFIER_NOUNS and not left_modifiers(counted, inside) \
            and (counted.dep_ == "pobj" or counted.head.lemma_.lower() in CHANGE_VERBS):
        # "totalled 651,253 units", "275,000 head": the classifier says only that things are counted
        top, counted = counted, None
        inside = inside | {top.i}
    elif counted is not None and counted.i > expr.end and (counted.lower_ in CURRENCY_WORDS
                                                           or counted.lower_ in UNIT_WORDS):
        # a currency or unit is never what is counted: "£99 (149 euros)" parsed as one phrase; the
        # figure stands where that unit stands
        top, counted = counted, None
        inside = inside | set(range(expr.end, top.i + 1))
    elif counted is not None and counted.i > expr.end and expr.unit in CURRENCY_UNITS and counted.pos_ == "PROPN" \
            and counted.ent_type_ in ("ORG", "GPE", "LOC", "FAC"):
        # a sum does not count a place or a company: "at 120.88 dlrs FOB Gulf" (test5); the sum stands
        # where the name stands
        top, counted = counted, None
        inside = inside | set(range(expr.end, top.i + 1))
    if counted is None and not stop:
        counted = _noun_after(doc, expr, top)
    if counted is not None and expr.unit in CURRENCY_UNITS and counted.dep_ == "poss" and counted.i < counted.head.i \
            and counted.head.pos_ == "NOUN":
        counted = counted.head  # a sum is not of a possessor: "his £71,433 minister's salary" (test6)
    total = added_to(doc, top, inside) if counted is None else None
    if total is not None:
        return total  # not "added 30,000 tonnes of U.S. corn to its previous commitments" (test7)
    if counted is not None and expr.unit == "percent" and of_par(counted, inside):
        return "price"  # "buy back the convertible debt at 105.95 pct of 1,000 dlr face amount" (test7)
    if counted is not None and (expr.unit == "percent" or (expr.unit is None and 0 < expr.value < 1)):
        whose = share_level(doc, counted, inside)  # a percent or a fraction word ("half of")
        if whose is not None:
            return whose
    if counted is not None:
        return _measure_of_counted(doc, counted, inside, expr.unit)
    found = _measure_of_bare(doc, top, inside, expr)
    return found if found is not None or expr.unit is None else _measured_in(doc, expr)


def stop_on_scale(doc: Doc, expr: NumberExpr) -> bool:
    """Whether the expression ends with a scale that holds the sentence's full stop ("paid £15m.
    Rumours ..."), which the parse may run on into the next sentence."""
    last = doc[expr.end - 1]
    scale = last.lower_[:-1] in SCALES or (expr.unit in TEMPERATURE_UNITS and expr.end - expr.start == 1)  # "1.6C."
    return last.text.endswith(".") and scale and (
        expr.end == len(doc) or doc[expr.end].is_space or doc[expr.end].text[:1].isupper())


def _priced_per_share(doc: Doc, expr: NumberExpr) -> Token | None:
    """The noun a per-share sum modifies, which the parse loses in the "a share" between: "withdrew its
    23 dlr a share takeover proposal" (test3), "its 31.60 dlr per share tender offer": the last noun of
    the nouns and adjectives right after "a share" (at most four)."""
    k = expr.end
    if expr.unit not in CURRENCY_UNITS or k + 2 >= len(doc) or doc[k].lower_ not in ("a", "per") \
            or doc[k + 1].lower_ not in ("share", "shr"):
        return None
    noun = None
    for tok in doc[k + 2:k + 6]:
        if tok.pos_ not in NOUN_POS and tok.tag_ not in ("JJ", "VBN") and tok.text != "-":
            break
        if tok.pos_ in NOUN_POS:
            noun = tok
    if noun is None or noun.lemma_.lower() in TIME_NOUNS or is_unit_token(noun) or noun.ent_type_ \
            or noun.lower_ in PAYMENT_MEDIA:  # "22 dlrs a share cash": what it is paid in
        return None
    return noun


def _measured_in(doc: Doc, expr: NumberExpr) -> str | None:
    """The noun of "in" right after a sum or a quantity, when the parse tells nothing else: "£2bn in
    licence fee money", "118 feet in thickness" (not "in 1986", "in Paris", "in the quarter")."""
    if expr.end >= len(doc) or doc[expr.end].lower_ != "in":
        return None
    noun = next((c for c in doc[expr.end].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in TIME_NOUNS \
            or is_unit_token(noun) or any(c.like_num or c.dep_ == "poss" for c in noun.children):
        return None  # not "in calendar 1987", "in Japan's favour"
    return noun_phrase(noun, set(range(expr.start, expr.end)))


def _counted_noun(doc: Doc, top: Token, inside: set[int]) -> Token | None:
    """The noun a number modifies ("3,811 people"), or the noun of a partitive ("two of the men")."""
    head = top.head
    # a unit word compounded with the next word makes it a noun, whatever its tag: "6,000 tonne cargoes"
    unit_compound = top.dep_ == "compound" and is_unit_token(top) and head.tag_ in ("VBZ", "NNS", "NN")
    if is_unit_token(top) and head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.i > head.i \
            and nominal(head.head) and head.head.lemma_.lower() not in TIME_NOUNS:
        return phrase_head(head.head)  # "11.25 dlr convertible preferred stock": the sum hangs on the adjective
    if top.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and head.i not in inside \
            and (nominal(head) or unit_compound) and head.i > top.i:
        return None if head.lemma_.lower() in TIME_NOUNS else phrase_head(head)
    if top.dep_ == "dobj":
        # two objects of one verb: the first one modifies the second ("withdrawn a six dlr per share
        # buyout offer" parsed as two objects of "withdrawn")
        later = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                      and c.left_edge.i == top.right_edge.i + 1), None)
        if later is not None:
            return later
    # "a maximum $3 million (£1.6 million) fine": the noun after the conversion, parsed as an apposition
    after = next((c for c in top.children if c.dep_ == "appos" and c.pos_ == "NOUN" and not is_unit_token(c)
                  and c.i > 0 and c.doc[c.i - 1].text == ")" and c.lemma_.lower() not in TIME_NOUNS), None)
    if after is not None:
        return after
    # "two out of three voters": the partitive's "of" hangs on "out"
    outs = [c for c in top.children if c.dep_ == "prep" and c.lower_ == "out"]
    for child in [*top.children, *(c for o in outs for c in o.children)]:
        if child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ == "in" and top.lower_ in CURRENCY_WORDS)):
            # (not the scale inside the figure: "a quarter of a million")
            objs = [c for c in child.children if c.dep_ == "pobj" and nominal(c) and c.i not in inside
                    and not (child.lower_ == "in" and c.lower_ in PAYMENT_MEDIA
                             and top.head.lemma_.lower() not in ("have", "hold"))]
            if objs and objs[0].lemma_.lower() not in TIME_NOUNS and objs[0].ent_type_ not in ("DATE", "TIME") \
                    and objs[0].lower_ not in MONTHS:  # not "the 28.1 mln tonnes of March"
                return objs[0]
    return None


def _noun_after(doc: Doc, expr: NumberExpr, top: Token) -> Token | None:
    """The noun a figure modifies that the parse lost: after a singular unit, which makes a figure an
    adjective ("three 6,000 tonne cargoes", "the 75 mln dlr, 15-year, convertible eurobond": test6),
    the head of the noun phrase that follows; a plural noun the tagger took for a verb in the third
    person, which a number other than one cannot be the subject of ("Nine consulates ... will be
    closed")."""
    k = expr.end
    if expr.value == 1 or k >= len(doc):
        return None
    if expr.unit is None and doc[k].like_num:  # "three 6,000 tonne cargoes": the number of the cargoes
        k += 1
        while k < len(doc) and doc[k].lower_ in SCALES:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in SINGULAR_UNITS:
            return None
        k += 1
    elif doc[expr.end - 1].lower_ not in SINGULAR_UNITS:
        tok = doc[k]
        if expr.unit is None and _plural_taken_for_verb(tok) and top.dep_ == "nsubj" and top.head.i == tok.i:
            return tok
        return None
    for tok in doc[k:k + 8]:
        if tok.lemma_.lower() in TIME_NOUNS and doc[tok.i - 1].text == "-":
            continue  # "15-year,": a term, an adjective
        if tok.pos_ == "NOUN" or _plural_taken_for_verb(tok):
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if after is not None and after.pos_ == "NOUN" and after.tag_ in ("NN", "NNS"):
                continue  # a compound: the head is the last noun
            return None if tok.lemma_.lower() in TIME_NOUNS or is_unit_token(tok) else tok
        if not (tok.text in (",", "-") or tok.like_num or tok.tag_ in ("JJ", "VBN")):
            return None
    return None


def _plural_taken_for_verb(tok: Token) -> bool:
    """"cargoes", "consulates" tagged VBZ: a plural noun right after a number or a unit."""
    return tok.tag_ == "VBZ" and tok.pos_ == "VERB" and tok.lower_.endswith("s") and tok.is_alpha \
        and tok.lemma_.lower() not in ("be", "have", "do", "say")


def _measure_of_counted(doc: Doc, counted: Token, inside: set[int], unit: str | None) -> str | None:
    if counted.lemma_.lower() in CHANGE_NOUNS or counted.lower_ in CHANGE_NOUNS:
        # "a two-fold increase in prices" counts prices; "0.1% growth" counts growth itself
        target = pobj(counted, ("in", "of"), inside)
        return noun_phrase(target if target is not None else counted, inside)
    if unit == "percent" and counted.lower_ in DEBT_NOUNS and any(doc[k].head.i == counted.i for k in inside):
        return "coupon"  # "a 300 mln franc 8.60 pct ten-year loan", "13 pct debentures": the interest rate
    if unit == "percent" and counted.lemma_.lower() in OWNER_NOUNS:
        # "a 49 pct owner of the venture", "its 51 pct owner": the share owned is a stake in something
        owned = pobj(counted, ("of", "in"), inside)
        return noun_phrase(owned, inside) if owned is not None else "stake"
    # what happened to a sum's or a rate's noun did not happen to the sum: "withdrew a six dlr per
    # share offer" is the offer's price, not an amount withdrawn
    # nor what happened to a thing a size describes: "leased a 23,500 ton passenger vessel" is the
    # vessel's tonnage (test7), not an amount leased; "exported 689,038 tonnes of rice" keeps its verb
    sized = unit is not None and any(doc[k].head.i == counted.i for k in inside)
    verb = governing_verb(counted) if unit not in CURRENCY_UNITS and unit != "percent" and not sized else None
    part = counted.head.head if counted.dep_ == "pobj" and counted.head.lower_ == "of" else None
    if verb is None and unit is None and part is not None and part.i in inside and part.head.pos_ == "VERB" \
            and part.dep_ in ("nsubj", "nsubjpass", "dobj") and doc[part.i - 1].lower_ not in ("all", "both"):
        verb = part.head  # a part of what the noun counts: "Five of the six members voted" (not the six)
    holder = part if part is not None and part.i in inside else counted
    copula = holder.head
    if (verb is None or verb.lemma_ == "be") and unit is None and holder.dep_ == "nsubj" and copula.lemma_ == "be" \
            and not any(c.dep_ in ("acomp", "attr", "oprd") for c in copula.children):
        # the place is the predicate ("were in hospital"), not an adjunct ("At launch 21 games will be available")
        where = next((c for c in copula.children if c.dep_ == "prep" and c.i > copula.i and c.lower_ in _WHERE_PREPS
                      and any(g.dep_ == "pobj" for g in c.children)), None)
        if where is not None:  # "22 of the survivors were in hospital", "67 people had been on board"
            place = next(g for g in where.children if g.dep_ == "pobj")
            return f"{noun_phrase(counted, inside)} {where.lower_} {noun_phrase(place, inside)}"
    if verb is not None and counted.lower_ in GENERIC_COUNTED and verb.lemma_ in CHANGE_VERBS \
            and counted.dep_ not in ("nsubj", "nsubjpass"):
        subj = subject_of(verb)  # "the forces will number 2.5 thousand people"; "the toll rose to 50 people"
        if subj is not None and subj.pos_ in NOUN_POS:
            return subject_phrase(doc, subj, inside)
    level_of = _level_of(doc, counted, inside)
    if level_of is not None:
        return level_of
    moved = points_moved(doc, counted, inside)
    if moved is not None:
        return moved
    if verb is not None and counted.dep_ == "nsubj" and any(c.dep_ in ("dobj", "obj") for c in verb.children):
        verb = None  # the doer of an active verb with an object: "the two sides discussed the offer" (test9)
    if unit is None and _on_board(counted):
        return f"{noun_phrase(counted, inside)} on board"  # "left port with about 70 people on board"
    return with_event(_with_partner(doc, counted, inside), verb)


def _on_board(counted: Token) -> bool:
    """Whether the counted noun is said to be on board: "70 people on board", "67 passengers aboard"."""
    return any((c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "board" for g in c.children))
               or (c.lower_ == "aboard" and c.n_lefts + c.n_rights == 0) for c in counted.rights)


# Where a count of people or things is, as the predicate of "be": "were in hospital", "had been on board".
_WHERE_PREPS = frozenset({"in", "at", "on", "under", "aboard"})


def _with_partner(doc: Doc, counted: Token, inside: set[int]) -> str:
    """A plural counted noun with the bare plural coordinated right after it, which the number counts
    too: "at least 154 men and women" (test6), "India's 35 states and territories"; not "10 tanks and 20
    trucks"."""
    phrase = noun_phrase(counted, inside)
    k = counted.i + 2
    if counted.tag_ != "NNS" or k >= len(doc) or doc[k - 1].lower_ not in ("and", "or"):
        return phrase
    partner = doc[k]
    if partner.dep_ != "conj" or partner.head.i != counted.i or partner.tag_ != "NNS" or is_unit_token(partner) \
            or any(c.like_num or c.dep_ not in ("amod", "compound") for c in partner.children) \
            or partner.lemma_.lower() in TIME_NOUNS \
            or (k + 1 < len(doc) and doc[k + 1].tag_ in ("TO", "VBG")):
        return phrase  # the partner opens a clause: "6.4 mln bags and sales standing at", "5 billion
        # webpages and claims to update" (500 Reuters and 250 BBC articles outside the sets)
    return f"{phrase} {doc[k - 1].lower_} {noun_phrase(partner, inside)}"


def _level_of(doc: Doc, counted: Token, inside: set[int]) -> str | None:
    """What a counted noun is the new or old level of: "sales dropped 57 pct to 760 cars from 1,780
    cars" (the sales), "cut its workforce to 500 people" (the workforce): the object of a change verb
    that has one, else its subject."""
    prep = counted.head
    if counted.dep_ != "pobj" or prep.lower_ not in ("to", "from") or prep.head.pos_ not in ("VERB", "AUX") \
            or prep.head.lemma_.lower() not in CHANGE_VERBS:
        return None
    verb = prep.head
    # the change is told by another figure (its amount or the other level): not "limited to the first
    # 50,000 people", "came down to two tie-breaks"
    if not any(c.i != prep.i and c.dep_ in ("prep", "npadvmod", "dobj", "advmod")
               and (c.dep_ != "prep" or c.lower_ in ("from", "to", "by")) and any(t.like_num for t in c.subtree)
               for c in verb.children):
        return None
    obj = verb_object(verb, inside)
    if obj is not None:
        return noun_phrase(obj, inside) if obj.i != counted.i else None
    subj = subject_of(verb)
    return subject_phrase(doc, subj, inside) if subj is not None and subj.pos_ in NOUN_POS else None


def _measure_of_bare(doc: Doc, top: Token, inside: set[int], expr: NumberExpr) -> str | None:
    """A number that modifies no noun: the subject of its change verb, or the noun it completes."""
    unit = expr.unit
    role, attach = top.dep_, top.head
    if role == "npadvmod" and attach.lower_ in TIME_PREPS and attach.head.pos_ == "VERB" and attach.i > top.i:
        # a quantity the parse hung on the preposition after it as on "two years before": "was
        # exporting about 140,000 bpd before the earthquake" (test8) is the verb's object (not a distance:
        # "located about 75 miles from Yellowknife")
        role, attach = "dobj", attach.head
    worth = attach.head if role == "pobj" and attach.head.lower_ == "worth" else attach  # "worth on average £52"
    if worth.lower_ == "worth" and worth.i not in inside:
        what = valued(worth, inside)
        if what is not None:
            return noun_phrase(what, inside)
    prep = top.head.lower_ if top.dep_ == "pobj" else top.lower_ if role == "prep" else ""
    if role == "pobj" or (role == "prep" and top.i in inside):
        attach = attach.head if role == "pobj" else attach
        role = "prep"
    if role == "prep" and prep == "of" and attach.dep_ == "acl" and attach.tag_ in ("VBN", "VBD") \
            and _is_when(attach.head):
        attach = attach.head  # "a profit for the first half ended January 31 of 105,013 dlrs" (test7)
    if role == "prep" and prep == "of" and _is_when(attach) and attach.dep_ == "pobj":
        # "had sales for 1986 of around 76 mln dlrs", "a net loss for the year of 62.1 mln": the
        # amount of what the time phrase is about, the noun it hangs on or its verb's object
        about = attach.head.head
        if about.pos_ in ("VERB", "AUX"):
            obj = verb_object(about, inside)
            return noun_phrase(obj, inside) if obj is not None else None
        if about.pos_ in NOUN_POS and about.i not in inside:
            return noun_phrase(about, inside)
    if role == "npadvmod" and attach.pos_ in ("VERB", "AUX"):
        ranged = noun_up_to(doc, expr, inside)
        if ranged is not None:
            return ranged  # "works over a range up to 10 metres" (test7)
    if role == "prep" and prep in ("for", "at") and unit in CURRENCY_UNITS and (
            is_quantity(attach) or (attach.pos_ == "VERB" and is_quantity(verb_object(attach, inside)))):
        return "price"  # "offering 512mb of storage for $99", "one gigabyte of storage for $149" (test7)
    while (attach.lower_ in ("up", "down", "higher", "lower", "off", "anywhere", "somewhere")
           or is_unit_token(attach) or (attach.pos_ == "ADJ" and attach.dep_ in ("acomp", "advmod", "oprd"))
           or (attach.lower_ in ("from", "to") and attach.dep_ == "prep" and attach.head.lower_ == "from")) \
            and attach.head.i != attach.i:
        # "M-1 should be anywhere from down four billion dlrs to up 2.3 billion dlrs": "to" hangs on
        # "from", "from" on "anywhere"
        # "7.1 pct to 60 cts": "to 60 cts" hangs on the other figure's unit; "reserves were unchanged
        # from 284.8 mln crowns": a predicate adjective tells of its verb's subject
        from_unit = is_unit_token(attach)
        attach = attach.head
        if from_unit and attach.dep_ == "prep" and attach.lower_ in ("by", "to", "from") \
                and attach.head.pos_ in ("VERB", "AUX"):
            attach = attach.head  # "were up by 3.9 pct to 16.6 billion dlrs": past the unit's "by"
    if role == "prep" and top.head.lower_ in ("by", "to", "from") and attach.dep_ in ("acl", "relcl"):
        attach = _change_verb_above(attach)
    per = per_unit(doc, expr) if unit in CURRENCY_UNITS else None
    lemma = attach.lemma_.lower()
    if per is not None and prep in ("for", "at") and (lemma not in CHANGE_VERBS or (lemma == "be" and prep == "at")):
        # "buy the company for 30.6 dlrs a share"; "an offering ... is underway at 18.25 dlrs each" (test7)
        return f"price per {per}" if per else "price"
    if attach.pos_ in ("VERB", "AUX") and prep in ("for", "at") and unit in CURRENCY_UNITS and any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() == "sale" for g in c.children)
            for c in attach.children):
        return "price"  # "the album went on sale for $9.99", the parse hanging "for" on the verb
    if attach.pos_ in ("VERB", "AUX") and lemma in PRICING_VERBS and (
            prep == "at" or (prep == "for" and verb_object(attach, inside) is None)):
        return "price"  # "to be offered at 99-3/4", "priced at 101-3/4 pct", "is selling for 19,800 yen"
    if role == "prep" and prep == "of" and attach.tag_ == "JJS" and attach.i not in inside \
            and attach.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos") \
            and any(c.dep_ in ("amod", "poss", "det") for c in attach.lefts):  # not "most of the 25"
        return noun_phrase(attach, inside)  # a superlative used as a noun: "a personal best of 6.50m" (test8)
    if attach.pos_ in ("VERB", "AUX"):
        if attach.dep_ == "acl" and attach.lemma_.lower() in MEASURING_VERBS and nominal(attach.head):
            return noun_phrase(attach.head, inside)  # "a factory site measuring 250 acres"
        if role in ("nsubj", "nsubjpass"):  # "13 officers were killed and 353 injured"
            sibling = subject_of(attach.head) if attach.dep_ == "conj" else None
            if sibling is not None and (sibling.pos_ not in NOUN_POS or is_unit_token(sibling)):
                sibling = None  # (not "30% saw ... and 27% saw")
            # a counted noun before it in the sentence, unless the coordinated verb's subject is counted
            # too: "police detained 30 protesters and 12 were released" (not the police)
            whole = elided_whole(top, expr.start, expr.value) if unit is None else None
            if sibling is not None and (whole is None or any(c.like_num for c in sibling.children)):
                return with_event(noun_phrase(sibling, inside), attach)
            if role == "nsubjpass" and unit in CURRENCY_UNITS and lemma in VERB_MEASURES \
                    and lemma not in ("make", "take") and sibling is None and _measured_in(doc, expr) is None:
                # "only £41m had been spent" (test9): spending; not "£2bn in licence fee money is spent"
                return _verb_measure(lemma, per)
            if whole is None and unit is None and lemma == "die":
                # "the disaster in which 96 died" (test9): the dead, as the count of people killed the
                # dossier groups reports of a disaster's toll under
                return "people killed"
            if whole is None and unit is None and lemma in CASUALTY_VERBS and attach.tag_ == "VBN":
                return f"people {CASUALTY_VERBS[lemma]}"  # "Two were killed and 14 injured"
            return with_event(noun_phrase(whole, inside), attach) if whole is not None else None
        if role == "npadvmod" and unit is None and lemma in CASUALTY_VERBS and attach.dep_ == "conj" \
                and attach.tag_ == "VBN":
            # "Six people were killed and at least eight wounded": the first verb's people, wounded
            sibling = subject_of(attach.head)
            who = noun_phrase(sibling, inside) if sibling is not None and sibling.pos_ in NOUN_POS \
                and not is_unit_token(sibling) else "people"
            return f"{who} {CASUALTY_VERBS[lemma]}"
        # a change: the verb's level or extent ("rose to 12 dlrs", "shed 2.1%", "lift their offer to
        # £5m"); "by" after another verb is a margin ("beat her by 40 metres")
        # "at" after a passive verb or a verb of a session gives its subject's level: "deliveries were
        # left unchanged at 9.91 mln tonnes", "Federal funds opened at 6-3/16 pct"
        level_at = prep == "at" and ((lemma in SESSION_VERBS and attach.tag_ != "VBG")
                                     or any(c.dep_ == "nsubjpass" for c in attach.children))
        # "by" after a verb with an object is how much the object changed: "spur domestic spending by
        # 34 billion dlrs" (not "beat her by 40 metres")
        extent_of_object = prep == "by" and verb_object(attach, inside) is not None
        if lemma in CHANGE_VERBS or role == "npadvmod" or prep in ("to", "from") or level_at or extent_of_object:
            figure_object = _figure_object(attach, inside) if lemma not in CHANGE_VERBS else None
            if figure_object is not None:
                # "exported 689,038 tonnes of rice, up from 556,874 tonnes": the change is the
                # object figure's, not the subject's
                counted = _counted_noun(doc, figure_object, {figure_object.i})
                if counted is not None:
                    return _measure_of_counted(doc, counted, {figure_object.i}, None)
                return _verb_measure(lemma, per)
            obj = verb_object(attach, inside)
            if obj is not None and role in ("prep", "npadvmod"):
                # "increase the dividend to 60 cts"; "put output at 1.45 mln"; "approved an increase in
                # the dividend to 18 cts from 14 cts"
                target = pobj(obj, ("in", "of"), inside) if obj.lemma_.lower() in CHANGE_NOUNS else None
                return noun_phrase(target if target is not None else obj, inside)
            subj = subject_of(attach)
            changed = subject_phrase(doc, subj, inside) if subj is not None else None
            if changed is not None and subj is not None and unit in CURRENCY_UNITS:
                changed = priced_level(subj, changed, per)  # "Pantera's stock closed at 9.50 dlrs" (test8)
            return changed if changed is not None else _verb_measure(lemma, per)  # "sold 96,649, up 6.3 pct"
        if role == "prep" and prep == "between" and lemma == "cost":
            role = "dobj"  # "would have cost Guinness between 25 mln stg and 100 mln stg" (test9): the object
        obj = verb_object(attach, inside)
        if obj is not None and role == "prep" and top.head.lower_ in ("for", "at"):
            return noun_phrase(obj, inside)  # "acquire Supermarkets General for 1.62 billion dlrs"
        paid = role == "dobj" and unit in CURRENCY_UNITS
        # what it is for, hung on the verb or on the sum: "allocated 500 mln stg for home loans" (test6)
        paid_for = (bought(attach, inside) or purpose(top, inside)) if paid else None
        if paid_for is not None and lemma == "spend" and paid_for.dep_ == "pobj" and paid_for.head.lower_ == "on" \
                and paid_for.head.head.i == attach.i and not any(c.dep_ in ("det", "poss") for c in paid_for.children):
            # what a sum is spent on, a kind of thing, is spending: "shoppers spent £5.3bn on plastic cards"
            # (test8); a thing bought is what the sum buys: "spent A$584m on buying an 18.8% stake" (dev),
            # "spent 40 mln dlrs on a stake in a vineyard"
            return f"spending on {noun_phrase(paid_for, inside)}"
        if paid_for is not None:
            return noun_phrase(paid_for, inside)  # "spent A$584m on buying an 18.8% stake"
        # not "selling 20 pct of it"; ccomp: "made 11 cts a share" is often parsed so
        partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in top.children)
        if role == "dobj" and unit == "percent" and lemma in STAKE_VERBS and not partitive:
            return "stake"  # "Pacific Telesis and Merrill Lynch jointly hold 13 pct", "owned 80 pct by Standard"
        if role == "dobj" and unit is None and lemma in CASUALTY_VERBS:
            return casualties(attach, inside)
        takings = lemma not in BOX_OFFICE_VERBS or (unit in CURRENCY_UNITS and attach.dep_ not in ("acl", "amod"))
        if role in ("dobj", "ccomp") and lemma in VERB_MEASURES and not partitive and takings:
            return _verb_measure(lemma, per)  # "it sold 96,649", "the offer yields 5.94 pct"
        if paid and (lemma == "repay" or (lemma == "pay" and any(c.lower_ == "back" for c in attach.children))):
            return "repayment"  # "has since paid the £180 back" (test8)
        if role == "dobj" and unit in AREA_UNITS and lemma in AREA_VERBS:
            return f"area {AREA_VERBS[lemma]}"  # "burning an estimated 4,000 hectares"
        subj = subject_of(attach) if role in ("dobj", "attr") else None
        if subj is not None and subj.pos_ == "NOUN" and subj.i not in inside and not is_forecaster(subj) \
                and subj.lemma_.lower() not in AGENT_NOUNS and subj.lower_ not in AGENT_NOUNS:
            if lemma == "cost" and unit in CURRENCY_UNITS:
                return f"cost of {noun_phrase(subj, inside)}"  # "next generation games will cost $10-25m"
            return noun_phrase(subj, inside)  # "management pays 1/4 pct"; not "the US firm agreed to pay $2bn"
        lemma = attach.lemma_.lower()
        if paid and lemma not in LIGHT_VERBS and lemma not in EXPECTING_VERBS and lemma.isalpha():
            # "refund 69.7 mln dlrs to customers", "offer nine dlrs a share"; a sum paid is a payment
            # a sum received is a payment too: "said it received 19.8 mln dlrs in cash" (test8)
            return "payment" if lemma in ("pay", "receive") else lemma
        return None
    if attach.pos_ in NOUN_POS and attach.i not in inside and attach.lemma_.lower() not in TIME_NOUNS \
            and not attach.text[:1].isdigit() and not is_unit_token(attach):
        # not the other figure of a conversion: "$427bn (£230bn)", "3.35m Euros (£2.31m)"
        if attach.lower_ in CLASSIFIER_NOUNS:  # "totalled 651,253 units, up 0.4 pct": what the units are
            return _measure_of_bare(doc, attach, inside | {attach.i}, expr)
        if role == "prep" and prep in ("for", "at") and unit in CURRENCY_UNITS and attach.lemma_.lower() == "sale" \
                and attach.head.lower_ == "on":
            return "price"  # "the single is now on sale for 79p" (test8)
        if role == "prep" and prep == "at" and unit in CURRENCY_UNITS and attach.pos_ == "PROPN":
            # a tender line's seller or a month of delivery "at" a sum: "- Cargill 10,000 tonnes ... at
            # 120.88 dlrs FOB Gulf" (test5), "June/July at 4,400 dlrs"; a common noun keeps its own
            # ("revenues ... at 88 mln dlrs", "the deficit, up 30.5% at $162bn")
            return f"price per {per}" if per else "price"
        if attach.lemma_.lower() in CHANGE_NOUNS:  # "an increase in gas prices from 60 to 120 tenge"
            target = pobj(attach, ("in", "of"), inside)
            if target is None:
                # "volume growth of 80 pct"; "a loss of $387m" is a loss, but "an increase of 62,000
                # units" does not say what increased
                named = attach.lemma_.lower() in AMOUNT_CHANGE_NOUNS or bool(left_modifiers(attach, inside))
                return noun_phrase(attach, inside) if named else changed_with(doc, attach, inside)
            return noun_phrase(target, inside)
        if role == "prep" and prep == "of" and attach.lemma_.lower() in LEVEL_NOUNS:
            owner = level_owner(attach, inside)
            if owner is not None:
                return owner  # "earnings have exceeded the previous all-time high of 4.42 dlrs"
        area_of = attach.head if attach.lower_ == "area" and attach.dep_ in ("dobj", "obj") else None
        if role == "prep" and prep == "of" and area_of is not None and area_of.lemma_.lower() in AREA_VERBS:
            return f"area {AREA_VERBS[area_of.lemma_.lower()]}"  # "It burned an area of 10,500 hectares"
        if role == "prep" and prep == "of" and attach.dep_ in ("dobj", "obj") \
                and attach.head.lemma_.lower() in EXPECTING_VERBS:
            return f"{noun_phrase(attach, inside)} forecast"  # "The RBI now expects inflation of 2%"
        if role in ("prep", "appos", "npadvmod"):  # "assets of 1.28 billion dlrs"
            return noun_phrase(attach, inside)
    return None


def _is_when(tok: Token) -> bool:
    """A year, a month or a span of time ("1986", "February", "the year", "the quarter") that a time
    phrase names (four digits of a modern year)."""
    return (tok.ent_type_ == "DATE" and (tok.like_num or tok.lower_ in MONTHS)) \
        or (len(tok.text) == 4 and tok.text.isdigit() and MODERN_YEARS[0] <= int(tok.text) <= MODERN_YEARS[1]) \
        or tok.lemma_.lower() in TIME_NOUNS


def _figure_object(verb: Token, inside: set[int]) -> Token | None:
    """A verb's direct object that is another number or unit ("exported 689,038 tonnes")."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i not in inside
                 and (c.like_num or is_unit_token(c))), None)


def _verb_measure(lemma: str, per: str | None) -> str | None:
    """The quantity a verb's number object is ("sold" -> "sales"), per unit ("earnings per share")."""
    base = VERB_MEASURES.get(lemma)
    return f"{base} per {per}" if base is not None and per else base


def _change_verb_above(verb: Token) -> Token:
    """The change verb a participle's noun depends on, else the participle: in "lowered the price for
    lead metal sold in Canada by 1/2 cts", "by 1/2 cts" is attached to "sold" but tells how much the
    price was lowered."""
    if verb.lemma_.lower() in CHANGE_VERBS:
        return verb
    tok = verb.head
    for _ in range(4):  # metal <- for <- price <- lowered
        if tok.pos_ in ("VERB", "AUX"):
            return tok if tok.lemma_.lower() in CHANGE_VERBS else verb
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return verb

