"""SIGKILL at random points of a cycle: no article, archive file or alert is lost,
none is recorded twice; a mail is re-sent only when the kill fell between the
send and its record, and those are counted."""

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

N = 60
KILLS = 5


def test_sigkill_mid_cycle_loses_nothing(tmp_path, feed_server, smtp_server):
    when = datetime.now(UTC) - timedelta(hours=1)
    items = [
        Item(title=f"Dépêche {i:03d}", link=f"https://wire.example/{i}", guid=f"https://wire.example/{i}",
             published=when, body=f"Vladimir Poutine, épisode {i}. Washington a placé {1000 + i} militaires en état d'alerte.")
        for i in range(N)
    ]
    url = feed_server.route("/wire.xml", rss(items))
    write_rules(tmp_path, "- id: putin\n  type: match\n  match: Poutine\n")
    config = write_config(
        tmp_path, baseline=False,
        sources=[{"name": "wire", "kind": "feed", "url": url, "interval": "1h", "jitter": "0s"}],
        notify=[{"url": smtp_server.apprise_url(to="desk@example.org")}],
        delivery={"backoff": "0s", "digest_over": 1000},
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    rng = random.Random(20220124)
    kills = 0
    for _ in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-m", "monitor", "run", "--config", str(config)], cwd=ROOT,
                                env=env, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 2.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    # Then let it finish: cycles until nothing is pending.
    for _ in range(5):
        r = run_cli("once", "--config", config)
        if "0 pending delivery" in r.out:
            break
    assert "0 pending delivery" in r.out, r.out + r.err
    assert kills >= 3, "the kills fell mid-cycle"

    with sqlite3.connect(tmp_path / "monitor.db") as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert db.execute("select count(*) from articles").fetchone()[0] == N
        assert db.execute("select count(*) from articles where state != 'done'").fetchone()[0] == 0
        assert db.execute("select count(*) from alerts").fetchone()[0] == N
        assert db.execute("select count(*) from deliveries where status = 'delivered'").fetchone()[0] == N
    files = list((tmp_path / "articles").iterdir())
    assert len(files) == N, "one archive file per article, none twice"
    received = Counter(m.subject for m in smtp_server.wait_for(N, timeout=30))
    assert len(received) == N, "every alert arrived"
    duplicates = sum(c - 1 for c in received.values())
    print(f"\n{kills} kills, {N} alerts, {duplicates} re-sent mails (kill between send and record)")
    assert duplicates <= kills
