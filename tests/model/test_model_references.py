"""`check_references`: ids of the new blocks that name nothing, at their YAML path."""

from __future__ import annotations

from typing import Any

import pytest
from model_cases import full_case_data, with_change

from assess.model import Case
from assess.model.references import check_references

CRITERIA = {"gain", "reach", "risk"}


def findings(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    return check_references(Case.model_validate(data), CRITERIA)


def test_a_case_whose_ids_all_exist_has_no_findings() -> None:
    assert findings(full_case_data()) == []


@pytest.mark.parametrize(
    ("path", "value", "where", "message"),
    [
        (("reference",), "z", ("reference",), "unknown option 'z': the reference must be an option"),
        (("budget",), {"mony": 1}, ("budget", "mony"), "unknown resource 'mony' (did you mean 'money'?)"),
        (("costs", "z"), {"money": {"value": 1}}, ("costs", "z"), "unknown option 'z'"),
        (("costs", "b", "time"), {"value": 1}, ("costs", "b", "time"), "unknown resource 'time'"),
        (("rules", "must"), ["b", "q"], ("rules", "must", 1), "unknown option 'q'"),
        (("rules", "at_most_one"), [["b", "zq"]], ("rules", "at_most_one", 0, 1), "unknown option 'zq'"),
        (
            ("rules", "requires"),
            [{"option": "b", "needs": "x"}],
            ("rules", "requires", 0, "needs"),
            "unknown option 'x'",
        ),
        (
            ("scenarios", "later", "budget"),
            {"people": 1, "land": 2},
            ("scenarios", "later", "budget", "land"),
            "unknown resource 'land'",
        ),
        (
            ("scenarios", "later", "rules"),
            {"must_not": ["zz"]},
            ("scenarios", "later", "rules", "must_not", 0),
            "unknown option 'zz'",
        ),
        (
            ("scenarios", "later", "costs", "b", "mone"),
            {"value": 1},
            ("scenarios", "later", "costs", "b", "mone"),
            "unknown resource 'mone' (did you mean 'money'?)",
        ),
    ],
)
def test_an_id_that_names_nothing_is_found_at_its_path(
    path: tuple[str, ...], value: Any, where: tuple[str | int, ...], message: str
) -> None:
    assert findings(with_change(full_case_data(), path, value)) == [(where, message)]


def test_costs_without_declared_resources_say_where_to_declare_them() -> None:
    data = full_case_data()
    del data["resources"], data["budget"], data["scenarios"]
    found = findings(data)
    assert (("costs", "b", "money"), "unknown resource 'money' (declare it under 'resources')") in found


def test_the_reference_has_no_costs_and_no_rule_names_it() -> None:
    data = with_change(full_case_data(), ("costs", "none"), {"money": {"value": 1}})
    data["scenarios"]["later"]["costs"]["none"] = {"people": {"value": 0}}
    costless = "'none' is the reference (the status quo): it costs nothing"
    assert findings(data) == [
        (("costs", "none"), costless),
        (("scenarios", "later", "costs", "none"), costless),
    ]
    # with 'b' as the reference, every rule and cost that names 'b' is a finding
    data = with_change(full_case_data(), ("reference",), "b")
    said = "'b' is the reference (the status quo, never funded): no rule names it"
    assert findings(data) == [
        (("costs", "b"), "'b' is the reference (the status quo): it costs nothing"),
        (("rules", "must", 0), said),
        (("rules", "at_most_one", 0, 0), said),
        (("rules", "requires", 0, "option"), said),
        (("scenarios", "later", "costs", "b"), "'b' is the reference (the status quo): it costs nothing"),
        (("scenarios", "later", "rules", "at_most_one", 0, 1), said),
    ]


def test_statements_and_steps_name_known_criteria() -> None:
    data = full_case_data()
    weights = data["weights"]
    weights["statements"][0]["order"] = ["gain", ["reach", "rsk"]]
    weights["statements"][3]["ratio"]["to"] = "reech"
    weights["statements"][5]["exact"]["criterion"] = "x"
    weights["statements"][1]["interval"]["criterion"] = "y"
    weights["record"][0]["order"] = ["gain", "q"]
    weights["record"][1]["criterion"] = "r"
    weights["record"][2]["b"] = "s"
    weights["record"][3]["to"] = "t"
    at = ("weights",)
    assert findings(data) == [
        ((*at, "statements", 0, "order", 1, 1), "unknown criterion 'rsk' (did you mean 'risk'?)"),
        ((*at, "statements", 1, "interval", "criterion"), "unknown criterion 'y'"),
        ((*at, "statements", 3, "ratio", "to"), "unknown criterion 'reech' (did you mean 'reach'?)"),
        ((*at, "statements", 5, "exact", "criterion"), "unknown criterion 'x'"),
        ((*at, "record", 0, "order", 1), "unknown criterion 'q'"),
        ((*at, "record", 1, "criterion"), "unknown criterion 'r'"),
        ((*at, "record", 2, "b"), "unknown criterion 's'"),
        ((*at, "record", 3, "to"), "unknown criterion 't'"),
    ]


def test_scenario_and_assessor_weights_are_checked_too() -> None:
    data = full_case_data()
    data["assessors"]["anna"]["weights"]["statements"][2]["interval"]["criterion"] = "rsk"
    data["scenarios"]["later"]["weights"] = {"method": "statements", "statements": [{"order": ["gain", "z"]}]}
    assert findings(data) == [
        (("scenarios", "later", "weights", "statements", 0, "order", 1), "unknown criterion 'z'"),
        (
            ("assessors", "anna", "weights", "statements", 2, "interval", "criterion"),
            "unknown criterion 'rsk' (did you mean 'risk'?)",
        ),
    ]


def test_carried_is_only_a_scenario_cells_basis() -> None:
    data = full_case_data()
    data["scores"]["a"]["gain"]["basis"] = "carried"
    data["costs"]["b"]["people"]["basis"] = "carried"
    data["assessors"]["anna"]["scores"] = {"b": {"risk": {"value": 2, "basis": "carried"}}}
    paths = [path for path, _ in findings(data)]
    assert paths == [
        ("scores", "a", "gain", "basis"),
        ("costs", "b", "people", "basis"),
        ("assessors", "anna", "scores", "b", "risk", "basis"),
    ]
    # the scenario's own carried cost (in full_case_data) is not a finding
    assert full_case_data()["scenarios"]["later"]["costs"]["b"]["money"]["basis"] == "carried"
