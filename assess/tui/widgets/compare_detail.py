"""The pane below the compare matrix: what the cursor is on, in every view.

A score cell shows its value and every view's rationale and source; the
weight row shows each view's share and how its weights were elicited; an
option of the ranking shows its change split into weight and score effects,
criterion by criterion. Three lengths (`Mode`): "line" (one line per view,
for short terminals), "pane" (wrapped, sources clipped) and "full" (the
rationale modal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from assess.core.compare.views import CellSide, Comparison, OptionEffect
from assess.render import fmt
from assess.render.explain import ILLUSTRATIVE, basis_mark, basis_words
from assess.render.text.compare import basis_marked, source_text
from assess.tui.present import bar, safe, shown
from assess.tui.widgets.elicitation_note import MARK as ILLUSTRATIVE_STYLE

WEIGHT_COLOUR, SCORE_COLOUR = "#7aa2f7", "#bb9af7"
"""Bars of weight effects and of score effects, everywhere on the compare screen."""

Mode = Literal["line", "pane", "full"]


@dataclass(frozen=True)
class CompareSubject:
    """What the compare screen is pointing at."""

    kind: Literal["cell", "weight", "option"]
    option: str | None = None
    criterion: str | None = None


def _grid(mode: Mode) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, no_wrap=mode == "line", overflow="ellipsis")
    return grid


def _clip(text: str, limit: int) -> str:
    text = safe(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cell_text(s: CellSide, marked: bool = False) -> str:
    """A score as `3` or `3 (2–4)`, with its basis's mark when `marked`
    (`3° (2–4)`, as in the score matrix); `-` when absent."""
    if not s.present or s.value is None:
        return "-"
    text = fmt.score_range(
        s.value, s.low if s.low is not None else s.value, s.high if s.high is not None else s.value
    )
    value, _, rest = text.partition(" ")
    return value + (basis_mark(s.basis) if marked else "") + (f" {rest}" if rest else "")


def _changed(changed: tuple[str, ...], mode: Mode) -> Text:
    if mode == "line":
        return Text("")
    return Text(f"   {', '.join(changed) or 'same in every view'}", "italic dim")


def _cell(comp: Comparison, s: CompareSubject, mode: Mode) -> RenderableType:
    assert s.option is not None and s.criterion is not None
    c = comp.cell(s.option, s.criterion)
    head = shown(f"{comp.option_names[c.option]} × {comp.criterion_names[c.criterion]}", "bold")
    marked = basis_marked(c)
    head.append("  " + " → ".join(cell_text(x, marked) for x in c.sides))
    head.append_text(_changed(c.changed, mode))
    if mode == "full":  # one block per view, the texts at full width
        blocks: list[RenderableType] = []
        for label, side in zip(comp.labels, c.sides, strict=True):
            said = f" ({basis_words(side.basis)})" if side.present else ""
            blocks += [Text(f"\n{safe(label)}: {cell_text(side, marked)}{said}", "bold"), _why(side, mode)]
        return Group(head, *blocks)
    grid = _grid(mode)
    for label, side in zip(comp.labels, c.sides, strict=True):
        grid.add_row(shown(label), Text(cell_text(side, marked)), _why(side, mode))
    return Group(head, grid)


def _why(side: CellSide, mode: Mode) -> Text:
    if not side.present:
        return Text("not in this view", "dim italic")
    text = shown(side.rationale or "(no rationale)", multiline=mode != "line")
    if side.source and mode != "line":
        text.append(f"\n{safe(source_text(side.source, 0 if mode == 'full' else 80))}", "dim italic")
    return text


def _weight(comp: Comparison, s: CompareSubject, mode: Mode) -> RenderableType:
    assert s.criterion is not None
    w = next(x for x in comp.weights if x.criterion == s.criterion)
    head = shown(f"Weight of {w.name}", "bold")
    head.append("  " + " → ".join(fmt.percent(x.share) for x in w.sides))
    head.append_text(_changed(w.changed, mode))
    grid = _grid(mode)
    for k, (label, side) in enumerate(zip(comp.labels, w.sides, strict=True)):
        share = fmt.percent(side.share) if side.present else "-"
        raw = "" if side.raw is None else f" (raw {fmt.scale(side.raw)})"
        said = side.elicitation if mode == "full" else _clip(side.elicitation, 160)
        how = shown(f"{side.method}: {said}".rstrip(": "))
        if comp.illustrative[k : k + 1] == (True,):
            how = Text.assemble(
                shown(side.method), " · ", (ILLUSTRATIVE, ILLUSTRATIVE_STYLE), shown(f": {said}".rstrip(": "))
            )
        grid.add_row(shown(label), Text(share + raw), how)
    return Group(head, grid)


def effect_text(value: float, scale: float, colour: str, width: int = 5) -> Text:
    """`-0.066 ▇▇▇`: the bar is |value| / scale of `width` cells."""
    text = Text(f"{fmt.signed(value)} ", "#70c878" if value > 0 else "#e06060" if value < 0 else "dim")
    return text.append_text(bar(abs(value) / scale if scale else 0.0, width, colour))


def _option(comp: Comparison, s: CompareSubject, mode: Mode) -> RenderableType:
    assert s.option is not None
    effects = comp.effects_of(s.option)
    head = shown(comp.option_names[s.option], "bold")
    if not effects:
        return Group(head, Text("Not in two consecutive views: no change to split.", "dim"))
    return Group(head, *(_option_pair(comp, e, mode) for e in effects))


def _option_pair(comp: Comparison, e: OptionEffect, mode: Mode) -> RenderableType:
    line = shown(f"{comp.labels[e.before]} → {comp.labels[e.after]}: ", "italic")
    line.append(f"{fmt.fixed(e.total_before)} → {fmt.fixed(e.total_after)} ({fmt.signed(e.change)}) = ")
    line.append(f"weight {fmt.signed(e.weight_effect)}", WEIGHT_COLOUR)
    line.append(" + ")
    line.append(f"score {fmt.signed(e.score_effect)}", SCORE_COLOUR)
    listed = e.criteria if mode == "full" else e.top(2 if mode == "line" else 5)
    scale = max((max(abs(c.weight_effect), abs(c.score_effect)) for c in listed), default=0.0)
    grid = Table.grid(padding=(0, 2))
    grid.add_row(
        Text("criterion", "dim"), Text("weight effect", WEIGHT_COLOUR), Text("score effect", SCORE_COLOUR)
    )
    for c in sorted(listed, key=lambda c: -abs(c.total)):
        grid.add_row(
            Text(_clip(comp.criterion_names[c.criterion], 28)),
            effect_text(c.weight_effect, scale, WEIGHT_COLOUR),
            effect_text(c.score_effect, scale, SCORE_COLOUR),
        )
    return Group(line, grid)


def describe(comp: Comparison, subject: CompareSubject | None, mode: Mode = "pane") -> RenderableType:
    """The detail of `subject` at the length of `mode`."""
    if subject is None:
        return Text("Move the cursor to a cell, a weight or an option.", "dim")
    show = {"cell": _cell, "weight": _weight, "option": _option}[subject.kind]
    return show(comp, subject, mode)


class CompareDetail(Static):
    """Shows `subject` (bound to the screen's) at the length `mode`; put it in
    a scrolling container for long rationales."""

    DEFAULT_CSS = """
    CompareDetail { width: 1fr; height: auto; }
    """

    subject: reactive[CompareSubject | None] = reactive(None)
    mode: reactive[Mode] = reactive("pane")

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(describe(comparison, None), id=id)
        self.comparison = comparison

    def watch_subject(self) -> None:
        self.update(describe(self.comparison, self.subject, self.mode))

    def watch_mode(self) -> None:
        self.watch_subject()
