"""Exercises for the metaphor lesson (notebook 01): the metaphor hunt, the MIPVU-style worksheet, the key.

The key is ``seeds/keys/metaphors.json``. Every check returns a :class:`Feedback`.
"""

from __future__ import annotations

import re

import pandas as pd

from ..data import load_key
from ..errors import AnswerFormatError
from ..metaphor import domain_descriptions, find_metaphors
from ..wordforms import phrase_stems, stem
from .feedback import Feedback, as_answer_list, matches
from .keys import key_article
from .keys import markdown_cell as _cell

#: The answer key for the seed article: ``seeds/keys/metaphors.json``.
KEY_TOPIC = "metaphors"


def _key_table():
    columns = ["text", "start", "end", "domain", "metaphor", "borderline", "type", "why"]
    return pd.DataFrame([{c: e.get(c) for c in columns} for e in load_key(KEY_TOPIC)["entries"]], columns=columns)


def compare_with_key(found=None):
    """For each key entry: did the finder flag it, and with which domain?

    Adds ``found_by_tool`` (True/False) and ``tool_domain`` to the key's entries.

    >>> table = compare_with_key()
    >>> bool(table.loc[table["text"] == "metastasis", "found_by_tool"].item())
    True
    """
    key = _key_table()
    found = find_metaphors(key_article(KEY_TOPIC)) if found is None else found
    spans = list(zip(found["start"], found["end"], found["domain"], strict=True))
    hits, tool_domains = [], []
    for start, end in zip(key["start"], key["end"], strict=True):
        overlapping = [d for s, e, d in spans if s < end and e > start]
        hits.append(bool(overlapping))
        tool_domains.append(", ".join(dict.fromkeys(overlapping)))
    return key.assign(found_by_tool=hits, tool_domain=tool_domains)


def _same(answer: str, key_text: str) -> bool:
    """Answers match key phrases by their words or by their stems ("stepping up" ~ "step up")."""
    if matches(answer, key_text):
        return True
    a, k = " ".join(phrase_stems(answer)), " ".join(phrase_stems(key_text))
    return bool(a) and matches(a, k)


def _key_matches(answer: str, entry: dict) -> bool:
    return any(_same(answer, t) for t in [entry["text"], *entry.get("accept", [])])


def _paragraph_word(index: int) -> str:
    return f"paragraph ¶{index}"


def check_metaphors(answers, show_answers: bool = False) -> Feedback:
    """Compare the metaphors you found in the seed article with the answer key.

    Write them as a list of phrases. Case, "the"/"a" and British spelling do not matter.

    >>> print(check_metaphors(["the parent tumour", "Metastasis"]).lines[0][0])
    found
    """
    answers = as_answer_list(answers, "the metaphors you found")
    key = load_key(KEY_TOPIC)
    entries = key["entries"]
    metaphors = [e for e in entries if e["metaphor"]]
    article = key_article(KEY_TOPIC)
    candidates = find_metaphors(article)
    feedback = Feedback(f"Metaphors in {key['article']}: your list and the key")
    if not answers:
        feedback.add("hint", 'Your list is empty. Write the phrases you found, e.g. answers = ["safe haven"].')
    found_ids: set[int] = set()
    for answer in answers:
        hits = [i for i, e in enumerate(metaphors) if _key_matches(answer, e)]
        literal = [e for e in entries if not e["metaphor"] and _key_matches(answer, e)]
        if hits:
            new = [i for i in hits if i not in found_ids]
            found_ids.update(hits)
            entry = metaphors[hits[0]]
            note = " (a borderline case: say why you count it)" if entry["borderline"] else ""
            again = "" if new else " (already counted)"
            feedback.add("found", f"{answer!r}: {entry['domain']}{note}{again}. {entry['why']}")
        elif literal:
            feedback.add(
                "not in key",
                f"{answer!r}: the key reads this as literal here. {literal[0]['why']} "
                "If you can name a basic meaning that contrasts with this one, keep it and say why.",
            )
        else:
            flagged = [r for r in candidates.itertuples() if _same(answer, r.text)]
            if flagged:
                feedback.add(
                    "not in key",
                    f"{answer!r}: the key does not list it, but the tool flags it as a candidate from "
                    f"{flagged[0].domain}. That does not make it wrong: write its basic meaning "
                    f"({flagged[0].basic_meaning}) and its meaning here; if they contrast, it is a metaphor.",
                )
            elif not _occurs(answer, article.text):
                feedback.add(
                    "note",
                    f"{answer!r}: I cannot find these words in the article. Check the spelling, or copy the "
                    "phrase from the text.",
                )
            else:
                feedback.add(
                    "not in key",
                    f"{answer!r}: the key does not list it. That does not make it wrong: what is its basic "
                    "meaning, and does the meaning here contrast with it? If so, it is a metaphor.",
                )
    missed = [e for i, e in enumerate(metaphors) if i not in found_ids]
    if missed:
        borderline = sum(e["borderline"] for e in missed)
        feedback.add(
            "missed",
            f"The key has {len(missed)} more metaphor(s) you have not listed yet ({borderline} of them borderline).",
        )
        first = min(missed, key=lambda e: (e["type"] != "disease cluster", e["borderline"], e["start"]))
        where = _paragraph_word(article.paragraph_at(first["start"]))
        description = domain_descriptions()[first["domain"]].split(":")[0].lower()
        feedback.add("hint", f"Read {where} again. At least one expression there borrows from {description}.")
        if show_answers:
            for e in missed:
                flag = " [borderline]" if e["borderline"] else ""
                feedback.add("answer", f"{e['text']!r} ({e['domain']}){flag}: {e['why']}")
        else:
            feedback.add("note", "To see the ones you have not found, run again with show_answers=True.")
    else:
        feedback.add(
            "hint",
            "You found every metaphor in the key. Now choose two: what does each one highlight, and what does it hide?",
        )
    return feedback


def _occurs(answer: str, text: str) -> bool:
    """True when the words of ``answer`` (by stem) appear in ``text`` in that order, side by side."""

    def words(s: str) -> str:
        return " ".join(stem(w) for w in re.findall(r"\w+", s.replace("’", "'")))

    wanted = words(answer)
    return bool(wanted) and f" {wanted} " in f" {words(text)} "


# ---------------------------------------------------------------- the worksheet


def worksheet_table():
    """The words of the MIPVU-style worksheet, with the sentence each one is in.

    Columns: ``word``, ``text`` (the words around it), ``sentence``.

    >>> list(worksheet_table()["word"])[:2]
    ['spread', 'haven']
    """
    article = key_article(KEY_TOPIC)
    rows = [
        {"word": w["word"], "text": w["text"], "sentence": article.sentences[article.sentence_at(w["start"])].text}
        for w in load_key(KEY_TOPIC)["worksheet"]
    ]
    return pd.DataFrame(rows, columns=["word", "text", "sentence"])


def _verdict(value, word: str) -> bool:
    if isinstance(value, bool):
        return value
    words = load_key(KEY_TOPIC)["verdicts"]
    if isinstance(value, str) and value.strip().lower() in words["metaphor"] + words["literal"]:
        return value.strip().lower() in words["metaphor"]
    raise AnswerFormatError(f'For {word!r} write "metaphor" or "literal" (in quotation marks), not {value!r}.')


def check_worksheet(verdicts, show_answers: bool = False) -> Feedback:
    """Check your worksheet verdicts: a dict from each word to "metaphor" or "literal".

    >>> fb = check_worksheet({"spread": "metaphor"})
    >>> fb.kinds()[0]
    'found'
    """
    if not isinstance(verdicts, dict):
        raise AnswerFormatError(
            'Write your verdicts as a dictionary, for example: verdicts = {"spread": "metaphor", "haven": "literal"}.'
        )
    items = load_key(KEY_TOPIC)["worksheet"]
    by_word = {w["word"]: w for w in items}
    given = {str(k).strip().lower(): _verdict(v, str(k)) for k, v in verdicts.items()}
    feedback = Feedback("Worksheet: basic meaning, contextual meaning, contrast")
    for word, says_metaphor in given.items():
        item = by_word.get(word)
        if item is None:
            feedback.add("note", f"{word!r} is not on the worksheet. The words are: {', '.join(by_word)}.")
            continue
        label = "a metaphor" if says_metaphor else "literal"
        if says_metaphor == item["metaphor"]:
            feedback.add("found", f"{word!r}: you read it as {label}; so does the key. {item['why']}")
        elif item["borderline"]:
            feedback.add(
                "not in key",
                f"{word!r}: you read it as {label}. The key calls this borderline and leans the other way; "
                "your reading is defensible if you can say how the two meanings compare.",
            )
        else:
            feedback.add(
                "not in key",
                f"{word!r}: the key reads this one differently. Put its basic meaning "
                f"({item['basic_meaning']}) next to its meaning in this sentence: are they really different, "
                "and is one understood through the other?",
            )
            if show_answers:
                verdict = "a metaphor" if item["metaphor"] else "literal"
                feedback.add("answer", f"{word!r} is {verdict} in the key: {item['why']}")
    missing = [w for w in by_word if w not in given]
    if missing:
        feedback.add("missed", f"No verdict yet for: {', '.join(missing)}.")
    if not show_answers and any(k == "not in key" for k in feedback.kinds()):
        feedback.add("note", "To see the key's reasoning, run again with show_answers=True.")
    return feedback


# ---------------------------------------------------------------- Markdown


def answer_key_markdown() -> str:
    """The answer key as Markdown, rendered from ``seeds/keys/metaphors.json``.

    >>> answer_key_markdown().splitlines()[0]
    '# Answer key: metaphors'
    """
    key = load_key(KEY_TOPIC)
    lines = [
        "# Answer key: metaphors",
        "",
        key["description"],
        "",
        f"Article: `seeds/{key['article']}`. Offsets are character positions in that file.",
        "",
    ]
    groups = [
        ("disease cluster", "## The extended metaphor (the disease cluster)"),
        ("conventional", "## Conventional metaphors"),
        ("literal", "## Read literally here"),
    ]
    for group, heading in groups:
        lines += [
            heading,
            "",
            "| expression | offsets | domain | borderline | why |",
            "| --- | --- | --- | --- | --- |",
        ]
        for e in key["entries"]:
            if e["type"] == group:
                flag = "yes" if e["borderline"] else "no"
                cells = [
                    _cell(e["text"]),
                    f"{e['start']}–{e['end']}",
                    _cell(e["domain"]),
                    flag,
                    _cell(e["why"]),
                ]
                lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += [
        "## Worksheet (MIPVU-style)",
        "",
        "| word | in the text | basic meaning | contextual meaning | verdict | why |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for w in key["worksheet"]:
        verdict = ("metaphor" if w["metaphor"] else "literal") + (" (borderline)" if w["borderline"] else "")
        lines.append(
            f"| {_cell(w['word'])} | {_cell(w['text'])} | {_cell(w['basic_meaning'])} | "
            f"{_cell(w['contextual_meaning'])} | {verdict} | {_cell(w['why'])} |"
        )
    return "\n".join(lines) + "\n"
