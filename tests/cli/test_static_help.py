"""`assess --help` comes from `assess/cli/helptext.py`, generated from the real
parsers: this test fails when a command or its one-line help changes without
regenerating it. Regenerate with:

    .venv/bin/python -m tests.cli.test_static_help
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from assess.cli import COMMANDS, build_parser, help_parser

HELPTEXT = Path(__file__).resolve().parents[2] / "assess" / "cli" / "helptext.py"
REGENERATE = ".venv/bin/python -m tests.cli.test_static_help"


def command_help() -> dict[str, str]:
    """Each command's one-line help, from the parsers `build_parser` builds."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {action.dest: str(action.help) for action in sub._choices_actions}


def literal(text: str) -> str:
    """`text` as ruff formats a string: double quotes unless it holds some."""
    return repr(text) if '"' in text and "'" not in text else json.dumps(text, ensure_ascii=False)


def source() -> str:
    lines = [
        f'"""The commands\' one-line help for `assess --help`, so that it imports no command.\n\n'
        f"Generated from the parsers by `{REGENERATE}`; do not edit.\n"
        f'`tests/cli/test_static_help.py` fails when this is behind them."""',
        "",
        "COMMAND_HELP = {",
        *(f"    {literal(name)}: {literal(text)}," for name, text in command_help().items()),
        "}",
        "",
    ]
    return "\n".join(lines)


def test_the_static_help_is_the_parsers_help(monkeypatch: pytest.MonkeyPatch) -> None:
    assert HELPTEXT.read_text(encoding="utf-8") == source(), f"assess/cli/helptext.py is behind: {REGENERATE}"
    monkeypatch.setenv("COLUMNS", "100")
    assert help_parser().format_help() == build_parser().format_help()
    assert list(command_help()) == COMMANDS


if __name__ == "__main__":
    HELPTEXT.write_text(source(), encoding="utf-8")
    print(f"wrote {HELPTEXT}")
