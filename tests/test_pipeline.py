"""The pipeline in process, on a real SQLite file: restarts, duplicates, throttle."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from feeds import Item, rss
from util import write_config, write_rules

from monitor.daemon import load_all
from monitor.pipeline import Pipeline
from monitor.store import Store

RULES = """\
- id: putin
  type: match
  match: {any: [Poutine, Putin]}
"""


def pipeline_for(config, store=None):
    loaded = load_all(str(config))
    store = store or Store(loaded.settings.database)
    return Pipeline(loaded.settings, loaded.rules, store, loaded.notifier), store


def mail_pipeline(tmp_path, feed_server, smtp_server, n, **delivery):
    """A feed of n items, alerts to the SMTP server (target "mail"): polled and processed,
    its alerts waiting in the outbox. Returns the config, the pipeline and its store."""
    url = feed_server.route("/f.xml", rss(items(n)))
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "f", "kind": "feed", "url": url}],
        notify=[{"url": smtp_server.apprise_url(), "name": "mail"}],
        delivery=delivery,
    )
    p, store = pipeline_for(config)
    asyncio.run(p.poll_all())
    asyncio.run(p.process_pending())
    return config, p, store


def items(n, start=0, when=None):
    when = when or datetime.now(UTC) - timedelta(hours=1)
    return [
        Item(
            title=f"Article {i}",
            link=f"https://news.example/{i}",
            guid=f"https://news.example/{i}",
            published=when,
            body=f"Vladimir Poutine, épisode {i}.",
        )
        for i in range(start, start + n)
    ]


def make_config(tmp_path, feed_server, body, **kw):
    url = feed_server.route("/f.xml", body)
    write_rules(tmp_path, RULES)
    return write_config(
        tmp_path, baseline=False, sources=[{"name": "f", "kind": "feed", "url": url}], **kw
    )


def test_restart_between_poll_and_processing_loses_and_repeats_nothing(tmp_path, feed_server):
    config = make_config(tmp_path, feed_server, rss(items(4)))
    p, store = pipeline_for(config)
    results = asyncio.run(p.poll_all())
    assert results[0].new == 4
    store.close()  # "crash": stored, not processed
    p2, store2 = pipeline_for(config)
    processed, alerts = asyncio.run(p2.process_pending())
    assert (processed, alerts) == (4, 4)
    assert len(list((tmp_path / "articles").iterdir())) == 4
    report = asyncio.run(p2.run_once())
    assert report.new_articles == 0 and report.alerts == 0
    assert len(store2.alerts()) == 4
    store2.close()


def test_archive_written_but_not_recorded_is_adopted_after_a_crash(tmp_path, feed_server):
    config = make_config(tmp_path, feed_server, rss(items(1)))
    p, store = pipeline_for(config)
    asyncio.run(p.poll_all())
    [pending] = store.pending_articles()
    article = pending.article
    p._archive(article)  # the file is written...
    store.db.execute(
        "update articles set file = null"
    )  # ...but the crash came before it was recorded
    store.db.conn.commit()
    store.close()
    p2, store2 = pipeline_for(config)
    asyncio.run(p2.process_pending())
    assert len(list((tmp_path / "articles").iterdir())) == 1, "no second copy"
    store2.close()


def test_duplicate_guids_and_repeated_items_are_one_article(tmp_path, feed_server):
    twice = items(2) + items(1)  # item 0 listed twice in the same feed
    config = make_config(tmp_path, feed_server, rss(twice))
    p, store = pipeline_for(config)
    report = asyncio.run(p.run_once())
    assert report.new_articles == 2 and report.alerts == 2
    feed_server.route("/f.xml", rss(items(3)))
    report = asyncio.run(p.run_once())
    assert report.new_articles == 1 and report.alerts == 1
    store.close()


def test_throttle_keeps_the_alert_but_does_not_send_it(tmp_path, feed_server):
    config = make_config(tmp_path, feed_server, rss(items(3)))
    write_rules(tmp_path, RULES + "  throttle: 1h\n")
    p, store = pipeline_for(config)
    report = asyncio.run(p.run_once())
    assert report.alerts == 3
    alerts = store.alerts()
    assert [a.suppressed for a in alerts] == [None, "throttle", "throttle"]
    store.close()


def test_store_survives_reopening_and_keeps_source_state(tmp_path, feed_server):
    body = rss(items(2))
    url = feed_server.route("/f.xml", body, etag='"e1"')
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path, baseline=False, sources=[{"name": "f", "kind": "feed", "url": url}]
    )
    p, store = pipeline_for(config)
    asyncio.run(p.run_once())
    store.close()
    p2, store2 = pipeline_for(config)
    assert store2.source_state("f").etag == '"e1"'
    report = asyncio.run(p2.run_once())
    assert report.new_articles == 0
    assert feed_server.last_request("/f.xml").headers["If-None-Match"] == '"e1"'
    status = store2.source_statuses()["f"]
    assert status.polls == 2 and status.items == 2 and status.errors == 0
    store2.close()


def test_overlapping_delivery_passes_send_each_alert_once(tmp_path, feed_server, smtp_server):
    config, p, store = mail_pipeline(tmp_path, feed_server, smtp_server, 6, digest_over=1000)

    async def three_passes():
        return await asyncio.gather(p.deliver_due(), p.deliver_due(), p.deliver_due())

    results = asyncio.run(three_passes())
    assert sum(r[0] for r in results) == 6
    assert len(smtp_server.wait_for(6, timeout=10)) == 6
    # A second process (another pass on its own connection) finds nothing left to claim.
    p2, store2 = pipeline_for(config)
    assert asyncio.run(p2.deliver_due()) == (0, 0)
    assert len(smtp_server.messages) == 6
    store.close()
    store2.close()


def test_a_slow_target_delays_no_other_and_gets_each_alert_once(tmp_path, feed_server, smtp_server):
    url = feed_server.route("/f.xml", rss(items(3)))
    feed_server.route("/hook", "{}", content_type="application/json", delay=1.5)
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "f", "kind": "feed", "url": url}],
        notify=[
            {"url": smtp_server.apprise_url(), "name": "mail"},
            {"url": f"json://127.0.0.1:{feed_server.port}/hook", "name": "hook"},
        ],
    )
    p, store = pipeline_for(config)
    asyncio.run(p.poll_all())
    asyncio.run(p.process_pending())

    async def deliver_and_time():
        loop = asyncio.get_running_loop()
        start = loop.time()
        task = asyncio.create_task(p.deliver_due())
        await asyncio.to_thread(smtp_server.wait_for, 3, 10)
        mail_done = loop.time() - start
        await task
        return mail_done, loop.time() - start

    mail_done, all_done = asyncio.run(deliver_and_time())
    assert all_done >= 4.5, "the hook answers in 1.5 s a message"
    assert mail_done < all_done / 2, (mail_done, all_done)
    assert feed_server.hits("/hook") == 3
    assert store.pending_count() == 0
    store.close()


def test_run_and_once_cannot_share_a_database(tmp_path, feed_server):
    from monitor.errors import StoreError

    config = make_config(tmp_path, feed_server, rss(items(1)))
    _, store = pipeline_for(config)
    store.lock()
    from util import run_cli

    r = run_cli("once", "--config", config)
    assert r.code == 1 and "in use by monitor pid" in r.err, r.err
    store.close()
    assert run_cli("once", "--config", config).code == 0
    other = Store(tmp_path / "monitor.db")
    other.lock()
    third = Store(tmp_path / "monitor.db")
    try:
        with pytest.raises(StoreError):
            third.lock()
    finally:
        third.close()
        other.close()


def test_a_burst_goes_out_as_one_digest(tmp_path, feed_server, smtp_server):
    url = feed_server.route("/f.xml", rss(items(8)))
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "f", "kind": "feed", "url": url}],
        notify=[{"url": smtp_server.apprise_url()}],
        delivery={"digest_over": 5},
    )
    p, store = pipeline_for(config)
    report = asyncio.run(p.run_once())
    assert report.alerts == 8 and report.delivered == 8
    [mail] = smtp_server.wait_for(1, timeout=10)
    assert mail.subject == "monitor: 8 alerts"
    assert all(f"Article {i}" in mail.text for i in range(8))
    assert store.pending_count() == 0
    store.close()


def test_quiet_hours_hold_alerts_until_they_end(tmp_path, feed_server, smtp_server):
    url = feed_server.route("/f.xml", rss(items(2)))
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "f", "kind": "feed", "url": url}],
        notify=[
            {
                "url": smtp_server.apprise_url(),
                "quiet": {"start": "22:00", "end": "07:00", "timezone": "Europe/Paris"},
            }
        ],
    )
    loaded = load_all(str(config))
    store = Store(loaded.settings.database)
    night = datetime(2022, 2, 3, 23, 30, tzinfo=UTC)  # 00:30 in Paris
    clock = [night]
    p = Pipeline(loaded.settings, loaded.rules, store, loaded.notifier, clock=lambda: clock[0])
    report = asyncio.run(p.run_once())
    assert report.alerts == 2 and report.delivered == 0 and store.pending_count() == 2
    clock[0] = datetime(2022, 2, 4, 6, 5, tzinfo=UTC)  # 07:05 in Paris
    assert asyncio.run(p.deliver_due()) == (2, 0)
    assert len(smtp_server.wait_for(2, timeout=10)) == 2
    store.close()


def test_quiet_hours_need_a_real_time_zone(tmp_path):
    from monitor.config import load_settings
    from monitor.errors import ConfigError

    cfg = tmp_path / "m.yaml"
    cfg.write_text(
        "notify:\n  - url: 'json://localhost/x'\n    quiet: {start: '22:00', end: '07:00', timezone: Mars/Olympus}\n"
    )
    with pytest.raises(ConfigError, match="unknown time zone"):
        load_settings(cfg)


def test_requests_to_one_host_are_limited(tmp_path, feed_server):
    """Eight feeds on one slow host, per_host 2: never more than two requests in flight there."""
    write_rules(tmp_path, RULES)
    sources = []
    for i in range(8):
        url = feed_server.route(f"/f{i}.xml", rss(items(1, start=i)), delay=0.3)
        sources.append({"name": f"f{i}", "kind": "feed", "url": url})
    config = write_config(
        tmp_path, baseline=False, sources=sources, http={"per_host": 2, "concurrency": 20}
    )
    p, store = pipeline_for(config)
    results = asyncio.run(p.poll_all())
    assert all(r.ok for r in results)
    times = sorted(r.time for r in feed_server.requests)
    # With two at a time and 0.3 s each, eight requests take four rounds.
    assert times[-1] - times[0] >= 0.85, times
    store.close()


def test_cache_control_max_age_pushes_the_next_poll(tmp_path, feed_server):
    url = feed_server.route(
        "/f.xml", rss(items(1)), headers={"Cache-Control": "public, max-age=3600"}
    )
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path, sources=[{"name": "f", "kind": "feed", "url": url, "interval": "5m"}]
    )
    p, store = pipeline_for(config)
    [result] = asyncio.run(p.poll_all())
    assert result.ok and result.retry_in == timedelta(hours=1)
    next_poll = store.source_statuses()["f"].next_poll
    assert timedelta(minutes=59) < next_poll - datetime.now(UTC) <= timedelta(hours=1)
    feed_server.route("/f.xml", rss(items(1)), headers={"Cache-Control": "no-cache, max-age=3600"})
    [result] = asyncio.run(p.poll_all())
    assert result.retry_in is None, "no-cache: the interval rules"
    store.close()


def test_retention_prunes_old_articles_and_keeps_facts_and_alerts(tmp_path, feed_server):
    config = make_config(tmp_path, feed_server, rss(items(3)), retention="30d")
    loaded = load_all(str(config))
    store = Store(loaded.settings.database)
    clock = [datetime.now(UTC)]
    p = Pipeline(loaded.settings, loaded.rules, store, loaded.notifier, clock=lambda: clock[0])
    asyncio.run(p.run_once())
    assert store.article_count() == 3 and len(store.alerts()) == 3
    clock[0] += timedelta(days=31)
    assert asyncio.run(p.prune()) == 3
    assert store.article_count() == 0
    assert len(store.alerts()) == 3, "alerts stay, with their article's title and link"
    hits = store.db.execute(
        "select count(*) from articles_fts where articles_fts match 'Poutine'"
    ).fetchone()[0]
    assert hits == 0, "the full-text index follows"
    # The feed still lists the old items: they are not new again (tombstones remember them).
    report = asyncio.run(p.run_once())
    assert report.new_articles == 0 and len(store.alerts()) == 3
    assert len(list((tmp_path / "articles").iterdir())) == 3
    store.close()


def test_a_rate_limited_target_is_left_alone_longer(tmp_path, feed_server):
    url = feed_server.route("/f.xml", rss(items(1)))
    feed_server.route(
        "/hook", "slow down", status=429, content_type="text/plain", headers={"Retry-After": "120"}
    )
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "f", "kind": "feed", "url": url}],
        notify=[{"url": f"json://127.0.0.1:{feed_server.port}/hook", "name": "hook"}],
        delivery={"backoff": "1s"},
    )
    p, store = pipeline_for(config)
    asyncio.run(p.run_once())
    [alert] = store.alerts(status="pending")
    [(_, _, attempts, error)] = alert.deliveries
    assert attempts == 1 and "429" in error
    row = store.db.execute("select next_attempt from deliveries").fetchone()
    wait = datetime.fromisoformat(row[0]) - datetime.now(UTC)
    assert wait > timedelta(minutes=3), wait
    store.close()


def test_a_long_burst_is_split_into_digests_chat_services_accept(
    tmp_path, feed_server, smtp_server
):
    long_items = [
        Item(
            title=f"Poutine {i} " + "longue dépêche " * 30,
            link=f"https://news.example/{i}",
            guid=f"https://news.example/{i}",
            published=datetime.now(UTC) - timedelta(hours=1),
            body="Vladimir Poutine. " + "Texte. " * 80,
        )
        for i in range(12)
    ]
    url = feed_server.route("/f.xml", rss(long_items))
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "f", "kind": "feed", "url": url}],
        notify=[{"url": smtp_server.apprise_url()}],
        delivery={"digest_over": 5},
    )
    p, store = pipeline_for(config)
    report = asyncio.run(p.run_once())
    assert report.delivered == 12
    mails = smtp_server.wait_for(2, timeout=10)
    assert len(mails) >= 2 and all(len(m.text) < 4096 for m in mails)
    assert sum(m.text.count("[putin]") for m in mails) == 12
    store.close()


def test_quiet_hours_written_without_quotes(tmp_path):
    from monitor.config import load_settings

    cfg = tmp_path / "m.yaml"
    cfg.write_text(
        "notify:\n  - url: 'json://localhost/x'\n    quiet: {start: 22:00, end: 7:30, timezone: Europe/Paris}\n"
    )
    quiet = load_settings(cfg).notify[0].quiet
    assert quiet is not None and (quiet.start.hour, quiet.end.hour, quiet.end.minute) == (22, 7, 30)
    assert quiet.active(datetime(2022, 2, 3, 23, 0, tzinfo=UTC))  # midnight in Paris
    assert not quiet.active(datetime(2022, 2, 3, 12, 0, tzinfo=UTC))


def test_a_partial_archive_write_is_cleaned_up_at_start(tmp_path, feed_server):
    config = make_config(tmp_path, feed_server, rss(items(1)))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / ".007_0123456789abcdef.txt.tmp").write_text(
        " date 2022-02 half", encoding="utf-8"
    )
    p, store = pipeline_for(config)
    asyncio.run(p.run_once())
    names = sorted(f.name for f in (tmp_path / "articles").iterdir())
    assert len(names) == 1 and not names[0].startswith("."), names
    store.close()


def killed_after_a_send(tmp_path, feed_server, smtp_server, monkeypatch, before, after):
    """`before` items polled and processed, their alerts sent; the process dies after the
    server took the message and before it was recorded (the fault is injected:
    mark_delivered raises). Then the feed holds `after` items, and the next start (claims
    handed back) runs a cycle. Returns the first message, the store and the cycle's report."""
    config, p, store = mail_pipeline(tmp_path, feed_server, smtp_server, before, digest_over=3)

    def die(*args, **kwargs):
        raise SystemExit("killed between the send and its record")

    monkeypatch.setattr(store, "mark_delivered", die)
    with pytest.raises(SystemExit):
        asyncio.run(p.deliver_due())
    [first] = smtp_server.wait_for(1, timeout=10)
    store.close()
    monkeypatch.undo()

    feed_server.route("/f.xml", rss(items(after)))
    p, store = pipeline_for(config)
    store.release_claims(now=datetime.now(UTC))
    return first, store, asyncio.run(p.run_once())


def test_a_digest_resent_after_a_crash_is_the_same_message_under_the_same_key(
    tmp_path, feed_server, smtp_server, monkeypatch
):
    """A digest in doubt goes again: same alerts and same X-Monitor-Alert, so a receiver
    can drop it; the alerts that came meanwhile go in a message of their own."""
    first, store, report = killed_after_a_send(
        tmp_path, feed_server, smtp_server, monkeypatch, before=6, after=10
    )
    assert report.delivered == 10, report
    mails = smtp_server.wait_for(3, timeout=10)
    assert len(mails) == 3
    again = [m for m in mails[1:] if m["X-Monitor-Alert"] == first["X-Monitor-Alert"]]
    assert len(again) == 1 and again[0].subject == first.subject == "monitor: 6 alerts"
    assert again[0].text == first.text, "the same message, alerts in the same order"
    assert all(f"Article {i}" in again[0].text for i in range(6))
    [new] = [m for m in mails[1:] if m is not again[0]]
    assert all(f"Article {i}" in new.text for i in range(6, 10))
    assert not any(f"Article {i}\n" in new.text for i in range(6))
    assert store.pending_count() == 0
    store.close()


def test_a_single_alert_in_doubt_is_not_folded_into_a_later_digest(
    tmp_path, feed_server, smtp_server, monkeypatch
):
    """Found by the crash test: an alert sent alone, then a kill before its record, then
    a burst. The alert goes again alone, under its own key; the burst is a digest."""
    first, store, report = killed_after_a_send(
        tmp_path, feed_server, smtp_server, monkeypatch, before=1, after=6
    )
    assert report.delivered == 6, report
    mails = smtp_server.wait_for(3, timeout=10)
    assert [m.subject for m in mails] == [first.subject, first.subject, "monitor: 5 alerts"]
    assert mails[1]["X-Monitor-Alert"] == first["X-Monitor-Alert"]
    assert "Article 0" not in mails[2].text
    store.close()


def test_items_already_stored_are_dropped_before_their_text_is_cleaned(
    tmp_path, feed_server, monkeypatch
):
    import monitor.pipeline as pipeline_module

    url = feed_server.route("/f.xml", rss(items(8)))
    write_rules(tmp_path, RULES)
    config = write_config(tmp_path, sources=[{"name": "f", "kind": "feed", "url": url}])
    p, store = pipeline_for(config)
    asyncio.run(p.poll_all())
    cleaned = []
    real = pipeline_module.normalize

    def counting(entry, **kwargs):
        cleaned.append(entry.title)
        return real(entry, **kwargs)

    monkeypatch.setattr(pipeline_module, "normalize", counting)
    feed_server.route("/f.xml", rss(items(10)))
    [result] = asyncio.run(p.poll_all())
    assert result.new == 2
    assert sorted(cleaned) == ["Article 8", "Article 9"]
    store.close()


def test_a_digest_settled_meanwhile_is_not_sent_empty(tmp_path, feed_server, smtp_server):
    """Review finding: rows read before the target's lock can describe a digest another
    pass has settled since (given up at max_attempts): nothing is sent, nothing raises."""
    _, p, store = mail_pipeline(tmp_path, feed_server, smtp_server, 2)
    rows = store.due_deliveries(datetime.now(UTC))
    ids = [d.alert.id for d in rows]
    store.set_batch("mail", "digest.gone", ids)
    store.mark_failed_attempt(ids, "mail", "gave up", next_attempt=None)
    stale = [replace(d, batch="digest.gone") for d in rows]
    assert asyncio.run(p._deliver_target("mail", stale)) == (0, 0)
    time.sleep(0.3)
    assert smtp_server.messages == []
    store.close()
