"""The whole pipeline through the real CLI: loopback feeds, a loopback SMTP server,
a real SQLite file, the seed articles."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from feeds import Item, rss
from util import run_cli, write_config, write_rules

from monitor import seedformat

SMALLEST_RULE = """\
- id: putin-mentions
  type: match
  match: {any: [Poutine, Putin]}
  notify: [email]
"""


def setup(tmp_path, feed_server, smtp_server, seed_items, **settings):
    url = feed_server.route("/feed.xml", rss(seed_items), etag='"seeds-v1"')
    write_rules(tmp_path, SMALLEST_RULE)
    defaults = {
        "baseline": False,
        "max_age": None,
        "sources": [{"name": "seeds-feed", "kind": "feed", "url": url, "interval": "10m"}],
        "notify": [{"url": smtp_server.apprise_url(to="desk@example.org"), "tags": ["email"]}],
        "delivery": {"backoff": "0s"},
    }
    return write_config(tmp_path, **{**defaults, **settings})


def test_once_archives_emails_then_sends_a_conditional_get(
    tmp_path, feed_server, smtp_server, seed_items
):
    config = setup(tmp_path, feed_server, smtp_server, seed_items)
    first = run_cli("once", "--config", config)
    assert first.code == 0, first.err
    # Five seed-format files in the archive, named as SPEC says.
    files = sorted((tmp_path / "articles").iterdir())
    assert len(files) == 5, files
    for f in files:
        assert seedformat.FILE_NAME.match(f.name), f.name
        doc = seedformat.read(f)
        assert doc.year_month is not None
    archived = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert "jusqu'à 8 500 militaires en état d'alerte" in archived
    # Every seed names Putin: five emails to the desk, each with its source sentence and link.
    mails = smtp_server.wait_for(5, timeout=20)
    assert len(mails) == 5
    assert all(m.rcpt_tos == ("desk@example.org",) for m in mails)
    assert all("putin-mentions" in m.subject for m in mails)
    assert any("Poutine" in m.text and feed_server.base_url in m.text for m in mails)
    # Plain text and HTML, and a stable dedup key per (alert, target) in a header.
    assert all(m.message.get_body(preferencelist=("html",)) is not None for m in mails)
    keys = {m["X-Monitor-Alert"] for m in mails}
    alerts = [
        json.loads(x) for x in run_cli("alerts", "--json", "--config", config).out.splitlines()
    ]
    assert {k.split(".")[0] for k in keys} == {a["id"] for a in alerts} and len(keys) == 5
    # The second cycle asks "changed since?" and sends nothing more.
    second = run_cli("once", "--config", config)
    assert second.code == 0, second.err
    assert feed_server.last_request("/feed.xml").headers["If-None-Match"] == '"seeds-v1"'
    assert "0 new articles" in second.out
    smtp_server.wait_for(5, timeout=1)
    assert len(smtp_server.messages) == 5
    assert len(list((tmp_path / "articles").iterdir())) == 5


def test_alerts_json_matches_spec(tmp_path, feed_server, smtp_server, seed_items):
    config = setup(tmp_path, feed_server, smtp_server, seed_items)
    assert run_cli("once", "--config", config).code == 0
    r = run_cli("alerts", "--json", "--config", config)
    assert r.code == 0, r.err
    alerts = [json.loads(line) for line in r.out.splitlines()]
    assert len(alerts) == 5
    for a in alerts:
        assert {
            "id",
            "rule",
            "kind",
            "key",
            "title",
            "body",
            "facts",
            "previous",
            "article",
            "created",
            "delivered",
        } <= set(a)
        assert a["rule"] == "putin-mentions" and a["kind"] == "match" and a["delivered"] is True
        assert set(a["article"]) == {"url", "title", "published", "source"}
        assert datetime.fromisoformat(a["created"]).tzinfo is not None
    created = [a["created"] for a in alerts]
    assert created == sorted(created), "newest last"
    future = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    assert run_cli("alerts", "--json", "--since", future, "--config", config).out == ""
    assert len(run_cli("alerts", "--since", "1h", "--config", config).out.splitlines()) >= 5


def test_baseline_records_the_first_poll_and_alerts_on_what_is_new(
    tmp_path, feed_server, smtp_server, seed_items
):
    config = setup(tmp_path, feed_server, smtp_server, seed_items[:3], baseline=True)
    assert run_cli("once", "--config", config).code == 0
    assert len(list((tmp_path / "articles").iterdir())) == 3, "baseline articles are archived"
    assert run_cli("alerts", "--json", "--config", config).out == ""
    feed_server.route("/feed.xml", rss(seed_items), etag='"seeds-v2"')
    assert run_cli("once", "--config", config).code == 0
    mails = smtp_server.wait_for(2, timeout=20)
    assert len(mails) == 2
    links = {i.link for i in seed_items[3:]}
    assert all(any(link in m.text for link in links) for m in mails)


def test_max_age_stores_but_never_alerts(tmp_path, feed_server, smtp_server, seed_items):
    config = setup(tmp_path, feed_server, smtp_server, seed_items, max_age="7d")
    assert run_cli("once", "--config", config).code == 0
    # Four seeds are dated 2022 in the feed: stored, too old to alert. The fifth has no
    # date in the feed, so it is dated when read (the "28 janvier" in its text is a date
    # the story mentions, not its own): it is news, and alerts.
    undated = [item.link for item in seed_items if item.published is None]
    alerts = [
        json.loads(x) for x in run_cli("alerts", "--json", "--config", config).out.splitlines()
    ]
    assert [a["article"]["url"] for a in alerts] == undated and len(undated) == 1
    with sqlite3.connect(tmp_path / "monitor.db") as db:
        assert db.execute("select count(*) from articles").fetchone()[0] == 5
    smtp_server.wait_for(1, timeout=20)
    fresh = Item(
        title="Poutine reçoit un homologue",
        link="https://news.example/fresh",
        guid="https://news.example/fresh",
        published=datetime.now(UTC) - timedelta(hours=1),
        body="Vladimir Poutine a reçu son homologue ce matin.",
    )
    feed_server.route("/feed.xml", rss([*seed_items, fresh]), etag='"v3"')
    assert run_cli("once", "--config", config).code == 0
    [_, mail] = smtp_server.wait_for(2, timeout=20)
    assert "https://news.example/fresh" in mail.text


def test_dead_mail_server_loses_nothing_and_sends_once(
    tmp_path, feed_server, smtp_server, seed_items
):
    config = setup(tmp_path, feed_server, smtp_server, seed_items)
    smtp_server.stop()
    r = run_cli("once", "--config", config)
    assert r.code == 0, r.err
    assert "5 pending delivery" in r.out
    assert "not delivered" in r.err and "Traceback" not in r.err
    pending = run_cli("alerts", "--pending", "--json", "--config", config)
    assert len(pending.out.splitlines()) == 5
    smtp_server.start()
    r = run_cli("once", "--config", config)
    assert "0 pending delivery" in r.out, r.out + r.err
    assert len(smtp_server.wait_for(5, timeout=20)) == 5
    run_cli("once", "--config", config)
    assert len(smtp_server.messages) == 5, "nothing is sent twice"
    assert run_cli("alerts", "--pending", "--config", config).out == ""


def test_gives_up_after_max_attempts_and_shows_failed(
    tmp_path, feed_server, smtp_server, seed_items
):
    config = setup(
        tmp_path,
        feed_server,
        smtp_server,
        seed_items[:1],
        delivery={"backoff": "0s", "max_attempts": 2},
    )
    smtp_server.stop()
    run_cli("once", "--config", config)
    run_cli("once", "--config", config)
    failed = run_cli("alerts", "--failed", "--json", "--config", config)
    [alert] = [json.loads(x) for x in failed.out.splitlines()]
    assert alert["delivered"] is False and alert["status"] == "failed"
    assert alert["deliveries"][0]["attempts"] == 2 and alert["deliveries"][0]["error"]


def test_one_bad_source_never_stops_the_others(tmp_path, feed_server, smtp_server, seed_items):
    good = feed_server.route("/good.xml", rss(seed_items[:2]))
    sources = [
        {"name": "missing", "kind": "feed", "url": feed_server.url("/missing.xml")},
        {
            "name": "broken",
            "kind": "feed",
            "url": feed_server.route("/broken.xml", b"<rss><channel><item>"),
        },
        {
            "name": "html",
            "kind": "feed",
            "url": feed_server.route(
                "/page.html", b"<html><body>hi</body></html>", content_type="text/html"
            ),
        },
        {
            "name": "crashing",
            "kind": "feed",
            "url": feed_server.route("/500.xml", "oops", status=500),
        },
        {
            "name": "slow",
            "kind": "feed",
            "url": feed_server.route("/slow.xml", rss(seed_items), delay=10),
        },
        {"name": "good", "kind": "feed", "url": good},
        {"name": "no-inbox", "kind": "files", "path": "monitor.yaml/inbox/"},
    ]
    config = setup(
        tmp_path, feed_server, smtp_server, seed_items, sources=sources, http={"timeout": "1s"}
    )
    r = run_cli("once", "--config", config)
    assert r.code == 1
    assert r.err.splitlines()[-1].startswith("monitor: sources failed: ")
    for name in ("missing", "broken", "html", "crashing", "slow", "no-inbox"):
        lines = [
            line for line in r.err.splitlines() if f"source {name}:" in line and "WARNING" in line
        ]
        assert len(lines) == 1, (name, r.err)
    assert "Traceback" not in r.err
    assert len(smtp_server.wait_for(2, timeout=20)) == 2
    table = run_cli("sources", "--config", config).out
    assert "HTTP 404" in table and "good" in table


def test_seed_files_through_a_files_source(tmp_path, smtp_server):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    from feeds import SEEDS

    for f in sorted(SEEDS.glob("*.txt")):
        (inbox / f.name).write_bytes(f.read_bytes())
    write_rules(tmp_path, SMALLEST_RULE)
    config = write_config(
        tmp_path,
        baseline=False,
        max_age=None,
        sources=[
            {"name": "inbox", "kind": "files", "path": "inbox/", "interval": "1m", "settle": "0s"}
        ],
        notify=[{"url": smtp_server.apprise_url(to="desk@example.org"), "tags": ["email"]}],
    )
    assert run_cli("once", "--config", config).code == 0
    assert len(smtp_server.wait_for(5, timeout=20)) == 5
    # The archived copies say the same as the inbox files.
    archived = {seedformat.read(p).text for p in (tmp_path / "articles").iterdir()}
    assert archived == {seedformat.read(p).text for p in inbox.iterdir()}
    # A new file dropped in the inbox is picked up; the old ones are not read again.
    (inbox / "005_aaaaaaaaaaaaaaaa.txt").write_text(
        " date 2022-02 Vladimir Poutine a reçu le chancelier allemand à Moscou.\n", encoding="utf-8"
    )
    r = run_cli("once", "--config", config)
    assert "1 new articles" in r.out, r.out
    assert len(smtp_server.wait_for(6, timeout=20)) == 6


def test_check_names_file_and_line_of_a_broken_rule(tmp_path):
    write_rules(
        tmp_path, SMALLEST_RULE + "- id: broken\n  type: match\n  match: {al: [x]}\n", "a.yaml"
    )
    config = write_config(tmp_path)
    r = run_cli("check", "--config", config)
    assert r.code == 1
    assert r.err.strip().splitlines() == [
        f"{tmp_path / 'rules' / 'a.yaml'}:7: match: unknown key 'al' (expected any, all, not, regex, title, "
        "text, source, language)"
    ]
    assert "Traceback" not in r.err
    write_rules(tmp_path, SMALLEST_RULE, "a.yaml")
    ok = run_cli("check", "--config", config)
    assert ok.code == 0 and ok.out.startswith("ok: "), ok.err


def test_check_notes_a_matrix_target_that_cannot_deduplicate(tmp_path):
    write_rules(tmp_path, SMALLEST_RULE)
    config = write_config(
        tmp_path,
        notify=[
            {"url": "matrix://bot:pa55word@127.0.0.1:9/!room:x", "name": "chat-login"},
            {"url": "matrix://syt_token@127.0.0.1:9/!room:x", "name": "chat-token"},
        ],
    )
    r = run_cli("check", "--config", config)
    assert r.code == 0 and r.out.startswith("ok: "), r.err
    notes = [line for line in r.err.splitlines() if "note:" in line]
    assert len(notes) == 1 and "chat-login" in notes[0] and "access-token URL" in notes[0]
    assert "pa55word" not in r.err and "syt_token" not in r.err


def test_export_writes_the_seed_format(tmp_path, feed_server, smtp_server, seed_items):
    config = setup(tmp_path, feed_server, smtp_server, seed_items)
    run_cli("once", "--config", config)
    r = run_cli("export", tmp_path / "out", "--config", config)
    assert r.code == 0, r.err
    out = sorted((tmp_path / "out").iterdir())
    assert len(out) == 5 and all(seedformat.FILE_NAME.match(p.name) for p in out)
    assert {p.name.split("_")[1] for p in out} == {
        p.name.split("_")[1] for p in (tmp_path / "articles").iterdir()
    }
    again = run_cli("export", tmp_path / "out", "--config", config)
    assert "exported 0 articles" in again.out and "(5 already there)" in again.out
    assert len(list((tmp_path / "out").iterdir())) == 5


def test_notify_test_reports_each_target_with_secrets_masked(tmp_path, smtp_server):
    dead = smtp_server.apprise_url(to="x@example.org", user="bob", password="s3cret-pw").replace(
        f":{smtp_server.port}", ":9"
    )
    config = write_config(
        tmp_path,
        notify=[
            {"url": smtp_server.apprise_url(to="desk@example.org"), "tags": ["email"]},
            {"url": dead, "tags": ["backup"]},
        ],
    )
    r = run_cli("notify-test", "--config", config)
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[0].startswith("ok") and "[email]" in lines[0]
    assert lines[1].startswith("FAILED") and "[backup]" in lines[1]
    assert "s3cret-pw" not in r.out + r.err
    assert len(smtp_server.wait_for(1, timeout=10)) == 1
    only = run_cli("notify-test", "--tag", "email", "--config", config)
    assert only.code == 0 and len(only.out.splitlines()) == 1


def test_logs_under_systemd_carry_priorities_and_no_timestamp(
    tmp_path, feed_server, smtp_server, seed_items
):
    config = setup(
        tmp_path,
        feed_server,
        smtp_server,
        seed_items,
        sources=[{"name": "gone", "kind": "feed", "url": feed_server.url("/gone")}],
    )
    r = run_cli("once", "--config", config, env={"JOURNAL_STREAM": "8:1234"})
    [line] = [x for x in r.err.splitlines() if "source gone:" in x]
    assert line.startswith("<4>WARNING source gone: ") and "HTTP 404" in line
    plain = run_cli("once", "--config", config)
    [line] = [x for x in plain.err.splitlines() if "source gone:" in x]
    assert line[:4].isdigit() and " WARNING source gone: " in line


@pytest.mark.parametrize("command", ["once", "alerts", "sources", "check"])
def test_bad_config_is_one_line_per_problem_and_exit_1(tmp_path, command):
    cfg = tmp_path / "m.yaml"
    cfg.write_text("sources:\n  - {name: x, kind: feed}\n", encoding="utf-8")
    r = run_cli(command, "--config", cfg)
    assert r.code == 1
    assert r.err.strip() == f"{cfg}:2: sources.0: a feed source needs url: http(s)://..."
