"""The library writes nothing into a read-only environment, as on a JupyterHub where students share it.

Each run happens in a fresh Python inside its own mount namespace, where the environment (`sys.prefix`,
the base Python, and this repository with the editable package) is bind-mounted read-only: even root
gets "Read-only file system". An audit hook also records every attempt to open a file for writing, or
to create, rename or delete one, inside those folders, so that a library that tried and quietly fell
back elsewhere would fail the test too. The student's home is a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from delivery_support import isolated, isolation_problem

pytestmark = pytest.mark.skipif(isolation_problem() is not None, reason=str(isolation_problem()))

STUDENT = r"""
import json, os, sys, warnings

guarded = [os.path.realpath(p) for p in sys.argv[1:]]
attempts = []
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def inside(path):
    if isinstance(path, int):
        return False
    path = os.path.realpath(os.fsdecode(path))
    return any(path == g or path.startswith(g + os.sep) for g in guarded)


def audit(event, args):
    if event == "open":
        path, mode, flags = args
        writing = any(c in (mode or "") for c in "wax+") or bool((flags or 0) & WRITE_FLAGS)
        if writing and inside(path):
            attempts.append(f"open {path} {mode or flags}")
    elif event in ("os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link", "os.truncate"):
        if inside(args[0]) or (event in ("os.rename", "os.symlink", "os.link") and inside(args[1])):
            attempts.append(f"{event} {args[0]}")


sys.addaudithook(audit)
ACTION = os.environ["STUDENT_ACTION"]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    if ACTION == "write-into-environment":  # the control: a write the checks must catch
        try:
            open(os.path.join(sys.prefix, "share", "student-was-here.txt"), "w")
            error = None
        except OSError as err:
            error = err.strerror
        result = {"error": error}
    else:
        import rhetoric_lab as rl
        from rhetoric_lab import readability
        from rhetoric_lab.display.report import save_profile

        article = rl.load_article("carter-paris-speech-report")
        result = {
            "figures": readability.textstat_figures(article.text),
            "sections": sorted(rl.analyze(article)),
            "profile": str(save_profile(article, os.path.join(os.environ["HOME"], "profile.html"), force=True)),
        }
result["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
result["attempts"] = attempts
print(json.dumps(result))
"""


def student_run(
    home: Path, action: str = "analyse", hide_installed_data: bool = False, mpl: Path | None = None
) -> dict:
    """Run STUDENT as a student would: environment read-only, its own home.

    ``mpl``: matplotlib's folder for its font list (default ``home/.mpl``). The tests give every run the
    same one, outside the environment: the first run builds the font list (a few seconds), as a student's
    first session does, and the others find it, as a student's later sessions do.
    """
    guarded = (Path(sys.prefix), Path(sys.base_prefix), ROOT)
    hide = {}
    if hide_installed_data:
        empty = home.parent / "empty"
        empty.mkdir(exist_ok=True)
        hide = {Path(sys.prefix) / "share" / "nltk_data": empty}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RHETORIC_LAB_", "NLTK_DATA", "XDG_"))}
    env.update(
        HOME=str(home), STUDENT_ACTION=action, PYTHONDONTWRITEBYTECODE="1", MPLCONFIGDIR=str(mpl or home / ".mpl")
    )
    command = isolated([sys.executable, "-c", STUDENT, *map(str, guarded)], readonly=guarded, hide=hide)
    done = subprocess.run(command, cwd=home, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "student"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def mpl(tmp_path_factory) -> Path:
    """One matplotlib folder for every run in this file (see ``student_run``)."""
    return tmp_path_factory.mktemp("matplotlib")


def test_the_checks_catch_a_write_into_the_environment(home):
    result = student_run(home, action="write-into-environment")
    assert result["error"] == "Read-only file system"
    assert len(result["attempts"]) == 1 and "student-was-here" in result["attempts"][0]


@pytest.fixture(scope="module")
def installed_run(tmp_path_factory, mpl) -> tuple[Path, dict]:
    """One student's run with the data installed (its home, and what it found): two tests read it."""
    folder = tmp_path_factory.mktemp("installed") / "student"
    folder.mkdir()
    return folder, student_run(folder, mpl=mpl)


def test_with_the_data_installed_the_library_writes_nothing_anywhere_shared(installed_run):
    assert (Path(sys.prefix) / "share" / "nltk_data" / "corpora" / "cmudict" / "cmudict").is_file(), (
        "run `python -m rhetoric_lab prepare` first (run.py does it at setup)"
    )
    home, result = installed_run
    assert result["attempts"] == []
    assert result["warnings"] == []
    assert result["figures"]["syllables"] > 100 and {"readability", "sentences"} <= set(result["sections"])
    assert Path(result["profile"]).parent == home
    assert not (home / ".cache" / "rhetoric-lab").exists()


def test_without_the_installed_data_it_makes_a_per_user_copy_and_says_so(home, installed_run, mpl):
    installed = installed_run[1]["figures"]
    result = student_run(home, hide_installed_data=True, mpl=mpl)
    assert result["attempts"] == []
    assert any("OfflineDataWarning" in w and "rhetoric-lab prepare" in w for w in result["warnings"])
    copy = home / ".cache" / "rhetoric-lab" / "nltk_data" / "corpora" / "cmudict" / "cmudict"
    assert copy.stat().st_size > 1_000_000
    assert result["figures"] == installed
    again = student_run(home, hide_installed_data=True, mpl=mpl)
    assert again["warnings"] == [] and again["figures"] == installed  # the copy is found; no second warning
