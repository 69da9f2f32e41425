"""Worker processes for extraction, the CPU-heavy stage, when a backlog is big.

The daemon is one process: one core for Python code. A backlog of articles (a
burst of feeds, a first poll, a restart after downtime) is extracted by worker
processes, one per CPU this process may use, while the event loop goes on polling
and delivering. A few articles are extracted in place: starting a worker costs
more than it saves.

Workers are started with "spawn" (no fork of a process with threads) the first
time a backlog needs them, shared by every pipeline of the process (a reload
builds a new pipeline), and stopped at exit. Extraction is a pure function of an
article's text, date and title, so a worker lost mid-batch loses nothing: the
pipeline extracts that batch in place instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Any

log = logging.getLogger(__name__)

#: A batch of at least this many articles goes to the workers.
BACKLOG = 64

_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()


def cpus() -> int:
    """The CPUs this process may run on (systemd's AllowedCPUs=, taskset...)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_unavailable: str | None = None


def pool() -> ProcessPoolExecutor | None:
    """The shared worker pool; None on a single CPU, where workers cannot help, or where
    the system refuses them (a sandbox without /dev/shm, say: said once, in the log)."""
    global _pool, _unavailable
    if cpus() < 2 or _unavailable:
        return None
    with _lock:
        if _pool is None:
            try:
                _pool = ProcessPoolExecutor(
                    max_workers=cpus(), mp_context=multiprocessing.get_context("spawn")
                )
            except (OSError, ImportError) as exc:
                _unavailable = f"{type(exc).__name__}: {exc}"
                log.warning("extraction workers unavailable (%s); extracting in place", exc)
                return None
            log.info("extraction: a backlog, %d worker processes started", cpus())
        return _pool


def discard() -> None:
    """Drop a pool that failed (a worker killed, say); the next backlog starts a new one."""
    global _pool
    with _lock:
        broken, _pool = _pool, None
    if broken is not None:
        broken.shutdown(wait=False, cancel_futures=True)


def extract_many(
    jobs: list[tuple[str, date, str, str | None, str | None]],
) -> list[tuple[Any, str | None]]:
    """In a worker: (facts, None) per article, or (None, the error) where extraction
    raised, so one bad article costs only its own facts."""
    from monitor.extract import extract

    out: list[tuple[Any, str | None]] = []
    for text, day, title, speaker, default_speaker in jobs:
        try:
            facts = extract(
                text, day, title=title, speaker=speaker, default_speaker=default_speaker
            )
            out.append((facts, None))
        except Exception as exc:
            out.append((None, f"{type(exc).__name__}: {exc}"))
    return out
