"""What every rule type shares: the Rule model, what rules see and what they return."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field

from monitor.article import Article
from monitor.config import OptionalDuration
from monitor.textmatch import fold

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
    #: more state to keep, (key, data) pairs: the last known figure, an open undated contact
    learn: tuple[tuple[str, Any], ...] = ()

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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written (apprise turns Markdown into HTML for email)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def alert_body(ctx: Context, evidence: str | None) -> str:
    """The body every alert shares, in Markdown: the evidence sentence, where and when it
    was published, and the link. apprise sends it as HTML plus plain text by email and
    as Markdown to chat services that take it."""
    a = ctx.article
    parts = []
    if evidence:
        parts.append(f"> «{md_escape(evidence)}»")
    parts.append(
        " · ".join(md_escape(x) for x in (a.source, f"{a.published:%Y-%m-%d}", a.title) if x)
    )
    if a.url:
        parts.append(a.url)
    return "\n\n".join(parts)
