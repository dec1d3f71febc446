"""The command palette (ctrl+p): every key's action by name, plus switching
scenarios and switching each criterion on or off."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assess.tui.keys import key_display, key_groups, target_node

Command = tuple[str, str, Callable[[], object]]
"""(name, help, what to run)."""


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
        if state is None:
            return commands
        for name in [state.case.baseline, *state.case.scenarios]:
            run = partial(app.run_action, f"scenario({name!r})")
            commands.append((f"Scenario: {name}", "Show this view of the case", run))
        for criterion in state.listed:
            run = partial(app.run_action, f"toggle_criterion({criterion.id!r})")
            commands.append((f"Switch on/off: {criterion.name}", f"criterion {criterion.id}", run))
        run = partial(app.run_action, "convert_weights")
        commands.append(
            (
                "Convert weights to direct points",
                "Turn rank-order or AHP weights of this view into editable points",
                run,
            )
        )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
