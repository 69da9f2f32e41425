"""One HTML article page; its main text extracted by trafilatura."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, tzinfo

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
            parse_page,
            resp.body,
            source=self.name,
            url=resp.url,
            language=self.config.language,
            default_tz=self.config.tz,
        )
        return Fetched(
            entries=(entry,),
            state=SourceState(etag=resp.etag, last_modified=resp.last_modified),
            fresh_for=resp.fresh_for,
        )


#: htmldate (through trafilatura) reads the page's own metadata only, with its time and
#: offset: its "extensive search" takes any date in the text for the page's (a page
#: without metadata and "2022" in a sentence was dated 1 January 2022).
_PAGE_DATE = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def _page_date(value: str | None, default_tz: tzinfo) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        # A day without a time or zone: noon in the source's zone keeps that day.
        if when.time() == datetime.min.time():
            when = when.replace(hour=12)
        when = when.replace(tzinfo=default_tz)
    return when


def parse_page(
    body: bytes,
    *,
    source: str,
    url: str,
    language: str | None = None,
    default_tz: tzinfo = UTC,
) -> Entry:
    """The main text, title and date of an article page; ParseError when there is none.

    The date is the page's own (its metadata, with its time and offset where it gives
    them); a page without one is dated when it is read, not from dates in its text."""
    doc = trafilatura.bare_extraction(
        body,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params=_PAGE_DATE,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_TEXT:
        raise ParseError(source, f"{url}: no article text found in the page")
    published = _page_date(getattr(doc, "date", None), default_tz)
    # trafilatura separates paragraphs by single newlines.
    paragraphs = "\n\n".join(line for line in text.splitlines() if line.strip())
    lang = getattr(doc, "language", None)
    return Entry(
        source=source,
        # A page's URL stays when it is edited: the text is what makes a new article.
        guid=f"{url}#text-{sha256(paragraphs)[:16]}",
        key=f"{url}#text-{sha256(paragraphs)[:16]}",
        url=url,
        title=getattr(doc, "title", None) or "",
        text=paragraphs,
        text_field="page",
        published=published,
        language=(lang[:2] if isinstance(lang, str) else None) or language,
        origin=url,
    )
