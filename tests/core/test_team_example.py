"""The team example (`cases/team_example/`): three assessors' files and the
team case merged from them. Every cited passage is in its document, the three
scored independently (their own scores, rationales, weights and 2025 view,
not edits of the default case), the merged file checks and scores, and its
disagreements are the ones the example is meant to show."""

from __future__ import annotations

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
ROLES = {"anna": "science-ministry analyst", "boris": "security officer", "chen": "economist"}
REFERENCE = "no_new_cooperation"


def cells(table):
    """(option, criterion, cell) of a score table, the reference's by-definition zeros left out."""
    return [(o, c, cell) for o, row in table.items() if o != REFERENCE for c, cell in row.items()]


def test_the_example_holds_three_assessors_and_the_team() -> None:
    assert [p.name for p in FILES] == ["anna.yaml", "boris.yaml", "chen.yaml", "team.yaml"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_checks(path) -> None:
    """No error and no warning but the lints (listed in tests/cli/test_check_lints.py)."""
    assert [p for p in check_file(path) if not p.message.startswith("[")] == []


def test_every_cited_passage_occurs_in_its_document() -> None:
    """Including the assessors' cells of team.yaml, which loading does not check."""
    team = load_case(EXAMPLE / "team.yaml")
    texts = {name: path.read_text(encoding="utf-8") for name, path in team.documents.items()}
    tables = [team.case.scores, *(a.scores for a in team.case.assessors.values())]
    tables += [s.scores for s in team.case.scenarios.values()]
    cited = [cell.source for t in tables for row in t.values() for cell in row.values() if cell.source]
    assert len(cited) > 3 * 100
    missing = [s.passage for s in cited if locate_passage(texts[s.document], s.passage) is None]
    assert missing == []


@pytest.mark.parametrize("name", ASSESSORS)
def test_each_assessor_states_a_role(name: str) -> None:
    head = (EXAMPLE / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert f"Role: {ROLES[name]}." in head
    assert ROLES[name] in load_case(EXAMPLE / f"{name}.yaml").case.description


@pytest.mark.parametrize("name", ASSESSORS)
def test_each_assessor_scored_on_their_own(name: str) -> None:
    """Same options and criteria as the default case, but the assessor's own
    scores: no rationale is the default's, most values differ from the
    default's or from another assessor's, and the weights and the 2025 view
    are the assessor's own."""
    base = load_case(DEFAULT_CASE).case
    mine = load_case(EXAMPLE / f"{name}.yaml").case
    assert [o.id for o in mine.options] == [o.id for o in base.options]
    assert mine.criteria.use == base.criteria.use
    theirs = {(o, c): cell for o, c, cell in cells(base.scores)}
    own = cells(mine.scores)
    assert len(own) == len(theirs) == 9 * 13
    assert not any(cell.rationale == theirs[o, c].rationale for o, c, cell in own)
    for other in ASSESSORS:
        if other != name:
            them = {(o, c): cell for o, c, cell in cells(load_case(EXAMPLE / f"{other}.yaml").case.scores)}
            assert sum(cell.rationale == them[o, c].rationale for o, c, cell in own) < len(own) // 10
    assert mine.weights != base.weights and mine.scenarios["2025"] != base.scenarios["2025"]


def test_the_2025_views_are_the_assessors_own_and_say_what_they_carried() -> None:
    views = {n: load_case(EXAMPLE / f"{n}.yaml").case.scenarios["2025"] for n in ASSESSORS}
    assert views["anna"].scores != views["boris"].scores != views["chen"].scores != views["anna"].scores
    carried = {n: {c for _, c, cell in cells(v.scores) if cell.basis == "carried"} for n, v in views.items()}
    assert carried == {
        "anna": {"market_potential", "market_superiority"},
        "boris": {"market_potential", "cost_sharing", "market_superiority"},
        "chen": {"security", "suspicions"},
    }
    for view in views.values():  # every other cell of the 2025 view is the assessor's judgement
        assert {cell.basis for _, c, cell in cells(view.scores)} == {"judgement", "carried"}


def test_team_file_scores_for_the_team_and_each_assessor(capsys: pytest.CaptureFixture[str]) -> None:
    team = str(EXAMPLE / "team.yaml")
    for extra in ([], ["--assessor", "anna"], ["--assessor", "chen"], ["--scenario", "2025"]):
        assert main(["score", team, *extra]) == 0
    assert "AI for megascience" in capsys.readouterr().out


def test_the_disagreements_the_example_shows() -> None:
    loaded = load_case(EXAMPLE / "team.yaml")
    d = disagreement(loaded.case, loaded.catalogue_model)
    top = d.by_spread()[0]
    # the science analyst expects an ethics dialogue to open doors, the security officer does not
    assert (top.option, top.criterion, top.values) == ("regulation", "spillover", [4, 2, 3])
    # smart cities x security: only boris is above the veto line of 4; the team's mean is not,
    # which is why the example's security veto applies to any assessor
    cell = d.cell("smart_cities", "security")
    assert cell.values == [3, 4.5, 3.5] and cell.team == pytest.approx(11 / 3)
    veto = loaded.case.criteria.overrides["security"].veto
    assert veto is not None and (veto.threshold, veto.applies_to) == (4, "any_assessor")
    excluded = {r.assessor: r.result.by_option()["smart_cities"].excluded for r in d.rankings}
    assert excluded == {"anna": False, "boris": True, "chen": False}
    # the security officer alone finds doing nothing better than most areas
    ranks = {r.assessor: r.result.by_option()[REFERENCE].rank for r in d.rankings}
    assert ranks["boris"] == 3 and ranks["anna"] == ranks["chen"] == 10
