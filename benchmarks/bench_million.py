#!/usr/bin/env python3
"""Does the database stay fast at a million articles? And can it be pruned by age?

    python benchmarks/bench_million.py [--total 1000000] [--small 10000] [--text-bytes 300]

Builds two stores with the same contents but for the number of articles: a small one
(--small) and a big one (--total), each with 2,000 sources, 5,000 alerts with their
deliveries and 2,000 facts. Articles are normalize()d generated French entries put in
through Store.record_poll, then copied in SQL under new identities (the copies go
through the same FTS triggers and indexes) with their read times spread over 60 days;
their text is cut to --text-bytes (a feed summary) so the fill takes about a minute.

Then times, on both (medians), what the daemon asks the database each cycle: which of
50 item uids are known (the dedup of a changed feed), storing a poll of 50 new items,
the articles waiting for processing, the processed ones without an archive file, a
source's state, the facts and alert checks of the rules, the due deliveries, the
STATUS line's counts; and what the CLI asks (monitor sources, monitor alerts --since).
The figure is the ratio big / small: near 1 means the lookup does not grow with the
database. Last, prunes the big store by age (everything read more than 45 days ago,
in transactions of 2,000 articles) and checks that alerts and facts are all kept.
Prints one JSON line at the end.
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

from monitor.article import Entry, normalize
from monitor.sources.base import SourceState
from monitor.store import NewAlert, Store

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
SOURCES = 2000
POOL = 2000
CHUNK = 50_000


def make_pool(rng: random.Random, text_bytes: int) -> list:
    out = []
    for i in range(POOL):
        entry = Entry(source=f"src-{i % SOURCES:04d}", guid=f"http://127.0.0.1/a/{i}.html",
                      url=f"http://127.0.0.1/a/{i}.html", title=_load.make_title(rng),
                      text=_load.make_text(rng, text_bytes)[:text_bytes], language="fr",
                      published=NOW - timedelta(days=60))
        a = normalize(entry, fetched=NOW - timedelta(days=60))
        assert a is not None
        out.append(a)
    return out


def fill(path: Path, pool: list, total: int) -> float:
    """A store of `total` articles (see the module docstring); returns the seconds taken."""
    start = time.perf_counter()
    store = Store(path)
    for i in range(0, POOL, 50):
        store.record_poll(f"src-{i // 50:04d}", SourceState(etag='"p"'), pool[i:i + 50],
                          now=NOW - timedelta(days=60), baseline=False, next_poll=NOW)
    db = store.db.conn
    cols = ("guid, url, title, text, published, published_exact, year_month, language, "
            "baseline")
    span = 60 * 86400
    for first in range(POOL, total, CHUNK):
        last = min(total, first + CHUNK)
        db.execute("BEGIN IMMEDIATE")
        # Article n: pool article n % POOL under a new uid, from source n % 2,000, read
        # n * span / total seconds after the start of the 60 days, processed and archived.
        db.execute(
            f"""with recursive n(i) as (select ? union all select i + 1 from n where i + 1 < ?)
                insert into articles (uid, source, fetched, state, file, {cols})
                select printf('%064x', n.i), printf('src-%04d', n.i % {SOURCES}),
                       strftime('%Y-%m-%dT%H:%M:%S+00:00', ?, '+' || (n.i * {span} / ?) || ' seconds'),
                       'done', printf('articles/%d.txt', n.i), {cols}
                from n join articles p on p.rowid = (n.i % {POOL}) + 1""",
            [first, last, (NOW - timedelta(days=60)).strftime("%Y-%m-%d %H:%M:%S"), total],
        )
        db.execute("COMMIT")
    db.execute("update articles set state = 'done', file = 'articles/pool.txt' where rowid <= ?",
               [POOL])
    db.commit()
    for s in range(SOURCES):  # every source has a row
        store.record_poll(f"src-{s:04d}", SourceState(etag=f'"{s}"'), [], now=NOW,
                          baseline=False, next_poll=NOW)
    alerts = [
        NewAlert(id=f"{n:020x}", rule=f"rule-{n % 50}", kind="match", key=f"match|{n}",
                 title=f"[rule-{n % 50}] alerte {n}", body="Corps de l'alerte. " * 10,
                 facts=None, previous=None, article={"url": f"http://127.0.0.1/a/{n}.html"},
                 article_uid=f"{n:064x}", suppressed=None, targets=("t-email", "t-chat"))
        for n in range(5000)
    ]
    learned = [("troop-figures", f"russia|{n}", {"amount": n}, "src-0000") for n in range(2000)]
    for i in range(0, len(alerts), 100):
        store.record_alerts(alerts[i:i + 100], learned[i // 100 * 40:(i // 100 + 1) * 40],
                            now=NOW - timedelta(hours=2) + timedelta(seconds=i))
    db.execute("pragma wal_checkpoint(truncate)")
    store.close()
    return time.perf_counter() - start


def lookups(path: Path, pool: list, total: int, rng: random.Random) -> dict[str, float]:
    """Median seconds of each per-cycle question, on the store at `path`."""
    store = Store(path)
    times: dict[str, float] = {}
    probes = [[f"{rng.randrange(total * 2):064x}" for _ in range(50)] for _ in range(9)]
    it = iter(probes)
    times["known_sources(50)"] = _load.timed(lambda: store.known_sources(next(it)), 9)[0]
    batches = iter(range(1, 10))

    def poll() -> None:
        b = next(batches)
        fresh = [replace(a, uid=f"new{b:04d}{k:057x}") for k, a in enumerate(pool[:50])]
        store.record_poll(f"src-{b:04d}", SourceState(etag=f'"n{b}"'), fresh, now=NOW,
                          baseline=False, next_poll=NOW)

    times["record_poll(50 new)"] = _load.timed(poll, 9)[0]
    times["pending_articles"] = _load.timed(lambda: store.pending_articles(limit=200), 9)[0]
    times["unarchived"] = _load.timed(store.unarchived, 9)[0]
    times["source_state"] = _load.timed(lambda: store.source_state("src-0042"), 9)[0]
    times["last_new_article"] = _load.timed(lambda: store.last_new_article("src-0042"), 9)[0]
    times["fact"] = _load.timed(lambda: store.fact("troop-figures", "russia|42"), 9)[0]
    times["has_alert"] = _load.timed(lambda: store.has_alert("rule-7", "match|7"), 9)[0]
    times["due_deliveries"] = _load.timed(lambda: store.due_deliveries(NOW), 9)[0]
    times["pending_count"] = _load.timed(store.pending_count, 9)[0]
    times["failing_sources"] = _load.timed(store.failing_sources, 9)[0]
    times["source_statuses"] = _load.timed(store.source_statuses, 5)[0]
    times["alerts(since 1h)"] = _load.timed(
        lambda: store.alerts(since=NOW - timedelta(hours=1)), 5)[0]
    store.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--text-bytes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pool = make_pool(rng, args.text_bytes)

    with tempfile.TemporaryDirectory(prefix="bench-million-") as tmpdir:
        tmp = Path(tmpdir)
        t_small = fill(tmp / "small.db", pool, args.small)
        t_big = fill(tmp / "big.db", pool, args.total)
        size_mb = (tmp / "big.db").stat().st_size / 2**20
        small = lookups(tmp / "small.db", pool, args.small, random.Random(1))
        big = lookups(tmp / "big.db", pool, args.total, random.Random(1))

        store = Store(tmp / "big.db")
        alerts_before = store.db.execute("select count(*) from alerts").fetchone()[0]
        facts_before = store.db.execute("select count(*) from facts").fetchone()[0]
        start = time.perf_counter()
        pruned = chunks = 0
        longest = 0.0
        while True:
            t0 = time.perf_counter()
            done = store.prune(NOW - timedelta(days=45))
            longest = max(longest, time.perf_counter() - t0)
            if not done:
                break
            pruned += done
            chunks += 1
        t_prune = time.perf_counter() - start
        kept = store.article_count()
        alerts_after = store.db.execute("select count(*) from alerts").fetchone()[0]
        facts_after = store.db.execute("select count(*) from facts").fetchone()[0]
        assert (alerts_after, facts_after) == (alerts_before, facts_before)
        assert pruned > args.total * 0.2, pruned
        after = lookups(tmp / "big.db", pool, args.total, random.Random(2))
        store.close()

    ms = 1000
    print(f"stores of {args.small:,} and {args.total:,} articles ({args.text_bytes} B of text each), "
          f"{SOURCES:,} sources, 5,000 alerts, 10,000 deliveries, 2,000 facts")
    print(f"filled in {t_small:.1f} s and {t_big:.1f} s ({args.total / t_big:,.0f} articles/s "
          f"through FTS and indexes); the big one is {size_mb:,.0f} MB")
    print(f"{'per-cycle lookup (median)':28} {'small':>9} {'big':>9}  big/small  after prune")
    worst = 0.0
    for name in small:
        ratio = big[name] / small[name]
        worst = max(worst, ratio)
        print(f"    {name:24} {small[name] * ms:7.3f}ms {big[name] * ms:7.3f}ms  {ratio:8.2f}x "
              f"{after[name] * ms:9.3f}ms")
    print(f"prune by age (read > 45 days ago): {pruned:,} articles in {t_prune:.1f} s "
          f"({pruned / t_prune:,.0f}/s), {chunks} transactions, the longest {longest * ms:.0f} ms; "
          f"{kept:,} kept; all {alerts_after:,} alerts and {facts_after:,} facts kept")
    print(f"peak RSS: {_load.peak_rss_mb():.0f} MB")
    print(json.dumps({
        "small": args.small, "total": args.total, "text_bytes": args.text_bytes,
        "fill_s": round(t_big, 1), "db_mb": round(size_mb, 1),
        "lookups_ms_small": {k: round(v * ms, 3) for k, v in small.items()},
        "lookups_ms_big": {k: round(v * ms, 3) for k, v in big.items()},
        "worst_ratio": round(worst, 2), "pruned": pruned, "prune_s": round(t_prune, 1),
        "prune_longest_ms": round(longest * ms, 1), "peak_rss_mb": round(_load.peak_rss_mb(), 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
