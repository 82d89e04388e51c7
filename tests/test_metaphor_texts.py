"""The metaphor finder on texts written for this project in other registers, against gold annotations.

Each ``tests/texts/metaphor-NAME.txt`` with a ``metaphor-NAME.gold.csv`` beside it holds metaphors a
reader should be offered (label ``metaphor``) and literal traps (label ``literal``): words from a source
domain used in their basic sense, which the highlighted (domain) tier must not flag.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rhetoric_lab import metaphor as mp

TEXTS = Path(__file__).parent / "texts"
ALL_GOLD = sorted(TEXTS.glob("metaphor-*.gold.csv"))
#: Texts written after the lexicon was grown, as a check of generality (each gold file's header says in which
#: round it was written and whether the lexicon changed after it was first measured).
HELD_OUT = [p for p in ALL_GOLD if p.name.startswith("metaphor-heldout")]
GOLD = [p for p in ALL_GOLD if p not in HELD_OUT]


def read_gold(path: Path) -> tuple[str, list[dict]]:
    text = path.with_name(path.name.replace(".gold.csv", ".txt")).read_text(encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "Gold annotation" in lines[0]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    for row in rows:
        row["start"], row["end"] = int(row["start"]), int(row["end"])
    return text, rows


def overlaps(found, start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in zip(found["start"], found["end"], strict=True))


def run(paths) -> dict:
    """Per text: its gold rows, the domain tier, and both tiers without function words."""
    out = {}
    for path in paths:
        text, rows = read_gold(path)
        both = mp.find_metaphors(text, tiers=("domain", "everyday"))
        out[path.name] = (rows, both[both["tier"] == "domain"], both[~both["function_word"]])
    return out


@pytest.fixture(scope="module")
def results():
    return run(GOLD)


def test_there_are_enough_texts_metaphors_and_traps():
    assert len(GOLD) >= 6
    rows = [r for path in GOLD for r in read_gold(path)[1]]
    assert sum(r["label"] == "metaphor" for r in rows) >= 100
    assert sum(r["label"] == "literal" for r in rows) >= 20


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.name)
def test_gold_files_are_valid(path):
    text, rows = read_gold(path)
    known = set(mp.domain_table()["domain"])
    assert rows
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"], row
        assert row["label"] in {"metaphor", "literal"}, row
        assert (row["domain"] in known) if row["label"] == "metaphor" else row["domain"] == "", row


def recall(results, tier_index: int) -> float:
    gold = [(r, v[tier_index]) for v in results.values() for r in v[0] if r["label"] == "metaphor"]
    return sum(overlaps(found, r["start"], r["end"]) for r, found in gold) / len(gold)


def test_recall_of_the_highlighted_tier_is_at_least_70_percent(results):
    assert recall(results, 1) >= 0.70
    for name, (rows, domain, _both) in results.items():
        gold = [r for r in rows if r["label"] == "metaphor"]
        share = sum(overlaps(domain, r["start"], r["end"]) for r in gold) / len(gold)
        assert share >= 0.6, (name, share)


def test_both_tiers_find_at_least_as_much(results):
    assert recall(results, 2) >= recall(results, 1)


def test_precision_of_the_highlighted_tier(results):
    """Most domain-tier candidates are gold metaphors (the gold is not exhaustive, so this is a floor)."""
    hits = total = 0
    for rows, domain, _both in results.values():
        gold = [r for r in rows if r["label"] == "metaphor"]
        for start, end in zip(domain["start"], domain["end"], strict=True):
            total += 1
            hits += any(r["start"] < end and r["end"] > start for r in gold)
    assert total and hits / total >= 0.70


def test_literal_traps_are_not_highlighted(results):
    traps = [(r, domain) for rows, domain, _ in results.values() for r in rows if r["label"] == "literal"]
    flagged = [r["text"] for r, domain in traps if overlaps(domain, r["start"], r["end"])]
    assert len(flagged) <= len(traps) // 10, flagged


def test_held_out_texts():
    """Texts written after the lexicon: both tiers together find most of their metaphors."""
    held = run(HELD_OUT)
    assert len(HELD_OUT) >= 6
    assert recall(held, 2) >= 0.70
    assert recall(held, 1) >= 0.50
