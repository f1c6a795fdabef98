"""Ingest: every format, the seed contract, encodings, every kind of bad input, arbitrary bytes."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.errors import InputError
from newsweave.ingest import SUPPORTED_SUFFIXES, iter_inputs, normalize_text, read_file
from newsweave.ingest.jsonl import iter_jsonl
from newsweave.ingest.txt import article_from_txt
from newsweave.model import Article

FRENCH = ("Le ministre a déclaré à la presse : « Nous n’avons reçu aucune demande », a-t-il ajouté. "
          "Les élèves étaient présents à l’école, où le café coûte deux euros.")
RUSSIAN = ("Официальный представитель МИД России Мария Захарова заявила, что американским дипломатам "
           "следует помнить уроки истории, а не давать советы Казахстану.")
ENGLISH = "The minister said the “agreement” was reached – after talks in Almaty – on Friday."


def read_all(*paths: Path | str, max_chars: int = 1_000_000) -> tuple[list[Article], list[InputError]]:
    items = list(iter_inputs(paths, max_chars=max_chars))
    assert all(isinstance(i, Article | InputError) for i in items)
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)])


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def jsonl(*records: Any) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


# --- the seed contract ---------------------------------------------------------------------------------

@pytest.mark.gold
def test_seeds_read_exactly(corpora_dir: Path, seed_texts: dict[str, str], seeds_gold: dict[str, Any]) -> None:
    articles, errors = read_all(corpora_dir / "seeds")
    assert errors == []
    by_id = {a.id: a for a in articles}
    assert [a.id for a in articles] == sorted(seed_texts)
    for article_id, text in seed_texts.items():
        assert by_id[article_id].text == text
    for gold in seeds_gold["articles"]:
        expected = date.fromisoformat(gold["date"]) if gold["date"] else None
        assert by_id[gold["id"]].published == expected
    for quote in seeds_gold["quotes"]:
        assert by_id[quote["article"]].text[quote["start"]:quote["end"]] == quote["text"]


# --- txt -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "text", "published"), [
    (" date 2022-01-08 Body text.", "Body text.", date(2022, 1, 8)),
    (" date 2022-01-08\nBody text.", "Body text.", date(2022, 1, 8)),
    ("Body text.", "Body text.", None),
    ("date 2022-01-08 is in the text", "date 2022-01-08 is in the text", None),  # no leading space
    (" date night was fun.", "date night was fun.", None),  # not a date: not a header
    ("\n\n  Line one.\r\nLine two.\rLine three.  \n", "Line one.\nLine two.\nLine three.", None),
    ("Cafe\u0301 au lait", "Café au lait", None),  # NFC
    ("Tab\there, form\x0cfeed and a C1\x85byte", "Tab\there, form feed and a C1 byte", None),
])
def test_txt_header_and_normalization(tmp_path: Path, raw: str, text: str, published: date | None) -> None:
    (article,), _ = read_all(write(tmp_path / "story.one.txt", raw))
    assert (article.id, article.text, article.published) == ("story.one", text, published)


def test_normalization_keeps_offsets_of_control_characters() -> None:
    assert normalize_text("a\x07b\x7fc") == "a b c"


@pytest.mark.parametrize(("text", "encoding"), [
    (ENGLISH, "utf-8-sig"),
    (RUSSIAN, "utf-16"),  # Python writes a BOM
    (FRENCH, "utf-16-be"),  # written below with an explicit BOM
    (RUSSIAN, "utf-32"),
    (FRENCH, "cp1252"),
    (ENGLISH, "cp1252"),
    (RUSSIAN, "koi8-r"),
    (RUSSIAN, "cp1251"),
])
def test_txt_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (article,), errors = read_all(write(tmp_path / "a.txt", data))
    assert errors == []
    assert article.text == text


# --- bad inputs: each gives an InputError with the right `where`, the good files still come through ---

BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\r\n  ", "only whitespace"),
    ("header_only.txt", b" date 2022-01-08 ", "only whitespace"),
    ("bad_header.txt", b" date 2022-13-45 Text.", "invalid header date"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
    ("nul.txt", b"Some text\x00with a NUL byte", "NUL"),
    ("bad_utf16.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "invalid UTF-16"),
    ("controls.txt", bytes(range(1, 32)) * 10 + b"some text", "control characters"),
    ("undecodable.txt", bytes(range(1, 256)) * 20, "cannot tell the text encoding"),
    ("page.html", b"<html><head><title>x</title></head><body></body></html>", "no article text"),
    ("sitemap.xml", b'<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>',
     "not an RSS or Atom feed"),
    ("empty_feed.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
     "no entries"),
    ("nothing.jsonl", b"\n\n", "no articles"),
    ("zipped.jsonl.gz", b"not gzip data", "cannot read"),
]


def test_bad_files_are_reported_and_good_ones_read(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "A good article.")
    for name, data, _ in BAD_FILES:
        write(tmp_path / "bad" / name, data)
    write(tmp_path / "zz_good.jsonl", jsonl({"id": "j1", "text": "Also good."}))
    articles, errors = read_all(tmp_path)
    assert [a.id for a in articles] == ["good", "j1"]
    by_where = {e.where: e.reason for e in errors}
    assert len(by_where) == len(errors) == len(BAD_FILES)
    for name, _, reason in BAD_FILES:
        assert reason in by_where[str(tmp_path / "bad" / name)], name


def test_bad_jsonl_lines_have_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path / "items.jsonl", jsonl(
        {"id": "a", "text": "First.", "published": "2022-01-07"},
        '{"id": "b", "text": ',
        "",
        {"text": "No id."},
        {"id": "c", "text": 42},
        {"id": "d", "text": "Bad date.", "published": "2022-02-30"},
        {"id": "e", "text": "Bad date type.", "published": 20220107},
        ["not", "an", "object"],
        {"id": "f", "text": "   "},
        {"id": "g", "text": "Title type.", "title": ["x"]},
        '{"id": "h", "text": "Lone \\ud800 surrogate."}',
        {"id": " ", "text": "Blank id."},
        {"id": "i", "text": "Last.", "published": "2022-01-07T23:30:00-05:00", "extra": {"x": 1},
         "title": "  A\n title ", "source": "Outlet", "url": "https://x.example/i"},
    ))
    articles, errors = read_all(path)
    assert [(a.id, a.published) for a in articles] == [("a", date(2022, 1, 7)), ("i", date(2022, 1, 7))]
    assert (articles[1].title, articles[1].source, articles[1].url) == ("A title", "Outlet",
                                                                         "https://x.example/i")
    expected = {2: "malformed JSON", 4: "missing field 'id'", 5: "'text' must be a string, got a number",
                6: "invalid published date", 7: "'published' must be", 8: "expected a JSON object",
                9: "only whitespace", 10: "'title' must be a string or null", 11: "unpaired surrogate",
                12: "'id' must be printable and not blank"}
    assert {e.where: e.reason for e in errors}.keys() == {f"{path}:{n}" for n in expected}
    for error in errors:
        assert expected[int(error.where.rsplit(":", 1)[1])] in error.reason


def test_jsonl_gzip_bom_and_legacy_lines(tmp_path: Path) -> None:
    records = jsonl({"id": "fr", "text": FRENCH}, {"id": "ru", "text": RUSSIAN})
    write(tmp_path / "a.jsonl.gz", gzip.compress(records.encode("utf-8"), mtime=0))
    write(tmp_path / "b.jsonl", codecs.BOM_UTF8 + records.encode("utf-8"))
    write(tmp_path / "c.ndjson", records.encode("utf-16"))
    write(tmp_path / "d.jsonl", jsonl({"id": "fr2", "text": FRENCH}).encode("cp1252")
          + jsonl({"id": "ru2", "text": RUSSIAN}).encode("koi8-r"))
    articles, errors = read_all(tmp_path)
    texts = {a.id: a.text for a in articles}
    assert texts == {"fr": FRENCH, "ru": RUSSIAN, "fr2": FRENCH, "ru2": RUSSIAN}
    assert len(articles) == 8  # the same id with the same text is passed on; the store collapses it
    assert errors == []


# --- size limits -----------------------------------------------------------------------------------------

def test_huge_single_line_file_rejected_quickly_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(10 * 1024 * 1024)  # 10 MB (sparse); would be rejected as binary if it were read
    write(tmp_path / "small.txt", "Small.")
    tracemalloc.start()
    started = time.perf_counter()
    articles, errors = read_all(tmp_path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [a.id for a in articles] == ["small"]
    assert [e.where for e in errors] == [str(big)]
    assert "file too large" in errors[0].reason
    assert elapsed < 1.0
    assert peak < 2 * 1024 * 1024


def test_text_longer_than_max_chars(tmp_path: Path) -> None:
    write(tmp_path / "long.txt", "word " * 30)
    write(tmp_path / "ok.txt", "word " * 10)
    write(tmp_path / "lines.jsonl", jsonl({"id": "long", "text": "x" * 200}, {"id": "ok2", "text": "short"}))
    articles, errors = read_all(tmp_path, max_chars=100)
    assert sorted(a.id for a in articles) == ["ok", "ok2"]
    assert sorted(e.where for e in errors) == [f"{tmp_path / 'lines.jsonl'}:1", str(tmp_path / "long.txt")]
    assert all("text too long" in e.reason for e in errors)


def test_jsonl_line_too_long_is_skipped_and_counted(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"id": "big", "text": "x" * 2_000_000}, {"id": "ok", "text": "Ok."}))
    articles, errors = read_all(path, max_chars=10)
    assert [a.id for a in articles] == ["ok"]
    assert [(e.where, e.reason.split(":")[0]) for e in errors] == [(f"{path}:1", "line too long")]


# --- HTML and feeds --------------------------------------------------------------------------------------

PAGE = """<html><head><title>Big news - The Daily</title>
<meta property="og:site_name" content="The Daily"><link rel="canonical" href="https://daily.example/big">
<meta name="date" content="2022-01-08"></head>
<body><nav>Home | World | Sport</nav><article><h1>Big news</h1>
<p>The official representative said on Friday that &quot;things&quot; happened in Almaty, and more.</p>
<p>Second paragraph, which tells the rest of the story in plenty of words.</p></article>
<footer>Copyright 2022 The Daily</footer></body></html>"""


@pytest.mark.parametrize("name", ["big.html", "big.HTM"])
def test_html_article_with_metadata(tmp_path: Path, name: str) -> None:
    (article,), errors = read_all(write(tmp_path / name, PAGE))
    assert errors == []
    assert article.id == "big"
    assert article.title == "Big news"
    assert article.published == date(2022, 1, 8)
    assert (article.source, article.url) == ("The Daily", "https://daily.example/big")
    assert 'said on Friday that "things" happened' in article.text
    assert "\n\nSecond paragraph" in article.text
    assert "Copyright" not in article.text and "Sport" not in article.text


RSS = """<?xml version="1.0" encoding="koi8-r"?>
<rss version="2.0"><channel><title>Лента новостей</title>
<item><guid>urn:1</guid><title>Первая</title><link>https://x.example/1</link>
<description>&lt;p&gt;Мир &amp;amp; дружба.&lt;/p&gt;&lt;p&gt;Второй абзац.&lt;/p&gt;</description>
<pubDate>Fri, 07 Jan 2022 23:30:00 -0500</pubDate></item>
<item><guid>urn:2</guid><title>Empty</title><description></description></item>
<item><link>https://x.example/3</link><description>Plain text entry.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title><id>urn:feed</id>
<updated>2022-01-08T10:00:00Z</updated>
<entry><id>tag:x,2022:1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; title</title>
<updated>2022-01-08T01:00:00+06:00</updated>
<content type="html">&lt;div&gt;Atom &lt;em&gt;content&lt;/em&gt;
&lt;script&gt;evil()&lt;/script&gt;&lt;/div&gt;</content>
</entry></feed>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = write(tmp_path / "news.xml", RSS.encode("koi8-r"))
    articles, errors = read_all(path)
    assert [(e.where, e.reason) for e in errors] == [(f"{path}#2", "the entry has no text (no content and "
                                                                   "no summary)")]
    first, third = articles
    assert first.text == "Мир & дружба.\n\nВторой абзац."
    assert (first.title, first.source, first.url) == ("Первая", "Лента новостей", "https://x.example/1")
    assert first.published == date(2022, 1, 7)  # the entry's own day, not the UTC one
    assert first.id.startswith("news-") and len(first.id) == len("news-") + 12
    assert third.text == "Plain text entry." and third.published is None
    again, _ = read_all(path)
    assert [a.id for a in again] == [a.id for a in articles]  # stable ids
    assert len({a.id for a in articles}) == 2


def test_atom_feed(tmp_path: Path) -> None:
    (article,), errors = read_all(write(tmp_path / "outlet.atom", ATOM))
    assert errors == []
    assert (article.text, article.title, article.source) == ("Atom content", "Bold title", "Atom Outlet")
    assert article.published == date(2022, 1, 8)


# --- folders, naming, duplicates -------------------------------------------------------------------------

def test_folder_walk_order_hidden_and_unknown_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B.")
    write(tmp_path / "a" / "z.txt", "AZ.")
    write(tmp_path / "a" / "c.txt", "AC.")
    write(tmp_path / ".hidden.txt", "Hidden.")
    write(tmp_path / ".git" / "x.txt", "Hidden folder.")
    write(tmp_path / "README.md", "Not an article.")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n")
    articles, errors = read_all(tmp_path)
    assert [a.id for a in articles] == ["c", "z", "b"]
    assert errors == []
    again, _ = read_all(tmp_path)
    assert again == articles


def test_named_paths(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Good.")
    readme = write(tmp_path / "README.md", "Not an article.")
    missing = tmp_path / "missing.txt"
    articles, errors = read_all(readme, missing, good, tmp_path, good)
    assert [a.id for a in articles] == ["good"]  # read once although named twice and inside the folder
    assert [e.where for e in errors] == [str(readme), str(missing)]
    assert "unsupported file type '.md'" in errors[0].reason and ".txt" in errors[0].reason
    assert errors[1].reason == "no such file or directory"


def test_distinct_ids_stay_distinct(tmp_path: Path) -> None:
    write(tmp_path / "one" / "x.txt", "First text.")
    write(tmp_path / "two" / "x.txt", "Second text.")
    write(tmp_path / "three" / "x.txt", "First text.")
    articles, errors = read_all(tmp_path)
    assert [a.text for a in articles] == ["First text.", "First text."]  # exact re-read: the store collapses it
    assert [e.where for e in errors] == [str(tmp_path / "two" / "x.txt")]
    assert "duplicate article id 'x'" in errors[0].reason and str(tmp_path / "one" / "x.txt") in errors[0].reason


def test_read_file_and_suffixes(tmp_path: Path) -> None:
    assert {".txt", ".jsonl", ".html", ".htm", ".xml", ".rss", ".atom"} <= set(SUPPORTED_SUFFIXES)
    items = list(read_file(write(tmp_path / "a.jsonl", jsonl({"id": "a", "text": "A."}, "{"))))
    assert isinstance(items[0], Article) and isinstance(items[1], InputError)
    with pytest.raises(ValueError, match="max_chars"):
        list(iter_inputs([tmp_path], max_chars=0))


# --- arbitrary bytes never raise -------------------------------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_txt_reader_never_raises(data: bytes) -> None:
    try:
        article = article_from_txt(data, article_id="x", where="x.txt", max_chars=200)
    except InputError as exc:
        assert exc.where == "x.txt" and exc.reason
    else:
        assert article.text and article.text == article.text.strip() and len(article.text) <= 200
        assert "\x00" not in article.text and "\r" not in article.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(
        st.binary(max_size=40),
        st.dictionaries(st.sampled_from(["id", "text", "published", "title"]),
                        st.one_of(st.none(), st.integers(), st.text(max_size=20)))
        .map(lambda d: json.dumps(d).encode()),
    ), max_size=5).map(b"\n".join),
))
def test_jsonl_reader_never_raises(data: bytes) -> None:
    for where, item in iter_jsonl(io.BytesIO(data), where="f.jsonl", max_chars=200):
        assert where.startswith("f.jsonl")
        if isinstance(item, InputError):
            assert item.where == where and item.reason
        else:
            assert isinstance(item, Article) and item.text and len(item.text) <= 200
