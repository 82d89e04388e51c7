"""The MIPVU-style worksheet of the metaphor lesson (notebook 01): five words, one verdict each.

The words, their basic and contextual meanings and the key's verdicts are the ``worksheet``
section of ``seeds/keys/metaphors.json``; the words a student may use for a verdict are its
``verdicts`` section.
"""

from __future__ import annotations

import pandas as pd

from ..data import load_key
from ..errors import AnswerFormatError
from . import evidence
from .feedback import Feedback
from .forms import LabelReader, _short, as_pairs, hedged, is_blank, normalize, unquote
from .keys import key_article

KEY_TOPIC = "metaphors"
_EXAMPLE = 'For example: verdicts = {"spread": "metaphor", "ground": "literal"}'


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


def _verdict_words() -> dict[str, str]:
    key = load_key(KEY_TOPIC)
    words, more = key["verdicts"], key["feedback"]["verdict_variants"]
    return {normalize(w): label for label in ("metaphor", "literal") for w in [*words[label], *more[label]]}


def _word_on_sheet(word: str, by_word: dict[str, dict]) -> tuple[dict | None, bool]:
    """The worksheet item a word names (and whether it was a typo of it)."""
    text = normalize(word)
    for name, item in by_word.items():
        if text in (normalize(name), normalize(item["text"])):
            return item, False
    for name, item in by_word.items():
        if evidence.is_typo_of(text, name):
            return item, True
    return None, False


def check_worksheet(verdicts, show_answers: bool = False) -> Feedback:
    """Check your worksheet verdicts: a dict from each word to "metaphor" or "literal".

    >>> check_worksheet({"spread": "metaphor", "ground": "metaphor"}).verdicts()
    {'spread': 'in key', 'ground': 'off'}
    """
    items = load_key(KEY_TOPIC)["worksheet"]
    by_word = {w["word"]: w for w in items}
    pairs = as_pairs(verdicts, "your verdicts", '{"spread": "metaphor", "haven": "literal"}')
    if isinstance(verdicts, (list, tuple)) and not pairs:
        raise AnswerFormatError("Write your verdicts as a dictionary. " + _EXAMPLE)
    feedback = Feedback("Worksheet: basic meaning, contextual meaning, contrast")
    done: set[str] = set()
    if len(pairs) > 2 * len(items):
        feedback.add(
            "refused",
            f"You gave {len(pairs)} verdicts; the worksheet has {len(items)} words. Give one verdict for each of "
            f"its words: {', '.join(by_word)}.",
            about="*",
        )
        return feedback
    said: list[tuple[str, dict, bool, bool]] = []
    reader = LabelReader(_verdict_words(), _EXAMPLE, noise=evidence.is_gibberish)
    named: dict[str, list[str]] = {}
    for word, _value in pairs:
        item, _typo = _word_on_sheet(unquote(word), by_word)
        if item is not None:
            named.setdefault(item["word"], []).append(unquote(word))
    for word, value in pairs:
        name = unquote(word)
        item, typo = _word_on_sheet(name, by_word)
        if item is None:
            feedback.add(
                "off",
                f"{_short(name)} is not one of the worksheet's words. The worksheet asks about: {', '.join(by_word)}.",
                about=name,
            )
            continue
        done.add(item["word"])
        if len(named[item["word"]]) > 1:  # {"spread": "metaphor", "Spread": "literal"}
            feedback.add(
                "refused",
                f"{' and '.join(repr(n) for n in named[item['word']])} are one word of the worksheet: give it one "
                "verdict. Keep the one you can explain and delete the other line.",
                about=name,
            )
            continue
        if isinstance(value, bool):
            said.append((name, item, value, typo))
        elif is_blank(value):
            feedback.add("empty", f"{name!r}: no verdict yet.", about=name)
        elif hedged(value, ["metaphor", "literal"]):
            feedback.add(
                "refused",
                f"{name!r}: choose one verdict, metaphor or literal. If you cannot decide, write the one you "
                "lean to and say in the discussion why it is a close call.",
                about=name,
            )
        else:
            label = reader.read(value, f"a verdict for {name!r}", name, feedback)
            if label is not None:
                said.append((name, item, label == "metaphor", typo))
    reader.finish(feedback, labels_read=bool(said))
    for name, item, says, typo in said:
        _judge(feedback, name, item, says, typo, show_answers)
    missing = [w for w in by_word if w not in done]
    if missing:
        feedback.add("missed", f"No verdict yet for: {', '.join(missing)}.")
    if not show_answers and any(k in ("off", "defensible") for k in feedback.kinds()):
        feedback.add("note", "To see the key's reasoning, run again with show_answers=True.")
    return feedback


def _judge(feedback: Feedback, name: str, item: dict, says: bool, typo: bool, show_answers: bool) -> None:
    label = "a metaphor" if says else "literal"
    spelt = f" (read as {item['word']!r})" if typo else ""
    if says == item["metaphor"]:
        kind = "close" if typo else "in key"
        feedback.add(kind, f"{name!r}{spelt}: you read it as {label}; so does the key. {item['why']}", about=name)
    elif item["borderline"]:
        feedback.add(
            "defensible",
            f"{name!r}{spelt}: you read it as {label}. The key calls this borderline and leans the other way; your "
            "reading is defensible if you can say how the two meanings compare.",
            about=name,
        )
    else:
        feedback.add(
            "off",
            f"{name!r}{spelt}: not {label} by the worksheet's test. Put its basic meaning "
            f"({item['basic_meaning']}) next to its meaning in this sentence: do they really differ, and is one "
            "understood through the other?",
            about=name,
        )
        if show_answers:
            verdict = "a metaphor" if item["metaphor"] else "literal"
            feedback.add("answer", f"{item['word']!r} is {verdict} in the key: {item['why']}")
