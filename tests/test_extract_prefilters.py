"""The first-letter prefilters of the extractors' patterns never lose a match.

Many hot patterns in monitor/extract open on a lookahead listing the characters a
match can start with, e.g. ``\\b(?=[ab])(?:alpha|beta)`` (re.IGNORECASE): Python's re
has no fast scan for a case-insensitive alternation, and the lookahead rejects most
positions at once. It is only correct while it admits every way the rest of the
pattern can start: a word added to the alternation without its first letter in the
lookahead silently loses every match of that word.

Three guards, all derived from the compiled patterns themselves:

* static: the pattern is parsed (re._parser), the leading lookahead split from the
  body, and the body walked (alternations, optional groups, repeats, classes, inline
  flags) to collect the characters - or, for a two-letter lookahead such as dates'
  ``(?=[0-9]|ce|...)``, the two-character prefixes - it can start with; each,
  in every case variant the pattern's flags admit, accented ones included, must be
  admitted by the lookahead. A lookahead alternative that is not a plain prefix
  (contacts' ``[\\w-]+-minute``) must reappear verbatim at the start of a body branch.
* behavioural: sample strings generated from the body (every alternative, every
  class member listed) in neutral contexts, and every sentence of the seed articles
  and of tests/data/extract_eval: ``finditer`` of the prefiltered pattern must equal
  that of the same pattern with the lookahead removed.
* completeness: every pattern in the monitor.extract modules' globals that opens on
  such a lookahead is in the table below, so a new one cannot go unguarded.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from feeds import SEEDS

import monitor.extract
from monitor.extract import contacts, dates, leaders, numbers, sentences, troops

EVAL = Path(__file__).resolve().parent / "data" / "extract_eval"

# --------------------------------------------------------------------------- table

#: Every prefiltered pattern, by module.name (an index for those kept in tuples).
PREFILTERED: dict[str, re.Pattern[str]] = {
    "contacts._NEGATION": contacts._NEGATION,
    "contacts._PLANNED": contacts._PLANNED,
    "contacts._CIRCUMSTANCE": contacts._CIRCUMSTANCE,
    "contacts._EXCLUDED_BEFORE": contacts._EXCLUDED_BEFORE,
    "contacts._PROPOSAL": contacts._PROPOSAL,
    "contacts._SETTING": contacts._SETTING,
    "contacts._REPORTED_DATE": contacts._REPORTED_DATE,
    "contacts._ALL_TRIGGERS": contacts._ALL_TRIGGERS,
    "dates._MENTION": dates._MENTION,
    "leaders._ROLE_WORD": leaders._ROLE_WORD,
    "leaders._PLURAL_WORD": leaders._PLURAL_WORD,
    "leaders._HOMOLOGUE_WORD": leaders._HOMOLOGUE_WORD,
    "leaders._BARE_WORD": leaders._BARE_WORD,
    "leaders._PLACE_HINT": leaders._PLACE_HINT,
    "numbers._ATOM": numbers._ATOM,
    "numbers._APPROX_NOUN": numbers._APPROX_NOUN,
    "numbers._VAGUE": numbers._VAGUE,
    "numbers._QUALIFIER": numbers._QUALIFIER,
    "numbers._RANGE_START": numbers._RANGE_START,
    "troops._TROOP_NOUN": troops._TROOP_NOUN,
    "troops._MILITARY_CONTEXT": troops._MILITARY_CONTEXT,
    "troops._CASUALTY_BEFORE": troops._CASUALTY_BEFORE,
    "troops._CAPACITY": troops._CAPACITY,
    "troops._STATUS_PATTERNS[0][1]": troops._STATUS_PATTERNS[0][1],
    "troops._STATUS_PATTERNS[1][1]": troops._STATUS_PATTERNS[1][1],
    "troops._STATUS_PATTERNS[2][1]": troops._STATUS_PATTERNS[2][1],
    "troops._STATUS_PATTERNS[3][1]": troops._STATUS_PATTERNS[3][1],
    "troops._MODAL": troops._MODAL,
    "troops._CONSIDERED_ALONE": troops._CONSIDERED_ALONE,
    "troops._BORDER": troops._BORDER,
}

#: Patterns with "(?=[" that is not a prefilter opening the pattern, and why.
NOT_PREFILTERS = {
    # A trailing lookahead: what may follow a sentence end, not a first-letter filter.
    "sentences._BOUNDARY": sentences._BOUNDARY,
}

# ------------------------------------------------------------------ parse helpers

_C = sre_constants
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_ONE_CHAR = (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY)
#: A lookahead alternative wider than this is not checked as a prefix but must
#: reappear verbatim at the start of a body branch.
_MAX_PREFIX = 3


class Unanalysable(Exception):
    """A construct the prefix walk does not follow (a backreference, a conditional)."""


def _freeze(x: object) -> object:
    """A parse tree as nested tuples, comparable and hashable."""
    if isinstance(x, sre_parse.SubPattern):
        return tuple(_freeze(i) for i in x.data)
    if isinstance(x, list | tuple):
        return tuple(_freeze(i) for i in x)
    return x


def _universe() -> tuple[str, ...]:
    """The characters tried: Latin scripts, punctuation, every Unicode decimal digit,
    the characters re's case folding links to Latin letters, and the corpora's."""
    chars = {chr(c) for c in range(0x20, 0x250)}
    chars |= {chr(c) for c in range(0x1E00, 0x1F00)}  # Latin Extended Additional (ẞ)
    chars |= {chr(c) for c in range(0x2000, 0x2070)}  # punctuation, spaces
    chars |= {chr(c) for c in range(0x20A0, 0x20C0)}  # currency
    chars |= {chr(c) for c in range(0x2100, 0x2150)}  # Kelvin, Ångström, Ohm signs
    chars |= {chr(c) for c in range(0x370, 0x400)}  # Greek (µ, ς ... fold to Latin-1)
    chars |= set("\t\n\r\x0b\x0c\x85\u3000\ufb00\ufb01\ufb02\ufb05\ufb06")
    chars |= {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdecimal()}
    for text in _corpus_texts():
        chars |= set(text)
    for c in list(chars):
        chars |= set(c.upper()) | set(c.lower()) | set(c.casefold())
    return tuple(sorted(chars))


@functools.cache
def _corpus_texts() -> tuple[str, ...]:
    files = sorted(SEEDS.glob("*.txt")) + sorted(EVAL.glob("*.txt"))
    assert len(files) >= 5 + 20, files
    return tuple(f.read_text(encoding="utf-8") for f in files)


UNIVERSE = _universe()


class Prefiltered:
    """A pattern split into its leading lookahead and the body that follows it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.tree = sre_parse.parse(pattern.pattern, pattern.flags)
        self.state = self.tree.state
        site = leading_lookahead(self.tree)
        if site is None:
            raise AssertionError(f"no leading (?=...) in {pattern.pattern[:60]!r}")
        items, at, tail = site
        self.node = items[at]
        self.lookahead = self.node[1][1]  # (ASSERT, (direction, subpattern))
        self.body = items[at + 1 :] + tail
        self.ahead = self._compile(list(self.lookahead.data))
        self.stripped = self._compile(_drop(self.state, self.tree.data, self.node))
        self._charsets: dict[object, frozenset[str]] = {}
        # Lookahead alternatives: short ones are checked as prefixes; wider ones
        # ("[\w-]+-minute") must open a body branch as they are.
        ops = self.lookahead.data
        alts = ops[0][1][1] if len(ops) == 1 and ops[0][0] is _C.BRANCH else [self.lookahead]
        self.verbatim: list[tuple[object, ...]] = []
        self.width = 0
        for alt in alts:
            hi = alt.getwidth()[1]
            if hi > _MAX_PREFIX:
                self.verbatim.append(tuple(_freeze(i) for i in alt.data))
            else:
                self.width = max(self.width, hi)

    def _compile(self, data: list) -> re.Pattern[str]:
        return sre_compile.compile(sre_parse.SubPattern(self.state, data), 0)

    # ----------------------------------------------------------------- static

    def charset(self, node: tuple, flags: tuple[tuple[int, int], ...]) -> frozenset[str]:
        """The characters of UNIVERSE one single-character node matches, with the
        pattern's flags and any inline (?i:...)/(?-i:...) around it."""
        key = (_freeze(node), flags)
        if key not in self._charsets:
            data = [node]
            for add, delete in reversed(flags):
                sub = sre_parse.SubPattern(self.state, data)
                data = [(_C.SUBPATTERN, (None, add, delete, sub))]
            rx = self._compile(data)
            self._charsets[key] = frozenset(c for c in UNIVERSE if rx.fullmatch(c))
        return self._charsets[key]

    def prefixes(self) -> set[tuple[frozenset[str], ...]]:
        """How the body can start: tuples of `width` character sets (shorter where
        the body can end sooner); branches opening on a verbatim lookahead
        alternative are left out, the lookahead admits them as they are."""
        return self._seq(list(self.body), max(self.width, 1), (), True)

    def _seq(self, items: list, n: int, flags: tuple, at_start: bool) -> set[tuple]:
        done: set[tuple] = set()
        open_: set[tuple] = {()}
        for i, item in enumerate(items):
            following: set[tuple] = set()
            for p in open_:
                start = at_start and not p
                if start and self._opens_verbatim(items[i:]):
                    continue
                for q in self._item(item, n - len(p), flags, start):
                    (done if len(p) + len(q) == n else following).add(p + q)
            open_ = following
            if not open_:
                break
        return done | open_

    def _opens_verbatim(self, items: list) -> bool:
        frozen = tuple(_freeze(i) for i in items)
        return any(frozen[: len(alt)] == alt for alt in self.verbatim)

    def _item(self, node: tuple, n: int, flags: tuple, at_start: bool) -> set[tuple]:
        op, av = node
        if op in _ONE_CHAR:
            return {(self.charset(node, flags),)}
        if op in _ZERO_WIDTH:
            return {()}  # assertions only restrict: ignoring them gives a superset
        if op is _C.SUBPATTERN:
            _group, add, delete, sub = av
            inner = (*flags, (add, delete)) if add or delete else flags
            return self._seq(list(sub.data), n, inner, at_start)
        if op is _C.ATOMIC_GROUP:
            return self._seq(list(av.data), n, flags, at_start)
        if op is _C.BRANCH:
            out: set[tuple] = set()
            for alt in av[1]:
                out |= self._seq(list(alt.data), n, flags, at_start)
            return out
        if op in _REPEATS:
            lo, hi, sub = av
            done: set[tuple] = set()
            open_: set[tuple] = {()}
            count = 0
            while open_ and count < hi and count <= lo + n:
                if count >= lo:
                    done |= open_
                following: set[tuple] = set()
                for p in open_:
                    for q in self._seq(list(sub.data), n - len(p), flags, at_start and not p):
                        (done if len(p) + len(q) == n else following).add(p + q)
                open_ = following
                count += 1
            if count >= lo:
                done |= open_
            return done
        raise Unanalysable(f"{op} in the body")

    def rejected(self) -> list[str]:
        """The starts of the body the lookahead rejects (empty when it is sound)."""
        out: list[str] = []
        for prefix in self.prefixes():
            if not prefix:
                out.append("<the body can match the empty string>")
                continue
            out.extend(self._rejected(prefix, ""))
        return sorted(set(out))

    def _rejected(self, prefix: tuple[frozenset[str], ...], s: str) -> list[str]:
        if s and self.ahead.match(s):
            return []  # admitted whatever follows
        if len(s) == len(prefix):
            return [s]
        out: list[str] = []
        for c in sorted(prefix[len(s)]):
            out.extend(self._rejected(prefix, s + c))
        return out

    # ------------------------------------------------------------- behaviour

    def samples(self) -> list[str]:
        """Strings the body should match: each alternative and each listed class
        member at least once, the rest of the pattern at its shortest."""
        return list(dict.fromkeys(self._gen_seq(list(self.body), ())))

    def _gen_seq(self, items: list, flags: tuple) -> list[str]:
        parts = [self._gen(item, flags) for item in items]
        defaults = [p[0] for p in parts]
        out = ["".join(defaults)]
        for i, p in enumerate(parts):
            head, tail = "".join(defaults[:i]), "".join(defaults[i + 1 :])
            out.extend(head + s + tail for s in p[1:])
        return out

    def _gen(self, node: tuple, flags: tuple) -> list[str]:
        op, av = node
        if op is _C.LITERAL:
            return [chr(av)]
        if op is _C.IN:
            listed = [chr(v) for o, v in av if o is _C.LITERAL]
            listed += [chr(c) for o, v in av if o is _C.RANGE for c in v]
            if any(o is _C.NEGATE for o, _ in av):
                listed = []
            return list(dict.fromkeys([_representative(self.charset(node, flags)), *listed]))
        if op in (_C.NOT_LITERAL, _C.ANY):
            return [_representative(self.charset(node, flags))]
        if op in _ZERO_WIDTH:
            return [""]
        if op is _C.SUBPATTERN:
            _group, add, delete, sub = av
            inner = (*flags, (add, delete)) if add or delete else flags
            return self._gen_seq(list(sub.data), inner)
        if op is _C.ATOMIC_GROUP:
            return self._gen_seq(list(av.data), flags)
        if op is _C.BRANCH:
            return [s for alt in av[1] for s in self._gen_seq(list(alt.data), flags)]
        if op in _REPEATS:
            lo, _hi, sub = av
            inner = self._gen_seq(list(sub.data), flags)
            if lo == 0:
                return ["", *inner]
            base = inner[0] * (min(lo, 5) - 1)
            return [s + base for s in inner]
        raise Unanalysable(f"{op} in the body")


def _representative(chars: frozenset[str]) -> str:
    for c in " aeiou" + "bcdfghjklmnpqrstvwxyz" + "0123456789":
        if c in chars:
            return c
    assert chars, "an empty character class"
    return min(chars)


def leading_lookahead(tree: sre_parse.SubPattern) -> tuple[list, int, list] | None:
    """Where the lookahead opening the pattern sits, past \\b and lookbehinds: (the
    items holding it, its index there, the items that follow those). It may open a
    branch only: "(?=[ab])alpha...$|beta...$" guards the first branch, not the second."""
    return _find_lookahead(list(tree.data), [])


def _find_lookahead(items: list, tail: list) -> tuple[list, int, list] | None:
    for i, (op, av) in enumerate(items):
        if op is _C.AT or (op in (_C.ASSERT, _C.ASSERT_NOT) and av[0] == -1):
            continue
        if op is _C.ASSERT and av[0] == 1:
            return items, i, tail
        sites: list[tuple[list, int, list]] = []
        if op is _C.BRANCH:
            for alt in av[1]:
                site = _find_lookahead(list(alt.data), items[i + 1 :] + tail)
                if site is not None:
                    sites.append(site)
        elif op is _C.SUBPATTERN:
            site = _find_lookahead(list(av[3].data), items[i + 1 :] + tail)
            if site is not None:
                sites.append(site)
        assert len(sites) <= 1, "several prefilters in one pattern: extend Prefiltered"
        return sites[0] if sites else None
    return None


def _drop(state: object, data: list, target: tuple) -> list:
    """The items without the node `target` (found where _find_lookahead looks)."""
    out = []
    for node in data:
        if node is target:
            continue
        op, av = node
        if op is _C.BRANCH:
            av = (av[0], [sre_parse.SubPattern(state, _drop(state, a.data, target)) for a in av[1]])
        elif op is _C.SUBPATTERN:
            av = (*av[:3], sre_parse.SubPattern(state, _drop(state, av[3].data, target)))
        out.append((op, av))
    return out


@functools.cache
def _split(name: str) -> Prefiltered:
    return Prefiltered(PREFILTERED[name])


def _lookahead_text(p: Prefiltered) -> str:
    m = re.search(r"\(\?=\[[^\]]*\]", p.pattern.pattern)
    return m.group(0) + "...)" if m else "(?=...)"


# ------------------------------------------------------------------ completeness


def _walk(value: object, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        yield name, value
    elif depth < 3 and isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _walk(v, f"{name}[{i}]", depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, f"{name}[{k!r}]", depth + 1)


def scan_modules() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern in the globals of the monitor.extract modules."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for info in sorted(pkgutil.iter_modules(monitor.extract.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"monitor.extract.{info.name}")
        for gname, value in sorted(vars(module).items()):
            for name, pattern in _walk(value, f"{info.name}.{gname}"):
                if id(pattern) not in seen and isinstance(pattern.pattern, str):
                    seen.add(id(pattern))
                    found[name] = pattern
    return found


def test_every_prefiltered_pattern_is_in_the_table():
    found = scan_modules()
    with_lookahead = {n: p for n, p in found.items() if "(?=[" in p.pattern}
    prefiltered = {
        n: p
        for n, p in found.items()
        if leading_lookahead(sre_parse.parse(p.pattern, p.flags)) is not None
    }
    table = {id(p) for p in PREFILTERED.values()}
    exempt = {id(p) for p in NOT_PREFILTERS.values()}
    missing = sorted(n for n, p in {**with_lookahead, **prefiltered}.items() if id(p) not in table)
    missing = [n for n in missing if id(found[n]) not in exempt]
    assert not missing, f"prefiltered patterns without a guard, add them to PREFILTERED: {missing}"
    assert len({id(p) for p in with_lookahead.values()} - exempt) == len(PREFILTERED)
    assert {id(p) for p in prefiltered.values()} == table
    assert len(PREFILTERED) == len(table)  # no pattern listed twice


# ------------------------------------------------------------------------ static


@pytest.mark.parametrize("name", list(PREFILTERED))
def test_lookahead_admits_every_start_of_the_body(name):
    p = _split(name)
    try:
        rejected = p.rejected()
    except Unanalysable as e:
        pytest.skip(f"{name}: {e}; covered by the behavioural tests")
    assert not rejected, (
        f"{name}: the lookahead {_lookahead_text(p)} rejects what the rest of the pattern "
        f"can start with: {rejected[:40]}; add the missing letters to the lookahead"
    )


# -------------------------------------------------------------------- behaviour


def _results(rx: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.parametrize("name", list(PREFILTERED))
def test_pattern_words_still_match(name):
    p = _split(name)
    try:
        samples = p.samples()
    except Unanalysable as e:
        pytest.skip(f"{name}: {e}; covered by the corpus test")
    matched = 0
    lost: list[str] = []
    for sample in samples:
        for word in dict.fromkeys([sample, sample.upper(), sample.capitalize()]):
            for text in (f" {word} ", f" {word}"):
                expected = _results(p.stripped, text)
                matched += bool(expected)
                if _results(p.pattern, text) != expected:
                    lost.append(text)
    assert not lost, f"{name}: the lookahead {_lookahead_text(p)} loses matches in {lost[:20]}"
    # The samples must exercise the pattern, or the check above proves nothing.
    assert matched >= len(samples), (name, matched, len(samples))


@functools.cache
def _sentences() -> tuple[str, ...]:
    out: list[str] = []
    for text in _corpus_texts():
        for s in sentences.split(text):
            out.append(s.text)
            straight = s.text.replace("’", "'")
            if straight != s.text:
                out.append(straight)
    assert len(out) > 200
    return tuple(out)


def _windows() -> Iterator[str]:
    """What the code feeds the patterns anchored at $: up to 60 characters before a
    word ("... a annoncé ce " before a date, "jusqu'à " before a number)."""
    for s in _sentences():
        for m in re.finditer(r"(?<!\w)\w", s):
            yield s[max(0, m.start() - 60) : m.start()]


def _anchored_at_end(p: Prefiltered) -> bool:
    return "AT_END" in repr(_freeze(p.tree))


@pytest.mark.parametrize("name", list(PREFILTERED))
def test_corpus_matches_are_unchanged(name):
    p = _split(name)
    texts = list(_sentences())
    if _anchored_at_end(p):
        texts += list(_windows())
    diff = [t for t in texts if _results(p.pattern, t) != _results(p.stripped, t)]
    assert not diff, f"{name}: the lookahead {_lookahead_text(p)} changes matches in {diff[:5]}"
