"""Shared fixtures: a local feed server, a local SMTP server and the seed articles as feed items.

Helpers live in tests/servers.py (FeedServer, SmtpServer, free_port) and
tests/feeds.py (Item, rss, atom, seed_items, SEEDS).
"""

from __future__ import annotations

from collections.abc import Iterator

import feeds
import pytest
from feeds import SEEDS, Item
from servers import FeedServer, SmtpServer

# --------------------------------------------------------------------------- servers


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A running FeedServer on 127.0.0.1 (no routes: every path is 404 until route())."""
    with FeedServer() as server:
        yield server
    assert not server.errors, f"feed server handler errors: {server.errors!r}"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A running SmtpServer on 127.0.0.1: plain SMTP, no TLS, no AUTH."""
    with SmtpServer() as server:
        yield server


# --------------------------------------------------------------------------- data


@pytest.fixture
def seed_items(feed_server: FeedServer) -> list[Item]:
    """The seed articles as feed Items whose links point at feed_server."""
    return feeds.seed_items(SEEDS, feed_server.base_url)
