"""Issue 9, limits: "The 5 MiB limit is applied after reading the whole file:
`/dev/zero`, a 3 GiB file or `/dev/urandom` exhaust memory. Refuse by size
before reading (stat, then a bounded read). A FIFO as case file or CSV blocks
`check`, `import` and `serve` forever: refuse what is not a regular file."
"Files just under 5 MB of tiny values take 19-44 s and 785 MB before being
refused: every refusal within 2 s and 300 MB. Large valid files without aliases
are refused as "an alias bomb?": say what limit was hit." "A 1 MB valid case
with aliases produced a 629 MB report": the alias budget bounds the expanded text.

Memory is measured on a child process (its peak resident size); the 2 s are
measured by benchmarks/bench_hostile.py, not here (the hang guard of
`run_child` only tells a hang from an answer).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
import yaml
from hostile_helpers import MEMORY_LIMIT_MB, project, refusals, run_child

from assess.errors import InputError
from assess.io.yamlsafe import MAX_BYTES, MAX_DEPTH, MAX_NODES, MAX_TEXT, parse_yaml

DEVICES = [d for d in ("/dev/zero", "/dev/urandom") if os.path.exists(d)]


def one(text: str | bytes) -> tuple[int, int, str]:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(InputError) as info:
        parse_yaml(raw, "f.yaml")
    [p] = info.value.problems
    return p.line, p.column, p.message


def test_a_3_gib_file_is_refused_by_its_size_before_any_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(3 * 1024**3)  # sparse: nothing on disk, 3 GiB to whoever reads it
    child = run_child("check", str(big))
    assert child.code == 2 and child.peak_mb < MEMORY_LIMIT_MB, child
    [(_, line, col, message)] = refusals(child.out)
    assert (line, col) == (1, 1) and "3,221,225,472 bytes" in message and f"{MAX_BYTES:,}" in message


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("command", ["check", "score", "report", "import"])
def test_devices_are_refused(tmp_path: Path, device: str, command: str) -> None:
    args = [command, device] + (["-o", str(tmp_path / "out.html")] if command in ("report", "import") else [])
    child = run_child(*args)
    assert child.code == 2 and child.peak_mb < MEMORY_LIMIT_MB, child
    assert "not a regular file" in child.out + child.err
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("command", ["check", "score", "import", "serve", "compare"])
def test_a_fifo_never_blocks(tmp_path: Path, command: str) -> None:
    """Nobody writes to the FIFO: a command that opened it would wait for ever
    (the hang guard in run_child fails the test)."""
    fifo = tmp_path / ("m.csv" if command == "import" else "case.yaml")
    os.mkfifo(fifo)
    args = {
        "import": ["import", str(fifo), "-o", str(tmp_path / "o.yaml")],
        "serve": ["serve", str(fifo), "--port", str(_free_port())],
        "compare": ["compare", str(fifo), str(fifo)],
    }.get(command, [command, str(fifo)])
    child = run_child(*args)
    assert child.code == 2, child
    assert "not a regular file" in child.out + child.err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_five_megabytes_of_tiny_values_are_refused_by_count_within_memory(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.yaml"
    tiny.write_text("a: [" + ",".join(["0"] * 2_400_000) + "]\n")
    assert MAX_BYTES - 500_000 < tiny.stat().st_size <= MAX_BYTES
    child = run_child("check", str(tiny))
    assert child.code == 2 and child.peak_mb < MEMORY_LIMIT_MB, child
    [(_, line, _, message)] = refusals(child.out)
    assert line == 1 and f"more than {MAX_NODES:,} values" in message and "alias" not in message


def test_a_big_file_without_aliases_is_not_called_an_alias_bomb() -> None:
    text = "".join(f"k{i}: {i}\n" for i in range(MAX_NODES // 2 + 10))
    line, _, message = one(text)
    assert line > MAX_NODES // 4 and "limit for one file" in message and "alias" not in message


def test_an_alias_bomb_is_still_called_one() -> None:
    lines = ["a: &a [" + ", ".join(["x"] * 10) + "]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(6)
    ]
    _, _, message = one("\n".join(lines) + "\n")
    assert "through its aliases" in message and f"{MAX_NODES:,} values" in message


def test_aliases_of_long_text_count_their_expanded_characters() -> None:
    """Few values, a lot of text: 100 references to a 100,000-character rationale."""
    text = f'r: &r "{"x" * 100_000}"\nall: [{", ".join(["*r"] * 100)}]\n'
    line, col, message = one(text)
    assert (line, col) == (2, 6) and f"{MAX_TEXT:,} characters" in message


def test_a_valid_case_with_aliased_rationales_is_refused_before_any_report(tmp_path: Path) -> None:
    """The issue's case: a small valid case whose aliases expand to a huge report.
    Every score cell is the same mapping (an anchor, then aliases), with a
    rationale of 104,000 characters."""
    case = project(tmp_path) / "cases" / "ai_cooperation.yaml"
    data = yaml.safe_load(case.read_text())
    cell = {"value": 2, "rationale": "A rationale that goes on. " * 4_000}
    data["scores"] = {o: {c: cell for c in row} for o, row in data["scores"].items()}
    data.pop("scenarios")
    case.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert "*id001" in case.read_text() and case.stat().st_size < MAX_BYTES / 10
    child = run_child("report", str(case), "-o", str(tmp_path / "r.html"))
    assert child.code == 2 and child.peak_mb < MEMORY_LIMIT_MB, child
    assert any(f"{MAX_TEXT:,} characters of text" in m for *_, m in refusals(child.err)), child.err
    assert not (tmp_path / "r.html").exists()


def test_aliases_within_the_budget_still_load() -> None:
    doc = parse_yaml(b"why: &w because\nother: *w\nlist: &l [1, 2]\nagain: *l\n", "f.yaml")
    assert doc.data == {"why": "because", "other": "because", "list": [1, 2], "again": [1, 2]}


def test_deep_nesting_at_the_end_of_a_big_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "deep.yaml"
    big.write_text("".join(f"k{i}: value number {i}\n" for i in range(90_000)) + "z: " + "[" * 5000 + "\n")
    child = run_child("check", str(big))
    assert child.code == 2 and child.peak_mb < MEMORY_LIMIT_MB, child
    [(_, line, _, message)] = refusals(child.out)
    assert line == 90_001 and f"nested deeper than {MAX_DEPTH}" in message


def test_without_libyaml_the_limits_hold(monkeypatch) -> None:
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert "nested deeper" in one("[" * 10_000)[2]
    assert "recursive alias" in one("a: &x [1, *x]\n")[2]
    assert f"more than {MAX_NODES:,} values" in one("a: [" + ",".join(["0"] * (MAX_NODES + 5)) + "]\n")[2]
    assert "characters of text" in one(f'r: &r "{"x" * 100_000}"\nall: [{", ".join(["*r"] * 100)}]\n')[2]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 0x" + "f" * 5000, "too large"),
        ("a: 0b" + "1" * 5000, "too large"),
        ("a: " + ":".join(["59"] * 3000), "too large"),
        ("a: " + "9" * 5000, "too large"),
        ("a: 1.0e+400", "not a finite number"),
    ],
    ids=["hex", "binary", "sexagesimal", "decimal", "overflow"],
)
def test_huge_integers_are_refused_at_their_place(text: str, message: str) -> None:
    line, col, found = one("ok: 1\n" + text + "\n")
    assert (line, col) == (2, 4) and message in found and len(found) < 120


@pytest.mark.parametrize(
    "text",
    [
        "".join(f"k{i}: {i}\n" for i in range(99_000)),
        "options:\n" + "".join(f"  - {i}\n" for i in range(199_000)),
        "".join("k: 1\n" for _ in range(99_000)),
    ],
    ids=["99,000 unknown keys", "199,000 wrong options", "99,000 duplicate keys"],
)
def test_a_file_of_problems_lists_the_first_ones_within_memory(tmp_path: Path, text: str) -> None:
    """Valid YAML just within the value limit, every value wrong: listing each
    problem (with a "did you mean") took minutes and 500 MB."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    child = run_child("score", str(bad))
    assert child.code == 2 and child.peak_mb < MEMORY_LIMIT_MB, child
    found = refusals(child.err)
    assert 20 <= len(found) <= 101 and found[-1][3].endswith("more problems in this file")


def test_numbers_lie_within_1e15_and_keep_their_own_bounds() -> None:
    from pydantic import ValidationError

    from assess.model import Criterion, Judgement

    base = {"id": "a", "name": "A", "family": "driver", "direction": "benefit"}
    for bad in ({"default_weight": -1}, {"default_weight": 1e16}, {"scale": {"min": 0, "max": 1.7e308}}):
        with pytest.raises(ValidationError):
            Criterion.model_validate({**base, **bad})
    for ratio in (0, -2, 1e16):
        with pytest.raises(ValidationError):
            Judgement.model_validate({"a": "x", "b": "y", "ratio": ratio})
    assert Criterion.model_validate({**base, "scale": {"min": -1e15, "max": 1e15}}).scale.max == 1e15
