"""What the story page shows, computed from a ``Dossier`` and its articles (no I/O, no HTML).

The template prints these values with autoescaping; URLs it links come from :func:`safe_url` (only
http and https) and :func:`cite_url` (an article page on this server).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urlsplit

from newsweave.dossier.render import shown_cue
from newsweave.model import Article, Cite, Dossier, QuoteGroup
from newsweave.web.markup import DiffToken, diff_versions

# Chart geometry in SVG user units; the SVG scales to the page width (viewBox), so these are ratios.
CHART_WIDTH = 800
CHART_PAD = 40
CHART_ROW = 22


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL; None for anything else (``javascript:``, ``data:``...)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def article_url(article_id: str) -> str:
    """This server's page of an article (the id is percent-encoded)."""
    return "/articles/" + quote(article_id, safe="")


def cite_url(cite: Cite) -> str:
    """The article page with the cited passage highlighted and scrolled to."""
    return f"{article_url(cite.article)}?hl={cite.start}-{cite.end}#hl"


def outlet_name(article: Article | None, article_id: str) -> str:
    """How a source is named on the page: its outlet, else its title, else its id."""
    if article is None:
        return article_id
    return article.source or article.id


@dataclass(frozen=True, slots=True)
class CiteView:
    """A citation as a link: the outlet's name and where it opens."""

    label: str
    url: str
    passage: str
    article: str


@dataclass(frozen=True, slots=True)
class Variant:
    """One outlet's version of a quote, its words marked where they differ from the others."""

    cite: CiteView
    tokens: tuple[DiffToken, ...]
    cue: str | None = None  # the reporting verb when it says more than "said" ("denied")


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """Every quote group of one speaker."""

    speaker: str
    groups: tuple[tuple[Variant, ...], ...]


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One timeline event on the chart."""

    x: float
    y: float
    label: str
    anchor: str
    outlets: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The timeline as an SVG chart: date ticks on an axis and one point per dated event."""

    width: int
    height: int
    axis_y: float
    ticks: tuple[tuple[float, str], ...]
    points: tuple[ChartPoint, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    """One article of the story: when it appeared and what only it reports."""

    article: str
    outlet: str
    title: str | None
    published: str
    url: str | None
    first: bool
    added: tuple[str, ...] = field(default=())


@dataclass
class StoryView:
    """Everything the story page shows."""

    dossier: Dossier
    summary: list[tuple[str, list[CiteView]]]
    timeline: list[tuple[str, str, str, list[CiteView], bool]]
    chart: Chart | None
    quotes: list[SpeakerQuotes]
    figures: list[tuple[str, str | None, bool, str | None, list[tuple[str, str, CiteView]]]]
    sources: list[SourceView]
    reuse: list[tuple[CiteView, CiteView, float]]


def _cite(articles: Mapping[str, Article], cite: Cite) -> CiteView:
    article = articles.get(cite.article)
    passage = article.text[cite.start:cite.end] if article else ""
    return CiteView(outlet_name(article, cite.article), cite_url(cite), passage, cite.article)


def _parse_day(value: str | None) -> date | None:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def timeline_chart(events: Sequence[tuple[str | None, str, str]]) -> Chart | None:
    """Place dated events on a time axis.

    Args:
        events: (date value, anchor id, outlets) per timeline entry; undated ones are left out.

    Returns:
        The chart, or None when no event has a usable date.
    """
    dated = [(d, anchor, outlets, value) for value, anchor, outlets in events
             if (d := _parse_day(value)) is not None]
    if not dated:
        return None
    lo = min(d for d, *_ in dated).toordinal()
    hi = max(d for d, *_ in dated).toordinal()
    span = max(1, hi - lo)
    usable = CHART_WIDTH - 2 * CHART_PAD

    def x_of(ordinal: int) -> float:
        return round(CHART_PAD + usable * (ordinal - lo) / span, 1)

    stacks: dict[int, int] = {}
    points = []
    for d, anchor, outlets, value in dated:
        level = stacks.get(d.toordinal(), 0)
        stacks[d.toordinal()] = level + 1
        points.append(ChartPoint(x_of(d.toordinal()), 0.0 + level, value or "", anchor, outlets))
    levels = max(stacks.values())
    axis_y = CHART_PAD / 2 + levels * CHART_ROW + 10
    points = [ChartPoint(p.x, axis_y - 10 - p.y * CHART_ROW, p.label, p.anchor, p.outlets) for p in points]
    step = max(1, span // 6)
    ticks = tuple((x_of(o), date.fromordinal(o).isoformat()) for o in range(lo, hi + 1, step))
    return Chart(CHART_WIDTH, int(axis_y + 30), axis_y, ticks, tuple(points))


def _quotes(dossier: Dossier, articles: Mapping[str, Article]) -> list[SpeakerQuotes]:
    by_speaker: dict[str, list[QuoteGroup]] = {}
    names = {a.id: a.name for a in dossier.actors}
    for group in dossier.quotes:
        speaker = names.get(group.speaker_entity or "") or group.speaker or "Unattributed"
        by_speaker.setdefault(speaker, []).append(group)
    out = []
    for speaker, groups in by_speaker.items():
        rendered = []
        for group in groups:
            diffs = diff_versions([v.text for v in group.variants])
            rendered.append(tuple(Variant(_cite(articles, v.cite), tuple(d), shown_cue(v))
                                  for v, d in zip(group.variants, diffs, strict=True)))
        out.append(SpeakerQuotes(speaker, tuple(rendered)))
    return out


def _sources(dossier: Dossier, articles: Mapping[str, Article]) -> list[SourceView]:
    members = [articles[a] for a in dossier.story.articles if a in articles]
    days = [a.published for a in members if a.published]
    first_day = min(days) if days else None
    added: dict[str, list[str]] = {a.id: [] for a in members}
    for event in dossier.timeline:
        cited = {c.article for c in event.citations}
        if len(cited) == 1:
            added.setdefault(next(iter(cited)), []).append(f"timeline: {event.text}")
    for group in dossier.quotes:
        cited = {v.cite.article for v in group.variants}
        if len(cited) == 1:
            added.setdefault(next(iter(cited)), []).append(f"quote: {group.variants[0].text}")
    for fig in dossier.figures:
        for report in fig.reports:
            if sum(r.value == report.value for r in fig.reports) == 1 and len(fig.reports) > 1:
                added.setdefault(report.cite.article, []).append(f"figure: {report.text} ({fig.measure})")
    return [SourceView(a.id, outlet_name(a, a.id), a.title,
                       a.published.isoformat() if a.published else "undated", safe_url(a.url),
                       first_day is not None and a.published == first_day, tuple(added.get(a.id, ())))
            for a in sorted(members, key=lambda a: (a.published is None, a.published or date.min, a.id))]


def story_view(dossier: Dossier, articles: Mapping[str, Article]) -> StoryView:
    """Build the story page's content.

    Args:
        dossier: the story's dossier.
        articles: the story's articles by id (citations quote their text).

    Returns:
        The page content; every citation carries the URL of its highlighted passage.
    """
    def cites(cs: Sequence[Cite]) -> list[CiteView]:
        return [_cite(articles, c) for c in cs]

    timeline = []
    for i, event in enumerate(dossier.timeline):
        timeline.append((event.date or "undated", f"ev-{i}", event.text, cites(event.citations), event.background))
    # Background events (years before the story) would squeeze the story's days into one corner of
    # the axis: the chart draws the story's own events when it has any; the list shows all.
    charted = [i for i, ev in enumerate(dossier.timeline) if not ev.background] or range(len(dossier.timeline))
    chart = timeline_chart([(dossier.timeline[i].date, f"ev-{i}",
                             ", ".join(dict.fromkeys(v.label for v in timeline[i][3]))) for i in charted])
    figures = [(f.measure + (f" ({f.unit})" if f.unit else ""), f.flag, f.disagrees, f.note,
                [(f"{r.value:g}", r.text, _cite(articles, r.cite)) for r in f.reports]) for f in dossier.figures]
    return StoryView(
        dossier=dossier,
        summary=[(s.text, cites(s.citations)) for s in dossier.summary],
        timeline=timeline,
        chart=chart,
        quotes=_quotes(dossier, articles),
        figures=figures,
        sources=_sources(dossier, articles),
        reuse=[(_cite(articles, r.a), _cite(articles, r.b), r.similarity) for r in dossier.reuse],
    )
