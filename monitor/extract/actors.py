"""Actor mentions: which country or alliance a sentence talks about, and in what role.

A troop figure needs its actor (who sends or masses the troops), not its target:
"Washington envoie 3 000 soldats en Pologne" has actor United States and Poland only as
a destination. So every mention carries `target`: it follows a preposition of place or
direction ("en", "aux frontières de", "into", "near"), or it is an adjective on a place
noun ("la frontière ukrainienne").
"""

from __future__ import annotations

import re
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


_TARGET_BEFORE = re.compile(
    r"(?:\b(?:en|au|aux|à|vers|dans|sur|contre|envahir|attaquer|menacer|dissuader|pour|"
    r"in|into|to|towards?|against|near|invade|invading|attack|attacking|deter|inside|within|"
    r"across|around|from|of|with|avec|face\s+à|autour\s+de|près\s+de|invasion\s+de|"
    r"invasion\s+of|frontières?\s+(?:de|avec)|borders?\s+(?:of|with)|territoire\s+de|"
    r"soil\s+of|territory\s+of|flanc\s+est\s+de|sanctions\s+(?:contre|against|on)|"
    r"soutien\s+à|support\s+(?:to|for)|aide\s+(?:militaire\s+)?à)"
    r")\s+(?:l'|la\s+|le\s+|les\s+|the\s+|d'|de\s+la\s+|de\s+l'|du\s+)?$",
    re.IGNORECASE,
)
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:frontières?|territoire|sol|flanc|espace\s+aérien|côté|border|borders|soil|territory|"
    r"side|crise|crisis|conflit|conflict|dossier|question|préoccupations|concerns)\s+$",
    re.IGNORECASE,
)


def find_actors(text: str, tokens: Tokens | None = None) -> list[ActorMention]:
    """Country/alliance mentions in text (apostrophes straightened), in order."""
    tokens = tokens or tokenize(text)
    out: list[ActorMention] = []
    for hit in PROPER_MATCHER.find(tokens):
        if hit.text == "Alliance" and text[max(0, hit.start - 2):hit.start] != "l'":
            continue   # "l'Alliance" is NATO; "une alliance" or "Alliance for ..." is not
        before = text[max(0, hit.start - 40):hit.start]
        out.append(ActorMention(start=hit.start, end=hit.end, country=hit.value,
                                target=bool(_TARGET_BEFORE.search(before)), adjective=False))
    for hit in ADJ_MATCHER.find(tokens):
        if any(a.start <= hit.start < a.end for a in out):
            continue
        before = text[max(0, hit.start - 40):hit.start]
        out.append(ActorMention(start=hit.start, end=hit.end, country=hit.value,
                                target=bool(_PLACE_NOUN_BEFORE.search(before)), adjective=True))
    out.sort(key=lambda a: a.start)
    return out
