"""Helpers for tests/test_browser.py: a private JupyterLab server and the checks run in the page.

The server runs on 127.0.0.1 with its own free port, its own random token, its own settings,
config, data and workspace folders, and a temporary copy of the notebooks with their committed
outputs, so the test first sees what a student sees; running cells never touches the committed
files. Notebook windowing is turned off so that every cell is in the DOM, autosave is off, and
JupyterLab never fetches news or checks for updates.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

#: Chromium flags that work on a machine without a network (no sandbox: we may be root).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: JupyterLab user settings, written into the server's own JUPYTERLAB_SETTINGS_DIR.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none", "kernelShutdown": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
}


def find_chromium() -> str | None:
    """Debian's chromium: /usr/bin/chromium, else `chromium` on PATH."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def committed_counts(nb: dict) -> dict:
    """How many highlight spans and figures the committed outputs of a notebook contain."""
    spans = figures = 0
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            html = out.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            spans += html.count('class="rl-span"')
            figures += html.count('class="rl-figure"')
    return {"spans": spans, "figures": figures}


class LabServer:
    """A JupyterLab server in its own process group, serving a temporary copy of the notebooks."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.root_dir = workdir / "root"
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.log_path = workdir / "jupyterlab.log"
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def prepare(self) -> None:
        """Copy notebooks and seeds (so `../seeds/...` paths work), write private settings."""
        (self.root_dir / "notebooks").mkdir(parents=True)
        for nb in sorted(NOTEBOOKS.glob("*.ipynb")):
            shutil.copy(nb, self.root_dir / "notebooks" / nb.name)
        if (ROOT / "seeds").is_dir():
            shutil.copytree(ROOT / "seeds", self.root_dir / "seeds")
        settings_dir = self.workdir / "lab-settings"
        for plugin, values in LAB_SETTINGS.items():
            path = settings_dir / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values, indent=2), encoding="utf-8")

    def environment(self) -> dict:
        env = dict(os.environ)
        for name, sub in [
            ("JUPYTER_CONFIG_DIR", "jupyter-config"),
            ("JUPYTER_DATA_DIR", "jupyter-data"),
            ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
            ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
            ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
            ("IPYTHONDIR", "ipython"),
            ("MPLCONFIGDIR", "matplotlib"),
        ]:
            (self.workdir / sub).mkdir(exist_ok=True)
            env[name] = str(self.workdir / sub)
        env.pop("JUPYTER_PATH", None)
        env.pop("JUPYTER_CONFIG_PATH", None)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["JUPYTER_TOKEN"] = self.token  # not on the command line, where `ps` would show it
        return env

    def start(self, timeout: float = 120) -> None:
        self.prepare()
        command = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--ServerApp.root_dir={self.root_dir}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self._log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            command,
            cwd=self.root_dir,
            env=self.environment(),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n{self.log()}")
            try:
                self.api("GET", "/api/status", timeout=5)
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{self.log()}")

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-8000:]
        except OSError:
            return "(no log)"

    def api(self, method: str, path: str, timeout: float = 10):
        request = urllib.request.Request(
            self.base_url + path, method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Delete every session (and so its kernel); quiet if the server is gone."""
        try:
            for session in self.api("GET", "/api/sessions"):
                self.api("DELETE", f"/api/sessions/{session['id']}", timeout=30)
        except (urllib.error.URLError, OSError):
            pass

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.shutdown_kernels()
            pgid = os.getpgid(self.process.pid)
            os.killpg(pgid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
            try:  # anything left in the group (the server, or a child it started)
                os.killpg(pgid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None


# --- JavaScript run in the page -----------------------------------------------------------------

#: State of the current notebook: cells, prompts, kernel, dialogs, stdin boxes.
JS_STATE = """
() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  const out = {ready: false, cells: 0, code: 0, empty: 0, numbered: 0, busy: 0, prompts: [],
               kernel: null, stdin: 0, dialog: null};
  const dialog = document.querySelector('.jp-Dialog');
  if (dialog) out.dialog = dialog.innerText.slice(0, 500);
  if (!nb || !panel || !panel.content || !panel.content.model) return out;
  out.ready = true;
  out.kernel = panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel
    ? panel.sessionContext.session.kernel.status : null;
  const cells = nb.querySelectorAll(':scope > .jp-WindowedPanel-outer .jp-Cell, :scope .jp-Cell');
  out.cells = new Set(cells).size;
  for (const cell of nb.querySelectorAll('.jp-CodeCell')) {
    out.code += 1;
    const prompt = cell.querySelector('.jp-InputArea-prompt');
    const text = prompt ? prompt.innerText.trim() : '';
    const editor = cell.querySelector('.jp-InputArea-editor');
    if (!(editor ? editor.innerText : '').trim()) out.empty += 1;
    out.prompts.push(text);
    if (/^\\[\\d+\\]:?$/.test(text)) out.numbered += 1;
    if (text.includes('*')) out.busy += 1;
  }
  out.stdin = nb.querySelectorAll('.jp-Stdin, .jp-InputArea-prompt + .jp-Stdin-input, input.jp-Stdin-input').length;
  return out;
}
"""

#: Errors in the notebook model (output_type "error") and "Traceback" in rendered outputs.
JS_ERRORS = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const errors = [];
  const cells = panel.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    for (const o of cell.toJSON().outputs || []) {
      if (o.output_type === 'error') errors.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
    }
  }
  const areas = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output');
  areas.forEach((a) => {
    if (a.innerText.includes('Traceback')) errors.push('output shows a Traceback: ' + a.innerText.slice(0, 300));
  });
  const stderr = [];
  document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) [data-mime-type="application/vnd.jupyter.stderr"]')
    .forEach((a) => stderr.push(a.innerText.slice(0, 300)));
  const counts = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type === 'code') counts.push(cell.executionCount);
  }
  return {errors, stderr, counts};
}
"""

#: Highlight spans: every <mark> in an output that carries a <sub> label (class-agnostic, so that
#: a sanitizer that strips classes is noticed too), with its colour and label.
JS_HIGHLIGHTS = """
() => {
  const root = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const marks = [];
  root.querySelectorAll('.jp-OutputArea-output mark').forEach((m) => {
    const sub = m.querySelector('sub');
    if (!sub && !m.classList.contains('rl-span')) return;  // legend swatches have no <sub>
    const subStyle = sub ? getComputedStyle(sub) : null;
    marks.push({
      cls: m.classList.contains('rl-span'),
      dataLabel: m.getAttribute('data-label'),
      background: getComputedStyle(m).backgroundColor,
      text: m.innerText.slice(0, 80),
      sub: sub ? sub.innerText.trim() : null,
      subVisible: sub ? (subStyle.display !== 'none' && subStyle.visibility !== 'hidden'
                         && parseFloat(subStyle.fontSize) > 0 && sub.getBoundingClientRect().width > 0) : false,
    });
  });
  return marks;
}
"""

#: Every image in an output, after waiting (bounded) for it to load.
JS_IMAGES = """
async () => {
  const root = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const imgs = Array.from(root.querySelectorAll('.jp-OutputArea-output img'));
  await Promise.race([
    Promise.all(imgs.map((i) => i.complete ? null : new Promise((r) => { i.onload = r; i.onerror = r; }))),
    new Promise((r) => setTimeout(r, 15000)),
  ]);
  return imgs.map((i) => ({
    inFigure: !!i.closest('figure'),
    rlFigure: !!i.closest('figure.rl-figure'),
    alt: i.getAttribute('alt'),
    complete: i.complete,
    naturalWidth: i.naturalWidth,
    src: (i.getAttribute('src') || '').slice(0, 40),
  }));
}
"""

#: Scroll the notebook to the top; return the page height that shows every cell (for a screenshot).
JS_HEIGHT = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const scroller = panel.querySelector('.jp-WindowedPanel-outer') || panel.querySelector('.jp-Notebook');
  scroller.scrollTop = 0;
  const cells = panel.querySelectorAll('.jp-Cell');
  const last = cells[cells.length - 1];
  const top = scroller.getBoundingClientRect().top;
  const bottom = last ? last.getBoundingClientRect().bottom : scroller.scrollHeight;
  return top + (bottom - top) + (window.innerHeight - scroller.getBoundingClientRect().bottom) + 40;
}
"""


def hex_to_rgb(colour: str) -> str:
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"


# --- Accessibility audit with axe-core ----------------------------------------------------------
# axe-core ships inside the PyPI package axe-playwright-python (no download at run time).

#: The notebook's own rendered content: markdown cells and outputs (not JupyterLab's interface).
NOTEBOOK_CONTENT = {
    "include": [
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput",
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output",
    ]
}

#: Rules about the whole page (landmarks, title, language): they judge JupyterLab's page, not a
#: notebook's content, so the scoped audit leaves them out. The profile and handouts, which are whole
#: pages of ours, are audited with every rule.
PAGE_RULES = ["region", "landmark-one-main", "page-has-heading-one", "html-has-lang", "document-title", "bypass"]

#: Impacts that fail the notebooks' audit; the profile and handouts fail on any finding.
BLOCKING = {"serious", "critical"}


def axe_script() -> str | None:
    """axe-core's JavaScript from the axe-playwright-python package (None if it is not installed)."""
    try:
        from axe_playwright_python.base import AXE_SCRIPT
    except ImportError:
        return None
    return AXE_SCRIPT


def run_axe(page, script: str, context=None, rules_off=()) -> list[dict]:
    """axe-core's violations on the page (or in ``context``): rule id, impact, help, nodes."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(script)
    options = {"resultTypes": ["violations"], "rules": {rule: {"enabled": False} for rule in rules_off}}
    result = page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])
    return result["violations"]


def describe_violations(violations: list[dict]) -> list[str]:
    """One line per rule: impact, rule id, what it asks, how many elements, and the first one."""
    lines = []
    for v in violations:
        node = v["nodes"][0]
        lines.append(
            f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} element(s); first: "
            f"{' '.join(node['target'])[-120:]} {node['html'][:160]})"
        )
    return lines


#: The width of a narrow phone screen; the profile and handouts must not scroll sideways there.
NARROW = 400

JS_PAGE_WIDTH = "() => document.documentElement.scrollWidth"
