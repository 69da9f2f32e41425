"""Actor mentions: which country or alliance a sentence talks about, and in what role.

A troop figure needs its actor (who sends or masses the troops), not its target:
"Washington envoie 3 000 soldats en Pologne" has actor United States and Poland only as
a destination. So every mention carries `target`: it follows a preposition of place or
direction ("en", "aux frontières de", "into", "near"), or it is an adjective on a place
noun ("la frontière ukrainienne").
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.extract.lexicon import ADJ_MATCHER, PROPER_MATCHER
from monitor.extract.phrases import Tokens, tokenize


@dataclass(frozen=True, kw_only=True)
class ActorMention:
    start: int
    end: int
    country: str
    target: bool
    adjective: bool


# A mention is a destination or target when the words before it (articles dropped)
# end with one of these. Word sets, not a regex: this runs for every mention.
_TARGET_LAST = frozenset(
    [
        "en",
        "au",
        "aux",
        "à",
        "vers",
        "dans",
        "sur",
        "contre",
        "envahir",
        "attaquer",
        "menacer",
        "dissuader",
        "pour",
        "in",
        "into",
        "to",
        "toward",
        "towards",
        "against",
        "near",
        "invade",
        "invading",
        "attack",
        "attacking",
        "deter",
        "inside",
        "within",
        "across",
        "around",
        "from",
        "of",
        "with",
        "avec",
    ]
)
_TARGET_LAST_TWO = frozenset(
    [
        "face à",
        "autour de",
        "près de",
        "invasion de",
        "invasion of",
        "frontière de",
        "frontières de",
        "frontière avec",
        "frontières avec",
        "border of",
        "borders of",
        "border with",
        "borders with",
        "territoire de",
        "soil of",
        "territory of",
        "sanctions contre",
        "sanctions against",
        "sanctions on",
        "soutien à",
        "support to",
        "support for",
        "aide à",
        "est de",
    ]
)
_ARTICLES = frozenset(["l", "la", "le", "les", "the", "d", "de", "du", "des"])


def _is_target(before: str) -> bool:
    # str methods, not a regex: this runs for every country named in every article.
    words = before[-40:].lower().replace("'", " ").replace(",", " ").split()
    while (
        words
        and words[-1] in _ARTICLES
        and not (
            len(words) >= 2
            and words[-2]
            in ("frontière", "frontières", "invasion", "territoire", "près", "autour", "est")
        )
    ):
        words.pop()
    if not words:
        return False
    return words[-1] in _TARGET_LAST or " ".join(words[-2:]) in _TARGET_LAST_TWO


_PLACE_NOUNS = frozenset(
    [
        "frontière",
        "frontières",
        "territoire",
        "sol",
        "flanc",
        "aérien",
        "côté",
        "border",
        "borders",
        "soil",
        "territory",
        "side",
        "crise",
        "crisis",
        "conflit",
        "conflict",
        "dossier",
        "question",
        "préoccupations",
        "concerns",
    ]
)


def _on_place_noun(before: str) -> bool:
    """ "la frontière ukrainienne": an adjective on a place is a destination."""
    if not before.endswith((" ", "\u00a0")):
        return False
    words = before[-30:].lower().split()
    return bool(words) and words[-1] in _PLACE_NOUNS


def find_actors(text: str, tokens: Tokens | None = None) -> list[ActorMention]:
    """Country/alliance mentions in text (apostrophes straightened), in order."""
    tokens = tokens or tokenize(text)
    out: list[ActorMention] = []
    for hit in PROPER_MATCHER.find(tokens):
        if hit.text == "Alliance" and text[max(0, hit.start - 2) : hit.start] != "l'":
            continue  # "l'Alliance" is NATO; "une alliance" or "Alliance for ..." is not
        before = text[max(0, hit.start - 40) : hit.start]
        out.append(
            ActorMention(
                start=hit.start,
                end=hit.end,
                country=hit.value,
                target=_is_target(before),
                adjective=False,
            )
        )
    for hit in ADJ_MATCHER.find(tokens):
        if any(a.start <= hit.start < a.end for a in out):
            continue
        if text.startswith(("-led", "-backed", "-dirigée", "-dirigé"), hit.end):
            continue  # "a Russian-led alliance" is the alliance, not Russia
        before = text[max(0, hit.start - 40) : hit.start]
        out.append(
            ActorMention(
                start=hit.start,
                end=hit.end,
                country=hit.value,
                target=_on_place_noun(before),
                adjective=True,
            )
        )
    out.sort(key=lambda a: a.start)
    return out
