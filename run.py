#!/usr/bin/env python3
"""Set up Rhetoric Lab and run it. Needs only Python 3.10+ with pip and venv.

    python3 run.py lab [ARGS]        set up, then open JupyterLab on the start notebook;
                                     ARGS go to JupyterLab (for example --port 8899 --no-browser)
    python3 run.py test [ARGS]       set up (with test tools), then run every test; ARGS go to pytest
    python3 run.py notebooks [NN]    re-run notebooks in a fresh kernel and save their outputs
    python3 run.py bench             run the benchmarks
    python3 run.py bundle [--platform NAME ...] [--python X.Y]
                                     download every pinned package as wheels into the folder
                                     rhetoric-lab-wheels/ beside this one, for machines without internet
                                     (NAME: current, linux, linux-arm64, macos-arm64, macos-intel, windows)
    python run.py install-here       install into the Python that runs this command instead of .venv/
                                     (Binder's postBuild and JupyterHub images use it)
    python3 run.py handouts          write the paper route: printable sheets into handouts/ (HTML; PDF where
                                     Chromium is installed) and the notebooks as pages to project (projector/)

Setup makes a virtual environment in .venv/ and installs, once each: the pinned packages of
requirements.txt, this package, the offline pronunciation data and JupyterLab's settings ("base");
for tests, also requirements-dev.txt ("dev"). A record in .venv/ says what is installed, so
switching between `lab` and `test` never installs anything twice. When the wheel folder
rhetoric-lab-wheels/ lies beside this folder, everything is installed from it, with no internet.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
RECORD = VENV / "rhetoric-lab-installed.json"
WHEELS = ROOT.parent / "rhetoric-lab-wheels"
START_NOTEBOOK = "notebooks/00-start-here.ipynb"

#: What each part of the setup installs; a part is installed again only when one of its files changes.
PARTS = {"base": ["requirements.txt", "pyproject.toml"], "dev": ["requirements-dev.txt"]}

#: JupyterLab settings for everyone using this environment: no "Jupyter news?" question, no update check
#: (both would go to the internet). Installed as overrides.json, which JupyterLab reads as the default.
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}

#: `bundle --platform NAME`: pip's platform tags, and the values of environment markers on that platform.
PLATFORMS = {
    "linux": (
        [f"manylinux_2_{minor}_x86_64" for minor in range(28, 16, -1)] + ["manylinux2014_x86_64"],
        {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix", "platform_machine": "x86_64"},
    ),
    "linux-arm64": (
        [f"manylinux_2_{minor}_aarch64" for minor in range(28, 16, -1)] + ["manylinux2014_aarch64"],
        {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix", "platform_machine": "aarch64"},
    ),
    "macos-arm64": (
        ["macosx_11_0_arm64"],
        {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix", "platform_machine": "arm64"},
    ),
    "macos-intel": (
        ["macosx_10_15_x86_64"],
        {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix", "platform_machine": "x86_64"},
    ),
    "windows": (
        ["win_amd64"],
        {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64"},
    ),
}


def say(message: str) -> None:
    print(f"[run.py] {message}", flush=True)


def run(*args, hint: str = "", **kwargs) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs)
    if result.returncode:
        if hint:
            say(hint)
        sys.exit(result.returncode)


def packaging_part(path: Path) -> bytes:
    """The sections of a pyproject.toml that change what is installed (not the test or lint settings)."""
    keep, out = True, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            keep = line.startswith(("[build-system]", "[project", "[tool.setuptools"))
        if keep:
            out.append(line)
    return "\n".join(out).encode()


def digest(files: list[str]) -> str:
    texts = [packaging_part(ROOT / f) if f.endswith(".toml") else (ROOT / f).read_bytes() for f in files]
    return hashlib.sha256(b"".join(texts)).hexdigest()[:16]


def index_args() -> list[str]:
    """pip's options: the wheel folder and no index when the folder is there, else pip's own settings."""
    if WHEELS.is_dir():
        return ["--no-index", "--find-links", str(WHEELS)]
    return []


def lab_settings(prefix: Path) -> None:
    """Write LAB_OVERRIDES into the environment's JupyterLab settings (keeping any other overrides)."""
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for plugin, values in LAB_OVERRIDES.items():
        settings.setdefault(plugin, {}).update(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")


def install(python: Path | str, prefix: Path, part: str) -> None:
    """Install one part into the environment of `python` (whose sys.prefix is `prefix`)."""
    pip = [python, "-m", "pip", "install", "--quiet", *index_args()]
    hint = (
        f"pip could not install everything from the wheel folder {WHEELS}: it lacks a package for this "
        "machine. Make it again with `python3 run.py bundle --platform ...` on a machine with internet "
        "(see README.md, 'An offline classroom'), or move the folder away to install from the internet."
        if WHEELS.is_dir()
        else ""
    )
    if part == "dev":
        run(*pip, "-c", "requirements.txt", "-r", "requirements-dev.txt", hint=hint)
        return
    run(*pip, "-r", "requirements.txt", hint=hint)
    run(*pip, "--no-deps", "-e", ".", hint=hint)
    run(python, "-m", "rhetoric_lab", "prepare")
    lab_settings(prefix)


def read_record() -> dict:
    try:
        return json.loads(RECORD.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def venv_works(record: dict) -> bool:
    """False when .venv was made in another folder or its Python no longer runs (a venv cannot move)."""
    if record.get("root") not in (None, str(ROOT)):
        say(f".venv/ was made in {record['root']}; a virtual environment cannot move, so it is made again here")
        return False
    try:
        return subprocess.run([str(PYTHON), "-c", "import sys"], capture_output=True).returncode == 0
    except OSError:
        say(".venv/ does not work on this machine (copied from another one?), so it is made again")
        return False


def setup(dev: bool) -> None:
    """Create .venv and install the parts that are missing or whose files changed; nothing else."""
    if sys.version_info < (3, 10):  # noqa: UP036 (run.py may be started by an older python)
        sys.exit(f"Rhetoric Lab needs Python 3.10 or newer; this is {sys.version.split()[0]}.")
    started = time.monotonic()
    record = read_record()
    if PYTHON.exists() and not venv_works(record):
        shutil.rmtree(VENV)
        record = {}
    if not PYTHON.exists():
        say("creating the virtual environment in .venv/ ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
        record = {}
    installed = record.get("parts", {})
    for part in ["base", "dev"] if dev else ["base"]:
        wanted = digest(PARTS[part])
        if installed.get(part) == wanted:
            continue
        source = f"the wheel folder {WHEELS}" if WHEELS.is_dir() else "the internet (a few minutes the first time)"
        say(f"installing the {part} packages from {source} ...")
        install(PYTHON, VENV, part)
        installed[part] = wanted
        RECORD.write_text(json.dumps({"root": str(ROOT), "parts": installed}, indent=2), encoding="utf-8")
    say(f"setup took {time.monotonic() - started:.0f} s")


def lab_command(extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    """JupyterLab, opening on the start notebook (also the address it prints to copy into a browser)."""
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # e.g. in a container
    url = f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}"
    return [str(PYTHON), "-m", "jupyter", "lab", url, *as_root, *extra]


def lab(extra: list[str]) -> None:
    setup(dev=False)
    command = lab_command(extra)
    say(f"opening JupyterLab on {START_NOTEBOOK} (press Ctrl+C twice here to stop it)")
    os.chdir(ROOT)
    if os.name == "posix":
        os.execv(command[0], command)  # JupyterLab takes this process's place: SIGTERM and Ctrl+C reach it
    server = subprocess.Popen(command)
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    while True:
        try:
            sys.exit(server.wait())
        except KeyboardInterrupt:  # JupyterLab got it too and asks whether to stop
            continue


def test(extra: list[str]) -> None:
    setup(dev=True)
    started = time.monotonic()
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")
    # tests/fast_start.py: an early plugin that saves each pytest process a second at start (it says how).
    tests = str(ROOT / "tests")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [tests, os.environ.get("PYTHONPATH")]))}
    pytest = [str(PYTHON), "-m", "pytest", "-p", "fast_start", "--nbval", "--nbval-sanitize-with", "tests/sanitize.cfg"]
    code = subprocess.run([*pytest, *extra], cwd=ROOT, env=env).returncode
    say(f"tests took {time.monotonic() - started:.0f} s")
    sys.exit(code)


def notebooks(names: list[str]) -> None:
    setup(dev=True)
    run(PYTHON, "tools/execute_notebooks.py", *names)


def bench() -> None:
    setup(dev=True)
    run(PYTHON, "benchmarks/run_benchmarks.py")


def install_here(extra: list[str]) -> None:
    """Install into the running Python's own environment (Binder, a JupyterHub image), as setup does."""
    for part in ["base", "dev"] if "--dev" in extra else ["base"]:
        install(sys.executable, Path(sys.prefix), part)
    say(f"installed into {sys.prefix}")


# ---------------------------------------------------------------- bundle: wheels for an offline classroom


def _markers():
    """`packaging`'s Requirement class: from the environment, else the copy inside pip."""
    try:
        from packaging.requirements import Requirement
    except ImportError:
        from pip._vendor.packaging.requirements import Requirement
    return Requirement


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_names(folder: Path) -> set[str]:
    return {canonical(p.name.split("-", 1)[0]) for p in folder.glob("*.whl")}


def missing_requirements(folder: Path, env: dict) -> set[str]:
    """Requirements of the wheels in `folder` that apply on a platform with markers `env` and have no wheel.

    pip download judges environment markers (such as `sys_platform == "win32"`) by the machine it runs
    on, so a download for another platform misses that platform's own dependencies; this finds them.
    """
    requirement = _markers()
    have, missing = wheel_names(folder), set()
    for wheel in folder.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            meta = next((n for n in archive.namelist() if n.endswith(".dist-info/METADATA")), None)
            text = archive.read(meta).decode("utf-8", errors="replace") if meta else ""
        for line in text.splitlines():
            if not line.startswith("Requires-Dist:"):
                continue
            req = requirement(line.split(":", 1)[1].strip())
            if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
                continue
            if canonical(req.name) not in have:
                req.marker = None
                missing.add(str(req))
    return missing


def build_requirements() -> list[str]:
    """pyproject.toml's [build-system] requires, so that `pip install -e .` can build offline."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r"^requires\s*=\s*\[([^\]]*)\]", text, re.MULTILINE)
    return re.findall(r"\"([^\"]+)\"", found.group(1)) if found else []


def bundle(args: list[str]) -> None:
    """Download every pinned package, as wheels, for the named platforms into WHEELS."""
    parser = argparse.ArgumentParser(prog="run.py bundle", description="Wheels for machines without internet.")
    parser.add_argument("--platform", action="append", choices=["current", *PLATFORMS], help="repeatable")
    parser.add_argument("--python", help="Python version of the other machines, such as 3.11 (default: this one's)")
    options = parser.parse_args(args)
    platforms, python = options.platform or ["current"], options.python
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    version = (
        python
        or subprocess.run(
            [str(PYTHON), "-c", "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}')"],
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    WHEELS.mkdir(exist_ok=True)
    wanted = ["-r", "requirements.txt", "-r", "requirements-dev.txt", *build_requirements()]
    pip = [PYTHON, "-m", "pip"]
    for name in platforms:
        say(f"downloading wheels for {name} (Python {version}) into {WHEELS} ...")
        if name == "current":
            if python:
                say("note: 'current' uses this machine's own Python; --python applies to the other platforms")
            run(*pip, "wheel", "--quiet", "--wheel-dir", WHEELS, *wanted)
            continue
        tags, env = PLATFORMS[name]
        target = ["--only-binary=:all:", "--implementation", "cp", "--python-version", version]
        target += [a for tag in tags for a in ("--platform", tag)]
        get = [*pip, "download", "--quiet", "--dest", WHEELS, "--find-links", WHEELS, *target]
        run(*get, *wanted)
        env = {**env, "python_version": version, "python_full_version": f"{version}.0"}
        env.update(implementation_name="cpython", platform_python_implementation="CPython")
        for _ in range(5):  # the platform's own dependencies, and theirs
            missing = missing_requirements(WHEELS, env)
            if not missing:
                break
            say(f"adding what {name} needs besides: {', '.join(sorted(missing))}")
            run(*get, *sorted(missing))
    size = sum(p.stat().st_size for p in WHEELS.glob("*.whl")) / 1e6
    (WHEELS / "README.txt").write_text(
        "Wheels of every package Rhetoric Lab pins, made by `python3 run.py bundle`.\n"
        f"Platforms: {', '.join(platforms)}; Python {version}.\n"
        "Copy this folder beside the rhetoric-lab folder; `python3 run.py lab` and `python3 run.py test`\n"
        "then install from it, with no internet.\n",
        encoding="utf-8",
    )
    say(f"the wheel folder holds {len(list(WHEELS.glob('*.whl')))} wheels, {size:.0f} MB: {WHEELS}")


def handouts(rest: list[str]) -> None:
    setup(dev=False)
    run(PYTHON, "tools/write_handouts.py", *rest)


def main() -> None:
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    commands = {"lab": lab, "test": test, "notebooks": notebooks, "bundle": bundle, "install-here": install_here}
    commands["handouts"] = handouts
    if command in commands:
        commands[command](rest)
    elif command == "bench":
        bench()
    else:
        print(__doc__)
        sys.exit(0 if command in ("", "-h", "--help", "help") else 2)


if __name__ == "__main__":
    main()
