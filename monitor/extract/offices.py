"""Who speaks on an office's own site: the holder of that office on the day.

A release on en.kremlin.ru that reads "Telephone conversation with President of Turkey
Recep Tayyip Erdogan" is the President of Russia's; an address on president.gov.ua
saying "I spoke today with..." is the President of Ukraine's. `data/offices.json` lists
such sites (host, optional path prefix, country and role); `site_speaker` gives the
holder of the office on the article's day, as a gazetteer label. A source's own
`speaker:` setting wins over it, and so does a title naming its own speaker.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from monitor.extract.gazetteer import gazetteer


@dataclass(frozen=True)
class Office:
    """One office's site: links on `host` (or a subdomain) under `path`, a whole path
    segment unless `prefix` (gov.uk's "/government/news/pm-" starts a segment's name)."""

    host: str
    path: str
    country: str
    role: str
    prefix: bool = False

    def covers(self, path: str) -> bool:
        if self.prefix or not self.path:
            return path.startswith(self.path)
        return path == self.path or path.startswith(self.path.rstrip("/") + "/")


@functools.cache
def offices() -> tuple[Office, ...]:
    """The sites of data/offices.json, longest path first."""
    data = json.loads(resources.files("monitor").joinpath("data/offices.json").read_text("utf-8"))
    sites = [
        Office(
            s["host"].lower(), s.get("path", ""), s["country"], s["role"], s.get("prefix", False)
        )
        for s in data["sites"]
    ]
    return tuple(sorted(sites, key=lambda o: -len(o.path)))


def site_office(url: str | None) -> Office | None:
    """The office whose site a link is on (the host or any subdomain of it)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    for office in offices():
        if (host == office.host or host.endswith("." + office.host)) and office.covers(parts.path):
            return office
    return None


def site_speaker(url: str | None, day: dt.date) -> str | None:
    """The label of who held the office whose site the link is on, that day."""
    office = site_office(url)
    if office is None:
        return None
    person = gazetteer().holder(office.country, office.role, day)
    return person.label if person else None
