"""Fuzz: mutants of decision matrices through `assess import`, then what was
imported through check, score and sensitivity. A refusal must be exit 2 with
`FILE:LINE:COL: message`; anything else is a bug."""

from __future__ import annotations

import random
import traceback
from pathlib import Path

import pytest
from fuzz_budget import Budget
from fuzz_run import check_output, run

SEEDS = [
    "option,cost_share,security\n@direction,benefit,cost\n@weight,60,40\n@min,0,0\n@max,5,5\n"
    "Megascience,4,2\nPharma,3,1\n",
    "option;competence;sanctions;talent\n@direction;benefit;cost;cost\n@weight;50;30;20\n"
    "@family;driver;constraint;risk\nMegascience;4,5;2;3,25\nPharma;3;1,5;2\nSmart cities;2;4;4\n",
    'option\tq\tr\n@weight\t1\t\nA\t1.5e+1\t-2\n"B, the second"\t3\t4\nC\t0\t0\n',
    'option,a,b\nX,1,2\nY,2,1\n"Z ""quoted""",3,3\n',
]
CELLS = [
    "",
    "0",
    "-1",
    "1e15",
    "1e16",
    "nan",
    "inf",
    "3,5",
    "1.234,5",
    "1_0",
    " 7 ",
    "=cmd|' /C calc'!A0",
    "@weight",
    "@family",
    "@min",
    "benefit",
    "cost",
    "other",
    "risk",
    "\x1b[2J",
    "\udc80",
    "a" * 2000,
    "y" * 140_000,
    '"' + "y\n" * 70_000 + '"',
    '"',
    '""',
    "\r",
    "\n",
    ";",
    ",",
    "\t",
    "option",
    "0x1F",
    "٣",
    "１",
    "\u00a0",
]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.choice([1, 1, 2, 3])):
        lines = text.split("\n")
        op = rng.randrange(6)
        i = rng.randrange(len(lines))
        if op == 0:  # a cell changed
            sep = rng.choice([",", ";", "\t"])
            cells = lines[i].split(sep)
            cells[rng.randrange(len(cells))] = rng.choice(CELLS)
            lines[i] = sep.join(cells)
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            del lines[i]
        elif op == 3:
            lines[i] = lines[i] + rng.choice([",", ";", ",1", ";x", "\t2"])
        elif op == 4:
            j = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:j] + rng.choice(CELLS) + lines[i][j:]
        else:
            lines.insert(i, rng.choice(["@weight,1,1", "@direction,cost", "@family,risk,driver", "", "#"]))
        text = "\n".join(lines)
    return text


def exercise(src: Path, out: Path) -> bool:
    argv = ["import", str(src), "-o", str(out), "--force"]
    code, stdout, stderr = run(argv)
    check_output(argv, code, stdout, stderr)
    if code:
        return False
    for argv in (
        ["check", str(out)],
        ["score", str(out), "--method", "all"],
        ["sensitivity", str(out), "--samples", "30", "--format", "json"],
    ):
        check_output(argv, *run(argv))
    return True


@pytest.mark.fuzz_count(500)
def test_mutated_matrices_fail_only_with_input_errors(tmp_path: Path, budget: Budget) -> None:
    failures: list[str] = []
    imported = tried = 0
    for i in budget.indexes():
        rng = random.Random(f"csv:{budget.seed}:{i}")
        text = mutate(rng, rng.choice(SEEDS))
        src = tmp_path / "m.csv"
        src.write_bytes(text.encode("utf-8", "surrogatepass"))
        tried += 1
        try:
            imported += exercise(src, tmp_path / "m.yaml")
        except Exception as err:  # noqa: BLE001 - every failure is collected, then reported
            kept = tmp_path / f"failure-{i}.csv"
            kept.write_bytes(src.read_bytes())
            failures.append(
                f"seed {budget.seed} matrix {i} saved as {kept}:\n"
                f"{''.join(traceback.format_exception(err)[-3:])}"
            )
            if not budget.minutes:
                break
    print(f"\nfuzz csv: {tried} matrices, {imported} imported, {len(failures)} failures")
    assert not failures, "\n".join(failures[:20])
