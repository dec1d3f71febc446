"""The team view and its disagreements (`assess.core.team`, `assess.core.disagreement`),
checked by hand on a small case and as properties on random ones."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.core.disagreement import CellDisagreement, Opinion, disagreement, rank_map
from assess.core.scoring import score_wsm
from assess.core.team import team_cell
from assess.core.view import resolve
from assess.model import Case
from tests.conftest import small_case_data


def team_case(gains: list[float], aggregate: str = "mean") -> Case:
    """The small case with no agreed scores and one assessor per value of
    a × gain (every other cell as the small case has it)."""
    data = small_case_data()
    base = data.pop("scores")
    assessors = {}
    for k, value in enumerate(gains):
        scores = {o: {c: dict(s) for c, s in row.items()} for o, row in base.items()}
        scores["a"]["gain"] = {"value": value, "rationale": f"reason {k}"}
        assessors[f"p{k}"] = {"name": f"P{k}", "scores": scores}
    data["assessors"] = assessors
    data["team"] = {"aggregate": aggregate}
    return Case.model_validate(data)


def cell(values: list[float]) -> CellDisagreement:
    opinions = tuple(Opinion(f"p{k}", f"P{k}", v, v, v, None, None) for k, v in enumerate(values))
    return CellDisagreement("a", "gain", opinions, statistics.fmean(values))


def test_team_mean_and_median_by_hand() -> None:
    assert team_cell(team_case([1, 2, 4.5]), "a", "gain").value == pytest.approx(2.5)
    assert team_cell(team_case([1, 2, 4.5], "median"), "a", "gain").value == 2
    assert team_cell(team_case([1, 2, 4, 5], "median"), "a", "gain").value == 3
    view = resolve(team_case([1, 2, 4.5]), None)
    assert view.cell("a", "gain").value == pytest.approx(2.5)
    assert view.cell("a", "gain").range == (1, 4.5)


def test_spread_deviation_and_furthest_by_hand() -> None:
    c = cell([1, 2, 4.5])
    assert c.spread == 3.5
    # mean 2.5; deviations -1.5, -0.5, 2 -> (2.25 + 0.25 + 4) / 3
    assert c.std == pytest.approx(math.sqrt(6.5 / 3))
    # each against the mean of the other two: |1 - 3.25|, |2 - 2.75|, |4.5 - 1.5|
    assert c.distances == pytest.approx({"p0": 2.25, "p1": 0.75, "p2": 3.0})
    assert c.furthest == ("p2", pytest.approx(3.0))


@pytest.mark.parametrize("values", [[1, 3, 5], [2, 4], [3, 3, 3], [4]])
def test_nobody_stands_out_on_a_tie(values: list[float]) -> None:
    assert cell(values).furthest is None


def test_disagreement_of_a_small_team() -> None:
    d = disagreement(team_case([1, 2, 4.5]), None)
    (top, *rest) = d.by_spread()
    assert (top.option, top.criterion, top.spread) == ("a", "gain", 3.5)
    assert [o.rationale for o in top.opinions] == ["reason 0", "reason 1", "reason 2"]
    assert all(c.spread == 0 for c in rest)
    assert d.spread_matrix.shape == (3, 3) and d.spread_matrix[0, 0] == 3.5
    assert d.ranking_of("p2").furthest_in == 1


def test_each_assessors_ranking_and_tau() -> None:
    case = team_case([0, 5])  # p0 thinks a gains nothing, p1 the most
    d = disagreement(case, None)
    for r in d.rankings:
        mine = score_wsm(resolve(case, None, None, r.assessor))
        assert r.ranks == rank_map(mine)
    # c is vetoed (risk 5) for everyone and takes the last place
    assert d.team_ranks == {"b": 1, "a": 2, "c": 3}
    assert d.ranking_of("p0").ranks == {"b": 1, "a": 2, "c": 3}
    assert d.ranking_of("p0").tau == pytest.approx(1.0)
    # with gain 5, a ties b (50 + 6 + 16 = 30 + 30 + 12): of 3 pairs 2 concordant,
    # one tied in p1's ranking only: tau-b = 2 / sqrt(3 * 2)
    assert d.ranking_of("p1").ranks == {"a": 1, "b": 1, "c": 3}
    assert d.ranking_of("p1").tau == pytest.approx(2 / math.sqrt(6))


def test_a_case_without_assessors_is_refused(small_case: Case) -> None:
    with pytest.raises(ValueError, match="no assessors"):
        disagreement(small_case, None)


scores = st.lists(st.integers(0, 10).map(lambda k: k / 2), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(values=scores, aggregate=st.sampled_from(["mean", "median"]))
def test_team_value_lies_between_the_assessors(values: list[float], aggregate: str) -> None:
    team = team_cell(team_case(values, aggregate), "a", "gain")
    assert min(values) - 1e-12 <= team.value <= max(values) + 1e-12
    assert team.range == (min(values), max(values))


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.floats(0, 5), min_size=1, max_size=8))
def test_spread_bounds_the_deviation(values: list[float]) -> None:
    c = cell(values)
    assert c.spread >= 0
    assert c.std <= c.spread / 2 + 1e-9  # a population sd never exceeds half the range
    if c.furthest is not None:
        assert c.furthest[1] == pytest.approx(max(c.distances.values()))


def test_which_weights_rank_the_team() -> None:
    case = team_case([1, 2])
    assert disagreement(case, None).weights_rule == "agreed"
    bare = case.model_copy(update={"weights": None})
    assert disagreement(bare, None).weights_rule == "default"
    own = bare.assessors["p0"].model_copy(update={"weights": case.weights})
    mixed = bare.model_copy(update={"assessors": {**bare.assessors, "p0": own}})
    d = disagreement(mixed, None)
    assert d.weights_rule == "mean" and d.ranking_of("p0").own_weights


def test_a_cell_only_some_assessors_scored() -> None:
    case = team_case([1, 4])
    p1 = case.assessors["p1"]
    rows = {o: dict(r) for o, r in p1.scores.items()}
    del rows["a"]["gain"]
    partial = case.model_copy(
        update={"assessors": {**case.assessors, "p1": p1.model_copy(update={"scores": rows})}}
    )
    cell = disagreement(partial, None).cell("a", "gain")
    assert cell is not None and [o.assessor for o in cell.opinions] == ["p0"]
    assert (cell.team, cell.spread, cell.std, cell.furthest) == (1, 0, 0, None)
    assert cell.opinion("p1") is None
