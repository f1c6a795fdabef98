"""The FastAPI application: a JSON API under ``/api`` and server-rendered pages with ``.json`` twins.

Pages: ``/`` (story list), ``/stories/{id}``, ``/articles/{id}``, ``/search``; each answers
``.json`` too. The API: ``GET /api/stories``, ``/api/stories/{id}``, ``/api/articles/{id}``,
``/api/search`` and ``POST /api/articles`` (ingest; only with a token). ``/openapi.json`` and
``/docs`` describe it (Swagger UI from the fastapi-offline package, so it works offline; the one
page with a script). Every other page is plain HTML (no script); the timeline chart is inline SVG.
"""

import hmac
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field

from newsweave import api
from newsweave.errors import InputError, NotFoundError
from newsweave.model import Article
from newsweave.store import Store, StoryQuery
from newsweave.web.cache import PageCache
from newsweave.web.guard import BodyLimit, SecurityHeaders
from newsweave.web.ingest import Processor
from newsweave.web.markup import marks_of, segments
from newsweave.web.views import article_url, outlet_name, safe_url, story_view

HERE = Path(__file__).parent
# 16 MiB: a POST of 1,000 articles of 10 KB each (twice a long news article) with JSON escaping.
MAX_BODY_BYTES = 16 * 1024 * 1024
# Articles per ingest request: a bound on the work (and the transaction) one request causes.
MAX_INGEST = 1000
# Longest article text accepted over HTTP, as for files (newsweave.ingest.files.DEFAULT_MAX_CHARS).
MAX_TEXT_CHARS = 1_000_000

Sort = Literal["size", "recent"]


# Where /docs finds Swagger UI's script and styles, served by this app from the fastapi-offline
# package so that /docs works without a network.
DOCS_ASSETS = "/docs/assets"


class ArticleIn(BaseModel):
    """One article to ingest (the JSONL input record)."""

    id: str = Field(min_length=1, max_length=512, description="stable id, kept as given")
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    published: str | None = Field(None, description="YYYY-MM-DD", max_length=10)
    title: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=500, description="the outlet")
    url: str | None = Field(None, max_length=2000)


class IngestRequest(BaseModel):
    """A batch of articles; each is stored (or refused) on its own."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST)


class IngestResult(BaseModel):
    """What happened to one article: added, exists, duplicate, conflict or invalid."""

    id: str
    status: str
    kept_id: str | None = None
    reason: str | None = None


class IngestResponse(BaseModel):
    results: list[IngestResult]
    processing: bool = Field(description="annotation, linking and dossiers run in the background")


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(article_url=article_url, safe_url=safe_url)
    return env


def _page_query(q: str | None, actor: str | None, outlet: str | None, since: date | None,
                until: date | None, sort: Sort, limit: int, offset: int) -> StoryQuery:
    return StoryQuery(text=q or None, actor=actor or None, outlet=outlet or None, since=since, until=until,
                      sort=sort, limit=limit, offset=offset)


def create_app(db: str | Path | Store, token: str | None = None, *, process: bool = True,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The web application over one store.

    Args:
        db: a SQLite path, a ``sqlite:///`` or ``postgresql://`` URL, or an open store (kept open).
        token: the write token; None disables ingest (every write answers 403).
        process: after an ingest, annotate, link and rebuild dossiers in a background thread.
        max_body_bytes: larger request bodies are refused with 413 before they are read.

    Returns:
        The ASGI application.
    """
    store = db if isinstance(db, Store) else api.open_store(db)
    env = _templates()
    processor = Processor(store) if process else None
    app = FastAPIOffline(title="newsweave", version=api.version(), redoc_url=None, static_url=DOCS_ASSETS,
                         description="Cross-checked, cited story dossiers: stories, dossiers, articles with "
                                     "their annotations, full-text search, and ingest (with a bearer token).")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    bearer = HTTPBearer(auto_error=False)
    pages = PageCache()

    def html(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def dossier_of(story_id: str) -> Any:
        try:
            return store.get_dossier(story_id)
        except NotFoundError:
            return store.get_dossier(api.resolve_story_id(store, story_id))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        path = request.url.path
        if path.startswith("/api/") or path.endswith(".json"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return html("error.html", 404, title="Not found", message=str(exc))

    # -- JSON API ---------------------------------------------------------------------------------

    @app.get("/api/stories", tags=["api"], summary="Stories, filtered, sorted and paged")
    def api_stories(q: str | None = Query(None, max_length=500, description="full-text over articles"),
                    actor: str | None = Query(None, max_length=200, description="part of an actor's name"),
                    outlet: str | None = Query(None, max_length=200, description="an article source"),
                    since: date | None = None, until: date | None = None, sort: Sort = "size",
                    limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        page = store.query_stories(_page_query(q, actor, outlet, since, until, sort, limit, offset))
        return {"total": page.total, "limit": page.limit, "offset": page.offset,
                "stories": [s.to_dict() for s in page.items]}

    @app.get("/api/stories/{story_id}", tags=["api"], summary="One story's dossier (the stories.jsonl record)")
    def api_story(story_id: str) -> dict[str, Any]:
        result: dict[str, Any] = dossier_of(story_id).to_dict()
        return result

    @app.get("/api/articles/{article_id:path}", tags=["api"], summary="One article with its annotations")
    def api_article(article_id: str) -> dict[str, Any]:
        return api.article_record(article_id, store)

    @app.get("/api/search", tags=["api"], summary="Full-text search over article titles and texts")
    def api_search(q: str = Query(..., min_length=1, max_length=500), limit: int = Query(20, ge=1, le=200),
                   offset: int = Query(0, ge=0)) -> dict[str, Any]:
        page = store.search_articles(q, limit, offset)
        return {"total": page.total, "limit": page.limit, "offset": page.offset,
                "articles": [h.to_dict() for h in page.items]}

    @app.post("/api/articles", tags=["api"], response_model=IngestResponse,
              summary="Ingest articles (needs the bearer token)",
              responses={401: {"description": "missing or wrong token"},
                         403: {"description": "ingest is disabled (no token set)"},
                         413: {"description": "request body too large"}})
    def api_ingest(body: IngestRequest,
                   creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> IngestResponse:
        _check_token(token, creds)
        results: list[IngestResult] = []
        good: list[Article] = []
        for i, item in enumerate(body.articles):
            try:
                good.append(api.article_from_record(item.model_dump(), f"request article {i}", MAX_TEXT_CHARS))
            except InputError as err:
                results.append(IngestResult(id=item.id, status="invalid", reason=err.reason))
        results += [IngestResult(id=a.id, status=r.status, kept_id=r.kept_id)
                    for a, r in zip(good, store.add_articles(good), strict=True)]
        if processor is not None and any(r.status == "added" for r in results):
            processor.kick()
        return IngestResponse(results=results, processing=processor is not None and processor.busy)

    # -- pages with .json twins -------------------------------------------------------------------

    def index(request: Request, as_json: bool) -> Response:
        p = request.query_params
        sort: Sort = "recent" if p.get("sort") == "recent" else "size"
        query = _page_query(p.get("q"), p.get("actor"), p.get("outlet"), _day(p.get("since")),
                            _day(p.get("until")), sort, _int(p.get("limit"), 20, 1, 200),
                            _int(p.get("offset"), 0, 0, 10**9))
        page = store.query_stories(query)
        if as_json:
            return JSONResponse({"total": page.total, "limit": page.limit, "offset": page.offset,
                                 "stories": [s.to_dict() for s in page.items]})
        kept = {k: v for k, v in p.items() if k in ("q", "actor", "outlet", "since", "until", "sort") and v}
        prev = urlencode({**kept, "offset": max(0, page.offset - page.limit)}) if page.offset > 0 else None
        nxt = urlencode({**kept, "offset": page.offset + page.limit}) \
            if page.offset + page.limit < page.total else None
        return html("index.html", page=page, form=kept, prev=prev, next=nxt,
                    json_url="/.json" + ("?" + urlencode(kept) if kept else ""))

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        return index(request, False)

    @app.get("/.json", tags=["pages"], summary="The story list page as JSON")
    @app.get("/index.json", include_in_schema=False)
    def home_json(request: Request) -> Response:
        return index(request, True)

    @app.get("/stories/{story_id}", tags=["pages"], summary="Story page; add .json for its dossier")
    def story_page(story_id: str) -> Response:
        if story_id.endswith(".json"):
            return JSONResponse(dossier_of(story_id[:-5]).to_dict())
        stamp = store.dossier_stamp(story_id)
        cached = pages.get(story_id, stamp) if stamp is not None else None
        if cached is not None:
            return HTMLResponse(cached)
        d = dossier_of(story_id)
        articles = {a.id: a for a in store.iter_articles(d.story.articles)}
        body = env.get_template("story.html").render(view=story_view(d, articles),
                                                     json_url=f"/stories/{d.story.id}.json")
        if stamp is not None:
            pages.put(story_id, stamp, body)
        return HTMLResponse(body)

    @app.get("/articles/{article_id:path}", tags=["pages"], summary="Article page; add .json for the record")
    def article_page(article_id: str, hl: str | None = Query(None, max_length=40)) -> Response:
        if article_id.endswith(".json"):
            return JSONResponse(api.article_record(article_id[:-5], store))
        article = store.get_article(article_id)
        ann = store.get_annotations(article_id)
        highlight = _range(hl)
        return html("article.html", article=article, outlet=outlet_name(article, article.id),
                    url=safe_url(article.url), story=store.story_of(article_id), ann=ann,
                    segments=segments(article.text, marks_of(ann), highlight), highlight=highlight,
                    json_url=article_url(article.id) + ".json")

    @app.get("/search", include_in_schema=False)
    def search_page(q: str = Query("", max_length=500), offset: int = Query(0, ge=0)) -> Response:
        page = store.search_articles(q, 20, offset) if q.strip() else None
        return html("search.html", q=q, page=page, json_url="/search.json?" + urlencode({"q": q}))

    @app.get("/search.json", tags=["pages"], summary="The search page as JSON")
    def search_json(q: str = Query(..., min_length=1, max_length=500), offset: int = Query(0, ge=0)) -> Response:
        page = store.search_articles(q, 20, offset)
        return JSONResponse({"total": page.total, "limit": page.limit, "offset": page.offset,
                             "articles": [h.to_dict() for h in page.items]})

    app.state.store = store
    app.state.processor = processor
    return app


def _check_token(expected: str | None, creds: HTTPAuthorizationCredentials | None) -> None:
    if not expected:
        raise HTTPException(403, "ingest is disabled: start the server with NEWSWEAVE_TOKEN set")
    given = creds.credentials if creds is not None else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(value))) if value else default
    except ValueError:
        return default


def _range(value: str | None) -> tuple[int, int] | None:
    if not value or "-" not in value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    return int(start), int(end)
