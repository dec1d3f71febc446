"""A family added to `assess.model.FAMILIES` (one entry, monkeypatched) shows
in the UI's score matrix, weights table and "why" chart at both sizes: the
widgets read the table, and a family without a colour takes the fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.files.casefile import load_case
from assess.model import FAMILIES
from assess.tui.app import AssessApp
from assess.tui.present import FAMILY_COLOUR, criterion_colours, family_colour
from assess.tui.widgets.grid import Grid
from tests.model.test_families import ETHICS, case_with_a_new_family
from tests.tui.tui_helpers import plain_rows, ranking_names


def test_a_family_without_a_colour_takes_the_fallback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(FAMILIES, "ethics", ETHICS)
    assert family_colour("ethics") == FAMILY_COLOUR["other"]
    criteria = load_case(case_with_a_new_family(tmp_path)).case.criteria.local
    assert set(criterion_colours(criteria)) == {"gain", "reach", "risk"}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_grids_show_a_new_family(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size: tuple[int, int]
) -> None:
    monkeypatch.setitem(FAMILIES, "ethics", ETHICS)
    app = AssessApp([load_case(case_with_a_new_family(tmp_path))])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert {"A", "B"} <= set(ranking_names(app))  # C is vetoed
        matrix = app.screen.query_one("#matrix", Grid)
        heads = [c.label.plain.split("\n")[0] for c in matrix.columns if not isinstance(c.label, str)]
        # its order (5) puts the new family last, after the file's earlier criterion `risk`
        assert [h for h in heads if h] == ["Drivers", "5S", "Ethics"]
        tags = {row[0]: row[1] for row in plain_rows(app.screen.query_one("#weights", Grid))}
        assert tags == {"Gain": "Drivers", "Reach": "Ethics", "Risk": "5S"}
        whys = list(app.screen.query("#why-table").results(Grid))  # the "why" chart: 120 wide only
        assert len(whys) == (size[0] >= 120)
        assert all("ethics" in [c.key for c in why.columns] for why in whys)


def test_the_colour_tables_key_only_families_of_the_table() -> None:
    from assess.render.report.markdown import FAMILY_FILL
    from assess.render.report.svg import FAMILY_RAMPS
    from assess.tui.present import FAMILY_SHADES

    for table in (FAMILY_COLOUR, FAMILY_SHADES, FAMILY_RAMPS, FAMILY_FILL):
        assert set(table) <= set(FAMILIES)
