"""pytest hooks: the slowest files start first, so that both xdist workers finish at about the same time.

xdist (``--dist loadfile``) gives each file, and each notebook, to one worker, in the order the workers
collected them; by default it sorts them by their number of tests, so a slow file with few tests (the
read-only environment, the property tests) starts last and one worker runs it alone at the end. Here each
run records how long every test took (pytest's cache, ``.pytest_cache``), and the next run starts with the
files whose tests took longest (``--no-loadscope-reorder`` keeps this order). Files are never split and the
order inside a file is kept: only the order of the files changes. A file with no test timed yet goes first;
without any record (a fresh checkout, or ``-p no:cacheprovider``) larger files go first, as xdist would do.
Imported by tests/conftest.py.
"""

from __future__ import annotations

import os

CACHE_KEY = "rhetoric-lab/seconds-per-test"
_measured: dict[str, float] = {}


def file_of(nodeid: str) -> str:
    """The file part of a test id.

    >>> file_of("notebooks/01-metaphor.ipynb::Cell 3")
    'notebooks/01-metaphor.ipynb'
    """
    return nodeid.split("::", 1)[0]


def slowest_first(nodeids: list[str], seconds: dict[str, float]) -> list[str]:
    """The files of ``nodeids``, slowest first by the recorded ``seconds`` of their tests.

    >>> slowest_first(["a::1", "b::1", "b::2", "c::1"], {"a::1": 9.0, "b::1": 0.1, "b::2": 0.2})
    ['c', 'a', 'b']
    >>> slowest_first(["a::1", "b::1", "b::2"], {})
    ['b', 'a']
    """
    counts: dict[str, int] = {}
    total: dict[str, float] = {}
    for nodeid in nodeids:
        name = file_of(nodeid)
        counts[name] = counts.get(name, 0) + 1
        if nodeid in seconds:
            total[name] = total.get(name, 0.0) + seconds[nodeid]
    # A file never timed goes before those timed (it may be slow); then the slowest; then the largest.
    return sorted(counts, key=lambda f: (f in total, -total.get(f, 0.0), -counts[f]))


def pytest_collection_modifyitems(session, config, items):
    """Every worker sorts the same collection with the same record, so all agree on the order."""
    cache = getattr(config, "cache", None)
    seconds = cache.get(CACHE_KEY, {}) if cache is not None else {}
    rank = {name: n for n, name in enumerate(slowest_first([item.nodeid for item in items], seconds))}
    items.sort(key=lambda item: rank[file_of(item.nodeid)])  # a stable sort: each file keeps its order


def pytest_sessionstart(session):
    _measured.clear()


def pytest_runtest_logreport(report):
    """Add up setup, call and teardown of each test, where every report arrives (not inside a worker)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        _measured[report.nodeid] = _measured.get(report.nodeid, 0.0) + report.duration


def pytest_unconfigure(config):
    """Keep what this run measured; tests it did not run keep their old figure."""
    cache = getattr(config, "cache", None)
    if cache is None or not _measured or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    record = dict(cache.get(CACHE_KEY, {}))
    record.update({nodeid: round(value, 3) for nodeid, value in _measured.items()})
    cache.set(CACHE_KEY, record)
