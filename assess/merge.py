"""Merging several assessors' case files into one team case.

Each input is a full case file written by one assessor for the same options
and criteria (usually a copy of one template case, re-scored). The merged
case is the first file's (title, description, documents, criteria, options,
weights, scenarios) with each file's baseline `scores` under
`assessors.<id>`, and its `weights` too where they differ from the first
file's; the top-level `scores` are left empty (no agreed values yet) and the
team aggregates cells by their mean. The first file's weights stay the case's
agreed weights, so the team view ranks with them; an assessor's own weights
count in that assessor's view.

Pure: the caller loads the files (`load_case`) and writes the result. Paths
in the case (catalogue, documents) are relative to a file, so they are
rebased from each input's folder to the output's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from assess.errors import Problem, did_you_mean
from assess.io.casefile import LoadedCase
from assess.model import Assessor, Case, Document, Team, Weights
from assess.resolve import available_criteria


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
    """Things merged in a way worth saying (weights kept per assessor,
    scenarios taken from the first file only)."""


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


def _assessor(c: Contribution, weights: Weights | None) -> Assessor:
    own = c.loaded.case.weights
    if _same_weights(own, weights):
        return Assessor(name=c.name, scores=c.loaded.case.scores)
    return Assessor(name=c.name, scores=c.loaded.case.scores, weights=own)


def _notes(contributions: list[Contribution]) -> list[str]:
    first = contributions[0]
    base = first.loaded.case
    notes = []
    for c in contributions[1:]:
        if not _same_weights(c.loaded.case.weights, base.weights):
            notes.append(
                f"{c.file}: its weights differ from {first.file}'s; they are kept as "
                f"{c.assessor}'s own, and the team view uses {first.file}'s"
            )
        if c.loaded.case.scenarios != base.scenarios:
            notes.append(
                f"{c.file}: its scenarios differ from {first.file}'s; the merged case has {first.file}'s"
            )
    return notes


def merge_cases(contributions: list[Contribution], target_dir: Path | str = ".") -> Merged:
    """The team case of `contributions` (checked with `check_contributions`
    first), with its paths relative to `target_dir`, where it will be written."""
    first = contributions[0]
    base = first.loaded.case
    target = Path(target_dir)
    criteria = base.criteria
    if criteria.catalogue is not None:
        moved = rebase(criteria.catalogue, first.loaded.path.parent, target)
        criteria = criteria.model_copy(update={"catalogue": moved})
    update: dict[str, object] = {
        "criteria": criteria,
        "scores": {},
        "assessors": {c.assessor: _assessor(c, base.weights) for c in contributions},
        "team": Team(aggregate="mean"),
    }
    documents = _documents(contributions, target)
    if documents or "documents" in base.model_fields_set:
        update["documents"] = documents
    case = base.model_copy(update=update)
    return Merged(case, tuple(_notes(contributions)))
