"""`assess score --method wsm|wpm|topsis|promethee|vikor|all`: the JSON contract
(rank 1 is always best, whatever the direction of the method's score), WPM's
refusal of zero scores, the side-by-side JSON, and TOPSIS after `assess import`
against pymcdm's TOPSIS with vector normalisation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from assess.core.scoring import kept_mask
from assess.core.view import resolve
from assess.files.casefile import load_case
from assess.kernels.methods.vikor import vikor
from tests.conftest import DEFAULT_CASE, small_case_data
from tests.conftest import run_cli as run

METHODS = ["wsm", "wpm", "topsis", "promethee", "vikor"]


def score_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, "score", *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("method", [m for m in METHODS if m != "wpm"])  # WPM refuses the default case: below
def test_rank_one_is_always_best(capsys, method: str) -> None:
    data = score_json(capsys, str(DEFAULT_CASE), "--method", method)
    assert data["method"] == method
    assert data["higher_is_better"] is (method != "vikor")
    ranked = [e for e in data["ranking"] if not e["excluded"]]
    assert ranked[0]["rank"] == 1
    scores = [e["score"] for e in ranked]
    best = max(scores) if data["higher_is_better"] else min(scores)
    assert ranked[0]["score"] == pytest.approx(best)
    ordered = scores if not data["higher_is_better"] else [-s for s in scores]
    assert ordered == sorted(ordered)  # listed in rank order
    assert [e["rank"] for e in ranked] == sorted(e["rank"] for e in ranked)


@pytest.mark.parametrize("scenario", [None, "2025"])
def test_vikor_score_is_q(capsys, scenario: str | None) -> None:
    extra = ["--scenario", scenario] if scenario else []
    data = score_json(capsys, str(DEFAULT_CASE), "--method", "vikor", *extra)
    loaded = load_case(DEFAULT_CASE)
    view = resolve(loaded.case, loaded.catalogue_model, scenario)
    kept = kept_mask(view)
    q = vikor(view.scores[kept], view.weights, view.cost, v=0.5)
    ours = {e["option"]: e["score"] for e in data["ranking"] if not e["excluded"]}
    expected = dict(zip([o.id for o, k in zip(view.options, kept, strict=True) if k], q, strict=True))
    assert ours == pytest.approx(expected, abs=5e-7)  # the JSON rounds to 6 decimals
    assert min(ours, key=ours.get) == data["ranking"][0]["option"]


def _write_case(tmp_path: Path, data: dict) -> str:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return str(path)


def test_wpm_refuses_a_zero_score_naming_option_and_criterion(capsys, tmp_path) -> None:
    data = small_case_data()
    data["scores"]["b"]["reach"] = {"value": 0}
    code, out, err = run(capsys, "score", _write_case(tmp_path, data), "--method", "wpm")
    assert code == 2 and out == ""
    assert "case.yaml:" in err and "B scores 0 on Reach" in err
    assert run(capsys, "score", _write_case(tmp_path, data), "--method", "topsis")[0] == 0


@pytest.mark.parametrize(
    ("scenario", "zero"),
    [
        ([], "Second-track expert dialogue scores 0 on Market potential and growth"),
        (["-s", "2025"], "Dialogue on AI regulation scores 0 on Compute gap"),
    ],
)
def test_wpm_on_the_default_case_names_the_zero(capsys, scenario: list[str], zero: str) -> None:
    """Scores of 0 (the reference option has nothing else) leave no product of scores."""
    code, _, err = run(capsys, "score", str(DEFAULT_CASE), *scenario, "-m", "wpm", "-f", "json")
    assert code == 2
    assert zero in err


@pytest.mark.parametrize("scenario", [None, "2025"])
def test_all_methods_json(capsys, scenario: str | None) -> None:
    extra = ["--scenario", scenario] if scenario else []
    data = score_json(capsys, str(DEFAULT_CASE), "--method", "all", *extra)
    assert {"methods", "failed", "agreement"} <= set(data)
    ran = set(data["methods"])
    assert ran | set(data["failed"]) == set(METHODS) and not ran & set(data["failed"])
    assert "wpm" in data["failed"] and "scores 0 on" in data["failed"]["wpm"]
    for name, result in data["methods"].items():
        assert result["method"] == name and result["ranking"][0]["rank"] == 1
    assert data["methods"].get("vikor", {}).get("higher_is_better") is False
    agreement = data["agreement"]
    assert agreement["methods"] == list(data["methods"])
    tau = np.array(agreement["tau"])
    assert tau.shape == (len(ran), len(ran))
    np.testing.assert_allclose(np.diag(tau), 1.0)
    np.testing.assert_allclose(tau, tau.T)


def _csv(matrix: np.ndarray, types: list[str], weights: list[float]) -> str:
    m = matrix.shape[1]
    lines = [
        "option," + ",".join(f"c{j}" for j in range(m)),
        "@direction," + ",".join(types),
        "@weight," + ",".join(repr(w) for w in weights),
    ]
    lines += [f"Option {i}," + ",".join(repr(float(x)) for x in row) for i, row in enumerate(matrix)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(8))
def test_imported_matrix_topsis_agrees_with_pymcdm(capsys, tmp_path, seed: int) -> None:
    """TOPSIS uses the raw scores, so the import's scale bounds do not matter;
    pymcdm's TOPSIS with vector normalisation is Hwang & Yoon's (1981)."""
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(2, 9)), int(rng.integers(2, 7))
    matrix = rng.uniform(0.5, 100, size=(n, m)).round(3)
    types = rng.choice(["benefit", "cost"], size=m).tolist()
    weights = rng.uniform(0.1, 1, size=m).round(4).tolist()
    src, case = tmp_path / "m.csv", tmp_path / "m.yaml"
    src.write_text(_csv(matrix, types, weights))
    assert run(capsys, "import", str(src), "-o", str(case))[0] == 0
    data = score_json(capsys, str(case), "--method", "topsis")
    ours = np.array([{e["name"]: e["score"] for e in data["ranking"]}[f"Option {i}"] for i in range(n)])
    w = np.array(weights) / sum(weights)
    t = np.array([1 if x == "benefit" else -1 for x in types])
    theirs = TOPSIS(vector_normalization)(matrix, w, t)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=5e-7)  # the JSON rounds to 6 decimals
