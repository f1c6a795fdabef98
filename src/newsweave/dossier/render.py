"""Rendering a dossier as JSON, Markdown or a standalone HTML page.

Every renderer takes the same ``Dossier`` and the story's articles (to quote cited passages). Article
text is untrusted: the HTML renderer escapes everything it prints and links nothing from it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape

from newsweave.model import Article, Cite, Dossier, QuoteVariant, Reuse

# Cues that only say a statement was made: a version shows no cue for these (its words are the news);
# any other ("denied", "warned", "claimed", "insisted") is printed before the outlet.
NEUTRAL_CUES = frozenset({"said", "says", "say", "saying", "told", "tells", "tell", "telling", "according",
                          "added", "adds", "adding", "stated", "states", "stating", "noted", "notes", "noting",
                          "explained", "explains", "explaining", "wrote", "writes", "writing", "reported",
                          "reports", "reporting", "announced", "announces", ":", "-", "—", "–", "―"})


def _outlet(article: Article | None, cite: Cite) -> str:
    if article is None:
        return cite.article
    return article.source or article.id


def _date(article: Article | None) -> str:
    return article.published.isoformat() if article and article.published else "undated"


def _passage(articles: Mapping[str, Article], cite: Cite) -> str:
    article = articles.get(cite.article)
    return article.text[cite.start:cite.end] if article else ""


def shown_cue(v: QuoteVariant) -> str | None:
    """A version's cue when it says more than that the words were said ("denied", "warned"); None
    for "said", "told", "according to" and the like."""
    cue = (v.cue or "").lower()
    return None if not cue or cue.split()[0] in NEUTRAL_CUES else cue


def _how(v: QuoteVariant) -> str:
    cue = shown_cue(v)
    return f"{cue}, " if cue else ""


def _mentions(n: int) -> str:
    return f"{n} mention" if n == 1 else f"{n} mentions"


def _copier(reuse: Reuse, articles: Mapping[str, Article]) -> tuple[Cite, Cite] | None:
    """Who copied whom: the earlier and the later copy of a passage two articles share, when both are dated and
    their days differ; else None (also for a passage repeated inside one article)."""
    a, b = articles.get(reuse.a.article), articles.get(reuse.b.article)
    if a is None or b is None or a.published is None or b.published is None or a.published == b.published \
            or a.id == b.id:
        return None
    return (reuse.a, reuse.b) if a.published < b.published else (reuse.b, reuse.a)


def _copy_words(earlier: Cite, later: Cite, articles: Mapping[str, Article]) -> str:
    """ "Harju Herald (2026-03-11) repeats Continental Press (2026-03-09)"."""
    first, then = articles[earlier.article], articles[later.article]
    return f"{_outlet(then, later)} ({_date(then)}) repeats {_outlet(first, earlier)} ({_date(first)})"


def _reuse_label(reuse: Reuse, articles: Mapping[str, Article]) -> str:
    """How a copied passage reads: "repeated inside X and X", "shared by X and Y", or, when one article came out
    later, "Y's outlet (day) repeats X's (day): Y:... from X:..." (who copied whom)."""
    if reuse.a.article == reuse.b.article:
        return f"repeated inside {_cite_label(reuse.a)} and {_cite_label(reuse.b)}"
    copied = _copier(reuse, articles)
    if copied is None:
        return f"shared by {_cite_label(reuse.a)} and {_cite_label(reuse.b)}"
    earlier, later = copied
    return f"{_copy_words(earlier, later, articles)}: {_cite_label(later)} from {_cite_label(earlier)}"


def _cite_label(cite: Cite) -> str:
    return f"{cite.article}:{cite.start}-{cite.end}"


def to_json(dossier: Dossier) -> str:
    """The dossier as the ``stories.jsonl`` record of the export contract, pretty-printed."""
    return json.dumps(dossier.to_dict(), ensure_ascii=False, indent=2)


def to_markdown(dossier: Dossier, articles: Mapping[str, Article]) -> str:
    """The dossier as Markdown: summary, actors, quotes, timeline, figures, copied passages, sources."""
    lines = [f"# {dossier.story.title}", "", f"Story `{dossier.story.id}` · {len(dossier.story.articles)} articles", ""]
    lines += ["## Summary", ""]
    for s in dossier.summary:
        lines.append(f"- {s.text} [{'; '.join(_cite_label(c) for c in s.citations)}]")
    lines += ["", "## Actors", ""]
    for a in dossier.actors:
        aliases = ", ".join(x for x in a.aliases if x != a.name)
        lines.append(f"- **{a.name}** ({a.type}, {_mentions(a.mentions)})" + (f" — also: {aliases}" if aliases else ""))
    lines += ["", "## Who said what", ""]
    for g in dossier.quotes:
        lines.append(f"- **{g.speaker or 'unattributed'}**")
        for v in g.variants:
            lines.append(f"  - “{v.text}” — {_how(v)}{_outlet(articles.get(v.cite.article), v.cite)}, "
                         f"{_date(articles.get(v.cite.article))} [{_cite_label(v.cite)}]")
    lines += ["", "## Timeline", ""]
    for t in dossier.timeline:
        marker = " (background)" if t.background else ""
        lines.append(f"- **{t.date}**{marker}: {t.text} [{'; '.join(_cite_label(c) for c in t.citations)}]")
    lines += ["", "## Figures", ""]
    for f in dossier.figures:
        flag = "" if f.flag is None else " ⚠ sources disagree" if f.disagrees else f" ({f.flag})"
        lines.append(f"- **{f.measure}**{flag}" + (f" — {f.note}" if f.note else ""))
        for r in f.reports:
            lines.append(f"  - {r.text} ({_outlet(articles.get(r.cite.article), r.cite)}, "
                         f"{r.published or 'undated'}) [{_cite_label(r.cite)}]")
    lines += ["", "## Copied passages", ""]
    for reuse in dossier.reuse:
        lines.append(f"- {_reuse_label(reuse, articles)} "
                     f"(similarity {reuse.similarity:.2f}): “{_passage(articles, reuse.a)}”")
    lines += ["", "## Sources", ""]
    for aid in dossier.story.articles:
        art = articles.get(aid)
        title = f" — {art.title}" if art and art.title else ""
        lines.append(f"- `{aid}` ({_date(art)}){title}")
    return "\n".join(lines) + "\n"


_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#222}
h1{font-size:1.5rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}
.cite{font-size:.75rem;color:#555;font-family:monospace}.conflict{color:#b00;font-weight:bold}.changed{color:#555;font-style:italic}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ccc}
.bg{color:#777}
"""


def _cites_html(cites: tuple[Cite, ...]) -> str:
    return " ".join(f'<span class="cite">[{escape(_cite_label(c))}]</span>' for c in cites)


def to_html(dossier: Dossier, articles: Mapping[str, Article]) -> str:
    """The dossier as a standalone HTML page; every piece of article text is escaped."""
    e = escape
    parts = [f"<!doctype html><html lang=en><head><meta charset=utf-8>"
             f"<meta name=viewport content='width=device-width,initial-scale=1'>"
             f"<title>{e(dossier.story.title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{e(dossier.story.title)}</h1>",
             f"<p>Story <code>{e(dossier.story.id)}</code> · {len(dossier.story.articles)} articles</p>",
             "<h2>Summary</h2><ul>"]
    parts += [f"<li>{e(s.text)} {_cites_html(s.citations)}</li>" for s in dossier.summary]
    parts.append("</ul><h2>Actors</h2><ul>")
    for a in dossier.actors:
        aliases = ", ".join(x for x in a.aliases if x != a.name)
        parts.append(f"<li><b>{e(a.name)}</b> ({e(a.type)}, {_mentions(a.mentions)})"
                     + (f" — also: {e(aliases)}" if aliases else "") + "</li>")
    parts.append("</ul><h2>Who said what</h2>")
    for g in dossier.quotes:
        parts.append(f"<h3>{e(g.speaker or 'unattributed')}</h3>")
        for v in g.variants:
            art = articles.get(v.cite.article)
            parts.append(f"<blockquote>“{e(v.text)}” — {e(_how(v))}{e(_outlet(art, v.cite))}, {e(_date(art))} "
                         f"{_cites_html((v.cite,))}</blockquote>")
    parts.append("<h2>Timeline</h2><ul>")
    for t in dossier.timeline:
        cls = ' class="bg"' if t.background else ""
        parts.append(f"<li{cls}><b>{e(t.date or '')}</b> {e(t.text)} {_cites_html(t.citations)}</li>")
    parts.append("</ul><h2>Figures</h2><ul>")
    for f in dossier.figures:
        kind = "conflict" if f.disagrees else "changed"
        flag = "" if f.flag is None else f' <span class="{kind}">{e(f.flag)}</span>'
        parts.append(f"<li><b>{e(f.measure)}</b>{flag}" + (f" — {e(f.note)}" if f.note else "") + "<ul>")
        parts += [f"<li>{e(r.text)} ({e(r.published or 'undated')}) {_cites_html((r.cite,))}</li>"
                  for r in f.reports]
        parts.append("</ul></li>")
    parts.append("</ul><h2>Copied passages</h2><ul>")
    for r in dossier.reuse:
        copied = _copier(r, articles)
        who = "" if copied is None else f"{e(_copy_words(*copied, articles))}: "
        parts.append(f"<li>{who}{_cites_html((r.a, r.b))} ({r.similarity:.2f}): “{e(_passage(articles, r.a))}”</li>")
    parts.append("</ul><h2>Sources</h2><ul>")
    for aid in dossier.story.articles:
        art = articles.get(aid)
        parts.append(f"<li><code>{e(aid)}</code> ({e(_date(art))})"
                     + (f" — {e(art.title)}" if art and art.title else "") + "</li>")
    parts.append("</ul></body></html>")
    return "\n".join(parts)
