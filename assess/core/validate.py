"""Checks of a parsed case or catalogue that need more than one field.

`check_case` finds what the field types alone cannot: duplicate or unknown ids
(options, criteria, overrides, documents a source cites), scores outside their
criterion's scale or range, weights missing, negative, all zero or not
derivable, views with no criterion in use, and cells a view needs but lacks;
`check_catalogue` finds duplicate criterion ids and unknown documents. The ids
of costs, budgets, rules, the reference and weight statements are checked by
`assess.model.references.check_references`, which `check_case` calls. Each
finding is (YAML path, message); `assess.files.casefile` turns paths into file
positions. `case_warnings` returns what is worth saying but stops nothing:
weights whose elicitation warns (AHP judgements with a consistency ratio above
the threshold, Saaty 1980), a team rule that cannot apply. Nothing here reads
files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from assess.core.view import available_criteria, view_criterion_ids
from assess.errors import did_you_mean
from assess.model import Case, Catalogue, Criterion, Score, Weights
from assess.model.references import check_references

Finding = tuple[tuple[str | int, ...], str]


def check_catalogue(catalogue: Catalogue) -> list[Finding]:
    seen: dict[str, int] = {}
    found: list[Finding] = []
    for i, criterion in enumerate(catalogue.criteria):
        if criterion.id in seen:
            found.append((("criteria", i, "id"), f"duplicate criterion id '{criterion.id}'"))
        seen[criterion.id] = i
        found += _check_source_doc(criterion.source, catalogue.documents, ("criteria", i))
    return found


def check_case(case: Case, catalogue: Catalogue | None) -> list[Finding]:
    """Every problem of a case that the field types alone cannot catch."""
    known = available_criteria(case, catalogue)
    return [
        *_check_ids(case, catalogue, known),
        *_check_scores(case, known, ("scores",), case.scores),
        *_check_weights(
            case.weights, known, case.criteria.use, ("weights",), view=view_criterion_ids(case, None)
        ),
        *_check_views(case, known),
        *_check_assessors(case, known),
        *_check_sources(case, catalogue),
        *check_references(case, known),
    ]


def case_warnings(case: Case, catalogue: Catalogue | None) -> list[Finding]:
    """Warnings about a case that `check_case` passed (weights it could not
    derive are skipped here: they are errors there)."""
    from assess.core.team import combined_breaches, geometric_fallback, team_weights

    found: list[Finding] = []
    blocks: list[tuple[tuple[str | int, ...], Weights | None]] = [(("weights",), case.weights)]
    blocks += [(("scenarios", s, "weights"), sc.weights) for s, sc in case.scenarios.items()]
    blocks += [(("assessors", a, "weights"), person.weights) for a, person in case.assessors.items()]
    for path, spec in blocks:
        found += _weight_warnings(spec, path, "")
    if case.assessors and case.weights is None:  # the team's weights combine the assessors'
        fallback = geometric_fallback(case)
        found += [(("team", "weights"), fallback)] if fallback else []
        if not fallback:  # geometric mean of AHP judgements, or mean/median of shares
            combined = team_weights(case, case.criteria.use)
            found += _weight_warnings(combined, ("team", "weights"), "the team's combined judgements: ")
            if combined is not None:  # the median or the geometric mean can break a kept statement
                found += [(("team", "weights"), m) for m in combined_breaches(combined, case.criteria.use)]
    return found


def _weight_warnings(spec: Weights | None, path: tuple[str | int, ...], prefix: str) -> list[Finding]:
    from assess.core.statements import spec_weights
    from assess.kernels.weighting import WeightingError
    from assess.model.weights import INPUT_FIELD

    if spec is None:
        return []
    try:
        result = spec_weights(spec)
    except WeightingError:
        return []
    at = path if path[0] == "team" else (*path, INPUT_FIELD[spec.method])
    return [(at, prefix + warning) for warning in result.warnings]


def _unknown(kind: str, word: str, choices: Iterable[str]) -> str:
    return f"unknown {kind} '{word}'{did_you_mean(word, set(choices))}"


def _duplicates(ids: list[str], path: tuple[str | int, ...], kind: str) -> Iterator[Finding]:
    counts = Counter(ids)
    for i, item in enumerate(ids):
        if counts[item] > 1 and ids.index(item) != i:
            yield (*path, i), f"duplicate {kind} '{item}'"


def _check_ids(case: Case, catalogue: Catalogue | None, known: dict[str, Criterion]) -> Iterator[Finding]:
    cat_ids = {c.id for c in catalogue.criteria} if catalogue else set()
    yield from _duplicates([o.id for o in case.options], ("options",), "option id")
    yield from _duplicates(case.criteria.use, ("criteria", "use"), "criterion")
    for i, local in enumerate(case.criteria.local):
        if local.id in cat_ids:
            yield (
                ("criteria", "local", i, "id"),
                (f"local criterion '{local.id}' repeats a catalogue id; change it under 'overrides'"),
            )
    for key in case.criteria.overrides:
        if key not in cat_ids:
            yield ("criteria", "overrides", key), _unknown("catalogue criterion", key, cat_ids)
    lists: list[tuple[tuple[str | int, ...], list[str]]] = [
        (("criteria", "use"), case.criteria.use),
        (("criteria", "off"), case.criteria.off),
    ]
    for sid, scenario in case.scenarios.items():
        lists.append((("scenarios", sid, "criteria", "add"), scenario.criteria.add))
        lists.append((("scenarios", sid, "criteria", "remove"), scenario.criteria.remove))
    for path, ids in lists:
        for i, cid in enumerate(ids):
            if cid not in known:
                hint = "" if catalogue or cat_ids else " (no catalogue is given)"
                yield (*path, i), _unknown("criterion", cid, known) + hint
    if case.baseline in case.scenarios:
        yield ("baseline",), f"the baseline's name '{case.baseline}' is also a scenario id"


def _check_cell(cell: Score, criterion: Criterion, path: tuple[str | int, ...]) -> Iterator[Finding]:
    scale = criterion.scale
    for field, x in (("value", cell.value), ("low", cell.low), ("high", cell.high)):
        if x is not None and not scale.contains(x):
            yield (
                (*path, field),
                (f"{field} {x:g} is outside the scale of '{criterion.id}' ({scale.min:g}..{scale.max:g})"),
            )
    lo, hi = cell.range
    if not lo <= cell.value <= hi:
        side = "low" if lo > cell.value else "high"
        yield (*path, side), f"the range {lo:g}..{hi:g} must contain the value {cell.value:g}"


def _check_scores(
    case: Case, known: dict[str, Criterion], path: tuple[str | int, ...], table: dict[str, dict[str, Score]]
) -> Iterator[Finding]:
    options = {o.id for o in case.options}
    for opt, row in table.items():
        if opt not in options:
            yield (*path, opt), _unknown("option", opt, options)
            continue
        for cid, cell in row.items():
            if cid not in known:
                yield (*path, opt, cid), _unknown("criterion", cid, known)
            else:
                yield from _check_cell(cell, known[cid], (*path, opt, cid))


def _weight_inputs(spec: Weights) -> Iterator[tuple[tuple[str | int, ...], str, float | None]]:
    for name in ("points", "swing"):
        for cid, x in (getattr(spec, name) or {}).items():
            yield (name, cid), cid, x
    for g, group in enumerate(spec.ranking or []):
        for k, cid in enumerate(group):
            yield ("ranking", g, k), cid, None
    for k, judgement in enumerate(spec.pairwise or []):
        yield ("pairwise", k, "a"), judgement.a, None
        yield ("pairwise", k, "b"), judgement.b, None


def _check_weights(
    spec: Weights | None,
    known: dict[str, Criterion],
    active: list[str],
    path: tuple[str | int, ...],
    *,
    own: bool = True,
    view: list[str] | None = None,
) -> Iterator[Finding]:
    """Problems of a weights block over the `active` criteria; `own`: `path` is
    the block itself (not a scenario inheriting it), where its statements are
    checked, over the `view`'s criteria (default `active`; the shares they
    bound leave out criteria switched off)."""
    if spec is None:
        return
    named: set[str] = set()
    for sub, cid, x in _weight_inputs(spec):
        named.add(cid)
        if cid not in known:
            yield (*path, *sub), _unknown("criterion", cid, known)
        elif x is not None and x < 0:
            yield (*path, *sub), f"weight of '{cid}' is negative ({x:g})"
    in_use = [c for c in active if c in known]
    checked = [c for c in (active if view is None else view) if c in known]
    if spec.method == "statements":  # no point weights: the statements bound them
        yield from _statement_checks(spec, path, checked) if own else ()
        return
    missing = [c for c in in_use if c not in named]
    if missing:
        yield path, f"no weight for {', '.join(repr(c) for c in missing)}"
        return
    from assess.kernels.weighting import WeightingError, derive_weights

    try:
        weights = derive_weights(spec.method, spec.inputs()).weights
    except WeightingError as err:
        yield path, str(err)
        return
    if active and sum(weights.get(c, 0.0) for c in active) <= 0:
        yield path, "the weights of the criteria in use are all zero"
        return
    if own:
        yield from _statement_checks(spec, path, checked)


def _statement_checks(
    spec: Weights, path: tuple[str | int, ...], criteria: list[str], prefix: str = ""
) -> Iterator[Finding]:
    """The statements' findings over `criteria` (`assess.core.statements`), beside
    the block's point weights if it has any (weights that do not derive are
    reported by `_check_weights`)."""
    from assess.core.statements import statement_findings
    from assess.kernels.weighting import WeightingError, derive_weights

    shares = None
    if spec.method != "statements":
        try:
            shares = derive_weights(spec.method, spec.inputs()).weights
        except WeightingError:
            return
    for at, message in statement_findings(spec, path, criteria, shares):
        yield at, prefix + message


def _check_views(case: Case, known: dict[str, Criterion]) -> Iterator[Finding]:
    if not view_criterion_ids(case, None):
        where: tuple[str, ...] = ("criteria", "off") if case.criteria.use else ("criteria", "use")
        yield where, "the baseline has no criterion in use: an option cannot be ranked on nothing"
    yield from _missing_cells(case, None, known, ("scores",))
    for sid, scenario in case.scenarios.items():
        base = ("scenarios", sid)
        if not view_criterion_ids(case, sid):
            where = (*base, "criteria", "remove") if scenario.criteria.remove else (*base, "criteria")
            yield where, f"scenario '{sid}' leaves no criterion in use"
        yield from _check_scores(case, known, (*base, "scores"), scenario.scores)
        active = view_criterion_ids(case, sid)
        if scenario.weights is not None:
            yield from _check_weights(scenario.weights, known, active, (*base, "weights"))
        else:
            new = [c for c in active if c not in case.criteria.use]
            if case.weights is not None and new:
                yield from _check_weights(case.weights, known, active, (*base, "criteria"), own=False)
            if case.weights is not None and set(active) != set(view_criterion_ids(case, None)):
                checked = [c for c in active if c in known]
                said = f"in scenario '{sid}', whose criteria differ: "
                yield from _statement_checks(case.weights, ("weights",), checked, said)
        yield from _missing_cells(case, sid, known, (*base, "scores"))


def _check_assessors(case: Case, known: dict[str, Criterion]) -> Iterator[Finding]:
    for aid, assessor in case.assessors.items():
        base = ("assessors", aid)
        yield from _check_scores(case, known, (*base, "scores"), assessor.scores)
        yield from _check_weights(
            assessor.weights,
            known,
            case.criteria.use,
            (*base, "weights"),
            view=view_criterion_ids(case, None),
        )
        for sid, own in assessor.scenarios.items():
            where = (*base, "scenarios", sid)
            if sid not in case.scenarios:
                yield where, _unknown("scenario", sid, case.scenarios)
                continue
            yield from _check_scores(case, known, (*where, "scores"), own.scores)
            active = view_criterion_ids(case, sid)
            yield from _check_weights(own.weights, known, active, (*where, "weights"))


def _missing_cells(
    case: Case, scenario: str | None, known: dict[str, Criterion], path: tuple[str | int, ...]
) -> Iterator[Finding]:
    from assess.core.view import effective_scores

    table = effective_scores(case, scenario)
    for option in case.options:
        row = table.get(option.id, {})
        missing = [c for c in view_criterion_ids(case, scenario) if c in known and c not in row]
        if missing:
            where = "the baseline" if scenario is None else f"scenario '{scenario}'"
            yield (
                (*path, option.id),
                (f"option '{option.id}' has no score on {', '.join(missing)} in {where}"),
            )


def _check_source_doc(
    source: object, documents: Mapping[str, object], path: tuple[str | int, ...]
) -> Iterator[Finding]:
    doc = getattr(source, "document", None)
    if doc is not None and doc not in documents:
        yield (*path, "source", "document"), _unknown("document", doc, documents)


def _check_sources(case: Case, catalogue: Catalogue | None) -> Iterator[Finding]:
    documents = {**(catalogue.documents if catalogue else {}), **case.documents}
    for i, option in enumerate(case.options):
        yield from _check_source_doc(option.source, documents, ("options", i))
    tables: list[tuple[tuple[str, ...], dict[str, dict[str, Score]]]] = [(("scores",), case.scores)]
    tables += [(("scenarios", s, "scores"), sc.scores) for s, sc in case.scenarios.items()]
    tables += [(("assessors", a, "scores"), person.scores) for a, person in case.assessors.items()]
    tables += [
        (("assessors", a, "scenarios", s, "scores"), own.scores)
        for a, person in case.assessors.items()
        for s, own in person.scenarios.items()
    ]
    for path, table in tables:
        for opt, row in table.items():
            for cid, cell in row.items():
                yield from _check_source_doc(cell.source, documents, (*path, opt, cid))
