"""The extractors' vocabulary: one data package per language, and the step that compiles it.

`fr/` and `en/` hold data only, one module per subject as spaCy's `lang/fr/` does
(`contacts.py`: contact words by mode, planning and negation cues, reporting verbs,
verb forms...), and each package defines the same names: tuples of phrases. A new
word is one line there; a new language is a new package defining every name (a test
checks they all do). The logic modules never spell a
word themselves: they ask this module for a key's phrases in every language and
compile them here, where every alternation, first-letter lookahead and stem
prefilter is derived from the same phrases, so none can fall out of step.

A phrase is matched case-insensitively from the start of a word, in a small syntax:

- a space: one or more whitespace characters;
- `~N`: up to N words in between ("se rendra ~2 à" takes "se rendra lundi à", and
  an incise: "s'est réuni, la veille, avec");
- `*` / `+`: any / at least one more letter ("rencontr+", "sommet*");
- `(a|b)`: alternatives, `(a|b)?` or `x?`: optional ("visite(s)?", "appel(s)? avec");
- `!(a|b)` at the end: not followed by these words ("appel!(à|au)": no appeal);
- `^` before a word: the word the stem prefilter keys on, where the last one is a
  common word ("^visite d'état à"; by default the last word that is not a function word).

A phrase ends at the end of a word unless its last character is not a letter ("d'",
"d’", "%").
Its first letter, if accented, also matches the bare letter: French capitals often
drop their accent ("Echange entre...", "A Kiev").
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from monitor.extract.phrases import stems

#: Every language with a vocabulary module, in the order its phrases are tried.
LANGUAGES = ("fr", "en")

_GAP = re.compile(r"~(\d+)")


@functools.cache
def module(lang: str) -> ModuleType:
    return importlib.import_module(f"monitor.extract.vocab.{lang}")


def keys(lang: str) -> frozenset[str]:
    """The names a language module defines (its public upper-case tuples)."""
    return frozenset(k for k in vars(module(lang)) if k.isupper() and not k.startswith("_"))


def words(key: str, langs: Sequence[str] = LANGUAGES) -> tuple[str, ...]:
    """A key's phrases in these languages, first language first, each once."""
    return tuple(
        dict.fromkeys(itertools.chain.from_iterable(getattr(module(x), key) for x in langs))
    )


# ------------------------------------------------------------------------ phrase syntax

# A parsed phrase is a sequence of nodes:
#   ("lit", c)  one character      ("sp",)  whitespace      ("gap", n)  up to n words
#   ("any", "*"|"+")  more letters  ("alt", branches, optional)  ("not", branches)
Node = tuple


@dataclass(frozen=True)
class Phrase:
    text: str
    nodes: tuple[Node, ...]


class PhraseError(ValueError):
    pass


@functools.cache
def parse(text: str) -> Phrase:
    """Parse one phrase; PhraseError names the phrase and what is wrong with it."""
    nodes, at = _sequence(text, 0, top=True)
    if at != len(text):
        raise PhraseError(f"phrase {text!r}: unbalanced ')' at {at}")
    if not nodes:
        raise PhraseError(f"phrase {text!r}: empty")
    if nodes[0][0] == "sp" or nodes[-1][0] == "sp":
        raise PhraseError(f"phrase {text!r}: starts or ends with a space")
    return Phrase(text, tuple(nodes))


def _sequence(text: str, at: int, *, top: bool = False) -> tuple[list[Node], int]:
    nodes: list[Node] = []
    while at < len(text):
        c = text[at]
        if c in "|)":
            if top:
                raise PhraseError(f"phrase {text!r}: '{c}' outside a group at {at}")
            return nodes, at
        if c == "(" or (c == "!" and text.startswith("!(", at)):
            negative = c == "!"
            branches, at = _group(text, at + 2 if negative else at + 1)
            if negative:
                if not top or at != len(text):
                    raise PhraseError(f"phrase {text!r}: '!(...)' must end the phrase")
                nodes.append(("not", branches))
                continue
            optional = text.startswith("?", at)
            at += optional
            nodes.append(("alt", branches, optional))
            continue
        if c == " ":
            nodes.append(("sp",))
            at += 1
            while text.startswith(" ", at):
                at += 1
            continue
        gap = _GAP.match(text, at)
        if gap:
            if not nodes or nodes[-1][0] != "sp":
                raise PhraseError(f"phrase {text!r}: '~N' must follow a space")
            nodes.append(("gap", int(gap.group(1))))
            at = gap.end()
            if text.startswith(" ", at):
                at += 1  # the gap's words bring their own spaces
            continue
        if c == "^":
            nodes.append(("key",))
            at += 1
            continue
        if c in "*+":
            nodes.append(("any", c))
            at += 1
            continue
        if c == "?":
            if not nodes or nodes[-1][0] != "lit":
                raise PhraseError(f"phrase {text!r}: '?' must follow a letter or a group")
            nodes[-1] = ("alt", ((nodes[-1],),), True)
            at += 1
            continue
        nodes.append(("lit", c))
        at += 1
    if not top:
        raise PhraseError(f"phrase {text!r}: unclosed '('")
    return nodes, at


def _group(text: str, at: int) -> tuple[tuple[tuple[Node, ...], ...], int]:
    branches: list[tuple[Node, ...]] = []
    while True:
        nodes, at = _sequence(text, at)
        branches.append(tuple(nodes))
        if text[at] == ")":
            return tuple(branches), at + 1
        at += 1  # '|'


# ------------------------------------------------------------------------ regex


def _regex(nodes: Iterable[Node]) -> str:
    out: list[str] = []
    nodes = list(nodes)
    for i, node in enumerate(nodes):
        kind = node[0]
        if kind == "key":
            continue
        if kind == "sp" and i + 1 < len(nodes) and nodes[i + 1][0] == "gap":
            out.append(r",?\s+")  # an incise may open right there: "s'est réuni, la veille,"
            continue
        if kind == "lit":
            out.append(re.escape(node[1]))
        elif kind == "cls":
            out.append("[" + node[1] + "]")
        elif kind == "sp":
            out.append(r"\s+")
        elif kind == "gap":
            out.append(r"(?:[\w'.,-]+\s+){0," + str(node[1]) + "}?")
        elif kind == "any":
            out.append(r"\w" + node[1])
        elif kind == "alt":
            out.append(
                "(?:" + "|".join(_regex(b) for b in node[1]) + ")" + ("?" if node[2] else "")
            )
        else:  # not
            out.append(r"(?!\s+(?:" + "|".join(_regex(b) for b in node[1]) + r")\b)")
    return "".join(out)


def _end(nodes: Sequence[Node]) -> str:
    """The boundary after a phrase: none after a character that is no letter ("d'",
    "d’", "%"), a word's end after a letter, and where it can end either way, a word's
    end only after a letter."""
    ends = {_open_end(e.rstrip("\x02")) for e in _expand(nodes)}
    if ends == {True}:
        return ""
    return r"\b" if ends == {False} else r"(?!(?<=\w)\w)"


def _open_end(expansion: str) -> bool:
    """Whether an expansion ends on a character that is no letter (more letters, `*`,
    end on a letter)."""
    last = expansion[-1:]
    return last != "\x01" and re.fullmatch(r"\w", last) is None


#: An accented first letter and the bare one a capital may be written with.
_BARE = {"é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "î": "i", "ô": "o", "û": "u"}


def _bare_first(nodes: Sequence[Node]) -> tuple[Node, ...]:
    """The nodes with an accented first letter (in every branch) made a class of it and
    its bare letter."""
    if not nodes:
        return ()
    node = nodes[0]
    if node[0] == "lit" and node[1] in _BARE:
        return (("cls", node[1] + _BARE[node[1]]), *nodes[1:])
    if node[0] == "alt":
        branches = tuple(_bare_first(b) for b in node[1])
        return (("alt", branches, node[2]), *nodes[1:])
    return tuple(nodes)


def phrase_regex(text: str) -> str:
    """One phrase as a regex (no leading boundary; a trailing one where it ends a word)."""
    nodes = _bare_first(parse(text).nodes)
    body = _regex(n for n in nodes if n[0] != "not")
    end = _end(nodes)
    tail = "".join(_regex([n]) for n in nodes if n[0] == "not")
    return body + end + tail


def alternation(phrases: Iterable[str]) -> str:
    """`(?:p1|p2|...)`, longest phrases first so that a phrase beats its own prefix."""
    listed = sorted(dict.fromkeys(phrases), key=lambda p: -len(p))
    if not listed:
        return "(?!)"  # a language with none of these: never matches
    return "(?:" + "|".join(phrase_regex(p) for p in listed) + ")"


def first_letters(phrases: Iterable[str]) -> str:
    """The characters (lower case) a match of any of these phrases can start with."""
    letters: set[str] = set()
    for p in phrases:
        first = _first(parse(p).nodes)
        if first is None:
            raise PhraseError(f"phrase {p!r}: can start with any letter, so no prefilter")
        letters |= first
    return "".join(sorted(letters))


def _first(nodes: Sequence[Node]) -> set[str] | None:
    """First characters of a node sequence; None when it can start with any letter."""
    if not nodes:
        return set()
    node, rest = nodes[0], nodes[1:]
    kind = node[0]
    if kind == "lit":
        return {node[1].lower(), _BARE.get(node[1].lower(), node[1].lower())}
    if kind in ("sp", "not", "key"):
        return _first(rest)
    if kind in ("gap", "any"):
        return None
    out: set[str] = set()
    for branch in node[1] + (((),) if node[2] else ()):
        first = _first(tuple(branch) + tuple(rest))
        if first is None:
            return None
        out |= first
    return out


def first_two(phrases: Iterable[str]) -> set[str]:
    """The two-letter starts (lower case) a match of any of these phrases can have;
    PhraseError where one can start with any letter or is a single letter."""
    out: set[str] = set()
    for p in phrases:
        for expansion in _expand(_bare_first(parse(p).nodes)):
            start = expansion.replace("\x02", "")[:2].lower()
            if len(start) < 2 or "\x01" in start or " " in start:
                raise PhraseError(f"phrase {p!r}: no two letters to prefilter on")
            out.add(start)
    return out


def prefiltered(phrases: Iterable[str], *, boundary: bool = True) -> str:
    r"""`\b(?=[first letters])(?:alternation)`: the lookahead is a cheap test that skips
    most positions before Python's re tries every branch of a case-insensitive pattern."""
    listed = tuple(phrases)
    lead = r"\b" if boundary else ""
    return lead + "(?=[" + first_letters(listed) + "])" + alternation(listed)


def phrase_stems(phrases: Iterable[str]) -> frozenset[str]:
    """Stems (phrases.stems) one of which every match of these phrases contains: the
    cheap word-set test run before a module's regexes. Each expansion of a phrase gives
    its last word whose stem is certain (a whole word, or five letters before `*`),
    skipping function words ("with", "les") where the phrase has another: the last word
    is the rarer one more often ("coup de fil", "held talks", "cette heure d'appel")."""
    out: set[str] = set()
    for p in phrases:
        for expansion in _expand(parse(p).nodes):
            found = [
                (m.group(1), m.group(2))
                for m in re.finditer(r"(\x02?)(\w+)(\x01)?", expansion)
                if not m.group(3) or len(m.group(2)) >= 5
            ]
            candidates = [w for _, w in found]
            if not candidates:
                raise PhraseError(f"phrase {p!r}: no word of five letters or whole to prefilter on")
            keyed = [w for mark, w in found if mark]
            content = [w for w in candidates if w.lower() not in _function_words()]
            out |= stems([(keyed or content or candidates)[-1]])
    return frozenset(out)


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(w.lower() for w in words("FUNCTION_WORDS"))


def _expand(nodes: Sequence[Node]) -> list[str]:
    outs = [""]
    for node in nodes:
        kind = node[0]
        if kind in ("lit", "cls"):
            outs = [o + node[1][0] for o in outs]
        elif kind in ("sp", "gap"):
            outs = [o + " " for o in outs]
        elif kind == "any":
            outs = [o + "\x01" for o in outs]
        elif kind == "key":
            outs = [o + "\x02" for o in outs]
        elif kind == "alt":
            tails = [t for b in node[1] for t in _expand(b)] + ([""] if node[2] else [])
            outs = [o + t for o in outs for t in tails]
        elif kind == "cls":  # an accented first letter or its bare one
            outs = [o + c for o in outs for c in node[1]]
    return outs
