"""The Matrix test server (tests/chat.py) and apprise's matrix plugin against it.

These check the fixture itself and what monitor relies on when it sends to Matrix:
one fresh apprise.Apprise() per message (monitor.notify.Notifier._send), every
message arriving exactly once. All traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import gc
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import apprise
import pytest
from apprise.plugins.matrix.base import NotifyMatrix
from chat import SynapseServer


@pytest.fixture(scope="module")
def chat() -> Iterator[SynapseServer]:
    with SynapseServer() as server:
        yield server


@pytest.fixture
def no_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    """apprise waits 0.5 s between Matrix requests (login, join, send, logout);
    the transaction ids it uses do not depend on that wait, so tests skip it."""
    monkeypatch.setattr(NotifyMatrix, "request_rate_per_sec", 0)


def send_fresh(url: str, title: str, body: str, asset: apprise.AppriseAsset | None = None) -> bool:
    """Send like monitor does: a new Apprise object for the one message, then drop it.
    (With in-memory storage the plugin logs out in __del__: collect it now, while the
    server still runs.)"""
    obj = apprise.Apprise(asset=asset) if asset else apprise.Apprise()
    assert obj.add(url)
    ok = bool(obj.notify(title=title, body=body, body_format=apprise.NotifyFormat.MARKDOWN))
    del obj
    gc.collect()
    return ok


def first_line(event: dict) -> str:
    return str(event["content"]["body"]).splitlines()[0]


def test_server_starts(chat: SynapseServer, capsys: pytest.CaptureFixture[str]) -> None:
    versions = chat.request("GET", "/_matrix/client/versions")
    assert versions["versions"]
    assert chat.bot and chat.bot.user_id == "@bot:localhost"
    assert chat.reader and chat.reader.user_id == "@reader:localhost"
    joined = chat.api("GET", f"/rooms/{chat.room_id}/joined_members")["joined"]
    assert set(joined) == {"@bot:localhost", "@reader:localhost"}
    assert chat.messages() == []
    with capsys.disabled():
        print(
            f"\n[chat] synapse client API up in {chat.ready_seconds:.2f}s, "
            f"users and room ready in {chat.startup_seconds:.2f}s (port {chat.port})"
        )


def test_stop_is_clean() -> None:
    server = SynapseServer().start()
    assert server.log_path is not None
    tmp, port = server.log_path.parent, server.port
    server.stop()
    assert server.returncode == 0  # SIGTERM: Synapse shut down by itself, not killed
    assert not tmp.exists()
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0  # nobody listens any more


def test_apprise_delivers_title_and_body(chat: SynapseServer) -> None:
    room = chat.new_room("title-and-body")
    assert send_fresh(chat.apprise_url(room), "Troops: 4,000 more", "Reported by **Le Monde**.")
    [msg] = chat.wait_for(1, room)
    assert msg["sender"] == "@bot:localhost"
    content = msg["content"]
    assert content["msgtype"] == "m.text"
    assert "Troops: 4,000 more" in content["body"]
    assert "Le Monde" in content["body"]
    # Markdown goes out as HTML too.
    assert content.get("format") == "org.matrix.custom.html"
    assert "<strong>Le Monde</strong>" in content["formatted_body"]


def test_alias_and_token_urls_deliver(chat: SynapseServer) -> None:
    assert send_fresh(chat.apprise_url("#alerts"), "via alias", "b")
    assert send_fresh(chat.apprise_url(token=True), "via token", "b")
    found = [first_line(m) for m in chat.wait_for(2)]
    assert Counter(found) == {"# via alias": 1, "# via token": 1}


@pytest.mark.usefixtures("no_throttle")
def test_burst_of_20_arrives_once_each(chat: SynapseServer) -> None:
    room = chat.new_room("burst")
    url = chat.apprise_url(room)
    began = time.monotonic()
    sent = [send_fresh(url, f"alert {i:02d}", f"body {i}") for i in range(20)]
    assert all(sent)
    found = Counter(first_line(m) for m in chat.wait_for(20, room))
    assert found == {f"# alert {i:02d}": 1 for i in range(20)}, f"{time.monotonic() - began:.1f}s"


def _assets(tmp_path: Path) -> dict[str, Callable[[], apprise.AppriseAsset | None]]:
    return {
        "default": lambda: None,
        "memory": lambda: apprise.AppriseAsset(storage_mode="memory"),
        "auto+path": lambda: apprise.AppriseAsset(storage_mode="auto", storage_path=str(tmp_path)),
        "flush+path": lambda: apprise.AppriseAsset(
            storage_mode="flush", storage_path=str(tmp_path)
        ),
    }


@pytest.mark.usefixtures("no_throttle")
@pytest.mark.parametrize("storage", ["default", "memory", "auto+path", "flush+path"])
def test_fresh_apprise_per_send_is_never_deduplicated(
    chat: SynapseServer, tmp_path: Path, storage: str
) -> None:
    """Synapse drops a PUT .../send/m.room.message/{txnId} whose txnId the same device
    already used (and still answers 200). apprise numbers its transactions from 0 per
    login, or from the number kept in its persistent store: five sends in a row, each
    from a fresh Apprise object, must still all arrive."""
    make_asset = _assets(tmp_path)[storage]
    room = chat.new_room(f"txn-{storage}")
    url = chat.apprise_url(room)
    devices_before = len(chat.api("GET", "/devices", user=chat.bot)["devices"])
    assert all(send_fresh(url, f"{storage} {i}", "b", make_asset()) for i in range(5))
    found = Counter(first_line(m) for m in chat.wait_for(5, room))
    assert found == {f"# {storage} {i}": 1 for i in range(5)}
    new_devices = len(chat.api("GET", "/devices", user=chat.bot)["devices"]) - devices_before
    # In memory the plugin logs in (a new device) per object and logs out when the
    # object is collected; with a storage path it logs in once and reuses the token.
    assert new_devices == (0 if storage in ("default", "memory") else 1)


@pytest.mark.usefixtures("no_throttle")
@pytest.mark.xfail(
    strict=False,
    reason="apprise hazard: objects built before earlier sends finish, sharing a flush-mode "
    "store, reuse one transaction id; Synapse drops the repeats yet apprise reports success",
)
def test_objects_built_ahead_sharing_a_store(chat: SynapseServer, tmp_path: Path) -> None:
    room = chat.new_room("txn-ahead")
    url = chat.apprise_url(room)
    asset = lambda: apprise.AppriseAsset(storage_mode="flush", storage_path=str(tmp_path))  # noqa: E731
    assert send_fresh(url, "ahead 0", "b", asset())  # logs in, stores token and txn id
    objs = []
    for _ in range(4):
        obj = apprise.Apprise(asset=asset())
        assert obj.add(url)
        assert len(list(obj)) == 1  # the plugin now holds the stored token and txn id
        objs.append(obj)
    results = [bool(obj.notify(title=f"ahead {i}", body="b")) for i, obj in enumerate(objs, 1)]
    del objs, obj
    gc.collect()
    assert all(results)  # apprise believes every message went out
    found = Counter(first_line(m) for m in chat.wait_for(5, room, timeout=1.5))
    assert found == {f"# ahead {i}": 1 for i in range(5)}


@pytest.mark.usefixtures("no_throttle")
def test_concurrent_fresh_objects_in_memory(chat: SynapseServer) -> None:
    """monitor sends to its targets side by side (worker threads), one fresh Apprise
    per message with apprise's default in-memory storage: each object logs in as its
    own device, so simultaneous sends as the same bot, to two rooms, never collide."""
    rooms = [chat.new_room("side-a"), chat.new_room("side-b")]
    jobs = [(room, f"side {r} {i}") for r, room in enumerate(rooms) for i in range(4)]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(
            pool.map(lambda job: send_fresh(chat.apprise_url(job[0]), job[1], "b"), jobs)
        )
    assert all(results)
    for r, room in enumerate(rooms):
        found = Counter(first_line(m) for m in chat.wait_for(4, room))
        assert found == {f"# side {r} {i}": 1 for i in range(4)}


@pytest.mark.usefixtures("no_throttle")
@pytest.mark.xfail(
    strict=False,
    reason="apprise hazard: with an access-token URL (matrix://TOKEN@host/...) one Apprise "
    "object uses a single random transaction id for every event it sends, so a second "
    "message, or the later chunks of a split one, are dropped by Synapse as repeats",
)
@pytest.mark.parametrize("case", ["reused-object", "split-message"])
def test_token_url_one_object_several_events(chat: SynapseServer, case: str) -> None:
    room = chat.new_room(f"token-{case}")
    obj = apprise.Apprise()
    if case == "reused-object":
        assert obj.add(chat.apprise_url(room, token=True))
        results = [bool(obj.notify(title=f"reuse {i}", body="b")) for i in range(3)]
    else:
        assert obj.add(chat.apprise_url(room, token=True, overflow="split"))
        results = [bool(obj.notify(title="long", body="word " * 30000))]  # three chunks
    del obj
    gc.collect()
    assert all(results)  # apprise believes everything went out
    assert len(chat.wait_for(3, room, timeout=1.5)) == 3
