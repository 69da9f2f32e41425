#!/usr/bin/env python3
"""Delivery: alerts a second to a loopback SMTP server and to a loopback Matrix
homeserver (Synapse, tests/chat.py) through monitor's sender (outbox claims,
records, one apprise object per message) against a bare apprise loop in the same run; and the time from an article appearing in a feed to its alert
at the receiver with `monitor run` (median, p95).

    python benchmarks/bench_delivery.py [N]
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import apprise  # noqa: E402
from chat import SynapseServer  # noqa: E402
from feeds import Item, rss  # noqa: E402
from servers import FeedServer, SmtpServer  # noqa: E402
from util import write_config, write_rules  # noqa: E402

from monitor.daemon import load_all  # noqa: E402
from monitor.pipeline import Pipeline  # noqa: E402
from monitor.store import NewAlert, Store, now_utc  # noqa: E402


def bare_apprise(url: str, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        obj = apprise.Apprise()
        obj.add(url)
        assert obj.notify(title=f"bare {i}", body="x")
    return n / (time.perf_counter() - start)


def monitor_sender(folder: Path, url: str, n: int) -> float:
    write_rules(folder, "- id: r\n  type: match\n  match: x\n")
    config = write_config(
        folder, notify=[{"url": url, "name": "mail"}], delivery={"digest_over": n + 1}
    )
    loaded = load_all(str(config))
    store = Store(loaded.settings.database)
    pipeline = Pipeline(loaded.settings, loaded.rules, store, loaded.notifier)
    alerts = [
        NewAlert(
            id=f"a{i:06d}",
            rule="r",
            kind="match",
            key=f"k{i}",
            title=f"monitor {i}",
            body="x",
            facts=None,
            previous=None,
            article=None,
            article_uid=None,
            suppressed=None,
            targets=("mail",),
        )
        for i in range(n)
    ]
    store.db.execute(
        "insert into articles (uid, title, text, published, source, fetched, state) "
        "values ('u', 't', 'x', '2022-01-01', 's', '2022-01-01', 'new')"
    )
    store.finish_article("u", alerts, [], now=now_utc())
    start = time.perf_counter()
    delivered = 0
    while delivered < n:
        got, _ = asyncio.run(pipeline.deliver_due())
        delivered += got
    rate = n / (time.perf_counter() - start)
    store.close()
    return rate


def latency(folder: Path, samples: int) -> list[float]:
    """Seconds from an item appearing in a polled feed to its mail at the SMTP server."""
    with FeedServer() as feeds, SmtpServer() as smtp:
        published = datetime.now(UTC) - timedelta(minutes=1)
        items: list[Item] = []
        url = feeds.route("/f.xml", rss(items))
        write_rules(folder, "- id: r\n  type: match\n  match: Poutine\n")
        config = write_config(
            folder,
            baseline=False,
            notify=[{"url": smtp.apprise_url()}],
            sources=[{"name": "f", "kind": "feed", "url": url, "interval": "1s", "jitter": "0s"}],
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
        proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--config", str(config)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        out = []
        try:
            time.sleep(2)
            for i in range(samples):
                items.append(
                    Item(
                        title=f"Poutine {i}",
                        link=f"https://x.example/{i}",
                        guid=f"https://x.example/{i}",
                        published=published,
                        body="Poutine.",
                    )
                )
                feeds.route("/f.xml", rss(items))
                start = time.perf_counter()
                smtp.wait_for(i + 1, timeout=30)
                out.append(time.perf_counter() - start)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(15)
        return out


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    chat_n = max(10, n // 6)
    with tempfile.TemporaryDirectory() as tmp, SmtpServer() as smtp, SynapseServer() as chat:
        url = smtp.apprise_url()
        bare = bare_apprise(url, n)
        ours = monitor_sender(Path(tmp) / "sender", url, n)
        chat_url = chat.apprise_url(chat.new_room("bench"), token=True)
        chat_bare = bare_apprise(chat_url, chat_n)
        chat_ours = monitor_sender(Path(tmp) / "chat", chat_url, chat_n)
        lat = latency(Path(tmp) / "latency", 12)
    p95 = sorted(lat)[int(len(lat) * 0.95) - 1]
    print(f"delivery to loopback SMTP, {n} alerts")
    print(f"  bare apprise loop:     {bare:8.1f} alerts/s")
    print(f"  monitor's sender:      {ours:8.1f} alerts/s   ({ours / bare:.2f}x the bare loop)")
    print(f"delivery to loopback Matrix (Synapse, access-token URL), {chat_n} alerts")
    print(f"  bare apprise loop:     {chat_bare:8.1f} alerts/s")
    print(
        f"  monitor's sender:      {chat_ours:8.1f} alerts/s   ({chat_ours / chat_bare:.2f}x the bare loop)"
    )
    print(
        f"feed item -> mail at the receiver, `monitor run`, 1 s poll interval, {len(lat)} samples"
    )
    print(f"  median {statistics.median(lat):.2f} s, p95 {p95:.2f} s")
    results = {
        "alerts": n,
        "bare_per_s": round(bare, 1),
        "monitor_per_s": round(ours, 1),
        "ratio": round(ours / bare, 3),
        "chat_alerts": chat_n,
        "chat_bare_per_s": round(chat_bare, 1),
        "chat_monitor_per_s": round(chat_ours, 1),
        "chat_ratio": round(chat_ours / chat_bare, 3),
        "latency_median_s": round(statistics.median(lat), 3),
        "latency_p95_s": round(p95, 3),
    }
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
