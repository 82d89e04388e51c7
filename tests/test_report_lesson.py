"""Notebook 04, the report and the speech: its key, its self-check, and the facts found elsewhere."""

from __future__ import annotations

import json
import re

from conftest import ROOT, SEED_PATH

import rhetoric_lab as rl
from rhetoric_lab.data import load_key
from rhetoric_lab.exercises import CHANGE_LABELS, key_problems
from rhetoric_lab.exercises.report import answer_key_markdown

KEY = load_key("report")
PASSAGES = [e for e in KEY["entries"] if e["type"] == "passage"]
READINGS = [e for e in KEY["entries"] if e["type"] == "reading"]


def test_the_key_follows_the_schema():
    assert key_problems("report") == []


def test_every_passage_is_where_the_key_says(seed):
    for entry in PASSAGES:
        assert seed.text[entry["start"] : entry["end"]] == entry["text"]
        sentence = seed.sentences[entry["sentence"]]
        paragraph = seed.paragraphs[entry["paragraph"]]
        assert sentence.start <= entry["start"] < sentence.end, entry["id"]
        assert paragraph.start <= entry["start"] < paragraph.end, entry["id"]


def test_labels_are_the_four_changes_and_each_is_taught():
    assert set(KEY["labels"]) == set(CHANGE_LABELS)
    for entry in PASSAGES:
        assert entry["label"] in CHANGE_LABELS and set(entry["also_accept"]) <= set(CHANGE_LABELS) - {entry["label"]}
    assert {e["label"] for e in PASSAGES} == set(CHANGE_LABELS), "every kind of change has an example"


def test_the_key_quotes_only_a_few_words_of_the_speech():
    """The key paraphrases the speech: any words in quotation marks in its paraphrase are short."""
    for entry in PASSAGES:
        for quoted in re.findall(r"(?<!\w)'([^']+?)'(?!\w)|“([^”]+)”", entry["speech"]):
            words = " ".join(quoted).split()
            assert len(words) <= 6, f"passage {entry['id']}: quotes {len(words)} words of the speech: {quoted}"


def test_every_passage_and_reading_has_a_source():
    for entry in PASSAGES:
        assert entry["source"].strip(), entry["id"]
    for reading in READINGS:
        assert reading["sources"].strip() and reading["question"].endswith("?"), reading["id"]


def test_passage_table_lists_the_passages_in_order(seed):
    table = rl.report_passage_table()
    assert table["id"].tolist() == [e["id"] for e in PASSAGES]
    assert (table["start"].diff().dropna() > 0).all()


def test_the_written_key_has_every_passage_and_reading():
    text = answer_key_markdown()
    for entry in PASSAGES:
        assert f"| {entry['id']} | ¶{entry['paragraph']} |" in text
    for reading in READINGS:
        assert f"### {reading['title']}" in text


def test_facts_found_elsewhere_are_apart_and_each_has_a_source(seed):
    meta = json.loads(SEED_PATH.with_suffix(".meta.json").read_text(encoding="utf-8"))
    # the article's own metadata is unchanged: no date, byline or publication is claimed for it
    assert meta["byline"] is None and meta["publication"] is None and "No date is given" in meta["date_in_text"]
    table = rl.found_elsewhere_table(seed)
    assert {"title", "date", "venue", "audience"} <= set(table.loc[table["about"] == "speech", "fact"])
    assert table["source"].str.len().gt(10).all()
    assert rl.found_elsewhere_table("A text of my own. It has two sentences.").empty


def test_notebook_04_marks_the_internet_step_and_gives_a_paper_alternative():
    notebook = json.loads((ROOT / "notebooks" / "04-report-and-speech.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    assert "Needs the internet" in text and "On paper" in text
    assert "From outside the article" in text
