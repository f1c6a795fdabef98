"""The web UI and HTTP API: pages and their JSON twins, the API, the token, limits and hostile articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from newsweave import api
from newsweave.model import (
    Annotations,
    Article,
    Cite,
    CitedText,
    Dossier,
    Entity,
    Mention,
    Quote,
    QuoteGroup,
    QuoteVariant,
    Reuse,
    Span,
    Story,
)
from newsweave.pipeline import RunConfig
from newsweave.store import open_store
from newsweave.web import create_app
from newsweave.web.markup import Mark, marks_of, segments, word_diff
from newsweave.web.views import safe_url

TOKEN = "s3cret-token"
XSS = '<script>alert("x")</script>'
ATTR = '" onmouseover="alert(1)" x="'
HOSTILE_TEXT = f"Officials said {XSS} and then {ATTR} <img src=x onerror=alert(2)> happened on Friday."
HOSTILE = Article(id="evil<1>", text=HOSTILE_TEXT, title=f"Title {XSS}", source=f"Outlet {ATTR}",
                  url="javascript:alert(3)")
PLAIN = Article(id="plain", text="A calm report about the same event on Friday.", source="Calm Times",
                url="https://calm.example/report")


def hostile_dossier() -> Dossier:
    quote_span = Span.of(HOSTILE_TEXT, 15, 15 + len(XSS))
    return Dossier(
        story=Story("s-evil", f"Story {XSS}", (HOSTILE.id, PLAIN.id)),
        summary=(CitedText(f"Summary {XSS}", (Cite(HOSTILE.id, 0, 20),)),),
        actors=(Entity("e1", f"Name {XSS}", "PERSON", (ATTR,), 2),),
        quotes=(QuoteGroup("e1", XSS, (QuoteVariant(Cite(HOSTILE.id, quote_span.start, quote_span.end), XSS),
                                       QuoteVariant(Cite(PLAIN.id, 0, 6), "A calm"))),),
        timeline=(CitedText(f"Event {XSS}", (Cite(HOSTILE.id, 0, 10),), date="2022-01-07"),),
        reuse=(Reuse(Cite(HOSTILE.id, 0, 30), Cite(PLAIN.id, 0, 30), 0.9),),
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the seed story (through the real pipeline) and a hostile story (stored directly)."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    api.run(api.seed_paths(), db=db, config=RunConfig(workers=1, progress=False))
    with open_store(db) as store:
        store.add_articles([HOSTILE, PLAIN])
        store.put_annotations([(Annotations(HOSTILE.id, mentions=(Mention(0, 9, "Officials", "NORP"),),
                                            quotes=(Quote(Span.of(HOSTILE_TEXT, 15, 40)),)), "test")])
        store.set_story_assignments({HOSTILE.id: "s-evil", PLAIN.id: "s-evil"})
        store.put_dossiers([hostile_dossier()])
    return db


@pytest.fixture
def client(seeded: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeded, TOKEN, process=False)) as c:
        yield c


def seed_story(client: TestClient) -> dict[str, Any]:
    stories: list[dict[str, Any]] = client.get("/api/stories").json()["stories"]
    return next(s for s in stories if s["size"] == 5)


def test_story_list_page_and_twin(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    twin = client.get("/.json").json()
    assert twin["total"] == 2
    story = seed_story(client)
    assert story["first"] == "2022-01-06" and story["last"] == "2022-01-10"
    assert len(story["top_actors"]) == 3
    assert story["id"] in page.text and story["top_actors"][0] in page.text
    assert "5 articles" in page.text


def test_story_page_cites_passages(client: TestClient) -> None:
    story = seed_story(client)
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    links = re.findall(r'href="(/articles/[^"]+\?hl=(\d+)-(\d+)#hl)"', page.text)
    assert len(links) >= 10
    href, _, _ = links[0]
    article = client.get(href.replace("&amp;", "&"))
    assert article.status_code == 200
    marked = re.search(r'<mark id="hl" class="hl">(.*?)</mark>', article.text, re.S)
    assert marked is not None
    for section in ("Summary", "Timeline", "Who said what", "Figures", "Sources", "Copied passages", "Actors"):
        assert f">{section}<" in page.text
    assert '<svg id="timeline-chart"' in page.text and page.text.count('class="event"') >= 5
    # 18 vs 13 security officers: flagged, as the update the text tells ("their number increased to 18")
    assert '<span class="flag">figure changed</span>' in page.text
    assert "reported first" in page.text
    assert "<ins>" in page.text  # quote versions with differences marked
    twin = client.get(f"/stories/{story['id']}.json").json()
    assert twin == client.get(f"/api/stories/{story['id']}").json()
    assert twin["id"] == story["id"] and len(twin["articles"]) == 5


def test_story_prefix_and_missing(client: TestClient) -> None:
    story = seed_story(client)
    assert client.get(f"/stories/{story['id'][:6]}").status_code == 200
    missing = client.get("/stories/s-nope")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert client.get("/api/stories/s-nope").json()["detail"].startswith("no story")
    assert client.get("/articles/nope.json").status_code == 404


def test_article_page_and_twin(client: TestClient) -> None:
    ids = [a for a in seed_story_articles(client)]
    record = client.get(f"/api/articles/{ids[0]}").json()
    assert record["id"] == ids[0] and record["entities"] and record["story"]
    assert client.get(f"/articles/{ids[0]}.json").json() == record
    page = client.get(f"/articles/{ids[0]}").text
    for kind in ("ent", "quote", "timex"):
        assert f'class="{kind}' in page or f" {kind}" in page


def seed_story_articles(client: TestClient) -> list[str]:
    articles: list[str] = client.get(f"/api/stories/{seed_story(client)['id']}").json()["articles"]
    return articles


@pytest.mark.parametrize(("params", "total"), [
    ({"q": "Zakharova"}, 1), ({"actor": "tokayev"}, 1), ({"outlet": "Calm Times"}, 1),
    ({"since": "2022-01-09"}, 1), ({"until": "2021-01-01"}, 0), ({"q": "house", "outlet": "Calm Times"}, 0),
])
def test_api_story_filters(client: TestClient, params: dict[str, str], total: int) -> None:
    assert client.get("/api/stories", params=params).json()["total"] == total


def test_search(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "peacekeepers"}).json()
    assert hits["total"] >= 1 and all(h["story"] for h in hits["articles"])
    page = client.get("/search", params={"q": "peacekeepers"})
    assert page.status_code == 200 and hits["articles"][0]["id"] in page.text
    assert client.get("/search.json", params={"q": "peacekeepers"}).json()["total"] == hits["total"]


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]


def test_swagger_docs_are_served_from_this_server(client: TestClient) -> None:
    """/docs works offline: Swagger UI's script and styles come from the fastapi-offline package."""
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/docs/assets/swagger-ui-bundle.js" in page.text and "/openapi.json" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    policy = page.headers["content-security-policy"]
    assert "https:" not in policy and "default-src 'self'" in policy
    script = client.get("/docs/assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert len(script.content) > 100_000 and b"swagger" in script.content.lower()
    assert client.get("/docs/assets/swagger-ui.css").status_code == 200
    # the policy that lets /docs run its inline starter script applies to /docs only
    assert "unsafe-inline" not in client.get("/").headers["content-security-policy"]


# -- security ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/stories/s-evil", "/articles/evil%3C1%3E", "/search?q=officials",
                                  "/articles/evil%3C1%3E?hl=0-40"])
def test_hostile_articles_are_escaped(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    body = page.text
    assert "<script>" not in body.lower()
    assert "<img" not in body
    assert 'onmouseover="alert' not in body
    assert "javascript:" not in body.lower().replace("javascript:alert(3)</span>", "")
    assert not re.search(r'href="\s*javascript:', body, re.I)
    assert "content-security-policy" in page.headers and "script-src 'self'" in page.headers["content-security-policy"]


def test_hostile_url_is_shown_as_text_not_link(client: TestClient) -> None:
    body = client.get("/articles/evil%3C1%3E").text
    assert '<span class="bad-url">javascript:alert(3)</span>' in body
    assert 'href="https://calm.example/report"' in client.get("/stories/s-evil").text


@pytest.mark.parametrize(("url", "kept"), [
    ("https://a.example/x", True), ("http://a.example", True), ("javascript:alert(1)", False),
    (" JaVaScRiPt:alert(1)", False), ("data:text/html,<b>", False), ("//evil.example", False),
    ("vbscript:x", False), ("", False), (None, False), ("https://[bad", False),
])
def test_safe_url(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept


def test_ingest_needs_the_token(seeded: Path) -> None:
    body = {"articles": [{"id": "new-1", "text": "Fresh news about the CSTO.", "published": "2022-01-11"}]}
    with TestClient(create_app(seeded, None, process=False)) as closed:
        assert closed.post("/api/articles", json=body).status_code == 403
    with TestClient(create_app(seeded, TOKEN, process=False)) as c:
        assert c.post("/api/articles", json=body).status_code == 401
        assert c.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/articles/new-1").status_code == 404  # nothing was written
        ok = c.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200
        assert ok.json()["results"] == [{"id": "new-1", "status": "added", "kept_id": "new-1", "reason": None}]
        again = c.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert again["results"][0]["status"] == "exists"
        bad = {"articles": [{"id": "bad-date", "text": "x", "published": "2022-13-45"}]}
        res = c.post("/api/articles", json=bad, headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert res["results"][0]["status"] == "invalid"
        assert c.get("/api/articles/new-1").json()["text"] == "Fresh news about the CSTO."


def test_request_size_limit(seeded: Path) -> None:
    from newsweave.web.app import create_app as make

    with TestClient(make(seeded, TOKEN, process=False, max_body_bytes=1000)) as c:
        big = {"articles": [{"id": "big", "text": "word " * 1000}]}
        res = c.post("/api/articles", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
        assert res.status_code == 413
        assert c.get("/api/articles/big").status_code == 404


@pytest.mark.parametrize("path", ["/static/../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/..%2f..%2fapi.py", "/articles/..%2F..%2Fetc%2Fpasswd"])
def test_no_path_leaves_the_data(client: TestClient, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 404
    assert "root:" not in res.text and "def " not in res.text


def test_marks_and_diff() -> None:
    segs = segments("Blinken spoke on Friday.", [Mark(0, 7, "ent", "PERSON"), Mark(16, 23, "timex", "DATE")],
                    (0, 13))
    assert "".join(s.text for s in segs) == "Blinken spoke on Friday."
    assert segs[0].kinds == ("ent",) and segs[0].anchor and segs[0].highlight
    assert [t.text for t in word_diff("once Russians are in your house", "once the Russians are in your home")
            if t.changed] == ["the", "home"]


def test_a_replaced_ner_span_is_not_marked() -> None:
    text = "Vincent 'The Chin' Gigante died. Tokyo rose."
    ann = Annotations("a", mentions=(
        Mention(0, 26, text[0:26], "PERSON", "person:vincent-gigante", "story"),
        Mention(0, 7, "Vincent", "GPE"), Mention(14, 18, "Chin", "NORP"), Mention(33, 38, "Tokyo", "GPE")))
    assert [(m.start, m.end) for m in marks_of(ann) if m.kind == "ent"] == [(0, 26), (33, 38)]


def test_story_page_cache_follows_the_dossier(seeded: Path) -> None:
    with TestClient(create_app(seeded, None, process=False)) as c:
        assert "Story &lt;script&gt;" in c.get("/stories/s-evil").text
        with open_store(seeded) as store:
            d = hostile_dossier()
            store.put_dossiers([Dossier(story=Story("s-evil", "Renamed story", d.story.articles))])
        assert "Renamed story" in c.get("/stories/s-evil").text
        with open_store(seeded) as store:
            store.put_dossiers([hostile_dossier()])
        assert "Story &lt;script&gt;" in c.get("/stories/s-evil").text


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_command_binds_localhost_and_reads_the_token(seeded: Path, workers: int) -> None:
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSWEAVE_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "newsweave.cli", "serve", "--db", str(seeded), "--port",
                             str(port), "--no-process", "--workers", str(workers)], env=env,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                res = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None, "newsweave serve did not start"
                time.sleep(0.2)
        assert res.json()["total"] >= 2
        body = {"articles": [{"id": f"via-serve-{workers}", "text": f"Served news, {workers} workers."}]}
        assert httpx.post(f"http://127.0.0.1:{port}/api/articles", json=body).status_code == 401
        ok = httpx.post(f"http://127.0.0.1:{port}/api/articles", json=body,
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.json()["results"][0]["status"] == "added"
        # every worker process reads the same store: the article is there whichever one answers
        for _ in range(4):
            assert httpx.get(f"http://127.0.0.1:{port}/api/articles/via-serve-{workers}").status_code == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err and "ingest enabled" in err


def test_serve_refuses_several_workers_that_would_process(seeded: Path) -> None:
    from newsweave.cli import main

    assert main(["serve", "--db", str(seeded), "--workers", "2"]) == 2
