"""Dates in article text: the article's own day, and the day a contact happened.

Two jobs, one vocabulary (lexicon.MONTHS / WEEKDAYS):

* `article_date` finds the publication day: a dateline ("Paris, 28 janvier (TASR)",
  "MOSCOW, Jan 24 (Reuters)"), else "ce 24 janvier" (French for "today, the 24th"), else a
  weekday-and-day form ("on Monday January 24"), else a stamp or numeric date near the
  top. The seed date line gives year and month, and the text only the day within that
  month: a date of another month ("Depuis le 24 février 2022" in April) is one the
  article tells of, and the first day of the month stands when the text has no other
  (a dateline or "ce 31 décembre" may be the day either side of the month: a time zone
  can put the date line's month and the local day apart).
  Without a date line the year is the latest one not after `fallback` in which the day
  falls on the weekday the text names, if it names one.
* `find_dates` lists the date expressions of a sentence; `resolve` turns one into a
  calendar day relative to the publication date, reading weekdays backwards for a past
  event and forwards for a planned one, and day-month dates in the year that puts them
  nearest the publication date (so "le 28 décembre" in an article of 3 January is the
  previous December).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from monitor.extract import vocab
from monitor.extract.lexicon import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS

if TYPE_CHECKING:
    from monitor.extract.gazetteer import Leader


def _words(*keys: str) -> str:
    """Vocabulary keys' phrases, every language, as one alternation (vocab.alternation)."""
    return vocab.alternation(w for key in keys for w in vocab.words(key))


_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:er|e|st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_FR_DATE = (
    r"(?:"
    + _words("DATE_DETERMINERS")
    + r"\s+)?(?:(?P<wd1>"
    + WEEKDAY_RE
    + r")\s+)?"
    + _DAY
    # a range of days is dated by its first: "du 25 au 27 août", "les 9-10 mai"
    + r"(?:\s*(?:au|-|–|et)\s*(?:[12]\d|3[01]|0?[1-9])(?:er|e)?)?"
    + r"\s+(?:"
    + _words("DAY_OF_MONTH")
    + r"\s+)?(?P<month>"
    + MONTH_RE
    + r")"
    r"(?![\w])" + _YEAR
)
_EN_DATE = (
    r"(?:(?P<wd2>" + WEEKDAY_RE + r"),?\s+)?(?P<month2>" + MONTH_RE + r")\.?\s+"
    r"(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    # a range of days is dated by its first: "March 20-22", "May 2 to 4"
    r"(?:\s*[-–]\s*(?:[12]\d|3[01]|0?[1-9])|\s+(?:to|and|through)\s+(?:[12]\d|3[01]|0?[1-9])(?![\d\w:]))?"
    r"(?![\d\w])(?:,?\s+(?P<year2>(?:19|20)\d\d))?"
)


#: Days relative to the article's day, by offset (a key per offset in monitor.extract.vocab).
_OFFSETS = {
    "DAYS_BEFORE_2": -2,
    "DAYS_BEFORE_1": -1,
    "SAME_DAY": 0,
    "DAYS_AFTER_1": 1,
    "DAYS_AFTER_2": 2,
    "ANCHORED_DAY_BEFORE": -1,
    "ANCHORED_SAME_DAY": 0,
    "ANCHORED_DAY_AFTER": 1,
}
_RELATIVE = {w: offset for key, offset in _OFFSETS.items() for w in vocab.words(key)}
#: Relative to the event just told, not to the article's day: "La veille, ..."
_ANCHORED = frozenset(
    w for key in _OFFSETS if key.startswith("ANCHORED_") for w in vocab.words(key)
)
_REL_RE = _words(*_OFFSETS)
#: A weekday pointed back or forward: "last Monday", "samedi dernier", "lundi prochain".
_DIRECTIONS = {
    w: direction
    for key, direction in (
        ("WEEKDAY_PAST_BEFORE", "past"),
        ("WEEKDAY_PAST_AFTER", "past"),
        ("WEEKDAY_NEXT_BEFORE", "future"),
        ("WEEKDAY_NEXT_AFTER", "future"),
    )
    for w in vocab.words(key)
}
_PRE_WEEKDAY = ("WEEKDAY_PAST_BEFORE", "WEEKDAY_NEXT_BEFORE", "WEEKDAY_THIS")
_WEEKDAY_FORM = (
    r"(?:(?P<pre>" + _words(*_PRE_WEEKDAY) + r")\s+)?(?P<wd>" + WEEKDAY_RE + r")"
    r"(?:\s+(?P<post>"
    + _words("WEEKDAY_PAST_AFTER", "WEEKDAY_NEXT_AFTER", "WEEKDAY_TIME_AFTER")
    + "))?"
)
# How a date expression can start: a day number, or the first two letters of a
# determiner ("ce", "le"), a weekday, a month, a relative word or a word before a weekday
# ("last", "ce"). Python's re has no fast scan for a case-insensitive alternation (it
# tries every branch, each a long list of names, at every word); this lookahead, a
# superset of the possible starts, rejects most words at once without changing any
# match. Built from the same tables as the pattern, so it follows them when they change.
_MENTION_STARTS: dict[str, set[str]] = {}
for _pair in vocab.first_two(
    (
        *vocab.words("DATE_DETERMINERS"),
        *(w for key in _PRE_WEEKDAY for w in vocab.words(key)),
        *_RELATIVE,
    )
) | {w[:2].lower() for w in (*WEEKDAYS, *MONTHS)}:
    _MENTION_STARTS.setdefault(_pair[0], set()).add(_pair[1])
del _pair
_MENTION_AHEAD = (
    "(?=[0-9]|"
    + "|".join(
        re.escape(first) + "[" + "".join(re.escape(c) for c in sorted(seconds)) + "]"
        for first, seconds in sorted(_MENTION_STARTS.items())
    )
    + ")"
)
_MENTION = re.compile(
    r"\b(?<![\w-])"
    + _MENTION_AHEAD
    + r"(?:(?P<fr>"
    + _FR_DATE
    + r")|(?P<en>"
    + _EN_DATE
    + r")|(?P<rel>"
    + _REL_RE
    + r")"
    r"|" + _WEEKDAY_FORM + r")(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class DateMention:
    """A date expression in a sentence, not yet tied to a year or a direction.

    kind: "absolute" (day and month, maybe year), "weekday", or "relative" (days offset).
    direction: "past" for "samedi dernier"/"last Monday", "future" for "prochain"/"next".
    """

    start: int
    end: int
    kind: str
    day: int = 0
    month: int = 0
    year: int | None = None
    weekday: int | None = None
    offset: int = 0
    direction: str | None = None
    anchored: bool = False


def find_dates(text: str) -> list[DateMention]:
    """Date expressions of text, in order."""
    out: list[DateMention] = []
    for m in _MENTION.finditer(text):
        if m.group("fr"):
            out.append(
                _absolute(m, m.group("day"), m.group("month"), m.group("year"), m.group("wd1"))
            )
        elif m.group("en"):
            out.append(
                _absolute(m, m.group("day2"), m.group("month2"), m.group("year2"), m.group("wd2"))
            )
        elif m.group("rel"):
            key = re.sub(r"\s+", " ", m.group("rel").lower())
            out.append(
                DateMention(
                    start=m.start(),
                    end=m.end(),
                    kind="relative",
                    offset=_RELATIVE.get(key, 0),
                    anchored=key in _ANCHORED,
                )
            )
        elif m.group("wd"):
            marker = (m.group("pre") or m.group("post") or "").lower()
            direction = _DIRECTIONS.get(marker)
            out.append(
                DateMention(
                    start=m.start(),
                    end=m.end(),
                    kind="weekday",
                    weekday=WEEKDAYS[m.group("wd").lower()],
                    direction=direction,
                )
            )
    return [d for d in out if d.kind != "absolute" or d.month]


def _absolute(
    m: re.Match[str], day: str, month: str, year: str | None, weekday: str | None
) -> DateMention:
    return DateMention(
        start=m.start(),
        end=m.end(),
        kind="absolute",
        day=int(day),
        month=MONTHS.get(month.lower(), MONTHS.get(month.lower().rstrip("."), 0)),
        year=int(year) if year else None,
        weekday=WEEKDAYS[weekday.lower()] if weekday else None,
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(
    mention: DateMention,
    published: dt.date,
    *,
    planned: bool | None,
    anchor: dt.date | None = None,
) -> dt.date | None:
    """The calendar day a mention names, seen from an article published on `published`.

    planned: True reads a bare weekday forwards, False backwards, None (tense unknown,
    "Macron se rend lundi à Moscou") takes the nearer of the two.
    """
    try:
        if mention.kind == "relative":
            base = anchor if mention.anchored and anchor else published
            return base + dt.timedelta(days=mention.offset)
        if mention.kind == "weekday" and mention.weekday is not None:
            if planned is None and mention.direction is None:
                ahead = (mention.weekday - published.weekday()) % 7
                behind = (published.weekday() - mention.weekday) % 7
                return published + dt.timedelta(days=ahead if ahead <= behind else -behind)
            direction = mention.direction or ("future" if planned else "past")
            delta = (mention.weekday - published.weekday()) % 7
            if direction == "future":
                # "lundi prochain" written on a Monday is a week on; a plain "lundi"
                # for a planned event written on a Monday is that day.
                if mention.direction == "future" and delta == 0:
                    delta = 7
                return published + dt.timedelta(days=delta)
            back = (published.weekday() - mention.weekday) % 7
            if mention.direction == "past" and back == 0:
                back = 7  # "samedi dernier" written on a Saturday is a week ago
            return published - dt.timedelta(days=back)
        if mention.kind == "absolute":
            if mention.year:
                return _safe_date(mention.year, mention.month, mention.day)
            options = [
                d
                for y in (published.year - 1, published.year, published.year + 1)
                if (d := _safe_date(y, mention.month, mention.day))
            ]
            nearest = min(options, key=lambda d: abs((d - published).days), default=None)
            if (
                planned is False
                and nearest is not None
                and nearest > published + dt.timedelta(days=7)
            ):
                # told as past ("met Erdogan on May 2", written in December): this year's,
                # not next; a day just ahead is more likely told in the present
                return max((d for d in options if d <= published), default=nearest)
            return nearest
    except OverflowError:
        return None
    return None


# ---------------------------------------------------------------- publication date

_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Ý][\w.'’ ()-]{1,40}?,?\s+)?(?:le\s+)?(?:(?:" + WEEKDAY_RE + r"),?\s+)?"
    r"(?:(?P<day>[12]\d|3[01]|0?[1-9])(?:er)?\s+(?P<month>" + MONTH_RE + r")"
    r"|(?P<month2>" + MONTH_RE + r")\.?\s+(?P<day2>[12]\d|3[01]|0?[1-9]))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*(?:\(|[-–—/]|$)",
    re.IGNORECASE,
)
_TODAY_FR = re.compile(
    r"\b(?<!-)"
    + _words("TODAY_DETERMINERS")
    + r"\s+(?:(?:"
    + WEEKDAY_RE
    + r")\s+)?(?P<day>[12]\d|3[01]|0?[1-9])(?:er)?\s+"
    r"(?P<month>" + MONTH_RE + r")(?![\w])(?:\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_TODAY_NEEDLES = tuple(w + " " for w in vocab.words("TODAY_DETERMINERS"))
_WEEKDAY_DAY = re.compile(
    r"\b(?<!-)(?:" + WEEKDAY_RE + r"),?\s+(?:(?P<day>[12]\d|3[01]|0?[1-9])(?:er)?\s+"
    r"(?P<month>" + MONTH_RE + r")|(?P<month2>" + MONTH_RE + r")\.?\s+"
    r"(?P<day2>[12]\d|3[01]|0?[1-9]))(?![\w])(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_WEEKDAY_NAMES = tuple(WEEKDAYS)
_NUMERIC_DATE = re.compile(
    r"\b(?:(?P<d>[12]\d|3[01]|0?[1-9])[/.](?P<m>1[0-2]|0?[1-9])[/.](?P<y>(?:19|20)\d\d)"
    r"|(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d))\b"
)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_ANY_WEEKDAY = re.compile(r"\b(?<![\w-])(" + WEEKDAY_RE + r")(?![\w-])", re.IGNORECASE)


def article_date(text: str, *, year_month: tuple[int, int] | None, fallback: dt.date) -> dt.date:
    """The article's own publication day (see the module docstring).

    With a date line (`year_month`), the text only chooses the day within that month:
    the first day it gives that falls in the month, else the month's first day. A date
    of another month is what the article tells of ("Depuis le 24 février 2022, ..." in
    an April article), never its own day. A dateline or "ce 31 décembre" (forms that
    name the article's own day) may also be the day just before or after the month:
    the date line's month and the dateline's local day can be a time zone apart
    (an article of 31 December, 23:00 in New York is in a UTC January).
    Without a date line, the first day the text gives, else `fallback`.
    """
    if isinstance(fallback, dt.datetime):
        fallback = fallback.date()
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()][:4]
    first = last = None
    if year_month:
        first = _safe_date(year_month[0], year_month[1], 1)
        if first:
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    for day, month, year, context, own_day in _day_mentions(text, paragraphs):
        resolved = (
            _pick_year(day, month, year, context, year_month, fallback, text) if month else None
        )
        if year_month is None:
            # No month to check it against: the first mention decides, as it always has.
            return resolved or fallback
        if resolved is None or first is None or last is None:
            continue
        edge = dt.timedelta(days=1 if own_day else 0)
        if first - edge <= resolved <= last + edge:
            return resolved
    return first or fallback


def _day_mentions(
    text: str, paragraphs: list[str]
) -> Iterator[tuple[int, int, int | None, str, bool]]:
    """(day, month, year or None, context, own_day) of the dates that may be the
    article's, most telling first: a dateline, "ce 24 janvier" (these two name the
    article's own day: own_day), "lundi 24 janvier", a stamp with its year near the top,
    a numeric date near the top. Month 0: not a month. Lazy: the caller mostly needs
    the first only."""
    for p in paragraphs:
        m = _DATELINE.match(p)
        if m:
            yield (
                int(m.group("day") or m.group("day2")),
                MONTHS.get((m.group("month") or m.group("month2")).lower().rstrip("."), 0)
                or MONTHS.get((m.group("month") or m.group("month2")).lower(), 0),
                int(m.group("year")) if m.group("year") else None,
                p,
                True,
            )
    head = text[:6000]
    lowered = head.lower()
    # Candidate positions by plain substring search (C speed), the regex only where one
    # starts: a case-insensitive alternation tried at every word of the article was the
    # slow part.
    today = (
        (hit, True)
        for at in _positions(lowered, _TODAY_NEEDLES)
        if (hit := _TODAY_FR.match(head, at))
    )
    weekday = (
        (hit, False)
        for at in _positions(lowered, _WEEKDAY_NAMES)
        if (hit := _WEEKDAY_DAY.match(head, at))
    )
    for m, own_day in itertools.chain(today, weekday):
        month = (m.group("month") or m.groupdict().get("month2") or "").lower()
        day = m.group("day") or m.groupdict().get("day2") or "0"
        context = next((p for p in paragraphs if m.group(0) in p), m.group(0))
        yield (
            int(day),
            MONTHS.get(month, MONTHS.get(month.rstrip("."), 0)),
            int(m.group("year")) if m.group("year") else None,
            context,
            own_day,
        )
    if _YEAR_DIGITS.search(text, 0, 300):
        # A stamp with its year near the top: "Publié le 2 février 2022", "February 2,
        # 2022", "24/01/2022", "2022-01-24". (Only absolute dates with a year count, and
        # a year is "19" or "20" and two digits: without one, find_dates is not run.)
        for mention in find_dates(text[:300]):
            if mention.kind == "absolute" and mention.year:
                yield (mention.day, mention.month, mention.year, "", False)
    for m in _NUMERIC_DATE.finditer(text[:400]):
        if m.group("iso_y"):
            y, mo, d = int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))
        else:
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        yield (d, mo if 1 <= mo <= 12 else 0, y, "", False)


def _positions(lowered: str, needles: tuple[str, ...]) -> list[int]:
    """Start offsets of each needle in lowered, at word starts, in order."""
    found = []
    for needle in needles:
        at = lowered.find(needle)
        while at != -1:
            if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] in "-_"):
                found.append(at)
            at = lowered.find(needle, at + 1)
    return sorted(found)


def _pick_year(
    day: int,
    month: int,
    year: int | None,
    context: str,
    year_month: tuple[int, int] | None,
    fallback: dt.date,
    text: str,
) -> dt.date | None:
    if year:
        return _safe_date(year, month, day)
    if year_month:
        anchor = _safe_date(year_month[0], year_month[1], 15)
        if anchor is None:
            return None
        options = [
            d
            for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (d := _safe_date(y, month, day))
        ]
        return min(options, key=lambda d: abs((d - anchor).days), default=None)
    candidates = [
        d
        for y in range(fallback.year, fallback.year - 30, -1)
        if (d := _safe_date(y, month, day)) and d <= fallback
    ]
    if not candidates:
        return None
    # A weekday named beside the dateline pins the year: "Paris, 28 janvier" with
    # "vendredi" is 2022, the latest year in which 28 January was a Friday. Then the
    # leaders the article names: a year in which they all held office beats one in
    # which they did not.
    weekdays = {WEEKDAYS[w.group(1).lower()] for w in _ANY_WEEKDAY.finditer(context)}
    people = _named_leaders(text, fallback)
    return max(
        candidates,
        key=lambda d: (
            d.weekday() in weekdays,
            sum(1 for p in people if p.distance(d) == 0),
            d,
        ),
    )


def _named_leaders(text: str, day: dt.date) -> list[Leader]:
    # Imported here: leaders.py loads the gazetteer, which only this rare path needs.
    from monitor.extract.leaders import find_names, gazetteer
    from monitor.extract.phrases import tokenize

    g = gazetteer()
    head = text[:6000]
    labels = {label for m in find_names(head, tokenize(head), day) for label in m.leaders}
    return [g.by_label[label] for label in sorted(labels) if label in g.by_label]
