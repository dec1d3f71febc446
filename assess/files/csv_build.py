"""From the rows of a decision matrix (read by `csv_import`) to a checked case.

Every problem, those of the model and of `validate` included, is placed at
the CSV line and cell it comes from: an option's row, a criterion's column,
a `@` row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from assess.core.validate import check_case
from assess.errors import InputError, Problem, capped
from assess.model import Case
from assess.model.base import MAX_MAGNITUDE, is_id
from assess.model.families import DEFAULT_FAMILY, family_ids

COST_COLUMNS = ("@cost", "@cost_low", "@cost_high")
"""Columns of per-option costs in money (value, low and high ends), after the criteria."""
COST_FIELDS = {"@cost": "value", "@cost_low": "low", "@cost_high": "high"}
_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")


@dataclass
class Matrix:
    """What has been read: the header, the `@` rows, the options, the problems."""

    filename: str
    delimiter: str
    header_line: int = 0
    ids: list[str] = field(default_factory=list)
    meta: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    options: list[tuple[int, str, list[float | None]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    header_failed: bool = False
    cost_columns: list[str] = field(default_factory=list)
    """The `@cost` columns the header names, after the criteria, in order."""
    costs: dict[int, list[float | None]] = field(default_factory=dict)
    """Option row's line -> its cells of `cost_columns` (None: empty or refused)."""

    @property
    def width(self) -> int:
        """Cells in every row: the option column, the criteria, the cost columns."""
        return 1 + len(self.ids) + len(self.cost_columns)

    def fail(self, line: int, col: int, message: str) -> None:
        self.problems.append(Problem(self.filename, line, col, message))

    def header(self, line: int, cells: list[str]) -> None:
        self.header_line, self.ids = line, cells[1:]
        while self.ids and self.ids[-1] in COST_COLUMNS:
            self.cost_columns.insert(0, self.ids.pop())
        self._cost_header(line)
        d = "<tab>" if self.delimiter == "\t" else self.delimiter
        if not self.ids or cells[0].lower() != "option":
            self.header_failed = True
            self.fail(
                line,
                1,
                f"the header must be 'option{d}<criterion id>{d}...' "
                "(another delimiter? give it with --delimiter)",
            )
        for j, cid in enumerate(self.ids):
            if cid in COST_COLUMNS:
                continue  # said by _cost_header
            if not is_id(cid):
                self.fail(
                    line, j + 2, f"criterion id {cid[:64]!r}: use up to 64 letters, digits, '_', '.', '-'"
                )
            elif cid in self.ids[:j]:
                self.fail(line, j + 2, f"duplicate criterion '{cid}'")

    def _cost_header(self, line: int) -> None:
        first = 2 + len(self.ids)
        for j, cid in enumerate(self.ids):
            if cid in COST_COLUMNS:
                self.fail(line, j + 2, f"'{cid}' comes after the criteria: put the @cost columns last")
        for k, name in enumerate(self.cost_columns):
            if name in self.cost_columns[:k]:
                self.fail(line, first + k, f"a second '{name}' column")
        if self.cost_columns and "@cost" not in self.cost_columns:
            self.fail(line, first, "a cost range needs its value: add a '@cost' column")

    def cost_cells(self, line: int, cells: list[str]) -> None:
        """An option row's cost cells, read as numbers (an empty cell: no cost)."""
        first = 1 + len(self.ids)
        self.costs[line] = [
            self.number(x, line, first + k + 1) if x else None for k, x in enumerate(cells[first:])
        ]

    def row(self, key: str, default: str) -> tuple[int, list[str]]:
        return self.meta.get(key, (self.header_line, [default] * len(self.ids)))

    def number(self, text: str, line: int, col: int) -> float | None:
        """The number in a cell (a decimal comma allowed unless commas delimit
        cells), or None with a problem at (line, col)."""
        given = text
        if self.delimiter != "," and _DECIMAL_COMMA.fullmatch(text):
            text = text.replace(",", ".")
        if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):
            self.fail(line, col, f"not a finite number: {given!r}")
            return None
        if not _NUMBER.fullmatch(text):
            comma = _DECIMAL_COMMA.fullmatch(given)
            hint = " (a decimal comma needs ';' or tab between cells)" if comma else ""
            self.fail(line, col, f"not a number: {given[:40]!r}{hint}")
            return None
        x = float(text)
        if not abs(x) <= MAX_MAGNITUDE:
            self.fail(line, col, f"{given} is too large: numbers lie within ±{MAX_MAGNITUDE:g}")
            return None
        return x


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "option"
    slug, k = base[:60], 2
    while slug in taken:
        slug, k = f"{base[:56]}_{k}", k + 1
    return slug


def _choices(m: Matrix, key: str, default: str, allowed: tuple[str, ...]) -> list[str]:
    line, cells = m.row(key, default)
    for j, x in enumerate(cells):
        if x and x not in allowed:
            m.fail(line, j + 2, f"{key[1:]} must be {' or '.join(allowed)}, not {x[:40]!r}")
    return [x or default for x in cells]


def _numbers(m: Matrix, key: str) -> list[float | None]:
    if key not in m.meta:
        return [None] * len(m.ids)
    line, cells = m.meta[key]
    return [m.number(x, line, j + 2) if x else None for j, x in enumerate(cells)]


def _bounds(m: Matrix, j: int, low: float | None, high: float | None) -> tuple[float, float]:
    """Column j's scale: the bounds given, else the values observed (a constant
    column gets max = min + 1, so that it counts for nothing)."""
    column = [x for _, _, row in m.options if (x := row[j]) is not None]
    lo = min(column, default=0.0) if low is None else low
    hi = max(column, default=1.0) if high is None else high
    return (lo, lo + 1.0) if hi == lo and high is None else (lo, hi)


def _criteria(m: Matrix) -> tuple[list[dict[str, object]], dict[str, float]]:
    directions = _choices(m, "@direction", "benefit", ("benefit", "cost"))
    families = _choices(m, "@family", DEFAULT_FAMILY, tuple(family_ids()))
    lows, highs, weights = _numbers(m, "@min"), _numbers(m, "@max"), _numbers(m, "@weight")
    criteria: list[dict[str, object]] = []
    points: dict[str, float] = {}
    for j, cid in enumerate(m.ids):
        lo, hi = _bounds(m, j, lows[j], highs[j])
        if not hi > lo:
            m.fail(m.row("@max", "")[0], j + 2, f"max {hi:g} of '{cid}' must be greater than its min {lo:g}")
        for line, _, row in m.options:
            x = row[j]
            if x is not None and not lo <= x <= hi:
                m.fail(line, j + 2, f"{x:g} lies outside {lo:g}..{hi:g}, the scale of '{cid}'")
        scale = {"min": lo, "max": hi}
        criteria.append(
            {"id": cid, "name": cid, "family": families[j], "direction": directions[j], "scale": scale}
        )
        weight = weights[j]
        points[cid] = 1.0 if weight is None else weight
        if points[cid] < 0:
            m.fail(m.row("@weight", "")[0], j + 2, f"the weight of '{cid}' is negative ({points[cid]:g})")
    if points and all(w == 0 for w in points.values()):
        m.fail(m.row("@weight", "")[0], 2, "every weight is zero: nothing would count")
    return criteria, points


def build_case(m: Matrix, title: str) -> Case:
    """The case of a matrix read without a limit passed; InputError with every
    problem, each at its line and cell."""
    if m.header_line and not m.options and not m.problems:
        m.fail(m.header_line, 1, "no option rows")
    criteria, points = _criteria(m) if not m.problems else ([], {})
    if m.problems:
        raise InputError(capped(sorted(m.problems, key=lambda p: (p.line, p.column))))
    taken: set[str] = set()
    options, scores, where = [], {}, {}
    for line, name, row in m.options:
        oid = _slug(name, taken)
        taken.add(oid)
        options.append({"id": oid, "name": name})
        scores[oid] = {cid: {"value": x} for cid, x in zip(m.ids, row, strict=True)}
        where[oid] = line
    data: dict[str, object] = {
        "title": title,
        "criteria": {"use": m.ids, "local": criteria},
        "options": options,
        "weights": {"method": "direct", "elicitation": "imported from a decision matrix", "points": points},
        "scores": scores,
    }
    if m.cost_columns:
        data["resources"] = {"money": {"name": "Money"}}
        data["costs"] = _costs(m, [o["id"] for o in options])
    try:
        case = Case.model_validate(data)
    except ValidationError as err:
        placed = [_placed(m, where, tuple(e["loc"]), e["msg"]) for e in err.errors()]
        raise InputError(_in_order([*m.problems, *placed])) from None
    findings = check_case(case, None)
    if findings or m.problems:
        raise InputError(_in_order([*m.problems, *(_placed(m, where, path, msg) for path, msg in findings)]))
    return case


def _in_order(problems: list[Problem]) -> list[Problem]:
    return capped(sorted(problems, key=lambda p: (p.line, p.column)))


def _costs(m: Matrix, ids: list[str]) -> dict[str, dict[str, dict[str, float]]]:
    """option id -> {"money": cost cell} of every option row with a `@cost`."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for oid, (line, _, _) in zip(ids, m.options, strict=True):
        cells = dict(zip(m.cost_columns, m.costs.get(line, []), strict=True))
        cell = {COST_FIELDS[k]: x for k, x in cells.items() if x is not None}
        if "value" in cell:
            out[oid] = {"money": cell}
        elif cell:
            m.fail(line, 2 + len(m.ids) + m.cost_columns.index("@cost"), "a cost range needs its '@cost'")
    return out


def _placed(m: Matrix, where: dict[str, int], path: tuple, message: str) -> Problem:
    """A problem of the built case at the CSV cell its YAML path comes from."""
    col = {cid: j + 2 for j, cid in enumerate(m.ids)}
    line, column = m.header_line, 1
    if path[:1] == ("title",):
        line = 1  # the title comes from the file's name or --title
    elif path[:1] == ("scores",) and len(path) > 1:
        line, column = where.get(str(path[1]), line), col.get(str(path[2]), 1) if len(path) > 2 else 1
    elif path[:2] == ("criteria", "local") and len(path) > 2 and isinstance(path[2], int):
        column = path[2] + 2
    elif path[:1] == ("options",) and len(path) > 1 and isinstance(path[1], int):
        line = m.options[path[1]][0] if path[1] < len(m.options) else line
    elif path[:1] == ("costs",) and len(path) > 1:
        line = where.get(str(path[1]), line)
        field_ = path[3] if len(path) > 3 else "value"
        named = {v: k for k, v in COST_FIELDS.items()}.get(str(field_), "@cost")
        if named in m.cost_columns:
            column = 2 + len(m.ids) + m.cost_columns.index(named)
    elif path[:1] == ("weights",):
        line = m.meta.get("@weight", (line,))[0]
        column = col.get(str(path[2]), 1) if len(path) > 2 else 1
    return Problem(m.filename, line, column, message, ".".join(map(str, path)))
