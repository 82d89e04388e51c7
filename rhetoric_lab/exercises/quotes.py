"""Exercises for the quotation lesson (notebook 03): label each sentence's voice; rewrite a reporting verb.

The key is ``seeds/keys/quotes.json``; the label words a student may use, and a hint for each
label, are data there (``labels``).
"""

from __future__ import annotations

from ..data import load_key, read_table
from ..errors import AnswerFormatError
from ..quotes import find_reporting_verbs
from .feedback import Feedback
from .keys import markdown_table

#: The labels a student gives each sentence in the self-check.
SENTENCE_LABELS = ("direct", "partial", "paraphrase", "narration")


def _label_words() -> dict[str, str]:
    """Every word a student may use for a label, mapped to the label ("indirect" -> "paraphrase")."""
    return {word: label for label, entry in load_key("quotes")["labels"].items() for word in entry["synonyms"]}


def _hint(label: str) -> str:
    return load_key("quotes")["labels"][label]["hint"]


def _sentence_key() -> dict[int, dict]:
    return {e["sentence"]: e for e in load_key("quotes")["entries"] if e["type"] == "sentence"}


def _as_labels(answers, count: int) -> dict[int, str]:
    example = 'For example: answers = {0: "narration", 1: "direct", 4: "partial"}'
    if isinstance(answers, (list, tuple)):
        answers = dict(enumerate(answers))
    if not isinstance(answers, dict):
        raise AnswerFormatError("Write your answers as a dictionary from sentence number to label. " + example)
    labels = {}
    for number, label in answers.items():
        if not isinstance(number, int) or not 0 <= number < count:
            raise AnswerFormatError(
                f"{number!r} is not a sentence number. Sentence numbers go from 0 to {count - 1}, "
                "as in article.sentence_table(). " + example
            )
        word = _label_words().get(str(label).strip().lower())
        if word is None:
            raise AnswerFormatError(
                f"Sentence {number}: {label!r} is not one of the labels. Use one of "
                "'direct', 'partial', 'paraphrase' or 'narration'. " + example
            )
        labels[number] = word
    return labels


def check_quotes(answers, show_answers: bool = False) -> Feedback:
    """Check your label for each sentence of the seed: direct, partial, paraphrase or narration.

    ``answers`` maps sentence numbers (from 0, as in ``article.sentence_table()``) to labels; a list of
    labels in sentence order also works. A defensible label that differs from the key is explained,
    never called wrong. ``show_answers=True`` adds the key's label and reason for every sentence.

    >>> print(check_quotes({1: "direct"}))  # doctest: +ELLIPSIS
    Whose words? Sentence labels
      ✔ Found: Sentence 1: direct. The sentence opens with a whole quoted sentence of Carter's; ...
    ...
    """
    key = _sentence_key()
    labels = _as_labels(answers, len(key))
    fb = Feedback("Whose words? Sentence labels")
    for number in sorted(labels):
        entry, label = key[number], labels[number]
        if label == entry["label"]:
            fb.add("found", f"Sentence {number}: {label}. {entry['why']}")
        elif label in entry["also_accept"]:
            fb.add("found", f"Sentence {number}: {label} is defensible. The key says {entry['label']}: {entry['why']}")
        else:
            fb.add(
                "not in key",
                f"Sentence {number}: the key does not say {label}. {_hint(entry['label'])} "
                "If you can point to the words that make it " + label + ", note them for the discussion.",
            )
    missing = [n for n in sorted(key) if n not in labels]
    if missing:
        fb.add("missed", f"No label yet for sentence(s) {', '.join(map(str, missing))}.")
    if show_answers:
        for number in sorted(key):
            entry = key[number]
            also = f" (also defensible: {', '.join(entry['also_accept'])})" if entry["also_accept"] else ""
            fb.add("answer", f"Sentence {number}: {entry['label']}{also}. {entry['why']}")
    return fb


def check_verb_rewrite(original: str, rewrite: str) -> Feedback:
    """Compare the reporting verbs of a sentence and your rewrite of it: what did the new verb change?

    >>> fb = check_verb_rewrite("Carter pledged to build a coalition.", "Carter said he would build one.")
    >>> fb.lines[-1][1][:48]
    '“pledged” became “said”: the verb went from eval'
    """
    fb = Feedback("Reporting verbs: original and rewrite")
    if not isinstance(original, str) or not isinstance(rewrite, str) or not rewrite.strip():
        raise AnswerFormatError(
            'Write your rewrite as text between quotation marks, for example: my_rewrite = "Carter said he would ..."'
        )
    found = []
    for name, sentence in (("Original", original), ("Rewrite", rewrite)):
        verbs = find_reporting_verbs(sentence)
        if verbs.empty:
            fb.add(
                "note",
                f"{name}: no reporting verb with a speaker found (is there a name or “he”/“she” before the verb?).",
            )
        for row in verbs.itertuples():
            fb.add("note", f"{name}: “{row.text}” ({row.verb}, {row.stance}): {row.note}")
        found.append(verbs)
    before, after = found
    if before.empty or after.empty:
        return fb
    removed = [r for r in before.itertuples() if r.verb not in set(after["verb"])]
    added = [r for r in after.itertuples() if r.verb not in set(before["verb"])]
    if not removed and not added:
        fb.add("hint", "The reporting verbs are the same. Try a verb from reporting_verb_table() with another stance.")
    elif removed and added:
        s1, s2 = removed[0].stance, added[0].stance
        change = f"went from {s1} to {s2}" if s1 != s2 else f"stayed {s1}"
        fb.add(
            "hint",
            f"“{removed[0].text}” became “{added[0].text}”: the verb {change}. Read both aloud: "
            "which one sounds more certain of the speaker's commitment?",
        )
    else:
        fb.add("hint", "The number of reporting verbs changed. Which statement now has no verb, or a new one?")
    return fb


def answer_key_markdown() -> str:
    """The quotation lesson's answer key as Markdown, rendered from ``seeds/keys/quotes.json``.

    >>> answer_key_markdown().splitlines()[0]
    '# Answer key · 03 Quotations: whose words?'
    """
    key = load_key("quotes")
    of = {
        kind: [e for e in key["entries"] if e["type"] == kind] for kind in ("quotation", "indirect", "sentence", "verb")
    }
    stance = {row["verb"]: row["stance"] for row in read_table("reporting_verbs.csv")}
    out = [
        "# Answer key · 03 Quotations: whose words?",
        "",
        f"Generated from `seeds/keys/quotes.json` ({key['article']}). {key['description']}",
        "",
        "## Quotations",
        "",
        *markdown_table(
            ["#", "sentence", "quoted words (without the marks)", "kind", "speaker", "reporting verb", "why"],
            [
                [n, e["sentence"], e["text"], e["kind"], e["speaker"], e["verb"], e["why"]]
                for n, e in enumerate(of["quotation"], start=1)
            ],
        ),
        "",
        "## Indirect speech (paraphrase)",
        "",
        *markdown_table(
            ["sentence", "the speaker's point in the reporter's words", "speaker", "verb", "why"],
            [[e["sentence"], e["text"], e["speaker"], e["verb"], e["why"]] for e in of["indirect"]],
        ),
        "",
        "## Sentence labels (the self-check)",
        "",
        *markdown_table(
            ["sentence", "label", "also defensible", "why"],
            [[e["sentence"], e["label"], ", ".join(e["also_accept"]) or "—", e["why"]] for e in of["sentence"]],
        ),
        "",
        "## Reporting verbs chosen by the reporter",
        "",
        *markdown_table(
            ["sentence", "in the text", "verb", "stance"],
            [[e["sentence"], e["text"], e["verb"], stance.get(e["verb"], "?")] for e in of["verb"]],
        ),
    ]
    return "\n".join(out) + "\n"
