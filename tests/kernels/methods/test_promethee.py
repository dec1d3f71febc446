"""PROMETHEE II: published example, brute-force definitions, the chunked oracle."""

from __future__ import annotations

import numpy as np
import pytest

import assess.kernels.methods._promethee_flows as flows
from assess.kernels.methods import MethodError, Preference, promethee, promethee_explain


def brute_force(x, w, cost, prefs):
    """Brans' definitions, literally: pi(a, b) summed over every ordered pair."""
    n, m = x.shape
    w = np.asarray(w, float) / np.sum(w)
    pi = np.zeros((n, n))
    for a in range(n):
        for b in range(n):
            for j in range(m):
                d = x[a, j] - x[b, j]
                pi[a, b] += w[j] * prefs[j](np.array(-d if cost[j] else d))
    plus, minus = pi.sum(axis=1) / (n - 1), pi.sum(axis=0) / (n - 1)
    return plus, minus, plus - minus


def test_zhao_peng_li_2013_example() -> None:
    """Zhao, Peng & Li, "Revised PROMETHEE II for improving efficiency in emergency
    response", Procedia Computer Science 17 (2013) 181-188: 3 x 3, usual criterion,
    weights (0.5, 0.3, 0.2), net flows (0.1, -0.3, 0.2) (as recorded in pymcdm's
    test-suite, test_mcdm.py::TestPROMETHEE_II, which cites the paper; I have not seen
    the paper). Hand check: option 0 beats option 1 on criteria 0 and 1 and beats
    option 2 on criterion 1 only, so phi+(0) = ((0.5 + 0.3) + 0.3) / 2 = 0.55,
    phi-(0) = (0.2 + (0.5 + 0.2)) / 2 = 0.45."""
    x = np.array([[4, 3, 2], [3, 2, 4], [5, 1, 3]], dtype=float)
    w = [0.5, 0.3, 0.2]
    np.testing.assert_allclose(promethee(x, w), [0.1, -0.3, 0.2], atol=1e-15)
    e = promethee_explain(x, w)
    np.testing.assert_allclose(e.phi_plus, [0.55, 0.35, 0.6])
    np.testing.assert_allclose(e.phi_minus, [0.45, 0.65, 0.4])
    np.testing.assert_allclose(e.unicriterion, [[0, 1, -1], [-1, 0, 1], [1, -1, 0]])


def test_preference_functions_match_their_definitions() -> None:
    d = np.array([-2.0, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 9.0])
    np.testing.assert_array_equal(Preference()(d), [0, 0, 1, 1, 1, 1, 1, 1])
    np.testing.assert_allclose(Preference("vshape", p=2)(d), [0, 0, 0.25, 0.5, 0.75, 1, 1, 1])
    np.testing.assert_allclose(Preference("linear", q=1, p=3)(d), [0, 0, 0, 0, 0.25, 0.5, 1, 1])


@pytest.mark.parametrize("seed", range(6))
def test_agrees_with_the_pairwise_definition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(2, 12)), int(rng.integers(1, 5))
    x = rng.integers(0, 6, (n, m)).astype(float)  # many ties
    w = rng.random(m) + 0.1
    cost = rng.random(m) < 0.5
    kinds = [Preference(), Preference("vshape", p=2.5), Preference("linear", q=0.5, p=3)]
    prefs = [kinds[k] for k in rng.integers(0, 3, m)]
    plus, minus, phi = brute_force(x, w, cost, prefs)
    e = promethee_explain(x, w, cost, prefs)
    np.testing.assert_allclose(e.phi_plus, plus, atol=1e-12)
    np.testing.assert_allclose(e.phi_minus, minus, atol=1e-12)
    np.testing.assert_allclose(e.phi, phi, atol=1e-12)
    np.testing.assert_allclose(promethee(x, w, cost, prefs), phi, atol=1e-12)
    np.testing.assert_allclose(e.unicriterion @ e.weights, phi, atol=1e-12)


def test_chunked_pairwise_equals_one_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """The oracle `pairwise_flows` sums its blocks of rows as one table would."""
    rng = np.random.default_rng(7)
    x, w, cost, cols = rng.random((57, 4)), rng.random(4), np.zeros(4, bool), np.ones(4, bool)
    prefs = [Preference("linear", q=0.1, p=0.4)] * 2 + [Preference("vshape", p=0.3), Preference()]

    def run() -> list[np.ndarray]:
        acc = [np.zeros(57), np.zeros(57), np.zeros((57, 4))]
        flows.pairwise_flows(x, w, cost, cols, prefs, *acc)
        return acc

    whole = run()
    monkeypatch.setattr(flows, "CHUNK_ELEMENTS", 57 * 5)  # blocks of 5 rows
    for a, b in zip(run(), whole, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-12)
    np.testing.assert_allclose(whole[2] @ (w / w.sum()) / 56, promethee(x, w, None, prefs), atol=1e-12)


def test_specs_accept_names_dicts_and_objects() -> None:
    x = np.array([[1.0, 5.0], [2.0, 3.0], [4.0, 4.0]])
    a = promethee(x, [1, 1], preferences=["usual", {"kind": "vshape", "p": 2}])
    b = promethee(x, [1, 1], preferences=[Preference(), Preference("vshape", p=2.0)])
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("gaussian", "unknown preference function"),
        ({"kind": "vshape"}, "needs p > 0"),
        ({"kind": "linear", "q": 2, "p": 1}, "0 <= q < p"),
        ({"kind": "linear", "q": 0, "p": 1, "s": 3}, "criterion index 1"),
        ({"kind": "vshape", "q": 1, "p": 2}, "no indifference threshold q"),
        ({"kind": "usual", "p": 2}, "takes no threshold p"),
    ],
)
def test_bad_specs_are_refused(spec: object, message: str) -> None:
    with pytest.raises(MethodError, match=message):
        promethee(np.eye(2), [1, 1], preferences=["usual", spec])


def test_wrong_number_of_specs_is_refused() -> None:
    with pytest.raises(MethodError, match="2 criteria but 1"):
        promethee(np.eye(2), [1, 1], preferences=["usual"])


def test_single_option_has_zero_flows() -> None:
    e = promethee_explain(np.array([[1.0, 2.0]]), [1, 1])
    np.testing.assert_array_equal(e.phi, [0.0])
    assert e.notes
