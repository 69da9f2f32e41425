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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import Generic, TypeVar

V = TypeVar("V")

_TOKEN = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")
_COMBINING = re.compile("[\u0300-\u036f]")
_JOINER = re.compile(r"[ \u00a0.'’-]{1,2}")
#: w[:5] as a C-level callable, for map() over every word of an article.
_FIRST_FIVE = itemgetter(slice(None, 5))


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accents stripped: 'Erdoğan' -> 'Erdogan', 'ı' -> 'i'. Cached: words repeat."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def _folded_lower(word: str) -> str:
    return fold(word).lower()


@dataclass(frozen=True, kw_only=True)
class Hit(Generic[V]):
    start: int
    end: int
    text: str
    value: V


@dataclass(frozen=True, kw_only=True)
class Tokens:
    """A sentence cut into words once, for every matcher to share.

    starts/ends: offsets of each word; exact: accent-folded words; lower: also lowercased.
    """

    text: str
    starts: list[int]
    ends: list[int]
    exact: tuple[str, ...]
    lower: tuple[str, ...]
    stem5: tuple[str, ...]
    exact_set: frozenset[str]
    lower_set: frozenset[str]

    def stems(self, first: int = 0, last: int | None = None) -> frozenset[str]:
        """Stems (see `stems()`) of words first..last: what has_stem tests against."""
        return frozenset(self.stem5[first:last])


def stems(words: Iterable[str]) -> frozenset[str]:
    """Word stems: folded, lowercased, cut to 5 letters. Comparing a sentence's stems
    with a module's stems is the cheap test run before that module's regexes."""
    return frozenset(_folded_lower(w)[:5] for w in words)


def _same_length(text: str, transform: Callable[[str], str]) -> str:
    """transform(text), or char by char where it would change the length (ligatures,
    decomposed input), so that offsets in the result are offsets in text."""
    out = transform(text)
    if len(out) == len(text):
        return out
    return "".join(t if len(t := transform(c)) == 1 else c for c in text)


def _fold_text(text: str) -> str:
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).replace("ı", "i")


def tokenize(text: str) -> Tokens:
    """Cut text into words; the folding runs once on the whole text (C speed)."""
    folded = _same_length(text, _fold_text)
    # re.split keeps words at odd indexes; running lengths give every offset, all
    # without a Python-level loop over match objects.
    parts = _SPLIT.split(folded)
    offsets = list(accumulate(map(len, parts)))
    exact = tuple(parts[1::2])
    # One lower() over the joined words instead of one call per word.
    lower = tuple("\x00".join(exact).lower().split("\x00")) if exact else ()
    if len(lower) != len(exact):  # a NUL inside a word: cannot happen in \w+, but be safe
        lower = tuple(map(str.lower, exact))
    return Tokens(
        text=text,
        starts=offsets[0:-1:2],
        ends=offsets[1::2],
        exact=exact,
        lower=lower,
        stem5=tuple(map(_FIRST_FIVE, lower)),
        exact_set=frozenset(exact),
        lower_set=frozenset(lower),
    )


class PhraseMatcher(Generic[V]):
    """Find phrases from a fixed table in text, longest match first, no overlaps.

    case_sensitive=False folds case as well as accents.
    """

    def __init__(self, phrases: Iterable[tuple[str, V]], *, case_sensitive: bool) -> None:
        from monitor.extract import vocab  # vocab compiles with this module's stems()

        self.case_sensitive = case_sensitive
        # A phrase is found from its first word that is no function word ("le Salvador"
        # from "Salvador"): the scan below visits every occurrence of every key word,
        # and "le", "au", "the" occur everywhere.
        common = {self._key(w) for w in vocab.words("FUNCTION_WORDS")}
        index: dict[str, list[tuple[int, tuple[str, ...], V]]] = {}
        for phrase, value in phrases:
            words = tuple(self._key(w) for w in _TOKEN.findall(phrase))
            if words:
                at = next((k for k, w in enumerate(words) if w.lower() not in common), 0)
                index.setdefault(words[at], []).append((at, words, value))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[1]))
        self._index = index

    def _key(self, word: str) -> str:
        return fold(word) if self.case_sensitive else _folded_lower(word)

    def find(self, tokens: Tokens | str) -> list[Hit[V]]:
        if isinstance(tokens, str):
            tokens = tokenize(tokens)
        text, starts, ends = tokens.text, tokens.starts, tokens.ends
        keys = tokens.exact if self.case_sensitive else tokens.lower
        present = tokens.exact_set if self.case_sensitive else tokens.lower_set
        index = self._index
        hits: list[Hit[V]] = []
        count = len(keys)
        # Positions of the key words, found with C-level scans (set intersection,
        # tuple.index) rather than a Python loop over every word; each gives the start
        # of the phrases keyed on it.
        positions: list[int] = []
        for word in index.keys() & present:
            at = keys.index(word)
            while True:
                positions.append(at)
                try:
                    at = keys.index(word, at + 1)
                except ValueError:
                    break
        candidates: list[tuple[int, int, tuple[str, ...], V]] = []
        for at in positions:
            for offset, words, value in index[keys[at]]:
                if at - offset >= 0:
                    candidates.append((at - offset, -len(words), words, value))
        candidates.sort(key=lambda c: (c[0], c[1]))
        free_from = 0
        for i, minus_n, words, value in candidates:
            n = -minus_n
            if i < free_from or i + n > count:
                continue
            if n == 1 or (
                all(keys[i + k] == words[k] for k in range(n))
                and all(
                    _JOINER.fullmatch(text[ends[i + k - 1] : starts[i + k]]) for k in range(1, n)
                )
            ):
                start, end = starts[i], ends[i + n - 1]
                hits.append(Hit(start=start, end=end, text=text[start:end], value=value))
                free_from = i + n
        return hits
