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


def read_one_by_one(tmp_path, rule, published: list[datetime]) -> Store:
    """Articles "Ukraine N" published at these times, each stored then processed in turn."""
    store = Store(tmp_path / "s.db")
    settings = Settings(archive=None, baseline=False, max_age=None)
    pipeline = Pipeline(settings, RuleSet(rules=(rule,)), store, Notifier([]), extract=False)
    for n, when in enumerate(published):
        entry = Entry(
            source="wire", guid=f"urn:{n}", title=f"Ukraine {n}", text="Ukraine.", published=when
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
    return store


def test_frequency_alerts_once_per_burst(tmp_path):
    rule = FrequencyRule.model_validate(
        {"id": "surge", "type": "frequency", "match": "Ukraine", "count": 3, "window": "1h"}
    )
    start = datetime(2022, 2, 3, 8, tzinfo=UTC)
    minutes = [0, 10, 20, 30, 40, 200, 210, 220]  # a burst of five, a lull, a burst of three
    store = read_one_by_one(tmp_path, rule, [start + timedelta(minutes=m) for m in minutes])
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


def test_frequency_counts_articles_read_out_of_order(tmp_path):
    rule = FrequencyRule.model_validate(
        {"id": "surge", "type": "frequency", "match": "Ukraine", "count": 3, "window": "1h"}
    )
    base = datetime(2022, 2, 3, 10, tzinfo=UTC)
    # The 09:55 article is read third.
    store = read_one_by_one(tmp_path, rule, [base + timedelta(minutes=m) for m in (0, 10, -5, 20)])
    assert len(store.alerts()) == 1
    store.close()


def test_silence_is_for_feeds_and_counts_from_the_first_answer(tmp_path, feed_server):
    page = feed_server.route(
        "/a.html",
        "<html><body><article><p>"
        + "Un article de fond sur la crise. " * 10
        + "</p></article></body></html>",
        content_type="text/html",
    )
    empty = feed_server.route("/empty.xml", rss([]))
    write_rules(tmp_path, "- id: quiet\n  type: source\n  silent: 1h\n")
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[
            {"name": "one-page", "kind": "page", "url": page},
            {"name": "empty-feed", "kind": "feed", "url": empty},
        ],
    )
    loaded = load_all(str(config))
    store = Store(loaded.settings.database)
    clock = [datetime.now(UTC)]
    pipeline = Pipeline(
        loaded.settings, loaded.rules, store, loaded.notifier, clock=lambda: clock[0]
    )
    asyncio.run(pipeline.run_once())
    clock[0] += timedelta(hours=2)
    asyncio.run(pipeline.run_once())
    titles = [a.title for a in store.alerts()]
    assert titles == ["[quiet] source empty-feed silent: no new article for 1h or more"], titles
    store.close()


def test_templates_are_tried_at_load(tmp_path):
    from monitor.errors import RuleError
    from monitor.rules import load_rules

    (tmp_path / "r.yaml").write_text(
        "- id: a\n  type: match\n  match: x\n  message: {title: '{published:%d %B}'}\n"
        "- id: b\n  type: source\n  message: {title: '{source} down'}\n"
        "- id: c\n  type: source\n  message: {title: '{name} ({kind}): {error}'}\n",
        encoding="utf-8",
    )
    try:
        load_rules([tmp_path / "r.yaml"])
    except RuleError as err:
        problems = err.problems
    else:
        raise AssertionError("bad templates loaded")
    assert len(problems) == 2, problems
    assert "fields are text" in problems[0] and "unknown field {source}" in problems[1]
