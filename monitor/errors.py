"""Errors monitor raises on purpose, each carrying where it happened.

    MonitorError                  anything the CLI turns into a one-line message
    ├── ConfigError               bad configuration (file:line: message lines)
    ├── RuleError                 bad rule files (every problem, file:line each)
    ├── ArticleFileError          an article file that cannot be read or parsed
    ├── SourceError               a source failed this poll (names the source)
    │   ├── FetchError            network, HTTP status, size cap, timeout
    │   └── ParseError            the body is not a feed / page we can read
    └── StoreError                the database cannot be opened or written

Anything else escaping a stage is a bug: it is logged with its traceback and the
stage's context, and the cycle goes on with the next item.
"""

from __future__ import annotations


class MonitorError(Exception):
    """Base class; str(exc) is the one-line message users see."""


class ConfigError(MonitorError):
    """Configuration problems; ``problems`` holds every one, each 'file:line: message'."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class RuleError(ConfigError):
    """Rule file problems, every one of them, each 'file:line: message'."""


class ArticleFileError(MonitorError):
    """An article file that cannot be read; the message starts with its path."""


class SourceError(MonitorError):
    """A source failed this poll; the message names the source."""

    def __init__(self, source: str, message: str, *, retry_after: float | None = None) -> None:
        self.source = source
        self.retry_after = retry_after
        super().__init__(f"source {source}: {message}")


class FetchError(SourceError):
    """Network trouble, an HTTP error status, a timeout or a body over the size cap."""


class ParseError(SourceError):
    """The body could not be read as a feed or a page."""


class StoreError(MonitorError):
    """The database cannot be opened, migrated or written."""
