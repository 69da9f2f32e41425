"""The service under systemd's eyes: the unit file, and the notify protocol spoken to a
fake NOTIFY_SOCKET (a Unix datagram socket in tmp_path)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from feeds import Item, rss
from util import ROOT, write_config, write_rules

UNIT = ROOT / "systemd" / "monitor.service"


def analyzable_unit(tmp_path: Path) -> Path:
    """The unit with ExecStart pointing at this environment's monitor (verify checks it exists)."""
    exe = Path(sys.executable).parent / "monitor"
    assert exe.exists(), exe
    unit = tmp_path / "monitor.service"
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/opt/monitor/bin/monitor", str(exe)))
    return unit


def test_unit_verifies_clean(tmp_path):
    assert shutil.which("systemd-analyze"), (
        "systemd-analyze is installed by .ci/run (Debian's systemd)"
    )
    r = subprocess.run(
        ["systemd-analyze", "verify", str(analyzable_unit(tmp_path))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "", r.stderr


def test_unit_exposure_is_low(tmp_path):
    r = subprocess.run(
        ["systemd-analyze", "security", "--offline=true", str(analyzable_unit(tmp_path))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    m = re.search(r"Overall exposure level for \S+: ([0-9.]+)", r.stdout)
    assert m, r.stdout + r.stderr
    exposure = float(m.group(1))
    print(f"\nsystemd-analyze security --offline=true: exposure {exposure}")
    assert exposure <= 1.5


def test_every_unit_setting_is_commented():
    """Each block of settings in the unit says why, in a comment above it."""
    lines = UNIT.read_text(encoding="utf-8").splitlines()
    blocks, current = [], []
    for line in lines:
        if not line.strip() or line.startswith("["):
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    for block in blocks:
        if any(not line.startswith("#") for line in block):
            assert block[0].startswith("#"), f"uncommented settings: {block}"


class NotifySocket:
    def __init__(self, path: Path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.2)
        self.messages: list[str] = []

    def read_until(self, predicate, timeout=20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.messages.append(self.sock.recv(65536).decode("utf-8"))
            except TimeoutError:
                continue
            if predicate(self.messages[-1]):
                return self.messages[-1]
        raise AssertionError(f"not seen; got {self.messages}")

    def close(self):
        self.sock.close()


def test_daemon_speaks_the_notify_protocol(tmp_path, feed_server):
    url = feed_server.route(
        "/f.xml",
        rss(
            [
                Item(
                    title="Poutine",
                    link="https://n.example/1",
                    guid="https://n.example/1",
                    published=datetime.now(UTC) - timedelta(minutes=1),
                    body="Vladimir Poutine a parlé.",
                )
            ]
        ),
    )
    write_rules(tmp_path, "- id: putin\n  type: match\n  match: Poutine\n")
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "wire", "kind": "feed", "url": url, "interval": "1s"}],
    )
    sock = NotifySocket(tmp_path / "notify.sock")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(NOTIFY_SOCKET=str(tmp_path / "notify.sock"), WATCHDOG_USEC="1000000")
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "run", "--config", str(config)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = sock.read_until(lambda m: "READY=1" in m)
        assert "STATUS=1 sources (0 failing)" in ready and "alerts pending delivery" in ready
        sock.read_until(lambda m: m == "WATCHDOG=1")
        sock.read_until(lambda m: m.startswith("STATUS=") and "last cycle" in m)
        # Reload, with a good rule file, then a bad one: RELOADING then READY either way.
        proc.send_signal(signal.SIGHUP)
        reloading = sock.read_until(lambda m: "RELOADING=1" in m)
        assert "MONOTONIC_USEC=" in reloading
        sock.read_until(lambda m: "READY=1" in m)
        write_rules(tmp_path, "- id: bad\n  type: nope\n", "zz.yaml")
        proc.send_signal(signal.SIGHUP)
        sock.read_until(lambda m: "RELOADING=1" in m)
        sock.read_until(lambda m: "READY=1" in m)
        start = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        sock.read_until(lambda m: "STOPPING=1" in m)
        assert proc.wait(timeout=10) == 0
        assert time.monotonic() - start < 10
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        err = proc.stderr.read() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        sock.close()
    assert "zz.yaml:2: unknown rule type 'nope'" in err
    order = [
        next(i for i, m in enumerate(sock.messages) if key in m)
        for key in ("READY=1", "WATCHDOG=1", "RELOADING=1", "STOPPING=1")
    ]
    assert order == sorted(order), sock.messages
