"""data/derived.json holds what its data files give today, and is used only while they are unchanged."""

from __future__ import annotations

import json
import sys

from conftest import ROOT

from rhetoric_lab import allusion_gazetteer as gz
from rhetoric_lab import derived
from rhetoric_lab import metaphor_lexicon as ml

sys.path.insert(0, str(ROOT / "tools"))

import write_derived  # noqa: E402


def test_kept_results_equal_fresh_ones():
    kept = json.loads(derived.FILE.read_text(encoding="utf-8"))
    assert kept == write_derived.contents(), "data/derived.json is stale: run python tools/write_derived.py"


def test_every_section_is_used_while_its_files_are_unchanged():
    for section in derived.SOURCES:
        assert derived.kept(section), section
    entries = gz._entries()
    assert all("anchors" in e.__dict__ for e in entries)  # set from the kept file, not parsed again
    assert sum(e.anchors is not None for e in entries) > 300
    assert ml._kept_keys()["press ahead"] == ["press", "ahead"]


def test_a_changed_source_file_is_read_afresh(monkeypatch, tmp_path):
    for name in derived.SOURCES["gazetteer"]:
        (tmp_path / name).write_bytes((derived.PACKAGE_DATA / name).read_bytes())
    monkeypatch.setattr(derived, "PACKAGE_DATA", tmp_path)
    assert derived.kept("gazetteer")
    with (tmp_path / "gazetteer.csv").open("a", encoding="utf-8") as f:
        f.write("\n")  # a teacher's edit, however small
    assert derived.kept("gazetteer") is None


def test_a_missing_or_broken_file_means_work_afresh(monkeypatch, tmp_path):
    monkeypatch.setattr(derived, "FILE", tmp_path / "derived.json")
    derived._kept.cache_clear()
    try:
        assert derived.kept("lexicon") is None
        (tmp_path / "derived.json").write_text("{not json", encoding="utf-8")
        derived._kept.cache_clear()
        assert derived.kept("lexicon") is None
    finally:
        derived._kept.cache_clear()
