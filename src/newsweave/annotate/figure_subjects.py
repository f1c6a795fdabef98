"""Who or what a figure's verb is about: the subject of a change ("the toll rose to 50"), with "their
number" resolved to the previous sentence, the object of a verb, the verb that tells what happened to
a counted noun ("people detained"), and the noun before a verb the parse left without a subject.
Read by ``figure_measures``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsweave.annotate.figure_cues import (
    CASUALTY_STATES,
    CASUALTY_VERBS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    EVENT_NOUNS,
    EVENT_SUFFIXES,
    FORECAST_VERBS,
    FORECASTERS,
    GAINING_VERBS,
    LIGHT_VERBS,
)
from newsweave.annotate.figure_lexicon import IRREGULAR_PARTICIPLES, TIME_NOUNS, WORD_NUMBERS
from newsweave.annotate.figure_phrases import NOUN_POS, is_unit_token, left_modifiers, noun_phrase, pobj

__all__ = ["casualties", "elided_whole", "governing_verb", "governing_verb_acl", "is_event_noun", "is_forecaster",
           "subject_of", "subject_phrase", "verb_object", "with_event"]


def verb_object(verb: Token, inside: set[int]) -> Token | None:
    """The noun direct object of a verb that is not a number, unit, date or time."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and child.pos_ in NOUN_POS and child.i not in inside \
                and not is_unit_token(child) and child.lemma_.lower() not in TIME_NOUNS \
                and child.ent_type_ not in ("DATE", "TIME"):
            return child
    return None


def _dateline_word(tok: Token) -> bool:
    """A word in capitals that opens a line: a wire dateline's place ("ASHGROVE, Missouri - ")."""
    doc = tok.doc
    return tok.is_upper and len(tok) > 1 and (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws) \
        and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # not a wire dateline's place that the parse also makes a subject ("ASHGROVE, Missouri - The
        # death toll ... rose to seven")
        child = next((c for c in subjects if not _dateline_word(c)), subjects[0])
        if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ in NOUN_POS:
            return verb.head  # "the trade imbalance, which amounted to 51.48 billion dlrs"
        return child
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i != verb.i:
        # "with total orders, excluding defense, falling a record 9.9 pct, economists agreed": the noun
        # of "with" is the gerund's subject, not the main clause's
        with_ = next((c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i
                      and (c.is_sent_start or c.doc[c.i - 1].is_punct)), None)  # not "filed it with the SEC"
        noun = next((c for c in with_.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if with_ else None
        if noun is not None:
            return noun
    before = verb.doc[verb.i - 2] if verb.i >= 2 and verb.doc[verb.i - 1].text == "," else None
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and before is not None and before.pos_ == "NOUN" \
            and before.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and not is_unit_token(before):
        return before  # "its foreign debt, estimated at more than eight billion dlrs" (test9), parsed as an advcl
    if verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
        # "expects earnings to increase 15 pct": the raised object is what changes
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in NOUN_POS), None)
        if obj is not None:
            return obj
        relative = next((c for c in verb.head.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP")), None)
        if relative is not None and verb.head.dep_ == "relcl" and verb.head.head.pos_ in NOUN_POS:
            return verb.head.head  # "growth, which it forecast to be around 6.5%" (test8): the relative's noun
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
        # "rates rose two basis points to close at 5.55 pct"; "the market is likely to grow by 40%":
        # the predicate adjective's verb holds the subject
        return subject_of(verb.head)
    if verb.dep_ in ("acl", "relcl", "amod") and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in NOUN_POS \
            and not is_unit_token(verb.head) and verb.head.i not in {t.i for t in verb.subtree}:
        # "<Marconi SA>, owned 80 pct by Standard", "Virgin Blue, which is 25% owned by", "its 50 pct
        # owned unit": the participle's noun
        return verb.head
    return _noun_before(verb)


def _noun_before(verb: Token) -> Token | None:
    """The noun right before a finite verb the parse gave no subject, which the parse hung elsewhere:
    "Following the comments by Adnan Shihab-Eldin, US light crude fell 32 cents" (test4: "crude" taken
    for an apposition of the name). English puts the subject there."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "ccomp", "conj") or verb.i == 0:
        return None
    if any(c.dep_ in ("expl", "csubj") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    # past a time phrase: "it said wheat stocks at the end of 1986 were 390,000 tonnes"
    k = verb.i - 1
    while k > 0 and (verb.doc[k].ent_type_ in ("DATE", "TIME") or verb.doc[k].lower_ in ("at", "in", "on")) \
            and verb.i - k <= 6:
        k -= 1
    if k < verb.i - 1 and verb.doc[k + 1].tag_ == "IN":
        before = verb.doc[k]
    if before.pos_ != "NOUN" or before.dep_ not in ("appos", "conj", "pobj", "dobj") or is_unit_token(before) \
            or before.lemma_.lower() in TIME_NOUNS or before.ent_type_ in ("DATE", "TIME"):
        return None
    owner = before.head.head if before.dep_ == "pobj" and before.head.lower_ == "of" else None
    if owner is not None and owner.pos_ == "NOUN" and not is_unit_token(owner):
        return owner  # "imports of agricultural products dropped 13.1 pct": the imports
    return before


def governing_verb(noun: Token) -> Token | None:
    """The verb that says what happened to a counted noun ("detained", "killed", "ransacked")."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child
    if noun.dep_ == "conj":
        return governing_verb(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among") and noun.head.head.pos_ in NOUN_POS:
        # a part of the whole: "Five people, including two firefighters, were treated"
        return governing_verb(noun.head.head)
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOUN_POS:
        owner = noun.head.head  # "the offices of five TV channels" were ransacked
        if is_event_noun(owner):
            return None  # "completed an offering of 550,000 shares": the offering was completed
        if owner.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and owner.head.pos_ == "VERB":
            return owner.head
    return None


def is_event_noun(tok: Token) -> bool:
    low = tok.lower_
    return (tok.lemma_.lower() in EVENT_NOUNS or low in EVENT_NOUNS or tok.lemma_.lower() in CHANGE_NOUNS
            or (len(low) > 5 and low.endswith(EVENT_SUFFIXES)))


def subject_phrase(doc: Doc, subj: Token, inside: set[int]) -> str | None:
    """The subject of a change, with "their number" and "the number of X" resolved."""
    if is_forecaster(subj):
        return None
    if subj.lemma_.lower() == "number":
        target = pobj(subj, ("of",))
        if target is not None:  # the participle may hang on "number": "The number of people killed rose"
            return with_event(noun_phrase(target, inside), governing_verb_acl(target) or governing_verb_acl(subj))
        if any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in subj.children):
            return _antecedent(doc, subj, inside)
        return noun_phrase(subj, inside) if left_modifiers(subj, inside) else None  # "hog numbers"
    if subj.pos_ not in NOUN_POS and not (subj.tag_ == "VBG" and subj.dep_ in ("nsubj", "nsubjpass")):
        return None  # a gerund is a noun: "spending on health will rise by 9.4%"
    # coordinated subjects change together: "barrows and gilts rose 1.75 dlr"
    # (a plain noun right before "and", not a name or a unit: not "net sales of soybean cake and meal")
    partners = [c for c in subj.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i not in inside
                and not is_unit_token(c)]
    if partners and subj.pos_ == "NOUN" and not is_unit_token(subj) and subj.i + 1 < len(doc) \
            and doc[subj.i + 1].lower_ == "and" and doc[subj.i + 1].head.i == subj.i:
        return " and ".join(noun_phrase(t, inside) for t in (subj, *partners))
    return noun_phrase(subj, inside)


def is_forecaster(subj: Token) -> bool:
    """People who expect or estimate a figure ("analysts had expected 34 cents"): who says it, never
    what it measures; as the subject of another verb they may be counted ("registered investors rose
    to 12,000")."""
    return (subj.lemma_.lower() in FORECASTERS or subj.lower_ in FORECASTERS) \
        and subj.head.lemma_.lower() in FORECAST_VERBS


def governing_verb_acl(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)


def _antecedent(doc: Doc, anaphor: Token, inside: set[int]) -> str | None:
    """What "their number" refers to: a plural noun of the previous sentence, preferring one that a
    participle describes ("the security forces killed during the protests")."""
    sent = anaphor.sent
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    plurals = [t for t in previous if t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in TIME_NOUNS]
    described = [t for t in plurals if governing_verb_acl(t) is not None]
    if not plurals:
        return None
    noun = (described or plurals)[0]
    return with_event(noun_phrase(noun, inside), governing_verb_acl(noun))


def with_event(phrase: str, verb: Token | None) -> str:
    """``phrase`` followed by what happened to it ("people detained"), when a past-tense or
    participle verb says so; plans and wishes ("seeking", "will support") are left out."""
    said = _said_to_have(verb) if verb is not None else None
    verb = said or verb
    state = _state_of(verb) if verb is not None else None
    if state is not None:
        return f"{phrase} {state}"  # "9 people were missing", "four remain missing", "are still missing"
    if verb is not None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp") \
            and verb.lemma_.lower() in CASUALTY_VERBS:
        # "a quake struck, killing 14 people": the participle of an event that happened to its object
        return f"{phrase} {CASUALTY_VERBS[verb.lemma_.lower()]}"
    if verb is not None and verb.lemma_.lower() == "employ" and verb.tag_ in ("VBZ", "VBP", "VBD", "VBN"):
        return f"{phrase} employed"  # a lasting state in any tense: "which employs about 1,100 people" (a made-up
        # mine story, where they had been compared with the 36 people underground)
    if verb is None or verb.tag_ not in ("VBN", "VBD") or _hearsay(verb, OPINION_VERBS):
        return phrase  # what is said of them is no event: "40 people were believed to be inside"
    if not verb.lower_.endswith("ed") and verb.lower_ not in IRREGULAR_PARTICIPLES:
        return phrase
    lemma = verb.lemma_.lower()
    if lemma in LIGHT_VERBS or lemma in CHANGE_VERBS or lemma in GAINING_VERBS:
        return phrase
    if verb.lower_ == "preferred" and verb.dep_ in ("acl", "amod"):
        return phrase  # the stock, not an event: "2,400 shares of 1,000 dlrs par value preferred" (test6)
    if said is None and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("TO", "MD") for c in verb.children):
        return phrase  # "terminals to be supplied", "movies that will be released": not yet happened
    if any(c.dep_ == "prt" for c in verb.children):
        # a phrasal verb's participle alone tells another event ("200,000 players signed up": test8;
        # "workers laid off"), and its particle cannot end a measure, whose last word is read as the head
        return phrase
    return f"{phrase} {verb.lower_}"


# Verbs of hearsay whose passive tells what is said of its subject: "13 people are believed to have
# drowned", "were reported to have died", "are feared dead".
# Of these, the ones that are no event of their own ("40 people were believed to be inside"), unlike
# "154 cases have been confirmed", "30 cases were reported".
HEARSAY_VERBS = frozenset({"believe", "think", "fear", "report", "say", "understand", "know", "presume",
                           "estimate"})
OPINION_VERBS = frozenset({"believe", "think", "fear", "say", "understand", "presume"})


def _hearsay(verb: Token, verbs: frozenset[str] = HEARSAY_VERBS) -> bool:
    return verb.lemma_.lower() in verbs and any(c.dep_ == "auxpass" for c in verb.children)


def _said_to_have(verb: Token) -> Token | None:
    """What a subject is said to have undergone: "drowned" in "are believed to have drowned", "killed"
    in "are thought to have been killed"; None when the verb reports no such event."""
    if not _hearsay(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBN"
                 and any(a.dep_ == "aux" and a.lemma_ == "have" for a in c.children)), None)


def _state_of(verb: Token) -> str | None:
    """The casualty state a subject is said to be in ("were missing", "remain missing", "are still
    missing", "were dead", "are feared dead"), as ``CASUALTY_STATES`` writes it; None otherwise."""
    if verb.lower_ == "missing" and (any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
                                     or verb.dep_ in ("pcomp", "acl", "advcl", "xcomp")):
        return "missing"  # "are still missing", parsed as a progressive verb; "searching for 12 people still missing"
    if _hearsay(verb):  # "are feared dead", "are feared to be dead"
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), verb)
    elif verb.lemma_.lower() not in ("be", "remain", "stay"):
        return None
    word = next((c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.lower_ in CASUALTY_STATES), None)
    if word is None:
        return None
    other = next((c for c in word.children if c.dep_ == "conj" and c.lower_ in CASUALTY_STATES), None)
    state = CASUALTY_STATES[word.lower_]
    # "are dead or missing": both, a count other than the dead alone
    return f"{state} or {CASUALTY_STATES[other.lower_]}" if other is not None else state


def elided_whole(subject: Token, start: int, value: float) -> Token | None:
    """The plural noun a bare subject number (``value``, its expression starting at token ``start``)
    leaves out, counted by a larger number before it in its sentence: "of 11 loans approved, eight had
    been closed, two were suspended" (test8): a part of that whole."""
    doc = subject.doc
    for tok in reversed(doc[subject.sent.start:start]):
        if not tok.like_num or tok.dep_ != "nummod":
            continue
        noun = tok.head
        if noun.i < tok.i or noun.tag_ != "NNS" or is_unit_token(noun) or noun.lemma_.lower() in TIME_NOUNS \
                or noun.ent_type_:
            return None
        return noun if _plain_value(tok) > value else None
    return None


def _plain_value(tok: Token) -> float:
    """The value of a one-token number ("11", "1,200", "eleven"), 0 when it is not one."""
    text = tok.lower_.replace(",", "")
    if text in WORD_NUMBERS:
        return WORD_NUMBERS[text]
    try:
        return float(text)
    except ValueError:
        return 0.0


def casualties(verb: Token, inside: set[int]) -> str:
    """Who a verb of casualties counts when its number object names no one ("the attack, which killed
    five"): the people, or the noun of the verb it is coordinated with ("killed 250 civilians and
    wounded 1,000"), with the event."""
    event = CASUALTY_VERBS[verb.lemma_.lower()]
    partner = verb.head if verb.dep_ == "conj" else None
    noun = next((c for c in partner.children if c.dep_ == "dobj" and c.tag_ == "NNS" and not is_unit_token(c)),
                None) if partner is not None and partner.pos_ == "VERB" else None
    return f"{noun_phrase(noun, inside) if noun is not None else 'people'} {event}"
