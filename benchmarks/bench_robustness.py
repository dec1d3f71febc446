"""Timings of the robustness kernels (weighted sum, 10 options x 20 criteria).

Run as `python benchmarks/bench_robustness.py`. Prints, asserts nothing:

Times are process CPU seconds (see `clock`).

* SMAA-2 Monte Carlo, 1,000,000 samples: best-of-3 time of `assess.kernels.robustness.smaa`
  (rank acceptability + central weights; confidence pass off) against a plain
  NumPy reference written inline below that draws from the same stream
  (Dirichlet(1) weights as normalised exponentials, uniform cells), computes
  the totals, argsorts and counts ranks (target ratio <= 1.5); the full SMAA-2
  time with confidence factors; peak traced memory (tracemalloc, target
  < 300 MB); and the speed-up over calling pymcdm's WSM once per sample,
  measured on 2,000 samples and extrapolated (target >= 100x).
* Exact weight-stability intervals: mean time per call (target < 10 ms).
"""

from __future__ import annotations

import sys
import time
import tracemalloc
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from numpy.random import PCG64, Generator  # noqa: E402

from assess.kernels.robustness import smaa, weight_stability  # noqa: E402

N, M, SAMPLES, CHUNK, PYMCDM_SAMPLES, SEED = 10, 20, 1_000_000, 25_000, 2_000, 1
warnings.filterwarnings("ignore")


def best_of(*runs, repeat: int = 3) -> list[float]:
    """Best CPU time of each run (see `clock`); runs interleaved against load drift."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            start = clock()
            run()
            best[i] = min(best[i], clock() - start)
    return best


def clock() -> float:
    """Process CPU time: on a shared machine it varies far less than wall time,
    and the timed code is single-threaded apart from one BLAS call per chunk in
    the confidence pass."""
    return time.process_time()


def problem() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    low = rng.random((N, M)) * 0.8
    return low, low + rng.random((N, M)) * 0.2


# --- plain NumPy reference: the same computation, written the obvious way --------------------
def ref_smaa(low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rng = Generator(PCG64(SEED))
    counts, w_sum = np.zeros((N, N)), np.zeros((N, M))
    for start in range(0, SAMPLES, CHUNK):
        k = min(CHUNK, SAMPLES - start)
        w = rng.standard_exponential((k, M))
        w /= w.sum(axis=1, keepdims=True)
        x = low + (high - low) * rng.random((k, N, M))
        totals = np.einsum("knm,km->kn", x, w)
        order = np.argsort(-totals, axis=1)
        counts += np.bincount((order * N + np.arange(N)).ravel(), minlength=N * N).reshape(N, N)
        first = order[:, 0]
        for j in range(M):
            w_sum[:, j] += np.bincount(first, weights=w[:, j], minlength=N)
    return counts / SAMPLES, w_sum / counts[:, :1]


def pymcdm_per_sample(low: np.ndarray, high: np.ndarray) -> float | None:
    """Seconds for PYMCDM_SAMPLES samples, one pymcdm WSM call each."""
    try:
        from pymcdm.methods import WSM
    except ImportError:
        return None
    method = WSM(normalization_function=lambda x, cost: x)  # values are already in [0, 1]
    types = np.ones(M)
    rng, counts = Generator(PCG64(SEED)), np.zeros((N, N))
    start = clock()
    for _ in range(PYMCDM_SAMPLES):
        w = rng.standard_exponential(M)
        w /= w.sum()
        x = low + (high - low) * rng.random((N, M))
        order = np.argsort(-method(x, w, types))
        counts[order, np.arange(N)] += 1
    return clock() - start


def bench_smaa() -> None:
    low, high = problem()

    def ours():
        return smaa(low, high, samples=SAMPLES, chunk_size=CHUNK, seed=SEED, confidence_samples=0)

    t_ours, t_ref = best_of(ours, lambda: ref_smaa(low, high))
    diff = np.abs(ours().acceptability - ref_smaa(low, high)[0]).max()
    wall, start = time.perf_counter(), clock()
    smaa(low, high, samples=SAMPLES, chunk_size=CHUNK, seed=SEED)
    t_full, wall = clock() - start, time.perf_counter() - wall
    tracemalloc.start()
    smaa(low, high, samples=SAMPLES, chunk_size=CHUNK, seed=SEED)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"SMAA-2 {N}x{M}, {SAMPLES:,} samples, chunks of {CHUNK:,}")
    print("  (CPU seconds, best of 3)")
    print(f"  ours (acceptability + central weights) {t_ours:8.3f} s")
    print(
        f"  plain NumPy reference                  {t_ref:8.3f} s   ratio {t_ours / t_ref:.2f}"
        f"   max |diff| {diff:.1e}"
    )
    print(f"  ours, full SMAA-2 (+ confidence pass)  {t_full:8.3f} s   (wall {wall:.3f} s)")
    print(f"  peak traced memory (full SMAA-2)       {peak:8.1f} MB")
    t_pymcdm = pymcdm_per_sample(low, high)
    if t_pymcdm is None:
        print("  pymcdm not installed")
        return
    extrapolated = t_pymcdm * SAMPLES / PYMCDM_SAMPLES
    print(
        f"  pymcdm WSM per sample: {t_pymcdm:.3f} s for {PYMCDM_SAMPLES:,} samples, "
        f"{extrapolated:.0f} s extrapolated -> speed-up {extrapolated / t_ours:.0f}x"
    )


def bench_stability(calls: int = 2_000) -> None:
    rng = np.random.default_rng(0)
    values, weights = rng.random((N, M)), rng.random(M)
    weight_stability(values, weights)
    start = clock()
    for _ in range(calls):
        weight_stability(values, weights)
    per_call = (clock() - start) / calls
    print(f"Weight stability {N}x{M}: {per_call * 1e3:.3f} ms CPU per call (mean of {calls:,})")


if __name__ == "__main__":
    bench_smaa()
    bench_stability()
