"""What several commands share: loading a case and choosing its view."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # imported where used: a command's --help loads neither pydantic nor NumPy
    from assess.core.view import View
    from assess.files.casefile import LoadedCase

FORMATS = ("table", "json", "csv", "markdown")
"""Every format a command prints in: `table` (the default, fitted to the
terminal), `json`, `csv` (`score` only: one row per option), `markdown`."""
DEFAULT_FORMAT = "table"


def add_format_argument(parser: argparse.ArgumentParser, *, csv: bool = False) -> None:
    """`--format`/`-f`: the formats of `FORMATS` (csv only where `csv`)."""
    choices = [f for f in FORMATS if csv or f != "csv"]
    parser.add_argument("--format", "-f", choices=choices, default=DEFAULT_FORMAT)


def add_case_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE", help="case file (YAML)")


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scenario", "-s", metavar="NAME", help="a scenario of the case (default: the baseline)"
    )


def add_assessor_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--assessor", "-a", metavar="NAME", help="one assessor's view instead of the team's")


def warn(loaded: list[LoadedCase]) -> None:
    """Print the cases' warnings on stderr, each once (a catalogue's are every
    case's); they change no exit code."""
    for warning in dict.fromkeys(w for lc in loaded for w in lc.warnings):
        print(warning, file=sys.stderr)


def load_view(path: str, scenario: str | None, assessor: str | None = None) -> tuple[LoadedCase, View]:
    """Load a case (printing its warnings) and resolve the named view (and
    assessor); an unknown scenario or assessor is bad input."""
    from assess.cli import settle_memory
    from assess.core.view import resolve, scenario_key, view_names
    from assess.errors import InputError, Problem, did_you_mean
    from assess.files.cache import load_case_cached

    loaded = load_case_cached(path)
    settle_memory()
    warn([loaded])
    if assessor is not None and assessor not in loaded.case.assessors:
        names = list(loaded.case.assessors)
        known = f"; it has: {', '.join(names)}" if names else "; the case has no assessors"
        msg = f"no assessor '{assessor}'{did_you_mean(assessor, names)}{known}"
        raise InputError([Problem(path, 0, 0, msg)])
    try:
        key = scenario_key(loaded.case, scenario)
    except KeyError:
        names = view_names(loaded.case)
        msg = f"no scenario '{scenario}'{did_you_mean(str(scenario), names)}; it has: {', '.join(names)}"
        raise InputError([Problem(path, 0, 0, msg)]) from None
    return loaded, resolve(loaded.case, loaded.catalogue_model, key, assessor)


def emit(text: str, output: Path | None = None) -> None:
    """Print `text`, or write it to `output` (through `write_output`, as every
    `-o`): every command's output passes here, so no control character in it
    can reach the terminal."""
    from assess.render.safe import printable

    text = printable(text)
    text = text if text.endswith("\n") else text + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        from assess.files.atomic import write_output

        say_wrote(output, write_output(output, text).size, "")


def case_inputs(loaded: LoadedCase) -> list[Path]:
    """Every file a loaded case was read from: an output must be none of them."""
    from assess.files.casecopy import support_files

    return [loaded.path, *support_files(loaded)]


def say_wrote(path: Path | str, size: int, what: str) -> None:
    """The one line a command prints after writing a file: where, how big, what."""
    print(f"wrote {path} ({size:,} bytes){': ' + what if what else ''}")


class ProgressLine:
    """`\\r[####      ]  40%` on a terminal; clears itself when done."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.shown = stream, -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{' ' * (self.WIDTH - filled)}] {percent:3d}%")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown >= 0:
            self.stream.write("\r" + " " * (self.WIDTH + 7) + "\r")
            self.stream.flush()
