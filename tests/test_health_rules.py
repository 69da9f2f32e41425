"""frequency and source rules: bursts of news, and sources failing or falling silent."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from feeds import Item, rss
from util import write_config, write_rules

from monitor.article import Entry, normalize
from monitor.config import Settings
from monitor.daemon import load_all
from monitor.notify import Notifier
from monitor.pipeline import Pipeline
from monitor.rules import FrequencyRule, RuleSet
from monitor.store import Store


def test_frequency_alerts_once_per_burst(tmp_path):
    rule = FrequencyRule.model_validate(
        {"id": "surge", "type": "frequency", "match": "Ukraine", "count": 3, "window": "1h"}
    )
    store = Store(tmp_path / "s.db")
    pipeline = Pipeline(
        Settings(archive=None, baseline=False, max_age=None),
        RuleSet(rules=(rule,)),
        store,
        Notifier([]),
        extract=False,
    )
    start = datetime(2022, 2, 3, 8, tzinfo=UTC)
    minutes = [0, 10, 20, 30, 40, 200, 210, 220]  # a burst of five, a lull, a burst of three
    for n, m in enumerate(minutes):
        entry = Entry(
            source="wire",
            guid=f"urn:{n}",
            title=f"Ukraine {n}",
            text="Ukraine.",
            published=start + timedelta(minutes=m),
        )
        article = normalize(entry, fetched=datetime.now(UTC))
        store.record_poll(
            "wire",
            store.source_state("wire"),
            [article],
            now=datetime.now(UTC),
            baseline=False,
            next_poll=None,
        )
        asyncio.run(pipeline.process_pending())
    alerts = store.alerts()
    assert [a.title.split(",")[0] for a in alerts] == [
        "[surge] 3 matching articles within 1h",
        "[surge] 3 matching articles within 1h",
    ]
    assert [a.article["title"] for a in alerts] == ["Ukraine 2", "Ukraine 7"]
    store.close()


def test_source_health_alerts_when_failing_and_when_recovered(tmp_path, feed_server, smtp_server):
    write_rules(tmp_path, "- id: health\n  type: source\n  failures: 2\n  notify: [ops]\n")
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "wire", "kind": "feed", "url": feed_server.url("/f.xml")}],
        notify=[{"url": smtp_server.apprise_url(), "tags": ["ops"]}],
    )
    loaded = load_all(str(config))
    store = Store(loaded.settings.database)
    pipeline = Pipeline(loaded.settings, loaded.rules, store, loaded.notifier)
    for _ in range(4):  # 404 four times: one alert, when the second failure makes it "failing"
        asyncio.run(pipeline.run_once())
    feed_server.route("/f.xml", rss([Item(title="ok", link="https://x.example/1", body="ok")]))
    asyncio.run(pipeline.run_once())
    asyncio.run(pipeline.run_once())
    titles = [a.title for a in store.alerts()]
    assert len(titles) == 2, titles
    assert titles[0].startswith("[health] source wire failing: 2 polls in a row (")
    assert "HTTP 404" in titles[0]
    assert titles[1] == "[health] source wire recovered"
    subjects = [m.subject for m in smtp_server.wait_for(2, timeout=10)]
    assert subjects == titles
    store.close()


def test_a_silent_source_alerts(tmp_path, feed_server):
    url = feed_server.route(
        "/f.xml", rss([Item(title="ok", link="https://x.example/1", body="ok")])
    )
    write_rules(tmp_path, "- id: quiet\n  type: source\n  silent: 1h\n")
    config = write_config(
        tmp_path, baseline=False, sources=[{"name": "wire", "kind": "feed", "url": url}]
    )
    loaded = load_all(str(config))
    store = Store(loaded.settings.database)
    clock = [datetime.now(UTC)]
    pipeline = Pipeline(
        loaded.settings, loaded.rules, store, loaded.notifier, clock=lambda: clock[0]
    )
    asyncio.run(pipeline.run_once())
    assert store.alerts() == []
    clock[0] += timedelta(hours=2)  # same feed, nothing new, two hours on
    asyncio.run(pipeline.run_once())
    asyncio.run(pipeline.run_once())
    [alert] = store.alerts()
    assert alert.title == "[quiet] source wire silent: no new article for 1h or more"
    store.close()
