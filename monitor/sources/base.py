"""What every source kind implements.

A source turns its config and the state it left last time into a ``Fetched``:
the items it saw and the state for next time. It never touches the database or
the archive; the pipeline stores what it returns, state and items in one
transaction, so a crash between the two cannot lose items behind a new ETag.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import httpx

from monitor.article import Entry
from monitor.config import HttpConfig, SourceConfig


@dataclass(frozen=True, kw_only=True)
class SourceState:
    """What a source keeps between polls: HTTP validators, or a files source's cursor."""

    etag: str | None = None
    last_modified: str | None = None
    cursor: str | None = None


@dataclass(frozen=True, kw_only=True)
class Fetched:
    """One poll's result.

    entries: the items found (all of them; the store tells which are new).
    state: the state to keep if this poll's items are stored.
    not_modified: the server answered 304; entries is empty.
    problems: one line per item that could not be read (the rest still count).
    fresh_for: seconds the server said the document stays fresh (Cache-Control
    max-age); polling sooner would only fetch the same thing.
    """

    entries: tuple[Entry, ...]
    state: SourceState
    not_modified: bool = False
    problems: tuple[str, ...] = ()
    fresh_for: float | None = None


class Source(ABC):
    """A place articles come from.

    >>> class Static(Source):
    ...     async def fetch(self, client, state):
    ...         return Fetched(entries=(Entry(source=self.name, text="Hello."),), state=state)
    """

    def __init__(self, config: SourceConfig, http: HttpConfig) -> None:
        self.config = config
        self.http = http

    @property
    def name(self) -> str:
        return self.config.name

    @abstractmethod
    async def fetch(self, client: httpx.AsyncClient, state: SourceState) -> Fetched:
        """Poll once. Raise SourceError (FetchError, ParseError) when the whole poll fails."""
