"""Case data with every block of issues 12, 13 and 14, for the model's tests."""

from __future__ import annotations

import copy
from typing import Any

import yaml

from tests.conftest import small_case_data

NEW_BLOCKS = """
resources:
  money: {name: Money, unit: M EUR per year}
  people: {name: People, unit: FTE}
reference: none
budget: {money: 10, people: 0}
rules:
  must: [b]
  must_not: [c]
  at_most_one: [[b, c]]
  requires: [{option: b, needs: a}]
costs:
  b:
    money: {value: 3, low: 2, high: 5, basis: judgement, rationale: A guess.}
    people: {value: 4}
  c:
    money: {value: 0}
scenarios:
  later:
    name: Later
    budget: {money: 6}
    rules: {at_most_one: [[a, b]]}
    costs:
      b:
        money: {value: 4, basis: carried}
"""

WEIGHTS = """
method: direct
illustrative: true
points: {gain: 50, reach: 30, risk: 20}
statements:
  - order: [gain, [reach, risk]]
    by: anna
    rationale: Gain is why we do it.
    date: 2019-06-03
  - interval: {criterion: gain, min: 0.2, max: 0.6}
  - interval: {criterion: risk, max: 0.4}
  - ratio: {criterion: gain, to: reach, min: 1.5, max: 3}
    by: boris
  - ratio: {criterion: reach, to: risk, min: 1}
  - exact: {criterion: risk, weight: 0.2}
record:
  - {step: swing_order, order: [gain, [reach, risk]], by: anna}
  - {step: swing_rating, criterion: reach, rating: 60, by: anna, rationale: Less than gain.}
  - {step: pairwise, a: gain, b: risk, ratio: 3, by: boris}
  - {step: tradeoff, criterion: gain, to: reach, ratio: 2, answer: more, by: chen}
  - {step: statement, statement: 3, by: boris, date: 2019-06-04}
"""


def full_case_data() -> dict[str, Any]:
    """The small case of `tests.conftest` with every new block and a reference option."""
    data = small_case_data()
    data.update(yaml.safe_load(NEW_BLOCKS))
    data["weights"] = yaml.safe_load(WEIGHTS)
    data["options"].append({"id": "none", "name": "No new cooperation"})
    data["scores"]["none"] = {"gain": {"value": 0}, "reach": {"value": 0}, "risk": {"value": 0}}
    data["scores"]["a"]["gain"].update(basis="evidence", low=4, high=5)
    data["scores"]["b"]["gain"]["basis"] = "judgement"
    data["documents"] = {"brief.txt": {"title": "Brief", "reliability": "A signed policy brief."}}
    data["criteria"]["local"][2]["veto"]["applies_to"] = "high"
    anna = {"name": "Anna", "role": "security desk", "weights": copy.deepcopy(data["weights"])}
    data["assessors"] = {"anna": anna}
    return data


def with_change(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A deep copy of `data` with the value at `path` replaced (or added)."""
    out = copy.deepcopy(data)
    node: Any = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out
