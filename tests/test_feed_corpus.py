"""Feeds written the way real publishers write them, against what a careful reader keeps.

tests/data/feeds/ holds one small feed per publishing convention (Le Monde's RSS with
Media RSS, WordPress's RSS2 template, Atom, JSON Feed 1.1, Google News, undated items,
odd time zones, HTML escaped twice, the same story under several guids and links), and
expected.yaml says, item by item, the title, text, canonical URL, date and source
field of the Article that normalize() must make of it (its header explains each field).

Each item is its own test (``test_item[<file>#<index>]``), which lists every field that
differs, with a diff of the text. test_same_story and test_different_stories check the
uids across the whole corpus. test_expected_is_consistent checks the YAML itself, so
that a hand edit cannot make it contradict itself.
"""

from __future__ import annotations

import difflib
import functools
import itertools
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from monitor.article import normalize
from monitor.sources.base import SourceState
from monitor.sources.feed import parse_feed
from monitor.store import Store

FEEDS = Path(__file__).parent / "data" / "feeds"
EXPECTED: dict[str, Any] = yaml.safe_load((FEEDS / "expected.yaml").read_text(encoding="utf-8"))
FILES: dict[str, list[dict[str, Any]]] = EXPECTED["files"]
SAME_STORY: list[list[tuple[str, int]]] = [
    [(name, index) for name, index in group] for group in EXPECTED["same_story"]
]

#: When every item is read; an item without a date of its own is dated so.
FETCHED = datetime(2022, 6, 1, 12, 0, tzinfo=UTC)

FIELDS = ("title", "text", "url", "published", "published_exact", "day", "text_field")
OPTIONAL = ("not_in_text", "note")
TEXT_FIELDS = {
    "content:encoded",
    "description",
    "atom:content",
    "atom:summary",
    "json:content_html",
    "json:content_text",
    "json:summary",
    "media:description",
    None,
}


def feed_url(name: str) -> str:
    return f"https://news.example.org/feeds/{name}"


@dataclass(frozen=True)
class Read:
    """What parse_feed and normalize made of one file, or how they failed."""

    articles: tuple[Any, ...] = ()  # Article | None, one per entry
    problems: tuple[str, ...] = ()
    error: str | None = None


@functools.cache
def read(name: str) -> Read:
    body = (FEEDS / name).read_bytes()
    try:
        entries, problems = parse_feed(body, source=Path(name).stem, url=feed_url(name))
        articles = tuple(normalize(entry, fetched=FETCHED) for entry in entries)
    except Exception as exc:  # reported by every item of the file, as a failure
        return Read(error=f"{type(exc).__name__}: {exc}")
    return Read(articles=articles, problems=problems)


def article_at(name: str, index: int) -> Any:
    """The index-th article of the file, or a pytest failure saying why there is none."""
    result = read(name)
    if result.error is not None:
        pytest.fail(f"{name}: reading the feed failed: {result.error}", pytrace=False)
    if index >= len(result.articles):
        pytest.fail(
            f"{name}: {len(result.articles)} entries read, {len(FILES[name])} expected; "
            f"no item {index} (problems: {list(result.problems)})",
            pytrace=False,
        )
    article = result.articles[index]
    if article is None:
        pytest.fail(f"{name}#{index}: normalize() returned None", pytrace=False)
    return article


def observed(article: Any) -> dict[str, Any]:
    """The article's values for the fields of expected.yaml."""
    published = article.published
    if isinstance(published, datetime) and published.tzinfo is not None:
        when, day = published.isoformat(), published.date().isoformat()
    else:
        when = day = f"<not an aware datetime: {published!r}>"
    return {
        "title": article.title,
        "text": article.text,
        "url": article.url,
        "published": when,
        "published_exact": article.published_exact,
        "day": day,
        "text_field": getattr(article, "text_field", "<Article has no text_field>"),
    }


def text_diff(expected: str, got: str) -> str:
    def lines(text: str) -> list[str]:
        return [line.replace("\xa0", "\\xa0") for line in text.split("\n")]

    diff = difflib.unified_diff(lines(expected), lines(got), "expected", "got", lineterm="", n=1)
    return "\n".join("      " + line for line in diff)


def report(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """One entry per field that differs, each readable on its own (values as repr, so
    that a no-break space shows as \\xa0)."""
    lines = []
    for field in FIELDS:
        if got[field] == want[field]:
            continue
        if field == "text" and isinstance(got[field], str):
            lines.append(f"  text differs:\n{text_diff(want[field], got[field])}")
        else:
            lines.append(f"  {field}:\n    expected {want[field]!r}\n    got      {got[field]!r}")
    for needle in want.get("not_in_text", ()):
        for field in ("title", "text"):
            if isinstance(got[field], str) and needle in got[field]:
                lines.append(f"  {field} holds {needle!r}, which is not this article's")
    return lines


ITEMS = [
    pytest.param(name, index, id=f"{name}#{index}")
    for name, items in FILES.items()
    for index in range(len(items))
]


@pytest.mark.parametrize(("name", "index"), ITEMS)
def test_item(name: str, index: int) -> None:
    want = FILES[name][index]
    got = observed(article_at(name, index))
    lines = report(want, got)
    if lines:
        note = f" ({want['note']})" if "note" in want else ""
        pytest.fail(f"{name}#{index}{note}:\n" + "\n".join(lines), pytrace=False)


@pytest.mark.parametrize("name", list(FILES))
def test_item_count(name: str) -> None:
    result = read(name)
    if result.error is not None:
        pytest.fail(f"{name}: reading the feed failed: {result.error}", pytrace=False)
    if len(result.articles) != len(FILES[name]):
        titles = [getattr(article, "title", None) for article in result.articles]
        pytest.fail(
            f"{name}: {len(result.articles)} entries, {len(FILES[name])} expected; titles read: "
            f"{titles}; problems: {list(result.problems)}",
            pytrace=False,
        )


def uid_of(name: str, index: int) -> str | None:
    """The stored article the item became, once every file of the corpus has been polled
    into one store (each file a source, in the table's order): two items are one story
    when they are stored as one, by link, guid or an older release's uid."""
    result = read(name)
    if result.error is not None or index >= len(result.articles):
        return None
    article = result.articles[index]
    if article is None:
        return None
    known = stored_corpus().known_sources([k for k in (article.uid, article.guid_key) if k])
    hit = known.get(article.uid) or (known.get(article.guid_key) if article.guid_key else None)
    return hit[0] if hit else None


@functools.cache
def stored_corpus() -> Store:
    store = Store(Path(":memory:"))
    for name in FILES:
        result = read(name)
        articles = [a for a in result.articles if a is not None]
        store.record_poll(
            Path(name).stem, SourceState(), articles, now=FETCHED, baseline=False, next_poll=None
        )
    return store


def describe(name: str, index: int) -> str:
    return f"{name}#{index} {FILES[name][index]['title']!r}"


@pytest.mark.parametrize(
    "group",
    [
        pytest.param(group, id="+".join(f"{name}#{index}" for name, index in group))
        for group in SAME_STORY
    ],
)
def test_same_story(group: list[tuple[str, int]]) -> None:
    uids = {(name, index): uid_of(name, index) for name, index in group}
    missing = [f"{name}#{index}" for (name, index), uid in uids.items() if uid is None]
    if missing:
        pytest.fail(f"no article for {missing} (see test_item_count)", pytrace=False)
    if len(set(uids.values())) > 1:
        lines = [f"  {uid}  {describe(name, index)}" for (name, index), uid in uids.items()]
        pytest.fail("one story, several uids:\n" + "\n".join(lines), pytrace=False)


def test_different_stories() -> None:
    """Every two items not grouped in same_story get different uids."""
    together = {
        frozenset(pair) for group in SAME_STORY for pair in itertools.combinations(group, 2)
    }
    keys = [(name, index) for name, items in FILES.items() for index in range(len(items))]
    uids = {key: uid_of(*key) for key in keys}
    merged = [
        f"  {describe(*a)}\n    and {describe(*b)}\n    share {uids[a]}"
        for a, b in itertools.combinations(keys, 2)
        if uids[a] is not None and uids[a] == uids[b] and frozenset((a, b)) not in together
    ]
    if merged:
        heading = f"{len(merged)} pairs of different stories share a uid:"
        pytest.fail("\n".join([heading, *merged]), pytrace=False)


# -- the fixtures themselves


@pytest.mark.parametrize("name", [name for name in FILES if name.endswith(".xml")])
def test_fixture_is_well_formed(name: str) -> None:
    etree.parse(str(FEEDS / name))


def test_expected_is_consistent() -> None:
    """expected.yaml agrees with itself: every field present, day and published agree,
    an undated item is dated when it was fetched, same_story names real items."""
    problems = []
    for name, items in FILES.items():
        assert (FEEDS / name).is_file(), f"expected.yaml names a missing file {name}"
        for index, item in enumerate(items):
            where = f"{name}#{index}"
            if unknown := set(item) - set(FIELDS) - set(OPTIONAL):
                problems.append(f"{where}: unknown keys {sorted(unknown)}")
            if missing := set(FIELDS) - set(item):
                problems.append(f"{where}: missing {sorted(missing)}")
                continue
            when = datetime.fromisoformat(item["published"])
            if when.tzinfo is None:
                problems.append(f"{where}: published {item['published']!r} has no offset")
            elif when.date().isoformat() != item["day"]:
                problems.append(f"{where}: day {item['day']} is not published's {when.date()}")
            if not item["published_exact"] and when != FETCHED:
                problems.append(f"{where}: an undated item is dated when fetched ({FETCHED})")
            if item["text_field"] not in TEXT_FIELDS:
                problems.append(f"{where}: unknown text_field {item['text_field']!r}")
            if (item["text"] == "") != (item["text_field"] is None):
                problems.append(f"{where}: text and text_field disagree on there being a text")
            if item["text"] != item["text"].strip() or "\n\n\n" in item["text"]:
                problems.append(f"{where}: text has stray blank lines or spaces")
    for group in SAME_STORY:
        for name, index in group:
            if name not in FILES or index >= len(FILES[name]):
                problems.append(f"same_story names {name}#{index}, which is not in files")
    assert not problems, "\n".join(problems)
