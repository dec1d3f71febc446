"""The trade-off mode of the weights screen: questions two criteria at a time.

The next question comes from `assess.kernels.preferences.tradeoff` (the least
settled ratio of two weights under the statements so far, split at its
geometric midpoint), phrased in the criteria's own swings; m (more), l (less)
and e (about the same) answer it, each answer a ratio statement with its
step; the planner can stop at any time (x) and the answers so far bound the
weights. With every ratio settled there is no question left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from assess.core import edit_elicit as E
from assess.core.elicit_live import polytope
from assess.core.elicit_text import tradeoff_question
from assess.kernels.preferences import Question, answer, next_question
from assess.model.record import TradeoffStep
from assess.tui.present import shown

if TYPE_CHECKING:
    from assess.tui.screens.elicit import ElicitScreen

ANSWERS = {"more": "more", "less": "less", "same": "equal"}
"""The kernel's reply -> the record's answer."""


class TradeoffPane(Vertical, can_focus=True):
    """The question asked (`question`, on the view's criterion indices) and the answers so far."""

    BINDINGS = [
        Binding("m", "reply('more')", "More", id="tradeoff.more", tooltip="Worth more than that"),
        Binding("l", "reply('less')", "Less", id="tradeoff.less", tooltip="Worth less than that"),
        Binding("e", "reply('same')", "About same", id="tradeoff.same", tooltip="Worth about the same"),
        Binding(
            "x", "stop", "Stop", id="tradeoff.stop", tooltip="Stop: the answers so far bound the weights"
        ),
    ]

    DEFAULT_CSS = """
    TradeoffPane { padding: 0 1; }
    TradeoffPane #tradeoff-question { height: auto; text-style: bold; margin: 1 0; }
    TradeoffPane #tradeoff-so-far { height: auto; color: $text-muted; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="tradeoff-question")
        yield Static("m more · l less · e about the same · x stop", id="tradeoff-keys")
        yield Static(id="tradeoff-so-far")

    def show(self, screen: ElicitScreen) -> None:
        ids = screen.state.view.criterion_ids
        self.question = next_question(polytope(ids, screen.weights.statements))
        q = self.question
        if q is None:
            text = "Every ratio of two weights is settled: no question left."
        else:
            names = [screen.state.criterion(ids[k]).name for k in (q.i, q.j)]
            text = tradeoff_question(names[0], names[1], q.ratio)
        self.query_one("#tradeoff-question", Static).update(shown(text, multiline=True))
        self.query_one("#tradeoff-so-far", Static).update(shown(so_far(screen), multiline=True))

    def action_reply(self, reply: str) -> None:
        screen: ElicitScreen = self.screen  # type: ignore[assignment]
        q = self.question
        if q is None:
            self.app.notify("No question left: every ratio is settled.")
            return
        ids = screen.state.view.criterion_ids
        made = answer(q, reply)  # type: ignore[arg-type]
        asked = (ids[q.i], ids[q.j], round(q.ratio, 3))
        bounds = (_rounded(made.lo), _rounded(made.hi))
        screen.answer(
            lambda c, s, said, cat: E.tradeoff(c, s, asked, ANSWERS[reply], bounds, said, catalogue=cat)
        )

    def action_stop(self) -> None:
        screen: ElicitScreen = self.screen  # type: ignore[assignment]
        asked = answered(screen)
        self.app.notify(f"Stopped after {asked} answers; the answers so far bound the weights.")


def answered(screen: ElicitScreen) -> int:
    """How many trade-off questions the view's record has answered."""
    return sum(1 for s in screen.weights.record if isinstance(s, TradeoffStep))


def so_far(screen: ElicitScreen, last: int = 8) -> str:
    """The answers so far, the latest `last` of them in words."""
    steps = [s for s in screen.weights.record if isinstance(s, TradeoffStep)]
    lines = [f"{len(steps)} questions answered so far; each answer is a ratio statement."]
    said = {"more": "more than", "less": "less than", "equal": "about"}
    for k, s in list(enumerate(steps, 1))[-last:]:
        a, b = screen.state.criterion(s.criterion).name, screen.state.criterion(s.to).name
        lines.append(f"{k}. {a}: {said[s.answer]} {s.ratio:g} x {b}")
    return "\n".join(lines)


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, 3)
