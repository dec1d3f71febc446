"""`assess dominance` through its JSON against brute force on a fine simplex grid.

Every statement here has its bounds on twelfths, so every vertex of the
polytope (where the extremes of a linear function lie) is a point of the grid
of step 1/72: the grid's answers are exact, not approximate."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from tests.casegen import matrix_case_data
from tests.conftest import run_cli

STEP = 72
TOL = 1e-9


def _case(m: int, n: int, seed: int, statements: list[dict]) -> dict:
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 11, size=(n, m))
    scores[1] = np.maximum(scores[1], scores[2])  # some dominance to find
    cells = [[int(x) for x in row] for row in scores]
    return matrix_case_data(cells, {"method": "statements", "statements": statements}, "Grid")


def _grid(m: int) -> np.ndarray:
    points = [p for p in itertools.product(range(STEP + 1), repeat=m - 1) if sum(p) <= STEP]
    return np.array([[*p, STEP - sum(p)] for p in points], dtype=float) / STEP


def _allowed(w: np.ndarray, statements: list[dict], ids: list[str]) -> np.ndarray:
    ok = np.ones(len(w), dtype=bool)
    col = {c: j for j, c in enumerate(ids)}
    for s in statements:
        if "order" in s:
            groups = [[g] if isinstance(g, str) else g for g in s["order"]]
            for g in groups:
                ok &= np.all(np.isclose(w[:, [col[c] for c in g]], w[:, [col[g[0]]]]), axis=1)
            for g, h in itertools.pairwise(groups):
                ok &= w[:, col[g[0]]] >= w[:, col[h[0]]] - TOL
        else:
            b = s["interval"]
            ok &= (w[:, col[b["criterion"]]] >= b.get("min", 0) - TOL) & (
                w[:, col[b["criterion"]]] <= b.get("max", 1) + TOL
            )
    return ok


CASES = [
    (3, 6, 1, [{"order": ["c0", "c1"]}, {"interval": {"criterion": "c2", "min": 1 / 12, "max": 5 / 12}}]),
    (4, 7, 2, [{"order": ["c2", ["c0", "c3"]]}, {"interval": {"criterion": "c1", "max": 1 / 3}}]),
    (3, 5, 3, []),
]


@pytest.mark.parametrize(("m", "n", "seed", "statements"), CASES)
def test_dominance_and_best_options_agree_with_a_fine_grid(
    capsys, tmp_path: Path, m, n, seed, statements
) -> None:
    data = _case(m, n, seed, statements)
    if not statements:
        data["weights"] = {"method": "direct", "points": {f"c{j}": 1 for j in range(m)}}
    path = tmp_path / "grid.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    code, out, err = run_cli(capsys, "dominance", path, "--format", "json")
    assert code == 0, err
    got = json.loads(out)
    assert got["weights"]["simplex"] is (not statements)

    ids = [f"c{j}" for j in range(m)]
    w = _grid(m)
    w = w[_allowed(w, statements, ids)]
    x = np.array([[data["scores"][f"o{i}"][c]["value"] / 10 for c in ids] for i in range(n)])
    v = w @ x.T  # grid points x options
    best = v >= v.max(axis=1, keepdims=True) - TOL
    by = {o["option"]: o for o in got["options"]}
    for a, b in itertools.permutations(range(n), 2):
        diff = v[:, a] - v[:, b]
        expect = bool(np.all(diff >= -TOL) and np.any(diff > TOL))
        assert (f"o{b}" in by[f"o{a}"]["dominates"]) is expect, (a, b)
    assert got["possibly_best"] == [f"o{i}" for i in range(n) if best[:, i].any()]
    assert got["necessarily_best"] == [f"o{i}" for i in range(n) if best[:, i].all()]
    assert any(o["dominates"] for o in got["options"])  # not vacuous
    bounds = got["weights"]["bounds"]
    for j, c in enumerate(ids):
        assert bounds[c] == pytest.approx([w[:, j].min(), w[:, j].max()], abs=1e-6)


def test_the_table_says_which_weights_count_and_lists_the_hasse_edges(capsys, tmp_path: Path) -> None:
    m, n, seed, statements = CASES[0]
    path = tmp_path / "grid.yaml"
    path.write_text(yaml.safe_dump(_case(m, n, seed, statements), sort_keys=False))
    code, out, _ = run_cli(capsys, "dominance", path)
    assert code == 0
    assert out.startswith("Grid: baseline: dominance over the weightings the 2 weight statements allow:")
    assert "  - C0 >= C1\n  - C2 between 8.333 % and 41.67 % of the weight\n" in out
    assert "Possibly best (first for some allowed weighting): " in out
    hasse = out.split("Hasse diagram (each option over those it dominates directly):\n")[1]
    assert "O1 > " in hasse and "O2" in hasse
    code, md, _ = run_cli(capsys, "dominance", path, "--format", "markdown")
    assert code == 0 and "| option | dominates | dominated by |" in md


def test_statements_that_admit_no_weights_are_bad_input(capsys, tmp_path: Path) -> None:
    statements = [{"order": ["c0", "c1"]}, {"interval": {"criterion": "c1", "min": 0.6}}]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(_case(3, 3, 1, statements), sort_keys=False))
    code, out, err = run_cli(capsys, "dominance", path)
    assert code == 2 and out == ""
    assert "admit no weights together" in err
