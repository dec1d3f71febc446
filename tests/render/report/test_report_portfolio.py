"""The report's portfolio section (issue 12): the funded set, the frontier as inline
SVG, the order of preference, the core index and the views, in HTML and Markdown,
only for a view with costs and a budget, every user string escaped; and the ranking's
line to beat."""

from __future__ import annotations

import re

import pytest

from assess.core.portfolio import analyses as A
from assess.core.portfolio.problem import build_problem
from assess.core.view import resolve
from assess.files.casefile import load_case
from assess.render.report.content import build_report
from assess.render.report.html import render_html
from assess.render.report.markdown import render_markdown
from tests.conftest import DEFAULT_CASE, small_case_data


@pytest.fixture(scope="module")
def report():
    loaded = load_case(DEFAULT_CASE)
    return loaded, build_report(loaded, resolve(loaded.case, loaded.catalogue_model))


def test_the_section_holds_the_optimum_order_core_index_and_views(report) -> None:
    loaded, r = report
    best = A.optimal(build_problem(resolve(loaded.case, loaded.catalogue_model)))
    assert r.portfolio is not None and r.portfolio.optimal == best
    html = render_html(r)
    section = html.split('<section id="portfolio">')[1].split("</section>")[0]
    names = {o.id: o.name for o in loaded.case.options}
    funded = ", ".join(names[o] for o in best.options)
    assert f"the best portfolio funds {funded.replace('&', '&amp;')}" in section
    svg = re.findall(r'<svg class="chart".*?</svg>', section, flags=re.S)
    assert len(svg) == 1 and "<title" in svg[0] and svg[0].count("<circle") == len(r.portfolio.frontier)
    for heading in ("Order of preference", "Core index", "Across views"):
        assert f"<h3>{heading}</h3>" in section
    assert "2025 re-assessment" in section
    md = render_markdown(r)
    part = md.split("## What the budget buys")[1].split("\n## ")[0]
    assert "### Frontier" in part and "### Core index" in part and "### Across views" in part


def test_the_ranking_shows_the_line_to_beat(report) -> None:
    _, r = report
    assert r.reference is not None and r.reference.option == "no_new_cooperation"
    assert "is the line to beat" in render_html(r) and "No new cooperation (reference)" in render_html(r)


def test_no_costs_or_no_budget_no_section(tmp_path) -> None:
    import yaml

    path = tmp_path / "small.yaml"
    data = small_case_data()
    path.write_text(yaml.safe_dump(data))
    loaded = load_case(path)
    r = build_report(loaded, resolve(loaded.case, None))
    assert r.portfolio is None and 'id="portfolio"' not in render_html(r)
    assert "What the budget buys" not in render_markdown(r)


def test_user_strings_are_escaped(tmp_path) -> None:
    import yaml

    data = small_case_data()
    data["options"][0]["name"] = "<script>alert(1)</script> & *bold*"
    data["resources"] = {"money": {"name": "<b>Money</b>", "unit": "<i>M</i>"}}
    data["budget"] = {"money": 5}
    data["costs"] = {"a": {"money": {"value": 2}}, "b": {"money": {"value": 2}}}
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data))
    loaded = load_case(path)
    r = build_report(loaded, resolve(loaded.case, None))
    assert r.portfolio is not None
    html = render_html(r)
    section = html.split('<section id="portfolio">')[1].split("</section>")[0]
    assert "<script>" not in html and "<b>Money" not in section and "&lt;script&gt;" in section
    md = render_markdown(r).split("## What the budget buys")[1]
    assert "<script>" not in md and "\\<script\\>" in md
