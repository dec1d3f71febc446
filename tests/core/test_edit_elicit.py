"""The pure edits of elicitation (`assess.core.edit_elicit`), the statements as typed
(`assess.core.elicit_text`) and what the weights screen shows live under them
(`assess.core.elicit_live`), on the shared small case (gain, reach, risk)."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
import yaml

from assess.core import edit_elicit as E
from assess.core.edit import EditError
from assess.core.elicit_live import first_acceptability, polytope, possibly_best_ids
from assess.core.elicit_text import EXAMPLES, parse_statement, statement_text
from assess.core.view import resolve
from assess.model import Case, Weights
from assess.model.record import PairwiseStep, StatementStep, SwingRatingStep, TradeoffStep, WithdrawalStep
from tests.conftest import small_case_data

IDS = ("gain", "reach", "risk")
ANNA = E.Said("anna", None, dt.date(2026, 1, 2))


@pytest.fixture
def case() -> Case:
    return Case.model_validate(small_case_data(reach_max=5))


@pytest.mark.parametrize(
    ("typed", "data"),
    [
        ("gain > reach, risk", {"order": ["gain", ["reach", "risk"]]}),
        ("gain 20%..40%", {"interval": {"criterion": "gain", "min": 0.2, "max": 0.4}}),
        ("gain >= 0.2", {"interval": {"criterion": "gain", "min": 0.2}}),
        ("reach 1.5..3 x risk", {"ratio": {"criterion": "reach", "to": "risk", "min": 1.5, "max": 3.0}}),
        ("reach <= 2 x risk", {"ratio": {"criterion": "reach", "to": "risk", "max": 2.0}}),
        ("risk = 5%", {"exact": {"criterion": "risk", "weight": 0.05}}),
    ],
)
def test_a_typed_statement_reads_back_in_the_same_words(case: Case, typed: str, data: dict) -> None:
    assert parse_statement(typed, IDS) == data
    new = E.add_statement(case, None, data, ANNA, catalogue=None)
    assert parse_statement(statement_text(new.weights.statements[-1]), IDS) == data


def test_a_typo_or_a_percentage_ratio_is_refused_with_a_hint() -> None:
    with pytest.raises(ValueError, match=r"'gian' is not a criterion of this view \(did you mean 'gain'\?\)"):
        parse_statement("gian > reach", IDS)
    with pytest.raises(ValueError, match="not a percentage"):
        parse_statement("gain >= 20% x reach", IDS)
    with pytest.raises(ValueError, match="for example: " + EXAMPLES[0]):
        parse_statement("gain is big", IDS)


def test_a_statement_is_written_with_its_step_and_a_conflict_names_the_smallest_set(case: Case) -> None:
    case = E.add_statement(case, None, parse_statement("gain >= 60%", IDS), ANNA, catalogue=None)
    case = E.add_statement(case, None, parse_statement("reach 1..2 x risk", IDS), ANNA, catalogue=None)
    spec = case.weights
    assert spec.statements[0].by == "anna" and spec.statements[0].date == dt.date(2026, 1, 2)
    assert spec.record[-1] == StatementStep(
        step="statement", statement=1, by="anna", date=dt.date(2026, 1, 2)
    )
    with pytest.raises(EditError, match=r"cannot all hold: \(1\) gain >= 60%; \(3\) reach >= 50%$"):
        E.add_statement(case, None, parse_statement("reach >= 50%", IDS), ANNA, catalogue=None)


def test_swing_ratings_make_the_weights_swing_points_from_the_current_shares(case: Case) -> None:
    case = E.swing_order(case, None, ["gain", "reach", "risk"], ANNA, catalogue=None)
    case = E.swing_rating(case, None, "risk", 25, ANNA, catalogue=None)
    spec = case.weights
    assert spec.method == "swing" and spec.points is None
    assert spec.swing == {"gain": 100.0, "reach": 60.0, "risk": 25.0}  # points 50, 30, 20 before
    assert isinstance(spec.record[-1], SwingRatingStep) and spec.record[-2].step == "swing_order"
    with pytest.raises(EditError, match="rated 0..100"):
        E.swing_rating(case, None, "risk", 120, ANNA, catalogue=None)


def test_pairwise_judgements_become_ahp_once_every_pair_is_judged(case: Case) -> None:
    case = E.pairwise(case, None, "gain", "reach", 3, ANNA, catalogue=None)
    case = E.pairwise(case, None, "gain", "risk", 5, ANNA, catalogue=None)
    assert case.weights.method == "direct" and case.weights.pairwise is None  # one pair to go
    case = E.pairwise(case, None, "gain", "reach", 2, ANNA, catalogue=None)  # revisited
    case = E.pairwise(case, None, "risk", "reach", 1 / 2, ANNA, catalogue=None)
    spec = case.weights
    assert spec.method == "ahp" and spec.points is None
    assert {(j.a, j.b, j.ratio) for j in spec.pairwise or []} == {
        ("gain", "reach", 2),
        ("gain", "risk", 5),
        ("risk", "reach", 0.5),
    }
    assert sum(isinstance(s, PairwiseStep) for s in spec.record) == 4


def test_a_tradeoff_answer_is_a_step_and_a_ratio_statement(case: Case) -> None:
    case = E.tradeoff(case, None, ("gain", "risk", 2.0), "more", (2.0, None), ANNA, catalogue=None)
    spec = case.weights
    assert spec.record[-2] == TradeoffStep(
        step="tradeoff", criterion="gain", to="risk", ratio=2.0, answer="more", by="anna", date=ANNA.date
    )
    assert statement_text(spec.statements[0]) == "gain >= 2 x risk"


def test_the_rationale_goes_to_the_last_step_or_the_statement_it_names(case: Case) -> None:
    with pytest.raises(EditError, match="no elicitation step"):
        E.set_last_rationale(case, None, "why", catalogue=None)
    case = E.swing_order(case, None, list(IDS), ANNA, catalogue=None)
    case = E.set_last_rationale(case, None, " gain first ", catalogue=None)
    assert case.weights.record[-1].rationale == "gain first"
    case = E.add_statement(case, None, {"order": ["gain", "risk"]}, ANNA, catalogue=None)
    case = E.set_last_rationale(case, None, "said so", catalogue=None)
    assert case.weights.statements[0].rationale == "said so" and case.weights.record[-1].rationale is None
    assert E.set_last_rationale(case, None, "said so", catalogue=None) is case


def test_possibly_best_agrees_with_a_fine_grid_and_smaa_stays_inside_it(case: Case) -> None:
    case = E.add_statement(case, None, parse_statement("reach 1..3 x risk", IDS), ANNA, catalogue=None)
    view = resolve(case, None)
    statements, kept = case.weights.statements, ["a", "b"]  # c is vetoed
    best = possibly_best_ids(view, statements)
    p = polytope(view.criterion_ids, statements)
    grid = [np.array(w) / 60 for w in itertools.product(range(61), repeat=3) if sum(w) == 60]
    allowed = [w for w in grid if not p.violated_by(w)]
    firsts = {kept[int(np.argmax(view.values[:2] @ w))] for w in allowed}
    assert firsts == set(best) == {"a", "b"}
    shares = first_acceptability(view, statements, samples=400)
    assert set(shares) == {"a", "b"} and sum(shares.values()) == pytest.approx(1.0)
    # a's share against the grid's: the standard error at 400 draws is under 0.025
    grid_a = np.mean([int(np.argmax(view.values[:2] @ w)) == 0 for w in allowed])
    assert shares["a"] == pytest.approx(grid_a, abs=0.1)
    assert first_acceptability(view, statements, samples=400) == shares  # seeded: the same each time
    tighter = E.add_statement(case, None, parse_statement("gain >= 80%", IDS), ANNA, catalogue=None)
    assert possibly_best_ids(resolve(tighter, None), tighter.weights.statements) == ["a"]


# -- withdrawing a statement ---------------------------------------------------------

BORIS = E.Said("boris", "no longer holds", dt.date(2026, 1, 5))


def test_a_withdrawn_statement_leaves_the_list_and_its_withdrawal_is_recorded(case: Case) -> None:
    case = E.add_statement(case, None, parse_statement("gain >= 20%", IDS), ANNA, catalogue=None)
    case = E.swing_order(case, None, list(IDS), ANNA, catalogue=None)
    case = E.add_statement(case, None, parse_statement("reach 1..3 x risk", IDS), ANNA, catalogue=None)
    case = E.add_statement(case, None, parse_statement("risk <= 40%", IDS), ANNA, catalogue=None)
    given = case.weights.statements[0]
    after = E.remove_statement(case, None, 0, BORIS, catalogue=None)
    spec = after.weights
    assert [statement_text(s) for s in spec.statements] == ["reach 1..3 x risk", "risk <= 40%"]
    kinds = [(s.step, getattr(s, "statement", None)) for s in spec.record]
    # the step that gave statement 1 goes; those after it now name 0 and 1
    assert kinds[:3] == [("swing_order", None), ("statement", 0), ("statement", 1)]
    last = spec.record[-1]
    assert isinstance(last, WithdrawalStep) and len(spec.record) == 4
    assert last.withdrawn == given and last.withdrawn.by == "anna"  # who gave it, kept
    assert (last.by, last.rationale, last.date) == ("boris", "no longer holds", dt.date(2026, 1, 5))
    # the file's form reads back: every statement step names an existing statement
    again = Weights.model_validate(yaml.safe_load(yaml.safe_dump(spec.model_dump(exclude_none=True))))
    assert again == spec and again.record[-1] == last
    # the withdrawal is the last step: the rationale goes to it
    explained = E.set_last_rationale(after, None, "superseded", catalogue=None)
    assert explained.weights.record[-1].rationale == "superseded"


def test_withdrawing_the_middle_statement_keeps_the_others_named(case: Case) -> None:
    for typed in ("gain >= 20%", "reach 1..3 x risk", "risk <= 40%"):
        case = E.add_statement(case, None, parse_statement(typed, IDS), ANNA, catalogue=None)
    spec = E.remove_statement(case, None, 1, BORIS, catalogue=None).weights
    named = [spec.statements[s.statement] for s in spec.record if isinstance(s, StatementStep)]
    assert [statement_text(s) for s in named] == ["gain >= 20%", "risk <= 40%"]


def test_a_withdrawal_is_refused_for_no_statement_or_the_last_of_method_statements(case: Case) -> None:
    with pytest.raises(EditError, match="no statement 1 to withdraw"):
        E.remove_statement(case, None, 0, BORIS, catalogue=None)
    case = E.add_statement(case, None, parse_statement("gain >= 20%", IDS), ANNA, catalogue=None)
    only = case.model_copy(
        update={
            "weights": Weights.model_validate({"method": "statements", "statements": case.weights.statements})
        }
    )
    with pytest.raises(EditError, match="method statements"):
        E.remove_statement(only, None, 0, BORIS, catalogue=None)


# -- swing ratings held to the ranking -------------------------------------------------


def _ranked(case: Case, order: list) -> Case:
    case = E.swing_order(case, None, order, ANNA, catalogue=None)
    first = order[0] if isinstance(order[0], str) else order[0][0]
    return E.swing_rating(case, None, first, 100, ANNA, catalogue=None)


def test_a_swing_rated_above_one_ranked_before_it_is_refused_by_name(case: Case) -> None:
    case = _ranked(case, ["gain", "reach", "risk"])
    case = E.swing_rating(case, None, "reach", 60, ANNA, catalogue=None)
    with pytest.raises(EditError, match=r"70 would put the swing of Risk above that of Reach \(60\)"):
        E.swing_rating(case, None, "risk", 70, ANNA, catalogue=None)
    tied = E.swing_rating(case, None, "risk", 60, ANNA, catalogue=None)  # equal: a tie
    assert tied.weights.swing == {"gain": 100.0, "reach": 60.0, "risk": 60.0}
    with pytest.raises(EditError, match=r"50 would put the swing of Reach below that of Risk \(60\)"):
        E.swing_rating(tied, None, "reach", 50, ANNA, catalogue=None)
    with pytest.raises(EditError, match="ranked first: it is 100"):
        E.swing_rating(tied, None, "gain", 90, ANNA, catalogue=None)
    for bad in (-1, 101):
        with pytest.raises(EditError, match="rated 0..100"):
            E.swing_rating(tied, None, "risk", bad, ANNA, catalogue=None)


def test_swing_limits_follow_the_latest_ranking_and_the_ratings_since(case: Case) -> None:
    assert E.swing_limits(case, None, "risk", catalogue=None) == E.SwingLimits()  # nothing ranked: 0..100
    case = _ranked(case, ["gain", ["reach", "risk"]])
    case = E.swing_rating(case, None, "reach", 60, ANNA, catalogue=None)
    limits = E.swing_limits(case, None, "risk", catalogue=None)
    assert (limits.low, limits.high, limits.high_by) == (0.0, 100.0, "gain")  # tied with reach
    assert E.swing_rating(case, None, "risk", 80, ANNA, catalogue=None).weights.swing["risk"] == 80
    case = E.swing_rating(case, None, "risk", 80, ANNA, catalogue=None)
    # ranked again: the swing above binds as it stands, ratings below only once given again
    again = _ranked(case, ["gain", "reach", "risk"])
    assert E.swing_limits(again, None, "reach", catalogue=None) == E.SwingLimits(0.0, 100.0, None, "gain")
    assert E.swing_limits(again, None, "risk", catalogue=None) == E.SwingLimits(0.0, 60.0, None, "reach")
    lower = E.swing_rating(again, None, "reach", 70, ANNA, catalogue=None)  # top down: risk's 80 is stale
    assert E.swing_rating_problem(lower, None, "risk", 70, catalogue=None) is None
    assert "above that of Reach (70)" in (
        E.swing_rating_problem(lower, None, "risk", 75, catalogue=None) or ""
    )
