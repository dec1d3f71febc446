"""Problems found in a user's input, and the exception that carries them.

Every piece of bad input (a broken YAML file, a wrong value, an unknown id)
becomes one `Problem` naming file, line and column; a command collects all
problems of a file and exits with code 2. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, at a place in it."""

    file: str
    line: int
    """1-based line; 0 when the problem has no place (e.g. file missing)."""
    column: int
    """1-based column; 0 when unknown."""
    message: str
    path: str = ""
    """The YAML path of the value concerned, like `scores.pharma.security`."""
    severity: Severity = "error"
    """A warning is worth saying but stops nothing (exit code unchanged)."""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        at = f" (at {self.path})" if self.path else ""
        kind = "warning: " if self.severity == "warning" else ""
        return f"{where}: {kind}{self.message}{at}"


@dataclass
class InputError(Exception):
    """Raised with every problem found in one or more input files."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    """A ' (did you mean X?)' suffix for a mistyped id, or ''."""
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
