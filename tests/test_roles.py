"""Speakers named only by their role, resolved from the titles the story's other articles give."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from newsweave.annotate.run import annotate_doc
from newsweave.dossier.build import DossierBuilder
from newsweave.dossier.roles import ROLE_LABEL, role_description
from newsweave.model import Annotations, Article

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


def _dossier(nlp: Language, texts: list[str]) -> tuple[Any, list[Annotations]]:
    items = [(Article(f"a{k}", t), annotate_doc(Article(f"a{k}", t), nlp(t))) for k, t in enumerate(texts)]
    return DossierBuilder(gazetteer=None).build("s", items)


def test_people_named_by_office_alone_are_mentions_of_their_actor(nlp: Language) -> None:
    dossier, anns = _dossier(nlp, [NAMED, "Journalists asked the defence ministry spokesman about the "
                                          "troops. The spokesman did not answer."])
    konashenkov = next(e for e in dossier.actors if e.name == "Igor Konashenkov")
    roles = [(m.text, m.entity) for m in anns[1].mentions if m.label == ROLE_LABEL]
    assert roles == [("the defence ministry spokesman", konashenkov.id)]  # "The spokesman" alone: no
    assert "defence ministry spokesman" in konashenkov.aliases
    assert konashenkov.mentions == 2


def test_office_descriptions_that_are_titles_or_fit_two_people_are_not_mentions(nlp: Language) -> None:
    other = "Defence Ministry spokesman Pavel Orlov, the defence ministry spokesman, spoke later."
    _, anns = _dossier(nlp, [NAMED, other, "The defence ministry spokesman left."])
    assert not [m for ann in anns for m in ann.mentions if m.label == ROLE_LABEL]
    _, anns = _dossier(nlp, [NAMED, "Igor Konashenkov, the defence ministry spokesman, spoke. The "
                                    "ministry's general manager did not."])
    assert not [m for ann in anns for m in ann.mentions if m.label == ROLE_LABEL]


def test_role_mentions_are_found_again_not_piled_up(nlp: Language) -> None:
    texts = [NAMED, "Journalists asked the defence ministry spokesman about the troops."]
    items = [(Article(f"a{k}", t), annotate_doc(Article(f"a{k}", t), nlp(t))) for k, t in enumerate(texts)]
    builder = DossierBuilder(gazetteer=None)
    first, anns = builder.build("s", items)
    assert [m.text for m in anns[1].mentions if m.label == ROLE_LABEL] == ["the defence ministry spokesman"]
    again, anns_again = builder.build("s", [(a, ann) for (a, _), ann in zip(items, anns, strict=True)])
    assert again.actors == first.actors
    assert anns_again == anns


def test_a_title_is_the_run_of_title_words_before_the_name(nlp: Language) -> None:
    # the official's words are not Volcker's title: "the senior bank official" stays nobody's
    named = ("The senior bank official said Federal Reserve chairman Paul Volcker would speak on Monday. "
             "Paul Volcker spoke.")
    _, anns = _dossier(nlp, [named, "Markets waited for the senior bank official to speak, and for the "
                                    "Federal Reserve chairman."])
    roles = [m.text for m in anns[1].mentions if m.label == ROLE_LABEL]
    assert roles == ["the Federal Reserve chairman"]


def test_rebuilding_the_seed_story_from_its_stored_annotations_changes_nothing(nlp: Language) -> None:
    from newsweave.api import seed_paths
    from newsweave.ingest.txt import article_from_txt

    items = []
    for path in seed_paths():
        article = article_from_txt(path.read_bytes(), article_id=path.stem, where=str(path), max_chars=10**6)
        items.append((article, annotate_doc(article, nlp(article.text))))
    builder = DossierBuilder()
    first, anns = builder.build("s", items)
    stored = {ann.article_id: ann for ann in anns}
    again, anns_again = builder.build("s", [(a, stored[a.id]) for a, _ in items])
    assert again == first
    assert anns_again == anns


def test_an_organization_named_by_a_common_noun_is_the_one_that_fits(nlp: Language) -> None:
    one = _dossier_quotes(nlp, ["The Ministry of Health said on Monday that 120 cases had been confirmed.",
                                "According to the ministry, 154 cases have been confirmed since February 28."])
    assert ("the ministry", "Ministry of Health") in one
    two = _dossier_quotes(nlp, ["The Ministry of Health said on Monday that 120 cases had been confirmed.",
                                "The Ministry of Finance said it would pay for the vaccines.",
                                "According to the ministry, 154 cases have been confirmed since February 28."])
    assert ("the ministry", None) in two  # two ministries: never guessed
