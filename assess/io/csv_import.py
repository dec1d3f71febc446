"""A spreadsheet decision matrix (CSV) turned into a case.

Header row: `option,<criterion id>...`. Rows whose first cell is
`@direction` (benefit/cost), `@weight`, `@min`, `@max` or `@family`
describe the columns; every other row is an option and its scores. Scale
bounds default to the column's observed min and max (a constant column gets
max = min + 1, so it counts for nothing, as in min-max normalisation).
"""

from __future__ import annotations

import csv
import io
import math
import re

from pydantic import ValidationError

from assess.errors import InputError, Problem, did_you_mean
from assess.model import Case

META = {"@direction", "@weight", "@min", "@max", "@family"}


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "option"
    slug, k = base[:60], 2
    while slug in taken:
        slug, k = f"{base[:56]}_{k}", k + 1
    return slug


class _Reader:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []

    def fail(self, line: int, col: int, message: str) -> None:
        self.problems.append(Problem(self.filename, line, col, message))

    def number(self, text: str, line: int, col: int) -> float | None:
        try:
            x = float(text)
        except ValueError:
            self.fail(line, col, f"not a number: {text!r}")
            return None
        if not math.isfinite(x):
            self.fail(line, col, f"not a finite number: {text!r}")
            return None
        return x


def _rows(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text))
    return [(reader.line_num, [c.strip() for c in row]) for row in reader if any(c.strip() for c in row)]


def _columns(r: _Reader, header: list[str], line: int) -> list[str]:
    ids = header[1:]
    if not ids or header[0].lower() != "option":
        r.fail(line, 1, "the header must be 'option,<criterion id>,...'")
    for j, cid in enumerate(ids):
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", cid):
            r.fail(line, j + 2, f"criterion id {cid!r}: use letters, digits, '_', '.', '-'")
        elif cid in ids[:j]:
            r.fail(line, j + 2, f"duplicate criterion '{cid}'")
    return ids


def matrix_to_case(text: str, filename: str, title: str | None = None) -> Case:
    """Build a case from CSV text; raise InputError with every problem."""
    r = _Reader(filename)
    rows = _rows(text)
    if not rows:
        raise InputError([Problem(filename, 1, 1, "empty CSV: expected a header 'option,<criterion>,...'")])
    (hline, header), body = rows[0], rows[1:]
    ids = _columns(r, header, hline)
    meta: dict[str, list[str]] = {}
    options: list[tuple[int, str, list[float | None]]] = []
    for line, row in body:
        if len(row) != len(header):
            r.fail(line, 1, f"{len(row)} cells, but the header has {len(header)}")
            continue
        key = row[0]
        if key.startswith("@"):
            if key not in META:
                r.fail(line, 1, f"unknown row '{key}'{did_you_mean(key, META)}")
            meta[key] = row[1:]
            continue
        options.append((line, key, [r.number(c, line, j + 2) for j, c in enumerate(row[1:])]))
    if not options:
        r.fail(hline, 1, "no option rows")
    case = _build(r, ids, meta, options, title or filename, dict(rows))
    if r.problems:
        raise InputError(r.problems)
    assert case is not None
    return case


def _build(
    r: _Reader,
    ids: list[str],
    meta: dict[str, list[str]],
    options: list[tuple[int, str, list[float | None]]],
    title: str,
    lines: dict[int, list[str]],
) -> Case | None:
    meta_line = {row[0]: n for n, row in lines.items() if row and row[0] in META}
    direction = meta.get("@direction", ["benefit"] * len(ids))
    for j, d in enumerate(direction):
        if d not in ("benefit", "cost"):
            r.fail(meta_line.get("@direction", 1), j + 2, f"direction must be benefit or cost, not {d!r}")
    bounds = {
        k: [r.number(x, meta_line[k], j + 2) if x else None for j, x in enumerate(meta[k])]
        for k in ("@min", "@max", "@weight")
        if k in meta
    }
    if r.problems:
        return None
    criteria, points = [], {}
    for j, cid in enumerate(ids):
        column = [row[j] for _, _, row in options if row[j] is not None]
        lo = bounds.get("@min", [None] * len(ids))[j]
        hi = bounds.get("@max", [None] * len(ids))[j]
        lo = min(column, default=0.0) if lo is None else lo
        hi = max(column, default=1.0) if hi is None else hi
        if hi == lo:
            hi = lo + 1.0
        family = meta.get("@family", [""] * len(ids))[j] or (
            "driver" if direction[j] == "benefit" else "constraint"
        )
        criteria.append(
            {
                "id": cid,
                "name": cid,
                "family": family,
                "direction": direction[j],
                "scale": {"min": lo, "max": hi},
            }
        )
        weight = bounds.get("@weight", [1.0] * len(ids))[j]
        points[cid] = 1.0 if weight is None else weight
    taken: set[str] = set()
    opts, scores = [], {}
    for _, name, row in options:
        oid = _slug(name, taken)
        taken.add(oid)
        opts.append({"id": oid, "name": name})
        scores[oid] = {cid: {"value": x} for cid, x in zip(ids, row, strict=True)}
    data = {
        "title": title,
        "criteria": {"use": ids, "local": criteria},
        "options": opts,
        "weights": {"method": "direct", "elicitation": "imported from a decision matrix", "points": points},
        "scores": scores,
    }
    try:
        return Case.model_validate(data)
    except ValidationError as err:
        for e in err.errors():
            r.fail(1, 1, f"{'.'.join(map(str, e['loc']))}: {e['msg']}")
        return None
