"""The pure edits behind the UI (`assess.core.edit`) and the undo history."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from assess.core import edit
from assess.core.view import effective_weights
from assess.files.casefile import LoadedCase, load_case, save_case
from assess.model import Case
from assess.tui.history import History
from tests.tui.tui_helpers import DEFAULT_CASE, small_case_data


def test_one_score_edit_changes_exactly_one_line(workspace_case: Path) -> None:
    """Load the default case, set one score (inside its range), save to a copy:
    the file differs from the original in exactly that line."""
    loaded = load_case(workspace_case)
    cell = loaded.case.scores["pharma"]["competence"]
    low, high = cell.range
    new = next(x for x in (cell.value + 0.5, cell.value - 0.5, high, low) if x != cell.value)
    assert low <= new <= high, "the test needs a cell with a range"
    case = edit.set_score(loaded.case, None, "pharma", "competence", new, catalogue=loaded.catalogue_model)
    save_case(loaded, case)
    before = DEFAULT_CASE.read_text(encoding="utf-8").splitlines()
    after = workspace_case.read_text(encoding="utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [f"-      value: {cell.value:g}", f"+      value: {new:g}"]


def test_set_score_keeps_what_was_set(default_loaded: LoadedCase) -> None:
    case = default_loaded.case
    value = case.scores["pharma"]["competence"].value
    new = edit.set_score(
        case, None, "pharma", "competence", value + 0.5, catalogue=default_loaded.catalogue_model
    )
    old_cell, new_cell = case.scores["pharma"]["competence"], new.scores["pharma"]["competence"]
    assert new_cell.model_fields_set == old_cell.model_fields_set
    assert (new_cell.rationale, new_cell.source) == (old_cell.rationale, old_cell.source)
    assert new.scores["megascience"] is case.scores["megascience"]
    assert new.model_fields_set == case.model_fields_set
    assert case.scores["pharma"]["competence"].value == value  # the old case is untouched


def test_set_score_refuses_values_off_the_scale(default_loaded: LoadedCase) -> None:
    with pytest.raises(edit.EditError, match="off the scale"):
        edit.set_score(
            default_loaded.case, None, "pharma", "competence", 5.5, catalogue=default_loaded.catalogue_model
        )
    with pytest.raises(edit.EditError, match="unknown option"):
        edit.set_score(
            default_loaded.case, None, "nowhere", "competence", 1.0, catalogue=default_loaded.catalogue_model
        )


def test_set_score_widens_the_range_to_hold_the_value() -> None:
    data = small_case_data()
    data["scores"]["a"]["gain"] = {"value": 3, "low": 2, "high": 4}
    case = edit.set_score(Case.model_validate(data), None, "a", "gain", 5.0, catalogue=None)
    cell = case.scores["a"]["gain"]
    assert (cell.value, cell.low, cell.high) == (5.0, 2.0, 5.0)
    assert cell.model_fields_set == {"value", "low", "high"}


def test_the_same_value_returns_the_same_case(default_loaded: LoadedCase) -> None:
    case = default_loaded.case
    value = case.scores["pharma"]["competence"].value
    same = edit.set_score(case, None, "pharma", "competence", value, catalogue=default_loaded.catalogue_model)
    assert same is case


def test_a_score_edit_in_a_scenario_writes_its_overlay(default_loaded: LoadedCase) -> None:
    """The scenario gets a copy of the baseline's cell with the new value; the baseline stays."""
    case = default_loaded.case
    later = case.scenarios["2025"]  # every cell of the bundled 2025 view is written: leave one out
    scores = {
        o: {c: s for c, s in row.items() if (o, c) != ("regulation", "competence")}
        for o, row in later.scores.items()
    }
    case = case.model_copy(update={"scenarios": {"2025": later.model_copy(update={"scores": scores})}})
    assert "competence" not in case.scenarios["2025"].scores.get("regulation", {})
    base = case.scores["regulation"]["competence"]
    value = base.range[0]  # inside the range, so only the value differs
    value = value if value != base.value else base.range[1]
    new = edit.set_score(
        case, "2025", "regulation", "competence", value, catalogue=default_loaded.catalogue_model
    )
    overlay = new.scenarios["2025"].scores["regulation"]["competence"]
    assert new.scores == case.scores
    assert overlay.value == value and overlay.rationale == base.rationale
    assert overlay.source == base.source and (overlay.low, overlay.high) == (base.low, base.high)
    assert list(new.scenarios["2025"].scores["regulation"])[0] == "competence"


def test_set_rationale_and_remove_it(default_loaded: LoadedCase) -> None:
    case = edit.set_rationale(default_loaded.case, None, "pharma", "competence", "  New reason. ")
    assert case.scores["pharma"]["competence"].rationale == "New reason."
    removed = edit.set_rationale(case, None, "pharma", "competence", "   ")
    cell = removed.scores["pharma"]["competence"]
    assert cell.rationale is None and "rationale" not in cell.model_fields_set


def test_set_weight_writes_the_active_views_weights(default_loaded: LoadedCase) -> None:
    case, catalogue = default_loaded.case, default_loaded.catalogue_model
    in_2025 = edit.set_weight(case, "2025", "competence", 20, catalogue=catalogue)
    assert case.scenarios["2025"].weights.method == "swing"
    assert in_2025.scenarios["2025"].weights.swing["competence"] == 20
    assert in_2025.weights == case.weights
    baseline = edit.set_weight(case, None, "competence", 20, catalogue=catalogue)
    assert baseline.weights.swing["competence"] == 20
    assert baseline.scenarios == case.scenarios
    with pytest.raises(edit.EditError, match="0 or more"):
        edit.set_weight(case, None, "competence", -1, catalogue=catalogue)


def _case(weights: dict) -> Case:
    return Case.model_validate({**small_case_data(), "weights": weights})


def test_swing_points_can_be_changed() -> None:
    case = _case({"method": "swing", "swing": {"gain": 100, "reach": 50, "risk": 20}})
    new = edit.set_weight(case, None, "reach", 60, catalogue=None)
    assert new.weights.swing == {"gain": 100, "reach": 60, "risk": 20}


def test_rank_order_weights_are_refused_until_converted() -> None:
    case = _case({"method": "roc", "elicitation": "Workshop.", "ranking": [["gain"], ["reach", "risk"]]})
    with pytest.raises(edit.EditError, match="'roc' cannot be changed one by one"):
        edit.set_weight(case, None, "reach", 10, catalogue=None)
    direct = edit.weights_to_direct(case, None, catalogue=None, note="Converted.")
    spec = effective_weights(direct, None)
    assert spec.method == "direct" and spec.points == {"gain": 61.1, "reach": 19.4, "risk": 19.4}
    assert spec.elicitation == "Workshop. Converted."
    assert edit.set_weight(direct, None, "reach", 10, catalogue=None).weights.points["reach"] == 10


def test_toggle_criterion_off_and_on_leaves_no_trace(default_loaded: LoadedCase) -> None:
    case = default_loaded.case
    off = edit.toggle_criterion(case, "security")
    assert off.criteria.off == ["security"]
    on = edit.toggle_criterion(off, "security")
    assert on.criteria.off == [] and "off" not in on.criteria.model_fields_set
    assert on.criteria.model_dump(exclude_unset=True) == case.criteria.model_dump(exclude_unset=True)
    with pytest.raises(edit.EditError):
        edit.toggle_criterion(case, "no_such_criterion")


TEAM = DEFAULT_CASE.parent / "team_example" / "team.yaml"


def test_a_score_on_a_teams_aggregate_keeps_its_range() -> None:
    """The team case holds no agreed scores: regulation × spillover is the
    assessors' mean 3 with range 0..4.5. Agreeing on 4 keeps that range
    (it used to become a bare `value: 4`) and leaves the generated rationale."""
    loaded = load_case(TEAM)
    case, catalogue = loaded.case, loaded.catalogue_model
    assert edit.starts_agreed(case, None, "regulation", "spillover")
    agreed = edit.set_score(case, None, "regulation", "spillover", 4.0, catalogue=catalogue)
    cell = agreed.scores["regulation"]["spillover"]
    assert (cell.value, cell.low, cell.high, cell.rationale) == (4.0, 0.0, 4.5, None)
    assert not edit.starts_agreed(agreed, None, "regulation", "spillover")
    in_2025 = edit.set_score(case, "2025", "regulation", "spillover", 4.0, catalogue=catalogue)
    # the 2025 view starts from the aggregate of the assessors' own 2025 cells (0.5..3.5),
    # its range widened to hold 4
    assert edit.starts_agreed(case, "2025", "regulation", "spillover")
    assert in_2025.scenarios["2025"].scores["regulation"]["spillover"].range == (0.5, 4.0)
    with pytest.raises(edit.EditError, match="agreed score first"):
        edit.set_rationale(case, None, "regulation", "spillover", "We agree.")
    assert not edit.starts_agreed(Case.model_validate(small_case_data()), None, "a", "gain")  # no assessors


def test_changes_name_each_edit(default_loaded: LoadedCase) -> None:
    """Each kind of edit is found once, by id, with what it was and is."""
    case, catalogue = default_loaded.case, default_loaded.catalogue_model
    value = case.scores["pharma"]["competence"].value
    a = edit.set_score(case, "2025", "pharma", "competence", value + 0.5, catalogue=catalogue)
    b = edit.set_rationale(a, None, "pharma", "security", "Because.")
    c = edit.set_weight(b, None, "competence", 30, catalogue=catalogue)
    d = edit.toggle_criterion(c, "slump")
    assert edit.changes(case, case) == []
    assert edit.changes(case, d) == [
        edit.Change(
            "rationale", None, "pharma", "security", case.scores["pharma"]["security"].rationale, "Because."
        ),
        edit.Change("score", "2025", "pharma", "competence", value, value + 0.5),
        edit.Change("weight", None, None, "competence", case.weights.swing["competence"], 30.0),
        edit.Change("criterion", None, None, "slump", "on", "off"),
    ]
    roc = _case({"method": "roc", "ranking": [["gain"], ["reach", "risk"]]})
    converted = edit.weights_to_direct(roc, None, catalogue=None)
    assert edit.changes(roc, converted) == [edit.Change("weights", None, before="roc", after="direct")]


def test_history_undo_and_redo(default_loaded: LoadedCase) -> None:
    a = default_loaded.case
    b = edit.toggle_criterion(a, "security")
    c = edit.toggle_criterion(b, "slump")
    history = History(a).push(b).push(c)
    assert history.undo().present is b and history.undo().undo().present is a
    assert history.undo().undo().undo().present is a
    assert history.undo().redo().present is c
    assert not history.undo().push(a).can_redo
    assert history.push(c) is history
