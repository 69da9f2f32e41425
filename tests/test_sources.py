"""Sources against a real HTTP server on 127.0.0.1 and real folders: the good and the bad."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime

import pytest
from feeds import SEEDS, Item, atom, rss

from monitor.article import normalize
from monitor.config import HttpConfig, SourceConfig
from monitor.errors import FetchError, ParseError
from monitor.sources import SourceState, make_source
from monitor.sources.http import make_client


def poll(config: SourceConfig, state: SourceState | None = None, http: HttpConfig | None = None):
    http = http or HttpConfig(timeout=3)

    async def go():
        client = make_client(http)
        try:
            return await make_source(config, http).fetch(client, state or SourceState())
        finally:
            await client.aclose()

    return asyncio.run(go())


def feed(url: str, **kw) -> SourceConfig:
    return SourceConfig(name="test-feed", kind="feed", url=url, **kw)


ITEMS = [
    Item(
        title="Premier article",
        link="https://news.example/a1",
        guid="https://news.example/a1",
        published=datetime(2022, 2, 3, 9, 30, tzinfo=UTC),
        body="Un paragraphe.\n\nUn autre, accentué.",
    ),
    Item(
        title="Second",
        link="https://news.example/a2",
        guid="urn:x:2",
        published=datetime(2022, 2, 3, 10, 0, tzinfo=UTC),
        body="Texte du second.",
    ),
]


@pytest.mark.parametrize("builder", [rss, atom], ids=["rss", "atom"])
def test_feed_items_become_entries(feed_server, builder):
    url = feed_server.route("/feed", builder(ITEMS))
    fetched = poll(feed(url))
    assert [e.title for e in fetched.entries] == ["Premier article", "Second"]
    first = fetched.entries[0]
    assert first.url == "https://news.example/a1"
    assert first.published == datetime(2022, 2, 3, 9, 30, tzinfo=UTC)
    assert "accentué" in first.text and first.html
    assert fetched.entries[1].guid == "urn:x:2"


def test_conditional_get_and_user_agent(feed_server):
    url = feed_server.route(
        "/feed", rss(ITEMS), etag='"v1"', last_modified="Thu, 03 Feb 2022 10:00:00 GMT"
    )
    first = poll(feed(url))
    assert first.state.etag == '"v1"' and first.state.last_modified
    second = poll(feed(url), first.state)
    assert second.not_modified and second.entries == ()
    assert second.state == first.state, "a 304 keeps the validators"
    request = feed_server.last_request("/feed")
    assert request.headers["If-None-Match"] == '"v1"'
    assert request.headers["If-Modified-Since"] == "Thu, 03 Feb 2022 10:00:00 GMT"
    assert request.headers["User-Agent"].startswith("monitor/")


def test_gzip_and_redirects_are_followed(feed_server):
    feed_server.route("/real", rss(ITEMS), gzip=True)
    url = feed_server.route("/moved", redirect_to=feed_server.url("/real"), status=301)
    fetched = poll(feed(url))
    assert len(fetched.entries) == 2
    assert "gzip" in (feed_server.last_request("/real").headers["Accept-Encoding"] or "")


def test_redirect_loop_is_cut(feed_server):
    feed_server.route("/a", redirect_to=feed_server.url("/b"))
    url = feed_server.route("/b", redirect_to=feed_server.url("/a"))
    with pytest.raises(FetchError, match="redirects"):
        poll(feed(url), http=HttpConfig(timeout=3, max_redirects=4))


@pytest.mark.parametrize("status", [404, 500, 503])
def test_http_errors_name_the_source(feed_server, status):
    url = feed_server.route("/feed", "nope", status=status, headers={"Retry-After": "120"})
    with pytest.raises(FetchError) as err:
        poll(feed(url))
    assert str(err.value).startswith("source test-feed: ") and f"HTTP {status}" in str(err.value)
    assert err.value.retry_after == 120


def test_slow_server_times_out(feed_server):
    url = feed_server.route("/slow", rss(ITEMS), delay=5)
    with pytest.raises(FetchError, match=r"within 0\.5s"):
        poll(feed(url), http=HttpConfig(timeout=0.5))


def test_slow_drip_is_cut_by_the_total_deadline(feed_server):
    body = rss(ITEMS)
    url = feed_server.route(
        "/drip", chunks=[body[i : i + 40] for i in range(0, len(body), 40)], chunk_delay=0.2
    )
    with pytest.raises(FetchError, match="within 1s"):
        poll(feed(url), http=HttpConfig(timeout=1))


def test_body_over_the_cap_is_refused_even_gzipped(feed_server):
    big = rss([Item(title=f"t{i}", body="x" * 2000, guid=f"g{i}") for i in range(100)])
    url = feed_server.route("/big", big, gzip=True)
    with pytest.raises(FetchError, match="cap"):
        poll(feed(url), http=HttpConfig(timeout=3, max_bytes=50_000))


def test_unreachable_server(feed_server):
    port = feed_server.port
    feed_server.close()
    with pytest.raises(FetchError, match="source test-feed"):
        poll(feed(f"http://127.0.0.1:{port}/feed"))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html><body><p>Not a feed</p></body></html>", "text/html"),
        (b"<rss><channel><item><title>broken", "application/rss+xml"),
        (b"\x00\x01\x02 binary junk", "application/octet-stream"),
        (b"", "application/rss+xml"),
    ],
    ids=["html", "truncated-xml", "binary", "empty"],
)
def test_not_a_feed(feed_server, body, content_type):
    url = feed_server.route("/feed", body, content_type=content_type)
    with pytest.raises(ParseError) as err:
        poll(feed(url))
    assert str(err.value).startswith("source test-feed: ")


def test_latin1_feed_is_decoded(feed_server):
    items = [
        Item(title="Élysée et Kremlin", link="https://news.example/l1", body="Déjà vu à Moscou.")
    ]
    url = feed_server.route(
        "/latin",
        rss(items, encoding="iso-8859-1"),
        content_type="application/rss+xml; charset=iso-8859-1",
    )
    [entry] = poll(feed(url)).entries
    assert entry.title == "Élysée et Kremlin" and "Déjà vu à Moscou" in entry.text


def test_items_without_link_date_or_title(feed_server):
    items = [
        Item(title="", body="Seulement du texte."),
        Item(title="Sans date ni lien", body="Corps."),
    ]
    url = feed_server.route("/feed", rss(items))
    entries = poll(feed(url)).entries
    assert len(entries) == 2
    assert all(e.url is None and e.published is None for e in entries)


def test_files_source_reads_seeds_and_picks_up_new_files(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for src in sorted(SEEDS.glob("*.txt"))[:3]:
        (inbox / src.name).write_bytes(src.read_bytes())
    config = SourceConfig(name="inbox", kind="files", path=inbox, settle=0)
    first = poll(config)
    assert len(first.entries) == 3 and first.problems == ()
    assert first.entries[0].year_month == (2022, 1)
    again = poll(config, first.state)
    assert again.entries == (), "unchanged files are not read again"
    for src in sorted(SEEDS.glob("*.txt"))[3:]:
        (inbox / src.name).write_bytes(src.read_bytes())
    third = poll(config, again.state)
    assert len(third.entries) == 2


def test_files_source_reports_bad_files_and_goes_on(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "001_good.txt").write_text(" date 2022-02 Un article lisible.\n", encoding="utf-8")
    (inbox / "002_latin1.txt").write_bytes(" date 2022-02 Caf\xe9.\n".encode("latin-1"))
    (inbox / "003_dir.txt").mkdir()
    os.mkfifo(inbox / "004_fifo.txt")
    outside = tmp_path / "secret.txt"
    outside.write_text("not yours", encoding="utf-8")
    (inbox / "005_link.txt").symlink_to(outside)
    fetched = poll(SourceConfig(name="inbox", kind="files", path=inbox, settle=0))
    assert [e.text for e in fetched.entries] == ["Un article lisible."]
    problems = "\n".join(fetched.problems)
    for name in ("002_latin1.txt", "003_dir.txt", "004_fifo.txt", "005_link.txt"):
        assert name in problems, problems
    assert len(fetched.problems) == 4


def test_files_source_creates_a_missing_inbox_or_says_why_not(tmp_path):
    fetched = poll(SourceConfig(name="inbox", kind="files", path=tmp_path / "new" / "inbox"))
    assert fetched.entries == () and (tmp_path / "new" / "inbox").is_dir()
    (tmp_path / "file").write_text("x")
    with pytest.raises(FetchError, match=r"source inbox: .*cannot list"):
        poll(SourceConfig(name="inbox", kind="files", path=tmp_path / "file" / "inbox"))


def test_files_still_being_written_wait_for_the_next_poll(tmp_path):
    (tmp_path / "001_a.txt").write_text(" date 2022-02 Ancien.\n", encoding="utf-8")
    old = os.stat(tmp_path / "001_a.txt").st_mtime - 60
    os.utime(tmp_path / "001_a.txt", (old, old))
    (tmp_path / "002_b.txt").write_text(" date 2022-02 En cours d'écri", encoding="utf-8")
    config = SourceConfig(name="inbox", kind="files", path=tmp_path, settle=30)
    first = poll(config)
    assert [e.text for e in first.entries] == ["Ancien."]
    os.utime(tmp_path / "002_b.txt", (old, old))  # the writer is done
    second = poll(config, first.state)
    assert [e.text for e in second.entries] == ["En cours d'écri"]


PAGE = """<!doctype html><html lang="fr"><head><title>Le président parle - Journal</title>
<meta property="og:title" content="Le président s'entretient avec son homologue">
<meta property="article:published_time" content="2022-02-03T10:00:00+01:00"></head>
<body><nav>Accueil | Monde | Sport</nav>
<article><h1>Le président s'entretient avec son homologue</h1>
<p>Le président français Emmanuel Macron a eu un entretien téléphonique avec Vladimir Poutine ce jeudi,
a annoncé l'Elysée dans un communiqué publié dans la soirée.</p>
<p>Les deux dirigeants ont évoqué la situation autour de l'Ukraine et sont convenus de poursuivre
le dialogue dans les prochains jours, selon la présidence française.</p>
<p>Washington a placé plusieurs milliers de militaires en état d'alerte en début de semaine.</p>
</article><footer>Mentions légales - Abonnez-vous</footer></body></html>"""


def test_page_source_extracts_the_article(feed_server):
    url = feed_server.route("/article.html", PAGE, content_type="text/html; charset=utf-8")
    [entry] = poll(SourceConfig(name="page", kind="page", url=url)).entries
    assert "entretien téléphonique avec Vladimir Poutine" in entry.text
    assert "Mentions légales" not in entry.text and "Accueil" not in entry.text
    assert entry.text.count("\n\n") >= 2, "paragraphs are kept"
    assert "homologue" in entry.title
    assert entry.published is not None and entry.published.date().isoformat() == "2022-02-03"
    # The page's own time, with its offset: not a day at noon in UTC.
    assert entry.published.isoformat() == "2022-02-03T10:00:00+01:00"


def test_a_page_without_date_metadata_is_not_dated_from_its_text(feed_server):
    # No published_time: the dates its text mentions ("24 février 2022", a footer's
    # "© 2019") are not its own. It is dated when read (normalize marks it inexact).
    undated = (
        PAGE.replace(
            '<meta property="article:published_time" content="2022-02-03T10:00:00+01:00">', ""
        )
        .replace("ce jeudi", "depuis le 24 février 2022")
        .replace("Mentions légales", "© 2019 Journal - Mentions légales")
    )
    url = feed_server.route("/undated.html", undated, content_type="text/html; charset=utf-8")
    [entry] = poll(SourceConfig(name="page", kind="page", url=url)).entries
    assert "24 février 2022" in entry.text
    assert entry.published is None
    fetched = datetime(2026, 12, 7, 12, tzinfo=UTC)
    article = normalize(entry, fetched=fetched)
    assert article is not None
    assert (article.published, article.published_exact) == (fetched, False)


def test_page_without_text(feed_server):
    url = feed_server.route(
        "/empty.html", "<html><body><nav>menu</nav></body></html>", content_type="text/html"
    )
    with pytest.raises(ParseError, match="no article text"):
        poll(SourceConfig(name="page", kind="page", url=url))
