"""`assess check`'s lints (`assess.core.lint`) as problems at their place in
the case file or in its criteria catalogue."""

from __future__ import annotations

from assess.core.lint import Lint, lint_case, lint_catalogue
from assess.errors import Problem
from assess.files.casefile import LoadedCase, LoadedCatalogue, catalogue_shape
from assess.files.reading import read_limited
from assess.files.yaml.safe import MAX_BYTES, YamlDoc, parse_yaml


def lint_problems(loaded: LoadedCase | LoadedCatalogue) -> list[Problem]:
    """Every lint of a loaded case (with the catalogue scales it uses) or
    catalogue, as warnings `FILE:LINE:COL: warning: [rule] ...`, in file order
    (a catalogue's after the case's)."""
    if isinstance(loaded, LoadedCatalogue):
        return _placed(lint_catalogue(loaded.catalogue), _catalogue_doc(loaded), str(loaded.path))
    lints = lint_case(loaded.case, loaded.catalogue_model)
    own = _placed([x for x in lints if not x.in_catalogue], loaded.doc, str(loaded.path))
    theirs = [x for x in lints if x.in_catalogue]
    if not theirs or loaded.catalogue is None:
        return own
    return own + _placed(theirs, _catalogue_doc(loaded.catalogue), str(loaded.catalogue.path))


def _catalogue_doc(loaded: LoadedCatalogue) -> YamlDoc:
    if loaded.doc is not None:  # parsed when it was loaded: not again
        return loaded.doc
    name = str(loaded.path)
    return parse_yaml(read_limited(loaded.path, MAX_BYTES), name, check_root=catalogue_shape)


def _placed(lints: list[Lint], doc: YamlDoc, name: str) -> list[Problem]:
    out = []
    for lint in lints:
        line, col = doc.locate(lint.path)
        out.append(Problem(name, line, col, lint.text, ".".join(map(str, lint.path)), "warning"))
    return sorted(out, key=lambda p: (p.line, p.column))
