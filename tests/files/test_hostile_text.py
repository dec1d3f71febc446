"""Issue 9, control characters: "ESC and other control characters in names reach
the terminal raw ...: cleared the screen, changed the title, wrote to the
clipboard (OSC 52). Refuse control characters in ids, names and titles at load
(line:col)." Tabs and newlines stay allowed in multi-line text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assess.cli import main
from assess.errors import InputError, Problem, printable
from assess.files.casefile import load_case
from tests.files.hostile_helpers import edit, line_of, project, refusals

ESCAPES = {
    "ESC clear screen": "\\e[2J",
    "OSC title": "\\e]0;pwned\\a",
    "OSC 52 clipboard": "\\e]52;c;ZWNobyBoaQ==\\a",
    "C1 CSI": "\\x9b2J",
    "DEL": "\\x7f",
    "NUL": "\\0",
    "bell": "\\a",
}

# (text to find in the bundled case, what replaces it: {} is the escape)
PLACES = {
    "title": ("title: Areas of EU–Russia AI cooperation", 'title: "Areas {} of cooperation"'),
    "option name": ("name: AI for megascience", 'name: "AI {} for megascience"'),
    "document title": ('title: "EU–Russia cooperation', 'title: "{} EU–Russia cooperation'),
    "document key": ("  000_f2c59601cf2739f5.txt:\n", '  "000_{}.txt":\n'),
    "scenario name": ('name: "2025 re-assessment"', 'name: "2025 {} re-assessment"'),
    "source section": ("section: Areas of Cooperation", 'section: "Areas {} of Cooperation"'),
}


@pytest.fixture
def case(tmp_path: Path) -> Path:
    return project(tmp_path) / "cases" / "ai_cooperation.yaml"


@pytest.mark.parametrize("escape", list(ESCAPES.values()), ids=list(ESCAPES))
@pytest.mark.parametrize("place", list(PLACES))
def test_escapes_in_names_are_refused_at_their_place(capsys, case: Path, place: str, escape: str) -> None:
    old, new = PLACES[place]
    line = line_of(case, old.strip("\n"))
    edit(case, old, new.format(escape))
    assert main(["check", str(case)]) == 2
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    found = refusals(out)
    assert any(ln == line and "control character" in msg for _, ln, _, msg in found), out


def _with_rationale(case: Path, rationale: str) -> Path:
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    option = data["options"][0]["id"]
    first = next(iter(data["scores"][option]))
    data["scores"][option][first]["rationale"] = rationale
    out = case.with_name("edited.yaml")
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def test_rationale_keeps_tabs_and_newlines_but_not_escapes(case: Path) -> None:
    assert load_case(_with_rationale(case, "one\tcolumn\nand a second line\n"))
    bad = _with_rationale(case, "a \x1b[31mzqzred\x1b[0m reason")
    with pytest.raises(InputError) as info:
        load_case(bad)
    [problem] = info.value.problems
    assert "U+001B" in problem.message and problem.line == line_of(bad, "zqzred")


def test_a_lone_surrogate_escape_is_refused_at_its_place(capsys, case: Path) -> None:
    line = line_of(case, "name: AI for megascience")
    edit(case, "name: AI for megascience", 'name: "AI \\udc80 for megascience"')
    assert main(["check", str(case)]) == 2
    [(_, found_line, _, message)] = refusals(capsys.readouterr().out)
    assert found_line == line and "Unicode" in message


def test_without_libyaml_the_model_still_refuses_escapes_and_surrogates(monkeypatch, case: Path) -> None:
    import yaml

    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    for escape in ("\\udc80", "\\e[2J"):
        bad = case.with_name("bad.yaml")
        bad.write_text(
            case.read_text(encoding="utf-8").replace(
                "name: AI for megascience", f'name: "AI {escape} zqzmega"', 1
            ),
            encoding="utf-8",
        )
        with pytest.raises(InputError) as info:
            load_case(bad)
        assert any(
            p.line == line_of(bad, "zqzmega")
            and ("control character" in p.message or "surrogate" in p.message)
            for p in info.value.problems
        ), info.value


def test_messages_never_carry_escapes_even_from_keys() -> None:
    """A key is reported as text: `unknown key '\\x1b]52;...'`, never the raw bytes."""
    shown = str(Problem("f\n.yaml", 3, 1, "unknown key '\x1b]52;c;QUJD\x07' \udc80 \x9b"))
    assert shown == "f\\n.yaml:3:1: unknown key '\\x1b]52;c;QUJD\\x07' \\udc80 \\x9b"
    assert printable("tab\there", escape=True) == "tab\\there"
    assert printable("tab\there \u202eevil\udc80\x1b") == "tab here evil"


def test_an_escape_in_a_key_is_reported_printably(capsys, case: Path) -> None:
    edit(case, "title: ", '"\\e]52;c;QUJD\\a": 1\ntitle: ')
    assert main(["check", str(case)]) == 2
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b]52" in out


def test_a_file_name_with_a_newline_is_refused(capsys, case: Path, tmp_path: Path) -> None:
    """`merge` turned `ann\\n.yaml` into a team file that `check` then rejected."""
    odd = case.with_name("ann\n.yaml")
    odd.write_bytes(case.read_bytes())
    assert main(["check", str(odd)]) == 2
    assert "control character U+000A" in capsys.readouterr().out
    out = tmp_path / "team.yaml"
    assert main(["merge", str(odd), str(case), "-o", str(out)]) == 2
    # the id made of the name is refused first (the one id check, `is_id`), shown printably
    assert "'ann\\n' is not a valid assessor id" in capsys.readouterr().err and not out.exists()
