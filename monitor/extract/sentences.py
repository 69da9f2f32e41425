"""Split article text into sentences, the unit of evidence.

A fact's evidence is the whole sentence it came from, so the split must not cut at
"M. Macron", "U.S. troops", "Jan. 24" or "8.500", and must cut at a paragraph break
even without final punctuation (titles, subheads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """One sentence: its trimmed text and where it sits in the article.

    start/end: offsets into the text given to `split`, so a caller that analysed a
    normalised copy of the same length can cut the evidence from the original.
    """

    text: str
    start: int
    end: int
    paragraph: int


_LINES = re.compile(r"[^\n]+")
# Candidate ends: terminal punctuation, closing quotes/brackets, then space before
# something that can open a sentence. "[.!?…][.!?…]*" is "[.!?…]+" written so that the
# pattern opens on a character set, which re scans for at C speed instead of trying
# the pattern at every character.
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[»”\"')\]]*[ \t\u00a0]+(?=[«“\"'(\[—–-]?\s*[A-ZÀ-ÝÉÈ0-9])")
_ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "st",
        "ste",
        "gen",
        "gén",
        "col",
        "lt",
        "sgt",
        "capt",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "art",
        "p",
        "pp",
        "ex",
        "cf",
        "etc",
        "env",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "janv",
        "févr",
        "avr",
        "juil",
        "déc",
        "fig",
        "approx",
        "vs",
        "av",
        "apr",
        "j.-c",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "inc",
        "corp",
        "co",
        "ltd",
    ]
)
_CLOSERS = " \t\u00a0»”\"')]"
_OPENERS = "«“\"'(["
_INITIALS = re.compile(r"(?:[a-zà-ý]\.)*[a-zà-ý]")


def _is_abbreviation(chunk: str) -> bool:
    """Whether the period ending chunk belongs to an abbreviation ("M.", "U.S.", "Jan.")."""
    tail = chunk[-30:].rstrip(_CLOSERS).rstrip(".!?…")
    parts = tail.rsplit(maxsplit=1)
    if not parts:
        return False
    word = parts[-1].lstrip(_OPENERS).rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials: "J. Biden", "U.S." ; a lone letter before the period.
    return len(word) <= 3 and bool(_INITIALS.fullmatch(word))


def split(text: str) -> list[Sentence]:
    """Sentences of text, in order; line breaks always end a sentence."""
    return [
        Sentence(text=text[start:end], start=start, end=end, paragraph=p_index)
        for start, end, p_index in spans(text)
    ]


def spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence of text: `split` without building the
    Sentence records and their texts, for a caller that skips most sentences unread."""
    out: list[tuple[int, int, int]] = []
    for p_index, line in enumerate(_LINES.finditer(text)):
        paragraph, base = line.group(0), line.start()
        cuts = [0]
        for m in _BOUNDARY.finditer(paragraph):
            at, start = m.start(), cuts[-1]
            tail = paragraph[max(start, at - 5) : at]
            # A long lowercase word before the period is no abbreviation: skip the check.
            if not (len(tail) == 5 and tail.isalpha() and tail.islower()) and _is_abbreviation(
                paragraph[max(start, at - 29) : at + 1]
            ):
                continue
            cuts.append(m.end())
        cuts.append(len(paragraph))
        for start, end in pairwise(cuts):
            # Each piece trimmed of surrounding whitespace; an empty one is no sentence.
            piece = paragraph[start:end]
            trimmed = piece.lstrip()
            stripped = trimmed.rstrip()
            if stripped:
                s = base + start + len(piece) - len(trimmed)
                out.append((s, s + len(stripped), p_index))
    return out
