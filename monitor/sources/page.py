"""One HTML article page; its main text extracted by trafilatura."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import httpx
import trafilatura

from monitor.article import Entry, sha256
from monitor.errors import ParseError
from monitor.sources.base import Fetched, Source, SourceState
from monitor.sources.http import fetch

#: Shorter "main text" is a menu or a cookie banner, not an article.
MIN_TEXT = 80
ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


class PageSource(Source):
    """kind: page. The page is one article; a changed page is a new article only if
    its text changed (identity falls back to the text when the URL stays the same)."""

    async def fetch(self, client: httpx.AsyncClient, state: SourceState) -> Fetched:
        assert self.config.url is not None
        resp = await fetch(
            client,
            self.config.url,
            source=self.name,
            config=self.http,
            etag=state.etag,
            last_modified=state.last_modified,
            accept=ACCEPT_HTML,
            headers=self.config.headers,
        )
        if resp.not_modified:
            return Fetched(entries=(), state=state, not_modified=True, fresh_for=resp.fresh_for)
        assert resp.body is not None
        entry = await asyncio.to_thread(
            parse_page, resp.body, source=self.name, url=resp.url, language=self.config.language
        )
        return Fetched(
            entries=(entry,),
            state=SourceState(etag=resp.etag, last_modified=resp.last_modified),
            fresh_for=resp.fresh_for,
        )


def parse_page(body: bytes, *, source: str, url: str, language: str | None = None) -> Entry:
    """The main text, title and date of an article page; ParseError when there is none."""
    doc = trafilatura.bare_extraction(
        body, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_TEXT:
        raise ParseError(source, f"{url}: no article text found in the page")
    published = None
    date_text = getattr(doc, "date", None)
    if date_text:
        try:
            published = datetime.fromisoformat(date_text).replace(tzinfo=UTC, hour=12)
        except ValueError:
            published = None
    # trafilatura separates paragraphs by single newlines.
    paragraphs = "\n\n".join(line for line in text.splitlines() if line.strip())
    lang = getattr(doc, "language", None)
    return Entry(
        source=source,
        # A page's URL stays when it is edited: the text is what makes a new article.
        guid=f"{url}#text-{sha256(paragraphs)[:16]}",
        url=url,
        title=getattr(doc, "title", None) or "",
        text=paragraphs,
        published=published,
        language=(lang[:2] if isinstance(lang, str) else None) or language,
        origin=url,
    )
