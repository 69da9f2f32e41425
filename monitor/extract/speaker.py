"""The implicit party of a contact: the leader whose office publishes or speaks.

An official release often leaves out the leader it is about: a Kremlin headline reads
"Telephone conversation with President of Turkey Recep Tayyip Erdogan", an address by
the President of Ukraine says "I spoke today with Boris Johnson". The missing party is
the speaker, taken (first found wins) from:

* the caller (``extract(..., speaker="Vladimir Putin")``, an official feed's setting);
* the title: "Address by President of Ukraine Volodymyr Zelenskyy", "Allocution du
  président de la République", or a quote it attributes at its end ("We will win -
  President Volodymyr Zelenskyy");
* the opening sentence of the text when it opens on a leader ("President of Ukraine
  Volodymyr Zelenskyy had a phone conversation with ...").

Where it pairs: a first-person contact ("I spoke with", "j'ai reçu", "my call with")
and a sentence that opens on the contact word itself ("Telephone conversation with
X", "In a conversation with X, we agreed") take the speaker as their subject. The
vocabulary is data below; the patterns are built from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.extract.leaders import Mention

#: Nouns of a speech whose author a title names ("address by President ...").
ADDRESS_NOUNS = (
    "address",
    "video address",
    "speech",
    "remarks",
    "statement",
    "message",
    "appeal",
    "allocution",
    "discours",
    "adresse",
    "déclaration",
)
#: What links the noun to its author.
ADDRESS_LINKS = ("by", "of", "from", "de", "du", "d'")
#: First-person words before a contact word: the speaker is its subject.
FIRST_PERSON = ("I", "we", "my", "our", "je", "j'", "nous", "mon", "ma", "notre", "nos")
#: Words a subject-less opening may hold before its contact word ("In a very
#: productive conversation with ...", "There was a call with ..."): articles,
#: prepositions, intensifiers; any other word may be a subject (a minister, "the sides").
_BARE_LEAD_TEXT = (
    "a an the in during at on after following there was were also today yesterday "
    "yesterday's today's both "
    "last tonight this morning afternoon evening night "
    "monday tuesday wednesday thursday friday saturday sunday very long important good productive fruitful "
    "substantive detailed frank another new further second third lengthy "
    "un une le la l' les lors d' de du au aux cours durant pendant après en dans il y "
    "eu a nouvel nouvelle long longue important importante bon bonne ce cet cette matin "
    "après-midi soir soirée nuit hier aujourd'hui lundi mardi mercredi jeudi vendredi samedi "
    "dimanche"
)
BARE_LEAD_WORDS = tuple(_BARE_LEAD_TEXT.split())

_WORD = re.compile(r"[\w']+")
_ADDRESS = re.compile(
    r"\b(?:"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(ADDRESS_NOUNS, key=len)[::-1])
    + r")\s+(?:"
    + "|".join(re.escape(w) for w in ADDRESS_LINKS)
    + r")\s*(?:the\s+|la\s+|le\s+|l')?",
    re.IGNORECASE,
)
#: Marks that set a headline's attribution off at its end: "We will win - President X".
ATTRIBUTION_DASHES = ("-", "–", "—", ":")
_ATTRIBUTION = re.compile(
    r"\s[" + "".join(re.escape(d) for d in ATTRIBUTION_DASHES) + r"]\s+(?P<who>[^\n]{3,80}?)\W*$"
)
#: Plural nouns a release uses for both parties of the contact its headline names one
#: of ("Telephone conversation with X" / "The presidents discussed ..."), with the role
#: the other party holds in its country (a gazetteer role or "executive").
COLLECTIVE_PARTIES = {
    "presidents": "president",
    "two presidents": "president",
    "leaders": "executive",
    "two leaders": "executive",
    "heads of state": "head_of_state",
    "prime ministers": "prime_minister",
    "two prime ministers": "prime_minister",
    "présidents": "president",
    "deux présidents": "president",
    "dirigeants": "executive",
    "deux dirigeants": "executive",
    "chefs d'état": "head_of_state",
}
#: What opens such a collective: an article ("the presidents", "les deux dirigeants").
COLLECTIVE_ARTICLES = ("the", "both", "les")
_COLLECTIVE = re.compile(
    r"\b(?:"
    + "|".join(COLLECTIVE_ARTICLES)
    + r")\s+(?P<noun>"
    + "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(COLLECTIVE_PARTIES, key=len)[::-1]
    )
    + r")\b",
    re.IGNORECASE,
)
#: A possessive author before a speech noun closing a title: "... - President X's address".
_POSSESSIVE = re.compile(
    r"['’]s\s+(?:"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(ADDRESS_NOUNS, key=len)[::-1])
    + r")\W*$",
    re.IGNORECASE,
)
#: What joins two countries named as a pair: "Russia and Egypt", "Russian-Egyptian",
#: "the Russia-Uzbekistan talks", "la Russie et l'Égypte".
PAIR_JOINERS = ("-", "–", "‒", "—", "/", "and", "et", "et l'", "et la", "et le")
_PAIR_GAP = re.compile(
    r"\s*(?:" + "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in PAIR_JOINERS) + r")\s*",
    re.IGNORECASE,
)
_FIRST_PERSON_CI = {w.casefold() for w in FIRST_PERSON if w != "I"}
_BARE_LEAD = frozenset(BARE_LEAD_WORDS)
#: What may stand before the first leader of an opening sentence for that leader to be
#: its subject: titles and country words ("President of Ukraine", "Russian President").
_SUBJECT_TITLE_TEXT = (
    "the of le la l' de du president président presidente présidente prime premier "
    "première minister ministre chancellor chancelier chancelière federal acting king "
    "queen roi reine emir émir crown prince sheikh head state chef état etat "
    "government gouvernement"
)
_SUBJECT_TITLE_WORDS = frozenset(_SUBJECT_TITLE_TEXT.split())


def has_address(title: str) -> bool:
    """Whether a title may name the author of an address (a cheap test first)."""
    return any(p.search(title) is not None for p in (_ADDRESS, _ATTRIBUTION, _POSSESSIVE))


def paired(gap: str) -> bool:
    """Whether the text between two country names joins them as a pair."""
    return len(gap) <= 8 and _PAIR_GAP.fullmatch(gap) is not None


def collective_role(sentence: str) -> str | None:
    """The role of the parties a sentence names together ("The presidents discussed"
    -> "president"), if it names them so."""
    m = _COLLECTIVE.search(sentence)
    if m is None:
        return None
    return COLLECTIVE_PARTIES.get(" ".join(m.group("noun").casefold().split()))


def address_speaker(title: str, mentions: Sequence[Mention]) -> str | None:
    """The leader a title names as the author of an address or speech, if any."""
    for m in _ADDRESS.finditer(title):
        for x in mentions:
            if _single(x) and _titles_only(title[m.end() : x.start]):
                return x.leaders[0]
    owner = _POSSESSIVE.search(title)
    if owner:
        before = [x for x in mentions if x.end <= owner.start() and x.leaders]
        if before and _single(before[-1]) and not title[before[-1].end : owner.start()].strip():
            return before[-1].leaders[0]
    tail = _ATTRIBUTION.search(title)
    if tail:
        start, end = tail.span("who")
        inside = [x for x in mentions if start <= x.start and x.end >= end - 1]
        if len(inside) == 1 and _single(inside[0]) and _titles_only(title[start : inside[0].start]):
            return inside[0].leaders[0]
    return None


def opening_subject(text: str, mentions: Sequence[Mention]) -> str | None:
    """The leader an opening sentence starts on ("President of Ukraine Volodymyr
    Zelenskyy met ...", "Vladimir Putin had ..."), if it starts on one."""
    first = next((m for m in mentions if m.leaders), None)
    if first is None or first.kind == "group" or len(first.leaders) != 1 or first.start > 80:
        return None
    return first.leaders[0] if _titles_only(text[: first.start]) else None


def first_person(lead: str) -> int | None:
    """Where a first-person word stands in the text before a contact word, if any."""
    for w in _WORD.finditer(lead):
        word = w.group(0)
        if word == "I" or word.casefold() in _FIRST_PERSON_CI:
            return w.start()
        if word.casefold().startswith("j'"):
            return w.start()
    return None


def bare_lead(lead: str) -> bool:
    """Whether the text before a contact word names no subject ("Telephone
    conversation with", "In a conversation with", "There was a call with")."""
    return all(w.casefold() in _BARE_LEAD for w in _WORD.findall(lead))


def _single(m: Mention) -> bool:
    """Whether a mention names one leader alone (not one of a group)."""
    return len(m.leaders) == 1 and m.kind != "group"


def _titles_only(gap: str) -> bool:
    return all(w.casefold() in _SUBJECT_TITLE_WORDS or w[:1].isupper() for w in _WORD.findall(gap))
