"""The pure edits of elicitation (`assess.core.edit_elicit`), the statements as typed
(`assess.core.elicit_text`) and what the weights screen shows live under them
(`assess.core.elicit_live`), on the shared small case (gain, reach, risk)."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from assess.core import edit_elicit as E
from assess.core.edit import EditError
from assess.core.elicit_live import first_acceptability, polytope, possibly_best_ids
from assess.core.elicit_text import EXAMPLES, parse_statement, statement_text
from assess.core.view import resolve
from assess.model import Case
from assess.model.record import PairwiseStep, StatementStep, SwingRatingStep, TradeoffStep
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
    best = possibly_best_ids(view, statements, kept)
    p = polytope(view.criterion_ids, statements)
    grid = [np.array(w) / 60 for w in itertools.product(range(61), repeat=3) if sum(w) == 60]
    allowed = [w for w in grid if not p.violated_by(w)]
    firsts = {kept[int(np.argmax(view.values[:2] @ w))] for w in allowed}
    assert firsts == set(best) == {"a", "b"}
    shares = first_acceptability(view, statements, kept, samples=400)
    assert set(shares) == {"a", "b"} and sum(shares.values()) == pytest.approx(1.0)
    tighter = E.add_statement(case, None, parse_statement("gain >= 80%", IDS), ANNA, catalogue=None)
    assert possibly_best_ids(resolve(tighter, None), tighter.weights.statements, kept) == ["a"]
