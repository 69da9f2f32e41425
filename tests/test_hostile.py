"""Hostile input, on loopback: each is refused or cut with one clear line, and the
cycle goes on."""

from __future__ import annotations

import asyncio
import resource
import time
from datetime import UTC, datetime, timedelta

import pytest
from feeds import Item, entity_bomb, rss

from monitor.article import Entry, normalize
from monitor.config import HttpConfig, SourceConfig
from monitor.errors import FetchError, ParseError
from monitor.sources import SourceState, make_source
from monitor.sources.feed import MAX_ENTRIES
from monitor.sources.http import make_client


def poll(config, http=None):
    http = http or HttpConfig(timeout=10)

    async def go():
        client = make_client(http)
        try:
            return await make_source(config, http).fetch(client, SourceState())
        finally:
            await client.aclose()

    return asyncio.run(go())


def feed(url):
    return SourceConfig(name="hostile", kind="feed", url=url)


BILLION_LAUGHS = entity_bomb(7)


def test_xml_entity_expansion_is_not_expanded(feed_server):
    url = feed_server.route("/bomb.xml", BILLION_LAUGHS)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        fetched = poll(feed(url))
    except ParseError:
        return  # refused outright: fine
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, f"memory grew by {grown_mb:.0f} MB"
    assert all(len(e.text) < 1_000_000 for e in fetched.entries)


def test_a_body_naming_a_local_file_is_not_read_from_disk(feed_server, tmp_path):
    """feedparser opens bytes that look like a file name: a server answering with the
    path of a file on this machine must not get that file read as its feed."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss([Item(title="from the disk", link="https://x.example/s")]))
    url = feed_server.route("/path.xml", str(secret).encode(), content_type="application/rss+xml")
    with pytest.raises(ParseError, match=r"path\.xml"):
        poll(feed(url))


def test_a_feed_of_100k_items_is_cut_before_parsing(feed_server):
    item = b"<item><title>t</title><link>https://x.example/%d</link><description>x</description></item>"
    body = b'<rss version="2.0"><channel><title>t</title>' + b"".join(
        item % i for i in range(100_000)
    )
    url = feed_server.route("/100k.xml", body + b"</channel></rss>")
    start = time.monotonic()
    fetched = poll(feed(url), HttpConfig(timeout=30, max_bytes=50_000_000))
    assert len(fetched.entries) == MAX_ENTRIES
    assert any("only the first" in p for p in fetched.problems)
    assert time.monotonic() - start < 10, "the other 99,000 items are never parsed"


def test_a_feed_with_too_many_items_is_cut(feed_server):
    many = [
        Item(title=f"t{i}", link=f"https://x.example/{i}", guid=f"g{i}", body="x")
        for i in range(MAX_ENTRIES + 500)
    ]
    url = feed_server.route("/many.xml", rss(many))
    fetched = poll(feed(url))
    assert len(fetched.entries) == MAX_ENTRIES
    assert any(f"only the first {MAX_ENTRIES} read" in p for p in fetched.problems)


def test_a_10_mb_single_line_is_refused_by_the_cap(feed_server):
    url = feed_server.route("/line.xml", b"<rss>" + b"A" * (10 * 1024 * 1024) + b"</rss>")
    with pytest.raises(FetchError, match="cap"):
        poll(feed(url), HttpConfig(timeout=10, max_bytes=5 * 1024 * 1024))


def test_a_10_mb_inbox_file_is_refused_and_the_rest_read(tmp_path):
    (tmp_path / "001_big.txt").write_bytes(b" date 2022-02 " + b"A" * (10 * 1024 * 1024))
    (tmp_path / "002_ok.txt").write_text(" date 2022-02 Un article.\n", encoding="utf-8")
    fetched = poll(SourceConfig(name="inbox", kind="files", path=tmp_path, settle=0))
    assert [e.text for e in fetched.entries] == ["Un article."]
    assert len(fetched.problems) == 1 and "001_big.txt" in fetched.problems[0]


@pytest.mark.parametrize(
    "date", ["Thu, 99 Foo 99999 99:99:99 GMT", "yesterday-ish", "0000-00-00", ""]
)
def test_nonsense_dates_fall_back_to_when_the_item_was_read(feed_server, date):
    doc = rss([Item(title="Sans date lisible", link="https://x.example/d", body="Texte.")]).replace(
        b"</title>\n", f"</title>\n<pubDate>{date}</pubDate>\n".encode(), 1
    )
    url = feed_server.route("/dates.xml", doc)
    [entry] = poll(feed(url)).entries
    now = datetime.now(UTC)
    article = normalize(entry, fetched=now)
    assert article is not None and abs(article.published - now) < timedelta(days=1)


def test_dates_in_the_far_future_are_not_believed():
    now = datetime.now(UTC)
    entry = Entry(source="s", title="t", text="Texte.", published=now + timedelta(days=3650))
    article = normalize(entry, fetched=now)
    assert article is not None and article.published == now and not article.published_exact
