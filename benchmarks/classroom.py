"""A class on JupyterHub: N students log in, start their servers, open notebook 01 and run every cell.

    .venv/bin/python benchmarks/classroom.py                 30 students
    .venv/bin/python benchmarks/classroom.py --students 10

A real JupyterHub (PyPI `jupyterhub`, in requirements-dev.txt) with its DummyAuthenticator and
SimpleLocalProcessSpawner, behind the npm `configurable-http-proxy`, which this script installs with npm
into ~/.cache/rhetoric-lab/ the first time (that is the only step that uses the network). Everything else
runs in a namespace of its own (tools/sandbox.py): a network with only loopback, so nothing can reach
beyond the machine, and this repository, its .venv/ and the base Python bind-mounted read-only, as a
shared environment on a hub is for students. Each student gets a home folder with a copy of the
notebooks and seeds, as an nbgitpuller link would give them.

Every student, all at once, as a class starting together:
  1. logs in through the hub's login form, and asks for an API token;
  2. starts a server (REST API) and waits until it is ready;
  3. opens notebook 01 (the contents API) and starts a kernel for it (the sessions API);
  4. runs every code cell in order over the kernel's websocket, and checks each reply.

It prints the time until all N are done, the slowest student, the failures (must be 0) and the peak
memory of the hub and everything it started (the sum of each process's proportional set size, PSS).
The last line is `CLASSROOM_RESULT {json}`. Exit code 0: no failures; 1: failures; 3: cannot run here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from sandbox import isolated, isolation_problem  # noqa: E402

PROXY_VERSION = "5.3.0"
PROXY_DIR = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rhetoric-lab" / "configurable-http-proxy"
)
PROXY = PROXY_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
PUBLIC, PROXY_API, HUB = 8000, 8001, 8081  # free inside the namespace, which has its own loopback
CANNOT_RUN = 3


def say(message: str) -> None:
    print(f"[classroom] {message}", flush=True)


def install_proxy() -> str | None:
    """Install configurable-http-proxy with npm if needed; None when ready, else why it cannot be."""
    if os.access(PROXY, os.X_OK):
        return None
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return "node and npm are needed to install configurable-http-proxy (Debian: apt-get install npm)"
    say(f"installing configurable-http-proxy {PROXY_VERSION} with npm into {PROXY_DIR} ...")
    PROXY_DIR.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--no-audit", "--no-fund", "--prefix", str(PROXY_DIR)]
    done = subprocess.run([*command, f"configurable-http-proxy@{PROXY_VERSION}"], capture_output=True, text=True)
    if done.returncode or not os.access(PROXY, os.X_OK):
        return f"npm could not install configurable-http-proxy: {(done.stderr or done.stdout).strip()[-400:]}"
    return None


# ------------------------------------------------------------------------------------------ inside


def hub_config(state: Path, admin_token: str, password: str, transport: str) -> str:
    """jupyterhub_config.py: loopback only, dummy logins, local processes, homes inside `state`.

    `transport` is how each server talks to its kernels: "tcp" (Jupyter's default) picks free loopback ports,
    which servers on one machine can pick at the same moment; "ipc" uses socket files in the student's home.
    """
    single_user = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
    args = [f"--KernelManager.transport={transport}", *(["--allow-root"] if os.geteuid() == 0 else [])]
    return textwrap.dedent(
        f"""
        c.JupyterHub.ip = "127.0.0.1"
        c.JupyterHub.port = {PUBLIC}
        c.JupyterHub.hub_ip = "127.0.0.1"
        c.JupyterHub.hub_port = {HUB}
        c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{PROXY_API}"
        c.JupyterHub.authenticator_class = "dummy"
        c.DummyAuthenticator.password = {password!r}
        c.Authenticator.allow_all = True
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = {str(state / "home" / "{username}")!r}
        c.Spawner.cmd = {single_user!r}
        c.Spawner.args = {args!r}
        c.Spawner.ip = "127.0.0.1"
        # A socket file's path must stay under 108 characters: kernels' files go in a short per-student folder.
        c.Spawner.environment = {{"JUPYTER_RUNTIME_DIR": lambda spawner: {str(state)!r} + "/r/" + spawner.user.name}}
        c.Spawner.default_url = "/lab"
        c.Spawner.start_timeout = 900
        c.Spawner.http_timeout = 900
        c.JupyterHub.concurrent_spawn_limit = 0
        c.JupyterHub.active_server_limit = 0
        c.JupyterHub.db_url = "sqlite:///{state / "jupyterhub.sqlite"}"
        c.JupyterHub.cookie_secret_file = {str(state / "cookie_secret")!r}
        c.ConfigurableHTTPProxy.pid_file = {str(state / "proxy.pid")!r}
        c.JupyterHub.log_level = "WARN"
        c.JupyterHub.services = [{{"name": "benchmark", "api_token": {admin_token!r}}}]
        c.JupyterHub.load_roles = [
            {{"name": "benchmark", "scopes": ["admin:users", "admin:servers"], "services": ["benchmark"]}}
        ]
        """
    )


class MemorySampler(threading.Thread):
    """Peak of the summed PSS of a process and all its descendants, sampled every second."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.peak_processes, self.stopping = pid, 0, 0, threading.Event()
        self.most_processes = 0  # the most processes seen at once (the peak of memory may come with fewer)
        self.seen: dict = {}  # every process met, to stop any that outlive the hub

    def run(self) -> None:
        import psutil

        root = psutil.Process(self.pid)
        while not self.stopping.wait(1.0):
            total, count = 0, 0
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
            for process in processes:
                self.seen.setdefault(process.pid, process)
                try:
                    total += process.memory_full_info().pss
                    count += 1
                except psutil.Error:
                    pass
            self.most_processes = max(self.most_processes, count)
            if total > self.peak:
                self.peak, self.peak_processes = total, count


class Student(threading.Thread):
    """One student's session, timed step by step; `error` says what went wrong, if anything."""

    def __init__(self, name: str, notebook: str, cells: list[str], password: str, start: threading.Event):
        super().__init__(daemon=True)
        self.name, self.notebook, self.cells, self.password, self.start_signal = name, notebook, cells, password, start
        self.times: dict[str, float] = {}
        self.error = ""
        self.cells_run = 0
        self.probe: dict = {}

    def run(self) -> None:
        self.start_signal.wait()
        started = time.monotonic()
        try:
            self.session(started)
        except Exception as err:  # noqa: BLE001 (any failure is the student's failure, reported)
            self.error = f"{type(err).__name__}: {err}"[:500]
        self.times["total"] = time.monotonic() - started

    def mark(self, step: str, started: float) -> None:
        self.times[step] = time.monotonic() - started

    def session(self, started: float) -> None:
        import requests

        base = f"http://127.0.0.1:{PUBLIC}"
        web = requests.Session()
        web.get(f"{base}/hub/login", timeout=120).raise_for_status()
        form = {"username": self.name, "password": self.password, "_xsrf": web.cookies.get("_xsrf", "")}
        reply = web.post(f"{base}/hub/login", data=form, allow_redirects=False, timeout=120)
        if reply.status_code != 302:
            raise RuntimeError(f"login answered {reply.status_code}")
        xsrf = {"X-XSRFToken": web.cookies.get("_xsrf", "")}
        reply = web.post(
            f"{base}/hub/api/users/{self.name}/tokens", json={"note": "classroom"}, headers=xsrf, timeout=120
        )
        reply.raise_for_status()
        api = requests.Session()
        api.headers["Authorization"] = f"token {reply.json()['token']}"
        self.mark("login", started)

        reply = api.post(f"{base}/hub/api/users/{self.name}/server", timeout=120)
        if reply.status_code not in (201, 202):
            raise RuntimeError(f"starting the server answered {reply.status_code}: {reply.text[:200]}")
        deadline = time.monotonic() + 900
        while True:
            server = api.get(f"{base}/hub/api/users/{self.name}", timeout=120).json().get("servers", {}).get("", {})
            if server.get("ready"):
                break
            if not server.get("pending") and not server.get("ready") and time.monotonic() > started + 5:
                raise RuntimeError(f"the server stopped while starting: {server}")
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start within 900 s")
            time.sleep(0.5)
        self.mark("server", started)

        user = f"{base}/user/{self.name}"
        reply = api.get(f"{user}/api/contents/{self.notebook}", timeout=300)
        reply.raise_for_status()
        code = [c["source"] for c in reply.json()["content"]["cells"] if c["cell_type"] == "code"]
        if code != self.cells:
            raise RuntimeError("the notebook served is not the one in the repository")
        body = {"path": self.notebook, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
        reply = api.post(f"{user}/api/sessions", json=body, timeout=300)
        reply.raise_for_status()
        session_id, kernel = reply.json()["id"], reply.json()["kernel"]["id"]
        self.mark("notebook_open", started)

        self.run_cells(f"ws://127.0.0.1:{PUBLIC}/user/{self.name}/api/kernels/{kernel}/channels", api)
        self.mark("cells_done", started)
        api.delete(f"{user}/api/sessions/{session_id}", timeout=120)

    def run_cells(self, url: str, api) -> None:
        import websocket

        socket = websocket.create_connection(
            url, header=[f"Authorization: {api.headers['Authorization']}"], timeout=600
        )
        try:
            for number, source in enumerate(self.cells, start=1):
                execute(socket, source, f"cell {number}")
                self.cells_run = number
            self.probe = json.loads(execute(socket, PROBE, "probe").split("PROBE", 1)[1])
        finally:
            socket.close()


#: Run in each student's kernel after the notebook: can it write into the environment, or reach the internet?
PROBE = """
import json, os, socket, sys
found = {}
try:
    open(os.path.join(sys.prefix, "student-was-here.txt"), "w").close()
    found["environment_writable"] = True
except OSError:
    found["environment_writable"] = False
try:
    socket.create_connection(("1.1.1.1", 53), timeout=3).close()
    found["internet"] = True
except OSError:
    found["internet"] = False
print("PROBE" + json.dumps(found))
"""


def execute(socket, source: str, label: str) -> str:
    """Run `source` in the kernel behind `socket` (Jupyter's websocket protocol); return its printed output."""
    msg_id, printed = uuid.uuid4().hex, []
    header = {"msg_id": msg_id, "session": uuid.uuid4().hex, "username": "", "date": "", "version": "5.3"}
    content = {"code": source, "silent": False, "store_history": True, "user_expressions": {}}
    content |= {"allow_stdin": False, "stop_on_error": True}
    request = {"header": {**header, "msg_type": "execute_request"}, "parent_header": {}, "metadata": {}}
    socket.send(json.dumps({**request, "content": content, "channel": "shell"}))
    replied = idle = False
    while not (replied and idle):
        message = json.loads(socket.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = message["header"]["msg_type"], message["content"]
        if kind == "error":
            raise RuntimeError(f"{label}: {content['ename']}: {content['evalue']}")
        if kind == "stream":
            printed.append(content["text"])
        if kind == "execute_reply":
            if content["status"] != "ok":
                raise RuntimeError(f"{label}: status {content['status']}")
            replied = True
        if kind == "status" and content["execution_state"] == "idle":
            idle = True
    return "".join(printed)


def hub_answers(requests) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{PUBLIC}/hub/api", timeout=5).ok
    except requests.RequestException:
        return False


def student_files(home: Path) -> None:
    """What an nbgitpuller link gives a student: the repository's notebooks and seeds, in their home."""
    for folder in ("notebooks", "seeds"):
        shutil.copytree(ROOT / folder, home / "rhetoric-lab" / folder, ignore=shutil.ignore_patterns("profiles"))


def inside(students: int, state: Path, transport: str) -> dict:
    """Run the class (in the namespace): start the hub, run every student, stop everything, report."""
    import nbformat
    import psutil
    import requests

    notebook_path = sorted((ROOT / "notebooks").glob("01-*.ipynb"))[0]
    cells = [c.source for c in nbformat.read(notebook_path, as_version=4).cells if c.cell_type == "code"]
    notebook = f"rhetoric-lab/notebooks/{notebook_path.name}"
    names = [f"student{n:02d}" for n in range(1, students + 1)]
    for name in names:
        student_files(state / "home" / name)
    admin_token, password = secrets.token_hex(16), secrets.token_hex(8)
    (state / "jupyterhub_config.py").write_text(hub_config(state, admin_token, password, transport), encoding="utf-8")
    hub_log = open(state / "jupyterhub.log", "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    hub = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(state / "jupyterhub_config.py")],
        cwd=state,
        stdout=hub_log,
        stderr=subprocess.STDOUT,
    )
    memory = MemorySampler(hub.pid)
    memory.start()
    try:
        deadline = time.monotonic() + 300
        while not hub_answers(requests):
            if time.monotonic() > deadline or hub.poll() is not None:
                raise RuntimeError("JupyterHub did not start: " + (state / "jupyterhub.log").read_text()[-2000:])
            time.sleep(0.5)
        say(f"JupyterHub is up; {students} students start together on {notebook_path.name} ({len(cells)} code cells)")
        go = threading.Event()
        class_ = [Student(name, notebook, cells, password, go) for name in names]
        for student in class_:
            student.start()
        started = time.monotonic()
        go.set()
        for student in class_:
            student.join()
        wall = time.monotonic() - started
    finally:
        admin = {"Authorization": f"token {admin_token}"}
        for name in names:
            try:
                requests.delete(f"http://127.0.0.1:{PUBLIC}/hub/api/users/{name}/server", headers=admin, timeout=60)
            except requests.RequestException:
                pass
        memory.stopping.set()
        started_by_us = {**memory.seen, **{p.pid: p for p in psutil.Process().children(recursive=True)}}
        hub.terminate()
        try:
            hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            hub.kill()
        for process in started_by_us.values():
            if process.pid != os.getpid() and process.is_running():  # is_running also rules out a reused pid
                process.kill()
        hub_log.close()
    failures = [{"student": s.name, "error": s.error, "cells_run": s.cells_run} for s in class_ if s.error]
    slowest = max(class_, key=lambda s: s.times["total"])

    def median(step: str) -> float | None:
        values = [s.times[step] for s in class_ if step in s.times]
        return round(statistics.median(values), 1) if values else None

    return {
        "students": students,
        "kernel_transport": transport,
        "notebook": notebook_path.name,
        "code_cells": len(cells),
        "seconds_until_all_done": round(wall, 1),
        "slowest_student": {"name": slowest.name, "seconds": round(slowest.times["total"], 1)},
        "median_seconds": {step: median(step) for step in ("login", "server", "notebook_open", "cells_done")},
        "failures": failures,
        "peak_memory_mib": round(memory.peak / 2**20),
        "processes_at_peak": memory.peak_processes,
        "most_processes": memory.most_processes,
        "processes_seen": len(memory.seen),
        "environment_writable_by_a_student": any(s.probe.get("environment_writable") for s in class_),
        "internet_reachable_by_a_student": any(s.probe.get("internet") for s in class_),
        "students_who_checked_both": sum(1 for s in class_ if s.probe),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}",
    }


# ------------------------------------------------------------------------------------------ outside


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30, help="how many students (default 30)")
    parser.add_argument(
        "--kernel-transport",
        choices=["ipc", "tcp"],
        default="ipc",
        help="ipc (default): kernels talk to their server through socket files; tcp: Jupyter's default, loopback "
        "ports, which servers sharing one machine can pick at the same moment when a class starts together",
    )
    parser.add_argument("--install-proxy-only", action="store_true", help="install configurable-http-proxy and stop")
    parser.add_argument("--keep", action="store_true", help="keep the hub's folder (logs, homes) afterwards")
    parser.add_argument("--inside", help=argparse.SUPPRESS)  # the state folder, when run in the namespace
    options = parser.parse_args()
    if options.inside:
        result = inside(options.students, Path(options.inside), options.kernel_transport)
        print("CLASSROOM_RESULT " + json.dumps(result), flush=True)
        return 0
    problem = install_proxy() or isolation_problem(offline=True)
    if problem:
        say(f"cannot run here: {problem}")
        return CANNOT_RUN
    if options.install_proxy_only:
        return 0
    state = Path(tempfile.mkdtemp(prefix="rhetoric-lab-classroom-"))
    readonly = (ROOT, Path(sys.prefix), Path(sys.base_prefix), PROXY_DIR)
    inner = ["--students", str(options.students), "--kernel-transport", options.kernel_transport]
    command = isolated(
        [sys.executable, __file__, *inner, "--inside", str(state)],
        offline=True,
        readonly=readonly,
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    say(f"{options.students} students, kernels over {options.kernel_transport}; hub folder {state}")
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True)
    lines = done.stdout.splitlines()
    print("\n".join(line for line in lines if not line.startswith("CLASSROOM_RESULT ")), flush=True)
    results = [json.loads(line.split(" ", 1)[1]) for line in lines if line.startswith("CLASSROOM_RESULT ")]
    if done.returncode or not results:
        say(f"the class did not run (exit code {done.returncode}); the hub's log is in {state}/jupyterhub.log")
        return 1
    result = results[0]
    if options.keep or result["failures"]:
        say(f"the hub's folder is kept for reading: {state} (jupyterhub.log holds the hub's and servers' logs)")
    else:
        shutil.rmtree(state, ignore_errors=True)
    say(f"all {result['students']} done in {result['seconds_until_all_done']} s")
    say(f"slowest student: {result['slowest_student']['name']}, {result['slowest_student']['seconds']} s")
    say(f"median seconds to: {result['median_seconds']}")
    say(
        f"failures: {len(result['failures'])}"
        + "".join(f"\n  {f['student']}: {f['error']}" for f in result["failures"])
    )
    say(f"peak memory (PSS of the hub, proxy, servers and kernels): {result['peak_memory_mib']} MiB")
    say(
        f"checked by {result['students_who_checked_both']} of {result['students']} students: "
        f"environment writable: {result['environment_writable_by_a_student']}; "
        f"internet reachable: {result['internet_reachable_by_a_student']}"
    )
    print("CLASSROOM_RESULT " + json.dumps(result), flush=True)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
