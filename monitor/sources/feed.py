"""RSS and Atom feeds: httpx for the transfer, feedparser for the document."""

from __future__ import annotations

import asyncio
import calendar
from datetime import UTC, datetime
from typing import Any

import feedparser
import httpx

from monitor.article import Entry
from monitor.errors import ParseError
from monitor.sources.base import Fetched, Source, SourceState
from monitor.sources.http import fetch

#: Items read from one feed document at most; the rest are dropped with a log line.
MAX_ENTRIES = 1000


class FeedSource(Source):
    """kind: feed. Conditional GET; a 304 parses nothing."""

    async def fetch(self, client: httpx.AsyncClient, state: SourceState) -> Fetched:
        assert self.config.url is not None
        resp = await fetch(
            client,
            self.config.url,
            source=self.name,
            config=self.http,
            etag=state.etag,
            last_modified=state.last_modified,
            headers=self.config.headers,
        )
        if resp.not_modified:
            return Fetched(entries=(), state=state, not_modified=True, fresh_for=resp.fresh_for)
        assert resp.body is not None
        # feedparser is CPU-bound; keep it off the event loop so other polls go on.
        entries, problems = await asyncio.to_thread(
            parse_feed,
            resp.body,
            source=self.name,
            url=resp.url,
            content_type=resp.content_type,
            language=self.config.language,
        )
        new_state = SourceState(etag=resp.etag, last_modified=resp.last_modified)
        return Fetched(
            entries=entries, state=new_state, problems=problems, fresh_for=resp.fresh_for
        )


def parse_feed(
    body: bytes,
    *,
    source: str,
    url: str,
    content_type: str | None = None,
    language: str | None = None,
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """Entries of an RSS/Atom document; ParseError when it is not a feed at all."""
    headers = {"content-type": content_type} if content_type else {}
    body, cut = _cut_items(body)
    parsed = feedparser.parse(
        body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    version = parsed.get("version") or ""
    if not parsed.entries:
        if parsed.bozo:
            reason = str(parsed.get("bozo_exception") or "unreadable").splitlines()[0]
            raise ParseError(source, f"{url}: not a readable feed ({reason[:200]})")
        if not version:
            raise ParseError(source, f"{url}: not an RSS or Atom feed")
        return (), ()
    feed_lang = _language(parsed.feed.get("language")) or language
    problems: list[str] = []
    if cut or len(parsed.entries) > MAX_ENTRIES:
        problems.append(f"{url}: more than {MAX_ENTRIES} items, only the first {MAX_ENTRIES} read")
    entries = []
    for raw in parsed.entries[:MAX_ENTRIES]:
        entry = _entry(raw, source=source, url=url, language=feed_lang)
        if entry is None:
            problems.append(f"{url}: item with neither title nor text skipped")
        else:
            entries.append(entry)
    if not entries and parsed.bozo:
        reason = str(parsed.get("bozo_exception") or "unreadable").splitlines()[0]
        raise ParseError(source, f"{url}: no readable item ({reason[:200]})")
    return tuple(entries), tuple(problems)


def _cut_items(body: bytes) -> tuple[bytes, bool]:
    """The document cut after its MAX_ENTRIES-th item, so that a feed of 100,000 items
    costs what one of a thousand does (feedparser would parse them all, for minutes).
    The cut document is closed by hand; feedparser reads it as a (bozo) feed."""
    for close, tail in ((b"</item>", b"</channel></rss>"), (b"</entry>", b"</feed>")):
        pos, count = 0, 0
        while count < MAX_ENTRIES:
            pos = body.find(close, pos)
            if pos < 0:
                break
            pos += len(close)
            count += 1
        if count == MAX_ENTRIES and body.find(close, pos) >= 0:
            return body[:pos] + tail, True
    return body, False


def _entry(raw: Any, *, source: str, url: str, language: str | None) -> Entry | None:
    content = raw.get("content") or []
    body = (
        max((c.get("value") or "" for c in content), key=len, default="")
        or raw.get("summary")
        or ""
    )
    title = raw.get("title") or ""
    if not body.strip() and not title.strip():
        return None
    when = raw.get("published_parsed") or raw.get("updated_parsed")
    published = None
    if when:
        try:
            published = datetime.fromtimestamp(calendar.timegm(when), UTC)
        except (OverflowError, ValueError, OSError):
            published = None
    return Entry(
        source=source,
        guid=raw.get("id") or None,
        url=raw.get("link") or None,
        title=title,
        text=body,
        html=True,
        published=published,
        language=_language(raw.get("language")) or language,
        origin=url,
    )


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) < 2:
        return None
    code = value[:2].lower()
    return code if code.isalpha() else None
