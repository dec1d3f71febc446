"""The committed JSON Schemas must match the model (editors validate case
files against them). Regenerate with:
`assess schema > schema/case.schema.json` and
`assess schema --catalogue > schema/criteria.schema.json`."""

from __future__ import annotations

from assess.cli.schema_cmd import schema_text
from tests.conftest import ROOT


def test_case_schema_is_current() -> None:
    assert (ROOT / "schema" / "case.schema.json").read_text() == schema_text()


def test_catalogue_schema_is_current() -> None:
    assert (ROOT / "schema" / "criteria.schema.json").read_text() == schema_text(catalogue=True)
