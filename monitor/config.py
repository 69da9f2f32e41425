"""Configuration: one YAML file, overridden by MONITOR_* environment variables.

    load_settings(path)  ->  Settings   (or ConfigError listing every problem)

Where the file comes from: ``--config PATH``, else ``$MONITOR_CONFIG``, else
``config/monitor.yaml`` in the working directory, else the built-in defaults (a
copy of the documented example shipped inside the package). Relative paths in the
file are relative to ``home``, which defaults to the file's folder and is itself
relative to that folder (the example sets ``home: ..``: the project folder). The
built-in defaults behave as if they were ``config/monitor.yaml`` in the working
directory, or in ``$STATE_DIRECTORY`` under systemd.

Environment variables override the file: ``MONITOR_DATABASE=/var/lib/x.db``,
``MONITOR_BASELINE=false``, nested fields with ``__`` (``MONITOR_HTTP__TIMEOUT=5``).
"""

from __future__ import annotations

import contextvars
import os
import re
from datetime import datetime, timedelta
from datetime import time as dt_time
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.exceptions import SettingsError

from monitor.errors import ConfigError
from monitor.yamlfile import YamlDoc, parse_yaml, pydantic_problems, read_yaml

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")


def parse_duration(value: Any) -> timedelta | None:
    """'90s', '10m', '1h', '7d', '2w' or a number of seconds -> timedelta.

    >>> parse_duration("10m"), parse_duration(30)
    (datetime.timedelta(seconds=600), datetime.timedelta(seconds=30))
    """
    if value is None or isinstance(value, timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError("a duration such as 30s, 10m, 1h or 7d")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        m = _DURATION.match(str(value))
        if not m:
            raise ValueError(f"{value!r} is not a duration such as 30s, 10m, 1h or 7d")
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    return timedelta(seconds=seconds)


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
OptionalDuration = Annotated[timedelta | None, BeforeValidator(parse_duration)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceConfig(_Model):
    """One source to poll. ``kind`` picks the implementation (see monitor.sources)."""

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=100)
    kind: Literal["feed", "files", "page"]
    url: str | None = None
    path: Path | None = None
    interval: Duration = timedelta(minutes=10)
    #: Random delay added to each run, so sources on one host do not fire together.
    jitter: OptionalDuration = None
    #: files: a file modified less than this ago may still be being written; wait
    settle: Duration = timedelta(seconds=2)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    #: the zone of the source's dates that give none (an IANA name: Europe/Paris)
    timezone: str = "UTC"
    #: who speaks in this source's items when they do not say (an office's own
    #: releases: "I spoke today with..."): a leader's name, as the gazetteer has it
    speaker: str | None = Field(default=None, max_length=200)
    enabled: bool = True
    headers: dict[str, str] = Field(default_factory=dict)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (an IANA name such as Europe/Paris or UTC)"
            ) from None
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @model_validator(mode="after")
    def _needs_location(self) -> SourceConfig:
        if self.kind in ("feed", "page"):
            if not self.url or not re.match(r"^https?://\S+$", self.url):
                raise ValueError(f"a {self.kind} source needs url: http(s)://...")
            try:
                host = httpx.URL(self.url).host
                host.encode("idna")
            except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
                raise ValueError(f"url {self.url!r} is not a valid URL ({exc})") from None
            if not host:
                raise ValueError(f"url {self.url!r} has no host")
        elif self.path is None:
            raise ValueError("a files source needs path: a folder")
        if self.interval < timedelta(seconds=1):
            raise ValueError("interval must be at least 1s")
        return self

    @property
    def effective_jitter(self) -> timedelta:
        return (
            self.jitter
            if self.jitter is not None
            else min(self.interval / 10, timedelta(minutes=1))
        )


class QuietHours(_Model):
    """Hours when a target gets nothing: its alerts wait (in the outbox) and go out
    when the quiet ends, as a digest if there are many. start > end spans midnight."""

    start: dt_time
    end: dt_time
    timezone: str = "UTC"

    @field_validator("start", "end", mode="before")
    @classmethod
    def _clock_time(cls, value: Any) -> Any:
        # Unquoted, YAML reads 22:00 as the base-60 integer 1320: take it as minutes.
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return dt_time(value // 60, value % 60)
        if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
            hours, minutes = map(int, value.strip().split(":"))
            return dt_time(hours, minutes)
        raise ValueError(f'{value!r} is not a time of day such as "22:00"')

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use names like Europe/Paris)") from None
        return value

    def active(self, when: datetime) -> bool:
        local = when.astimezone(ZoneInfo(self.timezone)).time()
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


class NotifyConfig(_Model):
    """One apprise target. The URL may hold secrets, so it can come from a file or a
    systemd credential instead of the config: exactly one of url, url_file, credential."""

    name: str | None = None
    url: str | None = None
    url_file: Path | None = None
    credential: str | None = None
    tags: list[str] = Field(default_factory=list)
    quiet: QuietHours | None = None

    @model_validator(mode="after")
    def _one_url(self) -> NotifyConfig:
        given = [x for x in (self.url, self.url_file, self.credential) if x]
        if len(given) != 1:
            raise ValueError("give exactly one of url, url_file, credential")
        return self

    def resolve_url(self) -> str:
        """The apprise URL, read from its file or credential when not inline."""
        if self.url:
            return self.url
        if self.credential:
            cred_dir = os.environ.get("CREDENTIALS_DIRECTORY")
            if not cred_dir:
                raise ConfigError(
                    f"notify credential {self.credential!r}: $CREDENTIALS_DIRECTORY is not set"
                )
            path = Path(cred_dir) / self.credential
        else:
            assert self.url_file is not None
            path = self.url_file
        try:
            url = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read notify URL: {exc.strerror or exc}") from exc
        if not url:
            raise ConfigError(f"{path}: empty notify URL")
        return url

    @property
    def label(self) -> str:
        """A name safe to log: never the URL itself."""
        if self.name:
            return self.name
        if self.credential:
            return f"credential:{self.credential}"
        if self.url_file:
            return f"file:{self.url_file.name}"
        assert self.url is not None
        return mask_url(self.url)


def mask_url(url: str) -> str:
    """A URL fit for logs: the scheme and, when it looks like one, the host; never a
    user, password, token, path or query (apprise URLs carry secrets in all of them).

    >>> mask_url("mailto://user:secret@smtp.example.org:587?to=desk@example.org")
    'mailto://***@smtp.example.org/***'
    >>> mask_url("tgram://123456:ABC-token/987654")
    'tgram://***'
    """
    m = re.match(r"^([a-z][a-z0-9+.-]*)://([^/?#]*)", url, re.I)
    if not m:
        return "***"
    scheme, netloc = m.group(1).lower(), m.group(2)
    user, _, hostport = netloc.rpartition("@")
    host = hostport.rsplit(":", 1)[0] if hostport.count(":") == 1 else hostport
    hostlike = bool(
        re.fullmatch(
            r"(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]|([a-z0-9-]+\.)+[a-z]{2,})", host, re.I
        )
    )
    if not hostlike:
        return f"{scheme}://***"
    return f"{scheme}://{'***@' if user else ''}{host}/***"


class HttpConfig(_Model):
    timeout: Duration = timedelta(seconds=20)
    max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    concurrency: int = Field(default=20, ge=1, le=1000)
    #: requests in flight to one host at once (many feeds of one outlet share a server)
    per_host: int = Field(default=4, ge=1, le=100)
    user_agent: str | None = None


class DeliveryConfig(_Model):
    #: Attempts before an alert is marked failed for a target (still listed, never dropped).
    max_attempts: int = Field(default=10, ge=1)
    backoff: Duration = timedelta(seconds=30)
    max_backoff: Duration = timedelta(hours=1)
    #: more alerts than this due at once for one target go out as one digest message
    #: (a burst after downtime reads as one message, not a queue of fifty)
    digest_over: int = Field(default=5, ge=1)


_CONFIG_FILE: contextvars.ContextVar[YamlDoc | None] = contextvars.ContextVar(
    "config_file", default=None
)


class _YamlDocSource(PydanticBaseSettingsSource):
    """Feeds the already-parsed YAML document to pydantic-settings."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        raise NotImplementedError  # __call__ below does the work

    def __call__(self) -> dict[str, Any]:
        doc = _CONFIG_FILE.get()
        return dict(doc.data) if doc is not None and isinstance(doc.data, dict) else {}


class Settings(BaseSettings):
    """The whole configuration. Field names are the YAML keys."""

    model_config = SettingsConfigDict(
        env_prefix="MONITOR_", env_nested_delimiter="__", extra="forbid", frozen=True
    )

    #: Base folder for the relative paths below; relative to the config file's folder.
    home: Path = Path(".")
    database: Path = Path("monitor.db")
    archive: Path | None = Path("articles")
    rules: list[Path] = Field(default_factory=lambda: [Path("rules")])
    baseline: bool = True
    max_age: OptionalDuration = timedelta(days=7)
    #: articles read longer ago than this are deleted (their facts and alerts stay); null = keep all
    retention: OptionalDuration = None
    sources: list[SourceConfig] = Field(default_factory=list)
    notify: list[NotifyConfig] = Field(default_factory=list)
    http: HttpConfig = Field(default_factory=HttpConfig)
    delivery: DeliveryConfig = Field(default_factory=DeliveryConfig)
    #: Where the configuration came from ("built-in defaults" or a path); set by load_settings.
    origin: str = "built-in defaults"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment beats the file; init kwargs (load_settings' own) beat both.
        return (init_settings, env_settings, _YamlDocSource(settings_cls))

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: list[SourceConfig]) -> list[SourceConfig]:
        seen: set[str] = set()
        for s in sources:
            if s.name in seen:
                raise ValueError(f"two sources are named {s.name!r}")
            seen.add(s.name)
        return sources


def builtin_defaults_text() -> str:
    return resources.files("monitor").joinpath("defaults/monitor.yaml").read_text(encoding="utf-8")


def find_config(path: str | Path | None) -> Path | None:
    """The config file to use, or None for the built-in defaults."""
    if path:
        return Path(path)
    env = os.environ.get("MONITOR_CONFIG")
    if env:
        return Path(env)
    local = Path("config/monitor.yaml")
    return local if local.is_file() else None


def load_settings(path: str | Path | None = None) -> Settings:
    """Load, validate and resolve the configuration; ConfigError lists every problem."""
    config_path = find_config(path)
    if config_path is None:
        doc = parse_yaml(builtin_defaults_text(), "<built-in defaults>")
        state = os.environ.get("STATE_DIRECTORY", "").split(":")[0]
        base = (Path(state) if state else Path.cwd()).resolve() / "config"
        origin = "built-in defaults"
    else:
        if not config_path.is_file():
            raise ConfigError(f"{config_path}:1: no such config file")
        doc = read_yaml(config_path)
        base = config_path.resolve().parent
        origin = str(config_path)
    if doc.data is not None and not isinstance(doc.data, dict):
        raise ConfigError(f"{doc.name}:1: the config must be a mapping of settings")
    token = _CONFIG_FILE.set(doc)
    try:
        settings = Settings(origin=origin)
    except ValidationError as exc:
        raise ConfigError(_blame(pydantic_problems(doc, exc), exc)) from None
    except SettingsError as exc:
        raise ConfigError(f"environment: {exc}") from None
    finally:
        _CONFIG_FILE.reset(token)
    return _resolve_paths(settings, base)


def _blame(problems: list[str], exc: ValidationError) -> list[str]:
    """Say 'environment MONITOR_X' rather than 'file:line' for values the environment set."""
    out = []
    for problem, err in zip(problems, exc.errors(), strict=True):
        top = str(err["loc"][0]) if err["loc"] else ""
        var = f"MONITOR_{top.upper()}"
        if top and any(k == var or k.startswith(var + "__") for k in os.environ):
            problem = f"environment {var}: " + problem.split(": ", 1)[1]
        out.append(problem)
    return out


def _resolve_paths(settings: Settings, config_dir: Path) -> Settings:
    home = settings.home.expanduser()
    base = Path(os.path.normpath(home if home.is_absolute() else config_dir / home))

    def rel(p: Path) -> Path:
        p = p.expanduser()
        return p if p.is_absolute() else Path(os.path.normpath(base / p))

    sources = [
        s.model_copy(update={"path": rel(s.path)}) if s.path is not None else s
        for s in settings.sources
    ]
    notify = [
        n.model_copy(update={"url_file": rel(n.url_file)}) if n.url_file is not None else n
        for n in settings.notify
    ]
    return settings.model_copy(
        update={
            "home": base,
            "database": rel(settings.database),
            "archive": rel(settings.archive) if settings.archive else None,
            "rules": [rel(p) for p in settings.rules],
            "sources": sources,
            "notify": notify,
        }
    )
