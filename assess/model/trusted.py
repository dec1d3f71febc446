"""A validated model as plain JSON data, and back without validating again.

`tree(model)` writes a model that pydantic has validated as JSON-able data
that says, for every model inside it, its class and which fields the file
set; `build(data)` makes the same objects again with `model_construct`, so
no validator runs and no validator needs to be built (the models are
`defer_build`: their schemas are made on the first validation only).

This is for data this program wrote itself from a validated model and can
prove it did (`assess.files.cache` keeps it under a MAC keyed by a secret of
the user's): `build` checks shapes only as far as it must to read them, never
the model's rules. What it returns equals (`==`, fields set included) what
validation returned; tests check that on every bundled and test case.

The encoding: a str, int, float, bool or None is itself; anything else is a
list whose first item says what it is:
  ["m", "Class", {field: value}, [fields set]]  a model of this package
  ["l", item, ...]                                a list
  ["t", item, ...]                                a tuple
  ["d", {key: value}]                             a dict with str keys
  ["p", [key, value], ...]                        a dict with number keys
  ["date", "2025-01-31"] / ["datetime", "..."]    a date / a datetime
A number key keeps its type (JSON keeps 1 and 1.0 apart). Any other value
(a dict with other keys, a set, an object) raises
`NotTrusted` when writing: such a model is not stored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from assess.model.base import Strict


class NotTrusted(ValueError):
    """A value this encoding cannot carry, or data it did not write."""


def _classes() -> dict[str, type[BaseModel]]:
    """Every model class of the package by name (subclasses of `Strict`)."""
    out: dict[str, type[BaseModel]] = {}
    todo: list[type[BaseModel]] = [Strict]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("assess.model.") and "[" not in sub.__name__:
                if sub.__pydantic_post_init__ is not None or sub.__private_attributes__:
                    raise NotTrusted(f"{sub.__qualname__} has private attributes or model_post_init")
                name = sub.__qualname__
                if out.setdefault(name, sub) is not sub:
                    raise NotTrusted(f"two model classes are named {name}")
                todo.append(sub)
    return out


_CLASSES: dict[str, type[BaseModel]] | None = None


def tree(value: Any) -> Any:
    """`value` (a validated model, or what its fields hold) as JSON-able data."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, Strict):
        cls = type(value)
        if cls.__module__.split(".")[:2] != ["assess", "model"]:
            raise NotTrusted(f"{cls.__qualname__} is not a model of assess.model")
        if value.__pydantic_extra__ or value.__pydantic_private__:
            raise NotTrusted(f"{cls.__qualname__} holds extra or private values")
        fields = {k: tree(v) for k, v in value.__dict__.items()}
        return ["m", cls.__qualname__, fields, sorted(value.model_fields_set)]
    if type(value) is list:
        return ["l", *map(tree, value)]
    if type(value) is tuple:
        return ["t", *map(tree, value)]
    if type(value) is dict:
        if all(type(k) is str for k in value):
            return ["d", {k: tree(v) for k, v in value.items()}]
        if all(type(k) in (int, float, bool) for k in value):
            return ["p", *([k, tree(v)] for k, v in value.items())]
        raise NotTrusted("a dict with keys other than text or numbers")
    if type(value) is dt.datetime:
        return ["datetime", value.isoformat()]
    if type(value) is dt.date:
        return ["date", value.isoformat()]
    raise NotTrusted(f"a value of type {type(value).__name__}")


_set = object.__setattr__


def _made(cls: type[BaseModel], values: dict[str, Any], given: set[str]) -> BaseModel:
    """What `cls.model_construct(given, **values)` makes when `values` has every
    field (no default to fill in) and the class has neither private attributes
    nor `model_post_init` (`_classes` checks): the four attributes it sets,
    without its per-field loop (a fifth of a second on a case of 20,000 scores)."""
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", given)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def build(data: Any) -> Any:
    """The objects `tree` wrote, made again without validation."""
    global _CLASSES
    if data is None or type(data) in (str, int, float, bool):
        return data
    if type(data) is not list or not data:
        raise NotTrusted("not data this encoding wrote")
    kind = data[0]
    if kind == "m":
        if _CLASSES is None:
            _CLASSES = _classes()
        _, name, fields, given = data
        cls = _CLASSES[name]
        if fields.keys() != cls.__pydantic_fields__.keys():  # a field added or renamed since
            raise NotTrusted(f"the fields of {name} differ")
        return _made(cls, {k: build(v) for k, v in fields.items()}, set(given))
    if kind == "l":
        return [build(v) for v in data[1:]]
    if kind == "t":
        return tuple(build(v) for v in data[1:])
    if kind == "d":
        return {k: build(v) for k, v in data[1].items()}
    if kind == "p":
        return {k: build(v) for k, v in data[1:]}
    if kind == "date":
        return dt.date.fromisoformat(data[1])
    if kind == "datetime":
        return dt.datetime.fromisoformat(data[1])
    raise NotTrusted(f"an unknown kind {kind!r}")
