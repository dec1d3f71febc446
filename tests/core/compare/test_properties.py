"""The weight/score split is exact on random views (hypothesis), including when
the two views have different criteria and options, and the comparison is
headless (imports without Textual or Rich)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assess.core.compare.views import compare_views
from assess.core.scoring import score_wsm
from assess.core.view import resolve
from assess.model import Case

POOL = [f"c{j}" for j in range(6)]
OPTIONS = [f"o{i}" for i in range(4)]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A random case over subsets of a shared pool of criteria and options, with
    random directions, scales, piecewise value functions and direct weights."""
    crits = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=len(POOL), unique=True))
    opts = draw(st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=len(OPTIONS), unique=True))
    local, tops = [], {}
    for cid in crits:
        top = tops[cid] = draw(st.sampled_from([5.0, 10.0, 100.0]))
        crit = {
            "id": cid,
            "name": cid.upper(),
            "family": "driver",
            "direction": draw(st.sampled_from(["benefit", "cost"])),
            "scale": {"min": 0.0, "max": top},
        }
        if draw(st.booleans()):
            mid = draw(st.floats(0.0, 1.0))
            knots = [[0.0, 0.0], [top / 2, mid], [top, 1.0]]
            crit["value_function"] = {"kind": "piecewise", "points": knots}
        local.append(crit)
    points = {c: draw(st.floats(0.0, 100.0)) for c in crits}
    points[crits[0]] = draw(st.floats(1.0, 100.0))  # never all zero
    scores = {o: {c: {"value": draw(st.floats(0.0, tops[c]))} for c in crits} for o in opts}
    return Case.model_validate(
        {
            "title": "random",
            "criteria": {"use": crits, "local": local},
            "options": [{"id": o, "name": o.upper()} for o in opts],
            "weights": {"method": "direct", "points": points},
            "scores": scores,
        }
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(cases(), min_size=2, max_size=4))
def test_weight_plus_score_effect_is_the_change(drawn: list[Case]) -> None:
    views = [(str(k), resolve(case, None)) for k, case in enumerate(drawn)]
    comp = compare_views(views)
    totals = [score_wsm(v).by_option() for _, v in views]
    for e in comp.effects:
        assert e.after == e.before + 1
        assert e.total_before == totals[e.before][e.option].score
        assert e.total_after == totals[e.after][e.option].score
        assert abs(e.weight_effect + e.score_effect - (e.total_after - e.total_before)) <= 1e-12
        parts = sum(c.weight_effect + c.score_effect for c in e.criteria)
        assert abs(parts - e.change) <= 1e-12
        a, b = views[e.before][1], views[e.after][1]
        only_one = {c.id for c in a.criteria} ^ {c.id for c in b.criteria}
        assert all(c.score_effect == 0 for c in e.criteria if c.criterion in only_one)
    expected = sum(len(set(totals[k]) & set(totals[k + 1])) for k in range(len(views) - 1))
    assert len(comp.effects) == expected


@settings(max_examples=100, deadline=None)
@given(cases(), cases())
def test_union_orders_and_only_in(a: Case, b: Case) -> None:
    comp = compare_views([("a", resolve(a, None)), ("b", resolve(b, None))])
    ids_a, ids_b = [o.id for o in a.options], [o.id for o in b.options]
    assert [r.option for r in comp.options] == ids_a + [i for i in ids_b if i not in ids_a]
    assert {i for i, _ in comp.only_in.options} == set(ids_a) ^ set(ids_b)
    for row in comp.options:
        assert [s.present for s in row.sides] == [row.option in ids_a, row.option in ids_b]
    for w in comp.weights:
        assert sum(s.present for s in w.sides) >= 1
