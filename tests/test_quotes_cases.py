"""Quotation cases written for this project (tests/texts/quote_cases.csv) and longer texts in five registers.

Each case names one quotation in a short text and what the finder must say about it: the kind, the
speaker, the speaker's head word, how the speaker was found, and the reporting verb.
"""

from __future__ import annotations

import csv

import pytest
from conftest import TEXTS, own_text

from rhetoric_lab import quotes as q

CASES_FILE = TEXTS / "quote_cases.csv"
COLUMNS = ["id", "register", "class", "text", "quote", "kind", "speaker", "head", "how", "verb"]
KINDS = {"direct", "partial", "scare", "mention"}
HOWS = {"named", "pronoun → name", "noun phrase", "none"}


def read_cases() -> list[dict]:
    lines = CASES_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


CASES = read_cases()


def test_the_cases_file_is_valid_and_covers_every_class_and_register():
    assert CASES_FILE.read_text(encoding="utf-8").startswith("# Quotation cases")
    assert list(CASES[0]) == COLUMNS
    assert len(CASES) >= 40
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert {c["class"] for c in CASES} == {"0", "1", "2", "3", "4", "5", "6"}
    assert {c["register"] for c in CASES} == {"news", "sports", "business", "school board", "op-ed"}
    for c in CASES:
        assert c["kind"] in KINDS and c["how"] in HOWS, c["id"]
        assert c["quote"] in c["text"], c["id"]
        assert bool(c["speaker"]) == (c["how"] != "none") == bool(c["head"]), c["id"]
        assert not c["speaker"] or c["head"] in c["speaker"], c["id"]


def the_row(text: str, words: str) -> dict:
    found = q.find_quotations(text)
    rows = [r for r in found.to_dict("records") if r["level"] == 1 and words in r["text"]]
    assert len(rows) == 1, f"expected one quotation containing {words!r}, found {len(rows)}"
    return rows[0]


def params() -> list:
    return [pytest.param(c, id=f"{c['id']}-class{c['class']}-{c['register']}") for c in CASES]


@pytest.mark.parametrize("case", params())
def test_case_kind_speaker_verb(case):
    row = the_row(case["text"], case["quote"])
    assert (row["kind"], row["speaker"], row["verb"]) == (case["kind"], case["speaker"] or None, case["verb"] or None)


@pytest.mark.parametrize("case", params())
def test_case_speaker_how_and_head(case):
    row = the_row(case["text"], case["quote"])
    assert (row["speaker_how"], row["speaker_head"]) == (case["how"], case["head"] or None)


# --- longer texts ---------------------------------------------------------------------------------

# (words in the quotation, kind, speaker, speaker_how, verb); a quotation that goes on after its frame, with no
# frame of its own, keeps the speaker and has no verb.
LONG_TEXTS = {
    "quotes-council-news.txt": [
        ("hardest vote", "direct", "Whitfield", "named", "say"),
        ("But the depot costs", "direct", "Whitfield", "named", None),
        ("a betrayal of the east side", "partial", "Ortega", "named", "call"),
        ("No route will be cut", "direct", "the spokesman", "noun phrase", "say"),
        ("Some drivers", "direct", "the spokesman", "noun phrase", None),
        ("Keep Mill Street Moving", "mention", None, "none", None),
        ("My whole shift", "direct", "Karimi", "pronoun → name", "say"),
        ("Nobody asked us", "direct", "Karimi", "pronoun → name", None),
        ("The council has decided", "direct", "Holt", "pronoun → name", "post"),
    ],
    "quotes-sports-feature.txt": [
        ("ran out of legs", "direct", "Voss", "named", "say"),
        ("The effort was there", "direct", "Voss", "named", None),
        ("I missed two free throws", "direct", "Baptiste", "pronoun → name", "put it"),
        ("the best we have seen", "partial", "Haney", "named", "call"),
        ("They made us work", "direct", "Haney", "named", "say"),
        ("We got lucky", "direct", "Haney", "named", None),
        ("Hawks Soar", "mention", None, "none", None),
        ("We will learn", "direct", "Voss", "named", "tell"),
    ],
    "quotes-op-ed.txt": [
        ("an investment in our future", "partial", "The mayor", "noun phrase", "call"),
        ("return its cost", "partial", "the council’s own report", "noun phrase", "say"),
        ("cannot fill a pothole", "direct", "Stein", "named", None),
        ("pay for itself", "direct", "Dreyer", "pronoun → name", "say"),
        ("community benefits", "scare", None, "none", None),
        ("a tax on commuters", "partial", "Critics of the plan", "noun phrase", "dismiss"),
        ("Our fans are commuters", "direct", "The team", "noun phrase", "reply"),
        ("Stadium Facts", "mention", None, "none", None),
    ],
}


@pytest.mark.parametrize("name", sorted(LONG_TEXTS))
def test_longer_texts(name):
    text = own_text(name)
    found = q.find_quotations(text)
    assert len(found[found["level"] == 1]) == len(LONG_TEXTS[name])
    for words, kind, speaker, how, verb in LONG_TEXTS[name]:
        row = the_row(text, words)
        assert (row["kind"], row["speaker"], row["speaker_how"], row["verb"]) == (kind, speaker, how, verb), words
    assert q.find_quotation_warnings(text).empty
