"""The robustness section of a report: `assess.core.robustness`'s one `Robustness`
result, by name and in sentences, as the report's renderers show it.

The report does not run the kernels itself: `analyse_view` asks the core for the
analysis and turns the id-keyed result into `RobustnessSection` rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assess.core.robustness.analysis import Robustness, analyse
from assess.core.robustness.stability import CriterionStability, FirstPlaceChange
from assess.core.view import View
from assess.render.fmt import percent
from assess.render.text.sensitivity import acceptability_table, stability_table


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
class RobustnessSection:
    """What the report shows of one view's robustness (names, not ids)."""

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
    result: Robustness | None = None
    """The analysis itself, for the tables every output shares
    (`assess.render.text.sensitivity.stability_table`)."""

    def stability_table(self, name: Callable[[str], str]) -> tuple[list[str], list[list[str]]]:
        """The stability table, as the text writes it, with capitalised headers;
        `name` escapes a name for the report's format."""
        if self.result is None:
            return [], []
        return _capitalised(stability_table(self.result, name, none="—"))

    def acceptability_table(self, name: Callable[[str], str]) -> tuple[list[str], list[list[str]]]:
        """The rank acceptability table, as the text writes it (without totals),
        with capitalised headers; `name` escapes a name for the report's format."""
        if self.result is None:
            return [], []
        return _capitalised(acceptability_table(self.result, name, totals=False, none="—"))


def _capitalised(table: tuple[list[str], list[list[str]]]) -> tuple[list[str], list[list[str]]]:
    header, rows = table
    return [h[0].upper() + h[1:] for h in header], rows


def analyse_view(
    view: View, samples: int, seed: int, spread: float | None = None
) -> tuple[RobustnessSection | None, str]:
    """The robustness content of `view`, or None and why there is none.

    `samples` = 0 keeps the stability intervals and skips the Monte Carlo."""
    try:
        result = analyse(view, samples=samples, seed=seed, spread=spread)
    except ValueError as err:  # e.g. every option vetoed: nothing to analyse
        return None, f"No robustness analysis: {err}."
    return section(result), ""


def _sampling_note(r: Robustness) -> str:
    if r.spread is None:
        weights = "Weights were drawn uniformly from every possible weighting (no preference information)"
    else:
        weights = f"Each weight was drawn within ±{percent(r.spread)} of its current value, then rescaled"
    note = f"{weights}; each score uniformly within its low–high range."
    if r.acceptability is not None and r.acceptability.stopped:
        note += f" The analysis stopped early, after {r.acceptability.samples} samples."
    return note


def _change_text(change: FirstPlaceChange | None, r: Robustness) -> str:
    if change is None:
        return "No change of a single weight, however large, changes the first place."
    name = r.criteria.get(change.criterion, change.criterion)
    new = r.options.get(change.new_first, change.new_first)
    way = "goes up" if change.direction == "up" else "goes down"
    return (
        f"The first place changes soonest when the weight of {name} {way} from "
        f"{percent(change.weight_from)} to {percent(change.weight_to)} (the others rescaled): "
        f"{new} then takes the lead."
    )


def _stability_row(s: CriterionStability, r: Robustness) -> StabilityRow:
    def name(key: str | None) -> str | None:
        return None if key is None else r.options.get(key, key)

    return StabilityRow(
        r.criteria.get(s.criterion, s.criterion),
        s.weight,
        s.first_lo,
        s.first_hi,
        name(s.first_taker_lo),
        name(s.first_taker_hi),
        s.ranking_lo,
        s.ranking_hi,
    )


def section(r: Robustness) -> RobustnessSection:
    """The report's rows and sentences of one robustness result."""
    acc = r.acceptability
    found = acc.ranks if acc is not None else {}
    order = [o for o in r.options if o in found]
    ranks = {k: found[k] for k in [*order, *(k for k in found if k not in order)]}  # best first
    confidence = acc.confidence if acc is not None else {}
    return RobustnessSection(
        samples=acc.samples if acc is not None else r.samples,
        seed=r.seed,
        first=r.options.get(r.first, r.first),
        stability=tuple(_stability_row(s, r) for s in r.stability),
        smallest_change=_change_text(r.smallest_change, r),
        options=tuple(r.options.get(k, k) for k in ranks),
        acceptability=tuple(tuple(float(x) for x in row) for row in ranks.values()),
        confidence=tuple(None if confidence.get(k) is None else float(confidence[k]) for k in ranks),  # type: ignore[arg-type]
        method_note=_sampling_note(r) if ranks else "",
        excluded=tuple(r.excluded.values()),
        result=r,
    )
