"""What the daemon stores from real publishers' feeds, end to end: loopback feeds written
the way Le Monde, WordPress and aggregators write them, `monitor once` into a real
SQLite file, then the stored articles, facts and alerts read back through the CLI.

tests/test_feed_corpus.py checks each item's stored title, text, date and identity on
a corpus of feed files; this file checks what those mean for a user: the local day a
weekday resolves from, undated items still alerting, one story listed by two feeds,
a store written by an older release, and the commands that read feeds and URLs.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from util import run_cli, write_config, write_rules

from monitor import seedformat
from monitor.article import Entry, legacy_uid

FACT_RULES = """\
- id: troop-figures
  type: troops
- id: leader-contacts
  type: contact
"""

LEMONDE_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>Le Monde.fr - {name}</title>
<link>https://www.lemonde.fr/{name}/</link>
<description>Toute l'actualité</description>
<language>fr</language>
"""


def lemonde(name: str, items: list[str]) -> str:
    return LEMONDE_HEAD.format(name=name) + "".join(items) + "</channel>\n</rss>\n"


def lemonde_item(
    *, slug: str, title: str, lede: str, pub: str | None, xtor: str, caption: str = ""
) -> str:
    link = f"https://www.lemonde.fr/international/article/2022/02/03/{slug}.html?xtor={xtor}"
    media = (
        '<media:content url="https://img.lemde.fr/2022/02/03/0/0/4000/2667/664/0/75/0/a.jpg"'
        ' width="664" height="442" medium="image">'
        f'<media:description type="plain"><![CDATA[{caption}]]></media:description>'
        '<media:credit scheme="urn:ebu">AFP</media:credit></media:content>'
        if caption
        else ""
    )
    date = f"<pubDate>{pub}</pubDate>" if pub else ""
    return (
        f"<item><title><![CDATA[{title}]]></title>{date}"
        f"<description><![CDATA[{lede}]]></description>"
        f'<guid isPermaLink="true">{link}</guid><link>{link}</link>{media}</item>\n'
    )


def cli_json(*args: object) -> list[dict]:
    result = run_cli(*map(str, args))
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines() if line.strip()]


def polled_once(tmp_path, sources: list[dict], **settings) -> Path:
    """The fact rules, a config with these sources (no baseline, no age limit unless
    given), one `monitor once`; the config's path."""
    write_rules(tmp_path, FACT_RULES)
    config = write_config(
        tmp_path, **{"baseline": False, "max_age": None, "sources": sources, **settings}
    )
    assert run_cli("once", "--config", config).code == 0
    return config


def test_a_weekday_resolves_from_the_publishers_local_day(tmp_path, feed_server):
    # 00:30 in Paris on Thursday 3 February is Wednesday 2 February in UTC: "jeudi"
    # is the day of publication, not last Thursday (27 January).
    item = lemonde_item(
        slug="macron-poutine",
        title="Emmanuel Macron s'est entretenu avec Vladimir Poutine",
        lede="Emmanuel Macron s'est entretenu jeudi par téléphone avec Vladimir Poutine.",
        pub="Thu, 03 Feb 2022 00:30:00 +0100",
        xtor="RSS-3208",
        caption="Emmanuel Macron, à l'Elysée, le 31 janvier 2022.",
    )
    url = feed_server.route("/une.xml", lemonde("une", [item]))
    config = polled_once(tmp_path, [{"name": "une", "kind": "feed", "url": url}])
    alerts = cli_json("alerts", "--json", "--config", config)
    contacts = [a for a in alerts if a["kind"] == "contact"]
    assert [a["facts"]["date"] for a in contacts] == ["2022-02-03"], alerts
    assert contacts[0]["article"]["published"] == "2022-02-03"
    # The lede is the text, the photo's caption is not.
    shown = cli_json("show", "--json", "--config", config, contacts[0]["article"]["url"])[0]
    assert shown["text_field"] == "description" and "31 janvier" not in shown["text"]
    assert shown["published"] == "2022-02-03T00:30:00+01:00" and shown["published_exact"]
    # The archive file keeps the exact time, and reads back to the same local day.
    (archived,) = (tmp_path / "articles").iterdir()
    assert int(os.stat(archived).st_mtime) == datetime(2022, 2, 2, 23, 30, tzinfo=UTC).timestamp()
    replayed = cli_json("extract", "--json", archived)
    assert replayed[0]["contacts"][0]["date"] == "2022-02-03"


def test_an_undated_item_is_dated_when_read_and_still_alerts(tmp_path, feed_server):
    # No pubDate: the item is today's news for the reader. Its text mentions an old
    # date and a copyright year; neither dates it, so max_age does not mute it.
    body = (
        "<p>Depuis le 24 février 2022, la situation n'a cessé de se dégrader.</p>"
        "<p>Washington a placé 4 200 militaires en état d'alerte, a annoncé le Pentagone.</p>"
        "<p>© 2019 Le Petit Quotidien</p>"
    )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>Le Petit Quotidien</title><link>https://quotidien.example/</link>"
        "<description>Actualités</description>"
        "<item><title>Le Pentagone met des troupes en alerte</title>"
        "<link>https://quotidien.example/monde/alerte-pentagone</link>"
        f"<description><![CDATA[{body}]]></description></item></channel></rss>"
    )
    url = feed_server.route("/quotidien.xml", feed)
    before = datetime.now(UTC)
    config = polled_once(
        tmp_path, [{"name": "quotidien", "kind": "feed", "url": url}], max_age="7d"
    )
    troops = [a for a in cli_json("alerts", "--json", "--config", config) if a["kind"] == "troops"]
    assert [(a["facts"]["actor"], a["facts"]["count"]) for a in troops] == [("United States", 4200)]
    assert not troops[0]["status"].startswith("suppressed"), troops[0]["status"]
    shown = cli_json(
        "show", "--json", "--config", config, "https://quotidien.example/monde/alerte-pentagone"
    )[0]
    assert not shown["published_exact"]
    assert datetime.fromisoformat(shown["published"]) >= before - timedelta(seconds=1)


def test_one_story_in_two_feeds_is_stored_once_and_seen_by_both(tmp_path, feed_server):
    story = dict(
        slug="l-otan-renforce-son-flanc-est",
        title="L'OTAN renforce son flanc est",
        lede="Les Etats-Unis vont déployer 3 000 soldats supplémentaires en Pologne.",
        pub="Thu, 03 Feb 2022 10:00:00 +0100",
    )
    other = lemonde_item(
        slug="autre-sujet",
        title="Un autre sujet",
        lede="Rien à signaler sur ce front.",
        pub="Thu, 03 Feb 2022 09:00:00 +0100",
        xtor="RSS-3208",
    )
    une = feed_server.route(
        "/une.xml", lemonde("une", [lemonde_item(**story, xtor="RSS-3208"), other])
    )
    intl = feed_server.route("/intl.xml", lemonde("international", []))
    write_rules(
        tmp_path,
        FACT_RULES
        + """\
- id: international-desk
  type: match
  match: {all: [{source: lemonde-international}, {any: [OTAN, NATO]}]}
""",
    )
    config = write_config(
        tmp_path,
        baseline=False,
        max_age=None,
        sources=[
            {"name": "lemonde-une", "kind": "feed", "url": une},
            {"name": "lemonde-international", "kind": "feed", "url": intl},
        ],
    )
    assert run_cli("once", "--config", config).code == 0
    rules = {a["rule"] for a in cli_json("alerts", "--json", "--config", config)}
    assert rules == {"troop-figures"}  # not yet listed by the international feed
    # The international feed lists it later, under its own tracking parameter.
    feed_server.route(
        "/intl.xml", lemonde("international", [lemonde_item(**story, xtor="RSS-3210")])
    )
    second = run_cli("once", "--config", config)
    assert second.code == 0 and "0 new articles" in second.out, second.out
    alerts = cli_json("alerts", "--json", "--config", config)
    assert sorted(a["rule"] for a in alerts) == ["international-desk", "troop-figures"]
    with sqlite3.connect(tmp_path / "monitor.db") as db:
        rows = db.execute(
            "select source, sources from articles where title like 'L''OTAN%'"
        ).fetchall()
    assert rows == [("lemonde-une", '["lemonde-une", "lemonde-international"]')]
    assert len(list((tmp_path / "articles").iterdir())) == 2
    # A third poll changes nothing: no alert twice.
    assert run_cli("once", "--config", config).code == 0
    assert len(cli_json("alerts", "--json", "--config", config)) == 2


def test_items_stored_by_an_older_release_are_not_new_again(tmp_path, feed_server):
    # Before identities merged links across feeds, a uid came from the guid scoped to
    # the source. A store written then must still know its items.
    item = lemonde_item(
        slug="ancien",
        title="Un article déjà lu",
        lede="Les Etats-Unis ont placé 8 500 militaires en état d'alerte.",
        pub="Mon, 24 Jan 2022 20:00:00 +0100",
        xtor="RSS-3208",
    )
    url = feed_server.route("/une.xml", lemonde("une", [item]))
    config = polled_once(tmp_path, [{"name": "une", "kind": "feed", "url": url}])
    link = "https://www.lemonde.fr/international/article/2022/02/03/ancien.html?xtor=RSS-3208"
    old = legacy_uid(Entry(source="une", guid=link, url=link))
    with sqlite3.connect(tmp_path / "monitor.db") as db:
        # As a release before m005 wrote it: its old uid, no list of sources.
        db.execute("update articles set uid = ?, sources = null", [old])
        db.execute("delete from alerts")
        db.execute("delete from facts")
    result = run_cli("once", "--config", config)
    assert result.code == 0 and "0 new articles" in result.out, result.out
    assert cli_json("alerts", "--json", "--config", config) == []


def test_extract_and_replay_read_feed_files_and_urls(tmp_path, feed_server):
    items = [
        lemonde_item(
            slug="troupes",
            title="Washington envoie des renforts",
            lede="Les Etats-Unis vont envoyer 2 000 soldats en Pologne, a annoncé le Pentagone mercredi.",
            pub="Wed, 02 Feb 2022 18:05:00 +0100",
            xtor="RSS-3208",
            caption="Des soldats américains à Fort Bragg, le 2 février 2022.",
        ),
        lemonde_item(
            slug="appel",
            title="Appel entre Paris et Moscou",
            lede="Emmanuel Macron et Vladimir Poutine se sont parlé jeudi au téléphone.",
            pub="Thu, 03 Feb 2022 21:40:00 +0100",
            xtor="RSS-3208",
        ),
    ]
    feed = lemonde("une", items)
    path = tmp_path / "une.xml"
    path.write_text(feed, encoding="utf-8")
    url = feed_server.route("/une.xml", feed)
    base = "https://www.lemonde.fr/international/article/2022/02/03/"
    for source in (path, url):
        extracted = cli_json("extract", "--json", source)
        assert [e["article"] for e in extracted] == [base + "troupes.html", base + "appel.html"]
        assert [e["published"] for e in extracted] == ["2022-02-02", "2022-02-03"]
        assert extracted[0]["troops"][0]["count"] == 2000
        assert extracted[1]["contacts"][0]["date"] == "2022-02-03"
    write_rules(tmp_path, FACT_RULES)
    config = write_config(tmp_path, sources=[])
    replayed = cli_json("replay", "--json", "--config", config, path)
    assert sorted(a["kind"] for a in replayed) == ["contact", "troops"]
    assert {a["article"]["url"] for a in replayed} == {base + "troupes.html", base + "appel.html"}
    # A file that is neither a feed nor an article: one line naming it, exit 1.
    bad = tmp_path / "bad.xml"
    bad.write_text("<?xml version='1.0'?><rss version='2.0'><channel><item>", encoding="utf-8")
    result = run_cli("extract", "--json", bad)
    assert result.code == 1 and str(bad) in result.err and len(result.err.splitlines()) == 1


def test_replay_stored_runs_the_current_rules_over_what_the_daemon_has(tmp_path, feed_server):
    item = lemonde_item(
        slug="nouvelle-regle",
        title="Sanctions : l'UE prépare un nouveau paquet",
        lede="Les Vingt-Sept discutent de sanctions contre Moscou.",
        pub="Thu, 03 Feb 2022 10:00:00 +0100",
        xtor="RSS-3208",
    )
    url = feed_server.route("/une.xml", lemonde("une", [item]))
    write_rules(tmp_path, FACT_RULES)
    config = write_config(
        tmp_path, baseline=True, sources=[{"name": "une", "kind": "feed", "url": url}]
    )
    assert run_cli("once", "--config", config).code == 0
    new_rule = tmp_path / "new.yaml"
    new_rule.write_text("- id: sanctions\n  type: match\n  match: sanction*\n", encoding="utf-8")
    replayed = cli_json("replay", "--json", "--stored", "--rules", new_rule, "--config", config)
    assert [(a["rule"], a["article"]["published"]) for a in replayed] == [
        ("sanctions", "2022-02-03")
    ]
    # Nothing was stored or sent by the dry run.
    assert cli_json("alerts", "--json", "--config", config) == []
    later = cli_json(
        "replay",
        "--json",
        "--stored",
        "--since",
        "2022-02-04",
        "--rules",
        new_rule,
        "--config",
        config,
    )
    assert later == []


def test_export_keeps_exact_times_and_replays_to_the_same_dates(tmp_path, feed_server):
    items = [
        lemonde_item(
            slug=f"article-{n}",
            title=f"Article {n}",
            lede=f"Emmanuel Macron et Olaf Scholz se sont entretenus {day} par téléphone.",
            pub=pub,
            xtor="RSS-3208",
        )
        for n, (day, pub) in enumerate(
            [
                ("mardi", "Tue, 01 Mar 2022 00:20:00 +0100"),  # 28 February in UTC
                ("jeudi", "Thu, 31 Mar 2022 23:50:00 +0200"),
            ]
        )
    ]
    url = feed_server.route("/une.xml", lemonde("une", items))
    config = polled_once(tmp_path, [{"name": "une", "kind": "feed", "url": url}])
    stored = sorted(a["facts"]["date"] for a in cli_json("alerts", "--json", "--config", config))
    assert stored == ["2022-03-01", "2022-03-31"]
    out = tmp_path / "export"
    assert run_cli("export", out, "--config", config).code == 0
    docs = [seedformat.read(p) for p in sorted(out.iterdir())]
    assert sorted(d.year_month for d in docs) == [(2022, 3), (2022, 3)]
    replayed = sorted(c["date"] for e in cli_json("extract", "--json", out) for c in e["contacts"])
    assert replayed == stored


def test_show_names_every_source_and_why(tmp_path, feed_server):
    item = lemonde_item(
        slug="montrer",
        title="Titre à montrer",
        lede="Un chapô sans fait.",
        pub="Thu, 03 Feb 2022 10:00:00 +0100",
        xtor="RSS-3208",
        caption="Une légende de photo.",
    )
    url = feed_server.route("/une.xml", lemonde("une", [item]))
    config = write_config(
        tmp_path, baseline=True, sources=[{"name": "une", "kind": "feed", "url": url}]
    )
    write_rules(tmp_path, FACT_RULES)
    assert run_cli("once", "--config", config).code == 0
    link = "https://www.lemonde.fr/international/article/2022/02/03/montrer.html"
    result = run_cli("show", "--config", config, link + "?xtor=RSS-3210")
    assert result.code == 0, result.err
    assert "text from:  description" in result.out
    assert "baseline" in result.out and "max_age" in result.out
    assert "Un chapô sans fait." in result.out and "légende" not in result.out
    (archived,) = (tmp_path / "articles").iterdir()
    by_file = run_cli("show", "--config", config, archived)
    assert by_file.code == 0 and hashlib.sha256(link.encode()).hexdigest()[:16] in archived.name
    assert "Titre à montrer" in by_file.out
    missing = run_cli("show", "--config", config, feed_server.url("/nulle-part.html"))
    assert missing.code == 1 and "nulle-part" in missing.err


def _stored_stories(*documents: str) -> int:
    """How many articles a store holds once these feed documents are polled in turn."""
    from monitor.article import normalize
    from monitor.sources.base import SourceState
    from monitor.sources.feed import parse_feed
    from monitor.store import Store

    with Store(Path(":memory:")) as store:
        for n, body in enumerate(documents):
            entries, _ = parse_feed(
                body.encode(), source="blog", url="https://blog.example/feed.xml"
            )
            now = datetime(2022, 2, 3, 12, n, tzinfo=UTC)
            articles = [a for e in entries if (a := normalize(e, fetched=now))]
            store.record_poll(
                "blog", SourceState(), articles, now=now, baseline=False, next_poll=None
            )
        return store.article_count()


def _rss(*items: tuple[str, str, str]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f'<guid isPermaLink="false">{guid}</guid><description>{title}.</description></item>'
        for link, guid, title in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
    )


def test_items_that_share_a_link_are_told_apart_by_their_guid():
    # A live blog's posts differ only by their #fragment; a bulletin feed links every
    # item to the home page: each post is a story of its own.
    live = "https://news.example/live/ukraine"
    assert (
        _stored_stories(
            _rss((live + "#post-1", "p1", "Post 1"), (live + "#post-2", "p2", "Post 2"))
        )
        == 2
    )
    home = "https://bulletin.example/"
    assert _stored_stories(_rss((home, "b1", "Bulletin 1")), _rss((home, "b2", "Bulletin 2"))) == 2
    # The same post listed again, and one story whose slug was edited under its guid.
    assert (
        _stored_stories(
            _rss(("https://news.example/a/old-slug", "tag:news.example,2022:7", "Titre")),
            _rss(("https://news.example/a/new-slug", "tag:news.example,2022:7", "Titre modifié")),
        )
        == 1
    )
    # Two stories that a careless feed gave one guid stay two.
    assert (
        _stored_stories(
            _rss(
                ("https://news.example/a/1", "same", "Un"),
                ("https://news.example/a/2", "same", "Deux"),
            )
        )
        == 2
    )


def test_a_skipped_item_is_a_warning_and_a_dead_url_one_line(tmp_path, feed_server):
    feed = _rss(("https://news.example/a/1", "g1", "Un titre")).replace(
        "</channel>",
        '<item><enclosure url="https://news.example/a.mp3" type="audio/mpeg"/></item></channel>',
    )
    path = tmp_path / "podcast.xml"
    path.write_text(feed, encoding="utf-8")
    result = run_cli("extract", "--json", path)
    assert result.code == 0, result.err
    assert len(result.out.splitlines()) == 1
    assert result.err.startswith("warning: ") and "neither title nor text" in result.err
    missing = feed_server.url("/gone.xml")
    result = run_cli("extract", missing)
    assert result.code == 1 and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1 and result.err.count(missing) == 1, result.err


def test_titles_are_read_as_their_declared_type():
    from monitor.article import normalize
    from monitor.sources.feed import parse_feed

    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>t</title><id>urn:t</id><updated>2022-02-03T10:00:00Z</updated>"
        '<entry><title type="text">Pourquoi écrire &lt;em&gt; et non &lt;i&gt;</title>'
        "<id>urn:1</id><updated>2022-02-03T10:00:00+01:00</updated>"
        '<summary type="text">5 &lt; 10 and 20 &gt; 3</summary></entry>'
        '<entry><title type="html">Le &lt;b&gt;Kremlin&lt;/b&gt; répond</title>'
        "<id>urn:2</id><updated>2022-02-03T10:00:00+01:00</updated></entry></feed>"
    )
    rss = _rss(
        ("https://news.example/a/1", "g1", "Moscou &amp;amp; Kiev&#160;: l&amp;#8217;escalade")
    )
    now = datetime(2022, 2, 3, 12, tzinfo=UTC)
    titles = [
        normalize(e, fetched=now).title
        for body in (atom, rss)
        for e in parse_feed(body.encode(), source="s", url="https://news.example/feed")[0]
    ]
    assert titles == [
        "Pourquoi écrire <em> et non <i>",
        "Le Kremlin répond",
        "Moscou & Kiev\u00a0: l’escalade",
    ]


def test_a_call_reported_over_two_days_alerts_once_and_a_later_call_again(tmp_path):
    # An office's release of the day, an outlet's story the next morning (neither states
    # the day), then a recap that dates it: one call. A call a week later is another.
    def item(n: int, pub: str, text: str) -> str:
        return (
            f"<item><title>Item {n}</title><link>https://news.example/calls/{n}</link>"
            f"<pubDate>{pub}</pubDate><description>{text}</description></item>"
        )

    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>calls</title>'
        + item(
            1,
            "Thu, 03 Feb 2022 18:00:00 +0300",
            "Vladimir Putin had a telephone conversation with President of France Emmanuel Macron.",
        )
        + item(
            2,
            "Fri, 04 Feb 2022 07:30:00 +0100",
            "Emmanuel Macron s'est entretenu par téléphone avec Vladimir Poutine.",
        )
        + item(
            3,
            "Sat, 05 Feb 2022 10:00:00 +0100",
            "Le 3 février, Emmanuel Macron et Vladimir Poutine se sont entretenus au téléphone.",
        )
        + item(
            4,
            "Thu, 10 Feb 2022 19:00:00 +0300",
            "Vladimir Putin had a telephone conversation with President of France Emmanuel Macron.",
        )
        + "</channel></rss>"
    )
    path = tmp_path / "calls.xml"
    path.write_text(feed, encoding="utf-8")
    write_rules(tmp_path, FACT_RULES)
    config = write_config(tmp_path, sources=[])
    alerts = cli_json("replay", "--json", "--config", config, path)
    assert [(a["facts"]["date"], a["article"]["url"]) for a in alerts] == [
        ("2022-02-03", "https://news.example/calls/1"),
        ("2022-02-10", "https://news.example/calls/4"),
    ]


def test_a_source_names_its_speaker(tmp_path, feed_server):
    address = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Office</title>'
        "<item><title>Our partners stand with us</title>"
        "<link>https://office.example/news/1</link>"
        "<pubDate>Sun, 24 Apr 2022 21:00:00 +0300</pubDate>"
        "<description>I spoke today with Prime Minister of the United Kingdom Boris Johnson."
        "</description></item></channel></rss>"
    )
    url = feed_server.route("/office.xml", address)
    write_rules(tmp_path, FACT_RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        max_age=None,
        # Spelled as the office spells it: the gazetteer gives the label.
        sources=[{"name": "office", "kind": "feed", "url": url, "speaker": "Volodymyr Zelenskyy"}],
    )
    assert run_cli("once", "--config", config).code == 0
    contacts = [a["facts"] for a in cli_json("alerts", "--json", "--config", config)]
    assert [(c["leaders"], c["date"]) for c in contacts] == [
        (["Boris Johnson", "Volodymyr Zelensky"], "2022-04-24")
    ]
    # A speaker the gazetteer does not know is worth a warning from `check`.
    typo = write_config(
        tmp_path / "typo",
        sources=[{"name": "office", "kind": "feed", "url": url, "speaker": "Volodimir Zelenski"}],
    )
    result = run_cli("check", "--config", typo)
    assert result.code == 0 and "speaker 'Volodimir Zelenski'" in result.err, result.err
