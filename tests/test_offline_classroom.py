"""An offline classroom: a fresh copy of the repository plus the wheel folder works with no network at all.

Online, `python3 run.py bundle` makes the wheel folder beside a fresh copy of the repository's tracked
files (what a clone holds). Then, in a network namespace with only loopback (`unshare -n`) and with pip's
own configuration and indexes switched off, the README's commands run as a student's machine would run them:
`run.py lab` installs from the folder and serves the start notebook; `run.py test` adds the test tools; and
`run.py lab` again installs nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT
from delivery_support import fresh_copy, isolated, isolation_problem

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1200),
    pytest.mark.skipif(isolation_problem(offline=True) is not None, reason=str(isolation_problem(offline=True))),
]

BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)  # the machine's Python, not .venv's

#: Runs inside the network namespace: the student's commands, then a JSON line of what happened.
STUDENT_MACHINE = textwrap.dedent(
    r"""
    import json, os, signal, socket, subprocess, sys, time, urllib.request

    PYTHON, PORT, TOKEN = sys.argv[1], int(sys.argv[2]), "offline-test-token"
    report = {}
    try:
        socket.create_connection(("pypi.org", 443), timeout=5)
        report["network"] = "reachable"
    except OSError as err:
        report["network"] = f"unreachable ({type(err).__name__})"


    def lab(label):
        args = ["--no-browser", "--port", str(PORT), "--ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}"]
        started = time.monotonic()
        server = subprocess.Popen([PYTHON, "run.py", "lab", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        final = None
        while time.monotonic() - started < 600 and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/?token={TOKEN}", timeout=5) as reply:
                    final = reply.geturl().split("?")[0]
                url = f"http://127.0.0.1:{PORT}/api/contents/notebooks/00-start-here.ipynb?token={TOKEN}"
                with urllib.request.urlopen(url, timeout=30) as reply:
                    cells = len(json.load(reply)["content"]["cells"])
                break
            except OSError:
                time.sleep(1)
        seconds = time.monotonic() - started
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=60)[0].decode(errors="replace")
        report[label] = {"final_url": final, "cells": cells if final else 0, "seconds": round(seconds, 1),
                         "setup_lines": [l for l in output.splitlines() if l.startswith("[run.py]")],
                         "tail": output[-3000:] if not final else ""}


    lab("first_lab")
    started = time.monotonic()
    done = subprocess.run([PYTHON, "run.py", "test", "--collect-only", "-q", "tests/test_text.py"],
                          capture_output=True, text=True)
    report["test"] = {"code": done.returncode, "seconds": round(time.monotonic() - started, 1),
                      "setup_lines": [l for l in done.stdout.splitlines() if l.startswith("[run.py]")],
                      "tail": (done.stdout + done.stderr)[-3000:] if done.returncode else ""}
    lab("second_lab")
    print(json.dumps(report))
    """
)


def test_a_fresh_copy_and_the_wheel_folder_work_without_network(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout, to copy the tracked files as a clone would")
    probe = subprocess.run(
        [BASE_PYTHON, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", tmp_path / "probe", "pyphen==0.18.1"],
        capture_output=True,
        text=True,
    )
    if probe.returncode:
        pytest.skip(f"no package index is reachable, so the wheel folder cannot be made: {probe.stderr[-300:]}")
    clone = tmp_path / "rhetoric-lab"
    fresh_copy(clone)
    bundled = subprocess.run([BASE_PYTHON, "run.py", "bundle"], cwd=clone, capture_output=True, text=True)
    assert bundled.returncode == 0, bundled.stdout[-2000:] + bundled.stderr[-2000:]
    assert (tmp_path / "rhetoric-lab-wheels" / "README.txt").exists()

    (tmp_path / "student.py").write_text(STUDENT_MACHINE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV", "JUPYTER"))}
    env.update(PIP_CONFIG_FILE=os.devnull, HOME=str(tmp_path / "home"), PYTHONNOUSERSITE="1")
    command = isolated([BASE_PYTHON, tmp_path / "student.py", BASE_PYTHON, "8888"], offline=True)
    done = subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True, timeout=1100)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(report, indent=2))  # timings, for the README (pytest -s shows them)

    assert report["network"].startswith("unreachable")
    first, test, second = report["first_lab"], report["test"], report["second_lab"]
    assert first["final_url"], first["tail"]
    assert first["final_url"].endswith("/lab/tree/notebooks/00-start-here.ipynb") and first["cells"] > 5
    assert any("from the wheel folder" in line and "base" in line for line in first["setup_lines"])
    assert test["code"] == 0, test["tail"]
    installing = [line for line in test["setup_lines"] if "installing" in line]
    assert len(installing) == 1 and "dev" in installing[0], test["setup_lines"]
    assert second["final_url"] == first["final_url"], second["tail"]
    assert not any("installing" in line for line in second["setup_lines"]), second["setup_lines"]
