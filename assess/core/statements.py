"""Weight statements of a case, keyed by criterion id, as the kernels' polytope.

A view's statements are those of its weights block (`Weights.statements`: the
scenario's, the assessor's or the case's, as `assess.core.view.effective_weights`
picks them). Here they become the kernel's index-based statements
(`assess.kernels.preferences`) over the view's criteria, in the view's order:

* `view_polytope(criterion_ids, statements)` -> `ViewPolytope`: the polytope
  and which statement each kernel statement came from. A criterion outside
  the view (switched off, removed by the scenario) is left out of an order;
  an interval, ratio or exact weight on one is left out whole (`dropped`).
* `central_weights(vp)`: the mean of the polytope's vertices, the point
  weights of method `statements` ("central weights of the statements"). For a
  complete rank order the vertices are (1, 0, ..), (1/2, 1/2, 0, ..), ..,
  (1/m, .., 1/m) and their mean is the rank order centroid, w_k = (1/m)
  sum_{i >= k} 1/i (Barron & Barrett 1996, Management Science 42(11):1515-1523).
* `statement_vertices(spec, criterion_ids)`: the polytope's extreme points,
  for the portfolio's `--robust statements`.
* `spec_weights(spec, criterion_ids)`: the point weights of any weights
  block, with `statements` among the methods (`WeightResult`).
* `statement_findings(...)`: what `check` and loading report, as (YAML path,
  message): an infeasible set names the smallest conflicting subset (or an
  irreducible one, saying it is not proven smallest, when the search's budget
  runs out: `assess.kernels.preferences.conflicts`), each of its statements at
  its own path; point weights beside the statements that
  break one are reported at that statement, saying by how much
  (`broken_statements`).
* `describe(statement)`: a statement in words ("security >= sanctions").

Shares are of the view's criteria: a criterion's share is its weight over
the sum of the weights of the criteria in the view.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assess.kernels.weighting import WeightResult
from assess.model.statements import (
    ExactStatement,
    IntervalStatement,
    OrderStatement,
    RatioStatement,
    Statement,
    order_groups,
)
from assess.model.weights import Weights

if TYPE_CHECKING:  # NumPy and the polytope kernels (numpy.random) are imported where used:
    # a case without statements is scored without them
    import numpy as np
    from numpy.typing import NDArray

    from assess.kernels.preferences import Statement as KernelStatement
    from assess.kernels.preferences import WeightPolytope

Path = tuple[str | int, ...]
Finding = tuple[Path, str]

CENTRAL_LABEL = "central weights of the statements"
"""How point weights of method `statements` are named wherever they are shown."""


@dataclass(frozen=True, eq=False)
class ViewPolytope:
    """A view's statements as the kernel's polytope over its criteria."""

    criterion_ids: tuple[str, ...]
    """The polytope's coordinates, in the view's order."""
    statements: tuple[Statement, ...]
    """The weights block's statements, as in the file."""
    polytope: WeightPolytope
    source: tuple[int, ...]
    """For each kernel statement (`polytope.statements[k]`), its index in `statements`."""
    dropped: tuple[int, ...] = ()
    """Statements left out: they name only criteria outside the view."""

    @property
    def is_simplex(self) -> bool:
        """No statement narrows the weights: every weighting is allowed."""
        return not self.polytope.statements

    def file_indices(self, kernel: Sequence[int]) -> tuple[int, ...]:
        """Indices in `statements` of kernel statements `kernel`."""
        return tuple(self.source[k] for k in kernel)


def kernel_statement(statement: Statement, index: Mapping[str, int]) -> KernelStatement | None:
    """The kernel form of one statement over criteria `index` (id -> column);
    None when what it says concerns a criterion outside them."""
    from assess.kernels.preferences import Exact, Interval, Order, Ratio

    if isinstance(statement, OrderStatement):
        groups = [[index[c] for c in g if c in index] for g in order_groups(statement.order)]
        groups = [g for g in groups if g]
        return Order(groups) if sum(map(len, groups)) >= 2 else None
    if isinstance(statement, IntervalStatement):
        b = statement.interval
        return Interval(index[b.criterion], b.min, b.max) if b.criterion in index else None
    if isinstance(statement, RatioStatement):
        r = statement.ratio
        if r.criterion in index and r.to in index:
            return Ratio(index[r.criterion], index[r.to], r.min, r.max)
        return None
    if isinstance(statement, ExactStatement):
        e = statement.exact
        return Exact(index[e.criterion], e.weight) if e.criterion in index else None
    raise TypeError(f"not a weight statement: {statement!r}")


def view_polytope(criterion_ids: Sequence[str], statements: Sequence[Statement] = ()) -> ViewPolytope:
    """The polytope that `statements` allow over `criterion_ids` (module docstring)."""
    from assess.kernels.preferences import WeightPolytope

    index = {c: j for j, c in enumerate(criterion_ids)}
    kept: list[KernelStatement] = []
    source: list[int] = []
    dropped: list[int] = []
    for k, statement in enumerate(statements):
        kernel = kernel_statement(statement, index)
        if kernel is None:
            dropped.append(k)
        else:
            kept.append(kernel)
            source.append(k)
    polytope = WeightPolytope(len(index), kept)
    return ViewPolytope(tuple(criterion_ids), tuple(statements), polytope, tuple(source), tuple(dropped))


def spec_polytope(spec: Weights | None, criterion_ids: Sequence[str]) -> ViewPolytope:
    """`view_polytope` of a weights block's statements (none: the simplex)."""
    return view_polytope(criterion_ids, spec.statements if spec is not None else ())


CENTRAL_VERTEX_LIMIT = 20_000
"""Above this many vertices, the Chebyshev centre stands in for their mean."""


def central_weights(vp: ViewPolytope) -> NDArray[np.float64]:
    """The mean of the polytope's vertices (m,), summing to 1 (module docstring).

    Raises `InfeasibleStatements` when the statements admit no weights, and
    ValueError when they have more than `CENTRAL_VERTEX_LIMIT` vertices."""
    import numpy as np

    if vp.is_simplex:
        m = vp.polytope.m
        return np.full(m, 1.0 / m)
    vertices = vp.polytope.vertices(CENTRAL_VERTEX_LIMIT)
    mean = vertices.mean(axis=0)
    return mean / mean.sum()


def statement_vertices(spec: Weights | None, criterion_ids: Sequence[str]) -> NDArray[np.float64]:
    """(K, m): the extreme points of the weights a block's statements allow over
    `criterion_ids` (no statements: the simplex's, the identity), for the
    portfolio's `--robust statements` (Robust Portfolio Modeling needs only
    the vertices: Liesio, Mild & Salo 2007, EJOR 181(3):1488-1505)."""
    import numpy as np

    vp = spec_polytope(spec, criterion_ids)
    return np.eye(vp.polytope.m) if vp.is_simplex else vp.polytope.vertices()


def spec_weights(spec: Weights, criterion_ids: Sequence[str] | None = None) -> WeightResult:
    """Normalised weights of a weights block (`derive_weights`, or for method
    `statements` the central weights over `criterion_ids`, by default the
    criteria its statements name). Raises `WeightingError`."""
    from assess.kernels.weighting import WeightingError, derive_weights

    if spec.method != "statements":
        return derive_weights(spec.method, spec.inputs())
    from assess.kernels.preferences import InfeasibleStatements

    ids = list(criterion_ids) if criterion_ids is not None else named_criteria(spec.statements)
    vp = spec_polytope(spec, ids)
    warnings: tuple[str, ...] = ()
    try:
        w = central_weights(vp)
    except InfeasibleStatements as err:
        raise WeightingError(f"statements: {err}") from None
    except ValueError:  # too many vertices to average: the centre of the largest ball inside
        w = vp.polytope.interior_point()
        w = w / w.sum()
        warnings = (
            f"the statements allow weights with more than {CENTRAL_VERTEX_LIMIT:,} extreme points: "
            "the centre of the largest ball inside them stands in for the mean of those points",
        )
    return WeightResult(dict(zip(ids, map(float, w), strict=True)), "statements", None, warnings)


def named_criteria(statements: Sequence[Statement]) -> list[str]:
    """Every criterion id the statements name, in order of first mention."""
    seen: dict[str, None] = {}
    for statement in statements:
        for c in _named(statement):
            seen.setdefault(c, None)
    return list(seen)


def _named(statement: Statement) -> list[str]:
    if isinstance(statement, OrderStatement):
        return [c for g in order_groups(statement.order) for c in g]
    if isinstance(statement, IntervalStatement):
        return [statement.interval.criterion]
    if isinstance(statement, RatioStatement):
        return [statement.ratio.criterion, statement.ratio.to]
    return [statement.exact.criterion]


# -- in words -------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:.4g} %"


def _times(x: float) -> str:
    return f"{x:.4g}"


def _between(lo: float | None, hi: float | None, fmt: Callable[[float], str]) -> str:
    if lo is not None and hi is not None:
        return f"between {fmt(lo)} and {fmt(hi)}"
    if lo is not None:
        return f"at least {fmt(lo)}"
    assert hi is not None  # the model requires min, max or both
    return f"at most {fmt(hi)}"


def describe(statement: Statement, names: Mapping[str, str] | None = None) -> str:
    """The statement in words, criteria by `names` (id -> name) or by id."""

    def n(c: str) -> str:
        return names.get(c, c) if names else c

    if isinstance(statement, OrderStatement):
        groups = [" = ".join(n(c) for c in g) for g in order_groups(statement.order)]
        return " >= ".join(groups)
    if isinstance(statement, IntervalStatement):
        b = statement.interval
        return f"{n(b.criterion)} {_between(b.min, b.max, _pct)} of the weight"
    if isinstance(statement, RatioStatement):
        r = statement.ratio
        return f"{n(r.criterion)} {_between(r.min, r.max, _times)} times {n(r.to)}"
    e = statement.exact
    return f"{n(e.criterion)} exactly {_pct(e.weight)} of the weight"


# -- checks -----------------------------------------------------------------------------


def statement_findings(
    spec: Weights, path: Path, criterion_ids: Sequence[str], shares: Mapping[str, float] | None
) -> list[Finding]:
    """Errors of a weights block's statements over a view's criteria (module
    docstring); `shares` are the block's point weights (None for method
    `statements`). Paths are under `path` (the weights block)."""
    if not spec.statements:
        return []
    vp = spec_polytope(spec, criterion_ids)
    conflict = vp.polytope.minimal_conflict()
    if conflict is not None:
        return _conflict_findings(vp, conflict.statements, conflict.smallest, path)
    if shares is None:
        return []
    return [
        ((*path, "statements", s), f"the point weights break this statement: {how}")
        for s, how in broken_statements(vp, shares)
    ]


def broken_statements(vp: ViewPolytope, shares: Mapping[str, float]) -> list[tuple[int, str]]:
    """The statements (index in `vp.statements`) that point weights `shares`
    (id -> weight, normalised here over the view's criteria) break, each with
    how (`breach`); none when the weights are all zero."""
    import numpy as np

    w = np.array([max(0.0, float(shares.get(c, 0.0))) for c in vp.criterion_ids])
    if w.sum() <= 0:
        return []
    w = w / w.sum()
    share = dict(zip(vp.criterion_ids, w, strict=True))
    return [(vp.source[k], breach(vp.statements[vp.source[k]], share)) for k in vp.polytope.violated_by(w)]


def _conflict_findings(vp: ViewPolytope, kernel: Sequence[int], smallest: bool, path: Path) -> list[Finding]:
    ids = vp.file_indices(kernel)
    if len(ids) == 1:
        s = ids[0]
        return [
            (
                (*path, "statements", s),
                f"statement {s} admits no weights on its own ({describe(vp.statements[s])})",
            )
        ]
    listed = "; ".join(f"{s}: {describe(vp.statements[s])}" for s in ids)
    kind = "the smallest" if smallest else "an irreducible (not proven smallest)"
    return [
        (
            (*path, "statements", s),
            f"statements {', '.join(map(str, ids))} admit no weights together "
            f"({kind} conflicting set: {listed})",
        )
        for s in ids
    ]


def breach(statement: Statement, share: Mapping[str, float]) -> str:
    """How normalised weights `share` (id -> share) break `statement`, in words."""
    if isinstance(statement, OrderStatement):
        return _order_breach(order_groups(statement.order), share)
    if isinstance(statement, IntervalStatement):
        b = statement.interval
        return _range_breach(f"{b.criterion}'s share", share.get(b.criterion, 0.0), b.min, b.max, _pct)
    if isinstance(statement, RatioStatement):
        r = statement.ratio
        top, bottom = share.get(r.criterion, 0.0), share.get(r.to, 0.0)
        if bottom <= 0:
            bound = _between(r.min, r.max, _times)
            return f"{r.to} has no weight, so {r.criterion} / {r.to} is not {bound}"
        return _range_breach(f"{r.criterion} / {r.to}", top / bottom, r.min, r.max, _times)
    e = statement.exact
    got = share.get(e.criterion, 0.0)
    return f"{e.criterion}'s share is {_pct(got)}, not {_pct(e.weight)} (off by {_pct(abs(got - e.weight))})"


def _range_breach(
    what: str, got: float, lo: float | None, hi: float | None, fmt: Callable[[float], str]
) -> str:
    if lo is not None and got < lo:
        return f"{what} is {fmt(got)}, below the min {fmt(lo)} by {fmt(lo - got)}"
    assert hi is not None
    return f"{what} is {fmt(got)}, above the max {fmt(hi)} by {fmt(got - hi)}"


def _order_breach(groups: list[list[str]], share: Mapping[str, float]) -> str:
    """The worst breach of an order: a later criterion above an earlier, or a tie split."""
    worst, said = 0.0, ""
    for g in groups:
        for c in g[1:]:
            gap = abs(share.get(c, 0.0) - share.get(g[0], 0.0))
            if gap > worst:
                worst, said = gap, f"{c} and {g[0]} are tied but differ"
    for g, nxt in zip(groups, groups[1:], strict=False):
        for later in nxt:
            for earlier in g:
                gap = share.get(later, 0.0) - share.get(earlier, 0.0)
                if gap > worst:
                    worst, said = (
                        gap,
                        f"{later} ({_pct(share.get(later, 0.0))}) weighs more than "
                        f"{earlier} ({_pct(share.get(earlier, 0.0))})",
                    )
    return f"{said}, by {_pct(worst)} of the weight"
