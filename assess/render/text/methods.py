"""Several methods side by side (`assess score --method all`), with how far
their rankings agree (Kendall's tau-b over the options every method ranked).

JSON: {"case", "file", "scenario", "methods": {name: <score JSON of that
method>}, "failed": {name: why}, "refused": {name: {"method", "reason"
("non_positive": a score of 0 or below for WPM; "other"), "message",
"cells": [{"option", "criterion", "score"}], "instead": [method, ...]}},
"agreement": {"methods": [...], "tau": [[...]]}}. `failed` holds every
method that did not run, `refused` the same ones with why, as data.
Numbers are rounded to 6 decimals, a tau that is undefined (fewer than two
options ranked) is null (see `assess.render.jsonout`).
"""

from __future__ import annotations

import numpy as np

from assess.core.scoring import ScoreResult
from assess.render.jsonout import to_json
from assess.render.mdtext import md
from assess.render.safe import wrap
from assess.render.tables import markdown_table, text_table
from assess.render.text.ranking import preference_note, ranking_data


def _taus(results: dict[str, ScoreResult]) -> tuple[list[str], np.ndarray]:
    from assess.kernels.methods import tau_matrix

    names = list(results)
    ranks: list[list[float]] = []
    for r in results.values():  # excluded options are the same in every method
        by = r.by_option()
        ranks.append([float(by[o.id].rank or 0) for o in r.view.options if not by[o.id].excluded])
    return names, tau_matrix(ranks) if names else np.zeros((0, 0))


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
        "agreement": {"methods": names, "tau": tau},
    }


def _side_by_side(results: dict[str, ScoreResult], markdown: bool) -> tuple[list[str], list[list[object]]]:
    first = next(iter(results.values()))
    header = ["option", *(f"{n} rank" for n in results)]
    rows: list[list[object]] = []
    for option in first.view.options:
        name = md(option.name, False) if markdown else option.name
        rows.append([name, *((r.by_option()[option.id].rank or "excl.") for r in results.values())])
    rows.sort(key=lambda row: [x if isinstance(x, int) else 10**6 for x in row[1:]])
    return header, rows


def render_methods(
    results: dict[str, ScoreResult],
    failed: dict[str, str],
    fmt: str,
    file: str,
    width: int | None = None,
    refused: dict[str, dict[str, object]] | None = None,
) -> str:
    if fmt == "json":
        return to_json(methods_data(results, failed, file, refused))
    markdown = fmt == "markdown"
    text = md if markdown else str
    if not results:
        return "\n".join(f"{n}: {text(why)}" for n, why in failed.items())
    w = width or 10_000

    def table(header: list[str], rows: list[list[object]]) -> str:
        return markdown_table(header, rows) if markdown else text_table(header, rows, width)

    header, rows = _side_by_side(results, markdown)
    names, tau = _taus(results)
    tau_rows = [[n, *map(float, row)] for n, row in zip(names, tau, strict=True)]
    view = next(iter(results.values())).view
    out = [
        *wrap(text(f"{view.case.title}: {view.label}, every method (rank 1 is best)"), w),
        "",
        table(header, rows),
        "",
        "Rank agreement (Kendall's tau-b; 1 = same order, -1 = reversed)",
        "",
        table(["", *names], tau_rows),
    ]
    note = preference_note(results["promethee"]) if "promethee" in results else ""
    if note:
        out += ["", *wrap(text(note), w)]
    if failed:
        out += ["", "Could not run:"]
        out += (
            [f"- {n}: {md(why)}" for n, why in failed.items()]
            if markdown
            else [x for n, why in failed.items() for x in wrap(f"{n}: {why}", w, "  ", "    ")]
        )
    return "\n".join(out)
