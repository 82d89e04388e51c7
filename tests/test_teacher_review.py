"""What a teacher's read-through found: feedback that said "all labelled" over blanks, "final" read as
music, a teacher sheet that accepted years the check calls off, and a key naming another domain than the
highlight."""

from __future__ import annotations

import rhetoric_lab as rl
from rhetoric_lab.data import load_key
from rhetoric_lab.display import handout_sheets
from rhetoric_lab.exercises import key_article


def test_final_and_finally_are_not_the_music_of_a_finale():
    found = rl.find_metaphors("It was finally over: the final vote came. The grand finale was a crescendo.")
    assert list(found["text"]) == ["grand finale", "crescendo"]


def test_blank_passages_are_not_all_labelled():
    every = {letter: "kept" for letter in rl.report_passage_table()["id"]}
    notes = rl.check_report_changes({**every, "B": "...", "C": ""}).messages("note")  # as the starter cell has it
    assert not any("All passages labelled" in n for n in notes)
    assert any("All passages labelled" in n for n in rl.check_report_changes(every).messages("note"))


def test_a_refused_written_answer_is_not_all_answered():
    good = "The reporter chose 'cancer' because it spreads, paragraph 2."
    refused = rl.check_written_answers({"q1": "asdf", "q2": good}).messages("note")
    assert not any(n.startswith("All answered") for n in refused)
    assert any(n.startswith("All answered") for n in rl.check_written_answers({"q2": good}).messages("note"))


def test_the_allusion_teacher_sheet_gives_the_checks_spans_and_off_years():
    sheet = str(handout_sheets.allusion_teacher())
    assert "American Revolution (1777–1782)" in sheet  # the span the check accepts, not his whole life
    assert "The check calls this year off" in sheet  # 1940 for the liberation
    assert "Other years inside Lafayette's life" not in sheet


def test_the_metaphor_key_names_the_domain_the_finder_shows():
    key = load_key("metaphors")
    found = rl.find_metaphors(key_article("metaphors"))
    checked = 0
    for entry in key["entries"]:
        shown = found[(found["start"] < entry["end"]) & (found["end"] > entry["start"])]
        if "domain" in entry and len(shown):
            checked += 1
            assert entry["domain"] in set(shown["domain"]), (entry["text"], entry["domain"], set(shown["domain"]))
    assert checked >= 10
