"""A class on JupyterHub: the classroom benchmark with 2 students, the kernel protocol it speaks, and the
nbgitpuller link helper.

The 2-student run starts a real JupyterHub on loopback in a namespace where the environment is read-only
(benchmarks/classroom.py). It runs when configurable-http-proxy can be installed with npm and `unshare`
works here; otherwise it is skipped with the reason.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT


def load(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


classroom = load(ROOT / "benchmarks" / "classroom.py")
nbgitpuller_link = load(ROOT / "tools" / "nbgitpuller_link.py")


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_two_students_run_notebook_01_on_a_local_jupyterhub():
    ready = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "classroom.py"), "--install-proxy-only"],
        capture_output=True,
        text=True,
    )
    if ready.returncode == classroom.CANNOT_RUN:
        pytest.skip(ready.stdout.strip().splitlines()[-1])
    assert ready.returncode == 0, ready.stdout + ready.stderr
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "classroom.py"), "--students", "2"],
        capture_output=True,
        text=True,
        timeout=850,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("CLASSROOM_RESULT ")]
    assert lines, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(lines[-1].split(" ", 1)[1])
    assert result["failures"] == [] and done.returncode == 0
    assert result["students"] == 2 and result["notebook"].startswith("01-") and result["code_cells"] > 5
    assert result["students_who_checked_both"] == 2
    assert result["environment_writable_by_a_student"] is False
    assert result["internet_reachable_by_a_student"] is False
    # hub, proxy, and a server and a kernel per student: all met during the run (sampled once a second, so on a
    # busy machine one student's kernel may end before the other's starts)
    assert result["processes_seen"] >= 2 + 2 * 2
    assert result["peak_memory_mib"] > 100


class FakeKernelSocket:
    """Replies as a kernel would to one execute_request, with the messages given."""

    def __init__(self, replies):
        self.replies, self.queue = replies, []

    def send(self, text):
        msg_id = json.loads(text)["header"]["msg_id"]
        for kind, content in self.replies:
            self.queue.append(
                json.dumps({"header": {"msg_type": kind}, "parent_header": {"msg_id": msg_id}, "content": content})
            )
        self.queue.insert(
            0, json.dumps({"header": {"msg_type": "status"}, "parent_header": {"msg_id": "other"}, "content": {}})
        )

    def recv(self):
        return self.queue.pop(0)


def test_execute_returns_printed_output_and_waits_for_idle():
    socket = FakeKernelSocket(
        [
            ("stream", {"name": "stdout", "text": "hello "}),
            ("execute_reply", {"status": "ok"}),
            ("stream", {"name": "stdout", "text": "world"}),
            ("status", {"execution_state": "idle"}),
        ]
    )
    assert classroom.execute(socket, "print('hello world')", "cell 1") == "hello world"


def test_execute_reports_an_error_in_a_cell():
    socket = FakeKernelSocket([("error", {"ename": "NameError", "evalue": "name 'x' is not defined"})])
    with pytest.raises(RuntimeError, match="cell 3: NameError"):
        classroom.execute(socket, "x", "cell 3")


def test_nbgitpuller_link_opens_the_start_notebook_in_jupyterlab():
    link = nbgitpuller_link.link("https://hub.example.edu/", "https://github.com/rhetoric-lab/rhetoric-lab", "main")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query == {
        "repo": "https://github.com/rhetoric-lab/rhetoric-lab",
        "branch": "main",
        "urlpath": "lab/tree/rhetoric-lab/notebooks/00-start-here.ipynb",
    }


def test_nbgitpuller_link_for_another_notebook_folder_and_the_classic_interface():
    link = nbgitpuller_link.link(
        "https://hub.example.edu/jupyter",
        "https://gitlab.example.org/teach/rhetoric-lab.git",
        "v1.0",
        notebook="notebooks/01-metaphor.ipynb",
        interface="tree",
        folder="rhetoric lab",
    )
    query = {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}
    assert link.startswith("https://hub.example.edu/jupyter/hub/user-redirect/git-pull?")
    assert query["urlpath"] == "tree/rhetoric lab/notebooks/01-metaphor.ipynb"
    assert query["targetPath"] == "rhetoric lab" and query["branch"] == "v1.0"
    assert "rhetoric+lab" in link or "rhetoric%20lab" in link  # encoded, never a raw space


def test_nbgitpuller_link_refuses_what_is_not_a_web_address(capsys):
    with pytest.raises(SystemExit):
        nbgitpuller_link.main(["hub.example.edu", "https://github.com/rhetoric-lab/rhetoric-lab"])
    assert "https://" in capsys.readouterr().err
