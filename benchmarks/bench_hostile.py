"""Wall time, CPU time and peak memory of `assess` refusing hostile files,
beside the limits of issue 9 (every refusal within 2 s and 300 MB), and beside
`assess check` of the bundled default case in the same run.

Each file is made in a temporary folder (big ones are sparse or generated),
then refused by a fresh `python -m assess` process; wait4 gives that child's
own CPU time and peak resident memory. Run with bytecode compiled
(`python -m compileall -q assess`) to compare like with like.

Run: python benchmarks/bench_hostile.py [repeats]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_S, LIMIT_MB = 2.0, 300


def _sparse(path: Path, size: int) -> list[str]:
    with open(path, "wb") as f:
        f.truncate(size)
    return ["check", str(path)]


def _tiny_values(path: Path) -> list[str]:
    path.write_text("a: [" + ",".join(["0"] * 2_400_000) + "]\n")
    return ["check", str(path)]


def _many_keys(path: Path) -> list[str]:
    path.write_text("".join(f"k{i}: {i}\n" for i in range(99_000)))
    return ["check", str(path)]


def _many_items(path: Path) -> list[str]:
    path.write_text("options:\n" + "".join(f"  - {i}\n" for i in range(199_000)))
    return ["score", str(path)]


def _alias_text(path: Path) -> list[str]:
    path.write_text(f'r: &r "{"x" * 100_000}"\nall: [{", ".join(["*r"] * 100)}]\n')
    return ["check", str(path)]


def _laughs(path: Path) -> list[str]:
    lines = ["a: &a [" + ", ".join(["lol"] * 10) + "]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(9)
    ]
    path.write_text("\n".join(lines) + "\n")
    return ["check", str(path)]


def _deep_at_the_end(path: Path) -> list[str]:
    path.write_text("".join(f"k{i}: value {i}\n" for i in range(90_000)) + "z: " + "[" * 5000 + "\n")
    return ["check", str(path)]


def _fifo(path: Path) -> list[str]:
    os.mkfifo(path)
    return ["check", str(path)]


def _million_rows(path: Path) -> list[str]:
    csv = path.with_suffix(".csv")
    with open(csv, "w") as f:
        f.write("option,a,b,c\n")
        f.writelines(f"o{i},{i % 5},{i % 3},{i % 7}\n" for i in range(1_000_000))
    return ["import", str(csv), "-o", str(path.with_suffix(".out.yaml"))]


def _big_document(path: Path) -> list[str]:
    """The default case citing an 8 MB document in which no passage is found."""
    folder = path.parent / "project"
    shutil.copytree(ROOT / "cases", folder / "cases")
    shutil.copy(ROOT / "criteria.yaml", folder / "criteria.yaml")
    shutil.copytree(ROOT / "sources", folder / "sources")
    doc = folder / "sources" / "000_f2c59601cf2739f5.txt"
    doc.write_text("coopera-\ntion between  partners is limited by the five dark S " * 130_000)
    return ["check", str(folder / "cases" / "ai_cooperation.yaml")]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "3 GiB case file (sparse)": lambda p: _sparse(p, 3 * 1024**3),
    "/dev/zero as case file": lambda p: ["check", "/dev/zero"],
    "FIFO as case file": _fifo,
    "5 MB of tiny values": _tiny_values,
    "99,000 unknown keys": _many_keys,
    "199,000 options that are numbers": _many_items,
    "alias text bomb (10 MB expanded)": _alias_text,
    "billion laughs": _laughs,
    "deep nesting after 90,000 lines": _deep_at_the_end,
    "8 MB document, passages not found": _big_document,
    "1,000,000-row CSV": _million_rows,
}


def measure(args: list[str]) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak MB, exit code) of `python -m assess ARGS`."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "assess", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    runs = {
        "reference: check of the default case": lambda p: [
            "check",
            str(ROOT / "cases" / "ai_cooperation.yaml"),
        ]
    }
    runs.update(CASES)
    print(f"limits: {LIMIT_S:.1f} s, {LIMIT_MB} MB per refusal   (median of {repeats})")
    print(f"{'file':40} {'exit':>4} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}  within")
    for label, make in runs.items():
        with tempfile.TemporaryDirectory() as tmp:
            args = make(Path(tmp) / "case.yaml")
            got = [measure(args) for _ in range(repeats)]
        wall, cpu, peak = (statistics.median(g[k] for g in got) for k in range(3))
        ok = "yes" if wall <= LIMIT_S and peak <= LIMIT_MB else "NO"
        print(f"{label:40} {got[0][3]:>4} {wall:7.2f} {cpu:7.2f} {peak:8.1f}  {ok}")


if __name__ == "__main__":
    main()
