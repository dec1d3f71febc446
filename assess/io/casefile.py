"""Loading and saving case files and the criteria catalogue.

Loading collects every problem of a file (YAML, types, ids, scales, cited
passages) as `Problem`s with file, line and column, and raises them together
in one `InputError`. Files are read through `reading`: regular files within
size limits, and the catalogue and documents a case names only from inside its
project root (see `reading.root_of`). Saving patches only what changed (see `yamlwrite`) and
writes atomically, refusing to overwrite a file that changed on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assess.errors import InputError, Problem, capped
from assess.io.atomic import FileStamp, write_atomic
from assess.io.reading import (
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENTS_TOTAL,
    Refused,
    check_file,
    confined,
    read_document,
    read_limited,
    root_of,
)
from assess.io.validation_messages import validation_findings
from assess.io.yamlsafe import MAX_BYTES, YamlDoc, compose, parse_yaml
from assess.io.yamlwrite import dump_yaml, patch_yaml
from assess.model import FORMAT_VERSION, Case, Catalogue, Document, SourceRef
from assess.passages import passage_found
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


def _problems(doc: YamlDoc, name: str, findings: list[Finding], total: int = 0) -> list[Problem]:
    """The findings as problems in file order, the first MAX_PROBLEMS of `total`."""
    out = []
    for path, message in findings:
        line, col = doc.locate(path)
        shown = path[:-1] if path[-1:] == ("[key]",) else path  # the key itself is at fault
        out.append(Problem(name, line, col, message, ".".join(str(p) for p in shown)))
    return capped(sorted(out, key=lambda p: (p.line, p.column)), total)


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


MAX_DESCRIBED = 1_000
"""Past this many validation errors, only those of a sample are described."""


def _pruned(data: object, keep: int = 50) -> object:
    """`data` with every list and mapping cut to its first `keep` items."""
    if isinstance(data, dict):
        return {k: _pruned(v, keep) for k, v in list(data.items())[:keep]}
    if isinstance(data, list):
        return [_pruned(v, keep) for v in data[:keep]]
    return data


def _sampled_findings(model: type[BaseModel], data: object, err: ValidationError) -> list[Finding]:
    """The findings of the first items of every list and mapping: the same paths
    and messages as those of the whole file, at a fraction of the cost."""
    try:
        model.model_validate(_pruned(data))
    except ValidationError as sample:
        return validation_findings(sample, model)
    return validation_findings(err, model)  # the errors lie past the sample: all of them, then


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
        if err.error_count() > MAX_DESCRIBED:  # 200,000 errors as dicts: seconds and gigabytes
            raise InputError(
                _problems(doc, name, _sampled_findings(model, data, err), err.error_count())
            ) from None
        findings = validation_findings(err, model)
        errors = err.errors(include_url=False, include_context=False, include_input=False)
        extra = [tuple(e["loc"]) for e in errors if e["type"] == "extra_forbidden"]
        if len(extra) < len(errors):
            raise InputError(_problems(doc, name, findings)) from None
    try:
        return model.model_validate(_without(data, extra)), findings  # type: ignore[arg-type]
    except ValidationError:
        raise InputError(_problems(doc, name, findings)) from None


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
    sources: list[tuple[tuple[str | int, ...], object]], documents: dict[str, Path]
) -> list[Finding]:
    """A finding for each cited passage not in its document. Each document is
    read once (bounded) and let go before the next; all of them together may
    hold at most MAX_DOCUMENTS_TOTAL bytes."""
    by_doc: dict[str, list[tuple[tuple[str | int, ...], SourceRef]]] = {}
    for path, source in sources:
        if isinstance(source, SourceRef) and source.document in documents:
            by_doc.setdefault(source.document, []).append((path, source))
    found: list[Finding] = []
    budget = MAX_DOCUMENTS_TOTAL
    for doc, cited in by_doc.items():
        try:
            text = read_document(documents[doc], budget)
        except InputError as err:
            why = err.problems[0].message
            found += [((*path, "source", "document"), f"document {doc}: {why}") for path, _ in cited]
            continue
        budget -= len(text)
        found += [
            ((*path, "source", "passage"), f"passage not found in {doc}")
            for path, source in cited
            if not passage_found(text, source.passage)
        ]
    return found


def load_catalogue(path: Path | str, root: Path | None = None) -> LoadedCatalogue:
    """Read and check a criteria catalogue; its documents must lie inside `root`
    (default: the catalogue's own project root)."""
    path = Path(path)
    doc = parse_yaml(_read(path), str(path), check_root=catalogue_shape)
    return _catalogue_from(path, doc, root_of(path) if root is None else root)


def _catalogue_from(path: Path, doc: YamlDoc, root: Path) -> LoadedCatalogue:
    name = str(path)
    catalogue, findings = _parse_model(doc, name, Catalogue, "criteria catalogue")
    assert isinstance(catalogue, Catalogue)
    documents, refused = _documents(catalogue.documents, path.parent, root)
    sources = [(("criteria", i), c.source) for i, c in enumerate(catalogue.criteria)]
    findings += refused + check_catalogue(catalogue) + _passage_findings(sources, documents)
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


def _load_case_catalogue(case: Case, doc: YamlDoc, path: Path, root: Path) -> LoadedCatalogue | None:
    """The catalogue a case names: a .yaml file inside the case's project root."""
    rel = case.criteria.catalogue
    if rel is None:
        return None
    try:
        target = confined(rel, path.parent, root)
        if target.suffix not in (".yaml", ".yml"):
            raise Refused("the criteria catalogue must be a .yaml or .yml file")
        if not target.exists():
            raise Refused(f"criteria catalogue not found: {path.parent / rel}")
    except Refused as why:
        line, col = doc.locate(("criteria", "catalogue"))
        raise InputError([Problem(str(path), line, col, str(why), "criteria.catalogue")]) from None
    return load_catalogue(path.parent / rel, root)


def load_case(path: Path | str, root: Path | None = None) -> LoadedCase:
    """Read, parse and check a case file; raise InputError with every problem.

    The catalogue and documents it names must lie inside `root` (default: the
    `--root` given, or the case's project root; see `reading.root_of`)."""
    path = Path(path)
    raw = _read(path)
    return _case_from(path, raw, parse_yaml(raw, str(path)), root_of(path) if root is None else root)


def load_any(path: Path | str, root: Path | None = None) -> LoadedCase | LoadedCatalogue:
    """A case or a criteria catalogue, whichever the file holds (see
    `catalogue_shape`), read and parsed once."""
    path = Path(path)
    raw = _read(path)
    doc = parse_yaml(raw, str(path))
    root = root_of(path) if root is None else root
    if catalogue_shape(doc.root) is None:
        return _catalogue_from(path, doc, root)
    return _case_from(path, raw, doc, root)


def _case_from(path: Path, raw: bytes, doc: YamlDoc, root: Path) -> LoadedCase:
    name = str(path)
    case, findings = _parse_model(doc, name, Case, "case")
    assert isinstance(case, Case)
    loaded_catalogue = _load_case_catalogue(case, doc, path, root)
    own, refused = _documents(case.documents, path.parent, root)
    documents = {**(loaded_catalogue.documents if loaded_catalogue else {}), **own}
    catalogue = loaded_catalogue.catalogue if loaded_catalogue else None
    findings += refused + check_case(case, catalogue) + _passage_findings(_case_sources(case), documents)
    if findings:
        raise InputError(_problems(doc, name, findings))
    return LoadedCase(path, case, doc, FileStamp.of_bytes(raw), loaded_catalogue, documents)


def is_catalogue_file(path: Path) -> bool:
    """Whether a YAML file looks like a criteria catalogue rather than a case
    (composed only: no values built, so it costs little beside the full load)."""
    try:
        root, _ = compose(_read(path).removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    except (InputError, UnicodeDecodeError):
        return False
    return catalogue_shape(root) is None


def case_data(case: Case) -> dict[str, object]:
    """The case as plain data for YAML: what was set, with the format stamped."""
    data = case.model_dump(mode="python", exclude_unset=True)
    return {"format": FORMAT_VERSION, **{k: v for k, v in data.items() if k != "format"}}


def save_case(
    loaded: LoadedCase, case: Case, path: Path | str | None = None, force: bool = False
) -> LoadedCase:
    """Write `case` over the file it was loaded from (or to `path`), changing
    only the lines whose values changed. Raises ConflictError if the file
    changed on disk since it was loaded, unless `force`."""
    target = Path(path) if path is not None else loaded.path
    data = case_data(case)
    same_file = target.resolve() == loaded.path.resolve()
    if not same_file and target.exists() and not force:
        raise FileExistsError(f"{target} exists; choose another name or overwrite it")
    text = patch_yaml(loaded.doc.text, loaded.doc.data, data)
    expected = loaded.stamp if same_file else None
    stamp = write_atomic(target, text, expected=expected, force=force or not same_file)
    doc = parse_yaml(text.encode("utf-8"), str(target))
    return replace(loaded, path=target, case=case, doc=doc, stamp=stamp)


def write_new_case(path: Path | str, case: Case, force: bool = False) -> None:
    """Write a new case file (e.g. from `assess import`); refuses to replace an
    existing file unless `force`."""
    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists; use --force to replace it")
    write_atomic(target, dump_yaml(case_data(case)), expected=None, force=True)


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
