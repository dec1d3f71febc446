"""What the command line imports, counted in a fresh process: `assess --help`
and a mistyped command load no library and no command module; `COMMAND --help`
loads that command's module only; `assess check` (cold and from the cache)
loads neither NumPy nor Textual, nor does `assess score` by the weighted sum
(table and JSON) of a case without weight statements, which also loads no
polytope kernels (`numpy.random`)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import DEFAULT_CASE, ROOT

PROBE = """
import json, sys
from assess.cli import main
for argv in json.loads(sys.argv[1]):
    try:
        main(argv)
    except SystemExit:
        pass
names = sorted(m for m in sys.modules if m.split(".")[0] in
               {"numpy", "textual", "rich", "pydantic", "yaml"} and "." not in m)
names += sorted(m for m in sys.modules if m == "assess.kernels.preferences")
commands = sorted(m for m in sys.modules if m.startswith("assess.cli.") and m.endswith("_cmd"))
print(json.dumps([names, commands]))
"""


def imported(*runs: list[str]) -> tuple[list[str], list[str]]:
    """(libraries, command modules) imported by `main(argv)` for each of `runs`."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(runs))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    names, commands = json.loads(out.splitlines()[-1])
    return names, commands


def test_help_and_a_mistyped_command_import_nothing_heavy() -> None:
    assert imported(["--help"], ["scoer"], ["--version"]) == ([], [])


def test_a_command_help_imports_that_command_only() -> None:
    assert imported(["score", "--help"], ["check", "--help"]) == (
        [],
        ["assess.cli.check_cmd", "assess.cli.score_cmd"],
    )


def test_check_imports_neither_numpy_nor_textual() -> None:
    case = str(DEFAULT_CASE)
    names, commands = imported(["--no-cache", "check", case], ["check", case], ["check", case])
    assert names == ["pydantic", "yaml"]
    assert commands == ["assess.cli.check_cmd"]


def test_score_by_the_weighted_sum_imports_no_numpy() -> None:
    case = str(DEFAULT_CASE)
    runs = (["--no-cache", "score", case, "-f", "json"], ["score", case], ["score", case, "-f", "json"])
    names, commands = imported(*runs)
    assert names == ["pydantic", "yaml"]
    assert commands == ["assess.cli.score_cmd"]


def test_from_the_cache_check_imports_no_library_and_score_no_yaml() -> None:
    """A case the cache holds: `check` reads its entry (warnings and lints) and
    makes no model; `score` makes the models without validating (pydantic's
    classes, no YAML, no loader)."""
    case = str(DEFAULT_CASE)
    imported(["check", case], ["score", case])  # stored, if this session has not yet
    assert imported(["check", case]) == ([], ["assess.cli.check_cmd"])
    names, _ = imported(["score", case, "-f", "json"])
    assert names == ["pydantic"]
    code = (
        "import sys; from assess.cli import main; main(['score', sys.argv[1]]); "
        "print(sorted(m for m in ('assess.files.casefile', 'assess.files.yaml.safe') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, case], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"
