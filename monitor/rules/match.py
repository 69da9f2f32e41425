"""type: match: keywords, regular expressions and boolean structure over article fields.

Match expressions (the ``match`` field):

    Poutine                        a keyword (title and text; case, accents ignored)
    "désescal*"                    a keyword prefix
    {any: [a, b]}  {all: [a, b]}   boolean combinations, nested freely
    {not: a}  {not: [a, b]}        none of
    {regex: "\\\\d+ soldats"}        a regular expression (case-insensitive)
    {title: EXPR}  {text: EXPR}    EXPR on that field only
    {source: "lemonde-*"}          the source name (glob)
    {language: fr}                 the article's language

A mapping with several keys needs all of them: ``{any: [a, b], not: c}``.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import PrivateAttr, field_validator

from monitor.rules.base import Context, Match, Rule, alert_body, article_fields, sentence_around
from monitor.textmatch import keyword_key, keyword_pattern

TEXT_FIELDS = ("title", "text")
ALL_FIELDS = ("title", "text", "source", "language")


class Expr:
    """A compiled match expression node."""

    #: True when the node can only be true if one of its keywords is present (keywords,
    #: any/all of such nodes): a rule so built is skipped on articles that hold none.
    positive: bool = False

    def keywords(self) -> list[str]:
        """Every keyword below this node (for the rule set's KeywordIndex)."""
        children = getattr(self, "children", ())
        return [w for c in children for w in c.keywords()]

    def test(self, ctx: Context) -> bool:
        raise NotImplementedError

    def hits(self, ctx: Context) -> list[tuple[str, re.Match[str]]]:
        """Where positive leaves matched: (field, match) pairs, for the alert's evidence."""
        return []

    def to_python(self, names: dict[str, Any]) -> str:
        """This node as a Python expression over T and X (the keys of the rule set's
        keywords present in the title and the text) and ctx; objects it needs go in names."""
        name = f"_n{len(names)}"
        names[name] = self.test
        return f"{name}(ctx)"


def compile_predicate(expr: Expr) -> Callable[[set[str], set[str], Context], bool]:
    """The expression as one Python function of (T, X, ctx): keyword leaves become set
    lookups in what the rule set's automaton found, boolean nodes Python's own and/or/not,
    so a rule is decided without walking its tree."""
    names: dict[str, Any] = {}
    code = expr.to_python(names)
    try:
        return eval(f"lambda T, X, ctx: {code}", names)  # our own code: keys are repr()s
    except (SyntaxError, RecursionError, MemoryError):  # nested past the parser's limits
        return lambda T, X, ctx: expr.test(ctx)


_FIELD_SETS = {"title": "T", "text": "X"}


@dataclass(frozen=True)
class Keyword(Expr):
    word: str
    fields: tuple[str, ...]
    pattern: re.Pattern[str]
    key: str = ""  # keyword_key(word), computed once
    positive: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", keyword_key(self.word))

    def keywords(self) -> list[str]:
        return [self.word]

    def test(self, ctx: Context) -> bool:
        if ctx.index is not None:
            # The rule set's automaton already scanned the field: a set lookup.
            return any(self.key in ctx.keyword_hits(f) for f in self.fields)
        return any(self.pattern.search(ctx.folded_field(f)) for f in self.fields)

    def to_python(self, names: dict[str, Any]) -> str:
        tests = [f"{self.key!r} in {_FIELD_SETS[f]}" for f in self.fields]
        return tests[0] if len(tests) == 1 else "(" + " or ".join(tests) + ")"

    def hits(self, ctx: Context) -> list[tuple[str, re.Match[str]]]:
        out = []
        for f in self.fields:
            m = self.pattern.search(ctx.folded_field(f))
            if m:
                out.append((f, m))
        return out


@dataclass(frozen=True)
class Regex(Expr):
    source: str
    fields: tuple[str, ...]
    pattern: re.Pattern[str]

    def test(self, ctx: Context) -> bool:
        return any(
            self.pattern.search(value)
            for f in self.fields
            for value in (ctx.article.sources if f == "source" else (ctx.field(f),))
        )


@dataclass(frozen=True)
class Glob(Expr):
    """Exact or glob comparison on a short field (source, language)."""

    field_name: str
    value: str

    def test(self, ctx: Context) -> bool:
        pattern = self.value.lower()
        if self.field_name == "source":
            # A story listed by several feeds of its publisher is stored once: a rule on
            # any of those feeds sees it.
            return any(fnmatch.fnmatchcase(s.lower(), pattern) for s in ctx.article.sources)
        return fnmatch.fnmatchcase(ctx.field(self.field_name).lower(), pattern)


@dataclass(frozen=True)
class AnyOf(Expr):
    children: tuple[Expr, ...]

    @property
    def positive(self) -> bool:  # type: ignore[override]
        return all(c.positive for c in self.children)

    def test(self, ctx: Context) -> bool:
        return any(c.test(ctx) for c in self.children)

    def to_python(self, names: dict[str, Any]) -> str:
        return "(" + " or ".join(c.to_python(names) for c in self.children) + ")"

    def hits(self, ctx: Context) -> list[tuple[str, re.Match[str]]]:
        return [h for c in self.children if c.test(ctx) for h in c.hits(ctx)]


@dataclass(frozen=True)
class AllOf(Expr):
    children: tuple[Expr, ...]

    @property
    def positive(self) -> bool:  # type: ignore[override]
        return any(c.positive for c in self.children)  # all must hold: one needing a keyword

    def test(self, ctx: Context) -> bool:
        return all(c.test(ctx) for c in self.children)

    def to_python(self, names: dict[str, Any]) -> str:
        return "(" + " and ".join(c.to_python(names) for c in self.children) + ")"

    def hits(self, ctx: Context) -> list[tuple[str, re.Match[str]]]:
        return [h for c in self.children for h in c.hits(ctx)]


@dataclass(frozen=True)
class NoneOf(Expr):
    children: tuple[Expr, ...]

    def test(self, ctx: Context) -> bool:
        return not any(c.test(ctx) for c in self.children)

    def to_python(self, names: dict[str, Any]) -> str:
        return "(not (" + " or ".join(c.to_python(names) for c in self.children) + "))"


#: Deeper expressions are refused at load time (Python's own parser stops near 200).
MAX_DEPTH = 100


def compile_expr(spec: Any, fields: tuple[str, ...] = TEXT_FIELDS, depth: int = 0) -> Expr:
    """Compile a match expression (see the module docstring); ValueError says what is wrong."""
    if depth > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(spec, bool) or spec is None:
        raise ValueError(f"expected a keyword, a list or a mapping, got {spec!r}")
    if isinstance(spec, str | int | float):
        word = str(spec)
        if fields in (("source",), ("language",)):
            return Glob(fields[0], word)
        try:
            return Keyword(word, fields, keyword_pattern(word))
        except ValueError as exc:
            raise ValueError(f"keyword {word!r}: {exc}") from None
    if isinstance(spec, list):
        if not spec:
            raise ValueError("an empty list matches nothing")
        return AnyOf(tuple(compile_expr(s, fields, depth + 1) for s in spec))
    if isinstance(spec, dict):
        if not spec:
            raise ValueError("an empty mapping matches nothing")
        parts = [_compile_key(str(k), v, fields, depth + 1) for k, v in spec.items()]
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))
    raise ValueError(f"expected a keyword, a list or a mapping, got {type(spec).__name__}")


def _compile_key(key: str, value: Any, fields: tuple[str, ...], depth: int) -> Expr:
    if key == "any":
        return AnyOf(tuple(compile_expr(v, fields, depth) for v in _as_list(value, key)))
    if key == "all":
        return AllOf(tuple(compile_expr(v, fields, depth) for v in _as_list(value, key)))
    if key == "not":
        return NoneOf(tuple(compile_expr(v, fields, depth) for v in _as_list(value, key)))
    if key == "regex":
        try:
            return Regex(str(value), fields, re.compile(str(value), re.IGNORECASE))
        except re.error as exc:
            raise ValueError(f"regex {value!r}: {exc}") from None
    if key in ALL_FIELDS:
        return compile_expr(value, (key,), depth)
    raise ValueError(
        f"unknown key {key!r} (expected any, all, not, regex, {', '.join(ALL_FIELDS)})"
    )


def _as_list(value: Any, key: str) -> list[Any]:
    if isinstance(value, list):
        if not value:
            raise ValueError(f"{key}: an empty list")
        return value
    return [value]


def _looks_at_source(expr: Expr) -> bool:
    if isinstance(expr, Glob):
        return expr.field_name == "source"
    if isinstance(expr, Regex):
        return "source" in expr.fields
    return any(_looks_at_source(c) for c in getattr(expr, "children", ()))


class ExpressionRule(Rule):
    """A rule with a `match` expression, compiled once when the rule is loaded."""

    match: Any
    _expr: Expr = PrivateAttr()
    _keys: frozenset[str] = PrivateAttr()
    _predicate: Callable[[set[str], set[str], Context], bool] = PrivateAttr()

    @field_validator("match")
    @classmethod
    def _valid(cls, value: Any) -> Any:
        compile_expr(value)
        return value

    def model_post_init(self, context: Any) -> None:
        self._expr = compile_expr(self.match)
        self._keys = frozenset(keyword_key(w) for w in self._expr.keywords())
        self._predicate = compile_predicate(self._expr)

    def keywords(self) -> list[str]:
        return self._expr.keywords()

    @property
    def looks_at_source(self) -> bool:
        """Whether the expression compares the article's source (a `source:` key)."""
        return _looks_at_source(self._expr)

    @property
    def needs_keyword(self) -> bool:
        """True when the rule can only match an article holding one of its keywords
        (the rule set then skips it on articles holding none)."""
        return self._expr.positive

    @property
    def keys(self) -> frozenset[str]:
        return self._keys

    @property
    def predicate(self) -> Callable[[set[str], set[str], Context], bool]:
        """The expression over (title keys found, text keys found, ctx): see matches()."""
        return self._predicate

    def matches(self, ctx: Context) -> bool:
        """Whether the expression holds for the article: with the rule set's automaton,
        set lookups in what it found; without, one regex search per keyword."""
        if ctx.index is not None:
            return self._predicate(ctx.keyword_hits("title"), ctx.keyword_hits("text"), ctx)
        return self._expr.test(ctx)


class MatchRule(ExpressionRule):
    """type: match. Fires once per article whose fields match the expression."""

    def evaluate(self, ctx: Context) -> list[Match]:
        if not self.matches(ctx):
            return []
        article = ctx.article
        evidence = _evidence(ctx, self._expr.hits(ctx))
        body = alert_body(ctx, evidence)
        return [
            Match(
                rule=self.id,
                kind="match",
                key=f"match|{article.uid[:16]}",
                title=f"[{self.id}] {article.title}",
                body=body,
                notify=tuple(self.notify),
                fields=article_fields(ctx, evidence),
            )
        ]


def _evidence(ctx: Context, hits: list[tuple[str, re.Match[str]]]) -> str | None:
    """The sentence around the first hit in the text (folding keeps offsets close enough
    only for accents; so find the sentence in the folded text, then cut the original)."""
    for name, m in hits:
        if name != "text":
            continue
        folded = ctx.folded_field("text")
        original = ctx.article.text
        if len(folded) != len(original):
            # Ligatures changed the length: show the folded sentence's neighbourhood instead.
            start = max(0, m.start() - 120)
            return " ".join(original[start : m.end() + 120].split())
        return sentence_around(original, m.start(), m.end())
    return None
