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
from datetime import datetime, timedelta
from typing import Any, ClassVar

from pydantic import Field

from monitor.config import Duration, OptionalDuration
from monitor.rules.base import Context, Match, Rule, alert_body, article_fields
from monitor.rules.match import ExpressionRule


def _span(window: timedelta) -> str:
    seconds = int(window.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


class FrequencyRule(ExpressionRule):
    """type: frequency. N matching articles within a window."""

    type_name: ClassVar[str] = "frequency"
    fields: ClassVar[tuple[str, ...]] = ("count", "window")
    count: int = Field(ge=2)
    window: Duration

    def evaluate(self, ctx: Context) -> list[Match]:
        if not self._expr.test(ctx):
            return []
        state = (ctx.state.fact(self.id, "window") if ctx.state else None) or {
            "times": [],
            "burst": False,
        }
        when = ctx.article.published
        since = (when - self.window).isoformat()
        times = sorted(
            [t for t in state["times"] if since < t <= when.isoformat()] + [when.isoformat()]
        )
        burst = len(times) >= self.count
        learn = (("window", {"times": times[-self.count * 4 :], "burst": burst}),)
        if not burst or state["burst"]:
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
                key=f"frequency|{times[0]}",
                title=f"[{self.id}] {len(times)} matching articles within {span}, the latest: {ctx.article.title}",
                body=alert_body(ctx, None),
                notify=tuple(self.notify),
                learn=learn,
                fields={**article_fields(ctx, None), "count": str(len(times)), "window": span},
            )
        ]


class SourceRule(Rule):
    """type: source. A source failing, or silent, too long; and its recovery."""

    type_name: ClassVar[str] = "source"
    fields: ClassVar[tuple[str, ...]] = ("name", "errors", "error", "silent_for")
    #: source names (globs); empty = every source
    sources: list[str] = Field(default_factory=list)
    #: failed polls in a row that make a failing source
    failures: int = Field(default=3, ge=1)
    #: no new article for this long makes a silent source; null = not checked
    silent: OptionalDuration = None

    def evaluate(self, ctx: Context) -> list[Match]:
        return []  # not per article: see check()

    def watches(self, name: str) -> bool:
        return not self.sources or any(fnmatch.fnmatchcase(name, g) for g in self.sources)

    def check(
        self,
        name: str,
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
        elif self.silent is not None:
            since = last_new or first_seen
            if since is not None and now - since > self.silent:
                problem = f"silent: no new article for {_span(self.silent)} or more"
        if problem and not state.get("down"):
            key = f"source|{name}|down|{now.isoformat()}"
            out.append(
                self._match(name, key, f"source {name} {problem}", errors, error, {"down": key})
            )
        elif not problem and state.get("down"):
            key = f"source|{name}|recovered|{now.isoformat()}"
            out.append(
                self._match(name, key, f"source {name} recovered", errors, error, {"down": None})
            )
        return out

    def _match(
        self,
        name: str,
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
            fields={"name": name, "errors": str(errors), "error": error or "", "silent_for": ""},
        )
