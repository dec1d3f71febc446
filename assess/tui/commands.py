"""The command palette (ctrl+p): every key's action by name (its tooltip: what
it does, in a few words), plus switching scenarios and switching each
criterion on or off; then Textual's own commands (theme, screenshot...),
without its second "Quit" and its key panel (help, f1, lists every key).
Names are `Text`: a criterion's or scenario's name is never markup."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from assess.tui.keys import key_display, key_groups, target_node
from assess.tui.present import safe

if TYPE_CHECKING:
    from assess.tui.state import ViewState

Command = tuple[str, str, Callable[[], object]]
"""(name, help, what to run)."""
TEXTUAL_LEFT_OUT = {"Quit", "Keys"}
"""Textual's commands that ours replace: quitting (ours asks first) and the key panel (help)."""


class AssessCommands(Provider):
    def _commands(self) -> list[Command]:
        app = self.app
        commands: list[Command] = []
        for group in key_groups(type(app)):
            node = target_node(app, self.screen, group.target)
            if node is None:
                continue
            for binding in group.bindings:
                run = partial(app.run_action, binding.action, node)
                keys = key_display(app, binding.key)
                name = binding.tooltip or binding.description
                commands.append((name, f"{group.title} · key {keys}", run))
        state = getattr(app, "state", None)
        if state is not None:
            commands += self._case_commands(state)
        return commands + self._textual_commands()

    def _case_commands(self, state: ViewState) -> list[Command]:
        app = self.app
        case = state.case
        commands: list[Command] = []
        for name in [case.baseline, *case.scenarios]:
            label = case.scenarios[name].name if name in case.scenarios else "the baseline"
            run = partial(app.run_action, f"scenario({name!r})")
            commands.append((f"Scenario: {name}", f"Show {safe(label)}", run))
        for criterion in state.listed:
            run = partial(app.run_action, f"toggle_criterion({criterion.id!r})")
            commands.append((f"Switch on/off: {safe(criterion.name)}", "Count the criterion or not", run))
        run = partial(app.run_action, "convert_weights")
        commands.append(
            ("Convert weights to points", "Rank-order or AHP weights become editable points", run)
        )
        return commands

    def _textual_commands(self) -> list[Command]:
        found = self.app.get_system_commands(self.screen)
        return [
            (c.title, c.help, c.callback) for c in found if c.title not in TEXTUAL_LEFT_OUT and c.discover
        ]

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(Text(name), run, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), run, help=escape(help_text))


def _highlight(matcher: Matcher, name: str) -> Content:
    """`name` with the letters the query matched highlighted (Textual's own
    `Matcher.highlight` reads the name as markup)."""
    content = Content(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for k in offsets:
        if not name[k].isspace():
            content = content.stylize(matcher.match_style, k, k + 1)
    return content
