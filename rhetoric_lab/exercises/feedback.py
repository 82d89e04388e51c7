"""Feedback for self-check exercises, and matching of a student's answers against a key.

Every check in the module returns a :class:`Feedback`: a list of lines, each
with a kind ("found", "missed", "not in key", "hint", "answer", "note"). Each
kind is written out in words and marked with a symbol, never by colour alone.
An answer that is not in the key is never called wrong: the feedback says
what the key says about it, or asks the student to justify it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..display.common import escape
from ..errors import AnswerFormatError
from ..wordforms import american, straight

SYMBOLS = {
    "found": "✔ Found",
    "missed": "○ Still to find",
    "not in key": "? Not in the key",
    "hint": "➜ Hint",
    "answer": "★ From the key",
    "note": "• Note",
}

_ARTICLES = {"the", "a", "an"}


@dataclass
class Feedback:
    """Feedback on one exercise. Shows as text in a terminal and as a list in Jupyter.

    >>> fb = Feedback("Metaphors")
    >>> fb.add("found", "parent tumor")
    >>> print(fb)
    Metaphors
      ✔ Found: parent tumor
    """

    title: str
    lines: list[tuple[str, str]] = field(default_factory=list)

    def add(self, kind: str, message: str) -> None:
        if kind not in SYMBOLS:
            raise ValueError(f"unknown feedback kind {kind!r}; use one of {sorted(SYMBOLS)}")
        self.lines.append((kind, message))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.lines]

    def __str__(self) -> str:
        return "\n".join([self.title] + [f"  {SYMBOLS[k]}: {m}" for k, m in self.lines])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        items = "".join(f"<li><strong>{escape(SYMBOLS[k])}:</strong> {escape(m)}</li>" for k, m in self.lines)
        return f'<div class="rl-feedback"><p><strong>{escape(self.title)}</strong></p><ul>{items}</ul></div>'


def normalize(answer: str) -> str:
    """Normalise an answer for matching: case, quotes, punctuation, articles, British spelling.

    >>> normalize("The parent Tumour!")
    'parent tumor'
    """
    text = straight(unicodedata.normalize("NFKC", str(answer)).lower())
    text = re.sub(r"[^\w\s'-]", " ", text)
    words = [american(w.strip("'")) for w in text.split()]
    while words and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(w for w in words if w)


def matches(answer: str, key_text: str) -> bool:
    """True when two phrases agree after normalising, or one holds the other as whole words.

    >>> matches("Metastasis", "metastasis")
    True
    >>> matches("the parent tumour", "parent tumor")
    True
    >>> matches("tumor", "parent tumor")
    True
    >>> matches("air", "air strikes and raids")
    False
    """
    a, k = normalize(answer), normalize(key_text)
    if not a or not k:
        return False
    if a == k:
        return True
    shorter, longer = sorted((a, k), key=len)
    # A single short word inside a long phrase is too loose a match.
    if len(shorter.split()) == 1 and len(longer.split()) > 2:
        return False
    return re.search(rf"(?<![\w'-]){re.escape(shorter)}(?![\w'-])", longer) is not None


def as_answer_list(answers, what: str = "your answers") -> list[str]:
    """Accept a list of strings (or one string with commas); explain the form otherwise."""
    if isinstance(answers, str):
        answers = [a for a in re.split(r"[,;\n]", answers)]
    if not isinstance(answers, (list, tuple, set)) or not all(isinstance(a, str) for a in answers):
        raise AnswerFormatError(
            f'Write {what} as a list of phrases in quotation marks, for example: ["parent tumor", "safe haven"].'
        )
    return [a.strip() for a in answers if a.strip()]


def check_written_answers(answers: dict, title: str = "Your reading") -> Feedback:
    """Which written answers are done and which are still empty ("..." or blank).

    For open questions with no key: it checks only that each has an answer, and asks for evidence.

    >>> check_written_answers({"a real metaphor": "...", "whose voice": "the speaker's"}).kinds()
    ['missed', 'found', 'hint']
    """
    if not isinstance(answers, dict):
        raise AnswerFormatError(
            'Write your answers as {"question": "your answer", ...}, keeping the questions as they are.'
        )
    feedback = Feedback(title)
    for question, answer in answers.items():
        if str(answer).strip(" .…") == "":
            feedback.add("missed", f"{question}: not answered yet (replace the ...).")
        else:
            feedback.add("found", f"{question}: {answer}")
    if "missed" in feedback.kinds():
        feedback.add("hint", "Use the highlights and tables above as evidence: quote the words you mean.")
    else:
        feedback.add("note", "All answered. Save the profile below: your answers go into it.")
    return feedback
