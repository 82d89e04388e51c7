"""The allusion finder on six texts written for this project, scored against gold annotations.

Each ``tests/texts/allusion-<name>.txt`` has a ``.gold.json`` beside it: the allusions a teacher
would mark (offsets, gazetteer key, figurative or not), the place names that must not be taken for
allusions (traps), and the references to look up a teacher would agree are worth it (prompts).
"""

import json

import pytest
from conftest import TEXTS

import rhetoric_lab as rl

GOLD = sorted(TEXTS.glob("allusion-*.gold.json"))


def load(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (TEXTS / gold["text"]).read_text(encoding="utf-8")


def overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score():
    """Counts over all gold texts: matches, misses, false alarms, figurative agreement, traps, prompts."""
    counts = dict(tp=0, fp=0, fn=0, fig_agree=0, traps_hit=0, prompts=0, useful=0)
    for path in GOLD:
        gold, text = load(path)
        found = rl.find_allusions(text).to_dict("records")
        matched = set()
        for row in found:
            hits = [i for i, a in enumerate(gold["allusions"]) if a["key"] == row["key"] and overlaps(a, row)]
            if hits:
                counts["tp"] += 1
                matched.update(hits)
                counts["fig_agree"] += gold["allusions"][hits[0]]["figurative"] == row["figurative"]
            else:
                counts["fp"] += 1
        counts["fn"] += len(gold["allusions"]) - len(matched)
        counts["traps_hit"] += sum(any(overlaps(t, row) for row in found) for t in gold["traps"])
        prompts = rl.find_references_to_look_up(text, first_only=True)["text"].tolist()
        counts["prompts"] += len(prompts)
        counts["useful"] += sum(p in gold["prompts"] for p in prompts)
    return counts


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_files_are_consistent(path):
    gold, text = load(path)
    keys = set(rl.gazetteer_table()["key"])
    for item in gold["allusions"] + gold["traps"]:
        assert text[item["start"] : item["end"]] == item["text"]
    assert {a["key"] for a in gold["allusions"]} <= keys


def test_the_gold_set_is_big_enough():
    allusions = [a for path in GOLD for a in load(path)[0]["allusions"]]
    traps = [t for path in GOLD for t in load(path)[0]["traps"]]
    assert len(GOLD) >= 6 and len(allusions) >= 40 and len(traps) >= 15
    assert sum(a["figurative"] for a in allusions) >= 10


def test_recall_precision_traps_and_prompts_meet_their_targets():
    c = score()
    recall, precision = c["tp"] / (c["tp"] + c["fn"]), c["tp"] / (c["tp"] + c["fp"])
    assert recall >= 0.90, c
    assert precision >= 0.95, c
    assert c["traps_hit"] == 0, c
    assert c["useful"] / c["prompts"] >= 0.80, c
    assert c["fig_agree"] / c["tp"] >= 0.90, c
