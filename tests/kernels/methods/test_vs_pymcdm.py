"""Agreement with pymcdm 1.4.0 on random matrices, where the definitions coincide.

Definitional differences, read from pymcdm's source (pymcdm/methods/*.py):
- TOPSIS: pymcdm's default normalisation is min-max; passing
  `normalizations.vector_normalization` gives Hwang & Yoon's vector normalisation,
  which we use. For cost criteria pymcdm normalises to 1 - r and takes the ideal as
  the column max; that is a reflection of our r with ideal = column min, so the
  distances, hence the closeness, are identical.
- VIKOR: pymcdm's default (no normalisation; cost columns become max - x) gives
  exactly our f*/f- ratios and Q with the same v. pymcdm raises when a criterion is
  constant, and returns NaN when all S (or R) are equal; we let such a criterion
  contribute 0 and drop the degenerate term (see test_mcda_vikor.py). pymcdm reports
  only Q, not C1/C2 or the compromise set. Both rank by ascending Q.
- PROMETHEE II: pymcdm builds the n x n tables; its 'usual', 'vshape' and
  'vshape_2' functions are our `usual`, `vshape` (type III, p) and `linear`
  (type V, q and p), with the same 1/(n-1) flows.
- WPM: pymcdm sum-normalises first (x / sum x, or (1/x) / sum(1/x) for cost), which
  multiplies every P(a) by the same constant prod_j s_j^-w_j; the scores differ by
  that constant, the ranking not at all. We compare after removing it.
- WSM: ours takes the value matrix; pymcdm's is compared with an identity
  normalisation and all-benefit types on the same value matrix.
- Ranks: pymcdm's rankdata gives tied options their average rank; `assess.kernels.ranks`
  gives competition ranks ("1224"). Only scores are compared here.
"""

from __future__ import annotations

import numpy as np
import pytest
from pymcdm import methods as pm
from pymcdm import normalizations

from assess.kernels.methods import promethee, topsis, vikor, wpm
from assess.kernels.methods.registry import wsm_kernel

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
SEEDS = range(8)


def problem(seed: int):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(3, 40)), int(rng.integers(2, 9))
    x = rng.uniform(0.5, 100.0, (n, m))
    if seed % 2:
        x = np.round(x / 10) + 1  # ties
    w = rng.random(m) + 0.05
    w /= w.sum()  # pymcdm expects weights summing to 1
    cost = rng.random(m) < 0.4
    return rng, x, w, cost, np.where(cost, -1, 1)


@pytest.mark.parametrize("seed", SEEDS)
def test_topsis_vector_normalisation(seed: int) -> None:
    _, x, w, cost, types = problem(seed)
    theirs = pm.TOPSIS(normalizations.vector_normalization)(x, w, types)
    np.testing.assert_allclose(topsis(x, w, cost), theirs, rtol=0, atol=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_vikor(seed: int) -> None:
    _, x, w, cost, types = problem(seed)
    if np.any(np.ptp(x, axis=0) == 0):
        pytest.skip("pymcdm refuses constant criteria")
    for v in (0.5, 0.2, 1.0):
        np.testing.assert_allclose(vikor(x, w, cost, v=v), pm.VIKOR(v=v)(x, w, types), atol=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_promethee_usual(seed: int) -> None:
    _, x, w, cost, types = problem(seed)
    theirs = pm.PROMETHEE_II("usual")(x, w, types)
    np.testing.assert_allclose(promethee(x, w, cost), theirs, atol=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_promethee_vshape_and_linear(seed: int) -> None:
    rng, x, w, cost, types = problem(seed)
    p = rng.uniform(1, 30, x.shape[1])
    q = p * rng.uniform(0, 0.9, x.shape[1])
    ours = promethee(x, w, cost, [{"kind": "vshape", "p": pj} for pj in p])
    np.testing.assert_allclose(ours, pm.PROMETHEE_II("vshape", p=p)(x, w, types), atol=1e-9)
    ours = promethee(x, w, cost, [{"kind": "linear", "q": a, "p": b} for a, b in zip(q, p, strict=True)])
    theirs = pm.PROMETHEE_II("vshape_2", p=p, q=q)(x, w, types)
    np.testing.assert_allclose(ours, theirs, atol=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_wpm_up_to_the_normalisation_constant(seed: int) -> None:
    _, x, w, cost, types = problem(seed)
    constant = np.prod(np.where(cost, (1 / x).sum(axis=0), x.sum(axis=0)) ** w)
    theirs = pm.WPM()(x, w, types) * constant
    np.testing.assert_allclose(wpm(x, w, cost), theirs, rtol=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_wsm_on_the_value_matrix(seed: int) -> None:
    rng, x, w, _, _ = problem(seed)
    values = rng.random(x.shape)
    theirs = pm.WSM(lambda column, cost: column)(values, w, np.ones(x.shape[1]))
    np.testing.assert_allclose(wsm_kernel(values, w), theirs, atol=1e-9)
