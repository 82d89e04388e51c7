"""Syllables: CMU dictionary first, pyphen for words it lacks."""

from __future__ import annotations

import pytest

from rhetoric_lab.syllables import count_syllables, syllable_source


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cancer", 2),
        ("tumor", 2),
        ("metastasis", 4),
        ("excision", 3),
        ("coalition", 4),
        ("ISIL’s", 2),
        ("They’re", 1),
        ("the", 1),
        ("ISIL", 2),
        ("Raqqah", 2),
        ("counter-ISIL", 4),
    ],
)
def test_cmu_dictionary_counts(word, expected):
    assert count_syllables(word) == expected


def test_unknown_words_fall_back_to_pyphen_and_hyphenated_words_add_up():
    count, source = syllable_source("Bettencourtish")
    assert source == "pyphen" and count >= 3
    assert syllable_source("long-range") == (2, "cmudict")
    assert syllable_source("counter-ISIL")[1] == "cmudict+pyphen"


def test_non_words_have_no_syllables():
    assert count_syllables("—") == 0 and count_syllables("1917") >= 0


def test_initialisms_are_read_letter_by_letter():
    assert syllable_source("U.S.") == (2, "letters")
    assert count_syllables("U.N.") == 2 and count_syllables("us") == 1


def test_looking_a_word_up_gives_what_the_whole_table_gives():
    """cmu_syllables searches the dictionary's sorted lines; the table is built from all of them."""
    from rhetoric_lab import syllables

    table = syllables._syllable_table()
    syllables._syllable_table.cache_clear()  # so cmu_syllables searches instead of using the table
    try:
        differ = [w for w, n in table.items() if syllables.cmu_syllables(w) != n]
        absent = ["isil", "zzqx", "sepulturas", "a(2)", "abandon(2)", "'", "-", "aaa" * 30]
        wrongly_found = [w for w in absent if w not in table and syllables.cmu_syllables(w) is not None]
        assert syllables._syllable_table.cache_info().currsize == 0
    finally:
        syllables._syllable_table.cache_clear()
    assert len(table) > 120_000
    assert not differ, differ[:10]
    assert not wrongly_found, wrongly_found
