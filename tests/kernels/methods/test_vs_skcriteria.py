"""Agreement with scikit-criteria (optional: skipped when it is not installed).

scikit-criteria's VIKOR reports S, R, Q, both conditions and the compromise set,
so it checks our compromise logic too. Differences: it does not normalise the
weights, so its S and R are ours times sum(w) (Q, a rescaling, is unaffected);
like us it lets a constant criterion contribute 0. Its TOPSIS takes an already
normalised matrix, so it is run after its VectorScaler.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from assess.kernels.methods import topsis, vikor_explain

skc = pytest.importorskip("skcriteria")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.scalers import VectorScaler

pytestmark = pytest.mark.filterwarnings("ignore")


def problem(seed: int):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(3, 30)), int(rng.integers(2, 7))
    x = rng.uniform(1.0, 100.0, (n, m))
    w = rng.random(m) + 0.1
    cost = rng.random(m) < 0.4
    return x, w, cost, skc.mkdm(x, [min if c else max for c in cost], weights=w)


@pytest.mark.parametrize("seed", range(12))
def test_vikor_scores_conditions_and_compromise(seed: int) -> None:
    x, w, cost, dm = problem(seed)
    theirs = VIKOR(use_compromise_set=False).evaluate(dm).extra_
    ours = vikor_explain(x, w, cost)
    np.testing.assert_allclose(ours.q, theirs["q_k"], atol=1e-9)
    np.testing.assert_allclose(ours.s * w.sum(), theirs["s_k"], rtol=1e-9)
    np.testing.assert_allclose(ours.r * w.sum(), theirs["r_k"], rtol=1e-9)
    assert ours.advantage == theirs["acceptable_advantage"]
    assert ours.stability == theirs["acceptable_stability"]
    assert sorted(ours.compromise) == sorted(int(k) for k in theirs["compromise_set"])


@pytest.mark.parametrize("seed", range(6))
def test_topsis_after_vector_scaling(seed: int) -> None:
    x, w, cost, dm = problem(seed)
    theirs = mkpipe(VectorScaler(target="matrix"), TOPSIS()).evaluate(dm).extra_["similarity"]
    np.testing.assert_allclose(topsis(x, w, cost), theirs, atol=1e-9)
