"""Nothing downloads: textstat and the whole analysis run with the network blocked, in a fresh interpreter."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

import nbformat
import pytest
from conftest import ROOT

BLOCKED_RUN = r"""
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network blocked by the test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import nltk

def no_download(*args, **kwargs):
    raise RuntimeError("nltk.download was called")

nltk.download = no_download

import rhetoric_lab as rl
from rhetoric_lab import readability

figures = readability.textstat_figures("Revenue increased dramatically. Investors celebrated the news.")
article = rl.load_article("carter-paris-speech-report")
result = rl.analyze(article)
section = readability.to_json(article)
print(json.dumps({"figures": figures, "analysis_keys": sorted(result), "section": section}))
"""


@pytest.fixture(scope="module")
def blocked_run(tmp_path_factory):
    """Run BLOCKED_RUN in a new Python with an empty NLTK data folder; return its JSON and the folder."""
    folder = tmp_path_factory.mktemp("nltk_data")
    env = {k: v for k, v in os.environ.items() if k != "NLTK_DATA"}
    env["RHETORIC_LAB_NLTK_DATA"] = str(folder)
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), folder


def test_textstat_syllable_metrics_work_offline(blocked_run):
    result, folder = blocked_run
    figures = result["figures"]
    assert figures["syllables"] > 10 and figures["polysyllables"] >= 3
    for name in ("flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "gunning_fog"):
        assert isinstance(figures[name], float) and figures[name] != 0.0, name
    assert (folder / "corpora" / "cmudict" / "cmudict").stat().st_size > 1_000_000


def test_the_whole_analysis_runs_offline(blocked_run):
    result, _ = blocked_run
    assert {"name", "sentences", "readability"} <= set(result["analysis_keys"])
    section = result["section"]
    assert section["sentences"] == 12 and section["textstat"]["syllables"] > 0


def _code_sources():
    for path in sorted((ROOT / "rhetoric_lab").rglob("*.py")):
        yield path, path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        yield path, "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))


def _calls(tree):
    """Dotted names of every call in the tree, such as 'nltk.download' or 'requests.get'."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            parts, func = [], node.func
            while isinstance(func, ast.Attribute):
                parts.append(func.attr)
                func = func.value
            if isinstance(func, ast.Name):
                parts.append(func.id)
            yield ".".join(reversed(parts))


def test_no_code_downloads_anything():
    offenders = []
    for path, source in _code_sources():
        for name in _calls(ast.parse(source)):
            if name in {"nltk.download", "urlopen", "request.urlopen", "urllib.request.urlopen", "requests.get"}:
                offenders.append(f"{path.relative_to(ROOT)}: {name}(")
    assert offenders == []


def test_no_code_line_contains_a_download_call():
    # Plain text as well, outside comments and docstrings (offline.py explains what textstat would do).
    offenders = []
    for path, source in _code_sources():
        tree = ast.parse(source)
        docs = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant):
                docs.update(range(node.lineno, node.end_lineno + 1))
        for number, line in enumerate(source.splitlines(), start=1):
            code = line.split("#", 1)[0]
            if number in docs:
                continue
            if any(bad in code for bad in ("nltk.download(", "urlopen(", "requests.get(")):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []


def test_the_checks_would_catch_a_download():
    assert "nltk.download" in set(_calls(ast.parse("import nltk\nnltk.download('cmudict')")))
    assert "requests.get" in set(_calls(ast.parse("import requests\nrequests.get('http://x')")))
