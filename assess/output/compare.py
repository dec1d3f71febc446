"""A `Comparison` as JSON, a plain-text report or Markdown.

The JSON is a stable contract, meant for CI on a pull request. Keys are only
ever added. Lists that run over views are in the order of `views`.

    views:    [{label, file, scenario, case}]
              scenario: the scenario id, null for the baseline; case: its title
    options:  [{option, name, moves, move,
                views: [{present, rank, total, excluded, reasons}]}]
              union of options, first view's order then new ones; rank null
              when excluded or absent, total null only when absent (a vetoed
              option keeps its total); moves[i] = rank in view i − rank in
              view i+1 (+ = climbed), move = first → last; null if unranked
    weights:  [{criterion, name, changed, views: [{present, share, raw,
                method, elicitation}]}]
              only criteria whose weight differs; share is normalised (0 when
              absent); raw is the elicited input (points, swing, rank)
    scores:   [{option, criterion, changed, views: [{present, value, low,
                high, rationale, source: {document, passage, section} | null}]}]
              only cells that differ; changed lists any of presence, value,
              range, rationale, source
    only_in:  {options: [{id, name, views: [labels]}], criteria: [...]}
              ids missing from at least one view, with the views holding them
    effects:  [{option, name, from, to, total_from, total_to, change,
                weight_effect, score_effect,
                criteria: [{criterion, weight_effect, score_effect}]}]
              per consecutive pair of views (labels in from/to) and option
              present in both; weight_effect + score_effect == change
              (see `assess.compare_effects`)
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

from assess.compare import CellComparison, CellSide, Comparison, OptionEffect, OptionSide
from assess.model import SourceRef
from assess.output.tables import markdown_table, text_table


@dataclass(frozen=True)
class ViewInfo:
    """Where a compared view comes from."""

    label: str
    file: str
    scenario: str | None
    """The scenario id; None for the baseline."""
    case: str = ""
    """The case's title."""


def _source(src: SourceRef | None) -> dict[str, object] | None:
    return None if src is None else src.model_dump()


def _cell_side(s: CellSide) -> dict[str, object]:
    return {
        "present": s.present,
        "value": s.value,
        "low": s.low,
        "high": s.high,
        "rationale": s.rationale,
        "source": _source(s.source),
    }


def _effect(e: OptionEffect, labels: tuple[str, ...]) -> dict[str, object]:
    return {
        "option": e.option,
        "name": e.name,
        "from": labels[e.before],
        "to": labels[e.after],
        "total_from": e.total_before,
        "total_to": e.total_after,
        "change": e.change,
        "weight_effect": e.weight_effect,
        "score_effect": e.score_effect,
        "criteria": [
            {"criterion": c.criterion, "weight_effect": c.weight_effect, "score_effect": c.score_effect}
            for c in e.criteria
        ],
    }


def comparison_data(comp: Comparison, views: list[ViewInfo]) -> dict[str, object]:
    labels = comp.labels

    def where(ids: tuple[tuple[str, tuple[int, ...]], ...], names: dict[str, str]) -> list[object]:
        return [{"id": i, "name": names[i], "views": [labels[k] for k in ks]} for i, ks in ids]

    return {
        "views": [{"label": v.label, "file": v.file, "scenario": v.scenario, "case": v.case} for v in views],
        "options": [
            {
                "option": r.option,
                "name": r.name,
                "moves": list(r.moves),
                "move": r.move,
                "views": [
                    {
                        "present": s.present,
                        "rank": s.rank,
                        "total": s.total,
                        "excluded": s.excluded,
                        "reasons": list(s.reasons),
                    }
                    for s in r.sides
                ],
            }
            for r in comp.options
        ],
        "weights": [
            {
                "criterion": w.criterion,
                "name": w.name,
                "changed": list(w.changed),
                "views": [
                    {
                        "present": s.present,
                        "share": s.share,
                        "raw": s.raw,
                        "method": s.method,
                        "elicitation": s.elicitation,
                    }
                    for s in w.sides
                ],
            }
            for w in comp.weight_changes
        ],
        "scores": [
            {
                "option": c.option,
                "criterion": c.criterion,
                "changed": list(c.changed),
                "views": [_cell_side(s) for s in c.sides],
            }
            for c in comp.score_changes
        ],
        "only_in": {
            "options": where(comp.only_in.options, comp.option_names),
            "criteria": where(comp.only_in.criteria, comp.criterion_names),
        },
        "effects": [_effect(e, labels) for e in comp.effects],
    }


def comparison_json(comp: Comparison, views: list[ViewInfo]) -> str:
    return json.dumps(comparison_data(comp, views), indent=2, ensure_ascii=False)


# --- text and Markdown --------------------------------------------------------


def cell_text(s: CellSide) -> str:
    """A score as `3` or `3 (2..4)`; `-` when absent."""
    if not s.present or s.value is None:
        return "-"
    spread = s.low != s.value or s.high != s.value
    return f"{s.value:g} ({s.low:g}..{s.high:g})" if spread else f"{s.value:g}"


def values_text(c: CellComparison) -> str:
    """`3 → 4` (one entry per view)."""
    return " → ".join(cell_text(s) for s in c.sides)


def source_text(src: SourceRef | None, limit: int = 0) -> str:
    if src is None:
        return ""
    passage = src.passage if not limit or len(src.passage) <= limit else src.passage[:limit] + "…"
    section = f" § {src.section}" if src.section else ""
    return f'{src.document}{section}: "{passage}"'


def move_text(move: int | None) -> str:
    if move is None:
        return "-"
    return "=" if move == 0 else f"{move:+d}"


def _status(comp: Comparison, sides: tuple[OptionSide, ...]) -> str:
    notes = [
        f"{what} in {label}"
        for label, s in zip(comp.labels, sides, strict=True)
        for what in (("vetoed",) if s.excluded else ("absent",) if not s.present else ())
    ]
    return "; ".join(notes)


def _rank_rows(comp: Comparison) -> tuple[list[str], list[list[object]]]:
    header = ["option"]
    for label in comp.labels:
        header += [f"{label} rank", f"{label} total"]
    header += ["move", "note"]
    rows: list[list[object]] = []
    for r in comp.options:
        row: list[object] = [r.name]
        for s in r.sides:
            row += [s.rank, s.total]
        rows.append([*row, move_text(r.move), _status(comp, r.sides)])
    return header, rows


def _effect_rows(comp: Comparison, pair: int) -> list[list[object]]:
    names = comp.criterion_names
    return [
        [
            e.name,
            e.change,
            e.weight_effect,
            e.score_effect,
            ", ".join(f"{names[c.criterion]} {c.total:+.3f}" for c in e.top(3)),
        ]
        for e in comp.effects
        if e.before == pair
    ]


EFFECT_HEADER = ["option", "change", "weight effect", "score effect", "top criteria"]


def _weight_rows(comp: Comparison) -> tuple[list[str], list[list[object]]]:
    header = [
        "criterion",
        *(f"{label} share" for label in comp.labels),
        *(f"{label} raw" for label in comp.labels),
    ]
    rows: list[list[object]] = [
        [
            w.name,
            *(s.share if s.present else None for s in w.sides),
            *(_number(s.raw) if s.present else None for s in w.sides),
        ]
        for w in comp.weight_changes
    ]
    return header, rows


def _number(x: float | None) -> float | int | None:
    """Whole numbers as int, so a table shows `12`, not `12.0000`."""
    return int(x) if x is not None and float(x).is_integer() else x


def _elicitation(comp: Comparison) -> list[str]:
    first = comp.weights[0].sides if comp.weights else ()
    said = {(s.method, s.elicitation) for s in first}
    if len(said) < 2:
        return []
    return [
        f"{label}: {s.method}" + (f" ({s.elicitation})" if s.elicitation else "")
        for label, s in zip(comp.labels, first, strict=True)
    ]


def _cell_lines(comp: Comparison, c: CellComparison, md: bool) -> list[str]:
    """A differing cell: its values, then each view's rationale and source."""
    opt, crit = comp.option_names[c.option], comp.criterion_names[c.criterion]
    lines = [f"{'- ' if md else ''}{opt} × {crit}: {values_text(c)}  [{', '.join(c.changed)}]"]
    for label, s in zip(comp.labels, c.sides, strict=True):
        if not s.present:
            continue
        text = f"{label}: {s.rationale or '(no rationale)'}"
        if s.source:
            text += f"  [{source_text(s.source, 120)}]"
        if md:
            lines.append(f"  - {text}".replace("\n", " "))
        else:
            lines += textwrap.wrap(text, 100, initial_indent="    ", subsequent_indent="      ")
    return lines


def _views_lines(views: list[ViewInfo]) -> list[str]:
    out = []
    for v in views:
        which = f"scenario '{v.scenario}'" if v.scenario else "baseline"
        out.append(f"{v.label}: {v.file} ({which}){' - ' + v.case if v.case else ''}")
    return out


def _only_in_lines(comp: Comparison) -> list[str]:
    out = []
    for kind, ids, names in (
        ("option", comp.only_in.options, comp.option_names),
        ("criterion", comp.only_in.criteria, comp.criterion_names),
    ):
        for i, ks in ids:
            out.append(f"{kind} {names[i]} ({i}): only in {', '.join(comp.labels[k] for k in ks)}")
    return out


def _sections(comp: Comparison, views: list[ViewInfo], md: bool) -> list[str]:
    table = markdown_table if md else text_table
    h2, h3, item = ("## ", "### ", "- ") if md else ("", "", "  ")
    out = [f"{h2}Comparison: {' → '.join(comp.labels)}", ""]
    out += [f"{item}{line}" for line in _views_lines(views)]
    out += ["", f"{h3}Rankings (move: + = climbed, - = fell)", "", table(*_rank_rows(comp))]
    excluded = [
        f"{item}{label}: {r.name}: {'; '.join(s.reasons)}"
        for r in comp.options
        for label, s in zip(comp.labels, r.sides, strict=True)
        if s.excluded
    ]
    if excluded:
        out += ["", "Excluded by a veto (totals still shown):", *excluded]
    for k in range(len(comp.labels) - 1):
        pair = f"{comp.labels[k]} → {comp.labels[k + 1]}"
        title = f"Change of total, {pair}: weight and score effects"
        out += ["", f"{h3}{title}", "", table(EFFECT_HEADER, _effect_rows(comp, k))]
    out += ["", f"{h3}Weights that differ ({len(comp.weight_changes)})", ""]
    if comp.weight_changes:
        out.append(table(*_weight_rows(comp)))
    for line in _elicitation(comp):
        out += (
            [f"{item}elicitation {line}"]
            if md
            else textwrap.wrap(
                f"elicitation {line}", 100, initial_indent=item, subsequent_indent=item + "    "
            )
        )
    changes = comp.score_changes
    out += ["", f"{h3}Scores that differ ({len(changes)})", ""]
    for c in (c for c in changes if "presence" not in c.changed):
        out += _cell_lines(comp, c, md)
    partial = [c for c in changes if "presence" in c.changed]
    if partial:
        out += ["", f"{h3}Cells in some views only (an option or criterion is new or gone)", ""]
        for c in partial:
            out += _cell_lines(comp, c, md)
    only = _only_in_lines(comp)
    if only:
        out += ["", f"{h3}Only in some views", "", *(f"{item}{line}" for line in only)]
    return out


def comparison_table(comp: Comparison, views: list[ViewInfo]) -> str:
    return "\n".join(_sections(comp, views, md=False))


def comparison_markdown(comp: Comparison, views: list[ViewInfo]) -> str:
    return "\n".join(_sections(comp, views, md=True))


RENDERERS = {"json": comparison_json, "table": comparison_table, "markdown": comparison_markdown}


def render_comparison(comp: Comparison, fmt: str, views: list[ViewInfo]) -> str:
    return RENDERERS[fmt](comp, views)
