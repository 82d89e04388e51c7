"""The Feedback object, its categories, and reading answers in any reasonable form (exercises/forms.py)."""

from __future__ import annotations

import pytest

from rhetoric_lab.errors import AnswerFormatError
from rhetoric_lab.exercises import CATEGORIES, VERDICTS, Feedback
from rhetoric_lab.exercises.forms import (
    as_answer_list,
    as_pairs,
    edit_distance,
    find_label,
    hedged,
    holds_phrase,
    is_blank,
    matches,
    normalize,
    parse_number,
    parse_year,
    sentence_number,
    unquote,
)

# ---------------------------------------------------------------- categories and Feedback


def test_every_category_has_its_own_symbol_and_its_own_word():
    symbols = [s for s, _ in CATEGORIES.values()]
    words = [w for _, w in CATEGORIES.values()]
    assert len(set(symbols)) == len(symbols) and len(set(words)) == len(words)
    assert all(s.strip() and not s.isalnum() for s in symbols)  # a symbol, never a letter
    assert all(w[0].isupper() for w in words)
    assert set(VERDICTS) <= set(CATEGORIES)
    # the seven calibrated verdicts of the issue, and the three that guard the checks
    assert {"in key", "defensible", "literal", "not in text", "wrong kind", "close", "off"} <= set(VERDICTS)
    assert {"refused", "unchecked", "empty"} <= set(VERDICTS)


def test_no_symbol_needs_an_emoji_font():
    """Every symbol is a text character (no emoji presentation), so it shows on any machine."""
    for symbol, _ in CATEGORIES.values():
        assert all(ord(c) < 0x1F000 and c not in "\u2705\u274c\u2b50" for c in symbol), symbol


def test_feedback_text_and_html_name_each_kind_in_words_and_escape_the_answer():
    feedback = Feedback("Check")
    feedback.add("in key", "cancer", about="cancer")
    feedback.add("off", "look at <paragraph 4>", about="<b>")
    assert "✔ In the key: cancer" in str(feedback)
    html = feedback._repr_html_()
    assert "✘ Off" in html and "&lt;paragraph 4&gt;" in html and "<b>" not in html.replace("<strong>", "")
    assert feedback.verdicts() == {"cancer": "in key", "<b>": "off"}
    assert feedback.messages("off") == ["look at <paragraph 4>"]
    with pytest.raises(ValueError):
        feedback.add("wrong", "there is no such kind")


def test_old_kind_names_still_work():
    feedback = Feedback("Check")
    feedback.add("found", "x")
    feedback.add("not in key", "y")
    assert feedback.kinds() == ["in key", "defensible"]


# ---------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("answer", "key"),
    [
        ("parent tumor", "parent tumor"),
        ("the parent tumour", "parent tumor"),
        ("Metastasis", "metastasis"),
        ("“Safe haven”", "safe haven"),
        ("An excision", "full excision"),
        ("space to manoeuvre", "space to maneuver"),
        ("Marquis de La Fayette", "the Marquis de Lafayette"),
    ],
)
def test_matches_ignores_case_articles_quotes_spaces_and_british_spelling(answer, key):
    assert matches(answer, key)


@pytest.mark.parametrize(("answer", "key"), [("air", "air strikes and raids"), ("tumor", "rumor"), ("", "x")])
def test_matches_rejects_loose_or_empty_answers(answer, key):
    assert not matches(answer, key)


def test_holds_phrase_takes_more_words_but_never_a_part():
    assert holds_phrase("destroy the parent tumour", "parent tumor")
    assert not holds_phrase("parent", "parent tumor") and not holds_phrase("", "x")


def test_normalize_keeps_inner_apostrophes_and_reads_hyphens_as_spaces():
    assert normalize("That’s  LONG-range!") == "that's long range"
    assert matches("shoulder-to-shoulder", "shoulder to shoulder")


# ---------------------------------------------------------------- answer forms


def test_answer_list_accepts_lists_strings_lines_and_curly_quotes():
    assert as_answer_list("cancer, spread;  metastasis") == ["cancer", "spread", "metastasis"]
    assert as_answer_list("“cancer”\n‘spread’") == ["cancer", "spread"]
    assert as_answer_list(["a ", " ", None, "..."]) == ["a"]
    assert as_answer_list(("x", ["y", "z"])) == ["x", "y", "z"]
    assert as_answer_list([1944]) == ["1944"]
    assert as_answer_list(None) == [] and as_answer_list(...) == []


@pytest.mark.parametrize("bad", [42, {"a": 1}, 3.5, b"bytes", [object()]])
def test_answer_list_explains_other_forms(bad):
    with pytest.raises(AnswerFormatError, match="list of phrases"):
        as_answer_list(bad)


def test_pairs_from_dicts_lines_and_lists():
    assert as_pairs({"a": 1}, "", "") == [("a", 1)]
    assert as_pairs("spread: metaphor\nground = literal", "", "") == [("spread", "metaphor"), ("ground", "literal")]
    assert as_pairs("Lafayette 1777, Pershing 1917", "", "") == [("Lafayette", "1777"), ("Pershing", "1917")]
    assert as_pairs([("a", 1), ("b", 2)], "", "") == [("a", 1), ("b", 2)]
    assert as_pairs(["Lafayette", 1777, "Pershing", 1917], "", "") == [("Lafayette", 1777), ("Pershing", 1917)]
    with pytest.raises(AnswerFormatError, match="dictionary"):
        as_pairs(42, "your years", '{"Lafayette": 1777}')


@pytest.mark.parametrize(
    ("key", "number"),
    [(3, 3), (3.0, 3), ("3", 3), ("sentence 3", 3), ("Sentence 3:", 3), ("S3", 3), ("#3", 3), ("three", None)],
)
def test_sentence_numbers_as_numbers_or_words(key, number):
    assert sentence_number(key) == number


@pytest.mark.parametrize(
    ("value", "result"),
    [
        (1777, (1777, "")),
        ("in 1777", (1777, "")),
        ("c. 1777", (1777, "")),
        ("1824-25", (None, "several")),
        ("1918-1917", (None, "backwards")),
        ("World War 1", (None, "not a year")),
        ("WW2", (None, "not a year")),
        ("p. 17", (None, "not a year")),
        ("1,777", (None, "not a year")),
        ("18th century", (None, "several")),
        ("AD 79", (79, "")),
        ("44 BCE", (-44, "")),
        ("1777–1781", (None, "several")),
        ([1777, 1781], (None, "several")),
        ([1777], (1777, "")),
        ("soon", (None, "not a year")),
        (True, (None, "not a year")),
        (..., (None, "blank")),
        ("", (None, "blank")),
    ],
)
def test_years_in_every_reasonable_form(value, result):
    assert parse_year(value) == result


def test_numbers_in_every_reasonable_form():
    assert parse_number("11,2") == (11.2, "") and parse_number(" 17 words") == (17.0, "")
    assert parse_number("seventeen") == (None, "not a number") and parse_number(False) == (None, "not a number")
    assert parse_number("...") == (None, "blank")


def test_blanks_hedges_and_quotes():
    assert all(is_blank(v) for v in (None, ..., "", "...", "…", " ? ", [], ["..."]))
    assert not is_blank("cancer") and not is_blank(0)
    assert hedged("direct or partial", ["direct", "partial"]) and hedged("both", []) and hedged(["a", "b"], [])
    assert not hedged("direct", ["direct", "partial"]) and not hedged(["a"], [])
    assert unquote(" “safe haven”, ") == "safe haven" and unquote("'spread'.") == "spread"
    assert unquote("U.S.") == "U.S." and unquote("global “metastasis”") == "global “metastasis”"


def test_a_mistyped_label_gets_did_you_mean():
    words = {"metaphor": "metaphor", "literal": "literal"}
    assert find_label("Metaphorical", {**words, "metaphorical": "metaphor"}, "a verdict", "") == "metaphor"
    with pytest.raises(AnswerFormatError, match="Did you mean 'metaphor'"):
        find_label("metafor", words, "a verdict", "")
    with pytest.raises(AnswerFormatError, match="Use 'metaphor' or 'literal'") as caught:
        find_label("banana", words, "a verdict", "")
    assert "Did you mean" not in str(caught.value)


def test_edit_distance_counts_swaps_as_one_and_stops_early():
    assert edit_distance("tumor", "tumour") == 1 and edit_distance("1917", "1971") == 1
    assert edit_distance("cat", "dog", limit=1) == 2 and edit_distance("a" * 50, "b", limit=2) == 3
