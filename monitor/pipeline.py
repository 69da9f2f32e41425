"""The one place that wires the stages together.

    poll:     Source.fetch -> normalize -> Store.record_poll (items + source state, one txn)
    process:  pending article -> archive file -> extract -> rules -> Store.finish_article
              (facts, alerts, outbox rows and "done", one txn)
    deliver:  due outbox rows -> apprise, per target side by side -> delivered / retry later

The daemon schedules these; ``monitor once`` runs each once. Nothing here decides
when to run, and nothing here parses arguments.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import random
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

import httpx

from monitor import seedformat, workers
from monitor.article import Article, entry_uid, guid_key, legacy_uid, normalize
from monitor.config import Settings
from monitor.errors import SourceError, StoreError
from monitor.notify import Notifier
from monitor.rules import Context, Match, Rule, RuleSet, SourceRule
from monitor.sources import Source, make_source
from monitor.sources.http import make_client
from monitor.store import Due, NewAlert, Store, iso, now_utc

if TYPE_CHECKING:  # the extractors load only where extraction runs
    from monitor.extract.facts import Facts

log = logging.getLogger("monitor")

#: Longest wait after repeated failures of one source.
MAX_SOURCE_BACKOFF = timedelta(hours=6)


@dataclass
class CycleReport:
    """What one cycle did, for `monitor once` and the daemon's status line."""

    polled: int = 0
    failed: list[str] = field(default_factory=list)
    new_articles: int = 0
    processed: int = 0
    alerts: int = 0
    delivered: int = 0
    delivery_failures: int = 0


@dataclass(frozen=True, kw_only=True)
class PollResult:
    source: str
    ok: bool
    new: int = 0
    not_modified: bool = False
    error: str | None = None
    #: when to poll again, if not after the interval (a failure's backoff, Cache-Control)
    retry_in: timedelta | None = None


class Locks:
    """What keeps concurrent jobs of one process from doing the same work twice. The
    daemon keeps one for its life and hands it to each Pipeline (a reload makes a new
    Pipeline while jobs of the old one may still run)."""

    def __init__(self, concurrency: int, per_host: int = 4) -> None:
        self.processing = asyncio.Lock()
        self.polls = asyncio.Semaphore(concurrency)
        self.per_host = per_host
        self.hosts: dict[str, asyncio.Semaphore] = {}
        #: fetches in flight: source -> when it started (each has its own total deadline)
        self.fetching: dict[str, float] = {}
        self.targets: dict[str, asyncio.Lock] = {}

    def host(self, url: str | None) -> asyncio.Semaphore | None:
        """The limit for one host; None for sources that are not on the network."""
        if not url:
            return None
        host = urlsplit(url).hostname or ""
        return self.hosts.setdefault(host, asyncio.Semaphore(self.per_host))

    def target(self, target: str) -> asyncio.Lock:
        return self.targets.setdefault(target, asyncio.Lock())

    def busy_targets(self) -> list[asyncio.Lock]:
        return [lock for lock in self.targets.values() if lock.locked()]


#: A service that answered "too many requests" is left alone at least this long.
RATE_LIMITED = re.compile(r"\b429\b|too many requests|rate.?limit", re.IGNORECASE)
RATE_LIMIT_WAIT = timedelta(minutes=5)

#: A claimed delivery is taken over by another sender after this long (its sender died).
CLAIM_LEASE = timedelta(minutes=5)


#: A digest message stays under this many characters (chat services cut longer ones).
DIGEST_CHARS = 3500


def _digest_parts(rows: list[Due]) -> list[list[Due]]:
    """Rows grouped into digests of at most DIGEST_CHARS (an alert longer than that alone)."""
    parts: list[list[Due]] = []
    size = 0
    for d in rows:
        length = len(d.alert.title) + len(d.alert.body) + 12
        if parts and size + length <= DIGEST_CHARS:
            parts[-1].append(d)
            size += length
        else:
            parts.append([d])
            size = length
    return parts


#: _process(facts=_IN_PLACE): extract the article there and then.
_IN_PLACE = object()


@functools.lru_cache(maxsize=64)
def _leader_label(name: str) -> str:
    """A source's speaker by the gazetteer's label ("Zelenskyy" spellings and all)."""
    from monitor.extract.gazetteer import gazetteer

    leader = gazetteer().named(name)
    return leader.label if leader else name


def _file_time(article: Article) -> datetime | None:
    """The time an archive file keeps: the publication time when the article gave one."""
    return article.published if article.published_exact else None


def _digest_key(part: list[Due]) -> str:
    return "digest." + hashlib.sha256("|".join(d.alert.id for d in part).encode()).hexdigest()[:20]


class Pipeline:
    """Runs the stages for one configuration, rule set and store."""

    def __init__(
        self,
        settings: Settings,
        rules: RuleSet,
        store: Store,
        notifier: Notifier,
        *,
        clock: Callable[[], datetime] = now_utc,
        extract: bool = True,
        locks: Locks | None = None,
    ) -> None:
        self.settings = settings
        self.rules = rules
        self.store = store
        self.notifier = notifier
        self.clock = clock
        self.sources: dict[str, Source] = {
            s.name: make_source(s, settings.http) for s in settings.sources if s.enabled
        }
        self.extract_facts = extract
        self._recovering = True
        self.locks = locks or Locks(settings.http.concurrency, settings.http.per_host)

    # -- poll ----------------------------------------------------------------

    async def poll(self, source: Source, client: httpx.AsyncClient) -> PollResult:
        """Poll one source and store what is new; failures are logged, counted and returned.
        At most http.concurrency polls run at once, whoever calls."""
        host = self.locks.host(source.config.url)
        async with contextlib.AsyncExitStack() as stack:
            if host is not None:
                await stack.enter_async_context(host)
            await stack.enter_async_context(self.locks.polls)
            result = await self._poll(source, client)
        self._check_health(source)
        return result

    def _check_health(self, source: Source) -> None:
        """Source-health rules, after each poll of the source. A failure here is logged:
        it must not cost the poll its result."""
        rules = [
            r for r in self.rules.enabled() if isinstance(r, SourceRule) and r.watches(source.name)
        ]
        if not rules:
            return
        try:
            self._health(source, rules)
        except StoreError:
            raise
        except Exception:
            log.exception("source %s: health rules failed", source.name)

    def _health(self, source: Source, rules: list[SourceRule]) -> None:
        name = source.name
        status = self.store.source_status(name)
        if status is None:
            return
        last_new = self.store.last_new_article(name)
        now = self.clock()
        for rule in rules:
            state = self.store.fact(rule.id, f"health|{name}")
            matches = rule.check(
                name,
                source.config.kind,
                status.errors,
                status.last_error,
                last_new,
                status.first_success,
                state,
                now,
            )
            if not matches:
                continue
            suppressed = self._throttled(rule, now, {})
            alerts = [
                self._alert(replace(m, title=t, body=b), None, suppressed)
                for m in matches
                for t, b in [rule.render(m)]
            ]
            learned = [(m.rule, k, v, name) for m in matches for k, v in m.learn]
            for alert in self.store.record_alerts(alerts, learned, now=now):
                log.warning("rule %s: ALERT %s: %s", alert.rule, alert.id, alert.title)

    async def _poll(self, source: Source, client: httpx.AsyncClient) -> PollResult:
        now = self.clock()
        name = source.name
        try:
            state = self.store.source_state(name)
            baseline = self.settings.baseline and self.store.is_new_source(name)
            self.locks.fetching[name] = time.monotonic()  # the watchdog's view of progress
            try:
                fetched = await source.fetch(client, state)
            finally:
                self.locks.fetching.pop(name, None)
            for problem in fetched.problems:
                log.warning("source %s: %s", name, problem)
            fetched_at = self.clock()
            # Items already stored are dropped by uid before their text is cleaned (most
            # of a changed feed is old news); record_poll checks again in its transaction.
            # A stored story this source had not listed yet (first polled through another
            # feed of its publisher) gets this source added to its own.
            legacy = self.store.has_legacy_rows
            keys = [
                tuple(
                    k for k in (entry_uid(e), legacy_uid(e) if legacy else None, guid_key(e)) if k
                )
                for e in fetched.entries
            ]
            known = self.store.known_sources([k for ks in keys for k in ks])
            articles: list[Article] = []
            also_here: list[str] = []
            for entry, entry_keys in zip(fetched.entries, keys, strict=True):
                stored = next((known[k] for k in entry_keys if k in known), None)
                if stored is not None:
                    if name not in stored[1]:
                        also_here.append(stored[0])
                    continue
                article = normalize(
                    entry, fetched=fetched_at, default_language=source.config.language
                )
                if article is not None:
                    articles.append(article)
            # Rules scoped to a source see what this one lists, unless it is in its
            # baseline (its first poll records and does not alert).
            requeue = not baseline and bool(self.rules.scoped_to_source)
            if also_here:
                self.store.add_sources(also_here, name, requeue=requeue, now=fetched_at)
            fresh = self.store.record_poll(
                name,
                fetched.state,
                articles,
                now=fetched_at,
                baseline=baseline,
                next_poll=fetched_at + (wait := self._next_in(source, fetched.fresh_for)),
                requeue=requeue,
            )
        except SourceError as exc:
            return self._failed(source, str(exc), now, exc.retry_after)
        except StoreError:
            raise
        except Exception as exc:  # a bug in one source must not stop the others
            log.exception("source %s: unexpected error while polling", name)
            return self._failed(source, f"{type(exc).__name__}: {exc}", now, None)
        if fetched.not_modified:
            log.debug("source %s: not modified", name)
        else:
            log.log(
                logging.INFO if fresh else logging.DEBUG,
                "source %s: %d items, %d new%s",
                name,
                len(fetched.entries),
                len(fresh),
                " (baseline: recorded, no alerts)" if baseline and fresh else "",
            )
        return PollResult(
            source=name,
            ok=True,
            new=len(fresh),
            not_modified=fetched.not_modified,
            retry_in=wait if wait > source.config.interval else None,
        )

    @staticmethod
    def _next_in(source: Source, fresh_for: float | None) -> timedelta:
        """The interval, or longer when the server said its document stays fresh longer
        (Cache-Control max-age; at most a day, so a wrong header cannot mute a source)."""
        if not fresh_for:
            return source.config.interval
        return max(source.config.interval, min(timedelta(seconds=fresh_for), timedelta(days=1)))

    def _failed(
        self, source: Source, error: str, now: datetime, retry_after: float | None
    ) -> PollResult:
        """Count the failure and decide when to try again (doubling, capped, Retry-After)."""
        errors = self.store.failures(source.name) + 1
        retry_in = self.backoff(source, errors, retry_after)
        self.store.record_failure(source.name, error, now=now, next_poll=now + retry_in)
        message = error if error.startswith("source ") else f"source {source.name}: {error}"
        log.warning("%s (failure %d in a row, next try in %s)", message, errors, retry_in)
        return PollResult(source=source.name, ok=False, error=error, retry_in=retry_in)

    def backoff(self, source: Source, errors: int, retry_after: float | None = None) -> timedelta:
        """How long to wait after `errors` failures in a row: the interval doubled per
        failure, capped, never less than the server's Retry-After."""
        interval = source.config.interval
        wait = min(interval * (2 ** max(0, errors - 1)), max(MAX_SOURCE_BACKOFF, interval))
        if retry_after:
            wait = max(wait, timedelta(seconds=retry_after))
        return wait

    async def poll_all(self, names: list[str] | None = None) -> list[PollResult]:
        """Poll sources concurrently, at most http.concurrency at once."""
        chosen = [s for n, s in self.sources.items() if names is None or n in names]
        client = make_client(self.settings.http)
        try:
            return list(await asyncio.gather(*(self.poll(s, client) for s in chosen)))
        finally:
            await client.aclose()

    # -- process -------------------------------------------------------------

    async def process_pending(self) -> tuple[int, int]:
        """Archive, extract and run rules on every stored article not yet processed.
        Returns (articles processed, alerts recorded)."""
        async with self.locks.processing:
            if self._recovering and self.settings.archive is not None:
                # A crash between writing a temporary file and linking it leaves it behind.
                seedformat.remove_partial_writes(self.settings.archive)
            if self.settings.archive is not None:
                for article in self.store.unarchived():
                    self._archive(article)
            processed = alerts = 0
            while True:
                batch = self.store.pending_articles(limit=200)
                if not batch:
                    break
                # In order (a figure is new against the ones before it); with workers, a
                # chunk is processed as soon as its facts are in, while the next extract.
                async for part, facts in self._extracted([p.article for p in batch]):
                    for pending, f in zip(batch[part], facts, strict=True):
                        alerts += self._process(
                            pending.article,
                            baseline=pending.baseline,
                            file=pending.file,
                            facts=f,
                            again=pending.again,
                        )
                        processed += 1
                # Extraction is CPU work: let polls and deliveries breathe between batches.
                await asyncio.sleep(0)
            self._recovering = False
            return processed, alerts

    def _process(
        self,
        article: Article,
        *,
        baseline: bool,
        file: str | None,
        facts: object = None,
        again: bool = False,
    ) -> int:
        """Run the rules on one article (again: only those scoped to a source, for a
        source added since the others ran) and record what they found."""
        if file is None and self.settings.archive is not None:
            self._archive(article)
        if facts is _IN_PLACE:
            facts = self._extract(article)
        ctx = Context(
            article=article,
            facts=cast("Facts | None", facts),
            state=self.store,
            index=self.rules.index,
        )
        matches: list[Match] = []
        for rule in self.rules.candidates(ctx):
            if again and rule.id not in self.rules.scoped_to_source:
                continue
            try:
                matches.extend(rule.evaluate(ctx))
            except Exception:  # one broken rule must not cost the article the others
                log.exception(
                    "rule %s: failed on article %s", rule.id, article.url or article.uid[:16]
                )
        now = self.clock()
        quiet = self._quiet_reason(article, baseline, now)
        new_alerts = [] if quiet else self._new_alerts(matches, article, now)
        facts_learned = [
            (m.rule, m.key, m.facts, article.source) for m in matches if m.facts is not None
        ]
        facts_learned += [
            (m.rule, key, data, article.source) for m in matches for key, data in m.learn
        ]
        recorded = self.store.finish_article(
            article.uid, new_alerts, facts_learned, now=now, sources=article.sources
        )
        if quiet and matches:
            log.info(
                "article %s: %d rule matches not alerted (%s)",
                article.uid[:16],
                len(matches),
                quiet,
            )
        for alert in recorded:
            where = ", ".join(self.notifier.targets[t].label for t in alert.targets) or "log only"
            if alert.suppressed:
                log.info("rule %s: alert %s throttled: %s", alert.rule, alert.id, alert.title)
            else:
                log.info("rule %s: ALERT %s -> %s: %s", alert.rule, alert.id, where, alert.title)
        return len(recorded)

    def _quiet_reason(self, article: Article, baseline: bool, now: datetime) -> str | None:
        if baseline:
            return "baseline: first poll of the source"
        max_age = self.settings.max_age
        if max_age is not None and article.published < now - max_age:
            return f"published {article.published:%Y-%m-%d}, older than max_age"
        return None

    def _new_alerts(self, matches: list[Match], article: Article, now: datetime) -> list[NewAlert]:
        """Alerts for the matches whose fact is new; throttled ones are kept, marked."""
        out: list[NewAlert] = []
        last_sent: dict[str, datetime | None] = {}
        for match in matches:
            if not match.alert or self.store.has_alert(match.rule, match.key):
                continue  # a repeat: finish_article adds its source to the fact
            rule = self.rules.by_id[match.rule]
            suppressed = self._throttled(rule, now, last_sent)
            title, body = rule.render(match)
            out.append(self._alert(replace(match, title=title, body=body), article, suppressed))
        return out

    def _throttled(
        self, rule: Rule, now: datetime, last_sent: dict[str, datetime | None]
    ) -> str | None:
        """ "throttle" when the rule alerted within its throttle window, else None (and the
        alert about to be made counts). last_sent carries the times across one batch."""
        if not rule.throttle_window:
            return None
        if rule.id not in last_sent:
            last_sent[rule.id] = self.store.last_alert_time(rule.id)
        last = last_sent[rule.id]
        if last is not None and now - last < rule.throttle_window:
            return "throttle"
        last_sent[rule.id] = now
        return None

    def _alert(self, match: Match, article: Article | None, suppressed: str | None) -> NewAlert:
        return NewAlert(
            id=match.alert_id,
            rule=match.rule,
            kind=match.kind,
            key=match.key,
            title=match.title,
            body=match.body,
            facts=match.facts,
            previous=match.previous,
            article=None
            if article is None
            else {
                "url": article.url,
                "title": article.title,
                "published": article.published.date().isoformat(),
                "source": article.source,
            },
            article_uid=article.uid if article else None,
            suppressed=suppressed,
            targets=self.notifier.route(match.notify),
        )

    async def _extracted(
        self, articles: list[Article]
    ) -> AsyncIterator[tuple[slice, list[object]]]:
        """(slice of articles, their facts) in order. A backlog goes to worker processes
        in chunks (see monitor.workers); otherwise, and if the workers fail, each fact
        is _IN_PLACE: _process extracts it there and then."""
        pool = workers.pool() if self.extract_facts and len(articles) >= workers.BACKLOG else None
        if pool is None:
            yield slice(0, len(articles)), [_IN_PLACE] * len(articles)
            return
        size = max(8, -(-len(articles) // (4 * workers.cpus())))
        loop = asyncio.get_running_loop()
        parts = [slice(i, i + size) for i in range(0, len(articles), size)]
        jobs: list[asyncio.Future[list[tuple[Any, str | None]]]] = []
        done = 0  # articles whose facts are out
        try:
            for part in parts:
                chunk = [
                    (a.text, a.published.date(), a.title, *self._speakers(a))
                    for a in articles[part]
                ]
                jobs.append(loop.run_in_executor(pool, workers.extract_many, chunk))
            for part, job in zip(parts, jobs, strict=True):
                results = await job
                facts: list[object] = []
                for article, (found, error) in zip(articles[part], results, strict=True):
                    if error is not None:
                        log.error(
                            "article %s: extraction failed; rules run without facts: %s",
                            article.uid[:16],
                            error,
                        )
                    facts.append(found)
                yield part, facts
                done = part.stop
        except Exception as exc:  # the pool shut down, a worker killed...: the rest in place
            log.warning("extraction workers failed (%s); extracting in place", exc)
            for job in jobs:
                job.cancel()
            workers.discard()
            rest = len(articles) - min(done, len(articles))
            yield slice(len(articles) - rest, len(articles)), [_IN_PLACE] * rest

    def _speakers(self, article: Article) -> tuple[str | None, str | None]:
        """Who speaks in an article: the one its source names (an office's own
        releases: "I spoke today with..."), which wins over anything the text says;
        and the one its link implies, on an office's own site (kremlin.ru: the
        President of Russia that day), which a title naming its own speaker beats."""
        from monitor.extract.offices import site_speaker

        site = site_speaker(article.url, article.published.date())
        for name in article.sources:
            source = self.sources.get(name)
            if source is not None and source.config.speaker:
                return _leader_label(source.config.speaker), site
        return None, site

    def _extract(self, article: Article) -> object | None:
        if not self.extract_facts:
            return None
        from monitor.extract import extract

        try:
            return extract(
                article.text,
                article.published.date(),
                title=article.title,
                speaker=self._speakers(article)[0],
                default_speaker=self._speakers(article)[1],
            )
        except Exception:
            log.exception(
                "article %s: extraction failed; rules run without facts", article.uid[:16]
            )
            return None

    def _archive(self, article: Article) -> None:
        folder = self.settings.archive
        assert folder is not None
        doc = article.to_seed()
        try:
            path = self._adopt_existing(folder, article, doc) if self._recovering else None
            if path is None:
                path = seedformat.write_new(
                    folder, doc, article.file_identity, published=_file_time(article)
                )
        except OSError as exc:
            # The article stays in the database; `monitor export` can write it later.
            log.error(
                "archive %s: cannot write article %s: %s",
                folder,
                article.uid[:16],
                exc.strerror or exc,
            )
            return
        self.store.set_archive_file(article.uid, path.name)

    @staticmethod
    def _adopt_existing(folder: Path, article: Article, doc: seedformat.SeedDoc) -> Path | None:
        """After a crash between writing a file and recording it, find that file again."""
        suffix = f"_{seedformat.identity_hash(article.file_identity)}.txt"
        text = seedformat.render(doc)
        for path in folder.glob(f"*{suffix}") if folder.is_dir() else ():
            try:
                if path.read_text(encoding="utf-8") == text:
                    return path
            except OSError:
                continue
        return None

    # -- deliver -------------------------------------------------------------

    async def deliver_due(self) -> tuple[int, int]:
        """Send every due outbox row; targets side by side, each target's rows in order.
        Returns (delivered, failed attempts)."""
        due = self.store.due_deliveries(self.clock())
        if not due:
            return 0, 0
        by_target: dict[str, list[Due]] = {}
        for d in due:
            by_target.setdefault(d.target, []).append(d)
        results = await asyncio.gather(
            *(self._deliver_target(t, rows) for t, rows in by_target.items())
        )
        return sum(r[0] for r in results), sum(r[1] for r in results)

    async def _deliver_target(self, target: str, rows: list[Due]) -> tuple[int, int]:
        """One target's due rows, in order: first the sends a crash or a failure left in
        doubt, exactly as they were; then the rest, one message each or, past
        `digest_over`, folded into digests.

        Rows are claimed in the database before they are sent, so no other pass or
        process sends them meanwhile, and each claimed send is written down (its
        batch: the alert alone, or a digest's alerts) before it goes out. A send that
        may have reached the server is thus repeated with the same alerts under the
        same dedup key, never folded into another message. A failure leaves the rest
        for a later pass rather than hammering a dead server."""
        lock = self.locks.target(target)
        if lock.locked():
            return 0, 0  # another pass is sending to this target right now
        config = self.notifier.targets.get(target)
        if config is not None and config.quiet is not None and config.quiet.active(self.clock()):
            return 0, 0  # quiet hours: the rows wait in the outbox
        label = config.label if config is not None else target
        async with lock:
            now = self.clock()
            sends: list[tuple[str, list[Due]]] = []
            for batch in dict.fromkeys(d.batch for d in rows if d.batch):
                members = self.store.batch_deliveries(target, batch)
                if not members:
                    continue  # settled meanwhile (another pass, or given up)
                claimed = [d for d in members if self._claim(d, now)]
                if len(claimed) == len(members):
                    sends.append((batch, claimed))
                else:  # never a part of it under its key: receivers would drop the rest
                    self.store.release([d.alert.id for d in claimed], target, now=now)
            # Oldest alert first, the order batch_deliveries() gives a digest sent again.
            fresh = [d for d in rows if not d.batch and self._claim(d, now)]
            fresh.sort(key=lambda d: (d.alert.created, d.alert.id))
            if len(fresh) > self.settings.delivery.digest_over:
                sends += [(_digest_key(part), part) for part in _digest_parts(fresh)]
            else:
                sends += [(d.alert.id, [d]) for d in fresh]
            delivered = 0
            for i, (batch, part) in enumerate(sends):
                if await self._send(target, label, batch, part):
                    delivered += len(part)
                    continue
                # The rest were never tried: back to the outbox (those new in this
                # pass have no batch yet, and may join a digest later).
                rest = [d.alert.id for _, later in sends[i + 1 :] for d in later]
                self.store.release(rest, target, now=self.clock())
                return delivered, 1
        return delivered, 0

    def _claim(self, d: Due, now: datetime) -> bool:
        return self.store.claim(d.alert.id, d.target, now=now, lease=CLAIM_LEASE)

    async def _send(self, target: str, label: str, batch: str, part: list[Due]) -> bool:
        """Send one claimed message: an alert alone, or a digest. True when it went out.
        The batch is written down first: from then on the send is in doubt until its
        outcome is recorded, and is repeated only as it was."""
        if any(d.batch != batch for d in part):
            self.store.set_batch(target, batch, [d.alert.id for d in part])
        if len(part) == 1 and batch == part[0].alert.id:
            d = part[0]
            title, body, key = d.alert.title, d.alert.body, f"{d.alert.id}.{target}"
        else:
            title = f"monitor: {len(part)} alerts"
            body = "\n\n---\n\n".join(f"### {d.alert.title}\n\n{d.alert.body}" for d in part)
            key = f"{batch}.{target}"
        result = await self.notifier.send(target, title=title, body=body, key=key)
        if not result.ok:
            self._failed_delivery(part, target, label, result.error or "failed")
            return False
        self.store.mark_delivered([d.alert.id for d in part], target, now=self.clock())
        if len(part) == 1 and batch == part[0].alert.id:
            log.info("notify %s: delivered alert %s (rule %s)", label, batch, part[0].alert.rule)
        else:
            log.info("notify %s: delivered %d alerts in a digest", label, len(part))
        return True

    def _failed_delivery(self, rows: list[Due], target: str, label: str, error: str) -> None:
        """A send failed: the rows (one alert, or one digest's) wait and go again together."""
        if not rows:
            return
        cfg = self.settings.delivery
        now = self.clock()
        ids = [d.alert.id for d in rows]
        what = f"alert {ids[0]}" if len(ids) == 1 else f"digest of {len(ids)} alerts"
        attempts = max(d.attempts for d in rows) + 1
        if attempts >= cfg.max_attempts:
            self.store.mark_failed_attempt(ids, target, error, next_attempt=None)
            log.error(
                "notify %s: %s failed %d times, giving up (see monitor alerts --failed): %s",
                label,
                what,
                attempts,
                error,
            )
            return
        wait = min(cfg.backoff * (2 ** (attempts - 1)), cfg.max_backoff)
        if RATE_LIMITED.search(error):
            # apprise does not pass a service's Retry-After on (its plugins for Discord,
            # Matrix, Mastodon... honour it themselves); a bare 429 waits at least this.
            wait = max(wait, RATE_LIMIT_WAIT)
        wait = wait * random.uniform(0.8, 1.2)  # jitter: the retries of a burst spread out
        self.store.mark_failed_attempt(ids, target, error, next_attempt=now + wait)
        log.warning(
            "notify %s: %s not delivered (attempt %d, next try %s): %s",
            label,
            what,
            attempts,
            iso(now + wait),
            error,
        )

    async def prune(self) -> int:
        """Apply `retention`: forget articles read longer ago (facts and alerts stay), a
        batch per transaction, letting polls and deliveries run in between."""
        if self.settings.retention is None:
            return 0
        before = self.clock() - self.settings.retention
        removed = 0
        while (done := self.store.prune(before)) > 0:
            removed += done
            await asyncio.sleep(0)
        if removed:
            log.info(
                "retention: %d articles older than %s removed", removed, self.settings.retention
            )
        return removed

    # -- one cycle -----------------------------------------------------------

    async def run_once(self) -> CycleReport:
        report = CycleReport()
        results = await self.poll_all()
        report.polled = len(results)
        report.failed = [r.source for r in results if not r.ok]
        report.new_articles = sum(r.new for r in results)
        report.processed, report.alerts = await self.process_pending()
        report.delivered, report.delivery_failures = await self.deliver_due()
        await self.prune()
        return report
