"""Free-text answers, which the machine does not judge, and a practice check of how Python reads an answer.

:func:`check_written_answers` never marks free text as right: it says that it is not checked and what
a good answer contains, and it refuses a pasted article or keyboard noise. :func:`check_answer_form`
(notebook 00) shows how Python reads a list, a string or a dictionary, so that a missing comma or a
missing colon is seen before a real exercise.
"""

from __future__ import annotations

import difflib

from ..errors import AnswerFormatError
from ..text import Article, as_article
from . import evidence
from .feedback import Feedback
from .forms import as_answer_list, is_blank, normalize, unquote
from .keys import key_article

#: What a good free-text answer contains (said with every set of written answers).
GOOD_ANSWER = (
    "Free text is not checked by the machine: your teacher or a partner reads it. A good answer quotes the "
    "words you mean (in quotation marks), says where they are (paragraph ¶), and gives your reason in a sentence."
)
#: A written answer shorter than this many words gets a hint to say more.
SHORT_ANSWER = 4
#: The questions of notebook 06's reading (``my_reading``): the ones check_written_answers expects by default.
READING_QUESTIONS = (
    "a real metaphor",
    "a literal candidate",
    "whose voice",
    "the allusion that works hardest",
    "what readability misses",
)


def _as_questions(answers) -> list[tuple[str, object]]:
    if isinstance(answers, dict):
        return [(unquote(q) if isinstance(q, str) else str(q), a) for q, a in answers.items()]
    if isinstance(answers, str) or answers is None or answers is Ellipsis:
        return [("your answer", answers)]
    if isinstance(answers, (list, tuple)):
        return [(f"answer {n}", a) for n, a in enumerate(answers, start=1)]
    raise AnswerFormatError(
        'Write your answers as {"question": "your answer", ...}, keeping the questions as they are.'
    )


def check_written_answers(answers, title: str = "Your reading", article=None) -> Feedback:
    """Which written answers are there, which are still empty ("..." or blank), and which are refused.

    Free text is never marked right: each answer is "not checked by the machine", with what a good
    answer contains. An answer of keyboard noise, one far too long (a pasted article) or one that
    copies its question is refused. When the answers are notebook 06's (a dict holding one of its
    questions, or an empty one), the check says which of its questions are missing. Give ``article``
    to refuse answers copied from it.

    >>> check_written_answers({"a real metaphor": "...", "whose voice": "asdf"}).verdicts()
    {'a real metaphor': 'empty', 'whose voice': 'wrong kind'}
    """
    given = _as_questions(answers)
    article = as_article(article) if isinstance(article, (str, Article)) else None
    feedback = Feedback(title)
    for question, answer in given:
        judge_written(feedback, question, answer, article)
    named = {normalize(q) for q, _ in given}
    reading = {normalize(q) for q in READING_QUESTIONS}
    ours = isinstance(answers, dict) and (not answers or bool(named & reading))  # notebook 06's questions
    expected = list(READING_QUESTIONS) if ours else []
    missing = [q for q in expected if normalize(q) not in named]
    if missing:
        listed = ", ".join(repr(q) for q in missing)
        feedback.add(
            "missed",
            f"{len(missing)} of the {len(expected)} questions are missing: {listed}. Put them back, each with your "
            "answer (or ... until you have one).",
        )
    if "empty" in feedback.kinds():
        feedback.add("hint", "Use the highlights and tables above as evidence: quote the words you mean.")
    elif given and not missing and set(feedback.verdicts().values()) == {"unchecked"}:  # none refused, empty, missing
        feedback.add("note", "All answered. Save the profile below: your answers go into it.")
    feedback.add("note", GOOD_ANSWER)
    return feedback


def copies_question(answer: str, question: str) -> bool:
    """True when an answer is its question again: the same words, or a run of them that is most of the answer.

    >>> copies_question("Whose voice?", "whose voice"), copies_question("Carter's: he is quoted twice.", "whose voice")
    (True, False)
    """
    words = [w.lower() for w in evidence.words_of(answer)]
    asked = [w.lower() for w in evidence.words_of(question)]
    if not words or not asked:
        return False
    if words == asked:
        return True
    run = difflib.SequenceMatcher(None, words, asked, autojunk=False).find_longest_match(0, len(words), 0, len(asked))
    return len(words) >= 3 and run.size >= 0.8 * len(words)


def judge_written(
    feedback: Feedback, question: str, answer, article: Article | None = None, about=None, prompt: str | None = None
) -> None:
    """One free-text answer: empty, refused (too long, copied from the text or from its question), not words,
    or "not checked by the machine".

    The verdict is about ``about`` (the question, unless given); ``prompt`` is the question's full text, if
    it is longer than its name.
    """
    about = question if about is None else about
    text = "" if is_blank(answer) else str(answer).strip()
    size = len(evidence.words_of(text))
    if not text:
        feedback.add("empty", f"{question}: replace the ... with your answer.", about=about)
    elif size > evidence.MAX_WRITTEN_WORDS:
        feedback.add(
            "refused",
            f"{question}: {size} words is not an answer but a text. Write a few sentences of your own "
            f"(at most {evidence.MAX_WRITTEN_WORDS} words).",
            about=about,
        )
    elif any(copies_question(text, q) for q in (question, prompt) if q):
        feedback.add(
            "refused",
            f"{question}: this answer copies the question. Write your own answer: the words you mean, and why.",
            about=about,
        )
    elif article is not None and size >= 20 and evidence.longest_copied_run(text, article) >= 0.8 * size:
        feedback.add(
            "refused",
            f"{question}: this is copied from the text. Quote only the words you mean, and say why in your own words.",
            about=about,
        )
    elif evidence.is_gibberish(text):
        feedback.add(
            "wrong kind",
            f"{question}: {text[:40]!r} is not an answer in words. Write a sentence that says what you think.",
            about=about,
        )
    else:
        short = " It is very short: add the words you mean and your reason." if size < SHORT_ANSWER else ""
        feedback.add("unchecked", f"{question}: {_cut(text)}{'' if text[-1:] in '.!?' else '.'}{short}", about=about)


def _cut(text: str, length: int = 300) -> str:
    """A long answer shown cut short (the student has the whole of it in the cell)."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


#: What a value is, in words (never Python's own type names: "42 is a int").
_KINDS = {"int": "a whole number", "float": "a number with a decimal point", "bool": "True or False"}

#: The most phrases check_answer_form looks at one by one (each is compared with the whole article).
MAX_PRACTICE_PHRASES = 50


def check_answer_form(answer, article=None) -> Feedback:
    """How Python reads your answer: a list of phrases, one piece of text, or a dictionary of labels.

    A practice for notebook 00: it shows each phrase as Python sees it, says whether the article has
    it, and spots a missing comma ("cancerspread") or a set written instead of a dictionary.

    >>> print(check_answer_form(["cancer" "spread"]))  # doctest: +ELLIPSIS
    How Python reads your answer
      • Note: A list of 1 phrase: 'cancerspread'.
      ≈ Close: 'cancerspread' looks like 2 phrases run together: 'cancer', 'spread'. Put a comma ...
    """
    article = key_article("metaphors") if article is None else as_article(article)
    feedback = Feedback("How Python reads your answer")
    if is_blank(answer) and not isinstance(answer, (dict, list, tuple, set)):
        feedback.add("empty", "Nothing yet: replace the ... with your answer.", about="*")
        return feedback
    if isinstance(answer, dict):
        _dictionary(answer, feedback)
        return feedback
    if isinstance(answer, (set, frozenset)) and answer:
        feedback.add(
            "wrong kind",
            "Curly brackets without colons make a set, not a dictionary. Write each entry as key: value, for "
            'example {0: "narration", 1: "direct"}.',
            about="*",
        )
        return feedback
    size = _answer_size(answer)
    if size > MAX_PRACTICE_PHRASES:  # refused before anything is listed: a pasted text would fill the page
        feedback.add(
            "refused",
            f"That is {size} phrases: this practice looks at a short list. Keep the phrases you mean "
            f"(at most {MAX_PRACTICE_PHRASES}) and run the cell again.",
            about="*",
        )
        return feedback
    if isinstance(answer, str):
        phrases = as_answer_list(answer)
        feedback.add(
            "note",
            f"One piece of text (a string), not a list. The checks split it at commas and new lines, into "
            f"{_count(phrases)}.",
        )
    elif isinstance(answer, (list, tuple)):
        bad = [a for a in answer if not isinstance(a, str) and not is_blank(a)]
        for item in bad:
            feedback.add("wrong kind", f"{item!r} is not in quotation marks, so it is not a phrase.", about=repr(item))
        phrases = as_answer_list([a for a in answer if isinstance(a, str)])
        feedback.add("note", f"A list of {_count(phrases)}: {', '.join(repr(p) for p in phrases)}.")
    else:
        feedback.add(
            "wrong kind",
            f"{answer!r} is {_KINDS.get(type(answer).__name__, 'not text')}, not a list of phrases."
            " Write phrases in quotation marks, "
            'inside square brackets, with commas between them: ["coalition", "safe haven"].',
            about="*",
        )
        return feedback
    for phrase in phrases:
        _phrase(phrase, article, feedback)
    if not phrases:
        feedback.add("empty", 'The list is empty: write phrases in quotation marks, e.g. ["coalition"].', about="*")
    return feedback


def _answer_size(answer) -> int:
    """How many phrases an answer holds: items of a list, or pieces of a string split at commas and lines."""
    if isinstance(answer, str):
        return len(as_answer_list(answer))
    return len(answer) if isinstance(answer, (list, tuple)) else 0


def _count(phrases: list[str]) -> str:
    return f"{len(phrases)} phrase{'' if len(phrases) == 1 else 's'}"


def _phrase(phrase: str, article: Article, feedback: Feedback) -> None:
    size = len(evidence.words_of(phrase))
    if size > evidence.MAX_PHRASE_WORDS:
        feedback.add("refused", f"{phrase[:40]!r}… is {size} words long: a phrase is a few words.", about=phrase)
    elif evidence.occurs(phrase, article):
        feedback.add("note", f"{phrase!r} is in the article.", about=phrase)
    else:
        parts = evidence.glued_parts(phrase, article)
        if parts:
            listed = ", ".join(repr(p) for p in parts)
            feedback.add(
                "close",
                f"{phrase!r} looks like {len(parts)} phrases run together: {listed}. Put a comma between the "
                "quoted phrases.",
                about=phrase,
            )
            return
        near = evidence.nearest_phrase(phrase, article)
        nearest = f" The nearest words in the article are {near!r}." if near else ""
        feedback.add("not in text", f"{phrase!r} is not in the article: check the spelling.{nearest}", about=phrase)


def _dictionary(answer: dict, feedback: Feedback) -> None:
    feedback.add("note", f"A dictionary with {len(answer)} entr{'y' if len(answer) == 1 else 'ies'}.")
    if not answer:
        feedback.add("empty", 'It is empty: write entries such as {0: "narration"}.', about="*")
    for key, value in answer.items():
        about = str(key)
        if isinstance(key, str) and unquote(key).isdigit():
            feedback.add(
                "close",
                f"{key!r} → {value!r}: the key is text (in quotation marks), not a number. The checks accept it; "
                f"a sentence number is usually written without quotation marks: {int(unquote(key))}.",
                about=about,
            )
        elif not isinstance(value, str):
            feedback.add(
                "wrong kind", f'{key!r} → {value!r}: a label goes in quotation marks, like "narration".', about=about
            )
        elif is_blank(value):
            feedback.add("empty", f"{key!r} → no label yet.", about=about)
        else:
            what = "a number" if isinstance(key, int) else "a key in quotation marks"
            feedback.add("note", f"{key!r} → {value!r}: {what}, a colon, and a label in quotation marks.", about=about)
