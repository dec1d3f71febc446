"""Properties every method must have (Hypothesis).

- permuting the options permutes the scores the same way;
- permuting the criteria, together with their weights, cost flags and
  preference functions, changes nothing;
- multiplying all weights by a positive constant changes nothing.

Scores are drawn from a grid of halves in [0.5, 20] (like planners' ratings, with
many ties), so that no comparison depends on rounding in the last bit.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.kernels.methods import promethee, topsis, vikor, wpm
from assess.kernels.methods.registry import wsm_kernel

PREFS = ["usual", {"kind": "vshape", "p": 3.0}, {"kind": "linear", "q": 0.5, "p": 2.0}]


def _promethee_mixed(matrix, weights, cost, kinds):
    return promethee(matrix, weights, cost, [PREFS[k] for k in kinds])


@st.composite
def problems(draw):
    n = draw(st.integers(2, 7))
    m = draw(st.integers(1, 5))
    grid = st.integers(1, 40).map(lambda k: k / 2)
    matrix = np.array(draw(st.lists(st.lists(grid, min_size=m, max_size=m), min_size=n, max_size=n)))
    weights = np.array(draw(st.lists(st.integers(0, 9), min_size=m, max_size=m))) + 0.0
    if weights.sum() == 0:
        weights[0] = 1.0
    cost = np.array(draw(st.lists(st.booleans(), min_size=m, max_size=m)))
    kinds = np.array(draw(st.lists(st.integers(0, 2), min_size=m, max_size=m)))
    rows = np.array(draw(st.permutations(range(n))))
    cols = np.array(draw(st.permutations(range(m))))
    scale = draw(st.sampled_from([0.001, 0.37, 3.0, 1000.0]))
    return matrix, weights, cost, kinds, rows, cols, scale


def _methods(kinds):
    return {
        "wsm": lambda x, w, c: wsm_kernel(x / 20, w),
        "wpm": wpm,
        "topsis": topsis,
        "vikor": vikor,
        "promethee": partial(_promethee_mixed, kinds=kinds),
    }


def _close(a, b) -> None:
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-9)


@settings(max_examples=150, deadline=None)
@given(problems())
def test_permuting_options_permutes_scores(problem) -> None:
    x, w, c, kinds, rows, _, _ = problem
    for f in _methods(kinds).values():
        _close(f(x[rows], w, c), f(x, w, c)[rows])


@settings(max_examples=150, deadline=None)
@given(problems())
def test_permuting_criteria_changes_nothing(problem) -> None:
    x, w, c, kinds, _, cols, _ = problem
    before = {name: f(x, w, c) for name, f in _methods(kinds).items()}
    for name, f in _methods(kinds[cols]).items():
        _close(f(x[:, cols], w[cols], c[cols]), before[name])


@settings(max_examples=150, deadline=None)
@given(problems())
def test_scaling_all_weights_changes_nothing(problem) -> None:
    x, w, c, kinds, _, _, scale = problem
    for f in _methods(kinds).values():
        _close(f(x, w * scale, c), f(x, w, c))
