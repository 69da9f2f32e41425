#!/usr/bin/env python3
"""How fast are articles stored? And the lookups on a database of --total (20,000) articles.

    python benchmarks/bench_store.py [--rows 10000] [--naive-rows 2000] [--total 20000]

Articles are monitor.article.normalize() of generated French Entry objects (~1.5 KB of
text). Times (a) the naive way: sqlite-utils insert of one row at a time, each its own
commit, into a plain table (default journal, no FTS); (b) monitor: Store.record_poll with
batches of 50 articles (WAL, FTS triggers, indexes, the source row updated in the same
transaction). Rows/s for each (median of rounds, a fresh file per round) and the ratio.
Then fills one Store to --total articles (2,000 sources, 5,000 alerts, all but 150
articles processed) and times the lookups the daemon and the CLI make: pending_articles,
source_statuses and alerts(). Prints peak RSS and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import _load
from sqlite_utils import Database

from monitor.article import Entry, normalize
from monitor.sources.base import SourceState
from monitor.store import NewAlert, Store, _article_row

FETCHED = datetime(2026, 1, 15, 12, tzinfo=UTC)


def make_pool(rng: random.Random, count: int) -> list:
    out = []
    for i in range(count):
        entry = Entry(source=f"src-{i % 2000:04d}", guid=f"http://127.0.0.1/a/{i}.html",
                      url=f"http://127.0.0.1/a/{i}.html", title=_load.make_title(rng),
                      text=_load.make_text(rng, 1500), language="fr",
                      published=FETCHED - timedelta(minutes=i))
        a = normalize(entry, fetched=FETCHED)
        assert a is not None
        out.append(a)
    return out


def variant(pool: list, n: int):
    """Article number n: a pool article under a new identity."""
    a = pool[n % len(pool)]
    url = f"http://127.0.0.1/a/{n}.html"
    return replace(a, uid=f"{n:064x}", guid=url, url=url, source=f"src-{n % 2000:04d}",
                   published=FETCHED - timedelta(seconds=n))


def naive_insert(path: Path, articles: list) -> float:
    db = Database(path)
    start = time.perf_counter()
    table = db["articles"]
    for a in articles:
        table.insert(_article_row(a, baseline=False), pk="uid")  # commits each row
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def monitor_insert(path: Path, articles: list, batch: int, first: int = 0) -> float:
    store = Store(path)
    start = time.perf_counter()
    for i in range(0, len(articles), batch):
        chunk = articles[i : i + batch]
        store.record_poll(f"src-{(first + i // batch) % 2000:04d}", SourceState(etag=f'"{i}"'),
                          chunk, now=FETCHED, baseline=False, next_poll=FETCHED)
    seconds = time.perf_counter() - start
    store.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--naive-rows", type=int, default=2000)
    parser.add_argument("--total", type=int, default=20_000,
                        help="articles of the lookup database (bench_million.py goes to 1M)")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pool = make_pool(rng, 2000)
    mean_kb = sum(len(a.text.encode()) for a in pool) / len(pool) / 1024

    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmpdir:
        tmp = Path(tmpdir)
        naive_arts = [variant(pool, n) for n in range(args.naive_rows)]
        t_naive = sorted(naive_insert(tmp / f"naive-{r}.db", naive_arts)
                         for r in range(args.rounds))[args.rounds // 2]
        mon_arts = [variant(pool, n) for n in range(args.rows)]
        t_mon = sorted(monitor_insert(tmp / f"monitor-{r}.db", mon_arts, args.batch)
                       for r in range(args.rounds))[args.rounds // 2]
        naive_rate = args.naive_rows / t_naive
        mon_rate = args.rows / t_mon

        # -- a database of --total articles
        path = tmp / "big.db"
        start = time.perf_counter()
        done = 0
        fill_batch = 500
        store = Store(path)
        while done < args.total:
            chunk = [variant(pool, n) for n in range(done, min(args.total, done + fill_batch))]
            store.record_poll(f"src-{(done // fill_batch) % 2000:04d}", SourceState(etag='"x"'),
                              chunk, now=FETCHED, baseline=False, next_poll=FETCHED)
            done += len(chunk)
        for s in range(2000):  # every source has a row
            store.record_poll(f"src-{s:04d}", SourceState(etag=f'"{s}"'), [], now=FETCHED,
                              baseline=False, next_poll=FETCHED)
        store.db.execute("update articles set state = 'done' where rowid > 150")
        store.db.conn.commit()
        alerts = [
            NewAlert(id=f"{n:020x}", rule=f"rule-{n % 50}", kind="match", key=f"match|{n}",
                     title=f"[rule-{n % 50}] alerte {n}", body="Corps de l'alerte. " * 10,
                     facts=None, previous=None, article={"url": f"http://127.0.0.1/a/{n}.html"},
                     article_uid=f"{n:064x}", suppressed=None, targets=("t-email", "t-chat"))
            for n in range(5000)
        ]
        for i in range(0, len(alerts), 100):
            store.record_alerts(alerts[i : i + 100], [], now=FETCHED + timedelta(seconds=i))
        t_fill = time.perf_counter() - start
        store.db.execute("pragma wal_checkpoint(truncate)")
        size_mb = path.stat().st_size / 2**20
        count = store.article_count()

        t_pending, _ = _load.timed(lambda: store.pending_articles(limit=200), 5)
        t_statuses, _ = _load.timed(store.source_statuses, 5)
        t_alerts, _ = _load.timed(store.alerts, 5)
        t_alerts_since, _ = _load.timed(
            lambda: store.alerts(since=FETCHED + timedelta(seconds=4000)), 5)
        t_pending_alerts, _ = _load.timed(lambda: store.alerts(status="pending"), 3)
        # One more poll's batch into the full database: does the insert rate hold at that size?
        extra = [variant(pool, n) for n in range(args.total, args.total + 2000)]
        store.close()
        t_extra = monitor_insert(path, extra, args.batch)

    ms = 1000
    print(f"articles: normalize() of generated French entries, {mean_kb:.1f} KB of text each")
    print(f"(a) naive sqlite-utils insert, commit per row: {naive_rate:8.0f} rows/s "
          f"({args.naive_rows} rows, median of {args.rounds})")
    print(f"(b) monitor Store.record_poll, batches of {args.batch}: {mon_rate:7.0f} rows/s "
          f"({args.rows} rows, median of {args.rounds}; WAL, FTS triggers, 3 indexes)")
    print(f"ratio (b)/(a): {mon_rate / naive_rate:.1f}x")
    print(f"at {count} articles (+2,000 sources, 5,000 alerts, 10,000 deliveries): database "
          f"{size_mb:.0f} MB ({size_mb * 1024 / count:.1f} KB per article), filled in "
          f"{t_fill:.0f} s; record_poll at that size: {2000 / t_extra:.0f} rows/s")
    print(f"    pending_articles(limit=200):  {t_pending * ms:8.2f} ms (150 pending)")
    print(f"    source_statuses():            {t_statuses * ms:8.2f} ms (2,000 sources)")
    print(f"    alerts():                     {t_alerts * ms:8.2f} ms (5,000 alerts)")
    print(f"    alerts(since=...):            {t_alerts_since * ms:8.2f} ms (1,000 alerts)")
    print(f"    alerts(status='pending'):     {t_pending_alerts * ms:8.2f} ms")
    print(f"peak RSS: {_load.peak_rss_mb():.0f} MB")
    print(json.dumps({
        "mean_kb": round(mean_kb, 2), "naive_rows": args.naive_rows, "rows": args.rows,
        "batch": args.batch, "naive_rows_per_s": round(naive_rate, 1),
        "monitor_rows_per_s": round(mon_rate, 1), "ratio": round(mon_rate / naive_rate, 2),
        "total_articles": count, "db_mb": round(size_mb, 1),
        "rows_per_s_at_total": round(2000 / t_extra, 1),
        "pending_ms": round(t_pending * ms, 2), "source_statuses_ms": round(t_statuses * ms, 2),
        "alerts_ms": round(t_alerts * ms, 2), "alerts_since_ms": round(t_alerts_since * ms, 2),
        "alerts_pending_ms": round(t_pending_alerts * ms, 2),
        "peak_rss_mb": round(_load.peak_rss_mb(), 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
