"""The command line: `python -m rhetoric_lab analyze` and the `rhetoric-lab` script.

Most tests call ``cli.main`` in this process; one runs the installed script as a real subprocess.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SEED_PATH, run_cli

run = run_cli


def test_analyze_json_on_the_seed():
    result = run("analyze", str(SEED_PATH), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["paragraphs"]) == 7 and len(data["sentences"]) == 12
    assert set(data["paragraphs"][0]) == {"start", "end"}
    assert set(data["sentences"][0]) == {"start", "end", "text", "paragraph"}
    text = SEED_PATH.read_text(encoding="utf-8")
    assert all(text[s["start"] : s["end"]] == s["text"] for s in data["sentences"])
    assert {"sentences", "words", "syllables"} <= set(data["readability"])
    assert data["readability"]["sentences"] == 12


def test_analyze_text_format_is_a_short_summary():
    result = run("analyze", SEED_PATH.stem, "--format", "text")
    assert result.returncode == 0
    assert "sentences: 12" in result.stdout and "paragraphs: 7" in result.stdout


def test_console_script_is_installed():
    script = shutil.which("rhetoric-lab", path=str(Path(sys.executable).parent))
    assert script, "the rhetoric-lab console script is not installed in this environment"
    result = subprocess.run([script, "analyze", str(SEED_PATH)], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0 and json.loads(result.stdout)["name"] == SEED_PATH.name


def test_any_utf8_text_works(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("Γειά σου κόσμε. Ça va? 你好。 Done!", encoding="utf-8")
    result = run("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["readability"]["words"] >= 5
