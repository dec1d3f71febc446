"""Loading and saving case files and the criteria catalogue.

Loading collects every problem of a file (YAML, types, ids, scales, cited
passages) as `Problem`s with file, line and column, and raises them together
in one `InputError`. Saving patches only what changed (see `yamlwrite`) and
writes atomically, refusing to overwrite a file that changed on disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel, ValidationError

from assess.errors import InputError, Problem
from assess.io.atomic import FileStamp, write_atomic, write_output
from assess.io.validation_messages import validation_findings
from assess.io.yamlsafe import YamlDoc, parse_yaml
from assess.io.yamlwrite import dump_yaml, patch_yaml
from assess.model import FORMAT_VERSION, Case, Catalogue
from assess.passages import locate_passage
from assess.validate import Finding, check_case, check_catalogue


@dataclass(frozen=True)
class LoadedCatalogue:
    path: Path
    catalogue: Catalogue
    documents: dict[str, Path]


@dataclass(frozen=True)
class LoadedCase:
    """A case as read from disk, with what saving and quoting need."""

    path: Path
    case: Case
    doc: YamlDoc
    stamp: FileStamp
    catalogue: LoadedCatalogue | None = None
    documents: dict[str, Path] = field(default_factory=dict)
    """Source documents by file name, resolved to paths that exist."""

    @property
    def catalogue_model(self) -> Catalogue | None:
        return self.catalogue.catalogue if self.catalogue else None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError([Problem(str(path), 0, 0, "is a folder, not a file")]) from None
    except OSError as err:
        raise InputError([Problem(str(path), 0, 0, err.strerror or str(err))]) from None


def _problems(doc: YamlDoc, name: str, findings: list[Finding]) -> list[Problem]:
    out = []
    for path, message in findings:
        line, col = doc.locate(path)
        out.append(Problem(name, line, col, message, ".".join(str(p) for p in path)))
    return sorted(out, key=lambda p: (p.line, p.column))


def _without(data: object, paths: list[tuple[str | int, ...]]) -> object:
    """A copy of `data` without the keys at `paths`."""
    import copy

    data = copy.deepcopy(data)
    for path in paths:
        node = data
        for key in path[:-1]:
            node = node[key]  # type: ignore[index]
        node.pop(path[-1], None)  # type: ignore[union-attr]
    return data


def _parse_model(
    doc: YamlDoc, name: str, model: type[BaseModel], what: str
) -> tuple[BaseModel, list[Finding]]:
    """The validated model and the findings it could get past: unknown keys
    are reported, then left out so that the remaining checks still run."""
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
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        findings = validation_findings(err, model)
        extra = [tuple(e["loc"]) for e in err.errors() if e["type"] == "extra_forbidden"]
        if len(extra) < len(err.errors()):
            raise InputError(_problems(doc, name, findings)) from None
    try:
        return model.model_validate(_without(data, extra)), findings  # type: ignore[arg-type]
    except ValidationError:
        raise InputError(_problems(doc, name, findings)) from None


def _documents(declared: dict[str, object], base: Path) -> dict[str, Path]:
    found = {}
    for name, document in declared.items():
        rel = getattr(document, "path", None)
        if rel and (base / rel).is_file():
            found[name] = base / rel
    return found


def _passage_findings(
    sources: list[tuple[tuple[str | int, ...], object]], documents: dict[str, Path]
) -> list[Finding]:
    texts: dict[str, str] = {}
    found: list[Finding] = []
    for path, source in sources:
        doc = getattr(source, "document", None)
        if source is None or doc not in documents:
            continue
        if doc not in texts:
            texts[doc] = documents[doc].read_text(encoding="utf-8", errors="replace")
        if locate_passage(texts[doc], source.passage) is None:  # type: ignore[attr-defined]
            found.append(((*path, "source", "passage"), f"passage not found in {doc}"))
    return found


def load_catalogue(path: Path | str) -> LoadedCatalogue:
    path = Path(path)
    name = str(path)
    doc = parse_yaml(_read(path), name)
    catalogue, findings = _parse_model(doc, name, Catalogue, "criteria catalogue")
    assert isinstance(catalogue, Catalogue)
    documents = _documents(catalogue.documents, path.parent)
    sources = [(("criteria", i), c.source) for i, c in enumerate(catalogue.criteria)]
    findings += check_catalogue(catalogue) + _passage_findings(sources, documents)
    if findings:
        raise InputError(_problems(doc, name, findings))
    return LoadedCatalogue(path, catalogue, documents)


def _case_sources(case: Case) -> list[tuple[tuple[str | int, ...], object]]:
    sources: list[tuple[tuple[str | int, ...], object]] = [
        (("options", i), o.source) for i, o in enumerate(case.options)
    ]
    tables = [(("scores",), case.scores)]
    tables += [(("scenarios", s, "scores"), sc.scores) for s, sc in case.scenarios.items()]
    tables += [(("assessors", a, "scores"), person.scores) for a, person in case.assessors.items()]
    for path, table in tables:
        for opt, row in table.items():
            sources += [((*path, opt, cid), cell.source) for cid, cell in row.items()]
    return sources


def _load_case_catalogue(case: Case, doc: YamlDoc, path: Path) -> LoadedCatalogue | None:
    if case.criteria.catalogue is None:
        return None
    cat_path = path.parent / case.criteria.catalogue
    if not cat_path.is_file():
        line, col = doc.locate(("criteria", "catalogue"))
        msg = f"criteria catalogue not found: {cat_path}"
        raise InputError([Problem(str(path), line, col, msg, "criteria.catalogue")])
    return load_catalogue(cat_path)


def load_case(path: Path | str) -> LoadedCase:
    """Read, parse and check a case file; raise InputError with every problem."""
    path = Path(path)
    name = str(path)
    raw = _read(path)
    doc = parse_yaml(raw, name)
    case, findings = _parse_model(doc, name, Case, "case")
    assert isinstance(case, Case)
    loaded_catalogue = _load_case_catalogue(case, doc, path)
    documents = {
        **(loaded_catalogue.documents if loaded_catalogue else {}),
        **_documents(case.documents, path.parent),
    }
    catalogue = loaded_catalogue.catalogue if loaded_catalogue else None
    findings += check_case(case, catalogue) + _passage_findings(_case_sources(case), documents)
    if findings:
        raise InputError(_problems(doc, name, findings))
    return LoadedCase(path, case, doc, FileStamp.of_bytes(raw), loaded_catalogue, documents)


def is_catalogue_file(path: Path) -> bool:
    """Whether a YAML file looks like a criteria catalogue rather than a case."""
    try:
        doc = parse_yaml(_read(path), str(path))
    except InputError:
        return False
    data = doc.data
    return isinstance(data, dict) and isinstance(data.get("criteria"), list) and "options" not in data


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


def load_cases(paths: list[str] | list[Path]) -> list[LoadedCase]:
    """Every case loaded; one InputError with the problems of all files."""
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_case(path))
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return loaded
