"""Every bundled case with every documented method (issue 8): each view is
ranked, or the method is refused in a planner's words (which option, which
criterion, why a product cannot hold a zero, what to use instead), at the
score's place in the file; `--method all` runs the others and prints the
same sentence, which its JSON gives as data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from assess.core.refusal import MethodRefused
from assess.core.scoring import score_method
from assess.core.view import resolve, view_names
from assess.files.casefile import load_case
from assess.kernels.methods import MethodError
from tests.conftest import ROOT, small_case_data
from tests.conftest import run_cli as run

CASES = sorted((ROOT / "cases").rglob("*.yaml"))
METHODS = ["wsm", "wpm", "topsis", "promethee", "vikor"]
VIEWS = [(path, view) for path in CASES for view in view_names(load_case(path).case)]


def _planner_sentence(text: str, option: str, criterion: str) -> None:
    assert f"{option} scores 0 on {criterion}" in text
    assert "multiplies the scores" in text and "every score must be above 0" in text
    assert "nothing can be divided by 0" in text or "makes the whole product 0" in text
    assert "instead: the weighted sum (--method wsm), TOPSIS" in text
    assert "index" not in text  # names, not the kernel's indices


@pytest.mark.parametrize(("path", "view"), VIEWS, ids=lambda v: v.name if isinstance(v, Path) else v)
@pytest.mark.parametrize("method", METHODS)
def test_every_method_ranks_or_says_why_not(capsys, path: Path, view: str, method: str) -> None:
    code, out, err = run(capsys, "score", path, "--scenario", view, "--method", method)
    if code == 0:
        assert "rank" in out
        return
    assert method == "wpm" and out == "", err
    m = re.search(rf"{re.escape(path.name)}:(\d+):(\d+): WPM does not apply to this view: ", err)
    assert m, err
    line = path.read_text(encoding="utf-8").splitlines()[int(m.group(1)) - 1]
    assert re.match(r"\s*value: 0$", line), line  # at the score that makes it inapplicable
    found = re.search(r": (.+) scores 0 on (.+?) \(scale", err)
    assert found
    _planner_sentence(err, found.group(1), found.group(2))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_all_runs_the_others_and_says_why_not(capsys, path: Path) -> None:
    code, out, err = run(capsys, "score", path, "--scenario", "2025", "--method", "all")
    assert code == 0, err
    header = "\n".join(out.splitlines()[:6])  # the table's header may fold to fit the terminal
    assert all(name in header for name in ("wsm", "topsis", "promethee", "vikor")), header
    assert "wpm" not in header, header
    assert "Could not run:\n  wpm: WPM does not apply to this view: " in out
    code, out, _ = run(capsys, "score", path, "--scenario", "2025", "--method", "all", "--format", "json")
    data = json.loads(out)
    assert set(data["methods"]) == {"wsm", "topsis", "promethee", "vikor"}
    refused = data["refused"]["wpm"]
    assert refused["reason"] == "non_positive" and refused["message"] == data["failed"]["wpm"]
    assert refused["instead"] == ["wsm", "topsis", "promethee", "vikor"]
    loaded = load_case(path)
    view = resolve(loaded.case, loaded.catalogue_model, "2025")
    for cell in refused["cells"]:
        assert view.cell(cell["option"], cell["criterion"]).value == cell["score"] <= 0
    first = refused["cells"][0]
    names = {o.id: o.name for o in view.options} | {c.id: c.name for c in view.criteria}
    _planner_sentence(refused["message"], names[first["option"]], names[first["criterion"]])


def _refusal(tmp_path: Path, data: dict) -> MethodRefused:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    loaded = load_case(path)
    with pytest.raises(MethodError) as info:
        score_method(resolve(loaded.case, loaded.catalogue_model), "wpm")
    assert isinstance(info.value, MethodRefused)
    return info.value


def test_a_zero_where_higher_is_better_makes_the_product_zero(tmp_path: Path) -> None:
    data = small_case_data()
    data["scores"]["b"]["reach"] = {"value": 0}
    data["scores"]["a"]["risk"] = {"value": 0}
    refused = _refusal(tmp_path, data).refusal
    assert [(c.option, c.criterion) for c in refused.cells] == [("a", "risk"), ("b", "reach")]
    assert "A scores 0 on Risk (scale 0..5, higher is worse)" in refused.message
    assert "This view has 1 more such score." in refused.message
    del data["scores"]["a"]["risk"]
    data["scores"]["a"]["risk"] = {"value": 1}
    refused = _refusal(tmp_path, data).refusal
    assert "B scores 0 on Reach (scale 0..10, higher is better)" in refused.message
    assert "a 0 makes the whole product 0, whatever the option's other scores" in refused.message


def test_a_negative_score_has_no_power(tmp_path: Path) -> None:
    data = small_case_data()
    data["criteria"]["local"][0]["scale"] = {"min": -2, "max": 5}
    data["scores"]["c"]["gain"] = {"value": -1}
    data["criteria"]["local"][2].pop("veto")
    refused = _refusal(tmp_path, data).refusal
    assert "C scores -1 on Gain (scale -2..5, higher is better)" in refused.message
    assert "a negative score raised to a fractional weight has no value" in refused.message


def test_a_vetoed_option_and_an_unweighted_criterion_do_not_count(tmp_path: Path) -> None:
    """WPM runs on the options no veto excludes and drops criteria of weight 0."""
    data = small_case_data()
    data["scores"]["c"]["gain"] = {"value": 0}  # c is vetoed (risk 5 > 4)
    data["weights"]["points"]["reach"] = 0
    data["scores"]["a"]["reach"] = {"value": 0}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    loaded = load_case(path)
    result = score_method(resolve(loaded.case, loaded.catalogue_model), "wpm")
    assert np.isfinite([r.score for r in result.ranking if not r.excluded]).all()
