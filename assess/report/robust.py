"""The robustness section's content, from `assess.robustness` when it is there.

The report does not run the analysis kernels itself: `assess.robustness`
(`analyse(view, samples=..., seed=..., spread=...)`, and `to_data(result)`
giving its plain data) owns that. When the module is missing, the report says
so instead.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assess.report.fmt import pct
from assess.resolve import View

UNAVAILABLE = "Robustness analysis not available in this version of assess."


@dataclass(frozen=True)
class StabilityRow:
    """How far one criterion's weight share can move before the result changes."""

    criterion: str
    """The criterion's name."""
    weight: float
    first_lo: float
    first_hi: float
    """Range of this weight (others rescaled in proportion) keeping the first place."""
    taker_lo: str | None
    taker_hi: str | None
    """Who takes the first place below / above the range (None: nobody)."""
    rank_lo: float
    rank_hi: float
    """Range keeping the whole ranking."""


@dataclass(frozen=True)
class Robustness:
    samples: int
    seed: int
    first: str | None
    """Name of the option ranked first."""
    stability: tuple[StabilityRow, ...]
    smallest_change: str | None
    """The smallest single weight change that changes the first place, as a sentence."""
    options: tuple[str, ...]
    """Names of the options in the rank acceptability rows (excluded ones left out)."""
    acceptability: tuple[tuple[float, ...], ...]
    """[i][r]: share of samples in which option i has rank r + 1."""
    confidence: tuple[float | None, ...]
    """Per option: share of score draws it stays first with its central weights."""
    method_note: str = ""
    """How weights and scores were sampled."""
    excluded: tuple[str, ...] = ()
    """Names of the options a veto excludes (not analysed)."""


def _module() -> Any | None:
    try:
        module = importlib.import_module("assess.robustness")
    except ImportError:
        return None
    return module if callable(getattr(module, "analyse", None)) else None


def available() -> bool:
    """Whether `assess.robustness` provides `analyse`."""
    return _module() is not None


def analyse_view(
    view: View, samples: int, seed: int, spread: float | None = None
) -> tuple[Robustness | None, str]:
    """The robustness content of `view`, or None and why there is none.

    `samples` = 0 keeps the stability intervals and skips the Monte Carlo."""
    module = _module()
    if module is None:
        return None, UNAVAILABLE
    try:
        result = module.analyse(view, samples=samples, seed=seed, spread=spread)
    except ValueError as err:  # e.g. every option vetoed: nothing to analyse
        return None, f"No robustness analysis: {err}."
    to_data = getattr(module, "to_data", None)
    data = to_data(result) if callable(to_data) else result.to_data()
    return from_data(data, view), ""


def _sampling_note(data: Mapping[str, Any], acc: Mapping[str, Any]) -> str:
    spread = data.get("spread")
    if spread is None:
        weights = "Weights were drawn uniformly from every possible weighting (no preference information)"
    else:
        weights = f"Each weight was drawn within ±{pct(float(spread), 0)} of its current value, then rescaled"
    note = f"{weights}; each score uniformly within its low–high range."
    if acc.get("stopped"):
        note += f" The analysis stopped early, after {acc.get('samples')} samples."
    return note


def _change_text(change: Mapping[str, Any] | None, options: dict[str, str], criteria: dict[str, str]) -> str:
    if not change:
        return "No change of a single weight, however large, changes the first place."
    name = criteria.get(change["criterion"], change["criterion"])
    new = options.get(change["new_first"], change["new_first"])
    way = "goes up" if change["direction"] == "up" else "goes down"
    return (
        f"The first place changes soonest when the weight of {name} {way} from "
        f"{pct(change['weight_from'])} to {pct(change['weight_to'])} (the others rescaled): "
        f"{new} then takes the lead."
    )


def _stability(
    rows: Sequence[Mapping[str, Any]], options: dict[str, str], criteria: dict[str, str]
) -> tuple[StabilityRow, ...]:
    def name(key: object) -> str | None:
        return None if key is None else options.get(str(key), str(key))

    return tuple(
        StabilityRow(
            criteria.get(s["criterion"], s["criterion"]),
            float(s["weight"]),
            float(s["first"]["lo"]),
            float(s["first"]["hi"]),
            name(s["first"].get("taker_lo")),
            name(s["first"].get("taker_hi")),
            float(s["ranking"]["lo"]),
            float(s["ranking"]["hi"]),
        )
        for s in rows
    )


def from_data(data: Mapping[str, Any], view: View) -> Robustness:
    """A `Robustness` from `assess.robustness.to_data`'s plain data."""
    options = {o.id: o.name for o in view.options}
    criteria = {c.id: c.name for c in view.criteria}
    acc = data.get("acceptability") or {}
    found: Mapping[str, Sequence[float]] = acc.get("ranks") or {}
    order = [o["option"] for o in data.get("options") or () if o.get("option") in found]
    ranks = {k: found[k] for k in [*order, *(k for k in found if k not in order)]}  # best first
    confidence: Mapping[str, float | None] = acc.get("confidence") or {}
    return Robustness(
        samples=int(acc.get("samples", data.get("samples", 0))),
        seed=int(data["seed"]),
        first=options.get(data.get("first") or "", data.get("first")),
        stability=_stability(data.get("stability") or (), options, criteria),
        smallest_change=_change_text(data.get("smallest_change"), options, criteria),
        options=tuple(options.get(k, k) for k in ranks),
        acceptability=tuple(tuple(float(x) for x in row) for row in ranks.values()),
        confidence=tuple(None if confidence.get(k) is None else float(confidence[k]) for k in ranks),
        method_note=_sampling_note(data, acc) if ranks else "",
        excluded=tuple(e.get("name", e.get("option", "")) for e in data.get("excluded") or ()),
    )
