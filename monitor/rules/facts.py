"""type: troops and type: contact: alerts on extracted facts, once per fact.

A fact's key is its identity. The first article that reports it raises the alert;
every later article that repeats it (however many outlets) only adds its source
to the stored fact, a corroboration count.

troops: a figure for an actor and status. ``troops|United States|deployed|3000``
is one fact; a different figure for the same actor and status is a new fact,
and alerts when it differs from the last known one by more than ``min_change``
(an absolute number or a percentage; by default any change).

contact: two leaders, a status (held or planned) and a date.
``contact|Emmanuel Macron|Vladimir Putin|held|2022-01-31`` is one fact, whatever
the mode or the wording. A contact with no date is the same fact as an undated
one of the same pair and status last mentioned within ``undated_window`` (30
days): "the presidents will talk in the coming days" repeated all week is one alert.
A held contact the text does not date ("had a telephone conversation with", in a
release of that day) carries its report's day, marked not exact; it is the same fact
as a contact of the pair and status dated within ``report_window`` (2 days) before
that day, or reported undated within that window: one call reported by outlets over
two days, or first undated then dated, is one alert.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, field_validator

from monitor.config import Duration
from monitor.rules.base import ARTICLE_FIELDS, Context, Match, Rule, alert_body, article_fields

if TYPE_CHECKING:  # the extractors load only where extraction runs (CLI start-up)
    from monitor.extract.facts import Contact, TroopFigure

TroopStatus = Literal["alert", "deployed", "massed", "considered", "withdrawn"]
ContactStatus = Literal["held", "planned"]
ContactMode = Literal["phone", "visit", "meeting", "unknown"]

STATUS_WORDS = {
    "alert": "placed on alert",
    "deployed": "deployed",
    "massed": "massed",
    "considered": "considered for deployment",
    "withdrawn": "withdrawn",
}


def _amount(figure: TroopFigure) -> str:
    count, top, qualifier = figure.count, figure.count_max, figure.qualifier
    if count is None:
        return "an unspecified number of"
    if qualifier == "range" and top:
        return f"{count:,}-{top:,}"
    prefix = {"up_to": "up to ", "approx": "about ", "more_than": "more than "}.get(
        qualifier or "", ""
    )
    return f"{prefix}{count:,}"


def _fact_match(
    rule: Rule,
    ctx: Context,
    kind: str,
    key: str,
    title: str,
    fact: TroopFigure | Contact,
    *,
    fields: dict[str, str],
    previous: Any = None,
    learn: tuple[tuple[str, Any], ...] = (),
) -> Match:
    """A Match for one fact: the shared body, the fact as extract prints it (the JSON
    shape the store keeps), and the template fields (the article's and the rule type's)."""
    return Match(
        rule=rule.id,
        kind=kind,
        key=key,
        title=title,
        body=alert_body(ctx, fact.evidence),
        notify=tuple(rule.notify),
        facts=fact.to_dict(),
        previous=previous,
        learn=learn,
        fields={**article_fields(ctx, fact.evidence), **fields},
    )


def _figure(figure: TroopFigure) -> str:
    """The figure part of a troop fact's key: 3000, 1000-5000, or vague."""
    if figure.count is None:
        return "vague"
    return f"{figure.count}-{figure.count_max}" if figure.count_max else str(figure.count)


class TroopsRule(Rule):
    """type: troops. Alerts on a new troop figure for an actor and status."""

    fields: ClassVar[tuple[str, ...]] = (
        *ARTICLE_FIELDS,
        "actor",
        "amount",
        "count",
        "count_max",
        "qualifier",
        "status",
        "status_text",
        "location",
        "previous",
        "change",
    )
    actors: list[str] = Field(default_factory=list)
    statuses: list[TroopStatus] = Field(default_factory=list)
    #: smallest change from the last known figure that alerts: 500 or "10%"; 0 = any change
    min_change: float | str = 0
    #: alert on vague amounts ("tens of thousands") too
    include_vague: bool = False

    @field_validator("min_change")
    @classmethod
    def _threshold(cls, value: float | str) -> float | str:
        if isinstance(value, str):
            text = value.strip()
            number = text[:-1] if text.endswith("%") else text
            try:
                if float(number) < 0:
                    raise ValueError
            except ValueError:
                raise ValueError("min_change is a number (500) or a percentage (10%)") from None
        elif value < 0:
            raise ValueError("min_change cannot be negative")
        return value

    def _big_enough(self, old: int | None, new: int | None) -> bool:
        if old is None or new is None:
            return True
        change = abs(new - old)
        if isinstance(self.min_change, str) and self.min_change.strip().endswith("%"):
            pct = float(self.min_change.strip()[:-1])
            return change > 0 and (old == 0 or change * 100 >= pct * old)
        return change > 0 and change >= float(self.min_change)

    def evaluate(self, ctx: Context) -> list[Match]:
        facts = ctx.facts
        if facts is None:
            return []
        from monitor.extract.facts import TroopFigure  # loaded: facts were extracted

        out: list[Match] = []
        seen: set[str] = set()
        for troop in facts.troops:
            actor, status = troop.actor, troop.status
            if not actor or not status:
                continue
            if (self.actors and actor not in self.actors) or (
                self.statuses and status not in self.statuses
            ):
                continue
            if troop.count is None and not self.include_vague:
                continue
            figure = _figure(troop)
            key = f"troops|{actor}|{status}|{figure}"
            if key in seen:
                continue
            seen.add(key)
            latest_key = f"latest|{actor}|{status}"
            stored = ctx.state.fact(self.id, latest_key) if ctx.state else None
            latest = TroopFigure.from_dict(stored) if stored is not None else None
            known = ctx.state.fact(self.id, key) if ctx.state else None
            as_of = ctx.article.published.date().isoformat()
            # An article older than the latest known figure does not replace it: a late
            # copy of last week's report must not read as a change back.
            stale = stored is not None and stored.get("as_of", "") > as_of
            previous = latest if latest is not None and _figure(latest) != figure else None
            if (
                known is None
                and previous is not None
                and not stale
                and not self._big_enough(previous.count, troop.count)
            ):
                continue
            if stale and latest is not None:
                was = f" (an earlier report; latest known: {_amount(latest)})"
            elif previous is not None:
                was = f" (was {_amount(previous)})"
            else:
                was = " (first figure)"
            title = f"[{self.id}] {actor}: {_amount(troop)} troops {STATUS_WORDS.get(status, status)}{was}"
            if troop.location:
                title += f", {troop.location}"
            out.append(
                _fact_match(
                    self,
                    ctx,
                    "troops",
                    key,
                    title,
                    troop,
                    previous=None if stale or previous is None else previous.to_dict(),
                    learn=() if stale else ((latest_key, {**troop.to_dict(), "as_of": as_of}),),
                    fields={
                        "actor": actor,
                        "amount": _amount(troop),
                        "count": "" if troop.count is None else str(troop.count),
                        "count_max": "" if troop.count_max is None else str(troop.count_max),
                        "qualifier": troop.qualifier or "",
                        "status": status,
                        "status_text": STATUS_WORDS.get(status, status),
                        "location": troop.location or "",
                        "previous": _amount(previous) if previous else "",
                        "change": was.strip(" ()"),
                    },
                )
            )
        return out


class ContactRule(Rule):
    """type: contact. Alerts on a new call, visit or meeting between two leaders."""

    fields: ClassVar[tuple[str, ...]] = (
        *ARTICLE_FIELDS,
        "leaders",
        "leader1",
        "leader2",
        "mode",
        "status",
        "date",
    )
    #: at least one of these leaders (English Wikidata labels) in the pair; empty = any
    leaders: list[str] = Field(default_factory=list)
    modes: list[ContactMode] = Field(default_factory=list)
    statuses: list[ContactStatus] = Field(default_factory=list)
    undated_window: Duration = timedelta(days=30)
    #: a contact dated by its report's day is one with the same pair and status dated
    #: (or reported) this close before or after it
    report_window: Duration = timedelta(days=2)

    def evaluate(self, ctx: Context) -> list[Match]:
        facts = ctx.facts
        if facts is None:
            return []
        out: list[Match] = []
        seen: set[str] = set()
        for contact in facts.contacts:
            pair = sorted(contact.leaders)
            status, mode = contact.status, contact.mode
            when = contact.date.isoformat() if contact.date else None
            if len(pair) != 2 or status not in ("held", "planned"):
                continue
            if self.leaders and not set(pair) & set(self.leaders):
                continue
            if self.statuses and status not in self.statuses:
                continue
            if self.modes and (mode or "unknown") not in self.modes:
                continue
            base = f"contact|{pair[0]}|{pair[1]}|{status}"
            learn: tuple[tuple[str, Any], ...] = ()
            if contact.date:
                key = self._dated_key(ctx, base, contact.date, contact)
            else:
                key, learn = self._undated_key(ctx, base)
            if key in seen:
                continue
            seen.add(key)
            what = {"phone": "phone call", "visit": "visit", "meeting": "meeting"}.get(
                mode or "", "contact"
            )
            day = f" on {when}" if when else " (date not given)"
            title = f"[{self.id}] {pair[0]} - {pair[1]}: {what} {status}{day}"
            out.append(
                _fact_match(
                    self,
                    ctx,
                    "contact",
                    key,
                    title,
                    contact,
                    learn=learn,
                    fields={
                        "leaders": f"{pair[0]} - {pair[1]}",
                        "leader1": pair[0],
                        "leader2": pair[1],
                        "mode": what,
                        "status": status,
                        "date": when or "",
                    },
                )
            )
        return out

    def _dated_key(self, ctx: Context, base: str, day: date, contact: Contact) -> str:
        """The key of a dated contact: its day's, unless its day is only its report's
        (date_exact false) and the pair has a contact dated within report_window before
        it, or reported that way within the window either side; or its day is stated
        and the pair has one reported undated within report_window after it."""
        own = f"{base}|{day.isoformat()}"
        if ctx.state is None or ctx.state.fact(self.id, own) is not None:
            return own
        reported = not contact.date_exact
        days = self.report_window.days
        around = range(-days, days + 1) if reported else range(1, days + 1)
        for shift in sorted(around, key=abs):
            key = f"{base}|{(day + timedelta(days=shift)).isoformat()}"
            known = ctx.state.fact(self.id, key)
            if known is None:
                continue
            # A report-day contact folds into any near one; a stated day only into
            # one that was itself a report day (two dated calls are two calls).
            if reported and (shift <= 0 or known.get("date_exact") is False):
                return key
            if not reported and known.get("date_exact") is False:
                return key
        return own

    def _undated_key(self, ctx: Context, base: str) -> tuple[str, tuple[tuple[str, Any], ...]]:
        """The key of an undated contact: the open one for this pair and status if it was
        mentioned within the window (a plan talked about all week is one plan), else a new one."""
        today = ctx.article.published.date()
        state_key = f"undated|{base}"
        open_fact = ctx.state.fact(self.id, state_key) if ctx.state else None
        if open_fact:
            last = date.fromisoformat(open_fact["last"])
            if abs(today - last) <= self.undated_window:
                seen = {**open_fact, "last": max(today, last).isoformat()}
                return open_fact["key"], ((state_key, seen),)
        key = f"{base}|undated@{today.isoformat()}"
        return key, (
            (state_key, {"key": key, "first": today.isoformat(), "last": today.isoformat()}),
        )
