"""The test servers and feed builders work with real clients (httpx, smtplib, feedparser)."""

from __future__ import annotations

import gzip
import html
import re
import smtplib
import socket
import threading
import time
from datetime import UTC, datetime
from email.message import EmailMessage

import feedparser
import httpx
import pytest
from feeds import SEEDS, Item, atom, paragraphs, rss
from servers import FeedServer, SmtpServer, free_port

NBSP = "\u00a0"

# --------------------------------------------------------------------------- FeedServer


def test_route_serves_body_and_records_request(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed.xml", "<rss>é</rss>")
    assert url == feed_server.url("/feed.xml")
    assert url.startswith("http://127.0.0.1:")
    r = httpx.get(url, headers={"User-Agent": "monitor-test/1.0"})
    assert r.status_code == 200
    assert r.http_version == "HTTP/1.1"
    assert r.content == "<rss>é</rss>".encode()
    assert r.headers["content-length"] == str(len(r.content))
    assert r.headers["content-type"] == "application/rss+xml; charset=utf-8"
    req = feed_server.last_request("/feed.xml")
    assert req.method == "GET"
    assert req.headers["user-agent"] == "monitor-test/1.0"
    assert req.headers["If-None-Match"] is None
    assert feed_server.hits("/feed.xml") == 1
    assert feed_server.hits("/other") == 0


def test_unknown_path_is_404(feed_server: FeedServer) -> None:
    r = httpx.get(feed_server.url("/missing"))
    assert r.status_code == 404
    assert feed_server.hits("/missing") == 1


def test_route_can_change_while_running_and_keeps_connection(feed_server: FeedServer) -> None:
    feed_server.route("/f", b"one")
    with httpx.Client() as client:
        assert client.get(feed_server.url("/f")).content == b"one"
        feed_server.route("/f", b"two", status=503, headers={"Retry-After": "7"})
        r = client.get(feed_server.url("/f"))
        assert (r.status_code, r.content, r.headers["retry-after"]) == (503, b"two", "7")
        feed_server.unroute("/f")
        assert client.get(feed_server.url("/f")).status_code == 404
    ports = {req.client_port for req in feed_server.requests}
    assert len(ports) == 1, "keep-alive: all three requests on one connection"


def test_conditional_get_answers_304(feed_server: FeedServer) -> None:
    stamp = "Sat, 15 Jan 2022 12:00:00 GMT"
    url = feed_server.route("/c.xml", b"<rss/>", etag='"v1"', last_modified=stamp)
    with httpx.Client() as client:
        first = client.get(url)
        assert first.status_code == 200
        assert first.headers["etag"] == '"v1"'
        assert first.headers["last-modified"] == stamp

        by_etag = client.get(url, headers={"If-None-Match": '"v1"'})
        assert by_etag.status_code == 304
        assert by_etag.content == b""
        assert by_etag.headers["etag"] == '"v1"'

        by_date = client.get(url, headers={"If-Modified-Since": stamp})
        assert by_date.status_code == 304

        later = "Sun, 16 Jan 2022 00:00:00 GMT"
        assert client.get(url, headers={"If-Modified-Since": later}).status_code == 304
        # A stale ETag wins over a matching date: the feed changed.
        stale = client.get(url, headers={"If-None-Match": '"v0"', "If-Modified-Since": stamp})
        assert stale.status_code == 200
        assert stale.content == b"<rss/>"
    sent = [r.headers["if-none-match"] for r in feed_server.requests_for("/c.xml")]
    assert sent == [None, '"v1"', None, None, '"v0"']


def test_gzip_body_is_decoded_by_httpx(feed_server: FeedServer) -> None:
    body = b"<rss>" + b"x" * 5000 + b"</rss>"
    url = feed_server.route("/z", body, gzip=True)
    with httpx.stream("GET", url) as r:
        raw = b"".join(r.iter_raw())
    assert r.headers["content-encoding"] == "gzip"
    assert int(r.headers["content-length"]) == len(raw) < len(body)
    assert gzip.decompress(raw) == body
    assert httpx.get(url).content == body


def test_redirect_is_followed(feed_server: FeedServer) -> None:
    feed_server.route("/new.xml", b"<rss/>")
    feed_server.route("/old.xml", redirect_to=feed_server.url("/new.xml"), status=301)
    feed_server.route("/rel", redirect_to="/new.xml")
    r = httpx.get(feed_server.url("/old.xml"), follow_redirects=True)
    assert r.status_code == 200
    assert r.url == feed_server.url("/new.xml")
    assert [h.status_code for h in r.history] == [301]
    assert httpx.get(feed_server.url("/rel")).status_code == 302
    assert httpx.get(feed_server.url("/rel"), follow_redirects=True).content == b"<rss/>"
    assert feed_server.hits("/old.xml") == 1
    assert feed_server.hits("/new.xml") == 2


def test_slow_route_times_out_without_blocking_others(feed_server: FeedServer) -> None:
    slow = feed_server.route("/slow", b"late", delay=30)
    fast = feed_server.route("/fast", b"quick")
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(slow, timeout=0.2)
    assert time.monotonic() - started < 2
    assert httpx.get(fast, timeout=2).content == b"quick"
    # The slow handler is still sleeping; close() must not wait for it.
    started = time.monotonic()
    feed_server.close()
    assert time.monotonic() - started < 1.5
    with pytest.raises(httpx.ConnectError):
        httpx.get(fast, timeout=1)


def test_chunked_route_streams_pieces(feed_server: FeedServer) -> None:
    pieces = [b"<rss>", b"<channel>", "<title>é</title>".encode(), b"</channel></rss>"]
    plain = feed_server.route("/chunked", chunks=pieces, chunk_delay=0.02)
    zipped = feed_server.route("/chunked-gz", chunks=pieces, gzip=True)
    r = httpx.get(plain)
    assert r.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in r.headers
    assert r.content == b"".join(pieces)
    assert httpx.get(zipped).content == b"".join(pieces)


def test_query_string_routes(feed_server: FeedServer) -> None:
    feed_server.route("/q", b"any")
    feed_server.route("/q?page=2", b"two")
    assert httpx.get(feed_server.url("/q?page=1")).content == b"any"
    assert httpx.get(feed_server.url("/q?page=2")).content == b"two"
    assert [r.target for r in feed_server.requests] == ["/q?page=1", "/q?page=2"]
    assert feed_server.hits("/q") == 2


def test_close_with_request_in_flight_and_idle_keepalive() -> None:
    server = FeedServer().start()
    server.route("/slow", b"late", delay=30)
    server.route("/ok", b"ok")
    with httpx.Client(timeout=5) as client:
        assert client.get(server.url("/ok")).content == b"ok"  # leaves an idle connection
        with httpx.Client(timeout=5) as other:
            errors: list[BaseException] = []

            def fetch() -> None:
                try:
                    other.get(server.url("/slow"))
                except httpx.HTTPError as exc:
                    errors.append(exc)

            thread = threading.Thread(target=fetch)
            thread.start()
            deadline = time.monotonic() + 2
            while server.hits("/slow") == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            started = time.monotonic()
            server.close()
            assert time.monotonic() - started < 1.5
            thread.join(5)
            assert not thread.is_alive()
            assert len(errors) == 1, "the in-flight request was cut off"


# --------------------------------------------------------------------------- SmtpServer


def _mail(subject: str, to: str = "alerts@example.org") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "monitor@example.org"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(f"Corps du message{NBSP}: 8{NBSP}500 soldats, é.\n")
    return msg


def test_smtp_message_arrives(smtp_server: SmtpServer) -> None:
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=5) as client:
        client.ehlo()
        assert not client.has_extn("auth"), "no AUTH offered without auth=True"
        assert not client.has_extn("starttls")
        client.send_message(_mail("Alerte : troupes é"))
    [got] = smtp_server.wait_for(1, timeout=5)
    assert got.mail_from == "monitor@example.org"
    assert got.rcpt_tos == ("alerts@example.org",)
    assert got.subject == "Alerte : troupes é"
    assert got["To"] == "alerts@example.org"
    assert f"8{NBSP}500 soldats, é." in got.text
    assert got.login is None
    assert smtp_server.messages == [got]


def test_smtp_stop_refuses_then_restart_accepts_on_same_port(smtp_server: SmtpServer) -> None:
    port = smtp_server.port
    smtp_server.stop()
    assert not smtp_server.running
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP(smtp_server.host, port, timeout=2)
    smtp_server.start()
    assert smtp_server.port == port
    with smtplib.SMTP(smtp_server.host, port, timeout=5) as client:
        client.send_message(_mail("back"))
    assert [m.subject for m in smtp_server.wait_for(1, timeout=5)] == ["back"]


def test_smtp_auth_accepts_any_credentials() -> None:
    with SmtpServer(auth=True) as server:
        for mechanism in ("LOGIN", "PLAIN"):
            with smtplib.SMTP(server.host, server.port, timeout=5) as client:
                client.ehlo()
                assert client.has_extn("auth")
                client.user, client.password = f"user-{mechanism}", "whatever"
                code, _ = client.auth(mechanism, getattr(client, f"auth_{mechanism.lower()}"))
                assert code == 235
                client.send_message(_mail(mechanism))
        got = server.wait_for(2, timeout=5)
        assert [(m.subject, m.login) for m in got] == [
            ("LOGIN", "user-LOGIN"),
            ("PLAIN", "user-PLAIN"),
        ]
        # Clients without credentials still get through.
        with smtplib.SMTP(server.host, server.port, timeout=5) as client:
            client.send_message(_mail("anonymous"))
        assert server.wait_for(3, timeout=5)[-1].login is None


def test_smtp_refusal_and_wait_for_timeout(smtp_server: SmtpServer) -> None:
    smtp_server.data_reply = "451 4.3.0 Try again later"
    with (
        smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=5) as client,
        pytest.raises(smtplib.SMTPDataError) as excinfo,
    ):
        client.send_message(_mail("refused"))
    assert excinfo.value.smtp_code == 451
    with pytest.raises(AssertionError, match="expected 1 message"):
        smtp_server.wait_for(1, timeout=0.1)


def test_free_port_is_bindable() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


# --------------------------------------------------------------------------- feeds


def _html_paragraphs(text: str) -> list[str]:
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", text, re.DOTALL)]


def test_seed_items_follow_the_seed_files(seed_items: list[Item], feed_server: FeedServer) -> None:
    assert SEEDS.is_dir(), SEEDS
    stems = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert [i.link for i in seed_items] == [
        f"{feed_server.base_url}/articles/{stem}.html" for stem in stems
    ]
    assert all(i.guid == i.link for i in seed_items)
    undated = [i for i in seed_items if i.published is None]
    assert len(undated) == 1
    assert undated[0].link is not None and "/003_" in undated[0].link
    assert undated[0].title == undated[0].paragraphs[0]
    for item in seed_items:
        assert item.title and item.body
        assert item.paragraphs[0].startswith(item.title)
        if item.published is not None:
            assert (item.published.day, item.published.hour) == (15, 12)
            assert item.published.tzinfo is UTC
            assert item.title.endswith((".", "!", "?", "»"))
    title = "Le changement de ton et de stratégie de Washington semble se confirmer."
    assert seed_items[1].title == title
    assert seed_items[0].published == datetime(2022, 1, 15, 12, tzinfo=UTC)
    assert any(NBSP in i.body for i in seed_items)


def test_paragraphs_keep_no_break_spaces() -> None:
    assert paragraphs(f"  un\ndeux{NBSP}\n\n \n\ntrois\r\n\r\nquatre ") == [
        f"un deux{NBSP}",
        "trois",
        "quatre",
    ]


@pytest.mark.parametrize("kind", ["rss", "atom", "rss-latin1"])
def test_feedparser_reads_built_feeds(kind: str, seed_items: list[Item]) -> None:
    extra = Item(title="Tom & Jerry <3", link=None, guid="tag:x,2022:1", body="a < b & c\n\nd")
    items = [*seed_items, extra]
    if kind == "rss":
        doc = rss(items, title="Flux é")
    elif kind == "atom":
        doc = atom(items, title="Flux é")
    else:
        doc = rss(items, title="Flux é", encoding="iso-8859-1")
    parsed = feedparser.parse(doc)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Flux é"
    assert len(parsed.entries) == len(items)
    for item, entry in zip(items, parsed.entries, strict=True):
        assert entry.title == item.title
        if item.link is not None or kind != "atom":  # feedparser uses an Atom id as link
            assert entry.get("link") == item.link
        assert entry.id == item.guid
        if item.published is None:
            assert "published_parsed" not in entry
        else:
            assert tuple(entry.published_parsed)[:6] == item.published.utctimetuple()[:6]
        body = entry.content[0].value if kind == "atom" else entry.description
        assert _html_paragraphs(body) == item.paragraphs
    text = " ".join(e.description for e in parsed.entries)
    assert NBSP in text and "é" in text and "’" in text


def test_feed_served_and_fetched(feed_server: FeedServer, seed_items: list[Item]) -> None:
    url = feed_server.route("/rss.xml", rss(seed_items), gzip=True, etag='"s"')
    r = httpx.get(url)
    parsed = feedparser.parse(r.content, response_headers=dict(r.headers))
    assert [e.link for e in parsed.entries] == [i.link for i in seed_items]
