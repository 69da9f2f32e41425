"""Delivery through apprise: one apprise object per target.

apprise throttles each plugin between requests (about 5.5 s), and one Apprise
object sends to its services one after the other; a target per object lets the
sender run targets side by side, so a slow or dead target delays nobody else.
Each send carries its delivery's dedup key where the channel has a place for it:
an ``X-Monitor-Alert`` header (email, JSON/XML/form webhooks) or the Matrix
transaction id (access-token URLs).
Target ids are stable (the configured name, else a hash of the URL) because the
outbox rows name them across restarts; URLs never reach a log line unmasked.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import apprise
from apprise.plugins.matrix.base import MATRIX_E2EE_SUPPORT, NotifyMatrix

from monitor.config import NotifyConfig, QuietHours, mask_url
from monitor.errors import ConfigError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    """One notification target. ``url`` is secret: never log it, use ``label``."""

    id: str
    label: str
    tags: frozenset[str]
    url: str
    quiet: QuietHours | None = None

    def wants(self, tags: Iterable[str]) -> bool:
        """A rule with no tags goes everywhere; else to targets sharing a tag."""
        tags = list(tags)
        return not tags or bool(self.tags.intersection(tags))


@dataclass(frozen=True)
class SendResult:
    ok: bool
    error: str | None = None


class Notifier:
    """The configured targets, and sending to one of them."""

    def __init__(self, configs: list[NotifyConfig]) -> None:
        problems: list[str] = []
        targets: list[Target] = []
        for i, cfg in enumerate(configs):
            try:
                url = cfg.resolve_url()
            except ConfigError as exc:
                problems.extend(exc.problems)
                continue
            label = cfg.name or cfg.label if not cfg.url else cfg.name or mask_url(url)
            if apprise.Apprise.instantiate(url) is None:
                problems.append(f"notify[{i}] {label}: apprise does not understand this URL")
                continue
            tid = cfg.name or "t-" + hashlib.sha256(url.encode()).hexdigest()[:12]
            targets.append(
                Target(id=tid, label=label, tags=frozenset(cfg.tags), url=url, quiet=cfg.quiet)
            )
        if problems:
            raise ConfigError(problems)
        self.targets = {t.id: t for t in targets}

    def route(self, tags: Iterable[str]) -> tuple[str, ...]:
        tags = tuple(tags)
        return tuple(t.id for t in self.targets.values() if t.wants(tags))

    def unrouted_tags(self, tags: Iterable[str]) -> list[str]:
        known = set().union(*(t.tags for t in self.targets.values())) if self.targets else set()
        return [t for t in tags if t not in known]

    def undeduplicated_matrix(self) -> list[Target]:
        """Matrix targets whose resends the homeserver cannot drop (user:password URLs)."""
        out = []
        for target in self.targets.values():
            plugin = apprise.Apprise.instantiate(target.url)
            if isinstance(plugin, NotifyMatrix) and plugin.mode == "off" and plugin.user:
                out.append(target)
        return out

    def mask(self, text: str) -> str:
        """Text with every configured URL (and its password) replaced by its label."""
        for t in self.targets.values():
            text = text.replace(t.url, t.label)
        return text

    async def send(
        self, target_id: str, *, title: str, body: str, key: str | None = None
    ) -> SendResult:
        """Send one message to one target, in a worker thread.

        There is no timeout around the thread on purpose: abandoning it would not stop
        the send, and a message that went out must be recorded as sent. apprise's
        plugins bound each request with their own socket timeouts."""
        target = self.targets.get(target_id)
        if target is None:
            return SendResult(False, "target is no longer configured")
        return await asyncio.to_thread(self._send, target, title, body, key)

    def _send(self, target: Target, title: str, body: str, key: str | None) -> SendResult:
        obj = apprise.Apprise()
        obj.add(with_dedup_key(target.url, key) if key else target.url)
        if key:
            for plugin in obj:
                keyed_matrix_send(plugin, key)
        try:
            result = obj.notify(body=body, title=title, body_format=apprise.NotifyFormat.MARKDOWN)
        except Exception as exc:  # a plugin bug must not kill the sender; the outbox retries
            return SendResult(False, self.mask(f"{type(exc).__name__}: {exc}"))
        if result:
            return SendResult(True)
        return SendResult(False, self.mask(_reason(result)))


#: apprise schemes that turn a "+Name=value" URL argument into a header of the message:
#: email (a header receivers can deduplicate on) and the JSON, XML and form webhooks.
HEADER_SCHEMES = {"mailto", "mailtos", "json", "jsons", "xml", "xmls", "form", "forms"}
DEDUP_HEADER = "X-Monitor-Alert"


def with_dedup_key(url: str, key: str) -> str:
    """The target URL with the delivery's dedup key as a header, where the channel has one.

    >>> with_dedup_key("mailto://127.0.0.1:25?to=a@b.c", "f00.t-1")
    'mailto://127.0.0.1:25?to=a@b.c&+X-Monitor-Alert=f00.t-1'
    """
    scheme = url.split("://", 1)[0].lower()
    if scheme not in HEADER_SCHEMES:
        return url
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}+{DEDUP_HEADER}={quote(key, safe='.-_')}"


def matrix_txn_id(key: str) -> str:
    """The Matrix transaction id of a delivery: stable, and safe in a URL path.

    >>> matrix_txn_id("f00.t-1") == matrix_txn_id("f00.t-1") != matrix_txn_id("f01.t-1")
    True
    """
    return "monitor-" + hashlib.sha256(key.encode()).hexdigest()[:32]


def keyed_matrix_send(plugin: Any, key: str) -> bool:
    """Make a Matrix plugin send its message under the delivery's transaction id.

    A homeserver answers a repeated PUT .../send/m.room.message/{txnId} from the same
    access token with the first event, and posts nothing: a resend after a crash
    between the send and its record is then dropped by Synapse, not shown twice.
    That needs the same token on every attempt, so only access-token URLs
    (matrix://TOKEN@host/room) qualify; with user:password apprise logs in as a new
    device per object and numbers its transactions itself.

    apprise 2.2 (pinned) takes a raw token as its access token on first send and then
    keeps one transaction id for the object; setting both here, before the send,
    makes that id ours. The message must be one event: a split message would send
    its later chunks under the same id, and the homeserver would drop them.
    """
    if not isinstance(plugin, NotifyMatrix) or plugin.user or not plugin.password:
        return False
    if plugin.mode != "off":  # webhook modes post elsewhere, without transaction ids
        return False
    if plugin.e2ee and plugin.secure and MATRIX_E2EE_SUPPORT:
        # Encrypted rooms send a room key first under the same transaction id: a fixed
        # id would have the homeserver drop the key of a retry. Left to apprise.
        return False
    plugin.access_token = plugin.password
    plugin.transaction_id = matrix_txn_id(key)
    plugin.overflow_mode = apprise.OverflowMode.UPSTREAM
    return True


def _reason(result: Any) -> str:
    """The last warning or error apprise captured for this call, else its status.
    (apprise captures only what its logger lets through: see monitor.logs.)"""
    for entry in reversed(list(result.logs())):
        if str(entry.level).upper() in ("WARNING", "ERROR", "CRITICAL"):
            return " ".join(str(entry.message).split())[:300]
    status = getattr(result, "status", None)
    return f"apprise reported {getattr(status, 'name', 'failure')}"
