"""Weight statements as a planner types and reads them.

`parse_statement` reads one line into a statement as plain data (the file's
form, `assess.model.statements`); criteria are named by id:

    security > sanctions > competence     order (each at least as important
    security >= sanctions, competence      as the next; ", " ties: sanctions
                                           and competence weigh the same)
    security 20%..40%                      interval (also 0.2..0.4)
    security >= 20%    security <= 40%     one end of an interval
    sanctions 1.5..3 x competence          ratio bounds
    sanctions >= 2 x competence            one end of a ratio
    cost_sharing = 5%                      exact

`statement_text` says a statement back in the same words, and
`tradeoff_question` phrases a trade-off question in the criteria's swings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assess.errors import did_you_mean
from assess.model.statements import (
    ExactStatement,
    IntervalStatement,
    OrderStatement,
    RatioStatement,
    order_groups,
)

_NUM = r"(\d+(?:\.\d*)?|\.\d+)\s*(%?)"
_ID = r"([A-Za-z_][\w-]*)"
_RANGE = re.compile(rf"^{_ID}\s+{_NUM}\s*\.\.\s*{_NUM}$")
_ONE_END = re.compile(rf"^{_ID}\s*(>=|<=|=)\s*{_NUM}$")
_RATIO_RANGE = re.compile(rf"^{_ID}\s+{_NUM}\s*\.\.\s*{_NUM}\s*[x×*]\s*{_ID}$")
_RATIO_END = re.compile(rf"^{_ID}\s*(>=|<=)\s*{_NUM}\s*[x×*]\s*{_ID}$")

EXAMPLES = (
    "security > sanctions > competence",
    "security 20%..40%",
    "sanctions 1.5..3 x competence",
    "sanctions >= 2 x competence",
    "cost_sharing = 5%",
)


def _share(number: str, percent: str) -> float:
    x = float(number)
    return x / 100 if percent or x > 1 else x


def _ratio(number: str, percent: str) -> float:
    if percent:
        raise ValueError("a ratio is a number of times (2 x competence), not a percentage")
    return float(number)


def _check(ids: Sequence[str], known: Sequence[str]) -> None:
    for c in ids:
        if c not in known:
            raise ValueError(f"'{c}' is not a criterion of this view{did_you_mean(c, tuple(known))}")


def parse_statement(text: str, known: Sequence[str]) -> dict[str, Any]:
    """One typed statement as plain data; ValueError says what is wrong."""
    line = " ".join(text.strip().split())
    if m := _RATIO_RANGE.match(line):
        a, lo, lp, hi, hp, b = m.groups()
        _check([a, b], known)
        return {"ratio": {"criterion": a, "to": b, "min": _ratio(lo, lp), "max": _ratio(hi, hp)}}
    if m := _RATIO_END.match(line):
        a, op, x, p, b = m.groups()
        _check([a, b], known)
        return {"ratio": {"criterion": a, "to": b, ("min" if op == ">=" else "max"): _ratio(x, p)}}
    if m := _RANGE.match(line):
        a, lo, lp, hi, hp = m.groups()
        _check([a], known)
        return {"interval": {"criterion": a, "min": _share(lo, lp), "max": _share(hi, hp)}}
    if m := _ONE_END.match(line):
        a, op, x, p = m.groups()
        _check([a], known)
        if op == "=":
            return {"exact": {"criterion": a, "weight": _share(x, p)}}
        return {"interval": {"criterion": a, ("min" if op == ">=" else "max"): _share(x, p)}}
    if ">" in line:
        return {"order": _order(line, known)}
    raise ValueError("not a statement; for example: " + "; ".join(EXAMPLES))


def _order(line: str, known: Sequence[str]) -> list[str | list[str]]:
    entries: list[str | list[str]] = []
    for part in re.split(r">=?", line):
        group = [c.strip() for c in part.split(",") if c.strip()]
        if not group or not all(re.fullmatch(_ID, c) for c in group):
            raise ValueError(f"an order is criteria ids between > signs, not {part.strip()!r}")
        _check(group, known)
        entries.append(group[0] if len(group) == 1 else group)
    return entries


def _pct(x: float) -> str:
    return f"{100 * x:.4g}%"


def statement_text(statement: Any) -> str:
    """A model statement in the words `parse_statement` reads."""
    if isinstance(statement, OrderStatement):
        return " > ".join(", ".join(g) for g in order_groups(statement.order))
    if isinstance(statement, IntervalStatement):
        b = statement.interval
        if b.min is not None and b.max is not None:
            return f"{b.criterion} {_pct(b.min)}..{_pct(b.max)}"
        return f"{b.criterion} {'>=' if b.min is not None else '<='} {_pct(b.min or b.max or 0)}"
    if isinstance(statement, RatioStatement):
        r = statement.ratio
        if r.min is not None and r.max is not None:
            return f"{r.criterion} {r.min:g}..{r.max:g} x {r.to}"
        return f"{r.criterion} {'>=' if r.min is not None else '<='} {(r.min or r.max or 0):g} x {r.to}"
    assert isinstance(statement, ExactStatement)
    return f"{statement.exact.criterion} = {_pct(statement.exact.weight)}"


def tradeoff_question(name: str, to: str, ratio: float) -> str:
    """The question, in the criteria's own swings (names as the planner knows them)."""
    times = "more than" if round(ratio, 2) == 1 else f"more than {ratio:.2g} times"
    return (
        f"Is moving {name} from its worst to its best level worth {times} "
        f"moving {to} from its worst to its best level?"
    )
