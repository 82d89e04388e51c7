"""Errors that Rhetoric Lab raises on purpose.

Every message says, in plain words, what went wrong and what to do next.
The command line prints the message (no traceback) and exits with code 2.
In a notebook, IPython shows the message in a short box, without a traceback
(``_render_traceback_``); a teacher who wants the whole traceback runs ``rl.debug(True)``.

>>> error = AnswerFormatError("Write your answers as a list.")
>>> print("\\n".join(error._render_traceback_()))  # what a notebook shows
┌─ Rhetoric Lab: how to write your answer
│ Write your answers as a list.
└─ Change the cell and run it again. (Teachers: rl.debug(True) shows the full traceback.)
"""

from __future__ import annotations

import difflib
import textwrap

#: Width of the boxed message in a notebook (characters), and most lines of message in the box.
BOX_WIDTH = 88
BOX_LINES = 3

_STATE = {"debug": False}


def debug(on: bool = True) -> None:
    """Show (``True``) or hide (``False``) full tracebacks for Rhetoric Lab's own errors in a notebook.

    Students see one short box; a teacher looking for a bug in the library turns tracebacks on.

    >>> debug(True)
    Rhetoric Lab: full tracebacks are on; rl.debug(False) turns them off.
    >>> debug(False)
    Rhetoric Lab: short messages are back; rl.debug(True) shows full tracebacks.
    """
    _STATE["debug"] = bool(on)
    if on:
        print("Rhetoric Lab: full tracebacks are on; rl.debug(False) turns them off.")
    else:
        print("Rhetoric Lab: short messages are back; rl.debug(True) shows full tracebacks.")


def closest(word, choices) -> str | None:
    """The choice that ``word`` is most likely a typo of, or None.

    A typo keeps the first letter and most of the rest: "metafor" is "metaphor", "no quote" is not "quote".

    >>> closest("paraphase", ["direct", "paraphrase"]), closest("no quote", ["quote"])
    ('paraphrase', None)
    """
    word = str(word).strip().lower()
    lowered = {str(c).lower(): str(c) for c in choices}
    close = [c for c in difflib.get_close_matches(word, list(lowered), n=3, cutoff=0.8) if c[:1] == word[:1]]
    return lowered[close[0]] if close else None


def did_you_mean(word, choices) -> str:
    """A "did you mean …?" for a mistyped word, or "" when nothing is close.

    >>> did_you_mean("metafor", ["metaphor", "literal"])
    " Did you mean 'metaphor'?"
    >>> did_you_mean("banana", ["metaphor", "literal"])
    ''
    """
    close = closest(word, choices)
    return f" Did you mean {close!r}?" if close else ""


#: The last line of the box: what to do, and how a teacher sees the whole traceback.
FOOTER = "Change the cell and run it again. (Teachers: rl.debug(True) shows the full traceback.)"


def boxed(message: str, heading: str = "Rhetoric Lab", footer: str = FOOTER) -> list[str]:
    """A message in a small box of at most ``BOX_LINES + 2`` lines (no colour needed).

    >>> boxed("Something is missing.", footer="Try again.")
    ['┌─ Rhetoric Lab', '│ Something is missing.', '└─ Try again.']
    """
    lines = textwrap.wrap(" ".join(str(message).split()), BOX_WIDTH) or [""]
    if len(lines) > BOX_LINES:  # keep the box short: the rest goes on the last line
        lines = lines[: BOX_LINES - 1] + [" ".join(lines[BOX_LINES - 1 :])]
    return [f"┌─ {heading}", *(f"│ {line}" for line in lines), f"└─ {footer}"]


class RhetoricLabError(Exception):
    """Base class: something about the input, explained for a student."""

    heading = "Rhetoric Lab"

    @property
    def _render_traceback_(self):
        # IPython asks for this with hasattr(): raising AttributeError (debug on) gives the full traceback.
        if _STATE["debug"]:
            raise AttributeError("_render_traceback_")
        return self._short_message

    def _short_message(self) -> list[str]:
        return boxed(str(self), self.heading)


class TextNotFoundError(RhetoricLabError):
    """The path does not exist, or names a folder rather than a file."""


class TextEncodingError(RhetoricLabError):
    """The file is not UTF-8 text (or is not text at all)."""


class EmptyTextError(RhetoricLabError):
    """The text has no words to analyse."""


class OutputExistsError(RhetoricLabError):
    """Saving would overwrite a file that is already there."""


class AnswerFormatError(RhetoricLabError):
    """An exercise answer is not in the form the check expects."""

    heading = "Rhetoric Lab: how to write your answer"
