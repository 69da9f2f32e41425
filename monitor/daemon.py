"""`monitor run`: the pipeline on a schedule until SIGTERM.

APScheduler (3.x, AsyncIOScheduler) holds one interval job per source, each with
its own interval and jitter, plus a delivery job for retries. A failing source is
pushed back (doubling, capped) without touching the others. Signals become
events on the loop: SIGTERM/SIGINT stop after the work in flight, SIGHUP
reloads config and rules (a bad new file keeps the old ones running).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.config import Settings, load_settings
from monitor.errors import ConfigError, StoreError
from monitor.notify import Notifier
from monitor.pipeline import Locks, Pipeline
from monitor.rules import RuleSet, load_rules
from monitor.sources import Source
from monitor.sources.http import make_client
from monitor.store import Store, now_utc
from monitor.systemd import notify, watchdog_interval

log = logging.getLogger("monitor")

DELIVERY_EVERY = timedelta(seconds=15)


@dataclass(frozen=True)
class Loaded:
    settings: Settings
    rules: RuleSet
    notifier: Notifier


def load_all(config_path: str | None) -> Loaded:
    """Config, rules and targets, or ConfigError with every problem in all of them."""
    settings = load_settings(config_path)
    problems: list[str] = []
    rules = RuleSet(rules=())
    notifier = None
    try:
        rules = load_rules(settings.rules)
    except ConfigError as exc:
        problems.extend(exc.problems)
    try:
        notifier = Notifier(settings.notify)
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems or notifier is None:
        raise ConfigError(problems)
    return Loaded(settings, rules, notifier)


class Daemon:
    def __init__(self, config_path: str | None, loaded: Loaded) -> None:
        self.config_path = config_path
        self.loaded = loaded
        self.store = Store(loaded.settings.database)
        self.store.lock()
        self.store.release_claims(now=now_utc())
        self.locks = Locks(loaded.settings.http.concurrency, loaded.settings.http.per_host)
        self.pipeline = self._pipeline(loaded)
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self.stop_event = asyncio.Event()
        self.client = make_client(loaded.settings.http)
        self.last_cycle: datetime | None = None

    def _pipeline(self, loaded: Loaded) -> Pipeline:
        return Pipeline(
            loaded.settings, loaded.rules, self.store, loaded.notifier, locks=self.locks
        )

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.stop_event.set)
        loop.add_signal_handler(signal.SIGINT, self.stop_event.set)
        loop.add_signal_handler(signal.SIGHUP, self.reload)
        self._schedule()
        watchdog = watchdog_interval()
        if watchdog is not None:
            self.scheduler.add_job(
                self._watchdog,
                IntervalTrigger(seconds=watchdog.total_seconds()),
                id="watchdog",
                misfire_grace_time=None,
                max_instances=1,
                coalesce=True,
            )
        # Retention: at start, then every 6 h (kept across reloads, like the watchdog).
        self.scheduler.add_job(
            self._prune_job,
            IntervalTrigger(hours=6),
            id="prune",
            max_instances=1,
            coalesce=True,
            next_run_time=now_utc(),
        )
        self.scheduler.start()
        log.info(
            "monitor running: %d sources, %d rules, %d notify targets (config: %s)",
            len(self.pipeline.sources),
            len(self.loaded.rules.rules),
            len(self.loaded.notifier.targets),
            self.loaded.settings.origin,
        )
        try:
            # Articles stored but not processed before a stop or crash are done first.
            await self._after_poll()
            notify("READY=1", f"STATUS={self.status()}")
            await self.stop_event.wait()
        finally:
            notify("STOPPING=1", "STATUS=stopping: finishing the work in flight")
            log.info("monitor stopping")
            self.scheduler.shutdown(wait=False)
            await self._drain()
            await self.client.aclose()
            self.store.close()
        return 0

    def _schedule(self) -> None:
        statuses = self.store.source_statuses()
        now = now_utc()
        for name, source in self.pipeline.sources.items():
            cfg = source.config
            status = statuses.get(name)
            # A restart keeps the schedule: a source polled a minute ago waits its turn.
            first = (
                status.next_poll if status and status.next_poll and status.next_poll > now else now
            )
            self.scheduler.add_job(
                self._poll_job,
                IntervalTrigger(
                    seconds=cfg.interval.total_seconds(),
                    jitter=int(cfg.effective_jitter.total_seconds()) or None,
                ),
                args=[name],
                id=f"source:{name}",
                name=name,
                next_run_time=first,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=None,
            )
        self.scheduler.add_job(
            self._deliver_job,
            IntervalTrigger(seconds=DELIVERY_EVERY.total_seconds()),
            id="deliver",
            max_instances=1,
            coalesce=True,
        )

    async def _poll_job(self, name: str) -> None:
        source: Source | None = self.pipeline.sources.get(name)
        if source is None or self.stop_event.is_set():
            return
        try:
            result = await self.pipeline.poll(source, self.client)
            if result.retry_in is not None:
                job = self.scheduler.get_job(f"source:{name}")
                if job is not None:
                    job.modify(next_run_time=now_utc() + result.retry_in)
            await self._after_poll()
        except StoreError as exc:
            # Disk full, read-only database: nothing was recorded; the next poll tries again.
            log.error("%s", exc)

    async def _after_poll(self) -> None:
        await self.pipeline.process_pending()
        await self.pipeline.deliver_due()
        self.last_cycle = now_utc()
        notify(f"STATUS={self.status()}")

    def status(self) -> str:
        """One line for `systemctl status`: sources, health, last cycle, pending alerts."""
        failing = len(self.store.failing_sources() & self.pipeline.sources.keys())
        last = self.last_cycle.strftime("%H:%M:%S UTC") if self.last_cycle else "none yet"
        return (
            f"{len(self.pipeline.sources)} sources ({failing} failing), last cycle {last}, "
            f"{self.store.pending_count()} alerts pending delivery"
        )

    async def _watchdog(self) -> None:
        """WATCHDOG=1 only while the loop makes progress: this job running proves the event
        loop and the scheduler are alive, and no fetch may be stuck past its own deadline
        (each has one; waiting for a slot or for processing does not count)."""
        limit = self.loaded.settings.http.timeout.total_seconds() + 60
        now = time.monotonic()
        stuck = [n for n, started in self.locks.fetching.items() if now - started > limit]
        if stuck:
            log.error(
                "watchdog: fetches stuck for more than %ds: %s; not pinging systemd",
                limit,
                ", ".join(sorted(stuck)),
            )
            return
        notify("WATCHDOG=1")

    async def _prune_job(self) -> None:
        try:
            await self.pipeline.prune()
        except StoreError as exc:
            log.error("%s", exc)

    async def _deliver_job(self) -> None:
        try:
            await self.pipeline.deliver_due()
        except StoreError as exc:
            log.error("%s", exc)

    async def _drain(self) -> None:
        """Let the work in flight finish: the article being processed, the messages being
        sent (a message that went out must be recorded as sent before the store closes)."""
        try:
            async with asyncio.timeout(20):
                async with self.locks.processing:
                    pass
                for lock in self.locks.busy_targets():
                    async with lock:
                        pass
        except TimeoutError:
            log.warning("stop: work still in flight after 20s; it resumes at next start")

    def reload(self) -> None:
        """SIGHUP: new config and rules, or the old ones and every error logged."""
        notify(
            "RELOADING=1",
            f"MONOTONIC_USEC={time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000}",
            "STATUS=reloading config and rules",
        )
        try:
            self._reload()
        finally:
            notify("READY=1", f"STATUS={self.status()}")

    def _reload(self) -> None:
        try:
            loaded = load_all(self.config_path)
        except ConfigError as exc:
            for problem in exc.problems:
                log.error("reload refused: %s", problem)
            log.error("reload refused: keeping the running config and rules")
            return
        if loaded.settings.database != self.loaded.settings.database:
            log.warning(
                "reload: a new database path needs a restart; keeping %s",
                self.loaded.settings.database,
            )
            loaded = Loaded(
                loaded.settings.model_copy(update={"database": self.loaded.settings.database}),
                loaded.rules,
                loaded.notifier,
            )
        if loaded.settings.http != self.loaded.settings.http:
            log.warning(
                "reload: http settings (limits, timeout, user agent) apply at the next restart"
            )
        self.loaded = loaded
        self.pipeline = self._pipeline(loaded)
        for job in self.scheduler.get_jobs():
            if job.id not in ("watchdog", "prune"):
                job.remove()
        self._schedule()
        log.info(
            "reloaded: %d sources, %d rules, %d notify targets",
            len(self.pipeline.sources),
            len(loaded.rules.rules),
            len(loaded.notifier.targets),
        )


def run_daemon(config_path: str | None) -> int:
    loaded = load_all(config_path)

    async def main() -> int:
        return await Daemon(config_path, loaded).run()

    return asyncio.run(main())
