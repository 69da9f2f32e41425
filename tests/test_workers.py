"""A backlog is extracted by worker processes (monitor.workers): the same facts and
alerts as in place, and a failed pool costs nothing but speed."""

from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from feeds import Item, rss
from util import run_cli, write_config, write_rules

from monitor import workers
from monitor.daemon import load_all
from monitor.pipeline import Pipeline
from monitor.store import Store

N = workers.BACKLOG + 6  # articles: a backlog for the workers

RULES = (
    "- id: troops\n  type: troops\n"
    "- id: contacts\n  type: contact\n"
    "- id: kyiv\n  type: match\n  match: Kiev\n"
)


def backlog(n):
    when = datetime.now(UTC) - timedelta(hours=1)
    return [
        Item(
            title=f"Dépêche {i}",
            link=f"https://wire.example/{i}",
            guid=f"https://wire.example/{i}",
            published=when + timedelta(seconds=i),
            body=(
                f"La Russie a massé {100 + i} 000 soldats près de la frontière ukrainienne, "
                "selon le Pentagone. Emmanuel Macron s'est entretenu vendredi avec Vladimir "
                f"Poutine. Kiev attend, épisode {i}."
            ),
        )
        for i in range(n)
    ]


def run(tmp_path, feed_server, name):
    folder = tmp_path / name
    folder.mkdir()
    url = feed_server.route(f"/{name}.xml", rss(backlog(N)))
    write_rules(folder, RULES)
    config = write_config(
        folder, baseline=False, sources=[{"name": "wire", "kind": "feed", "url": url}]
    )
    loaded = load_all(str(config))
    store = Store(loaded.settings.database)
    pipeline = Pipeline(loaded.settings, loaded.rules, store, loaded.notifier)
    asyncio.run(pipeline.poll_all())
    processed, _ = asyncio.run(pipeline.process_pending())
    alerts = sorted((a.rule, a.title) for a in store.alerts())
    facts = sorted(r["key"] for r in store.db.query("select key from facts"))
    store.close()
    return processed, alerts, facts


@pytest.fixture
def two_cpus(monkeypatch):
    monkeypatch.setattr(workers, "cpus", lambda: 2)  # workers even on a 1-CPU runner


@pytest.mark.usefixtures("two_cpus")
def test_workers_give_what_in_place_extraction_gives(tmp_path, feed_server, monkeypatch):
    pooled = run(tmp_path, feed_server, "pooled")
    assert workers._pool is not None, "the backlog went to worker processes"
    monkeypatch.setattr(workers, "BACKLOG", 10**9)
    in_place = run(tmp_path, feed_server, "in-place")
    assert pooled[0] == in_place[0] == N
    assert pooled[1] == in_place[1] and any(rule == "troops" for rule, _ in pooled[1])
    assert pooled[2] == in_place[2] and pooled[2]


@pytest.mark.usefixtures("two_cpus")
def test_a_failed_pool_falls_back_to_extracting_in_place(tmp_path, feed_server, monkeypatch):
    dead = ProcessPoolExecutor(max_workers=1)
    dead.shutdown()
    monkeypatch.setattr(workers, "_pool", dead)
    processed, alerts, facts = run(tmp_path, feed_server, "fallback")
    assert workers._pool is None, "the broken pool was dropped"
    monkeypatch.setattr(workers, "BACKLOG", 10**9)
    expected = run(tmp_path, feed_server, "reference")
    assert (processed, alerts, facts) == expected


def test_the_cli_extracts_a_backlog_in_workers(tmp_path, feed_server):
    """`python -m monitor once` with a backlog: the spawned workers import the package,
    not the CLI again (monitor/__main__.py is guarded), and all articles are processed."""
    url = feed_server.route("/cli.xml", rss(backlog(N)))
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path, baseline=False, sources=[{"name": "wire", "kind": "feed", "url": url}]
    )
    r = run_cli("once", "--config", config, timeout=120)
    assert r.code == 0, r.err
    assert f"{N} new articles" in r.out, r.out
    assert "worker processes started" in r.err and "extracting in place" not in r.err, r.err
    with Store(tmp_path / "monitor.db") as store:
        assert (
            store.db.execute("select count(*) from articles where state = 'done'").fetchone()[0]
            == N
        )
