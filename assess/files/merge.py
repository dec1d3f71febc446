"""Merging several assessors' case files into one team case.

Each input is a full case file written by one assessor for the same options
and criteria (usually a copy of one template case, re-scored). The merged
case is the first file's (title, documents, criteria, options, scenarios,
resources, budget, costs, rules, reference: a note says when another file's
differ) with each file's baseline `scores` under `assessors.<id>` and its
scores of each scenario under `assessors.<id>.scenarios.<scenario>`; the
top-level `scores`, and the scenarios' own, are left empty (no agreed values
yet) and the team aggregates cells by their mean. Each assessor keeps what their file says of
them: the name and role of its byline (`assessor:`), and its description
when the files' differ (the team case's description then names the team).

Weights never depend on the order of the files. When every file gives the
same weights, they are the team's agreed `weights`. When they differ, the
merged case has no agreed weights: each assessor keeps their own under
`assessors.<id>.weights` (a file without weights: its criteria's default
weights, written out), and the team's weights are their combination by the
team rule `team.weights` (mean, median or geometric; see `assess.core.team`). A
scenario whose weights differ between the files gets their combination by
the same rule, and each assessor keeps their own under
`assessors.<id>.scenarios.<scenario>.weights`. `Merged.weights`
says which was done, in sentences for the output.

Pure: the caller loads the files (`load_case`) and writes the result. Paths
in the case (catalogue, documents) are relative to a file, so they are
rebased from each input's folder to the output's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from assess.core.view import available_criteria, view_criterion_ids
from assess.errors import Problem, did_you_mean
from assess.files.casefile import LoadedCase
from assess.model import Assessor, AssessorScenario, Case, Document, Scenario, Team, Weights

RULES = ("mean", "median", "geometric")
"""Team rules for combining weights (`Team.weights`)."""


@dataclass(frozen=True)
class Contribution:
    """One input of a merge: a loaded case file and whose scores it holds."""

    loaded: LoadedCase
    assessor: str
    """The assessor's id in the merged case."""
    name: str

    @property
    def file(self) -> str:
        return str(self.loaded.path)


@dataclass(frozen=True)
class Merged:
    """The merged case and what the user should know about it."""

    case: Case
    notes: tuple[str, ...] = ()
    """Things merged in a way worth saying (scenarios taken from the first file only)."""
    weights: tuple[str, ...] = ()
    """How the team's weights were decided: the baseline's, then each scenario
    whose weights differ between the files."""


def _quoted(ids: list[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def _id_problems(
    c: Contribution, kind: str, path: tuple[str | int, ...], ids: list[str], reference: list[str], first: str
) -> list[Problem]:
    """Ids of `c` (found at `path`, item by item) not in `reference`, and the
    reference's ids missing from `c`."""
    missing = [i for i in reference if i not in ids]
    problems = []
    for k, item in enumerate(ids):
        if item not in reference:
            where = (*path, k, "id") if kind == "option" else (*path, k)
            hint = did_you_mean(item, missing) or did_you_mean(item, reference)
            problems.append(c.loaded.doc.problem(where, f"{kind} '{item}' is not in {first}{hint}"))
    if missing:
        what = f"{kind}s" if len(missing) > 1 else kind
        msg = f"missing {what} {_quoted(missing)} that {first} has"
        problems.append(c.loaded.doc.problem(path, msg))
    return problems


def _definition_problems(c: Contribution, first: Contribution) -> list[Problem]:
    """Criteria in use that both files name but define differently (scale,
    direction, ...): their scores could not be combined."""
    mine = available_criteria(c.loaded.case, c.loaded.catalogue_model)
    theirs = available_criteria(first.loaded.case, first.loaded.catalogue_model)
    problems = []
    for k, cid in enumerate(c.loaded.case.criteria.use):
        if cid in mine and cid in theirs and mine[cid] != theirs[cid]:
            a, b = mine[cid].model_dump(), theirs[cid].model_dump()
            fields = ", ".join(f for f in a if a[f] != b.get(f))
            msg = f"criterion '{cid}' is defined differently from {first.file}'s ({fields})"
            problems.append(c.loaded.doc.problem(("criteria", "use", k), msg))
    return problems


def check_contributions(contributions: list[Contribution]) -> list[Problem]:
    """Why these files cannot be merged: fewer than two, an assessor id given
    twice, a file that already holds assessors, options or criteria that do
    not match the first file's. Empty when they can."""
    if len(contributions) < 2:
        return [Problem("assess merge", 0, 0, "give two or more case files to merge, one per assessor")]
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for c in contributions:
        if c.assessor in seen:
            msg = f"assessor id '{c.assessor}' is also {seen[c.assessor]}'s; tell them apart with --names"
            problems.append(Problem(c.file, 0, 0, msg))
        seen.setdefault(c.assessor, c.file)
        if c.loaded.case.assessors:
            line, column = c.loaded.doc.locate(("assessors", "[key]"))  # the key, not its value
            msg = "already holds assessors (a team file); merge the assessors' own files instead"
            problems.append(Problem(c.file, line, column, msg, "assessors"))
    first = contributions[0]
    options = [o.id for o in first.loaded.case.options]
    criteria = first.loaded.case.criteria.use
    for c in contributions[1:]:
        case = c.loaded.case
        problems += _id_problems(c, "option", ("options",), [o.id for o in case.options], options, first.file)
        use = case.criteria.use
        problems += _id_problems(c, "criterion", ("criteria", "use"), use, criteria, first.file)
        problems += _definition_problems(c, first)
    return problems


def rebase(path: str, source_dir: Path, target_dir: Path) -> str:
    """`path` (relative to `source_dir`) made relative to `target_dir`,
    with forward slashes; string arithmetic only, the file system is not read."""
    if os.path.isabs(path):
        return Path(path).as_posix()
    absolute = os.path.normpath(os.path.join(os.path.abspath(source_dir), path))
    return Path(os.path.relpath(absolute, os.path.abspath(target_dir))).as_posix()


def _documents(contributions: list[Contribution], target_dir: Path) -> dict[str, Document]:
    """Every input's documents, rebased; the first file's win on a clash."""
    found: dict[str, Document] = {}
    for c in contributions:
        base = c.loaded.path.parent
        for key, doc in c.loaded.case.documents.items():
            if key not in found:
                moved = rebase(doc.path, base, target_dir) if doc.path else None
                found[key] = doc.model_copy(update={"path": moved}) if moved != doc.path else doc
    return found


def _same_weights(a: Weights | None, b: Weights | None) -> bool:
    """Equal as weights: the elicitation note alone does not count."""
    if a is None or b is None:
        return a is b
    return a.model_dump(exclude={"elicitation"}) == b.model_dump(exclude={"elicitation"})


def _own_weights(c: Contribution, scenario: str | None) -> Weights:
    """The weights `c`'s file ranks the view with; its criteria's default
    weights written out as direct points when it gives none."""
    case = c.loaded.case
    spec = case.scenarios[scenario].weights if scenario is not None else None
    spec = spec or case.weights
    if spec is not None:
        return spec
    known = available_criteria(case, c.loaded.catalogue_model)
    points = {cid: known[cid].default_weight for cid in view_criterion_ids(case, scenario)}
    return Weights(method="direct", elicitation="the criteria's default weights", points=points)


def _rule_text(rule: str, count: int, specs: list[Weights]) -> str:
    if rule == "geometric" and all(s.method == "ahp" for s in specs):
        return f"the geometric mean of the {count} assessors' AHP judgements"
    fallback = " (geometric needs every assessor's AHP judgements)" if rule == "geometric" else ""
    used = "median" if rule == "median" else "mean"
    return f"the {used} of the {count} assessors' normalised weights{fallback}"


def _baseline_weights(contributions: list[Contribution], rule: str) -> tuple[Weights | None, bool, str]:
    """(agreed weights or None, whether each assessor keeps their own, the sentence)."""
    first = contributions[0].loaded.case.weights
    if all(_same_weights(c.loaded.case.weights, first) for c in contributions):
        if first is None:
            return None, False, "no file gives weights: the criteria's default weights count"
        return first, False, "every file gives the same weights: they are the team's agreed weights"
    specs = [_own_weights(c, None) for c in contributions]
    how = _rule_text(rule, len(specs), specs)
    return (
        None,
        True,
        f"the files' weights differ: each assessor keeps their own, and the team's weights are "
        f"{how} (team.weights: {rule}); write agreed weights under 'weights' to replace them",
    )


def _scenario_weights(
    contributions: list[Contribution], base: Case, rule: str
) -> tuple[dict[str, Weights], list[str]]:
    """The combined weights of each scenario whose weights differ between the
    files that have it, and a sentence for each."""
    from assess.core.team import combine_weights

    combined, said = {}, []
    for sid in base.scenarios:
        having = [c for c in contributions if sid in c.loaded.case.scenarios]
        own = [c.loaded.case.scenarios[sid].weights for c in having]
        if all(_same_weights(w, own[0]) for w in own):
            continue
        specs = [_own_weights(c, sid) for c in having]
        # without statements: the merged file's weights are checked against their
        # statements, and a median's points can break one the team keeps
        combined[sid] = combine_weights(specs, rule, view_criterion_ids(base, sid), keep_statements=False)
        said.append(
            f"scenario '{sid}': the files' weights differ; the team case weighs it by "
            f"{_rule_text(rule, len(specs), specs)}; each assessor keeps their own under "
            "assessors.<id>.scenarios"
        )
    return combined, said


def _assessor(
    c: Contribution, keeps_weights: bool, descriptions_differ: bool, differ: set[str], said_differ: set[str]
) -> Assessor:
    """The assessor of `c`: the file's byline (name, role) if it has one, what
    the file says of itself (its description, when the files' differ), and its
    own view of each scenario (its weights there when the files' in `differ`,
    its description when theirs in `said_differ`)."""
    case = c.loaded.case
    byline = case.assessor
    said: dict[str, object] = {"name": byline.name if byline else c.name, "scores": case.scores}
    if byline and byline.role:
        said["role"] = byline.role
    if descriptions_differ and case.description:
        said["description"] = case.description
    if keeps_weights:
        said["weights"] = _own_weights(c, None)
    scenarios = {
        sid: AssessorScenario(
            scores=sc.scores,
            weights=_own_weights(c, sid) if sid in differ else None,
            description=sc.description if sid in said_differ else "",
        )
        for sid, sc in case.scenarios.items()
        if sc.scores or sid in differ or (sid in said_differ and sc.description)
    }
    if scenarios:
        said["scenarios"] = scenarios
    return Assessor(**said)  # type: ignore[arg-type]


SHARED = {
    "scenarios": "scenarios",
    "resources": "resources",
    "budget": "budget",
    "costs": "costs",
    "rules": "portfolio rules",
    "reference": "reference option",
}
"""What the merged case takes from the first file alone, as the notes name it."""


def _shared(case: Case, key: str) -> object:
    """What of `key` the merged case takes from the first file: of the
    scenarios, all but their scores and weights (each assessor keeps those)."""
    if key == "scenarios":
        own = {"scores", "weights", "description"}
        return {sid: sc.model_dump(exclude=own) for sid, sc in case.scenarios.items()}
    return getattr(case, key)


def _notes(contributions: list[Contribution]) -> list[str]:
    """Each thing a file says differently from the first, which the merged
    case does not keep (the first file's wins)."""
    first = contributions[0]
    base = first.loaded.case
    notes = []
    for c in contributions[1:]:
        case = c.loaded.case
        differ = [name for key, name in SHARED.items() if _shared(case, key) != _shared(base, key)]
        if differ:
            notes.append(
                f"{c.file}: its {', '.join(differ)} differ from {first.file}'s; "
                f"the merged case has {first.file}'s"
            )
    return notes


def _team_description(contributions: list[Contribution]) -> str:
    """The team case's description when the files' differ: who is in it (each
    one's own stays under `assessors.<id>.description`)."""
    who = []
    for c in contributions:
        byline = c.loaded.case.assessor
        name = byline.name if byline else c.name
        who.append(f"{name} ({byline.role})" if byline and byline.role else name)
    return (
        f"A team case of {len(who)} assessors, merged by `assess merge`: {', '.join(who)}. "
        "What each said of their own assessment is under assessors.<id>.description."
    )


def _said_differ(contributions: list[Contribution], base: Case) -> set[str]:
    """The scenarios whose descriptions differ between the files that have them."""
    return {
        sid
        for sid in base.scenarios
        if len(
            {
                c.loaded.case.scenarios[sid].description
                for c in contributions
                if sid in c.loaded.case.scenarios
            }
        )
        > 1
    }


def _team_scenario(scenario: Scenario, weights: Weights | None, said_differ: bool) -> Scenario:
    """A scenario of the team case: the first file's, its scores moved under
    each assessor (none agreed yet), its weights the files' combined if they
    differ, its description the team's if the files' differ."""
    update: dict[str, object] = {"scores": {}} if scenario.scores else {}
    if weights is not None:
        update["weights"] = weights
    if said_differ:
        update["description"] = (
            f"The team's view of {scenario.name}: the mean of each assessor's own cells "
            "(assessors.<id>.scenarios), with what each said of it there."
        )
    return scenario.model_copy(update=update) if update else scenario


def merge_cases(
    contributions: list[Contribution], target_dir: Path | str = ".", rule: str = "mean"
) -> Merged:
    """The team case of `contributions` (checked with `check_contributions`
    first), with its paths relative to `target_dir`, where it will be written;
    weights differing between the files combine by the team rule `rule`."""
    first = contributions[0]
    base = first.loaded.case
    target = Path(target_dir)
    criteria = base.criteria
    if criteria.catalogue is not None:
        moved = rebase(criteria.catalogue, first.loaded.path.parent, target)
        criteria = criteria.model_copy(update={"catalogue": moved})
    agreed, keeps, said = _baseline_weights(contributions, rule)
    scenario_weights, scenario_said = _scenario_weights(contributions, base, rule)
    described = _said_differ(contributions, base)
    scenarios = {
        sid: _team_scenario(sc, scenario_weights.get(sid), sid in described)
        for sid, sc in base.scenarios.items()
    }
    differ = len({c.loaded.case.description for c in contributions}) > 1
    own = set(scenario_weights)
    update: dict[str, object] = {
        "criteria": criteria,
        "scores": {},
        "assessors": {c.assessor: _assessor(c, keeps, differ, own, described) for c in contributions},
        "team": Team(aggregate="mean", weights=rule),  # type: ignore[arg-type]
    }
    if scenarios != base.scenarios:
        update["scenarios"] = scenarios
    if differ:
        update["description"] = _team_description(contributions)
    documents = _documents(contributions, target)
    if documents or "documents" in base.model_fields_set:
        update["documents"] = documents
    dropped = {"assessor"} if base.assessor is not None else set()  # the byline is one assessor's
    if agreed is None and base.weights is not None:  # drop the first file's weights, unset
        dropped.add("weights")
    if dropped:
        base = Case.model_validate(base.model_dump(exclude_unset=True, exclude=dropped))
    case = base.model_copy(update=update)
    return Merged(case, tuple(_notes(contributions)), (said, *scenario_said))
