"""run.py's setup: each part is installed once, switching between `lab` and `test` installs nothing,
a moved .venv is made again, and `bundle` finds the dependencies that only another platform needs.

These tests replace pip with a recorder; tests/test_offline_classroom.py does it all for real, offline.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from delivery_support import load_run_py


@pytest.fixture
def run_py(tmp_path, monkeypatch):
    """run.py working on a copy of the setup files in tmp_path, with pip replaced by a list of calls."""
    run_py = load_run_py()
    for name in ("requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    venv = tmp_path / ".venv"
    venv.mkdir()
    monkeypatch.setattr(run_py, "ROOT", tmp_path)
    monkeypatch.setattr(run_py, "VENV", venv)
    monkeypatch.setattr(run_py, "PYTHON", Path(sys.executable))  # a Python that runs
    monkeypatch.setattr(run_py, "RECORD", venv / "rhetoric-lab-installed.json")
    monkeypatch.setattr(run_py, "WHEELS", tmp_path / "no-wheels-here")
    run_py.installed = []
    monkeypatch.setattr(run_py, "install", lambda python, prefix, part: run_py.installed.append(part))
    return run_py


def test_switching_between_lab_and_test_installs_nothing_twice(run_py):
    run_py.setup(dev=False)  # lab
    assert run_py.installed == ["base"]
    run_py.setup(dev=True)  # test
    assert run_py.installed == ["base", "dev"]
    for dev in (False, True, False, True):
        run_py.setup(dev=dev)
    assert run_py.installed == ["base", "dev"]


def test_a_changed_file_reinstalls_only_its_own_part(run_py):
    run_py.setup(dev=True)
    with open(run_py.ROOT / "requirements-dev.txt", "a", encoding="utf-8") as f:
        f.write("# a new comment\n")
    run_py.setup(dev=False)
    assert run_py.installed == ["base", "dev"]  # lab does not need dev
    run_py.setup(dev=True)
    assert run_py.installed == ["base", "dev", "dev"]
    with open(run_py.ROOT / "requirements.txt", "a", encoding="utf-8") as f:
        f.write("# a new comment\n")
    run_py.setup(dev=True)
    assert run_py.installed == ["base", "dev", "dev", "base"]


def test_test_and_lint_settings_in_pyproject_do_not_reinstall(run_py):
    run_py.setup(dev=True)
    pyproject = run_py.ROOT / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("line-length = 120", "line-length = 100"))
    run_py.setup(dev=True)
    assert run_py.installed == ["base", "dev"]
    pyproject.write_text(pyproject.read_text().replace('"pyphen>=0.14"', '"pyphen>=0.15"'))
    run_py.setup(dev=True)
    assert run_py.installed == ["base", "dev", "base"]


def test_a_venv_made_in_another_folder_is_made_again(run_py, capsys, monkeypatch):
    run_py.setup(dev=False)
    run_py.RECORD.write_text(run_py.RECORD.read_text().replace(str(run_py.ROOT), "/somewhere/else"))
    removed = []
    monkeypatch.setattr(run_py.shutil, "rmtree", removed.append)
    run_py.setup(dev=False)
    assert removed == [run_py.VENV]
    assert "cannot move" in capsys.readouterr().out
    assert run_py.installed == ["base", "base"]


def test_with_a_wheel_folder_pip_uses_only_it(run_py, tmp_path):
    assert run_py.index_args() == []
    run_py.WHEELS.mkdir()
    assert run_py.index_args() == ["--no-index", "--find-links", str(run_py.WHEELS)]


def fake_wheel(folder: Path, name: str, requires: list[str]) -> None:
    with zipfile.ZipFile(folder / f"{name}-1.0-py3-none-any.whl", "w") as wheel:
        lines = [f"Name: {name}", "Version: 1.0", *(f"Requires-Dist: {r}" for r in requires)]
        wheel.writestr(f"{name}-1.0.dist-info/METADATA", "\n".join(lines) + "\n")


def test_bundle_finds_what_only_the_other_platform_needs(tmp_path):
    run_py = load_run_py()
    fake_wheel(tmp_path, "terminado", ["ptyprocess; os_name != 'nt'", "pywinpty>=1.1.0; os_name == 'nt'", "tornado"])
    fake_wheel(tmp_path, "tornado", [])
    fake_wheel(tmp_path, "ptyprocess", [])
    fake_wheel(tmp_path, "pytest", ["colorama>=0.4; sys_platform == 'win32'", "pygments; extra == 'dev'"])
    windows = {**run_py.PLATFORMS["windows"][1], "python_version": "3.11", "python_full_version": "3.11.0"}
    linux = {**run_py.PLATFORMS["linux"][1], "python_version": "3.11", "python_full_version": "3.11.0"}
    assert run_py.missing_requirements(tmp_path, windows) == {"pywinpty>=1.1.0", "colorama>=0.4"}
    assert run_py.missing_requirements(tmp_path, linux) == set()


def test_bundle_includes_what_pip_needs_to_build_the_package():
    assert load_run_py().build_requirements() == ["setuptools>=77"]
