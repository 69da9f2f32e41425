"""Quantities in French and English news copy: "jusqu'à 8 500", "entre 1.000 et 5.000",
"quelque 100 000", "1,5 million", "trois mille", "des dizaines de milliers", "tens of thousands".

`find_quantities` returns every quantity in a sentence with its span, its value (or a
range), and a qualifier from the prefix before it. Which quantity counts troops is the
caller's business (troops.py); this module only reads numbers.

Number words go through text2num rather than a home-made numeral grammar; digits are
read here because grouping is the tricky part: "8 500" (space, U+00A0 or U+202F),
"8.500", "8,500" all group thousands, while "8,5" and "1.5" are decimals and only mean
something next to "million".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from text_to_num import text2num

from monitor.extract import vocab


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A quantity found in a sentence.

    start/end: character span, qualifier words included ("jusqu'à 8 500").
    count: the value, or the bottom of a range; None for a vague amount.
    count_max: the top of a range, else None.
    qualifier: one of facts.QUALIFIERS (exact, approx, up_to, more_than, range, vague).
    """

    start: int
    end: int
    count: int | None
    count_max: int | None
    qualifier: str


_SEP = "[ \u00a0\u202f\u2009.,]"
_I = re.IGNORECASE


def _words(*keys: str) -> str:
    """Vocabulary keys' phrases, every language, as one alternation (vocab.alternation)."""
    return vocab.alternation(w for key in keys for w in vocab.words(key))


def _first(*keys: str) -> str:
    """The first letters keys' phrases can start with (vocab.first_letters), for the
    lookaheads below: Python's re has no fast scan for a case-insensitive alternation
    (it enters every branch at every word boundary); a lookahead on a superset of the
    first characters rejects most positions at once without changing any match."""
    return vocab.first_letters(w for key in keys for w in vocab.words(key))


_MULT_WORDS = {
    w: factor
    for key, factor in (
        ("TIMES_THOUSAND", 1000),
        ("TIMES_MILLION", 1_000_000),
        ("TIMES_BILLION", 1_000_000_000),
    )
    for w in vocab.words(key)
}
_NUMBER_ONE = frozenset(vocab.words("NUMBER_ONE"))
_WORD = _words("NUMBER_WORDS")
# What an atom can start with: a digit, a number word, or "a"/"an"/"one" before one.
_ATOM = re.compile(
    r"\b(?=[\d"
    + _first("NUMBER_WORDS", "NUMBER_LEADS")
    + r"])(?:(?P<digits>(?<![\w.,])(?:\d{1,3}(?:"
    + _SEP
    + r"\d{3})+|\d+(?:[.,]\d+)?)(?![\w]|[.,]\d))"
    r"(?:[ \u00a0\u202f]*(?P<mult>"
    + _words("TIMES_THOUSAND", "TIMES_MILLION", "TIMES_BILLION")
    + r"))?"
    r"|(?P<words>(?<![\w-])(?:"
    + _words("NUMBER_LEADS")
    + r"\s+)?"
    + _WORD
    + r"(?:(?:[\s-]+(?:"
    + _words("NUMBER_JOINS")
    + r"[\s-]+)?)"
    + _WORD
    + r")*(?![\w-])))",
    _I,
)
_LEAD = re.compile(r"^(?:" + "|".join(re.escape(w) for w in vocab.words("NUMBER_LEADS")) + ") ")

#: "une centaine de" is about 100: each ABOUT_<n> key's nouns are worth n.
_APPROX_NOUNS = {
    w: int(key.removeprefix("ABOUT_"))
    for key in sorted(vocab.keys(vocab.LANGUAGES[0]))
    if re.fullmatch(r"ABOUT_\d+", key)
    for w in vocab.words(key)
}
#: "une centaine de", "un millier d'", "une dizaine de milliers de", "a dozen".
_APPROX_NOUN = re.compile(
    r"\b(?<![\w-])(?=["
    + _first("APPROX_ARTICLES")
    + "])"
    + _words("APPROX_ARTICLES")
    + r"\s+(?P<noun>"
    + vocab.alternation(_APPROX_NOUNS)
    + r")(?:\s+(?P<thousands>"
    + _words("ABOUT_THOUSANDS")
    + "))?",
    _I,
)
#: "des dizaines de milliers", "plusieurs milliers", "tens of thousands", "thousands".
_VAGUE = re.compile(
    r"\b(?<![\w-])(?=["
    + _first("VAGUE_DETERMINERS", "VAGUE_NOUNS", "VAGUE_FEW")
    + "])(?:"
    + _words("VAGUE_DETERMINERS")
    + r"\s+)?(?:"
    + _words("VAGUE_NOUNS")
    + r"(?:\s+"
    + _words("VAGUE_OF")
    + ")?|"
    + _words("VAGUE_FEW")
    + r")(?![\w-])",
    _I,
)
_QUALIFIER = re.compile(
    "(?=["
    + _first("UP_TO", "MORE_THAN", "APPROX")
    + "])(?:(?P<up_to>"
    + _words("UP_TO")
    + ")|(?P<more_than>"
    + _words("MORE_THAN")
    + ")|(?P<approx>"
    + _words("APPROX")
    + r"))\s*$",
    _I,
)
_RANGE_START = re.compile("(?=[" + _first("RANGE_OPEN") + "])" + _words("RANGE_OPEN") + r"\s*$", _I)
_RANGE_JOIN = re.compile(r"^\s*(?:" + _words("RANGE_JOIN") + r"|-|–|—)\s*$", _I)
_RANGE_JOIN_ALONE = frozenset(vocab.words("RANGE_JOIN_ALONE"))
_DASH_JOIN = re.compile(r"^\s*[-–—]\s*$")


# Cached: pure, and the same figures ("3 000", "8.500") recur across articles.
@functools.lru_cache(maxsize=4096)
def parse_digits(digits: str, mult: str | None = None) -> int | None:
    """An integer from a digit string as news copy writes it, or None if not a whole number.

    >>> parse_digits("8 500"), parse_digits("8.500"), parse_digits("1,5", "million")
    (8500, 8500, 1500000)
    """
    factor = _MULT_WORDS.get(mult.lower(), 1) if mult else 1
    if len(digits) > 24:
        return None  # a serial number or garbage; int() would also refuse past 4300 digits
    grouped = re.fullmatch(r"\d{1,3}(?:" + _SEP + r"\d{3})+", digits)
    if grouped and not (factor > 1 and re.fullmatch(r"\d{1,3}[.,]\d{3}", digits)):
        value = int(re.sub(r"\D", "", digits))
        return value * factor
    if re.fullmatch(r"\d+", digits):
        return int(digits) * factor
    if re.fullmatch(r"\d+[.,]\d+", digits) and factor > 1:
        whole, frac = re.split(r"[.,]", digits)
        # Exact decimal arithmetic: 1,5 million is 1500000, never 1499999.
        return (int(whole) * 10 ** len(frac) + int(frac)) * factor // 10 ** len(frac)
    return None


# Cached: text2num is slow and the same few number words ("deux", "huit", "trois
# mille") come back in every article; the function is pure (same words, same value).
@functools.lru_cache(maxsize=4096)
def parse_words(words: str, lang: str) -> int | None:
    """An integer from number words ("trois mille", "a thousand"), or None."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    text = _LEAD.sub("one " if lang == "en" else "un ", text)
    for candidate_lang in (lang, "en" if lang == "fr" else "fr"):
        try:
            return int(text2num(text, candidate_lang))
        except (ValueError, TypeError, IndexError, KeyError):
            continue
    return None


def _atoms(text: str, lang: str) -> list[tuple[int, int, int]]:
    out = []
    for m in _ATOM.finditer(text):
        if m.group("digits"):
            value = parse_digits(m.group("digits"), m.group("mult"))
        else:
            words = m.group("words")
            if words.lower() in _NUMBER_ONE:
                continue
            value = parse_words(words, lang)
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


def _widen_low(low: int, high: int) -> int:
    """'entre 8 et 10 000' means 8 000 to 10 000; 'between 2 and 3 million' likewise."""
    for factor in (1_000_000, 1000):
        if low < 1000 and high >= factor and high % factor == 0 and low * factor <= high:
            return low * factor
    return low


def find_quantities(text: str, lang: str = "fr") -> list[Quantity]:
    """Every quantity in text, in order, ranges joined and qualifiers attached."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in _APPROX_NOUN.finditer(text):
        value = _APPROX_NOUNS[m.group("noun").lower()]
        if m.group("thousands"):
            value *= 1000
        start = m.start()
        q = _QUALIFIER.search(text, max(0, start - 40), start)
        qualifier = "approx"
        if q and not q.group("approx"):
            qualifier = "more_than" if q.group("more_than") else "up_to"
            start = q.start()
        found.append(
            Quantity(start=start, end=m.end(), count=value, count_max=None, qualifier=qualifier)
        )
        taken.append((m.start(), m.end()))
    for m in _VAGUE.finditer(text):
        if free(m.start(), m.end()):
            found.append(
                Quantity(
                    start=m.start(), end=m.end(), count=None, count_max=None, qualifier="vague"
                )
            )
            taken.append((m.start(), m.end()))

    atoms = [a for a in _atoms(text, lang) if free(a[0], a[1])]
    i = 0
    while i < len(atoms):
        start, end, value = atoms[i]
        before = text[max(0, start - 40) : start]
        if i + 1 < len(atoms):
            n_start, n_end, n_value = atoms[i + 1]
            gap = text[end:n_start]
            opened = _RANGE_START.search(before)
            if _RANGE_JOIN.match(gap) and (
                opened or _DASH_JOIN.match(gap) or gap.strip().lower() in _RANGE_JOIN_ALONE
            ):
                low = _widen_low(value, n_value)
                if low < n_value:
                    s = start - len(before) + opened.start() if opened else start
                    found.append(
                        Quantity(
                            start=s, end=n_end, count=low, count_max=n_value, qualifier="range"
                        )
                    )
                    i += 2
                    continue
        q = _QUALIFIER.search(before)
        qualifier = "exact"
        if q:
            qualifier = next(k for k in ("up_to", "more_than", "approx") if q.group(k))
            start = start - len(before) + q.start()
        found.append(
            Quantity(start=start, end=end, count=value, count_max=None, qualifier=qualifier)
        )
        i += 1
    found.sort(key=lambda x: x.start)
    return found
