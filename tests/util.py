"""Helpers for tests that run the real CLI against real files and servers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> Run:
    """`python -m monitor ARGS` in a subprocess, as a user would run it."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    full_env.pop("JOURNAL_STREAM", None)
    full_env.pop("INVOCATION_ID", None)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", *map(str, args)],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def write_config(folder: Path, **settings: object) -> Path:
    """A config file in folder from keyword settings (database and archive default into folder)."""
    data = {"database": "monitor.db", "archive": "articles/", "rules": ["rules/"], **settings}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules").mkdir(exist_ok=True)
    path = folder / "monitor.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_rules(folder: Path, text: str, name: str = "rules.yaml") -> Path:
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    path = folder / "rules" / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
