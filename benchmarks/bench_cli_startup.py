"""Whole-process time of `assess score` on the default case against a bare
`python -c "import pydantic, yaml, numpy"` (target: at most 1.5x).

Run: python benchmarks/bench_cli_startup.py [repeats]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "cases" / "ai_cooperation.yaml"


def timed(cmd: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    bare = [sys.executable, "-c", "import pydantic, yaml, numpy"]
    runs = {
        "bare import (pydantic, yaml, numpy)": bare,
        "assess score (table)": [sys.executable, "-m", "assess", "score", str(CASE)],
        "assess score --scenario 2025 -f json": [
            sys.executable,
            "-m",
            "assess",
            "score",
            str(CASE),
            "-s",
            "2025",
            "-f",
            "json",
        ],
        "assess check criteria.yaml cases/": [
            sys.executable,
            "-m",
            "assess",
            "check",
            str(ROOT / "criteria.yaml"),
            str(ROOT / "cases"),
        ],
    }
    timed(bare, 2)  # warm the file cache
    base = None
    print(f"{'command':42} {'median s':>9} {'ratio':>6}   (median of {repeats})")
    for label, cmd in runs.items():
        t = timed(cmd, repeats)
        base = base or t
        print(f"{label:42} {t:9.3f} {t / base:6.2f}")
    print("target: assess score at most 1.50x the bare import")


if __name__ == "__main__":
    main()
