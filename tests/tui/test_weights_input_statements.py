"""The weights table names what was given for weights of method `statements`."""

from __future__ import annotations

from types import SimpleNamespace

from assess.model import Weights
from assess.model.criteria import Criterion
from assess.tui.widgets.weights_table import weight_input


def test_statement_weights_are_said_to_come_from_the_statements() -> None:
    spec = Weights.model_validate({"method": "statements", "statements": [{"order": ["gain", "reach"]}]})
    state = SimpleNamespace(view=SimpleNamespace(weight_spec=spec))
    gain = Criterion.model_validate(
        {"id": "gain", "name": "Gain", "family": "driver", "direction": "benefit"}
    )
    assert weight_input(state, gain) == "statements"  # type: ignore[arg-type]
