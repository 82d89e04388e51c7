"""Allusions: the gazetteer, the finder, research prompts, the exercise check and the views."""

from __future__ import annotations

import re

import pytest
from conftest import own_text

import rhetoric_lab as rl
from rhetoric_lab import allusion as al
from rhetoric_lab import allusion_gazetteer as gz
from rhetoric_lab import exercises
from rhetoric_lab.data import load_key, read_table
from rhetoric_lab.display import allusion as view
from rhetoric_lab.errors import RhetoricLabError

SEED_FOUR = {
    "lafayette": ("Lafayette", "person", 1757, 1834),
    "pershing": ("Pershing", "person", 1860, 1948),
    "statue_of_liberty": ("Statue of Liberty", "monument", 1886, 1886),
    "liberation_of_paris": ("liberation of Paris", "event", 1944, 1944),
}


def keys(text) -> list[str]:
    return al.find_allusions(text)["key"].tolist()


# ---------------------------------------------------------------- gazetteer


def test_gazetteer_is_valid_and_large_enough():
    assert al.gazetteer_problems() == []
    table = al.gazetteer_table()
    assert len(table) >= 400
    assert table["key"].is_unique
    assert set(table["category"]) == set(al.CATEGORIES)
    assert (table["start_year"] <= table["end_year"]).all()
    for column in al.REQUIRED:
        assert (table[column].astype(str).str.strip() != "").all(), column


def test_every_pattern_compiles_and_every_row_has_a_source():
    for row in read_table("gazetteer.csv"):
        assert re.compile(gz._expand(row["patterns"]))
        assert len(row["source"]) > 10, row["key"]
        assert row["explanation"].rstrip("'").endswith("."), row["key"]


@pytest.mark.parametrize(
    "row, problem",
    [
        ({"key": "a", "name": "A", "category": "song"}, "category 'song'"),
        ({"key": "b", "start_year": "1900", "end_year": "1800"}, "is after end_year"),
        ({"key": "c", "patterns": "Lafayette(", "start_year": "1", "end_year": "2"}, "does not compile"),
        ({"key": "d", "start_year": "0", "end_year": "3"}, "no year 0"),
    ],
)
def test_validator_catches_bad_rows(row, problem):
    assert any(problem in p for p in al.gazetteer_problems([row]))


def test_validator_catches_duplicate_keys():
    rows = [dict(r) for r in read_table("gazetteer.csv")[:2]]
    rows[1]["key"] = rows[0]["key"]
    assert any("used twice" in p for p in al.gazetteer_problems(rows))


def test_bce_years_are_negative_and_formatted():
    table = al.gazetteer_table().set_index("key")
    assert table.loc["crossing_the_rubicon", "start_year"] == -49
    assert table.loc["ides_of_march", "start_year"] == -44
    assert al.format_year(-44) == "44 BCE"
    assert al.format_span(-29, -19) == "29–19 BCE"
    assert al.years_between(-1, 1) == 1


# ---------------------------------------------------------------- the seed


def test_seed_four_found_with_right_years_and_nothing_else(seed):
    found = al.find_allusions(seed)
    assert list(found.columns) == al.COLUMNS
    assert found["key"].tolist() == list(SEED_FOUR)
    for row in found.itertuples():
        text, category, start, end = SEED_FOUR[row.key]
        assert row.text == text == seed.text[row.start : row.end]
        assert (row.category, row.start_year, row.end_year) == (category, start, end)
        assert row.sentence == 1 and row.paragraph == 1


def test_seed_matches_the_answer_key(seed):
    key = load_key("allusions")
    found = al.find_allusions(seed)
    assert [(e["start"], e["end"], e["key"]) for e in key["entries"]] == list(
        zip(found["start"], found["end"], found["key"], strict=True)
    )
    for e in key["entries"]:
        assert (e["start_year"], e["end_year"]) == (SEED_FOUR[e["key"]][2], SEED_FOUR[e["key"]][3])
    for n in key["not_allusions"]:
        assert not any(s < n["end"] and n["start"] < e for s, e in zip(found["start"], found["end"], strict=True))


# ---------------------------------------------------------------- false positives


@pytest.mark.parametrize(
    "text",
    [
        "Paris is lovely in spring.",
        "France won the match.",
        "We flew from Paris to France's south coast.",
        "She grew up in Lafayette and studied in Paris.",
        "The office is on Lafayette Street, near Lafayette Square.",
        "He moved to Lafayette, Indiana, then to Lafayette, La., for work.",
        "Meet me at Waterloo Station by Lincoln Center.",
        "She bought a new Lincoln Navigator.",
    ],
)
def test_no_allusion_in_bare_places_or_places_named_after_people(text):
    assert keys(text) == []


def test_false_friends_text_has_no_allusions():
    assert keys(own_text("allusion-false-friends.txt")) == []


def test_person_and_place_told_apart_in_one_text():
    found = al.find_allusions("From Lafayette to Pershing, we owe France. My aunt lives in Lafayette.")
    assert found["key"].tolist() == ["lafayette", "pershing"]


def test_longest_reference_wins_where_two_overlap():
    assert keys("Four score and seven years ago, at the Gettysburg Address") == ["gettysburg_address"] * 2
    assert keys("Stanton said: Lafayette, we are here.") == ["lafayette_we_are_here"]


# ---------------------------------------------------------------- other registers


def test_sports_report():
    assert keys(own_text("allusion-sports-report.txt")) == [
        "waterloo",
        "pyrrhic_victory",
        "david_and_goliath",
        "crossing_the_rubicon",
        "achilles_heel",
    ]


def test_business_story_finds_myths_and_skips_towns():
    found = al.find_allusions(own_text("allusion-business-story.txt"))
    assert found["key"].tolist() == ["trojan_horse", "marshall_plan", "pandoras_box"]
    assert found.set_index("key").loc["pandoras_box", "start_year"] == -700


def test_school_board_speech():
    assert keys(own_text("allusion-school-board.txt")) == [
        "rosa_parks",
        "martin_luther_king",
        "lincoln_memorial",
        "city_upon_a_hill",
        "ask_not",
        "sword_of_damocles",
        "abraham_lincoln",
        "house_divided",
    ]


def test_empty_result_keeps_columns():
    found = al.find_allusions("Nothing historical happens here.")
    assert found.empty and list(found.columns) == al.COLUMNS


def test_bad_input_gets_a_plain_error():
    with pytest.raises(RhetoricLabError):
        al.find_allusions(42)
    with pytest.raises(RhetoricLabError):
        al.find_allusions("   ")
    with pytest.raises(RhetoricLabError):
        al.describe_allusion("no_such_key")


def test_explain_adds_gazetteer_columns(seed):
    table = al.explain_allusions(al.find_allusions(seed))
    assert {"explanation", "invoked_for", "source", "years_mean"} <= set(table.columns)
    assert table["source"].str.len().gt(0).all()


# ---------------------------------------------------------------- references to look up


def test_references_to_look_up_on_seed(seed):
    refs = al.find_references_to_look_up(seed, first_only=True)
    assert list(refs.columns) == al.PROMPT_COLUMNS
    texts = refs["text"].tolist()
    for name in ["French Defense Minister Jean-Yves Le Drian", "ISIL", "Raqqah", "Mosul", "Ramadi", "November"]:
        assert name in texts
    # known allusions, sentence openers, well-known places and the speaker himself are not prompts
    junk = {"Lafayette", "Pershing", "Targeting", "Expressing", "Comparing", "France", "Paris", "U.S."}
    assert not (junk | {"Carter", "Defense Secretary Ash Carter"}) & set(texts)
    for row in refs.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_references_to_look_up_years_dates_and_names():
    text = own_text("allusion-business-story.txt")
    refs = al.find_references_to_look_up(text)
    by_text = dict(zip(refs["text"], refs["reason"], strict=True))
    assert "date" in by_text["4 July 2019"]
    assert "decade" in by_text["1960s"]
    assert "Meridian Foods" in by_text
    # the chief executive compares (a reporting verb): she is the text's own speaker, not a prompt
    assert "Priya Anand" not in by_text
    assert "Trojan horse" not in " ".join(refs["text"])
    assert "a year" in al.find_references_to_look_up("It began in 1917 and cost $2000.")["reason"].tolist()[0]
    assert al.find_references_to_look_up("It began in 1917 and cost $2000.")["text"].tolist() == ["1917"]


def test_references_to_look_up_bce_and_empty():
    assert al.find_references_to_look_up("The fire in Veii came after 390 BC.")["text"].tolist() == ["Veii", "390 BC"]
    # a capital that only opens a sentence is not a name
    assert al.find_references_to_look_up("Rome burned.")["text"].tolist() == []
    empty = al.find_references_to_look_up("nothing to see here.")
    assert empty.empty and list(empty.columns) == al.PROMPT_COLUMNS


# ---------------------------------------------------------------- the exercise


def test_answer_key_markdown_renders_the_key():
    md = exercises.answer_key_markdown("allusions")
    key = load_key("allusions")
    for e in key["entries"]:
        assert f"{e['start']}–{e['end']}" in md
    assert "Not allusions" in md and "shoulder to shoulder" in md


def test_analyze_section_is_json_ready(seed):
    import json

    section = al.to_json(seed)
    assert [s["key"] for s in section] == list(SEED_FOUR)
    fields = {"start", "end", "text", "key", "category", "start_year", "end_year", "figurative", "trigger"}
    assert set(section[0]) == fields
    assert section[0]["figurative"] is False
    json.dumps(section)


# ---------------------------------------------------------------- views


def test_timeline_has_alt_text_and_summary(seed):
    out = view.timeline_chart(seed, speech_year=2016)
    assert 'alt="Time line of 4 references' in out.html
    assert "speech year 2016" in out.html
    assert "liberation of Paris (event): 1944, ends 72 years before the speech" in out.plain


def test_timeline_with_bce_and_empty():
    summary = view.timeline_summary(al.find_allusions("They feared the Ides of March."), speech_year=2016)
    assert "44 BCE" in summary and "2059 years" in summary
    assert "nothing to place" in view.timeline_chart("Nothing here.").plain


def test_highlight_escapes_and_labels():
    out = rl.highlight("<b>Pearl Harbor</b> & more", topic="allusions")
    assert "&lt;b&gt;" in out.html and "<b>Pearl" not in out.html
    assert "[event, 1941]" in out.html
    assert "No allusions" in rl.highlight("plain words", topic="allusions").plain


def test_seed_loads_through_public_api():
    assert rl.load_article("carter-paris-speech-report").name == "carter-paris-speech-report.txt"
