"""Figurative use, places that are not events, and prompts without junk."""

import time

import pytest

import rhetoric_lab as rl
from rhetoric_lab import allusion as al

FIGURATIVE = [
    ("It was our Dunkirk.", "dunkirk", "our"),
    ("The Hawks met their Waterloo.", "waterloo", "their"),
    ("It was a Pearl Harbor moment.", "pearl_harbor", "a … moment"),
    ("We cannot afford another Vietnam.", "vietnam_war", "another"),
    ("We need a Marshall Plan for the cities.", "marshall_plan", "a … for"),
    ("It was the Gettysburg of the campaign.", "gettysburg", "the … of"),
    ("He is no Churchill.", "winston_churchill", "no"),
    ("Like Icarus, the startup flew too close to the sun.", "icarus", "Like"),
    ("The defence is their Achilles' heel.", "achilles_heel", "idiom"),
    ("The board crossed the Rubicon on Tuesday.", "crossing_the_rubicon", "idiom"),
    ("a Watergate-style cover-up", "watergate", "a … style"),
]

LITERAL = [
    ("Napoleon was defeated at Waterloo in 1815.", "waterloo"),
    ("Remember Pearl Harbor.", "pearl_harbor"),
    ("The Marshall Plan of 1948 rebuilt Europe.", "marshall_plan"),
    ("In Greek myth, Icarus flew too high.", "icarus"),
    ("Caesar crossed the Rubicon in 49 BC.", "crossing_the_rubicon"),
    ("He fought at Gettysburg.", "gettysburg"),
]

TOWNS = [
    "He spoke in Gettysburg, Pa., on Monday.",
    "She grew up in Gettysburg.",
    "The plant is in Waterloo, Iowa.",
    "She was born in Hiroshima.",
    "They stayed in a hotel near Yorktown.",
    "Visitors come from Appomattox every summer.",
    "The firm moved to Dunkirk, N.Y., in 2004.",
]


@pytest.mark.parametrize("text, key, trigger", FIGURATIVE)
def test_figurative_uses_are_flagged_with_their_trigger(text, key, trigger):
    row = al.find_allusions(text).set_index("key").loc[key]
    assert row["figurative"] and row["trigger"] == trigger


@pytest.mark.parametrize("text, key", LITERAL)
def test_the_original_is_not_figurative(text, key):
    row = al.find_allusions(text).set_index("key").loc[key]
    assert not row["figurative"] and row["trigger"] == ""


@pytest.mark.parametrize("text", TOWNS)
def test_a_town_is_not_an_event(text):
    assert al.find_allusions(text).empty


def test_an_event_word_keeps_the_event():
    assert list(al.find_allusions("The ceremony in Hiroshima remembered the dead.").key) == ["hiroshima"]
    assert list(al.find_allusions("Critics compared the vote to Waterloo.").key) == ["waterloo"]


# ---------------------------------------------------------------- prompts without junk

STORY = """CITY HALL BACKS RIVER PLAN

By Jordan Reyes

Under the plan, the Harbour Board will dredge the Kestrel River. Officials said the work starts in March.
“We waited since 1987,” Mayor Lena Ortiz said. Ortiz thanked Lt. Gen. Mark Hale, who lives in Lincoln, Neb.
The firm Bramley Dredging of St. Louis won the contract in France and Ohio. Reyes reported from the dock."""


def test_prompts_leave_out_headlines_bylines_openers_fragments_and_the_texts_own_people():
    texts = rl.find_references_to_look_up(STORY)["text"].tolist()
    junk_words = ("CITY HALL BACKS RIVER PLAN", "Jordan Reyes", "Reyes", "Under", "Officials", "Neb.", "France")
    for junk in junk_words:
        assert junk not in texts
    assert not any("Ortiz" in t for t in texts)
    for useful in ("Harbour Board", "Kestrel River", "1987", "Lt. Gen. Mark Hale", "Bramley Dredging of St. Louis"):
        assert useful in texts


# ---------------------------------------------------------------- linear time

HOSTILE = ["a ", "the ", "our ", "Hamlet, ", "Big Brother ", "St. ", "of the ", "x" * 30 + " ", "Dunkirk "]


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE)
def test_allusions_and_prompts_grow_linearly_on_hostile_text(unit):
    def best(n):
        text = (unit * (n // len(unit) + 1))[:n] + "."
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            al._spans(text)
            times.append(time.perf_counter() - t0)
        return min(times)

    small, large = best(10_000), best(40_000)
    assert large < 10 * small + 0.05  # four times the text: about four times the work, never sixteen
