"""One home for each domain term: the weighting methods, the id pattern and
the defaults (samples, seed, formats, exit codes) are written once and read
everywhere else."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import get_args

import pytest
from pydantic import TypeAdapter, ValidationError

from assess import cli
from assess.cli import EXIT_INPUT, EXIT_OK, build_parser
from assess.cli.common import FORMATS
from assess.core import edit
from assess.core.robustness import analysis
from assess.kernels import weighting
from assess.kernels.robustness import smaa
from assess.model import Case
from assess.model.base import MAX_ID, Id, is_id
from assess.model.weights import INPUT_FIELD, WEIGHT_METHODS, WeightMethod
from assess.render.labels import METHOD_LABELS
from tests.conftest import small_case_data

PACKAGE = Path(__file__).resolve().parents[2] / "assess"


def sources(under: str) -> dict[str, str]:
    return {
        str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8") for p in (PACKAGE / under).rglob("*.py")
    }


def test_the_method_table_is_the_models_list() -> None:
    assert tuple(WEIGHT_METHODS) == get_args(WeightMethod)
    assert dict(INPUT_FIELD) == {k: m.field for k, m in WEIGHT_METHODS.items()}


def test_every_method_with_point_weights_has_a_kernel() -> None:
    assert weighting.METHODS == tuple(m for m in WEIGHT_METHODS if m != "statements")


def test_the_kernel_asks_for_the_field_the_table_names() -> None:
    for method in weighting.METHODS:
        with pytest.raises(weighting.WeightingError, match=f"missing {WEIGHT_METHODS[method].field}"):
            weighting.derive_weights(method, {})


def test_the_edits_read_the_table() -> None:
    assert set(METHOD_LABELS) == {*WEIGHT_METHODS, "default"}
    assert dict(edit.POINT_FIELDS) == {"direct": "points", "swing": "swing"}


def test_weights_by_statements_alone_cannot_be_edited_one_by_one() -> None:
    """The labels lacked "statements": this edit raised KeyError, not an EditError."""
    data = small_case_data()
    data["weights"] = {"method": "statements", "statements": [{"order": ["gain", "reach", "risk"]}]}
    case = Case.model_validate(data)
    with pytest.raises(edit.EditError, match="the method .statements. cannot be changed one by one"):
        edit.set_weight(case, None, "gain", 10, catalogue=None)


@pytest.mark.parametrize(
    "text", ["a", "A-1.b_2", "x" * MAX_ID, "", "x" * (MAX_ID + 1), "_a", "a b", "a\n", "é", "a/b"]
)
def test_the_id_check_is_the_models(text: str) -> None:
    try:
        TypeAdapter(Id).validate_python(text)
    except ValidationError:
        model = False
    else:
        model = True
    assert is_id(text) == model


def test_no_other_module_writes_the_id_pattern() -> None:
    found = [
        name for name, text in sources(".").items() if "A-Za-z0-9_.-" in text and name != "model/base.py"
    ]
    assert found == []


def test_the_robustness_defaults_are_written_once() -> None:
    assert inspect.signature(smaa).parameters["samples"].default == analysis.DEFAULT_SAMPLES
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ("sensitivity", "report"):
        defaults = {a.dest: a.default for a in commands[name]._actions}
        assert (defaults["samples"], defaults["seed"]) == (analysis.DEFAULT_SAMPLES, analysis.DEFAULT_SEED)
    found = {n for n, t in sources(".").items() if re.search(r"DEFAULT_(SAMPLES|SEED) = ", t)}
    assert found == {"kernels/robustness/smaa.py", "core/robustness/analysis.py"}


def test_the_formats_and_exit_codes_are_written_once() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ("score", "sensitivity", "compare", "team"):
        (fmt,) = [a for a in commands[name]._actions if a.dest == "format"]
        assert fmt.default == "table" and set(fmt.choices) <= set(FORMATS)
    for name, text in sources("cli").items():
        assert (
            not re.search(r"FORMATS = \[|return [12]\b|exit\([12]\)|EXIT_\w+ = ", text)
            or name == "cli/__init__.py"
        )
    assert (EXIT_OK, EXIT_INPUT) == (0, 2) and cli.EXIT_ERROR == 1
