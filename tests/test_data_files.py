"""Every data file says what it is, parses, and every answer key agrees with its article."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import ROOT, SEED_PATH

from rhetoric_lab.data import PACKAGE_DATA, description, read_list, read_table

DATA_FILES = sorted(p for p in PACKAGE_DATA.iterdir() if p.suffix in {".csv", ".txt", ".json"})
KEYS = sorted((ROOT / "seeds" / "keys").glob("*.json"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_package_data_file_says_what_it_is_and_parses(path: Path):
    assert description(path), f"{path.name} must open with a '#' line saying what it is"
    if path.suffix == ".csv":
        rows = read_table(path.name)
        assert rows, f"{path.name} has no rows"
        header = list(rows[0])
        assert all(name and name == name.strip() for name in header)
        for number, row in enumerate(rows, start=2):
            assert None not in row, f"{path.name} row {number} has more fields than the header"
            assert len(row) == len(header)
    elif path.suffix == ".txt":
        assert read_list(path.name)


def test_abbreviation_list_is_lower_case_without_final_stop():
    for abbreviation in read_list("abbreviations.txt"):
        assert abbreviation == abbreviation.lower() and not abbreviation.endswith(".")


def test_spelling_variants_are_distinct_pairs():
    rows = read_table("spelling_variants.csv")
    assert all(r["british"] != r["american"] for r in rows)
    assert len({r["british"] for r in rows}) == len(rows)


def test_seed_is_byte_identical_to_the_shared_copy():
    shared = ROOT.parent / "shared" / "seed-article.txt"
    if not shared.exists():
        pytest.skip("../shared/seed-article.txt is not beside this checkout")
    assert SEED_PATH.read_bytes() == shared.read_bytes()


def test_seed_metadata_claims_only_what_the_text_says():
    meta = json.loads(SEED_PATH.with_suffix(".meta.json").read_text(encoding="utf-8"))
    text = SEED_PATH.read_text(encoding="utf-8")
    assert meta["speaker"] == "Ash Carter" and "Ash Carter" in text
    assert "only months after November's terror attacks on the city" in meta["date_in_text"]
    assert "months after November's terror attacks on the city" in text
    assert meta["byline"] is None and meta["publication"] is None
    assert "Paris speech" in text and "Paris" in meta["place"]


@pytest.mark.parametrize("path", KEYS, ids=lambda p: p.name)
def test_answer_key_spans_match_the_article(path: Path):
    key = json.loads(path.read_text(encoding="utf-8"))
    assert key.get("description"), f"{path.name} needs a description"
    article = (ROOT / "seeds" / key["article"]).read_text(encoding="utf-8")
    assert key["entries"], f"{path.name} has no entries"
    for entry in key["entries"]:
        if "start" in entry:
            assert article[entry["start"] : entry["end"]] == entry["text"], entry


def test_csv_files_have_no_stray_spaces_after_commas():
    for path in DATA_FILES:
        if path.suffix == ".csv":
            lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
            for row in csv.reader(lines):
                assert all(cell == cell.strip() for cell in row), f"{path.name}: {row}"


def test_a_changed_key_does_not_change_the_next_reader():
    from rhetoric_lab.data import load_key

    key = load_key("metaphors")
    key["entries"].clear()
    assert load_key("metaphors")["entries"]
