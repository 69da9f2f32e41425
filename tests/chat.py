"""A throwaway Matrix homeserver (Synapse, SQLite) on 127.0.0.1 for chat delivery tests.

Synapse runs from its own virtualenv (``.venv-synapse`` at the repository root, or
``$MONITOR_SYNAPSE_VENV``), built or checked by ``tests/chat_setup.sh`` on first use,
so none of its dependencies enter monitor's lock files. Each SynapseServer gets a
fresh temp dir (config, signing key, SQLite database, media store, log), listens on
a free loopback port with plain HTTP, has federation and key servers off and rate
limits lifted, and is stopped with SIGTERM and removed afterwards (it also stops by
itself if the test process dies). Set MONITOR_SYNAPSE_KEEP=1 to keep the temp dir.

    with SynapseServer() as chat:
        room = chat.new_room()                          # or chat.room_id (#alerts)
        url = chat.apprise_url(room)                    # matrix://bot:PW@127.0.0.1:PORT/!id?hsreq=no
        ...                                             # code under test notifies url
        [msg] = chat.wait_for(1, room)                  # read back as @reader:localhost
        assert msg["content"]["body"] == "# Title\r\nBody"   # apprise's text layout

Users: ``chat.bot`` (apprise sends as @bot:localhost with its password) and
``chat.reader`` (reads rooms), both ChatUser with an access token. ``chat.room_id``
is a public room ``#alerts:localhost`` created by bot, which reader has joined.
Every request here goes to 127.0.0.1 only.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote, urlencode

HOST = "127.0.0.1"
SERVER_NAME = "localhost"
ROOT = Path(__file__).resolve().parent.parent
SETUP_SCRIPT = Path(__file__).resolve().parent / "chat_setup.sh"

__all__ = ["HOST", "SERVER_NAME", "ChatUser", "SynapseError", "SynapseServer", "synapse_python"]


class SynapseError(RuntimeError):
    """Synapse could not be installed or started, or answered a request with an error."""


@dataclass(frozen=True)
class ChatUser:
    """A registered account: localpart, full Matrix id, password and an access token."""

    name: str
    user_id: str
    password: str
    access_token: str


# --------------------------------------------------------------------------- venv


def synapse_venv() -> Path:
    """Where the Synapse virtualenv lives (or will be built)."""
    return Path(os.environ.get("MONITOR_SYNAPSE_VENV") or ROOT / ".venv-synapse")


_checked: set[Path] = set()


def synapse_python(*, build: bool = True) -> Path:
    """The Python of the Synapse virtualenv. With ``build`` (the default) chat_setup.sh
    runs once per process: a no-op (under a second) when the venv holds the pinned
    version, else it installs it (about 30 s)."""
    venv = synapse_venv()
    python = venv / "bin" / "python"
    if venv in _checked:
        return python
    if not build:
        if (venv / ".synapse-installed").is_file() and python.is_file():
            return python
        raise SynapseError(f"no Synapse virtualenv at {venv}; run {SETUP_SCRIPT}")
    proc = subprocess.run(
        ["bash", str(SETUP_SCRIPT), str(venv)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if proc.returncode != 0 or not python.is_file():
        raise SynapseError(
            f"{SETUP_SCRIPT} failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}"
        )
    _checked.add(venv)
    return python


# --------------------------------------------------------------------------- helpers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _unpadded_b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


# Runs Synapse in the child and stops it (SIGTERM, a clean shutdown) as soon as its
# stdin reaches EOF: when stop() closes the pipe, or when the test process dies
# without stopping it, so a killed pytest leaves no homeserver behind.
_LAUNCHER = """
import os, runpy, signal, sys, threading

def watch():
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    os.kill(os.getpid(), signal.SIGTERM)

threading.Thread(target=watch, daemon=True).start()
sys.argv[0] = "synapse.app.homeserver"
runpy.run_module("synapse.app.homeserver", run_name="__main__", alter_sys=True)
"""

# A direct opener: loopback requests must never go through an http_proxy from the env.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))

_RATE_UNLIMITED = {"per_second": 10000, "burst_count": 10000}


def _config(tmp: Path, port: int, shared_secret: str) -> dict[str, Any]:
    """homeserver.yaml as a dict (JSON is valid YAML, so it is written with json.dumps)."""
    return {
        "server_name": SERVER_NAME,
        "public_baseurl": f"http://{HOST}:{port}/",
        "pid_file": str(tmp / "homeserver.pid"),
        "listeners": [
            {
                "port": port,
                "bind_addresses": [HOST],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": {"name": "sqlite3", "args": {"database": str(tmp / "homeserver.db")}},
        "media_store_path": str(tmp / "media_store"),
        "signing_key_path": str(tmp / "signing.key"),
        "registration_shared_secret": shared_secret,
        "macaroon_secret_key": secrets.token_hex(32),
        "form_secret": secrets.token_hex(32),
        "enable_registration": False,
        "report_stats": False,
        "enable_metrics": False,
        # No federation and no key servers: nothing leaves 127.0.0.1.
        "federation_domain_whitelist": [],
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "url_preview_enabled": False,
        # Cheap password hashing: monitor's apprise logs in once per message.
        "bcrypt_rounds": 4,
        "presence": {"enabled": False},
        "limit_profile_requests_to_users_who_share_rooms": False,
        # Tests send bursts and monitor logs in once per alert: lift every limit.
        "rc_message": _RATE_UNLIMITED,
        "rc_registration": _RATE_UNLIMITED,
        "rc_registration_token_validity": _RATE_UNLIMITED,
        "rc_login": {
            "address": _RATE_UNLIMITED,
            "account": _RATE_UNLIMITED,
            "failed_attempts": _RATE_UNLIMITED,
        },
        "rc_joins": {"local": _RATE_UNLIMITED, "remote": _RATE_UNLIMITED},
        "rc_joins_per_room": _RATE_UNLIMITED,
        "rc_invites": {
            "per_room": _RATE_UNLIMITED,
            "per_user": _RATE_UNLIMITED,
            "per_issuer": _RATE_UNLIMITED,
        },
        "rc_3pid_validation": _RATE_UNLIMITED,
        "rc_admin_redaction": _RATE_UNLIMITED,
        "rc_room_creation": _RATE_UNLIMITED,
        "rc_presence": {"per_user": _RATE_UNLIMITED},
        "rc_delayed_event_mgmt": _RATE_UNLIMITED,
    }


# --------------------------------------------------------------------------- server


class SynapseServer:
    """A Synapse homeserver in a subprocess, with users ``bot`` and ``reader`` and a room.

    start() blocks until the client API answers, the users exist and the room is
    ready; stop() terminates the process and deletes the temp dir. Also a context
    manager. Attributes after start(): ``port``, ``base_url``, ``bot``, ``reader``
    (ChatUser), ``room_id``, ``room_alias``, ``ready_seconds`` (client API up),
    ``startup_seconds`` (users and room ready too), ``log_path``.
    """

    def __init__(
        self,
        *,
        start_timeout: float = 60.0,
        python: Path | None = None,
        extra_config: dict[str, Any] | None = None,
    ) -> None:
        """``extra_config`` overrides top-level homeserver.yaml keys, e.g. to restore
        Synapse's default rate limits: ``{"rc_login": {...}}``."""
        self.start_timeout = start_timeout
        self._python = python
        self.extra_config = dict(extra_config or {})
        self._proc: subprocess.Popen[bytes] | None = None
        self._tmp: Path | None = None
        self.port = 0
        self.shared_secret = secrets.token_hex(16)
        self.bot: ChatUser | None = None
        self.reader: ChatUser | None = None
        self.room_id = ""
        self.room_alias = f"#alerts:{SERVER_NAME}"
        self.startup_seconds = 0.0  # start() until users and room are ready
        self.ready_seconds = 0.0  # start() until /_matrix/client/versions answered
        self.log_path: Path | None = None
        self.returncode: int | None = None  # Synapse's exit status after stop() (0: clean)

    # ----------------------------------------------------------------- lifecycle

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> Self:
        if self._proc is not None:
            raise SynapseError("already started")
        python = self._python or synapse_python()
        began = time.monotonic()
        try:
            # A port picked by the OS can be taken before Synapse binds it: retry.
            for attempt in range(3):
                self._launch(python)
                try:
                    self._wait_until_up()
                    self.ready_seconds = time.monotonic() - began
                    break
                except SynapseError:
                    in_use = "Address already in use" in self.log_tail()
                    self._terminate()
                    if not in_use or attempt == 2:
                        raise
            self.bot = self.register("bot")
            self.reader = self.register("reader")
            self.room_id = self.new_room(alias="alerts")
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - began
        return self

    def _launch(self, python: Path) -> None:
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="monitor-synapse-"))
        tmp = self._tmp
        for stale in ("homeserver.db", "homeserver.db-wal", "homeserver.db-shm", "homeserver.pid"):
            (tmp / stale).unlink(missing_ok=True)
        self.port = _free_port()
        config = tmp / "homeserver.yaml"
        settings = _config(tmp, self.port, self.shared_secret) | self.extra_config
        config.write_text(json.dumps(settings, indent=2))
        key = tmp / "signing.key"
        if not key.exists():
            # Synapse's format: "<alg> <version> <unpadded base64 of the 32-byte seed>".
            key.write_text(f"ed25519 a_{secrets.token_hex(2)} {_unpadded_b64(os.urandom(32))}\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.pop("VIRTUAL_ENV", None)
        self.log_path = tmp / "homeserver.log"
        with open(self.log_path, "ab") as log:
            self._proc = subprocess.Popen(
                [str(python), "-c", _LAUNCHER, "-c", str(config)],
                cwd=tmp,
                env=env,
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while True:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise SynapseError(
                    f"synapse exited with {self._proc.returncode}:\n{self.log_tail()}"
                )
            try:
                versions = self.request("GET", "/_matrix/client/versions", timeout=2)
                if versions.get("versions"):
                    return
            except (OSError, SynapseError):
                pass
            if time.monotonic() > deadline:
                raise SynapseError(
                    f"synapse did not answer within {self.start_timeout:.0f}s:\n{self.log_tail()}"
                )
            time.sleep(0.1)

    def _terminate(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        self.returncode = proc.returncode

    def stop(self) -> None:
        """Terminate Synapse (SIGTERM, then SIGKILL after 20 s) and delete its temp dir."""
        self._terminate()
        if self._tmp is not None and not os.environ.get("MONITOR_SYNAPSE_KEEP"):
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of Synapse's log (stdout and stderr), for failure messages."""
        if self.log_path is None or not self.log_path.exists():
            return ""
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def transactions(self, room_id: str | None = None) -> Counter[str]:
        """How many times each transaction id was PUT to the room (from the access log,
        whatever the answer): an id seen twice is a resend the homeserver dropped."""
        if self.log_path is None or not self.log_path.exists():
            return Counter()
        room = quote(room_id or self.room_id, safe="")
        sent = re.compile(
            rf'"PUT /_matrix/client/v3/rooms/{re.escape(room)}/send/m\.room\.message/([^ "?]+)'
        )
        return Counter(m.group(1) for m in sent.finditer(self.log_path.read_text(errors="replace")))

    # ----------------------------------------------------------------- HTTP

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        timeout: float = 10,
    ) -> dict[str, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                result: dict[str, Any] = json.loads(response.read() or b"{}")
                return result
        except urllib.error.HTTPError as err:
            with err:
                detail = err.read().decode(errors="replace")
            raise SynapseError(f"{method} {path}: HTTP {err.code}: {detail}") from None

    def api(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        user: ChatUser | None = None,
    ) -> dict[str, Any]:
        """A client-API call as ``user`` (default: reader); path below /_matrix/client/v3."""
        who = user or self.reader
        return self.request(
            method, "/_matrix/client/v3" + path, body, token=who.access_token if who else None
        )

    # ----------------------------------------------------------------- accounts and rooms

    def register(self, name: str, password: str | None = None, *, admin: bool = False) -> ChatUser:
        """Create a user with the shared-secret admin API (HMAC-SHA1 over the nonce)."""
        password = password or secrets.token_urlsafe(12)
        nonce = self.request("GET", "/_synapse/admin/v1/register")["nonce"]
        message = b"\x00".join(
            [nonce.encode(), name.encode(), password.encode(), b"admin" if admin else b"notadmin"]
        )
        mac = hmac.new(self.shared_secret.encode(), message, hashlib.sha1).hexdigest()
        answer = self.request(
            "POST",
            "/_synapse/admin/v1/register",
            {"nonce": nonce, "username": name, "password": password, "admin": admin, "mac": mac},
        )
        return ChatUser(name, answer["user_id"], password, answer["access_token"])

    def new_room(self, name: str = "alerts", *, alias: str | None = None) -> str:
        """A new public room created by bot, which reader has joined; returns its id.
        Tests that count messages use a room of their own."""
        assert self.bot is not None and self.reader is not None
        body: dict[str, Any] = {
            "preset": "public_chat",
            "name": name,
            "invite": [self.reader.user_id],
        }
        if alias:
            body["room_alias_name"] = alias
        room = self.api("POST", "/createRoom", body, user=self.bot)
        room_id: str = room["room_id"]
        self.api("POST", f"/rooms/{quote(room_id, safe='')}/join", {}, user=self.reader)
        return room_id

    # ----------------------------------------------------------------- reading back

    def events(
        self, room_id: str | None = None, *, user: ChatUser | None = None
    ) -> list[dict[str, Any]]:
        """Every timeline event of the room, oldest first (paginates /messages dir=f)."""
        room = quote(room_id or self.room_id, safe="")
        events: list[dict[str, Any]] = []
        params: dict[str, str] = {"dir": "f", "limit": "500"}
        while True:
            page = self.api("GET", f"/rooms/{room}/messages?{urlencode(params)}", user=user)
            chunk = page.get("chunk", [])
            events.extend(chunk)
            end = page.get("end")
            if not chunk or not end:
                return events
            params["from"] = end

    def messages(
        self, room_id: str | None = None, *, user: ChatUser | None = None
    ) -> list[dict[str, Any]]:
        """The room's m.room.message events, oldest first, as the reader sees them."""
        return [e for e in self.events(room_id, user=user) if e.get("type") == "m.room.message"]

    def wait_for(
        self, count: int, room_id: str | None = None, *, timeout: float = 10.0, settle: float = 0.3
    ) -> list[dict[str, Any]]:
        """Wait until the room holds at least ``count`` messages, then ``settle`` seconds more
        (so a duplicate still in flight shows up), and return them all."""
        deadline = time.monotonic() + timeout
        found = self.messages(room_id)
        while len(found) < count and time.monotonic() < deadline:
            time.sleep(0.05)
            found = self.messages(room_id)
        if settle:
            time.sleep(settle)
            found = self.messages(room_id)
        return found

    # ----------------------------------------------------------------- apprise

    def apprise_url(self, room: str | None = None, *, token: bool = False, **params: str) -> str:
        """The apprise URL that posts to ``room`` (default: the alerts room) as bot.

        Plain http on the custom port is the ``matrix://`` scheme (``matrixs://`` is
        https). By default it logs in with user:password; ``token=True`` uses bot's
        access token instead (``matrix://TOKEN@host:port/room``). Extra keyword
        arguments become query parameters (e.g. ``msgtype="notice"``).
        """
        assert self.bot is not None
        target = quote(room or self.room_id, safe="!:@")
        auth = (
            quote(self.bot.access_token, safe="")
            if token
            else f"{quote(self.bot.name, safe='')}:{quote(self.bot.password, safe='')}"
        )
        if target.startswith("!") and ":" not in target:
            # Room version 12 ids carry no ":server" part; apprise appends one unless
            # hsreq=no, and then joins a room that does not exist.
            params.setdefault("hsreq", "no")
        query = f"?{urlencode(params)}" if params else ""
        return f"matrix://{auth}@{HOST}:{self.port}/{target}{query}"
