"""What a user hands `monitor extract`, `replay` and `show`: seed-format files and
folders of them, feed files (RSS, Atom, JSON Feed) and http(s) URLs of a feed or an
article page. Each becomes the articles the daemon would store from it, exactly:

    PATH (folder)        -> its *.txt seed files, by name
    PATH (file)          -> a feed when it reads as one (XML or JSON), else a seed file
    URL                  -> fetched once: a feed when it reads as one, else a page

A feed's items keep their own publication times and links; the caps are the daemon's:
a feed file or a fetched body up to MAX_FEED_BYTES, each item up to the seed format's
MAX_FILE_BYTES of text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from monitor import seedformat
from monitor.article import Article, Entry, normalize
from monitor.config import HttpConfig
from monitor.errors import ArticleFileError, MonitorError, ParseError, SourceError

#: A feed file read from disk at most (a quarter of a publisher's items is a few MB).
MAX_FEED_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class Skipped:
    """An item left out of a feed that was read (no title nor text; too large): worth a
    warning, not a failure of the command."""

    message: str


@dataclass(frozen=True, kw_only=True)
class Loaded:
    """One article read from what the user named.

    label: what commands print for it: the file's path, or the item's canonical link
    (its path or the feed's address with the item's number when it has none).
    """

    label: str
    article: Article


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def load(
    args: list[str], *, now: datetime | None = None, http: HttpConfig | None = None
) -> Iterator[Loaded | Skipped | ArticleFileError]:
    """The articles of each argument in turn; a file that cannot be read is yielded as
    its error (the caller reports it and goes on), a URL that cannot be fetched raises."""
    now = now or datetime.now(UTC)
    for arg in args:
        if is_url(arg):
            yield from _from_url(arg, now=now, http=http or HttpConfig())
            continue
        path = Path(arg)
        if path.is_dir():
            files = seedformat.iter_article_files([path])
            if not files:
                yield ArticleFileError(f"{path}: no article files (*.txt) in this folder")
            for file in files:
                yield from _from_seed(file, now=now)
        elif not path.exists():
            yield ArticleFileError(f"{path}: no such file or folder")
        else:
            yield from _from_file(path, now=now)


def _from_file(path: Path, *, now: datetime) -> Iterator[Loaded | Skipped | ArticleFileError]:
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        yield ArticleFileError(f"{path}: cannot read: {exc.strerror or exc}")
        return
    if not _looks_like_feed(head):
        yield from _from_seed(path, now=now)
        return
    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            yield ArticleFileError(
                f"{path}: larger than {MAX_FEED_BYTES // (1024 * 1024)} MB, not read as a feed"
            )
            return
        body = path.read_bytes()
    except OSError as exc:
        yield ArticleFileError(f"{path}: cannot read: {exc.strerror or exc}")
        return
    try:
        yield from _from_feed(body, label=str(path), url=str(path), content_type=None, now=now)
    except ParseError as exc:
        # The message names the file already ("source NAME: PATH: not a readable feed").
        yield ArticleFileError(str(exc).removeprefix(f"source {exc.source}: "))


def _looks_like_feed(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        return True
    if not start.startswith(b"<"):
        return False
    return any(tag in start for tag in (b"<rss", b"<feed", b"<rdf", b"<?xml"))


def _from_seed(path: Path, *, now: datetime) -> Iterator[Loaded | ArticleFileError]:
    try:
        doc, published = seedformat.read_timed(path)
    except ArticleFileError as exc:
        yield exc
        return
    entry = Entry(
        source=path.parent.name or "files",
        guid=f"file:{path.name}",
        text=doc.text,
        text_field="file",
        published=published,
        year_month=doc.year_month,
        text_dates=True,
        origin=str(path),
    )
    article = normalize(entry, fetched=now)
    if article is None:
        yield ArticleFileError(f"{path}: empty article")
    else:
        yield Loaded(label=str(path), article=article)


def _from_feed(
    body: bytes, *, label: str, url: str, content_type: str | None, now: datetime
) -> Iterator[Loaded | Skipped]:
    from monitor.sources.feed import parse_feed

    source = Path(label).stem if not is_url(label) else "url"
    entries, problems = parse_feed(
        body, source=source, url=url, content_type=content_type, max_entries=None
    )
    for problem in problems:
        yield Skipped(message=problem)
    for number, entry in enumerate(entries, 1):
        if len(entry.text) > seedformat.MAX_FILE_BYTES:
            yield Skipped(
                message=f"{label}: item {number}: text larger than "
                f"{seedformat.MAX_FILE_BYTES // 1024} KB, skipped"
            )
            continue
        article = normalize(entry, fetched=now)
        if article is not None:
            yield Loaded(label=article.url or f"{label}#item-{number}", article=article)


def _from_url(url: str, *, now: datetime, http: HttpConfig) -> Iterator[Loaded | Skipped]:
    from monitor.sources.http import fetch, make_client
    from monitor.sources.page import ACCEPT_HTML, parse_page

    async def get() -> tuple[bytes, str | None, str]:
        client = make_client(http)
        try:
            resp = await fetch(
                client, url, source=url, config=http, accept=f"{_ACCEPT_ANY}, {ACCEPT_HTML}"
            )
        finally:
            await client.aclose()
        return resp.body or b"", resp.content_type, resp.url

    try:
        body, content_type, final_url = asyncio.run(get())
    except SourceError as exc:
        # One line naming the URL once ("source URL: URL: HTTP 404" otherwise).
        raise MonitorError(str(exc).removeprefix(f"source {exc.source}: ")) from None
    kind = (content_type or "").lower()
    feed_type = "html" not in kind and any(k in kind for k in ("rss", "atom", "xml", "json"))
    if feed_type or (_looks_like_feed(body[:512]) and b"<html" not in body[:512].lower()):
        try:
            yield from _from_feed(
                body, label=final_url, url=final_url, content_type=content_type, now=now
            )
            return
        except ParseError as exc:
            if feed_type:
                raise MonitorError(str(exc).removeprefix(f"source {exc.source}: ")) from None
    try:
        entry = parse_page(body, source="url", url=final_url)
    except ParseError as exc:
        raise MonitorError(str(exc).removeprefix(f"source {exc.source}: ")) from None
    article = normalize(entry, fetched=now)
    if article is not None:
        yield Loaded(label=article.url or final_url, article=article)


_ACCEPT_ANY = "application/rss+xml, application/atom+xml, application/feed+json"
