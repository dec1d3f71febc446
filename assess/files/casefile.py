"""Loading and saving case files and the criteria catalogue.

Loading collects every problem of a file (YAML, types, ids, scales, cited
passages) as `Problem`s with file, line and column, and raises them together
in one `InputError`; past a structural error the rest of the file is still
checked (see `salvage`). A cited passage that is not in its document is a
warning (`strict_passages` makes it an error, as `assess check` wants): the
loaded case lists it in `warnings` and `passages_not_found`, with the other
warnings (inconsistent AHP judgements, a team rule that cannot apply).
Files are read through `reading`: regular files within size limits, and the
catalogue and documents a case names only from inside its project root (see
`reading.root_of`).
Saving patches only what changed (see `assess.files.yaml.patch`) and writes atomically,
refusing to overwrite a file that changed on disk.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assess.core.validate import Finding, case_warnings, check_case, check_catalogue
from assess.errors import InputError, Problem, Severity, capped
from assess.files.atomic import FileStamp, write_atomic, write_output
from assess.files.documents import passage_found
from assess.files.loaded import Cited, LoadedCase, LoadedCatalogue
from assess.files.reading import (
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENTS_TOTAL,
    Refused,
    catalogue_memo,
    check_file,
    confined,
    read_document,
    read_limited,
    root_of,
)
from assess.files.salvage import CASE_DEFINITIONS, CATALOGUE_DEFINITIONS, Salvaged, salvage
from assess.files.yaml.dump import dump_yaml
from assess.files.yaml.safe import MAX_BYTES, YamlDoc, parse_yaml
from assess.model import FORMAT_VERSION, Case, Catalogue, Document, Score, SourceRef


def _read(path: Path) -> bytes:
    return read_limited(path, MAX_BYTES)


def catalogue_shape(root: Node | None) -> str | None:
    """Why a composed file is not a criteria catalogue (a mapping with a list
    under `criteria` and no `options`), or None. Said without quoting the
    file, which may be anything a case names."""
    keys = {}
    if isinstance(root, MappingNode):
        keys = {k.value: v for k, v in root.value if isinstance(k, ScalarNode)}
    if isinstance(keys.get("criteria"), SequenceNode) and "options" not in keys:
        return None
    return "not a criteria catalogue (a mapping with a list of criteria under 'criteria')"


def _problems(
    doc: YamlDoc, name: str, findings: list[Finding], severity: Severity = "error", total: int = 0
) -> list[Problem]:
    """The findings as problems in file order, the first MAX_PROBLEMS of `total`."""
    out = []
    for path, message in findings:
        line, col = doc.locate(path)
        shown = path[:-1] if path[-1:] == ("[key]",) else path  # the key itself is at fault
        out.append(Problem(name, line, col, message, ".".join(str(p) for p in shown), severity))
    return capped(sorted(out, key=lambda p: (p.line, p.column)), total)


def _raise_if_errors(problems: list[Problem]) -> None:
    """Every problem (warnings too) in one InputError, if any of them is an error."""
    if any(p.severity == "error" for p in problems):
        raise InputError(sorted(problems, key=_in_file_order))


def _parse_model(doc: YamlDoc, name: str, model: type[BaseModel], what: str) -> Salvaged:
    """The validated model, or as much of it as can be read, with every
    structural finding (see `salvage`); an InputError if nothing can be read."""
    data = doc.data
    if not isinstance(data, dict):
        raise InputError(
            [Problem(name, 1, 1, f"expected a {what} (a mapping of keys), not {type(data).__name__}")]
        )
    version = data.get("format", FORMAT_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        line, col = doc.locate(("format",))
        msg = f"written in format {version}; this assess reads format {FORMAT_VERSION}: upgrade assess"
        raise InputError([Problem(name, line, col, msg, "format")])
    definitions = CASE_DEFINITIONS if model is Case else CATALOGUE_DEFINITIONS
    parsed = salvage(data, model, definitions)
    if parsed.model is None:
        raise InputError(_problems(doc, name, parsed.findings, total=parsed.total))
    return parsed


def _documents(
    declared: dict[str, Document], base: Path, root: Path
) -> tuple[dict[str, Path], list[Finding]]:
    """The declared documents at hand, and why any other is refused: outside
    the project root, not a regular file, or over MAX_DOCUMENT_BYTES. A document
    that is simply missing is left out (its quotes are not checked)."""
    found: dict[str, Path] = {}
    refused: list[Finding] = []
    for name, document in declared.items():
        if not document.path:
            continue
        try:
            target = confined(document.path, base, root)
            if target.exists():
                check_file(target, MAX_DOCUMENT_BYTES)
                found[name] = target
        except Refused as why:
            refused.append((("documents", name, "path"), f"document {name}: {why}"))
    return found, refused


def _passage_findings(
    sources: Sequence[tuple[tuple[str | int, ...], object]], documents: dict[str, Path]
) -> tuple[list[tuple[Finding, Cited]], list[Finding]]:
    """Each cited passage that is not in its document, with the citation; and
    the documents that could not be read (errors). Each document is read once
    (bounded) and let go before the next; all of them together may hold at most
    MAX_DOCUMENTS_TOTAL bytes."""
    by_doc: dict[str, list[tuple[tuple[str | int, ...], SourceRef]]] = {}
    for path, source in sources:
        if isinstance(source, SourceRef) and source.document in documents:
            by_doc.setdefault(source.document, []).append((path, source))
    found: list[tuple[Finding, Cited]] = []
    unreadable: list[Finding] = []
    budget = MAX_DOCUMENTS_TOTAL
    for doc, cited in by_doc.items():
        try:
            text = read_document(documents[doc], budget)
        except InputError as err:
            why = err.problems[0].message
            unreadable += [((*path, "source", "document"), f"document {doc}: {why}") for path, _ in cited]
            continue
        budget -= len(text)
        for path, source in cited:
            if not passage_found(text, source.passage):
                finding = ((*path, "source", "passage"), f"passage not found in {doc}")
                found.append((finding, (doc, source.passage)))
    return found, unreadable


@dataclass(frozen=True)
class _Checked:
    """A file's problems (warnings too) and the passages it cites that are not found."""

    problems: list[Problem]
    not_found: frozenset[Cited]


def _passage_problems(
    doc: YamlDoc,
    name: str,
    missing: list[tuple[Finding, Cited]],
    parsed: Salvaged,
    strict: bool,
) -> _Checked:
    kept = [(parsed.in_file(f[0]), f[1], c) for f, c in missing if not parsed.is_secondary(f)]
    severity: Severity = "error" if strict else "warning"
    problems = _problems(doc, name, [(path, message) for path, message, _ in kept], severity)
    return _Checked(problems, frozenset(c for _, _, c in kept))


_ReadCatalogue = tuple[LoadedCatalogue, Salvaged, list[Problem]]


def _read_catalogue(path: Path, strict: bool, root: Path, doc: YamlDoc | None = None) -> _ReadCatalogue:
    """`_read_catalogue_file`, once per catalogue within `catalogues_once`
    (its messages name the file as this `path` spells it)."""
    memo = catalogue_memo()
    if memo is None:
        return _read_catalogue_file(path, strict, root, doc)
    raw = doc.text.encode("utf-8") if doc is not None else _read(path)
    key = (str(path.resolve()), hashlib.sha256(raw).digest(), strict, str(root))
    if key not in memo:
        doc = doc or parse_yaml(raw, str(path), check_root=catalogue_shape)
        memo[key] = _read_catalogue_file(path, strict, root, doc)
    loaded, parsed, problems = memo[key]
    if loaded.path != path:  # named from another folder: the same file, as this one spells it
        name = str(path)
        relabel = [replace(p, file=name) if p.file == str(loaded.path) else p for p in problems]
        warnings = tuple(replace(w, file=name) for w in loaded.warnings)
        loaded = replace(loaded, path=path, warnings=warnings)
        return loaded, parsed, relabel
    return loaded, parsed, list(problems)


def _read_catalogue_file(path: Path, strict: bool, root: Path, doc: YamlDoc | None = None) -> _ReadCatalogue:
    """The catalogue (only as far as it could be read, if there are errors),
    what was left out of it, and its problems; its documents must lie inside
    `root`. `doc` when the file is already parsed."""
    name = str(path)
    if doc is None:
        doc = parse_yaml(_read(path), name, check_root=catalogue_shape)
    parsed = _parse_model(doc, name, Catalogue, "criteria catalogue")
    catalogue = parsed.model
    assert isinstance(catalogue, Catalogue)
    documents, refused = _documents(catalogue.documents, path.parent, root)
    sources = [(("criteria", i), c.source) for i, c in enumerate(catalogue.criteria)]
    missing, unreadable = _passage_findings(sources, documents)
    findings = parsed.findings + parsed.kept(refused + check_catalogue(catalogue) + unreadable)
    cited = _passage_problems(doc, name, missing, parsed, strict)
    problems = _problems(doc, name, findings) + cited.problems
    warnings = tuple(p for p in problems if p.severity == "warning")
    loaded = LoadedCatalogue(path, catalogue, documents, warnings, cited.not_found, doc)
    return loaded, parsed, problems


def _case_sources(case: Case) -> list[tuple[tuple[str | int, ...], object]]:
    sources: list[tuple[tuple[str | int, ...], object]] = [
        (("options", i), o.source) for i, o in enumerate(case.options)
    ]
    tables: list[tuple[tuple[str, ...], dict[str, dict[str, Score]]]] = [(("scores",), case.scores)]
    tables += [(("scenarios", s, "scores"), sc.scores) for s, sc in case.scenarios.items()]
    tables += [(("assessors", a, "scores"), person.scores) for a, person in case.assessors.items()]
    tables += [
        (("assessors", a, "scenarios", s, "scores"), own.scores)
        for a, person in case.assessors.items()
        for s, own in person.scenarios.items()
    ]
    for path, table in tables:
        for opt, row in table.items():
            sources += [((*path, opt, cid), cell.source) for cid, cell in row.items()]
    return sources


def _load_case_catalogue(
    case: Case, doc: YamlDoc, path: Path, strict: bool, root: Path
) -> tuple[LoadedCatalogue | None, Salvaged | None, list[Problem]]:
    """The case's catalogue (a .yaml file inside the case's project root),
    what was left out of it, and its problems; no catalogue when it cannot be
    read (or the case names none)."""
    rel = case.criteria.catalogue
    if rel is None:
        return None, None, []
    try:
        target = confined(rel, path.parent, root)
        if target.suffix not in (".yaml", ".yml"):
            raise Refused("the criteria catalogue must be a .yaml or .yml file")
        if not target.exists():
            raise Refused(f"criteria catalogue not found: {path.parent / rel}")
    except Refused as why:
        line, col = doc.locate(("criteria", "catalogue"))
        return None, None, [Problem(str(path), line, col, str(why), "criteria.catalogue")]
    try:
        return _read_catalogue(path.parent / rel, strict, root)
    except InputError as err:
        return None, None, err.problems


def load_case(
    path: Path | str,
    root: Path | None = None,
    *,
    strict_passages: bool = False,
    raw: bytes | None = None,
) -> LoadedCase:
    """Read, parse and check a case file; raise InputError with every problem
    of the case and its catalogue if any is an error (a passage not found is
    one if `strict_passages`, else a warning of the loaded case).

    The catalogue and documents it names must lie inside `root` (default: the
    `--root` given, or the case's project root; see `reading.root_of`). `raw`:
    the file's bytes when already read (the cache keys on exactly those)."""
    path = Path(path)
    raw = _read(path) if raw is None else raw
    doc = parse_yaml(raw, str(path))
    return _case_from(path, raw, doc, root_of(path) if root is None else root, strict_passages)


def load_any(
    path: Path | str, root: Path | None = None, *, strict_passages: bool = False
) -> LoadedCase | LoadedCatalogue:
    """A case or a criteria catalogue, whichever the file holds (see
    `catalogue_shape`), read and parsed once."""
    path = Path(path)
    raw = _read(path)
    doc = parse_yaml(raw, str(path))
    root = root_of(path) if root is None else root
    if catalogue_shape(doc.root) is None:
        loaded, _, problems = _read_catalogue(path, strict_passages, root, doc)
        _raise_if_errors(problems)
        return loaded
    return _case_from(path, raw, doc, root, strict_passages)


def _case_from(path: Path, raw: bytes, doc: YamlDoc, root: Path, strict_passages: bool) -> LoadedCase:
    name = str(path)
    parsed = _parse_model(doc, name, Case, "case")
    case = parsed.model
    assert isinstance(case, Case)
    loaded_catalogue, cat_parsed, problems = _load_case_catalogue(case, doc, path, strict_passages, root)
    own, refused = _documents(case.documents, path.parent, root)
    documents = {**(loaded_catalogue.documents if loaded_catalogue else {}), **own}
    findings = list(parsed.findings) + parsed.kept(refused)
    catalogue_lost = any(p[:2] in {("criteria",), ("criteria", "catalogue")} for p in parsed.left_out)
    if loaded_catalogue is not None or (case.criteria.catalogue is None and not catalogue_lost):
        # else every id of the catalogue would be reported unknown
        catalogue = loaded_catalogue.catalogue if loaded_catalogue else None
        checked = parsed.kept(check_case(case, catalogue))
        findings += [f for f in checked if not (cat_parsed and cat_parsed.names_broken(f[1]))]
        problems += _problems(doc, name, parsed.kept(case_warnings(case, catalogue)), "warning")
    missing, unreadable = _passage_findings(_case_sources(case), documents)
    findings += parsed.kept(unreadable)
    cited = _passage_problems(doc, name, missing, parsed, strict_passages)
    problems += _problems(doc, name, findings) + cited.problems
    _raise_if_errors(problems)
    not_found = cited.not_found | (loaded_catalogue.passages_not_found if loaded_catalogue else frozenset())
    warnings = tuple(sorted((p for p in problems if p.severity == "warning"), key=_in_file_order))
    return LoadedCase(
        path, case, doc, FileStamp.of_bytes(raw), loaded_catalogue, documents, warnings, not_found
    )


def _in_file_order(p: Problem) -> tuple[str, int, int]:
    return (p.file, p.line, p.column)


def case_data(case: Case) -> dict[str, object]:
    """The case as plain data for YAML: what was set, with the format stamped."""
    data = case.model_dump(mode="python", exclude_unset=True)
    return {"format": FORMAT_VERSION, **{k: v for k, v in data.items() if k != "format"}}


class CitationsLost(OSError):
    """Saved in another folder, the case would not find the files it cites."""


def save_case(
    loaded: LoadedCase, case: Case, path: Path | str | None = None, force: bool = False
) -> LoadedCase:
    """Write `case` over the file it was loaded from (or to `path`), changing
    only the lines whose values changed. Raises ConflictError if the file
    changed on disk since it was loaded, unless `force`; FileExistsError for
    another file that exists, unless `force`; CitationsLost for a folder from
    which the catalogue or a cited document would not be found (use
    `casecopy.save_copy`, which brings them along). The file is written by
    `write_atomic`: under its lock, keeping owner, mode and byte order mark."""
    target = Path(path) if path is not None else loaded.path
    data = case_data(case)
    same_file = target.resolve() == loaded.path.resolve()
    if not same_file and target.exists() and not force:
        raise FileExistsError(f"{target} exists; choose another name or overwrite it")
    if target.parent.resolve() != loaded.path.parent.resolve():
        _check_citations(loaded, case, target.parent)
    from assess.files.yaml.patch import patch_yaml  # saving only: its patterns cost 5 ms to compile

    text = patch_yaml(loaded.doc.text, loaded.doc.data, data)
    expected = loaded.stamp if same_file else None
    stamp = write_atomic(target, text, expected=expected, force=force or not same_file)
    doc = parse_yaml(text.encode("utf-8"), str(target))
    return replace(loaded, path=target, case=case, doc=doc, stamp=stamp)


def _check_citations(loaded: LoadedCase, case: Case, folder: Path) -> None:
    """CitationsLost unless every file the case cites, looked up from `folder`,
    holds what it held from the case's own folder."""
    home = loaded.path.parent
    moves: list[tuple[str, Path, Path]] = []
    if case.criteria.catalogue and loaded.catalogue:
        new_catalogue = folder / case.criteria.catalogue
        moves.append((case.criteria.catalogue, loaded.catalogue.path, new_catalogue))
        for name, old in loaded.catalogue.documents.items():
            rel = getattr(loaded.catalogue.catalogue.documents[name], "path", None) or ""
            moves.append((rel, old, new_catalogue.parent / rel))
    for doc in case.documents.values():
        if doc.path and (home / doc.path).is_file():
            moves.append((doc.path, home / doc.path, folder / doc.path))
    for rel, old, new in moves:
        if not _same_bytes(old, new):
            raise CitationsLost(
                f"saved in {folder}, the case would not find {rel} (it cites {old}); save it "
                f"in {home}, or save a copy that brings the files it cites along"
            )


def _same_bytes(a: Path, b: Path) -> bool:
    import filecmp

    try:
        return b.is_file() and (os.path.samefile(a, b) or filecmp.cmp(a, b, shallow=False))
    except OSError:
        return False


def write_new_case(
    path: Path | str, case: Case, force: bool = False, inputs: list[Path] | None = None
) -> FileStamp:
    """Write a new case file (e.g. from `assess import`) with `write_output`:
    InputError for an existing file unless `force`, or for an output that is
    a folder, a device, a link or one of `inputs`."""
    return write_output(path, dump_yaml(case_data(case)), inputs=inputs or [], replace=force)


def load_cases(
    paths: list[str] | list[Path], load: Callable[[str | Path], LoadedCase] | None = None
) -> list[LoadedCase]:
    """Every case loaded (by `load`, default `load_case`); one InputError with
    the problems of all files."""
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append((load or load_case)(path))
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return loaded
