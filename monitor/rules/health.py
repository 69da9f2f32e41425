"""type: frequency and type: source: alerts on how much news comes, not what it says.

frequency: at least ``count`` articles matching ``match`` published within
``window``: one alert when the burst starts; the next burst alerts again once the
count has fallen below ``count``.

source: a source failing ``failures`` polls in a row, or bringing no new article for
``silent``: one alert when it starts, and another when the source recovers.
These are checked after every poll of the source, not per article.
"""

from __future__ import annotations

import fnmatch
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Literal

from pydantic import Field

from monitor.config import Duration, OptionalDuration
from monitor.rules.base import ARTICLE_FIELDS, Context, Match, Rule, alert_body, article_fields
from monitor.rules.match import ExpressionRule

SourceKind = Literal["feed", "files", "page"]


def _span(window: timedelta) -> str:
    seconds = int(window.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


class FrequencyRule(ExpressionRule):
    """type: frequency. N matching articles within a window."""

    fields: ClassVar[tuple[str, ...]] = (*ARTICLE_FIELDS, "count", "window")
    count: int = Field(ge=2)
    window: Duration

    def _burst(self, times: list[str], when: datetime) -> list[str] | None:
        """The times of a window of `window` that holds `when` and at least `count` times."""
        stamps = [datetime.fromisoformat(t) for t in times]
        for i, start in enumerate(stamps):
            if not start <= when <= start + self.window:
                continue
            inside = [times[j] for j in range(i, len(stamps)) if stamps[j] <= start + self.window]
            if len(inside) >= self.count:
                return inside
        return None

    def evaluate(self, ctx: Context) -> list[Match]:
        if not self.matches(ctx):
            return []
        state = (ctx.state.fact(self.id, "window") if ctx.state else None) or {
            "times": [],
            "burst": False,
        }
        # In UTC: the times are compared as ISO strings, which hold only at one offset.
        when = ctx.article.published.astimezone(UTC)
        # Articles are read in any order (a slow outlet, a later poll): keep the times near
        # the newest one known, and look for a window holding this article and enough others.
        times = sorted({*state["times"], when.isoformat()})
        newest = datetime.fromisoformat(times[-1])
        times = [t for t in times if datetime.fromisoformat(t) > newest - 2 * self.window]
        burst_times = self._burst(times, when)
        learn = (("window", {"times": times[-self.count * 4 :], "burst": burst_times is not None}),)
        if burst_times is None or state["burst"]:
            return [
                Match(
                    rule=self.id,
                    kind="frequency",
                    key="",
                    title="",
                    body="",
                    notify=(),
                    learn=learn,
                    alert=False,
                )
            ]
        span = _span(self.window)
        return [
            Match(
                rule=self.id,
                kind="frequency",
                key=f"frequency|{burst_times[0]}",
                title=f"[{self.id}] {len(burst_times)} matching articles within {span}, the latest: {ctx.article.title}",
                body=alert_body(ctx, None),
                notify=tuple(self.notify),
                learn=learn,
                fields={
                    **article_fields(ctx, None),
                    "count": str(len(burst_times)),
                    "window": span,
                },
            )
        ]


class SourceRule(Rule):
    """type: source. A source failing, or silent, too long; and its recovery."""

    fields: ClassVar[tuple[str, ...]] = ("name", "kind", "errors", "error")
    #: source names (globs); empty = every source
    sources: list[str] = Field(default_factory=list)
    #: failed polls in a row that make a failing source
    failures: int = Field(default=3, ge=1)
    #: no new article for this long makes a silent source; null = not checked
    silent: OptionalDuration = None
    #: the kinds of source silence applies to: a page is one article, an inbox may rest
    silent_kinds: list[SourceKind] = Field(default_factory=lambda: list[SourceKind](["feed"]))

    def evaluate(self, ctx: Context) -> list[Match]:
        return []  # not per article: see check()

    def watches(self, name: str) -> bool:
        return not self.sources or any(fnmatch.fnmatchcase(name, g) for g in self.sources)

    def check(
        self,
        name: str,
        kind: str,
        errors: int,
        error: str | None,
        last_new: datetime | None,
        first_seen: datetime | None,
        state: Any,
        now: datetime,
    ) -> list[Match]:
        """Matches for this source's health after a poll. state: what the rule kept."""
        state = state or {}
        out: list[Match] = []
        problem = None
        if errors >= self.failures:
            problem = f"failing: {errors} polls in a row ({error})"
        elif self.silent is not None and kind in self.silent_kinds:
            since = last_new or first_seen
            if since is not None and now - since > self.silent:
                problem = f"silent: no new article for {_span(self.silent)} or more"
        if problem and not state.get("down"):
            key = f"source|{name}|down|{now.isoformat()}"
            out.append(
                self._match(
                    name, kind, key, f"source {name} {problem}", errors, error, {"down": key}
                )
            )
        elif not problem and state.get("down"):
            key = f"source|{name}|recovered|{now.isoformat()}"
            out.append(
                self._match(
                    name, kind, key, f"source {name} recovered", errors, error, {"down": None}
                )
            )
        return out

    def _match(
        self,
        name: str,
        kind: str,
        key: str,
        what: str,
        errors: int,
        error: str | None,
        new_state: dict[str, Any],
    ) -> Match:
        return Match(
            rule=self.id,
            kind="source",
            key=key,
            title=f"[{self.id}] {what}",
            body=f"Source `{name}`: {what}.",
            notify=tuple(self.notify),
            learn=((f"health|{name}", new_state),),
            fields={"name": name, "kind": kind, "errors": str(errors), "error": error or ""},
        )
