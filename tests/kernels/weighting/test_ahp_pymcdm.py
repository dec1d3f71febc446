"""AHP cross-checked against pymcdm 1.4 (`pymcdm.weights.subjective.AHP`).

What pymcdm computes (read from its source): weights = the eigenvector of
numpy.linalg.eig for the eigenvalue of largest modulus, normalised to sum 1;
CR = CI / RI with CI = (lambda_max - n)/(n - 1), lambda_max = max real
eigenvalue, CR = 0 for n < 3. Differences from ours:
- RI table: pymcdm uses Tummala & Ling (1998) (0.5799, 0.8921, 1.1159, ...);
  we use Saaty (1980) for n <= 10. So weights and CI coincide, CR differs by
  the ratio of the two RI values; we compare CR * RI, i.e. CI.
- pymcdm's matrix input accepts only Saaty's discrete values 1..9 and their
  reciprocals, so the random matrices here are drawn from that scale; ours
  also accepts intermediate values such as 2.5.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.kernels.weighting.ahp import SAATY_1980_RI, ahp_weights

pymcdm_subjective = pytest.importorskip("pymcdm.weights.subjective")
PymcdmAHP = pymcdm_subjective.AHP

SCALE = [1 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)]


def matrix_from_upper(n: int, upper: list[float]) -> np.ndarray:
    matrix = np.ones((n, n))
    values = iter(upper)
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i, j] = next(values)
            matrix[j, i] = 1 / matrix[i, j]
    return matrix


def ours(matrix: np.ndarray):
    n = len(matrix)
    pairwise = [(f"c{i}", f"c{j}", matrix[i, j]) for i in range(n) for j in range(i + 1, n)]
    return ahp_weights(pairwise, criteria=[f"c{i}" for i in range(n)])


def assert_agree(matrix: np.ndarray) -> None:
    n = len(matrix)
    theirs = PymcdmAHP(matrix=matrix)
    their_weights = theirs()
    result = ours(matrix)
    np.testing.assert_allclose(list(result.weights.values()), their_weights, rtol=0, atol=1e-9)
    their_ci = theirs.get_cr() * PymcdmAHP.RI_M[n - 1]
    assert result.ci == pytest.approx(max(their_ci, 0.0), abs=1e-9)
    assert result.cr * SAATY_1980_RI[n - 1] == pytest.approx(result.ci, abs=1e-12)


@st.composite
def scale_matrices(draw: st.DrawFn) -> np.ndarray:
    n = draw(st.integers(min_value=3, max_value=10))
    upper = draw(st.lists(st.sampled_from(SCALE), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    return matrix_from_upper(n, upper)


@settings(max_examples=60, deadline=None)
@given(scale_matrices())
def test_random_scale_matrices_agree_with_pymcdm(matrix: np.ndarray) -> None:
    """Random (mostly inconsistent) reciprocal matrices on Saaty's scale, n = 3..10."""
    assert_agree(matrix)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([1.0, 2.0, 4.0, 8.0]), min_size=3, max_size=8))
def test_consistent_scale_matrices_agree_with_pymcdm(w: list[float]) -> None:
    """a_ij = w_i / w_j with w in {1, 2, 4, 8}: every ratio is on the scale; CR ~ 0 in both."""
    n = len(w)
    matrix = matrix_from_upper(n, [w[i] / w[j] for i in range(n) for j in range(i + 1, n)])
    assert_agree(matrix)
    assert ours(matrix).cr == pytest.approx(0, abs=1e-9)
    assert PymcdmAHP(matrix=matrix).get_cr() == pytest.approx(0, abs=1e-9)


def test_saaty_2008_drinks_matrix_agrees_with_pymcdm() -> None:
    """Saaty's (2008) drink matrix (see test_weighting_ahp) through both libraries."""
    text = "9 5 2 1 1 1/2  1/3 1/9 1/9 1/9 1/9  1/3 1/4 1/3 1/9  1/2 1 1/3  2 1/2  1/3"
    upper = [float(Fraction(x)) for x in text.split()]
    assert_agree(matrix_from_upper(7, upper))
