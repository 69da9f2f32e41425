"""SIGKILL at random points while alerts flow: no article, archive file or alert is
lost, none is recorded twice; a mail is re-sent only when the kill fell between the
send and its record, and those are counted.

200 kills by default (about four minutes); CRASH_TEST_KILLS=N to change."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from feeds import Item, rss
from util import ROOT, run_cli, write_config, write_rules

KILLS = int(os.environ.get("CRASH_TEST_KILLS", "200"))
PER_KILL = 2  # new items in the feed before each start


def test_sigkill_while_alerts_flow_loses_nothing(tmp_path, feed_server, smtp_server):
    when = datetime.now(UTC) - timedelta(hours=1)
    items = [
        Item(
            title=f"Dépêche {i:04d}",
            link=f"https://wire.example/{i}",
            guid=f"https://wire.example/{i}",
            published=when,
            body=f"Vladimir Poutine, épisode {i}.",
        )
        for i in range(KILLS * PER_KILL)
    ]
    write_rules(tmp_path, "- id: putin\n  type: match\n  match: Poutine\n")
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[
            {
                "name": "wire",
                "kind": "feed",
                "url": feed_server.url("/wire.xml"),
                "interval": "1s",
                "jitter": "0s",
            }
        ],
        notify=[{"url": smtp_server.apprise_url(to="desk@example.org")}],
        delivery={"backoff": "0s", "digest_over": 100000},
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    rng = random.Random(20220124)
    kills = 0
    for k in range(KILLS):
        feed_server.route("/wire.xml", rss(items[: PER_KILL * (k + 1)]))
        proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--config", str(config)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.4, 1.6))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    for _ in range(5):  # then let it finish
        r = run_cli("once", "--config", config)
        if "0 pending delivery" in r.out:
            break
    assert "0 pending delivery" in r.out, r.out + r.err
    assert kills >= KILLS * 0.9, "the kills fell while the daemon ran"

    total = len(items)
    with sqlite3.connect(tmp_path / "monitor.db") as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert db.execute("select count(*) from articles").fetchone()[0] == total
        assert db.execute("select count(*) from articles where state != 'done'").fetchone()[0] == 0
        assert db.execute("select count(*) from alerts").fetchone()[0] == total
        assert (
            db.execute("select count(*) from deliveries where status = 'delivered'").fetchone()[0]
            == total
        )
    assert len(list((tmp_path / "articles").iterdir())) == total, "one archive file per article"
    received = Counter(m["X-Monitor-Alert"] for m in smtp_server.wait_for(total, timeout=60))
    assert len(received) == total, "every alert arrived"
    duplicates = sum(c - 1 for c in received.values())
    print(
        f"\n{kills} kills, {total} alerts: 0 lost, {duplicates} mails sent twice "
        "(each a kill between the send and its record)"
    )
    assert duplicates <= kills
