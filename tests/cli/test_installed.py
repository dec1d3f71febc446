"""A real, non-editable `pip install .` into a fresh virtual environment
(issue 8): run from another folder, `assess` opens the installed case, ctrl+s
on it asks and writes a copy in the working folder, `assess init` copies the
bundle, and nothing ever writes inside site-packages.

The environment reuses this one's dependencies (a .pth line) and installs
only assess itself, from a copy of the source tree, so the checkout gets no
build/ folder."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCE = ["pyproject.toml", "setup.py", "README.md", "assess", "criteria.yaml", "cases", "sources"]

PILOT = """
import asyncio, json
from pathlib import Path
from assess.files.bundled import default_case_path, is_installed_copy
from assess.files.casefile import load_case
from assess.tui.app import AssessApp

async def main():
    path = default_case_path()
    app = AssessApp([load_case(path)])
    async with app.run_test(size=(120, 40)) as pilot:
        title = app.sub_title
        await pilot.press("down", "down", "down", "plus", "ctrl+s")
        await pilot.pause()
        dialog = type(app.screen).__name__
        await pilot.press("enter")
        await pilot.pause()
        print(json.dumps({"opened": str(path), "installed": is_installed_copy(path), "title": title,
                          "dialog": dialog, "saved_to": str(app.loaded.path), "dirty": app.dirty}))

asyncio.run(main())
"""


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("installed")
    src = root / "src"
    src.mkdir()
    for name in SOURCE:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        ignore = (
            {"ignore": shutil.ignore_patterns("__pycache__", "*.egg-info")} if copy is shutil.copytree else {}
        )
        copy(ROOT / name, src / name, **ignore)  # type: ignore[operator]
    env = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, timeout=120)
    site = next((env / "lib").glob("python*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")  # numpy, textual, ...
    pip = [str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(src)]
    done = subprocess.run(pip, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (site / "assess" / "bundled" / "cases" / "ai_cooperation.yaml").is_file()
    return env


def _run(venv: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, timeout=120, env={"PATH": str(venv / "bin")}
    )


def test_saving_the_installed_case_writes_a_copy_never_site_packages(venv: Path, tmp_path: Path) -> None:
    site = next((venv / "lib").glob("python*/site-packages")) / "assess"
    before = _digest(site)
    done = _run(venv, tmp_path, str(venv / "bin" / "python"), "-c", PILOT)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout)
    assert seen["installed"] and seen["opened"].startswith(str(site))
    assert "ai_cooperation.yaml (installed copy)" in seen["title"]
    assert seen["dialog"] == "SaveCopyScreen" and not seen["dirty"]
    assert seen["saved_to"] == str(tmp_path / "cases" / "ai_cooperation.yaml")
    assert _digest(site) == before
    check = _run(venv, tmp_path, str(venv / "bin" / "assess"), "check", str(tmp_path))
    assert check.returncode == 0, check.stdout + check.stderr


def test_init_and_outputs_with_the_installed_package(venv: Path, tmp_path: Path) -> None:
    site = next((venv / "lib").glob("python*/site-packages")) / "assess"
    before = _digest(site)
    assess = str(venv / "bin" / "assess")
    done = _run(venv, tmp_path, assess, "init", "work")
    assert done.returncode == 0 and done.stdout.startswith("copied "), done.stderr
    assert _run(venv, tmp_path, assess, "check", "work").returncode == 0
    installed_case = site / "bundled" / "cases" / "ai_cooperation.yaml"
    inside = site / "bundled" / "report.md"
    done = _run(venv, tmp_path, assess, "report", str(installed_case), "-o", str(inside), "--samples", "0")
    assert done.returncode == 2 and "installed assess package" in done.stderr and not inside.exists()
    done = _run(venv, tmp_path, assess, "init", str(site / "bundled"), "--force")
    assert done.returncode == 2 and "installed assess package" in done.stderr
    assert _digest(site) == before
