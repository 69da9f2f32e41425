"""Fast lookup of many fixed phrases (names, places, demonyms) in a sentence.

A regex alternation of a few thousand names is tried at every character of every
sentence and was most of the extraction time. Here the text is cut into word tokens
once, and each token is looked up in a dict of phrase first-words, so the cost is one
dict probe per word. Phrases match on their word tokens, whatever joins them
("Maison Blanche" = "Maison-Blanche", "U.S." = "U.S"), accents folded so that
"Erdogan" finds "Erdoğan".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")

_TOKEN = re.compile(r"\w+")
_JOINER = re.compile(r"[ \u00a0.'’-]{1,2}")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accents stripped: 'Erdoğan' -> 'Erdogan', 'ı' -> 'i'. Cached: words repeat."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


@functools.lru_cache(maxsize=1 << 16)
def _folded_lower(word: str) -> str:
    return fold(word).casefold()


@dataclass(frozen=True, kw_only=True)
class Hit(Generic[V]):
    start: int
    end: int
    text: str
    value: V


@dataclass(frozen=True, kw_only=True)
class Tokens:
    """A sentence cut into words once, for every matcher to share.

    spans: (start, end) of each word; exact: accent-folded words; lower: also casefolded.
    """

    text: str
    spans: tuple[tuple[int, int], ...]
    exact: tuple[str, ...]
    lower: tuple[str, ...]
    stems: frozenset[str]

    def has_stem(self, stems: frozenset[str]) -> bool:
        """Whether any word starts with one of `stems` (5-letter prefixes, or whole
        shorter words, folded): a cheap test before running a sentence's regexes."""
        return not stems.isdisjoint(self.stems)


def stems(words: Iterable[str]) -> frozenset[str]:
    """The stem set for has_stem: each word folded, lowercased, cut to 5 letters."""
    return frozenset(_folded_lower(w)[:5] for w in words)


def tokenize(text: str) -> Tokens:
    matches = list(_TOKEN.finditer(text))
    words = [m.group(0) for m in matches]
    lower = tuple(map(_folded_lower, words))
    return Tokens(text=text, spans=tuple(m.span() for m in matches),
                  exact=tuple(map(fold, words)), lower=lower,
                  stems=frozenset(w[:5] for w in lower))


class PhraseMatcher(Generic[V]):
    """Find phrases from a fixed table in text, longest match first, no overlaps.

    case_sensitive=False folds case as well as accents.
    """

    def __init__(self, phrases: Iterable[tuple[str, V]], *, case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        index: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in phrases:
            words = tuple(self._key(w) for w in _TOKEN.findall(phrase))
            if words:
                index.setdefault(words[0], []).append((words, value))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._index = index

    def _key(self, word: str) -> str:
        return fold(word) if self.case_sensitive else _folded_lower(word)

    def find(self, tokens: Tokens | str) -> list[Hit[V]]:
        if isinstance(tokens, str):
            tokens = tokenize(tokens)
        text, spans = tokens.text, tokens.spans
        keys = tokens.exact if self.case_sensitive else tokens.lower
        index = self._index
        hits: list[Hit[V]] = []
        count = len(keys)
        free_from = 0
        for i in [i for i, k in enumerate(keys) if k in index]:
            if i < free_from:
                continue
            for words, value in index[keys[i]]:
                n = len(words)
                if i + n > count:
                    continue
                if n == 1 or (all(keys[i + k] == words[k] for k in range(1, n)) and all(
                    _JOINER.fullmatch(text[spans[i + k - 1][1]:spans[i + k][0]])
                    for k in range(1, n)
                )):
                    start, end = spans[i][0], spans[i + n - 1][1]
                    hits.append(Hit(start=start, end=end, text=text[start:end], value=value))
                    free_from = i + n
                    break
        return hits
