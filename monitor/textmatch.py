"""Case- and accent-insensitive keyword matching.

Text and keywords are folded the same way (Unicode NFKD without combining marks,
casefolded, ligatures spelled out, typographic apostrophes and dashes made plain),
then a keyword matches at word boundaries::

    >>> fold("Élysée’s ŒUVRE")
    "elysee's oeuvre"
    >>> keyword_pattern("Poutine").search(fold("Vladimir POUTINE a dit")) is not None
    True
    >>> keyword_pattern("Poutine").search(fold("poutines")) is None
    True
    >>> keyword_pattern("désescal*").search(fold("la désescalade")) is not None
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

_SPELL_OUT = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def fold(text: str) -> str:
    """Lower-case, accent-free form of text used for every keyword comparison."""
    text = unicodedata.normalize("NFKD", text.translate(_SPELL_OUT))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=4096)
def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A compiled pattern for one keyword on folded text; a trailing * matches any word ending,
    and spaces match any run of whitespace."""
    folded = fold(keyword.strip())
    prefix = folded.endswith("*")
    words = folded.rstrip("*").split()
    if not words:
        raise ValueError("empty keyword")
    body = r"\s+".join(re.escape(w) for w in words)
    tail = r"\w*" if prefix else r"(?!\w)"
    return re.compile(rf"(?<!\w){body}{tail}")


_SPACES = re.compile(r"\s+")


def keyword_key(keyword: str) -> str:
    """The normalized form a keyword is indexed by: folded, single spaces, '*' kept."""
    folded = fold(keyword.strip())
    return " ".join(folded.rstrip("*").split()) + ("*" if folded.endswith("*") else "")


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


class KeywordIndex:
    """Every keyword of a rule set in one Aho-Corasick automaton, so an article's text is
    scanned once however many rules there are (instead of one regex search per keyword).

    It answers exactly what keyword_pattern() would, keyword by keyword: whole words on
    folded text, runs of whitespace as one space, a trailing * matching any ending.

    >>> index = KeywordIndex(["Poutine", "état d'alerte", "désescal*"])
    >>> sorted(index.search(fold("POUTINE: en état  d’alerte, la désescalade")))
    ['desescal*', "etat d'alerte", 'poutine']
    >>> index.search(fold("des poutines")) == set()
    True
    """

    def __init__(self, keywords: Iterable[str]) -> None:
        self.keys = sorted({keyword_key(k) for k in keywords if keyword_key(k).rstrip("*")})
        # "poutine" and "poutine*" are one word in the automaton, two keys behind it.
        by_word: dict[str, list[str]] = {}
        for key in self.keys:
            by_word.setdefault(key.rstrip("*"), []).append(key)
        self._automaton = ahocorasick.Automaton()
        for word, keys in by_word.items():
            self._automaton.add_word(word, (len(word), tuple(keys)))
        if self.keys:
            self._automaton.make_automaton()

    def search(self, folded: str) -> set[str]:
        """The keys of the keywords present in folded text."""
        if not self.keys:
            return set()
        text = _SPACES.sub(" ", folded)
        found: set[str] = set()
        for end, (length, keys) in self._automaton.iter(text):
            start = end - length + 1
            if start > 0 and _is_word(text[start - 1]):
                continue
            whole = end + 1 >= len(text) or not _is_word(text[end + 1])
            found.update(k for k in keys if whole or k.endswith("*"))
        return found
