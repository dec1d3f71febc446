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


def _cell(cell: Any) -> dict:
    return cell if isinstance(cell, dict) else {"value": cell}
