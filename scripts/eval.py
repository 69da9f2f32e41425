"""Score the extractors on every labelled set in the shared eval folder.

    python scripts/eval.py [--eval DIR] [--keep DIR]

For each labels file (`seeds.expected.yaml` beside `../seeds/`, and each
`dev/SET.expected.yaml` beside its `dev/SET.xml` feed), runs `monitor extract --json`
on the articles exactly as a user would, then the shared scorer (`score.py`, with a
day of date slack for the sets whose README asks for it), and prints one line a set:
precision, recall and F1 for troop figures and for contacts. `--keep DIR` keeps each
set's extraction (SET.jsonl) and the scorer's full report (SET.score.txt) for reading
the misses. Exits 1 when a set cannot be scored.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Sets whose labels accept a contact date one day off (press releases stamped in local
#: time as UTC, US outlets' evening stories): see the eval README.
DATE_SLACK = {"ennews": 1, "kremlin": 1, "zelensky": 1}
#: Sets where only recall is meaningful (their texts hold unlabelled contacts).
RECALL_ONLY = {"kremlin", "zelensky"}
LINE = re.compile(
    r"^(troops|contacts): tp=(\d+) fp=(\d+) fn=(\d+) precision=([\d.]+) recall=([\d.]+) F1=([\d.]+)"
)


def sets(eval_dir: Path) -> list[tuple[str, Path, list[str]]]:
    """(name, labels file, what to extract) of every labelled set."""
    found = []
    seeds = eval_dir / "seeds.expected.yaml"
    if seeds.exists():
        found.append(("seeds", seeds, [str(eval_dir.parent / "seeds")]))
    for labels in sorted((eval_dir / "dev").glob("*.expected.yaml")):
        name = labels.name.removesuffix(".expected.yaml")
        feeds = [p for p in labels.parent.glob(f"{name}.*") if p.suffix in (".xml", ".json")]
        if feeds:
            found.append((name, labels, [str(p) for p in feeds]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--keep", type=Path, help="keep extractions and full reports here")
    args = parser.parse_args(argv)
    found = sets(args.eval)
    if not found:
        print(f"no labelled sets in {args.eval}", file=sys.stderr)
        return 1
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="monitor-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    print(f"{'set':<10} {'facts':<9} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5} {'R':>5} {'F1':>5}")
    for name, labels, inputs in found:
        extracted = out_dir / f"{name}.jsonl"
        with open(extracted, "w", encoding="utf-8") as fh:
            run = subprocess.run(
                [sys.executable, "-m", "monitor", "extract", "--json", *inputs],
                stdout=fh,
                stderr=subprocess.PIPE,
                text=True,
            )
        if run.returncode not in (0, 1) or extracted.stat().st_size == 0:
            print(f"{name}: extract failed: {run.stderr.strip()[-300:]}", file=sys.stderr)
            failed += 1
            continue
        slack = ["--date-slack", str(DATE_SLACK[name])] if name in DATE_SLACK else []
        score = subprocess.run(
            [sys.executable, str(args.eval / "score.py"), *slack, str(labels), str(extracted)],
            capture_output=True,
            text=True,
        )
        (out_dir / f"{name}.score.txt").write_text(score.stdout + score.stderr, encoding="utf-8")
        rows = [m.groups() for m in map(LINE.match, score.stdout.splitlines()) if m]
        if score.returncode != 0 or not rows:
            print(f"{name}: scoring failed: {score.stderr.strip()[-300:]}", file=sys.stderr)
            failed += 1
            continue
        for kind, tp, fp, fn, precision, recall, f1 in rows:
            if name in RECALL_ONLY:
                precision = f1 = "-"
            print(
                f"{name:<10} {kind:<9} {tp:>4} {fp:>4} {fn:>4}  {precision:>5} {recall:>5} {f1:>5}"
            )
    print(f"(full reports: {out_dir})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
