"""Every package says what lives in it: its `__init__.py` opens with a docstring
whose first line is a sentence, not a placeholder."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assess"
INITS = sorted(PACKAGE.rglob("__init__.py"))


@pytest.mark.parametrize("init", INITS, ids=lambda p: str(p.parent.relative_to(PACKAGE.parent)))
def test_package_docstring_says_what_lives_there(init: Path) -> None:
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc, f"{init} has no docstring"
    first = doc.splitlines()[0]
    assert "TODO" not in doc and len(first.split()) >= 3, f"{init}: {first!r}"
