"""Answer keys: reading them, checking them against one schema, and writing them as Markdown.

Every key is a JSON file in ``seeds/keys/<topic>.json`` with a ``description``, its ``topic``,
the ``article`` it is about (a file in ``seeds/``) and a list of ``entries``. Every entry has a
``type``; :data:`ENTRY_FIELDS` says which fields each type needs. An entry with ``start`` and
``end`` also has ``text``, the words at those offsets. Hints, label synonyms and accepted
spellings are data in the keys, never in code.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..data import load_key
from ..errors import RhetoricLabError, did_you_mean
from ..text import load_article

#: The fields every key has.
KEY_FIELDS = {"description": str, "topic": str, "article": str, "entries": list}

_METAPHOR = ("text", "start", "end", "domain", "metaphor", "borderline", "why")
#: For each topic: its entry types, and the fields each type needs.
ENTRY_FIELDS = {
    "metaphors": {"disease cluster": _METAPHOR, "conventional": _METAPHOR, "literal": _METAPHOR},
    "allusions": {
        "allusion": (
            "text",
            "start",
            "end",
            "key",
            "names",
            "category",
            "start_year",
            "end_year",
            "years_mean",
            "why_here",
            "hint",
            "research_years",
            "research_span",
            "research_span_label",
        )
    },
    "quotes": {
        "quotation": ("text", "start", "end", "kind", "speaker", "verb", "sentence", "paragraph", "why"),
        "indirect": ("text", "start", "end", "speaker", "verb", "sentence", "paragraph", "why"),
        "sentence": ("text", "start", "end", "sentence", "paragraph", "label", "also_accept", "why"),
        "verb": ("text", "start", "end", "speaker", "verb", "sentence"),
    },
    "readability": {
        "hand_calculation": ("text", "start", "end", "metric", "sentence", "words", "syllables", "score"),
        "metric_input": ("metric", "counts_letters", "why"),
    },
    "report": {
        "passage": ("id", "text", "start", "end", "sentence", "paragraph", "label", "also_accept", "speech", "why"),
        "reading": ("id", "title", "reading", "question", "key_points", "sources"),
    },
}
#: Sections a key may have beside its entries, by topic.
EXTRA_SECTIONS = {
    "metaphors": {"worksheet", "verdicts", "feedback"},
    "allusions": {"speech_year", "speech_year_note", "structure", "not_allusions", "sources", "feedback"},
    "quotes": {"labels", "feedback"},
    "readability": {"formula_names"},
    "report": {"labels", "sources"},
}
#: The parts of each key's ``feedback`` section (data for the checks' replies to wrong answers), by topic.
FEEDBACK_FIELDS = {
    "metaphors": {"about": str, "not_this_kind": dict, "literal_unknown": str, "verdict_variants": dict},
    "allusions": {
        "about": str,
        "name_variants": dict,
        "story_years": dict,
        "wrong_years": list,
        "other_years": list,
        "known_years": list,
        "not_this_kind": dict,
    },
    "quotes": {"about": str, "label_variants": dict, "meaning": dict},
}


def key_problems(topic: str) -> list[str]:
    """Every way the key for ``topic`` breaks the schema, in words (an empty list when all is well).

    >>> key_problems("metaphors")
    []
    """
    key = load_key(topic)
    problems = []
    for field, kind in KEY_FIELDS.items():
        if not isinstance(key.get(field), kind):
            problems.append(f"{topic}: '{field}' is missing or not a {kind.__name__}")
    if key.get("topic") != topic:
        problems.append(f"{topic}: 'topic' says {key.get('topic')!r}")
    unknown = set(key) - set(KEY_FIELDS) - EXTRA_SECTIONS.get(topic, set())
    if unknown:
        problems.append(f"{topic}: unknown sections {sorted(unknown)}")
    problems += _feedback_problems(topic, key)
    types = ENTRY_FIELDS.get(topic, {})
    text = load_article(key["article"].removesuffix(".txt")).text if "article" in key else ""
    for n, entry in enumerate(key.get("entries", []), start=1):
        kind = entry.get("type")
        if kind not in types:
            problems.append(f"{topic} entry {n}: type {kind!r} is not one of {sorted(types)}")
            continue
        missing = [f for f in types[kind] if f not in entry]
        if missing:
            problems.append(f"{topic} entry {n} ({kind}): missing {missing}")
        if "start" in entry and "end" in entry and text[entry["start"] : entry["end"]] != entry.get("text"):
            problems.append(
                f"{topic} entry {n}: the text at {entry['start']}–{entry['end']} is not {entry.get('text')!r}"
            )
    return problems


def _feedback_problems(topic: str, key: dict) -> list[str]:
    """Every way a key's ``feedback`` section breaks :data:`FEEDBACK_FIELDS`, in words."""
    if "feedback" not in key:
        return [f"{topic}: the 'feedback' section is missing"] if topic in FEEDBACK_FIELDS else []
    wanted = FEEDBACK_FIELDS.get(topic, {})
    section = key["feedback"]
    problems = [
        f"{topic} feedback: '{f}' is missing or not a {t.__name__}"
        for f, t in wanted.items()
        if not isinstance(section.get(f), t)
    ]
    problems += [f"{topic} feedback: unknown part {f!r}" for f in sorted(set(section) - set(wanted))]
    keys = {e.get("key") for e in key.get("entries", [])}
    for part in ("wrong_years", "other_years"):
        for item in section.get(part, []):
            if item.get("key") not in keys or not isinstance(item.get("year"), int) or not item.get("source"):
                problems.append(f"{topic} feedback {part}: {item!r} needs a key of an entry, a year and a source")
    for part in ("name_variants", "story_years"):
        unknown = set(section.get(part, {})) - keys
        if unknown:
            problems.append(f"{topic} feedback {part}: no entries called {sorted(unknown)}")
    return problems


def answer_key(topic: str):
    """The answer key of one lesson topic as a DataFrame, one row per entry (``type`` first).

    Topics: "metaphors", "allusions", "quotes", "readability".

    >>> key = answer_key("metaphors")
    >>> sorted(set(key["type"]))
    ['conventional', 'disease cluster', 'literal']
    """
    if topic not in ENTRY_FIELDS:
        raise RhetoricLabError(
            f"There is no answer key called {topic!r}.{did_you_mean(topic, ENTRY_FIELDS)} "
            f"Choose one of: {', '.join(sorted(ENTRY_FIELDS))}."
        )
    entries = load_key(topic)["entries"]
    columns = ["type", *dict.fromkeys(c for e in entries for c in e if c != "type")]
    return pd.DataFrame(entries, columns=columns)


def key_article(topic: str):
    """The Article that the key for ``topic`` is about.

    >>> len(key_article("quotes").sentences)
    12
    """
    return _article_named(load_key(topic)["article"].removesuffix(".txt"))


@lru_cache(maxsize=8)
def _article_named(name: str):
    """One Article per seed file, shared by every check: the finders' results are kept on it, so a
    check does not run them again (a finder hands out copies, so no check can change them)."""
    return load_article(name)


def markdown_cell(value) -> str:
    r"""Text made safe for one cell of a Markdown table (the answer keys in ``lessons/``).

    >>> markdown_cell("a | b")
    'a \\| b'
    """
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_table(headers, rows) -> list[str]:
    """The lines of a Markdown table; every cell is made safe with :func:`markdown_cell`.

    >>> markdown_table(["a", "b"], [[1, "x|y"]])
    ['| a | b |', '| --- | --- |', '| 1 | x\\\\|y |']
    """
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return lines
