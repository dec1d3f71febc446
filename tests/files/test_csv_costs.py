"""`assess import` with `@cost`, `@cost_low`, `@cost_high` columns: costs in money,
streamed like the rest, every problem at its cell."""

from __future__ import annotations

import io

import pytest

from assess.errors import InputError
from assess.files.csv_import import read_matrix


def read(text: str):
    return read_matrix(io.BytesIO(text.encode()), "m.csv", "M")


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as err:
        read(text)
    return [f"{p.line}:{p.column}: {p.message}" for p in err.value.problems]


def test_cost_columns_become_money_costs_with_ranges() -> None:
    case = read(
        "option,gain,@cost,@cost_low,@cost_high\n@direction,benefit,,,\nA,3,2,1.5,3\nB,5,4,,\nC,1,,,\n"
    )
    assert set(case.resources) == {"money"}
    assert case.costs["a"]["money"].range == (1.5, 3) and case.costs["a"]["money"].value == 2
    assert case.costs["b"]["money"].value == 4 and "c" not in case.costs
    assert [c.id for c in case.criteria.local] == ["gain"]


def test_without_cost_columns_nothing_changes() -> None:
    case = read("option,gain\nA,3\nB,5\n")
    assert case.resources == {} and case.costs == {}


def test_every_cost_problem_is_at_its_cell() -> None:
    text = "option,gain,@cost,@cost_low\n@weight,1,2,\nA,3,2,2.5\nB,1,-1,\nC,2,,1\nD,2,x,\n"
    assert problems(text) == [
        "2:3: a '@weight' row says nothing of the cost columns: leave it empty",
        "6:3: not a number: 'x'",
    ]
    assert problems("option,gain,@cost,@cost_low\nA,3,2,2.5\nB,1,-1,\nC,2,,1\n") == [
        "2:4: Value error, low 2.5 is above the value 2",
        "3:3: Value error, a cost is never negative, not -1",
        "4:3: a cost range needs its '@cost'",
    ]


def test_cost_columns_come_last_and_need_a_value_column() -> None:
    assert problems("option,@cost,gain\nA,1,2\n") == [
        "1:2: '@cost' comes after the criteria: put the @cost columns last"
    ]
    assert (
        problems("option,gain,@cost_high\nA,1,2\n")[0]
        == "1:3: a cost range needs its value: add a '@cost' column"
    )
    assert problems("option,gain,@cost,@cost\nA,1,2,2\n")[0] == "1:4: a second '@cost' column"


def test_a_row_must_have_the_cost_cells_too() -> None:
    assert problems("option,gain,@cost\nA,1\n") == ["2:1: 2 cells, but the header has 3"]
