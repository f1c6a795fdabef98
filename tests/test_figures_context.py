"""Figures: measures completed from the article (annotate/figure_context.py): the goods of a bare
quantity, the headline's goods, a bare noun's fuller mention, a sum paid per unit of goods."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.annotate.figures import extract_figures


def _measures(nlp: Language, text: str, title: str | None = None) -> dict[str, str | None]:
    return {f.text: f.measure for f in extract_figures(nlp(text), title)}


@pytest.mark.parametrize(("text", "span", "measure"), [
    # a quantity of goods whose sentence names no goods, or only who traded them
    ("A total of 45,000 tonnes of feed barley was sold at the auction. Exporters sought to buy about "
     "90,000 tonnes.", "90,000 tonnes", "feed barley"),
    # goods ending in "-ed" are no event cut off the measure (not "winter", "Canadian")
    ("A total of 45,000 tonnes of winter rapeseed was sold at the auction. Exporters sought to buy about "
     "90,000 tonnes.", "90,000 tonnes", "winter rapeseed"),
    ("Egypt has bought 200,000 tonnes of U.S. wheat at its tender, exporters said. The ministry bought "
     "20,000 tonnes at 120 dlrs per tonne.", "20,000 tonnes", "U.S. wheat"),
    # a bare noun takes the compounds of its earlier mention; a verb's noun too
    ("Japan's crude steel output fell 3.2 pct in March. Output totalled 8.1 mln tonnes, against 8.4 mln "
     "a year earlier.", "8.1 mln tonnes", "crude steel output"),
    ("Malaysia's palm oil exports rose in March. It exported 350,000 tonnes, the ministry said.",
     "350,000 tonnes", "palm oil exports"),
    # a sum paid per unit of goods is a price
    ("Thirty-three dlrs a barrel is not unreasonable, he said.", "Thirty-three dlrs", "price per barrel"),
    # a sum "at" which the goods before it were traded is their price, also past a plural tagged as a verb
    ("The bidders were Texaco Trading 15,000 bpd at 15.79 dlrs and Beacon Oil Co 7,000 bpd at 15.66 dlrs.",
     "15.66 dlrs", "price"),
    ("The deal covered two 5,000 tonne cargoes for May at 210 dlrs.", "210 dlrs", "price"),
    # "of them", "of these": a counted plural before, else the plural of the previous sentence
    ("Officials counted 52 fishing boats in the harbour after the storm. Nine of them were badly damaged.",
     "Nine", "fishing boats"),
    ("Many families in the valley own a car. Almost 40,000 of these were able to buy a second one last year.",
     "40,000", "families"),
])
def test_measures_from_the_article(nlp: Language, text: str, span: str, measure: str) -> None:
    assert _measures(nlp, text)[span] == measure


@pytest.mark.parametrize(("text", "span", "measure"), [
    # its own sentence says which: "imports of sugar", not the wheat imports before
    ("China's wheat imports fell in January. Imports of sugar were 25,165 tonnes, the paper said.",
     "25,165 tonnes", "imports"),
    # an adjective describes one mention ("big races"), unlike a compound
    ("She won her last three big races. The team has run two races this year.", "two", "races"),
    ("The company said net profit rose sharply. Profit was 1.33bn rupees.", "1.33bn rupees", "profit"),
    # the price before is no goods of the weight of a flask
    ("The producers set a minimum price of 300 dlrs per flask (34.5 kilos) for mercury.", "34.5 kilos", None),
    # a sum per barrel that names the noun after it is not a price
    ("The study found a five dlr a barrel import fee would cost 3.6 billion dlrs.", "five dlr", None),
    # a plural of the same sentence may be meant, uncounted: no guess
    ("The owners can play together even if only one of them owns the game.", "one", None),
    # a noun a quantity sizes is no goods for the quantities after it
    ("OPEC agreed a 15.8 mln bpd quota. Output was running at 16.5 mln bpd.", "16.5 mln bpd", None),
])
def test_article_context_leaves_these(nlp: Language, text: str, span: str, measure: str | None) -> None:
    assert _measures(nlp, text)[span] == measure


def test_headline_names_the_goods(nlp: Language) -> None:
    """The goods a headline names: the first goods in its unit whose noun the headline has, or the
    headline's own "N TONNES OF X", written as the article writes X."""
    text = ("The corporation bought 5,000 tonnes for May shipment, traders said. It had sought 12,000 tonnes "
            "of frozen beef.")
    assert _measures(nlp, text)["5,000 tonnes"] is None
    assert _measures(nlp, text, "PAKISTAN BUYS FROZEN BEEF")["5,000 tonnes"] == "frozen beef"
    assert _measures(nlp, text, "PAKISTAN BUYS SOYBEAN OIL")["5,000 tonnes"] is None
    lead = "The authority bought three cargoes of frozen boneless beef last week. It paid 1,200 dlrs for 5,000 tonnes."
    assert _measures(nlp, lead, "EGYPT BOUGHT 20,000 TONNES OF FROZEN BEEF AT TENDER")["5,000 tonnes"] \
        == "frozen boneless beef"


def test_headline_adjective_names_a_kind(nlp: Language) -> None:
    text = "The company said net profit rose sharply. Profit was 1.33bn rupees."
    assert _measures(nlp, text, "MARUTI NET PROFIT RISES")["1.33bn rupees"] == "net profit"


def test_a_valuation_is_no_price(nlp: Language) -> None:
    text = "Some 71,070 tonnes of produce estimated at about 250 mln pesos was lost."
    assert _measures(nlp, text)["250 mln pesos"] != "price"


def test_nouns_ending_in_ed_are_no_participles() -> None:
    from newsweave.annotate.figure_lexicon import is_participle

    assert is_participle("bought") and is_participle("exported") and is_participle("guaranteed")
    assert not is_participle("rapeseed") and not is_participle("speed") and not is_participle("seabed")


def test_measures_of_a_table_without_full_stops(nlp: Language) -> None:
    # one long "sentence" of quantities (wire tables): each figure's words are found through a per-sentence
    # index (it was a scan of the sentence per figure: 1.7 s for 800 figures), with the same measures
    line = "Output of crude steel 1,200 tonnes, exports 300 tonnes, imports 150 tonnes; "
    measures = [f.measure for f in extract_figures(nlp(line * 40))]
    assert len(measures) >= 120 and measures[:3] == [f.measure for f in extract_figures(nlp(line))][:3]
