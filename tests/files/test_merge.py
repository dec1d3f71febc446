"""Merging assessors' case files (`assess.files.merge`): the example's team.yaml is
reproduced, and inputs that do not match are refused with the file and the
position of what differs."""

from __future__ import annotations

import copy
import itertools
from pathlib import Path

import numpy as np
import pytest

from assess.core.scoring import score_wsm
from assess.core.validate import check_case
from assess.core.view import resolve
from assess.errors import Problem
from assess.files.casefile import case_data, load_case
from assess.files.merge import Contribution, check_contributions, merge_cases, rebase
from assess.files.yaml.dump import dump_yaml
from tests.conftest import ROOT, small_case_data

EXAMPLE = ROOT / "cases" / "team_example"
NAMES = ["anna", "boris", "chen"]


def contributions(paths: list[Path], ids: list[str] | None = None) -> list[Contribution]:
    ids = ids or [p.stem for p in paths]
    return [Contribution(load_case(p), i, i) for p, i in zip(paths, ids, strict=True)]


def example() -> list[Contribution]:
    return contributions([EXAMPLE / f"{n}.yaml" for n in NAMES])


def test_merging_the_example_reproduces_team_yaml() -> None:
    found = example()
    assert check_contributions(found) == []
    merged = merge_cases(found, EXAMPLE)
    committed = load_case(EXAMPLE / "team.yaml")
    assert case_data(merged.case) == case_data(committed.case)


def test_merged_case_takes_the_first_file_and_each_files_scores() -> None:
    found = example()
    case = merge_cases(found, EXAMPLE).case
    anna = found[0].loaded.case
    assert (case.title, case.options, list(case.scenarios)) == (
        anna.title,
        anna.options,
        list(anna.scenarios),
    )
    # the scenario is the first file's, with the files' weights combined (they differ), and
    # no agreed cells: each file's 2025 cells, weights and description are its assessor's
    assert case.scenarios["2025"].scores == {}
    assert case.scenarios["2025"].weights != anna.scenarios["2025"].weights
    assert case.scenarios["2025"].description.startswith("The team's view of")
    for c in found:
        own, theirs = case.assessors[c.assessor].scenarios["2025"], c.loaded.case.scenarios["2025"]
        assert (own.scores, own.weights, own.description) == (
            theirs.scores,
            theirs.weights,
            theirs.description,
        )
    assert case.weights is None  # the files' weights differ: none of them is the team's
    assert case.scores == {} and case.team.aggregate == "mean"
    assert list(case.assessors) == NAMES
    for c in found:
        assert case.assessors[c.assessor].scores == c.loaded.case.scores
        byline = c.loaded.case.assessor  # each file says who scored it
        assert byline is not None
        assert (case.assessors[c.assessor].name, case.assessors[c.assessor].role) == (
            byline.name,
            byline.role,
        )


def test_differing_weights_are_kept_per_assessor_and_combined_by_the_team_rule() -> None:
    """Chen weighs differently from Anna and Boris: every assessor keeps their
    own weights, the case has no agreed ones, and the team ranks with the mean
    of the three assessors' normalised weights (team.weights: mean)."""
    found = example()
    merged = merge_cases(found, EXAMPLE)
    for c in found:
        assert merged.case.assessors[c.assessor].weights == c.loaded.case.weights
    assert merged.case.weights is None and merged.case.team.weights == "mean"
    assert merged.weights[0].startswith("the files' weights differ: each assessor keeps their own")
    view = resolve(merged.case, found[0].loaded.catalogue_model)
    shares = [resolve(c.loaded.case, c.loaded.catalogue_model).shares for c in found]
    np.testing.assert_allclose(view.shares, np.mean(shares, axis=0), rtol=1e-12)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_order_of_the_files_never_decides_the_team(order: tuple[int, ...]) -> None:
    """The issue: the first file's weights were the team's. In every order of
    the files the team's weights, scores and ranking are the same in the
    baseline, and the 2025 scenario's weights are the same."""
    found = example()
    reference = merge_cases(found, EXAMPLE).case
    merged = merge_cases([found[k] for k in order], EXAMPLE).case
    catalogue = found[0].loaded.catalogue_model
    a, b = resolve(reference, catalogue), resolve(merged, catalogue)
    np.testing.assert_array_equal(a.shares, b.shares)
    np.testing.assert_array_equal(a.scores, b.scores)
    assert score_wsm(a).ranking == score_wsm(b).ranking
    a, b = resolve(reference, catalogue, "2025"), resolve(merged, catalogue, "2025")
    np.testing.assert_array_equal(a.shares, b.shares)


def test_the_order_of_the_files_never_decides_the_teams_2025_scores() -> None:
    found = example()
    catalogue = found[0].loaded.catalogue_model
    views = [
        resolve(merge_cases([found[k] for k in order], EXAMPLE).case, catalogue, "2025")
        for order in ((0, 1, 2), (1, 2, 0), (2, 0, 1))
    ]
    for view in views[1:]:
        np.testing.assert_array_equal(views[0].scores, view.scores)


def test_the_same_weights_in_every_file_are_the_teams(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", small_case_data())
    other = small_case_data()
    other["weights"]["elicitation"] = "the same points, noted otherwise"
    b = write(tmp_path, "b.yaml", other)
    merged = merge_cases(contributions([a, b]), tmp_path)
    assert merged.case.weights == load_case(a).case.weights
    assert all(p.weights is None for p in merged.case.assessors.values())
    assert merged.weights == ("every file gives the same weights: they are the team's agreed weights",)


def test_a_file_without_weights_counts_with_its_default_weights(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", small_case_data())
    other = small_case_data()
    del other["weights"]
    b = write(tmp_path, "b.yaml", other)
    merged = merge_cases(contributions([a, b]), tmp_path, "median")
    own = merged.case.assessors["b"].weights
    assert own is not None and own.points == {"gain": 1.0, "reach": 1.0, "risk": 1.0}
    assert own.elicitation == "the criteria's default weights"
    assert merged.case.team.weights == "median" and "median" in merged.weights[0]
    assert check_case(merged.case, None) == []


def test_scenario_weights_that_differ_are_combined_and_said(tmp_path: Path) -> None:
    later = {"name": "Later", "weights": {"points": {"gain": 1, "reach": 1, "risk": 2}}}
    first = small_case_data() | {"scenarios": {"later": later}}
    a = write(tmp_path, "a.yaml", first)
    second = copy.deepcopy(first)
    second["scenarios"]["later"]["weights"]["points"] = {"gain": 3, "reach": 1, "risk": 0}
    b = write(tmp_path, "b.yaml", second)
    for order in ([a, b], [b, a]):
        merged = merge_cases(contributions(order), tmp_path)
        spec = merged.case.scenarios["later"].weights
        assert spec is not None and spec.points == {"gain": 0.5, "reach": 0.25, "risk": 0.25}
        assert merged.weights[1].startswith("scenario 'later': the files' weights differ")


def test_paths_are_rebased_to_the_output_folder(tmp_path: Path) -> None:
    case = merge_cases(example(), tmp_path / "out").case
    catalogue = (tmp_path / "out" / case.criteria.catalogue).resolve()
    assert catalogue == (ROOT / "criteria.yaml").resolve()
    for doc in case.documents.values():
        assert (tmp_path / "out" / doc.path).resolve().is_file()


def test_rebase_is_plain_path_arithmetic() -> None:
    assert rebase("../criteria.yaml", Path("/w/cases"), Path("/w/cases/team")) == "../../criteria.yaml"
    assert rebase("x.txt", Path("/w/a"), Path("/w/a")) == "x.txt"
    assert rebase("/abs/x.txt", Path("/w/a"), Path("/q")) == "/abs/x.txt"


# -- inputs that do not match ---------------------------------------------------


def write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The 1-based line on which `text` first occurs in the file."""
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def problems_of(tmp_path: Path, other: dict) -> tuple[Path, list[Problem]]:
    a = write(tmp_path, "a.yaml", small_case_data())
    b = write(tmp_path, "b.yaml", other)
    return b, check_contributions(contributions([a, b]))


def test_an_extra_option_is_named_with_its_position(tmp_path: Path) -> None:
    data = small_case_data()
    data["options"].append({"id": "d", "name": "D"})
    data["scores"]["d"] = copy.deepcopy(data["scores"]["a"])
    b, problems = problems_of(tmp_path, data)
    assert [str(p) for p in problems] == [
        f"{b}:{line_of(b, '- id: d')}:9: option 'd' is not in {tmp_path / 'a.yaml'} (at options[3].id)"
    ]


def test_a_missing_criterion_is_named_at_the_list(tmp_path: Path) -> None:
    data = small_case_data()
    data["criteria"]["use"].remove("risk")
    b, problems = problems_of(tmp_path, data)
    (problem,) = problems
    assert problem.file == str(b) and problem.line == line_of(b, "- gain")
    assert "missing criterion 'risk' that" in problem.message and problem.message.endswith("a.yaml has")


def test_a_renamed_criterion_is_extra_and_missing_with_a_hint(tmp_path: Path) -> None:
    data = small_case_data()
    data["criteria"]["use"][1] = "rech"
    data["criteria"]["local"][1]["id"] = "rech"
    for row in data["scores"].values():
        row["rech"] = row.pop("reach")
    data["weights"]["points"]["rech"] = data["weights"]["points"].pop("reach")
    b, problems = problems_of(tmp_path, data)
    messages = {p.message: p for p in problems}
    extra = messages[f"criterion 'rech' is not in {tmp_path / 'a.yaml'} (did you mean 'reach'?)"]
    assert (extra.file, extra.line, extra.path) == (str(b), line_of(b, "- rech"), "criteria.use[1]")
    assert any("missing criterion 'reach'" in m for m in messages)


def test_a_criterion_defined_differently_is_refused(tmp_path: Path) -> None:
    data = small_case_data()
    data["criteria"]["local"][0]["direction"] = "cost"
    _, problems = problems_of(tmp_path, data)
    (problem,) = problems
    assert "criterion 'gain' is defined differently" in problem.message and "direction" in problem.message


def test_duplicate_ids_a_single_file_and_team_files_are_refused(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", small_case_data())
    b = write(tmp_path, "b.yaml", small_case_data())
    (dup,) = check_contributions(contributions([a, b], ["x", "x"]))
    assert dup.file == str(b) and "assessor id 'x' is also" in dup.message
    (alone,) = check_contributions(contributions([a]))
    assert "two or more" in alone.message
    team = small_case_data()
    team["assessors"] = {"z": {"name": "Z", "scores": team["scores"]}}
    c = write(tmp_path, "c.yaml", team)
    (held,) = check_contributions(contributions([a, c]))
    assert held.file == str(c) and held.line == line_of(c, "assessors:") and "team file" in held.message


def test_small_merge_is_a_valid_team_case(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", small_case_data())
    other = small_case_data()
    other["scores"]["a"]["gain"] = {"value": 3, "rationale": "less"}
    b = write(tmp_path, "b.yaml", other)
    merged = merge_cases(contributions([a, b]), tmp_path)
    assert check_case(merged.case, None) == []
    assert merged.notes == ()


def test_scenarios_of_later_files_are_not_merged_but_noted(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", small_case_data())
    other = small_case_data()
    other["scenarios"] = {"later": {"name": "Later", "scores": {"a": {"gain": {"value": 1}}}}}
    b = write(tmp_path, "b.yaml", other)
    merged = merge_cases(contributions([a, b]), tmp_path)
    assert merged.case.scenarios == {}
    assert any("scenarios differ" in n for n in merged.notes)


def _costed(**change: object) -> dict:
    data = small_case_data()
    data["resources"] = {"money": {"name": "Money", "unit": "M EUR"}}
    data["budget"] = {"money": 5}
    data["costs"] = {"a": {"money": {"value": 2, "basis": "judgement"}}}
    data.update(change)
    return data


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"budget": {"money": 9}}, "budget"),
        ({"costs": {"a": {"money": {"value": 3, "basis": "judgement"}}}}, "costs"),
        ({"resources": {"money": {"name": "Money", "unit": "k EUR"}}}, "resources"),
    ],
)
def test_a_file_whose_resources_budget_or_costs_differ_is_noted(
    tmp_path: Path, change: dict, said: str
) -> None:
    """The issue: the first file's resources, budget and costs were kept silently."""
    a = write(tmp_path, "a.yaml", _costed())
    b = write(tmp_path, "b.yaml", _costed(**change))
    merged = merge_cases(contributions([a, b]), tmp_path)
    assert merged.case.budget == load_case(a).case.budget and merged.case.costs == load_case(a).case.costs
    (note,) = merged.notes
    assert f"its {said} differ from" in note and note.startswith(str(b))
    assert merge_cases(contributions([a, write(tmp_path, "c.yaml", _costed())]), tmp_path).notes == ()


def test_each_assessor_keeps_the_name_role_and_description_their_file_says(tmp_path: Path) -> None:
    files = []
    for aid, name, role in (("a", "Anna", "analyst"), ("b", "Boris", "security officer")):
        data = small_case_data()
        data["assessor"] = {"name": name, "role": role}
        data["description"] = f"{name} scored what {name} knows."
        files.append(write(tmp_path, f"{aid}.yaml", data))
    case = merge_cases(contributions(files), tmp_path).case
    assert case.assessor is None and "assessor" not in case_data(case)  # the byline was one person's
    a, b = case.assessors["a"], case.assessors["b"]
    assert (a.name, a.role, a.description) == ("Anna", "analyst", "Anna scored what Anna knows.")
    assert (b.name, b.role) == ("Boris", "security officer")
    assert (
        case.description.startswith("A team case of 2 assessors")
        and "Boris (security officer)" in case.description
    )
    assert check_case(case, None) == []


def test_the_example_team_keeps_the_roles() -> None:
    team = load_case(EXAMPLE / "team.yaml").case
    roles = {aid: a.role for aid, a in team.assessors.items()}
    assert roles == {"anna": "science-ministry analyst", "boris": "security officer", "chen": "economist"}
