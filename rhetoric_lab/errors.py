"""Errors that Rhetoric Lab raises on purpose.

Every message says, in plain words, what went wrong and what to do next.
The command line prints the message (no traceback) and exits with code 2.
"""


class RhetoricLabError(Exception):
    """Base class: something about the input, explained for a student."""


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
