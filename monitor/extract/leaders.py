"""Leaders: the gazetteer (monitor/data/leaders.json) and finding leaders in a sentence.

A leader is a head of state or of government with dated terms, so that a role phrase
resolves for the article's date: "le chancelier allemand" is Angela Merkel in
November 2021 and Olaf Scholz in January 2022. Mentions come in four kinds:

* ``name``: a full name or alias ("Emmanuel Macron", "Vladimir Poutine") or a short
  name ("Poutine", "Zelenskyy"), each resolved to the person who held office nearest
  the article's date when a short name is shared;
* ``role``: "le président français", "the German chancellor", "le chef du Kremlin";
* ``homologue``: "son homologue russe", "his Russian counterpart" - resolved later
  against the other party of the contact (contacts.py);
* ``bare``: "le président" alone, resolved later from the article's context.

Plural role phrases ("les présidents français et russe", "the leaders of France and
Russia") give one mention with two leaders.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

from monitor.extract.phrases import PhraseMatcher, Tokens, stems, tokenize

HEAD_OF_STATE = "head_of_state"
HEAD_OF_GOVERNMENT = "head_of_government"


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
        return min(self.terms, key=lambda t: abs(((t.end or t.start or day) - day).days),
                   default=None)


@dataclass(frozen=True, kw_only=True)
class Mention:
    """A leader mention in a sentence.

    leaders: labels of the people meant (two for "les présidents français et russe";
    empty for an unresolved homologue or bare role).
    country: for homologue mentions, the country named ("russe" -> Russia).
    """

    start: int
    end: int
    kind: str
    leaders: tuple[str, ...]
    country: str | None = None


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
                full.setdefault(name, []).append(p)
            for name in p.short:
                short.setdefault(name, []).append(p)
        self.full_matcher = PhraseMatcher(full.items(), case_sensitive=False)
        self.short_matcher = PhraseMatcher(short.items(), case_sensitive=True)

    def holder(self, country: str, role: str, day: dt.date) -> Leader | None:
        """Who held `role` in `country` on `day`.

        role: a term role (president, prime_minister, chancellor, monarch,
        supreme_leader), an office (head_of_state, head_of_government), or
        "executive" (whoever leads the country abroad: see the file's countries).
        """
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


def _nearest(candidates: list[Leader], day: dt.date) -> Leader | None:
    if not candidates:
        return None
    return min(candidates, key=lambda p: p.distance(day))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@functools.cache
def gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once (functools.cache: first call wins, then shared)."""
    raw = resources.files("monitor").joinpath("data/leaders.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    leaders = [
        Leader(
            qid=item.get("qid"), label=item["label"],
            aliases=tuple(item.get("aliases", ())), short=tuple(item.get("short", ())),
            terms=tuple(
                Term(country=t["country"], office=t["office"], role=t["role"],
                     start=_date(t.get("start")), end=_date(t.get("end")))
                for t in item.get("terms", ())
            ),
        )
        for item in data["leaders"]
    ]
    executive = {name: c.get("executive", HEAD_OF_GOVERNMENT)
                 for name, c in data.get("countries", {}).items()}
    return Gazetteer(leaders, executive)


# ------------------------------------------------------------------- role phrases

_FR_ROLES = {
    "président": "president", "présidente": "president", "chef de l'état": HEAD_OF_STATE,
    "chef de l'etat": HEAD_OF_STATE, "chef d'état": HEAD_OF_STATE, "chef d'etat": HEAD_OF_STATE,
    "premier ministre": "prime_minister", "première ministre": "prime_minister",
    "chef du gouvernement": HEAD_OF_GOVERNMENT, "chancelier": "chancellor",
    "chancelière": "chancellor", "dirigeant": "executive", "dirigeante": "executive",
    "leader": "executive", "numéro un": "executive", "homme fort": "executive",
    "roi": "monarch", "reine": "monarch", "monarque": "monarch", "empereur": "monarch",
    "guide suprême": "supreme_leader",
}
_EN_ROLES = {
    "president": "president", "prime minister": "prime_minister", "premier": "prime_minister",
    "pm": "prime_minister", "chancellor": "chancellor", "leader": "executive",
    "head of state": HEAD_OF_STATE, "head of government": HEAD_OF_GOVERNMENT,
    "king": "monarch", "queen": "monarch", "monarch": "monarch", "emperor": "monarch",
    "supreme leader": "supreme_leader", "strongman": "executive", "chief": "executive",
}
_ROLE_WORD = re.compile(
    r"\b(?<!-)(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted({*_FR_ROLES, *_EN_ROLES}, key=len, reverse=True)
    ) + r")(?![\w-])",
    re.IGNORECASE,
)
#: Cheap first pass: every role phrase has a word starting with one of these.
_ROLE_STEMS = stems(
    "président présidente présidents president presidents chef chefs premier première premiers "
    "prime PM chancelier chancelière chancellor dirigeant dirigeante dirigeants leader leaders "
    "numéro homme roi reine monarque monarch empereur emperor guide king queen head heads "
    "strongman chief homologue homologues counterpart counterparts kremlin élysée elysee "
    "maison matignon downing".split()
)
_PLURAL_WORD = re.compile(
    r"\b(?<!-)(?:présidents|dirigeants|chefs\s+d'(?:é|e)tat(?:\s+et\s+de\s+gouvernement)?|"
    r"leaders|premiers\s+ministres|chefs\s+de\s+gouvernement|presidents|heads\s+of\s+state|"
    r"prime\s+ministers)(?![\w-])",
    re.IGNORECASE,
)
_HOMOLOGUE_WORD = re.compile(r"\b(?:son|sa|leur|ses|leurs)\s+homologues?(?![\w-])|"
                             r"\bcounterparts?(?![\w-])", re.IGNORECASE)
_BARE_WORD = re.compile(r"\b(?<!-)(?:le|the)\s+(?P<role>président|president|chancelier|"
                        r"chancellor)(?![\w-])", re.IGNORECASE)
_PLACE_HINT = re.compile(r"kremlin|lys[ée]e|maison|matignon|downing", re.IGNORECASE)
_PLACE_ROLES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), country, role)
    for pattern, country, role in (
        (r"(?:chef|maître|maitre|locataire|hôte|patron|homme\s+fort)\s+du\s+kremlin|"
         r"kremlin\s+(?:leader|chief|boss)", "Russia", "president"),
        (r"(?:chef|maître|maitre|locataire|hôte|patron)\s+de\s+l'(?:é|e)lys(?:é|e)e",
         "France", "president"),
        (r"(?:locataire|hôte)\s+de\s+la\s+maison[ -]blanche", "United States", "president"),
        (r"(?:locataire|hôte|chef)\s+de\s+matignon", "France", "prime_minister"),
        (r"(?:locataire|hôte)\s+du\s+(?:10\s+)?downing\s+street", "United Kingdom",
         "prime_minister"),
    )
)
_AFTER_ADJ = re.compile(r"\s+(?:de\s+la\s+r[ée]publique\s+)?", re.IGNORECASE)
_AFTER_OF = re.compile(r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+(?:the\s+)?)",
                       re.IGNORECASE)
_BEFORE_ROLE = re.compile(r"(?:'s)?\s+")
_CHAIN = re.compile(r"\s*(?:,|et|and)\s*(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|the\s+)?",
                    re.IGNORECASE)
_TITLE_WORDS = frozenset(
    "m mr mrs ms mme président presidente présidente president chancelier chancelière "
    "chancellor premier prime minister ministre king queen roi reine dr sir lady emperor "
    "empereur ayatollah sheikh prince selon pour mais et le la les quand après avant "
    "after when but and as with avec by par for of de du des à to".split()
)


class _Actor(Protocol):
    start: int
    end: int
    country: str
    adjective: bool


def _role_key(word: str) -> str:
    key = re.sub(r"\s+", " ", word.casefold())
    return _FR_ROLES.get(key) or _EN_ROLES.get(key) or "executive"


def _next_actor(actors: Sequence[_Actor], at: int, text: str,
                gap: re.Pattern[str]) -> _Actor | None:
    for a in actors:
        if a.start >= at:
            return a if gap.fullmatch(text[at:a.start]) else None
    return None


def _prev_actor(actors: Sequence[_Actor], at: int, text: str,
                gap: re.Pattern[str]) -> _Actor | None:
    for a in reversed(actors):
        if a.end <= at:
            return a if gap.fullmatch(text[a.end:at]) else None
    return None


def find_mentions(text: str, day: dt.date, lang: str, actors: Sequence[_Actor] = (),
                  tokens: Tokens | None = None) -> list[Mention]:
    """Leader mentions in one sentence (apostrophes straightened), in order.

    actors: the sentence's country mentions (actors.find_actors), which role phrases
    are built on ("le président" + "français").
    """
    g = gazetteer()
    tokens = tokens or tokenize(text)
    names: list[Mention] = []
    for hit in g.full_matcher.find(tokens):
        p = _nearest(hit.value, day)
        if p:
            names.append(Mention(start=hit.start, end=hit.end, kind="name", leaders=(p.label,)))
    for hit in g.short_matcher.find(tokens):
        if any(n.start <= hit.start < n.end for n in names):
            continue
        before = text[max(0, hit.start - 20):hit.start]
        prev = re.search(r"([A-ZÀ-Ý][\w.-]*)\s+$", before)
        if prev and prev.group(1).rstrip(".").casefold() not in _TITLE_WORDS:
            continue  # "Brigitte Macron", "Hunter Biden": another person of that name
        p = _nearest(hit.value, day)
        if p:
            names.append(Mention(start=hit.start, end=hit.end, kind="name", leaders=(p.label,)))

    roles: list[Mention] = []
    if not tokens.has_stem(_ROLE_STEMS):
        return names
    for m in _PLURAL_WORD.finditer(text):
        chain: list[_Actor] = []
        a = _next_actor(actors, m.end(), text, _AFTER_OF)   # "les présidents français et russe"
        while a is not None:
            chain.append(a)
            a = _next_actor(actors, a.end, text, _CHAIN)
        if len(chain) < 2:                                    # "the French and Russian leaders"
            chain = []
            a = _prev_actor(actors, m.start(), text, _BEFORE_ROLE)
            while a is not None:
                chain.insert(0, a)
                a = _prev_actor(actors, a.start, text, _CHAIN)
        people = list(dict.fromkeys(
            p.label for a in chain if (p := g.holder(a.country, "executive", day))))
        if len(people) >= 2:
            end = max(m.end(), chain[-1].end)
            roles.append(Mention(start=min(m.start(), chain[0].start), end=end, kind="role",
                                 leaders=tuple(people)))
    for m in _ROLE_WORD.finditer(text):
        word = m.group(0)
        if word.casefold() == "pm" and word != "PM":
            continue
        role = _role_key(word)
        a = (_next_actor(actors, m.end(), text, _AFTER_ADJ)
             or _next_actor(actors, m.end(), text, _AFTER_OF))
        if a is not None and (a.adjective or not _AFTER_ADJ.fullmatch(text[m.end():a.start])):
            start, end = m.start(), a.end
        else:
            a = _prev_actor(actors, m.start(), text, _BEFORE_ROLE)
            start, end = (a.start, m.end()) if a is not None else (0, 0)
        country = a.country if a is not None else None
        if country is None and lang == "fr" and re.match(
                r"\s+de\s+la\s+r[ée]publique(?!\s+(?:de|du|d'))", text[m.end():], re.IGNORECASE) \
                and role == "president":
            country, start, end = "France", m.start(), m.end() + 18
        if country is None:
            continue
        p = g.holder(country, role, day)
        if p:
            roles.append(Mention(start=start, end=end, kind="role", leaders=(p.label,)))
    if _PLACE_HINT.search(text):
        for pattern, country, role in _PLACE_ROLES:
            for m in pattern.finditer(text):
                p = g.holder(country, role, day)
                if p:
                    roles.append(Mention(start=m.start(), end=m.end(), kind="role",
                                         leaders=(p.label,)))
    for m in _HOMOLOGUE_WORD.finditer(text):
        if m.group(0).casefold().startswith("counterpart"):
            a = _prev_actor(actors, m.start(), text, _BEFORE_ROLE)
            start = a.start if a else m.start()
            if a is not None:
                owner = re.search(r"(?:his|her|their|its)\s+$", text[max(0, a.start - 8):a.start])
                start = a.start - (len(owner.group(0)) if owner else 0)
        else:
            a = _next_actor(actors, m.end(), text, _AFTER_ADJ)
            start = m.start()
        if a is not None:
            roles.append(Mention(start=start, end=max(m.end(), a.end), kind="homologue",
                                 leaders=(), country=a.country))
    for m in _BARE_WORD.finditer(text):
        if _next_actor(actors, m.end(), text, _AFTER_ADJ) or re.match(
                r"\s+(?:de|du|des|d'|of)\b", text[m.end():], re.IGNORECASE):
            continue
        roles.append(Mention(start=m.start(), end=m.end(), kind="bare", leaders=(),
                             country=m.group("role").casefold()))

    out = list(names)
    for r in sorted(roles, key=lambda x: (x.start, -(x.end - x.start))):
        if any(r.start < o.end and o.start < r.end for o in out):
            continue   # overlapping phrases: the name, or the longer role, wins
        # A role directly before a name is that person's title: "son homologue russe
        # Vladimir Poutine", "the German chancellor, Olaf Scholz".
        following = [n for n in names if 0 <= n.start - r.end <= 3
                     and re.fullmatch(r"[\s,]*", text[r.end:n.start])]
        if following and len(r.leaders) <= 1:
            continue
        out.append(r)
    return sorted(out, key=lambda x: x.start)
