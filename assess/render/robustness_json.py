"""A `Robustness` as plain JSON-able data (the contract of `assess sensitivity
--format json`, documented in `assess.cli.sensitivity_cmd`).

Weights and shares are fractions of 1; NaN never appears (null instead).
"""

from __future__ import annotations

import numpy as np

from assess.core.robustness.analysis import Acceptability, OptionTornado, Robustness
from assess.kernels.ranks import rank_scores


def _stability(r: Robustness) -> list[dict[str, object]]:
    return [
        {
            "criterion": s.criterion,
            "weight": s.weight,
            "first": {
                "lo": s.first_lo,
                "hi": s.first_hi,
                "taker_lo": s.first_taker_lo,
                "taker_hi": s.first_taker_hi,
            },
            "ranking": {
                "lo": s.ranking_lo,
                "hi": s.ranking_hi,
                "swap_lo": None if s.swap_lo is None else list(s.swap_lo),
                "swap_hi": None if s.swap_hi is None else list(s.swap_hi),
            },
        }
        for s in r.stability
    ]


def _tornado(r: Robustness) -> dict[str, object]:
    def option(t: OptionTornado) -> dict[str, object]:
        return {
            "total": t.total,
            "bars": [
                {
                    "source": b.source,
                    "criterion": b.criterion,
                    "input_low": b.input_low,
                    "input_high": b.input_high,
                    "total_low": b.total_low,
                    "total_high": b.total_high,
                    "swing": b.swing,
                }
                for b in t.bars
            ],
        }

    ranges = r.weight_ranges
    return {
        "weight_ranges": {
            "source": ranges.source,
            "spread": ranges.spread,
            "ranges": {c: list(v) for c, v in ranges.ranges.items()},
        },
        "options": {o: option(t) for o, t in r.tornado.items()},
    }


def _acceptability(a: Acceptability | None) -> dict[str, object] | None:
    if a is None:
        return None
    return {
        "samples": a.samples,
        "confidence_samples": a.confidence_samples,
        "stopped": a.stopped,
        "ranks": {o: list(row) for o, row in a.ranks.items()},
        "central_weights": a.central_weights,
        "confidence": a.confidence,
        "holistic": a.holistic,
        "sampling": {
            "kind": a.sampling.kind,
            "statements": list(a.sampling.statements),
            "dimension": a.sampling.dimension,
            "effective_samples": a.sampling.effective_samples,
        },
    }


def robustness_data(r: Robustness) -> dict[str, object]:
    change = r.smallest_change
    w = r.weighting
    ranks = rank_scores(np.array(list(r.totals.values())))
    return {
        "case": r.title,
        "scenario": r.scenario,
        "view": r.view,
        "assessor": r.assessor,
        "samples": r.samples,
        "seed": r.seed,
        "spread": r.spread,
        "first": r.first,
        "options": [
            {"option": o, "name": name, "rank": int(k), "total": r.totals[o]}
            for k, (o, name) in zip(ranks, r.options.items(), strict=True)
        ],
        "excluded": [{"option": o, "name": name} for o, name in r.excluded.items()],
        "criteria": [
            {"criterion": c, "name": name, "weight": r.weights[c]} for c, name in r.criteria.items()
        ],
        "stability": _stability(r),
        "smallest_change": None
        if change is None
        else {
            "criterion": change.criterion,
            "weight_from": change.weight_from,
            "weight_to": change.weight_to,
            "change": change.change,
            "direction": change.direction,
            "new_first": change.new_first,
        },
        "statements": list(r.statements),
        "allowed": None if r.allowed is None else {c: list(v) for c, v in r.allowed.items()},
        "tornado": _tornado(r),
        "acceptability": _acceptability(r.acceptability),
        "weighting": {
            "method": w.method,
            "elicitation": w.elicitation,
            "consistency_ratio": w.consistency_ratio,
            "cr_threshold": w.cr_threshold,
            "warnings": list(w.warnings),
        },
    }
