"""Lints of score cells: their basis, their sources, their ranges, and what a
scenario does with the baseline's cells.

A *table* is one block of cells as written in the file (the case's scores, a
scenario's, an assessor's); a *view* lays tables over each other as the
scoring does (see `assess.core.view.effective_scores`), each cell keeping the
path it was written at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from assess.core.basis import repeats
from assess.core.lint.rules import Lint, Path
from assess.core.view import effective_scores, view_criterion_ids
from assess.model import Case, Criterion, Estimate, Score

Located = dict[tuple[str, str], tuple[Path, Score]]
"""(option, criterion) -> (the path the cell is written at, the cell)."""

MIN_RANGED = 6
"""Fewer ranged cells than this say nothing about a convention."""
UNIFORM_SHARE = 2 / 3
"""The share of a table's ranges of one width from which it is a convention."""


def dotted(path: Path) -> str:
    return ".".join(str(p) for p in path)


def passage_key(estimate: Estimate) -> tuple[str, str] | None:
    """A cited passage, compared without case or spacing."""
    src = estimate.source
    return None if src is None else (src.document, " ".join(src.passage.split()).casefold())


def tables(case: Case) -> Iterator[tuple[Path, dict[str, dict[str, Score]]]]:
    """Every block of score cells in the file, with its path."""
    yield ("scores",), case.scores
    for sid, scenario in case.scenarios.items():
        yield ("scenarios", sid, "scores"), scenario.scores
    for aid, person in case.assessors.items():
        yield ("assessors", aid, "scores"), person.scores
        for sid, own in person.scenarios.items():
            yield ("assessors", aid, "scenarios", sid, "scores"), own.scores


def assessor_ids(case: Case) -> list[str | None]:
    """Whose views to lint: each assessor's, or (no assessors) the case's own."""
    return [*case.assessors] or [None]


def view_cells(case: Case, scenario: str | None, assessor: str | None) -> Located:
    """The cells of a view that are written in the file, with their paths, on
    the view's criteria."""
    layers: list[tuple[Path, dict[str, dict[str, Score]]]] = [(("scores",), case.scores)]
    if assessor is not None:
        layers.append((("assessors", assessor, "scores"), case.assessors[assessor].scores))
    if scenario is not None:
        layers.append((("scenarios", scenario, "scores"), case.scenarios[scenario].scores))
        if assessor is not None and scenario in case.assessors[assessor].scenarios:
            own = case.assessors[assessor].scenarios[scenario].scores
            layers.append((("assessors", assessor, "scenarios", scenario, "scores"), own))
    active = set(view_criterion_ids(case, scenario))
    out: Located = {}
    for path, table in layers:
        for opt, row in table.items():
            for cid, cell in row.items():
                if cid in active:
                    out[(opt, cid)] = ((*path, opt, cid), cell)
    return out


def basis_lints(case: Case, known: dict[str, Criterion]) -> Iterator[Lint]:
    """no-basis on every score and cost; definition-as-evidence on scores."""
    for path, table in tables(case):
        for opt, row in table.items():
            for cid, cell in row.items():
                at = (*path, opt, cid)
                if cell.basis is None:
                    yield Lint("no-basis", at, f"{opt} on {cid}: the score does not say its basis")
                elif cell.basis == "evidence" and _cites_definition(cell, known.get(cid)):
                    yield Lint(
                        "definition-as-evidence",
                        (*at, "basis"),
                        f"{opt} on {cid}: the only source is the passage that defines {cid}, "
                        "which says nothing of the option; the basis is judgement",
                    )
    costs = [(("costs",), case.costs)] + [
        (("scenarios", s, "costs"), sc.costs) for s, sc in case.scenarios.items()
    ]
    for path, cost_table in costs:
        for opt, cost_row in cost_table.items():
            for rid, cost in cost_row.items():
                if cost.basis is None:
                    yield Lint("no-basis", (*path, opt, rid), f"{opt}'s cost in {rid} does not say its basis")


def _cites_definition(cell: Score, criterion: Criterion | None) -> bool:
    if criterion is None or criterion.source is None or cell.source is None:
        return False
    src = criterion.source
    return passage_key(cell) == (src.document, " ".join(src.passage.split()).casefold())


def double_count(case: Case, scenario: str | None, assessor: str | None) -> Iterator[Lint]:
    """One passage cited for one option under two criteria of one view. In a
    scenario, only where one of the cells is the scenario's own (the baseline's
    overlaps are the baseline's lints)."""
    cited: dict[tuple[str, tuple[str, str]], list[tuple[str, Path]]] = {}
    for (opt, cid), (path, cell) in view_cells(case, scenario, assessor).items():
        key = passage_key(cell)
        if key is not None:
            cited.setdefault((opt, key), []).append((cid, path))
    view = case.baseline if scenario is None else scenario
    for (opt, (_, passage)), uses in cited.items():
        if len(uses) < 2 or (scenario is not None and not any(_in_scenario(p) for _, p in uses)):
            continue
        uses.sort(key=lambda u: dotted(u[1]))
        names = " and ".join(cid for cid, _ in uses)
        quote = passage if len(passage) <= 60 else passage[:57] + "..."
        yield Lint(
            "double-count",
            (*uses[-1][1], "source"),
            f'{opt} cites the same passage under {names} in {view} ("{quote}"): '
            f"likely one fact counted twice; cells {', '.join(dotted(p) for _, p in uses)}",
        )


def _in_scenario(path: Path) -> bool:
    """A cell written in a scenario: the case's, or an assessor's own view of it."""
    return path[0] == "scenarios" or path[2:3] == ("scenarios",)


def _widths(cell: Score, criterion: Criterion) -> tuple[float | None, float | None]:
    """The distance below and above the value, None for a side cut by the scale's end."""
    lo, hi = cell.range
    down = None if lo == criterion.scale.min else cell.value - lo
    up = None if hi == criterion.scale.max else hi - cell.value
    return down, up


def uniform_ranges(
    path: Path, table: dict[str, dict[str, Score]], known: dict[str, Criterion]
) -> Iterator[Lint]:
    """Ranges of one width across a table (a convention, not an estimate):
    a cell counts for width d when each side not cut by the scale's end is d."""
    widths = []
    for row in table.values():
        for cid, cell in row.items():
            if cid in known and cell.range != (cell.value, cell.value):
                widths.append({w for w in _widths(cell, known[cid]) if w is not None})
    counts = Counter(next(iter(w)) for w in widths if len(w) == 1)
    if len(widths) < MIN_RANGED or not counts:
        return
    width, n = counts.most_common(1)[0]
    if n >= UNIFORM_SHARE * len(widths):
        yield Lint(
            "uniform-ranges",
            path,
            f"{n} of {len(widths)} ranges in {dotted(path)} are the score +/-{width:g}: "
            "a convention rather than each score's own uncertainty",
        )


def no_ranges(path: Path, table: dict[str, dict[str, Score]]) -> Iterator[Lint]:
    cells = [cell for row in table.values() for cell in row.values()]
    if len(cells) >= MIN_RANGED and all(c.range == (c.value, c.value) for c in cells):
        yield Lint("no-ranges", path, f"none of the {len(cells)} scores in {dotted(path)} has a range")


def scenario_lints(case: Case, sid: str, known: dict[str, Criterion]) -> Iterator[Lint]:
    """repeats-baseline, silent-carry and no-driver-change of one scenario:
    of each assessor's own view of it where they have one, else of the case's."""
    whose: list[str | None] = [a for a, p in case.assessors.items() if sid in p.scenarios]
    for who in whose or [None]:
        base = effective_scores(case, None, who)
        own = _scenario_table(case, sid, who)
        for opt, row in own.items():
            for cid, (path, cell) in row.items():
                old = base.get(opt, {}).get(cid)
                if old is not None and cell.basis != "carried" and repeats(cell, old):
                    yield Lint(
                        "repeats-baseline",
                        path,
                        f"{opt} on {cid} in {sid} repeats the baseline cell word for word "
                        f"but says basis {cell.basis or 'nothing'}: mark it carried or re-assess it",
                    )
        yield from _silent_carry(case, sid, who, own)
        yield from _no_driver_change(case, sid, known, base, who, own)


def _scenario_table(case: Case, sid: str, who: str | None) -> dict[str, dict[str, tuple[Path, Score]]]:
    """The cells a scenario writes in one assessor's view (None: the case's), with their paths."""
    out: dict[str, dict[str, tuple[Path, Score]]] = {}
    layers: list[tuple[Path, dict[str, dict[str, Score]]]] = [
        (("scenarios", sid, "scores"), case.scenarios[sid].scores)
    ]
    if who is not None:
        layers.append(
            (("assessors", who, "scenarios", sid, "scores"), case.assessors[who].scenarios[sid].scores)
        )
    for path, table in layers:
        for opt, row in table.items():
            for cid, cell in row.items():
                out.setdefault(opt, {})[cid] = ((*path, opt, cid), cell)
    return out


def _scenario_path(sid: str, who: str | None) -> Path:
    return ("scenarios", sid) if who is None else ("assessors", who, "scenarios", sid)


def _silent_carry(
    case: Case, sid: str, who: str | None, own: dict[str, dict[str, tuple[Path, Score]]]
) -> Iterator[Lint]:
    for cid in view_criterion_ids(case, sid):
        left = [o.id for o in case.options if cid not in own.get(o.id, {})]
        if left:
            yield Lint(
                "silent-carry",
                _scenario_path(sid, who),
                f"{sid} keeps {cid} but neither re-scores nor marks carried the baseline's cells of "
                f"{', '.join(left)}" + (f" ({who}'s view)" if who else ""),
            )


def _no_driver_change(
    case: Case,
    sid: str,
    known: dict[str, Criterion],
    base: dict[str, dict[str, Score]],
    who: str | None,
    own: dict[str, dict[str, tuple[Path, Score]]],
) -> Iterator[Lint]:
    scenario = case.scenarios[sid]
    drivers = [c for c in view_criterion_ids(case, sid) if c in known and known[c].family == "driver"]
    moved = [
        c
        for c in (*scenario.criteria.add, *scenario.criteria.remove)
        if c in known and known[c].family == "driver"
    ]
    if not drivers or moved:
        return
    cells = [(o.id, c) for o in case.options for c in drivers]
    changed = carried = 0
    for opt, cid in cells:
        found = own.get(opt, {}).get(cid)
        old = base.get(opt, {}).get(cid)
        if found is None:
            continue
        cell = found[1]
        carried += cell.basis == "carried"
        changed += old is None or (cell.value, cell.range) != (old.value, old.range)
    if not changed and carried < len(cells):
        yield Lint(
            "no-driver-change",
            _scenario_path(sid, who),
            f"{sid} changes no driver score ({', '.join(drivers)}): a partial re-assessment; "
            "re-score the drivers or mark their cells carried",
        )
