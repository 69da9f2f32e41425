#!/usr/bin/env python3
"""Run every benchmark in this folder (bench_*.py), one after the other.

Each benchmark prints its figures with the baseline measured in the same run and
a JSON line of results (a line that is a JSON object); this runner collects those into
benchmarks/results.jsonl with the machine and the time, so runs can be compared.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    stamp = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    failed = 0
    with open(HERE / "results.jsonl", "a", encoding="utf-8") as out:
        for script in scripts:
            print(f"== {script.name}", flush=True)
            proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
            sys.stdout.write(proc.stdout)
            sys.stderr.write(proc.stderr)
            if proc.returncode:
                failed += 1
            for line in proc.stdout.splitlines():
                if line.startswith("{"):
                    out.write(
                        json.dumps({**stamp, "bench": script.stem, **json.loads(line)}) + "\n"
                    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
