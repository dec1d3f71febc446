"""Issue 9, crashes: "Huge hex, binary or sexagesimal integers as a score or
`format:`. Files that pass `check` but crash other commands: no criteria, all
criteria switched off, a scenario removing every criterion, a lone surrogate
escape; weights of `1.7e+308` crash `check` itself. A 5,000-character catalogue
path ... Keys starting with `[` are reported as `unknown key ''` at 1:1 ...
Wrongly accepted: `format: true`, `format: 1.0` ... `1e308` read as text (YAML
1.1) gets a clear message."

Each file is refused by `check` with a position, and every other command
(score in every format, sensitivity in every format, compare, team, report in
HTML and Markdown) refuses it the same way: exit 2, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.files.hostile_helpers import line_of, project, refusals
from tests.fuzz.fuzz_run import run

USE = re.compile(r"  use:\n(    - \w+\n)+")


def _no_criteria(text: str) -> str:
    return USE.sub("  use: []\n", text, count=1)


def _all_off(text: str) -> str:
    ids = re.findall(r"    - (\w+)", USE.search(text).group())  # type: ignore[union-attr]
    return text.replace(
        "  catalogue: ../criteria.yaml\n", f"  catalogue: ../criteria.yaml\n  off: [{', '.join(ids)}]\n", 1
    )


def _scenario_removes_all(text: str) -> str:
    ids = re.findall(r"    - (\w+)", USE.search(text).group())  # type: ignore[union-attr]
    start = text.index("    criteria:\n      add:\n")
    end = text.index("    weights:", start)
    return text[:start] + f"    criteria:\n      remove: [{', '.join(ids)}]\n" + text[end:]


def _sub(old: str, new: str):  # noqa: ANN202 - a small factory of edits
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


FIRST_VALUE = "      value: 4\n"
# name: (edit of the default case, text on the line at fault, words of the message)
VARIANTS = {
    "hex score": (_sub(FIRST_VALUE, "      value: 0x" + "f" * 400 + "\n"), "value: 0x", "too large"),
    "binary score": (_sub(FIRST_VALUE, "      value: 0b" + "1" * 300 + "\n"), "value: 0b", "too large"),
    "sexagesimal score": (
        _sub(FIRST_VALUE, "      value: " + ":".join(["59"] * 60) + "\n"),
        "value: 59",
        "too large",
    ),
    "hex format": (_sub("format: 1\n", "format: 0x" + "f" * 5000 + "\n"), "format: 0x", "too large"),
    "sexagesimal format": (
        _sub("format: 1\n", "format: " + ":".join(["59"] * 3000) + "\n"),
        "format: 59",
        "too large",
    ),
    "format true": (_sub("format: 1\n", "format: true\n"), "format: true", "whole number"),
    "format 1.0": (_sub("format: 1\n", "format: 1.0\n"), "format: 1.0", "whole number"),
    "no criteria": (_no_criteria, "use: []", "no criterion in use"),
    "all criteria off": (_all_off, "  off: [", "no criterion in use"),
    "scenario removes every criterion": (_scenario_removes_all, "      remove: [", "leaves no criterion"),
    "lone surrogate": (
        _sub("name: AI for megascience", 'name: "AI \\udc80"'),
        'name: "AI \\udc80"',
        "Unicode",
    ),
    "weights of 1.7e+308": (
        _sub(
            "    security: 100\n    competence: 90\n",
            "    security: 1.7e+308\n    competence: 1.7e+308\n",
        ),
        "security: 1.7e+308",
        "too large",
    ),
    "5,000-character catalogue path": (
        _sub("catalogue: ../criteria.yaml", "catalogue: " + "a" * 5000),
        "catalogue: aaa",
        "1024 characters",
    ),
    "key starting with [": (_sub("title: ", '"[x": 1\ntitle: '), '"[x": 1', "unknown key '[x'"),
    "1e308 as text": (_sub(FIRST_VALUE, "      value: 1e308\n"), "value: 1e308", "write 1.0e+308"),
}

COMMANDS = [
    ["check"],
    ["score"],
    ["score", "--format", "json"],
    ["score", "--format", "csv"],
    ["score", "--format", "markdown"],
    ["score", "--method", "all"],
    ["score", "--scenario", "2025"],
    ["sensitivity", "--samples", "50"],
    ["sensitivity", "--samples", "50", "--format", "json"],
    ["sensitivity", "--samples", "50", "--format", "markdown"],
    ["dominance"],
    ["compare", "{case}"],
    ["compare", "--scenarios", "2019", "2025"],
    ["team"],
    ["report", "-o", "{out}.html"],
    ["report", "-o", "{out}.md"],
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project(tmp_path_factory.mktemp("crashes")) / "cases"


@pytest.mark.parametrize("name", list(VARIANTS))
def test_every_command_refuses_with_the_position(folder: Path, name: str) -> None:
    change, needle, words = VARIANTS[name]
    case = folder / f"{re.sub(r'[^a-z0-9]+', '_', name)}.yaml"
    case.write_text(change((folder / "ai_cooperation.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    line = line_of(case, needle)
    out = folder / f"out_{case.stem}"
    for command in COMMANDS:
        argv = [command[0], str(case), *(a.format(case=case, out=out) for a in command[1:])]
        code, stdout, stderr = run(argv)  # ASSESS_DEBUG=1: an internal error raises here
        shown = stdout if command[0] == "check" else stderr
        assert code == 2, f"{argv}: exit {code}\n{stderr}"
        found = refusals(shown)
        assert any(ln == line and words in msg for _, ln, _, msg in found), f"{argv}:\n{shown}"
        assert len(shown) < 5_000, f"{argv}: {len(shown):,} characters of messages"
    assert not list(folder.glob(f"out_{case.stem}*")), "a refused report was written"
