"""A generated case of any size, for timing the UI on large matrices."""

from __future__ import annotations

import random
from pathlib import Path

from assess.files.casefile import LoadedCase
from assess.model import Case

FAMILIES = [("driver", "benefit"), ("constraint", "cost"), ("risk", "cost")]


def big_case_data(options: int = 200, criteria: int = 40, seed: int = 1, assessors: int = 0) -> dict:
    """`options` x `criteria` scores in half steps on 0..5 (the same for a seed),
    direct weights, one veto; with `assessors`, a team case in which each
    assessor scores every cell (and the case itself none)."""
    draw = random.Random(seed)
    ids = [f"c{j:02d}_crit" for j in range(criteria)]
    local = []
    for j, cid in enumerate(ids):
        family, direction = FAMILIES[j % 3]
        local.append(
            {
                "id": cid,
                "name": f"Criterion {j}",
                "family": family,
                "direction": direction,
                "scale": {"min": 0, "max": 5, "levels": {0: "none", 5: "full"}},
            }
        )
    local[1]["veto"] = {"threshold": 4.5, "reason": "too exposed"}
    tables = [_scores(draw, options, ids) for _ in range(max(1, assessors))]
    team = {f"a{k:02d}": {"name": f"Assessor {k}", "scores": t} for k, t in enumerate(tables)}
    return {
        "title": f"Generated {options} x {criteria}" + (f" x {assessors} assessors" if assessors else ""),
        "criteria": {"use": ids, "local": local},
        "options": [{"id": f"o{i:03d}", "name": f"Option {i:03d}"} for i in range(options)],
        "weights": {"method": "direct", "points": {cid: 1 + j % 5 for j, cid in enumerate(ids)}},
        **({"assessors": team} if assessors else {"scores": tables[0]}),
    }


def _scores(draw: random.Random, options: int, ids: list[str]) -> dict:
    scores = {}
    for i in range(options):
        row = {}
        for cid in ids:
            value = draw.randint(0, 10) / 2
            row[cid] = {"value": value, "low": max(0.0, value - 0.5), "high": min(5.0, value + 0.5)}
        scores[f"o{i:03d}"] = row
    return scores


def big_loaded_case(options: int = 200, criteria: int = 40) -> LoadedCase:
    """A LoadedCase not backed by a file (it cannot be saved), for the UI."""
    case = Case.model_validate(big_case_data(options, criteria))
    return LoadedCase(Path(f"generated_{options}x{criteria}.yaml"), case, None, None)  # type: ignore[arg-type]
