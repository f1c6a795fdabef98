"""Renderers escape untrusted article text; the summary cites spans that slice the articles."""

from __future__ import annotations

from datetime import date

from newsweave.dossier.render import to_html, to_json, to_markdown
from newsweave.dossier.summary import SummaryConfig, summarize
from newsweave.model import (
    Annotations,
    Article,
    Cite,
    CitedText,
    Dossier,
    Entity,
    QuoteGroup,
    QuoteVariant,
    Span,
    Story,
)

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> <a href="javascript:evil()">x</a>'


def _hostile_dossier() -> tuple[Dossier, dict[str, Article]]:
    text = f"Officials said {HOSTILE} on Monday."
    article = Article("a1", text, date(2024, 1, 1), title=HOSTILE, source=HOSTILE)
    cite = Cite("a1", 0, len(text))
    dossier = Dossier(
        story=Story("s-1", HOSTILE, ("a1",)),
        summary=(CitedText(text, (cite,)),),
        actors=(Entity("e1", HOSTILE, "PERSON", (HOSTILE,), 1),),
        quotes=(QuoteGroup("e1", HOSTILE, (QuoteVariant(cite, HOSTILE, HOSTILE),)),),
        timeline=(CitedText(text, (cite,), date="2024-01-01"),),
    )
    return dossier, {"a1": article}


def test_html_escapes_every_untrusted_string() -> None:
    dossier, articles = _hostile_dossier()
    page = to_html(dossier, articles)
    assert "<script>alert" not in page
    assert "<img" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_version_shows_its_cue_unless_it_only_says_the_words_were_said() -> None:
    text = "Telvia denied that any data was taken. Ribeiro said it was over."
    article = Article("a1", text, date(2025, 9, 16), source="Lisbon Daily")
    denied = QuoteVariant(Cite("a1", 14, 37), "that any data was taken", "denied")
    said = QuoteVariant(Cite("a1", 52, 63), "it was over", "said")
    dossier = Dossier(story=Story("s-1", "t", ("a1",)), summary=(), actors=(),
                      quotes=(QuoteGroup(None, "Telvia", (denied,)), QuoteGroup(None, "Ribeiro", (said,))), timeline=())
    md = to_markdown(dossier, {"a1": article})
    assert "“that any data was taken” — denied, Lisbon Daily" in md
    assert "“it was over” — Lisbon Daily" in md
    assert "— denied, Lisbon Daily" in to_html(dossier, {"a1": article})
    assert QuoteVariant.from_dict(denied.to_dict()) == denied


def test_markdown_and_json_keep_the_text() -> None:
    dossier, articles = _hostile_dossier()
    assert "Officials said" in to_markdown(dossier, articles)
    assert '"title": ' in to_json(dossier)


def _article(aid: str, sentences: list[str], day: int) -> tuple[Article, Annotations]:
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        start = text.index(s, pos)
        spans.append(Span(start, start + len(s), s))
        pos = start + len(s)
    return Article(aid, text, date(2024, 5, day)), Annotations(aid, sentences=tuple(spans))


def test_summary_prefers_what_several_outlets_report_and_cites_them() -> None:
    shared = "The river burst its banks in the town of Riverton on Monday, flooding hundreds of homes."
    shared_b = "The river burst its banks in Riverton on Monday, flooding hundreds of homes, officials said."
    items = [
        _article("a", [shared, "A local bakery gave free bread to volunteers who filled sandbags all night."], 1),
        _article("b", [shared_b, "The mayor asked residents to avoid the flooded roads near the old bridge."], 2),
        _article("c", ["Forecasters expect more rain in Riverton later this week, the weather office said."], 2),
    ]
    summary = summarize(items, SummaryConfig(max_sentences=2))
    assert len(summary) == 2
    top = next(s for s in summary if "burst its banks" in s.text)
    assert {c.article for c in top.citations} == {"a", "b"}
    texts = {a.id: a.text for a, _ in items}
    for s in summary:
        c = s.citations[0]
        assert texts[c.article][c.start:c.end] == s.text
    assert len({s.text[:20] for s in summary}) == 2  # no restatement of the same fact


def test_a_sentence_that_gives_other_numbers_supports_no_summary_sentence() -> None:
    first = "Police arrested 12 people in Riverton on Saturday and four officers were lightly injured."
    later = "Police have arrested more than 40 people in Riverton since Saturday and twelve officers were injured."
    items = [_article("a", [first], 1), _article("b", [later], 3)]
    summary = summarize(items, SummaryConfig(max_sentences=1))
    assert [[c.article for c in s.citations] for s in summary] in ([["a"]], [["b"]])


def test_a_sentence_without_the_numbers_supports_no_summary_sentence() -> None:
    rise = "Positive tests for the steroid in Riverton went up by 30% in 2024, many blamed on contaminated meat."
    vague = "Positive tests for the steroid in Riverton were often blamed on contaminated meat, officials said."
    summary = summarize([_article("a", [rise], 1), _article("b", [vague], 3)], SummaryConfig(max_sentences=1))
    assert [[c.article for c in s.citations] for s in summary] in ([["a"]], [["b"]])


def test_summary_of_nothing_is_empty() -> None:
    assert summarize([]) == ()


def test_summary_weights_are_scikit_learns_tfidf() -> None:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsweave.dossier.summary import _tfidf

    texts = ["The river burst its banks in Riverton on Monday.", "Riverton's mayor asked residents to leave.",
             "The river rose again on Tuesday, the river authority said.", "It is what it is."]
    ours = _tfidf(texts)
    assert ours is not None
    theirs = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    assert np.allclose(ours.toarray(), theirs.toarray())
    assert _tfidf(["It is what it is.", "And so on."]) is None  # stop words only


def test_summary_of_a_huge_story_weighs_lead_sentences_first() -> None:
    items = [_article(f"a{k}", [f"Lead sentence number {k} says the river burst its banks in Riverton today.",
                                f"A later sentence number {k} adds that the bakery stayed open all night."], 1 + k % 5)
             for k in range(6)]
    summary = summarize(items, SummaryConfig(max_sentences=3, max_candidates=6))
    assert summary and all(s.text.startswith("Lead sentence") for s in summary)
