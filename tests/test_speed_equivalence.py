"""The faster helpers give exactly what the simple versions they replaced gave."""

from __future__ import annotations

import itertools

import pytest
from conftest import TEXTS

import rhetoric_lab as rl
from rhetoric_lab import allusion, readability
from rhetoric_lab.quotes import marks
from rhetoric_lab.readability import counting

TEXT_NAMES = sorted(p.name for p in TEXTS.glob("*.txt"))


def article(name: str) -> rl.Article:
    return rl.as_article((TEXTS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", TEXT_NAMES)
def test_allusion_matches_are_finditer(name):
    text = article(name).text
    for entry in allusion._entries():
        assert [m.span() for m in allusion._matches(entry, text)] == [m.span() for m in entry.pattern.finditer(text)]


def test_allusion_matches_check_the_character_before():
    entry = next(e for e in allusion._entries() if e.key == "waterloo")
    text = "Waterloo xWaterloo _Waterloo (Waterloo) 2Waterloo"
    assert [m.span() for m in allusion._matches(entry, text)] == [m.span() for m in entry.pattern.finditer(text)]


@pytest.mark.parametrize("name", TEXT_NAMES)
def test_outer_quote_cuts_are_the_simple_filter(name):
    art = article(name)
    found, _ = marks._scan(art)
    outer = marks._OuterQuotes(found)
    level1 = [q for q in found if q.level == 1]
    for a, b in zip(level1, level1[1:], strict=False):  # what the bisect relies on
        assert a.close_at < b.open_at
    ends = sorted({0, len(art.text)} | {q.open_at for q in found} | {q.close_at for q in found})
    for start, end in itertools.product(ends, repeat=2):
        simple = [(q.open_at, q.close_at + 1) for q in level1 if q.open_at < end and q.close_at >= start]
        assert outer.cuts(start, end) == simple


@pytest.mark.parametrize("name", TEXT_NAMES)
@pytest.mark.parametrize("by", ["sentence", "paragraph"])
def test_score_table_counts_are_sums_of_word_counts(name, by):
    art = article(name)
    words = readability.word_counts(art)
    table = readability.score_table(art, by=by)
    for row in table.itertuples():
        key = row.sentence if by == "sentence" else row.paragraph
        part = words[words[by] == key]
        expected = counting._sum_counts(part, row.sentences)
        assert {k: getattr(row, k) for k in readability.COUNTS} == expected
