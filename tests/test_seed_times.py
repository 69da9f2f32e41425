"""A seed file keeps its article's exact time in its modification time (as `wget -N`
and `rsync -t` keep a remote file's), and the date line's month bounds every date:
the file's time and any date the text gives."""

from __future__ import annotations

import datetime as dt
import os
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from monitor import seedformat
from monitor.article import normalize
from monitor.config import HttpConfig, SourceConfig
from monitor.extract.dates import article_date
from monitor.sources import SourceState, make_source

CET = timezone(timedelta(hours=1))
APRIL = seedformat.SeedDoc(year_month=(2022, 4), paragraphs=("Un article d'avril.", "Suite."))


def mtime(path: Path) -> datetime:
    """The file's time to the second (its fraction of a second carries an offset)."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(
        seconds=os.stat(path).st_mtime_ns // 1_000_000_000
    )


# ------------------------------------------------------------------ write and read back


def test_written_file_has_the_publication_time_and_reads_it_back(tmp_path):
    when = datetime(2022, 4, 12, 9, 41, 7, tzinfo=CET)
    path = seedformat.write_new(tmp_path, APRIL, "https://news.example/a", published=when)
    assert mtime(path) == when
    assert os.stat(path).st_atime_ns == os.stat(path).st_mtime_ns
    doc, published = seedformat.read_timed(path)
    assert doc == APRIL and published == when
    # The publisher's offset comes back too, and with it the local day.
    assert published.utcoffset() == when.utcoffset()
    # The format itself does not change: the same bytes as without a time.
    assert path.read_bytes() == seedformat.render(APRIL).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no temporary file left"


def test_the_time_is_on_the_file_before_it_has_its_name(tmp_path, monkeypatch):
    """A crash after the link (or during it) never shows the named file with another time."""
    when = datetime(2022, 4, 12, 9, 41, tzinfo=UTC)
    real_link = os.link
    seen: list[tuple[datetime, int]] = []

    def link(src, dst, *args, **kw):
        seen.append((mtime(Path(src)), os.stat(src).st_ino))
        real_link(src, dst, *args, **kw)

    monkeypatch.setattr(os, "link", link)
    path = seedformat.write_new(tmp_path, APRIL, "id", published=when)
    assert seen and seen[0][0] == when, "the temporary file had the time before link()"
    assert os.stat(path).st_ino == seen[0][1], "the name is the same inode, times and all"
    assert mtime(path) == when


def test_running_numbers_still_go_on_with_a_time(tmp_path):
    when = datetime(2022, 4, 12, 9, 41, tzinfo=UTC)
    first = seedformat.write_new(tmp_path, APRIL, "a", published=when)
    second = seedformat.write_new(tmp_path, APRIL, "b", published=when + timedelta(hours=1))
    (tmp_path / seedformat.file_name(2, "c")).write_text("taken", encoding="utf-8")
    third = seedformat.write_new(tmp_path, APRIL, "c")
    assert [p.name[:3] for p in (first, second, third)] == ["000", "001", "003"]
    assert seedformat.read_timed(second)[1] == when + timedelta(hours=1)
    # Without a time, the file has the time it was written, as before.
    assert abs(mtime(third).timestamp() - time.time()) < 60


def test_a_naive_time_is_refused(tmp_path):
    with pytest.raises(ValueError, match="aware"):
        seedformat.write_new(tmp_path, APRIL, "id", published=datetime(2022, 4, 12, 9, 41))
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ when the time does not count


def test_a_file_touched_later_has_no_time(tmp_path):
    when = datetime(2022, 4, 12, 9, 41, tzinfo=UTC)
    path = seedformat.write_new(tmp_path, APRIL, "id", published=when)
    os.utime(path)  # touched (or copied without -p) now, years after April 2022
    assert seedformat.read_timed(path)[1] is None
    assert seedformat.file_time(path, (2022, 4)) is None
    assert seedformat.file_time(os.stat(path), (2022, 4)) is None
    # The month before or after is no better than years later.
    for other in (datetime(2022, 3, 20, tzinfo=UTC), datetime(2022, 5, 2, tzinfo=UTC)):
        os.utime(path, (other.timestamp(), other.timestamp()))
        assert seedformat.read_timed(path)[1] is None, other


def test_a_file_without_a_date_line_has_no_time(tmp_path):
    undated = seedformat.SeedDoc(year_month=None, paragraphs=("Paris, 28 janvier (AFP) - Texte.",))
    when = datetime(2022, 1, 28, 10, 0, tzinfo=UTC)
    path = seedformat.write_new(tmp_path, undated, "id", published=when)
    assert mtime(path) == when, "the time is written all the same"
    doc, published = seedformat.read_timed(path)
    assert doc.year_month is None and published is None
    assert seedformat.file_time(path, None) is None


def test_month_edges_allow_for_time_zones(tmp_path):
    """A local month starts up to 14 hours before UTC's and ends up to 12 after it."""
    march = seedformat.SeedDoc(year_month=(2022, 3), paragraphs=("Texte.",))
    early = datetime(2022, 3, 1, 0, 30, tzinfo=CET)  # 2022-02-28T23:30Z: February in UTC
    path = seedformat.write_new(tmp_path, march, "early", published=early)
    assert seedformat.read_timed(path)[1] == early
    kiritimati = datetime(2022, 3, 1, 0, 0, tzinfo=timezone(timedelta(hours=14)))
    assert seedformat.file_time(_stat_at(path, kiritimati), (2022, 3)) == kiritimati
    late = datetime(2022, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-12)))  # April in UTC
    assert seedformat.file_time(_stat_at(path, late), (2022, 3)) == late
    # Beyond the slack, it is another month's time.
    too_early = datetime(2022, 3, 1, tzinfo=UTC) - timedelta(hours=14, seconds=1)
    assert seedformat.file_time(_stat_at(path, too_early), (2022, 3)) is None
    too_late = datetime(2022, 4, 1, tzinfo=UTC) + timedelta(hours=14)
    assert seedformat.file_time(_stat_at(path, too_late), (2022, 3)) is None
    # December's month runs into January of the next year.
    assert seedformat.file_time(_stat_at(path, datetime(2022, 12, 31, 23, tzinfo=UTC)), (2022, 12))


def _stat_at(path: Path, when: datetime) -> os.stat_result:
    """The file at a time as monitor writes one (whole seconds, the offset's mark)."""
    ns = seedformat._ns_since_epoch(when)
    os.utime(path, ns=(ns, ns))
    return os.stat(path)


# ------------------------------------------------------------------ the files source


def test_the_files_source_reads_each_article_at_its_time(tmp_path):
    archive = tmp_path / "articles"
    when = datetime(2022, 4, 12, 9, 41, 7, tzinfo=CET)
    timed = seedformat.write_new(archive, APRIL, "https://news.example/a", published=when)
    touched = seedformat.write_new(archive, APRIL, "https://news.example/b", published=when)
    os.utime(touched)  # copied later: not a publication time
    config = SourceConfig(name="archive", kind="files", path=archive, settle=0)
    source = make_source(config, HttpConfig(timeout=3))
    fetched = source.scan(archive, SourceState())
    by_file = {Path(e.origin).name: e for e in fetched.entries}
    assert by_file[timed.name].published == when
    assert by_file[touched.name].published is None


def test_an_archive_used_as_an_inbox_gives_articles_their_exact_time(tmp_path):
    archive = tmp_path / "articles"
    when = datetime(2022, 4, 12, 9, 41, 7, tzinfo=CET)
    timed = seedformat.write_new(archive, APRIL, "https://news.example/a", published=when)
    touched = seedformat.write_new(archive, APRIL, "https://news.example/b", published=when)
    os.utime(touched)
    config = SourceConfig(name="archive", kind="files", path=archive, settle=0)
    fetched = make_source(config, HttpConfig(timeout=3)).scan(archive, SourceState())
    by_file = {Path(e.origin).name: e for e in fetched.entries}
    now = datetime.now(UTC)
    article = normalize(by_file[timed.name], fetched=now)
    assert article is not None and article.published == when and article.published_exact
    # The touched file falls back to its month, as every archive file did before.
    other = normalize(by_file[touched.name], fetched=now)
    assert other is not None and other.published.date() == dt.date(2022, 4, 1)


def test_an_inbox_file_without_a_date_line_is_dated_by_its_dateline(tmp_path):
    undated = seedformat.SeedDoc(
        year_month=None, paragraphs=("Titre", "Paris, 28 janvier (TASR) – Texte, vendredi.")
    )
    path = seedformat.write_new(tmp_path, undated, "id")  # its mtime is now: no time
    config = SourceConfig(name="inbox", kind="files", path=tmp_path, settle=0)
    (entry,) = make_source(config, HttpConfig(timeout=3)).scan(tmp_path, SourceState()).entries
    assert entry.origin == str(path) and entry.published is None
    article = normalize(entry, fetched=datetime(2026, 11, 21, tzinfo=UTC))
    assert article is not None and article.published.date() == dt.date(2022, 1, 28)


# ------------------------------------------------------------------ article_date and the date line


def test_a_date_of_another_month_does_not_move_the_article_out_of_its_month():
    text = (
        "Depuis le 24 février 2022, l'armée russe a lancé une offensive contre l'Ukraine.\n\n"
        "Les combats continuent dans l'est du pays."
    )
    day = article_date(text, year_month=(2022, 4), fallback=dt.date(2026, 1, 1))
    assert (day.year, day.month) == (2022, 4), day
    assert day == dt.date(2022, 4, 1), "no day of April in the text: the month's first day"
    # Without a date line, the text's date is all there is (as before).
    assert article_date(text, year_month=None, fallback=dt.date(2026, 1, 1)) == dt.date(2022, 2, 24)


def test_a_day_in_the_month_still_refines_the_date_line():
    text = "Paris, 28 janvier (AFP) - Le président s'est entretenu avec son homologue."
    assert article_date(text, year_month=(2022, 1), fallback=dt.date(2026, 1, 1)) == dt.date(
        2022, 1, 28
    )
    # The same dateline in a February file is not February's day.
    assert article_date(text, year_month=(2022, 2), fallback=dt.date(2026, 1, 1)) == dt.date(
        2022, 2, 1
    )


def test_an_other_month_date_first_does_not_hide_the_day_of_the_month():
    text = (
        "Depuis le 24 février 2022, la guerre dure.\n\n"
        "Kiev, ce 12 avril, les habitants reviennent dans les faubourgs."
    )
    assert article_date(text, year_month=(2022, 4), fallback=dt.date(2026, 1, 1)) == dt.date(
        2022, 4, 12
    )
    dateline_before = "Lviv, 28 mars (AFP) - Texte.\n\nUn bilan publié ce 2 avril."
    assert article_date(
        dateline_before, year_month=(2022, 4), fallback=dt.date(2026, 1, 1)
    ) == dt.date(2022, 4, 2)


def test_the_own_day_forms_may_be_a_time_zone_off_the_month():
    """A dateline or "ce 31 mars" names the article's local day, which can be the day
    just before or after the date line's month; a date the article tells of cannot."""
    fallback = dt.date(2026, 1, 1)
    dateline = "Kiev, 31 mars (AFP) – Les combats continuent."
    assert article_date(dateline, year_month=(2022, 4), fallback=fallback) == dt.date(2022, 3, 31)
    today = "Ce 1er mai, les syndicats défilent."
    assert article_date(today, year_month=(2022, 4), fallback=fallback) == dt.date(2022, 5, 1)
    told = "Depuis le 31 mars 2022, les combats continuent."
    assert article_date(told, year_month=(2022, 4), fallback=fallback) == dt.date(2022, 4, 1)
    two_days_off = "Kiev, 30 mars (AFP) – Les combats continuent."
    assert article_date(two_days_off, year_month=(2022, 4), fallback=fallback) == dt.date(
        2022, 4, 1
    )


def test_the_offset_survives_and_a_time_of_the_files_own_is_read_in_utc(tmp_path):
    # 00:30 in Paris on 1 April is 31 March in UTC: the local day is the 1st.
    paris = timezone(timedelta(hours=2))
    when = datetime(2022, 4, 1, 0, 30, tzinfo=paris)
    path = seedformat.write_new(tmp_path, APRIL, "id", published=when)
    _, published = seedformat.read_timed(path)
    assert published is not None and published.isoformat() == "2022-04-01T00:30:00+02:00"
    # A time monitor did not write (a copy, a save by hand: any other fraction of a
    # second) is not a publication time, even inside the month: the text dates it.
    ns = int(datetime(2022, 4, 3, 8, 0, 0, 123456, tzinfo=UTC).timestamp() * 1_000_000) * 1000
    os.utime(path, ns=(ns, ns))
    _, published = seedformat.read_timed(path)
    assert published is None
    # Nor is a fraction that would say an offset of a day or more.
    for code in (0, 2880):
        whole = int(datetime(2022, 4, 3, 8, tzinfo=UTC).timestamp()) * 1_000_000_000
        ns = whole + (code * 100 + 37) * 1000
        os.utime(path, ns=(ns, ns))
        assert seedformat.read_timed(path)[1] is None
