"""The installed spaCy pipeline is what the README says it is, and loads offline by name."""

from __future__ import annotations

import pytest

from newsweave.annotate.nlp import load_pipeline, mentions_of, sentences_of
from newsweave.errors import ModelError

# Published metadata of en_core_web_sm 3.8.0 (explosion/spacy-models, meta/en_core_web_sm-3.8.0.json).
PUBLISHED_SM_380 = {
    "ents_f": 0.8433119744,
    "dep_las": 0.8991533598,
    "sents_f": 0.9068156724,
    "tag_acc": 0.972937262,
    "token_acc": 0.9986194413,
}


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline("en_core_web_sm")


def test_default_pipeline_matches_published_metadata(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.meta["version"] == "3.8.0"
    for key, value in PUBLISHED_SM_380.items():
        assert nlp.meta["performance"][key] == pytest.approx(value, abs=1e-9), key
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_unknown_pipeline_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("xx_no_such_pipeline")


def test_sentences_and_mentions_index_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Russian Foreign Ministry said on Friday that Maria Zakharova's remarks stood.\n\nBlinken left."
    doc = nlp(text)
    sentences = sentences_of(doc)
    assert [s.text for s in sentences][-1] == "Blinken left."
    mentions = mentions_of(doc)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert any(m.text == "Maria Zakharova" for m in mentions)  # possessive trimmed
    assert not any(m.text.lower().startswith("the ") for m in mentions)


def test_a_line_break_starts_a_sentence_and_a_dateline_is_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Greek wildfire contained after three days, government promises aid\n\n"
            "ATHENS, Aug 12 (Wire) - Firefighters contained a wildfire north of Athens on Wednesday.")
    doc = nlp(text)
    assert not [s for s in doc.sents if "\n" in s.text.strip()]  # the parser keeps the line break
    assert [s.text for s in sentences_of(doc)] == [
        "Greek wildfire contained after three days, government promises aid", "ATHENS, Aug 12 (Wire) -",
        "Firefighters contained a wildfire north of Athens on Wednesday."]


def test_a_sentence_the_parser_ends_inside_a_line_without_a_stop_joins_the_next(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Veltra brake recall widens to Europe\n\nVeltra Motors said on Wednesday its recall would also cover "
            "380,000 cars in Europe. It said so.")
    doc = nlp(text)
    assert [s.text for s in sentences_of(doc)] == [
        "Veltra brake recall widens to Europe",
        "Veltra Motors said on Wednesday its recall would also cover 380,000 cars in Europe.", "It said so."]
