#!/usr/bin/env python3
"""How fast does a changed feed parse? feedparser as configured since the start against
parse_feed's lxml fast path.

    python benchmarks/bench_parse.py [--feeds 40] [--items 50] [--rounds 7] [--seed 5]

Generates RSS 2.0 feeds as the poll benchmark serves them (50 items of French news,
~90 KB each), then times, over all of them and in alternating rounds: (a) parse_feed
with the fast path off, i.e. feedparser.parse(sanitize_html=False,
resolve_relative_uris=False) plus the Entry records, and (b) parse_feed as it is. Both
must give exactly the same entries and problems (asserted). Prints items/s and ms per
feed for each (median of the rounds), the ratio, what the 2,000 changed feeds of a
10,000-feed cycle cost on one core, and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys

import _load

from monitor.sources import feed


def parse_all(docs: list[bytes], *, fast: bool) -> list[object]:
    feed.FAST_PATH = fast
    try:
        return [
            feed.parse_feed(doc, source=f"bench-{i}", url=f"http://127.0.0.1/f/{i}", language="fr")
            for i, doc in enumerate(docs)
        ]
    finally:
        feed.FAST_PATH = True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    bodies = [_load.feed_item_body(rng) for _ in range(400)]
    docs = [
        _load.render_feed(f, rng.randint(1, 50), args.items, "http://127.0.0.1:8080", bodies, 5)
        for f in range(args.feeds)
    ]
    mean_kb = statistics.mean(len(d) for d in docs) / 1024
    accepted = sum(feed._read_fast(d, {}) is not None for d in docs)

    # One pass of each is the warm-up and the check.
    baseline = parse_all(docs, fast=False)
    fast = parse_all(docs, fast=True)
    differ = [i for i, (x, y) in enumerate(zip(baseline, fast, strict=True)) if x != y]
    assert not differ, f"{len(differ)} feeds differ, first {differ[0]}"
    items = sum(len(entries) for entries, _ in fast)  # type: ignore[misc]
    per_feed = items / len(docs)

    # Rounds alternate (a) and (b), so that both see the same noise of a shared machine.
    base_times, fast_times = [], []
    for _ in range(args.rounds):
        base_times.append(_load.timed(lambda: parse_all(docs, fast=False), 1)[0])
        fast_times.append(_load.timed(lambda: parse_all(docs, fast=True), 1)[0])
    t_base, t_fast = statistics.median(base_times), statistics.median(fast_times)
    base_ms, fast_ms = t_base / len(docs) * 1e3, t_fast / len(docs) * 1e3
    base_rate, fast_rate = items / t_base, items / t_fast
    ratio = t_base / t_fast
    cycle_base, cycle_fast = 2000 * base_ms / 1e3, 2000 * fast_ms / 1e3

    print(
        f"feeds: {len(docs)} RSS 2.0 of {per_feed:.0f} items, {mean_kb:.1f} KB on average; "
        f"{accepted}/{len(docs)} read by the fast path"
    )
    print(
        f"(a) feedparser, as configured: {base_rate:9.0f} items/s, {base_ms:6.2f} ms per feed "
        f"(median of {args.rounds})"
    )
    print(
        f"(b) parse_feed, lxml fast path: {fast_rate:8.0f} items/s, {fast_ms:6.2f} ms per feed "
        f"(median of {args.rounds})"
    )
    print(f"ratio (b)/(a): {ratio:.1f}x; identical entries and problems on all {len(docs)} feeds")
    print(
        f"2,000 changed feeds (a 10,000-feed cycle at 20%): {cycle_base:.1f} s of one core "
        f"before, {cycle_fast:.1f} s now"
    )
    print(f"peak RSS: {_load.peak_rss_mb():.0f} MB")
    print(
        json.dumps(
            {
                "feeds": len(docs),
                "items_per_feed": round(per_feed, 1),
                "mean_kb": round(mean_kb, 1),
                "rounds": args.rounds,
                "fast_path_share": round(accepted / len(docs), 3),
                "feedparser_items_per_s": round(base_rate, 1),
                "feedparser_ms_per_feed": round(base_ms, 3),
                "parse_feed_items_per_s": round(fast_rate, 1),
                "parse_feed_ms_per_feed": round(fast_ms, 3),
                "ratio": round(ratio, 2),
                "cycle_2000_feeds_s": round(cycle_fast, 2),
                "identical": True,
                "peak_rss_mb": round(_load.peak_rss_mb(), 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
