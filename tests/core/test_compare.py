"""Comparing views: rankings side by side, what differs, and the exact split of
each option's change into a weight effect and a score effect."""

from __future__ import annotations

import copy

import pytest

from assess.core.compare.views import compare_views
from assess.core.view import resolve
from assess.model import Case
from tests.conftest import small_case_data


def _later_data() -> dict:
    """The small case with a scenario: weights move to risk, a's risk rises
    with a new rationale and source, b's reach keeps its value but gets a new
    rationale."""
    data = small_case_data()
    data["scores"]["a"]["risk"]["rationale"] = "calm"
    data["scenarios"] = {
        "later": {
            "name": "Later",
            "weights": {
                "method": "direct",
                "elicitation": "workshop 2025",
                "points": {"gain": 25, "reach": 25, "risk": 50},
            },
            "scores": {
                "a": {
                    "risk": {
                        "value": 3,
                        "low": 2,
                        "high": 4,
                        "rationale": "sanctions bite",
                        "source": {"document": "d.txt", "passage": "sanctions"},
                    }
                },
                "b": {"reach": {"value": 10, "rationale": "re-read"}},
            },
        }
    }
    return data


@pytest.fixture
def later_case() -> Case:
    return Case.model_validate(_later_data())


def _pair(case: Case, scenario: str = "later"):
    return compare_views([("base", resolve(case, None)), ("later", resolve(case, None, scenario))])


def test_hand_computed_split(later_case: Case) -> None:
    """a: base .5*1 + .3*.2 + .2*.8 = .72; later .25*1 + .25*.2 + .5*.4 = .50.
    Weight effect: Δw·v̄ = -.25*1 + -.05*.2 + .3*.6 = -.08;
    score effect: w̄·Δv = .35*(.4-.8) = -.14; sum -.22 = .50 - .72."""
    comp = _pair(later_case)
    (a,) = [e for e in comp.effects if e.option == "a"]
    assert a.total_before == pytest.approx(0.72) and a.total_after == pytest.approx(0.50)
    assert a.weight_effect == pytest.approx(-0.08)
    assert a.score_effect == pytest.approx(-0.14)
    by = {c.criterion: c for c in a.criteria}
    assert by["risk"].score_effect == pytest.approx(-0.14)
    assert by["gain"].score_effect == 0 and by["gain"].weight_effect == pytest.approx(-0.25)
    assert a.top(1)[0].criterion == "gain"
    for e in comp.effects:
        assert abs(e.weight_effect + e.score_effect - e.change) < 1e-12


def test_rankings_side_by_side_and_moves(later_case: Case) -> None:
    """base: a, b tie at .72 (rank 1), c vetoed; later: b = .25*.6+.25+.5*.6 = .70
    ranks 1, a (.50) ranks 2; c still vetoed, but keeps a total and an effect."""
    comp = _pair(later_case)
    rows = {r.option: r for r in comp.options}
    assert [r.option for r in comp.options] == ["a", "b", "c"]
    assert [s.rank for s in rows["a"].sides] == [1, 2]
    assert rows["a"].moves == (-1,) and rows["a"].move == -1
    assert rows["b"].moves == (0,)
    c = rows["c"]
    assert all(s.excluded and s.rank is None and s.total is not None for s in c.sides)
    assert c.move is None and c.sides[0].reasons[0].reason == "too risky"
    assert any(e.option == "c" for e in comp.effects)


def test_weights_that_differ_carry_method_and_elicitation(later_case: Case) -> None:
    comp = _pair(later_case)
    changed = {w.criterion: w for w in comp.weight_changes}
    assert set(changed) == {"gain", "reach", "risk"}
    risk = changed["risk"]
    assert [s.share for s in risk.sides] == pytest.approx([0.2, 0.5])
    assert [s.raw for s in risk.sides] == [20, 50]
    assert risk.sides[1].elicitation == "workshop 2025" and risk.sides[1].method == "direct"
    assert set(risk.changed) == {"share", "raw"}


def test_scores_that_differ_keep_both_rationales_and_sources(later_case: Case) -> None:
    comp = _pair(later_case)
    changes = {(c.option, c.criterion): c for c in comp.score_changes}
    assert set(changes) == {("a", "risk"), ("b", "reach")}
    a_risk = changes[("a", "risk")]
    before, after = a_risk.sides
    assert (before.value, after.value, after.low, after.high) == (1, 3, 2, 4)
    assert before.rationale == "calm" and after.rationale == "sanctions bite"
    assert before.source is None and after.source.document == "d.txt"
    assert set(a_risk.changed) == {"value", "range", "rationale", "source"}
    assert a_risk.value_changed
    b_reach = changes[("b", "reach")]
    assert b_reach.changed == ("rationale",) and not b_reach.value_changed
    assert comp.cell("a", "gain").changed == ()


def test_identical_views_have_no_changes(later_case: Case) -> None:
    view = resolve(later_case, None)
    comp = compare_views([("x", view), ("y", view)])
    assert comp.weight_changes == () and comp.score_changes == ()
    assert all(e.weight_effect == 0 and e.score_effect == 0 for e in comp.effects)
    assert comp.only_in.options == () and comp.only_in.criteria == ()


def _other_case() -> Case:
    """Another team's file: no option c, a new option d, no reach, a new criterion."""
    data = copy.deepcopy(small_case_data())
    data["criteria"]["use"] = ["gain", "risk", "trust"]
    data["criteria"]["local"] = [c for c in data["criteria"]["local"] if c["id"] != "reach"]
    data["criteria"]["local"].append(
        {"id": "trust", "name": "Trust", "family": "driver", "direction": "benefit"}
    )
    data["options"] = [{"id": "d", "name": "D"}, {"id": "a", "name": "A"}, {"id": "b", "name": "B"}]
    data["weights"] = {"method": "direct", "points": {"gain": 2, "risk": 1, "trust": 1}}
    data["scores"] = {
        o: {"gain": {"value": 4}, "risk": {"value": 2}, "trust": {"value": t}}
        for o, t in (("a", 5), ("b", 1), ("d", 3))
    }
    return Case.model_validate(data)


def test_options_and_criteria_in_one_view_only(small_case: Case) -> None:
    ours, theirs = resolve(small_case, None), resolve(_other_case(), None)
    comp = compare_views([("ours", ours), ("theirs", theirs)])
    assert [r.option for r in comp.options] == ["a", "b", "c", "d"]
    assert dict(comp.only_in.options) == {"c": (0,), "d": (1,)}
    assert dict(comp.only_in.criteria) == {"reach": (0,), "trust": (1,)}
    rows = {r.option: r for r in comp.options}
    assert not rows["c"].sides[1].present and rows["c"].sides[1].total is None
    assert rows["d"].sides[0].rank is None and rows["d"].move is None
    assert {e.option for e in comp.effects} == {"a", "b"}
    trust = comp.cell("a", "trust")
    assert trust.changed == ("presence",) and trust.sides[1].value == 5
    for e in comp.effects:
        assert abs(e.weight_effect + e.score_effect - e.change) < 1e-12
        by = {c.criterion: c for c in e.criteria}
        # a criterion in one view only: all of its effect is a weight effect
        assert by["reach"].score_effect == 0 and by["trust"].score_effect == 0
        assert by["trust"].weight_effect == pytest.approx(0.25 * (1.0 if e.option == "a" else 0.2))


def test_three_views_moves_and_first_to_last(later_case: Case) -> None:
    base, later = resolve(later_case, None), resolve(later_case, None, "later")
    comp = compare_views([("1", base), ("2", later), ("3", base)])
    row = next(r for r in comp.options if r.option == "a")
    assert row.moves == (-1, 1) and row.move == 0
    pairs = {(e.before, e.after) for e in comp.effects}
    assert pairs == {(0, 1), (1, 2)}
    total = sum(e.change for e in comp.effects_of("a"))
    assert abs(total) < 1e-12


def test_needs_two_views(small_case: Case) -> None:
    with pytest.raises(ValueError, match="two or more"):
        compare_views([("only", resolve(small_case, None))])
