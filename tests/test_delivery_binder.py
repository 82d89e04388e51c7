"""Binder's install, simulated with pip: the packages it would install, and postBuild, in a fresh environment.

repo2docker first makes its base environment (Python and its own Jupyter packages, from conda-forge), then
runs the pip: section of environment.yml, which holds exactly requirements.txt's pins, then postBuild.
conda-forge is out of reach here, so the test makes a fresh venv, puts in the same releases of repo2docker's
base Jupyter packages from PyPI (read from the lock file of the installed repo2docker), installs
requirements.txt alone the way the pip step does (`pip install -U -r`), runs postBuild's commands, and then
checks that every pin is what got installed, that pip finds no broken requirement, and that a notebook runs.

What it cannot show: that conda-forge's builds of the base packages behave as PyPI's do, and that mybinder.org
builds and starts the image; only opening the Binder link shows that.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import ROOT
from delivery_support import fresh_copy
from test_environment_files import canonical, pip_pins

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

#: repo2docker's base Jupyter packages (conda-forge name: PyPI name) whose releases the test installs first.
BASE_PACKAGES = {
    "pip": "pip",
    "setuptools": "setuptools",
    "wheel": "wheel",
    "jupyterlab": "jupyterlab",
    "notebook": "notebook",
    "jupyter_server": "jupyter-server",
    "jupyterlab_server": "jupyterlab-server",
    "ipykernel": "ipykernel",
    "ipywidgets": "ipywidgets",
    "jupyterhub-base": "jupyterhub",
    "jupyter-resource-usage": "jupyter-resource-usage",
    "jupyter-offlinenotebook": "jupyter-offlinenotebook",
}


def binder_base_packages(python: str = "3.11") -> list[str]:
    """`name==version` of BASE_PACKAGES in repo2docker's lock file for this Python on linux-64."""
    spec = importlib.util.find_spec("repo2docker")  # found, not imported (its import warns)
    lock = Path(spec.origin).parent / "buildpacks" / "conda" / f"environment.py-{python}-linux-64.lock"
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.search(r"/([^/]+)-([^-/]+)-[^-/]+\.(?:conda|tar\.bz2)(?:#|$)", line)
        if match and match.group(1) in BASE_PACKAGES:
            pins[BASE_PACKAGES[match.group(1)]] = match.group(2)
    assert {"jupyterlab", "notebook", "jupyter-server"} <= set(pins), f"unexpected lock file {lock.name}"
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def environment_python() -> str:
    import yaml

    deps = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))["dependencies"]
    return next(re.search(r"3\.\d+", d).group(0) for d in deps if isinstance(d, str) and d.startswith("python"))


def test_binder_pip_step_and_postbuild_in_a_fresh_environment(tmp_path):
    version = environment_python()
    if f"{sys.version_info[0]}.{sys.version_info[1]}" != version:
        pytest.skip(f"environment.yml asks for Python {version}; this is {sys.version.split()[0]}")
    repo = tmp_path / "repo"  # Binder's /home/jovyan: the repository's files
    fresh_copy(repo)
    env_dir = tmp_path / "srv-conda-envs-notebook"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = str(env_dir / "bin" / "python")

    def pip(*args):  # pip's cache is used: the packages come from it after the first run
        done = subprocess.run([python, "-m", "pip", *args], cwd=repo, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
        return done.stdout

    pip("install", "--quiet", *binder_base_packages(version))  # repo2docker's base environment
    pip("install", "--quiet", "-U", "-r", "requirements.txt")  # environment.yml's pip: section
    env = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path / "home")}
    post = subprocess.run(["./postBuild"], cwd=repo, env=env, capture_output=True, text=True)
    assert post.returncode == 0, post.stdout[-2000:] + post.stderr[-3000:]

    installed = {canonical(p["name"]): p["version"] for p in json.loads(pip("list", "--format", "json"))}
    pins = pip_pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert {name: installed.get(name) for name in pins} == pins
    assert installed["rhetoric-lab"]
    assert "No broken requirements" in pip("check")
    prefix = Path(
        subprocess.run([python, "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True).stdout.strip()
    )
    assert (prefix / "share" / "nltk_data" / "corpora" / "cmudict" / "cmudict").is_file()
    overrides = json.loads((prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"

    notebook = sorted((repo / "notebooks").glob("00-*.ipynb"))[0]
    run_notebook = (
        "import nbformat, sys; from nbclient import NotebookClient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "NotebookClient(nb, timeout=300, resources={'metadata': {'path': sys.argv[2]}}).execute()\n"
        "print('ran', len(nb.cells))"
    )
    done = subprocess.run(
        [python, "-c", run_notebook, str(notebook), str(notebook.parent)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stdout.startswith("ran"), done.stderr[-3000:]
