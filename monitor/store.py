"""All state in one SQLite file, through sqlite-utils.

Tables (see the migrations below for columns):

    articles    every article ever seen; ``state`` new -> done once rules ran
    articles_fts  full-text index on title and text (kept by triggers)
    sources     per-source validators, cursor, last poll, errors, next poll
    alerts      one row per (rule, key): the alert and the fact that fired it
    deliveries  the outbox: one row per (alert, target), pending until sent
    facts       known facts per rule and key, with how many sources repeated them

The rule that keeps alerts exactly-once: whatever changes state and the alert
rows it causes are written in one transaction (``Store.finish_article``); a
delivery row is marked delivered only after the target said so.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from monitor.article import Article
from monitor.errors import StoreError
from monitor.sources.base import SourceState

migrations = Migrations("monitor")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("articles").create(
        {
            "uid": str,
            "guid": str,
            "url": str,
            "title": str,
            "text": str,
            "published": str,
            "published_exact": int,
            "year_month": str,
            "source": str,
            "language": str,
            "fetched": str,
            "file": str,
            "baseline": int,
            "state": str,
        },
        pk="uid",
        not_null={"title", "text", "published", "source", "fetched", "state"},
        defaults={"state": "new", "baseline": 0},
    )
    db.table("articles").create_index(["state"])
    db.table("articles").create_index(["published"])
    db.table("articles").create_index(["source", "fetched"])
    db.table("articles").enable_fts(
        ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.table("sources").create(
        {
            "name": str,
            "etag": str,
            "last_modified": str,
            "cursor": str,
            "last_poll": str,
            "last_success": str,
            "last_error": str,
            "errors": int,
            "polls": int,
            "items": int,
            "next_poll": str,
        },
        pk="name",
        defaults={"errors": 0, "polls": 0, "items": 0},
    )
    db.table("alerts").create(
        {
            "id": str,
            "rule": str,
            "kind": str,
            "key": str,
            "title": str,
            "body": str,
            "facts": str,
            "previous": str,
            "article": str,
            "article_uid": str,
            "created": str,
            "suppressed": str,
        },
        pk="id",
        not_null={"rule", "kind", "key", "title", "body", "created"},
    )
    db.table("alerts").create_index(["rule", "key"], unique=True)
    db.table("alerts").create_index(["created"])
    db.table("deliveries").create(
        {
            "alert_id": str,
            "target": str,
            "status": str,
            "attempts": int,
            "next_attempt": str,
            "last_error": str,
            "delivered_at": str,
        },
        pk=("alert_id", "target"),
        not_null={"status", "attempts"},
        defaults={"status": "pending", "attempts": 0},
        foreign_keys=[("alert_id", "alerts", "id")],
    )
    db.table("deliveries").create_index(["status", "next_attempt"])
    db.table("facts").create(
        {
            "rule": str,
            "key": str,
            "data": str,
            "first_seen": str,
            "last_seen": str,
            "sources": int,
            "source_list": str,
        },
        pk=("rule", "key"),
        defaults={"sources": 1},
    )


@migrations()
def m002_first_success(db: Database) -> None:
    # When a source first answered: "silent since" for a source that never brought anything.
    db.table("sources").add_column("first_success", str)
    db.execute("update sources set first_success = last_success where last_success is not null")


@migrations()
def m003_delivery_batch(db: Database) -> None:
    # The digest a delivery was claimed into: a digest resent after a crash carries
    # the same alerts under the same dedup key, so receivers can drop the repeat.
    db.table("deliveries").add_column("batch", str)
    db.table("deliveries").create_index(["target", "batch"])
    # Sends in doubt from before (single alerts then) go again under their own key.
    db.execute("update deliveries set batch = alert_id where status = 'sending'")


@migrations()
def m004_article_indexes(db: Database) -> None:
    # Indexes that keep the per-cycle lookups flat at a million articles: pruning by
    # state and age, and the few processed articles still without an archive file
    # (a partial index: it holds only those).
    db.execute("create index idx_articles_state_fetched on articles (state, fetched)")
    db.execute("drop index if exists idx_articles_state")
    db.execute("create index idx_articles_unarchived on articles (state) where file is null")


@migrations()
def m005_article_origin(db: Database) -> None:
    # Which field of its item an article's text came from, the offset its publisher
    # gave its time (the local day hangs on it; `published` stays UTC for sorting), and
    # every source that has listed it (a story in several feeds of one publisher is
    # stored once). Articles stored before are their one source's, offset unknown (0).
    db.table("articles").add_column("text_field", str)
    db.table("articles").add_column("published_offset", int)
    db.table("articles").add_column("sources", str)
    # An item's guid identifies its story too (a slug edited under a stable guid).
    db.table("articles").add_column("guid_key", str)
    db.execute(
        "create index idx_articles_guid_key on articles (guid_key) where guid_key is not null"
    )
    # `monitor show URL` finds an article by its link.
    db.execute("create index idx_articles_url on articles (url)")
    # When each source last listed a story it had not listed before (its own or one
    # first polled through another feed): what "silent" means for source health.
    db.table("sources").add_column("last_new", str)


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat(timespec="seconds") if when else None


def parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True, kw_only=True)
class SourceStatus:
    """One row of ``monitor sources``."""

    name: str
    last_poll: datetime | None
    last_success: datetime | None
    last_error: str | None
    errors: int
    polls: int
    items: int
    next_poll: datetime | None
    first_success: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class AlertRecord:
    """A stored alert, as ``monitor alerts`` shows it."""

    id: str
    rule: str
    kind: str
    key: str
    title: str
    body: str
    facts: Any
    previous: Any
    article: Any
    created: datetime
    suppressed: str | None
    deliveries: tuple[
        tuple[str, str, int, str | None], ...
    ]  # (target, status, attempts, last_error)

    @property
    def delivered(self) -> bool:
        """True when every target has it (and there was at least one), or none was due."""
        if self.suppressed:
            return False
        return bool(self.deliveries) and all(d[1] == "delivered" for d in self.deliveries)

    @property
    def status(self) -> str:
        if self.suppressed:
            return f"suppressed ({self.suppressed})"
        if not self.deliveries:
            return "logged"
        states = {d[1] for d in self.deliveries}
        if states == {"delivered"}:
            return "delivered"
        return "failed" if "failed" in states else "pending"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "kind": self.kind,
            "key": self.key,
            "title": self.title,
            "body": self.body,
            "facts": self.facts,
            "previous": self.previous,
            "article": self.article,
            "created": iso(self.created),
            "delivered": self.delivered,
            "status": self.status,
            "deliveries": [
                {"target": t, "status": s, "attempts": a, "error": e}
                for t, s, a, e in self.deliveries
            ],
        }


@dataclass(frozen=True, kw_only=True)
class Pending:
    """A stored article whose rules are to run: baseline (stored in its source's first
    poll), its archive file, and again: only the rules scoped to a source are to run
    (a source was added after the others had run)."""

    article: Article
    baseline: bool
    file: str | None
    again: bool = False


@dataclass(frozen=True, kw_only=True)
class NewAlert:
    """An alert to record, with the targets it must reach."""

    id: str
    rule: str
    kind: str
    key: str
    title: str
    body: str
    facts: Any
    previous: Any
    article: Any
    article_uid: str | None
    suppressed: str | None
    targets: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Due:
    """A delivery to attempt now."""

    alert: AlertRecord
    target: str
    attempts: int
    batch: str | None = None


class Store:
    """The SQLite state. One instance per process; not shared across threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
            self._lock_file: Any = None
            self.db = Database(conn)
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the database: {exc}") from exc

    def close(self) -> None:
        self.db.close()
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    @functools.cached_property
    def has_legacy_rows(self) -> bool:
        """Whether articles stored before m005 are here (their uid may be the one an
        older release gave: see Article.legacy_uid); a store without them needs no
        such lookups."""
        return (
            self._row("select 1 as x from articles where sources is null limit 1", []) is not None
        )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sources -------------------------------------------------------------

    def source_state(self, name: str) -> SourceState:
        row = self._row("select etag, last_modified, cursor from sources where name = ?", [name])
        if row is None:
            return SourceState()
        return SourceState(
            etag=row["etag"], last_modified=row["last_modified"], cursor=row["cursor"]
        )

    def is_new_source(self, name: str) -> bool:
        """True until the source's first successful poll is stored (baseline applies)."""
        row = self._row("select last_success from sources where name = ?", [name])
        return row is None or row["last_success"] is None

    def record_poll(
        self,
        name: str,
        state: SourceState,
        articles: list[Article],
        *,
        now: datetime,
        baseline: bool,
        next_poll: datetime | None,
        requeue: bool = False,
    ) -> list[Article]:
        """Store a successful poll: new articles and the source's new state, in one
        transaction. Returns the articles that were new. An article already stored
        (by its uid, or by the uid an older release gave it) is not new; when this
        source had not listed it yet, the source is added to its sources (see
        _add_source)."""
        with self._write():
            known = self.known_sources([k for a in articles for k in _keys(a)])
            fresh: list[Article] = []
            fresh_keys: set[str] = set()
            for article in articles:
                stored = next((known[k] for k in _keys(article) if k in known), None)
                if stored is not None:
                    uid, sources = stored
                    if name not in sources:
                        self._add_source(uid, name, requeue=requeue, now=now)
                    continue
                own = {k for k in (article.uid, article.guid_key) if k}
                if fresh_keys & own:
                    continue  # a feed may list the same item twice
                fresh_keys |= own
                fresh.append(article)
            if fresh:
                # One prepared statement for the batch: sqlite-utils' insert_all checks
                # and converts every value of every row, which cost more than the insert.
                rows = [_article_row(a, baseline=baseline) for a in fresh]
                columns = list(rows[0])
                self.db.conn.executemany(
                    f"insert into articles ({', '.join(columns)})"
                    f" values ({', '.join('?' * len(columns))})",
                    [tuple(r[c] for c in columns) for r in rows],
                )
            self.db.execute(
                """insert into sources (name, etag, last_modified, cursor, last_poll, last_success,
                       last_error, errors, polls, items, next_poll, first_success, last_new)
                   values (?, ?, ?, ?, ?, ?, null, 0, 1, ?, ?, ?, ?)
                   on conflict(name) do update set etag = excluded.etag,
                       first_success = coalesce(first_success, excluded.first_success),
                       last_new = coalesce(excluded.last_new, last_new),
                       last_modified = excluded.last_modified, cursor = excluded.cursor,
                       last_poll = excluded.last_poll, last_success = excluded.last_success,
                       last_error = null, errors = 0, polls = polls + 1,
                       items = items + excluded.items, next_poll = excluded.next_poll""",
                [
                    name,
                    state.etag,
                    state.last_modified,
                    state.cursor,
                    iso(now),
                    iso(now),
                    len(fresh),
                    iso(next_poll),
                    iso(now),
                    iso(now) if fresh else None,
                ],
            )
        return fresh

    def record_failure(
        self, name: str, error: str, *, now: datetime, next_poll: datetime | None
    ) -> None:
        """Count a failed poll (see failures() for how many in a row)."""
        with self._write():
            self.db.execute(
                """insert into sources (name, last_poll, last_error, errors, polls, next_poll)
                   values (?, ?, ?, 1, 1, ?)
                   on conflict(name) do update set last_poll = excluded.last_poll,
                       last_error = excluded.last_error, errors = errors + 1, polls = polls + 1,
                       next_poll = excluded.next_poll""",
                [name, iso(now), error, iso(next_poll)],
            )

    def add_sources(self, uids: list[str], source: str, *, requeue: bool, now: datetime) -> int:
        """Note that `source` lists these stored articles too (see _add_source); how many
        it had not listed before."""
        if not uids:
            return 0
        with self._write():
            return sum(self._add_source(uid, source, requeue=requeue, now=now) for uid in uids)

    def _add_source(self, uid: str, source: str, *, requeue: bool, now: datetime) -> bool:
        """Add a source to an article's sources, and count it as news of that source.

        requeue: an article already processed goes through the rules scoped to a
        source again (state 'again': see pending_articles), so that a rule on this
        source sees it. Only those: the other rules saw it whole already, and running
        them again would relearn old facts. Alerts stay one per rule and key."""
        row = self._row("select source, sources, state from articles where uid = ?", [uid])
        if row is None:
            return False
        sources = _sources(row)
        if source in sources:
            return False
        sources.append(source)
        state = "again" if requeue and row["state"] == "done" else row["state"]
        self.db.execute(
            "update articles set sources = ?, state = ? where uid = ?",
            [json.dumps(sources), state, uid],
        )
        self.db.execute(
            "update sources set last_new = ?, items = items + 1 where name = ?", [iso(now), source]
        )
        return True

    def failures(self, name: str) -> int:
        """Failed polls in a row so far."""
        row = self._row("select errors from sources where name = ?", [name])
        return int(row["errors"] or 0) if row else 0

    def source_statuses(self) -> dict[str, SourceStatus]:
        return {
            row["name"]: _source_status(row)
            for row in self.db.query("select * from sources order by name")
        }

    def source_status(self, name: str) -> SourceStatus | None:
        """One source's status (after each poll: no need to read them all)."""
        row = self._row("select * from sources where name = ?", [name])
        return _source_status(row) if row else None

    def failing_sources(self) -> set[str]:
        return {r["name"] for r in self.db.query("select name from sources where errors > 0")}

    # -- articles ------------------------------------------------------------

    def pending_articles(self, limit: int = 500) -> list[Pending]:
        """Stored articles whose rules have not run yet (or must run again for a source
        added since: see _add_source), oldest first."""
        rows = self.db.query(
            "select * from articles where state in ('new', 'again')"
            " order by published, rowid limit ?",
            [limit],
        )
        return [
            Pending(
                article=_article_from_row(r),
                baseline=bool(r["baseline"]),
                file=r["file"],
                again=r["state"] == "again",
            )
            for r in rows
        ]

    def set_archive_file(self, uid: str, file: str) -> None:
        with self._write():
            self.db.execute("update articles set file = ? where uid = ?", [file, uid])

    def finish_article(
        self,
        uid: str,
        alerts: list[NewAlert],
        facts: list[tuple[str, str, Any, str]],
        *,
        now: datetime,
        sources: tuple[str, ...] | None = None,
    ) -> list[NewAlert]:
        """Record the outcome of running the rules on one article, atomically:
        the facts it taught us, its alerts and their outbox rows, and the article
        marked done. Returns the alerts that were new (an alert whose (rule, key)
        exists already is not recorded twice). With `sources` (those the rules saw), a
        source added while they ran leaves the article to run again for that source."""
        with self._write():
            recorded = self._record(alerts, facts, now)
            if sources is None:
                self.db.execute("update articles set state = 'done' where uid = ?", [uid])
            else:
                self.db.execute(
                    "update articles set state = case"
                    " when coalesce(sources, json_array(source)) = ? then 'done' else 'again' end"
                    " where uid = ?",
                    [json.dumps(list(sources)), uid],
                )
        return recorded

    def record_alerts(
        self, alerts: list[NewAlert], facts: list[tuple[str, str, Any, str]], *, now: datetime
    ) -> list[NewAlert]:
        """Alerts not tied to an article (source health), with the state they change."""
        with self._write():
            return self._record(alerts, facts, now)

    def _record(
        self, alerts: list[NewAlert], facts: list[tuple[str, str, Any, str]], now: datetime
    ) -> list[NewAlert]:
        recorded: list[NewAlert] = []
        for rule, key, data, source in facts:
            self._learn_fact(rule, key, data, source, now)
        for alert in alerts:
            cur = self.db.execute(
                """insert or ignore into alerts (id, rule, kind, key, title, body, facts, previous,
                       article, article_uid, created, suppressed)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    alert.id,
                    alert.rule,
                    alert.kind,
                    alert.key,
                    alert.title,
                    alert.body,
                    _dump(alert.facts),
                    _dump(alert.previous),
                    _dump(alert.article),
                    alert.article_uid,
                    iso(now),
                    alert.suppressed,
                ],
            )
            if cur.rowcount == 0:
                continue
            recorded.append(alert)
            if alert.suppressed is None:
                self.db.conn.executemany(
                    "insert into deliveries (alert_id, target, status, attempts, next_attempt)"
                    " values (?, ?, 'pending', 0, ?)",
                    [(alert.id, t, iso(now)) for t in alert.targets],
                )
        return recorded

    def _learn_fact(self, rule: str, key: str, data: Any, source: str, now: datetime) -> None:
        row = self._row("select source_list from facts where rule = ? and key = ?", [rule, key])
        if row is None:
            self.db.execute(
                "insert into facts (rule, key, data, first_seen, last_seen, sources, source_list)"
                " values (?, ?, ?, ?, ?, 1, ?)",
                [rule, key, _dump(data), iso(now), iso(now), json.dumps([source])],
            )
            return
        sources = json.loads(row["source_list"] or "[]")
        if source not in sources:
            sources.append(source)
        self.db.execute(
            "update facts set data = ?, last_seen = ?, sources = ?, source_list = ? where rule = ? and key = ?",
            [_dump(data), iso(now), len(sources), json.dumps(sources), rule, key],
        )

    def fact(self, rule: str, key: str) -> Any | None:
        row = self._row("select data from facts where rule = ? and key = ?", [rule, key])
        return json.loads(row["data"]) if row and row["data"] else None

    def has_alert(self, rule: str, key: str) -> bool:
        return (
            self._row("select 1 as x from alerts where rule = ? and key = ?", [rule, key])
            is not None
        )

    def last_alert_time(self, rule: str) -> datetime | None:
        row = self._row(
            "select max(created) as t from alerts where rule = ? and suppressed is null", [rule]
        )
        return parse_iso(row["t"]) if row and row["t"] else None

    def iter_articles(self) -> Iterator[Article]:
        for row in self.db.query(
            "select * from articles where state != 'pruned' order by published, rowid"
        ):
            yield _article_from_row(row)

    def last_new_article(self, source: str) -> datetime | None:
        """When the source last brought a story it had not listed before (first stored
        through it, or first polled through another feed)."""
        row = self._row("select max(fetched) as t from articles where source = ?", [source])
        first = parse_iso(row["t"]) if row and row["t"] else None
        row = self._row("select last_new from sources where name = ?", [source])
        listed = parse_iso(row["last_new"]) if row and row["last_new"] else None
        return max((t for t in (first, listed) if t is not None), default=None)

    def prune(self, before: datetime, *, limit: int = 2000) -> int:
        """Forget the title and text of up to `limit` processed articles read before
        `before` (and their full-text entries); facts and alerts keep what they need.
        The row stays as a tombstone (identity, source, dates, archive file) so that an
        item its feed still lists is not taken for new again. One short transaction:
        call again while it returns `limit`, so other writers get their turn."""
        with self._write():
            cur = self.db.execute(
                "update articles set title = '', text = '', state = 'pruned' where rowid in"
                " (select rowid from articles where state = 'done' and fetched < ? limit ?)",
                [iso(before), limit],
            )
        return cur.rowcount

    def article_count(self) -> int:
        """Articles kept whole (pruned ones are tombstones)."""
        row = self._row("select count(*) as n from articles where state != 'pruned'", [])
        return int(row["n"]) if row else 0

    def known_sources(self, keys: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Which of these keys (article uids, or guid keys: see Article.guid_key) name a
        stored article (pruned ones included): key -> (its uid, the sources that have
        listed it)."""
        known: dict[str, tuple[str, tuple[str, ...]]] = {}
        keys = list(dict.fromkeys(keys))  # a guid that is the link gives the uid twice
        for i in range(0, len(keys), 400):
            chunk = keys[i : i + 400]
            marks = ",".join("?" * len(chunk))
            for r in self.db.query(
                f"select uid, guid_key, source, sources from articles where uid in ({marks})"
                f" union all select uid, guid_key, source, sources from articles"
                f" where guid_key in ({marks})",
                chunk + chunk,
            ):
                sources = _sources(r)
                value = (r["uid"], tuple(sources))
                known[r["uid"]] = value
                if r["guid_key"]:
                    known[r["guid_key"]] = value
        return known

    def find_article(
        self, *, uids: Iterable[str] = (), url: str | None = None, file: str | None = None
    ) -> tuple[Article, dict[str, Any]] | None:
        """One stored article by uid (the first of these found), canonical URL or archive
        file name, with what the row says beside the record (state, baseline, file)."""
        for uid in uids:
            row = self._row("select * from articles where uid = ?", [uid])
            if row is not None:
                break
        else:
            row = None
            if url is not None:
                row = self._row("select * from articles where url = ? order by rowid", [url])
            if row is None and file is not None:
                row = self._row("select * from articles where file = ?", [file])
        if row is None:
            return None
        extra = {k: row[k] for k in ("state", "baseline", "file")}
        return _article_from_row(row), extra

    def article_alerts(self, uid: str) -> list[AlertRecord]:
        """The alerts an article raised, oldest first."""
        return self._alert_records(
            list(
                self.db.query(
                    "select * from alerts where article_uid = ? order by created, rowid", [uid]
                )
            )
        )

    # -- alerts and deliveries ----------------------------------------------

    def alerts(
        self, *, since: datetime | None = None, status: str | None = None
    ) -> list[AlertRecord]:
        """Stored alerts, oldest first; status filters on 'pending', 'failed' or 'delivered'."""
        where, args = [], []
        if since is not None:
            where.append("created >= ?")
            args.append(iso(since))
        if status is not None:
            where.append("id in (select alert_id from deliveries where status = ?)")
            args.append(status)
        sql = (
            "select * from alerts"
            + (" where " + " and ".join(where) if where else "")
            + " order by created, rowid"
        )
        return self._alert_records(list(self.db.query(sql, args)))

    def due_deliveries(self, now: datetime, limit: int = 1000) -> list[Due]:
        return self._dues(
            "select alert_id, target, attempts, batch from deliveries"
            " where status in ('pending', 'sending') and next_attempt <= ?"
            " order by next_attempt limit ?",
            [iso(now), limit],
        )

    def batch_deliveries(self, target: str, batch: str) -> list[Due]:
        """The undelivered rows of one digest, due or not, oldest alert first."""
        return self._dues(
            "select d.alert_id, d.target, d.attempts, d.batch from deliveries d"
            " join alerts a on a.id = d.alert_id"
            " where d.target = ? and d.batch = ? and d.status in ('pending', 'sending')"
            " order by a.created, a.id",
            [target, batch],
        )

    def _dues(self, sql: str, args: list[Any]) -> list[Due]:
        rows = list(self.db.query(sql, args))
        if not rows:
            return []
        ids = sorted({r["alert_id"] for r in rows})
        marks = ",".join("?" * len(ids))
        alerts = {
            a.id: a
            for a in self._alert_records(
                list(self.db.query(f"select * from alerts where id in ({marks})", ids))
            )
        }
        return [
            Due(
                alert=alerts[r["alert_id"]],
                target=r["target"],
                attempts=r["attempts"],
                batch=r["batch"],
            )
            for r in rows
        ]

    def mark_delivered(self, alert_ids: Iterable[str], target: str, *, now: datetime) -> None:
        """These alerts reached the target (one transaction: a digest is all or nothing)."""
        with self._write():
            self.db.conn.executemany(
                "update deliveries set status = 'delivered', attempts = attempts + 1, delivered_at = ?,"
                " last_error = null where alert_id = ? and target = ?",
                [(iso(now), a, target) for a in alert_ids],
            )

    def mark_failed_attempt(
        self, alert_ids: Iterable[str], target: str, error: str, *, next_attempt: datetime | None
    ) -> None:
        """One more failed attempt; with no next attempt the deliveries are failed for good."""
        status = "pending" if next_attempt else "failed"
        with self._write():
            self.db.conn.executemany(
                "update deliveries set attempts = attempts + 1, last_error = ?, next_attempt = ?,"
                " status = ? where alert_id = ? and target = ?",
                [(error, iso(next_attempt), status, a, target) for a in alert_ids],
            )

    def set_batch(self, target: str, batch: str, alert_ids: Iterable[str]) -> None:
        """Write down which claimed alerts one message holds, before it is sent."""
        with self._write():
            self.db.conn.executemany(
                "update deliveries set batch = ? where alert_id = ? and target = ?",
                [(batch, a, target) for a in alert_ids],
            )

    def claim(self, alert_id: str, target: str, *, now: datetime, lease: timedelta) -> bool:
        """Take a due delivery for sending; False when someone else has it or it is done.
        The claim lapses after `lease`, so a sender that died mid-send is taken over."""
        with self._write():
            cur = self.db.execute(
                "update deliveries set status = 'sending', next_attempt = ?"
                " where alert_id = ? and target = ? and next_attempt <= ?"
                " and status in ('pending', 'sending')",
                [iso(now + lease), alert_id, target, iso(now)],
            )
        return cur.rowcount == 1

    def release(self, alert_ids: Iterable[str], target: str, *, now: datetime) -> None:
        """Hand back claimed deliveries that were not sent in this pass."""
        with self._write():
            self.db.conn.executemany(
                "update deliveries set status = 'pending', next_attempt = ?"
                " where alert_id = ? and target = ? and status = 'sending'",
                [(iso(now), a, target) for a in alert_ids],
            )

    def release_claims(self, *, now: datetime) -> int:
        """Hand back the deliveries a crashed sender had claimed (call with the process lock)."""
        with self._write():
            cur = self.db.execute(
                "update deliveries set status = 'pending', next_attempt = ? where status = 'sending'",
                [iso(now)],
            )
        return cur.rowcount

    def unarchived(self, limit: int = 200) -> list[Article]:
        """Processed articles whose archive file could not be written yet (disk full...)."""
        rows = self.db.query(
            "select * from articles where state = 'done' and file is null order by rowid limit ?",
            [limit],
        )
        return [_article_from_row(r) for r in rows]

    def lock(self) -> None:
        """Hold an exclusive lock on the database for this process's life (monitor run, once):
        two pollers on one database would process and send the same things."""
        if str(self.path) == ":memory:":
            return
        lock_path = self.path.with_name(self.path.name + ".lock")
        fh = open(lock_path, "a+")  # noqa: SIM115 - held open until close()
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise StoreError(
                f"{self.path}: in use by monitor pid {holder} (run and once cannot share a database)"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._lock_file = fh

    def pending_count(self) -> int:
        row = self._row("select count(*) as n from deliveries where status = 'pending'", [])
        return int(row["n"]) if row else 0

    def _alert_records(self, rows: list[dict[str, Any]]) -> list[AlertRecord]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        deliveries: dict[str, list[tuple[str, str, int, str | None]]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for d in self.db.query(
                f"select alert_id, target, status, attempts, last_error from deliveries"
                f" where alert_id in ({marks}) order by target",
                chunk,
            ):
                deliveries.setdefault(d["alert_id"], []).append(
                    (d["target"], d["status"], d["attempts"], d["last_error"])
                )
        return [
            AlertRecord(
                id=r["id"],
                rule=r["rule"],
                kind=r["kind"],
                key=r["key"],
                title=r["title"],
                body=r["body"],
                facts=_load(r["facts"]),
                previous=_load(r["previous"]),
                article=_load(r["article"]),
                created=datetime.fromisoformat(r["created"]),
                suppressed=r["suppressed"],
                deliveries=tuple(deliveries.get(r["id"], [])),
            )
            for r in rows
        ]

    # -- plumbing ------------------------------------------------------------

    def _row(self, sql: str, args: list[Any]) -> dict[str, Any] | None:
        return next(iter(self.db.query(sql, args)), None)

    def _write(self) -> Any:
        return _Write(self)


class _Write:
    """A write transaction, BEGIN IMMEDIATE: it takes the write lock before reading, so a
    read-then-write cannot fail half-way on "database is locked" when another process
    writes too (busy_timeout applies to the BEGIN). sqlite errors (disk full, read-only
    file) become StoreError naming the database; the transaction is rolled back."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        try:
            self.store.db.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.store.path}: {exc}") from exc

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        conn = self.store.db.conn
        if exc_type is not None:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.store.path}: {exc}") from exc
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"{self.store.path}: {err}") from err


def _source_status(row: dict[str, Any]) -> SourceStatus:
    return SourceStatus(
        name=row["name"],
        last_poll=parse_iso(row["last_poll"]),
        last_success=parse_iso(row["last_success"]),
        last_error=row["last_error"],
        errors=row["errors"] or 0,
        polls=row["polls"] or 0,
        items=row["items"] or 0,
        next_poll=parse_iso(row["next_poll"]),
        first_success=parse_iso(row.get("first_success")),
    )


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _article_row(a: Article, *, baseline: bool) -> dict[str, Any]:
    return {
        "uid": a.uid,
        "guid": a.guid,
        "url": a.url,
        "title": a.title,
        "text": a.text,
        "published": iso(a.published),
        "published_exact": int(a.published_exact),
        "year_month": f"{a.year_month[0]:04d}-{a.year_month[1]:02d}" if a.year_month else None,
        "source": a.source,
        "language": a.language,
        "fetched": iso(a.fetched),
        "file": None,
        "baseline": int(baseline),
        "state": "new",
        "text_field": a.text_field,
        "published_offset": _offset_minutes(a.published),
        "sources": json.dumps(list(a.sources)),
        # Only where it says more than the uid (a guid that is not the item's link):
        # most items' guid is their link, and an index entry for each cost a third of
        # the insert.
        "guid_key": a.guid_key if a.guid_key != a.uid else None,
    }


def _sources(row: dict[str, Any]) -> list[str]:
    """An article row's sources: the list, or its one source for a row from before m005."""
    return json.loads(row["sources"]) if row["sources"] else [row["source"]]


def _keys(a: Article) -> tuple[str, ...]:
    """Every key an article may be stored under: its uid, the uid an older release gave
    it, its guid's key."""
    return tuple(k for k in (a.uid, a.legacy_uid, a.guid_key) if k)


def _offset_minutes(when: datetime) -> int:
    offset = when.utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


def _local(when: datetime, minutes: int | None) -> datetime:
    """A UTC time shown at the offset its publisher gave it."""
    if not minutes:
        return when
    return when.astimezone(timezone(timedelta(minutes=minutes)))


def _article_from_row(r: dict[str, Any]) -> Article:
    ym = r.get("year_month")
    return Article(
        uid=r["uid"],
        guid=r["guid"],
        url=r["url"],
        title=r["title"],
        text=r["text"],
        published=_local(datetime.fromisoformat(r["published"]), r.get("published_offset")),
        published_exact=bool(r["published_exact"]),
        source=r["source"],
        language=r["language"],
        fetched=datetime.fromisoformat(r["fetched"]),
        year_month=(int(ym[:4]), int(ym[5:7])) if ym else None,
        text_field=r.get("text_field"),
        sources=tuple(json.loads(r["sources"])) if r.get("sources") else (),
        guid_key=r.get("guid_key"),
    )
