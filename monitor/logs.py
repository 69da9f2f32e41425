"""Logging to stderr in a form journald keeps well.

Under systemd (``$JOURNAL_STREAM`` or ``$INVOCATION_ID`` set) each line starts with
a syslog priority prefix (``<4>``) that journald turns into the entry's level, and
carries no timestamp (journald adds its own). Elsewhere lines carry an ISO
timestamp and the level name. Messages name their source or rule themselves
("source lemonde: HTTP 503"), so a grep finds everything about one of them.
"""

from __future__ import annotations

import logging
import os
import sys

_PRIORITY = {
    logging.DEBUG: 7,
    logging.INFO: 6,
    logging.WARNING: 4,
    logging.ERROR: 3,
    logging.CRITICAL: 2,
}


class JournalFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = f"<{_PRIORITY.get(record.levelno, 6)}>"
        text = super().format(record)
        # One entry per line: journald would split a multi-line message into several entries.
        return "\n".join(prefix + line for line in text.splitlines())


def under_systemd() -> bool:
    return bool(os.environ.get("JOURNAL_STREAM") or os.environ.get("INVOCATION_ID"))


def setup_logging(*, debug: bool = False, quiet: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if under_systemd():
        handler.setFormatter(JournalFormatter("%(levelname)s %(message)s"))
    else:
        fmt = logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z")
        handler.setFormatter(fmt)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    level = logging.DEBUG if debug else (logging.WARNING if quiet else logging.INFO)
    root.setLevel(level)
    # Libraries' chatter stays out unless debugging.
    for noisy in (
        "apprise",
        "httpx",
        "httpcore",
        "apscheduler",
        "trafilatura",
        "htmldate",
        "aiohttp",
    ):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.WARNING)
    # apprise's own log lines can hold URL secrets: they stay out of ours. Its logger
    # keeps WARNING on, because apprise captures what it logs into each call's result,
    # which is where the sender reads (and masks) why a delivery failed.
    apprise_log = logging.getLogger("apprise")
    apprise_log.setLevel(logging.DEBUG if debug else logging.WARNING)
    apprise_log.propagate = debug
    if not apprise_log.handlers:
        apprise_log.addHandler(logging.NullHandler())
