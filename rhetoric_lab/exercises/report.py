"""Exercises for notebook 04 (the report and the speech): what did the reporter keep, cut, re-word, re-order?

The student compares passages of the report with the DoD transcript of the speech and gives each a
label. The key is ``seeds/keys/report.json``: the passages (with offsets into the article), a
paraphrase of what the speech has there, the label words a student may use (``labels``) with a hint
for each, and the readings' questions with their key points.
"""

from __future__ import annotations

import re

import pandas as pd

from ..data import load_key
from ..errors import AnswerFormatError, did_you_mean
from ..quotes import find_quotations
from . import evidence
from .feedback import Feedback
from .forms import LabelReader, as_pairs, hedged, is_blank, normalize, unquote
from .keys import key_article, markdown_table
from .written import GOOD_ANSWER, judge_written

#: The four things a reporter can do with a speaker's words.
CHANGE_LABELS = ("kept", "cut", "re-worded", "re-ordered")

_EXAMPLE = 'For example: my_answers = {"A": "re-worded", "B": "kept"}'
_PASSAGE = re.compile(r"(?i)^(?:passage)?[\s(]*([a-z])[\s).:]*$")


def _entries(kind: str) -> list[dict]:
    return [e for e in load_key("report")["entries"] if e["type"] == kind]


def _label_words() -> dict[str, str]:
    labels = load_key("report")["labels"]
    return {normalize(w): label for label, entry in labels.items() for w in [label, *entry["synonyms"]]}


def report_passage_table() -> pd.DataFrame:
    """The passages of the report to compare with the speech: ``id``, ``paragraph``, ``text``, ``start``, ``end``.

    >>> report_passage_table()["id"].tolist()
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']
    """
    rows = [{k: e[k] for k in ("id", "paragraph", "sentence", "text", "start", "end")} for e in _entries("passage")]
    return pd.DataFrame(rows, columns=["id", "paragraph", "sentence", "text", "start", "end"])


def _passage_letter(key) -> str | None:
    """A passage letter from "A", "a", "Passage A" or "(A)"; None otherwise."""
    m = _PASSAGE.match(unquote(key)) if isinstance(key, str) else None
    return m.group(1).upper() if m else None


def _what_it_has(entry: dict) -> str:
    """What the report's passage shows on its face: quotation marks, dots (…)."""
    quotes = find_quotations(key_article("report"))
    inside = ((quotes["start"] <= entry["start"]) & (quotes["end"] >= entry["end"])).any()
    said = "is inside quotation marks" if inside else "is not inside quotation marks"
    return said + (" and has “…” in it" if "…" in entry["text"] else "")


def check_report_changes(answers, show_answers: bool = False) -> Feedback:
    """Check what you found the reporter did with each passage: kept, cut, re-worded or re-ordered.

    ``answers`` maps passage letters (as in ``rl.report_passage_table()``; "Passage A" works too) to a
    label. A label the key accepts as defensible is said to be so, never called wrong; a label that
    does not fit is off, with what the label means and what the passage shows. ``show_answers=True``
    adds, for every passage, what the speech has there (in our words) and the key's label.

    >>> check_report_changes({"E": "re-worded", "B": "cut", "D": "re-ordered"}).verdicts()
    {'B': 'defensible', 'D': 'off', 'E': 'in key'}
    """
    passages = {e["id"]: e for e in _entries("passage")}
    hints = load_key("report")["labels"]
    feedback = Feedback("The report and the speech")
    labels: dict[str, str] = {}
    pairs = as_pairs(answers, "your labels", '{"A": "re-worded", "B": "kept"}')
    reader = LabelReader(_label_words(), _EXAMPLE, noise=evidence.is_gibberish)
    twice = [_passage_letter(key) for key, _value in pairs]
    for key, value in pairs:
        name = _passage_letter(key)
        if name not in passages:
            shown = unquote(key) if isinstance(key, str) else repr(key)
            feedback.add(
                "off",
                f"There is no passage {shown}: the passages are {', '.join(passages)}, as in "
                "rl.report_passage_table().",
                about=shown,
            )
        elif twice.count(name) > 1:  # {"A": "cut", "Passage A": "kept"}
            if name not in feedback.verdicts():
                feedback.add("refused", f"Passage {name} has {twice.count(name)} labels: give it one.", about=name)
        elif hedged(value, CHANGE_LABELS):
            feedback.add("refused", f"Passage {name}: choose one label, the one the transcript shows best.", name)
        elif is_blank(value):
            feedback.add("empty", f"Passage {name}: no label yet.", about=name)
        else:
            label = reader.read(value, f"a label for passage {name}", name, feedback)
            if label is not None:
                labels[name] = label
    reader.finish(feedback, labels_read=bool(labels))
    for name in sorted(labels):
        entry, label = passages[name], labels[name]
        if label == entry["label"]:
            feedback.add("in key", f"Passage {name}: {label}. {entry['why']}", about=name)
        elif label in entry["also_accept"]:
            feedback.add(
                "defensible",
                f"Passage {name}: {label} is defensible; the key prefers another label. "
                f"{hints[entry['label']]['hint']}",
                about=name,
            )
        else:
            feedback.add(
                "off",
                f"Passage {name}: {hints[label]['hint']} In the report, this passage {_what_it_has(entry)}.",
                about=name,
            )
    verdicts = feedback.verdicts()
    missing = [n for n in passages if n not in labels and n not in verdicts]
    if missing:
        feedback.add("missed", f"No label yet for passage(s) {', '.join(missing)}.")
    if show_answers:
        for name, entry in passages.items():
            feedback.add("answer", f"Passage {name}: {entry['label']}. In the speech: {entry['speech']}")
    elif set(labels) == set(passages):  # a blank ("...") or a refused label is not a label yet
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
    """Which readings you have answered; ``show_answers=True`` adds the key's points.

    ``answers`` maps each reading (``"audience"``, ``"identification"``, ``"liberty"``, ``"de_gaulle"``)
    to your answer in a few sentences. These are open questions, not checked by the machine: the check
    says which are still empty, refuses keyboard noise or a pasted text, and on request shows what a
    teacher would look for, never a single right answer.

    >>> check_report_readings({"audience": "They cut the thanks to the French.", "liberty": "..."}).verdicts()
    {'audience': 'unchecked', 'liberty': 'empty'}
    """
    readings = {r["id"]: r for r in _entries("reading")}
    example = 'For example: my_reading = {"audience": "The reporter cut ...", "identification": "..."}'
    feedback = Feedback("Your reading of the speech")
    given = {}
    for key, value in as_pairs(answers, "your answers", example):
        name = normalize(unquote(key)).replace(" ", "_") if isinstance(key, str) else ""
        if name not in readings:
            raise AnswerFormatError(
                f"{key!r} is not one of the readings.{did_you_mean(name, readings)} Use "
                f"{', '.join(repr(r) for r in readings)}."
            )
        given[name] = value
    for name, reading in readings.items():
        if name in given:
            judge_written(feedback, reading["title"], given[name], about=name, prompt=reading["question"])
        else:
            feedback.add("missed", f"{reading['title']}: not answered yet.")
        if show_answers:
            feedback.add("answer", f"{reading['title']}: {reading['key_points']}")
    feedback.add("note", GOOD_ANSWER)
    return feedback
