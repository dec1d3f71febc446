"""The one Family table (`assess.model.FAMILIES`): the model, the schema and
every grouping of criteria read it, so adding a family is one entry there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from assess.cli import main
from assess.files.casefile import load_case
from assess.model import FAMILIES, Criterion, Family
from assess.model.families import family_ids, family_rank
from tests.conftest import small_case_data

PACKAGE = Path(__file__).resolve().parents[2] / "assess"
ETHICS = Family("Ethical concerns", 5, "Ethics", "Eth")


def case_with_a_new_family(tmp_path: Path) -> Path:
    """The small case with its criterion `reach` in family "ethics"."""
    data = small_case_data()
    data["criteria"]["local"][1]["family"] = "ethics"
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_the_table_orders_the_families() -> None:
    assert family_ids() == ["driver", "constraint", "risk", "other"]
    labels = [FAMILIES[f].label for f in family_ids()]
    assert labels == ["Drivers", "5S constraints", "Later risks", "Other criteria"]
    assert family_rank("risk") == 2 and family_rank("unknown") == len(FAMILIES)


@pytest.mark.parametrize("family", ["ethics", 3, None, ["driver"]])
def test_a_family_not_in_the_table_is_refused_as_before(family: object) -> None:
    """With the words and type of the `Literal` the field had (any input)."""
    with pytest.raises(
        ValidationError, match="Input should be 'driver', 'constraint', 'risk' or 'other'"
    ) as err:
        Criterion.model_validate({"id": "x", "name": "X", "family": family, "direction": "benefit"})
    assert err.value.errors()[0]["type"] == "literal_error"


def test_the_schema_lists_the_table() -> None:
    schema = Criterion.model_json_schema()["properties"]["family"]
    assert schema == {"enum": list(FAMILIES), "title": "Family", "type": "string"}


def test_no_module_but_the_table_names_a_family() -> None:
    """The families' names are written once: in `assess/model/families.py`."""
    names = [name for f in FAMILIES.values() for name in (f.label, f.tag, f.short) if len(name) > 2]
    pattern = re.compile("|".join(rf'"{re.escape(n)}"' for n in names))
    found = [
        f"{path.relative_to(PACKAGE)}: {m.group()}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "families.py"
        for m in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_a_family_added_to_the_table_is_read_and_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One entry in FAMILIES: the case loads, the score table and the report
    group the criterion under the new family's label (no KeyError anywhere)."""
    monkeypatch.setitem(FAMILIES, "ethics", ETHICS)
    path = case_with_a_new_family(tmp_path)
    assert load_case(path).case.criteria.local[1].family == "ethics"
    for fmt in ("table", "markdown", "json", "csv"):
        assert main(["score", str(path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Ethical concerns" in out
    for name in ("r.md", "r.html"):
        assert main(["report", str(path), "--samples", "50", "-o", str(tmp_path / name)]) == 0
        assert "Ethical concerns" in (tmp_path / name).read_text(encoding="utf-8")


def test_without_the_entry_the_same_case_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(case_with_a_new_family(tmp_path))]) == 2
    assert "got 'ethics'" in capsys.readouterr().err


def test_the_import_reads_the_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(FAMILIES, "ethics", ETHICS)
    matrix = tmp_path / "m.csv"
    matrix.write_text("option,fair,cost\n@family,ethics,\nA,1,2\nB,2,1\n", encoding="utf-8")
    assert main(["import", str(matrix), "-o", str(tmp_path / "m.yaml")]) == 0
    families = [c.family for c in load_case(tmp_path / "m.yaml").case.criteria.local]
    assert families == ["ethics", "other"]
