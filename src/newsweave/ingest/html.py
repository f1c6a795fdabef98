"""HTML pages (``.html``, ``.htm``): the main text with trafilatura, offline, and HTML fragments to text.

A page's id is its file name without extension. trafilatura finds the main text (boilerplate such as
menus, footers and comments dropped) and, where the page states them, the title, publication date,
canonical URL and site name (kept as ``source``). trafilatura writes one block (paragraph, heading,
list item) per line; the reader separates blocks by a blank line, as in the seed articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from newsweave.errors import InputError
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.limits import MARKUP_BYTES_PER_CHAR, read_limited
from newsweave.ingest.normalize import check_text, clean_line, parse_date
from newsweave.model import Article

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
})
_DROPPED_TAGS = ("script", "style", "noscript", "template")
_SPACES = re.compile(r"[^\S\n]+")


def read_html(path: Path, *, max_chars: int) -> Iterator[tuple[str, Article | InputError]]:
    """Read one HTML page as an article.

    Args:
        path: the file.
        max_chars: the longest text accepted; the file may be up to ``MARKUP_BYTES_PER_CHAR`` times larger.

    Returns:
        One ``(where, item)`` pair: the Article, or the InputError saying why the page was skipped.
    """
    where = str(path)
    item: Article | InputError
    try:
        data = read_limited(path, where, MARKUP_BYTES_PER_CHAR * (max_chars + 1))
        item = article_from_html(decode_bytes(data, where), article_id=path.stem, where=where,
                                 max_chars=max_chars)
    except InputError as exc:
        item = exc
    yield where, item


def article_from_html(html: str, *, article_id: str, where: str, max_chars: int) -> Article:
    """Extract the article of one HTML page.

    Args:
        html: the decoded page.
        article_id: the article id.
        where: the input's location, for error messages.
        max_chars: the longest text accepted.

    Returns:
        The article with the metadata trafilatura found (title, date, url, site name as source).

    Raises:
        InputError: no main text could be extracted, or the text fails the checks of ``check_text``.
    """
    if "\x00" in html:
        raise InputError(where, "not text: it contains NUL characters (binary data)")
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = doc.text if isinstance(doc, Document) else None
    if not isinstance(doc, Document) or not body or not body.strip():
        raise InputError(where, "no article text found in the page (trafilatura extracted nothing)")
    text = check_text(_paragraphs(body), where, max_chars)
    published = None
    if isinstance(doc.date, str):
        try:
            published = parse_date(doc.date, where)
        except InputError:
            published = None  # a metadata guess, not worth losing the article over
    return Article(id=article_id, text=text, published=published, title=clean_line(doc.title),
                   source=clean_line(doc.sitename), url=clean_line(doc.url))


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment (a feed entry's content), one blank line between blocks.

    Args:
        fragment: HTML, or plain text with entities.

    Returns:
        The text; empty when the fragment has none.
    """
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(fragment)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> str:
    """Collapse spaces inside lines and separate the non-blank lines by one blank line."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)
