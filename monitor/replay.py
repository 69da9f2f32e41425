"""`monitor replay`: articles through the rules with fresh state, nothing kept.

The same pipeline as the daemon, on an in-memory database, with no archive, no
baseline, no age limit and no targets: what comes out is exactly what the rules
would have alerted, in order of publication.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from monitor.article import Article
from monitor.config import Settings
from monitor.errors import MonitorError
from monitor.notify import Notifier
from monitor.pipeline import Pipeline
from monitor.rules import load_rules
from monitor.store import AlertRecord, Store


def load_articles(files: list[Path], *, now: datetime) -> list[Article]:
    """Seed files as Articles, in order of publication (file order breaks ties)."""
    from monitor.inputs import Loaded, load

    articles = []
    for item in load([str(f) for f in files], now=now):
        if isinstance(item, Exception):
            raise item
        if isinstance(item, Loaded):
            articles.append(item.article)
    return sorted(articles, key=lambda a: a.published)


def stored_articles(database: Path, *, since: datetime | None = None) -> list[Article]:
    """The articles the daemon stored (whole ones: pruned ones have no text left),
    published since `since`, with their exact times and sources."""
    if not database.exists():
        raise MonitorError(f"{database}: no database yet (run `monitor once` or `monitor run`)")
    with Store(database) as store:
        return [a for a in store.iter_articles() if since is None or a.published >= since]


def replay(articles: list[Article], rule_paths: list[Path]) -> list[AlertRecord]:
    """Articles through the rules in order of publication (their order breaks ties),
    on a fresh in-memory store: what the rules would have alerted."""
    rules = load_rules(rule_paths)
    now = datetime.now(UTC)
    settings = Settings(
        archive=None, baseline=False, max_age=None, sources=[], notify=[], rules=rule_paths
    )
    with Store(Path(":memory:")) as store:
        pipeline = Pipeline(settings, rules, store, Notifier([]))
        for article in sorted(articles, key=lambda a: a.published):
            store.record_poll(
                article.source,
                store.source_state(article.source),
                [article],
                now=now,
                baseline=False,
                next_poll=None,
            )
            asyncio.run(pipeline.process_pending())
        return store.alerts()
