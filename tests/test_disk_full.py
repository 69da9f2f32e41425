"""A full disk: the daemon says so in one line, keeps what it has, and resumes when
space returns, with no corruption. The state lives on a small tmpfs mounted by the
test (the tests run as root, as CI does)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from feeds import Item, rss
from util import run_cli, write_config, write_rules


@pytest.fixture
def small_disk(tmp_path):
    assert os.geteuid() == 0, "this test mounts a tmpfs: run the suite as root, as CI does"
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_disk_full_loses_nothing_and_resumes(tmp_path, small_disk, feed_server):
    when = datetime.now(UTC) - timedelta(hours=1)
    paragraph = "Vladimir Poutine a reçu son homologue au Kremlin pour un long entretien. " * 40
    items = [
        Item(
            title=f"Dépêche {i}",
            link=f"https://wire.example/{i}",
            guid=f"https://wire.example/{i}",
            published=when,
            body=f"{paragraph}\n\nÉpisode {i}.",
        )
        for i in range(60)
    ]
    url = feed_server.route("/wire.xml", rss(items), etag='"v1"')
    write_rules(tmp_path, "- id: putin\n  type: match\n  match: Poutine\n")
    config = write_config(
        tmp_path,
        baseline=False,
        database=str(small_disk / "monitor.db"),
        archive=str(small_disk / "articles"),
        sources=[{"name": "wire", "kind": "feed", "url": url}],
        http={"max_bytes": 50_000_000},
    )
    assert run_cli("check", "--config", config).code == 0
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * (free - 400_000))  # leave 400 KB: the database outgrows it
    r = run_cli("once", "--config", config)
    assert r.code == 1
    assert "database or disk is full" in r.err or "No space left" in r.err, r.err
    assert "Traceback" not in r.err
    filler.unlink()  # space returns
    r = run_cli("once", "--config", config)
    assert r.code == 0, r.err
    with sqlite3.connect(small_disk / "monitor.db") as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert db.execute("select count(*) from articles").fetchone()[0] == 60
        assert db.execute("select count(*) from alerts").fetchone()[0] == 60
    assert len(list((small_disk / "articles").iterdir())) == 60


def test_read_only_database_says_so_and_resumes(tmp_path, small_disk, feed_server):
    when = datetime.now(UTC) - timedelta(hours=1)
    first = [
        Item(
            title=f"A {i}",
            link=f"https://w.example/{i}",
            guid=f"https://w.example/{i}",
            published=when,
            body="Vladimir Poutine.",
        )
        for i in range(3)
    ]
    url = feed_server.route("/w.xml", rss(first))
    write_rules(tmp_path, "- id: putin\n  type: match\n  match: Poutine\n")
    config = write_config(
        tmp_path,
        baseline=False,
        database=str(small_disk / "monitor.db"),
        archive=str(small_disk / "articles"),
        sources=[{"name": "w", "kind": "feed", "url": url}],
    )
    assert run_cli("once", "--config", config).code == 0
    more = [
        *first,
        Item(
            title="B",
            link="https://w.example/b",
            guid="https://w.example/b",
            published=when,
            body="Vladimir Poutine encore.",
        ),
    ]
    feed_server.route("/w.xml", rss(more))
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        r = run_cli("once", "--config", config)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert r.code == 1
    assert r.err.strip().splitlines()[-1].startswith("monitor: "), r.err
    assert (
        "read-only" in r.err.lower()
        or "readonly" in r.err.lower()
        or "unable to open" in r.err.lower()
    ), r.err
    assert "Traceback" not in r.err
    r = run_cli("once", "--config", config)
    assert r.code == 0, r.err
    with sqlite3.connect(small_disk / "monitor.db") as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert db.execute("select count(*) from alerts").fetchone()[0] == 4
