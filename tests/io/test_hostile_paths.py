"""Issue 9, paths: "A case file can pull any readable file into the report:
document paths may be absolute or climb with `../`; a private key named as a
document ended up in the HTML; a catalogue path to `../../etc/shadow` printed
its lines in the error messages." Documents and the catalogue resolve inside
the case's project root (the nearest folder above it with criteria.yaml or
.git, else its own folder; or `--root DIR`), are regular files under a size
limit, and no message quotes a file that is not a case file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_helpers import edit, line_of, project, refusals

from assess.cli import main
from assess.errors import InputError
from assess.io.casefile import load_case
from assess.io.reading import MAX_DOCUMENT_BYTES, root_of
from tests.conftest import ROOT

SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ zqzsecret\n"
DOC_PATH = "path: ../sources/000_f2c59601cf2739f5.txt"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """tmp/home/project (the bundled layout) beside tmp/home/private/id_ed25519."""
    private = tmp_path / "home" / "private"
    private.mkdir(parents=True)
    (private / "id_ed25519").write_text(SECRET)
    (private / "shadow.yaml").write_text("root: zqzsecret\ncriteria: [zqzsecret]\n")
    return project(tmp_path / "home" / "project")


def case_of(tree: Path) -> Path:
    return tree / "cases" / "ai_cooperation.yaml"


def refused(capsys, *argv: str) -> list[tuple[str, int, int, str]]:
    """Run a command that must refuse; its problems, none quoting the secret."""
    code = main(list(argv))
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert code == 2, text
    assert "zqzsecret" not in text and "PRIVATE KEY" not in text
    return refusals(captured.err or captured.out)


def test_the_bundled_layout_loads_from_a_copy(tree: Path) -> None:
    assert root_of(case_of(tree)) == tree.resolve()  # the folder holding criteria.yaml
    assert load_case(case_of(tree)).documents
    team = load_case(tree / "cases" / "team_example" / "team.yaml")  # ../../criteria.yaml
    assert team.catalogue is not None and len(team.documents) == 2


def test_the_checkout_itself_loads() -> None:
    assert root_of(ROOT / "cases" / "ai_cooperation.yaml") == ROOT.resolve()


@pytest.mark.parametrize(
    "path",
    ["../../private/id_ed25519", "{private}/id_ed25519", "../sources/../../../private/id_ed25519"],
    ids=["climbs", "absolute", "climbs-through"],
)
def test_a_document_outside_the_project_is_refused(capsys, tree: Path, path: str) -> None:
    case = case_of(tree)
    line = line_of(case, DOC_PATH)
    edit(case, DOC_PATH, "path: " + path.format(private=tree.parent / "private"))
    for argv in (["check", str(case)], ["report", str(case), "-o", str(tree / "r.html")]):
        found = refused(capsys, *argv)
        assert any(ln == line and "document" in msg for _, ln, _, msg in found), found
    assert not (tree / "r.html").exists()


def test_a_catalogue_outside_the_project_is_refused_unquoted(capsys, tree: Path) -> None:
    case = case_of(tree)
    line = line_of(case, "catalogue: ../criteria.yaml")
    for path in (
        "../../private/shadow.yaml",
        "../../../etc/shadow",
        str(tree.parent / "private" / "shadow.yaml"),
    ):
        (case.parent / "c.yaml").write_text(
            case.read_text().replace("catalogue: ../criteria.yaml", f"catalogue: {path}")
        )
        [(_, found_line, _, message)] = refused(capsys, "check", str(case.parent / "c.yaml"))
        assert found_line == line and ("outside the project" in message or "absolute" in message), message


def test_a_file_in_the_project_that_is_no_catalogue_is_not_quoted(capsys, tree: Path) -> None:
    """Not a catalogue (a mapping with a list under 'criteria'): said without quoting it."""
    (tree / "notes.yaml").write_text("password: zqzsecret\napi_key: zqzsecret\n")
    (tree / "notes.txt").write_text("zqzsecret\n")
    case = case_of(tree)
    for target, expected in (
        ("../notes.yaml", "not a criteria catalogue"),
        ("../notes.txt", ".yaml or .yml"),
    ):
        (case.parent / "c.yaml").write_text(
            case.read_text().replace("catalogue: ../criteria.yaml", f"catalogue: {target}")
        )
        found = refused(capsys, "check", str(case.parent / "c.yaml"))
        assert any(expected in msg for *_, msg in found), found


def test_a_symlink_out_of_the_project_is_refused_one_inside_is_not(capsys, tree: Path) -> None:
    (tree / "sources" / "key.txt").symlink_to(tree.parent / "private" / "id_ed25519")
    (tree / "sources" / "brief.txt").symlink_to(tree / "sources" / "000_f2c59601cf2739f5.txt")
    case = case_of(tree)
    assert load_case(edit(case, DOC_PATH, "path: ../sources/brief.txt"))
    line = line_of(case, "path: ../sources/brief.txt")
    edit(case, "path: ../sources/brief.txt", "path: ../sources/key.txt")
    [(_, found_line, _, message)] = refused(capsys, "check", str(case))
    assert found_line == line and "outside the project" in message


def test_a_symlinked_folder_out_of_the_project_is_refused(capsys, tree: Path) -> None:
    (tree / "linked").symlink_to(tree.parent / "private", target_is_directory=True)
    case = edit(case_of(tree), DOC_PATH, "path: ../linked/id_ed25519")
    assert any("outside the project" in m for *_, m in refused(capsys, "check", str(case)))


@pytest.mark.parametrize("hidden", [".git/config", ".ssh/id_rsa", "sources/.env"])
def test_hidden_files_and_folders_are_refused(capsys, tree: Path, hidden: str) -> None:
    target = tree / hidden
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(SECRET)
    case = edit(case_of(tree), DOC_PATH, f"path: ../{hidden}")
    assert any("hidden" in m for *_, m in refused(capsys, "check", str(case)))


def test_root_flag_names_the_project_folder(capsys, tree: Path, tmp_path: Path) -> None:
    """A case outside its project (e.g. merged into another folder) loads when
    `--root` names a folder that holds both, and not otherwise."""
    elsewhere = tmp_path / "home" / "drafts"
    elsewhere.mkdir()
    case = elsewhere / "draft.yaml"
    case.write_text(case_of(tree).read_text().replace("../", "../project/"))
    refused(capsys, "check", str(case))
    home = str(tmp_path / "home")
    assert main(["check", "--root", home, str(case)]) == 0
    assert main(["score", str(case), "--root", home, "--format", "json"]) == 0
    assert main(["report", str(case), "--root", home, "-o", str(elsewhere / "r.md")]) == 0
    capsys.readouterr()
    assert main(["check", "--root", str(tree), str(case)]) == 0  # the cited files are what must be inside
    assert main(["check", "--root", str(elsewhere), str(case)]) == 2


@pytest.mark.parametrize("kind", ["fifo", "folder", "too big"])
def test_a_document_that_is_no_regular_small_file_is_refused(capsys, tree: Path, kind: str) -> None:
    target = tree / "sources" / "odd.txt"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        with open(target, "wb") as f:
            f.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: the size is refused before any read
    case = case_of(tree)
    line = line_of(case, DOC_PATH)
    edit(case, DOC_PATH, "path: ../sources/odd.txt")
    found = refused(capsys, "check", str(case))
    assert any(ln == line for _, ln, _, _ in found), found


def test_the_documents_of_a_case_have_a_total_limit(monkeypatch, tree: Path) -> None:
    """MAX_DOCUMENTS_TOTAL (16 MiB) lowered to less than the two bundled documents."""
    from assess.io import casefile, reading

    for module in (casefile, reading):
        monkeypatch.setattr(module, "MAX_DOCUMENTS_TOTAL", 15_000)
    with pytest.raises(InputError) as info:
        load_case(case_of(tree))
    assert any("add up to more than 15,000 bytes" in p.message and p.line > 0 for p in info.value.problems)


def test_a_catalogue_path_of_5000_characters(capsys, tree: Path) -> None:
    case = case_of(tree)
    line = line_of(case, "catalogue: ../criteria.yaml")
    edit(case, "catalogue: ../criteria.yaml", "catalogue: " + "a" * 5000)
    [(_, found_line, _, message)] = refused(capsys, "check", str(case))
    assert found_line == line and "1024" in message
    edit(case, "catalogue: " + "a" * 5000, "catalogue: " + "a/" * 120 + "b" * 300 + ".yaml")
    [(_, found_line, _, _)] = refused(capsys, "check", str(case))
    assert found_line == line


def test_serve_gives_every_tab_the_same_root(monkeypatch, capsys, tree: Path) -> None:
    """Each browser tab runs its own `assess open`: it must get the `--root` too."""
    import shlex

    from assess.cli import serve_cmd

    commands: list[str] = []

    class Server:
        def __init__(self, command: str, **_: object) -> None:
            commands.append(command)

        def serve(self) -> None:
            pass

    monkeypatch.setattr(serve_cmd, "_server_class", lambda: Server)
    monkeypatch.setattr(serve_cmd, "_port_taken", lambda host, port: None)
    case = case_of(tree)
    assert main(["serve", str(case), "--root", str(tree.parent)]) == 0
    capsys.readouterr()
    argv = shlex.split(commands[0])
    assert argv[argv.index("open") + 1 :] == ["--root", str(tree.parent.resolve()), str(case.resolve())]


def test_root_must_be_a_folder(capsys, tree: Path) -> None:
    assert main(["check", "--root", str(tree / "criteria.yaml"), str(case_of(tree))]) == 2
    assert "--root must name a folder" in capsys.readouterr().err
