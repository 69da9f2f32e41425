"""Alerts to a real Matrix homeserver (Synapse, on 127.0.0.1) through the real CLI:
each arrives once, in Markdown, and a dead homeserver loses nothing."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import pytest
from chat import SynapseServer
from feeds import Item, rss
from util import run_cli, write_config, write_rules

from monitor.config import NotifyConfig
from monitor.notify import Notifier


@pytest.fixture(scope="module")
def synapse():
    with SynapseServer() as server:
        yield server


def items(n, start=0):
    when = datetime.now(UTC) - timedelta(hours=1)
    return [
        Item(
            title=f"Poutine {i}",
            link=f"https://wire.example/{i}",
            guid=f"https://wire.example/{i}",
            published=when,
            body=f"Vladimir Poutine a parlé, épisode {i}.",
        )
        for i in range(start, start + n)
    ]


def test_alerts_reach_the_room_once_each(tmp_path, feed_server, synapse):
    room = synapse.new_room("desk")
    url = feed_server.route("/f.xml", rss(items(4)))
    write_rules(tmp_path, "- id: putin\n  type: match\n  match: Poutine\n  notify: [chat]\n")
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "wire", "kind": "feed", "url": url}],
        notify=[{"url": synapse.apprise_url(room), "tags": ["chat"], "name": "matrix"}],
        delivery={"digest_over": 100},
    )
    r = run_cli("once", "--config", config)
    assert r.code == 0, r.err
    assert "4 delivered" in r.out, r.out
    messages = synapse.wait_for(4, room)
    bodies = [m["content"]["body"] for m in messages]
    assert len(bodies) == 4, bodies
    assert all("[putin]" in b for b in bodies)
    assert sorted(b.split("Poutine ")[1][0] for b in bodies) == ["0", "1", "2", "3"]
    assert all(m["content"].get("format") == "org.matrix.custom.html" for m in messages), (
        "Markdown as HTML"
    )
    run_cli("once", "--config", config)
    assert len(synapse.messages(room)) == 4, "nothing twice"


def test_a_dead_homeserver_loses_nothing(tmp_path, feed_server, synapse):
    room = synapse.new_room("ops")
    url = feed_server.route("/f.xml", rss(items(2, start=10)))
    write_rules(tmp_path, "- id: putin\n  type: match\n  match: Poutine\n")
    dead = synapse.apprise_url(room).replace(f":{synapse.port}/", ":9/")
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "wire", "kind": "feed", "url": url}],
        notify=[{"url": dead, "name": "matrix"}],
        delivery={"backoff": "0s"},
    )
    r = run_cli("once", "--config", config)
    assert "2 pending delivery" in r.out, r.out + r.err
    assert "Traceback" not in r.err
    # The homeserver "comes back": the same target, reachable again.
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[{"name": "wire", "kind": "feed", "url": url}],
        notify=[{"url": synapse.apprise_url(room), "name": "matrix"}],
        delivery={"backoff": "0s"},
    )
    r = run_cli("once", "--config", config)
    assert "0 pending delivery" in r.out, r.out + r.err
    assert len(synapse.wait_for(2, room)) == 2


def test_a_resend_with_the_same_key_posts_nothing_new(synapse):
    """An access-token target sends under the delivery's transaction id: the resend a
    crash between the send and its record causes is answered by Synapse with the
    first event and shown once; another key is another message."""
    room = synapse.new_room("txn")
    notifier = Notifier([NotifyConfig(name="matrix", url=synapse.apprise_url(room, token=True))])

    def send(key, title):
        return asyncio.run(notifier.send("matrix", title=title, body="b", key=key))

    assert send("a1.matrix", "first").ok
    assert send("a1.matrix", "first, again").ok  # the homeserver says yes, posts nothing
    assert send("a2.matrix", "second").ok
    time.sleep(0.5)
    titles = [m["content"]["body"].splitlines()[0] for m in synapse.messages(room)]
    assert titles == ["# first", "# second"], titles


def test_without_a_key_or_with_a_password_nothing_is_deduplicated(synapse):
    """The key is only used where it can work: user:password targets log in as a new
    device per message (their resends are not deduplicated, as with SMTP)."""
    room = synapse.new_room("no-txn")
    notifier = Notifier(
        [
            NotifyConfig(name="token", url=synapse.apprise_url(room, token=True)),
            NotifyConfig(name="login", url=synapse.apprise_url(room)),
        ]
    )
    for target in ("token", "login", "token"):
        assert asyncio.run(notifier.send(target, title=target, body="b")).ok
    assert asyncio.run(notifier.send("login", title="login", body="b", key="k.login")).ok
    assert asyncio.run(notifier.send("login", title="login", body="b", key="k.login")).ok
    titles = [m["content"]["body"].splitlines()[0] for m in synapse.wait_for(5, room)]
    assert sorted(titles) == ["# login"] * 3 + ["# token"] * 2, titles
