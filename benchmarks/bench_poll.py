#!/usr/bin/env python3
"""How fast is one poll cycle over many feeds, 20% of them changed? Loopback only.

    python benchmarks/bench_poll.py [--feeds 10000] [--naive-feeds 2000] [--items 50] [--concurrency 100] [--seed 11]

A feed server runs in its own process (benchmarks/_load.py serve: aiohttp, pre-rendered
RSS documents of ~90 KB, ETag/304). Each cycle, ~20% of the feeds gain 5 new items;
the others answer 304 to a conditional GET.

First, the server itself: tests/servers.py's FeedServer (ThreadingHTTPServer) against
the aiohttp server, both in their own process, driven by a bare aiohttp client at the
same concurrency: is the test server fast enough to measure a poller with?

Then one measured cycle each, after a warm-up that stores the previous state:
(a) naive baseline: httpx.AsyncClient with its default transport, a semaphore of
    `concurrency`, If-None-Match with the known ETags, feedparser.parse on each changed
    body, inline;
(b) monitor: Pipeline.poll_all over Settings with one feed source per feed and a Store on
    a temporary SQLite file (http.concurrency = per_host = `concurrency`, since every
    feed is on 127.0.0.1). Before it, every feed's cycle-1 ETag is recorded, and the
    items of the feeds that will change are made known (written to the store as rows
    with only their identity; --warm-up pipeline polls them through the pipeline
    instead, storing 100,000 articles, about 40 s more), so only the new ones are fresh.

10,000 feeds by default, as the scale target says. The naive cycle, slow, runs over the
first --naive-feeds (1,000) of them: its rate per feed is what is compared. It parses
with feedparser's defaults (sanitising, relative URIs), as a plain script would.

Prints feeds/s, seconds, new articles stored/s, peak RSS, the ratio, and one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import _load
import aiohttp
import feedparser
import httpx

HERE = Path(__file__).resolve().parent


def start_server(kind: str, feeds: int, items: int, seed: int, tmp: Path) -> tuple[subprocess.Popen, int]:
    port_file = tmp / f"port-{kind}-{feeds}-{time.monotonic_ns()}"
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "_load.py"), "serve", "--feeds", str(feeds), "--items",
         str(items), "--seed", str(seed), "--port-file", str(port_file), "--server", kind],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not port_file.exists() or not port_file.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{kind} server did not start")
        time.sleep(0.05)
    return proc, int(port_file.read_text())


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()


async def raw_fetch_all(base: str, feeds: int, concurrency: int,
                        etags: dict[int, str] | None) -> tuple[float, dict[int, str], int]:
    """Bare aiohttp client: every feed once; returns seconds, ETags, bytes."""
    sem = asyncio.Semaphore(concurrency)
    out: dict[int, str] = {}
    size = 0
    conn = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=3)
    async with aiohttp.ClientSession(connector=conn, timeout=timeout) as session:
        async def one(f: int) -> None:
            nonlocal size
            headers = {"If-None-Match": etags[f]} if etags else {}
            async with sem, session.get(f"{base}/f/{f}", headers=headers) as resp:
                body = await resp.read()
                size += len(body)
                out[f] = resp.headers.get("ETag", "")
        start = time.perf_counter()
        await asyncio.gather(*(one(f) for f in range(feeds)))
        return time.perf_counter() - start, out, size


def server_rates(kind: str, feeds: int, items: int, seed: int, conc: int, tmp: Path) -> dict:
    """Full GETs and 304s per second; at `conc` in flight, and at 10 if that fails."""
    proc, port = start_server(kind, feeds, items, seed, tmp)
    out: dict = {"error": None}
    try:
        base = f"http://127.0.0.1:{port}"
        for c in (conc, 10):
            try:
                asyncio.run(raw_fetch_all(base, min(feeds, 50), c, None))  # warm-up
                t_full, etags, size = asyncio.run(raw_fetch_all(base, feeds, c, None))
                t_304, _, _ = asyncio.run(raw_fetch_all(base, feeds, c, etags))
            except (aiohttp.ClientError, TimeoutError) as exc:
                out["error"] = f"at {c} in flight: {type(exc).__name__}: {str(exc)[:100]}"
                continue
            out.update(full_per_s=feeds / t_full, not_modified_per_s=feeds / t_304,
                       mean_kb=size / feeds / 1024, concurrency=c)
            break
    finally:
        stop(proc)
    return out


async def naive_cycle(base: str, feeds: int, conc: int, etags: dict[int, str]) -> dict:
    sem = asyncio.Semaphore(conc)
    changed = entries = 0
    async with httpx.AsyncClient(timeout=30) as client:
        async def one(f: int) -> None:
            nonlocal changed, entries
            async with sem:
                resp = await client.get(f"{base}/f/{f}", headers={"If-None-Match": etags[f]})
            if resp.status_code == 304:
                return
            resp.raise_for_status()
            parsed = feedparser.parse(resp.content)  # default: sanitising, relative URIs
            changed += 1
            entries += len(parsed.entries)
        start = time.perf_counter()
        await asyncio.gather(*(one(f) for f in range(feeds)))
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "changed": changed, "entries": entries}


def post_cycle(base: str, cycle: int) -> None:
    httpx.post(f"{base}/cycle/{cycle}", timeout=120).raise_for_status()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--warm-up", choices=["prime", "pipeline"], default="prime",
                        help="how the feeds that will change get their cycle-1 state: written "
                        "to the store directly (fast), or polled through the pipeline")
    parser.add_argument("--naive-feeds", type=int, default=1000,
                        help="feeds of the naive cycle (its rate per feed is what counts)")
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--naive-articles", type=int, default=40,
                        help="articles the naive per-rule re.search timing runs on")
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--server-feeds", type=int, default=100,
                        help="feeds for the FeedServer vs aiohttp server comparison")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--profile", action="store_true", help="cProfile monitor's cycle")
    args = parser.parse_args(argv)
    os.environ.pop("MONITOR_CONFIG", None)
    for k in [k for k in os.environ if k.startswith("MONITOR_")]:
        del os.environ[k]

    from monitor.config import HttpConfig, Settings, SourceConfig
    from monitor.notify import Notifier
    from monitor.pipeline import Pipeline
    from monitor.rules import Context, MatchRule, RuleSet
    from monitor.sources.base import SourceState
    from monitor.store import Store, _article_from_row, iso, now_utc

    n = args.feeds
    with tempfile.TemporaryDirectory(prefix="bench-poll-") as tmpdir:
        tmp = Path(tmpdir)
        # -- the server: FeedServer vs aiohttp, same client, same feeds
        fs = server_rates("feedserver", args.server_feeds, args.items, args.seed,
                          args.concurrency, tmp)
        ah = server_rates("aiohttp", args.server_feeds, args.items, args.seed,
                          args.concurrency, tmp)

        proc, port = start_server("aiohttp", n, args.items, args.seed, tmp)
        base = f"http://127.0.0.1:{port}"
        try:
            # -- (b) monitor: warm-up at cycle 1, measured at cycle 2
            post_cycle(base, 1)
            sources = [
                SourceConfig(name=f"feed-{f:05d}", kind="feed", url=f"{base}/f/{f}",
                             interval=timedelta(minutes=10), language="fr")
                for f in range(n)
            ]
            settings = Settings(
                database=tmp / "monitor.db", archive=None, rules=[], sources=sources,
                http=HttpConfig(concurrency=args.concurrency, per_host=args.concurrency),
            )
            store = Store(settings.database)
            pipeline = Pipeline(settings, RuleSet(rules=()), store, Notifier([]), extract=False)
            will_change = [f"feed-{f:05d}" for f in range(n) if _load.changed_in_cycle(f, 2)]
            start = time.perf_counter()
            now = now_utc()
            for f in range(n):
                name = f"feed-{f:05d}"
                if not _load.changed_in_cycle(f, 2):
                    etag = f'"f{f}-v{_load.version_at(f, 1)}"'
                    store.record_poll(name, SourceState(etag=etag), [], now=now,
                                      baseline=True, next_poll=now)
            prof = None
            if args.profile:
                import cProfile

                prof = cProfile.Profile()

            def prime() -> int:
                """The feeds that will change, as if polled at cycle 1: their ETag, and their
                items known (rows with only an identity, as retention leaves them)."""
                from monitor.article import Entry, entry_uid

                rows = []
                for f in range(n):
                    if not _load.changed_in_cycle(f, 2):
                        continue
                    name = f"feed-{f:05d}"
                    v = _load.version_at(f, 1)
                    store.record_poll(name, SourceState(etag=f'"f{f}-v{v}"'), [], now=now,
                                      baseline=True, next_poll=now)
                    top = v * 5 + args.items
                    for k in range(top - 1, top - 1 - args.items, -1):
                        link = f"{base}/a/{f}/{k}.html"
                        uid = entry_uid(Entry(source=name, guid=link, url=link, title="", text=""))
                        rows.append((uid, name, iso(now)))
                with store.db.conn:
                    store.db.conn.executemany(
                        "insert into articles (uid, source, fetched, published, title, text, state)"
                        " values (?, ?, ?, ?3, '', '', 'pruned')", rows)
                return len(rows)

            async def warm_and_measure() -> tuple[list, float, list, float]:
                # One event loop for both cycles, as in the daemon (the pipeline's locks
                # belong to the loop that first used them).
                t0 = time.perf_counter()
                warm = await pipeline.poll_all(will_change) if args.warm_up == "pipeline" else []
                primed.append(prime() if args.warm_up == "prime" else 0)
                t_warm = time.perf_counter() - t0 + t_prime
                # The warm-up's articles are old news: only the measured cycle's are processed.
                store.db.execute("update articles set state = 'done'")
                store.db.conn.commit()
                warm_done.append(iso(now_utc()))
                async with httpx.AsyncClient() as c:
                    (await c.post(f"{base}/cycle/2", timeout=120)).raise_for_status()
                if prof is not None:
                    prof.enable()
                t0 = time.perf_counter()
                results = await pipeline.poll_all()
                t_monitor = time.perf_counter() - t0
                if prof is not None:
                    prof.disable()
                return warm, t_warm, results, t_monitor

            t_prime = time.perf_counter() - start
            warm_done: list[str] = []
            primed: list[int] = []
            warm, t_warm, results, t_monitor = asyncio.run(warm_and_measure())
            new_uids = [r["uid"] for r in store.db.query(
                "select uid from articles where state = 'new' and fetched >= ?",
                [warm_done[0]])]
            assert all(r.ok for r in warm), [r.error for r in warm if not r.ok][:3]
            stored_before = sum(r.new for r in warm) + primed[0]
            if prof is not None:
                import pstats

                pstats.Stats(prof).sort_stats("tottime").print_stats(20)
            rss_monitor = _load.peak_rss_mb()
            failed = [r for r in results if not r.ok]
            assert not failed, [r.error for r in failed[:3]]
            m_changed = sum(1 for r in results if not r.not_modified)
            m_new = sum(r.new for r in results)
            assert len(new_uids) == m_new, (len(new_uids), m_new)

            # -- end to end: the cycle's new articles through extraction and 1,000 rules
            watch = RuleSet(rules=tuple(MatchRule.model_validate(spec)
                                        for spec in _load.make_watchlist(random.Random(3), 1000)))
            processor = Pipeline(settings, watch, store, Notifier([]), extract=True)
            t0 = time.perf_counter()
            processed, alerted = asyncio.run(processor.process_pending())
            t_process = time.perf_counter() - t0
            assert processed == m_new, (processed, m_new)
            sample = [_article_from_row(r) for r in store.db.query(
                "select * from articles where uid in ({})".format(
                    ",".join("?" * min(len(new_uids), args.naive_articles))),
                new_uids[: args.naive_articles])]
            t0 = time.perf_counter()
            naive_hits = sum(1 for a in sample for r in watch.rules
                             if r.matches(Context(article=a)))
            t_naive_rules = time.perf_counter() - t0
            naive_rules_rate = len(sample) / t_naive_rules
            rss_process = _load.peak_rss_mb()
            from monitor import workers

            worker_mb = [  # peak RSS of each extraction worker (VmHWM), while they live
                int(line.split()[1]) / 1024
                for pid in (workers._pool._processes if workers._pool else {})
                for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                if line.startswith("VmHWM:")
            ]
            store.close()
            db_mb = (tmp / "monitor.db").stat().st_size / 2**20

            # -- (a) naive: ETags of cycle 2 known, measured at cycle 3
            etags = {f: f'"f{f}-v{_load.version_at(f, 2)}"' for f in range(n)}
            post_cycle(base, 3)
            naive = asyncio.run(naive_cycle(base, min(n, args.naive_feeds), args.concurrency,
                                            etags))
            rss_all = _load.peak_rss_mb()
        finally:
            stop(proc)

    naive_n = min(n, args.naive_feeds)
    naive_rate = naive_n / naive["seconds"]
    monitor_rate = n / t_monitor
    ratio = monitor_rate / naive_rate
    scale_10k = t_monitor * 10_000 / n
    print(f"feeds: {n} x {args.items} items (~{ah['mean_kb']:.0f} KB), concurrency "
          f"{args.concurrency}, all on 127.0.0.1; one measured cycle each")
    print(f"server check ({args.server_feeds} feeds, bare aiohttp client, own process):")
    if fs["error"]:
        print(f"    tests FeedServer failed {fs['error']}")
    print(f"    tests FeedServer (threads): {fs['full_per_s']:7.0f} full GET/s, "
          f"{fs['not_modified_per_s']:7.0f} 304/s at {fs['concurrency']} in flight")
    print(f"    aiohttp server:             {ah['full_per_s']:7.0f} full GET/s, "
          f"{ah['not_modified_per_s']:7.0f} 304/s at {ah['concurrency']} in flight "
          f"({ah['full_per_s'] / fs['full_per_s']:.1f}x / "
          f"{ah['not_modified_per_s'] / fs['not_modified_per_s']:.1f}x FeedServer)")
    print(f"(a) naive httpx + feedparser:  {naive_rate:8.0f} feeds/s, {naive['seconds']:6.2f} s "
          f"for {naive_n} feeds ({naive['changed']} changed, {naive['entries']} entries parsed)")
    print(f"(b) monitor Pipeline.poll_all: {monitor_rate:8.0f} feeds/s, {t_monitor:6.2f} s "
          f"({m_changed} changed, {m_new} new articles stored, {m_new / t_monitor:.0f} new/s; "
          f"warm-up {t_warm:.1f} s stored {stored_before})")
    print(f"ratio (b)/(a): {ratio:.2f}x")
    print(f"peak RSS: {rss_monitor:.0f} MB after monitor's cycles (warm-up + measured), "
          f"{rss_all:.0f} MB after the baseline too; database {db_mb:.1f} MB")
    # End to end: this cycle's polling, then its new articles through extraction and the
    # 1,000 watch-list rules. The naive pipeline, at its measured rates: poll and parse
    # each feed (a), then every rule's re.search on each new article.
    e2e = t_monitor + t_process
    naive_e2e = n / naive_rate + m_new / naive_rules_rate
    print(f"processing the cycle's {processed} new articles (extraction + 1,000 watch-list "
          f"rules, {alerted} alerts): {t_process:.1f} s, {processed / t_process:.0f} articles/s")
    print(f"    naive: each rule's re.search in turn, {naive_rules_rate:.1f} articles/s "
          f"({len(sample)} articles, {naive_hits} rule hits), no extraction")
    print(f"end to end, {n} feeds: monitor {e2e:.1f} s (poll {t_monitor:.1f} + process "
          f"{t_process:.1f}); naive at its rates {naive_e2e:.0f} s; {naive_e2e / e2e:.0f}x")
    target = 10 * n / 10_000
    print(f"target: under {target:.0f} s end to end and 30x the naive pipeline: "
          f"{'met' if e2e < target else f'over by {e2e / target:.1f}x'} on time, "
          f"{'met' if naive_e2e / e2e >= 30 else 'short'} on ratio")
    print(f"peak RSS with processing: {rss_process:.0f} MB, and "
          f"{len(worker_mb)} extraction workers of {max(worker_mb, default=0):.0f} MB at most: "
          f"{rss_process + sum(worker_mb):.0f} MB in all")
    print(json.dumps({
        "feeds": n, "items": args.items, "concurrency": args.concurrency,
        "feedserver_full_per_s": round(fs["full_per_s"], 1),
        "feedserver_304_per_s": round(fs["not_modified_per_s"], 1),
        "feedserver_concurrency": fs["concurrency"], "feedserver_error": fs["error"],
        "aiohttp_server_full_per_s": round(ah["full_per_s"], 1),
        "aiohttp_server_304_per_s": round(ah["not_modified_per_s"], 1),
        "naive_seconds": round(naive["seconds"], 3), "naive_feeds_per_s": round(naive_rate, 1),
        "naive_changed": naive["changed"],
        "monitor_seconds": round(t_monitor, 3), "monitor_feeds_per_s": round(monitor_rate, 1),
        "monitor_changed": m_changed, "monitor_new": m_new,
        "monitor_new_per_s": round(m_new / t_monitor, 1), "ratio": round(ratio, 2),
        "peak_rss_monitor_mb": round(rss_monitor, 1), "peak_rss_mb": round(rss_all, 1),
        "seconds_per_10k_feeds": round(scale_10k, 2),
        "process_seconds": round(t_process, 2), "processed": processed, "alerts": alerted,
        "naive_rules_per_s": round(naive_rules_rate, 2), "end_to_end_seconds": round(e2e, 2),
        "naive_end_to_end_seconds": round(naive_e2e, 1), "end_to_end_ratio": round(naive_e2e / e2e, 1),
        "peak_rss_process_mb": round(rss_process, 1),
        "worker_rss_mb": [round(w, 1) for w in worker_mb],
        "peak_rss_total_mb": round(rss_process + sum(worker_mb), 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
