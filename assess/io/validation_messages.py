"""Pydantic's validation errors in a planner's words, at their YAML path."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from assess.errors import did_you_mean

Path = tuple[str | int, ...]


def _field_names(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every field name of a model and of the models nested in it."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for field in model.model_fields.values():
        for arg in _model_args(field.annotation):
            names |= _field_names(arg, seen)
    return names


def _model_args(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _model_args(arg)
    return found


def clean_loc(loc: tuple[object, ...]) -> Path:
    """The YAML path of an error's loc, without pydantic's own markers."""
    return tuple(
        p for p in loc if isinstance(p, int) or (isinstance(p, str) and not p.startswith(("[", "function-")))
    )


def _describe(error: dict[str, object], keys: set[str]) -> str:
    kind = str(error["type"])
    loc = clean_loc(tuple(error["loc"]))  # type: ignore[arg-type]
    last = loc[-1] if loc else ""
    given = error.get("input")
    if kind == "extra_forbidden":
        return f"unknown key '{last}'{did_you_mean(str(last), keys)}"
    if kind == "missing":
        return f"missing key '{last}'"
    msg = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "literal_error" or "_type" in kind or kind.endswith("_parsing"):
        if isinstance(given, str | int | float | bool) or given is None:
            msg += f", got {given!r}"
    elif kind in {"finite_number"}:
        msg = "not a finite number"
    return msg[:1].lower() + msg[1:]


def validation_findings(err: ValidationError, model: type[BaseModel]) -> list[tuple[Path, str]]:
    """(path, message) for each error, one per path and message."""
    keys = _field_names(model)
    found: list[tuple[Path, str]] = []
    for error in err.errors():
        item = (clean_loc(tuple(error["loc"])), _describe(dict(error), keys))
        if item not in found:
            found.append(item)
    return found
