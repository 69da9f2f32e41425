"""`monitor show URL|FILE`: what monitor stored for one article, and why an alert did
or did not fire: its identity, every source that listed it, which field of the item
its text came from, its publication time and whether that was given or guessed, the
facts found in it and the alerts it raised.

A file that is not stored (a seed file, a feed of one item) is read the way the
daemon would read it and shown as "not stored"; a URL is never fetched.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from monitor.article import Article, Entry, canonical_url, entry_uid
from monitor.config import Settings
from monitor.errors import MonitorError
from monitor.inputs import Loaded, is_url, load
from monitor.store import Store


def show(what: str, settings: Settings, *, as_json: bool = False, out: Any = None) -> int:
    """Print the article `what` names; 1 when nothing can be found for it."""
    out = out or sys.stdout
    found = _stored(what, settings.database) if settings.database.exists() else None
    if found is not None:
        article, row, alerts = found
        record = _record(article, stored=True, row=row, settings=settings)
        record["alerts"] = [
            {"rule": a.rule, "key": a.key, "title": a.title, "status": a.status} for a in alerts
        ]
    else:
        article = _read(what)
        record = _record(article, stored=False, row=None, settings=settings)
    record["facts"] = _facts(article)
    if as_json:
        print(json.dumps(record, ensure_ascii=False), file=out)
    else:
        print(_text(record), file=out)
    return 0


def _stored(what: str, database: Path) -> tuple[Article, dict[str, Any], list[Any]] | None:
    uids: list[str] = []
    url = canonical_url(what) if is_url(what) else None
    file = None
    if url is not None and (uid := entry_uid(Entry(source="show", url=what))):
        uids.append(uid)
    else:
        file = Path(what).name
    with Store(database) as store:
        hit = store.find_article(uids=uids, url=url, file=file)
        if hit is None:
            return None
        article, row = hit
        return article, row, store.article_alerts(article.uid)


def _read(what: str) -> Article:
    """A seed file or a feed file of one item, as the daemon would store it. A URL is
    never fetched here: `show` tells what is stored; `monitor extract URL` reads now."""
    if is_url(what):
        raise MonitorError(f"{what}: not stored (`monitor extract {what}` reads it as it is now)")
    loaded = [item for item in load([what]) if isinstance(item, Loaded)]
    if not loaded:
        raise MonitorError(f"{what}: not stored, and no article could be read from it")
    if len(loaded) > 1:
        raise MonitorError(
            f"{what}: not stored; it holds {len(loaded)} articles: "
            "show one by its link once the daemon has stored it, or use `monitor extract`"
        )
    return loaded[0].article


def _record(
    article: Article, *, stored: bool, row: dict[str, Any] | None, settings: Settings
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "stored": stored,
        "uid": article.uid,
        "url": article.url,
        "guid": article.guid,
        "title": article.title,
        "sources": list(article.sources),
        "text_field": article.text_field,
        "published": article.published.isoformat(),
        "published_exact": article.published_exact,
        "day": article.day.isoformat(),
        "fetched": article.fetched.isoformat(),
        "language": article.language,
        "text": article.text,
    }
    if row is not None:
        record["state"] = row["state"]
        record["archive_file"] = row["file"]
        record["baseline"] = bool(row["baseline"])
    notes = []
    if row is not None and row["baseline"]:
        notes.append("stored in its source's first poll (baseline): it raises no alert")
    if not article.published_exact:
        notes.append("no publication date of its own: dated when it was read")
    if settings.max_age is not None and article.published < datetime.now(UTC) - settings.max_age:
        notes.append(f"older than max_age ({_span(settings.max_age)}): it raises no alert")
    if row is not None and row["state"] == "pruned":
        notes.append("pruned by retention: only its identity is kept")
    record["notes"] = notes
    return record


def _span(delta: timedelta) -> str:
    days = delta.days
    return f"{days}d" if days and not delta.seconds else str(delta)


def _facts(article: Article) -> dict[str, Any]:
    from monitor.extract import extract

    facts = extract(article.text, article.day, title=article.title)
    result: dict[str, Any] = facts.to_dict()
    return result


def _text(record: dict[str, Any]) -> str:
    lines = [
        f"{record['title']}",
        f"  stored:     {'yes' if record['stored'] else 'no (read now, as the daemon would)'}",
        f"  link:       {record['url'] or '-'}",
        f"  guid:       {record['guid'] or '-'}",
        f"  identity:   {record['uid'][:16]}",
        f"  sources:    {', '.join(record['sources'])}",
        f"  text from:  {record['text_field'] or '-'}",
        f"  published:  {record['published']}"
        + ("" if record["published_exact"] else " (not given: when it was read)"),
        f"  fetched:    {record['fetched']}",
    ]
    if record["stored"]:
        lines.append(
            f"  state:      {record['state']}, archive file {record['archive_file'] or '-'}"
        )
    for note in record["notes"]:
        lines.append(f"  note:       {note}")
    facts = record["facts"]
    for t in facts["troops"]:
        amount = "?" if t["count"] is None else f"{t['count']:,}"
        lines.append(
            f"  troops:     {t['actor'] or '?'}: {amount} ({t['qualifier']}, {t['status']})"
        )
        lines.append(f"              «{t['evidence']}»")
    for c in facts["contacts"]:
        lines.append(
            f"  contact:    {' - '.join(c['leaders'])}: {c['mode'] or 'contact'}, {c['status']},"
            f" {c['date'] or 'date unknown'}"
        )
        lines.append(f"              «{c['evidence']}»")
    if not facts["troops"] and not facts["contacts"]:
        lines.append("  facts:      none found")
    if record["stored"]:
        alerts = record.get("alerts") or []
        for a in alerts:
            lines.append(f"  alert:      [{a['status']}] {a['rule']}: {a['title']}")
        if not alerts:
            lines.append("  alerts:     none raised by this article")
    lines.append("")
    lines.extend("  " + p for p in record["text"].split("\n\n"))
    return "\n".join(lines)
