"""Speakers: who a quote's attribution names, resolved to a named mention of the article.

A name is its own referent; a pronoun ("he", "she") goes to the nearest compatible person named
before it, unless a person quoted unnamed ("a Brightline engineer said") stands between them in
the sentence before; "it" to the organization quoted in this sentence or the one before, when no
other organization was named since; a role noun ("the Russian diplomat", "the foreign ministry
spokeswoman") to the nearest person printed with a matching title. Anything else stays unresolved:
never guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.annotate.nlp import doc_text, sentence_start
from newsweave.annotate.quote_marks import QuotedRegion, find_quoted_regions
from newsweave.annotate.speech_cues import EVIDENCE_NOUNS
from newsweave.dossier.names import given_name_gender
from newsweave.model import Mention, Span

__all__ = ["INDEFINITE", "ORG_KINDS", "ORG_WORDS", "ROLE_TITLES", "ROLE_WORDS", "SpeakerResolver"]


_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_GENDERED = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
             "herself": "f"}
# Role nouns that name a person by office, and the title words they may stand for. Written from
# the seeds' and PolNeAR train's role-noun sources ("the diplomat", "the spokeswoman", "the
# deputy", "the secretary general"); a role noun whose head is missing here must match the title
# word itself ("the president" -> "President of Kazakhstan, Kassym-Jomart Tokayev").
ROLE_TITLES: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"ambassador", "diplomat", "envoy", "minister", "spokeswoman",
                           "spokesman", "representative", "consul"}),
    "spokeswoman": frozenset({"spokeswoman", "spokesperson", "spokesman", "representative", "secretary"}),
    "spokesman": frozenset({"spokeswoman", "spokesperson", "spokesman", "representative", "secretary"}),
    "deputy": frozenset({"deputy", "chairman", "lawmaker", "duma", "mp", "senator", "congressman"}),
    "lawmaker": frozenset({"deputy", "chairman", "lawmaker", "mp", "senator", "congressman",
                           "congresswoman", "representative", "rep."}),
    "envoy": frozenset({"ambassador", "envoy", "diplomat"}),
    "candidate": frozenset({"candidate", "nominee"}),
    "nominee": frozenset({"candidate", "nominee"}),
}
ROLE_WORDS = frozenset({"president", "minister", "ambassador", "secretary", "spokesman",
                         "spokeswoman", "representative", "chairman", "senator", "governor",
                         "general", "leader", "diplomat", "deputy", "director", "envoy", "mayor",
                         # local offices before a name NER calls an organization: "Sleman district head Dwi
                         # Santoso Hadi" (a made-up eruption story), "District Collector Ananya Bhardwaj"
                         "head", "chief", "commissioner", "administrator", "regent", "magistrate", "collector"})
ORG_WORDS = frozenset({"ministry", "committee", "council", "department", "house", "organization",
                        "party", "union", "agency", "office", "forces", "bank", "court", "news",
                        "times", "post", "channel", "government", "administration", "service"})
# Nouns of an organization's kind that never name one person: "the company said" is not its chief executive named
# before (Reuters: Benson Seizer, Edd Snyder); and nouns that do so only with the word before them: "according to the
# coast guard" is not its spokesman (a made-up oil spill story), but "the guard said" may be security guard John Obi.
ORG_KINDS = ORG_WORDS | frozenset({"company", "firm", "authority", "commission", "embassy", "army", "navy"})
_COMPOUND_ORG_KINDS = frozenset({"guard", "brigade", "corps", "service"})
_FEMALE_CUES = frozenset({"spokeswoman", "ms.", "mrs.", "ms", "mrs", "woman", "congresswoman", "she"})
INDEFINITE = frozenset({"a", "an", "one", "another"})
_MALE_NOUNS = frozenset({"spokesman", "man", "congressman", "chairman", "father", "husband", "son", "brother",
                         "boy", "businessman", "policeman", "fireman"})


# Dependencies that make a name a qualifier of the speaker phrase's head, not the speaker.
_QUALIFIER_DEPS = frozenset({"poss", "pobj", "prep", "compound", "nmod"})


class SpeakerResolver:
    """Resolves a speaker phrase to the named mention of the article it refers to.

    Holds the article's person-like mentions (outside quotations) and the title words printed
    next to each ("Russian Ambassador to US Anatoly Antonov"), computed once per article.
    """

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        quoted = find_quoted_regions(self.text)
        self.named = [m for m in mentions if m.label in ("PERSON", "ORG")]
        self.titles = {(m.start, m.end): self._title_words(m) for m in self.named}
        self.persons = [m for m in self.named if self._person_like(m)
                        and not any(r.start <= m.start < r.end for r in quoted)]
        self.persons = sorted([*self.persons, *self._surnames_alone(quoted)], key=lambda m: m.start)
        self.female: set[str] = set()
        self.male: set[str] = set()
        # where a quote was attributed to a person left unnamed ("A Brightline engineer said ..."),
        # and the gender its noun gives ("m", "f" or None), in text order
        self.unnamed: list[tuple[int, str | None]] = []
        self.orgs = {(m.start, m.end) for m in self.named if m.label == "ORG"}
        self.last_org: Span | None = None  # the organization last resolved as a speaker, for a later "it said"
        self._vote_genders()

    def _vote_genders(self) -> None:
        """Learn each person's gender from the article's own pronouns.

        A gendered pronoun votes for the nearest person named before it in its own sentence
        ("Zakharova wrote on her channel", "Blinken said he ..."); a pronoun whose sentence names
        nobody does not vote, since it is what the resolver has to decide. A surname gets the
        gender most of its votes give.
        """
        votes: dict[str, list[int]] = {}
        persons = [m for m in self.persons if m.label == "PERSON" or len(m.text.split()) > 1]
        starts = [m.start for m in persons]
        strings = self.doc.vocab.strings
        gendered = {strings[word]: g for word, g in _GENDERED.items()}  # the ids, the vocabulary unchanged
        lowers = self.doc.to_array("LOWER").tolist()  # no Token object per word: most are no pronoun
        for i in (i for i, lower in enumerate(lowers) if lower in gendered):
            tok, g = self.doc[i], gendered[lowers[i]]
            k = bisect.bisect_left(starts, tok.idx) - 1
            if k < 0 or persons[k].start < sentence_start(self.doc, tok.idx):
                continue
            votes.setdefault(persons[k].text.split()[-1], [0, 0])[g == "f"] += 1
        for name, (m_votes, f_votes) in votes.items():
            if f_votes > m_votes:
                self.female.add(name)
            elif m_votes > f_votes:
                self.male.add(name)

    def _surnames_alone(self, quoted: Sequence[QuotedRegion]) -> list[Mention]:
        """The surname of a person the article names in full, written alone as a subject where NER saw no
        entity: "José Antonio Quispe" ... "Quispe, who appeared by video link, spoke only briefly" (a made-up
        bribery story, where the next "he said" had gone to his lawyer named before). Not a name NER labels
        otherwise: "Ford declined to provide guidance" (ORG) is the company, though "Bill Ford" spoke."""
        surnames = {m.text.split()[-1] for m in self.named if m.label == "PERSON" and len(m.text.split()) >= 2}
        surnames = {s for s in surnames if len(s) > 2 and s[:1].isupper()}
        if not surnames:
            return []
        out = []
        for tok in self.doc:
            if tok.text not in surnames or tok.pos_ != "PROPN" or tok.ent_type_ or \
                    tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            lo, hi = tok.idx, tok.idx + len(tok)
            if any(r.start <= lo < r.end for r in quoted):
                continue
            if any(0 <= j < len(self.doc) and self.doc[j].pos_ == "PROPN" for j in (tok.i - 1, tok.i + 1)):
                continue  # part of a longer name ("Quispe Mamani"): not the surname alone
            out.append(Mention(lo, hi, tok.text, "PERSON"))
            self.titles[(lo, hi)] = set()
        return out

    def _person_like(self, m: Mention) -> bool:
        """PERSON, or an ORG that the small model mislabels but a role title precedes."""
        if m.label == "PERSON":
            return True
        words = m.text.split()
        before = self.text[max(0, m.start - 30):m.start].lower().split()[-3:]
        if words and words[0].lower() == "the":
            words = words[1:]
        return (len(words) >= 2 and not any(w.lower() in ORG_WORDS for w in words)
                and all(w[:1].isupper() for w in words)
                and bool(set(before) & ROLE_WORDS))

    def remember(self, ref: Span, pronoun: str | None) -> None:
        """Record a resolved speaker as an antecedent for later pronouns and role nouns."""
        if (ref.start, ref.end) in self.orgs:
            self.last_org = ref
        m = Mention(ref.start, ref.end, ref.text, "PERSON")
        if (m.start, m.end) not in self.titles:
            self.titles[(m.start, m.end)] = self._title_words(m)
        if not any((p.start, p.end) == (m.start, m.end) for p in self.persons):
            self.persons = sorted([*self.persons, m], key=lambda x: x.start)
        if pronoun in ("she", "her"):
            self.female.add(ref.text.split()[-1])

    def _title_words(self, m: Mention) -> set[str]:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return set()
        sent, words = span[0].sent, set[str]()
        for t in reversed(self.doc[sent.start:span.start]):
            if t.pos_ in ("VERB", "AUX") or len(words) > 10 or t.dep_ == "cc" or t.text in ",;":
                break  # the title of this name only, not of the one before "and"
            words.add(t.lower_)
        after = self.doc[span.end:sent.end]
        if len(after) and after[0].text == ",":
            for t in after[1:12]:
                if t.text == "," or t.pos_ in ("VERB", "AUX"):
                    break
                words.add(t.lower_)
        return words

    def resolve(self, speaker: SpacySpan) -> Span | None:
        """The named mention ``speaker`` refers to, or None when it cannot be told safely.

        Args:
            speaker: the speaker phrase in the parsed article.

        Returns:
            A name inside the phrase; for a pronoun, the nearest person named before it; for a
            role noun, the nearest person printed with that role; for a bare proper name, the
            phrase itself; else None.
        """
        text, lo, hi = self.text, speaker.start_char, speaker.end_char
        root = speaker.root
        inside = [m for m in self.named if lo <= m.start and m.end <= hi]
        best = next((m for m in inside if m.start <= root.idx < m.end), None) or \
            next((m for m in inside if self._person_like(m) and not self._modifies(m, root)), None) or \
            self._titled_person(speaker, inside)
        if best is None and root.lower_ in ORG_KINDS:
            # an organization named by its kind ("the EU's Copernicus emergency service"): the name
            # compounded on the head is the speaker, or set beside it ("The financial prosecutor's
            # office (PNF)"); a possessor is not ("the EU's")
            best = next((m for m in inside if m.label == "ORG" and self._compound_on(m, root)), None) or \
                next((m for m in inside if m.label == "ORG" and self._apposed_to(m, root)), None)
        if best is None and root.lemma_.lower() in EVIDENCE_NOUNS:
            best = next((m for m in inside if self._made_by(m, root)), None)  # "A poll by Ifop"
        if best is not None:
            return Span.of(text, best.start, best.end)
        if root.lower_ in _PRONOUNS:
            return self._pronoun(root.lower_, lo)
        if root.lower_ == "it" and len(speaker) == 1:
            return self._it(lo)
        if root.lower_ in ("who", "which", "that") and root.head.dep_ == "relcl" and root.head.head.i < root.i:
            # "The prime minister, who has defended the measures, ...": who the relative clause is of
            noun = root.head.head
            # "which" of a name: "the Fiscalía Nacional Anticorrupción (FNA), which accuses Quispe" (a made-up
            # bribery story); not of a thing ("a children's book which tells the story")
            kinds = ("PROPN",) if root.lower_ == "which" else ("NOUN", "PROPN")
            toks = [t for t in noun.subtree if t.i < root.i and not (t.is_punct and t.i == root.i - 1)]
            return self.resolve(self.doc[toks[0].i:toks[-1].i + 1]) if toks and noun.pos_ in kinds else None
        if root.pos_ == "PROPN":
            name = [t for t in speaker if t.pos_ == "PROPN" and t.i <= root.i]
            k = len(name) - 1
            while k > 0 and name[k - 1].i == name[k].i - 1:
                k -= 1
            return Span.of(text, name[k].idx, root.idx + len(root))
        if root.pos_ == "NOUN" and (root.tag_ == "NNS" or any(c.dep_ == "nummod" and c.lower_ not in ("one", "1")
                                                              for c in root.children)):
            return None  # several people ("two employees", "witnesses"), never one named person
        if root.pos_ == "NOUN":
            found = self._role(_role_titles(root), _nationalities(speaker), lo)
            org_kind = root.lower_ in ORG_KINDS or (root.lower_ in _COMPOUND_ORG_KINDS
                                                    and any(c.dep_ == "compound" for c in root.children))
            if found is not None and org_kind and any(
                    m.label == "PERSON" and (m.start, m.end) == (found.start, found.end) for m in self.named):
                # an organization named by its kind is no person with that word in a title: "according to the coast
                # guard" is not its spokesman named before (a made-up oil spill story)
                found = None
            # an indefinite description brings in someone new ("A Brightline engineer said"); a
            # definite one mostly names again a person named before ("the Republican nominee said ...
            # He said": Trump), so it does not count. ``_pronoun`` heeds it only from the sentence
            # before the pronoun, in its paragraph. On PolNeAR's 216 articles, counting definite ones
            # anywhere before left 22 pronouns unresolved (12 had been resolved right, 10 wrong);
            # indefinite ones anywhere before, 6 (all 6 had been right); as written, none.
            if found is None and root.tag_ == "NN" and root.lower_ not in ORG_WORDS \
                    and root.lemma_.lower() not in EVIDENCE_NOUNS and speaker[0].lower_ in INDEFINITE:
                gender = "f" if root.lower_ in _FEMALE_CUES else "m" if root.lower_ in _MALE_NOUNS else None
                self.unnamed.append((lo, gender))  # a later "she said" may be this person
            return found
        return None

    def _titled_person(self, speaker: SpacySpan, inside: list[Mention]) -> Mention | None:
        """The person that ends a speaker phrase of proper-noun title words, which the parse hung on a
        preposition of the title: "Special Agent in Charge Robert Dunleavy" (a made-up ransomware story,
        where "Special Agent" had spoken)."""
        last = next((m for m in reversed(inside) if m.label == "PERSON" and m.end == speaker.end_char), None)
        if last is None:
            return None
        title = [t for t in speaker if t.idx < last.start]
        return last if title and all(t.pos_ == "PROPN" or t.lower_ in ("of", "in", "for", "and") for t in title) \
            and title[0].pos_ == "PROPN" else None

    def _name_root(self, m: Mention) -> Token | None:
        """The syntactic root of a named mention, or None when its offsets fall inside no tokens."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _modifies(self, m: Mention, root: Token) -> bool:
        """Whether a name inside a speaker phrase only qualifies its head: a possessor, a
        prepositional object or a compound ("Mr. de la Vega's attorney", "Victims of Juan Carlos de
        la Vega", "a Smith campaign aide"), not the speaker itself or an apposition ("attorney,
        Daniel Fishman")."""
        tok = self._name_root(m)
        while tok is not None and tok.i != root.i and tok.head.i != tok.i:
            if tok.dep_ in _QUALIFIER_DEPS:
                return True
            tok = tok.head
        return False

    def _compound_on(self, m: Mention, root: Token) -> bool:
        """Whether the name ``m`` is a compound on ``root``, directly or through another compound."""
        own = tok = self._name_root(m)
        while tok is not None and tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head
        return tok is not None and own is not None and tok.i == root.i and own.i != root.i

    def _apposed_to(self, m: Mention, root: Token) -> bool:
        """Whether the name ``m`` is an apposition of ``root``: "office (PNF)", "the agency, NASA,"."""
        tok = self._name_root(m)
        return tok is not None and tok.dep_ == "appos" and tok.head.i == root.i

    def _made_by(self, m: Mention, root: Token) -> bool:
        """Whether the name ``m`` is the maker of ``root`` ("A poll by Ifop", "a study by the OECD")."""
        tok = self._name_root(m)
        return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == root.i

    def _before(self, pos: int) -> list[Mention]:
        """Persons named before ``pos``, leaving out modifiers ("the Kazakh authorities")."""
        out = []
        for m in self.persons:
            if m.end > pos:
                break
            last = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if last is not None and len(last) and last[-1].dep_ in ("amod", "compound") \
                    and last[-1].head.i >= last.end:
                continue
            out.append(m)
        return out

    def _pronoun(self, pronoun: str, pos: int) -> Span | None:
        female = _PRONOUNS[pronoun] == "f"
        cands = list(reversed(self._before(pos)))
        if female:
            # "she" skips a nearer man only when a woman was named just before him.
            cands = [m for m in cands[:3] if self._is_female(m)] + cands
        for k, m in enumerate(cands):
            if (not female and self._is_female(m)) or (female and self._is_male(m)):
                continue
            if self._oblique(m) and any(self._same_sentence(o.start, m.start) for o in cands[k + 1:]):
                continue  # "Kofi, 23, a trader from Suame who was in the stand, said ... he said": Kofi
            if _TOLD_BEFORE.search(self.text, max(0, m.start - 8), m.start):
                continue  # whom a source told is no later "she" ("Collector Ananya Bhardwaj told Lokvani ... She said")
            if any(m.end <= at < pos and gender in (None, _PRONOUNS[pronoun]) and self._just_before(at, pos)
                   for at, gender in self.unnamed):
                return None  # a person quoted unnamed since ("A Brightline engineer said ... she said"): unsure
            return Span.of(self.text, m.start, m.end)
        return None

    def _it(self, pos: int) -> Span | None:
        """What "it said" refers to: the organization quoted last, when it spoke in this sentence or
        the one before, in this paragraph, and no other organization was named since ("The agency said
        27 were rescued. Half of them were under 18, it said")."""
        org = self.last_org
        if org is None or org.end > pos or not self._just_before(org.start, pos) \
                or any(org.end <= m.start < pos and m.label == "ORG" for m in self.named):
            return None
        return org

    def _oblique(self, m: Mention) -> bool:
        """Whether a name is the object of a preposition that qualifies a noun ("a trader from Suame", "a
        spokesman for Smith"): less likely what a later pronoun refers to than the person the noun is."""
        root = self._name_root(m)
        return root is not None and root.dep_ == "pobj" and root.head.dep_ == "prep" \
            and root.head.head.pos_ in ("NOUN", "PROPN")

    def _same_sentence(self, a: int, b: int) -> bool:
        return sentence_start(self.doc, a) == sentence_start(self.doc, b)

    def _just_before(self, at: int, pos: int) -> bool:
        """Whether ``at`` lies in the sentence of ``pos`` or the one before, in its paragraph."""
        return "\n" not in self.text[at:pos] and at >= sentence_start(self.doc, sentence_start(self.doc, pos) - 1)

    def _is_female(self, m: Mention) -> bool:
        named = self._named_as(m)
        return bool(self.titles[(m.start, m.end)] & _FEMALE_CUES) or named == "f" \
            or (named is None and m.text.split()[-1] in self.female)

    def _is_male(self, m: Mention) -> bool:
        named = self._named_as(m)
        return named == "m" or (named is None and m.text.split()[-1] in self.male)

    def _named_as(self, m: Mention) -> str | None:
        """The gender a person's given name tells ("Marcela Ibáñez", "Diego Maldonado"); None for a surname
        alone, a name most bearers of which are of either sex, or an organization. It comes before the votes
        of the article's pronouns, which go to a surname that a family shares ("Ozzy" and "Sharon Osbourne")."""
        words = m.text.split()
        return given_name_gender(words[0]) if m.label == "PERSON" and len(words) >= 2 else None

    def _role(self, wanted: frozenset[str], nations: list[str], pos: int) -> Span | None:
        for m in reversed(self._before(pos)):
            titles = self.titles[(m.start, m.end)]
            if titles & wanted and all(_nation_matches(n, titles) for n in nations):
                return Span.of(self.text, m.start, m.end)
        return None


# Periphrases for an office ("the head of American diplomacy" is the secretary of state or the
# foreign minister): the noun after "head/chief of" -> the title words it stands for.
ROLE_OF: dict[str, frozenset[str]] = {
    "diplomacy": frozenset({"secretary", "minister", "diplomat"}),
    "ministry": frozenset({"minister", "secretary"}),
    "department": frozenset({"secretary", "minister"}),
    "government": frozenset({"prime", "premier", "chancellor", "president"}),
    "state": frozenset({"president", "governor", "leader"}),
    "delegation": frozenset({"ambassador", "envoy", "representative", "chairman"}),
}
# Nationality adjectives and the title words that name the same country.
_NATION_ALIASES: dict[str, frozenset[str]] = {
    "american": frozenset({"us", "u.s.", "american", "america", "united", "washington"}),
    "british": frozenset({"uk", "british", "britain", "london"}),
}


_TOLD_BEFORE = re.compile(r"\btold\s+$")


def _role_titles(root: Token) -> frozenset[str]:
    """The title words a role noun may stand for ("the Russian diplomat" -> ambassador, envoy, ...)."""
    head = root.lemma_.lower()
    if head in ("head", "chief", "leader"):
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.lemma_.lower() in ROLE_OF:
            return ROLE_OF[obj.lemma_.lower()]
    return ROLE_TITLES.get(head, frozenset({head}))


def _nationalities(speaker: SpacySpan) -> list[str]:
    """Nationality adjectives of a role phrase ("the Russian diplomat" -> ["russian"])."""
    return [t.lower_ for t in speaker if t.dep_ in ("amod", "compound") and t.pos_ in ("ADJ", "PROPN")
            and t.text[:1].isupper() and t.ent_type_ in ("NORP", "GPE")]


def _nation_matches(nation: str, titles: set[str]) -> bool:
    """Whether a person's title words agree with a nationality ("russian" ~ "Russian Ambassador")."""
    return bool(titles & _NATION_ALIASES.get(nation, frozenset())) or any(
        w[:5] == nation[:5] for w in titles if len(w) >= 4)
