"""The strict pydantic base every file model shares."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints

SCHEMA_DOCS = os.environ.get("ASSESS_SCHEMA_DOCS") == "1"
"""Whether field docstrings are read into the models (they become the JSON
Schema's descriptions). Reading them parses the source of every model, a
fifth of a second at start-up that only `assess schema` needs: it sets
ASSESS_SCHEMA_DOCS=1 and runs in a process of its own."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64),
    Field(description="An identifier: letters, digits, '_', '.', '-'."),
]
"""Ids of criteria, options, scenarios, assessors: stable keys used in files."""

FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]


class Strict(BaseModel):
    """Unknown keys are errors, values are not coerced, models are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        allow_inf_nan=False,
        use_attribute_docstrings=SCHEMA_DOCS,
        validate_default=False,
    )


def tag(kind: str) -> str:
    """The tag of a member of a discriminated union, for `pydantic.Tag`.

    Pydantic puts the tag in an error's location; bracketed, it is dropped
    from the YAML path like pydantic's own markers (`'[key]'`), so an error
    in `statements[0].interval.min` is reported at that path of the file."""
    return f"[{kind}]"


def tagged(kind_of: Callable[[object], str]) -> tuple[Discriminator, BeforeValidator]:
    """The discriminator and the check of a union whose member `kind_of` names.

    The check runs first and raises `kind_of`'s message; the discriminator
    then only picks the member (its custom error is never seen)."""

    def pick(data: object) -> str | None:
        try:
            return tag(kind_of(data))
        except ValueError:
            return None

    def check(data: object) -> object:
        kind_of(data)
        return data

    return Discriminator(pick), BeforeValidator(check)


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """A ' (did you mean X?)' suffix for a mistyped key, or '' (only on errors:
    difflib is imported then)."""
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
