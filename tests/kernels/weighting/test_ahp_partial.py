"""The consistency of incomplete AHP judgements (Harker's method, RI by simulation)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from assess.kernels.weighting.ahp import ahp_weights
from assess.kernels.weighting.ahp_matrix import parse_judgements
from assess.kernels.weighting.ahp_partial import harker_matrix, partial_consistency, random_index_of

ALONSO_LAMATA_2006 = {3: 0.5247, 4: 0.8816, 5: 1.1086, 6: 1.2479, 7: 1.3417, 8: 1.4057, 9: 1.4499, 10: 1.4854}
"""RI of complete random matrices, 100,000 each (Alonso & Lamata 2006, Table 2)."""

IDS = [f"c{i}" for i in range(6)]
TRUE = dict(zip(IDS, [0.30, 0.22, 0.18, 0.14, 0.10, 0.06], strict=True))


def consistent(pairs: list[tuple[str, str]]) -> list[dict[str, object]]:
    return [{"a": a, "b": b, "ratio": TRUE[a] / TRUE[b]} for a, b in pairs]


@pytest.mark.parametrize("n", [3, 5, 7, 10])
def test_with_every_pair_judged_the_random_index_is_the_published_one(n: int) -> None:
    pairs = frozenset(itertools.combinations(range(n), 2))
    assert random_index_of(n, pairs, 20_000) == pytest.approx(ALONSO_LAMATA_2006[n], abs=0.02)


def test_fewer_judgements_mean_a_smaller_random_index() -> None:
    full = list(itertools.combinations(range(6), 2))
    ris = [random_index_of(6, frozenset(full[:k]), 4000) for k in (8, 11, 15)]
    assert ris[0] < ris[1] < ris[2]


def test_consistent_judgements_give_the_weights_and_no_inconsistency() -> None:
    pairs = [(a, b) for a, b in itertools.combinations(IDS, 2)][::2]  # 8 of 15, linked, with cycles
    got = partial_consistency(consistent(pairs), IDS)
    assert got.defined and got.judged == 8 and got.pairs == 15
    assert got.ci == pytest.approx(0.0, abs=1e-9) and got.cr == pytest.approx(0.0, abs=1e-8)
    assert got.weights is not None
    for c in IDS:
        assert got.weights[c] == pytest.approx(TRUE[c], abs=1e-9)


def test_harker_weights_are_the_perron_vector_of_his_matrix() -> None:
    rng = np.random.default_rng(3)
    pairs = [p for p in itertools.combinations(IDS, 2) if rng.random() < 0.7]
    data = [{"a": a, "b": b, "ratio": float(rng.choice([1 / 3, 1, 2, 5]))} for a, b in pairs]
    got = partial_consistency(data, IDS)
    if got.apart:
        pytest.skip("this draw does not link every criterion")
    c = harker_matrix(parse_judgements(data), IDS)
    w = np.array([got.weights[i] for i in IDS])  # type: ignore[index]
    assert c @ w == pytest.approx(got.lambda_max * w, rel=1e-9)
    assert np.all(np.diag(c) == [1 + 5 - sum(i in (a, b) for a, b in pairs) for i in IDS])


def test_the_complete_case_is_saatys_matrix() -> None:
    rng = np.random.default_rng(5)
    data = [
        {"a": a, "b": b, "ratio": float(rng.choice([1 / 5, 1 / 2, 1, 3, 7]))}
        for a, b in itertools.combinations(IDS, 2)
    ]
    partial, full = partial_consistency(data, IDS), ahp_weights(data, IDS)
    assert partial.lambda_max == pytest.approx(full.lambda_max, rel=1e-12)
    assert partial.ci == pytest.approx(full.ci, rel=1e-12)
    for c in IDS:
        assert partial.weights[c] == pytest.approx(full.weights[c], rel=1e-9)  # type: ignore[index]


def test_a_tree_has_nothing_to_check_and_apart_criteria_are_named() -> None:
    tree = partial_consistency(consistent([("c0", x) for x in IDS[1:]]), IDS)
    assert not tree.defined and tree.weights is not None and tree.judged == 5
    assert tree.weights["c3"] == pytest.approx(TRUE["c3"], abs=1e-12)
    apart = partial_consistency(consistent([("c0", "c1"), ("c2", "c3"), ("c3", "c4")]), IDS)
    assert not apart.defined and apart.weights is None
    assert sorted(apart.apart) == [("c0", "c1"), ("c2", "c3", "c4"), ("c5",)]


def test_a_reversed_judgement_is_pointed_at_with_what_the_others_imply() -> None:
    pairs = [p for k, p in enumerate(itertools.combinations(IDS, 2)) if k % 3 != 2]  # 10 of 15
    data = consistent(pairs)
    data[0]["ratio"] = 1 / 5  # c0 : c1, truly 0.30 / 0.22 = 1.36
    got = partial_consistency(data, IDS)
    assert got.defined and got.cr > got.threshold and got.worst is not None
    assert (got.worst.a, got.worst.b) == ("c0", "c1")
    assert got.worst.implied == pytest.approx(TRUE["c0"] / TRUE["c1"], rel=1e-9)
    assert got.worst.suggestion == 1.0  # the scale's nearest to 1.36


def test_a_pair_judged_twice_is_refused() -> None:
    from assess.kernels.weighting import WeightingError

    with pytest.raises(WeightingError, match="twice"):
        partial_consistency([("c0", "c1", 2), ("c1", "c0", 0.5)], IDS)
