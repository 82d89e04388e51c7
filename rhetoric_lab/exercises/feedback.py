"""Feedback for self-check exercises: calibrated categories, the same in every check.

Every check in the module returns a :class:`Feedback`: a list of lines. Each line has a kind, a
message and (for a verdict on one answer) the answer it is about. Each kind is written out in words
and marked with its own symbol, so nothing depends on colour.

The verdicts on one answer, from best to worst:

========================  =====================================================================
kind                      meaning
========================  =====================================================================
``in key``                in the answer key; the key's reason comes with it
``own counts``            a sum worked right from the student's own counts, which are not the key's
``defensible``            not in the key, but the module's finder, lexicon or data knows it: say why
``literal``               the key (or, failing that, the module) reads it literally here, with the reason
``not in text``           the words do not occur: the nearest words that do are given
``wrong kind``            not the kind of thing asked for (a name, a date, a function word, not a year)
``close``                 a typo, an inflection or a part of a key item: it says which
``off``                   a wrong year or a wrong label: it says what that year or label is
``refused``               not checked: too long, too many, or several answers in one
``unchecked``             free text: the machine does not judge it, and says what a good one has
``empty``                 nothing written yet
========================  =====================================================================

Other lines: ``missed`` (how many are still to find), ``hint``, ``answer`` (from the key, only when
asked with ``show_answers=True``) and ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..display.common import escape
from .forms import as_answer_list, matches, normalize  # noqa: F401 (their old home; kept for other modules)

#: Every kind of line: its symbol and its word. No two share a symbol.
CATEGORIES = {
    "in key": ("✔", "In the key"),
    "own counts": ("✓", "Arithmetic right with your counts"),
    "defensible": ("◇", "Defensible, not in the key"),
    "literal": ("=", "Literal here"),
    "not in text": ("∅", "Not in the text"),
    "wrong kind": ("≠", "Not this kind of thing"),
    "close": ("≈", "Close"),
    "off": ("✘", "Off"),
    "refused": ("⊗", "Not accepted"),
    "unchecked": ("✎", "Not checked by the machine"),
    "empty": ("◌", "Not answered yet"),
    "missed": ("○", "Still to find"),
    "hint": ("➜", "Hint"),
    "answer": ("★", "From the key"),
    "note": ("•", "Note"),
}
#: The kinds that are a verdict on one answer (the others are about the whole exercise).
VERDICTS = (
    "in key",
    "own counts",
    "defensible",
    "literal",
    "not in text",
    "wrong kind",
    "close",
    "off",
    "refused",
    "unchecked",
    "empty",
)
#: The symbol and word of each kind, as one label ("✔ In the key").
SYMBOLS = {kind: f"{symbol} {word}" for kind, (symbol, word) in CATEGORIES.items()}
#: Older names of two kinds, still accepted by :meth:`Feedback.add`.
OLD_NAMES = {"found": "in key", "not in key": "defensible"}


class Line(NamedTuple):
    """One line of feedback: its kind, its message, and the answer it is a verdict on (or None)."""

    kind: str
    message: str
    about: str | None = None


@dataclass
class Feedback:
    """Feedback on one exercise. Shows as text in a terminal and as a list in Jupyter.

    >>> fb = Feedback("Metaphors")
    >>> fb.add("in key", "'parent tumor': disease and medicine.", about="parent tumor")
    >>> print(fb)
    Metaphors
      ✔ In the key: 'parent tumor': disease and medicine.
    >>> fb.verdicts()
    {'parent tumor': 'in key'}
    """

    title: str
    lines: list[Line] = field(default_factory=list)

    def add(self, kind: str, message: str, about=None) -> None:
        kind = OLD_NAMES.get(kind, kind)
        if kind not in CATEGORIES:
            raise ValueError(f"unknown feedback kind {kind!r}; use one of {sorted(CATEGORIES)}")
        self.lines.append(Line(kind, message, None if about is None else str(about)))

    def kinds(self) -> list[str]:
        """The kind of every line, in order."""
        return [line.kind for line in self.lines]

    def verdicts(self) -> dict[str, str]:
        """The verdict on each answer: the kind of the first line about it ("*" is the answer as a whole)."""
        found: dict[str, str] = {}
        for line in self.lines:
            if line.about is not None:
                found.setdefault(line.about, line.kind)
        return found

    def messages(self, kind: str) -> list[str]:
        """The messages of every line of one kind."""
        return [line.message for line in self.lines if line.kind == kind]

    def __str__(self) -> str:
        return "\n".join([self.title] + [f"  {SYMBOLS[line.kind]}: {line.message}" for line in self.lines])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        # one paragraph per line: each starts with its own symbol and word, so no bullets are needed
        lines = "".join(
            f'<p data-kind="{escape(line.kind)}" style="margin:0.2em 0 0.2em 0.5em">'
            f"<strong>{escape(SYMBOLS[line.kind])}:</strong> {escape(line.message)}</p>"
            for line in self.lines
        )
        return f'<div class="rl-feedback"><p><strong>{escape(self.title)}</strong></p>{lines}</div>'
