"""The cache of validated cases: the same result as a full load, keyed by every input file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assess.files import cache
from assess.files.cache import cache_folder, load_any_cached, load_case_cached
from assess.files.casefile import LoadedCase, load_case
from tests.conftest import ROOT, run_cli

PAST = 1_600_000_000  # files dated long ago, so the cache trusts their bytes at once


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled project (case, catalogue, cited documents) and a fresh cache."""
    for part in ("criteria.yaml", "cases", "sources"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / part)
    for p in tmp_path.rglob("*"):
        os.utime(p, (PAST, PAST))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def entries() -> list[Path]:
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "assess"
    return sorted(p for p in folder.glob("*.json") if "." not in p.stem) if folder.is_dir() else []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, (PAST, PAST))  # same date as before: only the content says it changed


def same_load(a: LoadedCase, b: LoadedCase) -> None:
    for name in ("path", "case", "stamp", "catalogue", "documents", "warnings", "passages_not_found"):
        assert getattr(a, name) == getattr(b, name), name
    for x, y in [(a.doc, b.doc), (a.catalogue and a.catalogue.doc, b.catalogue and b.catalogue.doc)]:
        assert x is not None and y is not None
        assert (x.data, x.text, x.marks, x.key_marks) == (y.data, y.text, y.marks, y.key_marks)


CASE = Path("cases/ai_cooperation.yaml")


def test_a_hit_is_the_full_load_with_its_warnings_and_positions(project: Path) -> None:
    doc = project / "sources" / "000_f2c59601cf2739f5.txt"
    doc.write_bytes(doc.read_bytes()[:2000])  # most passages no longer found: warnings
    os.utime(doc, (PAST, PAST))
    full = load_case(CASE)
    assert full.warnings and full.passages_not_found
    first = load_case_cached(CASE)
    assert len(entries()) == 1
    second = load_case_cached(CASE)
    assert second.doc.root is None  # it came from the entry, not from the YAML
    same_load(full, first)
    same_load(full, second)


@pytest.mark.parametrize(
    "where, old, new",
    [
        ("cases/ai_cooperation.yaml", "value: 4", "value: 3"),
        ("criteria.yaml", "name: ", "name: X"),
        ("sources/001_411416a25dd1d481.txt", "a", "b"),
    ],
)
def test_editing_the_case_the_catalogue_or_a_document_changes_the_result(
    project: Path, where: str, old: str, new: str
) -> None:
    load_case_cached(CASE)
    assert load_case_cached(CASE).doc.root is None
    edit(project / where, old, new)
    after = load_case_cached(CASE)
    assert after.doc.root is not None  # a miss: loaded in full
    same_load(load_case(CASE), after)
    assert load_case_cached(CASE).doc.root is None  # and stored again


def test_a_new_document_where_one_was_missing_is_a_miss(project: Path) -> None:
    doc = project / "sources" / "001_411416a25dd1d481.txt"
    kept = doc.read_bytes()
    doc.unlink()
    load_case_cached(CASE)
    assert load_case_cached(CASE).doc.root is None
    doc.write_bytes(kept)
    os.utime(doc, (PAST, PAST))
    same_load(load_case(CASE), load_case_cached(CASE))


@pytest.mark.parametrize("spoil", [b"{not json", b'{"layout": 1, "key": "another"}', b"[]", b"\xff"])
def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(project: Path, spoil: bytes) -> None:
    load_case_cached(CASE)
    [entry] = entries()
    good = entry.read_bytes()
    entry.write_bytes(spoil)
    loaded = load_case_cached(CASE)
    assert loaded.doc.root is not None
    same_load(load_case(CASE), loaded)
    assert entry.read_bytes() == good


def test_an_entry_changed_without_the_key_is_ignored_and_rewritten(project: Path) -> None:
    """A hit is not validated again: an entry whose MAC does not match, however
    well-formed (here a score changed and a field of another type), is a miss."""
    load_case_cached(CASE)
    [entry] = entries()
    good = entry.read_bytes()
    head, case = good.split(b'"case":', 1)  # the validated case's tree
    for old, new in [(b'"value":4', b'"value":5'), (b'"options":[', b'"options":7,"x":[')]:
        assert old in case
        entry.write_bytes(head + b'"case":' + case.replace(old, new, 1))
        loaded = load_case_cached(CASE)
        assert loaded.doc.root is not None  # a full load
        same_load(load_case(CASE), loaded)
        assert entry.read_bytes() == good


def test_the_key_is_private_and_another_key_means_misses(project: Path) -> None:
    load_case_cached(CASE)
    key = Path(os.environ["XDG_CACHE_HOME"]) / "assess" / "key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == cache.KEY_BYTES
    assert load_case_cached(CASE).doc.root is None  # a hit
    key.write_bytes(os.urandom(cache.KEY_BYTES))  # another machine's, say
    assert load_case_cached(CASE).doc.root is not None
    assert load_case_cached(CASE).doc.root is None  # rewritten under that key
    key.chmod(0o644)  # a key others can read is no secret: a new one is made
    first = key.read_bytes()
    assert load_case_cached(CASE).doc.root is not None
    assert key.stat().st_mode & 0o777 == 0o600 and key.read_bytes() != first
    assert load_case_cached(CASE).doc.root is None


def test_no_cache_and_the_variable_bypass_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--no-cache", "score", CASE, "-f", "json")
    assert code == 0 and out and entries() == []
    assert "ASSESS_NO_CACHE" not in os.environ  # restored after the run
    monkeypatch.setenv("ASSESS_NO_CACHE", "1")
    assert cache_folder() is None
    assert run_cli(capsys, "check", CASE)[0] == 0
    assert entries() == []
    monkeypatch.delenv("ASSESS_NO_CACHE")
    assert run_cli(capsys, "score", CASE, "-f", "json")[1] == out
    assert len(entries()) == 1
    assert run_cli(capsys, "score", CASE, "-f", "json")[1] == out  # from the entry


def test_check_from_the_cache_says_the_same(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / "criteria.yaml", "    reliability: >-", "    title_note: >-")
    edit(project / CASE, "reference: no_new_cooperation", "")  # a lint of the case
    runs = [run_cli(capsys, "check", CASE) for _ in range(2)]
    assert runs[0] == runs[1]
    assert "unknown key 'title_note'" in runs[0][1] and entries() == []  # errors: not stored
    edit(project / "criteria.yaml", "    title_note: >-", "    reliability: >-")
    runs = [run_cli(capsys, "check", CASE) for _ in range(2)]
    assert runs[0] == runs[1]
    assert "ai_cooperation.yaml:68:3: warning: [no-reference]" in runs[0][2]  # FILE:LINE:COL
    assert isinstance(load_any_cached(CASE, strict_passages=True), LoadedCase)
    assert len(entries()) == 1


def test_a_file_changed_just_now_is_not_stored(project: Path) -> None:
    (project / CASE).touch()
    load_case_cached(CASE)
    assert entries() == []


def test_the_cache_is_never_in_the_case_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    home = project.parent / f"{project.name}-home"  # outside: a home is no project root
    monkeypatch.setenv("HOME", str(home))
    assert cache_folder() == home / ".cache" / "assess"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG spec says
    assert cache_folder() == home / ".cache" / "assess"
    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    before = set((project / "cases").iterdir())
    load_case_cached(CASE)
    assert set((project / "cases").iterdir()) == before
    assert len(list((home / ".cache" / "assess").glob("*.json"))) == 1


def test_the_suite_never_writes_the_real_cache() -> None:
    assert not os.environ["XDG_CACHE_HOME"].startswith(os.path.expanduser("~/.cache"))


def test_old_entries_are_pruned(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for value in ("3", "2", "1"):
        edit(project / CASE, "\ntitle: ", f"\ntitle: {value}")
        load_case_cached(CASE)
    assert len(entries()) == 2
    assert load_case_cached(CASE).doc.root is None  # the newest is kept


def test_a_hit_is_checked_without_the_model_and_made_later(project: Path) -> None:
    """`find_case` checks an entry (key, MAC, files it depends on) and leaves
    the models to `Hit.loaded`; if they cannot be made from it (a model
    changed, say), that is the full load of the same bytes."""
    assert cache.find_case(CASE) is None  # nothing stored yet
    full = load_case_cached(CASE)
    hit = cache.find_case(CASE)
    assert hit is not None and hit.title == full.case.title and hit.warnings == full.warnings
    same_load(full, hit.loaded())
    [entry] = entries()
    _, head, models, docs = entry.read_bytes().split(b"\n", 3)
    models = models.replace(b'["m","Case",', b'["m","NoSuchCase",', 1)
    key = (Path(os.environ["XDG_CACHE_HOME"]) / "assess" / "key").read_bytes()
    mac = cache._mac(key, head + b"\n" + models)  # as if this program wrote it
    entry.write_bytes(b"\n".join([mac, head, models, docs]))
    hit = cache.find_case(CASE)
    assert hit is not None
    again = hit.loaded()
    assert again.doc.root is not None  # a full load
    same_load(full, again)


def test_check_of_a_case_the_cache_holds_needs_no_model_and_says_the_same(project: Path) -> None:
    """The second `check` reads the warnings and lints kept beside the entry
    (`Hit.derived`): the same output, without pydantic, YAML or NumPy."""
    edit(project / CASE, "reference: no_new_cooperation", "")  # a lint of the case
    code = (
        "import sys; from assess.cli import main; sys.argv = ['assess', 'check', sys.argv[1]]\n"
        "try: code = main()\nexcept SystemExit as e: code = e.code\n"
        "print([m for m in ('pydantic', 'yaml', 'numpy') if m in sys.modules], code, file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(CASE)], capture_output=True, text=True, env=env, timeout=120
        )
        for _ in range(3)
    ]
    outs = [(r.stdout, r.stderr.rsplit("\n", 2)[0]) for r in runs]
    assert outs[0] == outs[1] == outs[2]
    assert "ai_cooperation.yaml:68:3: warning: [no-reference]" in outs[0][1]
    assert runs[0].stderr.strip().endswith("['pydantic', 'yaml'] 0")  # stored: a full load
    assert runs[2].stderr.strip().endswith("[] 0")  # found: no model made
    assert len(list((Path(os.environ["XDG_CACHE_HOME"]) / "assess").glob("*.lints.json"))) == 1


def test_a_document_line_not_as_written_is_parsed_from_its_yaml(project: Path) -> None:
    """The MAC covers an entry's head and models; its YAML documents (most of a
    large entry) are checked against their SHA-256 when first used, and a line
    that differs is not used: the document comes from its YAML file."""
    full = load_case_cached(CASE)
    [entry] = entries()
    mac, head, models, doc, cat = entry.read_bytes().split(b"\n")
    assert doc.startswith(b'{"data":') and b'"text":' in doc
    spoilt = doc.replace(b'"text":"', b'"text":"spoilt ', 1)
    entry.write_bytes(b"\n".join([mac, head, models, spoilt, cat]))
    hit = cache.find_case(CASE)
    assert hit is not None  # the head and models are as written
    again = hit.loaded()
    assert again.doc.text == full.doc.text and not again.doc.text.startswith("spoilt")
    same_load(full, again)
