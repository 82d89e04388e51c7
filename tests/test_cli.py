"""The command line: `python -m rhetoric_lab analyze` and the `rhetoric-lab` script.

Most tests call ``cli.main`` in this process; one runs the installed script as a real subprocess.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_PATH, run_cli

from rhetoric_lab import files

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


def test_any_utf8_text_works(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("Γειά σου κόσμε. Ça va? 你好。 Done!", encoding="utf-8")
    result = run("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["readability"]["words"] >= 5


# ------------------------------------------------------------------------- every bad input: a message, exit 2


def _refused(result, words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.startswith("rhetoric-lab: ") and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_file_and_folder_are_messages(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Some text.", encoding="utf-8")
    real_open = os.open

    def no_permission(name, *args, **kwargs):
        if str(tmp_path) in os.fsdecode(name):
            raise PermissionError(errno.EACCES, "Permission denied", name)
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", no_permission)  # as root, chmod would not stop us reading
    _refused(run("analyze", str(path)), "do not have permission")
    _refused(run("analyze", str(tmp_path / "inner" / "x.txt")), "do not have permission")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its permissions")
def test_unreadable_file_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Some text.", encoding="utf-8")
    path.chmod(0)
    _refused(run("analyze", str(path)), "do not have permission")


def test_long_name_non_utf8_name_loop_fifo_and_devices(tmp_path):
    _refused(run("analyze", str(tmp_path / ("n" * 300 + ".txt"))), "too long")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    _refused(run("analyze", str(loop)), "leads back to itself")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _refused(run("analyze", str(fifo)), "is a pipe")
    _refused(run("analyze", "/dev/zero"), "is a device")
    raw = os.fsencode(tmp_path) + b"/\xff\xfe-name.txt"
    with open(raw, "wb") as out:
        out.write(b"The coach said the team would win.")
    result = run("analyze", os.fsdecode(raw))
    assert result.returncode == 0 and json.loads(result.stdout)["name"].endswith("-name.txt")


def test_report_year_checks(tmp_path):
    out = tmp_path / "p.html"
    for year in ("9" * 400, "2016.5", "next year", "-99999"):
        result = run("report", SEED_PATH, "-o", out, "--year", year)
        assert result.returncode == 2 and "speech_year" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    assert run("report", SEED_PATH, "-o", out, "--year", "-44").returncode == 0


def test_report_outputs(tmp_path):
    _refused(run("report", SEED_PATH, "-o", tmp_path / "a" / "b" / "c" / "p.html"), "does not exist")
    assert not (tmp_path / "a").exists()
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    _refused(run("report", SEED_PATH, "-o", fifo, "--force"), "not a file")
    target, link = tmp_path / "theirs.html", tmp_path / "link.html"
    target.write_text("keep me", encoding="utf-8")
    link.symlink_to(target)
    _refused(run("report", SEED_PATH, "-o", link), "is a link")
    assert run("report", SEED_PATH, "-o", link, "--force").returncode == 0
    assert target.read_text(encoding="utf-8") == "keep me" and not link.is_symlink()
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as out:
        out.write(b"A cancer spreads, the mayor said.")
    old = tmp_path / "out.html"
    old.write_text("old profile", encoding="utf-8")
    assert run("report", os.fsdecode(raw), "-o", old, "--force").returncode == 0
    assert "caf\ufffd.txt" in old.read_text(encoding="utf-8")


def test_text_format_summarises_the_warnings(tmp_path):
    path = tmp_path / "marks.txt"
    path.write_text("\n\n".join(f"Line {i} has “an open mark." for i in range(40)), encoding="utf-8")
    result = run("analyze", path, "--format", "text")
    assert result.returncode == 0
    assert result.stdout.count("warning at character") == 5
    assert "… and 35 more warnings" in result.stdout


def test_compare_textstat_is_opt_in():
    plain = json.loads(run("analyze", SEED_PATH).stdout)
    assert "textstat" not in plain["readability"]
    compared = json.loads(run("analyze", SEED_PATH, "--compare-textstat").stdout)
    assert compared["readability"]["textstat"]["words"] > 0


@pytest.mark.timeout(120)
def test_console_script_is_installed_and_a_closed_pipe_ends_quietly():
    script = shutil.which("rhetoric-lab", path=str(Path(sys.executable).parent))
    assert script, "the rhetoric-lab console script is not installed in this environment"
    process = subprocess.Popen([script, "analyze", str(SEED_PATH)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = process.stdout.read(100)  # like `| head -c 100`
    assert head.startswith(b'{\n  "name": "carter-paris-speech-report.txt"')
    process.stdout.close()
    assert process.wait(timeout=100) == 0
    assert process.stderr.read() == b""
