"""What the model refuses in the new blocks, and the message it gives, at its path."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from assess.model import Case
from tests.model.model_cases import full_case_data, with_change

Path = tuple[str | int, ...]


def refusals(data: dict[str, Any]) -> list[tuple[Path, str]]:
    """(path, message) of each error, the path without the union tags (which are
    bracketed so that the loader drops them as it drops pydantic's own markers)."""
    try:
        Case.model_validate(data)
    except ValidationError as err:
        return [
            (
                tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith("["))),
                e["msg"].removeprefix("Value error, "),
            )
            for e in err.errors()
        ]
    return []


COST = ("costs", "b", "money")
STATEMENTS = ("weights", "statements")
CASES: list[tuple[Path, Any, Path, str]] = [
    # issue 12: costs, budgets, rules
    ((*COST, "value"), -1, (*COST, "value"), "a cost is never negative, not -1"),
    ((*COST, "low"), -0.5, (*COST, "low"), "a cost is never negative, not -0.5"),
    ((*COST, "low"), 4, (*COST, "low"), "low 4 is above the value 3"),
    ((*COST, "high"), 2.5, (*COST, "high"), "high 2.5 is below the value 3"),
    ((*COST, "value"), float("nan"), (*COST, "value"), "Input should be a finite number"),
    (("budget", "money"), -10, ("budget", "money"), "a budget is never negative, not -10"),
    (("resources", "money"), {"unit": "EUR"}, ("resources", "money", "name"), "Field required"),
    (
        ("rules", "requires"),
        [{"option": "b", "needs": "b"}],
        ("rules", "requires", 0),
        "'b' cannot require itself",
    ),
    (
        ("rules", "must_not"),
        ["c", "b"],
        ("rules", "must_not"),
        "'b' cannot be both in 'must' and in 'must_not'",
    ),
    (
        ("rules", "at_most_one"),
        [["a", "c"], ["c"]],
        ("rules", "at_most_one"),
        "at most one of [c]: a group needs two options or more",
    ),
    (
        ("rules", "at_most_one"),
        [["a", "a", "c"]],
        ("rules", "at_most_one"),
        "a group names an option twice: [a, a, c]",
    ),
    (
        ("rules",),
        {"must": ["a", "b"], "at_most_one": [["a", "b", "c"]]},
        ("rules", "at_most_one"),
        "'a', 'b' must be funded; at most one of [a, b, c] may be",
    ),
    (
        ("scenarios", "later", "costs", "b", "money", "value"),
        -2,
        ("scenarios", "later", "costs", "b", "money", "value"),
        "a cost is never negative, not -2",
    ),
    # issue 13: basis, veto
    ((*COST, "basis"), "guess", (*COST, "basis"), "Input should be 'evidence', 'judgement' or 'carried'"),
    (
        ("criteria", "local", 2, "veto", "applies_to"),
        "low",
        ("criteria", "local", 2, "veto", "applies_to"),
        "Input should be 'value', 'high' or 'any_assessor'",
    ),
    (("weights", "illustrative"), "yes", ("weights", "illustrative"), "Input should be a valid boolean"),
    # issue 14: statements
    (
        (*STATEMENTS, 1, "interval"),
        {"criterion": "gain", "min": 0.6, "max": 0.2},
        (*STATEMENTS, 1, "interval"),
        "interval: min 0.6 is above max 0.2",
    ),
    (
        (*STATEMENTS, 1, "interval"),
        {"criterion": "gain", "min": 20, "max": 40},
        (*STATEMENTS, 1, "interval", "min"),
        "a share of the total weight is a fraction in 0..1 (0.2 means 20 %), not 20",
    ),
    (
        (*STATEMENTS, 1, "interval"),
        {"criterion": "gain"},
        (*STATEMENTS, 1, "interval"),
        "interval: give min, max or both",
    ),
    (
        (*STATEMENTS, 3, "ratio"),
        {"criterion": "gain", "to": "reach", "min": 3, "max": 1.5},
        (*STATEMENTS, 3, "ratio"),
        "ratio: min 3 is above max 1.5",
    ),
    (
        (*STATEMENTS, 3, "ratio", "min"),
        0,
        (*STATEMENTS, 3, "ratio", "min"),
        "a ratio bound is above 0, not 0",
    ),
    (
        (*STATEMENTS, 3, "ratio", "to"),
        "gain",
        (*STATEMENTS, 3, "ratio"),
        "ratio: 'gain' is compared with itself",
    ),
    (
        (*STATEMENTS, 5, "exact", "weight"),
        1.5,
        (*STATEMENTS, 5, "exact", "weight"),
        "a share of the total weight is a fraction in 0..1 (0.2 means 20 %), not 1.5",
    ),
    (
        (*STATEMENTS, 0),
        {"order": ["gain", ["reach", "gain"]]},
        (*STATEMENTS, 0),
        "order names 'gain' more than once",
    ),
    ((*STATEMENTS, 0), {"order": [["gain"]]}, (*STATEMENTS, 0), "order compares two criteria or more"),
    (
        (*STATEMENTS, 0),
        {"order": ["gain", []]},
        (*STATEMENTS, 0),
        "order: a tie lists at least one criterion, not []",
    ),
    (
        (*STATEMENTS, 0),
        {"order": ["gain", 3]},
        (*STATEMENTS, 0, "order", 1),
        "an entry of an order is a criterion id or a list of tied ids",
    ),
    (
        (*STATEMENTS, 0),
        {"ordr": ["gain", "reach"], "by": "anna"},
        (*STATEMENTS, 0),
        "a statement needs one of the keys order, interval, ratio, exact; "
        "it has ordr (did you mean 'order'?)",
    ),
    (
        (*STATEMENTS, 0),
        {"by": "anna"},
        (*STATEMENTS, 0),
        "a statement needs one of the keys order, interval, ratio, exact",
    ),
    (
        (*STATEMENTS, 0),
        {"order": ["gain", "reach"], "exact": {"criterion": "gain", "weight": 0.5}},
        (*STATEMENTS, 0),
        "a statement has one kind; this one has order and exact: make them two",
    ),
    (
        (*STATEMENTS, 0),
        {"w": 1, "x": 2, "y": 3, "z": 4},
        (*STATEMENTS, 0),
        "a statement needs one of the keys order, interval, ratio, exact; it has w, x, y, ...",
    ),
    ((*STATEMENTS, 0), ["gain", "reach"], (*STATEMENTS, 0), "a statement is a mapping, not list"),
    ((*STATEMENTS, 0, "rationale"), 5, (*STATEMENTS, 0, "rationale"), "Input should be a valid string"),
    ((*STATEMENTS, 0, "when"), "2019", (*STATEMENTS, 0, "when"), "Extra inputs are not permitted"),
    (
        (*STATEMENTS, 1, "interval", "weight"),
        0.3,
        (*STATEMENTS, 1, "interval", "weight"),
        "Extra inputs are not permitted",
    ),
    # issue 14: the record
    (
        ("weights", "record", 4, "statement"),
        6,
        ("weights",),
        "step 4 of the record names statement 6; there are statements 0..5",
    ),
    (
        ("weights", "record", 1, "step"),
        "swing_ratin",
        ("weights", "record", 1),
        "unknown step 'swing_ratin' (did you mean 'swing_rating'?); "
        "one of swing_order, swing_rating, pairwise, tradeoff, statement, withdrawal",
    ),
    (
        ("weights", "record", 1),
        {"criterion": "reach", "rating": 60},
        ("weights", "record", 1),
        "a step of the record needs 'step:', "
        "one of swing_order, swing_rating, pairwise, tradeoff, statement, withdrawal",
    ),
    (
        ("weights", "record", 1, "rating"),
        120,
        ("weights", "record", 1, "rating"),
        "Input should be less than or equal to 100",
    ),
    (
        ("weights", "record", 2, "b"),
        "gain",
        ("weights", "record", 2),
        "pairwise: 'gain' is compared with itself",
    ),
    (
        ("weights", "record", 3, "answer"),
        "yes",
        ("weights", "record", 3, "answer"),
        "Input should be 'more', 'less' or 'equal'",
    ),
    (
        ("weights", "record", 3, "ratio"),
        -2,
        ("weights", "record", 3, "ratio"),
        "a ratio bound is above 0, not -2",
    ),
    (
        ("weights", "pairwise"),
        [{"a": "gain", "b": "risk", "ratio": 3, "bye": "x"}],
        ("weights", "pairwise", 0, "bye"),
        "Extra inputs are not permitted",
    ),
]


@pytest.mark.parametrize(("path", "value", "where", "message"), CASES)
def test_refusal_with_its_message(path: Path, value: Any, where: Path, message: str) -> None:
    assert refusals(full_case_data()) == []
    assert (where, message) in refusals(with_change(full_case_data(), path, value))


def test_method_statements_takes_no_point_weights() -> None:
    data = with_change(full_case_data(), ("weights", "method"), "statements")
    assert refusals(data) == [
        (
            ("weights",),
            "method 'statements' takes no point weights (points); "
            "beside statements, name the method of the point weights",
        )
    ]
    del data["weights"]["points"]
    assert refusals(data) == []


def test_method_statements_needs_a_statement() -> None:
    data = {"method": "statements"}
    found = refusals(with_change(full_case_data(), ("weights",), data))
    assert found == [(("weights",), "method 'statements' needs at least one statement under 'statements'")]


def test_point_weights_of_any_method_stand_beside_statements() -> None:
    statements = full_case_data()["weights"]["statements"]
    choices: list[tuple[str, dict[str, Any]]] = [
        ("swing", {"swing": {"gain": 100, "reach": 60, "risk": 40}}),
        ("roc", {"ranking": [["gain"], ["reach", "risk"]]}),
        ("ahp", {"pairwise": [{"a": "gain", "b": "reach", "ratio": 2, "by": "anna", "rationale": "x"}]}),
    ]
    for method, inputs in choices:
        weights = {"method": method, **inputs, "statements": statements}
        assert refusals(with_change(full_case_data(), ("weights",), weights)) == []


def test_a_broken_statement_is_not_also_blamed_on_the_record() -> None:
    """The record's step names statement 3; with statement 1 broken, the only error is statement 1's."""
    data = with_change(full_case_data(), ("weights", "statements", 1, "interval", "min"), 2)
    assert [where for where, _ in refusals(data)] == [("weights", "statements", 1, "interval", "min")]
