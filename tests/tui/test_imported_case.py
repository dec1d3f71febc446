"""A case imported from a spreadsheet, whose columns have no family ("other"),
opens in the UI at both sizes (issue 8: a family is only what the file says;
the UI's colours and tags were keyed by the three families only)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tui_helpers import plain_rows, ranking_names

from assess.io.casefile import load_case, write_new_case
from assess.io.csv_import import read_matrix
from assess.tui.app import AssessApp
from assess.tui.widgets.grid import Grid

MATRIX = "option;gain;risk;speed\n@direction;benefit;cost;benefit\n@family;;constraint;\nA;4,5;2;3\nB;3;1;4\n"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_an_imported_case_opens(tmp_path: Path, size: tuple[int, int]) -> None:
    path = tmp_path / "m.yaml"
    write_new_case(path, read_matrix(io.BytesIO(MATRIX.encode()), "m.csv", "m"))
    app = AssessApp([load_case(path)])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert sorted(ranking_names(app)) == ["A", "B"]
        families = {row[0]: row[1] for row in plain_rows(app.screen.query_one("#weights", Grid))}
        assert families == {"risk": "5S", "gain": "Other", "speed": "Other"}
