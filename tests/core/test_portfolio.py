"""The portfolio problem of a view, by id: benefits over the reference, costs, budgets,
rules, what is never funded; the analyses against brute force."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from assess.core.portfolio import analyses as A
from assess.core.portfolio.problem import PortfolioRefused, build_problem
from assess.core.view import resolve
from assess.kernels.portfolio import PortfolioInfeasible
from assess.model import Case


def case_data(**extra: Any) -> dict[str, Any]:
    """Five areas and the reference 'none'; 'd' scores below the reference, 'e' is vetoed."""
    gains = {"a": 9, "b": 7, "c": 6, "d": 1, "e": 10, "none": 2}
    risks = {"a": 4, "b": 2, "c": 3, "d": 3, "e": 9, "none": 0}
    data: dict[str, Any] = {
        "title": "Budget",
        "criteria": {
            "use": ["gain", "risk"],
            "local": [
                {
                    "id": "gain",
                    "name": "Gain",
                    "family": "driver",
                    "direction": "benefit",
                    "scale": {"min": 0, "max": 10},
                },
                {
                    "id": "risk",
                    "name": "Risk",
                    "family": "risk",
                    "direction": "cost",
                    "scale": {"min": 0, "max": 10},
                    "veto": {"threshold": 8, "reason": "too risky"},
                },
            ],
        },
        "options": [{"id": o, "name": o.upper()} for o in gains],
        "weights": {"method": "direct", "points": {"gain": 60, "risk": 40}},
        "scores": {
            o: {"gain": {"value": gains[o]}, "risk": {"value": risks[o], "low": max(0, risks[o] - 1)}}
            for o in gains
        },
        "resources": {"money": {"name": "Money", "unit": "M"}, "people": {"name": "People"}},
        "reference": "none",
        "budget": {"money": 6, "people": 5},
        "costs": {
            "a": {"money": {"value": 4}, "people": {"value": 2}},
            "b": {"money": {"value": 3, "low": 2, "high": 4}, "people": {"value": 2}},
            "c": {"money": {"value": 2}, "people": {"value": 3}},
            "d": {"money": {"value": 1}},
            "e": {"money": {"value": 1}},
        },
    }
    data.update(extra)
    return data


def problem_of(data: dict[str, Any], scenario: str | None = None, budget: dict | None = None):
    case = Case.model_validate(data)
    return build_problem(resolve(case, None, scenario), budget)


def value(gain: float, risk: float) -> float:
    return 0.6 * gain / 10 + 0.4 * (1 - risk / 10)


def test_benefit_is_the_value_minus_the_reference_and_the_reference_is_no_candidate() -> None:
    cp = problem_of(case_data())
    assert cp.ids == ("a", "b", "c", "d", "e")
    assert cp.reference_value == pytest.approx(value(2, 0))
    assert cp.benefit("a") == pytest.approx(value(9, 4) - value(2, 0))
    assert cp.costs["d"] == {"money": 1.0, "people": 0.0}  # a cost not given is 0


def test_without_a_reference_the_benefit_is_the_value() -> None:
    data = case_data()
    del data["reference"]
    cp = problem_of(data)
    assert "none" in cp.ids and cp.benefit("a") == pytest.approx(value(9, 4))


def test_worse_than_the_reference_and_vetoed_options_are_never_funded() -> None:
    cp = problem_of(case_data(), budget={"money": 100, "people": 100})
    assert cp.excluded["d"].kind == "worse" and cp.excluded["d"].benefit < 0
    assert cp.excluded["e"].kind == "vetoed" and cp.excluded["e"].vetoes[0].criterion == "Risk"
    assert A.optimal(cp).options == ("a", "b", "c")


def test_the_optimum_agrees_with_brute_force_over_every_subset() -> None:
    cp = problem_of(case_data())
    best = max(
        (s for k in range(4) for s in itertools.combinations("abc", k) if _fits(cp, s)),
        key=lambda s: sum(cp.benefit(o) for o in s),
    )
    assert set(A.optimal(cp).options) == set(best)


def _fits(cp, options) -> bool:
    return all(sum(cp.costs[o][r] for o in options) <= cp.budget[r] for r in cp.budget)


def test_a_must_on_an_option_never_funded_is_refused_at_the_rule() -> None:
    with pytest.raises(PortfolioRefused) as err:
        problem_of(case_data(rules={"must": ["a", "e"]}))
    assert err.value.path == ("rules", "must", 1)
    assert "veto" in err.value.message
    with pytest.raises(PortfolioRefused, match="worse than the reference"):
        problem_of(case_data(rules={"must": ["d"]}))


def test_no_budget_at_all_is_refused() -> None:
    data = case_data()
    del data["budget"]
    with pytest.raises(PortfolioRefused, match="no budget"):
        problem_of(data)
    assert problem_of(data, budget={"money": 5}).budget == {"money": 5}


def test_a_resource_without_an_amount_is_not_limited() -> None:
    cp = problem_of(case_data(budget={"money": 100}))
    assert cp.resources == ("money",) and set(A.optimal(cp).options) == {"a", "b", "c"}


def test_a_budget_of_zero_funds_only_what_costs_nothing_in_it() -> None:
    cp = problem_of(case_data(budget={"money": 100, "people": 0}))
    assert cp.resources == ("money",)
    assert {o for o, w in cp.excluded.items() if w.kind == "unaffordable"} == {"a", "b", "c"}
    assert A.optimal(cp).options == ()
    free = case_data(budget={"money": 0})
    free["costs"]["c"] = {"people": {"value": 3}}
    assert A.optimal(problem_of(free)).options == ("c",)  # nothing has a budget above 0


def test_rules_groups_and_requirements_hold() -> None:
    rules = {"at_most_one": [["a", "b"]], "requires": [{"option": "c", "needs": "b"}]}
    cp = problem_of(case_data(rules=rules, budget={"money": 100, "people": 100}))
    assert A.optimal(cp).options == ("b", "c")  # a beats b alone, but c needs b
    cp = problem_of(case_data(rules={"must_not": ["a"]}))
    assert "a" not in A.optimal(cp).options


def test_a_scenario_budget_and_rules_replace_the_baseline_and_its_costs_lay_over() -> None:
    data = case_data(
        scenarios={
            "later": {
                "name": "Later",
                "budget": {"money": 2},
                "rules": {"must_not": ["c"]},
                "costs": {"b": {"money": {"value": 1}}},
            }
        }
    )
    cp = problem_of(data, "later")
    assert cp.budget == {"money": 2} and cp.costs["b"]["money"] == 1
    assert A.optimal(cp).options == ("b",)
    assert cp.rules_path == ("scenarios", "later", "rules")


def test_infeasible_forced_options_raise_the_kernel_error() -> None:
    with pytest.raises(PortfolioInfeasible):
        A.optimal(problem_of(case_data(rules={"must": ["a", "b"]})))


def test_order_frontier_and_why() -> None:
    cp = problem_of(case_data())
    best = A.optimal(cp)
    order = A.order(cp)
    assert [e.option for e in order.entries][:3] == sorted(
        "abc", key=lambda o: -order.entries[[e.option for e in order.entries].index(o)].ratio
    )
    assert order.shortfall == pytest.approx(best.benefit - order.funded.benefit)
    front = A.frontier(cp)
    assert front[0].options == () and best in front
    assert all(p.benefit < q.benefit for p, q in itertools.pairwise(front))
    inside = A.why(cp, best, best.options[0])
    assert inside.funded and inside.margin is not None and inside.margin > 0
    out = A.why(cp, best, next(o for o in "abc" if o not in best.options))
    assert not out.funded and out.margin is not None and out.margin >= 0
    assert A.why(cp, best, "e").excluded is not None


def test_robust_core_index_against_brute_force_dominance() -> None:
    data = case_data()
    for row in data["scores"].values():
        row["risk"].pop("low")  # no ranges: dominance is on the sums alone
    cp = problem_of(data)
    r = A.robust(cp, "none")
    inc = cp.view.values[:5] - cp.view.values[5]  # criteria increments over the reference
    subsets = [
        s for k in range(4) for s in itertools.combinations(range(3), k) if _fits(cp, [cp.ids[i] for i in s])
    ]
    sums = {s: inc[list(s)].sum(axis=0) if s else np.zeros(2) for s in subsets}
    nd = [
        s
        for s in subsets
        if not any(np.all(sums[t] >= sums[s] - 1e-12) and np.any(sums[t] > sums[s] + 1e-12) for t in subsets)
    ]
    assert sorted(tuple(sorted(p)) for p in r.portfolios) == sorted(tuple(cp.ids[i] for i in s) for s in nd)
    for o in "abc":
        assert r.core_index[o] == pytest.approx(sum(cp.ids.index(o) in s for s in nd) / len(nd))
    order = A.robust(cp, "order")
    assert set(order.portfolios) <= set(r.portfolios)


def test_funding_probabilities_are_seeded_shares() -> None:
    cp = problem_of(case_data())
    f = A.funding(cp, samples=500, seed=3)
    assert f == A.funding(cp, samples=500, seed=3)
    assert f.samples == 500 and all(0 <= p <= 1 for p in f.probability.values())
    assert f.probability["d"] == 0 and f.probability["e"] == 0


def test_across_views_funded_in_all() -> None:
    data = case_data(scenarios={"later": {"name": "Later", "budget": {"money": 3, "people": 5}}})
    case = Case.model_validate(data)
    view = resolve(case, None)
    v = A.across_views(view, lambda s, a: resolve(case, None, s, a), None)
    assert [x.scenario for x in v.views] == [None, "later"]
    both = set(v.views[0].optimal.options) & set(v.views[1].optimal.options)
    assert set(v.funded_in_all) == both
