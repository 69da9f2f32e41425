"""The seed format: read, write and name files exactly as SPEC says."""

from __future__ import annotations

import hashlib

import pytest
from feeds import SEEDS

from monitor import seedformat
from monitor.errors import ArticleFileError


def seed_files():
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5, f"seeds not found in {SEEDS}"
    return files


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name)
def test_seed_round_trip(path, tmp_path):
    doc = seedformat.read(path)
    assert doc.paragraphs
    again = seedformat.parse(seedformat.render(doc))
    assert again == doc
    # Writing it back gives the same text the file holds (up to the final newline).
    assert seedformat.render(doc).rstrip("\n") == path.read_text(encoding="utf-8").rstrip("\n")


def test_date_line_and_its_absence():
    with_date = seedformat.read(SEEDS / "002_25f5b383e2d7b4de.txt")
    assert with_date.year_month == (2022, 2)
    assert with_date.paragraphs[0].startswith("Les présidents français et russe")
    without = seedformat.read(SEEDS / "003_9af52fc60d6935b8.txt")
    assert without.year_month is None
    assert without.paragraphs[0].startswith("Poutine et Macron")
    assert "\u00a0" in without.text, "no-break spaces are kept"


def test_file_name_hashes_the_identity(tmp_path):
    url = "https://example.org/a.html"
    name = seedformat.file_name(7, url)
    assert name == f"007_{hashlib.sha256(url.encode()).hexdigest()[:16]}.txt"
    assert seedformat.FILE_NAME.match(name)
    assert seedformat.file_name(1234, "x").startswith("1234_")


def test_write_new_numbers_files_after_the_highest(tmp_path):
    doc = seedformat.SeedDoc(year_month=(2022, 1), paragraphs=("Un.", "Deux."))
    (tmp_path / "041_0123456789abcdef.txt").write_text(" date 2022-01 x\n", encoding="utf-8")
    first = seedformat.write_new(tmp_path, doc, "id-1")
    second = seedformat.write_new(tmp_path, doc, "id-2")
    assert first.name.startswith("042_") and second.name.startswith("043_")
    assert first.read_text(encoding="utf-8") == " date 2022-01 Un.\n\nDeux.\n"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8 \xe9", "not UTF-8"),
        (b"   \n\n  \n", "empty article"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "000_bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleFileError) as err:
        seedformat.read(path)
    assert str(err.value).startswith(str(path)) and message in str(err.value)


def test_paragraphs_fold_whitespace_but_keep_breaks():
    doc = seedformat.parse(" date 2021-12 Ligne\tun\r\nsuite.\r\n\r\n\r\nDeux   espaces.")
    assert doc.paragraphs == ("Ligne un suite.", "Deux espaces.")
