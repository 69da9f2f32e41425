"""Publication dates from feeds and pages: parsed right, with the publisher's offset kept.

feedparser turns every date into a UTC time tuple, which loses the publisher's local day
(``Thu, 03 Feb 2022 00:30:00 +0100`` is a Thursday article, although 2 February in UTC),
and it misreads or drops common real-world forms (``CET`` read as UTC, French month
names, day-first numeric dates, IANA zone names). :func:`parse_date` returns an aware
datetime carrying the offset the string gives.

How a string is read:

1. Fast path, standard library only, for the two forms nearly every feed uses: RFC 822 /
   RFC 2822 (a compiled regex: optional weekday, English month abbreviation, 2- or
   4-digit year, optional seconds, numeric offset or zone name) and ISO 8601 / W3C-DTF /
   RFC 3339 (``datetime.fromisoformat``). A few microseconds each.
2. Otherwise the string is tidied (leading weekday and "Publié le"-style label removed,
   a trailing IANA zone name such as ``Europe/Paris`` taken off and resolved with
   zoneinfo, ``GMT+1`` read as UTC+1) and given to the fast path again, then to
   python-dateutil's parser with a small :class:`dateutil.parser.parserinfo` holding
   French month and weekday names as data.

Why dateutil and not dateparser: dateutil's parser is a deterministic tokenizer with no
notion of relative dates ("hier", "2 hours ago", "today" are simply not dates to it), it
is imported in about 20 ms and parses in tens of microseconds, and it already comes with
trafilatura/htmldate/sqlite-utils. dateparser knows more languages, but it reads relative
dates against the wall clock, fills a missing year from today's date, resolves ``IST`` to
Israel, cannot read ``Europe/Paris`` after a time, takes about 60 ms to import plus
about 300 ms for its first call, then about 1 ms a call. The things dateutil would do on
its own that depend on when or where the code runs are turned off here:

* a missing year, month or day is never filled from a default date: such a string is
  not a date (``None``), checked in :meth:`_Info.validate`;
* two-digit years follow RFC 2822 section 4.3 (00-49: 20xx, 50-99: 19xx), not a window
  around the current year;
* zone names always go through our table (``tzinfos`` callable), never through the
  machine's local zone (dateutil otherwise uses ``time.tzname``).

Documented choices:

* No zone in the string (any form, date only included): ``default_tz``, the source's
  configured zone (UTC unless told). A date alone is midnight in ``default_tz``; the app
  marks such a date's time as unknown elsewhere.
* A zone abbreviation maps to a fixed offset (:data:`ZONE_ABBREVIATIONS`). Ambiguous ones:
  ``IST`` is India (+05:30), the most common user in English-language news feeds
  (Irish summer time and Israel Standard Time are the others); ``BST`` is British Summer
  Time (+01:00), ``CST``/``CDT`` US Central. One exception: when ``default_tz`` itself
  calls that local time by that abbreviation, its offset wins (a source configured as
  ``Europe/Dublin`` reading ``IST`` in summer gets +01:00, ``Asia/Jerusalem`` +02:00,
  ``Asia/Shanghai`` reading ``CST`` +08:00).
* An unknown zone abbreviation (``XYZ``, military letters other than Z): ``None``.
  The wall time is there but the instant is not, and a guessed instant is worse than no
  date.
* A numeric offset wins over a zone name next to it (``+0100 (CET)``).
* An IANA zone name gives that zone's real offset at that instant (DST included); the
  result carries the ZoneInfo. A wall time repeated or skipped by a DST change takes
  fold=0 (the offset before the change).
* Day-first for numeric dates (``03/02/2022`` is 3 February, as French sites write);
  a month-first date that cannot be day-first (``12/25/2022``) is read month-first;
  year-first (``2022/02/03``) is year-month-day.
* A weekday that does not match the date is ignored (the date wins), as feedparser does.
* Dates before 1900 are kept (the caller judges plausibility); only what datetime cannot
  hold (year 0, year 99999, an instant not convertible to UTC) or an impossible date
  (31 February) gives ``None``. ``parse_date`` never raises.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["ZONE_ABBREVIATIONS", "parse_date"]

# --------------------------------------------------------------------------- zone names


def _zone(name: str, hours: int, minutes: int = 0) -> timezone:
    return timezone(timedelta(hours=hours, minutes=minutes if hours >= 0 else -minutes), name)


#: Zone abbreviation -> fixed offset. Ambiguous names: see the module docstring.
ZONE_ABBREVIATIONS: dict[str, tzinfo] = {
    "UT": UTC,
    "UTC": UTC,
    "GMT": UTC,
    "Z": UTC,
    # North America (RFC 822 names and a few more)
    "EST": _zone("EST", -5),
    "EDT": _zone("EDT", -4),
    "CST": _zone("CST", -6),
    "CDT": _zone("CDT", -5),
    "MST": _zone("MST", -7),
    "MDT": _zone("MDT", -6),
    "PST": _zone("PST", -8),
    "PDT": _zone("PDT", -7),
    "AKST": _zone("AKST", -9),
    "AKDT": _zone("AKDT", -8),
    "HST": _zone("HST", -10),
    # Europe
    "WET": _zone("WET", 0),
    "WEST": _zone("WEST", 1),
    "BST": _zone("BST", 1),
    "CET": _zone("CET", 1),
    "CEST": _zone("CEST", 2),
    "MEZ": _zone("MEZ", 1),
    "MESZ": _zone("MESZ", 2),
    "EET": _zone("EET", 2),
    "EEST": _zone("EEST", 3),
    "MSK": _zone("MSK", 3),
    # Africa
    "WAT": _zone("WAT", 1),
    "CAT": _zone("CAT", 2),
    "EAT": _zone("EAT", 3),
    # Asia, Oceania
    "IST": _zone("IST", 5, 30),
    "HKT": _zone("HKT", 8),
    "SGT": _zone("SGT", 8),
    "AWST": _zone("AWST", 8),
    "JST": _zone("JST", 9),
    "KST": _zone("KST", 9),
    "AEST": _zone("AEST", 10),
    "AEDT": _zone("AEDT", 11),
    "NZST": _zone("NZST", 12),
    "NZDT": _zone("NZDT", 13),
}


class _UnknownZone(Exception):
    """A zone abbreviation that is not in ZONE_ABBREVIATIONS."""


def _named_zone(name: str, naive: datetime, default_tz: tzinfo) -> tzinfo | None:
    """The zone for an abbreviation at a local time, or None when unknown.

    default_tz wins when it calls that local time by that very name (IST in
    Europe/Dublin's summer, CST in Asia/Shanghai)."""
    name = name.upper()
    zone = ZONE_ABBREVIATIONS.get(name)
    if zone is None or zone is UTC:
        return zone
    try:
        if default_tz.tzname(naive) == name:
            offset = default_tz.utcoffset(naive)
            if offset is not None and offset != zone.utcoffset(None):
                return timezone(offset, name)
    except Exception:  # a caller's odd tzinfo: the table stands
        pass
    return zone


@functools.lru_cache(maxsize=512)
def _offset_zone(sign: str, hours: int, minutes: int) -> tzinfo:
    if not hours and not minutes:
        return UTC
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if sign == "-" else offset)


@functools.lru_cache(maxsize=128)
def _iana_zone(key: str) -> tzinfo | None:
    try:
        return ZoneInfo(key)
    except Exception:  # ZoneInfoNotFoundError, ValueError (bad key), OSError
        return None


# --------------------------------------------------------------------------- fast path

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}

_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun),?\s*)?"
    r"(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{4}|\d{2})"
    r"\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*(?:([+-])(\d{2}):?(\d{2})|([a-z]{1,5})))?",
    re.IGNORECASE | re.ASCII,
)

_MISS: Any = object()  # the fast path cannot tell: try the slow one


def _two_digit_year(year: int) -> int:
    """RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999."""
    return year + (2000 if year < 50 else 1900)


def _fast(text: str, default_tz: tzinfo) -> datetime | None:
    """RFC 822 or ISO 8601; _MISS when the text is neither (or is an unusual variant)."""
    match = _RFC822.fullmatch(text)
    if match is not None:
        day, month, year, hour, minute, second, sign, tz_h, tz_m, name = match.groups()
        number = int(year)
        if len(year) == 2:
            number = _two_digit_year(number)
        try:
            naive = datetime(
                number, _MONTHS[month.lower()], int(day), int(hour), int(minute), int(second or 0)
            )
        except ValueError:
            return None
        if sign is not None:
            if int(tz_m) >= 60 or int(tz_h) >= 24:
                return None
            zone: tzinfo | None = _offset_zone(sign, int(tz_h), int(tz_m))
        elif name is not None:
            zone = _named_zone(name, naive, default_tz)
            if zone is None:
                return None
        else:
            zone = default_tz
        return naive.replace(tzinfo=zone)
    if len(text) >= 8 and text[:4].isdigit() and text[4] in "-0123456789":
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            try:
                parsed = datetime.fromisoformat(text.upper())  # "t" and "z" in lower case
            except ValueError:
                return _MISS
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=default_tz)
    return _MISS


# --------------------------------------------------------------------------- slow path

# A leading weekday, English or French. "mar" (mardi) only with a dot or comma, since
# "Mar 3, 2022" is March.
_WEEKDAY_PREFIX = re.compile(
    r"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|lun|mer|jeu|ven|sam|dim|mon|tues?|wed|thu(?:rs?)?"
    r"|fri|sat|sun)\.?|mar(?:\.|(?=,)))(?:\s*,\s*|\s+)",
    re.IGNORECASE,
)
# What pages put before a date.
_LABEL_PREFIX = re.compile(
    r"^(?:publié|publie|mis à jour|mis a jour|modifié|modifie|mise à jour|"
    r"published|updated|posted)(?:\s+(?:le|on))?\s*:?\s*",
    re.IGNORECASE,
)
_LE_PREFIX = re.compile(r"^le\s+", re.IGNORECASE)
# A trailing IANA zone name: "Europe/Paris", "America/Argentina/Buenos_Aires", "(Etc/GMT-3)".
_IANA_SUFFIX = re.compile(r"\s+\(?([A-Za-z]+(?:/[A-Za-z0-9_+-]+)+)\)?$")
# "GMT+1", "UTC+01:00", "UT-0500": an offset from UTC (dateutil would read the POSIX way).
_UTC_PLUS = re.compile(r"(?<![A-Za-z])(?:GMT|UTC|UT)\s*(?=[+-]\d)")
# French times: "10h30", "10 h 30", "18h" -> "10:30", "18:00".
_FRENCH_TIME = re.compile(r"(?<!\w)(\d{1,2})\s*h\s*(\d{2})?(?!\w)")
# "à" without its accent before a time: dateutil would take "a" for a.m.
_BARE_A = re.compile(r"(?<=\s)a(?=\s+\d)")
# A trailing zone abbreviation in lower or mixed case ("10:30 cet", "utc").
_NAME_SUFFIX = re.compile(r"(?<=[\s\d])\(?([A-Za-z]{1,5})\)?$")
_YEAR_FIRST = re.compile(r"\d{4}\D")

_MAX_LENGTH = 200  # no date string is longer; bounds the work on junk


def _slow(text: str, default_tz: tzinfo) -> datetime | None:
    text = " ".join(text.split())  # also NBSP and narrow NBSP (French "10 h 30")
    if text[:1].isalpha():  # labels and weekdays in front of the date
        text = _LABEL_PREFIX.sub("", text, count=1)
        text = _LE_PREFIX.sub("", text, count=1)
        text = _WEEKDAY_PREFIX.sub("", text, count=1)
        text = _LE_PREFIX.sub("", text, count=1)  # "jeudi le 3 février"
    match = _IANA_SUFFIX.search(text)
    zone = default_tz
    if match is not None:
        iana = _iana_zone(match.group(1))
        if iana is None:
            return None
        zone = iana
        text = text[: match.start()]
    text = _UTC_PLUS.sub("", text)
    match = _NAME_SUFFIX.search(text)
    if match is not None and not match.group(1).isupper():
        name = match.group(1).upper()
        if name in ZONE_ABBREVIATIONS:
            text = f"{text[: match.start()]}{name}"
    text = _BARE_A.sub("à", text)
    text = _FRENCH_TIME.sub(_colon_time, text)
    if not text:
        return None
    result = _fast(text, zone)
    if result is not _MISS:
        return result
    return _dateutil(text, zone)


def _colon_time(match: re.Match[str]) -> str:
    return f"{match.group(1)}:{match.group(2) or '00'}"


def _dateutil(text: str, default_tz: tzinfo) -> datetime | None:
    parser = _parser()
    year_first = _YEAR_FIRST.match(text) is not None

    def tzinfos(name: str | None, offset: int | None) -> tzinfo | None:
        if offset is not None:
            if name is not None and ZONE_ABBREVIATIONS.get(name.upper()) is UTC:
                return UTC
            return timezone(timedelta(seconds=offset)) if offset else UTC
        if name is None:
            return None
        zone = ZONE_ABBREVIATIONS.get(name.upper())
        if zone is None:
            raise _UnknownZone(name)
        return zone

    try:
        parsed: datetime = parser.parse(
            text,
            default=_DEFAULT,
            tzinfos=tzinfos,
            dayfirst=not year_first,
            yearfirst=year_first,
        )
    except (_UnknownZone, ValueError, OverflowError, TypeError, IndexError):
        return None  # dateutil's ParserError is a ValueError
    naive = parsed.replace(tzinfo=None)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=default_tz)
    name = parsed.tzname()
    if name is not None and parsed.tzinfo is ZONE_ABBREVIATIONS.get(name):
        zone = _named_zone(name, naive, default_tz)  # the default_tz exception
        if zone is not None:
            return naive.replace(tzinfo=zone)
    return parsed


# Only used for fields the string gives no value for, which is the time of day: every
# result has a year, month and day from the string (_Info.validate).
_DEFAULT = datetime(2000, 1, 1)


@functools.cache
def _parser() -> Any:
    """dateutil's parser with French names; imported on first use (about 20 ms)."""
    from dateutil import parser as dateutil_parser

    class _Info(dateutil_parser.parserinfo):
        JUMP = (*dateutil_parser.parserinfo.JUMP, "er", "le", "à")
        WEEKDAYS = (
            ("Mon", "Monday", "lundi", "lun"),
            ("Tue", "Tuesday", "Tues", "mardi"),  # not "mar": March
            ("Wed", "Wednesday", "mercredi", "mer"),
            ("Thu", "Thursday", "Thurs", "jeudi", "jeu"),
            ("Fri", "Friday", "vendredi", "ven"),
            ("Sat", "Saturday", "samedi", "sam"),
            ("Sun", "Sunday", "dimanche", "dim"),
        )
        MONTHS = (
            ("Jan", "January", "janvier", "janv"),
            ("Feb", "February", "février", "févr", "fév", "fevrier", "fevr", "fev"),
            ("Mar", "March", "mars"),
            ("Apr", "April", "avril", "avr"),
            ("May", "mai"),
            ("Jun", "June", "juin"),
            ("Jul", "July", "juillet", "juil"),
            ("Aug", "August", "août", "aout", "aoû"),
            ("Sep", "Sept", "September", "septembre"),
            ("Oct", "October", "octobre"),
            ("Nov", "November", "novembre"),
            ("Dec", "December", "décembre", "déc", "decembre"),
        )

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                return _two_digit_year(year)
            return year

        def validate(self, res: Any) -> bool:
            # A year, a month and a day from the string itself, or it is not a date:
            # dateutil would fill them from the default (today's date).
            if res.year is None or res.month is None or res.day is None:
                return False
            return bool(super().validate(res))

    return dateutil_parser.parser(_Info())


# --------------------------------------------------------------------------- API


def parse_date(raw: str | None, *, default_tz: tzinfo = UTC) -> datetime | None:
    """An aware datetime for a feed or page date string, with the offset the string gives
    (not converted to UTC); default_tz where the string gives no zone; None when it is
    not a date.

    >>> parse_date("Thu, 03 Feb 2022 00:30:00 +0100").isoformat()
    '2022-02-03T00:30:00+01:00'
    >>> parse_date("jeudi 3 février 2022 à 10h30").isoformat()
    '2022-02-03T10:30:00+00:00'
    >>> parse_date("hier") is None
    True
    """
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if not text or len(text) > _MAX_LENGTH:
        return None
    try:
        result = _fast(text, default_tz)
        if result is _MISS:
            result = _slow(text, default_tz)
        if result is not None and (result.year <= 1 or result.year >= 9999):
            result.astimezone(UTC)  # OverflowError when the instant is not representable
    except (ValueError, OverflowError):
        return None
    return result
