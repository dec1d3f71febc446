"""`assess check` parses every file once and reads a catalogue once, however
many cases of the folder name it (issue 11 found two parses and one catalogue
load per case)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assess.files import casefile, lints
from tests.conftest import CATALOGUE, ROOT, run_cli


def test_each_file_parsed_once(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    parsed: Counter[Path] = Counter()
    real = casefile.parse_yaml

    def counting(data: bytes, filename: str, **kw: object) -> casefile.YamlDoc:
        parsed[Path(filename).resolve()] += 1
        return real(data, filename, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(casefile, "parse_yaml", counting)
    monkeypatch.setattr(lints, "parse_yaml", counting)
    code, out, _ = run_cli(capsys, "--no-cache", "check", CATALOGUE, ROOT / "cases")
    cases = sorted((ROOT / "cases").rglob("*.yaml"))
    assert code == 0 and out.count(": ok") == len(cases) + 1
    assert set(parsed) == {CATALOGUE.resolve(), *(c.resolve() for c in cases)}
    assert set(parsed.values()) == {1}
