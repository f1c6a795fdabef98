"""The web UI in real headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright).

Skipped only when /usr/bin/chromium is absent. Playwright's own browser download is never used.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
playwright_sync = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from newsweave import api  # noqa: E402
from newsweave.pipeline import RunConfig  # noqa: E402
from newsweave.web import create_app  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "seeds.db"
    api.run(api.seed_paths(), db=db, config=RunConfig(workers=1, progress=False))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, None, process=False), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(params=[{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["laptop", "phone"])
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport=request.param)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()
    assert errors == [], f"console errors: {errors}"


def test_open_story_click_citation_see_highlight(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.click("a.story-title")
    page.wait_for_selector("#summary")
    citation = page.locator("#summary a.cite").first
    passage = citation.get_attribute("title")
    citation.click()
    page.wait_for_url("**/articles/**#hl")
    mark = page.locator("mark#hl")
    assert mark.is_visible()
    marked = " ".join(page.locator("mark.hl").all_inner_texts())
    assert passage and passage.split()[0] in marked
    # the highlight was scrolled into view
    box = mark.bounding_box()
    assert box is not None and -2 <= box["y"] < page.viewport_size["height"]


def test_timeline_chart_renders(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.click("a.story-title")
    chart = page.locator("#timeline-chart")
    chart.wait_for()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 40
    dots = page.locator("#timeline-chart circle.event")
    assert dots.count() >= 5
    assert page.locator("#timeline-chart text.tick-label").count() >= 2
    dots.first.click()
    assert "#ev-" in page.url


def test_search_finds_an_article(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#top-q", "peacekeeping forces")
    page.press("#top-q", "Enter")
    page.wait_for_selector("a.hit-title")
    assert page.locator("a.hit-title").count() >= 1
    page.locator("a.hit-title").first.click()
    page.wait_for_selector("div.text")
    assert "peacekeeping" in page.locator("mark.hl").first.inner_text().lower() or \
        "peacekeeping" in page.locator("div.text").inner_text().lower()


def test_pages_fit_the_screen(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.click("a.story-title")
    page.wait_for_selector("section#figures")  # the story page, not the list while it is being replaced
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1, "the story page scrolls sideways"


def test_api_docs_render_offline(page: Any, base_url: str) -> None:
    """Swagger UI runs from this server's files: every request the page makes stays on it."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "/docs")
    page.get_by_text("/api/stories/{story_id}", exact=True).first.wait_for(timeout=15_000)
    assert page.locator(".opblock").count() >= 5
    assert requests and all(url.startswith(base_url) or url.startswith("data:") for url in requests), requests
