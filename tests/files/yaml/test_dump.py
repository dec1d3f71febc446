"""dump_yaml writes readable YAML; patch_yaml changes only what changed."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assess.files.yaml.dump import dump_yaml, same
from assess.files.yaml.patch import patch_yaml
from assess.files.yaml.safe import parse_yaml

CASE = """\
# Partnership assessment: pharma vs. energy
# Kept in git; edit with care.
format: 1
title: Cooperation areas 2025
as_of: 2025-03-01

criteria:
  catalogue: ../criteria.yaml
  use: [market, security, trust]   # display order
  off: []

options:
  - id: pharma
    name: Pharmaceuticals
    description: "Joint research on generics"
  - id: energy   # the big one
    name: Energy transition

weights:
  method: direct
  points: {market: 40, security: 35, trust: 25}

scores:
  pharma:
    market:
      value: 4
      rationale: |
        Large market, but
        regulatory hurdles remain.

    security:
      value: 2.5   # contested
      low: 2
      high: 3
  energy:
    # trust unknown yet
    security:
      value: 4
      rationale: >
        Energy dependence is a
        strategic risk.

scenarios: {}
"""


def load(text: str) -> Any:
    return parse_yaml(text.encode("utf-8"), "case.yaml").data


def patched(change: Any, text: str = CASE) -> tuple[str, list[str]]:
    """Apply `change` to a copy of the data; return the new text and its diff lines."""
    old = load(text)
    new = copy.deepcopy(old)
    change(new)
    out = patch_yaml(text, old, new)
    assert same(load(out), new)
    diff = [
        line
        for line in difflib.unified_diff(text.splitlines(), out.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    return out, diff


# -- dump_yaml ---------------------------------------------------------------------


def test_dump_is_readable_and_reads_back() -> None:
    data = {
        "title": "Zürich",
        "options": [{"id": "a", "range": (1, 2.0)}],
        "as_of": dt.date(2025, 3, 1),
        "note": "line one\nline two\n",
        "long": "word " * 20 + "end",
        "w": 3.0,
        "x": 0.1,
    }
    text = dump_yaml(data)
    assert text.startswith("title: Zürich\noptions:\n  - id: a\n    range:\n      - 1\n      - 2\n")
    assert "as_of: 2025-03-01\n" in text and "note: |\n  line one\n  line two\n" in text
    assert "long: >-\n" in text and "w: 3\n" in text and "x: 0.1\n" in text
    assert same(load(text), data)


def test_dump_falls_back_to_quotes_where_block_scalars_cannot_hold_text() -> None:
    data = {"a": "trailing space \nnext", "b": "tab\there\n", "c": " lead\n"}
    assert same(load(dump_yaml(data)), data)


def test_global_representers_untouched() -> None:
    dump_yaml({"a": 3.0, "b": "x\ny"})
    assert yaml.safe_dump(3.0) == "3.0\n...\n"
    assert yaml.safe_dump({"b": "x\ny"}) == "b: 'x\n\n  y'\n"


# -- patch_yaml in place -------------------------------------------------------------


def test_unchanged_data_returns_the_same_text() -> None:
    assert patch_yaml(CASE, load(CASE), copy.deepcopy(load(CASE))) is CASE


def test_change_one_score_changes_one_line() -> None:
    _, diff = patched(lambda d: d["scores"]["pharma"]["security"].update(value=3))
    assert diff == ["-      value: 2.5   # contested", "+      value: 3   # contested"]


def test_equal_numbers_are_not_changes() -> None:
    out, diff = patched(lambda d: d["scores"]["pharma"]["market"].update(value=4.0))
    assert out == CASE and not diff


def test_change_a_block_scalar_rationale() -> None:
    def change(d: Any) -> None:
        d["scores"]["pharma"]["market"]["rationale"] = "Large market.\nStill hurdles.\n"

    _, diff = patched(change)
    assert diff == [
        "-        Large market, but",
        "-        regulatory hurdles remain.",
        "+        Large market.",
        "+        Still hurdles.",
    ]


def test_change_a_folded_rationale_keeps_folded_style() -> None:
    out, diff = patched(lambda d: d["scores"]["energy"]["security"].update(rationale="Short."))
    assert "      rationale: >-\n        Short.\n\nscenarios" in out
    assert len(diff) == 5


def test_keep_quoting_style() -> None:
    _, diff = patched(lambda d: d["options"][0].update(description="Generics"))
    assert diff == ['-    description: "Joint research on generics"', '+    description: "Generics"']


def test_add_a_score_cell_under_an_option() -> None:
    out, diff = patched(lambda d: d["scores"]["energy"].update(trust={"value": 2}))
    assert diff == ["+    trust:", "+      value: 2"]
    assert "        strategic risk.\n    trust:\n      value: 2\n\nscenarios" in out


def test_add_a_whole_option_under_scores() -> None:
    def change(d: Any) -> None:
        d["scores"]["tourism"] = {"market": {"value": 1, "rationale": "Small."}}

    _, diff = patched(change)
    assert diff == ["+  tourism:", "+    market:", "+      value: 1", "+      rationale: Small."]


def test_new_key_goes_after_its_predecessor_in_the_new_order() -> None:
    def change(d: Any) -> None:
        cell = d["scores"]["energy"]["security"]
        d["scores"]["energy"]["security"] = {"value": 4, "low": 3, **cell}

    out, diff = patched(change)
    assert diff == ["+      low: 3"]
    assert "      value: 4\n      low: 3\n      rationale: >" in out


def test_remove_a_key() -> None:
    _, diff = patched(lambda d: d["scores"]["pharma"]["security"].pop("low"))
    assert diff == ["-      low: 2"]


def test_remove_a_key_with_a_block_value() -> None:
    out, diff = patched(lambda d: d["scores"]["pharma"].pop("market"))
    assert diff == [
        "-    market:",
        "-      value: 4",
        "-      rationale: |",
        "-        Large market, but",
        "-        regulatory hurdles remain.",
    ]


def test_change_a_value_inside_a_flow_list() -> None:
    _, diff = patched(lambda d: d["criteria"]["use"].__setitem__(1, "safety"))
    assert diff == [
        "-  use: [market, security, trust]   # display order",
        "+  use: [market, safety, trust]   # display order",
    ]


def test_change_a_value_inside_a_flow_mapping() -> None:
    _, diff = patched(lambda d: d["weights"]["points"].update(trust=30))
    assert diff == [
        "-  points: {market: 40, security: 35, trust: 25}",
        "+  points: {market: 40, security: 35, trust: 30}",
    ]


def test_flow_list_changing_length_stays_flow() -> None:
    _, diff = patched(lambda d: d["criteria"]["use"].append("cost"))
    assert diff[1] == "+  use: [market, security, trust, cost]   # display order"


def test_empty_flow_collection_grows_into_a_block() -> None:
    out, _ = patched(lambda d: d.update(scenarios={"pess": {"name": "Pessimistic"}}))
    assert out.endswith("scenarios:\n  pess:\n    name: Pessimistic\n")


def test_append_and_remove_options() -> None:
    _, diff = patched(lambda d: d["options"].append({"id": "tourism", "name": "Tourism"}))
    assert diff == ["+  - id: tourism", "+    name: Tourism"]
    _, diff = patched(lambda d: d["options"].pop(0))
    assert diff == [
        "-  - id: pharma",
        "-    name: Pharmaceuticals",
        '-    description: "Joint research on generics"',
    ]
    _, diff = patched(lambda d: d["options"].pop())
    assert diff == ["-  - id: energy   # the big one", "-    name: Energy transition"]


def test_insert_an_option_at_the_front() -> None:
    out, diff = patched(lambda d: d["options"].insert(0, {"id": "new", "name": "New"}))
    assert diff == ["+  - id: new", "+    name: New"]
    assert "options:\n  - id: new\n  " in out


def test_type_change_re_emits_the_node() -> None:
    out, _ = patched(lambda d: d["criteria"].update(off={"a": 1}))
    assert "  off:\n    a: 1\n\noptions:" in out
    out, diff = patched(lambda d: d["scores"].update(pharma="none"))
    assert "scores:\n  pharma: none\n  energy:\n" in out


def test_first_key_on_a_dash_line_can_go() -> None:
    out, _ = patched(lambda d: d["options"][1].pop("id"))
    assert "  - name: Energy transition\n" in out


def test_insert_after_a_value_whose_last_lines_go() -> None:
    def change(d: Any) -> None:
        del d["scores"]["energy"]["security"]["rationale"]
        d["scores"]["energy"]["trust"] = {"value": 1}

    out, diff = patched(change)
    assert "      value: 4\n    trust:\n      value: 1\n\nscenarios" in out
    assert len(diff) == 5


def test_comment_moves_to_the_header_of_a_new_block_scalar() -> None:
    out, diff = patched(lambda d: d["scores"]["pharma"]["security"].update(value="a\nb"))
    assert "      value: |-   # contested\n        a\n        b\n      low: 2" in out
    assert len(diff) == 4


def test_crlf_line_endings_are_kept() -> None:
    text = CASE.replace("\n", "\r\n")
    out, diff = patched(lambda d: d["scores"]["energy"].update(trust={"value": 2}), text)
    assert "\n" not in out.replace("\r\n", "")
    assert diff == ["+    trust:", "+      value: 2"]


def test_aliases_fall_back_safely() -> None:
    text = "base: &b\n  x: 1\nuse: *b\nlast: 2\n"
    out, _ = patched(lambda d: d.update(last=3), text)
    assert out == "base: &b\n  x: 1\nuse: *b\nlast: 3\n"
    patched(lambda d: d["use"].update(x=5), text)
    patched(lambda d: d["base"].update(x=5), text)  # *b must not change: re-emitted
    out, _ = patched(lambda d: d.update(b=2), "a: &x 1\nb: *x  # same\nc: [*x, *x]\n")
    assert out == "a: &x 1\nb: 2  # same\nc: [*x, *x]\n"
    out, _ = patched(lambda d: d["c"].__setitem__(1, 3), "a: &x 1\nc: [*x, *x]\n")
    assert out == "a: &x 1\nc: [*x, 3]\n"


def test_broken_text_is_replaced_by_a_fresh_dump() -> None:
    assert patch_yaml("a: [", None, {"a": 1}) == "a: 1\n"


def test_data_that_cannot_read_back_is_refused() -> None:
    with pytest.raises(ValueError):
        patch_yaml("a: 1\n", {"a": 1}, {"a": float("nan")})


# -- properties ------------------------------------------------------------------------

_TEXT = st.text(max_size=8) | st.text(alphabet="ab :#-\n'\"", max_size=90)
_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | _TEXT
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))
)
_KEY = st.text(alphabet="abcxyz_019 -", min_size=1, max_size=6)
_DATA = st.recursive(
    _LEAF, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(_KEY, kids, max_size=4), max_leaves=25
)
_DOC = st.dictionaries(_KEY, _DATA, min_size=1, max_size=5)
_SMALL = _LEAF | st.lists(_LEAF, max_size=3) | st.dictionaries(_KEY, _LEAF, max_size=3)


def _mutate(draw: Any, value: Any, depth: int = 0) -> Any:
    """A random change somewhere in `value`: set, delete, add, insert, re-type."""
    op = draw(st.integers(0, 5 if depth < 4 else 0))
    if isinstance(value, dict) and value and op:
        key = draw(st.sampled_from(sorted(value)))
        out = dict(value)
        if op == 1:
            del out[key]
        elif op == 2:
            out[draw(_KEY)] = draw(_SMALL)
        else:
            out[key] = _mutate(draw, value[key], depth + 1)
        return out
    if isinstance(value, list) and value and op:
        i = draw(st.integers(0, len(value) - 1))
        out = list(value)
        if op == 1:
            out.pop(i)
        elif op == 2:
            out.insert(draw(st.integers(0, len(value))), draw(_SMALL))
        else:
            out[i] = _mutate(draw, value[i], depth + 1)
        return out
    return draw(_SMALL)


def _commented(data: Any) -> str:
    """dump_yaml with a comment and a blank line before every top-level key."""
    lines = dump_yaml(data).split("\n")
    return "# head\n" + "\n".join(f"\n# about\n{x}" if x[:1].strip() else x for x in lines)


_STYLES = [
    dump_yaml,
    _commented,
    lambda d: yaml.safe_dump(d, sort_keys=False, allow_unicode=True),
    lambda d: yaml.safe_dump(d, sort_keys=False, default_flow_style=True),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), _DOC, st.sampled_from(_STYLES))
def test_patched_text_always_reads_back_as_new(data: st.DataObject, old: dict, style: Any) -> None:
    text = style(old)
    assume(same(load(text), old))  # plain PyYAML garbles NEL (U+0085); dump_yaml does not
    assert patch_yaml(text, old, copy.deepcopy(old)) == text
    new = _mutate(data.draw, old)
    for _ in range(data.draw(st.integers(0, 3))):
        new = _mutate(data.draw, new)
    out = patch_yaml(text, old, new)
    assert same(load(out), new)
