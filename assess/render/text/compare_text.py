"""A `Comparison` as a plain-text report fitted to the terminal, or as
Markdown with every detail.

Both hold the rankings side by side, vetoes, each option's change of total
split into weight and score effects with the criteria that moved it most
(in words: "little exposed to talent drain (new criterion) +0.042", see
`assess.render.explain`), the weights that differ, the scores that differ
and what is only in some views. The text lists the differing scores as one
table and leaves their rationales and sources to the Markdown and JSON.
"""

from __future__ import annotations

from collections.abc import Callable

from assess.core.compare.views import CellComparison, Comparison, CriterionEffect, OptionSide
from assess.render.explain import BASIS_MARK_LEGEND, ILLUSTRATIVE, basis_words, change_words, veto_sentences
from assess.render.fmt import Figure, percent, scale, signed
from assess.render.mdtext import md
from assess.render.safe import wrap
from assess.render.tables import markdown_table, text_table
from assess.render.text.compare import (
    ViewInfo,
    basis_marked,
    cell_text,
    comparison_json,
    move_text,
    source_text,
    values_text,
)

KEY_AFTER = 8
"""Views whose labels are longer than this are called A, B, ... in the text's tables."""
TOP_CRITERIA = 3
"""Criteria named per option in the effects table."""
UNFITTED = 10_000
EFFECT_HEADER = ["option", "change", "weight effect", "score effect", "top criteria"]
Text = Callable[[str], str]


def _status(sides: tuple[OptionSide, ...], labels: list[str]) -> str:
    notes = [
        f"{what} in {label}"
        for label, s in zip(labels, sides, strict=True)
        for what in (("vetoed",) if s.excluded else ("absent",) if not s.present else ())
    ]
    return "; ".join(notes)


def keys(comp: Comparison) -> list[str]:
    """The views' names in the text's table headers: their labels when short, else A, B, C..."""
    if max(len(x) for x in comp.labels) <= KEY_AFTER:
        return list(comp.labels)
    return [chr(ord("A") + k) if k < 26 else f"V{k + 1}" for k in range(len(comp.labels))]


def _rank_rows(comp: Comparison, name: Text, labels: list[str]) -> tuple[list[str], list[list[object]]]:
    header = ["option"]
    for label in labels:
        header += [f"{name(label)} rank", f"{name(label)} total"]
    header += ["move", "note"]
    rows: list[list[object]] = []
    for r in comp.options:
        row: list[object] = [name(r.name)]
        for s in r.sides:
            row += [s.rank, s.total]
        rows.append([*row, move_text(r.move), name(_status(r.sides, list(comp.labels)))])
    return header, rows


def _costs(views: list[ViewInfo]) -> frozenset[str]:
    return frozenset().union(*(v.cost for v in views))


def effect_words(comp: Comparison, views: list[ViewInfo], pair: int, c: CriterionEffect) -> str:
    """One criterion's part of an option's change, in words, with its size."""
    w = next(x for x in comp.weights if x.criterion == c.criterion)
    shares = (w.sides[pair].share, w.sides[pair + 1].share)
    cost = c.criterion in _costs(views)
    words = change_words(comp.criterion_names[c.criterion], cost, c.weight_effect, c.score_effect, shares)
    return f"{words} {signed(c.total)}"


def _effect_rows(
    comp: Comparison, views: list[ViewInfo], pair: int, name: Text, sep: str
) -> list[list[object]]:
    return [
        [
            name(e.name),
            Figure(signed(e.change)),
            Figure(signed(e.weight_effect)),
            Figure(signed(e.score_effect)),
            sep.join(name(effect_words(comp, views, pair, c)) for c in e.top(TOP_CRITERIA)),
        ]
        for e in comp.effects
        if e.before == pair
    ]


def _raw(x: float | None) -> Figure | None:
    return None if x is None else scale(x)


def _weight_rows(comp: Comparison, name: Text, labels: list[str]) -> tuple[list[str], list[list[object]]]:
    header = [
        "criterion",
        *(f"{name(label)} share" for label in labels),
        *(f"{name(label)} raw" for label in labels),
    ]
    rows: list[list[object]] = [
        [
            name(w.name),
            *(percent(s.share) if s.present else None for s in w.sides),
            *(_raw(s.raw) if s.present else None for s in w.sides),
        ]
        for w in comp.weight_changes
    ]
    return header, rows


def _elicitation(comp: Comparison) -> list[str]:
    first = comp.weights[0].sides if comp.weights else ()
    said = {(s.method, s.elicitation) for s in first}
    if len(said) < 2:
        return []
    return [
        f"{label}: {s.method}" + (f" ({s.elicitation})" if s.elicitation else "")
        for label, s in zip(comp.labels, first, strict=True)
    ]


def _views_lines(views: list[ViewInfo], comp: Comparison, keys: list[str] | None = None) -> list[str]:
    """Each view: its key, file, scenario, case, and whether its weights are illustrative."""
    out = []
    for k, v in enumerate(views):
        which = f"scenario '{v.scenario}'" if v.scenario else "baseline"
        key = f"{keys[k]} = " if keys and keys[k] != v.label else ""
        example = f" · {ILLUSTRATIVE}" if comp.illustrative[k : k + 1] == (True,) else ""
        out.append(f"{key}{v.label}: {v.file} ({which}){' - ' + v.case if v.case else ''}{example}")
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


def _excluded(comp: Comparison) -> list[str]:
    return [
        f"{label}: {r.name}: {'; '.join(veto_sentences(s.reasons))}"
        for r in comp.options
        for label, s in zip(comp.labels, r.sides, strict=True)
        if s.excluded
    ]


def _pairs(comp: Comparison) -> list[tuple[int, str]]:
    return [(k, f"{comp.labels[k]} → {comp.labels[k + 1]}") for k in range(len(comp.labels) - 1)]


# -- text -------------------------------------------------------------------------


def _score_rows(
    comp: Comparison, cells: list[CellComparison], labels: list[str]
) -> tuple[list[str], list[list[object]]]:
    """A row per cell whose value or range differs; the option named once."""
    header = ["option", "criterion", *labels]
    rows: list[list[object]] = []
    for c in cells:
        first = not rows or cells[len(rows) - 1].option != c.option
        name = comp.option_names[c.option] if first else ""
        marked = basis_marked(c)
        texts = [Figure(cell_text(s, marked)) for s in c.sides]
        rows.append([name, comp.criterion_names[c.criterion], *texts])
    return header, rows


def _marks_note(cells: list[CellComparison]) -> list[str]:
    """The legend of the bases' marks, when some cell shows them."""
    if not any(basis_marked(c) for c in cells):
        return []
    return [f"Marks: {BASIS_MARK_LEGEND} (shown where the views' bases differ or a cell is carried over)."]


def _effects_text(comp: Comparison, views: list[ViewInfo], pair: int, width: int | None) -> list[str]:
    """The effects table, each option's row followed by the criteria that
    moved it most, in words, over the full width."""
    rows = _effect_rows(comp, views, pair, str, "; ")
    lines = text_table(EFFECT_HEADER[:-1], [r[:-1] for r in rows], width).split("\n")
    rule = next(k for k, line in enumerate(lines) if line.startswith("-"))
    out = lines[: rule + 1]
    for line, row in zip(lines[rule + 1 :], rows, strict=True):
        out += [line, *wrap(f"moved most by: {row[-1]}", width or UNFITTED, "    ", "      ")]
    return out


def comparison_table(comp: Comparison, views: list[ViewInfo], width: int | None = None) -> str:
    """The plain-text report, every line within `width` columns where the
    numbers allow it (no fitting without `width`)."""
    w = width or UNFITTED

    def table(header: list[str], rows: list[list[object]], short: tuple[int, ...] = (0,)) -> str:
        return text_table(header, rows, width, short)

    labels = keys(comp)
    out = [*wrap(f"Comparison: {' → '.join(comp.labels)}", w), ""]
    out += [x for line in _views_lines(views, comp, labels) for x in wrap(line, w, "  ", "    ")]
    out += ["", "Rankings (move: + = climbed, - = fell)", "", table(*_rank_rows(comp, str, labels))]
    excluded = _excluded(comp)
    if excluded:
        out += ["", "Excluded by a veto (totals still shown):"]
        out += [x for line in excluded for x in wrap(line, w, "  ", "    ")]
    for k, pair in _pairs(comp):
        out += ["", *wrap(f"Change of total, {pair}: weight and score effects", w), ""]
        out += _effects_text(comp, views, k, width)
    out += ["", f"Weights that differ ({len(comp.weight_changes)})", ""]
    if comp.weight_changes:
        out.append(table(*_weight_rows(comp, str, labels)))
    out += [x for line in _elicitation(comp) for x in wrap(f"elicitation {line}", w, "  ", "      ")]
    changes = comp.score_changes
    moved = [c for c in changes if "presence" not in c.changed and c.value_changed]
    out += ["", f"Scores that differ ({len(changes)})", ""]
    if moved:
        out += [table(*_score_rows(comp, moved, labels), short=(0, 1))]
        out += [x for line in _marks_note(moved) for x in wrap(line, w)] + [""]
    notes = [
        (sum(1 for c in changes if not c.value_changed), "changed only their rationale, source or basis"),
        (
            sum(1 for c in changes if "presence" in c.changed),
            "are in some views only (an option or criterion is new or gone)",
        ),
    ]
    out += [x for n, what in notes if n for x in wrap(f"{n} cells {what}.", w)]
    if changes:
        out += wrap("Each view's rationale and source: --format markdown (or json).", w)
    only = _only_in_lines(comp)
    if only:
        out += ["", "Only in some views", "", *(x for line in only for x in wrap(line, w, "  ", "    "))]
    return "\n".join(out)


# -- Markdown ---------------------------------------------------------------------


def _cell_lines(comp: Comparison, c: CellComparison) -> list[str]:
    """A differing cell: its values, then each view's rationale and source."""
    opt, crit = comp.option_names[c.option], comp.criterion_names[c.criterion]
    lines = [f"- {md(opt)} × {md(crit)}: {values_text(c)}  \\[{', '.join(c.changed)}\\]"]
    for label, s in zip(comp.labels, c.sides, strict=True):
        if not s.present:
            continue
        text = f"{label} ({basis_words(s.basis)}): {s.rationale or '(no rationale)'}"
        if s.source:
            text += f"  [{source_text(s.source, 120)}]"
        lines.append(f"  - {md(text)}")
    return lines


def comparison_markdown(comp: Comparison, views: list[ViewInfo]) -> str:
    """The Markdown report, every detail, every user string escaped."""
    name: Text = lambda x: md(x, False)  # noqa: E731 (a cell of `markdown_table`)
    out = [f"## Comparison: {md(' → '.join(comp.labels))}", ""]
    out += [f"- {md(line)}" for line in _views_lines(views, comp)]
    out += [
        "",
        "### Rankings (move: + = climbed, - = fell)",
        "",
        markdown_table(*_rank_rows(comp, name, list(comp.labels))),
    ]
    excluded = _excluded(comp)
    if excluded:
        out += ["", "Excluded by a veto (totals still shown):", "", *(f"- {md(x)}" for x in excluded)]
    for k, pair in _pairs(comp):
        rows = _effect_rows(comp, views, k, name, "; ")
        out += ["", f"### Change of total, {md(pair)}: weight and score effects", ""]
        out.append(markdown_table(EFFECT_HEADER, rows))
    out += ["", f"### Weights that differ ({len(comp.weight_changes)})", ""]
    if comp.weight_changes:
        out.append(markdown_table(*_weight_rows(comp, name, list(comp.labels))))
    elicitation = [f"- elicitation {md(line)}" for line in _elicitation(comp)]
    out += ["", *elicitation] if elicitation else []
    changes = comp.score_changes
    out += ["", f"### Scores that differ ({len(changes)})", ""]
    marks = _marks_note(list(changes))
    out += [*(md(x) for x in marks), ""] if marks else []
    for c in (c for c in changes if "presence" not in c.changed):
        out += _cell_lines(comp, c)
    partial = [c for c in changes if "presence" in c.changed]
    if partial:
        out += ["", "### Cells in some views only (an option or criterion is new or gone)", ""]
        for c in partial:
            out += _cell_lines(comp, c)
    only = _only_in_lines(comp)
    if only:
        out += ["", "### Only in some views", "", *(f"- {md(line)}" for line in only)]
    return "\n".join(out)


def render_comparison(comp: Comparison, fmt: str, views: list[ViewInfo], width: int | None = None) -> str:
    """`comp` as "json", "markdown" (every detail) or "table" (fitted to `width`)."""
    if fmt == "json":
        return comparison_json(comp, views)
    return comparison_markdown(comp, views) if fmt == "markdown" else comparison_table(comp, views, width)
