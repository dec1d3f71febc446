"""Reading the rest of a file past its structural errors.

A file with a mistyped key or a value of the wrong type must still get every
other check (ids, scales, weights, cited passages) in the same run. When
pydantic refuses the data, `salvage` mends a copy and validates again, until
the model validates or nothing more can be mended. For each error it

* puts a stand-in in place of a missing or broken required value that other
  checks do not read (a name, a title) or that only its own cell's checks read
  (a score's value, or a whole score cell that is not a mapping: 0);
* reads an unknown key that is a typo of a missing field (`vaule`, `scroes`)
  as that field, so what it holds is checked too;
* otherwise leaves out the smallest part holding the error that may be left
  out: an unknown key, an optional key, an item of a list or mapping (an
  option, a criterion, a judgement).

The model it returns is only for checking: a file with errors is never used.
Mending has consequences the checks would report again ("option 'x' has no
score on y" once the broken weight is gone, "value 0 is outside the scale" for
a stand-in); `Salvaged.is_secondary` tells those findings apart.
"""

from __future__ import annotations

import copy
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from assess.errors import did_you_mean
from assess.files.messages import clean_loc, validation_findings
from assess.model import Score

Path = tuple[str | int, ...]
Finding = tuple[Path, str]

STAND_INS: dict[tuple[str, str], tuple[object, tuple[str, ...]]] = {
    ("Score", "value"): (0.0, ("value", "low", "high")),
    ("Option", "name"): ("", ("name",)),
    ("Criterion", "name"): ("", ("name",)),
    ("Scenario", "name"): ("", ("name",)),
    ("Assessor", "name"): ("", ("name",)),
    ("Document", "title"): ("", ("title",)),
    ("Case", "title"): ("", ("title",)),
}
"""(model, required field) -> (stand-in, the sibling fields whose findings it decides)."""

CELL_STAND_IN = {"value": 0.0}
"""Stands in for a whole score cell that is not a mapping, so it still counts as scored."""

Definitions = dict[Path, str]
"""Where the definitions of ids stand in a file (a list of items with an `id`,
or a mapping by id), and their kind as messages name it."""

CASE_DEFINITIONS: Definitions = {
    ("options",): "option",
    ("criteria", "local"): "criterion",
    ("documents",): "document",
}
CATALOGUE_DEFINITIONS: Definitions = {("criteria",): "criterion", ("documents",): "document"}

MAX_ROUNDS = 8

MAX_DESCRIBED = 1_000
"""Past this many validation errors, only those of a sample are described,
and nothing is mended: 200,000 errors as dicts cost seconds and gigabytes."""


@dataclass(frozen=True)
class Salvaged:
    """What could be read of a file, and every structural problem it has."""

    model: BaseModel | None
    """The mended model, only for checking; None if the file could not be read."""
    findings: list[Finding]
    left_out: tuple[Path, ...] = ()
    """Paths left out (and fields missing because of a mistyped key): findings
    at, inside or above them are consequences."""
    stood_in: tuple[Path, ...] = ()
    """Paths given a stand-in: findings at or inside them are consequences."""
    broken_ids: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    """(kind, id) of the options and documents whose definition was left out,
    and of the criteria whose definition was left out in whole or in part."""
    renamed: tuple[tuple[Path, Path], ...] = ()
    """(field, mistyped key in the file): a key that is a typo of a missing
    field is read as that field, so what it holds is checked too."""
    total: int = 0
    """How many errors the file has when `findings` describe only a sample of
    them (past MAX_DESCRIBED); 0 when every error is described."""

    def in_file(self, path: Path) -> Path:
        """Where a path of the mended model stands in the file."""
        for target, typo in reversed(self.renamed):
            if path[: len(target)] == target:
                path = (*typo, *path[len(target) :])
        return path

    def is_secondary(self, finding: Finding) -> bool:
        """Whether a check's finding only follows from the mending."""
        path, message = finding
        if any(_related(path, p) for p in self.left_out):
            return True
        return any(path[: len(p)] == p for p in self.stood_in) or self.names_broken(message)

    def kept(self, findings: list[Finding]) -> list[Finding]:
        """The findings of checks on the mended model that are not its consequences,
        at their place in the file."""
        return [(self.in_file(path), m) for path, m in findings if not self.is_secondary((path, m))]

    def names_broken(self, message: str) -> bool:
        """Whether a message is about an id whose definition was left out, so
        cannot be checked against it (also for messages about another file)."""
        return any(
            f"'{i}'" in message if kind == "criterion" else f"unknown {kind} '{i}'" in message
            for kind, i in self.broken_ids
        )


def _related(a: Path, b: Path) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


# -- the types along a path ---------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """The one type inside `X | None` or `Annotated[X, ...]`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _annotation_at(model: type[BaseModel], path: Path) -> Any:
    """The type of the value at `path` (None past an unknown key or a plain value)."""
    annotation: Any = model
    for part in path:
        if _is_model(annotation):
            info = annotation.model_fields.get(str(part))
            annotation = _unwrap(info.annotation) if info else None
        elif typing.get_origin(annotation) in (dict, list):
            annotation = _unwrap(typing.get_args(annotation)[-1])
        else:
            return None
    return annotation


# -- what to mend --------------------------------------------------------------


@dataclass(frozen=True)
class _Mend:
    path: Path
    stand_in: object = None
    """None: leave the value at `path` out."""
    decides: tuple[Path, ...] = ()
    """Where findings follow from the stand-in."""


def _mend_for(model: type[BaseModel], loc: Path) -> _Mend | None:
    """How to get past an error at `loc`, or None when it cannot be done."""
    for k in range(len(loc), 0, -1):
        parent, part = _annotation_at(model, loc[: k - 1]), loc[k - 1]
        if _is_model(parent):
            info = parent.model_fields.get(str(part))
            stand_in = STAND_INS.get((parent.__name__, str(part)))
            if stand_in is not None and info is not None and info.is_required():
                value, fields = stand_in
                return _Mend(loc[:k], value, tuple((*loc[: k - 1], f) for f in fields))
            if info is None or not info.is_required():  # an unknown or optional key
                return _Mend(loc[:k])
        elif typing.get_origin(parent) in (dict, list):  # an item
            if _annotation_at(model, loc[:k]) is Score:
                return _Mend(loc[:k], CELL_STAND_IN, (loc[:k],))
            return _Mend(loc[:k])
    return None


def _mistyped(model: type[BaseModel], data: Any, loc: Path) -> Path | None:
    """For an unknown key that is a typo of a field the data lacks, that field's path."""
    parent = _annotation_at(model, loc[:-1])
    hint = did_you_mean(str(loc[-1]), set(parent.model_fields)) if _is_model(parent) else ""
    if not hint:
        return None
    wanted = hint.split("'")[1]
    node = _value_at(data, loc[:-1])
    return (*loc[:-1], wanted) if isinstance(node, dict) and wanted not in node else None


def _broken_id(data: Any, path: Path, definitions: Definitions) -> tuple[str, str] | None:
    """(kind, id) when `path` is a whole definition, or inside a criterion's."""
    for where, kind in definitions.items():
        n = len(where)
        if path[:n] != where or len(path) == n or (len(path) > n + 1 and kind != "criterion"):
            continue
        if kind == "document":
            return kind, str(path[n])
        item = _value_at(data, path[: n + 1])
        ident = item.get("id") if isinstance(item, dict) else None
        return (kind, ident) if isinstance(ident, str) else None
    return None


# -- mending plain data -------------------------------------------------------


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part, node.get(str(part)))
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        data = _child(data, part)
    return data


def _apply(data: Any, mends: list[_Mend]) -> None:
    """Mend `data` in place; list items go last to first, so indices hold, and
    each once (two findings in one item, e.g. a mistyped key in a record step,
    both leave it out)."""
    removals: dict[tuple[int, int], tuple[list[Any], int]] = {}
    for mend in mends:
        node, key = _value_at(data, mend.path[:-1]), mend.path[-1]
        if isinstance(node, dict):
            key = key if key in node or str(key) not in node else str(key)
            if mend.stand_in is not None:
                node[key] = copy.deepcopy(mend.stand_in)
            else:
                node.pop(key, None)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            if mend.stand_in is not None:
                node[key] = copy.deepcopy(mend.stand_in)
            else:
                removals[(id(node), key)] = (node, key)
    for node, key in sorted(removals.values(), key=lambda r: r[1], reverse=True):
        del node[key]


@dataclass
class _Progress:
    left_out: list[Path] = field(default_factory=list)
    stood_in: list[Path] = field(default_factory=list)
    broken: set[tuple[str, str]] = field(default_factory=set)
    renamed: list[tuple[Path, Path]] = field(default_factory=list)

    def done(self, model: BaseModel | None, findings: list[Finding]) -> Salvaged:
        """The result so far; a 'missing key' that a mistyped key explains is not repeated."""
        targets = {target for target, _ in self.renamed}
        kept = [f for f in findings if not (f[0] in targets and f[1].startswith("missing key"))]
        left_out, stood_in, renamed = tuple(self.left_out), tuple(self.stood_in), tuple(self.renamed)
        return Salvaged(model, kept, left_out, stood_in, frozenset(self.broken), renamed)


def _renames(model: type[BaseModel], data: Any, errors: list[Any]) -> dict[Path, Path]:
    """Unknown keys to read as the missing field they are a typo of: typo -> field."""
    found: dict[Path, Path] = {}
    for error in errors:
        loc = clean_loc(tuple(error["loc"]))
        if error["type"] == "extra_forbidden" and (field_path := _mistyped(model, data, loc)):
            if field_path not in found.values():
                found[loc] = field_path
    return found


def _round(
    model: type[BaseModel], data: Any, err: ValidationError, definitions: Definitions, seen: _Progress
) -> bool:
    """Mend `data` past `err`'s errors, noting what was done; False if it cannot be."""
    errors = err.errors()
    renames = _renames(model, data, errors)
    mends = []
    for error in errors:
        loc = clean_loc(tuple(error["loc"]))
        if loc in renames or (error["type"] == "missing" and loc in renames.values()):
            continue
        mend = _mend_for(model, loc)
        if mend is None:
            return False
        mends.append(mend)
        if mend.stand_in is not None:
            seen.stood_in += mend.decides
            continue
        seen.left_out.append(mend.path)
        found = None if error["type"] == "extra_forbidden" else _broken_id(data, mend.path, definitions)
        seen.broken |= {found} if found else set()
    _apply(data, mends)
    for typo, target in renames.items():
        node = _value_at(data, typo[:-1])
        node[target[-1]] = node.pop(typo[-1])
        seen.renamed.append((target, typo))
    return True


def salvage(data: Any, model: type[BaseModel], definitions: Definitions | None = None) -> Salvaged:
    """Validate `data` as `model`; past errors, as much of it as can be read.
    `definitions` says where ids are defined (`CASE_DEFINITIONS`, ...)."""
    try:
        return Salvaged(model.model_validate(data), [])
    except ValidationError as err:
        error = err
    if error.error_count() > MAX_DESCRIBED:
        return Salvaged(None, _sampled_findings(model, data, error), total=error.error_count())
    findings = validation_findings(error, model)
    work, seen = copy.deepcopy(data), _Progress()
    for _ in range(MAX_ROUNDS):
        if not _round(model, work, error, definitions or {}, seen):
            break
        try:
            return seen.done(model.model_validate(work), findings)
        except ValidationError as err:
            error = err  # mostly a consequence of the mending: reported only if not
        partial = seen.done(None, findings)
        findings += [
            (partial.in_file(path), message)
            for path, message in validation_findings(error, model)
            if (partial.in_file(path), message) not in findings and not partial.is_secondary((path, message))
        ]
    return seen.done(None, findings)


def _pruned(data: object, keep: int = 50) -> object:
    """`data` with every list and mapping cut to its first `keep` items."""
    if isinstance(data, dict):
        return {k: _pruned(v, keep) for k, v in list(data.items())[:keep]}
    if isinstance(data, list):
        return [_pruned(v, keep) for v in data[:keep]]
    return data


def _sampled_findings(model: type[BaseModel], data: object, err: ValidationError) -> list[Finding]:
    """The findings of the first items of every list and mapping: the same paths
    and messages as those of the whole file, at a fraction of the cost."""
    try:
        model.model_validate(_pruned(data))
    except ValidationError as sample:
        return validation_findings(sample, model)
    return validation_findings(err, model)  # the errors lie past the sample: all of them, then
