"""Lints of what frames the scores: sources, the reference option, scales,
weights, assessors and vetoes."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from assess.core.lint.cells import assessor_ids, view_cells
from assess.core.lint.rules import Lint, Path
from assess.core.view import derived_weights, effective_scores, raw_weights, view_criterion_ids
from assess.model import Case, Catalogue, Criterion, Document, Weights

MAX_LEVELS = 10
"""Scales with more whole-number levels than this (0..100) are not expected to label each."""
COPY_SHARE = 0.9
"""Two assessors agreeing on this share of the cells they both scored are copies."""
MIN_SHARED = 10


def documents(docs: dict[str, Document], in_catalogue: bool) -> Iterator[Lint]:
    for name, doc in docs.items():
        if not doc.reliability.strip():
            yield Lint(
                "unreliable-source",
                ("documents", name),
                f"document {name} has no reliability note: "
                "what kind of source is it, and how far can it be trusted?",
                in_catalogue,
            )


def reference(case: Case) -> Iterator[Lint]:
    if case.reference is None:
        yield Lint(
            "no-reference",
            ("options",),
            "no reference option: nothing says whether any of the "
            f"{len(case.options)} options is better than doing nothing",
        )


def scale_levels(criterion: Criterion, path: Path, in_catalogue: bool) -> Iterator[Lint]:
    scale = criterion.scale
    whole = range(math.ceil(scale.min), math.floor(scale.max) + 1)
    if len(whole) > MAX_LEVELS + 1:
        return
    missing = [k for k in whole if k not in scale.levels]
    if missing:
        yield Lint(
            "scale-levels",
            path,
            f"the scale of {criterion.id} does not describe level{'s' if len(missing) > 1 else ''} "
            f"{', '.join(map(str, missing))}",
            in_catalogue,
        )


def case_scales(case: Case, catalogue: Catalogue | None, known: dict[str, Criterion]) -> Iterator[Lint]:
    """The scales of the criteria the case uses, where each is written."""
    used = {c for sid in (None, *case.scenarios) for c in view_criterion_ids(case, sid)}
    local = {c.id: i for i, c in enumerate(case.criteria.local)}
    listed = {c.id: i for i, c in enumerate(catalogue.criteria)} if catalogue else {}
    placed: list[tuple[Criterion, Path, bool]] = []
    for cid in sorted(used & set(known), key=list(known).index):
        override = case.criteria.overrides.get(cid)
        if cid in local:
            placed.append((known[cid], ("criteria", "local", local[cid], "scale"), False))
        elif override is not None and override.scale is not None:
            placed.append((known[cid], ("criteria", "overrides", cid, "scale"), False))
        elif cid in listed:
            placed.append((known[cid], ("criteria", listed[cid], "scale"), True))
    yield from scales(placed)


def scales(placed: Sequence[tuple[Criterion, Path, bool]]) -> Iterator[Lint]:
    """scale-levels of each scale, and generic-levels of those worded like an earlier one."""
    first: dict[tuple[tuple[int, str], ...], str] = {}
    for criterion, path, in_catalogue in placed:
        yield from scale_levels(criterion, path, in_catalogue)
        words = tuple(sorted((k, " ".join(v.split()).casefold()) for k, v in criterion.scale.levels.items()))
        if len(words) < 2:
            continue
        if words in first:
            yield Lint(
                "generic-levels",
                (*path, "levels"),
                f"the levels of {criterion.id} are worded as those of {first[words]}: "
                "they say nothing of what either criterion measures",
                in_catalogue,
            )
        first.setdefault(words, criterion.id)


def weight_blocks(case: Case) -> Iterator[tuple[Path, Weights, str | None]]:
    """Every weights block of the file: its path, the block, its scenario."""
    if case.weights is not None:
        yield ("weights",), case.weights, None
    for sid, scenario in case.scenarios.items():
        if scenario.weights is not None:
            yield ("scenarios", sid, "weights"), scenario.weights, sid
    for aid, person in case.assessors.items():
        if person.weights is not None:
            yield ("assessors", aid, "weights"), person.weights, None


def weights(case: Case, known: dict[str, Criterion]) -> Iterator[Lint]:
    """no-elicitation and illustrative-unmarked."""
    if case.weights is None and not any(a.weights for a in case.assessors.values()):
        yield Lint(
            "no-elicitation",
            ("criteria", "use"),
            "no weights: the views use the catalogue's default weights, which nobody elicited for this case",
        )
    for path, spec, sid in weight_blocks(case):
        if not spec.elicitation.strip():
            yield Lint(
                "no-elicitation",
                path,
                f"the weights at {'.'.join(map(str, path))} say nothing of how they were elicited",
            )
        if not spec.illustrative and _are_defaults(
            spec, [known[c] for c in view_criterion_ids(case, sid) if c in known]
        ):
            yield Lint(
                "illustrative-unmarked",
                (*path, "illustrative"),
                "these weights are the catalogue's defaults, an example rather than an elicitation: "
                "mark them illustrative: true",
            )


def _are_defaults(spec: Weights, criteria: list[Criterion]) -> bool:
    from assess.kernels.weighting import WeightingError

    try:
        given = raw_weights(derived_weights(spec, [c.id for c in criteria]), criteria)
    except WeightingError:
        return False
    default = raw_weights(None, criteria)
    a, b = ([w[c.id] for c in criteria] for w in (given, default))
    sa, sb = sum(a), sum(b)
    if not (sa > 0 and sb > 0):
        return False
    # numpy.allclose(a / sa, b / sb, atol=1e-6) in plain Python: check imports no NumPy
    return all(abs(x / sa - y / sb) <= 1e-6 + 1e-5 * abs(y / sb) for x, y in zip(a, b, strict=True))


def copied_assessors(case: Case) -> Iterator[Lint]:
    ids = list(case.assessors)
    for k, b in enumerate(ids):
        for a in ids[:k]:
            sa, sb = case.assessors[a].scores, case.assessors[b].scores
            shared = [(o, c) for o, row in sb.items() for c in row if c in sa.get(o, {})]
            same = sum(sa[o][c].value == sb[o][c].value for o, c in shared)
            if len(shared) >= MIN_SHARED and same >= COPY_SHARE * len(shared):
                yield Lint(
                    "copied-assessor",
                    ("assessors", b),
                    f"{b} gives the same value as {a} in {same} of the {len(shared)} cells both scored: "
                    "not an independent judgement",
                )


def _compared(criterion: Criterion, value: float, low: float, high: float) -> float:
    """What a veto compares with its threshold (the assessor's own score for any_assessor)."""
    assert criterion.veto is not None
    if criterion.veto.applies_to == "high":
        return high if criterion.direction == "cost" else low
    return value


def veto_lines(case: Case, known: dict[str, Criterion]) -> Iterator[Lint]:
    """on-veto-line in every view, each cell once."""
    seen: set[Path] = set()
    for who in assessor_ids(case):
        for sid in (None, *case.scenarios):
            for (opt, cid), (path, cell) in view_cells(case, sid, who).items():
                criterion = known.get(cid)
                if criterion is None or criterion.veto is None or path in seen:
                    continue
                seen.add(path)
                x = _compared(criterion, cell.value, *cell.range)
                if x == criterion.veto.threshold:
                    what = (
                        "the unfavourable end of its range"
                        if criterion.veto.applies_to == "high"
                        else "the score"
                    )
                    yield Lint(
                        "on-veto-line",
                        path,
                        f"{opt} on {cid}: {what} is {x:g}, exactly the veto line: "
                        "the option is kept, by a hair",
                    )


def team_veto_split(case: Case, known: dict[str, Criterion]) -> Iterator[Lint]:
    """A veto on the team's value that the assessors' own scores contradict."""
    if not case.assessors:
        return
    table = effective_scores(case, None)
    for cid in view_criterion_ids(case, None):
        criterion = known.get(cid)
        # a team's range spans its assessors' ranges, so 'high' already heeds each of them
        if criterion is None or criterion.veto is None or criterion.veto.applies_to != "value":
            continue
        for opt, row in table.items():
            if cid not in row:
                continue
            own = {a: p.scores[opt][cid] for a, p in case.assessors.items() if cid in p.scores.get(opt, {})}
            beyond = [a for a, s in own.items() if criterion.vetoes(_compared(criterion, s.value, *s.range))]
            team = row[cid]
            out = criterion.vetoes(_compared(criterion, team.value, *team.range))
            if (out and len(beyond) * 2 < len(own)) or (not out and beyond):
                first = next(iter(own))
                said = "excluded on the team's value though" if out else "kept on the team's value though"
                yield Lint(
                    "team-veto-split",
                    ("assessors", first, "scores", opt, cid),
                    f"{opt} is {said} {len(beyond)} of {len(own)} assessors "
                    f"({', '.join(beyond) or 'none'}) are beyond the {cid} veto line: "
                    "say whether one assessor's objection is enough (applies_to: any_assessor)",
                )
