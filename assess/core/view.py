"""From a case file to a view: the criteria, options, weights and score matrix
of the baseline or of one scenario, ready for the scoring kernels.

Everything is keyed by id in the model; here it becomes arrays, in the order
of `options` and `criteria` (`option_index` and `criterion_index` map an id to
its row or column). The arrays are built on first use; the weights and shares
are also plain floats (`weight_values`, `share_values`), and so are the values
(`value_rows`), for the weighted sum that runs without NumPy. `resolve` assumes a case that `validate` passed.

The criteria of a case, asked two ways: `available_criteria` gives every
criterion the case may use, by id, with its definition (the catalogue's with
the case's overrides, and the case's own); `view_criterion_ids` gives the ids
of the criteria of one view (with or without those switched off). A resolved
`View` holds its criteria themselves, in `criteria`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from assess.kernels.wsm_plain import left_sum
from assess.model import Case, Catalogue, Criterion, Option, Score, Weights

if TYPE_CHECKING:  # NumPy is imported by the arrays' first use: `check` needs none
    import numpy as np
    from numpy.typing import NDArray

    from assess.kernels.weighting import WeightResult


def available_criteria(case: Case, catalogue: Catalogue | None) -> dict[str, Criterion]:
    """Every criterion a case may use: the catalogue's (with the case's
    overrides applied) and the case's local ones."""
    found: dict[str, Criterion] = {}
    for criterion in catalogue.criteria if catalogue else []:
        override = case.criteria.overrides.get(criterion.id)
        found[criterion.id] = override.apply(criterion) if override else criterion
    for criterion in case.criteria.local:
        found[criterion.id] = criterion
    return found


def view_names(case: Case) -> list[str]:
    """Each view's key (see `View.key`): the baseline's name, then each scenario id, in file order."""
    return [case.baseline, *case.scenarios]


def scenario_key(case: Case, name: str | None) -> str | None:
    """The scenario id for a name given by a user (None or the baseline's name
    mean the baseline). Raises KeyError for an unknown name."""
    if name is None or name == case.baseline:
        return None
    if name in case.scenarios:
        return name
    for key, scenario in case.scenarios.items():
        if scenario.name == name:
            return key
    raise KeyError(name)


def view_criterion_ids(case: Case, scenario: str | None, *, switched_off: bool = False) -> list[str]:
    """The ids of the criteria of a view, in file order: the baseline's, minus
    the scenario's removals, plus its additions; with `switched_off`, also
    those switched off (the UI lists them, greyed)."""
    off = () if switched_off else case.criteria.off
    ids = [c for c in case.criteria.use if c not in off]
    if scenario is not None:
        sc = case.scenarios[scenario].criteria
        ids = [c for c in ids if c not in sc.remove]
        ids += [c for c in sc.add if c not in ids and c not in off]
    return ids


def effective_scores(
    case: Case, scenario: str | None, assessor: str | None = None
) -> dict[str, dict[str, Score]]:
    """The baseline's score table with the scenario's cells laid over it.

    With assessors, the baseline is their aggregate with the case's agreed
    scores over it; one assessor's view lays their own scores over that. In a
    scenario, the team's view lays the assessors' aggregate of their own cells
    of it, then the scenario's agreed cells; one assessor's view lays the
    scenario's cells, then their own cells of it."""
    from assess.core.team import team_scores

    table = team_scores(case) if case.assessors else {}
    layers = [case.scores]
    if assessor is not None:
        layers.append(case.assessors[assessor].scores)
    if scenario is not None:
        own = _own_scenario(case, scenario, assessor)
        layers += (
            [case.scenarios[scenario].scores, own] if assessor else [own, case.scenarios[scenario].scores]
        )
    for layer in layers:
        for opt, row in layer.items():
            table.setdefault(opt, {}).update(row)
    return table


def _own_scenario(case: Case, scenario: str, assessor: str | None) -> dict[str, dict[str, Score]]:
    """The assessor's own cells of a scenario, or (None) the team's aggregate of theirs."""
    from assess.core.team import team_scores

    if assessor is None:
        has = any(scenario in a.scenarios for a in case.assessors.values())
        return team_scores(case, scenario) if has else {}
    own = case.assessors[assessor].scenarios.get(scenario)
    return own.scores if own is not None else {}


def effective_weights(case: Case, scenario: str | None, assessor: str | None = None) -> Weights | None:
    """The assessor's own weights in the scenario, else the scenario's, else
    the assessor's own, else the case's agreed weights, else the assessors'
    combined, else None (default weights)."""
    from assess.core.team import team_weights

    if scenario is not None and assessor is not None:
        own = case.assessors[assessor].scenarios.get(scenario)
        if own is not None and own.weights is not None:
            return own.weights
    if scenario is not None and case.scenarios[scenario].weights is not None:
        return case.scenarios[scenario].weights
    if assessor is not None and case.assessors[assessor].weights is not None:
        return case.assessors[assessor].weights
    if case.weights is not None or not case.assessors:
        return case.weights
    return team_weights(case, view_criterion_ids(case, scenario))


def derived_weights(spec: Weights | None, criteria: Sequence[str] | None = None) -> WeightResult | None:
    """The weights `spec` elicits, with the method's diagnostics (None: no
    spec, the criteria's default weights); for method `statements`, the
    central weights of the statements over the view's `criteria` ids
    (`assess.core.statements.spec_weights`). Raises `WeightingError`."""
    if spec is None:
        return None
    from assess.core.statements import spec_weights

    return spec_weights(spec, criteria)


def raw_weights(derived: WeightResult | None, criteria: list[Criterion]) -> dict[str, float]:
    """Each active criterion's weight before normalisation."""
    if derived is None:
        return {c.id: c.default_weight for c in criteria}
    return {c.id: float(derived.weights.get(c.id, 0.0)) for c in criteria}


def _triple(cell: Score) -> tuple[float, float, float]:
    v, lo, hi = cell.value, cell.low, cell.high
    return (v if lo is None else lo, v, v if hi is None else hi)


@dataclass(frozen=True)
class View:
    """The baseline or one scenario of a case, as arrays for the kernels."""

    case: Case
    scenario: str | None
    criteria: tuple[Criterion, ...]
    options: tuple[Option, ...]
    cells: dict[str, dict[str, Score]]
    weight_spec: Weights | None
    weight_values: tuple[float, ...]
    """Raw weights of `criteria` (not normalised), as plain floats (`weights`: as an array)."""
    weighting: WeightResult | None = None
    """How `weight_spec` was derived, with its diagnostics (AHP's consistency,
    warnings), once per view (None: the criteria's default weights)."""
    assessor: str | None = None
    """Whose view this is (None: the team's, or the only one)."""
    basis: View | None = field(default=None, repr=False, compare=False)
    """An earlier view of the same options and criteria whose score arrays
    can be reused where the cells are the same objects (the UI's edits change
    one cell); dropped once used, so views never chain."""

    @property
    def key(self) -> str:
        """The view's id: the baseline's name or the scenario id (as `view_names`)."""
        return self.case.baseline if self.scenario is None else self.scenario

    @property
    def label(self) -> str:
        """The view's name for people: the baseline's name or the scenario's `name`."""
        if self.scenario is None:
            return self.case.baseline
        return self.case.scenarios[self.scenario].name

    @cached_property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    @cached_property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)

    @cached_property
    def option_index(self) -> Mapping[str, int]:
        """Option id -> its row in the arrays."""
        return MappingProxyType({o: i for i, o in enumerate(self.option_ids)})

    @cached_property
    def criterion_index(self) -> Mapping[str, int]:
        """Criterion id -> its column in the arrays."""
        return MappingProxyType({c: j for j, c in enumerate(self.criterion_ids)})

    @cached_property
    def weights(self) -> NDArray[np.float64]:
        """Raw weights of `criteria` (not normalised)."""
        import numpy as np

        return np.array(self.weight_values, dtype=float)

    @cached_property
    def share_values(self) -> tuple[float, ...]:
        """Weights normalised to sum to 1 (summed left to right, as the weighted
        sum's `weight_shares`); as given when they sum to 0."""
        total = left_sum(self.weight_values)
        return tuple(w / total for w in self.weight_values) if total > 0 else self.weight_values

    @cached_property
    def shares(self) -> NDArray[np.float64]:
        """`share_values` as an array."""
        import numpy as np

        return np.array(self.share_values, dtype=float)

    @cached_property
    def _ranges(self) -> NDArray[np.float64]:
        """3 x n x m: each cell's low end, value and high end."""
        basis, ids = self.basis, list(self.criterion_ids)
        object.__setattr__(self, "basis", None)
        if basis is not None and basis.criteria == self.criteria and basis.options == self.options:
            return self._ranges_from(basis, ids)
        import numpy as np

        triples = [_triple(self.cells[o.id][cid]) for o in self.options for cid in ids]
        out = np.array(triples, dtype=float).reshape(len(self.options), len(ids), 3)
        return np.moveaxis(out, 2, 0)

    def _ranges_from(self, basis: View, ids: list[str]) -> NDArray[np.float64]:
        """The basis's arrays, with the cells that are not the same objects redone."""
        out = basis._ranges.copy()
        for i, option in enumerate(self.options):
            row, old = self.cells[option.id], basis.cells[option.id]
            if row is old:
                continue
            for j, cid in enumerate(ids):
                if row[cid] is not old[cid]:
                    out[:, i, j] = _triple(row[cid])
        return out

    def _matrix(self, pick: int) -> NDArray[np.float64]:
        return self._ranges[pick]

    @cached_property
    def scores(self) -> NDArray[np.float64]:
        """n x m raw scores."""
        return self._matrix(1)

    @cached_property
    def low(self) -> NDArray[np.float64]:
        return self._matrix(0)

    @cached_property
    def high(self) -> NDArray[np.float64]:
        return self._matrix(2)

    @cached_property
    def values(self) -> NDArray[np.float64]:
        """n x m values in [0, 1], 1 best."""
        from assess.core.values import value_matrix

        return value_matrix(list(self.criteria), self.scores)

    @cached_property
    def value_rows(self) -> list[list[float]]:
        """`values` as plain floats, row by option: computed without NumPy
        when every value function is linear (`assess.core.values.value_rows`,
        the same floats), else `values.tolist()`."""
        from assess.core.values import all_linear, value_rows

        if not all_linear(self.criteria):
            return self.values.tolist()
        ids = self.criterion_ids
        return value_rows(self.criteria, [[self.cells[o.id][c].value for c in ids] for o in self.options])

    def triple(self, option_id: str, criterion_id: str) -> tuple[float, float, float]:
        """A cell's (low end, value, high end), as in `low`, `scores` and `high`."""
        lo, v, hi = _triple(self.cells[option_id][criterion_id])
        return float(lo), float(v), float(hi)

    @cached_property
    def cost(self) -> NDArray[np.bool_]:
        import numpy as np

        return np.array([c.direction == "cost" for c in self.criteria], dtype=bool)

    def cell(self, option_id: str, criterion_id: str) -> Score:
        return self.cells[option_id][criterion_id]


def resolve(
    case: Case,
    catalogue: Catalogue | None,
    scenario: str | None = None,
    assessor: str | None = None,
    basis: View | None = None,
) -> View:
    """The view of `scenario` (None: the baseline) of a validated case, as the
    team sees it or, with `assessor`, as that assessor does. `basis`, an
    earlier view, only saves work: the result is the same without it."""
    known = available_criteria(case, catalogue)
    criteria = [known[c] for c in view_criterion_ids(case, scenario)]
    spec = effective_weights(case, scenario, assessor)
    derived = derived_weights(spec, [c.id for c in criteria])
    weights = raw_weights(derived, criteria)
    return View(
        case=case,
        scenario=scenario,
        criteria=tuple(criteria),
        options=tuple(case.options),
        cells=effective_scores(case, scenario, assessor),
        weight_spec=spec,
        weight_values=tuple(float(weights[c.id]) for c in criteria),
        weighting=derived,
        assessor=assessor,
        basis=basis,
    )
