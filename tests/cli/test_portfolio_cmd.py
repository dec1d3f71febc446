"""`assess portfolio`: random matrices through `assess import` and `--format json`
against brute force; the JSON contract (strict parser); budgets, flags and refusals."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import DEFAULT_CASE, run_cli

CONTRACT = {
    "case",
    "file",
    "scenario",
    "budget",
    "reference",
    "optimal",
    "order",
    "order_benefit",
    "frontier",
}
ADDED = {"excluded", "shortfall", "crowded_out"}


def strict(text: str) -> Any:
    """JSON as a strict parser reads it: no NaN, no Infinity, no duplicate keys."""

    def no_constant(name: str) -> None:
        raise ValueError(f"not JSON: {name}")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in items]
        assert len(keys) == len(set(keys)), f"duplicate keys {keys}"
        return dict(items)

    return json.loads(text, parse_constant=no_constant, object_pairs_hook=pairs)


def _matrix(rng: np.random.Generator, n: int, m: int) -> tuple[str, np.ndarray, np.ndarray, list[str]]:
    scores = rng.integers(0, 11, size=(n, m)).astype(float)
    scores[0], scores[1] = 0, 10  # every column spans 0..10, the scale the importer infers
    cost = np.round(rng.uniform(0.5, 5, size=n), 2)
    directions = ["benefit" if rng.random() < 0.7 else "cost" for _ in range(m)]
    head = "option," + ",".join(f"c{j}" for j in range(m)) + ",@cost"
    lines = [head, "@direction," + ",".join(directions) + ","]
    lines += [f"opt{i}," + ",".join(f"{x:g}" for x in scores[i]) + f",{cost[i]:g}" for i in range(n)]
    return "\n".join(lines) + "\n", scores, cost, directions


def _brute(scores: np.ndarray, cost: np.ndarray, directions: list[str], budget: float):
    v = scores / 10
    v[:, [d == "cost" for d in directions]] = 1 - v[:, [d == "cost" for d in directions]]
    benefit = v.mean(axis=1)  # the importer weighs every column 1
    n = len(cost)
    subsets = [s for k in range(n + 1) for s in itertools.combinations(range(n), k)]
    fitting = [s for s in subsets if cost[list(s)].sum() <= budget + 1e-9]
    best = max(benefit[list(s)].sum() for s in fitting)
    points = {(round(cost[list(s)].sum(), 6), round(benefit[list(s)].sum(), 6)) for s in subsets}
    pareto = {  # no other point costs no more and brings no less, one of them strictly
        (c, b) for c, b in points if not any(c2 <= c and b2 >= b and (c2 < c or b2 > b) for c2, b2 in points)
    }
    return benefit, best, pareto


@pytest.mark.parametrize("seed", range(6))
def test_random_matrices_agree_with_brute_force(capsys, tmp_path: Path, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(4, 10)), int(rng.integers(2, 4))
    text, scores, cost, directions = _matrix(rng, n, m)
    (tmp_path / "m.csv").write_text(text)
    case = tmp_path / "m.yaml"
    assert run_cli(capsys, "import", tmp_path / "m.csv", "-o", case)[0] == 0
    budget = round(float(cost.sum()) * 0.4, 2)
    code, out, err = run_cli(capsys, "portfolio", case, "--budget", str(budget), "--format", "json")
    assert code == 0, err
    data = strict(out)
    benefit, best, pareto = _brute(scores, cost, directions, budget)
    assert data["optimal"]["benefit"] == pytest.approx(best, abs=1e-6)
    assert data["optimal"]["cost"]["money"] <= budget + 1e-9
    by_id = {f"opt{i}": i for i in range(n)}
    got = sum(benefit[by_id[o]] for o in data["optimal"]["options"])
    assert got == pytest.approx(best, abs=1e-6)
    front = {(round(p["cost"]["money"], 6), round(p["benefit"], 6)) for p in data["frontier"]}
    assert front == pareto
    order = data["order"]
    ratios = [e["ratio"] for e in order if e["benefit"] > 0 and e["ratio"] is not None]
    assert ratios == sorted(ratios, reverse=True)
    assert data["order_benefit"] <= data["optimal"]["benefit"] + 1e-9


def test_the_json_contract_of_the_bundled_case(capsys) -> None:
    code, out, err = run_cli(capsys, "portfolio", DEFAULT_CASE, "--format", "json")
    assert code == 0, err
    data = strict(out)
    assert set(data) == CONTRACT | ADDED
    assert data["file"] == str(DEFAULT_CASE) and data["scenario"] is None
    assert data["reference"] == "no_new_cooperation"
    assert data["budget"] == {"money": 8, "people": 16, "political": 4}
    assert set(data["optimal"]) == {"options", "cost", "benefit"}
    assert set(data["optimal"]["cost"]) == set(data["budget"])
    for entry in data["order"]:
        assert set(entry) == {"option", "benefit", "cost", "ratio", "funded"}
        assert isinstance(entry["funded"], bool)
    assert "no_new_cooperation" not in {e["option"] for e in data["order"]}
    for point in data["frontier"]:
        assert set(point) == {"cost", "benefit", "options"}
    funded = [e["option"] for e in data["order"] if e["funded"]]
    assert data["order_benefit"] == pytest.approx(
        sum(e["benefit"] for e in data["order"] if e["option"] in funded), abs=1e-5
    )
    for c in data["optimal"]["cost"]:
        assert data["optimal"]["cost"][c] <= data["budget"][c] + 1e-9


def test_robust_samples_and_views_add_their_keys(capsys) -> None:
    argv = ["portfolio", DEFAULT_CASE, "--robust", "order", "--samples", "300", "--seed", "4"]
    code, out, err = run_cli(capsys, *argv, "--views", "all", "--format", "json")
    assert code == 0, err
    data = strict(out)
    assert set(data) == CONTRACT | ADDED | {"robust", "funding", "views", "funded_in_all"}
    robust = data["robust"]
    assert set(robust) == {"information", "portfolios", "core_index", "class"}
    assert robust["information"] == "order"
    for o, share in robust["core_index"].items():
        held = sum(o in p for p in robust["portfolios"]) / len(robust["portfolios"])
        assert share == pytest.approx(held, abs=1e-6)
        want = "core" if held == 1 else "exterior" if held == 0 else "borderline"
        assert robust["class"][o] == want
    assert data["funding"]["samples"] == 300 and data["funding"]["seed"] == 4
    assert [v["scenario"] for v in data["views"]] == [None, "2025"]
    common = set.intersection(*(set(v["options"]) for v in data["views"]))
    assert set(data["funded_in_all"]) == common
    again = strict(run_cli(capsys, *argv, "--views", "all", "--format", "json")[1])
    assert again["funding"] == data["funding"]


def test_a_budget_flag_replaces_the_named_amounts(capsys) -> None:
    code, out, _ = run_cli(capsys, "portfolio", DEFAULT_CASE, "--budget", "money=3", "--format", "json")
    data = strict(out)
    assert code == 0 and data["budget"] == {"money": 3, "people": 16, "political": 4}
    assert data["optimal"]["cost"]["money"] <= 3


@pytest.mark.parametrize(
    ("budget", "message"),
    [
        ("3", "name the resource of each amount, e.g. --budget money=3"),
        ("mony=3", "unknown resource 'mony' (did you mean 'money'?)"),
        ("money=-1", "must be a number >= 0"),
        ("money=x", "is not a number"),
        ("money", "name the resource"),
    ],
)
def test_a_bad_budget_flag_is_bad_input(capsys, budget: str, message: str) -> None:
    code, out, err = run_cli(capsys, "portfolio", DEFAULT_CASE, "--budget", budget)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def _small(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(
        "title: T\ncriteria:\n  use: [gain]\n  local:\n"
        "    - {id: gain, name: Gain, family: driver, direction: benefit, scale: {min: 0, max: 10},"
        " veto: {threshold: 2}}\n"
        "options: [{id: a, name: A}, {id: b, name: B}, {id: z, name: Z}]\n"
        "scores:\n  a: {gain: {value: 8}}\n  b: {gain: {value: 5}}\n  z: {gain: {value: 1}}\n"
        "resources: {money: {name: Money}}\n" + extra
    )
    return path


def test_no_budget_at_all_is_a_clear_error(capsys, tmp_path: Path) -> None:
    case = _small(tmp_path, "costs: {a: {money: {value: 2}}}\n")
    code, out, err = run_cli(capsys, "portfolio", case)
    assert code == 2 and out == ""
    assert err.startswith(f"{case}:11:12: the case declares no budget")
    assert run_cli(capsys, "portfolio", case, "--budget", "3")[0] == 0


def test_a_must_on_a_vetoed_option_is_refused_at_its_line(capsys, tmp_path: Path) -> None:
    case = _small(tmp_path, "budget: {money: 5}\nrules: {must: [z]}\n")
    code, _, err = run_cli(capsys, "portfolio", case)
    assert code == 2 and err.startswith(f"{case}:13:16: 'z' must be funded, but a veto excludes it")


def test_an_unknown_resource_in_the_budget_is_found_at_its_line(capsys, tmp_path: Path) -> None:
    case = _small(tmp_path, "budget: {mony: 5}\n")
    code, _, err = run_cli(capsys, "portfolio", case)
    assert code == 2 and err.startswith(f"{case}:12:16: unknown resource 'mony' (did you mean 'money'?)")


def test_forced_options_over_the_budget_are_bad_input(capsys, tmp_path: Path) -> None:
    case = _small(tmp_path, "budget: {money: 1}\ncosts: {a: {money: {value: 2}}}\nrules: {must: [a]}\n")
    code, _, err = run_cli(capsys, "portfolio", case)
    assert code == 2 and "no portfolio is possible" in err


def test_the_table_fits_the_terminal_and_marks_what_is_never_funded(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run_cli(capsys, "portfolio", DEFAULT_CASE, "--scenario", "2025", "--robust", "none")
    assert code == 0
    assert max(map(len, out.splitlines())) <= 80
    assert "Optimal portfolio, benefit" in out and "Reference (the line to beat)" in out
    assert "Never funded:" in out


def test_markdown(capsys) -> None:
    code, out, _ = run_cli(capsys, "portfolio", DEFAULT_CASE, "--format", "markdown")
    assert code == 0 and out.startswith("## ") and "### Value-for-money order" in out


def test_monte_carlo_shows_its_progress_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """--samples draws in chunks; on a terminal a progress line shows them and clears itself."""
    import io

    from assess.cli import main as cli_main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    fake = Terminal()
    monkeypatch.setattr("sys.stderr", fake)
    assert cli_main(["portfolio", str(DEFAULT_CASE), "--samples", "2000", "-f", "json"]) == 0
    shown = fake.getvalue()
    assert "\r[" in shown and "100%" in shown
    assert shown.endswith("\r")
