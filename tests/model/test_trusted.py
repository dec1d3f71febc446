"""`assess.model.trusted`: a validated model written as data and made again
without validation is the same model, down to the fields each file set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from assess.files.casefile import load_case
from assess.model import Case, Criterion
from assess.model.trusted import NotTrusted, build, tree
from tests.conftest import ROOT
from tests.model.model_cases import full_case_data

BUNDLED = sorted((ROOT / "cases").rglob("*.yaml"))


def shape(value: Any) -> Any:
    """Everything `==` compares on a model, and the fields set, recursively."""
    if isinstance(value, BaseModel):
        fields = {k: shape(v) for k, v in value.__dict__.items()}
        return (type(value), sorted(value.model_fields_set), fields)
    if isinstance(value, (list, tuple)):
        return (type(value), [shape(v) for v in value])
    if isinstance(value, dict):
        return {(type(k), k): shape(v) for k, v in value.items()}
    return (type(value), value)


def round_trip(model: BaseModel) -> Any:
    return build(json.loads(json.dumps(tree(model), allow_nan=False)))


def same(a: BaseModel, b: BaseModel) -> None:
    assert a == b
    assert shape(a) == shape(b)
    assert a.model_dump(exclude_unset=True) == b.model_dump(exclude_unset=True)
    assert a.model_dump_json() == b.model_dump_json()


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bundled_case_and_its_catalogue_come_back_the_same(path: Path) -> None:
    loaded = load_case(path)
    same(round_trip(loaded.case), loaded.case)
    if loaded.catalogue is not None:
        same(round_trip(loaded.catalogue.catalogue), loaded.catalogue.catalogue)


def test_a_case_with_every_block_comes_back_the_same() -> None:
    case = Case.model_validate(full_case_data())
    back = round_trip(case)
    same(back, case)
    assert isinstance(back.weights.statements[0].date, dt.date)


def test_what_it_cannot_carry_is_refused_when_written() -> None:
    with pytest.raises(NotTrusted):
        tree({frozenset(): 1})
    with pytest.raises(NotTrusted):
        tree(object())


@pytest.mark.parametrize(
    "data",
    [
        ["m", "NoSuchModel", {}, []],
        ["z", 1],
        [],
        {"a": 1},
        ["m", "Criterion", {"id": "x"}, ["id"]],  # fields missing: not what tree wrote
    ],
)
def test_data_it_did_not_write_is_refused(data: Any) -> None:
    with pytest.raises((NotTrusted, KeyError, ValueError, TypeError)):
        got = build(data)
        assert isinstance(got, Criterion) and got.__dict__.keys() == Criterion.model_fields.keys()
