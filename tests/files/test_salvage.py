"""Reading past structural errors (`assess.files.salvage`): what is mended, what
is left out, which later findings are only consequences; and, on random
damage to the bundled case, never anything but problems with positions."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.errors import InputError
from assess.files.casefile import load_case
from assess.files.salvage import CASE_DEFINITIONS, salvage
from assess.files.yaml.dump import dump_yaml
from assess.model import Case
from tests.conftest import CATALOGUE, DEFAULT_CASE, ROOT, small_case_data


def test_valid_data_is_read_as_it_is() -> None:
    found = salvage(small_case_data(), Case)
    assert isinstance(found.model, Case) and found.findings == [] and not found.left_out


def test_a_list_item_with_two_findings_is_left_out_once() -> None:
    """A record step with a mistyped key is both missing a field and carrying an
    unknown one; leaving it out twice crashed with IndexError."""
    data = small_case_data()
    data["weights"]["record"] = [{"step": "swing_rating", "criterionx": "gain", "rating": 50}]
    found = salvage(data, Case)
    assert isinstance(found.model, Case) and found.model.weights is not None
    assert found.model.weights.record == []
    assert {path for path, _ in found.findings} >= {("weights", "record", 0, "criterionx")}


def test_a_broken_score_value_stands_in_and_its_own_checks_are_consequences() -> None:
    data = small_case_data()
    data["scores"]["a"]["gain"]["value"] = "high"
    found = salvage(data, Case)
    assert isinstance(found.model, Case) and found.model.scores["a"]["gain"].value == 0
    wrong = "input should be a valid number, got 'high'"
    assert found.findings == [(("scores", "a", "gain", "value"), wrong)]
    assert found.is_secondary((("scores", "a", "gain", "value"), "value 0 is outside the scale"))
    assert not found.is_secondary((("scores", "b", "gain", "value"), "value 9 is outside the scale"))
    assert not found.is_secondary((("scores", "a"), "option 'a' has no score on reach"))


def test_a_mistyped_key_is_read_as_the_field_it_means() -> None:
    data = small_case_data()
    data["scroes"] = data.pop("scores")
    found = salvage(data, Case)
    assert isinstance(found.model, Case) and found.model.scores["a"]["gain"].value == 5
    assert [m for _, m in found.findings] == ["unknown key 'scroes' (did you mean 'scores'?)"]
    assert found.in_file(("scores", "a", "gain")) == ("scroes", "a", "gain")


def test_a_broken_option_is_left_out_and_its_uses_are_consequences() -> None:
    data = small_case_data()
    data["options"][1]["name"] = ["not", "a", "name"]  # a name: read as ''
    data["options"][2]["description"] = 7  # an optional key: left out
    data["options"].append({"id": "d", "name": "D", "colour": "red", "source": "somewhere"})
    data["options"].append({"name": "E"})  # no id: the option is left out
    found = salvage(data, Case, CASE_DEFINITIONS)
    assert isinstance(found.model, Case)
    assert [o.id for o in found.model.options] == ["a", "b", "c", "d"]
    assert found.model.options[1].name == "" and found.model.options[2].description == ""
    assert found.model.options[3].source is None
    assert len(found.findings) == 5 and found.broken_ids == frozenset()


def test_a_broken_local_criterion_is_not_echoed() -> None:
    data = small_case_data()
    data["criteria"]["local"][0]["direction"] = "upward"
    found = salvage(data, Case, CASE_DEFINITIONS)
    assert isinstance(found.model, Case) and ("criterion", "gain") in found.broken_ids
    assert found.is_secondary((("scores", "a", "gain"), "unknown criterion 'gain'"))
    assert found.is_secondary((("weights", "points", "gain"), "unknown criterion 'gain'"))


def test_nothing_to_read_without_the_required_parts() -> None:
    data = small_case_data()
    data["criteria"] = "all of them"
    found = salvage(data, Case)
    assert found.model is None
    assert [p for p, _ in found.findings] == [("criteria",)]


# -- random damage ---------------------------------------------------------------

JUNK = st.sampled_from([None, "x", 3, -1.5, True, [], {}, {"zz": 1}, ["a", "b"], "2025-13-01"])


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    """Every path in plain data."""
    out = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*path, i))
    return out


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layout")
    shutil.copy(CATALOGUE, root / "criteria.yaml")
    shutil.copytree(ROOT / "sources", root / "sources")
    (root / "cases").mkdir()
    return root


BASE = yaml.safe_load(DEFAULT_CASE.read_text(encoding="utf-8"))
PATHS = _paths(BASE)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PATHS), JUNK, st.booleans()), min_size=1, max_size=4))
def test_any_damage_gives_problems_with_positions(layout: Path, damage: list) -> None:
    """Values replaced by junk, keys deleted or mistyped anywhere in the
    bundled case: loading either succeeds or raises one InputError whose every
    problem has a line; never another exception."""
    data = copy.deepcopy(BASE)
    for path, junk, rename in damage:
        node = data
        for part in path[:-1]:
            node = node[part] if isinstance(node, dict | list) and _has(node, part) else None
        if node is None or not _has(node, path[-1]):
            continue
        if rename and isinstance(node, dict):
            node[f"{path[-1]}x"] = node.pop(path[-1])
        else:
            node[path[-1]] = junk
    case = layout / "cases" / "damaged.yaml"
    case.write_text(dump_yaml(data), encoding="utf-8")
    try:
        load_case(case)
    except InputError as err:
        assert err.problems and all(p.line > 0 for p in err.problems), err


def _has(node: dict | list, key: object) -> bool:
    return key in node if isinstance(node, dict) else isinstance(key, int) and 0 <= key < len(node)
