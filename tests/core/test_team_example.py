"""The team example (`cases/team_example/`): three assessors' files and the
team case merged from them. Every cited passage is in its document, each
assessor re-scored 10–15 cells of the default case, the merged file checks and
scores, and its disagreements are the ones the example is meant to show."""

from __future__ import annotations

from fractions import Fraction

import pytest

from assess.cli import main
from assess.cli.check_cmd import check_file
from assess.core.disagreement import disagreement
from assess.files.casefile import load_case
from assess.files.documents import locate_passage
from tests.conftest import DEFAULT_CASE, ROOT

EXAMPLE = ROOT / "cases" / "team_example"
FILES = sorted(EXAMPLE.glob("*.yaml"))
ASSESSORS = ["anna", "boris", "chen"]


def test_the_example_holds_three_assessors_and_the_team() -> None:
    assert [p.name for p in FILES] == ["anna.yaml", "boris.yaml", "chen.yaml", "team.yaml"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_checks(path) -> None:
    assert check_file(path) == []


def test_every_cited_passage_occurs_in_its_document() -> None:
    """Including the assessors' cells of team.yaml, which loading does not check."""
    team = load_case(EXAMPLE / "team.yaml")
    texts = {name: path.read_text(encoding="utf-8") for name, path in team.documents.items()}
    tables = [team.case.scores, *(a.scores for a in team.case.assessors.values())]
    tables += [s.scores for s in team.case.scenarios.values()]
    cited = [cell.source for t in tables for row in t.values() for cell in row.values() if cell.source]
    assert len(cited) > 3 * 84
    missing = [s.passage for s in cited if locate_passage(texts[s.document], s.passage) is None]
    assert missing == []


@pytest.mark.parametrize("name", ASSESSORS)
def test_each_assessor_rescored_ten_to_fifteen_cells_with_reasons(name: str) -> None:
    base = load_case(DEFAULT_CASE).case
    mine = load_case(EXAMPLE / f"{name}.yaml").case
    assert [o.id for o in mine.options] == [o.id for o in base.options]
    assert mine.criteria.use == base.criteria.use and mine.scenarios == base.scenarios
    changed = [
        (o, c) for o, row in base.scores.items() for c, cell in row.items() if mine.scores[o][c] != cell
    ]
    assert 10 <= len(changed) <= 15
    for o, c in changed:
        new, old = mine.scores[o][c], base.scores[o][c]
        assert new.rationale and new.rationale != old.rationale and new.source is not None


def test_team_file_scores_for_the_team_and_each_assessor(capsys: pytest.CaptureFixture[str]) -> None:
    team = str(EXAMPLE / "team.yaml")
    for extra in ([], ["--assessor", "anna"], ["--assessor", "chen"], ["--scenario", "2025"]):
        assert main(["score", team, *extra]) == 0
    assert "AI for megascience" in capsys.readouterr().out


def test_the_disagreements_the_example_shows() -> None:
    loaded = load_case(EXAMPLE / "team.yaml")
    d = disagreement(loaded.case, loaded.catalogue_model)
    top = d.by_spread()[0]
    assert (top.option, top.criterion, top.values, top.furthest) == (
        "regulation",
        "spillover",
        [4.5, 2, 4],
        ("boris", 2.25),
    )
    # smart cities × security: only boris's own score (5) is above the veto line
    # of 4, but the team's mean (3.5 + 5 + 4) / 3 is too
    assert d.cell("smart_cities", "security").team == pytest.approx(25 / 6)
    assert d.team.by_option()["smart_cities"].excluded
    excluded = {r.assessor: r.result.by_option()["smart_cities"].excluded for r in d.rankings}
    assert excluded == {"anna": False, "boris": True, "chen": False}
    # chen (own weights) swaps two neighbouring pairs: (19 concordant - 2 discordant) / 21 pairs
    tau = {r.assessor: r.tau for r in d.rankings}
    assert tau["chen"] == pytest.approx(float(Fraction(17, 21)))
    assert tau["anna"] == pytest.approx(float(Fraction(19, 21))) and tau["boris"] == pytest.approx(1)
