"""Hostile inputs: every one must end in an InputError with a useful position."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.errors import InputError
from assess.files.yaml.safe import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    parse_yaml,
    path_text,
)


def problems(data: bytes | str) -> list[tuple[int, int, str]]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(InputError) as info:
        parse_yaml(raw, "case.yaml")
    assert all(p.file == "case.yaml" for p in info.value.problems)
    return [(p.line, p.column, p.message) for p in info.value.problems]


def one(data: bytes | str) -> tuple[int, int, str]:
    found = problems(data)
    assert len(found) == 1, found
    return found[0]


# -- good files ------------------------------------------------------------------


def test_plain_data_and_marks() -> None:
    doc = parse_yaml(b"title: T\nas_of: 2025-03-01\noptions:\n  - id: a\n    w: 1.5\n", "f")
    assert doc.data == {"title": "T", "as_of": dt.date(2025, 3, 1), "options": [{"id": "a", "w": 1.5}]}
    assert doc.marks[("options", 0, "w")] == (5, 8)
    assert doc.key_marks[("options", 0, "w")] == (5, 5)
    assert doc.marks[()] == (1, 1)


def test_locate_uses_longest_existing_prefix() -> None:
    doc = parse_yaml(b"scale:\n  levels:\n    0: none\n    5: severe\nother: 1\n", "f")
    assert doc.locate(("scale", "missing", "deeper")) == (2, 3)
    assert doc.locate(("scale", "levels", 5)) == (4, 8)  # int loc finds the text key
    assert doc.locate(("scale", "levels", "5", "[key]")) == (4, 5)
    assert doc.locate(("scale", "function-after[_x()]", "levels")) == (3, 5)
    assert doc.locate(("nothing",)) == (1, 1)
    assert doc.problem(("scale", "levels"), "bad").line == 3


def test_numeric_and_bool_keys_stay_text() -> None:
    doc = parse_yaml(b"2025: a\nyes: b\n0x1F: c\n1.5: d\n2025-01-01: e\n'7': f\n", "f")
    assert list(doc.data) == ["2025", "yes", "0x1F", "1.5", "2025-01-01", "7"]


def test_bom_is_fine_and_not_in_text() -> None:
    doc = parse_yaml(b"\xef\xbb\xbfa: 1\n", "f")
    assert doc.data == {"a": 1} and doc.text == "a: 1\n"


def test_empty_file_and_bare_scalar_parse() -> None:
    empty = parse_yaml(b"", "f")
    assert empty.data is None and empty.root is None
    assert parse_yaml(b"# only a comment\n", "f").root is None
    assert parse_yaml(b"just text\n", "f").data == "just text"


def test_aliases_within_limits_expand() -> None:
    doc = parse_yaml(b"a: &x [1, 2]\nb: *x\n", "f")
    assert doc.data == {"a": [1, 2], "b": [1, 2]}


def test_path_text() -> None:
    assert path_text(("options", 0, "id")) == "options[0].id"


# -- hostile files ---------------------------------------------------------------


def test_billion_laughs_is_refused_fast() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    line, column, message = one("\n".join(lines) + "\n")
    assert f"{MAX_NODES:,}" in message and "alias" in message
    assert 1 <= line <= 10 and column == 4


def test_recursive_alias() -> None:
    line, column, message = one("a: &x\n  b: *x\n")
    assert (line, column) == (2, 6) and "*x" in message
    assert "recursive" in one("a: &x [1, *x]\n")[2]


def test_10000_nested_flow_sequences() -> None:
    line, column, message = one("[" * 10_000)
    assert line == 1 and column > MAX_DEPTH and "nested deeper" in message


def test_10000_nested_flow_mappings() -> None:
    line, column, message = one("{a: " * 10_000)
    assert line == 1 and column > 4 * MAX_DEPTH and "nested deeper" in message


def test_deep_block_mappings() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(2000))
    line, column, message = one(text)
    assert (line, column) == (MAX_DEPTH + 1, MAX_DEPTH + 1) and "nested deeper" in message


def test_deep_nesting_through_alias_chains() -> None:
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, 200)]
    assert "nested deeper" in one("\n".join(lines))[2]


def test_invalid_utf8_in_the_middle_of_line_3() -> None:
    line, column, message = one(b"a: 1\nb: 2\nc: caf\xc3\xa9 \xff here\n")
    assert (line, column) == (3, 9) and "UTF-8" in message


def test_nul_and_control_characters() -> None:
    assert one("a: 1\nb: x\x00y\n")[:2] == (2, 5)
    assert "0x07" in one("a: \x07\n")[2]


def test_python_object_tag_is_refused() -> None:
    line, column, message = one("ok: 1\nx: !!python/object/apply:os.system ['echo hi']\n")
    assert (line, column) == (2, 4)
    assert "!!python/object/apply:os.system" in message


@pytest.mark.parametrize("tag", ["!foo", "!!set", "!!binary", "!!omap"])
def test_other_tags_are_refused(tag: str) -> None:
    value = "{a: null}" if tag == "!!set" else "[]" if tag == "!!omap" else "aGk="
    assert tag in one(f"x: {tag} {value}\n")[2]


def test_duplicate_keys_name_the_first_line() -> None:
    line, column, message = one("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (line, column) == (4, 3)
    assert "'c'" in message and "line 3" in message


def test_duplicate_keys_after_stringification() -> None:
    assert "duplicate key '1'" in one("1: a\n'1': b\n")[2]


def test_several_problems_in_one_run() -> None:
    found = problems("a: 1\na: 2\nb: !foo x\nc: .nan\nd: [1, -.inf]\n<<: {e: 1}\n")
    assert [(line, col) for line, col, _ in found] == [(2, 1), (3, 4), (4, 4), (5, 8), (6, 1)]
    assert "not a finite number" in found[2][2] and "merge" in found[4][2]


def test_tab_indentation() -> None:
    line, column, message = one("a:\n\tb: 1\n")
    assert (line, column) == (2, 1) and "tab" in message


def test_unterminated_quote() -> None:
    line, column, message = one("a: 1\nb: 'never closed\nc: 2\n")
    assert line == 4 and "quoted scalar" in message and "line 2" in message


def test_syntax_error_position() -> None:
    assert one("a: 1\n b: 2\n")[:2] == (2, 3)


def test_file_over_the_limit_is_refused_before_parsing() -> None:
    line, column, message = one(b"a: " + b"x" * (6 * 1024 * 1024) + b"\n")
    assert (line, column) == (1, 1)
    assert f"{MAX_BYTES:,}" in message and "6,291,460" in message


def test_bad_keys() -> None:
    assert "missing" in one("~: 1\n")[2]
    assert "not a list or mapping" in one("? [a, b]\n: 1\n")[2]


def test_bad_explicit_values() -> None:
    assert "!!int" in one("a: !!int nope\n")[2]
    assert one("when: 2025-13-45\n")[:2] == (1, 7)
    assert "too large" in one("n: " + "9" * 5000 + "\n")[2]


def test_several_documents_and_undefined_alias() -> None:
    assert one("a: 1\n---\nb: 2\n")[:2] == (2, 1)
    assert "undefined alias" in one("a: *nope\n")[2]


# -- anything at all -------------------------------------------------------------

_YAMLISH = st.text(alphabet=st.sampled_from(list("ab:-?[]{},&*!|>'\"#%@`\t\n .0123~<=")), max_size=120)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | _YAMLISH.map(str.encode))
def test_arbitrary_bytes_only_ever_raise_input_error(data: bytes) -> None:
    try:
        doc = parse_yaml(data, "fuzz.yaml")
    except InputError as e:
        assert e.problems and all(p.file == "fuzz.yaml" for p in e.problems)
    else:
        assert doc.locate(("a", 0, "b")) >= (1, 1)
