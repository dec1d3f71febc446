"""The team screen driven as a planner uses it (Textual pilot): the heatmap
is shaded by spread, moving onto the widest disagreement shows all three
assessors' rationales side by side, n / p walk the disagreements, v shows the
values, Enter opens the full texts, Escape closes."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget

from assess.files.casefile import LoadedCase, load_case
from assess.tui.screens.team import TeamScreen
from assess.tui.screens.team_texts import TeamTextsModal
from assess.tui.widgets.team_detail import TeamDetail
from assess.tui.widgets.team_heatmap import SHADES, TeamHeatmap, cell_text, shade_level
from assess.tui.widgets.team_ranks import HIGHER, TeamRanks
from tests.conftest import DEFAULT_CASE, ROOT

TEAM = ROOT / "cases" / "team_example" / "team.yaml"
WIDEST = ("regulation", "spillover")


class Host(App[None]):
    """A bare app that opens the team screen on one case."""

    def __init__(self, loaded: LoadedCase) -> None:
        super().__init__()
        self.loaded = loaded

    def on_mount(self) -> None:
        self.push_screen(TeamScreen(self.loaded))


@pytest.fixture(scope="module")
def team() -> LoadedCase:
    return load_case(TEAM)


def shown_lines(widget: Widget) -> list[str]:
    region = Region(0, 0, widget.size.width, widget.size.height)
    return [strip.text for strip in widget.render_lines(region)]


def shown_text(widget: Widget) -> str:
    """The text a widget shows on screen now, white space folded."""
    return " ".join(" ".join(shown_lines(widget)).split())


def shown_columns(widget: Widget, heads: list[str]) -> list[str]:
    """The text of side-by-side columns, cut where each of `heads` starts on
    the line holding them, each column's white space folded."""
    lines = shown_lines(widget)
    header = next(line for line in lines if all(h in line for h in heads))
    cuts = [header.index(h) for h in heads] + [None]
    below = lines[lines.index(header) :]
    return [
        " ".join(" ".join(line[a:b] for line in below).split()) for a, b in zip(cuts, cuts[1:], strict=False)
    ]


def team_screen(app: App[None]) -> TeamScreen:
    assert isinstance(app.screen, TeamScreen)
    return app.screen


def rationales(screen: TeamScreen, subject: tuple[str, str]) -> list[str]:
    cell = screen.report.cell(*subject)
    assert cell is not None
    return [" ".join((o.rationale or "").split()) for o in cell.opinions]


async def test_moving_to_the_widest_disagreement_shows_all_three_rationales(team: LoadedCase) -> None:
    async with Host(team).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = team_screen(pilot.app)
        heatmap = screen.query_one(TeamHeatmap)
        assert screen.subject == WIDEST  # the screen opens on the widest spread
        await pilot.press("n")
        assert screen.subject == ("smart_cities", "security")
        await pilot.press("down", *["left"] * 5)  # back to regulation, along its row to spill-over
        await pilot.pause()
        assert heatmap.cursor_coordinate == (3, 3) and screen.subject == WIDEST
        text = shown_text(screen.query_one(TeamDetail))
        assert "Dialogue on AI regulation × Testbed for wider cooperation" in text
        assert "team 3 (mean of 3) · spread 2 · sd 0.82 · nobody stands out" in text
        for name, value in (("Anna", "4 (3.5–4.5)"), ("Boris", "2 (0–3)"), ("Chen", "3 (1.5–4)")):
            assert f"{name} {value}" in text
        three = rationales(screen, WIDEST)
        assert len(three) == 3 and len(set(three)) == 3
        columns = shown_columns(screen.query_one(TeamDetail), ["Anna  4", "Boris  2", "Chen  3"])
        roles = ("science-ministry analyst", "security officer", "economist")
        for rationale, column, role in zip(three, columns, roles, strict=True):
            assert rationale in column and role in column
        await pilot.press("enter")  # the full texts name each assessor with their role
        await pilot.pause()
        title = shown_text(pilot.app.screen.query_one("#team-texts-title"))
        assert "Anna (science-ministry analyst), Boris (security officer), Chen (economist)" in title
        await pilot.press("escape")
        ranks = screen.query_one("#team-ranks-scroll").border_title
        assert ranks is not None and "· " in str(ranks) and str(ranks).count("illustrative weights") == 1


async def test_narrow_terminal_stacks_the_assessors(team: LoadedCase) -> None:
    from tests.tui.tui_helpers import rendered

    async with Host(team).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = team_screen(pilot.app)
        detail = screen.query_one(TeamDetail)
        assert detail.mode == "rows"
        assert "Anna 4 (3.5–4.5) science-ministry analyst" in shown_text(detail)
        whole = " ".join(rendered(detail.content, 60).split())
        for rationale in rationales(screen, WIDEST):
            assert rationale in whole


async def test_heatmap_is_shaded_by_spread(team: LoadedCase) -> None:
    async with Host(team).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = team_screen(pilot.app)
        heatmap = screen.query_one(TeamHeatmap)
        widest = heatmap.get_cell(*WIDEST)
        assert widest.plain.strip() == "2" and SHADES[3] in str(widest.style)  # 40 % of the scale
        assert heatmap.get_cell("pharma", "competence").plain.strip() == "1"
        assert SHADES[1] in str(heatmap.get_cell("pharma", "competence").style)  # 20 %
        assert heatmap.get_cell("pharma", "sanctions").plain.strip() == "·"
        await pilot.press("v")
        assert heatmap.get_cell(*WIDEST).plain.strip() == "4 2 3"
        assert screen.subject == WIDEST  # the cursor stays where it was
        await pilot.press("v")
        assert heatmap.get_cell(*WIDEST).plain.strip() == "2"


def test_shade_levels() -> None:
    assert [shade_level(s, 5) for s in (0, 0.5, 1, 1.5, 2, 2.5, 5)] == [0, 1, 2, 3, 4, 5, 5]
    assert shade_level(1, 10) == 1 and shade_level(0.3, 10) == 1
    assert cell_text(None, "spread", 5, 5).plain == "  –  "


async def test_next_and_previous_walk_the_disagreements_by_spread(team: LoadedCase) -> None:
    async with Host(team).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = team_screen(pilot.app)
        order = [(c.option, c.criterion) for c in screen.report.by_spread() if c.spread > 0]
        seen = [screen.subject]
        for _ in range(4):
            await pilot.press("n")
            seen.append(screen.subject)
        assert seen == order[:5]
        await pilot.press("p", "p")
        assert screen.subject == order[2]
        await pilot.press("p", "p", "p")  # wraps to the narrowest disagreement
        assert screen.subject == order[-1]


async def test_enter_opens_the_full_texts_and_escape_closes_them(team: LoadedCase) -> None:
    async with Host(team).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = team_screen(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
        modal = pilot.app.screen
        assert isinstance(modal, TeamTextsModal) and modal.subject == WIDEST
        from tests.tui.tui_helpers import rendered

        body = " ".join(rendered(modal.query_one("#team-texts-body").content, 100).split())
        cell = screen.report.cell(*WIDEST)
        assert cell is not None
        for o in cell.opinions:
            assert " ".join((o.rationale or "").split()) in body
            assert o.source is not None and " ".join(o.source.passage.split()) in body
        assert "The cited passages in their documents" in body
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_rankings_beside_the_team(team: LoadedCase) -> None:
    async with Host(team).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ranks = team_screen(pilot.app).query_one(TeamRanks)
        text = shown_text(ranks)
        assert "option team Anna Boris Chen" in text
        assert "τ vs team 0.778 0.689 0.822" in text  # three decimals, as `assess team` writes tau
        table = ranks.content
        chen = table.columns[4]
        standards = [r.name for r in team_screen(pilot.app).report.team.ranking].index(
            "Joint standards development"
        )
        cells = list(chen.cells)
        assert cells[standards].plain == "5" and str(cells[standards].style) == HIGHER


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_or_q_closes(team: LoadedCase, key: str) -> None:
    async with Host(team).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        team_screen(pilot.app)
        await pilot.press(key)
        assert not isinstance(pilot.app.screen, TeamScreen)


def test_a_case_without_assessors_is_refused() -> None:
    with pytest.raises(ValueError, match="assessors"):
        TeamScreen(load_case(DEFAULT_CASE))


async def test_a_cell_an_assessor_left_out() -> None:
    """Two assessors, one of whom did not score a × gain: the heatmap shows no
    spread there and the detail says who did not score it."""
    from tests.core.test_disagreement import team_case
    from tests.tui.tui_helpers import in_memory

    case = team_case([1, 4])
    p1 = case.assessors["p1"]
    rows = {o: dict(r) for o, r in p1.scores.items()}
    del rows["a"]["reach"]
    case = case.model_copy(
        update={"assessors": {**case.assessors, "p1": p1.model_copy(update={"scores": rows})}}
    )
    async with Host(in_memory(case.model_dump())).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = team_screen(pilot.app)
        assert screen.subject == ("a", "gain")
        await pilot.press("right")
        heatmap = screen.query_one(TeamHeatmap)
        assert heatmap.get_cell("a", "reach").plain.strip() == "·"
        text = shown_text(screen.query_one(TeamDetail))
        assert "P0 2" in text and "P1 –" in text and "did not score this cell" in text
        assert "only P0 scored it" in text
