"""The strict pydantic base every file model shares."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
)

from assess.errors import LINE_BREAKS, first_control, show_control

SCHEMA_DOCS = os.environ.get("ASSESS_SCHEMA_DOCS") == "1"
"""Whether field docstrings are read into the models (they become the JSON
Schema's descriptions). Reading them parses the source of every model, a
fifth of a second at start-up that only `assess schema` needs: it sets
ASSESS_SCHEMA_DOCS=1 and runs in a process of its own."""

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
"""What an id looks like: a letter or digit, then letters, digits, '_', '.', '-'."""
MAX_ID = 64
"""The longest id, in characters."""
_ID = re.compile(ID_PATTERN)


def is_id(text: str) -> bool:
    """Whether `text` is a valid id (the check of `Id`, for text read outside the model)."""
    return len(text) <= MAX_ID and _ID.fullmatch(text) is not None


Id = Annotated[
    str,
    StringConstraints(pattern=f"^{ID_PATTERN}$", max_length=MAX_ID),
    Field(description="An identifier: letters, digits, '_', '.', '-'."),
]
"""Ids of criteria, options, scenarios, assessors: stable keys used in files."""

MAX_MAGNITUDE = 1e15
"""Every number in a file lies within ±MAX_MAGNITUDE: far beyond any score,
weight or scale, and far enough from the float limits (1.7e308) that sums,
squares and differences of them stay finite."""

FiniteFloat = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
NonNegative = Annotated[float, Field(allow_inf_nan=False, ge=0, le=MAX_MAGNITUDE)]
Positive = Annotated[float, Field(allow_inf_nan=False, gt=0, le=MAX_MAGNITUDE)]
"""(Bounds of a field's own `Field(ge=...)` would be overridden by those of
FiniteFloat: a bounded field takes one of these types instead.)"""


def _controls(allowed: str):  # noqa: ANN202 - a validator factory
    def check(text: str) -> str:
        bad = first_control(text, allowed)
        if bad is not None:
            where = f"character {bad + 1}" if len(text) > 1 else "the text"
            raise ValueError(
                f"holds the control character {show_control(text[bad])} at {where}: "
                "write plain text (terminal escapes and lone surrogates are refused)"
            )
        return text

    return AfterValidator(check)


MAX_LABEL = 300

Label = Annotated[str, StringConstraints(max_length=MAX_LABEL), _controls("")]
"""A one-line text: names, titles, level labels, file names. No control
characters at all (ESC in a name would reach the terminal)."""

Text = Annotated[str, _controls(LINE_BREAKS)]
"""Multi-line text (descriptions, rationales, passages): tabs and line breaks,
no other control characters."""


def _whole_number(value: object) -> object:
    if type(value) is not int:  # True, 1.0 and "1" are not format 1
        raise ValueError(f"the format is a whole number such as 1, not {value!r}")
    return value


FormatVersion = Annotated[Literal[1], BeforeValidator(_whole_number)]
"""The `format:` stamp of a file: exactly the integer 1 for now."""

FilePath = Annotated[str, StringConstraints(min_length=1, max_length=1024), _controls("")]
"""A path relative to the file that names it."""


class Strict(BaseModel):
    """Unknown keys are errors, values are not coerced, models are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        allow_inf_nan=False,
        use_attribute_docstrings=SCHEMA_DOCS,
        validate_default=False,
        # Validators are built on a model's first validation, not when its class
        # is made: a cache hit (made without validation, `assess.model.trusted`)
        # needs none, and a full load builds the case's once instead of each class's.
        defer_build=True,
    )


UNION_TAGS: set[str] = set()
"""Every tag `tag` made: the markers a YAML path of an error leaves out."""


def tag(kind: str) -> str:
    """The tag of a member of a discriminated union, for `pydantic.Tag`.

    Pydantic puts the tag in an error's location; bracketed, it is dropped
    from the YAML path like pydantic's own markers (`'[key]'`), so an error
    in `statements[0].interval.min` is reported at that path of the file."""
    UNION_TAGS.add(f"[{kind}]")
    return f"[{kind}]"


def tagged(
    kind_of: Callable[[object], str], members: Mapping[str, type] | None = None
) -> tuple[Discriminator, BeforeValidator]:
    """The discriminator and the check of a union whose member `kind_of` names
    (an instance of one of `members`, kind -> class, is of that kind).

    The check runs first and raises `kind_of`'s message; the discriminator
    then only picks the member (its custom error is never seen)."""

    def kind(data: object) -> str:
        for name, cls in (members or {}).items():
            if isinstance(data, cls):
                return name
        return kind_of(data)

    def pick(data: object) -> str | None:
        try:
            return tag(kind(data))
        except ValueError:
            return None

    def check(data: object) -> object:
        kind(data)
        return data

    return Discriminator(pick), BeforeValidator(check)
