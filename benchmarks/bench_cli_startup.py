"""Whole-process times of the command line beside the bare import of its libraries.

Every CLI row of issue 11's table (today, reference, ratio, target), in one run:
`assess --help`, a mistyped command, `assess score DEFAULT --format json` and
`assess check DEFAULT`, each with the cache of validated cases cold (a fresh
cache folder every run, so the entry is also written) and warm; then `score`
at 200 options x 40 criteria and at 50 x 40 x 10 assessors, generated into a
temporary folder (`tests/tui/bigcase.py`, the cases `bench_tui.py` opens),
cold and warm (start-up must not grow with the case).
The reference is `python -c "import pydantic, yaml, numpy"`. Each command
runs REPEATS times in turn with the reference (reference, command, reference,
command, ...), after one run of each to compile bytecode (said in the
output); the ratio is the median of the pairs' ratios, so a machine whose
speed drifts during the run (a shared 2-core one does) moves both alike.

Run: python benchmarks/bench_cli_startup.py [REPEATS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CASE = ROOT / "cases" / "ai_cooperation.yaml"
ASSESS = [sys.executable, "-m", "assess"]
BARE = [sys.executable, "-c", "import pydantic, yaml, numpy"]
OLD = 1_600_000_000
"""Generated files are dated in the past: the cache stores only settled files."""


def write_case(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    os.utime(path, (OLD, OLD))
    return path


def once(cmd: list[str], env: dict[str, str], fresh_cache: bool = False) -> float:
    run_env = dict(env)
    if fresh_cache:
        run_env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="cold-", dir=env["BENCH_TMP"])
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, cwd=ROOT, env=run_env, check=False)
    return time.perf_counter() - start


def paired(cmd: list[str], repeats: int, env: dict[str, str], cold: bool) -> tuple[float, float, float]:
    """(median seconds of `cmd`, of the reference beside it, median ratio of the pairs)."""
    pairs = [(once(BARE, env), once(cmd, env, cold)) for _ in range(repeats)]
    return (
        statistics.median(c for _, c in pairs),
        statistics.median(b for b, _ in pairs),
        statistics.median(c / b for b, c in pairs),
    )


def bytecode_state(env: dict[str, str]) -> str:
    """Whether the package's bytecode is compiled; if it cannot be written
    beside the sources (PYTHONDONTWRITEBYTECODE), it is compiled into a
    temporary PYTHONPYCACHEPREFIX for every run, references too, as an
    installed package would have it."""
    sources = list((ROOT / "assess").rglob("*.py"))
    tag = sys.implementation.cache_tag
    compiled = sum(1 for p in sources if (p.parent / "__pycache__" / f"{p.stem}.{tag}.pyc").exists())
    if compiled < len(sources) and ("PYTHONDONTWRITEBYTECODE" in env or "PYTHONPYCACHEPREFIX" in env):
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("PYTHONPYCACHEPREFIX", str(Path(env["BENCH_TMP"]) / "pycache"))
        return f"bytecode: compiled by the warm-up run into {env['PYTHONPYCACHEPREFIX']} (for every module)"
    return f"bytecode: {compiled} of {len(sources)} assess modules compiled beside their sources"


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    tmp = Path(tempfile.mkdtemp(prefix="assess-bench-"))
    try:
        run(repeats, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(repeats: int, tmp: Path) -> None:
    from tests.tui.bigcase import big_case_data  # the cases bench_tui.py opens

    big = write_case(tmp, "big_200x40.yaml", big_case_data(200, 40))
    team = write_case(tmp, "team_50x40x10.yaml", big_case_data(50, 40, assessors=10))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "warm-cache"), "BENCH_TMP": str(tmp)}
    for name in ("ASSESS_NO_CACHE", *("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")):
        env.pop(name, None)  # measure what a user gets by default
    bytecode = bytecode_state(env)
    score = [*ASSESS, "score", str(CASE), "--format", "json"]
    rows: list[tuple[str, list[str], bool, float | None]] = [
        ("assess --help", [*ASSESS, "--help"], False, 0.5),
        ("assess scoer (a mistyped command)", [*ASSESS, "scoer"], False, 0.5),
        ("assess score DEFAULT -f json, cache cold", score, True, 1.5),
        ("assess score DEFAULT -f json, cache warm", score, False, 1.5),
        ("assess check DEFAULT, cache cold", [*ASSESS, "check", str(CASE)], True, 1.5),
        ("assess check DEFAULT, cache warm", [*ASSESS, "check", str(CASE)], False, 1.5),
    ]
    for label, path in (("200 x 40", big), ("50 x 40 x 10 assessors", team)):
        cmd = [*ASSESS, "score", str(path), "-f", "json"]
        rows += [(f"assess score {label}, cold", cmd, True, None)]
        rows += [(f"assess score {label}, warm", cmd, False, None)]
    for _, cmd, _, _ in rows:  # compile bytecode, fill the warm cache, check the commands work
        done = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env, check=False)
        if done.returncode not in (0, 2) or b"internal error" in done.stderr:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    once(BARE, env)
    print(bytecode)
    print(f"reference: python -c 'import pydantic, yaml, numpy', in turn with each command ({repeats} pairs)")
    print(f"{'command':44} {'median ms':>9} {'ref ms':>6} {'ratio':>6} {'target':>7}")
    for label, cmd, cold, target in rows:
        t, base, ratio = paired(cmd, repeats, env, cold)
        goal = f"<={target:.1f}x" if target else ""
        print(f"{label:44} {t * 1000:9.0f} {base * 1000:6.0f} {ratio:6.2f} {goal:>7}")
    print("(ratio: the median of command / reference over the pairs; the 200 x 40 and team rows")
    print(" have no target of their own: they should stay near the default's)")


if __name__ == "__main__":
    main()
