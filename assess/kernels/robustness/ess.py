"""Effective sample size of a mean estimated from several Markov chains.

`effective_sample_size(x)` for x of shape (M chains, N draws) or (M, N, q
quantities): per quantity, how many independent draws would estimate its
mean as precisely as the M N correlated ones, ESS = M N / tau with tau the
integrated autocorrelation time. The estimator is the multi-chain one of
Stan and ArviZ (Vehtari, Gelman, Simpson, Carpenter & Buerkner 2021,
"Rank-normalization, folding, and localization: an improved R-hat for
assessing convergence of MCMC", Bayesian Analysis 16(2):667-718, section
3.2, without the rank normalisation: the quantities here are the draws
themselves, whose means SMAA reports):

* per chain m, the autocovariances gamma_m(t) (biased, divided by N) by FFT
  (zero-padded to a power of two >= 2N, so they are not circular);
* W, the mean within-chain variance (divisor N - 1), and
  var+ = (N - 1) / N W + B / N, with B / N the variance of the chain means
  (divisor M - 1): chains that have not mixed raise var+ and lower the ESS;
* rho(t) = 1 - (W - mean_m gamma_m(t)) / var+, rho(0) = 1;
* Geyer's initial monotone sequence estimator (Geyer 1992, "Practical Markov
  chain Monte Carlo", Statistical Science 7(4):473-483): the
  sums of adjacent pairs P_k = rho(2k) + rho(2k + 1), kept while positive
  (initial positive sequence), each then lowered to the least of those
  before it (initial monotone sequence); tau = -1 + 2 sum_k P_k.

Batch means, so that the FFTs stay short and nothing is stored: draws are
fed in order to `BatchMeans`, which keeps per chain the sums and sums of
squares of consecutive batches of b draws, b = ceil(N / `MAX_BATCHES`)
(b = 1, the plain estimator, for N <= `MAX_BATCHES`). The mean of the batch
means Y is the mean of the draws, so Geyer's estimator on Y (N / b draws per
chain) estimates the variance of that mean, Var = var+(Y) / ESS(Y); the ESS
of the draws is var+(x) / Var = ESS(Y) var+(x) / var+(Y), with var+(x) from
the sums of squares. The same in the Markov chain CLT: the batch means
estimator of the asymptotic variance (Flegal & Jones 2010, "Batch means and
spectral variance estimators in Markov chain Monte Carlo", Annals of
Statistics 38(2):1034-1070), with its autocorrelation across batches kept
by Geyer's sequence rather than assumed away. For independent draws it
gives about M N; when tau is much longer than b, ESS(Y) is about
M N / (b tau) and var+(Y) about var+(x), so again M N / tau.

NaN for a quantity with no variance (var+ = 0). With fewer than `MIN_DRAWS`
batches per chain no autocorrelation can be estimated: each chain then
counts as one independent draw (ESS = M; chains started apart by a burn-in
are). For independent draws the estimate is about M N (it may exceed it,
for negatively correlated draws); for an AR(1) series with coefficient rho
it is about M N (1 - rho) / (1 + rho) (tests/kernels/robustness/test_ess.py).
Cost: per chunk of draws a sum over batches; at the end two real FFTs of
M x 2 `MAX_BATCHES` per quantity.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

MIN_DRAWS = 4
"""Draws (batches) per chain below which chains count as one independent draw each."""
MAX_BATCHES = 512
"""Batches per chain at most (module docstring): FFTs of 1,024 per chain and quantity."""


def autocovariance(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """(M, N) -> (M, N): gamma_m(t) = sum_{i < N - t} (x_i - mean)(x_{i+t} - mean) / N, by FFT."""
    n = x.shape[1]
    size = 1 << (2 * n - 1).bit_length()
    centred = x - x.mean(axis=1, keepdims=True)
    f = np.fft.rfft(centred, n=size, axis=1)
    power = f.real**2 + f.imag**2
    return np.fft.irfft(power, n=size, axis=1)[:, :n] / n


def _var_plus(within: float, means: NDArray[np.float64], n: int) -> float:
    """var+ = (n - 1) / n W + variance of the chain means (divisor M - 1)."""
    out = within * (n - 1) / n
    return out + float(means.var(ddof=1)) if means.size > 1 else out


def geyer_ess(y: NDArray[np.float64]) -> tuple[float, float]:
    """(ESS, var+) of one quantity, y (M chains, N draws) (module docstring)."""
    chains, n = y.shape
    acov = autocovariance(y)
    within = float(acov[:, 0].mean()) * n / (n - 1)
    var_plus = _var_plus(within, y.mean(axis=1), n)
    if not var_plus > 0:
        return float("nan"), 0.0
    rho = 1.0 - (within - acov.mean(axis=0)) / var_plus
    rho[0] = 1.0
    pairs = rho[: n - n % 2].reshape(-1, 2).sum(axis=1)
    negative = np.flatnonzero(pairs <= 0)
    pairs = pairs[: negative[0]] if negative.size else pairs
    tau = -1.0 + 2.0 * float(np.minimum.accumulate(pairs).sum())
    return chains * n / max(tau, 1e-12), var_plus


class BatchMeans:
    """Draws of `chains` interleaved chains, fed in order (draw i from chain i % chains,
    `draws` per chain), summed by batches; `effective()` is the ESS per quantity."""

    def __init__(
        self, chains: int, draws: int, quantities: int, max_batches: int | None = MAX_BATCHES
    ) -> None:
        if chains < 1 or draws < 0 or quantities < 1:
            raise ValueError("chains and quantities must be >= 1, draws >= 0")
        self.chains, self.q = chains, quantities
        self.size = 1 if max_batches is None else max(1, math.ceil(draws / max_batches))
        self.batches = draws // self.size
        self.sums = np.zeros((self.batches, chains, quantities))
        self.squares = np.zeros((self.batches, chains, quantities))
        self.rounds = 0
        self._pending = np.zeros((0, quantities))

    def add(self, values: ArrayLike) -> None:
        """The next draws, (k, quantities), in the chains' interleaved order."""
        v = np.asarray(values, dtype=float)
        if self._pending.shape[0]:
            v = np.concatenate([self._pending, v])
        whole = v.shape[0] // self.chains * self.chains
        self._pending = v[whole:]
        take = min(whole // self.chains, self.batches * self.size - self.rounds)
        if take <= 0:
            return
        rounds = v[: take * self.chains].reshape(take, self.chains, self.q)
        self._accumulate(self.sums, rounds)
        self._accumulate(self.squares, rounds * rounds)
        self.rounds += take

    def _accumulate(self, target: NDArray[np.float64], rounds: NDArray[np.float64]) -> None:
        """Add rounds (k, M, q), the next after `self.rounds`, to their batches in target:
        the rest of the current batch, then whole batches at once, then the start of one."""
        b, at = self.size, self.rounds
        head = min(len(rounds), -at % b)
        if head:
            target[at // b] += rounds[:head].sum(axis=0)
        rest, first = rounds[head:], (at + head) // b
        whole = len(rest) // b
        if whole:
            target[first : first + whole] += rest[: whole * b].reshape(whole, b, *rest.shape[1:]).sum(axis=1)
        if len(rest) > whole * b:
            target[first + whole] += rest[whole * b :].sum(axis=0)

    def effective(self) -> NDArray[np.float64]:
        """ESS per quantity over the whole batches fed so far (module docstring)."""
        nb = self.rounds // self.size
        n = nb * self.size
        out = np.full(self.q, np.nan)
        if nb < MIN_DRAWS:
            fed = max(1, self.rounds) * self.chains
            mean = self.sums.sum(axis=(0, 1)) / fed
            var = self.squares.sum(axis=(0, 1)) / fed - mean**2
            out[(var > 1e-300 * (1 + mean**2)) & (self.rounds > 0)] = self.chains
            return out
        sums, squares = self.sums[:nb], self.squares[:nb]
        means = sums.sum(axis=0) / n  # (M, q)
        within = ((squares.sum(axis=0) - n * means**2) / (n - 1)).mean(axis=0)
        y = (sums / self.size).transpose(1, 0, 2)  # (M, nb, q)
        for j in range(self.q):
            var_x = _var_plus(float(within[j]), means[:, j], n)
            if not var_x > 1e-300:
                continue
            ess_y, var_y = geyer_ess(y[:, :, j])
            if var_y > 0:
                out[j] = ess_y * var_x / var_y
        return out


def effective_sample_size(x: ArrayLike, max_batches: int | None = MAX_BATCHES) -> NDArray[np.float64]:
    """ESS per quantity of x (M, N) or (M, N, q); shape () or (q,) (module docstring).

    `max_batches=None`: no batching (Geyer's estimator on the draws themselves)."""
    a = np.asarray(x, dtype=float)
    if a.ndim not in (2, 3) or 0 in a.shape:
        raise ValueError("x must be a non-empty (chains, draws) or (chains, draws, quantities) array")
    flat = a[:, :, None] if a.ndim == 2 else a
    chains, draws, q = flat.shape
    acc = BatchMeans(chains, draws, q, max_batches)
    acc.add(flat.transpose(1, 0, 2).reshape(-1, q))
    out = acc.effective()
    return np.array(out[0]) if a.ndim == 2 else out
