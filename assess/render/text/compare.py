"""A `Comparison` as JSON, a plain-text report or Markdown.

The text report (`assess.render.text.compare_text`) fits the terminal: rankings,
effects, weights and the scores that differ as tables, names shortened and
text folded to the width. The Markdown (the one a team pastes in a pull
request) and the JSON keep every detail: each differing cell's rationales
and sources.

The JSON is a stable contract, meant for CI on a pull request. Keys are only
ever added. Lists that run over views are in the order of `views`. Numbers
are rounded to 6 decimals, never NaN (see `assess.render.jsonout`).

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
                high, rationale, source: {document, passage, section} | null,
                basis}]}]
              only cells that differ; changed lists any of presence, value,
              range, rationale, source, basis; basis as the score matrix
              shows it: evidence, judgement, carried, mixed or null
    only_in:  {options: [{id, name, views: [labels]}], criteria: [...]}
              ids missing from at least one view, with the views holding them
    effects:  [{option, name, from, to, total_from, total_to, change,
                weight_effect, score_effect,
                criteria: [{criterion, weight_effect, score_effect}]}]
              per consecutive pair of views (labels in from/to) and option
              present in both; weight_effect + score_effect == change
              (see `assess.core.compare.effects`)
"""

from __future__ import annotations

from dataclasses import dataclass

from assess.core.compare.views import CellComparison, CellSide, Comparison, OptionEffect
from assess.model import SourceRef
from assess.render.explain import basis_mark, veto_sentences
from assess.render.fmt import scale
from assess.render.jsonout import to_json
from assess.render.safe import printable


@dataclass(frozen=True)
class ViewInfo:
    """Where a compared view comes from."""

    label: str
    file: str
    scenario: str | None
    """The scenario id; None for the baseline."""
    case: str = ""
    """The case's title."""
    cost: frozenset[str] = frozenset()
    """Ids of the view's cost criteria (constraints, risks), to say their effects in words."""


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
        "basis": s.basis,
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
                        "reasons": list(veto_sentences(s.reasons)),
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
    return to_json(comparison_data(comp, views))


# --- formatters shared with the text report and the TUI ------------------------


def cell_text(s: CellSide, marked: bool = False) -> str:
    """A score as `3` or `3 (2..4)`, with its basis's mark when `marked`
    (`3° (2..4)`, as in the score matrix); `-` when absent."""
    if not s.present or s.value is None:
        return "-"
    value = scale(s.value) + (basis_mark(s.basis) if marked else "")
    spread = s.low != s.value or s.high != s.value
    if spread and s.low is not None and s.high is not None:
        return f"{value} ({scale(s.low)}..{scale(s.high)})"
    return value


def basis_marked(c: CellComparison) -> bool:
    """Whether a compared cell shows its bases' marks: where the views' bases
    differ, or one of them is carried over."""
    said = [s.basis for s in c.sides if s.present]
    return len(set(said)) > 1 or "carried" in said


def values_text(c: CellComparison) -> str:
    """`3 → 4` (one entry per view; `3° → 4` where the bases differ)."""
    marked = basis_marked(c)
    return " → ".join(cell_text(s, marked) for s in c.sides)


def source_text(src: SourceRef | None, limit: int = 0) -> str:
    if src is None:
        return ""
    passage = src.passage if not limit or len(src.passage) <= limit else src.passage[:limit] + "…"
    section = f" § {src.section}" if src.section else ""
    return printable(f'{src.document}{section}: "{passage}"')


def move_text(move: int | None) -> str:
    if move is None:
        return "-"
    return "=" if move == 0 else f"{move:+d}"
