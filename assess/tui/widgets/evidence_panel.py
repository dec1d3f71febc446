"""The evidence behind the cell under the cursor, in the order a reviewer
reads it: what the cell is and its score, the cited passage highlighted in
its context (first, so it shows without scrolling at any size), where it is
from, the rationale, the criterion's scale levels (the current one
highlighted) and the veto."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widgets import Static

from assess.model import FAMILIES, Criterion, Document, Score, SourceRef
from assess.render import fmt
from assess.render.explain import BASIS_WORDS, direction_words
from assess.tui.present import family_colour, safe, shown
from assess.tui.quotes import Quotes
from assess.tui.state import ViewState

Cursor = tuple[str, str | None]
"""(option id, criterion id or None on the option's name)."""
BASIS_STYLES: dict[str | None, str] = {
    "evidence": "bold #70c878",
    "judgement": "bold #d0a040",
    "carried": "bold #a0a0a0",
    "mixed": "bold #d0a040",
}
"""How the evidence panel says a score's basis: evidence green, judgement amber, carried grey."""
CONTEXT = 60
"""Characters of the document shown either side of a passage (less on narrow screens)."""


def levels_text(criterion: Criterion, cell: Score) -> Text:
    """`0 none · 1 marginal · [2 modest] ...`: the level of the score reversed,
    the levels inside the uncertainty range underlined."""
    scale, (low, high) = criterion.scale, cell.range
    direction = direction_words(criterion.direction)
    text = Text("Scale ", style="bold")
    text.append(
        f"{fmt.scale(scale.min)}..{fmt.scale(scale.max)} ({FAMILIES[criterion.family].label}, {direction})"
    )
    text.append(": " if scale.levels else "")
    for k, (level, label) in enumerate(sorted(scale.levels.items())):
        if k:
            text.append(" · ", style="dim")
        style = "reverse bold" if abs(level - cell.value) < 0.5 + 1e-9 else ""
        style += " underline" if low <= level <= high else " dim"
        text.append(f"{level} {safe(label)}", style=style.strip())
    return text


def source_text(
    source: SourceRef, documents: dict[str, Document], quotes: Quotes, context: int = CONTEXT
) -> RenderableType:
    """The passage highlighted with up to `context` characters either side,
    then on one line (cut to fit) the document and section it is from; a
    passage the loader did not find in its document is marked as such."""
    quote = quotes.passage(source.document, source.passage, context)
    if quote is None and quotes.is_not_found(source.document, source.passage):
        body = shown(f"“{source.passage}”", "italic")
        body.append(" (not found in the document: check the quote)", style="bold #e06060")
    elif quote is None:
        body = shown(f"“{source.passage}” (the document's text is not at hand)", "italic")
    else:
        body = quote
    doc = documents.get(source.document)
    head = Text("Source ", style="bold")
    if source.section:
        head.append(f"§ {safe(source.section)}, ")
    head.append(safe(f"{doc.title} ({doc.date})" if doc else source.document), style="italic")
    head.no_wrap, head.overflow = True, "ellipsis"
    trust = Text("Reliability ", style="bold")
    said = " ".join(doc.reliability.split()) if doc else ""
    trust.append(safe(said) if said else "not stated", style="dim" if said else "dim italic")
    trust.no_wrap, trust.overflow = True, "ellipsis"  # one line: the report has it whole
    return Group(Padding(body, (0, 0, 0, 2)), head, trust)


def cell_text(
    state: ViewState,
    option: str,
    criterion_id: str,
    quotes: Quotes,
    documents: dict[str, Document],
    context: int = CONTEXT,
) -> RenderableType:
    criterion = state.criterion(criterion_id)
    cell = state.cell(option, criterion_id)
    name = next(o.name for o in state.view.options if o.id == option)
    title = Text(f"{safe(name)} × ", style="bold")
    title.append(safe(criterion.name), style=f"bold {family_colour(criterion.family)}")
    if cell is None:
        return Group(title, Text("This criterion is switched off in this view.", style="italic"))
    parts: list[RenderableType] = [title.append_text(_score_line(state, option, criterion, cell))]
    if cell.source:
        parts.append(source_text(cell.source, documents, quotes, context))
    rationale = Text("Rationale ", style="bold")
    rationale.append(
        safe(cell.rationale.strip(), multiline=True) if cell.rationale else "(none given)",
        style="" if cell.rationale else "italic dim",
    )
    parts.append(rationale)
    parts.append(levels_text(criterion, cell))
    if criterion.veto:
        parts.append(Text(veto_text(criterion), style="#e06060"))
    return Group(*parts)


VETO_COMPARES = {
    "value": "a score",
    "high": "a range whose unfavourable end is",
    "any_assessor": "any assessor's score",
}


def veto_text(criterion: Criterion) -> str:
    """'Veto: any assessor's score above 4 excludes: reason' (what the veto compares, `applies_to`)."""
    veto = criterion.veto
    assert veto is not None
    side = "above" if criterion.direction == "cost" else "below"
    reason = f": {safe(veto.reason.strip())}" if veto.reason else ""
    return f"Veto: {VETO_COMPARES[veto.applies_to]} {side} {fmt.scale(veto.threshold)} excludes{reason}"


def _score_line(state: ViewState, option: str, criterion: Criterion, cell: Score) -> Text:
    """` · 4 (3–5) on 0..5 · weight 12.0% · adds 0.096`, after the cell's title."""
    low, high = cell.range
    text = Text(" · ")
    text.append(fmt.scale(cell.value), style="bold")
    if high > low:
        text.append(f" ({fmt.span(low, high)})")
    text.append(f" on {fmt.scale(criterion.scale.min)}..{fmt.scale(criterion.scale.max)}")
    if high <= low:
        text.append(" · no range given", style="dim")
    if criterion.id in state.view.criterion_index:
        j, i = state.view.criterion_index[criterion.id], state.view.option_index[option]
        contribution = state.result.contributions[i, j] if state.result.contributions is not None else 0
        text.append(
            f" · weight {fmt.percent(state.view.shares[j])} · adds {fmt.fixed(contribution)}", style="dim"
        )
    if state.scenario is not None:
        own = state.in_overlay(option, criterion.id)
        where = f"set in {state.scenario}" if own else f"from {state.case.baseline}"
        text.append(f" · {where}", style="italic")
    basis = state.basis(option, criterion.id)
    text.append(" · ")
    text.append(
        BASIS_WORDS[basis] if basis else "basis not stated", style=BASIS_STYLES.get(basis, "dim italic")
    )
    return text


def option_text(
    state: ViewState, option: str, quotes: Quotes, documents: dict[str, Document], context: int = CONTEXT
) -> RenderableType:
    found = next(o for o in state.view.options if o.id == option)
    parts: list[RenderableType] = [shown(found.name, "bold")]
    if found.source:
        parts.append(source_text(found.source, documents, quotes, context))
    parts.append(shown(found.description.strip() or "(no description)", multiline=True))
    return Group(*parts)


class EvidencePanel(VerticalScroll):
    """Follows the matrix's cursor."""

    state: var[ViewState | None] = var(None)
    cursor: var[Cursor | None] = var(None)

    def __init__(
        self, quotes: Quotes, documents: dict[str, Document], context: int = CONTEXT, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.quotes, self.documents, self.context = quotes, documents, context
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-body")

    def _key(self, state: ViewState, option: str, criterion: str | None) -> tuple[object, ...]:
        """What the text depends on: it is rebuilt only when this changes."""
        if criterion is None:
            return (option,)
        weight: tuple[float, float] | None = None
        if criterion in state.view.criterion_index and state.result.contributions is not None:
            i, j = state.view.option_index[option], state.view.criterion_index[criterion]
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
            body = option_text(self.state, option, self.quotes, self.documents, self.context)
        else:
            body = cell_text(self.state, option, criterion, self.quotes, self.documents, self.context)
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
