"""RSS, Atom and JSON feeds: httpx for the transfer; lxml for the common document,
feedparser for every other XML one.

    parse_feed(body)
      -> JSON Feed: _read_json
      -> _read_fast: well-formed RSS 2.0 or Atom 1.0 made of elements whose handling
         is known here   -> the same raw entries feedparser would give, ~7x sooner
      -> else _read_feedparser: feedparser, on the document without its Media RSS texts
      -> _entry: each item's title, body, link and date, chosen from its fields

The fast path is a copy of what feedparser 6 does with the elements it accepts (which
element wins, what is stripped, which id becomes a link, how text is repaired), not a
reading of the specs: tests/test_feed_fastpath.py runs both paths over generated and
hand-made documents and asks for equal entries. A document with anything outside
those elements, or that is not well-formed to both expat (feedparser's parser) and
lxml, goes to feedparser whole.

Where feedparser is wrong for news, both paths are corrected the same way. feedparser
merges elements under its own keys (a Media RSS caption becomes a second description,
so its "content"; a picture's media:title becomes the title): the fast path also keeps
each element's value under the element's own name (FIELDS_KEY), feedparser is handed
the document without its Media RSS texts, and choose_body picks the article the way
well-kept readers do (BODY_FIELDS). Dates are read from their text with their offset
(monitor.sources.dates), not from feedparser's UTC time tuples. Relative links are
resolved against the feed's address.
"""

from __future__ import annotations

import asyncio
import functools
import io
import json
import re
import threading
import xml.parsers.expat
import xml.sax
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import Any
from urllib.parse import urljoin

import feedparser
import feedparser.api
import httpx
from feedparser.encodings import convert_to_utf8
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.sanitizer import replace_doctype
from feedparser.urls import _urifixer
from lxml import etree

from monitor.article import Entry, link_key
from monitor.errors import ParseError
from monitor.sources.base import Fetched, Source, SourceState
from monitor.sources.dates import parse_date
from monitor.sources.http import fetch

#: Items read from one feed document at most; the rest are dropped with a log line.
MAX_ENTRIES = 1000

#: Whether parse_feed tries the lxml fast path first (tests turn it off to compare).
FAST_PATH = True


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
        # Parsing is CPU-bound; keep it off the event loop so other polls go on.
        entries, problems = await asyncio.to_thread(
            parse_feed,
            resp.body,
            source=self.name,
            url=resp.url,
            content_type=resp.content_type,
            language=self.config.language,
            default_tz=self.config.tz,
        )
        new_state = SourceState(etag=resp.etag, last_modified=resp.last_modified)
        return Fetched(
            entries=entries, state=new_state, problems=problems, fresh_for=resp.fresh_for
        )


@dataclass(frozen=True, kw_only=True)
class _Document:
    """What parse_feed needs of a parsed document, whichever path read it.

    entries: one mapping per item, with feedparser's keys (title, link, id, summary,
    content, language, and FIELDS_KEY: each element's own value). language: the feed's, as
    found. version: feedparser's name for the format, "" when unknown. bozo: the
    exception feedparser would report, None when the document was read cleanly.
    """

    entries: Sequence[Mapping[str, Any]]
    language: Any
    version: str
    bozo: object | None


def parse_feed(
    body: bytes,
    *,
    source: str,
    url: str,
    content_type: str | None = None,
    language: str | None = None,
    max_entries: int | None = MAX_ENTRIES,
    default_tz: tzinfo = UTC,
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """Entries of an RSS/Atom document or a JSON Feed; ParseError when it is not a feed.

    max_entries: items read at most (None: all, for a file a user hands to `extract`).
    default_tz: the zone of dates that give none."""
    cut = False
    if _is_json(body, content_type):
        parsed = _read_json(body, source=source, url=url)
    else:
        headers = {"content-type": content_type} if content_type else {}
        if max_entries is not None:
            body, cut = _cut_items(body, max_entries)
        fast = _read_fast(body, headers) if FAST_PATH else None
        parsed = fast if fast is not None else _read_feedparser(body, headers)
    if not parsed.entries:
        if parsed.bozo is not None:
            reason = str(parsed.bozo or "unreadable").splitlines()[0]
            raise ParseError(source, f"{url}: not a readable feed ({reason[:200]})")
        if not parsed.version:
            raise ParseError(source, f"{url}: not an RSS, Atom or JSON feed")
        return (), ()
    feed_lang = _language(parsed.language) or language
    problems: list[str] = []
    limit = len(parsed.entries) if max_entries is None else max_entries
    if cut or len(parsed.entries) > limit:
        problems.append(f"{url}: more than {limit} items, only the first {limit} read")
    entries = []
    for raw in parsed.entries[:limit]:
        entry = _entry(raw, source=source, url=url, language=feed_lang, default_tz=default_tz)
        if entry is None:
            problems.append(f"{url}: item with neither title nor text skipped")
        else:
            entries.append(entry)
    if not entries and parsed.bozo is not None:
        reason = str(parsed.bozo or "unreadable").splitlines()[0]
        raise ParseError(source, f"{url}: no readable item ({reason[:200]})")
    return tuple(_mark_shared_links(entries)), tuple(problems)


def _mark_shared_links(entries: list[Entry]) -> list[Entry]:
    """Items of one document that share a link but not a guid (a feed whose every item
    points to one page, a live blog's posts told apart by a #fragment) are told apart by
    guid, not merged by link; items that share a guid but not a link are told apart by
    link."""
    keys = [link_key(e.url) for e in entries]
    links: dict[str, set[str | None]] = {}
    guids: dict[str, set[str | None]] = {}
    for e, link in zip(entries, keys, strict=True):
        if link:
            links.setdefault(link, set()).add(e.guid)
        if e.guid:
            guids.setdefault(e.guid, set()).add(link)
    shared_links = {link for link, ids in links.items() if len(ids) > 1}
    shared_guids = {guid for guid, ids in guids.items() if len(ids) > 1}
    if not shared_links and not shared_guids:
        return entries
    return [
        replace(e, shared_link=link in shared_links, shared_guid=e.guid in shared_guids)
        if link in shared_links or e.guid in shared_guids
        else e
        for e, link in zip(entries, keys, strict=True)
    ]


#: Keys parse_feed adds to feedparser's entries: the document's version, and the texts
#: of Media RSS descriptions it took out before feedparser read the document.
_VERSION_KEY = "monitor_version"
#: The declared type of the title feedparser keeps.
_TITLE_TYPE_KEY = "monitor_title_type"
_MEDIA_KEY = "monitor_media"


def _read_feedparser(body: bytes, headers: Mapping[str, str]) -> _Document:
    """feedparser's reading, with Media RSS texts kept out of the item's title and text:
    feedparser files a media:description as a second description (its content) and a
    media:title as the title. Those items that have no text of their own get their
    media descriptions back (_media_descriptions)."""
    utf8, stripped, stripped_headers, removed = _without_media(body, headers)
    parsed = _feedparser(stripped, stripped_headers)
    entries = [dict(e) for e in parsed.entries]
    version = parsed.get("version") or ""
    for e in entries:
        e[_VERSION_KEY] = version
        e[_TITLE_TYPE_KEY] = (e.get("title_detail") or {}).get("type")
    if removed and any(_textless(e) for e in entries):
        media = _media_descriptions(utf8)
        if media is not None and len(media) == len(entries):
            for e, texts in zip(entries, media, strict=True):
                if _textless(e) and texts:
                    e[_MEDIA_KEY] = texts
    return _Document(
        entries=entries,
        language=parsed.feed.get("language"),
        version=version,
        bozo=(
            (_encoding_bozo(body, headers) if removed else None)
            or (parsed.get("bozo_exception") if parsed.bozo else None)
        ),
    )


def _encoding_bozo(body: bytes, headers: Mapping[str, str]) -> object | None:
    """What feedparser says first of the original document: its encoding's fault (taking
    the Media RSS texts out may have taken out its only non-ASCII bytes, and the fault
    with them)."""
    result: dict[str, Any] = {}
    convert_to_utf8(dict(headers), body, result)
    return result.get("bozo_exception") if result.get("bozo") else None


_MRSS = "http://search.yahoo.com/mrss/"


def _media_descriptions(data: bytes) -> list[list[tuple[str, str]]] | None:
    """The Media RSS descriptions of each item of a document, in order (lxml in recovery
    mode, for the documents the fast path left to feedparser); None when unreadable."""
    try:
        root = etree.fromstring(
            data, etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    items = [
        el
        for el in root.iter()
        if isinstance(el.tag, str) and etree.QName(el).localname in ("item", "entry")
    ]
    return [
        [
            (text, _MEDIA_TYPES.get((d.get("type") or "").lower(), "text/plain"))
            for d in item.iter(
                f"{{{_MRSS}}}description", "{http://search.yahoo.com/mrss}description"
            )
            if (text := _repair((d.text or "").strip()))
        ]
        for item in items
    ]


#: Media RSS description types (plain by default), as the fast path reads them.
_MEDIA_TYPES = {"html": "text/html", "text/html": "text/html"}


def _textless(entry: Mapping[str, Any]) -> bool:
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    return not any(v.strip() for v in (*contents, entry.get("summary") or ""))


def _feedparser(body: bytes, headers: Mapping[str, str]) -> Any:
    # A stream, never the bytes themselves: feedparser takes bytes that look like a file
    # name or URL for one and opens it, so a feed whose body is "/etc/passwd" would be
    # read from this machine's disk.
    return feedparser.parse(
        io.BytesIO(body),
        response_headers=dict(headers),
        sanitize_html=False,
        resolve_relative_uris=False,
    )


_MRSS_PREFIX = re.compile(
    rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http://search\.yahoo\.com/mrss/?["']"""
)


def _without_media(
    body: bytes, headers: Mapping[str, str]
) -> tuple[bytes, bytes, Mapping[str, str], bool]:
    """(the document as read, the document without its Media RSS title, description,
    text and credit elements, the headers to read that one with, whether any was
    there). A document in an encoding that is not ASCII-compatible (UTF-16) is handed
    back in UTF-8, as feedparser itself would have turned it before parsing."""
    data = body
    if b"\x00" in body[:256]:
        result: dict[str, Any] = {}
        data = convert_to_utf8(dict(headers), body, result)
        if not result.get("encoding"):
            return body, body, headers, False
    stripped = data
    removed = False
    for prefix in set(_MRSS_PREFIX.findall(data)):
        p = re.escape(prefix)
        pattern = re.compile(
            rb"<" + p + rb":(title|description|text|credit)\b[^>]*?(?:/>|>.*?</" + p + rb":\1\s*>)",
            re.S,
        )
        stripped, count = pattern.subn(b"", stripped)
        removed = removed or count > 0
    if not removed:
        return body, body, headers, False
    if data is not body and "content-type" in headers:
        kind = headers["content-type"].split(";", 1)[0]
        headers = {**headers, "content-type": f"{kind}; charset=utf-8"}
    return data, stripped, headers, True


def _is_json(body: bytes, content_type: str | None) -> bool:
    if content_type and "json" in content_type.lower():
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _read_json(body: bytes, *, source: str, url: str) -> _Document:
    """A JSON Feed (1.0 or 1.1, jsonfeed.org): each item's fields by their own names."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ParseError(source, f"{url}: not a readable JSON feed ({exc})") from None
    if not isinstance(doc, dict) or "jsonfeed.org/version" not in str(doc.get("version", "")):
        raise ParseError(source, f"{url}: JSON but not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    entries: list[dict[str, Any]] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        fields: list[tuple[str, str | None, str]] = []
        for key, name, kind in (
            ("title", "json:title", "text/plain"),
            ("content_html", "json:content_html", "text/html"),
            ("content_text", "json:content_text", "text/plain"),
            ("summary", "json:summary", "text/plain"),
            ("date_published", "published", None),
            ("date_modified", "updated", None),
        ):
            value = item.get(key)
            if isinstance(value, str) and value:
                fields.append((name, kind, value))
        link = item.get("url") if isinstance(item.get("url"), str) else None
        ident = item.get("id")
        entries.append(
            {
                _VERSION_KEY: "json",
                FIELDS_KEY: fields,
                "id": str(ident) if isinstance(ident, str | int) and ident != "" else None,
                "link": link,
                "language": item.get("language") if isinstance(item.get("language"), str) else None,
            }
        )
    language = doc.get("language") if isinstance(doc.get("language"), str) else None
    return _Document(entries=entries, language=language, version="json", bozo=None)


def _cut_items(body: bytes, limit: int = MAX_ENTRIES) -> tuple[bytes, bool]:
    """The document cut after its MAX_ENTRIES-th item, so that a feed of 100,000 items
    costs what one of a thousand does (feedparser would parse them all, for minutes).
    The cut document is closed by hand; feedparser reads it as a (bozo) feed."""
    for close, tail in ((b"</item>", b"</channel></rss>"), (b"</entry>", b"</feed>")):
        pos, count = 0, 0
        while count < limit:
            pos = body.find(close, pos)
            if pos < 0:
                break
            pos += len(close)
            count += 1
        if count == limit and body.find(close, pos) >= 0:
            return body[:pos] + tail, True
    return body, False


#: Where parse_feed's readers file what each element of an item said, by the
#: element's own name: [(field, type, value)], type "text/html", "text/plain" or None.
FIELDS_KEY = "monitor_fields"

#: feedparser's element names -> the names a user reads in `monitor show`.
_FIELD_NAMES = {
    "title": "title",
    "dc_title": "dc:title",
    "media_title": "media:title",
    "description": "description",
    "dc_description": "description",
    "media_description": "media:description",
    "summary": "atom:summary",
    "content": "atom:content",
    "content_encoded": "content:encoded",
}

#: Which field holds an item's article, best first: the way well-kept readers choose
#: (Miniflux: content:encoded, then description; Atom content, then summary). Media RSS
#: fields describe a picture (a caption, a credit, a file name), never the article:
#: they are the text only of an item that has nothing else (a video feed).
BODY_FIELDS = (
    "content:encoded",
    "atom:content",
    "json:content_html",
    "json:content_text",
    "description",
    "atom:summary",
    "json:summary",
    "media:description",
)
_BODY_RANK = {name: rank for rank, name in enumerate(BODY_FIELDS)}
TITLE_FIELDS = ("title", "dc:title", "json:title")
#: Fields whose value is HTML unless the feed declares otherwise.
HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


#: Fields an item may hold several of: contents (feedparser keeps them all, as a list)
#: and the descriptions of its several pictures.
MULTI_FIELDS = {"content:encoded", "atom:content", "media:description"}


def choose_body(fields: Sequence[tuple[str, str | None, str]]) -> tuple[str, str | None, str]:
    """(field, type, value) of the item's article text; ("", None, "") when it has none.
    Of several values, the longest (a feed may carry a short and a full content)."""
    best: dict[str, tuple[str, str | None, str]] = {}
    for f in fields:
        name, _, value = f
        longer = name not in best or len(value) > len(best[name][2])
        if name in _BODY_RANK and longer and value.strip():
            best[name] = f
    if not best:
        return "", None, ""
    return best[min(best, key=_BODY_RANK.__getitem__)]


def _entry(
    raw: Any, *, source: str, url: str, language: str | None, default_tz: tzinfo = UTC
) -> Entry | None:
    fields = raw.get(FIELDS_KEY)
    if fields is None:
        fields = _feedparser_fields(raw)
    text_field, text_type, body = choose_body(fields)
    title = _title(raw, fields)
    # An Atom (or JSON Feed) title is text unless it says html; an RSS title has no
    # type, and publishers put markup and entities in it.
    typed = str(raw.get(_VERSION_KEY, "")).startswith(("atom", "json"))
    title_kind = raw.get(_TITLE_TYPE_KEY) if "title" in raw else "text/plain"
    if not body.strip() and not title.strip():
        return None
    return Entry(
        source=source,
        guid=raw.get("id") or None,
        url=_absolute(raw.get("link"), url),
        title=title,
        title_html=not (typed and title and title_kind == "text/plain"),
        text=body,
        html=text_type in HTML_TYPES,
        text_field=text_field or None,
        published=_published(raw, fields, default_tz),
        language=_language(raw.get("language")) or language,
        origin=url,
    )


def _title(raw: Any, fields: Sequence[tuple[str, str | None, str]]) -> str:
    """The item's title as feedparser chooses among its title elements, but never a
    Media RSS title (a picture's: "IMG_2031.jpg"), and without the " - Outlet" an
    aggregator (Google News) appends when its <source> names that outlet."""
    own = next((v for name in TITLE_FIELDS for f, _, v in fields if f == name and v), "")
    if "title" not in raw:  # JSON Feed
        return own
    title = raw.get("title") or ""
    mine = any(field in TITLE_FIELDS and value == title for field, _, value in fields)
    media = any(field == "media:title" and value == title for field, _, value in fields)
    if media and not mine:
        title = own  # what feedparser keeps of the document without its media:title
    outlet = next((v for f, _, v in fields if f == "source"), "")
    if outlet and title.endswith(f" - {outlet}") and len(title) > len(outlet) + 3:
        title = title[: -len(outlet) - 3].rstrip()
    return title


def _published(
    raw: Any, fields: Sequence[tuple[str, str | None, str]], default_tz: tzinfo
) -> datetime | None:
    """The item's publication time with the offset its feed gave (the publisher's local
    day hangs on it); its last update when it says nothing else. A date in a form no
    parser here knows (an unknown zone name) is no date: a guessed instant would be
    worse than the time the item was read (feedparser reads such zones as UTC)."""
    for name in ("published", "updated"):
        value = next((v for f, _, v in fields if f == name), None)
        if value and (when := parse_date(value, default_tz=default_tz)) is not None:
            return when
    return None


def _feedparser_fields(raw: Any) -> list[tuple[str, str | None, str]]:
    """An entry read by feedparser, as fields. feedparser merges elements under its own
    keys (a second description becomes content, a media title the title); parse_feed
    hands it documents with their Media RSS texts taken out (_without_media), so what is
    left under each key is the element the key names."""
    fields: list[tuple[str, str | None, str]] = []
    atom = str(raw.get(_VERSION_KEY, "")).startswith("atom")
    title = raw.get("title_detail") or {}
    if raw.get("title"):
        fields.append(("title", title.get("type"), raw["title"]))
    for content in raw.get("content") or []:
        name = "atom:content" if atom else "content:encoded"
        # RSS has no plain-text body: feedparser types a second description as text.
        kind = content.get("type") if atom else "text/html"
        fields.append((name, kind, content.get("value") or ""))
    summary = raw.get("summary_detail") or {}
    if raw.get("summary"):
        name = "atom:summary" if atom else "description"
        fields.append((name, summary.get("type"), raw["summary"]))
    for media, kind in raw.get(_MEDIA_KEY) or ():
        fields.append(("media:description", kind, media))
    for name in ("published", "updated"):
        if isinstance(raw.get(name), str):
            fields.append((name, None, raw[name]))
    source = raw.get("source")
    if isinstance(source, Mapping) and isinstance(source.get("title"), str):
        fields.append(("source", None, source["title"]))
    return fields


def _absolute(link: Any, base: str) -> str | None:
    """The item's link, a relative one resolved against the feed's address."""
    if not isinstance(link, str) or not link.strip():
        return None
    link = link.strip()
    if link.startswith(("http://", "https://")) or not base.startswith(("http://", "https://")):
        return link
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) < 2:
        return None
    code = value[:2].lower()
    return code if code.isalpha() else None


# -- the fast path --------------------------------------------------------------------
#
# feedparser turns each element name into a handler name ("dc:date" -> _start_dc_date)
# and keeps its state in flags and stacks. The tables below name, per context, the
# handlers whose effect is copied here; an element with any other handler sends the
# document to feedparser. Elements without a handler are stored by feedparser under
# their own name, which touches nothing read here, and their children are walked.

_ATOM = "{http://www.w3.org/2005/Atom}feed"
#: feedparser's table of known namespaces, as it matches them: URI, lowercased -> prefix.
_KNOWN_NS = {uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()}
_KNOWN_PREFIXES = {prefix.lower() for prefix in _KNOWN_NS.values() if prefix}
#: Every element name feedparser has a handler for.
_HANDLED = {
    name.split("_", 2)[2]
    for name in dir(feedparser.api.StrictFeedParser)
    if name.startswith(("_start_", "_end_"))
}
#: Keys read from feedparser's entries: an unhandled element of such a name would be
#: stored over them.
_READ_KEYS = {"title", "link", "id", "summary", "content", "published_parsed", "updated_parsed"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/html"}
_LINK_ENTITY = re.compile("&([A-Za-z0-9_]+);")
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")

# What an element does, by handler name.
_TITLE, _MEDIA_TITLE, _LINK, _GUID, _DESCRIPTION, _SUMMARY, _CONTENT = range(7)
_PUBLISHED, _UPDATED, _LANGUAGE, _SOURCE, _LEAF, _PERSON, _BOX, _IMAGE, _ENTRY = range(7, 16)

#: No effect on what is read; no children allowed (text-like elements' children are
#: markup to feedparser, not elements).
_LEAVES = dict.fromkeys(
    (
        "category",
        "dc_subject",
        "media_category",
        "enclosure",
        "rights",
        "copyright",
        "dc_rights",
        "name",
        "email",
        "uri",
        "url",
        "homepage",
        "created",
        "dcterms_created",
        "expirationdate",
        "media_thumbnail",
        "media_credit",
        "media_rating",
        "media_license",
        "media_restriction",
        "media_player",
    ),
    _LEAF,
)
#: Authors and contributors: their children are leaves.
_PERSONS = dict.fromkeys(
    ("author", "dc_creator", "dc_author", "contributor", "dc_contributor", "managingeditor"),
    _PERSON,
)
_PERSON_PARTS = {"name", "email", "uri", "url", "homepage"}
_DATES = {
    **dict.fromkeys(
        ("pubdate", "published", "issued", "dcterms_issued"),
        _PUBLISHED,
    ),
    **dict.fromkeys(
        ("updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified"),
        _UPDATED,
    ),
}
_IN_ENTRY = {
    **_LEAVES,
    **_PERSONS,
    **_DATES,
    "title": _TITLE,
    "dc_title": _TITLE,
    "media_title": _MEDIA_TITLE,
    "link": _LINK,
    "guid": _GUID,
    "id": _GUID,
    "description": _DESCRIPTION,
    "dc_description": _DESCRIPTION,
    "media_description": _DESCRIPTION,
    "summary": _SUMMARY,
    "content": _CONTENT,
    "content_encoded": _CONTENT,
    "language": _LANGUAGE,
    "dc_language": _LANGUAGE,
    "source": _SOURCE,
    "media_content": _BOX,
    "media_group": _BOX,
}
_IN_FEED = {
    **_LEAVES,
    **_PERSONS,
    **dict.fromkeys(_DATES, _LEAF),
    **dict.fromkeys(
        (
            "title",
            "dc_title",
            "media_title",
            "subtitle",
            "tagline",
            "description",
            "dc_description",
            "media_description",
            "generator",
            "id",
            "guid",
            "link",
            "cloud",
            "width",
            "height",
            "newlocation",
            "webmaster",
            "dc_publisher",
        ),
        _LEAF,
    ),
    "language": _LANGUAGE,
    "dc_language": _LANGUAGE,
    "image": _IMAGE,
    "media_content": _BOX,
    "media_group": _BOX,
    "item": _ENTRY,
    "entry": _ENTRY,
}
_IMAGE_PARTS = {"title", "url", "link", "width", "height", "description"}


class _Unsure(Exception):
    """The document holds something the fast path does not copy: feedparser reads it."""


def _read_fast(body: bytes, headers: Mapping[str, str]) -> _Document | None:
    """The document as feedparser would read it, or None when not sure of that."""
    if not body or not _expat_is_feedparsers():
        return None
    # feedparser's own decoding: the same bytes reach both parsers.
    result: dict[str, Any] = {}
    data = convert_to_utf8(dict(headers), body, result)
    if not result.get("encoding"):
        return None
    # feedparser rewrites a DOCTYPE and drops entity declarations: leave all that to it.
    if replace_doctype(data)[1] != data:
        return None
    declarations = _expat_declarations(data)
    if declarations is None or not _plain_namespaces(declarations):
        return None
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        return None
    try:
        reader = _Reader(root, check_base=b"base" in data.lower())
    except _Unsure:
        return None
    if not reader.entries:
        return None  # feedparser decides what an empty document is
    return _Document(
        entries=reader.entries,
        language=reader.language,
        version=reader.version,
        bozo=result.get("bozo_exception") if result.get("bozo") else None,
    )


@functools.cache
def _expat_is_feedparsers() -> bool:
    """feedparser prefers libxml2's SAX driver when installed; the checks here are expat's."""
    parser = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    return type(parser).__module__ == "xml.sax.expatreader"


def _expat_declarations(data: bytes) -> list[tuple[str | None, str]] | None:
    """The namespace declarations in document order; None when expat, which feedparser
    parses with, finds the document not well-formed, or finds a DOCTYPE."""
    declarations: list[tuple[str | None, str]] = []
    doctypes: list[str] = []
    parser = xml.parsers.expat.ParserCreate(None, " ")
    parser.StartNamespaceDeclHandler = lambda prefix, uri: declarations.append((prefix, uri))
    parser.StartDoctypeDeclHandler = lambda name, *ids: doctypes.append(name)
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        return None
    return None if doctypes else declarations


def _plain_namespaces(declarations: list[tuple[str | None, str]]) -> bool:
    """Whether element names come out in feedparser as computed here: each prefix is
    bound to one URI, each unknown URI to one prefix (or only the default), no unknown
    URI takes a known prefix and no known URI lends its prefix to another."""
    bound: dict[str, str] = {}
    unknown: dict[str, set[str | None]] = {}
    renamed: set[str] = set()
    for prefix, uri in declarations:
        if not uri:
            continue
        if any(c.isspace() for c in uri):
            return False  # the SAX reader splits names on spaces
        key = (prefix or "").lower()
        if prefix and bound.setdefault(key, uri) != uri:
            return False
        known = _KNOWN_NS.get(_userland(uri.lower()))
        if known is None:
            if key in _KNOWN_PREFIXES or key == "xml":
                return False
            unknown.setdefault(uri, set()).add(prefix or None)
        elif prefix and prefix != known:
            renamed.add(prefix)
    if any(len(prefixes) > 1 for prefixes in unknown.values()):
        return False
    unknown_prefixes = {p.lower() for ps in unknown.values() for p in ps if p}
    return not any(p in _KNOWN_PREFIXES or p in unknown_prefixes for p in renamed)


def _userland(lower_uri: str) -> str:
    # feedparser folds every backend.userland.com namespace into one.
    if "backend.userland.com/rss" in lower_uri:
        return "http://backend.userland.com/rss"
    return lower_uri


_local = threading.local()


def _parser() -> Any:
    """One lxml parser per thread: no entities expanded, no DTD, no network, and
    comments and processing instructions dropped so the text around them joins, as in
    feedparser."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
        )
        _local.parser = parser
    return parser


#: Element names by tag, for tags whose name does not hang on the document's prefixes.
_NAMES: dict[str, str] = {}


def _handler_name(tag: str, prefix: str | None) -> str:
    """feedparser's name for an element: "title", "dc_date", "media_content"..."""
    name = _NAMES.get(tag)
    if name is not None:
        return name
    if tag[0] != "{":
        name = tag.lower()
    else:
        uri, local = tag[1:].split("}", 1)
        known = _KNOWN_NS.get(_userland(uri.lower()))
        if known is None:
            # An unknown namespace keeps the document's prefix (unique: _plain_namespaces).
            return f"{prefix}_{local}".lower() if prefix else local.lower()
        name = f"{known}_{local}".lower() if known else local.lower()
    if len(_NAMES) < 10_000:
        _NAMES[tag] = name
    return name


def _attributes(el: Any) -> dict[str, str]:
    """An element's attributes as feedparser's handlers see them: names lowercased, a
    known namespace's by its prefix ("xml:lang"), an unknown one's by the bare name,
    and the values of rel and type lowercased."""
    items = el.items()
    if not items:
        return {}
    attrs: dict[str, str] = {}
    plain = []
    for name, value in items:
        if name[0] == "{":
            uri, local = name[1:].split("}", 1)
            known = _KNOWN_NS.get(uri.lower(), "")
            attrs[(f"{known}:{local}" if known else local).lower()] = value
        else:
            plain.append((name.lower(), value))
    attrs.update(plain)  # feedparser's second pass, by qualified name, puts these last
    for key in ("rel", "type"):
        if key in attrs:
            attrs[key] = attrs[key].lower()
    return attrs


def _resolve(uri: str) -> str:
    """feedparser's _urljoin with no base (none without xml:base): the slashes after
    "scheme://" squeezed out."""
    match = _urifixer.match(uri)
    if match is None or not match.group(2):
        return uri
    return match.group(1) + uri[match.end(2) :]


def _text(el: Any) -> str:
    """An element's text as feedparser's pop() leaves it, before any URI resolution."""
    return (el.text or "").strip()


def _repair(value: str) -> str:
    """feedparser's last touches on every text: UTF-8 read as Latin-1 is read again,
    and C1 controls become the Windows-1252 characters they stand for."""
    if value.isascii():
        return value
    raw = value.encode("utf-8")
    if b"\xc2" not in raw:
        # Both need a character from U+0080 to U+00BF, which UTF-8 starts with C2: the
        # first is a control, the second a continuation byte once read as Latin-1.
        return value
    try:
        value = value.encode("iso-8859-1").decode("utf-8")
        raw = value.encode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return value.translate(_cp1252) if _C1_UTF8.search(raw) else value


def _content_type(attrs: Mapping[str, str], default: str) -> str:
    """The type of a text construct; anything but plain text or HTML is feedparser's."""
    if not attrs:
        return default
    if "mode" in attrs:
        raise _Unsure("mode")
    kind = _FeedParserMixin.map_content_type(attrs.get("type", default))
    if kind not in _TEXT_TYPES:
        raise _Unsure(f"type {kind}")
    return kind


class _Reader:
    """Walks an lxml tree as feedparser's handlers would, for the elements it knows."""

    def __init__(self, root: Any, *, check_base: bool) -> None:
        self.check_base = check_base
        self.entries: list[dict[str, Any]] = []
        self.language: str | None = None
        self.version = ""
        self.title_depth = -1
        # The current entry's state.
        self.entry: dict[str, Any] = {}
        self.depths: dict[str, int] = {}
        self.field_depths: dict[str, int] = {}
        self.has_content = False
        #: feedparser's has-a-summary and has-content flags for the entry, as they would
        #: be without the Media RSS elements
        self.plain_summary = self.plain_content = False
        attrs = self.attributes(root)
        lang = attrs.get("xml:lang", attrs.get("lang"))
        if lang:
            self.language = lang.replace("_", "-")
        if root.tag == "rss" and attrs.get("version", "").startswith("2."):
            self.version = "rss20"
            children = list(root)
            if len(children) != 1 or self.name(children[0]) != "channel":
                raise _Unsure("rss without one channel")
            if set(self.attributes(children[0])) - {"xml:lang", "lang"}:
                raise _Unsure("channel attributes")
            self.feed(children[0], 3, top=True)
        elif root.tag == _ATOM:
            self.version = "atom10"
            self.feed(root, 2, top=True)
        else:
            raise _Unsure(f"root {root.tag}")

    def name(self, el: Any) -> str:
        """feedparser's name for the element; checks for xml:base on the way."""
        tag = el.tag
        if not isinstance(tag, str):
            raise _Unsure("entity reference")
        if self.check_base:
            self.attributes(el)
        return _handler_name(tag, el.prefix)

    def attributes(self, el: Any) -> dict[str, str]:
        attrs = _attributes(el)
        if "xml:base" in attrs or "base" in attrs:
            raise _Unsure("xml:base")  # relative links would be resolved against it
        return attrs

    def kind(self, el: Any, table: Mapping[str, int]) -> int | None:
        """The element's kind in this context; None for an element without a handler."""
        name = self.name(el)
        kind = table.get(name)
        if kind is None and (name in _HANDLED or name in _READ_KEYS):
            raise _Unsure(f"element {name}")
        return kind

    def leaf(self, el: Any, names: set[str] | None = None) -> None:
        if names is not None and self.name(el) not in names:
            raise _Unsure(f"element {el.tag} in a container")
        if len(el):
            raise _Unsure(f"children in {el.tag}")

    # -- feed level: only the language and the entries matter

    def feed(self, parent: Any, depth: int, *, top: bool = False) -> None:
        for el in parent:
            kind = self.kind(el, _IN_FEED)
            if kind is None:
                self.feed(el, depth + 1)
            elif kind == _ENTRY:
                if not top:
                    raise _Unsure("item below the channel")
                self.item(el, depth)
            elif kind == _LANGUAGE:
                self.leaf(el)
                self.language = _repair(_text(el))
            elif kind in (_IMAGE, _PERSON):
                for part in el:
                    self.leaf(part, _IMAGE_PARTS if kind == _IMAGE else _PERSON_PARTS)
            elif kind == _BOX:
                for part in el:
                    if self.kind(part, _IN_FEED) not in (_LEAF, None):
                        raise _Unsure("media part")
                    self.leaf(part)
            else:
                self.leaf(el)

    # -- entries

    def item(self, el: Any, depth: int) -> None:
        if set(self.attributes(el)) - {"xml:lang", "lang"}:
            raise _Unsure("item attributes")  # rdf:about, lastmod, href
        self.entry, self.depths = {_VERSION_KEY: self.version}, {}
        self.field_depths = {}
        self.plain_summary = self.plain_content = False
        self.entries.append(self.entry)
        self.title_depth = -1
        for child in el:
            self.in_entry(child, depth + 1)
        self.has_content = False

    def field(self, name: str, kind: str | None, value: str, depth: int) -> None:
        """Keep what each element said, by its own name: the body and title are chosen
        from these (see choose_body), not from feedparser's merged keys. Like feedparser,
        one value a name (the least deep, the last among equals), but every content."""
        fields = self.entry.setdefault(FIELDS_KEY, [])
        if name not in MULTI_FIELDS:
            old = self.field_depths.get(name)
            if old is not None:
                if depth > old:
                    return
                fields[:] = [f for f in fields if f[0] != name]
            self.field_depths[name] = depth
        fields.append((name, kind, value))

    def store(self, key: str, value: Any, depth: int) -> bool:
        """feedparser keeps the value found least deep, the last one among equals."""
        old = self.depths.get(key)
        if old is None or depth <= old:
            self.depths[key] = depth
            self.entry[key] = value
            return True
        return False

    def in_entry(self, el: Any, depth: int) -> None:
        name = _NAMES.get(el.tag)
        if name is None or self.check_base:
            name = self.name(el)
        kind = _IN_ENTRY.get(name)
        if kind is None or kind == _BOX:
            if kind is None and (name in _HANDLED or name in _READ_KEYS):
                raise _Unsure(f"element {name}")
            for child in el:
                self.in_entry(child, depth + 1)
            return
        if kind == _PERSON:
            for part in el:
                self.leaf(part, _PERSON_PARTS)
            return
        if len(el):
            raise _Unsure(f"children in {name}")
        if kind == _LEAF:
            return
        text = (el.text or "").strip()
        if kind in (_TITLE, _MEDIA_TITLE):
            title_type = _content_type(_attributes(el), "text/plain")
            value = _repair(text)
            self.field(_FIELD_NAMES.get(name, name), title_type, value, depth)
            if not -1 < self.title_depth <= depth and self.store("title", value, depth):
                self.entry[_TITLE_TYPE_KEY] = title_type
            if value and kind == _TITLE:  # media:title leaves title_depth as it was
                self.title_depth = depth
        elif kind == _LINK:
            self.link(el, text)
        elif kind == _GUID:
            permalink = _attributes(el).get("ispermalink", "true") == "true"
            value = _repair(_resolve(text) if permalink else text)
            self.store("id", value, depth)
            if permalink:
                self.entry.setdefault("link", value)
        elif kind == _PUBLISHED:
            self.field("published", None, _repair(text), 0)  # the last one, at any depth
        elif kind == _UPDATED:
            self.field("updated", None, _repair(text), 0)
        elif kind in (_DESCRIPTION, _SUMMARY):
            attrs = _attributes(el)
            # The type the publisher declared: feedparser's second-summary rule below is
            # about where it files the value, not about what the value is.
            field = _FIELD_NAMES.get(name, name)
            media = field == "media:description"
            # Media RSS: a description is plain text unless its type says "html".
            html_default = kind == _DESCRIPTION and not media
            declared = _content_type(attrs, "text/html" if html_default else "text/plain")
            value = _repair(text)
            if "summary" in self.entry and not self.has_content:
                # A second summary is read as content (feedparser's _start_description).
                _content_type(attrs, "text/plain")
                self.has_content = True
                self.entry.setdefault("content", []).append({"value": value})
            else:
                self.store("summary", value, depth)
            if not media:
                # Named as feedparser files it in the document without its Media RSS
                # texts (what _read_feedparser hands it), so that both readers choose
                # the same text: a second description is its content.
                if self.plain_summary and not self.plain_content:
                    field = "atom:content" if self.version == "atom10" else "content:encoded"
                    self.plain_content = True
                self.plain_summary = True
            self.field(field, declared, value, depth)
        elif kind == _CONTENT:
            encoded = name == "content_encoded"
            content_type = _content_type(_attributes(el), "text/html" if encoded else "text/plain")
            self.has_content = self.plain_content = self.plain_summary = True
            value = _repair(text)
            self.field(_FIELD_NAMES.get(name, name), content_type, value, depth)
            self.entry.setdefault("content", []).append({"value": value})
            self.entry.setdefault("summary", value)
        elif kind == _LANGUAGE:
            self.store("language", _repair(text), depth)
        elif kind == _SOURCE:
            self.title_depth = -1
            if text:  # RSS <source url="...">Outlet</source>: an aggregator's outlet
                self.field("source", None, _repair(text), depth)

    def link(self, el: Any, text: str) -> None:
        """feedparser's _start_link: an href (Atom) or the text (RSS)."""
        attrs = _attributes(el)
        rel = attrs.setdefault("rel", "alternate")
        attrs.setdefault("type", "application/atom+xml" if rel == "self" else "text/html")
        href = attrs.get("url", attrs.get("uri", attrs.get("href")))
        if href:
            attrs["href"] = href
        if "href" in attrs:
            kind = _FeedParserMixin.map_content_type(attrs["type"])
            if rel == "alternate" and kind in _HTML_TYPES:
                self.entry["link"] = _resolve(attrs["href"])
            return
        value = _repair(_resolve(text))
        if "&" in value:
            value = _LINK_ENTITY.sub(r"&\g<1>", value.replace("&amp;", "&"))
        self.entry["link"] = value
