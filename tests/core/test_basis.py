"""What a cell rests on, as shown (`assess.core.basis`): a scenario cell not set,
or set to the baseline's word for word, is carried; the assessors' bases agree
or are mixed."""

from __future__ import annotations

import copy

from assess.core.basis import basis_counts, cell_basis, view_bases
from assess.core.view import resolve
from assess.model import Case
from tests.conftest import small_case_data


def _case() -> Case:
    data = small_case_data()
    data["scores"]["a"]["gain"].update(basis="evidence", rationale="Said so.")
    data["scenarios"] = {
        "later": {
            "name": "Later",
            "scores": {
                "a": {"gain": {"value": 5, "basis": "evidence", "rationale": "Said so."}},
                "b": {"gain": {"value": 3, "basis": "judgement", "rationale": "Looked again."}},
                "c": {"gain": {"value": 5, "basis": "carried"}},
            },
        }
    }
    return Case.model_validate(data)


def test_the_baseline_shows_what_each_cell_says() -> None:
    case = _case()
    assert cell_basis(case, None, "a", "gain") == "evidence"
    assert cell_basis(case, None, "b", "gain") is None


def test_a_scenario_cell_that_only_repeats_the_baseline_is_carried() -> None:
    case = _case()
    assert cell_basis(case, "later", "a", "gain") == "carried"  # says evidence, adds nothing
    assert cell_basis(case, "later", "b", "gain") == "judgement"  # same value, reviewed
    assert cell_basis(case, "later", "c", "gain") == "carried"
    assert cell_basis(case, "later", "a", "reach") == "carried"  # not set: the baseline's
    assert basis_counts(resolve(case, None, "later")) == {"judgement": 1, "carried": 8}


def test_team_cells_show_the_assessors_common_basis_or_mixed() -> None:
    data = small_case_data()
    base = data.pop("scores")
    data["assessors"] = {}
    for who, basis in (("anna", "evidence"), ("boris", "judgement")):
        own = copy.deepcopy(base)
        own["a"]["gain"]["basis"] = basis
        own["b"]["gain"]["basis"] = "judgement"
        data["assessors"][who] = {"name": who, "scores": own}
    case = Case.model_validate(data)
    bases = view_bases(resolve(case, None))
    assert bases["a", "gain"] == "mixed" and bases["b", "gain"] == "judgement"
    assert view_bases(resolve(case, None, assessor="anna"))["a", "gain"] == "evidence"
