"""Answers from a student-role audit of the checks: each test fails without its fix."""

from __future__ import annotations

import rhetoric_lab as rl


def _line(feedback, about):
    return next(line for line in feedback.lines if line.about == about)


def test_a_long_list_is_refused_with_its_real_share_of_the_text():
    words = [w.text for w in rl.load_article("carter-paris-speech-report").words]
    answers = list(dict.fromkeys(w for w in words if len(w) > 6))[:45]
    message = _line(rl.check_metaphors(answers), "*").message
    assert "most" not in message and "%" in message
