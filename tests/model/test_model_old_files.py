"""Every bundled file reads as it did: the new keys are optional, nothing new is written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assess.model import Case, Catalogue
from assess.model.references import check_references
from tests.conftest import CATALOGUE, ROOT

CASE_FILES = sorted((ROOT / "cases").rglob("*.yaml"))


def _read(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_bundled_files_are_found() -> None:
    assert len(CASE_FILES) >= 6


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_bundled_case_round_trips_unchanged(path: Path) -> None:
    data = _read(path)
    case = Case.model_validate(data)
    assert case.model_dump(mode="python", exclude_unset=True) == data


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_bundled_case_names_only_what_exists(path: Path) -> None:
    case = Case.model_validate(_read(path))
    criteria = {c.id for c in Catalogue.model_validate(_read(CATALOGUE)).criteria}
    criteria |= {c.id for c in case.criteria.local}
    assert check_references(case, criteria) == []


def test_the_catalogue_round_trips_unchanged() -> None:
    data = _read(CATALOGUE)
    assert Catalogue.model_validate(data).model_dump(mode="python", exclude_unset=True) == data
