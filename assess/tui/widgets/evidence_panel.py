"""The evidence behind the cell under the cursor: its rationale, its source
passage quoted from the document, the criterion's scale levels (the current
one highlighted) and the cell's uncertainty range."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widgets import Static

from assess.model import FAMILY_LABELS, Criterion, Document, Score, SourceRef
from assess.tui.present import FAMILY_COLOUR, num
from assess.tui.quotes import Quotes
from assess.tui.state import ViewState

Cursor = tuple[str, str | None]
"""(option id, criterion id or None on the option's name)."""


def levels_text(criterion: Criterion, cell: Score) -> Text:
    """`0 none · 1 marginal · [2 modest] ...`: the level of the score reversed,
    the levels inside the uncertainty range underlined."""
    scale, (low, high) = criterion.scale, cell.range
    text = Text("Scale ", style="bold")
    text.append(f"{num(scale.min)}..{num(scale.max)}" + (": " if scale.levels else ""))
    for k, (level, label) in enumerate(sorted(scale.levels.items())):
        if k:
            text.append(" · ", style="dim")
        style = "reverse bold" if abs(level - cell.value) < 0.5 + 1e-9 else ""
        style += " underline" if low <= level <= high else " dim"
        text.append(f"{level} {label}", style=style.strip())
    return text


def source_text(source: SourceRef, documents: dict[str, Document], quotes: Quotes) -> RenderableType:
    doc = documents.get(source.document)
    head = Text("Source ", style="bold")
    head.append(f"{doc.title} ({doc.date})" if doc else source.document, style="italic")
    if source.section:
        head.append(f", § {source.section}")
    quote = quotes.quote(source.document, source.passage)
    if quote is None and quotes.is_not_found(source.document, source.passage):
        body = Text(f"“{source.passage}”", style="italic")
        body.append(" (not found in the document: check the quote)", style="bold #e06060")
    elif quote is None:
        body = Text(f"“{source.passage}” (the document's text is not at hand)", style="italic")
    else:
        body = quote
    return Group(head, _indent(body))


def _indent(text: Text, prefix: str = "│ ") -> Text:
    out = Text()
    for k, line in enumerate(text.split("\n")):
        out.append(("\n" if k else "") + prefix, style="dim")
        out.append_text(line)
    return out


def cell_text(
    state: ViewState, option: str, criterion_id: str, quotes: Quotes, documents: dict[str, Document]
) -> RenderableType:
    criterion = state.criterion(criterion_id)
    cell = state.cell(option, criterion_id)
    name = next(o.name for o in state.view.options if o.id == option)
    title = Text(f"{name} × ", style="bold")
    title.append(criterion.name, style=f"bold {FAMILY_COLOUR[criterion.family]}")
    direction = "higher is better" if criterion.direction == "benefit" else "higher is worse"
    title.append(f" · {FAMILY_LABELS[criterion.family]}, {direction}", style="dim")
    if cell is None:
        return Group(title, Text("This criterion is switched off in this view.", style="italic"))
    parts: list[RenderableType] = [title, _score_line(state, option, criterion, cell)]
    parts.append(levels_text(criterion, cell))
    if criterion.veto:
        side = "above" if criterion.direction == "cost" else "below"
        reason = f": {criterion.veto.reason.strip()}" if criterion.veto.reason else ""
        parts.append(
            Text(f"Veto: a score {side} {num(criterion.veto.threshold)} excludes{reason}", style="#e06060")
        )
    rationale = Text("Rationale ", style="bold")
    rationale.append(
        cell.rationale.strip() if cell.rationale else "(none given)",
        style="" if cell.rationale else "italic dim",
    )
    parts.append(rationale)
    if cell.source:
        parts.append(source_text(cell.source, documents, quotes))
    return Group(*parts)


def _score_line(state: ViewState, option: str, criterion: Criterion, cell: Score) -> Text:
    low, high = cell.range
    text = Text("Score ", style="bold")
    text.append(num(cell.value), style="bold")
    text.append(f" on {num(criterion.scale.min)}..{num(criterion.scale.max)}")
    text.append(
        f" · range {num(low)}..{num(high)}" if high > low else " · no range given",
        style="" if high > low else "dim",
    )
    ids = [c.id for c in state.view.criteria]
    if criterion.id in ids:
        j, i = ids.index(criterion.id), [o.id for o in state.view.options].index(option)
        contribution = state.result.contributions[i, j] if state.result.contributions is not None else 0
        text.append(f" · weight {100 * state.view.shares[j]:.1f}% · adds {contribution:.3f}", style="dim")
    if state.scenario is not None:
        own = state.in_overlay(option, criterion.id)
        text.append(
            f" · {'set in ' + state.scenario if own else 'from ' + state.case.baseline}", style="italic"
        )
    return text


def option_text(
    state: ViewState, option: str, quotes: Quotes, documents: dict[str, Document]
) -> RenderableType:
    found = next(o for o in state.view.options if o.id == option)
    parts: list[RenderableType] = [Text(found.name, style="bold")]
    parts.append(Text(found.description.strip() or "(no description)"))
    if found.source:
        parts.append(source_text(found.source, documents, quotes))
    return Group(*parts)


class EvidencePanel(VerticalScroll):
    """Follows the matrix's cursor."""

    state: var[ViewState | None] = var(None)
    cursor: var[Cursor | None] = var(None)

    def __init__(self, quotes: Quotes, documents: dict[str, Document], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.quotes, self.documents = quotes, documents
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-body")

    def _key(self, state: ViewState, option: str, criterion: str | None) -> tuple[object, ...]:
        """What the text depends on: it is rebuilt only when this changes."""
        if criterion is None:
            return (option,)
        ids = [c.id for c in state.view.criteria]
        weight: tuple[float, float] | None = None
        if criterion in ids and state.result.contributions is not None:
            i, j = [o.id for o in state.view.options].index(option), ids.index(criterion)
            weight = (float(state.view.shares[j]), float(state.result.contributions[i, j]))
        return (
            option,
            criterion,
            state.cell(option, criterion),
            state.criterion(criterion),
            weight,
            state.scenario,
            state.in_overlay(option, criterion),
        )

    def _show(self) -> None:
        if not self.is_mounted or self.state is None or self.cursor is None:
            return
        option, criterion = self.cursor
        key = self._key(self.state, option, criterion)
        if key == self._shown:
            return
        first, self._shown = self._shown is None, key
        if criterion is None:
            body = option_text(self.state, option, self.quotes, self.documents)
        else:
            body = cell_text(self.state, option, criterion, self.quotes, self.documents)
        static = self.query_one("#evidence-body", Static)
        static.update(body)
        if first:  # the first text lands during the screen's first layout: measure it again
            self.call_after_refresh(static.refresh, layout=True)

    def watch_state(self) -> None:
        self._show()

    def watch_cursor(self) -> None:
        self._show()
        self.scroll_home(animate=False)

    def on_mount(self) -> None:
        self._show()
