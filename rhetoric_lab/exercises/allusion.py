"""Exercises for the allusions lesson (notebook 02): the research exercise and its key.

The key is ``seeds/keys/allusions.json``; accepted spellings of each name are data there.
"""

from __future__ import annotations

import re

from ..allusion import format_span
from ..data import load_key
from ..errors import AnswerFormatError
from .feedback import Feedback, matches
from .keys import markdown_cell as _cell

#: The answer key for the seed article: ``seeds/keys/allusions.json``.
KEY_TOPIC = "allusions"


def _parse_year(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        m = re.search(r"\d{1,4}", value)
        if m:
            year = int(m.group())
            return -year if re.search(r"\bB\.?C\.?(?:E\.?)?\b", value, re.IGNORECASE) else year
    return None


def _key_entry(name: str, entries: list[dict]) -> dict | None:
    for entry in entries:
        if any(matches(name, alias) for alias in [entry["text"], *entry["names"]]):
            return entry
    return None


def check_allusions(answers, show_answers: bool = False) -> Feedback:
    """Check the research exercise: for each reference, a year you found that belongs to its story.

    ``answers`` is a dict from a reference to a year, for example
    ``{"Lafayette": 1777, "Pershing": 1917, "Statue of Liberty": 1886, "liberation of Paris": 1944}``.
    A year the key does not list is never called wrong: the feedback says what the key
    knows about that stretch of time and asks you to name your source.

    >>> print(check_allusions({"Pershing": 1917}))  # doctest: +ELLIPSIS
    Research: the four references in Carter's opening line
      ✔ Found: Pershing, 1917: ...
    """
    if not isinstance(answers, dict):
        raise AnswerFormatError(
            "Write your research as a dictionary: each reference, a colon, and a year, for example "
            '{"Lafayette": 1777, "Pershing": 1917}. Put the names in quotation marks and the years without.'
        )
    entries = load_key(KEY_TOPIC)["entries"]
    feedback = Feedback("Research: the four references in Carter's opening line")
    answered = set()
    for name, value in answers.items():
        entry = _key_entry(str(name), entries)
        if entry is None:
            listed = ", ".join(e["text"] for e in entries)
            feedback.add(
                "not in key",
                f"{name}: not one of the four references in the opening line ({listed}). "
                "If you think it is an allusion too, say what it refers to and where you checked it.",
            )
            continue
        label = entry["text"]
        year = _parse_year(value)
        if year is None:
            feedback.add("hint", f"{label}: write the year as a number, for example 1777 (not {value!r}).")
            continue
        answered.add(entry["key"])
        found = [y for y in entry["research_years"] if y["year"] == year]
        low, high = entry["research_span"]
        if found:
            feedback.add("found", f"{label}, {year}: {found[0]['what']}")
        elif low <= year <= high:
            feedback.add(
                "not in key",
                f"{label}, {year}: inside {entry['research_span_label']}, but the key lists no event that year. "
                "Write down what happened and the source you used; that is a good answer.",
            )
        else:
            feedback.add(
                "hint",
                f"{label}, {year}: outside {entry['research_span_label']}. Check that your source is about "
                f"{entry['names'][-1]} (not, say, a town or a ship with the same name), then try again.",
            )
    for entry in entries:
        if entry["key"] not in answered:
            feedback.add("missed", f"{entry['text']}: no year yet. {entry['hint']}")
    if show_answers:
        for entry in entries:
            years = "; ".join(f"{y['year']}: {y['what']}" for y in entry["research_years"])
            feedback.add("answer", f"{entry['text']} ({entry['category']}). {years}")
    elif any(k in ("missed", "hint") for k in feedback.kinds()):
        feedback.add("note", "To see the years in the key, run again with show_answers=True.")
    return feedback


def answer_key_markdown() -> str:
    """The answer key as Markdown, rendered from ``seeds/keys/allusions.json``.

    >>> answer_key_markdown().splitlines()[0]
    '# Answer key: allusions'
    """
    key = load_key(KEY_TOPIC)
    lines = [
        "# Answer key: allusions",
        "",
        f"Generated from `seeds/keys/{KEY_TOPIC}.json`; edit that file, not this one.",
        "",
        key["description"],
        "",
        f"Article: `seeds/{key['article']}`. Offsets are character positions in that file. "
        "Years: BCE years would be negative; all four here are CE.",
        "",
        "## The four allusions in the opening line",
        "",
        "| in the text | offsets | refers to | category | years | why it fits a speech in Paris |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for e in key["entries"]:
        years = format_span(e["start_year"], e["end_year"])
        lines.append(
            f"| {_cell(e['text'])} | {e['start']}–{e['end']} | {_cell(e['names'][-1])} | {e['category']} | "
            f"{years} ({_cell(e['years_mean'])}) | {_cell(e['why_here'])} |"
        )
    lines += ["", "## Structure of the line", "", key["structure"], "", "## Research exercise: accepted years", ""]
    for e in key["entries"]:
        lines.append(f"**{e['text']}** (other years inside {e['research_span_label']} are accepted with a source):")
        lines.append("")
        for y in e["research_years"]:
            lines.append(f"- {y['year']}: {_cell(y['what'])}")
        lines.append("")
    lines += ["## Not allusions", "", "| in the text | offsets | why not |", "| --- | --- | --- |"]
    for n in key["not_allusions"]:
        lines.append(f"| {_cell(n['text'])} | {n['start']}–{n['end']} | {_cell(n['why'])} |")
    lines += ["", "## Sources", ""]
    lines += [f"- {_cell(s)}" for s in key["sources"]]
    return "\n".join(lines) + "\n"
