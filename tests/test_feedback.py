"""Answer matching and the Feedback object used by every self-check."""

from __future__ import annotations

import pytest

from rhetoric_lab.errors import AnswerFormatError
from rhetoric_lab.exercises.feedback import Feedback, as_answer_list, matches, normalize


@pytest.mark.parametrize(
    ("answer", "key"),
    [
        ("parent tumor", "parent tumor"),
        ("the parent tumour", "parent tumor"),
        ("Metastasis", "metastasis"),
        ("“Safe haven”", "safe haven"),
        ("An excision", "full excision"),
        ("space to manoeuvre", "space to maneuver"),
    ],
)
def test_matches_ignores_case_articles_quotes_and_british_spelling(answer, key):
    assert matches(answer, key)


@pytest.mark.parametrize(("answer", "key"), [("air", "air strikes and raids"), ("tumor", "rumor"), ("", "x")])
def test_matches_rejects_loose_or_empty_answers(answer, key):
    assert not matches(answer, key)


def test_normalize_keeps_inner_apostrophes_and_hyphens():
    assert normalize("That’s  LONG-range!") == "that's long-range"


def test_feedback_text_and_html_name_each_kind_in_words():
    feedback = Feedback("Check")
    feedback.add("found", "cancer")
    feedback.add("hint", "look at <paragraph 4>")
    assert "✔ Found: cancer" in str(feedback)
    html = feedback._repr_html_()
    assert "Hint" in html and "&lt;paragraph 4&gt;" in html
    with pytest.raises(ValueError):
        feedback.add("wrong", "never call an answer wrong")


def test_answer_list_accepts_lists_and_comma_strings_and_explains_other_forms():
    assert as_answer_list("cancer, spread;  metastasis") == ["cancer", "spread", "metastasis"]
    assert as_answer_list(["a ", " "]) == ["a"]
    with pytest.raises(AnswerFormatError, match="list of phrases"):
        as_answer_list(42)
