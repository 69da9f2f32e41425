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

Match expressions: see monitor.rules.match; fact rules: monitor.rules.facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from monitor.errors import ConfigError, RuleError
from monitor.rules.base import Context, Match, Rule, RuleState, sentence_around
from monitor.rules.facts import ContactRule, TroopsRule
from monitor.rules.health import FrequencyRule, SourceRule
from monitor.rules.match import ExpressionRule, MatchRule, compile_expr
from monitor.textmatch import KeywordIndex
from monitor.yamlfile import YamlDoc, pydantic_problems, read_yaml

RULE_TYPES: dict[str, type[Rule]] = {
    "match": MatchRule,
    "troops": TroopsRule,
    "contact": ContactRule,
    "frequency": FrequencyRule,
    "source": SourceRule,
}

__all__ = [
    "RULE_TYPES",
    "ContactRule",
    "Context",
    "FrequencyRule",
    "Match",
    "MatchRule",
    "Rule",
    "RuleSet",
    "RuleState",
    "SourceRule",
    "TroopsRule",
    "compile_expr",
    "load_rules",
    "sentence_around",
]


# -- loading ------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSet:
    """The loaded rules, in file order."""

    rules: tuple[Rule, ...]
    files: tuple[Path, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def candidates(self, ctx: Context) -> Iterable[Rule]:
        """The enabled rules that may fire on this article, in file order.

        With the rule set's automaton (ctx.index), one pass per field finds the
        keywords present; only the rules holding one of them (and those needing no
        keyword) are looked at, and an expression rule whose expression does not hold
        is left out, decided by set lookups: the cost follows the keywords found, not
        the number of rules."""
        if ctx.index is None:
            yield from self.enabled()
            return
        rules, by_key, always, predicates = self._plan
        title, text = ctx.keyword_hits("title"), ctx.keyword_hits("text")
        chosen = set(always)
        for hits in (title, text):
            for key in hits:
                chosen.update(by_key.get(key, ()))
        for i in sorted(chosen):
            predicate = predicates[i]
            try:
                fires = predicate is None or predicate(title, text, ctx)
            except Exception:  # the rule's own evaluate() reports it, per rule
                fires = True
            if fires:
                yield rules[i]

    @cached_property
    def _plan(self) -> tuple[tuple[Rule, ...], dict[str, list[int]], list[int], list[Any]]:
        """The enabled rules; which of them hold each keyword; those to try on every
        article; each expression rule's compiled predicate (None for other rules)."""
        rules = tuple(self.enabled())
        by_key: dict[str, list[int]] = {}
        always: list[int] = []
        predicates: list[Any] = []
        for i, rule in enumerate(rules):
            if not isinstance(rule, ExpressionRule):
                predicates.append(None)
                always.append(i)
                continue
            predicates.append(rule.predicate)
            if rule.needs_keyword:
                for key in rule.keys:
                    by_key.setdefault(key, []).append(i)
            else:
                always.append(i)
        return rules, by_key, always, predicates

    @cached_property
    def scoped_to_source(self) -> frozenset[str]:
        """Ids of the enabled rules whose expression looks at the source: those an
        article must meet again when another source lists it."""
        return frozenset(
            r.id for r in self.enabled() if isinstance(r, ExpressionRule) and r.looks_at_source
        )

    @cached_property
    def index(self) -> KeywordIndex:
        """Every keyword of the enabled rules in one automaton (built once per rule set)."""
        return KeywordIndex(w for r in self.enabled() for w in r.keywords())

    def enabled(self) -> Iterable[Rule]:
        return (r for r in self.rules if r.enabled)


def rule_files(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders of rules (*.yaml, *.yml), sorted; problems for missing paths."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            )
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
                problems.append(
                    f"{where}: rule id {rule.id!r} is already used at {origins[rule.id]}"
                )
                continue
            origins[rule.id] = where
            rules.append(rule)
    if problems:
        raise RuleError(problems)
    ruleset = RuleSet(rules=tuple(rules), files=tuple(files))
    _ = ruleset.index  # built now: a rule set that cannot compile fails at load, not mid-cycle
    return ruleset


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
            problems.append(
                f"{line}: unknown rule type {kind!r} (known: {known})"
                if kind is not None
                else f"{line}: rule has no type (known: {known})"
            )
            continue
        try:
            rule = cls.model_validate({**raw, "origin": where})
        except ValidationError as exc:
            problems.extend(pydantic_problems(doc, exc, prefix=(i,)))
            continue
        yield rule, where
