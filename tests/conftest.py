"""Shared test fixtures: the seed article, paths, and a network block."""

from __future__ import annotations

import contextlib
import io
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

import rhetoric_lab as rl
from rhetoric_lab import cli

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "carter-paris-speech-report"
SEED_PATH = ROOT / "seeds" / f"{SEED_NAME}.txt"
TEXTS = Path(__file__).resolve().parent / "texts"


@pytest.fixture(scope="session")
def seed() -> rl.Article:
    return rl.load_article(SEED_NAME)


def own_text(name: str) -> str:
    """A test text written for this project, from tests/texts/."""
    return (TEXTS / name).read_text(encoding="utf-8")


@dataclass
class Result:
    """What a command printed and the exit code it returned, like ``subprocess.CompletedProcess``."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args) -> Result:
    """Run ``rhetoric-lab ARGS`` in this process (fast); one test in test_cli.py runs the real script."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return Result(code, out.getvalue(), err.getvalue())


class NetworkBlocked(RuntimeError):
    pass


def _refuse(*args, **kwargs):
    raise NetworkBlocked("network access attempted during a test")


@pytest.fixture
def no_network(monkeypatch):
    """Make every attempt to open a network connection raise NetworkBlocked."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield


# The browser test may not be skipped silently (a loud line; under CI=true a failed run).
from browser_guard import (  # noqa: E402,F401 (pytest finds hooks by name in conftest)
    pytest_collection_finish,
    pytest_configure,
    pytest_deselected,
    pytest_runtest_makereport,
    pytest_sessionfinish,
    pytest_terminal_summary,
    pytest_testnodedown,
)

# The slowest files start first, so that the xdist workers finish together.
from scheduling import (  # noqa: E402,F401
    pytest_collection_modifyitems,
    pytest_runtest_logreport,
    pytest_sessionstart,
    pytest_unconfigure,
)
