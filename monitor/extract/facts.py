"""The records extraction produces: troop figures and leader contacts of one article.

Frozen, keyword-only dataclasses; `to_dict` gives the JSON shape of `monitor extract
--json` (SPEC.md), keys in the documented order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

TROOP_STATUSES = ("alert", "deployed", "massed", "considered", "withdrawn")
QUALIFIERS = ("exact", "approx", "up_to", "more_than", "range", "vague")
CONTACT_MODES = ("phone", "visit", "meeting", None)
CONTACT_STATUSES = ("held", "planned")


@dataclass(frozen=True, kw_only=True)
class TroopFigure:
    """A number of troops an actor placed somewhere.

    actor: country or alliance in English ("United States", "NATO"), None if unknown.
    count: the figure, the bottom of a range, or None for a vague amount.
    count_max: the top of a range, else None.
    qualifier: one of QUALIFIERS ("jusqu'à 8 500" is up_to).
    status: one of TROOP_STATUSES.
    location: the place phrase as written ("Europe de l'Est"), or None.
    evidence: the whole source sentence.
    """

    actor: str | None
    count: int | None
    count_max: int | None
    qualifier: str
    status: str
    location: str | None
    evidence: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TroopFigure:
        """The figure back from its JSON shape (a stored fact); other keys are ignored."""
        return cls(
            actor=data.get("actor"),
            count=data.get("count"),
            count_max=data.get("count_max"),
            qualifier=data.get("qualifier") or "exact",
            status=data.get("status") or "",
            location=data.get("location"),
            evidence=data.get("evidence") or "",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "count": self.count,
            "count_max": self.count_max,
            "qualifier": self.qualifier,
            "status": self.status,
            "location": self.location,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, kw_only=True)
class Contact:
    """A call, visit or meeting between two leaders, held or planned.

    leaders: the two people, English Wikidata labels, sorted.
    mode: "phone", "visit", "meeting", or None when the text does not say.
    date: the day of the contact when the text gives it; for a held contact reported
        without a day, the report's day (the publication day); else None.
    status: "held" or "planned".
    evidence: the whole source sentence.
    date_exact: False when `date` is the report's day, not a day the text states
        ("had a telephone conversation" in a release of that day); the JSON then
        carries ``"date_exact": false`` after the documented keys.
    """

    leaders: tuple[str, str]
    mode: str | None
    date: dt.date | None
    status: str
    evidence: str
    date_exact: bool = True

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "leaders": list(self.leaders),
            "mode": self.mode,
            "date": self.date.isoformat() if self.date else None,
            "status": self.status,
            "evidence": self.evidence,
        }
        if self.date is not None and not self.date_exact:
            out["date_exact"] = False
        return out


@dataclass(frozen=True, kw_only=True)
class Facts:
    """Everything extracted from one article, each fact once, in order of first mention."""

    troops: tuple[TroopFigure, ...] = ()
    contacts: tuple[Contact, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "troops": [t.to_dict() for t in self.troops],
            "contacts": [c.to_dict() for c in self.contacts],
        }
