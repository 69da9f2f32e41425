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


def _fold_slow(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_SPELL_OUT))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


class _FoldTable(dict[int, str]):
    """Each character's folded form, filled in as characters are met (str.translate
    table). Folding works character by character, so this is fold() exactly."""

    def __missing__(self, code: int) -> str:
        value = _fold_slow(chr(code))
        if len(self) < 20_000:  # bounded: hostile text cannot grow it without end
            self[code] = value
        return value


_FOLD_TABLE = _FoldTable()
_SPELL_PAIRS = tuple((chr(k), v) for k, v in _SPELL_OUT.items() if isinstance(v, str))
#: After NFKD, text with nothing past U+036F (Latin, with its accents split off) needs
#: only these combining marks removed (U+034F, the grapheme joiner, is not one).
_BEYOND_LATIN = re.compile("[^\x00-\u036f]")
_LATIN_MARKS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]+"
)


def fold(text: str) -> str:
    """Lower-case, accent-free form of text used for every keyword comparison.

    Text in Latin scripts (most news) takes C-speed steps; anything else goes
    character by character through a table of folded forms (same result, slower)."""
    for char, spelled in _SPELL_PAIRS:
        if char in text:
            text = text.replace(char, spelled)
    decomposed = unicodedata.normalize("NFKD", text)
    if _BEYOND_LATIN.search(decomposed) is None:
        return _LATIN_MARKS.sub("", decomposed).casefold()
    return text.translate(_FOLD_TABLE)


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


def keyword_key(keyword: str) -> str:
    """The normalized form a keyword is indexed by: folded, single spaces, '*' kept."""
    folded = fold(keyword.strip())
    return " ".join(folded.rstrip("*").split()) + ("*" if folded.endswith("*") else "")


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
            self._automaton.add_word(word, (len(word), tuple(keys), frozenset(keys)))
        if self.keys:
            self._automaton.make_automaton()

    def search(self, folded: str) -> set[str]:
        """The keys of the keywords present in folded text."""
        if not self.keys:
            return set()
        text = " ".join(folded.split())  # runs of whitespace as one space, as the patterns
        found: set[str] = set()
        last = len(text) - 1
        for end, (length, keys, done) in self._automaton.iter(text):
            if done.issubset(found):
                continue  # a word met before: nothing new to learn from it
            start = end - length + 1
            if start > 0:
                before = text[start - 1]
                if before.isalnum() or before == "_":
                    continue
            if end < last:
                after = text[end + 1]
                if after.isalnum() or after == "_":
                    found.update(k for k in keys if k.endswith("*"))
                    continue
            found.update(keys)
        return found
