"""Fuzz: mutants of the bundled cases (bytes and structure) through load,
check, score, sensitivity, report, compare and team. A refusal must be the
project's own error (exit 2, `FILE:LINE:COL: message`); anything else is a bug.

The CI run is a fixed list of mutants (seed and count in conftest); by hand:
`pytest tests/fuzz --fuzz-minutes 10` runs as many as fit, collecting every
failure, each saved with the numbers that make it again.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from tests.fuzz.fuzz_budget import Budget
from tests.fuzz.fuzz_mutate import mutant
from tests.fuzz.fuzz_run import exercise, make_project

SEEDS = ["ai_cooperation.yaml", "security_first.yaml", *(f"team_example/{n}.yaml" for n in ("anna", "team"))]
PARTS = 6
"""The fixed run's mutants are dealt out to this many tests, so a parallel run spreads them."""


@pytest.mark.fuzz_count(60)
@pytest.mark.parametrize("part", range(PARTS))
def test_mutated_cases_fail_only_with_input_errors(tmp_path: Path, budget: Budget, part: int) -> None:
    project = make_project(tmp_path / "project")
    seeds = [(name, (project / "cases" / name).read_bytes()) for name in SEEDS]
    out = tmp_path / "out"
    out.mkdir()
    failures: list[str] = []
    loaded = tried = 0
    for i in budget.indexes(part, PARTS):
        name, data, how = mutant(seeds, budget.seed, i)
        case = (project / "cases" / name).with_name("fuzz.yaml")
        case.write_bytes(data)
        tried += 1
        try:
            loaded += exercise(case, out)
        except Exception as err:  # noqa: BLE001 - every failure is collected, then reported
            kept = tmp_path / f"failure-{i}.yaml"
            kept.write_bytes(data)
            where = traceback.format_exception(err)[-3:]
            failures.append(
                f"seed {budget.seed} mutant {i} ({name}: {how}) saved as {kept}:\n{''.join(where)}"
            )
            if not budget.minutes:
                break
    print(f"\nfuzz cases: {tried} mutants, {loaded} loaded, {len(failures)} failures")
    assert not failures, "\n".join(failures[:20])
