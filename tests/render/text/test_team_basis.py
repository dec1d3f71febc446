"""`assess team` says each assessor's basis where the assessors' differ, and the
team header names each assessor's role."""

from __future__ import annotations

import copy

from assess.core.disagreement import disagreement
from assess.model import Case
from assess.render.text.team import render_team
from tests.conftest import small_case_data


def _team(bases: dict[str, str]) -> Case:
    data = small_case_data()
    base = data.pop("scores")
    data["assessors"] = {}
    for k, (who, basis) in enumerate(bases.items()):
        own = copy.deepcopy(base)
        own["a"]["gain"] = {"value": 2 + k, "basis": basis, "rationale": f"{who}'s view"}
        data["assessors"][who] = {"name": who.title(), "role": f"{who}'s role", "scores": own}
    return Case.model_validate(data)


def test_bases_are_said_where_the_assessors_differ() -> None:
    d = disagreement(_team({"anna": "evidence", "boris": "judgement"}), None)
    text = render_team(d, "table", "team.yaml", width=100)
    assert "Anna 2, evidence: anna's view" in text and "Boris 3, judgement: boris's view" in text
    assert "(Anna, anna's role; Boris, boris's role)" in " ".join(text.split())
    markdown = render_team(d, "markdown", "team.yaml")
    assert "Anna 2, evidence: anna's view" in markdown


def test_bases_are_not_said_where_they_agree() -> None:
    d = disagreement(_team({"anna": "judgement", "boris": "judgement"}), None)
    text = render_team(d, "table", "team.yaml", width=100)
    assert "Anna 2: anna's view" in text and ", judgement:" not in text


def test_json_gives_every_opinions_basis() -> None:
    import json

    d = disagreement(_team({"anna": "evidence", "boris": "judgement"}), None)
    cell = json.loads(render_team(d, "json", "team.yaml"))["cells"][0]
    assert [o["basis"] for o in cell["opinions"]] == ["evidence", "judgement"]
