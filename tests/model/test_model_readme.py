"""The README's examples of the new blocks are what the model reads."""

from __future__ import annotations

import re
from typing import Any

import yaml

from assess.model import Case, Cost, OrderStatement, TradeoffStep, Weights
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


def _holds(statement: object, share: dict[str, float]) -> bool:
    """Whether normalised weights satisfy one statement (as the README reads it)."""
    from assess.model import ExactStatement, IntervalStatement, RatioStatement
    from assess.model.statements import order_groups

    if isinstance(statement, OrderStatement):
        groups = order_groups(statement.order)
        ties = all(share[c] == share[g[0]] for g in groups for c in g)
        return ties and all(share[a[0]] >= share[b[0]] for a, b in zip(groups, groups[1:], strict=False))
    if isinstance(statement, IntervalStatement):
        i = statement.interval
        return (i.min is None or share[i.criterion] >= i.min) and (
            i.max is None or share[i.criterion] <= i.max
        )
    if isinstance(statement, RatioStatement):
        r = statement.ratio
        q = share[r.criterion] / share[r.to]
        return (r.min is None or q >= r.min) and (r.max is None or q <= r.max)
    assert isinstance(statement, ExactStatement)
    return abs(share[statement.exact.criterion] - statement.exact.weight) < 1e-12


def test_the_examples_point_weights_keep_its_statements() -> None:
    """A reader checks the example by hand: its points must not break its own statements."""
    weights = Weights.model_validate(yaml.safe_load(BLOCKS[2])["weights"])
    assert weights.points is not None
    total = sum(weights.points.values())
    share = {c: p / total for c, p in weights.points.items()}
    assert [_holds(s, share) for s in weights.statements] == [True] * 4
