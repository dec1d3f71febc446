"""A `ScoreResult` as table, JSON, CSV or Markdown.

The JSON is a stable contract (see README): `case`, `file`, `method`,
`scenario`, `higher_is_better`, `weights` (criterion id -> normalised share)
and `ranking`, a list in rank order of objects with `option`, `name`, `rank`
(null when excluded), `score` (null for an option a veto excludes under a
method whose scores compare options: all but wsm), `excluded` and `reasons`;
for the weighted sum also `contributions` (criterion id -> weight × value);
`illustrative_weights` (true when the weights are an example: marked
`illustrative`, or the criteria's defaults). Added with the reference option:
`reference` (its id, or null) and, on each row, `worse_than_reference` (the
option scores worse than the reference: worse than doing nothing; see
`assess.core.reference`). Numbers are rounded to 6 decimals and never NaN (see
`assess.render.jsonout`). Later keys are only ever added.

The CSV has the same numbers, at the same precision (an empty cell where the
JSON has null), and its text cells are neutralised against spreadsheet
formulas (see `assess.render.safe.csv_cell`).

The table and the Markdown name each option's largest contributions in words
(`assess.render.explain`): a constraint or risk adds most where an option is
little exposed to it.
"""

from __future__ import annotations

import csv
import io

from assess.core.reference import reference_line
from assess.core.scoring import Ranked, ScoreResult
from assess.model import FAMILIES
from assess.render.explain import ILLUSTRATIVE, credit_label, lower_first, part_words, veto_sentences
from assess.render.fmt import fixed, machine_text
from assess.render.jsonout import to_json
from assess.render.mdtext import md
from assess.render.rows import families_present, family_subtotals
from assess.render.safe import csv_cell, wrap
from assess.render.tables import markdown_table, text_table

TOP_PARTS = 3
"""Contributions named per option in the "why" lines."""
UNFITTED = 10_000
"""The width of text that is not fitted to a terminal."""


def ranked_row(r: Ranked) -> dict[str, object]:
    """An option's place in a ranking as JSON: the keys every command's JSON
    ranking starts with (`score` and `team` add their own after them)."""
    return {"option": r.option, "name": r.name, "rank": r.rank, "score": r.score, "excluded": r.excluded}


def ranking_data(result: ScoreResult, file: str) -> dict[str, object]:
    view = result.view
    index = result.view.option_index
    ids = list(view.criterion_ids)
    line = reference_line(result)
    worse = set(line.worse) if line else set()
    rows = []
    for r in result.ranking:
        row: dict[str, object] = {
            **ranked_row(r),
            "reasons": list(veto_sentences(r.reasons)),
            "worse_than_reference": r.option in worse,
        }
        if result.parts is not None:
            row["contributions"] = dict(zip(ids, result.parts[index[r.option]], strict=True))
        rows.append(row)
    return {
        "case": view.case.title,
        "file": file,
        "method": result.method,
        "scenario": view.scenario,
        "higher_is_better": result.higher_is_better,
        "weights": dict(zip(ids, view.share_values, strict=True)),
        "ranking": rows,
        "reference": view.case.reference,
        "illustrative_weights": illustrative(result),
        **({"preferences": preferences_data(result)} if result.method == "promethee" else {}),
    }


def preferences_data(result: ScoreResult) -> dict[str, dict[str, object]]:
    """PROMETHEE II's preference function of each criterion (usual if unset)."""
    out: dict[str, dict[str, object]] = {}
    for c in result.view.criteria:
        pref = c.preference
        q = pref.q if pref and pref.function == "linear" else None
        out[c.id] = {"function": pref.function if pref else "usual", "q": q, "p": pref.p if pref else None}
    return out


def preference_note(result: ScoreResult) -> str:
    """One line naming the criteria whose PROMETHEE preference function is not usual
    ('' for other methods, or when every function is usual)."""
    if result.method != "promethee":
        return ""
    parts = []
    for c in result.view.criteria:
        pref = c.preference
        if pref is None or pref.function == "usual":
            continue
        q = f"q {pref.q:g}, " if pref.function == "linear" and pref.q else ""
        parts.append(f"{c.name}: {pref.function}, {q}p {pref.p:g}")
    if not parts:
        return ""
    rest = "; the others usual" if len(parts) < len(result.view.criteria) else ""
    return "Preference functions (score units): " + "; ".join(parts) + rest + "."


def ranking_json(result: ScoreResult, file: str) -> str:
    return to_json(ranking_data(result, file))


def _family_sums(result: ScoreResult) -> tuple[list[str], dict[str, list[float]]]:
    if result.parts is None:
        return [], {}
    families, sums = family_subtotals([c.family for c in result.view.criteria], result.parts)
    labels = [FAMILIES[f].label if f in FAMILIES else f for f in families]
    return labels, {o.id: row for o, row in zip(result.view.options, sums, strict=True)}


def _rows(result: ScoreResult, md_names: bool = False) -> tuple[list[str], list[list[object]]]:
    labels, sums = _family_sums(result)
    header = ["rank", "option", "score", *labels]
    line = reference_line(result)
    marks = (
        {line.option: " (reference)", **dict.fromkeys(line.worse, " (worse than doing nothing)")}
        if line
        else {}
    )
    rows: list[list[object]] = [
        [
            r.rank if r.rank is not None else "excl.",
            (md(r.name, False) if md_names else r.name) + marks.get(r.option, ""),
            r.score,
            *sums.get(r.option, []),
        ]
        for r in result.ranking
    ]
    return header, rows


def _title(result: ScoreResult) -> str:
    view = result.view
    better = "higher is better" if result.higher_is_better else "lower is better"
    return f"{view.case.title}: {view.label} ({result.method}, {better})"


def _excluded(result: ScoreResult) -> list[str]:
    return [f"{r.name}: {'; '.join(veto_sentences(r.reasons))}" for r in result.ranking if r.excluded]


def _cost_families(result: ScoreResult) -> list[str]:
    crit = result.view.criteria
    return [
        FAMILIES[f].label if f in FAMILIES else f
        for f in families_present([c.family for c in crit])
        if all(c.direction == "cost" for c in crit if c.family == f)
    ]


def family_note(result: ScoreResult) -> str:
    """What the family columns of a weighted sum hold, said for the cost families."""
    costs = _cost_families(result)
    if result.parts is None or not costs:
        return ""
    named = " and ".join([costs[0], *map(lower_first, costs[1:])])
    return (
        f"{named}: what low exposure adds to the score; a constraint or risk "
        "adds most where an option is least exposed to it."
    )


def illustrative(result: ScoreResult) -> bool:
    """The view's weights are an example: marked so, or the criteria's defaults."""
    spec = result.view.weight_spec
    return spec is None or spec.illustrative


def weights_note(result: ScoreResult) -> str:
    """The footer of a ranking whose weights are an example ('' otherwise)."""
    if not illustrative(result):
        return ""
    what = "the criteria's default weights" if result.view.weight_spec is None else "marked illustrative"
    return f"Weights: {ILLUSTRATIVE} ({what}), an example rather than a team's elicitation."


def why_parts(result: ScoreResult, option: str, top: int = TOP_PARTS) -> list[str]:
    """An option's `top` largest contributions in words, with their size."""
    if result.parts is None:
        return []
    view, i = result.view, result.view.option_index[option]
    row = result.parts[i]
    out = []
    for j in sorted(range(len(row)), key=lambda k: -row[k])[:top]:
        if row[j] > 0:
            c = view.criteria[j]
            out.append(f"{part_words(c.name, c.direction == 'cost', view.value_rows[i][j])} {fixed(row[j])}")
    return out


def why_lines(result: ScoreResult) -> list[str]:
    """'Option: part, part, part' for every option in rank order."""
    return [f"{r.name}: {', '.join(why_parts(result, r.option))}" for r in result.ranking]


def reference_note(result: ScoreResult) -> str:
    """ "Reference (the line to beat): X, 0.445; worse than doing nothing: A, B"."""
    line = reference_line(result)
    if line is None:
        return ""
    names = {r.option: r.name for r in result.ranking}
    text = f"Reference (the line to beat): {line.name}, {fixed(line.score)}"
    if line.worse:
        text += "; worse than doing nothing: " + ", ".join(names[o] for o in line.worse)
    return text


def ranking_table(result: ScoreResult, width: int | None = None) -> str:
    header, rows = _rows(result)
    w = width or UNFITTED
    out = [*wrap(_title(result), w), "", text_table(header, rows, width)]
    ref = reference_note(result)
    if ref:
        out += ["", *wrap(ref, w)]
    for note in (preference_note(result), family_note(result)):
        if note:
            out += ["", *wrap(note, w)]
    excluded = _excluded(result)
    if excluded:
        out += ["", "Excluded:", *(x for line in excluded for x in wrap(line, w, "  ", "    "))]
    if result.parts is not None:
        out += ["", "Largest parts of each score (weight × value):"]
        out += [x for line in why_lines(result) for x in wrap(line, w, "  ", "    ")]
    if weights_note(result):
        out += ["", *wrap(weights_note(result), w)]
    return "\n".join(out)


def ranking_markdown(result: ScoreResult) -> str:
    header, rows = _rows(result, md_names=True)
    out = [f"## {md(_title(result))}", "", markdown_table(header, rows)]
    ref = reference_note(result)
    out += ["", md(ref)] if ref else []
    for note in (preference_note(result), family_note(result)):
        out += ["", md(note)] if note else []
    excluded = _excluded(result)
    if excluded:
        out += ["", "**Excluded**", "", *(f"- {md(line)}" for line in excluded)]
    if result.parts is not None:
        out += ["", "### Largest parts of each score (weight × value)", ""]
        out += [f"- {md(line)}" for line in why_lines(result)]
        index = result.view.option_index
        crit = result.view.criteria
        out += ["", "### Contributions (weight × value)", ""]
        rows2 = [[md(r.name, False), *map(float, result.parts[index[r.option]])] for r in result.ranking]
        heads = [md(credit_label(c.name, c.direction == "cost"), False) for c in crit]
        out.append(markdown_table(["option", *heads], rows2))
    if weights_note(result):
        out += ["", f"*{md(weights_note(result))}*"]
    return "\n".join(out)


def ranking_csv(result: ScoreResult) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    ids = list(result.view.criterion_ids)
    extra = ids if result.parts is not None else []
    writer.writerow(["rank", "option", "name", "score", "excluded", "reasons", *extra])
    index = result.view.option_index
    for r in result.ranking:
        contrib = (
            [] if result.parts is None else [machine_text(float(x)) for x in result.parts[index[r.option]]]
        )
        writer.writerow(
            [
                r.rank if r.rank is not None else "",
                csv_cell(r.option),
                csv_cell(r.name),
                machine_text(r.score),
                str(r.excluded).lower(),
                csv_cell("; ".join(veto_sentences(r.reasons))),
                *contrib,
            ]
        )
    return buf.getvalue()


def render_ranking(result: ScoreResult, fmt: str, file: str, width: int | None = None) -> str:
    if fmt == "json":
        return ranking_json(result, file)
    if fmt == "table":
        return ranking_table(result, width)
    return ranking_markdown(result) if fmt == "markdown" else ranking_csv(result)
