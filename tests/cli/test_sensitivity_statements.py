"""`assess sensitivity` under weight statements: what it samples and says, and
the same results as before statements existed when a case has none."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from tests.casegen import matrix_case_data
from tests.conftest import run_cli

CAPTURED = Path(__file__).parent / "captured" / "sensitivity_no_statements.json"
"""`assess sensitivity` of `_case()` at --samples 600 --seed 7, captured with the
code before weight statements were sampled (commit a43c4ca)."""
KEYS = ("samples", "seed", "first", "options", "stability", "smallest_change", "acceptability")


def _case(statements: list[dict] | None = None) -> dict:
    rng = np.random.default_rng(5)
    values = rng.integers(1, 10, size=(5, 4))
    cells = [[{"value": int(v), "low": int(v) - 1, "high": int(v) + 1} for v in row] for row in values]
    weights: dict = {"method": "direct", "points": {"c0": 40, "c1": 30, "c2": 20, "c3": 10}}
    if statements:
        weights["statements"] = statements
    return matrix_case_data(cells, weights, "Four")


def _run(capsys, tmp_path: Path, data: dict, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "four.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return run_cli(capsys, "sensitivity", path, "--samples", "600", "--seed", "7", *extra)


def test_without_statements_the_results_are_those_captured_before(capsys, tmp_path: Path) -> None:
    code, out, err = _run(capsys, tmp_path, _case(), "--format", "json")
    assert code == 0, err
    got = json.loads(out)
    want = json.loads(CAPTURED.read_text())
    assert {k: got[k] for k in KEYS if k != "acceptability"} == {
        k: want[k] for k in KEYS if k != "acceptability"
    }
    sampling = got["acceptability"].pop("sampling")
    assert got["acceptability"] == want["acceptability"]
    assert sampling["kind"] == "simplex" and got["statements"] == [] and got["allowed"] is None


def test_under_statements_it_samples_only_the_weights_they_allow(capsys, tmp_path: Path) -> None:
    statements = [{"order": ["c0", "c1"]}, {"interval": {"criterion": "c2", "min": 0.1, "max": 0.3}}]
    code, out, err = _run(capsys, tmp_path, _case(statements), "--format", "json")
    assert code == 0, err
    got = json.loads(out)
    acc = got["acceptability"]
    assert acc["sampling"]["kind"] == "hit-and-run" and acc["sampling"]["dimension"] == 3
    assert 0 < acc["sampling"]["effective_samples"] < 600
    for weights in acc["central_weights"].values():
        if weights is not None:  # means of allowed weights are allowed (a convex set)
            assert weights["c0"] >= weights["c1"] - 1e-9 and 0.1 - 1e-9 <= weights["c2"] <= 0.3 + 1e-9
    assert got["tornado"]["weight_ranges"]["source"] == "statements"
    assert got["tornado"]["weight_ranges"]["ranges"]["c2"] == pytest.approx([0.1, 0.3])
    assert got["allowed"]["c2"][1] <= 0.3 + 1e-9
    code, text, _ = _run(capsys, tmp_path, _case(statements))
    flat = " ".join(text.split())
    assert "weights drawn uniformly by hit-and-run from the weightings the 2 weight statements allow" in flat
    worth = f"worth about {acc['sampling']['effective_samples']:,} independent samples (the effective sample"
    assert worth in flat
    assert "the statements allow" in text and "Weight statements: C0 >= C1;" in flat
    code, out, _ = _run(capsys, tmp_path, _case([{"order": ["c0", "c1", "c2", "c3"]}]), "--format", "json")
    exact = json.loads(out)["acceptability"]
    assert exact["sampling"]["kind"] == "exact" and exact["sampling"]["effective_samples"] == exact["samples"]
    code, text, _ = _run(capsys, tmp_path, _case([{"order": ["c0", "c1", "c2", "c3"]}]))
    assert (
        "weights drawn uniformly, and exactly, from the weightings its weight statement allows"
        in " ".join(text.split())
    )
