"""The gazetteer's patterns: ordinary words and place names must not fire; figurative and quoted forms must."""

import pytest

from rhetoric_lab import allusion as al
from rhetoric_lab.data import read_table

NOT_ALLUSIONS = [
    "An exodus of workers left the plant.",
    "The exodus of young families worried the mayor.",
    "She grew up in Lincoln, Nebraska.",
    "He spoke in Gettysburg, Pa., on Monday.",
    "The factory is in Waterloo, Iowa.",
    "We stayed at a hotel in Versailles.",
    "Farmers in Washington state are worried.",
    "The Camelot Inn is closed for the winter.",
    "The road to Damascus was closed by shelling.",
    "Judas Priest played a concert.",
    "Emma Lazarus wrote the poem.",
    "Rahul Gandhi spoke in Delhi.",
    "The office is on Mahatma Gandhi Road.",
    "The Einstein Bagels store opened.",
    "The Invictus Games begin on Friday.",
    "Hannibal Lecter is a film villain.",
    "The Galileo satellite system went live.",
    "We flew to Columbus, Ohio.",
    "Darwin, Australia, had a cyclone.",
    "The Big Brother house evictions aired.",
    "I shall return to this point later.",
    "The police siren wailed.",
    "Good Samaritan Hospital opened a wing.",
    "Dunkirk, N.Y., voted on Tuesday.",
    "A Sharpeville resident spoke.",
    "The Windrush line is a bus route.",
    "He drives a Honda Odyssey.",
    "Churchill Insurance raised its premiums again.",
    "The Lincoln Institute published the survey.",
    "It was a great war of words on the council.",
]

ALLUSIONS = [
    ("It was our Dunkirk.", "dunkirk"),
    ("This is his Waterloo.", "waterloo"),
    ("It was a Pearl Harbor moment.", "pearl_harbor"),
    ("We cannot afford another Vietnam.", "vietnam_war"),
    ("We need a Marshall Plan for the cities.", "marshall_plan"),
    ("Let my people go!", "exodus"),
    ("It was a road-to-Damascus conversion.", "road_to_damascus"),
    ("a Sisyphean task", "sisyphus"),
    ("caught between Scylla and Charybdis", "scylla_and_charybdis"),
    ("the best-laid plans", "best_laid_plans"),
    ("Big Brother is watching", "nineteen_eighty_four"),
    ("a Ponzi scheme", "ponzi_scheme"),
    ("Hobson's choice", "hobsons_choice"),
    ("a Potemkin village", "potemkin_village"),
    ("a new Gilded Age", "gilded_age"),
    ("the buck stops here", "buck_stops_here"),
    ("Mr. Gorbachev, tear down this wall!", "tear_down_this_wall"),
    ("the silent majority", "silent_majority"),
    ("the Winter of Discontent", "winter_of_discontent"),
    ("now is the winter of our discontent", "richard_iii"),
    ("blood, toil, tears and sweat", "blood_toil_tears"),
    ("Ich bin ein Berliner", "ich_bin_ein_berliner"),
    ("I have a dream", "i_have_a_dream"),
    ("My grandfather served in the Second World War.", "world_war_ii"),
    ("Not since World War I has the town lost so many.", "world_war_i"),
    ("WWII-era rationing returned.", "world_war_ii"),
    ("The New Deal remade the valley.", "new_deal"),
]


@pytest.mark.parametrize("text", NOT_ALLUSIONS)
def test_ordinary_words_and_places_are_not_allusions(text):
    assert list(al.find_allusions(text).key) == []


@pytest.mark.parametrize("text, key", ALLUSIONS)
def test_figurative_and_quoted_forms_are_found(text, key):
    assert key in list(al.find_allusions(text).key)


def test_categories_follow_the_header():
    table = al.gazetteer_table().set_index("key")
    assert table.loc["berlin_wall", "category"] == "event"
    assert table.loc["great_depression", "approximate"]


def test_validator_rejects_a_repeated_repeating_group():
    row = {"key": "slow", "patterns": r"(?:Waterloo\s+)+", "start_year": "1", "end_year": "2"}
    assert any("repeats a group" in p for p in al.gazetteer_problems([row]))


@pytest.mark.parametrize("quick", [True, False])
@pytest.mark.parametrize(
    "pattern, says",
    [("(?<=General +)Zorblax", "look-behind requires fixed-width"), ("(?i)Zorblax", "lags not at the start")],
)
def test_a_row_that_would_fail_when_used_is_caught_on_loading(quick, pattern, says):
    """A teacher's new row is checked as the finder uses it (wrapped), also in the quick check done on loading,
    so a bad row is explained at once instead of failing later on the texts that hold its name."""
    rows = list(read_table("gazetteer.csv"))
    bad = {**rows[0], "key": "zorblax", "patterns": pattern}
    problems = al.gazetteer_problems([*rows, bad], quick=quick)
    assert len(problems) == 1 and "zorblax" in problems[0] and says in problems[0], problems
