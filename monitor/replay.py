"""`monitor replay`: article files through the rules with fresh state, nothing kept.

The same pipeline as the daemon, on an in-memory database, with no archive, no
baseline, no age limit and no targets: what comes out is exactly what the rules
would have alerted, in order of publication.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from monitor import seedformat
from monitor.article import Article, Entry, normalize
from monitor.config import Settings
from monitor.notify import Notifier
from monitor.pipeline import Pipeline
from monitor.rules import load_rules
from monitor.store import AlertRecord, Store


def load_articles(files: list[Path], *, now: datetime) -> list[Article]:
    """Seed files as Articles, in order of publication (file order breaks ties)."""
    articles = []
    for path in files:
        doc = seedformat.read(path)
        entry = Entry(
            source=path.parent.name or "replay",
            guid=f"file:{path.name}",
            text=doc.text,
            year_month=doc.year_month,
            origin=str(path),
        )
        article = normalize(entry, fetched=now)
        if article is not None:
            articles.append(article)
    return sorted(articles, key=lambda a: a.published)


def replay(files: list[Path], rule_paths: list[Path]) -> list[AlertRecord]:
    rules = load_rules(rule_paths)
    now = datetime.now(UTC)
    articles = load_articles(files, now=now)
    settings = Settings(
        archive=None, baseline=False, max_age=None, sources=[], notify=[], rules=rule_paths
    )
    with Store(Path(":memory:")) as store:
        pipeline = Pipeline(settings, rules, store, Notifier([]))
        for article in articles:
            store.record_poll(
                "replay",
                store.source_state("replay"),
                [article],
                now=now,
                baseline=False,
                next_poll=None,
            )
            asyncio.run(pipeline.process_pending())
        return store.alerts()
