"""Several methods side by side (`assess score --method all`), with how far
their rankings agree (Kendall's tau-b over the options every method ranked).

JSON: {"case", "file", "scenario", "methods": {name: <score JSON of that
method>}, "failed": {name: why}, "refused": {name: {"method", "reason"
("non_positive": a score of 0 or below for WPM; "other"), "message",
"cells": [{"option", "criterion", "score"}], "instead": [method, ...]}},
"agreement": {"methods": [...], "tau": [[...]]}}. `failed` holds every
method that did not run, `refused` the same ones with why, as data.
"""

from __future__ import annotations

import json

import numpy as np

from assess.output.ranking import ranking_data
from assess.output.tables import markdown_table, text_table
from assess.scoring import ScoreResult


def _taus(results: dict[str, ScoreResult]) -> tuple[list[str], np.ndarray]:
    from assess.methods import tau_matrix

    names = list(results)
    ranks = []
    for r in results.values():  # excluded options are the same in every method
        by = r.by_option()
        ranks.append([by[o.id].rank for o in r.view.options if not by[o.id].excluded])
    return names, tau_matrix(np.array(ranks, dtype=float)) if names else np.zeros((0, 0))


def methods_data(
    results: dict[str, ScoreResult],
    failed: dict[str, str],
    file: str,
    refused: dict[str, dict[str, object]] | None = None,
) -> dict[str, object]:
    first = next(iter(results.values()), None)
    names, tau = _taus(results)
    return {
        "case": first.view.case.title if first else None,
        "file": file,
        "scenario": first.view.scenario if first else None,
        "methods": {name: ranking_data(r, file) for name, r in results.items()},
        "failed": failed,
        "refused": refused or {},
        "agreement": {"methods": names, "tau": [[float(x) for x in row] for row in tau]},
    }


def _side_by_side(results: dict[str, ScoreResult]) -> tuple[list[str], list[list[object]]]:
    first = next(iter(results.values()))
    header = ["option", *(f"{n} rank" for n in results)]
    rows = []
    for option in first.view.options:
        rows.append([option.name, *((r.by_option()[option.id].rank or "excl.") for r in results.values())])
    rows.sort(key=lambda row: [x if isinstance(x, int) else 10**6 for x in row[1:]])
    return header, rows


def render_methods(
    results: dict[str, ScoreResult],
    failed: dict[str, str],
    fmt: str,
    file: str,
    refused: dict[str, dict[str, object]] | None = None,
) -> str:
    if fmt == "json":
        return json.dumps(methods_data(results, failed, file, refused), indent=2, ensure_ascii=False)
    if not results:
        return "\n".join(f"{n}: {why}" for n, why in failed.items())
    table = markdown_table if fmt == "markdown" else text_table
    header, rows = _side_by_side(results)
    names, tau = _taus(results)
    tau_rows = [[n, *map(float, row)] for n, row in zip(names, tau, strict=True)]
    view = next(iter(results.values())).view
    out = [
        f"{view.case.title}: {view.label}, every method (rank 1 is best)",
        "",
        table(header, rows),
        "",
        "Rank agreement (Kendall's tau-b; 1 = same order, -1 = reversed)",
        "",
        table(["", *names], tau_rows),
    ]
    if failed:
        out += ["", "Could not run:", *(f"  {n}: {why}" for n, why in failed.items())]
    return "\n".join(out)
