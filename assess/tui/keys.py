"""Every key of the UI in one list, for the help screen and the command palette.

Built from the `BINDINGS` of the App, the main screen and its editing
widgets, so a new binding shows up in help and the palette by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class KeyGroup:
    title: str
    target: str
    """Where the actions run: "app", "screen", a screen's class name (only
    while that screen is shown) or a selector on the screen shown."""
    bindings: tuple[Binding, ...]


def _bindings(*owners: type[DOMNode]) -> tuple[Binding, ...]:
    return tuple(b for owner in owners for b in owner.BINDINGS if isinstance(b, Binding))


def key_groups(app_class: type[App]) -> list[KeyGroup]:
    from assess.tui.screens.compare import CompareScreen
    from assess.tui.screens.compare_rationale import RationaleModal
    from assess.tui.screens.elicit import ElicitScreen
    from assess.tui.screens.main import MainScreen
    from assess.tui.screens.portfolio import PortfolioScreen
    from assess.tui.screens.rationale_editor import RationaleEditor
    from assess.tui.screens.robustness import RobustnessScreen
    from assess.tui.screens.team import TeamScreen
    from assess.tui.screens.team_texts import TeamTextsModal
    from assess.tui.widgets.compare_matrix import CompareMatrix
    from assess.tui.widgets.compare_ranks import CompareRanks
    from assess.tui.widgets.elicit_ahp import AhpList
    from assess.tui.widgets.elicit_statements import StatementList
    from assess.tui.widgets.elicit_swing import SwingList
    from assess.tui.widgets.elicit_tradeoff import TradeoffPane
    from assess.tui.widgets.score_matrix import ScoreMatrix
    from assess.tui.widgets.team_heatmap import TeamHeatmap
    from assess.tui.widgets.weights_table import WeightsTable

    return [
        KeyGroup("Everywhere", "app", _bindings(app_class)),
        KeyGroup("Main screen", "screen", _bindings(MainScreen)),
        KeyGroup("Score matrix (Scores tab)", "#matrix", _bindings(ScoreMatrix)),
        KeyGroup("Weights table (Weights tab)", "#weights", _bindings(WeightsTable)),
        KeyGroup("Compare screen (c)", "CompareScreen", _bindings(CompareScreen)),
        KeyGroup("Compare: matrix", "#compare-matrix", _bindings(CompareMatrix)),
        KeyGroup("Compare: rankings", "#compare-ranks", _bindings(CompareRanks)),
        KeyGroup("Compare: full texts (enter)", "RationaleModal", _bindings(RationaleModal)),
        KeyGroup("Robustness screen (a)", "RobustnessScreen", _bindings(RobustnessScreen)),
        KeyGroup("Team screen (t)", "TeamScreen", _bindings(TeamScreen)),
        KeyGroup("Portfolio screen (p)", "PortfolioScreen", _bindings(PortfolioScreen)),
        KeyGroup("Weights screen (w)", "ElicitScreen", _bindings(ElicitScreen)),
        KeyGroup("Weights: statements", "#statement-list", _bindings(StatementList)),
        KeyGroup("Weights: swings", "#swing-list", _bindings(SwingList)),
        KeyGroup("Weights: AHP pairs", "#ahp-list", _bindings(AhpList)),
        KeyGroup("Weights: trade-off questions", "#tradeoff", _bindings(TradeoffPane)),
        KeyGroup("Disagreement heatmap", "TeamHeatmap", _bindings(TeamHeatmap)),
        KeyGroup("Team: full texts (enter)", "TeamTextsModal", _bindings(TeamTextsModal)),
        KeyGroup("Rationale editor (r)", "RationaleEditor", _bindings(RationaleEditor)),
    ]


EXTRA_KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Everywhere", [("ctrl+p", "Command palette: every action by name")]),
    (
        "Moving around",
        [
            ("up,down,left,right", "Move in a table (the evidence follows the score matrix)"),
            ("pageup,pagedown,home,end", "Page up, down, to the top, to the bottom"),
            ("tab,shift+tab", "Next / previous pane"),
        ],
    ),
    ("In dialogs", [("enter", "Set the value typed, or press the button"), ("escape", "Cancel")]),
]
"""Keys that are not bindings of ours (Textual's own, and the dialogs'), for help."""


def key_display(app: App, keys: str) -> str:
    """'+ / =' for several keys ("plus,equals_sign"), in the App's key notation."""
    return " / ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))


def help_rows(app: App) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys, what they do)]) for every key."""
    extra = dict(EXTRA_KEYS)
    sections = []
    for group in key_groups(type(app)):
        rows = [(key_display(app, b.key), b.tooltip or b.description) for b in group.bindings]
        rows += [(key_display(app, k), what) for k, what in extra.pop(group.title, [])]
        sections.append((group.title, rows))
    rest = [(title, [(key_display(app, k), what) for k, what in rows]) for title, rows in extra.items()]
    return sections + rest


def target_node(app: App, screen: Screen, target: str) -> DOMNode | None:
    """The node a key group's actions run on, or None if it is not on `screen`."""
    if target == "app":
        return app
    if target == "screen" or target == type(screen).__name__:
        return screen
    found = screen.query(target)
    return found.first() if found else None
