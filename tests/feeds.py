"""Feed documents for tests: RSS 2.0 and Atom builders, and items made from the seed articles.

Usage::

    items = seed_items(SEEDS, feed_server.base_url)
    feed_server.route("/rss", rss(items))
    feed_server.route("/atom", atom(items), content_type="application/atom+xml")
"""

from __future__ import annotations

import email.utils
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

__all__ = ["SEEDS", "Item", "atom", "entity_bomb", "paragraphs", "rss", "seed_items"]

#: The shared seed articles: X/shared/seeds next to the checkout at X/main.
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_DATE_LINE = re.compile(r"^ ?date (\d{4})-(\d{2})(?: |$)")
# A sentence ends at . ! ? or … (possibly followed by closing quotes) before a space or the end.
_FIRST_SENTENCE = re.compile(r".+?[.!?…]+[»\"”’)]*(?=\s|$)", re.DOTALL)
_EPOCH = datetime(2022, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    """One feed entry. body holds paragraphs separated by blank lines."""

    title: str
    link: str | None = None
    guid: str | None = None
    published: datetime | None = None
    body: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs(self.body)

    @property
    def html(self) -> str:
        """The body as escaped HTML <p> paragraphs."""
        return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in self.paragraphs)


def paragraphs(text: str) -> list[str]:
    """Split text on blank lines; fold line breaks inside a paragraph to spaces.

    Only ASCII whitespace is trimmed, so no-break spaces survive.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        para = " ".join(line.strip(" \t") for line in chunk.split("\n")).strip(" \t\n")
        if para:
            out.append(para)
    return out


def _utc(dt: datetime) -> datetime:
    """Naive datetimes are taken as UTC."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def _element(name: str, text: str | None, indent: str = "    ") -> str:
    return "" if text is None else f"{indent}<{name}>{escape(text)}</{name}>\n"


def _encode(document: str, encoding: str) -> bytes:
    """XML declaration plus document in encoding; unencodable characters become &#NNN;."""
    return f'<?xml version="1.0" encoding="{encoding}"?>\n{document}'.encode(
        encoding, "xmlcharrefreplace"
    )


def rss(
    items: Iterable[Item],
    *,
    title: str = "Test feed",
    link: str = "http://127.0.0.1/",
    description: str = "Articles for tests",
    encoding: str = "utf-8",
) -> bytes:
    """An RSS 2.0 document; each item's body goes into <description> as HTML paragraphs."""
    entries = []
    for item in items:
        guid = ""
        if item.guid is not None:
            permalink = "true" if item.guid == item.link else "false"
            guid = f'    <guid isPermaLink="{permalink}">{escape(item.guid)}</guid>\n'
        date = None
        if item.published is not None:
            date = email.utils.format_datetime(_utc(item.published))
        entries.append(
            "  <item>\n"
            + _element("title", item.title)
            + _element("link", item.link)
            + guid
            + _element("pubDate", date)
            + _element("description", item.html)
            + "  </item>\n"
        )
    document = (
        '<rss version="2.0">\n<channel>\n'
        + _element("title", title, "  ")
        + _element("link", link, "  ")
        + _element("description", description, "  ")
        + "".join(entries)
        + "</channel>\n</rss>\n"
    )
    return _encode(document, encoding)


def atom(
    items: Iterable[Item],
    *,
    title: str = "Test feed",
    link: str = "http://127.0.0.1/",
    feed_id: str = "urn:test:feed",
    encoding: str = "utf-8",
) -> bytes:
    """An Atom 1.0 document; each item's body goes into <content type="html">.

    An entry's <id> is its guid, else its link (omitted when both are None);
    published doubles as <updated>.
    """
    items = list(items)
    entries = []
    for item in items:
        link_el = ""
        if item.link is not None:
            link_el = f'    <link rel="alternate" type="text/html" href={quoteattr(item.link)}/>\n'
        stamp = None
        if item.published is not None:
            stamp = _utc(item.published).isoformat()
        entries.append(
            "  <entry>\n"
            + _element("title", item.title)
            + link_el
            + _element("id", item.guid if item.guid is not None else item.link)
            + _element("published", stamp)
            + _element("updated", stamp)
            + f'    <content type="html">{escape(item.html)}</content>\n'
            + "  </entry>\n"
        )
    dates = [_utc(i.published) for i in items if i.published is not None]
    document = (
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        + _element("title", title, "  ")
        + f'  <link rel="alternate" href={quoteattr(link)}/>\n'
        + _element("id", feed_id, "  ")
        + _element("updated", max(dates, default=_EPOCH).isoformat(), "  ")
        + "".join(entries)
        + "</feed>\n"
    )
    return _encode(document, encoding)


def first_sentence(text: str) -> str:
    """The text up to and including its first sentence end (all of it if none)."""
    match = _FIRST_SENTENCE.match(text)
    return match.group(0).strip() if match else text.strip()


def seed_item(path: Path, base_url: str) -> Item:
    """An Item for one seed-format article file."""
    text = path.read_text(encoding="utf-8").lstrip("\ufeff")
    published = None
    match = _DATE_LINE.match(text)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        published = datetime(year, month, 15, 12, tzinfo=UTC)
        text = text[match.end() :]
    paras = paragraphs(text)
    if not paras:
        raise ValueError(f"{path}: no text")
    title = first_sentence(paras[0]) if published is not None else paras[0]
    link = f"{base_url.rstrip('/')}/articles/{path.stem}.html"
    return Item(title=title, link=link, guid=link, published=published, body="\n\n".join(paras))


def seed_items(folder: Path, base_url: str) -> list[Item]:
    """One Item per *.txt seed file in folder, in file-name order."""
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not files:
        raise FileNotFoundError(f"no seed files in {folder}")
    return [seed_item(p, base_url) for p in files]


def entity_bomb(levels: int) -> bytes:
    """An RSS document whose DOCTYPE nests entities `levels` deep, each 16 of the one
    before ("billion laughs"): 64 * 16**(levels - 1) characters if a parser expands it."""
    names = "abcdefghij"[:levels]
    lines = [f' <!ENTITY a "{"a" * 64}">']
    lines += [f' <!ENTITY {n} "{f"&{p};" * 16}">' for p, n in pairwise(names)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(lines) + "\n]>\n"
        '<rss version="2.0"><channel><title>t</title>\n'
        f"<item><title>Bomb</title><link>https://x.example/1</link><description>&{names[-1]};"
        "</description></item>\n</channel></rss>"
    ).encode()
