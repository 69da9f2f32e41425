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
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from monitor.errors import ArticleFileError

DATE_LINE = re.compile(r"^ ?date (\d{4})-(\d{2})(?: |$)")
FILE_NAME = re.compile(r"^(\d{3,})_([0-9a-f]{16})\.txt$")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n+")

#: Refuse to read article files larger than this: a seed file is a few KB.
MAX_FILE_BYTES = 2 * 1024 * 1024


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
    try:
        with open(path, "rb") as fh:
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
    return doc


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


def write_new(folder: Path, doc: SeedDoc, identity: str) -> Path:
    """Write doc under the next free running number in folder, atomically.

    The file is written to a temporary name, fsynced and renamed, so a reader
    (or a crash) never sees half an article.
    """
    folder.mkdir(parents=True, exist_ok=True)
    data = render(doc).encode("utf-8")
    number = next_number(folder)
    while True:
        target = folder / file_name(number, identity)
        tmp = folder / f".{target.name}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
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
