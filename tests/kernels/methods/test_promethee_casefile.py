"""PROMETHEE II's preference functions set in a case file: the model's checks, the
override, `assess score --method promethee|all` using them, the JSON and the note."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import yaml
from pydantic import ValidationError

from assess.kernels.methods import promethee
from assess.model.criteria import Criterion, CriterionOverride, PreferenceFunction
from tests.conftest import ROOT
from tests.conftest import run_cli as run

VSHAPE = {"function": "vshape", "p": 2}
LINEAR = {"function": "linear", "q": 0.5, "p": 2.5}


def case_data(gain: dict | None = VSHAPE, risk: dict | None = LINEAR) -> dict:
    """Four options on two benefit criteria and a cost criterion, no veto."""
    local = [
        {"id": "gain", "name": "Gain", "family": "driver", "direction": "benefit"},
        {"id": "reach", "name": "Reach", "family": "driver", "direction": "benefit"},
        {"id": "risk", "name": "Risk", "family": "constraint", "direction": "cost"},
    ]
    for criterion, pref in ((local[0], gain), (local[2], risk)):
        if pref is not None:
            criterion["preference"] = pref
    table = {"a": (5, 2, 1), "b": (3, 5, 2), "c": (4, 4, 5), "d": (1, 3, 0)}
    return {
        "title": "Thresholds",
        "criteria": {"use": ["gain", "reach", "risk"], "local": local},
        "options": [{"id": k, "name": k.upper()} for k in table],
        "weights": {"method": "direct", "points": {"gain": 50, "reach": 30, "risk": 20}},
        "scores": {
            k: dict(zip(["gain", "reach", "risk"], ({"value": v} for v in row), strict=True))
            for k, row in table.items()
        },
    }


MATRIX = np.array([[5, 2, 1], [3, 5, 2], [4, 4, 5], [1, 3, 0]], dtype=float)
WEIGHTS, COST = [50, 30, 20], [False, False, True]


def write(tmp_path: Path, data: dict) -> str:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"function": "vshape"}, "needs a threshold p > 0"),
        ({"function": "vshape", "q": 1, "p": 2}, "has no q"),
        ({"function": "linear", "q": 2, "p": 2}, "needs q < p"),
        ({"function": "linear", "q": -1, "p": 2}, "greater than or equal to 0"),
        ({"function": "usual", "p": 1}, "takes no thresholds"),
        ({"function": "gaussian", "p": 1}, "'usual', 'vshape' or 'linear'"),
    ],
)
def test_bad_preference_functions_are_refused(spec: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PreferenceFunction.model_validate(spec)


def test_good_ones_and_the_override() -> None:
    assert PreferenceFunction.model_validate({"function": "vshape", "q": 0, "p": 1}).p == 1
    assert PreferenceFunction.model_validate({"function": "linear", "p": 1}).q is None
    base = Criterion.model_validate(case_data(None, None)["criteria"]["local"][0])
    assert base.preference is None
    changed = CriterionOverride.model_validate({"preference": LINEAR}).apply(base)
    assert changed.preference == PreferenceFunction.model_validate(LINEAR)
    assert CriterionOverride.model_validate({"name": "G"}).apply(changed).preference == changed.preference


def test_score_uses_each_criterion_preference(capsys, tmp_path) -> None:
    code, out, err = run(capsys, "score", write(tmp_path, case_data()), "-m", "promethee", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    prefs = [{"kind": "vshape", "p": 2.0}, "usual", {"kind": "linear", "q": 0.5, "p": 2.5}]
    expected = dict(zip("abcd", promethee(MATRIX, WEIGHTS, COST, prefs), strict=True))
    usual = dict(zip("abcd", promethee(MATRIX, WEIGHTS, COST), strict=True))
    got = {r["option"]: r["score"] for r in data["ranking"]}
    assert got == pytest.approx(expected, abs=5e-7)
    assert got != pytest.approx(usual, abs=1e-3)
    assert data["preferences"] == {
        "gain": {"function": "vshape", "q": None, "p": 2.0},
        "reach": {"function": "usual", "q": None, "p": None},
        "risk": {"function": "linear", "q": 0.5, "p": 2.5},
    }
    code, out, _ = run(capsys, "score", write(tmp_path, case_data()), "-m", "all", "-f", "json")
    both = json.loads(out)["methods"]
    assert both["promethee"]["ranking"] == data["ranking"] and "preferences" not in both["wsm"]


def test_the_note_under_the_table(capsys, tmp_path) -> None:
    note = (
        "Preference functions (score units): Gain: vshape, p 2; Risk: linear, q 0.5, p 2.5; the others usual."
    )
    for method in ("promethee", "all"):
        _, out, _ = run(capsys, "score", write(tmp_path, case_data()), "-m", method)
        assert note in " ".join(out.split())  # wrapped to the terminal
    _, out, _ = run(capsys, "score", write(tmp_path, case_data()), "-m", "promethee", "-f", "markdown")
    assert note in " ".join(out.split())
    _, out, _ = run(capsys, "score", write(tmp_path, case_data(None, None)), "-m", "promethee")
    assert "Preference functions" not in out
    _, out, _ = run(capsys, "score", write(tmp_path, case_data()), "-m", "topsis")
    assert "Preference functions" not in out


def test_a_bad_threshold_is_reported_where_it_is(capsys, tmp_path) -> None:
    path = write(tmp_path, case_data(risk={"function": "linear", "q": 3, "p": 2}))
    code, out, err = run(capsys, "score", path, "-m", "promethee")
    assert code == 2 and out == ""
    found = re.search(r"case\.yaml:(\d+):(\d+): the linear preference function needs q < p", err)
    assert found, err
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    line = lines[int(found[1]) - 1]
    assert line.strip().startswith(("function: linear", "preference:")), line


def test_the_readme_example_is_what_the_model_reads() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("**PROMETHEE's preference functions.**")[1]
    block = yaml.safe_load(re.findall(r"```yaml\n(.*?)```", text, flags=re.S)[0])
    override = CriterionOverride.model_validate(block["criteria"]["overrides"]["sanctions"])
    assert override.preference == PreferenceFunction(function="linear", q=0.5, p=2)
