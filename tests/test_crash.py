"""SIGKILL at random points while alerts flow to a mail server and a Matrix room:
no article, archive file or alert is lost, none is recorded twice. Bursts go out
as digests, so the kills also fall between a digest's claim and its send.

Per alert, at the receivers: every one arrives on both channels. Matrix shows none
twice (each send carries its dedup key as the transaction id, and the homeserver
drops a repeat). Mail has no such id: a message is re-sent only when the kill fell
between the send and its record; the resends are counted, and each carries the
same X-Monitor-Alert key as the first.

200 kills by default (about four minutes); CRASH_TEST_KILLS=N to change."""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from chat import SynapseServer
from feeds import Item, rss
from servers import DelayProxy
from util import ROOT, run_cli, write_config, write_rules

KILLS = int(os.environ.get("CRASH_TEST_KILLS", "200"))
PER_KILL = 2  # new items in the feed before each start
TITLE = re.compile(r"Dépêche (\d{4})")


@pytest.fixture(scope="module")
def synapse():
    with SynapseServer() as server:
        yield server


def per_alert(texts):
    """How many times each alert (by its number) appears across the messages."""
    return Counter(n for text in texts for n in set(TITLE.findall(text)))


def test_sigkill_while_alerts_flow_loses_nothing(tmp_path, feed_server, smtp_server, synapse):
    with contextlib.ExitStack() as stack:
        run_crash_test(stack, tmp_path, feed_server, smtp_server, synapse)


def run_crash_test(stack, tmp_path, feed_server, smtp_server, synapse):
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
    room = synapse.new_room("crash")
    # Slow answers widen the window between a server keeping a message and monitor
    # recording the send: many kills fall in it, not a lucky few.
    smtp_server.reply_delay = 0.3
    slow_chat = stack.enter_context(DelayProxy(synapse.port, delay=0.6))
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
        notify=[
            {"url": smtp_server.apprise_url(to="desk@example.org"), "name": "mail"},
            {
                "url": synapse.apprise_url(room, token=True).replace(
                    f":{synapse.port}/", f":{slow_chat.port}/"
                ),
                "name": "chat",
            },
        ],
        delivery={"backoff": "0s", "digest_over": 3},
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
        time.sleep(rng.uniform(0.4, 3.0))  # long enough, often, to reach the Matrix send
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    for _ in range(10):  # then let it finish
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
        delivered = db.execute("select count(*) from deliveries where status = 'delivered'")
        assert delivered.fetchone()[0] == 2 * total, "each alert delivered to both targets"
    assert len(list((tmp_path / "articles").iterdir())) == total, "one archive file per article"

    chat_texts = [m["content"]["body"] for m in synapse.wait_for(1, room, settle=2.0)]
    in_chat = per_alert(chat_texts)
    assert len(in_chat) == total, f"{total - len(in_chat)} alerts never reached the room"
    assert max(in_chat.values()) == 1, (
        f"twice in the room: {[n for n, c in in_chat.items() if c > 1]}"
    )

    puts = synapse.transactions(room)
    dropped = sum(c - 1 for c in puts.values())

    mails = smtp_server.wait_for(1, timeout=60)
    in_mail = per_alert(m.text for m in mails)
    assert len(in_mail) == total, f"{total - len(in_mail)} alerts never reached the mailbox"
    sends = Counter(m["X-Monitor-Alert"] for m in mails)
    resent = sum(c - 1 for c in sends.values())
    twice = sum(c - 1 for c in in_mail.values())
    print(
        f"\n{kills} kills, {total} alerts to two targets: 0 lost; Matrix {len(chat_texts)}"
        f" messages, no alert twice ({dropped} resends dropped by the homeserver); mail {len(mails)} messages, {resent} sent again"
        f" under the same key ({twice} alerts shown twice to a reader that ignores the key)"
    )
    assert resent <= kills
    assert dropped + resent > 0, "no kill fell between a send and its record"
    # A mail that is not a resend under its key never repeats an alert.
    firsts = {m["X-Monitor-Alert"]: m for m in mails}
    assert max(per_alert(m.text for m in firsts.values()).values()) == 1
