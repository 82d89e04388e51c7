"""In JupyterLab, in headless Chromium: a label typo in a notebook cell shows a box of at most 5 lines.

Two small notebooks are written into a private JupyterLab server (tests/browser_support.py):
a student's cell with a label typo, and the same cell after a teacher's ``rl.debug(True)``. Each is
run with Run ▸ Run All Cells, as a student would; then the page's rendered output is read:

- the student sees "Did you mean 'paraphrase'?" in at most 5 lines, as text and as drawn on screen,
  with no traceback;
- the teacher sees the full traceback.

A screenshot of the student's view is saved as tests/screenshots/label-typo.png. Skipped only when
playwright or Debian's chromium is missing (like tests/test_browser.py).
"""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from browser_support import CHROMIUM_ARGS, JS_STATE, SCREENSHOTS, LabServer, find_chromium

pytestmark = pytest.mark.browser

TIMEOUT = 120.0
TYPO = 'my_labels = {1: "paraphase"}\nrl.check_quotes(my_labels)'  # nothing else to read: the box
NOTEBOOKS = {
    "label-typo.ipynb": ["import rhetoric_lab as rl", TYPO],
    "teacher-debug.ipynb": ["import rhetoric_lab as rl\nrl.debug(True)", TYPO],
}

KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
#: The last code cell's rendered output: its text, its height, and the height of one line of it.
JS_LAST_OUTPUT = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const cells = panel.querySelectorAll('.jp-CodeCell');
  const out = cells[cells.length - 1].querySelector('.jp-OutputArea-output');
  if (!out) return null;
  const pre = out.querySelector('pre') || out;
  const style = getComputedStyle(pre);
  let line = parseFloat(style.lineHeight);
  if (!line) line = parseFloat(style.fontSize) * 1.2;
  return {text: out.innerText, height: pre.getBoundingClientRect().height, line: line,
          mime: out.getAttribute('data-mime-type')};
}
"""


def notebook(cells: list[str]) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "metadata": {}, "source": c, "outputs": [], "execution_count": None}
                for c in cells
            ],
            "metadata": {"kernelspec": KERNEL},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if find_chromium() is None:
        pytest.skip("Debian's chromium is missing (/usr/bin/chromium, or chromium on PATH): apt-get install chromium")
    pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    server = LabServer(tmp_path_factory.mktemp("jupyterlab-errors"))
    try:
        server.start()
    except Exception as exc:
        server.stop()
        pytest.fail(f"JupyterLab failed to start: {exc}", pytrace=False)
    for name, cells in NOTEBOOKS.items():
        (server.root_dir / "notebooks" / name).write_text(notebook(cells), encoding="utf-8")
    yield server
    server.stop()


def in_browser(lab: LabServer) -> dict:
    """Run both notebooks in headless Chromium; the last cell's output of each, and a screenshot.

    Runs in a thread of its own: Playwright's sync API refuses to start where another test module's
    browser (tests/test_browser.py) already keeps an event loop.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.set_default_timeout(60_000)
            outputs = {}
            for name in NOTEBOOKS:
                outputs[name] = run_notebook(page, lab, name)
                if name == "label-typo.ipynb":
                    SCREENSHOTS.mkdir(exist_ok=True)
                    page.screenshot(path=str(SCREENSHOTS / "label-typo.png"))
            return outputs
        finally:
            context.close()
            browser.close()


@pytest.fixture(scope="module")
def outputs(lab):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(in_browser, lab).result()


def run_notebook(page, lab: LabServer, name: str) -> dict:
    """Open a notebook, Run ▸ Run All Cells, and wait for the last cell's output (bounded)."""
    page.goto(f"{lab.base_url}/lab/tree/notebooks/{name}?reset&token={lab.token}", timeout=TIMEOUT * 1000)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        state = page.evaluate(JS_STATE)
        if state["ready"] and state["kernel"] == "idle" and state["code"] == len(NOTEBOOKS[name]):
            break
        time.sleep(0.5)
    else:
        raise AssertionError(f"{name} did not open with an idle kernel within {TIMEOUT:.0f} s\n{lab.log()}")
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').first.click()
    while time.monotonic() < deadline:
        output = page.evaluate(JS_LAST_OUTPUT)
        if output and "paraphase" in output["text"]:
            page.wait_for_timeout(500)  # let it finish drawing
            return page.evaluate(JS_LAST_OUTPUT)
        time.sleep(0.5)
    raise AssertionError(f"{name}: no output from the last cell within {TIMEOUT:.0f} s\n{lab.log()}")


def test_a_label_typo_shows_a_box_of_at_most_five_lines(outputs):
    output = outputs["label-typo.ipynb"]
    lines = output["text"].rstrip("\n").splitlines()
    drawn = round(output["height"] / output["line"])
    assert len(lines) <= 5 and drawn <= 5, f"{len(lines)} lines of text, {drawn} drawn:\n{output['text']}"
    assert "Did you mean 'paraphrase'?" in output["text"]
    assert "Traceback" not in output["text"] and "File " not in output["text"]
    print(f"\nlabel typo in JupyterLab: {len(lines)} lines of text, {drawn} drawn ({output['mime']})")


def test_after_rl_debug_a_teacher_sees_the_full_traceback(outputs):
    output = outputs["teacher-debug.ipynb"]
    assert "Traceback" in output["text"] and len(output["text"].splitlines()) > 5
