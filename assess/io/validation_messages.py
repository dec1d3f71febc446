"""Pydantic's validation errors in a planner's words, at their YAML path."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from pydantic import BaseModel, ValidationError

from assess.errors import MAX_PROBLEMS, did_you_mean
from assess.model.base import MAX_MAGNITUDE

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
    """The YAML path of an error's loc, without pydantic's own markers
    ('function-after[...]', a union member's tag such as '[interval]'); a
    user's key such as '[x' stays, and so does a final '[key]' (the error is
    in the key itself), which `YamlDoc.locate` reads."""
    from assess.model.base import UNION_TAGS  # the member tags of our discriminated unions

    last = len(loc) - 1
    return tuple(
        p
        for i, p in enumerate(loc)
        if isinstance(p, int)
        or (
            isinstance(p, str)
            and (p != "[key]" or i == last)
            and not p.startswith("function-")
            and p not in UNION_TAGS
        )
    )


_NUMBER_TEXT = re.compile(r"[-+]?(\d[\d_]*)?\.?\d*[eE][-+]?\d+")


def _yaml11_float(text: str) -> str:
    """How to write the number `text` so that YAML 1.1 reads a number: a
    decimal point and a signed exponent (1e308 -> 1.0e+308)."""
    mantissa, _, exponent = f"{float(text.replace('_', '')):e}".partition("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa if '.' in mantissa else mantissa + '.0'}e{exponent[0]}{int(exponent[1:])}"


def _special(kind: str, given: object, ctx: dict[str, object]) -> str | None:
    """A clearer message for a few errors, or None."""
    if kind == "float_type" and isinstance(given, str) and _NUMBER_TEXT.fullmatch(given.strip()):
        return (
            f"'{given}' is read as text, not a number: YAML 1.1 needs a decimal point and a "
            f"signed exponent; write {_yaml11_float(given.strip())}"
        )
    if kind == "string_unicode":
        return "holds a lone surrogate, which is not a character: write plain text"
    bound = ctx.get("le", ctx.get("ge"))
    if kind in {"less_than_equal", "greater_than_equal"} and bound in (MAX_MAGNITUDE, -MAX_MAGNITUDE):
        return f"{given!r} is too large: numbers in these files lie within ±{MAX_MAGNITUDE:g}"
    return None


def _describe(error: dict[str, object], keys: AbstractSet[str]) -> str:
    kind = str(error["type"])
    loc = clean_loc(tuple(error["loc"]))  # type: ignore[arg-type]
    last = loc[-1] if loc else ""
    given = error.get("input")
    special = _special(kind, given, dict(error.get("ctx") or {}))  # type: ignore[call-overload]
    if special:
        return special
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
    found: dict[tuple[Path, str], None] = {}  # a dict: ordered, and linear however many
    for i, error in enumerate(err.errors(include_url=False)):
        # past the problems that will be listed, no "did you mean" (it costs a millisecond each)
        hints = keys if i <= MAX_PROBLEMS else frozenset()
        found.setdefault((clean_loc(tuple(error["loc"])), _describe(dict(error), hints)))
    return list(found)
