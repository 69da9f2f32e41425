"""Source kinds by name. Adding a kind: write a Source subclass, add it here."""

from __future__ import annotations

from monitor.config import HttpConfig, SourceConfig
from monitor.sources.base import Fetched, Source, SourceState
from monitor.sources.feed import FeedSource
from monitor.sources.files import FilesSource
from monitor.sources.page import PageSource

KINDS: dict[str, type[Source]] = {
    "feed": FeedSource,
    "files": FilesSource,
    "page": PageSource,
}


def make_source(config: SourceConfig, http: HttpConfig) -> Source:
    # The config model already limits kind to these names; KeyError here is a bug.
    return KINDS[config.kind](config, http)


__all__ = ["KINDS", "Fetched", "Source", "SourceState", "make_source"]
