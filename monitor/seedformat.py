"""The seed format: how articles are read from and written to text files.

A file is UTF-8 text. The first line is `` date YYYY-MM `` (a leading space, the
word ``date``, year and month) followed by the first paragraph; the other
paragraphs follow, separated by blank lines. The date line may be missing, in
which case the file starts directly with its first paragraph (often the title).

File names are ``NNN_HHHHHHHHHHHHHHHH.txt``: a running number of at least three
digits and the first 16 hex digits of the SHA-256 of the article's identity (its
canonical URL, else its text)::

    >>> doc = parse(" date 2022-02 Premier paragraphe.\\n\\nSecond.")
    >>> doc.year_month, doc.paragraphs
    ((2022, 2), ('Premier paragraphe.', 'Second.'))
    >>> render(doc)
    ' date 2022-02 Premier paragraphe.\\n\\nSecond.\\n'

The date line only holds the month; the exact publication time travels in the
file's modification time, the way ``wget -N`` and ``rsync -t`` keep a remote
file's time. ``write_new(..., published=when)`` sets it (atomically: the time is
on the file before it gets its name); ``read_timed(path)`` gives the document and
that time back, or None for the time, as ``file_time(path_or_stat, year_month)``
judges: the modification time counts only when it falls in the date line's month
(give or take 14 hours, the most a time zone moves a local month's edge), since a
file copied or touched later carries the time of the copy, not of the article, and
a file without a date line has nothing to check its time against. The fraction of a
second of that time carries the publisher's UTC offset, so the time comes back as it
was given, and with it the publisher's local day::

    >>> import tempfile
    >>> from datetime import datetime, timedelta, timezone
    >>> when = datetime(2022, 3, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_new(Path(folder), parse(" date 2022-03 Texte."), "x", published=when)
    ...     doc, published = read_timed(path)
    >>> published == when, published.isoformat()
    (True, '2022-03-01T00:30:00+01:00')
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from monitor.errors import ArticleFileError

DATE_LINE = re.compile(r"^ ?date (\d{4})-(\d{2})(?: |$)")
FILE_NAME = re.compile(r"^(\d{3,})_([0-9a-f]{16})\.txt$")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n+")

#: Refuse to read article files larger than this: a seed file is a few KB.
MAX_FILE_BYTES = 2 * 1024 * 1024

#: How far a file's time may lie outside its date line's month (taken in UTC) and
#: still count: local time runs from UTC-12 to UTC+14, so a local month starts up to
#: 14 hours before the UTC one and ends up to 12 hours after it (14 either side here).
MONTH_EDGE_SLACK = timedelta(hours=14)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, kw_only=True)
class SeedDoc:
    """One article as the seed format holds it.

    year_month: from the date line, or None when the file has none.
    paragraphs: the text, one entry a paragraph, whitespace inside each folded.
    """

    year_month: tuple[int, int] | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean_paragraph(text: str) -> str:
    """Fold runs of whitespace (newlines, tabs, spaces) to one space; keep no-break spaces."""
    return " ".join(re.split(r"[ \t\r\n\f\v]+", text)).strip()


def split_paragraphs(text: str) -> tuple[str, ...]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = (clean_paragraph(p) for p in PARAGRAPH_BREAK.split(text))
    return tuple(p for p in parts if p)


def parse(text: str) -> SeedDoc:
    """Parse seed-format text (see the module docstring)."""
    text = text.lstrip("\ufeff")
    year_month = None
    m = DATE_LINE.match(text)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            year_month = (year, month)
            text = text[m.end() :]
    return SeedDoc(year_month=year_month, paragraphs=split_paragraphs(text))


def render(doc: SeedDoc) -> str:
    """The file text for a document: the date line (when known) and its paragraphs."""
    body = "\n\n".join(doc.paragraphs)
    if doc.year_month is None:
        return body + "\n"
    year, month = doc.year_month
    return f" date {year:04d}-{month:02d} {body}\n"


def read(path: Path) -> SeedDoc:
    """Read one seed-format file; ArticleFileError names the file on any failure."""
    return _read(path)[0]


def read_timed(path: Path) -> tuple[SeedDoc, datetime | None]:
    """Read one seed-format file, with its publication time when the file keeps it.

    The time is `file_time` of the file as it was read (aware UTC), else None.
    ArticleFileError names the file on any failure.
    """
    doc, st = _read(path)
    return doc, file_time(st, doc.year_month)


def _read(path: Path) -> tuple[SeedDoc, os.stat_result]:
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ArticleFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise ArticleFileError(f"{path}: larger than {MAX_FILE_BYTES // 1024} KB, not an article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleFileError(f"{path}: not UTF-8 (byte {exc.start})") from exc
    doc = parse(text)
    if not doc.paragraphs:
        raise ArticleFileError(f"{path}: empty article")
    return doc, st


def file_time(
    path_or_stat: Path | str | os.stat_result, year_month: tuple[int, int] | None
) -> datetime | None:
    """The file's modification time when it is the article's publication time: a time
    monitor wrote (its fraction of a second carries the UTC offset: see
    _offset_fraction), given back at that offset.

    That is when it falls in the date line's month `year_month`, widened by 14 hours
    either side (MONTH_EDGE_SLACK): the month on the date line is a local one, and
    time zones move a local month's edges up to 14 hours away from UTC's, so an
    article of 2022-03-01T00:30+01:00 in a "2022-03" file is in, though in UTC it is
    still February. Otherwise None: a file copied or touched later carries the time
    of the copy, and a file without a date line (year_month None) has nothing to check
    its time against. A path that cannot be stat()ed raises OSError.
    """
    if year_month is None:
        return None
    st = path_or_stat if isinstance(path_or_stat, os.stat_result) else os.stat(path_or_stat)
    year, month = year_month
    try:
        start = datetime(year, month, 1, tzinfo=UTC)
        end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        seconds, sub = divmod(st.st_mtime_ns, 1_000_000_000)
        offset = _offset_from(sub)
        if offset is None:
            # Not a time monitor wrote (a file saved or copied by hand, one archived by an
            # older release): it says when the file was written, not when the article was
            # published, and a dateline in its text says more.
            return None
        mtime = _EPOCH + timedelta(seconds=seconds)
    except (ValueError, OverflowError):
        return None  # a month or a time outside what datetime can hold
    if start - MONTH_EDGE_SLACK <= mtime < end + MONTH_EDGE_SLACK:
        return mtime.astimezone(timezone(offset))
    return None


#: The fraction of a second of a file's time carries the publisher's UTC offset, so
#: that the local day survives the archive ("jeudi" in an article of Thursday 00:30
#: in Paris is Wednesday in UTC): (minutes + 1440) * 100 + 37 microseconds. Publication
#: times are whole seconds; the 37 tells such a fraction from a file's own, and a
#: filesystem that keeps only seconds (or 2 s) simply gives the time back in UTC.
_OFFSET_MARK = 37


def _offset_fraction(when: datetime) -> int:
    """Nanoseconds past the second that say `when`'s UTC offset."""
    offset = when.utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    return ((minutes + 1440) * 100 + _OFFSET_MARK) * 1000


def _offset_from(sub_ns: int) -> timedelta | None:
    """The offset a file time's fraction of a second carries, or None."""
    micros, rest = divmod(sub_ns, 1000)
    code, mark = divmod(micros, 100)
    if rest or mark != _OFFSET_MARK or not 0 < code < 2880:  # |offset| < 24 h
        return None
    return timedelta(minutes=code - 1440)


def _ns_since_epoch(when: datetime) -> int:
    """The file time for a publication time: its whole seconds, and its UTC offset in
    the fraction (see _offset_fraction)."""
    delta = when - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000_000 + _offset_fraction(when)


def identity_hash(identity: str) -> str:
    """First 16 hex digits of the SHA-256 of an identity string."""
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def file_name(number: int, identity: str) -> str:
    return f"{number:03d}_{identity_hash(identity)}.txt"


def next_number(folder: Path) -> int:
    """One past the highest running number among the seed files in folder."""
    highest = -1
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return 0
    for name in names:
        m = FILE_NAME.match(name)
        if m:
            highest = max(highest, int(m.group(1)))
    return highest + 1


def write_new(
    folder: Path, doc: SeedDoc, identity: str, *, published: datetime | None = None
) -> Path:
    """Write doc under the next free running number in folder, atomically.

    The file is written to a temporary name, fsynced and linked to its name, so a
    reader (or a crash) never sees half an article. With `published` (an aware
    datetime), the file's access and modification times are that instant (see
    `read_timed`); they are set on the temporary file, before it has its name (a hard
    link is the same inode, times and all), so the named file never shows another time.
    """
    if published is not None and published.utcoffset() is None:
        raise ValueError("write_new: published must be an aware datetime")
    ns = None if published is None else _ns_since_epoch(published)
    folder.mkdir(parents=True, exist_ok=True)
    data = render(doc).encode("utf-8")
    number = next_number(folder)
    while True:
        target = folder / file_name(number, identity)
        tmp = folder / f".{target.name}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            if ns is not None:
                # After the last write (a write sets the time to now), before the fsync
                # (which makes the time as durable as the bytes).
                if os.utime in os.supports_fd:
                    os.utime(fh.fileno(), ns=(ns, ns))
                else:  # pragma: no cover - every POSIX system has futimens
                    os.utime(tmp, ns=(ns, ns))
            os.fsync(fh.fileno())
        try:
            # link() fails if the name is taken (a concurrent writer); rename would clobber it.
            os.link(tmp, target)
        except FileExistsError:
            number += 1
            continue
        finally:
            tmp.unlink(missing_ok=True)
        return target


def remove_partial_writes(folder: Path) -> int:
    """Delete the temporary files write_new() leaves when a crash cuts it short."""
    removed = 0
    for tmp in folder.glob(".*.txt.tmp") if folder.is_dir() else ():
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def iter_article_files(paths: list[Path]) -> list[Path]:
    """Expand files and folders into article files, folders sorted by name."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file()))
        else:
            out.append(path)
    return out
