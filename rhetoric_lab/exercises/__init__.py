"""Exercises: the self-checks of every lesson, their answer keys, and the keys written as Markdown.

Every check is called ``check_*``, takes the student's answer and returns a :class:`Feedback`
that explains itself, with one verdict per answer from the same calibrated categories
(:data:`~.feedback.CATEGORIES`). The keys are data in ``seeds/keys/``; this package reads them,
and the finders never do.

Modules: ``feedback`` (the categories and :class:`Feedback`), ``forms`` (reading answers in any
reasonable form), ``evidence`` (what the text says about an answer), one module of checks per
topic, ``worksheet`` (notebook 01's worksheet), ``written`` (free text and the syntax practice),
``keys`` (the key schema and Markdown).
"""

from __future__ import annotations

from . import allusion, metaphor, quotes, readability, report
from .allusion import check_allusions
from .feedback import CATEGORIES, SYMBOLS, VERDICTS, Feedback
from .forms import as_answer_list, matches, normalize
from .keys import ENTRY_FIELDS, FEEDBACK_FIELDS, answer_key, key_article, key_problems, markdown_cell
from .metaphor import check_metaphors, compare_with_key
from .quotes import SENTENCE_LABELS, check_quotes, check_verb_rewrite
from .readability import check_hand_calculation, check_letter_formulas, exercise_sentence
from .report import CHANGE_LABELS, check_report_changes, check_report_readings, report_passage_table
from .worksheet import check_worksheet, worksheet_table
from .written import check_answer_form, check_written_answers

_WRITERS = {
    "metaphors": metaphor.answer_key_markdown,
    "allusions": allusion.answer_key_markdown,
    "quotes": quotes.answer_key_markdown,
    "readability": readability.answer_key_markdown,
    "report": report.answer_key_markdown,
}


def answer_key_markdown(topic: str) -> str:
    """The answer key of one topic written as Markdown, for the lesson plans in ``lessons/answer-keys/``.

    >>> answer_key_markdown("metaphors").splitlines()[0]
    '# Answer key: metaphors'
    """
    return _WRITERS[topic]()


__all__ = [
    "CATEGORIES",
    "CHANGE_LABELS",
    "ENTRY_FIELDS",
    "FEEDBACK_FIELDS",
    "SENTENCE_LABELS",
    "SYMBOLS",
    "VERDICTS",
    "Feedback",
    "answer_key",
    "answer_key_markdown",
    "as_answer_list",
    "check_allusions",
    "check_answer_form",
    "check_hand_calculation",
    "check_letter_formulas",
    "check_metaphors",
    "check_quotes",
    "check_report_changes",
    "check_report_readings",
    "check_verb_rewrite",
    "check_worksheet",
    "check_written_answers",
    "compare_with_key",
    "exercise_sentence",
    "key_article",
    "key_problems",
    "markdown_cell",
    "matches",
    "normalize",
    "report_passage_table",
    "worksheet_table",
]
