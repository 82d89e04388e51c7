#!/usr/bin/env python3
"""Set up Rhetoric Lab and run it. Needs only Python 3.10+ with pip and venv.

    python3 run.py lab         set up, then open JupyterLab on the start notebook
    python3 run.py test        set up (with test tools), then run every test
    python3 run.py notebooks   re-run every notebook in a fresh kernel and save its outputs
    python3 run.py bench       run the benchmarks
    python3 run.py handouts    write the paper route into handouts/: printable sheets (HTML; PDF where
                               Chromium is installed) and the notebooks as pages to project

Setup makes a virtual environment in .venv/, installs the pinned packages from
requirements.txt (and requirements-dev.txt for tests), installs this package,
and writes the offline pronunciation data. It is skipped when nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
START_NOTEBOOK = "notebooks/00-start-here.ipynb"


def say(message: str) -> None:
    print(f"[run.py] {message}", flush=True)


def run(*args, **kwargs) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def setup(dev: bool) -> None:
    """Create .venv and install what is needed, unless the same install is already there."""
    if sys.version_info < (3, 10):  # noqa: UP036 (run.py may be started by an older python)
        sys.exit(f"Rhetoric Lab needs Python 3.10 or newer; this is {sys.version.split()[0]}.")
    started = time.monotonic()
    files = ["requirements.txt", "pyproject.toml"] + (["requirements-dev.txt"] if dev else [])
    digest = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in files)).hexdigest()[:16]
    stamp = VENV / f".installed-{'dev-' if dev else ''}{digest}"
    if not PYTHON.exists():
        say("creating the virtual environment in .venv/ ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not stamp.exists():
        say("installing packages (a few minutes the first time) ...")
        reqs = [a for f in files if f.endswith(".txt") for a in ("-r", f)]
        run(PYTHON, "-m", "pip", "install", "--quiet", *reqs, "-e", ".")
        run(PYTHON, "-m", "rhetoric_lab", "prepare")
        for old in VENV.glob(".installed-*"):
            old.unlink()
        stamp.touch()
    say(f"setup took {time.monotonic() - started:.0f} s")


def lab_command() -> list[str]:
    """JupyterLab, opening on the start notebook (also the address it prints to copy into a browser)."""
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # e.g. in a container
    return [str(PYTHON), "-m", "jupyter", "lab", f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}", *as_root]


def lab() -> None:
    setup(dev=False)
    say(f"opening JupyterLab on {START_NOTEBOOK} (press Ctrl+C here to stop it)")
    run(*lab_command())


def test(extra: list[str]) -> None:
    setup(dev=True)
    started = time.monotonic()
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")
    code = subprocess.run(
        [str(PYTHON), "-m", "pytest", "--nbval", "--nbval-sanitize-with", "tests/sanitize.cfg", *extra], cwd=ROOT
    ).returncode
    say(f"tests took {time.monotonic() - started:.0f} s")
    sys.exit(code)


def notebooks(names: list[str]) -> None:
    setup(dev=True)
    run(PYTHON, "tools/execute_notebooks.py", *names)


def bench() -> None:
    setup(dev=True)
    run(PYTHON, "benchmarks/run_benchmarks.py")


def handouts(rest: list[str]) -> None:
    setup(dev=False)
    run(PYTHON, "tools/write_handouts.py", *rest)


def main() -> None:
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "lab":
        lab()
    elif command == "test":
        test(rest)
    elif command == "notebooks":
        notebooks(rest)
    elif command == "bench":
        bench()
    elif command == "handouts":
        handouts(rest)
    else:
        print(__doc__)
        sys.exit(0 if command in ("", "-h", "--help", "help") else 2)


if __name__ == "__main__":
    main()
