"""Exercises for the allusions lesson (notebook 02): the research exercise and its key.

The key is ``seeds/keys/allusions.json``. Its ``feedback`` section holds the other spellings of
each name, the stretch of time each reference recalls, and what other years are; the years of
every other reference and the package's gazetteer say what a wrong year is.
"""

from __future__ import annotations

import re

from ..allusion import find_allusions, format_span, gazetteer_table
from ..data import load_key
from . import evidence
from .feedback import Feedback
from .forms import as_pairs, edit_distance, holds_phrase, matches, parse_year, unquote
from .keys import key_article
from .keys import markdown_cell as _cell

#: The answer key for the seed article: ``seeds/keys/allusions.json``.
KEY_TOPIC = "allusions"
_EXAMPLE = '{"Lafayette": 1777, "Pershing": 1917}'
_POSSESSIVE = re.compile(r"['’]s\b")


class _Research:
    """The key and its feedback data, read once per check."""

    def __init__(self):
        key = load_key(KEY_TOPIC)
        self.key = key
        self.entries = key["entries"]
        self.data = key["feedback"]
        self.variants = self.data["name_variants"]

    def names(self, entry: dict) -> list[str]:
        return [entry["text"], *entry["names"], *self.variants.get(entry["key"], [])]

    def resolve(self, name: str) -> tuple[dict | None, str]:
        """The key entry a name stands for, and how: "" (a spelling the key knows) or "typo"."""
        name = _POSSESSIVE.sub("", name)  # "Lafayette's"
        for entry in self.entries:  # the name, or more words that hold it ("General John J. Pershing")
            if any(holds_phrase(name, n) for n in self.names(entry)):
                return entry, ""
        if any(matches(name, n["text"]) for n in self.key["not_allusions"]):
            return None, ""
        for entry in self.entries:  # part of a longer name ("John Pershing" for "John J. Pershing")
            if any(matches(name, n) for n in self.names(entry)):
                return entry, ""
        for entry in self.entries:
            if any(evidence.is_typo_of(name, n) for n in self.names(entry)):
                return entry, "typo"
        return None, ""

    def reason(self, kind: str, **values) -> str:
        return self.data["not_this_kind"][kind].format(**{k: repr(v) for k, v in values.items()})


def _other_story(research: _Research, year: int, entry: dict) -> str | None:
    """A year of another reference's story, or of the article's own moment, as a sentence (or None)."""
    for other in research.entries:
        for y in other["research_years"] if other is not entry else ():
            if y["year"] == year:
                return f"{year} is a year in the story of {other['text']}: {y['what']}"
    for known in research.data["known_years"]:
        if known["year"] == year:
            return known["what"]
    return None


def _gazetteer_year(year: int) -> str | None:
    """A one-year event, text or monument of that year in the gazetteer (or a birth or death), as a sentence."""
    table = gazetteer_table()
    rows = table[((table["start_year"] == year) & (table["end_year"] == year)) | (table["category"] == "person")]
    order = {"event": 0, "text": 1, "monument": 2, "place": 3, "myth": 4}
    for row in sorted(rows.itertuples(), key=lambda r: order.get(r.category, 9)):
        if row.category != "person":
            return f"{year} is the year of {row.name} ({row.years_mean})."
        if year in (row.start_year, row.end_year):
            return f"{year} is the year {row.name} {'was born' if row.start_year == year else 'died'}."
    return None


def _digit_slip(year: int, years) -> bool:
    """True when ``year`` is a known year with one inner digit changed or two digits swapped (1994 for 1944)."""
    a = str(year)
    for known in years:
        b = str(known)
        if len(a) == len(b) == 4 and a != b and edit_distance(a, b, 1) == 1 and a[0] == b[0] and a[-1] == b[-1]:
            return True
        if len(a) == len(b) == 4 and sorted(a) == sorted(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 2:
            return True
    return False


def research_notes(key: dict, entry: dict) -> tuple[str, list[tuple[int, str, str]]]:
    """What the check accepts for one reference's research years, as the key says it: the span of the
    story in words, and (year, what happened, why the check calls it off, or "") for each year the key lists.

    >>> key = load_key(KEY_TOPIC)
    >>> research_notes(key, key["entries"][0])[0].startswith("Lafayette")
    True
    """
    story = key["feedback"]["story_years"][entry["key"]]
    wrong = {w["year"]: w["what"] for w in key["feedback"]["wrong_years"] if w["key"] == entry["key"]}
    return story["label"], [(y["year"], y["what"], wrong.get(y["year"], "")) for y in entry["research_years"]]


def _judge_year(research: _Research, entry: dict, year: int) -> tuple[str, str]:
    label = entry["text"]
    key = entry["key"]
    for wrong in research.data["wrong_years"]:
        if wrong["key"] == key and wrong["year"] == year:
            return "off", f"{label}, {year}: {wrong['what']} {entry['hint']}"
    found = [y for y in entry["research_years"] if y["year"] == year]
    if found:
        return "in key", f"{label}, {year}: {found[0]['what']}"
    other = [y for y in research.data["other_years"] if y["key"] == key and y["year"] == year]
    if other:
        return "defensible", (
            f"{label}, {year}: {other[0]['what']} The key does not list this year: how does it connect to what "
            "Carter's line recalls? Note your source."
        )
    story = research.data["story_years"][key]
    low, high = story["span"]
    if low <= year <= high:
        known = _gazetteer_year(year)
        also = f" (The module also knows: {known})" if known else ""
        return "defensible", (
            f"{label}, {year}: inside {story['label']}, but the key lists no event that year. Write down what "
            f"happened and the source you used.{also}"
        )
    elsewhere = _other_story(research, year, entry)
    if elsewhere:
        return "off", f"{label}, {year}: not a year of this story. {elsewhere} {entry['hint']}"
    if _digit_slip(year, [y["year"] for y in entry["research_years"]]):
        return "close", (
            f"{label}, {year}: one digit away from a year in the key. Check the year in your notes or your source."
        )
    first, last = entry["research_span"]
    if first <= year <= last:
        return "off", (
            f"{label}, {year}: inside {entry['research_span_label']}, but outside {story['label']}, and the key "
            f"knows no event that year. {entry['hint']}"
        )
    if entry["category"] == "person":
        where = f"before {label} was born ({first})" if year < first else f"after {label} died ({last})"
    else:
        where = f"{'before' if year < first else 'after'} {entry['research_span_label']}"
    known = _gazetteer_year(year)
    also = f" ({known})" if known else ""
    return "off", f"{label}, {year}: that is {where}.{also} {entry['hint']}"


def _not_a_reference(research: _Research, name: str, fb: Feedback) -> None:
    article = key_article(KEY_TOPIC)
    for item in research.key["not_allusions"]:
        if matches(name, item["text"]):
            fb.add("wrong kind", f"{name}: not an allusion here. {item['why']}", about=name)
            return
    if evidence.occurs(name, article):
        fb.add("wrong kind", research.reason("in the text", answer=name), about=name)
        return
    known = not find_allusions(name).empty if name.strip() else False
    near = None if known else evidence.nearest_phrase(name, article, cutoff=0.75)
    nearest = f" The nearest words in the article are {near!r}." if near else ""
    fb.add("not in text", research.reason("not in the text", answer=name) + nearest, about=name)


def _resolve_answer(research: _Research, label: str) -> tuple[dict | None, object]:
    """The key entry a name stands for and how ("" or "typo"); or None and the line that refuses it, or "unknown"."""
    if not evidence.words_of(label):  # "🗽", "-", "#": no word to look up
        return None, (
            "wrong kind",
            f"{_short(label)} is not a name: write the reference in words, for example {_EXAMPLE}.",
            label,
        )
    longest = max(len(evidence.words_of(n)) for e in research.entries for n in research.names(e))
    size = len(evidence.words_of(label))
    if size > longest + 2:
        return None, (
            "refused",
            f"That name is {size} words long: a name is a few words. Write each reference as a short name, "
            f"for example {_EXAMPLE}.",
            label,
        )
    held = [e["text"] for e in research.entries if any(holds_phrase(label, n) for n in research.names(e))]
    if len(held) > 1:
        return None, (
            "refused",
            f"{_short(label)} holds {len(held)} references ({' and '.join(held)}): give each its own name and year, "
            f"for example {_EXAMPLE}.",
            label,
        )
    entry, how = research.resolve(label)
    return (entry, how) if entry is not None else (None, "unknown")


def _short(text: str, length: int = 60) -> str:
    return repr(text) if len(text) <= length else repr(text[: length - 1] + "…")


def check_allusions(answers, show_answers: bool = False) -> Feedback:
    """Check the research exercise: for each reference, a year you found that belongs to its story.

    ``answers`` is a dict from a reference to a year, for example
    ``{"Lafayette": 1777, "Pershing": 1917, "Statue of Liberty": 1886, "liberation of Paris": 1944}``
    (lines such as ``"Lafayette: 1777"`` work too). Names may be spelt as your source spells them
    ("Marquis de La Fayette"). A year the key lists is in the key; a year inside the story the line
    recalls is defensible (name your source); a year from another story is off, and the feedback
    says what that year is.

    >>> check_allusions({"Pershing": 1917, "liberation of Paris": 1940}).verdicts()
    {'Pershing': 'in key', 'liberation of Paris': 'off'}
    """
    research = _Research()
    pairs = as_pairs(answers, "your research", _EXAMPLE)
    feedback = Feedback("Research: the four references in Carter's Lafayette line")
    if len(pairs) > 2 * len(research.entries):
        feedback.add(
            "refused",
            f"You gave {len(pairs)} references; the Lafayette line has {len(research.entries)}. Give one year for "
            "each reference in the line.",
            about="*",
        )
        return feedback
    answered = set()
    readable = []
    for name, value in pairs:
        if not isinstance(name, str) and isinstance(value, str) and research.resolve(unquote(value))[0]:
            feedback.add(
                "note", f"{{{name!r}: {value!r}}}: the name goes first, then the year. Read as {value}: {name}."
            )
            name, value = value, name
        label = unquote(name) if isinstance(name, str) else str(name)
        if not label:
            feedback.add("empty", f"A year ({value!r}) without a name: write the name in quotation marks first.", "")
            continue
        readable.append((label, value))
    resolved = [_resolve_answer(research, label) for label, _value in readable]
    by_entry: dict[str, list[str]] = {}
    for (label, _value), (entry, _how) in zip(readable, resolved, strict=True):
        if entry is not None:
            by_entry.setdefault(entry["key"], []).append(label)
    for (label, value), (entry, how) in zip(readable, resolved, strict=True):
        if entry is None:
            if how == "unknown":
                _not_a_reference(research, label, feedback)
            else:
                feedback.add(*how)
            continue
        answered.add(entry["key"])
        twins = by_entry[entry["key"]]
        if len(twins) > 1:
            names = " and ".join(repr(t) for t in twins)
            feedback.add(
                "refused",
                f"{names} {'both' if len(twins) == 2 else 'all'} name {entry['text']}: one reference gets one "
                "answer. Keep the year you can explain and delete the other line(s).",
                about=label,
            )
            continue
        year, problem = parse_year(value)
        if problem == "blank":
            feedback.add("empty", f"{entry['text']}: no year yet. {entry['hint']}", about=label)
            continue
        if problem in ("several", "backwards"):
            why = "runs backwards (the later year first)" if problem == "backwards" else "is several years"
            feedback.add(
                "refused",
                f"{entry['text']}: {value!r} {why}. Give one year: the one you can explain.",
                about=label,
            )
            continue
        if problem:
            feedback.add("wrong kind", f"{entry['text']}: {research.reason('not a year', value=value)}", about=label)
            continue
        kind, message = _judge_year(research, entry, year)
        if how == "typo":
            message = f"{label!r} read as {entry['text']} (check the spelling). " + message
            kind = "close" if kind == "in key" else kind
        feedback.add(kind, message, about=label)
    for entry in research.entries:
        if entry["key"] not in answered:
            feedback.add("missed", f"{entry['text']}: no year yet. {entry['hint']}")
    if show_answers:
        for entry in research.entries:
            years = "; ".join(f"{y['year']}: {y['what']}" for y in entry["research_years"])
            feedback.add("answer", f"{entry['text']} ({entry['category']}). {years}")
    elif any(k in ("missed", "off", "close") for k in feedback.kinds()):
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
        "## The four allusions in the Lafayette line",
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
        story_label, years = research_notes(key, e)
        lines.append(
            f"**{e['text']}** (other years inside {story_label} are defensible with a source; the check says "
            f"what a year outside it is):"
        )
        lines.append("")
        for year, what, off in years:
            off = f" **The check calls this year off:** {_cell(off)}" if off else ""
            lines.append(f"- {year}: {_cell(what)}{off}")
        lines.append("")
    lines += ["## Not allusions", "", "| in the text | offsets | why not |", "| --- | --- | --- |"]
    for n in key["not_allusions"]:
        lines.append(f"| {_cell(n['text'])} | {n['start']}–{n['end']} | {_cell(n['why'])} |")
    lines += ["", "## Sources", ""]
    lines += [f"- {_cell(s)}" for s in key["sources"]]
    return "\n".join(lines) + "\n"
