"""Exercises for notebook 04 (the report and the speech): what did the reporter keep, cut, re-word, re-order?

The student compares passages of the report with the DoD transcript of the speech and gives each a
label. The key is ``seeds/keys/report.json``: the passages (with offsets into the article), a
paraphrase of what the speech has there, the label words a student may use (``labels``) with a hint
for each, and the readings' questions with their key points.
"""

from __future__ import annotations

import pandas as pd

from ..data import load_key
from ..errors import AnswerFormatError
from .feedback import Feedback
from .keys import markdown_table

#: The four things a reporter can do with a speaker's words.
CHANGE_LABELS = ("kept", "cut", "re-worded", "re-ordered")

_EXAMPLE = 'For example: my_answers = {"A": "re-worded", "B": "kept"}'


def _entries(kind: str) -> list[dict]:
    return [e for e in load_key("report")["entries"] if e["type"] == kind]


def _label_words() -> dict[str, str]:
    labels = load_key("report")["labels"]
    return {word: label for label, entry in labels.items() for word in [label, *entry["synonyms"]]}


def report_passage_table() -> pd.DataFrame:
    """The passages of the report to compare with the speech: ``id``, ``paragraph``, ``text``, ``start``, ``end``.

    >>> report_passage_table()["id"].tolist()
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']
    """
    rows = [{k: e[k] for k in ("id", "paragraph", "sentence", "text", "start", "end")} for e in _entries("passage")]
    return pd.DataFrame(rows, columns=["id", "paragraph", "sentence", "text", "start", "end"])


def _as_labels(answers) -> dict[str, str | None]:
    if not isinstance(answers, dict):
        raise AnswerFormatError("Write your answers as a dictionary from passage letter to label. " + _EXAMPLE)
    ids = [e["id"] for e in _entries("passage")]
    words = _label_words()
    labels = {}
    for passage, label in answers.items():
        name = str(passage).strip().upper()
        if name not in ids:
            raise AnswerFormatError(
                f"{passage!r} is not a passage letter. The passages are {', '.join(ids)}, "
                "as in rl.report_passage_table(). " + _EXAMPLE
            )
        text = str(label).strip().lower()
        if text.strip(" .…") == "":
            labels[name] = None
            continue
        if text not in words:
            raise AnswerFormatError(
                f"Passage {name}: {label!r} is not one of the labels. Use one of "
                f"{', '.join(repr(x) for x in CHANGE_LABELS)}. " + _EXAMPLE
            )
        labels[name] = words[text]
    return labels


def check_report_changes(answers, show_answers: bool = False) -> Feedback:
    """Check what you found the reporter did with each passage: kept, cut, re-worded or re-ordered.

    ``answers`` maps passage letters (as in ``rl.report_passage_table()``) to a label. A defensible
    label that differs from the key is explained, never called wrong. ``show_answers=True`` adds, for
    every passage, what the speech has there (in our words) and the key's label.

    >>> feedback = check_report_changes({"E": "re-worded"})
    >>> [message for kind, message in feedback.lines if kind == "found"][0][:32]
    'Passage E: re-worded. No quotati'
    """
    labels = _as_labels(answers)
    hints = load_key("report")["labels"]
    feedback = Feedback("The report and the speech")
    for entry in _entries("passage"):
        name, label = entry["id"], labels.get(entry["id"])
        if label is None:
            feedback.add("missed", f"Passage {name}: not answered yet (“{entry['text'][:40]}…”).")
        elif label == entry["label"]:
            feedback.add("found", f"Passage {name}: {label}. {entry['why']}")
        elif label in entry["also_accept"]:
            said = f"The key says {entry['label']}: {entry['why']}"
            feedback.add("found", f"Passage {name}: {label} is defensible. {said}")
        else:
            feedback.add(
                "not in key",
                f"Passage {name}: the key does not say {label}. {hints[label]['hint']} "
                f"If you can show in the transcript why it is {label}, note it for the discussion.",
            )
        if show_answers:
            feedback.add("answer", f"Passage {name}: {entry['label']}. In the speech: {entry['speech']}")
    if not show_answers and "missed" not in feedback.kinds():
        feedback.add("note", "All passages labelled. To compare with the key: show_answers=True.")
    return feedback


def answer_key_markdown() -> str:
    """The key of notebook 04 written as Markdown, for lessons/answer-keys/report.md.

    >>> answer_key_markdown().splitlines()[0]
    '# Answer key: the report and the speech'
    """
    key = load_key("report")
    lines = ["# Answer key: the report and the speech", "", key["description"], "", "## What the reporter did", ""]
    rows = [
        [e["id"], f"¶{e['paragraph']}", e["text"], e["label"], ", ".join(e["also_accept"]) or "–"]
        + [e["speech"], e["why"]]
        for e in _entries("passage")
    ]
    headers = ["passage", "where", "the report", "key", "also defensible", "the speech (our words)", "why"]
    lines += markdown_table(headers, rows)
    lines += ["", "Sources for each passage:", ""]
    lines += [f"- {e['id']}: {e['source']}" for e in _entries("passage")]
    lines += ["", "## Readings: questions and key points", ""]
    for reading in _entries("reading"):
        lines += [f"### {reading['title']}", "", f"**Question.** {reading['question']}", ""]
        lines += [f"**Key points.** {reading['key_points']}", "", f"*Sources:* {reading['sources']}", ""]
    lines += ["## Sources", ""] + [f"- {s}" for s in key["sources"]]
    return "\n".join(lines) + "\n"


def check_report_readings(answers, show_answers: bool = False) -> Feedback:
    """Check that you answered each reading's question; ``show_answers=True`` adds the key's points.

    ``answers`` maps each reading (``"audience"``, ``"identification"``, ``"liberty"``, ``"de_gaulle"``)
    to your answer in a few sentences. These are open questions: the check says which are still empty,
    and on request shows what a teacher would look for, never a single right answer.

    >>> check_report_readings({"audience": "They cut the thanks.", "liberty": "..."}).kinds()[:2]
    ['found', 'missed']
    """
    readings = _entries("reading")
    ids = [r["id"] for r in readings]
    example = 'For example: my_reading = {"audience": "The reporter cut ...", "identification": "..."}'
    if not isinstance(answers, dict):
        raise AnswerFormatError("Write your answers as a dictionary from reading to answer. " + example)
    unknown = [k for k in answers if k not in ids]
    if unknown:
        raise AnswerFormatError(f"{unknown[0]!r} is not one of the readings: {', '.join(ids)}. " + example)
    feedback = Feedback("Your reading of the speech")
    for reading in readings:
        answer = str(answers.get(reading["id"], "")).strip()
        if answer.strip(" .…") == "":
            feedback.add("missed", f"{reading['title']}: not answered yet (replace the ...).")
        else:
            feedback.add("found", f"{reading['title']}: {answer}")
        if show_answers:
            feedback.add("answer", f"{reading['title']}: {reading['key_points']}")
    if not show_answers:
        feedback.add(
            "hint", "Quote the words you mean, from the report or the transcript; then compare with a neighbour."
        )
    return feedback
