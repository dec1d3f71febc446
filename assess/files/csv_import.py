"""A spreadsheet decision matrix (CSV) turned into a case.

Header row: `option,<criterion id>...`. Rows whose first cell is
`@direction` (benefit/cost), `@weight`, `@min`, `@max` or `@family`
(driver/constraint/risk/other) describe the columns, each at most once; every
other row is an option and its scores. After the criteria, the header may name
the columns `@cost`, `@cost_low` and `@cost_high`: each option's cost in money
(a resource `money` is declared), with its range; an empty cell is no cost.
Scale bounds default to the column's observed min and max (a constant column
gets max = min + 1, so it counts for nothing, as in min-max normalisation). A column's family is only what
`@family` says: without it, `other`.

The delimiter is the character right after `option` in the header (`,`, `;`,
tab or `|`), unless given. With a delimiter other than a comma, numbers may be
written with a decimal comma (`3,5`), as European spreadsheets export them.

The file is read a line at a time and refused at the first line past a limit:
MAX_OPTIONS option rows, MAX_CRITERIA columns, MAX_SCORES scores (so that the
case written stays within what a case file may hold), MAX_LINE_BYTES a line,
MAX_CELL characters a cell. Every problem names its line and cell (`:LINE:CELL:`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from assess.errors import InputError, Problem, did_you_mean, first_control, show_control

if TYPE_CHECKING:  # the model is imported when a file is read, not for `assess --help`
    from assess.files.csv_build import Matrix
    from assess.model import Case

META = ("@direction", "@weight", "@min", "@max", "@family")
DELIMITERS = {
    ",": ",",
    "comma": ",",
    ";": ";",
    "semicolon": ";",
    "tab": "\t",
    "\\t": "\t",
    "\t": "\t",
    "|": "|",
    "pipe": "|",
}
"""What `--delimiter` accepts, and the character each stands for."""

MAX_OPTIONS = 1_000
MAX_CRITERIA = 100
MAX_SCORES = 20_000
MAX_LINES = 20_000
"""Physical lines, blank ones included."""
MAX_LINE_BYTES = 64 * 1024
MAX_CELL = 1_000

_HEADER = re.compile(r'\s*"?option"?\s*([,;\t|])', re.IGNORECASE)


class _TooMuch(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        self.problem = (line, column, message)


def read_matrix(stream: BinaryIO, filename: str, title: str, delimiter: str | None = None) -> Case:
    """The case in the CSV `stream` (binary, read a line at a time); raise
    InputError with every problem found, or the first limit passed."""
    from assess.files.csv_build import Matrix, build_case

    lines = _Lines(stream)
    try:
        first = next(lines, "")
        sep = lines.delimiter = DELIMITERS[delimiter] if delimiter else _detect(first)
        matrix = Matrix(filename, sep)
        _read_rows(matrix, csv.reader(_chain(first, lines), delimiter=sep, strict=False), lines)
    except _TooMuch as e:
        raise InputError([Problem(filename, *e.problem)]) from None
    if matrix.header_line == 0:
        raise InputError([Problem(filename, 1, 1, "empty CSV: expected a header 'option,<criterion>,...'")])
    return build_case(matrix, title)


def _detect(first: str) -> str:
    """The delimiter: the character after `option` in the header, else the most
    frequent of `,;<tab>|` in the header line (a comma when there is none)."""
    m = _HEADER.match(first)
    if m:
        return m.group(1)
    counts = {d: first.count(d) for d in ",;\t|"}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


class _Lines:
    """The decoded lines of a binary stream, bounded in length and number."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.number = stream, 0
        self.delimiter: str | None = None
        """Once known, a bad byte is placed at its cell rather than its character."""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self.stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            raise StopIteration
        self.number += 1
        if self.number > MAX_LINES:
            raise _TooMuch(
                self.number,
                1,
                f"more than {MAX_LINES:,} lines: the importer reads at most "
                f"{MAX_LINES:,} lines and {MAX_OPTIONS:,} option rows",
            )
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            raise _TooMuch(self.number, 1, f"the line is longer than {MAX_LINE_BYTES:,} bytes, the limit")
        if self.number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as e:
            before = raw[: e.start].decode("utf-8", errors="replace")
            column = before.count(self.delimiter) + 1 if self.delimiter else len(before) + 1
            raise _TooMuch(
                self.number,
                column,
                f"not UTF-8 text (byte {raw[e.start]:#04x} cannot be decoded); export the sheet as CSV UTF-8",
            ) from None


def _read_rows(matrix: Matrix, reader: Iterable[list[str]], lines: _Lines) -> None:
    start = 1
    try:
        for row in reader:
            line, start = start, lines.number + 1
            cells = [c.strip() for c in row]
            if any(cells):
                _cells_ok(cells, line)
                _row(matrix, line, cells)
    except csv.Error as err:
        raise _TooMuch(start, 1, f"cannot read this CSV row: {err}") from None


def _cells_ok(cells: list[str], line: int) -> None:
    if len(cells) > MAX_CRITERIA + 1:
        raise _TooMuch(line, MAX_CRITERIA + 2, f"more than {MAX_CRITERIA} criteria columns, the limit")
    for j, cell in enumerate(cells):
        if len(cell) > MAX_CELL:
            raise _TooMuch(line, j + 1, f"the cell holds {len(cell):,} characters; the limit is {MAX_CELL:,}")


def _row(m: Matrix, line: int, cells: list[str]) -> None:
    if m.header_line == 0:
        m.header(line, cells)
        return
    if m.header_failed:
        return  # rows against a header that could not be read say nothing more
    if len(cells) != m.width:
        m.fail(line, 1, f"{len(cells)} cells, but the header has {m.width}")
        return
    key = cells[0]
    if key.startswith("@"):
        _meta(m, line, key, cells[1 : 1 + len(m.ids)])
        for k, x in enumerate(cells[1 + len(m.ids) :]):
            if x:
                m.fail(
                    line,
                    len(m.ids) + k + 2,
                    f"a '{key}' row says nothing of the cost columns: leave it empty",
                )
        return
    if len(m.options) >= MAX_OPTIONS:
        raise _TooMuch(
            line,
            1,
            f"more than {MAX_OPTIONS:,} option rows: the importer takes at most {MAX_OPTIONS:,} options",
        )
    if len(m.options) * len(m.ids) >= MAX_SCORES:
        raise _TooMuch(
            line,
            1,
            f"more than {MAX_SCORES:,} scores: the importer takes at most "
            f"{MAX_SCORES:,} (options x criteria)",
        )
    if _text_ok(m, line, 1, key, "an option row needs a name in its first cell"):
        row = cells[1 : 1 + len(m.ids)]
        m.options.append((line, key, [m.number(x, line, j + 2) for j, x in enumerate(row)]))
        m.cost_cells(line, cells)


def _meta(m: Matrix, line: int, key: str, cells: list[str]) -> None:
    if key not in META:
        m.fail(line, 1, f"unknown row '{key}'{did_you_mean(key, set(META))}")
    elif key in m.meta:
        m.fail(line, 1, f"a second '{key}' row (the first is on line {m.meta[key][0]})")
    else:
        m.meta[key] = (line, cells)


def _text_ok(m: Matrix, line: int, col: int, text: str, empty: str) -> bool:
    bad = first_control(text)
    if not text:
        m.fail(line, col, empty)
    elif bad is not None:
        m.fail(line, col, f"holds the control character {show_control(text[bad])}: write plain text")
    elif len(text) > 300:
        m.fail(line, col, f"{len(text)} characters; a name has at most 300")
    else:
        return True
    return False
