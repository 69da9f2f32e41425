"""A folder of seed-format files (an inbox): new and changed files are picked up.

The cursor remembers each file's size and modification time, so an unchanged file
is not read again; a file that cannot be read is reported, and read again when it
changes. A file modified less than ``settle`` ago is left for the next poll: it may
still be being written (drop files by writing a dot-file and renaming it, and
they are read at once).

A file's modification time is its article's publication time when it falls in the
month of the file's date line (``seedformat.file_time``): the daemon's archive keeps
it so, as ``wget -N`` and ``rsync -t`` do, and an archive folder used as an inbox
re-reads each article at its exact time. A file copied or touched later, or without
a date line, is dated from its text as before.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import stat
import time
from pathlib import Path

import httpx

from monitor import seedformat
from monitor.article import Entry
from monitor.errors import ArticleFileError, FetchError
from monitor.sources.base import Fetched, Source, SourceState

log = logging.getLogger("monitor")

#: Files read per poll at most; the rest wait for the next poll.
MAX_FILES_PER_POLL = 5000


class FilesSource(Source):
    """kind: files. Reads ``*.txt`` files in ``path`` (not recursively)."""

    async def fetch(self, client: httpx.AsyncClient, state: SourceState) -> Fetched:
        assert self.config.path is not None
        return await asyncio.to_thread(self.scan, self.config.path, state)

    def scan(self, folder: Path, state: SourceState) -> Fetched:
        try:
            if not folder.exists():
                # An inbox that does not exist yet is one nobody has dropped a file in.
                folder.mkdir(parents=True)
                log.info("source %s: created the folder %s", self.name, folder)
            names = sorted(os.listdir(folder))
        except OSError as exc:
            raise FetchError(self.name, f"{folder}: cannot list: {exc.strerror or exc}") from None
        settle = self.config.settle.total_seconds()
        now = time.time()
        seen: dict[str, list[int]] = json.loads(state.cursor) if state.cursor else {}
        now_seen: dict[str, list[int]] = {}
        entries: list[Entry] = []
        problems: list[str] = []
        root = folder.resolve()
        read = 0
        for name in names:
            if not name.endswith(".txt") or name.startswith("."):
                continue
            path = folder / name
            try:
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    # A link may point anywhere; follow it only if it stays in the folder.
                    target = path.resolve()
                    if target.parent != root:
                        problems.append(f"{path}: symlink out of the folder, skipped")
                        continue
                    st = os.stat(target)
                if not stat.S_ISREG(st.st_mode):
                    problems.append(f"{path}: not a regular file, skipped")
                    continue
            except OSError as exc:
                problems.append(f"{path}: {exc.strerror or exc}")
                continue
            if now - st.st_mtime < settle:
                continue  # still being written, perhaps: read it next poll, whole
            mark = [st.st_mtime_ns, st.st_size]
            now_seen[name] = mark
            if seen.get(name) == mark:
                continue
            if read >= MAX_FILES_PER_POLL:
                del now_seen[name]  # not read yet: next poll
                continue
            read += 1
            try:
                doc = seedformat.read(path)
            except ArticleFileError as exc:
                problems.append(str(exc))
                continue
            entries.append(
                Entry(
                    source=self.name,
                    text=doc.text,
                    year_month=doc.year_month,
                    # st is the file as listed (the link's target for a link), the
                    # same stat the cursor marks it with.
                    published=seedformat.file_time(st, doc.year_month),
                    # A seed file without a date line is dated by its dateline (SPEC).
                    text_dates=True,
                    language=self.config.language,
                    origin=str(path),
                )
            )
        cursor = json.dumps(now_seen, separators=(",", ":"), sort_keys=True)
        return Fetched(
            entries=tuple(entries), state=SourceState(cursor=cursor), problems=tuple(problems)
        )
