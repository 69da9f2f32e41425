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
from functools import lru_cache

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
