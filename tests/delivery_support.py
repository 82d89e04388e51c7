"""Helpers for the delivery tests: run.py as a module, a fresh copy of the repository, and namespaces.

`isolated` and `isolation_problem` come from tools/sandbox.py (shared with benchmarks/classroom.py).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from sandbox import isolated, isolation_problem  # noqa: E402

__all__ = ["ROOT", "fresh_copy", "isolated", "isolation_problem", "load_run_py"]


def load_run_py():
    """run.py as a module, to call its functions."""
    spec = importlib.util.spec_from_file_location("run_py", ROOT / "run.py")
    run_py = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_py)
    return run_py


def fresh_copy(target: Path) -> None:
    """The repository's tracked files as they are now (what `git clone` of this state gives)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
