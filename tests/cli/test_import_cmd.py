"""`assess import` and the weighted sum against pymcdm on decision matrices."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.cli import main


def _csv(matrix: np.ndarray, types: list[str], weights: list[float]) -> str:
    m = matrix.shape[1]
    lines = [
        "option," + ",".join(f"c{j}" for j in range(m)),
        "@direction," + ",".join(types),
        "@weight," + ",".join(repr(w) for w in weights),
    ]
    lines += [f"Option {i}," + ",".join(repr(float(x)) for x in row) for i, row in enumerate(matrix)]
    return "\n".join(lines) + "\n"


def _import_and_score(tmp_path, text: str, capsys) -> dict:
    src, out = tmp_path / "m.csv", tmp_path / "m.yaml"
    src.write_text(text)
    assert main(["import", str(src), "-o", str(out), "--force"]) == 0
    capsys.readouterr()
    assert main(["score", str(out), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_published_style_example(tmp_path, capsys) -> None:
    """A hand-checkable matrix: min-max values, weights 0.5/0.3/0.2.
    A: .5*1 + .3*0 + .2*(1-0)=.7; B: .5*0 + .3*1 + .2*(1-1)=.3; C: .5*.5+.3*.5+.2*.5=.5."""
    text = "option,q,r,cost\n@direction,benefit,benefit,cost\n@weight,5,3,2\nA,10,1,0\nB,0,3,4\nC,5,2,2\n"
    data = _import_and_score(tmp_path, text, capsys)
    scores = {e["name"]: e["score"] for e in data["ranking"]}
    assert scores == pytest.approx({"A": 0.7, "B": 0.3, "C": 0.5})
    assert [e["name"] for e in data["ranking"]] == ["A", "C", "B"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(2, 8), m=st.integers(1, 6))
def test_agrees_with_pymcdm_wsm(tmp_path_factory, capsys, seed: int, n: int, m: int) -> None:
    """pymcdm's WSM with min-max normalisation is our weighted sum with scale
    bounds at each column's observed min and max (the import's default)."""
    from pymcdm.methods import WSM
    from pymcdm.normalizations import minmax_normalization

    rng = np.random.default_rng(seed)
    matrix = rng.uniform(0, 100, size=(n, m)).round(3)
    types = rng.choice(["benefit", "cost"], size=m).tolist()
    weights = rng.uniform(0.1, 1, size=m).round(4).tolist()
    data = _import_and_score(tmp_path_factory.mktemp("m"), _csv(matrix, types, weights), capsys)
    ours = {e["name"]: e["score"] for e in data["ranking"]}
    w = np.array(weights) / sum(weights)
    t = np.array([1 if x == "benefit" else -1 for x in types])
    ref = WSM(normalization_function=minmax_normalization)(matrix, w, t)
    assert [ours[f"Option {i}"] for i in range(n)] == pytest.approx(
        ref.tolist(), abs=5e-7
    )  # JSON: 6 decimals


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("option,a\nX,abc\n", ":2:2:", "not a number"),
        ("option,a\n@direction,up\nX,1\n", ":2:2:", "benefit or cost"),
        ("option,a\n@wieght,1\nX,1\n", ":2:1:", "did you mean '@weight'"),
        ("option,a,a\nX,1,2\n", ":1:3:", "duplicate criterion"),
        ("option,a\nX,1,2\n", ":2:1:", "cells"),
        ("option,a\nX,nan\n", ":2:2:", "finite"),
        ("", ":1:1:", "empty"),
    ],
)
def test_bad_matrices(tmp_path, capsys, text: str, where: str, what: str) -> None:
    src = tmp_path / "bad.csv"
    src.write_text(text)
    assert main(["import", str(src), "-o", str(tmp_path / "o.yaml")]) == 2
    err = capsys.readouterr().err
    assert where in err and what in err
    assert not (tmp_path / "o.yaml").exists()


def test_import_refuses_to_overwrite(tmp_path, capsys) -> None:
    src, out = tmp_path / "m.csv", tmp_path / "m.yaml"
    src.write_text("option,a\nX,1\nY,2\n")
    out.write_text("precious")
    assert main(["import", str(src), "-o", str(out)]) == 2
    assert out.read_text() == "precious"
