"""Configuration: the documented example, overrides, paths, secrets and errors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from util import ROOT, run_cli

from monitor.config import builtin_defaults_text, load_settings, mask_url, parse_duration
from monitor.errors import ConfigError


def test_example_is_the_builtin_default():
    assert (ROOT / "config" / "monitor.yaml").read_text(encoding="utf-8") == builtin_defaults_text()


def test_builtin_defaults_resolve_into_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MONITOR_CONFIG", raising=False)
    monkeypatch.delenv("STATE_DIRECTORY", raising=False)
    s = load_settings()
    assert s.origin == "built-in defaults"
    assert s.database == tmp_path / "monitor.db"
    assert s.rules == [tmp_path / "rules"]
    assert {src.kind for src in s.sources} == {"feed", "files"}
    assert any(src.language == "fr" for src in s.sources) and any(
        src.language == "en" for src in s.sources
    )
    monkeypatch.setenv("STATE_DIRECTORY", str(tmp_path / "state"))
    assert load_settings().database == tmp_path / "state" / "monitor.db"


def test_paths_are_relative_to_the_config_file(tmp_path):
    cfg = tmp_path / "etc" / "monitor.yaml"
    cfg.parent.mkdir()
    cfg.write_text(
        "database: db/x.db\nrules: [r/]\nsources:\n  - {name: in, kind: files, path: inbox}\n"
    )
    s = load_settings(cfg)
    assert s.database == tmp_path / "etc" / "db" / "x.db"
    assert s.rules == [tmp_path / "etc" / "r"]
    assert s.sources[0].path == tmp_path / "etc" / "inbox"


def test_environment_overrides_the_file(tmp_path, monkeypatch):
    cfg = tmp_path / "m.yaml"
    cfg.write_text("baseline: true\nmax_age: 7d\nhttp: {timeout: 20s}\n")
    monkeypatch.setenv("MONITOR_BASELINE", "false")
    monkeypatch.setenv("MONITOR_MAX_AGE", "2h")
    monkeypatch.setenv("MONITOR_HTTP__TIMEOUT", "5")
    s = load_settings(cfg)
    assert s.baseline is False
    assert s.max_age == timedelta(hours=2)
    assert s.http.timeout == timedelta(seconds=5)
    monkeypatch.setenv("MONITOR_CONFIG", str(cfg))
    assert load_settings().origin == str(cfg)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30s", 30),
        ("10m", 600),
        ("1h", 3600),
        ("7d", 604800),
        ("2w", 1209600),
        (45, 45),
        ("1.5h", 5400),
    ],
)
def test_durations(text, seconds):
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("bad", ["ten minutes", "-5m", "5y", True])
def test_bad_durations(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


def test_every_problem_is_reported_with_its_line(tmp_path):
    cfg = tmp_path / "m.yaml"
    cfg.write_text(
        "database: x.db\n"  # 1
        "sources:\n"  # 2
        "  - {name: a, kind: feed, url: 'ftp://x'}\n"  # 3
        "  - {name: b, kind: rss, url: 'http://x'}\n"  # 4
        "  - name: c\n"  # 5
        "    kind: files\n"  # 6
        "    path: in/\n"  # 7
        "    interval: often\n"  # 8
        "max_age: soon\n"  # 9
        "colour: blue\n"  # 10
    )
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    problems = err.value.problems
    assert any(p.startswith(f"{cfg}:3: ") and "url" in p for p in problems), problems
    assert any(p.startswith(f"{cfg}:4: ") and "kind" in p for p in problems), problems
    assert any(p.startswith(f"{cfg}:8: ") and "duration" in p for p in problems), problems
    assert any(p.startswith(f"{cfg}:9: ") for p in problems), problems
    assert any(p.startswith(f"{cfg}:10: ") and "unknown field" in p for p in problems), problems


def test_yaml_syntax_error_names_the_line(tmp_path):
    cfg = tmp_path / "m.yaml"
    cfg.write_text("database: x.db\nsources: [\n  {name: a\n")
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert str(err.value).startswith(f"{cfg}:")


def test_yaml_python_tags_and_alias_bombs_are_refused(tmp_path):
    cfg = tmp_path / "m.yaml"
    cfg.write_text("database: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ConfigError):
        load_settings(cfg)
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 15):
        bomb.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 9) + "]")
    cfg.write_text("\n".join(bomb) + "\n")
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert "aliases" in str(err.value)


def test_notify_url_from_a_file_or_a_systemd_credential(tmp_path, monkeypatch):
    (tmp_path / "url.txt").write_text("mailto://u:secret@127.0.0.1:2525?to=d@example.org\n")
    creds = tmp_path / "creds"
    creds.mkdir()
    (creds / "chat").write_text("json://127.0.0.1:9/hook\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(creds))
    cfg = tmp_path / "m.yaml"
    cfg.write_text("notify:\n  - {url_file: url.txt, tags: [email]}\n  - {credential: chat}\n")
    s = load_settings(cfg)
    assert s.notify[0].resolve_url() == "mailto://u:secret@127.0.0.1:2525?to=d@example.org"
    assert s.notify[1].resolve_url() == "json://127.0.0.1:9/hook"
    assert "secret" not in s.notify[0].label


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("mailto://user:secret@smtp.example.org?to=a@b.c", "mailto://***@smtp.example.org/***"),
        ("tgram://123456789:ABCdefGHI/987", "tgram://***"),
        ("pover://USERKEY@APITOKEN/x", "pover://***"),
        ("ntfy://s3cr3t-topic", "ntfy://***"),
        ("slack://T1JJ3T3L2/B1/xyz", "slack://***"),
        ("json://localhost:9/hook?token=x", "json://localhost/***"),
        ("matrix://user:pw@matrix.example.org/#room", "matrix://***@matrix.example.org/***"),
        ("not a url", "***"),
    ],
)
def test_mask_url_shows_no_user_password_token_or_path(url, masked):
    assert mask_url(url) == masked


def test_environment_errors_name_the_variable(tmp_path, monkeypatch):
    cfg = tmp_path / "m.yaml"
    cfg.write_text("baseline: true\n")
    monkeypatch.setenv("MONITOR_BASELINE", "maybe")
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert str(err.value).startswith("environment MONITOR_BASELINE: ")
    monkeypatch.delenv("MONITOR_BASELINE")
    monkeypatch.setenv("MONITOR_SOURCES", "[not json")
    with pytest.raises(ConfigError, match=r"^environment: "):
        load_settings(cfg)


@pytest.mark.parametrize("url", ["http://a..b/feed", "https:///nohost", "http://exa mple.org/"])
def test_invalid_feed_urls_are_config_errors(tmp_path, url):
    cfg = tmp_path / "m.yaml"
    cfg.write_text(f"sources:\n  - {{name: x, kind: feed, url: '{url}'}}\n")
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert str(err.value).startswith(f"{cfg}:2: ")


def test_cli_reports_a_missing_config_in_one_line(tmp_path):
    r = run_cli("check", "--config", tmp_path / "nope.yaml")
    assert r.code == 1
    assert r.err.strip() == f"{tmp_path / 'nope.yaml'}:1: no such config file"
    assert "Traceback" not in r.err
