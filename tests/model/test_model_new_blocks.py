"""Every block of issues 12, 13 and 14 is accepted and survives a round trip."""

from __future__ import annotations

import datetime as dt

from model_cases import full_case_data

from assess.model import (
    Case,
    Cost,
    ExactStatement,
    IntervalStatement,
    OrderStatement,
    RatioStatement,
    StatementStep,
    SwingOrderStep,
    TradeoffStep,
)


def test_every_new_block_is_read() -> None:
    case = Case.model_validate(full_case_data())
    assert case.resources["money"].unit == "M EUR per year"
    assert case.reference == "none"
    assert case.budget == {"money": 10, "people": 0}
    assert case.rules.must == ["b"] and case.rules.requires[0].needs == "a"
    assert case.rules.at_most_one == [["b", "c"]]
    cost = case.costs["b"]["money"]
    assert isinstance(cost, Cost) and cost.range == (2, 5) and cost.basis == "judgement"
    later = case.scenarios["later"]
    assert later.budget == {"money": 6} and later.rules is not None and later.costs["b"]["money"].value == 4
    assert case.scores["a"]["gain"].basis == "evidence"
    assert case.documents["brief.txt"].reliability == "A signed policy brief."
    assert case.criteria.local[2].veto is not None and case.criteria.local[2].veto.applies_to == "high"
    assert case.assessors["anna"].role == "security desk"


def test_statements_and_record_are_read_by_kind() -> None:
    weights = Case.model_validate(full_case_data()).weights
    assert weights is not None and weights.illustrative
    kinds = [type(s) for s in weights.statements]
    assert kinds == [
        OrderStatement,
        IntervalStatement,
        IntervalStatement,
        RatioStatement,
        RatioStatement,
        ExactStatement,
    ]
    first = weights.statements[0]
    assert isinstance(first, OrderStatement)
    assert first.order == ["gain", ["reach", "risk"]] and first.by == "anna"
    assert first.date == dt.date(2019, 6, 3)
    steps = weights.record
    assert isinstance(steps[0], SwingOrderStep) and isinstance(steps[3], TradeoffStep)
    assert isinstance(steps[4], StatementStep) and steps[4].statement == 3


def test_round_trip_keeps_every_key_and_its_order() -> None:
    """What is written back (the saver dumps with exclude_unset) is what was read,
    key for key and in the file's order: who said it comes after what was said."""
    data = full_case_data()
    case = Case.model_validate(data)
    dumped = case.model_dump(mode="python", exclude_unset=True)
    assert dumped == data
    assert Case.model_validate(dumped) == case
    statement = dumped["weights"]["statements"][0]
    assert list(statement) == ["order", "by", "rationale", "date"]
    step = dumped["weights"]["record"][1]
    assert list(step) == ["step", "criterion", "rating", "by", "rationale"]


def test_files_without_the_new_keys_read_as_before() -> None:
    from tests.conftest import small_case_data

    case = Case.model_validate(small_case_data())
    assert case.resources == {} and case.reference is None and case.budget == {} and case.costs == {}
    assert case.rules.must == [] and case.rules.at_most_one == []
    assert case.weights is not None and case.weights.statements == [] and case.weights.record == []
    assert not case.weights.illustrative
    assert case.criteria.local[2].veto is not None and case.criteria.local[2].veto.applies_to == "value"
    assert case.model_dump(mode="python", exclude_unset=True) == small_case_data()


def test_weights_built_in_code_from_statement_objects() -> None:
    """The UI builds weights from objects, not mappings: each kind is still told apart."""
    from assess.model import IntervalBounds, Weights

    weights = Weights(
        method="statements",
        statements=[
            OrderStatement(order=["gain", "reach"]),
            IntervalStatement(interval=IntervalBounds(criterion="gain", max=0.5), by="anna"),
        ],
        record=[StatementStep(step="statement", statement=1, by="anna")],
    )
    assert weights.model_dump(exclude_unset=True) == {
        "method": "statements",
        "statements": [
            {"order": ["gain", "reach"]},
            {"interval": {"criterion": "gain", "max": 0.5}, "by": "anna"},
        ],
        "record": [{"step": "statement", "statement": 1, "by": "anna"}],
    }
    assert Weights.model_validate(weights.model_dump()) == weights
    assert weights.inputs() == {"statements": weights.model_dump()["statements"]}


def test_ahp_inputs_leave_out_who_judged() -> None:
    """`derive_weights` reads judgements of exactly a, b and ratio."""
    from assess.model import Weights

    weights = Weights.model_validate(
        {
            "method": "ahp",
            "pairwise": [{"a": "gain", "b": "risk", "ratio": 3, "by": "anna", "rationale": "x"}],
        }
    )
    assert weights.inputs() == {"pairwise": [{"a": "gain", "b": "risk", "ratio": 3.0}]}


def test_an_order_as_groups_most_important_first() -> None:
    from assess.model.statements import order_groups

    assert order_groups(["a", ["b", "c"], "d"]) == [["a"], ["b", "c"], ["d"]]
