"""A case made from a matrix: local benefit criteria c0, c1, ... on a 0..10
scale and options o0, o1, ..., for tests and benchmarks that need a case of a
given shape (the UI's large generated cases are `tests/tui/bigcase.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def matrix_case_data(cells: Sequence[Sequence[Any]], weights: dict, title: str = "Generated") -> dict:
    """The case data of `cells` (one row per option, one cell per criterion: a
    number is the value, a dict the cell as a file writes it) under `weights`."""
    m = len(cells[0]) if cells else 0
    ids = [f"c{j}" for j in range(m)]
    return {
        "title": title,
        "criteria": {
            "use": ids,
            "local": [
                {
                    "id": c,
                    "name": c.upper(),
                    "family": "driver",
                    "direction": "benefit",
                    "scale": {"min": 0, "max": 10},
                }
                for c in ids
            ],
        },
        "options": [{"id": f"o{i}", "name": f"O{i}"} for i in range(len(cells))],
        "weights": weights,
        "scores": {f"o{i}": dict(zip(ids, map(_cell, row), strict=True)) for i, row in enumerate(cells)},
    }


def median_team_data() -> dict:
    """A team case whose median weights break a statement every assessor keeps:
    three assessors each give c0 a quarter of the weight and say it is at most
    a quarter, each with the rest on another criterion, so the medians of the
    shares are (1/4, 0, 0, 0), all of the weight on c0."""
    data = matrix_case_data([[1, 2, 3, 4], [4, 3, 2, 1], [2, 2, 2, 2]], {})
    del data["weights"]
    at_most = {"interval": {"criterion": "c0", "max": 0.25}, "rationale": "no more than a quarter"}
    data["team"] = {"weights": "median"}
    data["assessors"] = {
        aid: {
            "name": aid.upper(),
            "weights": {
                "method": "direct",
                "points": {"c0": 25, **{c: (75 if c == big else 0) for c in ("c1", "c2", "c3")}},
                "statements": [at_most],
            },
        }
        for aid, big in (("ann", "c1"), ("bob", "c2"), ("cy", "c3"))
    }
    return data


def _cell(cell: Any) -> dict:
    return cell if isinstance(cell, dict) else {"value": cell}
