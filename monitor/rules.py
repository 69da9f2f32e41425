"""Rules: YAML files of rules, validated on load, evaluated on every new article.

A rule file is a YAML list of rules. Every rule has an ``id`` and a ``type``; the
type names its class in ``RULE_TYPES`` (add a type: write a Rule subclass with an
``evaluate`` method, add it there). Loading reports every problem in every file at
once, each as ``file:line: message``.

The smallest rule::

    - id: putin-mentions
      type: match
      match: {any: [Poutine, Putin]}
      notify: [email]

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
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from monitor.article import Article
from monitor.config import OptionalDuration
from monitor.errors import ConfigError, RuleError
from monitor.textmatch import fold, keyword_pattern
from monitor.yamlfile import YamlDoc, pydantic_problems, read_yaml

TEXT_FIELDS = ("title", "text")
ALL_FIELDS = ("title", "text", "source", "language")


# -- what rules produce -------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Match:
    """A rule fired. key: the fact's identity (one alert per rule and key).
    facts/previous: the fact as `extract` prints it, and the last known one."""

    rule: str
    kind: str
    key: str
    title: str
    body: str
    notify: tuple[str, ...]
    facts: Any = None
    previous: Any = None

    @property
    def alert_id(self) -> str:
        return hashlib.sha256(f"{self.rule}|{self.key}".encode()).hexdigest()[:20]


class RuleState(Protocol):
    """What rules may ask of the stored state."""

    def fact(self, rule: str, key: str) -> Any | None: ...


@dataclass(frozen=True, kw_only=True)
class Context:
    """Everything a rule sees for one article."""

    article: Article
    facts: Any = None  # monitor.extract.Facts, when extraction ran
    state: RuleState | None = None
    folded: dict[str, str] = field(default_factory=dict)

    def field(self, name: str) -> str:
        if name == "title":
            return self.article.title
        if name == "text":
            return self.article.text
        if name == "source":
            return self.article.source
        if name == "language":
            return self.article.language or ""
        raise KeyError(name)

    def folded_field(self, name: str) -> str:
        # Folding the text is the costly part of matching: once per article and field.
        if name not in self.folded:
            self.folded[name] = fold(self.field(name))
        return self.folded[name]


# -- match expressions --------------------------------------------------------


class Expr:
    """A compiled match expression node."""

    def test(self, ctx: Context) -> bool:
        raise NotImplementedError

    def hits(self, ctx: Context) -> list[tuple[str, re.Match[str]]]:
        """Where positive leaves matched: (field, match) pairs, for the alert's evidence."""
        return []


@dataclass(frozen=True)
class Keyword(Expr):
    word: str
    fields: tuple[str, ...]
    pattern: re.Pattern[str]

    def test(self, ctx: Context) -> bool:
        return any(self.pattern.search(ctx.folded_field(f)) for f in self.fields)

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
        return any(self.pattern.search(ctx.field(f)) for f in self.fields)


@dataclass(frozen=True)
class Glob(Expr):
    """Exact or glob comparison on a short field (source, language)."""

    field_name: str
    value: str

    def test(self, ctx: Context) -> bool:
        return fnmatch.fnmatchcase(ctx.field(self.field_name).lower(), self.value.lower())


@dataclass(frozen=True)
class AnyOf(Expr):
    children: tuple[Expr, ...]

    def test(self, ctx: Context) -> bool:
        return any(c.test(ctx) for c in self.children)

    def hits(self, ctx: Context) -> list[tuple[str, re.Match[str]]]:
        return [h for c in self.children if c.test(ctx) for h in c.hits(ctx)]


@dataclass(frozen=True)
class AllOf(Expr):
    children: tuple[Expr, ...]

    def test(self, ctx: Context) -> bool:
        return all(c.test(ctx) for c in self.children)

    def hits(self, ctx: Context) -> list[tuple[str, re.Match[str]]]:
        return [h for c in self.children for h in c.hits(ctx)]


@dataclass(frozen=True)
class NoneOf(Expr):
    children: tuple[Expr, ...]

    def test(self, ctx: Context) -> bool:
        return not any(c.test(ctx) for c in self.children)


def compile_expr(spec: Any, fields: tuple[str, ...] = TEXT_FIELDS) -> Expr:
    """Compile a match expression (see the module docstring); ValueError says what is wrong."""
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
        return AnyOf(tuple(compile_expr(s, fields) for s in spec))
    if isinstance(spec, dict):
        if not spec:
            raise ValueError("an empty mapping matches nothing")
        parts = [_compile_key(str(k), v, fields) for k, v in spec.items()]
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))
    raise ValueError(f"expected a keyword, a list or a mapping, got {type(spec).__name__}")


def _compile_key(key: str, value: Any, fields: tuple[str, ...]) -> Expr:
    if key == "any":
        return AnyOf(tuple(compile_expr(v, fields) for v in _as_list(value, key)))
    if key == "all":
        return AllOf(tuple(compile_expr(v, fields) for v in _as_list(value, key)))
    if key == "not":
        return NoneOf(tuple(compile_expr(v, fields) for v in _as_list(value, key)))
    if key == "regex":
        try:
            return Regex(str(value), fields, re.compile(str(value), re.IGNORECASE))
        except re.error as exc:
            raise ValueError(f"regex {value!r}: {exc}") from None
    if key in ALL_FIELDS:
        return compile_expr(value, (key,))
    raise ValueError(f"unknown key {key!r} (expected any, all, not, regex, {', '.join(ALL_FIELDS)})")


def _as_list(value: Any, key: str) -> list[Any]:
    if isinstance(value, list):
        if not value:
            raise ValueError(f"{key}: an empty list")
        return value
    return [value]


# -- rule types -----------------------------------------------------------------


class Rule(BaseModel):
    """Fields every rule has. Subclasses add their own and implement evaluate()."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    type_name: ClassVar[str] = ""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=100)
    type: str
    description: str | None = None
    enabled: bool = True
    #: apprise tags to route to; empty = every target.
    notify: list[str] = Field(default_factory=list)
    #: at most one alert of this rule per this much time; the rest are stored, marked throttled.
    throttle: OptionalDuration = None
    #: where the rule was defined, for messages ("rules/x.yaml:3")
    origin: str = Field(default="", exclude=True)

    def evaluate(self, ctx: Context) -> list[Match]:
        raise NotImplementedError

    @property
    def throttle_window(self) -> timedelta | None:
        return self.throttle


class MatchRule(Rule):
    """type: match. Fires once per article whose fields match the expression."""

    type_name: ClassVar[str] = "match"
    match: Any
    _expr: Expr = PrivateAttr()

    @field_validator("match")
    @classmethod
    def _valid(cls, value: Any) -> Any:
        compile_expr(value)
        return value

    def model_post_init(self, context: Any) -> None:
        self._expr = compile_expr(self.match)

    def evaluate(self, ctx: Context) -> list[Match]:
        if not self._expr.test(ctx):
            return []
        article = ctx.article
        evidence = _evidence(ctx, self._expr.hits(ctx))
        body = "\n".join(x for x in (
            f"«{evidence}»" if evidence else None,
            f"{article.source} · {article.published:%Y-%m-%d}",
            article.url,
        ) if x)
        return [Match(
            rule=self.id, kind="match", key=f"match|{article.uid[:16]}",
            title=f"[{self.id}] {article.title}", body=body, notify=tuple(self.notify),
        )]


RULE_TYPES: dict[str, type[Rule]] = {
    "match": MatchRule,
}


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
            return " ".join(original[start:m.end() + 120].split())
        return sentence_around(original, m.start(), m.end())
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«\"A-ZÀ-Ý0-9])|\n\n")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence of text holding [start, end), cut to limit characters."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m2 = _SENTENCE_END.search(text, end)
    right = m2.start() if m2 else len(text)
    sentence = " ".join(text[left:right].split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


# -- loading ------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSet:
    """The loaded rules, in file order."""

    rules: tuple[Rule, ...]
    files: tuple[Path, ...] = ()

    def enabled(self) -> Iterable[Rule]:
        return (r for r in self.rules if r.enabled)


def rule_files(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders of rules (*.yaml, *.yml), sorted; problems for missing paths."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}:1: no such rule file or folder")
    return files, problems


def load_rules(paths: Sequence[Path]) -> RuleSet:
    """Load every rule file; RuleError lists every problem in every file."""
    files, problems = rule_files(paths)
    rules: list[Rule] = []
    origins: dict[str, str] = {}
    for path in files:
        try:
            doc = read_yaml(path)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        for rule, where in _rules_in(doc, problems):
            if rule.id in origins:
                problems.append(f"{where}: rule id {rule.id!r} is already used at {origins[rule.id]}")
                continue
            origins[rule.id] = where
            rules.append(rule)
    if problems:
        raise RuleError(problems)
    return RuleSet(rules=tuple(rules), files=tuple(files))


def _rules_in(doc: YamlDoc, problems: list[str]) -> Iterable[tuple[Rule, str]]:
    if doc.data is None:
        return
    if not isinstance(doc.data, list):
        problems.append(f"{doc.name}:1: a rule file is a list of rules (- id: ...)")
        return
    for i, raw in enumerate(doc.data):
        where = doc.where((i,))
        if not isinstance(raw, dict):
            problems.append(f"{where}: a rule is a mapping with at least id and type")
            continue
        kind = raw.get("type")
        cls = RULE_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            known = ", ".join(sorted(RULE_TYPES))
            line = doc.where((i, "type")) if "type" in raw else where
            problems.append(f"{line}: unknown rule type {kind!r} (known: {known})"
                            if kind is not None else f"{line}: rule has no type (known: {known})")
            continue
        try:
            rule = cls.model_validate({**raw, "origin": where})
        except ValidationError as exc:
            problems.extend(pydantic_problems(doc, exc, prefix=(i,)))
            continue
        yield rule, where
