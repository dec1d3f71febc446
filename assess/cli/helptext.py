"""The commands' one-line help for `assess --help`, so that it imports no command.

Generated from the parsers by `.venv/bin/python -m tests.cli.test_static_help`; do not edit.
`tests/cli/test_static_help.py` fails when this is behind them."""

COMMAND_HELP = {
    "open": "open case files in the terminal UI (the default command)",
    "init": "copy the bundled cases, catalogue and sources into a working folder",
    "serve": "serve the terminal UI in a web browser",
    "score": "rank the options of a case",
    "sensitivity": "how robust is the ranking, and what would change it",
    "dominance": "which options beat which for every weighting the statements allow",
    "portfolio": "what the budget buys: the best set of options within budgets and rules",
    "compare": "compare case files, or scenarios of one case",
    "team": "show where the assessors of a team case disagree",
    "merge": "merge several assessors' case files into one team case",
    "report": "write a report to mail: HTML or Markdown",
    "check": "validate case files, folders of them and criteria.yaml",
    "import": "turn a CSV decision matrix into a case file",
    "schema": "print the JSON Schema of case files",
}
