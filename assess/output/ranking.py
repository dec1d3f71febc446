"""A `ScoreResult` as table, JSON, CSV or Markdown.

The JSON is a stable contract (see README): `case`, `file`, `method`,
`scenario` and `ranking`, a list in rank order of objects with `option`,
`name`, `rank` (null when excluded), `score`, `excluded` and `reasons`.
Later keys are only ever added.
"""

from __future__ import annotations

import csv
import io
import json

from assess.model import FAMILY_LABELS
from assess.output.tables import markdown_table, text_table
from assess.scoring import ScoreResult


def _index(result: ScoreResult) -> dict[str, int]:
    return {o.id: i for i, o in enumerate(result.view.options)}


def ranking_data(result: ScoreResult, file: str) -> dict[str, object]:
    view = result.view
    index = _index(result)
    ids = [c.id for c in view.criteria]
    rows = []
    for r in result.ranking:
        row: dict[str, object] = {
            "option": r.option,
            "name": r.name,
            "rank": r.rank,
            "score": r.score,
            "excluded": r.excluded,
            "reasons": list(r.reasons),
        }
        if result.contributions is not None:
            row["contributions"] = dict(
                zip(ids, map(float, result.contributions[index[r.option]]), strict=True)
            )
        rows.append(row)
    return {
        "case": view.case.title,
        "file": file,
        "method": result.method,
        "scenario": view.scenario,
        "higher_is_better": result.higher_is_better,
        "weights": dict(zip(ids, map(float, view.shares), strict=True)),
        "ranking": rows,
    }


def ranking_json(result: ScoreResult, file: str) -> str:
    return json.dumps(ranking_data(result, file), indent=2, ensure_ascii=False)


def _family_sums(result: ScoreResult) -> tuple[list[str], dict[str, list[float]]]:
    families = [f for f in FAMILY_LABELS if any(c.family == f for c in result.view.criteria)]
    sums: dict[str, list[float]] = {}
    if result.contributions is None:
        return [], sums
    for option, row in zip(result.view.options, result.contributions, strict=True):
        sums[option.id] = [
            float(sum(x for x, c in zip(row, result.view.criteria, strict=True) if c.family == f))
            for f in families
        ]
    return [FAMILY_LABELS[f] for f in families], sums


def _rows(result: ScoreResult) -> tuple[list[str], list[list[object]]]:
    labels, sums = _family_sums(result)
    header = ["rank", "option", "score", *labels]
    rows = [
        [r.rank if r.rank is not None else "excl.", r.name, r.score, *sums.get(r.option, [])]
        for r in result.ranking
    ]
    return header, rows


def _title(result: ScoreResult) -> str:
    view = result.view
    better = "higher is better" if result.higher_is_better else "lower is better"
    return f"{view.case.title}: {view.label} ({result.method}, {better})"


def _excluded(result: ScoreResult) -> list[str]:
    return [f"{r.name}: {'; '.join(r.reasons)}" for r in result.ranking if r.excluded]


def ranking_table(result: ScoreResult) -> str:
    header, rows = _rows(result)
    out = [_title(result), "", text_table(header, rows)]
    excluded = _excluded(result)
    if excluded:
        out += ["", "Excluded:", *(f"  {line}" for line in excluded)]
    return "\n".join(out)


def ranking_markdown(result: ScoreResult) -> str:
    header, rows = _rows(result)
    out = [f"## {_title(result)}", "", markdown_table(header, rows)]
    excluded = _excluded(result)
    if excluded:
        out += ["", "**Excluded**", "", *(f"- {line}" for line in excluded)]
    if result.contributions is not None:
        index = _index(result)
        crit = result.view.criteria
        out += ["", "### Contributions (weight × value)", ""]
        rows2 = [[r.name, *map(float, result.contributions[index[r.option]])] for r in result.ranking]
        out.append(markdown_table(["option", *(c.name for c in crit)], rows2))
    return "\n".join(out)


def ranking_csv(result: ScoreResult) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    ids = [c.id for c in result.view.criteria]
    extra = ids if result.contributions is not None else []
    writer.writerow(["rank", "option", "name", "score", "excluded", "reasons", *extra])
    index = _index(result)
    for r in result.ranking:
        contrib = (
            []
            if result.contributions is None
            else [repr(float(x)) for x in result.contributions[index[r.option]]]
        )
        writer.writerow(
            [
                r.rank if r.rank is not None else "",
                r.option,
                r.name,
                repr(r.score),
                str(r.excluded).lower(),
                "; ".join(r.reasons),
                *contrib,
            ]
        )
    return buf.getvalue()


RENDERERS = {"table": ranking_table, "markdown": ranking_markdown, "csv": ranking_csv}


def render_ranking(result: ScoreResult, fmt: str, file: str) -> str:
    if fmt == "json":
        return ranking_json(result, file)
    return RENDERERS[fmt](result)
