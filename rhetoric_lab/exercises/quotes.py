"""Exercises for the quotation lesson (notebook 03): label each sentence's voice; rewrite a reporting verb.

The key is ``seeds/keys/quotes.json``; the label words a student may use, a hint for each label
(``labels``), more spellings of the labels and what each label means (``feedback``) are data there.
"""

from __future__ import annotations

import re

from ..data import load_key, read_table
from ..errors import AnswerFormatError
from ..quotes import find_indirect_speech, find_quotations, find_reporting_verbs
from ..syllables import cmu_dictionary
from . import evidence
from .feedback import Feedback
from .forms import (
    LabelReader,
    as_answer_list,
    as_pairs,
    edit_distance,
    hedged,
    is_blank,
    normalize,
    sentence_number,
    unquote,
)
from .keys import key_article, markdown_table

KEY_TOPIC = "quotes"
#: The labels a student gives each sentence in the self-check.
SENTENCE_LABELS = ("direct", "partial", "paraphrase", "narration")
#: The verdict of check_verb_rewrite is about this.
REWRITE = "rewrite"
_EXAMPLE = 'For example: answers = {0: "narration", 1: "direct", 4: "partial"}'
_EXAMPLE_DICT = '{0: "narration", 1: "direct", "sentence 4": "partial"}'


def _label_words() -> dict[str, str]:
    """Every word a student may use for a label, mapped to the label ("indirect" -> "paraphrase")."""
    key = load_key(KEY_TOPIC)
    words = {normalize(w): label for label, entry in key["labels"].items() for w in [label, *entry["synonyms"]]}
    for label, variants in key["feedback"]["label_variants"].items():
        words.update({normalize(w): label for w in variants})
    return words


def _hint(label: str) -> str:
    return load_key(KEY_TOPIC)["labels"][label]["hint"]


def _sentence_key() -> dict[int, dict]:
    return {e["sentence"]: e for e in load_key(KEY_TOPIC)["entries"] if e["type"] == "sentence"}


def _what_it_has(article, number: int) -> str:
    """What the module's finders see in one sentence: quotation marks, and frames of reported speech."""
    quotes = find_quotations(article)
    quotes = quotes[quotes["sentence"] == number]
    frames = find_indirect_speech(article)
    frames = frames[frames["sentence"] == number]
    parts = []
    if quotes.empty:
        parts.append("no quotation marks")
    else:
        words = sum(len(evidence.words_of(t)) for t in quotes["text"])
        whole = "a whole sentence of the speaker's" if (quotes["kind"] == "direct").any() else "a fragment"
        parts.append(f"quotation marks round {words} words ({whole})")
    if not frames.empty:
        parts.append(f"a frame that retells the speaker's point (“{frames.iloc[0]['verb']} …”)")
    elif quotes.empty:
        parts.append("no frame such as “said (that) …”")
    return " and ".join(parts)


def check_quotes(answers, show_answers: bool = False) -> Feedback:
    """Check your label for each sentence of the seed: direct, partial, paraphrase or narration.

    ``answers`` maps sentence numbers (from 0, as in ``article.sentence_table()``; ``"sentence 3"``
    works too) to labels; a list of labels in sentence order also works. A label the key accepts as
    defensible is said to be so; a label that does not fit is off, and the feedback says what the
    label means and what the sentence has. ``show_answers=True`` adds the key's label and reason.

    >>> check_quotes({1: "direct", "sentence 0": "direct"}).verdicts()
    {'sentence 0': 'off', 'sentence 1': 'in key'}
    """
    key = _sentence_key()
    article = key_article(KEY_TOPIC)
    meaning = load_key(KEY_TOPIC)["feedback"]["meaning"]
    if isinstance(answers, str) and not any(sep in answers for sep in (":", "=", "->", "→")):
        answers = as_answer_list(answers)  # "narration, direct, ...": labels in sentence order
    if isinstance(answers, (list, tuple)) and not all(isinstance(a, (list, tuple)) for a in answers):
        answers = dict(enumerate(answers))
    pairs = as_pairs(answers, "your labels", _EXAMPLE_DICT)
    fb = Feedback("Whose words? Sentence labels")
    if len(pairs) > len(key) + 2:
        fb.add(
            "refused",
            f"You gave {len(pairs)} labels; the article has {len(key)} sentences. Give one label per sentence.",
            about="*",
        )
        return fb
    labels = {}
    reader = LabelReader(_label_words(), _EXAMPLE, noise=evidence.is_gibberish)
    twice = [sentence_number(raw) for raw, _value in pairs]
    for raw, value in pairs:
        number = sentence_number(raw)
        name = f"sentence {number}" if number is not None else unquote(raw)
        if number is None:
            fb.add("wrong kind", f'{_short(raw)} is not a sentence number: write 0, 1, 2 … or "sentence 3".', name)
        elif number not in key:
            fb.add(
                "off",
                f"There is no sentence {number}: the sentences are numbered 0 to {len(key) - 1}, as in "
                "article.sentence_table().",
                about=name,
            )
        elif twice.count(number) > 1:  # {"sentence 1": "direct", 1: "partial"}
            if name not in fb.verdicts():
                fb.add("refused", f"Sentence {number} has {twice.count(number)} labels: give it one.", about=name)
        elif hedged(value, SENTENCE_LABELS):
            fb.add("refused", f"Sentence {number}: choose one label, the one you can defend best.", about=name)
        elif is_blank(value):
            fb.add("empty", f"Sentence {number}: no label yet.", about=name)
        else:
            label = reader.read(value, f"a label for sentence {number}", name, fb)
            if label is not None:
                labels[number] = label
    reader.finish(fb, labels_read=bool(labels))
    numbers = {sentence_number(k) for k, _ in pairs} - {None}
    if len(key) in numbers and all(1 <= n <= len(key) for n in numbers):  # 1 to 12, not 0 to 11; never -1 or 100
        fb.add("note", "It looks as if you counted from 1: the notebook counts sentences from 0.")
    for number in sorted(labels):
        entry, label = key[number], labels[number]
        name = f"sentence {number}"
        if label == entry["label"]:
            fb.add("in key", f"Sentence {number}: {label}. {entry['why']}", about=name)
        elif label in entry["also_accept"]:
            fb.add(
                "defensible",
                f"Sentence {number}: {label} is defensible; the key prefers another label. {_hint(entry['label'])}",
                about=name,
            )
        else:
            fb.add(
                "off",
                f"Sentence {number}: {meaning[label]}, but sentence {number} has {_what_it_has(article, number)}. "
                "Which label fits what it has?",
                about=name,
            )
    missing = [n for n in sorted(key) if n not in labels and f"sentence {n}" not in fb.verdicts()]
    if missing:
        fb.add("missed", f"No label yet for sentence(s) {', '.join(map(str, missing))}.")
    if show_answers:
        for number in sorted(key):
            entry = key[number]
            also = f" (also defensible: {', '.join(entry['also_accept'])})" if entry["also_accept"] else ""
            fb.add("answer", f"Sentence {number}: {entry['label']}{also}. {entry['why']}")
    return fb


def _short(value, length: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= length else text[: length - 1] + "…"


def check_verb_rewrite(original: str, rewrite: str) -> Feedback:
    """Compare the reporting verbs of a sentence and your rewrite of it: what did the new verb change?

    The verbs are found by the module; whether the rewrite keeps the facts is yours to judge, so a
    rewrite is never marked "in the key".

    >>> fb = check_verb_rewrite("Carter pledged to build a coalition.", "Carter said he would build one.")
    >>> fb.verdicts(), fb.messages("unchecked")[0][:48]
    ({'rewrite': 'unchecked'}, '“pledged” became “said”: the verb went from eval')
    """
    fb = Feedback("Reporting verbs: original and rewrite")
    if not isinstance(original, str) or is_blank(original):
        raise AnswerFormatError("Give the original sentence first, for example: original = article.sentences[5].text")
    if isinstance(rewrite, (list, tuple)) and all(isinstance(r, str) for r in rewrite):
        rewrite = " ".join(rewrite)
    if not isinstance(rewrite, str) and not is_blank(rewrite):
        raise AnswerFormatError(
            'Write your rewrite as text between quotation marks, for example: my_rewrite = "Carter said he would ..."'
        )
    if is_blank(rewrite):
        fb.add("empty", "No rewrite yet: write the sentence again with another reporting verb.", about=REWRITE)
        return fb
    size, limit = len(evidence.words_of(rewrite)), max(60, 3 * len(evidence.words_of(original)))
    if size > limit:
        fb.add(
            "refused",
            f"Your rewrite is {size} words long; the sentence has {len(evidence.words_of(original))}. Rewrite only "
            "that sentence, changing its reporting verb.",
            about=REWRITE,
        )
        return fb
    if evidence.is_gibberish(rewrite):
        fb.add("wrong kind", f"{_short(rewrite)} is not a sentence in words: rewrite the sentence.", about=REWRITE)
        return fb
    if normalize(rewrite) == normalize(original):
        fb.add("off", "Your rewrite is the original sentence: change its reporting verb.", about=REWRITE)
        return fb
    found = []
    for name, sentence in (("Original", original), ("Rewrite", rewrite)):
        verbs = find_reporting_verbs(_verbs_in_lower_case(sentence))
        if verbs.empty:
            fb.add(
                "note",
                f"{name}: no reporting verb with a speaker found (is there a name or “he”/“she” before the verb?).",
            )
        for row in verbs.itertuples():
            fb.add("note", f"{name}: “{row.text}” ({row.verb}, {row.stance}): {row.note}")
        found.append(verbs)
    misspelt = _misspelt_verbs(original, rewrite) if not _added(*found) else []
    if misspelt:
        typo, meant = misspelt[0]
        fb.add(
            "close",
            f"“{typo}”: did you mean “{meant}”? Spell the reporting verb as the dictionary does, and run the check "
            "again.",
            about=REWRITE,
        )
        return fb
    _verdict_on_rewrite(fb, *found)
    return fb


def _verb_forms() -> dict[str, str]:
    """Every form of every reporting verb ("promised") -> the form itself."""
    return {form: form for row in read_table("reporting_verbs.csv") for form in row["forms"].split("|")}


def _verbs_in_lower_case(sentence: str) -> str:
    """The sentence with reporting verbs written in capitals put in lower case ("PROMISED" -> "promised").

    Same length, so offsets do not move; names and acronyms ("ISIL") are left as they are.
    """
    forms = _verb_forms()
    return re.sub(r"\b[A-Z]{2,}\b", lambda m: m.group().lower() if m.group().lower() in forms else m.group(), sentence)


def _misspelt_verbs(original: str, rewrite: str) -> list[tuple[str, str]]:
    """(word, verb form) for each new word of the rewrite that looks like a misspelt reporting verb ("promissed")."""
    forms = _verb_forms()
    before = {w.lower() for w in evidence.words_of(original)}
    known = cmu_dictionary()
    out = []
    for word in evidence.words_of(rewrite)[:200]:  # the rewrite is at most a few sentences (checked above)
        low = word.lower()
        if low in before or low in forms or low in known or len(low) < 4:
            continue
        # a misspelling keeps the first letter and about the length ("promissed"), which keeps this loop short
        near = [f for f in forms if f[0] == low[0] and abs(len(f) - len(low)) <= 2 and evidence.is_typo_of(low, f)]
        if near:
            out.append((word, min(near, key=lambda f: (edit_distance(low, f), f))))
            break  # one suggestion is enough
    return out


def _added(before, after) -> bool:
    return bool(set(after["verb"]) - set(before["verb"])) if not after.empty else False


def _verdict_on_rewrite(fb: Feedback, before, after) -> None:
    good = (
        "The machine does not check the rest: a good rewrite keeps the facts and the speaker, changes only the "
        "verb, and you can say what the new verb claims that the old one did not."
    )
    if after.empty:
        fb.add(
            "unchecked",
            "I found no reporting verb I know in your rewrite (see reporting_verb_table()). " + good,
            about=REWRITE,
        )
        return
    if before.empty:
        fb.add(
            "unchecked", "The original has no reporting verb I know, so there is nothing to compare. " + good, REWRITE
        )
        return
    removed = [r for r in before.itertuples() if r.verb not in set(after["verb"])]
    added = [r for r in after.itertuples() if r.verb not in set(before["verb"])]
    if not removed and not added:
        fb.add(
            "off",
            "The reporting verbs are the same: the exercise asks you to change one. Try a verb from "
            "reporting_verb_table() with another stance.",
            about=REWRITE,
        )
    elif removed and added:
        new = added[0]
        # the verb it replaced: one in the same kind of frame ("Carter pledged" -> "Carter promised"), if any
        old = next((r for r in removed if r.frame == new.frame), removed[0])
        s1, s2 = old.stance, new.stance
        change = f"went from {s1} to {s2}" if s1 != s2 else f"stayed {s1}"
        gone = [r.text for r in removed if r is not old]
        also = f" Your rewrite also leaves out “{'”, “'.join(gone)}”." if gone else ""
        fb.add(
            "unchecked",
            f"“{old.text}” became “{new.text}”: the verb {change}.{also} Read both aloud: which one sounds "
            "more certain of the speaker's commitment? " + good,
            about=REWRITE,
        )
    else:
        fb.add(
            "unchecked",
            "The number of reporting verbs changed. Which statement now has no verb, or a new one? " + good,
            about=REWRITE,
        )


def answer_key_markdown() -> str:
    """The quotation lesson's answer key as Markdown, rendered from ``seeds/keys/quotes.json``.

    >>> answer_key_markdown().splitlines()[0]
    '# Answer key · 03 Quotations: whose words?'
    """
    key = load_key(KEY_TOPIC)
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
