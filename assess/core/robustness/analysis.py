"""How robust is a view's weighted-sum ranking? One call, results keyed by id.

`analyse(view)` runs the kernels of `assess.kernels.robustness` on the options no veto
excludes and maps their indices back to option and criterion ids:

* stability: for each criterion, the interval of its weight (others rescaled
  in proportion) that keeps the first place, and the one that keeps the whole
  ranking, with who takes over past each end; and the smallest single-weight
  change that changes the first place (`assess.kernels.robustness.stability`);
* tornado: per option, how far its total swings when one input moves across
  its plausible range (`assess.kernels.robustness.tornado`): each score over its
  low..high range (mapped through the criterion's value function), and each
  weight over its plausible range (below);
* SMAA-2: rank acceptability, central weights and confidence factors from a
  Monte Carlo over weights and scores (`assess.kernels.robustness.smaa`);
* the weight elicitation's diagnostics (AHP consistency ratio, warnings).

Plausible weight range (tornado): with weight statements (and no `spread`),
the least and greatest share of criterion j that they allow; else, when two
or more of the case's assessors gave weights of their own, criterion j's
range runs from the lowest to the highest of their normalised weights
(widened to contain the current weight); otherwise it is w_j (1 - r) ..
w_j (1 + r), capped at 1, with r = `spread` when given, else
`DEFAULT_WEIGHT_SPREAD` (0.5, i.e. +-50 % of each weight).

The stability intervals move one weight along its path (the others rescaled
in proportion) over the whole simplex; with weight statements, `allowed`
gives the part of each path the statements allow
(`assess.kernels.preferences.path_ranges`), so a reader sees which stable
weights are also allowed.

Weight sampling (SMAA): `spread=None` draws weights uniformly from every
weighting the view's statements allow (`assess.core.statements`): with none,
every possible weighting (SMAA-2 without preference information), exactly
as before statements existed; when the statements' polytope is a simplex (a
rank order, with ties or not), exactly, as Dirichlet(1) weights of its
vertices; otherwise by hit-and-run
(`assess.kernels.preferences.sampling`, with its burn-in). Hit-and-run
samples are correlated: what they are worth in independent ones is measured
from the chains, the least effective sample size over each option's rank-1
share and each weight (`assess.kernels.robustness.smaa`, `.ess`), reported
as `WeightSampling.effective_samples` (the samples themselves for
independent draws: the simplex, exact sampling, spread). `spread=s` ignores the
statements and draws each weight uniformly in w_j (1 - s) .. w_j (1 + s),
then rescales.
Scores are drawn uniformly within each cell's low..high range. The Monte
Carlo runs in chunks of `chunk_size(samples)`; results are reproducible for
the same (seed, samples). `assess.render.robustness_json.robustness_data` gives the
plain JSON form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

import numpy as np

from assess.core.robustness.stability import CriterionStability, FirstPlaceChange, stability
from assess.core.robustness.tornado import (
    DEFAULT_WEIGHT_SPREAD,
    OptionTornado,
    TornadoBar,
    WeightRanges,
    option_tornadoes,
    value_ends,
    weight_ranges,
)
from assess.core.scoring import kept_mask
from assess.core.view import View
from assess.kernels.robustness import smaa
from assess.kernels.robustness.smaa import DEFAULT_SAMPLES

if TYPE_CHECKING:
    from assess.kernels.preferences.sampling import WeightSampler as PolytopeSampler

__all__ = [
    "DEFAULT_SAMPLES",
    "DEFAULT_SEED",
    "DEFAULT_WEIGHT_SPREAD",
    "Acceptability",
    "CriterionStability",
    "FirstPlaceChange",
    "OptionTornado",
    "Robustness",
    "TornadoBar",
    "WeightDiagnostics",
    "WeightRanges",
    "WeightSampling",
    "acceptability",
    "analyse",
    "weight_ranges",
    "weighting_diagnostics",
]

DEFAULT_SEED = 1
"""The seed of every robustness run not given one (CLI, report, UI), so that
outputs are reproducible; `DEFAULT_SAMPLES` comes from the SMAA kernel."""

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class WeightSampling:
    """Where the SMAA weights come from (module docstring)."""

    kind: Literal["simplex", "exact", "hit-and-run", "spread"]
    """simplex: every weighting; exact or hit-and-run: those the statements allow; spread: +-spread."""
    statements: tuple[str, ...] = ()
    """The statements that bound the weights, in words."""
    dimension: int | None = None
    """The dimension of the polytope sampled (None: the simplex or spread)."""
    effective_samples: int | None = None
    """How many independent samples the ones drawn are worth: measured for
    hit-and-run, the samples for independent draws (None: no Monte Carlo)."""


@dataclass(frozen=True, eq=False)
class Acceptability:
    """SMAA-2 results by option id."""

    ranks: dict[str, tuple[float, ...]]
    """Share of samples in which the option has rank 1, 2, ... (each row sums to 1)."""
    central_weights: dict[str, dict[str, float] | None]
    """Mean weights over the samples where the option is first (None: never first)."""
    confidence: dict[str, float | None]
    """Share of score draws in which the option is first at its central weights."""
    holistic: dict[str, float]
    """Holistic acceptability: sum_r (n - r)/(n - 1) * b_r."""
    samples: int
    """Samples used (fewer than asked when stopped)."""
    confidence_samples: int
    stopped: bool
    sampling: WeightSampling = WeightSampling("simplex")
    """How the weights were drawn."""


@dataclass(frozen=True, slots=True)
class WeightDiagnostics:
    method: str
    """The elicitation method, or "default" (the criteria's default weights)."""
    elicitation: str
    consistency_ratio: float | None
    """AHP only: Saaty's CR (above `cr_threshold` counts as inconsistent)."""
    cr_threshold: float | None
    warnings: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Robustness:
    """Every robustness result of one view, keyed by option and criterion ids.

    `eq=False`: equal only to itself, so a reactive holding one fires on
    every replacement without comparing its contents."""

    title: str
    scenario: str | None
    view: str
    """The view's label ("2019", "2025 re-assessment")."""
    assessor: str | None
    criteria: dict[str, str]
    """Criterion id -> name, in the view's order."""
    options: dict[str, str]
    """Option id -> name of the options analysed, in the current order (best first)."""
    excluded: dict[str, str]
    """Options a veto excludes (not analysed)."""
    weights: dict[str, float]
    """Current weights, shares summing to 1."""
    totals: dict[str, float]
    first: str
    stability: tuple[CriterionStability, ...]
    smallest_change: FirstPlaceChange | None
    """None when no single weight change can change the first place."""
    weight_ranges: WeightRanges
    tornado: dict[str, OptionTornado]
    acceptability: Acceptability | None
    """None when no Monte Carlo was run (samples = 0)."""
    samples: int
    seed: int
    spread: float | None
    weighting: WeightDiagnostics
    statements: tuple[str, ...] = ()
    """The view's weight statements in words (empty: the whole simplex is assumed)."""
    allowed: dict[str, tuple[float, float]] | None = None
    """With statements: the part of each criterion's stability path (its weight
    share) that they allow, (NaN, NaN) when none; None without statements."""


def chunk_size(samples: int) -> int:
    """Monte Carlo chunk: about 40 progress steps per pass, 500..25,000 samples each."""
    return min(25_000, max(500, samples // 40))


def acceptability(
    view: View,
    *,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    spread: float | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Acceptability:
    """SMAA-2 on the options no veto excludes (see the module docstring)."""
    from assess.kernels.robustness import holistic_acceptability

    kept = kept_mask(view)
    ids = [o.id for o, k in zip(view.options, kept, strict=True) if k]
    low, high = value_ends(view, kept)
    sampler, sampling = _sampler(view, spread)
    chains = None if sampler is None else sampler.chains
    r = smaa(
        low,
        high,
        weights=None if sampler is not None else view.weights,
        spread=spread,
        weight_sampler=sampler,
        chains=chains,
        samples=samples,
        seed=seed,
        chunk_size=chunk_size(samples),
        progress=progress,
        should_stop=should_stop,
    )
    crit = list(view.criterion_ids)
    holistic = holistic_acceptability(np.nan_to_num(r.acceptability))

    def maybe(x: float) -> float | None:
        return None if np.isnan(x) else float(x)

    return Acceptability(
        ranks={o: tuple(float(x) for x in row) for o, row in zip(ids, r.acceptability, strict=True)},
        central_weights={
            o: None if np.isnan(row[0]) else dict(zip(crit, map(float, row), strict=True))
            for o, row in zip(ids, r.central_weights, strict=True)
        },
        confidence={o: maybe(x) for o, x in zip(ids, r.confidence, strict=True)},
        holistic={o: float(x) for o, x in zip(ids, holistic, strict=True)},
        samples=r.samples,
        confidence_samples=r.confidence_samples,
        stopped=r.stopped,
        sampling=replace(sampling, effective_samples=r.effective_samples),
    )


def _sampler(view: View, spread: float | None) -> tuple[PolytopeSampler | None, WeightSampling]:
    """The statements' sampler (None: the kernel's own draws) and how it samples."""
    from assess.core.statements import spec_polytope

    if spread is not None:
        return None, WeightSampling("spread")
    vp = spec_polytope(view.weight_spec, view.criterion_ids)
    if vp.is_simplex:
        return None, WeightSampling("simplex")
    from assess.kernels.preferences import weight_sampler

    sampler = weight_sampler(vp.polytope)
    kind: Literal["exact", "hit-and-run"] = "exact" if sampler.method == "exact" else "hit-and-run"
    return sampler, WeightSampling(kind, _said(view), vp.polytope.dimension)


def _said(view: View) -> tuple[str, ...]:
    from assess.core.statements import describe, spec_polytope

    vp = spec_polytope(view.weight_spec, view.criterion_ids)
    names = {c.id: c.name for c in view.criteria}
    return tuple(describe(vp.statements[s], names) for s in vp.source)


def _allowed(view: View) -> dict[str, tuple[float, float]] | None:
    """The part of each stability path the statements allow (None: no statements)."""
    from assess.core.statements import spec_polytope
    from assess.kernels.preferences import path_ranges

    vp = spec_polytope(view.weight_spec, view.criterion_ids)
    if vp.is_simplex:
        return None
    ranges = path_ranges(vp.polytope, view.shares)
    return {c: (float(lo), float(hi)) for c, (lo, hi) in zip(view.criterion_ids, ranges, strict=True)}


def weighting_diagnostics(view: View) -> WeightDiagnostics:
    """The elicitation method of the view's weights and what it warned about."""
    spec = view.weight_spec
    if spec is None:
        return WeightDiagnostics("default", "the criteria's default weights", None, None, ())
    from assess.kernels.weighting import AhpResult

    result = view.weighting
    assert result is not None  # resolve derives the weights of every spec
    ahp = result.diagnostics if isinstance(result.diagnostics, AhpResult) else None
    return WeightDiagnostics(
        spec.method,
        spec.elicitation.strip(),
        None if ahp is None else ahp.cr,
        None if ahp is None else ahp.threshold,
        tuple(result.warnings),
    )


def analyse(
    view: View,
    *,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    spread: float | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Robustness:
    """Every robustness result of `view` (samples = 0 skips the Monte Carlo).

    Raises ValueError when every option is vetoed, samples < 0 or spread is
    outside [0, 1]."""
    if samples < 0:
        raise ValueError("samples must be zero or more")
    if spread is not None and not 0.0 <= spread <= 1.0:
        raise ValueError("spread must lie between 0 and 1")
    kept = kept_mask(view)
    if not kept.any():
        raise ValueError("every option is excluded by a veto: nothing to analyse")
    ids = [o.id for o, k in zip(view.options, kept, strict=True) if k]
    values = view.values[kept]
    found = stability(view, ids, values)
    order = found.order
    ranges = weight_ranges(view, spread)
    names = {o.id: o.name for o in view.options}
    totals = dict(zip(ids, map(float, values @ view.shares), strict=True))
    acc = None
    if samples:
        acc = acceptability(
            view, samples=samples, seed=seed, spread=spread, progress=progress, should_stop=should_stop
        )
    return Robustness(
        title=view.case.title,
        scenario=view.scenario,
        view=view.label,
        assessor=view.assessor,
        criteria={c.id: c.name for c in view.criteria},
        options={o: names[o] for o in order},
        excluded={o.id: o.name for o, k in zip(view.options, kept, strict=True) if not k},
        weights=dict(zip(view.criterion_ids, map(float, view.shares), strict=True)),
        totals={o: totals[o] for o in order},
        first=order[0],
        stability=found.criteria,
        smallest_change=found.smallest_change,
        weight_ranges=ranges,
        tornado=option_tornadoes(view, kept, ranges),
        acceptability=acc,
        samples=samples,
        seed=seed,
        spread=spread,
        weighting=weighting_diagnostics(view),
        statements=_said(view),
        allowed=_allowed(view),
    )
