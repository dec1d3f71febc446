"""Bases and illustrative weights in the compare views: each compared cell
carries its basis as the score matrix shows it, a cell whose bases differ or
that is carried over shows the matrix's marks (one table,
`render.explain.BASIS_MARKS`) in the text, Markdown and JSON and in the TUI's
compare matrix, and views on illustrative weights say so."""

from __future__ import annotations

import json

from assess.core.compare.views import compare_views
from assess.core.view import resolve
from assess.model import Case
from assess.render.explain import BASIS_MARK_LEGEND, BASIS_MARKS, ILLUSTRATIVE
from assess.render.text.compare import ViewInfo, basis_marked, values_text
from assess.render.text.compare_text import render_comparison
from assess.tui import present
from assess.tui.widgets.compare_matrix import cell_label
from tests.conftest import small_case_data


def case() -> Case:
    """a's risk: evidence in the baseline, re-scored as judgement later; a's
    gain carried over (marked); b's gain judgement in both, changed."""
    data = small_case_data()
    data["weights"]["illustrative"] = True
    data["scores"]["a"]["risk"] |= {"basis": "evidence", "rationale": "the brief says so"}
    data["scores"]["b"]["gain"] |= {"basis": "judgement"}
    data["scenarios"] = {
        "later": {
            "name": "Later",
            "weights": {
                "method": "direct",
                "elicitation": "workshop",
                "points": {"gain": 1, "reach": 1, "risk": 2},
            },
            "scores": {
                "a": {
                    "risk": {"value": 3, "basis": "judgement", "rationale": "our view"},
                    "gain": {"value": 5, "basis": "carried", "rationale": "not reviewed"},
                },
                "b": {"gain": {"value": 4, "basis": "judgement"}},
            },
        }
    }
    return Case.model_validate(data)


def comparison():
    c = case()
    return compare_views([("base", resolve(c, None)), ("later", resolve(c, None, "later"))])


def test_cells_carry_their_basis_and_a_carried_cell_is_no_change() -> None:
    comp = comparison()
    risk, gain, b_gain = comp.cell("a", "risk"), comp.cell("a", "gain"), comp.cell("b", "gain")
    assert [s.basis for s in risk.sides] == ["evidence", "judgement"] and "basis" in risk.changed
    assert [s.basis for s in gain.sides] == [None, "carried"] and "basis" not in gain.changed
    assert "basis" not in b_gain.changed
    assert (basis_marked(risk), basis_marked(gain), basis_marked(b_gain)) == (True, True, False)
    assert values_text(risk) == "1 → 3°" and values_text(b_gain) == "3 → 4"
    assert comp.illustrative == (True, False)


def test_text_markdown_and_json_show_the_marks_and_the_illustrative_views() -> None:
    comp = comparison()
    views = [ViewInfo("base", "s.yaml", None), ViewInfo("later", "s.yaml", "later")]
    text = render_comparison(comp, "table", views, 100)
    assert "3°" in text and BASIS_MARK_LEGEND in text
    lines = text.splitlines()
    assert any(line.startswith("  base:") and ILLUSTRATIVE in line for line in lines)
    assert not any(line.startswith("  later:") and ILLUSTRATIVE in line for line in lines)
    markdown = render_comparison(comp, "markdown", views)
    assert "1 → 3°" in markdown and "base (evidence): the brief says so" in markdown
    data = json.loads(render_comparison(comp, "json", views))
    risk = next(s for s in data["scores"] if (s["option"], s["criterion"]) == ("a", "risk"))
    assert [v["basis"] for v in risk["views"]] == ["evidence", "judgement"]


def test_the_compare_matrix_uses_the_score_matrixs_marks() -> None:
    comp = comparison()
    assert present.BASIS_MARKS is BASIS_MARKS  # one table of marks
    assert cell_label(comp.cell("a", "risk")).plain == "1→3°"
    assert cell_label(comp.cell("b", "gain")).plain == "3→4"
    assert cell_label(comp.cell("c", "gain")).plain == "5="  # the same, carried over (not set later)


def test_the_compare_screen_says_which_views_weights_are_illustrative() -> None:
    from assess.files.casefile import load_case
    from assess.tui.screens.compare import CompareScreen
    from tests.conftest import ROOT

    default = load_case(ROOT / "cases" / "ai_cooperation.yaml")
    assert CompareScreen([default])._title().plain.endswith(f"· {ILLUSTRATIVE}")  # every view's
