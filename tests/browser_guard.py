"""pytest hooks: a browser test that does not run is never silent, and under CI it fails the run.

When a test marked ``browser`` is skipped (no Chromium, no Playwright) or deselected (``-m "not
browser"``), the run ends with a loud line that says why. Under CI (``CI=true``) the run fails: a green
CI then always means that every notebook ran in a real browser. Imported by tests/conftest.py.
"""

from __future__ import annotations

import os

import pytest

_STATE = pytest.StashKey[dict]()


def _state(config) -> dict:
    return config.stash[_STATE]


def _is_browser(item_or_report) -> bool:
    return "browser" in item_or_report.keywords


def under_ci() -> bool:
    """True when the CI variable says so (CI=true, as GitHub Actions and most CI services set it)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def browser_problem(state: dict) -> str | None:
    """Why the browser test did not run, in one line; None when it ran or was never collected.

    >>> browser_problem({"selected": 6, "deselected": 0, "ran": 0, "skipped": ["no chromium"] * 6})
    'BROWSER TEST SKIPPED (6 of 6): no chromium'
    >>> browser_problem({"selected": 0, "deselected": 9, "ran": 0, "skipped": []})
    'BROWSER TEST NOT RUN: 9 browser tests deselected (-m or -k)'
    >>> browser_problem({"selected": 6, "deselected": 0, "ran": 6, "skipped": []}) is None
    True
    """
    if state["skipped"]:
        reasons = "; ".join(dict.fromkeys(state["skipped"]))
        return f"BROWSER TEST SKIPPED ({len(state['skipped'])} of {state['selected']}): {reasons}"
    if state["deselected"] and not state["selected"]:
        return f"BROWSER TEST NOT RUN: {state['deselected']} browser tests deselected (-m or -k)"
    return None


def pytest_configure(config):
    config.stash[_STATE] = {"selected": 0, "deselected": 0, "ran": 0, "skipped": [], "notes": []}


def pytest_deselected(items):
    if items:
        _state(items[0].config)["deselected"] += sum(1 for item in items if _is_browser(item))


def pytest_collection_finish(session):
    _state(session.config)["selected"] = sum(1 for item in session.items if _is_browser(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if _is_browser(item):
        state = _state(item.config)
        if report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            # Skipped while setting up (no Chromium, no Playwright, a skip mark): the browser did not run.
            # Skipped by the test itself, with the browser running (nothing to audit yet): a note.
            key = "skipped" if report.when == "setup" else "notes"
            state[key].append(reason.removeprefix("Skipped: "))
        elif report.when == "call":
            state["ran"] += 1
    return report


def merge_worker_state(state: dict, worker: dict) -> None:
    """Add what one xdist worker saw to the controller's ``state``.

    Every worker collects every test, so selected and deselected are the same in each; each test runs in
    one worker, so what ran and what was skipped add up.

    >>> state = {"selected": 0, "deselected": 0, "ran": 0, "skipped": [], "notes": []}
    >>> merge_worker_state(state, {"selected": 6, "deselected": 0, "ran": 2, "skipped": ["x"], "notes": []})
    >>> merge_worker_state(state, {"selected": 6, "deselected": 0, "ran": 3, "skipped": [], "notes": ["y"]})
    >>> state
    {'selected': 6, 'deselected': 0, 'ran': 5, 'skipped': ['x'], 'notes': ['y']}
    """
    for key in ("selected", "deselected"):
        state[key] = max(state[key], worker[key])
    state["ran"] += worker["ran"]
    state["skipped"] += worker["skipped"]
    state["notes"] += worker["notes"]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """Under pytest-xdist the tests run in workers: the controller, which prints the summary, hears from each."""
    worker = getattr(node, "workeroutput", {}).get("browser_guard")
    if worker:
        merge_worker_state(_state(node.config), worker)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    state = _state(session.config)
    if hasattr(session.config, "workeroutput"):  # an xdist worker: the controller judges and prints
        session.config.workeroutput["browser_guard"] = state
        return
    problem = browser_problem(state)
    whole_suite = session.config.args_source == pytest.Config.ArgsSource.TESTPATHS
    if problem and under_ci() and (whole_suite or state["skipped"]) and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    state = _state(config)
    problem = browser_problem(state)
    for note in dict.fromkeys(state["notes"]):
        terminalreporter.write_line(f"browser test note: {note}", yellow=True)
    if problem is None:
        if state["ran"]:
            terminalreporter.write_line(f"browser test: {state['ran']} ran in headless Chromium")
        return
    terminalreporter.write_sep("!", problem, red=True, bold=True)
    if under_ci():
        terminalreporter.write_sep("!", "CI=true: a browser test that does not run fails the run", red=True, bold=True)
    else:
        terminalreporter.write_line("(under CI=true this fails the run)", yellow=True)
