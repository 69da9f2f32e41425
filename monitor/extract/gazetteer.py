"""The leaders gazetteer: heads of state and government with dated terms.

Loaded once from monitor/data/leaders.json (see scripts/build_leaders.py for where it
comes from and how to refresh it). Terms make role phrases resolve for a date:
`holder("Germany", "chancellor", day)` is Angela Merkel until 8 December 2021 and Olaf
Scholz after. Each country also says which office leads it abroad (its "executive"),
which is whom "le dirigeant russe" or a foreign leader's "homologue" means.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources

from monitor.extract.phrases import PhraseMatcher

HEAD_OF_STATE = "head_of_state"
HEAD_OF_GOVERNMENT = "head_of_government"
#: The office of a ruler who is neither head of state nor of government.
RULER = "ruler"

#: Rulers Wikidata's head-of-state and head-of-government statements leave out, added
#: to the file's terms at load (a rebuild of the file keeps them): a ruling crown
#: prince counts as a leader. (label, country, office, role, start, end or "").
EXTRA_TERMS = (("Mohammed bin Salman", "Saudi Arabia", RULER, "crown_prince", "2017-06-21", ""),)


@dataclass(frozen=True, kw_only=True)
class Term:
    """One stretch in one office. end is None while in office."""

    country: str
    office: str
    role: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, kw_only=True)
class Leader:
    qid: str | None
    label: str
    aliases: tuple[str, ...]
    short: tuple[str, ...]
    terms: tuple[Term, ...]

    def distance(self, day: dt.date) -> int:
        """Days between day and this person's nearest term (0 when in office)."""
        best = 10**6
        for t in self.terms:
            if t.covers(day):
                return 0
            if t.start and day < t.start:
                best = min(best, (t.start - day).days)
            if t.end and day >= t.end:
                best = min(best, (day - t.end).days + 1)
        return best

    def countries(self, day: dt.date) -> tuple[str, ...]:
        near = sorted(self.terms, key=lambda t: 0 if t.covers(day) else 1)
        return tuple(dict.fromkeys(t.country for t in near))

    def term_on(self, day: dt.date) -> Term | None:
        current = [t for t in self.terms if t.covers(day)]
        if current:
            return current[0]
        return min(
            self.terms, key=lambda t: abs(((t.end or t.start or day) - day).days), default=None
        )


class Gazetteer:
    """The leaders file, indexed for lookup by name, country and date."""

    def __init__(self, leaders: list[Leader], executive: dict[str, str]) -> None:
        self.leaders = leaders
        self.by_label = {p.label: p for p in leaders}
        self.executive = executive
        full: dict[str, list[Leader]] = {}
        short: dict[str, list[Leader]] = {}
        for p in leaders:
            for name in (p.label, *p.aliases):
                # "le roi Charles III" is found as "roi Charles III": a table keyed on
                # "le" would be probed at every article in the text.
                # A whole word only: "Lee Jae-myung", "Theresa May" keep their names.
                name = re.sub(r"^(?:(?:le|la|les|the)\s+|l['’])", "", name, flags=re.IGNORECASE)
                full.setdefault(name, []).append(p)
            for name in p.short:
                short.setdefault(name, []).append(p)
        self.full_matcher = PhraseMatcher(full.items(), case_sensitive=False)
        self.short_matcher = PhraseMatcher(short.items(), case_sensitive=True)
        # holder() scans every term of every leader; the answer only depends on its
        # arguments (the gazetteer does not change once loaded), and articles ask the
        # same few (country, role, day) again and again.
        self._holders: dict[tuple[str, str, dt.date], Leader | None] = {}

    def named(self, name: str) -> Leader | None:
        """The one person a whole name denotes (label or alias, case and accents as
        written or folded), else None: "Volodymyr Zelenskyy" -> Volodymyr Zelensky."""
        if not hasattr(self, "_names"):
            names: dict[str, set[str]] = {}
            for p in self.leaders:
                for form in (p.label, *p.aliases):
                    names.setdefault(_fold(form), set()).add(p.label)
            self._names = {k: next(iter(v)) for k, v in names.items() if len(v) == 1}
        label = self._names.get(_fold(name))
        return self.by_label.get(label) if label else None

    def holder(self, country: str, role: str, day: dt.date) -> Leader | None:
        """Who held `role` in `country` on `day`.

        role: a term role (president, prime_minister, chancellor, monarch,
        supreme_leader), an office (head_of_state, head_of_government), or
        "executive" (whoever leads the country abroad: see the file's countries).
        """
        key = (country, role, day)
        try:
            return self._holders[key]
        except KeyError:
            pass
        found = self._holder(country, role, day)
        if len(self._holders) >= 65536:
            self._holders.clear()  # bounded: a long-running daemon sees many days
        self._holders[key] = found
        return found

    def _holder(self, country: str, role: str, day: dt.date) -> Leader | None:
        if role == "executive":
            role = self.executive.get(country, HEAD_OF_GOVERNMENT)
        fallback = {"chancellor": HEAD_OF_GOVERNMENT, "prime_minister": HEAD_OF_GOVERNMENT}
        for wanted in (role, fallback.get(role)):
            if wanted is None:
                continue
            for p in self.leaders:
                for t in p.terms:
                    if t.country == country and wanted in (t.role, t.office) and t.covers(day):
                        return p
        return None


def nearest(candidates: list[Leader], day: dt.date) -> Leader | None:
    if not candidates:
        return None
    return min(candidates, key=lambda p: p.distance(day))


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(name.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@functools.cache
def gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once (functools.cache: first call wins, then shared)."""
    raw = resources.files("monitor").joinpath("data/leaders.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    leaders = [
        Leader(
            qid=item.get("qid"),
            label=item["label"],
            aliases=tuple(item.get("aliases", ())),
            short=tuple(item.get("short", ())),
            terms=tuple(
                Term(
                    country=t["country"],
                    office=t["office"],
                    role=t["role"],
                    start=_date(t.get("start")),
                    end=_date(t.get("end")),
                )
                for t in item.get("terms", ())
            ),
        )
        for item in data["leaders"]
    ]
    extra: dict[str, list[Term]] = {}
    for label, country, office, role, start, end in EXTRA_TERMS:
        extra.setdefault(label, []).append(
            Term(country=country, office=office, role=role, start=_date(start), end=_date(end))
        )
    # After the file's own terms: a leader's first current term is the office he is
    # paired by (Leader.term_on), and the crown prince is Saudi Arabia's prime minister
    # too from 2022.
    leaders = [replace(p, terms=p.terms + tuple(extra.get(p.label, ()))) for p in leaders]
    executive = {
        name: c.get("executive", HEAD_OF_GOVERNMENT)
        for name, c in data.get("countries", {}).items()
    }
    return Gazetteer(leaders, executive)
