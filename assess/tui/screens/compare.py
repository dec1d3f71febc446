"""The compare screen: two or more open cases (or the views of one case) side
by side.

Top: the rankings with rank moves and each option's change of total split
into a weight effect and a score effect. Middle: the options × criteria
matrix with the weights on top, where every weight and score that differs is
highlighted ("3→4"). Bottom: what the cursor is on, in every view: both
rationales and sources of a cell, the elicitation of a weight, the
criterion-by-criterion split of an option. Enter opens the full texts;
n / p jump to the next / previous difference; Escape or q closes the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from assess.core.compare.views import Comparison, compare_views, unique_labels
from assess.core.view import View, resolve, scenario_key, view_names
from assess.render.explain import BASIS_MARK_LEGEND, ILLUSTRATIVE
from assess.tui.present import shown
from assess.tui.quotes import Quotes
from assess.tui.screens.compare_rationale import RationaleModal
from assess.tui.widgets.compare_detail import CompareDetail, CompareSubject
from assess.tui.widgets.compare_matrix import (
    CHANGED_STYLE,
    PRESENCE_STYLE,
    TEXT_ONLY_STYLE,
    CompareMatrix,
)
from assess.tui.widgets.compare_ranks import CompareRanks
from assess.tui.widgets.elicitation_note import MARK as ILLUSTRATIVE_STYLE

if TYPE_CHECKING:
    from assess.files.casefile import LoadedCase

TALL = 32
"""Terminal rows from which the screen shows two-line headers and wrapped rationales."""


def _scenario_of(loaded: LoadedCase, scenario: str | None) -> tuple[str | None, str]:
    """The scenario id to show of a case, and its file name when it lacks `scenario`."""
    try:
        return scenario_key(loaded.case, scenario), ""
    except KeyError:
        return None, loaded.path.name


def pick_views(
    cases: list[LoadedCase], scenario: str | None
) -> tuple[list[tuple[str, View, LoadedCase]], list[str]]:
    """The labelled views to compare, and the files that lack `scenario`.

    Several cases: the same view of each (the baseline, or `scenario` where a
    case has it), labelled by file name. One case: all its views in order."""
    if len(cases) == 1:
        (lc,) = cases
        keys = [scenario_key(lc.case, n) for n in view_names(lc.case)]
        return [
            (n, resolve(lc.case, lc.catalogue_model, k), lc)
            for n, k in zip(view_names(lc.case), keys, strict=True)
        ], []
    picks = [_scenario_of(lc, scenario) for lc in cases]
    labels = unique_labels([lc.path.stem for lc in cases], [str(lc.path) for lc in cases])
    views = [
        (label, resolve(lc.case, lc.catalogue_model, key), lc)
        for label, lc, (key, _) in zip(labels, cases, picks, strict=True)
    ]
    return views, [note for _, note in picks if note]


class CompareScreen(Screen[None]):
    """Compare the open cases (the same view of each) or the views of one case."""

    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="compare.close", tooltip="Close the compare screen"),
        Binding("q", "close", "Close", show=False, id="compare.close_q", tooltip="Close the compare screen"),
        Binding("n", "jump(1)", "Next change", id="compare.next_change", tooltip="Go to the next difference"),
        Binding(
            "p",
            "jump(-1)",
            "Prev change",
            id="compare.previous_change",
            tooltip="Go to the previous difference",
        ),
    ]

    subject: reactive[CompareSubject | None] = reactive(None)

    def __init__(self, cases: list[LoadedCase], scenario: str | None = None) -> None:
        super().__init__()
        views, self.lacking = pick_views(cases, scenario)
        if len(views) < 2:
            raise ValueError("the compare screen needs two cases, or one case with scenarios")
        self.scenario = scenario
        self.comparison: Comparison = compare_views([(label, v) for label, v, _ in views])
        self.families = {c.id: c.family for _, v, _ in views for c in v.criteria}
        by_case: dict[int, Quotes] = {}
        self.quotes = [by_case.setdefault(id(lc), Quotes(lc.documents)) for _, _, lc in views]

    def _title(self) -> Text:
        comp = self.comparison
        which = f" · scenario {self.scenario}" if self.scenario else ""
        if self.lacking:
            which += f" (baseline of {', '.join(self.lacking)}: no such scenario)"
        counts = f" · {len(comp.weight_changes)} weights, {len(comp.score_changes)} cells differ"
        title = shown(f"Compare {' → '.join(comp.labels)}{which}{counts}")
        example = [label for label, yes in zip(comp.labels, comp.illustrative, strict=True) if yes]
        if example:
            whose = "" if len(example) == len(comp.labels) else f" ({', '.join(example)})"
            title.append(" · ").append(ILLUSTRATIVE, ILLUSTRATIVE_STYLE).append_text(shown(whose))
        return title

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-top"):
            yield Static(self._title(), id="compare-title")
            yield Static(self._legend(), id="compare-legend")
        yield CompareRanks(self.comparison, id="compare-ranks")
        matrix = CompareMatrix(self.comparison, self.families, id="compare-matrix")
        # the marks of the score matrix, shown where the views' bases differ
        matrix.border_title = (
            f"Weights (%) and scores · {BASIS_MARK_LEGEND} · n / p next / previous change · ⏎ full texts"
        )
        yield matrix
        with VerticalScroll(id="compare-detail-scroll", can_focus=False) as detail:
            detail.border_title = "At the cursor, in each view"
            yield CompareDetail(self.comparison, id="compare-detail").data_bind(CompareScreen.subject)
        wide = self.app.size.width >= 100  # narrower, a compact footer leaves room for every key
        yield Footer(compact=not wide, show_command_palette=wide)

    @staticmethod
    def _legend() -> Text:
        legend = Text()
        legend.append("3→4", CHANGED_STYLE).append(" score ")
        legend.append("3~", CHANGED_STYLE).append(" range ")
        legend.append("3•", TEXT_ONLY_STYLE).append(" text ")
        legend.append("–→3", PRESENCE_STYLE).append(" new")
        return legend

    def on_mount(self) -> None:
        self.query_one(CompareMatrix).focus()
        if self.lacking:
            self.notify(
                f"No scenario '{self.scenario}' in {', '.join(self.lacking)}: its baseline is shown.",
                severity="warning",
                markup=False,
            )

    def on_resize(self, event: events.Resize) -> None:
        """Short terminals: one-line matrix headers, one line per view below."""
        tall = event.size.height >= TALL
        self.set_class(tall, "-tall")
        self.query_one(CompareMatrix).set_header_lines(2 if tall else 1)
        self.query_one(CompareDetail).mode = "pane" if tall else "line"

    @on(CompareMatrix.Shown)
    @on(CompareRanks.Shown)
    def _show(self, event: CompareMatrix.Shown | CompareRanks.Shown) -> None:
        self.subject = event.subject

    @on(CompareMatrix.Opened)
    @on(CompareRanks.Opened)
    def _open(self, event: CompareMatrix.Opened | CompareRanks.Opened) -> None:
        self.subject = event.subject
        self.app.push_screen(RationaleModal(self.comparison, event.subject, list(self.quotes)))

    def action_jump(self, step: int) -> None:
        matrix = self.query_one(CompareMatrix)
        matrix.focus()
        matrix.jump(step)

    def action_close(self) -> None:
        self.dismiss(None)
