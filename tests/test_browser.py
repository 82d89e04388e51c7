"""End-to-end: open every notebook in JupyterLab in headless Chromium, run all cells, check the page.

For each notebook (one test each, discovered in notebooks/*.ipynb):

1. open the committed notebook as a student first sees it (untrusted, so JupyterLab's HTML
   sanitizer applies) and check that its committed highlights keep their colours and labels and
   its figures load;
2. clear all outputs, then Run ▸ Run All Cells, and wait (bounded) until every code cell shows an
   execution number; fail at once if a cell waits for input or a dialog appears (kernel died);
3. check: every code cell ran, no output is an error, highlights (``mark.rl-span``) have a
   visible background from the palette and their ``[label]`` in words, every figure image loaded
   and has alt text; 01-metaphor must show at least one highlight;
4. save a screenshot of the whole notebook to tests/screenshots/<stem>.png;
5. audit the notebook's own rendered content (markdown cells and outputs) with axe-core: no
   serious or critical finding (moderate and minor ones are printed).

Then the same audit, with every rule and no finding allowed, on the rhetorical profile (at full
width and at 400 px, where the page must not scroll sideways) and on every handout in handouts/.
JupyterLab's own interface is left out of the notebook audit: its findings are named in the README.

One JupyterLab server (own port, token, settings, and a temporary copy of the notebooks) and one
browser serve the whole session. Skipped only when playwright or Debian's chromium is missing.

Timeouts: RL_BROWSER_RUN_TIMEOUT (seconds to run one notebook, default 300).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from browser_support import (
    BLOCKING,
    CHROMIUM_ARGS,
    JS_ERRORS,
    JS_HEIGHT,
    JS_HIGHLIGHTS,
    JS_IMAGES,
    JS_PAGE_WIDTH,
    JS_STATE,
    NARROW,
    NOTEBOOK_CONTENT,
    NOTEBOOKS,
    PAGE_RULES,
    ROOT,
    SCREENSHOTS,
    LabServer,
    axe_script,
    committed_counts,
    describe_violations,
    find_chromium,
    hex_to_rgb,
    run_axe,
)
from conftest import SEED_NAME, own_text

import rhetoric_lab as rl
from rhetoric_lab.display.common import TOL_LIGHT

RUN_TIMEOUT = float(os.environ.get("RL_BROWSER_RUN_TIMEOUT", "300"))
OPEN_TIMEOUT = 120.0
NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
MUST_HIGHLIGHT = {"01-metaphor"}
HANDOUTS = sorted((ROOT / "handouts").rglob("*.html")) if (ROOT / "handouts").is_dir() else []
PALETTE = {hex_to_rgb(c) for c in TOL_LIGHT}
TRANSPARENT = {"transparent", "rgba(0, 0, 0, 0)"}

# Register in pyproject.toml [tool.pytest.ini_options]:
#   markers = ["browser: end-to-end test of the notebooks in JupyterLab in headless Chromium"]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip("Debian's chromium is missing (/usr/bin/chromium, or chromium on PATH): apt-get install chromium")
    return path


@pytest.fixture(scope="session")
def axe():
    script = axe_script()
    if script is None:
        pytest.skip("axe-playwright-python is not installed (it comes with requirements-dev.txt)")
    return script


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    server = LabServer(tmp_path_factory.mktemp("jupyterlab"))
    try:
        server.start()
    except Exception as exc:
        server.stop()
        pytest.fail(f"JupyterLab failed to start: {exc}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def open_notebook(page, lab: LabServer, name: str, expected_cells: int) -> None:
    """Open notebooks/<name> in a fresh workspace and wait until its cells and kernel are ready."""
    page.goto(f"{lab.base_url}/lab/tree/notebooks/{name}?reset&token={lab.token}", timeout=OPEN_TIMEOUT * 1000)
    deadline = time.monotonic() + OPEN_TIMEOUT
    state = {}
    while time.monotonic() < deadline:
        state = page.evaluate(JS_STATE)
        if state["dialog"]:
            pytest.fail(f"{name}: a dialog appeared on opening: {state['dialog']}\n{lab.log()}", pytrace=False)
        if state["ready"] and state["cells"] == expected_cells and state["kernel"] == "idle":
            page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
            return
        time.sleep(0.5)
    pytest.fail(
        f"{name}: the notebook did not open with {expected_cells} cells and an idle kernel within "
        f"{OPEN_TIMEOUT:.0f} s (last state: {state})\n{lab.log()}",
        pytrace=False,
    )


def click_menu(page, menu: str, command: str) -> None:
    """Click a main-menu entry, e.g. Run ▸ Run All Cells, as a teacher would."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').first.click()


def run_all(page, name: str) -> tuple[dict, float]:
    """Clear outputs, Run ▸ Run All Cells, wait until every code cell has a number (bounded)."""
    click_menu(page, "Edit", "editmenu:clear-all")
    state = page.evaluate(JS_STATE)
    assert state["numbered"] == 0, f"{name}: prompts still numbered after clearing outputs: {state['prompts']}"
    started = time.monotonic()
    click_menu(page, "Run", "runmenu:run-all")
    deadline = started + RUN_TIMEOUT
    settled = 0
    while time.monotonic() < deadline:
        time.sleep(0.5)
        state = page.evaluate(JS_STATE)
        if state["stdin"]:
            pytest.fail(f"{name}: a cell is waiting for input (stdin box shown); prompts: {state['prompts']}")
        if state["dialog"]:
            pytest.fail(f"{name}: a dialog appeared while running: {state['dialog']}")
        # Finished (or stopped by an error): nothing queued or running, the kernel idle, twice in a row.
        quiet = state["busy"] == 0 and state["kernel"] == "idle"
        settled = settled + 1 if quiet and (state["numbered"] or time.monotonic() - started > 5) else 0
        if settled >= 2:
            time.sleep(0.5)  # let the last outputs render
            return page.evaluate(JS_STATE), time.monotonic() - started
    pytest.fail(
        f"{name}: cells still running after {RUN_TIMEOUT:.0f} s (RL_BROWSER_RUN_TIMEOUT); prompts: {state['prompts']}",
        pytrace=False,
    )


def check_highlights(page, name: str, expected: int | None = None) -> list[str]:
    """Problems with highlight marks: colour from the palette, label in words."""
    marks = page.evaluate(JS_HIGHLIGHTS)
    problems = []
    if expected is not None and len(marks) != expected:
        problems.append(f"{len(marks)} labelled highlights shown, {expected} in the committed outputs")
    for m in marks:
        where = f"highlight {m['text']!r}"
        if m["background"] in TRANSPARENT or m["background"] not in PALETTE:
            problems.append(f"{where}: background {m['background']} is not a palette colour (sanitizer?)")
        if not (m["sub"] and re.fullmatch(r"\[.+\]", m["sub"]) and m["subVisible"]):
            problems.append(f"{where}: its label is not shown in words (<sub> = {m['sub']!r})")
        elif m["dataLabel"] is not None and m["sub"] != f"[{m['dataLabel']}]":
            problems.append(f"{where}: label {m['sub']} differs from data-label {m['dataLabel']!r}")
    return problems


def check_images(page, expected_figures: int | None = None) -> tuple[list[str], int]:
    images = page.evaluate(JS_IMAGES)
    problems = []
    figures = [i for i in images if i["inFigure"]]
    if expected_figures is not None and len(figures) != expected_figures:
        problems.append(f"{len(figures)} figures shown, {expected_figures} in the committed outputs")
    for i, img in enumerate(images):
        if not (img["complete"] and img["naturalWidth"] > 0):
            problems.append(f"image {i} ({img['src']}...) did not load")
        # JupyterLab writes alt="Image" on an image that has no alt text (or an empty one)
        if img["inFigure"] and (img["alt"] or "").strip() in ("", "Image"):
            problems.append(f"figure image {i} has no alt text (alt={img['alt']!r})")
    return problems, len([i for i in images if i["rlFigure"]])


def screenshot(page, stem: str) -> Path:
    """The whole notebook: make the viewport as tall as the notebook (capped), then capture."""
    height = int(min(max(page.evaluate(JS_HEIGHT), 800), 16000))
    page.set_viewport_size({"width": 1280, "height": height})
    page.wait_for_timeout(800)
    page.evaluate(JS_HEIGHT)  # scroll to the top again after the resize
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{stem}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.mark.parametrize("notebook", NOTEBOOK_PATHS, ids=[p.stem for p in NOTEBOOK_PATHS])
def test_notebook_runs_in_jupyterlab(notebook: Path, browser, lab: LabServer, axe: str):
    import json

    original = json.loads(notebook.read_text(encoding="utf-8"))
    cells = original.get("cells", [])
    committed = committed_counts(original)
    started = time.monotonic()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        # 1. the committed outputs, as a student first sees them (untrusted: sanitized)
        page.goto(f"{lab.base_url}/lab?token={lab.token}", timeout=OPEN_TIMEOUT * 1000)
        open_notebook(page, lab, notebook.name, len(cells))
        sanitized = check_highlights(page, notebook.stem, committed["spans"])
        image_problems, _ = check_images(page, committed["figures"])
        sanitized += image_problems
        assert not sanitized, f"{notebook.name}, committed outputs as opened:\n  " + "\n  ".join(sanitized)

        # 2. clear the outputs and run every cell in the notebook's fresh kernel
        state, run_seconds = run_all(page, notebook.stem)
        result = page.evaluate(JS_ERRORS)
        assert not result["errors"], f"{notebook.name}: error outputs:\n  " + "\n  ".join(result["errors"])
        counted = [c for c in result["counts"] if c is not None]
        target = state["code"] - state["empty"]
        assert len(counted) == target == state["numbered"], (
            f"{notebook.name}: {len(counted)} of {target} code cells have an execution number; prompts: "
            f"{state['prompts']}"
        )
        assert sorted(counted) == list(range(1, target + 1)), f"{notebook.name}: execution numbers {counted}"

        # 3. highlights and figures after running
        problems = check_highlights(page, notebook.stem)
        spans = page.locator(".jp-OutputArea-output mark.rl-span").count()
        if notebook.stem in MUST_HIGHLIGHT and spans == 0:
            problems.append("no highlighted spans (mark.rl-span) in the outputs; this notebook must show some")
        image_problems, figures = check_images(page)
        problems += image_problems
        path = screenshot(page, notebook.stem)
        assert not problems, f"{notebook.name}, after Run All:\n  " + "\n  ".join(problems)

        # 4. accessibility of the notebook's own content (JupyterLab's interface left out)
        findings = run_axe(page, axe, NOTEBOOK_CONTENT, rules_off=PAGE_RULES)
        blocking = [v for v in findings if v["impact"] in BLOCKING]
        assert not blocking, f"{notebook.name}: axe-core, serious or critical:\n  " + "\n  ".join(
            describe_violations(blocking)
        )
        print(
            f"\n{notebook.name}: {target} code cells ran in {run_seconds:.1f} s "
            f"({time.monotonic() - started:.1f} s in all); {spans} highlights, {figures} figures; "
            f"stderr outputs: {len(result['stderr'])}; screenshot {path}"
        )
        for line in describe_violations(findings):
            print(f"  axe-core (not blocking): {line}")
    finally:
        context.close()
        lab.shutdown_kernels()


def audit_page(browser, axe: str, path: Path, name: str) -> None:
    """A whole page of ours: no axe-core finding of any impact, at full width and at 400 px, where it
    must not scroll sideways; screenshots of both widths."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(path.as_uri())
        findings = run_axe(page, axe)
        assert not findings, f"{name}: axe-core:\n  " + "\n  ".join(describe_violations(findings))
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        page.set_viewport_size({"width": NARROW, "height": 800})
        page.wait_for_timeout(200)
        width = page.evaluate(JS_PAGE_WIDTH)
        assert width <= NARROW, f"{name}: at {NARROW} px the page is {width} px wide (it scrolls sideways)"
        findings = run_axe(page, axe)
        assert not findings, f"{name} at {NARROW} px: axe-core:\n  " + "\n  ".join(describe_violations(findings))
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{NARROW}px.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("source", ["seed", "own text"])
def test_profile_has_no_accessibility_findings(source, browser, axe, tmp_path):
    text = rl.load_article(SEED_NAME) if source == "seed" else own_text("quotes-school-board.txt")
    reading = {"What does the metaphor do?": "It makes the plan sound like surgery <b>not</b> war."}
    path = rl.save_profile(text, tmp_path / "profile.html", reading=reading)
    audit_page(browser, axe, path, "profile" if source == "seed" else "profile-own-text")


@pytest.mark.parametrize("handout", HANDOUTS or [None], ids=[p.stem for p in HANDOUTS] or ["none"])
def test_handout_has_no_accessibility_findings(handout, browser, axe):
    if handout is None:
        pytest.skip("no handouts to audit yet: handouts/ holds no HTML (python3 run.py handouts builds them)")
    audit_page(browser, axe, handout, f"handout-{handout.stem}")
