"""The one record every source's items become.

    Entry (what a source saw)  --normalize()-->  Article (what the pipeline keeps)

Identity: an article is the same article when its canonical link is the same
(across all the feeds of a publisher), else its guid, else its text; ``Article.uid``
is the SHA-256 of that identity (see entry_uid). Archive file names hash the
canonical URL, else the text, as the seed format says.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from monitor import seedformat

#: Query parameters that track the reader, not the article.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_[ce]id|xtor|at_\w+|ito|cmp|ns_\w+|ocid)$", re.I)


@dataclass(frozen=True, kw_only=True)
class Entry:
    """One item as a source delivered it, before normalization.

    Fields are as found: any may be missing. ``published`` is aware when set.
    ``text`` is plain text with paragraphs separated by blank lines, or HTML when
    ``html`` is true. ``year_month`` is the seed date line's month, for files.
    """

    source: str
    guid: str | None = None
    url: str | None = None
    title: str | None = None
    #: False for a title declared plain text (Atom type="text"): read as it is
    title_html: bool = True
    text: str = ""
    html: bool = False
    #: which field of the item the text came from ("content:encoded", "description",
    #: "atom:content", "page", "file"...), for `monitor show`
    text_field: str | None = None
    published: datetime | None = None
    year_month: tuple[int, int] | None = None
    #: whether a date in the text (a dateline) may date an entry that has none of its
    #: own: seed files only; a feed item or a page without a date is dated when read
    text_dates: bool = False
    language: str | None = None
    origin: str | None = None  # file path or feed URL, for error messages
    #: an identity the source sets itself (a page: its URL and its text's hash)
    key: str | None = None
    #: the item shares its link with other items of its feed that have other guids
    shared_link: bool = False
    #: the item shares its guid with other items of its feed that have other links
    shared_guid: bool = False


@dataclass(frozen=True, kw_only=True)
class Article:
    """A normalized article.

    uid: SHA-256 hex of the identity (see entry_uid()).
    url: canonical URL or None. title: one line. text: plain paragraphs joined
    by blank lines. published: aware, with the offset the publisher gave (its
    local day is ``published.date()``): from the item, else the seed month or
    dateline, else when it was read. published_exact: False when it was not
    given (the time it was read, or a guessed day). source: the source that
    first brought it; sources: every source that has listed it, first one first.
    text_field: which field of the item the text came from.
    """

    uid: str
    guid: str | None
    url: str | None
    title: str
    text: str
    published: datetime
    published_exact: bool
    source: str
    language: str | None
    fetched: datetime
    year_month: tuple[int, int] | None = field(default=None, compare=False)
    text_field: str | None = None
    sources: tuple[str, ...] = ()
    #: the uid the article had before identities merged links across feeds (a store
    #: written by an older release knows it by that one)
    legacy_uid: str | None = field(default=None, compare=False)
    #: its guid's key (see guid_key()): a story whose link changes under a stable guid
    #: is still this one
    guid_key: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.sources:
            object.__setattr__(self, "sources", (self.source,))

    @property
    def day(self) -> date:
        """The publisher's local day of publication."""
        return self.published.date()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(self.text.split("\n\n")) if self.text else ()

    @property
    def file_identity(self) -> str:
        """What the archive file name hashes: canonical URL, else text."""
        return self.url or self.text

    def to_seed(self) -> seedformat.SeedDoc:
        paragraphs = self.paragraphs
        # Keep the title as the first paragraph unless the text already starts with it
        # (a title made from the first sentence ends in "…" when it was cut).
        title = self.title.removesuffix("…").rstrip()
        if title and (not paragraphs or not paragraphs[0].startswith(title)):
            paragraphs = (self.title, *paragraphs)
        ym = (self.published.year, self.published.month)
        return seedformat.SeedDoc(year_month=ym, paragraphs=paragraphs)


# Each item's link and guid are canonicalized several times on their way (telling
# items of a feed apart, the uid, the guid's key, the stored URL): a small cache makes
# that once per item.
@functools.lru_cache(maxsize=16384)
def canonical_url(url: str | None) -> str | None:
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped.

    >>> canonical_url("HTTPS://Example.org:443/a/b?utm_source=x&id=3#top")
    'https://example.org/a/b?id=3'
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    try:
        port = parts.port
    except ValueError:
        return None
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = (
        urlencode(
            [
                (k, v)
                for k, v in parse_qsl(parts.query, keep_blank_values=True)
                if not _TRACKING.match(k)
            ]
        )
        if parts.query
        else ""
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize(
    entry: Entry, *, fetched: datetime, default_language: str | None = None
) -> Article | None:
    """One Entry -> one Article, or None when it has neither text nor title."""
    from monitor import htmltext

    if entry.html:
        text = htmltext.html_to_paragraphs(entry.text)
    else:
        text = htmltext.plain_to_paragraphs(entry.text)
    title = entry.title or ""
    # Titles are text, but publishers put markup and entities in them, escaped once
    # more than the format asks ("&amp;#8217;"): read them the way readers show them.
    if entry.title_html and ("<" in title or "&" in title):
        title = htmltext.html_to_paragraphs(title).replace("\n\n", " ")
        if "&" in title:
            title = html.unescape(title)
    # One line; a no-break space stays, as in the text ("Ukraine\u00a0: ...").
    title = seedformat.clean_paragraph(title.replace("\n", " "))
    if not text and not title:
        return None
    if not title:
        title = _first_sentence(text)
    url = canonical_url(entry.url)
    guid = (entry.guid or "").strip() or None
    published, exact = _published(entry, text, fetched)
    return Article(
        uid=entry_uid(entry) or sha256(f"text:{sha256(text or title)}"),
        guid=guid,
        url=url,
        title=title[:500],
        text=text,
        published=published,
        published_exact=exact,
        source=entry.source,
        language=entry.language or default_language or _guess_language(text or title),
        fetched=fetched,
        year_month=entry.year_month,
        text_field=(entry.text_field if text else None),
        legacy_uid=legacy_uid(entry),
        guid_key=guid_key(entry),
    )


@functools.lru_cache(maxsize=16384)
def identity_key(url: str) -> str:
    """What makes two canonical URLs one story: the scheme, a "www." and a trailing
    slash are not part of it.

    >>> identity_key("https://www.example.org/a/1/") == identity_key("http://example.org/a/1")
    True
    """
    parts = urlsplit(url)
    host = (parts.netloc or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def link_key(url: str | None) -> str | None:
    """The identity key of a link as found (canonicalized first), None for no link."""
    canonical = canonical_url(url)
    return identity_key(canonical) if canonical else None


def entry_uid(entry: Entry) -> str | None:
    """The uid normalize() gives the entry's article, known before its text is cleaned.
    None when only its text can identify it.

    A story is one story wherever it is listed: its canonical link identifies it across
    all the feeds of a publisher (one feed's tracking parameters, http or https, a
    trailing slash, a guid whose version suffix changes: one story). A guid identifies
    it when it has no link of its own, or a link that is not an article's (a site's home
    page, or one its feed gives to other items with other guids): a guid that is a URL
    is read as one, any other guid is scoped to the publisher (the host of the feed that
    lists it). A source that sets its own key (a page: URL and text) is identified by it.
    Its guid identifies it too (guid_key), so a link edited under a stable guid is the
    same story.

    >>> def uid(source, guid=None, url=None, origin=None):
    ...     return entry_uid(Entry(source=source, guid=guid, url=url, origin=origin))
    >>> uid("une", "a1", "https://ex.org/1?xtor=RSS-1") == uid("intl", "b2", "http://ex.org/1/?xtor=RSS-2")
    True
    >>> feed = "https://www.ex.org/rss/{}.xml"
    >>> uid("une", "tag:1", origin=feed.format("une")) == uid("intl", "tag:1", origin=feed.format("intl"))
    True
    >>> uid("a", "tag:1", origin="https://one.example/rss") == uid("b", "tag:1", origin="https://two.example/rss")
    False
    >>> uid("a", "tag:1", "https://ex.org/") == uid("a", "tag:2", "https://ex.org/")
    False
    """
    if entry.key:
        return sha256(f"key:{entry.key}")
    link = link_key(entry.url)
    if link and not entry.shared_link and not _home_page(link):
        return sha256(f"url:{link}")
    return guid_key(entry) or (sha256(f"url:{link}") if link else None)


def guid_key(entry: Entry) -> str | None:
    """The key of the entry's guid: a guid that is a URL as a link is, any other scoped
    to the publisher. None without a guid."""
    guid = (entry.guid or "").strip() or None
    if guid is None or entry.key or (entry.shared_guid and entry.url):
        return None
    as_link = link_key(guid) if _is_url(guid) else None
    if as_link:
        return sha256(f"url:{as_link}")
    return sha256(f"{_publisher(entry)}|guid:{guid}")


def _home_page(key: str) -> bool:
    """A link to a site's root names no article (a feed of bulletins all linking home).
    Its identity key ends in "/" only then (identity_key drops trailing slashes)."""
    return key.endswith("/") and "?" not in key


def legacy_uid(entry: Entry) -> str | None:
    """The uid an entry had before identities were merged across feeds (guid first,
    scoped to the source): how a store written then knows the entry."""
    guid = (entry.guid or "").strip() or None
    if guid and entry.shared_guid:
        return None  # that release kept one of the items sharing it: not this one's key
    if guid:
        return sha256(f"guid:{guid}") if _is_url(guid) else sha256(f"{entry.source}|guid:{guid}")
    url = canonical_url(entry.url)
    return sha256(f"url:{url}") if url else None


def _publisher(entry: Entry) -> str:
    """Who a guid that is not a URL belongs to: the feed's host (one publisher's feeds
    share guids), else the source."""
    host = _host(entry.origin or "")
    return f"host:{host}" if host else f"source:{entry.source}"


@functools.lru_cache(maxsize=1024)
def _host(origin: str) -> str:
    """The host of a feed's address, without "www."; "" for a file or no address."""
    if not origin.startswith(("http://", "https://")):
        return ""
    try:
        return (urlsplit(origin).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def _guess_language(text: str) -> str:
    from monitor.extract.lexicon import language

    return language(text)


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _first_sentence(text: str, limit: int = 160) -> str:
    first = text.split("\n\n", 1)[0]
    m = re.match(r"(.{20,}?[.!?…])(\s|$)", first)
    sentence = m.group(1) if m else first
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _published(entry: Entry, text: str, fetched: datetime) -> tuple[datetime, bool]:
    """The item's own date (its offset kept), else the day a seed file gives (its date
    line's month, a dateline), else the time it was read, marked inexact. A date found
    in the text of a feed item or a page never dates it: that is any date the story
    mentions ("depuis le 24 février", a "© 2019" footer), not its own."""
    # A date more than a day ahead is a broken feed, not news from the future.
    if entry.published is not None and entry.published <= fetched + timedelta(days=1):
        return entry.published, True
    if entry.year_month is None and not entry.text_dates:
        return fetched, False
    # Imported here: extraction is a heavier module and only needed for seed files.
    from monitor.extract import article_date

    fallback = fetched.date()
    day: date = article_date(text, year_month=entry.year_month, fallback=fallback)
    if entry.year_month is None and day == fallback:
        return fetched, False
    return datetime.combine(day, time(12, 0), tzinfo=UTC), True
