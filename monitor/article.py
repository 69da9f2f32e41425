"""The one record every source's items become.

    Entry (what a source saw)  --normalize()-->  Article (what the pipeline keeps)

Identity: an article is the same article when its guid is the same, else its
canonical URL, else its text; ``Article.uid`` is the SHA-256 of that identity.
Archive file names hash the canonical URL, else the text, as the seed format says.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from monitor import seedformat

#: Query parameters that track the reader, not the article.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_[ce]id|xtor|at_\w+|ito|cmp|ns_\w+|ocid)$", re.I)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(
    r"</?(p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|tr|table)\b[^>]*>", re.I
)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


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
    text: str = ""
    html: bool = False
    published: datetime | None = None
    year_month: tuple[int, int] | None = None
    language: str | None = None
    origin: str | None = None  # file path or feed URL, for error messages


@dataclass(frozen=True, kw_only=True)
class Article:
    """A normalized article.

    uid: SHA-256 hex of the identity (guid, else canonical URL, else text).
    url: canonical URL or None. title: one line. text: plain paragraphs joined
    by blank lines. published: aware UTC (from the item, else the seed month
    or dateline, else when it was read). published_exact: False when the
    day was guessed. source: the source's name. language: ISO 639-1 or None.
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
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ]
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def html_to_paragraphs(markup: str) -> str:
    """Plain text from an HTML fragment: block tags become paragraph breaks, entities decoded."""
    markup = _SCRIPT.sub(" ", markup)
    markup = _BLOCK_TAG.sub("\n\n", markup)
    text = html.unescape(_TAG.sub("", markup))
    return "\n\n".join(seedformat.split_paragraphs(text))


def clean_text(text: str) -> str:
    """Plain text as paragraphs: control characters dropped, whitespace folded."""
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return "\n\n".join(seedformat.split_paragraphs(text))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize(
    entry: Entry, *, fetched: datetime, default_language: str | None = None
) -> Article | None:
    """One Entry -> one Article, or None when it has neither text nor title."""
    text = html_to_paragraphs(entry.text) if entry.html else clean_text(entry.text)
    title = " ".join((entry.title or "").split())
    if title and "<" in title:
        title = html_to_paragraphs(title).replace("\n\n", " ")
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
    )


def entry_uid(entry: Entry) -> str | None:
    """The uid normalize() gives the entry's article, known before its text is cleaned:
    from the guid (scoped to the source unless it is a URL), else the canonical URL.
    None when the entry has neither, and only its text can identify it.

    >>> uid = lambda source, guid: entry_uid(Entry(source=source, guid=guid, title="t", text=""))
    >>> uid("a", "123") == uid("b", "123"), uid("a", "https://x.example/1") == uid("b", "https://x.example/1")
    (False, True)
    """
    guid = (entry.guid or "").strip() or None
    if guid:
        return sha256(f"guid:{guid}") if _is_url(guid) else sha256(f"{entry.source}|guid:{guid}")
    url = canonical_url(entry.url)
    return sha256(f"url:{url}") if url else None


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
    """The item's own date, else the day the text gives (seed month, dateline), else fetched."""
    # A date more than a day ahead is a broken feed, not news from the future.
    if entry.published is not None and entry.published <= fetched + timedelta(days=1):
        return entry.published.astimezone(UTC), True
    # Imported here: extraction is a heavier module and only needed for undated items.
    from monitor.extract import article_date

    fallback = fetched.date()
    day: date = article_date(text, year_month=entry.year_month, fallback=fallback)
    if entry.year_month is None and day == fallback:
        return fetched, False
    return datetime.combine(day, time(12, 0), tzinfo=UTC), True
