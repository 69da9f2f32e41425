"""What every rule type shares: the Rule model, what rules see and what they return."""

from __future__ import annotations

import hashlib
import logging
import re
import string
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from monitor.article import Article
from monitor.config import OptionalDuration
from monitor.textmatch import KeywordIndex, fold

if TYPE_CHECKING:  # the extractors load only where extraction runs
    from monitor.extract.facts import Facts

log = logging.getLogger("monitor")

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
    #: values for message templates (the rule type's `fields`)
    fields: dict[str, str] = field(default_factory=dict)
    #: False: nothing to alert, only state to keep (a frequency rule counting)
    alert: bool = True

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
    facts: Facts | None = None  # when extraction ran
    state: RuleState | None = None
    #: the rule set's keyword automaton; None: each keyword searches on its own
    index: KeywordIndex | None = None
    folded: dict[str, str] = field(default_factory=dict)
    hits: dict[str, set[str]] = field(default_factory=dict)

    def keyword_hits(self, name: str) -> set[str]:
        """Keys of the rule set's keywords present in a field (one scan per field)."""
        if name not in self.hits:
            assert self.index is not None
            self.hits[name] = self.index.search(self.folded_field(name))
        return self.hits[name]

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


#: Fields every alert message template may use; rule types add their own.
COMMON_FIELDS = ("rule", "title", "body")
#: ... and those of rules that fire on an article.
ARTICLE_FIELDS = ("evidence", "article_title", "source", "url", "published")


class Message(BaseModel):
    """A rule's own title and body for its alerts: Python format strings over the
    alert's fields ("{actor}: {amount} troops {status_text}"). Unset: the defaults."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str | None = None
    body: str | None = None


def template_fields(template: str) -> set[str]:
    """The field names a format string uses; ValueError for a malformed one."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            if not name or not name.isidentifier():
                raise ValueError(f"template {template!r}: use named fields such as {{source}}")
            names.add(name)
    return names


class Rule(BaseModel):
    """Fields every rule has. Subclasses add their own and implement evaluate()."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    #: the fields this type's alerts offer to message templates, beyond COMMON_FIELDS
    fields: ClassVar[tuple[str, ...]] = ARTICLE_FIELDS

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=100)
    type: str
    description: str | None = None
    enabled: bool = True
    #: apprise tags to route to; empty = every target.
    notify: list[str] = Field(default_factory=list)
    #: at most one alert of this rule per this much time; the rest are stored, marked throttled.
    throttle: OptionalDuration = None
    #: the alert's own title and body templates
    message: Message | None = None
    #: where the rule was defined, for messages ("rules/x.yaml:3")
    origin: str = Field(default="", exclude=True)

    @model_validator(mode="after")
    def _known_fields(self) -> Rule:
        if self.message is None:
            return self
        known = set(COMMON_FIELDS) | set(self.fields)
        for part in (self.message.title, self.message.body):
            unknown = template_fields(part or "") - known
            if unknown:
                raise ValueError(
                    f"message: unknown field {{{sorted(unknown)[0]}}} (known: {', '.join(sorted(known))})"
                )
            try:  # every field is text: "{count:,}" or "{published:%d %B}" would fail on each alert
                (part or "").format_map(dict.fromkeys(known, "text"))
            except (ValueError, IndexError, KeyError) as exc:
                raise ValueError(
                    f"message: {part!r}: {exc} (fields are text: use {{name}} only)"
                ) from None
        return self

    def evaluate(self, ctx: Context) -> list[Match]:
        raise NotImplementedError

    def keywords(self) -> list[str]:
        """The keywords this rule looks for (the rule set indexes them all at once)."""
        return []

    def render(self, match: Match) -> tuple[str, str]:
        """The alert's title and body: the rule's templates if it has them."""
        if self.message is None:
            return match.title, match.body
        values = {**match.fields, "rule": self.id, "title": match.title, "body": match.body}
        try:
            title = self.message.title.format_map(values) if self.message.title else match.title
            body = self.message.body.format_map(values) if self.message.body else match.body
        except (KeyError, ValueError, IndexError) as exc:
            # Checked at load; should a field still be missing, the alert keeps its default text.
            log.error(
                "rule %s (%s): message template failed (%s): default text used",
                self.id,
                self.origin,
                exc,
            )
            return match.title, match.body
        return title, body

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


def article_fields(ctx: Context, evidence: str | None) -> dict[str, str]:
    """The COMMON_FIELDS an article gives a template."""
    a = ctx.article
    return {
        "evidence": evidence or "",
        "article_title": a.title,
        "source": a.source,
        "url": a.url or "",
        "published": f"{a.published:%Y-%m-%d}",
    }
