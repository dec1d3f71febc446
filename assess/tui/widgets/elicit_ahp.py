"""The AHP mode of the weights screen: one pair at a time on Saaty's 1..9 scale.

Every pair of the view's criteria is a row (the latest judgement of each,
from the record or the AHP inputs); left / right move the judgement under
the cursor along 9 … 1 … 9 (towards the criterion that matters more), enter
records it and goes to the next pair not yet judged. The consistency ratio
shows from the first pair that closes a loop: while pairs are missing it is
that of the judgements so far (`assess.kernels.weighting.ahp_partial`:
Harker's method, the random index of the pairs judged), and once every pair
is judged the weights are AHP's and it is Saaty's. Either way the most
inconsistent judgement is marked, with what the other judgements imply for
it (`assess.kernels.weighting.ahp`: Saaty 2003, Harker 1987).
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from assess.core import edit_elicit as E
from assess.kernels.weighting import WeightingError, ahp_weights
from assess.kernels.weighting.ahp import InconsistentJudgement
from assess.kernels.weighting.ahp_partial import partial_consistency
from assess.tui.present import shorten, shown
from assess.tui.widgets.elicit_list import ElicitList

if TYPE_CHECKING:
    from assess.tui.screens.elicit import ElicitScreen

STEPS = (9, 8, 7, 6, 5, 4, 3, 2)
SCALE = tuple(1 / k for k in STEPS) + tuple(float(k) for k in range(1, 10))
"""Saaty's scale, 1/9 .. 1 .. 9: "a is r times as important as b"."""


def ratio_text(r: float) -> str:
    """3, 1, 1/5."""
    return f"{round(r):d}" if r >= 1 else f"1/{round(1 / r):d}"


def nearest(r: float) -> int:
    """The position on `SCALE` nearest to r."""
    return min(range(len(SCALE)), key=lambda k: abs(SCALE[k] - r) / SCALE[k])


class AhpList(ElicitList):
    BINDINGS = [
        Binding("left", "slide(1)", "← more", id="ahp.left", tooltip="The left criterion matters more"),
        Binding("right", "slide(-1)", "→ more", id="ahp.right", tooltip="The right criterion matters more"),
        Binding("enter", "record", "Record", id="ahp.record", tooltip="Record the judgement of this pair"),
    ]

    def action_slide(self, by: int) -> None:
        pane = self.parent
        assert isinstance(pane, AhpPane)
        pane.slide(by)

    def action_record(self) -> None:
        pane = self.parent
        assert isinstance(pane, AhpPane)
        pane.record()


class AhpPane(Vertical):
    """`pending`: the position on `SCALE` of the judgement being made, per pair."""

    DEFAULT_CSS = """
    AhpPane #ahp-scale { height: auto; padding: 0 1; }
    AhpPane #ahp-consistency { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pairs: list[tuple[str, str]] = []
        self.pending: dict[tuple[str, str], int] = {}
        self.worst: InconsistentJudgement | None = None

    def compose(self) -> ComposeResult:
        yield AhpList(id="ahp-list")
        yield Static(id="ahp-scale")
        yield Static(id="ahp-consistency")

    def _given(self, screen: ElicitScreen) -> dict[tuple[str, str], float]:
        """Each pair's latest ratio, as a / b in the pair's order."""
        pairs, out = set(self.pairs), {}
        for j in E.judgements(screen.weights).values():
            if (j.a, j.b) in pairs:
                out[(j.a, j.b)] = j.ratio
            elif (j.b, j.a) in pairs:
                out[(j.b, j.a)] = 1 / j.ratio
        return out

    def show(self, screen: ElicitScreen) -> None:
        ids = screen.state.view.criterion_ids
        self.pairs = list(combinations(ids, 2))
        given = self._given(screen)
        width = min(30, max(10, (self.app.size.width - 24) // 2))
        self.worst = self._consistency(screen, given)
        rows = []
        for a, b in self.pairs:
            r = given.get((a, b))
            shown_r = ratio_text(r) if r is not None else "·"
            mark = " ! " if self.worst and {self.worst.a, self.worst.b} == {a, b} else "   "
            na, nb = (shorten(screen.state.criterion(x).name, width) for x in (a, b))
            rows.append(shown(f"{na:<{width}} : {nb:<{width}} {shown_r:>4}{mark}"))
        done = sum(1 for p in self.pairs if p in given)
        header = Text(f"Pairs · {done} of {len(self.pairs)} judged · ←/→ then enter", style="bold")
        self.query_one(AhpList).show_rows(rows, header)
        self.show_scale(screen)

    def _consistency(
        self, screen: ElicitScreen, given: dict[tuple[str, str], float]
    ) -> InconsistentJudgement | None:
        line = self.query_one("#ahp-consistency", Static)
        data = [{"a": a, "b": b, "ratio": r} for (a, b), r in given.items()]
        ids = list(screen.state.view.criterion_ids)
        if len(given) < len(self.pairs):
            return self._so_far(screen, line, data, ids)
        try:
            result = ahp_weights(data, ids)
        except WeightingError as err:
            line.update(shown(str(err)))
            return None
        worst = result.inconsistent[0] if result.inconsistent else None
        line.update(shown(self._verdict(screen, "CR", result.cr, result.threshold, worst)))
        return worst

    def _so_far(
        self, screen: ElicitScreen, line: Static, data: list[dict[str, object]], ids: list[str]
    ) -> InconsistentJudgement | None:
        """The consistency of the pairs judged so far, or what it waits for."""
        to_go = len(self.pairs) - len(data)
        try:
            got = partial_consistency(data, ids)
        except WeightingError as err:
            line.update(shown(str(err)))
            return None
        if got.apart:
            names = [screen.state.criterion(c).name for c in got.apart[0]]
            line.update(
                shown(
                    f"CR once the pairs judged link every criterion ({to_go} to go; "
                    f"none yet links {shorten(', '.join(names), 40)} to the others)."
                )
            )
            return None
        if not got.defined:
            line.update(f"CR once a pair closes a loop ({to_go} to go).")
            return None
        label = f"CR so far ({got.judged} of {got.pairs} pairs)"
        line.update(shown(self._verdict(screen, label, got.cr, got.threshold, got.worst)))
        return got.worst

    @staticmethod
    def _verdict(
        screen: ElicitScreen, label: str, cr: float, threshold: float, worst: InconsistentJudgement | None
    ) -> str:
        verdict = "consistent enough" if cr <= threshold else "inconsistent"
        text = f"{label} = {cr:.3f} ({verdict}; Saaty's line {threshold:g})"
        if worst is not None:
            na, nb = screen.state.criterion(worst.a).name, screen.state.criterion(worst.b).name
            text += f". Most out of line: {na} : {nb}; "
            if worst.suggestion == worst.suggestion:  # not nan: the others link a and b
                text += f"the others imply {ratio_text(worst.suggestion)}, "
            text += f"you said {ratio_text(worst.given)}"
        return text

    def _pair(self) -> tuple[str, str] | None:
        cursor = self.query_one(AhpList).cursor
        return self.pairs[cursor] if self.pairs else None

    def show_scale(self, screen: ElicitScreen) -> None:
        pair = self._pair()
        if pair is None:
            return
        given = self._given(screen)
        at = self.pending.get(pair, nearest(given.get(pair, 1.0)))
        a, b = (screen.state.criterion(x).name for x in pair)
        line = shown(f"{shorten(a, 16)} ")
        for k in reversed(range(len(SCALE))):  # a's end (9) on the left, as a is
            mark = ratio_text(SCALE[k]).removeprefix("1/")
            line.append(f"{mark:>2}", style="reverse bold" if k == at else "")
        r = SCALE[at]
        if r == 1:
            said = f"{a} and {b} equally important"
        elif r > 1:
            said = f"{a} {ratio_text(r)} times as important as {b}"
        else:
            said = f"{b} {ratio_text(1 / r)} times as important as {a}"
        line += shown(f"  {shorten(b, 16)}\n{said}", multiline=True)
        self.query_one("#ahp-scale", Static).update(line)

    def slide(self, by: int) -> None:
        screen: ElicitScreen = self.screen  # type: ignore[assignment]
        pair = self._pair()
        if pair is None:
            return
        at = self.pending.get(pair, nearest(self._given(screen).get(pair, 1.0)))
        self.pending[pair] = max(0, min(len(SCALE) - 1, at + by))
        self.show_scale(screen)

    def record(self) -> None:
        screen: ElicitScreen = self.screen  # type: ignore[assignment]
        pair = self._pair()
        if pair is None:
            return
        r = SCALE[self.pending.get(pair, nearest(self._given(screen).get(pair, 1.0)))]
        a, b = pair
        if screen.answer(lambda c, s, said, cat: E.pairwise(c, s, a, b, r, said, catalogue=cat)):
            self.pending.pop(pair, None)
            given = self._given(screen)
            lst = self.query_one(AhpList)
            later = [k for k, p in enumerate(self.pairs) if p not in given and k > lst.cursor]
            lst.cursor = later[0] if later else min(lst.cursor + 1, len(self.pairs) - 1)
