"""Timings of the aggregation kernels on 100,000 options x 50 criteria.

Run as `python benchmarks/bench_methods.py`. For each method it prints our
kernel's best-of-3 time, that of a plain NumPy reference of the same
computation written inline below, their ratio (target <= 1.5), and the time of
pymcdm and scikit-criteria when installed. pymcdm's PROMETHEE and our plain
V-shape reference build n x n tables, so they run at 2,000 options; our
PROMETHEE II (O(n log n) for every preference function) also runs V-shape and
linear at 100,000 x 50, printed beside the 2 s target and the usual-criterion
figure. Prints only; asserts nothing.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from assess.kernels.methods import kendall_tau_b, promethee, topsis, vikor, wpm  # noqa: E402
from assess.kernels.methods.registry import wsm_kernel  # noqa: E402

N, M, N_PAIRWISE = 100_000, 50, 2_000
warnings.filterwarnings("ignore")


def best_of(run, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


# --- plain NumPy references: the textbook formulas, no tricks ------------------------------
def ref_wsm(v, w, c):
    return v @ (w / w.sum())


def ref_wpm(x, w, c):
    w = w / w.sum()
    return np.prod(x ** np.where(c, -w, w), axis=1)


def ref_topsis(x, w, c):
    v = x / np.sqrt((x**2).sum(axis=0)) * (w / w.sum())
    ideal = np.where(c, v.min(axis=0), v.max(axis=0))
    anti = np.where(c, v.max(axis=0), v.min(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


def ref_vikor(x, w, c, v=0.5):
    best = np.where(c, x.min(axis=0), x.max(axis=0))
    worst = np.where(c, x.max(axis=0), x.min(axis=0))
    d = (w / w.sum()) * (best - x) / (best - worst)
    s, r = d.sum(axis=1), d.max(axis=1)
    return v * (s - s.min()) / np.ptp(s) + (1 - v) * (r - r.min()) / np.ptp(r)


def ref_promethee_usual(x, w, c):
    """Per criterion: sort, then count strictly worse / better with searchsorted."""
    n = x.shape[0]
    phi = np.zeros(n)
    for j in range(x.shape[1]):
        col = -x[:, j] if c[j] else x[:, j]
        s = np.sort(col)
        below = np.searchsorted(s, col, "left")
        above = n - np.searchsorted(s, col, "right")
        phi += w[j] * (below - above)
    return phi / (w.sum() * (n - 1))


def ref_promethee_vshape(x, w, c, p):
    """The full n x n difference table per criterion."""
    n = x.shape[0]
    phi = np.zeros(n)
    for j in range(x.shape[1]):
        col = -x[:, j] if c[j] else x[:, j]
        d = col[:, None] - col[None, :]
        pref = np.clip(d / p[j], 0.0, 1.0)
        phi += w[j] * (pref.sum(axis=1) - pref.sum(axis=0))
    return phi / (w.sum() * (n - 1))


# --- other libraries ------------------------------------------------------------------------
def pymcdm_runners(x, w, c, p):
    try:
        from pymcdm import methods as pm
        from pymcdm.normalizations import vector_normalization
    except ImportError:
        return {}
    wn, types = w / w.sum(), np.where(c, -1, 1)
    values = x / x.max(axis=0)
    small = x[:N_PAIRWISE]
    return {
        ("wsm", N): lambda: pm.WSM(lambda col, cost: col)(values, wn, np.ones(M)),
        ("wpm", N): lambda: pm.WPM()(x, wn, types),
        ("topsis", N): lambda: pm.TOPSIS(vector_normalization)(x, wn, types),
        ("vikor", N): lambda: pm.VIKOR()(x, wn, types),
        ("promethee usual", N_PAIRWISE): lambda: pm.PROMETHEE_II("usual")(small, wn, types),
        ("promethee vshape", N_PAIRWISE): lambda: pm.PROMETHEE_II("vshape", p=p)(small, wn, types),
    }


def skcriteria_runners(x, w, c):
    try:
        import skcriteria as skc
        from skcriteria.agg.simple import WeightedProductModel, WeightedSumModel
        from skcriteria.agg.topsis import TOPSIS
        from skcriteria.agg.vikor import VIKOR
        from skcriteria.pipelines import mkpipe
        from skcriteria.preprocessing.invert_objectives import InvertMinimize
        from skcriteria.preprocessing.scalers import VectorScaler
    except ImportError:
        return {}
    objectives = [min if cj else max for cj in c]
    values = x / x.max(axis=0)
    return {
        ("wsm", N): lambda: WeightedSumModel().evaluate(skc.mkdm(values, [max] * M, weights=w)),
        ("wpm", N): lambda: mkpipe(InvertMinimize(), WeightedProductModel()).evaluate(
            skc.mkdm(x, objectives, weights=w)
        ),
        ("topsis", N): lambda: mkpipe(VectorScaler(target="matrix"), TOPSIS()).evaluate(
            skc.mkdm(x, objectives, weights=w)
        ),
        ("vikor", N): lambda: VIKOR().evaluate(skc.mkdm(x, objectives, weights=w)),
    }


def main() -> None:
    rng = np.random.default_rng(2025)
    x = rng.uniform(1.0, 100.0, (N, M))
    w, c = rng.random(M) + 0.1, rng.random(M) < 0.3
    p = np.full(M, 20.0)
    values, small = x / x.max(axis=0), x[:N_PAIRWISE]
    vshape = [{"kind": "vshape", "p": 20.0}] * M
    rows = [  # name, options, ours, plain reference; pymcdm/skcriteria get the same input
        ("wsm", N, lambda: wsm_kernel(values, w, c), lambda: ref_wsm(values, w, c)),
        ("wpm", N, lambda: wpm(x, w, c), lambda: ref_wpm(x, w, c)),
        ("topsis", N, lambda: topsis(x, w, c), lambda: ref_topsis(x, w, c)),
        ("vikor", N, lambda: vikor(x, w, c), lambda: ref_vikor(x, w, c)),
        ("promethee usual", N, lambda: promethee(x, w, c), lambda: ref_promethee_usual(x, w, c)),
        (
            "promethee usual",
            N_PAIRWISE,
            lambda: promethee(small, w, c),
            lambda: ref_promethee_usual(small, w, c),
        ),
        (
            "promethee vshape",
            N_PAIRWISE,
            lambda: promethee(small, w, c, vshape),
            lambda: ref_promethee_vshape(small, w, c, p),
        ),
    ]
    libraries = (pymcdm_runners(x, w, c, p), skcriteria_runners(x, w, c))
    print(
        f"{'method':<18}{'options':>9}{'ours s':>9}{'plain s':>9}{'ratio':>7}{'pymcdm s':>10}{'skcrit s':>10}"
    )
    for name, n, ours, plain in rows:
        t_ours, t_plain = best_of(ours), best_of(plain)
        extra = [
            f"{best_of(lib[(name, n)], 1):10.3f}" if (name, n) in lib else f"{'-':>10}" for lib in libraries
        ]
        print(f"{name:<18}{n:>9,}{t_ours:9.3f}{t_plain:9.3f}{t_ours / t_plain:7.2f}{''.join(extra)}")
    print("(- : not run; pymcdm's PROMETHEE builds n x n tables, so only at 2,000 options)")
    report_promethee(x, w, c)
    report_kendall(rng)


def report_promethee(x, w, c) -> None:
    """Usual, V-shape and linear at 100,000 x 50, each beside its target, with peak memory."""
    linear = [{"kind": "linear", "q": 5.0, "p": 20.0}] * M
    vshape = [{"kind": "vshape", "p": 20.0}] * M
    print(f"\nPROMETHEE II, {N:,} x {M}:")
    for name, prefs, target in [("usual", None, 1.0), ("vshape", vshape, 2.0), ("linear", linear, 2.0)]:
        t = best_of(lambda prefs=prefs: promethee(x, w, c, prefs))
        tracemalloc.start()
        promethee(x, w, c, prefs)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        verdict = "under" if t < target else "OVER"
        print(
            f"  {name:<7}{t:7.3f} s ({verdict} the {target:g} s target); "
            f"peak memory {peak / 2**20:.1f} MiB beyond the {x.nbytes / 2**20:.0f} MiB input"
        )


def report_kendall(rng) -> None:
    a = rng.random(N)
    b = a + rng.random(N)
    line = f"Kendall tau-b, {N:,} options: {best_of(lambda: kendall_tau_b(a, b)):.3f} s"
    try:
        from scipy.stats import kendalltau
    except ImportError:
        print(line)
        return
    print(f"{line} (scipy.stats.kendalltau: {best_of(lambda: kendalltau(a, b)):.3f} s)")


if __name__ == "__main__":
    main()
