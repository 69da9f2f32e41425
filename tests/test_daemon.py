"""`monitor run` as a real process: schedule, reload on SIGHUP, stop on SIGTERM."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

from feeds import Item, rss
from util import ROOT, write_config, write_rules

RULE = "- id: putin\n  type: match\n  match: Poutine\n  notify: [email]\n"


class Daemon:
    """The daemon in a subprocess, its stderr collected by a thread."""

    def __init__(self, config):
        env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--config", str(config)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_for_line(self, text, timeout=15.0, after=0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines[after:]):
                return
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not logged; got:\n" + "\n".join(self.lines))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.reader.join(5)
        if self.proc.stderr:
            self.proc.stderr.close()


def item(i):
    return Item(
        title=f"Poutine {i}",
        link=f"https://news.example/{i}",
        guid=f"https://news.example/{i}",
        published=datetime.now(UTC) - timedelta(minutes=5),
        body=f"Vladimir Poutine, dépêche {i}.",
    )


def test_daemon_polls_reloads_and_stops_cleanly(tmp_path, feed_server, smtp_server):
    url = feed_server.route("/f.xml", rss([item(1)]))
    write_rules(tmp_path, RULE)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "wire", "kind": "feed", "url": url, "interval": "1s", "jitter": "0s"}],
        notify=[{"url": smtp_server.apprise_url(), "tags": ["email"]}],
    )
    daemon = Daemon(config)
    try:
        daemon.wait_for_line("monitor running")
        assert len(smtp_server.wait_for(1, timeout=20)) == 1
        # A new item appears in the feed: the next scheduled poll picks it up.
        feed_server.route("/f.xml", rss([item(1), item(2)]))
        assert len(smtp_server.wait_for(2, timeout=20)) == 2
        # A broken rule file on SIGHUP: every error logged, the old rules keep running.
        mark = len(daemon.lines)
        write_rules(
            tmp_path, "- id: good\n  type: match\n  match: x\n- id: bad\n  type: nope\n", "zz.yaml"
        )
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_line("zz.yaml:5: unknown rule type 'nope'", after=mark)
        daemon.wait_for_line("keeping the running config and rules", after=mark)
        feed_server.route("/f.xml", rss([item(1), item(2), item(3)]))
        assert len(smtp_server.wait_for(3, timeout=20)) == 3
        # Fixed: the reload takes.
        (tmp_path / "rules" / "zz.yaml").unlink()
        mark = len(daemon.lines)
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_line("reloaded: 1 sources, 1 rules", after=mark)
        # SIGTERM: a clean exit, quickly.
        start = time.monotonic()
        daemon.proc.send_signal(signal.SIGTERM)
        assert daemon.proc.wait(timeout=10) == 0
        assert time.monotonic() - start < 10
        assert not any("Traceback" in line for line in daemon.lines), "\n".join(daemon.lines)
    finally:
        daemon.stop()
    assert len(smtp_server.messages) == 3, "each alert once"


def test_failing_source_backs_off_without_stopping_the_others(tmp_path, feed_server, smtp_server):
    good = feed_server.route("/good.xml", rss([item(1)]))
    write_rules(tmp_path, RULE)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[
            {
                "name": "bad",
                "kind": "feed",
                "url": feed_server.url("/missing"),
                "interval": "1s",
                "jitter": "0s",
            },
            {"name": "good", "kind": "feed", "url": good, "interval": "1s", "jitter": "0s"},
        ],
        notify=[{"url": smtp_server.apprise_url(), "tags": ["email"]}],
    )
    daemon = Daemon(config)
    try:
        daemon.wait_for_line("source bad: ")
        assert len(smtp_server.wait_for(1, timeout=20)) == 1
        time.sleep(6)
        # The good source is polled every second; the bad one 1s, 2s, 4s... apart.
        bad = [r.time for r in feed_server.requests_for("/missing")]
        gaps = [b - a for a, b in itertools.pairwise(bad)]
        assert len(gaps) >= 2 and gaps[-1] > 1.5 * gaps[0], gaps
        assert feed_server.hits("/good.xml") > 1.5 * len(bad)
        daemon.proc.send_signal(signal.SIGTERM)
        assert daemon.proc.wait(timeout=10) == 0
    finally:
        daemon.stop()


def test_many_sources_at_once_send_each_alert_once(tmp_path, feed_server, smtp_server):
    """Every poll job ends with a delivery pass, and the delivery job runs too: they
    overlap all the time, and still each alert goes out once."""
    sources = []
    for s in range(4):
        feed = [
            Item(
                title=f"Poutine {s}-{i}",
                link=f"https://n{s}.example/{i}",
                guid=f"https://n{s}.example/{i}",
                published=datetime.now(UTC) - timedelta(minutes=5),
                body=f"Vladimir Poutine {s} {i}.",
            )
            for i in range(3)
        ]
        url = feed_server.route(f"/f{s}.xml", rss(feed))
        sources.append(
            {"name": f"s{s}", "kind": "feed", "url": url, "interval": "1s", "jitter": "0s"}
        )
    write_rules(tmp_path, RULE)
    config = write_config(
        tmp_path,
        baseline=False,
        sources=sources,
        notify=[{"url": smtp_server.apprise_url(), "tags": ["email"]}],
        delivery={"digest_over": 1000},
    )
    daemon = Daemon(config)
    try:
        assert len(smtp_server.wait_for(12, timeout=30)) >= 12
        time.sleep(3)  # more polls and delivery passes; nothing more may arrive
        daemon.proc.send_signal(signal.SIGTERM)
        assert daemon.proc.wait(timeout=10) == 0
    finally:
        daemon.stop()
    subjects = [m.subject for m in smtp_server.messages]
    assert len(subjects) == len(set(subjects)) == 12, sorted(subjects)
