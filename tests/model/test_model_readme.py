"""The README's examples of the new blocks are what the model reads."""

from __future__ import annotations

import re
from typing import Any

import yaml

from assess.model import Case, Cost, OrderStatement, TradeoffStep
from tests.conftest import ROOT, small_case_data

SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("### Costs, basis, weight statements", 1)[1]
BLOCKS = re.findall(r"```yaml\n(.*?)```", SECTION.split("\n## ", 1)[0], flags=re.S)


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        both = isinstance(value, dict) and isinstance(out.get(key), dict)
        out[key] = _merged(out[key], value) if both else value
    return out


def test_the_section_has_an_example_of_each_block() -> None:
    assert len(BLOCKS) == 3


def test_each_example_is_read_by_the_model() -> None:
    data = small_case_data()
    for block in BLOCKS:
        data = _merged(data, yaml.safe_load(block))
    case = Case.model_validate(data)
    assert isinstance(case.costs["megascience"]["money"], Cost)
    assert case.scenarios["2025"].budget == {"money": 6, "people": 25}
    assert case.documents["001_411416a25dd1d481.txt"].reliability.startswith("An unsigned")
    veto = case.criteria.overrides["security"].veto
    assert veto is not None and veto.applies_to == "high"
    weights = case.weights
    assert weights is not None and weights.illustrative
    assert isinstance(weights.statements[0], OrderStatement) and isinstance(weights.record[3], TradeoffStep)
