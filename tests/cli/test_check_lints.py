"""`assess check` lints: one planted weakness per rule in a copy of a bundled
case that passes `--strict`; check warns `FILE:LINE:COL: warning: [rule] ...`
and exits 0, `--strict` refuses it (exit 2). And the bundled cases' findings
as they stand."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from assess.core.lint import RULES
from tests.conftest import CATALOGUE, ROOT, run_cli

Plant = Callable[[dict], None]
DEFAULT = yaml.safe_load((ROOT / "cases" / "ai_cooperation.yaml").read_text())
TEAM = yaml.safe_load((ROOT / "cases" / "team_example" / "team.yaml").read_text())
LISTED = yaml.safe_load(CATALOGUE.read_text())
SOURCE = {c["id"]: c.get("source") for c in LISTED["criteria"]}


def _cells(table: dict) -> list[dict]:
    return [cell for row in table.values() for cell in row.values()]


def _unreliable(d: dict) -> None:
    next(iter(d["documents"].values()))["reliability"] = ""


def _no_reference(d: dict) -> None:
    del d["reference"]


def _scale(d: dict) -> None:
    d["criteria"].setdefault("overrides", {})["competence"] = {
        "scale": {"levels": {0: "no gain", 5: "a field"}}
    }


def _generic(d: dict) -> None:
    levels = {
        k: w for k, w in enumerate(["none", "marginal", "modest", "substantial", "strong", "outstanding"])
    }
    for cid in ("competence", "synergies"):
        d["criteria"].setdefault("overrides", {})[cid] = {"scale": {"levels": dict(levels)}}


def _no_basis(d: dict) -> None:
    del d["scores"]["pharma"]["competence"]["basis"]


def _definition(d: dict) -> None:
    cell = d["scores"]["pharma"]["competence"]
    cell.update(source=copy.deepcopy(SOURCE["competence"]), basis="evidence")


def _double(d: dict) -> None:
    passage = {"document": "000_f2c59601cf2739f5.txt", "passage": "Pharma and other healthcare R&D"}
    for cid in ("competence", "market_potential"):
        d["scores"]["pharma"][cid]["source"] = dict(passage)


def _uniform(d: dict) -> None:
    for cell in _cells(d["scores"]):
        cell["low"], cell["high"] = max(cell["value"] - 1, 0), min(cell["value"] + 1, 5)


def _repeats(d: dict) -> None:
    cell = copy.deepcopy(d["scores"]["pharma"]["competence"])
    cell["basis"] = "judgement"
    d["scenarios"]["2025"]["scores"]["pharma"]["competence"] = cell


def _silent(d: dict) -> None:
    del d["scenarios"]["2025"]["scores"]["pharma"]["track_record"]


def _no_elicitation(d: dict) -> None:
    d["weights"]["elicitation"] = ""


def _unmarked(d: dict) -> None:
    use = d["criteria"]["use"]
    points = {c["id"]: c.get("default_weight", 1) for c in LISTED["criteria"] if c["id"] in use}
    d["weights"] = {"method": "direct", "elicitation": "the catalogue's", "points": points}


def _copied(d: dict) -> None:
    d["assessors"]["boris"]["scores"] = copy.deepcopy(d["assessors"]["anna"]["scores"])


def _on_line(d: dict) -> None:
    d["scores"]["pharma"]["security"].update(value=4, low=3.5, high=4)


def _split(d: dict) -> None:
    d["criteria"]["overrides"]["security"]["veto"]["applies_to"] = "value"


def _no_driver(d: dict) -> None:
    drivers = {c["id"] for c in LISTED["criteria"] if c["family"] == "driver"}
    for opt, row in d["scenarios"]["2025"]["scores"].items():
        for cid, cell in row.items():
            if cid in drivers:
                old = d["scores"][opt][cid]
                cell.update(value=old["value"], low=old.get("low"), high=old.get("high"), basis="judgement")


def _no_ranges(d: dict) -> None:
    for cell in _cells(d["scores"]):
        cell.pop("low", None), cell.pop("high", None)


PLANTS: dict[str, tuple[dict, Plant, str]] = {
    "unreliable-source": (DEFAULT, _unreliable, "document 000_f2c59601cf2739f5.txt has no reliability note"),
    "no-reference": (DEFAULT, _no_reference, "no reference option"),
    "scale-levels": (DEFAULT, _scale, "the scale of competence does not describe levels 1, 2, 3, 4"),
    "generic-levels": (DEFAULT, _generic, "the levels of synergies are worded as those of competence"),
    "no-basis": (DEFAULT, _no_basis, "pharma on competence: the score does not say its basis"),
    "definition-as-evidence": (DEFAULT, _definition, "pharma on competence: the only source is the passage"),
    "double-count": (DEFAULT, _double, "pharma cites the same passage under competence and market_potential"),
    "uniform-ranges": (DEFAULT, _uniform, "ranges in scores are the score +/-1"),
    "repeats-baseline": (DEFAULT, _repeats, "pharma on competence in 2025 repeats the baseline cell"),
    "silent-carry": (DEFAULT, _silent, "2025 keeps track_record but neither re-scores nor marks carried"),
    "no-elicitation": (DEFAULT, _no_elicitation, "say nothing of how they were elicited"),
    "illustrative-unmarked": (DEFAULT, _unmarked, "these weights are the catalogue's defaults"),
    "copied-assessor": (TEAM, _copied, "boris gives the same value as anna in"),
    "on-veto-line": (DEFAULT, _on_line, "pharma on security: the score is 4, exactly the veto line"),
    "team-veto-split": (
        TEAM,
        _split,
        "smart_cities is kept on the team's value though 1 of 3 assessors (boris)",
    ),
    "no-driver-change": (DEFAULT, _no_driver, "2025 changes no driver score"),
    "no-ranges": (DEFAULT, _no_ranges, "scores in scores has a range"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled layout, so a case can refer to ../criteria.yaml."""
    root = tmp_path_factory.mktemp("lints")
    shutil.copy(CATALOGUE, root / "criteria.yaml")
    shutil.copytree(ROOT / "sources", root / "sources")
    (root / "cases").mkdir()
    return root


def test_every_rule_has_a_planted_case() -> None:
    assert set(PLANTS) == {r.id for r in RULES}


@pytest.mark.parametrize("rule", list(PLANTS))
def test_planted_weakness_warns_and_strict_refuses(capsys, project: Path, rule: str) -> None:
    base, plant, words = PLANTS[rule]
    data = copy.deepcopy(base)
    plant(data)
    folder = project / "cases" / ("team_example" if base is TEAM else "")
    folder.mkdir(exist_ok=True)
    case = folder / f"{rule}.yaml"
    case.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    code, out, err = run_cli(capsys, "check", case)
    assert code == 0 and f"{case}: ok" in out, out + err
    found = [line for line in err.splitlines() if f"warning: [{rule}]" in line]
    assert found and any(words in line for line in found), err
    assert found[0].startswith(f"{case}:") and found[0].split(":")[1].isdigit()
    code, out, err = run_cli(capsys, "check", "--strict", case)
    assert code == 2 and f"{case}: ok" not in out
    assert any(f"{case}:" in line and f": [{rule}]" in line for line in out.splitlines()), out


def test_warning_stands_at_the_cell(capsys, project: Path) -> None:
    """The double count is reported at the second cell's source, line and column."""
    data = copy.deepcopy(DEFAULT)
    _double(data)
    case = project / "cases" / "at.yaml"
    case.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    _, _, err = run_cli(capsys, "check", case)
    line = next(x for x in err.splitlines() if "[double-count]" in x)
    lines = case.read_text().splitlines()
    row, col = (int(n) for n in line.split(":")[1:3])
    # the source mapping's first key
    assert lines[row - 2].strip() == "source:" and lines[row - 1].strip().startswith("document:")
    assert col == lines[row - 1].index("document") + 1
    pharma = next(i for i, x in enumerate(lines) if x == "  pharma:" and i > lines.index("scores:"))
    market = next(i for i, x in enumerate(lines) if i > pharma and x.strip() == "market_potential:")
    assert market < row - 1


def test_a_catalogue_lint_is_said_once_at_the_catalogue(capsys, project: Path) -> None:
    listed = copy.deepcopy(LISTED)
    del listed["criteria"][0]["scale"]["levels"][2]
    (project / "criteria.yaml").write_text(yaml.safe_dump(listed, sort_keys=False, allow_unicode=True))
    try:
        for name in ("one", "two"):
            (project / "cases" / f"{name}.yaml").write_text(yaml.safe_dump(DEFAULT, sort_keys=False))
        code, out, err = run_cli(
            capsys, "check", project / "cases" / "one.yaml", project / "cases" / "two.yaml"
        )
        said = [x for x in err.splitlines() if "[scale-levels]" in x]
        assert (
            code == 0
            and len(said) == 1
            and said[0].startswith(f"{project / 'cases' / '..' / 'criteria.yaml'}:")
        ), err
    finally:
        shutil.copy(CATALOGUE, project / "criteria.yaml")


BUNDLED = sorted(p for p in (ROOT / "cases").rglob("*.yaml"))


def test_every_bundled_case_passes_strict(capsys) -> None:
    """Every bundled case file (the merged team case too) and the catalogue
    pass `check --strict`: no lint stands, the ranges' one included."""
    assert len(BUNDLED) == 6
    code, out, err = run_cli(capsys, "check", "--strict", *BUNDLED, CATALOGUE)
    assert code == 0, err
    assert "warning" not in err and "error" not in err, err


def test_readme_checklist_lists_every_rule_under_its_step_in_order() -> None:
    import re

    from assess.core.lint import STEPS

    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Checking an assessment") :]
    section = section[: section.index("\n## ", 5)]
    listed = re.findall(r"^- \[ \] `([a-z-]+)`", section, re.M)
    assert listed == [r.id for r in RULES]
    heads = re.findall(r"^\*\*\d\. (\w+)", section, re.M)
    assert [h.lower() for h in heads] == list(STEPS)
    for rule in RULES:  # each item under the heading of its step
        item = section.index(f"- [ ] `{rule.id}`")
        head = section.rindex("\n**", 0, item)
        assert rule.step in section[head : head + 40].lower(), rule.id
