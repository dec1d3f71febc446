"""Run every command and format on every bundled case and keep what each prints.

A refactoring must not change what users see: capture before, capture after,
and diff the two folders (`diff -r before after`). Not a test (pytest does not
collect it): run it by hand from the repository root, with the `assess` of the
environment you want to capture::

    python tests/golden_outputs.py /tmp/before
    ... change the code ...
    python tests/golden_outputs.py /tmp/after && diff -r /tmp/before /tmp/after

Each command's stdout, stderr and exit code go to one file named after the
command line. COLUMNS is fixed so tables are laid out the same way.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ["cases/ai_cooperation.yaml", "cases/security_first.yaml", "cases/team_example/team.yaml"]
METHODS = ["wsm", "wpm", "topsis", "promethee", "vikor", "all"]
CSV = "option,cost_share,security\n@direction,benefit,cost\n@weight,60,40\nMega,4,2\nPharma,3,1\n"


def _scenarios(case: str) -> list[str | None]:
    import yaml

    data = yaml.safe_load((ROOT / case).read_text(encoding="utf-8"))
    return [None, *sorted(data.get("scenarios") or {})]


def _assessors(case: str) -> list[str]:
    import yaml

    data = yaml.safe_load((ROOT / case).read_text(encoding="utf-8"))
    return sorted(data.get("assessors") or {})


def commands(tmp: Path) -> list[list[str]]:
    """Every command line to capture; `tmp` takes files that commands write."""
    runs: list[list[str]] = [
        ["--help"],
        ["check", "criteria.yaml", "cases"],
        ["schema"],
        ["schema", "--catalogue"],
    ]
    for case in CASES:
        for scenario in _scenarios(case):
            s = ["--scenario", scenario] if scenario else []
            for method in METHODS:
                for fmt in ["table", "json", "csv", "markdown"]:
                    runs.append(["score", case, *s, "--method", method, "--format", fmt])
            for fmt in ["table", "json", "markdown"]:
                runs.append(["sensitivity", case, *s, "--samples", "2000", "--format", fmt])
        for assessor in _assessors(case):
            runs.append(["score", case, "--assessor", assessor, "--format", "json"])
        scenarios = [x for x in _scenarios(case) if x]
        if scenarios:
            for fmt in ["table", "json", "markdown"]:
                runs.append(["compare", case, "--scenarios", "2019", *scenarios, "--format", fmt])
        for fmt in ["table", "json"]:
            runs.append(["team", case, "--format", fmt])
        stem = Path(case).stem
        for ext in ["html", "md"]:
            runs.append(["report", case, "--samples", "1000", "-o", str(tmp / f"{stem}.{ext}")])
    for fmt in ["table", "json", "markdown"]:
        runs.append(["compare", CASES[0], CASES[1], "--format", fmt])
    team = "cases/team_example"
    runs.append(
        [
            "merge",
            f"{team}/anna.yaml",
            f"{team}/boris.yaml",
            f"{team}/chen.yaml",
            "-o",
            str(tmp / "merged.yaml"),
        ]
    )
    (tmp / "m.csv").write_text(CSV, encoding="utf-8")
    runs.append(["import", str(tmp / "m.csv"), "-o", str(tmp / "imported.yaml")])
    return runs


def _name(argv: list[str], tmp: Path) -> str:
    text = " ".join(argv).replace(str(tmp), "TMP")
    return re.sub(r"[^A-Za-z0-9_.=-]+", "_", text).strip("_")[:180] + ".txt"


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "ASSESS_NO_CACHE": "1"}
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for argv in commands(tmp):
            proc = subprocess.run(
                ["assess", *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
            )
            body = f"exit {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
            (out / _name(argv, tmp)).write_text(body.replace(str(tmp), "TMP"), encoding="utf-8")
        for written in sorted(tmp.iterdir()):
            if written.suffix != ".csv":
                (out / f"written_{written.name}").write_bytes(written.read_bytes())
    print(f"captured into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "golden")))
