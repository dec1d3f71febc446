"""The pane under the team heatmap: one cell as every assessor scored it.

A heading (option × criterion), the team's value, the spread and who stands
furthest from the others, then each assessor's value and rationale. Three
lengths (`Mode`): "rows" (one row per assessor, for narrow terminals),
"columns" (the assessors side by side, sources clipped) and "full" (the
full-text modal: every text and source at full width).
"""

from __future__ import annotations

from typing import Literal

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from assess.core.disagreement import CellDisagreement, Disagreement, Opinion
from assess.render import fmt
from assess.render.text.compare import source_text
from assess.tui.present import clip, safe, shown

Mode = Literal["rows", "columns", "full"]
TeamSubject = tuple[str, str]
"""(option id, criterion id)."""

FURTHEST_STYLE = "bold #ffd75f"


def who(report: Disagreement) -> str:
    """The assessors, each with their stated role: "Anna (science-ministry analyst), Boris"."""
    people = report.case.assessors
    return ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in people.values())


def value_text(o: Opinion) -> str:
    """`4.5 (4–5)`, or `4.5` when the range is the value."""
    return fmt.score_range(o.value, o.low, o.high)


def heading(report: Disagreement, cell: CellDisagreement) -> Text:
    option = next(o.name for o in report.options if o.id == cell.option)
    criterion = next(c.name for c in report.criteria if c.id == cell.criterion)
    return shown(f"{option} × {criterion}", "bold")


def stats(report: Disagreement, cell: CellDisagreement) -> Text:
    """`team 3.5 (mean of 3) · spread 2.5 · sd 1.08 · furthest: boris, 2.25 from the others`."""
    text = Text(f"team {fmt.scale(cell.team)} ({report.aggregate} of {len(cell.opinions)})")
    if cell.agreed is not None:
        text.append(f" · agreed {fmt.scale(cell.agreed)} (the team uses it)", "italic")
    text.append(f" · spread {fmt.scale(cell.spread)} · sd {fmt.scale(cell.std)} · ")
    if len(cell.opinions) < 2:
        text.append(f"only {safe(cell.opinions[0].name)} scored it", "dim")
    elif cell.furthest is None:
        text.append("nobody stands out" if cell.spread else "all agree", "dim")
    else:
        aid, distance = cell.furthest
        text.append("furthest: ")
        text.append(safe(report.assessors[aid]), FURTHEST_STYLE)
        text.append(f", {fmt.scale(distance)} from the others")
    return text


def _why(o: Opinion | None, mode: Mode) -> Text:
    """The rationale; below it the source in full ("full"), or the passage
    clipped ("columns"), or nothing ("rows")."""
    if o is None:
        return Text("did not score this cell", "dim italic")
    text = shown(o.rationale or "(no rationale)", multiline=True)
    if o.source is not None and mode == "full":
        text.append(f"\n{safe(source_text(o.source), multiline=True)}", "dim italic")
    elif o.source is not None and mode == "columns":
        text.append(f"\n“{clip(o.source.passage, 70)}”", "dim italic")
    return text


def _name(report: Disagreement, cell: CellDisagreement, aid: str, after: str = "") -> Text:
    """The assessor's name (highlighted when furthest out) and `after` in its style."""
    furthest = cell.furthest is not None and cell.furthest[0] == aid
    return shown(report.assessors[aid] + after, FURTHEST_STYLE if furthest else "bold")


def _role(report: Disagreement, aid: str, before: str) -> Text:
    """The assessor's stated role, dim, after `before` ('' when none is stated)."""
    role = report.case.assessors[aid].role
    return shown(before + role, "dim") if role else Text("")


def _columns(report: Disagreement, cell: CellDisagreement) -> Table:
    table = Table(expand=True, show_edge=False, box=None, padding=(0, 1), pad_edge=False)
    for aid in report.assessors:
        o = cell.opinion(aid)
        head = _name(report, cell, aid, "  ").append(value_text(o) if o else "–", "bold")
        table.add_column(head, ratio=1, overflow="fold")
    table.add_row(
        *(
            Text.assemble(_role(report, aid, ""), "\n", _why(cell.opinion(aid), "columns"))
            for aid in report.assessors
        )
    )
    return table


def _rows(report: Disagreement, cell: CellDisagreement) -> Group:
    """One block per assessor: name and value, the rationale indented below."""
    blocks: list[RenderableType] = []
    for aid in report.assessors:
        o = cell.opinion(aid)
        head = _name(report, cell, aid, "  ").append(value_text(o) if o else "–", "bold")
        head.append_text(_role(report, aid, "  "))
        blocks += [head, Padding(_why(o, "rows"), (0, 0, 0, 2))]
    return Group(*blocks)


def _full(report: Disagreement, cell: CellDisagreement) -> list[RenderableType]:
    blocks: list[RenderableType] = []
    for aid in report.assessors:
        o = cell.opinion(aid)
        head = Text("\n").append_text(_name(report, cell, aid))
        head.append(f": {value_text(o)}" if o else ": –", "bold").append_text(_role(report, aid, "  "))
        blocks += [head, _why(o, "full")]
    return blocks


def describe(report: Disagreement, subject: TeamSubject | None, mode: Mode = "columns") -> RenderableType:
    """The cell `subject` at the length of `mode`."""
    cell = report.cell(*subject) if subject is not None else None
    if cell is None:
        return Text("Move the cursor to a cell.", "dim")
    head = [heading(report, cell), stats(report, cell)]
    if mode == "full":
        return Group(*head, *_full(report, cell))
    body: RenderableType = _columns(report, cell) if mode == "columns" else _rows(report, cell)
    return Group(*head, Text(""), body)


class TeamDetail(Static):
    """Shows `subject` (bound to the screen's) at the length `mode`; put it in
    a scrolling container for long rationales."""

    DEFAULT_CSS = """
    TeamDetail { width: 1fr; height: auto; }
    """

    subject: reactive[TeamSubject | None] = reactive(None)
    mode: reactive[Mode] = reactive("columns")

    def __init__(self, report: Disagreement, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(describe(report, None), id=id)
        self.report = report

    def watch_subject(self) -> None:
        self.update(describe(self.report, self.subject, self.mode))

    def watch_mode(self) -> None:
        self.watch_subject()
