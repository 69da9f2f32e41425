"""Leader mentions in a sentence: names, role phrases, homologues.

Who is meant depends on the article's date (gazetteer.py): "le chancelier allemand" is
Angela Merkel in November 2021 and Olaf Scholz in January 2022. Mentions come in four
kinds:

* ``name``: a full name or alias ("Emmanuel Macron", "Vladimir Poutine") or a short
  name ("Poutine", "Zelenskyy"), each resolved to the person who held office nearest
  the article's date when a short name is shared;
* ``role``: "le président français", "the German chancellor", "le chef du Kremlin";
* ``homologue``: "son homologue russe", "his Russian counterpart" - resolved later
  against the other party of the contact (contacts.py);
* ``bare``: "le président" alone, resolved later from the article's context.

Plural role phrases ("les présidents français et russe", "the Presidents of Poland and
Latvia") give one ``group`` mention per leader, each the holder of that role in one of
the countries named.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from monitor.extract.gazetteer import (
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    Leader,
    gazetteer,
    nearest,
)
from monitor.extract.lexicon import COUNTRY_GROUP_ADJECTIVES, COUNTRY_GROUPS, INSTITUTIONS
from monitor.extract.phrases import Tokens, stems, tokenize

__all__ = ["Leader", "Mention", "find_mentions", "find_names", "gazetteer"]


@dataclass(frozen=True, kw_only=True)
class Mention:
    """A leader mention in a sentence.

    kind: "name", "role", "homologue", "bare", or "group" (one of several leaders
    named by one plural role phrase: "les présidents français et russe" gives two).
    leaders: labels of the people meant (empty for an unresolved homologue or bare
    role).
    country: for homologue mentions, the country named ("russe" -> Russia); for bare
    mentions, the role word ("président", "chancellor").
    """

    start: int
    end: int
    kind: str
    leaders: tuple[str, ...]
    country: str | None = None


# ------------------------------------------------------------------- role phrases

_FR_ROLES = {
    "président": "president",
    "présidente": "president",
    "chef de l'état": HEAD_OF_STATE,
    "chef de l'etat": HEAD_OF_STATE,
    "chef d'état": HEAD_OF_STATE,
    "chef d'etat": HEAD_OF_STATE,
    "premier ministre": "prime_minister",
    "première ministre": "prime_minister",
    "chef du gouvernement": HEAD_OF_GOVERNMENT,
    "chancelier": "chancellor",
    "chancelière": "chancellor",
    "dirigeant": "executive",
    "dirigeante": "executive",
    "leader": "executive",
    "numéro un": "executive",
    "homme fort": "executive",
    "roi": "monarch",
    "reine": "monarch",
    "monarque": "monarch",
    "empereur": "monarch",
    "émir": "monarch",
    "emir": "monarch",
    "guide suprême": "supreme_leader",
    "prince héritier": "crown_prince",
}
_EN_ROLES = {
    "president": "president",
    "prime minister": "prime_minister",
    "premier": "prime_minister",
    "pm": "prime_minister",
    "chancellor": "chancellor",
    "leader": "executive",
    "head of state": HEAD_OF_STATE,
    "head of government": HEAD_OF_GOVERNMENT,
    "king": "monarch",
    "queen": "monarch",
    "monarch": "monarch",
    "emperor": "monarch",
    "emir": "monarch",
    "amir": "monarch",
    "supreme leader": "supreme_leader",
    "strongman": "executive",
    "chief": "executive",
    "crown prince": "crown_prince",
}
# The lookaheads (?=[...]) below list the letters a phrase can start with: Python's re
# has no fast scan for a case-insensitive alternation (it enters every branch at every
# word boundary), and a superset of the first letters rejects most positions at once
# without changing any match. A word added to one of them needs its first letter there.
_ROLE_WORD = re.compile(
    r"\b(?<!-)(?=["
    + "".join(sorted({w[0] for w in (*_FR_ROLES, *_EN_ROLES)}))
    + r"])(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted({*_FR_ROLES, *_EN_ROLES}, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)
#: Cheap first pass: every role phrase has a word starting with one of these.
ROLE_WORDS = (
    "président présidente présidents president presidents chef chefs premier première "
    "premiers prime PM chancelier chancelière chancellor dirigeant dirigeante dirigeants "
    "leader leaders numéro homme roi reine monarque monarch empereur emperor guide king "
    "émir emir amir "
    "queen head heads strongman chief homologue homologues counterpart counterparts "
    "kremlin élysée elysee maison matignon downing prince junte junta"
)
ROLE_STEMS = stems(ROLE_WORDS.split())
#: Plural role nouns that name several leaders by their countries ("les présidents
#: français et russe", "the Prime Ministers of Spain and Denmark"), with the role each
#: holds in his country: a gazetteer role, an office, or "executive" (whoever leads it
#: abroad). The role is kept per country: "the Presidents of Poland and Latvia" are
#: Duda and Levits, not Latvia's prime minister.
PLURAL_ROLES = (
    ("présidents", "president"),
    ("présidentes", "president"),
    ("presidents", "president"),
    ("premiers ministres", "prime_minister"),
    ("premières ministres", "prime_minister"),
    ("prime ministers", "prime_minister"),
    ("chanceliers", "chancellor"),
    ("chancellors", "chancellor"),
    ("dirigeants", "executive"),
    ("leaders", "executive"),
    ("chefs d'état et de gouvernement", "executive"),
    ("chefs d'etat et de gouvernement", "executive"),
    ("chefs d'état", "executive"),
    ("chefs d'etat", "executive"),
    ("chefs de gouvernement", HEAD_OF_GOVERNMENT),
    ("heads of state and government", "executive"),
    ("heads of state", "executive"),
    ("heads of government", HEAD_OF_GOVERNMENT),
)
_PLURAL_ROLE = {word: role for word, role in PLURAL_ROLES}
_PLURAL_WORD = re.compile(
    r"\b(?<!-)(?=["
    + "".join(sorted({w[0] for w, _ in PLURAL_ROLES}))
    + r"])(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_PLURAL_ROLE, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)
_HOMOLOGUE_WORD = re.compile(
    r"\b(?=[cls])(?:(?:son|sa|leur|ses|leurs)\s+homologues?(?![\w-])|"
    r"counterparts?(?![\w-]))",
    re.IGNORECASE,
)
_BARE_WORD = re.compile(
    r"\b(?<!-)(?=[lt])(?:le|the)\s+(?P<role>président|president|chancelier|"
    r"chancellor|chef\s+de\s+l'(?:é|e)tat|head\s+of\s+state|premier\s+ministre|"
    r"prime\s+minister)(?![\w-])",
    re.IGNORECASE,
)
_PLACE_HINT = re.compile(r"(?=[dklm])(?:kremlin|lys[ée]e|maison|matignon|downing)", re.IGNORECASE)
_PLACE_ROLES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), country, role)
    for pattern, country, role in (
        (
            r"(?:chef|maître|maitre|locataire|hôte|patron|homme\s+fort)\s+du\s+kremlin|"
            r"kremlin\s+(?:leader|chief|boss)",
            "Russia",
            "president",
        ),
        (
            r"(?:chef|maître|maitre|locataire|hôte|patron)\s+de\s+l'(?:é|e)lys(?:é|e)e",
            "France",
            "president",
        ),
        (r"(?:locataire|hôte)\s+de\s+la\s+maison[ -]blanche", "United States", "president"),
        (r"(?:locataire|hôte|chef)\s+de\s+matignon", "France", "prime_minister"),
        (
            r"(?:locataire|hôte)\s+du\s+(?:10\s+)?downing\s+street",
            "United Kingdom",
            "prime_minister",
        ),
    )
)
_AFTER_ADJ = re.compile(r"\s+(?:de\s+la\s+r[ée]publique\s+)?", re.IGNORECASE)
_AFTER_OF = re.compile(
    r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+(?:the\s+)?)", re.IGNORECASE
)
_PLURAL_GAP = re.compile(
    r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+(?:the\s+)?)?", re.IGNORECASE
)
_BEFORE_ROLE = re.compile(r"\.?(?:'s|')?\s+")
_CHAIN = re.compile(
    r"\s*(?:,|et|and)\s*(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|the\s+)?", re.IGNORECASE
)
_TITLE_WORDS = frozenset(
    [
        "m",
        "mr",
        "mrs",
        "ms",
        "mme",
        "président",
        "presidente",
        "présidente",
        "president",
        "chancelier",
        "chancelière",
        "chancellor",
        "premier",
        "prime",
        "minister",
        "ministre",
        "king",
        "queen",
        "roi",
        "reine",
        "dr",
        "sir",
        "lady",
        "emperor",
        "empereur",
        "ayatollah",
        "sheikh",
        "prince",
        "selon",
        "pour",
        "mais",
        "et",
        "le",
        "la",
        "les",
        "quand",
        "après",
        "avant",
        "after",
        "when",
        "but",
        "and",
        "as",
        "with",
        "avec",
        "by",
        "par",
        "for",
        "of",
        "de",
        "du",
        "des",
        "à",
        "to",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "from",
        "while",
        "since",
        "meanwhile",
        "also",
        "if",
        "un",
        "une",
        "ce",
        "cette",
        "en",
        "dans",
        "pendant",
        "lors",
        "said",
        "says",
        "dit",
        "former",
        "ancien",
        "ex",
    ]
)


#: Determiners that make a role generic, not the office holder: "un dirigeant
#: français", "a French leader", "le premier d'un dirigeant étranger".
INDEFINITE_DETERMINERS = (
    "un", "une", "d'un", "d'une", "a", "an", "any", "another", "each", "every", "aucun",
    "aucune", "chaque", "un autre", "une autre", "tout", "toute", "n'importe quel",
)  # fmt: skip
#: Possessives that give a role the country named before it in the sentence: "Iran
#: and its president", "la Russie et son président".
COUNTRY_POSSESSIVES = ("its", "son", "sa")
#: A junta's leader: the head of state of the country the sentence names nearest.
JUNTA_LEADERS = (
    "chef de la junte", "leader de la junte", "dirigeant de la junte", "patron de la junte",
    "homme fort de la junte", "chef de la junte militaire", "junta leader", "junta chief",
    "junta head", "junta's leader", "leader of the junta", "head of the junta",
    "chief of the junta", "leader of the military junta", "head of the military junta",
)  # fmt: skip
#: Words before a role that make it another office: "Deputy Prime Minister of Russia",
#: "the Vice President of the United States", "le vice-premier ministre".
ROLE_DEPUTIES = ("deputy", "first deputy", "vice", "vice-", "adjoint", "sous")
#: Bodies whose chair shares a leader's title: "President of the German Bundestag",
#: "the Polish Senate's President", "président du Sénat italien" name no leader.
CHAIRED_BODIES = (
    "bundestag", "bundesrat", "parliament", "duma", "state duma", "senate", "assembly",
    "national assembly", "federal assembly", "federation council", "council", "commission",
    "court", "supreme court", "constitutional court", "rada", "verkhovna rada", "knesset",
    "sejm", "seimas", "saeima", "riigikogu", "congress", "house", "chamber", "central bank",
    "bank", "committee", "party", "parlement", "assemblée", "sénat", "senat", "conseil",
    "cour", "banque", "chambre", "commission",
)  # fmt: skip
#: A role noun that names a leader only when "of <country>" follows it: "the head of
#: Senegal" leads Senegal; "the Ukrainian head of the presidential office" does not.
OF_COUNTRY_ROLES = ("head", "chef")
_INSTITUTIONS = frozenset(INSTITUTIONS)
_DEPUTY = re.compile(
    r"(?:^|(?<=[\s(«\"]))(?:"
    + "|".join(re.escape(w) for w in sorted(ROLE_DEPUTIES, key=len, reverse=True))
    + r")[\s-]*$",
    re.IGNORECASE,
)
_CHAIRED = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(CHAIRED_BODIES), key=len, reverse=True)
)
_CHAIRED_AFTER = re.compile(r"\s*(?:'s\s+)?(?:" + _CHAIRED + r")(?![\w-])", re.IGNORECASE)
_CHAIRED_BEFORE = re.compile(r"(?:" + _CHAIRED + r")\s*(?:'s\s+)?$", re.IGNORECASE)
_OF_COUNTRY_ROLE = re.compile(
    r"\b(?<!-)(?:" + "|".join(OF_COUNTRY_ROLES) + r")(?=\s+(?:of|de|du|d')[\s'])",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(
    r"(?:^|(?<=[\s(«\"]))(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(INDEFINITE_DETERMINERS, key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(
    r"(?:^|(?<=\s))(?:" + "|".join(COUNTRY_POSSESSIVES) + r")\s+$", re.IGNORECASE
)
_JUNTA = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(JUNTA_LEADERS, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)


class _Actor(Protocol):
    """What role phrases need of a country mention (actors.ActorMention has it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def country(self) -> str: ...
    @property
    def adjective(self) -> bool: ...


def _role_key(word: str) -> str:
    key = re.sub(r"\s+", " ", word.casefold())
    return _FR_ROLES.get(key) or _EN_ROLES.get(key) or "executive"


def _next_actor(
    actors: Sequence[_Actor], at: int, text: str, gap: re.Pattern[str]
) -> _Actor | None:
    for a in actors:
        if a.start >= at:
            return a if gap.fullmatch(text[at : a.start]) else None
    return None


def _prev_actor(
    actors: Sequence[_Actor], at: int, text: str, gap: re.Pattern[str]
) -> _Actor | None:
    for a in reversed(actors):
        if a.end <= at:
            return a if gap.fullmatch(text[a.end : at]) else None
    return None


_NAME_AFTER = re.compile(r"\s*,?\s*[A-ZÀ-Ý][\w'-]+\s+[A-ZÀ-Ý][\w'-]+")
#: The capitalised word right before a short name, spaces only between (same line, no
#: punctuation): "Hunter Biden" is another Biden, "Ohio. Biden" and "Ohio,\nBiden" are not.
_PREVIOUS_WORD = re.compile(r"([A-ZÀ-Ý][\w-]*)[ \t\u00a0]+$")
#: Capitalised words that open a sentence or a headline but are no first name.
FUNCTION_WORDS_EN = (
    "will", "would", "can", "could", "may", "might", "must", "should", "shall", "does",
    "did", "is", "are", "was", "were", "has", "have", "why", "how", "what", "when", "where",
    "who", "which", "whose", "inside", "after", "before", "as", "at", "in", "on", "with",
    "from", "for", "about", "behind", "beyond", "over", "under", "ahead", "amid", "despite",
    "during", "against", "without", "between", "among", "into", "onto", "than", "then",
    "so", "not", "no", "yes", "here", "there", "this", "that", "these", "those", "his",
    "her", "their", "its", "our", "my", "your", "new", "how's", "why's", "what's",
)  # fmt: skip
FUNCTION_WORDS_FR = (
    "pour", "avec", "après", "avant", "selon", "quand", "comment", "pourquoi", "chez",
    "sans", "sous", "sur", "vers", "entre", "contre", "depuis", "face", "malgré", "ni",
    "ou", "où", "si", "lorsque", "puis", "ainsi", "alors", "aussi", "voici", "voilà", "qui",
    "que", "quoi", "ce", "cet", "ces", "sa", "son", "ses", "leur", "leurs", "nouveau",
    "nouvelle",
)  # fmt: skip
_NOT_FIRST_NAMES = frozenset((*FUNCTION_WORDS_EN, *FUNCTION_WORDS_FR))


def _first_name_before(text: str, at: int) -> bool:
    """Whether the word before the short name at `at` may be a first name: capitalised,
    on the same line, not followed by punctuation ("Ohio. Biden"), and neither a title
    ("President", "Mr") nor a function word opening a sentence ("Inside Biden's")."""
    prev = _PREVIOUS_WORD.search(text, max(0, at - 30), at)
    if prev is None:
        return False
    word = prev.group(1).casefold()
    return word not in _TITLE_WORDS and word not in _NOT_FIRST_NAMES


def find_names(text: str, tokens: Tokens, day: dt.date) -> list[Mention]:
    """Leaders named in text (full names, aliases, short names), in order."""
    g = gazetteer()
    names: list[Mention] = []
    for hit in g.full_matcher.find(tokens):
        p = nearest(hit.value, day)
        if p:
            names.append(Mention(start=hit.start, end=hit.end, kind="name", leaders=(p.label,)))
    full_starts = [n.start for n in names]
    for hit in g.short_matcher.find(tokens):
        # Inside a full name already found ("Vladimir Poutine" holds "Poutine")?
        i = bisect_right(full_starts, hit.start) - 1
        if i >= 0 and names[i].start <= hit.start < names[i].end:
            continue
        if _first_name_before(text, hit.start):
            continue  # "Brigitte Macron", "Hunter Biden": another person of that name
        p = nearest(hit.value, day)
        if p:
            names.append(Mention(start=hit.start, end=hit.end, kind="name", leaders=(p.label,)))
    names.sort(key=lambda m: m.start)
    return names


def find_mentions(
    text: str,
    day: dt.date,
    lang: str,
    actors: Sequence[_Actor] = (),
    *,
    names: list[Mention] | None = None,
    stems: frozenset[str] | None = None,
) -> list[Mention]:
    """Leader mentions in one sentence (apostrophes straightened), in order.

    actors: the sentence's country mentions (actors.find_actors), which role phrases
    are built on ("le président" + "français"). names and stems: the sentence's
    find_names() and word stems when the caller has them (article.py computes both
    once per article); computed here otherwise.
    """
    g = gazetteer()
    if names is None or stems is None:
        tokens = tokenize(text)
        names = find_names(text, tokens, day)
        stems = tokens.stems()
    roles: list[Mention] = []
    if stems.isdisjoint(ROLE_STEMS):
        return names
    for m in _PLURAL_WORD.finditer(text):
        role = _PLURAL_ROLE.get(re.sub(r"\s+", " ", m.group(0).casefold()), "executive")
        members = _group_of_role(text, m.start(), m.end())
        if members is not None:
            start, end, countries = members
            people = list(
                dict.fromkeys(
                    p.label
                    for c in countries
                    if (p := g.holder(c, role, day) or g.holder(c, "executive", day))
                )
            )
            if len(people) >= 2:
                roles.append(Mention(start=start, end=end, kind="role", leaders=tuple(people)))
            continue
        chain: list[_Actor] = []
        a = _next_actor(actors, m.end(), text, _PLURAL_GAP)  # "les présidents français et russe"
        while a is not None:
            chain.append(a)
            a = _next_actor(actors, a.end, text, _CHAIN)
        if len(chain) < 2:  # "the French and Russian leaders"
            chain = []
            a = _prev_actor(actors, m.start(), text, _BEFORE_ROLE)
            while a is not None:
                chain.insert(0, a)
                a = _prev_actor(actors, a.start, text, _CHAIN)
        people = list(
            dict.fromkeys(
                p.label
                for a in chain
                if (p := g.holder(a.country, role, day) or g.holder(a.country, "executive", day))
            )
        )
        if len(people) >= 2:
            start = min(m.start(), chain[0].start)
            end = max(m.end(), chain[-1].end)
            roles.append(Mention(start=start, end=end, kind="role", leaders=tuple(people)))
    for m in _ROLE_WORD.finditer(text):
        word = m.group(0)
        if word.casefold() == "pm" and word != "PM":
            continue
        if _DEPUTY.search(text, max(0, m.start() - 14), m.start()):
            continue  # "Deputy Prime Minister of Russia": another office
        role = _role_key(word)
        a = _next_actor(actors, m.end(), text, _AFTER_ADJ) or _next_actor(
            actors, m.end(), text, _AFTER_OF
        )
        if a is not None and (a.adjective or not _AFTER_ADJ.fullmatch(text[m.end() : a.start])):
            start, end = m.start(), a.end
        else:
            a = _prev_actor(actors, m.start(), text, _BEFORE_ROLE)
            start, end = (a.start, m.end()) if a is not None else (0, 0)
        if a is not None and text[a.start : a.end] in _INSTITUTIONS:
            continue  # "Pentagon chief", "the State Department's head": a minister
        if a is not None and (
            (a.start >= m.end() and _CHAIRED_AFTER.match(text, a.end))
            or (a.end <= m.start() and _CHAIRED_BEFORE.search(text, a.end, m.start()))
        ):
            continue  # "President of the German Bundestag": the chair of a body
        if _INDEFINITE.search(text, max(0, start - 20), start):
            continue  # "un dirigeant français", "a French leader": anyone of them
        if a is None and _POSSESSIVE.search(text, max(0, m.start() - 6), m.start()):
            # "Iran and its president": the country named last before the role.
            a = next((x for x in reversed(actors) if x.end <= m.start() and not x.adjective), None)
            start, end = m.start(), m.end()
        country = a.country if a is not None else None
        if (
            country is None
            and lang == "fr"
            and re.match(
                r"\s+de\s+la\s+r[ée]publique(?!\s+(?:de|du|d'))", text[m.end() :], re.IGNORECASE
            )
            and role == "president"
        ):
            country, start, end = "France", m.start(), m.end() + 18
        if country is None:
            continue
        p = g.holder(country, role, day)
        if p:
            roles.append(Mention(start=start, end=end, kind="role", leaders=(p.label,)))
    for m in _OF_COUNTRY_ROLE.finditer(text) if "ead of" in text or "hef d" in text else ():
        a = _next_actor(actors, m.end(), text, _AFTER_OF)
        if (
            a is None
            or a.adjective
            or text[a.start : a.end] in _INSTITUTIONS
            or _CHAIRED_AFTER.match(text, a.end)
        ):
            continue  # "the head of the presidential office", "le chef du Pentagone"
        if re.match(r"\s+(?:of|de|du|d')\b", text[a.end :]) or _INDEFINITE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue
        p = g.holder(a.country, "executive", day)
        if p:
            roles.append(Mention(start=m.start(), end=a.end, kind="role", leaders=(p.label,)))
    for m in _JUNTA.finditer(text) if "unt" in text else ():
        # "le chef de la junte" in a sentence about Mali: the country named nearest.
        near = min(
            actors,
            key=lambda x: x.start - m.end() if x.start >= m.end() else m.start() - x.end,
            default=None,
        )
        p = g.holder(near.country, HEAD_OF_STATE, day) if near is not None else None
        if p:
            roles.append(Mention(start=m.start(), end=m.end(), kind="role", leaders=(p.label,)))
    if _PLACE_HINT.search(text):
        for pattern, country, role in _PLACE_ROLES:
            for m in pattern.finditer(text):
                p = g.holder(country, role, day)
                if p:
                    roles.append(
                        Mention(start=m.start(), end=m.end(), kind="role", leaders=(p.label,))
                    )
    for m in _HOMOLOGUE_WORD.finditer(text):
        if m.group(0).casefold().startswith("counterpart"):
            a = _prev_actor(actors, m.start(), text, _BEFORE_ROLE)
            start = a.start if a else m.start()
            if a is not None:
                owner = re.search(r"(?:his|her|their|its)\s+$", text[max(0, a.start - 8) : a.start])
                start = a.start - (len(owner.group(0)) if owner else 0)
        else:
            a = _next_actor(actors, m.end(), text, _AFTER_ADJ)
            start = m.start()
            # "ses homologues français, allemand, italien et britannique": one each.
            chained = _next_actor(actors, a.end, text, _CHAIN) if a is not None else None
            while a is not None and chained is not None:
                roles.append(
                    Mention(
                        start=a.start, end=a.end, kind="homologue", leaders=(), country=a.country
                    )
                )
                a, start = chained, chained.start
                chained = _next_actor(actors, a.end, text, _CHAIN)
        if a is not None:
            roles.append(
                Mention(
                    start=start,
                    end=max(m.end(), a.end),
                    kind="homologue",
                    leaders=(),
                    country=a.country,
                )
            )
    for m in _BARE_WORD.finditer(text):
        if _next_actor(actors, m.end(), text, _AFTER_ADJ) or re.match(
            r"\s+(?:de|du|des|d'|of)\b", text[m.end() :], re.IGNORECASE
        ):
            continue
        roles.append(
            Mention(
                start=m.start(),
                end=m.end(),
                kind="bare",
                leaders=(),
                country=m.group("role").casefold(),
            )
        )

    out = list(names)
    for r in sorted(roles, key=lambda x: (x.start, -(x.end - x.start))):
        if any(r.start < o.end and o.start < r.end for o in out):
            continue  # overlapping phrases: the name, or the longer role, wins
        # A role directly before a name is that person's title: "son homologue russe
        # Vladimir Poutine", "the German chancellor, Olaf Scholz".
        following = [
            n
            for n in names
            if 0 <= n.start - r.end <= 3 and re.fullmatch(r"[\s,]*", text[r.end : n.start])
        ]
        if following and len(r.leaders) <= 1:
            continue
        # ... or a person the gazetteer does not know: "son homologue russe Sergueï
        # Lavrov" is a minister, not Russia's leader.
        if (
            r.kind in ("homologue", "role")
            and len(r.leaders) <= 1
            and _NAME_AFTER.match(text, r.end)
        ):
            continue
        out.append(r)
    return sorted(_split_groups(out), key=lambda x: x.start)


def _split_groups(mentions: list[Mention]) -> list[Mention]:
    """One mention per leader of a plural role phrase ("the Presidents of Poland and
    Latvia"), of kind "group": several people named together, none of them a
    sentence's lone subject. Each keeps the whole phrase's span, so what stands before
    it applies to all ("les conseillers des dirigeants français et russe")."""
    if all(len(m.leaders) <= 1 for m in mentions):
        return mentions  # the common case: nothing to split
    return [
        Mention(start=m.start, end=m.end, kind="group", leaders=(label,))
        for m in mentions
        for label in (m.leaders if len(m.leaders) > 1 else ())
    ] + [m for m in mentions if len(m.leaders) <= 1]


# ------------------------------------------------------- collective back-references

#: Number words of a group named again ("the four leaders", "les cinq dirigeants"); two
#: is left out: "the two leaders" is the last contact's pair (contacts.py).
COUNT_WORDS = (
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
)
#: What opens a group named again: "the presidents", "all four leaders", "ces dirigeants".
COLLECTIVE_DETERMINERS = ("the", "all the", "all", "these", "those", "les", "ces", "tous les")
#: Places a plural role can be "of" in a back-reference: "the Presidents of the four
#: countries", "les dirigeants des trois pays".
COLLECTIVE_PLACES = ("countries", "states", "nations", "pays", "états", "etats")
#: What links the role to those places.
COLLECTIVE_PLACE_LINKS = ("of the", "of these", "of those", "des", "de ces")

_COUNT = dict(COUNT_WORDS)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


_COUNT_PATTERN = r"(?:" + _alternation([w for w, _ in COUNT_WORDS]) + r"|[3-9]|1[0-9])"
_COLLECTIVE = re.compile(
    r"\b(?:(?P<det>"
    + _alternation(COLLECTIVE_DETERMINERS)
    + r")\s+)?(?:(?P<count>"
    + _COUNT_PATTERN
    + r")\s+)?(?P<noun>"
    + _alternation([w for w, _ in PLURAL_ROLES])
    + r")(?:\s+(?:"
    + _alternation(COLLECTIVE_PLACE_LINKS)
    + r")\s+(?:(?P<places>"
    + _COUNT_PATTERN
    + r")\s+)?(?:"
    + _alternation(COLLECTIVE_PLACES)
    + r"))?(?![\w-])",
    re.IGNORECASE,
)
_OF_AFTER = re.compile(r"\s+(?:of|de|du|des|d')(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class Collective:
    """A group of leaders named again by its role: "the four leaders", "the Presidents
    of the four countries", "les trois dirigeants" (whom it means is the article's
    business: article.py keeps the groups named so far).

    role: what each holds in his country (PLURAL_ROLES). count: how many, if said.
    by_country: named by their countries ("of the four countries"), not as people.
    """

    start: int
    end: int
    role: str
    count: int | None
    by_country: bool


def find_collectives(text: str, *, uncounted: bool = False) -> list[Collective]:
    """Groups of leaders a sentence names again without naming them, in order.

    A number, or a role more precise than "leaders", is needed: "the leaders" alone is
    anyone's ("the leaders of the G7", "EU leaders" are not matched either). With
    `uncounted` (the caller has just named a group), "the leaders" and "the Heads of
    State" with their article are matched too.
    """
    out: list[Collective] = []
    if _PLURAL_WORD.search(text) is None:
        return out  # the cheap test: no plural role noun at all
    for m in _COLLECTIVE.finditer(text):
        places = m.group("places")
        count_word = places or m.group("count")
        count = None
        if count_word:
            count = _COUNT.get(count_word.casefold()) or int(count_word)
        if places is None and _OF_AFTER.match(text, m.end()):
            continue  # "the presidents of France and Latvia": named, not named again
        if places is None and m.group("det") is None and count is None:
            continue  # "presidents" alone: anybody's
        role = _PLURAL_ROLE.get(re.sub(r"\s+", " ", m.group("noun").casefold()), "executive")
        if count is None and role == "executive" and not (uncounted and m.group("det")):
            continue
        out.append(
            Collective(
                start=m.start(),
                end=m.end(),
                role=role,
                count=count,
                by_country=places is not None,
            )
        )
    return out


# ------------------------------------------------------------------ country groups

#: Stems of the words that open a group's name: the cheap test before the patterns.
COUNTRY_GROUP_STEMS = stems(
    w.split()[0] for w, _ in (*COUNTRY_GROUPS, *COUNTRY_GROUP_ADJECTIVES)
) - stems(("pays", "États", "Etats", "groupe", "républiques"))
_GROUP_MEMBERS = {re.sub(r"\s+", " ", w.casefold()): c for w, c in COUNTRY_GROUPS}
_GROUP_ADJECTIVE = {w.casefold(): c for w, c in COUNTRY_GROUP_ADJECTIVES}
_GROUP_WORD = r"(?<![\w-])(?P<group>" + _alternation([w for w, _ in COUNTRY_GROUPS]) + r")(?![\w-])"
_COUNTRY_GROUP = re.compile(
    r"(?:\b(?:the|les|des|aux|these|ces)\s+)?(?:" + _COUNT_PATTERN + r"\s+)?" + _GROUP_WORD,
    re.IGNORECASE,
)
#: "the Presidents of the three Baltic states", "les dirigeants des pays baltes".
_ROLE_OF_GROUP = re.compile(
    r"\s+(?:of|de|du|des|d')\s+(?:(?:the|these|those|ces|les)\s+)?(?:"
    + _COUNT_PATTERN
    + r"\s+)?"
    + _GROUP_WORD,
    re.IGNORECASE,
)
_GROUP_ADJ_AFTER = re.compile(
    r"\s+(?P<adj>" + _alternation([w for w, _ in COUNTRY_GROUP_ADJECTIVES]) + r")(?![\w-])",
    re.IGNORECASE,
)
_GROUP_ADJ_BEFORE = re.compile(
    r"(?<![\w-])(?P<adj>" + _alternation([w for w, _ in COUNTRY_GROUP_ADJECTIVES]) + r")\s+$",
    re.IGNORECASE,
)


def _members(phrase: str) -> tuple[str, ...]:
    return _GROUP_MEMBERS.get(re.sub(r"\s+", " ", phrase.casefold()), ())


def _group_of_role(text: str, start: int, end: int) -> tuple[int, int, tuple[str, ...]] | None:
    """The countries a plural role at text[start:end] names by their group: "the
    Presidents of the Baltic states", "les dirigeants baltes", "Nordic leaders"."""
    m = _ROLE_OF_GROUP.match(text, end)
    if m:
        return start, m.end(), _members(m.group("group"))
    m = _GROUP_ADJ_AFTER.match(text, end)
    if m and m.group("adj").islower():  # French adjectives follow: "les présidents baltes"
        return start, m.end(), _GROUP_ADJECTIVE[m.group("adj").casefold()]
    m = _GROUP_ADJ_BEFORE.search(text, max(0, start - 12), start)
    if m and not m.group("adj").islower():
        return m.start(), end, _GROUP_ADJECTIVE[m.group("adj").casefold()]
    return None


def find_country_groups(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, member countries) of each well-known group of countries a sentence
    names ("the Baltic states", "les pays nordiques", "the V4")."""
    return [(m.start(), m.end(), _members(m.group("group"))) for m in _COUNTRY_GROUP.finditer(text)]
