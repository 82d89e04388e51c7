"""The browser-test guard (tests/browser_guard.py): a skipped browser test is loud, and fails under CI."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

HERE = Path(__file__).resolve().parent

INNER_TESTS = """
import pytest

@pytest.fixture
def chromium():
    pytest.skip("Debian's chromium is missing")


@pytest.mark.browser
def test_in_the_browser(chromium):
    assert chromium

def test_plain():
    assert True
"""


@pytest.fixture
def inner(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(HERE))
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # a quick inner run
    pytester.makeini("[pytest]\nmarkers =\n    browser: in the browser\ntestpaths = .\n")
    pytester.makeconftest("pytest_plugins = ['browser_guard']\n")
    pytester.makepyfile(test_inner=INNER_TESTS)
    return pytester


def test_a_skipped_browser_test_ends_the_run_with_a_loud_line(inner, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    result = inner.runpytest_subprocess()
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*BROWSER TEST SKIPPED (1 of 1): Debian's chromium is missing*"])


def test_under_ci_a_skipped_browser_test_fails_the_run(inner, monkeypatch):
    monkeypatch.setenv("CI", "true")
    result = inner.runpytest_subprocess()
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*BROWSER TEST SKIPPED*", "*CI=true: a browser test that does not run fails*"])


def test_under_ci_deselecting_the_browser_test_fails_the_run(inner, monkeypatch):
    monkeypatch.setenv("CI", "true")
    result = inner.runpytest_subprocess("-m", "not browser")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*BROWSER TEST NOT RUN: 1 browser tests deselected*"])


def test_a_browser_test_that_runs_is_reported_and_passes(inner, monkeypatch):
    monkeypatch.setenv("CI", "true")
    inner.makepyfile(test_inner="import pytest\n\n@pytest.mark.browser\ndef test_ok():\n    assert True\n")
    result = inner.runpytest_subprocess()
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*browser test: 1 ran in headless Chromium*"])


def test_a_browser_test_that_skips_itself_is_a_note_not_a_failure(inner, monkeypatch):
    """A skip inside a running browser test (nothing to audit yet) is printed, and does not fail CI."""
    monkeypatch.setenv("CI", "true")
    inner.makepyfile(
        test_inner="""
import pytest

@pytest.fixture
def browser():
    return "chromium"

@pytest.mark.browser
def test_handouts(browser):
    pytest.skip("no handouts yet")

@pytest.mark.browser
def test_notebook(browser):
    assert browser
"""
    )
    result = inner.runpytest_subprocess()
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*browser test note: no handouts yet*", "*browser test: 1 ran*"])


@pytest.mark.parametrize("how", [(), ("-m", "not browser")], ids=["skipped", "deselected"])
def test_with_xdist_workers_the_controller_still_reports_and_fails_under_ci(inner, monkeypatch, how):
    """`python3 run.py test` runs the tests in xdist workers; the controller prints the line and sets the code."""
    monkeypatch.setenv("CI", "true")
    result = inner.runpytest_subprocess("-p", "xdist", "-n", "2", *how)
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*BROWSER TEST*", "*CI=true: a browser test that does not run fails*"])
